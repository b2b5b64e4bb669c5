//! The right panel: tabs for the passage inspector and the analysis editors; the inspector
//! shows the selected passage with its tags, links and memo.

use egui::Ui;

use super::codebook_editor::codebook_ui;
use super::determinants_editor::determinants_ui;
use super::scenarios_editor::scenarios_ui;
use super::widgets::{swatch, tag_chip, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_checkbox, bidi_label, bidi_paragraphs, bidi_selectable, combo_face,
    combo_item, egui_text, line_height, message_label, paint_combo_face, ui_button,
    ui_button_enabled, ui_small_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{LinkDraft, Removal, RightTab};
use crate::edit::Edit;
use crate::i18n::Locale;
use crate::model::{
    Colour, Credibility, Link, LinkTarget, Passage, Relation, Relevance, Tag, TagId, Workspace,
};
use crate::tr;

pub fn right_panel_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    ui.horizontal_wrapped(|ui| {
        for tab in RightTab::ALL {
            let label = tab.label(loc);
            if ui
                .selectable_label(view.state.tab == tab, egui_text(paint, &label))
                .accessible_name(label)
                .clicked()
            {
                out.push(AppCommand::ShowTab(tab));
            }
        }
    });
    ui.separator();
    if view.state.tab == RightTab::Search {
        // Its own scroll area, which lays out only the result lines in view.
        super::search_panel::search_ui(ui, view, paint, out);
        return;
    }
    // Another tab or another passage starts at the top, not at the last one's scroll.
    let memory = ui.scope_id().with("right_scroll_shown");
    let shown = memory.with((format!("{:?}", view.state.tab), view.state.selected_passage));
    let moved_on = ui.data_mut(|d| {
        let before = d.get_temp::<egui::Id>(memory);
        d.insert_temp(memory, shown);
        before.is_some_and(|b| b != shown)
    });
    let mut area = egui::ScrollArea::vertical()
        .id_salt("right_scroll")
        .auto_shrink([false, false]);
    if moved_on {
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, |ui| match view.state.tab {
        RightTab::Passage => passage_ui(ui, view, paint, out),
        RightTab::Codebook => codebook_ui(ui, view, paint, out),
        RightTab::Determinants => determinants_ui(ui, view, paint, out),
        RightTab::Scenarios => scenarios_ui(ui, view, paint, out),
        RightTab::Structure => super::structure_view::structure_ui(ui, view, paint, out),
        RightTab::Memos => super::memos_view::memos_ui(ui, view, paint, out),
        RightTab::Search => {}
    });
}

