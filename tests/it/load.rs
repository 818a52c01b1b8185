//! Loaders through the library API: formats, encodings, aliases, errors with positions, URLs
//! over real loopback HTTP.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;

use govops::load::{self, LoadOptions};
use govops::model::{Channel, Level, ServiceType};

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/load")
        .join(name)
        .display()
        .to_string()
}

fn write_tmp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn traditional_chinese_headers_and_values_load() {
    let rows = load::read_catalog(data("catalog_zh.csv"), &LoadOptions::default()).unwrap();
    assert_eq!(rows.len(), 2);
    let r = &rows[0];
    assert_eq!(r.id, "330102-0001");
    assert_eq!(r.region_code, "330102", "12-digit code canonicalised");
    assert_eq!(r.service_type, Some(ServiceType::Confirmation));
    assert_eq!(r.channels, vec![Channel::Hall, Channel::Web]);
    assert_eq!(r.materials, vec!["身份证", "户口簿"]);
    assert_eq!(r.line, 2);
    assert_eq!(
        rows[1].service_type,
        Some(ServiceType::Confirmation),
        "行政確認 is traditional"
    );
    assert_eq!(rows[1].promised_limit_days, Some(1), "1工作日");
    assert_eq!(rows[1].materials, vec!["身份证", "结婚证"]);
}

#[test]
fn gbk_and_bom_files_are_detected() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(data("catalog_zh.csv")).unwrap();
    let (gbk, _, lossy) = encoding_rs::GB18030.encode(&text);
    assert!(!lossy);
    let gbk_path = write_tmp(&dir, "gbk.csv", &gbk);
    let rows = load::read_catalog(gbk_path.as_str(), &LoadOptions::default()).unwrap();
    assert_eq!(rows[1].name, "离婚登记");

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let bom_path = write_tmp(&dir, "bom.csv", &bom);
    assert_eq!(
        load::read_catalog(bom_path.as_str(), &LoadOptions::default()).unwrap()[0].id,
        "330102-0001"
    );

    // A GBK file forced to UTF-8 fails with its line and a hint.
    let opts = LoadOptions {
        encoding: Some(govops::cli::Encoding::Utf8),
        ..Default::default()
    };
    let err = load::read_catalog(gbk_path.as_str(), &opts)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("gbk.csv") && err.contains("UTF-8") && err.contains("--encoding"),
        "{err}"
    );
}

#[test]
fn tsv_json_and_flow_yaml() {
    let rows = load::read_catalog(data("catalog.tsv"), &LoadOptions::default()).unwrap();
    assert_eq!(rows[0].name, "食品经营许可证核发");
    assert_eq!(rows[0].level, None);
    assert_eq!(Level::of_code(&rows[0].region_code), Some(Level::County));

    let reg = load::read_registry(data("registry_flow.yaml"), &LoadOptions::default())
        .unwrap()
        .interfaces;
    assert_eq!(reg.len(), 2);
    assert_eq!(reg[0].consumers, vec!["省民政厅", "省人社厅"]);
    assert_eq!(reg[0].expect.json_field.as_deref(), Some("data.items"));
    assert_eq!(reg[0].auth.bearer_env.as_deref(), Some("SHARING_TOKEN"));
    assert!(
        reg[1].issues.iter().any(|i| i.field == "consumers"),
        "missing consumers recorded"
    );

    let err = load::read_registry(data("registry.json"), &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("registry.json:3")
            && err.contains("frequency")
            && err.contains("\"sometimes\""),
        "{err}"
    );
}

#[test]
fn errors_name_file_line_column_field_expected_found() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_tmp(
        &dir,
        "c.csv",
        "id,item_code,name,region_code,department,online_depth\nA,I,n,330102,d,2\nB,I,n,330102,d,seven\n".as_bytes(),
    );
    let err = load::read_catalog(p.as_str(), &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("c.csv:3:6"), "{err}");
    assert!(
        err.contains("online_depth") && err.contains("0 to 4") && err.contains("\"seven\""),
        "{err}"
    );

    // Leniently, the same row loads and carries the issue (for audit's quality.bad_value).
    let lenient = LoadOptions {
        lenient: true,
        ..Default::default()
    };
    let rows = load::read_catalog(p.as_str(), &lenient).unwrap();
    assert_eq!(rows[1].issues[0].field, "online_depth");

    let p = write_tmp(&dir, "m.csv", b"id,name,region_code\nA,n,1\n");
    let err = load::read_catalog(p.as_str(), &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("m.csv") && err.contains("missing required column `item_code`"),
        "{err}"
    );

    let p = write_tmp(
        &dir,
        "q.csv",
        b"id,item_code,name,region_code,department\nA,I,n,1,d\nB,I,\"n,1,d\n",
    );
    let err = load::read_catalog(p.as_str(), &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("q.csv:3"), "{err}");
}

#[test]
fn empty_and_header_only_files_are_valid_and_empty() {
    let dir = tempfile::tempdir().unwrap();
    let e = write_tmp(&dir, "e.csv", b"");
    let h = write_tmp(&dir, "h.csv", b"id,item_code,name,region_code,department\n");
    assert!(load::read_catalog(h.as_str(), &LoadOptions::default())
        .unwrap()
        .is_empty());
    assert!(load::read_catalog(e.as_str(), &LoadOptions::default())
        .unwrap()
        .is_empty());
    assert!(load::read_registry(e.as_str(), &LoadOptions::default())
        .unwrap()
        .interfaces
        .is_empty());
    let y = write_tmp(&dir, "e.yaml", b"");
    assert!(load::read_registry(y.as_str(), &LoadOptions::default())
        .unwrap()
        .interfaces
        .is_empty());
}

