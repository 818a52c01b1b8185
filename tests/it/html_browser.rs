//! The HTML reports in a real browser: `govops audit|sharing|balance|check -o report.html`,
//! in Chinese and in English, opened in headless Chromium at 1280 px and at a 390 px phone
//! width. A small script added to a copy of each page lists every element whose text
//! overflows its box outside the scroll boxes, and counts the elements a hostile name could
//! have become (`<img onerror>`); the screenshots are written to target/html-screens/ for
//! people to look at.
//!
//! Needs chromium and a CJK font (apt-get install -y chromium fonts-noto-cjk). Without them
//! the test fails, unless GOVOPS_SKIP_BROWSER=1.

use std::path::{Path, PathBuf};
use std::process::Command;

const HOSTILE: &str = "<img src=x onerror=alert(1)>&amp;<b>局</b>";

fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() {
        if std::env::var("GOVOPS_SKIP_BROWSER").as_deref() == Ok("1") {
            eprintln!("chromium not installed: skipped because GOVOPS_SKIP_BROWSER=1");
            return None;
        }
        panic!(
            "chromium is not installed, and the HTML report test needs it: install it \
             (apt-get install -y chromium fonts-noto-cjk) or set GOVOPS_SKIP_BROWSER=1 to skip"
        );
    }
    let cjk = Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    assert!(
        !cjk.trim().is_empty(),
        "no CJK font installed (apt-get install -y fonts-noto-cjk): Chinese would be boxes"
    );
    found
}

fn browser(bin: &str, args: &[&str], page: &Path) -> std::process::Output {
    Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-dev-shm-usage",
        ])
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap()
}

/// The script: overflowing elements outside `.scroll`, a page wider than the window, and the
/// count of elements markup in the data could have created.
const PROBE: &str = r#"<script>
addEventListener('load', () => {
  const bad = [];
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('.scroll') || e.closest('svg') || e.clientWidth === 0) continue;
    if (e.scrollWidth > e.clientWidth + 1) bad.push(e.tagName + ': ' + (e.textContent || '').slice(0, 60));
  }
  const width = Math.min(innerWidth, document.documentElement.clientWidth);
  if (document.documentElement.scrollWidth > width + 1)
    bad.push('page ' + document.documentElement.scrollWidth + ' > ' + width);
  const out = document.createElement('pre');
  out.id = 'govops-probe';
  out.textContent = JSON.stringify({
    bad,
    imgs: document.querySelectorAll('img').length,
    bolds: document.querySelectorAll('td b, th b, p b, li b, dd b').length,
    scripts: document.querySelectorAll('script').length,
    text: document.body.innerText.includes('<img src=x onerror=alert(1)>'),
    lang: document.documentElement.lang,
  });
  document.body.appendChild(out);
});
</script>"#;

/// A copy of the page laid out `width` px wide. Headless Chromium's window is at least 500 px
/// wide, so the phone width is set on the root element (the page's own media query for
/// narrow screens applies below 600 px either way).
fn at_width(html: &Path, width: u32, probe: bool) -> PathBuf {
    let page = std::fs::read_to_string(html).unwrap();
    let copy = html.with_extension(format!(
        "{}{width}.html",
        if probe { "probe" } else { "shot" }
    ));
    let style = format!("<style>html{{width:{width}px;overflow-x:hidden}}</style></head>");
    let mut page = page.replacen("</head>", &style, 1);
    if probe {
        page = page.replacen("</body>", &format!("{PROBE}</body>"), 1);
    }
    std::fs::write(&copy, page).unwrap();
    copy
}

