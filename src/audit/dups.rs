//! duplicate.*: the same id twice, the same item twice in a region, and the same or near-same
//! service under two codes in a region (one department, or several).

use rustc_hash::FxHashMap;

use super::intern::NONE;
use super::prep::Prepared;
use super::similar;
use crate::model::Finding;

pub fn check(p: &Prepared, out: &mut Vec<Finding>) {
    if p.set.wants("duplicate.record") {
        records(p, out);
    }
    if p.set.wants("duplicate.item") {
        items(p, out);
    }
    // Names equal once normalised are near names: the exact pass serves all three rules.
    let names = p.set.wants("duplicate.name")
        || p.set.wants("duplicate.near_name")
        || p.set.wants("duplicate.cross_department");
    let near = p.set.wants("duplicate.near_name") || p.set.wants("duplicate.cross_department");
    if names || near {
        by_name(p, names, near, out);
    }
}

/// Same id on several rows: sort row numbers by a hash of the id, compare within equal hashes.
fn records(p: &Prepared, out: &mut Vec<Finding>) {
    let cat = p.cat();
    // One u64 per row (high half of the id's hash, row number): half the memory of a
    // (hash, row) pair at 10 M rows; equal halves are split by the actual id below.
    let mut keyed: Vec<u64> = (0..cat.len() as u32)
        .map(|i| (fx(cat.id(i)) & !0xFFFF_FFFF) | u64::from(i))
        .collect();
    keyed.sort_unstable();
    let mut i = 0;
    while i < keyed.len() {
        let mut j = i + 1;
        while j < keyed.len() && keyed[j] >> 32 == keyed[i] >> 32 {
            j += 1;
        }
        if j - i > 1 {
            // Equal hashes: group by the actual id (collisions are possible, if unlikely).
            let mut groups: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
            for &k in &keyed[i..j] {
                let row = k as u32;
                groups.entry(cat.id(row)).or_default().push(row);
            }
            for (id, mut rows) in groups {
                if rows.len() < 2 || id.is_empty() {
                    continue;
                }
                rows.sort_unstable();
                let lines: Vec<u64> = rows
                    .iter()
                    .map(|&r| u64::from(cat.recs[r as usize].line))
                    .collect();
                let msg = format!(
                    "id {id} appears on {} rows (lines {})",
                    rows.len(),
                    join(&lines)
                );
                let last = rows[rows.len() - 1];
                let f = p
                    .row_finding("duplicate.record", msg, last)
                    .records(rows.iter().map(|_| id.to_string()))
                    .with("lines", lines);
                out.push(f);
            }
        }
        i = j;
    }
}

