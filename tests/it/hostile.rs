//! Hardening, proven from the command line: garbage inputs end in exit 2 with a clear message,
//! quickly, without a panic; hostile text never reaches a terminal, CSV or HTML alive.

use crate::support;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use support::Raw;

fn govops(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(args)
        .env("GOVOPS_LOAD_TIMEOUT", "2s")
        .env_remove("GOVOPS_PROFILE")
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

/// Exit 2, nothing on stdout, a message naming `needle`, no panic, within `secs`.
fn assert_rejected(args: &[&str], needle: &str, secs: u64) {
    let t = Instant::now();
    let out = govops(args);
    let all = text(&out);
    assert!(
        t.elapsed() < Duration::from_secs(secs),
        "{args:?} took {:?}",
        t.elapsed()
    );
    assert_eq!(out.status.code(), Some(2), "{args:?}: {all}");
    assert!(out.stdout.is_empty(), "{args:?}: no partial report: {all}");
    assert!(!all.contains("panicked"), "{args:?}: {all}");
    assert!(
        all.contains(needle),
        "{args:?}: expected `{needle}` in: {all}"
    );
}

fn binary_bytes() -> Vec<u8> {
    (0..65_536u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}

fn alias_bomb(list_key: &str) -> String {
    let mut s = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let (p, n) = (w[0], w[1]);
        s += &format!("{n}: &{n} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n");
    }
    s += &format!("{list_key}: *i\n");
    s
}

#[test]
fn garbage_registries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bin = write(d, "bin.csv", &binary_bytes());
    assert_rejected(&["sharing", "--registry", &bin], "bin.csv", 10);

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep = write(d, "deep.json", deep.as_bytes());
    assert_rejected(&["sharing", "--registry", &deep], "deep.json", 10);

    let bomb = write(d, "bomb.yaml", alias_bomb("interfaces").as_bytes());
    assert_rejected(&["sharing", "--registry", &bomb], "bomb.yaml", 10);

    let mut long = b"id,dataset,provider\n".to_vec();
    long.extend(std::iter::repeat_n(b'x', 64 << 20));
    long.push(b'\n');
    let long = write(d, "long.csv", &long);
    assert_rejected(&["sharing", "--registry", &long], "long.csv", 30);

    let wrong = write(
        d,
        "wrong.csv",
        b"id,url,frequency,latency_slo_ms,expect_status\nA,ftp://x,sometimes,fast,abc\n",
    );
    assert_rejected(&["sharing", "--registry", &wrong], "wrong.csv:2", 10);
}

#[test]
fn garbage_profiles_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = write(dir.path(), "bomb.yaml", alias_bomb("audit").as_bytes());
    assert_rejected(&["-p", &bomb, "check"], "bomb.yaml", 10);
    let bin = write(dir.path(), "bin.yaml", &binary_bytes());
    assert_rejected(&["-p", &bin, "profile", "validate"], "bin.yaml", 10);
}

#[test]
fn garbage_metrics_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bad_utf8 = write(
        d,
        "bad.csv",
        b"region_code,online_rate\n11,0.5\n12,\xff\xfe\xfd\x80\n",
    );
    assert_rejected(&["balance", "--metrics", &bad_utf8], "bad.csv", 10);

    let (gbk, _, _) = encoding_rs::GB18030.encode("region_code,name,online_rate\n11,北京市,0.9\n");
    let gbk = write(d, "gbk.csv", &gbk);
    assert_rejected(
        &["--encoding", "utf8", "balance", "--metrics", &gbk],
        "UTF-8",
        10,
    );
    // Detected, it loads.
    let out = govops(&["balance", "--metrics", &gbk, "-f", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("北京市"));
}

#[test]
fn urls_that_never_answer_or_never_end_are_cut_off() {
    let hang = support::raw(Raw::Hang);
    assert_rejected(
        &["sharing", "--registry", &hang.url("/registry.yaml")],
        "timed out",
        15,
    );
    let forever = support::raw(Raw::StreamForever { delay_ms: 0 });
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(["sharing", "--registry", &forever.url("/registry.csv")])
        .env("GOVOPS_LOAD_TIMEOUT", "3s")
        .env("GOVOPS_LOAD_MAX_BYTES", "1000000")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(out.stdout.is_empty());
}

