//! gap.*: items a region must (or its peers do) implement but does not, and services that
//! cannot be done online or from a phone.

use rustc_hash::FxHashMap;

use super::intern::NONE;
use super::prep::Prepared;
use super::store::{has_channel, Rec, NO_U8};
use crate::model::{Channel, Finding, Level, Severity};

pub fn check(p: &Prepared, out: &mut Vec<Finding>) {
    if p.inp.baseline.is_some() {
        if p.set.wants("gap.missing_item") {
            missing(p, out);
        }
    } else if p.set.wants("gap.peer_missing") {
        peers(p, out);
    }
    let offline = p.set.wants("gap.offline_only");
    let mobile = p.set.wants("gap.no_mobile_channel");
    if offline || mobile {
        channels(p, offline, mobile, out);
    }
}

/// Offline-only and no-mobile services, one finding per department of a region listing every
/// row: at national scale these are millions of rows, and what to fix is per department.
fn channels(p: &Prepared, offline: bool, mobile: bool, out: &mut Vec<Finding>) {
    let cat = p.cat();
    let mut hits: Vec<(u32, bool, u32)> = Vec::new();
    for r in 0..cat.regions.len() {
        hits.clear();
        for &i in p.region_rows(r) {
            let rec = &cat.recs[i as usize];
            if offline && is_offline(rec) {
                hits.push((rec.dept, true, i));
            } else if mobile
                && rec.channels != 0
                && !is_offline(rec)
                && !Channel::ALL
                    .iter()
                    .any(|c| c.is_mobile() && has_channel(rec, *c))
            {
                hits.push((rec.dept, false, i));
            }
        }
        hits.sort_unstable();
        for group in hits.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
            let (is_offline, first) = (group[0].1, group[0].2);
            let rule = if is_offline {
                "gap.offline_only"
            } else {
                "gap.no_mobile_channel"
            };
            let names: Vec<&str> = group
                .iter()
                .take(3)
                .map(|g| cat.names.str(cat.recs[g.2 as usize].name))
                .collect();
            let more = if group.len() > 3 {
                format!(" and {} more", group.len() - 3)
            } else {
                String::new()
            };
            let what = if is_offline {
                "cannot be done online at all (online depth 0 or no online channel)"
            } else {
                "are online but on no mobile channel (app, WeChat, Alipay, mini program)"
            };
            let msg = format!(
                "{} service(s) {what}: “{}”{more}",
                group.len(),
                names.join("”, “")
            );
            let mut ids: Vec<String> = group.iter().map(|g| cat.id(g.2).to_string()).collect();
            ids.sort_unstable();
            out.push(
                p.row_finding(rule, msg, first)
                    .records(ids)
                    .with("services", group.len()),
            );
        }
    }
}

fn is_offline(r: &Rec) -> bool {
    r.depth == 0
        || (r.depth == NO_U8
            && r.channels != 0
            && !Channel::ALL
                .iter()
                .any(|c| c.is_online() && has_channel(r, *c)))
}

/// Baseline items required at a region's level with no row there.
fn missing(p: &Prepared, out: &mut Vec<Finding>) {
    let cat = p.cat();
    let base = p.baseline();
    let mut by_level: FxHashMap<Level, Vec<usize>> = FxHashMap::default();
    for (bi, b) in base.iter().enumerate() {
        for l in &b.levels {
            by_level.entry(*l).or_default().push(bi);
        }
    }
    let mut have = vec![u32::MAX; base.len()];
    for r in 0..cat.regions.len() {
        let Some(level) = p.level[r] else { continue };
        if p.known[r] == Some(false) || cat.regions.str(r as u32).is_empty() {
            continue;
        }
        let Some(required) = by_level.get(&level) else {
            continue;
        };
        for &row in p.region_rows(r) {
            let b = p.base_of_item[cat.recs[row as usize].item as usize];
            if b != NONE {
                have[b as usize] = r as u32;
            }
        }
        let code = cat.regions.str(r as u32);
        for &bi in required {
            if have[bi] == r as u32 {
                continue;
            }
            let b = &base[bi];
            let msg = format!(
                "region {} ({level}) does not implement {} “{}”, which the basic catalog requires at {level} level",
                p.region_label(r as u32),
                b.item_code,
                b.name
            );
            out.push(
                Finding::new("gap.missing_item", Severity::High, msg)
                    .region(code)
                    .item(&b.item_code)
                    .at(&p.inp.baseline_file, Some(b.line)),
            );
        }
    }
}

/// Without a baseline: items most siblings (same level, same parent) have, missing here.
fn peers(p: &Prepared, out: &mut Vec<Finding>) {
    const MIN_PEERS: usize = 4;
    let cat = p.cat();
    let set = p.inp.regions;
    // Sibling groups: (parent code, level) → region ids present in the catalog.
    let mut groups: FxHashMap<(String, Level), Vec<u32>> = FxHashMap::default();
    for r in 0..cat.regions.len() {
        let code = cat.regions.str(r as u32);
        let (Some(level), Some(true)) = (p.level[r], p.known[r]) else {
            continue;
        };
        let Some(parent) = set.parent(code) else {
            continue;
        };
        groups
            .entry((parent.code.clone(), level))
            .or_default()
            .push(r as u32);
    }
    let mut keys: Vec<_> = groups.into_iter().collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    let mut items_of: Vec<Vec<u32>> = Vec::new();
    for ((parent, level), members) in keys {
        if members.len() < MIN_PEERS {
            continue;
        }
        items_of.clear();
        let mut count: FxHashMap<u32, usize> = FxHashMap::default();
        for &r in &members {
            let mut items: Vec<u32> = p
                .region_rows(r as usize)
                .iter()
                .map(|&i| cat.recs[i as usize].item)
                .collect();
            items.sort_unstable();
            items.dedup();
            for &it in &items {
                *count.entry(it).or_default() += 1;
            }
            items_of.push(items);
        }
        let need = (p.set.peer_share * members.len() as f64).ceil() as usize;
        let mut common: Vec<(u32, usize)> = count
            .iter()
            .filter(|(it, n)| {
                **n >= need.max(MIN_PEERS) && **n < members.len() && !cat.items.str(**it).is_empty()
            })
            .map(|(it, n)| (*it, *n))
            .collect();
        common.sort_unstable();
        for (k, &r) in members.iter().enumerate() {
            for &(it, n) in &common {
                if items_of[k].binary_search(&it).is_ok() {
                    continue;
                }
                let name = sample_name(p, it);
                let msg = format!(
                    "region {} ({level}) lacks {} “{name}”, which {n} of its {} sibling regions under {parent} implement",
                    p.region_label(r),
                    cat.items.str(it),
                    members.len()
                );
                out.push(
                    Finding::new("gap.peer_missing", Severity::Medium, msg)
                        .region(cat.regions.str(r))
                        .item(cat.items.str(it))
                        .with("peers_with_item", n)
                        .with("peers", members.len()),
                );
            }
        }
    }
}

/// The name the first row with this item uses.
fn sample_name<'a>(p: &'a Prepared, item: u32) -> &'a str {
    let cat = p.cat();
    let row = p.item_row[item as usize];
    cat.recs
        .get(row as usize)
        .map_or("", |r| cat.names.str(r.name))
}
