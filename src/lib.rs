//! govops: audit, check, measure and watch "Internet + government services" platforms.
//!
//! The binary is a thin shell over this library: `commands::run` resolves a parsed command
//! line into a plan, has the area's module evaluate it into a typed report, and emits that
//! report; see ARCHITECTURE.md for the layers.

pub mod audit;
pub mod balance;
pub mod cli;
pub mod commands;
#[cfg(feature = "demo")]
pub mod demo;
pub mod error;
pub mod load;
pub mod model;
pub mod monitor;
pub mod observe;
pub mod probe;
pub mod profile;
pub mod report;
pub mod rules;
pub mod runtime;
pub mod sample;
pub mod serve;
pub mod sharing;
pub mod yaml;

pub use error::{Error, Result};
