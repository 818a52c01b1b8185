//! One line of the event stream → a validated `model::Event`, or the reason it is malformed.
//!
//! Every line is untrusted: bad JSON, wrong types, a rating outside 1–5, negative or
//! non-finite day counts, an unparseable timestamp, or text that carries control characters
//! or escape sequences all make the line malformed. A malformed line is counted and shown
//! (sanitized), never applied. Reasons are written for an operator: the field, what was
//! expected and what was found — never a Rust type name.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::Value;

use crate::model::{rating_of_level, Event, EventKind};
use crate::report::sanitize::quote_found;

/// Why a line was rejected, plus a sanitized excerpt of it for the screen.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Malformed {
    /// 1-based line number in the stream (0 when unknown).
    pub line: u64,
    /// The field at fault, when one is (`rating`, `ts`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub reason: String,
    /// The start of the line, made safe for a terminal.
    pub excerpt: String,
}

/// The loose shape of a line; validated into `Event` afterwards. Unknown keys are ignored.
/// When this typed parse fails, the line is read again as a `Value` to say which field was
/// wrong and how (the slow path is for bad lines only).
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
    #[serde(borrow)]
    level: Option<Cow<'a, str>>,
}

/// What each known field must hold, for the slow path's messages.
const FIELDS: [(&str, Want); 10] = [
    ("type", Want::Text),
    ("ts", Want::Text),
    ("case_id", Want::Text),
    ("item_code", Want::Text),
    ("region_code", Want::Text),
    ("channel", Want::Text),
    ("limit_days", Want::Number),
    ("elapsed_days", Want::Number),
    ("rating", Want::Integer),
    ("level", Want::Text),
];

#[derive(Clone, Copy)]
enum Want {
    Text,
    Number,
    Integer,
}

const EXCERPT_CHARS: usize = 100;
const TYPES: &str =
    "submitted, accepted, completed, rejected, withdrawn, rated, followed_up or rectified";

/// A reason with the field it is about.
struct Bad {
    field: Option<&'static str>,
    reason: String,
}

impl Bad {
    fn field(name: &'static str, reason: String) -> Bad {
        Bad {
            field: Some(name),
            reason,
        }
    }
    fn line(reason: String) -> Bad {
        Bad {
            field: None,
            reason,
        }
    }
}

