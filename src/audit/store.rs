//! The catalog held compactly for auditing: one small fixed-size record per row (interned
//! strings as u32), ids in one arena. A national catalog (~10 M rows) is read as a stream and
//! never held as text, so memory stays well below the file size.

use super::intern::{Arena, Interner, NONE};
use crate::error::Result;
use crate::load::{self, LoadOptions};
use rustc_hash::FxHashMap;

use crate::load::CatalogFields;
use crate::model::regions::canonical_code;
use crate::model::{Channel, Level, ServiceType};

/// Absent small values.
pub const NO_U8: u8 = u8::MAX;
pub const NO_U16: u16 = u16::MAX;

/// One catalog row. Strings are ids into the catalog's interners.
#[derive(Debug, Clone, Copy)]
pub struct Rec {
    pub line: u32,
    pub region: u32,
    pub item: u32,
    pub name: u32,
    pub dept: u32,
    pub basis: u32,
    pub legal: u16,
    pub promised: u16,
    pub visits: u16,
    pub ty: u8,
    pub level: u8,
    pub depth: u8,
    /// Bit per `Channel::ALL` index; 0 = the row lists no channels.
    pub channels: u8,
}

/// A problem with one row's fields, recorded while loading (quality.*).
#[derive(Debug, Clone)]
pub struct RowIssue {
    pub row: u32,
    pub missing: bool,
    pub field: String,
    pub found: String,
    pub expected: String,
}

#[derive(Debug, Default)]
pub struct Catalog {
    pub file: String,
    pub recs: Vec<Rec>,
    pub ids: Arena,
    pub regions: Interner,
    pub items: Interner,
    pub names: Interner,
    pub depts: Interner,
    pub bases: Interner,
    pub issues: Vec<RowIssue>,
    /// Region code as written → id in `regions` (of its canonical form).
    region_of: FxHashMap<Box<str>, u32>,
}

impl Catalog {
    pub fn id(&self, row: u32) -> &str {
        self.ids.get(row as usize)
    }

    pub fn len(&self) -> usize {
        self.recs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    fn push(&mut self, row: CatalogFields<'_>) {
        let i = self.recs.len() as u32;
        for issue in row.issues {
            self.issues.push(RowIssue {
                row: i,
                missing: issue.expected.starts_with("a value"),
                field: issue.field,
                found: issue.found,
                expected: issue.expected,
            });
        }
        let small = |v: Option<u32>| v.map_or(NO_U16, |d| d.min(u32::from(NO_U16 - 1)) as u16);
        self.ids.push(&row.id);
        // Region codes as written → interned canonical code: `canonical_code` once per
        // distinct spelling, not once per row.
        let region = match self.region_of.get(&*row.region_raw) {
            Some(&r) => r,
            None => {
                let r = self.regions.intern(&canonical_code(&row.region_raw));
                self.region_of.insert(row.region_raw.as_ref().into(), r);
                r
            }
        };
        let rec = Rec {
            line: row.line.min(u64::from(u32::MAX)) as u32,
            region,
            item: self.items.intern(&row.item_code),
            name: self.names.intern(&row.name),
            dept: self.depts.intern(&row.department),
            basis: self.bases.opt(row.basis.as_deref()),
            legal: small(row.legal_limit_days),
            promised: small(row.promised_limit_days),
            visits: small(row.visits),
            ty: row
                .service_type
                .and_then(|t| ServiceType::ALL.iter().position(|x| *x == t))
                .map_or(NO_U8, |p| p as u8),
            level: row.level.map_or(NO_U8, level_u8),
            depth: row.online_depth.unwrap_or(NO_U8),
            channels: row.channels,
        };
        self.recs.push(rec);
    }
}

pub fn level_u8(l: Level) -> u8 {
    Level::ALL.iter().position(|x| *x == l).unwrap_or(0) as u8
}

pub fn u8_level(v: u8) -> Option<Level> {
    Level::ALL.get(v as usize).copied()
}

pub fn u8_type(v: u8) -> Option<ServiceType> {
    ServiceType::ALL.get(v as usize).copied()
}

pub fn has_channel(rec: &Rec, c: Channel) -> bool {
    Channel::ALL
        .iter()
        .position(|x| *x == c)
        .is_some_and(|b| rec.channels & (1 << b) != 0)
}

/// Stream `src` into a `Catalog`. `tick` is called with the number of rows read so far.
pub fn load(src: &str, opts: &LoadOptions, tick: &dyn Fn(u64)) -> Result<Catalog> {
    // Opening reads the header: structural problems surface here, before any thread starts.
    let mut reader = load::catalog(src, opts)?;
    let mut cat = Catalog {
        file: reader.file().to_string(),
        ..Catalog::default()
    };
    // One thread: a reader thread handing rows over was no faster (the rows' strings were
    // then freed on another thread than the one that allocated them).
    // Fields are borrowed from one reused record: no String per field per row.
    let mut n = 0u64;
    while let Some(row) = reader.next_fields()? {
        cat.push(row);
        if n.is_multiple_of(4096) {
            tick(n);
        }
        n += 1;
    }
    cat.region_of = FxHashMap::default();
    cat.recs.shrink_to_fit();
    cat.ids.shrink();
    Ok(cat)
}

/// The string of an optional interned id.
pub fn opt_str(i: &Interner, id: u32) -> Option<&str> {
    (id != NONE).then(|| i.str(id))
}
