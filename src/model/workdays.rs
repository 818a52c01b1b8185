//! The working-day calendar of mainland China (工作日): Monday to Friday, minus the statutory
//! holidays, plus the make-up Saturdays and Sundays (调休上班) that the General Office of the
//! State Council publishes every year.
//!
//! Time limits (法定时限, 承诺时限) are counted in working days, and the day a period starts
//! is not counted (期间开始之日不计算在内): a case submitted on a Tuesday with a limit of one
//! working day is due by the end of Wednesday. Dates are Asia/Shanghai dates (UTC+8 all year:
//! China has kept no daylight-saving time since 1991), whatever the time zone of a timestamp.
//!
//! The calendar ships the published notices for 2024, 2025 and 2026 (see [`BUILTIN`]); a
//! profile can add further years or corrections (`monitor.calendar`). A date in a year that
//! neither covers counts Monday to Friday as working days, and [`Calendar::covers`] says so,
//! so that callers can warn.
//!
//! No crate on crates.io was good enough to carry this: `holiday-engine` covers 2026 only
//! (and lists a shorter Spring Festival than the notice), `holiday-cn` fetches its data at
//! build time; the three notices are short and easy to verify, so they are data here.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Offset, Utc, Weekday};

/// One published year: the days off that would otherwise be working days, and the weekend
/// days that are working days.
#[derive(Debug, Clone, Copy)]
pub struct YearNotice {
    pub year: i32,
    /// The notice it comes from.
    pub source: &'static str,
    /// Inclusive ranges of days off (`YYYY-MM-DD`).
    pub off: &'static [(&'static str, &'static str)],
    /// Make-up working days (调休上班), weekend days.
    pub work: &'static [&'static str],
}

/// The State Council's notices (国务院办公厅关于…年部分节假日安排的通知).
pub const BUILTIN: &[YearNotice] = &[
    YearNotice {
        year: 2024,
        source: "国办发明电〔2023〕7号",
        off: &[
            ("2024-01-01", "2024-01-01"), // 元旦
            ("2024-02-10", "2024-02-17"), // 春节
            ("2024-04-04", "2024-04-06"), // 清明节
            ("2024-05-01", "2024-05-05"), // 劳动节
            ("2024-06-10", "2024-06-10"), // 端午节
            ("2024-09-15", "2024-09-17"), // 中秋节
            ("2024-10-01", "2024-10-07"), // 国庆节
        ],
        work: &[
            "2024-02-04",
            "2024-02-18",
            "2024-04-07",
            "2024-04-28",
            "2024-05-11",
            "2024-09-14",
            "2024-09-29",
            "2024-10-12",
        ],
    },
    YearNotice {
        year: 2025,
        source: "国办发明电〔2024〕12号",
        off: &[
            ("2025-01-01", "2025-01-01"), // 元旦
            ("2025-01-28", "2025-02-04"), // 春节
            ("2025-04-04", "2025-04-06"), // 清明节
            ("2025-05-01", "2025-05-05"), // 劳动节
            ("2025-05-31", "2025-06-02"), // 端午节
            ("2025-10-01", "2025-10-08"), // 国庆节、中秋节
        ],
        work: &[
            "2025-01-26",
            "2025-02-08",
            "2025-04-27",
            "2025-09-28",
            "2025-10-11",
        ],
    },
    YearNotice {
        year: 2026,
        source: "国务院办公厅关于2026年部分节假日安排的通知 (2025-11)",
        off: &[
            ("2026-01-01", "2026-01-03"), // 元旦
            ("2026-02-15", "2026-02-23"), // 春节
            ("2026-04-04", "2026-04-06"), // 清明节
            ("2026-05-01", "2026-05-05"), // 劳动节
            ("2026-06-19", "2026-06-21"), // 端午节
            ("2026-09-25", "2026-09-27"), // 中秋节
            ("2026-10-01", "2026-10-07"), // 国庆节
        ],
        work: &[
            "2026-01-04",
            "2026-02-14",
            "2026-02-28",
            "2026-05-09",
            "2026-09-20",
            "2026-10-10",
        ],
    },
];

/// Asia/Shanghai: UTC+8, no daylight-saving time.
pub fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or(Utc.fix())
}

/// The Asia/Shanghai date of a UTC instant.
pub fn local_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&shanghai()).date_naive()
}

/// The first instant (UTC) of an Asia/Shanghai date.
pub fn start_of(d: NaiveDate) -> DateTime<Utc> {
    let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    (midnight - Duration::hours(8)).and_utc()
}

