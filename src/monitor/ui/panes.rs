//! One pure render function per screen region. Each reads the state and the view and draws
//! into its rectangle; none of them mutates anything. All untrusted text is sanitized here.

use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Cell, Clear, Paragraph, Row, Sparkline, Table, TableState, Wrap,
};
use ratatui::Frame;

use super::widgets::{count, fit, hbar, pct, spark};
use super::{Pane, View};
use crate::monitor::alerts::Alert;
use crate::monitor::probe::Health;
use crate::monitor::regions::{self, RegionRow};
use crate::monitor::state::State;
use crate::report::sanitize::terminal as clean;

/// Everything a pane may read.
pub struct Screen<'a> {
    pub state: &'a State,
    pub view: &'a View,
    pub alerts: &'a [Alert],
    /// A registry is configured: the interfaces pane is shown.
    pub has_registry: bool,
}

fn block<'a>(title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let b = Block::bordered().title(title.into());
    if focused {
        b.border_type(BorderType::Thick)
            .border_style(Style::new().fg(Color::Cyan))
    } else {
        b.border_style(Style::new().fg(Color::DarkGray))
    }
}

pub fn header(f: &mut Frame, area: Rect, s: &Screen) {
    let st = s.state;
    let mode = if s.view.snapshot {
        Span::styled(
            " ONCE ",
            Style::new().bg(Color::Blue).fg(Color::White).bold(),
        )
    } else if s.view.paused {
        Span::styled(
            " PAUSED ",
            Style::new().bg(Color::Yellow).fg(Color::Black).bold(),
        )
    } else {
        Span::styled(
            " LIVE ",
            Style::new().bg(Color::Green).fg(Color::Black).bold(),
        )
    };
    let malformed = if st.malformed_lines > 0 {
        Span::styled(
            format!("{} malformed", count(st.malformed_lines)),
            Style::new().fg(Color::Red),
        )
    } else {
        Span::raw("0 malformed")
    };
    let line = Line::from(vec![
        Span::styled(" govops monitor ", Style::new().bold().fg(Color::Cyan)),
        mode,
        Span::raw(format!(
            " {} │ {} lines, ",
            fit(
                &clean(&st.source),
                (area.width as usize).saturating_sub(75).max(12)
            ),
            count(st.lines)
        )),
        malformed,
        Span::raw(format!(" │ {} UTC", st.now.format("%Y-%m-%d %H:%M:%S"))),
    ]);
    f.render_widget(Paragraph::new(line), area);
}

pub fn kpis(f: &mut Frame, area: Rect, s: &Screen) {
    let st = s.state;
    let overdue_alert = s.alerts.iter().any(|a| a.kind == "overdue_rate");
    let sat_alert = s.alerts.iter().any(|a| a.kind == "satisfaction");
    let overdue_share =
        (st.completed > 0).then(|| st.overdue_completed as f64 / st.completed as f64);
    let tiles: [(&str, String, Color); 7] = [
        ("Submitted", count(st.submitted), Color::White),
        ("In progress", count(st.in_progress()), Color::White),
        ("Completed", count(st.completed), Color::White),
        (
            "Overdue",
            format!("{} ({})", count(st.overdue()), pct(overdue_share)),
            if overdue_alert {
                Color::Red
            } else {
                Color::White
            },
        ),
        ("Online share", pct(st.online_share()), Color::White),
        (
            "Satisfaction",
            pct(st.satisfaction()),
            if sat_alert { Color::Red } else { Color::Green },
        ),
        (
            "Bad reviews",
            count(st.bad_ratings()),
            if st.bad_ratings() > 0 {
                Color::Yellow
            } else {
                Color::White
            },
        ),
    ];
    let cells = Layout::horizontal([Constraint::Ratio(1, 7); 7]).split(area);
    for ((title, value, color), cell) in tiles.into_iter().zip(cells.iter()) {
        // Cut a title that does not fit ourselves, keeping its start (ratatui's own cut of a
        // centred title keeps the middle or the end, depending on the version).
        let title = fit(title, cell.width.saturating_sub(2) as usize);
        let p = Paragraph::new(Line::from(value).style(Style::new().fg(color).bold()))
            .alignment(Alignment::Center)
            .block(
                Block::bordered()
                    .title(Line::from(title).centered())
                    .border_style(Style::new().fg(Color::DarkGray)),
            );
        f.render_widget(p, *cell);
    }
}

