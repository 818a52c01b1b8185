//! Alerts: thresholds from the profile's `monitor.alerts` checked against the state.

use serde::Serialize;

use super::probe::Health;
use super::state::State;
use crate::profile::sections::Alerts;

/// Thresholds used when the profile sets none.
pub const DEFAULT_OVERDUE_RATE: f64 = 0.05;
pub const DEFAULT_SATISFACTION_BELOW: f64 = 0.90;
pub const DEFAULT_INTERFACE_DOWN_AFTER: u32 = 2;
/// Orphan events above this share of all events mean the stream is missing its starts.
pub const DEFAULT_ORPHAN_RATE: f64 = 0.2;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// `overdue_rate`, `satisfaction`, `rectification_overdue`, `orphans` or
    /// `interface_down`.
    pub kind: &'static str,
    pub message: String,
    pub value: f64,
    pub threshold: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interface: Option<String>,
}

pub fn alerts(state: &State, cfg: &Alerts) -> Vec<Alert> {
    let mut out = Vec::new();
    let overdue_max = cfg.overdue_rate.unwrap_or(DEFAULT_OVERDUE_RATE);
    if state.completed > 0 {
        let rate = state.overdue_completed as f64 / state.completed as f64;
        if rate > overdue_max {
            out.push(Alert {
                kind: "overdue_rate",
                message: crate::tr!(
                    "alert-overdue-rate",
                    rate = pct(rate),
                    max = pct(overdue_max),
                    n = state.overdue_completed,
                    total = state.completed
                ),
                value: rate,
                threshold: overdue_max,
                interface: None,
            });
        }
    }
    let sat_min = cfg.satisfaction_below.unwrap_or(DEFAULT_SATISFACTION_BELOW);
    if let Some(rate) = state.satisfaction() {
        if rate < sat_min {
            out.push(Alert {
                kind: "satisfaction",
                message: crate::tr!(
                    "alert-satisfaction",
                    rate = pct(rate),
                    min = pct(sat_min),
                    n = state.bad_ratings(),
                    total = state.ratings
                ),
                value: rate,
                threshold: sat_min,
                interface: None,
            });
        }
    }
    let rect_max = cfg.rectification_overdue_max.unwrap_or(0);
    if state.reviews.overdue > rect_max {
        out.push(Alert {
            kind: "rectification_overdue",
            message: crate::tr!(
                "alert-rectification-overdue",
                n = state.reviews.overdue,
                days = state.rectify_days,
                bad = state.reviews.bad
            ),
            value: state.reviews.overdue as f64,
            threshold: rect_max as f64,
            interface: None,
        });
    }
    let orphan_max = cfg.orphan_rate.unwrap_or(DEFAULT_ORPHAN_RATE);
    if state.events > 0 {
        let rate = state.orphans.total() as f64 / state.events as f64;
        if rate > orphan_max {
            out.push(Alert {
                kind: "orphans",
                message: crate::tr!(
                    "alert-orphans",
                    n = state.orphans.total(),
                    rate = pct(rate),
                    max = pct(orphan_max)
                ),
                value: rate,
                threshold: orphan_max,
                interface: None,
            });
        }
    }
    let down_after = cfg
        .interface_down_after
        .unwrap_or(DEFAULT_INTERFACE_DOWN_AFTER)
        .max(1);
    for i in &state.interfaces {
        if i.status == Health::Down && i.consecutive_failures >= down_after {
            out.push(Alert {
                kind: "interface_down",
                message: crate::tr!(
                    "alert-interface-down",
                    id = i.id.as_str(),
                    n = i.consecutive_failures,
                    detail = i.last_error.as_deref().unwrap_or("no detail")
                ),
                value: f64::from(i.consecutive_failures),
                threshold: f64::from(down_after),
                interface: Some(i.id.clone()),
            });
        }
    }
    out
}

/// A share as a percentage with one decimal, the way the screen writes it.
fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}
