//! Autosave and recovery in the app: writes recovery copies of unsaved work as
//! [`crate::io::recovery`] decides, offers the copies of sessions that did not end cleanly at
//! start ("Recover unsaved work?"), and deletes copies that are no longer needed — after a
//! save, when unsaved work is discarded, and when Basira closes cleanly.

use std::collections::VecDeque;
use std::path::PathBuf;

use super::Model;
use crate::app::state::{Modal, RecoveryChoice, Session, file_name, local_time};
use crate::edit::Document;
use crate::io::recovery::{self, Autosave, Found, Next};
use crate::tr;

/// How long to wait before looking whether a write in flight has finished.
const REAP_DELAY: std::time::Duration = std::time::Duration::from_millis(200);

/// The recovery copies offered at start, and whether an autosave failure is being shown.
#[derive(Debug, Default)]
pub(super) struct RecoveryOffers {
    /// Copies not answered yet; the first is in the dialog.
    offers: VecDeque<Found>,
    /// How many copies were found at start.
    total: usize,
    /// A failed autosave was reported; further failures are not, until a write succeeds.
    failure_shown: bool,
}

impl Model {
    /// `DATA_DIR/recovery`, when the app has a data folder.
    pub(super) fn recovery_folder(&self) -> Option<PathBuf> {
        self.ports.data_dir.as_deref().map(recovery::folder)
    }

    /// At start: finds the copies left by sessions that did not end cleanly and offers the
    /// first one.
    pub(super) fn offer_recovery(&mut self) {
        let Some(folder) = self.recovery_folder() else {
            return;
        };
        let (found, problems) = recovery::scan(&folder);
        for problem in problems {
            self.state.warning(problem);
        }
        self.recovery_offers.total = found.len();
        self.recovery_offers.offers = found.into();
        self.show_next_offer();
    }

    fn show_next_offer(&mut self) {
        let position = self.recovery_offers.total - self.recovery_offers.offers.len() + 1;
        self.state.modal = self
            .recovery_offers
            .offers
            .front()
            .map(|found| Modal::RecoverWork(found.offer(position, self.recovery_offers.total)));
    }

    pub(super) fn recovery_answer(&mut self, choice: RecoveryChoice) {
        if !matches!(self.state.modal, Some(Modal::RecoverWork(_))) {
            return;
        }
        self.state.modal = None;
        let Some(found) = self.recovery_offers.offers.pop_front() else {
            return;
        };
        match choice {
            RecoveryChoice::Restore => {
                self.restore(found);
                self.keep_other_offers();
            }
            RecoveryChoice::Discard => {
                let file = found.slot.file();
                match found.slot.remove() {
                    Ok(()) => self.state.status = tr!(self.state.locale, "status-discarded-copy"),
                    Err(err) => self.state.error(tr!(
                        self.state.locale,
                        "error-delete-recovery",
                        file = file.display().to_string(),
                        error = err.to_string()
                    )),
                }
                self.show_next_offer();
            }
            RecoveryChoice::Later => {
                drop(found);
                self.keep_other_offers();
                self.state.status = tr!(self.state.locale, "status-copy-kept");
            }
        }
    }

    /// Leaves the copies not answered yet on disk, for the next start.
    fn keep_other_offers(&mut self) {
        let left = self.recovery_offers.offers.len();
        self.recovery_offers.offers.clear();
        if left > 0 {
            self.state
                .warning(tr!(self.state.locale, "warning-more-copies", count = left));
        }
    }

    /// Opens a recovered copy as unsaved work on its original file.
    fn restore(&mut self, found: Found) {
        let Found {
            slot,
            header,
            workspace,
        } = found;
        let mut doc = Document::new(workspace);
        doc.mark_unsaved();
        let name = header
            .original
            .as_deref()
            .map_or_else(|| crate::app::state::UNTITLED.to_owned(), file_name);
        self.replace_session(Session {
            doc,
            path: header.original.clone(),
            name,
            // The version of the file the unsaved work started from: a change made to the
            // file since is noticed before Save overwrites it.
            stamp: header.base,
        });
        self.autosave = Autosave::resumed(
            self.recovery_folder(),
            slot,
            header.edits_since_save,
            self.session.doc.revision(),
        );
        self.disk_watch.check_soon();
        self.state.status = tr!(
            self.state.locale,
            "status-restored",
            time = local_time(self.state.locale, header.saved_at)
        );
    }

    /// Whether a recovery copy is due now (asking for a frame when one will be).
    pub(super) fn autosave_due(&self) -> bool {
        let doc = &self.session.doc;
        match self
            .autosave
            .next(doc.revision(), doc.is_dirty(), self.ports.clock.now())
        {
            Next::Idle => false,
            Next::After(wait) => {
                self.ctx.request_repaint_after(wait);
                false
            }
            Next::Write => true,
        }
    }

    /// Starts writing a recovery copy of the unsaved work.
    pub(super) fn write_recovery_copy(&mut self) {
        let doc = &self.session.doc;
        let started = self.autosave.start_write(
            doc.revision(),
            doc.workspace().clone(),
            self.session.path.as_deref(),
            self.session.stamp,
            self.ports.clock.now(),
        );
        match started {
            Ok(()) => self.ctx.request_repaint_after(REAP_DELAY),
            Err(err) => self.autosave_result(Err(err)),
        }
    }

    pub(super) fn autosave_result(&mut self, result: anyhow::Result<()>) {
        match result {
            Ok(()) => self.recovery_offers.failure_shown = false,
            Err(err) if !self.recovery_offers.failure_shown => {
                self.recovery_offers.failure_shown = true;
                self.state.warning(tr!(
                    self.state.locale,
                    "warning-autosave-failed",
                    error = format!("{err:#}")
                ));
            }
            Err(_) => {}
        }
    }

    /// Deletes the open session's recovery copy: it was saved, or its unsaved work discarded.
    pub(super) fn end_autosave(&mut self) {
        if let Err(err) = self.autosave.release() {
            self.state.warning(format!("{err:#}"));
        }
    }

    /// Basira is closing cleanly. The recovery copy goes, unless there is unsaved work the
    /// analyst did not choose to discard: then a last copy is written and kept.
    pub(super) fn shut_down(&mut self) {
        // The window's place, the panels' widths and the reader's zoom, for the next start.
        self.remember_settings(self.current_settings());
        if self.session.doc.is_dirty() && !self.state.allow_close {
            let doc = &self.session.doc;
            if self.autosave.unwritten(doc.revision()) {
                let started = self.autosave.start_write(
                    doc.revision(),
                    doc.workspace().clone(),
                    self.session.path.as_deref(),
                    self.session.stamp,
                    self.ports.clock.now(),
                );
                if let Err(err) = started {
                    self.autosave_result(Err(err));
                }
            }
            if let Some(result) = self.autosave.wait() {
                self.autosave_result(result);
            }
        } else {
            self.end_autosave();
        }
    }
}
