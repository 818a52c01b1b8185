//! Durations as people write them (`500ms`, `2s`, `1m`, `30d`): one parser for the command
//! line and the profile, and a serde type so a profile's durations are parsed once, when the
//! profile is read.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Parse `500ms`, `2s`, `1m`, `30d`, …
pub fn parse(s: &str) -> Result<std::time::Duration, String> {
    humantime::parse_duration(s.trim())
        .map_err(|e| format!("expected a duration like 500ms, 2s, 1m or 30d: {e}"))
}

/// A duration in a profile: written as text, held parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Duration(pub std::time::Duration);

impl Duration {
    pub fn get(self) -> std::time::Duration {
        self.0
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", humantime::format_duration(self.0))
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse(&text).map(Duration).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_round_trips() {
        let d: Duration = serde_json::from_str("\"1m 30s\"").unwrap();
        assert_eq!(d.get(), std::time::Duration::from_secs(90));
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"1m 30s\"");
        let e = serde_json::from_str::<Duration>("\"soon\"").unwrap_err();
        assert!(e.to_string().contains("expected a duration"), "{e}");
    }
}
