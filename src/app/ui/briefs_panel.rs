//! The left panel: the workspace's briefs, the selected brief's details and its passages.

use chrono::NaiveDate;
use egui::Ui;

use super::widgets::{grade_badge, memo_field, shorten, swatch, text_field, visible_rows};
use crate::app::View;
use crate::app::command::{Action, AppCommand};
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, bidi_selectable, combo_face, combo_item, egui_text, line_height,
    message_label, paint_combo_face, ui_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::edit::Edit;
use crate::i18n::Locale;
use crate::model::{
    Brief, BriefMeta, BriefSource, Credibility, MemoTarget, Reliability, SourceGrade, TextDirection,
};
use crate::tr;

pub fn briefs_panel_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    ui.horizontal(|ui| {
        bidi_label(ui, paint, &tr!(loc, "briefs-heading"), LabelStyle::Heading);
        if ui_button(ui, paint, &Action::ImportBriefs.label(loc))
            .on_hover_text(egui_text(paint, &Action::ImportBriefs.tooltip(loc)))
            .clicked()
        {
            out.push(AppCommand::Action(Action::ImportBriefs));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("briefs_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let ws = view.ws();
            if ws.briefs.is_empty() {
                bidi_label(ui, paint, &tr!(loc, "briefs-empty"), LabelStyle::Weak);
            }
            // Only the rows in view are built; each is a title and a line of metadata.
            let estimate = line_height(ui, LabelStyle::Body)
                + 2.0 * ui.spacing().button_padding.y
                + ui.text_style_height(&egui::TextStyle::Small)
                + ui.spacing().item_spacing.y
                + 4.0;
            visible_rows(ui, "brief_rows", ws.briefs.len(), estimate, |ui, i| {
                if let Some(brief) = ws.briefs.get(i) {
                    brief_row_ui(ui, view, paint, brief, out);
                }
            });
            if let Some(brief) = view.state.selected_brief.and_then(|b| ws.brief(b)) {
                ui.separator();
                selected_brief_ui(ui, view, paint, brief, out);
            }
        });
}

fn brief_row_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    brief: &Brief,
    out: &mut Vec<AppCommand>,
) {
    let selected = view.state.selected_brief == Some(brief.id);
    if bidi_selectable(ui, paint, selected, &brief.display_title()).clicked() && !selected {
        out.push(AppCommand::SelectBrief(brief.id));
    }
    let loc = view.state.locale;
    let date = brief
        .meta
        .published
        .map_or_else(|| tr!(loc, "brief-no-date"), |d| loc.date(d));
    let language = if brief.meta.language.is_empty() {
        "?"
    } else {
        brief.meta.language.as_str()
    };
    // Where it came from tells apart versions of one brief imported from several files.
    let line = match &brief.source {
        Some(source) => format!("{date} · {language} · {}", loc.source_format(source.format)),
        None => format!("{date} · {language}"),
    };
    ui.horizontal(|ui| {
        grade_badge(ui, loc, paint, view.ws().assessment.grade(brief.id));
        bidi_label(ui, paint, &line, LabelStyle::Small);
    });
    ui.add_space(4.0);
}

