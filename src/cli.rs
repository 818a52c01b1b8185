//! The whole command-line surface, in one place: help text, completions and man pages are all
//! generated from these definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::load::{Encoding, InputFormat};
pub use crate::model::duration::parse as parse_duration;
pub use crate::model::{FailOn, Level};
pub use crate::profile::sections::balance::Normalise;
pub use crate::report::Format;
pub use crate::sample::Scale;

const ABOUT: &str = "Audit, check, measure and watch \"Internet + government services\" platforms";

const LONG_ABOUT: &str = "\
govops is a toolkit for the administrators of \"Internet + government services\" platforms:
it audits service catalogs for duplicates, gaps and inconsistencies, checks data-sharing
interfaces (statically, as a graph and live over HTTP), reports regional balance with proper
inequality measures, and monitors the platform live in a terminal UI.

With no profile and no input files, every command runs on the built-in demo and says so.";

const AFTER_HELP: &str = "\
Examples:
  govops check                              run everything on the built-in demo
  govops audit --catalog catalog.csv --baseline baseline.csv
  govops sharing --registry sharing.yaml --probe
  govops balance --metrics metrics.csv -f html -o balance.html
  govops monitor --events events.jsonl
  govops sample --scale demo --out ./demo-data

Exit codes: 0 no finding at or above --fail-on; 1 at least one; 2 usage, profile or input error.";

#[derive(Debug, Parser)]
#[command(
    name = "govops",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Profile to use: a name (./profiles/NAME.yaml, the user config dir, built-in) or a path
    #[arg(
        short = 'p',
        long,
        global = true,
        env = "GOVOPS_PROFILE",
        value_name = "NAME|PATH"
    )]
    pub profile: Option<String>,

    /// Output format [default: from the -o extension, else table on a terminal, json otherwise]
    #[arg(short = 'f', long, global = true, value_enum)]
    pub format: Option<Format>,

    /// Write the report to FILE (atomically; never an input); `-` is stdout. The extension
    /// (.json .csv .sarif .xml .md .html) chooses the format unless -f is given
    #[arg(short = 'o', long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to use colour (NO_COLOR in the environment means never, unless `always`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only the report: no notices on stderr
    #[arg(short = 'q', long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Explain what is being done on stderr
    #[arg(short = 'v', long, global = true)]
    pub verbose: bool,

    /// Never draw progress bars (they only appear when stderr is a terminal anyway)
    #[arg(long, global = true)]
    pub no_progress: bool,

    /// Input format, instead of guessing from the file extension
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// Text encoding of inputs [default: auto: UTF-8 (with or without BOM), else GB18030]
    #[arg(long, global = true, value_enum, value_name = "ENCODING")]
    pub encoding: Option<Encoding>,

    /// Language of everything people read (zh: 简体中文, en: English) [default: GOVOPS_LANG,
    /// then LC_ALL, LC_MESSAGES, LANG; English otherwise]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::report::i18n::Lang>,

    /// Tables: show every column at full width instead of fitting the terminal
    #[arg(long, global = true)]
    pub wide: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Audit a service catalog: duplicates, gaps, inconsistencies, field quality
    #[command(after_help = "\
Examples:
  govops audit                                         audit the built-in demo catalog
  govops audit --catalog catalog.csv --baseline baseline.csv --fail-on medium
  govops audit --catalog catalog.csv --only duplicate.,gap. -f sarif -o audit.sarif
  govops audit --list-rules
  govops audit --explain duplicate.near_name")]
    Audit(AuditArgs),

    /// Data-sharing health: registry checks, the sharing graph, live HTTP probes, history
    #[command(after_help = "\
Examples:
  govops sharing                                        static checks on the demo registry
  govops sharing --probe                                ... and live probes of its endpoints
  govops sharing --registry sharing.yaml --catalog catalog.csv
  govops sharing --registry sharing.yaml --probe --history probes.sqlite --timeout 2s
  govops sharing --list-rules")]
    Sharing(SharingArgs),

    /// Regional balance report: composite index, tiers, inequality, laggards
    #[command(after_help = "\
Examples:
  govops balance                                        the demo's provinces
  govops balance --metrics metrics.csv --group-by group -f html -o balance.html
  govops balance --catalog catalog.csv --baseline baseline.csv --level county
  govops -p un-egdi balance --group-by group")]
    Balance(BalanceArgs),

    /// Live terminal monitor (or --once: one frame as plain text, for scripts)
    #[command(after_help = "\
