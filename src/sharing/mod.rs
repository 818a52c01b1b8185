//! `govops sharing` (being built).

pub mod config;
pub mod demo;

use crate::cli::SharingArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};

pub fn run(_ctx: &Ctx, _args: &SharingArgs) -> Result<u8> {
    Err(Error::usage("`govops sharing` is not available in this build yet"))
}
