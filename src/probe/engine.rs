//! Live HTTP(S) probes of sharing interfaces: asynchronous, bounded concurrency, a hard
//! deadline per probe (connect, TLS, headers and the whole body) and one for the run.
//!
//! This is the reusable probe API (the monitor uses it too):
//! - [`client`] builds one `reqwest::Client` for a set of [`ProbeSettings`] (redirect cap and
//!   scheme policy, TLS verification plus an optional private CA, certificate capture);
//! - [`probe_one`] probes one interface within the per-probe deadline;
//! - [`probe_all_async`] / [`probe_all`] probe many with bounded concurrency under the run's
//!   deadline, returning results in registry order.
//!
//! A [`ProbeResult`] records status, latency (time to headers and to the whole body), size,
//! certificate expiry, error class, and the [`Problem`]s found (rule, severity, message).
//! URLs in results are redacted; server text is sanitized; bearer tokens are never recorded.

use std::path::PathBuf;
use std::time::Duration;

use futures_util::StreamExt;
use serde::Serialize;
use tokio::time::Instant;

use super::dns::{lookup_budget, BoundedResolver, DnsFailed};
use super::expect::{check_body, needs_body, status_ok};
use super::{freshness, tls};
use crate::error::{Error, Result};
use crate::load::source::redact_url;
use crate::model::{Interface, Severity};
use crate::report::sanitize;
use crate::rules::ids::sharing as rules;

/// How probes run. `Default` gives the documented defaults.
#[derive(Debug, Clone)]
pub struct ProbeSettings {
    /// Deadline of one probe, from connect to the last byte.
    pub timeout: Duration,
    /// Deadline of the whole run (`None`: only the per-probe deadlines).
    pub deadline: Option<Duration>,
    /// Probes in flight at once.
    pub concurrency: usize,
    /// Stop reading a body beyond this many bytes.
    pub max_body_bytes: u64,
    pub max_redirects: usize,
    /// A valid certificate expiring within this many days is reported.
    pub tls_expiry_days: u32,
    /// Staleness tolerance, as a share of the declared period.
    pub stale_tolerance: f64,
    /// Extra trusted CA certificates (PEM), for private CAs.
    pub ca_file: Option<PathBuf>,
}

impl Default for ProbeSettings {
    fn default() -> Self {
        ProbeSettings {
            timeout: Duration::from_secs(5),
            deadline: None,
            concurrency: 32,
            max_body_bytes: 4 << 20,
            max_redirects: 5,
            tls_expiry_days: 14,
            stale_tolerance: 0.5,
            ca_file: None,
        }
    }
}

/// Why a probe failed before a complete, judgeable reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorClass {
    Unreachable,
    Timeout,
    Redirects,
    Tls,
    Oversize,
}

impl ErrorClass {
    pub fn rule(self) -> &'static str {
        match self {
            ErrorClass::Unreachable => rules::UNREACHABLE,
            ErrorClass::Timeout => rules::TIMEOUT,
            ErrorClass::Redirects => rules::REDIRECTS,
            ErrorClass::Tls => rules::TLS,
            ErrorClass::Oversize => rules::OVERSIZE,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorClass::Unreachable => "unreachable",
            ErrorClass::Timeout => "timeout",
            ErrorClass::Redirects => "redirects",
            ErrorClass::Tls => "tls",
            ErrorClass::Oversize => "oversize",
        }
    }
}

/// One thing a probe found wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
}

/// What one probe saw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProbeResult {
    pub id: String,
    /// The URL with credentials and query string hidden.
    pub url: String,
    /// When the probe started (RFC 3339).
    pub at: String,
    pub status: Option<u16>,
    /// Time to the complete reply (or to the failure), in milliseconds.
    pub latency_ms: f64,
    /// Time to the response headers.
    pub ttfb_ms: Option<f64>,
    /// Body bytes read (up to the cap).
    pub bytes: u64,
    pub redirects: usize,
    pub error_class: Option<ErrorClass>,
    /// The failure in words (sanitized, no URL, no token).
    pub error: Option<String>,
    /// The server certificate's notAfter (RFC 3339), for HTTPS.
    pub cert_not_after: Option<String>,
    pub cert_days_left: Option<i64>,
    /// The data's own timestamp (freshness field or Last-Modified) as written.
    pub data_time: Option<String>,
    pub problems: Vec<Problem>,
}

impl ProbeResult {
    /// Healthy: a complete reply and nothing wrong with it.
    pub fn healthy(&self) -> bool {
        self.problems.is_empty()
    }

    /// Available: the interface answered with the expected status (possibly slow or stale).
    pub fn available(&self) -> bool {
        self.error_class.is_none() && !self.problems.iter().any(|p| p.rule == rules::HTTP_STATUS)
    }

