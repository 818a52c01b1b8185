//! The built-in demo, compiled in with the default `demo` feature: a deterministic data set
//! generated once into the cache dir ([`files`]), live loopback sharing interfaces served by
//! axum ([`server`]), and simulated case traffic for the monitor ([`traffic`]).
//!
//! Only the command layer uses it, as the default source when no profile names an input;
//! the areas below never know whether their data is a demo.

pub mod files;
pub mod server;
pub mod traffic;

pub use files::{files, DemoFiles, DEMO_SEED};
pub use server::DemoServer;

/// The monitor's event source for the demo.
pub const TRAFFIC: crate::monitor::source::Simulator = crate::monitor::source::Simulator {
    name: "built-in demo simulator",
    backlog: traffic::backlog,
    run: traffic::run,
};
