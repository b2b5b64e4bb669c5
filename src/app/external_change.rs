//! Changes made to the workspace file by others — a hand edit, a `git pull`, another Basira.
//!
//! The session keeps the [`crate::io::FileStamp`] of the file as it was last read or written.
//! Save compares it with the disk first (reading the bytes) and, when they differ, asks:
//! "Reload" (discard mine, load theirs), "Keep mine (save anyway)" or "Save as…". The app also
//! looks (metadata first, bytes only when it moved) when the window regains focus and every few
//! seconds while it has it, and then shows a notice that does not block: Reload when there are
//! no local changes, the same three choices when there are.

use egui::{Context, Id, Ui};

use super::bidi_label::{LabelStyle, bidi_label, egui_text, message_label, ui_button};
use super::command::AppCommand;
use super::file_actions::SaveOutcome;
use super::state::{DiskChange, DiskChoice, DiskNotice, Modal, Session};
use super::text_paint::TextPaint;
use super::{BasiraApp, View};
use crate::i18n::Locale;
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
}

impl BasiraApp {
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

    /// Before each frame: looks at the file when the window regains the focus, and
    /// every [`WATCH_INTERVAL`] while it has it.
    pub(super) fn watch_disk(&mut self, ctx: &Context) {
        let focused = ctx.input(|i| i.focused);
        let regained = focused && !self.disk_watch.was_focused;
        self.disk_watch.was_focused = focused;
        if self.session.path.is_none() || self.session.stamp.is_none() {
            return;
        }
        if focused {
            ctx.request_repaint_after(WATCH_INTERVAL.to_std().unwrap_or_default());
        }
        let now = self.ports.clock.now();
        let due = regained
            || self
                .disk_watch
                .last_check
                .is_none_or(|at| now - at >= WATCH_INTERVAL);
        if !due || self.state.modal.is_some() {
            return;
        }
        self.disk_watch.last_check = Some(now);
        let before = self.state.disk_notice;
        self.check_disk();
        if self.state.disk_notice != before {
            ctx.request_repaint();
        }
    }

    /// Compares the file with the session's stamp (metadata first) and updates the notice.
    fn check_disk(&mut self) {
        let (Some(path), Some(stamp)) = (&self.session.path, &self.session.stamp) else {
            return;
        };
        // A change already noticed: read the file again only if it moved once more.
        if let Some(DiskNotice {
            change: DiskChange::Changed(theirs),
            ..
        }) = self.state.disk_notice
            && matches!(theirs.check(path, false), Ok(DiskState::Unchanged))
        {
            return;
        }
        let change = match stamp.check(path, false) {
            Ok(DiskState::Unchanged) => None,
            Ok(DiskState::Touched(same_bytes)) => {
                self.session.stamp = Some(same_bytes);
                None
            }
            Ok(DiskState::Changed(theirs)) => Some(DiskChange::Changed(theirs)),
            Ok(DiskState::Missing) => Some(DiskChange::Missing),
            // Unreadable for now (permissions, a network drive): look again later.
            Err(_) => return,
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
                    && self.save_to(path) == SaveOutcome::Saved
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
    fn reload(&mut self) {
        let Some(path) = self.session.path.clone() else {
            return;
        };
        match crate::io::load_stamped(&path) {
            Ok((ws, stamp)) => {
                self.replace_session(Session::opened(ws, path.clone(), stamp));
                self.state.status = tr!(
                    self.state.locale,
                    "status-reloaded",
                    file = path.display().to_string()
                );
            }
            Err(err) => self.state.error(tr!(
                self.state.locale,
                "error-reload-failed",
                error = err.to_string()
            )),
        }
    }
}

/// Before Save: the file was changed on disk by someone else.
pub(super) fn changed_on_disk_dialog_ui(
    ctx: &Context,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let response = egui::Modal::new(Id::unique("changed_on_disk")).show(ctx, |ui| {
        ui.set_width(480.0);
        bidi_label(ui, paint, &tr!(loc, "disk-heading"), LabelStyle::Heading);
        message_label(
            ui,
            paint,
            &tr!(loc, "disk-body", name = view.session.display_name(loc)),
            LabelStyle::Body,
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            choice_buttons_ui(ui, loc, paint, true, out);
            if ui_button(ui, paint, &tr!(loc, "button-cancel")).clicked() {
                out.push(AppCommand::Disk(DiskChoice::Dismiss));
            }
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::Disk(DiskChoice::Dismiss));
    }
}

/// Reload, and with unsaved changes also Keep mine and Save as.
fn choice_buttons_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    dirty: bool,
    out: &mut Vec<AppCommand>,
) {
    let reload_hint = if dirty {
        tr!(loc, "disk-reload-dirty-tooltip")
    } else {
        tr!(loc, "disk-reload-tooltip")
    };
    if ui_button(ui, paint, &tr!(loc, "disk-reload"))
        .on_hover_text(reload_hint)
        .clicked()
    {
        out.push(AppCommand::Disk(DiskChoice::Reload));
    }
    if !dirty {
        return;
    }
    if ui_button(ui, paint, &tr!(loc, "disk-keep-mine"))
        .on_hover_text(egui_text(paint, &tr!(loc, "disk-keep-mine-tooltip")))
        .clicked()
    {
        out.push(AppCommand::Disk(DiskChoice::KeepMine));
    }
    if ui_button(ui, paint, &tr!(loc, "disk-save-as"))
        .on_hover_text(egui_text(paint, &tr!(loc, "disk-save-as-tooltip")))
        .clicked()
    {
        out.push(AppCommand::Disk(DiskChoice::SaveAs));
    }
}

/// Whether the notice about the file is to be shown (not dismissed, no dialog in front).
pub(super) fn shows_disk_notice(view: &View<'_>) -> bool {
    view.state.modal.is_none() && view.state.disk_notice.is_some_and(|n| !n.dismissed)
}

/// The notice, under the menu bar, that the file changed on disk or is gone.
pub(super) fn disk_notice_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let Some(notice) = view.state.disk_notice else {
        return;
    };
    let loc = view.state.locale;
    let name = view.session.display_name(loc);
    let dirty = view.session.doc.is_dirty();
    ui.horizontal_wrapped(|ui| {
        match notice.change {
            DiskChange::Changed(_) => {
                let text = if dirty {
                    tr!(loc, "disk-changed-dirty", name = &name)
                } else {
                    tr!(loc, "disk-changed", name = &name)
                };
                message_label(ui, paint, &text, LabelStyle::Warning);
                choice_buttons_ui(ui, loc, paint, dirty, out);
            }
            DiskChange::Missing => {
                message_label(
                    ui,
                    paint,
                    &tr!(loc, "disk-missing", name = &name),
                    LabelStyle::Warning,
                );
            }
        }
        if ui_button(ui, paint, &tr!(loc, "button-dismiss")).clicked() {
            out.push(AppCommand::Disk(DiskChoice::Dismiss));
        }
    });
}
