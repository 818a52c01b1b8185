//! Which indicators make the composite index, in which direction and with what weight; how
//! each is scaled to 0–1; and the index itself.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::profile::sections::balance::{Better, IndicatorConfig, Scaling};

/// One indicator of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spec {
    pub name: String,
    pub weight: f64,
    pub better: Better,
}

/// The key an indicator is known by: ASCII headers in snake_case (`E-Government Index` →
/// `e_government_index`), other headers (e.g. Chinese) trimmed as they are.
pub fn key(header: &str) -> String {
    let h = header.trim().trim_start_matches('\u{FEFF}');
    if !h.is_ascii() {
        return h.to_string();
    }
    let mut out = String::with_capacity(h.len());
    for c in h.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// Parse `--indicators NAME[=WEIGHT][:lower|:higher]` items.
pub fn parse_flags(items: &[String]) -> Result<Vec<Spec>> {
    let mut out: Vec<Spec> = Vec::new();
    for raw in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let bad = |why: &str| {
            Error::usage(format!(
                "--indicators `{raw}`: {why} (expected NAME[=WEIGHT][:lower], e.g. online_rate=2 or avg_visits:lower)"
            ))
        };
        let (main, better) = match raw.rsplit_once(':') {
            Some((m, d)) if d.eq_ignore_ascii_case("lower") => (m, Better::Lower),
            Some((m, d)) if d.eq_ignore_ascii_case("higher") => (m, Better::Higher),
            Some(_) => return Err(bad("the direction after `:` must be lower or higher")),
            None => (raw, Better::Higher),
        };
        let (name, weight) = match main.split_once('=') {
            Some((n, w)) => {
                let w: f64 = w
                    .trim()
                    .parse()
                    .map_err(|_| bad("the weight is not a number"))?;
                if !w.is_finite() || w < 0.0 {
                    return Err(bad("the weight must be zero or more"));
                }
                (n.trim(), w)
            }
            None => (main.trim(), 1.0),
        };
        if name.is_empty() {
            return Err(bad("the name is empty"));
        }
        let name = key(name);
        if out.iter().any(|s| s.name == name) {
            return Err(bad("this indicator is listed twice"));
        }
        out.push(Spec {
            name,
            weight,
            better,
        });
    }
    Ok(out)
}

/// Specs from the profile's `balance.indicators`.
pub fn from_profile(
    map: &std::collections::BTreeMap<String, IndicatorConfig>,
) -> Result<Vec<Spec>> {
    map.iter()
        .map(|(name, c)| {
            if !c.weight.is_finite() || c.weight < 0.0 {
                return Err(Error::usage(format!(
                    "profile balance.indicators.{name}.weight must be zero or more, found {}",
                    c.weight
                )));
            }
            Ok(Spec {
                name: key(name),
                weight: c.weight,
                better: c.better,
            })
        })
        .collect()
}

/// Scale one indicator's values (None = missing) to 0–1, 1 being best. Returns the scores and
/// a note when the requested scaling could not be used as such.
pub fn normalise(
    values: &[Option<f64>],
    better: Better,
    scaling: Scaling,
) -> (Vec<Option<f64>>, Option<String>) {
    let present = values.iter().flatten();
    let (min, max) = present.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(*v), hi.max(*v))
    });
    if !min.is_finite() {
        return (vec![None; values.len()], None);
    }
    let minmax = |x: f64| {
        if max - min <= f64::EPSILON * max.abs().max(1.0) {
            1.0
        } else if better == Better::Higher {
            (x - min) / (max - min)
        } else {
            (max - x) / (max - min)
        }
    };
    let map = |f: &dyn Fn(f64) -> f64| values.iter().map(|v| v.map(f)).collect::<Vec<_>>();
    match (scaling, better) {
        (Scaling::Minmax, _) => (map(&minmax), None),
        (Scaling::None, Better::Higher) => (map(&|x| x), out_of_range(min, max)),
        (Scaling::None, Better::Lower) => (map(&|x| 1.0 - x), out_of_range(min, max)),
        (Scaling::Ratio, _) if min < 0.0 => (
            map(&minmax),
            Some("has negative values, so it is scaled min–max instead of by ratio".into()),
        ),
        (Scaling::Ratio, _) if max <= 0.0 => (map(&|_| 1.0), Some("is zero everywhere".into())),
        (Scaling::Ratio, Better::Higher) => (map(&|x| x / max), None),
        (Scaling::Ratio, Better::Lower) if min > 0.0 => (map(&|x| min / x), None),
        // The best region has zero (e.g. no gaps): best/x is 0 for everyone else, so score
        // the share of the worst value avoided instead.
        (Scaling::Ratio, Better::Lower) => (
            map(&|x| 1.0 - x / max),
            Some("is zero at its best, so it is scaled as 1 − x / max instead of min / x".into()),
        ),
    }
}

