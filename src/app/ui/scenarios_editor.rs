//! The scenarios editor: add, retitle, narrate, judge the likelihood of and remove scenarios.

use egui::Ui;

use super::widgets::{link_target_card, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::text_paint::TextPaint;
use crate::edit::Edit;
use crate::model::{Likelihood, LinkTarget, Scenario, ScenarioId};

pub fn scenarios_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    if ui.button("Add scenario").clicked() {
        let scenario = Scenario {
            id: ScenarioId::new(),
            title: format!("New scenario {}", ws.scenarios.len() + 1),
            narrative: String::new(),
            likelihood: Likelihood::Unassessed,
        };
        out.push(AppCommand::Edit(Edit::InsertScenario {
            index: ws.scenarios.len(),
            scenario,
        }));
    }
    if ws.scenarios.is_empty() {
        ui.weak("No scenarios yet: the possible futures.");
    }
    for s in &ws.scenarios {
        let target = LinkTarget::Scenario(s.id);
        link_target_card(ui, ws, &s.title, target, |ui, name| {
            text_field(
                ui,
                paint,
                &format!("Title of scenario {name}"),
                false,
                &s.title,
                1,
            )
            .send(out, |title| {
                Edit::SetScenario(Scenario { title, ..s.clone() })
            });
            text_field(
                ui,
                paint,
                &format!("Narrative of scenario {name}"),
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
                .selected_text(format!("Likelihood: {}", likelihood.label()))
                .show_ui(ui, |ui| {
                    for l in Likelihood::ALL {
                        ui.selectable_value(&mut likelihood, l, l.label());
                    }
                });
            let _ = combo
                .response
                .accessible_name(format!("Likelihood of {name}"));
            if likelihood != s.likelihood {
                out.push(AppCommand::Edit(Edit::SetScenario(Scenario {
                    likelihood,
                    ..s.clone()
                })));
            }
            if ui
                .small_button("Remove scenario")
                .accessible_name(format!("Remove scenario {name}"))
                .clicked()
            {
                out.push(AppCommand::Edit(Edit::RemoveScenario(s.id)));
            }
        });
    }
}
