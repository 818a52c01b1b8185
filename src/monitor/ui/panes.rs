//! The header, the KPIs, the activity charts and the footer: pure render functions that
//! read the state and the view and draw into their rectangle. Every text comes from the
//! catalogs and is measured in display columns; all untrusted text is sanitized.

use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Sparkline};
use ratatui::Frame;

use super::widgets::{count, fit_words, hbar, pct, spark, width};
use super::View;
use crate::monitor::alerts::Alert;
use crate::monitor::state::State;
use crate::report::i18n::{self, t};
use crate::report::sanitize::terminal as clean;
use crate::tr;

/// Everything a pane may read.
pub struct Screen<'a> {
    pub state: &'a State,
    pub view: &'a View,
    pub alerts: &'a [Alert],
    /// A registry is configured: the interfaces pane is shown.
    pub has_registry: bool,
}

pub(super) fn block<'a>(title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let b = Block::bordered().title(title.into());
    if focused {
        b.border_type(BorderType::Thick)
            .border_style(Style::new().fg(Color::Cyan))
    } else {
        b.border_style(Style::new().fg(Color::DarkGray))
    }
}

/// A pane title cut at a word boundary to fit a box `area_w` wide.
pub(super) fn title(text: &str, area_w: u16) -> String {
    let room = (area_w as usize).saturating_sub(4);
    format!(" {} ", fit_words(text, room))
}

/// A one-line summary of a collapsed pane: its title in bold, then the details.
pub(super) fn summary(f: &mut Frame, area: Rect, name: &str, details: &[String], warn: bool) {
    let w = area.width as usize;
    let mut spans = vec![Span::styled(
        format!(" {name}"),
        Style::new().bold().fg(Color::Cyan),
    )];
    let mut used = width(name) + 1;
    let mut shown = 0;
    for (i, d) in details.iter().enumerate() {
        let sep = if i == 0 { ": " } else { " · " };
        let rest = details.len() - i - 1;
        // Keep room for "· +N" when more would follow.
        let more = if rest > 0 {
            width(&tr!("mon-more", n = rest)) + 3
        } else {
            0
        };
        if used + width(sep) + width(d) + more > w {
            break;
        }
        let style = if warn {
            Style::new().fg(Color::Red)
        } else {
            Style::new()
        };
        spans.push(Span::raw(sep));
        spans.push(Span::styled(d.clone(), style));
        used += width(sep) + width(d);
        shown += 1;
    }
    if shown < details.len() {
        let more = tr!("mon-more", n = details.len() - shown);
        let sep = if shown == 0 { ": " } else { " · " };
        if used + width(sep) + width(&more) <= w {
            spans.push(Span::styled(
                format!("{sep}{more}"),
                Style::new().fg(Color::DarkGray),
            ));
        }
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The mode badge: live, paused, or a `--once` snapshot.
fn mode(view: &View) -> Span<'static> {
    let (id, bg, fg) = if view.snapshot {
        ("mon-mode-once", Color::Blue, Color::White)
    } else if view.paused {
        ("mon-mode-paused", Color::Yellow, Color::Black)
    } else {
        ("mon-mode-live", Color::Green, Color::Black)
    };
    Span::styled(format!(" {} ", t(id)), Style::new().bg(bg).fg(fg).bold())
}

/// Title, mode, then as many of filter, malformed lines, sort, line count, clock and
/// source as fit, the least important dropped first and the clock shortened before that.
pub fn header(f: &mut Frame, area: Rect, s: &Screen) {
    let st = s.state;
    let w = area.width as usize;
    let head = Span::styled(
        format!(" {} ", t("mon-title")),
        Style::new().bold().fg(Color::Cyan),
    );
    let badge = mode(s.view);
    let fixed = width(&head.content) + width(&badge.content) + 1;
    let source = clean(&st.source).into_owned();
    let base = source
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&source)
        .to_string();
    let (col, dir) = s.view.shown_sort();
    let sort = tr!("mon-sort", col = t(col), dir = dir);
    let filter = (!s.view.filter.is_empty())
        .then(|| tr!("mon-filter", text = clean(&s.view.filter).into_owned()));
    let malformed = tr!("mon-malformed", n = count(st.malformed_lines));
    // (priority: lower is kept longer, text, style)
    let mut segs: Vec<(u8, String, Style)> = vec![
        (7, source.clone(), Style::new()),
        (4, tr!("mon-lines", n = count(st.lines)), Style::new()),
        (
            2,
            malformed,
            if st.malformed_lines > 0 {
                Style::new().fg(Color::Red)
            } else {
                Style::new()
            },
        ),
        (3, sort, Style::new().fg(Color::Yellow)),
        (
            5,
            format!("{} UTC", st.now.format("%Y-%m-%d %H:%M:%S")),
            Style::new(),
        ),
    ];
    if let Some(fl) = filter {
        segs.insert(0, (1, fl, Style::new().fg(Color::Yellow).bold()));
    }
    let total = |segs: &[(u8, String, Style)]| {
        fixed + segs.iter().map(|x| width(&x.1)).sum::<usize>() + 3 * segs.len().saturating_sub(1)
    };
    // Shorten first: the clock to its time, the source to its file name.
    for (prio, short) in [(5u8, st.now.format("%H:%M:%S").to_string()), (7, base)] {
        if total(&segs) > w {
            if let Some(x) = segs.iter_mut().find(|x| x.0 == prio) {
                x.1 = short;
            }
        }
    }
    while total(&segs) > w && !segs.is_empty() {
        if let Some(worst) = (0..segs.len()).max_by_key(|&i| segs[i].0) {
            segs.remove(worst);
        }
    }
    let mut spans = vec![head, badge, Span::raw(" ")];
    for (i, (_, text, style)) in segs.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", Style::new().fg(Color::DarkGray)));
        }
        spans.push(Span::styled(text, style));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

