//! Places on disk the app asks about: the user's documents folder, and which of some candidate
//! files exist.

use std::path::{Path, PathBuf};

/// Where a new workspace is proposed to be saved: the user's documents folder, else their home,
/// else the current folder (never a relative path, which would land wherever the app started).
#[cfg(feature = "app")]
#[must_use]
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .map(|dirs| dirs.document_dir().unwrap_or(dirs.home_dir()).to_owned())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// The first of `candidates` that is a regular file.
#[must_use]
pub fn first_file<'a>(candidates: impl IntoIterator<Item = &'a Path>) -> Option<PathBuf> {
    candidates
        .into_iter()
        .find(|p| p.is_file())
        .map(Path::to_owned)
}

/// The size of the file at `path` in bytes, if it can be read.
#[must_use]
pub fn file_size(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().map(|m| m.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_existing_file_is_found() {
        let dir = tempfile::tempdir().expect("temp dir");
        let there = dir.path().join("there.ron");
        std::fs::write(&there, "x").expect("write");
        let missing = dir.path().join("missing.ron");
        assert_eq!(
            first_file([missing.as_path(), dir.path(), there.as_path()]),
            Some(there.clone())
        );
        assert_eq!(first_file([missing.as_path()]), None);
        assert_eq!(file_size(&there), Some(1));
        assert_eq!(file_size(&missing), None);
    }
}
