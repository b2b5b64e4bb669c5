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
use std::hash::{BuildHasherDefault, Hasher};

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
        let index = &index;
        // The ACH with its sensitivity on this thread, the other parts on a second one (or
        // here too when the system gives no thread): they only read the workspace, and each
        // is the same whichever thread computes it.
        let rest = || {
            (
                Matrix::compute(ws, index),
                Indicators::compute(ws, index),
                Frequencies::compute(ws, index),
            )
        };
        let (ach, sensitivity, (matrix, indicators, frequencies)) = std::thread::scope(|scope| {
            let other = std::thread::Builder::new()
                .name("analysis board".into())
                .spawn_scoped(scope, rest);
            let ach = Ach::compute(ws, index, options);
            let sensitivity = Sensitivity::compute(ws, &ach);
            let rest = match other {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => rest(),
            };
            (ach, sensitivity, rest)
        });
        Board {
            matrix,
            sensitivity,
            ach,
            indicators,
            frequencies,
        }
    }
}

/// A hasher for ids, which are random UUIDs: a multiply-and-rotate over their bytes (the
/// `FxHash` of rustc) instead of the standard library's `SipHash`, whose resistance to chosen
/// keys a local computation does not need and whose cost dominated the board's lookups.
#[derive(Clone, Copy, Default)]
pub(crate) struct IdHasher(u64);

impl IdHasher {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by ids (or tuples of them), hashed with [`IdHasher`].
pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// Positions of the workspace's things by id, built once per computation.
pub(crate) struct Index {
    pub tags: IdMap<TagId, usize>,
    pub determinants: IdMap<crate::model::DeterminantId, usize>,
    pub scenarios: IdMap<crate::model::ScenarioId, usize>,
    /// Each passage's brief's place in the workspace (`None` for a passage whose brief is
    /// gone), in the workspace's order of passages: looked up once for every part.
    pub passage_briefs: Vec<Option<usize>>,
}

impl Index {
    pub(crate) fn new(ws: &Workspace) -> Self {
        let briefs: IdMap<BriefId, usize> = ws
            .briefs
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id, i))
            .collect();
        // Passages mostly come in runs of one brief: try the last one's brief first.
        let mut last: Option<usize> = None;
        let passage_briefs = ws
            .passages
            .iter()
            .map(|p| {
                if let Some(b) = last
                    && ws.briefs[b].id == p.brief
                {
                    return Some(b);
                }
                let found = briefs.get(&p.brief).copied();
                if found.is_some() {
                    last = found;
                }
                found
            })
            .collect();
        Index {
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
            passage_briefs,
        }
    }
}

#[cfg(test)]
mod tests;
