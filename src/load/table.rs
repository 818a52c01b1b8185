//! Rows from any tabular format, with headers resolved to a schema's canonical fields.
//! CSV and TSV stream record by record, within the record and field limits of
//! [`Limits`](super::Limits) checked while reading; JSON, JSON Lines and YAML are read whole
//! (they are the small inputs: registries, profiles, metrics) within the document limit, and
//! flattened (`expect.status`).
//!
//! Line numbers count every line terminator the way a text editor does: LF, CRLF and a lone
//! CR each end one line, lines inside quoted fields count, and a byte-order mark is not a
//! line. A row's line is the line its record starts on.

use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, Read};
use std::sync::Arc;

use csv::StringRecord;
use serde_json::Value as Json;

use super::aliases;
use super::source::{LimitHit, Limits, Source, ENV_MAX_FIELD_BYTES, ENV_MAX_RECORD_BYTES};
use super::LoadOptions;
use crate::error::{Error, Position, Result};
use crate::load::InputFormat;

/// How one canonical field is obtained from a row.
#[derive(Debug, Clone)]
enum Binding {
    Column(usize),
    /// `{fiscal_yr}-{service_id}`: literal text and column indexes.
    Template(Vec<Piece>),
    Const(String),
    Missing,
}

#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Column(usize),
}

#[derive(Debug)]
pub struct Header {
    pub file: String,
    pub names: Vec<String>,
    fields: &'static [&'static str],
    bindings: Vec<Binding>,
    filter: Vec<(usize, String)>,
    max_field: u64,
}

impl Header {
    fn new(
        file: String,
        names: Vec<String>,
        fields: &'static [&'static str],
        opts: &LoadOptions,
    ) -> Result<Self> {
        let index_of = |h: &str| names.iter().position(|n| n.trim() == h.trim());
        let mut bindings = vec![Binding::Missing; fields.len()];
        // Aliases first, then explicit profile mappings win.
        for (ci, name) in names.iter().enumerate() {
            if let Some(canon) = aliases::canonical(name, fields) {
                let fi = fields.iter().position(|f| *f == canon).unwrap_or(0);
                if matches!(bindings[fi], Binding::Missing) {
                    bindings[fi] = Binding::Column(ci);
                }
            }
        }
        for (canon, spec) in &opts.columns {
            let Some(fi) = fields.iter().position(|f| f == canon) else {
                continue;
            };
            if spec.contains('{') {
                bindings[fi] = Binding::Template(parse_template(spec, &index_of, &file)?);
            } else if let Some(ci) = index_of(spec) {
                bindings[fi] = Binding::Column(ci);
            }
        }
        for (canon, value) in &opts.defaults {
            if let Some(fi) = fields.iter().position(|f| f == canon) {
                if matches!(bindings[fi], Binding::Missing) {
                    bindings[fi] = Binding::Const(value.clone());
                }
            }
        }
        let mut filter = Vec::new();
        for (col, want) in &opts.filter {
            match index_of(col) {
                Some(ci) => filter.push((ci, want.clone())),
                None => {
                    return Err(Error::MissingColumn {
                        file,
                        field: col.clone(),
                        found: names.join(", "),
                    })
                }
            }
        }
        Ok(Header {
            file,
            names,
            fields,
            bindings,
            filter,
            max_field: opts.limits.max_field_bytes,
        })
    }

    /// Is the canonical field available at all (column, template or default)?
    pub fn has(&self, field: &str) -> bool {
        self.fields
            .iter()
            .position(|f| *f == field)
            .is_some_and(|i| !matches!(self.bindings[i], Binding::Missing))
    }

    /// Fail unless every field in `required` is available.
    pub fn require(&self, required: &[&str]) -> Result<()> {
        for r in required {
            if !self.has(r) {
                return Err(Error::MissingColumn {
                    file: self.file.clone(),
                    field: r.to_string(),
                    found: self.names.join(", "),
                });
            }
        }
        Ok(())
    }

    /// 1-based column number of a field, for error messages.
    pub fn column_of(&self, field: usize) -> Option<u64> {
        match self.bindings.get(field) {
            Some(Binding::Column(c)) => Some(*c as u64 + 1),
            _ => None,
        }
    }

    /// Columns not bound to any field (kept and ignored, or used as indicators/labels).
    pub fn unbound(&self) -> Vec<usize> {
        (0..self.names.len())
            .filter(|ci| {
                !self.bindings.iter().any(|b| match b {
                    Binding::Column(c) => c == ci,
                    _ => false,
                })
            })
            .collect()
    }
}

