//! An empty or header-only catalog, registry or metrics file is the high-severity finding `input.empty` in
//! every command that reads one, so the default gate fails on a broken export, unless the
//! profile says `inputs.allow_empty: true`.

use std::path::Path;
use std::process::{Command, Output};

fn govops(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(args)
        .current_dir(dir)
        .env_remove("GOVOPS_PROFILE")
        .output()
        .unwrap()
}

/// The `input.empty` findings of a JSON report (or of `check`'s merged list), with their files.
fn empty_findings(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "input.empty")
        .map(|f| {
            assert_eq!(f["severity"], "high");
            f["location"]["file"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn empty_inputs_fail_the_default_gate_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("empty.csv"), "").unwrap();
    std::fs::write(
        d.join("c.csv"),
        "id,item_code,name,region_code,department\n",
    )
    .unwrap();
    std::fs::write(d.join("r.csv"), "id,dataset,provider\n").unwrap();
    std::fs::write(d.join("r.yaml"), "interfaces: []\n").unwrap();
    for catalog in ["empty.csv", "c.csv"] {
        let out = govops(d, &["audit", "--catalog", catalog, "-f", "json"]);
        assert_eq!(out.status.code(), Some(1), "audit {catalog}");
        assert_eq!(empty_findings(&out), vec![catalog.to_string()]);
    }
    for registry in ["empty.csv", "r.csv", "r.yaml"] {
        let out = govops(d, &["sharing", "--registry", registry, "-f", "json"]);
        assert_eq!(out.status.code(), Some(1), "sharing {registry}");
        assert_eq!(empty_findings(&out), vec![registry.to_string()]);
    }
    std::fs::write(d.join("m.csv"), "region_code,online_rate\n").unwrap();
    for metrics in ["empty.csv", "m.csv"] {
        let out = govops(d, &["balance", "--metrics", metrics, "-f", "json"]);
        assert_eq!(out.status.code(), Some(1), "balance {metrics}");
        assert_eq!(empty_findings(&out), vec![metrics.to_string()]);
        // The gate is balance's own: --fail-on never lets the report through.
        let out = govops(d, &["balance", "--metrics", metrics, "--fail-on", "never"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "balance {metrics} --fail-on never"
        );
    }
    // A catalog with no rows measures no region either.
    let out = govops(d, &["balance", "--catalog", "c.csv", "-f", "json"]);
    assert_eq!(out.status.code(), Some(1), "balance --catalog c.csv");
    assert_eq!(empty_findings(&out), vec!["c.csv".to_string()]);

    // check: every area's findings, one gate.
    std::fs::write(
        d.join("p.yaml"),
        "inputs:\n  catalog: c.csv\n  registry: r.csv\n  metrics: m.csv\n",
    )
    .unwrap();
    let out = govops(d, &["-p", "p.yaml", "check", "-f", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let mut files = empty_findings(&out);
    files.sort();
    files.dedup();
    assert_eq!(files, vec!["c.csv", "m.csv", "r.csv"]);

    // The profile may say an empty input is fine.
    std::fs::write(
        d.join("ok.yaml"),
        "inputs:\n  catalog: c.csv\n  registry: r.csv\n  metrics: m.csv\n  allow_empty: true\n",
    )
    .unwrap();
    let out = govops(d, &["-p", "ok.yaml", "check", "-f", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(empty_findings(&out).is_empty());
    for cmd in ["audit", "balance"] {
        let out = govops(d, &["-p", "ok.yaml", cmd, "-f", "json"]);
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        assert!(empty_findings(&out).is_empty(), "{cmd}");
    }
}
