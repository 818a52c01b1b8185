//! `truth.json`: every defect planted in a generated data set, so that `audit`, `sharing` and
//! `monitor` can be scored for recall and precision against it.
//!
//! Shape:
//! ```text
//! {"seed":2026,"scale":"demo","as_of":"2026-11-28",
//!  "gap_scope":"…","silo_scope":"…",
//!  "counts":{"catalog_rows":21000,"baseline_items":160,"regions":1489,"interfaces":300,
//!            "metrics_rows":31,"events":7000,"malformed_lines":2,
//!            "defects":600,"rule:duplicate.near_name":40,…},
//!  "malformed_lines":[101,5003],
//!  "defects":[
//!   {"rule":"duplicate.near_name","region_code":"330102","item_code":"…","records":["<id>","<id>"]},
//!   {"rule":"gap.missing_item","region_code":"330102","item_code":"…","records":[]},
//!   {"rule":"sharing.silo","region_code":"33","department":"浙江省退役军人事务厅","records":[]},
//!   …]}
//! ```
//!
//! Matching rules for scorers:
//! - `records` are catalog `id`s (or registry interface `id`s for `sharing.*`), sorted, one per
//!   row the defect is about: a `duplicate.record` (the same row written twice) lists its id
//!   twice. Match on `(rule, records)`.
//! - `gap.missing_item` has `records: []`; match on `(rule, region_code, item_code)`. Every gap
//!   is listed, planted or not: for each region with at least one catalog row whose code is in
//!   the region set (`gap_scope`), every baseline item whose levels include the region's level
//!   and whose `item_code` has no row in that region.
//! - `sharing.silo` and `sharing.one_way` name a `department` and its `region_code`, with
//!   `records: []`; match on `(rule, region_code, department)`. Silos are only judged in regions
//!   that have registry entries (`silo_scope`): provinces and cities.
//! - `region_code` is always canonical (`33`, `3301`, `330102`, `330102001`).
//! - Rows planted as `duplicate.name`, `duplicate.near_name` and `duplicate.cross_department`
//!   copies carry a local item code that is not in the baseline, so each also appears as a
//!   `quality.unknown_item` defect of its own (records: the copy's id).
//! - `duplicate.name` and `duplicate.near_name` pairs share a department; a pair under two
//!   departments of one region is `duplicate.cross_department` only. A second row of the same
//!   item (`duplicate.item`) has the same name but is not also `duplicate.name`.
//! - `sharing.type_missing`, `sharing.conditions_missing` and `sharing.legal_basis_missing`
//!   list the one interface id; match on `(rule, records)`. Sharing types are written in
//!   English or Chinese (unconditional / 无条件共享 …).
//! - Each province's 国家保密局 provides one resource, 不予共享 with a legal basis, without
//!   consumers or URL: a hard negative for `sharing.silo`, `sharing.orphan` and
//!   `sharing.metadata` (依法不予共享, counted apart from silos).
//! - Hard negatives are not defects: different baseline items with near names (食品经营许可证核发
//!   and 食品生产许可证核发, 结婚登记 and 离婚登记) are both required and both present.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::report::output::TempFile;

/// One planted (or, for gaps, existing) defect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Defect {
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default)]
    pub records: Vec<String>,
}

impl Defect {
    pub fn new(
        rule: &str,
        region_code: &str,
        item_code: Option<&str>,
        mut records: Vec<String>,
    ) -> Self {
        records.sort();
        Defect {
            rule: rule.to_string(),
            region_code: Some(region_code.to_string()),
            item_code: item_code.map(str::to_string),
            department: None,
            records,
        }
    }
}

/// `truth.json` read back whole (for tests and scorers; national truth files are large).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Truth {
    pub seed: u64,
    pub scale: String,
    pub as_of: String,
    #[serde(default)]
    pub gap_scope: String,
    #[serde(default)]
    pub silo_scope: String,
    pub counts: BTreeMap<String, u64>,
    #[serde(default)]
    pub malformed_lines: Vec<u64>,
    pub defects: Vec<Defect>,
}

