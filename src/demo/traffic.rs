//! The demo's traffic simulator: realistic submissions, completions and ratings on real
//! regions (six provinces, down to townships), fed through the same parser as a real file.
//! Deterministic (fixed seed) for the backlog, so `--once` on the demo is reproducible.

use std::collections::VecDeque;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::model::{Level, RegionSet};
use crate::monitor::ingest::{Feeder, Hub};

/// Zhejiang, Guangdong, Sichuan, Henan, Gansu, Beijing: coast, centre and west.
const PROVINCES: [&str; 6] = ["33", "44", "51", "41", "62", "11"];
const CHANNELS: [(&str, u32); 6] = [
    ("wechat", 28),
    ("web", 20),
    ("hall", 18),
    ("alipay", 14),
    ("app", 14),
    ("hotline", 6),
];
/// Item codes with their statutory limit (working days).
const ITEMS: [(&str, f64); 8] = [
    ("330000-XK-0101", 20.0),
    ("330000-GG-0203", 5.0),
    ("330000-QR-0311", 10.0),
    ("330000-JF-0412", 15.0),
    ("330000-XK-0522", 30.0),
    ("330000-GG-0616", 1.0),
    ("330000-QT-0707", 10.0),
    ("330000-XK-0830", 20.0),
];
const BACKLOG_MINUTES: i64 = 30;

pub struct Sim {
    rng: ChaCha8Rng,
    places: Vec<&'static str>,
    /// Open cases, oldest first: (id, limit, accepted).
    open: VecDeque<(String, f64, bool)>,
    /// 差评 waiting for follow-up and rectification: (id, followed up).
    reviews: VecDeque<(String, bool)>,
    next: u64,
}

impl Default for Sim {
    fn default() -> Self {
        Self::new()
    }
}

impl Sim {
    pub fn new() -> Self {
        let set: &'static RegionSet = RegionSet::china();
        // Counties and townships of the chosen provinces (codes are prefix-nested).
        let places: Vec<&'static str> = set
            .iter()
            .filter(|r| matches!(r.level, Level::County | Level::Township))
            .filter(|r| PROVINCES.iter().any(|p| r.code.starts_with(p)))
            .map(|r| r.code.as_str())
            .collect();
        Sim {
            rng: ChaCha8Rng::seed_from_u64(2026),
            places,
            open: VecDeque::new(),
            reviews: VecDeque::new(),
            next: 1,
        }
    }

    fn pick<T: Copy>(&mut self, weighted: &[(T, u32)]) -> T {
        let total: u32 = weighted.iter().map(|w| w.1).sum();
        let mut x = self.rng.random_range(0..total.max(1));
        for &(v, w) in weighted {
            if x < w {
                return v;
            }
            x -= w;
        }
        weighted[0].0
    }

    /// One submission at `t` (unix seconds), as a JSON line.
    pub fn submit(&mut self, t: i64) -> String {
        let id = format!("DEMO-{:07}", self.next);
        self.next += 1;
        let region = if self.places.is_empty() {
            "330102"
        } else {
            self.places[self.rng.random_range(0..self.places.len())]
        };
        let channel = self.pick(&CHANNELS);
        let (item, limit) = ITEMS[self.rng.random_range(0..ITEMS.len())];
        self.open.push_back((id.clone(), limit, false));
        serde_json::json!({
            "ts": ts(t), "type": "submitted", "case_id": id, "item_code": item,
            "region_code": region, "channel": channel, "limit_days": limit,
        })
        .to_string()
    }

    /// 受理 of a few cases still waiting for it.
    fn accept(&mut self, t: i64) -> Vec<String> {
        let mut out = Vec::new();
        for case in self.open.iter_mut().rev().take(6) {
            if !case.2 {
                case.2 = true;
                out.push(
                    serde_json::json!({"ts": ts(t), "type": "accepted", "case_id": case.0})
                        .to_string(),
                );
            }
        }
        out
    }

    /// Close the oldest open case at `t` — mostly 办结, sometimes 不予受理 or 撤回 — and
    /// perhaps rate it (as `rating` or as the level's name): JSON lines.
    pub fn complete(&mut self, t: i64) -> Vec<String> {
        let Some((id, limit, _)) = self.open.pop_front() else {
            return Vec::new();
        };
        let how = self.pick(&[("completed", 94), ("rejected", 4), ("withdrawn", 2)]);
        if how != "completed" {
            return vec![serde_json::json!({"ts": ts(t), "type": how, "case_id": id}).to_string()];
        }
        // Mostly well inside the limit; some run late.
        let late = if id.ends_with('3') { 0.12 } else { 0.03 };
        let elapsed = if self.rng.random_bool(late) {
            limit + self.rng.random_range(1..=6) as f64
        } else {
            (limit * self.rng.random_range(0.05..0.95)).floor()
        };
        let mut out = vec![serde_json::json!({
            "ts": ts(t), "type": "completed", "case_id": id,
            "limit_days": limit, "elapsed_days": elapsed,
        })
        .to_string()];
        if self.rng.random_bool(0.6) {
            let rating = self.pick(&[(5u8, 75), (4, 17), (3, 4), (2, 2), (1, 2)]);
            let rating = if elapsed > limit && rating > 2 {
                rating - 2
            } else {
                rating
            };
            let line = if self.rng.random_bool(0.5) {
                serde_json::json!({"ts": ts(t), "type": "rated", "case_id": id, "rating": rating})
            } else {
                let level = crate::model::RATING_LEVELS[usize::from(5 - rating)].1;
                serde_json::json!({"ts": ts(t), "type": "rated", "case_id": id, "level": level})
            };
            out.push(line.to_string());
            if crate::model::is_bad_rating(rating) {
                self.reviews.push_back((id, false));
            }
        }
        out
    }

