//! Chinese script conversion: traditional → simplified for comparing names and headers, and
//! simplified → traditional (Taiwan standard) for the sample generator's variants.
//!
//! The dictionaries are OpenCC's (phrases first, then characters), compiled into the binary by
//! `ferrous-opencc`: nothing is read from disk or the network at run time. Each converter is
//! built once per process, on first use.
//!
//! Most names in a Chinese catalog are already simplified, and the converter costs a few
//! microseconds per name even when it changes nothing, so [`to_simplified`] first looks for a
//! character that the conversion could change. That set is exact: every character whose own
//! conversion differs from it (probed once, when the converter is built), every character
//! outside the basic plane (not probed: always converted), and the few characters that only a
//! phrase changes (`PHRASE_ONLY`). A text with none of them comes out of the converter as it
//! went in, so it is returned as it is.

use std::borrow::Cow;
use std::sync::OnceLock;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

/// Characters that no character entry of OpenCC's TSCharacters changes but a TSPhrases entry
/// does (彷彿 → 仿佛, 瞭解 → 了解, 藉口 → 借口, 答覆 → 答复, 沈默 → 沉默, 傢俱 → 家具,
/// 牴牾 → 抵牾, 衹得 → 只得, 么麼 → 幺麽). Derived from the dictionaries of ferrous-opencc
/// 0.4.0; re-derive them when that crate's dictionaries change.
const PHRASE_ONLY: &str = "么俱彷沈牴瞭藉衹覆";

/// The blocks in which characters are probed. Outside them, no character of the basic plane is
/// a key of TSCharacters (a test checks every one); characters beyond it are always converted.
const PROBED: [(u32, u32); 3] = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)];

/// OpenCC's S2TW output, corrected where a phrase entry means something else in a service
/// name: its 换发 → 換髮 (change hairstyle) is 換發 (reissue) in 普通护照换发.
const TO_TRADITIONAL_FIXES: &[(&str, &str)] = &[("換髮", "換發")];

struct ToSimplified {
    opencc: OpenCC,
    /// One bit per character of the basic plane: set when the conversion may change it.
    may_change: Vec<u64>,
}

impl ToSimplified {
    fn build() -> Option<Self> {
        let opencc = OpenCC::from_config(BuiltinConfig::T2s).ok()?;
        let mut may_change = vec![0u64; 0x10000 / 64];
        let mut mark = |c: char| {
            let i = c as usize;
            may_change[i / 64] |= 1 << (i % 64);
        };
        let mut buf = [0u8; 4];
        for &(lo, hi) in &PROBED {
            for c in (lo..=hi).filter_map(char::from_u32) {
                let s: &str = c.encode_utf8(&mut buf);
                if opencc.convert(s) != s {
                    mark(c);
                }
            }
        }
        PHRASE_ONLY.chars().for_each(&mut mark);
        Some(Self { opencc, may_change })
    }

    fn may_change(&self, c: char) -> bool {
        let i = c as usize;
        match self.may_change.get(i / 64) {
            Some(word) => word & (1 << (i % 64)) != 0,
            None => true,
        }
    }
}

fn t2s() -> Option<&'static ToSimplified> {
    static CELL: OnceLock<Option<ToSimplified>> = OnceLock::new();
    CELL.get_or_init(ToSimplified::build).as_ref()
}

fn s2t() -> Option<&'static OpenCC> {
    static CELL: OnceLock<Option<OpenCC>> = OnceLock::new();
    CELL.get_or_init(|| OpenCC::from_config(BuiltinConfig::S2tw).ok())
        .as_ref()
}

/// Traditional → simplified (OpenCC T2S: 營業執照 → 营业执照, 臺灣 → 台湾). Text without a
/// character the conversion could change (ASCII, text already simplified) is borrowed back.
///
/// The converters are compiled in and a test builds them; should one ever fail to build, text
/// passes through unchanged rather than the process panicking.
pub fn to_simplified(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    match t2s() {
        Some(t) if s.chars().any(|c| t.may_change(c)) => Cow::Owned(t.opencc.convert(s)),
        _ => Cow::Borrowed(s),
    }
}

