//! The determinants editor: add, retitle, describe and remove determinants.

use egui::Ui;

use super::widgets::{link_target_card, memo_field, reveal_field, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{LabelStyle, bidi_label, ui_button};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{EditorItem, Removal, Reveal};
use crate::edit::Edit;
use crate::model::{Determinant, DeterminantId, LinkTarget, MemoTarget};
use crate::tr;

pub fn determinants_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    if ui_button(ui, paint, &tr!(loc, "determinants-add")).clicked() {
        let id = DeterminantId::new();
        let determinant = Determinant {
            id,
            title: tr!(loc, "determinants-new", number = ws.determinants.len() + 1),
            description: String::new(),
        };
        out.push(AppCommand::Edit(Edit::InsertDeterminant {
            index: ws.determinants.len(),
            determinant,
        }));
        // The new determinant comes into view with its title focused, to be typed over.
        out.push(AppCommand::Reveal(Reveal {
            item: EditorItem::Determinant(id),
            memo: false,
        }));
    }
    if ws.determinants.is_empty() {
        bidi_label(ui, paint, &tr!(loc, "determinants-empty"), LabelStyle::Weak);
    }
    for d in &ws.determinants {
        let target = LinkTarget::Determinant(d.id);
        let reveal = view
            .state
            .reveal
            .filter(|r| r.item == EditorItem::Determinant(d.id));
        let remove_name = |name: &str| tr!(loc, "determinants-remove-named", name = name);
        let removal = (
            Removal::Determinant(d.id),
            &remove_name as &dyn Fn(&str) -> String,
        );
        link_target_card(
            ui,
            loc,
            ws,
            &d.title,
            target,
            paint,
            removal,
            out,
            |ui, paint, out, name| {
                let title = text_field(
                    ui,
                    paint,
                    &tr!(loc, "determinants-title-of", name = name),
                    false,
                    &d.title,
                    1,
                );
                if reveal.is_some_and(|r| !r.memo) {
                    reveal_field(ui, paint, &title, true, out);
                }
                title.send(out, |title| {
                    Edit::SetDeterminant(Determinant { title, ..d.clone() })
                });
                text_field(
                    ui,
                    paint,
                    &tr!(loc, "determinants-description-of", name = name),
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
                memo_field(
                    ui,
                    paint,
                    ws,
                    MemoTarget::Determinant(d.id),
                    Some(&tr!(loc, "field-memo")),
                    &tr!(loc, "memo-on", name = name),
                    reveal.is_some_and(|r| r.memo),
                    out,
                );
            },
        );
    }
}