    fn new(iface: &Interface) -> Self {
        ProbeResult {
            id: iface.id.clone(),
            url: iface.url.as_deref().map(redact_url).unwrap_or_default(),
            at: crate::report::envelope::now_rfc3339(),
            status: None,
            latency_ms: 0.0,
            ttfb_ms: None,
            bytes: 0,
            redirects: 0,
            error_class: None,
            error: None,
            cert_not_after: None,
            cert_days_left: None,
            data_time: None,
            problems: Vec::new(),
        }
    }

    fn fail(&mut self, class: ErrorClass, message: String) {
        let message = sanitize::terminal(&message).into_owned();
        self.error_class = Some(class);
        self.problems.push(Problem {
            rule: class.rule(),
            severity: crate::rules::severity(class.rule()),
            message: message.clone(),
        });
        self.error = Some(message);
    }

    fn problem(&mut self, rule: &'static str, severity: Severity, message: String) {
        let message = sanitize::terminal(&message).into_owned();
        self.problems.push(Problem {
            rule,
            severity,
            message,
        });
    }
}

/// A redirect the policy refused; found again in the error chain to classify it.
#[derive(Debug)]
struct RedirectRefused(String);

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RedirectRefused {}

/// The HTTP client for `settings`: verification on, optional private CA, redirect cap and no
/// scheme changes, certificates kept for the expiry check.
pub fn client(settings: &ProbeSettings) -> Result<reqwest::Client> {
    let max = settings.max_redirects;
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        let from = attempt.previous().last().map(|u| u.scheme().to_string());
        let to = attempt.url().scheme().to_string();
        if let Some(from) = from.filter(|f| *f != to) {
            let msg = format!("redirected from {from} to {to}");
            return attempt.error(RedirectRefused(msg));
        }
        if attempt.previous().len() > max {
            let msg = format!("more than {max} redirects (a redirect loop?)");
            return attempt.error(RedirectRefused(msg));
        }
        attempt.follow()
    });
    let mut b = reqwest::Client::builder()
        .redirect(policy)
        .tls_info(true)
        .dns_resolver(std::sync::Arc::new(BoundedResolver {
            timeout: lookup_budget(settings.timeout),
        }))
        .connect_timeout(settings.timeout)
        .pool_idle_timeout(Duration::from_secs(30))
        .user_agent(concat!(
            "govops/",
            env!("CARGO_PKG_VERSION"),
            " (sharing probe)"
        ));
    if let Some(path) = &settings.ca_file {
        let pem = std::fs::read(path).map_err(|e| Error::io(path.display(), e))?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
            Error::Other(format!(
                "{}: not a PEM certificate bundle: {e}",
                path.display()
            ))
        })?;
        if certs.is_empty() {
            return Err(Error::Other(format!(
                "{}: no certificate found in the file",
                path.display()
            )));
        }
        for c in certs {
            b = b.add_root_certificate(c);
        }
    }
    b.build()
        .map_err(|e| Error::Other(format!("cannot set up the HTTP client: {e}")))
}

/// Probe one interface within `settings.timeout`.
pub async fn probe_one(
    client: &reqwest::Client,
    iface: &Interface,
    settings: &ProbeSettings,
) -> ProbeResult {
    probe_until(
        client,
        iface,
        settings,
        Instant::now() + settings.timeout,
        false,
    )
    .await
}

