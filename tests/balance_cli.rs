//! `govops balance` through the real binary: published reference values (PySAL on Mexico,
//! the UN's 2022 EGDI means), catalog-derived indicators checked by hand, every format, and
//! hostile region names.
// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn govops(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(args)
        .current_dir(ROOT)
        .env_remove("GOVOPS_PROFILE")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .env("NO_COLOR", "1")
        .output()
        .expect("run govops")
}

fn json(args: &[&str]) -> Value {
    let out = govops(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {err}"))
}

fn close(v: &Value, want: f64, tol: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((got - want).abs() <= tol, "got {got}, want {want} ± {tol}");
}

const MEXICO: [&str; 8] = [
    "balance",
    "--metrics",
    "data/inequality/mexico.csv",
    "--indicators",
    "pcgdp1940",
    "--group-by",
    "hanson98",
    "-f",
];

#[test]
fn mexico_agrees_with_pysal() {
    let mut args = MEXICO.to_vec();
    args.push("json");
    let v = json(&args);
    let q = &v["inequality"]["pcgdp1940"];
    assert_eq!(q["n"], 32);
    close(&q["gini"], 0.353_723_711_734_528_5, 1e-12);
    close(&q["theil_t"], 0.208_943_44, 1e-8);
    let d = &q["decomposition"];
    assert_eq!(d["by"], "hanson98");
    close(&d["theil_t_between"], 0.034_588_9, 1e-7);
    close(
        &(d["theil_t_between"].as_f64().unwrap() + d["theil_t_within"].as_f64().unwrap()).into(),
        0.208_943_44,
        1e-8,
    );
    // hanson98 is numeric in the file (1.000 …): its values are group labels.
    let groups: Vec<&str> = d["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["1", "2", "3", "4", "5"]);
    let p = d["between_share_p_value"].as_f64().unwrap();
    assert!(p > 0.0 && p <= 1.0);
    // The permutation test is seeded: the same run gives the same p-value.
    assert_eq!(
        json(&args)["inequality"]["pcgdp1940"]["decomposition"]["between_share_p_value"],
        d["between_share_p_value"]
    );
    // One indicator, ratio to the best: the richest state scores 1 and ranks first.
    let first = &v["regions"][0];
    assert_eq!(first["name"], "Baja California");
    assert_eq!(first["rank"], 1);
    close(&first["index"], 1.0, 0.0);
    assert_eq!(v["regions"].as_array().unwrap().len(), 32);
    assert_eq!(v["command"], "balance");
}

#[test]
fn un_egdi_2022_means_match_the_published_figures() {
    let v = json(&["-p", "un-egdi", "balance", "-f", "json"]);
    assert_eq!(v["summary"]["regions"], 193);
    assert!(v["summary"]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| !n.as_str().unwrap().contains("not found")));
    let q = &v["inequality"]["e_government_index"];
    assert_eq!(q["n"], 193);
    let r4 = |x: &Value| (x.as_f64().unwrap() * 1e4).round() / 1e4;
    assert_eq!(r4(&q["mean"]), 0.6102);
    let groups = q["decomposition"]["groups"].as_array().unwrap();
    let mean_of = |g: &str| r4(&groups.iter().find(|x| x["group"] == g).unwrap()["mean"]);
    assert_eq!(mean_of("Asia"), 0.6493);
    assert_eq!(mean_of("Americas"), 0.6438);
    assert_eq!(mean_of("Oceania"), 0.5081);
    // The index is the mean of OSI, HCI and TII, i.e. the EGDI itself, with the UN's classes.
    assert_eq!(r4(&v["inequality"]["index"]["mean"]), 0.6102);
    let dnk = &v["regions"][0];
    assert_eq!(
        (
            dnk["code"].as_str(),
            dnk["tier"].as_str(),
            dnk["rating_class"].as_str()
        ),
        (Some("DNK"), Some("Very High"), Some("VH"))
    );
    // The renamed countries joined through the profile's aliases.
    let tur = v["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "TUR")
        .unwrap();
    assert_eq!(tur["group"], "Asia");
    assert!(tur["population"].as_f64().unwrap() > 7e7);
    assert!(q["weighted"]["mean"].as_f64().is_some());
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

#[test]
fn catalog_indicators_per_county_are_computed_exactly() {
    let d = tmp();
    // Two counties of Hangzhou: 上城区 330102 (3 items) and 拱墅区 330105 (1 item + 1 gap).
    let cat = write(
        d.path(),
        "catalog.csv",
        "\
id,item_code,name,region_code,department,level,sector,visits,online_depth,channels
1,A,婚姻登记,330102,民政局,county,civil_affairs,0,4,web;app
2,B,户籍迁移,330102,公安局,county,public_security,1,2,hall
3,C,医保报销,330102,医保局,county,health,2,1,hall
4,A,婚姻登记,330105,民政局,county,civil_affairs,3,1,hall
5,A,婚姻登记,330100,杭州市民政局,city,civil_affairs,0,4,wechat
",
    );
    let base = write(
        d.path(),
        "baseline.csv",
        "item_code,name,levels\nA,婚姻登记,county\nB,户籍迁移,county\n",
    );
    let v = json(&[
        "balance",
        "--catalog",
        &cat,
        "--baseline",
        &base,
        "--level",
        "county",
        "-f",
        "json",
    ]);
    let regions = v["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 2);
    let get = |code: &str| regions.iter().find(|r| r["code"] == code).unwrap();
    let a = &get("330102")["indicators"];
    close(&a["online_share"], 2.0 / 3.0, 1e-12);
    close(&a["full_online_share"], 1.0 / 3.0, 1e-12);
    close(&a["mean_visits"], 1.0, 1e-12);
    close(&a["mobile_share"], 1.0 / 3.0, 1e-12);
    close(&a["gaps_per_100"], 0.0, 0.0);
    let b = &get("330105")["indicators"];
    close(&b["online_share"], 0.0, 0.0);
    close(&b["gaps_per_100"], 50.0, 1e-12);
    assert_eq!(get("330102")["rank"], 1);
    assert_eq!(get("330102")["name"], "上城区");
    // mean_visits and gaps are lower-is-better without being told.
    let specs = v["inputs"]["indicators"].as_array().unwrap();
    let better = |n: &str| specs.iter().find(|s| s["name"] == n).unwrap()["better"].clone();
    assert_eq!(better("mean_visits"), "lower");
    assert_eq!(better("gaps_per_100"), "lower");
    // Level and sector balance.
    let levels = v["levels"].as_array().unwrap();
    assert_eq!(
        levels.iter().find(|l| l["level"] == "city").unwrap()["items"],
        1
    );
    assert_eq!(
        levels.iter().find(|l| l["level"] == "county").unwrap()["items"],
        4
    );
    let civil = v["sectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["sector"] == "civil_affairs")
        .unwrap()
        .clone();
    assert_eq!(civil["items"], 2);
    // Counties are grouped by their city by default.
    assert_eq!(v["inequality"]["index"]["decomposition"]["by"], "parent");
}

#[test]
fn html_has_the_charts_and_escapes_hostile_names() {
    let d = tmp();
    let m = write(d.path(), "m.csv", "region_code,name,online_rate,avg_visits\n11,\"<script>alert(1)</script>\",0.9,0.5\n31,\"x\u{1b}[31mred\u{202e}\",0.8,1.0\n44,广东省,0.5,2.0\n");
    let html_path = d.path().join("report.html");
    let out = govops(&[
        "balance",
        "--metrics",
        &m,
        "-f",
        "html",
        "-o",
        html_path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.matches("<svg").count() >= 3,
        "ranking, group means and Lorenz charts"
    );
    assert!(!html.contains("<script"), "no script tag, hostile or not");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains('\u{1b}') && !html.contains('\u{202e}'));
    assert!(
        !html.contains("http://") && !html.contains("https://")
            || html.contains("http://www.w3.org/2000/svg")
    );
    assert!(
        !html.contains("<link") && !html.contains("src="),
        "self-contained"
    );
}

#[test]
fn table_markdown_and_csv_are_clean() {
    let d = tmp();
    let m = write(
        d.path(),
        "m.csv",
        "region_code,name,online_rate\n11,\"x\u{1b}[2Jevil\",0.9\n31,上海市,0.8\n",
    );
    for f in ["table", "markdown", "csv"] {
        let out = govops(&["balance", "--metrics", &m, "-f", f]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains('\u{1b}'), "{f}: raw escape byte");
        assert!(text.contains("上海市"), "{f}");
    }
    let out = govops(&["balance", "--metrics", &m, "-f", "table"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains('█'), "inline bars");
    assert!(text.contains("Very High (VH)"));
    let csv = String::from_utf8(govops(&["balance", "--metrics", &m, "-f", "csv"]).stdout).unwrap();
    assert!(csv.starts_with(
        "rank,code,name,group,population,index,tier,rating_class,online_rate,score_online_rate"
    ));
}

#[test]
fn missing_values_and_undefined_measures_are_explicit() {
    let d = tmp();
    let m = write(
        d.path(),
        "m.csv",
        "region_code,name,a,b\nR1,one,0,1\nR2,two,2,\nR3,three,4,3\n",
    );
    let v = json(&["balance", "--metrics", &m]);
    let a = &v["inequality"]["a"];
    assert!(
        a["theil_l"].is_null() && a["max_min_ratio"].is_null(),
        "a zero makes them undefined"
    );
    assert!(a["gini"].is_number());
    assert!(a["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n.as_str().unwrap().contains("zero")));
    assert_eq!(v["inequality"]["b"]["n"], 2);
    let two = v["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "R2")
        .unwrap()
        .clone();
    assert_eq!(two["missing"], serde_json::json!(["b"]));
    close(&two["index"], 0.5, 1e-12); // a = 2 / 4, b re-weighted away
    assert!(
        !String::from_utf8_lossy(&govops(&["balance", "--metrics", &m, "-f", "json"]).stdout)
            .contains("NaN")
    );
}

#[test]
fn bands_weights_and_directions_from_the_command_line() {
    let d = tmp();
    let m = write(
        d.path(),
        "m.csv",
        "region_code,name,rate,visits\nA,a,1.0,1\nB,b,0.5,2\n",
    );
    let v = json(&[
        "balance",
        "--metrics",
        &m,
        "--indicators",
        "rate=3,visits:lower",
        "--normalise",
        "minmax",
    ]);
    let b = v["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "B")
        .unwrap()
        .clone();
    close(&b["index"], 0.0, 1e-12);
    let a = &v["regions"][0];
    assert_eq!(a["code"], "A");
    close(&a["index"], 1.0, 1e-12);
    let prof = write(d.path(), "p.yaml", "balance:\n  tiers:\n    - {name: 非常高, min: 90}\n    - {name: 高, min: 80}\n    - {name: 中, min: 0}\n  indicators:\n    rate: {weight: 1}\n");
    let v = json(&["-p", &prof, "balance", "--metrics", &m]);
    assert_eq!(v["regions"][0]["tier"], "非常高");
    assert_eq!(v["regions"][1]["tier"], "中");
}

#[test]
fn bad_input_is_exit_2_with_a_reason() {
    let d = tmp();
    let m = write(
        d.path(),
        "m.csv",
        "region_code,name,rate\nA,a,1\nA,again,2\n",
    );
    let out = govops(&["balance", "--metrics", &m]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("appears twice"));
    let out = govops(&[
        "balance",
        "--metrics",
        "data/inequality/mexico.csv",
        "--indicators",
        "nope",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("pcgdp1940"),
        "lists the columns"
    );
    let out = govops(&[
        "balance",
        "--metrics",
        "data/inequality/mexico.csv",
        "--group-by",
        "nope",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = govops(&["balance", "--metrics", "/nonexistent/m.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing half-reported");
}
