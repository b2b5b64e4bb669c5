//! The analysis board on a large workspace (200 briefs, 50 000 passages, each linked to a
//! determinant and a scenario), beside one pass that only counts every passage's links, in the
//! same run.
//!
//! Run with `cargo bench --bench analysis`. Compare `board` with `count_links`: the target is
//! within 3×. `sensitivity` (every passage and every brief discounted in turn) should stay
//! under a second.

use std::collections::HashMap;
use std::sync::LazyLock;

use basira::analysis::{Ach, Board, Options, Sensitivity};
use basira::model::{LinkTarget, Relation, Workspace};

#[path = "support/generate.rs"]
mod generate;

static WORKSPACE: LazyLock<Workspace> =
    LazyLock::new(|| generate::analysed_workspace(200, 50_000, 50_000));

static BOARD: LazyLock<Board> = LazyLock::new(|| Board::compute(&WORKSPACE, &Options::default()));

fn main() {
    let board = &*BOARD;
    eprintln!(
        "{} passages, {} ratings, {} ACH rows, {} critical",
        WORKSPACE.passages.len(),
        WORKSPACE.assessment.ratings.len(),
        board.ach.rows.len(),
        board.sensitivity.critical.len()
    );
    divan::main();
}

/// Baseline: one pass over every passage counting its links by target and relation.
#[divan::bench(sample_count = 20)]
fn count_links() -> HashMap<(LinkTarget, Relation), usize> {
    let mut counts = HashMap::new();
    for p in &WORKSPACE.passages {
        for l in &p.links {
            *counts.entry((l.target, l.relation)).or_insert(0) += 1;
        }
    }
    counts
}

/// The whole board: matrix, ACH with its sensitivity, indicators, frequencies.
#[divan::bench(sample_count = 20)]
fn board() -> Board {
    Board::compute(&WORKSPACE, &Options::default())
}

/// Sensitivity alone: every row and every brief discounted in turn.
#[divan::bench(sample_count = 20)]
fn sensitivity() -> Sensitivity {
    let ach: &Ach = &BOARD.ach;
    Sensitivity::compute(&WORKSPACE, ach)
}
