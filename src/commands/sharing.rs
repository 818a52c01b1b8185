//! `govops sharing`: flags, profile and demo → [`sharing::Plan`]; evaluate; emit; exit code.

use crate::cli::{LogFormat, SharingArgs, SharingCommand, WatchArgs};
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
    if let Some(SharingCommand::Watch(w)) = &args.command {
        return watch(ctx, w);
    }
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

/// `govops sharing watch`: resolve, then watch until a signal; exit 0 on a clean stop.
fn watch(ctx: &Ctx, w: &WatchArgs) -> Result<u8> {
    use crate::sharing::watch::{self, WatchPlan};
    let cfg = &ctx.profile.sharing;
    let wc = &cfg.watch;
    let as_sharing = SharingArgs {
        registry: w.registry.clone(),
        history: w.history.clone(),
        concurrency: w.concurrency,
        timeout: w.timeout,
        ca_file: w.ca_file.clone(),
        ..Default::default()
    };
    let (plan, _server) = resolve(ctx, &as_sharing, true)?;
    let registry = match plan.registry {
        RegistrySource::Path(src) => crate::load::read_registry(&src, &plan.load)?,
        RegistrySource::Loaded(reg) => reg,
    };
    let tz_name = wc.timezone.as_deref().unwrap_or("Asia/Shanghai");
    let maintenance = wc
        .maintenance
        .iter()
        .enumerate()
        .map(|(i, m)| maintenance_window(i, m, tz_name))
        .collect::<Result<Vec<_>>>()?;
    let wplan = WatchPlan {
        registry: registry.name.clone(),
        interfaces: registry.interfaces,
        interval: w
            .interval
            .or(wc.interval.map(|d| d.get()))
            .unwrap_or(std::time::Duration::from_secs(60)),
        intervals: wc
            .intervals
            .iter()
            .map(|(k, v)| (k.clone(), v.get()))
            .collect(),
        settings: plan.settings,
        failure_threshold: w.failure_threshold.or(wc.failure_threshold).unwrap_or(3),
        success_threshold: w.success_threshold.or(wc.success_threshold).unwrap_or(2),
        maintenance,
        history: plan.history,
        raw_retention: wc
            .raw_retention
            .map(|d| d.get())
            .unwrap_or(std::time::Duration::from_secs(7 * 86_400)),
        rollup_retention: wc
            .rollup_retention
            .map(|d| d.get())
            .unwrap_or(std::time::Duration::from_secs(365 * 86_400)),
        flush_every: std::time::Duration::from_secs(5),
        webhook: w.webhook.clone().or_else(|| wc.webhook.clone()),
        run_for: w.run_for,
        serve: w.serve,
    };
    let log = StderrLog {
        json: w.log_format == LogFormat::Json,
    };
    watch::run(wplan, &log)?;
    Ok(0)
}

