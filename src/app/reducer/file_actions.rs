//! New, Open, Save, Save As and Import: the command handler's file work, with the
//! unsaved-changes guard and the in-app path prompt used when native dialogs are unavailable.

use std::path::{Path, PathBuf};

use super::Model;
use crate::app::error_text;
use crate::app::import_jobs::{FinishedBatch, ImportPurpose};
use crate::app::ports::DialogAnswer;
use crate::app::state::{
    GuardChoice, Modal, Pending, PromptPurpose, RightTab, SAMPLE_SUFFIX, Session, UiState,
    file_name,
};
use crate::app::workspace_jobs::{SaveJob, SaveResult, WorkspaceDone};
use crate::edit::Edit;
use crate::io::last_used;
use crate::model::{Brief, BriefId, Workspace};
use crate::tr;

/// How a save attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SaveOutcome {
    Saved,
    Failed,
    Cancelled,
    /// The in-app path prompt is asking where to save.
    Prompting,
    /// The file changed on disk: the "changed on disk" dialog asks what to do.
    Conflict,
    /// A large workspace is being written on a thread; what was pending goes on once it is.
    Started,
}

/// A size in megabytes for people, to one decimal: `54.2`.
#[allow(clippy::cast_precision_loss)] // sizes are far below 2^52 bytes
fn megabytes(bytes: u64) -> f64 {
    (bytes as f64 / 100_000.0).round() / 10.0
}

impl Model {
    /// Runs `pending` now, or first asks "Save changes?" when there are unsaved changes.
    pub(super) fn guarded(&mut self, pending: Pending) {
        if self.workspace_jobs.is_busy() {
            self.state.status = tr!(self.state.locale, "status-wait-for-workspace");
            return;
        }
        if self.session.doc.is_dirty() {
            self.state.modal = Some(Modal::UnsavedChanges(pending));
        } else {
            self.proceed(pending);
        }
    }

    pub(super) fn guard_answer(&mut self, choice: GuardChoice) {
        let Some(Modal::UnsavedChanges(pending)) = self.state.modal.take() else {
            return;
        };
        match choice {
            GuardChoice::Save => {
                if self.save(false, Some(pending.clone())) == SaveOutcome::Saved {
                    self.proceed(pending);
                }
            }
            GuardChoice::Discard => self.proceed(pending),
            GuardChoice::Cancel => {}
        }
    }

