//! Maintenance windows: one-off (start and end) or recurring (daily or weekly, at a local
//! time in a time zone, Asia/Shanghai by default). Inside one, `sharing watch` raises no
//! alert and the probes it records do not count against the SLA.

use chrono::{DateTime, Datelike, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

/// When a window recurs.
#[derive(Debug, Clone, PartialEq)]
pub enum Recurrence {
    Once {
        start: i64,
        end: i64,
    },
    Daily {
        at: NaiveTime,
        length_s: i64,
    },
    Weekly {
        day: Weekday,
        at: NaiveTime,
        length_s: i64,
    },
}

/// One window, resolved from the profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub name: String,
    /// The interfaces it covers; empty: all of them.
    pub interfaces: Vec<String>,
    pub tz: Tz,
    pub when: Recurrence,
}

impl Window {
    /// Whether the window covers `iface` at Unix time `ts`.
    pub fn covers(&self, iface: &str, ts: i64) -> bool {
        if !self.interfaces.is_empty() && !self.interfaces.iter().any(|i| i == iface) {
            return false;
        }
        match &self.when {
            Recurrence::Once { start, end } => *start <= ts && ts < *end,
            Recurrence::Daily { at, length_s } => self.recurs(ts, *at, *length_s, None),
            Recurrence::Weekly { day, at, length_s } => self.recurs(ts, *at, *length_s, Some(*day)),
        }
    }

    /// A recurring window that started on the local day of `ts` or up to 7 days before.
    fn recurs(&self, ts: i64, at: NaiveTime, length_s: i64, day: Option<Weekday>) -> bool {
        let Some(now) = DateTime::<Utc>::from_timestamp(ts, 0) else {
            return false;
        };
        let local = now.with_timezone(&self.tz).date_naive();
        (0..8).any(|back| {
            let Some(d) = local.checked_sub_days(chrono::Days::new(back)) else {
                return false;
            };
            if day.is_some_and(|w| d.weekday() != w) {
                return false;
            }
            let Some(start) = self
                .tz
                .from_local_datetime(&NaiveDateTime::new(d, at))
                .earliest()
            else {
                return false;
            };
            let s = start.timestamp();
            s <= ts && ts < s + length_s
        })
    }
}

/// Whether any of `windows` covers `iface` at `ts`.
pub fn in_maintenance(windows: &[Window], iface: &str, ts: i64) -> bool {
    windows.iter().any(|w| w.covers(iface, ts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekly_window_in_shanghai_time() {
        // Sundays 02:00-04:00 Asia/Shanghai = Saturdays 18:00-20:00 UTC.
        let w = Window {
            name: "weekly".into(),
            interfaces: vec![],
            tz: chrono_tz::Asia::Shanghai,
            when: Recurrence::Weekly {
                day: Weekday::Sun,
                at: NaiveTime::from_hms_opt(2, 0, 0).unwrap(),
                length_s: 7200,
            },
        };
        let sat_19_utc = Utc
            .with_ymd_and_hms(2026, 12, 5, 19, 0, 0)
            .unwrap()
            .timestamp();
        let sat_21_utc = Utc
            .with_ymd_and_hms(2026, 12, 5, 21, 0, 0)
            .unwrap()
            .timestamp();
        let sun_19_utc = Utc
            .with_ymd_and_hms(2026, 12, 6, 19, 0, 0)
            .unwrap()
            .timestamp();
        assert!(w.covers("a", sat_19_utc));
        assert!(!w.covers("a", sat_21_utc));
        assert!(!w.covers("a", sun_19_utc));
    }
}
