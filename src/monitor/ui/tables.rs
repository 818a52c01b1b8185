//! The region table and the sharing-interface table. Column widths are measured (Chinese
//! characters count two); when the room is short the least important columns go first, and
//! every cell is cut at a word boundary by us, never mid-word by the terminal's edge.

use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};
use ratatui::Frame;

use super::panes::{block, summary, title, Screen};
use super::widgets::{count, fit_words, pct, spark, width};
use super::Pane;
use crate::monitor::probe::{Health, InterfaceHealth};
use crate::monitor::regions::{RegionRow, SortKey};
use crate::report::i18n::t;
use crate::report::sanitize::terminal as clean;
use crate::tr;

/// A column: its header, the sort key it shows (if any), its width, and how long it stays
/// when the room is short (lower stays longer; 0 never goes).
struct Col {
    /// The header's catalog key.
    id: &'static str,
    head: String,
    key: Option<SortKey>,
    width: u16,
    keep: u8,
}

/// Drop the columns with the highest `keep` until the fixed ones leave `min_fill` columns
/// for the first (filling) one.
fn choose(cols: &mut Vec<Col>, inner: u16, min_fill: u16) {
    loop {
        let fixed: u16 = cols.iter().skip(1).map(|c| c.width + 1).sum();
        if fixed + min_fill <= inner {
            return;
        }
        match (1..cols.len())
            .filter(|&i| cols[i].keep > 0)
            .max_by_key(|&i| cols[i].keep)
        {
            Some(i) => {
                cols.remove(i);
            }
            None => return,
        }
    }
}

pub(super) fn status_label(h: Health) -> String {
    t(match h {
        Health::Unknown => "mon-status-unknown",
        Health::Up => "mon-status-up",
        Health::Degraded => "mon-status-warn",
        Health::Down => "mon-status-down",
        Health::NoUrl => "mon-status-no-url",
        Health::NotShared => "mon-status-not-shared",
    })
}

fn breadcrumb(s: &Screen) -> String {
    let set = &s.state.regions;
    let mut parts = vec![t("mon-all")];
    parts.extend(
        s.view
            .drill
            .iter()
            .map(|&i| clean(&set.by_index(i).name).into_owned()),
    );
    let mut text = tr!("mon-pane-regions-path", path = parts.join(" ▸ "));
    if !s.view.filter.is_empty() || s.view.editing_filter {
        text.push_str(" — ");
        text.push_str(&tr!(
            "mon-filter",
            text = clean(&s.view.filter).into_owned()
        ));
    }
    text
}

/// Rows the full region table would like.
pub fn regions_want(rows: usize) -> u16 {
    rows.max(1) as u16 + 3
}

/// The region table's columns (the name's width still 0), and the name's wanted width.
fn region_cols(rows: &[RegionRow]) -> (Vec<Col>, u16) {
    let num =
        |id: &'static str, key: SortKey, keep: u8, values: &mut dyn Iterator<Item = String>| {
            let head = t(id);
            let w = values.map(|v| width(&v)).max().unwrap_or(0);
            Col {
                width: (width(&head) + 1).max(w) as u16,
                id,
                head,
                key: Some(key),
                keep,
            }
        };
    let sat = |r: &RegionRow| pct(r.stats.satisfaction());
    let cols = vec![
        Col {
            id: "mon-col-region",
            head: t("mon-col-region"),
            key: Some(SortKey::Code),
            width: 0,
            keep: 0,
        },
        Col {
            id: "mon-col-code",
            head: t("mon-col-code"),
            key: None,
            width: rows
                .iter()
                .map(|r| width(&r.code))
                .max()
                .unwrap_or(2)
                .max(width(&t("mon-col-code"))) as u16,
            keep: 9,
        },
        num(
            "mon-col-submitted",
            SortKey::Submitted,
            1,
            &mut rows.iter().map(|r| count(r.stats.submitted)),
        ),
        num(
            "mon-col-open",
            SortKey::InProgress,
            5,
            &mut rows.iter().map(|r| count(r.stats.in_progress())),
        ),
        num(
            "mon-col-completed",
            SortKey::Completed,
            6,
            &mut rows.iter().map(|r| count(r.stats.completed)),
        ),
        num(
            "mon-col-overdue",
            SortKey::Overdue,
            2,
            &mut rows.iter().map(|r| count(r.stats.overdue())),
        ),
        num(
            "mon-col-satisfaction",
            SortKey::Satisfaction,
            3,
            &mut rows.iter().map(sat),
        ),
        num(
            "mon-col-bad",
            SortKey::Bad,
            4,
            &mut rows.iter().map(|r| count(r.stats.bad)),
        ),
        num(
            "mon-col-rect-overdue",
            SortKey::RectificationOverdue,
            7,
            &mut rows.iter().map(|r| count(r.stats.rectification_overdue)),
        ),
    ];
    let name_need = rows
        .iter()
        .map(|r| width(&r.name) + 2 * r.depth as usize + 2)
        .max()
        .unwrap_or(0)
        .max(width(&cols[0].head) + 1);
    (cols, name_need.clamp(8, 24) as u16)
}

