//! The JSON envelope of a balance report: `summary`, `regions`, `inequality` (keyed by
//! indicator name and `index`), `laggards`, and for catalogs `sectors` and `levels`.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::analysis::{RegionOut, Report};
use crate::report::Envelope;

pub fn envelope(r: &Report, inputs: Value) -> Envelope {
    let mut inequality = Map::new();
    for (k, v) in &r.inequality {
        inequality.insert(k.clone(), json!(v));
    }
    let regions: Vec<Value> = r.regions.iter().map(|x| region(r, x)).collect();
    let mut env = Envelope::new("balance", inputs, summary(r))
        .findings(r.findings.clone())
        .section("regions", Value::Array(regions))
        .section("inequality", Value::Object(inequality))
        .section("laggards", json!(r.laggards));
    for (k, v) in &r.sections {
        env = env.section(k, v.clone());
    }
    env
}

fn region(r: &Report, x: &RegionOut) -> Value {
    let mut values = Map::new();
    let mut scores = Map::new();
    for (j, s) in r.specs.iter().enumerate() {
        values.insert(s.name.clone(), json!(x.values[j]));
        scores.insert(s.name.clone(), json!(x.scores[j]));
    }
    let mut v = json!({
        "code": x.unit.code,
        "name": x.unit.name,
        "group": x.unit.group,
        "population": x.unit.population,
        "indicators": values,
        "scores": scores,
        "index": x.index,
        "rank": x.rank,
        "tier": x.tier,
    });
    if let Some(c) = &x.rating_class {
        v["rating_class"] = json!(c);
    }
    if let Some(l) = x.unit.level {
        v["level"] = json!(l.as_str());
    }
    if let Some((code, name)) = &x.unit.parent {
        v["parent"] = json!({"code": code, "name": name});
    }
    if let (Some(by), Some(g)) = (&r.plan.group_by, &x.by_group) {
        if by != "group" {
            v["by"] = json!(g);
        }
    }
    if !x.missing.is_empty() {
        v["missing"] = json!(x.missing);
    }
    v
}

pub fn summary(r: &Report) -> Value {
    let idx = r.index_inequality();
    let mut tiers: BTreeMap<String, usize> = BTreeMap::new();
    for x in &r.regions {
        if let Some(t) = &x.tier {
            *tiers.entry(t.clone()).or_default() += 1;
        }
    }
    let ends = |x: Option<&RegionOut>| {
        x.map(|x| json!({"code": x.unit.code, "name": x.unit.name, "index": x.index}))
    };
    let ranked: Vec<&RegionOut> = r.regions.iter().filter(|x| x.index.is_some()).collect();
    json!({
        "regions": r.regions.len(),
        "ranked": ranked.len(),
        "indicators": r.specs.len(),
        "index": idx.map(|q| json!({
            "mean": q.basic.mean, "median": q.basic.median, "min": q.basic.min, "max": q.basic.max,
            "gini": q.basic.gini, "theil_t": q.basic.theil_t, "cv": q.basic.cv,
            "between_share": q.decomposition.as_ref().and_then(|d| d.between_share),
            "between_share_p_value": q.decomposition.as_ref().and_then(|d| d.between_share_p_value),
        })),
        "best": ends(ranked.first().copied()),
        "worst": ends(ranked.last().copied()),
        "tiers": tiers,
        "laggards": r.laggards.len(),
        "notes": r.notes,
    })
}
