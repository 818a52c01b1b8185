//! The `monitor:` section of a profile.

use serde::{Deserialize, Serialize};

use crate::model::duration::Duration;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MonitorConfig {
    /// Refresh and probe interval, e.g. `1s`.
    pub refresh: Option<Duration>,
    pub alerts: Alerts,
    /// Working days within which a 差评 must be rectified (default 15).
    pub rectify_days: Option<u32>,
    /// Extra holidays and make-up working days beyond the built-in State Council notices.
    pub calendar: CalendarConfig,
}

/// Additions to the working-day calendar: `off` ranges (`[from, to]` dates, inclusive) and
/// `work` dates (make-up working days, 调休), e.g. for a year not built in yet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CalendarConfig {
    pub off: Vec<[chrono::NaiveDate; 2]>,
    pub work: Vec<chrono::NaiveDate>,
}

impl CalendarConfig {
    /// The built-in calendar with these additions.
    pub fn calendar(&self) -> crate::model::workdays::Calendar {
        let mut c = crate::model::workdays::Calendar::china();
        for [from, to] in &self.off {
            c.add_off(*from, *to);
        }
        for d in &self.work {
            c.add_work(*d);
        }
        c
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Alerts {
    /// Alert when overdue ÷ completed exceeds this (0..1).
    pub overdue_rate: Option<f64>,
    /// Alert when the satisfaction rate falls below this (0..1).
    pub satisfaction_below: Option<f64>,
    /// Alert when an interface fails this many probes in a row.
    pub interface_down_after: Option<u32>,
    /// Alert when more 差评 than this are past their rectification deadline (default 0).
    pub rectification_overdue_max: Option<u64>,
    /// Alert when orphan events exceed this share of all events (0..1, default 0.2).
    pub orphan_rate: Option<f64>,
}