/// Columns the region table needs for every column and its longest name (up to 24).
pub fn regions_natural_width(rows: &[RegionRow]) -> u16 {
    let (cols, name) = region_cols(rows);
    cols.iter().skip(1).map(|c| c.width + 1).sum::<u16>() + name + 2
}

pub fn regions_table(f: &mut Frame, area: Rect, s: &Screen, rows: &[RegionRow]) {
    let focused = s.view.focus == Pane::Regions && !s.view.snapshot;
    let sort = s.view.sort;
    let (mut cols, name_need) = region_cols(rows);
    let inner = area.width.saturating_sub(2);
    choose(&mut cols, inner, name_need.min(16));
    let fixed: u16 = cols.iter().skip(1).map(|c| c.width + 1).sum();
    let name_w = inner.saturating_sub(fixed).max(4);
    cols[0].width = name_w;
    let header = Row::new(cols.iter().enumerate().map(|(i, c)| {
        let mark = if c.key == Some(sort.key) {
            sort.arrow()
        } else {
            ""
        };
        let text = fit_words(&format!("{}{mark}", c.head), c.width as usize);
        let line = if i == 0 || c.key.is_none() {
            Line::from(text)
        } else {
            Line::from(text).right_aligned()
        };
        let style = if mark.is_empty() {
            Style::new().bold().fg(Color::Yellow)
        } else {
            Style::new().bold().fg(Color::Cyan).underlined()
        };
        Cell::from(line).style(style)
    }));
    let body: Vec<Row> = rows
        .iter()
        .map(|r| {
            let st = &r.stats;
            let marker = if r.has_children { "▸ " } else { "  " };
            let indent = "  ".repeat(r.depth as usize);
            let room = (name_w as usize).saturating_sub(width(&indent) + 2);
            let name = format!("{indent}{marker}{}", fit_words(&clean(&r.name), room));
            let name_style = if r.matched {
                Style::new()
            } else {
                Style::new().fg(Color::DarkGray)
            };
            let sat = st.satisfaction();
            let cells = cols.iter().map(|c| {
                let red = Style::new().fg(Color::Red);
                let (text, style) = match c.key {
                    Some(SortKey::Code) => return Cell::from(name.clone()).style(name_style),
                    None => return Cell::from(fit_words(&clean(&r.code), c.width as usize)),
                    Some(SortKey::Submitted) => (count(st.submitted), Style::new()),
                    Some(SortKey::InProgress) => (count(st.in_progress()), Style::new()),
                    Some(SortKey::Completed) => (count(st.completed), Style::new()),
                    Some(SortKey::Overdue) => (
                        count(st.overdue()),
                        if st.overdue() > 0 { red } else { Style::new() },
                    ),
                    Some(SortKey::Satisfaction) => (
                        pct(sat),
                        match sat {
                            Some(v) if v < 0.8 => red,
                            Some(v) if v < 0.9 => Style::new().fg(Color::Yellow),
                            _ => Style::new(),
                        },
                    ),
                    Some(SortKey::Bad) => (count(st.bad), Style::new()),
                    Some(SortKey::RectificationOverdue) => (
                        count(st.rectification_overdue),
                        if st.rectification_overdue > 0 {
                            red
                        } else {
                            Style::new()
                        },
                    ),
                };
                Cell::from(Line::from(text).right_aligned()).style(style)
            });
            Row::new(cells.collect::<Vec<_>>())
        })
        .collect();
    let empty = body.is_empty();
    let widths: Vec<Constraint> = cols.iter().map(|c| Constraint::Length(c.width)).collect();
    let table = Table::new(body, widths)
        .header(header)
        .block(block(title(&breadcrumb(s), area.width), focused))
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol("");
    let mut ts = TableState::default();
    if !empty && !s.view.snapshot {
        ts.select(Some(s.view.region_sel.min(rows.len() - 1)));
    }
    f.render_stateful_widget(table, area, &mut ts);
    if empty && area.height >= 4 && area.width > 4 {
        no_rows(f, area, s);
    }
}