fn parse_template(
    spec: &str,
    index_of: &dyn Fn(&str) -> Option<usize>,
    file: &str,
) -> Result<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut rest = spec;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_string()));
        }
        let Some(close) = rest[open..].find('}') else {
            return Err(Error::usage(format!(
                "profile column template `{spec}`: missing `}}`"
            )));
        };
        let col = &rest[open + 1..open + close];
        match index_of(col) {
            Some(ci) => pieces.push(Piece::Column(ci)),
            None => {
                return Err(Error::MissingColumn {
                    file: file.to_string(),
                    field: col.to_string(),
                    found: format!("(needed by the profile's column template `{spec}`)"),
                })
            }
        }
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    Ok(pieces)
}

/// One input row.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub record: StringRecord,
    pub header: Arc<Header>,
}

impl Row {
    /// The trimmed value of canonical field `i`; `None` when absent or empty.
    pub fn get(&self, i: usize) -> Option<Cow<'_, str>> {
        let v: Cow<'_, str> = match &self.header.bindings[i] {
            Binding::Column(c) => Cow::Borrowed(self.record.get(*c).unwrap_or("").trim()),
            Binding::Const(s) => Cow::Borrowed(s.as_str()),
            Binding::Template(pieces) => {
                let mut s = String::new();
                for p in pieces {
                    match p {
                        Piece::Text(t) => s.push_str(t),
                        Piece::Column(c) => s.push_str(self.record.get(*c).unwrap_or("").trim()),
                    }
                }
                Cow::Owned(s)
            }
            Binding::Missing => return None,
        };
        if v.is_empty() {
            None
        } else {
            Some(v)
        }
    }

    /// A raw column by its header name.
    pub fn raw(&self, header: &str) -> Option<&str> {
        let ci = self.header.names.iter().position(|n| n.trim() == header)?;
        self.record.get(ci).map(str::trim)
    }

    /// Where field `i` of this row is, for error messages.
    pub fn at(&self, i: usize) -> Position {
        Position {
            file: self.header.file.clone(),
            line: Some(self.line),
            column: self.header.column_of(i),
        }
    }

    fn keep(&self) -> bool {
        self.header
            .filter
            .iter()
            .all(|(ci, want)| self.record.get(*ci).map(str::trim) == Some(want.as_str()))
    }
}

/// A stream of rows.
pub struct Rows {
    pub header: Arc<Header>,
    inner: Inner,
}

enum Inner {
    Csv(Box<csv::Reader<Guard>>),
    Buffered(std::vec::IntoIter<(u64, StringRecord)>),
}

/// Bytes the CSV parser may have read ahead of the record it is in (its buffer is 8 KiB).
const READ_AHEAD: u64 = 64 << 10;

/// Sits between the decoded text and the CSV parser: counts lines (LF, CRLF, lone CR) by
/// byte offset, so that a record's line is right whatever the line ends, and fails a read
/// once the record being parsed is longer than the record limit, so that a record without
/// end (`/dev/zero`, one 64 MB field) is refused after a few MiB, not buffered whole.
pub struct Guard {
    inner: Box<dyn BufRead + Send>,
    /// Bytes delivered to the parser.
    read: u64,
    /// Offsets and lengths (1 or 2) of line terminators not yet counted into `line`.
    pending: VecDeque<(u64, u8)>,
    /// Line number at the offset last asked about.
    line: u64,
    prev_cr: bool,
    /// Where the record being parsed starts.
    mark: u64,
    max_record: u64,
}

impl Guard {
    fn new(inner: Box<dyn BufRead + Send>, limits: &Limits) -> Self {
        Guard {
            inner,
            read: 0,
            pending: VecDeque::new(),
            line: 1,
            prev_cr: false,
            mark: 0,
            max_record: limits.max_record_bytes,
        }
    }

