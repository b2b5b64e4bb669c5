//! Sensitivity: the ranking, the critical evidence with the change each item causes, and the
//! what-if toggles that discount a passage or a brief (the board updates at once).

use egui::Ui;

use super::{decimal, passage_row_ui, scenario_title, subheading};
use crate::analysis::{Ach, Board, Critical};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{LabelStyle, bidi_checkbox, message_label};
use crate::app::paint::text_paint::TextPaint;
use crate::i18n::Locale;
use crate::model::{ScenarioId, Workspace};
use crate::tr;

/// Competition ranks, lowest score first (as the analysis ranks).
fn ranks(scores: &[u64]) -> Vec<usize> {
    scores
        .iter()
        .map(|s| 1 + scores.iter().filter(|o| *o < s).count())
        .collect()
}

/// The change discounting `item` causes, in the interface's words.
pub fn change_words(loc: Locale, ws: &Workspace, ach: &Ach, item: &Critical) -> String {
    let base: Vec<u64> = ach
        .scenarios
        .iter()
        .map(|s| s.weighted_millionths)
        .collect();
    let mut scores = base.clone();
    let hit = |r: &crate::analysis::AchRow| {
        !r.discounted && (item.passage == Some(r.passage) || item.brief == Some(r.brief))
    };
    for row in ach.rows.iter().filter(|r| hit(r)) {
        for (i, cell) in row.cells.iter().enumerate() {
            if let Some(score) = scores.get_mut(i) {
                *score = score.saturating_sub(cell.contribution);
            }
        }
    }
    let before = ranks(&base);
    let after = ranks(&scores);
    let ids: Vec<ScenarioId> = ach.scenarios.iter().map(|s| s.scenario).collect();
    let names = |ranks: &[usize]| -> String {
        ids.iter()
            .zip(ranks)
            .filter(|(_, r)| **r == 1)
            .map(|(id, _)| format!("«{}»", scenario_title(loc, ws, *id)))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let top_before: Vec<bool> = before.iter().map(|r| *r == 1).collect();
    let top_after: Vec<bool> = after.iter().map(|r| *r == 1).collect();
    if top_before != top_after {
        let tied = top_after.iter().filter(|t| **t).count() > 1;
        return if tied {
            tr!(
                loc,
                "board-change-tie",
                after = names(&after),
                before = names(&before)
            )
        } else {
            tr!(
                loc,
                "board-change-top",
                after = names(&after),
                before = names(&before)
            )
        };
    }
    let mut swaps = Vec::new();
    for i in 0..base.len() {
        for j in 0..base.len() {
            if base[i] < base[j] && scores[i] > scores[j] {
                swaps.push(tr!(
                    loc,
                    "board-change-swap",
                    first = scenario_title(loc, ws, ids[i]),
                    first_rank = before[i],
                    second = scenario_title(loc, ws, ids[j]),
                    second_rank = before[j]
                ));
            }
        }
    }
    swaps.join("; ")
}

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
    board: &Board,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
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
    for item in critical {
        ui.add_space(4.0);
        let change = change_words(loc, ws, &board.ach, item);
        if let Some(passage) = item.passage {
            passage_row_ui(ui, view, paint, passage, "", out);
            message_label(ui, paint, &change, LabelStyle::Warning);
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
            message_label(ui, paint, &change, LabelStyle::Warning);
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
