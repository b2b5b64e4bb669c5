//! Large workspaces opened and saved off the UI thread. Plain Rust, no egui.
//!
//! Reading and checking a workspace of tens of megabytes, or writing one, takes long enough to
//! freeze the window; past [`crate::app::Ports::background_bytes`] it runs on a thread of its
//! own, like an import, and its result comes back as an [`WorkspaceDone`] event. One such job
//! runs at a time; while it does, the app shows what it is doing in a dialog that blocks
//! editing, so the work saved or replaced cannot change underneath it.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::state::Pending;
use crate::io::{FileStamp, LoadError, SaveError};
use crate::model::Workspace;

/// A finished job.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "one message per opened workspace, moved once from the thread to the model"
)]
pub enum WorkspaceDone {
    Opened {
        path: PathBuf,
        /// Whether it is the open workspace read again (Reload after a change on disk).
        reload: bool,
        /// Boxed: a workspace is large beside the other results.
        result: Box<Result<(Workspace, FileStamp), LoadError>>,
    },
    Saved {
        path: PathBuf,
        /// The document revision that was written.
        revision: u64,
        /// The document content that was written ([`crate::edit::Document::content`]).
        content: u64,
        /// What to carry on with once it is saved.
        then: Option<Pending>,
        result: SaveResult,
    },
    /// The thread ended without a result (it panicked); nothing was opened, and a save left
    /// the file as it was (saves write a temporary file and rename it).
    Crashed,
}

/// How a save on a thread ended.
#[derive(Debug)]
pub enum SaveResult {
    /// Written; the stamp of what is on disk now.
    Written(FileStamp),
    /// The file was changed by someone else since it was read or written: nothing was written.
    ChangedOnDisk,
    Failed(SaveError),
}

/// A workspace to write on a thread.
pub struct SaveJob {
    pub path: PathBuf,
    pub workspace: Workspace,
    /// The document revision `workspace` is.
    pub revision: u64,
    /// The document content `workspace` is ([`crate::edit::Document::content`]).
    pub content: u64,
    /// What to carry on with once it is saved.
    pub then: Option<Pending>,
    /// When set, the file must still be as this stamp says (compared byte for byte), or
    /// nothing is written.
    pub check: Option<FileStamp>,
}

/// The workspace job under way, if any.
#[derive(Default)]
pub struct WorkspaceJobs {
    running: Option<Receiver<WorkspaceDone>>,
}

impl WorkspaceJobs {
    /// Whether a workspace is being opened or saved.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// Starts reading and checking the workspace at `path` (the open one again when `reload`).
    ///
    /// # Errors
    /// When the thread cannot start (the error names the file).
    pub fn open(&mut self, path: PathBuf, reload: bool) -> Result<(), LoadError> {
        let thread_path = path.clone();
        self.spawn(move || WorkspaceDone::Opened {
            result: Box::new(crate::io::load_stamped(&thread_path)),
            path: thread_path,
            reload,
        })
        .map_err(|error| LoadError::Read { path, error })
    }

    /// Starts writing a workspace.
    ///
    /// # Errors
    /// When the thread cannot start (the error names the file).
    pub fn save(&mut self, job: SaveJob) -> Result<(), SaveError> {
        let path = job.path.clone();
        self.spawn(move || {
            let SaveJob {
                path,
                workspace,
                revision,
                content,
                then,
                check,
            } = job;
            // The file is compared with `check` under the workspace's lock, so that another
            // writer's save just before this one is not overwritten.
            let expected = check.map_or(crate::io::OnDisk::Anything, crate::io::OnDisk::Stamp);
            let result = match crate::io::save_expecting(&path, &workspace, expected) {
                Ok(stamp) => SaveResult::Written(stamp),
                Err(err) if err.is_changed_on_disk() => SaveResult::ChangedOnDisk,
                Err(err) => SaveResult::Failed(err),
            };
            WorkspaceDone::Saved {
                path,
                revision,
                content,
                then,
                result,
            }
        })
        .map_err(|error| SaveError { path, error })
    }

    fn spawn(
        &mut self,
        job: impl FnOnce() -> WorkspaceDone + Send + 'static,
    ) -> std::io::Result<()> {
        let (sender, receiver) = mpsc::channel();
        std::thread::Builder::new()
            .name("basira-workspace".into())
            .spawn(move || {
                // The app may have gone; nobody is left to tell.
                let _ = sender.send(job());
            })?;
        self.running = Some(receiver);
        Ok(())
    }

    /// The job's result, once it is done.
    pub fn poll(&mut self) -> Option<WorkspaceDone> {
        let receiver = self.running.as_ref()?;
        let done = match receiver.try_recv() {
            Ok(done) => done,
            Err(TryRecvError::Empty) => return None,
            // The thread ended without a word: it panicked. Nothing was changed in the app;
            // the file is as the atomic save or the read left it.
            Err(TryRecvError::Disconnected) => {
                self.running = None;
                return Some(WorkspaceDone::Crashed);
            }
        };
        self.running = None;
        Some(done)
    }

    /// Waits for the job under way, if any (tests).
    #[cfg(test)]
    pub fn wait(&mut self) -> Option<WorkspaceDone> {
        let receiver = self.running.take()?;
        Some(receiver.recv().unwrap_or(WorkspaceDone::Crashed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workspace_saved_and_opened_on_threads_comes_back_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.ron");
        let workspace = Workspace {
            title: "كبير".into(),
            ..Workspace::default()
        };
        let mut jobs = WorkspaceJobs::default();
        jobs.save(SaveJob {
            path: path.clone(),
            workspace: workspace.clone(),
            revision: 7,
            content: 7,
            then: Some(Pending::Quit),
            check: None,
        })
        .expect("thread");
        assert!(jobs.is_busy());
        match jobs.wait() {
            Some(WorkspaceDone::Saved {
                revision: 7,
                then: Some(Pending::Quit),
                result: SaveResult::Written(_),
                ..
            }) => {}
            other => panic!("{other:?}"),
        }
        assert!(!jobs.is_busy());
        jobs.open(path.clone(), false).expect("thread");
        match jobs.wait() {
            Some(WorkspaceDone::Opened { result, .. }) => match *result {
                Ok((opened, _)) => assert_eq!(opened, workspace),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
        jobs.open(dir.path().join("missing.ron"), true)
            .expect("thread");
        match jobs.wait() {
            Some(WorkspaceDone::Opened { result, .. }) => match *result {
                Err(err) => assert!(err.to_string().contains("missing.ron"), "{err}"),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
    }
}
