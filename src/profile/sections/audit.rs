//! The `audit:` section of a profile.

use serde::{Deserialize, Serialize};

use crate::model::item_code::Layout;
use crate::model::FailOn;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuditConfig {
    /// Lowest severity that fails the run.
    pub fail_on: Option<FailOn>,
    /// Similarity (0..1) at which names count as near duplicates.
    pub threshold: Option<f64>,
    /// Rule-name prefixes to run (all when empty).
    pub only: Vec<String>,
    /// Share (0..1) of sibling regions that must have an item for `gap.peer_missing`.
    pub peer_share: Option<f64>,
    /// Rule-name prefixes never to run (e.g. `gap.no_mobile_channel` for an export that does
    /// not record mobile channels).
    pub skip: Vec<String>,
    /// A provincial 实施编码 layout replacing the built-in national one (GB/T 39554.1-2020).
    pub code_layout: Option<Layout>,
}
