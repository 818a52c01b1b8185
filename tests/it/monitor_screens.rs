//! The monitor's screens at 80x24 and 200x60 in English and Chinese (insta snapshots), and
//! what the keys do to the rows people see: sort by any column and reverse it, and the
//! filter that reaches every level below the drill level.

use govops::monitor::ui::{Action, View};
use govops::report::i18n::{scoped, Lang};
use ratatui::crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

use crate::monitor_render::{key, state, text};

fn press(view: &mut View, keys: &str) {
    let st = state();
    for c in keys.chars() {
        view.on_key(key(KeyCode::Char(c)), &st);
    }
}

/// Byte offset of each name in `frame`, in the order given; panics when one is missing.
fn at(frame: &str, names: &[&str]) -> Vec<usize> {
    names
        .iter()
        .map(|n| {
            frame
                .find(n)
                .unwrap_or_else(|| panic!("{n} not shown:\n{frame}"))
        })
        .collect()
}

/// Are `names` shown top to bottom in this order?
fn in_order(frame: &str, names: &[&str]) -> bool {
    at(frame, names).windows(2).all(|w| w[0] < w[1])
}

/// Every row fits the width exactly where it closes a box: no Chinese text misaligns it.
fn aligned(frame: &str, w: usize) {
    for (i, line) in frame.lines().enumerate() {
        assert!(line.width() <= w, "row {i} too wide: {line}\n{frame}");
        if line.ends_with(['┐', '│', '┘', '┓', '┃', '┛']) {
            assert_eq!(line.width(), w, "row {i} misaligned: {line}\n{frame}");
        }
    }
}

fn screens(lang: Lang, tag: &str) {
    let st = state();
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let frame = scoped(lang, || text(&st, &View::default(), w, h));
        aligned(&frame, w as usize);
        assert_eq!(frame.lines().count(), h as usize);
        insta::assert_snapshot!(format!("screen_{tag}_{w}x{h}"), frame);
    }
}

#[test]
fn screens_in_english() {
    screens(Lang::En, "en");
}

#[test]
fn screens_in_chinese() {
    screens(Lang::Zh, "zh");
}

#[test]
fn every_pane_is_on_an_80x24_screen_in_both_languages() {
    let st = state();
    for (lang, want) in [
        (
            Lang::En,
            [
                "Submitted 120",
                "Regions: All",
                "Sharing interfaces",
                "Alerts (3)",
                "? help",
            ],
        ),
        (
            Lang::Zh,
            [
                "申请 120",
                "地区：全部",
                "数据共享接口",
                "告警（3）",
                "? 帮助",
            ],
        ),
    ] {
        let frame = scoped(lang, || text(&st, &View::default(), 80, 24));
        for w in want {
            assert!(frame.contains(w), "{w:?} missing at 80x24:\n{frame}");
        }
        // The interface that is down is the one the short pane shows.
        assert!(frame.contains("GX-SC-003"), "{frame}");
    }
}

#[test]
fn a_snapshot_has_no_key_hints() {
    let st = state();
    let view = View {
        snapshot: true,
        ..View::default()
    };
    let frame = text(&st, &view, 80, 24);
    assert!(frame.contains("SNAPSHOT"), "{frame}");
    assert!(
        !frame.contains("? help") && !frame.contains("q quit"),
        "{frame}"
    );
    let zh = scoped(Lang::Zh, || text(&st, &view, 80, 24));
    assert!(zh.contains("快照") && !zh.contains("? 帮助"), "{zh}");
}