    pub(super) fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::New => {
                self.replace_session(Session::untitled(Workspace::default()));
                self.state.status = tr!(self.state.locale, "status-started-new");
            }
            Pending::Open => match self.ports.dialogs.open_workspace() {
                DialogAnswer::Picked(path) => self.open_path(&path),
                DialogAnswer::Cancelled => {}
                DialogAnswer::Unavailable => self.prompt(PromptPurpose::OpenWorkspace),
            },
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::Quit => {
                self.state.allow_close = true;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn prompt(&mut self, purpose: PromptPurpose) {
        let text = match &purpose {
            PromptPurpose::SaveWorkspace { .. } => self.suggested_path().display().to_string(),
            _ => String::new(),
        };
        self.state.modal = Some(Modal::PathPrompt { purpose, text });
    }

    pub(super) fn submit_prompt(&mut self) {
        let Some(Modal::PathPrompt { purpose, text }) = self.state.modal.take() else {
            return;
        };
        let Some(path) = expand_path(&text) else {
            self.state.modal = Some(Modal::PathPrompt { purpose, text });
            return;
        };
        match purpose {
            PromptPurpose::OpenWorkspace => self.open_path(&path),
            PromptPurpose::SaveWorkspace { then } => {
                if self.save_to(with_ron_extension(path), then.clone()) == SaveOutcome::Saved
                    && let Some(pending) = then
                {
                    self.proceed(pending);
                }
            }
            PromptPurpose::ImportBriefs => self.import_paths(vec![path]),
            PromptPurpose::NewVersionOf(id) => self.import_new_version(id, path),
            PromptPurpose::Export(draft) => self.export_to(path, draft),
        }
    }

    /// Opens the workspace at `path`: here, or on a thread of its own when it is large.
    pub(super) fn open_path(&mut self, path: &Path) {
        if self.open_in_background(path, false) {
            return;
        }
        self.opened(path, crate::io::load_stamped(path));
    }

    /// Starts reading the workspace at `path` on a thread when it is large (a reload of the
    /// open one when `reload`); whether it did.
    pub(super) fn open_in_background(&mut self, path: &Path, reload: bool) -> bool {
        let size = crate::io::places::file_size(path).unwrap_or(0);
        if size < self.ports.background_bytes {
            return false;
        }
        match self.workspace_jobs.open(path.to_owned(), reload) {
            Ok(()) => {
                self.state.modal = Some(Modal::Working(tr!(
                    self.state.locale,
                    "working-opening",
                    file = file_name(path),
                    megabytes = crate::i18n::Arg::Number(megabytes(size))
                )));
            }
            Err(err) => self
                .state
                .error(error_text::load_error(self.state.locale, &err)),
        }
        true
    }

    /// A workspace was read (or could not be).
    fn opened(
        &mut self,
        path: &Path,
        result: Result<(Workspace, crate::io::FileStamp), crate::io::LoadError>,
    ) {
        match result {
            Ok((ws, stamp)) => {
                self.replace_session(Session::opened(ws, path.to_owned(), stamp));
                self.remember(path);
                self.state.status = tr!(
                    self.state.locale,
                    "status-opened",
                    file = path.display().to_string()
                );
            }
            Err(err) => self
                .state
                .error(error_text::load_error(self.state.locale, &err)),
        }
    }

    /// A workspace opened or saved on a thread is done.
    pub(super) fn workspace_done(&mut self, done: WorkspaceDone) {
        if matches!(self.state.modal, Some(Modal::Working(_))) {
            self.state.modal = None;
        }
        match done {
            WorkspaceDone::Opened {
                path,
                reload: false,
                result,
            } => self.opened(&path, *result),
            WorkspaceDone::Opened {
                path,
                reload: true,
                result,
            } => self.reloaded(&path, *result),
            WorkspaceDone::Saved {
                then,
                result: SaveResult::ChangedOnDisk,
                ..
            } => self.state.modal = Some(Modal::ChangedOnDisk { then }),
            WorkspaceDone::Saved {
                path,
                revision,
                content,
                then,
                result,
            } => {
                let result = match result {
                    SaveResult::Written(stamp) => Ok(stamp),
                    SaveResult::Failed(err) => Err(err),
                    SaveResult::ChangedOnDisk => return,
                };
                if self.saved(path, (revision, content), result) == SaveOutcome::Saved
                    && let Some(pending) = then
                {
                    self.proceed(pending);
                }
            }
            WorkspaceDone::Crashed => {
                let message = tr!(self.state.locale, "error-workspace-thread");
                self.state.error(message);
            }
        }
    }

    /// Puts `session` in place of the open one, whose recovery copy goes: it was saved, or its
    /// unsaved changes were discarded.
    pub(super) fn replace_session(&mut self, session: Session) {
        self.end_autosave();
        self.autosave =
            crate::io::recovery::Autosave::new(self.recovery_folder(), session.doc.revision());
        self.session = session;
        self.generation += 1;
        let notices = std::mem::take(&mut self.state.notices);
        self.state = UiState {
            notices,
            reader_zoom: self.state.reader_zoom,
            locale: self.state.locale,
            text_scale: self.state.text_scale,
            layout: self.state.layout,
            ..UiState::for_workspace(self.session.workspace())
        };
    }

    /// Where Save As proposes to save: the current file, else a file in the user's documents
    /// (never a relative path, which would land wherever the app was started).
    fn suggested_path(&self) -> PathBuf {
        if let Some(path) = &self.session.path {
            return path.clone();
        }
        let name = self
            .session
            .name
            .strip_suffix(SAMPLE_SUFFIX)
            .unwrap_or("untitled.ron");
        self.ports.documents_dir.join(name)
    }

    /// Saves to the workspace's file, or asks where (always when `choose` is set).
    /// `then` is what to carry on with if the in-app prompt has to ask.
    pub(super) fn save(&mut self, choose: bool, then: Option<Pending>) -> SaveOutcome {
        let path = match (self.session.path.clone(), choose) {
            (Some(path), false) => {
                if self.is_large() {
                    // The thread looks at the file before writing it (reading it whole).
                    let check = self.session.stamp;
                    return self.save_in_background(path, then, check);
                }
                if self.changed_on_disk_before_save() {
                    self.state.modal = Some(Modal::ChangedOnDisk { then });
                    return SaveOutcome::Conflict;
                }
                // Checked again under the workspace's lock: a command-line import that saved
                // in between is not overwritten either.
                let expected = self
                    .session
                    .stamp
                    .map_or(crate::io::OnDisk::Anything, crate::io::OnDisk::Stamp);
                let written = (self.session.doc.revision(), self.session.doc.content());
                let result = crate::io::save_expecting(&path, self.session.workspace(), expected);
                if result
                    .as_ref()
                    .is_err_and(crate::io::SaveError::is_changed_on_disk)
                {
                    self.state.modal = Some(Modal::ChangedOnDisk { then });
                    return SaveOutcome::Conflict;
                }
                return self.saved(path, written, result);
            }
            _ => match self.ports.dialogs.save_workspace(&self.suggested_path()) {
                DialogAnswer::Picked(path) => with_ron_extension(path),
                DialogAnswer::Cancelled => return SaveOutcome::Cancelled,
                DialogAnswer::Unavailable => {
                    self.prompt(PromptPurpose::SaveWorkspace { then });
                    return SaveOutcome::Prompting;
                }
            },
        };
        self.save_to(path, then)
    }

    /// Writes the workspace to `path`, whatever is there: here, or on a thread of its own when
    /// it is large (then `then` is carried on with once it is saved, and this returns
    /// [`SaveOutcome::Started`]). On failure the work stays in memory, still unsaved (and in
    /// its recovery copy).
    pub(super) fn save_to(&mut self, path: PathBuf, then: Option<Pending>) -> SaveOutcome {
        if self.is_large() {
            return self.save_in_background(path, then, None);
        }
        let written = (self.session.doc.revision(), self.session.doc.content());
        let result = crate::io::save_stamped(&path, self.session.workspace());
        self.saved(path, written, result)
    }

    /// The size of the open workspace's briefs' text, in bytes.
    fn text_size(&self) -> u64 {
        let size: usize = self
            .session
            .workspace()
            .briefs
            .iter()
            .map(|b| b.text.len())
            .sum();
        u64::try_from(size).unwrap_or(u64::MAX)
    }

    /// Whether the open workspace is saved on a thread of its own.
    fn is_large(&self) -> bool {
        self.text_size() >= self.ports.background_bytes
    }

    /// Starts writing the workspace to `path` on a thread; with `check`, the thread first
    /// makes sure the file is still as that stamp says (else nothing is written and the
    /// "changed on disk" dialog asks what to do).
    fn save_in_background(
        &mut self,
        path: PathBuf,
        then: Option<Pending>,
        check: Option<crate::io::FileStamp>,
    ) -> SaveOutcome {
        let what = tr!(
            self.state.locale,
            "working-saving",
            file = file_name(&path),
            megabytes = crate::i18n::Arg::Number(megabytes(self.text_size()))
        );
        let snapshot = self.session.workspace().clone();
        let revision = self.session.doc.revision();
        self.session.doc.end_typing();
        let job = SaveJob {
            path,
            workspace: snapshot,
            revision,
            content: self.session.doc.content(),
            then,
            check,
        };
        match self.workspace_jobs.save(job) {
            Ok(()) => {
                self.state.modal = Some(Modal::Working(what));
                SaveOutcome::Started
            }
            Err(err) => self.save_failed(&err),
        }
    }

    /// The document at `(revision, content)` was written to `path` (or could not be).
    fn saved(
        &mut self,
        path: PathBuf,
        (revision, content): (u64, u64),
        result: Result<crate::io::FileStamp, crate::io::SaveError>,
    ) -> SaveOutcome {
        match result {
            Ok(stamp) => {
                self.session.doc.mark_saved_at(content);
                self.session.name = file_name(&path);
                self.session.stamp = Some(stamp);
                self.state.disk_notice = None;
                self.remember(&path);
                self.state.status = tr!(
                    self.state.locale,
                    "status-saved",
                    file = path.display().to_string()
                );
                self.session.path = Some(path);
                if let Err(err) = self.autosave.saved(revision) {
                    self.state.warning(format!("{err:#}"));
                }
                SaveOutcome::Saved
            }
            Err(err) => self.save_failed(&err),
        }
    }

    fn save_failed(&mut self, err: &crate::io::SaveError) -> SaveOutcome {
        self.state.error(tr!(
            self.state.locale,
            "error-save-failed",
            error = error_text::save_error(self.state.locale, err)
        ));
        SaveOutcome::Failed
    }

    fn remember(&mut self, path: &Path) {
        if let Some(dir) = &self.ports.config_dir
            && let Err(err) = last_used::remember(dir, path)
        {
            self.state.warning(format!("{err:#}"));
        }
    }

    pub(super) fn ask_import(&mut self) {
        match self.ports.dialogs.pick_briefs() {
            DialogAnswer::Picked(paths) => self.import_paths(paths),
            DialogAnswer::Cancelled => {}
            DialogAnswer::Unavailable => self.prompt(PromptPurpose::ImportBriefs),
        }
    }

    /// Starts importing each file as a brief, off the UI thread (see [`Model::poll`]).
    pub(super) fn import_paths(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        let now = self.ports.clock.now();
        self.imports.start(paths, ImportPurpose::NewBriefs, now);
        self.state.status = tr!(self.state.locale, "status-importing");
    }

    /// The briefs of a finished batch go in as one undo step, "import briefs"; each file that
    /// failed gets a notice naming it, and each warning one too.
    pub(super) fn finish_import(&mut self, batch: FinishedBatch) {
        let mut briefs = Vec::new();
        for result in batch.results {
            match result {
                Ok(imported) => {
                    for warning in &imported.warnings {
                        let name = imported
                            .brief
                            .source
                            .as_ref()
                            .map_or_else(String::new, |s| s.file_name.clone());
                        self.state.warning(tr!(
                            self.state.locale,
                            "warning-import",
                            name = name,
                            warning = error_text::import_warning(self.state.locale, warning)
                        ));
                    }
                    briefs.push(imported.brief);
                }
                Err(err) => self
                    .state
                    .error(error_text::import_error(self.state.locale, &err)),
            }
        }
        match batch.purpose {
            ImportPurpose::NewBriefs => self.insert_briefs(briefs),
            ImportPurpose::NewVersionOf(id) => {
                if let Some(brief) = briefs.pop() {
                    self.replace_brief_text(id, brief);
                } else {
                    self.state.status.clear();
                }
            }
        }
    }

    /// Asks for a newer version of the brief's source file and imports it in the background.
    pub(super) fn ask_new_version(&mut self, id: BriefId) {
        match self.ports.dialogs.pick_briefs() {
            DialogAnswer::Picked(mut paths) => {
                if let Some(path) = paths.pop() {
                    self.import_new_version(id, path);
                }
            }
            DialogAnswer::Cancelled => {}
            DialogAnswer::Unavailable => self.prompt(PromptPurpose::NewVersionOf(id)),
        }
    }

    pub(super) fn import_new_version(&mut self, id: BriefId, path: PathBuf) {
        let now = self.ports.clock.now();
        self.imports
            .start(vec![path], ImportPurpose::NewVersionOf(id), now);
        self.state.status = tr!(self.state.locale, "status-importing-version");
    }

    /// A newer version of a brief: its text, source and headings change; every passage is
    /// placed again in the new text (kept, moved or fuzzy-matched) or orphaned, never dropped;
    /// one undo step, and a notice that says how the passages fared.
    fn replace_brief_text(&mut self, id: BriefId, newer: Brief) {
        let ws = self.session.workspace();
        let Some(old) = ws.brief(id) else {
            self.state.error(tr!(self.state.locale, "error-brief-gone"));
            return;
        };
        let title = old.display_title();
        let Some((edit, summary)) = crate::reanchor::new_version(ws, id, newer) else {
            return;
        };
        self.session.doc.end_typing();
        if self.apply(edit) {
            self.select_brief(id);
            let loc = self.state.locale;
            let message = tr!(
                loc,
                "new-version-summary",
                title = title,
                summary = loc.reanchor_summary(&summary)
            );
            if summary.orphaned > 0 {
                self.state
                    .warning(tr!(loc, "new-version-orphans", message = &message));
                self.state.tab = RightTab::Structure;
            }
            self.state.status = message;
        }
    }

    fn insert_briefs(&mut self, briefs: Vec<Brief>) {
        let Some(first) = briefs.first().map(|b| b.id) else {
            self.state.status.clear();
            return;
        };
        let count = briefs.len();
        let base = self.session.workspace().briefs.len();
        let mut edits: Vec<Edit> = briefs
            .into_iter()
            .enumerate()
            .map(|(i, brief)| Edit::InsertBrief {
                index: base + i,
                brief,
            })
            .collect();
        let edit = match edits.pop() {
            Some(only) if edits.is_empty() => only,
            Some(last) => {
                edits.push(last);
                Edit::Batch {
                    label: "import briefs".into(),
                    edits,
                }
            }
            None => return,
        };
        self.session.doc.end_typing();
        if self.apply(edit) {
            self.select_brief(first);
            self.state.status = tr!(self.state.locale, "status-imported", count = count);
        }
    }
}

/// The path typed in the prompt, with `~/` expanded; `None` when nothing was typed.
fn expand_path(text: &str) -> Option<PathBuf> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return Some(PathBuf::from(home).join(rest));
    }
    Some(PathBuf::from(text))
}

/// `path`, with `.ron` added when it has no extension.
fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompt_paths_are_trimmed_and_get_an_extension() {
        assert_eq!(expand_path("  "), None);
        assert_eq!(
            expand_path(" /tmp/a.ron "),
            Some(PathBuf::from("/tmp/a.ron"))
        );
        assert_eq!(
            with_ron_extension(PathBuf::from("/tmp/a")),
            PathBuf::from("/tmp/a.ron")
        );
        assert_eq!(
            with_ron_extension(PathBuf::from("/tmp/a.txt")),
            PathBuf::from("/tmp/a.txt")
        );
    }
}
