//! Modal dialogs: "Save changes?", "Remove brief?" and the path prompt used when native file
//! dialogs are unavailable. "Recover unsaved work?" and "changed on disk" live beside their
//! logic, in `autosave` and `external_change`.

use egui::{Context, Id, Ui};

use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{LabelStyle, message_label};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{
    DiskChoice, GuardChoice, Modal, Pending, PromptPurpose, RecoveryChoice, local_time,
};
use crate::io::recovery::Offer;
use crate::model::BriefId;

pub fn modal_ui(ctx: &Context, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    match &view.state.modal {
        None => {}
        Some(Modal::UnsavedChanges(pending)) => {
            unsaved_changes_ui(ctx, view, paint, pending, out);
        }
        Some(Modal::ConfirmRemoveBrief(brief)) => remove_brief_ui(ctx, view, paint, *brief, out),
        Some(Modal::PathPrompt { purpose, text }) => path_prompt_ui(ctx, purpose, text, out),
        Some(Modal::RecoverWork(offer)) => {
            recover_dialog_ui(ctx, offer, paint, out);
        }
        Some(Modal::ChangedOnDisk { .. }) => {
            changed_on_disk_dialog_ui(ctx, view, paint, out);
        }
    }
}

/// While files are dragged over the window, says what dropping them does.
pub fn drop_hint_ui(ctx: &Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        Id::unique("drop_hint"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(170));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop web pages, Word files, PDFs or text files to import them as briefs, or a .ron workspace to open it",
        egui::FontId::proportional(20.0),
        egui::Color32::WHITE,
    );
}

fn unsaved_changes_ui(
    ctx: &Context,
    view: &View<'_>,
    paint: &mut TextPaint,
    pending: &Pending,
    out: &mut Vec<AppCommand>,
) {
    let before = match pending {
        Pending::New => "starting a new workspace",
        Pending::Open | Pending::OpenPath(_) => "opening another workspace",
        Pending::Quit => "quitting",
    };
    let response = egui::Modal::new(Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Save changes?");
        message_label(
            ui,
            paint,
            &format!(
                "“{}” has unsaved changes. Save them before {before}?",
                view.session.name
            ),
            LabelStyle::Body,
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, choice) in [
                ("Save", GuardChoice::Save),
                ("Discard", GuardChoice::Discard),
                ("Cancel", GuardChoice::Cancel),
            ] {
                if ui.button(label).clicked() {
                    out.push(AppCommand::Guard(choice));
                }
            }
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::Guard(GuardChoice::Cancel));
    }
}

fn remove_brief_ui(
    ctx: &Context,
    view: &View<'_>,
    paint: &mut TextPaint,
    brief: BriefId,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let title = ws
        .brief(brief)
        .map_or_else(String::new, |b| b.display_title());
    let count = ws.passages.iter().filter(|p| p.brief == brief).count();
    let response = egui::Modal::new(Id::unique("remove_brief")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Remove brief?");
        message_label(
            ui,
            paint,
            &format!("“{title}” and its {count} passages will be removed. Undo brings them back."),
            LabelStyle::Body,
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Remove").clicked() {
                out.push(AppCommand::ConfirmRemoveBrief(brief));
            }
            if ui.button("Cancel").clicked() {
                out.push(AppCommand::CancelRemoveBrief);
            }
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::CancelRemoveBrief);
    }
}

fn path_prompt_ui(ctx: &Context, purpose: &PromptPurpose, text: &str, out: &mut Vec<AppCommand>) {
    let (verb, example) = match purpose {
        PromptPurpose::OpenWorkspace => ("Open", "/home/me/analysis.ron"),
        PromptPurpose::SaveWorkspace { .. } => ("Save", "/home/me/analysis.ron"),
        PromptPurpose::ImportBriefs | PromptPurpose::NewVersionOf(_) => {
            ("Import", "/home/me/brief.pdf (or .docx, .html, .txt)")
        }
    };
    let response = egui::Modal::new(Id::unique("path_prompt")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading(purpose.title());
        ui.label("No file dialog is available here. Type the path of the file.");
        ui.add_space(6.0);
        path_field_ui(ui, text, example, out);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!text.trim().is_empty(), egui::Button::new(verb))
                .clicked()
            {
                out.push(AppCommand::SubmitPrompt);
            }
            if ui.button("Cancel").clicked() {
                out.push(AppCommand::CancelPrompt);
            }
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::CancelPrompt);
    }
}

