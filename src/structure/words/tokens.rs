//! Reading the start of a paragraph as words, numbers and punctuation, folded as search folds
//! them (no harakat or tatweel, bare hamza forms, lower case), each with its byte range in the
//! original text so a match can be mapped back.

use super::chars::is_blank;
use super::numbers::digit_value;
use crate::search::{TATWEEL, fold_letter, is_haraka};

/// A number with more digits than this is read as [`TOO_BIG`].
const MAX_DIGITS: u8 = 9;

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, folded and lower-cased.
    Word(String),
    /// Digits of any script and how many there were.
    Number { value: u32, digits: u8 },
    /// Any other visible character.
    Punct(char),
}

/// A token and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    /// Byte range in the tokenised string.
    pub start: usize,
    pub end: usize,
    /// Whether space came before it (or it starts the string).
    pub space_before: bool,
}

/// The value of a number too long to matter.
pub(crate) const TOO_BIG: u32 = u32::MAX;

impl Token {
    /// Its folded word, if it is a word.
    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    /// Its value and digit count, if it is a number.
    pub fn number(&self) -> Option<(u32, u8)> {
        match self.kind {
            Kind::Number { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    /// Whether it is the punctuation `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// Its punctuation character, if it is one.
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
}

/// The tokens of the first `max_chars` characters of `s`.
pub(crate) fn tokenize(s: &str, max_chars: usize) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut space = true;
    for (seen, (offset, c)) in s.char_indices().enumerate() {
        if seen >= max_chars {
            break;
        }
        let end = offset + c.len_utf8();
        if is_blank(c) {
            space = true;
            continue;
        }
        let continues = !space && out.last().is_some_and(|t| t.end == offset);
        if is_haraka(c) || c == TATWEEL {
            // Marks belong to the word they sit in (or start one on their own).
            match out.last_mut() {
                Some(t) if continues && matches!(t.kind, Kind::Word(_)) => t.end = end,
                _ => {
                    out.push(Token {
                        kind: Kind::Word(String::new()),
                        start: offset,
                        end,
                        space_before: space,
                    });
                }
            }
            space = false;
            continue;
        }
        if let Some(d) = digit_value(c) {
            match out.last_mut() {
                Some(Token {
                    kind: Kind::Number { value, digits },
                    end: e,
                    ..
                }) if continues => {
                    *digits = digits.saturating_add(1);
                    *value = if *digits > MAX_DIGITS {
                        TOO_BIG
                    } else {
                        value.saturating_mul(10).saturating_add(d)
                    };
                    *e = end;
                }
                _ => out.push(Token {
                    kind: Kind::Number {
                        value: d,
                        digits: 1,
                    },
                    start: offset,
                    end,
                    space_before: space,
                }),
            }
        } else if c.is_alphabetic() {
            let folded = fold_letter(c);
            match out.last_mut() {
                Some(Token {
                    kind: Kind::Word(w),
                    end: e,
                    ..
                }) if continues => {
                    w.extend(folded.to_lowercase());
                    *e = end;
                }
                _ => out.push(Token {
                    kind: Kind::Word(folded.to_lowercase().collect()),
                    start: offset,
                    end,
                    space_before: space,
                }),
            }
        } else {
            out.push(Token {
                kind: Kind::Punct(c),
                start: offset,
                end,
                space_before: space,
            });
        }
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Kind> {
        tokenize(s, 100).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn words_are_folded_and_numbers_read_in_any_script() {
        assert_eq!(
            kinds("أولاً: ٢٥ Sept."),
            vec![
                Kind::Word("اولا".into()),
                Kind::Punct(':'),
                Kind::Number {
                    value: 25,
                    digits: 2
                },
                Kind::Word("sept".into()),
                Kind::Punct('.'),
            ]
        );
        assert_eq!(kinds("الخُلاصة")[0], Kind::Word("الخلاصه".into()));
        assert_eq!(kinds("هـ)")[0], Kind::Word("ه".into()));
    }

    #[test]
    fn positions_and_spacing_are_kept() {
        let t = tokenize("25th of  May", 100);
        assert_eq!((t[0].start, t[0].end, t[0].space_before), (0, 2, true));
        assert_eq!((t[1].start, t[1].space_before), (2, false));
        assert_eq!(t[1].word(), Some("th"));
        assert!(t[3].space_before);
        assert_eq!(&"25th of  May"[t[3].start..t[3].end], "May");
    }

    #[test]
    fn long_numbers_saturate_and_the_limit_holds() {
        assert_eq!(
            tokenize("12345678901234", 100)[0].number(),
            Some((TOO_BIG, 14))
        );
        assert_eq!(tokenize("a b c d", 3).len(), 2);
    }
}
