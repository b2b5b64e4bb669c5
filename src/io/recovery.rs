//! Recovery copies of unsaved work, so that a crash, a kill or a power cut loses at most a
//! minute (or [`AUTOSAVE_EDITS`] edits) of an analyst's work.
//!
//! While a workspace has unsaved changes, a copy is written to `DATA_DIR/recovery/KEY.ron`: a
//! normal workspace file (so `basira check` and `io::load` read it) whose first line is a RON
//! comment holding a [`Header`] — the workspace's real path, when the copy was written, how
//! many edits it holds since the last real save and the stamp of the file it started from.
//! `KEY` comes from a hash of the workspace's path (`untitled-UUID` before its first save).
//!
//! Each open workspace holds an exclusive lock on `KEY.lock` for as long as its copy exists,
//! so that [`scan`] — run when Basira starts — offers only the copies of sessions that ended
//! without cleaning up, never those of another Basira still running. The OS drops the lock of
//! a process that dies.
//!
//! The app wires it in (`app/autosave.rs`): it decides nothing here but when to ask. Writes go
//! through [`crate::io::write_atomically`].

use std::fs::{self, File, OpenOptions};
use std::hash::Hasher as _;
use std::io::{self, BufRead as _};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use anyhow::Context as _;
use chrono::{DateTime, TimeDelta, Utc};

use super::FileStamp;
use crate::model::Workspace;

/// The folder inside the data directory where recovery copies live.
pub const FOLDER_NAME: &str = "recovery";

/// A copy is written once unsaved work is this old…
pub const AUTOSAVE_INTERVAL: TimeDelta = TimeDelta::seconds(60);

/// …or once this many edits (each keystroke of a typing run counts) are not in a copy yet.
pub const AUTOSAVE_EDITS: u64 = 20;

/// How the first line of a recovery file starts; the [`Header`] in RON follows.
const HEADER_PREFIX: &str = "// basira-recovery ";

/// What a recovery copy says about itself.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Header {
    /// Where the workspace is saved; `None` when it never was.
    pub original: Option<PathBuf>,
    /// When the copy was written.
    pub saved_at: DateTime<Utc>,
    /// Edits (and undos and redos) made since the workspace was last saved or opened.
    pub edits_since_save: u64,
    /// The stamp of `original` as it was when the unsaved work started from it, so that a
    /// change made to the file since is noticed after restoring.
    pub base: Option<FileStamp>,
}

/// The folder for recovery copies inside the app's data directory.
#[must_use]
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER_NAME)
}

/// The name a workspace's copy is given: the file's stem and a hash of its absolute path, or
/// `untitled-UUID` for a workspace never saved.
#[must_use]
pub fn base_key(original: Option<&Path>) -> String {
    let Some(path) = original else {
        return format!("untitled-{}", uuid::Uuid::new_v4());
    };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(absolute.as_os_str().as_encoded_bytes());
    let stem: String = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    format!("{stem}-{:016x}", hasher.finish())
}

/// A recovery copy's place in the folder, held (locked) by one session.
#[derive(Debug)]
pub struct Slot {
    folder: PathBuf,
    key: String,
    /// Held with an exclusive lock for as long as the slot lives.
    lock: File,
}

