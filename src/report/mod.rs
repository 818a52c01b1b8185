//! Output formats. Reports are built as data first (the JSON envelope, findings, tables) and
//! only then formatted; the exit code never depends on the formatter.

pub mod envelope;
pub mod findings;
mod format;
pub mod html;
pub mod i18n;
pub mod junit;
pub mod output;
pub mod sanitize;
pub mod sarif;
pub mod table;

pub use envelope::Envelope;
pub use format::Format;
pub use output::Output;
