//! The one YAML parser: serde-saphyr for (de)serialisation and its own parser
//! (`granit_parser`, re-exported by serde-saphyr) for the line and column of every key in
//! `profile::positions`. Every YAML text the tool reads goes through [`from_str`].

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_saphyr::budget::Budget;
use serde_saphyr::{Options, SerializerOptions};

/// What went wrong and where (1-based line and column, when known).
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub message: String,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{} at line {l} column {c}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// The parser's settings: YAML 1.2 booleans only (`yes`, `no`, `y`, `on` stay strings, as
/// they did with serde_yaml), errors as one line without a source snippet (the caller
/// prints file, line and column itself), and node budgets that grow with the text so that
/// a large registry parses while an alias bomb (a few lines that expand exponentially) is
/// still stopped early.
fn options(text: &str) -> Options {
    let mut budget = Budget::default();
    budget.max_nodes = budget.max_nodes.max(text.len());
    budget.max_events = budget.max_events.max(text.len().saturating_mul(2));
    budget.max_total_scalar_bytes = budget.max_total_scalar_bytes.max(text.len());
    let mut o = Options::default();
    o.strict_booleans = true;
    o.with_snippet = false;
    o.budget = Some(budget);
    o
}

/// Parse `text` into `T` (`serde_json::Value` for documents without a fixed shape).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str_with_options(text, options(text)).map_err(|e| {
        let loc = e.location();
        YamlError {
            line: loc.as_ref().map(|l| l.line()),
            column: loc.as_ref().map(|l| l.column()),
            message: plain(&e.without_snippet().to_string()),
        }
    })
}

/// Write `value` as a YAML document. Long strings stay on one line (no folded `>-` blocks):
/// the output is read by people and diffed.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    let mut o = SerializerOptions::default();
    o.prefer_block_scalars = false;
    serde_saphyr::to_string_with_options(value, o).map_err(|e| e.to_string())
}

/// `what at line 2, column 5` (or `error: line 2 column 5: what`) → `what`: the position is
/// reported separately.
fn plain(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or(rendered).trim();
    let s = first.strip_prefix("error: ").unwrap_or(first);
    let s = match s
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
    {
        Some((at, msg)) if at.contains("column ") => msg,
        _ => s,
    };
    match s.find(" at line ") {
        Some(i) if s[i..].contains("column ") => s[..i].to_string(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_carry_position_and_a_plain_message() {
        let e = from_str::<serde_json::Value>("a: b: c\n").unwrap_err();
        assert_eq!((e.line, e.column), (Some(1), Some(5)));
        assert_eq!(e.message, "mapping values are not allowed in this context");
    }

    #[test]
    fn yaml_1_1_booleans_stay_strings() {
        let v: serde_json::Value = from_str("a: yes\nb: no\nc: y\nd: on\ne: true\n").unwrap();
        assert_eq!(
            v,
            serde_json::json!({"a": "yes", "b": "no", "c": "y", "d": "on", "e": true})
        );
    }

    #[test]
    fn alias_bombs_are_stopped() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9u8 {
            let (this, prev) = ((b'b' + i) as char, (b'a' + i) as char);
            let refs = vec![format!("*{prev}"); 10].join(", ");
            bomb.push_str(&format!("{this}: &{this} [{refs}]\n"));
        }
        assert!(from_str::<serde_json::Value>(&bomb).is_err());
    }

    #[test]
    fn round_trips() {
        let v = serde_json::json!({"name": "x", "list": [1, "2", "yes"], "empty": []});
        let text = to_string(&v).unwrap();
        assert_eq!(from_str::<serde_json::Value>(&text).unwrap(), v);
    }
}
