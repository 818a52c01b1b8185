//! `govops sharing watch`: every interface probed on its own interval, for as long as the
//! process runs. Consecutive failures raise one alert at `failure_threshold` and it clears
//! after `success_threshold` successes (the Gatus / Uptime Kuma convention); maintenance
//! windows silence alerts and their probes do not count against the SLA. Probes are written
//! to the SQLite history in batches (one transaction per flush), compacted into hourly
//! roll-ups as they age; SIGTERM and SIGINT flush and stop cleanly.
//!
//! The area never prints: what happens is reported as [`WatchEvent`]s to a [`WatchLog`] the
//! command layer provides (text or JSON lines on stderr). Alerts also go to an optional
//! webhook as a JSON POST.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::{mpsc, Semaphore};

use super::history::{History, IncidentChange, WatchRow};
use super::watch_maintenance::{in_maintenance, Window};
use super::watch_metrics::{IfaceLabels, ResultLabels, WatchMetrics};
use crate::error::{Error, Result};
use crate::model::Interface;
use crate::probe::{client, probe_one, ProbeResult, ProbeSettings};

/// Everything `sharing watch` needs, resolved.
pub struct WatchPlan {
    pub registry: String,
    pub interfaces: Vec<Interface>,
    /// Interval for interfaces without their own.
    pub interval: Duration,
    /// Per-interface intervals (by interface id).
    pub intervals: HashMap<String, Duration>,
    pub settings: ProbeSettings,
    pub failure_threshold: u32,
    pub success_threshold: u32,
    pub maintenance: Vec<Window>,
    pub history: Option<PathBuf>,
    /// Raw probes kept this long, then rolled up hourly.
    pub raw_retention: Duration,
    /// Hourly roll-ups kept this long.
    pub rollup_retention: Duration,
    /// Write buffered probes at least this often.
    pub flush_every: Duration,
    pub webhook: Option<String>,
    /// Stop after this long (tests, cron); None: until a signal.
    pub run_for: Option<Duration>,
    /// Serve /metrics and /healthz here.
    pub serve: Option<SocketAddr>,
}

/// What happened, for the log.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum WatchEvent {
    Started {
        registry: String,
        interfaces: usize,
        history: Option<String>,
    },
    Listening {
        addr: String,
    },
    /// The failure threshold was reached outside maintenance.
    Alert {
        interface: String,
        department: String,
        url: String,
        consecutive_failures: u32,
        since: String,
        reason: String,
    },
    /// An alerting interface recovered.
    Resolved {
        interface: String,
        department: String,
        url: String,
        down_for_s: i64,
    },
    /// The threshold was reached inside a maintenance window: no alert.
    Silenced {
        interface: String,
        window: String,
    },
    WebhookFailed {
        interface: String,
        error: String,
    },
    Compacted {
        rolled_up: usize,
        raw_deleted: usize,
        hourly_deleted: usize,
    },
    Stopped {
        probes: u64,
        alerts: u64,
        resolved: u64,
        signal: Option<String>,
    },
}

/// Where events go.
pub trait WatchLog: Sync {
    fn event(&self, e: &WatchEvent);
}

/// What a watch did, in all.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WatchSummary {
    pub probes: u64,
    pub alerts: u64,
    pub resolved: u64,
    pub silenced: u64,
}

/// One interface's alerting state.
#[derive(Debug, Default)]
struct Track {
    failures: u32,
    successes: u32,
    alerting: bool,
    /// The first failure of the current run of failures.
    down_since: Option<i64>,
    silenced: bool,
}

/// What the state machine decided for one result.
#[derive(Debug, PartialEq)]
enum Step {
    Nothing,
    Alert,
    Resolve,
    Silence,
}

