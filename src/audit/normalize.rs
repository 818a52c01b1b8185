//! Name normalisation for duplicate search: the same service written in full width or half
//! width, traditional or simplified characters, with punctuation, spaces, a bracketed qualifier
//! or a filler word must compare equal. Run once per distinct name (names are interned).

use unicode_normalization::UnicodeNormalization;

use crate::model::script::to_simplified;

/// Qualifiers in brackets (（新办）, (变更), 【…】) name a variant, not a different service.
const OPEN: &[char] = &['(', '（', '[', '【', '〔', '［', '{', '｛', '〖'];
const CLOSE: &[char] = &[')', '）', ']', '】', '〕', '］', '}', '｝', '〗'];

/// Words that wrap a service name without changing which service it is.
const PREFIXES: &[&str] = &["关于", "申请办理", "办理", "申办"];
const SUFFIXES: &[&str] = &["的办理", "办理", "事项", "服务事项"];

/// Light normalisation, for comparing a name with its standard form (consistency.*): width,
/// script, case, punctuation and spaces only.
pub fn light(s: &str) -> String {
    let nfkc: String = unescape(s).nfkc().collect();
    let simp = to_simplified(&nfkc);
    simp.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The name as written, up to width, case and spaces: what "the same name" means for
/// duplicate.name and for four-levels-four-same (a traditional-script or bracketed variant is
/// a different spelling).
pub fn plain(s: &str) -> String {
    unescape(s)
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Full normalisation for duplicate search: `light` plus bracketed qualifiers and fillers.
/// Chinese text loses every separator; alphabetic text keeps single spaces between words
/// (word boundaries tell `Category A` from `Category B`) and keeps bracketed words, which
/// there carry meaning (`(Targeted)`, `(Untargeted)`).
pub fn name(s: &str) -> String {
    let nfkc: String = unescape(s).nfkc().collect();
    let simp = to_simplified(&nfkc);
    let cjk = has_cjk(&simp);
    let mut kept = String::with_capacity(simp.len());
    let mut depth = 0usize;
    for c in simp.chars() {
        if cjk && OPEN.contains(&c) {
            depth += 1;
        } else if cjk && CLOSE.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if depth > 0 {
            continue;
        } else if c.is_alphanumeric() {
            kept.extend(c.to_lowercase());
        } else if !cjk && !kept.is_empty() && !kept.ends_with(' ') {
            kept.push(' ');
        }
    }
    let kept = kept.trim_end().to_string();
    // A name that was all qualifier keeps its text rather than vanishing.
    if kept.is_empty() {
        return light(s);
    }
    if cjk {
        strip_fillers(kept)
    } else {
        kept
    }
}

/// Web exports often carry HTML entities (`&lt;` for `<`): the same name either way.
fn unescape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = s.to_string();
    for (from, to) in [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&nbsp;", " "),
        ("&amp;", "&"),
    ] {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Does the text contain Chinese characters?
pub fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{3400}'..='\u{9FFF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c))
}

fn strip_fillers(mut s: String) -> String {
    loop {
        let before = s.len();
        for p in PREFIXES {
            if s.starts_with(p) && s.chars().count() > p.chars().count() + 1 {
                s.drain(..p.len());
            }
        }
        for x in SUFFIXES {
            if s.ends_with(x) && s.chars().count() > x.chars().count() + 1 {
                s.truncate(s.len() - x.len());
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_of_one_name_normalise_equal() {
        let base = name("食品经营许可证核发");
        assert_eq!(name("食品經營許可證核發"), base);
        assert_eq!(name("食品经营许可证核发（新办）"), base);
        assert_eq!(name("食品经营许可证 核发"), base);
        assert_eq!(name("关于食品经营许可证核发的办理"), base);
        assert_eq!(name("食品经营许可证核发(变更)"), base);
        assert_eq!(name("Ｓtudent　Portal"), "student portal");
        assert_eq!(name("Media Relations."), "media relations");
        assert_eq!(
            name("Handling Truck &lt; 5mt"),
            name("Handling Truck < 5mt")
        );
        assert_eq!(
            name("Hazards Service (Targeted)"),
            "hazards service targeted"
        );
    }

    #[test]
    fn different_services_stay_different() {
        assert_ne!(name("食品经营许可证核发"), name("食品生产许可证核发"));
        assert_ne!(name("结婚登记"), name("离婚登记"));
        assert_eq!(name("（新办）"), "新办");
        assert_eq!(name("办理"), "办理");
    }
}
