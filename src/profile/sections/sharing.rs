//! The `sharing:` section of a profile.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::duration::Duration;
use crate::model::FailOn;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SharingConfig {
    pub fail_on: Option<FailOn>,
    /// Probe live when the profile runs (`govops check`).
    pub probe: bool,
    pub concurrency: Option<usize>,
    /// Per-probe deadline, e.g. `2s`.
    pub timeout: Option<Duration>,
    /// Whole-run deadline, e.g. `1m`.
    pub deadline: Option<Duration>,
    /// Staleness tolerance as a multiple of the declared period (e.g. 0.5 = 50 % late is ok).
    pub stale_tolerance: Option<f64>,
    /// Warn when a certificate expires within this many days.
    pub tls_expiry_days: Option<u32>,
    pub max_body_bytes: Option<u64>,
    pub max_redirects: Option<usize>,
    pub history: Option<String>,
    pub ca_file: Option<String>,
    /// `sharing watch`: intervals, thresholds, webhook, retention, maintenance windows.
    pub watch: WatchConfig,
}

/// The `sharing.watch:` section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WatchConfig {
    /// Interval for interfaces without their own (default 1m).
    pub interval: Option<Duration>,
    /// Per-interface intervals, by interface id.
    pub intervals: BTreeMap<String, Duration>,
    /// Consecutive failures that raise an alert (default 3).
    pub failure_threshold: Option<u32>,
    /// Consecutive successes that clear it (default 2).
    pub success_threshold: Option<u32>,
    /// URL that alerts are POSTed to as JSON.
    pub webhook: Option<String>,
    /// Raw probes kept this long, then rolled up hourly (default 7d).
    pub raw_retention: Option<Duration>,
    /// Hourly roll-ups kept this long (default 365d).
    pub rollup_retention: Option<Duration>,
    /// Availability objective, e.g. 0.995 (default 0.99).
    pub slo: Option<f64>,
    /// Time zone of recurring windows (default Asia/Shanghai).
    pub timezone: Option<String>,
    pub maintenance: Vec<MaintenanceConfig>,
}

/// One maintenance window: `start` and `end` (RFC 3339), or `every: daily|weekly` with `at`
/// (`HH:MM`, local time), `day` (weekly: mon..sun) and `for` (a duration).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MaintenanceConfig {
    pub name: Option<String>,
    /// Interface ids it covers; empty: all.
    pub interfaces: Vec<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub every: Option<String>,
    pub day: Option<String>,
    pub at: Option<String>,
    #[serde(rename = "for")]
    pub length: Option<Duration>,
    pub timezone: Option<String>,
}
