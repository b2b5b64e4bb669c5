//! Characters and words every reader of the text needs: what counts as blank, and an Arabic
//! word without its article.

/// Whether `c` counts as space when trimming and finding blank lines: whitespace (no-break
/// space included), zero-width and direction marks, the byte-order mark.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{061C}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `word` without a leading article «ال» (if something is left).
pub(crate) fn without_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => word,
    }
}
