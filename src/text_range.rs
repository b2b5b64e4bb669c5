//! Conversions between code-point offsets (what anchors store) and byte offsets (what `str` uses).

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

#[cfg(test)]
mod tests {
    use super::*;

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
