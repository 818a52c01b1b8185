//! `govops audit` (being built).

pub mod config;

use crate::cli::AuditArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};

pub fn run(_ctx: &Ctx, _args: &AuditArgs) -> Result<u8> {
    Err(Error::usage("`govops audit` is not available in this build yet"))
}
