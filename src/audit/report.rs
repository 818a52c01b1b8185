//! The audit's summary (what to fix first) and its rendering in every format.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::rules::RULES;
use crate::model::{Finding, RegionSet, Severity};
use crate::report::findings as rf;
use crate::report::table::{Rows, Style};
use crate::report::Format;
use crate::report::{junit, sarif, Envelope};

/// Counts that do not need the findings: the size of what was audited.
#[derive(Debug, Clone, Copy)]
pub struct Totals {
    pub rows: usize,
    pub regions: usize,
    pub items: usize,
    pub departments: usize,
}

#[derive(Default, Clone)]
struct Tally {
    high: usize,
    medium: usize,
    low: usize,
}

impl Tally {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::High => self.high += 1,
            Severity::Medium => self.medium += 1,
            Severity::Low => self.low += 1,
        }
    }
    fn total(&self) -> usize {
        self.high + self.medium + self.low
    }
    /// Worst first: high findings weigh most.
    fn key(&self) -> (usize, usize, usize) {
        (self.high, self.medium, self.low)
    }
}

const TOP: usize = 10;

fn worst<'a>(
    findings: &'a [Finding],
    key: impl Fn(&'a Finding) -> Option<&'a str>,
) -> Vec<(&'a str, Tally)> {
    let mut m: BTreeMap<&str, Tally> = BTreeMap::new();
    for f in findings {
        if let Some(k) = key(f) {
            m.entry(k).or_default().add(f.severity);
        }
    }
    let mut v: Vec<(&str, Tally)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.key().cmp(&a.1.key()).then(a.0.cmp(b.0)));
    v.truncate(TOP);
    v
}

pub fn summary(t: &Totals, findings: &[Finding], regions: &RegionSet) -> Value {
    let regions_v: Vec<Value> = worst(findings, |f| f.region_code.as_deref())
        .into_iter()
        .map(|(code, t)| {
            json!({
                "region_code": code,
                "name": regions.get(code).map(|r| regions.path_name(&r.code)),
                "findings": t.total(), "high": t.high, "medium": t.medium, "low": t.low,
            })
        })
        .collect();
    let depts_v: Vec<Value> = worst(findings, |f| f.department.as_deref())
        .into_iter()
        .map(|(d, t)| json!({"department": d, "findings": t.total(), "high": t.high, "medium": t.medium, "low": t.low}))
        .collect();
    json!({
        "rows": t.rows,
        "regions": t.regions,
        "items": t.items,
        "departments": t.departments,
        "findings": findings.len(),
        "by_severity": rf::by_severity(findings),
        "by_rule": rf::by_rule(findings),
        "worst_regions": regions_v,
        "worst_departments": depts_v,
    })
}

/// The report body in `format`.
pub fn render(format: Format, env: &Envelope, style: Style, file: &str) -> String {
    let findings = env.findings.as_deref().unwrap_or(&[]);
    match format {
        Format::Json => env.to_json(),
        Format::Csv => rf::to_csv(findings),
        Format::Sarif => sarif::to_sarif(RULES, findings, file),
        Format::Junit => junit::to_junit("audit", RULES, findings),
        Format::Markdown => markdown(env, findings),
        _ => table(env, findings, style),
    }
}

/// The JSON body written as it is serialised (`Envelope::to_json`, byte for byte).
pub fn write_json(env: &Envelope, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    crate::report::sanitize::write_json_pretty(&mut *w, env).map_err(std::io::Error::from)?;
    w.write_all(b"\n")
}

fn headline(env: &Envelope) -> String {
    let s = &env.summary;
    let n = |k: &str| s[k].as_u64().unwrap_or(0);
    let sev = &s["by_severity"];
    format!(
        "Audit of {}: {} rows, {} regions, {} items, {} departments. {} findings: {} high, {} medium, {} low.",
        env.inputs["catalog"].as_str().unwrap_or("the catalog"),
        n("rows"),
        n("regions"),
        n("items"),
        n("departments"),
        n("findings"),
        sev["high"].as_u64().unwrap_or(0),
        sev["medium"].as_u64().unwrap_or(0),
        sev["low"].as_u64().unwrap_or(0),
    )
}

