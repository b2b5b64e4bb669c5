//! Finding an edited quote near where it should be: the stretch of the new text closest to the
//! quote by a weighted edit distance, searched in a band around the expected range, then scored
//! with its context.

use std::ops::Range;

use super::chars::{is_soft, is_space};
use super::exact::Needle;
use super::indexed::IndexedText;

/// A fuzzy match needs at least this quote similarity (1 − weighted edit distance ÷ the longer
/// length): a sentence with a word or two changed passes, a different sentence does not.
pub const FUZZY_QUOTE_MIN: f32 = 0.75;

/// … and at least this combined score: quote and context similarity weighted by their lengths,
/// so that a short quote (a word) needs its context as well.
pub const FUZZY_SCORE_MIN: f32 = 0.65;

/// The cost of changing, inserting or deleting a code point.
const UNIT: u32 = 4;

/// The cost of inserting or deleting whitespace, a harakah, tatweel or an invisible format
/// character: re-imports add and drop these (collapsed spaces, trailing spaces removed).
const SOFT: u32 = 1;

/// At most this many cells (quote code points × band width) per search; a longer quote gets a
/// narrower band.
const MAX_CELLS: usize = 1 << 24;

/// How far (code points) the band reaches beyond the expected boundaries: half the quote,
/// within these bounds (the least when the diff placed both boundaries exactly).
const MIN_SLACK: usize = 32;
const MAX_SLACK: usize = 256;

const INFINITE: u32 = u32::MAX / 2;

/// An approximate occurrence of a quote.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FuzzyMatch {
    pub(crate) range: Range<usize>,
    /// How close the text in `range` is to the quote, 0–1.
    pub(crate) quote_similarity: f32,
    /// Quote and context similarity weighted by their lengths, 0–1.
    pub(crate) score: f32,
}

impl FuzzyMatch {
    /// Whether it passes both thresholds.
    pub(crate) fn is_acceptable(&self) -> bool {
        self.quote_similarity >= FUZZY_QUOTE_MIN && self.score >= FUZZY_SCORE_MIN
    }
}

/// The stretch of `text` near `expected` closest to the needle's quote, scored. `precise`:
/// both ends of `expected` are known exactly (the diff carried them over unchanged), so the
/// search reaches only [`MIN_SLACK`] beyond them, else half the quote (up to [`MAX_SLACK`]).
pub(crate) fn best_approximate(
    text: &IndexedText,
    needle: &Needle,
    expected: Range<usize>,
    precise: bool,
) -> Option<FuzzyMatch> {
    let quote = &needle.quote_chars;
    let m = quote.len();
    if m == 0 {
        return None;
    }
    let slack = if precise {
        MIN_SLACK
    } else {
        (m / 2).clamp(MIN_SLACK, MAX_SLACK)
    };
    let diagonals = band(m, &expected, slack, text.len())?;
    let (range, cost) = align(text.chars(), quote, diagonals, expected.end)?;
    let quote_similarity = similarity(cost, m, range.len());
    let context_similarity = context_similarity(text, needle, &range);
    let k = needle.context_len() as f32;
    let m = m as f32;
    let score = (m * quote_similarity + k * context_similarity) / (m + k);
    Some(FuzzyMatch {
        range,
        quote_similarity,
        score,
    })
}

/// The diagonals (text position − quote position) the search covers: from the expected start
/// and end, widened by `slack`, and no more than [`MAX_CELLS`] allow.
fn band(m: usize, expected: &Range<usize>, slack: usize, n: usize) -> Option<(isize, isize)> {
    let slack = to_isize(slack);
    let start = to_isize(expected.start);
    let end_diagonal = to_isize(expected.end) - to_isize(m);
    let mut lo = start.min(end_diagonal) - slack;
    let mut hi = start.max(end_diagonal) + slack;
    let widest = to_isize((MAX_CELLS / m).max(1));
    if hi - lo + 1 > widest {
        lo = start - widest / 2;
        hi = lo + widest - 1;
    }
    let (lo, hi) = (lo.max(-to_isize(m)), hi.min(to_isize(n)));
    (lo <= hi).then_some((lo, hi))
}

fn to_isize(value: usize) -> isize {
    isize::try_from(value).unwrap_or(isize::MAX)
}

