//! `govops sharing watch` against a flapping loopback server: exactly one alert after the
//! failure threshold and one recovery (on stderr and the webhook), nothing but a "silenced"
//! line inside a maintenance window; history in a real SQLite file; `/metrics` scraped and
//! parsed while it runs; SIGTERM flushes and exits 0.

use crate::support;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde_json::Value;

/// Up for requests 0-2, down (500) for 3-7, up from 8 on.
fn flapping() -> support::Server {
    let n = Arc::new(AtomicUsize::new(0));
    support::http(Router::new().route(
        "/api",
        get(move || {
            let n = n.clone();
            async move {
                let i = n.fetch_add(1, Ordering::SeqCst);
                if (3..8).contains(&i) {
                    (StatusCode::INTERNAL_SERVER_ERROR, "down")
                } else {
                    (StatusCode::OK, "{\"ok\":true}")
                }
            }
        }),
    ))
}

fn hook() -> (support::Server, Arc<Mutex<Vec<Value>>>) {
    let got = Arc::new(Mutex::new(Vec::new()));
    let g = got.clone();
    let server = support::http(Router::new().route(
        "/hook",
        post(move |body: axum::Json<Value>| {
            let g = g.clone();
            async move {
                g.lock().unwrap().push(body.0);
                StatusCode::NO_CONTENT
            }
        }),
    ));
    (server, got)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn get_text(port: u16, path: &str) -> Option<String> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let (head, body) = out.split_once("\r\n\r\n")?;
    head.starts_with("HTTP/1.1 200").then(|| body.to_string())
}

struct Run {
    events: Vec<Value>,
    metrics: Option<String>,
    code: Option<i32>,
}