impl Slot {
    /// Claims a free slot named after `base` (with `-2`, `-3`… when that name is taken, e.g.
    /// by the copy of a crashed session not dealt with yet), creating the folder if needed.
    ///
    /// # Errors
    /// When the folder or the lock file cannot be created.
    pub fn claim(folder: &Path, base: &str) -> io::Result<Slot> {
        fs::create_dir_all(folder)?;
        for n in 1..=1000_u32 {
            let key = if n == 1 {
                base.to_owned()
            } else {
                format!("{base}-{n}")
            };
            if folder.join(format!("{key}.ron")).exists() {
                continue;
            }
            let lock = match OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(folder.join(format!("{key}.lock")))
            {
                Ok(file) => file,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            };
            match lock.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => continue,
                Err(fs::TryLockError::Error(e)) => return Err(e),
            }
            return Ok(Slot {
                folder: folder.to_owned(),
                key,
                lock,
            });
        }
        Err(io::Error::other(format!(
            "no free recovery file name for {base} in {}",
            folder.display()
        )))
    }

    /// The recovery copy's file.
    #[must_use]
    pub fn file(&self) -> PathBuf {
        self.folder.join(format!("{}.ron", self.key))
    }

    fn lock_file(&self) -> PathBuf {
        self.folder.join(format!("{}.lock", self.key))
    }

    /// Deletes the copy and the lock file, releasing the lock.
    ///
    /// # Errors
    /// When the copy exists but cannot be deleted.
    pub fn remove(self) -> io::Result<()> {
        let removed = remove_if_present(&self.file());
        let lock_file = self.lock_file();
        drop(self.lock);
        // A leftover lock file only makes the next claim pick another name.
        let _ = remove_if_present(&lock_file);
        removed
    }
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Writes `workspace` with its `header` to `file`, safely (temporary file and rename).
///
/// # Errors
/// When the header cannot be written as RON (a path that is not UTF-8) or the file cannot be
/// written; the message names the file.
pub fn write(file: &Path, header: &Header, workspace: &Workspace) -> anyhow::Result<()> {
    let header_ron = ron::to_string(header)
        .with_context(|| format!("cannot describe the recovery file {}", file.display()))?;
    let mut text = format!("{HEADER_PREFIX}{header_ron}\n");
    text.push_str(&crate::file::to_ron(workspace));
    crate::io::write_atomically(file, text.as_bytes())
        .with_context(|| format!("cannot write the recovery file {}", file.display()))
}

/// Reads a recovery copy: its header, and the workspace validated as by [`crate::io::load`].
///
/// # Errors
/// When the file cannot be read, has no header line or does not hold a valid workspace.
pub fn read(file: &Path) -> anyhow::Result<(Header, Workspace)> {
    let mut first = String::new();
    io::BufReader::new(
        File::open(file).with_context(|| format!("cannot read {}", file.display()))?,
    )
    .read_line(&mut first)
    .with_context(|| format!("cannot read {}", file.display()))?;
    let header_ron = first
        .trim_end()
        .strip_prefix(HEADER_PREFIX)
        .with_context(|| format!("{} has no recovery header", file.display()))?;
    let header: Header = ron::from_str(header_ron)
        .with_context(|| format!("the recovery header of {} is damaged", file.display()))?;
    let workspace = crate::io::load(file)?;
    Ok((header, workspace))
}

/// A recovery copy left by a session that did not end cleanly, locked while it is offered.
#[derive(Debug)]
pub struct Found {
    pub slot: Slot,
    pub header: Header,
    pub workspace: Workspace,
}

/// What the "Recover unsaved work?" dialog shows of a [`Found`] copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub title: String,
    pub original: Option<PathBuf>,
    pub briefs: usize,
    pub passages: usize,
    pub saved_at: DateTime<Utc>,
    pub edits_since_save: u64,
    /// Which of how many copies this is (1-based).
    pub position: usize,
    pub count: usize,
}

impl Found {
    #[must_use]
    pub fn offer(&self, position: usize, count: usize) -> Offer {
        Offer {
            title: self.workspace.title.clone(),
            original: self.header.original.clone(),
            briefs: self.workspace.briefs.len(),
            passages: self.workspace.passages.len(),
            saved_at: self.header.saved_at,
            edits_since_save: self.header.edits_since_save,
            position,
            count,
        }
    }
}

/// The copies in `folder` that no running session holds, newest first, and a message for each
/// copy that could not be read (left in place, never deleted).
#[must_use]
pub fn scan(folder: &Path) -> (Vec<Found>, Vec<String>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return (found, problems),
        Err(e) => {
            problems.push(format!(
                "cannot look for recovery files in {}: {e}",
                folder.display()
            ));
            return (found, problems);
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    for file in files {
        let Some(key) = file.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        let lock = match OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(folder.join(format!("{key}.lock")))
        {
            Ok(lock) => lock,
            Err(e) => {
                problems.push(format!(
                    "cannot lock the recovery file {}: {e}",
                    file.display()
                ));
                continue;
            }
        };
        match lock.try_lock() {
            Ok(()) => {}
            // Another Basira is running with this workspace open.
            Err(fs::TryLockError::WouldBlock) => continue,
            Err(fs::TryLockError::Error(e)) => {
                problems.push(format!(
                    "cannot lock the recovery file {}: {e}",
                    file.display()
                ));
                continue;
            }
        }
        let slot = Slot {
            folder: folder.to_owned(),
            key,
            lock,
        };
        match read(&file) {
            Ok((header, workspace)) => found.push(Found {
                slot,
                header,
                workspace,
            }),
            Err(err) => problems.push(format!(
                "A recovery file could not be read and was left in place: {err:#}"
            )),
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.header.saved_at));
    (found, problems)
}

/// What the autosave of a session should do now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Nothing is waiting to be written.
    Idle,
    /// Write a copy now.
    Write,
    /// Unwritten work is waiting; look again after this long.
    After(std::time::Duration),
}

