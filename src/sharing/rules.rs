//! The ids of the rules `govops sharing` judges by, as its checks name them. What each rule is
//! — severity, title, explanation, remedy, example — is in the one registry, [`crate::rules`].

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
