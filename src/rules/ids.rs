//! Rule ids as the checks name them, for ids that more than one module emits (the probe
//! engine, below `sharing`, emits sharing's live-probe rules). What each rule is lives in
//! [`super::registry`].

/// `govops sharing`'s rules.
pub mod sharing {
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
    pub const TYPE_MISSING: &str = "sharing.type_missing";
    pub const CONDITIONS_MISSING: &str = "sharing.conditions_missing";
    pub const LEGAL_BASIS_MISSING: &str = "sharing.legal_basis_missing";
}

/// Rules about the inputs themselves, judged by every command that reads a catalog or a
/// registry.
pub mod input {
    pub const EMPTY: &str = "input.empty";
}