    /// The line of the record that starts at byte offset `at` (not before any earlier
    /// question's offset): blank lines at its start (which the parser skips) do not count.
    fn line_at(&mut self, at: u64) -> u64 {
        // A record may be said to start between the CR and the LF of a CRLF.
        let mut pos = at;
        while let Some(&(t, len)) = self.pending.front().filter(|&&(t, _)| t < at) {
            self.pending.pop_front();
            self.line += 1;
            pos = pos.max(t + u64::from(len));
        }
        while let Some(&(t, len)) = self.pending.front() {
            if t != pos {
                break;
            }
            self.pending.pop_front();
            self.line += 1;
            pos += u64::from(len);
        }
        self.line
    }

    fn record_limit(&self) -> LimitHit {
        LimitHit {
            what: "record",
            limit: self.max_record,
            env: ENV_MAX_RECORD_BYTES,
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        let base = self.read;
        for p in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // CRLF is one terminator, counted at its CR.
            let after_cr = if p == 0 {
                self.prev_cr
            } else {
                bytes[p - 1] == b'\r'
            };
            if bytes[p] == b'\n' && after_cr {
                if let Some(last) = self.pending.back_mut() {
                    last.1 = 2;
                }
                continue;
            }
            self.pending.push_back((base + p as u64, 1));
        }
        if let Some(&last) = bytes.last() {
            self.prev_cr = last == b'\r';
        }
        self.read += bytes.len() as u64;
    }
}

impl Read for Guard {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read.saturating_sub(self.mark) > self.max_record + READ_AHEAD {
            return Err(self.record_limit().io());
        }
        let n = self.inner.read(buf)?;
        self.scan(&buf[..n]);
        Ok(n)
    }
}

impl Rows {
    /// An empty row of this stream, to be filled by `read_into`.
    pub fn row(&self) -> Row {
        Row {
            line: 0,
            // Sized up front: growing an empty record field by field cost more allocations
            // than parsing the row (national catalogs: 10 M rows).
            record: StringRecord::with_capacity(512, self.header.names.len()),
            header: Arc::clone(&self.header),
        }
    }

    /// Read the next kept row into `row`, reusing its buffers (no allocation per row once
    /// they have grown). `Ok(false)` at the end.
    pub fn read_into(&mut self, row: &mut Row) -> Result<bool> {
        if !Arc::ptr_eq(&row.header, &self.header) {
            row.header = Arc::clone(&self.header);
        }
        loop {
            match &mut self.inner {
                Inner::Buffered(it) => {
                    let Some((line, record)) = it.next() else {
                        return Ok(false);
                    };
                    row.line = line;
                    row.record = record;
                }
                Inner::Csv(r) => match r.read_record(&mut row.record) {
                    Ok(false) => return Ok(false),
                    Ok(true) => {
                        let start = row.record.position().map(|p| p.byte()).unwrap_or(0);
                        let next = r.position().byte();
                        let guard = r.get_mut();
                        row.line = guard.line_at(start);
                        guard.mark = next;
                        check_record(&self.header, row, guard.max_record)?;
                        let rec = &row.record;
                        if rec.len() == 1 && rec.get(0).is_some_and(|s| s.trim().is_empty()) {
                            continue; // blank line
                        }
                    }
                    Err(e) => return Err(csv_error(&self.header.file, e, r.get_mut())),
                },
            }
            if row.keep() {
                return Ok(true);
            }
        }
    }
}

/// The record and field limits, once a record has arrived (the guard stops one that never
/// ends; this catches the rest exactly).
fn check_record(header: &Header, row: &Row, max_record: u64) -> Result<()> {
    let at = |column: Option<u64>| Position {
        file: header.file.clone(),
        line: Some(row.line),
        column,
    };
    let total: usize = row.record.iter().map(str::len).sum();
    if total as u64 > max_record {
        return Err(LimitHit {
            what: "record",
            limit: max_record,
            env: ENV_MAX_RECORD_BYTES,
        }
        .at(at(None)));
    }
    let max_field = header.max_field;
    if let Some(ci) = row.record.iter().position(|f| f.len() as u64 > max_field) {
        let name = header.names.get(ci).map(String::as_str).unwrap_or("");
        return Err(field_too_large(at(Some(ci as u64 + 1)), name, max_field));
    }
    Ok(())
}