fn fx(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

fn join(v: &[u64]) -> String {
    v.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
}

/// Same item code on rows with different ids in one region.
fn items(p: &Prepared, out: &mut Vec<Finding>) {
    let cat = p.cat();
    let mut buf: Vec<u32> = Vec::new();
    for r in 0..cat.regions.len() {
        buf.clear();
        buf.extend_from_slice(p.region_rows(r));
        buf.sort_unstable_by_key(|&i| (cat.recs[i as usize].item, i));
        for group in buf.chunk_by(|a, b| cat.recs[*a as usize].item == cat.recs[*b as usize].item) {
            let item = cat.items.str(cat.recs[group[0] as usize].item);
            if group.len() < 2 || item.is_empty() {
                continue;
            }
            let mut ids: Vec<&str> = group.iter().map(|&i| cat.id(i)).collect();
            ids.sort_unstable();
            ids.dedup();
            if ids.len() < 2 {
                continue; // the same row twice: duplicate.record's
            }
            let msg = format!(
                "item {item} is implemented {} times in region {} (ids {})",
                ids.len(),
                p.region_label(r as u32),
                ids.join(", ")
            );
            let last = *group
                .iter()
                .max_by_key(|&&i| cat.recs[i as usize].line)
                .unwrap_or(&group[0]);
            let ids: Vec<String> = ids.into_iter().map(str::to_string).collect();
            out.push(p.row_finding("duplicate.item", msg, last).records(ids));
        }
    }
}

/// Are two rows two different items of the basic catalog (never duplicates of each other)?
fn distinct_baseline_items(p: &Prepared, a: u32, b: u32) -> bool {
    let cat = p.cat();
    let (ra, rb) = (&cat.recs[a as usize], &cat.recs[b as usize]);
    let (ia, ib) = (
        p.base_of_item[ra.item as usize],
        p.base_of_item[rb.item as usize],
    );
    if ia != NONE && ib != NONE && ia != ib {
        return true;
    }
    let (na, nb) = (
        p.base_of_norm[p.norm(ra) as usize],
        p.base_of_norm[p.norm(rb) as usize],
    );
    na != NONE && nb != NONE && na != nb
}

/// Does some pair of rows across `a` and `b` count: different codes, not two baseline items?
fn counts(p: &Prepared, a: &[u32], b: &[u32]) -> bool {
    let cat = p.cat();
    a.iter().any(|&x| {
        b.iter().any(|&y| {
            cat.recs[x as usize].item != cat.recs[y as usize].item
                && !distinct_baseline_items(p, x, y)
        })
    })
}

/// The digits of a code once a letter prefix and leading zeros are dropped (`SRV02912` and
/// `2912` are one reference written two ways); empty when the code has no digits.
fn code_core(code: &str) -> &str {
    let digits = code.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return "";
    }
    let core = digits.trim_start_matches('0');
    if core.is_empty() {
        "0"
    } else {
        core
    }
}

/// Evidence, beyond the name, that rows of two different departments register one service
/// (record linkage: a name that two agencies each register is, alone, evidence of nothing —
/// "Student Portal", "Access to Information and Privacy", "Media Relations"):
/// - one row carries a basic-catalog item and the other a local code outside the basic
///   catalog (a local re-registration of a standard item), or
/// - the two codes are one reference written in two formats (leading zeros, a prefix).
fn cross_evidence(p: &Prepared, x: u32, y: u32) -> bool {
    let cat = p.cat();
    let (rx, ry) = (&cat.recs[x as usize], &cat.recs[y as usize]);
    if rx.dept == ry.dept {
        return true;
    }
    let (bx, by) = (
        p.base_of_item[rx.item as usize] != NONE,
        p.base_of_item[ry.item as usize] != NONE,
    );
    if bx != by {
        return true;
    }
    let (cx, cy) = (
        code_core(cat.items.str(rx.item)),
        code_core(cat.items.str(ry.item)),
    );
    !cx.is_empty() && cx == cy
}

/// Vocabularies of opposite meanings (data/vetoes/*.txt): sets of words that distinguish
/// services, and single qualifier words that distinguish when only one name has them.
const VETOES: &[&str] = &[
    include_str!("../../data/vetoes/en.txt"),
    include_str!("../../data/vetoes/zh.txt"),
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Do two near names differ by a veto (import/export, 新办/变更, "Over 1500"/"1500", `<`/`>`)?
pub(crate) fn vetoed(a: &str, b: &str) -> bool {
    let lt = |s: &str| s.contains('<') || s.contains("&lt;");
    let gt = |s: &str| s.contains('>') || s.contains("&gt;");
    if (lt(a) && gt(b) && !lt(b)) || (gt(a) && lt(b) && !gt(b)) {
        return true;
    }
    let (wa, wb) = (words(a), words(b));
    let (ja, jb) = (wa.concat(), wb.concat());
    for line in VETOES.iter().flat_map(|v| v.lines()) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let set: Vec<&str> = line.split('|').map(str::trim).collect();
        // Alphabetic words match whole words; Chinese ones anywhere in the name.
        let in_a = |x: &str| {
            if x.is_ascii() {
                wa.iter().any(|v| v == x)
            } else {
                ja.contains(x)
            }
        };
        let in_b = |x: &str| {
            if x.is_ascii() {
                wb.iter().any(|v| v == x)
            } else {
                jb.contains(x)
            }
        };
        if set.len() == 1 {
            if in_a(set[0]) != in_b(set[0]) {
                return true;
            }
            continue;
        }
        for x in &set {
            for y in &set {
                if x != y && in_a(x) && !in_b(x) && in_b(y) && !in_a(y) {
                    return true;
                }
            }
        }
    }
    false
}

