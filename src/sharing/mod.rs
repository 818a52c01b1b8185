//! `govops sharing`: data-sharing health — registry checks, the sharing graph, materials
//! coverage, live HTTP(S) probes and probe history.
//!
//! The probe API for other commands (the monitor) is [`probe`]: [`client`], [`probe_one`],
//! [`probe_all_async`], [`probe_all`], with [`ProbeSettings::from_config`] for a profile's
//! `sharing:` section.

pub mod checks;
pub mod ckan;
pub mod config;
pub mod coverage;
pub mod dcat;
pub mod demo;
pub mod expect;
pub mod freshness;
pub mod graph;
pub mod history;
pub mod probe;
pub mod registry;
pub mod report;
pub mod rules;
pub mod tls;

use std::collections::BTreeSet;
use std::time::Instant;

pub use probe::{client, probe_all, probe_all_async, probe_one, ProbeResult, ProbeSettings};

use crate::cli::{FailOn, Format, SharingArgs};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::{finding, Finding};

pub fn run(ctx: &Ctx, args: &SharingArgs) -> Result<u8> {
    if args.list_rules {
        return crate::rules::print_list(ctx, crate::rules::Area::Sharing);
    }
    if let Some(id) = &args.explain {
        return crate::rules::print_explain(ctx, id);
    }
    let format = ctx.format(
        "sharing",
        &[
            Format::Table,
            Format::Json,
            Format::Csv,
            Format::Markdown,
            Format::Sarif,
            Format::Junit,
        ],
    )?;
    let cfg = &ctx.profile.sharing;
    let fail_on = args.fail_on.or(cfg.fail_on).unwrap_or(FailOn::High);
    let settings = ProbeSettings::from_config(cfg, args)?;
    let history_path = args
        .history
        .clone()
        .or_else(|| cfg.history.as_ref().map(Into::into));
    if args.retention.is_some() && history_path.is_none() {
        return Err(Error::usage("--retention needs --history FILE.sqlite"));
    }

    // Inputs: the registry (or the demo's), and optionally a catalog.
    let registry_src = args
        .registry
        .clone()
        .or_else(|| ctx.profile.inputs.registry.clone());
    let mut catalog_src = args
        .catalog
        .clone()
        .or_else(|| ctx.profile.inputs.catalog.clone());
    let history_shown = history_path.as_ref().map(|p| p.display().to_string());
    let given = |c: &Option<String>| -> Vec<String> {
        [registry_src.clone(), c.clone(), history_shown.clone()]
            .into_iter()
            .flatten()
            .collect()
    };
    if let Some(out) = &ctx.global.output {
        let all = given(&catalog_src);
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        ctx.output(&refs).refuse_inputs(out)?;
    }
    let opts = ctx.load_options();
    let mut _demo = None;
    let reg = match &registry_src {
        Some(src) => registry::load(src, &opts)?,
        None if ctx.is_demo() => {
            let server = demo::start()?;
            ctx.notice(&format!(
                "no registry given: using the built-in demo registry ({} interfaces served on {}){}",
                server.registry.len(),
                server.base_url,
                if args.probe { "; probing them live" } else { "" }
            ));
            let reg = registry::Registry {
                name: "demo-registry".into(),
                interfaces: server.registry.clone(),
                open_data: None,
            };
            if catalog_src.is_none() {
                match crate::sample::demo_files() {
                    Ok(files) => catalog_src = Some(files.catalog.display().to_string()),
                    Err(e) => ctx.verbose(&format!(
                        "demo catalog unavailable, no materials coverage: {e}"
                    )),
                }
            }
            _demo = Some(server);
            reg
        }
        None => {
            return Err(Error::usage(
                "no registry: pass --registry FILE|URL or set inputs.registry in the profile",
            ))
        }
    };
    if let Some(kind) = reg.open_data {
        ctx.notice(&format!(
            "{}: read as a {} open-data catalog ({} interfaces); no consumers are declared there, so orphan and graph checks are skipped",
            reg.name,
            if kind == "ckan" { "CKAN" } else { "DCAT" },
            reg.interfaces.len()
        ));
    }
    ctx.verbose(&format!(
        "{}: {} interfaces",
        reg.name,
        reg.interfaces.len()
    ));
    let catalog = match &catalog_src {
        // Only departments and materials matter here: other fields' problems are audit's job.
        Some(src) => Some(crate::load::read_catalog(
            src,
            &crate::load::LoadOptions {
                lenient: true,
                ..opts.clone()
            },
        )?),
        None => None,
    };

    // Static checks, graph and coverage.
    let now = crate::report::envelope::now();
    let mut findings = checks::check(&reg.interfaces, &reg.name, settings.stale_tolerance, now);
    if reg.open_data.is_some() {
        findings.retain(|f| f.rule != rules::ORPHAN);
    }
    let graph = if reg.open_data.is_none() {
        let extra = catalog_departments(catalog.as_deref().unwrap_or(&[]), &reg.interfaces);
        let (g, mut gf) = graph::analyse(&reg.interfaces, &extra);
        findings.append(&mut gf);
        Some(g)
    } else {
        None
    };
    let coverage = catalog
        .as_ref()
        .map(|c| coverage::coverage(c, &reg.interfaces, 10));

    // Live probes.
    let probes = if args.probe {
        let n = reg.interfaces.iter().filter(|i| i.url.is_some()).count();
        ctx.verbose(&format!(
            "probing {n} interfaces, {} at a time, {:?} per probe{}",
            settings.concurrency,
            settings.timeout,
            settings
                .deadline
                .map(|d| format!(", {d:?} for the run"))
                .unwrap_or_default()
        ));
        let bar = ctx.progress(Some(n as u64), "probing");
        let started = Instant::now();
        let on_done = |r: &ProbeResult| {
            bar.inc(1);
            ctx.verbose(&format!(
                "probe {} {}: {} in {:.0} ms{}",
                r.id,
                r.url,
                r.status
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| "-".into()),
                r.latency_ms,
                r.error
                    .as_deref()
                    .map(|e| format!(" ({e})"))
                    .unwrap_or_default()
            ));
        };
        let results = probe_all(&reg.interfaces, &settings, &on_done)?;
        bar.finish_and_clear();
        for r in &results {
            findings.extend(probe_findings(&reg, r));
        }
        Some(report::ProbeRun {
            results,
            elapsed_ms: (started.elapsed().as_secs_f64() * 1000.0).round(),
        })
    } else {
        None
    };

    // History.
    let history = match &history_path {
        Some(path) => {
            let mut h = history::History::open(path)?;
            let ts = now.timestamp();
            let pruned = match (&probes, args.retention) {
                (Some(p), r) => h.record(&reg.name, &p.results, ts, r)?,
                (None, Some(r)) => h.prune(ts, r)?,
                (None, None) => 0,
            };
            if pruned > 0 {
                ctx.notice(&format!(
                    "{}: pruned {pruned} probes older than the retention",
                    path.display()
                ));
            }
            let mut per = h.stats(ts)?;
            let ids: BTreeSet<&str> = reg.interfaces.iter().map(|i| i.id.as_str()).collect();
            per.retain(|i| ids.contains(i.id.as_str()));
            Some(report::HistoryReport {
                file: path.display().to_string(),
                stored: h.count()?,
                pruned,
                interfaces: per,
            })
        }
        None => None,
    };

    finding::sort(&mut findings);
    let code = finding::exit_code(&findings, fail_on);
    let all = given(&catalog_src);
    let inputs: Vec<&str> = all.iter().map(String::as_str).collect();
    let report = report::Report {
        inputs: serde_json::json!({
            "registry": reg.name,
            "catalog": catalog_src.as_deref().map(crate::load::source::redact_url),
            "history": history_shown,
            "probe": args.probe,
            "demo": _demo.is_some(),
            "open_data": reg.open_data,
            "fail_on": format!("{fail_on:?}").to_lowercase(),
        }),
        registry: reg.name.clone(),
        interfaces: reg.interfaces,
        graph,
        coverage,
        probes,
        history,
        findings,
    };
    ctx.emit(&report.render(format, ctx.style()), &inputs)?;
    Ok(code)
}

