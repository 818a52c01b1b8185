//! Sharing types of the 政务信息资源共享管理暂行办法 (国发〔2016〕51号, 第九条): every shared
//! resource is 无条件共享, 有条件共享 or 不予共享.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SharingType {
    /// 无条件共享: available to every government department.
    Unconditional,
    /// 有条件共享: available to some departments, or part of it (the conditions say which).
    Conditional,
    /// 不予共享: not shared, on a legal or regulatory basis.
    #[serde(rename = "none")]
    NotShared,
}

impl SharingType {
    pub const ALL: [SharingType; 3] = [
        SharingType::Unconditional,
        SharingType::Conditional,
        SharingType::NotShared,
    ];

    /// What an unknown value is told to be instead (error messages).
    pub const EXPECTED: &'static str =
        "unconditional, conditional or none (or 无条件共享, 有条件共享, 不予共享; 无条件, 有条件, 不予)";

    /// The registry's English word.
    pub fn as_str(self) -> &'static str {
        match self {
            SharingType::Unconditional => "unconditional",
            SharingType::Conditional => "conditional",
            SharingType::NotShared => "none",
        }
    }

    /// The term of 国发〔2016〕51号.
    pub fn chinese(self) -> &'static str {
        match self {
            SharingType::Unconditional => "无条件共享",
            SharingType::Conditional => "有条件共享",
            SharingType::NotShared => "不予共享",
        }
    }

    /// English (any case), the Chinese terms and their short forms, simplified or traditional.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if s.is_ascii() {
            return Self::ALL
                .into_iter()
                .find(|t| t.as_str().eq_ignore_ascii_case(s));
        }
        let simp = super::script::to_simplified(s);
        Some(match simp.as_ref() {
            "无条件共享" | "无条件" => SharingType::Unconditional,
            "有条件共享" | "有条件" => SharingType::Conditional,
            "不予共享" | "不予" => SharingType::NotShared,
            _ => return None,
        })
    }

    /// DCAT-AP's `dct:accessRights` (EU access-right vocabulary: PUBLIC, RESTRICTED,
    /// NON_PUBLIC), given as a URI or its last segment.
    pub fn from_access_rights(s: &str) -> Option<Self> {
        let last = s.rsplit(['/', '#']).next().unwrap_or(s).trim();
        match last.to_ascii_uppercase().replace('-', "_").as_str() {
            "PUBLIC" => Some(SharingType::Unconditional),
            "RESTRICTED" => Some(SharingType::Conditional),
            "NON_PUBLIC" => Some(SharingType::NotShared),
            _ => Self::parse(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_chinese_short_and_traditional_forms() {
        for (s, t) in [
            ("unconditional", SharingType::Unconditional),
            ("Conditional", SharingType::Conditional),
            ("NONE", SharingType::NotShared),
            ("无条件共享", SharingType::Unconditional),
            ("有条件", SharingType::Conditional),
            (" 不予共享 ", SharingType::NotShared),
            ("不予", SharingType::NotShared),
            ("無條件共享", SharingType::Unconditional),
            ("有條件", SharingType::Conditional),
        ] {
            assert_eq!(SharingType::parse(s), Some(t), "{s}");
        }
        for s in ["", "open", "共享", "无", "yes", "不予开放"] {
            assert_eq!(SharingType::parse(s), None, "{s}");
        }
    }

    #[test]
    fn dcat_access_rights() {
        let base = "http://publications.europa.eu/resource/authority/access-right/";
        assert_eq!(
            SharingType::from_access_rights(&format!("{base}NON_PUBLIC")),
            Some(SharingType::NotShared)
        );
        assert_eq!(
            SharingType::from_access_rights("RESTRICTED"),
            Some(SharingType::Conditional)
        );
        assert_eq!(
            SharingType::from_access_rights("public"),
            Some(SharingType::Unconditional)
        );
    }
}
