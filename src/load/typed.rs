//! Rows → typed records, one schema per input kind of DESIGN.md.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::table::{open, Row, Rows};
use super::{LoadOptions, Source};
use crate::error::{Error, Result};
use crate::model::regions::canonical_code;
use crate::model::*;

/// Split a list cell: `;`, `；`, `、`, and `,` (a quoted CSV cell may hold commas).
pub fn split_list(s: &str) -> Vec<String> {
    split_parts(s).map(str::to_string).collect()
}

fn yes(s: &str) -> bool {
    matches!(
        s.trim().to_ascii_lowercase().as_str(),
        "y" | "yes" | "true" | "1" | "是" | "x"
    )
}

/// Collects problems with optional values: fatal when strict, recorded when lenient.
struct Check<'a> {
    row: &'a Row,
    lenient: bool,
    issues: Vec<FieldIssue>,
}

impl<'a> Check<'a> {
    fn new(row: &'a Row, lenient: bool) -> Self {
        Check {
            row,
            lenient,
            issues: Vec::new(),
        }
    }

    fn bad(&mut self, field: usize, name: &str, expected: &str, found: &str) -> Result<()> {
        if self.lenient {
            self.issues.push(FieldIssue {
                field: name.into(),
                expected: expected.into(),
                found: found.into(),
            });
            Ok(())
        } else {
            Err(Error::field(self.row.at(field), name, expected, found))
        }
    }

    fn required(&mut self, field: usize, name: &str) -> Result<String> {
        match self.row.get(field) {
            Some(v) => Ok(v.into_owned()),
            None => {
                self.bad(
                    field,
                    name,
                    "a value (this field is required)",
                    "an empty cell",
                )?;
                Ok(String::new())
            }
        }
    }

    /// `required`, borrowed from the row.
    fn required_ref(&mut self, field: usize, name: &str) -> Result<Cow<'a, str>> {
        match self.row.get(field) {
            Some(v) => Ok(v),
            None => {
                self.bad(
                    field,
                    name,
                    "a value (this field is required)",
                    "an empty cell",
                )?;
                Ok(Cow::Borrowed(""))
            }
        }
    }

    fn text(&self, field: usize) -> Option<String> {
        self.row.get(field).map(|v| v.into_owned())
    }

    fn parse<T>(
        &mut self,
        field: usize,
        name: &str,
        expected: &str,
        f: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>> {
        let Some(v) = self.row.get(field) else {
            return Ok(None);
        };
        match f(&v) {
            Some(x) => Ok(Some(x)),
            None => {
                let v = v.into_owned();
                self.bad(field, name, expected, &v)?;
                Ok(None)
            }
        }
    }

    fn days(&mut self, field: usize, name: &str) -> Result<Option<u32>> {
        self.parse(field, name, "a whole number of days", |s| {
            let s = s
                .trim_end_matches(['天', '日'])
                .trim_end_matches("工作")
                .trim();
            s.parse::<u32>().ok().or_else(|| {
                s.parse::<f64>()
                    .ok()
                    .filter(|x| *x >= 0.0 && x.fract() == 0.0 && *x < 1e6)
                    .map(|x| x as u32)
            })
        })
    }
}

fn rows(
    src: impl Into<Source>,
    fields: &'static [&'static str],
    list_key: Option<&str>,
    required: &[&str],
    opts: &LoadOptions,
) -> Result<Rows> {
    let rows = open(&src.into(), fields, list_key, opts)?;
    // An empty file has no header: it is valid and empty.
    if !rows.header.names.is_empty() {
        rows.header.require(required)?;
    }
    Ok(rows)
}

// ---------------------------------------------------------------------------------------
// Catalog

pub const CATALOG_FIELDS: &[&str] = &[
    "id",
    "item_code",
    "name",
    "region_code",
    "department",
    "type",
    "level",
    "sector",
    "basis",
    "legal_limit_days",
    "promised_limit_days",
    "visits",
    "online_depth",
    "channels",
    "materials",
    "updated",
];
pub const CATALOG_REQUIRED: &[&str] = &["id", "item_code", "name", "region_code", "department"];

