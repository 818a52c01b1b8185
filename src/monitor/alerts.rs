//! Alerts: thresholds from the profile's `monitor.alerts` checked against the state.

use serde::Serialize;

use super::probe::Health;
use super::state::State;
use crate::profile::sections::Alerts;

/// Thresholds used when the profile sets none.
pub const DEFAULT_OVERDUE_RATE: f64 = 0.05;
pub const DEFAULT_SATISFACTION_BELOW: f64 = 0.90;
pub const DEFAULT_INTERFACE_DOWN_AFTER: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// `overdue_rate`, `satisfaction` or `interface_down`.
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
                message: format!(
                    "overdue rate {:.1}% > {:.1}% ({} of {} completed cases past their limit)",
                    rate * 100.0,
                    overdue_max * 100.0,
                    state.overdue_completed,
                    state.completed
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
                message: format!(
                    "satisfaction {:.1}% < {:.1}% ({} bad reviews of {})",
                    rate * 100.0,
                    sat_min * 100.0,
                    state.bad_ratings(),
                    state.ratings
                ),
                value: rate,
                threshold: sat_min,
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
                message: format!(
                    "interface {} down: {} failed probes in a row ({})",
                    i.id,
                    i.consecutive_failures,
                    i.last_error.as_deref().unwrap_or("no detail")
                ),
                value: f64::from(i.consecutive_failures),
                threshold: f64::from(down_after),
                interface: Some(i.id.clone()),
            });
        }
    }
    out
}
