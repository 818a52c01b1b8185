//! `metrics.csv`: regional indicators for `balance`, correlated with macro-region (the east
//! ahead, the west behind) and with a region's own random maturity.

use std::path::Path;

use rand::Rng;

use super::plan::{display_code, richness, Plan};
use crate::error::{Error, Result};
use crate::model::{Level, Region, RegionSet};
use crate::sample::Scale;

pub const HEADER: &[&str] = &[
    "region_code",
    "name",
    "group",
    "population",
    "online_rate",
    "full_online_rate",
    "avg_visits",
    "satisfaction",
    "applications_per_1k",
    "mobile_share",
];

/// Write the metrics; returns the number of rows.
pub fn write(plan: &Plan, path: &Path) -> Result<u64> {
    let set = RegionSet::china();
    // demo: the 31 provinces; province: the province's counties; national: both.
    let rows: Vec<(usize, &Region)> = set
        .iter()
        .enumerate()
        .filter(|(_, r)| match plan.scale {
            Scale::Demo => r.level == Level::Province,
            Scale::Province => {
                r.level == Level::County
                    && plan
                        .province
                        .as_deref()
                        .is_some_and(|p| r.code.starts_with(p))
            }
            Scale::National => matches!(r.level, Level::Province | Level::County),
        })
        .collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::Other(format!("{}: {e}", path.display()));
    w.write_record(HEADER).map_err(err)?;
    let counties_per_province = |code: &str| {
        set.iter()
            .filter(|r| r.level == Level::County && r.code.starts_with(code))
            .count()
            .max(1)
    };
    let mut province_share: Vec<(String, usize)> = Vec::new();
    let mut n = 0;
    for (i, r) in rows {
        let mut rng = plan.rng(4, i as u64);
        let rich = richness(r.group.as_deref(), &r.code);
        let m: f64 = rng.random_range(-0.08..0.08);
        let population = match r.population {
            Some(p) => p,
            None => {
                // A county's share of its province's 2020 population, spread log-normally.
                let prov = &r.code[..2];
                let n = match province_share.iter().find(|(c, _)| c == prov) {
                    Some((_, n)) => *n,
                    None => {
                        let n = counties_per_province(prov);
                        province_share.push((prov.to_string(), n));
                        n
                    }
                };
                let total = set.get(prov).and_then(|p| p.population).unwrap_or(3.0e7);
                (total / n as f64 * rng.random_range(0.3f64..2.2)).round()
            }
        };
        let online = (0.72 + 0.22 * rich + m).clamp(0.3, 0.995);
        let full = (online * (0.45 + 0.35 * rich) + m / 2.0).clamp(0.1, 0.98);
        let visits = (0.95 - 0.7 * rich - m * 2.0 + rng.random_range(0.0..0.1)).max(0.05);
        let satisfaction = (0.9 + 0.07 * rich + m / 3.0).clamp(0.6, 0.998);
        let apps = 280.0 + 700.0 * rich + rng.random_range(-80.0..80.0);
        let mobile = (0.35 + 0.4 * rich + m).clamp(0.1, 0.95);
        w.write_record([
            display_code(&r.code),
            r.name.clone(),
            r.group.clone().unwrap_or_default(),
            format!("{population:.0}"),
            format!("{online:.3}"),
            format!("{full:.3}"),
            format!("{visits:.2}"),
            format!("{satisfaction:.3}"),
            format!("{apps:.1}"),
            format!("{mobile:.3}"),
        ])
        .map_err(err)?;
        n += 1;
    }
    let body = w.into_inner().map_err(|e| Error::Other(e.to_string()))?;
    crate::report::output::write_atomic(path, &body)?;
    Ok(n)
}
