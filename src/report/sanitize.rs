//! The one sanitizer for untrusted text (service names, department names, server replies).
//!
//! - `terminal`: for anything a person reads in a terminal (tables, Markdown, errors, progress,
//!   the TUI). Control characters, escape sequences, bidi controls and zero-width characters
//!   are made visible, so an `ESC [ 2 J` becomes the harmless text `␛[2J`.
//! - `csv_cell`: neutralises spreadsheet formulas (`= + - @` at the start of a text cell).
//! - `html`: escapes everything that means something in HTML.
//! - `markdown`: `terminal` plus escaping of the characters Markdown interprets.
//! - `xml`: `terminal`'s visible forms (tabs and line breaks kept), everything escaped, and no
//!   character that XML 1.0 forbids: every JUnit document is well-formed.
//! - `json_pretty`: JSON keeps the exact text, but as `\uXXXX` escapes: no control, bidi or
//!   zero-width character is written raw, so `cat report.json` is harmless too.
//!
//! CSV cells are `terminal` (one value, one line: a CR or LF becomes visible) and then
//! neutralised as formulas.

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

/// A CSV cell: control characters, escape sequences, bidi and zero-width characters made
/// visible (`terminal`), and a cell that a spreadsheet would run as a formula neutralised
/// with a leading `'`. Numbers stay numbers.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    match terminal(s) {
        Cow::Borrowed(b) => neutralise_formula(b),
        Cow::Owned(o) => Cow::Owned(neutralise_formula(&o).into_owned()),
    }
}

/// `= + - @` (or their full-width forms) at the start of a cell, after any spaces, make a
/// formula in Excel, LibreOffice and Sheets.
fn neutralise_formula(s: &str) -> Cow<'_, str> {
    let risky = s
        .trim_start_matches([' ', '\u{3000}'])
        .starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
    if risky && s.trim().parse::<f64>().is_err() {
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

/// Escape for a Markdown table cell or paragraph. CommonMark lets any ASCII punctuation be
/// backslash-escaped; these are the ones that would otherwise start markup, an entity
/// (`&amp;` would render as `&`) or an image (`![`).
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in terminal(s).chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escape for XML (JUnit, SVG) text and attributes. Tabs and line breaks stay; every other
/// control, escape, bidi or zero-width character is made visible as `terminal` does (so is
/// U+FFFE/U+FFFF, which XML 1.0 forbids), and the result is escaped.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            '\0'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7F}' => out.push('␡'),
            '\u{FFFE}' | '\u{FFFF}' => out.push_str(&format!("&lt;U+{:04X}&gt;", c as u32)),
            c if is_hostile(c) => out.push_str(&format!("&lt;U+{:04X}&gt;", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Pretty JSON (as `serde_json::to_string_pretty`) in which every character `terminal` would
/// make visible is written as a `\uXXXX` escape: parsed, the text is exactly the original.
pub fn json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    write_json_pretty(&mut out, value)?;
    // The serializer writes UTF-8 only.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// `json_pretty` into a writer.
pub fn write_json_pretty<W: std::io::Write, T: serde::Serialize + ?Sized>(
    w: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, SafeJson(Default::default()));
    value.serialize(&mut ser)
}

/// serde_json's pretty formatter, with hostile characters in strings escaped.
struct SafeJson(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            // Every hostile character is in the Basic Multilingual Plane: one \uXXXX each.
            if is_hostile(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
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
        // An entity or an image in a service name stays text.
        assert_eq!(markdown("R&amp;D ![x](y)"), "R\\&amp;D \\!\\[x\\](y)");
        assert_eq!(xml("a<b\x1b\u{202e}\r\n"), "a&lt;b␛&lt;U+202E&gt;␍\n");
    }

    #[test]
    fn csv_cells_are_one_line_and_inert() {
        assert_eq!(csv_cell("a\x1b]52;c;eA==\x07\r"), "a␛]52;c;eA==␇␍");
        assert_eq!(csv_cell("\r=cmd|' /C calc'!A0"), "␍=cmd|' /C calc'!A0");
        assert_eq!(csv_cell("  =1+1"), "'  =1+1");
        assert_eq!(csv_cell("＝1+1"), "'＝1+1");
        assert_eq!(csv_cell("\u{9b}31m"), "<U+009B>31m");
    }

    #[test]
    fn json_keeps_the_text_and_writes_no_hostile_byte() {
        let s = "x\x1b[2J\u{9b}\u{202e}\u{200b}\x7f办\r";
        let j = json_pretty(&serde_json::json!({ "name": s })).unwrap();
        // Only the pretty printer's own line breaks are raw.
        assert!(!j.chars().any(|c| c != '\n' && is_hostile(c)), "{j}");
        assert!(j.contains("\\u202e"), "{j}");
        let back: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(back["name"], s);
        let pretty = serde_json::to_string_pretty(&serde_json::json!({"a": [1, {"b": "c"}]}));
        assert_eq!(
            json_pretty(&serde_json::json!({"a": [1, {"b": "c"}]})).unwrap(),
            pretty.unwrap()
        );
    }
}
