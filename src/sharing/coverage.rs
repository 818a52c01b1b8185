//! Materials coverage: which application materials the catalog asks citizens for are made
//! unnecessary by a sharing interface (`replaces_materials`), and which most-demanded ones
//! no interface covers yet.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{CatalogRow, Interface};

#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    /// Material mentions across all catalog rows.
    pub mentions: usize,
    /// Mentions of a material some interface replaces.
    pub covered_mentions: usize,
    /// covered_mentions / mentions: the share of papers citizens need not bring.
    pub paperless_share: f64,
    pub materials: usize,
    pub covered_materials: usize,
    /// Covered materials: name, mentions, interfaces.
    pub covered: Vec<CoveredMaterial>,
    /// The most-demanded materials no interface covers: name, mentions.
    pub top_uncovered: Vec<(String, usize)>,
    /// `replaces_materials` entries no catalog row mentions (a name mismatch, usually).
    pub unmatched_claims: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoveredMaterial {
    pub material: String,
    pub mentions: usize,
    pub interfaces: Vec<String>,
}

/// Materials are matched by name with spaces and full-width/half-width brackets ignored.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

pub fn coverage(catalog: &[CatalogRow], ifaces: &[Interface], top: usize) -> Coverage {
    let mut replaced: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for i in ifaces {
        for m in &i.replaces_materials {
            let e = replaced
                .entry(normalise(m))
                .or_insert_with(|| (m.clone(), Vec::new()));
            if !e.1.contains(&i.id) {
                e.1.push(i.id.clone());
            }
        }
    }
    let mut demand: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for row in catalog {
        for m in &row.materials {
            demand
                .entry(normalise(m))
                .or_insert_with(|| (m.clone(), 0))
                .1 += 1;
        }
    }
    let mentions: usize = demand.values().map(|x| x.1).sum();
    let mut covered = Vec::new();
    let mut uncovered = Vec::new();
    for (key, (name, n)) in &demand {
        match replaced.get(key) {
            Some((_, ids)) => covered.push(CoveredMaterial {
                material: name.clone(),
                mentions: *n,
                interfaces: ids.clone(),
            }),
            None => uncovered.push((name.clone(), *n)),
        }
    }
    covered.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.material.cmp(&b.material))
    });
    uncovered.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    uncovered.truncate(top);
    let covered_mentions: usize = covered.iter().map(|c| c.mentions).sum();
    let unmatched_claims = replaced
        .iter()
        .filter(|(k, _)| !demand.contains_key(*k))
        .map(|(_, (name, ids))| (name.clone(), ids.clone()))
        .collect();
    Coverage {
        mentions,
        covered_mentions,
        paperless_share: if mentions > 0 {
            ((covered_mentions as f64 / mentions as f64) * 1000.0).round() / 1000.0
        } else {
            0.0
        },
        materials: demand.len(),
        covered_materials: covered.len(),
        covered,
        top_uncovered: uncovered,
        unmatched_claims,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_counted_per_row() {
        let row = |m: &[&str]| CatalogRow {
            materials: m.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        let cat = vec![
            row(&["居民身份证", "户口簿"]),
            row(&["居民身份证"]),
            row(&["结婚证（原件）"]),
        ];
        let iface = Interface {
            id: "i1".into(),
            replaces_materials: vec!["居民身份证".into(), "结婚证(原件)".into(), "护照".into()],
            ..Default::default()
        };
        let c = coverage(&cat, &[iface], 10);
        assert_eq!((c.mentions, c.covered_mentions), (4, 3));
        assert_eq!(c.paperless_share, 0.75);
        assert_eq!(c.top_uncovered, vec![("户口簿".to_string(), 1)]);
        assert_eq!(c.unmatched_claims.len(), 1);
    }
}
