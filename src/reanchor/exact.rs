//! Finding a passage's quote, exactly as it was, and telling its occurrences apart by the
//! context the anchor kept around it.

use std::ops::Range;

use memchr::memmem::Finder;

use super::indexed::IndexedText;
use crate::model::{Anchor, CONTEXT_CHARS};

/// An exact occurrence is taken when its quote and the context around it that still matches
/// add up to at least this many code points (or to all the anchor has, near the ends of a
/// text): a sentence is placed on its own, a single word needs about half of its context.
pub const EXACT_EVIDENCE: usize = 24;

/// At most this many occurrences of one quote are compared (a one-letter quote in a long text).
const MAX_OCCURRENCES: usize = 4096;

/// What a passage is looked for by: its quote and its context, in code points.
#[derive(Clone, Debug)]
pub(crate) struct Needle<'a> {
    pub(crate) quote: &'a str,
    finder: Finder<'a>,
    pub(crate) quote_chars: Vec<char>,
    pub(crate) prefix: Vec<char>,
    pub(crate) suffix: Vec<char>,
}

impl<'a> Needle<'a> {
    pub(crate) fn new(anchor: &'a Anchor) -> Self {
        Self {
            quote: &anchor.quote,
            finder: Finder::new(anchor.quote.as_bytes()),
            quote_chars: anchor.quote.chars().collect(),
            prefix: anchor.prefix.chars().collect(),
            suffix: anchor.suffix.chars().collect(),
        }
    }

    /// The quote's length in code points.
    pub(crate) fn len(&self) -> usize {
        self.quote_chars.len()
    }

    /// How many code points of context the anchor kept, both sides together.
    pub(crate) fn context_len(&self) -> usize {
        self.prefix.len() + self.suffix.len()
    }

    /// The best [`Occurrence::score`] there can be: all the context, and the text's start
    /// (end) right before the prefix (after the suffix) when the anchor kept less than
    /// [`CONTEXT_CHARS`] on that side because the text began (ended) there.
    fn best_score(&self) -> usize {
        self.context_len()
            + usize::from(self.prefix.len() < CONTEXT_CHARS)
            + usize::from(self.suffix.len() < CONTEXT_CHARS)
    }
}

/// An occurrence of the quote and how much of the anchor's context surrounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub(crate) start: usize,
    /// Code points of the prefix that end right before it plus those of the suffix that start
    /// right after it.
    pub(crate) context: usize,
    /// `context`, plus one for each side where the anchor's context stopped at the start (end)
    /// of its text and so does the text here: what occurrences are ranked by.
    pub(crate) score: usize,
}

impl Occurrence {
    /// Whether this occurrence is evidence enough (see [`EXACT_EVIDENCE`]).
    pub(crate) fn is_convincing(&self, needle: &Needle) -> bool {
        let available = needle.len() + needle.context_len();
        needle.len() + self.context >= EXACT_EVIDENCE.min(available)
    }

    /// Whether all of the anchor's context surrounds it, up to the text's ends where the
    /// anchor's context reached them: no occurrence can match better.
    pub(crate) fn has_full_context(&self, needle: &Needle) -> bool {
        self.score == needle.best_score()
    }
}

