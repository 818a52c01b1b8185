//! Rows of the region table: one drill level at a time (province → city → county →
//! township), sortable by any column in either direction, and filterable across every level
//! below the current one (a match keeps its ancestors, so its path stays visible).

use std::cmp::Ordering;

use rustc_hash::{FxHashMap, FxHashSet};

use super::sort::Column;
use super::state::{RegionStats, State, UNKNOWN_REGION};
use crate::model::Level;

#[derive(Debug, Clone, PartialEq)]
pub struct RegionRow {
    /// Index in the region set, or `UNKNOWN_REGION`.
    pub idx: usize,
    pub code: String,
    pub name: String,
    pub level: Option<Level>,
    pub stats: RegionStats,
    /// Some region below this one has data: Enter can drill down.
    pub has_children: bool,
    /// Levels below the drill level (0 without a filter; ancestors of a match come first).
    pub depth: u16,
    /// False for an ancestor shown only for the path to a match.
    pub matched: bool,
}

/// A column of the region table the rows can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    Code,
    #[default]
    Submitted,
    InProgress,
    Completed,
    Overdue,
    Satisfaction,
    Bad,
    RectificationOverdue,
}

impl Column for SortKey {
    /// Digit keys 1–8 pick them.
    const ALL: &'static [SortKey] = &[
        SortKey::Code,
        SortKey::Submitted,
        SortKey::InProgress,
        SortKey::Completed,
        SortKey::Overdue,
        SortKey::Satisfaction,
        SortKey::Bad,
        SortKey::RectificationOverdue,
    ];

    /// The natural order: counts biggest first, satisfaction worst first, codes in order.
    fn descending_by_default(self) -> bool {
        !matches!(self, SortKey::Code | SortKey::Satisfaction)
    }
}

impl SortKey {
    /// The catalog key of the column's header.
    pub fn label_id(self) -> &'static str {
        match self {
            SortKey::Code => "mon-col-region",
            SortKey::Submitted => "mon-col-submitted",
            SortKey::InProgress => "mon-col-open",
            SortKey::Completed => "mon-col-completed",
            SortKey::Overdue => "mon-col-overdue",
            SortKey::Satisfaction => "mon-col-satisfaction",
            SortKey::Bad => "mon-col-bad",
            SortKey::RectificationOverdue => "mon-col-rect-overdue",
        }
    }
}

/// The region table's sort.
pub type Sort = super::sort::Sort<SortKey>;

/// Does `name` or `code` match a filter (lowercased, trimmed)? Names by substring, codes by
/// prefix.
pub fn matches(name: &str, code: &str, filter: &str) -> bool {
    filter.is_empty() || code.starts_with(filter) || name.to_lowercase().contains(filter)
}

/// The rows under `parent` (None: the top level, plus unknown regions), sorted. Without a
/// filter, the regions directly below; with one, every region at any depth below whose
/// name or code matches, with the ancestors that lead to it, as an indented tree.
pub fn rows(state: &State, parent: Option<usize>, filter: &str, sort: Sort) -> Vec<RegionRow> {
    let set = &state.regions;
    let f = filter.trim().to_lowercase();
    let mut parents_with_data = FxHashSet::default();
    let mut all: FxHashMap<usize, RegionRow> = FxHashMap::default();
    for (idx, stats) in state.regions_with_data() {
        let (code, name, level, up) = if idx == UNKNOWN_REGION {
            (
                "?".to_string(),
                crate::tr!("mon-unknown-region"),
                None,
                None,
            )
        } else {
            let r = set.by_index(idx);
            (r.code.clone(), r.name.clone(), Some(r.level), r.parent)
        };
        if let Some(p) = up {
            parents_with_data.insert(p);
        }
        all.insert(
            idx,
            RegionRow {
                idx,
                code,
                name,
                level,
                stats: *stats,
                has_children: false,
                depth: 0,
                matched: true,
            },
        );
    }
    let parent_of = |idx: usize| -> Option<usize> {
        (idx != UNKNOWN_REGION)
            .then(|| set.by_index(idx).parent)
            .flatten()
    };
    // The chain from `idx` up to (not including) `parent`, or None when `idx` is not below it.
    let chain = |idx: usize| -> Option<Vec<usize>> {
        let mut out = vec![idx];
        let mut at = parent_of(idx);
        loop {
            if at == parent {
                return Some(out);
            }
            match at {
                Some(p) => {
                    out.push(p);
                    at = parent_of(p);
                }
                None => return None,
            }
        }
    };
    let mut keep: FxHashMap<usize, bool> = FxHashMap::default();
    for (idx, row) in &all {
        if f.is_empty() {
            if parent_of(*idx) == parent && (parent.is_none() || *idx != UNKNOWN_REGION) {
                keep.insert(*idx, true);
            }
            continue;
        }
        if !matches(&row.name, &row.code, &f) {
            continue;
        }
        if let Some(path) = chain(*idx) {
            keep.insert(*idx, true);
            for up in path.into_iter().skip(1) {
                keep.entry(up).or_insert(false);
            }
        }
    }
    // Children lists, each sorted, then walked depth first.
    let mut children: FxHashMap<Option<usize>, Vec<RegionRow>> = FxHashMap::default();
    for (idx, matched) in keep {
        let Some(mut row) = all.get(&idx).cloned() else {
            continue;
        };
        row.has_children = parents_with_data.contains(&idx);
        row.matched = matched;
        children.entry(parent_of(idx)).or_default().push(row);
    }
    for list in children.values_mut() {
        sort_rows(list, sort);
    }
    let mut out = Vec::new();
    walk(&mut children, parent, 0, &mut out);
    out
}

