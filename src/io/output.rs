//! The files the command line writes with `--out` (exports, rendered pages): never the file being
//! read, never a device, pipe or folder, always through a temporary file and a rename as
//! workspace saves are, and through a symbolic link to the file it points to.

use std::fs;
use std::path::{Path, PathBuf};

use super::lock::write_target;
use super::workspace_file::{check_writable, write_atomically};

/// Why an output file was not written. The message names it; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "will not write {}: it is the file this command reads{}; choose another file",
        path.display(),
        if path == input { String::new() } else { format!(" ({})", input.display()) }
    )]
    IsInput { path: PathBuf, input: PathBuf },
    #[error("will not write {}: it is a folder", path.display())]
    IsFolder { path: PathBuf },
    #[error(
        "will not write {}: it is not a regular file (a device, pipe or socket); use `--out -` to write to standard output",
        path.display()
    )]
    NotAFile { path: PathBuf },
    #[error("cannot write {}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Writes `bytes` to `out`, which must be absent or a regular file that is none of `inputs`
/// (the same file by another name, a hard or symbolic link, counts as the same).
///
/// # Errors
/// An [`OutputError`]; `out` is then as it was.
pub fn write_output(out: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), OutputError> {
    let io_error = |error| OutputError::Io {
        path: out.to_owned(),
        error,
    };
    let target = write_target(out).map_err(io_error)?;
    match fs::metadata(&target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error(e)),
        Ok(meta) if meta.is_dir() => {
            return Err(OutputError::IsFolder {
                path: out.to_owned(),
            });
        }
        Ok(meta) if !meta.is_file() => {
            return Err(OutputError::NotAFile {
                path: out.to_owned(),
            });
        }
        Ok(meta) => {
            if let Some(input) = inputs.iter().find(|input| same_file(&target, &meta, input)) {
                return Err(OutputError::IsInput {
                    path: out.to_owned(),
                    input: input.to_path_buf(),
                });
            }
            check_writable(&target).map_err(io_error)?;
        }
    }
    write_atomically(&target, bytes).map_err(io_error)
}

/// Whether `target` (whose metadata is `meta`) is the file at `other`.
#[cfg(unix)]
fn same_file(_target: &Path, meta: &fs::Metadata, other: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    fs::metadata(other).is_ok_and(|o| o.dev() == meta.dev() && o.ino() == meta.ino())
}

#[cfg(not(unix))]
fn same_file(target: &Path, _meta: &fs::Metadata, other: &Path) -> bool {
    match (fs::canonicalize(target), fs::canonicalize(other)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