/// The occurrence at `start` (which the caller has checked holds the quote).
pub(crate) fn occurrence_at(text: &IndexedText, needle: &Needle, start: usize) -> Occurrence {
    let chars = text.chars();
    let before = &chars[..start.min(chars.len())];
    let after = chars.get(start + needle.len()..).unwrap_or(&[]);
    let prefix = needle
        .prefix
        .iter()
        .rev()
        .zip(before.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = needle
        .suffix
        .iter()
        .zip(after)
        .take_while(|(a, b)| a == b)
        .count();
    let text_starts =
        prefix == needle.prefix.len() && needle.prefix.len() < CONTEXT_CHARS && start == prefix;
    let text_ends = suffix == needle.suffix.len()
        && needle.suffix.len() < CONTEXT_CHARS
        && after.len() == suffix;
    Occurrence {
        start,
        context: prefix + suffix,
        score: prefix + suffix + usize::from(text_starts) + usize::from(text_ends),
    }
}

/// The best occurrence of the quote inside `ranges` (code points of `text`): the most context,
/// then the nearest to `expected`.
pub(crate) fn best_occurrence(
    text: &IndexedText,
    needle: &Needle,
    ranges: impl IntoIterator<Item = Range<usize>>,
    expected: usize,
) -> Option<Occurrence> {
    let mut best: Option<Occurrence> = None;
    let mut budget = MAX_OCCURRENCES;
    for range in ranges {
        if budget == 0 {
            break;
        }
        let starts = text.occurrences(&needle.finder, range, budget);
        budget -= starts.len();
        for start in starts {
            best = better(best, occurrence_at(text, needle, start), expected);
        }
    }
    best
}

/// The better of two occurrences: the highest score, then the nearest to `expected`, then the
/// first in the text.
pub(crate) fn better(
    best: Option<Occurrence>,
    candidate: Occurrence,
    expected: usize,
) -> Option<Occurrence> {
    let key = |o: &Occurrence| {
        (
            std::cmp::Reverse(o.score),
            o.start.abs_diff(expected),
            o.start,
        )
    };
    match best {
        Some(best) if key(&best) <= key(&candidate) => Some(best),
        _ => Some(candidate),
    }
}

#[cfg(test)]
mod tests {
    use std::iter::once;

    use super::*;

    fn anchor(text: &str, start: usize, end: usize) -> Anchor {
        Anchor::from_range(text, start, end).expect("range inside the text")
    }

    #[test]
    fn context_picks_the_right_occurrence_of_a_repeated_word() {
        let old = "قال الوزير إن القرار نهائي، ثم قال الرئيس إن القرار مؤجل.";
        // The second «القرار» (code points 45..51).
        let second = anchor(old, 45, 51);
        assert_eq!(second.quote, "القرار");
        let new = format!("تمهيد. {old}");
        let text = IndexedText::new(&new);
        let needle = Needle::new(&second);
        let best = best_occurrence(&text, &needle, once(0..text.len()), 0).expect("found");
        assert_eq!(best.start, 45 + 7);
        assert!(best.has_full_context(&needle));
        assert!(best.is_convincing(&needle));
    }

    #[test]
    fn a_short_quote_without_its_context_is_not_convincing() {
        let old = "يبدأ النص هنا ثم تأتي الكلمة المقصودة في وسط جملة طويلة نسبيا.";
        let word = anchor(old, 22, 28);
        assert_eq!(word.quote, "الكلمة");
        let new = "نص آخر تماما فيه الكلمة وحدها.";
        let text = IndexedText::new(new);
        let needle = Needle::new(&word);
        let best = best_occurrence(&text, &needle, once(0..text.len()), 0).expect("found");
        assert!(!best.is_convincing(&needle), "{best:?}");
    }

    #[test]
    fn the_ends_of_the_text_count_as_context() {
        // «ب» was the whole text: of two occurrences with the same context, the one that
        // ends the new text, as it ended the old one, wins.
        let word = anchor("ب\n", 0, 1);
        let new = "العراق\nب\nالعراق ب\n";
        let text = IndexedText::new(new);
        let needle = Needle::new(&word);
        let best = best_occurrence(&text, &needle, once(0..text.len()), 7).expect("found");
        assert_eq!(best.start, 16);
        assert!(
            !best.has_full_context(&needle),
            "the text does not start there"
        );
        assert!(occurrence_at(&IndexedText::new("ب\n"), &needle, 0).has_full_context(&needle));
    }

    #[test]
    fn a_quote_near_the_ends_needs_only_the_context_it_has() {
        let old = "أ ب";
        let word = anchor(old, 2, 3);
        let text = IndexedText::new("ج أ ب");
        let needle = Needle::new(&word);
        let best = best_occurrence(&text, &needle, once(0..text.len()), 2).expect("found");
        assert_eq!(best.start, 4);
        assert!(best.is_convincing(&needle));
    }
}
