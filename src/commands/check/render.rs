//! The check summary in every format.

use serde_json::{json, Map, Value};

use super::super::context::Ctx;
use super::Area;
use crate::error::Result;
use crate::model::{finding, FailOn, Finding};
use crate::report::table::Rows;
use crate::report::Format;
use crate::report::{findings, junit, sarif, Envelope};
use crate::rules::RuleInfo;

/// The headline figures of an area: the scalar values of its summary, and of the objects one
/// level down (`graph.density`), in order.
fn headline(area: &Area) -> Vec<(String, String)> {
    fn scalar(v: &Value) -> Option<String> {
        match v {
            // Four decimals are plenty for a headline; the JSON keeps full precision.
            Value::Number(n) => Some(match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => i.to_string(),
                (None, Some(f)) => {
                    let s = format!("{f:.4}");
                    s.trim_end_matches('0').trim_end_matches('.').to_string()
                }
                _ => n.to_string(),
            }),
            Value::String(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
    let Value::Object(summary) = area.summary() else {
        return Vec::new();
    };
    // Counts by severity are in the area's heading already; counts by rule are in its table.
    const SKIP: &[&str] = &["by_rule", "by_severity", "findings", "fail_on"];
    let mut out = Vec::new();
    for (k, v) in summary
        .into_iter()
        .filter(|(k, _)| !SKIP.contains(&k.as_str()))
    {
        match v {
            Value::Object(inner) => out.extend(
                inner
                    .iter()
                    .filter_map(|(k2, v2)| Some((format!("{k}.{k2}"), scalar(v2)?))),
            ),
            v => out.extend(scalar(&v).map(|s| (k.clone(), s))),
        }
    }
    out.truncate(16);
    out
}

/// The rule tables of the areas that judge (balance reports, it does not judge).
fn rules_of(area: &str) -> &'static [RuleInfo] {
    crate::rules::Area::from_command(area).map_or(&[], crate::rules::of_command)
}

/// Every rule of the areas that ran, for SARIF's rule metadata.
fn all_rules(areas: &[Area]) -> Vec<RuleInfo> {
    areas
        .iter()
        .flat_map(|a| rules_of(a.name).iter().copied())
        .collect()
}

/// The gate as people read it: one level when every judging area shares it, else each.
fn gate(areas: &[Area]) -> String {
    let judged: Vec<&Area> = areas
        .iter()
        .filter(|a| !rules_of(a.name).is_empty())
        .collect();
    match judged.first() {
        Some(first) if judged.iter().any(|a| a.fail_on != first.fail_on) => judged
            .iter()
            .map(|a| format!("{} {}", a.name, a.fail_on.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
        Some(first) => first.fail_on.as_str().to_string(),
        None => FailOn::High.as_str().to_string(),
    }
}

pub fn render(ctx: &Ctx, format: Format, areas: &[Area], code: u8) -> Result<String> {
    let mut all: Vec<Finding> = areas.iter().flat_map(|a| a.findings().to_vec()).collect();
    finding::sort(&mut all);
    let all = &all[..];
    let gate = gate(areas);
    let verdict = if code == 0 {
        format!("PASS: no finding at or above --fail-on {gate}")
    } else {
        let failing: usize = areas
            .iter()
            .map(|a| {
                a.findings()
                    .iter()
                    .filter(|f| f.severity.fails(a.fail_on))
                    .count()
            })
            .sum();
        format!("FAIL: {failing} finding(s) at or above --fail-on {gate}")
    };
    Ok(match format {
        Format::Json => {
            let mut per_area = Map::new();
            let mut reports = Map::new();
            for a in areas {
                per_area.insert(
                    a.name.to_string(),
                    json!({
                        "findings": findings::by_severity(a.findings()),
                        "fail_on": a.fail_on.as_str(),
                        "pass": !a.fails(),
                        "summary": a.summary(),
                    }),
                );
                reports.insert(a.name.to_string(), a.envelope());
            }
            Envelope::new(
                "check",
                json!({ "profile": ctx.origin.to_string() }),
                json!({
                    "verdict": if code == 0 { "pass" } else { "fail" },
                    "fail_on": gate,
                    "findings": findings::by_severity(all),
                    "areas": per_area,
                }),
            )
            .findings(all.to_vec())
            .section("reports", Value::Object(reports))
            .to_json()
        }
        Format::Sarif => sarif::to_sarif(&all_rules(areas), all, "govops-profile"),
        Format::Junit => {
            let suites: Vec<junit::Suite> = areas
                .iter()
                .map(|a| junit::Suite {
                    name: a.name,
                    rules: rules_of(a.name),
                    findings: a.findings(),
                })
                .collect();
            junit::to_junit_suites("govops check", &suites)
        }
        Format::Csv => findings::to_csv(all),
        Format::Markdown => markdown(areas, &verdict),
        _ => table(ctx, areas, &verdict),
    })
}

fn table(ctx: &Ctx, areas: &[Area], verdict: &str) -> String {
    let style = ctx.style();
    let mut s = String::new();
    for a in areas {
        let counts = findings::by_severity(a.findings());
        s += &format!(
            "== {}: {} high, {} medium, {} low\n",
            a.name, counts["high"], counts["medium"], counts["low"]
        );
        let mut h = Rows::new(["figure", "value"]);
        for (k, v) in headline(a) {
            h.push([k, v]);
        }
        if !h.is_empty() {
            s += &h.to_table(style, None);
        }
        if !a.findings().is_empty() {
            s += "worst findings:\n";
            s += &findings::table(a.findings(), style, 5);
        }
        s.push('\n');
    }
    s += verdict;
    s.push('\n');
    s
}

fn markdown(areas: &[Area], verdict: &str) -> String {
    let mut s = String::from("# govops check\n\n");
    for a in areas {
        let counts = findings::by_severity(a.findings());
        s += &format!(
            "## {}\n\n{} high, {} medium, {} low\n\n",
            a.name, counts["high"], counts["medium"], counts["low"]
        );
        let mut h = Rows::new(["figure", "value"]);
        for (k, v) in headline(a) {
            h.push([k, v]);
        }
        if !h.is_empty() {
            s += &h.to_markdown();
            s.push('\n');
        }
        let worst: Vec<Finding> = a.findings().iter().take(5).cloned().collect();
        if !worst.is_empty() {
            s += &findings::rows(&worst).to_markdown();
            s.push('\n');
        }
    }
    s += &format!("**{verdict}**\n");
    s
}
