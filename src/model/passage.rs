//! Passages: spans of a brief that the analyst marked as evidence.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{BriefId, DeterminantId, PassageId, ScenarioId, TagId};
use crate::text_range::{CharIndex, slice_chars};

/// How many code points of context an anchor keeps on each side of its quote.
pub const CONTEXT_CHARS: usize = 32;

/// A span of a brief, with the analyst's coding of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub id: PassageId,
    pub brief: BriefId,
    pub anchor: Anchor,
    /// The passage lost its place when its brief's text was replaced by a newer version: its
    /// anchor keeps the old range, quote and context (not checked against the text) until the
    /// analyst places it again or removes it.
    pub orphaned: bool,
    /// Tags in the order they were applied; never twice the same.
    pub tags: Vec<TagId>,
    pub links: Vec<Link>,
    pub memo: String,
    pub created: DateTime<Utc>,
}

/// Where a passage sits in its brief's logical text.
///
/// `start..end` counts Unicode scalar values (code points) from 0, end exclusive, as the W3C
/// Web Annotation model and REFI-QDA do. The quote and its context let the anchor be verified
/// and later re-attached when the text changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
}

/// Why an anchor does not fit its brief's text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnchorError {
    #[error("the range {start}..{end} is empty or reversed")]
    Empty { start: usize, end: usize },
    #[error("the range {start}..{end} runs past the end of the text ({len} code points)")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error(
        "the quote does not match the text at {start}..{end}: the file says «{expected}», the text has «{found}»"
    )]
    QuoteMismatch {
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
    /// The context kept on one side does not match the text beside the quote (a hand edit or
    /// damage): reported, never repaired, as the quote is.
    #[error(
        "its {side} does not match the text {} {at}: the file says «{expected}», the text has «{found}»",
        if *side == "prefix" { "before" } else { "after" }
    )]
    ContextMismatch {
        /// `prefix` or `suffix`.
        side: &'static str,
        at: usize,
        expected: String,
        found: String,
    },
}

impl Anchor {
    /// The anchor of `start..end` (code points) in `text`, with quote and context.
    ///
    /// # Errors
    /// When the range is empty, reversed or past the end of the text.
    pub fn from_range(text: &str, start: usize, end: usize) -> Result<Self, AnchorError> {
        if start >= end {
            return Err(AnchorError::Empty { start, end });
        }
        let len = text.chars().count();
        if end > len {
            return Err(AnchorError::OutOfRange { start, end, len });
        }
        Ok(Anchor {
            start,
            end,
            quote: slice_chars(text, start, end).to_owned(),
            prefix: slice_chars(text, start.saturating_sub(CONTEXT_CHARS), start).to_owned(),
            suffix: slice_chars(text, end, (end + CONTEXT_CHARS).min(len)).to_owned(),
        })
    }

    /// Checks that the range lies in `text` and that the quote is exactly the text there.
    ///
    /// # Errors
    /// The first way in which the anchor does not fit.
    pub fn verify(&self, text: &str) -> Result<(), AnchorError> {
        self.verify_indexed(text, &CharIndex::new(text))
    }

    /// [`Anchor::verify`] for many anchors on one text: `index` must be the text's index.
    ///
    /// # Errors
    /// The first way in which the anchor does not fit.
    pub fn verify_indexed(&self, text: &str, index: &CharIndex<'_>) -> Result<(), AnchorError> {
        let (start, end) = (self.start, self.end);
        if start >= end {
            return Err(AnchorError::Empty { start, end });
        }
        let Some(end_byte) = index.byte(end) else {
            let len = index.char_len();
            return Err(AnchorError::OutOfRange { start, end, len });
        };
        let start_byte = index.byte(start).unwrap_or(end_byte);
        let found = &text[start_byte..end_byte];
        if found != self.quote {
            return Err(AnchorError::QuoteMismatch {
                start,
                end,
                expected: self.quote.clone(),
                found: found.to_owned(),
            });
        }
        // The context may be shorter than CONTEXT_CHARS (older files), never different.
        let before = &text[..start_byte];
        if !before.ends_with(&self.prefix) {
            return Err(AnchorError::ContextMismatch {
                side: "prefix",
                at: start,
                expected: self.prefix.clone(),
                found: last_chars(before, self.prefix.chars().count()).to_owned(),
            });
        }
        let after = &text[end_byte..];
        if !after.starts_with(&self.suffix) {
            return Err(AnchorError::ContextMismatch {
                side: "suffix",
                at: end,
                expected: self.suffix.clone(),
                found: after.chars().take(self.suffix.chars().count()).collect(),
            });
        }
        Ok(())
    }

