//! Near-same names without comparing all pairs: MinHash signatures of character n-grams,
//! LSH banding for candidates, then exact verification (edit similarity). Runs over the
//! distinct normalised names (a few thousand, even for a national catalog), once.

use rustc_hash::{FxHashMap, FxHashSet};

const HASHES: usize = 120;
const BANDS: usize = 40;
const ROWS: usize = HASHES / BANDS;

/// For each name, the other names at or above `threshold` similarity, with the similarity.
pub fn similar_names(names: &[String], threshold: f64) -> Vec<Vec<(u32, f32)>> {
    let chars: Vec<Vec<char>> = names.iter().map(|n| n.chars().collect()).collect();
    let hists: Vec<[u8; HIST]> = chars.iter().map(|c| hist(c)).collect();
    let mut buckets: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, cs) in chars.iter().enumerate() {
        // One character cannot be near another name unless identical (handled elsewhere).
        if cs.len() < 2 {
            continue;
        }
        let sig = signature(cs);
        for (b, band) in sig.chunks(ROWS).enumerate() {
            let mut h = mix(b as u64 + 0x9E37);
            for v in band {
                h = mix(h ^ v);
            }
            buckets.entry(h).or_default().push(i as u32);
        }
    }
    let mut seen: FxHashSet<(u32, u32)> = FxHashSet::default();
    let mut out: Vec<Vec<(u32, f32)>> = vec![Vec::new(); names.len()];
    for mut members in buckets.into_values() {
        if members.len() < 2 {
            continue;
        }
        // Sorted by length, a name only needs partners whose length can reach the threshold.
        members.sort_unstable_by_key(|&m| chars[m as usize].len());
        for x in 0..members.len() {
            let a = members[x];
            let la = chars[a as usize].len() as f64;
            for &b in &members[x + 1..] {
                let lb = chars[b as usize].len() as f64;
                if la / lb < threshold && lb - la > 1.0 {
                    break;
                }
                // Edits the threshold allows (one more for an inserted character); a cheap lower
                // bound on the distance rejects most candidates before the exact check.
                let allowed = ((1.1 - threshold) * lb + 1e-9).floor() as usize + 1;
                if hist_bound(&hists[a as usize], &hists[b as usize]) > allowed {
                    continue;
                }
                let key = (a.min(b), a.max(b));
                if !seen.insert(key) {
                    continue;
                }
                let (ca, cb) = (&chars[a as usize], &chars[b as usize]);
                let s = similarity(ca, cb);
                let near = if cjk(ca) || cjk(cb) {
                    s >= threshold
                        || (s >= threshold - 0.1
                            && ca.len().max(cb.len()) <= 7
                            && one_inserted(ca, cb))
                } else {
                    s >= threshold && same_words(&names[a as usize], &names[b as usize])
                };
                if near {
                    out[a as usize].push((b, s as f32));
                    out[b as usize].push((a, s as f32));
                }
            }
        }
    }
    for list in &mut out {
        list.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    }
    out
}

const HIST: usize = 32;

/// Character counts folded into a few buckets: half the L1 distance of two such histograms is
/// a lower bound on the edit distance (folding only merges differences away).
fn hist(cs: &[char]) -> [u8; HIST] {
    let mut h = [0u8; HIST];
    for &c in cs {
        let b = (mix(u64::from(c)) % HIST as u64) as usize;
        h[b] = h[b].saturating_add(1);
    }
    h
}

fn hist_bound(a: &[u8; HIST], b: &[u8; HIST]) -> usize {
    let l1: usize = a.iter().zip(b).map(|(x, y)| x.abs_diff(*y) as usize).sum();
    l1.div_ceil(2)
}

/// Is one name the other with one character inserted (发票领用 / 发票领类用)? In a Chinese name
/// of four or more characters that is a slip, not another service, even below the threshold;
/// a replaced character (结婚登记 / 离婚登记) is not.
fn one_inserted(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 || short.len() < 4 {
        return false;
    }
    let cut = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    short[cut..] == long[cut + 1..]
}

fn cjk(cs: &[char]) -> bool {
    cs.iter().any(|c| ('\u{3400}'..='\u{9FFF}').contains(c))
}

/// Alphabetic names are near-same only word by word: every word pairs with a spelling variant
/// of itself (inquiries/enquiries, licence/license, plurals), and at most one word is added or
/// dropped. A replaced word (Pork/Poultry, External/Internal, Category A/Category B) is a
/// different service however long the rest of the name.
pub fn same_words(a: &str, b: &str) -> bool {
    let wa: Vec<Vec<char>> = a.split(' ').map(|w| w.chars().collect()).collect();
    let wb: Vec<Vec<char>> = b.split(' ').map(|w| w.chars().collect()).collect();
    // Words with digits are identifiers (20ft/40ft, 100g/500g, H6210/H6218): equal or not.
    let variant = |x: &[char], y: &[char]| {
        x == y
            || (x.len() >= 4
                && y.len() >= 4
                && !x.iter().chain(y).any(char::is_ascii_digit)
                && (similarity(x, y) >= 0.8 || x.starts_with(y) || y.starts_with(x)))
    };
    // Adding a negation or a prefix word, or a number, makes another service (citizen /
    // non-citizen, specialist / sub-specialist, 40' / 0-30 tons).
    let add = |w: &[char]| {
        let s: String = w.iter().collect();
        if w.iter().any(char::is_ascii_digit) || PREFIX_WORDS.contains(&s.as_str()) {
            2
        } else {
            1
        }
    };
    // Word-level edit distance: a variant costs 0, an added or dropped word 1, a replaced
    // word 2 (drop + add).
    let m = wb.len();
    let mut prev: Vec<usize> = vec![0; m + 1];
    for j in 0..m {
        prev[j + 1] = prev[j] + add(&wb[j]);
    }
    for x in &wa {
        let mut cur = vec![prev[0] + add(x); m + 1];
        for (j, y) in wb.iter().enumerate() {
            let sub = if variant(x, y) { 0 } else { 2 };
            cur[j + 1] = (prev[j] + sub)
                .min(prev[j + 1] + add(x))
                .min(cur[j] + add(y));
        }
        prev = cur;
    }
    prev[m] <= 1
}

