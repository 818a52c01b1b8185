//! The JSON envelope every command shares:
//! `{"tool":{…},"command":…,"generated_at":…,"inputs":{…},"summary":{…},"findings":[…]}`.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::Finding;

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Envelope {
    pub tool: Tool,
    pub command: String,
    pub generated_at: String,
    pub inputs: Value,
    pub summary: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub findings: Option<Vec<Finding>>,
    /// Command-specific top-level sections (balance: `regions`, `inequality`, `laggards`).
    #[serde(flatten)]
    pub sections: Map<String, Value>,
}

impl Envelope {
    pub fn new(command: &str, inputs: Value, summary: Value) -> Self {
        Envelope {
            tool: Tool {
                name: "govops",
                version: env!("CARGO_PKG_VERSION"),
            },
            command: command.to_string(),
            generated_at: now_rfc3339(),
            inputs,
            summary,
            findings: None,
            sections: Map::new(),
        }
    }

    pub fn findings(mut self, findings: Vec<Finding>) -> Self {
        self.findings = Some(findings);
        self
    }

    pub fn section(mut self, key: &str, value: Value) -> Self {
        self.sections.insert(key.to_string(), value);
        self
    }

    pub fn to_json(&self) -> String {
        let mut s = super::sanitize::json_pretty(self).unwrap_or_else(|e| {
            // Serialising plain data cannot fail; keep the output valid JSON if it ever does.
            format!("{{\"error\":{}}}", Value::String(e.to_string()))
        });
        s.push('\n');
        s
    }
}

/// The current time, or `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible reports.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(chrono::Utc::now)
}

pub fn now_rfc3339() -> String {
    now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
