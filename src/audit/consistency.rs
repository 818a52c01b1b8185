//! consistency.*: four levels, four same (name, type, legal basis equal to the basic catalog's,
//! or to the majority across levels without one), and a row's own promises that contradict it.

use rustc_hash::FxHashMap;

use super::intern::{Interner, NONE};
use super::normalize;
use super::prep::Prepared;
use super::store::{u8_type, NO_U16, NO_U8};
use crate::model::{Finding, ServiceType};

pub fn check(p: &Prepared, out: &mut Vec<Finding>) {
    let cat = p.cat();
    if p.set.wants("consistency.name")
        || p.set.wants("consistency.type")
        || p.set.wants("consistency.basis")
    {
        same(p, out);
    }
    let limit = p.set.wants("consistency.time_limit");
    let visits = p.set.wants("consistency.depth_visits");
    for (i, r) in cat.recs.iter().enumerate() {
        let base_legal = p.base(r.item).and_then(|b| b.legal_limit_days);
        let legal = if r.legal != NO_U16 {
            Some(u32::from(r.legal))
        } else {
            base_legal
        };
        if let (true, Some(legal)) = (limit && r.promised != NO_U16, legal) {
            if u32::from(r.promised) > legal {
                let msg = format!(
                    "“{}” promises {} working days, above the statutory {legal}",
                    cat.names.str(r.name),
                    r.promised
                );
                out.push(
                    p.row_finding("consistency.time_limit", msg, i as u32)
                        .with("promised_limit_days", r.promised)
                        .with("legal_limit_days", legal),
                );
            }
        }
        if visits && r.depth == 4 && r.visits != NO_U16 && r.visits > 0 {
            let msg = format!(
                "“{}” is marked fully online (depth 4) yet needs {} in-person visit(s)",
                cat.names.str(r.name),
                r.visits
            );
            out.push(
                p.row_finding("consistency.depth_visits", msg, i as u32)
                    .with("visits", r.visits),
            );
        }
    }
}

/// A rule, how to read its value from a row, and the standard to hold it to.
type Field<'a> = (&'static str, &'a dyn Fn(usize) -> u32, Standard);

/// The standard value of one field for each item: the basic catalog's, else the majority's.
struct Standard {
    /// Item id → light-normalised value id (NONE: no standard).
    value: Vec<u32>,
    /// Item id → a row that has the standard value (without a baseline).
    example: Vec<u32>,
    from_baseline: bool,
}

fn same(p: &Prepared, out: &mut Vec<Finding>) {
    let cat = p.cat();
    let mut texts = Interner::default();
    // Names must be identical as written (up to width, case, spaces); bases may differ in
    // punctuation.
    let name_light: Vec<u32> = cat
        .names
        .iter()
        .map(|n| texts.intern(&normalize::plain(n)))
        .collect();
    let basis_light: Vec<u32> = cat
        .bases
        .iter()
        .map(|n| texts.intern(&normalize::light(n)))
        .collect();
    let row_name = |i: usize| name_light[cat.recs[i].name as usize];
    let row_type = |i: usize| {
        let t = cat.recs[i].ty;
        if t == NO_U8 {
            NONE
        } else {
            u32::from(t)
        }
    };
    let row_basis = |i: usize| {
        let b = cat.recs[i].basis;
        if b == NONE {
            NONE
        } else {
            basis_light[b as usize]
        }
    };
    let base = p.baseline();
    let fields: [Field; 3] = [
        (
            "consistency.name",
            &row_name,
            standard(p, &row_name, |b| {
                Some(
                    texts
                        .get(&normalize::plain(&base[b].name))
                        .unwrap_or(NONE - 1),
                )
            }),
        ),
        (
            "consistency.type",
            &row_type,
            standard(p, &row_type, |b| {
                base[b]
                    .service_type
                    .and_then(|t| ServiceType::ALL.iter().position(|x| *x == t))
                    .map(|x| x as u32)
            }),
        ),
        (
            "consistency.basis",
            &row_basis,
            standard(p, &row_basis, |b| {
                base[b]
                    .basis
                    .as_ref()
                    .map(|s| texts.get(&normalize::light(s)).unwrap_or(NONE - 1))
            }),
        ),
    ];
    for (rule, get, std) in fields {
        if !p.set.wants(rule) {
            continue;
        }
        for i in 0..cat.len() {
            let r = &cat.recs[i];
            let want = std.value[r.item as usize];
            let have = get(i);
            if want == NONE || have == NONE || want == have {
                continue;
            }
            let source = if std.from_baseline {
                "the basic catalog"
            } else {
                "most rows with this code"
            };
            let (have_s, want_s) = shown(
                p,
                rule,
                i,
                std.example.get(r.item as usize).copied().unwrap_or(NONE),
            );
            let msg = format!(
                "item {} has {} {have_s} here, {source} has {want_s}",
                cat.items.str(r.item),
                &rule["consistency.".len()..]
            );
            out.push(
                p.row_finding(rule, msg, i as u32)
                    .with("expected", want_s.trim_matches(['“', '”'])),
            );
        }
    }
}

