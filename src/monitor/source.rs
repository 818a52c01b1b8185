//! Where events come from: a followed file, stdin, an HTTP URL polled with `Range`
//! requests, or a simulator (the demo's).

use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use super::follow::Follower;
use super::ingest::{Feeder, Hub};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum EventSource {
    File(PathBuf),
    Stdin,
    Url(String),
    /// Generated traffic (the built-in demo's simulator, which lives outside this module).
    Simulated(Simulator),
}

/// A generator of events: a backlog of the day so far, then live traffic until the hub stops.
#[derive(Debug, Clone, Copy)]
pub struct Simulator {
    pub name: &'static str,
    /// The backlog up to the given time (`--once`).
    pub backlog: fn(&Hub, chrono::DateTime<chrono::Utc>),
    /// The backlog up to now, then live traffic that continues it until the hub stops.
    pub run: fn(&Hub),
}

impl PartialEq for Simulator {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl EventSource {
    pub fn parse(s: &str) -> Self {
        match crate::load::Source::parse(s) {
            crate::load::Source::Stdin => EventSource::Stdin,
            crate::load::Source::File(p) => EventSource::File(p),
            crate::load::Source::Url(u) => EventSource::Url(u),
            // `parse` never makes in-memory sources; treat one as a file by its name.
            crate::load::Source::Memory { name, .. } => EventSource::File(name.into()),
        }
    }

    pub fn name(&self) -> String {
        match self {
            EventSource::File(p) => p.display().to_string(),
            EventSource::Stdin => "<stdin>".into(),
            EventSource::Url(u) => crate::load::source::redact_url(u),
            EventSource::Simulated(sim) => sim.name.into(),
        }
    }
}

/// A source's follow loop, run on the ingest thread until the hub stops.
pub type Follow = Box<dyn FnOnce(&Hub) + Send>;

/// Ingest what is available now and return (`--once`).
pub fn read_once(src: &EventSource, hub: &Hub, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
    match src {
        EventSource::File(p) => {
            let mut f = Follower::open(p)?;
            f.drain(hub);
            f.finish(hub);
        }
        EventSource::Stdin => {
            let mut feeder = Feeder::default();
            read_stream(std::io::stdin().lock(), &mut feeder, hub)
                .map_err(|e| Error::io("<stdin>", e))?;
            feeder.finish(hub);
        }
        EventSource::Url(u) => {
            let mut poller = Poller::new(u.clone())?;
            poller.poll(hub)?;
            poller.feeder.finish(hub);
        }
        EventSource::Simulated(sim) => (sim.backlog)(hub, now),
    }
    Ok(())
}

/// Open the source now (so that a missing file is an error before the screen starts), and
/// return the function that follows it until the hub stops.
pub fn follower(src: &EventSource, refresh: Duration) -> Result<Follow> {
    Ok(match src {
        EventSource::File(p) => {
            let f = Follower::open(p)?;
            Box::new(move |hub: &Hub| f.run(hub))
        }
        EventSource::Stdin => Box::new(|hub: &Hub| {
            let mut feeder = Feeder::default();
            match read_stream(std::io::stdin().lock(), &mut feeder, hub) {
                Ok(()) => {
                    feeder.finish(hub);
                    hub.note("stdin closed: no more events");
                }
                Err(e) => hub.note(format!("<stdin>: {e}")),
            }
        }),
        EventSource::Url(u) => {
            let mut poller = Poller::new(u.clone())?;
            Box::new(move |hub: &Hub| {
                while !hub.stopped() {
                    if !hub.paused() {
                        if let Err(e) = poller.poll(hub) {
                            poller.report(hub, e.to_string());
                        }
                    }
                    hub.sleep(refresh);
                }
            })
        }
        EventSource::Simulated(sim) => {
            let sim = *sim;
            Box::new(move |hub: &Hub| (sim.run)(hub))
        }
    })
}

fn read_stream(mut r: impl Read, feeder: &mut Feeder, hub: &Hub) -> std::io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if hub.stopped() {
            return Ok(());
        }
        while hub.paused() && !hub.stopped() {
            std::thread::sleep(Duration::from_millis(100));
        }
        match r.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => feeder.push(&buf[..n], hub),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Polls a URL that serves a growing JSON Lines file: asks only for the bytes after those
/// already read (`Range: bytes=N-`); a server that ignores `Range` sends everything and the
/// known prefix is skipped; a body shorter than what was read means the file was truncated.
pub struct Poller {
    url: String,
    client: reqwest::Client,
    rt: &'static tokio::runtime::Runtime,
    offset: u64,
    feeder: Feeder,
    last_error: Option<String>,
    /// One deadline per poll, headers and body together (`GOVOPS_LOAD_TIMEOUT`, default 30 s),
    /// so a server that trickles bytes cannot hold `--once` or stall the live screen.
    timeout: Duration,
}

const MAX_POLL_BYTES: u64 = 256 << 20;

impl Poller {
    pub fn new(url: String) -> Result<Self> {
        let timeout = crate::load::Limits::default().timeout;
        let client = reqwest::Client::builder()
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::limited(5))
            .user_agent(concat!("govops/", env!("CARGO_PKG_VERSION"), " monitor"))
            .build()
            .map_err(|e| Error::Other(format!("cannot build the HTTP client: {e}")))?;
        Ok(Poller {
            url,
            client,
            rt: crate::runtime::get()?,
            offset: 0,
            feeder: Feeder::default(),
            last_error: None,
            timeout,
        })
    }

