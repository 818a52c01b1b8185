//! Findings as a table, CSV or Markdown, shared by every command that judges.

use std::collections::BTreeMap;

use super::table::{Rows, Style};
use crate::model::Finding;

/// One row per finding: severity, rule, region, item, message, records, location.
pub fn rows(findings: &[Finding]) -> Rows {
    let mut r = Rows::new([
        "severity", "rule", "region", "item", "message", "records", "location",
    ]);
    for f in findings {
        r.push([
            f.severity.as_str().to_string(),
            f.rule.clone(),
            f.region_code.clone().unwrap_or_default(),
            f.item_code.clone().unwrap_or_default(),
            f.message.clone(),
            f.records.join(";"),
            f.location
                .as_ref()
                .map(|l| match l.line {
                    Some(n) => format!("{}:{n}", l.file),
                    None => l.file.clone(),
                })
                .unwrap_or_default(),
        ]);
    }
    r
}

/// Findings as CSV, with the similarity column and rule-specific extras flattened.
pub fn to_csv(findings: &[Finding]) -> String {
    let mut r = Rows::new([
        "severity",
        "rule",
        "region_code",
        "item_code",
        "department",
        "message",
        "records",
        "similarity",
        "file",
        "line",
    ]);
    for f in findings {
        r.push([
            f.severity.as_str().to_string(),
            f.rule.clone(),
            f.region_code.clone().unwrap_or_default(),
            f.item_code.clone().unwrap_or_default(),
            f.department.clone().unwrap_or_default(),
            f.message.clone(),
            f.records.join(";"),
            f.similarity.map(|s| s.to_string()).unwrap_or_default(),
            f.location
                .as_ref()
                .map(|l| l.file.clone())
                .unwrap_or_default(),
            f.location
                .as_ref()
                .and_then(|l| l.line)
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ]);
    }
    r.to_csv()
}

/// Counts by severity, worst first, as `{"high": n, "medium": n, "low": n}`.
pub fn by_severity(findings: &[Finding]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::from([("high", 0), ("medium", 0), ("low", 0)]);
    for f in findings {
        *m.entry(f.severity.as_str()).or_default() += 1;
    }
    m
}

/// Counts by rule.
pub fn by_rule(findings: &[Finding]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for f in findings {
        *m.entry(f.rule.clone()).or_default() += 1;
    }
    m
}

/// A table of the first `limit` findings, with a line saying how many more there are.
pub fn table(findings: &[Finding], style: Style, limit: usize) -> String {
    if findings.is_empty() {
        return "No findings.\n".to_string();
    }
    let shown = &findings[..findings.len().min(limit)];
    let mut s = rows(shown).to_table(style, Some(0));
    if findings.len() > shown.len() {
        s += &format!(
            "… and {} more findings (use -f json or -f csv for all of them)\n",
            findings.len() - shown.len()
        );
    }
    s
}
