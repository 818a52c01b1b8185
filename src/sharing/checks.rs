//! Static checks of the registry itself (no network): missing metadata, orphans, staleness
//! of `last_updated` against the declared frequency, and sharing types (国发〔2016〕51号).

use chrono::{DateTime, Utc};

use super::rules;
use crate::model::{Finding, Interface, Severity, SharingType};
use crate::probe::freshness;

/// Every static finding for `ifaces`, read from `file`.
pub fn check(ifaces: &[Interface], file: &str, tolerance: f64, now: DateTime<Utc>) -> Vec<Finding> {
    let mut out = Vec::new();
    for i in ifaces {
        let base = |rule: &str, sev: Severity, msg: String| {
            let mut f = Finding::new(rule, sev, msg)
                .records([i.id.clone()])
                .at(file, (i.line > 0).then_some(i.line));
            if !i.provider.is_empty() {
                f = f.department(i.provider.clone());
            }
            if let Some(r) = &i.region_code {
                f = f.region(r.clone());
            }
            f
        };
        let missing: Vec<&str> = i
            .issues
            .iter()
            .map(|x| x.field.as_str())
            .filter(|f| *f != "consumers")
            // A 不予共享 resource has no endpoint for consumers.
            .filter(|f| !(*f == "url" && i.not_shared()))
            .collect();
        if !missing.is_empty() {
            out.push(
                base(
                    rules::METADATA,
                    Severity::Medium,
                    format!("{}: missing {}", label(i), missing.join(", ")),
                )
                .with("missing", missing.clone()),
            );
        }
        // Nobody is meant to consume a 不予共享 resource.
        if i.consumers.is_empty() && !i.not_shared() {
            out.push(base(
                rules::ORPHAN,
                Severity::Low,
                format!("{}: no department consumes it", label(i)),
            ));
        }
        match i.sharing_type {
            None => out.push(base(
                rules::TYPE_MISSING,
                Severity::Medium,
                format!(
                    "{}: no sharing type (unconditional 无条件共享, conditional 有条件共享 or none 不予共享)",
                    label(i)
                ),
            )),
            Some(SharingType::Conditional) if i.share_conditions.is_none() => out.push(base(
                rules::CONDITIONS_MISSING,
                Severity::Medium,
                format!("{}: 有条件共享 without share_conditions", label(i)),
            )),
            Some(SharingType::NotShared) if i.legal_basis.is_none() => out.push(base(
                rules::LEGAL_BASIS_MISSING,
                Severity::High,
                format!(
                    "{}: 不予共享 without a legal_basis (a law, regulation or State Council policy)",
                    label(i)
                ),
            )),
            Some(_) => {}
        }
        if let (Some(freq), Some(written)) = (i.frequency, i.last_updated.as_deref()) {
            match freshness::parse_time(written) {
                None => out.push(
                    base(
                        rules::METADATA,
                        Severity::Medium,
                        format!("{}: last_updated \"{written}\" is not a date", label(i)),
                    )
                    .with("missing", vec!["last_updated"]),
                ),
                Some(at) => {
                    if let Some(age) = freshness::stale_age(at, freq, tolerance, now) {
                        out.push(
                            base(
                                rules::STALE,
                                Severity::Medium,
                                format!(
                                    "{}: last updated {} ago ({written}); a {} interface allows {}",
                                    label(i),
                                    freshness::human_age(age),
                                    freq.as_str(),
                                    freshness::human_age(freshness::allowed_age(freq, tolerance))
                                ),
                            )
                            .with("age_days", age.num_days()),
                        );
                    }
                }
            }
        }
    }
    out
}

/// `id 数据集 (提供方)`, for messages.
pub fn label(i: &Interface) -> String {
    match (i.dataset.is_empty(), i.provider.is_empty()) {
        (false, false) => format!("{} {} ({})", i.id, i.dataset, i.provider),
        (false, true) => format!("{} {}", i.id, i.dataset),
        _ => i.id.clone(),
    }
}
