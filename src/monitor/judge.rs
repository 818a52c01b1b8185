//! The snapshot judged by the rules of the `monitor` area (`cases.*`), for `check`: the
//! alerts' thresholds as findings, and 差评 past their rectification deadline once per region
//! (the deepest regions that hold them), so a gate fails on them.

use super::alerts::Alert;
use super::state::{State, UNKNOWN_REGION};
use crate::model::Finding;
use crate::rules;

fn finding(id: &str, message: String) -> Finding {
    Finding::new(id, rules::severity(id), message)
}

/// Findings of a snapshot, worst first.
pub fn findings(state: &State, alerts: &[Alert]) -> Vec<Finding> {
    let mut out = rectification_by_region(state);
    for a in alerts {
        let rule = match a.kind {
            "overdue_rate" => "cases.overdue_rate",
            "satisfaction" => "cases.satisfaction",
            "orphans" => "cases.orphans",
            // Interfaces are judged by the sharing area; the total of overdue
            // rectifications is reported per region above.
            _ => continue,
        };
        out.push(
            finding(rule, a.message.clone())
                .with("value", a.value)
                .with("threshold", a.threshold),
        );
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// One `cases.rectification_overdue` per deepest region holding overdue 差评 (a region
/// none of whose children with data holds any), plus the unknown-region bucket.
fn rectification_by_region(state: &State) -> Vec<Finding> {
    if state.reviews.overdue == 0 {
        return Vec::new();
    }
    let set = &state.regions;
    let holding: Vec<(usize, u64)> = state
        .regions_with_data()
        .filter(|(_, s)| s.rectification_overdue > 0)
        .map(|(i, s)| (i, s.rectification_overdue))
        .collect();
    let has_child = |idx: usize| {
        holding
            .iter()
            .any(|(c, _)| *c != UNKNOWN_REGION && set.by_index(*c).parent == Some(idx))
    };
    let mut rows: Vec<(String, String, u64)> = holding
        .iter()
        .filter(|(i, _)| *i == UNKNOWN_REGION || !has_child(*i))
        .map(|(i, n)| {
            if *i == UNKNOWN_REGION {
                (String::new(), crate::tr!("cases-unknown-region"), *n)
            } else {
                let r = set.by_index(*i);
                (r.code.clone(), r.name.clone(), *n)
            }
        })
        .collect();
    // Most first; the unknown-region bucket after the named regions.
    rows.sort_by(|a, b| {
        (b.2, !b.0.is_empty())
            .cmp(&(a.2, !a.0.is_empty()))
            .then_with(|| a.0.cmp(&b.0))
    });
    rows.into_iter()
        .map(|(code, name, n)| {
            let f = finding(
                "cases.rectification_overdue",
                crate::tr!(
                    "finding-rectification-overdue",
                    n = n,
                    region = name.as_str(),
                    days = state.rectify_days
                ),
            )
            .with("count", n);
            if code.is_empty() {
                f
            } else {
                f.region(code)
            }
        })
        .collect()
}
