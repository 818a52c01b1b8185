//! The audit's summary (what to fix first) and its rendering in every format.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::rules::RULES;
use crate::model::{Finding, RegionSet, Severity};
use crate::report::findings as rf;
use crate::report::i18n::{self, t};
use crate::report::table::{Kind, Rows, Style};
use crate::report::Format;
use crate::report::{junit, sarif, Envelope};
use crate::tr;

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
        Format::Html => html(env, findings),
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
    let catalog = env.inputs["catalog"]
        .as_str()
        .map_or_else(|| tr!("audit-the-catalog"), rf::shown_path);
    tr!(
        "audit-headline",
        catalog = catalog,
        rows = n("rows"),
        regions = n("regions"),
        items = n("items"),
        departments = n("departments"),
        findings = n("findings"),
        high = sev["high"].as_u64().unwrap_or(0),
        medium = sev["medium"].as_u64().unwrap_or(0),
        low = sev["low"].as_u64().unwrap_or(0),
    )
}

fn worst_rows(list: &Value, key: &str, label: &str) -> Rows {
    let mut r = Rows::new([
        t(label),
        t("col-high"),
        t("col-medium"),
        t("col-low"),
        t("col-total"),
    ])
    .kinds(&[
        Kind::Name,
        Kind::Fixed,
        Kind::Fixed,
        Kind::Fixed,
        Kind::Fixed,
    ]);
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
    let mut r = Rows::new([
        t("col-rule"),
        t("col-severity"),
        t("col-findings"),
        t("col-why"),
    ])
    .kinds(&[Kind::Fixed, Kind::Fixed, Kind::Fixed, Kind::Text])
    .priority(&[0, 2, 1, 3]);
    let by_rule = &env.summary["by_rule"];
    let mut list: Vec<_> = RULES
        .iter()
        .filter_map(|rule| by_rule[rule.id].as_u64().map(|n| (rule, n)))
        .collect();
    list.sort_by(|a, b| b.0.severity.cmp(&a.0.severity).then(b.1.cmp(&a.1)));
    for (rule, n) in list {
        r.push([
            rule.id.to_string(),
            i18n::severity(rule.severity),
            n.to_string(),
            i18n::rule_text(rule.id, "title", rule.title),
        ]);
    }
    r
}

const SHOWN: usize = 25;

fn table(env: &Envelope, findings: &[Finding], style: Style) -> String {
    let mut s = crate::report::table::wrap(
        &crate::report::sanitize::terminal(&headline(env)),
        style.width(),
    ) + "\n";
    if findings.is_empty() {
        return s + &t("no-findings") + "\n";
    }
    s += &format!("\n{}\n", t("audit-fix-first"));
    s += &worst_rows(&env.summary["worst_regions"], "region_code", "col-region")
        .to_table(style, None);
    if env.summary["worst_departments"]
        .as_array()
        .is_some_and(|a| !a.is_empty())
    {
        s += &format!("\n{}\n", t("audit-worst-departments"));
        s += &worst_rows(
            &env.summary["worst_departments"],
            "department",
            "col-department",
        )
        .to_table(style, None);
    }
    s += &format!("\n{}\n", t("audit-by-rule"));
    s += &rule_rows(env).to_table(style, Some(1));
    s += &format!(
        "\n{}\n",
        tr!(
            "audit-top-findings",
            shown = findings.len().min(SHOWN),
            total = findings.len()
        )
    );
    s += &top_rows(findings, SHOWN).to_table(style, Some(0));
    if findings.len() > SHOWN {
        s += &tr!("findings-more", n = findings.len() - SHOWN);
        s.push('\n');
    }
    s
}