/// Probe one interface; `deadline` bounds everything. `run_deadline` says whether the
/// deadline is the run's (for the message).
async fn probe_until(
    client: &reqwest::Client,
    iface: &Interface,
    settings: &ProbeSettings,
    deadline: Instant,
    run_deadline: bool,
) -> ProbeResult {
    let start = Instant::now();
    let mut r = ProbeResult::new(iface);
    if deadline <= start {
        r.fail(
            ErrorClass::Timeout,
            "not probed: the run's deadline passed before its turn".into(),
        );
        return r;
    }
    let done =
        tokio::time::timeout_at(deadline, exchange(client, iface, settings, &mut r, start)).await;
    r.latency_ms = ms(start.elapsed());
    if done.is_err() {
        let limit = ms(deadline - start);
        let whose = if run_deadline {
            "the run's deadline"
        } else {
            "the deadline"
        };
        let at = if r.ttfb_ms.is_some() {
            "while reading the body"
        } else {
            "waiting for the reply"
        };
        r.fail(
            ErrorClass::Timeout,
            format!("no complete reply within {whose} of {limit:.0} ms ({at})"),
        );
        return r;
    }
    if r.error_class.is_none() {
        judge_latency(iface, &mut r);
    }
    r
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

/// The exchange itself; failures are recorded in `r`.
async fn exchange(
    client: &reqwest::Client,
    iface: &Interface,
    settings: &ProbeSettings,
    r: &mut ProbeResult,
    start: Instant,
) {
    let Some(url) = iface.url.as_deref() else {
        r.fail(ErrorClass::Unreachable, "no URL in the registry".into());
        return;
    };
    let method =
        reqwest::Method::from_bytes(iface.method.as_bytes()).unwrap_or(reqwest::Method::GET);
    let mut req = client.request(method, url);
    let mut missing_token = None;
    if let Some(var) = &iface.auth.bearer_env {
        match std::env::var(var) {
            Ok(token) if !token.is_empty() => {
                if let Ok(mut v) =
                    reqwest::header::HeaderValue::from_str(&format!("Bearer {token}"))
                {
                    v.set_sensitive(true);
                    req = req.header(reqwest::header::AUTHORIZATION, v);
                }
            }
            _ => missing_token = Some(var.clone()),
        }
    }
    let resp = match req.send().await {
        Ok(resp) => resp,
        Err(e) => {
            let (class, msg) = classify(&e);
            r.fail(class, msg);
            return;
        }
    };
    r.ttfb_ms = Some(ms(start.elapsed()));
    let status = resp.status().as_u16();
    r.status = Some(status);
    r.redirects = redirect_count(url, resp.url());
    read_certificate(&resp, settings, r);
    let last_modified = resp
        .headers()
        .get(reqwest::header::LAST_MODIFIED)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if !status_ok(&iface.expect, status) {
        let want = iface
            .expect
            .status
            .map(|s| s.to_string())
            .unwrap_or_else(|| "2xx".into());
        let mut msg = format!("HTTP {status}, expected {want}");
        if let (401 | 403, Some(var)) = (status, &missing_token) {
            msg += &format!(" (the token variable {var} is not set)");
        }
        r.problem(rules::HTTP_STATUS, Severity::High, msg);
    }
    let keep = needs_body(&iface.expect) && status_ok(&iface.expect, status);
    let cap = settings.max_body_bytes;
    if resp.content_length().is_some_and(|n| n > cap) {
        r.fail(
            ErrorClass::Oversize,
            format!(
                "body of {} bytes announced, over the cap of {cap}",
                resp.content_length().unwrap_or(0)
            ),
        );
        return;
    }
    let mut body = Vec::new();
    let mut stream = resp.bytes_stream();
    while let Some(chunk) = stream.next().await {
        match chunk {
            Ok(c) => {
                r.bytes += c.len() as u64;
                if r.bytes > cap {
                    r.fail(
                        ErrorClass::Oversize,
                        format!("body exceeds the cap of {cap} bytes; stopped reading"),
                    );
                    return;
                }
                if keep {
                    body.extend_from_slice(&c);
                }
            }
            Err(e) => {
                let (class, msg) = classify(&e);
                r.fail(class, format!("while reading the body: {msg}"));
                return;
            }
        }
    }
    if keep {
        let verdict = check_body(&iface.expect, &body);
        for p in verdict.problems {
            r.problem(rules::BODY, Severity::High, p);
        }
        r.data_time = verdict.data_time;
    }
    if r.data_time.is_none() && iface.expect.freshness_field.is_none() {
        r.data_time = last_modified;
    }
    judge_freshness(iface, settings, r);
}

fn redirect_count(from: &str, to: &reqwest::Url) -> usize {
    // reqwest does not expose the chain on success; a changed URL means at least one hop.
    usize::from(from.trim_end_matches('/') != to.as_str().trim_end_matches('/'))
}

fn read_certificate(resp: &reqwest::Response, settings: &ProbeSettings, r: &mut ProbeResult) {
    let Some(info) = resp.extensions().get::<reqwest::tls::TlsInfo>() else {
        return;
    };
    let Some(der) = info.peer_certificate() else {
        return;
    };
    let Some(not_after) = tls::not_after(der) else {
        return;
    };
    let now = crate::report::envelope::now();
    let days = (not_after - now).num_days();
    r.cert_not_after = Some(not_after.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    r.cert_days_left = Some(days);
    if days < i64::from(settings.tls_expiry_days) {
        r.problem(
            rules::TLS,
            Severity::Medium,
            format!(
                "the certificate expires in {days} days ({})",
                not_after.format("%Y-%m-%d")
            ),
        );
    }
}

fn judge_freshness(iface: &Interface, settings: &ProbeSettings, r: &mut ProbeResult) {
    let (Some(freq), Some(written)) = (iface.frequency, r.data_time.as_deref()) else {
        return;
    };
    let Some(at) = freshness::parse_time(written) else {
        return;
    };
    let now = crate::report::envelope::now();
    if let Some(age) = freshness::stale_age(at, freq, settings.stale_tolerance, now) {
        let source = if iface.expect.freshness_field.is_some() {
            "the data's timestamp"
        } else {
            "Last-Modified"
        };
        r.problem(
            rules::STALE,
            Severity::Medium,
            format!(
                "{source} is {} old; a {} interface allows {}",
                freshness::human_age(age),
                freq.as_str(),
                freshness::human_age(freshness::allowed_age(freq, settings.stale_tolerance))
            ),
        );
    }
}

fn judge_latency(iface: &Interface, r: &mut ProbeResult) {
    if let Some(slo) = iface.latency_slo_ms {
        if r.latency_ms > slo as f64 {
            r.problem(
                rules::SLOW,
                Severity::Medium,
                format!("{:.0} ms, over the SLO of {slo} ms", r.latency_ms),
            );
        }
    }
}

/// Map a reqwest error to a class and a message without the URL (which may carry a token in
/// its query) and without reqwest's own wrapping.
fn classify(e: &reqwest::Error) -> (ErrorClass, String) {
    let mut chain: Vec<String> = Vec::new();
    let mut redirect = None;
    let mut dns = None;
    let mut cur: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(err) = cur {
        if let Some(rr) = err.downcast_ref::<RedirectRefused>() {
            redirect = Some(rr.0.clone());
        }
        if let Some(d) = err.downcast_ref::<DnsFailed>() {
            dns = Some(d.0.clone());
        }
        chain.push(err.to_string());
        cur = err.source();
    }
    if let Some(msg) = redirect {
        return (ErrorClass::Redirects, msg);
    }
    if let Some(msg) = dns {
        return (
            ErrorClass::Unreachable,
            format!("name did not resolve: {msg}"),
        );
    }
    let root = chain
        .last()
        .cloned()
        .unwrap_or_else(|| "request failed".into());
    let text = chain.join(" / ").to_ascii_lowercase();
    let class = if e.is_timeout() {
        ErrorClass::Timeout
    } else if ["certificate", "tls", "handshake", "x509", "unknownissuer"]
        .iter()
        .any(|k| text.contains(k))
    {
        ErrorClass::Tls
    } else if e.is_redirect() {
        ErrorClass::Redirects
    } else {
        ErrorClass::Unreachable
    };
    let what = if text.contains("dns error") || text.contains("failed to lookup") {
        "name did not resolve"
    } else if text.contains("refused") {
        "connection refused"
    } else if text.contains("reset") {
        "connection reset"
    } else if text.contains("closed") || text.contains("incomplete") || text.contains("end of file")
    {
        "connection closed before a complete reply"
    } else if class == ErrorClass::Tls {
        "TLS handshake failed"
    } else {
        "request failed"
    };
    (class, format!("{what}: {root}"))
}

/// Probe `ifaces` (those with a URL that are not 不予共享: `Interface::probed`) with bounded
/// concurrency and the run's deadline; results in registry order. `on_done` is called as each
/// probe finishes (progress bars).
pub async fn probe_all_async(
    client: &reqwest::Client,
    ifaces: &[Interface],
    settings: &ProbeSettings,
    on_done: &(dyn Fn(&ProbeResult) + Sync),
) -> Vec<ProbeResult> {
    let run_start = Instant::now();
    let run_deadline = settings.deadline.map(|d| run_start + d);
    let jobs = ifaces.iter().enumerate().filter(|(_, i)| i.probed());
    let mut results: Vec<(usize, ProbeResult)> = futures_util::stream::iter(jobs)
        .map(|(idx, iface)| async move {
            let own = Instant::now() + settings.timeout;
            let (deadline, is_run) = match run_deadline {
                Some(rd) if rd < own => (rd, true),
                _ => (own, false),
            };
            let r = probe_until(client, iface, settings, deadline, is_run).await;
            on_done(&r);
            (idx, r)
        })
        .buffer_unordered(settings.concurrency.max(1))
        .collect()
        .await;
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Blocking convenience: `probe_all_async` on the process's runtime ([`crate::runtime`]),
/// which never waits for hung lookups at exit. Not for use inside async code (Tokio forbids
/// blocking there): call `probe_all_async` there.
pub fn probe_all(
    ifaces: &[Interface],
    settings: &ProbeSettings,
    on_done: &(dyn Fn(&ProbeResult) + Sync),
) -> Result<Vec<ProbeResult>> {
    crate::runtime::get()?.block_on(async {
        let client = client(settings)?;
        Ok::<_, Error>(probe_all_async(&client, ifaces, settings, on_done).await)
    })
}
