//! The case lifecycle: orphans, working-day limits around holidays and 调休, 好差评 levels
//! and the follow-up of 差评 — hand-computed tables, and property tests over random streams
//! whose invariants are what an operator relies on when the figures are read together.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};
use govops::model::{EventKind, RegionSet};
use govops::monitor::ingest::{Feeder, Hub};
use govops::monitor::state::{Regions, State, UNKNOWN_REGION};
use proptest::prelude::*;

fn state_after(lines: &str, now: DateTime<Utc>) -> State {
    let hub = Hub::new(
        State::new(Regions::Builtin(RegionSet::china()), "test", now),
        Box::new(|| {}),
    );
    let mut feeder = Feeder::default();
    feeder.push(lines.as_bytes(), &hub);
    feeder.finish(&hub);
    let mut st = hub.into_state();
    st.advance(now);
    st
}

fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn line(ts: DateTime<Utc>, kind: &str, id: &str, extra: &str) -> String {
    format!(
        "{{\"ts\":\"{}\",\"type\":\"{kind}\",\"case_id\":\"{id}\"{extra}}}\n",
        ts.to_rfc3339()
    )
}

/// Issue 16's table: elapsed working days come from the two timestamps (Asia/Shanghai
/// dates, the day of submission not counted), around National Day 2025 (1–8 October off,
/// Sunday 28 September and Saturday 11 October worked).
#[test]
fn overdue_around_national_day_matches_the_hand_computed_table() {
    // (submitted, completed, limit, late?) — hours in UTC, 10:00 in Beijing.
    let table = [
        // Tue 30 Sep → Fri 10 Oct: 9 and 10 October are working days 1 and 2 (≤ 3).
        (utc(2025, 9, 30, 2), utc(2025, 10, 10, 2), 3, false),
        // Fri 26 Sep → Tue 30 Sep: Sun 28 (调休), Mon 29, Tue 30 = 3 (> 2).
        (utc(2025, 9, 26, 2), utc(2025, 9, 30, 2), 2, true),
        // Fri 26 Sep → Tue 30 Sep with 3 days: exactly on the limit.
        (utc(2025, 9, 26, 2), utc(2025, 9, 30, 2), 3, false),
        // Thu 9 Oct → Mon 13 Oct: Fri 10, Sat 11 (调休), Mon 13 = 3 (> 2).
        (utc(2025, 10, 9, 2), utc(2025, 10, 13, 2), 2, true),
        // Spring Festival 2025 (28 Jan – 4 Feb off; Sun 26 Jan and Sat 8 Feb worked):
        // Mon 27 Jan → Wed 5 Feb: only 5 Feb counts.
        (utc(2025, 1, 27, 2), utc(2025, 2, 5, 2), 1, false),
        // Fri 24 Jan → Mon 27 Jan: Sun 26 (调休) and Mon 27 = 2 (> 1).
        (utc(2025, 1, 24, 2), utc(2025, 1, 27, 2), 1, true),
    ];
    for (i, (sub, done, limit, late)) in table.into_iter().enumerate() {
        let id = format!("C{i}");
        let text = line(sub, "submitted", &id, &format!(",\"limit_days\":{limit}"))
            + &line(done, "completed", &id, "");
        let st = state_after(&text, utc(2025, 12, 31, 0));
        assert_eq!(
            st.overdue_completed,
            u64::from(late),
            "case {i}: {sub} → {done}, {limit} working days"
        );
        assert_eq!((st.completed, st.in_progress()), (1, 0));
    }
}

/// An open case becomes overdue when its last working day has ended in Beijing, not after
/// `limit × 24 h`.
#[test]
fn open_cases_become_overdue_at_the_end_of_their_last_working_day() {
    // Submitted Tue 30 Sep 2025 with 3 working days: 9, 10 and 11 October (a 调休 Saturday).
    let text = line(utc(2025, 9, 30, 2), "submitted", "A", ",\"limit_days\":3");
    // 23:59 Beijing on Sat 11 Oct is 15:59 UTC: not yet. Midnight is 16:00 UTC.
    let before = Utc.with_ymd_and_hms(2025, 10, 11, 15, 59, 0).unwrap();
    assert_eq!(state_after(&text, before).overdue_open, 0);
    let after = Utc.with_ymd_and_hms(2025, 10, 11, 16, 0, 1).unwrap();
    assert_eq!(state_after(&text, after).overdue_open, 1);
}

