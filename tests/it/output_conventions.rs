//! Output conventions of the ecosystem: `-o -` is stdout, the format follows the `-o`
//! extension unless `-f` says otherwise (a contradiction is an error), and report files are
//! created like any other file (0666 less the umask), not private.

use std::process::{Command, Output};

fn govops(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(args)
        .current_dir(dir)
        .env_remove("GOVOPS_PROFILE")
        .output()
        .unwrap()
}

#[test]
fn dash_is_stdout_and_never_a_file_named_dash() {
    let dir = tempfile::tempdir().unwrap();
    let out = govops(dir.path(), &["-q", "balance", "-o", "-", "-f", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["command"], "balance");
    assert!(!dir.path().join("-").exists(), "no file named -");
}

#[test]
fn the_extension_chooses_the_format_and_a_contradiction_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (file, check) in [
        ("a.sarif", "\"$schema\""),
        ("a.xml", "<testsuites"),
        ("a.csv", "severity,rule"),
        ("a.md", "# "),
        ("a.json", "\"command\": \"audit\""),
    ] {
        let out = govops(dir.path(), &["-q", "audit", "-o", file]);
        assert!(out.status.code().is_some_and(|c| c < 2), "{file}: {out:?}");
        let body = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(
            body.contains(check),
            "{file} is not what its extension says:\n{}",
            &body[..body.len().min(300)]
        );
    }
    let out = govops(dir.path(), &["-q", "balance", "-o", "b.html"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::read_to_string(dir.path().join("b.html"))
        .unwrap()
        .contains("<html"));

    let out = govops(dir.path(), &["-q", "audit", "-f", "json", "-o", "c.sarif"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("contradicts"));
    assert!(!dir.path().join("c.sarif").exists(), "nothing written");
    // An extension that names no format leaves the choice to -f and the default.
    let out = govops(dir.path(), &["-q", "audit", "-o", "d.txt"]);
    assert!(out.status.code().is_some_and(|c| c < 2));
    assert!(std::fs::read_to_string(dir.path().join("d.txt"))
        .unwrap()
        .contains("\"tool\""));
}

#[cfg(unix)]
#[test]
fn report_files_honour_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |umask: &str, file: &str| {
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" -q balance -o {file}",))
            .arg(env!("CARGO_BIN_EXE_govops"))
            .current_dir(dir.path())
            .env_remove("GOVOPS_PROFILE")
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::metadata(dir.path().join(file))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("022", "shared.json"), 0o644, "colleagues can read it");
    assert_eq!(mode("077", "private.json"), 0o600);
}

/// `--color` beats `NO_COLOR` and `CLICOLOR_FORCE`, which beat terminal detection (stdout is
/// a pipe here, so auto alone means no colour).
#[test]
fn color_flag_beats_no_color_and_clicolor_force() {
    let dir = tempfile::tempdir().unwrap();
    let run = |flag: &str, env: &[(&str, &str)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_govops"));
        cmd.args(["-q", "-f", "table", "--color", flag, "audit"])
            .current_dir(dir.path())
            .env_remove("GOVOPS_PROFILE")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.code().is_some_and(|c| c < 2));
        out.stdout.contains(&0x1b)
    };
    assert!(!run("auto", &[]), "a pipe gets no colour");
    assert!(
        run("always", &[("NO_COLOR", "1")]),
        "--color always beats NO_COLOR"
    );
    assert!(
        run("auto", &[("CLICOLOR_FORCE", "1")]),
        "CLICOLOR_FORCE beats the pipe"
    );
    assert!(
        !run("auto", &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]),
        "NO_COLOR beats CLICOLOR_FORCE"
    );
    assert!(
        !run("never", &[("CLICOLOR_FORCE", "1")]),
        "--color never beats CLICOLOR_FORCE"
    );
}
