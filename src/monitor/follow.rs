//! Follow a file like `tail -F`: read it whole, then every poll read what was appended.
//! Truncation (the file got shorter than what was read) restarts from the top; rotation
//! (the path now names another file: a new inode) drains the old file, then switches.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::ingest::{Feeder, Hub};
use crate::error::{Error, Result};

const CHUNK: usize = 256 * 1024;
/// How often an idle file is checked for appends (a stat and a read: negligible CPU).
pub const POLL: Duration = Duration::from_millis(200);

pub struct Follower {
    path: PathBuf,
    file: File,
    id: FileId,
    pos: u64,
    feeder: Feeder,
    buf: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId(u64, u64);

fn file_id(meta: &std::fs::Metadata) -> FileId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        FileId(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        FileId(0, 0)
    }
}

impl Follower {
    pub fn open(path: &Path) -> Result<Self> {
        let file = File::open(path).map_err(|e| Error::io(path.display(), e))?;
        let meta = file.metadata().map_err(|e| Error::io(path.display(), e))?;
        if meta.is_dir() {
            return Err(Error::Other(format!(
                "{}: is a directory, expected an event file (JSON Lines)",
                path.display()
            )));
        }
        Ok(Follower {
            path: path.to_path_buf(),
            id: file_id(&meta),
            file,
            pos: 0,
            feeder: Feeder::default(),
            buf: vec![0; CHUNK],
        })
    }

    /// Read everything available now. Returns the bytes read.
    pub fn drain(&mut self, hub: &Hub) -> u64 {
        let mut total = 0;
        loop {
            if hub.stopped() {
                break;
            }
            match self.file.read(&mut self.buf) {
                Ok(0) => break,
                Ok(n) => {
                    self.pos += n as u64;
                    total += n as u64;
                    self.feeder.push(&self.buf[..n], hub);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    hub.note(format!("{}: read error: {e}", self.path.display()));
                    break;
                }
            }
        }
        total
    }

    /// Detect truncation and rotation; switch files when needed.
    pub fn check(&mut self, hub: &Hub) {
        let Ok(meta) = std::fs::metadata(&self.path) else {
            // Rotated away and not yet recreated: keep the old file open.
            return;
        };
        if file_id(&meta) != self.id {
            let Ok(file) = File::open(&self.path) else {
                return;
            };
            self.drain(hub);
            self.feeder.finish(hub);
            self.feeder.reset();
            self.file = file;
            self.id = file_id(&meta);
            self.pos = 0;
            hub.note(format!(
                "{}: rotated, following the new file",
                self.path.display()
            ));
        } else if meta.len() < self.pos && self.file.seek(SeekFrom::Start(0)).is_ok() {
            self.feeder.reset();
            self.pos = 0;
            hub.note(format!(
                "{}: truncated, reading from the start",
                self.path.display()
            ));
        }
    }

    /// End of input for `--once`: count a last line without a newline.
    pub fn finish(&mut self, hub: &Hub) {
        self.feeder.finish(hub);
    }

    /// Follow until the hub stops.
    pub fn run(mut self, hub: &Hub) {
        while !hub.stopped() {
            if !hub.paused() {
                self.drain(hub);
                self.check(hub);
            }
            hub.sleep(POLL);
        }
    }
}