/// The first findings (the full text is in json and csv).
fn top_rows(findings: &[Finding], n: usize) -> Rows {
    let mut r = Rows::new([
        t("col-severity"),
        t("col-rule"),
        t("col-region"),
        t("col-item"),
        t("col-message"),
        t("col-at"),
    ])
    .kinds(&[
        Kind::Fixed,
        Kind::Fixed,
        Kind::Fixed,
        Kind::Fixed,
        Kind::Text,
        Kind::Fixed,
    ])
    .priority(&[0, 1, 3, 4, 2, 5]);
    for f in &findings[..findings.len().min(n)] {
        let at = f.location.as_ref().map_or(String::new(), |l| {
            let file = l.file.rsplit(['/', '\\']).next().unwrap_or(&l.file);
            l.line.map_or(file.to_string(), |n| format!("{file}:{n}"))
        });
        r.push([
            i18n::severity(f.severity),
            f.rule.clone(),
            f.region_code.clone().unwrap_or_default(),
            f.item_code.clone().unwrap_or_default(),
            rf::message(f),
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
        return s + "\n" + &t("no-findings") + "\n";
    }
    s += &format!("\n## {}\n\n", t("audit-fix-first"));
    s += &worst_rows(&env.summary["worst_regions"], "region_code", "col-region").to_markdown();
    if env.summary["worst_departments"]
        .as_array()
        .is_some_and(|a| !a.is_empty())
    {
        s += &format!("\n## {}\n\n", t("audit-worst-departments"));
        s += &worst_rows(
            &env.summary["worst_departments"],
            "department",
            "col-department",
        )
        .to_markdown();
    }
    s += &format!("\n## {}\n\n", t("audit-by-rule"));
    s += &rule_rows(env).to_markdown();
    s += &format!(
        "\n## {}\n\n",
        tr!(
            "audit-top-findings",
            shown = findings.len().min(SHOWN * 4),
            total = findings.len()
        )
    );
    s += &rf::rows(&findings[..findings.len().min(SHOWN * 4)]).to_markdown();
    s
}

/// One self-contained page: headline, figures, the worst regions as a chart, the rule table
/// and the top findings.
fn html(env: &Envelope, findings: &[Finding]) -> String {
    use crate::report::html::{self as h, Page};
    let s = &env.summary;
    let n = |k: &str| s[k].as_u64().unwrap_or(0);
    let sev = &s["by_severity"];
    let mut p = Page::new(&t("audit-title"));
    p.lead(&headline(env));
    p.figures(&[
        (t("fig-rows"), n("rows").to_string()),
        (t("fig-regions"), n("regions").to_string()),
        (t("fig-items"), n("items").to_string()),
        (t("fig-findings"), n("findings").to_string()),
        (t("col-high"), sev["high"].as_u64().unwrap_or(0).to_string()),
        (
            t("col-medium"),
            sev["medium"].as_u64().unwrap_or(0).to_string(),
        ),
    ]);
    if findings.is_empty() {
        p.para(&t("no-findings"));
        return p.finish();
    }
    let bars: Vec<(String, f64)> = s["worst_regions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| {
            let who = match v["name"].as_str() {
                Some(n) => n.to_string(),
                None => v["region_code"].as_str().unwrap_or("").to_string(),
            };
            (who, v["findings"].as_f64().unwrap_or(0.0))
        })
        .collect();
    p.heading(&t("audit-fix-first"));
    p.raw(&h::bar_chart(&bars, &t("fig-findings"), 10));
    p.table(&worst_rows(
        &s["worst_regions"],
        "region_code",
        "col-region",
    ));
    if s["worst_departments"]
        .as_array()
        .is_some_and(|a| !a.is_empty())
    {
        p.heading(&t("audit-worst-departments"));
        p.table(&worst_rows(
            &s["worst_departments"],
            "department",
            "col-department",
        ));
    }
    p.heading(&t("audit-by-rule"));
    p.table(&rule_rows(env));
    p.heading(&tr!(
        "audit-top-findings",
        shown = findings.len().min(SHOWN * 4),
        total = findings.len()
    ));
    p.table(&top_rows(findings, SHOWN * 4));
    if findings.len() > SHOWN * 4 {
        p.para(&tr!("findings-more", n = findings.len() - SHOWN * 4));
    }
    p.finish()
}
