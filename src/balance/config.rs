//! The `balance:` section of a profile.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::cli::Normalise;
use crate::model::Level;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BalanceConfig {
    pub level: Option<Level>,
    pub group_by: Option<String>,
    pub weight: Option<String>,
    pub normalise: Option<Normalise>,
    /// Indicator name → weight and direction.
    pub indicators: BTreeMap<String, IndicatorConfig>,
    /// `egdi` (the UN scheme) or score bands, highest first.
    pub tiers: Option<Tiers>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorConfig {
    #[serde(default = "one")]
    pub weight: f64,
    /// `higher` (default) or `lower` is better.
    #[serde(default)]
    pub better: Better,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Tiers {
    /// `egdi`
    Named(String),
    /// `[{name: 非常高, min: 90}, …]` on the index scaled to 0–100.
    Bands(Vec<Band>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub name: String,
    pub min: f64,
}
