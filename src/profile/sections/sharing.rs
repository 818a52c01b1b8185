//! The `sharing:` section of a profile.

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
}
