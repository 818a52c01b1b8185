//! Ingestion: exact counts, overdue (completed and open), ratings, malformed and hostile
//! lines, partial lines, truncation and rotation of a followed file, and an HTTP source
//! polled over real loopback with and without `Range` support.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone, Utc};
use govops::model::RegionSet;
use govops::monitor::follow::Follower;
use govops::monitor::ingest::Hub;
use govops::monitor::source::{self, EventSource};
use govops::monitor::state::{Regions, State};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 8, 0, 0).unwrap()
}

fn hub_at(now: DateTime<Utc>) -> Hub {
    Hub::new(
        State::new(Regions::Builtin(RegionSet::china()), "test", now),
        Box::new(|| {}),
    )
}

fn append(path: &Path, text: &str) {
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

fn sub(id: &str, region: &str, channel: &str, minute: u32) -> String {
    format!(
        "{{\"ts\":\"2026-11-29T08:{minute:02}:00Z\",\"type\":\"submitted\",\"case_id\":\"{id}\",\"item_code\":\"I1\",\"region_code\":\"{region}\",\"channel\":\"{channel}\"}}\n"
    )
}

/// A generated stream with known truth: 1,000 submissions over 6 channels and 4 counties,
/// 700 completions of which every 10th is past its limit, 500 ratings cycling 1..=5.
#[test]
fn exact_counts_from_a_generated_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.jsonl");
    let channels = ["web", "app", "wechat", "alipay", "hall", "hotline"];
    let counties = ["330102", "330106", "440305", "620102"];
    let mut text = String::new();
    for i in 0..1000 {
        text.push_str(&sub(
            &format!("C{i}"),
            counties[i % 4],
            channels[i % 6],
            (i / 100) as u32,
        ));
    }
    for i in 0..700 {
        let elapsed = if i % 10 == 0 { 25 } else { 3 };
        text.push_str(&format!(
            "{{\"type\":\"completed\",\"case_id\":\"C{i}\",\"limit_days\":20,\"elapsed_days\":{elapsed}}}\n"
        ));
    }
    for i in 0..500 {
        text.push_str(&format!(
            "{{\"type\":\"rated\",\"case_id\":\"C{i}\",\"rating\":{}}}\n",
            i % 5 + 1
        ));
    }
    std::fs::write(&path, &text).unwrap();
    let hub = hub_at(t0());
    let mut f = Follower::open(&path).unwrap();
    f.drain(&hub);
    f.finish(&hub);
    let st = hub.into_state();
    assert_eq!(
        (st.submitted, st.completed, st.in_progress()),
        (1000, 700, 300)
    );
    assert_eq!(st.overdue(), 70);
    assert_eq!(st.ratings, 500);
    assert_eq!(st.good_ratings(), 200);
    assert_eq!(st.bad_ratings(), 200);
    assert_eq!(st.satisfaction(), Some(0.4));
    assert_eq!(st.malformed_lines, 0);
    assert_eq!(st.lines, 2200);
    for c in channels {
        let want = (0..1000).filter(|i| channels[i % 6] == c).count() as u64;
        assert_eq!(st.channels[c], want, "channel {c}");
    }
    // web, app, wechat, alipay online; hall and hotline not: 4 of 6 channels.
    let online = st.online_share().unwrap();
    assert!((online - 668.0 / 1000.0).abs() < 1e-9, "{online}"); // 4 × 167
                                                                 // Regions aggregate up the hierarchy: Zhejiang (33) has two of the four counties.
    let set = RegionSet::china();
    let zj = st.region(set.index_of("33").unwrap()).unwrap();
    assert_eq!(zj.submitted, 500);
    let hz = st.region(set.index_of("3301").unwrap()).unwrap();
    assert_eq!(hz.submitted, 500);
    let sc = st.region(set.index_of("330102").unwrap()).unwrap();
    assert_eq!(sc.submitted, 250);
    // Per-minute submissions: 100 in each of 10 minutes.
    assert_eq!(st.minutes(10), vec![100; 10]);
}

