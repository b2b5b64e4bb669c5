//! Modal dialogs: "Save changes?", "Remove …?" (every kind of object alike), excerpt export and the report, and the path prompt used when native file
//! dialogs are unavailable. "Recover unsaved work?" and "changed on disk" live beside their
//! logic, in `autosave` and `external_change`.

use egui::{Context, Id, Ui};

use super::passages_list::filter_combos_ui;
use super::widgets::shorten;
use super::widgets::text_field;
use crate::app::View;
use crate::app::command::{Action, AppCommand, palette_matches};
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, bidi_selectable, egui_text, message_label, ui_button, ui_button_enabled,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{
    DiskChoice, ExportDraft, ExportFormat, GuardChoice, Modal, Pending, PromptPurpose,
    RecoveryChoice, Removal, local_time,
};
use crate::export::Format;
use crate::i18n::Locale;
use crate::io::recovery::Offer;
use crate::model::{LinkTarget, Workspace};
use crate::report::ReportFormat;
use crate::tr;

pub fn modal_ui(ctx: &Context, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    match &view.state.modal {
        None => {}
        Some(Modal::UnsavedChanges(pending)) => {
            unsaved_changes_ui(ctx, view, paint, pending, out);
        }
        Some(Modal::ConfirmRemove(removal)) => remove_ui(ctx, view, paint, *removal, out),
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
        Some(Modal::Export(draft)) => export_dialog_ui(ctx, view, paint, *draft, out),
        Some(Modal::Palette { query, choice }) => palette_ui(ctx, view, paint, query, *choice, out),
        Some(Modal::Shortcuts) => shortcuts_ui(ctx, view, paint, out),
    }
}

/// The first shortcut of `action` as the platform writes it, or nothing.
fn shortcut_text(ctx: &Context, action: Action) -> String {
    action
        .shortcuts()
        .first()
        .map(|s| ctx.format_shortcut(s))
        .unwrap_or_default()
}

/// The command palette: a field, then every action whose label matches what is typed, with
/// its shortcut; Up and Down choose, Enter or a click runs, Escape closes.
fn palette_ui(
    ctx: &Context,
    view: &View<'_>,
    paint: &mut TextPaint,
    query: &str,
    choice: usize,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let matches = palette_matches(query, loc);
    let choice = choice.min(matches.len().saturating_sub(1));
    let (enter, up, down) = ctx.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::ArrowUp),
            i.key_pressed(egui::Key::ArrowDown),
        )
    });
    let rtl = loc.language.is_rtl();
    let response = egui::Modal::new(Id::unique("command_palette")).show(ctx, |ui| {
        ui.set_width(480.0);
        crate::app::directed(ui, rtl, |ui| {
            let field = text_field(ui, paint, &tr!(loc, "palette-field"), false, query, 1);
            if !ui.memory(|m| m.has_focus(field.id)) && !field.lost_focus {
                ui.memory_mut(|m| m.request_focus(field.id));
            }
            if let Some(text) = field.changed {
                out.push(AppCommand::SetPaletteQuery(text));
            }
            ui.separator();
            if matches.is_empty() {
                message_label(ui, paint, &tr!(loc, "palette-none"), LabelStyle::Weak);
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .min_scrolled_height(360.0)
                .show(ui, |ui| {
                    for (row, action) in matches.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let label = action.label(loc);
                            if bidi_selectable(ui, paint, row == choice, &label).clicked() {
                                out.push(AppCommand::RunAction(*action));
                            }
                            ui.weak(shortcut_text(ctx, *action));
                        });
                    }
                });
        });
    });
    if enter && let Some(action) = matches.get(choice) {
        out.push(AppCommand::RunAction(*action));
    } else if down && choice + 1 < matches.len() {
        out.push(AppCommand::SetPaletteChoice(choice + 1));
    } else if up && choice > 0 {
        out.push(AppCommand::SetPaletteChoice(choice - 1));
    }
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::CloseOverlay);
    }
}

