//! The per-command sections of a profile (`audit:`, `sharing:`, `balance:`, `monitor:`): plain
//! data, read once with the profile. The commands turn them into their plans.

pub mod audit;
pub mod balance;
pub mod monitor;
pub mod sharing;

pub use audit::AuditConfig;
pub use balance::BalanceConfig;
pub use monitor::{Alerts, MonitorConfig};
pub use sharing::SharingConfig;
