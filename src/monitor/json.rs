//! `--once -f json`: the computed state in the shared envelope.
//!
//! `summary` holds `cases`, `channels`, `satisfaction`, `online_share` and
//! `malformed_lines`; the top-level sections `regions`, `interfaces`, `alerts`, `malformed`
//! and `submissions_per_minute` hold the lists (see commands/monitor.md).

use serde_json::{json, Map, Value};

use super::alerts::Alert;
use super::state::{State, UNKNOWN_REGION};
use crate::model::{EventKind, RATING_LEVELS};
use crate::report::Envelope;

/// Round a share to 4 decimals so that reports are stable across platforms.
fn share(x: Option<f64>) -> Value {
    x.map(|v| json!((v * 10_000.0).round() / 10_000.0))
        .unwrap_or(Value::Null)
}

/// Orphan events (for cases never seen submitted) by type, and their total.
fn orphans(state: &State) -> Value {
    let mut m = Map::new();
    for kind in EventKind::ALL {
        let n = state.orphans.get(kind);
        if kind != EventKind::Submitted {
            m.insert(kind.as_str().to_string(), json!(n));
        }
    }
    m.insert("total".into(), json!(state.orphans.total()));
    Value::Object(m)
}

/// Ratings by the five national levels, keyed by the English key (the Chinese word is in
/// commands/monitor.md).
fn by_level(state: &State) -> Value {
    let m: Map<String, Value> = RATING_LEVELS
        .iter()
        .map(|(r, _, en)| {
            (
                en.to_string(),
                json!(state.rating_counts[usize::from(*r) - 1]),
            )
        })
        .collect();
    Value::Object(m)
}

pub fn summary(state: &State) -> Value {
    let channels: Map<String, Value> = state
        .channels
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    json!({
        "cases": {
            "submitted": state.submitted,
            "completed": state.completed,
            "accepted": state.accepted,
            "rejected": state.rejected,
            "withdrawn": state.withdrawn,
            "in_progress": state.in_progress(),
            "overdue": state.overdue(),
            "overdue_completed": state.overdue_completed,
            "overdue_open": state.overdue_open,
        },
        "orphans": orphans(state),
        "out_of_order": state.out_of_order,
        "channels": channels,
        "online_share": share(state.online_share()),
        "satisfaction": {
            "ratings": state.ratings,
            "rate": share(state.satisfaction()),
            "bad": state.bad_ratings(),
            "bad_rate": share(state.bad_rate()),
            "by_rating": {
                "1": state.rating_counts[0], "2": state.rating_counts[1],
                "3": state.rating_counts[2], "4": state.rating_counts[3],
                "5": state.rating_counts[4],
            },
            "by_level": by_level(state),
        },
        "reviews": {
            "bad": state.reviews.bad,
            "followed_up": state.reviews.followed_up,
            "rectified": state.reviews.rectified,
            "rectified_late": state.reviews.rectified_late,
            "open": state.reviews.open,
            "overdue": state.reviews.overdue,
            "rectify_days": state.rectify_days,
        },
        "lines": state.lines,
        "events": state.events,
        "malformed_lines": state.malformed_lines,
        "duplicates": state.duplicates,
    })
}

/// Every region with data, at every level, ordered by code (`parent_code` links levels).
pub fn regions(state: &State) -> Value {
    let set = &state.regions;
    let mut rows: Vec<(String, Value)> = state
        .regions_with_data()
        .map(|(idx, s)| {
            let (code, name, level, parent) = if idx == UNKNOWN_REGION {
                ("?".to_string(), "(unknown region)".to_string(), None, None)
            } else {
                let r = set.by_index(idx);
                let parent = r.parent.map(|p| set.by_index(p).code.clone());
                (
                    r.code.clone(),
                    r.name.clone(),
                    Some(r.level.as_str()),
                    parent,
                )
            };
            let v = json!({
                "code": code, "name": name, "level": level, "parent_code": parent,
                "submitted": s.submitted, "accepted": s.accepted, "completed": s.completed,
                "rejected": s.rejected, "withdrawn": s.withdrawn,
                "in_progress": s.in_progress(), "overdue": s.overdue(),
                "ratings": s.ratings, "satisfaction_rate": share(s.satisfaction()),
                "bad": s.bad, "rectification_overdue": s.rectification_overdue,
            });
            (code, v)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    Value::Array(rows.into_iter().map(|(_, v)| v).collect())
}

pub fn envelope(state: &State, alerts: &[Alert], inputs: Value) -> Envelope {
    let minutes: Vec<Value> = state
        .per_minute
        .iter()
        .rev()
        .take(60)
        .rev()
        .filter_map(|(m, n)| {
            let t = chrono::DateTime::from_timestamp(m * 60, 0)?;
            Some(json!({"minute": t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), "submitted": n}))
        })
        .collect();
    Envelope::new("monitor", inputs, summary(state))
        .section("regions", regions(state))
        .section("interfaces", json!(state.interfaces))
        .section("alerts", json!(alerts))
        .section("malformed", json!(state.malformed))
        .section("submissions_per_minute", Value::Array(minutes))
}
