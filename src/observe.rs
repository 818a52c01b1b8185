//! How evaluation tells the person what it is doing without knowing where that goes: the
//! command layer decides (stderr, quiet, verbose, progress bars on a terminal); a library
//! caller or a test passes [`Silent`].

use indicatif::ProgressBar;

pub trait Observer: Sync {
    /// Something the person should know (which demo file is used, what was skipped).
    fn notice(&self, msg: &str);
    /// A detail shown only with `--verbose`.
    fn verbose(&self, msg: &str);
    /// A progress bar, drawn only when that suits the destination; `len` None is a spinner.
    fn progress(&self, len: Option<u64>, what: &str) -> ProgressBar;
}

/// Says nothing.
pub struct Silent;

impl Observer for Silent {
    fn notice(&self, _: &str) {}
    fn verbose(&self, _: &str) {}
    fn progress(&self, len: Option<u64>, _: &str) -> ProgressBar {
        ProgressBar::with_draw_target(len, indicatif::ProgressDrawTarget::hidden())
    }
}
