//! Hardening of what govops writes: `-o` never replaces an input (the profile, a file stdin
//! comes from, a symlink to an input); no temporary file outlives SIGINT, SIGTERM or a
//! `kill -9`; and no format of any command carries a live escape sequence, control, bidi
//! or zero-width character, or a spreadsheet formula; every XML document is well-formed and
//! JSON keeps the exact text.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govops"));
    c.args(args)
        .current_dir(dir)
        .env_remove("GOVOPS_PROFILE")
        .env("SOURCE_DATE_EPOCH", "1764403200")
        .env("NO_COLOR", "1");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    cmd(dir, args).stdin(Stdio::null()).output().unwrap()
}

/// Run with stdin redirected from `file` (`< file`).
fn run_stdin(dir: &Path, args: &[&str], file: &Path) -> Output {
    cmd(dir, args)
        .stdin(std::fs::File::open(file).unwrap())
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

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".govops-"))
        .collect()
}

/// A directory with a catalog, baseline, registry, metrics, events and a profile naming them.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (from, to) in [
        ("tests/data/audit/catalog.csv", "catalog.csv"),
        ("tests/data/audit/baseline.csv", "baseline.csv"),
        ("tests/support/registry.yaml", "registry.yaml"),
        ("tests/data/check/metrics.csv", "metrics.csv"),
        ("tests/data/monitor/events.jsonl", "events.jsonl"),
    ] {
        std::fs::copy(data(from), d.join(to)).unwrap();
    }
    std::fs::write(
        d.join("p.yaml"),
        "name: t\ninputs:\n  catalog: catalog.csv\n  baseline: baseline.csv\n  \
         registry: registry.yaml\n  metrics: metrics.csv\nsharing:\n  probe: false\n",
    )
    .unwrap();
    dir
}

/// Exit 2, a message saying why, and `victim` byte for byte as it was.
fn assert_refused(out: &Output, victim: &Path, before: &[u8], what: &str) {
    let all = text(out);
    assert_eq!(out.status.code(), Some(2), "{what}: {all}");
    assert!(all.contains("refusing to write"), "{what}: {all}");
    assert_eq!(
        std::fs::read(victim).unwrap(),
        before,
        "{what}: the input changed"
    );
}

#[test]
fn output_onto_the_profile_is_refused_for_every_command() {
    let dir = workspace();
    let d = dir.path();
    let before = std::fs::read(d.join("p.yaml")).unwrap();
    for command in ["audit", "sharing", "balance", "check"] {
        let out = run(d, &["-p", "p.yaml", command, "-o", "p.yaml"]);
        assert_refused(&out, &d.join("p.yaml"), &before, command);
        assert!(text(&out).contains("p.yaml"), "{}", text(&out));
    }
    // A symlink to the profile is the profile.
    std::os::unix::fs::symlink("p.yaml", d.join("link.yaml")).unwrap();
    let out = run(d, &["-p", "p.yaml", "check", "-o", "link.yaml"]);
    assert_refused(&out, &d.join("p.yaml"), &before, "check -o symlink");
    assert!(temp_files(d).is_empty());
}

#[test]
fn output_onto_the_file_stdin_comes_from_is_refused() {
    let dir = workspace();
    let d = dir.path();
    let cases: [(&str, &[&str]); 4] = [
        (
            "catalog.csv",
            &["audit", "--catalog", "-", "--input-format", "csv"],
        ),
        (
            "registry.yaml",
            &["sharing", "--registry", "-", "--input-format", "yaml"],
        ),
        (
            "metrics.csv",
            &["balance", "--metrics", "-", "--input-format", "csv"],
        ),
        ("events.jsonl", &["monitor", "--events", "-", "--once"]),
    ];
    for (file, args) in cases {
        let victim = d.join(file);
        let before = std::fs::read(&victim).unwrap();
        let mut args = args.to_vec();
        args.extend(["-o", file]);
        let out = run_stdin(d, &args, &victim);
        assert_refused(&out, &victim, &before, file);
        assert!(text(&out).contains("stdin"), "{}", text(&out));
    }
    // The same command with another -o runs.
    let out = run_stdin(
        d,
        &[
            "audit",
            "--catalog",
            "-",
            "--input-format",
            "csv",
            "-o",
            "r.json",
        ],
        &d.join("catalog.csv"),
    );
    assert_ne!(out.status.code(), Some(2), "{}", text(&out));
    assert!(d.join("r.json").exists());
}

