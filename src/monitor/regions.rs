//! Rows of the region table: one drill level at a time (province → city → county →
//! township), sortable and filterable.

use rustc_hash::FxHashSet;

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Submitted,
    InProgress,
    Overdue,
    Satisfaction,
    Name,
}

impl SortKey {
    pub fn next(self) -> Self {
        match self {
            SortKey::Submitted => SortKey::InProgress,
            SortKey::InProgress => SortKey::Overdue,
            SortKey::Overdue => SortKey::Satisfaction,
            SortKey::Satisfaction => SortKey::Name,
            SortKey::Name => SortKey::Submitted,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Submitted => "submitted",
            SortKey::InProgress => "in progress",
            SortKey::Overdue => "overdue",
            SortKey::Satisfaction => "satisfaction (worst first)",
            SortKey::Name => "code",
        }
    }
}

/// The rows directly under `parent` (None: the top level, plus unknown regions), filtered
/// by a case-insensitive substring of the name or a code prefix, then sorted.
pub fn rows(state: &State, parent: Option<usize>, filter: &str, sort: SortKey) -> Vec<RegionRow> {
    let set = &state.regions;
    let mut parents_with_data = FxHashSet::default();
    let mut out = Vec::new();
    for (idx, stats) in state.regions_with_data() {
        if idx == UNKNOWN_REGION {
            if parent.is_none() {
                out.push(RegionRow {
                    idx,
                    code: "?".into(),
                    name: "(unknown region)".into(),
                    level: None,
                    stats: *stats,
                    has_children: false,
                });
            }
            continue;
        }
        let r = set.by_index(idx);
        if let Some(p) = r.parent {
            parents_with_data.insert(p);
        }
        if r.parent == parent {
            out.push(RegionRow {
                idx,
                code: r.code.clone(),
                name: r.name.clone(),
                level: Some(r.level),
                stats: *stats,
                has_children: false,
            });
        }
    }
    for row in &mut out {
        row.has_children = parents_with_data.contains(&row.idx);
    }
    let f = filter.trim().to_lowercase();
    if !f.is_empty() {
        out.retain(|r| r.code.starts_with(&f) || r.name.to_lowercase().contains(&f));
    }
    sort_rows(&mut out, sort);
    out
}

pub fn sort_rows(rows: &mut [RegionRow], key: SortKey) {
    rows.sort_by(|a, b| {
        let by = match key {
            SortKey::Submitted => b.stats.submitted.cmp(&a.stats.submitted),
            SortKey::InProgress => b.stats.in_progress().cmp(&a.stats.in_progress()),
            SortKey::Overdue => b.stats.overdue().cmp(&a.stats.overdue()),
            SortKey::Satisfaction => {
                let sa = a.stats.satisfaction().unwrap_or(f64::INFINITY);
                let sb = b.stats.satisfaction().unwrap_or(f64::INFINITY);
                sa.total_cmp(&sb)
            }
            SortKey::Name => std::cmp::Ordering::Equal,
        };
        by.then_with(|| a.code.cmp(&b.code))
    });
}
