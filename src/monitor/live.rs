//! The live event loop: one channel multiplexes keys, resizes, data wake-ups, signals and
//! ticks. Ingestion and probing run on their own threads; the screen is redrawn only when
//! something changed (at most every `MIN_FRAME`) or on the tick, so an idle monitor sleeps.

use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event as TermEvent, KeyEvent};

use super::ingest::Hub;
use super::ui::panes::Screen;
use super::ui::{render, Action, View};
use super::{probe_into, source, term, Plan};
use crate::error::{Error, Result};

/// At most ~30 frames a second however fast events arrive.
const MIN_FRAME: Duration = Duration::from_millis(33);

enum Msg {
    Key(KeyEvent),
    Resize,
    Data,
    Quit,
}

pub fn run(plan: Plan, stdout_tty: bool) -> Result<u8> {
    if !stdout_tty {
        return Err(Error::usage(
            "govops monitor needs a terminal; use --once (with -f json for the state) in scripts",
        ));
    }
    // Open the source before touching the terminal: a missing file is a plain error.
    let follow = source::follower(&plan.events, plan.refresh)?;
    let prober = match plan.registry {
        Some(_) => Some(plan.prober()?),
        None => None,
    };
    let (tx, rx) = mpsc::channel::<Msg>();
    let wake = tx.clone();
    let hub = Arc::new(Hub::new(
        plan.new_state(chrono::Utc::now()),
        Box::new(move || {
            let _ = wake.send(Msg::Data);
        }),
    ));

    let mut threads = Vec::new();
    {
        let hub = Arc::clone(&hub);
        threads.push(spawn("monitor-ingest", move || follow(&hub))?);
    }
    if let (Some(mut prober), Some(registry)) = (prober, plan.registry.clone()) {
        let hub = Arc::clone(&hub);
        let refresh = plan.refresh;
        threads.push(spawn("monitor-probe", move || {
            while !hub.stopped() {
                if !hub.paused() {
                    probe_into(&hub, prober.as_mut(), &registry);
                }
                hub.sleep(refresh);
            }
        })?);
    }
    #[cfg(unix)]
    let signals = {
        let tx = tx.clone();
        term::on_termination(move |_| {
            let _ = tx.send(Msg::Quit);
        })?
    };
    let mut guard = term::enter()?;
    {
        let hub = Arc::clone(&hub);
        let tx = tx.clone();
        // Input thread: polls with a timeout so that it ends when the hub stops.
        let _ = spawn("monitor-input", move || input(&hub, &tx));
    }
    let result = event_loop(&mut guard.term, &hub, &plan, &rx);
    hub.stop.store(true, Ordering::SeqCst);
    drop(guard); // restores the terminal
    #[cfg(unix)]
    signals.close();
    // Ingest threads may sit in a blocking read (stdin): they end with the process.
    drop(threads);
    result
}

fn spawn(name: &str, f: impl FnOnce() + Send + 'static) -> Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name(name.into())
        .spawn(f)
        .map_err(|e| Error::Other(format!("cannot start a thread: {e}")))
}

fn input(hub: &Hub, tx: &mpsc::Sender<Msg>) {
    while !hub.stopped() {
        match event::poll(Duration::from_millis(250)) {
            Ok(true) => {
                let msg = match event::read() {
                    Ok(TermEvent::Key(k)) => Msg::Key(k),
                    Ok(TermEvent::Resize(..)) => Msg::Resize,
                    Ok(_) => continue,
                    Err(_) => Msg::Quit,
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
            Ok(false) => {}
            Err(_) => {
                let _ = tx.send(Msg::Quit);
                return;
            }
        }
    }
}

fn event_loop(
    term: &mut term::Term,
    hub: &Hub,
    plan: &Plan,
    rx: &mpsc::Receiver<Msg>,
) -> Result<u8> {
    let mut view = View::default();
    let has_registry = plan.registry.is_some();
    let draw = |term: &mut term::Term, view: &View| -> Result<()> {
        hub.take_dirty();
        let state = hub.lock();
        let alerts = super::alerts::alerts(&state, &plan.alerts);
        let screen = Screen {
            state: &state,
            view,
            alerts: &alerts,
            has_registry,
        };
        term.draw(|f| render::draw(f, &screen))
            .map(|_| ())
            .map_err(|e| Error::Other(format!("cannot draw: {e}")))
    };
    draw(term, &view)?;
    let mut last_draw = Instant::now();
    let mut next_tick = Instant::now() + plan.refresh;
    let mut pending = false;
    loop {
        let now = Instant::now();
        let deadline = if pending {
            (last_draw + MIN_FRAME).min(next_tick)
        } else {
            next_tick
        };
        match rx.recv_timeout(deadline.saturating_duration_since(now)) {
            Ok(Msg::Quit) => return Ok(0),
            Ok(Msg::Key(k)) => {
                let action = view.on_key(k, &hub.lock());
                match action {
                    Action::Quit => return Ok(0),
                    Action::None => continue,
                    Action::Redraw => {}
                    Action::Refresh => {
                        hub.request_refresh();
                        hub.lock().advance(chrono::Utc::now());
                    }
                    Action::Pause(p) => hub.paused.store(p, Ordering::SeqCst),
                }
                draw(term, &view)?;
                last_draw = Instant::now();
                pending = false;
            }
            Ok(Msg::Resize) => {
                let _ = term.autoresize();
                draw(term, &view)?;
                last_draw = Instant::now();
                pending = false;
            }
            Ok(Msg::Data) => pending = true,
            Err(RecvTimeoutError::Timeout) => {
                if Instant::now() >= next_tick {
                    // The clock moves: open cases may pass their limit; the header shows time.
                    hub.lock().advance(chrono::Utc::now());
                    next_tick = Instant::now() + plan.refresh;
                    pending = true;
                }
                if pending && last_draw.elapsed() >= MIN_FRAME {
                    draw(term, &view)?;
                    last_draw = Instant::now();
                    pending = false;
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(0),
        }
        if pending && last_draw.elapsed() >= MIN_FRAME {
            draw(term, &view)?;
            last_draw = Instant::now();
            pending = false;
        }
    }
}