fn walk(
    children: &mut FxHashMap<Option<usize>, Vec<RegionRow>>,
    at: Option<usize>,
    depth: u16,
    out: &mut Vec<RegionRow>,
) {
    let Some(list) = children.remove(&at) else {
        return;
    };
    for mut row in list {
        row.depth = depth;
        let idx = row.idx;
        out.push(row);
        if idx != UNKNOWN_REGION {
            walk(children, Some(idx), depth + 1, out);
        }
    }
}

/// The regions from just below `parent` down to `idx`, top first (a drill path).
pub fn path_to(state: &State, parent: Option<usize>, idx: usize) -> Vec<usize> {
    let mut out = vec![idx];
    let mut at = idx;
    while let Some(p) = (at != UNKNOWN_REGION)
        .then(|| state.regions.by_index(at).parent)
        .flatten()
    {
        if Some(p) == parent {
            break;
        }
        out.push(p);
        at = p;
    }
    out.reverse();
    out
}

/// Sort by `sort`; ties (and regions without a satisfaction figure, always last) by code.
pub fn sort_rows(rows: &mut [RegionRow], sort: Sort) {
    rows.sort_by(|a, b| {
        let (x, y) = (&a.stats, &b.stats);
        let asc = match sort.key {
            SortKey::Code => Ordering::Equal,
            SortKey::Submitted => x.submitted.cmp(&y.submitted),
            SortKey::InProgress => x.in_progress().cmp(&y.in_progress()),
            SortKey::Completed => x.completed.cmp(&y.completed),
            SortKey::Overdue => x.overdue().cmp(&y.overdue()),
            SortKey::Bad => x.bad.cmp(&y.bad),
            SortKey::RectificationOverdue => x.rectification_overdue.cmp(&y.rectification_overdue),
            SortKey::Satisfaction => match (x.satisfaction(), y.satisfaction()) {
                (Some(p), Some(q)) => p.total_cmp(&q),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        let by_code = a.code.cmp(&b.code);
        let primary = if sort.key == SortKey::Code {
            by_code
        } else {
            asc
        };
        let primary = if sort.descending() {
            primary.reverse()
        } else {
            primary
        };
        primary.then(by_code)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_column_again_reverses_and_a_new_one_starts_in_its_natural_order() {
        let s = Sort::default();
        assert_eq!((s.key, s.descending()), (SortKey::Submitted, true));
        let s = s.by(SortKey::Submitted);
        assert!(s.reversed && !s.descending());
        assert_eq!(s.arrow(), "▲");
        // Another column: its natural order (codes ascending, satisfaction worst first).
        let s = s.by(SortKey::Code);
        assert!(!s.reversed && !s.descending());
        let s = s.reverse();
        assert!(s.descending());
        assert_eq!(s.arrow(), "▼");
        assert!(!Sort::default().by(SortKey::Satisfaction).descending());
        // s cycles through every column and comes back.
        let mut k = SortKey::Code;
        for _ in 0..SortKey::ALL.len() {
            k = k.next();
        }
        assert_eq!(k, SortKey::Code);
    }

    #[test]
    fn codes_match_by_prefix_and_names_by_substring_in_any_case() {
        assert!(matches("杭州市", "3301", "3301"));
        assert!(matches("杭州市", "3301", "杭州"));
        assert!(!matches("杭州市", "3301", "301"));
        assert!(matches("Unknown", "?", "know"));
        assert!(matches("anything", "1", ""));
    }
}
