//! `govops sharing`: data-sharing health — registry checks, the sharing graph, materials
//! coverage, live HTTP(S) probes (through [`crate::probe`]) and probe history.

pub mod checks;
pub mod coverage;
pub mod graph;
pub mod history;
pub mod report;
pub mod rules;
pub mod watch;
pub mod watch_maintenance;
pub mod watch_metrics;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::error::Result;
use crate::load::{LoadOptions, Registry};
use crate::model::{finding, FailOn, Finding, Severity};
use crate::observe::Observer;
use crate::probe::{probe_all, ProbeResult, ProbeSettings};
use crate::report::Format;

pub use report::Report;

/// Formats `sharing` writes.
pub const FORMATS: &[Format] = Format::FINDINGS;

/// One sharing check, resolved.
pub struct Plan {
    /// The interfaces, loaded (the demo's, served on loopback) or still to load.
    pub registry: RegistrySource,
    /// A catalog, for materials coverage and departments that never share.
    pub catalog: Option<String>,
    /// Probe every interface live.
    pub probe: bool,
    pub settings: ProbeSettings,
    /// A SQLite file to record probes in and read uptime from.
    pub history: Option<PathBuf>,
    /// Prune history older than this.
    pub retention: Option<Duration>,
    pub load: LoadOptions,
    pub fail_on: FailOn,
    /// True when the registry is the built-in demo's (echoed in the report's inputs).
    pub demo: bool,
}

pub enum RegistrySource {
    /// A file, `-` or URL.
    Path(String),
    Loaded(Registry),
}

impl Plan {
    /// The files this check reads (never to be overwritten by its report).
    pub fn input_paths(&self) -> Vec<String> {
        let registry = match &self.registry {
            RegistrySource::Path(p) => Some(p.clone()),
            RegistrySource::Loaded(_) => None,
        };
        [
            registry,
            self.catalog.clone(),
            self.history.as_ref().map(|p| p.display().to_string()),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Load the registry of `plan`, check it statically, probe it when asked, record history.
/// The `input.empty` finding for an input with no rows.
fn empty_input(what: &str, file: &str) -> Finding {
    Finding::new(
        crate::rules::ids::input::EMPTY,
        Severity::High,
        format!(
            "the {what} has no entries: nothing was checked (an empty export is usually a \
             broken one; profile `inputs.allow_empty: true` accepts it)"
        ),
    )
    .at(file, None)
}

pub fn evaluate(plan: Plan, obs: &dyn Observer) -> Result<Report> {
    let reg = match plan.registry {
        RegistrySource::Path(src) => crate::load::read_registry(&src, &plan.load)?,
        RegistrySource::Loaded(reg) => reg,
    };
    if let Some(kind) = reg.open_data {
        obs.notice(&format!(
            "{}: read as a {} open-data catalog ({} interfaces); no consumers are declared there, so orphan and graph checks are skipped",
            reg.name,
            if kind == "ckan" { "CKAN" } else { "DCAT" },
            reg.interfaces.len()
        ));
    }
    obs.verbose(&format!(
        "{}: {} interfaces",
        reg.name,
        reg.interfaces.len()
    ));
    let catalog = match &plan.catalog {
        // Only departments and materials matter here: other fields' problems are audit's job.
        Some(src) => Some(crate::load::read_catalog(
            src,
            &LoadOptions {
                lenient: true,
                ..plan.load.clone()
            },
        )?),
        None => None,
    };
    let settings = &plan.settings;

    // Static checks, graph and coverage.
    let now = crate::report::envelope::now();
    let mut findings = checks::check(&reg.interfaces, &reg.name, settings.stale_tolerance, now);
    if reg.open_data.is_some() {
        // Open-data catalogs declare no consumers, conditions or legal basis.
        const NOT_DECLARED: &[&str] = &[
            rules::ORPHAN,
            rules::TYPE_MISSING,
            rules::CONDITIONS_MISSING,
            rules::LEGAL_BASIS_MISSING,
        ];
        findings.retain(|f| !NOT_DECLARED.contains(&f.rule.as_str()));
    }
    if !plan.load.allow_empty {
        if reg.interfaces.is_empty() {
            findings.push(empty_input("registry", &reg.name));
        }
        if let (Some(c), Some(src)) = (&catalog, &plan.catalog) {
            if c.is_empty() {
                findings.push(empty_input(
                    "catalog",
                    &crate::load::Source::parse(src).name(),
                ));
            }
        }
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
    let probes = if plan.probe {
        let n = reg.interfaces.iter().filter(|i| i.probed()).count();
        let withheld = reg
            .interfaces
            .iter()
            .filter(|i| i.url.is_some() && i.not_shared())
            .count();
        if withheld > 0 {
            obs.verbose(&format!(
                "{withheld} interfaces are 不予共享 (not shared): not probed"
            ));
        }
        obs.verbose(&format!(
            "probing {n} interfaces, {} at a time, {:?} per probe{}",
            settings.concurrency,
            settings.timeout,
            settings
                .deadline
                .map(|d| format!(", {d:?} for the run"))
                .unwrap_or_default()
        ));
        let bar = obs.progress(Some(n as u64), "probing");
        let started = Instant::now();
        let on_done = |r: &ProbeResult| {
            bar.inc(1);
            obs.verbose(&format!(
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
        let results = probe_all(&reg.interfaces, settings, &on_done)?;
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
    let history = match &plan.history {
        Some(path) => {
            let mut h = history::History::open(path)?;
            let ts = now.timestamp();
            let pruned = match (&probes, plan.retention) {
                (Some(p), r) => h.record(&reg.name, &p.results, ts, r)?,
                (None, Some(r)) => h.prune(ts, r)?,
                (None, None) => 0,
            };
            if pruned > 0 {
                obs.notice(&format!(
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
    Ok(Report {
        inputs: serde_json::json!({
            "registry": reg.name,
            "catalog": plan.catalog.as_deref().map(crate::load::source::redact_url),
            "history": plan.history.as_ref().map(|p| p.display().to_string()),
            "probe": plan.probe,
            "demo": plan.demo,
            "open_data": reg.open_data,
            "fail_on": plan.fail_on.as_str(),
        }),
        registry: reg.name.clone(),
        interfaces: reg.interfaces,
        graph,
        coverage,
        probes,
        history,
        findings,
    })
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
fn probe_findings(reg: &Registry, r: &ProbeResult) -> Vec<Finding> {
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
