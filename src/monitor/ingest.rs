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
///
/// Malformed lines are cheap: every one is counted, but only the first [`DETAILED`] of a
/// stream, and then [`DETAILS_PER_CHUNK`] per chunk, get a reason and an excerpt (the screen
/// shows a few examples). A line that cannot be an event (invalid UTF-8, or not starting like
/// JSON) is counted without parsing, decoding or sanitizing it when no example is wanted.
///
/// A line longer than the record limit (`GOVOPS_MAX_RECORD_BYTES`, default 4 MiB) is counted
/// as one malformed line as soon as it is that long, and the rest of it is skipped unread:
/// an endless line (a binary file, `/dev/zero`) costs no memory.
pub struct Feeder {
    pub line_no: u64,
    partial: Vec<u8>,
    /// Malformed lines given a reason and an excerpt so far.
    detailed: u64,
    /// Inside a line already counted as too long: drop bytes until its newline.
    skipping: bool,
    max_line: usize,
}

impl Default for Feeder {
    fn default() -> Self {
        Feeder::with_max_line(crate::load::Limits::default().max_record_bytes)
    }
}

/// Every malformed line of a stream gets its reason and excerpt up to this many…
const DETAILED: u64 = 200;
/// …and after that, this many per chunk read.
const DETAILS_PER_CHUNK: usize = 4;
/// An excerpt shows 100 characters: more bytes than that are never decoded for it.
const EXCERPT_BYTES: usize = 404;

/// One chunk's lines, parsed: events and detailed malformed lines in order, plus the number
/// of malformed lines only counted.
#[derive(Default)]
struct Batch {
    parsed: Vec<Result<Option<crate::model::Event>, Malformed>>,
    counted: u64,
    details: usize,
}

impl Feeder {
    pub fn with_max_line(max_line: u64) -> Self {
        Feeder {
            line_no: 0,
            partial: Vec::new(),
            detailed: 0,
            skipping: false,
            max_line: usize::try_from(max_line).unwrap_or(usize::MAX),
        }
    }

    /// Feed a chunk: every complete line is parsed and the batch applied to the hub.
    pub fn push(&mut self, chunk: &[u8], hub: &Hub) {
        let mut batch = Batch::default();
        let mut rest = chunk;
        while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
            let (line, tail) = rest.split_at(nl);
            rest = &tail[1..];
            if std::mem::take(&mut self.skipping) {
                continue; // the end of a line already counted as too long
            }
            if self.partial.len() + line.len() > self.max_line {
                self.too_long(line, &mut batch);
            } else if self.partial.is_empty() {
                self.parse(line, &mut batch);
            } else {
                let mut whole = std::mem::take(&mut self.partial);
                whole.extend_from_slice(line);
                self.parse(&whole, &mut batch);
            }
        }
        if self.skipping {
            // Still inside the long line: nothing to keep.
        } else if self.partial.len() + rest.len() > self.max_line {
            self.too_long(rest, &mut batch);
            self.skipping = true;
        } else {
            self.partial.extend_from_slice(rest);
        }
        apply(batch, hub);
    }

    /// Count a line over the limit (its start is in `partial`, then `more`), dropping it.
    fn too_long(&mut self, more: &[u8], batch: &mut Batch) {
        const HEAD: usize = 200;
        self.line_no += 1;
        let mut head = std::mem::take(&mut self.partial);
        if !self.wants_detail(batch) {
            batch.counted += 1;
            return;
        }
        head.truncate(HEAD);
        let need = HEAD.saturating_sub(head.len()).min(more.len());
        head.extend_from_slice(&more[..need]);
        self.detailed += 1;
        batch.details += 1;
        batch.parsed.push(Err(Malformed {
            line: self.line_no,
            field: None,
            reason: format!(
                "line longer than the limit of {} bytes (GOVOPS_MAX_RECORD_BYTES)",
                self.max_line
            ),
            excerpt: super::parse::excerpt(&String::from_utf8_lossy(&head)),
        }));
    }

    /// End of stream: a last line without a newline still counts.
    pub fn finish(&mut self, hub: &Hub) {
        self.skipping = false;
        if !self.partial.is_empty() {
            let line = std::mem::take(&mut self.partial);
            let mut batch = Batch::default();
            self.parse(&line, &mut batch);
            apply(batch, hub);
        }
    }

    /// Start over (the source was truncated): forget the partial line and the line count.
    pub fn reset(&mut self) {
        self.partial.clear();
        self.skipping = false;
        self.line_no = 0;
    }

    fn wants_detail(&self, batch: &Batch) -> bool {
        self.detailed < DETAILED || batch.details < DETAILS_PER_CHUNK
    }

    fn parse(&mut self, line: &[u8], batch: &mut Batch) {
        self.line_no += 1;
        let want = self.wants_detail(batch);
        let parsed = match std::str::from_utf8(line) {
            Ok(text) if !want && cannot_be_event(text) => None,
            Ok(text) => Some(parse_line(text, self.line_no)),
            Err(_) if !want => None,
            Err(_) => Some(Err(Malformed {
                line: self.line_no,
                field: None,
                reason: "not valid UTF-8".into(),
                excerpt: super::parse::excerpt(&String::from_utf8_lossy(
                    &line[..line.len().min(EXCERPT_BYTES)],
                )),
            })),
        };
        match parsed {
            None => batch.counted += 1,
            Some(p) => {
                if p.is_err() {
                    self.detailed += 1;
                    batch.details += 1;
                }
                batch.parsed.push(p);
            }
        }
    }
}

/// True for a line that `parse_line` would certainly call malformed: not blank, and not
/// starting (after JSON whitespace) like the object or array an event is read from.
fn cannot_be_event(text: &str) -> bool {
    let t = text.trim_end_matches('\r');
    !t.trim().is_empty()
        && !t
            .trim_start_matches([' ', '\t', '\n', '\r'])
            .starts_with(['{', '['])
}

fn apply(batch: Batch, hub: &Hub) {
    if batch.parsed.is_empty() && batch.counted == 0 {
        return;
    }
    {
        let mut state = hub.lock();
        for parsed in batch.parsed {
            state.apply_parsed(parsed);
        }
        state.count_malformed(batch.counted);
    }
    hub.changed();
}
