//! Sharing-interface health for the monitor: probe each interface of the registry every
//! refresh, keep status, a latency history for the sparkline, and the last error.
//!
//! Probing uses the shared engine (`crate::probe`) behind the small
//! `Prober` trait.

use std::collections::VecDeque;

use serde::Serialize;

use crate::model::Interface;
use crate::probe::{self as sharing_probe, ProbeSettings};

const KEEP_LATENCIES: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    /// Not probed yet.
    Unknown,
    Up,
    /// Answered, but slower than its latency SLO or with a problem (stale data, body).
    Degraded,
    Down,
    /// The registry gives no URL: nothing to probe.
    NoUrl,
    /// Declared 不予共享: not meant to answer consumers, so never probed.
    NotShared,
}

impl Health {
    pub fn label(self) -> &'static str {
        match self {
            Health::Unknown => "…",
            Health::Up => "UP",
            Health::Degraded => "WARN",
            Health::Down => "DOWN",
            Health::NoUrl => "no url",
            Health::NotShared => "不予共享",
        }
    }
}

/// The result of one probe.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbeOutcome {
    pub ok: bool,
    pub http_status: Option<u16>,
    pub latency_ms: u64,
    /// Why the interface is down.
    pub error: Option<String>,
    /// Answered, but something is off (slow, stale, unexpected body).
    pub warning: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InterfaceHealth {
    pub id: String,
    pub dataset: String,
    pub provider: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub latency_slo_ms: Option<u64>,
    pub status: Health,
    pub http_status: Option<u16>,
    pub latency_ms: Option<u64>,
    /// Latest latencies in ms, oldest first (failed probes count as their time to fail).
    pub latencies: VecDeque<u64>,
    pub last_error: Option<String>,
    pub probes: u64,
    pub failures: u64,
    pub consecutive_failures: u32,
}

impl InterfaceHealth {
    pub fn new(i: &Interface) -> Self {
        InterfaceHealth {
            id: i.id.clone(),
            dataset: i.dataset.clone(),
            provider: i.provider.clone(),
            url: i.url.as_deref().map(crate::load::source::redact_url),
            latency_slo_ms: i.latency_slo_ms,
            status: if i.not_shared() {
                Health::NotShared
            } else if i.url.is_some() {
                Health::Unknown
            } else {
                Health::NoUrl
            },
            http_status: None,
            latency_ms: None,
            latencies: VecDeque::new(),
            last_error: None,
            probes: 0,
            failures: 0,
            consecutive_failures: 0,
        }
    }

    pub fn record(&mut self, o: &ProbeOutcome) {
        if matches!(self.status, Health::NoUrl | Health::NotShared) {
            return;
        }
        self.probes += 1;
        self.http_status = o.http_status;
        self.latency_ms = Some(o.latency_ms);
        self.latencies.push_back(o.latency_ms);
        while self.latencies.len() > KEEP_LATENCIES {
            self.latencies.pop_front();
        }
        if o.ok {
            self.consecutive_failures = 0;
            let slow = self.latency_slo_ms.is_some_and(|slo| o.latency_ms > slo);
            self.status = if slow || o.warning.is_some() {
                Health::Degraded
            } else {
                Health::Up
            };
        } else {
            self.failures += 1;
            self.consecutive_failures += 1;
            self.status = Health::Down;
        }
        if let Some(e) = o.error.as_ref().or(o.warning.as_ref()) {
            self.last_error = Some(e.clone());
        }
    }
}

/// Something that probes a whole registry once; outcomes in registry order, `None` for an
/// interface without a URL.
pub trait Prober: Send {
    fn round(&mut self, ifaces: &[Interface]) -> Vec<Option<ProbeOutcome>>;
}

/// The shared probe engine (async, bounded concurrency, hard deadlines, expect checks,
/// freshness, TLS) on the process's runtime.
pub struct SharingProber {
    rt: &'static tokio::runtime::Runtime,
    client: reqwest::Client,
    settings: ProbeSettings,
}

impl SharingProber {
    pub fn new(settings: ProbeSettings) -> crate::Result<Self> {
        let rt = crate::runtime::get()?;
        let client = rt.block_on(async { sharing_probe::client(&settings) })?;
        Ok(SharingProber {
            rt,
            client,
            settings,
        })
    }
}

impl Prober for SharingProber {
    fn round(&mut self, ifaces: &[Interface]) -> Vec<Option<ProbeOutcome>> {
        let results = self.rt.block_on(sharing_probe::probe_all_async(
            &self.client,
            ifaces,
            &self.settings,
            &|_| {},
        ));
        // Results cover the probed interfaces (a URL, not 不予共享), in registry order.
        let mut results = results.into_iter();
        ifaces
            .iter()
            .map(|i| {
                if !i.probed() {
                    return None;
                }
                results.next().map(|r| outcome(&r))
            })
            .collect()
    }
}

fn outcome(r: &sharing_probe::ProbeResult) -> ProbeOutcome {
    let first_problem = r.problems.first().map(|p| p.message.clone());
    ProbeOutcome {
        ok: r.available(),
        http_status: r.status,
        latency_ms: r.latency_ms.max(0.0).round() as u64,
        error: if r.available() {
            None
        } else {
            r.error.clone().or(first_problem.clone())
        },
        warning: if r.available() { first_problem } else { None },
    }
}
