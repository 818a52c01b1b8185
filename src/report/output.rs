//! Where a report goes: stdout, or `--output FILE` written atomically (a temporary file in the
//! same directory, then rename), and never over one of the run's inputs.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Default)]
pub struct Output {
    pub path: Option<PathBuf>,
    /// Files this run reads; `--output` may not name one of them.
    pub inputs: Vec<PathBuf>,
}

impl Output {
    pub fn write(&self, body: &[u8]) -> Result<()> {
        self.write_with(&|w| w.write_all(body))
    }

    /// Stream a report: to stdout (a closed pipe is not an error), or to `--output` through a
    /// temporary file in the same directory that replaces the target only when complete.
    pub fn write_with(&self, write: &dyn Fn(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
        match &self.path {
            None => {
                let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
                match write(&mut out).and_then(|_| out.flush()) {
                    // A closed pipe (`| head`) is the reader's choice, not an error.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                    r => r.map_err(|e| Error::io("stdout", e)),
                }
            }
            Some(path) => {
                self.refuse_inputs(path)?;
                write_atomic_with(path, write)
            }
        }
    }

    /// Check early, before any work, that `--output` does not name an input.
    pub fn refuse_inputs(&self, path: &Path) -> Result<()> {
        let target = std::fs::canonicalize(path).ok();
        for input in &self.inputs {
            let same = match (&target, std::fs::canonicalize(input)) {
                (Some(t), Ok(i)) => *t == i,
                _ => false,
            };
            if same {
                return Err(Error::OutputIsInput {
                    path: path.to_path_buf(),
                });
            }
        }
        Ok(())
    }
}

/// Write `body` to `path` so that readers see the old file or the whole new one, never a part.
pub fn write_atomic(path: &Path, body: &[u8]) -> Result<()> {
    write_atomic_with(path, &|w| w.write_all(body))
}

/// `write_atomic` for a body produced by a writer function.
pub fn write_atomic_with(
    path: &Path,
    write: &dyn Fn(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let shown = path.display().to_string();
    let mut tmp = tempfile::Builder::new()
        .prefix(".govops-")
        .tempfile_in(&dir)
        .map_err(|e| Error::io(dir.display(), e))?;
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        write(&mut w)
            .and_then(|_| w.flush())
            .map_err(|e| Error::io(&shown, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(&shown, e))?;
    tmp.persist(path).map_err(|e| Error::io(&shown, e.error))?;
    Ok(())
}

/// Write bytes to stdout, treating a closed pipe as success.
pub fn write_stdout(body: &[u8]) -> Result<()> {
    Output::default().write(body)
}
