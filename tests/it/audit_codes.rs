//! The code.* rules (GB/T 39554.1-2020 item codes, GB 32100-2015 credit codes): each fires on
//! its defect with its standard cited, and stays quiet on valid codes and on catalogs that
//! have no Chinese codes.

use std::process::Command;

use serde_json::Value;

fn audit(args: &[&str]) -> (Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .args(["-f", "json"])
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn code_findings(v: &Value) -> Vec<(String, String, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("code."))
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["records"][0].as_str().unwrap_or_default().to_string(),
                f["standard"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

// A valid credit code of an agency registered in 广安区 (511602), and one of 上城区 (330102).
const OK: &str = "11511602MB0012345R";
const OK2: &str = "11511602MB0022345H";
const HANGZHOU: &str = "11330102MB0000000K";

fn row(basic: &str, division: &str, credit: &str, name: &str, ty: &str) -> String {
    format!("{basic}-{division}-000-{credit}-1-00,{basic},{name},511602,广安区政务服务局,{ty}\n")
}

fn write(dir: &tempfile::TempDir, rows: &[String]) -> String {
    let mut csv = String::from("id,item_code,name,region_code,department,type\n");
    for r in rows {
        csv.push_str(r);
    }
    let p = dir.path().join("catalog.csv");
    std::fs::write(&p, csv).unwrap();
    p.to_string_lossy().into_owned()
}

fn valid_rows() -> Vec<String> {
    vec![
        row(
            "511A0138000000",
            "511602000000",
            OK,
            "食品经营许可证核发",
            "行政许可",
        ),
        row(
            "511G0201000000",
            "511602000000",
            OK2,
            "结婚登记",
            "行政确认",
        ),
        row(
            "511E0150000000",
            "511602000000",
            OK,
            "最低生活保障金给付",
            "行政给付",
        ),
        row(
            "511K0160000000",
            "511602000000",
            OK2,
            "档案查询",
            "公共服务",
        ),
    ]
}

#[test]
fn a_wrong_check_a_foreign_division_and_a_wrong_type_segment_are_exactly_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = valid_rows();
    let bad_check = format!("{}S", &OK[..17]).replace('S', "T");
    rows.push(row(
        "511A0139000000",
        "511602000000",
        &bad_check,
        "药品零售许可",
        "行政许可",
    ));
    rows.push(row(
        "511A0140000000",
        "511602000000",
        HANGZHOU,
        "烟草专卖零售许可",
        "行政许可",
    ));
    rows.push(row(
        "511K0141000000",
        "511602000000",
        OK,
        "建筑工程施工许可",
        "行政许可",
    ));
    let cat = write(&dir, &rows);
    let (v, err) = audit(&["audit", "--catalog", &cat]);
    let got = code_findings(&v);
    let id = |basic: &str, credit: &str| format!("{basic}-511602000000-000-{credit}-1-00");
    assert_eq!(
        got,
        vec![
            (
                "code.credit_check".to_string(),
                id("511A0139000000", &bad_check),
                "GB 32100-2015".to_string()
            ),
            (
                "code.credit_division".to_string(),
                id("511A0140000000", HANGZHOU),
                "GB 32100-2015".to_string()
            ),
            (
                "code.type_segment".to_string(),
                id("511K0141000000", OK),
                "GB/T 39554.1-2020".to_string()
            ),
        ],
        "{err}"
    );
    // Each message says what the standard expects.
    let msg = |rule: &str| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap()["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(msg("code.credit_check").contains("GB 32100-2015 gives R"));
    assert!(msg("code.credit_division").contains("330102"));
    assert!(msg("code.type_segment").contains("公共服务"));
}

#[test]
fn valid_codes_are_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let cat = write(&dir, &valid_rows());
    let (v, err) = audit(&["audit", "--catalog", &cat]);
    assert_eq!(code_findings(&v), vec![], "{err}");
    // The real code from Sichuan's portal passes every rule but the registering division
    // (南充 511301 on a 广安 item: an agency registered before the division was split).
    let real = "511A0138000000-511602000000-000-115113010833722043-1-00,511A0138000000,某许可,511602,广安区某局,行政许可\n";
    let cat = write(&dir, &[real.to_string()]);
    let (v, _) = audit(&["audit", "--catalog", &cat]);
    let rules: Vec<String> = code_findings(&v).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, ["code.credit_division"]);
}

#[test]
fn every_credit_and_structure_defect_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = valid_rows();
    let org = "08337220-4"; // a 9-character organisation code (GB 11714)
    rows.push(format!(
        "511A0138000000-511602000000-000-{org}-1-00,511A0138000000,甲,511602,局,行政许可\n"
    ));
    rows.push(row(
        "511A0138000001",
        "511602000000",
        "2222222222222",
        "乙",
        "行政许可",
    ));
    rows.push(row(
        "511A0138000002",
        "511602000000",
        &OK[..17],
        "丙",
        "行政许可",
    ));
    rows.push(row(
        "511A0138000003",
        "511602000000",
        "91350100m000100y43",
        "丁",
        "行政许可",
    ));
    rows.push(row("511A0138000004", "510000000000", OK, "戊", "行政许可"));
    rows.push(format!(
        "511A0138000005-000-{OK}-1-00,511A0138000005,己,511602,局,行政许可\n"
    ));
    let cat = write(&dir, &rows);
    let (v, err) = audit(&["audit", "--catalog", &cat]);
    let rules: Vec<String> = code_findings(&v).into_iter().map(|f| f.0).collect();
    let count = |r: &str| rules.iter().filter(|x| *x == r).count();
    // The org code splits into an extra segment: it is a structure finding, not silence.
    assert_eq!(count("code.structure"), 2, "{rules:?} {err}");
    assert_eq!(count("code.credit_format"), 3, "{rules:?}");
    assert_eq!(count("code.division"), 1, "{rules:?}");
    let msgs: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(msgs.iter().any(|m| m.contains("placeholder")));
    assert!(msgs.iter().any(|m| m.contains("lower case")));
    assert!(msgs.iter().any(|m| m.contains("17 characters")));
    assert!(msgs.iter().any(|m| m.contains("a segment is missing")));
    assert!(msgs.iter().any(|m| m.contains("higher level")));
}

#[test]
fn an_undashed_organisation_code_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = valid_rows();
    rows.push(row(
        "511A0138000001",
        "511602000000",
        "083372204",
        "甲",
        "行政许可",
    ));
    let cat = write(&dir, &rows);
    let (v, _) = audit(&["audit", "--catalog", &cat]);
    let f: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "code.credit_format")
        .collect();
    assert_eq!(f.len(), 1);
    assert!(f[0]["message"].as_str().unwrap().contains("GB 11714"));
}

#[test]
fn inventories_without_chinese_codes_stay_silent() {
    for profile in ["kenya", "canada"] {
        let (v, err) = audit(&["-p", profile, "audit"]);
        assert!(v["findings"].is_array(), "{profile}: {err}");
        assert_eq!(code_findings(&v), vec![], "{profile}");
    }
}

#[test]
fn the_demo_catalog_is_quiet_on_the_code_rules() {
    let (v, err) = audit(&["audit"]);
    assert!(v["findings"].is_array(), "{err}");
    assert_eq!(code_findings(&v), vec![]);
}
