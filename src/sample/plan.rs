//! What a scale generates: which regions, which baseline items, how many defects, and the
//! per-region random streams that keep every file deterministic for a seed.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::items::{self, Item};
use crate::model::{Level, Region, RegionSet};
use crate::sample::Scale;

/// The date the data describe; `last_updated` and `updated` are relative to it.
pub const AS_OF: &str = "2026-11-28";

/// The province of the demo and of `--scale province`: Zhejiang (浙江省).
pub const DEMO_PROVINCE: &str = "33";

/// Parts of the hierarchy that are not real cities (直辖市 districts sit under 市辖区).
pub fn is_pseudo(r: &Region) -> bool {
    matches!(
        r.name.as_str(),
        "市辖区" | "县" | "省直辖县级行政区划" | "自治区直辖县级行政区划"
    )
}

pub struct Rates {
    /// Chance that one catalog row carries a planted defect.
    pub defect: f64,
    /// Base chance that a required item is missing in a region.
    pub gap: f64,
    /// Cases in the event stream.
    pub cases: usize,
}

pub struct Plan {
    pub scale: Scale,
    pub seed: u64,
    pub province: Option<String>,
    pub items: Vec<Item>,
    /// Indices into `RegionSet::china()`, in the set's order (provinces, cities, counties,
    /// townships).
    pub regions: Vec<usize>,
    pub rates: Rates,
}

impl Plan {
    /// `province` overrides the demo's province (canonical 2-digit code); national ignores it.
    pub fn new(scale: Scale, seed: u64, province: Option<&str>) -> Self {
        let set = RegionSet::china();
        let province = match scale {
            Scale::National => None,
            _ => Some(province.unwrap_or(DEMO_PROVINCE).to_string()),
        };
        let regions = set
            .iter()
            .enumerate()
            .filter(|(_, r)| !(r.level == Level::City && is_pseudo(r)))
            .filter(|(_, r)| match &province {
                None => true,
                Some(p) => r.code.starts_with(p.as_str()),
            })
            .map(|(i, _)| i)
            .collect();
        let rates = match scale {
            Scale::Demo => Rates {
                defect: 0.012,
                gap: 0.01,
                cases: 3_000,
            },
            Scale::Province => Rates {
                defect: 0.003,
                gap: 0.008,
                cases: 10_000,
            },
            Scale::National => Rates {
                defect: 0.0008,
                gap: 0.004,
                cases: 30_000,
            },
        };
        Plan {
            scale,
            seed,
            province,
            items: items::for_scale(scale == Scale::Demo),
            regions,
            rates,
        }
    }

    pub fn scale_name(&self) -> &'static str {
        match self.scale {
            Scale::Demo => "demo",
            Scale::Province => "province",
            Scale::National => "national",
        }
    }

    /// Baseline items a region at `level` must implement, in code order.
    pub fn required(&self, level: Level) -> Vec<&Item> {
        self.items.iter().filter(|i| i.required_at(level)).collect()
    }

    /// About how many catalog rows this plan writes (for the progress bar).
    pub fn expected_rows(&self) -> u64 {
        let set = RegionSet::china();
        let per_level: Vec<u64> = Level::ALL
            .iter()
            .map(|l| self.required(*l).len() as u64)
            .collect();
        self.regions
            .iter()
            .map(|&i| per_level[set.by_index(i).level as usize])
            .sum()
    }

    /// An independent random stream for (`what`, `index`), so one file or region does not
    /// shift another's numbers.
    pub fn rng(&self, what: u64, index: u64) -> ChaCha8Rng {
        ChaCha8Rng::seed_from_u64(mix(
            self.seed ^ mix(what.wrapping_mul(0x9E37_79B9) ^ mix(index))
        ))
    }
}

/// splitmix64: a fixed, platform-independent mixer (never the std hasher).
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How developed online services are (0..1), by macro-region — the east leads, the west
/// lags — with the best-known leaders and laggards of each region nudged (`code` is any code
/// of the region or below it).
pub fn richness(group: Option<&str>, code: &str) -> f64 {
    let base: f64 = match group {
        Some("east") => 0.9,
        Some("central") => 0.6,
        Some("northeast") => 0.5,
        Some("west") => 0.25,
        _ => 0.5,
    };
    let nudge = match code.get(..2).unwrap_or("") {
        "11" | "31" | "33" => 0.1,
        "32" | "44" => 0.05,
        "50" | "51" => 0.1,
        "13" | "46" => -0.15,
        "54" | "63" => -0.1,
        _ => 0.0,
    };
    (base + nudge).clamp(0.0, 1.0)
}

/// The 6-digit (or 9-digit township) code as exports write it: `33` → `330000`.
pub fn display_code(canonical: &str) -> String {
    match canonical.len() {
        2 | 4 => format!("{canonical:0<6}"),
        _ => canonical.to_string(),
    }
}

/// The code padded to 12 digits, the first part of an implementation code (实施编码).
pub fn code12(canonical: &str) -> String {
    format!("{canonical:0<12}")
}
