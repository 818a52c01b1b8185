use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = govops::cli::Cli::parse();
    match govops::commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!(
                "govops: error: {}",
                govops::report::sanitize::terminal_multiline(&e.to_string())
            );
            ExitCode::from(2)
        }
    }
}
