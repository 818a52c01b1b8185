//! Live HTTP(S) probes of data-sharing interfaces, shared by `sharing` (one run, findings,
//! history) and `monitor` (rounds on its refresh interval). See [`engine`] for the API.

pub mod dns;
pub mod engine;
pub mod expect;
pub mod freshness;
pub mod tls;

pub use engine::{
    client, probe_all, probe_all_async, probe_one, ErrorClass, ProbeResult, ProbeSettings, Problem,
};
