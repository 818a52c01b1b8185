//! `govops balance`: how unevenly online government services have developed across regions.
//! A composite index with ranks and tiers, inequality measures (Gini, Theil T and L, CV,
//! max/min, population-weighted forms, between/within decomposition with a permutation test)
//! for every indicator and the index, and the laggards with their weakest indicators.

pub mod analysis;
mod charts;
pub mod derive;
mod html;
pub mod indicators;
pub mod input;
pub mod json;
pub mod plan;
mod render;
pub mod stats;
pub mod tiers;

use crate::report::table::Style;
use crate::report::Format;

pub use analysis::Report;
pub use plan::{evaluate, Choices, Inputs, Plan};

/// Formats `balance` writes.
pub const FORMATS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Markdown,
    Format::Html,
];

/// The report in `format`.
pub fn render(report: &Report, inputs: &Inputs, format: Format, style: Style) -> String {
    match format {
        Format::Table => with_findings(report, style, render::table(report, style)),
        Format::Markdown => {
            let mut s = render::markdown(report);
            for f in &report.findings {
                s = format!(
                    "> **{}** `{}`: {}\n\n{s}",
                    f.severity.as_str(),
                    f.rule,
                    crate::report::sanitize::markdown(&f.message)
                );
            }
            s
        }
        Format::Csv => render::csv(report),
        Format::Html => html::page(report),
        _ => json::envelope(report, inputs.to_json()).to_json(),
    }
}

/// The table report with the input's findings (`input.empty`) above it.
fn with_findings(report: &Report, style: Style, table: String) -> String {
    if report.findings.is_empty() {
        return table;
    }
    let limit = report.findings.len();
    format!(
        "{}\n{table}",
        crate::report::findings::table(&report.findings, style, limit)
    )
}
