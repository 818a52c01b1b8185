//! The one state struct the monitor shows: updated event by event (O(log n) each), read by
//! the render functions and by `--once -f json`.
//!
//! Definitions (issue 6): in progress = submitted − completed (open cases); overdue =
//! completed with `elapsed_days > limit_days`, plus open cases whose known limit has passed;
//! satisfaction rate = ratings of 4–5 ÷ all ratings; bad reviews = ratings of 1–2.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;

use super::parse::Malformed;
use super::probe::InterfaceHealth;
use crate::model::{Channel, Event, RegionSet};

/// Region key for events whose region code is not in the region set (or absent).
pub const UNKNOWN_REGION: usize = usize::MAX;
const KEEP_MALFORMED: usize = 200;
const KEEP_MINUTES: usize = 24 * 60;
const CODE_CACHE_MAX: usize = 200_000;

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
    pub completed: u64,
    pub overdue_completed: u64,
    pub overdue_open: u64,
    pub ratings: u64,
    pub good: u64,
    pub bad: u64,
}

impl RegionStats {
    pub fn in_progress(&self) -> u64 {
        self.submitted.saturating_sub(self.completed)
    }
    pub fn overdue(&self) -> u64 {
        self.overdue_completed + self.overdue_open
    }
    pub fn satisfaction(&self) -> Option<f64> {
        (self.ratings > 0).then(|| self.good as f64 / self.ratings as f64)
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Case {
    region: Option<usize>,
    limit_days: Option<f64>,
    submitted_at: Option<i64>,
    /// Key in `State::deadlines` while the case is open with a known limit.
    deadline: Option<(i64, u64)>,
    submitted: bool,
    completed: bool,
    overdue_open: bool,
}

pub struct State {
    pub regions: Regions,
    /// Where the events come from, for the title bar.
    pub source: String,
    pub submitted: u64,
    pub completed: u64,
    pub overdue_completed: u64,
    pub overdue_open: u64,
    /// Completed events for a case never seen submitted.
    pub completed_unseen: u64,
    pub ratings: u64,
    /// Ratings 1..=5 at index 0..=4.
    pub rating_counts: [u64; 5],
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
    region_stats: FxHashMap<usize, RegionStats>,
    code_cache: FxHashMap<String, Option<usize>>,
    cases: FxHashMap<String, Case>,
    deadlines: BTreeMap<(i64, u64), String>,
    seq: u64,
}

impl State {
    pub fn new(regions: Regions, source: impl Into<String>, now: DateTime<Utc>) -> Self {
        State {
            regions,
            source: source.into(),
            submitted: 0,
            completed: 0,
            overdue_completed: 0,
            overdue_open: 0,
            completed_unseen: 0,
            ratings: 0,
            rating_counts: [0; 5],
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
            region_stats: FxHashMap::default(),
            code_cache: FxHashMap::default(),
            cases: FxHashMap::default(),
            deadlines: BTreeMap::new(),
            seq: 0,
        }
    }

    pub fn in_progress(&self) -> u64 {
        self.submitted
            .saturating_sub(self.completed - self.completed_unseen)
    }
    pub fn overdue(&self) -> u64 {
        self.overdue_completed + self.overdue_open
    }
    pub fn good_ratings(&self) -> u64 {
        self.rating_counts[3] + self.rating_counts[4]
    }
    pub fn bad_ratings(&self) -> u64 {
        self.rating_counts[0] + self.rating_counts[1]
    }
    pub fn satisfaction(&self) -> Option<f64> {
        (self.ratings > 0).then(|| self.good_ratings() as f64 / self.ratings as f64)
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
            } => self.submit(ts, case_id, region_code.as_deref(), channel, *limit_days),
            Event::Completed {
                ts,
                case_id,
                limit_days,
                elapsed_days,
            } => self.complete(ts, case_id, *limit_days, *elapsed_days),
            Event::Rated {
                case_id, rating, ..
            } => self.rate(case_id, *rating),
        }
    }

    fn submit(
        &mut self,
        ts: &Option<String>,
        case_id: &str,
        region_code: Option<&str>,
        channel: &Option<String>,
        limit_days: Option<f64>,
    ) {
        if self.cases.get(case_id).is_some_and(|c| c.submitted) {
            self.duplicates += 1;
            return;
        }
        let at = ts
            .as_deref()
            .and_then(secs)
            .unwrap_or_else(|| self.now.timestamp());
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
        let case = self.cases.entry(case_id.to_string()).or_default();
        case.submitted = true;
        case.region = region;
        case.submitted_at = Some(at);
        case.limit_days = limit_days;
        if case.completed {
            // Completed arrived first (out of order): nothing is open any more.
            self.completed_unseen = self.completed_unseen.saturating_sub(1);
            let done = *case;
            self.for_chain(done.region, |s| s.completed += 1);
            return;
        }
        if let Some(limit) = limit_days {
            let deadline = at + (limit * 86_400.0) as i64;
            self.seq += 1;
            let key = (deadline, self.seq);
            case.deadline = Some(key);
            self.deadlines.insert(key, case_id.to_string());
            self.advance(self.now);
        }
    }

    fn complete(
        &mut self,
        ts: &Option<String>,
        case_id: &str,
        limit_days: Option<f64>,
        elapsed_days: Option<f64>,
    ) {
        let known = self.cases.contains_key(case_id);
        if !known {
            self.cases.insert(case_id.to_string(), Case::default());
        }
        let Some(case) = self.cases.get_mut(case_id) else {
            return;
        };
        if case.completed {
            self.duplicates += 1;
            return;
        }
        case.completed = true;
        let case = *case;
        self.completed += 1;
        if !known || !case.submitted {
            self.completed_unseen += 1;
        }
        if let Some(key) = case.deadline {
            self.deadlines.remove(&key);
        }
        if case.overdue_open {
            self.overdue_open -= 1;
            self.for_chain(case.region, |s| s.overdue_open -= 1);
        }
        // Elapsed time: as reported, else from the two timestamps.
        let elapsed = elapsed_days.or_else(|| {
            let end = ts.as_deref().and_then(secs)?;
            Some((end - case.submitted_at?) as f64 / 86_400.0)
        });
        let limit = limit_days.or(case.limit_days);
        let overdue = matches!((elapsed, limit), (Some(e), Some(l)) if e > l);
        if overdue {
            self.overdue_completed += 1;
        }
        if case.submitted {
            self.for_chain(case.region, |s| {
                s.completed += 1;
                if overdue {
                    s.overdue_completed += 1;
                }
            });
        }
    }

    fn rate(&mut self, case_id: &str, rating: u8) {
        let idx = usize::from(rating.clamp(1, 5) - 1);
        self.ratings += 1;
        self.rating_counts[idx] += 1;
        let region = self.cases.get(case_id).and_then(|c| c.region);
        self.for_chain(region, |s| {
            s.ratings += 1;
            if rating >= 4 {
                s.good += 1;
            }
            if rating <= 2 {
                s.bad += 1;
            }
        });
    }

    /// Move the clock: open cases whose limit has passed by `now` become overdue.
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

fn secs(ts: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(ts)
        .ok()
        .map(|t| t.timestamp())
}