fn worst_rows(list: &Value, key: &str, label: &str) -> Rows {
    let mut r = Rows::new([label, "high", "medium", "low", "total"]);
    for v in list.as_array().into_iter().flatten() {
        let mut who = v[key].as_str().unwrap_or("").to_string();
        if let Some(n) = v["name"].as_str() {
            who = format!("{who} {n}");
        }
        r.push([
            who,
            v["high"].to_string(),
            v["medium"].to_string(),
            v["low"].to_string(),
            v["findings"].to_string(),
        ]);
    }
    r
}

fn rule_rows(env: &Envelope) -> Rows {
    let mut r = Rows::new(["rule", "severity", "findings", "why"]);
    let by_rule = &env.summary["by_rule"];
    let mut list: Vec<_> = RULES
        .iter()
        .filter_map(|rule| by_rule[rule.id].as_u64().map(|n| (rule, n)))
        .collect();
    list.sort_by(|a, b| b.0.severity.cmp(&a.0.severity).then(b.1.cmp(&a.1)));
    for (rule, n) in list {
        r.push([
            rule.id.to_string(),
            rule.severity.to_string(),
            n.to_string(),
            rule.title.to_string(),
        ]);
    }
    r
}

const SHOWN: usize = 25;

fn table(env: &Envelope, findings: &[Finding], style: Style) -> String {
    let mut s = crate::report::sanitize::terminal(&headline(env)).into_owned() + "\n";
    if findings.is_empty() {
        return s + "No findings.\n";
    }
    s += "\nFix first: the regions with the most serious findings\n";
    s += &worst_rows(&env.summary["worst_regions"], "region_code", "region").to_table(style, None);
    if env.summary["worst_departments"]
        .as_array()
        .is_some_and(|a| !a.is_empty())
    {
        s += "\nDepartments with the most findings\n";
        s += &worst_rows(
            &env.summary["worst_departments"],
            "department",
            "department",
        )
        .to_table(style, None);
    }
    s += "\nFindings by rule\n";
    s += &rule_rows(env).to_table(style, Some(1));
    s += &format!(
        "\nTop findings (worst first, {} of {})\n",
        findings.len().min(SHOWN),
        findings.len()
    );
    s += &top_rows(findings, SHOWN).to_table(style, Some(0));
    if findings.len() > SHOWN {
        s += &format!(
            "… and {} more findings (-f json or -f csv lists them all)\n",
            findings.len() - SHOWN
        );
    }
    s
}

/// The first findings, messages shortened to keep a terminal table readable (the full text is
/// in json and csv).
fn top_rows(findings: &[Finding], n: usize) -> Rows {
    const WIDTH: usize = 110;
    let mut r = Rows::new(["severity", "rule", "region", "item", "message", "at"]);
    for f in &findings[..findings.len().min(n)] {
        let mut msg = String::new();
        let mut w = 0;
        for c in f.message.chars() {
            w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w > WIDTH {
                msg.push('…');
                break;
            }
            msg.push(c);
        }
        let at = f.location.as_ref().map_or(String::new(), |l| {
            let file = l.file.rsplit(['/', '\\']).next().unwrap_or(&l.file);
            l.line.map_or(file.to_string(), |n| format!("{file}:{n}"))
        });
        r.push([
            f.severity.to_string(),
            f.rule.clone(),
            f.region_code.clone().unwrap_or_default(),
            f.item_code.clone().unwrap_or_default(),
            msg,
            at,
        ]);
    }
    r
}

fn markdown(env: &Envelope, findings: &[Finding]) -> String {
    let mut s = format!(
        "# govops audit\n\n{}\n",
        crate::report::sanitize::markdown(&headline(env))
    );
    if findings.is_empty() {
        return s + "\nNo findings.\n";
    }
    s += "\n## Fix first: worst regions\n\n";
    s += &worst_rows(&env.summary["worst_regions"], "region_code", "region").to_markdown();
    if env.summary["worst_departments"]
        .as_array()
        .is_some_and(|a| !a.is_empty())
    {
        s += "\n## Worst departments\n\n";
        s += &worst_rows(
            &env.summary["worst_departments"],
            "department",
            "department",
        )
        .to_markdown();
    }
    s += "\n## Findings by rule\n\n";
    s += &rule_rows(env).to_markdown();
    s += &format!(
        "\n## Top findings ({} of {})\n\n",
        findings.len().min(SHOWN * 4),
        findings.len()
    );
    s += &rf::rows(&findings[..findings.len().min(SHOWN * 4)]).to_markdown();
    s
}