fn field_too_large(at: Position, name: &str, limit: u64) -> Error {
    let short: String = name.chars().take(60).collect();
    let name = crate::report::sanitize::terminal(&short);
    Error::TooLarge {
        at,
        what: format!("field `{name}`"),
        limit,
        env: ENV_MAX_FIELD_BYTES,
    }
}

impl Iterator for Rows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut row = match &self.inner {
            Inner::Csv(_) => self.row(),
            Inner::Buffered(_) => Row {
                line: 0,
                record: StringRecord::new(),
                header: Arc::clone(&self.header),
            },
        };
        match self.read_into(&mut row) {
            Ok(true) => Some(Ok(row)),
            Ok(false) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// A CSV error with its line as the guard counts lines.
fn csv_error(file: &str, e: csv::Error, guard: &mut Guard) -> Error {
    let at = |line| Position {
        file: file.to_string(),
        line,
        column: None,
    };
    if let csv::ErrorKind::Io(io) = e.kind() {
        if let Some(hit) = LimitHit::of(io) {
            let line = guard.line_at(guard.mark);
            return hit.at(at(Some(line)));
        }
    }
    let pos = e.position().map(|p| guard.line_at(p.byte()));
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!(
            "invalid UTF-8 in field {} (if the file is GBK or GB18030, pass --encoding gbk)",
            err.field() + 1
        ),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("expected {expected_len} fields as in the header, found {len}")
        }
        csv::ErrorKind::Io(io) => format!("read error: {io}"),
        _ => {
            crate::report::sanitize::terminal(&e.to_string().chars().take(200).collect::<String>())
                .into_owned()
        }
    };
    Error::Parse {
        at: at(pos),
        message,
    }
}

/// Choose the format: `--input-format`, else the extension, else sniff the first byte.
fn format_of(src: &Source, opts: &LoadOptions, head: &[u8]) -> InputFormat {
    if let Some(f) = opts.format {
        return f;
    }
    match src.extension().as_deref() {
        Some("csv") | Some("txt") => return InputFormat::Csv,
        Some("tsv") | Some("tab") => return InputFormat::Tsv,
        Some("json") => return InputFormat::Json,
        Some("jsonl") | Some("ndjson") => return InputFormat::Jsonl,
        Some("yaml") | Some("yml") => return InputFormat::Yaml,
        _ => {}
    }
    let first = head.iter().find(|b| !b.is_ascii_whitespace()).copied();
    match first {
        Some(b'[') => InputFormat::Json,
        Some(b'{') => {
            // One object per line is JSON Lines; an object spanning lines is JSON.
            let line = head.split(|b| *b == b'\n').next().unwrap_or(head);
            if serde_json::from_slice::<Json>(line).is_ok() {
                InputFormat::Jsonl
            } else {
                InputFormat::Json
            }
        }
        _ => {
            let line = head.split(|b| *b == b'\n').next().unwrap_or(head);
            if line.contains(&b'\t') && !line.contains(&b',') {
                InputFormat::Tsv
            } else {
                InputFormat::Csv
            }
        }
    }
}

/// Open `src` as rows of `fields`. `list_key` is the key that holds the list in a YAML/JSON
/// document shaped `{interfaces: [...]}`.
pub fn open(
    src: &Source,
    fields: &'static [&'static str],
    list_key: Option<&str>,
    opts: &LoadOptions,
) -> Result<Rows> {
    let file = src.name();
    let mut reader = src.open(&opts.limits, opts.encoding)?;
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => {
            return Err(match LimitHit::of(&e) {
                Some(hit) => hit.at(Position {
                    file,
                    line: None,
                    column: None,
                }),
                None => Error::io(&file, e),
            })
        }
    };
    match format_of(src, opts, &head) {
        f @ (InputFormat::Csv | InputFormat::Tsv) => {
            let mut r = csv::ReaderBuilder::new()
                .delimiter(if f == InputFormat::Tsv { b'\t' } else { b',' })
                .flexible(false)
                .has_headers(true)
                .from_reader(Guard::new(reader, &opts.limits));
            let names: Vec<String> = match r.headers() {
                Ok(h) => h
                    .iter()
                    .map(|s| s.trim_start_matches('\u{FEFF}').to_string())
                    .collect(),
                Err(e) => return Err(csv_error(&file, e, r.get_mut())),
            };
            let next = r.position().byte();
            r.get_mut().mark = next;
            let at = |column| Position {
                file: file.clone(),
                line: Some(1),
                column,
            };
            if names.iter().map(String::len).sum::<usize>() as u64 > opts.limits.max_record_bytes {
                return Err(r.get_mut().record_limit().at(at(None)));
            }
            if let Some(ci) = names
                .iter()
                .position(|n| n.len() as u64 > opts.limits.max_field_bytes)
            {
                return Err(field_too_large(
                    at(Some(ci as u64 + 1)),
                    "(header)",
                    opts.limits.max_field_bytes,
                ));
            }
            let header = Arc::new(Header::new(file, names, fields, opts)?);
            Ok(Rows {
                header,
                inner: Inner::Csv(Box::new(r)),
            })
        }
        f => {
            src.check_document_size(&opts.limits)?;
            let text = src.read_document_from(reader, &opts.limits)?;
            let text = lone_cr_to_lf(text);
            let objects = match f {
                InputFormat::Jsonl => jsonl_objects(&text, &file, &opts.limits)?,
                InputFormat::Json => json_objects(&text, &file, list_key)?,
                _ => yaml_objects(&text, &file, list_key)?,
            };
            buffered(file, objects, fields, opts)
        }
    }
}

