//! The check summary in every format.

use serde_json::{json, Map, Value};

use super::super::context::Ctx;
use super::{Area, AreaReport};
use crate::error::Result;
use crate::model::{finding, FailOn, Finding};
use crate::report::i18n::{self, t};
use crate::report::table::{Kind, Rows};
use crate::report::Format;
use crate::report::{findings, junit, sarif, Envelope};
use crate::rules::RuleInfo;
use crate::tr;

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

/// The four areas `check` knows, in report order.
const AREAS: &[&str] = &["audit", "sharing", "balance", "monitor"];

/// The areas the profile does not configure: reported as SKIPPED, never as PASS, and never
/// failing the gate.
fn skipped(areas: &[Area]) -> Vec<&'static str> {
    AREAS
        .iter()
        .copied()
        .filter(|n| !areas.iter().any(|a| a.name == *n))
        .collect()
}

fn area_label(name: &str) -> String {
    t(&format!("area-{name}"))
}

/// An area's status as a stable word (`pass`, `fail`, `skipped`) and as people read it.
fn status(a: &Area) -> (&'static str, String) {
    if a.fails() {
        ("fail", t("status-fail"))
    } else {
        ("pass", t("status-pass"))
    }
}

/// The handful of figures a person needs to judge an area, as (label, value).
fn key_figures(a: &Area) -> Vec<(String, String)> {
    let s = a.summary();
    let int = |v: &Value| {
        v.as_u64()
            .map_or_else(|| "–".to_string(), |n| n.to_string())
    };
    let counts = findings::by_severity(a.findings());
    let sev = || {
        tr!(
            "check-fig-findings-value",
            total = a.findings().len(),
            high = counts["high"],
            medium = counts["medium"],
            low = counts["low"]
        )
    };
    match &a.report {
        AreaReport::Audit(_) => vec![
            (t("fig-rows"), int(&s["rows"])),
            (t("fig-regions"), int(&s["regions"])),
            (t("fig-findings"), sev()),
        ],
        AreaReport::Sharing(_) => {
            let mut v = vec![
                (t("fig-interfaces"), int(&s["interfaces"])),
                (
                    t("fig-silos"),
                    s["by_rule"]["sharing.silo"]
                        .as_u64()
                        .unwrap_or(0)
                        .to_string(),
                ),
            ];
            if let Some(by_law) = s["graph"]["not_shared_by_law"]
                .as_array()
                .filter(|a| !a.is_empty())
            {
                v.push((t("fig-not-shared-by-law"), by_law.len().to_string()));
            }
            if let (Some(ok), Some(n)) = (
                s["probes"]["available"].as_u64(),
                s["probes"]["probed"].as_u64(),
            ) {
                v.push((t("fig-available"), format!("{ok}/{n}")));
            }
            v.push((t("fig-findings"), sev()));
            v
        }
        AreaReport::Monitor(..) => vec![
            (t("fig-cases-submitted"), int(&s["cases"]["submitted"])),
            (t("fig-cases-overdue"), int(&s["cases"]["overdue"])),
            (
                t("fig-bad-ratings"),
                format!(
                    "{} / {}",
                    int(&s["satisfaction"]["bad"]),
                    int(&s["satisfaction"]["ratings"])
                ),
            ),
            (
                t("fig-rectification-overdue"),
                int(&s["reviews"]["overdue"]),
            ),
            (t("fig-findings"), sev()),
        ],
        AreaReport::Balance(..) => {
            let mut v = vec![(t("fig-regions"), int(&s["regions"]))];
            if let Some(g) = s["index"]["gini"].as_f64() {
                v.push((t("fig-gini"), format!("{g:.3}")));
            }
            v.push((t("fig-laggards"), int(&s["laggards"])));
            if let Some(w) = s["worst"]["name"].as_str() {
                v.push((t("fig-lowest"), w.to_string()));
            }
            v
        }
    }
}

