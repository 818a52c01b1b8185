//! One line of the event stream → a validated `model::Event`, or the reason it is malformed.
//!
//! Every line is untrusted: bad JSON, wrong types, a rating outside 1–5, negative or
//! non-finite day counts, an unparseable timestamp, or text that carries control characters
//! or escape sequences all make the line malformed. A malformed line is counted and shown
//! (sanitized), never applied.

use std::borrow::Cow;

use serde::Deserialize;

use crate::model::Event;

/// Why a line was rejected, plus a sanitized excerpt of it for the screen.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Malformed {
    /// 1-based line number in the stream (0 when unknown).
    pub line: u64,
    pub reason: String,
    /// The start of the line, made safe for a terminal.
    pub excerpt: String,
}

/// The loose shape of a line; validated into `Event` afterwards. Unknown keys are ignored.
#[derive(Deserialize)]
struct Raw<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    ts: Option<Cow<'a, str>>,
    #[serde(borrow)]
    case_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    item_code: Option<Cow<'a, str>>,
    #[serde(borrow)]
    region_code: Option<Cow<'a, str>>,
    #[serde(borrow)]
    channel: Option<Cow<'a, str>>,
    limit_days: Option<f64>,
    elapsed_days: Option<f64>,
    rating: Option<i64>,
}

const EXCERPT_CHARS: usize = 100;

/// Parse one line (without its newline). Blank lines are `Ok(None)`.
pub fn parse_line(line: &str, line_no: u64) -> Result<Option<Event>, Malformed> {
    let text = line.trim_end_matches('\r');
    if text.trim().is_empty() {
        return Ok(None);
    }
    validate(text).map(Some).map_err(|reason| Malformed {
        line: line_no,
        reason,
        excerpt: excerpt(text),
    })
}

/// The first characters of a line, sanitized, for display.
pub fn excerpt(text: &str) -> String {
    let clean = crate::report::sanitize::terminal(text);
    if clean.chars().count() > EXCERPT_CHARS {
        let mut s: String = clean.chars().take(EXCERPT_CHARS).collect();
        s.push('…');
        s
    } else {
        clean.into_owned()
    }
}

fn validate(text: &str) -> Result<Event, String> {
    let raw: Raw = serde_json::from_str(text).map_err(|e| {
        let msg = e.to_string();
        // serde_json appends "at line 1 column N"; keep the column, drop the line.
        match msg.rsplit_once(" at line 1 ") {
            Some((what, col)) => format!("invalid JSON: {what} at {col}"),
            None => format!("invalid JSON: {msg}"),
        }
    })?;
    let kind = raw.kind.as_deref().ok_or("missing field `type`")?;
    let case_id =
        text_field("case_id", raw.case_id.as_deref())?.ok_or("missing field `case_id`")?;
    if case_id.is_empty() {
        return Err("empty `case_id`".into());
    }
    let ts = text_field("ts", raw.ts.as_deref())?;
    if let Some(t) = &ts {
        if chrono::DateTime::parse_from_rfc3339(t).is_err() {
            return Err(format!(
                "`ts`: expected an RFC 3339 time, found {}",
                crate::report::sanitize::quote_found(t)
            ));
        }
    }
    let limit_days = days("limit_days", raw.limit_days)?;
    match kind {
        "submitted" => Ok(Event::Submitted {
            ts,
            case_id,
            item_code: text_field("item_code", raw.item_code.as_deref())?,
            region_code: text_field("region_code", raw.region_code.as_deref())?,
            channel: text_field("channel", raw.channel.as_deref())?,
            limit_days,
        }),
        "completed" => Ok(Event::Completed {
            ts,
            case_id,
            limit_days,
            elapsed_days: days("elapsed_days", raw.elapsed_days)?,
        }),
        "rated" => {
            let r = raw.rating.ok_or("missing field `rating`")?;
            if !(1..=5).contains(&r) {
                return Err(format!("`rating`: expected 1 to 5, found {r}"));
            }
            Ok(Event::Rated {
                ts,
                case_id,
                rating: r as u8,
            })
        }
        other => Err(format!(
            "`type`: expected submitted, completed or rated, found {}",
            crate::report::sanitize::quote_found(other)
        )),
    }
}

/// A text field: trimmed, and refused when it carries control characters or escape
/// sequences (a hostile line must not reach the screen as live text).
fn text_field(name: &str, v: Option<&str>) -> Result<Option<String>, String> {
    let Some(v) = v else { return Ok(None) };
    if let Cow::Owned(_) = crate::report::sanitize::terminal(v) {
        return Err(format!(
            "`{name}` contains control characters or escape sequences: {}",
            crate::report::sanitize::quote_found(v)
        ));
    }
    let v = v.trim();
    Ok((!v.is_empty()).then(|| v.to_string()))
}

fn days(name: &str, v: Option<f64>) -> Result<Option<f64>, String> {
    match v {
        Some(d) if !d.is_finite() || d < 0.0 => Err(format!(
            "`{name}`: expected a number of days ≥ 0, found {d}"
        )),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_lines_parse() {
        let e = parse_line(
            r#"{"ts":"2026-11-29T08:00:00Z","type":"submitted","case_id":"C1","region_code":"330102","channel":"wechat","extra":1}"#,
            1,
        );
        assert!(matches!(e, Ok(Some(Event::Submitted { ref case_id, .. })) if case_id == "C1"));
        assert_eq!(parse_line("   ", 2), Ok(None));
        let r = parse_line(r#"{"type":"rated","case_id":"C1","rating":5}"#, 3);
        assert!(matches!(r, Ok(Some(Event::Rated { rating: 5, .. }))));
    }

    #[test]
    fn bad_lines_are_malformed_with_reason() {
        let cases = [
            ("{not json", "invalid JSON"),
            (r#"{"type":"rated","case_id":"C1","rating":9}"#, "rating"),
            (
                r#"{"type":"rated","case_id":"C1","rating":"5"}"#,
                "invalid JSON",
            ),
            (r#"{"type":"completed","case_id":7}"#, "invalid JSON"),
            (r#"{"type":"exploded","case_id":"C1"}"#, "`type`"),
            (r#"{"type":"submitted"}"#, "case_id"),
            (
                r#"{"type":"completed","case_id":"C1","elapsed_days":-3}"#,
                "elapsed_days",
            ),
            (
                r#"{"type":"submitted","case_id":"C1","ts":"yesterday"}"#,
                "RFC 3339",
            ),
            (r#"[1,2,3]"#, "invalid JSON"),
        ];
        for (line, want) in cases {
            let err = parse_line(line, 4).expect_err(line);
            assert!(err.reason.contains(want), "{line}: {}", err.reason);
            assert_eq!(err.line, 4);
        }
    }

    #[test]
    fn escape_sequences_are_hostile_and_never_echoed_raw() {
        let line =
            r#"{"type":"submitted","case_id":"C1","region_code":"\u001b[2J\u001b]0;pwned\u0007"}"#;
        let err = parse_line(line, 1).expect_err("hostile");
        assert!(err.reason.contains("region_code"));
        assert!(!err.reason.contains('\x1b') && !err.excerpt.contains('\x1b'));
        // A raw ESC byte inside the line (invalid JSON) is made visible in the excerpt.
        let err = parse_line("\x1b[31mred\x1b[0m", 2).expect_err("raw escape");
        assert!(err.excerpt.starts_with("␛[31m"), "{}", err.excerpt);
    }
}