type Object = (u64, Vec<(String, String)>);

fn buffered(
    file: String,
    objects: Vec<Object>,
    fields: &'static [&'static str],
    opts: &LoadOptions,
) -> Result<Rows> {
    let mut names: Vec<String> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let max_field = opts.limits.max_field_bytes;
    for (line, kv) in &objects {
        for (k, v) in kv {
            if v.len() as u64 > max_field || k.len() as u64 > max_field {
                let at = Position {
                    file: file.clone(),
                    line: Some(*line).filter(|l| *l > 0),
                    column: None,
                };
                return Err(field_too_large(at, k, max_field));
            }
            if !index.contains_key(k) {
                index.insert(k.clone(), names.len());
                names.push(k.clone());
            }
        }
    }
    let rows: Vec<(u64, StringRecord)> = objects
        .into_iter()
        .map(|(line, kv)| {
            let mut cells = vec![String::new(); names.len()];
            for (k, v) in kv {
                if let Some(&i) = index.get(&k) {
                    cells[i] = v;
                }
            }
            (line, StringRecord::from(cells))
        })
        .collect();
    let header = Arc::new(Header::new(file, names, fields, opts)?);
    Ok(Rows {
        header,
        inner: Inner::Buffered(rows.into_iter()),
    })
}

/// Flatten a JSON object: nested objects as dotted keys, lists of scalars joined with `;`.
fn flatten(prefix: &str, v: &Json, out: &mut Vec<(String, String)>) {
    match v {
        Json::Object(m) => {
            for (k, v) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Json::Array(items) => {
            let parts: Vec<String> = items.iter().map(scalar).collect();
            out.push((prefix.to_string(), parts.join(";")));
        }
        other => out.push((prefix.to_string(), scalar(other))),
    }
}

fn scalar(v: &Json) -> String {
    match v {
        Json::Null => String::new(),
        Json::String(s) => s.clone(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

fn not_object(file: &str, line: u64, found: &Json) -> Error {
    let kind = match found {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    };
    Error::Parse {
        at: Position {
            file: file.to_string(),
            line: Some(line),
            column: None,
        },
        message: format!("expected an object (one row), found {kind}"),
    }
}

fn jsonl_objects(text: &str, file: &str, limits: &Limits) -> Result<Vec<Object>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        if line.len() as u64 > limits.max_record_bytes {
            return Err(LimitHit {
                what: "line",
                limit: limits.max_record_bytes,
                env: ENV_MAX_RECORD_BYTES,
            }
            .at(Position {
                file: file.into(),
                line: Some(n),
                column: None,
            }));
        }
        let v: Json = serde_json::from_str(line).map_err(|e| Error::Parse {
            at: Position {
                file: file.into(),
                line: Some(n),
                column: Some(e.column() as u64),
            },
            message: format!("invalid JSON: {}", json_message(&e)),
        })?;
        if !v.is_object() {
            return Err(not_object(file, n, &v));
        }
        let mut kv = Vec::new();
        flatten("", &v, &mut kv);
        out.push((n, kv));
    }
    Ok(out)
}

fn json_objects(text: &str, file: &str, list_key: Option<&str>) -> Result<Vec<Object>> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let v: Json = serde_json::from_str(text).map_err(|e| Error::Parse {
        at: Position {
            file: file.into(),
            line: Some(e.line() as u64),
            column: Some(e.column() as u64),
        },
        message: format!("invalid JSON: {}", json_message(&e)),
    })?;
    let list = match v {
        Json::Array(a) => a,
        Json::Object(mut m) => match list_key.and_then(|k| m.remove(k)) {
            Some(Json::Array(a)) => a,
            _ => {
                return Err(Error::Parse {
                    at: Position {
                        file: file.into(),
                        line: Some(1),
                        column: Some(1),
                    },
                    message: match list_key {
                        Some(k) => {
                            format!("expected an array of objects, or an object with a `{k}` array")
                        }
                        None => "expected an array of objects".into(),
                    },
                })
            }
        },
        other => return Err(not_object(file, 1, &other)),
    };
    let lines = element_lines(text);
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        if !item.is_object() {
            return Err(not_object(file, line, item));
        }
        let mut kv = Vec::new();
        flatten("", item, &mut kv);
        out.push((line, kv));
    }
    Ok(out)
}

