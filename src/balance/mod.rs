//! `govops balance` (being built).

pub mod config;

use crate::cli::BalanceArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};

pub fn run(_ctx: &Ctx, _args: &BalanceArgs) -> Result<u8> {
    Err(Error::usage("`govops balance` is not available in this build yet"))
}
