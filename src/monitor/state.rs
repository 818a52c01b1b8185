//! The one state struct the monitor shows: updated event by event (O(log n) each), read by
//! the render functions and by `--once -f json`.
//!
//! A case lives through `submitted → (accepted) → completed | rejected | withdrawn`, then
//! may be rated. An event for a case never seen submitted (a stream picked up mid-day) is an
//! *orphan*: counted by its type and reported, never counted as a completion. So the figures
//! always add up: open = submitted − completed − rejected − withdrawn, and every region's
//! counters sum to the totals. Ratings of orphan cases are still citizens' ratings: they
//! count (in the unknown-region bucket) and are also counted as orphans.
//!
//! Time limits are working days (`model::workdays`, Asia/Shanghai, the day of submission not
//! counted). Overdue = completed later than its limit, plus open cases whose working-day
//! deadline has passed. Each 差评 (rating 1–2) must be rectified within `rectify_days`
//! working days; the ones past that and not rectified are overdue rectifications.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;

use super::parse::Malformed;
use super::probe::InterfaceHealth;
use crate::model::workdays::Calendar;
use crate::model::{is_bad_rating, Channel, Event, EventKind, RegionSet};

/// Region key for events whose region code is not in the region set (or absent).
pub const UNKNOWN_REGION: usize = usize::MAX;
/// Working days to rectify a 差评 when the profile says nothing (a common provincial rule).
pub const DEFAULT_RECTIFY_DAYS: u32 = 15;
const KEEP_MALFORMED: usize = 200;
const KEEP_MINUTES: usize = 24 * 60;
const CODE_CACHE_MAX: usize = 200_000;
/// Closed cases remembered so that later ratings find their region; the oldest half is
/// forgotten when there are more (a rating after that is an orphan).
pub const CLOSED_KEEP: usize = 1_000_000;

/// The region set: China's built-in one or one loaded from a file.
#[derive(Clone)]
pub enum Regions {
    Builtin(&'static RegionSet),
    Loaded(Arc<RegionSet>),
}

impl std::ops::Deref for Regions {
    type Target = RegionSet;
    fn deref(&self) -> &RegionSet {
        match self {
            Regions::Builtin(r) => r,
            Regions::Loaded(r) => r,
        }
    }
}

/// Counters of one region (and, through aggregation, of everything below it).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RegionStats {
    pub submitted: u64,
    pub accepted: u64,
    pub completed: u64,
    pub rejected: u64,
    pub withdrawn: u64,
    pub overdue_completed: u64,
    pub overdue_open: u64,
    pub ratings: u64,
    pub good: u64,
    pub bad: u64,
    /// 差评 past their rectification deadline and not rectified.
    pub rectification_overdue: u64,
}

impl RegionStats {
    pub fn closed(&self) -> u64 {
        self.completed + self.rejected + self.withdrawn
    }
    pub fn in_progress(&self) -> u64 {
        self.submitted.saturating_sub(self.closed())
    }
    pub fn overdue(&self) -> u64 {
        self.overdue_completed + self.overdue_open
    }
    pub fn satisfaction(&self) -> Option<f64> {
        (self.ratings > 0).then(|| self.good as f64 / self.ratings as f64)
    }
}

/// Events for cases never seen submitted, by type.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Orphans {
    by_kind: [u64; 8],
}

impl Orphans {
    pub fn get(&self, kind: EventKind) -> u64 {
        self.by_kind[kind as usize]
    }
    pub fn total(&self) -> u64 {
        self.by_kind.iter().sum()
    }
    fn add(&mut self, kind: EventKind) {
        self.by_kind[kind as usize] += 1;
    }
}

/// 差评 and their follow-up (国办发〔2019〕51号: every 差评 followed up and rectified).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Reviews {
    /// 差评 received (ratings 1–2).
    pub bad: u64,
    pub followed_up: u64,
    pub rectified: u64,
    /// Rectified, but after the deadline.
    pub rectified_late: u64,
    /// Not rectified yet (within the deadline or past it).
    pub open: u64,
    /// Not rectified and past the deadline.
    pub overdue: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Stage {
    #[default]
    Open,
    Accepted,
    Completed,
    Rejected,
    Withdrawn,
    /// Known only from an event after submission (a rating of an orphan case).
    Orphan,
}

