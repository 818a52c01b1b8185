//! The help overlay: keys and the figures' definitions from the catalogs, wrapped to the
//! screen, scrollable when taller than it (j/k, arrows, PgUp/PgDn, Home/End).

use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::widgets::{width, wrap};
use super::View;
use crate::report::i18n::t;
use crate::tr;

/// Keys (as typed, the same in every language) and what they do.
const KEYS: [(&str, &str); 12] = [
    ("q, Ctrl-C", "mon-help-quit"),
    ("Tab, Shift-Tab", "mon-help-pane"),
    ("↑ ↓ PgUp PgDn", "mon-help-select"),
    ("Enter, →", "mon-help-drill"),
    ("Backspace, ←", "mon-help-up"),
    ("/", "mon-help-filter"),
    ("Esc", "mon-help-esc"),
    ("1 … 8", "mon-help-sort"),
    ("s, S", "mon-help-cycle"),
    ("p", "mon-help-pause"),
    ("r", "mon-help-refresh"),
    ("?", "mon-help-help"),
];

const TERMS: [&str; 6] = [
    "mon-help-def-open",
    "mon-help-def-overdue",
    "mon-help-def-sat",
    "mon-help-def-bad",
    "mon-help-def-rect",
    "mon-help-def-orphans",
];

/// The help's lines for an inner width of `inner` columns.
pub fn lines(inner: usize, rectify_days: u32) -> Vec<Line<'static>> {
    let key_w = KEYS.iter().map(|k| width(k.0)).max().unwrap_or(0);
    // On a very narrow screen the keys go on a line of their own.
    let side_by_side = inner >= key_w + 2 + 24;
    let desc_w = if side_by_side {
        inner - key_w - 2
    } else {
        inner.saturating_sub(2)
    };
    let key_style = Style::new().bold().fg(Color::Cyan);
    let mut out = Vec::new();
    for (keys, id) in KEYS {
        let desc = wrap(&t(id), desc_w);
        if side_by_side {
            for (i, d) in desc.into_iter().enumerate() {
                let k = if i == 0 { keys } else { "" };
                let pad = " ".repeat(key_w - width(k));
                out.push(Line::from(vec![
                    Span::styled(format!("{pad}{k}  "), key_style),
                    Span::raw(d),
                ]));
            }
        } else {
            out.push(Line::from(Span::styled(keys.to_string(), key_style)));
            out.extend(desc.into_iter().map(|d| Line::from(format!("  {d}"))));
        }
    }
    out.push(Line::from(""));
    out.push(Line::from(t("mon-help-terms")).bold());
    for id in TERMS {
        let text = tr!(id, days = rectify_days);
        out.extend(wrap(&text, inner).into_iter().map(Line::from));
    }
    out
}

pub fn draw(f: &mut Frame, area: Rect, view: &View, rectify_days: u32) {
    let w = 76.min(area.width);
    let inner = w.saturating_sub(2) as usize;
    let body = lines(inner, rectify_days);
    let h = (body.len() as u16 + 2).min(area.height);
    let room = h.saturating_sub(2);
    let max = (body.len() as u16).saturating_sub(room);
    view.help_max.set(max);
    let from = view.help_scroll.min(max);
    let name = t("mon-help-title");
    let heading = if max > 0 {
        let full = format!(
            " {name} — {} ",
            tr!(
                "mon-help-scroll",
                from = u32::from(from) + 1,
                to = u32::from(from + room),
                total = body.len()
            )
        );
        if width(&full) + 2 <= w as usize {
            full
        } else {
            format!(" {name} ")
        }
    } else {
        format!(" {name} ")
    };
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    f.render_widget(Clear, popup);
    clear_wide_left_of(f, popup);
    f.render_widget(
        Paragraph::new(body).scroll((from, 0)).block(
            Block::default()
                .borders(Borders::ALL)
                .border_type(BorderType::Double)
                .title(heading)
                .title_alignment(Alignment::Center),
        ),
        popup,
    );
}

/// A double-width character just left of `popup` would cover its left border (the terminal
/// draws it over two columns and the border cell is never sent): blank it.
fn clear_wide_left_of(f: &mut Frame, popup: Rect) {
    let Some(x) = popup.x.checked_sub(1) else {
        return;
    };
    let buf = f.buffer_mut();
    for y in popup.top()..popup.bottom() {
        if let Some(cell) = buf.cell_mut((x, y)) {
            if width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}
