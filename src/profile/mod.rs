//! Profiles: YAML files that name a deployment's inputs, column mappings, thresholds, index
//! weights and tiers, and monitor settings. Secrets never live here: only the names of
//! environment variables that hold them.
//!
//! Lookup order for `-p NAME`: NAME as a path, `./profiles/NAME.yaml`, the user config dir
//! (`~/.config/govops/profiles/NAME.yaml`), then the built-in profiles.

mod positions;
pub mod sections;
pub use positions::positions as key_positions;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use validate::{parse, Problem};

/// The commented starter profile `govops profile init` writes.
pub const STARTER: &str = include_str!("starter.yaml");

/// Profiles compiled into the binary: (name, YAML).
pub const BUILTIN: &[(&str, &str)] = &[
    ("demo", include_str!("../../profiles/demo.yaml")),
    ("canada", include_str!("../../profiles/canada.yaml")),
    ("kenya", include_str!("../../profiles/kenya.yaml")),
    ("un-egdi", include_str!("../../profiles/un-egdi.yaml")),
];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Profile {
    pub name: Option<String>,
    pub description: Option<String>,
    pub inputs: Inputs,
    /// Canonical column name → the header (or `{template}` of headers) in the input files.
    pub columns: BTreeMap<String, String>,
    /// Values for columns the inputs do not have, e.g. `region_code: CA`.
    pub defaults: BTreeMap<String, String>,
    /// Keep only rows whose column equals the value, e.g. `fiscal_yr: 2023-2024`.
    pub filter: BTreeMap<String, String>,
    /// Fields computed from several columns of a foreign export.
    pub derive: Derive,
    pub audit: sections::AuditConfig,
    pub sharing: sections::SharingConfig,
    pub balance: sections::BalanceConfig,
    pub monitor: sections::MonitorConfig,
}

/// Where the inputs are: paths (relative to the profile's directory) or URLs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Inputs {
    pub catalog: Option<String>,
    pub baseline: Option<String>,
    pub regions: Option<String>,
    pub registry: Option<String>,
    pub metrics: Option<String>,
    pub events: Option<String>,
    /// An empty or header-only catalog or registry is read without the high-severity
    /// `input.empty` finding (for deployments where an empty export is normal).
    pub allow_empty: bool,
    /// How much of an input is read before it is refused; each one's environment variable
    /// (`GOVOPS_MAX_FIELD_BYTES`, …) beats the profile.
    pub limits: InputLimits,
}

/// The profile's `inputs.limits`: sizes as `8 MiB`, `512KiB` or a number of bytes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InputLimits {
    /// Bytes read from one input of any format (default 16 GiB).
    pub max_bytes: Option<bytesize::ByteSize>,
    /// One JSON, JSON Lines or YAML input, which is parsed whole (default 256 MiB).
    pub max_document_bytes: Option<bytesize::ByteSize>,
    /// One CSV record or one JSON Lines or event line (default 4 MiB).
    pub max_record_bytes: Option<bytesize::ByteSize>,
    /// One field value (default 1 MiB).
    pub max_field_bytes: Option<bytesize::ByteSize>,
    /// One deadline for a whole URL download (default 30 s).
    pub timeout: Option<crate::model::duration::Duration>,
}

/// Derived fields for exports that describe online service differently (e.g. Canada's
/// online-stage flags and per-channel application counts).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Derive {
    /// `online_depth` = how many of these columns hold a "yes" value (Y, yes, true, 1, 是).
    pub online_depth_from: Vec<String>,
    /// Channel name → a column; the channel is offered when the column is non-empty, not 0,
    /// not N/NA/ND.
    pub channels_from: BTreeMap<String, String>,
}

/// Where the active profile came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileOrigin {
    /// No `-p` given: the built-in demo, generated data and loopback servers.
    BuiltinDemo,
    Builtin(String),
    File(PathBuf),
}

impl ProfileOrigin {
    /// Directory that relative input paths in the profile are resolved against.
    pub fn base_dir(&self) -> Option<PathBuf> {
        match self {
            ProfileOrigin::File(p) => p.parent().map(Path::to_path_buf),
            _ => None,
        }
    }
}

impl std::fmt::Display for ProfileOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProfileOrigin::BuiltinDemo => f.write_str("built-in demo"),
            ProfileOrigin::Builtin(n) => write!(f, "built-in {n}"),
            ProfileOrigin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Find a profile's text by name or path, following the lookup order.
pub fn locate(name: &str) -> Result<(String, ProfileOrigin)> {
    // `demo` is reserved: it always means the built-in demo, whatever ./profiles holds.
    if name == "demo" {
        return Ok((BUILTIN[0].1.to_string(), ProfileOrigin::BuiltinDemo));
    }
    let as_path = PathBuf::from(name);
    let mut candidates = vec![as_path.clone()];
    if as_path.extension().is_none() && !name.contains('/') {
        candidates.push(PathBuf::from("profiles").join(format!("{name}.yaml")));
        if let Some(dir) = user_dir() {
            candidates.push(dir.join(format!("{name}.yaml")));
        }
    }
    for c in candidates {
        if c.is_file() {
            let text = std::fs::read_to_string(&c).map_err(|e| Error::io(c.display(), e))?;
            return Ok((text, ProfileOrigin::File(c)));
        }
    }
    if let Some((n, text)) = BUILTIN.iter().find(|(n, _)| *n == name) {
        let origin = if *n == "demo" {
            ProfileOrigin::BuiltinDemo
        } else {
            ProfileOrigin::Builtin(n.to_string())
        };
        return Ok((text.to_string(), origin));
    }
    let known: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
    Err(Error::usage(format!(
        "no profile `{name}`: not a file, not in ./profiles/, not in the user config dir, \
         and not built in ({})",
        known.join(", ")
    )))
}

/// The user's profile directory (`~/.config/govops/profiles`).
pub fn user_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("govops").join("profiles"))
}

/// Load the active profile: `-p` / `GOVOPS_PROFILE`, or the built-in demo.
pub fn resolve(name: Option<&str>) -> Result<(Profile, ProfileOrigin)> {
    let name = name.unwrap_or("demo");
    let (text, origin) = locate(name)?;
    let shown = origin.to_string();
    match validate::parse(&text) {
        Ok(mut p) => {
            if let Some(base) = origin.base_dir() {
                p.inputs.rebase(&base);
            }
            Ok((p, origin))
        }
        Err(problems) => Err(Error::Profile {
            name: shown.clone(),
            problems: problems.iter().map(|p| p.render(&shown)).collect(),
        }),
    }
}

impl Inputs {
    /// Make relative paths relative to the profile's own directory.
    fn rebase(&mut self, base: &Path) {
        for slot in [
            &mut self.catalog,
            &mut self.baseline,
            &mut self.regions,
            &mut self.registry,
            &mut self.metrics,
            &mut self.events,
        ]
        .into_iter()
        .flatten()
        {
            if slot != "-" && !slot.contains("://") && Path::new(slot).is_relative() {
                *slot = lexical_join(base, slot).display().to_string();
            }
        }
    }
}

/// `base/rel` with `.` and `name/..` removed, so messages show `data/x.csv`, not
/// `profiles/../data/x.csv`. Purely lexical: the file need not exist yet.
fn lexical_join(base: &Path, rel: &str) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in base.join(rel).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
