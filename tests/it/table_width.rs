//! Every table fits the terminal: each command's table output at 80 and 120 columns, in
//! Chinese and in English, has no line wider than the width in display columns (CJK counts
//! 2), and is kept as a snapshot (tests/it/snapshots) so a change in layout is reviewed.
//! When stdout is not a terminal the width comes from COLUMNS; without it, 100.

use std::process::Command;

use unicode_width::UnicodeWidthStr;

fn run(lang: &str, columns: Option<usize>, args: &[&str]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_govops"));
    cmd.args(["--lang", lang, "-q", "-f", "table"])
        .args(args)
        .env_remove("COLUMNS")
        .env("SOURCE_DATE_EPOCH", "1767225600");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c.to_string());
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn assert_fits(text: &str, width: usize, what: &str) {
    for (i, line) in text.lines().enumerate() {
        let w = UnicodeWidthStr::width(line);
        assert!(
            w <= width,
            "{what}: line {} is {w} wide (> {width}):\n{line}",
            i + 1
        );
    }
}

const COMMANDS: &[(&str, &[&str])] = &[
    ("audit", &["audit"]),
    ("sharing", &["sharing"]),
    ("balance", &["balance"]),
    ("check", &["check", "--no-probe"]),
    ("rules", &["audit", "--list-rules"]),
];

#[test]
fn every_table_fits_80_and_120_columns_in_both_languages() {
    for lang in ["zh", "en"] {
        for width in [80, 120] {
            for (name, args) in COMMANDS {
                let out = run(lang, Some(width), args);
                let what = format!("{name} --lang {lang} at {width}");
                assert_fits(&out, width, &what);
                assert!(out.lines().count() > 3, "{what}: {out}");
                if lang == "zh" && *name != "rules" {
                    assert!(
                        out.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                        "{what}"
                    );
                }
                insta::assert_snapshot!(format!("table_{name}_{lang}_{width}"), out);
            }
        }
    }
}

#[test]
fn without_a_terminal_or_columns_tables_are_100_wide_and_never_one_character() {
    let out = run("en", None, &["balance"]);
    assert_fits(&out, 100, "balance without COLUMNS");
    let out0 = run("en", Some(0), &["balance"]);
    assert_eq!(
        out, out0,
        "COLUMNS=0 is ignored, like a terminal that reports 0"
    );
    assert!(out.contains("Ranking"));
}

#[test]
fn wide_shows_every_column_at_full_width() {
    let narrow = run("en", Some(80), &["check", "--no-probe"]);
    let wide = run("en", Some(80), &["--wide", "check", "--no-probe"]);
    assert!(narrow.contains("--wide shows all"), "{narrow}");
    assert!(!wide.contains("--wide shows all"));
    assert!(wide.lines().any(|l| UnicodeWidthStr::width(l) > 80));
}