/// A server that trickles one chunk a second, or answers nothing, cannot hold a URL input
/// past `GOVOPS_LOAD_TIMEOUT` (2 s here) plus one second, and the message names the phase.
#[test]
fn trickling_urls_end_within_the_deadline_with_the_phase_named() {
    let trickle = support::raw(Raw::StreamForever { delay_ms: 1000 });
    let hang = support::raw(Raw::Hang);
    for (server, phase) in [
        (&trickle, "reading the body"),
        (&hang, "waiting for the response headers"),
    ] {
        let events = server.url("/events.jsonl");
        let catalog = server.url("/catalog.csv");
        let runs: [&[&str]; 2] = [
            &["monitor", "--events", &events, "--once", "-f", "json"],
            &["audit", "--catalog", &catalog],
        ];
        for args in runs {
            assert_rejected(args, phase, 3);
            assert_rejected(args, "GOVOPS_LOAD_TIMEOUT", 3);
        }
    }
}

/// Names that try to take over a terminal, a spreadsheet or a page.
const HOSTILE: &str = "=HYPERLINK(\"http://evil\")\x1b[2J\x1b]0;owned\x07\u{9b}31m\u{202e}gnp.exe\u{200b}<script>alert(1)</script>";

fn assert_defused(out: &str, what: &str) {
    for bad in ['\x1b', '\x07', '\u{9b}', '\u{202e}', '\u{200b}'] {
        assert!(
            !out.contains(bad),
            "{what}: {bad:?} reached the output:\n{out}"
        );
    }
}

#[test]
fn hostile_names_never_reach_terminal_csv_or_html_alive() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["region_code", "name", "online_rate", "satisfaction"])
        .unwrap();
    w.write_record(["11", HOSTILE, "0.9", "0.8"]).unwrap();
    w.write_record(["12", "天津市", "0.7", "0.9"]).unwrap();
    let metrics = write(d, "m.csv", &w.into_inner().unwrap());
    for f in ["table", "markdown", "csv", "html"] {
        let out = govops(&[
            "balance",
            "--metrics",
            &metrics,
            "-f",
            f,
            "--color",
            "always",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        if f != "table" {
            assert_defused(&stdout, f);
        } else {
            // Colour is on: the only escapes are the SGR colour codes govops emits itself.
            assert!(
                !stdout.contains("\x1b[2J") && !stdout.contains("\x1b]"),
                "{stdout}"
            );
            assert!(!stdout.contains('\x07') && !stdout.contains('\u{202e}'));
        }
        if f == "html" {
            assert!(!stdout.contains("<script>alert"), "HTML must escape names");
            assert!(stdout.contains("&lt;script&gt;"));
        }
        if f == "csv" {
            assert!(
                !stdout.contains(",=HYPERLINK") && !stdout.contains("\n=HYPERLINK"),
                "{stdout}"
            );
        }
    }

    let reg = serde_json::json!([{
        "id": "IF-1", "dataset": HOSTILE, "provider": HOSTILE, "consumers": ["b"],
        "url": "http://127.0.0.1:9/x", "frequency": "daily"
    }]);
    let reg = write(d, "r.json", reg.to_string().as_bytes());
    for f in ["table", "markdown", "csv", "junit"] {
        let out = govops(&["sharing", "--registry", &reg, "-f", f]);
        assert_ne!(out.status.code(), Some(2), "{}", text(&out));
        assert_defused(&String::from_utf8_lossy(&out.stdout), f);
        assert_defused(&String::from_utf8_lossy(&out.stderr), "stderr");
    }
}

#[test]
fn errors_about_hostile_values_are_defused_too() {
    let dir = tempfile::tempdir().unwrap();
    let reg = write(
        dir.path(),
        "r.csv",
        format!("id,frequency\nA,\"{}\"\n", HOSTILE.replace('"', "\"\"")).as_bytes(),
    );
    let out = govops(&["sharing", "--registry", &reg]);
    assert_eq!(out.status.code(), Some(2));
    assert_defused(&text(&out), "error message");
}
