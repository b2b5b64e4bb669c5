//! Competing scenarios (ACH): evidence × scenarios with consistency ratings, each scenario's
//! inconsistency, weighted score and rank, each row's diagnosticity, and the weights.

use egui::{Color32, Ui, vec2};

use super::grid::{GridSpec, Part, grid_ui};
use super::{
    cell_frame, decimal, grid_height, header_text, passage_row_ui, scenario_title, subheading,
};
use crate::analysis::{AchCell, AchRow, RowOrder, Rows};
use crate::app::View;
use crate::app::board_cache::Shown;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_checkbox, bidi_label, bidi_selectable, combo_face, combo_item, egui_text,
    message_label, paint_combo_face, paint_text_in, ui_button, ui_small_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::BoardCell;
use crate::app::ui::widgets::{INK, passage_grade, shorten};
use crate::edit::Edit;
use crate::i18n::Locale;
use crate::model::{Consistency, Credibility, Relevance, Reliability, Weight, Weights, Workspace};
use crate::tr;

/// The colour of a rating: blue consistent, red inconsistent, grey neutral.
fn rating_colour(rating: Option<Consistency>) -> Color32 {
    match rating {
        Some(Consistency::VeryConsistent) => Color32::from_rgb(67, 147, 195),
        Some(Consistency::Consistent) => Color32::from_rgb(146, 197, 222),
        Some(Consistency::Neutral) => Color32::from_rgb(224, 224, 224),
        Some(Consistency::Inconsistent) => Color32::from_rgb(244, 165, 130),
        Some(Consistency::VeryInconsistent) => Color32::from_rgb(214, 96, 77),
        Some(Consistency::NotApplicable) | None => Color32::TRANSPARENT,
    }
}

/// "CC — very consistent".
fn rating_name(loc: Locale, c: Consistency) -> String {
    format!("{} — {}", c.code(), loc.consistency(c))
}

/// The start of a passage's quote, for a row header.
fn row_quote(ws: &Workspace, row: &AchRow, max: usize) -> String {
    ws.passage(row.passage)
        .map(|p| format!("«{}»", shorten(&p.anchor.quote, max)))
        .unwrap_or_default()
}

fn order_label(loc: Locale, order: RowOrder) -> String {
    match order {
        RowOrder::Diagnosticity => tr!(loc, "board-order-diagnosticity"),
        RowOrder::Brief => tr!(loc, "board-order-brief"),
        RowOrder::Date => tr!(loc, "board-order-date"),
        RowOrder::Weight => tr!(loc, "board-order-weight"),
    }
}

