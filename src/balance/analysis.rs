//! From a data set and the resolved options to the report: scores, composite index, ranks,
//! tiers, inequality of every indicator and of the index, laggards.
//!
//! Missing values: an indicator's inequality is measured over the regions that have it (`n`
//! says how many). A region's index is the weighted mean of the scores it has, the weights
//! re-normalised over them; its `missing` list names the rest. A region with no weighted
//! indicator has no index, rank or tier and is listed last.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::Serialize;

use super::indicators::{composite, normalise, Spec};
use super::input::{Dataset, Unit};
use super::stats::{self, Basic, Decomposition, Weighted};
use super::tiers::Scheme;
use crate::error::{Error, Result};
use crate::model::RegionSet;
use crate::profile::sections::balance::Scaling;

/// How the index and the inequality measures are computed: the plan completed from the data.
#[derive(Debug, Clone)]
pub struct Method {
    pub specs: Vec<Spec>,
    pub scaling: Scaling,
    pub group_by: Option<String>,
    /// `population` or a numeric column.
    pub weight: Option<String>,
    pub scheme: Scheme,
    pub laggard_ratio: f64,
    pub permutations: usize,
    pub seed: u64,
}

#[derive(Debug, Clone)]
pub struct RegionOut {
    pub unit: Unit,
    /// Raw values and 0–1 scores, in the order of `Report::specs`.
    pub values: Vec<Option<f64>>,
    pub scores: Vec<Option<f64>>,
    pub index: Option<f64>,
    pub rank: Option<usize>,
    pub tier: Option<String>,
    pub rating_class: Option<String>,
    pub missing: Vec<String>,
    /// The group this region has under `--group-by`.
    pub by_group: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Inequality {
    #[serde(flatten)]
    pub basic: Basic,
    pub weighted: Option<Weighted>,
    pub decomposition: Option<Decomposition>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Weak {
    pub indicator: String,
    pub value: Option<f64>,
    pub score: f64,
    pub median_score: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Laggard {
    pub code: String,
    pub name: String,
    pub group: Option<String>,
    pub index: f64,
    pub rank: usize,
    /// 1 − index / median index.
    pub shortfall: f64,
    pub weakest: Vec<Weak>,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub specs: Vec<Spec>,
    pub plan: Method,
    /// Ranked order; regions without an index last.
    pub regions: Vec<RegionOut>,
    /// By indicator name, in `specs` order, then `index`.
    pub inequality: Vec<(String, Inequality)>,
    pub median_index: Option<f64>,
    pub laggards: Vec<Laggard>,
    pub notes: Vec<String>,
    pub sections: Vec<(String, serde_json::Value)>,
    /// Findings about the input itself (`input.empty`); the gate judges these.
    pub findings: Vec<crate::model::Finding>,
}

impl Report {
    pub fn index_inequality(&self) -> Option<&Inequality> {
        self.inequality
            .iter()
            .find(|(k, _)| k == "index")
            .map(|(_, v)| v)
    }
}

/// The group of a unit under `by`: (label, display name).
fn group_of(u: &Unit, by: &str, ds: &Dataset, row: usize) -> Option<(String, Option<String>)> {
    match by {
        "group" => u.group.clone().map(|g| (g, None)),
        "macro_region" => RegionSet::china()
            .get(&u.code)
            .and_then(|r| r.group.clone())
            .or_else(|| u.group.clone())
            .map(|g| (g, None)),
        "parent" => u.parent.clone().map(|(c, n)| (c, Some(n))),
        "level" => u.level.map(|l| (l.as_str().to_string(), None)),
        other => {
            let key = super::indicators::key(other);
            if let Some(v) = u.label(&key) {
                return (!v.is_empty()).then(|| (v.to_string(), None));
            }
            let col = ds.column(&key)?;
            col.values[row].map(|v| (number_label(v), None))
        }
    }
}

/// A numeric group code as a label: `2.000` → `2`.
fn number_label(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Is `by` something the data can be grouped by?
pub fn check_group_by(by: &str, ds: &Dataset) -> Result<()> {
    let key = super::indicators::key(by);
    let known = matches!(by, "group" | "macro_region" | "parent" | "level")
        || ds.column(&key).is_some()
        || ds.units.iter().any(|u| u.label(&key).is_some());
    if known {
        return Ok(());
    }
    let mut cols: Vec<String> = ["group", "macro_region", "parent", "level"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(u) = ds.units.first() {
        cols.extend(u.labels.iter().map(|(k, _)| k.clone()));
    }
    cols.extend(ds.columns.iter().map(|c| c.key.clone()));
    Err(Error::usage(format!(
        "--group-by {by}: no such column (available: {})",
        cols.join(", ")
    )))
}

/// Natural order for group labels: numbers numerically, then text.
fn label_order(a: &str, b: &str) -> Ordering {
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => x.total_cmp(&y),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        _ => a.cmp(b),
    }
}

pub fn analyse(mut ds: Dataset, plan: Method) -> Result<Report> {
    // The report owns the units (no copy of every region's strings); `group_of` reads only
    // the columns of `ds`.
    let units = std::mem::take(&mut ds.units);
    let n = units.len();
    let mut notes = std::mem::take(&mut ds.notes);
    // Columns of the selected indicators.
    let cols: Vec<&Vec<Option<f64>>> = plan
        .specs
        .iter()
        .map(|s| ds.column(&s.name).map(|c| &c.values))
        .collect::<Option<_>>()
        .ok_or_else(|| Error::Other("internal: an indicator without a column".into()))?;
    let mut scores_by_col = Vec::with_capacity(cols.len());
    for (spec, values) in plan.specs.iter().zip(&cols) {
        let (s, note) = normalise(values, spec.better, plan.scaling);
        if let Some(note) = note {
            notes.push(format!("{} {note}", spec.name));
        }
        scores_by_col.push(s);
    }
    let weights: Vec<f64> = plan.specs.iter().map(|s| s.weight).collect();
    let groups: Vec<Option<(String, Option<String>)>> = match &plan.group_by {
        Some(by) => (0..n).map(|i| group_of(&units[i], by, &ds, i)).collect(),
        None => vec![None; n],
    };
    let weight_of: Vec<Option<f64>> = match plan.weight.as_deref() {
        None => vec![None; n],
        Some("population") => units.iter().map(|u| u.population).collect(),
        Some(col) => match ds.column(&super::indicators::key(col)) {
            Some(c) => c.values.clone(),
            None => {
                return Err(Error::usage(format!(
                    "--weight {col}: no such numeric column"
                )))
            }
        },
    };
    let mut regions: Vec<RegionOut> = units
        .into_iter()
        .enumerate()
        .map(|(i, u)| {
            let values: Vec<Option<f64>> = cols.iter().map(|c| c[i]).collect();
            let scores: Vec<Option<f64>> = scores_by_col.iter().map(|c| c[i]).collect();
            let missing = plan
                .specs
                .iter()
                .zip(&values)
                .filter(|(_, v)| v.is_none())
                .map(|(s, _)| s.name.clone())
                .collect();
            RegionOut {
                index: composite(&scores, &weights),
                unit: u,
                values,
                scores,
                rank: None,
                tier: None,
                rating_class: None,
                missing,
                by_group: groups[i].as_ref().map(|g| g.0.clone()),
            }
        })
        .collect();
    let incomplete = regions.iter().filter(|r| !r.missing.is_empty()).count();
    if incomplete > 0 {
        notes.push(format!(
            "{incomplete} region(s) miss some indicator: their index averages the indicators they have (weights re-normalised)"
        ));
    }
    // Inequality per indicator and of the index, over the regions that have a value.
    let mut inequality = Vec::new();
    let index_values: Vec<Option<f64>> = regions.iter().map(|r| r.index).collect();
    let mut series: Vec<(String, &[Option<f64>])> = plan
        .specs
        .iter()
        .zip(&cols)
        .map(|(s, c)| (s.name.clone(), c.as_slice()))
        .collect();
    series.push(("index".into(), &index_values));
    let label_names = group_names(&groups);
    // Every region's group as an index into `label_names`, resolved once for all series.
    let group_idx = group_index(&groups, &label_names);
    for (name, values) in &series {
        inequality.push((
            name.clone(),
            measure(values, &weight_of, &group_idx, &label_names, &plan),
        ));
    }
    batch_p_values(&mut inequality, &series, &group_idx, &label_names, &plan);

    // Rank (competition ranking: ties share a rank) and tiers.
    regions.sort_by(|a, b| match (a.index, b.index) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.unit.code.cmp(&b.unit.code)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.unit.code.cmp(&b.unit.code),
    });
    let mut prev: Option<(f64, usize)> = None;
    for (pos, r) in regions.iter_mut().enumerate() {
        let Some(x) = r.index else { continue };
        let rank = match prev {
            Some((p, rank)) if (p - x).abs() <= 1e-12 => rank,
            _ => pos + 1,
        };
        prev = Some((x, rank));
        r.rank = Some(rank);
        let (tier, class) = plan.scheme.classify(x);
        r.tier = Some(tier);
        r.rating_class = class;
    }
    let unranked = regions.iter().filter(|r| r.index.is_none()).count();
    if unranked > 0 {
        notes.push(format!(
            "{unranked} region(s) have no value for any weighted indicator: no index, rank or tier"
        ));
    }
    let median_index = inequality.last().and_then(|(_, q)| q.basic.median);
    let laggards = laggards(&regions, &plan, median_index);
    Ok(Report {
        specs: plan.specs.clone(),
        plan,
        regions,
        inequality,
        median_index,
        laggards,
        notes,
        sections: ds.sections,
        findings: Vec::new(),
    })
}

/// Group labels in natural order with their display names.
fn group_names(groups: &[Option<(String, Option<String>)>]) -> Vec<(String, Option<String>)> {
    let mut m: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (label, name) in groups.iter().flatten() {
        m.entry(label.clone()).or_insert_with(|| name.clone());
    }
    let mut v: Vec<(String, Option<String>)> = m.into_iter().collect();
    if groups.iter().any(Option::is_none) {
        v.push(("(none)".into(), None));
    }
    v.sort_by(|a, b| label_order(&a.0, &b.0));
    v
}

fn group_index(
    groups: &[Option<(String, Option<String>)>],
    names: &[(String, Option<String>)],
) -> Vec<usize> {
    let pos: std::collections::HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, (l, _))| (l.as_str(), i))
        .collect();
    groups
        .iter()
        .map(|g| pos[g.as_ref().map(|g| g.0.as_str()).unwrap_or("(none)")])
        .collect()
}

fn measure(
    values: &[Option<f64>],
    weights: &[Option<f64>],
    group_idx: &[usize],
    names: &[(String, Option<String>)],
    plan: &Method,
) -> Inequality {
    let mut notes = Vec::new();
    let present: Vec<usize> = (0..values.len()).filter(|&i| values[i].is_some()).collect();
    let x: Vec<f64> = present.iter().filter_map(|&i| values[i]).collect();
    let basic = stats::basic(&x, &mut notes);
    let wx: Vec<(f64, f64)> = present
        .iter()
        .filter_map(|&i| Some((values[i]?, weights[i]?)))
        .collect();
    let weighted = if wx.is_empty() {
        None
    } else {
        let (xs, ws): (Vec<f64>, Vec<f64>) = wx.into_iter().unzip();
        stats::weighted(&xs, &ws, &mut notes)
    };
    let decomposition = plan.group_by.as_ref().filter(|_| !x.is_empty()).map(|by| {
        let idx: Vec<usize> = present.iter().map(|&i| group_idx[i]).collect();
        // p-values are filled in afterwards, in one batch for all series.
        stats::decompose(&x, &idx, names, by, 0, plan.seed)
    });
    if let Some(d) = &decomposition {
        if d.theil_l_between.is_none() && basic.theil_l.is_none() && d.theil_t_between.is_some() {
            notes.push("the Theil L decomposition is undefined: some values are zero".into());
        }
    }
    Inequality {
        basic,
        weighted,
        decomposition,
        notes,
    }
}

/// Fill the permutation p-values. Series over the same regions share their shuffles.
fn batch_p_values(
    inequality: &mut [(String, Inequality)],
    series: &[(String, &[Option<f64>])],
    group_idx: &[usize],
    names: &[(String, Option<String>)],
    plan: &Method,
) {
    if plan.permutations == 0 || plan.group_by.is_none() || names.len() < 2 {
        return;
    }
    // Bucket series by which regions have a value.
    let mut buckets: BTreeMap<Vec<bool>, Vec<usize>> = BTreeMap::new();
    for (j, (_, values)) in series.iter().enumerate() {
        let observed = inequality[j]
            .1
            .decomposition
            .as_ref()
            .and_then(|d| d.between_share);
        if observed.is_some() {
            buckets
                .entry(values.iter().map(Option::is_some).collect())
                .or_default()
                .push(j);
        }
    }
    for (mask, js) in buckets {
        let idx: Vec<usize> = group_idx
            .iter()
            .zip(&mask)
            .filter(|(_, m)| **m)
            .map(|(g, _)| *g)
            .collect();
        let xs: Vec<Vec<f64>> = js
            .iter()
            .map(|&j| series[j].1.iter().flatten().copied().collect())
            .collect();
        let refs: Vec<&[f64]> = xs.iter().map(Vec::as_slice).collect();
        let observed: Vec<f64> = js
            .iter()
            .map(|&j| {
                inequality[j]
                    .1
                    .decomposition
                    .as_ref()
                    .and_then(|d| d.between_share)
                    .unwrap_or(0.0)
            })
            .collect();
        let ps = stats::p_values(
            &refs,
            &idx,
            names.len(),
            &observed,
            plan.permutations,
            plan.seed,
        );
        for (&j, p) in js.iter().zip(ps) {
            if let Some(d) = inequality[j].1.decomposition.as_mut() {
                d.between_share_p_value = p;
                d.permutations = plan.permutations;
            }
        }
    }
}

/// Regions whose index is below `laggard_ratio` × the median index, weakest first, each with
/// the (up to three) indicators whose scores fall furthest below that indicator's median.
fn laggards(regions: &[RegionOut], plan: &Method, median: Option<f64>) -> Vec<Laggard> {
    let Some(median) = median.filter(|m| *m > 0.0) else {
        return Vec::new();
    };
    let k = plan.specs.len();
    let median_scores: Vec<Option<f64>> = (0..k)
        .map(|j| {
            let mut s: Vec<f64> = regions.iter().filter_map(|r| r.scores[j]).collect();
            s.sort_by(f64::total_cmp);
            let m = s.len();
            (m > 0).then(|| {
                if m % 2 == 1 {
                    s[m / 2]
                } else {
                    (s[m / 2 - 1] + s[m / 2]) / 2.0
                }
            })
        })
        .collect();
    let mut out: Vec<Laggard> = regions
        .iter()
        .filter_map(|r| {
            let index = r.index?;
            if index >= plan.laggard_ratio * median {
                return None;
            }
            let mut weak: Vec<Weak> = (0..k)
                .filter(|&j| plan.specs[j].weight > 0.0)
                .filter_map(|j| {
                    let (score, med) = (r.scores[j]?, median_scores[j]?);
                    (score < med).then(|| Weak {
                        indicator: plan.specs[j].name.clone(),
                        value: r.values[j],
                        score,
                        median_score: med,
                    })
                })
                .collect();
            weak.sort_by(|a, b| (a.score - a.median_score).total_cmp(&(b.score - b.median_score)));
            weak.truncate(3);
            Some(Laggard {
                code: r.unit.code.clone(),
                name: r.unit.name.clone(),
                group: r.unit.group.clone(),
                index,
                rank: r.rank.unwrap_or(0),
                shortfall: 1.0 - index / median,
                weakest: weak,
            })
        })
        .collect();
    out.sort_by(|a, b| a.index.total_cmp(&b.index));
    out
}
