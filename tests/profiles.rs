//! Profile corpora, in the manner of bottom's tests/integration: every file under
//! tests/data/profiles/valid validates; every file under invalid/ exits 2 with each line of
//! its `.expect` file (`position|message fragment`) in the error.
// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/profiles")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

fn validate(rel: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_govops"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/profiles"))
        .args(["profile", "validate", rel])
        .output()
        .unwrap()
}

#[test]
fn valid_profiles_validate() {
    for f in corpus("valid") {
        let rel = format!("valid/{}", f.file_name().unwrap().to_string_lossy());
        let out = validate(&rel);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{rel}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn invalid_profiles_name_line_column_and_problem() {
    for f in corpus("invalid") {
        let rel = format!("invalid/{}", f.file_name().unwrap().to_string_lossy());
        let out = validate(&rel);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{rel}: {stderr}");
        assert!(out.stdout.is_empty(), "{rel}: nothing on stdout");
        let expect = std::fs::read_to_string(f.with_extension("expect")).unwrap();
        for line in expect.lines() {
            let (pos, msg) = line.split_once('|').unwrap();
            let hit = stderr
                .lines()
                .any(|l| l.contains(&format!("{pos}:")) && l.contains(msg));
            assert!(hit, "{rel}: expected `{pos}` with `{msg}` in:\n{stderr}");
        }
    }
}

#[test]
fn secrets_in_a_profile_are_never_echoed() {
    let out = validate("invalid/secret.yaml");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("abcdef123"), "{all}");
}

#[test]
fn builtin_profiles_are_valid_and_listed() {
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(["profile", "list"])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    for name in ["demo", "canada", "kenya", "un-egdi"] {
        assert!(list.contains(name), "{list}");
        let out = validate(name);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn init_writes_a_valid_starter_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.yaml");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_govops"))
            .args(["profile", "init"])
            .arg(&path)
            .args(extra)
            .output()
            .unwrap()
    };
    assert!(run(&[]).status.success());
    let first = std::fs::read(&path).unwrap();
    let again = run(&[]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        first,
        "the existing file is untouched"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(["profile", "validate"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unknown_profile_names_the_lookup_order() {
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(["-p", "nosuch", "profile", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("nosuch") && e.contains("./profiles/") && e.contains("built in"),
        "{e}"
    );
}