pub fn ach_ui(
    ui: &mut Ui,
    view: &View<'_>,
    shown: &Shown,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let board = &shown.board;
    let ach = &board.ach;
    if ws.scenarios.is_empty() {
        message_label(ui, paint, &tr!(loc, "board-no-scenarios"), LabelStyle::Weak);
        return;
    }
    message_label(ui, paint, &tr!(loc, "board-ach-hint"), LabelStyle::Weak);
    controls_ui(ui, view, paint, out);
    super::sensitivity::close_call_ui(ui, view, board, paint);
    weights_ui(ui, loc, paint, &ws.assessment.weights, out);
    if ach.rows.is_empty() {
        message_label(ui, paint, &tr!(loc, "board-ach-no-rows"), LabelStyle::Weak);
        return;
    }
    let order = &shown.order;
    let chosen = match view.state.board.cell {
        Some(BoardCell::Ach { passage, scenario }) => Some((passage, scenario)),
        _ => None,
    };
    let spec = GridSpec {
        rows: order.len(),
        columns: ach.scenarios.len(),
        header_width: 320.0,
        header_height: 104.0,
        cell: vec2(104.0, 50.0),
        max_height: grid_height(ui),
        rtl: loc.language.is_rtl(),
    };
    grid_ui(
        ui,
        paint,
        "board_ach",
        spec,
        |ui, paint, part, rect, response| match part {
            Part::Corner => {
                paint_text_in(
                    ui,
                    paint,
                    rect.shrink(4.0),
                    &tr!(loc, "board-ach-corner"),
                    LabelStyle::Small,
                    None,
                    false,
                );
            }
            Part::Column(s) => {
                let Some(score) = ach.scenarios.get(s) else {
                    return;
                };
                let title = scenario_title(loc, ws, score.scenario);
                // The scores keep the bottom of the header (three short lines at most); the
                // title the rest.
                let split = rect.max.y - 42.0;
                let above = egui::Rect::from_min_max(rect.min, egui::pos2(rect.max.x, split));
                header_text(
                    ui,
                    paint,
                    above.shrink(4.0),
                    &title,
                    LabelStyle::Body,
                    None,
                    loc.language.is_rtl(),
                );
                let line = tr!(
                    loc,
                    "board-ach-score",
                    inconsistency = score.inconsistency,
                    weighted = decimal(loc, score.weighted()),
                    rank = score.rank
                );
                let below = egui::Rect::from_min_max(
                    egui::pos2(rect.min.x + 4.0, split),
                    rect.max - vec2(4.0, 0.0),
                );
                let colour = (score.rank == 1).then(|| ui.visuals().strong_text_color());
                header_text(
                    ui,
                    paint,
                    below,
                    &line,
                    LabelStyle::Small,
                    colour,
                    loc.language.is_rtl(),
                );
                let label = format!("{title}: {line}");
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
            }
            Part::Row(r) => {
                let Some(row) = order.get(r).and_then(|&i| ach.rows.get(i)) else {
                    return;
                };
                let quote = row_quote(ws, row, 70);
                let colour = row.discounted.then(|| ui.visuals().weak_text_color());
                // The facts keep the bottom line of the header; the quote the rest.
                let split = rect.max.y - 18.0;
                let above = egui::Rect::from_min_max(rect.min, egui::pos2(rect.max.x, split));
                header_text(
                    ui,
                    paint,
                    above.shrink(3.0),
                    &quote,
                    LabelStyle::Small,
                    colour,
                    loc.language.is_rtl(),
                );
                // The weight (words) first, the badge after it: the line then reads from
                // the interface's start side in either language.
                let mut facts = vec![tr!(
                    loc,
                    "board-row-weight",
                    weight = decimal(loc, row.weight)
                )];
                if let Some(badge) = ws
                    .passage(row.passage)
                    .and_then(|p| passage_grade(ws, p).badge())
                {
                    facts.push(badge);
                }
                if !row.diagnostic {
                    facts.push(tr!(loc, "board-non-diagnostic"));
                }
                if row.discounted {
                    facts.push(tr!(loc, "board-discounted"));
                }
                let line = facts.join(" · ");
                let below = egui::Rect::from_min_max(
                    egui::pos2(rect.min.x + 4.0, split),
                    rect.max - vec2(4.0, 0.0),
                );
                let warn = (!row.diagnostic).then(|| ui.visuals().weak_text_color());
                header_text(
                    ui,
                    paint,
                    below,
                    &line,
                    LabelStyle::Small,
                    warn,
                    loc.language.is_rtl(),
                );
                let label = format!("{quote} {line}");
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
            }
            Part::Cell { row, column } => {
                let Some((r, cells)) = order
                    .get(row)
                    .and_then(|&i| ach.rows.get(i).map(|r| (r, ach.cells(i))))
                else {
                    return;
                };
                let (Some(cell), Some(score)) = (cells.get(column), ach.scenarios.get(column))
                else {
                    return;
                };
                let is_chosen = chosen == Some((r.passage, score.scenario));
                cell_paint(
                    ui,
                    paint,
                    loc,
                    rect,
                    cell,
                    r.discounted,
                    is_chosen,
                    response,
                );
                let rating = cell
                    .rating
                    .map_or_else(|| tr!(loc, "board-not-rated"), |c| rating_name(loc, c));
                let how = if cell.set {
                    tr!(loc, "board-rating-set")
                } else {
                    tr!(loc, "board-rating-from-link")
                };
                let label = tr!(
                    loc,
                    "board-ach-cell",
                    passage = row_quote(ws, r, 40),
                    scenario = scenario_title(loc, ws, score.scenario),
                    rating = rating,
                    how = how
                );
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if response.clicked() {
                    out.push(AppCommand::SelectBoardCell((!is_chosen).then_some(
                        BoardCell::Ach {
                            passage: r.passage,
                            scenario: score.scenario,
                        },
                    )));
                }
                let (passage, scenario) = (r.passage, score.scenario);
                response.context_menu(|ui| {
                    for c in Consistency::ALL {
                        if ui.button(egui_text(paint, &rating_name(loc, c))).clicked() {
                            out.push(AppCommand::Edit(Edit::SetRating {
                                passage,
                                scenario,
                                rating: Some(c),
                            }));
                            ui.close();
                        }
                    }
                    if cell.set
                        && ui
                            .button(egui_text(paint, &tr!(loc, "board-rating-use-link")))
                            .clicked()
                    {
                        out.push(AppCommand::Edit(Edit::SetRating {
                            passage,
                            scenario,
                            rating: None,
                        }));
                        ui.close();
                    }
                });
            }
        },
    );
    if let Some((passage, scenario)) = chosen
        && let Some(i) = ach.rows.iter().position(|r| r.passage == passage)
        && let Some(row) = ach.rows.get(i)
        && let Some(column) = ws.scenarios.iter().position(|s| s.id == scenario)
        && let Some(cell) = ach.cells(i).get(column)
    {
        rating_editor_ui(ui, view, paint, row, scenario, *cell, out);
    }
}

