//! Inequality measures: Gini, Theil T, Theil L (mean log deviation), coefficient of variation,
//! max/min ratio, their population-weighted forms, and the between/within decomposition of
//! Theil T and L with a permutation test for the between-group share.
//!
//! Definitions follow PySAL's `inequality` package (no small-sample corrections), so the
//! results agree with its published test values. A measure that is undefined for the data
//! (Theil L or a ratio with a zero, anything with a negative value) is `None` with a note,
//! never NaN.

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

/// Unweighted measures of one variable.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Basic {
    pub n: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub gini: Option<f64>,
    pub theil_t: Option<f64>,
    pub theil_l: Option<f64>,
    pub cv: Option<f64>,
    pub max_min_ratio: Option<f64>,
}

/// Weighted measures (weights are usually populations).
#[derive(Debug, Clone, Serialize)]
pub struct Weighted {
    pub n: usize,
    pub mean: Option<f64>,
    pub cv: Option<f64>,
    pub theil_t: Option<f64>,
    pub theil_l: Option<f64>,
    pub gini: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupStat {
    pub group: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub n: usize,
    pub mean: f64,
    pub theil_t: Option<f64>,
    pub theil_l: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Decomposition {
    pub by: String,
    pub theil_t_between: Option<f64>,
    pub theil_t_within: Option<f64>,
    pub theil_l_between: Option<f64>,
    pub theil_l_within: Option<f64>,
    /// Theil T between-group part over the total.
    pub between_share: Option<f64>,
    /// Share of label permutations whose between share is at least the observed one,
    /// `(1 + k) / (1 + permutations)`.
    pub between_share_p_value: Option<f64>,
    pub permutations: usize,
    pub groups: Vec<GroupStat>,
}

/// Tolerance for treating a value as zero or two values as equal.
const EPS: f64 = 1e-12;

fn sum(x: &[f64]) -> f64 {
    x.iter().sum()
}

/// Theil T of positive-mean data with no negative values (zeros contribute 0).
fn theil_t_raw(x: &[f64], mean: f64) -> f64 {
    let n = x.len() as f64;
    x.iter()
        .filter(|v| **v > 0.0)
        .map(|v| (v / mean) * (v / mean).ln())
        .sum::<f64>()
        / n
}

/// Theil L (mean log deviation) of strictly positive data.
fn theil_l_raw(x: &[f64], mean: f64) -> f64 {
    let n = x.len() as f64;
    x.iter().map(|v| (mean / v).ln()).sum::<f64>() / n
}

/// Clamp tiny negative rounding residue to zero: these measures are non-negative.
fn nonneg(v: f64) -> f64 {
    if v < 0.0 && v > -1e-12 {
        0.0
    } else {
        v
    }
}

/// All unweighted measures of `x`; `notes` receives why any of them is undefined.
pub fn basic(x: &[f64], notes: &mut Vec<String>) -> Basic {
    let n = x.len();
    if n == 0 {
        notes.push("no region has a value".into());
        return Basic::default();
    }
    let mut sorted = x.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mean = sum(x) / n as f64;
    let min = sorted[0];
    let max = sorted[n - 1];
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    let negative = min < 0.0;
    let positive_mean = mean > EPS;
    let sd = (x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64).sqrt();
    let mut b = Basic {
        n,
        mean: Some(mean),
        median: Some(median),
        min: Some(min),
        max: Some(max),
        ..Basic::default()
    };
    if negative {
        notes.push(
            "Gini, Theil T, Theil L, CV and max/min are undefined: some values are negative".into(),
        );
        return b;
    }
    if !positive_mean {
        notes.push("Gini, Theil and CV are undefined: every value is zero".into());
        return b;
    }
    b.gini = Some(nonneg(gini_sorted(&sorted, mean)));
    b.theil_t = Some(nonneg(theil_t_raw(x, mean)));
    b.cv = Some(sd / mean);
    if min > 0.0 {
        b.theil_l = Some(nonneg(theil_l_raw(x, mean)));
        b.max_min_ratio = Some(max / min);
    } else {
        notes.push("Theil L and max/min are undefined: some values are zero".into());
    }
    b
}

/// Gini of sorted non-negative data: `Σ (2i − n − 1) x_(i) / (n² μ)`, which equals PySAL's
/// `Σ_i Σ_j |x_i − x_j| / (2 n² μ)`.
fn gini_sorted(sorted: &[f64], mean: f64) -> f64 {
    let n = sorted.len() as f64;
    let s: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, v)| (2.0 * (i as f64 + 1.0) - n - 1.0) * v)
        .sum();
    s / (n * n * mean)
}

