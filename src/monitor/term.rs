//! The real terminal: raw mode and the alternate screen on entry, and restored on every way
//! out — normal quit (guard dropped), panic (hook), SIGTERM/SIGHUP/SIGINT (signal thread
//! asks the loop to quit, which drops the guard).

use std::io::{Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{cursor, execute, terminal};
use ratatui::Terminal;

use crate::error::{Error, Result};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Put the terminal back the way the shell expects it. Idempotent.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = terminal::disable_raw_mode();
        let mut out = std::io::stdout();
        let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
        let _ = out.flush();
    }
}

/// Restores the terminal when dropped.
pub struct Guard {
    pub term: Term,
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

pub fn enter() -> Result<Guard> {
    install_panic_hook();
    let err = |e: std::io::Error| Error::Other(format!("cannot set up the terminal: {e}"));
    terminal::enable_raw_mode().map_err(err)?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = std::io::stdout();
    if let Err(e) = execute!(out, terminal::EnterAlternateScreen, cursor::Hide) {
        restore();
        return Err(err(e));
    }
    match Terminal::new(CrosstermBackend::new(out)) {
        Ok(mut term) => {
            let _ = term.clear();
            Ok(Guard { term })
        }
        Err(e) => {
            restore();
            Err(err(e))
        }
    }
}

/// A panic restores the terminal first, so that its message is readable and the shell
/// usable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Call `on_signal` (from a dedicated thread) on SIGTERM, SIGHUP or SIGINT. The returned
/// handle stops the thread when closed.
#[cfg(unix)]
pub fn on_termination(
    on_signal: impl Fn(i32) + Send + 'static,
) -> Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
        .map_err(|e| Error::Other(format!("cannot install signal handlers: {e}")))?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("monitor-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                on_signal(sig);
            }
        })
        .map_err(|e| Error::Other(format!("cannot start the signal thread: {e}")))?;
    Ok(handle)
}
