//! `govops audit` on small hand-made catalogs: every rule fires where it should and stays quiet
//! where it should not (the hard negatives), through the real binary.

use std::collections::BTreeSet;
use std::process::{Command, Output};

use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/audit");

fn govops(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(args)
        .env_remove("GOVOPS_PROFILE")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("run govops")
}

fn data(name: &str) -> String {
    format!("{DATA}/{name}")
}

fn audit_json(extra: &[&str]) -> (Value, i32) {
    let cat = data("catalog.csv");
    let base = data("baseline.csv");
    let mut args = vec![
        "audit",
        "--catalog",
        &cat,
        "--baseline",
        &base,
        "-f",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = govops(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (v, out.status.code().unwrap_or(-1))
}

/// (rule, region, sorted records) of every finding.
fn keys(v: &Value) -> BTreeSet<(String, String, Vec<String>)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut recs: Vec<String> = f["records"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_string())
                .collect();
            recs.sort();
            (
                f["rule"].as_str().unwrap().to_string(),
                f["region_code"].as_str().unwrap_or("").to_string(),
                recs,
            )
        })
        .collect()
}

fn k(rule: &str, region: &str, recs: &[&str]) -> (String, String, Vec<String>) {
    (
        rule.into(),
        region.into(),
        recs.iter().map(|s| s.to_string()).collect(),
    )
}

