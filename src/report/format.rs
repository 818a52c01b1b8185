//! The output formats a report can be written in.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table for people (default on a terminal)
    Table,
    /// The JSON envelope (default when stdout is not a terminal)
    Json,
    /// Comma-separated findings or rows
    Csv,
    /// GitHub-flavoured Markdown
    Markdown,
    /// One self-contained HTML page
    Html,
    /// SARIF 2.1.0, for code-scanning UIs
    Sarif,
    /// JUnit XML, for CI test reports
    Junit,
    /// Plain text frame (monitor --once)
    Text,
}

impl Format {
    /// What a report of findings can be written as (audit, sharing).
    pub const FINDINGS: &'static [Format] = &[
        Format::Table,
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Sarif,
        Format::Junit,
        Format::Html,
    ];
}
