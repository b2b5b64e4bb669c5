//! Modal dialogs: "Save changes?", "Remove brief?" and the path prompt used when native file
//! dialogs are unavailable. "Recover unsaved work?" and "changed on disk" live beside their
//! logic, in `autosave` and `external_change`.

use egui::{Context, Id, Ui};

use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, egui_text, message_label, ui_button, ui_button_enabled,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{
    DiskChoice, GuardChoice, Modal, Pending, PromptPurpose, RecoveryChoice, local_time,
};
use crate::i18n::Locale;
use crate::io::recovery::Offer;
use crate::model::BriefId;
use crate::tr;

pub fn modal_ui(ctx: &Context, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    match &view.state.modal {
        None => {}
        Some(Modal::UnsavedChanges(pending)) => {
            unsaved_changes_ui(ctx, view, paint, pending, out);
        }
        Some(Modal::ConfirmRemoveBrief(brief)) => remove_brief_ui(ctx, view, paint, *brief, out),
        Some(Modal::PathPrompt { purpose, text }) => {
            path_prompt_ui(ctx, view.state.locale, paint, purpose, text, out);
        }
        Some(Modal::RecoverWork(offer)) => {
            recover_dialog_ui(ctx, view.state.locale, offer, paint, out);
        }
        Some(Modal::ChangedOnDisk { .. }) => {
            changed_on_disk_dialog_ui(ctx, view, paint, out);
        }
        Some(Modal::Working(what)) => working_ui(ctx, paint, what),
    }
}

/// A large workspace being opened or saved on a thread: what, with a moving bar. It has no
/// buttons; it closes when the work is done.
fn working_ui(ctx: &Context, paint: &mut TextPaint, what: &str) {
    egui::Modal::new(Id::unique("working")).show(ctx, |ui| {
        ui.set_width(420.0);
        message_label(ui, paint, what, LabelStyle::Body);
        ui.add_space(6.0);
        ui.add(
            egui::ProgressBar::new(0.0)
                .animate(true)
                .desired_width(400.0),
        );
    });
}