#[test]
fn every_rule_fires_on_its_planted_defect() {
    let (v, code) = audit_json(&[]);
    assert_eq!(code, 1, "high findings fail the default --fail-on high");
    let got = keys(&v);
    let want = [
        k("duplicate.record", "330106", &["A01", "A01"]),
        k("duplicate.item", "330105", &["C03", "C07"]),
        k("duplicate.name", "330102", &["A07", "A11"]),
        k("duplicate.near_name", "330102", &["A01", "A09"]),
        k("duplicate.near_name", "330102", &["A05", "A06"]),
        k("duplicate.cross_department", "330102", &["A03", "A10"]),
        k("gap.missing_item", "330105", &[]),
        k("gap.offline_only", "330105", &["C02"]),
        k("gap.no_mobile_channel", "330105", &["C03"]),
        k("consistency.name", "330105", &["C05"]),
        k("consistency.type", "330105", &["C04"]),
        k("consistency.basis", "330105", &["C01"]),
        k("consistency.time_limit", "330105", &["C01"]),
        k("consistency.depth_visits", "330105", &["C05"]),
        k("quality.bad_value", "330105", &["C06"]),
        k("quality.missing_field", "330106", &["D02"]),
        k("quality.unknown_region", "339999", &["E01"]),
        k("quality.unknown_item", "330102", &["A06"]),
    ];
    for w in &want {
        assert!(got.contains(w), "missing {w:?} in {got:#?}");
    }
    // The near duplicate carries its similarity and points at the row to retire.
    let near = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "duplicate.near_name" && f["records"][0] == "A05")
        .unwrap();
    assert!(
        (near["similarity"].as_f64().unwrap() - 0.909).abs() < 0.001,
        "{near}"
    );
    assert_eq!(
        near["location"]["line"], 7,
        "line of A06, the non-standard row"
    );
    assert_eq!(near["item_code"], "B005", "the standard item");
    // Traditional script plus a qualifier: the same name once normalised, similarity 1.
    let trad = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["records"][1] == "A09")
        .unwrap();
    assert_eq!(trad["similarity"], 1.0);
    // The missing item names region and item and has no records.
    let gap: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "gap.missing_item")
        .collect();
    let gap_keys: BTreeSet<(&str, &str)> = gap
        .iter()
        .map(|f| {
            (
                f["region_code"].as_str().unwrap(),
                f["item_code"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(gap_keys.contains(&("330105", "B005")));
    assert!(
        !gap_keys.iter().any(|(r, _)| *r == "330102"),
        "330102 implements every county item"
    );
    assert!(
        !gap_keys.iter().any(|(_, i)| *i == "B008"),
        "B008 is a city-level item"
    );
    assert!(
        !gap_keys.iter().any(|(r, _)| *r == "339999"),
        "unknown regions are not judged for gaps"
    );
    // Malformed values point at their line.
    let bad = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "quality.bad_value")
        .unwrap();
    assert_eq!(bad["location"]["line"], 17);
    assert!(bad["message"].as_str().unwrap().contains("\"abc\""));
}

#[test]
fn different_baseline_items_are_never_duplicates() {
    let (v, _) = audit_json(&["--only", "duplicate."]);
    for f in v["findings"].as_array().unwrap() {
        let recs: BTreeSet<&str> = f["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        for (a, b) in [
            ("A01", "A02"),
            ("A03", "A04"),
            ("A07", "A08"),
            ("C05", "C06"),
        ] {
            assert!(
                !(recs.contains(a) && recs.contains(b)),
                "{a}/{b} reported: {f}"
            );
        }
    }
    // 出生医学证明签发 / 补发 differ by one character in eight: near by text, so only the
    // basic catalog keeps them apart. Without it they are reported.
    let cat = data("catalog.csv");
    let out = govops(&[
        "audit",
        "--catalog",
        &cat,
        "--only",
        "duplicate.near_name",
        "-f",
        "json",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got = keys(&v);
    assert!(
        got.iter().any(|(rule, _, r)| rule == "duplicate.near_name"
            && r.contains(&"A07".to_string())
            && r.contains(&"A08".to_string())),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(_, _, r)| r == &["A03", "A04"]),
        "结婚/离婚 stay below the threshold"
    );
}

#[test]
fn without_baseline_peers_and_majorities_decide() {
    let peers = data("peers.csv");
    let out = govops(&["audit", "--catalog", &peers, "-f", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "medium findings pass --fail-on high"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got = keys(&v);
    assert_eq!(
        got,
        [k("gap.peer_missing", "330109", &[])].into_iter().collect(),
        "{got:?}"
    );
    let f = &v["findings"][0];
    assert_eq!(f["item_code"], "X2");
    assert_eq!(f["peers_with_item"], 4);
    assert_eq!(v["summary"]["rows"], 9);
    assert_eq!(v["summary"]["regions"], 5);
}

#[test]
fn only_threshold_and_fail_on_drive_the_exit_code() {
    let (v, code) = audit_json(&["--only", "gap.no_mobile_channel"]);
    assert_eq!(code, 0, "one low finding does not fail --fail-on high");
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    let (_, code) = audit_json(&["--only", "gap.no_mobile_channel", "--fail-on", "low"]);
    assert_eq!(code, 1);
    let (_, code) = audit_json(&["--fail-on", "never"]);
    assert_eq!(code, 0);
    // A stricter threshold drops the 0.909 pair; names equal once normalised stay.
    let (v, _) = audit_json(&["--only", "duplicate.near_name", "--threshold", "1"]);
    let got = keys(&v);
    assert_eq!(
        got,
        [k("duplicate.near_name", "330102", &["A01", "A09"])]
            .into_iter()
            .collect(),
        "{got:?}"
    );
    let cat = data("catalog.csv");
    let out = govops(&["audit", "--catalog", &cat, "--threshold", "1.5"]);
    assert_eq!(out.status.code(), Some(2));
    let out = govops(&["audit", "--catalog", &cat, "--only", "duplicat.nme"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn summary_leads_with_the_worst() {
    let (v, _) = audit_json(&[]);
    let s = &v["summary"];
    assert_eq!(s["rows"], 21);
    assert_eq!(s["by_rule"]["duplicate.item"], 1);
    let total: u64 = ["high", "medium", "low"]
        .iter()
        .map(|k| s["by_severity"][k].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, v["findings"].as_array().unwrap().len());
    let worst = &s["worst_regions"][0];
    assert_eq!(
        worst["region_code"], "330106",
        "most high findings (five missing items)"
    );
    assert!(worst["name"].as_str().unwrap().contains("西湖区"));
    assert!(s["worst_departments"].as_array().unwrap().len() > 1);
    // Findings are ordered worst first.
    let sev: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    let rank = |s: &str| match s {
        "high" => 0,
        "medium" => 1,
        _ => 2,
    };
    assert!(sev.windows(2).all(|w| rank(w[0]) <= rank(w[1])));

    let cat = data("catalog.csv");
    let base = data("baseline.csv");
    let out = govops(&[
        "audit",
        "--catalog",
        &cat,
        "--baseline",
        &base,
        "-f",
        "table",
    ]);
    let t = String::from_utf8(out.stdout).unwrap();
    let fix = t.find("Fix first").expect("table leads with what to fix");
    let top = t.find("Top findings").unwrap();
    assert!(fix < top && t.find("330106").unwrap() < top, "{t}");
}

#[test]
fn malformed_catalogs_exit_2_naming_file_and_line() {
    for (file, needle) in [
        ("short_row.csv", "short_row.csv:3"),
        ("malformed.csv", "malformed.csv:3"),
        ("no_id.csv", "missing required column `id`"),
        ("does-not-exist.csv", "does-not-exist.csv"),
    ] {
        let out = govops(&["audit", "--catalog", &data(file), "-f", "json"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains(needle), "{file}: {err}");
        assert!(out.stdout.is_empty(), "nothing judged, nothing reported");
    }
}

#[test]
fn sarif_and_junit_carry_rules_locations_and_fingerprints() {
    let cat = data("catalog.csv");
    let base = data("baseline.csv");
    let out = govops(&[
        "audit",
        "--catalog",
        &cat,
        "--baseline",
        &base,
        "-f",
        "sarif",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 25);
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(r["ruleId"].as_str().unwrap().contains('.'));
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with(".csv"));
        assert!(r["partialFingerprints"]
            .as_object()
            .unwrap()
            .values()
            .all(|f| f.as_str().unwrap().len() == 16));
    }
    let dup = results
        .iter()
        .find(|r| r["ruleId"] == "duplicate.item")
        .unwrap();
    assert_eq!(
        dup["locations"][0]["physicalLocation"]["region"]["startLine"],
        18
    );

    let out = govops(&[
        "audit",
        "--catalog",
        &cat,
        "--baseline",
        &base,
        "-f",
        "junit",
    ]);
    let x = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        x.matches("<testcase ").count(),
        25,
        "one test case per rule"
    );
    assert!(x.contains("name=\"duplicate.record\""));
    assert!(x.contains("tests=\"25\""));
    assert!(x.contains("<failure"));
}

#[test]
fn list_and_explain_rules() {
    let out = govops(&["audit", "--list-rules", "-f", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 25);
    let out = govops(&["audit", "--explain", "duplicate.near_name"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("食品经营许可证核发"));
    let out = govops(&["audit", "--explain", "duplicate.nearname"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `duplicate.near_name`"));
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalog.csv");
    std::fs::copy(data("catalog.csv"), &cat).unwrap();
    let before = std::fs::read(&cat).unwrap();
    let c = cat.to_str().unwrap();
    let out = govops(&["audit", "--catalog", c, "-o", c]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&cat).unwrap(), before);
    let report = dir.path().join("audit.csv");
    let out = govops(&[
        "audit",
        "--catalog",
        c,
        "-f",
        "csv",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let csv = std::fs::read_to_string(report).unwrap();
    assert!(csv.starts_with("severity,rule,region_code"));
}
