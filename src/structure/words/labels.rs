//! Reading the label a list item starts with: "1." "1)" "١-" "(1)" «أولاً:» «أ.» "a)" "IV."
//! "- " "• ", and the word labels of scenarios and determinants («السيناريو الأول:», "Scenario
//! A —", "Driver 2:").

use super::chars::is_blank;
use super::keywords::word_is;
use super::numbers::{arabic_adverbial_ordinal, arabic_letter, latin_letter, roman};
use super::tokens::{Token, tokenize};
use super::{determinants, scenarios};
use crate::structure::types::LabelStyle;

/// Labels are looked for in this many characters at the start of a paragraph.
const LABEL_CHARS: usize = 64;
/// A decimal label has at most this many digits.
const MAX_LABEL_DIGITS: u8 = 3;

/// A paragraph's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    pub style: LabelStyle,
    /// Its value (1-based); 0 for bullets and named scenarios (numbered by position later).
    pub number: u32,
    /// The value in the other order Arabic letters follow (alphabetical rather than abjad);
    /// equal to `number` for other styles.
    pub alt: u32,
    /// Byte length of the label with its punctuation.
    pub end: usize,
    /// Byte offset where the text after the label starts (spaces skipped); the paragraph's
    /// length when nothing follows.
    pub rest: usize,
}

/// Characters that mark a bulleted item.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '–'
            | '—'
            | '•'
            | '*'
            | '·'
            | '▪'
            | '◦'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '➢'
            | '✓'
            | '+'
    )
}

/// The label `paragraph` starts with, if any.
pub(crate) fn parse(paragraph: &str) -> Option<Label> {
    let t = tokenize(paragraph, LABEL_CHARS);
    let (style, number, alt, end) = bullet(&t)
        .or_else(|| bracketed(&t))
        .or_else(|| decimal(&t))
        .or_else(|| word_label(&t))
        .or_else(|| named_scenario(&t))
        .or_else(|| letter(&t))?;
    let rest = paragraph[end..]
        .char_indices()
        .find(|(_, c)| !is_blank(*c))
        .map_or(paragraph.len(), |(i, _)| end + i);
    Some(Label {
        style,
        number,
        alt,
        end,
        rest,
    })
}

type Parsed = (LabelStyle, u32, u32, usize);

fn bullet(t: &[Token]) -> Option<Parsed> {
    let c = t.first()?.punct()?;
    let next = t.get(1)?;
    (is_bullet(c) && next.space_before).then_some((LabelStyle::Bullet, 0, 0, t[0].end))
}

/// "(1)" "(a)" "(أ)" "(iv)".
fn bracketed(t: &[Token]) -> Option<Parsed> {
    if !t.first()?.is('(') || !t.get(2)?.is(')') || t.get(3).is_none() {
        return None;
    }
    let inner = &t[1];
    let end = t[2].end;
    if let Some((value, digits)) = inner.number() {
        return (digits <= MAX_LABEL_DIGITS && value > 0).then_some((
            LabelStyle::Decimal,
            value,
            value,
            end,
        ));
    }
    let word = inner.word()?;
    if let Some(n) = roman(word).filter(|_| word.chars().count() > 1 || "ivx".contains(word)) {
        return Some((LabelStyle::Roman, n, n, end));
    }
    if let Some(n) = latin_letter(word) {
        return Some((LabelStyle::LatinLetter, n, n, end));
    }
    let (abjad, hijai) = arabic_letter(word)?;
    Some((LabelStyle::ArabicLetter, abjad, hijai, end))
}

/// "1." "1)" "1-" "١." followed by the item's text.
fn decimal(t: &[Token]) -> Option<Parsed> {
    let (value, digits) = t.first()?.number()?;
    if digits > MAX_LABEL_DIGITS || value == 0 {
        return None;
    }
    let sep = t.get(1)?;
    let next = t.get(2)?;
    let ok = match sep.punct()? {
        '.' => !sep.space_before && next.space_before,
        ')' => !sep.space_before,
        '-' | '–' => next.space_before || next.word().is_some(),
        _ => false,
    };
    ok.then_some((LabelStyle::Decimal, value, value, sep.end))
}

