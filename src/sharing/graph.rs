//! The sharing graph: departments as nodes, provider → consumer edges (one per pair, weighted
//! by the number of interfaces). Weakly connected components find islands and silos;
//! reciprocity and density say how much departments share back and how dense the network is.
//! A department whose every interface is 不予共享 with a legal basis (国发〔2016〕51号) shares
//! nothing because the law says so: it is counted as not shared by law, never as a silo.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::unionfind::UnionFind;
use serde::Serialize;

use super::rules;
use crate::model::{Finding, Interface, Severity};

#[derive(Debug, Clone, Default, Serialize)]
pub struct GraphReport {
    pub departments: usize,
    /// Distinct provider → consumer pairs.
    pub edges: usize,
    /// edges / (n·(n−1)).
    pub density: f64,
    /// Share of edges whose reverse edge exists too.
    pub reciprocity: f64,
    /// Weakly connected components (isolated departments count as one each).
    pub components: usize,
    /// Departments in the largest component.
    pub main_component: Vec<String>,
    /// Components of two or more departments cut off from the main one.
    pub islands: Vec<Vec<String>>,
    /// Departments with no sharing edge at all (information silos; not those below).
    pub isolated: Vec<String>,
    /// Departments with no sharing edge whose interfaces are all 不予共享 with a legal basis
    /// (依法不予共享): withheld by law, not silos.
    pub not_shared_by_law: Vec<String>,
    pub one_way: Vec<String>,
    /// Per department: interfaces provided, interfaces consumed.
    pub by_department: BTreeMap<String, (usize, usize)>,
}

