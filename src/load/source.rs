//! Where input bytes come from: a file, `-` (stdin) or an `http(s)://` URL (with a timeout
//! and a size cap), decoded to UTF-8 from UTF-8 (with or without BOM) or GBK/GB18030.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::load::Encoding;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
    Url(String),
    /// Bytes already in memory (fuzzing, tests, data generated in-process), with a name.
    Memory {
        name: String,
        bytes: std::sync::Arc<[u8]>,
    },
}

impl Source {
    pub fn parse(s: &str) -> Self {
        if s == "-" {
            Source::Stdin
        } else if s.starts_with("http://") || s.starts_with("https://") {
            Source::Url(s.to_string())
        } else {
            Source::File(PathBuf::from(s))
        }
    }

    /// The name used in messages and finding locations.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".into(),
            Source::File(p) => p.display().to_string(),
            Source::Url(u) => redact_url(u),
            Source::Memory { name, .. } => name.clone(),
        }
    }

    /// The file extension, for format detection (URLs: of the path, without the query).
    pub fn extension(&self) -> Option<String> {
        let path = match self {
            Source::Stdin => return None,
            Source::Memory { name, .. } => name.clone(),
            Source::File(p) => p.to_string_lossy().into_owned(),
            Source::Url(u) => u.split(['?', '#']).next().unwrap_or(u).to_string(),
        };
        let last = path.rsplit('/').next().unwrap_or(&path);
        last.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
    }

    /// Open the raw bytes.
    pub fn open_raw(&self, limits: &Limits) -> Result<Box<dyn Read + Send>> {
        match self {
            Source::Stdin => Ok(Box::new(std::io::stdin())),
            Source::Memory { bytes, .. } => Ok(Box::new(std::io::Cursor::new(bytes.clone()))),
            Source::File(p) => {
                let f = File::open(p).map_err(|e| Error::io(p.display(), e))?;
                if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
                    return Err(Error::Other(format!(
                        "{}: is a directory, expected a file",
                        p.display()
                    )));
                }
                Ok(Box::new(f))
            }
            Source::Url(u) => Ok(Box::new(UrlBody::open(u, limits)?)),
        }
    }

    /// Open as UTF-8 text, decoding GBK/GB18030 when needed; at most `limits.max_bytes`
    /// are delivered.
    pub fn open(
        &self,
        limits: &Limits,
        encoding: Option<Encoding>,
    ) -> Result<Box<dyn BufRead + Send>> {
        let text = self.open_text(limits, encoding)?;
        Ok(Box::new(Capped {
            inner: text,
            read: 0,
            hit: LimitHit {
                what: "input",
                limit: limits.max_bytes,
                env: ENV_MAX_BYTES,
            },
        }))
    }

    /// Read a whole document (JSON, JSON Lines, YAML) as text, refusing one larger than
    /// `limits.max_document_bytes` before reading it when its size is known (files) and
    /// while reading it otherwise (stdin, URLs, devices).
    pub fn read_document(&self, limits: &Limits, encoding: Option<Encoding>) -> Result<String> {
        self.check_document_size(limits)?;
        let reader = self.open(limits, encoding)?;
        self.read_document_from(reader, limits)
    }

    fn document_limit(limits: &Limits) -> LimitHit {
        LimitHit {
            what: "document (JSON and YAML are read whole)",
            limit: limits.max_document_bytes.min(limits.max_bytes),
            env: ENV_MAX_DOCUMENT_BYTES,
        }
    }

    fn whole(&self) -> crate::error::Position {
        crate::error::Position {
            file: self.name(),
            line: None,
            column: None,
        }
    }

    /// Refuse a regular file larger than the document limit without reading it.
    pub fn check_document_size(&self, limits: &Limits) -> Result<()> {
        let hit = Self::document_limit(limits);
        if let Source::File(p) = self {
            if let Ok(meta) = std::fs::metadata(p) {
                if meta.is_file() && meta.len() > hit.limit {
                    return Err(hit.at(self.whole()));
                }
            }
        }
        Ok(())
    }

    /// The rest of an opened reader as one document, within the document limit.
    pub fn read_document_from(&self, reader: impl Read, limits: &Limits) -> Result<String> {
        let hit = Self::document_limit(limits);
        let mut capped = Capped {
            inner: reader,
            read: 0,
            hit,
        };
        let mut text = String::new();
        match capped.read_to_string(&mut text) {
            Ok(_) => Ok(text),
            Err(e) => Err(match LimitHit::of(&e) {
                Some(h) => h.at(self.whole()),
                None if e.kind() == std::io::ErrorKind::InvalidData => Error::Parse {
                    at: self.whole(),
                    message: "not valid UTF-8 (if the file is GBK or GB18030, pass --encoding gbk)"
                        .into(),
                },
                None => Error::io(self.name(), e),
            }),
        }
    }

    fn open_text(
        &self,
        limits: &Limits,
        encoding: Option<Encoding>,
    ) -> Result<Box<dyn BufRead + Send>> {
        let raw = self.open_raw(limits)?;
        let mut buf = BufReader::with_capacity(1 << 16, raw);
        let enc = match encoding.unwrap_or(Encoding::Auto) {
            Encoding::Utf8 => None,
            Encoding::Gbk | Encoding::Gb18030 => Some(encoding_rs::GB18030),
            Encoding::Auto => {
                let head = buf.fill_buf().map_err(|e| Error::io(self.name(), e))?;
                detect(head)
            }
        };
        match enc {
            None => {
                // Skip a UTF-8 byte-order mark.
                let head = buf.fill_buf().map_err(|e| Error::io(self.name(), e))?;
                if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    buf.consume(3);
                }
                Ok(Box::new(buf))
            }
            Some(enc) => Ok(Box::new(BufReader::with_capacity(
                1 << 16,
                StrictDecoder::new(buf, enc, self.name()),
            ))),
        }
    }
}

