//! The integration tests, one crate (one link of the binary and the library instead of one
//! per file): CLI runs against real loopback HTTP(S) servers, SQLite files, TUI frames,
//! tmux, and the `commands/*.md` pages run as trycmd cases.

// Test code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod audit_codes;
mod audit_labels;
mod audit_profiles;
mod audit_rules;
mod audit_sample;
mod balance_cli;
mod bounded;
mod check;
mod check_cases;
mod cmd_audit;
mod cmd_balance;
mod cmd_check;
mod cmd_completions;
mod cmd_monitor;
mod cmd_profile;
mod cmd_sample;
mod cmd_sharing;
mod empty;
mod generated;
mod hostile;
mod hostile_output;
mod html_browser;
mod layers;
mod load;
mod monitor_ingest;
mod monitor_lifecycle;
mod monitor_once;
mod monitor_render;
mod monitor_screens;
mod output_conventions;
mod profiles;
mod rules;
mod sample;
mod sharing_cli;
mod sharing_probe;
mod sharing_watch;
mod table_width;
mod tui_tmux;