#[test]
fn output_onto_a_symlink_or_hard_link_to_an_input_is_refused() {
    let dir = workspace();
    let d = dir.path();
    std::os::unix::fs::symlink(d.join("catalog.csv"), d.join("cat-link.csv")).unwrap();
    std::fs::hard_link(d.join("metrics.csv"), d.join("m-hard.csv")).unwrap();
    std::os::unix::fs::symlink("registry.yaml", d.join("reg-link.yaml")).unwrap();
    let cat = std::fs::read(d.join("catalog.csv")).unwrap();
    let out = run(
        d,
        &["audit", "--catalog", "catalog.csv", "-o", "cat-link.csv"],
    );
    assert_refused(&out, &d.join("catalog.csv"), &cat, "audit");
    assert!(d.join("cat-link.csv").is_symlink());
    let m = std::fs::read(d.join("metrics.csv")).unwrap();
    let out = run(
        d,
        &["balance", "--metrics", "metrics.csv", "-o", "m-hard.csv"],
    );
    assert_refused(&out, &d.join("metrics.csv"), &m, "balance");
    let reg = std::fs::read(d.join("registry.yaml")).unwrap();
    let out = run(
        d,
        &[
            "sharing",
            "--registry",
            "registry.yaml",
            "-o",
            "reg-link.yaml",
        ],
    );
    assert_refused(&out, &d.join("registry.yaml"), &reg, "sharing");
    let out = run(d, &["-p", "p.yaml", "check", "-o", "cat-link.csv"]);
    assert_refused(&out, &d.join("catalog.csv"), &cat, "check");
}

/// Start `args`, wait for a temporary file in `dir`, send `signal`; the process exits with
/// 128 + signal and leaves no temporary file.
fn interrupt_while_writing(signal: &str, code: i32) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut child = cmd(d, &["sample", "--scale", "national", "--out", "."])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t = Instant::now();
    while temp_files(d).is_empty() {
        assert!(t.elapsed() < Duration::from_secs(60), "no temporary file");
        assert!(child.try_wait().unwrap().is_none(), "ended before writing");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Let the temporary file grow a little.
    std::thread::sleep(Duration::from_millis(300));
    let kill = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(code), "{signal}: {status:?}");
    assert_eq!(temp_files(d), Vec::<String>::new(), "{signal}");
}

#[test]
fn sigterm_and_sigint_leave_no_temporary_file() {
    interrupt_while_writing("TERM", 143);
    interrupt_while_writing("INT", 130);
}

#[test]
fn the_next_write_removes_temporary_files_of_dead_processes() {
    let dir = workspace();
    let d = dir.path();
    // A pid above the kernel's maximum (2^22) never exists.
    let stale = d.join(".govops-4194999-xxxx");
    std::fs::write(&stale, vec![b'x'; 4096]).unwrap();
    let alive = d.join(format!(".govops-{}-yyyy", std::process::id()));
    std::fs::write(&alive, b"mine").unwrap();
    let out = run(d, &["audit", "--catalog", "catalog.csv", "-o", "out.json"]);
    assert_ne!(out.status.code(), Some(2), "{}", text(&out));
    assert!(!stale.exists(), "stale temporary file left");
    assert!(
        alive.exists(),
        "a live process's temporary file was removed"
    );
    assert!(d.join("out.json").exists());
}