/// One session's autosave: when to write, the slot written to and the write in flight.
///
/// Time comes in as arguments (from the app's clock port) and revisions from
/// [`crate::edit::Document::revision`], so the policy is tested without a clock or a window.
#[derive(Debug, Default)]
pub struct Autosave {
    /// `DATA_DIR/recovery`; `None` turns autosave off.
    folder: Option<PathBuf>,
    slot: Option<Slot>,
    /// The document revision at the last real save (or opening).
    saved_revision: u64,
    /// Edits made before the copy this session was restored from.
    carried_edits: u64,
    /// The revision the last copy holds.
    written_revision: u64,
    /// When the oldest edit not in a copy was seen.
    dirty_since: Option<DateTime<Utc>>,
    in_flight: Option<JoinHandle<anyhow::Result<()>>>,
}

impl Autosave {
    /// Autosave for a document that is at `revision` and saved (or freshly opened).
    #[must_use]
    pub fn new(folder: Option<PathBuf>, revision: u64) -> Self {
        Self {
            folder,
            saved_revision: revision,
            written_revision: revision,
            ..Self::default()
        }
    }

    /// Autosave for a document restored from `found` (at `revision`), keeping its slot.
    #[must_use]
    pub fn resumed(folder: Option<PathBuf>, slot: Slot, edits: u64, revision: u64) -> Self {
        Self {
            folder,
            slot: Some(slot),
            saved_revision: revision,
            carried_edits: edits,
            written_revision: revision,
            ..Self::default()
        }
    }

    /// Edits since the last real save, counting those of a restored copy.
    #[must_use]
    pub fn edits_since_save(&self, revision: u64) -> u64 {
        self.carried_edits + revision.saturating_sub(self.saved_revision)
    }

    /// Whether the document at `revision` has edits no copy holds yet.
    #[must_use]
    pub fn unwritten(&self, revision: u64) -> bool {
        self.folder.is_some() && revision != self.written_revision
    }

    /// The file of this session's copy, if it has one.
    #[must_use]
    pub fn file(&self) -> Option<PathBuf> {
        self.slot.as_ref().map(Slot::file)
    }

    /// Notes the document's state after a change: the time the oldest unwritten edit was
    /// seen starts when there first is unwritten work, and is forgotten when there is none.
    pub fn observe(&mut self, revision: u64, dirty: bool, now: DateTime<Utc>) {
        if self.folder.is_none() || !dirty || revision == self.written_revision {
            self.dirty_since = None;
        } else if self.dirty_since.is_none() {
            self.dirty_since = Some(now);
        }
    }

    /// Whether to write a copy of a document at `revision` now: once its oldest unwritten
    /// edit (as [`Autosave::observe`]d) is [`AUTOSAVE_INTERVAL`] old, or [`AUTOSAVE_EDITS`]
    /// edits are unwritten.
    #[must_use]
    pub fn next(&self, revision: u64, dirty: bool, now: DateTime<Utc>) -> Next {
        if self.folder.is_none() || !dirty || revision == self.written_revision {
            return Next::Idle;
        }
        if self.in_flight.is_some() {
            // Look again once the running write has had time to finish.
            return Next::After(std::time::Duration::from_millis(200));
        }
        let since = self.dirty_since.unwrap_or(now);
        let waited = now - since;
        if waited >= AUTOSAVE_INTERVAL
            || revision.saturating_sub(self.written_revision) >= AUTOSAVE_EDITS
        {
            return Next::Write;
        }
        Next::After((AUTOSAVE_INTERVAL - waited).to_std().unwrap_or_default())
    }