/// A cell: its code on the rating's colour; a rating that comes from the link is shown lighter
/// and marked "link".
#[expect(clippy::too_many_arguments, reason = "one painted cell")]
fn cell_paint(
    ui: &Ui,
    paint: &mut TextPaint,
    loc: Locale,
    rect: egui::Rect,
    cell: &AchCell,
    discounted: bool,
    chosen: bool,
    response: &egui::Response,
) {
    let mut fill = rating_colour(cell.rating);
    if !cell.set || discounted {
        fill = fill.gamma_multiply(0.55);
    }
    let inner = cell_frame(ui, rect, response, fill, chosen);
    let code = cell.rating.map_or("·", Consistency::code);
    let ink = if cell.rating.is_some() && !discounted {
        INK
    } else {
        ui.visuals().weak_text_color()
    };
    let top = egui::Rect::from_min_max(inner.min, egui::pos2(inner.max.x, inner.center().y + 4.0));
    paint_text_in(ui, paint, top, code, LabelStyle::Heading, Some(ink), true);
    if cell.rating.is_some() && !cell.set {
        let bottom =
            egui::Rect::from_min_max(egui::pos2(inner.min.x, inner.center().y + 4.0), inner.max);
        paint_text_in(
            ui,
            paint,
            bottom,
            &tr!(loc, "board-from-link-mark"),
            LabelStyle::Small,
            Some(ink),
            true,
        );
    }
}

/// Which passages are rows, and how they are sorted.
fn controls_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let ws = view.ws();
    let loc = view.state.locale;
    let state = &view.state.board;
    ui.horizontal_wrapped(|ui| {
        let label = message_label(ui, paint, &tr!(loc, "board-rows"), LabelStyle::Body);
        let name = |rows: Rows| match rows {
            Rows::Linked => tr!(loc, "board-rows-linked"),
            Rows::Tagged(tag) => tr!(
                loc,
                "board-rows-tagged",
                tag = ws.tag(tag).map_or("?", |t| t.name.as_str())
            ),
        };
        let mut rows = state.options.rows;
        let combo = egui::ComboBox::from_id_salt("board_rows")
            .selected_text(combo_face(paint, &name(rows)))
            .show_ui(ui, |ui| {
                for option in
                    std::iter::once(Rows::Linked).chain(ws.tags.iter().map(|t| Rows::Tagged(t.id)))
                {
                    if bidi_selectable(ui, paint, rows == option, &name(option)).clicked() {
                        rows = option;
                    }
                }
            });
        paint_combo_face(ui, paint, &combo.response, &name(rows));
        let _ = combo.response.labelled_by(label.id);
        if rows != state.options.rows {
            out.push(AppCommand::SetAchRows(rows));
        }
        let label = message_label(ui, paint, &tr!(loc, "board-sort"), LabelStyle::Body);
        let mut order = state.order;
        let combo = egui::ComboBox::from_id_salt("board_order")
            .selected_text(combo_face(paint, &order_label(loc, order)))
            .show_ui(ui, |ui| {
                for o in [
                    RowOrder::Diagnosticity,
                    RowOrder::Brief,
                    RowOrder::Date,
                    RowOrder::Weight,
                ] {
                    let name = order_label(loc, o);
                    combo_item(ui, paint, &mut order, o, &name);
                }
            });
        paint_combo_face(ui, paint, &combo.response, &order_label(loc, order));
        let _ = combo.response.labelled_by(label.id);
        if order != state.order {
            out.push(AppCommand::SetRowOrder(order));
        }
    });
}

