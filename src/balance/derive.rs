//! Indicators derived from a service catalog (and its basic catalog) per region at a level:
//! the regions are those at `level` with at least one catalog row in their territory (their
//! own rows and their descendants'). Also the sector balance (which sectors lag where) and the
//! level balance (province vs city vs county vs township).
//!
//! - `online_share`: items with online_depth ≥ 2 or an online channel (web, app, WeChat,
//!   Alipay, mini program), over all items.
//! - `full_online_share`: items with online_depth 4 (全程网办).
//! - `mean_visits` (lower is better): mean in-person visits over items that state them.
//! - `mobile_share`: items offered on app, WeChat, Alipay or a mini program.
//! - `gaps_per_100` (lower is better, needs a baseline): required (item, region) pairs in the
//!   territory with no catalog row, per 100 required pairs. A baseline item is required of
//!   every region at one of its `levels`; only levels the catalog covers at all are counted,
//!   so a county-only export is not charged for every township.
//! - `items_per_10k`: items per 10,000 people, when the population is known (the built-in
//!   set knows it per province; lower levels sum their children's when all are known).

use std::collections::{BTreeMap, HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{json, Value};

use super::input::{population_up, Column, Dataset, Unit};
use super::stats;
use crate::error::Result;
use crate::load::{self, LoadOptions};
use crate::model::{BaselineItem, CatalogRow, Level, RegionSet};
use crate::profile::sections::balance::Better;

#[derive(Debug, Default, Clone)]
struct Acc {
    items: u64,
    online: u64,
    full: u64,
    mobile: u64,
    visits_sum: u64,
    visits_n: u64,
}

impl Acc {
    fn add(&mut self, r: &CatalogRow) {
        self.items += 1;
        let online_channel = r.channels.iter().any(|c| c.is_online());
        if r.online_depth.is_some_and(|d| d >= 2) || online_channel {
            self.online += 1;
        }
        if r.online_depth == Some(4) {
            self.full += 1;
        }
        if r.channels
            .iter()
            .any(|c| c.is_online() && !matches!(c, crate::model::Channel::Web))
        {
            self.mobile += 1;
        }
        if let Some(v) = r.visits {
            self.visits_sum += u64::from(v);
            self.visits_n += 1;
        }
    }

    fn share(&self, k: u64) -> Option<f64> {
        (self.items > 0).then(|| k as f64 / self.items as f64)
    }

    fn mean_visits(&self) -> Option<f64> {
        (self.visits_n > 0).then(|| self.visits_sum as f64 / self.visits_n as f64)
    }
}

/// Read the catalog (streaming) and derive the indicators per region at `level`.
pub fn from_catalog(
    catalog: &str,
    baseline: Option<&[BaselineItem]>,
    set: &RegionSet,
    level: Level,
    opts: &LoadOptions,
    progress: &indicatif::ProgressBar,
) -> Result<Dataset> {
    // Field quality is `audit`'s business: a bad optional value is left out, not fatal.
    let opts = LoadOptions {
        lenient: true,
        ..opts.clone()
    };
    let reader = load::catalog(catalog, &opts)?;
    let file = reader.file().to_string();
    let wanted: HashMap<&str, u32> = baseline
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(i, b)| (b.item_code.as_str(), i as u32))
        .collect();
    let mut per: FxHashMap<usize, Acc> = FxHashMap::default();
    let mut per_sector: BTreeMap<String, FxHashMap<usize, Acc>> = BTreeMap::new();
    let mut per_level: BTreeMap<Level, Acc> = BTreeMap::new();
    let mut present: FxHashSet<(u32, u32)> = FxHashSet::default();
    let mut levels_seen: HashSet<Level> = HashSet::new();
    let (mut outside, mut unknown, mut flawed) = (0u64, 0u64, 0u64);
    for row in reader {
        let row = row?;
        progress.inc(1);
        if !row.issues.is_empty() {
            flawed += 1;
        }
        let Some(ri) = set.index_of(&row.region_code) else {
            unknown += 1;
            continue;
        };
        let own_level = set.by_index(ri).level;
        levels_seen.insert(own_level);
        per_level
            .entry(row.level.unwrap_or(own_level))
            .or_default()
            .add(&row);
        if let Some(&b) = wanted.get(row.item_code.as_str()) {
            present.insert((ri as u32, b));
        }
        let Some(target) = set
            .ancestor_at(&row.region_code, level)
            .and_then(|r| set.index_of(&r.code))
        else {
            outside += 1;
            continue;
        };
        per.entry(target).or_default().add(&row);
        if let Some(s) = &row.sector {
            per_sector
                .entry(s.clone())
                .or_default()
                .entry(target)
                .or_default()
                .add(&row);
        }
    }
    progress.finish_and_clear();
    let mut targets: Vec<usize> = per.keys().copied().collect();
    targets.sort_by(|a, b| set.by_index(*a).code.cmp(&set.by_index(*b).code));

    let mut ds = Dataset::default();
    if unknown > 0 {
        ds.notes.push(format!("{unknown} catalog row(s) name a region code that is not in the region set; they are left out"));
    }
    if flawed > 0 {
        ds.notes.push(format!(
            "{flawed} catalog row(s) have malformed optional fields, left out of the indicators they feed (see `govops audit`)"
        ));
    }
    if outside > 0 {
        ds.notes.push(format!(
            "{outside} catalog row(s) belong to regions above the {level} level; they count in the level balance only"
        ));
    }
    ds.units = targets.iter().map(|&i| unit_of(set, i)).collect();
    let col = |key: &str, better: Better, f: &dyn Fn(&Acc) -> Option<f64>| Column {
        key: key.into(),
        header: key.into(),
        better: Some(better),
        values: targets.iter().map(|i| f(&per[i])).collect(),
    };
    ds.columns
        .push(col("online_share", Better::Higher, &|a| a.share(a.online)));
    ds.columns
        .push(col("full_online_share", Better::Higher, &|a| {
            a.share(a.full)
        }));
    ds.columns
        .push(col("mean_visits", Better::Lower, &|a| a.mean_visits()));
    ds.columns
        .push(col("mobile_share", Better::Higher, &|a| a.share(a.mobile)));
    if let Some(items) = baseline {
        let gaps: Vec<Option<f64>> = targets
            .iter()
            .map(|&t| gaps_per_100(set, t, items, &present, &levels_seen))
            .collect();
        ds.columns.push(Column {
            key: "gaps_per_100".into(),
            header: "gaps_per_100".into(),
            better: Some(Better::Lower),
            values: gaps,
        });
    }
    let pops: Vec<Option<f64>> = ds.units.iter().map(|u| u.population).collect();
    if pops.iter().any(Option::is_some) {
        let values = targets
            .iter()
            .zip(&pops)
            .map(|(i, p)| {
                p.filter(|p| *p > 0.0)
                    .map(|p| per[i].items as f64 / p * 10_000.0)
            })
            .collect();
        ds.columns.push(Column {
            key: "items_per_10k".into(),
            header: "items_per_10k".into(),
            better: Some(Better::Higher),
            values,
        });
    } else {
        ds.notes.push(format!(
            "items_per_10k is left out: no population is known at the {level} level"
        ));
    }
    ds.sections
        .push(("sectors".into(), sector_balance(set, &per_sector)));
    ds.sections
        .push(("levels".into(), level_balance(&per_level)));
    ds.notes.push(format!(
        "indicators derived from {file} at the {level} level"
    ));
    Ok(ds)
}

