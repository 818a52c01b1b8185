//! quality.*: empty required fields, unreadable optional values, region codes the region set
//! does not know, item codes the basic catalog does not know.

use std::collections::BTreeMap;

use super::intern::NONE;
use super::prep::Prepared;
use super::store::RowIssue;
use crate::model::{Finding, Severity};

pub fn check(p: &Prepared, out: &mut Vec<Finding>) {
    let cat = p.cat();
    if p.set.wants("quality.missing_field") || p.set.wants("quality.bad_value") {
        issues(p, out);
    }
    if p.set.wants("quality.unknown_region") {
        for (i, r) in cat.recs.iter().enumerate() {
            if p.known[r.region as usize] == Some(false) {
                let msg = format!(
                    "region code {} is not in the region set (“{}”)",
                    cat.regions.str(r.region),
                    cat.names.str(r.name)
                );
                out.push(p.row_finding("quality.unknown_region", msg, i as u32));
            }
        }
    }
    if p.inp.baseline.is_some() && p.set.wants("quality.unknown_item") {
        for (i, r) in cat.recs.iter().enumerate() {
            let code = cat.items.str(r.item);
            if p.base_of_item[r.item as usize] == NONE && !code.is_empty() {
                let msg = format!(
                    "item code {code} (“{}”) is not in the basic catalog",
                    cat.names.str(r.name)
                );
                out.push(p.row_finding("quality.unknown_item", msg, i as u32));
            }
        }
    }
}

fn issues(p: &Prepared, out: &mut Vec<Finding>) {
    let cat = p.cat();
    // A required field empty on every row is one problem with the export, not n problems.
    let mut missing_rows: BTreeMap<&str, usize> = BTreeMap::new();
    for i in &cat.issues {
        if i.missing {
            *missing_rows.entry(i.field.as_str()).or_default() += 1;
        }
    }
    let whole: Vec<&str> = missing_rows
        .iter()
        .filter(|(_, n)| cat.len() > 1 && **n == cat.len())
        .map(|(f, _)| *f)
        .collect();
    for field in &whole {
        let msg = format!(
            "required field `{field}` is empty on all {} rows: map it in the profile (columns: {{{field}: <header>}}) or set a default",
            cat.len()
        );
        out.push(
            Finding::new("quality.missing_field", Severity::Medium, msg)
                .at(&cat.file, None)
                .with("field", *field)
                .with("rows", cat.len()),
        );
    }
    // Likewise a column whose values are mostly unreadable is mapped wrong (e.g. a foreign
    // export's own type codes): one finding for the column.
    let mut bad_rows: BTreeMap<&str, (usize, &RowIssue)> = BTreeMap::new();
    for i in cat.issues.iter().filter(|i| !i.missing) {
        bad_rows.entry(i.field.as_str()).or_insert((0, i)).0 += 1;
    }
    let columns: Vec<&str> = bad_rows
        .iter()
        .filter(|(_, (n, _))| cat.len() >= 20 && n * 2 >= cat.len())
        .map(|(f, _)| *f)
        .collect();
    for field in &columns {
        let (n, example) = bad_rows[field];
        let msg = format!(
            "`{field}` is unreadable on {n} of {} rows (expected {}, found e.g. {}): the column is probably mapped wrong; fix the export or the profile's columns",
            cat.len(),
            example.expected,
            crate::report::sanitize::quote_found(&example.found)
        );
        out.push(
            Finding::new("quality.bad_value", Severity::Low, msg)
                .at(&cat.file, None)
                .with("field", *field)
                .with("rows", n),
        );
    }
    let mut by_row: BTreeMap<(u32, bool), Vec<&RowIssue>> = BTreeMap::new();
    for i in &cat.issues {
        let collapsed = if i.missing { &whole } else { &columns };
        if !collapsed.contains(&i.field.as_str()) {
            by_row.entry((i.row, i.missing)).or_default().push(i);
        }
    }
    for ((row, missing), list) in by_row {
        let fields: Vec<&str> = list.iter().map(|i| i.field.as_str()).collect();
        let (rule, msg) = if missing {
            (
                "quality.missing_field",
                format!("required field(s) empty: {}", fields.join(", ")),
            )
        } else {
            let parts: Vec<String> = list
                .iter()
                .map(|i| {
                    format!(
                        "`{}`: expected {}, found {}",
                        i.field,
                        i.expected,
                        crate::report::sanitize::quote_found(&i.found)
                    )
                })
                .collect();
            ("quality.bad_value", parts.join("; "))
        };
        out.push(p.row_finding(rule, msg, row).with("fields", fields));
    }
}
