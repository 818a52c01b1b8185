//! Tables for people (comfy-table: it measures CJK text at its display width) and the same
//! rows as CSV and Markdown. Every cell goes through the sanitizer here, once.

use comfy_table::{presets, Cell, Color, ContentArrangement, Table};

use super::sanitize;

/// Presentation choices resolved from `--color`, `NO_COLOR` and the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
}

/// A simple rectangular table of untrusted strings.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Rows {
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Self {
        Rows {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push<S: Into<String>>(&mut self, row: impl IntoIterator<Item = S>) {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// A terminal table. `severity_col` names a column whose values (high/medium/low) are
    /// coloured when colour is on.
    pub fn to_table(&self, style: Style, severity_col: Option<usize>) -> String {
        let mut t = Table::new();
        t.load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if !style.color {
            t.force_no_tty();
        } else {
            t.enforce_styling();
        }
        t.set_header(self.header.iter().map(|h| Cell::new(sanitize::terminal(h))));
        for row in &self.rows {
            t.add_row(row.iter().enumerate().map(|(i, v)| {
                let cell = Cell::new(sanitize::terminal(v));
                match (style.color, severity_col == Some(i), v.as_str()) {
                    (true, true, "high") => cell.fg(Color::Red),
                    (true, true, "medium") => cell.fg(Color::Yellow),
                    (true, true, "low") => cell.fg(Color::Cyan),
                    _ => cell,
                }
            }));
        }
        format!("{t}\n")
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
}
