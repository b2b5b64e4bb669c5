//! Loading and saving workspace files.

use std::fs;
use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};

use std::time::Duration;

use super::lock::{LockError, WorkspaceLock};
use super::stamp::{DiskState, FileStamp};
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

/// Why a workspace could not be saved. The old file and its backup, if any, are untouched.
#[derive(Debug, thiserror::Error)]
#[error("cannot save {}: {error}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl SaveError {
    /// Whether the save was refused because the file changed on disk since it was read.
    #[must_use]
    pub fn is_changed_on_disk(&self) -> bool {
        self.error
            .get_ref()
            .is_some_and(|inner| inner.is::<ChangedOnDisk>())
    }
}

/// The file changed on disk since it was read: what [`OnDisk::Stamp`] refuses.
#[derive(Debug, thiserror::Error)]
#[error(
    "the file changed on disk since it was read (someone else wrote it); nothing was written: \
     run the command again"
)]
struct ChangedOnDisk;

impl From<LockError> for SaveError {
    fn from(err: LockError) -> Self {
        match err {
            LockError::Busy {
                path,
                holder,
                waited,
            } => SaveError {
                path,
                error: std::io::Error::new(
                    std::io::ErrorKind::WouldBlock,
                    format!(
                        "it is being written by {holder} (waited {} s); nothing was written, \
                         try again when it has finished",
                        waited.as_secs()
                    ),
                ),
            },
            LockError::Io { path, lock, error } => SaveError {
                path,
                error: std::io::Error::new(
                    error.kind(),
                    format!("cannot lock it ({}): {error}", lock.display()),
                ),
            },
        }
    }
}

/// What a locked save expects to find on disk before it replaces the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDisk {
    /// Whatever is there is replaced (the app asked the analyst first).
    Anything,
    /// No file: a new workspace must not replace one someone else just wrote.
    Absent,
    /// The file as it was read: a change by someone else since is not overwritten (a file
    /// deleted since is written again).
    Stamp(FileStamp),
}

/// Writes `workspace` to `path` safely: the workspace is locked (see [`WorkspaceLock`]), a
/// temporary file in the same folder is written, flushed to disk and renamed over the old file,
/// so a failed save leaves the old file intact. The previous version is then kept beside it as
/// `FILE.bak` (one backup, replaced by a rename at each save, so there is always one).
///
/// A workspace larger than [`MAX_WORKSPACE_BYTES`] (which could not be opened again) or a file
/// that is read-only is refused before anything is written.
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
    let lock = WorkspaceLock::acquire(path)?;
    save_locked(&lock, path, workspace, OnDisk::Anything)
}

/// Like [`save_stamped`], when the file on disk is still what `expected` says, checked under
/// the lock: a writer that saved between the caller's own check and this save is not
/// overwritten ([`SaveError::is_changed_on_disk`]).
///
/// # Errors
/// A [`SaveError`] naming the file.
pub fn save_expecting(
    path: &Path,
    workspace: &Workspace,
    expected: OnDisk,
) -> Result<FileStamp, SaveError> {
    let lock = WorkspaceLock::acquire(path)?;
    save_locked(&lock, path, workspace, expected)
}

/// Saves `workspace` to the file `lock` guards (named `path` in messages), when the file on
/// disk is still what `expected` says.
///
/// # Errors
/// A [`SaveError`] naming the file: also when the file changed on disk since it was read.
pub fn save_locked(
    lock: &WorkspaceLock,
    path: &Path,
    workspace: &Workspace,
    expected: OnDisk,
) -> Result<FileStamp, SaveError> {
    save_checked(
        lock,
        path,
        workspace,
        expected,
        MAX_WORKSPACE_BYTES,
        &write_all,
    )
}

