//! Numerals as briefs write them: digits of three scripts, superscripts, Arabic ordinals
//! («أولاً», «الأول»), English number words, letters (Latin and Arabic) and Roman numerals.
//! Words are given folded, as [`super::tokens`] makes them.

use super::chars::without_article;

/// The value of a decimal digit: ASCII, Arabic-Indic (٠–٩) or Extended Arabic-Indic (۰–۹).
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// The value of a superscript digit (⁰ ¹ ² ³ ⁴ … ⁹).
pub(crate) fn superscript_value(c: char) -> Option<u32> {
    match c {
        '\u{2070}' => Some(0),
        '\u{00B9}' => Some(1),
        '\u{00B2}' => Some(2),
        '\u{00B3}' => Some(3),
        '\u{2074}'..='\u{2079}' => Some(c as u32 - 0x2070),
        _ => None,
    }
}

/// «أولاً» … «عاشراً» (folded: اولا … عاشرا).
pub(crate) fn arabic_adverbial_ordinal(word: &str) -> Option<u32> {
    const ORDINALS: [&str; 10] = [
        "اولا",
        "ثانيا",
        "ثالثا",
        "رابعا",
        "خامسا",
        "سادسا",
        "سابعا",
        "ثامنا",
        "تاسعا",
        "عاشرا",
    ];
    position(&ORDINALS, word)
}

/// «الأول» … «العاشر», masculine or feminine, with or without the article.
pub(crate) fn arabic_ordinal(word: &str) -> Option<u32> {
    const MASCULINE: [&str; 10] = [
        "اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر",
    ];
    const FEMININE: [&str; 10] = [
        "اولي",
        "ثانيه",
        "ثالثه",
        "رابعه",
        "خامسه",
        "سادسه",
        "سابعه",
        "ثامنه",
        "تاسعه",
        "عاشره",
    ];
    let bare = without_article(word);
    position(&MASCULINE, bare).or_else(|| position(&FEMININE, bare))
}

/// "one" … "ten", "first" … "tenth".
pub(crate) fn english_number(word: &str) -> Option<u32> {
    const CARDINALS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    const ORDINALS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    position(&CARDINALS, word).or_else(|| position(&ORDINALS, word))
}

/// A single Latin letter's place in the alphabet (a = 1).
pub(crate) fn latin_letter(word: &str) -> Option<u32> {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ 'a'..='z'), None) => Some(c as u32 - 'a' as u32 + 1),
        _ => None,
    }
}

/// A single Arabic letter's place in abjad order (أ ب ج د …) and in alphabetical order
/// (أ ب ت ث …), as Arabic lists use either.
pub(crate) fn arabic_letter(word: &str) -> Option<(u32, u32)> {
    const ABJAD: &str = "ابجدهوزحطيكلمنسعفصقرشتثخذضظغ";
    const HIJAI: &str = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    let mut chars = word.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let abjad = ABJAD.chars().position(|a| a == c)?;
    let hijai = HIJAI.chars().position(|a| a == c)?;
    Some((abjad as u32 + 1, hijai as u32 + 1))
}

/// A Roman numeral from 1 to 39 (i, ii, iv, xii …), lower case as tokens are.
pub(crate) fn roman(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 6 {
        return None;
    }
    let mut value = 0;
    let mut rest = word;
    while let Some(r) = rest.strip_prefix('x') {
        value += 10;
        rest = r;
    }
    const UNITS: [&str; 9] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    if !rest.is_empty() {
        value += position(&UNITS, rest)?;
    }
    (value > 0 && value < 40).then_some(value)
}

fn position(list: &[&str], word: &str) -> Option<u32> {
    list.iter().position(|w| *w == word).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_three_scripts_and_superscripts() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('٣'), Some(3));
        assert_eq!(digit_value('۵'), Some(5));
        assert_eq!(digit_value('a'), None);
        assert_eq!(superscript_value('¹'), Some(1));
        assert_eq!(superscript_value('⁹'), Some(9));
    }

    #[test]
    fn ordinals_and_letters() {
        assert_eq!(arabic_adverbial_ordinal("ثانيا"), Some(2));
        assert_eq!(arabic_ordinal("الاول"), Some(1));
        assert_eq!(arabic_ordinal("الثالث"), Some(3));
        assert_eq!(arabic_ordinal("الرابعه"), Some(4));
        assert_eq!(english_number("one"), Some(1));
        assert_eq!(english_number("third"), Some(3));
        assert_eq!(latin_letter("c"), Some(3));
        assert_eq!(latin_letter("cc"), None);
        assert_eq!(arabic_letter("ج"), Some((3, 5)));
        assert_eq!(arabic_letter("ت"), Some((22, 3)));
        assert_eq!(roman("iv"), Some(4));
        assert_eq!(roman("xiv"), Some(14));
        assert_eq!(roman("iiii"), None);
        assert_eq!(roman("civil"), None);
    }
}
