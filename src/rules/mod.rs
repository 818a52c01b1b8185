//! The one rule registry: every rule any command judges by — its stable id, area, severity,
//! title, explanation, remedy and an example.
//!
//! Everything that describes a rule comes from here: `--list-rules` (table, JSON, CSV,
//! Markdown), `--explain RULE`, SARIF's `tool.driver.rules[]`, JUnit's test cases, and the
//! generated rule tables in `commands/audit.md` and `commands/sharing.md`
//! (`tests/it/rules.rs` fails when they differ, and when a rule is emitted in `src/` but missing
//! here, or registered here but emitted nowhere).

pub mod ids;
mod registry;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::Severity;
use crate::report::table::{Rows, Style};
use crate::report::Format;

/// The command whose rules these are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// `govops audit`: service catalogs.
    Audit,
    /// Rules about the inputs themselves, judged by every command that reads a catalog or a
    /// registry (`audit`, `sharing`, `check`), and listed with each of them. In the registry
    /// they sit between audit's and sharing's, so that each command's rules are one slice.
    Input,
    /// `govops sharing`: data-sharing interfaces.
    Sharing,
    /// `govops monitor` (judged by `check`): cases, time limits and 好差评.
    Monitor,
}

impl Area {
    /// The areas that are commands (each judges its own rules and the input rules).
    pub const ALL: [Area; 3] = [Area::Audit, Area::Sharing, Area::Monitor];

    /// The area's name: the command for `audit` and `sharing`; `input` for the input rules.
    pub const fn as_str(self) -> &'static str {
        match self {
            Area::Audit => "audit",
            Area::Input => "input",
            Area::Sharing => "sharing",
            Area::Monitor => "monitor",
        }
    }

    /// The area of a command name (`audit`, `sharing`); `None` for commands that do not judge.
    pub fn from_command(name: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

impl std::fmt::Display for Area {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule: everything any output says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Stable dotted id, e.g. `duplicate.near_name` (a public interface: never renamed).
    pub id: &'static str,
    pub area: Area,
    /// The default severity of its findings (also a public interface).
    pub severity: Severity,
    /// One line: what is wrong.
    pub title: &'static str,
    /// A paragraph: what exactly fires the rule, and why it matters.
    pub explanation: &'static str,
    /// What to do about a finding.
    pub remedy: &'static str,
    /// A few lines of input that trigger it.
    pub example: &'static str,
}

/// Every rule, grouped by area (audit first), in the order reports list them.
pub fn all() -> &'static [RuleInfo] {
    registry::RULES
}

/// Where the rules of `area` start and end in the registry.
const fn bounds(area: Area) -> (usize, usize) {
    let all = registry::RULES;
    let mut start = 0;
    while start < all.len() && all[start].area as u8 != area as u8 {
        start += 1;
    }
    let mut end = start;
    while end < all.len() && all[end].area as u8 == area as u8 {
        end += 1;
    }
    (start, end)
}

const fn slice(start: usize, end: usize) -> &'static [RuleInfo] {
    let (head, _) = registry::RULES.split_at(end);
    let (_, rules) = head.split_at(start);
    rules
}

/// The rules of one area, in order.
pub const fn of(area: Area) -> &'static [RuleInfo] {
    let (start, end) = bounds(area);
    slice(start, end)
}

/// The rules a command judges by, in report order: its area's and the input rules
/// (`audit`: audit's then input's; `sharing`: input's then sharing's).
pub const fn of_command(area: Area) -> &'static [RuleInfo] {
    let (a, b) = bounds(area);
    let (ia, ib) = bounds(Area::Input);
    match area {
        Area::Audit => slice(a, ib),
        Area::Sharing => slice(ia, b),
        Area::Input | Area::Monitor => slice(a, b),
    }
}

/// The rules of command `area`, or every rule.
fn scope(area: Option<Area>) -> &'static [RuleInfo] {
    area.map_or(all(), of_command)
}

/// The rule with exactly this id, if any.
pub fn get(id: &str) -> Option<&'static RuleInfo> {
    all().iter().find(|r| r.id == id)
}

/// The default severity of a rule (`Low` for an id the registry does not know, which
/// `tests/it/rules.rs` rules out for every id emitted in `src/`).
pub fn severity(id: &str) -> Severity {
    get(id).map_or(Severity::Low, |r| r.severity)
}

/// The rule with this id, among every rule, or a usage error with a did-you-mean.
pub fn lookup(id: &str) -> Result<&'static RuleInfo> {
    lookup_in(None, id)
}