    /// Whether the code point at `index` lies inside the anchor.
    #[must_use]
    pub fn contains(&self, index: usize) -> bool {
        (self.start..self.end).contains(&index)
    }
}

/// The last `n` code points of `text`.
fn last_chars(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 {
        &text[text.len()..]
    } else {
        &text[start..]
    }
}

/// A passage's link to a determinant or a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Link {
    pub target: LinkTarget,
    pub relation: Relation,
}

/// What a link points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkTarget {
    Determinant(DeterminantId),
    Scenario(ScenarioId),
}

/// How a passage bears on what it is linked to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Relation {
    /// The passage is evidence for the determinant or scenario.
    #[default]
    Supports,
    /// The passage is evidence against it.
    Weakens,
    /// The passage is a signpost that the scenario is unfolding (or the driver is active).
    Indicator,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Supports, Relation::Weakens, Relation::Indicator];

    /// The word used in exports and the interface.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Weakens => "weakens",
            Relation::Indicator => "indicator",
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "قال الرئيس Trump إن الانسحاب سيكتمل.";

    #[test]
    fn anchor_counts_code_points_not_bytes() {
        let anchor = Anchor::from_range(TEXT, 4, 10).expect("range inside the text");
        assert_eq!(anchor.quote, "الرئيس");
        assert_eq!(anchor.prefix, "قال ");
        assert!(anchor.suffix.starts_with(" Trump"));
        assert_eq!(anchor.verify(TEXT), Ok(()));
    }

    #[test]
    fn anchor_refuses_empty_and_out_of_range() {
        assert!(matches!(
            Anchor::from_range(TEXT, 3, 3),
            Err(AnchorError::Empty { .. })
        ));
        assert!(matches!(
            Anchor::from_range(TEXT, 3, 999),
            Err(AnchorError::OutOfRange { .. })
        ));
    }

    #[test]
    fn verify_reports_a_context_that_does_not_match_the_text() {
        let mut anchor = Anchor::from_range(TEXT, 4, 10).expect("range inside the text");
        assert_eq!(anchor.verify(TEXT), Ok(()));
        anchor.suffix = anchor.suffix.replacen('T', "X", 1);
        assert!(matches!(
            anchor.verify(TEXT),
            Err(AnchorError::ContextMismatch { side: "suffix", .. })
        ));
        let mut anchor = Anchor::from_range(TEXT, 4, 10).expect("range inside the text");
        anchor.prefix.insert(0, 'x');
        let err = anchor
            .verify(TEXT)
            .expect_err("a prefix the text does not have");
        assert!(err.to_string().contains("prefix"), "{err}");
        // Shorter context, as older files may keep, still matches.
        anchor.prefix = anchor.prefix.chars().skip(2).collect();
        anchor.suffix.clear();
        assert_eq!(anchor.verify(TEXT), Ok(()));
    }

    #[test]
    fn verify_reports_a_changed_text() {
        let anchor = Anchor::from_range(TEXT, 4, 10).expect("range inside the text");
        let changed = TEXT.replace("الرئيس", "الوزير");
        assert!(matches!(
            anchor.verify(&changed),
            Err(AnchorError::QuoteMismatch { .. })
        ));
        assert!(matches!(
            anchor.verify("قال"),
            Err(AnchorError::OutOfRange { .. })
        ));
    }
}