/// A streaming reader of catalog rows (national catalogs do not fit in memory as text).
pub struct CatalogReader {
    rows: Rows,
    row: Row,
    parser: CatalogParser,
}

impl CatalogReader {
    pub fn file(&self) -> &str {
        &self.rows.header.file
    }

    /// The next row's fields, borrowed from one reused record: no allocation per row (what
    /// `audit` reads 10 M rows with). `Ok(None)` at the end.
    pub fn next_fields(&mut self) -> Result<Option<CatalogFields<'_>>> {
        let CatalogReader { rows, row, parser } = self;
        if !rows.read_into(row)? {
            return Ok(None);
        }
        parser.fields(row).map(Some)
    }
}

impl Iterator for CatalogReader {
    type Item = Result<CatalogRow>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_fields()
            .map(|f| f.map(CatalogFields::into_row))
            .transpose()
    }
}

pub fn catalog(src: impl Into<Source>, opts: &LoadOptions) -> Result<CatalogReader> {
    let mut required: Vec<&str> = CATALOG_REQUIRED.to_vec();
    if opts.lenient {
        // Lenient loading still needs something to identify rows by.
        required.retain(|f| *f == "id" || *f == "name");
    }
    let rows = rows(src, CATALOG_FIELDS, Some("services"), &required, opts)?;
    Ok(CatalogReader {
        row: rows.row(),
        rows,
        parser: CatalogParser::new(opts),
    })
}

/// Load a whole catalog; the first error fails the load.
pub fn read_catalog(src: impl Into<Source>, opts: &LoadOptions) -> Result<Vec<CatalogRow>> {
    catalog(src, opts)?.collect()
}

/// One catalog row with its text borrowed from the record: `CatalogRow` without the per-row
/// Strings. Values are trimmed, empty cells are `None`.
#[derive(Debug, Clone)]
pub struct CatalogFields<'a> {
    pub line: u64,
    pub id: Cow<'a, str>,
    pub item_code: Cow<'a, str>,
    pub name: Cow<'a, str>,
    /// As written; `canonical_code` gives `CatalogRow::region_code`.
    pub region_raw: Cow<'a, str>,
    pub department: Cow<'a, str>,
    pub service_type: Option<ServiceType>,
    pub level: Option<Level>,
    pub sector: Option<Cow<'a, str>>,
    pub basis: Option<Cow<'a, str>>,
    pub legal_limit_days: Option<u32>,
    pub promised_limit_days: Option<u32>,
    pub visits: Option<u32>,
    pub online_depth: Option<u8>,
    /// Bit per `Channel::ALL` index.
    pub channels: u8,
    /// The materials cell, unsplit (`split_list`).
    pub materials: Option<Cow<'a, str>>,
    pub updated: Option<Cow<'a, str>>,
    pub issues: Vec<FieldIssue>,
}

impl CatalogFields<'_> {
    pub fn into_row(self) -> CatalogRow {
        fn own(v: Option<Cow<'_, str>>) -> Option<String> {
            v.map(Cow::into_owned)
        }
        CatalogRow {
            id: self.id.into_owned(),
            item_code: self.item_code.into_owned(),
            name: self.name.into_owned(),
            region_code: canonical_code(&self.region_raw),
            department: self.department.into_owned(),
            service_type: self.service_type,
            level: self.level,
            sector: own(self.sector),
            basis: own(self.basis),
            legal_limit_days: self.legal_limit_days,
            promised_limit_days: self.promised_limit_days,
            visits: self.visits,
            online_depth: self.online_depth,
            channels: channel_list(self.channels),
            materials: self.materials.map(|v| split_list(&v)).unwrap_or_default(),
            updated: own(self.updated),
            line: self.line,
            issues: self.issues,
        }
    }
}

/// Channels of a bit set over `Channel::ALL`, sorted.
pub fn channel_list(bits: u8) -> Vec<Channel> {
    let mut out: Vec<Channel> = Channel::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, c)| *c)
        .collect();
    out.sort();
    out
}

