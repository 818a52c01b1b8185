//! How much data `govops sample` writes.

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// One province in full detail plus national metrics (thousands of rows)
    Demo,
    /// One province at full density (hundreds of thousands of rows)
    Province,
    /// The whole country (about 10 million catalog rows, streamed)
    National,
}