/// The rule with this id among the rules of `area` (all when `None`), or a usage error with a
/// did-you-mean that names the `--list-rules` to run.
pub fn lookup_in(area: Option<Area>, id: &str) -> Result<&'static RuleInfo> {
    let rules = scope(area);
    if let Some(r) = rules.iter().find(|r| r.id == id.trim()) {
        return Ok(r);
    }
    let best = rules
        .iter()
        .map(|r| (strsim::jaro_winkler(r.id, id.trim()), r))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.7)
        .map(|(_, r)| r);
    let hint = best.map_or(String::new(), |r| format!("; did you mean `{}`?", r.id));
    let what = area.map_or("rule".to_string(), |a| format!("{a} rule"));
    let listed = match area.or(best.map(|r| r.area)) {
        Some(a) => format!("govops {a} --list-rules lists them"),
        None => "govops audit --list-rules and govops sharing --list-rules list them".to_string(),
    };
    Err(Error::usage(format!(
        "no {what} `{}`{hint} ({listed})",
        crate::report::sanitize::terminal(id)
    )))
}

/// What a user means by `RULE` in `--explain RULE`: the id, or the one rule whose id ends in
/// `.RULE` (`silo` for `sharing.silo`); else the error of [`lookup`].
pub fn resolve(id: &str) -> Result<&'static RuleInfo> {
    let wanted = id.trim();
    let mut short = all()
        .iter()
        .filter(|r| r.id.split_once('.').is_some_and(|(_, rest)| rest == wanted));
    match (short.next(), short.next()) {
        (Some(r), None) if get(wanted).is_none() => Ok(r),
        _ => lookup(id),
    }
}

/// The formats `--list-rules` writes.
pub const LIST_FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Csv, Format::Markdown];

