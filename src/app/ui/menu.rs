//! The menu bar. Entries come from [`Action`], so a menu entry and its shortcut never disagree.

use egui::Ui;

use crate::app::View;
use crate::app::command::{Action, AppCommand};
use crate::app::state::RightTab;

pub fn menu_bar_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<AppCommand>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for action in [Action::New, Action::Open, Action::Save, Action::SaveAs] {
                action_item(ui, view, action, out);
            }
            ui.separator();
            action_item(ui, view, Action::ImportBriefs, out);
            ui.separator();
            action_item(ui, view, Action::Quit, out);
        });
        ui.menu_button("Edit", |ui| {
            action_item(ui, view, Action::Undo, out);
            action_item(ui, view, Action::Redo, out);
            ui.separator();
            action_item(ui, view, Action::CreatePassage, out);
            ui.separator();
            for action in [Action::Find, Action::FindNext, Action::FindPrevious] {
                action_item(ui, view, action, out);
            }
        });
        ui.menu_button("View", |ui| {
            for action in [Action::ZoomIn, Action::ZoomOut, Action::ZoomReset] {
                action_item(ui, view, action, out);
            }
        });
        ui.menu_button("Analysis", |ui| {
            for (tab, label) in [
                (RightTab::Passage, "Show passage inspector"),
                (RightTab::Codebook, "Edit codebook"),
                (RightTab::Determinants, "Edit determinants"),
                (RightTab::Scenarios, "Edit scenarios"),
            ] {
                if ui.button(label).clicked() {
                    out.push(AppCommand::ShowTab(tab));
                    ui.close();
                }
            }
            ui.separator();
            let mut shown = view.state.show_passages_list;
            if ui.checkbox(&mut shown, "Passages list").changed() {
                out.push(AppCommand::SetPassagesListVisible(shown));
            }
        });
    });
}

/// The label and whether the entry can be used now; Undo and Redo name their step.
fn entry(view: &View<'_>, action: Action) -> (String, bool) {
    let doc = &view.session.doc;
    match action {
        Action::Undo => match doc.undo_label() {
            Some(step) => (format!("Undo: {step}"), true),
            None => ("Undo".into(), false),
        },
        Action::Redo => match doc.redo_label() {
            Some(step) => (format!("Redo: {step}"), true),
            None => ("Redo".into(), false),
        },
        Action::CreatePassage => (
            "Create passage from selection".into(),
            view.state.reader_selection.is_some_and(|s| !s.is_empty()),
        ),
        other => (other.label().into(), true),
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
        .on_hover_text(action.tooltip())
        .accessible_name(label);
    if response.clicked() {
        out.push(AppCommand::Action(action));
        ui.close();
    }
}
