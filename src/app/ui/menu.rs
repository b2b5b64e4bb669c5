//! The menu bar. Entries come from [`Action`], so a menu entry and its shortcut never disagree;
//! their words come from the message catalog, in the interface's language.

use egui::Ui;

use crate::app::View;
use crate::app::command::{Action, AppCommand};
use crate::app::paint::bidi_label::{egui_text, ui_button};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::RightTab;
use crate::i18n::{Digits, Language};
use crate::tr;

pub fn menu_bar_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let loc = view.state.locale;
    egui::MenuBar::new().ui(ui, |ui| {
        // In Arabic the menus read from the right.
        if loc.language.is_rtl() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                menus_ui(ui, view, paint, out);
            });
        } else {
            menus_ui(ui, view, paint, out);
        }
    });
}

fn menus_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let loc = view.state.locale;
    {
        menu(ui, paint, &tr!(loc, "menu-file"), |ui, paint| {
            for action in [Action::New, Action::Open, Action::Save, Action::SaveAs] {
                action_item(ui, view, paint, action, out);
            }
            ui.separator();
            action_item(ui, view, paint, Action::ImportBriefs, out);
            action_item(ui, view, paint, Action::ExportExcerpts, out);
            action_item(ui, view, paint, Action::ExportReport, out);
            ui.separator();
            action_item(ui, view, paint, Action::Quit, out);
        });
        menu(ui, paint, &tr!(loc, "menu-edit"), |ui, paint| {
            action_item(ui, view, paint, Action::Undo, out);
            action_item(ui, view, paint, Action::Redo, out);
            ui.separator();
            action_item(ui, view, paint, Action::CreatePassage, out);
            action_item(ui, view, paint, Action::CopyExcerpts, out);
            ui.separator();
            for action in [Action::Find, Action::FindNext, Action::FindPrevious] {
                action_item(ui, view, paint, action, out);
            }
            action_item(ui, view, paint, Action::SearchAll, out);
        });
        menu(ui, paint, &tr!(loc, "menu-view"), |ui, paint| {
            for action in [Action::ZoomIn, Action::ZoomOut, Action::ZoomReset] {
                action_item(ui, view, paint, action, out);
            }
            text_size_menu_ui(ui, view, paint, out);
            ui.separator();
            language_menu_ui(ui, view, paint, out);
        });
        menu(ui, paint, &tr!(loc, "menu-analysis"), |ui, paint| {
            action_item(ui, view, paint, Action::Board, out);
            ui.separator();
            for (tab, label) in [
                (RightTab::Passage, tr!(loc, "menu-show-inspector")),
                (RightTab::Codebook, tr!(loc, "menu-edit-codebook")),
                (RightTab::Determinants, tr!(loc, "menu-edit-determinants")),
                (RightTab::Scenarios, tr!(loc, "menu-edit-scenarios")),
            ] {
                if ui_button(ui, paint, &label).clicked() {
                    out.push(AppCommand::ShowTab(tab));
                    ui.close();
                }
            }
            ui.separator();
            let mut shown = view.state.show_passages_list;
            let label = tr!(loc, "menu-passages-list");
            if ui
                .checkbox(&mut shown, egui_text(paint, &label))
                .accessible_name(label)
                .changed()
            {
                out.push(AppCommand::SetPassagesListVisible(shown));
            }
        });
        menu(ui, paint, &tr!(loc, "menu-help"), |ui, paint| {
            action_item(ui, view, paint, Action::CommandPalette, out);
            action_item(ui, view, paint, Action::KeyboardShortcuts, out);
        });
    }
}

/// A menu of the menu bar, its title in the interface's direction.
fn menu(
    ui: &mut Ui,
    paint: &mut TextPaint,
    title: &str,
    contents: impl FnOnce(&mut Ui, &mut TextPaint),
) {
    let response = ui.menu_button(egui_text(paint, title), |ui| contents(ui, paint));
    let _ = response.response.accessible_name(title);
}

/// View → Text size: the scale of the whole interface (menus, panels, dialogs), beside the
/// reader's own zoom.
fn text_size_menu_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let current = view.state.text_scale.factor();
    menu(ui, paint, &tr!(loc, "menu-text-size"), |ui, paint| {
        for factor in crate::app::state::TextScale::CHOICES {
            #[expect(clippy::cast_possible_truncation, reason = "percentages up to 175")]
            let percent = (factor * 100.0).round() as i32;
            let label = tr!(loc, "menu-text-size-percent", percent = percent);
            if ui
                .radio((current - factor).abs() < 0.001, egui_text(paint, &label))
                .accessible_name(label)
                .clicked()
            {
                out.push(AppCommand::SetTextScale(factor));
                ui.close();
            }
        }
    });
}

/// View → Language (each language named in itself) and Digits.
fn language_menu_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    menu(ui, paint, &tr!(loc, "menu-language"), |ui, _| {
        for language in Language::ALL {
            if ui
                .radio(loc.language == language, language.native_name())
                .clicked()
            {
                out.push(AppCommand::SetLanguage(language));
                ui.close();
            }
        }
    });
    menu(ui, paint, &tr!(loc, "menu-digits"), |ui, paint| {
        for (digits, label) in [
            (Digits::Western, tr!(loc, "menu-digits-western")),
            (Digits::ArabicIndic, tr!(loc, "menu-digits-arabic-indic")),
        ] {
            if ui
                .radio(loc.digits == digits, egui_text(paint, &label))
                .accessible_name(label)
                .clicked()
            {
                out.push(AppCommand::SetDigits(digits));
                ui.close();
            }
        }
    });
}

/// The label and whether the entry can be used now; Undo and Redo name their step.
fn entry(view: &View<'_>, action: Action) -> (String, bool) {
    let doc = &view.session.doc;
    let loc = view.state.locale;
    match action {
        Action::Undo => match doc.undo_label() {
            Some(step) => (tr!(loc, "menu-undo-step", step = loc.step(step)), true),
            None => (action.label(loc), false),
        },
        Action::Redo => match doc.redo_label() {
            Some(step) => (tr!(loc, "menu-redo-step", step = loc.step(step)), true),
            None => (action.label(loc), false),
        },
        Action::CreatePassage => (
            tr!(loc, "menu-create-passage-from-selection"),
            view.state.reader_selection.is_some_and(|s| !s.is_empty()),
        ),
        other => (other.label(loc), true),
    }
}

fn action_item(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    action: Action,
    out: &mut Vec<AppCommand>,
) {
    let (label, enabled) = entry(view, action);
    let shortcut = action
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    let button = egui::Button::new(egui_text(paint, &label)).shortcut_text(shortcut);
    // Named by its label alone, so "Save" is "Save" whatever the platform's shortcut text.
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(egui_text(paint, &action.tooltip(view.state.locale)))
        .accessible_name(label);
    if response.clicked() {
        out.push(AppCommand::Action(action));
        ui.close();
    }
}
