//! `govops audit` on the two real inventories through their shipped profiles
//! (profiles/canada.yaml, profiles/kenya.yaml).

use std::process::Command;

use serde_json::Value;

fn audit(profile: &str, extra: &[&str]) -> (Value, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["-p", profile, "audit", "-f", "json"])
        .args(extra)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code().unwrap_or(-1))
}

fn with_rule<'a>(v: &'a Value, rule: &str) -> Vec<&'a Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

#[test]
fn canada_one_fiscal_year_offline_services_and_double_registrations() {
    let (v, code) = audit("canada", &[]);
    assert_eq!(
        code, 0,
        "the profile reports without failing (fail_on: never)"
    );
    assert_eq!(v["summary"]["rows"], 1751, "only fiscal year 2023-2024");
    assert!(v["summary"]["departments"].as_u64().unwrap() > 50);
    // Services with no online stage at all.
    // Services with no online stage at all, one finding per department listing them.
    let offline = with_rule(&v, "gap.offline_only");
    let services: u64 = offline
        .iter()
        .map(|f| f["services"].as_u64().unwrap())
        .sum();
    let records: usize = offline
        .iter()
        .map(|f| f["records"].as_array().unwrap().len())
        .sum();
    assert!(services > 500 && records as u64 == services, "{services}");
    assert!(offline.len() > 20 && offline.iter().all(|f| f["department"].is_string()));
    // Natural Resources Canada lists the same services under two ids (2913 and SRV02913).
    let dup = with_rule(&v, "duplicate.name");
    assert!(
        dup.iter()
            .any(|f| f["records"] == serde_json::json!(["2913", "SRV02913"])),
        "{dup:?}"
    );
    // A generic name two departments each run ("Access to Information and Privacy", "Media
    // Relations") is evidence of nothing without another agreeing field: not paired.
    assert!(with_rule(&v, "duplicate.cross_department").is_empty());
    // The export's own service_type codes are one column-level finding, not 1751.
    assert!(with_rule(&v, "quality.bad_value").len() <= 2);
    // Nothing about mobile channels: the inventory does not record them (skipped by the profile).
    assert!(with_rule(&v, "gap.no_mobile_channel").is_empty());
    assert!(
        with_rule(&v, "quality.unknown_region").is_empty(),
        "CA is not judged against China's regions"
    );
}

#[test]
fn kenya_naming_variants_across_agencies() {
    let (v, _) = audit("kenya", &[]);
    assert_eq!(v["summary"]["rows"], 5489);
    let msgs = |rule: &str| -> Vec<String> {
        with_rule(&v, rule)
            .iter()
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    // Generic names that several agencies each register ("Student Portal", "Accommodation")
    // are not duplicates across agencies without other evidence.
    let cross = msgs("duplicate.cross_department");
    assert!(cross.is_empty(), "{cross:?}");
    // An HTML-escaped copy of a name is the same name.
    let same = msgs("duplicate.name");
    assert!(same.iter().any(|m| m.contains("&lt;")), "{same:?}");
    let names = msgs("duplicate.near_name");
    assert!(!names.is_empty());
    // Different services whose names differ in one word or number stay apart.
    for m in names.iter().chain(&cross) {
        assert!(!(m.contains("Exporter") && m.contains("Importer")), "{m}");
        assert!(!(m.contains("20ft") && m.contains("40ft")), "{m}");
    }
}
