//! The interface table's sort: by any of its columns, in either direction (the same keys as
//! the region table, when the interfaces pane has the focus).

use std::cmp::Ordering;

use crate::monitor::probe::{Health, InterfaceHealth};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IfaceKey {
    Id,
    /// Worst first: down, degraded, not probed or no URL, up.
    #[default]
    Status,
    Latency,
    Provider,
}

impl IfaceKey {
    /// In column order; digit keys 1–4 pick them.
    pub const ALL: [IfaceKey; 4] = [
        IfaceKey::Id,
        IfaceKey::Status,
        IfaceKey::Latency,
        IfaceKey::Provider,
    ];

    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// The catalog key of the column's header.
    pub fn label_id(self) -> &'static str {
        match self {
            IfaceKey::Id => "mon-col-interface",
            IfaceKey::Status => "mon-col-status",
            IfaceKey::Latency => "mon-col-ms",
            IfaceKey::Provider => "mon-col-provider",
        }
    }

    /// Status worst first and latency slowest first; names in order.
    fn descending_by_default(self) -> bool {
        matches!(self, IfaceKey::Status | IfaceKey::Latency)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IfaceSort {
    pub key: IfaceKey,
    pub reversed: bool,
}

impl IfaceSort {
    /// Sort by `key`; by the same key again reverses.
    pub fn by(self, key: IfaceKey) -> IfaceSort {
        IfaceSort {
            key,
            reversed: key == self.key && !self.reversed,
        }
    }

    pub fn reverse(self) -> IfaceSort {
        IfaceSort {
            reversed: !self.reversed,
            ..self
        }
    }

    pub fn descending(self) -> bool {
        self.key.descending_by_default() != self.reversed
    }

    pub fn arrow(self) -> &'static str {
        if self.descending() {
            "▼"
        } else {
            "▲"
        }
    }
}

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
