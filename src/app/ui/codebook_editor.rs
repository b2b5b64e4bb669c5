//! The codebook editor: add, rename, recolour, nest, describe and remove tags; a tag's context
//! menu moves it under another tag (or to the top) and merges it into another tag.

use egui::Ui;

use super::widgets::{memo_field, remove_button, reveal_field, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, bidi_selectable, combo_face, combo_item, egui_text, paint_combo_face,
    ui_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{EditorItem, Removal, Reveal};
use crate::edit::Edit;
use crate::model::{Colour, MemoTarget, Tag, TagId, Workspace};
use crate::tr;

pub fn codebook_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let ws = view.ws();
    let loc = view.state.locale;
    if ui_button(ui, paint, &tr!(loc, "codebook-add")).clicked() {
        let id = TagId::new();
        let tag = Tag {
            id,
            name: tr!(loc, "codebook-new-tag", number = ws.tags.len() + 1),
            colour: Colour::nth(ws.tags.len()),
            parent: None,
            description: String::new(),
        };
        out.push(AppCommand::Edit(Edit::InsertTag {
            index: ws.tags.len(),
            tag,
        }));
        // The new tag comes into view with its name focused, to be typed over.
        out.push(AppCommand::Reveal(Reveal {
            item: EditorItem::Tag(id),
            memo: false,
        }));
    }
    if ws.tags.is_empty() {
        bidi_label(ui, paint, &tr!(loc, "codebook-empty"), LabelStyle::Weak);
    }
    // Each tag under its parent, however the codebook lists them.
    for tag in ws.tags_in_tree_order() {
        ui.add_space(4.0);
        // Children sit under their parent, indented by depth.
        let depth = i8::try_from(ws.tag_depth(tag)).unwrap_or(i8::MAX).min(8);
        let indent = egui::Margin {
            left: 14 * depth,
            ..egui::Margin::ZERO
        };
        let card = egui::Frame::group(ui.style())
            .outer_margin(indent)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                tag_ui(ui, view, paint, tag, out);
            });
        // A right click anywhere on the tag's card, on its fields too.
        card.response.container_context_menu(|ui| {
            tag_menu_ui(ui, view, paint, tag, out);
        });
        // Another tag dragged here by its handle moves under this one (never under its own
        // descendant).
        let fits = |dragged: TagId| dragged != tag.id && !ws.tag_is_within(tag.id, dragged);
        if let Some(dragged) = card.response.dnd_hover_payload::<TagId>()
            && fits(*dragged)
        {
            let stroke = ui.visuals().selection.stroke;
            ui.painter()
                .rect_stroke(card.response.rect, 4.0, stroke, egui::StrokeKind::Inside);
        }
        if let Some(dragged) = card.response.dnd_release_payload::<TagId>()
            && fits(*dragged)
        {
            out.extend(move_command(ws, *dragged, Some(tag.id)));
        }
    }
    // While a tag is dragged: a place to drop it for the top level.
    if egui::DragAndDrop::has_payload_of_type::<TagId>(ui.ctx()) {
        ui.add_space(4.0);
        let (_, dropped) = ui.dnd_drop_zone::<TagId, _>(egui::Frame::group(ui.style()), |ui| {
            ui.set_width(ui.available_width());
            bidi_label(ui, paint, &tr!(loc, "codebook-drop-top"), LabelStyle::Weak);
        });
        if let Some(dragged) = dropped {
            out.extend(move_command(ws, *dragged, None));
        }
    }
}

/// The one-step edit that puts tag `id` under `parent` (the top level for `None`); nothing
/// when it is there already or gone.
fn move_command(ws: &Workspace, id: TagId, parent: Option<TagId>) -> Option<AppCommand> {
    let tag = ws.tag(id).filter(|t| t.parent != parent)?;
    Some(AppCommand::Edit(Edit::Batch {
        label: "move tag".into(),
        edits: vec![Edit::SetTag(Tag {
            parent,
            ..tag.clone()
        })],
    }))
}

/// The handle a tag is dragged by onto another tag (or the top level): three short lines.
fn drag_handle_ui(ui: &mut Ui, loc: crate::i18n::Locale, tag: &Tag, name: &str) {
    let id = ui.scope_id().with(("tag_drag", tag.id));
    let handle = ui.dnd_drag_source(id, tag.id, |ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 16.0), egui::Sense::hover());
        let stroke = egui::Stroke::new(1.5, ui.visuals().weak_text_color());
        for dy in [-4.0, 0.0, 4.0] {
            let y = rect.center().y + dy;
            ui.painter().line_segment(
                [
                    egui::pos2(rect.left() + 1.0, y),
                    egui::pos2(rect.right() - 1.0, y),
                ],
                stroke,
            );
        }
    });
    let text = tr!(loc, "codebook-drag-handle", name = name);
    handle
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &text));
}

