//! The regions and indicator values a report is computed from, loaded from a metrics file.
//!
//! A metrics file has one row per region: `region_code` (or, failing that, `name`, or else
//! its first text column, so files like PySAL's `mexico.csv` with a `State` column load as
//! they are), optional `name`, `group`, `population`, and any other columns: numeric ones are
//! indicator candidates, text ones are labels for `--group-by`. Names, groups, parents,
//! levels and populations the file does not give come from the region set (China's built-in
//! hierarchy or `--regions`) and from an optional profile `join:` table.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::indicators::key;
use crate::error::{Error, Position, Result};
use crate::load::table::{open, Header, Row};
use crate::load::{parse_number, LoadOptions, Source, METRICS_FIELDS};
use crate::model::regions::canonical_code;
use crate::model::{Level, RegionSet};
use crate::profile::sections::balance::{Better, JoinConfig};

/// One region of the report.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub group: Option<String>,
    pub population: Option<f64>,
    pub level: Option<Level>,
    /// Code and name of the parent region, when known.
    pub parent: Option<(String, String)>,
    /// Text columns (key → value), usable with `--group-by`.
    pub labels: Vec<(String, String)>,
    pub line: Option<u64>,
}

impl Unit {
    pub fn label(&self, key: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A numeric column: an indicator candidate.
#[derive(Debug, Clone)]
pub struct Column {
    pub key: String,
    pub header: String,
    /// Direction when the data itself knows it (derived indicators).
    pub better: Option<Better>,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub units: Vec<Unit>,
    pub columns: Vec<Column>,
    pub notes: Vec<String>,
    /// Extra report sections (sector and level balance, for catalogs).
    pub sections: Vec<(String, serde_json::Value)>,
}

impl Dataset {
    pub fn column(&self, key: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.key == key)
    }
}

/// Columns of govops's own vocabulary (DESIGN.md's metrics, `balance`'s derived indicators,
/// `monitor`'s rates) where lower is better; every other column defaults to higher.
pub const LOWER_IS_BETTER: &[&str] = &[
    "avg_visits",
    "mean_visits",
    "visits",
    "gaps_per_100",
    "overdue_rate",
    "bad_rating_rate",
];

fn known_direction(key: &str) -> Option<Better> {
    LOWER_IS_BETTER.contains(&key).then_some(Better::Lower)
}

/// Load a metrics file and complete it from the join table and the region set.
pub fn read_metrics(
    src: impl Into<Source>,
    opts: &LoadOptions,
    join: Option<&JoinConfig>,
    regions: &RegionSet,
) -> Result<Dataset> {
    let rows = open(&src.into(), METRICS_FIELDS, Some("regions"), opts)?;
    let header = Arc::clone(&rows.header);
    let rows: Vec<Row> = rows.collect::<Result<_>>()?;
    if rows.is_empty() && header.names.iter().all(|n| n.trim().is_empty()) {
        // No header and no rows: an empty export, judged by `input.empty`, not a missing column.
        return Ok(Dataset::default());
    }
    let extra = header.unbound();
    // Each extra column parsed once, straight from the records: its values when every
    // non-empty cell is a number and some cell is not empty, else `None` (a text column).
    let parsed: Vec<Option<Vec<Option<f64>>>> =
        extra.iter().map(|&ci| numeric_column(&rows, ci)).collect();
    let numeric: Vec<bool> = parsed.iter().map(Option::is_some).collect();
    // Without region_code or name, the first text column names the regions.
    let has_code = header.has("region_code");
    let has_name = header.has("name");
    let name_col = if has_code || has_name {
        None
    } else {
        let pos = numeric
            .iter()
            .position(|n| !n)
            .ok_or_else(|| Error::MissingColumn {
                file: header.file.clone(),
                field: "region_code".into(),
                found: format!(
                    "{} (and no name or text column to identify regions by)",
                    header.names.join(", ")
                ),
            })?;
        Some(extra[pos])
    };
    let mut ds = Dataset::default();
    for (&ci, values) in extra.iter().zip(parsed) {
        if let Some(values) = values {
            let k = key(&header.names[ci]);
            ds.columns.push(Column {
                better: known_direction(&k),
                key: k,
                header: header.names[ci].trim().to_string(),
                values,
            });
        }
    }
    let mut seen: HashMap<String, u64> = HashMap::with_capacity(rows.len());
    ds.units.reserve(rows.len());
    for row in &rows {
        let unit = unit_of(row, &header, &extra, &numeric, name_col)?;
        if let Some(first) = seen.insert(unit.code.clone(), row.line) {
            return Err(Error::Parse {
                at: Position {
                    file: header.file.clone(),
                    line: Some(row.line),
                    column: None,
                },
                message: format!(
                    "region {} appears twice (first on line {first}); give one row per region",
                    unit.code
                ),
            });
        }
        ds.units.push(unit);
    }
    if let Some(j) = join {
        apply_join(&mut ds, j, opts)?;
    }
    complete_from_regions(&mut ds, regions, !has_code);
    Ok(ds)
}

/// A cell as a number, as [`parse_number`] reads it; plain numbers (no `%`, separators or
/// inner spaces) skip its cleaning copy.
fn number(cell: &str) -> Option<f64> {
    let t = cell.trim();
    if t.bytes().any(|b| matches!(b, b'%' | b',' | b'_' | b' ')) {
        parse_number(t)
    } else {
        t.parse::<f64>().ok().filter(|x| x.is_finite())
    }
}

/// Column `ci` parsed as numbers, or `None` when a non-empty cell is not a number or every
/// cell is empty.
fn numeric_column(rows: &[Row], ci: usize) -> Option<Vec<Option<f64>>> {
    let mut values = Vec::with_capacity(rows.len());
    let mut any = false;
    for r in rows {
        let v = r.record.get(ci).unwrap_or("").trim();
        if v.is_empty() {
            values.push(None);
        } else {
            values.push(Some(number(v)?));
            any = true;
        }
    }
    any.then_some(values)
}

fn unit_of(
    row: &Row,
    header: &Header,
    extra: &[usize],
    numeric: &[bool],
    name_col: Option<usize>,
) -> Result<Unit> {
    let cell = |ci: usize| row.record.get(ci).unwrap_or("").trim().to_string();
    let name = match name_col {
        Some(ci) => Some(cell(ci)).filter(|s| !s.is_empty()),
        None => row.get(1).map(|v| v.into_owned()),
    };
    let code = match row.get(0) {
        Some(c) => canonical_code(&c),
        None => match &name {
            Some(n) => n.clone(),
            None => {
                return Err(Error::field(
                    row.at(0),
                    "region_code",
                    "a region code or name",
                    "an empty cell",
                ));
            }
        },
    };
    let population = match row.get(3) {
        None => None,
        Some(v) => Some(parse_number(&v).filter(|p| *p >= 0.0).ok_or_else(|| {
            Error::field(
                row.at(3),
                "population",
                "a number of people (0 or more)",
                &v,
            )
        })?),
    };
    let labels = extra
        .iter()
        .zip(numeric)
        .filter(|(ci, num)| !**num && Some(**ci) != name_col)
        .map(|(&ci, _)| (key(&header.names[ci]), cell(ci)))
        .collect();
    Ok(Unit {
        name: name.unwrap_or_else(|| code.clone()),
        code,
        group: row.get(2).map(|v| v.into_owned()),
        population,
        labels,
        line: Some(row.line),
        ..Unit::default()
    })
}

/// Names compare trimmed, with inner whitespace collapsed, case-insensitively.
fn match_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Fill codes, names, groups, populations, parents and labels from the profile's join table.
fn apply_join(ds: &mut Dataset, j: &JoinConfig, opts: &LoadOptions) -> Result<()> {
    let jopts = LoadOptions {
        encoding: opts.encoding,
        limits: opts.limits.clone(),
        ..LoadOptions::default()
    };
    let rows = open(&Source::parse(&j.file), &[], Some("regions"), &jopts)?;
    let file = rows.header.file.clone();
    if !rows.header.names.iter().any(|n| n.trim() == j.key.trim()) {
        return Err(Error::MissingColumn {
            file,
            field: j.key.clone(),
            found: rows.header.names.join(", "),
        });
    }
    for col in j.columns.values() {
        if !rows.header.names.iter().any(|n| n.trim() == col.trim()) {
            return Err(Error::MissingColumn {
                file,
                field: col.clone(),
                found: rows.header.names.join(", "),
            });
        }
    }
    let mut table: HashMap<String, Row> = HashMap::new();
    for row in rows {
        let row = row?;
        if let Some(k) = row.raw(j.key.trim()) {
            table.insert(match_key(k), row);
        }
    }
    let aliases: HashMap<String, String> = j
        .aliases
        .iter()
        .map(|(a, b)| (match_key(a), match_key(b)))
        .collect();
    let by_code = j.by == "region_code" || j.by == "code";
    let mut unmatched = Vec::new();
    for u in &mut ds.units {
        let k = match_key(if by_code { &u.code } else { &u.name });
        let k = aliases.get(&k).cloned().unwrap_or(k);
        let Some(row) = table.get(&k) else {
            unmatched.push(u.name.clone());
            continue;
        };
        for (field, col) in &j.columns {
            let Some(v) = row.raw(col.trim()).filter(|v| !v.is_empty()) else {
                continue;
            };
            match field.as_str() {
                "code" | "region_code" => u.code = v.to_string(),
                "name" => u.name = v.to_string(),
                "group" => u.group = Some(v.to_string()),
                "population" => {
                    u.population = Some(parse_number(v).ok_or_else(|| {
                        Error::field(
                            Position {
                                file: file.clone(),
                                line: Some(row.line),
                                column: None,
                            },
                            col.as_str(),
                            "a number of people",
                            v,
                        )
                    })?)
                }
                "parent" => u.parent = Some((v.to_string(), v.to_string())),
                other => u.labels.push((key(other), v.to_string())),
            }
        }
    }
    if !unmatched.is_empty() {
        ds.notes.push(format!(
            "{} region(s) not found in the join table {file} (add them to `join.aliases`): {}",
            unmatched.len(),
            unmatched.join(", ")
        ));
    }
    let mut codes = HashSet::new();
    if let Some(dup) = ds.units.iter().find(|u| !codes.insert(u.code.as_str())) {
        return Err(Error::usage(format!(
            "the join with {file} gives two regions the code {}",
            dup.code
        )));
    }
    Ok(())
}

/// Take what the file does not say from the region set; by name only when the file has no
/// codes and the name is unique in the set.
fn complete_from_regions(ds: &mut Dataset, set: &RegionSet, by_name: bool) {
    // Exact names that occur once in the set (many Chinese names, e.g. 市辖区, repeat).
    let mut names: HashMap<&str, Option<usize>> = HashMap::new();
    if by_name {
        for (i, r) in set.iter().enumerate() {
            names
                .entry(r.name.as_str())
                .and_modify(|e| *e = None)
                .or_insert(Some(i));
        }
    }
    for u in &mut ds.units {
        let mut idx = set.index_of(&u.code);
        if idx.is_none() && by_name {
            idx = names.get(u.name.as_str()).copied().flatten();
        }
        let Some(i) = idx else { continue };
        let r = set.by_index(i);
        u.code.clone_from(&r.code);
        if u.name == u.code || u.name.is_empty() {
            u.name.clone_from(&r.name);
        }
        if u.group.is_none() {
            u.group.clone_from(&r.group);
        }
        if u.population.is_none() {
            u.population = population_up(set, i);
        }
        u.level = Some(r.level);
        if u.parent.is_none() {
            u.parent = r.parent.map(|p| {
                let p = set.by_index(p);
                (p.code.clone(), p.name.clone())
            });
        }
    }
}

/// A region's population: its own, else the sum over its children (recursively) when every
/// child's is known.
pub fn population_up(set: &RegionSet, i: usize) -> Option<f64> {
    let r = set.by_index(i);
    if r.population.is_some() {
        return r.population;
    }
    let kids: Vec<&crate::model::Region> = set.children(&r.code).collect();
    if kids.is_empty() {
        return None;
    }
    kids.iter()
        .map(|k| set.index_of(&k.code).and_then(|ki| population_up(set, ki)))
        .sum::<Option<f64>>()
}
