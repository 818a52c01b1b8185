//! Item codes of the integrated government-service platform (GB/T 39554.1-2020): the
//! 基本编码 of a basic-catalog item and the 实施编码 of one implementation, as data.
//!
//! The built-in layout is the national one as provincial portals publish it (Sichuan:
//! `511A0138000000-511602000000-000-115113010833722043-1-00`): 基本编码, the 12-digit
//! division code of the implementing region, a 3-character segment, the implementing
//! agency's 18-character unified social credit code (GB 32100-2015), and two short segments.
//! Provinces that publish another layout describe it in a profile ([`Layout`] deserialises).

use serde::{Deserialize, Serialize};

use super::ServiceType;

/// What a segment of the 实施编码 holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The item's 基本编码 (its type segment is judged against the declared type).
    Basic,
    /// The implementing region's division code (GB/T 2260, padded to 12 digits).
    Division,
    /// The implementing agency's unified social credit code.
    Credit,
    /// Any other segment (digits or upper-case letters).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub part: Part,
    /// Allowed lengths, inclusive.
    pub min: usize,
    pub max: usize,
}

/// One type code of the 基本编码's type segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeCode {
    pub code: String,
    /// The type as the standard names it (行政许可 …).
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Who defines it (shown in findings): `GB/T 39554.1-2020`, `DB52/T 1264` …
    pub standard: String,
    pub separator: char,
    pub segments: Vec<Segment>,
    /// 1-based position of the type segment inside the 基本编码, and its length.
    pub type_at: usize,
    pub type_len: usize,
    pub types: Vec<TypeCode>,
}

/// The item types of the national code list, in the standard's order.
pub const TYPE_NAMES: [&str; 11] = [
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政征收",
    "行政给付",
    "行政检查",
    "行政确认",
    "行政奖励",
    "行政裁决",
    "其他行政权力",
    "公共服务",
];

impl Layout {
    /// The built-in national layout.
    pub fn national() -> Layout {
        let seg = |part, min, max| Segment { part, min, max };
        Layout {
            standard: "GB/T 39554.1-2020".into(),
            separator: '-',
            segments: vec![
                seg(Part::Basic, 8, 20),
                seg(Part::Division, 12, 12),
                seg(Part::Other, 3, 3),
                seg(Part::Credit, 18, 18),
                seg(Part::Other, 1, 1),
                seg(Part::Other, 2, 2),
            ],
            type_at: 4,
            type_len: 1,
            types: TYPE_NAMES
                .iter()
                .zip('A'..)
                .map(|(n, c)| TypeCode {
                    code: c.to_string(),
                    name: (*n).into(),
                })
                .collect(),
        }
    }

    /// Split an id into its segments if it has the layout's shape at all (the separator and
    /// the right number of segments); `None` for ids of another scheme.
    pub fn split<'a>(&self, id: &'a str) -> Option<Vec<&'a str>> {
        let parts: Vec<&str> = id.trim().split(self.separator).collect();
        (parts.len() == self.segments.len()).then_some(parts)
    }

    /// Does the id look like this layout's 实施编码 (for deciding whether a catalog speaks it)?
    pub fn looks_like(&self, id: &str) -> bool {
        let n = id.trim().split(self.separator).count();
        n + 1 >= self.segments.len() && n <= self.segments.len() + 1 && n > 2
    }

    /// The type named by the type segment of a 基本编码: `Ok(name)`, `Err(segment)` when the
    /// segment is not in the code list, `None` when the code is too short to have one.
    pub fn type_of<'a>(&'a self, basic: &'a str) -> Option<Result<&'a str, &'a str>> {
        let start = self.type_at.checked_sub(1)?;
        let seg = basic.get(start..start + self.type_len)?;
        Some(
            self.types
                .iter()
                .find(|t| t.code == seg)
                .map(|t| t.name.as_str())
                .ok_or(seg),
        )
    }
}

/// The national type name of a declared service type.
pub fn type_name(t: ServiceType) -> &'static str {
    t.chinese()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sichuan_code_fits_the_national_layout() {
        let l = Layout::national();
        let p = l
            .split("511A0138000000-511602000000-000-115113010833722043-1-00")
            .unwrap();
        assert_eq!(p[1], "511602000000");
        assert_eq!(l.type_of(p[0]), Some(Ok("行政许可")));
        assert!(l.split("KE-001").is_none());
        assert!(!l.looks_like("KE-001"));
    }
}
