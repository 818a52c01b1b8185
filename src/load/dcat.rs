//! DCAT-AP (JSON-LD) and DCAT-US (`data.json`) catalogs as a registry: datasets become
//! interfaces, each distribution's `accessURL`/`downloadURL` a probe target, the publisher the
//! provider, `dct:modified` the `last_updated`, `accrualPeriodicity` the frequency,
//! `dct:accessRights` (PUBLIC / RESTRICTED / NON_PUBLIC) the sharing type.

use std::collections::HashMap;

use serde_json::Value;

use crate::model::{FieldIssue, Frequency, Interface, SharingType};

pub fn missing(field: &str) -> FieldIssue {
    FieldIssue {
        field: field.into(),
        expected: "a value".into(),
        found: "nothing".into(),
    }
}

/// Plain text of a JSON-LD value: a string, `{"@value": …}`, `{"@id": …}`, or the first of a
/// list (language variants).
pub fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        // A node's name before its @id: a resolved publisher should read as its name.
        Value::Object(m) => m
            .get("@value")
            .or_else(|| m.get("name"))
            .or_else(|| m.get("foaf:name"))
            .or_else(|| m.get("@id"))
            .and_then(text),
        Value::Array(a) => a.iter().find_map(text),
        _ => None,
    }
}

/// A frequency from EU vocabulary URIs (…/frequency/DAILY), ISO 8601 repeating durations
/// (R/P1D), or words in English or Chinese.
pub fn frequency_of(s: &str) -> Option<Frequency> {
    let last = s.rsplit(['/', '#']).next().unwrap_or(s).trim();
    let up = last.to_ascii_uppercase();
    let f = match up.as_str() {
        "CONT" | "UPDATE_CONT" | "CONTINUOUS" | "PT1S" | "PT1M" => Frequency::Realtime,
        "HOURLY" | "PT1H" => Frequency::Hourly,
        "DAILY" | "P1D" => Frequency::Daily,
        "WEEKLY" | "P1W" | "P7D" => Frequency::Weekly,
        "MONTHLY" | "P1M" => Frequency::Monthly,
        "QUARTERLY" | "P3M" => Frequency::Quarterly,
        "ANNUAL" | "YEARLY" | "P1Y" => Frequency::Yearly,
        _ => return Frequency::parse(last).or_else(|| Frequency::parse(s)),
    };
    Some(f)
}

/// Look a property up under its usual prefixed and unprefixed names.
fn prop<'a>(node: &'a Value, names: &[&str]) -> Option<&'a Value> {
    let m = node.as_object()?;
    names.iter().find_map(|n| {
        m.get(*n)
            .or_else(|| m.get(&format!("dct:{n}")))
            .or_else(|| m.get(&format!("dcterms:{n}")))
            .or_else(|| m.get(&format!("dcat:{n}")))
            .or_else(|| m.get(&format!("http://purl.org/dc/terms/{n}")))
            .or_else(|| m.get(&format!("http://www.w3.org/ns/dcat#{n}")))
    })
}

fn is_type(node: &Value, t: &str) -> bool {
    let ty = node.get("@type");
    let matches = |v: &Value| {
        v.as_str()
            .is_some_and(|s| s == t || s == format!("dcat:{t}") || s.ends_with(&format!("#{t}")))
    };
    match ty {
        Some(Value::Array(a)) => a.iter().any(matches),
        Some(v) => matches(v),
        None => false,
    }
}

/// Does this JSON look like a DCAT catalog?
pub fn looks_like(v: &Value) -> bool {
    !datasets(v).is_empty()
}

fn datasets(v: &Value) -> Vec<&Value> {
    if let Some(g) = v.get("@graph").and_then(Value::as_array) {
        return g.iter().filter(|n| is_type(n, "Dataset")).collect();
    }
    if let Some(d) = prop(v, &["dataset"]).and_then(Value::as_array) {
        return d.iter().filter(|n| n.is_object()).collect();
    }
    match v {
        Value::Array(a) => a.iter().filter(|n| is_type(n, "Dataset")).collect(),
        _ => Vec::new(),
    }
}

