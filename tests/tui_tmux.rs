//! End to end in a real terminal: `govops monitor --events FILE` in a detached tmux session
//! of fixed size. Read the screen, append to the file and see the counts change within
//! about 2 s, press q (or send SIGTERM) and see the shell back with the terminal restored.
//!
//! Needs tmux. Without it the test fails, unless GOVOPS_SKIP_TMUX=1.
// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthStr;

const W: usize = 120;
const H: usize = 40;

struct Tmux {
    socket: String,
}

impl Tmux {
    /// A private tmux server (its own socket) running `sh` in a WxH window, or None when
    /// tmux is absent and skipping was asked for.
    fn start(tag: &str) -> Option<Tmux> {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            if std::env::var("GOVOPS_SKIP_TMUX").as_deref() == Ok("1") {
                eprintln!("tmux not installed: skipped because GOVOPS_SKIP_TMUX=1");
                return None;
            }
            panic!(
                "tmux is not installed, and the TUI end-to-end test needs it: \
                 install it (apt-get install -y tmux) or set GOVOPS_SKIP_TMUX=1 to skip"
            );
        }
        let t = Tmux {
            socket: format!("govops-test-{}-{tag}", std::process::id()),
        };
        t.run(&[
            "new-session",
            "-d",
            "-s",
            "mon",
            "-x",
            &W.to_string(),
            "-y",
            &H.to_string(),
            "sh",
        ]);
        Some(t)
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "mon"])
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "mon"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Wait until the screen satisfies `ok`, or fail showing the last screen.
    fn wait_for(&self, what: &str, timeout: Duration, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > timeout {
                panic!("timed out after {timeout:?} waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn pane_command(&self) -> String {
        self.run(&[
            "display-message",
            "-p",
            "-t",
            "mon",
            "#{pane_current_command}",
        ])
        .trim()
        .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn sub(id: &str, region: &str) -> String {
    format!("{{\"ts\":\"2026-11-29T08:00:00Z\",\"type\":\"submitted\",\"case_id\":\"{id}\",\"region_code\":\"{region}\",\"channel\":\"wechat\"}}\n")
}

fn append(path: &Path, text: &str) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

/// The value shown in the KPI tile titled `title`.
fn tile(screen: &str, title: &str) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let row = lines.iter().position(|l| l.contains(title))?;
    let titles = lines[row];
    let col = titles.find(title)?;
    // Tiles are boxes side by side: the value row below splits on the box edges.
    let value_row = lines.get(row + 1)?;
    let chars_before = titles[..col].chars().count();
    let tail: String = value_row.chars().skip(chars_before).collect();
    tail.split('│')
        .find(|s| !s.trim().is_empty())
        .map(|s| s.trim().to_string())
}

fn launch(t: &Tmux, dir: &Path, events: &Path) {
    let bin = env!("CARGO_BIN_EXE_govops");
    t.send(&[
        &format!(
            "cd '{}' && unset GOVOPS_PROFILE && '{bin}' monitor --events '{}' --refresh 500ms; echo EXIT=$?",
            dir.display(),
            events.display()
        ),
        "Enter",
    ]);
}

fn assert_restored(t: &Tmux) {
    let s = t.wait_for("the shell after exit", Duration::from_secs(5), |s| {
        s.contains("EXIT=0")
    });
    assert!(
        !s.contains("Submitted"),
        "the monitor's screen must be gone:\n{s}"
    );
    assert_eq!(t.pane_command(), "sh", "the monitor process is gone");
    // Raw mode is off again: the line discipline is canonical with echo.
    t.send(&[
        "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo",
        "Enter",
    ]);
    t.wait_for("stty output", Duration::from_secs(5), |s| {
        s.contains("icanon echo")
    });
}

#[test]
fn monitor_follows_appends_and_quits_cleanly() {
    let Some(t) = Tmux::start("q") else { return };
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events.jsonl");
    std::fs::write(
        &events,
        sub("A", "330102") + &sub("B", "330106") + &sub("C", "440305"),
    )
    .unwrap();
    launch(&t, dir.path(), &events);
    let s = t.wait_for("the first frame", Duration::from_secs(10), |s| {
        s.contains("govops monitor") && s.contains(" 3 lines,")
    });
    assert_eq!(tile(&s, "Submitted").as_deref(), Some("3"), "{s}");
    assert!(s.contains("浙江省") && s.contains("广东省"), "{s}");
    // Chinese names take two columns each: every row still fits the terminal exactly.
    for line in s.lines() {
        assert!(line.width() <= W, "row wider than the terminal: {line}");
        if line.ends_with('┃') || line.ends_with('│') {
            assert_eq!(line.width(), W, "misaligned row: {line}");
        }
    }

    let appended = Instant::now();
    append(
        &events,
        &(sub("D", "330102")
            + &sub("E", "620102")
            + "{\"type\":\"rated\",\"case_id\":\"A\",\"rating\":\"\\u001b[2J\"}\n"),
    );
    let s = t.wait_for("the appended events", Duration::from_millis(2500), |s| {
        tile(s, "Submitted").as_deref() == Some("5") && s.contains("1 malformed")
    });
    eprintln!("appends shown after {:?}", appended.elapsed());
    assert!(s.contains("甘肃省"), "{s}");

    // Keys work in the real terminal: help overlay, then close it, then quit.
    t.send(&["?"]);
    t.wait_for("the help overlay", Duration::from_secs(3), |s| {
        s.contains(" Help ")
    });
    t.send(&["x"]);
    t.wait_for("the help closed", Duration::from_secs(3), |s| {
        !s.contains(" Help ")
    });
    t.send(&["q"]);
    assert_restored(&t);
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::start("term") else { return };
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events.jsonl");
    std::fs::write(&events, sub("A", "330102")).unwrap();
    launch(&t, dir.path(), &events);
    t.wait_for("the first frame", Duration::from_secs(10), |s| {
        s.contains(" 1 lines,")
    });
    // The monitor is the shell's child: find it through /proc.
    let shell: u32 = t
        .run(&["display-message", "-p", "-t", "mon", "#{pane_pid}"])
        .trim()
        .parse()
        .unwrap();
    let pid = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .find(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            let after = stat.rsplit_once(") ").map(|x| x.1).unwrap_or("");
            after.split(' ').nth(1) == Some(&shell.to_string()) && stat.contains("(govops)")
        })
        .expect("the govops process under the pane's shell");
    let ok = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    assert_restored(&t);
}