#[test]
fn open_cases_past_their_limit_are_overdue_until_completed() {
    let hub = hub_at(t0());
    let text = concat!(
        "{\"ts\":\"2026-11-20T08:00:00Z\",\"type\":\"submitted\",\"case_id\":\"OLD\",\"region_code\":\"330102\",\"limit_days\":5}\n",
        "{\"ts\":\"2026-11-28T08:00:00Z\",\"type\":\"submitted\",\"case_id\":\"NEW\",\"region_code\":\"330102\",\"limit_days\":5}\n",
        "{\"ts\":\"2026-11-29T08:00:00Z\",\"type\":\"submitted\",\"case_id\":\"NOLIMIT\",\"region_code\":\"330102\"}\n",
    );
    let mut feeder = govops::monitor::ingest::Feeder::default();
    feeder.push(text.as_bytes(), &hub);
    {
        let st = hub.lock();
        assert_eq!(
            (st.overdue_open, st.overdue()),
            (1, 1),
            "OLD (Friday 20 November) had until Friday 27 November: 5 working days"
        );
        let county = st
            .region(RegionSet::china().index_of("330102").unwrap())
            .unwrap();
        assert_eq!(county.overdue(), 1);
    }
    // NEW (Saturday 28 November) counts from Monday: its fifth working day is Friday
    // 4 December, so on Friday it is not overdue yet, and on Saturday it is.
    hub.lock().advance(t0() + chrono::Duration::days(5));
    assert_eq!(hub.lock().overdue_open, 1);
    hub.lock().advance(t0() + chrono::Duration::days(6));
    assert_eq!(hub.lock().overdue_open, 2);
    // OLD completes on 2 December (its elapsed working days come from the timestamps: 7 > 5):
    // still overdue, now as a completed case.
    feeder.push(
        b"{\"ts\":\"2026-12-02T08:00:00Z\",\"type\":\"completed\",\"case_id\":\"OLD\"}\n",
        &hub,
    );
    let st = hub.lock();
    assert_eq!(
        (st.overdue_open, st.overdue_completed, st.overdue()),
        (1, 1, 2)
    );
    assert_eq!(st.in_progress(), 2);
}

#[test]
fn malformed_and_hostile_lines_are_counted_and_never_applied() {
    let hub = hub_at(t0());
    let mut feeder = govops::monitor::ingest::Feeder::default();
    let lines = [
        sub("C1", "330102", "wechat", 0),
        "{\"type\":\"rated\",\"case_id\":\"C1\",\"rating\":9}\n".into(),
        "{\"type\":\"rated\",\"case_id\":\"C1\",\"rating\":\"5\"}\n".into(),
        "{\"type\":\"submitted\",\"case_id\":\"C2\",\"channel\":\"\\u001b[2J\\u001b]0;owned\\u0007\"}\n".into(),
        "\u{1b}[31mnot json\u{1b}[0m\n".into(),
        "{\"type\":\"completed\",\"case_id\":\"C1\",\"elapsed_days\":\"soon\"}\n".into(),
        "\n".into(),
        "{\"type\":\"rated\",\"case_id\":\"C1\",\"rating\":4}\n".into(),
    ];
    for l in &lines {
        feeder.push(l.as_bytes(), &hub);
    }
    feeder.push(&[0xff, 0xfe, b'\n'], &hub);
    let st = hub.lock();
    assert_eq!(st.malformed_lines, 6);
    assert_eq!((st.submitted, st.completed, st.ratings), (1, 0, 1));
    assert_eq!(st.malformed.len(), 6);
    let lines_no: Vec<u64> = st.malformed.iter().map(|m| m.line).collect();
    assert_eq!(lines_no, vec![2, 3, 4, 5, 6, 9]);
    for m in &st.malformed {
        for text in [&m.reason, &m.excerpt] {
            assert!(
                !text.chars().any(|c| c.is_control()),
                "control char in {text:?}"
            );
        }
    }
    assert!(
        st.malformed[4].reason.contains("invalid JSON")
            || st.malformed[4].reason.contains("elapsed")
    );
    assert!(st.malformed[5].reason.contains("UTF-8"));
}

#[test]
fn duplicates_and_out_of_order_events_keep_counts_exact() {
    let hub = hub_at(t0());
    let mut feeder = govops::monitor::ingest::Feeder::default();
    let text = format!(
        "{}{}{}{}{}",
        "{\"type\":\"completed\",\"case_id\":\"A\",\"limit_days\":5,\"elapsed_days\":1}\n",
        sub("A", "330102", "web", 0),
        sub("A", "330102", "web", 0),
        "{\"type\":\"completed\",\"case_id\":\"A\",\"limit_days\":5,\"elapsed_days\":1}\n",
        sub("B", "330102", "web", 0),
    );
    feeder.push(text.as_bytes(), &hub);
    let st = hub.lock();
    // The first `completed` is for a case not seen submitted yet: an orphan, not a completion.
    assert_eq!(
        (st.submitted, st.completed, st.in_progress(), st.duplicates),
        (2, 1, 1, 1)
    );
    assert_eq!(st.orphans.get(govops::model::EventKind::Completed), 1);
}

#[test]
fn a_partial_line_waits_for_its_newline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.jsonl");
    let line = sub("C1", "330102", "web", 0);
    let (a, b) = line.split_at(30);
    append(&path, a);
    let hub = hub_at(t0());
    let mut f = Follower::open(&path).unwrap();
    f.drain(&hub);
    let counts = |h: &Hub| {
        let st = h.lock();
        (st.submitted, st.malformed_lines)
    };
    assert_eq!(counts(&hub), (0, 0));
    append(&path, b);
    f.drain(&hub);
    assert_eq!(counts(&hub), (1, 0));
}

