//! `govops audit`: duplicates, gaps, inconsistencies and field quality in a service catalog,
//! streamed and interned so that a national catalog (~10 M rows) fits in memory well below
//! its file size.

pub mod config;
pub mod consistency;
pub mod dups;
pub mod gaps;
pub mod intern;
pub mod normalize;
pub mod prep;
pub mod quality;
pub mod report;
pub mod rules;
pub mod similar;
pub mod store;

use std::time::{Duration, Instant};

use serde_json::json;

use crate::cli::{AuditArgs, FailOn, Format};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::load::{self, LoadOptions};
use crate::model::{finding, Finding, RegionSet};
use crate::report::Envelope;

pub use prep::{Inputs, Settings};

const FORMATS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Markdown,
    Format::Sarif,
    Format::Junit,
];

/// Where the inputs of one run come from.
struct Sources {
    catalog: String,
    baseline: Option<String>,
    regions: Option<String>,
}

pub fn run(ctx: &Ctx, args: &AuditArgs) -> Result<u8> {
    if args.list_rules {
        return crate::rules::print_list(ctx, crate::rules::Area::Audit);
    }
    if let Some(id) = &args.explain {
        return crate::rules::print_explain(ctx, id);
    }
    let format = ctx.format("audit", FORMATS)?;
    let settings = settings(ctx, args)?;
    let fail_on = args
        .fail_on
        .or(ctx.profile.audit.fail_on)
        .unwrap_or(FailOn::High);
    let src = sources(ctx, args)?;
    let input_paths: Vec<&str> = [
        Some(src.catalog.as_str()),
        src.baseline.as_deref(),
        src.regions.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Refuse `-o INPUT` before doing any work.
    if let Some(out) = &ctx.global.output {
        ctx.output(&input_paths).refuse_inputs(out)?;
    }

    let base_opts = ctx.load_options();
    let regions_owned = match &src.regions {
        Some(r) => Some(load::read_regions(r, &base_opts)?),
        None => None,
    };
    let regions: &RegionSet = regions_owned.as_ref().unwrap_or_else(|| RegionSet::china());
    let (baseline, baseline_file) = match &src.baseline {
        Some(b) => (
            Some(load::read_baseline(b, &base_opts)?),
            load::Source::parse(b).name(),
        ),
        None => (None, String::new()),
    };
    let opts = LoadOptions {
        defaults: ctx.profile.defaults.clone(),
        filter: ctx.profile.filter.clone(),
        derive: ctx.profile.derive.clone(),
        lenient: true,
        ..base_opts
    };
    let bar = ctx.progress(None, "reading catalog rows");
    let started = Instant::now();
    let mut catalog = store::load(&src.catalog, &opts, &|n| bar.set_position(n))?;
    bar.finish_and_clear();
    ctx.verbose(&format!(
        "read {} rows from {} in {:.2?} ({} distinct names, {} regions)",
        catalog.len(),
        catalog.file,
        started.elapsed(),
        catalog.names.len(),
        catalog.regions.len()
    ));

    let inputs = Inputs {
        catalog: &catalog,
        baseline: baseline.as_deref(),
        baseline_file,
        regions,
        regions_given: src.regions.is_some(),
    };
    let (findings, times) = audit_timed(&inputs, &settings);
    for (what, d) in times {
        ctx.verbose(&format!("{what}: {d:.2?}"));
    }
    let totals = report::Totals {
        rows: catalog.len(),
        regions: catalog.regions.iter().filter(|s| !s.is_empty()).count(),
        items: catalog.items.iter().filter(|s| !s.is_empty()).count(),
        departments: catalog.depts.iter().filter(|s| !s.is_empty()).count(),
    };
    let file = std::mem::take(&mut catalog.file);
    // The rows are no longer needed: free them before the report is built and written.
    drop(catalog);
    let code = finding::exit_code(&findings, fail_on);
    let mut summary = report::summary(&totals, &findings, regions);
    summary["fail_on"] = json!(format!("{fail_on:?}").to_lowercase());
    summary["threshold"] = json!(settings.threshold);
    let env = Envelope::new(
        "audit",
        json!({
            "catalog": file,
            "baseline": src.baseline.as_deref().map(|b| load::Source::parse(b).name()),
            "regions": src.regions.as_deref().map_or_else(|| "built-in China".to_string(), |r| load::Source::parse(r).name()),
            "profile": ctx.origin.to_string(),
        }),
        summary,
    )
    .findings(findings);
    if format == Format::Json {
        // Streamed: a national report is hundreds of MB.
        ctx.emit_stream(&input_paths, &|w| report::write_json(&env, w))?;
    } else {
        let body = report::render(format, &env, ctx.style(), &file);
        ctx.emit(&body, &input_paths)?;
    }
    Ok(code)
}

/// Run every selected rule over loaded inputs; findings in report order.
pub fn audit(inputs: &Inputs, settings: &Settings) -> Vec<Finding> {
    audit_timed(inputs, settings).0
}

/// `audit`, with the time each phase took (shown with --verbose).
pub fn audit_timed(
    inputs: &Inputs,
    settings: &Settings,
) -> (Vec<Finding>, Vec<(&'static str, Duration)>) {
    let mut times = Vec::new();
    let mut t = Instant::now();
    let mut lap = |what: &'static str, times: &mut Vec<_>| {
        times.push((what, t.elapsed()));
        t = Instant::now();
    };
    let p = prep::Prepared::new(inputs, settings);
    lap("prepare", &mut times);
    let mut out = Vec::new();
    quality::check(&p, &mut out);
    lap("quality", &mut times);
    dups::check(&p, &mut out);
    lap("duplicates", &mut times);
    gaps::check(&p, &mut out);
    lap("gaps", &mut times);
    consistency::check(&p, &mut out);
    lap("consistency", &mut times);
    // The row index is no longer needed: free it before sorting the findings (peak memory).
    drop(p);
    out.retain(|f| settings.wants(&f.rule));
    finding::sort(&mut out);
    lap("sort", &mut times);
    (out, times)
}

fn settings(ctx: &Ctx, args: &AuditArgs) -> Result<Settings> {
    let cfg = &ctx.profile.audit;
    let threshold = args.threshold.or(cfg.threshold).unwrap_or(0.85);
    if !(0.0..=1.0).contains(&threshold) || threshold.is_nan() {
        return Err(Error::usage(format!(
            "--threshold must be between 0 and 1, found {threshold}"
        )));
    }
    let peer_share = cfg.peer_share.unwrap_or(0.8);
    if !(0.0..=1.0).contains(&peer_share) || peer_share.is_nan() {
        return Err(Error::usage(format!(
            "audit.peer_share must be between 0 and 1, found {peer_share}"
        )));
    }
    let only = if args.only.is_empty() {
        cfg.only.clone()
    } else {
        args.only.clone()
    };
    let only: Vec<String> = only.into_iter().filter(|s| !s.trim().is_empty()).collect();
    for prefix in only.iter().chain(&cfg.skip) {
        if !rules::RULES.iter().any(|r| r.id.starts_with(prefix.trim())) {
            rules::lookup(prefix)?;
        }
    }
    Ok(Settings {
        threshold,
        peer_share,
        only,
        skip: cfg.skip.clone(),
    })
}

fn sources(ctx: &Ctx, args: &AuditArgs) -> Result<Sources> {
    let inputs = &ctx.profile.inputs;
    let regions = args.regions.clone().or_else(|| inputs.regions.clone());
    if let Some(catalog) = args.catalog.clone().or_else(|| inputs.catalog.clone()) {
        let baseline = args.baseline.clone().or_else(|| inputs.baseline.clone());
        return Ok(Sources {
            catalog,
            baseline,
            regions,
        });
    }
    if !ctx.is_demo() {
        return Err(Error::usage(format!(
            "no catalog to audit: pass --catalog FILE or set inputs.catalog in the profile ({})",
            ctx.origin
        )));
    }
    let demo = crate::sample::demo_files()?;
    ctx.notice(&format!(
        "no catalog given: auditing the built-in demo ({}); pass --catalog FILE for your own",
        demo.dir.display()
    ));
    let baseline = args
        .baseline
        .clone()
        .or_else(|| Some(demo.baseline.display().to_string()));
    Ok(Sources {
        catalog: demo.catalog.display().to_string(),
        baseline,
        regions,
    })
}
