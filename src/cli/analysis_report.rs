//! What `basira analysis` prints: the scores and ranking of the scenarios, the critical
//! evidence, the determinant × scenario matrix, diagnosticity and signposts; `--json` prints
//! the same [`Summary`].

use std::fmt::Write as _;
use std::path::Path;

use crate::analysis::{Board, Options, Summary};
use crate::io;

/// The summary of the workspace at `path`.
///
/// # Errors
/// When the workspace cannot be read.
pub fn build(path: &Path) -> anyhow::Result<Summary> {
    let ws = io::load(path)?;
    let board = Board::compute(&ws, &Options::default());
    Ok(Summary::new(&ws, &board))
}

fn judgement_word(value: Option<i8>) -> String {
    match value.and_then(crate::model::Judgement::from_value) {
        Some(j) => format!("{} ({})", j.signed(), j.label()),
        None => "not judged".to_owned(),
    }
}

/// The summary as text, one fact per line.
#[must_use]
pub fn human(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "scenarios (rank 1 = least inconsistent):");
    let mut ranked: Vec<_> = s.scenarios.iter().collect();
    ranked.sort_by_key(|x| x.rank);
    for x in ranked {
        let _ = writeln!(
            out,
            "  {}. «{}»: inconsistency {}, weighted {:.2}",
            x.rank, x.title, x.inconsistency, x.weighted_inconsistency
        );
    }
    if let Some(close) = &s.close_call {
        let _ = writeln!(out, "warning: {}", close.warning);
    }
    let _ = writeln!(out, "critical evidence: {}", s.critical.len());
    for c in &s.critical {
        let what = if c.passage.is_some() {
            format!("passage «{}»", c.what)
        } else {
            format!("brief «{}»", c.what)
        };
        let _ = writeln!(out, "  {what}: discounted, {}", c.change);
    }
    let _ = writeln!(out, "determinant × scenario:");
    for cell in &s.matrix {
        let note = if cell.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", crate::analysis::summary::short(&cell.note, 80))
        };
        let _ = writeln!(
            out,
            "  «{}» × «{}»: {}; {} supports, {} weakens, {} indicators{note}",
            cell.determinant_title,
            cell.scenario_title,
            judgement_word(cell.judgement),
            cell.supports,
            cell.weakens,
            cell.indicator
        );
    }
    let diagnostic = s.diagnosticity.iter().filter(|r| r.diagnostic).count();
    let _ = writeln!(
        out,
        "evidence: {} rows, {diagnostic} diagnostic (ratings in scenario order)",
        s.diagnosticity.len()
    );
    for r in &s.diagnosticity {
        let ratings: Vec<&str> = r.ratings.iter().map(|x| x.unwrap_or("-")).collect();
        let mark = if r.diagnostic {
            ""
        } else {
            " (not diagnostic)"
        };
        let _ = writeln!(out, "  «{}»: {}{mark}", r.quote, ratings.join(" "));
    }
    let _ = writeln!(out, "signposts: {}", s.signposts.len());
    for x in &s.signposts {
        let assessed = x
            .assessed
            .as_ref()
            .map_or_else(String::new, |d| format!(" (assessed {d})"));
        let _ = writeln!(
            out,
            "  «{}»: «{}» {}{assessed}",
            x.scenario_title, x.quote, x.status
        );
    }
    if !s.grades.is_empty() {
        let _ = writeln!(out, "grades:");
        for g in &s.grades {
            let _ = writeln!(out, "  {} «{}»", g.grade, g.title);
        }
    }
    out
}
