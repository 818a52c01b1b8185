//! Parse a profile and report *every* problem with its line and column: the typed structs
//! are the schema; each problem found is removed from the document and parsing repeats.

use serde_json::Value;

use super::positions::{nearest, positions};
use super::Profile;

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn render(&self, file: &str) -> String {
        let at = match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.to_string(),
        };
        let field = if self.path.is_empty() {
            String::new()
        } else {
            format!(" `{}`:", self.path)
        };
        format!("  {at}:{field} {}", self.message)
    }
}

/// Keys whose values would be secrets if written literally.
const SECRET_KEYS: &[&str] = &["token", "password", "secret", "api_key", "bearer", "apikey"];

pub fn parse(text: &str) -> Result<Profile, Vec<Problem>> {
    let mut value: Value = match crate::yaml::from_str(text) {
        Ok(Value::Null) => Value::Object(Default::default()),
        Ok(v) => v,
        Err(e) => {
            return Err(vec![Problem {
                line: e.line,
                column: e.column,
                path: String::new(),
                message: format!("not valid YAML: {}", e.message),
            }]);
        }
    };
    let pos = positions(text);
    let mut problems = Vec::new();
    secrets(&value, "", &mut problems);
    // Each round finds one problem, removes the offending node and tries again.
    for _ in 0..200 {
        match serde_path_to_error::deserialize::<_, Profile>(value.clone()) {
            Ok(profile) => {
                semantic(&profile, &mut problems);
                break;
            }
            Err(err) => {
                let mut path = err.path().to_string();
                if path == "." {
                    path.clear();
                }
                let inner = err.into_inner().to_string();
                let (path, message) = match unknown_field(&inner) {
                    Some((key, expected)) => {
                        // serde reports the unknown key at the map holding it.
                        let parent = path.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
                        let full = if path.ends_with(&key) {
                            path.clone()
                        } else if parent.is_empty() && !path.contains('.') && path != key {
                            join(&path, &key)
                        } else {
                            join(parent, &key)
                        };
                        let hint = did_you_mean(&key, &expected)
                            .map(|s| format!("; did you mean `{s}`?"))
                            .unwrap_or_default();
                        (
                            full,
                            format!(
                                "unknown key `{key}`{hint} (expected one of: {})",
                                expected.join(", ")
                            ),
                        )
                    }
                    None => (path, inner),
                };
                let (line, column) = nearest(&pos, &path).unzip();
                problems.push(Problem {
                    line,
                    column,
                    path: path.clone(),
                    message: strip_location(&message),
                });
                if !remove(&mut value, &path) {
                    break;
                }
            }
        }
    }
    if problems.is_empty() {
        serde_path_to_error::deserialize::<_, Profile>(value).map_err(|e| {
            vec![Problem {
                line: None,
                column: None,
                path: e.path().to_string(),
                message: e.into_inner().to_string(),
            }]
        })
    } else {
        for p in problems.iter_mut().filter(|p| p.line.is_none()) {
            let (l, c) = nearest(&pos, &p.path).unzip();
            p.line = l;
            p.column = c;
        }
        problems.sort_by_key(|p| (p.line, p.column));
        Err(problems)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// `unknown field `x`, expected one of `a`, `b`` → ("x", ["a", "b"]).
fn unknown_field(msg: &str) -> Option<(String, Vec<String>)> {
    let rest = msg.strip_prefix("unknown field `")?;
    let (key, tail) = rest.split_once('`')?;
    let expected = tail
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((key.to_string(), expected))
}

pub(crate) fn did_you_mean(key: &str, candidates: &[String]) -> Option<String> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(key, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.clone())
}

/// Drop a " at line L column C" suffix, should a deserializer add one: ours is the real
/// position in the text.
fn strip_location(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Remove the node at a dotted path; false if there is nothing to remove.
fn remove(value: &mut Value, path: &str) -> bool {
    if path.is_empty() {
        return false;
    }
    let (parent_path, last) = match path.rsplit_once('.') {
        Some((p, l)) => (p, l),
        None => ("", path),
    };
    let mut node = value;
    if !parent_path.is_empty() {
        for part in parent_path.split('.') {
            node = match node {
                Value::Object(m) => match m.get_mut(part) {
                    Some(v) => v,
                    None => return false,
                },
                Value::Array(s) => match part.parse::<usize>().ok().and_then(|i| s.get_mut(i)) {
                    Some(v) => v,
                    None => return false,
                },
                _ => return false,
            };
        }
    }
    match node {
        Value::Object(m) => m.remove(last).is_some(),
        Value::Array(s) => match last.parse::<usize>() {
            Ok(i) if i < s.len() => {
                s.remove(i);
                true
            }
            _ => false,
        },
        _ => false,
    }
}

/// A literal secret in a profile is an error: profiles name environment variables instead.
fn secrets(value: &Value, path: &str, problems: &mut Vec<Problem>) {
    let Value::Object(m) = value else {
        if let Value::Array(s) = value {
            for (i, v) in s.iter().enumerate() {
                secrets(v, &join(path, &i.to_string()), problems);
            }
        }
        return;
    };
    for (k, v) in m {
        let p = join(path, k);
        let lower = k.to_ascii_lowercase();
        if SECRET_KEYS.iter().any(|s| lower.contains(s)) && !lower.ends_with("_env") {
            problems.push(Problem {
                line: None,
                column: None,
                path: p.clone(),
                message: "secrets never live in a profile: name the environment variable that \
                          holds it instead (e.g. `auth: {bearer_env: SHARING_TOKEN}`)"
                    .into(),
            });
        }
        secrets(v, &p, problems);
    }
}

/// Checks the types cannot express: ranges, durations.
fn semantic(p: &Profile, problems: &mut Vec<Problem>) {
    let mut check_unit = |path: &str, v: Option<f64>| {
        if let Some(x) = v {
            if !(0.0..=1.0).contains(&x) {
                problems.push(Problem {
                    line: None,
                    column: None,
                    path: path.into(),
                    message: format!("expected a number from 0 to 1, found {x}"),
                });
            }
        }
    };
    check_unit("audit.threshold", p.audit.threshold);
    check_unit("audit.peer_share", p.audit.peer_share);
    check_unit("monitor.alerts.overdue_rate", p.monitor.alerts.overdue_rate);
    check_unit(
        "monitor.alerts.satisfaction_below",
        p.monitor.alerts.satisfaction_below,
    );
    check_unit("monitor.alerts.orphan_rate", p.monitor.alerts.orphan_rate);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_reported_with_line_and_column() {
        let text = "name: x\naudit:\n  treshold: 0.9\n  fail_on: sometimes\nsharing:\n  timeout: soon\nbogus: 1\n";
        let problems = parse(text).unwrap_err();
        let rendered: Vec<String> = problems.iter().map(|p| p.render("p.yaml")).collect();
        assert_eq!(problems.len(), 4, "{rendered:#?}");
        assert!(
            rendered[0].contains("p.yaml:3:3") && rendered[0].contains("did you mean `threshold`"),
            "{rendered:#?}"
        );
        assert!(
            rendered[1].contains("p.yaml:4:") && rendered[1].contains("fail_on"),
            "{rendered:#?}"
        );
        assert!(
            rendered
                .iter()
                .any(|r| r.contains("p.yaml:6:") && r.contains("duration")),
            "{rendered:#?}"
        );
        assert!(
            rendered
                .iter()
                .any(|r| r.contains("p.yaml:7:1") && r.contains("bogus")),
            "{rendered:#?}"
        );
    }

    #[test]
    fn literal_secrets_are_refused() {
        let problems = parse("sharing:\n  token: abc\n").unwrap_err();
        assert!(problems
            .iter()
            .any(|p| p.message.contains("environment variable")));
    }
}
