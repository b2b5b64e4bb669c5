//! How much of a source text an import kept: the measure the import tests hold to a threshold.
//!
//! Include with `#[path = "support/fidelity.rs"] mod fidelity;`.

use similar::{Algorithm, ChangeTag, TextDiff};
use unicode_normalization::UnicodeNormalization;

/// NFC, with every run of whitespace folded to one space and the ends trimmed.
pub fn fold(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Character similarity of two texts after [`fold`]: twice the number of characters they share
/// in order (a longest common subsequence, by Myers' diff) over the sum of their lengths. 1.0
/// means the same text; a dropped, added or changed character costs the same wherever it is.
pub fn similarity(expected: &str, actual: &str) -> f64 {
    let (a, b) = (fold(expected), fold(actual));
    let total = a.chars().count() + b.chars().count();
    if total == 0 {
        return 1.0;
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(std::time::Duration::from_secs(60))
        .diff_chars(&a, &b);
    let same: usize = diff
        .iter_all_changes()
        .filter(|c| c.tag() == ChangeTag::Equal)
        .map(|c| c.value().chars().count())
        .sum();
    2.0 * same as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_is_one_and_a_dropped_word_costs_its_characters() {
        assert!((similarity("a  b\nc", "a b c") - 1.0).abs() < 1e-9);
        let s = similarity("one two three", "one three");
        assert!(s < 0.9 && s > 0.7, "{s}");
    }
}
