//! `--once`: ingest what is available now (the whole file, one probe round), then print one
//! frame as plain text, or the state as JSON, and exit.

use crate::error::{Error, Result};
use crate::report::Format;

use super::alerts::Alert;
use super::ingest::Hub;
use super::state::State;
use super::ui::panes::Screen;
use super::ui::{render, View};
use super::{probe_into, source, Plan};

/// Formats `monitor --once` writes.
pub const FORMATS: &[Format] = &[Format::Text, Format::Json];

/// What the platform looks like now: the state after everything available was read and
/// one probe round, with its alerts. `monitor --once`'s report.
pub struct Snapshot {
    pub state: State,
    pub alerts: Vec<Alert>,
    pub has_registry: bool,
    pub inputs: serde_json::Value,
}

/// Read what `plan`'s source has now, probe once, and judge the alerts.
pub fn evaluate(plan: &Plan) -> Result<Snapshot> {
    let now = crate::report::envelope::now();
    let hub = Hub::new(plan.new_state(now), Box::new(|| {}));
    source::read_once(&plan.events, &hub, now)?;
    if let Some(reg) = &plan.registry {
        probe_into(&hub, plan.prober()?.as_mut(), reg);
    }
    let mut state = hub.into_state();
    state.advance(now);
    let alerts = super::alerts::alerts(&state, &plan.alerts);
    Ok(Snapshot {
        state,
        alerts,
        has_registry: plan.registry.is_some(),
        inputs: plan.inputs(),
    })
}

impl Snapshot {
    /// The snapshot in `format`: the JSON envelope, or a `width`×`height` text frame.
    pub fn render(&self, format: Format, (width, height): (u16, u16)) -> String {
        match format {
            Format::Json => {
                super::json::envelope(&self.state, &self.alerts, self.inputs.clone()).to_json()
            }
            _ => {
                let view = View {
                    snapshot: true,
                    ..View::default()
                };
                let screen = Screen {
                    state: &self.state,
                    view: &view,
                    alerts: &self.alerts,
                    has_registry: self.has_registry,
                };
                render::to_text(&render::frame(&screen, width, height))
            }
        }
    }
}

/// `120x40` → (120, 40).
pub fn parse_size(s: &str) -> Result<(u16, u16)> {
    let bad = || {
        Error::usage(format!(
            "--size {}: expected WIDTHxHEIGHT between 20x8 and 1000x1000, e.g. 120x40",
            crate::report::sanitize::quote_found(s)
        ))
    };
    let (w, h) = s.trim().split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let w: u16 = w.trim().parse().map_err(|_| bad())?;
    let h: u16 = h.trim().parse().map_err(|_| bad())?;
    if !(20..=1000).contains(&w) || !(8..=1000).contains(&h) {
        return Err(bad());
    }
    Ok((w, h))
}
