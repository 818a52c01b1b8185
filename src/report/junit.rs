//! JUnit XML for CI test reports: one test suite per command, one test case per rule; a rule
//! with findings fails, listing them.

use super::sanitize::xml;
use crate::model::{Finding, Rule};

pub fn to_junit(suite: &str, rules: &[Rule], findings: &[Finding]) -> String {
    let failed_rules = rules
        .iter()
        .filter(|r| findings.iter().any(|f| f.rule == r.id))
        .count();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s += &format!(
        "<testsuites name=\"govops\" tests=\"{}\" failures=\"{failed_rules}\">\n",
        rules.len()
    );
    s += &format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed_rules}\" errors=\"0\">\n",
        xml(suite),
        rules.len()
    );
    for rule in rules {
        let hits: Vec<&Finding> = findings.iter().filter(|f| f.rule == rule.id).collect();
        s += &format!(
            "    <testcase classname=\"govops.{}\" name=\"{}\"",
            xml(suite),
            xml(rule.id)
        );
        if hits.is_empty() {
            s += "/>\n";
            continue;
        }
        s += ">\n";
        s += &format!(
            "      <failure type=\"{}\" message=\"{} finding(s), severity {}\">",
            rule.severity,
            hits.len(),
            rule.severity
        );
        for f in hits {
            let at = f
                .location
                .as_ref()
                .map(|l| format!("{}:{} ", l.file, l.line.unwrap_or(0)))
                .unwrap_or_default();
            s += &xml(&format!("{at}{}\n", f.message));
        }
        s += "</failure>\n    </testcase>\n";
    }
    s += "  </testsuite>\n</testsuites>\n";
    s
}