/// Parse one line (without its newline). Blank lines are `Ok(None)`.
pub fn parse_line(line: &str, line_no: u64) -> Result<Option<Event>, Malformed> {
    let text = line.trim_end_matches('\r');
    if text.trim().is_empty() {
        return Ok(None);
    }
    validate(text).map(Some).map_err(|bad| Malformed {
        line: line_no,
        field: bad.field.map(str::to_string),
        reason: bad.reason,
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

fn validate(text: &str) -> Result<Event, Bad> {
    let raw: Raw = serde_json::from_str(text).map_err(|e| explain(text, &e))?;
    let kind = raw.kind.as_deref().ok_or_else(|| {
        Bad::field(
            "type",
            format!("missing field `type`: expected one of {TYPES}"),
        )
    })?;
    let kind = EventKind::parse(kind).ok_or_else(|| {
        Bad::field(
            "type",
            format!(
                "`type`: expected one of {TYPES}, found {}",
                quote_found(kind)
            ),
        )
    })?;
    let case_id = text_field("case_id", raw.case_id.as_deref())?
        .ok_or_else(|| Bad::field("case_id", "missing field `case_id`".into()))?;
    let ts = match text_field("ts", raw.ts.as_deref())? {
        None => None,
        Some(t) => Some(
            chrono::DateTime::parse_from_rfc3339(&t)
                .map_err(|_| {
                    Bad::field(
                        "ts",
                        format!(
                            "`ts`: expected an RFC 3339 time such as 2025-09-30T09:00:00+08:00, found {}",
                            quote_found(&t)
                        ),
                    )
                })?
                .timestamp(),
        ),
    };
    let limit_days = days("limit_days", raw.limit_days)?;
    Ok(match kind {
        EventKind::Submitted => Event::Submitted {
            ts,
            case_id,
            item_code: text_field("item_code", raw.item_code.as_deref())?,
            region_code: text_field("region_code", raw.region_code.as_deref())?,
            channel: text_field("channel", raw.channel.as_deref())?,
            limit_days,
        },
        EventKind::Completed => Event::Completed {
            ts,
            case_id,
            limit_days,
            elapsed_days: days("elapsed_days", raw.elapsed_days)?,
        },
        EventKind::Rated => Event::Rated {
            ts,
            case_id,
            rating: rating(raw.rating, raw.level.as_deref())?,
        },
        EventKind::Accepted => Event::Accepted { ts, case_id },
        EventKind::Rejected => Event::Rejected { ts, case_id },
        EventKind::Withdrawn => Event::Withdrawn { ts, case_id },
        EventKind::FollowedUp => Event::FollowedUp { ts, case_id },
        EventKind::Rectified => Event::Rectified { ts, case_id },
    })
}

/// A rating as `rating` 1–5 or `level` (非常满意 … 非常不满意, or very_satisfied …); when
/// both are given they must agree.
fn rating(number: Option<i64>, level: Option<&str>) -> Result<u8, Bad> {
    let by_number = match number {
        None => None,
        Some(r @ 1..=5) => Some(r as u8),
        Some(r) => {
            return Err(Bad::field(
                "rating",
                format!("`rating`: expected 1 to 5, found {r}"),
            ))
        }
    };
    let by_level = match level {
        None => None,
        Some(l) => Some(rating_of_level(l).ok_or_else(|| {
            Bad::field(
                "level",
                format!(
                    "`level`: expected 非常满意, 满意, 基本满意, 不满意 or 非常不满意 (or very_satisfied … very_dissatisfied), found {}",
                    quote_found(l)
                ),
            )
        })?),
    };
    match (by_number, by_level) {
        (Some(n), Some(l)) if n != l => Err(Bad::field(
            "level",
            format!("`rating` {n} and `level` disagree (that level is {l})"),
        )),
        (Some(n), _) => Ok(n),
        (None, Some(l)) => Ok(l),
        (None, None) => Err(Bad::field(
            "rating",
            "missing field `rating` (1 to 5) or `level` (非常满意 … 非常不满意)".into(),
        )),
    }
}

/// The slow path: say which field was wrong and how, in words.
fn explain(text: &str, err: &serde_json::Error) -> Bad {
    let col = err.column();
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        // Not JSON at all: serde_json's syntax messages are already in words.
        let msg = err.to_string();
        let what = msg
            .rsplit_once(" at line ")
            .map_or(msg.as_str(), |(w, _)| w);
        return Bad::line(format!("not JSON: {what} (column {col})"));
    };
    let Value::Object(map) = &value else {
        return Bad::line(format!(
            "expected a JSON object {{\"type\": …, \"case_id\": …}}, found {}",
            describe(&value)
        ));
    };
    for (name, want) in FIELDS {
        let Some(v) = map.get(name) else { continue };
        let ok = match (want, v) {
            (_, Value::Null) => true,
            (Want::Text, Value::String(_)) => true,
            (Want::Number, Value::Number(_)) => true,
            (Want::Integer, Value::Number(n)) => n.is_i64(),
            _ => false,
        };
        if !ok {
            let expected = match want {
                Want::Text => "text",
                Want::Number => "a number of days",
                Want::Integer => "a whole number from 1 to 5",
            };
            return Bad::field(
                name,
                format!("`{name}`: expected {expected}, found {}", describe(v)),
            );
        }
    }
    Bad::line(format!("unreadable event (column {col})"))
}

/// A JSON value as an operator would name it, with a short sanitized sample.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("true/false ({b})"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {}", quote_found(s)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A text field: trimmed, and refused when it carries control characters or escape
/// sequences (a hostile line must not reach the screen as live text).
fn text_field(name: &'static str, v: Option<&str>) -> Result<Option<String>, Bad> {
    let Some(v) = v else { return Ok(None) };
    if let Cow::Owned(_) = crate::report::sanitize::terminal(v) {
        return Err(Bad::field(
            name,
            format!(
                "`{name}` contains control characters or escape sequences: {}",
                quote_found(v)
            ),
        ));
    }
    let v = v.trim();
    Ok((!v.is_empty()).then(|| v.to_string()))
}

fn days(name: &'static str, v: Option<f64>) -> Result<Option<f64>, Bad> {
    match v {
        Some(d) if !d.is_finite() || d < 0.0 => Err(Bad::field(
            name,
            format!("`{name}`: expected a number of days ≥ 0, found {d}"),
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
            ("{not json", "not JSON"),
            (r#"{"type":"rated","case_id":"C1","rating":9}"#, "rating"),
            (
                r#"{"type":"rated","case_id":"C1","rating":"5"}"#,
                "`rating`: expected a whole number",
            ),
            (
                r#"{"type":"completed","case_id":7}"#,
                "`case_id`: expected text",
            ),
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
            (r#"[1,2,3]"#, "expected a JSON object"),
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
