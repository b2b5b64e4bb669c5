//! List item labels as the reader sees them: `<ol start="3">`, `reversed`, `<li value>`,
//! `type="a"`/`"I"`, and the Arabic counter styles of CSS `list-style-type`.

use ego_tree::NodeRef;
use scraper::Node;
use scraper::node::Element;

/// Numbers a list may start at, either way; a hostile `start` is clamped to this.
const MAX_NUMBER: i64 = 1_000_000_000;

/// How a list's numbers are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Bullet,
    Decimal,
    LowerAlpha,
    UpperAlpha,
    LowerRoman,
    UpperRoman,
    /// ١ ٢ ٣ (CSS `arabic-indic`).
    ArabicIndic,
    /// ۱ ۲ ۳ (CSS `persian`).
    Persian,
    /// أ ب ج د, the abjad order Arabic outlines use.
    Abjad,
}

/// The next label of one `<ol>` or `<ul>`.
#[derive(Clone, Debug)]
pub(super) struct ListCounter {
    style: Style,
    next: i64,
    step: i64,
}

impl ListCounter {
    /// The counter of the list `element` at `node` (its `<li>` children are counted for a
    /// `reversed` list without a `start`).
    #[must_use]
    pub(super) fn new(node: NodeRef<'_, Node>, element: &Element) -> Self {
        let ordered = element.name() == "ol";
        let style = style_of(element, ordered);
        let reversed = ordered && element.attr("reversed").is_some();
        let start = element
            .attr("start")
            .and_then(|s| s.trim().parse::<i64>().ok())
            .map(|s| s.clamp(-MAX_NUMBER, MAX_NUMBER));
        let next = match (start, reversed) {
            (Some(start), _) => start,
            (None, true) => i64::try_from(
                node.children()
                    .filter(|c| c.value().as_element().is_some_and(|e| e.name() == "li"))
                    .count(),
            )
            .unwrap_or(MAX_NUMBER)
            .min(MAX_NUMBER),
            (None, false) => 1,
        };
        ListCounter {
            style,
            next,
            step: if reversed { -1 } else { 1 },
        }
    }

    /// The label of the next item (`value` is its own `value` attribute), with its trailing
    /// space: `"3. "`, `"- "`.
    pub(super) fn next_label(&mut self, value: Option<&str>) -> String {
        if self.style == Style::Bullet {
            return "- ".to_owned();
        }
        let number = value
            .and_then(|v| v.trim().parse::<i64>().ok())
            .map_or(self.next, |v| v.clamp(-MAX_NUMBER, MAX_NUMBER));
        self.next = (number + self.step).clamp(-MAX_NUMBER, MAX_NUMBER);
        format!("{}. ", format_number(number, self.style))
    }
}

fn style_of(element: &Element, ordered: bool) -> Style {
    if let Some(style) = element.attr("style") {
        let style = style.to_ascii_lowercase();
        if let Some(at) = style.find("list-style") {
            let value = &style[at..];
            let value = value[..value.find(';').unwrap_or(value.len())].to_owned();
            for (name, style) in [
                ("arabic-indic", Style::ArabicIndic),
                ("persian", Style::Persian),
                ("abjad", Style::Abjad),
                ("lower-alpha", Style::LowerAlpha),
                ("lower-latin", Style::LowerAlpha),
                ("upper-alpha", Style::UpperAlpha),
                ("upper-latin", Style::UpperAlpha),
                ("lower-roman", Style::LowerRoman),
                ("upper-roman", Style::UpperRoman),
                ("decimal", Style::Decimal),
                (
                    "none",
                    if ordered {
                        Style::Decimal
                    } else {
                        Style::Bullet
                    },
                ),
            ] {
                if value.contains(name) {
                    return style;
                }
            }
        }
    }
    if !ordered {
        return Style::Bullet;
    }
    match element.attr("type").map(str::trim) {
        Some("a") => Style::LowerAlpha,
        Some("A") => Style::UpperAlpha,
        Some("i") => Style::LowerRoman,
        Some("I") => Style::UpperRoman,
        _ => Style::Decimal,
    }
}

const ABJAD: [&str; 28] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
];

fn format_number(number: i64, style: Style) -> String {
    match style {
        Style::Bullet | Style::Decimal => number.to_string(),
        Style::LowerAlpha if number >= 1 => alphabetic(number),
        Style::UpperAlpha if number >= 1 => alphabetic(number).to_ascii_uppercase(),
        Style::LowerRoman if (1..4000).contains(&number) => roman(number),
        Style::UpperRoman if (1..4000).contains(&number) => roman(number).to_ascii_uppercase(),
        Style::ArabicIndic => digits(number, '\u{660}'),
        Style::Persian => digits(number, '\u{6f0}'),
        Style::Abjad if (1..=28).contains(&number) => {
            usize::try_from(number - 1).map_or_else(|_| number.to_string(), |i| ABJAD[i].to_owned())
        }
        _ => number.to_string(),
    }
}

/// a, b, … z, aa, ab, … (bijective base 26).
fn alphabetic(mut number: i64) -> String {
    let mut letters = Vec::new();
    while number > 0 {
        number -= 1;
        letters.push(char::from(b'a' + u8::try_from(number % 26).unwrap_or(0)));
        number /= 26;
    }
    letters.iter().rev().collect()
}

fn roman(mut number: i64) -> String {
    const NUMERALS: [(i64, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while number >= value {
            out.push_str(numeral);
            number -= value;
        }
    }
    out
}

fn digits(number: i64, zero: char) -> String {
    number
        .to_string()
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(zero as u32 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_styles() {
        assert_eq!(format_number(3, Style::Decimal), "3");
        assert_eq!(format_number(28, Style::LowerAlpha), "ab");
        assert_eq!(format_number(14, Style::UpperRoman), "XIV");
        assert_eq!(format_number(12, Style::ArabicIndic), "١٢");
        assert_eq!(format_number(5, Style::Abjad), "هـ");
        assert_eq!(format_number(0, Style::LowerAlpha), "0");
        assert_eq!(format_number(-2, Style::Decimal), "-2");
    }
}