pub fn submissions(f: &mut Frame, area: Rect, s: &Screen) {
    let width = area.width.saturating_sub(2) as usize;
    let data = s.state.minutes(width.max(1));
    let last = data.last().copied().unwrap_or(0);
    let max = data.iter().copied().max().unwrap_or(0);
    let title = format!(
        " Submissions / min — last {} min, now {last}, peak {max} ",
        data.len()
    );
    let spark = Sparkline::default()
        .block(block(title, false))
        .data(&data)
        .style(Style::new().fg(Color::Cyan));
    f.render_widget(spark, area);
}

pub fn channels(f: &mut Frame, area: Rect, s: &Screen) {
    const SHOWN: [(&str, &str); 6] = [
        ("web", "web"),
        ("app", "app"),
        ("wechat", "WeChat"),
        ("alipay", "Alipay"),
        ("hall", "hall"),
        ("hotline", "hotline"),
    ];
    let st = s.state;
    let total: u64 = st.channels.values().sum();
    let mut items: Vec<(String, u64)> = SHOWN
        .iter()
        .map(|(k, label)| (label.to_string(), st.channels.get(*k).copied().unwrap_or(0)))
        .collect();
    for (k, n) in &st.channels {
        if !SHOWN.iter().any(|(s, _)| s == k) {
            items.push((k.replace('_', " "), *n));
        }
    }
    let max = items.iter().map(|i| i.1).max().unwrap_or(0);
    let inner_w = area.width.saturating_sub(2) as usize;
    let bar_w = inner_w.saturating_sub(12 + 9 + 7);
    let lines: Vec<Line> = items
        .iter()
        .map(|(name, n)| {
            let share = (total > 0).then(|| *n as f64 / total as f64);
            Line::from(vec![
                Span::raw(format!("{:<12}", fit(name, 12))),
                Span::styled(
                    format!("{:<w$}", hbar(*n, max, bar_w), w = bar_w),
                    Style::new().fg(Color::Blue),
                ),
                Span::raw(format!("{:>9}{:>7}", count(*n), pct(share))),
            ])
        })
        .collect();
    let p = Paragraph::new(lines).block(block(" Channels ", false));
    f.render_widget(p, area);
}

fn breadcrumb(s: &Screen) -> String {
    let set = &s.state.regions;
    let mut parts = vec!["All".to_string()];
    parts.extend(
        s.view
            .drill
            .iter()
            .map(|&i| clean(&set.by_index(i).name).into_owned()),
    );
    let mut t = format!(
        " Regions: {} — sort: {}",
        parts.join(" ▸ "),
        s.view.sort.label()
    );
    if !s.view.filter.is_empty() || s.view.editing_filter {
        t.push_str(&format!(" — filter: {}", clean(&s.view.filter)));
    }
    t.push(' ');
    t
}

