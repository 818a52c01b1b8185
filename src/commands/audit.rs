//! `govops audit`: flags, profile and demo → [`audit::Plan`]; evaluate; emit; exit code.

use crate::audit::{self, rules, Plan, Settings};
use crate::cli::AuditArgs;
use crate::error::{Error, Result};
use crate::model::{finding, FailOn};
use crate::observe::Observer;

use super::context::Ctx;
use super::demo;

pub fn run(ctx: &Ctx, args: &AuditArgs) -> Result<u8> {
    if args.list_rules {
        return ctx.print_rules(crate::rules::Area::Audit);
    }
    if let Some(id) = &args.explain {
        return ctx.print_explain(id);
    }
    let format = ctx.format("audit", audit::FORMATS)?;
    let plan = resolve(ctx, args)?;
    let inputs = plan.input_paths();
    // Refuse `-o INPUT` before doing any work.
    if let Some(out) = ctx.output_path() {
        ctx.output(&inputs).refuse_inputs(out)?;
    }
    let report = audit::evaluate(&plan, ctx)?;
    let style = ctx.style();
    ctx.emit_stream(&inputs, &|w| report.write(format, style, w))?;
    Ok(finding::exit_code(report.findings(), plan.fail_on))
}

/// The flag, else the profile, else the built-in demo.
pub fn resolve(ctx: &Ctx, args: &AuditArgs) -> Result<Plan> {
    let cfg = &ctx.profile.audit;
    let inputs = &ctx.profile.inputs;
    let regions = args.regions.clone().or_else(|| inputs.regions.clone());
    let (catalog, baseline) = match args.catalog.clone().or_else(|| inputs.catalog.clone()) {
        Some(catalog) => (
            catalog,
            args.baseline.clone().or_else(|| inputs.baseline.clone()),
        ),
        None if ctx.is_demo() => {
            let demo = demo::files()?;
            ctx.notice(&format!(
                "no catalog given: auditing the built-in demo ({}); pass --catalog FILE for your own",
                demo.dir.display()
            ));
            let baseline = args
                .baseline
                .clone()
                .or_else(|| Some(demo.baseline.display().to_string()));
            (demo.catalog.display().to_string(), baseline)
        }
        None => {
            return Err(Error::usage(format!(
            "no catalog to audit: pass --catalog FILE or set inputs.catalog in the profile ({})",
            ctx.origin
        )))
        }
    };
    let mut load = ctx.load_options();
    load.defaults = ctx.profile.defaults.clone();
    load.filter = ctx.profile.filter.clone();
    load.derive = ctx.profile.derive.clone();
    Ok(Plan {
        catalog,
        baseline,
        regions,
        load,
        settings: settings(ctx, args)?,
        fail_on: args.fail_on.or(cfg.fail_on).unwrap_or(FailOn::High),
        profile: ctx.origin.to_string(),
    })
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
        layout: cfg
            .code_layout
            .clone()
            .unwrap_or_else(crate::model::item_code::Layout::national),
    })
}
