//! Render tests: the screen drawn on ratatui's TestBackend, compared with committed insta
//! snapshots, plus properties every frame must have (Chinese names at the right width, no
//! escape bytes from hostile input, no panic at any size).

use chrono::{TimeZone, Utc};
use govops::model::{Interface, RegionSet};
use govops::monitor::alerts::alerts;
use govops::monitor::ingest::{Feeder, Hub};
use govops::monitor::probe::{InterfaceHealth, ProbeOutcome};
use govops::monitor::state::{Regions, State};
use govops::monitor::ui::panes::Screen;
use govops::monitor::ui::{render, Action, Pane, View};
use govops::profile::sections::Alerts;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

/// A fixed state: cases in Zhejiang (Hangzhou: two districts, Ningbo), Guangdong and
/// Gansu, with overdue cases, ratings, malformed lines and three interfaces.
pub(crate) fn state() -> State {
    let now = Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).unwrap();
    let hub = Hub::new(
        State::new(Regions::Builtin(RegionSet::china()), "events.jsonl", now),
        Box::new(|| {}),
    );
    let places = [
        "330102",
        "330106",
        "330203",
        "440305",
        "620102",
        "330102001",
    ];
    let channels = [
        "wechat", "web", "hall", "alipay", "app", "hotline", "wechat",
    ];
    let mut text = String::new();
    for i in 0..120u32 {
        text.push_str(&format!(
            "{{\"ts\":\"2026-11-29T08:{:02}:00Z\",\"type\":\"submitted\",\"case_id\":\"C{i}\",\"region_code\":\"{}\",\"channel\":\"{}\",\"limit_days\":10}}\n",
            i / 3,
            places[i as usize % places.len()],
            channels[i as usize % channels.len()],
        ));
    }
    for i in 0..90u32 {
        let elapsed = if i % 9 == 0 { 14 } else { 4 };
        text.push_str(&format!(
            "{{\"type\":\"completed\",\"case_id\":\"C{i}\",\"limit_days\":10,\"elapsed_days\":{elapsed}}}\n"
        ));
        if i % 2 == 0 {
            text.push_str(&format!(
                "{{\"type\":\"rated\",\"case_id\":\"C{i}\",\"rating\":{}}}\n",
                [5, 5, 4, 5, 1, 5, 2, 5, 3][i as usize % 9]
            ));
        }
    }
    text.push_str("{\"type\":\"rated\",\"case_id\":\"C1\",\"rating\":0}\n");
    text.push_str(
        "{\"type\":\"submitted\",\"case_id\":\"X\",\"region_code\":\"\\u001b[2J\\u202e\"}\n",
    );
    let mut f = Feeder::default();
    f.push(text.as_bytes(), &hub);
    let mut st = hub.into_state();
    let iface = |id: &str, slo| Interface {
        id: id.into(),
        dataset: "人口基础信息".into(),
        provider: "省公安厅".into(),
        url: Some(format!("http://127.0.0.1:1/{id}")),
        latency_slo_ms: slo,
        ..Default::default()
    };
    let mut a = InterfaceHealth::new(&iface("GX-GA-001", Some(500)));
    let mut b = InterfaceHealth::new(&iface("GX-MZ-002", Some(100)));
    let mut c = InterfaceHealth::new(&iface("GX-SC-003", None));
    for ms in [20, 35, 18, 60, 22] {
        a.record(&ProbeOutcome {
            ok: true,
            http_status: Some(200),
            latency_ms: ms,
            error: None,
            warning: None,
        });
        b.record(&ProbeOutcome {
            ok: true,
            http_status: Some(200),
            latency_ms: ms * 10,
            error: None,
            warning: None,
        });
        c.record(&ProbeOutcome {
            ok: false,
            http_status: Some(503),
            latency_ms: ms,
            error: Some("HTTP 503 \u{1b}[31mdown\u{1b}[0m".into()),
            warning: None,
        });
    }
    st.interfaces = vec![a, b, c];
    st
}

pub(crate) fn text(st: &State, view: &View, w: u16, h: u16) -> String {
    let alerts = alerts(st, &Alerts::default());
    let screen = Screen {
        state: st,
        view,
        alerts: &alerts,
        has_registry: true,
    };
    render::to_text(&render::frame(&screen, w, h))
}

pub(crate) fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

#[test]
fn full_screen_120x40() {
    let st = state();
    let frame = text(&st, &View::default(), 120, 40);
    insta::assert_snapshot!("full_120x40", frame);
}