/// One profile maintenance window, checked.
fn maintenance_window(
    i: usize,
    m: &crate::profile::sections::sharing::MaintenanceConfig,
    default_tz: &str,
) -> Result<crate::sharing::watch_maintenance::Window> {
    use crate::sharing::watch_maintenance::{Recurrence, Window};
    let field = |f: &str| format!("profile sharing.watch.maintenance[{i}].{f}");
    let bad = |f: &str, expected: &str, found: &str| {
        Error::usage(format!(
            "{}: expected {expected}, found {}",
            field(f),
            crate::report::sanitize::quote_found(found)
        ))
    };
    let tz_text = m.timezone.as_deref().unwrap_or(default_tz);
    let tz: chrono_tz::Tz = tz_text
        .parse()
        .map_err(|_| bad("timezone", "an IANA time zone like Asia/Shanghai", tz_text))?;
    let at = |s: &str, f: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .map(|d| d.timestamp())
            .map_err(|_| bad(f, "an RFC 3339 time like 2026-12-06T02:00:00+08:00", s))
    };
    let when = match (&m.start, &m.end, m.every.as_deref()) {
        (Some(s), Some(e), None) => {
            let (start, end) = (at(s, "start")?, at(e, "end")?);
            if end <= start {
                return Err(bad("end", "a time after start", e));
            }
            Recurrence::Once { start, end }
        }
        (None, None, Some(every)) => {
            let at_text = m.at.as_deref().unwrap_or("00:00");
            let time = chrono::NaiveTime::parse_from_str(at_text, "%H:%M")
                .map_err(|_| bad("at", "a local time like 02:00", at_text))?;
            let length_s = m
                .length
                .map(|d| d.get().as_secs() as i64)
                .ok_or_else(|| bad("for", "a duration like 2h", ""))?;
            match every {
                "daily" => Recurrence::Daily { at: time, length_s },
                "weekly" => {
                    let d = m.day.as_deref().unwrap_or("");
                    let day: chrono::Weekday = d
                        .parse()
                        .map_err(|_| bad("day", "a weekday like sun or monday", d))?;
                    Recurrence::Weekly {
                        day,
                        at: time,
                        length_s,
                    }
                }
                other => return Err(bad("every", "daily or weekly", other)),
            }
        }
        _ => {
            return Err(Error::usage(format!(
                "{}: expected either start and end, or every (daily|weekly) with at and for",
                field("")
            )))
        }
    };
    Ok(Window {
        name: m
            .name
            .clone()
            .unwrap_or_else(|| format!("maintenance[{i}]")),
        interfaces: m.interfaces.clone(),
        tz,
        when,
    })
}

/// Watch events on stderr: one line each, text or JSON.
struct StderrLog {
    json: bool,
}

impl crate::sharing::watch::WatchLog for StderrLog {
    fn event(&self, e: &crate::sharing::watch::WatchEvent) {
        use crate::sharing::watch::WatchEvent as E;
        use std::io::Write;
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let line = if self.json {
            let mut v = serde_json::to_value(e).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("ts".into(), at.into());
                o.insert(
                    "level".into(),
                    match e {
                        E::Alert { .. } | E::WebhookFailed { .. } => "error",
                        E::Resolved { .. } | E::Silenced { .. } => "warn",
                        _ => "info",
                    }
                    .into(),
                );
            }
            v.to_string()
        } else {
            let s = crate::report::sanitize::terminal;
            let text = match e {
                E::Started { registry, interfaces, history } => format!(
                    "watching {interfaces} interfaces of {}{}",
                    s(registry),
                    history.as_ref().map(|h| format!(", history in {}", s(h))).unwrap_or_default()
                ),
                E::Listening { addr } => format!("serving /metrics and /healthz on http://{addr}"),
                E::Alert { interface, department, consecutive_failures, since, reason, .. } => format!(
                    "ALERT {} ({}): {consecutive_failures} consecutive failures since {since}: {}",
                    s(interface), s(department), s(reason)
                ),
                E::Resolved { interface, department, down_for_s, .. } => format!(
                    "RESOLVED {} ({}): up again after {down_for_s} s",
                    s(interface), s(department)
                ),
                E::Silenced { interface, window } => format!(
                    "silenced {}: failing inside maintenance window {}",
                    s(interface), s(window)
                ),
                E::WebhookFailed { interface, error } => format!(
                    "webhook failed for {}: {}", s(interface), s(error)
                ),
                E::Compacted { rolled_up, raw_deleted, hourly_deleted } => format!(
                    "history compacted: {raw_deleted} raw probes into {rolled_up} hourly rows, {hourly_deleted} old hourly rows deleted"
                ),
                E::Stopped { probes, alerts, resolved, signal } => format!(
                    "stopped{}: {probes} probes, {alerts} alerts, {resolved} resolved; history flushed",
                    signal.as_ref().map(|s| format!(" on {s}")).unwrap_or_default()
                ),
            };
            format!("{at} {text}")
        };
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}