pub fn interfaces(v: &Value) -> Vec<Interface> {
    // Nodes by @id, so a distribution given as a reference can be resolved.
    let mut by_id: HashMap<&str, &Value> = HashMap::new();
    if let Some(g) = v.get("@graph").and_then(Value::as_array) {
        for n in g {
            if let Some(id) = n.get("@id").and_then(Value::as_str) {
                by_id.insert(id, n);
            }
        }
    }
    let mut out = Vec::new();
    for (di, d) in datasets(v).into_iter().enumerate() {
        let did = prop(d, &["identifier"])
            .and_then(text)
            .or_else(|| d.get("@id").and_then(text))
            .unwrap_or_else(|| format!("dataset-{}", di + 1));
        let title = prop(d, &["title"])
            .and_then(text)
            .unwrap_or_else(|| did.clone());
        let provider = prop(d, &["publisher"])
            .map(|p| {
                match p
                    .get("@id")
                    .and_then(Value::as_str)
                    .and_then(|id| by_id.get(id))
                {
                    Some(node) => node,
                    None => p,
                }
            })
            .and_then(text)
            .unwrap_or_default();
        let frequency = prop(d, &["accrualPeriodicity"])
            .and_then(text)
            .as_deref()
            .and_then(frequency_of);
        let modified = prop(d, &["modified"]).and_then(text);
        let sharing_type = prop(d, &["accessRights"])
            .and_then(text)
            .as_deref()
            .and_then(SharingType::from_access_rights);
        let dists: Vec<&Value> = match prop(d, &["distribution"]) {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(one) => vec![one],
            None => Vec::new(),
        };
        for (k, dist) in dists.into_iter().enumerate() {
            let dist = dist
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| by_id.get(id).copied())
                .unwrap_or(dist);
            let url = prop(dist, &["accessURL", "downloadURL"])
                .and_then(text)
                .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
            let Some(url) = url else { continue };
            let mut issues = Vec::new();
            if provider.is_empty() {
                issues.push(missing("provider"));
            }
            if frequency.is_none() {
                issues.push(missing("frequency"));
            }
            out.push(Interface {
                id: format!("{did}#{}", k + 1),
                dataset: title.clone(),
                provider: provider.clone(),
                url: Some(url),
                method: "GET".into(),
                frequency,
                last_updated: prop(dist, &["modified"])
                    .and_then(text)
                    .or_else(|| modified.clone()),
                sharing_type,
                line: di as u64 + 1,
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
    fn json_ld_graph_with_referenced_distributions() {
        let v = serde_json::json!({"@context": {}, "@graph": [
            {"@id": "ds1", "@type": "dcat:Dataset", "dct:title": [{"@value": "企业登记信息", "@language": "zh"}],
             "dct:publisher": {"@id": "org1"}, "dct:modified": "2026-03-01",
             "dct:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/WEEKLY"},
             "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/RESTRICTED"},
             "dcat:distribution": [{"@id": "dist1"}]},
            {"@id": "org1", "@type": "foaf:Organization", "foaf:name": "省市场监督管理局"},
            {"@id": "dist1", "@type": "dcat:Distribution", "dcat:accessURL": {"@id": "https://data.example.gov.cn/api/enterprise"}}
        ]});
        assert!(looks_like(&v));
        let i = interfaces(&v);
        assert_eq!(i.len(), 1, "{i:?}");
        assert_eq!(i[0].provider, "省市场监督管理局");
        assert_eq!(i[0].frequency, Some(Frequency::Weekly));
        assert_eq!(i[0].sharing_type, Some(SharingType::Conditional));
        assert_eq!(
            i[0].url.as_deref(),
            Some("https://data.example.gov.cn/api/enterprise")
        );
    }

    #[test]
    fn data_json_style_catalog() {
        let v = serde_json::json!({"dataset": [{"identifier": "x", "title": "Permits", "publisher": {"name": "City"},
            "accrualPeriodicity": "R/P1D", "modified": "2026-01-01",
            "distribution": [{"downloadURL": "https://example.org/permits.csv"}]}]});
        let i = interfaces(&v);
        assert_eq!(i[0].frequency, Some(Frequency::Daily));
        assert_eq!(i[0].provider, "City");
    }
}