#[test]
fn truncation_restarts_from_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.jsonl");
    append(
        &path,
        &(sub("A", "330102", "web", 0)
            + &sub("B", "330102", "web", 0)
            + &sub("C", "330102", "web", 0)),
    );
    let hub = hub_at(t0());
    let mut f = Follower::open(&path).unwrap();
    f.drain(&hub);
    assert_eq!(hub.lock().submitted, 3);
    // copytruncate-style rotation: the same file, emptied, then new events.
    std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&path)
        .unwrap();
    append(&path, &sub("D", "330102", "app", 1));
    f.check(&hub);
    f.drain(&hub);
    let st = hub.lock();
    assert_eq!(st.submitted, 4);
    assert_eq!(st.channels["app"], 1);
    assert!(
        st.notes.iter().any(|n| n.contains("truncated")),
        "{:?}",
        st.notes
    );
}

#[test]
fn rotation_drains_the_old_file_then_follows_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.jsonl");
    append(&path, &sub("A", "330102", "web", 0));
    let hub = hub_at(t0());
    let mut f = Follower::open(&path).unwrap();
    f.drain(&hub);
    // The writer appends one more line, then logrotate renames and a new file starts.
    append(&path, &sub("B", "330102", "web", 0));
    std::fs::rename(&path, dir.path().join("e.jsonl.1")).unwrap();
    append(
        &path,
        &(sub("C", "440305", "hall", 1) + &sub("D", "440305", "hall", 1)),
    );
    f.check(&hub);
    f.drain(&hub);
    let st = hub.lock();
    assert_eq!(
        st.submitted, 4,
        "B from the old file, C and D from the new one"
    );
    assert_eq!(st.channels["hall"], 2);
    assert!(
        st.notes.iter().any(|n| n.contains("rotated")),
        "{:?}",
        st.notes
    );
}

/// A tiny HTTP server over loopback serving a growing body; honours `Range` or not.
fn serve(body: Arc<Mutex<String>>, ranges: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/events.jsonl", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut from = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("range: bytes=") {
                    from = v.trim().trim_end_matches('-').parse::<usize>().ok();
                }
            }
            let all = body.lock().unwrap().clone();
            let (status, part) = match from {
                Some(n) if ranges && n >= all.len() => ("416 Range Not Satisfiable", String::new()),
                Some(n) if ranges => ("206 Partial Content", all[n..].to_string()),
                _ => ("200 OK", all),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{part}",
                part.len()
            );
            let _ = stream.read(&mut [0u8; 1]);
        }
    });
    url
}

#[test]
fn http_source_reads_only_what_is_new_with_and_without_range() {
    for ranges in [true, false] {
        let body = Arc::new(Mutex::new(sub("A", "330102", "web", 0)));
        let url = serve(Arc::clone(&body), ranges);
        let hub = hub_at(t0());
        let mut poller = source::Poller::new(url).unwrap();
        poller.poll(&hub).unwrap();
        assert_eq!(hub.lock().submitted, 1);
        poller.poll(&hub).unwrap();
        assert_eq!(
            hub.lock().submitted,
            1,
            "nothing new, nothing counted twice"
        );
        body.lock()
            .unwrap()
            .push_str(&(sub("B", "330102", "web", 0) + &sub("C", "330102", "app", 0)));
        poller.poll(&hub).unwrap();
        assert_eq!(hub.lock().submitted, 3, "ranges={ranges}");
        assert_eq!(hub.lock().malformed_lines, 0);
    }
}

#[test]
fn read_once_of_a_missing_file_is_an_error_naming_it() {
    let hub = hub_at(t0());
    let err = source::read_once(&EventSource::parse("/nonexistent/ev.jsonl"), &hub, t0())
        .unwrap_err()
        .to_string();
    assert!(err.contains("/nonexistent/ev.jsonl"), "{err}");
}

#[test]
fn a_line_over_the_limit_is_counted_once_and_skipped_unbuffered() {
    let hub = hub_at(t0());
    let mut feeder = govops::monitor::ingest::Feeder::with_max_line(1000);
    feeder.push(sub("C1", "330102", "web", 0).as_bytes(), &hub);
    // 50 kB of one line, in chunks, then its newline and a good line.
    feeder.push(b"{\"type\":\"submitted\",\"case_id\":\"", &hub);
    for _ in 0..50 {
        feeder.push(&[b'x'; 1000], &hub);
    }
    feeder.push(b"\"}\n", &hub);
    feeder.push(sub("C2", "330102", "web", 1).as_bytes(), &hub);
    // A line over the limit inside one chunk, and an endless one at the end.
    let mut chunk = vec![b'y'; 5000];
    chunk.push(b'\n');
    feeder.push(&chunk, &hub);
    for _ in 0..100 {
        feeder.push(&[0u8; 1000], &hub);
    }
    feeder.finish(&hub);
    let st = hub.lock();
    assert_eq!(st.submitted, 2);
    assert_eq!(st.malformed_lines, 3);
    let lines: Vec<u64> = st.malformed.iter().map(|m| m.line).collect();
    assert_eq!(lines, vec![2, 4, 5]);
    for m in &st.malformed {
        assert!(m.reason.contains("GOVOPS_MAX_RECORD_BYTES"), "{}", m.reason);
        assert!(m.excerpt.chars().count() <= 101, "{}", m.excerpt);
    }
}
