//! The scenarios editor: add, retitle, narrate, judge the likelihood of and remove scenarios.

use egui::Ui;

use super::widgets::{link_target_card, memo_field, reveal_field, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, combo_face, combo_item, paint_combo_face, ui_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{EditorItem, Removal, Reveal};
use crate::edit::Edit;
use crate::model::{Likelihood, LinkTarget, MemoTarget, Scenario, ScenarioId};
use crate::tr;

pub fn scenarios_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    if ui_button(ui, paint, &tr!(loc, "scenarios-add")).clicked() {
        let id = ScenarioId::new();
        let scenario = Scenario {
            id,
            title: tr!(loc, "scenarios-new", number = ws.scenarios.len() + 1),
            narrative: String::new(),
            likelihood: Likelihood::Unassessed,
        };
        out.push(AppCommand::Edit(Edit::InsertScenario {
            index: ws.scenarios.len(),
            scenario,
        }));
        // The new scenario comes into view with its title focused, to be typed over.
        out.push(AppCommand::Reveal(Reveal {
            item: EditorItem::Scenario(id),
            memo: false,
        }));
    }
    if ws.scenarios.is_empty() {
        bidi_label(ui, paint, &tr!(loc, "scenarios-empty"), LabelStyle::Weak);
    }
    for s in &ws.scenarios {
        let target = LinkTarget::Scenario(s.id);
        let reveal = view
            .state
            .reveal
            .filter(|r| r.item == EditorItem::Scenario(s.id));
        let remove_name = |name: &str| tr!(loc, "scenarios-remove-named", name = name);
        let removal = (
            Removal::Scenario(s.id),
            &remove_name as &dyn Fn(&str) -> String,
        );
        link_target_card(
            ui,
            loc,
            ws,
            &s.title,
            target,
            paint,
            removal,
            out,
            |ui, paint, out, name| {
                let title = text_field(
                    ui,
                    paint,
                    &tr!(loc, "scenarios-title-of", name = name),
                    false,
                    &s.title,
                    1,
                );
                if reveal.is_some_and(|r| !r.memo) {
                    reveal_field(ui, paint, &title, true, out);
                }
                title.send(out, |title| {
                    Edit::SetScenario(Scenario { title, ..s.clone() })
                });
                text_field(
                    ui,
                    paint,
                    &tr!(loc, "scenarios-narrative-of", name = name),
                    false,
                    &s.narrative,
                    3,
                )
                .send(out, |narrative| {
                    Edit::SetScenario(Scenario {
                        narrative,
                        ..s.clone()
                    })
                });
                let mut likelihood = s.likelihood;
                let combo = egui::ComboBox::from_id_salt(("likelihood", s.id))
                    .selected_text(combo_face(
                        paint,
                        &tr!(
                            loc,
                            "scenarios-likelihood",
                            likelihood = loc.likelihood(likelihood)
                        ),
                    ))
                    .show_ui(ui, |ui| {
                        for l in Likelihood::ALL {
                            let name = loc.likelihood(l);
                            combo_item(ui, paint, &mut likelihood, l, &name);
                        }
                    });
                paint_combo_face(
                    ui,
                    paint,
                    &combo.response,
                    &tr!(
                        loc,
                        "scenarios-likelihood",
                        likelihood = loc.likelihood(likelihood)
                    ),
                );
                let _ = combo.response.accessible_name(tr!(
                    loc,
                    "scenarios-likelihood-of",
                    name = name
                ));
                if likelihood != s.likelihood {
                    out.push(AppCommand::Edit(Edit::SetScenario(Scenario {
                        likelihood,
                        ..s.clone()
                    })));
                }
                memo_field(
                    ui,
                    paint,
                    ws,
                    MemoTarget::Scenario(s.id),
                    Some(&tr!(loc, "field-memo")),
                    &tr!(loc, "memo-on", name = name),
                    reveal.is_some_and(|r| r.memo),
                    out,
                );
            },
        );
    }
}
