//! What a healthy reply looks like: the expected status, and the body checks of `expect`
//! (`json_field`, `freshness_field`, `body_contains`).

use serde_json::Value;

use crate::model::Expect;

/// Does `status` meet the expectation (the given status, or any 2xx)?
pub fn status_ok(expect: &Expect, status: u16) -> bool {
    match expect.status {
        Some(s) => s == status,
        None => (200..300).contains(&status),
    }
}

/// Does the reply's body need to be kept for checking?
pub fn needs_body(expect: &Expect) -> bool {
    expect.json_field.is_some()
        || expect.freshness_field.is_some()
        || expect.body_contains.is_some()
}

/// The value at a dotted path: `data.items`, `result.0.updated` (numbers index arrays).
pub fn lookup<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .filter(|p| !p.is_empty())
        .try_fold(v, |cur, key| match cur {
            Value::Object(m) => m.get(key),
            Value::Array(a) => key.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        })
}

/// What the body checks found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BodyVerdict {
    /// Each unmet expectation, in words.
    pub problems: Vec<String>,
    /// The data's own timestamp as written at `freshness_field`, if found.
    pub data_time: Option<String>,
}

/// Check a complete body against the expectations.
pub fn check_body(expect: &Expect, body: &[u8]) -> BodyVerdict {
    let mut out = BodyVerdict::default();
    if let Some(needle) = &expect.body_contains {
        let text = String::from_utf8_lossy(body);
        if !text.contains(needle.as_str()) {
            out.problems
                .push(format!("the body does not contain \"{needle}\""));
        }
    }
    if expect.json_field.is_none() && expect.freshness_field.is_none() {
        return out;
    }
    let json: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            out.problems
                .push(format!("the body is not valid JSON ({e})"));
            return out;
        }
    };
    if let Some(path) = &expect.json_field {
        if lookup(&json, path).is_none() {
            out.problems.push(format!("the JSON has no field `{path}`"));
        }
    }
    if let Some(path) = &expect.freshness_field {
        match lookup(&json, path) {
            None => out
                .problems
                .push(format!("the JSON has no freshness field `{path}`")),
            Some(v) => match super::freshness::from_json(v) {
                Some(_) => {
                    out.data_time = Some(match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                }
                None => out
                    .problems
                    .push(format!("the freshness field `{path}` does not hold a time")),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expect(json_field: Option<&str>, fresh: Option<&str>, contains: Option<&str>) -> Expect {
        Expect {
            status: None,
            json_field: json_field.map(Into::into),
            freshness_field: fresh.map(Into::into),
            body_contains: contains.map(Into::into),
        }
    }

    #[test]
    fn dotted_paths_reach_into_objects_and_arrays() {
        let v: Value = serde_json::json!({"data": {"items": [{"id": 1}]}});
        assert!(lookup(&v, "data.items.0.id").is_some());
        assert!(lookup(&v, "data.records").is_none());
    }

    #[test]
    fn body_problems_are_named() {
        let e = expect(Some("data.items"), Some("meta.updated_at"), Some("成功"));
        let ok =
            r#"{"msg":"成功","data":{"items":[]},"meta":{"updated_at":"2026-11-29T00:00:00Z"}}"#
                .as_bytes();
        let v = check_body(&e, ok);
        assert!(v.problems.is_empty(), "{v:?}");
        assert_eq!(v.data_time.as_deref(), Some("2026-11-29T00:00:00Z"));
        let v = check_body(&e, b"{\"data\": [");
        assert!(v.problems.iter().any(|p| p.contains("not valid JSON")));
        let v = check_body(&e, r#"{"msg":"成功","data":{}}"#.as_bytes());
        assert_eq!(v.problems.len(), 2, "{v:?}");
    }
}