impl Stage {
    fn is_open(self) -> bool {
        matches!(self, Stage::Open | Stage::Accepted)
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Case {
    region: Option<usize>,
    limit_days: Option<f64>,
    submitted_at: Option<i64>,
    /// Key in `State::deadlines` while the case is open with a known limit.
    deadline: Option<(i64, u64)>,
    stage: Stage,
    overdue_open: bool,
    rated: bool,
    /// Order of closing, for forgetting the oldest closed cases.
    closed_seq: u64,
}

/// A 差评 waiting for rectification.
#[derive(Debug, Clone, Copy)]
struct Review {
    region: Option<usize>,
    key: (i64, u64),
    followed_up: bool,
    overdue: bool,
}

pub struct State {
    pub regions: Regions,
    /// Where the events come from, for the title bar.
    pub source: String,
    pub submitted: u64,
    pub accepted: u64,
    pub completed: u64,
    pub rejected: u64,
    pub withdrawn: u64,
    pub overdue_completed: u64,
    pub overdue_open: u64,
    pub orphans: Orphans,
    /// Events a case's stage does not allow (accepted after completion, a second closing).
    pub out_of_order: u64,
    pub ratings: u64,
    /// Ratings 1..=5 at index 0..=4.
    pub rating_counts: [u64; 5],
    pub reviews: Reviews,
    /// Channel name (`Channel::as_str`, `other`, `unknown`) → submissions.
    pub channels: BTreeMap<String, u64>,
    /// Submissions per minute (minute = unix seconds / 60).
    pub per_minute: BTreeMap<i64, u64>,
    pub lines: u64,
    pub events: u64,
    pub malformed_lines: u64,
    pub duplicates: u64,
    /// The latest malformed lines, newest last.
    pub malformed: VecDeque<Malformed>,
    /// Source notes (truncation, rotation, connection errors), newest last.
    pub notes: VecDeque<String>,
    pub interfaces: Vec<InterfaceHealth>,
    /// The time the derived figures (open cases past their limit) refer to.
    pub now: DateTime<Utc>,
    pub calendar: Arc<Calendar>,
    pub rectify_days: u32,
    /// Closed cases remembered for their ratings (`CLOSED_KEEP`).
    pub closed_keep: usize,
    region_stats: FxHashMap<usize, RegionStats>,
    code_cache: FxHashMap<String, Option<usize>>,
    cases: FxHashMap<String, Case>,
    closed_cases: usize,
    deadlines: BTreeMap<(i64, u64), String>,
    open_reviews: FxHashMap<String, Review>,
    review_deadlines: BTreeMap<(i64, u64), String>,
    seq: u64,
}

impl State {
    pub fn new(regions: Regions, source: impl Into<String>, now: DateTime<Utc>) -> Self {
        State {
            regions,
            source: source.into(),
            submitted: 0,
            accepted: 0,
            completed: 0,
            rejected: 0,
            withdrawn: 0,
            overdue_completed: 0,
            overdue_open: 0,
            orphans: Orphans::default(),
            out_of_order: 0,
            ratings: 0,
            rating_counts: [0; 5],
            reviews: Reviews::default(),
            channels: BTreeMap::new(),
            per_minute: BTreeMap::new(),
            lines: 0,
            events: 0,
            malformed_lines: 0,
            duplicates: 0,
            malformed: VecDeque::new(),
            notes: VecDeque::new(),
            interfaces: Vec::new(),
            now,
            calendar: Arc::new(Calendar::china()),
            rectify_days: DEFAULT_RECTIFY_DAYS,
            closed_keep: CLOSED_KEEP,
            region_stats: FxHashMap::default(),
            code_cache: FxHashMap::default(),
            cases: FxHashMap::default(),
            closed_cases: 0,
            deadlines: BTreeMap::new(),
            open_reviews: FxHashMap::default(),
            review_deadlines: BTreeMap::new(),
            seq: 0,
        }
    }

    /// Cases closed: completed, rejected or withdrawn.
    pub fn closed(&self) -> u64 {
        self.completed + self.rejected + self.withdrawn
    }
    /// Open cases: submitted and not closed.
    pub fn in_progress(&self) -> u64 {
        self.submitted.saturating_sub(self.closed())
    }
    pub fn overdue(&self) -> u64 {
        self.overdue_completed + self.overdue_open
    }
    pub fn good_ratings(&self) -> u64 {
        self.rating_counts[3] + self.rating_counts[4]
    }
    /// 差评: ratings 1–2.
    pub fn bad_ratings(&self) -> u64 {
        self.rating_counts[0] + self.rating_counts[1]
    }
    pub fn satisfaction(&self) -> Option<f64> {
        (self.ratings > 0).then(|| self.good_ratings() as f64 / self.ratings as f64)
    }
    /// 差评率: 差评 ÷ ratings.
    pub fn bad_rate(&self) -> Option<f64> {
        (self.ratings > 0).then(|| self.bad_ratings() as f64 / self.ratings as f64)
    }
    /// Share of submissions (with a known channel) made through an online channel.
    pub fn online_share(&self) -> Option<f64> {
        let mut known = 0;
        let mut online = 0;
        for (name, n) in &self.channels {
            if let Some(c) = Channel::parse(name) {
                known += n;
                if c.is_online() {
                    online += n;
                }
            }
        }
        (known > 0).then(|| online as f64 / known as f64)
    }

    pub fn note(&mut self, msg: impl Into<String>) {
        self.notes.push_back(msg.into());
        while self.notes.len() > 50 {
            self.notes.pop_front();
        }
    }

    pub fn malformed_line(&mut self, m: Malformed) {
        self.lines += 1;
        self.malformed_lines += 1;
        self.malformed.push_back(m);
        while self.malformed.len() > KEEP_MALFORMED {
            self.malformed.pop_front();
        }
    }

    /// `n` malformed lines counted without an example (see `ingest::Feeder`).
    pub fn count_malformed(&mut self, n: u64) {
        self.lines += n;
        self.malformed_lines += n;
    }

    /// Apply one parsed line: an event, a malformed line, or a blank line.
    pub fn apply_parsed(&mut self, parsed: Result<Option<Event>, Malformed>) {
        match parsed {
            Ok(Some(e)) => self.apply(&e),
            Ok(None) => {}
            Err(m) => self.malformed_line(m),
        }
    }

    /// Apply one valid event.
    pub fn apply(&mut self, e: &Event) {
        self.lines += 1;
        self.events += 1;
        match e {
            Event::Submitted {
                ts,
                case_id,
                region_code,
                channel,
                limit_days,
                ..
            } => self.submit(*ts, case_id, region_code.as_deref(), channel, *limit_days),
            Event::Accepted { case_id, .. } => self.accept(case_id),
            Event::Completed {
                ts,
                case_id,
                limit_days,
                elapsed_days,
            } => self.close(e.kind(), *ts, case_id, *limit_days, *elapsed_days),
            Event::Rejected { ts, case_id } | Event::Withdrawn { ts, case_id } => {
                self.close(e.kind(), *ts, case_id, None, None)
            }
            Event::Rated {
                ts,
                case_id,
                rating,
            } => self.rate(*ts, case_id, *rating),
            Event::FollowedUp { case_id, .. } => self.follow_up(case_id),
            Event::Rectified { ts, case_id } => self.rectify(*ts, case_id),
        }
    }

    fn submit(
        &mut self,
        ts: Option<i64>,
        case_id: &str,
        region_code: Option<&str>,
        channel: &Option<String>,
        limit_days: Option<f64>,
    ) {
        if let Some(c) = self.cases.get(case_id) {
            if c.stage == Stage::Orphan {
                self.out_of_order += 1;
            } else {
                self.duplicates += 1;
            }
            return;
        }
        let at = ts.unwrap_or_else(|| self.now.timestamp());
        let region = region_code.and_then(|c| self.leaf(c));
        self.submitted += 1;
        self.for_chain(region, |s| s.submitted += 1);
        let name = match channel {
            None => "unknown",
            Some(c) => Channel::parse(c).map(Channel::as_str).unwrap_or("other"),
        };
        // Look up before inserting: no allocation for a channel already seen.
        match self.channels.get_mut(name) {
            Some(n) => *n += 1,
            None => {
                self.channels.insert(name.to_string(), 1);
            }
        }
        *self.per_minute.entry(at.div_euclid(60)).or_default() += 1;
        while self.per_minute.len() > KEEP_MINUTES {
            self.per_minute.pop_first();
        }
        let mut case = Case {
            region,
            limit_days,
            submitted_at: Some(at),
            ..Case::default()
        };
        if let Some(limit) = limit_days {
            let deadline = self.calendar_deadline(at, limit);
            self.seq += 1;
            let key = (deadline, self.seq);
            case.deadline = Some(key);
            self.deadlines.insert(key, case_id.to_string());
        }
        self.cases.insert(case_id.to_string(), case);
        if case.deadline.is_some() {
            self.advance(self.now);
        }
    }

    fn accept(&mut self, case_id: &str) {
        let Some(case) = self.cases.get_mut(case_id) else {
            self.orphans.add(EventKind::Accepted);
            return;
        };
        match case.stage {
            Stage::Open => {
                case.stage = Stage::Accepted;
                let region = case.region;
                self.accepted += 1;
                self.for_chain(region, |s| s.accepted += 1);
            }
            Stage::Accepted => self.duplicates += 1,
            Stage::Orphan => self.orphans.add(EventKind::Accepted),
            _ => self.out_of_order += 1,
        }
    }

    /// Completed, rejected or withdrawn.
    fn close(
        &mut self,
        kind: EventKind,
        ts: Option<i64>,
        case_id: &str,
        limit_days: Option<f64>,
        elapsed_days: Option<f64>,
    ) {
        let calendar = Arc::clone(&self.calendar);
        self.seq += 1;
        let seq = self.seq;
        let Some(case) = self.cases.get_mut(case_id) else {
            self.orphans.add(kind);
            return;
        };
        let stage = match kind {
            EventKind::Completed => Stage::Completed,
            EventKind::Rejected => Stage::Rejected,
            _ => Stage::Withdrawn,
        };
        if !case.stage.is_open() {
            match case.stage {
                Stage::Orphan => self.orphans.add(kind),
                s if s == stage => self.duplicates += 1,
                _ => self.out_of_order += 1,
            }
            return;
        }
        case.stage = stage;
        case.closed_seq = seq;
        let case = *case;
        self.closed_cases += 1;
        if let Some(key) = case.deadline {
            self.deadlines.remove(&key);
        }
        if case.overdue_open {
            self.overdue_open -= 1;
            self.for_chain(case.region, |s| s.overdue_open -= 1);
        }
        let overdue = stage == Stage::Completed && {
            // Elapsed working days: as reported, else from the two timestamps.
            let elapsed = elapsed_days.or_else(|| {
                let end = DateTime::from_timestamp(ts?, 0)?;
                let start = DateTime::from_timestamp(case.submitted_at?, 0)?;
                Some(f64::from(calendar.elapsed(start, end)))
            });
            let limit = limit_days.or(case.limit_days);
            matches!((elapsed, limit), (Some(e), Some(l)) if e > l)
        };
        match stage {
            Stage::Completed => self.completed += 1,
            Stage::Rejected => self.rejected += 1,
            _ => self.withdrawn += 1,
        }
        if overdue {
            self.overdue_completed += 1;
        }
        self.for_chain(case.region, |s| {
            match stage {
                Stage::Completed => s.completed += 1,
                Stage::Rejected => s.rejected += 1,
                _ => s.withdrawn += 1,
            }
            if overdue {
                s.overdue_completed += 1;
            }
        });
        self.forget_old_cases();
    }

    fn rate(&mut self, ts: Option<i64>, case_id: &str, rating: u8) {
        let region = match self.cases.get_mut(case_id) {
            Some(c) if c.rated => {
                self.duplicates += 1;
                return;
            }
            Some(c) => {
                c.rated = true;
                if c.stage == Stage::Orphan {
                    self.orphans.add(EventKind::Rated);
                }
                c.region
            }
            None => {
                // A rating of a case submitted before the stream began: a real rating,
                // of an unknown region. Remembered so that a second one is a duplicate.
                self.orphans.add(EventKind::Rated);
                self.seq += 1;
                let case = Case {
                    stage: Stage::Orphan,
                    rated: true,
                    closed_seq: self.seq,
                    ..Case::default()
                };
                self.cases.insert(case_id.to_string(), case);
                self.closed_cases += 1;
                None
            }
        };
        let idx = usize::from(rating.clamp(1, 5) - 1);
        self.ratings += 1;
        self.rating_counts[idx] += 1;
        let bad = is_bad_rating(rating);
        self.for_chain(region, |s| {
            s.ratings += 1;
            if rating >= 4 {
                s.good += 1;
            }
            if bad {
                s.bad += 1;
            }
        });
        if bad {
            self.reviews.bad += 1;
            self.reviews.open += 1;
            let at = ts.unwrap_or_else(|| self.now.timestamp());
            let deadline = self.calendar_deadline(at, f64::from(self.rectify_days));
            self.seq += 1;
            let key = (deadline, self.seq);
            self.review_deadlines.insert(key, case_id.to_string());
            self.open_reviews.insert(
                case_id.to_string(),
                Review {
                    region,
                    key,
                    followed_up: false,
                    overdue: false,
                },
            );
            self.advance(self.now);
        }
        self.forget_old_cases();
    }

    fn follow_up(&mut self, case_id: &str) {
        match self.open_reviews.get_mut(case_id) {
            Some(r) if r.followed_up => self.duplicates += 1,
            Some(r) => {
                r.followed_up = true;
                self.reviews.followed_up += 1;
            }
            None => self.orphan_review_event(EventKind::FollowedUp, case_id),
        }
    }

    fn rectify(&mut self, ts: Option<i64>, case_id: &str) {
        let Some(r) = self.open_reviews.remove(case_id) else {
            self.orphan_review_event(EventKind::Rectified, case_id);
            return;
        };
        self.review_deadlines.remove(&r.key);
        self.reviews.open -= 1;
        self.reviews.rectified += 1;
        if !r.followed_up {
            // Rectifying implies the agency was in touch.
            self.reviews.followed_up += 1;
        }
        // Late by the event's own time when it has one (a whole day's file is read at once,
        // long after the clock passed every deadline in it), else by the clock.
        let late = ts.map_or(r.overdue, |t| t > r.key.0);
        if late {
            self.reviews.rectified_late += 1;
        }
        if r.overdue {
            self.reviews.overdue -= 1;
            self.for_chain(r.region, |s| s.rectification_overdue -= 1);
        }
    }

    /// A follow-up event with no open 差评: of a review never seen (an orphan), or of one
    /// already rectified, or of a case that had no 差评 (out of order).
    fn orphan_review_event(&mut self, kind: EventKind, case_id: &str) {
        match self.cases.get(case_id) {
            Some(c) if c.stage != Stage::Orphan => self.out_of_order += 1,
            _ => self.orphans.add(kind),
        }
    }

    fn calendar_deadline(&self, at: i64, limit_days: f64) -> i64 {
        match DateTime::from_timestamp(at, 0) {
            Some(t) => self.calendar.deadline(t, limit_days).timestamp(),
            None => at,
        }
    }

    /// Move the clock: open cases whose limit has passed by `now` become overdue, and so do
    /// 差评 not rectified within their deadline.
    pub fn advance(&mut self, now: DateTime<Utc>) {
        self.now = now;
        let t = now.timestamp();
        while let Some(entry) = self.deadlines.first_entry() {
            if entry.key().0 >= t {
                break;
            }
            let case_id = entry.remove();
            let region = match self.cases.get_mut(&case_id) {
                Some(c) => {
                    c.deadline = None;
                    c.overdue_open = true;
                    c.region
                }
                None => continue,
            };
            self.overdue_open += 1;
            self.for_chain(region, |s| s.overdue_open += 1);
        }
        while let Some(entry) = self.review_deadlines.first_entry() {
            if entry.key().0 >= t {
                break;
            }
            let case_id = entry.remove();
            let Some(r) = self.open_reviews.get_mut(&case_id) else {
                continue;
            };
            r.overdue = true;
            let region = r.region;
            self.reviews.overdue += 1;
            self.for_chain(region, |s| s.rectification_overdue += 1);
        }
    }

    /// Keep memory bounded by open cases: when more than `CLOSED_KEEP` closed cases are
    /// remembered, forget the older half (amortised O(1) per closing).
    fn forget_old_cases(&mut self) {
        if self.closed_cases <= self.closed_keep {
            return;
        }
        let mut seqs: Vec<u64> = self
            .cases
            .values()
            .filter(|c| !c.stage.is_open())
            .map(|c| c.closed_seq)
            .collect();
        let mid = seqs.len() / 2;
        let (_, median, _) = seqs.select_nth_unstable(mid);
        let keep_after = *median;
        self.cases
            .retain(|_, c| c.stage.is_open() || c.closed_seq > keep_after);
        self.closed_cases = self.cases.values().filter(|c| !c.stage.is_open()).count();
    }

    /// Cases remembered (open, and closed ones kept for their ratings).
    pub fn cases_remembered(&self) -> usize {
        self.cases.len()
    }

    /// Index of the region a code names (cached: codes repeat millions of times).
    fn leaf(&mut self, code: &str) -> Option<usize> {
        if let Some(hit) = self.code_cache.get(code) {
            return *hit;
        }
        let found = self.regions.index_of(code);
        if self.code_cache.len() < CODE_CACHE_MAX {
            self.code_cache.insert(code.to_string(), found);
        }
        found
    }

    /// Update the region and every ancestor (or the unknown bucket).
    fn for_chain(&mut self, leaf: Option<usize>, mut f: impl FnMut(&mut RegionStats)) {
        let Some(mut i) = leaf else {
            f(self.region_stats.entry(UNKNOWN_REGION).or_default());
            return;
        };
        loop {
            f(self.region_stats.entry(i).or_default());
            match self.regions.by_index(i).parent {
                Some(p) => i = p,
                None => break,
            }
        }
    }

    /// Counters of one region (index in the region set, or `UNKNOWN_REGION`).
    pub fn region(&self, idx: usize) -> Option<&RegionStats> {
        self.region_stats.get(&idx)
    }

    /// Every region with data: (index, counters).
    pub fn regions_with_data(&self) -> impl Iterator<Item = (usize, &RegionStats)> {
        self.region_stats.iter().map(|(k, v)| (*k, v))
    }

    /// Submissions per minute for the `n` minutes ending at the latest minute seen.
    pub fn minutes(&self, n: usize) -> Vec<u64> {
        let Some((&last, _)) = self.per_minute.last_key_value() else {
            return vec![0; n];
        };
        let first = last - n as i64 + 1;
        (first..=last)
            .map(|m| self.per_minute.get(&m).copied().unwrap_or(0))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: &str, id: &str) -> Event {
        let case_id = id.to_string();
        match kind {
            "submitted" => Event::Submitted {
                ts: Some(0),
                case_id,
                item_code: None,
                region_code: Some("330102".into()),
                channel: None,
                limit_days: None,
            },
            "completed" => Event::Completed {
                ts: Some(0),
                case_id,
                limit_days: None,
                elapsed_days: None,
            },
            _ => Event::Rated {
                ts: Some(0),
                case_id,
                rating: 5,
            },
        }
    }

    #[test]
    fn memory_is_bounded_by_open_cases_plus_the_closed_window() {
        let now = DateTime::from_timestamp(0, 0).unwrap_or_default();
        let mut st = State::new(Regions::Builtin(RegionSet::china()), "t", now);
        st.closed_keep = 100;
        for i in 0..10_000 {
            st.apply(&ev("submitted", &format!("C{i}")));
            st.apply(&ev("completed", &format!("C{i}")));
        }
        st.apply(&ev("submitted", "OPEN"));
        assert!(
            st.cases_remembered() <= 101 + 1,
            "{}",
            st.cases_remembered()
        );
        assert_eq!(
            (st.submitted, st.completed, st.in_progress()),
            (10_001, 10_000, 1)
        );
        // A recent case is still known; an old one's rating is an orphan's.
        st.apply(&ev("rated", "C9999"));
        st.apply(&ev("rated", "C0"));
        assert_eq!(st.orphans.get(EventKind::Rated), 1);
        assert_eq!(st.ratings, 2);
    }
}