    /// 回访 and 整改 of the oldest 差评 (most, not all, are handled within the demo's hour).
    fn follow_up(&mut self, t: i64) -> Vec<String> {
        if self.reviews.len() < 4 || !self.rng.random_bool(0.05) {
            return Vec::new();
        }
        let Some((id, followed)) = self.reviews.pop_front() else {
            return Vec::new();
        };
        if !followed {
            self.reviews.push_back((id.clone(), true));
            return vec![
                serde_json::json!({"ts": ts(t), "type": "followed_up", "case_id": id}).to_string(),
            ];
        }
        vec![serde_json::json!({"ts": ts(t), "type": "rectified", "case_id": id}).to_string()]
    }

    /// Traffic of one second at `t`: a few submissions, acceptances, closings, follow-ups.
    pub fn second(&mut self, t: i64) -> Vec<String> {
        let mut out = Vec::new();
        let arrivals = self.rng.random_range(0..=3);
        for _ in 0..arrivals {
            out.push(self.submit(t));
        }
        if self.rng.random_bool(0.3) {
            out.extend(self.accept(t));
        }
        // Cases take a while: work in progress builds up to a few hundred, then cases close
        // about as fast as they arrive, so every figure keeps moving.
        let closings = if self.open.len() > 300 {
            self.rng.random_range(1..=3)
        } else {
            usize::from(self.rng.random_bool(0.3))
        };
        for _ in 0..closings {
            out.extend(self.complete(t));
        }
        out.extend(self.follow_up(t));
        out
    }
}

fn ts(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn feed(lines: &[String], feeder: &mut Feeder, hub: &Hub) {
    let mut bytes = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for l in lines {
        bytes.extend_from_slice(l.as_bytes());
        bytes.push(b'\n');
    }
    feeder.push(&bytes, hub);
}

/// What a stream picked up mid-day starts with: the end of cases submitted before it began
/// (orphans), and 差评 given weeks ago and still not rectified.
fn day_before(end: i64) -> Vec<String> {
    let weeks_ago = ts(end - 30 * 86_400);
    vec![
        r#"{"type":"completed","case_id":"DEMO-EARLIER-01"}"#.to_string(),
        r#"{"type":"accepted","case_id":"DEMO-EARLIER-02"}"#.to_string(),
        serde_json::json!({"ts": weeks_ago, "type": "rated", "case_id": "DEMO-EARLIER-03", "level": "非常不满意"}).to_string(),
        serde_json::json!({"ts": weeks_ago, "type": "rated", "case_id": "DEMO-EARLIER-04", "rating": 2}).to_string(),
        r#"{"type":"followed_up","case_id":"DEMO-EARLIER-04"}"#.to_string(),
    ]
}

/// The last half hour of traffic before `now`, plus two hostile lines that the screen must
/// count and show without being garbled. Returns the simulator, to continue live.
fn replay(hub: &Hub, now: DateTime<Utc>) -> (Sim, Feeder) {
    let mut sim = Sim::new();
    let mut feeder = Feeder::default();
    let end = now.timestamp();
    let mut lines = day_before(end);
    for t in (end - BACKLOG_MINUTES * 60)..end {
        lines.extend(sim.second(t));
        if t == end - 600 {
            lines.push(r#"{"type":"rated","case_id":"DEMO-0000001","rating":7}"#.to_string());
            lines.push(
                r#"{"type":"submitted","case_id":"X","region_code":"\u001b[2J\u001b]0;pwned\u0007"}"#
                    .to_string(),
            );
        }
    }
    feed(&lines, &mut feeder, hub);
    (sim, feeder)
}

/// The backlog alone (`--once`).
pub fn backlog(hub: &Hub, now: DateTime<Utc>) {
    replay(hub, now);
}

/// The backlog, then live traffic that continues it (the same open cases close) until the
/// hub stops.
pub fn run(hub: &Hub) {
    let (mut sim, mut feeder) = replay(hub, Utc::now());
    sim.rng = ChaCha8Rng::seed_from_u64(Utc::now().timestamp() as u64);
    while !hub.stopped() {
        if !hub.paused() {
            let lines = sim.second(Utc::now().timestamp());
            feed(&lines, &mut feeder, hub);
        }
        hub.sleep(Duration::from_secs(1));
    }
}
