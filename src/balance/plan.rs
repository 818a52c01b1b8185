//! What to measure, and how: the inputs and choices the command layer resolved, completed into a [`Method`]
//! from the data (default indicators, grouping and weight depend on the columns it has).

use std::path::PathBuf;

use serde_json::{json, Value};

use super::analysis::{self, check_group_by, Method, Report};
use super::indicators::{self, Spec};
use super::input::{self, Dataset};
use super::tiers::Scheme;
use crate::error::{Error, Result};
use crate::load::{self, LoadOptions, Source};
use crate::model::{FailOn, Finding, Level, RegionSet, Severity};
use crate::observe::Observer;
use crate::profile::sections::balance::{BalanceConfig, Normalise, Scaling};

/// The inputs a report was made from, for the envelope and for `-o` (never overwrite one).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub metrics: Option<String>,
    pub catalog: Option<String>,
    pub baseline: Option<String>,
    pub regions: Option<String>,
    pub join: Option<String>,
    pub demo: bool,
    pub level: Option<Level>,
    pub plan: Option<Method>,
}

impl Inputs {
    pub fn paths(&self) -> Vec<&str> {
        [
            &self.metrics,
            &self.catalog,
            &self.baseline,
            &self.regions,
            &self.join,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect()
    }

    pub fn to_json(&self) -> Value {
        let mut v = json!({
            "metrics": self.metrics, "catalog": self.catalog, "baseline": self.baseline,
            // null: the built-in hierarchy (used for whatever codes it knows).
            "regions": self.regions,
            "demo": self.demo,
        });
        if let Some(j) = &self.join {
            v["join"] = json!(j);
        }
        if let Some(l) = self.level {
            v["level"] = json!(l.as_str());
        }
        if let Some(p) = &self.plan {
            v["indicators"] = json!(p.specs);
            v["normalise"] = json!(p.scaling.as_str());
            v["group_by"] = json!(p.group_by);
            v["weight"] = json!(p.weight);
            v["tiers"] = json!(p.scheme.name());
            v["laggard_ratio"] = json!(p.laggard_ratio);
            v["permutations"] = json!(p.permutations);
            v["seed"] = json!(p.seed);
        }
        v
    }
}

/// The person's choices (flags), which win over the profile's `balance:` section.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub level: Option<Level>,
    /// `NAME[=WEIGHT][:lower]` each.
    pub indicators: Vec<String>,
    pub group_by: Option<String>,
    pub weight: Option<String>,
    pub normalise: Option<Normalise>,
    pub permutations: Option<usize>,
}

/// One balance report, resolved.
#[derive(Debug, Clone)]
pub struct Plan {
    /// `metrics` or `catalog` is set; `plan` is filled in by [`evaluate`].
    pub inputs: Inputs,
    pub config: BalanceConfig,
    pub choices: Choices,
    pub load: LoadOptions,
    /// The profile's directory: its relative `join.file` is relative to it.
    pub base_dir: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1.
    pub fail_on: FailOn,
}

/// Load the data of `req`, complete the plan from it, and compute the report.
pub fn evaluate(plan: &Plan, obs: &dyn Observer) -> Result<(Report, Inputs)> {
    let mut inp = plan.inputs.clone();
    let cfg = &plan.config;
    if inp.metrics.is_none() && inp.catalog.is_none() {
        return Err(Error::usage(
            "nothing to measure: give --metrics FILE (one row per region) or --catalog FILE \
             (to derive indicators), or a profile that names one",
        ));
    }
    let opts = &plan.load;
    let owned;
    let set: &RegionSet = match &inp.regions {
        Some(p) => {
            owned = load::read_regions(p, opts)?;
            &owned
        }
        None => RegionSet::china(),
    };
    let level = plan.choices.level.or(cfg.level);
    let mut ds = match (&inp.metrics, &inp.catalog) {
        (Some(m), _) => {
            let join = cfg.join.clone().map(|mut j| {
                if let Some(base) = &plan.base_dir {
                    j.file = rebase(base, &j.file);
                }
                j
            });
            inp.join = join.as_ref().map(|j| j.file.clone());
            let mut ds = input::read_metrics(m, opts, join.as_ref(), set)?;
            if let Some(l) = level {
                keep_level(&mut ds, l);
            }
            inp.level = level;
            ds
        }
        (None, Some(c)) => {
            let level = level.unwrap_or(Level::County);
            inp.level = Some(level);
            let baseline = match &inp.baseline {
                Some(b) => Some(load::read_baseline(b, opts)?),
                None => None,
            };
            let bar = obs.progress(None, "reading the catalog");
            super::derive::from_catalog(c, baseline.as_deref(), set, level, opts, &bar)?
        }
        (None, None) => return Err(Error::usage("nothing to measure")),
    };
    let empty = ds.units.is_empty();
    if empty {
        ds.notes.push("the input has no regions".into());
    }
    let method = make_plan(obs, &plan.choices, cfg, &ds)?;
    inp.plan = Some(method.clone());
    for n in &ds.notes {
        obs.verbose(n);
    }
    let mut report = analysis::analyse(ds, method)?;
    if empty && !opts.allow_empty {
        report.findings.push(empty_input(&inp));
    }
    Ok((report, inp))
}

