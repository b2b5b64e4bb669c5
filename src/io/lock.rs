//! The advisory lock every writer of a workspace holds while it reads, changes and writes it, so
//! that two writers (two `basira import` runs, the app and the command line) never overwrite each
//! other's work.
//!
//! The lock is `.FILE.lock` beside the workspace (beside the file a symbolic link points to),
//! locked with the operating system's advisory file lock (`flock` on Linux). It holds who took
//! it (program, process id, host, time), which a writer that waited in vain reports. The holder
//! removes it when done; one left by a killed process is simply locked again (the system released
//! the lock with the process).

use std::fs::{self, File, OpenOptions};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How often a waiting writer tries again.
const RETRY: Duration = Duration::from_millis(25);

/// Why a workspace could not be locked for writing. The message names the file.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "cannot write {}: it is being written by {holder} (waited {} s); try again when it has finished",
        path.display(),
        waited.as_secs()
    )]
    Busy {
        path: PathBuf,
        /// Who holds the lock, as its lock file says.
        holder: String,
        waited: Duration,
    },
    #[error("cannot write {}: cannot lock it ({}): {error}", path.display(), lock.display())]
    Io {
        path: PathBuf,
        lock: PathBuf,
        error: std::io::Error,
    },
}

/// The lock on one workspace, held until dropped.
#[derive(Debug)]
pub struct WorkspaceLock {
    /// The lock file, open and locked; `None` where the filesystem has no locks.
    file: Option<File>,
    lock_path: PathBuf,
    /// The workspace file itself: the target of the path given, when that is a symbolic link.
    target: PathBuf,
}

/// The file a write to `path` replaces: `path`, or what it points to when it is a link.
///
/// # Errors
/// A link that cannot be followed (a loop, a missing folder).
pub fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(target) => Ok(target),
            // A link to a file not yet written: the file named by the link, beside it.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let link = fs::read_link(path)?;
                Ok(match path.parent() {
                    Some(folder) => folder.join(link),
                    None => link,
                })
            }
            Err(e) => Err(e),
        },
        _ => Ok(path.to_owned()),
    }
}

/// Where the lock of the workspace `target` lives: `.FILE.lock` beside it.
#[must_use]
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(".lock");
    target.with_file_name(name)
}

impl WorkspaceLock {
    /// Locks the workspace at `path` for writing, waiting up to [`LOCK_WAIT`] for another writer.
    ///
    /// # Errors
    /// [`LockError::Busy`] naming the holder when it did not finish in time, or an IO error
    /// (a folder that cannot be written).
    pub fn acquire(path: &Path) -> Result<Self, LockError> {
        Self::acquire_within(path, LOCK_WAIT)
    }

    /// [`WorkspaceLock::acquire`], waiting at most `wait`.
    ///
    /// # Errors
    /// As [`WorkspaceLock::acquire`].
    pub fn acquire_within(path: &Path, wait: Duration) -> Result<Self, LockError> {
        let target = write_target(path).map_err(|error| LockError::Io {
            path: path.to_owned(),
            lock: lock_path(path),
            error,
        })?;
        let lock = lock_path(&target);
        let fail = |error| LockError::Io {
            path: path.to_owned(),
            lock: lock.clone(),
            error,
        };
        let started = Instant::now();
        loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock)
                .map_err(fail)?;
            match file.try_lock() {
                Ok(()) => {
                    // The holder we waited for removes the file before it unlocks: a lock on a
                    // file no longer at the path guards nothing, so try again on the new one.
                    if !is_at(&file, &lock) {
                        continue;
                    }
                    // Best effort: the holder's name only helps the message of one who waits.
                    let _ = file
                        .set_len(0)
                        .and_then(|()| file.write_all(holder().as_bytes()));
                    return Ok(Self {
                        file: Some(file),
                        lock_path: lock,
                        target,
                    });
                }
                Err(fs::TryLockError::WouldBlock) => {
                    let waited = started.elapsed();
                    if waited >= wait {
                        let mut holder = String::new();
                        let _ = file.read_to_string(&mut holder);
                        let holder = holder.trim();
                        return Err(LockError::Busy {
                            path: path.to_owned(),
                            holder: if holder.is_empty() {
                                "another program".into()
                            } else {
                                holder.to_owned()
                            },
                            waited,
                        });
                    }
                    std::thread::sleep(RETRY);
                }
                // A filesystem without locks: write unguarded, as before locks existed.
                Err(fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                    return Ok(Self {
                        file: None,
                        lock_path: lock,
                        target,
                    });
                }
                Err(fs::TryLockError::Error(e)) => return Err(fail(e)),
            }
        }
    }

    /// The workspace file this lock guards (a symbolic link followed).
    #[must_use]
    pub fn target(&self) -> &Path {
        &self.target
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        // Removed while still locked, so that no one locks a file about to disappear; a waiter
        // that opened it already finds it gone from the path and opens the new one.
        if self.file.is_some() {
            let _ = fs::remove_file(&self.lock_path);
        }
    }
}

/// Whether the open `file` is still the file at `path`.
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_at(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// Who is writing, for the lock file: `basira (process 1234 on host) since 2026-…`.
fn holder() -> String {
    let program = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "basira".into());
    let host = fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "this computer".into());
    format!(
        "{program} (process {} on {host}) since {}",
        std::process::id(),
        chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_names_the_holder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        let first = WorkspaceLock::acquire(&path).expect("first lock");
        let err = WorkspaceLock::acquire_within(&path, Duration::from_millis(100))
            .expect_err("held by the first");
        let message = err.to_string();
        assert!(message.contains("ws.ron"), "{message}");
        assert!(
            message.contains(&format!("process {}", std::process::id())),
            "{message}"
        );
        drop(first);
        assert!(
            !lock_path(&path).exists(),
            "the holder removes its lock file"
        );
        let _second = WorkspaceLock::acquire(&path).expect("free again");
    }

    #[test]
    fn a_waiting_writer_gets_the_lock_when_the_holder_finishes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        let first = WorkspaceLock::acquire(&path).expect("first lock");
        let waiter = {
            let path = path.clone();
            std::thread::spawn(move || WorkspaceLock::acquire(&path).map(|_| ()))
        };
        std::thread::sleep(Duration::from_millis(100));
        drop(first);
        waiter.join().expect("joins").expect("locked after waiting");
    }
}
