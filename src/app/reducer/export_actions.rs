//! Excerpt export from the app: File → Export excerpts… (the dialog, then where to write, then
//! a thread that writes; its outcome comes back as [`AppEvent::ExportFinished`]) and Edit →
//! Copy excerpts (the passages list's rows on the clipboard as Markdown). Both render through
//! [`crate::export::render`], as `basira export` does.

use std::path::PathBuf;

use super::Model;
#[allow(unused_imports)] // named by the module's documentation
use crate::app::event::AppEvent;
use crate::app::export_jobs::{ExportJob, ExportOutcome};
use crate::app::ports::DialogAnswer;
use crate::app::state::{ExportDraft, Modal, PromptPurpose};
use crate::export::{self, Format};
use crate::i18n::Digits;
use crate::tr;

impl Model {
    /// Opens the export dialog with the passages list's filter and the last format used.
    pub(super) fn open_export(&mut self) {
        self.state.modal = Some(Modal::Export(ExportDraft {
            format: self.state.export_format.unwrap_or(Format::Csv),
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
        self.state.export_format = Some(draft.format);
        let suggested = self.suggested_export_path(draft.format);
        match self.ports.dialogs.save_export(&suggested, draft.format) {
            DialogAnswer::Picked(path) => self.export_to(path, draft),
            DialogAnswer::Cancelled => self.state.modal = Some(Modal::Export(draft)),
            DialogAnswer::Unavailable => {
                self.state.modal = Some(Modal::PathPrompt {
                    purpose: PromptPurpose::ExportExcerpts(draft),
                    text: suggested.display().to_string(),
                });
            }
        }
    }

    /// Where the export is proposed: beside the workspace file (else in the documents
    /// folder), named after the workspace, with the format's extension.
    fn suggested_export_path(&self, format: Format) -> PathBuf {
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
        dir.join(format!("{stem}-excerpts.{}", format.extension()))
    }

    /// Starts writing the excerpts `draft` chooses to `path`, off the UI thread.
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
            path: path.clone(),
            workspace_file: self.session.path.clone(),
        });
        self.state.status = tr!(
            self.state.locale,
            "status-exporting",
            file = path.display().to_string()
        );
    }

    /// A notice naming the file written, or why it was not.
    pub(super) fn finish_export(&mut self, outcome: ExportOutcome) {
        let loc = self.state.locale;
        let file = outcome.path.display().to_string();
        match outcome.error {
            None => {
                self.state.status.clear();
                self.state.info(tr!(
                    loc,
                    "notice-exported",
                    count = outcome.count,
                    file = &file
                ));
            }
            Some(error) => {
                self.state.status.clear();
                self.state
                    .error(tr!(loc, "error-export-failed", error = error));
            }
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
