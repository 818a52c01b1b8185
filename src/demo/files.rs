//! The built-in demo data set: generated once with a fixed seed into the user's cache dir and
//! reused by every command that runs on the demo.

use std::path::{Path, PathBuf};

use indicatif::ProgressBar;

use crate::error::{Error, Result};
use crate::sample::Scale;

/// The demo's seed; the demo is the same on every machine.
pub const DEMO_SEED: u64 = 2026;

/// The built-in demo's files, generated once (fixed seed) and cached.
#[derive(Debug, Clone)]
pub struct DemoFiles {
    pub dir: PathBuf,
    pub catalog: PathBuf,
    pub baseline: PathBuf,
    pub registry: PathBuf,
    pub metrics: PathBuf,
    pub events: PathBuf,
    pub truth: PathBuf,
}

impl DemoFiles {
    fn in_dir(dir: PathBuf) -> Self {
        DemoFiles {
            catalog: dir.join("catalog.csv"),
            baseline: dir.join("baseline.csv"),
            registry: dir.join("sharing.yaml"),
            metrics: dir.join("metrics.csv"),
            events: dir.join("events.jsonl"),
            truth: dir.join("truth.json"),
            dir,
        }
    }

    fn complete(&self) -> bool {
        [
            &self.catalog,
            &self.baseline,
            &self.registry,
            &self.metrics,
            &self.events,
            &self.truth,
        ]
        .iter()
        .all(|p| p.is_file())
    }
}

/// A fingerprint of the generator, so that a cache written by another build of the same
/// version (during development, say) is never mistaken for this one's. The lock file is part
/// of it: the data also depend on the versions of rand (how a seed becomes numbers) and of
/// the YAML writer.
fn fingerprint() -> u32 {
    const SOURCES: &[&str] = &[
        include_str!("../../Cargo.lock"),
        include_str!("../sample/items.txt"),
        include_str!("../sample/items.rs"),
        include_str!("../sample/catalog.rs"),
        include_str!("../sample/registry.rs"),
        include_str!("../sample/metrics.rs"),
        include_str!("../sample/events.rs"),
        include_str!("../sample/names.rs"),
        include_str!("../sample/plan.rs"),
        include_str!("../sample/truth.rs"),
        include_str!("../sample/mod.rs"),
    ];
    let mut h: u32 = 0x811c_9dc5;
    for s in SOURCES {
        for b in s.bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// Where the demo lives: `<cache dir>/govops/demo-<version>-<fingerprint>` (the temp dir
/// when there is no cache dir).
pub fn dir() -> PathBuf {
    let base = dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("govops");
    base.join(format!(
        "demo-{}-{:08x}",
        env!("CARGO_PKG_VERSION"),
        fingerprint()
    ))
}

/// Generate (first use) or reuse the demo data set.
pub fn files() -> Result<DemoFiles> {
    demo_files_in(&dir())
}

fn demo_files_in(dir: &Path) -> Result<DemoFiles> {
    let files = DemoFiles::in_dir(dir.to_path_buf());
    if files.complete() {
        return Ok(files);
    }
    let parent = dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent.display(), e))?;
    // Generate beside the target, then rename: readers never see a half-written demo.
    let tmp = tempfile::Builder::new()
        .prefix(".demo-")
        .tempdir_in(parent)
        .map_err(|e| Error::io(parent.display(), e))?;
    crate::sample::generate(
        Scale::Demo,
        DEMO_SEED,
        tmp.path(),
        true,
        &ProgressBar::hidden(),
    )?;
    match std::fs::rename(tmp.path(), dir) {
        Ok(()) => {
            // The directory now lives at `dir`; nothing left for TempDir to delete.
            let _ = tmp.keep();
        }
        // Another process won the race (or left an incomplete dir we cannot replace).
        Err(e) => {
            if !files.complete() {
                if dir.exists() && std::fs::remove_dir_all(dir).is_ok() {
                    let kept = tmp.keep();
                    std::fs::rename(&kept, dir).map_err(|e| Error::io(dir.display(), e))?;
                    return Ok(files);
                }
                return Err(Error::io(dir.display(), e));
            }
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_generated_once_and_reused() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("govops").join("demo-test");
        let a = demo_files_in(&dir).unwrap();
        assert!(a.complete());
        let stamp = std::fs::metadata(&a.catalog).unwrap().modified().unwrap();
        let b = demo_files_in(&dir).unwrap();
        assert_eq!(
            std::fs::metadata(&b.catalog).unwrap().modified().unwrap(),
            stamp
        );
        // No temporary directories left behind.
        let leftovers: Vec<_> = std::fs::read_dir(dir.parent().unwrap())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with(".demo-"))
            .collect();
        assert!(leftovers.is_empty());
    }
}
