//! A finding: one thing a check judged wrong, in the shape of DESIGN.md.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    /// Does a finding of this severity fail a run with `--fail-on threshold`?
    pub fn fails(self, threshold: FailOn) -> bool {
        match threshold {
            FailOn::Never => false,
            FailOn::Low => true,
            FailOn::Medium => self >= Severity::Medium,
            FailOn::High => self >= Severity::High,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable dotted rule name, e.g. `duplicate.near_name`.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The `id`s of every catalog row or registry entry the finding is about.
    pub records: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Rule-specific facts (e.g. `latency_ms`, `status`), kept flat in the JSON.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Finding {
    pub fn new(rule: impl Into<String>, severity: Severity, message: impl Into<String>) -> Self {
        Finding {
            rule: rule.into(),
            severity,
            message: message.into(),
            region_code: None,
            item_code: None,
            department: None,
            records: Vec::new(),
            similarity: None,
            location: None,
            extra: BTreeMap::new(),
        }
    }

    pub fn region(mut self, code: impl Into<String>) -> Self {
        self.region_code = Some(code.into());
        self
    }

    pub fn item(mut self, code: impl Into<String>) -> Self {
        self.item_code = Some(code.into());
        self
    }

    pub fn department(mut self, dept: impl Into<String>) -> Self {
        self.department = Some(dept.into());
        self
    }

    pub fn records<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.records = ids.into_iter().map(Into::into).collect();
        self
    }

    pub fn similarity(mut self, s: f64) -> Self {
        self.similarity = Some((s * 1000.0).round() / 1000.0);
        self
    }

    pub fn at(mut self, file: impl Into<String>, line: Option<u64>) -> Self {
        self.location = Some(Location {
            file: file.into(),
            line,
        });
        self
    }

    pub fn with(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.extra.insert(key.to_string(), value.into());
        self
    }
}

/// The exit code a set of findings earns: 1 if any is at or above `fail_on`, else 0.
pub fn exit_code(findings: &[Finding], fail_on: FailOn) -> u8 {
    u8::from(findings.iter().any(|f| f.severity.fails(fail_on)))
}

/// Stable order for reports: severity (worst first), then rule, region, item, records.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.region_code.cmp(&b.region_code))
            .then_with(|| a.item_code.cmp(&b.item_code))
            .then_with(|| a.records.cmp(&b.records))
    });
}

/// The lowest severity that makes a run fail (exit code 1); `never` disables the gate.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Low,
    Medium,
    High,
    Never,
}

impl FailOn {
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Low => "low",
            FailOn::Medium => "medium",
            FailOn::High => "high",
            FailOn::Never => "never",
        }
    }
}
