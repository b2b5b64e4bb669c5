//! Finding a date in a short line: 2025-09-25, 25/09/2025, 25 September 2025, September 25,
//! 2025, «٢٥ سبتمبر ٢٠٢٥», «25 سبتمبر/ أيلول 2025», «الخميس 25 أيلول 2025».

use chrono::NaiveDate;

use super::chars::without_article;
use super::tokens::{Token, tokenize};

/// A date line is read up to this many characters.
const DATE_CHARS: usize = 160;

/// The first date in `line`: its byte range and value.
pub(crate) fn find(line: &str) -> Option<(usize, usize, NaiveDate)> {
    let t = tokenize(line, DATE_CHARS);
    (0..t.len()).find_map(|i| {
        numeric(&t, i)
            .or_else(|| day_month_year(&t, i))
            .or_else(|| month_day_year(&t, i))
            .map(|(last, date)| (t[i].start, t[last].end, date))
    })
}

/// Index of the last token used, and the date.
type Found = (usize, NaiveDate);

fn date(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1900..=2100).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A number of `min..=max` digits at `i`.
fn num(t: &[Token], i: usize, min: u8, max: u8) -> Option<u32> {
    let (value, digits) = t.get(i)?.number()?;
    (min..=max).contains(&digits).then_some(value)
}

/// A separator of a numeric date at `i`, written tight against its neighbours.
fn tight_sep(t: &[Token], i: usize) -> Option<char> {
    let sep = t.get(i)?;
    let c = sep.punct().filter(|c| matches!(c, '-' | '/' | '.'))?;
    (!sep.space_before && !t.get(i + 1)?.space_before).then_some(c)
}

/// 2025-09-25, 2025/09/25, 25/09/2025, 25-09-2025, 25.09.2025 (day first unless the second
/// number cannot be a month).
fn numeric(t: &[Token], i: usize) -> Option<Found> {
    let first = num(t, i, 1, 4)?;
    let sep = tight_sep(t, i + 1)?;
    let second = num(t, i + 2, 1, 2)?;
    if tight_sep(t, i + 3)? != sep {
        return None;
    }
    if t.get(i)?.number()?.1 == 4 {
        let day = num(t, i + 4, 1, 2)?;
        return Some((i + 4, date(first, second, day)?));
    }
    let year = num(t, i + 4, 4, 4)?;
    if first > 31 {
        return None;
    }
    let found = if second > 12 {
        date(year, first, second)
    } else {
        date(year, second, first)
    };
    Some((i + 4, found?))
}

/// 25 September 2025, 25th of Sept. 2025, «25 سبتمبر/ أيلول 2025».
fn day_month_year(t: &[Token], i: usize) -> Option<Found> {
    let day = num(t, i, 1, 2)?;
    let mut j = i + 1;
    if t.get(j)
        .and_then(Token::word)
        .is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th") && !t[j].space_before)
    {
        j += 1;
    }
    if t.get(j).and_then(Token::word) == Some("of") {
        j += 1;
    }
    let (month, after) = month(t, j)?;
    j = after;
    if t.get(j).is_some_and(|t| t.is(',') || t.is('،')) {
        j += 1;
    }
    let year = num(t, j, 4, 4)?;
    Some((j, date(year, month, day)?))
}

/// September 25, 2025.
fn month_day_year(t: &[Token], i: usize) -> Option<Found> {
    let (month, mut j) = month(t, i)?;
    let day = num(t, j, 1, 2)?;
    j += 1;
    if t.get(j)
        .and_then(Token::word)
        .is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th") && !t[j].space_before)
    {
        j += 1;
    }
    if t.get(j).is_some_and(|t| t.is(',') || t.is('،')) {
        j += 1;
    }
    let year = num(t, j, 4, 4)?;
    Some((j, date(year, month, day)?))
}