#[test]
fn drill_down_province_city_county_township_and_back() {
    let st = state();
    let mut view = View::default();
    // Sorted by submissions, Zhejiang (4 of 6 places) is first.
    assert_eq!(view.on_key(key(KeyCode::Enter), &st), Action::Redraw);
    let city = text(&st, &view, 120, 40);
    assert!(city.contains("All ▸ 浙江省"), "{city}");
    assert!(city.contains("杭州市") && city.contains("宁波市"));
    view.on_key(key(KeyCode::Enter), &st); // 杭州市
    view.on_key(key(KeyCode::Enter), &st); // 上城区 (330102: 40 cases incl. its township)
    let township = text(&st, &view, 120, 40);
    assert!(
        township.contains("All ▸ 浙江省 ▸ 杭州市 ▸ 上城区"),
        "{township}"
    );
    insta::assert_snapshot!("drill_township", township);
    // The township has nothing below it: Enter does nothing.
    assert_eq!(view.on_key(key(KeyCode::Enter), &st), Action::None);
    view.on_key(key(KeyCode::Backspace), &st);
    view.on_key(key(KeyCode::Backspace), &st);
    view.on_key(key(KeyCode::Backspace), &st);
    assert!(view.drill.is_empty());
    assert_eq!(view.region_sel, 0, "back on Zhejiang");
}

#[test]
fn filter_and_sort() {
    let st = state();
    let mut view = View::default();
    view.on_key(key(KeyCode::Char('/')), &st);
    for c in "广东".chars() {
        view.on_key(key(KeyCode::Char(c)), &st);
    }
    view.on_key(key(KeyCode::Enter), &st);
    let frame = text(&st, &view, 120, 40);
    assert!(frame.contains("filter: 广东"));
    assert!(
        frame.contains("广东省") && !frame.contains("浙江省"),
        "{frame}"
    );
    view.on_key(key(KeyCode::Char('/')), &st);
    view.on_key(key(KeyCode::Esc), &st);
    for _ in 0..3 {
        view.on_key(key(KeyCode::Char('s')), &st);
    }
    let frame = text(&st, &view, 120, 40);
    assert!(frame.contains("sort: Overdue ▼"), "{frame}");
}

#[test]
fn help_overlay_and_keys() {
    let st = state();
    let mut view = View::default();
    assert_eq!(view.on_key(key(KeyCode::Char('?')), &st), Action::Redraw);
    let frame = text(&st, &view, 120, 40);
    insta::assert_snapshot!("help_overlay", frame);
    assert_eq!(view.on_key(key(KeyCode::Char('x')), &st), Action::Redraw);
    assert!(!view.help);
    assert_eq!(view.on_key(key(KeyCode::Tab), &st), Action::Redraw);
    assert_eq!(view.focus, Pane::Interfaces);
    assert_eq!(
        view.on_key(key(KeyCode::Char('p')), &st),
        Action::Pause(true)
    );
    assert!(text(&st, &view, 120, 40).contains("PAUSED"));
    assert_eq!(view.on_key(key(KeyCode::Char('r')), &st), Action::Refresh);
    assert_eq!(view.on_key(key(KeyCode::Char('q')), &st), Action::Quit);
    assert_eq!(view.on_key(key(KeyCode::Esc), &st), Action::Quit);
}

#[test]
fn narrow_terminal_shows_the_focused_pane() {
    let st = state();
    let mut view = View::default();
    insta::assert_snapshot!("narrow_80x24", text(&st, &view, 80, 24));
    view.on_key(key(KeyCode::Tab), &st);
    let ifaces = text(&st, &view, 80, 24);
    assert!(
        ifaces.contains("GX-SC-003") && ifaces.contains("DOWN"),
        "{ifaces}"
    );
}

#[test]
fn every_row_has_the_frame_width_with_chinese_names() {
    let st = state();
    for (w, h) in [(120, 40), (200, 60), (100, 30), (81, 25)] {
        let frame = render::frame(
            &Screen {
                state: &st,
                view: &View::default(),
                alerts: &[],
                has_registry: true,
            },
            w,
            h,
        );
        let text = render::to_text(&frame);
        for (i, line) in text.lines().enumerate() {
            assert!(
                line.width() <= w as usize,
                "row {i} too wide at {w}x{h}: {line}"
            );
            // Rows that close a box end exactly at the right edge.
            if line.ends_with('┐') || line.ends_with('│') || line.ends_with('┘') {
                assert_eq!(line.width(), w as usize, "row {i} at {w}x{h}: {line}");
            }
        }
    }
}

#[test]
fn hostile_text_never_reaches_the_frame_as_control_characters() {
    let st = state();
    let frame = text(&st, &View::default(), 200, 60);
    assert!(
        !frame.chars().any(|c| c.is_control() && c != '\n'),
        "{frame:?}"
    );
    assert!(!frame.contains('\u{202e}'));
    // The hostile interface error is shown, made visible.
    assert!(frame.contains("HTTP 503 ␛[31mdown␛[0m"), "{frame}");
    assert!(frame.contains("2 malformed"));
}

#[test]
fn any_size_renders_without_panic() {
    let st = state();
    for (w, h) in [
        (1, 1),
        (10, 3),
        (19, 7),
        (20, 8),
        (40, 12),
        (60, 20),
        (300, 100),
    ] {
        let screen = Screen {
            state: &st,
            view: &View {
                help: true,
                ..View::default()
            },
            alerts: &[],
            has_registry: false,
        };
        let _ = render::frame(&screen, w, h);
    }
}