impl From<&str> for Source {
    fn from(s: &str) -> Self {
        Source::parse(s)
    }
}

impl From<&String> for Source {
    fn from(s: &String) -> Self {
        Source::parse(s)
    }
}

impl From<String> for Source {
    fn from(s: String) -> Self {
        Source::parse(&s)
    }
}

impl From<&std::path::Path> for Source {
    fn from(p: &std::path::Path) -> Self {
        Source::File(p.to_path_buf())
    }
}

impl From<&PathBuf> for Source {
    fn from(p: &PathBuf) -> Self {
        Source::File(p.clone())
    }
}

/// Guess the encoding from the first bytes: a BOM decides; valid UTF-8 (allowing a character
/// cut at the end of the sample) is UTF-8; anything else is taken as GB18030 (a superset of
/// GBK and GB2312, what Chinese platforms export).
pub fn detect(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return None;
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return Some(encoding_rs::UTF_16LE);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return Some(encoding_rs::UTF_16BE);
    }
    match std::str::from_utf8(head) {
        Ok(_) => None,
        Err(e) if e.error_len().is_none() => None,
        Err(_) => {
            // Only text that decodes cleanly as GB18030 is taken as such; anything else
            // (binary data, broken UTF-8) is left to fail as invalid UTF-8, with its line.
            let mut dec = encoding_rs::GB18030.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(head.len() * 2);
            let (res, _) = dec.decode_to_string_without_replacement(head, &mut out, false);
            let clean = !matches!(res, encoding_rs::DecoderResult::Malformed(..));
            let binary = head.contains(&0);
            (clean && !binary).then_some(encoding_rs::GB18030)
        }
    }
}