/// Line of each top-level element of the (first) array of objects: the line of each `{` at
/// object depth one below the array.
/// Old Mac exports end lines with a lone CR. Outside strings a CR is JSON whitespace and a
/// YAML line break, and inside a JSON string a raw CR is invalid either way, so turning each
/// lone CR into LF changes no document's meaning and makes every line count (serde_json's,
/// JSON Lines', ours) agree with the same file written with LF.
fn lone_cr_to_lf(text: String) -> String {
    let b = text.as_bytes();
    let lone = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    if !(0..b.len()).any(lone) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        let crlf = rest[i + 1..].starts_with('\n');
        out.push(if crlf { '\r' } else { '\n' });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out
}

/// serde_json's message without its own " at line L column C" (the position is ours).
fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rsplit_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => msg,
    }
}

fn element_lines(text: &str) -> Vec<u64> {
    let mut lines = Vec::new();
    let (mut line, mut depth, mut in_str, mut esc) = (1u64, 0i32, false, false);
    let mut array_depth = None;
    for c in text.chars() {
        if in_str {
            match (esc, c) {
                (true, _) => esc = false,
                (false, '\\') => esc = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            if c == '\n' {
                line += 1;
            }
            continue;
        }
        match c {
            '\n' => line += 1,
            '"' => in_str = true,
            '[' => {
                depth += 1;
                if array_depth.is_none() {
                    array_depth = Some(depth);
                }
            }
            '{' => {
                if Some(depth) == array_depth {
                    lines.push(line);
                }
                depth += 1;
            }
            ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    lines
}

fn yaml_objects(text: &str, file: &str, list_key: Option<&str>) -> Result<Vec<Object>> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let json: Json = crate::yaml::from_str(text).map_err(|e| Error::Parse {
        at: Position {
            file: file.into(),
            line: e.line,
            column: e.column,
        },
        message: format!("invalid YAML: {}", e.message),
    })?;
    let (list, prefix) = match json {
        Json::Array(a) => (a, String::new()),
        Json::Object(mut m) => match list_key.and_then(|k| m.remove(k).map(|v| (k, v))) {
            Some((k, Json::Array(a))) => (a, k.to_string()),
            Some((_, Json::Null)) => (Vec::new(), String::new()),
            _ => {
                return Err(Error::Parse {
                    at: Position {
                        file: file.into(),
                        line: Some(1),
                        column: Some(1),
                    },
                    message: match list_key {
                        Some(k) => format!("expected a list of entries under `{k}:`"),
                        None => "expected a list of entries".into(),
                    },
                })
            }
        },
        other => return Err(not_object(file, 1, &other)),
    };
    let positions = crate::profile::key_positions(text);
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let path = if prefix.is_empty() {
            i.to_string()
        } else {
            format!("{prefix}.{i}")
        };
        let line = positions.get(&path).map(|p| p.0).unwrap_or(0);
        if !item.is_object() {
            return Err(not_object(file, line, item));
        }
        let mut kv = Vec::new();
        flatten("", item, &mut kv);
        out.push((line, kv));
    }
    Ok(out)
}