/// [`save_locked`] with the size limit and the way bytes are written given (tests fail them).
fn save_checked(
    lock: &WorkspaceLock,
    path: &Path,
    workspace: &Workspace,
    expected: OnDisk,
    limit: u64,
    write: &dyn Fn(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<FileStamp, SaveError> {
    let fail = |error| SaveError {
        path: path.to_owned(),
        error,
    };
    let target = lock.target();
    check_writable(target).map_err(fail)?;
    let bytes = file::to_ron(workspace);
    check_size(bytes.len() as u64, limit).map_err(fail)?;
    check_unchanged(target, expected).map_err(fail)?;
    replace_keeping_backup(target, bytes.as_bytes(), write).map_err(fail)?;
    let meta = fs::metadata(target).map_err(fail)?;
    Ok(FileStamp::of(&meta, bytes.as_bytes()))
}

/// Refuses to write a file whose permissions allow no writing (checked on the mode itself, so
/// that an administrator's rename does not override it either).
///
/// # Errors
/// `PermissionDenied` with the reason, when the file (a link followed) is read-only.
pub fn check_writable(path: &Path) -> std::io::Result<()> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only (its permissions allow no writing); nothing was written",
        )),
        _ => Ok(()),
    }
}

/// What Basira writes it can read: a file over the load limit is refused before writing.
fn check_size(len: u64, limit: u64) -> std::io::Result<()> {
    if len > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "the workspace would be {len} bytes, more than the limit of {limit} bytes a \
                 workspace may have to be opened again; nothing was written (split its briefs \
                 into several workspaces)"
            ),
        ));
    }
    Ok(())
}

fn check_unchanged(path: &Path, expected: OnDisk) -> std::io::Result<()> {
    let changed = || std::io::Error::other(ChangedOnDisk);
    match expected {
        OnDisk::Anything => Ok(()),
        OnDisk::Absent => match fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
            Ok(_) => Err(changed()),
        },
        OnDisk::Stamp(stamp) => match stamp.check(path, true)? {
            DiskState::Unchanged | DiskState::Touched(_) | DiskState::Missing => Ok(()),
            DiskState::Changed(_) => Err(changed()),
        },
    }
}

fn write_all(file: &mut fs::File, bytes: &[u8]) -> std::io::Result<()> {
    file.write_all(bytes)
}

/// Replaces `path` with `bytes` and keeps what it held as `FILE.bak`:
/// 1. the new content is written to a temporary file and flushed to disk;
/// 2. the old file is hard-linked (or copied) to a second temporary file;
/// 3. the new file is renamed over the old one;
/// 4. the second temporary file is renamed over `FILE.bak`.
///
/// A failure before 3 leaves the file and its backup as they were; a kill between 3 and 4
/// leaves the new file and the older backup. At no moment is there no `FILE.bak` (once there
/// was one).
fn replace_keeping_backup(
    path: &Path,
    bytes: &[u8],
    write: &dyn Fn(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let (folder, name) = folder_and_name(path);
    let backup = backup_path(path);
    let backup_name = format!("{name}.bak");
    // The caller holds the workspace lock: no other save of this file is under way, so any
    // temporary file of it that is not locked was left by a killed save.
    remove_stale_temporaries(folder, &name, Duration::ZERO);
    remove_stale_temporaries(folder, &backup_name, Duration::ZERO);
    let mut new = temporary_file(path, folder, &name)?;
    write(new.as_file_mut(), bytes)?;
    new.as_file().sync_all()?;
    let old = if path.is_file() {
        Some(link_or_copy(path, folder, &backup_name)?)
    } else {
        None
    };
    // Dropping `old` on failure removes the link; the backup is untouched.
    new.persist(path).map_err(|e| e.error)?;
    if let Some(old) = old {
        // The save is done; a backup that could not be rotated stays the older one.
        let _ = old.persist(&backup);
    }
    sync_folder(folder);
    Ok(())
}

/// The old file under a temporary name beside it: a hard link where the filesystem has them
/// (instant, whatever the size), else a copy flushed to disk.
fn link_or_copy(
    path: &Path,
    folder: &Path,
    backup_name: &str,
) -> std::io::Result<tempfile::NamedTempFile<()>> {
    let prefix = temporary_prefix(backup_name);
    let builder = temporary_builder(&prefix);
    if let Ok(link) = builder.make_in(folder, |name| fs::hard_link(path, name)) {
        return Ok(link);
    }
    let mut copy = builder.tempfile_in(folder)?;
    std::io::copy(&mut fs::File::open(path)?, copy.as_file_mut())?;
    copy.as_file().sync_all()?;
    let (_, temp_path) = copy.into_parts();
    Ok(tempfile::NamedTempFile::from_parts((), temp_path))
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

/// How old an unlocked temporary file must be for a writer without the workspace lock to take
/// it for a leftover: a live save locks its file the moment it has created it, so only a file
/// younger than this can be one not yet locked.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
///
/// The temporary file is `.FILE.xxxxxx.tmp`, locked while it is written. A process killed
/// mid-save leaves its temporary file behind (the old `FILE` intact); a later write of `FILE`
/// removes such leftovers — those no running save holds locked and older than a minute (a file
/// just created may not be locked yet).
///
/// # Errors
/// Any IO error; the file at `path` is then as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (folder, name) = folder_and_name(path);
    remove_stale_temporaries(folder, &name, STALE_AFTER);
    let mut tmp = temporary_file(path, folder, &name)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(folder);
    Ok(())
}

fn folder_and_name(path: &Path) -> (&Path, String) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "workspace".into(), |n| n.to_string_lossy().into_owned());
    (folder, name)
}

