//! `govops monitor`: the live TUI for operators, and `--once` for scripts.
//!
//! Layout of the module: `parse` (a line → an event or a malformed line), `state` (the one
//! state struct), `ingest`/`follow`/`source`/`sim` (where events come from, on their own
//! threads), `probe` (sharing-interface health), `alerts`, `regions` (the drill-down table),
//! `ui` (view, keys and one render function per screen region), `term` (terminal set-up and
//! restore), `live` (the event loop), `once` (headless), `json` (the envelope).

pub mod alerts;
pub mod follow;
pub mod ingest;
pub mod json;
pub mod judge;
pub mod live;
pub mod once;
pub mod parse;
pub mod probe;
pub mod regions;
pub mod sort;
pub mod source;
pub mod state;
pub mod term;
pub mod ui;

use std::time::Duration;

use crate::error::Result;
use crate::model::Interface;
use crate::probe::ProbeSettings;
use ingest::Hub;
pub use once::{evaluate, Snapshot};
use probe::{InterfaceHealth, Prober};
use source::EventSource;
use state::{Regions, State};

/// Everything resolved from flags, the profile and the demo before anything starts.
pub struct Plan {
    pub events: EventSource,
    pub registry: Option<Vec<Interface>>,
    pub registry_name: Option<String>,
    pub regions: Regions,
    pub refresh: Duration,
    pub alerts: crate::profile::sections::Alerts,
    pub probe_settings: ProbeSettings,
    /// Working days for every limit (the built-in calendar plus the profile's additions).
    pub calendar: std::sync::Arc<crate::model::workdays::Calendar>,
    /// Working days within which a 差评 must be rectified.
    pub rectify_days: u32,
}

impl Plan {
    pub fn new_state(&self, now: chrono::DateTime<chrono::Utc>) -> State {
        let mut st = State::new(self.regions.clone(), self.events.name(), now);
        st.calendar = std::sync::Arc::clone(&self.calendar);
        st.rectify_days = self.rectify_days;
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
