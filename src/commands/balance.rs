//! `govops balance`: flags, profile and demo → [`balance::Plan`]; evaluate; emit.

use crate::balance::{self, Choices, Inputs, Plan};
use crate::cli::BalanceArgs;
use crate::error::{Error, Result};
use crate::model::{finding, FailOn};
use crate::observe::Observer;
use crate::profile::sections::BalanceConfig;

use super::context::Ctx;
use super::demo;

pub fn run(ctx: &Ctx, args: &BalanceArgs) -> Result<u8> {
    let format = ctx.format("balance", balance::FORMATS)?;
    let req = resolve(ctx, args)?;
    let (report, inputs) = balance::evaluate(&req, ctx)?;
    let body = balance::render(&report, &inputs, format, ctx.style());
    ctx.emit(&body, &inputs.paths())?;
    Ok(finding::exit_code(&report.findings, req.fail_on))
}

/// The flags, else the profile, else the built-in demo.
pub fn resolve(ctx: &Ctx, args: &BalanceArgs) -> Result<Plan> {
    let flags = args.metrics.is_some()
        || args.catalog.is_some()
        || args.baseline.is_some()
        || args.regions.is_some();
    if args.metrics.is_some() && args.catalog.is_some() {
        return Err(Error::usage("give --metrics or --catalog, not both"));
    }
    let mut inp = Inputs::default();
    // The demo profile's settings are for the demo data; other data gets the defaults.
    let config: BalanceConfig = if ctx.is_demo() && flags {
        BalanceConfig::default()
    } else {
        ctx.profile.balance.clone()
    };
    if ctx.is_demo() && !flags {
        let demo = demo::files()?;
        ctx.notice(&format!(
            "no profile and no input files: using the built-in demo (metrics of the 31 provinces, {})",
            demo.metrics.display()
        ));
        inp.demo = true;
        inp.metrics = Some(demo.metrics.display().to_string());
    } else {
        let pi = &ctx.profile.inputs;
        inp.regions = args.regions.clone().or_else(|| pi.regions.clone());
        inp.baseline = args.baseline.clone().or_else(|| pi.baseline.clone());
        if args.catalog.is_some() {
            inp.catalog = args.catalog.clone();
        } else if args.metrics.is_some() {
            inp.metrics = args.metrics.clone();
        } else if pi.metrics.is_some() {
            inp.metrics = pi.metrics.clone();
        } else {
            inp.catalog = pi.catalog.clone();
        }
    }
    Ok(Plan {
        inputs: inp,
        config,
        choices: Choices {
            level: args.level,
            indicators: args.indicators.clone(),
            group_by: args.group_by.clone(),
            weight: args.weight.clone(),
            normalise: args.normalise,
            permutations: args.permutations,
        },
        load: ctx.load_options(),
        base_dir: ctx.origin.base_dir(),
        fail_on: args
            .fail_on
            .or(ctx.profile.balance.fail_on)
            .unwrap_or(FailOn::High),
    })
}
