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
pub enum WorkspaceDone {
    Opened {
        path: PathBuf,
        result: Result<(Workspace, FileStamp), LoadError>,
    },
    Saved {
        path: PathBuf,
        /// The document revision that was written.
        revision: u64,
        /// What to carry on with once it is saved.
        then: Option<Pending>,
        result: Result<FileStamp, SaveError>,
    },
    /// The thread ended without a result (it panicked); nothing was opened, and a save left
    /// the file as it was (saves write a temporary file and rename it).
    Crashed,
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

    /// Starts reading and checking the workspace at `path`.
    ///
    /// # Errors
    /// When the thread cannot start (the error names the file).
    pub fn open(&mut self, path: PathBuf) -> Result<(), LoadError> {
        let thread_path = path.clone();
        self.spawn(move || WorkspaceDone::Opened {
            result: crate::io::load_stamped(&thread_path),
            path: thread_path,
        })
        .map_err(|error| LoadError::Read { path, error })
    }

    /// Starts writing `workspace` (the document at `revision`) to `path`.
    ///
    /// # Errors
    /// When the thread cannot start (the error names the file).
    pub fn save(
        &mut self,
        path: PathBuf,
        workspace: Workspace,
        revision: u64,
        then: Option<Pending>,
    ) -> Result<(), SaveError> {
        let thread_path = path.clone();
        self.spawn(move || WorkspaceDone::Saved {
            result: crate::io::save_stamped(&thread_path, &workspace),
            path: thread_path,
            revision,
            then,
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
        jobs.save(path.clone(), workspace.clone(), 7, Some(Pending::Quit))
            .expect("thread");
        assert!(jobs.is_busy());
        match jobs.wait() {
            Some(WorkspaceDone::Saved {
                revision: 7,
                then: Some(Pending::Quit),
                result: Ok(_),
                ..
            }) => {}
            other => panic!("{other:?}"),
        }
        assert!(!jobs.is_busy());
        jobs.open(path.clone()).expect("thread");
        match jobs.wait() {
            Some(WorkspaceDone::Opened {
                result: Ok((opened, _)),
                ..
            }) => assert_eq!(opened, workspace),
            other => panic!("{other:?}"),
        }
        jobs.open(dir.path().join("missing.ron")).expect("thread");
        match jobs.wait() {
            Some(WorkspaceDone::Opened {
                result: Err(err), ..
            }) => {
                assert!(err.to_string().contains("missing.ron"), "{err}");
            }
            other => panic!("{other:?}"),
        }
    }
}
