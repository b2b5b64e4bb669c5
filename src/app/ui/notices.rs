//! The bottom of the window: the notices area (errors and messages, each dismissable) and the
//! status bar.

use egui::Ui;

use super::dialogs::choice_buttons_ui;
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, egui_text, message_label, ui_button, ui_small_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{DiskChange, DiskChoice, NoticeLevel};
use crate::tr;

// Notices and the status name briefs, passages and files: Arabic in them is laid out with
// bidi, as everywhere else.

pub fn notices_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let notices = &view.state.notices;
    let loc = view.state.locale;
    egui::ScrollArea::vertical()
        .id_salt("notices_scroll")
        .max_height(140.0)
        .show(ui, |ui| {
            for (i, notice) in notices.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui_small_button(ui, paint, &tr!(loc, "button-dismiss"))
                        .accessible_name(tr!(loc, "notice-dismiss-message", number = i + 1))
                        .clicked()
                    {
                        out.push(AppCommand::DismissNotice(i));
                    }
                    let style = match notice.level {
                        NoticeLevel::Info => LabelStyle::Body,
                        NoticeLevel::Error => LabelStyle::Error,
                        NoticeLevel::Warning => LabelStyle::Warning,
                    };
                    message_label(ui, paint, &notice.text, style);
                });
            }
        });
    if notices.len() > 1 && ui_small_button(ui, paint, &tr!(loc, "notice-dismiss-all")).clicked() {
        out.push(AppCommand::DismissAllNotices);
    }
}

pub fn status_bar_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    _out: &mut Vec<AppCommand>,
) {
    ui.horizontal(|ui| {
        let session = view.session;
        let loc = view.state.locale;
        let place = session.path.as_ref().map_or_else(
            || tr!(loc, "status-not-saved-yet"),
            |p| p.display().to_string(),
        );
        if session.doc.is_dirty() {
            bidi_label(
                ui,
                paint,
                &tr!(loc, "status-unsaved-changes", place = place),
                LabelStyle::Weak,
            );
        } else {
            ui.weak(place);
        }
        if !view.state.status.is_empty() {
            ui.separator();
            message_label(ui, paint, &view.state.status, LabelStyle::Body);
        }
        for (name, fraction) in &view.state.import_progress {
            ui.separator();
            ui.add(
                egui::ProgressBar::new(*fraction)
                    .desired_width(160.0)
                    .text(egui_text(
                        paint,
                        &tr!(loc, "status-importing-file", name = name),
                    )),
            );
        }
    });
}

/// Whether the notice about the file is to be shown (not dismissed, no dialog in front).
pub fn shows_disk_notice(view: &View<'_>) -> bool {
    view.state.modal.is_none() && view.state.disk_notice.is_some_and(|n| !n.dismissed)
}

/// The notice, under the menu bar, that the file changed on disk or is gone.
pub fn disk_notice_ui(
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