/// What a temporary file of `name` starts with: `.FILE.`.
fn temporary_prefix(name: &str) -> String {
    format!(".{name}.")
}

fn temporary_builder(prefix: &str) -> tempfile::Builder<'_, 'static> {
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(prefix)
        .suffix(".tmp")
        .rand_bytes(TEMP_RANDOM_CHARS);
    builder
}

/// A new, locked temporary file for `path` in `folder`, with the mode of the file it replaces.
fn temporary_file(
    path: &Path,
    folder: &Path,
    name: &str,
) -> std::io::Result<tempfile::NamedTempFile> {
    let prefix = temporary_prefix(name);
    let mut builder = temporary_builder(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // Keep the mode of the file being replaced; a new file gets the usual rw-r--r--.
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = path;
    let tmp = builder.tempfile_in(folder)?;
    // Best effort: where the filesystem has no locks, leftovers are simply kept.
    let _ = tmp.as_file().lock();
    Ok(tmp)
}

/// Makes a rename in `folder` durable where the platform allows it.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
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

/// Removes the temporary files of `name` in `folder` that saves killed midway left behind:
/// those no save holds locked, last modified at least `min_age` ago. Nothing here can fail a
/// save.
fn remove_stale_temporaries(folder: &Path, name: &str, min_age: Duration) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        if !file_name.to_str().is_some_and(|n| is_temporary_of(n, name)) {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let old_enough = min_age.is_zero()
            || meta
                .modified()
                .ok()
                .and_then(|m| m.elapsed().ok())
                .is_some_and(|age| age >= min_age);
        if !old_enough {
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

    fn named(title: &str) -> Workspace {
        Workspace {
            title: title.into(),
            ..Workspace::default()
        }
    }

    /// The names in `dir`, sorted.
    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_save_too_big_to_open_again_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        save(&path, &named("one")).expect("save");
        save(&path, &named("two")).expect("save");
        let (file, backup) = (
            fs::read(&path).expect("read"),
            fs::read(backup_path(&path)).expect("read"),
        );
        let limit = file.len() as u64 + 10;
        let lock = WorkspaceLock::acquire(&path).expect("lock");
        let bigger = named(&"x".repeat(100));
        let err = save_checked(&lock, &path, &bigger, OnDisk::Anything, limit, &write_all)
            .expect_err("over the limit");
        let message = err.to_string();
        assert!(
            message.contains("ws.ron") && message.contains("more than the limit"),
            "{message}"
        );
        drop(lock);
        assert_eq!(fs::read(&path).expect("read"), file);
        assert_eq!(fs::read(backup_path(&path)).expect("read"), backup);
        assert_eq!(listing(dir.path()), ["ws.ron", "ws.ron.bak"]);
        const { assert!(MAX_WORKSPACE_BYTES >= super::super::brief_import::MAX_BRIEF_BYTES) };
    }

    #[test]
    fn a_failed_save_leaves_the_file_and_its_backup_as_they_were() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        save(&path, &named("one")).expect("save");
        save(&path, &named("two")).expect("save");
        let disk_full = |_: &mut fs::File, _: &[u8]| -> std::io::Result<()> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        };
        let lock = WorkspaceLock::acquire(&path).expect("lock");
        let err = save_checked(
            &lock,
            &path,
            &named("three"),
            OnDisk::Anything,
            MAX_WORKSPACE_BYTES,
            &disk_full,
        )
        .expect_err("the disk is full");
        assert!(err.to_string().contains("no space left"), "{err}");
        drop(lock);
        assert_eq!(load(&path).expect("loads").title, "two");
        assert_eq!(
            load(&backup_path(&path)).expect("backup loads").title,
            "one",
            "the backup is not rotated"
        );
        assert_eq!(
            listing(dir.path()),
            ["ws.ron", "ws.ron.bak"],
            "no temporary file is left"
        );
    }

    #[test]
    fn a_locked_save_refuses_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        save(&path, &named("one")).expect("save");
        let (_, stamp) = load_stamped(&path).expect("load");
        save(&path, &named("someone else's")).expect("save");
        let lock = WorkspaceLock::acquire(&path).expect("lock");
        let err = save_locked(&lock, &path, &named("mine"), OnDisk::Stamp(stamp))
            .expect_err("changed on disk");
        assert!(err.to_string().contains("changed on disk"), "{err}");
        assert!(err.is_changed_on_disk());
        assert_eq!(load(&path).expect("loads").title, "someone else's");
        drop(lock);
        let err =
            save_expecting(&path, &named("mine"), OnDisk::Stamp(stamp)).expect_err("still changed");
        assert!(err.is_changed_on_disk());
        let fresh = dir.path().join("new.ron");
        fs::write(&fresh, "x").expect("write");
        let lock = WorkspaceLock::acquire(&fresh).expect("lock");
        let err =
            save_locked(&lock, &fresh, &named("new"), OnDisk::Absent).expect_err("it appeared");
        assert!(err.to_string().contains("changed on disk"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_workspace_is_refused() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ws.ron");
        save(&path, &named("one")).expect("save");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
        let err = save(&path, &named("two")).expect_err("read-only");
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(load(&path).expect("loads").title, "one");
    }

    #[test]
    fn a_writer_without_the_workspace_lock_keeps_a_fresh_unlocked_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.csv");
        // Another writer's file, created an instant ago and not yet locked.
        let fresh = dir.path().join(".out.csv.Ab12Cd.tmp");
        fs::write(&fresh, "being written").expect("write");
        let old = dir.path().join(".out.csv.Zz98Yy.tmp");
        let leftover = fs::File::create(&old).expect("create");
        let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        leftover.set_modified(an_hour_ago).expect("set the time");
        drop(leftover);
        write_atomically(&path, b"a,b").expect("write");
        assert!(fresh.exists(), "maybe a save about to lock it");
        assert!(!old.exists(), "an hour-old unlocked file is a leftover");
    }

    #[test]
    fn a_file_of_only_a_byte_order_mark_is_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bom.ron");
        fs::write(&path, "\u{feff}\n").expect("write");
        assert!(matches!(load(&path), Err(LoadError::Empty { .. })));
    }
}
