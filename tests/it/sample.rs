//! `govops sample`: the generated files load with the project's own loaders, are the same for
//! the same seed, and `truth.json` lists exactly the defects the catalog really has.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use govops::balance::input::read_metrics;
use govops::cli::Scale;
use govops::load::{self, LoadOptions};
use govops::model::{CatalogRow, Event, Level, RegionSet, SharingType};
use govops::monitor::parse::parse_line;
use govops::sample::{self, Truth};
use indicatif::ProgressBar;

const FILES: &[&str] = sample::FILES;

/// The demo (seed 2026) generated once for all tests of this file.
fn demo() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sample-demo");
        sample::generate(Scale::Demo, 2026, &dir, true, &ProgressBar::hidden()).unwrap();
        dir
    })
}

/// The demo catalog, loaded once (leniently: it holds planted bad values).
fn demo_rows() -> &'static [CatalogRow] {
    static ROWS: OnceLock<Vec<CatalogRow>> = OnceLock::new();
    ROWS.get_or_init(|| load::read_catalog(path(demo(), "catalog.csv"), &lenient()).unwrap())
}

fn lenient() -> LoadOptions {
    LoadOptions {
        lenient: true,
        ..LoadOptions::default()
    }
}

fn path(dir: &Path, f: &str) -> String {
    dir.join(f).display().to_string()
}

fn truth(dir: &Path) -> Truth {
    sample::read_truth(&dir.join("truth.json")).unwrap()
}

#[test]
fn same_seed_same_bytes_other_seed_other_data() {
    // The shared demo is seed 2026; a second run with that seed must match it byte for byte.
    let again = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sample-det");
    sample::generate(Scale::Demo, 2026, &again, true, &ProgressBar::hidden()).unwrap();
    for f in FILES {
        let x = std::fs::read(demo().join(f)).unwrap();
        let y = std::fs::read(again.join(f)).unwrap();
        assert!(x == y, "{f} differs between two runs with the same seed");
    }
    // The CLI test below writes seed 3: another seed, other data.
    let other = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sample-other");
    sample::generate(Scale::Demo, 3, &other, true, &ProgressBar::hidden()).unwrap();
    assert_ne!(
        std::fs::read(demo().join("catalog.csv")).unwrap(),
        std::fs::read(other.join("catalog.csv")).unwrap()
    );
    assert_eq!(truth(&other).seed, 3);
}

#[test]
fn every_file_loads_with_the_project_loaders() {
    let dir = demo();
    let t = truth(dir);
    let rows = demo_rows();
    assert_eq!(rows.len() as u64, t.counts["catalog_rows"]);
    assert!(
        (5_000..30_000).contains(&rows.len()),
        "demo catalog has {} rows",
        rows.len()
    );
    let baseline = load::read_baseline(path(dir, "baseline.csv"), &LoadOptions::default()).unwrap();
    assert_eq!(baseline.len() as u64, t.counts["baseline_items"]);
    let registry = load::read_registry(path(dir, "sharing.yaml"), &LoadOptions::default())
        .unwrap()
        .interfaces;
    assert_eq!(registry.len() as u64, t.counts["interfaces"]);
    assert!(registry
        .iter()
        .any(|i| i.auth.bearer_env.as_deref() == Some("SHARING_TOKEN")));
    let metrics = read_metrics(
        path(dir, "metrics.csv"),
        &LoadOptions::default(),
        None,
        RegionSet::china(),
    )
    .unwrap();
    assert_eq!(metrics.units.len(), 31);
    for (i, u) in metrics.units.iter().enumerate() {
        for k in [
            "online_rate",
            "full_online_rate",
            "avg_visits",
            "satisfaction",
            "applications_per_1k",
            "mobile_share",
        ] {
            assert!(
                metrics.column(k).is_some_and(|c| c.values[i].is_some()),
                "{} lacks {k}",
                u.code
            );
        }
    }
    // Events: every line parses except exactly the malformed ones truth.json lists.
    let text = std::fs::read_to_string(dir.join("events.jsonl")).unwrap();
    let bad: Vec<u64> = text
        .lines()
        .enumerate()
        .filter(|(i, l)| parse_line(l, *i as u64 + 1).is_err())
        .map(|(i, _)| i as u64 + 1)
        .collect();
    assert_eq!(bad, t.malformed_lines);
    assert_eq!(bad.len(), 2);
    let events = text.lines().count() as u64;
    assert!(events > 3_000 && events == t.counts["events"]);
    let overdue = text.lines().filter_map(|l| parse_line(l, 0).ok().flatten()).filter(|e| {
        matches!(e, Event::Completed { limit_days: Some(l), elapsed_days: Some(d), .. } if d > l)
    });
    assert!(overdue.count() > 20, "some cases run past their limit");
}

