//! `govops sample` (being built).


use crate::cli::SampleArgs;
use crate::context::Ctx;
use crate::error::{Error, Result};

pub fn run(_ctx: &Ctx, _args: &SampleArgs) -> Result<u8> {
    Err(Error::usage("`govops sample` is not available in this build yet"))
}