/// Catalog departments in the regions the registry covers (a provincial registry is not
/// expected to connect every county office of the country).
fn catalog_departments(
    catalog: &[crate::model::CatalogRow],
    ifaces: &[crate::model::Interface],
) -> BTreeSet<String> {
    let regions: BTreeSet<&str> = ifaces
        .iter()
        .filter_map(|i| i.region_code.as_deref())
        .collect();
    catalog
        .iter()
        .filter(|r| regions.is_empty() || regions.contains(r.region_code.as_str()))
        .map(|r| r.department.trim().to_string())
        .filter(|d| !d.is_empty())
        .collect()
}

/// A probe's problems as findings.
fn probe_findings(reg: &registry::Registry, r: &ProbeResult) -> Vec<Finding> {
    let iface = reg.interfaces.iter().find(|i| i.id == r.id);
    r.problems
        .iter()
        .map(|p| {
            let label = iface.map(checks::label).unwrap_or_else(|| r.id.clone());
            let mut f = Finding::new(p.rule, p.severity, format!("{label}: {}", p.message))
                .records([r.id.clone()])
                .with("url", r.url.clone())
                .with("latency_ms", r.latency_ms);
            if let Some(s) = r.status {
                f = f.with("status", s);
            }
            if let Some(c) = r.error_class {
                f = f.with("error_class", c.as_str());
            }
            if let Some(d) = r.cert_days_left {
                f = f.with("cert_days_left", d);
            }
            if let Some(i) = iface {
                f = f.at(reg.name.clone(), (i.line > 0).then_some(i.line));
                if !i.provider.is_empty() {
                    f = f.department(i.provider.clone());
                }
                if let Some(rc) = &i.region_code {
                    f = f.region(rc.clone());
                }
            }
            f
        })
        .collect()
}
