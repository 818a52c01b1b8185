//! Administrative regions: China's four-level hierarchy built into the binary, or any region
//! set loaded from a file (`code,name,parent_code,level,group,population`).
//!
//! Built-in data: National Bureau of Statistics division codes (2023) as compiled by
//! modood/Administrative-divisions-of-China (WTFPL); macro-regions and the 2020 census
//! population per province from the NBS communiqué. See `data/README.md`.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Province,
    City,
    County,
    Township,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Province, Level::City, Level::County, Level::Township];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
            Level::Township => "township",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "province" | "省" | "省级" | "省級" => Level::Province,
            "city" | "市" | "市级" | "市級" | "prefecture" => Level::City,
            "county" | "县" | "縣" | "县级" | "縣級" | "区县" | "區縣" | "district" => {
                Level::County
            }
            "township" | "乡" | "鄉" | "乡镇" | "鄉鎮" | "镇" | "街道" | "乡级" | "鄉級" => {
                Level::Township
            }
            _ => return None,
        })
    }

    /// Level of a canonical Chinese code by its length (2, 4, 6, 9 digits).
    pub fn of_code(code: &str) -> Option<Self> {
        match code.len() {
            2 => Some(Level::Province),
            4 => Some(Level::City),
            6 => Some(Level::County),
            9 => Some(Level::Township),
            _ => None,
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Canonical form of a Chinese division code: 6-digit `330000` → `33`, `330100` → `3301`,
/// 9-digit `330102000` → `330102`, 12-digit `330102001000` → `330102001`. A code that is a
/// real division as written is kept (东莞市 is the county-level `441900`, not the city `4419`;
/// 金门县 has the township code `350527000`). Codes that are not all digits (other countries'
/// codes) are returned trimmed and unchanged.
pub fn canonical_code(code: &str) -> String {
    let code = code.trim();
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return code.to_string();
    }
    let known = |c: &str| RegionSet::china().by_code.contains_key(c);
    let mut c = code;
    if c.len() == 12 && c.ends_with("000") {
        c = &c[..9];
    }
    for (len, zeros, keep) in [(9, "000", 6), (6, "00", 4), (4, "00", 2)] {
        if c.len() == len && c.ends_with(zeros) && !known(c) {
            c = &c[..keep];
        }
    }
    c.to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// Index of the parent in the `RegionSet`.
    #[serde(skip)]
    pub parent: Option<usize>,
    /// A grouping (the macro-region for China, the UN region for countries).
    pub group: Option<String>,
    pub population: Option<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct RegionSet {
    regions: Vec<Region>,
    by_code: HashMap<String, usize>,
    children: Vec<Vec<usize>>,
    /// True for the built-in Chinese set, whose codes nest by prefix.
    prefix_nesting: bool,
}

impl RegionSet {
    /// China's built-in hierarchy, parsed once.
    pub fn china() -> &'static RegionSet {
        static CHINA: OnceLock<RegionSet> = OnceLock::new();
        CHINA.get_or_init(build_china)
    }

    /// Build from regions in any order; parents are resolved by code.
    pub fn from_regions(
        list: Vec<(Region, Option<String>)>,
        prefix_nesting: bool,
    ) -> Result<Self, String> {
        let mut set = RegionSet {
            prefix_nesting,
            ..Default::default()
        };
        let mut parents = Vec::with_capacity(list.len());
        for (region, parent) in list {
            if set.by_code.contains_key(&region.code) {
                return Err(format!("region code {} appears twice", region.code));
            }
            set.by_code.insert(region.code.clone(), set.regions.len());
            set.regions.push(region);
            parents.push(parent);
        }
        set.children = vec![Vec::new(); set.regions.len()];
        for (i, parent) in parents.into_iter().enumerate() {
            if let Some(p) = parent.filter(|p| !p.is_empty()) {
                let Some(&pi) = set.by_code.get(&p) else {
                    return Err(format!(
                        "region {} names parent {p}, which is not in the set",
                        set.regions[i].code
                    ));
                };
                set.regions[i].parent = Some(pi);
                set.children[pi].push(i);
            }
        }
        // Groups are inherited from the nearest ancestor that has one.
        for i in 0..set.regions.len() {
            if set.regions[i].group.is_none() {
                let g = set
                    .ancestors_idx(i)
                    .find_map(|a| set.regions[a].group.clone());
                set.regions[i].group = g;
            }
        }
        Ok(set)
    }

    pub fn len(&self) -> usize {
        self.regions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Region> {
        self.regions.iter()
    }

    pub fn at_level(&self, level: Level) -> impl Iterator<Item = &Region> {
        self.regions.iter().filter(move |r| r.level == level)
    }

    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.by_code
            .get(code)
            .or_else(|| {
                if self.prefix_nesting {
                    self.by_code.get(&canonical_code(code))
                } else {
                    None
                }
            })
            .copied()
    }

    pub fn get(&self, code: &str) -> Option<&Region> {
        self.index_of(code).map(|i| &self.regions[i])
    }

    pub fn by_index(&self, i: usize) -> &Region {
        &self.regions[i]
    }

    pub fn parent(&self, code: &str) -> Option<&Region> {
        let i = self.index_of(code)?;
        self.regions[i].parent.map(|p| &self.regions[p])
    }

    pub fn children(&self, code: &str) -> impl Iterator<Item = &Region> {
        let kids = self
            .index_of(code)
            .map(|i| self.children[i].as_slice())
            .unwrap_or(&[]);
        kids.iter().map(|&k| &self.regions[k])
    }

    fn ancestors_idx(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.regions[i].parent, move |&p| self.regions[p].parent)
    }

    /// Parent, grandparent, … up to the top level.
    pub fn ancestors(&self, code: &str) -> Vec<&Region> {
        match self.index_of(code) {
            Some(i) => self.ancestors_idx(i).map(|a| &self.regions[a]).collect(),
            None => Vec::new(),
        }
    }

    /// The ancestor (or the region itself) at `level`.
    pub fn ancestor_at(&self, code: &str, level: Level) -> Option<&Region> {
        let i = self.index_of(code)?;
        std::iter::once(i)
            .chain(self.ancestors_idx(i))
            .map(|a| &self.regions[a])
            .find(|r| r.level == level)
    }

    /// Regions whose name is `name`, or (for Chinese names) starts with it: 杭州 finds 杭州市.
    pub fn find_by_name(&self, name: &str) -> Vec<&Region> {
        let exact: Vec<_> = self.regions.iter().filter(|r| r.name == name).collect();
        if !exact.is_empty() {
            return exact;
        }
        self.regions
            .iter()
            .filter(|r| r.name.starts_with(name))
            .collect()
    }

    /// Full name with ancestors, e.g. `浙江省 杭州市 上城区`.
    pub fn path_name(&self, code: &str) -> String {
        let Some(i) = self.index_of(code) else {
            return code.to_string();
        };
        let mut parts: Vec<&str> = self
            .ancestors_idx(i)
            .map(|a| self.regions[a].name.as_str())
            .filter(|n| *n != "市辖区" && *n != "省直辖县级行政区划")
            .collect();
        parts.reverse();
        parts.push(&self.regions[i].name);
        parts.join(" ")
    }
}