fn passage_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let ws = view.ws();
    let loc = view.state.locale;
    let Some(passage) = view.state.selected_passage.and_then(|p| ws.passage(p)) else {
        bidi_label(ui, paint, &tr!(loc, "inspector-none"), LabelStyle::Weak);
        return;
    };
    // What the analyst works on comes first, so that at 1280×800 the quote, the passage's
    // tags, its memo and its links are in view without scrolling: a long quote scrolls in
    // its own frame; the credibility, the range and the whole codebook's check boxes follow.
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::ScrollArea::vertical()
            .id_salt(("inspector_quote", passage.id))
            .max_height(6.0 * line_height(ui, LabelStyle::Body))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                bidi_paragraphs(ui, paint, &passage.anchor.quote, LabelStyle::Body);
            });
    });
    let brief = ws
        .brief(passage.brief)
        .map_or_else(|| tr!(loc, "missing-brief"), |b| b.display_title());
    ui.horizontal(|ui| {
        bidi_label(ui, paint, &tr!(loc, "inspector-from"), LabelStyle::Weak);
        bidi_label(ui, paint, &brief, LabelStyle::Weak);
    });
    let created = format!(
        "{} {} UTC",
        loc.date(passage.created.date_naive()),
        loc.digits
            .apply(&passage.created.format("%H:%M").to_string())
    );
    let characters = tr!(
        loc,
        "inspector-characters",
        start = passage.anchor.start,
        end = passage.anchor.end,
        created = created
    );
    message_label(ui, paint, &characters, LabelStyle::Weak);
    tag_chips_ui(ui, loc, paint, ws, passage);
    ui.add_space(4.0);
    let id = passage.id;
    text_field(ui, paint, &tr!(loc, "field-memo"), true, &passage.memo, 4)
        .send(out, |memo| Edit::SetPassageMemo { id, memo });
    ui.add_space(6.0);
    links_ui(ui, view, paint, passage, out);
    ui.add_space(6.0);
    credibility_ui(ui, loc, paint, ws, passage, out);
    let selection = view
        .state
        .reader_selection
        .filter(|s| !s.is_empty() && s.brief == passage.brief);
    if ui_button_enabled(
        ui,
        paint,
        selection.is_some(),
        &tr!(loc, "inspector-to-selection"),
    )
    .on_hover_text(egui_text(
        paint,
        &tr!(loc, "inspector-to-selection-tooltip"),
    ))
    .clicked()
    {
        out.push(AppCommand::PassageToSelection(passage.id));
    }
    ui.add_space(6.0);
    tags_ui(ui, view, paint, passage, out);
    ui.add_space(10.0);
    if ui_button(ui, paint, &tr!(loc, "inspector-delete-passage")).clicked() {
        out.push(AppCommand::AskRemove(Removal::Passage(id)));
    }
}

/// The passage's tags as chips in their colours, under its quote ("no tags" when it has none);
/// they are set in the codebook's check boxes further down.
fn tag_chips_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    ws: &Workspace,
    passage: &Passage,
) {
    ui.horizontal_wrapped(|ui| {
        let mut any = false;
        for tag in passage.tags.iter().filter_map(|t| ws.tag(*t)) {
            tag_chip(ui, paint, tag);
            any = true;
        }
        if !any {
            bidi_label(ui, paint, &tr!(loc, "inspector-no-tags"), LabelStyle::Weak);
        }
    });
}

/// The passage's own credibility (1–6 with the standard definitions), or its brief's.
fn credibility_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    ws: &Workspace,
    passage: &Passage,
    out: &mut Vec<AppCommand>,
) {
    let own = ws.assessment.credibility.get(&passage.id).copied();
    let mut chosen = own;
    let inherit = match ws.assessment.grade(passage.brief).credibility {
        Some(c) => format!(
            "{} ({})",
            tr!(loc, "inspector-credibility-inherit"),
            loc.credibility(c)
        ),
        None => tr!(loc, "inspector-credibility-inherit"),
    };
    ui.horizontal_wrapped(|ui| {
        let label = message_label(
            ui,
            paint,
            &tr!(loc, "inspector-credibility"),
            LabelStyle::Body,
        );
        let face = chosen.map_or_else(|| inherit.clone(), |c| loc.credibility(c));
        let combo = egui::ComboBox::from_id_salt(("passage_credibility", passage.id))
            .selected_text(combo_face(paint, &face))
            .show_ui(ui, |ui| {
                combo_item(ui, paint, &mut chosen, None, &inherit);
                for c in Credibility::ALL {
                    let name = loc.credibility(c);
                    combo_item(ui, paint, &mut chosen, Some(c), &name);
                }
            });
        paint_combo_face(ui, paint, &combo.response, &face);
        let _ = combo.response.labelled_by(label.id);
    });
    if chosen != own {
        out.push(AppCommand::Edit(Edit::SetPassageCredibility {
            id: passage.id,
            credibility: chosen,
        }));
    }
}

