use std::process::ExitCode;

use clap::Parser;
use govops::report::i18n;

fn main() -> ExitCode {
    let cli = govops::cli::Cli::parse();
    i18n::set(i18n::detect_env(cli.global.lang));
    match govops::commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!(
                "govops: {}: {}",
                i18n::t("error-prefix"),
                govops::report::sanitize::terminal_multiline(&e.to_string())
            );
            ExitCode::from(2)
        }
    }
}