pub const GAP_SCOPE: &str = "every region with at least one catalog row whose code is in the region set; every baseline item required at its level without a row of that item_code there";
pub const SILO_SCOPE: &str =
    "departments with catalog rows in a region that has registry entries (provinces and cities)";

pub fn read_truth(path: &Path) -> Result<Truth> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(&shown, e))?;
    serde_json::from_reader(BufReader::new(file)).map_err(|e| Error::Parse {
        at: crate::error::Position {
            file: shown,
            line: Some(e.line() as u64),
            column: Some(e.column() as u64),
        },
        message: e.to_string(),
    })
}

/// Defects are streamed to a temporary file while the catalog is written (a national data
/// set has hundreds of thousands of gaps), then assembled into `truth.json`.
pub struct Sink {
    tmp: BufWriter<TempFile>,
    dir: std::path::PathBuf,
    pub by_rule: BTreeMap<String, u64>,
    pub total: u64,
}

impl Sink {
    pub fn new(dir: &Path) -> Result<Self> {
        let tmp = TempFile::new_in(dir, "truth-")?;
        Ok(Sink {
            tmp: BufWriter::new(tmp),
            dir: dir.to_path_buf(),
            by_rule: BTreeMap::new(),
            total: 0,
        })
    }

    pub fn push(&mut self, d: &Defect) -> Result<()> {
        *self.by_rule.entry(d.rule.clone()).or_default() += 1;
        self.total += 1;
        serde_json::to_writer(&mut self.tmp, d).map_err(|e| Error::Other(e.to_string()))?;
        self.tmp
            .write_all(b"\n")
            .map_err(|e| Error::io(self.dir.display(), e))
    }

    /// Write `truth.json` into the directory atomically: header, then every defect.
    pub fn finish(self, header: &Header, path: &Path) -> Result<()> {
        let io = |e| Error::io(path.display(), e);
        let mut tmp = self.tmp.into_inner().map_err(|e| io(e.into_error()))?;
        tmp.as_file_mut().rewind().map_err(io)?;
        let mut counts = header.counts.clone();
        counts.insert("defects".into(), self.total);
        for (rule, n) in &self.by_rule {
            counts.insert(format!("rule:{rule}"), *n);
        }
        // Written by hand to keep the documented key order (seed first, defects last).
        let js = |v: &dyn erased::Json| v.json();
        let head = format!(
            "{{\"seed\":{},\"scale\":{},\"as_of\":{},\"gap_scope\":{},\"silo_scope\":{},\"counts\":{},\"malformed_lines\":{}",
            header.seed,
            js(&header.scale),
            js(&header.as_of),
            js(&GAP_SCOPE),
            js(&SILO_SCOPE),
            js(&counts),
            js(&header.malformed_lines),
        );
        let out = TempFile::new_in(&self.dir, "")?;
        let mut w = BufWriter::new(out);
        w.write_all(head.as_bytes()).map_err(io)?;
        w.write_all(b",\"defects\":[").map_err(io)?;
        let mut first = true;
        for line in BufReader::new(tmp.as_file()).lines() {
            let line = line.map_err(io)?;
            w.write_all(if first { b"\n" } else { b",\n" })
                .map_err(io)?;
            w.write_all(line.as_bytes()).map_err(io)?;
            first = false;
        }
        w.write_all(b"\n]}\n").map_err(io)?;
        let out = w.into_inner().map_err(|e| io(e.into_error()))?;
        out.as_file().sync_all().map_err(io)?;
        out.persist(path).map_err(io)?;
        Ok(())
    }
}

pub struct Header {
    pub seed: u64,
    pub scale: String,
    pub as_of: String,
    pub counts: BTreeMap<String, u64>,
    pub malformed_lines: Vec<u64>,
}

mod erased {
    /// Any serialisable value as compact JSON (serialising plain data cannot fail).
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_else(|_| "null".into())
        }
    }
}
