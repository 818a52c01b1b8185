//! The interface table's sort: by any of its columns, in either direction (the same keys as
//! the region table, when the interfaces pane has the focus).

use std::cmp::Ordering;

use crate::monitor::probe::{Health, InterfaceHealth};
use crate::monitor::sort::{Column, Sort};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IfaceKey {
    Id,
    /// Worst first: down, degraded, not probed or no URL, up.
    #[default]
    Status,
    Latency,
    Provider,
}

impl Column for IfaceKey {
    /// Digit keys 1–4 pick them.
    const ALL: &'static [IfaceKey] = &[
        IfaceKey::Id,
        IfaceKey::Status,
        IfaceKey::Latency,
        IfaceKey::Provider,
    ];

    /// Status worst first and latency slowest first; names in order.
    fn descending_by_default(self) -> bool {
        matches!(self, IfaceKey::Status | IfaceKey::Latency)
    }
}

impl IfaceKey {
    /// The catalog key of the column's header.
    pub fn label_id(self) -> &'static str {
        match self {
            IfaceKey::Id => "mon-col-interface",
            IfaceKey::Status => "mon-col-status",
            IfaceKey::Latency => "mon-col-ms",
            IfaceKey::Provider => "mon-col-provider",
        }
    }
}

/// The interface table's sort.
pub type IfaceSort = Sort<IfaceKey>;

fn severity(h: Health) -> u8 {
    match h {
        Health::Down => 3,
        Health::Degraded => 2,
        Health::Unknown | Health::NoUrl | Health::NotShared => 1,
        Health::Up => 0,
    }
}

/// Sort `list` by `sort`; ties keep the registry's order, and interfaces never probed are
/// last by latency either way.
pub fn sort(list: &mut [&InterfaceHealth], sort: IfaceSort) {
    list.sort_by(|a, b| {
        let asc = match sort.key {
            IfaceKey::Id => a.id.cmp(&b.id),
            IfaceKey::Status => severity(a.status).cmp(&severity(b.status)),
            IfaceKey::Provider => a.provider.cmp(&b.provider),
            IfaceKey::Latency => match (a.latency_ms, b.latency_ms) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        if sort.descending() {
            asc.reverse()
        } else {
            asc
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Interface;

    fn iface(id: &str, provider: &str, status: Health, ms: Option<u64>) -> InterfaceHealth {
        let mut h = InterfaceHealth::new(&Interface {
            id: id.into(),
            provider: provider.into(),
            ..Default::default()
        });
        h.status = status;
        h.latency_ms = ms;
        h
    }

    #[test]
    fn by_each_column_both_ways() {
        let all = [
            iface("A", "乙", Health::Up, Some(20)),
            iface("B", "甲", Health::Down, Some(900)),
            iface("C", "丙", Health::Degraded, None),
            iface("D", "甲", Health::Up, Some(5)),
        ];
        let ids = |s: IfaceSort| {
            let mut l: Vec<&InterfaceHealth> = all.iter().collect();
            sort(&mut l, s);
            l.iter().map(|i| i.id.as_str()).collect::<String>()
        };
        let s = IfaceSort::default();
        assert_eq!(ids(s), "BCAD", "worst first, ties in registry order");
        assert_eq!(ids(s.reverse()), "ADCB");
        let s = s.by(IfaceKey::Latency);
        assert_eq!(ids(s), "BADC", "slowest first, never probed last");
        assert_eq!(ids(s.by(IfaceKey::Latency)), "DABC");
        assert_eq!(ids(s.by(IfaceKey::Id)), "ABCD");
        assert_eq!(ids(s.by(IfaceKey::Id).reverse()), "DCBA");
        assert_eq!(ids(s.by(IfaceKey::Provider)).len(), 4);
        assert_eq!(IfaceKey::Provider.next(), IfaceKey::Id);
    }
}