/// Build and analyse the graph. `extra_departments` are departments known from elsewhere (the
/// catalog) that belong in the graph even without any interface.
pub fn analyse(
    ifaces: &[Interface],
    extra_departments: &BTreeSet<String>,
) -> (GraphReport, Vec<Finding>) {
    let mut g: DiGraph<String, usize> = DiGraph::new();
    let mut idx: BTreeMap<String, NodeIndex> = BTreeMap::new();
    let mut node = |g: &mut DiGraph<String, usize>, name: &str| -> NodeIndex {
        *idx.entry(name.to_string())
            .or_insert_with(|| g.add_node(name.to_string()))
    };
    let mut by_department: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut pairs: BTreeMap<(NodeIndex, NodeIndex), usize> = BTreeMap::new();
    for i in ifaces {
        let provider = i.provider.trim();
        if provider.is_empty() {
            continue;
        }
        let p = node(&mut g, provider);
        by_department.entry(provider.to_string()).or_default().0 += 1;
        for c in &i.consumers {
            let c = c.trim();
            if c.is_empty() || c == provider {
                continue;
            }
            let ci = node(&mut g, c);
            by_department.entry(c.to_string()).or_default().1 += 1;
            *pairs.entry((p, ci)).or_default() += 1;
        }
    }
    for d in extra_departments {
        node(&mut g, d);
        by_department.entry(d.clone()).or_default();
    }
    for ((a, b), w) in &pairs {
        g.add_edge(*a, *b, *w);
    }

    let n = g.node_count();
    let e = pairs.len();
    let reciprocal = pairs
        .keys()
        .filter(|(a, b)| pairs.contains_key(&(*b, *a)))
        .count();
    let mut uf = UnionFind::new(n);
    for (a, b) in pairs.keys() {
        uf.union(a.index(), b.index());
    }
    let mut comps: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for ni in g.node_indices() {
        comps
            .entry(uf.find(ni.index()))
            .or_default()
            .push(g[ni].clone());
    }
    let mut comps: Vec<Vec<String>> = comps
        .into_values()
        .map(|mut c| {
            c.sort();
            c
        })
        .collect();
    // Largest first; ties broken by name so reports are stable.
    comps.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let has_edge = |name: &str| {
        idx.get(name)
            .is_some_and(|&i| g.neighbors_undirected(i).next().is_some())
    };
    let main = comps
        .first()
        .filter(|c| c.len() > 1)
        .cloned()
        .unwrap_or_default();
    let islands: Vec<Vec<String>> = comps
        .iter()
        .skip(1)
        .filter(|c| c.len() > 1)
        .cloned()
        .collect();
    let by_law = |dept: &str| {
        let mut own = ifaces
            .iter()
            .filter(|i| i.provider.trim() == dept)
            .peekable();
        own.peek().is_some() && own.all(Interface::not_shared_by_law)
    };
    let (not_shared_by_law, isolated): (Vec<String>, Vec<String>) = comps
        .iter()
        .filter(|c| c.len() == 1 && !has_edge(&c[0]))
        .map(|c| c[0].clone())
        .partition(|d| by_law(d));
    let one_way: Vec<String> = by_department
        .iter()
        .filter(|(_, (p, c))| *p == 0 && *c > 0)
        .map(|(d, _)| d.clone())
        .collect();

    let mut findings = Vec::new();
    let provided = |dept: &str| -> Vec<String> {
        ifaces
            .iter()
            .filter(|i| i.provider.trim() == dept)
            .map(|i| i.id.clone())
            .collect()
    };
    for d in &isolated {
        let source = if by_department.get(d).is_some_and(|(p, c)| p + c > 0) {
            "the registry"
        } else {
            "the catalog"
        };
        findings.push(
            Finding::new(
                rules::SILO,
                Severity::Medium,
                format!(
                    "{d} ({source}) neither provides to nor consumes from any other department"
                ),
            )
            .department(d.clone())
            .records(provided(d)),
        );
    }
    for island in &islands {
        let ids: Vec<String> = ifaces
            .iter()
            .filter(|i| island.iter().any(|d| d == i.provider.trim()))
            .map(|i| i.id.clone())
            .collect();
        findings.push(
            Finding::new(
                rules::SILO,
                Severity::Medium,
                format!(
                    "island: {} share only among themselves, cut off from the main network",
                    island.join("、")
                ),
            )
            .department(island[0].clone())
            .records(ids)
            .with("island", island.clone()),
        );
    }
    for d in &one_way {
        let consumed = by_department.get(d).map(|x| x.1).unwrap_or(0);
        findings.push(
            Finding::new(
                rules::ONE_WAY,
                Severity::Low,
                format!("{d} consumes {consumed} interface(s) but provides none"),
            )
            .department(d.clone()),
        );
    }
    let report = GraphReport {
        departments: n,
        edges: e,
        density: round3(if n > 1 {
            e as f64 / (n * (n - 1)) as f64
        } else {
            0.0
        }),
        reciprocity: round3(if e > 0 {
            reciprocal as f64 / e as f64
        } else {
            0.0
        }),
        components: comps.len(),
        main_component: main,
        islands,
        isolated,
        not_shared_by_law,
        one_way,
        by_department,
    };
    (report, findings)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iface(id: &str, p: &str, c: &[&str]) -> Interface {
        Interface {
            id: id.into(),
            provider: p.into(),
            consumers: c.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn islands_silos_and_one_way_departments() {
        let ifaces = vec![
            iface("a", "公安厅", &["民政厅", "人社厅"]),
            iface("b", "民政厅", &["公安厅"]),
            iface("c", "人社厅", &["政务服务中心"]),
            iface("d", "国资委", &["金融局"]),
            iface("e", "档案馆", &[]),
        ];
        let extra = BTreeSet::from(["文旅厅".to_string()]);
        let (r, f) = analyse(&ifaces, &extra);
        assert_eq!(r.departments, 8);
        assert_eq!(
            r.islands,
            vec![vec!["国资委".to_string(), "金融局".to_string()]]
        );
        assert_eq!(r.isolated, vec!["文旅厅".to_string(), "档案馆".to_string()]);
        assert!(r.one_way.contains(&"政务服务中心".to_string()));
        // 公安⇄民政 is the one two-way pair among five edges.
        assert_eq!(r.reciprocity, 0.4);
        assert_eq!(f.iter().filter(|x| x.rule == rules::SILO).count(), 3);
        assert!(r.not_shared_by_law.is_empty());
    }

    #[test]
    fn a_department_withholding_by_law_is_no_silo() {
        use crate::model::SharingType::{NotShared, Unconditional};
        let typed = |id: &str, p: &str, t, basis: Option<&str>| Interface {
            sharing_type: Some(t),
            legal_basis: basis.map(str::to_string),
            ..iface(id, p, &[])
        };
        let ifaces = vec![
            iface("a", "公安厅", &["民政厅"]),
            typed("b", "国家安全厅", NotShared, Some("《反间谍法》")),
            typed("c", "国家安全厅", NotShared, Some("《保守国家秘密法》")),
            // Not shared without a basis: still a silo.
            typed("d", "档案馆", NotShared, None),
            // One resource by law, one simply unconsumed: a silo.
            typed("e", "保密局", NotShared, Some("《保守国家秘密法》")),
            typed("f", "保密局", Unconditional, None),
        ];
        let (r, f) = analyse(&ifaces, &BTreeSet::new());
        assert_eq!(r.not_shared_by_law, vec!["国家安全厅".to_string()]);
        assert_eq!(r.isolated, vec!["保密局".to_string(), "档案馆".to_string()]);
        let silos: Vec<_> = f.iter().filter(|x| x.rule == rules::SILO).collect();
        assert_eq!(silos.len(), 2);
        assert!(silos
            .iter()
            .all(|x| x.department.as_deref() != Some("国家安全厅")));
    }
}