/// The defects a scorer would find in the catalog by itself, rule by rule, compared with
/// truth.json: every listed defect is really there, and nothing real is unlisted.
#[test]
fn truth_lists_exactly_the_defects_in_the_catalog() {
    let dir = demo();
    let t = truth(dir);
    let rows = demo_rows();
    let baseline = load::read_baseline(path(dir, "baseline.csv"), &LoadOptions::default()).unwrap();
    let base: BTreeMap<&str, _> = baseline.iter().map(|b| (b.item_code.as_str(), b)).collect();
    let set = RegionSet::china();
    let by_id: BTreeMap<&str, Vec<&CatalogRow>> = rows.iter().fold(BTreeMap::new(), |mut m, r| {
        m.entry(r.id.as_str()).or_default().push(r);
        m
    });
    let listed = |rule: &str| -> BTreeSet<Vec<String>> {
        t.defects
            .iter()
            .filter(|d| d.rule == rule)
            .map(|d| d.records.clone())
            .collect()
    };
    let found = |f: &dyn Fn(&CatalogRow) -> bool| -> BTreeSet<Vec<String>> {
        rows.iter()
            .filter(|r| f(r))
            .map(|r| vec![r.id.clone()])
            .collect()
    };
    let known = |r: &CatalogRow| set.get(&r.region_code).is_some();
    let b = |r: &CatalogRow| base.get(r.item_code.as_str()).copied();

    // Single-row rules, computed independently over the whole catalog.
    let issue = |r: &CatalogRow, missing: bool| {
        r.issues
            .iter()
            .any(|i| (i.found == "an empty cell") == missing)
    };
    type RowCheck<'a> = Box<dyn Fn(&CatalogRow) -> bool + 'a>;
    let checks: Vec<(&str, RowCheck)> = vec![
        (
            "consistency.time_limit",
            Box::new(
                |r| matches!((r.promised_limit_days, r.legal_limit_days), (Some(p), Some(l)) if p > l),
            ),
        ),
        (
            "consistency.depth_visits",
            Box::new(|r| r.online_depth == Some(4) && r.visits.unwrap_or(0) > 0),
        ),
        (
            "consistency.name",
            Box::new(|r| b(r).is_some_and(|b| b.name != r.name)),
        ),
        (
            "consistency.type",
            Box::new(|r| {
                b(r).is_some_and(|b| r.service_type.is_some() && b.service_type != r.service_type)
            }),
        ),
        (
            "consistency.basis",
            Box::new(|r| b(r).is_some_and(|b| b.basis != r.basis)),
        ),
        ("quality.missing_field", Box::new(|r| issue(r, true))),
        ("quality.bad_value", Box::new(|r| issue(r, false))),
        ("quality.unknown_region", Box::new(|r| !known(r))),
        (
            "quality.unknown_item",
            Box::new(|r| known(r) && b(r).is_none()),
        ),
    ];
    for (rule, check) in &checks {
        let (want, got) = (listed(rule), found(check.as_ref()));
        assert!(!want.is_empty(), "{rule} is planted at least once");
        assert_eq!(want, got, "{rule}: truth.json and the catalog disagree");
    }

    // Pair rules: each listed pair is really a pair of that kind.
    let row = |id: &str| by_id[id][0];
    for d in &t.defects {
        let ids = &d.records;
        match d.rule.as_str() {
            "duplicate.record" => {
                assert_eq!(ids[0], ids[1]);
                assert_eq!(by_id[ids[0].as_str()].len(), 2, "{} occurs twice", ids[0]);
            }
            "duplicate.item" => {
                let (a, b) = (row(&ids[0]), row(&ids[1]));
                assert!(
                    a.id != b.id && a.item_code == b.item_code && a.region_code == b.region_code
                );
            }
            "duplicate.name" | "duplicate.near_name" | "duplicate.cross_department" => {
                let (a, b) = (row(&ids[0]), row(&ids[1]));
                assert_ne!(a.item_code, b.item_code);
                assert_eq!(a.region_code, b.region_code);
                match d.rule.as_str() {
                    "duplicate.name" => assert_eq!(a.name, b.name),
                    "duplicate.near_name" => assert_ne!(a.name, b.name),
                    _ => {}
                }
                assert_eq!(
                    d.rule == "duplicate.cross_department",
                    a.department != b.department,
                    "{d:?}"
                );
            }
            _ => {}
        }
    }
    // Ids are unique except for planted duplicate records.
    let twice: BTreeSet<&str> = by_id
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| *k)
        .collect();
    let planted: BTreeSet<&str> = t
        .defects
        .iter()
        .filter(|d| d.rule == "duplicate.record")
        .map(|d| d.records[0].as_str())
        .collect();
    assert_eq!(twice, planted);

    // Gaps: recomputed from scratch over every region with rows.
    let mut present: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in rows.iter().filter(|r| known(r)) {
        present
            .entry(r.region_code.as_str())
            .or_default()
            .insert(r.item_code.as_str());
    }
    let mut gaps = BTreeSet::new();
    for (region, items) in &present {
        let level = set.get(region).unwrap().level;
        for b in baseline.iter().filter(|b| b.levels.contains(&level)) {
            if !items.contains(b.item_code.as_str()) {
                gaps.insert((region.to_string(), b.item_code.clone()));
            }
        }
    }
    let listed_gaps: BTreeSet<(String, String)> = t
        .defects
        .iter()
        .filter(|d| d.rule == "gap.missing_item")
        .map(|d| (d.region_code.clone().unwrap(), d.item_code.clone().unwrap()))
        .collect();
    assert!(listed_gaps.len() > 20);
    assert_eq!(gaps, listed_gaps);
    // Hard negatives are all genuinely there.
    for n in [
        "食品经营许可证核发",
        "食品生产许可证核发",
        "结婚登记",
        "离婚登记",
    ] {
        assert!(baseline.iter().any(|b| b.name == n), "{n} in the baseline");
    }
    let county = set.get("330106").unwrap();
    assert_eq!(county.level, Level::County);
    assert!(rows
        .iter()
        .any(|r| r.region_code == "330106" && r.department == "西湖区市场监督管理局"));
}

