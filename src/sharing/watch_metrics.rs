//! The watcher's live figures as Prometheus metrics (prometheus-client): probe up, latency
//! histogram, TLS days left, consecutive failures, probes and alerts counted.

use std::sync::atomic::AtomicU64;
use std::sync::Mutex;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct IfaceLabels {
    pub interface: String,
    pub department: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ResultLabels {
    pub interface: String,
    pub result: String,
}

fn latency_histogram() -> Histogram {
    Histogram::new([
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
    ])
}

pub struct WatchMetrics {
    registry: Mutex<Registry>,
    pub up: Family<IfaceLabels, Gauge>,
    pub latency: Family<IfaceLabels, Histogram, fn() -> Histogram>,
    pub tls_days_left: Family<IfaceLabels, Gauge>,
    pub consecutive_failures: Family<IfaceLabels, Gauge>,
    pub alerting: Family<IfaceLabels, Gauge>,
    pub maintenance: Family<IfaceLabels, Gauge>,
    pub probes: Family<ResultLabels, Counter>,
    pub alerts: Counter<u64, AtomicU64>,
}

impl Default for WatchMetrics {
    fn default() -> Self {
        Self::new()
    }
}

impl WatchMetrics {
    pub fn new() -> Self {
        let mut reg = Registry::with_prefix("govops_sharing");
        let up = Family::<IfaceLabels, Gauge>::default();
        let latency = Family::<IfaceLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram as fn() -> Histogram,
        );
        let tls_days_left = Family::<IfaceLabels, Gauge>::default();
        let consecutive_failures = Family::<IfaceLabels, Gauge>::default();
        let alerting = Family::<IfaceLabels, Gauge>::default();
        let maintenance = Family::<IfaceLabels, Gauge>::default();
        let probes = Family::<ResultLabels, Counter>::default();
        let alerts = Counter::default();
        reg.register(
            "probe_up",
            "1 when the last probe got the expected status",
            up.clone(),
        );
        reg.register(
            "probe_duration_seconds",
            "Time to the complete reply",
            latency.clone(),
        );
        reg.register(
            "tls_days_left",
            "Days until the server certificate expires",
            tls_days_left.clone(),
        );
        reg.register(
            "consecutive_failures",
            "Failed probes in a row",
            consecutive_failures.clone(),
        );
        reg.register("alerting", "1 while an alert is raised", alerting.clone());
        reg.register(
            "in_maintenance",
            "1 while a maintenance window covers the interface",
            maintenance.clone(),
        );
        reg.register("probes", "Probes made, by result", probes.clone());
        reg.register("alerts", "Alerts raised", alerts.clone());
        WatchMetrics {
            registry: Mutex::new(reg),
            up,
            latency,
            tls_days_left,
            consecutive_failures,
            alerting,
            maintenance,
            probes,
            alerts,
        }
    }

    /// The OpenMetrics text.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if let Ok(reg) = self.registry.lock() {
            let _ = prometheus_client::encoding::text::encode(&mut out, &reg);
        }
        out
    }
}
