//! `completions/` and `man/` are committed; they must match what the current CLI generates.
//! Regenerate with `GOVOPS_BLESS=1 cargo test --test generated`.
// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use clap_complete::Shell;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(path: PathBuf, expected: &[u8], stale: &mut Vec<String>) {
    if std::env::var_os("GOVOPS_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, expected).unwrap();
        return;
    }
    match std::fs::read(&path) {
        Ok(actual) if actual == expected => {}
        _ => stale.push(path.display().to_string()),
    }
}

#[test]
fn completions_and_man_pages_are_current() {
    let mut stale = Vec::new();
    for (shell, file) in [
        (Shell::Bash, "govops.bash"),
        (Shell::Zsh, "_govops"),
        (Shell::Fish, "govops.fish"),
        (Shell::PowerShell, "_govops.ps1"),
        (Shell::Elvish, "govops.elv"),
    ] {
        check(
            root().join("completions").join(file),
            &govops::cli::completions(shell),
            &mut stale,
        );
    }
    let pages = govops::cli::man_pages().unwrap();
    assert!(pages.len() >= 10, "one page for govops and one per command");
    for (name, page) in pages {
        check(root().join("man").join(name), &page, &mut stale);
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run `GOVOPS_BLESS=1 cargo test --test generated`): {stale:?}"
    );
}

#[test]
fn the_binary_prints_what_is_committed() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, govops::cli::completions(Shell::Bash));
    let dir = tempfile::tempdir().unwrap();
    let st = std::process::Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(["man", "--out"])
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(st.success());
    let page = std::fs::read_to_string(dir.path().join("govops-audit.1")).unwrap();
    assert!(
        page.contains(r"\-\-catalog") && page.contains(r"\-\-fail\-on"),
        "{page}"
    );
}