#[test]
fn help_scrolls_when_it_does_not_fit() {
    let st = state();
    for lang in [Lang::En, Lang::Zh] {
        scoped(lang, || {
            let mut view = View::default();
            press(&mut view, "?");
            let top = text(&st, &view, 80, 24);
            aligned(&top, 80);
            // The first key is shown, the last definition is not: it scrolls.
            let (first, last) = match lang {
                Lang::En => ("quit (the terminal is restored)", "Orphans:"),
                Lang::Zh => ("退出（恢复终端）", "无申请记录："),
            };
            assert!(top.contains(first) && !top.contains(last), "{top}");
            view.on_key(key(KeyCode::End), &st);
            let end = text(&st, &view, 80, 24);
            assert!(end.contains(last) && !end.contains(first), "{end}");
            // The overlay's left border is drawn on every row (a Chinese character under
            // its edge must not swallow it).
            let rows = end.lines().filter(|l| l.contains('║')).count();
            let lefts = end
                .lines()
                .filter(|l| l.find('║').map(|i| l[..i].width()) == Some(2))
                .count();
            assert_eq!(rows, lefts, "{end}");
            view.on_key(key(KeyCode::PageUp), &st);
            view.on_key(key(KeyCode::PageUp), &st);
            view.on_key(key(KeyCode::PageUp), &st);
            assert_eq!(view.help_scroll, 0);
            assert!(text(&st, &view, 80, 24).contains(first));
            press(&mut view, "j");
            assert_eq!(view.help_scroll, 1);
            press(&mut view, "k");
            assert_eq!(view.help_scroll, 0);
            if lang == Lang::Zh {
                insta::assert_snapshot!("help_80x24_zh_end", end);
            }
            // Any other key closes it.
            press(&mut view, "x");
            assert!(!view.help);
        });
    }
}

#[test]
fn sort_by_a_column_and_reverse_it() {
    let st = state();
    let mut view = View::default();
    let provinces = ["浙江省", "广东省", "甘肃省"];
    // Submissions, biggest first: Zhejiang 80, then Guangdong and Gansu 20 each (by code).
    let f = text(&st, &view, 80, 24);
    assert!(f.contains("sort: Subm. ▼") && f.contains("Subm.▼"), "{f}");
    assert!(in_order(&f, &provinces), "{f}");
    // S reverses: smallest first, the tie still by code.
    press(&mut view, "S");
    let f = text(&st, &view, 80, 24);
    assert!(f.contains("sort: Subm. ▲") && f.contains("Subm.▲"), "{f}");
    assert!(in_order(&f, &["广东省", "甘肃省", "浙江省"]), "{f}");
    // The column's own key (2: submitted) again flips it back.
    press(&mut view, "2");
    let f = text(&st, &view, 80, 24);
    assert!(in_order(&f, &provinces) && f.contains("Subm.▼"), "{f}");
    // 1: by region code, ascending; 1 again: descending.
    press(&mut view, "1");
    let f = text(&st, &view, 80, 24);
    assert!(f.contains("Region▲"), "{f}");
    assert!(in_order(&f, &provinces), "{f}");
    press(&mut view, "1");
    let f = text(&st, &view, 80, 24);
    assert!(f.contains("Region▼"), "{f}");
    assert!(in_order(&f, &["甘肃省", "广东省", "浙江省"]), "{f}");
    // 5: overdue, most first (Zhejiang and Guangdong 5 each, Gansu none); S: fewest first.
    press(&mut view, "5");
    assert!(in_order(&text(&st, &view, 80, 24), &provinces));
    press(&mut view, "S");
    let f = text(&st, &view, 80, 24);
    assert!(f.contains("Overdue▲"), "{f}");
    assert!(in_order(&f, &["甘肃省", "浙江省", "广东省"]), "{f}");
    // s cycles to the next column in its natural order.
    press(&mut view, "s");
    let f = text(&st, &view, 120, 40);
    assert!(f.contains("sort: Sat. ▲"), "{f}");
    // The Chinese header says the same.
    let zh = scoped(Lang::Zh, || text(&st, &view, 80, 24));
    assert!(zh.contains("排序：满意率 ▲"), "{zh}");
}

