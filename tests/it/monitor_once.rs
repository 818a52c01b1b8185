//! `govops monitor --once` from the command line, on real files, stdin, a registry probed
//! over loopback, and bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn govops(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_govops"));
    cmd.args(args)
        .env("SOURCE_DATE_EPOCH", "1796025600") // 2026-11-30T08:00:00Z
        .env_remove("GOVOPS_PROFILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run govops");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

const EVENTS: &str = concat!(
    "{\"ts\":\"2026-11-29T08:00:00Z\",\"type\":\"submitted\",\"case_id\":\"C1\",\"item_code\":\"X1\",\"region_code\":\"330102\",\"channel\":\"wechat\",\"limit_days\":20}\n",
    "{\"ts\":\"2026-11-29T08:00:30Z\",\"type\":\"submitted\",\"case_id\":\"C2\",\"item_code\":\"X1\",\"region_code\":\"330106\",\"channel\":\"hall\"}\n",
    "{\"ts\":\"2026-11-26T08:01:00Z\",\"type\":\"submitted\",\"case_id\":\"C3\",\"item_code\":\"X2\",\"region_code\":\"440305\",\"channel\":\"alipay\",\"limit_days\":1}\n",
    "{\"ts\":\"2026-11-29T08:02:00Z\",\"type\":\"completed\",\"case_id\":\"C1\",\"limit_days\":20,\"elapsed_days\":3}\n",
    "{\"ts\":\"2026-11-29T08:03:00Z\",\"type\":\"completed\",\"case_id\":\"C2\",\"limit_days\":5,\"elapsed_days\":9}\n",
    "{\"ts\":\"2026-11-29T08:04:00Z\",\"type\":\"rated\",\"case_id\":\"C1\",\"rating\":5}\n",
    "{\"ts\":\"2026-11-29T08:04:00Z\",\"type\":\"rated\",\"case_id\":\"C2\",\"rating\":1}\n",
    "{\"type\":\"rated\",\"case_id\":\"C2\",\"rating\":9}\n",
    "{\"type\":\"submitted\",\"case_id\":\"C9\",\"region_code\":\"\\u001b[2J\"}\n",
    "not json at all\n",
);

fn json_of(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn once_json_on_a_file_has_the_exact_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.jsonl");
    std::fs::write(&path, EVENTS).unwrap();
    let out = govops(
        &[
            "monitor",
            "--events",
            path.to_str().unwrap(),
            "--once",
            "-f",
            "json",
        ],
        None,
    );
    let v = json_of(&out);
    assert_eq!(v["command"], "monitor");
    let s = &v["summary"];
    assert_eq!(s["cases"]["submitted"], 3);
    assert_eq!(s["cases"]["completed"], 2);
    assert_eq!(s["cases"]["in_progress"], 1);
    // C2 completed late (9 > 5); C3 is open and past its limit of one working day
    // (submitted on Thursday 26 November, so Friday was its last day; now is Monday).
    assert_eq!(s["cases"]["overdue"], 2);
    assert_eq!(s["cases"]["overdue_open"], 1);
    assert_eq!(s["channels"]["wechat"], 1);
    assert_eq!(s["channels"]["hall"], 1);
    assert_eq!(s["channels"]["alipay"], 1);
    assert_eq!(s["satisfaction"]["ratings"], 2);
    assert_eq!(s["satisfaction"]["rate"], 0.5);
    assert_eq!(s["satisfaction"]["bad"], 1);
    assert_eq!(s["malformed_lines"], 3);
    let regions = v["regions"].as_array().unwrap();
    let zj = regions.iter().find(|r| r["code"] == "33").unwrap();
    assert_eq!(
        (zj["name"].as_str(), zj["submitted"].as_u64()),
        (Some("浙江省"), Some(2))
    );
    let kinds: Vec<&str> = v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["overdue_rate", "satisfaction"]);
    assert_eq!(v["interfaces"].as_array().unwrap().len(), 0);
    assert_eq!(v["malformed"][0]["line"], 8);
}

#[test]
fn once_text_is_one_plain_frame_of_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.jsonl");
    std::fs::write(&path, EVENTS).unwrap();
    let out = govops(
        &[
            "monitor",
            "--events",
            path.to_str().unwrap(),
            "--once",
            "--size",
            "100x30",
        ],
        None,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.bytes().any(|b| b == 0x1b), "no escape bytes");
    assert_eq!(text.lines().count(), 30);
    assert!(text
        .lines()
        .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100));
    assert!(
        text.contains("Submitted") && text.contains("浙江省"),
        "{text}"
    );
    assert!(text.contains("3 malformed"));
}

#[test]
fn once_reads_stdin() {
    let out = govops(
        &["monitor", "--events", "-", "--once", "-f", "json"],
        Some(EVENTS),
    );
    let v = json_of(&out);
    assert_eq!(v["summary"]["cases"]["submitted"], 3);
    assert_eq!(v["inputs"]["events"], "<stdin>");
}

#[test]
fn once_probes_the_registry_over_loopback() {
    // One interface that answers, one on a closed port.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for s in listener.incoming().flatten() {
            let mut s = s;
            let mut buf = [0u8; 2048];
            let _ = s.read(&mut buf);
            let body = "{\"data\":{\"items\":[1]}}";
            let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        }
    });
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("registry.csv");
    std::fs::write(
        &reg,
        format!(
            "id,dataset,provider,consumers,url,frequency\nOK-1,人口,公安厅,民政厅,http://{addr}/ok,daily\nDEAD-1,婚姻,民政厅,公安厅,http://{closed}/dead,daily\n"
        ),
    )
    .unwrap();
    let ev = dir.path().join("e.jsonl");
    std::fs::write(&ev, EVENTS).unwrap();
    let out = govops(
        &[
            "monitor",
            "--events",
            ev.to_str().unwrap(),
            "--registry",
            reg.to_str().unwrap(),
            "--once",
            "-f",
            "json",
        ],
        None,
    );
    let v = json_of(&out);
    let ifaces = v["interfaces"].as_array().unwrap();
    assert_eq!(ifaces.len(), 2);
    assert_eq!(ifaces[0]["status"], "up");
    assert_eq!(ifaces[0]["http_status"], 200);
    assert_eq!(ifaces[1]["status"], "down");
    assert!(ifaces[1]["last_error"].as_str().unwrap_or("").len() > 3);
}

#[test]
fn bad_inputs_exit_2_with_a_clear_message() {
    let out = govops(
        &["monitor", "--events", "/nonexistent/e.jsonl", "--once"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/e.jsonl"));
    let out = govops(
        &["monitor", "--events", "-", "--once", "--size", "9x9"],
        Some(""),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--size"));
    let out = govops(
        &["monitor", "--events", "-", "--once", "-f", "csv"],
        Some(""),
    );
    assert_eq!(out.status.code(), Some(2));
    // Without a terminal the live screen refuses politely instead of garbling a pipe.
    let out = govops(&["monitor", "--events", "-"], Some(""));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--once"));
}

#[test]
fn demo_once_says_it_is_the_demo() {
    let out = govops(&["monitor", "--once", "-f", "json"], None);
    let v = json_of(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("built-in demo"));
    assert!(v["summary"]["cases"]["submitted"].as_u64().unwrap() > 1000);
    assert_eq!(v["summary"]["malformed_lines"], 2);
    assert!(
        !v["interfaces"].as_array().unwrap().is_empty(),
        "the demo's loopback interfaces"
    );
}
