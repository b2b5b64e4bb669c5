//! The determinants editor: add, retitle, describe and remove determinants.

use egui::Ui;

use super::widgets::{link_target_card, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::text_paint::TextPaint;
use crate::edit::Edit;
use crate::model::{Determinant, DeterminantId, LinkTarget};

pub fn determinants_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    if ui.button("Add determinant").clicked() {
        let determinant = Determinant {
            id: DeterminantId::new(),
            title: format!("New determinant {}", ws.determinants.len() + 1),
            description: String::new(),
        };
        out.push(AppCommand::Edit(Edit::InsertDeterminant {
            index: ws.determinants.len(),
            determinant,
        }));
    }
    if ws.determinants.is_empty() {
        ui.weak("No determinants yet: the drivers that shape the outcome.");
    }
    for d in &ws.determinants {
        let target = LinkTarget::Determinant(d.id);
        link_target_card(ui, ws, &d.title, target, |ui, name| {
            text_field(
                ui,
                paint,
                &format!("Title of determinant {name}"),
                false,
                &d.title,
                1,
            )
            .send(out, |title| {
                Edit::SetDeterminant(Determinant { title, ..d.clone() })
            });
            text_field(
                ui,
                paint,
                &format!("Description of determinant {name}"),
                false,
                &d.description,
                3,
            )
            .send(out, |description| {
                Edit::SetDeterminant(Determinant {
                    description,
                    ..d.clone()
                })
            });
            if ui
                .small_button("Remove determinant")
                .accessible_name(format!("Remove determinant {name}"))
                .clicked()
            {
                out.push(AppCommand::Edit(Edit::RemoveDeterminant(d.id)));
            }
        });
    }
}
