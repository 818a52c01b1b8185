//! The audit's rules as its checks select them (`--only`, profile `audit.only`/`audit.skip`).
//! What each rule is — severity, title, explanation, remedy, example — is in the one
//! registry, [`crate::rules`].

use crate::error::Result;
use crate::rules::{Area, RuleInfo};

/// The audit's rules (its own and the input rules), in report order.
pub const RULES: &[RuleInfo] = crate::rules::of_command(Area::Audit);

/// The audit rule with this id, or a usage error with a did-you-mean.
pub fn lookup(id: &str) -> Result<&'static RuleInfo> {
    crate::rules::lookup_in(Some(Area::Audit), id)
}

/// Is the rule selected by `only` (prefixes; empty means all)?
pub fn selected(id: &str, only: &[String]) -> bool {
    only.is_empty() || only.iter().any(|p| id.starts_with(p.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_rule_suggests_the_nearest_audit_rule() {
        let e = lookup("duplicate.near_nam").unwrap_err().to_string();
        assert!(e.contains("no audit rule"), "{e}");
        assert!(e.contains("did you mean `duplicate.near_name`"), "{e}");
        assert!(lookup("sharing.silo").is_err(), "not an audit rule");
        assert!(selected("gap.offline_only", &["gap.".into()]));
        assert!(!selected("gap.offline_only", &["duplicate".into()]));
    }
}
