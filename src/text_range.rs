//! Conversions between code-point offsets (what anchors store) and byte offsets (what `str` uses),
//! and grapheme-cluster boundaries in code points.

use unicode_segmentation::GraphemeCursor;

/// The byte offset of code point `index` in `text`; `Some(text.len())` for the end.
#[must_use]
pub fn char_to_byte(text: &str, index: usize) -> Option<usize> {
    if index == 0 {
        return Some(0);
    }
    let mut count = 0;
    for (byte, _) in text.char_indices() {
        if count == index {
            return Some(byte);
        }
        count += 1;
    }
    (count == index).then_some(text.len())
}

/// The code-point offset of byte `byte` (which must be on a char boundary) in `text`.
#[must_use]
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// The code points `start..end` of `text`, clamped to its length.
#[must_use]
pub fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let start_byte = char_to_byte(text, start).unwrap_or(text.len());
    let end_byte = char_to_byte(text, end)
        .unwrap_or(text.len())
        .max(start_byte);
    &text[start_byte..end_byte]
}

/// Code point `index` of `text` (clamped to its length), moved back to the start of the
/// grapheme cluster it falls in: a letter and its harakat, an emoji with its modifiers.
#[must_use]
pub fn grapheme_floor(text: &str, index: usize) -> usize {
    let byte = char_to_byte(text, index).unwrap_or(text.len());
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        return byte_to_char(text, byte);
    }
    let start = cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0);
    byte_to_char(text, start)
}

/// Code point `index` of `text` (clamped), moved on to the end of its grapheme cluster.
#[must_use]
pub fn grapheme_ceil(text: &str, index: usize) -> usize {
    let byte = char_to_byte(text, index).unwrap_or(text.len());
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        return byte_to_char(text, byte);
    }
    let end = cursor
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len());
    byte_to_char(text, end)
}

/// The grapheme boundary after code point `index` (the text's length at the end).
#[must_use]
pub fn next_grapheme(text: &str, index: usize) -> usize {
    let byte = char_to_byte(text, grapheme_floor(text, index)).unwrap_or(text.len());
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    let next = cursor
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len());
    byte_to_char(text, next)
}

/// The grapheme boundary before code point `index` (0 at the start).
#[must_use]
pub fn previous_grapheme(text: &str, index: usize) -> usize {
    let byte = char_to_byte(text, grapheme_ceil(text, index)).unwrap_or(text.len());
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    let previous = cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0);
    byte_to_char(text, previous)
}

/// A selection (`anchor`, `focus` in code points) widened to whole grapheme clusters, so that
/// a passage made from it never starts or ends between a letter and its marks; a caret moves
/// to the start of its cluster.
#[must_use]
pub fn snap_to_graphemes(text: &str, anchor: usize, focus: usize) -> (usize, usize) {
    match anchor.cmp(&focus) {
        std::cmp::Ordering::Equal => {
            let at = grapheme_floor(text, anchor);
            (at, at)
        }
        std::cmp::Ordering::Less => (grapheme_floor(text, anchor), grapheme_ceil(text, focus)),
        std::cmp::Ordering::Greater => (grapheme_ceil(text, anchor), grapheme_floor(text, focus)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_snap_to_whole_letters_with_their_harakat() {
        // «شكَّل»: ش 4, ك 5 with fatha 6 and shadda 7, ل 8.
        let text = "قال شكَّل";
        assert_eq!(grapheme_floor(text, 6), 5);
        assert_eq!(grapheme_floor(text, 7), 5);
        assert_eq!(grapheme_ceil(text, 6), 8);
        assert_eq!(grapheme_ceil(text, 8), 8);
        assert_eq!(snap_to_graphemes(text, 4, 6), (4, 8));
        assert_eq!(snap_to_graphemes(text, 7, 4), (8, 4), "backwards too");
        assert_eq!(snap_to_graphemes(text, 6, 6), (5, 5));
        assert_eq!(next_grapheme(text, 5), 8, "an arrow steps over the marks");
        assert_eq!(previous_grapheme(text, 8), 5);
        assert_eq!(next_grapheme(text, 9), 9, "at the end");
        assert_eq!(previous_grapheme(text, 0), 0);
        assert_eq!(
            snap_to_graphemes(text, 2, 99),
            (2, 9),
            "clamped to the text"
        );
    }

    #[test]
    fn offsets_round_trip_on_arabic_and_latin() {
        let text = "سبتمبر 2025 Reuters";
        for (i, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(char_to_byte(text, i), Some(byte));
            assert_eq!(byte_to_char(text, byte), i);
        }
        assert_eq!(char_to_byte(text, text.chars().count()), Some(text.len()));
        assert_eq!(char_to_byte(text, text.chars().count() + 1), None);
        assert_eq!(slice_chars(text, 7, 11), "2025");
        let index = CharIndex::new(text);
        assert_eq!(index.char_len(), text.chars().count());
        for i in 0..=index.char_len() + 1 {
            assert_eq!(index.byte(i), char_to_byte(text, i));
        }
    }

    #[test]
    fn the_index_finds_every_code_point_of_long_mixed_texts() {
        let mixed = "سبتمبر 2025 Reuters 👍🏽 شكَّل\n".repeat(40);
        for text in ["", "a", "ب", &"x".repeat(200), &"ب".repeat(200), &mixed] {
            let index = CharIndex::new(text);
            assert_eq!(index.char_len(), text.chars().count());
            for i in 0..=index.char_len() + 2 {
                assert_eq!(index.byte(i), char_to_byte(text, i), "{i} in {text:?}");
            }
        }
    }
}

/// Bytes per block of a [`CharIndex`].
const BLOCK: usize = 64;

/// Code-point to byte offsets on one text, for many conversions: how many code points start
/// before each block of 64 bytes, then a scan of one block. A thirtieth of a table of every
/// code point's offset on Arabic text, and built by counting bytes, so that indexing a text
/// for a few look-ups costs little.
#[derive(Clone, Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// `before[k]` is the number of code points that start before byte `k * BLOCK`.
    before: Vec<u32>,
    char_len: usize,
}

/// Whether `byte` starts a code point (is not a UTF-8 continuation byte, `0b10xx_xxxx`).
fn starts_char(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

/// The code points that start in `bytes` (at most [`BLOCK`] bytes).
fn count_starts(bytes: &[u8]) -> u32 {
    // Summed in a byte, which the compiler turns into vector instructions.
    u32::from(bytes.iter().fold(0u8, |n, b| n + u8::from(starts_char(*b))))
}

impl<'a> CharIndex<'a> {
    /// Indexes `text`. Texts over 4 GiB are not supported (workspace files are far smaller).
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let mut before = Vec::with_capacity(text.len().div_ceil(BLOCK));
        let mut chars: u32 = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            before.push(chars);
            chars += count_starts(block);
        }
        Self {
            text,
            before,
            char_len: chars as usize,
        }
    }

    /// The byte offset of code point `index`, or `None` past the end.
    #[must_use]
    pub fn byte(&self, index: usize) -> Option<usize> {
        if index >= self.char_len {
            return (index == self.char_len).then_some(self.text.len());
        }
        // The block where code point `index` starts: the last one with at most `index` code
        // points before it (every block starts at least one, so the counts increase).
        let block = self
            .before
            .partition_point(|n| *n as usize <= index)
            .checked_sub(1)?;
        let from = block * BLOCK;
        let skip = index - self.before[block] as usize;
        self.text.as_bytes()[from..]
            .iter()
            .enumerate()
            .filter(|(_, b)| starts_char(**b))
            .nth(skip)
            .map(|(i, _)| from + i)
    }

    /// The number of code points of the text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }
}