/// How much of an input govops reads before it gives up: the same for files, stdin and URLs.
/// Each limit is an environment variable (bytes, e.g. `GOVOPS_MAX_FIELD_BYTES=8388608`);
/// an exceeded limit is an input error (exit 2) that names it.
#[derive(Debug, Clone)]
pub struct Limits {
    /// One deadline for a whole URL download (`GOVOPS_LOAD_TIMEOUT`, default 30 s).
    pub timeout: Duration,
    /// Bytes read from one input of any format (`GOVOPS_LOAD_MAX_BYTES`, default 16 GiB).
    pub max_bytes: u64,
    /// Bytes of an input that is parsed whole: JSON, JSON Lines, YAML
    /// (`GOVOPS_MAX_DOCUMENT_BYTES`, default 256 MiB).
    pub max_document_bytes: u64,
    /// Bytes of one CSV/TSV record (a line, or several when quoted) or one JSON Lines or
    /// event line (`GOVOPS_MAX_RECORD_BYTES`, default 4 MiB).
    pub max_record_bytes: u64,
    /// Bytes of one field value (`GOVOPS_MAX_FIELD_BYTES`, default 1 MiB).
    pub max_field_bytes: u64,
}

/// The environment variables of `Limits`, named once for messages and docs.
pub const ENV_MAX_BYTES: &str = "GOVOPS_LOAD_MAX_BYTES";
pub const ENV_MAX_DOCUMENT_BYTES: &str = "GOVOPS_MAX_DOCUMENT_BYTES";
pub const ENV_MAX_RECORD_BYTES: &str = "GOVOPS_MAX_RECORD_BYTES";
pub const ENV_MAX_FIELD_BYTES: &str = "GOVOPS_MAX_FIELD_BYTES";

/// The environment's value of a limit (bytes, or `8MiB`-style), if it is set and valid.
fn env_bytes(name: &str) -> Option<u64> {
    let s = std::env::var(name).ok()?;
    let s = s.trim();
    s.parse::<u64>()
        .ok()
        .or_else(|| s.parse::<bytesize::ByteSize>().ok().map(|b| b.as_u64()))
        .filter(|n| *n > 0)
}

impl Limits {
    /// Each limit from its environment variable, else the profile's `inputs.limits`, else
    /// the built-in default.
    pub fn from_profile(p: &crate::profile::InputLimits) -> Self {
        let pick = |env: &str, profile: Option<bytesize::ByteSize>, default: u64| {
            env_bytes(env)
                .or(profile.map(|b| b.as_u64()).filter(|n| *n > 0))
                .unwrap_or(default)
        };
        let timeout = std::env::var("GOVOPS_LOAD_TIMEOUT")
            .ok()
            .and_then(|s| crate::model::duration::parse(&s).ok())
            .or(p.timeout.map(|d| d.get()))
            .unwrap_or(Duration::from_secs(30));
        Limits {
            timeout,
            max_bytes: pick(ENV_MAX_BYTES, p.max_bytes, 16 << 30),
            max_document_bytes: pick(ENV_MAX_DOCUMENT_BYTES, p.max_document_bytes, 256 << 20),
            max_record_bytes: pick(ENV_MAX_RECORD_BYTES, p.max_record_bytes, 4 << 20),
            max_field_bytes: pick(ENV_MAX_FIELD_BYTES, p.max_field_bytes, 1 << 20),
        }
    }
}

/// The profile key (under `inputs.limits`) of a limit's environment variable, for messages.
pub fn profile_key(env: &str) -> &'static str {
    match env {
        ENV_MAX_BYTES => "max_bytes",
        ENV_MAX_DOCUMENT_BYTES => "max_document_bytes",
        ENV_MAX_RECORD_BYTES => "max_record_bytes",
        _ => "max_field_bytes",
    }
}

impl Default for Limits {
    /// From the environment, with the defaults above.
    fn default() -> Self {
        Limits::from_profile(&Default::default())
    }
}

/// An exceeded limit, carried inside an `io::Error` from a reader up to the loader, which
/// turns it into `Error::TooLarge` with the position.
#[derive(Debug, Clone)]
pub struct LimitHit {
    /// What was too large: "input", "record", "JSON document", …
    pub what: &'static str,
    pub limit: u64,
    pub env: &'static str,
}

