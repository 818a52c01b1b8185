//! Tables for people (comfy-table: it measures CJK text at its display width) and the same
//! rows as CSV and Markdown. Every cell goes through the sanitizer here, once.

use comfy_table::{presets, Cell, Color, ContentArrangement, Table};

use unicode_width::UnicodeWidthStr;

use super::{i18n, sanitize};

/// Presentation choices resolved from `--color`, `NO_COLOR`, `--wide` and the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
    /// Display columns a table may use; 0 means the default ([`DEFAULT_WIDTH`]).
    pub width: usize,
    /// `--wide`: every column at full width, nothing truncated.
    pub wide: bool,
}

/// The width of a table when nothing says otherwise (not a terminal and no `COLUMNS`).
pub const DEFAULT_WIDTH: usize = 100;

impl Style {
    /// The width tables fit, never 0.
    pub fn width(&self) -> usize {
        if self.width == 0 {
            DEFAULT_WIDTH
        } else {
            self.width.max(20)
        }
    }
}

/// How a column gives way when the table is wider than the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Codes, numbers, severities: shown whole, or the column is hidden.
    Fixed,
    /// Names: truncated by display width with an ellipsis.
    Name,
    /// Free text (messages, reasons): wrapped onto several lines.
    Text,
}

/// A simple rectangular table of untrusted strings.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Per column; unset columns are inferred from their width.
    kinds: Vec<Option<Kind>>,
    /// Per column, lower is more important; the least important go first when space is short.
    /// Unset: the column's position (the first column matters most).
    priority: Vec<usize>,
}

impl Rows {
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Self {
        Rows {
            header: header.into_iter().map(Into::into).collect(),
            ..Rows::default()
        }
    }

