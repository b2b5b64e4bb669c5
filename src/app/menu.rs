//! The menu bar. Entries come from [`Action`], so a menu entry and its shortcut never disagree;
//! their words come from the message catalog, in the interface's language.

use egui::Ui;

use super::View;
use super::command::{Action, AppCommand};
use super::state::RightTab;
use crate::i18n::{Digits, Language};
use crate::tr;

pub fn menu_bar_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<AppCommand>) {
    let loc = view.state.locale;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr!(loc, "menu-file"), |ui| {
            for action in [Action::New, Action::Open, Action::Save, Action::SaveAs] {
                action_item(ui, view, action, out);
            }
            ui.separator();
            action_item(ui, view, Action::ImportBriefs, out);
            ui.separator();
            action_item(ui, view, Action::Quit, out);
        });
        ui.menu_button(tr!(loc, "menu-edit"), |ui| {
            action_item(ui, view, Action::Undo, out);
            action_item(ui, view, Action::Redo, out);
            ui.separator();
            action_item(ui, view, Action::CreatePassage, out);
            ui.separator();
            for action in [Action::Find, Action::FindNext, Action::FindPrevious] {
                action_item(ui, view, action, out);
            }
        });
        ui.menu_button(tr!(loc, "menu-view"), |ui| {
            for action in [Action::ZoomIn, Action::ZoomOut, Action::ZoomReset] {
                action_item(ui, view, action, out);
            }
            ui.separator();
            language_menu_ui(ui, view, out);
        });
        ui.menu_button(tr!(loc, "menu-analysis"), |ui| {
            for (tab, label) in [
                (RightTab::Passage, tr!(loc, "menu-show-inspector")),
                (RightTab::Codebook, tr!(loc, "menu-edit-codebook")),
                (RightTab::Determinants, tr!(loc, "menu-edit-determinants")),
                (RightTab::Scenarios, tr!(loc, "menu-edit-scenarios")),
            ] {
                if ui.button(label).clicked() {
                    out.push(AppCommand::ShowTab(tab));
                    ui.close();
                }
            }
            ui.separator();
            let mut shown = view.state.show_passages_list;
            if ui
                .checkbox(&mut shown, tr!(loc, "menu-passages-list"))
                .changed()
            {
                out.push(AppCommand::SetPassagesListVisible(shown));
            }
        });
    });
}

/// View → Language (each language named in itself) and Digits.
fn language_menu_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<AppCommand>) {
    let loc = view.state.locale;
    ui.menu_button(tr!(loc, "menu-language"), |ui| {
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
    ui.menu_button(tr!(loc, "menu-digits"), |ui| {
        for (digits, label) in [
            (Digits::Western, tr!(loc, "menu-digits-western")),
            (Digits::ArabicIndic, tr!(loc, "menu-digits-arabic-indic")),
        ] {
            if ui.radio(loc.digits == digits, label).clicked() {
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

fn action_item(ui: &mut Ui, view: &View<'_>, action: Action, out: &mut Vec<AppCommand>) {
    let (label, enabled) = entry(view, action);
    let shortcut = action
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    let button = egui::Button::new(&label).shortcut_text(shortcut);
    // Named by its label alone, so "Save" is "Save" whatever the platform's shortcut text.
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(action.tooltip(view.state.locale))
        .accessible_name(label);
    if response.clicked() {
        out.push(AppCommand::Action(action));
        ui.close();
    }
}
