//! `govops sharing` from the command line: static checks on a hand-written registry, the demo
//! with its planted faults, secrets that never leak, and history under concurrent and killed
//! runs.

use crate::support;

use std::process::{Command, Stdio};
use std::time::Duration;

use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::Router;
use serde_json::Value;

fn govops(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(args)
        .envs(env.iter().copied())
        .env_remove("GOVOPS_PROFILE")
        .env("NO_COLOR", "1")
        .output()
        .expect("run govops");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

fn rules_of(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    (
                        f["rule"].as_str().unwrap_or("").to_string(),
                        f["records"]
                            .as_array()
                            .map(|r| {
                                r.iter()
                                    .filter_map(Value::as_str)
                                    .collect::<Vec<_>>()
                                    .join(";")
                            })
                            .unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

const STATIC_REGISTRY: &str = r#"
interfaces:
  - id: A1
    dataset: 居民身份证信息
    provider: 省公安厅
    consumers: [省民政厅, 省人社厅]
    url: https://share.example.gov.cn/a1
    frequency: daily
    last_updated: 2026-11-28T10:00:00+08:00
    replaces_materials: [身份证]
  - id: A2
    dataset: 婚姻登记信息
    provider: 省民政厅
    consumers: [省公安厅]
    url: https://share.example.gov.cn/a2
    frequency: monthly
    last_updated: 2026-05-01
    replaces_materials: [结婚证]
  - {id: A3, dataset: 档案查询, provider: 省档案馆, url: "https://share.example.gov.cn/a3", frequency: yearly}
  - {id: A4, dataset: 产权登记, provider: 省国资委, consumers: [省金融局], frequency: weekly, last_updated: 2026-11-27}
  - {id: A5, dataset: "", provider: 省人社厅, consumers: [省政务服务中心], url: "https://share.example.gov.cn/a5"}
"#;

const CATALOG: &str = "id,item_code,name,region_code,department,materials\n\
r1,001,结婚登记,330102,杭州市上城区民政局,身份证;户口簿\n\
r2,002,社保卡申领,330102,杭州市上城区人社局,身份证;近期免冠照片\n\
r3,003,离婚登记,330102,杭州市上城区民政局,结婚证;身份证;户口簿\n";

#[test]
fn static_checks_on_a_hand_written_registry() {
    let (dir, reg) = support::registry_file(STATIC_REGISTRY);
    let cat = dir.path().join("catalog.csv");
    std::fs::write(&cat, CATALOG).expect("catalog");
    let (code, out, err) = govops(
        &[
            "sharing",
            "--registry",
            reg.to_str().unwrap_or(""),
            "--catalog",
            cat.to_str().unwrap_or(""),
            "-f",
            "json",
        ],
        &[("SOURCE_DATE_EPOCH", "1795939200")],
    );
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["command"], "sharing");
    assert_eq!(v["generated_at"], "2026-11-29T08:00:00Z");
    let found = rules_of(&v);
    let has = |rule: &str, rec: &str| found.iter().any(|(r, x)| r == rule && x == rec);
    assert!(has("sharing.orphan", "A3"), "{found:?}");
    assert!(has("sharing.metadata", "A4"), "missing url: {found:?}");
    assert!(
        has("sharing.metadata", "A5"),
        "missing dataset and frequency: {found:?}"
    );
    assert!(
        has("sharing.stale", "A2"),
        "monthly, last updated in May: {found:?}"
    );
    assert!(
        !found.iter().any(|(r, x)| r == "sharing.stale" && x == "A1"),
        "A1 is fresh"
    );
    assert!(
        has("sharing.silo", "A3"),
        "档案馆 shares with nobody: {found:?}"
    );
    assert!(
        has("sharing.silo", "A4"),
        "国资委-金融局 is an island: {found:?}"
    );
    assert!(found.iter().any(|(r, _)| r == "sharing.one_way"));
    assert_eq!(
        v["summary"]["graph"]["islands"][0],
        serde_json::json!(["省国资委", "省金融局"])
    );
    // 公安⇄民政 is the one two-way pair among five edges.
    assert_eq!(v["summary"]["graph"]["reciprocity"], 0.4);
    // Catalog departments of the registry's regions join the graph; this registry has none.
    assert_eq!(v["coverage"]["mentions"], 7);
    assert_eq!(v["coverage"]["covered_mentions"], 4);
    assert_eq!(
        v["coverage"]["top_uncovered"][0],
        serde_json::json!(["户口簿", 2])
    );
    let line = v["findings"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["rule"] == "sharing.stale"))
        .map(|f| f["location"]["line"].clone());
    assert!(
        line.is_some_and(|l| l.as_u64().is_some()),
        "findings carry the registry line"
    );

    // --fail-on low turns the low orphan/one-way findings into exit 1; other formats parse.
    let (code, _, _) = govops(
        &[
            "sharing",
            "--registry",
            reg.to_str().unwrap_or(""),
            "--fail-on",
            "low",
            "-f",
            "csv",
        ],
        &[],
    );
    assert_eq!(code, 1);
    let (_, sarif, _) = govops(
        &[
            "sharing",
            "--registry",
            reg.to_str().unwrap_or(""),
            "-f",
            "sarif",
        ],
        &[],
    );
    assert_eq!(json(&sarif)["version"], "2.1.0");
    let (_, junit, _) = govops(
        &[
            "sharing",
            "--registry",
            reg.to_str().unwrap_or(""),
            "-f",
            "junit",
        ],
        &[],
    );
    assert!(junit.contains("<testcase classname=\"govops.sharing\" name=\"sharing.orphan\">"));
}

#[test]
fn bad_registry_is_exit_2_naming_file_and_line() {
    let (_dir, reg) = support::registry_file("interfaces:\n  - id: X1\n    latency_slo_ms: fast\n");
    let (code, out, err) = govops(&["sharing", "--registry", reg.to_str().unwrap_or("")], &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("registry.yaml:2") && err.contains("latency_slo_ms"),
        "{err}"
    );
    let (code, _, err) = govops(&["sharing", "--explain", "sharing.nope"], &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("did you mean `sharing.") && err.contains("govops sharing --list-rules"),
        "{err}"
    );
}

#[test]
fn list_and_explain_rules() {
    let (code, out, _) = govops(&["sharing", "--list-rules"], &[]);
    assert_eq!(code, 0);
    for rule in [
        "sharing.unreachable",
        "sharing.tls",
        "sharing.silo",
        "sharing.body",
        "sharing.stale",
    ] {
        assert!(out.contains(rule), "{rule} missing from {out}");
    }
    let (code, out, _) = govops(&["sharing", "--explain", "sharing.redirects"], &[]);
    assert_eq!(code, 0);
    assert!(out.contains("max_redirects"));
}

#[test]
fn demo_probes_find_every_planted_fault_and_spare_the_healthy() {
    let (code, out, err) = govops(
        &["sharing", "--probe", "--timeout", "1s", "-f", "json"],
        &[],
    );
    assert_eq!(code, 1, "planted high faults fail the run: {err}");
    assert!(
        err.contains("built-in demo registry") && err.contains("probing them live"),
        "{err}"
    );
    let v = json(&out);
    let found = rules_of(&v);
    let expect = [
        ("sharing.http_status", "GX-JT-001"),
        ("sharing.http_status", "GX-JY-001"),
        ("sharing.slow", "GX-ZR-001"),
        ("sharing.timeout", "GX-WJ-001"),
        ("sharing.body", "GX-YB-001"),
        ("sharing.body", "GX-SW-001"),
        ("sharing.stale", "GX-GJJ-001"),
        ("sharing.oversize", "GX-TJ-001"),
        ("sharing.redirects", "GX-SF-001"),
        ("sharing.orphan", "GX-DA-001"),
        ("sharing.metadata", "GX-MZ-003"),
        ("sharing.stale", "GX-CL-001"),
        ("sharing.type_missing", "GX-JT-002"),
        ("sharing.conditions_missing", "GX-WJ-003"),
        ("sharing.legal_basis_missing", "GX-SF-002"),
    ];
    for (rule, id) in expect {
        assert!(
            found.iter().any(|(r, x)| r == rule && x == id),
            "{rule} on {id} not found in {found:?}"
        );
    }
    let silos: Vec<&Value> = v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "sharing.silo")
        .collect();
    assert!(silos.iter().any(|f| f["department"] == "浙江省档案馆"));
    let healthy = [
        "GX-GA-001",
        "GX-GA-002",
        "GX-MZ-001",
        "GX-SC-001",
        "GX-RS-001",
        "GX-WJ-002",
        "GX-MZ-002",
    ];
    for id in healthy {
        assert!(
            !found.iter().any(|(_, x)| x == id),
            "healthy {id} has findings: {found:?}"
        );
    }
    let probes = v["probes"].as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(v["summary"]["probes"]["probed"], probes);
    assert!(probes >= 20);
    // 不予共享 entries are never probed, with or without their legal basis; the one withheld
    // by law is counted apart from the silos.
    let probed: Vec<&str> = v["probes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert!(probed.contains(&"GX-SF-001"), "{probed:?}");
    assert!(!probed.contains(&"GX-SF-002"), "{probed:?}");
    assert_eq!(
        v["summary"]["graph"]["not_shared_by_law"][0],
        "浙江省国家保密局"
    );
    assert!(!silos.iter().any(|f| f["department"] == "浙江省国家保密局"));
}

/// A server that only answers when it gets the right bearer token.
fn token_server(token: &'static str) -> support::Server {
    support::http(Router::new().route(
        "/secure",
        get(move |h: HeaderMap| async move {
            let ok = h.get("authorization").and_then(|v| v.to_str().ok())
                == Some(&format!("Bearer {token}"));
            if ok {
                (StatusCode::OK, r#"{"data":{"records":[1]}}"#.to_string())
            } else {
                (
                    StatusCode::UNAUTHORIZED,
                    format!("bad token {:?}", h.get("authorization")),
                )
            }
        }),
    ))
}

#[test]
fn bearer_tokens_never_leak() {
    const TOKEN: &str = "tok-9f8e7d6c5b4a-SECRET";
    let srv = token_server(TOKEN);
    let yaml = format!(
        "interfaces:\n  - id: S1\n    dataset: 社保参保信息\n    provider: 省人社厅\n    consumers: [省医保局]\n    url: {}\n    frequency: daily\n    auth: {{bearer_env: SHARE_TOKEN}}\n    expect: {{json_field: data.records}}\n",
        srv.url("/secure")
    );
    let (dir, reg) = support::registry_file(&yaml);
    let db = dir.path().join("h.sqlite");
    let reg = reg.to_str().unwrap_or("");
    let env = [("SHARE_TOKEN", TOKEN)];
    let mut seen = String::new();
    for f in ["json", "table", "csv", "markdown", "sarif"] {
        let (code, out, err) = govops(
            &[
                "sharing",
                "--registry",
                reg,
                "--probe",
                "-v",
                "--history",
                db.to_str().unwrap_or(""),
                "-f",
                f,
            ],
            &env,
        );
        assert_eq!(code, 0, "the token was sent and accepted: {out}{err}");
        seen += &out;
        seen += &err;
    }
    assert!(!seen.contains(TOKEN), "token leaked into output");
    let mut bytes = std::fs::read(&db).expect("db");
    bytes.extend(std::fs::read(dir.path().join("h.sqlite-wal")).unwrap_or_default());
    assert!(
        !String::from_utf8_lossy(&bytes).contains(TOKEN),
        "token leaked into history"
    );
    // Without the variable: a 401 whose message names the variable, not a token.
    let (code, out, _) = govops(
        &["sharing", "--registry", reg, "--probe", "-f", "json"],
        &[],
    );
    assert_eq!(code, 1);
    assert!(out.contains("SHARE_TOKEN is not set"), "{out}");
}

fn healthy_registry(srv: &support::Server, n: usize) -> String {
    let mut y = String::from("interfaces:\n");
    for i in 0..n {
        y += &format!(
            "  - {{id: H{i}, dataset: 企业登记信息, provider: 省市场监管局, consumers: [省税务局], url: \"{}\", frequency: daily}}\n",
            srv.url(&format!("/ok/{i}"))
        );
    }
    y
}

fn ok_server() -> support::Server {
    support::http(Router::new().route(
        "/ok/:n",
        get(|| async {
            tokio::time::sleep(Duration::from_millis(5)).await;
            r#"{"data":{"records":[]}}"#
        }),
    ))
}

fn probe_count(db: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open");
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(ok, "ok");
    c.query_row("SELECT COUNT(*) FROM probes", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn two_runs_write_one_history_at_once() {
    let srv = ok_server();
    let (dir, reg) = support::registry_file(&healthy_registry(&srv, 40));
    let db = dir.path().join("probes.sqlite");
    let args = [
        "sharing",
        "--registry",
        reg.to_str().unwrap_or(""),
        "--probe",
        "--history",
        db.to_str().unwrap_or(""),
        "-f",
        "json",
    ];
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_govops"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (
        a.wait_with_output().expect("a"),
        b.wait_with_output().expect("b"),
    );
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    assert_eq!(probe_count(&db), 80);
    // A third run reports availability and latency per interface over the windows.
    let (code, out, _) = govops(&args, &[]);
    assert_eq!(code, 0);
    let v = json(&out);
    let h0 = v["history"]["interfaces"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == "H0"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(h0["windows"]["24h"]["probes"], 3);
    assert_eq!(h0["windows"]["30d"]["availability"], 1.0);
    assert!(h0["windows"]["7d"]["p95_ms"].as_f64().is_some());
    // Retention prunes everything older than now (SOURCE_DATE_EPOCH far ahead).
    let (code, _, err) = govops(
        &[
            "sharing",
            "--registry",
            reg.to_str().unwrap_or(""),
            "--history",
            db.to_str().unwrap_or(""),
            "--retention",
            "1d",
            "-f",
            "json",
        ],
        &[("SOURCE_DATE_EPOCH", "4102444800")],
    );
    assert_eq!(code, 0);
    assert!(err.contains("pruned 120"), "{err}");
    assert_eq!(probe_count(&db), 0);
}

#[test]
fn a_killed_run_loses_nothing_committed() {
    let srv = ok_server();
    let (dir, reg) = support::registry_file(&healthy_registry(&srv, 200));
    let db = dir.path().join("probes.sqlite");
    let args = [
        "sharing",
        "--registry",
        reg.to_str().unwrap_or(""),
        "--probe",
        "--concurrency",
        "64",
        "--history",
        db.to_str().unwrap_or(""),
        "-f",
        "json",
    ];
    let (code, _, _) = govops(&args, &[]);
    assert_eq!(code, 0);
    let mut committed = probe_count(&db);
    assert_eq!(committed, 200);
    // Kill runs at different moments, some during probing, some during the write.
    for delay_ms in [50u64, 150, 250, 350, 450, 600] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_govops"))
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = probe_count(&db);
        assert!(
            now >= committed,
            "lost committed probes: {now} < {committed}"
        );
        assert_eq!(now % 200, 0, "a partial run became visible: {now}");
        committed = now;
    }
}

#[test]
fn ckan_package_search_is_a_registry() {
    let srv = ok_server();
    let body = serde_json::json!({"success": true, "result": {"count": 1, "results": [{
        "name": "qiye-dengji", "title": "企业登记信息", "metadata_modified": "2020-01-01T00:00:00",
        "organization": {"title": "省市场监督管理局"}, "extras": [{"key": "frequency", "value": "monthly"}],
        "resources": [{"id": "r1", "name": "API", "url": srv.url("/ok/1")}]
    }]}});
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("package_search.json");
    std::fs::write(&path, body.to_string()).expect("write");
    let (code, out, err) = govops(
        &[
            "sharing",
            "--registry",
            path.to_str().unwrap_or(""),
            "--probe",
            "-f",
            "json",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("CKAN"), "{err}");
    let v = json(&out);
    assert_eq!(v["probes"][0]["status"], 200);
    assert!(
        rules_of(&v)
            .iter()
            .any(|(r, x)| r == "sharing.stale" && x == "qiye-dengji/r1"),
        "{out}"
    );
    assert!(!rules_of(&v).iter().any(|(r, _)| r == "sharing.orphan"));
}

#[test]
fn hostile_names_are_defused_in_tables() {
    let (_dir, reg) = support::registry_file(
        "interfaces:\n  - {id: X, dataset: \"数据\\e[2J\\u202e\", provider: \"省\\e]0;pwned\\a厅\", url: \"https://a.example/x\", frequency: daily}\n",
    );
    let (_, out, _) = govops(
        &[
            "sharing",
            "--registry",
            reg.to_str().unwrap_or(""),
            "-f",
            "table",
        ],
        &[],
    );
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}') && !out.contains('\u{7}'),
        "{out}"
    );
    assert!(out.contains("␛[2J"));
}