/// Watch `registry` until the server has flapped and recovered, scrape /metrics, SIGTERM.
fn watch(dir: &std::path::Path, registry: &str, hook: &str, profile: Option<&str>) -> Run {
    let reg = dir.join("registry.yaml");
    std::fs::write(
        &reg,
        format!("interfaces:\n  - id: FLAP-1\n    dataset: 企业登记信息\n    provider: 省市场监督管理局\n    consumers: [省税务局]\n    url: {registry}\n"),
    )
    .unwrap();
    let port = free_port();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_govops"));
    cmd.env_remove("GOVOPS_PROFILE");
    if let Some(p) = profile {
        let path = dir.join("profile.yaml");
        std::fs::write(&path, p).unwrap();
        cmd.arg("-p").arg(path);
    }
    let child = cmd
        .args(["sharing", "watch", "--registry"])
        .arg(&reg)
        .arg("--history")
        .arg(dir.join("h.sqlite"))
        .args(["--interval", "100ms", "--failure-threshold", "3"])
        .args(["--success-threshold", "2", "--log-format", "json"])
        .args(["--webhook", hook, "--serve", &format!("127.0.0.1:{port}")])
        .args(["--for", "60s"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Fourteen probes at 100 ms: 3 up, 5 down, then up again.
    std::thread::sleep(Duration::from_millis(1800));
    let start = Instant::now();
    let mut metrics = None;
    while metrics.is_none() && start.elapsed() < Duration::from_secs(10) {
        metrics = get_text(port, "/metrics");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(get_text(port, "/healthz").as_deref(), Some("ok\n"));
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let out = child.wait_with_output().unwrap();
    let events = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .collect();
    Run {
        events,
        metrics,
        code: out.status.code(),
    }
}

fn count(events: &[Value], kind: &str) -> usize {
    events.iter().filter(|e| e["event"] == kind).count()
}

#[test]
fn one_alert_after_the_threshold_then_recovery() {
    let server = flapping();
    let (hook_server, posts) = hook();
    let dir = tempfile::tempdir().unwrap();
    let run = watch(
        dir.path(),
        &server.url("/api"),
        &hook_server.url("/hook"),
        None,
    );
    assert_eq!(
        run.code,
        Some(0),
        "SIGTERM is a clean stop: {:?}",
        run.events
    );
    assert_eq!(count(&run.events, "alert"), 1, "{:?}", run.events);
    assert_eq!(count(&run.events, "resolved"), 1, "{:?}", run.events);
    let alert = run.events.iter().find(|e| e["event"] == "alert").unwrap();
    assert_eq!(alert["consecutive_failures"], 3);
    assert_eq!(alert["interface"], "FLAP-1");
    let stopped = run.events.iter().find(|e| e["event"] == "stopped").unwrap();
    assert_eq!(stopped["signal"], "SIGTERM");

    // The webhook got the alert and the recovery, in that order.
    let posts = posts.lock().unwrap().clone();
    let kinds: Vec<&Value> = posts.iter().map(|p| &p["alert"]["event"]).collect();
    assert_eq!(kinds, ["alert", "resolved"], "{posts:?}");

    // History: every probe flushed, one incident that started at the first failure, ended.
    let db = rusqlite::Connection::open(dir.path().join("h.sqlite")).unwrap();
    let probes: i64 = db
        .query_row("SELECT COUNT(*) FROM probes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(probes as u64, stopped["probes"].as_u64().unwrap());
    let down: i64 = db
        .query_row("SELECT COUNT(*) FROM probes WHERE available = 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(down, 5);
    let (n, open, alerted): (i64, i64, i64) = db
        .query_row(
            "SELECT COUNT(*), SUM(ended IS NULL), SUM(alerted) FROM incidents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((n, open, alerted), (1, 0, 1));

    // /metrics, parsed by a real parser: the interface is up again, one alert counted.
    let text = run.metrics.expect("/metrics answered");
    let lines = text.lines().map(|l| Ok(l.to_string()));
    let scrape = prometheus_parse::Scrape::parse(lines).unwrap();
    let value = |name: &str| {
        scrape
            .samples
            .iter()
            .find(|s| s.metric == name && s.labels.get("interface").is_none_or(|i| i == "FLAP-1"))
            .map(|s| s.value.clone())
    };
    assert!(
        matches!(value("govops_sharing_probe_up"), Some(prometheus_parse::Value::Gauge(v)) if v == 1.0),
        "{text}"
    );
    // prometheus-parse reads an OpenMetrics counter family's `_total` sample as untyped.
    assert!(
        matches!(
            value("govops_sharing_alerts_total"),
            Some(prometheus_parse::Value::Counter(v) | prometheus_parse::Value::Untyped(v)) if v == 1.0
        ),
        "{text}"
    );
    assert!(
        text.contains("govops_sharing_probe_duration_seconds_bucket"),
        "{text}"
    );
    assert!(text.ends_with("# EOF\n"), "OpenMetrics ends with # EOF");
    promtool_check(&text);
}

/// `promtool check metrics` when promtool is installed (CI installs it).
fn promtool_check(text: &str) {
    let Ok(mut child) = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        eprintln!("promtool not installed: `promtool check metrics` skipped");
        return;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    // promtool lints in the Prometheus text format, where HELP names the `_total` sample; in
    // OpenMetrics HELP names the counter family. That one difference is not a problem.
    let report =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let real: Vec<&str> = report
        .lines()
        .filter(|l| !l.trim().is_empty() && !(l.contains("_total no help text")))
        .collect();
    assert!(
        out.status.success() || real.is_empty(),
        "promtool: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_alert_inside_a_maintenance_window() {
    let server = flapping();
    let (hook_server, posts) = hook();
    let dir = tempfile::tempdir().unwrap();
    let now = chrono::Utc::now();
    let profile = format!(
        "sharing:\n  watch:\n    maintenance:\n      - name: upgrade\n        start: {}\n        end: {}\n",
        (now - chrono::Duration::hours(1)).to_rfc3339(),
        (now + chrono::Duration::hours(1)).to_rfc3339()
    );
    let run = watch(
        dir.path(),
        &server.url("/api"),
        &hook_server.url("/hook"),
        Some(&profile),
    );
    assert_eq!(run.code, Some(0), "{:?}", run.events);
    assert_eq!(count(&run.events, "alert"), 0, "{:?}", run.events);
    assert_eq!(count(&run.events, "resolved"), 0, "{:?}", run.events);
    assert_eq!(count(&run.events, "silenced"), 1, "{:?}", run.events);
    assert!(posts.lock().unwrap().is_empty());
    let db = rusqlite::Connection::open(dir.path().join("h.sqlite")).unwrap();
    let outside: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM probes WHERE maintenance = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(outside, 0, "every probe was inside the window");
}
