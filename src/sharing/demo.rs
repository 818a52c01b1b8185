//! The demo's live data-sharing interfaces, served on loopback by the process itself.

use crate::error::{Error, Result};
use crate::model::Interface;

/// A running demo server; it stops when dropped.
pub struct DemoServer {
    /// e.g. `http://127.0.0.1:41234`
    pub base_url: String,
    /// The demo registry, its URLs pointing at this server.
    pub registry: Vec<Interface>,
}

/// Start the demo's loopback interfaces (healthy ones and planted faults).
pub fn start() -> Result<DemoServer> {
    Err(Error::usage("the demo's loopback interfaces are not available in this build yet"))
}
