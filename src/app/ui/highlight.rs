//! Which passages the reader paints, and how overlapping ones stay apart: pure functions over
//! code-point ranges, so they can be tested without a screen.
//!
//! Each passage is filled in its first tag's colour, semi-transparent so overlaps show as a
//! darker mix, and underlined at its *level*: passages that overlap get different levels, so
//! their underlines sit at different heights and each passage's extent stays visible.

use std::ops::Range;

use crate::model::{Colour, Passage, PassageId, Workspace};

/// A passage as the reader paints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub id: PassageId,
    pub range: Range<usize>,
    /// The colour of the passage's first tag; `None` when untagged.
    pub colour: Option<Colour>,
    /// Its underline's level: 0 for the lowest; overlapping passages never share one.
    pub level: usize,
}

/// `passages` (a brief's) as marks, ordered by start (longer first at the same start), with
/// levels.
#[must_use]
pub fn marks<'w>(ws: &Workspace, passages: impl IntoIterator<Item = &'w Passage>) -> Vec<Mark> {
    let mut marks: Vec<Mark> = passages
        .into_iter()
        .map(|p| Mark {
            id: p.id,
            range: p.anchor.start..p.anchor.end,
            colour: p.tags.first().and_then(|t| ws.tag(*t)).map(|t| t.colour),
            level: 0,
        })
        .collect();
    assign_levels(&mut marks);
    marks
}

/// Sorts `marks` by start (longer first) and gives each the lowest level not taken by a mark
/// it overlaps — the greedy colouring of an interval graph, which uses as few levels as the
/// deepest overlap needs.
pub fn assign_levels(marks: &mut [Mark]) {
    marks.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    // The end of the last mark on each level.
    let mut ends: Vec<usize> = Vec::new();
    for mark in marks.iter_mut() {
        let level = match ends.iter().position(|&end| end <= mark.range.start) {
            Some(level) => level,
            None => {
                ends.push(0);
                ends.len() - 1
            }
        };
        ends[level] = mark.range.end;
        mark.level = level;
    }
}

/// The smallest of the marks for which `hit` holds (the innermost passage under a click).
pub fn smallest(marks: &[Mark], mut hit: impl FnMut(&Mark) -> bool) -> Option<&Mark> {
    marks
        .iter()
        .filter(|m| hit(m))
        .min_by_key(|m| m.range.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(range: Range<usize>) -> Mark {
        Mark {
            id: PassageId::new(),
            range,
            colour: None,
            level: 0,
        }
    }

    #[test]
    fn overlapping_passages_get_different_levels() {
        let mut marks = vec![mark(4..8), mark(0..10), mark(2..6), mark(10..12)];
        assign_levels(&mut marks);
        let got: Vec<(Range<usize>, usize)> =
            marks.iter().map(|m| (m.range.clone(), m.level)).collect();
        assert_eq!(got, [(0..10, 0), (2..6, 1), (4..8, 2), (10..12, 0)]);
    }

    #[test]
    fn the_smallest_containing_mark_wins() {
        let marks = vec![mark(0..10), mark(2..6)];
        let inner = smallest(&marks, |m| m.range.contains(&3)).map(|m| m.range.clone());
        assert_eq!(inner, Some(2..6));
        let outer = smallest(&marks, |m| m.range.contains(&8)).map(|m| m.range.clone());
        assert_eq!(outer, Some(0..10));
        assert!(smallest(&marks, |m| m.range.contains(&11)).is_none());
    }
}