/// While files are dragged over the window, says what dropping them does.
pub fn drop_hint_ui(ctx: &Context, loc: Locale, paint: &mut TextPaint) {
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
        egui_text(paint, &tr!(loc, "drop-hint")),
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
    let loc = view.state.locale;
    let name = view.session.display_name(loc);
    let question = match pending {
        Pending::New => tr!(loc, "unsaved-before-new", name = &name),
        Pending::Open | Pending::OpenPath(_) => tr!(loc, "unsaved-before-open", name = &name),
        Pending::Quit => tr!(loc, "unsaved-before-quit", name = &name),
    };
    let response = egui::Modal::new(Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.set_width(420.0);
        bidi_label(ui, paint, &tr!(loc, "unsaved-heading"), LabelStyle::Heading);
        message_label(ui, paint, &question, LabelStyle::Body);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, choice) in [
                (tr!(loc, "action-save"), GuardChoice::Save),
                (tr!(loc, "button-discard"), GuardChoice::Discard),
                (tr!(loc, "button-cancel"), GuardChoice::Cancel),
            ] {
                if ui_button(ui, paint, &label).clicked() {
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
    let loc = view.state.locale;
    let response = egui::Modal::new(Id::unique("remove_brief")).show(ctx, |ui| {
        ui.set_width(420.0);
        bidi_label(
            ui,
            paint,
            &tr!(loc, "remove-brief-heading"),
            LabelStyle::Heading,
        );
        message_label(
            ui,
            paint,
            &tr!(loc, "remove-brief-body", title = &title, count = count),
            LabelStyle::Body,
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui_button(ui, paint, &tr!(loc, "button-remove")).clicked() {
                out.push(AppCommand::ConfirmRemoveBrief(brief));
            }
            if ui_button(ui, paint, &tr!(loc, "button-cancel")).clicked() {
                out.push(AppCommand::CancelRemoveBrief);
            }
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::CancelRemoveBrief);
    }
}

fn path_prompt_ui(
    ctx: &Context,
    loc: Locale,
    paint: &mut TextPaint,
    purpose: &PromptPurpose,
    text: &str,
    out: &mut Vec<AppCommand>,
) {
    let (verb, example) = match purpose {
        PromptPurpose::OpenWorkspace => (
            tr!(loc, "prompt-verb-open"),
            tr!(loc, "prompt-example-workspace"),
        ),
        PromptPurpose::SaveWorkspace { .. } => (
            tr!(loc, "prompt-verb-save"),
            tr!(loc, "prompt-example-workspace"),
        ),
        PromptPurpose::ImportBriefs | PromptPurpose::NewVersionOf(_) => (
            tr!(loc, "prompt-verb-import"),
            tr!(loc, "prompt-example-brief"),
        ),
    };
    let response = egui::Modal::new(Id::unique("path_prompt")).show(ctx, |ui| {
        ui.set_width(480.0);
        bidi_label(ui, paint, &purpose.title(loc), LabelStyle::Heading);
        message_label(ui, paint, &tr!(loc, "prompt-no-dialog"), LabelStyle::Body);
        ui.add_space(6.0);
        path_field_ui(ui, loc, paint, text, &example, out);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui_button_enabled(ui, paint, !text.trim().is_empty(), &verb).clicked() {
                out.push(AppCommand::SubmitPrompt);
            }
            if ui_button(ui, paint, &tr!(loc, "button-cancel")).clicked() {
                out.push(AppCommand::CancelPrompt);
            }
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::CancelPrompt);
    }
}

fn path_field_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    text: &str,
    example: &str,
    out: &mut Vec<AppCommand>,
) {
    let label = message_label(ui, paint, &tr!(loc, "prompt-path"), LabelStyle::Body);
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

/// "Recover unsaved work?": what the copy holds, with Restore and Discard. Closing the dialog
/// any other way keeps the copy for the next start.
fn recover_dialog_ui(
    ctx: &Context,
    loc: Locale,
    offer: &Offer,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let response = egui::Modal::new(Id::unique("recover_work")).show(ctx, |ui| {
        ui.set_width(480.0);
        bidi_label(ui, paint, &tr!(loc, "recover-heading"), LabelStyle::Heading);
        message_label(ui, paint, &tr!(loc, "recover-intro"), LabelStyle::Body);
        ui.add_space(6.0);
        let title = if offer.title.trim().is_empty() {
            tr!(loc, "untitled")
        } else {
            offer.title.clone()
        };
        message_label(
            ui,
            paint,
            &tr!(loc, "recover-workspace", title = title),
            LabelStyle::Body,
        );
        let file = match &offer.original {
            Some(path) => tr!(loc, "recover-file", file = path.display().to_string()),
            None => tr!(loc, "recover-never-saved"),
        };
        message_label(ui, paint, &file, LabelStyle::Body);
        let holds = tr!(
            loc,
            "recover-holds",
            briefs = tr!(loc, "recover-briefs", count = offer.briefs),
            passages = tr!(loc, "passage-count", count = offer.passages)
        );
        message_label(ui, paint, &holds, LabelStyle::Body);
        let kept = tr!(
            loc,
            "recover-kept-at",
            time = local_time(loc, offer.saved_at),
            edits = tr!(loc, "recover-edits", count = offer.edits_since_save)
        );
        message_label(ui, paint, &kept, LabelStyle::Body);
        if offer.count > 1 {
            let position = tr!(
                loc,
                "recover-position",
                position = offer.position,
                count = offer.count
            );
            message_label(ui, paint, &position, LabelStyle::Weak);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui_button(ui, paint, &tr!(loc, "recover-restore"))
                .on_hover_text(egui_text(paint, &tr!(loc, "recover-restore-tooltip")))
                .clicked()
            {
                out.push(AppCommand::Recovery(RecoveryChoice::Restore));
            }
            if ui_button(ui, paint, &tr!(loc, "button-discard"))
                .on_hover_text(egui_text(paint, &tr!(loc, "recover-discard-tooltip")))
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
pub fn choice_buttons_ui(
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
        .on_hover_text(egui_text(paint, &reload_hint))
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
