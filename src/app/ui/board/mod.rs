//! The analysis board, shown in place of the reader (*Analysis → Board*): the determinant ×
//! scenario matrix, the competing scenarios (ACH), sensitivity, indicators, and tag frequencies.
//! It reads the [`Board`] the app computed once for the document's revision (and the what-if
//! in force) and sends commands: edits for what is saved (judgements, ratings, weights, signpost
//! statuses), board commands for what is not (the chosen cell, sorting, what-ifs).

mod ach;
mod frequencies;
mod grid;
mod indicators;
mod matrix;
mod sensitivity;

use egui::{Color32, Ui};

use super::widgets::{grade_badge, passage_grade, shorten};
use crate::app::View;
use crate::app::board_cache::Shown;
use crate::app::command::{Action, AppCommand};
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, bidi_selectable, egui_text, message_label, paint_text_in, ui_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::BoardSection;
use crate::model::{PassageId, ScenarioId, Workspace};
use crate::tr;

pub fn board_ui(
    ui: &mut Ui,
    view: &View<'_>,
    shown: &Shown,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let state = &view.state.board;
    let board = &shown.board;
    ui.horizontal_wrapped(|ui| {
        bidi_label(ui, paint, &tr!(loc, "board-heading"), LabelStyle::Heading);
        for section in BoardSection::ALL {
            let label = section.label(loc);
            if ui
                .selectable_label(state.section == section, egui_text(paint, &label))
                .accessible_name(label)
                .clicked()
            {
                out.push(AppCommand::ShowBoardSection(section));
            }
        }
        if ui_button(ui, paint, &tr!(loc, "board-back-to-reader"))
            .on_hover_text(Action::Board.tooltip(loc))
            .clicked()
        {
            out.push(AppCommand::ShowBoard(false));
        }
    });
    what_if_line_ui(ui, view, paint, out);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("board_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match state.section {
            BoardSection::Matrix => matrix::matrix_ui(ui, view, board, paint, out),
            BoardSection::Ach => ach::ach_ui(ui, view, shown, paint, out),
            BoardSection::Sensitivity => sensitivity::sensitivity_ui(ui, view, shown, paint, out),
            BoardSection::Indicators => indicators::indicators_ui(ui, view, board, paint, out),
            BoardSection::Frequencies => frequencies::frequencies_ui(ui, view, shown, paint, out),
        });
}

/// While passages or briefs are discounted, says so on every section, with a way back.
fn what_if_line_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let what_if = &view.state.board.options.what_if;
    if what_if.is_empty() {
        return;
    }
    let loc = view.state.locale;
    ui.horizontal_wrapped(|ui| {
        let text = tr!(
            loc,
            "board-what-if-on",
            passages = what_if.passages.len(),
            briefs = what_if.briefs.len()
        );
        message_label(ui, paint, &text, LabelStyle::Warning);
        if ui_button(ui, paint, &tr!(loc, "board-what-if-clear")).clicked() {
            out.push(AppCommand::ClearWhatIf);
        }
    });
}

/// A scenario's title, or "(untitled)".
fn scenario_title(loc: crate::i18n::Locale, ws: &Workspace, id: ScenarioId) -> String {
    ws.scenario(id)
        .map(|s| s.title.trim())
        .filter(|t| !t.is_empty())
        .map_or_else(|| tr!(loc, "untitled"), str::to_owned)
}

/// One passage behind a number: its grade, how it bears (`relation`), its brief and its quote;
/// clicking the quote opens it in the reader.
fn passage_row_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    id: PassageId,
    relation: &str,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let Some(passage) = ws.passage(id) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        grade_badge(ui, loc, paint, passage_grade(ws, passage));
        if !relation.is_empty() {
            bidi_label(ui, paint, relation, LabelStyle::Weak);
        }
        let brief = ws.brief(passage.brief).map_or_else(
            || tr!(loc, "missing-brief"),
            |b| shorten(&b.display_title(), 40),
        );
        bidi_label(ui, paint, &brief, LabelStyle::Weak);
    });
    let quote = format!("«{}»", shorten(&passage.anchor.quote, 140));
    let selected = view.state.selected_passage == Some(id);
    if bidi_selectable(ui, paint, selected, &quote)
        .on_hover_text(egui_text(paint, &tr!(loc, "board-open-in-reader")))
        .clicked()
    {
        out.push(AppCommand::ShowPassage(id));
    }
    ui.add_space(4.0);
}

/// Paints a grid header's text: from the interface's start side in a right-to-left interface
/// (whatever the text's own direction), as the text reads otherwise.
fn header_text(
    ui: &Ui,
    paint: &mut TextPaint,
    rect: egui::Rect,
    text: &str,
    style: LabelStyle,
    colour: Option<Color32>,
    rtl: bool,
) {
    if rtl {
        let _ = crate::app::paint::bidi_label::paint_text_at(
            ui,
            paint,
            rect,
            text,
            style,
            colour,
            crate::app::paint::bidi_label::Side::Right,
        );
    } else {
        let _ = paint_text_in(ui, paint, rect, text, style, colour, false);
    }
}

/// A heading inside a section.
fn subheading(ui: &mut Ui, paint: &mut TextPaint, text: &str) {
    ui.add_space(6.0);
    message_label(ui, paint, text, LabelStyle::Heading);
}

/// Paints a grid cell's frame: `fill` inside `rect` (inset a little), outlined as chosen,
/// hovered or plain. Returns the inner rectangle, where the cell's text goes.
fn cell_frame(
    ui: &Ui,
    rect: egui::Rect,
    response: &egui::Response,
    fill: egui::Color32,
    chosen: bool,
) -> egui::Rect {
    let inner = rect.shrink(1.5);
    ui.painter().rect_filled(inner, 3.0, fill);
    let stroke = if chosen {
        chosen_stroke(ui)
    } else if response.hovered() {
        ui.visuals().widgets.hovered.fg_stroke
    } else {
        cell_stroke(ui)
    };
    ui.painter()
        .rect_stroke(inner, 3.0, stroke, egui::StrokeKind::Inside);
    inner
}

/// The fill of a chosen cell's outline.
fn chosen_stroke(ui: &Ui) -> egui::Stroke {
    egui::Stroke::new(2.5, ui.visuals().selection.stroke.color)
}

/// A thin line around every cell.
fn cell_stroke(ui: &Ui) -> egui::Stroke {
    egui::Stroke::new(0.5, ui.visuals().widgets.noninteractive.bg_stroke.color)
}

/// How much of the central panel a grid may take before it scrolls.
fn grid_height(ui: &Ui) -> f32 {
    (ui.ctx().content_rect().height() * 0.5).max(160.0)
}

/// A number with two decimals in the interface's digits.
fn decimal(loc: crate::i18n::Locale, value: f64) -> String {
    loc.digits.apply(&format!("{value:.2}")).into_owned()
}

/// A colour between `from` and `to`, `t` in 0..=1.
fn mix(from: Color32, to: Color32, t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let channel = |a: u8, b: u8| {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "0..=255"
        )]
        let v = (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        v
    };
    Color32::from_rgb(
        channel(from.r(), to.r()),
        channel(from.g(), to.g()),
        channel(from.b(), to.b()),
    )
}
