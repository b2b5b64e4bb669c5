//! The determinant × scenario matrix: each cell's judgement on a colour scale, the evidence
//! counted by relation, and for the chosen cell its judgement, note and passages.

use egui::{Color32, Ui, vec2};

use super::grid::{GridSpec, Part, grid_ui};
use super::{
    cell_frame, cell_stroke, grid_height, header_text, passage_row_ui, scenario_title, subheading,
};
use crate::analysis::{Board, MatrixCell};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, combo_face, combo_item, egui_text, message_label, paint_combo_face,
    paint_text_in,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::BoardCell;
use crate::app::ui::widgets::{INK, text_field};
use crate::edit::Edit;
use crate::i18n::Locale;
use crate::model::{CellJudgement, Judgement, Workspace};
use crate::tr;

/// The colour of a judgement: a diverging scale, red against, blue for (readable by the
/// colour-blind), grey neutral.
pub fn judgement_colour(judgement: Judgement) -> Color32 {
    match judgement {
        Judgement::StronglyAgainst => Color32::from_rgb(214, 96, 77),
        Judgement::Against => Color32::from_rgb(244, 165, 130),
        Judgement::Neutral => Color32::from_rgb(224, 224, 224),
        Judgement::For => Color32::from_rgb(146, 197, 222),
        Judgement::StronglyFor => Color32::from_rgb(67, 147, 195),
    }
}

fn determinant_title(loc: Locale, ws: &Workspace, index: usize) -> String {
    ws.determinants
        .get(index)
        .map(|d| d.title.trim())
        .filter(|t| !t.is_empty())
        .map_or_else(|| tr!(loc, "untitled"), str::to_owned)
}

/// The cell's evidence in words: "2 support · 1 weaken · 0 indicators".
fn counts(loc: Locale, cell: &MatrixCell) -> String {
    tr!(
        loc,
        "board-cell-counts",
        supports = cell.supports,
        weakens = cell.weakens,
        indicators = cell.indicator
    )
}

pub fn matrix_ui(
    ui: &mut Ui,
    view: &View<'_>,
    board: &Board,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let matrix = &board.matrix;
    if matrix.determinants.is_empty() || matrix.scenarios.is_empty() {
        message_label(ui, paint, &tr!(loc, "board-matrix-empty"), LabelStyle::Weak);
        return;
    }
    message_label(ui, paint, &tr!(loc, "board-matrix-hint"), LabelStyle::Weak);
    let chosen = match view.state.board.cell {
        Some(BoardCell::Matrix {
            determinant,
            scenario,
        }) => Some((determinant, scenario)),
        _ => None,
    };
    let spec = GridSpec {
        rows: matrix.determinants.len(),
        columns: matrix.scenarios.len(),
        header_width: 220.0,
        header_height: 76.0,
        cell: vec2(136.0, 54.0),
        max_height: grid_height(ui),
        rtl: loc.language.is_rtl(),
    };
    grid_ui(
        ui,
        paint,
        "board_matrix",
        spec,
        |ui, paint, part, rect, response| match part {
            Part::Corner => {
                paint_text_in(
                    ui,
                    paint,
                    rect.shrink(4.0),
                    &tr!(loc, "board-matrix-corner"),
                    LabelStyle::Small,
                    None,
                    false,
                );
            }
            Part::Column(s) => {
                let title = matrix
                    .scenarios
                    .get(s)
                    .map(|id| scenario_title(loc, ws, *id))
                    .unwrap_or_default();
                header_text(
                    ui,
                    paint,
                    rect.shrink(4.0),
                    &title,
                    LabelStyle::Body,
                    None,
                    loc.language.is_rtl(),
                );
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &title));
            }
            Part::Row(d) => {
                let title = determinant_title(loc, ws, d);
                header_text(
                    ui,
                    paint,
                    rect.shrink(4.0),
                    &title,
                    LabelStyle::Body,
                    None,
                    loc.language.is_rtl(),
                );
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &title));
            }
            Part::Cell { row, column } => {
                let Some(cell) = matrix.cell(row, column) else {
                    return;
                };
                let fill = cell
                    .judgement
                    .map_or(Color32::TRANSPARENT, judgement_colour);
                let is_chosen = chosen == Some((cell.determinant, cell.scenario));
                let inner = cell_frame(ui, rect, response, fill, is_chosen);
                let ink = if cell.judgement.is_some() {
                    INK
                } else {
                    ui.visuals().weak_text_color()
                };
                let value = cell
                    .judgement
                    .map_or_else(|| "·".to_owned(), |j| loc.signed(j.value()));
                let top = egui::Rect::from_min_max(
                    inner.min,
                    egui::pos2(inner.max.x, inner.center().y + 2.0),
                );
                paint_text_in(ui, paint, top, &value, LabelStyle::Heading, Some(ink), true);
                let bottom = egui::Rect::from_min_max(
                    egui::pos2(inner.min.x, inner.center().y + 2.0),
                    inner.max,
                );
                let evidence = counts(loc, cell);
                let weak = if cell.judgement.is_some() {
                    INK
                } else {
                    ui.visuals().text_color()
                };
                paint_text_in(
                    ui,
                    paint,
                    bottom,
                    &evidence,
                    LabelStyle::Small,
                    Some(weak),
                    true,
                );
                let judged = cell
                    .judgement
                    .map_or_else(|| tr!(loc, "board-not-judged"), |j| loc.judgement(j));
                let label = tr!(
                    loc,
                    "board-matrix-cell",
                    determinant = determinant_title(loc, ws, row),
                    scenario = scenario_title(loc, ws, cell.scenario),
                    judgement = judged,
                    evidence = evidence
                );
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                let mut hover = label.clone();
                if !cell.note.trim().is_empty() {
                    hover = format!("{hover}\n{}", cell.note.trim());
                }
                if response.clicked() {
                    out.push(AppCommand::SelectBoardCell((!is_chosen).then_some(
                        BoardCell::Matrix {
                            determinant: cell.determinant,
                            scenario: cell.scenario,
                        },
                    )));
                }
                let _ = response.clone().on_hover_text(egui_text(paint, &hover));
            }
        },
    );
    legend_ui(ui, loc, paint);
    if let Some((d, s)) = chosen
        && let Some(row) = matrix.determinants.iter().position(|x| *x == d)
        && let Some(column) = matrix.scenarios.iter().position(|x| *x == s)
        && let Some(cell) = matrix.cell(row, column)
    {
        cell_details_ui(ui, view, paint, row, cell, out);
    }
}