/// Text meant to take over a terminal (clear screen, OSC 52 clipboard, title, bell, C1 CSI),
/// reorder a line (U+202E), hide (U+200B), overwrite a line (CR), or run in a spreadsheet.
const HOSTILE: &str = "=cmd|' /C calc'!A0\x1b[2J\x1b]52;c;Y2FsYw==\x07\x1b]0;owned\x07\u{85}\u{9b}31m\u{9d}\u{202e}gnp.exe\u{200b}\r<b>&x</b>";

/// A file name as hostile as the text (a directory part, then a name).
const HOSTILE_DIR: &str = "dir\x1b]52;c;Y2FsYw==\x07\u{202e}\x1b[2J";

fn is_alive(c: char) -> bool {
    matches!(c, '\x1b' | '\x07' | '\r' | '\u{80}'..='\u{9f}' | '\u{200b}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn assert_inert(body: &str, what: &str) {
    if let Some((i, c)) = body.char_indices().find(|(_, c)| is_alive(*c)) {
        let from = body[..i].char_indices().rev().nth(60).map_or(0, |x| x.0);
        panic!(
            "{what}: {c:?} reached the output near: {:?}",
            &body[from..(i + 1).min(body.len())]
        );
    }
}

/// Every string in a JSON document, recursively.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| {
            out.push(k.clone());
            strings(v, out)
        }),
        _ => {}
    }
}

fn check_format(body: &str, format: &str, what: &str) {
    let what = format!("{what} -f {format}");
    // No format writes a hostile character raw, JSON included (it escapes them as \uXXXX).
    assert_inert(body, &what);
    match format {
        "json" | "sarif" => {
            let v: serde_json::Value = serde_json::from_str(body).unwrap();
            let mut all = Vec::new();
            strings(&v, &mut all);
            // Names (the monitor refuses hostile lines, so only its file name) and file
            // names come back exactly.
            let want = if what.starts_with("monitor") {
                HOSTILE_DIR
            } else {
                HOSTILE
            };
            assert!(
                all.iter().any(|s| s.contains(want)),
                "{what}: the exact text is not in the JSON"
            );
        }
        "junit" => {
            roxmltree::Document::parse(body)
                .unwrap_or_else(|e| panic!("{what}: not well-formed XML: {e}\n{body}"));
        }
        "csv" => {
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(body.as_bytes());
            for rec in r.records() {
                for cell in rec.unwrap().iter() {
                    let t = cell.trim_start();
                    assert!(
                        !t.starts_with(['=', '+', '-', '@']) || t.parse::<f64>().is_ok(),
                        "{what}: formula cell {cell:?}"
                    );
                }
            }
        }
        "html" => assert!(!body.contains("<b>&x</b>"), "{what}: HTML not escaped"),
        _ => {}
    }
}

fn hostile_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join(HOSTILE_DIR);
    std::fs::create_dir(&sub).unwrap();
    let h = |s: &str| s.replace('"', "\"\"");
    // A catalog whose names and departments are hostile, with duplicates so findings quote them.
    let mut cat = String::from(
        "id,item_code,name,region_code,department,type,basis,legal_limit_days,promised_limit_days,visits,online_depth,channels\n",
    );
    for (id, region) in [
        ("A1", "330102"),
        ("A1", "330102"),
        ("A2", "330102"),
        ("A3", "330106"),
    ] {
        cat += &format!(
            "{id},B001,\"{}\",{region},\"{}\",licensing,\"{}\",20,10,0,3,web\n",
            h(HOSTILE),
            h(HOSTILE),
            h(HOSTILE)
        );
    }
    std::fs::write(sub.join(format!("cat{HOSTILE_DIR}.csv")), cat).unwrap();
    let reg = serde_json::json!([{
        "id": "IF-1", "dataset": HOSTILE, "provider": HOSTILE, "consumers": [HOSTILE],
        "url": "http://127.0.0.1:9/x", "frequency": "daily"
    }, {
        "id": "IF-1", "dataset": HOSTILE, "provider": "p", "consumers": [],
        "url": "http://127.0.0.1:9/y", "frequency": "weekly"
    }]);
    std::fs::write(sub.join(format!("reg{HOSTILE_DIR}.json")), reg.to_string()).unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["region_code", "name", "online_rate", "satisfaction"])
        .unwrap();
    w.write_record(["11", HOSTILE, "0.9", "0.8"]).unwrap();
    w.write_record(["12", "天津市", "0.7", "0.9"]).unwrap();
    w.write_record(["13", "河北省", "0.2", "0.3"]).unwrap();
    std::fs::write(
        sub.join(format!("m{HOSTILE_DIR}.csv")),
        w.into_inner().unwrap(),
    )
    .unwrap();
    let ev = serde_json::json!({"type": "submitted", "case_id": HOSTILE, "region_code": "330102"});
    let events = format!(
        "{ev}\n{HOSTILE}\n{{\"type\":\"submitted\",\"case_id\":\"C1\",\"channel\":\"wechat\"}}\n"
    );
    std::fs::write(sub.join(format!("ev{HOSTILE_DIR}.jsonl")), events).unwrap();
    (dir, sub)
}

