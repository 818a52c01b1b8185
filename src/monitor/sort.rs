//! A table's sort, shared by the region and interface tables: a column and whether it runs
//! against that column's natural order (k9s' convention: the same column again reverses).

/// A sortable column of one table.
pub trait Column: Copy + Eq + 'static {
    /// In column order; digit keys pick them.
    const ALL: &'static [Self];

    /// Is the column's natural order biggest (or worst) first?
    fn descending_by_default(self) -> bool;

    /// The next column, for the sort-cycle key.
    fn next(self) -> Self {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// A sort column and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort<K> {
    pub key: K,
    /// Against the column's natural order.
    pub reversed: bool,
}

impl<K: Column> Sort<K> {
    /// Sort by `key`; by the same key again reverses.
    pub fn by(self, key: K) -> Self {
        Sort {
            key,
            reversed: key == self.key && !self.reversed,
        }
    }

    pub fn reverse(self) -> Self {
        Sort {
            reversed: !self.reversed,
            ..self
        }
    }

    pub fn descending(self) -> bool {
        self.key.descending_by_default() != self.reversed
    }

    /// ▼ biggest first, ▲ smallest first.
    pub fn arrow(self) -> &'static str {
        if self.descending() {
            "▼"
        } else {
            "▲"
        }
    }
}