/// Simplified → traditional, Taiwan standard (OpenCC S2TW: 户籍 → 戶籍, 台湾 → 臺灣), for
/// the traditional-script variants the sample generator plants.
pub fn to_traditional(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let Some(opencc) = s2t() else {
        return s.to_string();
    };
    let mut t = opencc.convert(s);
    for (wrong, right) in TO_TRADITIONAL_FIXES {
        if t.contains(wrong) {
            t = t.replace(wrong, right);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Government-service vocabulary, traditional and simplified.
    const VOCABULARY: &[(&str, &str)] = &[
        ("戶籍", "户籍"),
        ("營業執照", "营业执照"),
        ("醫療", "医疗"),
        ("發票", "发票"),
        ("臺灣", "台湾"),
        ("證明", "证明"),
        ("申請", "申请"),
        ("辦理", "办理"),
        ("食品經營許可證核發", "食品经营许可证核发"),
        ("事項名稱", "事项名称"),
        ("行政許可", "行政许可"),
        ("普通護照換發", "普通护照换发"),
        ("菸草專賣零售許可證", "烟草专卖零售许可证"),
        ("排汙許可證", "排污许可证"),
        ("戶口遷移證明", "户口迁移证明"),
        ("製造", "制造"),
        ("乾燥", "干燥"),
        ("幹部", "干部"),
        ("頭髮", "头发"),
        ("出發", "出发"),
    ];

    #[test]
    fn converters_build() {
        assert!(t2s().is_some());
        assert!(s2t().is_some());
    }

    #[test]
    fn traditional_to_simplified() {
        for (trad, simp) in VOCABULARY {
            assert_eq!(to_simplified(trad), *simp, "{trad}");
            assert_eq!(to_simplified(simp), *simp, "{simp} stays");
        }
        assert_eq!(to_simplified("台灣"), "台湾");
        assert_eq!(to_simplified("Student Portal"), "Student Portal");
        assert_eq!(to_simplified("事項名稱 (Name)"), "事项名称 (Name)");
    }

    #[test]
    fn simplified_to_traditional() {
        for (trad, simp) in VOCABULARY {
            assert_eq!(to_traditional(simp), *trad, "{simp}");
            assert_eq!(
                to_simplified(&to_traditional(simp)),
                *simp,
                "{simp} round trip"
            );
        }
        assert_eq!(to_traditional("Student Portal"), "Student Portal");
    }

    #[test]
    fn already_simplified_text_is_borrowed() {
        assert!(matches!(to_simplified("营业执照核发"), Cow::Borrowed(_)));
        assert!(matches!(to_simplified("營業執照核發"), Cow::Owned(_)));
    }

    #[test]
    fn phrase_only_characters_are_converted() {
        // No character of these changes on its own; the phrase does.
        for (trad, simp) in [
            ("彷彿", "仿佛"),
            ("瞭解", "了解"),
            ("藉口", "借口"),
            ("答覆", "答复"),
            ("沈默", "沉默"),
            ("傢俱", "家具"),
            ("牴牾", "抵牾"),
            ("衹得", "只得"),
        ] {
            assert_eq!(to_simplified(trad), simp, "{trad}");
        }
    }

    #[test]
    fn nothing_outside_the_probed_blocks_converts() {
        let t = t2s().unwrap();
        let mut buf = [0u8; 4];
        for c in (0x80u32..0x10000).filter_map(char::from_u32) {
            if PROBED
                .iter()
                .any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
            {
                continue;
            }
            let s: &str = c.encode_utf8(&mut buf);
            assert_eq!(t.opencc.convert(s), s, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_filter_agrees_with_the_converter() {
        // Every text the filter lets through unconverted is one the converter leaves alone.
        let t = t2s().unwrap();
        for s in [
            "营业执照",
            "户籍证明办理",
            "沈阳市",
            "什么",
            "反复",
            "了解",
            "仿佛",
            "普通护照换发",
            "医疗机构执业许可证核发（新办）",
        ] {
            assert_eq!(to_simplified(s), t.opencc.convert(s), "{s}");
        }
    }
}
