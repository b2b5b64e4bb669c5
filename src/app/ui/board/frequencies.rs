//! Frequencies and co-occurrence: tag × brief counts and tag × tag co-occurrence, a tag
//! counting the passages of the tags below it; a click on a cell lists its passages.

use egui::{Color32, Ui, vec2};

use super::grid::{GridSpec, Part, grid_ui};
use super::{cell_frame, grid_height, header_text, mix, passage_row_ui, subheading};
use crate::app::View;
use crate::app::board_cache::Shown;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{LabelStyle, message_label, paint_text_in};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::BoardCell;
use crate::app::ui::widgets::{INK, color32, shorten};
use crate::model::{PassageId, TagId, Workspace};
use crate::tr;

fn tag_name(ws: &Workspace, id: TagId) -> String {
    ws.tag(id).map(|t| t.name.clone()).unwrap_or_default()
}

/// A count on a heat scale from white to deep blue, relative to the largest count.
fn heat(count: usize, most: usize) -> Color32 {
    if count == 0 || most == 0 {
        return Color32::TRANSPARENT;
    }
    #[expect(clippy::cast_precision_loss, reason = "counts are small")]
    let t = count as f32 / most as f32;
    mix(
        Color32::from_rgb(239, 243, 255),
        Color32::from_rgb(107, 174, 214),
        t,
    )
}

/// Paints a count cell and sends its choice when clicked.
#[expect(clippy::too_many_arguments, reason = "one painted cell")]
fn count_cell(
    ui: &Ui,
    paint: &mut TextPaint,
    rect: egui::Rect,
    response: &egui::Response,
    text: &str,
    fill: Color32,
    chosen: bool,
    label: &str,
) {
    let inner = cell_frame(ui, rect, response, fill, chosen);
    let ink = if fill == Color32::TRANSPARENT {
        ui.visuals().weak_text_color()
    } else {
        INK
    };
    paint_text_in(ui, paint, inner, text, LabelStyle::Body, Some(ink), true);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
}

/// A tag as a row header: its colour and name, indented under its parent (from the right in
/// a right-to-left interface).
fn tag_header(
    ui: &Ui,
    paint: &mut TextPaint,
    ws: &Workspace,
    id: TagId,
    rect: egui::Rect,
    rtl: bool,
) {
    let Some(tag) = ws.tag(id) else {
        return;
    };
    #[expect(clippy::cast_precision_loss, reason = "tree depths are tiny")]
    let indent = 10.0 * ws.tag_depth(tag) as f32;
    let (swatch, text) = if rtl {
        (
            egui::Rect::from_min_size(
                egui::pos2(rect.max.x - 14.0 - indent, rect.min.y + 6.0),
                vec2(10.0, 10.0),
            ),
            egui::Rect::from_min_max(
                rect.min + vec2(2.0, 2.0),
                egui::pos2(rect.max.x - 18.0 - indent, rect.max.y),
            ),
        )
    } else {
        (
            egui::Rect::from_min_size(rect.min + vec2(4.0 + indent, 6.0), vec2(10.0, 10.0)),
            egui::Rect::from_min_max(
                rect.min + vec2(18.0 + indent, 2.0),
                rect.max - vec2(2.0, 0.0),
            ),
        )
    };
    ui.painter().rect_filled(swatch, 2.0, color32(tag.colour));
    header_text(ui, paint, text, &tag.name, LabelStyle::Small, None, rtl);
}

