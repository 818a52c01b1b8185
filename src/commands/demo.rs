//! The built-in demo as the command layer sees it: present with the default `demo` feature,
//! otherwise a clear error wherever a command would have fallen back to it.

use crate::error::Result;

#[cfg(feature = "demo")]
pub use crate::demo::{DemoFiles, DemoServer};

/// Generate (first use) or reuse the demo data set.
#[cfg(feature = "demo")]
pub fn files() -> Result<DemoFiles> {
    crate::demo::files()
}

/// Start the demo's loopback sharing interfaces (stopped when the server is dropped).
#[cfg(feature = "demo")]
pub fn server() -> Result<DemoServer> {
    crate::demo::server::start()
}

/// The demo's simulated case traffic.
#[cfg(feature = "demo")]
pub fn traffic() -> Result<crate::monitor::source::Simulator> {
    Ok(crate::demo::TRAFFIC)
}

#[cfg(not(feature = "demo"))]
mod absent {
    use super::*;
    use crate::error::Error;

    /// Stands in for the demo's types; never constructed.
    pub enum Never {}

    pub struct DemoFiles {
        pub dir: std::path::PathBuf,
        pub catalog: std::path::PathBuf,
        pub baseline: std::path::PathBuf,
        pub metrics: std::path::PathBuf,
        _never: Never,
    }

    pub struct DemoServer {
        pub base_url: String,
        pub registry: Vec<crate::model::Interface>,
        _never: Never,
    }

    fn not_compiled() -> Error {
        Error::usage(
            "this govops was built without the built-in demo (cargo feature `demo`): \
             give your own inputs (flags or -p PROFILE)",
        )
    }

    pub fn files() -> Result<DemoFiles> {
        Err(not_compiled())
    }

    pub fn server() -> Result<DemoServer> {
        Err(not_compiled())
    }

    pub fn traffic() -> Result<crate::monitor::source::Simulator> {
        Err(not_compiled())
    }
}

#[cfg(not(feature = "demo"))]
pub use absent::*;