fn build_china() -> RegionSet {
    const PROVINCES: &str = include_str!("../../data/regions/provinces.csv");
    const EXTRA: &str = include_str!("../../data/regions/provinces-extra.csv");
    const CITIES: &str = include_str!("../../data/regions/cities.csv");
    const AREAS: &str = include_str!("../../data/regions/areas.csv");
    const STREETS: &str = include_str!("../../data/regions/streets.csv");

    // The embedded files are fixed at build time; `tests` check they parse completely.
    fn rows(text: &str) -> impl Iterator<Item = csv::StringRecord> + '_ {
        csv::Reader::from_reader(text.as_bytes())
            .into_records()
            .filter_map(Result::ok)
    }

    let mut extra: HashMap<String, (String, f64)> = HashMap::new();
    for r in rows(EXTRA) {
        extra.insert(
            r[0].to_string(),
            (r[1].to_string(), r[2].parse().unwrap_or(0.0)),
        );
    }
    let mut list = Vec::with_capacity(45_000);
    for r in rows(PROVINCES) {
        let (group, pop) = extra.get(&r[0]).cloned().unzip();
        list.push((
            Region {
                code: r[0].to_string(),
                name: r[1].to_string(),
                level: Level::Province,
                parent: None,
                group,
                population: pop,
            },
            None,
        ));
    }
    for (text, level, parent_col) in [
        (CITIES, Level::City, 2),
        (AREAS, Level::County, 2),
        (STREETS, Level::Township, 2),
    ] {
        for r in rows(text) {
            list.push((
                Region {
                    code: r[0].to_string(),
                    name: r[1].to_string(),
                    level,
                    parent: None,
                    group: None,
                    population: None,
                },
                Some(r[parent_col].to_string()),
            ));
        }
    }
    RegionSet::from_regions(list, true).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_has_the_published_counts() {
        let c = RegionSet::china();
        assert_eq!(c.at_level(Level::Province).count(), 31);
        assert_eq!(c.at_level(Level::City).count(), 342);
        assert_eq!(c.at_level(Level::County).count(), 2978);
        assert_eq!(c.at_level(Level::Township).count(), 41_352);
        let pop: f64 = c
            .at_level(Level::Province)
            .filter_map(|r| r.population)
            .sum();
        assert_eq!(pop as u64, 1_409_778_724);
    }

    #[test]
    fn codes_nest_and_canonicalise() {
        let c = RegionSet::china();
        assert_eq!(canonical_code("330000"), "33");
        assert_eq!(canonical_code("330100"), "3301");
        assert_eq!(canonical_code("110101000000"), "110101");
        assert_eq!(canonical_code("110101001000"), "110101001");
        assert_eq!(
            canonical_code("441900"),
            "441900",
            "东莞市 is a county-level code"
        );
        assert_eq!(canonical_code("441900000000"), "441900");
        assert_eq!(
            canonical_code("350527000"),
            "350527000",
            "a township coded 000"
        );
        assert_eq!(c.get("441900").unwrap().level, Level::County);
        let r = c.get("110101001000").unwrap();
        assert_eq!(r.name, "东华门街道");
        assert_eq!(r.level, Level::Township);
        let anc: Vec<_> = c
            .ancestors("110101001")
            .iter()
            .map(|r| r.code.clone())
            .collect();
        assert_eq!(anc, ["110101", "1101", "11"]);
        assert_eq!(
            c.ancestor_at("110101001", Level::Province).unwrap().name,
            "北京市"
        );
        assert_eq!(c.get("330102").unwrap().group.as_deref(), Some("east"));
        assert_eq!(c.path_name("110101001"), "北京市 东城区 东华门街道");
        assert!(c.find_by_name("杭州").iter().any(|r| r.code == "3301"));
        assert_eq!(c.children("11").count(), 1);
    }
}