/// What to do next about an area, in one sentence.
fn next_action(a: &Area) -> String {
    let failing: Vec<&Finding> = a
        .findings()
        .iter()
        .filter(|f| f.severity.fails(a.fail_on))
        .collect();
    if let Some(worst) = failing.first() {
        let same = failing.iter().filter(|f| f.rule == worst.rule).count();
        let title = crate::rules::get(&worst.rule).map_or_else(
            || worst.rule.clone(),
            |r| i18n::rule_text(r.id, "title", r.title),
        );
        return tr!("check-next-fix", n = same, title = title, command = a.name);
    }
    match &a.report {
        AreaReport::Balance(..) => {
            let s = a.summary();
            match (s["laggards"].as_u64(), s["worst"]["name"].as_str()) {
                (Some(n), Some(w)) if n > 0 => {
                    tr!("check-next-laggards", n = n, worst = w, command = a.name)
                }
                _ => t("check-next-none"),
            }
        }
        _ if a.findings().is_empty() => t("check-next-none"),
        _ => tr!("check-next-below", n = a.findings().len(), command = a.name),
    }
}

fn skip_action(name: &str) -> String {
    t(&format!("check-skip-{name}"))
}

/// The verdict line.
fn verdict(areas: &[Area], code: u8) -> String {
    let gate = gate(areas);
    if code == 0 {
        tr!("check-verdict-pass", gate = gate)
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
        tr!("check-verdict-fail", n = failing, gate = gate)
    }
}

fn profile_label(ctx: &Ctx) -> String {
    match &ctx.origin {
        crate::profile::ProfileOrigin::BuiltinDemo => t("profile-builtin-demo"),
        other => other.to_string(),
    }
}

