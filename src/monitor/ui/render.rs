//! The layout: which pane goes where at a given terminal size (by priority, `layout`), and
//! the plain-text dump of a frame for `--once` and tests.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::layout::{allot, Claim};
use super::panes::{self, Screen};
use super::widgets::fit_words;
use super::{help, side, tables, Pane};
use crate::monitor::regions::RegionRow;
use crate::report::i18n::t;

/// Terminals narrower than this show one column of panes.
const WIDE: u16 = 100;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Regions,
    Sharing,
    Alerts,
    Activity,
}

/// What each pane asks for in a column.
fn claim(which: Which, s: &Screen, rows: &[RegionRow]) -> Claim {
    match which {
        Which::Regions => {
            let want = tables::regions_want(rows.len());
            Claim::new(0, want.clamp(4, 6), want)
        }
        Which::Sharing => Claim::new(1, 4, tables::interfaces_want(s)),
        // Every alert (up to four) stays in view before the regions grow.
        Which::Alerts => Claim::new(1, side::alerts_need(s), side::log_want(s)),
        // Eight rows show all six channels; six still show the trend.
        Which::Activity => Claim::new(1, 6, 8).optional(),
    }
}

/// The panes of a column by importance: the focused one first, then regions, alerts,
/// sharing health, activity.
fn by_priority(focus: Pane, panes: &[Which]) -> Vec<Which> {
    let first = match focus {
        Pane::Regions => Which::Regions,
        Pane::Interfaces => Which::Sharing,
        Pane::Log => Which::Alerts,
    };
    let order = [
        first,
        Which::Regions,
        Which::Alerts,
        Which::Sharing,
        Which::Activity,
    ];
    let mut out: Vec<Which> = Vec::new();
    for w in order {
        if panes.contains(&w) && !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Stack `panes` (top to bottom) in `area`, each full, as a summary, or hidden.
fn column(f: &mut Frame, area: Rect, s: &Screen, rows: &[RegionRow], panes: &[Which]) {
    let order = by_priority(s.view.focus, panes);
    let claims: Vec<Claim> = order.iter().map(|w| claim(*w, s, rows)).collect();
    let heights = allot(area.height, &claims);
    let mut y = area.y;
    for which in panes {
        let Some(i) = order.iter().position(|w| w == which) else {
            continue;
        };
        let h = heights[i];
        if h == 0 {
            continue;
        }
        let rect = Rect::new(area.x, y, area.width, h);
        y += h;
        pane(f, rect, s, rows, *which, claims[i].is_full(h));
    }
}

fn pane(f: &mut Frame, rect: Rect, s: &Screen, rows: &[RegionRow], which: Which, full: bool) {
    match (which, full) {
        (Which::Regions, _) => tables::regions_table(f, rect, s, rows),
        (Which::Sharing, true) => tables::interfaces(f, rect, s),
        (Which::Sharing, false) => tables::interfaces_summary(f, rect, s),
        (Which::Alerts, true) => side::log(f, rect, s),
        (Which::Alerts, false) => side::log_summary(f, rect, s),
        (Which::Activity, true) => panes::activity(f, rect, s),
        (Which::Activity, false) => panes::activity_summary(f, rect, s),
    }
}

/// Draw the whole screen. Every pane has a place at 80x24: when rows are short the least
/// important panes become one-line summaries rather than vanish.
pub fn draw(f: &mut Frame, s: &Screen) {
    let area = f.area();
    if area.width < 20 || area.height < 8 {
        f.render_widget(
            ratatui::widgets::Paragraph::new(fit_words(&t("mon-too-small"), area.width as usize)),
            area,
        );
        return;
    }
    let live = !s.view.snapshot;
    let kpi_h = panes::kpi_height(s, area.width);
    let [head, kpi, main, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(kpi_h),
        Constraint::Min(3),
        Constraint::Length(u16::from(live)),
    ])
    .areas(area);
    panes::header(f, head, s);
    panes::kpis(f, kpi, s);
    let rows = s.view.region_rows(s.state);
    if area.width >= WIDE {
        wide(f, main, s, &rows);
    } else {
        column(
            f,
            main,
            s,
            &rows,
            &[
                Which::Activity,
                Which::Regions,
                Which::Sharing,
                Which::Alerts,
            ],
        );
    }
    if live {
        panes::footer(f, foot, s);
    }
    if s.view.help {
        help::draw(f, area, s.view, s.state.rectify_days);
    }
}

/// Activity across the top; the regions on the left, sharing health and alerts on the right.
fn wide(f: &mut Frame, area: Rect, s: &Screen, rows: &[RegionRow]) {
    let side_want = tables::interfaces_want(s) + side::log_want(s);
    let main = Claim::new(0, 8, tables::regions_want(rows.len()).max(side_want));
    let activity = claim(Which::Activity, s, rows);
    let h = allot(area.height, &[main, activity]);
    let top = Rect::new(area.x, area.y, area.width, h[1]);
    if h[1] > 0 {
        pane(f, top, s, rows, Which::Activity, activity.is_full(h[1]));
    }
    let rest = Rect::new(area.x, area.y + h[1], area.width, h[0]);
    // The table takes what its columns need (45–58 %); the rest widens the interfaces'
    // last errors and the alerts.
    let table_w =
        tables::regions_natural_width(rows).clamp(area.width * 45 / 100, area.width * 58 / 100);
    let [table, right] =
        Layout::horizontal([Constraint::Length(table_w), Constraint::Min(0)]).areas(rest);
    tables::regions_table(f, table, s, rows);
    column(f, right, s, rows, &[Which::Sharing, Which::Alerts]);
}

/// Render one frame of `width`×`height` off-screen.
pub fn frame(s: &Screen, width: u16, height: u16) -> Buffer {
    let backend = TestBackend::new(width, height);
    match ratatui::Terminal::new(backend) {
        Ok(mut t) => {
            let _ = t.draw(|f| draw(f, s));
            t.backend().buffer().clone()
        }
        Err(_) => Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height)),
    }
}

/// The buffer as plain text: one line per row, trailing spaces trimmed, the cell hidden
/// behind a double-width character skipped, no styles and no escape bytes.
pub fn to_text(buf: &Buffer) -> String {
    let width = buf.area.width as usize;
    let mut out = String::with_capacity(buf.content.len() * 2);
    for row in buf.content.chunks(width.max(1)) {
        let mut line = String::with_capacity(width * 2);
        let mut skip = 0usize;
        for cell in row {
            if skip == 0 {
                line.push_str(cell.symbol());
            }
            skip = skip.max(cell.symbol().width()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