/// Weighted measures over the pairs with a positive weight. `None` when no weight is known.
pub fn weighted(x: &[f64], w: &[f64], notes: &mut Vec<String>) -> Option<Weighted> {
    let pairs: Vec<(f64, f64)> = x
        .iter()
        .zip(w)
        .filter(|(_, w)| w.is_finite() && **w > 0.0)
        .map(|(x, w)| (*x, *w))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let total: f64 = pairs.iter().map(|p| p.1).sum();
    let mean = pairs.iter().map(|(x, w)| x * w).sum::<f64>() / total;
    let mut out = Weighted {
        n: pairs.len(),
        mean: Some(mean),
        cv: None,
        theil_t: None,
        theil_l: None,
        gini: None,
    };
    let negative = pairs.iter().any(|p| p.0 < 0.0);
    if negative || mean <= EPS {
        notes.push(
            "weighted CV, Theil and Gini are undefined for negative or all-zero values".into(),
        );
        return Some(out);
    }
    let var = pairs
        .iter()
        .map(|(x, w)| w * (x - mean).powi(2))
        .sum::<f64>()
        / total;
    out.cv = Some(var.sqrt() / mean);
    out.theil_t = Some(nonneg(
        pairs
            .iter()
            .filter(|p| p.0 > 0.0)
            .map(|(x, w)| w / total * (x / mean) * (x / mean).ln())
            .sum(),
    ));
    if pairs.iter().all(|p| p.0 > 0.0) {
        out.theil_l = Some(nonneg(
            pairs.iter().map(|(x, w)| w / total * (mean / x).ln()).sum(),
        ));
    }
    // Σ_i Σ_j p_i p_j |x_i − x_j| / (2μ), in O(n log n) over sorted values.
    let mut sorted = pairs;
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut p_below, mut x_below, mut acc) = (0.0, 0.0, 0.0);
    for (x, w) in &sorted {
        let p = w / total;
        acc += p * (x * p_below - x_below);
        p_below += p;
        x_below += p * x;
    }
    out.gini = Some(nonneg(acc / mean));
    Some(out)
}

/// Theil T between-group part from group sums: `Σ_g s_g ln(s_g n / n_g)`.
fn t_between(sums: &[f64], counts: &[usize], total: f64, n: usize) -> f64 {
    sums.iter()
        .zip(counts)
        .filter(|(s, c)| **s > 0.0 && **c > 0)
        .map(|(s, c)| {
            let share = s / total;
            share * (share * n as f64 / *c as f64).ln()
        })
        .sum()
}

/// Decompose Theil T and L of `x` by the group index of each value (`groups[i]` <
/// `names.len()`). `permutations` label shuffles (seeded) give the p-value of the between
/// share of Theil T.
pub fn decompose(
    x: &[f64],
    groups: &[usize],
    names: &[(String, Option<String>)],
    by: &str,
    permutations: usize,
    seed: u64,
) -> Decomposition {
    let n = x.len();
    let g = names.len();
    let mut counts = vec![0usize; g];
    let mut sums = vec![0.0f64; g];
    for (v, &k) in x.iter().zip(groups) {
        counts[k] += 1;
        sums[k] += v;
    }
    let total: f64 = sums.iter().sum();
    let mean = if n > 0 { total / n as f64 } else { 0.0 };
    let nonneg_data = x.iter().all(|v| *v >= 0.0) && mean > EPS;
    let positive = nonneg_data && x.iter().all(|v| *v > 0.0);
    let mut members: Vec<Vec<f64>> = vec![Vec::new(); g];
    for (v, &k) in x.iter().zip(groups) {
        members[k].push(*v);
    }
    let group_stats: Vec<GroupStat> = names
        .iter()
        .enumerate()
        .filter(|(k, _)| counts[*k] > 0)
        .map(|(k, (label, name))| {
            let m = sums[k] / counts[k] as f64;
            let ok_t = nonneg_data && m > EPS;
            let ok_l = positive;
            GroupStat {
                group: label.clone(),
                name: name.clone(),
                n: counts[k],
                mean: m,
                theil_t: ok_t.then(|| nonneg(theil_t_raw(&members[k], m))),
                theil_l: ok_l.then(|| nonneg(theil_l_raw(&members[k], m))),
            }
        })
        .collect();
    let mut d = Decomposition {
        by: by.to_string(),
        theil_t_between: None,
        theil_t_within: None,
        theil_l_between: None,
        theil_l_within: None,
        between_share: None,
        between_share_p_value: None,
        permutations,
        groups: group_stats,
    };
    if !nonneg_data {
        return d;
    }
    let t_total = theil_t_raw(x, mean);
    let tb = nonneg(t_between(&sums, &counts, total, n));
    d.theil_t_between = Some(tb);
    d.theil_t_within = Some(nonneg(t_total - tb));
    if positive {
        let l_total = theil_l_raw(x, mean);
        let lb: f64 = sums
            .iter()
            .zip(&counts)
            .filter(|(_, c)| **c > 0)
            .map(|(s, c)| *c as f64 / n as f64 * (mean / (s / *c as f64)).ln())
            .sum();
        d.theil_l_between = Some(nonneg(lb));
        d.theil_l_within = Some(nonneg(l_total - lb));
    }
    if t_total > EPS {
        let observed = tb / t_total;
        d.between_share = Some(observed);
        if permutations > 0 && g > 1 {
            d.between_share_p_value = p_values(&[x], groups, g, &[observed], permutations, seed)[0];
        }
    }
    d
}