pub fn render(ctx: &Ctx, format: Format, areas: &[Area], code: u8) -> Result<String> {
    let mut all: Vec<Finding> = areas.iter().flat_map(|a| a.findings().to_vec()).collect();
    finding::sort(&mut all);
    let all = &all[..];
    let gate = gate(areas);
    let verdict = verdict(areas, code);
    Ok(match format {
        Format::Json => {
            let mut per_area = Map::new();
            let mut reports = Map::new();
            for a in areas {
                per_area.insert(
                    a.name.to_string(),
                    json!({
                        "status": status(a).0,
                        "findings": findings::by_severity(a.findings()),
                        "fail_on": a.fail_on.as_str(),
                        "pass": !a.fails(),
                        "next": next_action(a),
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
                    "message": verdict,
                    "fail_on": gate,
                    "findings": findings::by_severity(all),
                    "areas": per_area,
                    "skipped": skipped(areas),
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
        Format::Markdown => markdown(ctx, areas, &verdict),
        Format::Html => html(ctx, areas, &verdict, code),
        _ => table(ctx, areas, &verdict, all),
    })
}

/// The summary rows: one per area, configured or not.
fn summary_rows(areas: &[Area]) -> Rows {
    let mut rows = Rows::new([
        t("col-area"),
        t("col-status"),
        t("col-key-figures"),
        t("col-next"),
    ])
    .kinds(&[Kind::Fixed, Kind::Fixed, Kind::Text, Kind::Text]);
    for name in AREAS {
        match areas.iter().find(|a| a.name == *name) {
            Some(a) => {
                let figs: Vec<String> = key_figures(a)
                    .into_iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect();
                rows.push([
                    area_label(name),
                    status(a).1,
                    figs.join(" · "),
                    next_action(a),
                ]);
            }
            None => rows.push([
                area_label(name),
                t("status-skipped"),
                t("check-not-configured"),
                skip_action(name),
            ]),
        }
    }
    rows
}

/// One line per area: its name, status and key figures, then `→` and the next step, each
/// wrapped under itself to the terminal's width.
fn table(ctx: &Ctx, areas: &[Area], verdict: &str, all: &[Finding]) -> String {
    use crate::report::table::{width, wrap};
    let style = ctx.style();
    let total = style.width();
    let mut s = wrap(&tr!("check-heading", profile = profile_label(ctx)), total);
    s += "\n\n";
    let rows = summary_rows(areas);
    let name_w = rows.rows.iter().map(|r| width(&r[0])).max().unwrap_or(0);
    let status_w = rows.rows.iter().map(|r| width(&r[1])).max().unwrap_or(0);
    let indent = name_w + status_w + 4;
    let hang = |text: &str, first: String| -> String {
        let room = total.saturating_sub(indent).max(20);
        let mut out = String::new();
        for (i, line) in wrap(text, room).lines().enumerate() {
            if i == 0 {
                out += &first;
            } else {
                out += &" ".repeat(indent);
            }
            out += line;
            out.push('\n');
        }
        out
    };
    let pad = |v: &str, w: usize| format!("{v}{}", " ".repeat(w.saturating_sub(width(v))));
    for (i, r) in rows.rows.iter().enumerate() {
        let name = crate::report::sanitize::terminal(&r[0]).into_owned();
        let mut status = pad(&r[1], status_w);
        if style.color {
            let code = match areas.iter().find(|a| a.name == AREAS[i]) {
                Some(a) if a.fails() => "31;1",
                Some(_) => "32;1",
                None => "2",
            };
            status = format!("\x1b[{code}m{status}\x1b[0m");
        }
        let figures = crate::report::sanitize::terminal(&r[2]).into_owned();
        let next = crate::report::sanitize::terminal(&r[3]).into_owned();
        s += &hang(&figures, format!("{}  {status}  ", pad(&name, name_w)));
        s += &hang(&format!("→ {next}"), " ".repeat(indent));
    }
    let failing: Vec<Finding> = areas
        .iter()
        .flat_map(|a| {
            a.findings()
                .iter()
                .filter(|f| f.severity.fails(a.fail_on))
                .cloned()
        })
        .collect();
    let worst = if failing.is_empty() { all } else { &failing };
    if !worst.is_empty() {
        s += &format!("\n{}\n", t("check-worst"));
        s += &findings::table(worst, style, 5);
    }
    s.push('\n');
    s += &wrap(verdict, total);
    s.push('\n');
    s
}

fn markdown(ctx: &Ctx, areas: &[Area], verdict: &str) -> String {
    let mut s = format!(
        "# govops check\n\n{}\n\n",
        crate::report::sanitize::markdown(&tr!("check-heading", profile = profile_label(ctx)))
    );
    s += &summary_rows(areas).to_markdown();
    s.push('\n');
    for a in areas {
        s += &format!(
            "## {}\n\n",
            crate::report::sanitize::markdown(&area_label(a.name))
        );
        let mut h = Rows::new([t("col-figure"), t("col-value")]);
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
    s += &format!("**{}**\n", crate::report::sanitize::markdown(verdict));
    s
}

/// The dashboard: one card per area (status, key figures, next step), then the worst
/// findings.
fn html(ctx: &Ctx, areas: &[Area], verdict: &str, code: u8) -> String {
    use crate::report::html::{self as h, Page};
    let mut p = Page::new(&t("check-title"));
    p.lead(&tr!("check-heading", profile = profile_label(ctx)));
    let mut cards = String::from("<div class=\"cards\">");
    for name in AREAS {
        cards += &match areas.iter().find(|a| a.name == *name) {
            Some(a) => {
                let (st, text) = status(a);
                h::card(
                    &area_label(name),
                    st,
                    &text,
                    &key_figures(a),
                    &next_action(a),
                )
            }
            None => h::card(
                &area_label(name),
                "skip",
                &t("status-skipped"),
                &[(t("col-status"), t("check-not-configured"))],
                &skip_action(name),
            ),
        };
    }
    cards += "</div>\n";
    p.raw(&cards);
    p.heading(&t("check-verdict"));
    p.raw(&h::card(
        &t("check-verdict"),
        if code == 0 { "pass" } else { "fail" },
        &if code == 0 {
            t("status-pass")
        } else {
            t("status-fail")
        },
        &[],
        verdict,
    ));
    for a in areas.iter().filter(|a| !a.findings().is_empty()) {
        p.heading(&tr!("check-worst-of", area = area_label(a.name)));
        let worst: Vec<Finding> = a.findings().iter().take(10).cloned().collect();
        p.table(&findings::rows(&worst));
        if a.findings().len() > worst.len() {
            p.note(&tr!("findings-more", n = a.findings().len() - worst.len()));
        }
    }
    p.finish()
}