#[test]
fn a_stream_picked_up_mid_day_shows_orphans_and_its_figures_still_add_up() {
    let t = utc(2026, 11, 30, 1);
    let text = [
        // Cases submitted yesterday, before the stream began.
        line(t, "accepted", "OLD-1", ""),
        line(t, "completed", "OLD-2", ""),
        line(t, "withdrawn", "OLD-3", ""),
        line(t, "rated", "OLD-2", ",\"level\":\"满意\""),
        line(t, "rectified", "OLD-4", ""),
        // Today's cases.
        line(t, "submitted", "NEW-1", ",\"region_code\":\"330102\""),
        line(t, "accepted", "NEW-1", ""),
        line(t, "completed", "NEW-1", ""),
        line(t, "submitted", "NEW-2", ",\"region_code\":\"440305\""),
        line(t, "rejected", "NEW-2", ""),
        line(t, "submitted", "NEW-3", ",\"region_code\":\"330106\""),
    ]
    .concat();
    let st = state_after(&text, t);
    assert_eq!(st.orphans.get(EventKind::Accepted), 1);
    assert_eq!(st.orphans.get(EventKind::Completed), 1);
    assert_eq!(st.orphans.get(EventKind::Withdrawn), 1);
    assert_eq!(st.orphans.get(EventKind::Rated), 1);
    assert_eq!(st.orphans.get(EventKind::Rectified), 1);
    assert_eq!(st.orphans.total(), 5);
    // Orphans never count as completions: 3 submitted, 1 completed, 1 rejected, 1 open.
    assert_eq!(
        (
            st.submitted,
            st.completed,
            st.rejected,
            st.withdrawn,
            st.in_progress()
        ),
        (3, 1, 1, 0, 1)
    );
    // The orphan's rating is still a citizen's rating (of an unknown region).
    assert_eq!(st.ratings, 1);
    assert_eq!(st.region(UNKNOWN_REGION).map(|r| r.ratings), Some(1));
}

#[test]
fn bad_ratings_are_followed_up_and_rectified_within_fifteen_working_days() {
    let rated = utc(2025, 9, 30, 2); // Tue 30 Sep 2025, before National Day
    let mut text = String::new();
    for (id, level) in [
        ("A", "非常不满意"),
        ("B", "不满意"),
        ("C", "dissatisfied"),
        ("D", "基本满意"),
    ] {
        text += &line(rated, "submitted", id, ",\"region_code\":\"510104\"");
        text += &line(rated, "completed", id, "");
        text += &line(rated, "rated", id, &format!(",\"level\":\"{level}\""));
    }
    // A is followed up and rectified in time, B only followed up, C rectified late.
    text += &line(utc(2025, 10, 9, 2), "followed_up", "A", "");
    text += &line(utc(2025, 10, 10, 2), "rectified", "A", "");
    text += &line(utc(2025, 10, 9, 2), "followed_up", "B", "");
    text += &line(utc(2025, 11, 5, 2), "rectified", "C", "");
    // 15 working days from 30 Sep: 9, 10, 11 (调休), 13–17, 20–24, 27, 28 October. On the 28th
    // nothing is overdue yet; from the 29th B is.
    let on_28 = Utc.with_ymd_and_hms(2025, 10, 28, 15, 0, 0).unwrap();
    let st = state_after(&text, on_28);
    assert_eq!(st.reviews.bad, 3, "基本满意 is not a 差评");
    assert_eq!(st.bad_ratings(), 3);
    assert_eq!(st.reviews.overdue, 0);
    let on_29 = utc(2025, 10, 29, 2);
    // C's rectification on 5 November is read with the rest of the stream: judge at 4 Nov.
    let lines_until_4_nov: String = text
        .lines()
        .filter(|l| !l.contains("2025-11-05"))
        .map(|l| format!("{l}\n"))
        .collect();
    let st = state_after(&lines_until_4_nov, on_29);
    assert_eq!(
        (
            st.reviews.followed_up,
            st.reviews.rectified,
            st.reviews.open,
            st.reviews.overdue
        ),
        (2, 1, 2, 2),
        "B and C are past 28 October without rectification"
    );
    let st = state_after(&text, utc(2025, 11, 6, 2));
    assert_eq!(
        (
            st.reviews.rectified,
            st.reviews.rectified_late,
            st.reviews.overdue
        ),
        (2, 1, 1),
        "C was rectified late, B still is not"
    );
    let county = RegionSet::china().index_of("510104").unwrap();
    assert_eq!(st.region(county).map(|r| r.rectification_overdue), Some(1));
}