/// What the row has and what the standard is, quoted for the message.
fn shown(p: &Prepared, rule: &str, row: usize, example: u32) -> (String, String) {
    let cat = p.cat();
    let r = &cat.recs[row];
    let b = p.base(r.item);
    let first = cat.recs.get(example as usize).unwrap_or(r);
    match rule {
        "consistency.name" => (
            format!("“{}”", cat.names.str(r.name)),
            format!("“{}”", b.map_or(cat.names.str(first.name), |b| &b.name)),
        ),
        "consistency.type" => (
            type_name(r.ty),
            b.and_then(|b| b.service_type)
                .map_or_else(|| type_name(first.ty), |t| t.as_str().to_string()),
        ),
        _ => (
            format!("“{}”", cat.bases.str(r.basis)),
            format!(
                "“{}”",
                b.and_then(|b| b.basis.as_deref())
                    .unwrap_or(cat.bases.str(first.basis))
            ),
        ),
    }
}

fn type_name(t: u8) -> String {
    u8_type(t).map_or_else(String::new, |t| t.as_str().to_string())
}

/// With a baseline, the baseline's value per item; without, the value at least half of the
/// item's rows (and at least three) share.
fn standard(
    p: &Prepared,
    get: &dyn Fn(usize) -> u32,
    from_base: impl Fn(usize) -> Option<u32>,
) -> Standard {
    let cat = p.cat();
    let mut value = vec![NONE; cat.items.len()];
    if p.inp.baseline.is_some() {
        for (item, slot) in value.iter_mut().enumerate() {
            let b = p.base_of_item[item];
            if b != NONE {
                *slot = from_base(b as usize).unwrap_or(NONE);
            }
        }
        return Standard {
            value,
            example: Vec::new(),
            from_baseline: true,
        };
    }
    // (item, value) → (rows, first row with it)
    let mut counts: FxHashMap<(u32, u32), (u32, u32)> = FxHashMap::default();
    let mut totals = vec![0u32; cat.items.len()];
    for i in 0..cat.len() {
        let v = get(i);
        if v != NONE {
            counts
                .entry((cat.recs[i].item, v))
                .or_insert((0, i as u32))
                .0 += 1;
            totals[cat.recs[i].item as usize] += 1;
        }
    }
    let mut top = vec![(0u32, NONE, NONE); cat.items.len()];
    for ((item, v), (n, row)) in counts {
        let t = &mut top[item as usize];
        if n > t.0 || (n == t.0 && v < t.1) {
            *t = (n, v, row);
        }
    }
    let mut example = vec![NONE; cat.items.len()];
    for (item, (n, v, row)) in top.into_iter().enumerate() {
        if totals[item] >= 3 && n * 2 > totals[item] {
            value[item] = v;
            example[item] = row;
        }
    }
    Standard {
        value,
        example,
        from_baseline: false,
    }
}