fn unit_of(set: &RegionSet, i: usize) -> Unit {
    let r = set.by_index(i);
    Unit {
        code: r.code.clone(),
        name: r.name.clone(),
        group: r.group.clone(),
        population: population_up(set, i),
        level: Some(r.level),
        parent: r
            .parent
            .map(|p| (set.by_index(p).code.clone(), set.by_index(p).name.clone())),
        labels: Vec::new(),
        line: None,
    }
}

/// Missing required (region, item) pairs per 100 in the territory of `target`.
fn gaps_per_100(
    set: &RegionSet,
    target: usize,
    items: &[BaselineItem],
    present: &FxHashSet<(u32, u32)>,
    levels_seen: &HashSet<Level>,
) -> Option<f64> {
    let (mut required, mut missing) = (0u64, 0u64);
    let mut stack = vec![target];
    while let Some(i) = stack.pop() {
        let r = set.by_index(i);
        if levels_seen.contains(&r.level) {
            for (b, item) in items.iter().enumerate() {
                if item.levels.contains(&r.level) {
                    required += 1;
                    if !present.contains(&(i as u32, b as u32)) {
                        missing += 1;
                    }
                }
            }
        }
        stack.extend(set.children(&r.code).filter_map(|c| set.index_of(&c.code)));
    }
    (required > 0).then(|| missing as f64 * 100.0 / required as f64)
}

/// Per sector: items, online and fully-online shares overall, how the fully-online share
/// spreads over regions (Gini, CV), and the regions where the sector lags (fully-online share
/// below 3/4 of the sector's median).
fn sector_balance(set: &RegionSet, per_sector: &BTreeMap<String, FxHashMap<usize, Acc>>) -> Value {
    let mut out = Vec::new();
    for (sector, regions) in per_sector {
        let total = regions.values().fold(Acc::default(), |mut t, a| {
            t.items += a.items;
            t.online += a.online;
            t.full += a.full;
            t
        });
        // Online shares saturate early; the fully-online share (全程网办) is what still varies.
        let mut shares: Vec<(usize, f64)> = regions
            .iter()
            .filter_map(|(i, a)| a.share(a.full).map(|s| (*i, s)))
            .collect();
        shares.sort_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then_with(|| set.by_index(a.0).code.cmp(&set.by_index(b.0).code))
        });
        let values: Vec<f64> = shares.iter().map(|s| s.1).collect();
        let mut notes = Vec::new();
        let b = stats::basic(&values, &mut notes);
        let median = b.median.unwrap_or(0.0);
        let lagging: Vec<Value> = shares
            .iter()
            .filter(|(_, s)| *s < 0.75 * median)
            .take(10)
            .map(|(i, s)| json!({"code": set.by_index(*i).code, "name": set.by_index(*i).name, "full_online_share": s}))
            .collect();
        out.push(json!({
            "sector": sector,
            "items": total.items,
            "online_share": total.share(total.online),
            "full_online_share": total.share(total.full),
            "regions": b.n,
            "median_full_online_share": b.median,
            "min_full_online_share": b.min,
            "gini": b.gini,
            "cv": b.cv,
            "lagging_regions": lagging,
        }));
    }
    // Most unequal sectors first.
    out.sort_by(|a, b| {
        let g = |v: &Value| v["gini"].as_f64().unwrap_or(-1.0);
        g(b).total_cmp(&g(a))
    });
    Value::Array(out)
}

fn level_balance(per_level: &BTreeMap<Level, Acc>) -> Value {
    Value::Array(
        per_level
            .iter()
            .map(|(l, a)| {
                json!({
                    "level": l.as_str(),
                    "items": a.items,
                    "online_share": a.share(a.online),
                    "full_online_share": a.share(a.full),
                    "mobile_share": a.share(a.mobile),
                    "mean_visits": a.mean_visits(),
                })
            })
            .collect(),
    )
}
