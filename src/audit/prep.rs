//! What every rule family needs, computed once: normalised names, the basic catalog indexed
//! by interned item and name, each region's level, and the rows grouped by region.

use super::intern::{Interner, NONE};
use super::normalize;
use super::rules;
use super::store::{u8_level, Catalog, Rec};
use crate::model::{BaselineItem, Finding, Level, RegionSet};

#[derive(Debug, Clone)]
pub struct Settings {
    pub threshold: f64,
    pub peer_share: f64,
    pub only: Vec<String>,
    pub skip: Vec<String>,
    /// The 实施编码 layout the code rules judge by (the national one unless a profile says).
    pub layout: crate::model::item_code::Layout,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            threshold: 0.85,
            peer_share: 0.8,
            only: Vec::new(),
            skip: Vec::new(),
            layout: crate::model::item_code::Layout::national(),
        }
    }
}

impl Settings {
    pub fn wants(&self, rule: &str) -> bool {
        rules::selected(rule, &self.only) && !self.skip.iter().any(|p| rule.starts_with(p.trim()))
    }
}

pub struct Inputs<'a> {
    pub catalog: &'a Catalog,
    pub baseline: Option<&'a [BaselineItem]>,
    pub baseline_file: String,
    pub regions: &'a RegionSet,
    /// False for the built-in Chinese set used by default: foreign codes are then not judged.
    pub regions_given: bool,
}

pub struct Prepared<'a> {
    pub inp: &'a Inputs<'a>,
    pub set: &'a Settings,
    /// Raw name id → normalised name id.
    pub norm_of_name: Vec<u32>,
    pub norms: Interner,
    /// Raw name id → id of its `normalize::plain` form (equal: the same name as written).
    pub plain_of_name: Vec<u32>,
    /// Rows per normalised name, nationally (which spelling is the common one).
    pub norm_rows: Vec<u32>,
    /// Item id → its first row.
    pub item_row: Vec<u32>,
    /// Item id → index into the baseline (NONE when not in it).
    pub base_of_item: Vec<u32>,
    /// Normalised name id → index of the baseline item with that name (NONE when none).
    pub base_of_norm: Vec<u32>,
    /// Region id → level.
    pub level: Vec<Option<Level>>,
    /// Region id → known to the region set (None: not judged).
    pub known: Vec<Option<bool>>,
    /// Row indexes grouped by region: rows of region r are `order[starts[r]..starts[r+1]]`.
    pub order: Vec<u32>,
    pub starts: Vec<usize>,
}

impl<'a> Prepared<'a> {
    pub fn new(inp: &'a Inputs<'a>, set: &'a Settings) -> Self {
        let cat = inp.catalog;
        let mut norms = Interner::default();
        let norm_of_name: Vec<u32> = cat
            .names
            .iter()
            .map(|n| norms.intern(&normalize::name(n)))
            .collect();
        let mut plains = Interner::default();
        let plain_of_name: Vec<u32> = cat
            .names
            .iter()
            .map(|n| plains.intern(&normalize::plain(n)))
            .collect();
        let mut norm_rows = vec![0u32; norms.len()];
        for r in &cat.recs {
            norm_rows[norm_of_name[r.name as usize] as usize] += 1;
        }
        let mut item_row = vec![NONE; cat.items.len()];
        for (i, r) in cat.recs.iter().enumerate().rev() {
            item_row[r.item as usize] = i as u32;
        }
        let mut base_of_item = vec![NONE; cat.items.len()];
        let mut base_of_norm = vec![NONE; norms.len()];
        for (bi, b) in inp.baseline.unwrap_or(&[]).iter().enumerate() {
            if let Some(i) = cat.items.get(&b.item_code) {
                base_of_item[i as usize] = bi as u32;
            }
            if let Some(n) = norms.get(&normalize::name(&b.name)) {
                if base_of_norm[n as usize] == NONE {
                    base_of_norm[n as usize] = bi as u32;
                }
            }
        }
        let nreg = cat.regions.len();
        let mut level = vec![None; nreg];
        let mut known = vec![None; nreg];
        for (ri, code) in cat.regions.iter().enumerate() {
            let numeric = !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit());
            match inp.regions.get(code) {
                Some(r) => {
                    level[ri] = Some(r.level);
                    known[ri] = Some(true);
                }
                // An empty code is quality.missing_field's, not unknown.
                None if code.is_empty() => {}
                None if inp.regions_given || numeric => {
                    known[ri] = Some(false);
                    if numeric {
                        level[ri] = Level::of_code(code);
                    }
                }
                None => {}
            }
        }
        // A row's own level fills in what the region set does not know.
        for r in &cat.recs {
            let slot = &mut level[r.region as usize];
            if slot.is_none() {
                *slot = u8_level(r.level);
            }
        }
        let (order, starts) = group_by(&cat.recs, nreg, |r| r.region as usize);
        Prepared {
            inp,
            set,
            norm_of_name,
            norms,
            plain_of_name,
            norm_rows,
            item_row,
            base_of_item,
            base_of_norm,
            level,
            known,
            order,
            starts,
        }
    }

    pub fn cat(&self) -> &Catalog {
        self.inp.catalog
    }

    pub fn norm(&self, rec: &Rec) -> u32 {
        self.norm_of_name[rec.name as usize]
    }

    pub fn region_rows(&self, r: usize) -> &[u32] {
        &self.order[self.starts[r]..self.starts[r + 1]]
    }

    pub fn baseline(&self) -> &[BaselineItem] {
        self.inp.baseline.unwrap_or(&[])
    }

    pub fn base(&self, item: u32) -> Option<&BaselineItem> {
        let b = self.base_of_item[item as usize];
        (b != NONE).then(|| &self.baseline()[b as usize])
    }

    /// A finding about one row: region, item, department, its id and its line.
    pub fn row_finding(&self, rule: &str, message: String, row: u32) -> Finding {
        let cat = self.cat();
        let r = &cat.recs[row as usize];
        let sev = crate::rules::severity(rule);
        let mut f = Finding::new(rule, sev, message)
            .records([cat.id(row)])
            .at(&cat.file, Some(u64::from(r.line)));
        let region = cat.regions.str(r.region);
        if !region.is_empty() {
            f = f.region(region);
        }
        let item = cat.items.str(r.item);
        if !item.is_empty() {
            f = f.item(item);
        }
        let dept = cat.depts.str(r.dept);
        if !dept.is_empty() {
            f = f.department(dept);
        }
        f
    }

    /// A region's display name: `code 名称` when the region set knows it.
    pub fn region_label(&self, region: u32) -> String {
        let code = self.cat().regions.str(region);
        match self.inp.regions.get(code) {
            Some(r) => format!("{code} {}", r.name),
            None => code.to_string(),
        }
    }
}

/// Counting sort of row indexes by a small key: O(rows), no comparison sort of 10 M entries.
pub fn group_by(recs: &[Rec], keys: usize, key: impl Fn(&Rec) -> usize) -> (Vec<u32>, Vec<usize>) {
    let mut starts = vec![0usize; keys + 1];
    for r in recs {
        starts[key(r) + 1] += 1;
    }
    for k in 0..keys {
        starts[k + 1] += starts[k];
    }
    let mut fill = starts.clone();
    let mut order = vec![0u32; recs.len()];
    for (i, r) in recs.iter().enumerate() {
        let k = key(r);
        order[fill[k]] = i as u32;
        fill[k] += 1;
    }
    (order, starts)
}
