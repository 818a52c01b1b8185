//! The command layer: the only code that sees the command line. Each command resolves its
//! flags, the environment and the profile (or the built-in demo) into its area's typed plan,
//! has the area evaluate it into a typed report, emits that report in the chosen format to
//! the chosen destination, and computes the exit code from the report and the fail-on policy.
//! Returns the exit code (0 or 1); errors become exit code 2 in `main`.

pub mod audit;
pub mod balance;
pub mod check;
pub mod context;
mod demo;
pub mod monitor;
pub mod profile;
pub mod sample;
pub mod sharing;

use crate::cli::{Cli, Command};
use crate::error::Result;
use context::Ctx;

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
        Command::Profile(cmd) => return profile::run(&cli.global, cmd),
        _ => {}
    }
    let (profile, origin) = crate::profile::resolve(cli.global.profile.as_deref())?;
    let ctx = Ctx::new(cli.global, profile, origin);
    match &cli.command {
        Command::Audit(args) => audit::run(&ctx, args),
        Command::Sharing(args) => sharing::run(&ctx, args),
        Command::Balance(args) => balance::run(&ctx, args),
        Command::Monitor(args) => monitor::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Sample(args) => sample::run(&ctx, args),
        Command::Profile(_) | Command::Completions(_) | Command::Man(_) => Ok(0),
    }
}