fn selected_brief_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    brief: &Brief,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    egui::CollapsingHeader::new(egui_text(paint, &tr!(loc, "brief-details")))
        .id_salt("brief_details")
        .default_open(false)
        .show(ui, |ui| {
            details_ui(ui, view, paint, brief, out);
        });
    // Open at first when the brief has a memo; the analyst opens it to write one.
    let on = MemoTarget::Brief(brief.id);
    egui::CollapsingHeader::new(egui_text(paint, &tr!(loc, "brief-memo")))
        .id_salt(("brief_memo", brief.id))
        .default_open(!view.ws().memos.get(on).is_empty())
        .show(ui, |ui| {
            memo_field(
                ui,
                paint,
                view.ws(),
                on,
                None,
                &tr!(loc, "memo-on", name = brief.display_title()),
                false,
                out,
            );
        });
    egui::CollapsingHeader::new(egui_text(paint, &tr!(loc, "brief-passages")))
        .id_salt("brief_passages")
        .default_open(true)
        .show(ui, |ui| {
            let ws = view.ws();
            let count = view.lists.count_of(brief.id);
            if count == 0 {
                bidi_label(
                    ui,
                    paint,
                    &tr!(loc, "brief-passages-none"),
                    LabelStyle::Weak,
                );
            }
            let estimate = line_height(ui, LabelStyle::Body) + 2.0 * ui.spacing().button_padding.y;
            visible_rows(
                ui,
                ("brief_passage_rows", brief.id),
                count,
                estimate,
                |ui, i| {
                    let Some(passage) = view.lists.brief_row(ws, brief.id, i) else {
                        return;
                    };
                    ui.horizontal(|ui| {
                        if let Some(tag) = passage.tags.first().and_then(|t| ws.tag(*t)) {
                            swatch(ui, tag.colour);
                        }
                        let selected = view.state.selected_passage == Some(passage.id);
                        let text = format!("«{}»", shorten(&passage.anchor.quote, 40));
                        if bidi_selectable(ui, paint, selected, &text).clicked() {
                            out.push(AppCommand::ShowPassage(passage.id));
                        }
                    });
                },
            );
        });
    ui.add_space(8.0);
    if ui_button(ui, paint, &tr!(loc, "brief-new-version"))
        .on_hover_text(egui_text(paint, &tr!(loc, "brief-new-version-tooltip")))
        .clicked()
    {
        out.push(AppCommand::AskNewVersion(brief.id));
    }
    if ui_button(ui, paint, &tr!(loc, "brief-remove"))
        .on_hover_text(egui_text(paint, &tr!(loc, "brief-remove-tooltip")))
        .clicked()
    {
        out.push(AppCommand::AskRemove(crate::app::state::Removal::Brief(
            brief.id,
        )));
    }
}

fn details_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    brief: &Brief,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let meta = &brief.meta;
    let id = brief.id;
    let with = |change: fn(&mut BriefMeta, String)| {
        let meta = meta.clone();
        move |text: String| {
            let mut meta = meta;
            change(&mut meta, text);
            Edit::SetBriefMeta { id, meta }
        }
    };
    text_field(ui, paint, &tr!(loc, "field-title"), true, &meta.title, 1)
        .send(out, with(|m, t| m.title = t));
    text_field(ui, paint, &tr!(loc, "field-author"), true, &meta.author, 1)
        .send(out, with(|m, t| m.author = t));
    text_field(
        ui,
        paint,
        &tr!(loc, "field-publisher"),
        true,
        &meta.publisher,
        1,
    )
    .send(out, with(|m, t| m.publisher = t));
    text_field(ui, paint, &tr!(loc, "field-url"), true, &meta.url, 1)
        .send(out, with(|m, t| m.url = t));
    text_field(
        ui,
        paint,
        &tr!(loc, "field-language"),
        true,
        &meta.language,
        1,
    )
    .send(out, with(|m, t| m.language = t));

    let draft = view
        .state
        .date_draft
        .as_ref()
        .filter(|(b, _)| *b == id)
        .map(|(_, t)| t.as_str());
    let shown = draft.map_or_else(
        || {
            meta.published
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        },
        str::to_owned,
    );
    let field = text_field(ui, paint, &tr!(loc, "field-date"), true, &shown, 1);
    if let Some(text) = &field.changed {
        out.push(AppCommand::SetDateDraft(Some((id, text.clone()))));
        if let Some(published) = parse_date(text) {
            let meta = BriefMeta {
                published,
                ..meta.clone()
            };
            out.push(AppCommand::Type(Edit::SetBriefMeta { id, meta }));
        }
    }
    if field.lost_focus {
        out.push(AppCommand::SetDateDraft(None));
        out.push(AppCommand::EndTyping);
    }
    if draft.is_some_and(|t| parse_date(t).is_none()) {
        message_label(
            ui,
            paint,
            &tr!(loc, "brief-date-invalid"),
            LabelStyle::Error,
        );
    }
    direction_ui(ui, loc, paint, brief, out);
    grade_ui(ui, loc, paint, view.ws().assessment.grade(id), id, out);
    if let Some(source) = &brief.source {
        source_ui(ui, loc, paint, source);
    }
}

/// Where the brief came from, read-only: file, format, when, and the start of its SHA-256.
fn source_ui(ui: &mut Ui, loc: Locale, paint: &mut TextPaint, source: &BriefSource) {
    ui.add_space(4.0);
    bidi_label(
        ui,
        paint,
        &tr!(loc, "brief-imported-from"),
        LabelStyle::Weak,
    );
    bidi_label(ui, paint, &source.file_name, LabelStyle::Body);
    let imported = source.imported;
    let when = format!(
        "{} {} UTC",
        loc.date(imported.date_naive()),
        loc.digits.apply(&imported.format("%H:%M").to_string())
    );
    let hash: String = source.sha256.chars().take(12).collect();
    let line = format!(
        "{} · {when} · SHA-256 {hash}…",
        loc.source_format(source.format)
    );
    bidi_label(ui, paint, &line, LabelStyle::Weak)
        .on_hover_text(format!("SHA-256 {}", source.sha256));
}

