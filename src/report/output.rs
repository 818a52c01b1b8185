//! Where a report goes: stdout, or `--output FILE` written atomically (a temporary file in the
//! same directory, then rename), and never over one of the run's inputs.
//!
//! Temporary files are named `.govops-<pid>-XXXXXX`. While one exists its path is in a
//! registry that a signal thread (installed with the first temporary file) empties on SIGINT
//! and SIGTERM before the process exits with 130 or 143; a write into a directory first
//! removes the temporary files of processes that no longer exist (a `kill -9`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Default)]
pub struct Output {
    pub path: Option<PathBuf>,
    /// Files this run reads (inputs, the profile); `--output` may not name one of them, nor
    /// the file that stdin is redirected from.
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

    /// Check (early, before any work, and again before writing) that `--output` is not one of
    /// the inputs, the profile or stdin's file. Files are compared by device and inode,
    /// following symlinks, so a symlink or a hard link to an input is refused too.
    pub fn refuse_inputs(&self, path: &Path) -> Result<()> {
        let Some(target) = file_id(std::fs::metadata(path)) else {
            // Nothing there yet: it cannot be an input.
            return Ok(());
        };
        let refuse = |input: String| {
            Err(Error::OutputIsInput {
                path: path.to_path_buf(),
                input,
            })
        };
        for input in &self.inputs {
            if file_id(std::fs::metadata(input)) == Some(target) {
                return refuse(input.display().to_string());
            }
        }
        if stdin_id() == Some(target) {
            return refuse("the file stdin is redirected from".into());
        }
        Ok(())
    }
}

type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(m: std::io::Result<std::fs::Metadata>) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    m.ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: std::io::Result<std::fs::Metadata>) -> Option<FileId> {
    None
}

/// The device and inode of stdin when it is a regular file (`< FILE`), by fstat of fd 0.
#[cfg(unix)]
fn stdin_id() -> Option<FileId> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    let m = std::fs::File::from(fd).metadata();
    match m {
        Ok(m) if m.is_file() => file_id(Ok(m)),
        _ => None,
    }
}

#[cfg(not(unix))]
fn stdin_id() -> Option<FileId> {
    None
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
    let mut tmp = TempFile::new_in(&dir, "")?;
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut tmp);
        write(&mut w)
            .and_then(|_| w.flush())
            .map_err(|e| Error::io(&shown, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(&shown, e))?;
    tmp.persist(path).map_err(|e| Error::io(&shown, e))
}

/// Write bytes to stdout, treating a closed pipe as success.
pub fn write_stdout(body: &[u8]) -> Result<()> {
    Output::default().write(body)
}

const TEMP_PREFIX: &str = ".govops-";

/// The temporary files this process has open, for the signal thread to remove.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|p| p.into_inner())
}

/// A temporary file `.govops-<pid>-<kind>XXXXXX`, registered for the signal thread: removed
/// when dropped unless persisted, and on SIGINT or SIGTERM. Every file govops writes goes
/// through one.
#[derive(Debug)]
pub struct TempFile {
    // Dropped in this order: the file goes from disk, then from the registry.
    file: tempfile::NamedTempFile,
    registered: Registered,
}

#[derive(Debug)]
struct Registered(PathBuf);

impl Drop for Registered {
    fn drop(&mut self) {
        live().retain(|p| *p != self.0);
    }
}

impl TempFile {
    /// A new temporary file in `dir` (first removing the stale ones of dead processes there).
    /// `kind` (`"catalog-"`) only tells a person what it was for.
    pub fn new_in(dir: &Path, kind: &str) -> Result<Self> {
        install_handler();
        remove_stale(dir);
        // Created and registered under the lock: the signal thread sees it or it does not exist.
        let mut reg = live();
        let prefix = format!("{TEMP_PREFIX}{}-{kind}", std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix);
        // Reports are for colleagues: created like any file (0666 less the umask), not 0600.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let file = builder
            .tempfile_in(dir)
            .map_err(|e| Error::io(dir.display(), e))?;
        let path = file.path().to_path_buf();
        reg.push(path.clone());
        Ok(TempFile {
            file,
            registered: Registered(path),
        })
    }

    /// The open file (to sync, rewind or read back).
    pub fn as_file(&self) -> &std::fs::File {
        self.file.as_file()
    }

    pub fn as_file_mut(&mut self) -> &mut std::fs::File {
        self.file.as_file_mut()
    }

    /// Rename it to `to`, atomically replacing what is there.
    pub fn persist(self, to: &Path) -> std::io::Result<()> {
        let TempFile { file, registered } = self;
        // Under the lock: the signal thread never removes a file that was just renamed.
        let mut reg = live();
        let r = file.persist(to).map(drop).map_err(|e| {
            // Not renamed: the temporary file is removed here, still under the lock.
            drop(e.file);
            e.error
        });
        reg.retain(|p| *p != registered.0);
        drop(reg);
        r
    }
}

impl Write for TempFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// On SIGINT or SIGTERM: remove the live temporary files, then exit 128 + the signal.
fn install_handler() {
    HANDLER.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("output-signals".into())
            .spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    let reg = live();
                    for p in reg.iter() {
                        let _ = std::fs::remove_file(p);
                    }
                    std::process::exit(128 + sig);
                }
            });
    });
}

/// Remove `.govops-<pid>-*` temporary files in `dir` whose process no longer exists (left by
/// a `kill -9` or a power cut). Files of live processes, and names without a pid, stay.
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if pid != me && is_file && process_gone(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// True only when the process certainly does not exist (Linux: no `/proc/<pid>`, while
/// `/proc/self` is there). Elsewhere nothing is known, so nothing is removed.
fn process_gone(pid: u32) -> bool {
    cfg!(target_os = "linux")
        && Path::new("/proc/self").exists()
        && !Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_temporary_files_of_dead_processes_go_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dir.path().join(".govops-4000000000-abc123");
        let mine = dir
            .path()
            .join(format!(".govops-{}-abc123", std::process::id()));
        let other = dir.path().join(".govops-abc123");
        for p in [&dead, &mine, &other] {
            std::fs::write(p, b"x").unwrap();
        }
        write_atomic(&dir.path().join("out.json"), b"{}").unwrap();
        assert_eq!(!dead.exists(), cfg!(target_os = "linux"));
        assert!(mine.exists() && other.exists());
        assert!(!live().iter().any(|p| p.starts_with(dir.path())));
    }
}
