//! The domain: regions, catalog rows, baseline items, sharing interfaces, metrics, events, and
//! the findings every check produces.

pub mod credit_code;
pub mod duration;
pub mod finding;
pub mod item_code;
pub mod regions;
pub mod rows;
pub mod script;
pub mod sharing_type;
pub mod workdays;

pub use finding::{FailOn, Finding, Location, Severity};
pub use regions::{Level, Region, RegionSet};
pub use rows::*;
pub use sharing_type::SharingType;