const PREFIX_WORDS: &[&str] = &[
    "non", "sub", "un", "not", "no", "pre", "post", "anti", "co", "ex", "inter", "intra", "semi",
    "self",
];

/// Shingles: characters and character pairs for CJK text (a Chinese character carries a word's
/// meaning); pairs and triples for alphabetic text.
fn shingles(cs: &[char]) -> Vec<u64> {
    let cjk = cs.iter().any(|c| ('\u{3400}'..='\u{9FFF}').contains(c));
    let (small, big) = if cjk { (1, 2) } else { (2, 3) };
    let mut out = Vec::with_capacity(cs.len() * 2);
    for k in [small, big] {
        if cs.len() < k {
            out.push(gram(cs, k as u64));
            continue;
        }
        for w in cs.windows(k) {
            out.push(gram(w, k as u64));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn gram(w: &[char], k: u64) -> u64 {
    w.iter().fold(mix(k), |h, &c| mix(h ^ u64::from(c)))
}

fn signature(cs: &[char]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for s in shingles(cs) {
        for (k, slot) in sig.iter_mut().enumerate() {
            let v = mix(s ^ SEEDS[k]);
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

/// splitmix64 finaliser: a fixed, well-mixed hash (stable across runs and platforms).
const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

const SEEDS: [u64; HASHES] = {
    let mut s = [0u64; HASHES];
    let mut i = 0;
    while i < HASHES {
        s[i] = mix(0xA0761D6478BD642F ^ (i as u64).wrapping_mul(0xE7037ED1A0B428DB));
        i += 1;
    }
    s
};

/// Edit similarity: 1 − (optimal string alignment distance ÷ the longer length). A swap of two
/// neighbouring characters counts as one edit.
pub fn similarity(a: &[char], b: &[char]) -> f64 {
    let n = a.len().max(b.len());
    if n == 0 {
        return 1.0;
    }
    1.0 - osa(a, b) as f64 / n as f64
}

fn osa(a: &[char], b: &[char]) -> usize {
    let m = b.len();
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_similarity() {
        assert_eq!(similarity(&v("结婚登记"), &v("离婚登记")), 0.75);
        assert_eq!(similarity(&v("abcd"), &v("abdc")), 0.75);
        assert!(similarity(&v("食品经营许可证核发"), &v("食品生产许可证核发")) < 0.8);
    }

    #[test]
    fn one_inserted_character_in_a_chinese_name_is_near() {
        let names: Vec<String> = ["发票领用", "发票领类用", "结婚登记", "离婚登记"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let sim = similar_names(&names, 0.85);
        assert_eq!(sim[0], vec![(1, 0.8)]);
        assert!(sim[2].is_empty() && sim[3].is_empty());
        assert!(!one_inserted(&v("发票领用"), &v("发票领用")));
    }

    #[test]
    fn alphabetic_names_compare_word_by_word() {
        assert!(same_words("public inquiries", "public enquiries"));
        assert!(same_words(
            "grants and contributions programs",
            "grants and contribution programs"
        ));
        assert!(same_words(
            "access to information request",
            "access to information"
        ));
        assert!(!same_words(
            "category a authorizations under the act",
            "category b authorizations under the act"
        ));
        assert!(!same_words(
            "external credential management",
            "internal credential management"
        ));
        assert!(!same_words(
            "ractopamine free pork certification",
            "ractopamine free poultry certification"
        ));
        assert!(!same_words("class 1 licence", "class 2 licence"));
        assert!(!same_words(
            "re marshalling charge 20ft",
            "re marshalling charge 40ft"
        ));
        assert!(!same_words(
            "miraa registration exporter",
            "miraa registration importer"
        ));
        assert!(!same_words(
            "experts renewal citizen",
            "experts renewal non citizen"
        ));
        assert!(same_words(
            "wharfage imports container",
            "wharfage import container"
        ));
    }

    #[test]
    fn lsh_finds_near_names_and_only_them() {
        let names: Vec<String> = [
            "建设工程消防验收备案",
            "建设工程消防验收的备案",
            "食品经营许可证核发",
            "城镇污水排入排水管网许可",
            "城镇污水排入排水管网许可证核发",
            "出生医学证明签发",
            "出生医学证明补发",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let sim = similar_names(&names, 0.85);
        assert_eq!(sim[0].len(), 1);
        assert_eq!(sim[0][0].0, 1);
        assert!(sim[2].is_empty());
        // One character in eight: near by text; only the basic catalog can tell them apart.
        assert_eq!(sim[5][0].0, 6);
    }
}
