//! The `sharing:` section of a profile.

use serde::{Deserialize, Serialize};

use crate::model::FailOn;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SharingConfig {
    pub fail_on: Option<FailOn>,
    /// Probe live when the profile runs (`govops check`).
    pub probe: bool,
    pub concurrency: Option<usize>,
    /// Per-probe deadline, e.g. `2s`.
    pub timeout: Option<String>,
    /// Whole-run deadline, e.g. `1m`.
    pub deadline: Option<String>,
    /// Staleness tolerance as a multiple of the declared period (e.g. 0.5 = 50 % late is ok).
    pub stale_tolerance: Option<f64>,
    /// Warn when a certificate expires within this many days.
    pub tls_expiry_days: Option<u32>,
    pub max_body_bytes: Option<u64>,
    pub max_redirects: Option<usize>,
    pub history: Option<String>,
    pub ca_file: Option<String>,
}

impl crate::sharing::ProbeSettings {
    /// Settings from the command line, then the profile, then the defaults.
    pub fn from_config(cfg: &SharingConfig, args: &crate::cli::SharingArgs) -> crate::Result<Self> {
        let dur = |key: &str, v: &Option<String>| -> crate::Result<Option<std::time::Duration>> {
            v.as_deref()
                .map(|s| {
                    crate::model::duration::parse(s)
                        .map_err(|e| crate::Error::usage(format!("profile sharing.{key}: {e}")))
                })
                .transpose()
        };
        let d = Self::default();
        let concurrency = args
            .concurrency
            .or(cfg.concurrency)
            .unwrap_or(d.concurrency);
        if concurrency == 0 {
            return Err(crate::Error::usage("--concurrency must be at least 1"));
        }
        let timeout = args
            .timeout
            .or(dur("timeout", &cfg.timeout)?)
            .unwrap_or(d.timeout);
        if timeout.is_zero() {
            return Err(crate::Error::usage("--timeout must be longer than zero"));
        }
        Ok(Self {
            timeout,
            deadline: args.deadline.or(dur("deadline", &cfg.deadline)?),
            concurrency,
            max_body_bytes: cfg.max_body_bytes.unwrap_or(d.max_body_bytes),
            max_redirects: cfg.max_redirects.unwrap_or(d.max_redirects),
            tls_expiry_days: cfg.tls_expiry_days.unwrap_or(d.tls_expiry_days),
            stale_tolerance: cfg.stale_tolerance.unwrap_or(d.stale_tolerance),
            ca_file: args
                .ca_file
                .clone()
                .or_else(|| cfg.ca_file.as_ref().map(Into::into)),
        })
    }
}
