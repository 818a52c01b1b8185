//! `govops monitor` (being built).

pub mod config;

use crate::cli::MonitorArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};

pub fn run(_ctx: &Ctx, _args: &MonitorArgs) -> Result<u8> {
    Err(Error::usage("`govops monitor` is not available in this build yet"))
}
