//! A text with its code points and their byte offsets, so that re-anchoring many passages in it
//! never counts code points from the start again.

use std::ops::Range;

use memchr::memmem::Finder;

use crate::model::{Anchor, CONTEXT_CHARS};

/// A text, its code points, and where each code point starts in bytes.
#[derive(Clone, Debug)]
pub(crate) struct IndexedText<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// `bytes[i]` is where code point `i` starts; the last entry is the text's length.
    bytes: Vec<usize>,
}

impl<'a> IndexedText<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut chars = Vec::with_capacity(text.len());
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (byte, c) in text.char_indices() {
            chars.push(c);
            bytes.push(byte);
        }
        bytes.push(text.len());
        chars.shrink_to_fit();
        bytes.shrink_to_fit();
        Self { text, chars, bytes }
    }

    /// The number of code points.
    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    pub(crate) fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The byte offset of code point `index`, clamped to the end of the text.
    pub(crate) fn byte(&self, index: usize) -> usize {
        self.bytes[index.min(self.chars.len())]
    }

    /// The code point that starts at byte `byte` (or the first one after it).
    pub(crate) fn char_at_byte(&self, byte: usize) -> usize {
        self.bytes.partition_point(|b| *b < byte)
    }

    /// The code points `range`, clamped to the text.
    pub(crate) fn slice(&self, range: Range<usize>) -> &'a str {
        let start = self.byte(range.start);
        let end = self.byte(range.end).max(start);
        &self.text[start..end]
    }

    /// Whether `quote` is the text at code point `start`.
    pub(crate) fn matches_at(&self, start: usize, quote: &str) -> bool {
        start <= self.len() && self.text[self.byte(start)..].starts_with(quote)
    }

    /// Where the quote `finder` looks for starts inside the code points `within` (overlapping
    /// occurrences too), in text order, at most `limit` of them.
    pub(crate) fn occurrences(
        &self,
        finder: &Finder,
        within: Range<usize>,
        limit: usize,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        if finder.needle().is_empty() {
            return found;
        }
        let (lo, hi) = (self.byte(within.start), self.byte(within.end));
        let haystack = self.text.as_bytes().get(lo..hi).unwrap_or_default();
        let mut from = 0;
        while found.len() < limit {
            let Some(at) = haystack.get(from..).and_then(|rest| finder.find(rest)) else {
                break;
            };
            // A match of whole UTF-8 sequences starts where a code point of the text does.
            let start = self.char_at_byte(lo + from + at);
            found.push(start);
            from = self.byte(start + 1) - lo;
        }
        found
    }

    /// The anchor of `range` in this text: what [`Anchor::from_range`] gives, without counting
    /// the text's code points again. `None` when the range is empty or runs past the end.
    pub(crate) fn anchor(&self, range: Range<usize>) -> Option<Anchor> {
        let (start, end) = (range.start, range.end);
        if start >= end || end > self.len() {
            return None;
        }
        Some(Anchor {
            start,
            end,
            quote: self.slice(start..end).to_owned(),
            prefix: self
                .slice(start.saturating_sub(CONTEXT_CHARS)..start)
                .to_owned(),
            suffix: self
                .slice(end..(end + CONTEXT_CHARS).min(self.len()))
                .to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "قال الرئيس Trump إن الانسحاب سيكتمل، قال الرئيس.";

    #[test]
    fn anchors_are_those_of_from_range() {
        let text = IndexedText::new(TEXT);
        let len = TEXT.chars().count();
        for start in 0..len {
            for end in start + 1..=len {
                assert_eq!(
                    text.anchor(start..end),
                    Anchor::from_range(TEXT, start, end).ok()
                );
            }
        }
        assert_eq!(text.anchor(3..3), None);
        assert_eq!(text.anchor(3..len + 1), None);
    }

    #[test]
    fn occurrences_count_code_points_and_overlap() {
        let text = IndexedText::new(TEXT);
        let president = Finder::new("الرئيس");
        assert_eq!(text.occurrences(&president, 0..text.len(), 10), vec![4, 41]);
        assert_eq!(text.occurrences(&president, 5..text.len(), 10), vec![41]);
        assert_eq!(text.occurrences(&president, 0..text.len(), 1), vec![4]);
        assert!(text.occurrences(&president, 5..46, 10).is_empty());
        let repeated = IndexedText::new("ببببب");
        let two = Finder::new("بب");
        assert_eq!(repeated.occurrences(&two, 0..5, 10), vec![0, 1, 2, 3]);
        assert!(repeated.occurrences(&Finder::new(""), 0..5, 10).is_empty());
        let (from, to) = (4, 2);
        assert!(
            repeated
                .occurrences(&Finder::new("ب"), from..to, 10)
                .is_empty()
        );
        assert!(
            repeated
                .occurrences(&Finder::new("ب"), 9..12, 10)
                .is_empty()
        );
    }

    #[test]
    fn matches_at_and_slice_stay_on_char_boundaries() {
        let text = IndexedText::new(TEXT);
        assert!(text.matches_at(4, "الرئيس"));
        assert!(!text.matches_at(5, "الرئيس"));
        assert!(!text.matches_at(999, "ا"));
        assert_eq!(text.slice(11..16), "Trump");
        assert_eq!(text.slice(40..999), " الرئيس.");
        assert_eq!(text.char_at_byte(text.byte(11)), 11);
    }
}