Examples:
  govops monitor                                        a living demo
  govops monitor --events /var/log/govops/events.jsonl --registry sharing.yaml
  tail -f events.jsonl | govops monitor --events -
  govops monitor --events events.jsonl --once -f json

Keys: q/Esc quit, Tab panes, arrows select, Enter drill down, Backspace up, / filter,
s sort, p pause, r refresh, ? help.")]
    Monitor(MonitorArgs),

    /// Run everything the profile configures; one summary, one exit code (for CI)
    #[command(after_help = "\
Examples:
  govops check                                          the built-in demo, end to end
  govops -p province.yaml check --fail-on medium -f junit -o report.xml")]
    Check(CheckArgs),

    /// Write realistic synthetic data on the real region hierarchy, with ground truth
    #[command(after_help = "\
Examples:
  govops sample --out ./demo-data
  govops sample --scale province --seed 7 --out ./zj
  govops sample --scale national --out /data/national     (about 10 million catalog rows)")]
    Sample(SampleArgs),

    /// List, show, validate or create profiles
    #[command(subcommand)]
    Profile(ProfileCommand),

    /// Print a shell completion script to stdout
    #[command(after_help = "\
Examples:
  govops completions bash > /etc/bash_completion.d/govops
  govops completions zsh > \"${fpath[1]}/_govops\"")]
    Completions(CompletionsArgs),

    /// Write man pages (govops.1 and one per command) into a directory
    Man(ManArgs),
}

#[derive(Debug, Clone, Default, Args)]
pub struct AuditArgs {
    /// Service catalog (implementation list): file, - for stdin, or http(s) URL
    #[arg(long, value_name = "FILE|URL")]
    pub catalog: Option<String>,

    /// Basic catalog (基本目录) the regions must implement
    #[arg(long, value_name = "FILE|URL")]
    pub baseline: Option<String>,

    /// Region set [default: China's built-in four-level hierarchy]
    #[arg(long, value_name = "FILE|URL")]
    pub regions: Option<String>,

    /// Lowest severity that makes the exit code 1
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,

    /// Run only rules whose names start with one of these prefixes (e.g. duplicate.,gap.)
    #[arg(long, value_delimiter = ',', value_name = "RULE-PREFIX,...")]
    pub only: Vec<String>,

    /// Similarity (0..1) at which two names count as near duplicates
    #[arg(long, value_name = "0..1")]
    pub threshold: Option<f64>,

    /// List the rules with their severity and a one-line reason, then exit
    // Not `exclusive`: that would also refuse the global `-f` after the subcommand.
    #[arg(long, conflicts_with_all = ["catalog", "baseline", "regions", "fail_on", "only", "threshold", "explain"])]
    pub list_rules: bool,

