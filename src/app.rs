//! Dispatch: from a parsed command line to the module that does the work. Returns the exit
//! code (0 or 1, from findings); errors become exit code 2 in `main`.

use crate::cli::{Cli, Command};
use crate::context::Ctx;
use crate::error::Result;
use crate::profile;

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Completions(args) => {
            crate::report::output::write_stdout(&crate::cli::completions(args.shell))?;
            return Ok(0);
        }
        Command::Man(args) => {
            crate::cli::write_man_pages(&args.out)?;
            return Ok(0);
        }
        Command::Profile(cmd) => return profile::command::run(&cli.global, cmd),
        _ => {}
    }
    let (profile, origin) = profile::resolve(cli.global.profile.as_deref())?;
    let ctx = Ctx::new(cli.global, profile, origin);
    match &cli.command {
        Command::Audit(args) => crate::audit::run(&ctx, args),
        Command::Sharing(args) => crate::sharing::run(&ctx, args),
        Command::Balance(args) => crate::balance::run(&ctx, args),
        Command::Monitor(args) => crate::monitor::run(&ctx, args),
        Command::Check(args) => crate::check::run(&ctx, args),
        Command::Sample(args) => crate::sample::run(&ctx, args),
        Command::Profile(_) | Command::Completions(_) | Command::Man(_) => Ok(0),
    }
}