    /// Writes a copy of `workspace` (at `revision`) on a background thread, claiming a slot
    /// first if this session has none. `original` and `base` go into the header.
    ///
    /// # Errors
    /// When no slot can be claimed or the thread cannot start; the next edit tries again.
    pub fn start_write(
        &mut self,
        revision: u64,
        workspace: Workspace,
        original: Option<&Path>,
        base: Option<FileStamp>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        let Some(folder) = &self.folder else {
            return Ok(());
        };
        // Whatever happens, this revision is dealt with: a failure is reported once and the
        // next edit (or the next minute) tries again.
        self.written_revision = revision;
        self.dirty_since = None;
        let slot = match self.slot.take() {
            Some(slot) => slot,
            None => Slot::claim(folder, &base_key(original))
                .with_context(|| format!("cannot keep a recovery copy in {}", folder.display()))?,
        };
        let file = slot.file();
        self.slot = Some(slot);
        let header = Header {
            original: original.map(Path::to_owned),
            saved_at: now,
            edits_since_save: self.edits_since_save(revision),
            base,
        };
        let handle = std::thread::Builder::new()
            .name("basira-autosave".into())
            .spawn(move || write(&file, &header, &workspace))
            .context("cannot start the autosave thread")?;
        self.in_flight = Some(handle);
        Ok(())
    }

    /// The result of the write in flight, if it has finished.
    pub fn poll(&mut self) -> Option<anyhow::Result<()>> {
        if self.in_flight.as_ref().is_some_and(JoinHandle::is_finished) {
            self.wait()
        } else {
            None
        }
    }

