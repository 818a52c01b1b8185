//! The layout: which pane goes where at a given terminal size, and the plain-text dump of a
//! frame for `--once` and tests.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::panes::{self, Screen};

/// Draw the whole screen. Small terminals drop the charts, then the side column.
pub fn draw(f: &mut Frame, s: &Screen) {
    let area = f.area();
    if area.width < 20 || area.height < 8 {
        f.render_widget(
            ratatui::widgets::Paragraph::new("govops monitor: terminal too small"),
            area,
        );
        return;
    }
    let charts_h = if area.height >= 30 {
        8
    } else if area.height >= 22 {
        6
    } else {
        0
    };
    let [head, kpi, charts, main, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(charts_h),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    panes::header(f, head, s);
    panes::kpis(f, kpi, s);
    if charts_h > 0 {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(charts);
        panes::submissions(f, left, s);
        panes::channels(f, right, s);
    }
    if area.width >= 100 {
        let [table, side] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(main);
        panes::regions_table(f, table, s);
        let [ifaces, log] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(side);
        panes::interfaces(f, ifaces, s);
        panes::log(f, log, s);
    } else {
        // Narrow: the focused pane takes the whole main area.
        match s.view.focus {
            super::Pane::Regions => panes::regions_table(f, main, s),
            super::Pane::Interfaces => panes::interfaces(f, main, s),
            super::Pane::Log => panes::log(f, main, s),
        }
    }
    panes::footer(f, foot, s);
    if s.view.help {
        panes::help(f, area);
    }
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
