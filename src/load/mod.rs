//! Loaders: CSV, TSV, JSON, JSON Lines and YAML from a file, `-` or a URL, in UTF-8 or
//! GBK/GB18030, with Chinese (simplified and traditional) header aliases and profile column
//! maps, into the typed rows of `crate::model`. Errors name file, line, column, field,
//! what was expected and what was found; a load either succeeds whole or fails.

pub mod aliases;
mod ckan;
mod dcat;
mod registry;
pub mod source;
pub mod table;
mod typed;

use std::collections::BTreeMap;

pub use registry::{read_registry, Registry};
pub use source::{Limits, Source};
pub use table::{Row, Rows};
pub use typed::*;

use crate::profile::Derive;

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub format: Option<InputFormat>,
    pub encoding: Option<Encoding>,
    /// Canonical field → source header or `{template}`.
    pub columns: BTreeMap<String, String>,
    /// Canonical field → constant, for columns the input lacks.
    pub defaults: BTreeMap<String, String>,
    /// Source header → required value; other rows are skipped.
    pub filter: BTreeMap<String, String>,
    pub derive: Derive,
    pub limits: Limits,
    /// Keep rows with bad optional values, recording them in `issues` (for `audit`).
    pub lenient: bool,
    /// An empty catalog or registry is not a finding (profile `inputs.allow_empty`).
    pub allow_empty: bool,
}

/// Input format, instead of guessing from the file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Csv,
    Tsv,
    Json,
    Jsonl,
    Yaml,
}

/// Text encoding of inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    Auto,
    Utf8,
    Gbk,
    Gb18030,
}
