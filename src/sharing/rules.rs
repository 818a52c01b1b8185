//! The rules `govops sharing` judges by: what `--list-rules`, `--explain`, SARIF and JUnit show.

use crate::model::{Rule, Severity};

pub const METADATA: &str = "sharing.metadata";
pub const ORPHAN: &str = "sharing.orphan";
pub const STALE: &str = "sharing.stale";
pub const SILO: &str = "sharing.silo";
pub const ONE_WAY: &str = "sharing.one_way";
pub const UNREACHABLE: &str = "sharing.unreachable";
pub const TIMEOUT: &str = "sharing.timeout";
pub const HTTP_STATUS: &str = "sharing.http_status";
pub const REDIRECTS: &str = "sharing.redirects";
pub const OVERSIZE: &str = "sharing.oversize";
pub const TLS: &str = "sharing.tls";
pub const SLOW: &str = "sharing.slow";
pub const BODY: &str = "sharing.body";

pub const RULES: &[Rule] = &[
    Rule {
        id: METADATA,
        severity: Severity::Medium,
        why: "an interface without provider, url, frequency or consumers cannot be relied on",
        explain: "Fires for every registry entry that lacks a dataset name, a provider, a URL, a \
                  frequency or any consumer. Without them nobody knows who answers for the data, \
                  where it is, or how fresh it must be. Fill the missing fields in the registry.",
    },
    Rule {
        id: ORPHAN,
        severity: Severity::Low,
        why: "an interface nobody consumes spares no citizen any paper",
        explain: "Fires when an interface lists no consumer department. Either find the \
                  departments that still ask citizens for this paper and connect them, or retire \
                  the interface.",
    },
    Rule {
        id: STALE,
        severity: Severity::Medium,
        why: "data older than its declared frequency sends citizens back to the counter",
        explain: "Statically: `last_updated` is older than the period of the declared `frequency` \
                  (realtime 5 min, hourly, daily, weekly, monthly 31 d, quarterly 92 d, yearly \
                  366 d) times (1 + tolerance; profile `sharing.stale_tolerance`, default 0.5). \
                  Live: the data's own timestamp (`expect.freshness_field` in the JSON reply, else \
                  the Last-Modified header) is older than that. Fix the provider's sync job.",
    },
    Rule {
        id: SILO,
        severity: Severity::Medium,
        why: "a department that shares with nobody is an information silo",
        explain: "Fires for a department of the catalog or the registry that neither provides to \
                  nor consumes from any other department, and for every island: a group of \
                  departments that share only among themselves, cut off from the main sharing \
                  network (a weakly connected component other than the largest).",
    },
    Rule {
        id: ONE_WAY,
        severity: Severity::Low,
        why: "a department that only consumes never gives its own data back",
        explain: "Fires for a department that consumes at least one interface but provides none. \
                  Its own records (certificates it issues, registrations it keeps) are then \
                  papers other departments must still ask citizens for.",
    },
    Rule {
        id: UNREACHABLE,
        severity: Severity::High,
        why: "the interface cannot be reached: refused, reset, DNS failure or closed connection",
        explain: "The probe could not complete an HTTP exchange: the connection was refused or \
                  reset, the name did not resolve, or the server closed the connection before a \
                  complete reply. Check the service, its firewall and its DNS record.",
    },
    Rule {
        id: TIMEOUT,
        severity: Severity::High,
        why: "the interface did not answer within the probe deadline",
        explain: "The whole exchange (connect, TLS, headers and body) did not finish within the \
                  per-probe deadline (`--timeout`, profile `sharing.timeout`, default 5s) or the \
                  run's deadline (`--deadline`). A consumer waiting that long has given up.",
    },
    Rule {
        id: HTTP_STATUS,
        severity: Severity::High,
        why: "the interface answered with an unexpected HTTP status",
        explain: "The reply's status is not `expect.status` (any 2xx when not set): a 404 means a \
                  moved or removed interface, a 401/403 a credential problem (check the variable \
                  named in `auth.bearer_env`), a 5xx a failing service.",
    },
    Rule {
        id: REDIRECTS,
        severity: Severity::Medium,
        why: "too many redirects, or a redirect to another scheme",
        explain: "The probe followed more redirects than the cap (profile \
                  `sharing.max_redirects`, default 5: a loop, usually), or a redirect changed the \
                  scheme (https to http downgrades the channel; http to https means the registry \
                  URL is out of date). Point the registry at the final URL.",
    },
    Rule {
        id: OVERSIZE,
        severity: Severity::Medium,
        why: "the reply is larger than the size cap",
        explain: "The body grew beyond the cap (profile `sharing.max_body_bytes`, default 4 MiB); \
                  the probe stopped reading there. An interface that returns everything at once \
                  needs paging or a query parameter.",
    },
    Rule {
        id: TLS,
        severity: Severity::High,
        why: "the certificate is invalid, expired, untrusted or about to expire",
        explain: "Certificates are verified against the system's web roots plus `--ca-file` (for \
                  private CAs). Fires when the handshake fails on the certificate, and (medium) \
                  when a valid certificate expires within `sharing.tls_expiry_days` (default \
                  14) days. Renew the certificate or install the issuing CA.",
    },
    Rule {
        id: SLOW,
        severity: Severity::Medium,
        why: "the reply took longer than the interface's latency SLO",
        explain: "The time to the complete reply exceeded `latency_slo_ms` of the registry entry. \
                  Interfaces without an SLO are never slow.",
    },
    Rule {
        id: BODY,
        severity: Severity::High,
        why: "the reply is not the expected content",
        explain: "The body is not valid JSON when `expect.json_field` or `expect.freshness_field` \
                  is set, the field at that dotted path (e.g. `data.items`) is missing, or the text \
                  in `expect.body_contains` does not occur. The interface answers, but not with \
                  the data consumers rely on.",
    },
];

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