    /// Explain one rule in full, then exit
    #[arg(long, value_name = "RULE", value_parser = RuleId, hide_possible_values = true, conflicts_with_all = ["catalog", "baseline", "regions", "fail_on", "only", "threshold"])]
    pub explain: Option<String>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct SharingArgs {
    /// Sharing registry (YAML with `interfaces:`, or CSV): file, - or URL
    #[arg(long, value_name = "FILE|URL")]
    pub registry: Option<String>,

    /// Service catalog, for materials coverage (which papers an interface makes unnecessary)
    #[arg(long, value_name = "FILE|URL")]
    pub catalog: Option<String>,

    /// Probe every interface live over HTTP(S)
    #[arg(long)]
    pub probe: bool,

    /// Probes in flight at once
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,

    /// Deadline per probe, e.g. 500ms, 2s, 1m
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub timeout: Option<std::time::Duration>,

    /// Deadline for the whole probe run
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub deadline: Option<std::time::Duration>,

    /// SQLite file that keeps every probe, for availability and latency over time
    #[arg(long, value_name = "FILE.sqlite")]
    pub history: Option<PathBuf>,

    /// With --history: delete probes older than this, e.g. 30d
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub retention: Option<std::time::Duration>,

    /// PEM file of extra CA certificates (private CAs)
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,

    /// Lowest severity that makes the exit code 1
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,

    /// List the rules with their severity and a one-line reason, then exit
    // Not `exclusive`: that would also refuse the global `-f` after the subcommand.
    #[arg(long, conflicts_with_all = ["registry", "catalog", "probe", "history", "explain"])]
    pub list_rules: bool,

    /// Explain one rule in full, then exit
    #[arg(long, value_name = "RULE", value_parser = RuleId, hide_possible_values = true, conflicts_with_all = ["registry", "catalog", "probe", "history"])]
    pub explain: Option<String>,

    #[command(subcommand)]
    pub command: Option<SharingCommand>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum SharingCommand {
    /// Probe every interface on its own interval until stopped; alert, record, serve /metrics
    #[command(after_help = "\
Examples:
  govops sharing watch --registry sharing.yaml --history probes.sqlite
  govops sharing watch --registry sharing.yaml --webhook http://127.0.0.1:9093/hook --serve 127.0.0.1:9464
  govops sharing watch --for 10m --log-format json

Profile: sharing.watch (interval, intervals, failure_threshold, success_threshold, webhook,
raw_retention, rollup_retention, maintenance windows). SIGTERM/SIGINT flush and exit 0.")]
    Watch(Box<WatchArgs>),
}

#[derive(Debug, Clone, Default, Args)]
pub struct WatchArgs {
    /// Sharing registry (YAML with `interfaces:`, or CSV): file, - or URL
    #[arg(long, value_name = "FILE|URL")]
    pub registry: Option<String>,

    /// SQLite file to record every probe in
    #[arg(long, value_name = "FILE.sqlite")]
    pub history: Option<PathBuf>,

    /// Interval for interfaces without their own (profile sharing.watch.intervals), e.g. 1m
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub interval: Option<std::time::Duration>,

    /// Consecutive failures that raise an alert
    #[arg(long, value_name = "N")]
    pub failure_threshold: Option<u32>,

    /// Consecutive successes that clear it
    #[arg(long, value_name = "N")]
    pub success_threshold: Option<u32>,

    /// POST every alert and recovery as JSON to this URL
    #[arg(long, value_name = "URL")]
    pub webhook: Option<String>,

    /// Serve /metrics (OpenMetrics) and /healthz on this address, e.g. 127.0.0.1:9464
    #[arg(long, value_name = "ADDR")]
    pub serve: Option<std::net::SocketAddr>,

    /// Stop after this long (default: run until SIGTERM or SIGINT)
    #[arg(long = "for", value_name = "DUR", value_parser = parse_duration)]
    pub run_for: Option<std::time::Duration>,

    /// Log lines on stderr as text or JSON
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "text")]
    pub log_format: LogFormat,

    /// Probes in flight at once
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,

    /// Deadline per probe, e.g. 500ms, 2s
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub timeout: Option<std::time::Duration>,

    /// PEM file of extra CA certificates (private CAs)
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Default, Args)]
pub struct BalanceArgs {
    /// Regional metrics: region_code plus numeric indicator columns
    #[arg(long, value_name = "FILE|URL")]
    pub metrics: Option<String>,

    /// Derive indicators from a service catalog instead
    #[arg(long, value_name = "FILE|URL")]
    pub catalog: Option<String>,

    /// Basic catalog, for gap indicators when deriving from a catalog
    #[arg(long, value_name = "FILE|URL")]
    pub baseline: Option<String>,

    /// Region set [default: China's built-in four-level hierarchy]
    #[arg(long, value_name = "FILE|URL")]
    pub regions: Option<String>,

    /// Administrative level to compare
    #[arg(long, value_enum)]
    pub level: Option<Level>,

    /// Indicators with optional weight and direction, e.g. online_rate=2,avg_visits:lower
    #[arg(long, value_delimiter = ',', value_name = "NAME[=WEIGHT][:lower],...")]
    pub indicators: Vec<String>,

    /// Decompose inequality by: group, macro_region, parent, level or any column
    #[arg(long, value_name = "KEY")]
    pub group_by: Option<String>,

    /// Weight regions by a column for the weighted measures (population)
    #[arg(long, value_name = "COLUMN")]
    pub weight: Option<String>,

    /// Normalisation of indicators before the composite index
    #[arg(long, value_enum)]
    pub normalise: Option<Normalise>,

    /// Permutations for the p-value of the between-group share
    #[arg(long, value_name = "N")]
    pub permutations: Option<usize>,