/// A tag's context menu: *Move to* (the top level or any tag not below it), *Merge into* (any
/// other tag), and *Remove…* (which asks, as every removal does).
fn tag_menu_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    tag: &Tag,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let move_to = tr!(loc, "codebook-move-to");
    ui.menu_button(egui_text(paint, &move_to), |ui| {
        let top = tr!(loc, "codebook-top-level");
        let mut chosen = None;
        if bidi_selectable(ui, paint, tag.parent.is_none(), &top).clicked() {
            chosen = Some(None);
        }
        // Not under itself or one of its own descendants.
        for other in ws
            .tags_in_tree_order()
            .into_iter()
            .filter(|o| !ws.tag_is_within(o.id, tag.id))
        {
            let path = ws.tag_path(other.id);
            if bidi_selectable(ui, paint, tag.parent == Some(other.id), &path).clicked() {
                chosen = Some(Some(other.id));
            }
        }
        if let Some(parent) = chosen {
            out.extend(move_command(ws, tag.id, parent));
            ui.close();
        }
    })
    .response
    .accessible_name(move_to);
    let merge_into = tr!(loc, "codebook-merge-into");
    let others: Vec<&Tag> = ws
        .tags_in_tree_order()
        .into_iter()
        .filter(|o| o.id != tag.id)
        .collect();
    let merge = ui.add_enabled_ui(!others.is_empty(), |ui| {
        ui.menu_button(egui_text(paint, &merge_into), |ui| {
            for other in &others {
                let path = ws.tag_path(other.id);
                if bidi_selectable(ui, paint, false, &path).clicked() {
                    out.push(AppCommand::MergeTag {
                        from: tag.id,
                        into: other.id,
                    });
                    ui.close();
                }
            }
        })
        .response
        .accessible_name(merge_into.clone())
    });
    let _ = merge
        .inner
        .on_hover_text(egui_text(paint, &tr!(loc, "codebook-merge-tooltip")));
    ui.separator();
    if ui_button(ui, paint, &tr!(loc, "button-remove-ask")).clicked() {
        out.push(AppCommand::AskRemove(Removal::Tag(tag.id)));
        ui.close();
    }
}

fn tag_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    tag: &Tag,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let unnamed = tr!(loc, "unnamed");
    let name = if tag.name.trim().is_empty() {
        unnamed.as_str()
    } else {
        tag.name.as_str()
    };
    ui.horizontal(|ui| {
        drag_handle_ui(ui, loc, tag, name);
        let mut rgb = tag.colour.0;
        let colour = ui.color_edit_button_srgb(&mut rgb).accessible_name(tr!(
            loc,
            "codebook-colour-of",
            name = name
        ));
        if colour.changed() && rgb != tag.colour.0 {
            out.push(AppCommand::Type(Edit::SetTag(Tag {
                colour: Colour(rgb),
                ..tag.clone()
            })));
        }
        let (total, own) = view.lists.tag_counts(tag.id);
        let has_children = ws
            .tags
            .iter()
            .any(|t| t.id != tag.id && ws.tag_is_within(t.id, tag.id));
        let count = if has_children {
            // A parent counts the passages of its descendants too, and says how many are its own.
            tr!(loc, "codebook-count-rollup", total = total, own = own)
        } else {
            tr!(loc, "passage-count", count = own)
        };
        bidi_label(ui, paint, &count, LabelStyle::Weak);
        let remove_name = tr!(loc, "codebook-remove-named", name = name);
        remove_button(ui, paint, loc, &remove_name, Removal::Tag(tag.id), out);
    });
    let reveal = view
        .state
        .reveal
        .filter(|r| r.item == EditorItem::Tag(tag.id));
    let name_field = text_field(
        ui,
        paint,
        &tr!(loc, "codebook-name-of", name = name),
        false,
        &tag.name,
        1,
    );
    if reveal.is_some_and(|r| !r.memo) {
        reveal_field(ui, paint, &name_field, true, out);
    }
    name_field.send(out, |text| {
        Edit::SetTag(Tag {
            name: text,
            ..tag.clone()
        })
    });

    let parent_name = tag
        .parent
        .and_then(|p| ws.tag(p))
        .map_or_else(|| tr!(loc, "codebook-top-level"), |p| p.name.clone());
    let mut parent = tag.parent;
    let face = tr!(loc, "codebook-parent", parent = &parent_name);
    let combo = egui::ComboBox::from_id_salt(("tag_parent", tag.id))
        .selected_text(combo_face(paint, &face))
        .show_ui(ui, |ui| {
            let top = tr!(loc, "codebook-top-level");
            combo_item(ui, paint, &mut parent, None, &top);
            for other in ws
                .tags_in_tree_order()
                .into_iter()
                .filter(|o| !ws.tag_is_within(o.id, tag.id))
            {
                let path = ws.tag_path(other.id);
                if bidi_selectable(ui, paint, parent == Some(other.id), &path).clicked() {
                    parent = Some(other.id);
                }
            }
        });
    paint_combo_face(ui, paint, &combo.response, &face);
    let _ = combo
        .response
        .accessible_name(tr!(loc, "codebook-parent-of", name = name));
    if parent != tag.parent {
        out.push(AppCommand::Edit(Edit::SetTag(Tag {
            parent,
            ..tag.clone()
        })));
    }
    text_field(
        ui,
        paint,
        &tr!(loc, "codebook-description-of", name = name),
        false,
        &tag.description,
        2,
    )
    .send(out, |text| {
        Edit::SetTag(Tag {
            description: text,
            ..tag.clone()
        })
    });
    memo_field(
        ui,
        paint,
        ws,
        MemoTarget::Tag(tag.id),
        Some(&tr!(loc, "field-memo")),
        &tr!(loc, "memo-on", name = name),
        reveal.is_some_and(|r| r.memo),
        out,
    );
}
