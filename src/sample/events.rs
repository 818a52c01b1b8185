//! `events.jsonl`: a day of cases on the platform (submitted, completed, rated) in time
//! order, some overdue, with a couple of malformed lines for `monitor` to count.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use rand::Rng;

use super::plan::{richness, Plan, AS_OF};
use crate::error::Result;
use crate::model::{Level, RegionSet};

pub struct Written {
    pub lines: u64,
    pub malformed: Vec<u64>,
}

const CHANNELS: &[(&str, f64)] = &[
    ("web", 0.2),
    ("app", 0.2),
    ("wechat", 0.2),
    ("alipay", 0.12),
    ("mini_program", 0.1),
    ("hall", 0.14),
    ("hotline", 0.04),
];

pub fn write(plan: &Plan, path: &Path) -> Result<Written> {
    let set = RegionSet::china();
    let mut rng = plan.rng(5, 0);
    let places: Vec<_> = plan
        .regions
        .iter()
        .map(|&i| set.by_index(i))
        .filter(|r| matches!(r.level, Level::County | Level::Township))
        .collect();
    let county = plan.required(Level::County);
    let township = plan.required(Level::Township);
    let start = NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d")
        .unwrap_or_default()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    // (second of the day, order within a case, the line's fields after "ts").
    let mut events: Vec<(i64, u64, String)> = Vec::new();
    let day = 86_400.0;
    for case in 0..plan.rates.cases {
        if places.is_empty() || county.is_empty() {
            break;
        }
        let r = places[rng.random_range(0..places.len())];
        let items = if r.level == Level::Township && !township.is_empty() {
            &township
        } else {
            &county
        };
        let item = items[rng.random_range(0..items.len())];
        let rich = richness(r.group.as_deref(), &r.code);
        // Office hours, busiest mid-morning.
        let t0 =
            (8.0 + rng.random_range(0.0f64..10.0) * rng.random_range(0.5f64..1.0)) / 24.0 * day;
        let channel = if rng.random_bool(0.35 * (1.0 - rich) + 0.05) {
            "hall"
        } else {
            let mut x: f64 = rng.random_range(0.0..1.0);
            CHANNELS
                .iter()
                .find(|(_, w)| {
                    x -= w;
                    x < 0.0
                })
                .map(|c| c.0)
                .unwrap_or("web")
        };
        let id = format!("C{:08}", case + 1);
        let limit = item.legal_days.max(1) as f64;
        let code = r.code.clone();
        events.push((t0 as i64, 0, format!(r#""type":"submitted","case_id":"{id}","item_code":"{}","region_code":"{code}","channel":"{channel}"}}"#, item.code)));
        if rng.random_bool(0.85) {
            let overdue = rng.random_bool(0.03 + 0.06 * (1.0 - rich));
            let elapsed = if overdue {
                limit + rng.random_range(1.0..10.0)
            } else {
                limit * rng.random_range(0.0..0.9)
            };
            let elapsed = (elapsed * 10.0).round() / 10.0;
            // Completions are reported the same day: the stream covers one day.
            let t1 = t0 + rng.random_range(600.0..(day - t0).max(700.0));
            events.push((t1 as i64, 1, format!(r#""type":"completed","case_id":"{id}","limit_days":{limit},"elapsed_days":{elapsed}}}"#)));
            if rng.random_bool(0.6) {
                let x: f64 = rng.random_range(0.0..1.0) - 0.08 * rich;
                let rating = if x < 0.7 {
                    5
                } else if x < 0.88 {
                    4
                } else if x < 0.94 {
                    3
                } else if x < 0.97 {
                    2
                } else {
                    1
                };
                let rating = if overdue && rating > 2 && rng.random_bool(0.5) {
                    2
                } else {
                    rating
                };
                let t2 = t1 + rng.random_range(60.0..3600.0);
                events.push((
                    t2 as i64,
                    2,
                    format!(r#""type":"rated","case_id":"{id}","rating":{rating}}}"#),
                ));
            }
        }
    }
    events.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    let mut body = String::with_capacity(events.len() * 140);
    let mut malformed = Vec::new();
    let mut line = 0u64;
    let at = [events.len() / 3, events.len() * 5 / 6];
    for (k, (t, _, text)) in events.iter().enumerate() {
        if at.contains(&k) {
            line += 1;
            malformed.push(line);
            body.push_str(if k == at[0] {
                "{\"ts\":\"2026-11-28T10:15:03Z\",\"type\":\"submitted\",\"case_id\":\"C\n"
            } else {
                "rating=5 case_id=C00000042 (written by a legacy gateway)\n"
            });
        }
        let ts = (start + Duration::seconds((*t).min(86_399)))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        line += 1;
        body.push_str(&format!("{{\"ts\":\"{ts}\",{text}"));
        body.push('\n');
    }
    crate::report::output::write_atomic(path, body.as_bytes())?;
    Ok(Written {
        lines: line,
        malformed,
    })
}
