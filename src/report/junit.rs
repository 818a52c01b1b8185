//! JUnit XML for CI test reports: one test suite per command, one test case per rule; a rule
//! with findings fails, listing them. Test cases are the rules of the registry (`crate::rules`).

use super::sanitize::xml;
use crate::model::Finding;
use crate::rules::RuleInfo;

/// One command's rules and findings, as one test suite.
pub struct Suite<'a> {
    pub name: &'a str,
    pub rules: &'a [RuleInfo],
    pub findings: &'a [Finding],
}

impl Suite<'_> {
    fn failed_rules(&self) -> usize {
        self.rules
            .iter()
            .filter(|r| self.findings.iter().any(|f| f.rule == r.id))
            .count()
    }
}

pub fn to_junit(suite: &str, rules: &[RuleInfo], findings: &[Finding]) -> String {
    to_junit_suites(
        "govops",
        &[Suite {
            name: suite,
            rules,
            findings,
        }],
    )
}

/// Several suites in one document (`govops check`: one per area).
pub fn to_junit_suites(name: &str, suites: &[Suite]) -> String {
    let tests: usize = suites.iter().map(|s| s.rules.len()).sum();
    let failures: usize = suites.iter().map(Suite::failed_rules).sum();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s += &format!(
        "<testsuites name=\"{}\" tests=\"{tests}\" failures=\"{failures}\">\n",
        xml(name)
    );
    for suite in suites {
        write_suite(&mut s, suite);
    }
    s += "</testsuites>\n";
    s
}

fn write_suite(s: &mut String, suite: &Suite) {
    *s += &format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
        xml(suite.name),
        suite.rules.len(),
        suite.failed_rules()
    );
    for rule in suite.rules {
        let hits: Vec<&Finding> = suite
            .findings
            .iter()
            .filter(|f| f.rule == rule.id)
            .collect();
        *s += &format!(
            "    <testcase classname=\"govops.{}\" name=\"{}\"",
            xml(suite.name),
            xml(rule.id)
        );
        if hits.is_empty() {
            *s += "/>\n";
            continue;
        }
        *s += ">\n";
        *s += &format!(
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
            // One finding, one line: the message's own line breaks are made visible.
            *s += &xml(&super::sanitize::terminal(&format!("{at}{}", f.message)));
            s.push('\n');
        }
        *s += "</failure>\n    </testcase>\n";
    }
    *s += "  </testsuite>\n";
}
