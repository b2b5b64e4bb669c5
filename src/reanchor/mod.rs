//! Re-anchoring passages when a brief is re-imported with changed text.
//!
//! Plain Rust, no egui, no files. [`reanchor`] carries every passage's [`Anchor`] from the old
//! text of a brief to the new one, in order, and never drops one:
//!
//! 1. **Kept / Moved** — the quote, exactly. First where the diff of the two texts (computed
//!    once per call: by lines, then by code points inside the changed lines) carries the old
//!    start, if the whole context is still around it there; else among the occurrences within
//!    [`NEAR_WINDOW`] code points of that place, then among those in the new or changed lines of
//!    the new text (where text that moved must be). The occurrence with the most surrounding
//!    context wins (the text's start or end counts where the anchor's context reached it), then
//!    the nearest to the expected place; it is taken if quote and matching context together
//!    make [`EXACT_EVIDENCE`] code points. The passage is *kept* when it ends up on its old
//!    range, *moved* otherwise.
//! 2. **Fuzzy** — the stretch of the new text near the expected range (in a band around the
//!    mapped start and end: 32 code points when the diff carried both exactly, else about half
//!    the quote, at most 256) closest to the quote by an edit distance in which whitespace,
//!    harakat and tatweel are cheap; taken if its quote similarity reaches [`FUZZY_QUOTE_MIN`]
//!    and its score (quote and context similarity weighted by length) reaches
//!    [`FUZZY_SCORE_MIN`].
//! 3. **Orphaned** — anything else. The caller keeps the passage with its old anchor, and can
//!    try again later with [`reanchor_one`] and a position the analyst points at.
//!
//! Each passage costs about its quote length times a small window (the exact search scans the
//! changed lines, the fuzzy one at most 2²⁴ cells), never the text length squared. Offsets are
//! code points, as in [`Anchor`].

mod alignment;
mod chars;
mod exact;
mod fuzzy;
mod indexed;
mod new_version;
mod summary;

use std::ops::Range;

pub use exact::EXACT_EVIDENCE;
pub use fuzzy::{FUZZY_QUOTE_MIN, FUZZY_SCORE_MIN};
pub use new_version::new_version;
pub use summary::Summary;

use crate::model::Anchor;
use alignment::{Alignment, Mapped};
use exact::{Needle, Occurrence, best_occurrence, better, occurrence_at};
use indexed::IndexedText;

/// How far (code points) on each side of the expected place an exact quote is looked for
/// before the search moves to the changed lines.
pub const NEAR_WINDOW: usize = 2048;

/// How a passage was placed in the new text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// Its quote is still at the same range.
    Kept,
    /// Its quote, unchanged, is at another range.
    Moved,
    /// Its quote was edited; `score` (0–1) says how close the new wording and context are.
    Fuzzy { score: f32 },
    /// It could not be placed: it keeps its old anchor, for the analyst to resolve.
    Orphaned,
}

impl Placement {
    /// Whether the passage has an anchor in the new text.
    #[must_use]
    pub fn is_placed(&self) -> bool {
        !matches!(self, Placement::Orphaned)
    }
}

/// A passage's anchor carried to the new text.
#[derive(Clone, Debug, PartialEq)]
pub struct Reanchored {
    pub placement: Placement,
    /// The anchor in the new text (as [`Anchor::from_range`] makes it); `None` for an orphan.
    pub anchor: Option<Anchor>,
}

impl Reanchored {
    fn orphan() -> Self {
        Reanchored {
            placement: Placement::Orphaned,
            anchor: None,
        }
    }
}

/// Carries `anchors` (ranges of `old_text`) to `new_text`: one result per anchor, in order.
#[must_use]
pub fn reanchor(old_text: &str, new_text: &str, anchors: &[Anchor]) -> Vec<Reanchored> {
    let alignment = Alignment::new(old_text, new_text);
    let locator = Locator::new(new_text);
    anchors
        .iter()
        .map(|anchor| {
            let start = alignment.map_start(anchor.start);
            let end = alignment.map_end(anchor.end.max(anchor.start));
            locator.place(anchor, start, end, alignment.changed())
        })
        .collect()
}

/// Places one anchor in `text` without the old text, for an orphan the analyst points at: the
/// quote exactly anywhere (most context first, then nearest `hint`), else approximately near
/// `hint` (a code point of `text`; the anchor's own start when `None`).
#[must_use]
pub fn reanchor_one(text: &str, anchor: &Anchor, hint: Option<usize>) -> Reanchored {
    let locator = Locator::new(text);
    let at = hint.unwrap_or(anchor.start);
    let expected = Mapped {
        pos: at,
        exact: false,
    };
    let end = Mapped {
        pos: at.saturating_add(anchor.quote.chars().count()),
        exact: false,
    };
    let everywhere = 0..locator.text.len();
    locator.place(anchor, expected, end, std::slice::from_ref(&everywhere))
}

/// The new text, indexed once for all the anchors placed in it.
struct Locator<'a> {
    text: IndexedText<'a>,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: IndexedText::new(text),
        }
    }

    /// Places `anchor`, expected at `start..end` of the new text; `far` are the stretches where
    /// a quote that moved away can be.
    fn place(
        &self,
        anchor: &Anchor,
        start: Mapped,
        end: Mapped,
        far: &[Range<usize>],
    ) -> Reanchored {
        let needle = Needle::new(anchor);
        let m = needle.len();
        if m == 0 {
            return Reanchored::orphan();
        }
        let len = self.text.len();
        let expected = start.pos;
        // Where the diff carried it, with all its context: nothing can match better.
        if start.exact && self.text.matches_at(expected, needle.quote) {
            let found = occurrence_at(&self.text, &needle, expected);
            if found.has_full_context(&needle) {
                return self.exact(anchor, found.start, m);
            }
        }
        // Near the expected place, and at the old place.
        let near =
            expected.saturating_sub(NEAR_WINDOW)..expected.saturating_add(m + NEAR_WINDOW).min(len);
        let mut best = best_occurrence(&self.text, &needle, std::iter::once(near), expected);
        if self.text.matches_at(anchor.start, needle.quote) {
            best = better(
                best,
                occurrence_at(&self.text, &needle, anchor.start),
                expected,
            );
        }
        if let Some(found) = best.filter(|o| o.is_convincing(&needle)) {
            return self.exact(anchor, found.start, m);
        }
        // Where text that moved away can be.
        let far = far
            .iter()
            .map(|r| r.start.saturating_sub(m)..r.end.saturating_add(m).min(len));
        if let Some(found) = best_occurrence(&self.text, &needle, far, expected)
            .filter(|o: &Occurrence| o.is_convincing(&needle))
        {
            return self.exact(anchor, found.start, m);
        }
        // Edited: approximately, near the expected range.
        let precise = start.exact && end.exact;
        match fuzzy::best_approximate(
            &self.text,
            &needle,
            expected..end.pos.max(expected),
            precise,
        ) {
            Some(found) if found.is_acceptable() => Reanchored {
                placement: Placement::Fuzzy { score: found.score },
                anchor: self.text.anchor(found.range),
            },
            _ => Reanchored::orphan(),
        }
    }

    /// The result for the quote found exactly at `start`.
    fn exact(&self, anchor: &Anchor, start: usize, m: usize) -> Reanchored {
        let Some(new) = self.text.anchor(start..start + m) else {
            return Reanchored::orphan();
        };
        let placement = if new.start == anchor.start && new.end == anchor.end {
            Placement::Kept
        } else {
            Placement::Moved
        };
        Reanchored {
            placement,
            anchor: Some(new),
        }
    }
}
