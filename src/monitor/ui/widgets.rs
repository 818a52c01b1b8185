//! Small formatting helpers shared by the panes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display columns of `s` (Chinese characters count two).
pub fn width(s: &str) -> usize {
    s.width()
}

/// `12345` → `12,345`.
pub fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `0.9234` → `92.3%`; none → `–`.
pub fn pct(x: Option<f64>) -> String {
    match x {
        Some(v) => format!("{:.1}%", v * 100.0),
        None => "–".into(),
    }
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A one-line sparkline of the last `width` values, scaled to their maximum.
pub fn spark(values: impl IntoIterator<Item = u64>, width: usize) -> String {
    let v: Vec<u64> = values.into_iter().collect();
    let tail = &v[v.len().saturating_sub(width)..];
    let max = tail.iter().copied().max().unwrap_or(0).max(1);
    tail.iter()
        .map(|&x| BARS[((x * 7 + max / 2) / max).min(7) as usize])
        .collect()
}

/// A horizontal bar of `width` cells for `value` of `max`, with eighth-cell precision.
pub fn hbar(value: u64, max: u64, width: usize) -> String {
    if max == 0 || width == 0 {
        return String::new();
    }
    let eighths = (value as u128 * width as u128 * 8 / max as u128) as usize;
    let mut s = "█".repeat(eighths / 8);
    const PART: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PART[eighths % 8]);
    s
}

/// Cut `s` to at most `width` display columns (Chinese characters count two), adding `…`.
pub fn fit(s: &str, width: usize) -> String {
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Punctuation that must not begin a line, and that must not end one.
const CLOSING: &str = "，。、；：！？）」』】》,.;:!?)]}…%";
const OPENING: &str = "（「『【《([{";

/// May a line break (or a cut) fall between `p` and `c`? After a space, at either side of
/// a Chinese character, after a slash or a dash; never before closing punctuation.
fn breaks_between(p: char, c: char) -> bool {
    if c.is_whitespace() || CLOSING.contains(c) || OPENING.contains(p) {
        return false;
    }
    let wide = |x: char| x.width().unwrap_or(0) > 1;
    p.is_whitespace() || wide(p) || wide(c) || matches!(p, '/' | '—' | '–' | '·' | '│')
}

/// `s` split where a line may break: each word with the spaces after it, each Chinese
/// character (with punctuation that closes it).
pub fn pieces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(p) = prev {
            if i > start && breaks_between(p, c) {
                out.push(&s[start..i]);
                start = i;
            }
        }
        prev = Some(c);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Cut `s` to at most `width` columns at a word boundary, adding `…`. Only a single word
/// wider than the room is cut inside (there is nothing better to show).
pub fn fit_words(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for p in pieces(s) {
        let w = p.width();
        if used + w + 1 > width {
            // The spaces after a word do not need to fit.
            let word = p.trim_end();
            if used + word.width() < width && used > 0 && word.len() < p.len() {
                out.push_str(word);
            }
            break;
        }
        out.push_str(p);
        used += w;
    }
    let kept = out.trim_end();
    if kept.is_empty() {
        return fit(s, width);
    }
    format!("{kept}…")
}

/// `s` in lines of at most `width` columns, broken at word boundaries.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line = String::new();
    for p in pieces(s) {
        if line.width() + p.trim_end().width() > width && !line.is_empty() {
            lines.push(line.trim_end().to_string());
            line.clear();
        }
        if p.trim_end().width() > width {
            // A word wider than a line: hard-split it.
            for c in p.chars() {
                if line.width() + c.width().unwrap_or(0) > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        } else {
            line.push_str(p);
        }
    }
    if !line.trim_end().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(count(0), "0");
        assert_eq!(count(1234567), "1,234,567");
        assert_eq!(pct(Some(0.9234)), "92.3%");
        assert_eq!(pct(None), "–");
        assert_eq!(spark([0, 7, 14], 3), "▁▅█");
        assert_eq!(hbar(1, 2, 4), "██");
        assert_eq!(fit("浙江省杭州市", 7), "浙江省…");
        assert_eq!(fit("abc", 7), "abc");
    }

    #[test]
    fn cuts_and_wraps_between_words_only() {
        assert_eq!(fit_words("In progress", 11), "In progress");
        assert_eq!(fit_words("In progress", 10), "In…");
        assert_eq!(fit_words("HTTP 503 ␛[31mdown", 12), "HTTP 503…");
        assert_eq!(fit_words("数据共享接口", 7), "数据共…");
        assert_eq!(fit_words("超期率 11.1% > 5.0%", 13), "超期率 11.1%…");
        assert_eq!(fit_words("超期率 11.1% > 5.0%", 12), "超期率…");
        assert_eq!(fit_words("Supercalifragilistic", 6), "Super…");
        assert_eq!(
            wrap("filter regions by name or code", 12),
            ["filter", "regions by", "name or code"]
        );
        // A comma never begins a line: it stays with the character before it.
        assert_eq!(
            wrap("按名称或代码筛选，所有层级", 8),
            ["按名称或", "代码筛", "选，所有", "层级"]
        );
    }
}