pub fn frequencies_ui(
    ui: &mut Ui,
    view: &View<'_>,
    shown: &Shown,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let f = &shown.board.frequencies;
    if f.tags.is_empty() {
        message_label(ui, paint, &tr!(loc, "board-no-tags"), LabelStyle::Weak);
        return;
    }
    message_label(
        ui,
        paint,
        &tr!(loc, "board-frequencies-hint"),
        LabelStyle::Weak,
    );
    let chosen = view.state.board.cell;
    subheading(ui, paint, &tr!(loc, "board-tag-brief"));
    let most = f.most_in_brief;
    let spec = GridSpec {
        rows: f.tags.len(),
        columns: f.briefs.len(),
        header_width: 200.0,
        header_height: 52.0,
        cell: vec2(110.0, 30.0),
        max_height: grid_height(ui) * 0.8,
        rtl: loc.language.is_rtl(),
    };
    grid_ui(
        ui,
        paint,
        "board_tag_brief",
        spec,
        |ui, paint, part, rect, response| match part {
            Part::Corner => {}
            Part::Column(b) => {
                let title = f
                    .briefs
                    .get(b)
                    .and_then(|id| ws.brief(*id))
                    .map(|b| shorten(&b.display_title(), 50))
                    .unwrap_or_default();
                header_text(
                    ui,
                    paint,
                    rect.shrink(3.0),
                    &title,
                    LabelStyle::Small,
                    None,
                    loc.language.is_rtl(),
                );
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &title));
            }
            Part::Row(t) => {
                if let Some(&id) = f.tags.get(t) {
                    tag_header(ui, paint, ws, id, rect, loc.language.is_rtl());
                    let name = tag_name(ws, id);
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
                }
            }
            Part::Cell { row, column } => {
                let (Some(&tag), Some(&brief)) = (f.tags.get(row), f.briefs.get(column)) else {
                    return;
                };
                let n = f.tag_brief(row, column).len();
                let cell = BoardCell::TagBrief { tag, brief };
                let label = tr!(
                    loc,
                    "board-tag-brief-cell",
                    tag = tag_name(ws, tag),
                    brief = ws
                        .brief(brief)
                        .map(crate::model::Brief::display_title)
                        .unwrap_or_default(),
                    count = n
                );
                let is_chosen = chosen == Some(cell);
                count_cell(
                    ui,
                    paint,
                    rect,
                    response,
                    &loc.digits.apply(&n.to_string()),
                    heat(n, most),
                    is_chosen,
                    &label,
                );
                if response.clicked() {
                    out.push(AppCommand::SelectBoardCell((!is_chosen).then_some(cell)));
                }
            }
        },
    );
    subheading(ui, paint, &tr!(loc, "board-tag-tag"));
    message_label(ui, paint, &tr!(loc, "board-tag-tag-hint"), LabelStyle::Weak);
    let most = f.most_together;
    let spec = GridSpec {
        rows: f.tags.len(),
        columns: f.tags.len(),
        header_width: 200.0,
        header_height: 52.0,
        cell: vec2(96.0, 30.0),
        max_height: grid_height(ui) * 0.8,
        rtl: loc.language.is_rtl(),
    };
    grid_ui(
        ui,
        paint,
        "board_tag_tag",
        spec,
        |ui, paint, part, rect, response| match part {
            Part::Corner => {}
            Part::Column(t) => {
                let name = f
                    .tags
                    .get(t)
                    .map(|id| tag_name(ws, *id))
                    .unwrap_or_default();
                header_text(
                    ui,
                    paint,
                    rect.shrink(3.0),
                    &name,
                    LabelStyle::Small,
                    None,
                    loc.language.is_rtl(),
                );
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
            }
            Part::Row(t) => {
                if let Some(&id) = f.tags.get(t) {
                    tag_header(ui, paint, ws, id, rect, loc.language.is_rtl());
                    let name = tag_name(ws, id);
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
                }
            }
            Part::Cell { row, column } => {
                let (Some(&a), Some(&b), Some(c)) = (
                    f.tags.get(row),
                    f.tags.get(column),
                    f.cooccurrence(row, column),
                ) else {
                    return;
                };
                let cell = BoardCell::TagTag { row: a, column: b };
                let both = c.both.len();
                let overlapping = c.overlapping.len();
                let text = if overlapping > 0 {
                    format!(
                        "{} (+{})",
                        loc.digits.apply(&both.to_string()),
                        loc.digits.apply(&overlapping.to_string())
                    )
                } else {
                    loc.digits.apply(&both.to_string()).into_owned()
                };
                let label = tr!(
                    loc,
                    "board-tag-tag-cell",
                    first = tag_name(ws, a),
                    second = tag_name(ws, b),
                    both = both,
                    overlapping = overlapping
                );
                let is_chosen = chosen == Some(cell);
                count_cell(
                    ui,
                    paint,
                    rect,
                    response,
                    &text,
                    heat(both, most),
                    is_chosen,
                    &label,
                );
                if response.clicked() {
                    out.push(AppCommand::SelectBoardCell((!is_chosen).then_some(cell)));
                }
            }
        },
    );
    chosen_passages_ui(ui, view, shown, paint, out);
}

/// The passages behind the chosen count.
fn chosen_passages_ui(
    ui: &mut Ui,
    view: &View<'_>,
    shown: &Shown,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let f = &shown.board.frequencies;
    let position = |id: TagId| f.tags.iter().position(|t| *t == id);
    let (heading, passages): (String, &[PassageId]) = match view.state.board.cell {
        Some(BoardCell::TagBrief { tag, brief }) => {
            let (Some(t), Some(b)) = (position(tag), f.briefs.iter().position(|x| *x == brief))
            else {
                return;
            };
            let list = f.tag_brief(t, b);
            let heading = tr!(
                loc,
                "board-tag-brief-cell",
                tag = tag_name(ws, tag),
                brief = ws
                    .brief(brief)
                    .map(crate::model::Brief::display_title)
                    .unwrap_or_default(),
                count = list.len()
            );
            (heading, list)
        }
        Some(BoardCell::TagTag { row, column }) => {
            let (Some(t), Some(u)) = (position(row), position(column)) else {
                return;
            };
            let Some(c) = f.cooccurrence(t, u) else {
                return;
            };
            // The list was gathered once, when the cell was chosen.
            let heading = tr!(
                loc,
                "board-tag-tag-cell",
                first = tag_name(ws, row),
                second = tag_name(ws, column),
                both = c.both.len(),
                overlapping = c.overlapping.len()
            );
            (heading, shown.chosen_passages.as_slice())
        }
        _ => return,
    };
    ui.separator();
    subheading(ui, paint, &heading);
    for &id in passages {
        passage_row_ui(ui, view, paint, id, "", out);
    }
}
