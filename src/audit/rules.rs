//! The audit's rule table: stable names, severities, and what `--list-rules` and `--explain`
//! print. SARIF rule metadata and JUnit test cases come from the same table.

use crate::error::{Error, Result};
use crate::model::{Rule, Severity};
use crate::report::table::{Rows, Style};

const fn rule(
    id: &'static str,
    severity: Severity,
    why: &'static str,
    explain: &'static str,
) -> Rule {
    Rule {
        id,
        severity,
        why,
        explain,
    }
}

pub const RULES: &[Rule] = &[
    rule("duplicate.record", Severity::High,
        "the same implementation code (id) appears on two rows",
        "Two or more rows carry the same `id` (实施编码). Every implemented service must have a \
         unique implementation code, or applications, ratings and statistics cannot be attributed. \
         The finding lists the id once per row and every line. Fix: give each row its own code, or \
         delete the copy."),
    rule("duplicate.item", Severity::High,
        "one region implements the same basic item twice",
        "Two or more rows of one region share an `item_code` (基本编码) under different ids. Citizens \
         see the service twice and cases split between the entries. Fix: merge the rows into one \
         implementation."),
    rule("duplicate.name", Severity::High,
        "one department registers the same service twice under two codes",
        "Two rows of one region and one department have different item codes but the same name, \
         written identically (up to full/half width, case and spaces). Pairs of codes that are two \
         different items of the basic catalog are never reported. Fix: keep the row whose code is \
         in the basic catalog and retire the other."),
    rule("duplicate.near_name", Severity::Medium,
        "one department registers near-same services under two codes",
        "Two rows of one region and one department have different item codes and names that are \
         the same once normalised (full/half width, traditional/simplified characters, \
         punctuation, spaces, bracketed qualifiers such as （新办）, filler words such as \
         关于…/…办理; similarity 1) or near-identical after it (edit similarity at or above \
         --threshold, default 0.85; for one inserted character in a short Chinese name of four to \
         six characters, 0.1 below it;
         alphabetic names must also match word by word). Candidates come from MinHash/LSH on character n-grams of the distinct names; every \
         candidate is verified exactly, and each name keeps only its best match. Two different items \
         of the basic catalog (食品经营许可证核发 / 食品生产许可证核发) are not duplicates. The \
         finding carries `similarity`. Fix: merge, or rename so the difference is clear."),
    rule("duplicate.cross_department", Severity::Medium,
        "two departments of one region register the same or near-same service",
        "Like duplicate.name and duplicate.near_name, but the two rows belong to different \
         departments of the same region: overlapping responsibilities, where citizens cannot tell \
         which office to go to. Fix: agree which department implements the service and retire the \
         other registration."),
    rule("gap.missing_item", Severity::High,
        "a basic-catalog item required at this region's level is not implemented here",
        "An item of the basic catalog (--baseline) whose `levels` include the region's level has no \
         row in that region. Only regions that appear in the catalog are judged. The finding names \
         the region and the item and lists no records (there is no row). Fix: add the \
         implementation, or record why the region is exempt."),
    rule("gap.peer_missing", Severity::Medium,
        "most sibling regions implement an item that this region lacks",
        "Without a basic catalog: among regions at the same level under the same parent, an item \
         that at least `audit.peer_share` (default 0.8) of the siblings implement (and at least 4 \
         of them) is missing here. Fix: add the item, or explain why it does not apply."),
    rule("gap.offline_only", Severity::Medium,
        "the service cannot be done online at all",
        "The row's online depth is 0 (information only), or its channels include no online \
         channel (web, app, WeChat, Alipay, mini program). Rows that record neither are not judged. \
         One finding per department of a region lists all its rows. Fix: offer at least online \
         application (depth 2)."),
    rule("gap.no_mobile_channel", Severity::Low,
        "the service is online but not on any mobile channel",
        "The row lists its channels, has an online one, but none a citizen can use from a phone \
         (app, WeChat, Alipay, mini program). One finding per department of a region lists all its \
         rows. Fix: publish it on the mobile channels the platform runs."),
    rule("consistency.name", Severity::Medium,
        "the item's name differs from the basic catalog (four levels, four same)",
        "Four levels, four same (四级四同): an item carries the same name at province, city, county \
         and township. The row's name differs from the basic catalog's name for its item code \
         (compared as written, up to width, case and spaces: a traditional-script or bracketed \
         variant is a difference), or, without a \
         basic catalog, from the name most rows with that code use. Fix: use the standard name."),
    rule("consistency.type", Severity::Medium,
        "the item's type differs from the basic catalog",
        "The row's `type` (行政许可, 公共服务, …) differs from the basic catalog's type for its item \
         code, or without a basic catalog from the type most rows with that code use. Fix: use the \
         standard type."),
    rule("consistency.basis", Severity::Low,
        "the item's legal basis differs from the basic catalog",
        "The row's legal basis (设定依据) differs from the basic catalog's, or without one from the \
         basis most rows with that code cite (compared ignoring punctuation and spaces). Fix: cite \
         the standard basis."),
    rule("consistency.time_limit", Severity::High,
        "the promised time limit exceeds the statutory limit",
        "The row's `promised_limit_days` is above its `legal_limit_days` (or, when the row has none, \
         the basic catalog's). A promise must never be longer than the law allows. Fix: shorten the \
         promise."),
    rule("consistency.depth_visits", Severity::Medium,
        "a fully online service still needs in-person visits",
        "The row claims online depth 4 (全程网办, fully online) yet `visits` is above 0. One of the \
         two is wrong. Fix: correct the depth or remove the visit."),
    rule("quality.missing_field", Severity::Medium,
        "a required field is empty",
        "One of id, item_code, name, region_code or department is empty on the row. The row is \
         still audited as far as possible. Fix: fill the field."),
    rule("quality.unknown_region", Severity::Medium,
        "the region code is not in the region set",
        "The row's `region_code` is not a region of the region set (China's built-in hierarchy, or \
         --regions). Its gaps cannot be judged. Codes of other countries' catalogs are not judged \
         against the Chinese set: pass --regions. Fix: use the current division code."),
    rule("quality.unknown_item", Severity::Low,
        "the item code is not in the basic catalog",
        "With --baseline: the row's `item_code` is not an item of the basic catalog. Either the \
         basic catalog is out of date or the row uses a local code. Fix: map the row to its basic \
         item."),
    rule("quality.bad_value", Severity::Low,
        "an optional field holds a value of the wrong kind",
        "An optional field (type, level, time limits, visits, online depth, channels) holds a value \
         that cannot be read, e.g. `abc` as a number of days. The value is ignored. Fix: correct \
         the value."),
];

