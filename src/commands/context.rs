//! What every command needs besides its own arguments: the global options, the profile,
//! and how to talk to the person (format, colour, notices, progress, where the report goes).
//! Only the command layer holds one; the areas below it see a plan and an [`Observer`].

use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{ColorChoice, GlobalArgs};
use crate::error::{Error, Result};
use crate::load::LoadOptions;
use crate::observe::Observer;
use crate::profile::{Profile, ProfileOrigin};
use crate::report::sanitize;
use crate::report::table::Style;
use crate::report::{Format, Output};

pub struct Ctx {
    pub global: GlobalArgs,
    pub profile: Profile,
    pub origin: ProfileOrigin,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
}

impl Ctx {
    pub fn new(global: GlobalArgs, profile: Profile, origin: ProfileOrigin) -> Self {
        Ctx {
            global,
            profile,
            origin,
            stdout_tty: std::io::stdout().is_terminal(),
            stderr_tty: std::io::stderr().is_terminal(),
        }
    }

    /// True when running on the built-in demo profile.
    pub fn is_demo(&self) -> bool {
        matches!(self.origin, ProfileOrigin::BuiltinDemo)
    }

    /// The format to write: `-f` or the `-o` extension if given (and supported here), else
    /// table on a terminal and JSON otherwise.
    pub fn format(&self, command: &str, supported: &[Format]) -> Result<Format> {
        let default = if self.stdout_tty && self.output_path().is_none() {
            Format::Table
        } else {
            Format::Json
        };
        let asked = self.asked_format()?;
        let f = asked.unwrap_or(default);
        if supported.contains(&f) {
            Ok(f)
        } else if asked.is_none() {
            Ok(supported[0])
        } else {
            let names: Vec<String> = supported
                .iter()
                .map(|f| format!("{f:?}").to_lowercase())
                .collect();
            Err(Error::usage(format!(
                "`govops {command}` cannot write -f {}; it writes: {}",
                format!("{f:?}").to_lowercase(),
                names.join(", ")
            )))
        }
    }

    /// `-o FILE`; `-o -` (like no `-o`) is stdout.
    pub fn output_path(&self) -> Option<&std::path::Path> {
        self.global
            .output
            .as_deref()
            .filter(|p| p.as_os_str() != "-")
    }

    /// The format asked for: `-f`, else the one the `-o` file's extension names (`.json .csv
    /// .sarif .xml .md .html`). A contradiction between the two is an error.
    pub fn asked_format(&self) -> Result<Option<Format>> {
        let by_extension = self.output_path().and_then(|p| {
            let ext = p.extension()?.to_str()?.to_ascii_lowercase();
            Some(match ext.as_str() {
                "json" => Format::Json,
                "csv" => Format::Csv,
                "sarif" => Format::Sarif,
                "xml" => Format::Junit,
                "md" | "markdown" => Format::Markdown,
                "html" | "htm" => Format::Html,
                _ => return None,
            })
        });
        match (self.global.format, by_extension) {
            (Some(f), Some(e)) if f != e => Err(Error::usage(format!(
                "-f {} contradicts -o {} (a file for {}): drop -f, or name the file for it",
                format!("{f:?}").to_lowercase(),
                sanitize::terminal(
                    &self
                        .output_path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default()
                ),
                format!("{e:?}").to_lowercase(),
            ))),
            (Some(f), _) => Ok(Some(f)),
            (None, e) => Ok(e),
        }
    }

