//! Every reader is bounded: inputs without end, whole documents over the document limit,
//! records and fields over their limits all end in exit 2 within seconds, with a short
//! message that names the input, the line, the limit and its environment variable; and line
//! numbers are the same whatever the line ends, byte-order mark or quoted line breaks.
//!
//! The limits are made small through their environment variables so that each case is
//! quick; the defaults (4 MiB records, 1 MiB fields, 256 MiB documents) are measured by hand
//! (README, Hardening).

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const CATALOG_HEADER: &str = "id,item_code,name,region_code,department\n";

fn govops() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govops"));
    c.env_remove("GOVOPS_PROFILE")
        .env_remove("GOVOPS_LOAD_MAX_BYTES")
        .env_remove("GOVOPS_MAX_DOCUMENT_BYTES")
        .env_remove("GOVOPS_MAX_RECORD_BYTES")
        .env_remove("GOVOPS_MAX_FIELD_BYTES");
    c
}

/// Wait for `child`, killing it (and failing) after `secs`.
fn wait(mut child: Child, secs: u64) -> Output {
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > Duration::from_secs(secs) {
            child.kill().unwrap();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after {secs} s; stderr so far: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Run with `env`, feeding stdin from `feed` (a thread writing until the pipe breaks).
fn run(args: &[&str], env: &[(&str, &str)], feed: Option<fn(&mut dyn Write)>) -> Output {
    let mut cmd = govops();
    cmd.args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(if feed.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = cmd.spawn().unwrap();
    if let Some(feed) = feed {
        let mut stdin = child.stdin.take().unwrap();
        std::thread::spawn(move || feed(&mut stdin));
    }
    wait(child, 10)
}

/// Exit 2, nothing on stdout, a short message naming every needle.
fn assert_refused(out: &Output, needles: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "no partial report");
    assert!(
        out.stderr.len() < 400,
        "a short message, not an echo of the input: {} bytes: {}",
        out.stderr.len(),
        err.chars().take(400).collect::<String>()
    );
    for n in needles {
        assert!(err.contains(n), "expected `{n}` in: {err}");
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn dev_zero_is_refused_at_the_record_limit() {
    let out = run(
        &["audit", "--catalog", "/dev/zero"],
        &[("GOVOPS_MAX_RECORD_BYTES", "100000")],
        None,
    );
    assert_refused(
        &out,
        &["/dev/zero:1", "record", "100000", "GOVOPS_MAX_RECORD_BYTES"],
    );
}

#[test]
fn endless_stdin_is_refused() {
    // NUL bytes without end, as from `cat /dev/zero |`.
    fn zeros(w: &mut dyn Write) {
        let buf = vec![0u8; 1 << 16];
        while w.write_all(&buf).is_ok() {}
    }
    let out = run(
        &["audit", "--catalog", "-"],
        &[("GOVOPS_MAX_RECORD_BYTES", "100000")],
        Some(zeros),
    );
    assert_refused(&out, &["<stdin>:1", "GOVOPS_MAX_RECORD_BYTES"]);

    // Valid rows without end stop at the input limit, which holds for stdin too.
    fn rows(w: &mut dyn Write) {
        if w.write_all(CATALOG_HEADER.as_bytes()).is_err() {
            return;
        }
        let mut block = String::new();
        for i in 0..1000 {
            block += &format!("A{i},B{i},办件{i},330102,某局\n");
        }
        while w.write_all(block.as_bytes()).is_ok() {}
    }
    let out = run(
        &["audit", "--catalog", "-"],
        &[("GOVOPS_LOAD_MAX_BYTES", "2000000")],
        Some(rows),
    );
    assert_refused(&out, &["<stdin>:", "input", "GOVOPS_LOAD_MAX_BYTES"]);
}

#[test]
fn whole_documents_over_the_document_limit_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let mut json = String::from("[");
    for i in 0..20_000 {
        if i > 0 {
            json.push(',');
        }
        json += &format!(
            r#"{{"id":"A{i}","item_code":"B{i}","name":"n","region_code":"330102","department":"d"}}"#
        );
    }
    json.push(']');
    assert!(json.len() > 1_000_000);
    let file = write(dir.path(), "big.json", json.as_bytes());
    let limit = [("GOVOPS_MAX_DOCUMENT_BYTES", "1000000")];
    let out = run(&["audit", "--catalog", &file], &limit, None);
    assert_refused(&out, &["big.json", "1000000", "GOVOPS_MAX_DOCUMENT_BYTES"]);
    let out = run(&["sharing", "--registry", &file], &limit, None);
    assert_refused(&out, &["big.json", "GOVOPS_MAX_DOCUMENT_BYTES"]);

    let yaml = json.replace('[', "services:\n- ").replace(",{", "\n- {");
    let file = write(dir.path(), "big.yaml", yaml.as_bytes());
    let out = run(&["audit", "--catalog", &file], &limit, None);
    assert_refused(&out, &["big.yaml", "GOVOPS_MAX_DOCUMENT_BYTES"]);

    // Read from a pipe, the limit holds while reading.
    fn endless_json(w: &mut dyn Write) {
        let row =
            br#"{"id":"A","item_code":"B","name":"n","region_code":"330102","department":"d"},"#;
        if w.write_all(b"[").is_err() {
            return;
        }
        let block: Vec<u8> = row.repeat(1000);
        while w.write_all(&block).is_ok() {}
    }
    let out = run(
        &["audit", "--input-format", "json", "--catalog", "-"],
        &limit,
        Some(endless_json),
    );
    assert_refused(&out, &["<stdin>", "GOVOPS_MAX_DOCUMENT_BYTES"]);
}

#[test]
fn one_huge_field_is_refused_naming_line_field_and_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = "办".repeat(100_000); // 300 kB
    let csv = format!("{CATALOG_HEADER}A1,B1,n,330102,d\nA2,B2,\"{big}\",330102,d\n");
    let file = write(dir.path(), "field.csv", csv.as_bytes());
    let out = run(
        &["audit", "--catalog", &file],
        &[("GOVOPS_MAX_FIELD_BYTES", "65536")],
        None,
    );
    assert_refused(
        &out,
        &["field.csv:3:3", "`name`", "65536", "GOVOPS_MAX_FIELD_BYTES"],
    );
    // The same field, bigger than the record limit too, is stopped while it is read.
    let out = run(
        &["audit", "--catalog", &file],
        &[("GOVOPS_MAX_RECORD_BYTES", "100000")],
        None,
    );
    assert_refused(&out, &["field.csv:3", "GOVOPS_MAX_RECORD_BYTES"]);

    // JSON values are held to the same field limit.
    let json = serde_json::json!([{"id": "A1", "item_code": "B1", "name": big,
        "region_code": "330102", "department": "d"}]);
    let file = write(dir.path(), "field.json", json.to_string().as_bytes());
    let out = run(
        &["audit", "--catalog", &file],
        &[("GOVOPS_MAX_FIELD_BYTES", "65536")],
        None,
    );
    assert_refused(&out, &["field.json:1", "`name`", "GOVOPS_MAX_FIELD_BYTES"]);
}

#[test]
fn a_long_line_without_newline_is_refused_without_echoing_it() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("GOVOPS_MAX_RECORD_BYTES", "262144")];
    for (command, flag, header) in [
        ("sharing", "--registry", "id,dataset,provider\n"),
        ("audit", "--catalog", CATALOG_HEADER),
        ("balance", "--metrics", "region_code,online_rate\n"),
    ] {
        let mut bytes = header.as_bytes().to_vec();
        bytes.extend(std::iter::repeat_n(b'x', 2 << 20));
        let file = write(dir.path(), "long.csv", &bytes);
        let out = run(&[command, flag, &file], &env, None);
        assert_refused(&out, &["long.csv:2", "GOVOPS_MAX_RECORD_BYTES"]);
    }
    // JSON Lines: one line over the record limit.
    let mut jsonl = br#"{"id":"A","item_code":"B","name":""#.to_vec();
    jsonl.extend(std::iter::repeat_n(b'x', 300_000));
    jsonl.extend(br#"","region_code":"330102","department":"d"}"#);
    let file = write(dir.path(), "long.jsonl", &jsonl);
    let out = run(&["audit", "--catalog", &file], &env, None);
    assert_refused(&out, &["long.jsonl:1", "line", "GOVOPS_MAX_RECORD_BYTES"]);
}

/// The same file with LF, CRLF, CRLF and a BOM, CR only, and with a blank line and a row
/// with a quoted two-line value (`multi`) after the header, with the line of its last row.
fn variants(lf: &str, multi: &str) -> Vec<(&'static str, Vec<u8>, u64)> {
    let n = lf.lines().count() as u64;
    let crlf = lf.replace('\n', "\r\n");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(crlf.as_bytes());
    let cr = lf.replace('\n', "\r");
    let (header, rest) = lf.split_once('\n').unwrap();
    assert_eq!(multi.lines().count(), 2);
    let multi = format!("{header}\n\n{multi}\n{rest}");
    vec![
        ("lf", lf.as_bytes().to_vec(), n),
        ("crlf", crlf.into_bytes(), n),
        ("bom", bom, n),
        ("cr", cr.into_bytes(), n),
        ("multi", multi.into_bytes(), n + 3),
    ]
}

#[test]
fn line_numbers_agree_for_every_line_end_bom_and_quoted_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    // audit: a finding on the last row.
    let catalog = "id,item_code,name,region_code,department,visits\n\
        A1,B1,结婚登记,330102,某局,1\n\
        A2,B2,出生登记,330102,某局,lots\n";
    let multi = "M1,B9,\"两行\n名称\",330102,某局,1";
    for (kind, bytes, line) in variants(catalog, multi) {
        let file = write(dir.path(), &format!("{kind}.csv"), &bytes);
        let out = run(&["audit", "--catalog", &file, "-f", "json"], &[], None);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{kind}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
        let lines: Vec<u64> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "quality.bad_value")
            .filter_map(|f| f["location"]["line"].as_u64())
            .collect();
        assert_eq!(lines, vec![line], "{kind}");
    }
    // A loader error (sharing registries load strictly) on the last row.
    let registry = "id,dataset,provider,consumers,url,frequency\n\
        IF-1,a,甲局,乙局,http://127.0.0.1:9/a,daily\n\
        IF-2,b,甲局,乙局,http://127.0.0.1:9/b,sometimes\n";
    let multi = "IF-0,\"two\nlines\",甲局,乙局,http://127.0.0.1:9/x,daily";
    for (kind, bytes, line) in variants(registry, multi) {
        let file = write(dir.path(), &format!("r-{kind}.csv"), &bytes);
        let out = run(&["sharing", "--registry", &file], &[], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{kind}: {err}");
        assert!(
            err.contains(&format!("r-{kind}.csv:{line}:")),
            "{kind}: {err}"
        );
    }
    // balance names the first line of a region given twice: a data row, not the header.
    let metrics = "region_code,online_rate\n11,0.5\n12,0.6\n11,0.7\n";
    for (kind, bytes, line) in variants(metrics, "13,\"0.1\n\"") {
        let file = write(dir.path(), &format!("m-{kind}.csv"), &bytes);
        let out = run(&["balance", "--metrics", &file], &[], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{kind}: {err}");
        let first = line - 2;
        assert!(
            err.contains(&format!("m-{kind}.csv:{line}:"))
                && err.contains(&format!("first on line {first}")),
            "{kind}: {err}"
        );
    }
}

/// JSON, JSON Lines and YAML name the same line and column whatever the line ends: an error
/// on line 3 of the LF file is on line 3 of its CRLF, BOM and CR-only (old Mac) forms, and
/// the message carries the position once.
#[test]
fn document_errors_name_the_same_line_for_every_line_end() {
    let dir = tempfile::tempdir().unwrap();
    let row = r#"{"id":"a","item_code":"B1","name":"x","region_code":"110101","department":"d"}"#;
    let docs = [
        (
            "json",
            format!("[\n{row},\n{{\"id\":\"b\" \"item_code\":\"B2\"}}\n]\n"),
            "3:11",
        ),
        (
            "jsonl",
            format!("{row}\n\n{{\"id\":\"b\" \"item_code\":\"B2\"}}\n"),
            "3:11",
        ),
        (
            "yaml",
            "- id: a\n  name: x\n- id: b\n  item_code: [B2\n".to_string(),
            ":4:14:",
        ),
    ];
    for (ext, lf, at) in docs {
        let crlf = lf.replace('\n', "\r\n");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(crlf.as_bytes());
        let cr = lf.replace('\n', "\r");
        for (kind, bytes) in [
            ("lf", lf.clone().into_bytes()),
            ("crlf", crlf.into_bytes()),
            ("bom", bom),
            ("cr", cr.into_bytes()),
        ] {
            let file = write(dir.path(), &format!("{kind}.{ext}"), &bytes);
            let out = run(&["audit", "--catalog", &file], &[], None);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{kind}.{ext}: {err}");
            let want = if at.starts_with(':') {
                at.to_string()
            } else {
                format!(":{at}:")
            };
            assert!(err.contains(&want), "{kind}.{ext}: want {want} in {err}");
            assert!(
                !err.contains(" at line "),
                "{kind}.{ext}: position twice: {err}"
            );
        }
    }
}

/// The profile sets the limits (`inputs.limits`, sizes like `4 KiB`); each environment
/// variable beats it; a bad size is a profile error with its line.
#[test]
fn profile_limits_apply_and_the_environment_beats_them() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let big = format!(
        "id,item_code,name,region_code,department\nA,B,{},110101,d\n",
        "x".repeat(5000)
    );
    write(d, "big.csv", big.as_bytes());
    let profile = write(
        d,
        "p.yaml",
        b"inputs:\n  catalog: big.csv\n  limits:\n    max_field_bytes: 4 KiB\n",
    );
    let out = run(&["-p", &profile, "audit"], &[], None);
    assert_refused(
        &out,
        &[
            "big.csv:2",
            "`name`",
            "4096",
            "inputs.limits.max_field_bytes",
        ],
    );
    let out = run(
        &["-p", &profile, "audit", "-f", "json"],
        &[("GOVOPS_MAX_FIELD_BYTES", "8KiB")],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bad = write(
        d,
        "bad.yaml",
        b"inputs:\n  catalog: big.csv\n  limits:\n    max_field_bytes: lots\n",
    );
    let out = run(&["-p", &bad, "audit"], &[], None);
    assert_refused(&out, &["bad.yaml:4", "inputs.limits.max_field_bytes"]);
}
