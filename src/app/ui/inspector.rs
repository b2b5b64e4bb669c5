//! The right panel: tabs for the passage inspector and the analysis editors; the inspector
//! shows the selected passage with its tags, links and memo.

use egui::Ui;

use super::codebook_editor::codebook_ui;
use super::determinants_editor::determinants_ui;
use super::scenarios_editor::scenarios_ui;
use super::widgets::{swatch, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_checkbox, bidi_label, bidi_paragraphs, bidi_selectable, visual_order,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{LinkDraft, RightTab};
use crate::edit::Edit;
use crate::model::{Link, LinkTarget, Passage, Relation, Workspace};

pub fn right_panel_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        for tab in RightTab::ALL {
            if ui
                .selectable_label(view.state.tab == tab, tab.label())
                .clicked()
            {
                out.push(AppCommand::ShowTab(tab));
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("right_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match view.state.tab {
            RightTab::Passage => passage_ui(ui, view, paint, out),
            RightTab::Codebook => codebook_ui(ui, view, paint, out),
            RightTab::Determinants => determinants_ui(ui, view, paint, out),
            RightTab::Scenarios => scenarios_ui(ui, view, paint, out),
            RightTab::Structure => super::structure_view::structure_ui(ui, view, paint, out),
        });
}

fn passage_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let ws = view.ws();
    let Some(passage) = view.state.selected_passage.and_then(|p| ws.passage(p)) else {
        ui.weak("No passage selected. Select text in the reader and click “Create passage”, or click a highlight or a row of the passages list.");
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        bidi_paragraphs(ui, paint, &passage.anchor.quote, LabelStyle::Body);
    });
    let brief = ws
        .brief(passage.brief)
        .map_or_else(|| "(missing brief)".to_owned(), |b| b.display_title());
    ui.horizontal(|ui| {
        ui.weak("From:");
        bidi_label(ui, paint, &brief, LabelStyle::Weak);
    });
    ui.weak(format!(
        "Characters {}–{} · created {}",
        passage.anchor.start,
        passage.anchor.end,
        passage.created.format("%Y-%m-%d %H:%M UTC")
    ));
    ui.add_space(6.0);
    tags_ui(ui, paint, ws, passage, out);
    ui.add_space(6.0);
    links_ui(ui, view, paint, passage, out);
    ui.add_space(6.0);
    let id = passage.id;
    text_field(ui, paint, "Memo", true, &passage.memo, 4)
        .send(out, |memo| Edit::SetPassageMemo { id, memo });
    ui.add_space(10.0);
    if ui.button("Delete passage").clicked() {
        out.push(AppCommand::Edit(Edit::RemovePassage(id)));
    }
}

fn tags_ui(
    ui: &mut Ui,
    paint: &mut TextPaint,
    ws: &Workspace,
    passage: &Passage,
    out: &mut Vec<AppCommand>,
) {
    ui.strong("Tags");
    if ws.tags.is_empty() {
        ui.weak("The codebook is empty: add tags in the Codebook tab.");
    }
    for tag in &ws.tags {
        ui.horizontal(|ui| {
            #[expect(clippy::cast_precision_loss, reason = "tree depths are tiny")]
            ui.add_space(12.0 * ws.tag_depth(tag) as f32);
            swatch(ui, tag.colour);
            let mut checked = passage.tags.contains(&tag.id);
            if bidi_checkbox(ui, paint, &mut checked, &tag.name).changed() {
                let mut tags = passage.tags.clone();
                if checked {
                    tags.push(tag.id);
                } else {
                    tags.retain(|t| *t != tag.id);
                }
                out.push(AppCommand::Edit(Edit::SetPassageTags {
                    id: passage.id,
                    tags,
                }));
            }
        });
    }
}

fn target_label(ws: &Workspace, target: LinkTarget) -> String {
    let title = ws.link_target_title(target).unwrap_or("(missing)");
    match target {
        LinkTarget::Determinant(_) => format!("Determinant · {title}"),
        LinkTarget::Scenario(_) => format!("Scenario · {title}"),
    }
}

fn links_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    passage: &Passage,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    ui.strong("Links");
    let set_links = |links: Vec<Link>| {
        AppCommand::Edit(Edit::SetPassageLinks {
            id: passage.id,
            links,
        })
    };
    if passage.links.is_empty() {
        ui.weak("No links yet.");
    }
    for (i, link) in passage.links.iter().enumerate() {
        let label = target_label(ws, link.target);
        ui.horizontal_wrapped(|ui| {
            bidi_label(ui, paint, &label, LabelStyle::Body);
            let mut relation = link.relation;
            let combo = egui::ComboBox::from_id_salt(("link_relation", passage.id, i))
                .selected_text(relation.word())
                .show_ui(ui, |ui| {
                    for r in Relation::ALL {
                        ui.selectable_value(&mut relation, r, r.word());
                    }
                });
            let _ = combo
                .response
                .accessible_name(format!("Relation to {label}"));
            if relation != link.relation {
                let mut links = passage.links.clone();
                links[i].relation = relation;
                out.push(set_links(links));
            }
            if ui
                .small_button("Remove")
                .accessible_name(format!("Remove link to {label}"))
                .clicked()
            {
                let mut links = passage.links.clone();
                links.remove(i);
                out.push(set_links(links));
            }
        });
    }
    add_link_ui(ui, view, paint, passage, out);
}

fn add_link_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    passage: &Passage,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let linked = |t: LinkTarget| passage.links.iter().any(|l| l.target == t);
    let targets: Vec<LinkTarget> = ws
        .determinants
        .iter()
        .map(|d| LinkTarget::Determinant(d.id))
        .chain(ws.scenarios.iter().map(|s| LinkTarget::Scenario(s.id)))
        .filter(|t| !linked(*t))
        .collect();
    if targets.is_empty() {
        if ws.determinants.is_empty() && ws.scenarios.is_empty() {
            ui.weak("Add determinants or scenarios to link passages to them.");
        }
        return;
    }
    let draft = view.state.link_draft;
    let target = draft.target.filter(|t| targets.contains(t));
    let mut chosen = draft;
    chosen.target = target;
    ui.horizontal(|ui| {
        let label = ui.label("Link to");
        let combo = egui::ComboBox::from_id_salt("new_link_target")
            .selected_text(target.map_or_else(
                || "choose…".to_owned(),
                |t| visual_order(paint, &target_label(ws, t)),
            ))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for t in &targets {
                    let selected = chosen.target == Some(*t);
                    if bidi_selectable(ui, paint, selected, &target_label(ws, *t)).clicked() {
                        chosen.target = Some(*t);
                    }
                }
            });
        let _ = combo.response.labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label("Relation");
        let combo = egui::ComboBox::from_id_salt("new_link_relation")
            .selected_text(chosen.relation.word())
            .show_ui(ui, |ui| {
                for r in Relation::ALL {
                    ui.selectable_value(&mut chosen.relation, r, r.word());
                }
            });
        let _ = combo.response.labelled_by(label.id);
        if ui
            .add_enabled(chosen.target.is_some(), egui::Button::new("Add link"))
            .clicked()
            && let Some(target) = chosen.target
        {
            let mut links = passage.links.clone();
            links.push(Link {
                target,
                relation: chosen.relation,
            });
            out.push(AppCommand::Edit(Edit::SetPassageLinks {
                id: passage.id,
                links,
            }));
            chosen = LinkDraft {
                target: None,
                relation: chosen.relation,
            };
        }
    });
    if chosen != draft {
        out.push(AppCommand::SetLinkDraft(chosen));
    }
}