/// The `input.empty` finding: a metrics file (or the catalog it is derived from) with no
/// rows measures nothing, and an empty export is usually a broken one.
fn empty_input(inp: &Inputs) -> Finding {
    let (what, file) = match (&inp.metrics, &inp.catalog) {
        (Some(m), _) => ("metrics file", m),
        (None, Some(c)) => ("catalog", c),
        (None, None) => ("input", &String::new()),
    };
    Finding::new(
        crate::rules::ids::input::EMPTY,
        Severity::High,
        format!(
            "the {what} has no rows: no region was measured (an empty export is usually a \
             broken one; profile `inputs.allow_empty: true` accepts it)"
        ),
    )
    .at(Source::parse(file).name(), None)
}

/// Make a path from the profile relative to the profile's own directory.
fn rebase(base: &std::path::Path, p: &str) -> String {
    if p != "-" && !p.contains("://") && std::path::Path::new(p).is_relative() {
        base.join(p).display().to_string()
    } else {
        p.to_string()
    }
}

/// Keep the regions at `level` (when the data knows levels at all).
fn keep_level(ds: &mut Dataset, level: Level) {
    if !ds.units.iter().any(|u| u.level.is_some()) {
        ds.notes.push(format!(
            "--level {level} ignored: the regions' levels are not known"
        ));
        return;
    }
    let keep: Vec<bool> = ds.units.iter().map(|u| u.level == Some(level)).collect();
    let mut it = keep.iter();
    ds.units.retain(|_| *it.next().unwrap_or(&false));
    for c in &mut ds.columns {
        let mut it = keep.iter();
        c.values.retain(|_| *it.next().unwrap_or(&false));
    }
}

fn make_plan(
    obs: &dyn Observer,
    args: &Choices,
    cfg: &BalanceConfig,
    ds: &Dataset,
) -> Result<Method> {
    let group_by = args
        .group_by
        .clone()
        .or_else(|| cfg.group_by.clone())
        .or_else(|| default_group_by(ds));
    if let Some(by) = &group_by {
        check_group_by(by, ds)?;
    }
    let weight = args
        .weight
        .clone()
        .or_else(|| cfg.weight.clone())
        .or_else(|| {
            ds.units
                .iter()
                .any(|u| u.population.is_some())
                .then(|| "population".to_string())
        });
    let flags: Vec<&String> = args
        .indicators
        .iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    let mut specs: Vec<Spec> = if !flags.is_empty() {
        let mut s = indicators::parse_flags(&args.indicators)?;
        // Without an explicit direction, a derived indicator keeps the one it is known by.
        for (spec, raw) in s.iter_mut().zip(&flags) {
            if !raw.contains(':') {
                if let Some(b) = ds.column(&spec.name).and_then(|c| c.better) {
                    spec.better = b;
                }
            }
        }
        s
    } else if !cfg.indicators.is_empty() {
        indicators::from_profile(&cfg.indicators)?
    } else {
        let skip: Vec<String> = [group_by.as_deref(), weight.as_deref()]
            .into_iter()
            .flatten()
            .map(indicators::key)
            .collect();
        ds.columns
            .iter()
            .filter(|c| !skip.contains(&c.key))
            .map(|c| Spec {
                name: c.key.clone(),
                weight: 1.0,
                better: c.better.unwrap_or_default(),
            })
            .collect()
    };
    for s in &specs {
        if ds.column(&s.name).is_none() {
            let is_text = ds.units.iter().any(|u| u.label(&s.name).is_some());
            let known: Vec<&str> = ds.columns.iter().map(|c| c.key.as_str()).collect();
            return Err(Error::usage(format!(
                "indicator `{}` {} (numeric columns: {})",
                s.name,
                if is_text {
                    "is not numeric"
                } else {
                    "is not in the data"
                },
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            )));
        }
    }
    if specs.is_empty() && !ds.units.is_empty() {
        return Err(Error::usage("no indicator to measure: the data has no numeric column besides the grouping and weight"));
    }
    if !specs.is_empty() && specs.iter().all(|s| s.weight == 0.0) {
        return Err(Error::usage(
            "every indicator has weight 0: at least one must count in the index",
        ));
    }
    specs.dedup_by(|a, b| a.name == b.name);
    let laggard_ratio = cfg.laggard_ratio.unwrap_or(0.75);
    if !(laggard_ratio > 0.0 && laggard_ratio <= 1.0) {
        return Err(Error::usage(format!(
            "profile balance.laggard_ratio must be in (0, 1], found {laggard_ratio}"
        )));
    }
    let scaling: Scaling = args
        .normalise
        .map(Scaling::from)
        .or(cfg.normalise)
        .unwrap_or_default();
    obs.verbose(&format!(
        "indicators: {}; normalise: {}; group by: {}; weight: {}",
        specs
            .iter()
            .map(|s| format!("{}={}:{}", s.name, s.weight, s.better.as_str()))
            .collect::<Vec<_>>()
            .join(","),
        scaling.as_str(),
        group_by.as_deref().unwrap_or("-"),
        weight.as_deref().unwrap_or("-"),
    ));
    Ok(Method {
        specs,
        scaling,
        group_by,
        weight,
        scheme: Scheme::from_config(cfg.tiers.as_ref())?,
        laggard_ratio,
        permutations: args.permutations.or(cfg.permutations).unwrap_or(999),
        seed: cfg.seed.unwrap_or(2026),
    })
}

/// Without a setting: the parent region below the province level (counties within their
/// city), else `group` when the data has groups.
fn default_group_by(ds: &Dataset) -> Option<String> {
    let below_province = ds
        .units
        .iter()
        .any(|u| u.level.is_some_and(|l| l != Level::Province));
    if below_province && ds.units.iter().any(|u| u.parent.is_some()) {
        Some("parent".into())
    } else {
        ds.units
            .iter()
            .any(|u| u.group.is_some())
            .then(|| "group".to_string())
    }
}
