//! `govops check`: every configured area, one summary, one exit code.

use std::process::{Command, Output};

fn govops(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(args)
        .env_remove("GOVOPS_PROFILE")
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    })
}

#[test]
fn the_demo_runs_end_to_end_with_live_probes() {
    let out = govops(&["check", "-f", "json"]);
    let v = json(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("built-in demo"),
        "says it is the demo: {stderr}"
    );
    assert_eq!(v["command"], "check");
    let reports = v["reports"].as_object().unwrap();
    for area in ["audit", "sharing", "balance", "monitor"] {
        assert_eq!(reports[area]["command"], area, "{area} ran");
    }
    // The sharing area probed the demo's loopback servers live.
    assert!(
        reports["sharing"]["summary"]["probes"]["probed"]
            .as_u64()
            .unwrap()
            > 0
    );
    let merged = v["findings"].as_array().unwrap().len();
    let sum: usize = ["audit", "sharing", "monitor"]
        .iter()
        .map(|a| reports[*a]["findings"].as_array().unwrap().len())
        .sum();
    assert_eq!(merged, sum, "findings of every area, merged");
    let high = v["summary"]["findings"]["high"].as_u64().unwrap();
    assert!(high > 0, "the demo plants high-severity defects");
    assert_eq!(
        out.status.code(),
        Some(1),
        "high findings fail at --fail-on high"
    );
    assert_eq!(v["summary"]["verdict"], "fail");
}

#[test]
fn fail_on_sets_the_exit_code_and_no_probe_skips_probes() {
    let out = govops(&["check", "--no-probe", "--fail-on", "never", "-f", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["summary"]["verdict"], "pass");
    assert!(
        v["reports"]["sharing"]["summary"]["probes"].is_null(),
        "no probes ran"
    );
}

#[test]
fn sarif_and_junit_merge_the_areas() {
    let out = govops(&["check", "--no-probe", "-f", "sarif"]);
    let v = json(&out);
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(results
        .iter()
        .any(|r| r["ruleId"].as_str().unwrap().starts_with("duplicate.")));
    assert!(results
        .iter()
        .any(|r| r["ruleId"].as_str().unwrap().starts_with("sharing.")));
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() > 20, "audit and sharing rule tables");

    let out = govops(&["check", "--no-probe", "-f", "junit"]);
    let xml = String::from_utf8_lossy(&out.stdout);
    // audit, sharing, balance and the case stream.
    assert_eq!(xml.matches("<testsuite ").count(), 4, "{xml}");
    assert_eq!(xml.matches("<testsuites").count(), 1);
    assert!(xml.contains("name=\"duplicate.near_name\""));
}

#[test]
fn a_profile_runs_only_what_it_configures() {
    let dir = tempfile::tempdir().unwrap();
    let metrics = dir.path().join("m.csv");
    std::fs::write(&metrics, "region_code,online_rate\n11,0.9\n12,0.5\n").unwrap();
    let profile = dir.path().join("p.yaml");
    std::fs::write(&profile, "inputs:\n  metrics: m.csv\n").unwrap();
    let out = govops(&["-p", profile.to_str().unwrap(), "check", "-f", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let areas: Vec<&String> = v["reports"].as_object().unwrap().keys().collect();
    assert_eq!(areas, ["balance"]);

    std::fs::write(&profile, "inputs:\n  catalog: missing.csv\n").unwrap();
    let out = govops(&["-p", profile.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("audit") && e.contains("missing.csv"), "{e}");

    std::fs::write(&profile, "name: empty\n").unwrap();
    let out = govops(&["-p", profile.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to check"));
}

fn govops_at(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(args)
        .env_remove("GOVOPS_PROFILE")
        .env("SOURCE_DATE_EPOCH", "1796000000")
        .output()
        .unwrap();
    json(&out)
}

#[test]
fn check_reports_the_same_figures_as_the_separate_commands() {
    let profile = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/check/ci.yaml");
    let check = govops_at(&["-p", profile, "check", "-f", "json"]);
    for area in ["audit", "sharing", "balance"] {
        let alone = govops_at(&["-p", profile, area, "-f", "json"]);
        let in_check = &check["reports"][area];
        assert_eq!(in_check["summary"], alone["summary"], "{area}: summary");
        assert_eq!(in_check["findings"], alone["findings"], "{area}: findings");
        assert_eq!(in_check["inputs"], alone["inputs"], "{area}: inputs");
        assert_eq!(
            check["summary"]["areas"][area]["summary"], alone["summary"],
            "{area}: the check summary's copy"
        );
    }
    assert_eq!(
        check["reports"]["balance"]["regions"],
        govops_at(&["-p", profile, "balance", "-f", "json"])["regions"]
    );
}

#[test]
fn each_area_is_judged_by_its_own_fail_on() {
    let dir = tempfile::tempdir().unwrap();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let profile = dir.path().join("p.yaml");
    let write = |audit: &str, sharing: &str| {
        std::fs::write(
            &profile,
            format!(
                "inputs:\n  catalog: {data}/data/audit/catalog.csv\n  baseline: {data}/data/audit/baseline.csv\n  registry: {data}/support/registry.yaml\n\
                 audit:\n  fail_on: {audit}\nsharing:\n  fail_on: {sharing}\n"
            ),
        )
        .unwrap();
    };
    let p = profile.to_str().unwrap();
    // The audit has high findings; the registry only medium and low ones.
    write("never", "high");
    let out = govops(&["-p", p, "check", "-f", "json"]);
    let v = json(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "neither area fails its own gate"
    );
    assert_eq!(v["summary"]["areas"]["audit"]["pass"], true);
    assert_eq!(v["summary"]["areas"]["audit"]["fail_on"], "never");
    assert_eq!(v["summary"]["fail_on"], "audit never, sharing high");

    write("never", "medium");
    let out = govops(&["-p", p, "check", "-f", "json"]);
    let v = json(&out);
    assert_eq!(out.status.code(), Some(1), "sharing fails at medium");
    assert_eq!(v["summary"]["areas"]["sharing"]["pass"], false);
    assert_eq!(v["summary"]["areas"]["audit"]["pass"], true);

    // `check --fail-on` overrides every area's policy.
    let out = govops(&["-p", p, "check", "--fail-on", "never", "-f", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["summary"]["fail_on"], "never");
}
