//! Excerpt export and reports from the app: File → Export excerpts… and File → Export
//! report… (the dialog, then where to write, then a thread that writes; its outcome comes back
//! as [`AppEvent::ExportFinished`]) and Edit → Copy excerpts (the passages list's rows on the
//! clipboard as Markdown). Excerpts render through [`crate::export::render_in`], as `basira
//! export` does; reports through [`crate::report::render_built`], as `basira report` does.

use std::path::PathBuf;

use super::Model;
#[allow(unused_imports)] // named by the module's documentation
use crate::app::event::AppEvent;
use crate::app::export_jobs::{ExportJob, ExportOutcome};
use crate::app::ports::DialogAnswer;
use crate::app::state::{ExportDraft, ExportFormat, Modal, PromptPurpose};
use crate::export::{self, Format};
use crate::i18n::Digits;
use crate::report::ReportFormat;
use crate::tr;

impl Model {
    /// Opens the export dialog with the passages list's filter and the last format used.
    pub(super) fn open_export(&mut self) {
        self.state.modal = Some(Modal::Export(ExportDraft {
            format: ExportFormat::Excerpts(self.state.export_format.unwrap_or(Format::Csv)),
            filter: self.state.filter,
        }));
    }

    /// Opens the report dialog with the passages list's filter and the last format used.
    pub(super) fn open_report(&mut self) {
        self.state.modal = Some(Modal::Export(ExportDraft {
            format: ExportFormat::Report(self.state.report_format.unwrap_or(ReportFormat::Html)),
            filter: self.state.filter,
        }));
    }

    pub(super) fn set_export_draft(&mut self, draft: ExportDraft) {
        if let Some(Modal::Export(open)) = &mut self.state.modal {
            *open = draft;
        }
    }

    /// The dialog's Export…: asks where to write, then writes in the background.
    pub(super) fn submit_export(&mut self) {
        let Some(Modal::Export(draft)) = self.state.modal.take() else {
            return;
        };
        let suggested = self.suggested_export_path(draft.format);
        let answer = match draft.format {
            ExportFormat::Excerpts(format) => {
                self.state.export_format = Some(format);
                self.ports.dialogs.save_export(&suggested, format)
            }
            ExportFormat::Report(format) => {
                self.state.report_format = Some(format);
                self.ports.dialogs.save_report(&suggested, format)
            }
        };
        match answer {
            DialogAnswer::Picked(path) => self.export_to(path, draft),
            DialogAnswer::Cancelled => self.state.modal = Some(Modal::Export(draft)),
            DialogAnswer::Unavailable => {
                self.state.modal = Some(Modal::PathPrompt {
                    purpose: PromptPurpose::Export(draft),
                    text: suggested.display().to_string(),
                });
            }
        }
    }

    /// Where the export is proposed: beside the workspace file (else in the documents
    /// folder), named after the workspace, with the format's extension.
    fn suggested_export_path(&self, format: ExportFormat) -> PathBuf {
        let (dir, stem) = match &self.session.path {
            Some(path) => (
                path.parent().map_or_else(
                    || self.ports.documents_dir.clone(),
                    std::path::Path::to_owned,
                ),
                path.file_stem()
                    .map_or_else(|| "workspace".into(), |s| s.to_string_lossy().into_owned()),
            ),
            None => (self.ports.documents_dir.clone(), "workspace".to_owned()),
        };
        let what = if format.is_report() {
            "report"
        } else {
            "excerpts"
        };
        dir.join(format!("{stem}-{what}.{}", format.extension()))
    }

    /// Starts writing the excerpts or the report `draft` chooses to `path`, off the UI thread;
    /// a report in the interface's language, dated by the app's clock.
    pub(super) fn export_to(&mut self, path: PathBuf, draft: ExportDraft) {
        let path = if path.extension().is_none() {
            path.with_extension(draft.format.extension())
        } else {
            path
        };
        self.exports.start(ExportJob {
            workspace: self.session.workspace().clone(),
            filter: draft.filter,
            format: draft.format,
            language: self.state.locale.language,
            written: crate::report::written_on(self.ports.clock.now()),
            path: path.clone(),
            workspace_file: self.session.path.clone(),
        });
        let loc = self.state.locale;
        let file = path.display().to_string();
        self.state.status = if draft.format.is_report() {
            tr!(loc, "status-writing-report", file = &file)
        } else {
            tr!(loc, "status-exporting", file = &file)
        };
    }

    /// A notice naming the file written, or why it was not.
    pub(super) fn finish_export(&mut self, outcome: ExportOutcome) {
        let loc = self.state.locale;
        let file = outcome.path.display().to_string();
        let report = outcome.format.is_report();
        self.state.status.clear();
        match outcome.error {
            None if report => self.state.info(tr!(
                loc,
                "notice-report-written",
                count = outcome.count,
                file = &file
            )),
            None => self.state.info(tr!(
                loc,
                "notice-exported",
                count = outcome.count,
                file = &file
            )),
            Some(error) if report => {
                self.state
                    .error(tr!(loc, "error-report-failed", error = error))
            }
            Some(error) => self
                .state
                .error(tr!(loc, "error-export-failed", error = error)),
        }
    }

    /// Edit → Copy excerpts: the passages the list shows, as the Markdown export writes them (its
    /// headings in the interface's language).
    pub(super) fn copy_excerpts(&mut self) {
        let ws = self.session.workspace();
        let filter = self.state.filter;
        let count = export::excerpts(ws, &filter).len();
        let locale = crate::i18n::Locale::new(self.state.locale.language, Digits::Western);
        let bytes = export::render_in(ws, &filter, Format::Md, locale);
        let markdown = String::from_utf8_lossy(&bytes).into_owned();
        self.ctx.copy_text(markdown);
        self.state.status = tr!(self.state.locale, "status-copied-excerpts", count = count);
    }
}
