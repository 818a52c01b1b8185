//! `cargo bench --bench audit`: the audit at national scale against the raw cost of the work
//! and against the obvious alternative, in one run.
//!
//! 1. Generate a catalog with the built binary (`govops sample --scale national`, about 10 M
//!    rows; `GOVOPS_BENCH_SCALE=province` for a quick run). Kept in target/bench-data.
//! 2. Time a plain parse of the same file with the csv crate, touching every field.
//! 3. Run `govops audit` as a child under /usr/bin/time -v: wall time, peak RSS.
//! 4. Score its findings against truth.json: near duplicates (duplicate.name, near_name,
//!    cross_department, matched on records) and exact gaps (gap.missing_item, matched on region
//!    and item), plus every planted rule.
//! 5. Do the near-duplicate job the obvious way in Python (benches/audit_baseline.py: datasketch
//!    MinHash LSH if installed, else bigram Jaccard over all pairs of each region), same data,
//!    same scoring.
//!
//! Targets: audit ÷ parse ≤ 3, peak RSS ≤ half the file size, precision and recall ≥ 0.97.
// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_govops");
const NEAR: &[&str] = &[
    "duplicate.name",
    "duplicate.near_name",
    "duplicate.cross_department",
];

fn main() {
    let scale = std::env::var("GOVOPS_BENCH_SCALE").unwrap_or_else(|_| "national".into());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root
        .join("target/bench-data")
        .join(format!("audit-{scale}"));
    let catalog = dir.join("catalog.csv");
    let baseline = dir.join("baseline.csv");
    let truth_path = dir.join("truth.json");
    if !truth_path.exists() {
        println!("generating the {scale} sample in {} …", dir.display());
        let t = Instant::now();
        let ok = Command::new(BIN)
            .args(["sample", "--scale", &scale, "--force", "--out"])
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "govops sample failed");
        println!("  generated in {:.1?}", t.elapsed());
    }
    let size = std::fs::metadata(&catalog).map(|m| m.len()).unwrap_or(0);

    let (parse, rows) = parse_csv(&catalog);
    let report = dir.join("report.json");
    let (audit, rss) = run_audit(&catalog, &baseline, &report);
    let truth: Value = read_json(&truth_path);
    let found: Value = read_json(&report);

    println!();
    println!(
        "audit benchmark, scale {scale}: {rows} rows, {:.1} MB",
        mb(size)
    );
    println!("  csv parse (every field)   {:>9.2?}", parse);
    println!(
        "  govops audit              {:>9.2?}   ratio {:.2}   (target ≤ 3)",
        audit,
        ratio(audit, parse)
    );
    println!(
        "  peak RSS                  {:>9.1} MB  ÷ file {:.3}   (target ≤ 0.5)",
        mb(rss),
        rss as f64 / size.max(1) as f64
    );
    let want_near = near_keys(truth["defects"].as_array().unwrap_or(&Vec::new()));
    let got_near = near_keys(found["findings"].as_array().unwrap_or(&Vec::new()));
    let (p, r) = pr(&want_near, &got_near);
    println!(
        "  near duplicates           precision {p:.4}  recall {r:.4}   ({} planted)",
        want_near.len()
    );
    let (p, r) = pr(&gap_keys(&truth["defects"]), &gap_keys(&found["findings"]));
    println!(
        "  exact gaps                precision {p:.4}  recall {r:.4}   ({} in truth)",
        gap_keys(&truth["defects"]).len()
    );
    per_rule(&truth, &found);

    python_baseline(root, &catalog, &want_near, audit);
}

