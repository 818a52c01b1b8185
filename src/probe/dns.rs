//! Name resolution for probes, with its own deadline and its own error, so that a name that
//! does not resolve is reported as "unreachable: name did not resolve" and not as a timeout
//! of the interface — on a machine whose DNS server does not answer (no network, a broken
//! resolver) the system lookup would otherwise hang until the probe's deadline.

use std::net::{SocketAddr, ToSocketAddrs};
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Resolution failed: found again in reqwest's error chain to classify the probe.
#[derive(Debug)]
pub struct DnsFailed(pub String);

impl std::fmt::Display for DnsFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DnsFailed {}

/// The system resolver (getaddrinfo on a blocking thread) bounded by `timeout`; names under
/// the special-use `.invalid` domain (RFC 6761 §6.4) fail at once without a query.
#[derive(Debug, Clone)]
pub struct BoundedResolver {
    pub timeout: Duration,
}

impl Resolve for BoundedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().trim_end_matches('.').to_ascii_lowercase();
        let timeout = self.timeout;
        Box::pin(async move {
            if host == "invalid" || host.ends_with(".invalid") {
                return Err(boxed(format!(
                    "{host} is under .invalid, which never resolves (RFC 6761)"
                )));
            }
            let lookup = tokio::task::spawn_blocking({
                let host = host.clone();
                move || (host.as_str(), 0).to_socket_addrs().map(|a| a.collect())
            });
            let addrs: Vec<SocketAddr> = match tokio::time::timeout(timeout, lookup).await {
                Err(_) => {
                    return Err(boxed(format!(
                        "no answer from the DNS server for {host} within {} ms",
                        timeout.as_millis()
                    )))
                }
                Ok(Err(join)) => return Err(boxed(format!("lookup of {host} failed: {join}"))),
                Ok(Ok(Err(e))) => return Err(boxed(format!("{host}: {e}"))),
                Ok(Ok(Ok(a))) => a,
            };
            if addrs.is_empty() {
                return Err(boxed(format!("{host} has no address")));
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

fn boxed(msg: String) -> Box<dyn std::error::Error + Send + Sync> {
    Box::new(DnsFailed(msg))
}

/// The share of a probe's deadline given to name resolution: most of it, so a slow but
/// working resolver still passes, but the lookup gives up first when it is what hangs.
pub fn lookup_budget(probe_timeout: Duration) -> Duration {
    probe_timeout.mul_f64(0.8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn resolve(host: &str) -> Result<Vec<SocketAddr>, String> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let r = BoundedResolver {
            timeout: Duration::from_secs(5),
        };
        let name = Name::from_str(host).map_err(|e| e.to_string())?;
        rt.block_on(r.resolve(name))
            .map(|a| a.collect())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn invalid_names_fail_without_a_query_and_localhost_resolves() {
        let e = resolve("no-such-host.invalid").unwrap_err();
        assert!(e.contains("RFC 6761"), "{e}");
        assert!(resolve("x.INVALID.").is_err());
        let ok = resolve("localhost").unwrap();
        assert!(ok.iter().all(|a| a.ip().is_loopback()), "{ok:?}");
    }
}