    /// Waits for the write in flight, if any, and returns its result.
    pub fn wait(&mut self) -> Option<anyhow::Result<()>> {
        let handle = self.in_flight.take()?;
        Some(
            handle
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("the autosave thread failed"))),
        )
    }

    /// The workspace was saved at `revision`: deletes the copy (after any write in flight)
    /// and starts counting again.
    ///
    /// # Errors
    /// When the copy cannot be deleted.
    pub fn saved(&mut self, revision: u64) -> anyhow::Result<()> {
        let result = self.release();
        self.saved_revision = revision;
        self.written_revision = revision;
        self.carried_edits = 0;
        result
    }

    /// Deletes the copy and its lock (after any write in flight): the session ended cleanly
    /// or its unsaved work was discarded.
    ///
    /// # Errors
    /// When the copy cannot be deleted.
    pub fn release(&mut self) -> anyhow::Result<()> {
        // A failed last write does not matter: the copy is going.
        let _ = self.wait();
        self.dirty_since = None;
        match self.slot.take() {
            Some(slot) => {
                let file = slot.file();
                slot.remove()
                    .with_context(|| format!("cannot delete the recovery file {}", file.display()))
            }
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Brief, BriefId, BriefMeta};

    fn workspace(title: &str) -> Workspace {
        Workspace {
            title: title.into(),
            briefs: vec![Brief {
                id: BriefId::new(),
                meta: BriefMeta::default(),
                text: "النفوذ الإيراني في العراق".into(),
                source: None,
                headings: Vec::new(),
                dismissed_proposals: Vec::new(),
            }],
            ..Workspace::default()
        }
    }

    fn noon() -> DateTime<Utc> {
        DateTime::from_timestamp(1_758_801_600, 0).expect("a time")
    }

    fn header(original: Option<&str>) -> Header {
        Header {
            original: original.map(PathBuf::from),
            saved_at: noon(),
            edits_since_save: 7,
            base: None,
        }
    }

    #[test]
    fn a_copy_is_a_normal_workspace_file_with_its_header() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("copy.ron");
        // A path with a newline must not break the one-line header.
        let header = header(Some("/home/analyst/odd\nname.ron"));
        let original = workspace("Iraq");
        write(&file, &header, &original).expect("write");
        let (read_header, ws) = read(&file).expect("read");
        assert_eq!(read_header, header);
        assert_eq!(ws, original);
        assert_eq!(
            crate::io::load(&file).expect("io::load reads it too").title,
            "Iraq"
        );
    }

    #[test]
    fn keys_follow_the_path_and_untitled_work_gets_a_fresh_one() {
        let a = base_key(Some(Path::new("/tmp/analysis one.ron")));
        assert_eq!(a, base_key(Some(Path::new("/tmp/analysis one.ron"))));
        assert!(a.starts_with("analysis_one-"), "{a}");
        assert_ne!(a, base_key(Some(Path::new("/elsewhere/analysis one.ron"))));
        let untitled = base_key(None);
        assert!(untitled.starts_with("untitled-"), "{untitled}");
        assert_ne!(untitled, base_key(None));
    }

    #[test]
    fn a_held_slot_is_not_offered_and_a_dropped_one_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let slot = Slot::claim(dir.path(), "ws-1").expect("claim");
        write(
            &slot.file(),
            &header(Some("/tmp/ws.ron")),
            &workspace("Held"),
        )
        .expect("write");
        let (found, problems) = scan(dir.path());
        assert!(found.is_empty(), "a running session's copy is not offered");
        assert!(problems.is_empty(), "{problems:?}");

        // The session dies without cleaning up: its lock goes with it.
        drop(slot);
        let (found, problems) = scan(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].workspace.title, "Held");
        let offer = found[0].offer(1, 1);
        assert_eq!((offer.briefs, offer.passages), (1, 0));
        assert_eq!(offer.edits_since_save, 7);

        // While offered, the copy is held: a new session picks another name.
        let other = Slot::claim(dir.path(), "ws-1").expect("claim");
        assert_ne!(other.file(), found[0].slot.file());
        other.remove().expect("remove");

        let found = found.into_iter().next().expect("one");
        let file = found.slot.file();
        found.slot.remove().expect("discard");
        assert!(!file.exists());
        assert_eq!(
            fs::read_dir(dir.path()).expect("list").count(),
            0,
            "nothing left behind"
        );
    }

    #[test]
    fn an_unreadable_copy_is_reported_and_left_in_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("broken.ron");
        fs::write(&file, "not a recovery file").expect("write");
        let (found, problems) = scan(dir.path());
        assert!(found.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("broken.ron"), "{problems:?}");
        assert!(file.exists(), "never deleted without asking");
    }

    #[test]
    fn copies_are_written_after_a_minute_of_unsaved_work_or_twenty_edits() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut autosave = Autosave::new(Some(dir.path().to_owned()), 0);
        let t0 = noon();
        autosave.observe(0, false, t0);
        assert_eq!(autosave.next(0, false, t0), Next::Idle);
        autosave.observe(1, true, t0);
        assert_eq!(
            autosave.next(1, true, t0),
            Next::After(std::time::Duration::from_secs(60))
        );
        let later = t0 + TimeDelta::seconds(45);
        autosave.observe(2, true, later);
        assert_eq!(
            autosave.next(2, true, later),
            Next::After(std::time::Duration::from_secs(15)),
            "the clock runs from the first unsaved edit"
        );
        assert_eq!(
            autosave.next(3, true, t0 + TimeDelta::seconds(60)),
            Next::Write
        );
        assert_eq!(
            autosave.next(19, true, t0),
            Next::After(std::time::Duration::from_secs(60))
        );
        assert_eq!(
            autosave.next(20, true, t0),
            Next::Write,
            "or after 20 edits"
        );

        autosave
            .start_write(
                3,
                workspace("Iraq"),
                Some(Path::new("/tmp/ws.ron")),
                None,
                t0,
            )
            .expect("start");
        assert!(matches!(autosave.wait(), Some(Ok(()))));
        let file = autosave.file().expect("a slot");
        let (header, ws) = read(&file).expect("read");
        assert_eq!(ws.title, "Iraq");
        assert_eq!(header.edits_since_save, 3);
        assert_eq!(header.original.as_deref(), Some(Path::new("/tmp/ws.ron")));
        assert_eq!(
            autosave.next(3, true, t0 + TimeDelta::hours(1)),
            Next::Idle,
            "written"
        );

        autosave.saved(3).expect("saved");
        assert!(!file.exists(), "a real save removes the copy");
        assert_eq!(autosave.edits_since_save(5), 2);
    }

    #[test]
    fn without_a_data_folder_nothing_is_written() {
        let mut autosave = Autosave::new(None, 0);
        autosave.observe(50, true, noon());
        assert_eq!(autosave.next(50, true, noon()), Next::Idle);
    }

    #[test]
    fn a_restored_copy_keeps_counting_its_edits() {
        let dir = tempfile::tempdir().expect("temp dir");
        let slot = Slot::claim(dir.path(), "ws").expect("claim");
        let mut autosave = Autosave::resumed(Some(dir.path().to_owned()), slot, 12, 0);
        assert_eq!(autosave.edits_since_save(3), 15);
        assert_eq!(
            autosave.next(0, true, noon()),
            Next::Idle,
            "already on disk"
        );
        autosave.release().expect("release");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 0);
    }
}
