//! Tiers of the composite index: the UN EGDI scheme (four groups, sixteen rating classes of
//! width 0.0625) or score bands from the profile (e.g. 非常高 ≥ 90, 高 ≥ 80, 中).

use crate::error::{Error, Result};
use crate::profile::sections::balance::{Band, Tiers};

/// The UN's rating classes from the top, each 0.0625 wide.
pub const EGDI_CLASSES: [&str; 16] = [
    "VH", "V3", "V2", "V1", "HV", "H3", "H2", "H1", "MH", "M3", "M2", "M1", "LM", "L3", "L2", "L1",
];
pub const EGDI_GROUPS: [&str; 4] = ["Very High", "High", "Middle", "Low"];

#[derive(Debug, Clone, PartialEq)]
pub enum Scheme {
    Egdi,
    /// Highest first; the index × 100 is compared with `min`.
    Bands(Vec<Band>),
}

impl Scheme {
    pub fn from_config(t: Option<&Tiers>) -> Result<Self> {
        match t {
            None => Ok(Scheme::Egdi),
            Some(Tiers::Named(n)) if n.eq_ignore_ascii_case("egdi") => Ok(Scheme::Egdi),
            Some(Tiers::Named(n)) => Err(Error::usage(format!(
                "profile balance.tiers: unknown scheme `{n}` (use `egdi` or a list of {{name, min}} bands)"
            ))),
            Some(Tiers::Bands(b)) if b.is_empty() => {
                Err(Error::usage("profile balance.tiers: the list of bands is empty"))
            }
            Some(Tiers::Bands(b)) => {
                let mut bands = b.clone();
                bands.sort_by(|x, y| y.min.total_cmp(&x.min));
                Ok(Scheme::Bands(bands))
            }
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Scheme::Egdi => "egdi",
            Scheme::Bands(_) => "bands",
        }
    }

    /// Tier names from the top.
    pub fn tier_names(&self) -> Vec<String> {
        match self {
            Scheme::Egdi => EGDI_GROUPS.iter().map(|s| s.to_string()).collect(),
            Scheme::Bands(b) => b.iter().map(|b| b.name.clone()).collect(),
        }
    }

    /// (tier, rating class) of an index in 0–1. Bands: the first band whose `min` the index ×
    /// 100 reaches; below every band, the last band.
    pub fn classify(&self, index: f64) -> (String, Option<String>) {
        match self {
            Scheme::Egdi => {
                let (g, c) = egdi(index);
                (g.to_string(), Some(c.to_string()))
            }
            Scheme::Bands(bands) => {
                let score = index * 100.0 + 1e-9;
                let band = bands.iter().find(|b| score >= b.min).or(bands.last());
                (band.map(|b| b.name.clone()).unwrap_or_default(), None)
            }
        }
    }
}

/// EGDI group and rating class. A tiny tolerance keeps 0.75 computed as 0.7499999999 in Very
/// High, as the UN's four-decimal figures would.
pub fn egdi(index: f64) -> (&'static str, &'static str) {
    let k = ((index.clamp(0.0, 1.0) + 1e-9) / 0.0625).floor() as usize;
    let from_top = 15 - k.min(15);
    (EGDI_GROUPS[from_top / 4], EGDI_CLASSES[from_top])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn egdi_classes_match_the_un_scheme() {
        // UN 2022: Denmark 0.9717 VH, Ireland 0.8567 V2, Iraq 0.4383 MH, Somalia 0.1340 L3.
        assert_eq!(egdi(0.9717), ("Very High", "VH"));
        assert_eq!(egdi(1.0), ("Very High", "VH"));
        assert_eq!(egdi(0.8567), ("Very High", "V2"));
        assert_eq!(egdi(0.75), ("Very High", "V1"));
        assert_eq!(egdi(0.749_999_999_99), ("Very High", "V1"));
        assert_eq!(egdi(0.7499), ("High", "HV"));
        assert_eq!(egdi(0.5), ("High", "H1"));
        assert_eq!(egdi(0.4383), ("Middle", "MH"));
        assert_eq!(egdi(0.25), ("Middle", "M1"));
        assert_eq!(egdi(0.1340), ("Low", "L3"));
        assert_eq!(egdi(0.0), ("Low", "L1"));
    }

    #[test]
    fn bands_pick_the_first_reached() {
        let s = Scheme::from_config(Some(&Tiers::Bands(vec![
            Band {
                name: "中".into(),
                min: 0.0,
            },
            Band {
                name: "非常高".into(),
                min: 90.0,
            },
            Band {
                name: "高".into(),
                min: 80.0,
            },
        ])))
        .unwrap();
        assert_eq!(s.classify(0.95).0, "非常高");
        assert_eq!(s.classify(0.80).0, "高");
        assert_eq!(s.classify(0.5).0, "中");
        assert!(Scheme::from_config(Some(&Tiers::Named("x".into()))).is_err());
    }
}
