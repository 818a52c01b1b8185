//! `govops sample` (being built).

use std::path::PathBuf;

use crate::cli::SampleArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};

/// The built-in demo's files, generated once (fixed seed) and cached.
#[derive(Debug, Clone)]
pub struct DemoFiles {
    pub dir: PathBuf,
    pub catalog: PathBuf,
    pub baseline: PathBuf,
    pub registry: PathBuf,
    pub metrics: PathBuf,
    pub events: PathBuf,
    pub truth: PathBuf,
}

/// Generate (first use) or reuse the demo data set.
pub fn demo_files() -> Result<DemoFiles> {
    Err(Error::usage("the built-in demo data is not available in this build yet"))
}

pub fn run(_ctx: &Ctx, _args: &SampleArgs) -> Result<u8> {
    Err(Error::usage("`govops sample` is not available in this build yet"))
}