struct Kpi {
    label: String,
    value: String,
    color: Color,
}

fn kpi_items(s: &Screen) -> Vec<Kpi> {
    let st = s.state;
    let alert = |kind: &str| s.alerts.iter().any(|a| a.kind == kind);
    let warn = |on: bool, ok: Color| if on { Color::Red } else { ok };
    let overdue_share =
        (st.completed > 0).then(|| st.overdue_completed as f64 / st.completed as f64);
    let k = |id: &str, value: String, color: Color| Kpi {
        label: t(id),
        value,
        color,
    };
    vec![
        k("mon-kpi-submitted", count(st.submitted), Color::White),
        k("mon-kpi-open", count(st.in_progress()), Color::White),
        k("mon-kpi-completed", count(st.completed), Color::White),
        k(
            "mon-kpi-overdue",
            format!("{} ({})", count(st.overdue()), pct(overdue_share)),
            warn(alert("overdue_rate"), Color::White),
        ),
        k("mon-kpi-online", pct(st.online_share()), Color::White),
        k(
            "mon-kpi-satisfaction",
            pct(st.satisfaction()),
            warn(alert("satisfaction"), Color::Green),
        ),
        k(
            "mon-kpi-bad",
            count(st.bad_ratings()),
            if st.bad_ratings() > 0 {
                Color::Yellow
            } else {
                Color::White
            },
        ),
        k(
            "mon-kpi-rect-overdue",
            count(st.reviews.overdue),
            warn(st.reviews.overdue > 0, Color::White),
        ),
        k(
            "mon-kpi-orphans",
            count(st.orphans.total()),
            warn(alert("orphans"), Color::White),
        ),
    ]
}

/// The cases' figures, then the reviews' and the stream's.
const KPI_GROUPS: [std::ops::Range<usize>; 2] = [0..5, 5..9];

/// Boxed tiles in one row, when every title and value fits its tile.
fn tiles_fit(items: &[Kpi], w: u16) -> bool {
    let inner = (w as usize / items.len().max(1)).saturating_sub(2);
    items
        .iter()
        .all(|k| width(&k.label) + 2 <= inner && width(&k.value) <= inner)
}

/// "label value" items flowed into lines: a group per line (wrapped when too long), or
/// all in one flow when that takes fewer lines (no line holding a lone item at 80 columns).
fn kpi_lines(items: &[Kpi], w: u16) -> Vec<Line<'static>> {
    let w = w as usize;
    let whole = 0..items.len();
    let all = std::slice::from_ref(&whole);
    let mut best = flow(items, &KPI_GROUPS, w, 3);
    for tight in [flow(items, all, w, 3), flow(items, all, w, 2)] {
        if tight.len() < best.len() {
            best = tight;
        }
    }
    best
}

