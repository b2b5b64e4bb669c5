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
}

/// The byte offset of every code point of a text, for many conversions on one text.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// `bytes[i]` is where code point `i` starts; the last entry is the text's length.
    bytes: Vec<u32>,
}

impl CharIndex {
    /// Indexes `text`. Texts over 4 GiB are not supported (workspace files are far smaller).
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        bytes.push(text.len() as u32);
        Self { bytes }
    }

    /// The byte offset of code point `index`, or `None` past the end.
    #[must_use]
    pub fn byte(&self, index: usize) -> Option<usize> {
        self.bytes.get(index).map(|b| *b as usize)
    }

    /// The number of code points of the text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.bytes.len() - 1
    }
}