fn out_of_range(min: f64, max: f64) -> Option<String> {
    (min < 0.0 || max > 1.0)
        .then(|| "has values outside 0–1 although normalisation is `none`".to_string())
}

/// Weighted mean of the scores a region has (weights re-normalised over them). `None` when
/// no weighted indicator has a value.
pub fn composite(scores: &[Option<f64>], weights: &[f64]) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for (s, w) in scores.iter().zip(weights) {
        if let Some(s) = s {
            if *w > 0.0 {
                num += s * w;
                den += w;
            }
        }
    }
    (den > 0.0).then(|| num / den)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_weights_and_directions() {
        let s = parse_flags(&[
            "online_rate=2".into(),
            "Avg Visits:lower".into(),
            "x=0.5:higher".into(),
        ])
        .unwrap();
        assert_eq!(
            s[0],
            Spec {
                name: "online_rate".into(),
                weight: 2.0,
                better: Better::Higher
            }
        );
        assert_eq!(
            s[1],
            Spec {
                name: "avg_visits".into(),
                weight: 1.0,
                better: Better::Lower
            }
        );
        assert_eq!(s[2].weight, 0.5);
        for bad in ["a=-1", "a=x", "a:sideways", "=2", "a,a"] {
            let items: Vec<String> = bad.split(',').map(String::from).collect();
            assert!(parse_flags(&items).is_err(), "{bad}");
        }
    }

    #[test]
    fn keys_are_snake_case() {
        assert_eq!(key("E-Government Index"), "e_government_index");
        assert_eq!(key(" Online  Service Index "), "online_service_index");
        assert_eq!(key("网办率"), "网办率");
    }

    #[test]
    fn ratio_scaling_uses_the_best_region() {
        let v = [Some(2.0), Some(4.0), None];
        let (s, note) = normalise(&v, Better::Higher, Scaling::Ratio);
        assert_eq!(s, vec![Some(0.5), Some(1.0), None]);
        assert!(note.is_none());
        let (s, _) = normalise(&v, Better::Lower, Scaling::Ratio);
        assert_eq!(s, vec![Some(1.0), Some(0.5), None]);
        let (s, note) = normalise(&[Some(0.0), Some(4.0)], Better::Lower, Scaling::Ratio);
        assert_eq!(s, vec![Some(1.0), Some(0.0)]);
        assert!(note.is_some());
        let (s, note) = normalise(&[Some(-1.0), Some(1.0)], Better::Higher, Scaling::Ratio);
        assert_eq!(s, vec![Some(0.0), Some(1.0)]);
        assert!(note.is_some());
    }

    #[test]
    fn minmax_and_none_scaling() {
        let v = [Some(1.0), Some(3.0), Some(2.0)];
        let (s, _) = normalise(&v, Better::Lower, Scaling::Minmax);
        assert_eq!(s, vec![Some(1.0), Some(0.0), Some(0.5)]);
        let (s, _) = normalise(&[Some(0.2)], Better::Lower, Scaling::None);
        assert!((s[0].unwrap() - 0.8).abs() < 1e-12);
        let (s, _) = normalise(&[Some(5.0), Some(5.0)], Better::Higher, Scaling::Minmax);
        assert_eq!(s, vec![Some(1.0), Some(1.0)]);
    }

    #[test]
    fn composite_reweights_over_present_values() {
        assert_eq!(
            composite(&[Some(1.0), None, Some(0.0)], &[1.0, 1.0, 3.0]),
            Some(0.25)
        );
        assert_eq!(composite(&[None, Some(1.0)], &[1.0, 0.0]), None);
    }
}