impl Track {
    fn step(&mut self, ok: bool, maintenance: bool, fail_n: u32, ok_n: u32) -> Step {
        if ok {
            self.failures = 0;
            self.successes = self.successes.saturating_add(1);
            if self.alerting && self.successes >= ok_n {
                self.alerting = false;
                return Step::Resolve;
            }
            Step::Nothing
        } else {
            self.successes = 0;
            self.failures = self.failures.saturating_add(1);
            if !self.alerting && self.failures >= fail_n {
                if maintenance {
                    if !self.silenced {
                        self.silenced = true;
                        return Step::Silence;
                    }
                    return Step::Nothing;
                }
                self.alerting = true;
                return Step::Alert;
            }
            Step::Nothing
        }
    }
}

/// Unix seconds now (SOURCE_DATE_EPOCH is for reports, not for a watcher's clock).
fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn rfc3339(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Watch until a signal (or `run_for`), then flush. Returns the summary.
pub fn run(plan: WatchPlan, log: &dyn WatchLog) -> Result<WatchSummary> {
    if plan.failure_threshold == 0 || plan.success_threshold == 0 {
        return Err(Error::usage(
            "failure_threshold and success_threshold must be at least 1",
        ));
    }
    let mut history = match &plan.history {
        Some(p) => Some(History::open(p)?),
        None => None,
    };
    let run_id = match &mut history {
        Some(h) => Some(h.begin_run(&plan.registry, now())?),
        None => None,
    };
    let rt = crate::runtime::get()?;
    rt.block_on(watch(plan, history, run_id, log))
}

async fn watch(
    plan: WatchPlan,
    mut history: Option<History>,
    run_id: Option<i64>,
    log: &dyn WatchLog,
) -> Result<WatchSummary> {
    let http = client(&plan.settings)?;
    let metrics = Arc::new(WatchMetrics::new());
    let ifaces: Vec<Interface> = plan
        .interfaces
        .iter()
        .filter(|i| i.probed())
        .cloned()
        .collect();
    log.event(&WatchEvent::Started {
        registry: plan.registry.clone(),
        interfaces: ifaces.len(),
        history: plan.history.as_ref().map(|p| p.display().to_string()),
    });
    let server = match plan.serve {
        Some(addr) => {
            let listener = crate::serve::bind(addr).await?;
            let shown = listener
                .local_addr()
                .map(|a| a.to_string())
                .unwrap_or_default();
            log.event(&WatchEvent::Listening { addr: shown });
            let m = metrics.clone();
            Some(tokio::spawn(crate::serve::serve(
                listener,
                Arc::new(move || m.encode()),
            )))
        }
        None => None,
    };

    // One task per interface, each on its own interval; a semaphore bounds probes in flight.
    let (tx, mut rx) = mpsc::channel::<(i64, ProbeResult)>(1024);
    let sem = Arc::new(Semaphore::new(plan.settings.concurrency.max(1)));
    let mut tasks = Vec::with_capacity(ifaces.len());
    for iface in ifaces.iter().cloned() {
        let every = plan
            .intervals
            .get(&iface.id)
            .copied()
            .unwrap_or(plan.interval)
            .max(Duration::from_millis(10));
        let (tx, sem, http, settings) =
            (tx.clone(), sem.clone(), http.clone(), plan.settings.clone());
        tasks.push(tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let Ok(permit) = sem.acquire().await else {
                    break;
                };
                let ts = now();
                let r = probe_one(&http, &iface, &settings).await;
                drop(permit);
                if tx.send((ts, r)).await.is_err() {
                    break;
                }
            }
        }));
    }
    drop(tx);

    let by_id: HashMap<&str, &Interface> = ifaces.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut tracks: HashMap<String, Track> = HashMap::new();
    let mut rows: Vec<WatchRow> = Vec::new();
    let mut changes: Vec<IncidentChange> = Vec::new();
    let mut summary = WatchSummary::default();
    let mut flush = tokio::time::interval(plan.flush_every.max(Duration::from_millis(50)));
    flush.tick().await;
    let mut compact = tokio::time::interval(Duration::from_secs(3600));
    let stop_after = async {
        match plan.run_for {
            Some(d) => tokio::time::sleep(d).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(stop_after);
    let signal = stop_signal();
    tokio::pin!(signal);
    let hook = Webhook::new(plan.webhook.clone(), &plan.settings);

    let stopped_by = loop {
        tokio::select! {
            got = rx.recv() => {
                let Some((ts, r)) = got else { break None };
                summary.probes += 1;
                let iface = by_id.get(r.id.as_str()).copied();
                let dept = iface.map(|i| i.provider.clone()).unwrap_or_default();
                let labels = IfaceLabels { interface: r.id.clone(), department: dept.clone() };
                let ok = r.available();
                let window = plan.maintenance.iter().find(|w| w.covers(&r.id, ts));
                let maint = window.is_some() || in_maintenance(&plan.maintenance, &r.id, ts);
                let t = tracks.entry(r.id.clone()).or_default();
                if !ok && t.failures == 0 {
                    t.down_since = Some(ts);
                    changes.push(IncidentChange::Open { interface: r.id.clone(), started: ts });
                }
                let was_down = t.failures > 0 || t.alerting;
                let step = t.step(ok, maint, plan.failure_threshold, plan.success_threshold);
                if ok && was_down && t.successes == 1 {
                    // The incident ends at the first success (the alert may clear later).
                    changes.push(IncidentChange::Close { interface: r.id.clone(), ended: ts });
                }
                let reason = r.problems.first().map(|p| format!("{}: {}", p.rule, p.message)).unwrap_or_default();
                match step {
                    Step::Alert => {
                        summary.alerts += 1;
                        metrics.alerts.inc();
                        changes.push(IncidentChange::Alerted { interface: r.id.clone() });
                        let e = WatchEvent::Alert {
                            interface: r.id.clone(),
                            department: dept.clone(),
                            url: r.url.clone(),
                            consecutive_failures: t.failures,
                            since: rfc3339(t.down_since.unwrap_or(ts)),
                            reason,
                        };
                        log.event(&e);
                        hook.send(&e, log).await;
                    }
                    Step::Resolve => {
                        summary.resolved += 1;
                        t.silenced = false;
                        let e = WatchEvent::Resolved {
                            interface: r.id.clone(),
                            department: dept.clone(),
                            url: r.url.clone(),
                            down_for_s: ts - t.down_since.unwrap_or(ts),
                        };
                        log.event(&e);
                        hook.send(&e, log).await;
                    }
                    Step::Silence => {
                        summary.silenced += 1;
                        log.event(&WatchEvent::Silenced {
                            interface: r.id.clone(),
                            window: window.map(|w| w.name.clone()).unwrap_or_default(),
                        });
                    }
                    Step::Nothing => {}
                }
                if ok && !t.alerting {
                    t.silenced = false;
                }
                metrics.up.get_or_create(&labels).set(i64::from(ok));
                metrics.consecutive_failures.get_or_create(&labels).set(i64::from(t.failures));
                metrics.alerting.get_or_create(&labels).set(i64::from(t.alerting));
                metrics.maintenance.get_or_create(&labels).set(i64::from(maint));
                if ok {
                    metrics.latency.get_or_create(&labels).observe(r.latency_ms / 1000.0);
                }
                if let Some(d) = r.cert_days_left {
                    metrics.tls_days_left.get_or_create(&labels).set(d);
                }
                metrics.probes.get_or_create(&ResultLabels {
                    interface: r.id.clone(),
                    result: if ok { "up".into() } else { r.error_class.map(|c| c.as_str()).unwrap_or("http_status").into() },
                }).inc();
                rows.push(WatchRow { ts, result: r, maintenance: maint });
                if rows.len() >= 10_000 {
                    write(&mut history, run_id, &mut rows, &mut changes)?;
                }
            }
            _ = flush.tick() => write(&mut history, run_id, &mut rows, &mut changes)?,
            _ = compact.tick() => {
                if let Some(h) = &mut history {
                    let c = h.compact(now(), plan.raw_retention, plan.rollup_retention)?;
                    if c.rolled_up + c.raw_deleted + c.hourly_deleted > 0 {
                        log.event(&WatchEvent::Compacted { rolled_up: c.rolled_up, raw_deleted: c.raw_deleted, hourly_deleted: c.hourly_deleted });
                    }
                }
            }
            _ = &mut stop_after => break None,
            s = &mut signal => break Some(s),
        }
    };
    for t in &tasks {
        t.abort();
    }
    if let Some(s) = server {
        s.abort();
    }
    write(&mut history, run_id, &mut rows, &mut changes)?;
    log.event(&WatchEvent::Stopped {
        probes: summary.probes,
        alerts: summary.alerts,
        resolved: summary.resolved,
        signal: stopped_by.map(str::to_string),
    });
    Ok(summary)
}

fn write(
    history: &mut Option<History>,
    run_id: Option<i64>,
    rows: &mut Vec<WatchRow>,
    changes: &mut Vec<IncidentChange>,
) -> Result<()> {
    if let (Some(h), Some(run)) = (history.as_mut(), run_id) {
        if !rows.is_empty() || !changes.is_empty() {
            h.record_batch(run, rows, changes)?;
        }
    }
    rows.clear();
    changes.clear();
    Ok(())
}

/// SIGTERM or SIGINT, whichever comes first; its name.
async fn stop_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(mut term), Ok(mut int)) => tokio::select! {
                _ = term.recv() => "SIGTERM",
                _ = int.recv() => "SIGINT",
            },
            _ => std::future::pending().await,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        "SIGINT"
    }
}

