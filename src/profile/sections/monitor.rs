//! The `monitor:` section of a profile.

use serde::{Deserialize, Serialize};

use crate::model::duration::Duration;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MonitorConfig {
    /// Refresh and probe interval, e.g. `1s`.
    pub refresh: Option<Duration>,
    pub alerts: Alerts,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Alerts {
    /// Alert when overdue ÷ completed exceeds this (0..1).
    pub overdue_rate: Option<f64>,
    /// Alert when the satisfaction rate falls below this (0..1).
    pub satisfaction_below: Option<f64>,
    /// Alert when an interface fails this many probes in a row.
    pub interface_down_after: Option<u32>,
}
