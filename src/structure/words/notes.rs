//! Notes: the words that open a notes heading («الهوامش», "Notes") and the label of a note
//! paragraph (`[n] text`, n of one to three digits of any script).

use super::chars::is_blank;
use super::keywords::Keywords;
use super::numbers::digit_value;

/// Words that open a notes section's heading.
pub(crate) const HEADING: Keywords = Keywords {
    words: &[
        "هوامش",
        "مراجع",
        "مصادر",
        "حواشي",
        "احالات",
        "notes",
        "note",
        "endnote",
        "footnote",
        "reference",
        "source",
        "bibliography",
        "citation",
    ],
    phrases: &[&["works", "cited"]],
};

/// A note number has at most this many digits.
pub(crate) const NOTE_DIGITS: usize = 3;

/// The number and label length (bytes) of a paragraph written `[n] text`.
pub(crate) fn note_label(paragraph: &str) -> Option<(u32, usize)> {
    let (number, len) = bracketed_number(paragraph.strip_prefix('[')?)?;
    let end = 1 + len;
    paragraph[end..]
        .chars()
        .next()
        .is_some_and(is_blank)
        .then_some((number, end))
}

/// `n]` at the start of `s` (n of 1 to 3 digits of any script): the number and the byte
/// length including the bracket.
pub(crate) fn bracketed_number(s: &str) -> Option<(u32, usize)> {
    closed_number(s, ']')
}

/// `n` and `close` at the start of `s`, as [`bracketed_number`].
pub(crate) fn closed_number(s: &str, close: char) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut digits = 0;
    for (offset, c) in s.char_indices() {
        if let Some(d) = digit_value(c) {
            digits += 1;
            if digits > NOTE_DIGITS {
                return None;
            }
            value = value * 10 + d;
        } else if c == close && digits > 0 {
            return (value > 0).then_some((value, offset + 1));
        } else {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_paragraphs() {
        assert_eq!(note_label("[1] مجلس النواب"), Some((1, 3)));
        assert_eq!(note_label("[١٢] x"), Some((12, 6)));
        assert_eq!(note_label("[1]"), None);
        assert_eq!(note_label("[sic] x"), None);
        assert_eq!(note_label("[2025] x"), None);
    }
}
