//! End to end in a real terminal: `govops monitor --events FILE` in a detached tmux session
//! of fixed size (80x24, the smallest usual terminal, and 120x40). Read the screen, append
//! to the file and see the counts change within about 2 s, use the keys (help and its
//! scrolling, the filter, reverse sort), press q (or send SIGTERM) and see the shell back
//! with the terminal restored; in English and in Chinese.
//!
//! Needs tmux. Without it the test fails, unless GOVOPS_SKIP_TMUX=1.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthStr;

struct Tmux {
    socket: String,
    w: usize,
}

impl Tmux {
    /// A private tmux server (its own socket) running `sh` in a WxH window, or None when
    /// tmux is absent and skipping was asked for.
    fn start(tag: &str, w: usize, h: usize) -> Option<Tmux> {
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
            w,
        };
        t.run(&[
            "new-session",
            "-d",
            "-s",
            "mon",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
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

/// The figure after `label` in the KPI lines ("Submitted 3" → "3").
fn kpi(screen: &str, label: &str) -> Option<String> {
    let at = screen.find(&format!(" {label} "))? + label.len() + 2;
    screen[at..].split_whitespace().next().map(str::to_string)
}

/// Every row fits the terminal, and rows that close a box end exactly at its edge: Chinese
/// names take two columns each and must not shift anything.
fn assert_aligned(t: &Tmux, s: &str) {
    for line in s.lines() {
        assert!(
            line.width() <= t.w,
            "row wider than the terminal: {line}\n{s}"
        );
        if line.ends_with(['┃', '│', '┐', '┓', '┘', '┛']) {
            assert_eq!(line.width(), t.w, "misaligned row: {line}\n{s}");
        }
    }
}

fn launch(t: &Tmux, dir: &Path, events: &Path, lang: &str) {
    let bin = env!("CARGO_BIN_EXE_govops");
    t.send(&[
        &format!(
            "cd '{}' && unset GOVOPS_PROFILE && '{bin}' monitor --lang {lang} --events '{}' --refresh 500ms; echo EXIT=$?",
            dir.display(),
            events.display()
        ),
        "Enter",
    ]);
}

/// The shell is back: the monitor's screen (recognised by `word`) is gone, and the
/// terminal is in canonical mode with echo again.
fn assert_restored(t: &Tmux, word: &str) {
    let s = t.wait_for("the shell after exit", Duration::from_secs(5), |s| {
        s.contains("EXIT=0")
    });
    assert!(!s.contains(word), "the monitor's screen must be gone:\n{s}");
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

/// Follow a file, use the keys, quit: at `w`x`h`, in English.
fn follow_and_keys(w: usize, h: usize) {
    let Some(t) = Tmux::start(&format!("q{w}"), w, h) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events.jsonl");
    std::fs::write(
        &events,
        sub("A", "330102") + &sub("B", "330106") + &sub("C", "440305"),
    )
    .unwrap();
    launch(&t, dir.path(), &events, "en");
    let s = t.wait_for("the first frame", Duration::from_secs(10), |s| {
        s.contains("govops monitor") && kpi(s, "Submitted").as_deref() == Some("3")
    });
    // Every pane is on the screen, with the key hints.
    for pane in [
        "Regions: All",
        "Sharing interfaces",
        "Alerts (",
        "? help",
        "q quit",
    ] {
        assert!(s.contains(pane), "{pane:?} not on the {w}x{h} screen:\n{s}");
    }
    assert!(s.contains("浙江省") && s.contains("广东省"), "{s}");
    assert!(
        s.contains("Subm.▼"),
        "the sort column and its direction:\n{s}"
    );
    assert_aligned(&t, &s);

    let appended = Instant::now();
    append(
        &events,
        &(sub("D", "330102")
            + &sub("E", "620102")
            + "{\"type\":\"rated\",\"case_id\":\"A\",\"rating\":\"\\u001b[2J\"}\n"),
    );
    let s = t.wait_for("the appended events", Duration::from_millis(2500), |s| {
        kpi(s, "Submitted").as_deref() == Some("5") && s.contains("1 malformed")
    });
    eprintln!("appends shown after {:?} at {w}x{h}", appended.elapsed());
    assert!(s.contains("甘肃省"), "{s}");
    assert_aligned(&t, &s);

    // The help overlay; at 80x24 it does not fit and scrolls to its last line.
    t.send(&["?"]);
    let s = t.wait_for("the help overlay", Duration::from_secs(3), |s| {
        s.contains(" Help ")
    });
    assert_aligned(&t, &s);
    if h < 30 {
        assert!(s.contains("↑↓ scroll") && !s.contains("Orphans:"), "{s}");
        t.send(&["G"]);
        t.wait_for("the help's last line", Duration::from_secs(3), |s| {
            s.contains("Orphans: events for cases")
        });
    }
    t.send(&["x"]);
    t.wait_for("the help closed", Duration::from_secs(3), |s| {
        !s.contains(" Help ")
    });

    // The filter: a code prefix keeps Guangdong (and its city and district below).
    t.send(&["/", "44"]);
    t.wait_for("the filter being typed", Duration::from_secs(3), |s| {
        s.contains("filter: 44▏")
    });
    t.send(&["Enter"]);
    let s = t.wait_for("the filtered regions", Duration::from_secs(3), |s| {
        s.contains("广东省") && s.contains("深圳市") && !s.contains("浙江省")
    });
    assert!(s.contains("Esc clear filter"), "{s}");
    t.send(&["Escape"]);
    t.wait_for("the filter cleared", Duration::from_secs(3), |s| {
        s.contains("浙江省") && !s.contains("深圳市")
    });

    // Reverse the sort: the arrow in the header flips, the smallest comes first.
    t.send(&["S"]);
    let s = t.wait_for("the reversed sort", Duration::from_secs(3), |s| {
        s.contains("Subm.▲")
    });
    let (gs, zj) = (s.find("甘肃省"), s.find("浙江省"));
    assert!(gs < zj, "Gansu (1) before Zhejiang (3) when reversed:\n{s}");

    t.send(&["q"]);
    assert_restored(&t, "Submitted");
}

#[test]
fn monitor_at_80x24_follows_appends_takes_keys_and_quits_cleanly() {
    follow_and_keys(80, 24);
}

#[test]
fn monitor_at_120x40_follows_appends_takes_keys_and_quits_cleanly() {
    follow_and_keys(120, 40);
}

#[test]
fn sigterm_restores_the_terminal_and_chinese_fits_80x24() {
    let Some(t) = Tmux::start("term", 80, 24) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events.jsonl");
    std::fs::write(&events, sub("A", "330102") + &sub("B", "440305")).unwrap();
    launch(&t, dir.path(), &events, "zh");
    let s = t.wait_for("the first frame", Duration::from_secs(10), |s| {
        kpi(s, "申请").as_deref() == Some("2")
    });
    for want in [
        "govops 运行监测",
        "地区：全部",
        "数据共享接口",
        "告警",
        "排序：申请 ▼",
        "? 帮助",
    ] {
        assert!(s.contains(want), "{want:?} not on the screen:\n{s}");
    }
    assert!(s.contains("浙江省") && s.contains("广东省"), "{s}");
    assert_aligned(&t, &s);
    // The help in Chinese, scrolled: its left border stays whole next to Chinese text.
    t.send(&["?"]);
    let s = t.wait_for("the help overlay", Duration::from_secs(3), |s| {
        s.contains('╔') && s.contains("帮助 —")
    });
    assert_aligned(&t, &s);
    let rows = s.lines().filter(|l| l.contains('║')).count();
    let lefts = s
        .lines()
        .filter(|l| l.find('║').map(|i| l[..i].width()) == Some(2))
        .count();
    assert_eq!(rows, lefts, "the help's left border is broken:\n{s}");
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
    assert_restored(&t, "运行监测");
}
