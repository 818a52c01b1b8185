//! `govops sharing`: flags, profile and demo → [`sharing::Plan`]; evaluate; emit; exit code.

use crate::cli::SharingArgs;
use crate::error::{Error, Result};
use crate::load::Registry;
use crate::model::{finding, FailOn};
use crate::observe::Observer;
use crate::probe::ProbeSettings;
use crate::profile::sections::SharingConfig;
use crate::sharing::{self, Plan, RegistrySource};

use super::context::Ctx;
use super::demo;

pub fn run(ctx: &Ctx, args: &SharingArgs) -> Result<u8> {
    if args.list_rules {
        return ctx.print_rules(crate::rules::Area::Sharing);
    }
    if let Some(id) = &args.explain {
        return ctx.print_explain(id);
    }
    let format = ctx.format("sharing", sharing::FORMATS)?;
    let (plan, _demo) = resolve(ctx, args, args.probe)?;
    let paths = plan.input_paths();
    let inputs: Vec<&str> = paths.iter().map(String::as_str).collect();
    if let Some(out) = ctx.output_path() {
        ctx.output(&inputs).refuse_inputs(out)?;
    }
    let fail_on = plan.fail_on;
    let report = sharing::evaluate(plan, ctx)?;
    ctx.emit(&report.render(format, ctx.style()), &inputs)?;
    Ok(finding::exit_code(&report.findings, fail_on))
}

/// The flag, else the profile, else the built-in demo (whose loopback interfaces run while
/// the returned server lives).
pub fn resolve(
    ctx: &Ctx,
    args: &SharingArgs,
    probe: bool,
) -> Result<(Plan, Option<demo::DemoServer>)> {
    let cfg = &ctx.profile.sharing;
    let settings = probe_settings(cfg, args)?;
    let history = args
        .history
        .clone()
        .or_else(|| cfg.history.as_ref().map(Into::into));
    if args.retention.is_some() && history.is_none() {
        return Err(Error::usage("--retention needs --history FILE.sqlite"));
    }
    let mut catalog = args
        .catalog
        .clone()
        .or_else(|| ctx.profile.inputs.catalog.clone());
    let given = args
        .registry
        .clone()
        .or_else(|| ctx.profile.inputs.registry.clone());
    let mut server = None;
    let registry = match given {
        Some(src) => RegistrySource::Path(src),
        None if ctx.is_demo() => {
            let s = demo::server()?;
            ctx.notice(&format!(
                "no registry given: using the built-in demo registry ({} interfaces served on {}){}",
                s.registry.len(),
                s.base_url,
                if probe { "; probing them live" } else { "" }
            ));
            if catalog.is_none() {
                match demo::files() {
                    Ok(files) => catalog = Some(files.catalog.display().to_string()),
                    Err(e) => ctx.verbose(&format!(
                        "demo catalog unavailable, no materials coverage: {e}"
                    )),
                }
            }
            let reg = Registry {
                name: "demo-registry".into(),
                interfaces: s.registry.clone(),
                open_data: None,
            };
            server = Some(s);
            RegistrySource::Loaded(reg)
        }
        None => {
            return Err(Error::usage(
                "no registry: pass --registry FILE|URL or set inputs.registry in the profile",
            ))
        }
    };
    let plan = Plan {
        registry,
        catalog,
        probe,
        settings,
        history,
        retention: args.retention,
        load: ctx.load_options(),
        fail_on: args.fail_on.or(cfg.fail_on).unwrap_or(FailOn::High),
        demo: server.is_some(),
    };
    Ok((plan, server))
}

/// Probe settings from the command line, then the profile, then the defaults.
pub fn probe_settings(cfg: &SharingConfig, args: &SharingArgs) -> Result<ProbeSettings> {
    let d = ProbeSettings::default();
    let concurrency = args
        .concurrency
        .or(cfg.concurrency)
        .unwrap_or(d.concurrency);
    if concurrency == 0 {
        return Err(Error::usage("--concurrency must be at least 1"));
    }
    let timeout = args
        .timeout
        .or(cfg.timeout.map(|t| t.get()))
        .unwrap_or(d.timeout);
    if timeout.is_zero() {
        return Err(Error::usage("--timeout must be longer than zero"));
    }
    Ok(ProbeSettings {
        timeout,
        deadline: args.deadline.or(cfg.deadline.map(|t| t.get())),
        concurrency,
        max_body_bytes: cfg.max_body_bytes.unwrap_or(d.max_body_bytes),
        max_redirects: cfg.max_redirects.unwrap_or(d.max_redirects),
        tls_expiry_days: cfg.tls_expiry_days.unwrap_or(d.tls_expiry_days),
        stale_tolerance: cfg.stale_tolerance.unwrap_or(d.stale_tolerance),
        ca_file: args
            .ca_file
            .clone()
            .or_else(|| cfg.ca_file.as_ref().map(Into::into)),
    })
}