/// «أولاً:», and the word labels of scenarios and determinants.
fn word_label(t: &[Token]) -> Option<Parsed> {
    let word = t.first()?.word()?;
    if let Some(n) = arabic_adverbial_ordinal(word) {
        let end = match t.get(1) {
            Some(sep) if sep.punct().is_some_and(is_separator) => sep.end,
            Some(_) => t[0].end,
            None => return None,
        };
        return Some((LabelStyle::ArabicOrdinal, n, n, end));
    }
    let style = if scenarios::is_label_word(word) {
        LabelStyle::Scenario
    } else if determinants::is_label_word(word) {
        LabelStyle::Determinant
    } else {
        return None;
    };
    let n = number_word(t.get(1)?)?;
    let end = match t.get(2) {
        None => t[1].end,
        Some(sep) if sep.punct().is_some_and(is_separator) => sep.end,
        // "Scenario 1 (most likely): …"
        Some(sep) if sep.is('(') => t[1].end,
        Some(_) => return None,
    };
    Some((style, n, n, end))
}

/// «السيناريو المتفائل:», «السيناريو الأكثر ترجيحاً:», "Best-case scenario:", "Most likely
/// scenario —": a scenario named rather than numbered (numbered by its place in the list).
fn named_scenario(t: &[Token]) -> Option<Parsed> {
    const NOT_A_NAME: [&str; 8] = ["the", "a", "an", "this", "that", "each", "every", "our"];
    let separator_at = |i: usize| {
        t.get(i)
            .and_then(Token::punct)
            .is_some_and(|c| matches!(c, ':' | '—' | '–' | '-'))
            && t.get(i + 1).is_some()
    };
    let first = t.first()?.word()?;
    if word_is(first, &["سيناريو"]) {
        return [2, 3]
            .into_iter()
            .find(|&n| (1..n).all(|i| t.get(i).and_then(Token::word).is_some()) && separator_at(n))
            .map(|n| (LabelStyle::Scenario, 0, 0, t[n].end));
    }
    let k = t
        .iter()
        .take(6)
        .position(|x| x.word() == Some("scenario"))?;
    let named = k > 0
        && !NOT_A_NAME.contains(&first)
        && t[..k].iter().all(|x| x.word().is_some() || x.is('-'));
    (named && separator_at(k + 1)).then(|| (LabelStyle::Scenario, 0, 0, t[k + 1].end))
}

/// Punctuation that may end a label.
fn is_separator(c: char) -> bool {
    matches!(c, ':' | '.' | ')' | '—' | '–' | '-' | '،' | ',')
}

/// The number of a word label: digits, «الأول», "A", "one".
fn number_word(t: &Token) -> Option<u32> {
    if let Some((value, digits)) = t.number() {
        return (digits <= MAX_LABEL_DIGITS && value > 0).then_some(value);
    }
    let word = t.word()?;
    super::numbers::arabic_ordinal(word)
        .or_else(|| super::numbers::english_number(word))
        .or_else(|| latin_letter(word))
        .or_else(|| arabic_letter(word).map(|(abjad, _)| abjad))
}