/// Semi-global alignment of `quote` against `text` (free start and end in the text), only on
/// the diagonals `lo..=hi` (text position − quote position): the range of the text with the
/// lowest cost, the end nearest `expected_end` among equals.
fn align(
    text: &[char],
    quote: &[char],
    (lo, hi): (isize, isize),
    expected_end: usize,
) -> Option<(Range<usize>, u32)> {
    let n = to_isize(text.len());
    let m = to_isize(quote.len());
    let width = usize::try_from(hi - lo + 1).ok()?;
    // The text the band can reach, `first..last`, with each code point's costs worked out once.
    let first = usize::try_from(lo.max(0)).ok()?;
    let last = usize::try_from((hi + m).min(n)).ok()?;
    let window = text.get(first..last)?;
    let window_cost: Vec<u32> = window.iter().map(|&c| cost_of(c)).collect();
    let window_space: Vec<bool> = window.iter().map(|&c| is_space(c)).collect();
    // Row by row (quote code points consumed), cell k on diagonal lo + k: the cost so far and
    // where in the text the alignment started.
    let mut cost: Vec<u32> = vec![INFINITE; width];
    let mut start: Vec<usize> = vec![0; width];
    for k in 0..width {
        let j = lo + to_isize(k);
        if (0..=n).contains(&j) {
            cost[k] = 0;
            start[k] = usize::try_from(j).unwrap_or(0);
        }
    }
    let mut next_cost = vec![INFINITE; width];
    let mut next_start = vec![0; width];
    for (i, &q) in quote.iter().enumerate() {
        let (q_cost, q_space) = (cost_of(q), is_space(q));
        let row = to_isize(i + 1);
        for k in 0..width {
            let j = row + lo + to_isize(k);
            let (mut best, mut from) = (INFINITE, 0);
            if (0..=n).contains(&j) {
                // Deleting the quote's code point: from (i, j), the next diagonal up.
                if k + 1 < width && cost[k + 1] + q_cost < best {
                    (best, from) = (cost[k + 1] + q_cost, start[k + 1]);
                }
                // The text's code point before this cell, as an index into the window.
                if let Ok(t) = usize::try_from(j - 1 - to_isize(first))
                    && let Some(&t_char) = window.get(t)
                {
                    let change = if q == t_char || (q_space && window_space[t]) {
                        0
                    } else {
                        UNIT
                    };
                    if cost[k] + change <= best {
                        (best, from) = (cost[k] + change, start[k]);
                    }
                    // Skipping the text's code point: from (i + 1, j − 1) on this row.
                    if k > 0 && next_cost[k - 1] + window_cost[t] < best {
                        (best, from) = (next_cost[k - 1] + window_cost[t], next_start[k - 1]);
                    }
                }
            }
            next_cost[k] = best.min(INFINITE);
            next_start[k] = from;
        }
        std::mem::swap(&mut cost, &mut next_cost);
        std::mem::swap(&mut start, &mut next_start);
    }
    let mut best: Option<(u32, usize, usize)> = None;
    for k in 0..width {
        let Ok(end) = usize::try_from(m + lo + to_isize(k)) else {
            continue;
        };
        if cost[k] >= INFINITE || end <= start[k] || to_isize(end) > n {
            continue;
        }
        let key = (cost[k], end.abs_diff(expected_end));
        if best.is_none_or(|(c, _, e)| key < (c, e.abs_diff(expected_end))) {
            best = Some((cost[k], start[k], end));
        }
    }
    best.map(|(cost, start, end)| (start..end, cost))
}

fn cost_of(c: char) -> u32 {
    if is_soft(c) { SOFT } else { UNIT }
}

/// Nothing for the same code point or one space for another (a no-break space for a space); a
/// line break is structure, not a space.
fn substitution(a: char, b: char) -> u32 {
    if a == b || (is_space(a) && is_space(b)) {
        0
    } else {
        UNIT
    }
}

/// 1 − cost ÷ (the cost of changing every code point of the longer of the two).
fn similarity(cost: u32, a_len: usize, b_len: usize) -> f32 {
    let longest = a_len.max(b_len);
    if longest == 0 {
        return 1.0;
    }
    let worst = longest as f64 * f64::from(UNIT);
    (1.0 - f64::from(cost) / worst).clamp(0.0, 1.0) as f32
}