fn mb(b: u64) -> f64 {
    b as f64 / 1e6
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

fn read_json(p: &Path) -> Value {
    let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The raw cost: read every record with the csv crate and touch every byte of every field.
fn parse_csv(path: &Path) -> (Duration, u64) {
    let t = Instant::now();
    let mut r = csv::Reader::from_path(path).expect("open catalog");
    let mut rec = csv::StringRecord::new();
    let (mut rows, mut sum) = (0u64, 0u64);
    while r.read_record(&mut rec).expect("parse") {
        rows += 1;
        for f in rec.iter() {
            sum = sum.wrapping_add(f.bytes().map(u64::from).sum::<u64>());
        }
    }
    std::hint::black_box(sum);
    (t.elapsed(), rows)
}

/// Run the audit as a child process; wall time and peak resident memory (VmHWM).
fn run_audit(catalog: &Path, baseline: &Path, report: &Path) -> (Duration, u64) {
    let t = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(BIN)
        .args([
            "--no-progress",
            "-v",
            "audit",
            "--fail-on",
            "never",
            "-f",
            "json",
            "--catalog",
        ])
        .arg(catalog)
        .arg("--baseline")
        .arg(baseline)
        .arg("-o")
        .arg(report)
        .output()
        .expect("run /usr/bin/time govops audit");
    let wall = t.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "audit failed:\n{err}");
    for line in err.lines().filter(|l| l.starts_with("govops:")) {
        println!("  {line}");
    }
    let kb: u64 = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    (wall, kb * 1024)
}

/// Near-duplicate pairs, whichever of the three duplicate rules names them.
fn near_keys(list: &[Value]) -> BTreeSet<Vec<String>> {
    list.iter()
        .filter(|d| NEAR.contains(&d["rule"].as_str().unwrap_or("")))
        .map(records)
        .collect()
}

fn records(d: &Value) -> Vec<String> {
    let mut r: Vec<String> = d["records"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    r.sort();
    r
}

fn gap_keys(list: &Value) -> BTreeSet<(String, String)> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == "gap.missing_item")
        .map(|d| {
            (
                d["region_code"].as_str().unwrap_or("").to_string(),
                d["item_code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn pr<T: Ord>(want: &BTreeSet<T>, got: &BTreeSet<T>) -> (f64, f64) {
    let tp = want.intersection(got).count() as f64;
    let p = if got.is_empty() {
        1.0
    } else {
        tp / got.len() as f64
    };
    let r = if want.is_empty() {
        1.0
    } else {
        tp / want.len() as f64
    };
    (p, r)
}

/// Every rule the generator plants, matched as truth.json says.
fn per_rule(truth: &Value, found: &Value) {
    let key = |d: &Value| -> (String, Vec<String>) {
        let rule = d["rule"].as_str().unwrap_or("").to_string();
        if rule == "gap.missing_item" {
            let k = vec![
                d["region_code"].as_str().unwrap_or("").to_string(),
                d["item_code"].as_str().unwrap_or("").to_string(),
            ];
            return (rule, k);
        }
        (rule, records(d))
    };
    let audit_rule = |r: &str| {
        ["duplicate.", "gap.", "consistency.", "quality."]
            .iter()
            .any(|p| r.starts_with(p))
    };
    let want: BTreeSet<_> = truth["defects"]
        .as_array()
        .into_iter()
        .flatten()
        .map(key)
        .filter(|k| audit_rule(&k.0))
        .collect();
    let rules: BTreeSet<String> = want.iter().map(|k| k.0.clone()).collect();
    let got: BTreeSet<_> = found["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(key)
        .filter(|k| rules.contains(&k.0))
        .collect();
    println!("  by rule (precision / recall / planted):");
    for rule in &rules {
        let w: BTreeSet<_> = want.iter().filter(|k| &k.0 == rule).collect();
        let g: BTreeSet<_> = got.iter().filter(|k| &k.0 == rule).collect();
        let (p, r) = pr(&w, &g);
        println!("    {rule:<28} {p:.4} / {r:.4} / {}", w.len());
    }
}

fn python_baseline(root: &Path, catalog: &Path, want: &BTreeSet<Vec<String>>, ours: Duration) {
    let script: PathBuf = root.join("benches/audit_baseline.py");
    let budget = std::env::var("GOVOPS_BENCH_PY_BUDGET").unwrap_or_else(|_| "900".into());
    let t = Instant::now();
    let out = Command::new("python3")
        .arg(&script)
        .arg(catalog)
        .arg(&budget)
        .output();
    let wall = t.elapsed();
    let Ok(out) = out else {
        println!("  python baseline: python3 not available");
        return;
    };
    if !out.status.success() {
        println!(
            "  python baseline failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return;
    }
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let pairs: BTreeSet<Vec<String>> = v["pairs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let mut r: Vec<String> = p
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect();
            r.sort();
            r
        })
        .collect();
    let (p, r) = pr(want, &pairs);
    println!(
        "  python {:<18} {:>9.2?}   {:.1}× govops' whole audit; near duplicates precision {p:.4} recall {r:.4}{}",
        v["method"].as_str().unwrap_or("?"),
        wall,
        ratio(wall, ours),
        if v["complete"] == true {
            String::new()
        } else {
            format!(
                "  (stopped at the {budget} s budget after {} of {} regions)",
                v["regions_done"], v["regions"]
            )
        }
    );
}