/// «أ.» «ب)» "a)" "B." "IV." — a letter or numeral, its punctuation right after it.
fn letter(t: &[Token]) -> Option<Parsed> {
    let word = t.first()?.word()?;
    let sep = t.get(1)?;
    let next = t.get(2)?;
    let c = sep.punct()?;
    if sep.space_before {
        return None;
    }
    if let Some((abjad, hijai)) = arabic_letter(word) {
        let ok = matches!(c, '.' | ')' | '-' | '–' | '/') && (next.space_before || c != '.');
        return ok.then_some((LabelStyle::ArabicLetter, abjad, hijai, sep.end));
    }
    if !matches!(c, '.' | ')') || !next.space_before || !word.is_ascii() {
        return None;
    }
    if let Some(n) = roman(word).filter(|_| word.len() > 1 || "ivx".contains(word)) {
        return Some((LabelStyle::Roman, n, n, sep.end));
    }
    let n = latin_letter(word)?;
    Some((LabelStyle::LatinLetter, n, n, sep.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> Option<(LabelStyle, u32, &str, &str)> {
        parse(s).map(|l| (l.style, l.number, &s[..l.end], &s[l.rest..]))
    }

    #[test]
    fn decimal_labels() {
        assert_eq!(
            label("1. تهديدات داعش: تمثل"),
            Some((LabelStyle::Decimal, 1, "1.", "تهديدات داعش: تمثل"))
        );
        assert_eq!(label("12) x").map(|l| l.1), Some(12));
        assert_eq!(label("٣- النفوذ").map(|l| (l.1, l.2)), Some((3, "٣-")));
        assert_eq!(label("(2) y").map(|l| (l.1, l.2)), Some((2, "(2)")));
        assert_eq!(label("1.5 million people"), None);
        assert_eq!(label("2025. A year"), None);
        assert_eq!(label("3 ships were hit."), None);
    }

    #[test]
    fn word_and_letter_labels() {
        assert_eq!(
            label("أولاً: تهديدات"),
            Some((LabelStyle::ArabicOrdinal, 1, "أولاً:", "تهديدات"))
        );
        assert_eq!(label("ثانياً الحشد").map(|l| l.1), Some(2));
        assert_eq!(
            label("ب. الثاني").map(|l| (l.0, l.1)),
            Some((LabelStyle::ArabicLetter, 2))
        );
        assert_eq!(
            label("b) second").map(|l| (l.0, l.1)),
            Some((LabelStyle::LatinLetter, 2))
        );
        assert_eq!(
            label("IV. Fourth").map(|l| (l.0, l.1)),
            Some((LabelStyle::Roman, 4))
        );
        assert_eq!(
            label("A. Smith said").map(|l| l.0),
            Some(LabelStyle::LatinLetter)
        );
        assert_eq!(label("I think so."), None);
    }

    #[test]
    fn scenario_and_driver_labels() {
        assert_eq!(
            label("السيناريو الأول: التحوُّل لشراكة"),
            Some((LabelStyle::Scenario, 1, "السيناريو الأول:", "التحوُّل لشراكة"))
        );
        assert_eq!(
            label("Scenario A — Managed decline"),
            Some((LabelStyle::Scenario, 1, "Scenario A —", "Managed decline"))
        );
        assert_eq!(label("Scenario one: x").map(|l| l.1), Some(1));
        assert_eq!(label("سيناريو 2: y").map(|l| l.1), Some(2));
        assert_eq!(
            label("Driver 3: Oil").map(|l| (l.0, l.1)),
            Some((LabelStyle::Determinant, 3))
        );
        assert_eq!(label("Scenario planning is hard."), None);
        assert_eq!(
            label("السيناريو المتفائل: عودة التفاوض"),
            Some((
                LabelStyle::Scenario,
                0,
                "السيناريو المتفائل:",
                "عودة التفاوض"
            ))
        );
        assert_eq!(
            label("السيناريو الأكثر ترجيحاً: استمرار"),
            Some((
                LabelStyle::Scenario,
                0,
                "السيناريو الأكثر ترجيحاً:",
                "استمرار"
            ))
        );
        assert_eq!(
            label("Best-case scenario: talks succeed"),
            Some((
                LabelStyle::Scenario,
                0,
                "Best-case scenario:",
                "talks succeed"
            ))
        );
        assert_eq!(
            label("Most likely scenario — drift").map(|l| l.0),
            Some(LabelStyle::Scenario)
        );
        assert_eq!(label("The scenario: nothing"), None);
        assert_eq!(label("السيناريو الذي يفترض أن الحكومة ستنجح"), None);
        assert_eq!(label("العامل الأول في ذلك هو"), None);
    }

    #[test]
    fn bullets_need_a_space() {
        assert_eq!(
            label("- item").map(|l| (l.0, l.2)),
            Some((LabelStyle::Bullet, "-"))
        );
        assert_eq!(label("• item").map(|l| l.0), Some(LabelStyle::Bullet));
        assert_eq!(label("-وبضغط"), None);
        assert_eq!(label("-"), None);
    }
}
