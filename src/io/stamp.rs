//! What a workspace file looked like when Basira last read or wrote it, so that a change made
//! by someone else (a hand edit, `git pull`, another Basira) is noticed before it is overwritten.
//!
//! A [`FileStamp`] holds the file's modification time, its length and a hash of its bytes. The
//! cheap check compares the metadata and hashes the bytes only when the metadata differs (a
//! file rewritten with the same content is not a change); the thorough check always hashes.

use std::fs;
use std::hash::Hasher as _;
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// The modification time, length and content hash of a file at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileStamp {
    /// `None` where the platform does not record modification times.
    pub modified: Option<SystemTime>,
    pub len: u64,
    /// `std`'s `DefaultHasher` over the bytes: fast and good enough to tell versions apart (it is
    /// not stable across Rust releases; a changed hash only means one extra question).
    pub hash: u64,
}

/// How a file on disk compares with a [`FileStamp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// Same metadata (cheap check) or same bytes (thorough check).
    Unchanged,
    /// Rewritten with the same bytes: only the metadata moved. Carries the new stamp.
    Touched(FileStamp),
    /// Different bytes. Carries the stamp of what is on disk now.
    Changed(FileStamp),
    /// The file is no longer there.
    Missing,
}

impl FileStamp {
    /// The stamp of `bytes`, just read from or written to a file with metadata `meta`.
    #[must_use]
    pub fn of(meta: &fs::Metadata, bytes: &[u8]) -> Self {
        Self {
            modified: meta.modified().ok(),
            len: bytes.len() as u64,
            hash: content_hash(bytes),
        }
    }

    /// Reads the file at `path` and stamps it.
    ///
    /// # Errors
    /// Any IO error (a missing file is `NotFound`).
    pub fn read(path: &Path) -> io::Result<Self> {
        let meta = fs::metadata(path)?;
        let bytes = fs::read(path)?;
        Ok(Self::of(&meta, &bytes))
    }

    /// Whether `other` has the same bytes (length and hash), whatever its modification time.
    #[must_use]
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }

    /// Compares the file at `path` with this stamp. The cheap check (`thorough == false`)
    /// trusts equal metadata and reads the file only when it differs; the thorough one always
    /// reads it.
    ///
    /// # Errors
    /// An IO error other than the file being missing.
    pub fn check(&self, path: &Path, thorough: bool) -> io::Result<DiskState> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskState::Missing),
            Err(e) => return Err(e),
        };
        if !thorough && meta.len() == self.len && meta.modified().ok() == self.modified {
            return Ok(DiskState::Unchanged);
        }
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskState::Missing),
            Err(e) => return Err(e),
        };
        let now = Self::of(&meta, &bytes);
        Ok(if !self.same_content(&now) {
            DiskState::Changed(now)
        } else if now == *self {
            DiskState::Unchanged
        } else {
            DiskState::Touched(now)
        })
    }
}

/// The hash a [`FileStamp`] keeps of a file's bytes.
#[must_use]
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        fs::write(path, text).expect("write");
    }

    /// Sets the modification time, so that tests do not depend on the clock's resolution.
    fn set_modified(path: &Path, secs: u64) {
        let file = fs::File::options().write(true).open(path).expect("open");
        file.set_modified(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs))
            .expect("set mtime");
    }

    #[test]
    fn an_untouched_file_is_unchanged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        write(&path, "one");
        let stamp = FileStamp::read(&path).expect("stamp");
        assert_eq!(stamp.len, 3);
        for thorough in [false, true] {
            assert_eq!(
                stamp.check(&path, thorough).expect("check"),
                DiskState::Unchanged
            );
        }
    }

    #[test]
    fn new_bytes_are_a_change_and_the_same_bytes_are_a_touch() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        write(&path, "one");
        set_modified(&path, 1_000);
        let stamp = FileStamp::read(&path).expect("stamp");

        write(&path, "one");
        set_modified(&path, 2_000);
        let DiskState::Touched(touched) = stamp.check(&path, false).expect("check") else {
            panic!("same bytes, new time: a touch");
        };
        assert!(touched.same_content(&stamp));
        assert_ne!(touched.modified, stamp.modified);

        write(&path, "two");
        set_modified(&path, 2_000);
        let DiskState::Changed(changed) = stamp.check(&path, false).expect("check") else {
            panic!("new bytes: a change");
        };
        assert!(!changed.same_content(&stamp));
    }

    #[test]
    fn only_the_thorough_check_sees_a_change_that_kept_the_metadata() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        write(&path, "one");
        set_modified(&path, 1_000);
        let stamp = FileStamp::read(&path).expect("stamp");
        write(&path, "two");
        set_modified(&path, 1_000);
        assert_eq!(
            stamp.check(&path, false).expect("cheap"),
            DiskState::Unchanged
        );
        assert!(matches!(
            stamp.check(&path, true).expect("thorough"),
            DiskState::Changed(_)
        ));
    }

    #[test]
    fn a_removed_file_is_missing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        write(&path, "one");
        let stamp = FileStamp::read(&path).expect("stamp");
        fs::remove_file(&path).expect("remove");
        for thorough in [false, true] {
            assert_eq!(
                stamp.check(&path, thorough).expect("check"),
                DiskState::Missing
            );
        }
    }
}