/// The rule with this id, if any.
pub fn get(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The rule with this id, or a usage error with a did-you-mean.
pub fn lookup(id: &str) -> Result<&'static Rule> {
    if let Some(r) = get(id) {
        return Ok(r);
    }
    let best = RULES
        .iter()
        .map(|r| (strsim::jaro_winkler(r.id, id), r.id))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match best {
        Some((s, id)) if s > 0.7 => format!("; did you mean `{id}`?"),
        _ => String::new(),
    };
    Err(Error::usage(format!(
        "no audit rule `{}`{hint} (govops audit --list-rules lists them)",
        crate::report::sanitize::terminal(id)
    )))
}

/// Is the rule selected by `only` (prefixes; empty means all)?
pub fn selected(id: &str, only: &[String]) -> bool {
    only.is_empty() || only.iter().any(|p| id.starts_with(p.trim()))
}

/// `--list-rules` as a table (or CSV / Markdown / JSON).
pub fn list(format: crate::report::Format, style: Style) -> String {
    use crate::report::Format;
    if format == Format::Json {
        let mut s = serde_json::to_string_pretty(RULES).unwrap_or_default();
        s.push('\n');
        return s;
    }
    let mut rows = Rows::new(["rule", "severity", "why"]);
    for r in RULES {
        rows.push([r.id, r.severity.as_str(), r.why]);
    }
    match format {
        Format::Csv => rows.to_csv(),
        Format::Markdown => rows.to_markdown(),
        _ => rows.to_table(style, Some(1)),
    }
}

/// `--explain RULE`.
pub fn explain(rule: &Rule) -> String {
    format!(
        "{} (severity {})\n\n{}\n\n{}\n",
        rule.id,
        rule.severity,
        rule.why,
        textwrap(rule.explain, 88)
    )
}

fn textwrap(s: &str, width: usize) -> String {
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
    fn rule_ids_are_unique_and_dotted() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(r.id.contains('.'), "{}", r.id);
            assert!(RULES[i + 1..].iter().all(|o| o.id != r.id), "{}", r.id);
        }
    }

    #[test]
    fn unknown_rule_suggests_the_nearest() {
        let e = lookup("duplicate.near_nam").unwrap_err().to_string();
        assert!(e.contains("did you mean `duplicate.near_name`"), "{e}");
        assert!(selected("gap.offline_only", &["gap.".into()]));
        assert!(!selected("gap.offline_only", &["duplicate".into()]));
    }
}