fn channel_bits(list: &[Channel]) -> u8 {
    list.iter()
        .filter_map(|c| Channel::ALL.iter().position(|x| x == c))
        .fold(0, |acc, b| acc | (1 << b))
}

/// Parsed values of cells that repeat across millions of rows (types, levels, channel lists),
/// by their text; bounded so that a file of all-distinct cells cannot grow it without end.
struct Memo<T> {
    map: FxHashMap<Box<str>, T>,
}

impl<T: Clone> Memo<T> {
    const MAX: usize = 4096;

    fn new() -> Self {
        Memo {
            map: FxHashMap::default(),
        }
    }

    fn get(&mut self, key: &str, f: impl FnOnce(&str) -> T) -> T {
        if let Some(v) = self.map.get(key) {
            return v.clone();
        }
        let v = f(key);
        if self.map.len() < Self::MAX {
            self.map.insert(key.into(), v.clone());
        }
        v
    }
}

/// Turns rows into catalog fields, remembering the parse of repeated cells.
pub struct CatalogParser {
    opts: LoadOptions,
    types: Memo<Option<ServiceType>>,
    levels: Memo<Option<Level>>,
    /// Channel cell → (bits, parts that are no channel).
    channels: Memo<(u8, Vec<String>)>,
}

impl CatalogParser {
    pub fn new(opts: &LoadOptions) -> Self {
        CatalogParser {
            opts: opts.clone(),
            types: Memo::new(),
            levels: Memo::new(),
            channels: Memo::new(),
        }
    }

    /// The fields of one row: problems with values are errors, or recorded in `issues` when
    /// loading leniently.
    pub fn fields<'a>(&mut self, row: &'a Row) -> Result<CatalogFields<'a>> {
        let opts = &self.opts;
        let mut c = Check::new(row, opts.lenient);
        let id = c.required_ref(0, "id")?;
        let item_code = c.required_ref(1, "item_code")?;
        let name = c.required_ref(2, "name")?;
        let region_raw = c.required_ref(3, "region_code")?;
        let department = c.required_ref(4, "department")?;
        let types = &mut self.types;
        let service_type = c.parse(5, "type", "one of licensing, payment, confirmation, ruling, reward, other_power, public_service (or 行政许可 …)", |s| types.get(s, ServiceType::parse))?;
        let levels = &mut self.levels;
        let level = c.parse(6, "level", "province, city, county or township", |s| {
            levels.get(s, Level::parse)
        })?;
        let online_depth = match derived_depth(row, opts) {
            Some(d) => Some(d),
            None => c.parse(12, "online_depth", "0 to 4", |s| {
                s.parse::<u8>().ok().filter(|d| *d <= 4)
            })?,
        };
        let channels = if opts.derive.channels_from.is_empty() {
            match row.get(13) {
                None => 0,
                Some(v) => {
                    let (bits, bad) = self.channels.get(&v, |v| {
                        let mut bits = 0u8;
                        let mut bad = Vec::new();
                        for part in split_parts(v) {
                            match Channel::parse(part) {
                                Some(ch) => bits |= channel_bits(&[ch]),
                                None => bad.push(part.to_string()),
                            }
                        }
                        (bits, bad)
                    });
                    for part in &bad {
                        c.bad(13, "channels", "channels among hall, hotline, web, app, wechat, alipay, mini_program, mail", part)?;
                    }
                    bits
                }
            }
        } else {
            channel_bits(&derived_channels(row, opts))
        };
        Ok(CatalogFields {
            sector: row.get(7),
            basis: row.get(8),
            legal_limit_days: c.days(9, "legal_limit_days")?,
            promised_limit_days: c.days(10, "promised_limit_days")?,
            visits: c.parse(11, "visits", "a whole number of visits", |s| {
                s.parse::<u32>().ok()
            })?,
            materials: row.get(14),
            updated: row.get(15),
            line: row.line,
            id,
            item_code,
            name,
            region_raw,
            department,
            service_type,
            level,
            online_depth,
            channels,
            issues: c.issues,
        })
    }
}