/// Permutation p-values of the Theil T between-group share for several variables over the
/// same regions and groups: each of `permutations` seeded shuffles of the group labels is
/// applied to every variable, so the shuffles are drawn once. `p = (1 + k) / (1 + R)` where
/// `k` counts shuffles whose share is at least the observed one.
///
/// Shuffle `r` (0-based) permutes the original labels ([`shuffle`]) with its own generator,
/// ChaCha8 seeded from `seed` on stream `r`, so the shuffles are independent of each other
/// and of how they are spread over threads: the same seed gives the same p-values anywhere.
pub fn p_values(
    xs: &[&[f64]],
    groups: &[usize],
    g: usize,
    observed: &[f64],
    permutations: usize,
    seed: u64,
) -> Vec<Option<f64>> {
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    p_values_on(xs, groups, g, observed, permutations, seed, threads)
}

/// Fisher–Yates from the last position down; each swap index is drawn from the next `u32`
/// by Lemire's multiply-shift with rejection (unbiased). Three times faster than
/// `SliceRandom::shuffle`, which spends most of its time drawing indices.
fn shuffle(v: &mut [u32], rng: &mut ChaCha8Rng) {
    for i in (1..v.len()).rev() {
        let bound = (i + 1) as u64;
        let mut m = u64::from(rng.next_u32()) * bound;
        if (m as u32 as u64) < bound {
            let threshold = (1u64 << 32) % bound;
            while (m as u32 as u64) < threshold {
                m = u64::from(rng.next_u32()) * bound;
            }
        }
        v.swap(i, (m >> 32) as usize);
    }
}