fn path_field_ui(ui: &mut Ui, text: &str, example: &str, out: &mut Vec<AppCommand>) {
    let label = ui.label("Path");
    let mut buffer = text.to_owned();
    let id = Id::unique("path_prompt_field");
    // A single-line field gives up focus when Enter is pressed, so whether Enter submits is
    // decided from the focus it had before this frame.
    let enter = ui.memory(|m| m.has_focus(id)) && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut buffer)
                .id(id)
                .desired_width(f32::INFINITY)
                .hint_text(example),
        )
        .labelled_by(label.id);
    if ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
    let submit = enter && !buffer.trim().is_empty();
    if response.changed() {
        out.push(AppCommand::SetPromptText(buffer));
    }
    if submit {
        out.push(AppCommand::SubmitPrompt);
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Recover unsaved work?": what the copy holds, with Restore and Discard. Closing the dialog
/// any other way keeps the copy for the next start.
fn recover_dialog_ui(
    ctx: &Context,
    offer: &Offer,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let response = egui::Modal::new(Id::unique("recover_work")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading("Recover unsaved work?");
        ui.label(
            "Basira did not close properly last time. It kept a copy of work that was not saved:",
        );
        ui.add_space(6.0);
        let title = if offer.title.trim().is_empty() {
            "(untitled)"
        } else {
            offer.title.as_str()
        };
        message_label(ui, paint, &format!("Workspace: {title}"), LabelStyle::Body);
        ui.label(match &offer.original {
            Some(path) => format!("File: {}", path.display()),
            None => "File: never saved".to_owned(),
        });
        ui.label(format!(
            "Holds: {}, {}",
            count(offer.briefs, "brief", "briefs"),
            count(offer.passages, "passage", "passages")
        ));
        ui.label(format!(
            "Copy kept at: {} ({} since the last save)",
            local_time(offer.saved_at),
            count(
                usize::try_from(offer.edits_since_save).unwrap_or(usize::MAX),
                "edit",
                "edits"
            )
        ));
        if offer.count > 1 {
            ui.weak(format!("Copy {} of {}", offer.position, offer.count));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button("Restore")
                .on_hover_text("Open the copy as unsaved work on its file")
                .clicked()
            {
                out.push(AppCommand::Recovery(RecoveryChoice::Restore));
            }
            if ui
                .button("Discard")
                .on_hover_text("Delete the copy")
                .clicked()
            {
                out.push(AppCommand::Recovery(RecoveryChoice::Discard));
            }
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::Recovery(RecoveryChoice::Later));
    }
}

/// Before Save: the file was changed on disk by someone else.
fn changed_on_disk_dialog_ui(
    ctx: &Context,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let response = egui::Modal::new(Id::unique("changed_on_disk")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading("Changed on disk");
        message_label(
            ui,
            paint,
            &format!(
                "“{}” was changed on disk since you opened or last saved it — by hand, by git \
                 or by another Basira. Saving now would overwrite those changes.",
                view.session.name
            ),
            LabelStyle::Body,
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            choice_buttons_ui(ui, true, out);
            if ui.button("Cancel").clicked() {
                out.push(AppCommand::Disk(DiskChoice::Dismiss));
            }
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::Disk(DiskChoice::Dismiss));
    }
}

/// Reload, and with unsaved changes also Keep mine and Save as.
pub fn choice_buttons_ui(ui: &mut Ui, dirty: bool, out: &mut Vec<AppCommand>) {
    let reload_hint = if dirty {
        "Discard your changes and load the version on disk"
    } else {
        "Load the version on disk"
    };
    if ui.button("Reload").on_hover_text(reload_hint).clicked() {
        out.push(AppCommand::Disk(DiskChoice::Reload));
    }
    if !dirty {
        return;
    }
    if ui
        .button("Keep mine (save anyway)")
        .on_hover_text("Save your version over the one on disk")
        .clicked()
    {
        out.push(AppCommand::Disk(DiskChoice::KeepMine));
    }
    if ui
        .button("Save as…")
        .on_hover_text("Save your version to another file")
        .clicked()
    {
        out.push(AppCommand::Disk(DiskChoice::SaveAs));
    }
}
