//! The board as a serialisable summary with titles and quotes beside the ids: what
//! `basira analysis --json` prints and what the JSON and Markdown exports carry.

use serde::Serialize;

use super::Board;
use crate::i18n::Locale;
use crate::model::{Consistency, SignpostStatus, Workspace};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Scenarios in the workspace's order.
    pub scenarios: Vec<ScenarioLine>,
    /// The two best scenarios when they are within one inconsistency point.
    pub close_call: Option<CloseCall>,
    pub critical: Vec<CriticalLine>,
    /// Determinant × scenario cells, row by row.
    pub matrix: Vec<CellLine>,
    /// The ACH rows, in the workspace's order.
    pub diagnosticity: Vec<RowLine>,
    pub signposts: Vec<SignpostLine>,
    /// Graded briefs.
    pub grades: Vec<GradeLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenarioLine {
    pub id: String,
    pub title: String,
    pub inconsistency: u32,
    pub weighted_inconsistency: f64,
    pub rank: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CloseCall {
    pub first: String,
    pub second: String,
    pub warning: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriticalLine {
    /// The passage, when one passage is critical.
    pub passage: Option<String>,
    /// The brief, when a whole brief is critical.
    pub brief: Option<String>,
    /// The passage's quote or the brief's title.
    pub what: String,
    pub top_changes: bool,
    pub change: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CellLine {
    pub determinant: String,
    pub determinant_title: String,
    pub scenario: String,
    pub scenario_title: String,
    /// −2 … 2, or null when not judged.
    pub judgement: Option<i8>,
    pub note: String,
    pub supports: usize,
    pub weakens: usize,
    pub indicator: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowLine {
    pub passage: String,
    pub brief: String,
    pub quote: String,
    /// One per scenario: CC, C, N, I, II, NA, or null when not rated.
    pub ratings: Vec<Option<&'static str>>,
    pub weight: f64,
    pub diagnostic: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SignpostLine {
    pub scenario: String,
    pub scenario_title: String,
    pub passage: String,
    pub quote: String,
    /// The status's word in the file format (`not seen`, `emerging`, …).
    pub status: &'static str,
    /// The status itself, for a writer to put in its language.
    #[serde(skip)]
    pub state: SignpostStatus,
    pub assessed: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GradeLine {
    pub brief: String,
    pub title: String,
    pub grade: String,
}

/// At most `n` characters of `text` on one line, with `…` when cut.
pub(crate) fn short(text: &str, n: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s: String = one_line.chars().take(n).collect();
    if one_line.chars().count() > n {
        s.push('…');
    }
    s
}

impl Summary {
    /// The summary of `board`, computed from `ws`, its sentences in English (as `basira
    /// analysis --json` prints them).
    #[must_use]
    pub fn new(ws: &Workspace, board: &Board) -> Self {
        Self::in_language(ws, board, Locale::ENGLISH)
    }

    /// The summary of `board` with its sentences (the critical changes, the close-call
    /// warning) in `loc`'s language.
    #[must_use]
    pub fn in_language(ws: &Workspace, board: &Board, loc: Locale) -> Self {
        let scenario_title = |id| {
            ws.scenario(id)
                .map_or_else(String::new, |s| s.title.clone())
        };
        let quote = |id| {
            ws.passage(id)
                .map_or_else(String::new, |p| short(&p.anchor.quote, 60))
        };
        let scenarios = board
            .ach
            .scenarios
            .iter()
            .map(|s| ScenarioLine {
                id: s.scenario.to_string(),
                title: scenario_title(s.scenario),
                inconsistency: s.inconsistency,
                weighted_inconsistency: s.weighted(),
                rank: s.rank,
            })
            .collect();
        let close_call = board.sensitivity.close_call.map(|(a, b)| CloseCall {
            first: a.to_string(),
            second: b.to_string(),
            warning: super::words::close_call(loc, ws, a, b),
        });
        let critical = board
            .sensitivity
            .critical
            .iter()
            .map(|c| CriticalLine {
                passage: c.passage.map(|p| p.to_string()),
                brief: c.brief.map(|b| b.to_string()),
                what: match (c.passage, c.brief) {
                    (Some(p), _) => quote(p),
                    (None, Some(b)) => ws.brief(b).map_or_else(String::new, |b| b.display_title()),
                    (None, None) => String::new(),
                },
                top_changes: c.top_changes,
                change: super::words::change(loc, ws, &c.change),
            })
            .collect();
        let matrix = board
            .matrix
            .cells
            .iter()
            .map(|c| CellLine {
                determinant: c.determinant.to_string(),
                determinant_title: ws
                    .determinant(c.determinant)
                    .map_or_else(String::new, |d| d.title.clone()),
                scenario: c.scenario.to_string(),
                scenario_title: scenario_title(c.scenario),
                judgement: c.judgement.map(crate::model::Judgement::value),
                note: c.note.clone(),
                supports: c.supports,
                weakens: c.weakens,
                indicator: c.indicator,
            })
            .collect();
        let diagnosticity = board
            .ach
            .rows_with_cells()
            .map(|(r, cells)| RowLine {
                passage: r.passage.to_string(),
                brief: r.brief.to_string(),
                quote: quote(r.passage),
                ratings: cells
                    .iter()
                    .map(|c| c.rating.map(Consistency::code))
                    .collect(),
                weight: (r.weight * 10_000.0).round() / 10_000.0,
                diagnostic: r.diagnostic,
            })
            .collect();
        let signposts = board
            .indicators
            .scenarios
            .iter()
            .flat_map(|s| s.signposts.iter().map(move |row| (s.scenario, row)))
            .map(|(scenario, row)| SignpostLine {
                scenario: scenario.to_string(),
                scenario_title: scenario_title(scenario),
                passage: row.passage.to_string(),
                quote: quote(row.passage),
                status: row.status.word(),
                state: row.status,
                assessed: row.assessed.map(|d| d.to_string()),
            })
            .collect();
        let grades = ws
            .briefs
            .iter()
            .filter_map(|b| {
                ws.assessment.grade(b.id).badge().map(|grade| GradeLine {
                    brief: b.id.to_string(),
                    title: b.display_title(),
                    grade,
                })
            })
            .collect();
        Summary {
            scenarios,
            close_call,
            critical,
            matrix,
            diagnosticity,
            signposts,
            grades,
        }
    }
}
