//! Loading and saving workspace files.

use std::fs;
use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};

use super::stamp::FileStamp;
use crate::file::{self, FormatError};
use crate::model::Workspace;

/// Workspace files larger than this are refused rather than read into memory.
pub const MAX_WORKSPACE_BYTES: u64 = 512 * 1024 * 1024;

/// Why a workspace file could not be opened. The message names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {error}", path.display())]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("cannot open {}: it is a folder, not a workspace file", path.display())]
    IsFolder { path: PathBuf },
    #[error("cannot open {}: it is not a regular file (a device, pipe or socket)", path.display())]
    NotAFile { path: PathBuf },
    #[error("cannot open {}: it is {size} bytes, more than the limit of {limit} bytes", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("cannot open {}: it is not UTF-8 text (invalid byte at offset {offset})", path.display())]
    NotText { path: PathBuf, offset: usize },
    #[error("cannot open {}: the file is empty", path.display())]
    Empty { path: PathBuf },
    #[error("cannot open {}:{}", path.display(), format_detail(problem))]
    Format { path: PathBuf, problem: FormatError },
}

fn format_detail(err: &FormatError) -> String {
    match err {
        FormatError::Syntax { line, col, message } => {
            format!("{line}:{col}: syntax error: {message}")
        }
        FormatError::Invalid(_) => format!("\n{err}"),
        other => format!(" {other}"),
    }
}

impl LoadError {
    /// The content problems, when the file parsed but did not validate.
    #[must_use]
    pub fn problems(&self) -> &[file::Problem] {
        match self {
            LoadError::Format {
                problem: FormatError::Invalid(p),
                ..
            } => p,
            _ => &[],
        }
    }
}

/// Reads and validates the workspace file at `path`.
///
/// # Errors
/// A [`LoadError`] naming the file and what is wrong with it.
pub fn load(path: &Path) -> Result<Workspace, LoadError> {
    let (text, _) = read_workspace_text(path)?;
    parse_workspace(path, &text)
}

/// Like [`load`], also returning the [`FileStamp`] of the bytes that were read, so that a later
/// change by someone else can be told apart from the version loaded.
///
/// # Errors
/// A [`LoadError`] naming the file and what is wrong with it.
pub fn load_stamped(path: &Path) -> Result<(Workspace, FileStamp), LoadError> {
    let (text, meta) = read_workspace_text(path)?;
    let workspace = parse_workspace(path, &text)?;
    // Hashing the bytes costs time on large files, so only callers that watch the file pay it.
    Ok((workspace, FileStamp::of(&meta, text.as_bytes())))
}

fn read_workspace_text(path: &Path) -> Result<(String, fs::Metadata), LoadError> {
    read_text_with_meta(path, MAX_WORKSPACE_BYTES).map_err(|e| match e {
        ReadTextError::Io(error) => LoadError::Read {
            path: path.to_owned(),
            error,
        },
        ReadTextError::IsFolder => LoadError::IsFolder {
            path: path.to_owned(),
        },
        ReadTextError::NotAFile => LoadError::NotAFile {
            path: path.to_owned(),
        },
        ReadTextError::TooLarge { size, limit } => LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit,
        },
        ReadTextError::NotText { offset } => LoadError::NotText {
            path: path.to_owned(),
            offset,
        },
    })
}

fn parse_workspace(path: &Path, text: &str) -> Result<Workspace, LoadError> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    file::parse(text).map_err(|problem| LoadError::Format {
        path: path.to_owned(),
        problem,
    })
}

/// Why a file could not be read as text.
#[derive(Debug)]
pub(crate) enum ReadTextError {
    Io(std::io::Error),
    IsFolder,
    NotAFile,
    TooLarge { size: u64, limit: u64 },
    NotText { offset: usize },
}

