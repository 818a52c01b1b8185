//! Unified social credit codes (统一社会信用代码, GB 32100-2015) and the old organisation
//! codes they replaced (组织机构代码, GB 11714-1997).
//!
//! A credit code is 18 characters over the 31-character alphabet `0-9A-Z` without
//! `I O S V Z`: 1 registration authority, 1 organisation kind, 6 the registering division
//! (GB/T 2260), 9 the organisation code (its own GB 11714 check included), 1 check
//! character: 31 − (Σ value·weight mod 31) over the first 17, with weights 3^i mod 31.

/// The GB 32100 alphabet, in value order.
pub const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// What is wrong with a value offered as a credit code (`None` from [`check`]: nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Defect {
    /// Nine characters (or `XXXXXXXX-X`) that are an old GB 11714 organisation code.
    OldOrgCode,
    /// All one repeated character (`2222222222222`, `000000000000000000`).
    Placeholder,
    /// Not 18 characters.
    Length(usize),
    /// A character outside the alphabet (position 1-based, the character).
    BadChar(usize, char),
    /// Right apart from being written in lower case.
    LowerCase,
    /// The check character is wrong: (expected, found).
    Check(char, char),
}

fn value(b: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == b).map(|p| p as u32)
}

/// The GB 32100 check character of the first 17 characters, if they are all in the alphabet.
pub fn check_char(first17: &str) -> Option<char> {
    let b = first17.as_bytes();
    if b.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (c, w) in b.iter().zip(WEIGHTS) {
        sum += value(*c)? * w;
    }
    let v = (31 - sum % 31) % 31;
    Some(ALPHABET[v as usize] as char)
}

/// The GB 11714 check character of an 8-character organisation-code body (weights
/// 3 7 9 10 5 8 4 2, mod 11, `X` for 10).
pub fn org_check_char(body8: &str) -> Option<char> {
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let b = body8.as_bytes();
    if b.len() != 8 {
        return None;
    }
    let mut sum = 0u32;
    for (c, w) in b.iter().zip(W) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return None,
        };
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from(b'0' + d as u8),
    })
}

/// Is `s` an old 9-character organisation code (`XXXXXXXX-X` or `XXXXXXXXX`) with a right
/// GB 11714 check character?
pub fn is_org_code(s: &str) -> bool {
    let s: String = s.trim().chars().filter(|c| *c != '-').collect();
    s.len() == 9 && s.is_ascii() && org_check_char(&s[..8]) == s[8..].chars().next()
}

/// Judge a value offered as a credit code.
pub fn check(s: &str) -> Option<Defect> {
    let s = s.trim();
    let n = s.chars().count();
    if let Some(first) = s.chars().next() {
        if n > 1 && s.chars().all(|c| c == first) {
            return Some(Defect::Placeholder);
        }
    }
    if n != 18 && is_org_code(s) {
        return Some(Defect::OldOrgCode);
    }
    if n != 18 {
        return Some(Defect::Length(n));
    }
    let upper = s.to_ascii_uppercase();
    for (i, c) in upper.chars().enumerate() {
        if !c.is_ascii() || value(c as u8).is_none() {
            return Some(Defect::BadChar(i + 1, s.chars().nth(i).unwrap_or(c)));
        }
    }
    let expected = check_char(&upper[..17])?;
    let found = upper[17..].chars().next()?;
    if expected != found {
        return Some(Defect::Check(
            expected,
            s[17..].chars().next().unwrap_or(found),
        ));
    }
    if upper != s {
        return Some(Defect::LowerCase);
    }
    None
}

/// The registering division (positions 3–8) of a well-formed credit code.
pub fn division(s: &str) -> Option<&str> {
    let s = s.trim();
    (s.len() == 18 && s.is_ascii() && s[2..8].bytes().all(|b| b.is_ascii_digit())).then(|| &s[2..8])
}

/// Complete a 17-character prefix with its check character (for generators and tests).
pub fn complete(first17: &str) -> Option<String> {
    check_char(first17).map(|c| format!("{first17}{c}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_codes_check() {
        // From Sichuan's portal (an implementing agency) and a well-known company's licence.
        assert_eq!(check("115113010833722043"), None);
        assert_eq!(check("91350100M000100Y43"), None);
        assert_eq!(division("115113010833722043"), Some("511301"));
        assert!(matches!(
            check("115113010833722044"),
            Some(Defect::Check('3', '4'))
        ));
        assert_eq!(check("2222222222222"), Some(Defect::Placeholder));
        assert_eq!(check("11511301083372204"), Some(Defect::Length(17)));
        assert_eq!(check("91350100m000100y43"), Some(Defect::LowerCase));
        assert!(matches!(
            check("1151130108337220I3"),
            Some(Defect::BadChar(17, 'I'))
        ));
        // The organisation code inside a credit code is itself a GB 11714 code.
        assert!(is_org_code("M000100Y4"));
        assert_eq!(check("M000100Y-4"), Some(Defect::OldOrgCode));
        assert_eq!(
            complete("11511301083372204").as_deref(),
            Some("115113010833722043")
        );
    }
}
