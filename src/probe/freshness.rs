//! Timestamps as registries and servers write them, and the staleness judgement shared by the
//! static check (`last_updated`) and the live one (`freshness_field`, Last-Modified).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::model::Frequency;

/// Parse RFC 3339, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD`, `YYYY/MM/DD`, an HTTP date
/// (RFC 2822 style) or Unix seconds / milliseconds. Naive times are taken as UTC+8 (China
/// Standard Time), which is what Chinese registries mean when they omit the zone.
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t.with_timezone(&Utc));
    }
    let cst = chrono::FixedOffset::east_opt(8 * 3600)?;
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y/%m/%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return cst
                .from_local_datetime(&t)
                .single()
                .map(|t| t.with_timezone(&Utc));
        }
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            let t = d.and_hms_opt(0, 0, 0)?;
            return cst
                .from_local_datetime(&t)
                .single()
                .map(|t| t.with_timezone(&Utc));
        }
    }
    if let Ok(n) = s.parse::<i64>() {
        return from_epoch(n);
    }
    None
}

/// Unix seconds, or milliseconds when the number is too large to be seconds.
pub fn from_epoch(n: i64) -> Option<DateTime<Utc>> {
    if n > 100_000_000_000 {
        DateTime::from_timestamp_millis(n)
    } else {
        DateTime::from_timestamp(n, 0)
    }
}

/// A JSON value holding a time: a string in any format above, or a Unix number.
pub fn from_json(v: &serde_json::Value) -> Option<DateTime<Utc>> {
    match v {
        serde_json::Value::String(s) => parse_time(s),
        serde_json::Value::Number(n) => n.as_i64().and_then(from_epoch),
        _ => None,
    }
}

/// The age beyond which data of `freq` is stale: its period times (1 + tolerance).
pub fn allowed_age(freq: Frequency, tolerance: f64) -> chrono::Duration {
    let secs = freq.period().as_secs_f64() * (1.0 + tolerance.max(0.0));
    chrono::Duration::seconds(secs.round() as i64)
}

/// `Some(age)` when data last changed at `at` is stale at `now`.
pub fn stale_age(
    at: DateTime<Utc>,
    freq: Frequency,
    tolerance: f64,
    now: DateTime<Utc>,
) -> Option<chrono::Duration> {
    let age = now - at;
    (age > allowed_age(freq, tolerance)).then_some(age)
}

/// A short human age: `45s`, `12m`, `5h`, `3d`.
pub fn human_age(d: chrono::Duration) -> String {
    let s = d.num_seconds().max(0);
    match s {
        0..=119 => format!("{s}s"),
        120..=7199 => format!("{}m", s / 60),
        7200..=172_799 => format!("{}h", s / 3600),
        _ => format!("{}d", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_registries_and_servers_use() {
        let a = parse_time("2026-11-29T08:00:00Z");
        assert_eq!(a, parse_time("2026-11-29 16:00:00"));
        assert_eq!(a, parse_time("Sun, 29 Nov 2026 08:00:00 GMT"));
        assert_eq!(a, parse_time("1795939200"));
        assert_eq!(a, parse_time("1795939200000"));
        assert!(parse_time("2026-11-29").is_some());
        assert!(parse_time("昨天").is_none());
    }

    #[test]
    fn staleness_uses_the_tolerance() {
        let now = parse_time("2026-11-29T00:00:00Z").unwrap_or_default();
        let day = chrono::Duration::days(1);
        assert!(stale_age(now - day * 2, Frequency::Daily, 0.5, now).is_some());
        assert!(stale_age(now - day, Frequency::Daily, 0.5, now).is_none());
        assert!(stale_age(now - day * 40, Frequency::Monthly, 0.5, now).is_none());
        assert!(stale_age(now - day * 50, Frequency::Monthly, 0.5, now).is_some());
    }
}
