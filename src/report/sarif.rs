//! SARIF 2.1.0, the format code-scanning UIs read. The model is kept apart from the
//! findings: rules come from the rule registry (`crate::rules`), results from the findings.

use serde_json::{json, Value};

use crate::model::{Finding, Severity};
use crate::rules::RuleInfo;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// A stable fingerprint, so code-scanning UIs track one finding across runs.
fn fingerprint(f: &Finding) -> String {
    use std::hash::{Hash, Hasher};
    // FNV-1a: stable across Rust versions, unlike DefaultHasher.
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 ^= u64::from(*b);
                self.0 = self.0.wrapping_mul(0x100_0000_01b3);
            }
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    f.rule.hash(&mut h);
    f.region_code.hash(&mut h);
    f.item_code.hash(&mut h);
    f.records.hash(&mut h);
    format!("{:016x}", h.finish())
}

pub fn to_sarif(rules: &[RuleInfo], findings: &[Finding], default_file: &str) -> String {
    let rule_index = |id: &str| rules.iter().position(|r| r.id == id);
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let (file, line) = match &f.location {
                Some(l) => (l.file.as_str(), l.line),
                None => (default_file, None),
            };
            let mut region = json!({});
            if let Some(line) = line {
                region = json!({ "startLine": line.max(1) });
            }
            let mut r = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": file },
                        "region": region,
                    }
                }],
                "partialFingerprints": { "govops/v1": fingerprint(f) },
                "properties": {
                    "severity": f.severity,
                    "records": f.records,
                    "region_code": f.region_code,
                    "item_code": f.item_code,
                }
            });
            if let Some(i) = rule_index(&f.rule) {
                r["ruleIndex"] = json!(i);
            }
            r
        })
        .collect();
    let rules: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": r.explanation },
                "help": { "text": r.remedy },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "area": r.area, "severity": r.severity },
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "govops",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/govops/govops",
                "rules": rules,
            }},
            "results": results,
        }]
    });
    let mut s = super::sanitize::json_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
