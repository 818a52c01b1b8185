//! Findings as a table, CSV or Markdown, shared by every command that judges.

use std::collections::BTreeMap;

use super::i18n::{self, t};
use super::table::{Kind, Rows, Style};
use crate::model::Finding;

/// One row per finding: severity, rule, region, item, message, records, location.
pub fn rows(findings: &[Finding]) -> Rows {
    let mut r = Rows::new([
        t("col-severity"),
        t("col-rule"),
        t("col-region"),
        t("col-item"),
        t("col-message"),
        t("col-records"),
        t("col-location"),
    ])
    .kinds(&[
        Kind::Fixed,
        Kind::Fixed,
        Kind::Fixed,
        Kind::Fixed,
        Kind::Text,
        Kind::Fixed,
        Kind::Fixed,
    ])
    .priority(&[0, 1, 3, 4, 2, 6, 5]);
    for f in findings {
        r.push([
            i18n::severity(f.severity),
            f.rule.clone(),
            f.region_code.clone().unwrap_or_default(),
            f.item_code.clone().unwrap_or_default(),
            message(f),
            f.records.join(";"),
            f.location
                .as_ref()
                .map(|l| {
                    let file = shown_path(&l.file);
                    match l.line {
                        Some(n) => format!("{file}:{n}"),
                        None => file,
                    }
                })
                .unwrap_or_default(),
        ]);
    }
    r
}

/// A file as people should see it: the user's paths as given, but only the file name of
/// govops' own cache (the built-in demo's files), whose directory means nothing to the reader.
pub fn shown_path(file: &str) -> String {
    let p = std::path::Path::new(file);
    let internal = dirs::cache_dir()
        .map(|c| c.join("govops"))
        .is_some_and(|d| p.starts_with(&d));
    match (internal, p.file_name()) {
        (true, Some(name)) => name.to_string_lossy().into_owned(),
        _ => file.to_string(),
    }
}

/// A finding's message as people read it. In English, the message the check wrote; in
/// Chinese, the rule's Chinese title first, then the check's particulars (names, codes,
/// figures) as they were written.
pub fn message(f: &Finding) -> String {
    if i18n::current() == i18n::Lang::En {
        return f.message.clone();
    }
    match crate::rules::get(&f.rule) {
        Some(rule) => format!(
            "{}：{}",
            i18n::rule_text(rule.id, "title", rule.title),
            f.message
        ),
        None => f.message.clone(),
    }
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
            message(f),
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
        return t("no-findings") + "\n";
    }
    let shown = &findings[..findings.len().min(limit)];
    let mut s = rows(shown).to_table(style, Some(0));
    if findings.len() > shown.len() {
        s += &crate::tr!("findings-more", n = findings.len() - shown.len());
        s.push('\n');
    }
    s
}