#[test]
fn levels_and_numbers_are_the_same_rating_and_must_agree() {
    let t = utc(2026, 11, 30, 1);
    let text = [
        line(t, "submitted", "A", ""),
        line(t, "rated", "A", ",\"rating\":4,\"level\":\"满意\""),
        line(t, "submitted", "B", ""),
        line(t, "rated", "B", ",\"rating\":5,\"level\":\"不满意\""),
        line(t, "rated", "B", ",\"level\":\"还行\""),
        line(t, "rated", "B", ""),
    ]
    .concat();
    let st = state_after(&text, t);
    assert_eq!(st.rating_counts, [0, 0, 0, 1, 0]);
    let reasons: Vec<(&str, &str)> = st
        .malformed
        .iter()
        .map(|m| (m.field.as_deref().unwrap_or(""), m.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons[0].1.contains("disagree"), "{reasons:?}");
    assert!(
        reasons[1].0 == "level" && reasons[1].1.contains("非常满意"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].1.contains("missing field `rating`"),
        "{reasons:?}"
    );
}

#[test]
fn malformed_lines_are_explained_in_words_with_their_field() {
    let text = concat!(
        "{\"type\":\"rated\",\"case_id\":\"C1\",\"rating\":\"5\"}\n",
        "{\"type\":\"completed\",\"case_id\":7}\n",
        "{\"type\":\"completed\",\"case_id\":\"C1\",\"elapsed_days\":\"soon\"}\n",
        "[1,2,3]\n",
        "{\"type\":\"submitted\",\"case_id\":\"C1\",\"ts\":\"yesterday\"}\n",
        "{\"type\":\"submitted\",\"case_id\":\"C1\",\n",
        "{\"type\":\"approved\",\"case_id\":\"C1\"}\n",
    );
    let st = state_after(text, utc(2026, 11, 30, 1));
    let got: Vec<(u64, Option<&str>, &str)> = st
        .malformed
        .iter()
        .map(|m| (m.line, m.field.as_deref(), m.reason.as_str()))
        .collect();
    let want_fields = [
        Some("rating"),
        Some("case_id"),
        Some("elapsed_days"),
        None,
        Some("ts"),
        None,
        Some("type"),
    ];
    assert_eq!(got.len(), want_fields.len(), "{got:?}");
    for (i, (line, field, reason)) in got.iter().enumerate() {
        assert_eq!(*line, i as u64 + 1);
        assert_eq!(*field, want_fields[i], "line {line}: {reason}");
        // Words an operator reads, not Rust's type names.
        for rust in ["invalid type", "struct", "i64", "f64", "Cow", "Raw"] {
            assert!(!reason.contains(rust), "line {line}: {reason}");
        }
    }
    assert!(got[0].2.contains("expected a whole number") && got[0].2.contains("the text \"5\""));
    assert!(got[1].2.contains("expected text, found the number 7"));
    assert!(got[3].2.contains("expected a JSON object"));
    assert!(got[5].2.starts_with("not JSON"));
    assert!(got[6].2.contains("accepted") && got[6].2.contains("\"approved\""));
}

// ---- property tests ----

const REGIONS: [Option<&str>; 5] = [
    Some("330102"),
    Some("330106"),
    Some("440305"),
    Some("99"),
    None,
];

#[derive(Debug, Clone)]
struct Ev {
    kind: EventKind,
    case: u8,
    region: usize,
    limit: Option<u8>,
    day: u8,
    rating: u8,
}

fn ev() -> impl Strategy<Value = Ev> {
    (
        prop::sample::select(EventKind::ALL.to_vec()),
        0u8..12,
        0usize..REGIONS.len(),
        prop::option::of(0u8..6),
        0u8..40,
        1u8..=5,
    )
        .prop_map(|(kind, case, region, limit, day, rating)| Ev {
            kind,
            case,
            region,
            limit,
            day,
            rating,
        })
}

fn to_line(e: &Ev) -> String {
    let ts = utc(2025, 9, 20, 2) + chrono::Duration::days(i64::from(e.day));
    let id = format!("P{}", e.case);
    let mut extra = String::new();
    match e.kind {
        EventKind::Submitted => {
            if let Some(r) = REGIONS[e.region] {
                extra += &format!(",\"region_code\":\"{r}\"");
            }
            if let Some(l) = e.limit {
                extra += &format!(",\"limit_days\":{l}");
            }
        }
        EventKind::Completed => {
            if let Some(l) = e.limit {
                extra += &format!(",\"limit_days\":{l}");
            }
        }
        EventKind::Rated => extra += &format!(",\"rating\":{}", e.rating),
        _ => {}
    }
    line(ts, e.kind.as_str(), &id, &extra)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn figures_add_up_on_any_stream(events in prop::collection::vec(ev(), 0..120)) {
        let text: String = events.iter().map(to_line).collect();
        let st = state_after(&text, utc(2025, 12, 1, 0));
        prop_assert_eq!(st.malformed_lines, 0);

        // open = submitted − closed.
        prop_assert_eq!(
            st.in_progress() + st.completed + st.rejected + st.withdrawn,
            st.submitted
        );
        // A reference model of the lifecycle: which cases were seen submitted, which closed.
        let mut stage: HashMap<u8, &str> = HashMap::new();
        let mut orphans = 0u64;
        let mut limited: HashMap<u8, bool> = HashMap::new();
        for e in &events {
            let s = stage.get(&e.case).copied();
            match e.kind {
                EventKind::Submitted if s.is_none() => {
                    stage.insert(e.case, "open");
                    limited.insert(e.case, e.limit.is_some());
                }
                EventKind::Submitted => {}
                EventKind::Accepted | EventKind::Completed | EventKind::Rejected
                | EventKind::Withdrawn => {
                    if s.is_none() || s == Some("orphan") {
                        orphans += 1;
                    } else if s == Some("open") && e.kind != EventKind::Accepted {
                        stage.insert(e.case, "closed");
                        if e.kind == EventKind::Completed && e.limit.is_some() {
                            limited.insert(e.case, true);
                        }
                    }
                }
                EventKind::Rated => {
                    if s.is_none() {
                        stage.insert(e.case, "orphan");
                        orphans += 1;
                    }
                }
                EventKind::FollowedUp | EventKind::Rectified => {}
            }
        }
        let open = stage.values().filter(|s| **s == "open").count() as u64;
        prop_assert_eq!(st.in_progress(), open);
        let submitted = stage.values().filter(|s| **s != "orphan").count() as u64;
        prop_assert_eq!(st.submitted, submitted);
        let case_orphans: u64 = [EventKind::Accepted, EventKind::Completed, EventKind::Rejected,
            EventKind::Withdrawn, EventKind::Rated]
            .iter()
            .map(|k| st.orphans.get(*k))
            .sum();
        prop_assert_eq!(case_orphans, orphans);

        // Overdue never exceeds the cases that have a limit.
        let with_limit = limited.values().filter(|l| **l).count() as u64;
        prop_assert!(st.overdue() <= with_limit, "{} > {}", st.overdue(), with_limit);

        // Every region's counters sum to the totals (top levels plus the unknown bucket).
        let set = RegionSet::china();
        let mut sum = govops::monitor::state::RegionStats::default();
        for (idx, r) in st.regions_with_data() {
            if idx == UNKNOWN_REGION || set.by_index(idx).parent.is_none() {
                sum.submitted += r.submitted;
                sum.accepted += r.accepted;
                sum.completed += r.completed;
                sum.rejected += r.rejected;
                sum.withdrawn += r.withdrawn;
                sum.overdue_completed += r.overdue_completed;
                sum.overdue_open += r.overdue_open;
                sum.ratings += r.ratings;
                sum.bad += r.bad;
                sum.rectification_overdue += r.rectification_overdue;
            }
        }
        prop_assert_eq!(
            (sum.submitted, sum.accepted, sum.completed, sum.rejected, sum.withdrawn),
            (st.submitted, st.accepted, st.completed, st.rejected, st.withdrawn)
        );
        prop_assert_eq!(
            (sum.overdue_completed, sum.overdue_open, sum.ratings, sum.bad),
            (st.overdue_completed, st.overdue_open, st.ratings, st.bad_ratings())
        );
        prop_assert_eq!(sum.rectification_overdue, st.reviews.overdue);

        // 差评 bookkeeping: every one is open or rectified; overdue ones are open ones.
        prop_assert_eq!(st.reviews.bad, st.bad_ratings());
        prop_assert_eq!(st.reviews.open + st.reviews.rectified, st.reviews.bad);
        prop_assert!(st.reviews.overdue <= st.reviews.open);
        prop_assert!(st.reviews.followed_up >= st.reviews.rectified);
        prop_assert_eq!(st.rating_counts.iter().sum::<u64>(), st.ratings);
    }
}
