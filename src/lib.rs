//! govops: audit, check, measure and watch "Internet + government services" platforms.
//!
//! The binary is a thin shell over this library: `app::run` dispatches a parsed command line
//! to one module per concern.

pub mod app;
pub mod audit;
pub mod balance;
pub mod check;
pub mod cli;
pub mod context;
pub mod error;
pub mod load;
pub mod model;
pub mod monitor;
pub mod profile;
pub mod report;
pub mod sample;
pub mod sharing;
pub mod yaml;

pub use error::{Error, Result};
