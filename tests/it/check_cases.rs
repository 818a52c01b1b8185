//! `check` judges the case stream (`inputs.events`) by the `cases.*` rules: overdue 差评
//! rectifications per region fail the default gate, the alerts' thresholds are findings,
//! and a profile without events skips the area.

use std::process::Command;

fn check(profile: &str, extra: &[&str]) -> (i32, serde_json::Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.yaml");
    std::fs::write(&p, profile).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(["-p", p.to_str().unwrap(), "check", "-f", "json"])
        .args(extra)
        .env("SOURCE_DATE_EPOCH", "1796025600") // 2026-11-30T08:00:00Z
        .env_remove("GOVOPS_PROFILE")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (out.status.code().unwrap_or(-1), v, stderr)
}

fn events() -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/monitor/lifecycle.jsonl")
        .display()
        .to_string()
}

#[test]
fn overdue_rectifications_fail_the_gate_once_per_region() {
    let (code, v, err) = check(&format!("inputs:\n  events: {}\n", events()), &[]);
    assert_eq!(code, 1, "{err}");
    let area = &v["summary"]["areas"]["monitor"];
    assert_eq!(area["status"], "fail");
    assert_eq!(area["summary"]["reviews"]["overdue"], 2);
    let findings = v["reports"]["monitor"]["findings"].as_array().unwrap();
    let rect: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f["rule"] == "cases.rectification_overdue")
        .map(|f| {
            (
                f["region_code"].as_str().unwrap_or(""),
                f["severity"].as_str().unwrap(),
            )
        })
        .collect();
    // SC-1001's 差评 in 锦江区 (510104), and the orphan SC-0998's of an unknown region.
    assert_eq!(rect, [("510104", "high"), ("", "high")]);
    let rules: Vec<&str> = findings.iter().filter_map(|f| f["rule"].as_str()).collect();
    assert!(rules.contains(&"cases.overdue_rate") && rules.contains(&"cases.satisfaction"));
    assert!(
        !rules.contains(&"cases.orphans"),
        "2 orphans of 16 events is below 20 %"
    );
    // The other areas are skipped, never passed.
    assert_eq!(
        v["summary"]["skipped"],
        serde_json::json!(["audit", "sharing", "balance"])
    );
}

#[test]
fn thresholds_from_the_profile_and_the_gate_change_the_verdict() {
    // Thresholds the stream meets: no medium findings; the overdue 差评 still fail.
    let profile = format!(
        "inputs:\n  events: {}\nmonitor:\n  alerts: {{overdue_rate: 0.9, satisfaction_below: 0.1, rectification_overdue_max: 5}}\n",
        events()
    );
    let (code, v, err) = check(&profile, &[]);
    assert_eq!(code, 1, "rectification findings still fail: {err}");
    assert_eq!(v["summary"]["areas"]["monitor"]["findings"]["medium"], 0);
    let (code, _, err) = check(&profile, &["--fail-on", "never"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn the_rules_are_listed_and_explained_by_monitor() {
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(["monitor", "--explain", "rectification_overdue"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("国办发〔2019〕51号") && text.contains("15 working days"),
        "{text}"
    );
}
