//! `govops check` (being built).


use crate::cli::CheckArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};

pub fn run(_ctx: &Ctx, _args: &CheckArgs) -> Result<u8> {
    Err(Error::usage("`govops check` is not available in this build yet"))
}
