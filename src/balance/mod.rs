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
        Format::Table => render::table(report, style),
        Format::Markdown => render::markdown(report),
        Format::Csv => render::csv(report),
        Format::Html => html::page(report),
        _ => json::envelope(report, inputs.to_json()).to_json(),
    }
}