impl std::fmt::Display for LimitHit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} larger than the limit of {} bytes (raise it with {}=BYTES or the profile's \
             inputs.limits.{})",
            self.what,
            self.limit,
            self.env,
            profile_key(self.env)
        )
    }
}

impl std::error::Error for LimitHit {}

impl LimitHit {
    pub fn io(self) -> std::io::Error {
        std::io::Error::other(self)
    }

    /// The limit inside an `io::Error`, if that is what it is.
    pub fn of(e: &std::io::Error) -> Option<&LimitHit> {
        e.get_ref().and_then(|e| e.downcast_ref::<LimitHit>())
    }

    pub fn at(&self, at: crate::error::Position) -> Error {
        Error::TooLarge {
            at,
            what: self.what.to_string(),
            limit: self.limit,
            env: self.env,
        }
    }
}

/// Counts the bytes delivered and fails once there are more than `max`.
struct Capped<R> {
    inner: R,
    read: u64,
    hit: LimitHit,
}

impl<R> Capped<R> {
    fn check(&self) -> std::io::Result<()> {
        if self.read > self.hit.limit {
            Err(self.hit.clone().io())
        } else {
            Ok(())
        }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.check()?;
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        self.check()?;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Capped<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.check()?;
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.read += amt as u64;
        self.inner.consume(amt);
    }
}

/// An HTTP(S) body as a `Read`, fetched on the shared runtime. One deadline covers the
/// whole download (connect, headers and every chunk of the body), so a server that trickles
/// bytes cannot hold a run past `GOVOPS_LOAD_TIMEOUT`; the size cap holds while it streams.
struct UrlBody {
    rt: &'static tokio::runtime::Runtime,
    resp: reqwest::Response,
    chunk: bytes::Bytes,
    left: u64,
    deadline: tokio::time::Instant,
    timeout: Duration,
    url: String,
}

impl UrlBody {
    fn open(u: &str, limits: &Limits) -> Result<Self> {
        let rt = crate::runtime::get()?;
        let started = tokio::time::Instant::now();
        let deadline = started + limits.timeout;
        let client = reqwest::Client::builder()
            .connect_timeout(limits.timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::limited(5))
            .user_agent(concat!("govops/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| http_err(u, &e))?;
        let resp = rt
            .block_on(async { tokio::time::timeout_at(deadline, client.get(u).send()).await })
            .map_err(|_| Error::Http {
                url: redact_url(u),
                message: format!(
                    "timed out after {} waiting for the response headers (GOVOPS_LOAD_TIMEOUT)",
                    humantime::format_duration(limits.timeout)
                ),
            })?
            .map_err(|e| http_err(u, &e))?;
        let status = resp.status();
        if !status.is_success() {
            return Err(Error::Http {
                url: redact_url(u),
                message: format!("server answered {status}"),
            });
        }
        if resp.content_length().is_some_and(|n| n > limits.max_bytes) {
            return Err(too_big(u, limits.max_bytes));
        }
        Ok(UrlBody {
            rt,
            resp,
            chunk: bytes::Bytes::new(),
            left: limits.max_bytes,
            deadline,
            timeout: limits.timeout,
            url: redact_url(u),
        })
    }
}

impl Read for UrlBody {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.chunk.is_empty() {
            let next = self.rt.block_on(async {
                tokio::time::timeout_at(self.deadline, self.resp.chunk()).await
            });
            match next {
                Err(_) => {
                    return Err(std::io::Error::other(format!(
                        "{}: timed out after {} reading the body (GOVOPS_LOAD_TIMEOUT)",
                        self.url,
                        humantime::format_duration(self.timeout)
                    )))
                }
                Ok(Err(e)) => {
                    return Err(std::io::Error::other(format!(
                        "{}: reading the body: {}",
                        self.url,
                        root_cause(&e)
                    )))
                }
                Ok(Ok(None)) => return Ok(0),
                Ok(Ok(Some(c))) => {
                    if c.len() as u64 > self.left {
                        return Err(std::io::Error::other(format!(
                            "{}: body larger than the size cap (GOVOPS_LOAD_MAX_BYTES)",
                            self.url
                        )));
                    }
                    self.left -= c.len() as u64;
                    self.chunk = c;
                }
            }
        }
        let n = buf.len().min(self.chunk.len());
        buf[..n].copy_from_slice(&self.chunk[..n]);
        bytes::Buf::advance(&mut self.chunk, n);
        Ok(n)
    }
}

fn too_big(u: &str, cap: u64) -> Error {
    Error::Http {
        url: redact_url(u),
        message: format!("body larger than the size cap of {cap} bytes"),
    }
}

fn http_err(u: &str, e: &reqwest::Error) -> Error {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else {
        "request failed"
    };
    // reqwest's message may repeat the URL; keep only the class and the root cause.
    Error::Http {
        url: redact_url(u),
        message: format!("{kind}: {}", root_cause(e)),
    }
}

fn root_cause<'a>(
    e: &'a (dyn std::error::Error + 'static),
) -> &'a (dyn std::error::Error + 'static) {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause
}

