//! `govops monitor`: the live TUI for operators, and `--once` for scripts.
//!
//! Layout of the module: `parse` (a line → an event or a malformed line), `state` (the one
//! state struct), `ingest`/`follow`/`source`/`sim` (where events come from, on their own
//! threads), `probe` (sharing-interface health), `alerts`, `regions` (the drill-down table),
//! `ui` (view, keys and one render function per screen region), `term` (terminal set-up and
//! restore), `live` (the event loop), `once` (headless), `json` (the envelope).

pub mod alerts;
pub mod config;
pub mod follow;
pub mod ingest;
pub mod json;
pub mod live;
pub mod once;
pub mod parse;
pub mod probe;
pub mod regions;
pub mod sim;
pub mod source;
pub mod state;
pub mod term;
pub mod ui;

use std::sync::Arc;
use std::time::Duration;

use crate::cli::MonitorArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::{Interface, RegionSet};
use ingest::Hub;
use probe::{InterfaceHealth, Prober};
use source::EventSource;
use state::{Regions, State};

pub fn run(ctx: &Ctx, args: &MonitorArgs) -> Result<u8> {
    let plan = Plan::resolve(ctx, args)?;
    if args.once {
        once::run(ctx, args, plan)
    } else {
        live::run(ctx, plan)
    }
}

/// Everything resolved from flags, the profile and the demo before anything starts.
pub struct Plan {
    pub events: EventSource,
    pub registry: Option<Vec<Interface>>,
    pub registry_name: Option<String>,
    pub regions: Regions,
    pub refresh: Duration,
    pub alerts: config::Alerts,
    pub probe_settings: crate::sharing::probe::ProbeSettings,
    /// Keeps the demo's loopback interfaces running while the monitor runs.
    pub demo_server: Option<crate::sharing::demo::DemoServer>,
}

impl Plan {
    pub fn resolve(ctx: &Ctx, args: &MonitorArgs) -> Result<Self> {
        let cfg = &ctx.profile.monitor;
        let refresh = match (args.refresh, &cfg.refresh) {
            (Some(d), _) => d,
            (None, Some(s)) => crate::model::duration::parse(s)
                .map_err(|e| Error::usage(format!("profile monitor.refresh {s:?}: {e}")))?,
            (None, None) => Duration::from_secs(1),
        };
        if refresh < Duration::from_millis(50) {
            return Err(Error::usage("--refresh must be at least 50ms"));
        }
        let probe_settings = probe_settings(&ctx.profile.sharing)?;
        let given = args
            .events
            .clone()
            .or_else(|| ctx.profile.inputs.events.clone());
        let events =
            match given {
                Some(s) => EventSource::parse(&s),
                None if ctx.is_demo() => EventSource::Demo,
                None => return Err(Error::usage(
                    "no event stream: give --events FILE|-|URL, or inputs.events in the profile",
                )),
            };
        let opts = ctx.load_options();
        let registry_src = args
            .registry
            .clone()
            .or_else(|| ctx.profile.inputs.registry.clone());
        let mut demo_server = None;
        let (registry, registry_name) = match registry_src {
            Some(src) => (
                Some(crate::load::read_registry(&src, &opts)?),
                Some(crate::load::Source::parse(&src).name()),
            ),
            None if events == EventSource::Demo => match crate::sharing::demo::start() {
                Ok(server) => {
                    let reg = server.registry.clone();
                    let name = format!("demo interfaces at {}", server.base_url);
                    demo_server = Some(server);
                    (Some(reg), Some(name))
                }
                Err(e) => {
                    ctx.verbose(&format!("demo interfaces unavailable: {e}"));
                    (None, None)
                }
            },
            None => (None, None),
        };
        if events == EventSource::Demo {
            let with = if registry.is_some() {
                " and its loopback sharing interfaces"
            } else {
                ""
            };
            ctx.notice(&format!(
                "no events given: using the built-in demo (simulated traffic on real regions{with}); \
                 give --events FILE|-|URL for real data"
            ));
        }
        let regions = match &ctx.profile.inputs.regions {
            Some(src) => Regions::Loaded(Arc::new(crate::load::read_regions(src, &opts)?)),
            None => Regions::Builtin(RegionSet::china()),
        };
        Ok(Plan {
            events,
            registry,
            registry_name,
            regions,
            refresh,
            alerts: cfg.alerts.clone(),
            probe_settings,
            demo_server,
        })
    }

    pub fn new_state(&self, now: chrono::DateTime<chrono::Utc>) -> State {
        let mut st = State::new(self.regions.clone(), self.events.name(), now);
        if let Some(reg) = &self.registry {
            st.interfaces = reg.iter().map(InterfaceHealth::new).collect();
        }
        st
    }

    pub fn inputs(&self) -> serde_json::Value {
        serde_json::json!({
            "events": self.events.name(),
            "registry": self.registry_name,
        })
    }

    pub fn prober(&self) -> Result<Box<dyn Prober>> {
        Ok(Box::new(probe::SharingProber::new(
            self.probe_settings.clone(),
        )?))
    }
}

/// Probe every interface once and record the outcomes in the state.
pub fn probe_into(hub: &Hub, prober: &mut dyn Prober, registry: &[Interface]) {
    let outcomes = prober.round(registry);
    {
        let mut st = hub.lock();
        for (health, outcome) in st.interfaces.iter_mut().zip(outcomes.iter()) {
            if let Some(o) = outcome {
                health.record(o);
            }
        }
    }
    hub.changed();
}

/// Probe settings from the profile's `sharing:` section; a probe never outlives 2 s unless
/// the profile says otherwise (the screen refreshes every second).
fn probe_settings(
    cfg: &crate::sharing::config::SharingConfig,
) -> Result<crate::sharing::probe::ProbeSettings> {
    let mut s = crate::sharing::probe::ProbeSettings {
        timeout: Duration::from_secs(2),
        concurrency: 16,
        ..Default::default()
    };
    if let Some(t) = &cfg.timeout {
        s.timeout = crate::model::duration::parse(t)
            .map_err(|e| Error::usage(format!("profile sharing.timeout {t:?}: {e}")))?;
    }
    if let Some(c) = cfg.concurrency {
        s.concurrency = c.max(1);
    }
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
    Ok(s)
}
