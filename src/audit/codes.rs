//! code.*: the national coding standards on each row's implementation code (`id`, 实施编码,
//! GB/T 39554.1-2020): its layout, the implementing agency's unified social credit code
//! (GB 32100-2015) and the division code inside it, the division segment against the row's
//! region, and the 基本编码's type segment against the declared type.
//!
//! A catalog whose ids are not 实施编码 at all (other countries' inventories, local numbering)
//! is not judged: the rules run only when at least half of the ids have the layout's shape.

use super::prep::Prepared;
use super::store::u8_type;
use crate::model::credit_code::{self, Defect};
use crate::model::item_code::Part;
use crate::model::regions::canonical_code;
use crate::model::Finding;
use crate::report::sanitize::quote_found;

pub const STRUCTURE: &str = "code.structure";
pub const CREDIT_FORMAT: &str = "code.credit_format";
pub const CREDIT_CHECK: &str = "code.credit_check";
pub const CREDIT_DIVISION: &str = "code.credit_division";
pub const DIVISION: &str = "code.division";
pub const TYPE_SEGMENT: &str = "code.type_segment";

const ALL: [&str; 6] = [
    STRUCTURE,
    CREDIT_FORMAT,
    CREDIT_CHECK,
    CREDIT_DIVISION,
    DIVISION,
    TYPE_SEGMENT,
];

/// Does the catalog speak the layout (at least half of its non-empty ids look like it)?
fn speaks(p: &Prepared) -> bool {
    let cat = p.cat();
    let layout = &p.set.layout;
    let (mut ids, mut like) = (0usize, 0usize);
    for i in 0..cat.len() as u32 {
        let id = cat.id(i);
        if !id.trim().is_empty() {
            ids += 1;
            like += usize::from(layout.looks_like(id));
        }
    }
    ids > 0 && like * 2 >= ids
}