/// `--list-rules`: the rules of `area` (every rule when `None`) as a table, JSON, CSV or
/// Markdown. JSON and CSV carry every field; the table and Markdown what fits a screen.
pub fn list(area: Option<Area>, format: Format, style: Style) -> String {
    let rules = scope(area);
    match format {
        Format::Json => {
            let mut s = crate::report::sanitize::json_pretty(rules).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Csv => {
            let mut rows = Rows::new([
                "rule",
                "area",
                "severity",
                "title",
                "explanation",
                "remedy",
                "example",
            ]);
            for r in rules {
                rows.push([
                    r.id,
                    r.area.as_str(),
                    r.severity.as_str(),
                    r.title,
                    r.explanation,
                    r.remedy,
                    r.example,
                ]);
            }
            rows.to_csv()
        }
        Format::Markdown => markdown(area),
        _ => {
            let mut rows = match area {
                Some(_) => Rows::new(["rule", "severity", "title"]),
                None => Rows::new(["rule", "area", "severity", "title"]),
            };
            for r in rules {
                match area {
                    Some(_) => rows.push([r.id, r.severity.as_str(), r.title]),
                    None => rows.push([r.id, r.area.as_str(), r.severity.as_str(), r.title]),
                }
            }
            let severity_col = if area.is_some() { 1 } else { 2 };
            rows.to_table(style, Some(severity_col))
        }
    }
}

/// The rules of `area` (every rule when `None`) as a Markdown table: rule, severity, title and
/// remedy. This is what `commands/*.md` carry between [`DOC_BEGIN`] and [`DOC_END`].
pub fn markdown(area: Option<Area>) -> String {
    // The registry's text is ours, not untrusted input: only what would break a cell is escaped.
    fn cell(s: &str) -> String {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('|', "\\|")
    }
    let mut s = String::new();
    if area.is_none() {
        s += "| rule | area | severity | title | what to do |\n| --- | --- | --- | --- | --- |\n";
    } else {
        s += "| rule | severity | title | what to do |\n| --- | --- | --- | --- |\n";
    }
    for r in scope(area) {
        let area_cell = if area.is_none() {
            format!(" {} |", r.area)
        } else {
            String::new()
        };
        s += &format!(
            "| `{}` |{area_cell} {} | {} | {} |\n",
            r.id,
            r.severity,
            cell(r.title),
            cell(r.remedy)
        );
    }
    s
}

/// The marker that opens the generated rule table in a Markdown page.
pub const DOC_BEGIN: &str = "<!-- rules:begin (generated from src/rules/registry.rs: GOVOPS_BLESS=1 cargo test --test it rules) -->";
/// The marker that closes it.
pub const DOC_END: &str = "<!-- rules:end -->";

/// The generated block of a command page, markers included.
pub fn doc_block(area: Area) -> String {
    format!("{DOC_BEGIN}\n\n{}\n{DOC_END}", markdown(Some(area)))
}

/// `--explain RULE`: the rule a user means by `id` (see [`resolve`]), explained.
pub fn explain(id: &str) -> Result<String> {
    resolve(id).map(render_explain)
}

/// One rule, explained: title, explanation, remedy and example.
pub fn render_explain(rule: &RuleInfo) -> String {
    let example: String = rule.example.lines().map(|l| format!("    {l}\n")).collect();
    format!(
        "{} ({} rule, severity {})\n\n{}\n\n{}\n\n{}\n\nExample:\n{example}",
        rule.id,
        rule.area,
        rule.severity,
        rule.title,
        wrap(rule.explanation, 88),
        wrap(&format!("What to do: {}", rule.remedy), 88),
    )
}

/// Wrap at `width` display columns, on whitespace.
fn wrap(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    for word in s.split_whitespace() {
        let w = unicode_width::UnicodeWidthStr::width(word);
        if col > 0 && col + 1 + w > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_dotted_and_grouped_by_area() {
        let rules = all();
        for (i, r) in rules.iter().enumerate() {
            assert!(r.id.contains('.'), "{}", r.id);
            assert!(rules[i + 1..].iter().all(|o| o.id != r.id), "{}", r.id);
        }
        assert!(rules.windows(2).all(|w| w[0].area <= w[1].area));
        let n: usize = Area::ALL.iter().map(|a| of(*a).len()).sum();
        assert_eq!(
            n + of(Area::Input).len(),
            rules.len(),
            "every rule in exactly one area's slice"
        );
        // The commands that read catalogs and registries judge the input rules too; the
        // monitor's event stream has its own.
        for a in [Area::Audit, Area::Sharing] {
            let command = of_command(a);
            assert!(of(Area::Input).iter().all(|r| command.contains(r)));
            assert_eq!(command.len(), of(a).len() + of(Area::Input).len());
        }
        assert_eq!(of_command(Area::Monitor), of(Area::Monitor));
        for a in Area::ALL.into_iter().chain([Area::Input]) {
            assert!(!of(a).is_empty());
            assert!(of(a).iter().all(|r| r.area == a));
        }
    }

    #[test]
    fn every_rule_is_fully_described() {
        for r in all() {
            assert!(!r.title.is_empty() && !r.title.contains('\n'), "{}", r.id);
            assert!(r.title.len() <= 100, "{}: one short line", r.id);
            assert!(!r.explanation.trim().is_empty(), "{}", r.id);
            assert!(!r.remedy.trim().is_empty(), "{}", r.id);
            assert!(!r.example.trim().is_empty(), "{}", r.id);
            let family = r.id.split('.').next().unwrap_or_default();
            assert_eq!(
                r.area == Area::Sharing,
                family == "sharing",
                "{}: sharing rules and only they are named sharing.*",
                r.id
            );
        }
    }

    #[test]
    fn lookup_takes_ids_explain_short_forms_and_both_suggest_the_nearest() {
        assert_eq!(
            lookup("duplicate.near_name").map(|r| r.id).ok(),
            Some("duplicate.near_name")
        );
        assert_eq!(resolve("silo").map(|r| r.id).ok(), Some("sharing.silo"));
        assert!(lookup("silo").is_err(), "short forms only for --explain");
        // `name` is duplicate.name and consistency.name: ambiguous, so not a short form.
        assert!(resolve("name").is_err());
        let e = lookup("duplicate.near_nam").unwrap_err().to_string();
        assert!(e.contains("did you mean `duplicate.near_name`"), "{e}");
        let e = lookup_in(Some(Area::Audit), "sharing.silo")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no audit rule `sharing.silo`"), "{e}");
        assert!(e.contains("govops audit --list-rules"), "{e}");
        let e = lookup("\u{1b}[2Jx").unwrap_err().to_string();
        assert!(!e.contains('\u{1b}'), "{e}");
    }

    #[test]
    fn explain_has_every_part() {
        let text = explain("sharing.redirects").unwrap_or_default();
        assert!(text.starts_with("sharing.redirects (sharing rule, severity medium)\n"));
        for part in ["max_redirects", "What to do: ", "Example:\n    "] {
            assert!(text.contains(part), "{part} missing from {text}");
        }
        assert!(text
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100));
    }

    #[test]
    fn list_in_every_format() {
        let style = Style::default();
        let json: serde_json::Value =
            serde_json::from_str(&list(Some(Area::Audit), Format::Json, style)).unwrap_or_default();
        assert_eq!(
            json.as_array().map(Vec::len),
            Some(of_command(Area::Audit).len())
        );
        assert_eq!(json[0]["id"], "duplicate.record");
        assert_eq!(json[0]["area"], "audit");
        assert_eq!(json[0]["severity"], "high");
        let csv = list(None, Format::Csv, style);
        assert!(csv.starts_with("rule,area,severity,title,explanation,remedy,example\n"));
        let md = list(Some(Area::Sharing), Format::Markdown, style);
        assert_eq!(md.lines().count(), 2 + of_command(Area::Sharing).len());
        let table = list(Some(Area::Sharing), Format::Table, style);
        assert!(table.contains("sharing.unreachable"));
        assert!(!table.contains("duplicate.record"));
        assert!(list(None, Format::Table, style).contains("duplicate.record"));
    }
}