/// A month name at `i` (one or two words, an abbreviation with its dot), with an alternative
/// name after a slash or in brackets («سبتمبر/ أيلول», «أيلول (سبتمبر)»): the month and the
/// index after it.
fn month(t: &[Token], i: usize) -> Option<(u32, usize)> {
    let (m, mut j) = one_month(t, i)?;
    if t.get(j).is_some_and(|t| t.is('.')) {
        j += 1;
    }
    if t.get(j).is_some_and(|t| t.is('/') || t.is('-'))
        && let Some((_, after)) = one_month(t, j + 1)
    {
        j = after;
    } else if t.get(j).is_some_and(|t| t.is('('))
        && let Some((_, after)) = one_month(t, j + 1)
        && t.get(after).is_some_and(|t| t.is(')'))
    {
        j = after + 1;
    }
    Some((m, j))
}

fn one_month(t: &[Token], i: usize) -> Option<(u32, usize)> {
    let word = t.get(i)?.word()?;
    let next = t.get(i + 1).and_then(Token::word).map(without_article);
    // The Levantine names of two words: كانون الثاني، كانون الأول، تشرين الأول، تشرين الثاني.
    match (word, next) {
        ("كانون", Some("ثاني")) => return Some((1, i + 2)),
        ("كانون", Some("اول")) => return Some((12, i + 2)),
        ("تشرين", Some("اول")) => return Some((10, i + 2)),
        ("تشرين", Some("ثاني")) => return Some((11, i + 2)),
        _ => {}
    }
    MONTHS
        .iter()
        .find(|(_, names)| names.contains(&word))
        .map(|(m, _)| (*m, i + 1))
}

/// Month names, folded as tokens are: English (with abbreviations), Egyptian/Gulf, Levantine,
/// Maghrebi.
const MONTHS: [(u32, &[&str]); 12] = [
    (1, &["january", "jan", "يناير", "جانفي"]),
    (2, &["february", "feb", "فبراير", "شباط", "فيفري"]),
    (3, &["march", "mar", "مارس", "اذار"]),
    (4, &["april", "apr", "ابريل", "نيسان", "افريل"]),
    (5, &["may", "مايو", "ايار", "ماي"]),
    (6, &["june", "jun", "يونيو", "يونيه", "حزيران", "جوان"]),
    (7, &["july", "jul", "يوليو", "يوليه", "تموز", "جويليه"]),
    (8, &["august", "aug", "اغسطس", "اب", "اوت"]),
    (9, &["september", "sep", "sept", "سبتمبر", "ايلول"]),
    (10, &["october", "oct", "اكتوبر"]),
    (11, &["november", "nov", "نوفمبر"]),
    (12, &["december", "dec", "ديسمبر"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn found(line: &str) -> Option<(&str, NaiveDate)> {
        find(line).map(|(s, e, d)| (&line[s..e], d))
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(found("2025-09-25"), Some(("2025-09-25", ymd(2025, 9, 25))));
        assert_eq!(found("25/09/2025").map(|f| f.1), Some(ymd(2025, 9, 25)));
        assert_eq!(found("09/25/2025").map(|f| f.1), Some(ymd(2025, 9, 25)));
        assert_eq!(found("٢٠٢٥-٠٩-٢٥").map(|f| f.1), Some(ymd(2025, 9, 25)));
        assert_eq!(found("2025-13-40"), None);
        assert_eq!(found("1/2"), None);
    }

    #[test]
    fn dates_with_month_names() {
        assert_eq!(
            found("Published 25 September 2025"),
            Some(("25 September 2025", ymd(2025, 9, 25)))
        );
        assert_eq!(found("٢٥ سبتمبر ٢٠٢٥").map(|f| f.1), Some(ymd(2025, 9, 25)));
        assert_eq!(
            found("25 سبتمبر/ أيلول 2025").map(|f| f.1),
            Some(ymd(2025, 9, 25))
        );
        assert_eq!(
            found("الخميس 25 أيلول 2025").map(|f| f.1),
            Some(ymd(2025, 9, 25))
        );
        assert_eq!(
            found("5 كانون الثاني 2020").map(|f| f.1),
            Some(ymd(2020, 1, 5))
        );
        assert_eq!(
            found("October 14, 2025").map(|f| f.1),
            Some(ymd(2025, 10, 14))
        );
        assert_eq!(
            found("14th of Oct. 2025").map(|f| f.1),
            Some(ymd(2025, 10, 14))
        );
        assert_eq!(found("31 February 2025"), None);
        assert_eq!(found("163 مشاهدة"), None);
    }
}
