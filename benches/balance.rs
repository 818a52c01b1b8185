//! `govops balance` at national scale: all 41,352 townships (real codes from the built-in
//! hierarchy) with ten indicators, grouped by their county (2,800+ groups) with the default
//! 999-permutation test. Reports the total time, the time per region, and the ratio to merely
//! parsing the same CSV with the csv crate (the raw cost of reading the input).
//!
//! Run: `cargo bench --bench balance`.
// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use govops::balance::analysis::{analyse, Method};
use govops::balance::indicators::Spec;
use govops::balance::input::read_metrics;
use govops::balance::tiers::Scheme;
use govops::load::LoadOptions;
use govops::model::{Level, RegionSet};
use govops::profile::sections::balance::{Better, Scaling};
use rand::{Rng, SeedableRng};

const INDICATORS: [&str; 10] = [
    "online_rate",
    "full_online_rate",
    "avg_visits",
    "satisfaction",
    "applications_per_1k",
    "mobile_share",
    "same_day_rate",
    "overdue_rate",
    "ratings_per_1k",
    "materials_cut_rate",
];
const RUNS: usize = 3;

fn best_of<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let out = f();
        best = best.min(t.elapsed());
        last = Some(out);
    }
    (best, last.expect("RUNS > 0"))
}

/// The permutation test as it was before issue 5 (one RNG stream, shuffled in place, one
/// pass over the labels per series): the yardstick for `stats::p_values`.
fn p_values_before(
    xs: &[&[f64]],
    groups: &[usize],
    g: usize,
    observed: &[f64],
    permutations: usize,
    seed: u64,
) -> Vec<f64> {
    use rand::seq::SliceRandom;
    let n = groups.len();
    let mut counts = vec![0usize; g];
    for &k in groups {
        counts[k] += 1;
    }
    let t_between = |sums: &[f64], total: f64| -> f64 {
        sums.iter()
            .zip(&counts)
            .filter(|(s, c)| **s > 0.0 && **c > 0)
            .map(|(s, c)| {
                let share = s / total;
                share * (share * n as f64 / *c as f64).ln()
            })
            .sum()
    };
    let totals: Vec<f64> = xs.iter().map(|x| x.iter().sum()).collect();
    let t_totals: Vec<f64> = xs
        .iter()
        .zip(&totals)
        .map(|(x, t)| {
            let mean = t / n as f64;
            x.iter()
                .filter(|v| **v > 0.0)
                .map(|v| (v / mean) * (v / mean).ln())
                .sum::<f64>()
                / n as f64
        })
        .collect();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut labels = groups.to_vec();
    let mut at_least = vec![0usize; xs.len()];
    let mut sums = vec![0.0f64; g];
    for _ in 0..permutations {
        labels.shuffle(&mut rng);
        for (j, x) in xs.iter().enumerate() {
            sums.iter_mut().for_each(|s| *s = 0.0);
            for (v, &k) in x.iter().zip(&labels) {
                sums[k] += v;
            }
            if t_between(&sums, totals[j]) / t_totals[j] >= observed[j] - 1e-12 {
                at_least[j] += 1;
            }
        }
    }
    at_least
        .into_iter()
        .map(|k| (1 + k) as f64 / (1 + permutations) as f64)
        .collect()
}