fn formats_of(command: &str) -> Vec<&'static str> {
    let formats: &[govops::report::Format] = match command {
        "audit" => govops::audit::FORMATS,
        "sharing" => govops::sharing::FORMATS,
        "balance" => govops::balance::FORMATS,
        "check" => govops::commands::check::FORMATS,
        "monitor" => govops::monitor::once::FORMATS,
        _ => unreachable!(),
    };
    formats
        .iter()
        .map(|f| match f {
            govops::report::Format::Table => "table",
            govops::report::Format::Json => "json",
            govops::report::Format::Csv => "csv",
            govops::report::Format::Markdown => "markdown",
            govops::report::Format::Html => "html",
            govops::report::Format::Sarif => "sarif",
            govops::report::Format::Junit => "junit",
            govops::report::Format::Text => "text",
        })
        .collect()
}

#[test]
fn no_format_of_any_command_carries_hostile_text_alive() {
    let (_dir, sub) = hostile_workspace();
    let d = &sub;
    let cat = format!("cat{HOSTILE_DIR}.csv");
    let reg = format!("reg{HOSTILE_DIR}.json");
    let metrics = format!("m{HOSTILE_DIR}.csv");
    let events = format!("ev{HOSTILE_DIR}.jsonl");
    std::fs::write(
        d.join("p.yaml"),
        format!(
            "name: hostile\ninputs:\n  catalog: \"{cat}\"\n  registry: \"{reg}\"\n  metrics: \"{metrics}\"\nsharing:\n  probe: false\n"
        )
        .replace('\x1b', "\\e")
        .replace('\x07', "\\a")
        .replace('\u{202e}', "\\u202E"),
    )
    .unwrap();
    let runs: Vec<(&str, Vec<&str>)> = vec![
        (
            "audit",
            vec!["audit", "--catalog", &cat, "--fail-on", "never"],
        ),
        (
            "sharing",
            vec!["sharing", "--registry", &reg, "--catalog", &cat],
        ),
        ("balance", vec!["balance", "--metrics", &metrics]),
        ("check", vec!["-p", "p.yaml", "check", "--fail-on", "never"]),
        (
            "monitor",
            vec!["monitor", "--once", "--events", &events, "--registry", &reg],
        ),
    ];
    for (command, args) in runs {
        for format in formats_of(command) {
            let mut a = args.clone();
            a.extend(["-f", format, "--color", "never"]);
            let out = run(d, &a);
            let what = command.to_string();
            assert_ne!(
                out.status.code(),
                Some(2),
                "{what} -f {format}: {}",
                text(&out)
            );
            assert!(!out.stdout.is_empty(), "{what} -f {format}");
            let body = String::from_utf8(out.stdout.clone()).unwrap();
            check_format(&body, format, &what);
            assert_inert(
                &String::from_utf8_lossy(&out.stderr),
                &format!("{what} stderr"),
            );
        }
    }
}
