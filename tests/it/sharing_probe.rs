//! Live probes against real loopback servers, one per fault: each is classified under the
//! right rule, healthy interfaces stay clean, and every run ends within its deadline.

use crate::support;

use std::time::{Duration, Instant};

use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use govops::model::{Expect, Frequency, Interface};
use govops::probe::{probe_all, ProbeResult, ProbeSettings};
use support::Raw;

fn iface(id: &str, url: String) -> Interface {
    Interface {
        id: id.into(),
        dataset: "企业登记信息".into(),
        provider: "省市场监督管理局".into(),
        consumers: vec!["省税务局".into()],
        url: Some(url),
        method: "GET".into(),
        frequency: Some(Frequency::Daily),
        latency_slo_ms: Some(1000),
        expect: Expect {
            json_field: Some("data.records".into()),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn settings() -> ProbeSettings {
    ProbeSettings {
        timeout: Duration::from_millis(1500),
        deadline: Some(Duration::from_secs(5)),
        concurrency: 8,
        max_body_bytes: 256 * 1024,
        ..ProbeSettings::default()
    }
}

fn probe(i: Interface, s: &ProbeSettings) -> ProbeResult {
    let started = Instant::now();
    let mut r = probe_all(&[i], s, &|_| {}).expect("probe run");
    let limit = s.timeout + Duration::from_millis(500);
    assert!(
        started.elapsed() < limit,
        "probe outlived its deadline: {:?}",
        started.elapsed()
    );
    r.remove(0)
}

fn rules(r: &ProbeResult) -> Vec<&'static str> {
    r.problems.iter().map(|p| p.rule).collect()
}

fn fresh_json() -> String {
    let now = chrono::Utc::now().to_rfc3339();
    format!(r#"{{"code":0,"data":{{"records":[{{"id":1}}]}},"meta":{{"updated_at":"{now}"}}}}"#)
}

fn app() -> Router {
    Router::new()
        .route(
            "/ok",
            get(|| async { ([(header::CONTENT_TYPE, "application/json")], fresh_json()) }),
        )
        .route(
            "/500",
            get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "boom") }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_millis(400)).await;
                fresh_json()
            }),
        )
        .route("/bad-json", get(|| async { "{\"data\": {\"records\": [" }))
        .route("/missing", get(|| async { r#"{"data":{"items":[]}}"# }))
        .route(
            "/stale",
            get(|| async {
                let old = (chrono::Utc::now() - chrono::Duration::days(9)).to_rfc3339();
                format!(r#"{{"data":{{"records":[]}},"meta":{{"updated_at":"{old}"}}}}"#)
            }),
        )
        .route(
            "/last-modified",
            get(|| async {
                (
                    [(header::LAST_MODIFIED, "Mon, 01 Jan 2024 00:00:00 GMT")],
                    r#"{"data":{"records":[]}}"#,
                )
            }),
        )
        .route("/big", get(|| async { "x".repeat(1 << 20) }))
        .route(
            "/loop-a",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop-b")]).into_response() }),
        )
        .route(
            "/loop-b",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop-a")]).into_response() }),
        )
        .route(
            "/to-https",
            get(|| async {
                (
                    StatusCode::MOVED_PERMANENTLY,
                    [(header::LOCATION, "https://127.0.0.1:9/x")],
                )
                    .into_response()
            }),
        )
        .route(
            "/hop",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/ok")]).into_response() }),
        )
        .route("/text", get(|| async { "办理成功" }))
}

#[test]
fn healthy_interface_is_clean_and_measured() {
    let srv = support::http(app());
    let mut i = iface("ok", srv.url("/ok"));
    i.expect.freshness_field = Some("meta.updated_at".into());
    let r = probe(i, &settings());
    assert!(r.healthy(), "{r:?}");
    assert_eq!(r.status, Some(200));
    assert!(r.bytes > 0 && r.ttfb_ms.is_some() && r.latency_ms > 0.0);
    assert!(r.data_time.is_some());
    // One redirect within the cap is fine.
    let r = probe(iface("hop", srv.url("/hop")), &settings());
    assert!(r.healthy(), "{r:?}");
}

#[test]
fn http_500_is_http_status() {
    let srv = support::http(app());
    let r = probe(iface("e", srv.url("/500")), &settings());
    assert_eq!(rules(&r), ["sharing.http_status"]);
    assert_eq!(r.status, Some(500));
    assert!(!r.available());
}

#[test]
fn slow_reply_over_slo_is_slow() {
    let srv = support::http(app());
    let mut i = iface("s", srv.url("/slow"));
    i.latency_slo_ms = Some(150);
    let r = probe(i, &settings());
    assert_eq!(rules(&r), ["sharing.slow"]);
    assert!(r.available());
}

#[test]
fn bad_json_and_missing_field_are_body_problems() {
    let srv = support::http(app());
    let r = probe(iface("b", srv.url("/bad-json")), &settings());
    assert_eq!(rules(&r), ["sharing.body"]);
    assert!(r.problems[0].message.contains("not valid JSON"), "{r:?}");
    let r = probe(iface("m", srv.url("/missing")), &settings());
    assert_eq!(rules(&r), ["sharing.body"]);
    assert!(r.problems[0].message.contains("data.records"));
    let mut i = iface("t", srv.url("/text"));
    i.expect = Expect {
        body_contains: Some("办理失败".into()),
        ..Default::default()
    };
    assert_eq!(rules(&probe(i, &settings())), ["sharing.body"]);
}

#[test]
fn old_data_is_stale_by_field_or_last_modified() {
    let srv = support::http(app());
    let mut i = iface("st", srv.url("/stale"));
    i.expect.freshness_field = Some("meta.updated_at".into());
    let r = probe(i, &settings());
    assert_eq!(rules(&r), ["sharing.stale"]);
    assert!(r.problems[0].message.contains("9d"), "{r:?}");
    let mut i = iface("lm", srv.url("/last-modified"));
    i.frequency = Some(Frequency::Monthly);
    let r = probe(i, &settings());
    assert_eq!(rules(&r), ["sharing.stale"]);
    assert!(r.problems[0].message.contains("Last-Modified"));
}

#[test]
fn oversize_body_stops_at_the_cap() {
    let srv = support::http(app());
    let r = probe(iface("big", srv.url("/big")), &settings());
    assert_eq!(rules(&r), ["sharing.oversize"]);
}

#[test]
fn endless_stream_is_oversize_when_fast_and_timeout_when_slow() {
    let fast = support::raw(Raw::StreamForever { delay_ms: 0 });
    let r = probe(iface("f", fast.url("/")), &settings());
    assert_eq!(rules(&r), ["sharing.oversize"]);
    assert!(
        r.bytes > 256 * 1024 && r.bytes < 512 * 1024,
        "read {} bytes",
        r.bytes
    );
    let slow = support::raw(Raw::StreamForever { delay_ms: 200 });
    let r = probe(iface("s", slow.url("/")), &settings());
    assert_eq!(rules(&r), ["sharing.timeout"]);
    assert!(r.error.as_deref().unwrap_or("").contains("body"), "{r:?}");
}

#[test]
fn redirect_loop_and_scheme_change_are_redirects() {
    let srv = support::http(app());
    let r = probe(iface("l", srv.url("/loop-a")), &settings());
    assert_eq!(rules(&r), ["sharing.redirects"]);
    assert!(r.error.as_deref().unwrap_or("").contains("more than 5"));
    let r = probe(iface("h", srv.url("/to-https")), &settings());
    assert_eq!(rules(&r), ["sharing.redirects"]);
    assert!(
        r.error.as_deref().unwrap_or("").contains("http to https"),
        "{r:?}"
    );
}

#[test]
fn server_that_never_answers_times_out_on_time() {
    let srv = support::raw(Raw::Hang);
    let s = ProbeSettings {
        timeout: Duration::from_millis(700),
        ..settings()
    };
    let started = Instant::now();
    let r = probe(iface("h", srv.url("/")), &s);
    assert_eq!(rules(&r), ["sharing.timeout"]);
    assert!(started.elapsed() >= Duration::from_millis(650));
}

#[test]
fn reset_refused_and_unresolvable_are_unreachable() {
    let srv = support::raw(Raw::Reset);
    let r = probe(iface("r", srv.url("/")), &settings());
    assert_eq!(rules(&r), ["sharing.unreachable"], "{r:?}");
    // A port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(9);
    let r = probe(iface("c", format!("http://127.0.0.1:{port}/")), &settings());
    assert_eq!(rules(&r), ["sharing.unreachable"]);
    assert!(
        r.error.as_deref().unwrap_or("").contains("refused"),
        "{r:?}"
    );
    // RFC 6761: `.invalid` never resolves, so no DNS query (and no wait on a resolver that
    // does not answer, as on a machine without network).
    let started = Instant::now();
    let r = probe(
        iface("d", "http://no-such-host.invalid/".into()),
        &settings(),
    );
    assert_eq!(rules(&r), ["sharing.unreachable"], "{r:?}");
    let msg = r.error.as_deref().unwrap_or("");
    assert!(msg.contains("name did not resolve"), "{r:?}");
    assert!(started.elapsed() < Duration::from_millis(500), "{r:?}");
}

#[test]
fn self_signed_and_expired_certificates_are_tls() {
    let s = settings();
    let srv = support::https(support::Pki::self_signed(), Raw::Fixed(support::OK_JSON));
    let r = probe(iface("ss", srv.url("/")), &s);
    assert_eq!(rules(&r), ["sharing.tls"], "{r:?}");
    assert!(r.status.is_none());

    let pki = support::Pki::new();
    let with_ca = ProbeSettings {
        ca_file: Some(pki.ca_file.clone()),
        ..settings()
    };
    let srv = support::https(pki.leaf(-30, -2), Raw::Fixed(support::OK_JSON));
    let r = probe(iface("exp", srv.url("/")), &with_ca);
    assert_eq!(rules(&r), ["sharing.tls"], "{r:?}");
    assert!(
        r.error
            .as_deref()
            .unwrap_or("")
            .to_lowercase()
            .contains("expired"),
        "{r:?}"
    );
}

#[test]
fn private_ca_is_trusted_and_near_expiry_is_reported() {
    let pki = support::Pki::new();
    let with_ca = ProbeSettings {
        ca_file: Some(pki.ca_file.clone()),
        ..settings()
    };
    let srv = support::https(pki.leaf(-1, 200), Raw::Fixed(support::OK_JSON));
    let r = probe(iface("good", srv.url("/")), &with_ca);
    assert!(r.healthy(), "{r:?}");
    assert!(r.cert_days_left.is_some_and(|d| d > 190), "{r:?}");
    let srv = support::https(pki.leaf(-1, 5), Raw::Fixed(support::OK_JSON));
    let r = probe(iface("soon", srv.url("/")), &with_ca);
    assert_eq!(rules(&r), ["sharing.tls"], "{r:?}");
    assert_eq!(r.status, Some(200));
    assert!(
        r.cert_days_left.is_some_and(|d| (3..=5).contains(&d)),
        "{r:?}"
    );
    // Without the CA the same server is untrusted.
    let r = probe(iface("noca", srv.url("/")), &settings());
    assert_eq!(r.error_class.map(|c| c.as_str()), Some("tls"));
}

#[test]
fn the_run_deadline_bounds_many_hung_probes() {
    let srv = support::raw(Raw::Hang);
    let ifaces: Vec<Interface> = (0..40)
        .map(|n| iface(&format!("h{n}"), srv.url(&format!("/{n}"))))
        .collect();
    let s = ProbeSettings {
        timeout: Duration::from_secs(10),
        deadline: Some(Duration::from_millis(800)),
        concurrency: 4,
        ..settings()
    };
    let started = Instant::now();
    let results = probe_all(&ifaces, &s, &|_| {}).expect("run");
    let took = started.elapsed();
    assert!(took < Duration::from_millis(1500), "run took {took:?}");
    assert_eq!(results.len(), 40);
    assert!(results.iter().all(|r| rules(r) == ["sharing.timeout"]));
    // Registry order is kept although probes finish in any order.
    assert_eq!(results[7].id, "h7");
}

#[test]
fn concurrency_is_bounded() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let live = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (l2, p2) = (live.clone(), peak.clone());
    let app = Router::new().route(
        "/*any",
        get(move || {
            let (l, p) = (l2.clone(), p2.clone());
            async move {
                let now = l.fetch_add(1, Ordering::SeqCst) + 1;
                p.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(50)).await;
                l.fetch_sub(1, Ordering::SeqCst);
                r#"{"data":{"records":[]}}"#
            }
        }),
    );
    let srv = support::http(app);
    let ifaces: Vec<Interface> = (0..30)
        .map(|n| iface(&format!("c{n}"), srv.url(&format!("/x/{n}"))))
        .collect();
    let s = ProbeSettings {
        concurrency: 3,
        ..settings()
    };
    let results = probe_all(&ifaces, &s, &|_| {}).expect("run");
    assert!(results.iter().all(ProbeResult::healthy));
    assert!(
        peak.load(Ordering::SeqCst) <= 3,
        "peak {}",
        peak.load(Ordering::SeqCst)
    );
    assert!(peak.load(Ordering::SeqCst) >= 2);
}