pub fn regions_table(f: &mut Frame, area: Rect, s: &Screen) {
    let rows: Vec<RegionRow> = regions::rows(s.state, s.view.parent(), &s.view.filter, s.view.sort);
    let focused = s.view.focus == Pane::Regions;
    // Fixed numeric columns plus one space between columns; the name takes the rest. When
    // that leaves too little for a name, the code column goes.
    let all: [(&str, u16); 8] = [
        ("Region", 0),
        ("Code", 9),
        ("Subm.", 7),
        ("Open", 6),
        ("Done", 7),
        ("Overdue", 7),
        ("Sat.", 6),
        ("Bad", 5),
    ];
    let room = |cols: &[(&str, u16)]| {
        let fixed: u16 = cols.iter().map(|c| c.1 + 1).sum();
        area.width.saturating_sub(2 + fixed + 2) as usize
    };
    let show_code = room(&all) >= 10;
    let cols: Vec<(&str, u16)> = all
        .iter()
        .copied()
        .filter(|c| show_code || c.0 != "Code")
        .collect();
    let name_w = room(&cols).max(2);
    let header = Row::new(cols.iter().map(|c| c.0)).style(Style::new().bold().fg(Color::Yellow));
    let body: Vec<Row> = rows
        .iter()
        .map(|r| {
            let st = &r.stats;
            let marker = if r.has_children { "▸ " } else { "  " };
            let sat = st.satisfaction();
            let sat_style = match sat {
                Some(v) if v < 0.8 => Style::new().fg(Color::Red),
                Some(v) if v < 0.9 => Style::new().fg(Color::Yellow),
                _ => Style::new(),
            };
            let overdue_style = if st.overdue() > 0 {
                Style::new().fg(Color::Red)
            } else {
                Style::new()
            };
            let mut cells = vec![Cell::from(format!(
                "{marker}{}",
                fit(&clean(&r.name), name_w)
            ))];
            if show_code {
                cells.push(Cell::from(fit(&clean(&r.code), 9)));
            }
            cells.extend([
                Cell::from(Line::from(count(st.submitted)).right_aligned()),
                Cell::from(Line::from(count(st.in_progress())).right_aligned()),
                Cell::from(Line::from(count(st.completed)).right_aligned()),
                Cell::from(Line::from(count(st.overdue())).right_aligned()).style(overdue_style),
                Cell::from(Line::from(pct(sat)).right_aligned()).style(sat_style),
                Cell::from(Line::from(count(st.bad)).right_aligned()),
            ]);
            Row::new(cells)
        })
        .collect();
    let empty = body.is_empty();
    let widths = cols.iter().map(|c| match c.1 {
        0 => Constraint::Fill(1),
        w => Constraint::Length(w),
    });
    let table = Table::new(body, widths)
        .header(header)
        .block(block(breadcrumb(s), focused))
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol("");
    let mut ts = TableState::default();
    if !empty {
        ts.select(Some(s.view.region_sel.min(rows.len() - 1)));
    }
    f.render_stateful_widget(table, area, &mut ts);
    if empty {
        let msg = if s.view.filter.is_empty() {
            "no events yet"
        } else {
            "no region matches the filter"
        };
        let inner = area.inner(ratatui::layout::Margin::new(2, 2));
        f.render_widget(Paragraph::new(msg).fg(Color::DarkGray), inner);
    }
}