/// Two Chinese division codes of which one contains the other (by prefix).
fn nested(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

pub fn check(p: &Prepared, out: &mut Vec<Finding>) {
    if !ALL.iter().any(|r| p.set.wants(r)) || !speaks(p) {
        return;
    }
    let cat = p.cat();
    let layout = &p.set.layout;
    let std = layout.standard.as_str();
    for (row, rec) in cat.recs.iter().enumerate() {
        let row = row as u32;
        let id = cat.id(row).trim();
        let name = cat.names.str(rec.name);
        let region = canonical_code(cat.regions.str(rec.region));
        let chinese_region = !region.is_empty() && region.bytes().all(|b| b.is_ascii_digit());
        let Some(parts) = layout.split(id) else {
            if !id.is_empty() {
                let n = id.split(layout.separator).count();
                let msg = format!(
                    "implementation code {} has {n} segment(s), the layout ({std}) has {}{} (“{name}”)",
                    quote_found(id),
                    layout.segments.len(),
                    if n + 1 == layout.segments.len() {
                        ": a segment is missing (often the division code)"
                    } else {
                        ""
                    }
                );
                out.push(p.row_finding(STRUCTURE, msg, row).with("standard", std));
            }
            continue;
        };
        for (k, (seg, text)) in layout.segments.iter().zip(&parts).enumerate() {
            let len = text.chars().count();
            match seg.part {
                Part::Credit => credit(p, out, row, text, &region, chinese_region, name),
                _ => {
                    let digits = seg.part == Part::Division;
                    let ok_chars = text
                        .chars()
                        .all(|c| c.is_ascii_digit() || (!digits && c.is_ascii_uppercase()));
                    if len < seg.min || len > seg.max || !ok_chars {
                        let want = if seg.min == seg.max {
                            format!("{}", seg.min)
                        } else {
                            format!("{}–{}", seg.min, seg.max)
                        };
                        let msg = format!(
                            "segment {} ({:?}) of implementation code {} is {}, expected {want} {} ({std}; “{name}”)",
                            k + 1,
                            seg.part,
                            quote_found(id),
                            quote_found(text),
                            if digits { "digits" } else { "digits or capital letters" },
                        );
                        out.push(p.row_finding(STRUCTURE, msg, row).with("standard", std));
                        continue;
                    }
                    if seg.part == Part::Division && chinese_region {
                        division(p, out, row, text, &region, name);
                    }
                    if seg.part == Part::Basic {
                        type_segment(p, out, row, text, rec.ty, name);
                    }
                }
            }
        }
    }
}

fn division(p: &Prepared, out: &mut Vec<Finding>, row: u32, text: &str, region: &str, name: &str) {
    let seg = canonical_code(text);
    if seg == region {
        return;
    }
    let msg = if region.starts_with(&seg) {
        format!(
            "the division segment {text} is the code of a higher level ({seg}) than the row's region {region}: an item of {region} carries its parent's code (GB/T 39554.1-2020, GB/T 2260; “{name}”)"
        )
    } else {
        format!(
            "the division segment {text} is not the row's region {region} (GB/T 39554.1-2020, GB/T 2260; “{name}”)"
        )
    };
    out.push(
        p.row_finding(DIVISION, msg, row)
            .with("standard", "GB/T 39554.1-2020")
            .with("segment", text)
            .with("expected", region),
    );
}

fn credit(
    p: &Prepared,
    out: &mut Vec<Finding>,
    row: u32,
    text: &str,
    region: &str,
    chinese_region: bool,
    name: &str,
) {
    const STD: &str = "GB 32100-2015";
    let found = quote_found(text);
    let (rule, msg) = match credit_code::check(text) {
        None | Some(Defect::LowerCase) if !chinese_region => return,
        None => {
            let Some(div) = credit_code::division(text) else {
                return;
            };
            let div = canonical_code(div);
            if nested(&div, region) {
                return;
            }
            (
                CREDIT_DIVISION,
                format!(
                    "the agency's credit code {found} was issued in division {div}, which is not the row's region {region} nor one containing it (GB 32100-2015 positions 3–8; “{name}”)"
                ),
            )
        }
        Some(Defect::Check(want, got)) => (
            CREDIT_CHECK,
            format!(
                "the check character of credit code {found} is {got}, GB 32100-2015 gives {want} (“{name}”)"
            ),
        ),
        Some(Defect::LowerCase) => (
            CREDIT_FORMAT,
            format!("credit code {found} is written in lower case; GB 32100-2015 codes are capitals (“{name}”)"),
        ),
        Some(Defect::OldOrgCode) => (
            CREDIT_FORMAT,
            format!("{found} is an old organisation code (GB 11714), not the agency's 18-character unified social credit code (GB 32100-2015; “{name}”)"),
        ),
        Some(Defect::Placeholder) => (
            CREDIT_FORMAT,
            format!("credit code {found} is a placeholder, not the agency's code (GB 32100-2015; “{name}”)"),
        ),
        Some(Defect::Length(n)) => (
            CREDIT_FORMAT,
            format!("credit code {found} has {n} characters, GB 32100-2015 codes have 18 (“{name}”)"),
        ),
        Some(Defect::BadChar(at, c)) => (
            CREDIT_FORMAT,
            format!(
                "credit code {found} has {} at position {at}, outside the GB 32100-2015 alphabet (0-9, A-Z without I, O, S, V, Z; “{name}”)",
                quote_found(&c.to_string())
            ),
        ),
    };
    out.push(p.row_finding(rule, msg, row).with("standard", STD));
}

fn type_segment(p: &Prepared, out: &mut Vec<Finding>, row: u32, basic: &str, ty: u8, name: &str) {
    let layout = &p.set.layout;
    let std = layout.standard.as_str();
    let Some(declared) = u8_type(ty) else {
        return;
    };
    let declared = declared.chinese();
    let msg = match layout.type_of(basic) {
        None => return,
        Some(Ok(t)) if t == declared => return,
        Some(Ok(t)) => format!(
            "the type segment of 基本编码 {basic} says {t}, the row declares {declared} ({std}; “{name}”)"
        ),
        Some(Err(seg)) => format!(
            "the type segment {} of 基本编码 {basic} is not in the item-type code list ({std}); the row declares {declared} (“{name}”)",
            quote_found(seg)
        ),
    };
    out.push(
        p.row_finding(TYPE_SEGMENT, msg, row)
            .with("standard", std)
            .with("declared", declared),
    );
}