fn main() {
    let set = RegionSet::china();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("townships.csv");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut w = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    write!(w, "region_code,name").expect("write");
    for k in INDICATORS {
        write!(w, ",{k}").expect("write");
    }
    writeln!(w).expect("write");
    let mut n = 0usize;
    for r in set.at_level(Level::Township) {
        write!(w, "{},{}", r.code, r.name).expect("write");
        for _ in INDICATORS {
            write!(w, ",{:.4}", rng.random_range(0.05..1.0f64)).expect("write");
        }
        writeln!(w).expect("write");
        n += 1;
    }
    w.flush().expect("flush");
    drop(w);
    let file = path.display().to_string();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);

    // The raw cost: read every record and parse every number, nothing else.
    let (parse, sum) = best_of(|| {
        let mut rdr = csv::Reader::from_path(&path).expect("open");
        let mut rec = csv::StringRecord::new();
        let mut sum = 0.0f64;
        while rdr.read_record(&mut rec).expect("record") {
            for v in rec.iter().skip(2) {
                sum += v.parse::<f64>().unwrap_or(0.0);
            }
        }
        sum
    });
    black_box(sum);

    let plan = Method {
        specs: INDICATORS
            .iter()
            .map(|k| Spec {
                name: k.to_string(),
                weight: 1.0,
                better: if matches!(*k, "avg_visits" | "overdue_rate") {
                    Better::Lower
                } else {
                    Better::Higher
                },
            })
            .collect(),
        scaling: Scaling::Ratio,
        group_by: Some("parent".into()),
        weight: None,
        scheme: Scheme::Egdi,
        laggard_ratio: 0.75,
        permutations: 999,
        seed: 2026,
    };
    let opts = LoadOptions::default();
    let (load, ds) = best_of(|| read_metrics(&file, &opts, None, set).expect("load"));
    let (full, report) = best_of(|| {
        let ds = read_metrics(&file, &opts, None, set).expect("load");
        let r = analyse(ds, plan.clone()).expect("analyse");
        let json = govops::balance::json::envelope(&r, serde_json::Value::Null).to_json();
        (r, json.len())
    });
    let no_perm = Method {
        permutations: 0,
        ..plan.clone()
    };
    let (quick, _) = best_of(|| analyse(ds.clone(), no_perm.clone()).expect("analyse"));
    let (perm, _) = best_of(|| analyse(ds.clone(), plan.clone()).expect("analyse"));
    let (json, _) = best_of(|| {
        govops::balance::json::envelope(&report.0, serde_json::Value::Null)
            .to_json()
            .len()
    });
    let groups = report
        .0
        .index_inequality()
        .and_then(|q| q.decomposition.as_ref())
        .map(|d| d.groups.len())
        .unwrap_or(0);

    // The permutation test alone, before and after, on the ten indicators by county.
    let mut ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let idx: Vec<usize> = ds
        .units
        .iter()
        .map(|u| {
            let p = u.parent.as_ref().map_or("", |p| p.0.as_str());
            let next = ids.len();
            *ids.entry(p).or_insert(next)
        })
        .collect();
    let names: Vec<(String, Option<String>)> =
        (0..ids.len()).map(|k| (k.to_string(), None)).collect();
    let cols: Vec<Vec<f64>> = ds
        .columns
        .iter()
        .map(|c| c.values.iter().map(|v| v.unwrap_or(0.0)).collect())
        .collect();
    let xs: Vec<&[f64]> = cols.iter().map(Vec::as_slice).collect();
    let observed: Vec<f64> = xs
        .iter()
        .map(|x| {
            govops::balance::stats::decompose(x, &idx, &names, "parent", 0, 0)
                .between_share
                .unwrap_or(0.0)
        })
        .collect();
    let (before, p_before) =
        best_of(|| p_values_before(&xs, &idx, names.len(), &observed, 999, 2026));
    let (after, p_after) =
        best_of(|| govops::balance::stats::p_values(&xs, &idx, names.len(), &observed, 999, 2026));

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("balance: {n} townships × {} indicators, {groups} county groups, {:.1} MB CSV (best of {RUNS})", INDICATORS.len(), size as f64 / 1e6);
    println!("  csv crate, parse only        {:>9.1} ms", ms(parse));
    println!(
        "  load (govops loader + join)  {:>9.1} ms  ({:.1}× parse)",
        ms(load),
        ms(load) / ms(parse)
    );
    println!("  analyse, no permutations     {:>9.1} ms", ms(quick));
    println!(
        "  analyse, 999 permutations    {:>9.1} ms  (permutation test {:.1} ms)",
        ms(perm),
        ms(perm) - ms(quick)
    );
    println!("  JSON report                  {:>9.1} ms", ms(json));
    println!(
        "  permutation test alone, {} series: before {:.1} ms, now {:.1} ms ({:.1}×); p before {:?}, now {:?}",
        xs.len(),
        ms(before),
        ms(after),
        ms(before) / ms(after),
        p_before,
        p_after.iter().flatten().collect::<Vec<_>>()
    );
    println!(
        "  total: load + analyse (999 permutations × 11 series) + JSON   {:.1} ms = {:.1} µs per region = {:.1}× parse",
        ms(full),
        ms(full) * 1e3 / n as f64,
        ms(full) / ms(parse)
    );
    println!("  JSON report {:.1} MB", report.1 as f64 / 1e6);
}