/// Rows of one group that may be reported together: split by department unless every
/// cross-department pair has evidence beyond the name.
fn linked_groups(p: &Prepared, g: &[u32]) -> Vec<Vec<u32>> {
    let cat = p.cat();
    let all_linked = g
        .iter()
        .enumerate()
        .all(|(k, &x)| g[k + 1..].iter().all(|&y| cross_evidence(p, x, y)));
    if all_linked {
        return vec![g.to_vec()];
    }
    let mut by_dept: Vec<Vec<u32>> = Vec::new();
    let mut sorted = g.to_vec();
    sorted.sort_unstable_by_key(|&i| (cat.recs[i as usize].dept, i));
    for chunk in sorted.chunk_by(|a, b| cat.recs[*a as usize].dept == cat.recs[*b as usize].dept) {
        by_dept.push(chunk.to_vec());
    }
    by_dept
}

/// duplicate.name, duplicate.near_name and duplicate.cross_department, region by region.
fn by_name(p: &Prepared, names: bool, near: bool, out: &mut Vec<Finding>) {
    let cat = p.cat();
    let similar = if near {
        let list: Vec<String> = p.norms.iter().map(str::to_string).collect();
        similar::similar_names(&list, p.set.threshold)
    } else {
        vec![Vec::new(); p.norms.len()]
    };
    // Per normalised name: the region last seen in, and where its rows start in `buf`.
    let mut stamp = vec![u32::MAX; p.norms.len()];
    let mut range = vec![(0u32, 0u32); p.norms.len()];
    let mut best = vec![0f32; p.norms.len()];
    let mut buf: Vec<u32> = Vec::new();
    for r in 0..cat.regions.len() {
        buf.clear();
        buf.extend_from_slice(p.region_rows(r));
        buf.sort_unstable_by_key(|&i| (p.norm(&cat.recs[i as usize]), i));
        let mut groups: Vec<(u32, u32, u32)> = Vec::new();
        let mut start = 0;
        while start < buf.len() {
            let n = p.norm(&cat.recs[buf[start] as usize]);
            let mut end = start + 1;
            while end < buf.len() && p.norm(&cat.recs[buf[end] as usize]) == n {
                end += 1;
            }
            stamp[n as usize] = r as u32;
            range[n as usize] = (start as u32, end as u32);
            groups.push((n, start as u32, end as u32));
            start = end;
        }
        let rows_of = |n: u32| {
            let (s, e) = range[n as usize];
            &buf[s as usize..e as usize]
        };
        if names {
            for &(_, s, e) in &groups {
                for g in linked_groups(p, &buf[s as usize..e as usize]) {
                    let g = &g[..];
                    if g.len() > 1 && counts(p, g, g) {
                        // Written identically: duplicate.name; equal only once normalised
                        // (script, qualifier, filler): a near name of similarity 1.
                        let plain = p.plain_of_name[cat.recs[g[0] as usize].name as usize];
                        let same = g
                            .iter()
                            .all(|&i| p.plain_of_name[cat.recs[i as usize].name as usize] == plain);
                        out.push(pair_finding(p, r, g, &[], (!same).then_some(1.0)));
                    }
                }
            }
        }
        if !near {
            continue;
        }
        // Best partner similarity per name present here, then keep pairs that are the best
        // match of at least one side.
        let mut cands: Vec<(u32, u32, f32)> = Vec::new();
        for &(a, _, _) in &groups {
            best[a as usize] = 0.0;
        }
        for &(a, _, _) in &groups {
            for &(b, s) in &similar[a as usize] {
                if b > a
                    && stamp[b as usize] == r as u32
                    && counts(p, rows_of(a), rows_of(b))
                    && rows_of(a)
                        .iter()
                        .all(|&x| rows_of(b).iter().all(|&y| cross_evidence(p, x, y)))
                    && !vetoed(
                        cat.names.str(cat.recs[rows_of(a)[0] as usize].name),
                        cat.names.str(cat.recs[rows_of(b)[0] as usize].name),
                    )
                {
                    cands.push((a, b, s));
                    best[a as usize] = best[a as usize].max(s);
                    best[b as usize] = best[b as usize].max(s);
                }
            }
        }
        for (a, b, s) in cands {
            if s >= best[a as usize] || s >= best[b as usize] {
                out.push(pair_finding(
                    p,
                    r,
                    rows_of(a),
                    rows_of(b),
                    Some(f64::from(s)),
                ));
            }
        }
    }
}

