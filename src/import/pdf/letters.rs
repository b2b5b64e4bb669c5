//! Characters as a brief stores them: presentation forms back to base letters, no direction
//! controls, NFC.

use unicode_normalization::UnicodeNormalization;

/// Whether `c` is one of the direction controls the text conventions forbid.
#[must_use]
pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

/// Whether `c` is a presentation form: Arabic forms A and B, and the Latin ligatures.
#[must_use]
pub(super) fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB00}'..='\u{FB06}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Whether `c` is an Arabic combining mark (harakat, Quranic marks), as drawn on a base letter.
#[must_use]
pub(super) fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        // Isolated and medial presentation forms of the harakat.
        | '\u{FE70}'..='\u{FE7F}')
}

/// Whether `c` is an Arabic letter (any block, presentation forms included).
#[must_use]
pub(super) fn is_arabic_letter(c: char) -> bool {
    (matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}'))
        && c.is_alphabetic()
        && !is_arabic_mark(c)
}

/// Turns presentation forms into base letters (NFKC of those characters alone: NFKC of the whole
/// text would also change no-break spaces, superscripts and fractions), drops direction controls
/// and other control characters and U+FEFF (a byte-order mark, or a ToUnicode map running past
/// the presentation forms into it), and composes to NFC.
#[must_use]
pub(super) fn to_base_letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_bidi_control(c) || c == '\u{FEFF}' || (c.is_control() && c != '\n' && c != '\t') {
            continue;
        }
        if c == '\t' {
            out.push(' ');
        } else if ('\u{FE70}'..='\u{FE7F}').contains(&c) {
            // A haraka's isolated or medial form decomposes to a space or tatweel and the mark.
            out.extend(c.nfkc().filter(|&m| m != ' ' && m != '\u{0640}'));
        } else if is_presentation_form(c) {
            out.extend(c.nfkc());
        } else {
            out.push(c);
        }
    }
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_forms_become_base_letters_and_nothing_else_changes() {
        // ﻻ (lam-alef ligature) → لا; ﺍﻟﻌﺮﺍﻕ → العراق; NBSP and ² stay.
        assert_eq!(to_base_letters("\u{FEFB}"), "لا");
        assert_eq!(to_base_letters("\u{FEFF}\u{FEFB}\u{FEFF}"), "لا");
        assert_eq!(
            to_base_letters("\u{FE8D}\u{FEDF}\u{FECC}\u{FEAE}\u{FE8D}\u{FED5}"),
            "العراق"
        );
        assert_eq!(to_base_letters("a\u{00A0}b²"), "a\u{00A0}b²");
        assert_eq!(to_base_letters("\u{FE77}"), "\u{064E}");
        assert_eq!(to_base_letters("\u{200F}x\u{202B}y\u{2069}"), "xy");
        assert_eq!(to_base_letters("\u{FB01}ne"), "fine");
    }
}
