//! `govops balance`: how unevenly online government services have developed across regions.
//! A composite index with ranks and tiers, inequality measures (Gini, Theil T and L, CV,
//! max/min, population-weighted forms, between/within decomposition with a permutation test)
//! for every indicator and the index, and the laggards with their weakest indicators.

pub mod analysis;
mod charts;
pub mod config;
pub mod derive;
mod html;
pub mod indicators;
pub mod input;
pub mod json;
mod plan;
mod render;
pub mod stats;
pub mod tiers;

use crate::cli::{BalanceArgs, Format};
use crate::context::Ctx;
use crate::error::Result;

pub use analysis::Report;

/// Formats `balance` writes.
pub const FORMATS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Markdown,
    Format::Html,
];

pub fn run(ctx: &Ctx, args: &BalanceArgs) -> Result<u8> {
    let format = ctx.format("balance", FORMATS)?;
    let (report, inputs) = plan::build(ctx, args)?;
    let body = match format {
        Format::Table => render::table(&report, ctx.style()),
        Format::Markdown => render::markdown(&report),
        Format::Csv => render::csv(&report),
        Format::Html => html::page(&report),
        _ => json::envelope(&report, inputs.to_json()).to_json(),
    };
    let paths: Vec<&str> = inputs.paths();
    ctx.emit(&body, &paths)?;
    // A balance report has no findings of its own: it ran, so it succeeded.
    Ok(crate::model::finding::exit_code(
        &[],
        crate::cli::FailOn::High,
    ))
}
