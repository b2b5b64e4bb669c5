//! The analysis in a language's words: the change a critical piece of evidence causes and the
//! close-call warning, phrased from the catalog ([`crate::i18n`]) so that the app, the exports
//! and `basira analysis` say the same thing in English and in Arabic. The computations return
//! [`Change`] values and scenario ids; only these functions turn them into sentences.

use super::{Change, Swap};
use crate::i18n::Locale;
use crate::model::{ScenarioId, Workspace};
use crate::tr;

/// A scenario's title in guillemets, as the sentences quote it.
fn quoted(ws: &Workspace, id: ScenarioId) -> String {
    format!("«{}»", title(ws, id))
}

fn title(ws: &Workspace, id: ScenarioId) -> String {
    ws.scenario(id)
        .map_or_else(String::new, |s| s.title.clone())
}

/// «A», «A» and «B», «A» and «B» and «C».
fn names(loc: Locale, ws: &Workspace, ids: &[ScenarioId]) -> String {
    let mut quoted_ids = ids.iter().map(|id| quoted(ws, *id));
    let first = quoted_ids.next().unwrap_or_default();
    quoted_ids.fold(first, |first, second| {
        tr!(loc, "analysis-and", first = first, second = second)
    })
}

/// What discounting a critical passage or brief changes, as a clause: "«B» would rank first
/// instead of «A»" (no capital, no full stop: the app and the exports frame it).
#[must_use]
pub fn change(loc: Locale, ws: &Workspace, change: &Change) -> String {
    match change {
        Change::Top { before, after } => {
            let was = names(loc, ws, before);
            let will = names(loc, ws, after);
            let now = if before.len() > 1 {
                tr!(loc, "analysis-now-shared", before = was.as_str())
            } else {
                tr!(loc, "analysis-now-alone", before = was.as_str())
            };
            if after.len() > 1 {
                tr!(loc, "analysis-change-tie", after = will, now = now)
            } else if after.iter().any(|a| before.contains(a)) {
                tr!(loc, "analysis-change-first-alone", after = will, now = now)
            } else {
                tr!(loc, "analysis-change-instead", after = will, before = was)
            }
        }
        Change::Swaps(swaps) => {
            let mut clauses = swaps.iter().map(|s| swap(loc, ws, s));
            let first = clauses.next().unwrap_or_default();
            clauses.fold(first, |first, second| {
                tr!(loc, "analysis-change-also", first = first, second = second)
            })
        }
    }
}

fn swap(loc: Locale, ws: &Workspace, s: &Swap) -> String {
    tr!(
        loc,
        "analysis-change-swap",
        first = title(ws, s.first),
        first_rank = s.first_rank,
        second = title(ws, s.second),
        second_rank = s.second_rank
    )
}

/// The warning when the top two scenarios are within one inconsistency point of each other.
#[must_use]
pub fn close_call(loc: Locale, ws: &Workspace, first: ScenarioId, second: ScenarioId) -> String {
    tr!(
        loc,
        "analysis-close-call",
        first = title(ws, first),
        second = title(ws, second)
    )
}