/// Reads a whole file as UTF-8, refusing folders and files over `limit` bytes, with the file's
/// metadata as it was just before reading.
fn read_text_with_meta(path: &Path, limit: u64) -> Result<(String, fs::Metadata), ReadTextError> {
    let (bytes, meta) = read_bytes_with_meta(path, limit)?;
    let text = String::from_utf8(bytes).map_err(|e| ReadTextError::NotText {
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok((text, meta))
}

/// Reads a whole file, refusing folders, devices and files over `limit` bytes.
pub(crate) fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadTextError> {
    read_bytes_with_meta(path, limit).map(|(bytes, _)| bytes)
}

fn read_bytes_with_meta(path: &Path, limit: u64) -> Result<(Vec<u8>, fs::Metadata), ReadTextError> {
    let meta = fs::metadata(path).map_err(ReadTextError::Io)?;
    if meta.is_dir() {
        return Err(ReadTextError::IsFolder);
    }
    // A device, pipe or socket has no size to check: `/dev/zero` never ends and a pipe with
    // no writer blocks forever, so only regular files are read.
    if !meta.is_file() {
        return Err(ReadTextError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadTextError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    // Read at most one byte past the limit, in case the file grew since it was measured.
    let expected = usize::try_from(meta.len()).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::with_capacity(expected);
    fs::File::open(path)
        .and_then(|file| file.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(ReadTextError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadTextError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok((bytes, meta))
}

/// Why a workspace could not be saved. The old file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
#[error("cannot save {}: {error}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub error: std::io::Error,
}

/// Writes `workspace` to `path` safely: a temporary file in the same folder is written, flushed
/// to disk and renamed over the old file, so a failed save leaves the old file intact. The
/// previous version is kept beside it as `FILE.bak` (one backup, replaced at each save).
///
/// # Errors
/// A [`SaveError`] naming the file.
pub fn save(path: &Path, workspace: &Workspace) -> Result<(), SaveError> {
    save_stamped(path, workspace).map(|_| ())
}

/// Like [`save`], also returning the [`FileStamp`] of what was written.
///
/// # Errors
/// A [`SaveError`] naming the file.
pub fn save_stamped(path: &Path, workspace: &Workspace) -> Result<FileStamp, SaveError> {
    let fail = |error| SaveError {
        path: path.to_owned(),
        error,
    };
    // Saving through a symbolic link updates the file it points to; the link stays a link.
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).map_err(fail)?,
        _ => path.to_owned(),
    };
    let path = target.as_path();
    let bytes = file::to_ron(workspace);
    if path.is_file() {
        keep_backup(path).map_err(fail)?;
    }
    write_atomically(path, bytes.as_bytes()).map_err(fail)?;
    let meta = fs::metadata(path).map_err(fail)?;
    Ok(FileStamp::of(&meta, bytes.as_bytes()))
}

/// Makes `FILE.bak` the current version of `path`: a hard link where the filesystem has
/// them (instant, whatever the size), else a copy written safely.
fn keep_backup(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    match fs::remove_file(&backup) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    if fs::hard_link(path, &backup).is_ok() {
        return Ok(());
    }
    write_atomically(&backup, &fs::read(path)?)
}

/// Where [`save`] keeps the previous version of `path`: `FILE.bak` beside it.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// How many random characters name a temporary file: `.FILE.` + these + `.tmp`.
const TEMP_RANDOM_CHARS: usize = 6;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
///
/// The temporary file is `.FILE.xxxxxx.tmp`, locked while it is written. A process killed
/// mid-save leaves its temporary file behind (the old `FILE` intact); the next save of `FILE`
/// removes such leftovers — those no running save holds locked.
///
/// # Errors
/// Any IO error; the file at `path` is then as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "workspace".into(), |n| n.to_string_lossy().into_owned());
    remove_stale_temporaries(folder, &name);
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // Keep the mode of the file being replaced; a new file gets the usual rw-r--r--.
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .rand_bytes(TEMP_RANDOM_CHARS)
        .tempfile_in(folder)?;
    // Best effort: where the filesystem has no locks, leftovers are simply kept.
    let _ = tmp.as_file().lock();
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(dir) = fs::File::open(folder) {
        // Make the rename itself durable where the platform allows it.
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Whether `file_name` is one of [`write_atomically`]'s temporary files for `name`.
fn is_temporary_of(file_name: &str, name: &str) -> bool {
    file_name
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM_CHARS && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes the temporary files of `name` in `folder` that saves killed midway left behind.
/// A file some save still holds locked is in use and stays; nothing here can fail a save.
fn remove_stale_temporaries(folder: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        if !file_name.to_str().is_some_and(|n| is_temporary_of(n, name)) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        // Opened for reading: a temporary file of a read-only workspace is read-only too.
        let stale = fs::File::open(entry.path()).is_ok_and(|file| file.try_lock().is_ok());
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_save_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        let ws = Workspace {
            title: "first".into(),
            ..Workspace::default()
        };
        save(&path, &ws).expect("first save");
        let before = fs::read_to_string(&path).expect("read back");
        // Saving into a folder that does not exist fails and touches nothing else.
        let missing = dir.path().join("missing").join("ws.ron");
        let err = save(&missing, &ws).expect_err("no such folder");
        assert!(err.to_string().contains("missing"), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read again"), before);
        let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(
            leftovers.len(),
            1,
            "no temporary file or backup is left behind"
        );
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_updates_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        save(&real, &Workspace::default()).expect("first save");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let named = Workspace {
            title: "through the link".into(),
            ..Workspace::default()
        };
        save(&link, &named).expect("save through the link");
        assert!(
            fs::symlink_metadata(&link)
                .expect("exists")
                .file_type()
                .is_symlink()
        );
        assert_eq!(load(&real).expect("target loads").title, "through the link");
        assert!(
            backup_path(&real).exists(),
            "the backup sits beside the real file"
        );
    }

    #[test]
    fn each_save_keeps_the_previous_version_as_a_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        let named = |title: &str| Workspace {
            title: title.into(),
            ..Workspace::default()
        };
        save(&path, &named("one")).expect("save");
        assert!(
            !backup_path(&path).exists(),
            "a new file has no previous version"
        );
        save(&path, &named("two")).expect("save");
        save(&path, &named("three")).expect("save");
        assert_eq!(
            load(&backup_path(&path)).expect("backup loads").title,
            "two"
        );
        assert_eq!(load(&path).expect("file loads").title, "three");
        assert_eq!(
            backup_path(&path).file_name().and_then(|n| n.to_str()),
            Some("ws.ron.bak")
        );
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_the_file_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        save(&path, &Workspace::default()).expect("first save");
        let mode = |p: &Path| fs::metadata(p).expect("exists").permissions().mode() & 0o777;
        assert_eq!(
            mode(&path),
            0o644,
            "a new workspace is readable by others, like any file"
        );
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        save(&path, &Workspace::default()).expect("second save");
        assert_eq!(mode(&path), 0o640, "saving over a file keeps its mode");
    }

    #[test]
    fn a_save_removes_temporary_files_left_by_a_killed_save() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        let leftover = dir.path().join(".ws.ron.a1B2c3.tmp");
        fs::write(&leftover, "half a worksp").expect("write");
        // Not ours: another file's temporary, a name that only looks alike, a folder.
        let others = [
            ".other.ron.a1B2c3.tmp",
            ".ws.ron.notours.tmp",
            "ws.ron.a1B2c3.tmp",
        ];
        for name in others {
            fs::write(dir.path().join(name), "x").expect("write");
        }
        fs::create_dir(dir.path().join(".ws.ron.zzzzzz.tmp")).expect("folder");
        save(&path, &Workspace::default()).expect("save");
        assert!(!leftover.exists(), "the leftover is removed");
        for name in others {
            assert!(dir.path().join(name).exists(), "{name} is kept");
        }
        assert!(dir.path().join(".ws.ron.zzzzzz.tmp").is_dir());
        assert!(is_temporary_of(".ws.ron.a1B2c3.tmp", "ws.ron"));
        assert!(!is_temporary_of(".ws.ron.bak.a1B2c3.tmp", "ws.ron"));
    }

    #[test]
    fn a_save_keeps_a_temporary_file_another_save_is_writing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        let in_use = dir.path().join(".ws.ron.Zz9Yy8.tmp");
        let writer = fs::File::create(&in_use).expect("create");
        writer.lock().expect("lock");
        save(&path, &Workspace::default()).expect("save");
        assert!(in_use.exists(), "a locked temporary file is in use");
        drop(writer);
        save(&path, &Workspace::default()).expect("save again");
        assert!(!in_use.exists(), "once unlocked it is a leftover");
    }

    #[test]
    fn a_file_of_only_a_byte_order_mark_is_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bom.ron");
        fs::write(&path, "\u{feff}\n").expect("write");
        assert!(matches!(load(&path), Err(LoadError::Empty { .. })));
    }
}