pub fn interfaces(f: &mut Frame, area: Rect, s: &Screen) {
    let focused = s.view.focus == Pane::Interfaces;
    let list = &s.state.interfaces;
    if !s.has_registry && list.is_empty() {
        let p = Paragraph::new("No sharing registry: give --registry FILE (or inputs.registry in the profile) to probe interfaces here.")
            .wrap(Wrap { trim: true })
            .fg(Color::DarkGray)
            .block(block(" Sharing interfaces ", focused));
        f.render_widget(p, area);
        return;
    }
    let up = list
        .iter()
        .filter(|i| matches!(i.status, Health::Up | Health::Degraded))
        .count();
    let title = format!(" Sharing interfaces — {up}/{} up ", list.len());
    let spark_w = 8usize;
    let rows: Vec<Row> = list
        .iter()
        .map(|i| {
            let color = match i.status {
                Health::Up => Color::Green,
                Health::Degraded => Color::Yellow,
                Health::Down => Color::Red,
                Health::Unknown | Health::NoUrl | Health::NotShared => Color::DarkGray,
            };
            Row::new(vec![
                Cell::from(fit(&clean(&i.id), 12)),
                Cell::from(i.status.label()).style(Style::new().fg(color).bold()),
                Cell::from(
                    Line::from(i.latency_ms.map(|l| l.to_string()).unwrap_or_default())
                        .right_aligned(),
                ),
                Cell::from(spark(i.latencies.iter().copied(), spark_w))
                    .style(Style::new().fg(Color::Cyan)),
                Cell::from(clean(i.last_error.as_deref().unwrap_or("")).into_owned()),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(12),
        Constraint::Length(6),
        Constraint::Length(5),
        Constraint::Length(spark_w as u16),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(
            Row::new(["Interface", "Status", "ms", "Latency", "Last error"])
                .style(Style::new().bold().fg(Color::Yellow)),
        )
        .block(block(title, focused))
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED));
    let mut ts = TableState::default();
    if focused && !list.is_empty() {
        ts.select(Some(s.view.iface_sel.min(list.len() - 1)));
    }
    f.render_stateful_widget(table, area, &mut ts);
}

/// Alerts first, then source notes and malformed lines (newest last, scrollable).
pub fn log(f: &mut Frame, area: Rect, s: &Screen) {
    let st = s.state;
    let focused = s.view.focus == Pane::Log;
    let mut lines: Vec<Line> = s
        .alerts
        .iter()
        .map(|a| {
            Line::from(format!("▲ {}", clean(&a.message))).style(Style::new().fg(Color::Red).bold())
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from("✓ no alert").fg(Color::Green));
    }
    let mut history: Vec<Line> = st
        .notes
        .iter()
        .map(|n| Line::from(format!("• {}", clean(n))).fg(Color::DarkGray))
        .collect();
    history.extend(st.malformed.iter().map(|m| {
        Line::from(vec![
            Span::styled(format!("line {}: ", m.line), Style::new().fg(Color::Yellow)),
            Span::raw(format!("{} — {}", clean(&m.reason), clean(&m.excerpt))),
        ])
    }));
    let room = area.height.saturating_sub(2) as usize;
    let room_for_history = room.saturating_sub(lines.len());
    let end = history
        .len()
        .saturating_sub(s.view.log_scroll.min(history.len()));
    let start = end.saturating_sub(room_for_history);
    lines.extend(history.drain(start..end));
    let title = format!(
        " Alerts ({}) · malformed lines ({}) ",
        s.alerts.len(),
        count(st.malformed_lines)
    );
    let p = Paragraph::new(lines).block(block(title, focused));
    f.render_widget(p, area);
}

pub fn footer(f: &mut Frame, area: Rect, s: &Screen) {
    let line = if s.view.editing_filter {
        Line::from(vec![
            Span::styled(" filter: ", Style::new().bold()),
            Span::raw(format!("{}▏", clean(&s.view.filter))),
            Span::styled(
                "  Enter apply · Esc clear",
                Style::new().fg(Color::DarkGray),
            ),
        ])
    } else {
        let keys = [
            ("q", "quit"),
            ("Tab", "pane"),
            ("↑↓", "select"),
            ("Enter", "drill"),
            ("⌫", "up"),
            ("/", "filter"),
            ("s", "sort"),
            ("p", if s.view.paused { "resume" } else { "pause" }),
            ("r", "refresh"),
            ("?", "help"),
        ];
        let mut spans = vec![Span::raw(" ")];
        for (k, what) in keys {
            spans.push(Span::styled(k, Style::new().bold().fg(Color::Cyan)));
            spans.push(Span::raw(format!(" {what}  ")));
        }
        Line::from(spans)
    };
    f.render_widget(Paragraph::new(line), area);
}

pub fn help(f: &mut Frame, area: Rect) {
    let text = [
        ("q, Esc", "quit (the terminal is restored)"),
        ("Tab / Shift-Tab", "next / previous pane"),
        ("↑ ↓ PgUp PgDn", "select a row, scroll the log"),
        (
            "Enter, →",
            "drill down: province → city → county → township",
        ),
        ("Backspace, ←", "back up one level"),
        ("/", "filter regions by name or code prefix"),
        (
            "s",
            "sort: submitted, in progress, overdue, satisfaction, code",
        ),
        (
            "p",
            "pause / resume ingestion (a file is caught up on resume)",
        ),
        ("r", "refresh now: poll sources and probe interfaces"),
        ("?", "this help (any key closes it)"),
    ];
    let w = 70.min(area.width);
    let h = (text.len() as u16 + 6).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let mut lines: Vec<Line> = text
        .iter()
        .map(|(k, v)| {
            Line::from(vec![
                Span::styled(format!("{k:>16}  "), Style::new().bold().fg(Color::Cyan)),
                Span::raw(*v),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(
        "In progress = submitted − completed; overdue = past the statutory limit;",
    ));
    lines.push(Line::from(
        "satisfaction = ratings 4–5 ÷ all; bad reviews = ratings 1–2.",
    ));
    f.render_widget(Clear, popup);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .border_type(BorderType::Double)
                .title(" Help ")
                .title_alignment(Alignment::Center),
        ),
        popup,
    );
}
