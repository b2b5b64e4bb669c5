//! Sensitivity: the ranking, the critical evidence with the change each item causes, and the
//! what-if toggles that discount a passage or a brief (the board updates at once).

use egui::Ui;

use super::{decimal, passage_row_ui, scenario_title, subheading};
use crate::analysis::Board;
use crate::app::View;
use crate::app::board_cache::Shown;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{LabelStyle, bidi_checkbox, message_label};
use crate::app::paint::text_paint::TextPaint;
use crate::tr;

/// The warning when the top two scenarios are within one inconsistency point.
pub fn close_call_ui(ui: &mut Ui, view: &View<'_>, board: &Board, paint: &mut TextPaint) {
    let Some((first, second)) = board.sensitivity.close_call else {
        return;
    };
    let ws = view.ws();
    let loc = view.state.locale;
    message_label(
        ui,
        paint,
        &tr!(
            loc,
            "board-close-call",
            first = scenario_title(loc, ws, first),
            second = scenario_title(loc, ws, second)
        ),
        LabelStyle::Warning,
    );
}

/// The scenarios from rank 1 down, with their scores.
pub fn ranking_ui(ui: &mut Ui, view: &View<'_>, board: &Board, paint: &mut TextPaint) {
    let ws = view.ws();
    let loc = view.state.locale;
    let mut scores: Vec<_> = board.ach.scenarios.iter().collect();
    scores.sort_by_key(|s| s.rank);
    for score in scores {
        let line = tr!(
            loc,
            "board-ranking-row",
            rank = score.rank,
            scenario = scenario_title(loc, ws, score.scenario),
            inconsistency = score.inconsistency,
            weighted = decimal(loc, score.weighted())
        );
        let style = if score.rank == 1 {
            LabelStyle::Heading
        } else {
            LabelStyle::Body
        };
        message_label(ui, paint, &line, style);
    }
}

pub fn sensitivity_ui(
    ui: &mut Ui,
    view: &View<'_>,
    shown: &Shown,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let board = &shown.board;
    if ws.scenarios.is_empty() {
        message_label(ui, paint, &tr!(loc, "board-no-scenarios"), LabelStyle::Weak);
        return;
    }
    message_label(
        ui,
        paint,
        &tr!(loc, "board-sensitivity-hint"),
        LabelStyle::Weak,
    );
    subheading(ui, paint, &tr!(loc, "board-ranking"));
    ranking_ui(ui, view, board, paint);
    close_call_ui(ui, view, board, paint);
    let what_if = &view.state.board.options.what_if;
    let critical = &board.sensitivity.critical;
    subheading(
        ui,
        paint,
        &tr!(loc, "board-critical", count = critical.len()),
    );
    if critical.is_empty() {
        message_label(
            ui,
            paint,
            &tr!(loc, "board-critical-none"),
            LabelStyle::Weak,
        );
    }
    // The changes were put in words once, when the board was computed.
    for (item, change) in critical.iter().zip(&shown.changes) {
        ui.add_space(4.0);
        if let Some(passage) = item.passage {
            passage_row_ui(ui, view, paint, passage, "", out);
            message_label(ui, paint, change, LabelStyle::Warning);
            let mut on = what_if.passages.contains(&passage);
            if bidi_checkbox(ui, paint, &mut on, &tr!(loc, "board-what-if-passage")).changed() {
                out.push(AppCommand::ToggleWhatIfPassage(passage));
            }
        } else if let Some(brief) = item.brief {
            let title = ws
                .brief(brief)
                .map(crate::model::Brief::display_title)
                .unwrap_or_default();
            message_label(
                ui,
                paint,
                &tr!(loc, "board-critical-brief", brief = title.as_str()),
                LabelStyle::Body,
            );
            message_label(ui, paint, change, LabelStyle::Warning);
            let mut on = what_if.briefs.contains(&brief);
            if bidi_checkbox(ui, paint, &mut on, &tr!(loc, "board-what-if-this-brief")).changed() {
                out.push(AppCommand::ToggleWhatIfBrief(brief));
            }
        }
    }
    subheading(ui, paint, &tr!(loc, "board-what-if-heading"));
    message_label(ui, paint, &tr!(loc, "board-what-if-hint"), LabelStyle::Weak);
    for brief in &ws.briefs {
        let mut on = what_if.briefs.contains(&brief.id);
        let label = tr!(loc, "board-what-if-brief", brief = brief.display_title());
        if bidi_checkbox(ui, paint, &mut on, &label).changed() {
            out.push(AppCommand::ToggleWhatIfBrief(brief.id));
        }
    }
    for &passage in &what_if.passages {
        if ws.passage(passage).is_none() {
            continue;
        }
        passage_row_ui(ui, view, paint, passage, "", out);
        let mut on = true;
        if bidi_checkbox(ui, paint, &mut on, &tr!(loc, "board-what-if-passage")).changed() {
            out.push(AppCommand::ToggleWhatIfPassage(passage));
        }
    }
}