    pub fn style(&self) -> Style {
        let color = match self.global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                auto_color(self.stdout_tty && self.output_path().is_none(), |name| {
                    std::env::var_os(name).filter(|v| !v.is_empty())
                })
            }
        };
        Style {
            color,
            width: self.table_width(),
            wide: self.global.wide,
        }
    }

    /// The display columns a table may use: the terminal's width when stdout is one, else
    /// `COLUMNS`, else [`DEFAULT_WIDTH`](crate::report::table::DEFAULT_WIDTH); never 0 (a
    /// pseudo-terminal in CI often reports 0).
    /// When stdout is a terminal, its width wins over `COLUMNS`.
    pub fn table_width(&self) -> usize {
        let columns = || {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|v| v.trim().parse::<usize>().ok())
                .filter(|&w| w > 0)
        };
        let terminal = || {
            (self.stdout_tty && self.output_path().is_none())
                .then(ratatui::crossterm::terminal::size)
                .and_then(|r| r.ok())
                .map(|(w, _)| usize::from(w))
                .filter(|&w| w > 0)
        };
        terminal()
            .or_else(columns)
            .unwrap_or(crate::report::table::DEFAULT_WIDTH)
    }

    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            format: self.global.input_format,
            encoding: self.global.encoding,
            columns: self.profile.columns.clone(),
            allow_empty: self.profile.inputs.allow_empty,
            limits: crate::load::Limits::from_profile(&self.profile.inputs.limits),
            ..LoadOptions::default()
        }
    }

    /// Where the report goes; `inputs` (and the profile file, and stdin's file) are the files
    /// it must never overwrite.
    pub fn output(&self, inputs: &[&str]) -> Output {
        let mut files: Vec<PathBuf> = inputs
            .iter()
            .filter(|s| **s != "-" && !s.contains("://"))
            .map(PathBuf::from)
            .collect();
        if let ProfileOrigin::File(p) = &self.origin {
            files.push(p.clone());
        }
        Output {
            path: self.output_path().map(std::path::Path::to_path_buf),
            inputs: files,
        }
    }

    /// Stream the report body to stdout or `--output`, for reports too large to build as one
    /// string first (a national audit).
    pub fn emit_stream(
        &self,
        inputs: &[&str],
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        self.output(inputs).write_with(write)
    }

    /// Write the report body to stdout or `--output`.
    pub fn emit(&self, body: &str, inputs: &[&str]) -> Result<()> {
        self.emit_stream(inputs, &|w| w.write_all(body.as_bytes()))
    }
}

impl Observer for Ctx {
    /// A notice on stderr (unless --quiet), sanitized.
    fn notice(&self, msg: &str) {
        if !self.global.quiet {
            eprintln!("govops: {}", sanitize::terminal_multiline(msg));
        }
    }

    /// A detail on stderr, only with --verbose.
    fn verbose(&self, msg: &str) {
        if self.global.verbose {
            eprintln!("govops: {}", sanitize::terminal_multiline(msg));
        }
    }

    /// A progress bar on stderr, drawn only on a terminal, for human formats, without
    /// --no-progress or --quiet. `len` None gives a spinner with a counter.
    fn progress(&self, len: Option<u64>, what: &str) -> ProgressBar {
        let human = matches!(
            self.asked_format(),
            Ok(None | Some(Format::Table | Format::Markdown | Format::Html))
        );
        let show = self.stderr_tty && human && !self.global.no_progress && !self.global.quiet;
        // The draw target is set first: setting a message on a bar draws it at once.
        let target = if show {
            ProgressDrawTarget::stderr_with_hz(8)
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = match len {
            Some(n) => ProgressBar::with_draw_target(Some(n), target).with_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:30}] {human_pos}/{human_len} {per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            ),
            None => ProgressBar::with_draw_target(None, target).with_style(
                ProgressStyle::with_template("{spinner} {msg} {human_pos} {per_sec}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        bar.set_message(sanitize::terminal(what).into_owned());
        bar
    }
}

/// `--list-rules` and `--explain`, the same for every area.
impl Ctx {
    pub fn print_rules(&self, area: crate::rules::Area) -> Result<u8> {
        let format = self.format(area.as_str(), crate::rules::LIST_FORMATS)?;
        self.emit(&crate::rules::list(Some(area), format, self.style()), &[])?;
        Ok(0)
    }

    pub fn print_explain(&self, id: &str) -> Result<u8> {
        self.emit(&crate::rules::explain(id)?, &[])?;
        Ok(0)
    }
}

/// `--color auto`: `NO_COLOR` (no-color.org) turns colour off, else `CLICOLOR_FORCE` (not `0`)
/// turns it on even into a pipe, else `CLICOLOR=0` turns it off, else colour when writing to
/// a terminal. `--color always|never` beats all of them.
fn auto_color(to_terminal: bool, env: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    if env("NO_COLOR").is_some() {
        return false;
    }
    if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        return true;
    }
    if env("CLICOLOR").is_some_and(|v| v == "0") {
        return false;
    }
    to_terminal
}

#[cfg(test)]
mod color_tests {
    use super::auto_color;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<std::ffi::OsString> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.into())
    }

    #[test]
    fn no_color_beats_clicolor_force_which_beats_the_terminal() {
        assert!(auto_color(true, with(&[])));
        assert!(!auto_color(false, with(&[])));
        assert!(auto_color(false, with(&[("CLICOLOR_FORCE", "1")])));
        assert!(!auto_color(false, with(&[("CLICOLOR_FORCE", "0")])));
        assert!(!auto_color(
            true,
            with(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])
        ));
        assert!(!auto_color(true, with(&[("CLICOLOR", "0")])));
    }
}
