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
    }
}
