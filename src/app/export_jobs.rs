//! Excerpt exports and reports written off the UI thread. Plain Rust, no egui.
//!
//! The app hands a copy of the workspace, the filter, the format and the file to a thread of
//! its own, which renders the excerpts with [`crate::export::render_in`] — the function
//! `basira export` calls, its headings in the interface's language as `--lang` gives them, so
//! the bytes are the same — or the report with [`crate::report::render_built`], as `basira
//! report` does, and writes them through
//! [`crate::io::write_output`], with the checks of the command line's `--out` (never the
//! workspace file itself, a folder, a device or a pipe; through a temporary file and a rename).

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::app::state::ExportFormat;
use crate::export::{self, Filter};
use crate::model::Workspace;
use crate::report::{self, ReportOptions};

/// How an export ended: the file, how many excerpts it holds, and the error if it failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOutcome {
    pub path: PathBuf,
    pub format: ExportFormat,
    pub count: usize,
    /// Why nothing was written (the message names the file); `None` when it was written.
    pub error: Option<String>,
}

/// What one export writes.
pub struct ExportJob {
    pub workspace: Workspace,
    pub filter: Filter,
    pub format: ExportFormat,
    /// The language of the CSV headers and Markdown headings (`basira export --lang`), or of
    /// the report's headings, labels and fixed sentences (`basira report --lang`).
    pub language: crate::i18n::Language,
    /// The date a report shows as written ([`crate::report::written_on`]).
    pub written: String,
    pub path: PathBuf,
    /// The workspace's own file, which an export never overwrites.
    pub workspace_file: Option<PathBuf>,
}

impl ExportJob {
    /// Renders and writes the excerpts or the report (what the thread does).
    #[must_use]
    pub fn run(self) -> ExportOutcome {
        let locale = crate::i18n::Locale::new(self.language, crate::i18n::Digits::Western);
        let (count, rendered) = match self.format {
            ExportFormat::Excerpts(format) => (
                export::excerpts(&self.workspace, &self.filter).len(),
                Ok(export::render_in(
                    &self.workspace,
                    &self.filter,
                    format,
                    locale,
                )),
            ),
            ExportFormat::Report(format) => {
                let options = ReportOptions {
                    filter: self.filter,
                    scope: report::scope_lines(&self.workspace, &self.filter, locale),
                    written: Some(self.written.clone()),
                    locale,
                };
                let built = report::build(&self.workspace, &options);
                (
                    built.excerpt_count,
                    report::render_built(&built, format).map_err(|e| {
                        crate::tr!(
                            locale,
                            "report-error-docx",
                            file = self.path.display().to_string(),
                            error = e.to_string()
                        )
                    }),
                )
            }
        };
        let inputs: Vec<&std::path::Path> =
            self.workspace_file.iter().map(PathBuf::as_path).collect();
        let error = match rendered {
            Ok(bytes) => crate::io::write_output(&self.path, &bytes, &inputs)
                .err()
                .map(|e| super::error_text::output_error(locale, &e)),
            Err(error) => Some(error),
        };
        ExportOutcome {
            path: self.path,
            format: self.format,
            count,
            error,
        }
    }
}

/// The exports under way.
#[derive(Default)]
pub struct ExportJobs {
    running: Vec<Receiver<ExportOutcome>>,
}

impl ExportJobs {
    /// Starts writing `job` on a thread of its own. When no thread can be started, writes it
    /// here and now: the export still happens.
    pub fn start(&mut self, job: ExportJob) {
        let (sender, receiver) = mpsc::channel();
        let (job_sender, job_receiver) = mpsc::channel::<ExportJob>();
        let spawned = std::thread::Builder::new()
            .name("basira-export".into())
            .spawn(move || {
                if let Ok(job) = job_receiver.recv() {
                    let _ = sender.send(job.run());
                }
            });
        match spawned {
            Ok(_) => {
                if let Err(mpsc::SendError(job)) = job_sender.send(job) {
                    self.finished_here(job);
                } else {
                    self.running.push(receiver);
                }
            }
            Err(_) => self.finished_here(job),
        }
    }

    fn finished_here(&mut self, job: ExportJob) {
        let (sender, receiver) = mpsc::channel();
        let _ = sender.send(job.run());
        self.running.push(receiver);
    }

    /// Whether an export is being written.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// The exports finished since the last call.
    pub fn poll(&mut self) -> Vec<ExportOutcome> {
        let mut done = Vec::new();
        self.running.retain(|receiver| match receiver.try_recv() {
            Ok(outcome) => {
                done.push(outcome);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        done
    }
}
