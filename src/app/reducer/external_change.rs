//! Changes made to the workspace file by others — a hand edit, a `git pull`, another Basira.
//!
//! The session keeps the [`crate::io::FileStamp`] of the file as it was last read or written.
//! Save compares it with the disk first (reading the bytes) and, when they differ, asks:
//! "Reload" (discard mine, load theirs), "Keep mine (save anyway)" or "Save as…". The app also
//! looks (metadata first, bytes only when it moved) when the window regains focus and every few
//! seconds while it has it, and then shows a notice that does not block: Reload when there are
//! no local changes, the same three choices when there are.

use super::Model;
use super::file_actions::SaveOutcome;
use crate::app::event::DiskSeen;
use crate::app::state::{DiskChange, DiskChoice, DiskNotice, Modal, Session};
use crate::io::DiskState;
use crate::tr;

/// How often the file is looked at while the window has the focus.
const WATCH_INTERVAL: chrono::TimeDelta = chrono::TimeDelta::seconds(3);

/// When the file was last looked at, and whether the window had the focus.
#[derive(Debug, Default)]
pub(super) struct DiskWatch {
    was_focused: bool,
    last_check: Option<chrono::DateTime<chrono::Utc>>,
}

impl DiskWatch {
    /// Looks at the file on the next frame.
    pub fn check_soon(&mut self) {
        self.last_check = None;
    }

    /// Whether the window had the focus when last told.
    pub fn was_focused(&self) -> bool {
        self.was_focused
    }

    pub fn set_focused(&mut self, focused: bool) {
        self.was_focused = focused;
    }
}

impl Model {
    /// Before Save overwrites the file: whether someone else changed it since it was read or
    /// written. A missing file is no conflict (saving writes it again), nor is a file rewritten
    /// with the same bytes.
    pub(super) fn changed_on_disk_before_save(&mut self) -> bool {
        let (Some(path), Some(stamp)) = (&self.session.path, &self.session.stamp) else {
            return false;
        };
        match stamp.check(path, true) {
            Ok(DiskState::Changed(_)) => true,
            Ok(DiskState::Touched(same_bytes)) => {
                self.session.stamp = Some(same_bytes);
                false
            }
            // Save itself reports a file it cannot read or write.
            Ok(DiskState::Unchanged | DiskState::Missing) | Err(_) => false,
        }
    }

    /// Before each frame: looks at the file (changing nothing) when the window regains the
    /// focus, and every [`WATCH_INTERVAL`] while it has it.
    pub(super) fn look_at_disk(&self, focused: bool) -> Option<DiskSeen> {
        let regained = focused && !self.disk_watch.was_focused;
        let (Some(path), Some(stamp)) = (&self.session.path, &self.session.stamp) else {
            return None;
        };
        if focused {
            self.ctx
                .request_repaint_after(WATCH_INTERVAL.to_std().unwrap_or_default());
        }
        let now = self.ports.clock.now();
        let due = regained
            || self
                .disk_watch
                .last_check
                .is_none_or(|at| now - at >= WATCH_INTERVAL);
        if !due || self.state.modal.is_some() {
            return None;
        }
        // A change already noticed: read the file again only if it moved once more.
        if let Some(DiskNotice {
            change: DiskChange::Changed(theirs),
            ..
        }) = self.state.disk_notice
            && matches!(theirs.check(path, false), Ok(DiskState::Unchanged))
        {
            return Some(DiskSeen {
                at: now,
                state: None,
            });
        }
        Some(DiskSeen {
            at: now,
            // Unreadable for now (permissions, a network drive): look again later.
            state: stamp.check(path, false).ok(),
        })
    }

    /// What the disk watch saw: the notice follows it.
    pub(super) fn disk_seen(&mut self, seen: DiskSeen) {
        self.disk_watch.last_check = Some(seen.at);
        let Some(state) = seen.state else {
            return;
        };
        let change = match state {
            DiskState::Unchanged => None,
            DiskState::Touched(same_bytes) => {
                self.session.stamp = Some(same_bytes);
                None
            }
            DiskState::Changed(theirs) => Some(DiskChange::Changed(theirs)),
            DiskState::Missing => Some(DiskChange::Missing),
        };
        match change {
            None => self.state.disk_notice = None,
            Some(change) if self.state.disk_notice.map(|n| n.change) != Some(change) => {
                self.state.disk_notice = Some(DiskNotice {
                    change,
                    dismissed: false,
                });
            }
            Some(_) => {}
        }
    }

    /// The answer from the "changed on disk" dialog (before Save) or notice.
    pub(super) fn disk_answer(&mut self, choice: DiskChoice) {
        let then = match self.state.modal.take() {
            Some(Modal::ChangedOnDisk { then }) => then,
            other => {
                self.state.modal = other;
                None
            }
        };
        match choice {
            DiskChoice::Reload => self.reload(),
            DiskChoice::KeepMine => {
                if let Some(path) = self.session.path.clone()
                    && self.save_to(path, then.clone()) == SaveOutcome::Saved
                    && let Some(pending) = then
                {
                    self.proceed(pending);
                }
            }
            DiskChoice::SaveAs => {
                if self.save(true, then.clone()) == SaveOutcome::Saved
                    && let Some(pending) = then
                {
                    self.proceed(pending);
                }
            }
            DiskChoice::Dismiss => {
                if let Some(notice) = &mut self.state.disk_notice {
                    notice.dismissed = true;
                }
            }
        }
    }

    /// Discards the open version and loads the one on disk.
    /// Discards the open version and loads the one on disk: here, or on a thread of its own
    /// when it is large (see [`Model::open_path`]).
    fn reload(&mut self) {
        let Some(path) = self.session.path.clone() else {
            return;
        };
        if self.open_in_background(&path, true) {
            return;
        }
        self.reloaded(&path, crate::io::load_stamped(&path));
    }

    /// The version on disk was read again (or could not be).
    pub(super) fn reloaded(
        &mut self,
        path: &std::path::Path,
        result: Result<(crate::model::Workspace, crate::io::FileStamp), crate::io::LoadError>,
    ) {
        match result {
            Ok((ws, stamp)) => {
                self.replace_session(Session::opened(ws, path.to_owned(), stamp));
                self.state.status = tr!(
                    self.state.locale,
                    "status-reloaded",
                    file = path.display().to_string()
                );
            }
            Err(err) => self.state.error(tr!(
                self.state.locale,
                "error-reload-failed",
                error = crate::app::error_text::load_error(self.state.locale, &err)
            )),
        }
    }
}
