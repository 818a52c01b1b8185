//! `govops monitor`: flags, profile and demo → [`monitor::Plan`]; the live TUI, or one
//! snapshot with `--once`.

use std::sync::Arc;
use std::time::Duration;

use crate::cli::MonitorArgs;
use crate::error::{Error, Result};
use crate::model::RegionSet;
use crate::monitor::source::EventSource;
use crate::monitor::state::Regions;
use crate::monitor::{self, once, Plan};
use crate::observe::Observer;
use crate::probe::ProbeSettings;
use crate::profile::sections::SharingConfig;
use crate::report::Format;

use super::context::Ctx;
use super::demo;

pub fn run(ctx: &Ctx, args: &MonitorArgs) -> Result<u8> {
    if args.list_rules {
        return ctx.print_rules(crate::rules::Area::Monitor);
    }
    if let Some(id) = &args.explain {
        return ctx.print_explain(id);
    }
    // Validate what can be validated before anything starts.
    let once_format = match (args.once, ctx.asked_format()?) {
        (true, None) => Some(Format::Text),
        (true, Some(_)) => Some(ctx.format("monitor", once::FORMATS)?),
        (false, _) => None,
    };
    let size = once::parse_size(&args.size)?;
    let (plan, _demo) = resolve(ctx, args, true)?;
    match once_format {
        Some(format) => {
            let body = once::evaluate(&plan)?.render(format, size);
            let p = &ctx.profile.inputs;
            let inputs: Vec<&str> = [
                &args.events,
                &p.events,
                &args.registry,
                &p.registry,
                &p.regions,
            ]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
            ctx.emit(&body, &inputs)?;
            Ok(0)
        }
        None => monitor::live::run(plan, ctx.stdout_tty),
    }
}

/// The flags, else the profile, else the built-in demo (whose loopback interfaces run while
/// the returned server lives).
/// `interfaces: false` leaves the registry out (`check` judges interfaces in its sharing
/// area, and starts no second demo server for them).
pub fn resolve(
    ctx: &Ctx,
    args: &MonitorArgs,
    interfaces: bool,
) -> Result<(Plan, Option<demo::DemoServer>)> {
    let cfg = &ctx.profile.monitor;
    let refresh = args
        .refresh
        .or(cfg.refresh.map(|d| d.get()))
        .unwrap_or(Duration::from_secs(1));
    if refresh < Duration::from_millis(50) {
        return Err(Error::usage("--refresh must be at least 50ms"));
    }
    let probe_settings = probe_settings(&ctx.profile.sharing);
    let given = args
        .events
        .clone()
        .or_else(|| ctx.profile.inputs.events.clone());
    let simulated = given.is_none();
    let events = match given {
        Some(s) => EventSource::parse(&s),
        None if ctx.is_demo() => EventSource::Simulated(demo::traffic()?),
        None => {
            return Err(Error::usage(
                "no event stream: give --events FILE|-|URL, or inputs.events in the profile",
            ))
        }
    };
    let opts = ctx.load_options();
    let registry_src = args
        .registry
        .clone()
        .or_else(|| ctx.profile.inputs.registry.clone())
        .filter(|_| interfaces);
    let mut server = None;
    let (registry, registry_name) = match registry_src {
        Some(src) => (
            Some(crate::load::read_registry(&src, &opts)?.interfaces),
            Some(crate::load::Source::parse(&src).name()),
        ),
        None if simulated && interfaces => match demo::server() {
            Ok(s) => {
                let reg = s.registry.clone();
                let name = format!("demo interfaces at {}", s.base_url);
                server = Some(s);
                (Some(reg), Some(name))
            }
            Err(e) => {
                ctx.verbose(&format!("demo interfaces unavailable: {e}"));
                (None, None)
            }
        },
        None => (None, None),
    };
    if simulated && interfaces {
        ctx.notice(&crate::report::i18n::t(if registry.is_some() {
            "mon-demo-notice-ifaces"
        } else {
            "mon-demo-notice"
        }));
    }
    let regions = match &ctx.profile.inputs.regions {
        Some(src) => Regions::Loaded(Arc::new(crate::load::read_regions(src, &opts)?)),
        None => Regions::Builtin(RegionSet::china()),
    };
    let plan = Plan {
        events,
        registry,
        registry_name,
        regions,
        refresh,
        alerts: cfg.alerts.clone(),
        probe_settings,
        calendar: Arc::new(cfg.calendar.calendar()),
        rectify_days: cfg
            .rectify_days
            .unwrap_or(monitor::state::DEFAULT_RECTIFY_DAYS),
    };
    Ok((plan, server))
}

/// Probe settings from the profile's `sharing:` section; a probe never outlives 2 s unless
/// the profile says otherwise (the screen refreshes every second).
fn probe_settings(cfg: &SharingConfig) -> ProbeSettings {
    let mut s = ProbeSettings {
        timeout: cfg.timeout.map_or(Duration::from_secs(2), |t| t.get()),
        concurrency: cfg.concurrency.unwrap_or(16).max(1),
        ..Default::default()
    };
    if let Some(b) = cfg.max_body_bytes {
        s.max_body_bytes = b;
    }
    if let Some(r) = cfg.max_redirects {
        s.max_redirects = r;
    }
    if let Some(d) = cfg.tls_expiry_days {
        s.tls_expiry_days = d;
    }
    if let Some(t) = cfg.stale_tolerance {
        s.stale_tolerance = t;
    }
    s.ca_file = cfg.ca_file.as_ref().map(std::path::PathBuf::from);
    s
}
