//! Indicators: each scenario's signposts with their status (editable) and when last assessed,
//! and a timeline of the briefs by publication date showing when each scenario's signposts were
//! seen.

use egui::{Color32, Ui, vec2};

use super::grid::{GridSpec, Part, grid_ui};
use super::{cell_stroke, grid_height, header_text, passage_row_ui, scenario_title, subheading};
use crate::analysis::{Board, SignpostRow};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, combo_face, combo_item, message_label, paint_combo_face, paint_text_in,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::ui::widgets::{INK, shorten};
use crate::i18n::Locale;
use crate::model::{ScenarioId, SignpostStatus};
use crate::tr;

/// The colour of a status: grey not seen, amber emerging, green observed, red contradicted.
fn status_colour(status: SignpostStatus) -> Color32 {
    match status {
        SignpostStatus::NotSeen => Color32::from_rgb(224, 224, 224),
        SignpostStatus::Emerging => Color32::from_rgb(253, 219, 120),
        SignpostStatus::Observed => Color32::from_rgb(120, 198, 121),
        SignpostStatus::Contradicted => Color32::from_rgb(214, 96, 77),
    }
}

/// "2 observed · 1 emerging", leaving out the statuses with none.
fn counts_words(loc: Locale, counts: &[usize; 4]) -> String {
    SignpostStatus::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(s, n)| {
            format!(
                "{} {}",
                loc.digits.apply(&n.to_string()),
                loc.signpost_status(*s)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn indicators_ui(
    ui: &mut Ui,
    view: &View<'_>,
    board: &Board,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let indicators = &board.indicators;
    if ws.scenarios.is_empty() {
        message_label(ui, paint, &tr!(loc, "board-no-scenarios"), LabelStyle::Weak);
        return;
    }
    message_label(
        ui,
        paint,
        &tr!(loc, "board-indicators-hint"),
        LabelStyle::Weak,
    );
    if !indicators.timeline.is_empty() {
        subheading(ui, paint, &tr!(loc, "board-timeline"));
        let spec = GridSpec {
            rows: indicators.timeline.len(),
            columns: ws.scenarios.len(),
            header_width: 260.0,
            header_height: 44.0,
            cell: vec2(150.0, 40.0),
            max_height: grid_height(ui),
            rtl: loc.language.is_rtl(),
        };
        grid_ui(
            ui,
            paint,
            "board_timeline",
            spec,
            |ui, paint, part, rect, response| {
                match part {
                    Part::Corner => {}
                    Part::Column(s) => {
                        let title = ws
                            .scenarios
                            .get(s)
                            .map(|sc| scenario_title(loc, ws, sc.id))
                            .unwrap_or_default();
                        header_text(
                            ui,
                            paint,
                            rect.shrink(4.0),
                            &title,
                            LabelStyle::Small,
                            None,
                            loc.language.is_rtl(),
                        );
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &title)
                        });
                    }
                    Part::Row(r) => {
                        let Some(entry) = indicators.timeline.get(r) else {
                            return;
                        };
                        let date = entry
                            .published
                            .map_or_else(|| tr!(loc, "brief-no-date"), |d| loc.date(d));
                        let title = ws
                            .brief(entry.brief)
                            .map(|b| shorten(&b.display_title(), 40))
                            .unwrap_or_default();
                        let text = format!("{date} · {title}");
                        header_text(
                            ui,
                            paint,
                            rect.shrink(4.0),
                            &text,
                            LabelStyle::Small,
                            None,
                            loc.language.is_rtl(),
                        );
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &text)
                        });
                    }
                    Part::Cell { row, column } => {
                        let (Some(entry), Some(scenario)) =
                            (indicators.timeline.get(row), ws.scenarios.get(column))
                        else {
                            return;
                        };
                        let Some(counts) = entry.counts.get(column) else {
                            return;
                        };
                        let seen = if counts.iter().any(|n| *n > 0) {
                            counts_words(loc, counts)
                        } else {
                            tr!(loc, "board-timeline-none")
                        };
                        let label = tr!(
                            loc,
                            "board-timeline-cell",
                            brief = ws
                                .brief(entry.brief)
                                .map(crate::model::Brief::display_title)
                                .unwrap_or_default(),
                            scenario = scenario_title(loc, ws, scenario.id),
                            signposts = seen
                        );
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &label)
                        });
                        let inner = rect.shrink(1.5);
                        // The most telling status seen in the brief colours the cell.
                        let shown = [
                            SignpostStatus::Contradicted,
                            SignpostStatus::Observed,
                            SignpostStatus::Emerging,
                            SignpostStatus::NotSeen,
                        ]
                        .into_iter()
                        .find(|s| counts[*s as usize] > 0);
                        if let Some(status) = shown {
                            ui.painter().rect_filled(inner, 3.0, status_colour(status));
                            let words = counts_words(loc, counts);
                            paint_text_in(
                                ui,
                                paint,
                                inner.shrink(2.0),
                                &words,
                                LabelStyle::Small,
                                Some(INK),
                                true,
                            );
                        }
                        ui.painter().rect_stroke(
                            inner,
                            3.0,
                            cell_stroke(ui),
                            egui::StrokeKind::Inside,
                        );
                    }
                }
            },
        );
    }
    for signposts in &indicators.scenarios {
        let title = scenario_title(loc, ws, signposts.scenario);
        subheading(
            ui,
            paint,
            &tr!(
                loc,
                "board-signposts-of",
                scenario = title,
                count = signposts.signposts.len()
            ),
        );
        if signposts.signposts.is_empty() {
            message_label(
                ui,
                paint,
                &tr!(loc, "board-signposts-none"),
                LabelStyle::Weak,
            );
            continue;
        }
        let summary = counts_words(loc, &signposts.counts);
        message_label(ui, paint, &summary, LabelStyle::Weak);
        for row in &signposts.signposts {
            signpost_ui(ui, view, paint, signposts.scenario, row, out);
        }
    }
}

/// One signpost: its status (editable; setting it records today as assessed) and its passage.
fn signpost_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    scenario: ScenarioId,
    row: &SignpostRow,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let assessed = view
        .ws()
        .assessment
        .signposts
        .contains_key(&(row.passage, scenario));
    ui.horizontal_wrapped(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter()
            .rect_filled(rect, 6.0, status_colour(row.status));
        let label = message_label(
            ui,
            paint,
            &tr!(loc, "board-signpost-status"),
            LabelStyle::Body,
        );
        let mut chosen = assessed.then_some(row.status);
        let not_assessed = tr!(loc, "board-not-assessed");
        let face = chosen.map_or_else(|| not_assessed.clone(), |s| loc.signpost_status(s));
        let combo = egui::ComboBox::from_id_salt(("signpost_status", row.passage, scenario))
            .selected_text(combo_face(paint, &face))
            .show_ui(ui, |ui| {
                combo_item(ui, paint, &mut chosen, None, &not_assessed);
                for s in SignpostStatus::ALL {
                    let name = loc.signpost_status(s);
                    combo_item(ui, paint, &mut chosen, Some(s), &name);
                }
            });
        paint_combo_face(ui, paint, &combo.response, &face);
        let _ = combo.response.labelled_by(label.id);
        if chosen != assessed.then_some(row.status) {
            out.push(AppCommand::SetSignpostStatus {
                passage: row.passage,
                scenario,
                status: chosen,
            });
        }
        if let Some(date) = row.assessed {
            message_label(
                ui,
                paint,
                &tr!(loc, "board-assessed-on", date = loc.date(date)),
                LabelStyle::Weak,
            );
        }
    });
    passage_row_ui(ui, view, paint, row.passage, "", out);
}