/// The weights of the scores, all in one place: each grade's and each relevance's factor,
/// typed (click the value, type, Enter), dragged, or stepped by 0.05 with − and +; a typed or
/// stepped value is one undo step, a drag one step when it ends; and back to the defaults.
fn weights_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    weights: &Weights,
    out: &mut Vec<AppCommand>,
) {
    egui::CollapsingHeader::new(egui_text(paint, &tr!(loc, "board-weights")))
        .id_salt("board_weights")
        .default_open(false)
        .show(ui, |ui| {
            // The header's body starts left to right whatever its parent: mirror it again.
            crate::app::directed(ui, loc.language.is_rtl(), |ui| {
                weights_body_ui(ui, loc, paint, weights, out);
            });
        });
}

/// The weights' rows and the reset button.
fn weights_body_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    weights: &Weights,
    out: &mut Vec<AppCommand>,
) {
    message_label(ui, paint, &tr!(loc, "board-weights-hint"), LabelStyle::Weak);
    let mut changed = *weights;
    let mut how = Change::None;
    // One row per weight, its controls first: they line up at the start side (the
    // right in a right-to-left interface), the names after them.
    for (i, r) in Reliability::ALL.into_iter().enumerate() {
        how = how.or(weight_row(
            ui,
            loc,
            paint,
            &loc.reliability(r),
            &mut changed.reliability[i],
        ));
    }
    for (i, c) in Credibility::ALL.into_iter().enumerate() {
        how = how.or(weight_row(
            ui,
            loc,
            paint,
            &loc.credibility(c),
            &mut changed.credibility[i],
        ));
    }
    for (i, r) in Relevance::ALL.into_iter().enumerate() {
        let name = tr!(loc, "board-weight-relevance", relevance = loc.relevance(r));
        how = how.or(weight_row(ui, loc, paint, &name, &mut changed.relevance[i]));
    }
    if how == Change::DragStarted {
        // A drag starts an undo step of its own, not joined to a step before it.
        out.push(AppCommand::EndTyping);
    }
    if changed != *weights {
        out.push(match how {
            // A drag joins one undo step until it stops.
            Change::DragStarted | Change::Dragged | Change::DragEnded => {
                AppCommand::Type(Edit::SetWeights(changed))
            }
            Change::None | Change::Set => AppCommand::Edit(Edit::SetWeights(changed)),
        });
    }
    if how == Change::DragEnded {
        out.push(AppCommand::EndTyping);
    }
    if *weights != Weights::default()
        && ui_button(ui, paint, &tr!(loc, "board-weights-reset")).clicked()
    {
        out.push(AppCommand::Edit(Edit::SetWeights(Weights::default())));
    }
}

/// How a weight changed this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    None,
    /// Typed or stepped: an undo step of its own.
    Set,
    /// A drag started this frame (its value may have changed too).
    DragStarted,
    /// Dragged: joins the drag's undo step.
    Dragged,
    /// A drag ended this frame (its value may have changed too).
    DragEnded,
}

impl Change {
    fn or(self, other: Change) -> Change {
        if self == Change::None { other } else { self }
    }
}

/// The largest weight: ×10.
const MAX_WEIGHT: u16 = 1000;

/// A weight as the interface writes it (two decimals, the interface's digits).
fn weight_text(loc: Locale, value: f64) -> String {
    loc.digits.apply(&format!("{value:.2}")).into_owned()
}

/// A typed weight: Western or Arabic-Indic digits, a point, an Arabic decimal separator (٫) or
/// a comma; `None` for anything else (the field then keeps the old value).
fn parse_weight(text: &str) -> Option<f64> {
    let western: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from_digit(u32::from(c) - u32::from('٠'), 10).unwrap_or(c),
            '۰'..='۹' => char::from_digit(u32::from(c) - u32::from('۰'), 10).unwrap_or(c),
            '٫' | ',' => '.',
            other => other,
        })
        .collect();
    if western.is_empty() || !western.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    western.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The hundredths of a factor, within 0 ..= ×10.
fn hundredths(value: f64) -> u16 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=1000"
    )]
    let n = (value * 100.0).round().clamp(0.0, f64::from(MAX_WEIGHT)) as u16;
    n
}