    /// Lowest severity that makes the exit code 1 (balance's one finding is input.empty)
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, Clone, Args)]
pub struct MonitorArgs {
    /// Event stream (JSON Lines): file (followed like tail -f), - for stdin, or http(s) URL
    #[arg(long, value_name = "FILE|-|URL")]
    pub events: Option<String>,

    /// Sharing registry whose interfaces to probe and show
    #[arg(long, value_name = "FILE|URL")]
    pub registry: Option<String>,

    /// Screen refresh and probe interval, e.g. 1s, 500ms
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub refresh: Option<std::time::Duration>,

    /// Ingest what is available now, print one frame (or the state with -f json) and exit
    #[arg(long)]
    pub once: bool,

    /// Frame size for --once, WIDTHxHEIGHT
    #[arg(long, value_name = "WxH", default_value = "120x40", requires = "once")]
    pub size: String,

    /// List the rules `check` judges the case stream by, then exit
    #[arg(long, conflicts_with_all = ["events", "registry", "once", "explain"])]
    pub list_rules: bool,

    /// Explain one rule in full, then exit
    #[arg(long, value_name = "RULE", value_parser = RuleId, hide_possible_values = true, conflicts_with_all = ["events", "registry", "once"])]
    pub explain: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Lowest severity that makes the exit code 1
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,

    /// Skip live probes even if the profile asks for them
    #[arg(long)]
    pub no_probe: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SampleArgs {
    /// How much to generate: demo (one province in detail), province, or national (~10 M rows)
    #[arg(long, value_enum, default_value_t = Scale::Demo)]
    pub scale: Scale,

    /// Random seed; the same seed always gives the same files
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,

    /// Directory to write catalog.csv, baseline.csv, sharing.yaml, metrics.csv, events.jsonl, truth.json
    #[arg(long, value_name = "DIR", default_value = "govops-sample")]
    pub out: PathBuf,

    /// Overwrite files already in DIR
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List the profiles that can be used, and where each comes from
    List,
    /// Print a profile (resolved) as YAML
    Show {
        /// Profile name or path [default: the active profile]
        name: Option<String>,
    },
    /// Check a profile and report every problem with line and column
    #[command(after_help = "Examples:\n  govops profile validate profiles/province.yaml")]
    Validate {
        /// Profile name or path [default: the active profile]
        name: Option<String>,
    },
    /// Write a commented starter profile
    #[command(after_help = "Examples:\n  govops profile init profiles/province.yaml")]
    Init {
        /// Where to write it
        #[arg(default_value = "profiles/govops.yaml")]
        path: PathBuf,
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// Shell to generate for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Directory to write the man pages into
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A rule id: any text is accepted (`explain` resolves short forms and suggests the nearest
/// rule), and the registry's ids are offered to shell completion.
#[derive(Debug, Clone, Copy)]
struct RuleId;

impl clap::builder::TypedValueParser for RuleId {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(crate::rules::all().iter().map(|r| {
            clap::builder::PossibleValue::new(r.id).help(r.title)
        })))
    }
}

/// The clap command, for completions and man pages.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// A completion script for `shell`, generated from the definitions above.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(), "govops", &mut out);
    out
}

/// `govops.1` plus one page per subcommand (`govops-audit.1`, …) into `dir`.
pub fn write_man_pages(dir: &std::path::Path) -> crate::Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| crate::Error::io(dir.display(), e))?;
    for (name, page) in man_pages()? {
        let path = dir.join(name);
        crate::report::output::write_atomic(&path, &page)?;
    }
    Ok(())
}

/// Every man page as (file name, roff bytes).
pub fn man_pages() -> crate::Result<Vec<(String, Vec<u8>)>> {
    let cmd = command();
    let mut pages = Vec::new();
    let mut render = |name: String, c: clap::Command| -> crate::Result<()> {
        let mut buf = Vec::new();
        clap_mangen::Man::new(c)
            .render(&mut buf)
            .map_err(|e| crate::Error::io(&name, e))?;
        pages.push((name, buf));
        Ok(())
    };
    render("govops.1".into(), cmd.clone())?;
    for sub in cmd.get_subcommands() {
        let name = format!("govops-{}", sub.get_name());
        let c = sub.clone().name(name.clone());
        render(format!("{name}.1"), c)?;
    }
    Ok(pages)
}