/// The relevance of one of the passage's links: low, medium, high or not set.
#[expect(clippy::too_many_arguments, reason = "one row of the links list")]
fn relevance_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    ws: &Workspace,
    passage: &Passage,
    target: LinkTarget,
    label: &str,
    out: &mut Vec<AppCommand>,
) {
    let set = ws.assessment.relevance.get(&(passage.id, target)).copied();
    let mut chosen = set;
    let unset = tr!(loc, "relevance-unset");
    let face = chosen.map_or_else(|| unset.clone(), |r| loc.relevance(r));
    let combo = egui::ComboBox::from_id_salt(("link_relevance", passage.id, target))
        .selected_text(combo_face(paint, &face))
        .show_ui(ui, |ui| {
            combo_item(ui, paint, &mut chosen, None, &unset);
            for r in Relevance::ALL {
                let word = loc.relevance(r);
                combo_item(ui, paint, &mut chosen, Some(r), &word);
            }
        });
    paint_combo_face(ui, paint, &combo.response, &face);
    let _ = combo
        .response
        .accessible_name(tr!(loc, "inspector-relevance-of", target = label));
    if chosen != set {
        out.push(AppCommand::Edit(Edit::SetLinkRelevance {
            passage: passage.id,
            target,
            relevance: chosen,
        }));
    }
}

/// The tag picker: a check box per tag (each under its parent), and a field to type a tag's
/// name in — it narrows the list to the tags whose names hold it, and offers to apply the tag
/// of that name or, when there is none, to create it and apply it in one step.
fn tags_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    passage: &Passage,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let draft = view.state.tag_draft.as_str();
    let wanted = draft.trim();
    let folded = wanted.to_lowercase();
    bidi_label(ui, paint, &tr!(loc, "inspector-tags"), LabelStyle::Strong);
    if ws.tags.is_empty() {
        bidi_label(
            ui,
            paint,
            &tr!(loc, "inspector-codebook-empty"),
            LabelStyle::Weak,
        );
    }
    for tag in ws.tags_in_tree_order() {
        if !folded.is_empty() && !tag.name.to_lowercase().contains(&folded) {
            continue;
        }
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
    // An id of its own: the list above it narrows as a name is typed, which would otherwise
    // change the field's id and take the focus away mid-word.
    let field = ui
        .scope_builder(
            egui::UiBuilder::new().scope_id(ui.scope_id().with("new_tag_field")),
            |ui| text_field(ui, paint, &tr!(loc, "inspector-new-tag"), false, draft, 1),
        )
        .inner;
    if let Some(text) = field.changed {
        out.push(AppCommand::SetTagDraft(text));
    }
    if wanted.is_empty() {
        return;
    }
    let entered = field.lost_focus && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let existing = ws
        .tags
        .iter()
        .find(|t| t.name.trim().to_lowercase() == folded);
    let edit = match existing {
        Some(tag) if passage.tags.contains(&tag.id) => None,
        Some(tag) => {
            let label = tr!(loc, "inspector-apply-tag", name = tag.name.as_str());
            let mut tags = passage.tags.clone();
            tags.push(tag.id);
            (ui_button(ui, paint, &label).clicked() || entered).then_some(Edit::SetPassageTags {
                id: passage.id,
                tags,
            })
        }
        None => {
            let label = tr!(loc, "inspector-create-tag", name = wanted);
            (ui_button(ui, paint, &label).clicked() || entered).then(|| {
                let tag = Tag {
                    id: TagId::new(),
                    name: wanted.to_owned(),
                    colour: Colour::nth(ws.tags.len()),
                    parent: None,
                    description: String::new(),
                };
                let mut tags = passage.tags.clone();
                tags.push(tag.id);
                Edit::Batch {
                    label: "create tag and apply".into(),
                    edits: vec![
                        Edit::InsertTag {
                            index: ws.tags.len(),
                            tag,
                        },
                        Edit::SetPassageTags {
                            id: passage.id,
                            tags,
                        },
                    ],
                }
            })
        }
    };
    if let Some(edit) = edit {
        out.push(AppCommand::Edit(edit));
        out.push(AppCommand::SetTagDraft(String::new()));
    }
}