    pub fn push<S: Into<String>>(&mut self, row: impl IntoIterator<Item = S>) {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Say how each column gives way (see [`Kind`]).
    pub fn kinds(mut self, kinds: &[Kind]) -> Self {
        self.kinds = kinds.iter().copied().map(Some).collect();
        self
    }

    /// Say which columns matter most: `priority[i]` for column i, lower first.
    pub fn priority(mut self, priority: &[usize]) -> Self {
        self.priority = priority.to_vec();
        self
    }

    fn kind(&self, i: usize, natural: usize) -> Kind {
        match self.kinds.get(i).copied().flatten() {
            Some(k) => k,
            // A first column is the row's key (a code, an id): kept whole when it can be.
            None if i == 0 && natural <= 32 => Kind::Fixed,
            None if natural > 40 => Kind::Text,
            None if natural > 14 => Kind::Name,
            None => Kind::Fixed,
        }
    }

    /// A terminal table that fits `style.width()` display columns (CJK counts 2): the least
    /// important columns are hidden when even their narrowest form does not fit, names are
    /// truncated with an ellipsis and free text wraps. `--wide` shows everything as it is.
    /// `severity_col` names a column whose values (high/medium/low) are coloured when colour
    /// is on.
    pub fn to_table(&self, style: Style, severity_col: Option<usize>) -> String {
        let ncols = self
            .rows
            .iter()
            .map(Vec::len)
            .chain([self.header.len()])
            .max()
            .unwrap_or(0);
        let cell = |row: &[String], i: usize| -> String {
            sanitize::terminal(row.get(i).map_or("", String::as_str)).into_owned()
        };
        let header: Vec<String> = (0..ncols).map(|i| cell(&self.header, i)).collect();
        let body: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| (0..ncols).map(|i| cell(r, i)).collect())
            .collect();
        let natural: Vec<usize> = (0..ncols)
            .map(|i| {
                body.iter()
                    .map(|r| width(&r[i]))
                    .chain([width(&header[i])])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let kinds: Vec<Kind> = (0..ncols).map(|i| self.kind(i, natural[i])).collect();
        let total = style.width();
        let overhead = |n: usize| 3 * n + 1;
        let min_of = |i: usize| match kinds[i] {
            Kind::Fixed => natural[i],
            Kind::Name => natural[i].min(10),
            Kind::Text => natural[i].min(24),
        };
        let mut visible: Vec<usize> = (0..ncols).collect();
        let mut hidden: Vec<usize> = Vec::new();
        if !style.wide {
            while visible.len() > 1
                && visible.iter().map(|&i| min_of(i)).sum::<usize>() + overhead(visible.len())
                    > total
            {
                // Hide the least important visible column.
                let prio = |i: usize| self.priority.get(i).copied().unwrap_or(i);
                let Some((pos, _)) = visible
                    .iter()
                    .enumerate()
                    .skip(1)
                    .max_by_key(|(_, &i)| (prio(i), i))
                else {
                    break;
                };
                hidden.push(visible.remove(pos));
            }
        }
        let mut widths: Vec<usize> = natural.clone();
        if !style.wide {
            for &i in &visible {
                widths[i] = min_of(i);
            }
            let used: usize = visible.iter().map(|&i| widths[i]).sum::<usize>();
            let mut spare = total.saturating_sub(used + overhead(visible.len()));
            // Names first (a cut name is hard to read), then free text, one column at a
            // time to the column furthest from its natural width.
            for kind in [Kind::Name, Kind::Text] {
                while spare > 0 {
                    let Some(&i) = visible
                        .iter()
                        .filter(|&&i| kinds[i] == kind && widths[i] < natural[i])
                        .max_by_key(|&&i| (natural[i] - widths[i], usize::MAX - i))
                    else {
                        break;
                    };
                    widths[i] += 1;
                    spare -= 1;
                }
            }
            // One column that is still too wide (a lone long code) is cut.
            let room = total.saturating_sub(overhead(visible.len()));
            if visible.len() == 1 {
                widths[visible[0]] = widths[visible[0]].min(room).max(1);
            }
        }
        let fit = |i: usize, v: &str| -> String {
            if style.wide || width(v) <= widths[i] {
                return v.to_string();
            }
            match kinds[i] {
                Kind::Text => wrap(v, widths[i]),
                _ => truncate(v, widths[i]),
            }
        };
        let mut t = Table::new();
        t.load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled);
        if !style.color {
            t.force_no_tty();
        } else {
            t.enforce_styling();
        }
        t.set_header(visible.iter().map(|&i| Cell::new(fit(i, &header[i]))));
        let sev = |v: &str| -> Option<Color> {
            let is = |s: crate::model::Severity| v == s.as_str() || v == i18n::severity(s);
            use crate::model::Severity::{High, Low, Medium};
            if is(High) {
                Some(Color::Red)
            } else if is(Medium) {
                Some(Color::Yellow)
            } else if is(Low) {
                Some(Color::Cyan)
            } else {
                None
            }
        };
        for row in &body {
            t.add_row(visible.iter().map(|&i| {
                let v = &row[i];
                let c = Cell::new(fit(i, v));
                match (style.color && severity_col == Some(i), sev(v)) {
                    (true, Some(color)) => c.fg(color),
                    _ => c,
                }
            }));
        }
        let mut out = format!("{t}\n");
        if !hidden.is_empty() {
            hidden.sort_unstable();
            let names: Vec<&str> = hidden.iter().map(|&i| header[i].as_str()).collect();
            let note = crate::tr!(
                "table-hidden-columns",
                n = hidden.len(),
                names = names.join(", ")
            );
            out += &wrap(&note, total);
            out.push('\n');
        }
        out
    }

    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing to a Vec cannot fail.
        let _ = w.write_record(
            self.header
                .iter()
                .map(|h| sanitize::csv_cell(h).into_owned()),
        );
        for row in &self.rows {
            let _ = w.write_record(row.iter().map(|v| sanitize::csv_cell(v).into_owned()));
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        let line = |cells: &mut dyn Iterator<Item = String>| {
            let v: Vec<String> = cells.collect();
            format!("| {} |\n", v.join(" | "))
        };
        s += &line(&mut self.header.iter().map(|h| sanitize::markdown(h)));
        s += &line(&mut self.header.iter().map(|_| "---".to_string()));
        for row in &self.rows {
            s += &line(&mut row.iter().map(|v| sanitize::markdown(v)));
        }
        s
    }
}

/// Display width (CJK counts 2) of the widest line of `s`.
pub fn width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// `s` cut to `max` display columns, with an ellipsis when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    let s = s.lines().next().unwrap_or("");
    if UnicodeWidthStr::width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `s` wrapped to lines of at most `max` display columns: at spaces in alphabetic text,
/// anywhere between CJK characters.
pub fn wrap(s: &str, max: usize) -> String {
    let max = max.max(1);
    let mut lines: Vec<String> = Vec::new();
    for para in s.lines() {
        let mut line = String::new();
        let mut w = 0;
        for c in para.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w + cw > max {
                // Break at the last space if there is one in the second half of the line.
                let cut = line
                    .rfind(' ')
                    .filter(|&p| UnicodeWidthStr::width(&line[..p]) * 2 >= max);
                let rest = match cut {
                    Some(p) => {
                        let rest = line[p + 1..].to_string();
                        line.truncate(p);
                        rest
                    }
                    None => String::new(),
                };
                lines.push(std::mem::take(&mut line));
                line = rest;
                w = UnicodeWidthStr::width(line.as_str());
                if c == ' ' && line.is_empty() {
                    continue;
                }
            }
            line.push(c);
            w += cw;
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// A horizontal bar of `width` cells for a value in 0..=1 (for inline charts in tables).
pub fn bar(value: f64, width: usize) -> String {
    let v = if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let eighths = (v * width as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PARTS[eighths % 8]);
    let used = eighths / 8 + usize::from(!eighths.is_multiple_of(8));
    s.push_str(&" ".repeat(width.saturating_sub(used)));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_aligns_and_hostile_text_is_defused() {
        let mut r = Rows::new(["name", "n"]);
        r.push(["结婚登记", "1"]);
        r.push(["x\x1b[31mred", "2"]);
        let t = r.to_table(Style::default(), None);
        assert!(!t.contains('\x1b'));
        let widths: Vec<usize> = t
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{t}");
    }

    #[test]
    fn bars_have_fixed_width() {
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(0.0, 4), "    ");
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(bar(0.33, 10).as_str()),
            10
        );
    }

    #[test]
    fn tables_fit_the_width_hiding_truncating_and_wrapping() {
        let mut r = Rows::new(["severity", "rule", "name", "message", "records", "location"])
            .kinds(&[
                Kind::Fixed,
                Kind::Fixed,
                Kind::Name,
                Kind::Text,
                Kind::Fixed,
                Kind::Fixed,
            ])
            .priority(&[0, 1, 2, 3, 5, 4]);
        r.push([
            "high",
            "duplicate.near_name",
            "杭州市上城区市场监督管理局食品经营许可证核发（新办）",
            "one department registers near-same services under two codes, similarity 0.93",
            "A01;A02;A03",
            "catalog.csv:12",
        ]);
        for w in [40, 80, 120] {
            let style = Style {
                width: w,
                ..Style::default()
            };
            let t = r.to_table(style, Some(0));
            for line in t.lines() {
                assert!(UnicodeWidthStr::width(line) <= w, "{w}: {line}\n{t}");
            }
            assert!(t.contains("high"), "{t}");
        }
        let narrow = r.to_table(
            Style {
                width: 80,
                ..Style::default()
            },
            None,
        );
        assert!(
            narrow.contains('…') || narrow.contains("records"),
            "{narrow}"
        );
        let wide = r.to_table(
            Style {
                width: 80,
                wide: true,
                ..Style::default()
            },
            None,
        );
        assert!(wide.contains("杭州市上城区市场监督管理局食品经营许可证核发（新办）"));
        assert!(wide.contains("catalog.csv:12"));
    }

    #[test]
    fn truncation_and_wrapping_count_cjk_as_two() {
        assert_eq!(truncate("结婚登记办理", 7), "结婚登…");
        assert_eq!(
            UnicodeWidthStr::width(truncate("结婚登记办理", 7).as_str()),
            7
        );
        for line in wrap("政务服务事项实施清单 and some English words here", 10).lines() {
            assert!(UnicodeWidthStr::width(line) <= 10, "{line}");
        }
    }
}