/// Help → Keyboard shortcuts: every action with all its shortcuts, from [`Action::ALL`].
fn shortcuts_ui(ctx: &Context, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let loc = view.state.locale;
    let rtl = loc.language.is_rtl();
    let response = egui::Modal::new(Id::unique("keyboard_shortcuts")).show(ctx, |ui| {
        ui.set_width(520.0);
        crate::app::directed(ui, rtl, |ui| {
            bidi_label(
                ui,
                paint,
                &tr!(loc, "shortcuts-heading"),
                LabelStyle::Heading,
            );
            // As tall as the window allows, and that tall from the first frame: a scroll area
            // otherwise grows into the modal's size of the frame before, a little each frame,
            // and the centred modal (its Close button with it) moves for several frames.
            let room = (ctx.content_rect().height() - 240.0).max(240.0);
            egui::ScrollArea::vertical()
                .max_height(room)
                .min_scrolled_height(room)
                .show(ui, |ui| {
                    for action in Action::ALL {
                        ui.horizontal(|ui| {
                            let keys: Vec<String> = action
                                .shortcuts()
                                .iter()
                                .map(|s| ctx.format_shortcut(s))
                                .collect();
                            let keys = if keys.is_empty() {
                                tr!(loc, "shortcuts-none")
                            } else {
                                keys.join(", ")
                            };
                            bidi_label(ui, paint, &action.label(loc), LabelStyle::Body);
                            ui.weak(egui_text(paint, &keys));
                        });
                    }
                });
            ui.add_space(8.0);
            if ui_button(ui, paint, &tr!(loc, "button-close")).clicked() {
                out.push(AppCommand::CloseOverlay);
            }
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::CloseOverlay);
    }
}

/// File → Export excerpts… and File → Export report…: the format, the filters (those of the
/// passages list to start with) and how many excerpts that makes; Export… then asks where to
/// write. A report is written in the interface's language, as the dialog says.
fn export_dialog_ui(
    ctx: &Context,
    view: &View<'_>,
    paint: &mut TextPaint,
    draft: ExportDraft,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let ws = view.ws();
    let rtl = loc.language.is_rtl();
    let report = draft.format.is_report();
    let response = egui::Modal::new(Id::unique("export_excerpts")).show(ctx, |ui| {
        ui.set_width(560.0);
        crate::app::directed(ui, rtl, |ui| {
            let heading = if report {
                tr!(loc, "report-dialog-heading")
            } else {
                tr!(loc, "export-heading")
            };
            bidi_label(ui, paint, &heading, LabelStyle::Heading);
            let mut chosen = draft;
            let formats = if report {
                vec![
                    (
                        ExportFormat::Report(ReportFormat::Html),
                        tr!(loc, "report-format-html"),
                    ),
                    (
                        ExportFormat::Report(ReportFormat::Docx),
                        tr!(loc, "report-format-docx"),
                    ),
                ]
            } else {
                vec![
                    (
                        ExportFormat::Excerpts(Format::Csv),
                        tr!(loc, "export-format-csv"),
                    ),
                    (
                        ExportFormat::Excerpts(Format::Md),
                        tr!(loc, "export-format-markdown"),
                    ),
                    (
                        ExportFormat::Excerpts(Format::Json),
                        tr!(loc, "export-format-json"),
                    ),
                ]
            };
            ui.horizontal(|ui| {
                message_label(ui, paint, &tr!(loc, "export-format"), LabelStyle::Body);
                for (format, name) in formats {
                    if ui
                        .radio(chosen.format == format, egui_text(paint, &name))
                        .accessible_name(name)
                        .clicked()
                    {
                        chosen.format = format;
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                filter_combos_ui(ui, ws, loc, paint, &mut chosen.filter);
            });
            let count = if report {
                tr!(
                    loc,
                    "report-dialog-count",
                    count = crate::report::excerpt_count(ws, &chosen.filter)
                )
            } else {
                tr!(
                    loc,
                    "export-count",
                    count = crate::export::excerpts(ws, &chosen.filter).len()
                )
            };
            message_label(ui, paint, &count, LabelStyle::Weak);
            if report {
                message_label(
                    ui,
                    paint,
                    &tr!(loc, "report-dialog-language"),
                    LabelStyle::Weak,
                );
            }
            if chosen != draft {
                out.push(AppCommand::SetExportDraft(chosen));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui_button(ui, paint, &tr!(loc, "export-write")).clicked() {
                    out.push(AppCommand::SubmitExport);
                }
                if ui_button(ui, paint, &tr!(loc, "button-cancel")).clicked() {
                    out.push(AppCommand::CancelExport);
                }
            });
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::CancelExport);
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

/// What removing `removal` takes with it: the dialog's heading, what it says, and the verb of
/// its button (a passage is deleted, the rest removed).
fn removal_text(ws: &Workspace, loc: Locale, removal: Removal) -> (String, Vec<String>, String) {
    let untitled = |title: &str| {
        if title.trim().is_empty() {
            tr!(loc, "untitled")
        } else {
            title.to_owned()
        }
    };
    let linked = |target: LinkTarget| {
        ws.passages
            .iter()
            .filter(|p| p.links.iter().any(|l| l.target == target))
            .count()
    };
    let remove = tr!(loc, "button-remove");
    match removal {
        Removal::Brief(id) => {
            let title = ws.brief(id).map_or_else(String::new, |b| b.display_title());
            let count = ws.passages.iter().filter(|p| p.brief == id).count();
            (
                tr!(loc, "remove-brief-heading"),
                vec![tr!(loc, "remove-brief-body", title = title, count = count)],
                remove,
            )
        }
        Removal::Passage(id) => {
            let (quote, tags, links) = ws.passage(id).map_or((String::new(), 0, 0), |p| {
                (shorten(&p.anchor.quote, 80), p.tags.len(), p.links.len())
            });
            (
                tr!(loc, "remove-passage-heading"),
                vec![
                    tr!(
                        loc,
                        "remove-passage-body",
                        quote = quote,
                        tags = tr!(loc, "tag-count", count = tags),
                        links = tr!(loc, "link-count", count = links)
                    ),
                    tr!(loc, "remove-undo-hint"),
                ],
                tr!(loc, "button-delete"),
            )
        }
        Removal::Tag(id) => {
            let name = ws.tag(id).map_or_else(String::new, |t| {
                if t.name.trim().is_empty() {
                    tr!(loc, "unnamed")
                } else {
                    t.name.clone()
                }
            });
            let used = ws.passages.iter().filter(|p| p.tags.contains(&id)).count();
            let children = ws.tags.iter().filter(|t| t.parent == Some(id)).count();
            let mut body = vec![tr!(loc, "remove-tag-body", name = name, count = used)];
            if children > 0 {
                body.push(tr!(loc, "remove-tag-children", count = children));
            }
            body.push(tr!(loc, "remove-undo-hint"));
            (tr!(loc, "remove-tag-heading"), body, remove)
        }
        Removal::Determinant(id) => {
            let name = untitled(ws.determinant(id).map_or("", |d| d.title.as_str()));
            let count = linked(LinkTarget::Determinant(id));
            (
                tr!(loc, "remove-determinant-heading"),
                vec![
                    tr!(loc, "remove-determinant-body", name = name, count = count),
                    tr!(loc, "remove-undo-hint"),
                ],
                remove,
            )
        }
        Removal::Scenario(id) => {
            let name = untitled(ws.scenario(id).map_or("", |s| s.title.as_str()));
            let count = linked(LinkTarget::Scenario(id));
            (
                tr!(loc, "remove-scenario-heading"),
                vec![
                    tr!(loc, "remove-scenario-body", name = name, count = count),
                    tr!(loc, "remove-undo-hint"),
                ],
                remove,
            )
        }
    }
}

/// "Remove …?" for every kind of object alike: what goes with it, then Remove (or Delete) and
/// Cancel.
fn remove_ui(
    ctx: &Context,
    view: &View<'_>,
    paint: &mut TextPaint,
    removal: Removal,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let (heading, body, verb) = removal_text(view.ws(), loc, removal);
    let rtl = loc.language.is_rtl();
    let response = egui::Modal::new(Id::unique("confirm_remove")).show(ctx, |ui| {
        ui.set_width(440.0);
        crate::app::directed(ui, rtl, |ui| {
            bidi_label(ui, paint, &heading, LabelStyle::Heading);
            for line in &body {
                message_label(ui, paint, line, LabelStyle::Body);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui_button(ui, paint, &verb).clicked() {
                    out.push(AppCommand::ConfirmRemove(removal));
                }
                if ui_button(ui, paint, &tr!(loc, "button-cancel")).clicked() {
                    out.push(AppCommand::CancelRemove);
                }
            });
        });
    });
    if response.should_close() && out.is_empty() {
        out.push(AppCommand::CancelRemove);
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
        PromptPurpose::Export(draft) if draft.format.is_report() => (
            tr!(loc, "prompt-verb-export"),
            tr!(loc, "prompt-example-report"),
        ),
        PromptPurpose::Export(_) => (
            tr!(loc, "prompt-verb-export"),
            tr!(loc, "prompt-example-export"),
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