    fn http_err(&self, message: String) -> Error {
        Error::Http {
            url: crate::load::source::redact_url(&self.url),
            message,
        }
    }

    /// One poll: fetch and ingest what is new.
    pub fn poll(&mut self, hub: &Hub) -> Result<()> {
        let mut req = self.client.get(&self.url);
        if self.offset > 0 {
            req = req.header(reqwest::header::RANGE, format!("bytes={}-", self.offset));
        }
        let deadline = tokio::time::Instant::now() + self.timeout;
        let waited = humantime::format_duration(self.timeout);
        let fetched = self.rt.block_on(async {
            let mut resp = tokio::time::timeout_at(deadline, req.send())
                .await
                .map_err(|_| {
                    format!("timed out after {waited} waiting for the response headers (GOVOPS_LOAD_TIMEOUT)")
                })?
                .map_err(|e| e.to_string())?;
            let status = resp.status();
            let mut body = Vec::new();
            if status.is_success() {
                loop {
                    let chunk = tokio::time::timeout_at(deadline, resp.chunk())
                        .await
                        .map_err(|_| {
                            format!("timed out after {waited} reading the body (GOVOPS_LOAD_TIMEOUT)")
                        })?
                        .map_err(|e| format!("reading the body: {e}"))?;
                    let Some(chunk) = chunk else { break };
                    let room = (MAX_POLL_BYTES as usize).saturating_sub(body.len());
                    body.extend_from_slice(&chunk[..chunk.len().min(room)]);
                    if room <= chunk.len() {
                        break;
                    }
                }
            }
            Ok::<_, String>((status, body))
        });
        let (status, body) = fetched.map_err(|e| self.http_err(e))?;
        if status.as_u16() == 416 {
            return Ok(()); // nothing new
        }
        if !status.is_success() {
            return Err(self.http_err(format!("server answered {status}")));
        }
        let status = status.as_u16();
        let fresh: &[u8] = if status == 206 {
            &body
        } else if (body.len() as u64) >= self.offset {
            &body[self.offset as usize..]
        } else {
            hub.note(format!(
                "{}: shorter than before, reading from the start",
                crate::load::source::redact_url(&self.url)
            ));
            self.feeder.reset();
            self.offset = 0;
            &body
        };
        self.offset += fresh.len() as u64;
        self.feeder.push(fresh, hub);
        if self.last_error.take().is_some() {
            hub.note(format!(
                "{}: reachable again",
                crate::load::source::redact_url(&self.url)
            ));
        }
        Ok(())
    }

    /// Note an error once (not every poll).
    fn report(&mut self, hub: &Hub, msg: String) {
        if self.last_error.as_deref() != Some(msg.as_str()) {
            hub.note(msg.clone());
            self.last_error = Some(msg);
        }
    }
}