/// Rows the full interface table would like.
pub fn interfaces_want(s: &Screen) -> u16 {
    if !s.has_registry && s.state.interfaces.is_empty() {
        4
    } else {
        s.view.interfaces(s.state).len().max(1) as u16 + 3
    }
}

fn up_count(list: &[&InterfaceHealth]) -> usize {
    list.iter()
        .filter(|i| matches!(i.status, Health::Up | Health::Degraded))
        .count()
}

/// The interfaces as one line: how many are up, then the ones that are not.
pub fn interfaces_summary(f: &mut Frame, area: Rect, s: &Screen) {
    let name = t("mon-pane-sharing");
    if !s.has_registry && s.state.interfaces.is_empty() {
        summary(f, area, &name, &[t("mon-no-registry-short")], false);
        return;
    }
    let list = s.view.interfaces(s.state);
    let mut details = vec![tr!(
        "mon-sharing-up",
        up = up_count(&list),
        total = list.len()
    )];
    let bad: Vec<&&InterfaceHealth> = list
        .iter()
        .filter(|i| matches!(i.status, Health::Down | Health::Degraded))
        .collect();
    details.extend(
        bad.iter()
            .map(|i| format!("{} {}", status_label(i.status), clean(&i.id))),
    );
    summary(
        f,
        area,
        &name,
        &details,
        bad.iter().any(|i| i.status == Health::Down),
    );
}

