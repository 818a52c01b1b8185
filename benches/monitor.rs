//! `cargo bench --bench monitor`: the monitor's ingest rate against the raw cost of reading
//! and JSON-parsing the same lines, the time to render one 200x60 frame, and the idle CPU of
//! the real binary over 10 s in a real terminal (tmux).
//!
//! Env: MONITOR_BENCH_EVENTS (default 500000), MONITOR_BENCH_IDLE_SECS (default 10).
// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use govops::model::RegionSet;
use govops::monitor::follow::Follower;
use govops::monitor::ingest::Hub;
use govops::monitor::state::{Regions, State};
use govops::monitor::ui::panes::Screen;
use govops::monitor::ui::{render, View};

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A realistic stream: per case one submission, 80 % completed (5 % of those late), half of
/// the completed rated; counties and townships all over China; a few malformed lines.
fn generate(path: &std::path::Path, n: u64) -> u64 {
    let set = RegionSet::china();
    let places: Vec<&str> = set
        .iter()
        .filter(|r| r.code.len() >= 6)
        .map(|r| r.code.as_str())
        .step_by(7)
        .collect();
    let channels = ["web", "app", "wechat", "alipay", "hall", "hotline"];
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut lines = 0u64;
    let mut case = 0u64;
    while lines < n {
        case += 1;
        let t = 1_796_000_000 + case as i64 / 20;
        let ts = Utc
            .timestamp_opt(t, 0)
            .unwrap()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let place = places[(case * 2_654_435_761 % places.len() as u64) as usize];
        writeln!(
            out,
            r#"{{"ts":"{ts}","type":"submitted","case_id":"C{case}","item_code":"330000-XK-0101","region_code":"{place}","channel":"{}","limit_days":20}}"#,
            channels[(case % 6) as usize]
        )
        .unwrap();
        lines += 1;
        if !case.is_multiple_of(5) {
            let elapsed = if case % 20 == 1 { 25 } else { 4 };
            writeln!(out, r#"{{"ts":"{ts}","type":"completed","case_id":"C{case}","limit_days":20,"elapsed_days":{elapsed}}}"#).unwrap();
            lines += 1;
            if case.is_multiple_of(2) {
                writeln!(
                    out,
                    r#"{{"ts":"{ts}","type":"rated","case_id":"C{case}","rating":{}}}"#,
                    case % 5 + 1
                )
                .unwrap();
                lines += 1;
            }
        }
        if case.is_multiple_of(10_000) {
            writeln!(out, r#"{{"type":"rated","case_id":"C1","rating":9}}"#).unwrap();
            lines += 1;
        }
    }
    lines
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let v = f();
        best = best.min(start.elapsed());
        last = Some(v);
    }
    (best, last.expect("at least one run"))
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap()
}

fn ingest(path: &std::path::Path) -> State {
    let hub = Hub::new(
        State::new(Regions::Builtin(RegionSet::china()), "bench", now()),
        Box::new(|| {}),
    );
    let mut f = Follower::open(path).unwrap();
    f.drain(&hub);
    f.finish(&hub);
    hub.into_state()
}

fn main() {
    let n = env_num("MONITOR_BENCH_EVENTS", 500_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.jsonl");
    let lines = generate(&path, n);
    let bytes = std::fs::metadata(&path).unwrap().len();
    let _ = RegionSet::china(); // parse the built-in regions outside the timings
    println!("monitor bench: {lines} lines, {:.1} MB", bytes as f64 / 1e6);

    let (raw_value, _) = best_of(3, || {
        let mut ok = 0u64;
        for line in BufReader::new(std::fs::File::open(&path).unwrap()).lines() {
            if serde_json::from_str::<serde_json::Value>(&line.unwrap()).is_ok() {
                ok += 1;
            }
        }
        ok
    });
    let (raw_ignored, _) = best_of(3, || {
        let mut ok = 0u64;
        for line in BufReader::new(std::fs::File::open(&path).unwrap()).lines() {
            if serde_json::from_str::<serde::de::IgnoredAny>(&line.unwrap()).is_ok() {
                ok += 1;
            }
        }
        ok
    });
    let (ours, state) = best_of(3, || ingest(&path));
    let rate = |d: Duration| lines as f64 / d.as_secs_f64();
    println!(
        "  raw read + serde_json::Value       {:>8.0} ms  {:>10.0} lines/s",
        raw_value.as_secs_f64() * 1e3,
        rate(raw_value)
    );
    println!(
        "  raw read + serde_json IgnoredAny   {:>8.0} ms  {:>10.0} lines/s",
        raw_ignored.as_secs_f64() * 1e3,
        rate(raw_ignored)
    );
    println!(
        "  monitor ingest (parse, validate, apply) {:>3.0} ms  {:>10.0} events/s  ({:.2}x the Value parse time)",
        ours.as_secs_f64() * 1e3,
        rate(ours),
        ours.as_secs_f64() / raw_value.as_secs_f64()
    );
    println!(
        "  state: {} submitted, {} completed, {} overdue, {} ratings, {} malformed",
        state.submitted,
        state.completed,
        state.overdue(),
        state.ratings,
        state.malformed_lines
    );

    let view = View::default();
    let alerts = govops::monitor::alerts::alerts(&state, &Default::default());
    let screen = Screen {
        state: &state,
        view: &view,
        alerts: &alerts,
        has_registry: false,
    };
    let frames = 100;
    let start = Instant::now();
    for _ in 0..frames {
        std::hint::black_box(render::frame(&screen, 200, 60));
    }
    let per = start.elapsed() / frames;
    println!(
        "  frame render 200x60 (TestBackend)  {:>8.2} ms per frame",
        per.as_secs_f64() * 1e3
    );

    idle_cpu(&path);
}

/// Run the real binary in tmux on a small file and measure its CPU time while nothing
/// happens.
fn idle_cpu(events: &std::path::Path) {
    let secs = env_num("MONITOR_BENCH_IDLE_SECS", 10);
    if !Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        println!("  idle CPU: skipped (tmux not installed)");
        return;
    }
    let small = events.with_file_name("small.jsonl");
    let head: Vec<String> = BufReader::new(std::fs::File::open(events).unwrap())
        .lines()
        .take(2000)
        .map(|l| l.unwrap())
        .collect();
    std::fs::write(&small, head.join("\n") + "\n").unwrap();
    let socket = format!("govops-bench-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .unwrap()
    };
    let cmd = format!(
        "'{}' monitor --events '{}'",
        env!("CARGO_BIN_EXE_govops"),
        small.display()
    );
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "bench",
        "-x",
        "200",
        "-y",
        "60",
        &cmd,
    ]);
    std::thread::sleep(Duration::from_secs(3));
    let pid = String::from_utf8_lossy(
        &tmux(&["display-message", "-p", "-t", "bench", "#{pane_pid}"]).stdout,
    )
    .trim()
    .to_string();
    let ticks = || -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let rest = stat.rsplit_once(") ")?.1;
        let f: Vec<&str> = rest.split(' ').collect();
        // After the command name: utime is field 14, stime 15 (1-based over the whole line).
        Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
    };
    let hz: f64 = Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0);
    match ticks() {
        Some(before) => {
            std::thread::sleep(Duration::from_secs(secs));
            let after = ticks().unwrap_or(before);
            let cpu = (after - before) as f64 / hz;
            println!(
                "  idle CPU of `govops monitor` over {secs} s: {:.3} s CPU ({:.2} % of one core)",
                cpu,
                cpu / secs as f64 * 100.0
            );
        }
        None => println!("  idle CPU: could not read /proc/{pid}/stat"),
    }
    tmux(&["send-keys", "-t", "bench", "q"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux(&["kill-server"]);
}