/// Hide credentials and query strings (which often carry tokens) in messages.
pub fn redact_url(u: &str) -> String {
    let (base, had_query) = match u.split_once('?') {
        Some((b, _)) => (b, true),
        None => (u, false),
    };
    let base = match (base.find("://"), base.find('@')) {
        (Some(s), Some(at)) if at > s && !base[s + 3..at].contains('/') => {
            format!("{}://…@{}", &base[..s], &base[at + 1..])
        }
        _ => base.to_string(),
    };
    if had_query {
        format!("{base}?…")
    } else {
        base
    }
}

/// Decodes a legacy encoding to UTF-8, failing (instead of inserting U+FFFD) on bytes that
/// are not valid in it: a wrong guess must end in a clear error, not in silent garbage.
struct StrictDecoder<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    name: String,
    input: Vec<u8>,
    output: String,
    out_pos: usize,
    consumed: u64,
    eof: bool,
}

impl<R: Read> StrictDecoder<R> {
    fn new(inner: R, enc: &'static encoding_rs::Encoding, name: String) -> Self {
        StrictDecoder {
            inner,
            decoder: enc.new_decoder_with_bom_removal(),
            name,
            input: Vec::new(),
            output: String::new(),
            out_pos: 0,
            consumed: 0,
            eof: false,
        }
    }

    fn refill(&mut self) -> std::io::Result<()> {
        self.output.clear();
        self.out_pos = 0;
        while self.output.is_empty() && !(self.eof && self.input.is_empty()) {
            if !self.eof {
                let mut chunk = [0u8; 1 << 15];
                let n = self.inner.read(&mut chunk)?;
                self.eof = n == 0;
                self.input.extend_from_slice(&chunk[..n]);
            }
            let cap = self
                .decoder
                .max_utf8_buffer_length_without_replacement(self.input.len())
                .unwrap_or(1 << 17);
            self.output.reserve(cap);
            let (res, read) = self.decoder.decode_to_string_without_replacement(
                &self.input,
                &mut self.output,
                self.eof,
            );
            if let encoding_rs::DecoderResult::Malformed(bad, _) = res {
                let at = self.consumed + read as u64 - u64::from(bad);
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "{}: byte {at} is not valid {} text (pass --encoding utf8 or gbk to say which it is)",
                        self.name,
                        self.decoder.encoding().name()
                    ),
                ));
            }
            self.consumed += read as u64;
            self.input.drain(..read);
            if self.eof {
                self.input.clear();
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for StrictDecoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.out_pos >= self.output.len() {
            self.refill()?;
        }
        let bytes = &self.output.as_bytes()[self.out_pos..];
        let n = bytes.len().min(buf.len());
        buf[..n].copy_from_slice(&bytes[..n]);
        self.out_pos += n;
        Ok(n)
    }
}