/// `sep` spaces between items.
fn flow(
    items: &[Kpi],
    groups: &[std::ops::Range<usize>],
    w: usize,
    sep: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for g in groups.iter().cloned() {
        let mut spans: Vec<Span> = vec![Span::raw(" ")];
        let mut used = 1;
        for k in &items[g] {
            let need = width(&k.label) + 1 + width(&k.value);
            if used > 1 && used + sep + need > w {
                lines.push(Line::from(std::mem::replace(
                    &mut spans,
                    vec![Span::raw(" ")],
                )));
                used = 1;
            }
            if used > 1 {
                spans.push(Span::raw(" ".repeat(sep)));
                used += sep;
            }
            spans.push(Span::styled(
                format!("{} ", k.label),
                Style::new().fg(Color::Gray),
            ));
            spans.push(Span::styled(
                k.value.clone(),
                Style::new().fg(k.color).bold(),
            ));
            used += need;
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// Rows the KPIs take at width `w`.
pub fn kpi_height(s: &Screen, w: u16) -> u16 {
    let items = kpi_items(s);
    if tiles_fit(&items, w) {
        3
    } else {
        kpi_lines(&items, w).len() as u16
    }
}

pub fn kpis(f: &mut Frame, area: Rect, s: &Screen) {
    let items = kpi_items(s);
    if !tiles_fit(&items, area.width) {
        f.render_widget(Paragraph::new(kpi_lines(&items, area.width)), area);
        return;
    }
    let n = items.len() as u32;
    let cells = Layout::horizontal(vec![Constraint::Ratio(1, n); n as usize]).split(area);
    for (k, cell) in items.into_iter().zip(cells.iter()) {
        let p = Paragraph::new(Line::from(k.value).style(Style::new().fg(k.color).bold()))
            .alignment(Alignment::Center)
            .block(
                Block::bordered()
                    .title(Line::from(format!(" {} ", k.label)).centered())
                    .border_style(Style::new().fg(Color::DarkGray)),
            );
        f.render_widget(p, *cell);
    }
}

/// A channel's name as people read it.
fn channel_name(key: &str) -> String {
    let id = format!("mon-ch-{key}");
    if i18n::has(&id) {
        t(&id)
    } else {
        clean(&key.replace('_', " ")).into_owned()
    }
}

/// Submissions per minute and the channels, side by side.
pub fn activity(f: &mut Frame, area: Rect, s: &Screen) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    submissions(f, left, s);
    channels(f, right, s);
}

/// The activity as one line: the sparkline and the latest figures.
pub fn activity_summary(f: &mut Frame, area: Rect, s: &Screen) {
    let name = t("mon-pane-activity-short");
    let data = s.state.minutes(60);
    let now = data.last().copied().unwrap_or(0);
    let peak = data.iter().copied().max().unwrap_or(0);
    let figures = tr!("mon-activity-figures", now = now, peak = peak);
    let room = (area.width as usize).saturating_sub(width(&name) + width(&figures) + 4);
    let line = Line::from(vec![
        Span::styled(format!(" {name} "), Style::new().bold().fg(Color::Cyan)),
        Span::styled(
            spark(data.iter().copied(), room.min(60)),
            Style::new().fg(Color::Cyan),
        ),
        Span::raw(format!(" {figures}")),
    ]);
    f.render_widget(Paragraph::new(line), area);
}

fn submissions(f: &mut Frame, area: Rect, s: &Screen) {
    let w = area.width.saturating_sub(2) as usize;
    let data = s.state.minutes(w.max(1));
    let last = data.last().copied().unwrap_or(0);
    let max = data.iter().copied().max().unwrap_or(0);
    let long = tr!(
        "mon-pane-activity",
        min = data.len(),
        now = last,
        peak = max
    );
    let text = if width(&long) + 4 <= area.width as usize {
        long
    } else {
        t("mon-pane-activity-short")
    };
    let spark = Sparkline::default()
        .block(block(title(&text, area.width), false))
        .data(&data)
        .style(Style::new().fg(Color::Cyan));
    f.render_widget(spark, area);
}

fn channels(f: &mut Frame, area: Rect, s: &Screen) {
    const SHOWN: [&str; 6] = ["web", "app", "wechat", "alipay", "hall", "hotline"];
    let st = s.state;
    let total: u64 = st.channels.values().sum();
    let mut items: Vec<(String, u64)> = SHOWN
        .iter()
        .map(|k| (channel_name(k), st.channels.get(*k).copied().unwrap_or(0)))
        .collect();
    for (k, n) in &st.channels {
        if !SHOWN.contains(&k.as_str()) {
            items.push((channel_name(k), *n));
        }
    }
    let max = items.iter().map(|i| i.1).max().unwrap_or(0);
    let inner_w = area.width.saturating_sub(2) as usize;
    let name_w = items.iter().map(|i| width(&i.0)).max().unwrap_or(0).min(12) + 1;
    let bar_w = inner_w.saturating_sub(name_w + 9 + 7);
    let lines: Vec<Line> = items
        .iter()
        .map(|(name, n)| {
            let share = (total > 0).then(|| *n as f64 / total as f64);
            let name = fit_words(name, name_w - 1);
            let pad = name_w.saturating_sub(width(&name));
            Line::from(vec![
                Span::raw(format!("{name}{}", " ".repeat(pad))),
                Span::styled(
                    format!("{:<w$}", hbar(*n, max, bar_w), w = bar_w),
                    Style::new().fg(Color::Blue),
                ),
                Span::raw(format!("{:>9}{:>7}", count(*n), pct(share))),
            ])
        })
        .collect();
    let p = Paragraph::new(lines).block(block(title(&t("mon-pane-channels"), area.width), false));
    f.render_widget(p, area);
}

/// Key hints, as many as fit (quit and help always); none in a `--once` snapshot.
pub fn footer(f: &mut Frame, area: Rect, s: &Screen) {
    let w = area.width as usize;
    let line = if s.view.editing_filter {
        let prompt = t("mon-filter-prompt");
        let keys = t("mon-filter-keys");
        let text = format!("{}▏", clean(&s.view.filter));
        let mut spans = vec![
            Span::styled(format!(" {prompt} "), Style::new().bold()),
            Span::raw(text.clone()),
        ];
        if width(&prompt) + width(&text) + width(&keys) + 4 <= w {
            spans.push(Span::styled(
                format!("  {keys}"),
                Style::new().fg(Color::DarkGray),
            ));
        }
        Line::from(spans)
    } else {
        let mut keys: Vec<(&str, String)> = vec![("q", t("mon-key-quit"))];
        if !s.view.filter.is_empty() {
            keys.push(("Esc", t("mon-key-clear")));
        }
        // The arrows go without saying: they make room for reverse sort at 80 columns.
        keys.extend([
            ("Tab", t("mon-key-pane")),
            ("Enter", t("mon-key-drill")),
            ("/", t("mon-key-filter")),
            (
                if s.view.focus == super::Pane::Interfaces {
                    "1-4 s"
                } else {
                    "1-8 s"
                },
                t("mon-key-sort"),
            ),
            ("S", t("mon-key-reverse")),
            ("↑↓", t("mon-key-select")),
            ("⌫", t("mon-key-up")),
            (
                "p",
                t(if s.view.paused {
                    "mon-key-resume"
                } else {
                    "mon-key-pause"
                }),
            ),
            ("r", t("mon-key-refresh")),
        ]);
        let help = ("?", t("mon-key-help"));
        let cost = |k: &(&str, String)| width(k.0) + 1 + width(&k.1) + 2;
        let mut used = 1 + cost(&help);
        let mut shown = Vec::new();
        for k in keys {
            // Hints are in order of importance: stop at the first that does not fit.
            if used + cost(&k) > w {
                break;
            }
            used += cost(&k);
            shown.push(k);
        }
        shown.push(help);
        let mut spans = vec![Span::raw(" ")];
        for (k, what) in shown {
            spans.push(Span::styled(k, Style::new().bold().fg(Color::Cyan)));
            spans.push(Span::raw(format!(" {what}  ")));
        }
        Line::from(spans)
    };
    f.render_widget(Paragraph::new(line), area);
}