#[test]
fn registry_defects_are_real() {
    let dir = demo();
    let t = truth(dir);
    let registry = load::read_registry(path(dir, "sharing.yaml"), &LoadOptions::default())
        .unwrap()
        .interfaces;
    let rows = demo_rows();
    let by_id: BTreeMap<&str, _> = registry.iter().map(|i| (i.id.as_str(), i)).collect();
    let as_of = chrono::NaiveDate::parse_from_str(&t.as_of, "%Y-%m-%d").unwrap();
    for rule in [
        "sharing.metadata",
        "sharing.orphan",
        "sharing.stale",
        "sharing.silo",
        "sharing.one_way",
        "sharing.type_missing",
        "sharing.conditions_missing",
        "sharing.legal_basis_missing",
    ] {
        assert!(
            t.defects.iter().any(|d| d.rule == rule),
            "{rule} is planted"
        );
    }
    // Valid types by default, in both languages; conditions and bases where they belong.
    let planted: BTreeSet<&str> = t
        .defects
        .iter()
        .filter(|d| d.rule.starts_with("sharing.") && d.rule.ends_with("_missing"))
        .map(|d| d.records[0].as_str())
        .collect();
    let typed = registry.iter().filter(|i| i.sharing_type.is_some()).count();
    assert_eq!(
        typed
            + t.defects
                .iter()
                .filter(|d| d.rule == "sharing.type_missing")
                .count(),
        registry.len()
    );
    for i in registry.iter().filter(|i| !planted.contains(i.id.as_str())) {
        match i.sharing_type {
            Some(SharingType::Conditional) => assert!(i.share_conditions.is_some(), "{}", i.id),
            Some(SharingType::NotShared) => assert!(i.legal_basis.is_some(), "{}", i.id),
            Some(SharingType::Unconditional) => {}
            None => panic!("{} has no type and no planted defect", i.id),
        }
    }
    let text = std::fs::read_to_string(path(dir, "sharing.yaml")).unwrap();
    assert!(text.contains("有条件共享") && text.contains("unconditional"));
    let by_law: Vec<_> = registry.iter().filter(|i| i.not_shared_by_law()).collect();
    assert!(!by_law.is_empty());
    assert!(by_law.iter().all(|i| i.provider.ends_with("国家保密局")));
    for d in t.defects.iter().filter(|d| d.rule.starts_with("sharing.")) {
        match d.rule.as_str() {
            "sharing.metadata" => assert!(by_id[d.records[0].as_str()]
                .issues
                .iter()
                .any(|i| i.field != "consumers")),
            "sharing.orphan" => assert!(by_id[d.records[0].as_str()].consumers.is_empty()),
            "sharing.type_missing" => assert!(by_id[d.records[0].as_str()].sharing_type.is_none()),
            "sharing.conditions_missing" => {
                let i = by_id[d.records[0].as_str()];
                assert_eq!(i.sharing_type, Some(SharingType::Conditional));
                assert!(i.share_conditions.is_none());
            }
            "sharing.legal_basis_missing" => {
                let i = by_id[d.records[0].as_str()];
                assert_eq!(i.sharing_type, Some(SharingType::NotShared));
                assert!(i.legal_basis.is_none());
            }
            "sharing.stale" => {
                let i = by_id[d.records[0].as_str()];
                let day = chrono::NaiveDate::parse_from_str(
                    &i.last_updated.clone().unwrap()[..10],
                    "%Y-%m-%d",
                )
                .unwrap();
                let period = i.frequency.unwrap().period().as_secs() / 86_400;
                assert!((as_of - day).num_days() as u64 > period, "{d:?}");
            }
            "sharing.silo" | "sharing.one_way" => {
                let dept = d.department.as_deref().unwrap();
                assert!(
                    rows.iter().any(|r| r.department == dept),
                    "{dept} has catalog rows"
                );
                assert!(
                    !registry.iter().any(|i| i.provider == dept),
                    "{dept} provides nothing"
                );
                let consumes = registry
                    .iter()
                    .any(|i| i.consumers.iter().any(|c| c == dept));
                assert_eq!(consumes, d.rule == "sharing.one_way", "{d:?}");
            }
            _ => {}
        }
    }
    // Interfaces replace papers the catalog really asks for.
    let materials: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.materials.iter().map(String::as_str))
        .collect();
    assert!(registry
        .iter()
        .flat_map(|i| &i.replaces_materials)
        .any(|m| m == "身份证"));
    let unknown: BTreeSet<&str> = registry
        .iter()
        .flat_map(|i| &i.replaces_materials)
        .map(String::as_str)
        .filter(|m| !materials.contains(m))
        .collect();
    assert!(
        unknown.is_empty(),
        "papers no catalog row asks for: {unknown:?}"
    );
}

