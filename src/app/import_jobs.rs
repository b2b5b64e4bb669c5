//! Imports that run off the UI thread, with their progress. Plain Rust, no egui.
//!
//! A batch is the files of one import (picked together or dropped together): each file is read
//! and converted on a thread of its own, and the batch is handed back whole, in the order the
//! files were given, once every file is done, so that it becomes one undo step.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::{DateTime, Utc};

use crate::io::{ImportError, ImportedBrief, import_brief_at};
use crate::model::BriefId;

/// What the imported files are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportPurpose {
    /// New briefs in the workspace.
    NewBriefs,
    /// A newer version of this brief's text.
    NewVersionOf(BriefId),
}

/// One file's result.
pub type FileResult = Result<ImportedBrief, ImportError>;

/// A batch whose files are all done.
#[derive(Debug)]
pub struct FinishedBatch {
    pub purpose: ImportPurpose,
    pub results: Vec<FileResult>,
}

struct FileJob {
    path: PathBuf,
    /// The fraction done, as `f32` bits.
    progress: Arc<AtomicU32>,
    receiver: Receiver<FileResult>,
    result: Option<FileResult>,
}

struct Batch {
    purpose: ImportPurpose,
    files: Vec<FileJob>,
}

/// The imports under way.
#[derive(Default)]
pub struct ImportJobs {
    batches: Vec<Batch>,
}

impl ImportJobs {
    /// Starts importing `paths` as one batch; `now` is the import time recorded in each brief.
    pub fn start(&mut self, paths: Vec<PathBuf>, purpose: ImportPurpose, now: DateTime<Utc>) {
        let files = paths.into_iter().map(|path| spawn(path, now)).collect();
        self.batches.push(Batch { purpose, files });
    }

    /// Whether any import is under way.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        !self.batches.is_empty()
    }

    /// Each file still being imported, with the fraction done (0..=1).
    pub fn in_progress(&self) -> impl Iterator<Item = (&Path, f32)> {
        self.batches
            .iter()
            .flat_map(|b| &b.files)
            .filter(|f| f.result.is_none())
            .map(|f| {
                let fraction = f32::from_bits(f.progress.load(Ordering::Relaxed));
                (f.path.as_path(), fraction.clamp(0.0, 1.0))
            })
    }

    /// Collects what the threads finished; returns the batches that are now complete, oldest
    /// first.
    pub fn poll(&mut self) -> Vec<FinishedBatch> {
        for file in self.batches.iter_mut().flat_map(|b| &mut b.files) {
            if file.result.is_some() {
                continue;
            }
            match file.receiver.try_recv() {
                Ok(result) => file.result = Some(result),
                Err(TryRecvError::Empty) => {}
                // The thread ended without a word: it panicked.
                Err(TryRecvError::Disconnected) => {
                    file.result = Some(Err(ImportError::Crashed {
                        path: file.path.clone(),
                    }));
                }
            }
        }
        let (done, running): (Vec<Batch>, Vec<Batch>) = std::mem::take(&mut self.batches)
            .into_iter()
            .partition(|b| b.files.iter().all(|f| f.result.is_some()));
        self.batches = running;
        done.into_iter()
            .map(|b| FinishedBatch {
                purpose: b.purpose,
                results: b.files.into_iter().filter_map(|f| f.result).collect(),
            })
            .collect()
    }
}

fn spawn(path: PathBuf, now: DateTime<Utc>) -> FileJob {
    let progress = Arc::new(AtomicU32::new(0f32.to_bits()));
    let (sender, receiver) = mpsc::channel();
    let (thread_path, thread_progress) = (path.clone(), Arc::clone(&progress));
    let spawned = std::thread::Builder::new()
        .name("basira-import".into())
        .spawn(move || {
            let mut report = |fraction: f32| {
                thread_progress.store(fraction.to_bits(), Ordering::Relaxed);
            };
            let result = import_brief_at(&thread_path, now, &mut report);
            // The app may have gone; nobody is left to tell.
            let _ = sender.send(result);
        });
    let result = match spawned {
        Ok(_) => None,
        Err(error) => Some(Err(ImportError::Read {
            path: path.clone(),
            error,
        })),
    };
    FileJob {
        path,
        progress,
        receiver,
        result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(jobs: &mut ImportJobs) -> Vec<FinishedBatch> {
        for _ in 0..500 {
            let done = jobs.poll();
            if !done.is_empty() {
                return done;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the import did not finish");
    }

    #[test]
    fn a_batch_comes_back_whole_in_the_order_given_with_errors_in_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a.txt");
        let b = dir.path().join("missing.txt");
        let c = dir.path().join("c.md");
        crate::io::write_atomically(&a, "أ".as_bytes()).expect("write");
        crate::io::write_atomically(&c, b"# C").expect("write");
        let mut jobs = ImportJobs::default();
        jobs.start(
            vec![a, b, c],
            ImportPurpose::NewBriefs,
            DateTime::UNIX_EPOCH,
        );
        assert!(jobs.is_busy());
        let done = wait(&mut jobs);
        assert!(!jobs.is_busy());
        assert_eq!(done.len(), 1);
        let results = &done[0].results;
        assert_eq!(results.len(), 3);
        assert_eq!(
            results[0].as_ref().map(|r| r.brief.text.as_str()).ok(),
            Some("أ")
        );
        assert!(
            results[1]
                .as_ref()
                .is_err_and(|e| e.to_string().contains("missing.txt"))
        );
        assert_eq!(
            results[2]
                .as_ref()
                .map(|r| r.brief.meta.title.as_str())
                .ok(),
            Some("C")
        );
    }
}
