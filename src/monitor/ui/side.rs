//! The alerts pane: alerts first, then source notes and malformed lines (newest last,
//! scrollable); as a one-line summary when the screen is short.

use ratatui::layout::Rect;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::panes::{block, summary, title, Screen};
use super::widgets::{count, fit_words, width};
use super::Pane;
use crate::monitor::alerts::Alert;
use crate::report::i18n::t;
use crate::report::sanitize::terminal as clean;
use crate::tr;

fn history_len(s: &Screen) -> usize {
    s.state.notes.len() + s.state.malformed.len()
}

/// Rows the full pane would like: every alert and a few lines of history.
pub fn log_want(s: &Screen) -> u16 {
    let alerts = s.view.alerts(s.alerts).len().max(1);
    (alerts + history_len(s).min(4) + 2) as u16
}

/// Rows the full pane needs to show its alerts (at most four) and its borders.
pub fn alerts_need(s: &Screen) -> u16 {
    s.view.alerts(s.alerts).len().clamp(1, 4) as u16 + 2
}

/// An alert in a few words: what kind, and which interface.
fn kind(a: &Alert) -> String {
    match (a.kind, &a.interface) {
        ("interface_down", Some(id)) => {
            tr!("mon-alert-kind-interface_down", id = clean(id).into_owned())
        }
        (k, _) => t(&format!("mon-alert-kind-{k}")),
    }
}

pub fn log_summary(f: &mut Frame, area: Rect, s: &Screen) {
    let alerts = s.view.alerts(s.alerts);
    let mut details: Vec<String> = alerts.iter().map(|a| kind(a)).collect();
    if details.is_empty() {
        details.push(t("mon-no-alert"));
    }
    if s.state.malformed_lines > 0 {
        details.push(tr!("mon-malformed", n = count(s.state.malformed_lines)));
    }
    let name = tr!("mon-pane-alerts-n", n = alerts.len());
    summary(f, area, &name, &details, !alerts.is_empty());
}

pub fn log(f: &mut Frame, area: Rect, s: &Screen) {
    let st = s.state;
    let focused = s.view.focus == Pane::Log && !s.view.snapshot;
    let inner = area.width.saturating_sub(2) as usize;
    let alerts = s.view.alerts(s.alerts);
    let mut lines: Vec<Line> = alerts
        .iter()
        .map(|a| {
            Line::from(fit_words(&format!("▲ {}", clean(&a.message)), inner))
                .style(Style::new().fg(Color::Red).bold())
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(format!("✓ {}", t("mon-no-alert"))).fg(Color::Green));
    }
    let mut history: Vec<Line> = st
        .notes
        .iter()
        .map(|n| Line::from(fit_words(&format!("• {}", clean(n)), inner)).fg(Color::DarkGray))
        .collect();
    history.extend(st.malformed.iter().map(|m| {
        let at = tr!("mon-log-line", n = m.line);
        let rest = format!("{} — {}", clean(&m.reason), clean(&m.excerpt));
        let room = inner.saturating_sub(width(&at) + 1);
        Line::from(vec![
            Span::styled(format!("{at} "), Style::new().fg(Color::Yellow)),
            Span::raw(fit_words(&rest, room)),
        ])
    }));
    let room = area.height.saturating_sub(2) as usize;
    let room_for_history = room.saturating_sub(lines.len());
    let end = history
        .len()
        .saturating_sub(s.view.log_scroll.min(history.len()));
    let start = end.saturating_sub(room_for_history);
    lines.extend(history.drain(start..end));
    let long = tr!(
        "mon-pane-alerts-title",
        n = alerts.len(),
        m = count(st.malformed_lines)
    );
    let heading = if width(&long) + 4 <= area.width as usize {
        long
    } else {
        tr!("mon-pane-alerts-n", n = alerts.len())
    };
    let p = Paragraph::new(lines).block(block(title(&heading, area.width), focused));
    f.render_widget(p, area);
}