/// [`p_values`] on up to `threads` threads (the result does not depend on their number).
fn p_values_on(
    xs: &[&[f64]],
    groups: &[usize],
    g: usize,
    observed: &[f64],
    permutations: usize,
    seed: u64,
    threads: usize,
) -> Vec<Option<f64>> {
    let n = groups.len();
    let m = xs.len();
    let mut counts = vec![0usize; g];
    for &k in groups {
        counts[k] += 1;
    }
    let totals: Vec<f64> = xs.iter().map(|x| sum(x)).collect();
    let t_totals: Vec<f64> = xs
        .iter()
        .zip(&totals)
        .map(|(x, t)| theil_t_raw(x, t / n as f64))
        .collect();
    // Group sizes are invariant under label shuffles, so only the group sums change. Values
    // are interleaved region by region, so one pass over the shuffled labels adds a region's
    // value of every variable to its group's row of sums.
    let rows: Vec<f64> = (0..n).flat_map(|i| xs.iter().map(move |x| x[i])).collect();
    let labels: Vec<u32> = groups.iter().map(|&k| k as u32).collect();
    // Work in blocks of contiguous permutation indices; each thread takes whole blocks.
    let threads = threads.clamp(1, permutations.max(1));
    let per = permutations.div_ceil(threads);
    let run = |range: std::ops::Range<usize>| -> Vec<usize> {
        let mut at_least = vec![0usize; m];
        let mut shuffled = labels.clone();
        let mut sums = vec![0.0f64; g * m];
        let mut group_sums = vec![0.0f64; g];
        for r in range {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            rng.set_stream(r as u64);
            shuffled.copy_from_slice(&labels);
            shuffle(&mut shuffled, &mut rng);
            sums.iter_mut().for_each(|s| *s = 0.0);
            if m > 0 {
                for (row, &k) in rows.chunks_exact(m).zip(&shuffled) {
                    let k = k as usize * m;
                    for (s, v) in sums[k..k + m].iter_mut().zip(row) {
                        *s += v;
                    }
                }
            }
            for j in 0..m {
                for (gs, row) in group_sums.iter_mut().zip(sums.chunks_exact(m)) {
                    *gs = row[j];
                }
                let share = t_between(&group_sums, &counts, totals[j], n) / t_totals[j];
                if share >= observed[j] - 1e-12 {
                    at_least[j] += 1;
                }
            }
        }
        at_least
    };
    let parts: Vec<Vec<usize>> = if threads == 1 {
        vec![run(0..permutations)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let range = (t * per).min(permutations)..((t + 1) * per).min(permutations);
                    let run = &run;
                    scope.spawn(move || run(range))
                })
                .collect();
            handles
                .into_iter()
                // A worker that panicked passes its panic on, as a plain join would.
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    (0..m)
        .map(|j| {
            let k: usize = parts.iter().map(|p| p[j]).sum();
            Some((1 + k) as f64 / (1 + permutations) as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// PySAL's test data: Mexico's per-capita GDP 1940 and the hanson98 regions.
    const PCGDP1940: [f64; 32] = [
        10384.0, 22361.0, 9573.0, 3758.0, 2934.0, 8578.0, 8537.0, 6909.0, 17816.0, 12132.0, 4359.0,
        2181.0, 4414.0, 5309.0, 3408.0, 3327.0, 6936.0, 4836.0, 9073.0, 1892.0, 3569.0, 11016.0,
        21965.0, 4372.0, 4840.0, 6399.0, 2459.0, 7508.0, 3605.0, 5203.0, 7990.0, 3734.0,
    ];
    const HANSON98: [usize; 32] = [
        2, 1, 2, 5, 5, 1, 1, 3, 4, 2, 3, 5, 3, 3, 4, 3, 3, 2, 1, 5, 3, 3, 5, 2, 2, 1, 5, 1, 3, 3,
        5, 2,
    ];

    #[test]
    fn agrees_with_pysal_gini_and_theil() {
        let mut notes = Vec::new();
        let b = basic(&PCGDP1940, &mut notes);
        // PySAL's published value is 0.35372371173452849 (more digits than an f64 holds).
        assert!((b.gini.unwrap() - 0.353_723_711_734_528_5).abs() < 1e-12);
        assert!((b.theil_t.unwrap() - 0.208_943_44).abs() < 1e-8);
        assert!(notes.is_empty());
    }

    #[test]
    fn agrees_with_pysal_theil_decomposition() {
        let names: Vec<(String, Option<String>)> = (0..=6).map(|k| (k.to_string(), None)).collect();
        let d = decompose(&PCGDP1940, &HANSON98, &names, "hanson98", 99, 1);
        assert!((d.theil_t_between.unwrap() - 0.034_588_9).abs() < 1e-7);
        let total = d.theil_t_between.unwrap() + d.theil_t_within.unwrap();
        assert!((total - 0.208_943_44).abs() < 1e-8);
        assert_eq!(d.groups.len(), 5);
        assert_eq!(d.groups.iter().map(|g| g.n).sum::<usize>(), 32);
        let p = d.between_share_p_value.unwrap();
        assert!(p > 0.0 && p <= 1.0);
        // Seeded: the same call gives the same p-value.
        let again = decompose(&PCGDP1940, &HANSON98, &names, "hanson98", 99, 1);
        assert_eq!(again.between_share_p_value, d.between_share_p_value);
    }

    #[test]
    fn p_values_do_not_depend_on_the_thread_count() {
        let shifted: Vec<f64> = PCGDP1940.iter().map(|v| v.sqrt()).collect();
        let xs: [&[f64]; 2] = [&PCGDP1940, &shifted];
        let names: Vec<(String, Option<String>)> = (0..=6).map(|k| (k.to_string(), None)).collect();
        let observed: Vec<f64> = xs
            .iter()
            .map(|x| {
                decompose(x, &HANSON98, &names, "h", 0, 0)
                    .between_share
                    .unwrap()
            })
            .collect();
        let one = p_values_on(&xs, &HANSON98, 7, &observed, 199, 42, 1);
        for threads in [2, 3, 8, 500] {
            assert_eq!(
                p_values_on(&xs, &HANSON98, 7, &observed, 199, 42, threads),
                one
            );
        }
        assert!(one.iter().all(|p| p.is_some_and(|p| p > 0.0 && p <= 1.0)));
        // No shuffles: p = (1 + 0) / (1 + 0).
        assert_eq!(
            p_values_on(&xs, &HANSON98, 7, &observed, 0, 42, 2),
            vec![Some(1.0); 2]
        );
    }

    #[test]
    fn shuffles_are_uniform_permutations() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let mut first = [0usize; 4];
        for _ in 0..4000 {
            let mut v: Vec<u32> = (0..4).collect();
            shuffle(&mut v, &mut rng);
            let mut s = v.clone();
            s.sort_unstable();
            assert_eq!(s, [0, 1, 2, 3]);
            first[v[0] as usize] += 1;
        }
        assert!(first.iter().all(|&c| (900..1100).contains(&c)), "{first:?}");
    }

    #[test]
    fn theil_l_decomposes_exactly() {
        let x = [1.0, 2.0, 3.0, 10.0, 20.0];
        let g = [0, 0, 0, 1, 1];
        let names = vec![("a".to_string(), None), ("b".to_string(), None)];
        let d = decompose(&x, &g, &names, "g", 0, 0);
        let mut notes = Vec::new();
        let b = basic(&x, &mut notes);
        let l = d.theil_l_between.unwrap() + d.theil_l_within.unwrap();
        assert!((l - b.theil_l.unwrap()).abs() < 1e-12);
        // Within = Σ n_g/n · L_g.
        let within: f64 = d
            .groups
            .iter()
            .map(|g| g.n as f64 / 5.0 * g.theil_l.unwrap())
            .sum();
        assert!((within - d.theil_l_within.unwrap()).abs() < 1e-12);
    }

    #[test]
    fn undefined_measures_are_none_with_a_note() {
        let mut notes = Vec::new();
        let b = basic(&[0.0, 1.0, 3.0], &mut notes);
        assert!(b.theil_l.is_none() && b.max_min_ratio.is_none());
        assert!(b.theil_t.is_some() && b.gini.is_some());
        assert!(notes.iter().any(|n| n.contains("zero")));
        let mut notes = Vec::new();
        let b = basic(&[-1.0, 1.0], &mut notes);
        assert!(b.gini.is_none() && b.cv.is_none() && b.theil_t.is_none());
        assert_eq!(b.mean, Some(0.0));
        assert!(!notes.is_empty());
        let b = basic(&[], &mut notes);
        assert_eq!(b.n, 0);
        assert!(b.mean.is_none());
    }

    #[test]
    fn equal_weights_give_the_unweighted_measures() {
        let mut notes = Vec::new();
        let b = basic(&PCGDP1940, &mut notes);
        let w = weighted(&PCGDP1940, &[3.0; 32], &mut notes).unwrap();
        assert!((w.gini.unwrap() - b.gini.unwrap()).abs() < 1e-12);
        assert!((w.theil_t.unwrap() - b.theil_t.unwrap()).abs() < 1e-12);
        assert!((w.theil_l.unwrap() - b.theil_l.unwrap()).abs() < 1e-12);
        assert!((w.cv.unwrap() - b.cv.unwrap()).abs() < 1e-12);
    }

    #[test]
    fn population_weights_shift_the_mean() {
        let mut notes = Vec::new();
        let w = weighted(&[1.0, 3.0], &[3.0, 1.0], &mut notes).unwrap();
        assert!((w.mean.unwrap() - 1.5).abs() < 1e-12);
        // Pairs differ by 2 with weight 2·(3/4)(1/4); Gini = Σ p_i p_j |Δ| / (2μ).
        assert!((w.gini.unwrap() - (2.0 * 0.75 * 0.25 * 2.0) / (2.0 * 1.5)).abs() < 1e-12);
        assert!(weighted(&[1.0], &[0.0], &mut notes).is_none());
    }
}