fn probe(bin: &str, html: &Path, width: u32) -> serde_json::Value {
    let probed = at_width(html, width, true);
    let out = browser(
        bin,
        &[
            &format!("--window-size={width},900"),
            "--virtual-time-budget=3000",
            "--dump-dom",
        ],
        &probed,
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let tag = "<pre id=\"govops-probe\">";
    let start = dom
        .find(tag)
        .unwrap_or_else(|| panic!("no probe result: {:.400}", dom))
        + tag.len();
    let end = dom[start..].find("</pre>").unwrap() + start;
    // The DOM dump escapes the text of the <pre>.
    let json = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

fn hostile_inputs(dir: &Path) -> (PathBuf, PathBuf) {
    let h = HOSTILE.replace('"', "\"\"");
    let mut cat = String::from("id,item_code,name,region_code,department\n");
    for (id, code, region) in [
        ("A1", "B001", "330102"),
        ("A1", "B002", "330102"),
        ("A2", "B003", "330106"),
        ("A3", "B003", "330106"),
    ] {
        cat += &format!("{id},{code},\"{h}{code}\",{region},\"{h}\"\n");
    }
    let catalog = dir.join("catalog.csv");
    std::fs::write(&catalog, cat).unwrap();
    let reg = serde_json::json!([{
        "id": "IF-1", "dataset": HOSTILE, "provider": HOSTILE, "consumers": [],
        "url": "http://127.0.0.1:9/x", "frequency": "daily"
    }]);
    let registry = dir.join("registry.json");
    std::fs::write(&registry, reg.to_string()).unwrap();
    (catalog, registry)
}

#[test]
fn every_report_opens_in_a_browser_without_overflow_and_hostile_names_stay_text() {
    let Some(bin) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (catalog, registry) = hostile_inputs(dir.path());
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-screens");
    std::fs::create_dir_all(&shots).unwrap();
    let cases: Vec<(&str, Vec<String>, bool)> = vec![
        ("audit", vec!["audit".into()], false),
        (
            "audit-hostile",
            vec![
                "audit".into(),
                "--catalog".into(),
                catalog.display().to_string(),
            ],
            true,
        ),
        ("sharing", vec!["sharing".into()], false),
        (
            "sharing-hostile",
            vec![
                "sharing".into(),
                "--registry".into(),
                registry.display().to_string(),
            ],
            true,
        ),
        ("balance", vec!["balance".into()], false),
        ("check", vec!["check".into(), "--no-probe".into()], false),
    ];
    let mut problems = Vec::new();
    for lang in ["zh", "en"] {
        for (name, args, hostile) in &cases {
            let html = dir.path().join(format!("{name}-{lang}.html"));
            let out = Command::new(env!("CARGO_BIN_EXE_govops"))
                .args(["--lang", lang, "-q"])
                .args(args)
                .arg("-o")
                .arg(&html)
                .output()
                .unwrap();
            assert!(
                out.status.code().is_some_and(|c| c < 2),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let page = std::fs::read_to_string(&html).unwrap();
            assert!(page.starts_with("<!DOCTYPE html>"), "{name}");
            assert!(page.contains("Noto Sans CJK SC"), "{name}: CJK font stack");
            assert!(
                !page.contains("http://") || !page.contains("src=\"http"),
                "{name}: self-contained"
            );
            if lang == "zh" {
                assert!(page.contains("lang=\"zh-CN\""), "{name}");
                assert!(
                    page.contains("问题") || page.contains("地区"),
                    "{name}: Chinese"
                );
            }
            for width in [1280u32, 390] {
                let r = probe(bin, &html, width);
                if !r["bad"].as_array().unwrap().is_empty() {
                    problems.push(format!(
                        "{name} {lang} at {width}px overflows: {}",
                        r["bad"]
                    ));
                }
                assert_eq!(
                    r["imgs"], 0,
                    "{name}: markup from the data became an element"
                );
                assert_eq!(
                    r["bolds"], 0,
                    "{name}: markup from the data became an element"
                );
                assert_eq!(r["scripts"], 1, "{name}: only the probe's script");
                if *hostile {
                    assert_eq!(r["text"], true, "{name}: the hostile name is shown as text");
                }
                let shot = shots.join(format!("{name}-{lang}-{width}.png"));
                let _ = std::fs::remove_file(&shot);
                browser(
                    bin,
                    &[
                        &format!("--window-size={width},1400"),
                        &format!("--screenshot={}", shot.display()),
                    ],
                    &at_width(&html, width, false),
                );
                let png = std::fs::read(&shot).unwrap_or_default();
                assert!(
                    png.starts_with(b"\x89PNG") && png.len() > 10_000,
                    "{name}: screenshot"
                );
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
