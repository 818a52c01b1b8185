//! The process's one async runtime. HTTP (loading URLs, probes, the monitor's URL polling)
//! and the demo's loopback servers all run on it, so a process never starts a second
//! runtime behind the person's back (reqwest's blocking client would).
//!
//! It is never shut down: tasks still hung at exit (a DNS lookup that never answers) must not
//! hold the process past its deadlines.

use std::sync::OnceLock;

use crate::error::{Error, Result};

static RUNTIME: OnceLock<std::result::Result<tokio::runtime::Runtime, String>> = OnceLock::new();

/// The shared runtime (two workers: the machines this runs on have few cores, and the work
/// is waiting on the network). Its `block_on` may be called from any thread that is not
/// itself running async code.
pub fn get() -> Result<&'static tokio::runtime::Runtime> {
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("govops-rt")
                .enable_all()
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| Error::Other(format!("cannot start the async runtime: {e}")))
}