#[test]
fn hostile_structures_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let p = write_tmp(&dir, "deep.json", deep.as_bytes());
    let err = load::read_registry(p.as_str(), &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("deep.json"), "{err}");

    let mut bomb = String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (i, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb += &format!(
            "{i}: &{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        );
    }
    bomb += "interfaces: [*i]\n";
    let p = write_tmp(&dir, "bomb.yaml", bomb.as_bytes());
    let t = std::time::Instant::now();
    let r = load::read_registry(p.as_str(), &LoadOptions::default());
    assert!(r.is_err(), "an alias bomb must not load");
    // Expanded, the bomb is 9^8 ≈ 43 million nodes: hours, or out of memory. Refusing it takes
    // about 2 s in a debug build; the bound leaves room for a loaded 2-core machine.
    assert!(t.elapsed().as_secs() < 12, "{:?}", t.elapsed());

    let mut binary = vec![0u8; 4096];
    for (i, b) in binary.iter_mut().enumerate() {
        *b = (i * 7919 % 251) as u8;
    }
    let p = write_tmp(&dir, "bin.csv", &binary);
    assert!(load::read_catalog(p.as_str(), &LoadOptions::default()).is_err());
}

/// A one-shot HTTP server on loopback answering every request with `body` (status 200), or
/// with `status` when given.
fn serve(status: &'static str, body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let head = format!(
                "HTTP/1.1 {status}\r\ncontent-length: {}\r\ncontent-type: text/csv\r\nconnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    format!("http://{addr}")
}

#[test]
fn urls_load_over_real_http() {
    let text = std::fs::read(data("catalog_zh.csv")).unwrap();
    let base = serve("200 OK", text);
    let rows = load::read_catalog(
        format!("{base}/export/catalog.csv?token=s3cret"),
        &LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(rows.len(), 2);

    let base = serve("404 Not Found", b"nope".to_vec());
    let err = load::read_catalog(
        format!("{base}/c.csv?token=s3cret"),
        &LoadOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("404") && !err.contains("s3cret"), "{err}");

    let big = serve("200 OK", vec![b'a'; 10_000]);
    let mut opts = LoadOptions::default();
    opts.limits.max_bytes = 1000;
    let err = load::read_catalog(format!("{big}/c.csv"), &opts)
        .unwrap_err()
        .to_string();
    assert!(err.contains("size cap"), "{err}");
}

#[test]
fn profile_columns_templates_defaults_filter_and_derive() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_tmp(
        &dir,
        "ca.csv",
        "fiscal_yr,service_id,service_name_en,owner_org,os_application,os_decision,num_applications_online,num_applications_in_person\n\
         2022-2023,1,Passport,ircc,Y,N,10,0\n2023-2024,1,Passport,ircc,Y,Y,12,NA\n2023-2024,2,Visa,ircc,N,N,0,5\n"
            .as_bytes(),
    );
    let mut opts = LoadOptions::default();
    opts.columns
        .insert("id".into(), "{fiscal_yr}/{service_id}".into());
    opts.columns.insert("item_code".into(), "service_id".into());
    opts.columns.insert("name".into(), "service_name_en".into());
    opts.columns.insert("department".into(), "owner_org".into());
    opts.defaults.insert("region_code".into(), "CA".into());
    opts.filter.insert("fiscal_yr".into(), "2023-2024".into());
    opts.derive.online_depth_from = vec!["os_application".into(), "os_decision".into()];
    opts.derive
        .channels_from
        .insert("web".into(), "num_applications_online".into());
    opts.derive
        .channels_from
        .insert("hall".into(), "num_applications_in_person".into());
    let rows = load::read_catalog(p.as_str(), &opts).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].id, "2023-2024/1");
    assert_eq!(rows[0].region_code, "CA");
    assert_eq!(rows[0].online_depth, Some(4));
    assert_eq!(rows[0].channels, vec![Channel::Web]);
    assert_eq!(rows[1].online_depth, Some(0));
    assert_eq!(rows[1].channels, vec![Channel::Hall]);
    assert_eq!(rows[1].line, 4);
}

#[test]
fn region_files_build_a_hierarchy() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_tmp(&dir, "r.csv", b"code,name,parent_code,level,group,population\nKE,Kenya,,province,Africa,47000000\nKE-01,Mombasa,KE,city,,1200000\n");
    let set = load::read_regions(p.as_str(), &LoadOptions::default()).unwrap();
    assert_eq!(set.len(), 2);
    assert_eq!(set.parent("KE-01").unwrap().name, "Kenya");
    assert_eq!(
        set.get("KE-01").unwrap().group.as_deref(),
        Some("Africa"),
        "group inherited"
    );
    let bad = write_tmp(&dir, "r2.csv", b"code,name,parent_code\nA,a,Z\n");
    assert!(load::read_regions(bad.as_str(), &LoadOptions::default())
        .unwrap_err()
        .to_string()
        .contains("Z"));
}
