//! `govops audit`: duplicates, gaps, inconsistencies and field quality in a service catalog,
//! streamed and interned so that a national catalog (~10 M rows) fits in memory well below
//! its file size.

pub mod codes;
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

use crate::error::Result;
use crate::load::{self, LoadOptions, Source};
use crate::model::{finding, FailOn, Finding, RegionSet, Severity};
use crate::observe::Observer;
use crate::report::table::Style;
use crate::report::{Envelope, Format};

pub use prep::{Inputs, Settings};

/// Formats `audit` writes.
pub const FORMATS: &[Format] = Format::FINDINGS;

/// One audit, resolved: where the inputs are, how they load, what the rules look for.
#[derive(Debug, Clone)]
pub struct Plan {
    pub catalog: String,
    pub baseline: Option<String>,
    /// A region set file; `None` is China's built-in hierarchy.
    pub regions: Option<String>,
    /// How inputs load; `defaults`, `filter` and `derive` apply to the catalog only.
    pub load: LoadOptions,
    pub settings: Settings,
    /// The gate, echoed in the report's summary.
    pub fail_on: FailOn,
    /// Where the settings came from (a profile's name or path), for the report's inputs.
    pub profile: String,
}

impl Plan {
    /// The files this audit reads (never to be overwritten by its report).
    pub fn input_paths(&self) -> Vec<&str> {
        [
            Some(self.catalog.as_str()),
            self.baseline.as_deref(),
            self.regions.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// What an audit found, and the size of what it judged.
#[derive(Debug, Clone)]
pub struct Report {
    pub totals: report::Totals,
    /// The JSON envelope: inputs, summary and the findings, worst first.
    pub envelope: Envelope,
    /// The catalog's name as shown to the person (SARIF's artifact).
    pub file: String,
}

impl Report {
    pub fn findings(&self) -> &[Finding] {
        self.envelope.findings.as_deref().unwrap_or(&[])
    }

    /// Write the report in `format`. JSON is streamed: a national report is hundreds of MB.
    pub fn write(
        &self,
        format: Format,
        style: Style,
        w: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        match format {
            Format::Json => report::write_json(&self.envelope, w),
            _ => w.write_all(report::render(format, &self.envelope, style, &self.file).as_bytes()),
        }
    }
}

/// Load the inputs of `plan` and judge them.
/// The `input.empty` finding for an input with no rows.
fn empty_input(what: &str, file: &str) -> Finding {
    Finding::new(
        crate::rules::ids::input::EMPTY,
        Severity::High,
        format!(
            "the {what} has no rows: nothing was audited (an empty export is usually a broken \
             one; profile `inputs.allow_empty: true` accepts it)"
        ),
    )
    .at(file, None)
}

pub fn evaluate(plan: &Plan, obs: &dyn Observer) -> Result<Report> {
    // Profile column defaults, filters and derivations describe the catalog's export only.
    let base_opts = LoadOptions {
        defaults: Default::default(),
        filter: Default::default(),
        derive: Default::default(),
        ..plan.load.clone()
    };
    let regions_owned = match &plan.regions {
        Some(r) => Some(load::read_regions(r, &base_opts)?),
        None => None,
    };
    let regions: &RegionSet = regions_owned.as_ref().unwrap_or_else(|| RegionSet::china());
    let (baseline, baseline_file) = match &plan.baseline {
        Some(b) => (
            Some(load::read_baseline(b, &base_opts)?),
            Source::parse(b).name(),
        ),
        None => (None, String::new()),
    };
    let opts = LoadOptions {
        lenient: true,
        ..plan.load.clone()
    };
    let bar = obs.progress(None, "reading catalog rows");
    let started = Instant::now();
    let mut catalog = store::load(&plan.catalog, &opts, &|n| bar.set_position(n))?;
    bar.finish_and_clear();
    obs.verbose(&format!(
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
        regions_given: plan.regions.is_some(),
    };
    let (mut findings, times) = audit_timed(&inputs, &plan.settings);
    if catalog.is_empty() && !plan.load.allow_empty {
        findings.insert(0, empty_input("catalog", &catalog.file));
    }
    for (what, d) in times {
        obs.verbose(&format!("{what}: {d:.2?}"));
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
    let mut summary = report::summary(&totals, &findings, regions);
    summary["fail_on"] = json!(plan.fail_on.as_str());
    summary["threshold"] = json!(plan.settings.threshold);
    let inputs = json!({
        "catalog": file,
        "baseline": plan.baseline.as_deref().map(|b| Source::parse(b).name()),
        "regions": plan.regions.as_deref().map_or_else(|| "built-in China".to_string(), |r| Source::parse(r).name()),
        "profile": plan.profile,
    });
    Ok(Report {
        totals,
        envelope: Envelope::new("audit", inputs, summary).findings(findings),
        file,
    })
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
    codes::check(&p, &mut out);
    lap("codes", &mut times);
    // The row index is no longer needed: free it before sorting the findings (peak memory).
    drop(p);
    out.retain(|f| settings.wants(&f.rule));
    finding::sort(&mut out);
    lap("sort", &mut times);
    (out, times)
}
