//! `govops sample`: realistic synthetic data on China's real region hierarchy — a basic
//! catalog, implementation lists with planted duplicates, gaps and inconsistencies, a sharing
//! registry, regional metrics, an event stream — and `truth.json` listing every planted
//! defect, so that the checks can be scored. Deterministic for a seed.

mod catalog;
mod events;
pub mod items;
mod metrics;
mod names;
pub mod plan;
mod registry;
mod scale;
pub mod truth;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indicatif::ProgressBar;

use crate::error::{Error, Result};

pub use scale::Scale;
pub use truth::{read_truth, Defect, Truth};

/// The files a data set consists of, in the order they are written.
pub const FILES: &[&str] = &[
    "catalog.csv",
    "baseline.csv",
    "sharing.yaml",
    "metrics.csv",
    "events.jsonl",
    "truth.json",
];

/// What was generated.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    pub dir: PathBuf,
    pub scale: String,
    pub seed: u64,
    pub catalog_rows: u64,
    pub baseline_items: u64,
    pub regions: u64,
    pub interfaces: u64,
    pub metrics_rows: u64,
    pub events: u64,
    pub defects: u64,
    pub gaps: u64,
}

/// Generate a data set into `out` (created if needed). Existing files are replaced only with
/// `force`; otherwise nothing is touched and the error names them.
pub fn generate(
    scale: Scale,
    seed: u64,
    out: &Path,
    force: bool,
    progress: &ProgressBar,
) -> Result<Summary> {
    generate_in(&plan::Plan::new(scale, seed, None), out, force, progress)
}

/// Like `generate`, for another province than the demo's (canonical 2-digit code, e.g. `62`);
/// ignored at national scale.
pub fn generate_province(
    scale: Scale,
    seed: u64,
    province: &str,
    out: &Path,
    force: bool,
) -> Result<Summary> {
    let region = crate::model::RegionSet::china().get(province);
    if !matches!(region, Some(r) if r.level == crate::model::Level::Province) {
        return Err(Error::usage(format!("{province} is not a province code")));
    }
    generate_in(
        &plan::Plan::new(scale, seed, Some(province)),
        out,
        force,
        &ProgressBar::hidden(),
    )
}

pub fn generate_in(
    plan: &plan::Plan,
    out: &Path,
    force: bool,
    progress: &ProgressBar,
) -> Result<Summary> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(out.display(), e))?;
    if !force {
        let existing: Vec<&str> = FILES
            .iter()
            .copied()
            .filter(|f| out.join(f).exists())
            .collect();
        if !existing.is_empty() {
            return Err(Error::usage(format!(
                "{} already holds {}; pass --force to overwrite",
                out.display(),
                existing.join(", ")
            )));
        }
    }
    progress.set_length(plan.expected_rows());
    let mut sink = truth::Sink::new(out)?;
    let written = catalog::write(plan, &out.join("catalog.csv"), &mut sink, progress)?;
    progress.finish_and_clear();
    let baseline_items = write_baseline(plan, &out.join("baseline.csv"))?;
    let interfaces = registry::write(plan, &out.join("sharing.yaml"), &mut sink)?;
    let metrics_rows = metrics::write(plan, &out.join("metrics.csv"))?;
    let ev = events::write(plan, &out.join("events.jsonl"))?;
    let gaps = sink.by_rule.get("gap.missing_item").copied().unwrap_or(0);
    let defects = sink.total;
    let counts: BTreeMap<String, u64> = [
        ("catalog_rows", written.rows),
        ("baseline_items", baseline_items),
        ("regions", written.regions),
        ("interfaces", interfaces),
        ("metrics_rows", metrics_rows),
        ("events", ev.lines),
        ("malformed_lines", ev.malformed.len() as u64),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let header = truth::Header {
        seed: plan.seed,
        scale: plan.scale_name().into(),
        as_of: plan::AS_OF.into(),
        counts,
        malformed_lines: ev.malformed,
    };
    sink.finish(&header, &out.join("truth.json"))?;
    for f in FILES {
        readable(&out.join(f));
    }
    Ok(Summary {
        dir: out.to_path_buf(),
        scale: plan.scale_name().into(),
        seed: plan.seed,
        catalog_rows: written.rows,
        baseline_items,
        regions: written.regions,
        interfaces,
        metrics_rows,
        events: ev.lines,
        defects,
        gaps,
    })
}

/// Temporary files are created private (0600); data files are for sharing (0644).
fn readable(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644));
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn write_baseline(plan: &plan::Plan, path: &Path) -> Result<u64> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::Other(format!("{}: {e}", path.display()));
    w.write_record(crate::load::BASELINE_FIELDS).map_err(err)?;
    for i in &plan.items {
        w.write_record([
            i.code.as_str(),
            &i.name,
            i.service_type.as_str(),
            i.basis,
            &i.levels_cell(),
            i.sector,
            &i.legal_days.to_string(),
        ])
        .map_err(err)?;
    }
    let body = w.into_inner().map_err(|e| Error::Other(e.to_string()))?;
    crate::report::output::write_atomic(path, &body)?;
    Ok(plan.items.len() as u64)
}

pub fn plan_label(scale: Scale) -> &'static str {
    match scale {
        Scale::Demo => "the demo",
        Scale::Province => "a province",
        Scale::National => "the national",
    }
}
