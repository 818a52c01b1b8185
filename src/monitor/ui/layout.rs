//! Rows for the panes of one column, by priority: when space is short, the least important
//! panes shrink to a one-line summary (or vanish) instead of the important ones being cut.

/// A pane's claim on the rows of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// Rows of its one-line summary (0: it has none and vanishes instead).
    pub compact: u16,
    /// Fewest rows for the full pane.
    pub min: u16,
    /// Rows it would use if it had them all.
    pub want: u16,
    /// Goes full only after the others got what they want (charts).
    pub optional: bool,
}

impl Claim {
    pub fn new(compact: u16, min: u16, want: u16) -> Claim {
        Claim {
            compact,
            min,
            want: want.max(min),
            optional: false,
        }
    }
    pub fn optional(self) -> Claim {
        Claim {
            optional: true,
            ..self
        }
    }
    /// Is `rows` the full pane (else the summary, or nothing)?
    pub fn is_full(&self, rows: u16) -> bool {
        rows >= self.min && rows > self.compact
    }
}

/// Rows for `claims` (most important first) in `avail` rows: every pane gets its summary,
/// then in order of importance goes full and grows to what it wants; the optional ones go
/// full last; the most important pane takes what is left.
pub fn allot(avail: u16, claims: &[Claim]) -> Vec<u16> {
    let mut h = vec![0u16; claims.len()];
    let mut left = avail;
    for (i, c) in claims.iter().enumerate() {
        if c.compact <= left {
            h[i] = c.compact;
            left -= c.compact;
        }
    }
    let go_full = |h: &mut [u16], left: &mut u16, i: usize, c: &Claim| {
        let extra = c.min.saturating_sub(h[i]);
        if !c.is_full(h[i]) && extra <= *left {
            *left -= extra;
            h[i] += extra;
        }
    };
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| !c.optional) {
        go_full(&mut h, &mut left, i, c);
    }
    let grow = |h: &mut [u16], left: &mut u16, i: usize, c: &Claim| {
        if c.is_full(h[i]) {
            let g = c.want.saturating_sub(h[i]).min(*left);
            h[i] += g;
            *left -= g;
        }
    };
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| !c.optional) {
        grow(&mut h, &mut left, i, c);
    }
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| c.optional) {
        go_full(&mut h, &mut left, i, c);
        grow(&mut h, &mut left, i, c);
    }
    if let Some(first) = h.first_mut() {
        *first += left;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_columns_collapse_the_least_important_first() {
        let regions = Claim::new(0, 6, 6);
        let alerts = Claim::new(1, 3, 7);
        let sharing = Claim::new(1, 4, 6);
        let charts = Claim::new(1, 6, 8).optional();
        let all = [regions, alerts, sharing, charts];
        // 80x24: all but the charts in full, the charts as a one-line summary.
        assert_eq!(allot(20, &all), [6, 7, 6, 1]);
        // Tall: everything in full, the rest to the regions.
        assert_eq!(allot(40, &all), [19, 7, 6, 8]);
        // Very short: regions at their minimum, the others as summaries.
        assert_eq!(allot(9, &all), [6, 1, 1, 1]);
        assert_eq!(allot(3, &all), [0, 1, 1, 1]);
        assert_eq!(allot(12, &all), [6, 4, 1, 1]);
    }
}
