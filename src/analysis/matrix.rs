//! The determinant × scenario matrix.

use super::Index;
use crate::model::{
    DeterminantId, Judgement, LinkTarget, PassageId, Relation, ScenarioId, Workspace,
};

/// A passage linked to both a cell's determinant and its scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellPassage {
    pub passage: PassageId,
    /// How it bears on the determinant.
    pub to_determinant: Relation,
    /// How it bears on the scenario (what the cell's counts count).
    pub to_scenario: Relation,
}

/// One determinant × scenario cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatrixCell {
    pub determinant: DeterminantId,
    pub scenario: ScenarioId,
    /// The analyst's judgement, −2 … +2, or not judged.
    pub judgement: Option<Judgement>,
    pub note: String,
    /// Passages linked to both whose link to the scenario supports it.
    pub supports: usize,
    /// … weakens it.
    pub weakens: usize,
    /// … is an indicator of it.
    pub indicator: usize,
    /// The passages linked to both, in the workspace's order.
    pub passages: Vec<CellPassage>,
}

/// Determinants as rows, scenarios as columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matrix {
    pub determinants: Vec<DeterminantId>,
    pub scenarios: Vec<ScenarioId>,
    /// Row by row: the cell of determinant `d` and scenario `s` is at `d * scenarios.len() + s`.
    pub cells: Vec<MatrixCell>,
}

impl Matrix {
    pub(super) fn compute(ws: &Workspace, index: &Index) -> Self {
        let width = ws.scenarios.len();
        let mut cells: Vec<MatrixCell> = Vec::with_capacity(ws.determinants.len() * width);
        for d in &ws.determinants {
            for s in &ws.scenarios {
                let judged = ws.assessment.judgements.get(&(d.id, s.id));
                cells.push(MatrixCell {
                    determinant: d.id,
                    scenario: s.id,
                    judgement: judged.and_then(|j| j.judgement),
                    note: judged.map(|j| j.note.clone()).unwrap_or_default(),
                    ..MatrixCell::default()
                });
            }
        }
        let mut dets = Vec::new();
        let mut scens = Vec::new();
        for p in &ws.passages {
            dets.clear();
            scens.clear();
            for l in &p.links {
                match l.target {
                    LinkTarget::Determinant(id) => {
                        if let Some(&i) = index.determinants.get(&id) {
                            dets.push((i, l.relation));
                        }
                    }
                    LinkTarget::Scenario(id) => {
                        if let Some(&i) = index.scenarios.get(&id) {
                            scens.push((i, l.relation));
                        }
                    }
                }
            }
            for &(d, to_determinant) in &dets {
                for &(s, to_scenario) in &scens {
                    let cell = &mut cells[d * width + s];
                    match to_scenario {
                        Relation::Supports => cell.supports += 1,
                        Relation::Weakens => cell.weakens += 1,
                        Relation::Indicator => cell.indicator += 1,
                    }
                    cell.passages.push(CellPassage {
                        passage: p.id,
                        to_determinant,
                        to_scenario,
                    });
                }
            }
        }
        Matrix {
            determinants: ws.determinants.iter().map(|d| d.id).collect(),
            scenarios: ws.scenarios.iter().map(|s| s.id).collect(),
            cells,
        }
    }

    /// The cell of the `d`th determinant and the `s`th scenario.
    #[must_use]
    pub fn cell(&self, d: usize, s: usize) -> Option<&MatrixCell> {
        if s >= self.scenarios.len() {
            return None;
        }
        self.cells.get(d * self.scenarios.len() + s)
    }
}
