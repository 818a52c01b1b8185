//! Ingestion, independent of rendering: source threads split bytes into lines, parse them
//! outside the lock, then apply a whole batch under one short lock and wake the screen
//! (at most one pending wake-up, however fast events arrive).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::parse::{parse_line, Malformed};
use super::state::State;

/// What the ingest threads, the prober and the screen share.
pub struct Hub {
    state: Mutex<State>,
    /// `p` pressed: sources stop reading (a file is caught up on resume).
    pub paused: AtomicBool,
    /// Quit: every thread ends at its next check.
    pub stop: AtomicBool,
    /// Bumped by `r`: pollers and the prober act now instead of at their next interval.
    pub refresh: AtomicU64,
    dirty: AtomicBool,
    wake: Box<dyn Fn() + Send + Sync>,
}

impl Hub {
    pub fn new(state: State, wake: Box<dyn Fn() + Send + Sync>) -> Self {
        Hub {
            state: Mutex::new(state),
            paused: AtomicBool::new(false),
            stop: AtomicBool::new(false),
            refresh: AtomicU64::new(0),
            dirty: AtomicBool::new(false),
            wake,
        }
    }

    /// The state, even if a thread panicked while holding it (counters stay usable).
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Something changed: mark dirty, and wake the screen unless a wake-up is pending.
    pub fn changed(&self) {
        if !self.dirty.swap(true, Ordering::AcqRel) {
            (self.wake)();
        }
    }

    /// Called by the screen before it draws: clears the dirty mark.
    pub fn take_dirty(&self) -> bool {
        self.dirty.swap(false, Ordering::AcqRel)
    }

    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    pub fn paused(&self) -> bool {
        self.paused.load(Ordering::Relaxed)
    }

    /// Sleep up to `d`, waking early on quit or on `r`. True when woken by `r`.
    pub fn sleep(&self, d: Duration) -> bool {
        let start = Instant::now();
        let gen = self.refresh.load(Ordering::Relaxed);
        while start.elapsed() < d && !self.stopped() {
            std::thread::sleep(
                d.saturating_sub(start.elapsed())
                    .min(Duration::from_millis(50)),
            );
            if self.refresh.load(Ordering::Relaxed) != gen {
                return true;
            }
        }
        false
    }

    pub fn request_refresh(&self) {
        self.refresh.fetch_add(1, Ordering::Relaxed);
    }

    pub fn note(&self, msg: impl Into<String>) {
        self.lock().note(msg);
        self.changed();
    }

    pub fn into_state(self) -> State {
        self.state.into_inner().unwrap_or_else(|p| p.into_inner())
    }
}

/// Splits a byte stream into lines, keeping a partial last line until its newline comes.
/// A line longer than the record limit (`GOVOPS_MAX_RECORD_BYTES`, default 4 MiB) is counted
/// as one malformed line as soon as it is that long, and the rest of it is skipped unread:
/// an endless line (a binary file, `/dev/zero`) costs no memory.
pub struct Feeder {
    pub line_no: u64,
    partial: Vec<u8>,
    /// Inside a line already counted as too long: drop bytes until its newline.
    skipping: bool,
    max_line: usize,
}

impl Default for Feeder {
    fn default() -> Self {
        Feeder::with_max_line(crate::load::Limits::default().max_record_bytes)
    }
}

impl Feeder {
    pub fn with_max_line(max_line: u64) -> Self {
        Feeder {
            line_no: 0,
            partial: Vec::new(),
            skipping: false,
            max_line: usize::try_from(max_line).unwrap_or(usize::MAX),
        }
    }

    /// Feed a chunk: every complete line is parsed and the batch applied to the hub.
    pub fn push(&mut self, chunk: &[u8], hub: &Hub) {
        let mut batch = Vec::new();
        let mut rest = chunk;
        while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
            let (line, tail) = rest.split_at(nl);
            rest = &tail[1..];
            if std::mem::take(&mut self.skipping) {
                continue; // the end of a line already counted as too long
            }
            if self.partial.len() + line.len() > self.max_line {
                batch.push(self.too_long(line));
            } else if self.partial.is_empty() {
                batch.push(self.parse(line));
            } else {
                let mut whole = std::mem::take(&mut self.partial);
                whole.extend_from_slice(line);
                batch.push(self.parse(&whole));
            }
        }
        if self.skipping {
            // Still inside the long line: nothing to keep.
        } else if self.partial.len() + rest.len() > self.max_line {
            batch.push(self.too_long(rest));
            self.skipping = true;
        } else {
            self.partial.extend_from_slice(rest);
        }
        apply(batch, hub);
    }

    /// Count a line over the limit (its start is in `partial`, then `more`), dropping it.
    fn too_long(&mut self, more: &[u8]) -> Result<Option<crate::model::Event>, Malformed> {
        const HEAD: usize = 200;
        self.line_no += 1;
        let mut head = std::mem::take(&mut self.partial);
        head.truncate(HEAD);
        let need = HEAD.saturating_sub(head.len()).min(more.len());
        head.extend_from_slice(&more[..need]);
        Err(Malformed {
            line: self.line_no,
            reason: format!(
                "line longer than the limit of {} bytes (GOVOPS_MAX_RECORD_BYTES)",
                self.max_line
            ),
            excerpt: super::parse::excerpt(&String::from_utf8_lossy(&head)),
        })
    }

    /// End of stream: a last line without a newline still counts.
    pub fn finish(&mut self, hub: &Hub) {
        self.skipping = false;
        if !self.partial.is_empty() {
            let line = std::mem::take(&mut self.partial);
            let parsed = self.parse(&line);
            apply(vec![parsed], hub);
        }
    }

    /// Start over (the source was truncated): forget the partial line and the line count.
    pub fn reset(&mut self) {
        self.partial.clear();
        self.skipping = false;
        self.line_no = 0;
    }

    fn parse(&mut self, line: &[u8]) -> Result<Option<crate::model::Event>, Malformed> {
        self.line_no += 1;
        match std::str::from_utf8(line) {
            Ok(text) => parse_line(text, self.line_no),
            Err(_) => Err(Malformed {
                line: self.line_no,
                reason: "not valid UTF-8".into(),
                excerpt: super::parse::excerpt(&String::from_utf8_lossy(line)),
            }),
        }
    }
}

fn apply(batch: Vec<Result<Option<crate::model::Event>, Malformed>>, hub: &Hub) {
    if batch.is_empty() {
        return;
    }
    {
        let mut state = hub.lock();
        for parsed in batch {
            state.apply_parsed(parsed);
        }
    }
    hub.changed();
}
