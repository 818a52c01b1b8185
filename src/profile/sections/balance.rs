//! The `balance:` section of a profile.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{FailOn, Level};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BalanceConfig {
    pub level: Option<Level>,
    pub group_by: Option<String>,
    pub weight: Option<String>,
    pub normalise: Option<Scaling>,
    /// Indicator name → weight and direction. Weight 0: measured and shown, not in the index.
    pub indicators: BTreeMap<String, IndicatorConfig>,
    /// `egdi` (the UN scheme) or score bands, highest first.
    pub tiers: Option<Tiers>,
    /// Join the metrics to a second file that supplies codes, groups and populations.
    pub join: Option<JoinConfig>,
    /// A laggard's index is below this fraction of the median index (default 0.75).
    pub laggard_ratio: Option<f64>,
    /// Label permutations for the p-value of the between-group share (default 999).
    pub permutations: Option<usize>,
    /// Seed of the permutation test (default 2026).
    pub seed: Option<u64>,
    /// Lowest severity that fails the gate (default high; balance's one finding is
    /// `input.empty`).
    pub fail_on: Option<FailOn>,
}

/// How indicators are put on a common 0–1 scale before the composite index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scaling {
    /// Ratio to the best region (x / max; for lower-is-better, min / x).
    #[default]
    Ratio,
    /// (x − min) / (max − min), reversed for lower-is-better.
    Minmax,
    /// Use the values as they are (already on 0–1, like the UN's OSI, HCI and TII); a
    /// lower-is-better indicator becomes 1 − x.
    None,
}

impl Scaling {
    pub fn as_str(self) -> &'static str {
        match self {
            Scaling::Ratio => "ratio",
            Scaling::Minmax => "minmax",
            Scaling::None => "none",
        }
    }
}

impl From<Normalise> for Scaling {
    fn from(n: Normalise) -> Self {
        match n {
            Normalise::Ratio => Scaling::Ratio,
            Normalise::Minmax => Scaling::Minmax,
        }
    }
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

impl Better {
    pub fn as_str(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }
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

/// A second table joined to the metrics row by row, e.g. the UN's country list joined to the
/// 2022 EGDI file (which has names but no codes) by country name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinConfig {
    /// The file (relative to the profile's directory) or URL.
    pub file: String,
    /// What in the metrics identifies a region: `name` (default) or `region_code`.
    #[serde(default = "by_name")]
    pub by: String,
    /// The column of `file` that holds the same key.
    pub key: String,
    /// Field → column of `file`: `code`, `name`, `group`, `population`, `parent`, or any
    /// other name (a label usable with `--group-by`).
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// Spelling in the metrics → spelling in `file` (after trimming; case-insensitive).
    #[serde(default)]
    pub aliases: BTreeMap<String, String>,
}

fn by_name() -> String {
    "name".into()
}

/// How indicators are scaled onto 0..1 before they are weighted (the command-line choice).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Normalise {
    /// Ratio to the best region
    Ratio,
    /// (x - min) / (max - min)
    Minmax,
}