/// The parts of a list cell (see `split_list`), borrowed.
fn split_parts(s: &str) -> impl Iterator<Item = &str> {
    s.split([';', '；', '、', ',', '，', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

fn derived_depth(row: &Row, opts: &LoadOptions) -> Option<u8> {
    let cols = &opts.derive.online_depth_from;
    if cols.is_empty() {
        return None;
    }
    let n = cols.iter().filter(|c| row.raw(c).is_some_and(yes)).count();
    // Scale the count of online stages onto 0..=4.
    Some(((n * 4) as f64 / cols.len() as f64).round() as u8)
}

fn derived_channels(row: &Row, opts: &LoadOptions) -> Vec<Channel> {
    let mut out: Vec<Channel> = opts
        .derive
        .channels_from
        .iter()
        .filter(|(_, col)| {
            row.raw(col).is_some_and(|v| {
                let v = v.trim();
                !v.is_empty()
                    && !matches!(
                        v.to_ascii_uppercase().as_str(),
                        "N" | "NA" | "ND" | "0" | "NO" | "FALSE"
                    )
                    && v.parse::<f64>().map(|x| x > 0.0).unwrap_or(true)
            })
        })
        .filter_map(|(ch, _)| Channel::parse(ch))
        .collect();
    out.sort();
    out.dedup();
    out
}

// ---------------------------------------------------------------------------------------
// Baseline

pub const BASELINE_FIELDS: &[&str] = &[
    "item_code",
    "name",
    "type",
    "basis",
    "levels",
    "sector",
    "legal_limit_days",
];

pub fn read_baseline(src: impl Into<Source>, opts: &LoadOptions) -> Result<Vec<BaselineItem>> {
    let opts = LoadOptions {
        lenient: false,
        ..opts.clone()
    };
    let mut out = Vec::new();
    for row in rows(
        src,
        BASELINE_FIELDS,
        Some("items"),
        &["item_code", "name"],
        &opts,
    )? {
        let row = row?;
        let mut c = Check::new(&row, false);
        let mut levels = Vec::new();
        if let Some(v) = row.get(4) {
            for part in split_list(&v) {
                match Level::parse(&part) {
                    Some(l) => levels.push(l),
                    None => c.bad(
                        4,
                        "levels",
                        "levels among province, city, county, township",
                        &part,
                    )?,
                }
            }
        }
        levels.sort();
        levels.dedup();
        out.push(BaselineItem {
            item_code: c.required(0, "item_code")?,
            name: c.required(1, "name")?,
            service_type: c.parse(
                2,
                "type",
                "a service type such as licensing or 行政许可",
                ServiceType::parse,
            )?,
            basis: c.text(3),
            levels,
            sector: c.text(5),
            legal_limit_days: c.days(6, "legal_limit_days")?,
            line: row.line,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Sharing registry

pub const REGISTRY_FIELDS: &[&str] = &[
    "id",
    "dataset",
    "provider",
    "consumers",
    "region_code",
    "url",
    "method",
    "frequency",
    "last_updated",
    "latency_slo_ms",
    "expect.status",
    "expect.body_contains",
    "expect.json_field",
    "expect.freshness_field",
    "auth.bearer_env",
    "replaces_materials",
    "sharing_type",
    "share_conditions",
    "legal_basis",
];

/// Load a registry. Missing metadata is recorded in `issues` (it is what `sharing.metadata`
/// reports); values of the wrong type are errors.
pub(crate) fn read_registry_rows(
    src: impl Into<Source>,
    opts: &LoadOptions,
) -> Result<Vec<Interface>> {
    let opts = LoadOptions {
        lenient: false,
        ..opts.clone()
    };
    let mut out = Vec::new();
    for row in rows(src, REGISTRY_FIELDS, Some("interfaces"), &["id"], &opts)? {
        let row = row?;
        let mut c = Check::new(&row, false);
        let id = c.required(0, "id")?;
        let mut issues = Vec::new();
        for (i, name) in [
            (1, "dataset"),
            (2, "provider"),
            (5, "url"),
            (7, "frequency"),
        ] {
            if row.get(i).is_none() {
                issues.push(FieldIssue {
                    field: name.into(),
                    expected: "a value".into(),
                    found: "nothing".into(),
                });
            }
        }
        if row.get(3).is_none() {
            issues.push(FieldIssue {
                field: "consumers".into(),
                expected: "at least one consumer".into(),
                found: "none".into(),
            });
        }
        let url = c.text(5);
        if let Some(u) = &url {
            if !(u.starts_with("http://") || u.starts_with("https://")) {
                c.bad(5, "url", "an http:// or https:// URL", u)?;
            }
        }
        let bearer_env = c.text(14);
        if let Some(name) = &bearer_env {
            if !name
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
            {
                c.bad(
                    14,
                    "auth.bearer_env",
                    "the NAME of an environment variable (letters, digits, _), never a token",
                    "a value that is not a variable name",
                )?;
            }
        }
        out.push(Interface {
            dataset: c.text(1).unwrap_or_default(),
            provider: c.text(2).unwrap_or_default(),
            consumers: row.get(3).map(|v| split_list(&v)).unwrap_or_default(),
            region_code: row.get(4).map(|v| canonical_code(&v)),
            method: c
                .text(6)
                .map(|m| m.to_ascii_uppercase())
                .unwrap_or_else(|| "GET".into()),
            frequency: c.parse(
                7,
                "frequency",
                "realtime, hourly, daily, weekly, monthly, quarterly or yearly",
                Frequency::parse,
            )?,
            last_updated: c.text(8),
            latency_slo_ms: c.parse(
                9,
                "latency_slo_ms",
                "a whole number of milliseconds",
                |s| s.parse::<u64>().ok(),
            )?,
            expect: Expect {
                status: c.parse(10, "expect.status", "an HTTP status code (100-599)", |s| {
                    s.parse::<u16>().ok().filter(|x| (100..600).contains(x))
                })?,
                body_contains: c.text(11),
                json_field: c.text(12),
                freshness_field: c.text(13),
            },
            auth: Auth { bearer_env },
            replaces_materials: row.get(15).map(|v| split_list(&v)).unwrap_or_default(),
            sharing_type: c.parse(
                16,
                "sharing_type",
                SharingType::EXPECTED,
                SharingType::parse,
            )?,
            share_conditions: c.text(17),
            legal_basis: c.text(18),
            line: row.line,
            url,
            id,
            issues,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Metrics

pub const METRICS_FIELDS: &[&str] = &["region_code", "name", "group", "population"];

/// A number as exports write it: `1,234.5`, `85%` (→ 85), with or without spaces.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim().trim_end_matches('%').replace([',', '_', ' '], "");
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

// ---------------------------------------------------------------------------------------
// Regions

pub const REGION_FIELDS: &[&str] = &[
    "code",
    "name",
    "parent_code",
    "level",
    "group",
    "population",
];

/// Load a region set from a file (`code,name,parent_code,level,group,population`).
pub fn read_regions(src: impl Into<Source>, opts: &LoadOptions) -> Result<RegionSet> {
    let mut list = Vec::new();
    let mut file = String::new();
    for row in rows(src, REGION_FIELDS, Some("regions"), &["code", "name"], opts)? {
        let row = row?;
        file = row.header.file.clone();
        let mut c = Check::new(&row, false);
        let code = c.required(0, "code")?;
        let level = match c.parse(
            3,
            "level",
            "province, city, county or township",
            Level::parse,
        )? {
            Some(l) => l,
            None => Level::of_code(&code).unwrap_or(Level::Province),
        };
        list.push((
            Region {
                name: c.required(1, "name")?,
                level,
                parent: None,
                group: c.text(4),
                population: c.parse(5, "population", "a number", parse_number)?,
                code,
            },
            c.text(2),
        ));
    }
    RegionSet::from_regions(list, false).map_err(|m| Error::Parse {
        at: crate::error::Position {
            file,
            line: None,
            column: None,
        },
        message: m,
    })
}
