//! The passages list: every passage of the workspace, filtered by brief, tag, determinant
//! and scenario; a click shows the passage in the reader.

use egui::Ui;

use super::widgets::{grade_badge, passage_grade, shorten, tag_chip, visible_rows};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, bidi_selectable, line_height, ui_small_button, visual_order,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::PassageFilter;
use crate::i18n::Locale;
use crate::model::{Passage, Workspace};
use crate::tr;

pub fn passages_list_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let filter = view.state.filter;
    let lists = view.lists;
    ui.horizontal_wrapped(|ui| {
        let heading = tr!(
            loc,
            "passages-heading",
            shown = lists.filtered_len(),
            total = ws.passages.len()
        );
        bidi_label(ui, paint, &heading, LabelStyle::Strong);
        ui.separator();
        let mut f = filter;
        filter_combos_ui(ui, ws, loc, paint, &mut f);
        if f != filter {
            out.push(AppCommand::SetFilter(f));
        }
        if filter != PassageFilter::default()
            && ui_small_button(ui, paint, &tr!(loc, "passages-clear-filters")).clicked()
        {
            out.push(AppCommand::SetFilter(PassageFilter::default()));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("passages_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if lists.filtered_len() == 0 {
                let text = if ws.passages.is_empty() {
                    tr!(loc, "passages-empty")
                } else {
                    tr!(loc, "passages-none-match")
                };
                bidi_label(ui, paint, &text, LabelStyle::Weak);
            }
            // Only the rows in view are built: the list may hold 50 000 passages.
            let estimate = line_height(ui, LabelStyle::Body) + 2.0 * ui.spacing().button_padding.y;
            visible_rows(
                ui,
                "passages_rows",
                lists.filtered_len(),
                estimate,
                |ui, row| {
                    if let Some(passage) = lists.filtered_row(ws, row) {
                        row_ui(ui, view, paint, passage, out);
                    }
                },
            );
        });
}

fn row_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    passage: &Passage,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    ui.horizontal(|ui| {
        let brief = ws.brief(passage.brief).map_or_else(
            || tr!(loc, "missing-brief"),
            |b| shorten(&b.display_title(), 30),
        );
        let selected = view.state.selected_passage == Some(passage.id);
        let text = format!("{brief} — «{}»", shorten(&passage.anchor.quote, 70));
        if bidi_selectable(ui, paint, selected, &text).clicked() {
            out.push(AppCommand::ShowPassage(passage.id));
        }
        grade_badge(ui, loc, paint, passage_grade(ws, passage));
        for tag in passage.tags.iter().filter_map(|t| ws.tag(*t)) {
            tag_chip(ui, paint, tag);
        }
        if !passage.links.is_empty() {
            bidi_label(
                ui,
                paint,
                &tr!(loc, "link-count", count = passage.links.len()),
                LabelStyle::Weak,
            );
        }
    });
}

/// The four filters (brief, tag, determinant, scenario) as combo boxes, in a row; the passages
/// list and the export dialog show the same.
pub fn filter_combos_ui(
    ui: &mut Ui,
    ws: &Workspace,
    loc: Locale,
    paint: &mut TextPaint,
    f: &mut PassageFilter,
) {
    filter_combo(
        ui,
        loc,
        paint,
        &tr!(loc, "filter-brief"),
        &mut f.brief,
        ws.briefs.iter().map(|b| (b.id, b.display_title())),
    );
    filter_combo(
        ui,
        loc,
        paint,
        &tr!(loc, "filter-tag"),
        &mut f.tag,
        ws.tags
            .iter()
            .map(|t| (t.id, format!("{}{}", "  ".repeat(ws.tag_depth(t)), t.name))),
    );
    filter_combo(
        ui,
        loc,
        paint,
        &tr!(loc, "filter-determinant"),
        &mut f.determinant,
        ws.determinants.iter().map(|d| (d.id, d.title.clone())),
    );
    filter_combo(
        ui,
        loc,
        paint,
        &tr!(loc, "filter-scenario"),
        &mut f.scenario,
        ws.scenarios.iter().map(|s| (s.id, s.title.clone())),
    );
}

pub(crate) fn filter_combo<Id: Copy + PartialEq>(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    label: &str,
    value: &mut Option<Id>,
    options: impl Iterator<Item = (Id, String)>,
) {
    let options: Vec<(Id, String)> = options.collect();
    let any = tr!(loc, "any");
    let current = value
        .and_then(|v| options.iter().find(|(id, _)| *id == v))
        .map_or(any.as_str(), |(_, name)| name.as_str());
    let label = bidi_label(ui, paint, label, LabelStyle::Body);
    let combo = egui::ComboBox::from_id_salt(("passage_filter", label.id))
        .selected_text(visual_order(paint, &shorten(current, 24)))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, any.as_str());
            for (id, name) in &options {
                // Leading spaces indent (tags below their parent); bidi would move them.
                let trimmed = name.trim_start_matches(' ');
                ui.horizontal(|ui| {
                    #[expect(clippy::cast_precision_loss, reason = "indents are tiny")]
                    ui.add_space(4.0 * (name.len() - trimmed.len()) as f32);
                    if bidi_selectable(ui, paint, *value == Some(*id), trimmed).clicked() {
                        *value = Some(*id);
                    }
                });
            }
        });
    let _ = combo.response.labelled_by(label.id);
}