#[test]
fn the_east_is_richer_online_than_the_west() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sample-gansu");
    sample::generate_province(Scale::Demo, 2026, "62", &root, true).unwrap();
    let mean_depth = |dir: &Path| {
        let rows = load::read_catalog(path(dir, "catalog.csv"), &lenient()).unwrap();
        let d: Vec<f64> = rows
            .iter()
            .filter_map(|r| r.online_depth)
            .map(f64::from)
            .collect();
        d.iter().sum::<f64>() / d.len() as f64
    };
    let (zhejiang, gansu) = (mean_depth(demo()), mean_depth(&root));
    assert!(
        zhejiang > gansu + 0.5,
        "Zhejiang {zhejiang:.2} vs Gansu {gansu:.2}"
    );
    // Townships lag their counties.
    let rows = demo_rows();
    let at = |l: Level| {
        let d: Vec<f64> = rows
            .iter()
            .filter(|r| r.level == Some(l))
            .filter_map(|r| r.online_depth)
            .map(f64::from)
            .collect();
        d.iter().sum::<f64>() / d.len() as f64
    };
    assert!(at(Level::County) > at(Level::Township) + 0.3);
    // Metrics: the east's online rate beats the west's.
    let metrics = read_metrics(
        path(demo(), "metrics.csv"),
        &LoadOptions::default(),
        None,
        RegionSet::china(),
    )
    .unwrap();
    let online = metrics.column("online_rate").expect("online_rate column");
    let rate = |g: &str| {
        let v: Vec<f64> = metrics
            .units
            .iter()
            .zip(&online.values)
            .filter(|(u, _)| u.group.as_deref() == Some(g))
            .filter_map(|(_, v)| *v)
            .collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert!(rate("east") > rate("west") + 0.05);
}

#[test]
fn refuses_to_overwrite_without_force() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sample-cli");
    let _ = std::fs::remove_dir_all(&dir);
    let bin = env!("CARGO_BIN_EXE_govops");
    let run = |extra: &[&str]| {
        Command::new(bin)
            .args(["sample", "--seed", "3", "--out"])
            .arg(&dir)
            .args(extra)
            .output()
            .unwrap()
    };
    let first = run(&[]);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let notice = String::from_utf8_lossy(&first.stderr);
    assert!(
        notice.contains("catalog.csv") && notice.contains("rows"),
        "{notice}"
    );
    assert!(first.stdout.is_empty());
    // Mark a file: a refused run must leave it alone.
    std::fs::write(dir.join("metrics.csv"), "region_code\n").unwrap();
    let second = run(&[]);
    assert_eq!(second.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&second.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(dir.join("metrics.csv")).unwrap(),
        "region_code\n"
    );
    let forced = run(&["--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(dir.join("metrics.csv"))
            .unwrap()
            .lines()
            .count()
            > 31
    );
    // No temporary files left behind.
    let stray: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !FILES.contains(&n.as_str()))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}
