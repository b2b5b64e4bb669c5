//! The analysis board's computations: what the evidence says, from a [`Workspace`] alone.
//!
//! Plain Rust, no egui. Everything is computed at once by [`Board::compute`], in a few passes
//! over the passages, and is meant to be computed once per document revision
//! ([`crate::edit::Document::revision`]) and cached, never per frame. Each part is a plain
//! struct a panel or a report reads directly; every list follows the workspace's order unless
//! it says otherwise, and every cell carries the passages behind its numbers so that a click can
//! list them.
//!
//! - [`Matrix`]: determinants × scenarios. Each [`MatrixCell`] has the analyst's judgement and
//!   note and the passages linked to both, counted by their relation *to the scenario*.
//! - [`Ach`]: the competing-scenarios matrix (Heuer's ACH). Rows are passages linked to at
//!   least one scenario (or all passages with a tag, see [`Rows`]); each [`AchCell`] holds the
//!   rating the analyst set or the one the link implies (supports → C, weakens → I). Per
//!   scenario an [`ScenarioScore`]: the inconsistency (I = 1, II = 2), the weighted
//!   inconsistency (each point × the row's reliability and credibility weights × the link's
//!   relevance weight) and the rank (1 = least weighted inconsistency; equal scores share a
//!   rank). A row is *diagnostic* when it adds different amounts to different scenarios'
//!   scores; a row rated alike everywhere (all C, say) is not, and discounting it never changes
//!   the ranking.
//! - [`Sensitivity`]: the *critical evidence*, each passage and each brief that, discounted on
//!   its own, changes the top scenario or reverses the order of two scenarios, with the
//!   [`Change`] it causes (which [`words`] puts in the catalog's English or Arabic); and a
//!   warning when the top two are within one inconsistency point.
//! - [`Indicators`]: each scenario's signposts (passages linked to it as *indicator*) with
//!   their status and the date last assessed, and a timeline of the briefs by publication date.
//! - [`Frequencies`]: tag × brief counts and tag × tag co-occurrence (passages carrying both,
//!   and overlapping passages), counting a tag's descendants with it.
//!
//! [`Summary`] is the board with titles and quotes beside the ids, serialisable: what
//! `basira analysis --json` prints and the exports carry; a report writer can start there.
//!
//! Discounting for a what-if ([`WhatIf`]) is session state, not saved: it is a question the
//! analyst asks of the board, not a judgement recorded in the workspace, and a saved one would
//! show the next reader a ranking that silently leaves evidence out. Discounted rows stay in the
//! ACH matrix (marked) but add nothing to the scores.
//!
//! Weighted scores are exact: weights are hundredths, so a row's contribution is an integer in
//! millionths ([`ScenarioScore::weighted_millionths`]) and ties are true ties.

mod ach;
mod frequencies;
mod indicators;
mod matrix;
pub mod summary;
pub mod words;

use std::collections::{BTreeSet, HashMap};

pub use ach::{Ach, AchCell, AchRow, RowOrder, ScenarioScore};
pub use ach::{Change, Critical, Sensitivity, Swap};
pub use frequencies::{Cooccurrence, Frequencies};
pub use indicators::{Indicators, ScenarioSignposts, SignpostRow, TimelineEntry};
pub use matrix::{CellPassage, Matrix, MatrixCell};
pub use summary::Summary;

use crate::model::{BriefId, PassageId, TagId, Workspace};

/// Passages and briefs taken out of the scores for a what-if (session state, never saved).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WhatIf {
    pub passages: BTreeSet<PassageId>,
    pub briefs: BTreeSet<BriefId>,
}

impl WhatIf {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.passages.is_empty() && self.briefs.is_empty()
    }

    #[must_use]
    pub fn discounts(&self, passage: PassageId, brief: BriefId) -> bool {
        self.passages.contains(&passage) || self.briefs.contains(&brief)
    }
}

/// Which passages are the rows of the ACH matrix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rows {
    /// Passages linked to at least one scenario.
    #[default]
    Linked,
    /// Every passage carrying this tag or one below it.
    Tagged(TagId),
}

/// What the board is computed with besides the workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub what_if: WhatIf,
    pub rows: Rows,
}

/// Everything the analysis board shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    pub matrix: Matrix,
    pub ach: Ach,
    pub sensitivity: Sensitivity,
    pub indicators: Indicators,
    pub frequencies: Frequencies,
}

impl Board {
    /// The whole board for `ws`.
    #[must_use]
    pub fn compute(ws: &Workspace, options: &Options) -> Self {
        let index = Index::new(ws);
        let ach = Ach::compute(ws, &index, options);
        let sensitivity = Sensitivity::compute(ws, &ach);
        Board {
            matrix: Matrix::compute(ws, &index),
            sensitivity,
            ach,
            indicators: Indicators::compute(ws, &index),
            frequencies: Frequencies::compute(ws, &index),
        }
    }
}

/// Positions of the workspace's things by id, built once per computation.
pub(crate) struct Index {
    pub briefs: HashMap<BriefId, usize>,
    pub tags: HashMap<TagId, usize>,
    pub determinants: HashMap<crate::model::DeterminantId, usize>,
    pub scenarios: HashMap<crate::model::ScenarioId, usize>,
}

impl Index {
    pub(crate) fn new(ws: &Workspace) -> Self {
        Index {
            briefs: ws
                .briefs
                .iter()
                .enumerate()
                .map(|(i, b)| (b.id, i))
                .collect(),
            tags: ws.tags.iter().enumerate().map(|(i, t)| (t.id, i)).collect(),
            determinants: ws
                .determinants
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id, i))
                .collect(),
            scenarios: ws
                .scenarios
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id, i))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