/// The alert webhook: a JSON POST of the event, with the probe timeout as its deadline.
struct Webhook {
    url: Option<String>,
    client: Option<reqwest::Client>,
    timeout: Duration,
}

impl Webhook {
    fn new(url: Option<String>, settings: &ProbeSettings) -> Self {
        let client = url
            .as_ref()
            .and_then(|_| reqwest::Client::builder().build().ok());
        Webhook {
            url,
            client,
            timeout: settings.timeout,
        }
    }

    async fn send(&self, e: &WatchEvent, log: &dyn WatchLog) {
        let (Some(url), Some(client)) = (&self.url, &self.client) else {
            return;
        };
        let body = serde_json::json!({
            "source": "govops sharing watch",
            "at": rfc3339(now()),
            "alert": e,
        });
        let sent = client
            .post(url)
            .timeout(self.timeout)
            .json(&body)
            .send()
            .await
            .and_then(|r| r.error_for_status());
        if let Err(err) = sent {
            let interface = match e {
                WatchEvent::Alert { interface, .. } | WatchEvent::Resolved { interface, .. } => {
                    interface.clone()
                }
                _ => String::new(),
            };
            log.event(&WatchEvent::WebhookFailed {
                interface,
                error: crate::report::sanitize::terminal(&err.without_url().to_string())
                    .into_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_alert_per_outage_and_none_in_maintenance() {
        let mut t = Track::default();
        let seq = [true, false, false, false, false, true, true, true];
        let steps: Vec<Step> = seq.iter().map(|ok| t.step(*ok, false, 3, 2)).collect();
        assert_eq!(steps.iter().filter(|s| **s == Step::Alert).count(), 1);
        assert_eq!(steps.iter().filter(|s| **s == Step::Resolve).count(), 1);
        assert_eq!(steps[3], Step::Alert);
        assert_eq!(steps[6], Step::Resolve);
        let mut t = Track::default();
        let steps: Vec<Step> = seq.iter().map(|ok| t.step(*ok, true, 3, 2)).collect();
        assert!(!steps.contains(&Step::Alert));
        assert_eq!(steps.iter().filter(|s| **s == Step::Silence).count(), 1);
    }
}