fn target_label(loc: Locale, ws: &Workspace, target: LinkTarget) -> String {
    let title = ws
        .link_target_title(target)
        .map_or_else(|| tr!(loc, "missing-target"), str::to_owned);
    match target {
        LinkTarget::Determinant(_) => tr!(loc, "link-target-determinant", title = title),
        LinkTarget::Scenario(_) => tr!(loc, "link-target-scenario", title = title),
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
    let loc = view.state.locale;
    bidi_label(ui, paint, &tr!(loc, "inspector-links"), LabelStyle::Strong);
    let set_links = |links: Vec<Link>| {
        AppCommand::Edit(Edit::SetPassageLinks {
            id: passage.id,
            links,
        })
    };
    if passage.links.is_empty() {
        bidi_label(ui, paint, &tr!(loc, "inspector-no-links"), LabelStyle::Weak);
    }
    for (i, link) in passage.links.iter().enumerate() {
        let label = target_label(loc, ws, link.target);
        ui.horizontal_wrapped(|ui| {
            bidi_label(ui, paint, &label, LabelStyle::Body);
            let mut relation = link.relation;
            let combo = egui::ComboBox::from_id_salt(("link_relation", passage.id, i))
                .selected_text(combo_face(paint, &loc.relation(relation)))
                .show_ui(ui, |ui| {
                    for r in Relation::ALL {
                        let word = loc.relation(r);
                        combo_item(ui, paint, &mut relation, r, &word);
                    }
                });
            paint_combo_face(ui, paint, &combo.response, &loc.relation(relation));
            let _ =
                combo
                    .response
                    .accessible_name(tr!(loc, "inspector-relation-to", target = &label));
            if relation != link.relation {
                let mut links = passage.links.clone();
                links[i].relation = relation;
                out.push(set_links(links));
            }
            relevance_ui(ui, loc, paint, ws, passage, link.target, &label, out);
            if ui_small_button(ui, paint, &tr!(loc, "button-remove"))
                .accessible_name(tr!(loc, "inspector-remove-link-to", target = &label))
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
    let loc = view.state.locale;
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
            bidi_label(
                ui,
                paint,
                &tr!(loc, "inspector-no-targets"),
                LabelStyle::Weak,
            );
        }
        return;
    }
    let draft = view.state.link_draft;
    let target = draft.target.filter(|t| targets.contains(t));
    let mut chosen = draft;
    chosen.target = target;
    ui.horizontal(|ui| {
        let label = message_label(ui, paint, &tr!(loc, "inspector-link-to"), LabelStyle::Body);
        let face = match target {
            Some(t) => target_label(loc, ws, t),
            None => tr!(loc, "choose"),
        };
        let combo = egui::ComboBox::from_id_salt("new_link_target")
            .selected_text(combo_face(paint, &face))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for t in &targets {
                    let selected = chosen.target == Some(*t);
                    if bidi_selectable(ui, paint, selected, &target_label(loc, ws, *t)).clicked() {
                        chosen.target = Some(*t);
                    }
                }
            });
        paint_combo_face(ui, paint, &combo.response, &face);
        let _ = combo.response.labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = message_label(ui, paint, &tr!(loc, "inspector-relation"), LabelStyle::Body);
        let combo = egui::ComboBox::from_id_salt("new_link_relation")
            .selected_text(combo_face(paint, &loc.relation(chosen.relation)))
            .show_ui(ui, |ui| {
                for r in Relation::ALL {
                    let word = loc.relation(r);
                    combo_item(ui, paint, &mut chosen.relation, r, &word);
                }
            });
        paint_combo_face(ui, paint, &combo.response, &loc.relation(chosen.relation));
        let _ = combo.response.labelled_by(label.id);
        if ui_button_enabled(
            ui,
            paint,
            chosen.target.is_some(),
            &tr!(loc, "inspector-add-link"),
        )
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
