//! CKAN as a registry: a `package_search` or `package_show` API response (or a bare list of
//! packages) becomes interfaces — one per resource with an http(s) URL, the organisation as
//! provider, `metadata_modified` (or the resource's `last_modified`) as `last_updated`, and
//! the package's update frequency and sharing type (`sharing_type` / `access_rights` extras)
//! when it declares them.

use serde_json::Value;

use super::dcat::{frequency_of, text};
use crate::model::{Expect, Interface, SharingType};

/// Does this JSON look like a CKAN action API response or a list of CKAN packages?
pub fn looks_like(v: &Value) -> bool {
    let pkg = |p: &Value| p.get("resources").is_some_and(Value::is_array);
    match v {
        Value::Object(m) => match m.get("result") {
            Some(r) => pkg(r) || r.get("results").is_some_and(Value::is_array),
            None => false,
        },
        Value::Array(a) => a.first().is_some_and(pkg),
        _ => false,
    }
}

fn packages(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Object(m) => match m.get("result") {
            Some(r) if r.get("resources").is_some() => vec![r],
            Some(r) => r
                .get("results")
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The package's update frequency: a top-level field or an `extras` entry.
fn package_frequency(p: &Value) -> Option<String> {
    package_value(
        p,
        &[
            "frequency",
            "accrual_periodicity",
            "update_frequency",
            "updateFrequency",
        ],
    )
}

/// A package value under one of `KEYS`: a top-level field or an `extras` entry.
fn package_value(p: &Value, keys: &[&str]) -> Option<String> {
    for k in keys {
        if let Some(s) = p.get(*k).and_then(text) {
            return Some(s);
        }
    }
    p.get("extras")
        .and_then(Value::as_array)?
        .iter()
        .find_map(|e| {
            let key = e.get("key").and_then(Value::as_str)?;
            keys.contains(&key)
                .then(|| e.get("value").and_then(text))
                .flatten()
        })
}

pub fn interfaces(v: &Value) -> Vec<Interface> {
    let mut out = Vec::new();
    for (pi, p) in packages(v).into_iter().enumerate() {
        let name = p
            .get("name")
            .and_then(Value::as_str)
            .or_else(|| p.get("id").and_then(Value::as_str))
            .unwrap_or("package");
        let title = p
            .get("title")
            .and_then(text)
            .unwrap_or_else(|| name.to_string());
        let provider = p
            .get("organization")
            .and_then(|o| {
                o.get("title")
                    .and_then(text)
                    .or_else(|| o.get("name").and_then(text))
            })
            .or_else(|| p.get("maintainer").and_then(text))
            .unwrap_or_default();
        let freq_text = package_frequency(p);
        // Not a CKAN core field: portals that record it do so as an extra.
        let sharing_type = package_value(p, &["sharing_type", "access_rights", "共享类型"])
            .as_deref()
            .and_then(SharingType::from_access_rights);
        let frequency = freq_text.as_deref().and_then(frequency_of);
        let modified = p.get("metadata_modified").and_then(text);
        let resources = p
            .get("resources")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for (ri, r) in resources.iter().enumerate() {
            let Some(url) = r
                .get("url")
                .and_then(Value::as_str)
                .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            else {
                continue;
            };
            let rid = r
                .get("id")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| ri.to_string());
            let rname = r.get("name").and_then(text).unwrap_or_default();
            let mut issues = Vec::new();
            if provider.is_empty() {
                issues.push(super::dcat::missing("provider"));
            }
            if frequency.is_none() {
                issues.push(super::dcat::missing("frequency"));
            }
            out.push(Interface {
                id: format!("{name}/{rid}"),
                dataset: if rname.is_empty() {
                    title.clone()
                } else {
                    format!("{title} — {rname}")
                },
                provider: provider.clone(),
                url: Some(url.to_string()),
                method: "GET".into(),
                frequency,
                last_updated: r
                    .get("last_modified")
                    .and_then(text)
                    .or_else(|| modified.clone()),
                expect: Expect::default(),
                sharing_type,
                line: pi as u64 + 1,
                issues,
                ..Default::default()
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_search_resources_become_interfaces() {
        let v = serde_json::json!({"success": true, "result": {"count": 1, "results": [{
            "name": "hunyin-dengji", "title": "婚姻登记信息", "metadata_modified": "2026-01-02T03:04:05",
            "organization": {"title": "省民政厅"},
            "extras": [{"key": "frequency", "value": "每月"}],
            "resources": [{"id": "r1", "name": "API", "url": "https://data.example.gov.cn/api/marriage"},
                          {"id": "r2", "url": "ftp://old"}]
        }]}});
        assert!(looks_like(&v));
        let i = interfaces(&v);
        assert_eq!(i.len(), 1);
        assert_eq!(i[0].provider, "省民政厅");
        assert_eq!(i[0].frequency, Some(crate::model::Frequency::Monthly));
        assert_eq!(i[0].last_updated.as_deref(), Some("2026-01-02T03:04:05"));
    }
}