/// Days off and make-up working days: the built-in notices plus whatever a profile adds.
#[derive(Debug, Clone)]
pub struct Calendar {
    off: BTreeSet<NaiveDate>,
    work: BTreeSet<NaiveDate>,
    years: BTreeSet<i32>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::china()
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl Calendar {
    /// Monday to Friday only, no holidays (for tests and other countries).
    pub fn weekdays_only() -> Self {
        Calendar {
            off: BTreeSet::new(),
            work: BTreeSet::new(),
            years: BTreeSet::new(),
        }
    }

    /// Mainland China with the built-in notices.
    pub fn china() -> Self {
        let mut c = Calendar::weekdays_only();
        for n in BUILTIN {
            c.years.insert(n.year);
            for (a, b) in n.off {
                if let (Some(a), Some(b)) = (date(a), date(b)) {
                    c.add_off(a, b);
                }
            }
            for w in n.work {
                if let Some(d) = date(w) {
                    c.work.insert(d);
                }
            }
        }
        c
    }

    /// Days off from `from` to `to` inclusive (a holiday added by a profile).
    pub fn add_off(&mut self, from: NaiveDate, to: NaiveDate) {
        let mut d = from;
        while d <= to {
            self.work.remove(&d);
            self.off.insert(d);
            match d.succ_opt() {
                Some(n) => d = n,
                None => break,
            }
        }
    }

    /// A make-up working day (a profile's correction or a later notice).
    pub fn add_work(&mut self, d: NaiveDate) {
        self.off.remove(&d);
        self.work.insert(d);
    }

    /// Mark a year as published (its days are then taken as complete).
    pub fn add_year(&mut self, year: i32) {
        self.years.insert(year);
    }

    /// Is the year's holiday schedule known (built in or given by the profile)?
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The years whose schedule is known.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.work.contains(&d) {
            return true;
        }
        if self.off.contains(&d) {
            return false;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// Working days after `start` up to and including `end` (the start day is not counted);
    /// 0 when `end` is not after `start`.
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> u32 {
        if end <= start {
            return 0;
        }
        // Whole weeks have five weekdays; only the exceptions inside need looking at.
        let days = (end - start).num_days();
        let weeks = days / 7;
        let mut n = weeks * 5;
        let mut d = start + Duration::days(weeks * 7);
        while d < end {
            d += Duration::days(1);
            if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                n += 1;
            }
        }
        let after = |x: &&NaiveDate| **x > start && **x <= end;
        let weekday = |x: &NaiveDate| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun);
        let off_weekdays = self
            .off
            .range(start..=end)
            .filter(after)
            .filter(|x| weekday(x))
            .count() as i64;
        let work_weekends = self
            .work
            .range(start..=end)
            .filter(after)
            .filter(|x| !weekday(x))
            .count() as i64;
        u32::try_from((n - off_weekdays + work_weekends).max(0)).unwrap_or(u32::MAX)
    }

    /// The date on which a limit of `limit` working days, counted from `start` (not
    /// counted itself), ends: the `limit`-th working day after `start` (`start` for 0).
    pub fn add_working_days(&self, start: NaiveDate, limit: u32) -> NaiveDate {
        let mut d = start;
        let mut left = limit;
        // A limit of years of working days is not a real limit: stop after 20 years.
        let mut guard = 0u32;
        while left > 0 && guard < 7300 {
            match d.succ_opt() {
                Some(n) => d = n,
                None => break,
            }
            if self.is_working_day(d) {
                left -= 1;
            }
            guard += 1;
        }
        d
    }

    /// Working days from a submission at `from` to a completion at `to` (Asia/Shanghai
    /// dates; the day of submission not counted).
    pub fn elapsed(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> u32 {
        self.working_days_between(local_date(from), local_date(to))
    }

    /// The instant a limit of `limit` working days from `from` has passed: the end of its
    /// last working day (midnight Asia/Shanghai). Fractional limits round up.
    pub fn deadline(&self, from: DateTime<Utc>, limit: f64) -> DateTime<Utc> {
        let whole = if limit.is_finite() && limit > 0.0 {
            limit.ceil().min(f64::from(u16::MAX)) as u32
        } else {
            0
        };
        let last = self.add_working_days(local_date(from), whole);
        start_of(last.succ_opt().unwrap_or(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        date(s).unwrap()
    }

    #[test]
    fn notices_parse_and_are_sound() {
        for n in BUILTIN {
            for (a, b) in n.off {
                let (a, b) = (d(a), d(b));
                assert!(a <= b && a.year() == n.year, "{a} {b}");
            }
            for w in n.work {
                // A make-up working day is always a weekend day.
                assert!(matches!(d(w).weekday(), Weekday::Sat | Weekday::Sun), "{w}");
            }
        }
    }

    #[test]
    fn counting_by_walking_matches_the_fast_count() {
        let c = Calendar::china();
        let start = d("2023-12-20");
        for span in 0..800 {
            let end = start + Duration::days(span);
            let mut walked = 0;
            let mut x = start;
            while x < end {
                x = x.succ_opt().unwrap();
                if c.is_working_day(x) {
                    walked += 1;
                }
            }
            assert_eq!(c.working_days_between(start, end), walked, "to {end}");
        }
    }
}
