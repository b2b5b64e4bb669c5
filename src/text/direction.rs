//! Paragraph direction: from the first strong character (UAX #9 rules P2–P3), or overridden.

use icu_properties::CodePointMapData;
use icu_properties::props::BidiClass;

/// The base direction asked for a brief or a piece of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Each paragraph takes the direction of its first strong character; a paragraph without
    /// one (a date, a footnote marker) takes the direction of the whole text's first strong
    /// character, and left-to-right when the text has none — as a browser does with
    /// `dir="auto"` paragraphs inside an element of that direction.
    #[default]
    Auto,
    /// Every paragraph is right-to-left.
    Rtl,
    /// Every paragraph is left-to-right.
    Ltr,
}

/// The direction a paragraph is actually laid out in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResolvedDirection {
    Ltr,
    Rtl,
}

impl ResolvedDirection {
    #[must_use]
    pub fn is_rtl(self) -> bool {
        self == Self::Rtl
    }
}

impl Direction {
    /// The direction of `paragraph`, falling back to `fallback` when it has no strong character
    /// and the direction is [`Direction::Auto`].
    #[must_use]
    pub fn resolve(self, paragraph: &str, fallback: ResolvedDirection) -> ResolvedDirection {
        match self {
            Self::Rtl => ResolvedDirection::Rtl,
            Self::Ltr => ResolvedDirection::Ltr,
            Self::Auto => first_strong(paragraph).unwrap_or(fallback),
        }
    }
}

/// The direction of the first strong character of `text` (L, R or AL), skipping characters
/// inside directional isolates; `None` when there is none.
#[must_use]
pub fn first_strong(text: &str) -> Option<ResolvedDirection> {
    let classes = const { CodePointMapData::<BidiClass>::new() };
    let mut isolates = 0_usize;
    for ch in text.chars() {
        match classes.get(ch) {
            BidiClass::RightToLeftIsolate
            | BidiClass::LeftToRightIsolate
            | BidiClass::FirstStrongIsolate => isolates += 1,
            BidiClass::PopDirectionalIsolate => isolates = isolates.saturating_sub(1),
            BidiClass::LeftToRight if isolates == 0 => return Some(ResolvedDirection::Ltr),
            BidiClass::RightToLeft | BidiClass::ArabicLetter if isolates == 0 => {
                return Some(ResolvedDirection::Rtl);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_character_decides() {
        assert_eq!(
            first_strong("15 سبتمبر Reuters"),
            Some(ResolvedDirection::Rtl)
        );
        assert_eq!(
            first_strong("[1] Reuters: سبتمبر"),
            Some(ResolvedDirection::Ltr)
        );
        assert_eq!(first_strong("2025-09-25 [1]"), None);
        assert_eq!(first_strong(""), None);
        // Text inside an isolate does not count.
        assert_eq!(
            first_strong("\u{2067}Reuters\u{2069} سبتمبر"),
            Some(ResolvedDirection::Rtl)
        );
    }

    #[test]
    fn auto_falls_back_and_overrides_win() {
        let rtl = ResolvedDirection::Rtl;
        let ltr = ResolvedDirection::Ltr;
        assert_eq!(Direction::Auto.resolve("2025-09-25", rtl), rtl);
        assert_eq!(Direction::Auto.resolve("Download PDF", rtl), ltr);
        assert_eq!(Direction::Ltr.resolve("سبتمبر", rtl), ltr);
        assert_eq!(Direction::Rtl.resolve("Reuters", ltr), rtl);
    }
}