pub fn interfaces(f: &mut Frame, area: Rect, s: &Screen) {
    let focused = s.view.focus == Pane::Interfaces && !s.view.snapshot;
    let name = t("mon-pane-sharing");
    if !s.has_registry && s.state.interfaces.is_empty() {
        let p = Paragraph::new(t("mon-no-registry"))
            .wrap(Wrap { trim: true })
            .fg(Color::DarkGray)
            .block(block(title(&name, area.width), focused));
        f.render_widget(p, area);
        return;
    }
    let list = s.view.interfaces(s.state);
    let heading = format!(
        "{name} — {}",
        tr!("mon-sharing-up", up = up_count(&list), total = list.len())
    );
    let head = |id: &str| t(id);
    let spark_w = 8u16;
    // Header widths leave a column for the sort arrow.
    let id_w = list
        .iter()
        .map(|i| width(&clean(&i.id)))
        .max()
        .unwrap_or(0)
        .clamp(width(&head("mon-col-interface")) + 1, 16) as u16;
    let status_w = [Health::Up, Health::Degraded, Health::Down, Health::NoUrl]
        .iter()
        .map(|h| width(&status_label(*h)))
        .max()
        .unwrap_or(4)
        .max(width(&head("mon-col-status")) + 1) as u16;
    let provider_w = list
        .iter()
        .map(|i| width(&clean(&i.provider)))
        .max()
        .unwrap_or(0)
        // Whole department names on a wide screen.
        .clamp(
            width(&head("mon-col-provider")) + 1,
            if area.width > 100 { 20 } else { 14 },
        ) as u16;
    // The last error fills; the provider (department) and the sparkline go when short.
    let mut cols = vec![
        Col {
            id: "mon-col-last-error",
            head: head("mon-col-last-error"),
            key: None,
            width: 0,
            keep: 0,
        },
        Col {
            id: "mon-col-interface",
            head: head("mon-col-interface"),
            key: None,
            width: id_w,
            keep: 0,
        },
        Col {
            id: "mon-col-status",
            head: head("mon-col-status"),
            key: None,
            width: status_w,
            keep: 0,
        },
        Col {
            id: "mon-col-ms",
            head: head("mon-col-ms"),
            key: None,
            width: 5,
            keep: 3,
        },
        Col {
            id: "mon-col-latency",
            head: head("mon-col-latency"),
            key: None,
            width: spark_w.max(width(&head("mon-col-latency")) as u16),
            keep: 2,
        },
        Col {
            id: "mon-col-provider",
            head: head("mon-col-provider"),
            key: None,
            width: provider_w,
            keep: 4,
        },
    ];
    let inner = area.width.saturating_sub(2);
    choose(&mut cols, inner, 16);
    let fixed: u16 = cols.iter().skip(1).map(|c| c.width + 1).sum();
    cols[0].width = inner.saturating_sub(fixed).max(1);
    // Shown in reading order: the filling "last error" column at the end.
    let order: Vec<usize> = (1..cols.len()).chain([0]).collect();
    let rows: Vec<Row> = list
        .iter()
        .map(|i| {
            let color = match i.status {
                Health::Up => Color::Green,
                Health::Degraded => Color::Yellow,
                Health::Down => Color::Red,
                Health::Unknown | Health::NoUrl | Health::NotShared => Color::DarkGray,
            };
            let cells = order.iter().map(|&c| {
                let col = &cols[c];
                let w = col.width as usize;
                match col.id {
                    "mon-col-last-error" => {
                        Cell::from(fit_words(&clean(i.last_error.as_deref().unwrap_or("")), w))
                    }
                    "mon-col-interface" => Cell::from(fit_words(&clean(&i.id), w)),
                    "mon-col-status" => {
                        Cell::from(status_label(i.status)).style(Style::new().fg(color).bold())
                    }
                    "mon-col-ms" => Cell::from(
                        Line::from(i.latency_ms.map(|l| l.to_string()).unwrap_or_default())
                            .right_aligned(),
                    ),
                    "mon-col-latency" => {
                        Cell::from(spark(i.latencies.iter().copied(), spark_w as usize))
                            .style(Style::new().fg(Color::Cyan))
                    }
                    _ => Cell::from(fit_words(&clean(&i.provider), w)),
                }
            });
            Row::new(cells.collect::<Vec<_>>())
        })
        .collect();
    let widths: Vec<Constraint> = order
        .iter()
        .map(|&c| Constraint::Length(cols[c].width))
        .collect();
    let sort = s.view.iface_sort;
    let header = Row::new(order.iter().map(|&c| {
        let col = &cols[c];
        if col.id == sort.key.label_id() {
            let text = fit_words(&format!("{}{}", col.head, sort.arrow()), col.width as usize);
            Cell::from(text).style(Style::new().bold().fg(Color::Cyan).underlined())
        } else {
            Cell::from(fit_words(&col.head, col.width as usize))
                .style(Style::new().bold().fg(Color::Yellow))
        }
    }));
    let empty = rows.is_empty();
    let table = Table::new(rows, widths)
        .header(header)
        .block(block(title(&heading, area.width), focused))
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED));
    let mut ts = TableState::default();
    if focused && !empty {
        ts.select(Some(s.view.iface_sel.min(list.len() - 1)));
    }
    f.render_stateful_widget(table, area, &mut ts);
    if empty && area.height >= 4 && area.width > 4 {
        no_rows(f, area, s);
    }
}

/// "Nothing matches the filter" (or "no events yet") under a table's header.
fn no_rows(f: &mut Frame, area: Rect, s: &Screen) {
    let msg = if s.view.filter.is_empty() {
        t("mon-no-events")
    } else {
        t("mon-no-match")
    };
    // On the first row under the header, inside the borders.
    let line = Rect::new(area.x + 2, area.y + 2, area.width.saturating_sub(4), 1);
    f.render_widget(
        Paragraph::new(fit_words(&msg, line.width as usize)).fg(Color::DarkGray),
        line,
    );
}