/// One finding for rows `a` (and `b`) of region `r` that register one service twice.
fn pair_finding(p: &Prepared, r: usize, a: &[u32], b: &[u32], sim: Option<f64>) -> Finding {
    let cat = p.cat();
    let all: Vec<u32> = a.iter().chain(b).copied().collect();
    let depts = {
        let mut d: Vec<u32> = all.iter().map(|&i| cat.recs[i as usize].dept).collect();
        d.sort_unstable();
        d.dedup();
        d
    };
    let rule = if depts.len() > 1 {
        "duplicate.cross_department"
    } else if sim.is_some() {
        "duplicate.near_name"
    } else {
        "duplicate.name"
    };
    // The row to point at: the one that is not the standard (not in the basic catalog, or the
    // less common spelling), i.e. the one to retire.
    let rank = |&i: &u32| {
        let rec = &cat.recs[i as usize];
        let standard = p.base_of_item[rec.item as usize] != NONE;
        (
            standard,
            p.norm_rows[p.norm(rec) as usize],
            std::cmp::Reverse(rec.line),
        )
    };
    let keep = *all.iter().max_by_key(|i| rank(i)).unwrap_or(&all[0]);
    // For a near pair, the other row comes from the other spelling.
    let others: &[u32] = match (b.is_empty(), a.contains(&keep)) {
        (true, _) => &all,
        (false, true) => b,
        (false, false) => a,
    };
    let dup = *others
        .iter()
        .filter(|&&i| i != keep)
        .min_by_key(|i| rank(i))
        .unwrap_or(&all[0]);
    // Departments are named only when they differ (that is the finding).
    let describe = |i: u32| {
        let rec = &cat.recs[i as usize];
        let dept = if depts.len() > 1 {
            format!(" {}", cat.depts.str(rec.dept))
        } else {
            String::new()
        };
        format!(
            "“{}” ({}{dept}, line {})",
            cat.names.str(rec.name),
            cat.items.str(rec.item),
            rec.line
        )
    };
    let how = match sim {
        Some(s) if s >= 1.0 => {
            "the same name once normalised (script, width, qualifier, filler words)".to_string()
        }
        Some(s) => format!("near-same names (similarity {s:.2})"),
        None => "the same name".to_string(),
    };
    let msg = format!(
        "{} and {} register {} in region {}",
        describe(dup),
        describe(keep),
        how,
        p.region_label(r as u32)
    );
    let mut ids: Vec<String> = all.iter().map(|&i| cat.id(i).to_string()).collect();
    ids.sort_unstable();
    let mut f = p.row_finding(rule, msg, dup).records(ids);
    f.item_code = Some(cat.items.str(cat.recs[keep as usize].item).to_string());
    if let Some(s) = sim {
        f = f.similarity(s);
    }
    if depts.len() > 1 {
        f.department = None;
        f = f.with(
            "departments",
            depts
                .iter()
                .map(|&d| cat.depts.str(d).to_string())
                .collect::<Vec<_>>(),
        );
    }
    f
}