fn weight_row(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    name: &str,
    weight: &mut Weight,
) -> Change {
    let mut how = Change::None;
    ui.horizontal(|ui| {
        if ui_small_button(ui, paint, "-")
            .accessible_name(tr!(loc, "board-weight-less", name = name))
            .clicked()
        {
            weight.0 = weight.0.saturating_sub(5);
            how = Change::Set;
        }
        let mut value = weight.factor();
        let response = ui
            .add(
                egui::DragValue::new(&mut value)
                    .range(0.0..=f64::from(MAX_WEIGHT) / 100.0)
                    .speed(0.01)
                    .update_while_editing(false)
                    .custom_formatter(|v, _| weight_text(loc, v))
                    .custom_parser(parse_weight),
            )
            .on_hover_text(egui_text(paint, &tr!(loc, "board-weight-type")))
            .accessible_name(tr!(loc, "board-weight-value", name = name));
        let typed = hundredths(value);
        if typed != weight.0 {
            weight.0 = typed;
            how = if response.dragged() {
                Change::Dragged
            } else {
                Change::Set
            };
        }
        if response.drag_started() {
            how = Change::DragStarted;
        } else if response.drag_stopped() {
            how = Change::DragEnded;
        }
        if ui_small_button(ui, paint, "+")
            .accessible_name(tr!(loc, "board-weight-more", name = name))
            .clicked()
        {
            weight.0 = weight.0.saturating_add(5).min(MAX_WEIGHT);
            how = Change::Set;
        }
        bidi_label(ui, paint, name, LabelStyle::Body);
    });
    how
}

/// The chosen cell: set its rating (or let the link decide), discount its passage or brief for
/// a what-if, and the passage itself.
fn rating_editor_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    row: &AchRow,
    scenario: crate::model::ScenarioId,
    cell: AchCell,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    ui.separator();
    subheading(
        ui,
        paint,
        &tr!(
            loc,
            "board-rating-heading",
            passage = row_quote(ws, row, 50),
            scenario = scenario_title(loc, ws, scenario)
        ),
    );
    let passage = row.passage;
    ui.horizontal_wrapped(|ui| {
        for c in Consistency::ALL {
            let name = rating_name(loc, c);
            let current = cell.rating == Some(c);
            if ui
                .selectable_label(current, c.code())
                .on_hover_text(egui_text(paint, &name))
                .accessible_name(name)
                .clicked()
                && !(current && cell.set)
            {
                out.push(AppCommand::Edit(Edit::SetRating {
                    passage,
                    scenario,
                    rating: Some(c),
                }));
            }
        }
        let from_link = tr!(loc, "board-rating-use-link");
        if ui
            .add_enabled(cell.set, egui::Button::new(egui_text(paint, &from_link)))
            .accessible_name(from_link)
            .clicked()
        {
            out.push(AppCommand::Edit(Edit::SetRating {
                passage,
                scenario,
                rating: None,
            }));
        }
    });
    let how = if cell.set {
        tr!(loc, "board-rating-set")
    } else {
        tr!(loc, "board-rating-from-link")
    };
    message_label(ui, paint, &how, LabelStyle::Weak);
    let mut discounted = view.state.board.options.what_if.passages.contains(&passage);
    if bidi_checkbox(
        ui,
        paint,
        &mut discounted,
        &tr!(loc, "board-what-if-passage"),
    )
    .changed()
    {
        out.push(AppCommand::ToggleWhatIfPassage(passage));
    }
    let brief_title = ws
        .brief(row.brief)
        .map(crate::model::Brief::display_title)
        .unwrap_or_default();
    let mut brief_discounted = view.state.board.options.what_if.briefs.contains(&row.brief);
    if bidi_checkbox(
        ui,
        paint,
        &mut brief_discounted,
        &tr!(loc, "board-what-if-brief", brief = brief_title),
    )
    .changed()
    {
        out.push(AppCommand::ToggleWhatIfBrief(row.brief));
    }
    ui.add_space(4.0);
    let relation = ws
        .passage(passage)
        .and_then(|p| {
            p.links
                .iter()
                .find(|l| l.target == crate::model::LinkTarget::Scenario(scenario))
        })
        .map(|l| loc.relation(l.relation))
        .unwrap_or_default();
    passage_row_ui(ui, view, paint, passage, &relation, out);
}

#[cfg(test)]
mod tests {
    use super::{hundredths, parse_weight};

    #[test]
    fn a_typed_weight_reads_either_digits_and_refuses_anything_else() {
        assert_eq!(parse_weight(" 2.5 "), Some(2.5));
        assert_eq!(parse_weight("٢٫٥"), Some(2.5));
        assert_eq!(parse_weight("1,25"), Some(1.25));
        assert_eq!(parse_weight("much"), None);
        assert_eq!(parse_weight(""), None);
        assert_eq!(parse_weight("-1"), None);
        assert_eq!(parse_weight("1e3"), None);
        assert_eq!(hundredths(2.499), 250);
        assert_eq!(hundredths(50.0), 1000, "at most ×10");
    }
}
