//! `govops check`: run everything the profile configures — catalog audit, sharing checks
//! (live probes when the profile says so), balance report — and print one summary with one
//! exit code. Each area runs as its own command would, with its JSON captured and merged, so
//! `check` reports exactly what the individual commands report.

mod render;

use clap::{Args, FromArgMatches};
use serde_json::Value;

use crate::cli::{AuditArgs, BalanceArgs, CheckArgs, FailOn, Format, SharingArgs};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::finding::{exit_code, sort};
use crate::model::Finding;

/// One area's outcome.
#[derive(Debug, Clone)]
pub struct Area {
    pub name: &'static str,
    /// The area's own JSON envelope.
    pub report: Value,
    pub findings: Vec<Finding>,
}

/// Build a command's arguments the way clap would from `argv`, so new options keep defaults.
fn args<T: Args + FromArgMatches>(argv: &[&str]) -> Result<T> {
    let cmd = T::augment_args(clap::Command::new("govops"));
    let m = cmd
        .try_get_matches_from(std::iter::once("govops").chain(argv.iter().copied()))
        .map_err(|e| Error::usage(e.to_string()))?;
    T::from_arg_matches(&m).map_err(|e| Error::usage(e.to_string()))
}

fn run_area(ctx: &Ctx, name: &'static str, f: impl FnOnce(&Ctx) -> Result<u8>) -> Result<Area> {
    let sub = ctx.captured();
    f(&sub).map_err(|e| Error::Other(format!("{name}: {e}")))?;
    let body = sub.take_captured();
    let report: Value = serde_json::from_slice(&body)
        .map_err(|e| Error::Other(format!("{name}: its report is not JSON: {e}")))?;
    let findings = match report.get("findings") {
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|e| Error::Other(format!("{name}: unreadable findings: {e}")))?,
        None => Vec::new(),
    };
    Ok(Area {
        name,
        report,
        findings,
    })
}

pub fn run(ctx: &Ctx, args_in: &CheckArgs) -> Result<u8> {
    let format = ctx.format(
        "check",
        &[
            Format::Table,
            Format::Json,
            Format::Markdown,
            Format::Sarif,
            Format::Junit,
            Format::Csv,
        ],
    )?;
    let p = &ctx.profile;
    let demo = ctx.is_demo();
    if demo {
        ctx.notice("no profile given: checking the built-in demo (use -p NAME|PATH for yours)");
    }
    let mut areas = Vec::new();
    if demo || p.inputs.catalog.is_some() {
        areas.push(run_area(ctx, "audit", |c| {
            crate::audit::run(c, &args::<AuditArgs>(&[])?)
        })?);
    }
    if demo || p.inputs.registry.is_some() {
        let probe = p.sharing.probe && !args_in.no_probe;
        let argv: &[&str] = if probe { &["--probe"] } else { &[] };
        areas.push(run_area(ctx, "sharing", |c| {
            crate::sharing::run(c, &args::<SharingArgs>(argv)?)
        })?);
    }
    if demo || p.inputs.metrics.is_some() || p.inputs.catalog.is_some() {
        areas.push(run_area(ctx, "balance", |c| {
            crate::balance::run(c, &args::<BalanceArgs>(&[])?)
        })?);
    }
    if areas.is_empty() {
        return Err(Error::usage(format!(
            "profile {} configures no inputs (catalog, registry or metrics): nothing to check",
            ctx.origin
        )));
    }
    let fail_on = args_in.fail_on.or(p.audit.fail_on).unwrap_or(FailOn::High);
    let mut all: Vec<Finding> = areas.iter().flat_map(|a| a.findings.clone()).collect();
    sort(&mut all);
    let code = exit_code(&all, fail_on);
    let body = render::render(ctx, format, &areas, &all, fail_on, code)?;
    let inputs: Vec<&str> = [
        &p.inputs.catalog,
        &p.inputs.baseline,
        &p.inputs.registry,
        &p.inputs.metrics,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    ctx.emit(&body, &inputs)?;
    Ok(code)
}
