//! List numbers written the way Word writes them for each `w:numFmt`.

/// Letters written more than this many times over (`aaaa…`) fall back to digits.
const MAX_LETTER_REPEAT: u32 = 8;

/// The 28 Arabic letters in alphabetical (hijāʾī) order, as Word's `arabicAlpha` counts.
const ARABIC_ALPHA: [char; 28] = [
    'أ', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
];

/// The 28 Arabic letters in abjad order (أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ), Word's
/// `arabicAbjad`.
const ARABIC_ABJAD: [char; 28] = [
    'أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق',
    'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
];

const LATIN_LOWER: [char; 26] = [
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's',
    't', 'u', 'v', 'w', 'x', 'y', 'z',
];

/// A `w:numFmt` value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum NumFormat {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    ArabicAlpha,
    ArabicAbjad,
    /// Arabic-Indic digits (`hindiNumbers`, `arabicIndic`…).
    ArabicIndic,
    Ordinal,
    Bullet,
    None,
}

impl NumFormat {
    /// The format a `w:numFmt w:val` names; formats the importer does not write (Chinese
    /// counting, spelled-out numbers…) are decimal.
    pub fn parse(value: &str) -> NumFormat {
        match value {
            "decimalZero" => NumFormat::DecimalZero,
            "lowerLetter" => NumFormat::LowerLetter,
            "upperLetter" => NumFormat::UpperLetter,
            "lowerRoman" => NumFormat::LowerRoman,
            "upperRoman" => NumFormat::UpperRoman,
            "arabicAlpha" => NumFormat::ArabicAlpha,
            "arabicAbjad" => NumFormat::ArabicAbjad,
            "hindiNumbers" | "arabicIndic" | "hindiCounting" => NumFormat::ArabicIndic,
            "ordinal" => NumFormat::Ordinal,
            "bullet" => NumFormat::Bullet,
            "none" => NumFormat::None,
            _ => NumFormat::Decimal,
        }
    }

    /// `n` written in this format.
    pub fn write(self, n: u32) -> String {
        match self {
            NumFormat::Decimal | NumFormat::Bullet => n.to_string(),
            NumFormat::DecimalZero => format!("{n:02}"),
            NumFormat::LowerLetter => letters(n, &LATIN_LOWER),
            NumFormat::UpperLetter => letters(n, &LATIN_LOWER).to_uppercase(),
            NumFormat::LowerRoman => roman(n).to_lowercase(),
            NumFormat::UpperRoman => roman(n),
            NumFormat::ArabicAlpha => letters(n, &ARABIC_ALPHA),
            NumFormat::ArabicAbjad => letters(n, &ARABIC_ABJAD),
            NumFormat::ArabicIndic => n
                .to_string()
                .chars()
                .map(|d| char::from_u32(u32::from(d) - u32::from('0') + 0x0660).unwrap_or(d))
                .collect(),
            NumFormat::Ordinal => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
            NumFormat::None => String::new(),
        }
    }
}

/// a…z, then aa…zz, then aaa… (Word's scheme); digits for 0 or very large numbers.
fn letters(n: u32, alphabet: &[char]) -> String {
    let len = alphabet.len() as u32;
    if n == 0 || (n - 1) / len >= MAX_LETTER_REPEAT {
        return n.to_string();
    }
    let letter = alphabet[((n - 1) % len) as usize];
    std::iter::repeat_n(letter, ((n - 1) / len + 1) as usize).collect()
}

/// Upper-case Roman numerals for 1–3999; digits otherwise.
fn roman(mut n: u32) -> String {
    if !(1..=3999).contains(&n) {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::NumFormat::*;
    use super::*;

    #[test]
    fn each_format_writes_numbers_as_word_does() {
        let cases: &[(NumFormat, u32, &str)] = &[
            (Decimal, 12, "12"),
            (DecimalZero, 7, "07"),
            (LowerLetter, 1, "a"),
            (LowerLetter, 27, "aa"),
            (UpperLetter, 28, "BB"),
            (LowerRoman, 4, "iv"),
            (UpperRoman, 1994, "MCMXCIV"),
            (UpperRoman, 0, "0"),
            (ArabicAlpha, 1, "أ"),
            (ArabicAlpha, 3, "ت"),
            (ArabicAbjad, 3, "ج"),
            (ArabicAbjad, 29, "أأ"),
            (ArabicIndic, 2025, "٢٠٢٥"),
            (Ordinal, 2, "2nd"),
            (Ordinal, 12, "12th"),
            (None, 3, ""),
            (LowerLetter, u32::MAX, "4294967295"),
            (LowerLetter, 0, "0"),
        ];
        for &(format, n, want) in cases {
            assert_eq!(format.write(n), want, "{format:?} {n}");
        }
    }
}
