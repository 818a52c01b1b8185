//! `govops check`: everything the profile configures — catalog audit, sharing checks (live
//! probes when the profile says so), balance report — in one summary with one exit code.
//! Each area is resolved exactly as its own command resolves no flags, evaluated into its
//! typed report, and judged by its own fail-on policy (`check --fail-on` overrides them all),
//! so `check` reports exactly what the individual commands report.

mod render;

use serde_json::Value;

use crate::cli::{AuditArgs, BalanceArgs, CheckArgs, MonitorArgs, SharingArgs};
use crate::error::{Error, Result};
use crate::model::finding::exit_code;
use crate::model::{FailOn, Finding};
use crate::observe::Observer;
use crate::report::Format;

use super::context::Ctx;

/// An area's typed report.
pub enum AreaReport {
    Audit(crate::audit::Report),
    Sharing(crate::sharing::Report),
    Balance(crate::balance::Report, crate::balance::Inputs),
    /// The case stream's snapshot and its `cases.*` findings.
    Monitor(Box<crate::monitor::Snapshot>, Vec<Finding>),
}

/// One area's outcome.
pub struct Area {
    pub name: &'static str,
    pub report: AreaReport,
    /// The policy this area is judged by.
    pub fail_on: FailOn,
}

impl Area {
    pub fn findings(&self) -> &[Finding] {
        match &self.report {
            AreaReport::Audit(r) => r.findings(),
            AreaReport::Sharing(r) => &r.findings,
            AreaReport::Balance(r, _) => &r.findings,
            AreaReport::Monitor(_, f) => f,
        }
    }

    /// Does this area fail its gate?
    pub fn fails(&self) -> bool {
        exit_code(self.findings(), self.fail_on) != 0
    }

    /// The area's summary, as in its own JSON report.
    pub fn summary(&self) -> Value {
        match &self.report {
            AreaReport::Audit(r) => r.envelope.summary.clone(),
            AreaReport::Sharing(r) => r.summary(),
            AreaReport::Balance(r, _) => crate::balance::json::summary(r),
            AreaReport::Monitor(snap, _) => crate::monitor::json::summary(&snap.state),
        }
    }

    /// The area's whole report, as its own command writes it with `-f json`.
    pub fn envelope(&self) -> Value {
        let env = match &self.report {
            AreaReport::Audit(r) => r.envelope.clone(),
            AreaReport::Sharing(r) => r.envelope(),
            AreaReport::Balance(r, inputs) => crate::balance::json::envelope(r, inputs.to_json()),
            AreaReport::Monitor(snap, findings) => {
                crate::monitor::json::envelope(&snap.state, &snap.alerts, snap.inputs.clone())
                    .section("findings", serde_json::json!(findings))
            }
        };
        serde_json::to_value(env).unwrap_or(Value::Null)
    }
}

/// Formats `check` writes.
pub const FORMATS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Markdown,
    Format::Sarif,
    Format::Junit,
    Format::Csv,
    Format::Html,
];

pub fn run(ctx: &Ctx, args: &CheckArgs) -> Result<u8> {
    let format = ctx.format("check", FORMATS)?;
    let p = &ctx.profile;
    let demo = ctx.is_demo();
    if demo {
        ctx.notice(&crate::report::i18n::t("notice-check-demo"));
    }
    fn area_err(name: &'static str) -> impl Fn(Error) -> Error {
        move |e| Error::Other(format!("{name}: {e}"))
    }
    let mut areas = Vec::new();
    let mut inputs: Vec<String> = Vec::new();
    if demo || p.inputs.catalog.is_some() {
        let flags = AuditArgs {
            fail_on: args.fail_on,
            ..AuditArgs::default()
        };
        let plan = super::audit::resolve(ctx, &flags).map_err(area_err("audit"))?;
        inputs.extend(plan.input_paths().into_iter().map(String::from));
        let fail_on = plan.fail_on;
        let report = crate::audit::evaluate(&plan, ctx).map_err(area_err("audit"))?;
        areas.push(Area {
            name: "audit",
            report: AreaReport::Audit(report),
            fail_on,
        });
    }
    if demo || p.inputs.registry.is_some() {
        let probe = p.sharing.probe && !args.no_probe;
        let flags = SharingArgs {
            fail_on: args.fail_on,
            probe,
            ..SharingArgs::default()
        };
        let (plan, _demo) =
            super::sharing::resolve(ctx, &flags, probe).map_err(area_err("sharing"))?;
        inputs.extend(plan.input_paths());
        let fail_on = plan.fail_on;
        let report = crate::sharing::evaluate(plan, ctx).map_err(area_err("sharing"))?;
        areas.push(Area {
            name: "sharing",
            report: AreaReport::Sharing(report),
            fail_on,
        });
    }
    if demo || p.inputs.metrics.is_some() || p.inputs.catalog.is_some() {
        let flags = BalanceArgs {
            fail_on: args.fail_on,
            ..BalanceArgs::default()
        };
        let req = super::balance::resolve(ctx, &flags).map_err(area_err("balance"))?;
        let fail_on = req.fail_on;
        let (report, used) = crate::balance::evaluate(&req, ctx).map_err(area_err("balance"))?;
        inputs.extend(used.paths().into_iter().map(String::from));
        areas.push(Area {
            name: "balance",
            report: AreaReport::Balance(report, used),
            fail_on,
        });
    }
    if demo || p.inputs.events.is_some() {
        let flags = MonitorArgs {
            events: None,
            registry: None,
            refresh: None,
            once: true,
            size: String::new(),
            list_rules: false,
            explain: None,
        };
        let (plan, _) = super::monitor::resolve(ctx, &flags, false).map_err(area_err("monitor"))?;
        inputs.extend(p.inputs.events.iter().cloned());
        let snap = crate::monitor::evaluate(&plan).map_err(area_err("monitor"))?;
        let findings = crate::monitor::judge::findings(&snap.state, &snap.alerts);
        areas.push(Area {
            name: "monitor",
            report: AreaReport::Monitor(Box::new(snap), findings),
            fail_on: args.fail_on.unwrap_or(FailOn::High),
        });
    }
    if areas.is_empty() {
        return Err(Error::usage(crate::tr!(
            "err-check-nothing",
            profile = ctx.origin.to_string()
        )));
    }
    let code = u8::from(areas.iter().any(Area::fails));
    let body = render::render(ctx, format, &areas, code)?;
    inputs.sort();
    inputs.dedup();
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    ctx.emit(&body, &inputs)?;
    Ok(code)
}
