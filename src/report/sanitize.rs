//! The one sanitizer for untrusted text (service names, department names, server replies).
//!
//! - `terminal`: for anything a person reads in a terminal (tables, Markdown, errors, progress,
//!   the TUI). Control characters, escape sequences, bidi controls and zero-width characters
//!   are made visible, so an `ESC [ 2 J` becomes the harmless text `␛[2J`.
//! - `csv_cell`: neutralises spreadsheet formulas (`= + - @` at the start of a text cell).
//! - `html`: escapes everything that means something in HTML.
//! - `markdown`: `terminal` plus escaping of the characters Markdown interprets.

use std::borrow::Cow;

/// Is `c` a character that must never reach a terminal alive?
fn is_hostile(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' |
            '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Make `s` safe to print to a terminal. Newlines and tabs become visible too: one value
/// stays on one line.
pub fn terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hostile) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            // C0 controls and DEL as their Unicode "control picture" (␛, ␇, ␊, …).
            '\0'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7F}' => out.push('␡'),
            c if is_hostile(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Like `terminal` but keeps line breaks (for multi-line messages such as error lists).
pub fn terminal_multiline(s: &str) -> String {
    s.split('\n')
        .map(|line| terminal(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A value quoted for an error message, sanitized and shortened.
pub fn quote_found(s: &str) -> String {
    const MAX: usize = 80;
    let clean = terminal(s);
    if clean.chars().count() > MAX {
        let cut: String = clean.chars().take(MAX).collect();
        format!("\"{cut}…\"")
    } else {
        format!("\"{clean}\"")
    }
}

/// Neutralise a CSV cell that a spreadsheet would run as a formula. Numbers stay numbers.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && s.parse::<f64>().is_err() {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Escape for HTML text and attribute values.
pub fn html(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) && !s.chars().any(is_hostile) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in terminal(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Escape for a Markdown table cell or paragraph.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in terminal(s).chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escape for XML (JUnit, SVG) text and attributes; drops characters XML 1.0 cannot carry.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if is_hostile(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape() {
        let s = terminal("ok\x1b[2J\x1b]0;pwned\x07 \u{202E}evil\u{200B}");
        assert!(!s.contains('\x1b') && !s.contains('\x07') && !s.contains('\u{202E}'));
        assert_eq!(s, "ok␛[2J␛]0;pwned␇ <U+202E>evil<U+200B>");
        assert_eq!(terminal("\u{9b}31m"), "<U+009B>31m");
        assert_eq!(terminal("办理"), "办理");
    }

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-3.5"), "-3.5");
        assert_eq!(csv_cell("结婚登记"), "结婚登记");
    }

    #[test]
    fn html_and_markdown_escape() {
        assert_eq!(html("<script>&'\""), "&lt;script&gt;&amp;&#39;&quot;");
        assert_eq!(markdown("a|b*c"), "a\\|b\\*c");
        assert_eq!(xml("a<b\x1b"), "a&lt;b<U+001B>");
    }
}