/// The brief's reading direction: from the text, or forced either way.
fn direction_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    brief: &Brief,
    out: &mut Vec<AppCommand>,
) {
    let mut direction = brief.meta.direction;
    ui.horizontal(|ui| {
        let label = message_label(ui, paint, &tr!(loc, "brief-direction"), LabelStyle::Body);
        let combo = egui::ComboBox::from_id_salt(("brief_direction", brief.id))
            .selected_text(combo_face(paint, &loc.direction(direction)))
            .show_ui(ui, |ui| {
                for d in TextDirection::ALL {
                    let name = loc.direction(d);
                    combo_item(ui, paint, &mut direction, d, &name);
                }
            });
        paint_combo_face(ui, paint, &combo.response, &loc.direction(direction));
        let _ = combo.response.labelled_by(label.id);
    });
    if direction != brief.meta.direction {
        let meta = BriefMeta {
            direction,
            ..brief.meta.clone()
        };
        out.push(AppCommand::Edit(Edit::SetBriefMeta { id: brief.id, meta }));
    }
}

/// The brief's source grade (Admiralty code): reliability A–F and credibility 1–6, each picked
/// from its standard definitions, which stay shown under the choice.
fn grade_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    grade: SourceGrade,
    id: crate::model::BriefId,
    out: &mut Vec<AppCommand>,
) {
    ui.add_space(4.0);
    bidi_label(ui, paint, &tr!(loc, "grade-heading"), LabelStyle::Weak);
    let mut chosen = grade;
    let none = tr!(loc, "grade-not-graded");
    ui.horizontal(|ui| {
        let label = message_label(ui, paint, &tr!(loc, "grade-reliability"), LabelStyle::Body);
        let face = chosen
            .reliability
            .map_or_else(|| none.clone(), |r| r.letter().to_string());
        let combo = egui::ComboBox::from_id_salt(("brief_reliability", id))
            .selected_text(combo_face(paint, &face))
            .show_ui(ui, |ui| {
                combo_item(ui, paint, &mut chosen.reliability, None, &none);
                for r in Reliability::ALL {
                    let name = loc.reliability(r);
                    combo_item(ui, paint, &mut chosen.reliability, Some(r), &name);
                }
            });
        paint_combo_face(ui, paint, &combo.response, &face);
        let _ = combo.response.labelled_by(label.id);
    });
    if let Some(r) = chosen.reliability {
        bidi_label(ui, paint, &loc.reliability(r), LabelStyle::Small);
    }
    ui.horizontal(|ui| {
        let label = message_label(ui, paint, &tr!(loc, "grade-credibility"), LabelStyle::Body);
        let face = chosen.credibility.map_or_else(
            || none.clone(),
            |c| loc.digits.apply(&c.digit().to_string()).into_owned(),
        );
        let combo = egui::ComboBox::from_id_salt(("brief_credibility", id))
            .selected_text(combo_face(paint, &face))
            .show_ui(ui, |ui| {
                combo_item(ui, paint, &mut chosen.credibility, None, &none);
                for c in Credibility::ALL {
                    let name = loc.credibility(c);
                    combo_item(ui, paint, &mut chosen.credibility, Some(c), &name);
                }
            });
        paint_combo_face(ui, paint, &combo.response, &face);
        let _ = combo.response.labelled_by(label.id);
    });
    if let Some(c) = chosen.credibility {
        bidi_label(ui, paint, &loc.credibility(c), LabelStyle::Small);
    }
    if chosen != grade {
        out.push(AppCommand::Edit(Edit::SetBriefGrade { id, grade: chosen }));
    }
}

/// `Some(None)` for an empty field, `Some(Some(date))` for a valid date, `None` otherwise.
fn parse_date(text: &str) -> Option<Option<NaiveDate>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_or_empty() {
        assert_eq!(parse_date(""), Some(None));
        assert_eq!(
            parse_date(" 2025-09-25 "),
            Some(NaiveDate::from_ymd_opt(2025, 9, 25))
        );
        assert_eq!(parse_date("2025-9"), None);
        assert_eq!(parse_date("25/09/2025"), None);
    }
}