#[test]
fn the_filter_reaches_every_level_and_esc_clears_it() {
    let st = state();
    let mut view = View::default();
    // A district's name, typed at the top level: its province and city lead to it.
    press(&mut view, "/上城");
    view.on_key(key(KeyCode::Enter), &st);
    let f = text(&st, &view, 80, 24);
    assert!(in_order(&f, &["浙江省", "杭州市", "上城区"]), "{f}");
    for gone in ["广东省", "甘肃省", "宁波市", "西湖区"] {
        assert!(!f.contains(gone), "{gone} shown under the filter:\n{f}");
    }
    // Indented one level per step down.
    let indent = |name: &str| {
        let line = f.lines().find(|l| l.contains(name)).unwrap_or_default();
        line.find(name).unwrap_or(0)
    };
    assert!(indent("浙江省") < indent("杭州市") && indent("杭州市") < indent("上城区"));
    assert!(f.contains("filter: 上城"), "{f}");
    // Enter on the district drills along its whole path; the filter is done.
    press(&mut view, "jj");
    assert_eq!(view.on_key(key(KeyCode::Enter), &st), Action::Redraw);
    let f = text(&st, &view, 120, 40);
    assert!(f.contains("All ▸ 浙江省 ▸ 杭州市 ▸ 上城区"), "{f}");
    assert!(view.filter.is_empty());
    view.drill.clear();

    // A code prefix, and the interfaces are filtered too.
    press(&mut view, "/4403");
    view.on_key(key(KeyCode::Enter), &st);
    let f = text(&st, &view, 80, 24);
    assert!(in_order(&f, &["广东省", "深圳市", "南山区"]), "{f}");
    assert!(!f.contains("浙江省") && !f.contains("GX-SC-003"), "{f}");

    // An interface id: the interfaces pane keeps it alone, no region matches.
    view.on_key(key(KeyCode::Esc), &st);
    assert!(view.filter.is_empty(), "Esc clears the filter");
    press(&mut view, "/mz-002");
    view.on_key(key(KeyCode::Enter), &st);
    let f = text(&st, &view, 120, 40);
    assert!(f.contains("GX-MZ-002") && !f.contains("GX-GA-001"), "{f}");
    assert!(f.contains("nothing matches the filter"), "{f}");

    // Esc clears it: every province is back; a second Esc quits.
    assert_eq!(view.on_key(key(KeyCode::Esc), &st), Action::Redraw);
    let f = text(&st, &view, 80, 24);
    assert!(in_order(&f, &["浙江省", "广东省", "甘肃省"]), "{f}");
    assert_eq!(view.on_key(key(KeyCode::Esc), &st), Action::Quit);
}

#[test]
fn with_the_interfaces_focused_the_sort_keys_sort_them() {
    let st = state();
    let mut view = View::default();
    // By default the worst first: down, degraded, up.
    let f = text(&st, &view, 80, 24);
    assert!(
        in_order(&f, &["GX-SC-003", "GX-MZ-002", "GX-GA-001"]),
        "{f}"
    );
    view.on_key(key(KeyCode::Tab), &st);
    let f = text(&st, &view, 80, 24);
    assert!(f.contains("sort: Status ▼") && f.contains("Status▼"), "{f}");
    assert!(f.contains("1-4 s sort"), "{f}");
    // 3: latency, slowest first (a tie keeps the registry's order); 3 again: fastest first.
    press(&mut view, "3");
    let f = text(&st, &view, 80, 24);
    assert!(f.contains("sort: ms ▼") && f.contains("ms▼"), "{f}");
    assert!(
        in_order(&f, &["GX-MZ-002", "GX-GA-001", "GX-SC-003"]),
        "{f}"
    );
    press(&mut view, "3");
    let f = text(&st, &view, 80, 24);
    assert!(
        in_order(&f, &["GX-GA-001", "GX-SC-003", "GX-MZ-002"]),
        "{f}"
    );
    // 1: by id; S reverses it.
    press(&mut view, "1S");
    let f = text(&st, &view, 80, 24);
    assert!(f.contains("Interface▼"), "{f}");
    assert!(
        in_order(&f, &["GX-SC-003", "GX-MZ-002", "GX-GA-001"]),
        "{f}"
    );
    // The regions keep their own sort meanwhile.
    assert!(in_order(&f, &["浙江省", "广东省", "甘肃省"]), "{f}");
    let zh = scoped(Lang::Zh, || text(&st, &view, 80, 24));
    assert!(zh.contains("排序：接口 ▼") && zh.contains("接口▼"), "{zh}");
}