/// The weighted edit distance of two short strings (the anchor's context and the text's).
fn edit_cost(a: &[char], b: &[char]) -> u32 {
    let mut previous: Vec<u32> = Vec::with_capacity(b.len() + 1);
    let mut at = 0;
    previous.push(0);
    for &c in b {
        at += cost_of(c);
        previous.push(at);
    }
    let mut current = vec![0; b.len() + 1];
    for &x in a {
        current[0] = previous[0] + cost_of(x);
        for (j, &y) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + substitution(x, y))
                .min(previous[j + 1] + cost_of(x))
                .min(current[j] + cost_of(y));
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// How close the text around `range` is to the anchor's prefix and suffix, 0–1 (1 when the
/// anchor kept no context).
fn context_similarity(text: &IndexedText, needle: &Needle, range: &Range<usize>) -> f32 {
    let chars = text.chars();
    let before = &chars[range.start.saturating_sub(needle.prefix.len())..range.start];
    let after = &chars[range.end..(range.end + needle.suffix.len()).min(chars.len())];
    let cost = edit_cost(&needle.prefix, before) + edit_cost(&needle.suffix, after);
    let longest = needle.prefix.len().max(before.len()) + needle.suffix.len().max(after.len());
    similarity(cost, longest, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Anchor;

    fn search(
        old: &str,
        start: usize,
        end: usize,
        new: &str,
        expected: Range<usize>,
    ) -> FuzzyMatch {
        let anchor = Anchor::from_range(old, start, end).expect("range inside the text");
        let text = IndexedText::new(new);
        best_approximate(&text, &Needle::new(&anchor), expected, false).expect("a match")
    }

    #[test]
    fn a_changed_word_is_found_with_the_new_wording() {
        let old = "مقدمة. قالت الحكومة العراقية إن الانسحاب سيكتمل قبل نهاية العام. خاتمة.";
        let new = "مقدمة. قالت الحكومة العراقية إن الانسحاب سينتهي قبل نهاية العام. خاتمة.";
        let end = old
            .find(" خاتمة")
            .map(|b| old[..b].chars().count())
            .expect("found");
        let found = search(old, 7, end, new, 7..end);
        assert_eq!(found.range, 7..end);
        assert!(found.is_acceptable(), "{found:?}");
        assert!(found.quote_similarity > 0.9, "{found:?}");
    }

    #[test]
    fn collapsed_spaces_cost_little() {
        let old = "بين  الحكومة العراقية  وإدارة ترامب ";
        let new = "بين الحكومة العراقية وإدارة ترامب";
        let found = search(old, 0, old.chars().count(), new, 0..new.chars().count());
        assert_eq!(found.range, 0..new.chars().count());
        assert!(found.quote_similarity > 0.97, "{found:?}");
        assert!(found.is_acceptable());
    }

    #[test]
    fn an_unrelated_text_is_not_acceptable() {
        let old = "قالت الحكومة العراقية إن الانسحاب سيكتمل قبل نهاية العام";
        let new = "تخوض إسرائيل تصعيداً في أكثر من جبهة إقليمية ومن المحتمل أن يمتد";
        let found = search(old, 0, old.chars().count(), new, 0..new.chars().count());
        assert!(!found.is_acceptable(), "{found:?}");
    }

    #[test]
    fn a_word_without_its_context_is_not_acceptable() {
        let old =
            "في سياق العلاقات الأمنية بين بغداد وواشنطن مرت العلاقات بتحولات مهمة منذ نهاية الحرب";
        let new = "نص مختلف تماما عن السابق يذكر العلاقات مرة واحدة ولا شيء غير ذلك أبدا";
        let start = 8;
        assert_eq!(
            crate::text_range::slice_chars(old, start, start + 8),
            "العلاقات"
        );
        let found = search(old, start, start + 8, new, start..start + 8);
        assert_eq!(found.quote_similarity, 1.0, "{found:?}");
        assert!(!found.is_acceptable(), "{found:?}");
    }

    #[test]
    fn edit_cost_weighs_soft_characters_lightly() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_cost(&chars("abc"), &chars("abc")), 0);
        assert_eq!(edit_cost(&chars("a  b"), &chars("a b")), SOFT);
        assert_eq!(edit_cost(&chars("ab"), &chars("ax")), UNIT);
        assert_eq!(edit_cost(&chars(""), &chars("ab")), 2 * UNIT);
        assert_eq!(edit_cost(&chars("a\u{a0}b"), &chars("a b")), 0);
        assert_eq!(edit_cost(&chars("a\nb"), &chars("a b")), 2 * SOFT);
    }

    #[test]
    fn the_band_is_bounded() {
        assert_eq!(band(10, &(100..110), 32, 1000), Some((100 - 32, 100 + 32)));
        let (lo, hi) = band(1 << 20, &(0..1 << 21), 256, 1 << 22).expect("a band");
        assert!(((hi - lo + 1) as usize) * (1 << 20) <= MAX_CELLS);
        assert_eq!(band(10, &(5000..5010), 32, 100), None);
    }
}
