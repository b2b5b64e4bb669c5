//! The codebook editor: add, rename, recolour, nest, describe and remove tags.

use egui::Ui;

use super::widgets::text_field;
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{bidi_selectable, visual_order};
use crate::app::paint::text_paint::TextPaint;
use crate::edit::Edit;
use crate::model::{Colour, Tag, TagId};

pub fn codebook_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let ws = view.ws();
    if ui.button("Add tag").clicked() {
        let tag = Tag {
            id: TagId::new(),
            name: format!("New tag {}", ws.tags.len() + 1),
            colour: Colour::nth(ws.tags.len()),
            parent: None,
            description: String::new(),
        };
        out.push(AppCommand::Edit(Edit::InsertTag {
            index: ws.tags.len(),
            tag,
        }));
    }
    if ws.tags.is_empty() {
        ui.weak("No tags yet.");
    }
    for tag in &ws.tags {
        ui.add_space(4.0);
        // Children sit under their parent, indented by depth.
        let depth = i8::try_from(ws.tag_depth(tag)).unwrap_or(i8::MAX).min(8);
        let indent = egui::Margin {
            left: 14 * depth,
            ..egui::Margin::ZERO
        };
        egui::Frame::group(ui.style())
            .outer_margin(indent)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                tag_ui(ui, view, paint, tag, out);
            });
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
    let name = if tag.name.trim().is_empty() {
        "(unnamed)"
    } else {
        tag.name.as_str()
    };
    ui.horizontal(|ui| {
        let mut rgb = tag.colour.0;
        let colour = ui
            .color_edit_button_srgb(&mut rgb)
            .accessible_name(format!("Colour of {name}"));
        if colour.changed() && rgb != tag.colour.0 {
            out.push(AppCommand::Type(Edit::SetTag(Tag {
                colour: Colour(rgb),
                ..tag.clone()
            })));
        }
        let count = ws
            .passages
            .iter()
            .filter(|p| p.tags.contains(&tag.id))
            .count();
        ui.weak(match count {
            1 => "1 passage".to_owned(),
            n => format!("{n} passages"),
        });
    });
    text_field(
        ui,
        paint,
        &format!("Name of tag {name}"),
        false,
        &tag.name,
        1,
    )
    .send(out, |text| {
        Edit::SetTag(Tag {
            name: text,
            ..tag.clone()
        })
    });

    let parent_name = tag
        .parent
        .and_then(|p| ws.tag(p))
        .map_or("(top level)", |p| p.name.as_str());
    let mut parent = tag.parent;
    let combo = egui::ComboBox::from_id_salt(("tag_parent", tag.id))
        .selected_text(format!("Parent: {}", visual_order(paint, parent_name)))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut parent, None, "(top level)");
            for other in ws.tags.iter().filter(|o| !ws.tag_is_within(o.id, tag.id)) {
                let path = ws.tag_path(other.id);
                if bidi_selectable(ui, paint, parent == Some(other.id), &path).clicked() {
                    parent = Some(other.id);
                }
            }
        });
    let _ = combo.response.accessible_name(format!("Parent of {name}"));
    if parent != tag.parent {
        out.push(AppCommand::Edit(Edit::SetTag(Tag {
            parent,
            ..tag.clone()
        })));
    }
    text_field(
        ui,
        paint,
        &format!("Description of {name}"),
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
    if ui
        .small_button("Remove tag")
        .accessible_name(format!("Remove tag {name}"))
        .clicked()
    {
        out.push(AppCommand::Edit(Edit::RemoveTag(tag.id)));
    }
}