/// The colour scale, one swatch per judgement and one for a cell not judged.
fn legend_ui(ui: &mut Ui, loc: Locale, paint: &mut TextPaint) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        bidi_label(ui, paint, &tr!(loc, "board-legend"), LabelStyle::Weak);
        for j in Judgement::ALL {
            let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, judgement_colour(j));
            bidi_label(ui, paint, &loc.judgement(j), LabelStyle::Small);
        }
        let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), egui::Sense::hover());
        ui.painter()
            .rect_stroke(rect, 2.0, cell_stroke(ui), egui::StrokeKind::Inside);
        bidi_label(
            ui,
            paint,
            &format!("· {}", tr!(loc, "board-not-judged")),
            LabelStyle::Small,
        );
    });
}

/// The chosen cell: its judgement and note (edits), then the passages behind its counts.
fn cell_details_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    row: usize,
    cell: &MatrixCell,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    ui.separator();
    let title = tr!(
        loc,
        "board-cell-heading",
        determinant = determinant_title(loc, ws, row),
        scenario = scenario_title(loc, ws, cell.scenario)
    );
    subheading(ui, paint, &title);
    let judged = CellJudgement {
        judgement: cell.judgement,
        note: cell.note.clone(),
    };
    let (determinant, scenario) = (cell.determinant, cell.scenario);
    let mut chosen = cell.judgement;
    let not_judged = tr!(loc, "board-not-judged");
    ui.horizontal(|ui| {
        let label = message_label(ui, paint, &tr!(loc, "board-judgement"), LabelStyle::Body);
        let face = chosen.map_or_else(|| not_judged.clone(), |j| loc.judgement(j));
        let combo = egui::ComboBox::from_id_salt(("cell_judgement", determinant, scenario))
            .selected_text(combo_face(paint, &face))
            .show_ui(ui, |ui| {
                combo_item(ui, paint, &mut chosen, None, &not_judged);
                for j in Judgement::ALL.into_iter().rev() {
                    let name = loc.judgement(j);
                    combo_item(ui, paint, &mut chosen, Some(j), &name);
                }
            });
        paint_combo_face(ui, paint, &combo.response, &face);
        let _ = combo.response.labelled_by(label.id);
    });
    if chosen != cell.judgement {
        out.push(AppCommand::Edit(Edit::SetJudgement {
            determinant,
            scenario,
            cell: CellJudgement {
                judgement: chosen,
                ..judged.clone()
            },
        }));
    }
    text_field(ui, paint, &tr!(loc, "board-note"), true, &cell.note, 2).send(out, |note| {
        Edit::SetJudgement {
            determinant,
            scenario,
            cell: CellJudgement {
                note,
                ..judged.clone()
            },
        }
    });
    ui.add_space(4.0);
    message_label(
        ui,
        paint,
        &tr!(loc, "board-cell-passages", count = cell.passages.len()),
        LabelStyle::Weak,
    );
    for cp in &cell.passages {
        let relation = tr!(
            loc,
            "board-relations",
            determinant = loc.relation(cp.to_determinant),
            scenario = loc.relation(cp.to_scenario)
        );
        passage_row_ui(ui, view, paint, cp.passage, &relation, out);
    }
}
