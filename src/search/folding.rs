//! How search compares text: harakat (تشكيل) and tatweel (ـ) dropped, hamza forms and final
//! letters folded (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي), Latin lowercased — each folded
//! char remembering where it came from, so hits map back to the text as written.

/// How [`super::find_all`] compares the query with the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchOptions {
    /// Fold hamza forms, alef maqsura and ta marbuta to their bare letters.
    pub fold_letters: bool,
    /// Match the text exactly as written (harakat, tatweel and case count).
    pub exact: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            fold_letters: true,
            exact: false,
        }
    }
}

impl SearchOptions {
    /// The folding these options ask for.
    #[must_use]
    pub fn folding(self) -> Folding {
        if self.exact {
            Folding::Exact
        } else if self.fold_letters {
            Folding::Full
        } else {
            Folding::Marks
        }
    }
}

/// What folding does to a text before it is compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Folding {
    /// Harakat and tatweel dropped, hamza forms and final letters folded, case ignored: what
    /// an Arabic reader expects of a search.
    #[default]
    Full,
    /// Harakat and tatweel dropped and case ignored, letters as written.
    Marks,
    /// Nothing folded: harakat, tatweel, hamza and case as written.
    Exact,
}

/// A text with harakat and tatweel removed and letters folded, and where each of its chars
/// came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub folded: String,
    /// For each char of `folded`, the code-point index in the original text of the char it
    /// came from (non-decreasing).
    pub map: Vec<usize>,
}

/// Whether `c` is an Arabic haraka (or other combining mark searched through): U+064B–U+065F
/// and the superscript alef U+0670.
#[must_use]
pub fn is_haraka(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// The Arabic tatweel (kashida), a stretching stroke with no meaning.
pub const TATWEEL: char = '\u{0640}';

/// The bare letter an Arabic letter folds to, or `c` itself.
#[must_use]
pub fn fold_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        other => other,
    }
}

/// Calls `push` with each char `c` folds to under `folding` (none for a haraka or tatweel,
/// several when lowercasing expands, as İ → i̇).
#[inline]
fn fold_char(c: char, folding: Folding, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(if folding == Folding::Exact {
            c
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    if folding == Folding::Exact {
        push(c);
        return;
    }
    if is_haraka(c) || c == TATWEEL {
        return;
    }
    // The Arabic block has no case: skip the case tables for it.
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        push(if folding == Folding::Full {
            fold_letter(c)
        } else {
            c
        });
        return;
    }
    for lower in c.to_lowercase() {
        push(lower);
    }
}

/// `text` folded as search compares it, with the default options (letters folded).
#[must_use]
pub fn fold_for_search(text: &str) -> Folded {
    fold_with(text, SearchOptions::default())
}

/// `text` folded as search compares it under `options`.
#[must_use]
pub fn fold_with(text: &str, options: SearchOptions) -> Folded {
    let mut out = Folded {
        folded: String::with_capacity(text.len()),
        map: Vec::with_capacity(text.len()),
    };
    let folding = options.folding();
    for (index, c) in text.chars().enumerate() {
        fold_char(c, folding, |f| {
            out.folded.push(f);
            out.map.push(index);
        });
    }
    out
}

/// A text folded for searching, kept to search it many times (the workspace search folds
/// each brief once per change): the folded text and, for each of its bytes, the byte offset
/// in the original text of the char it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoldedText {
    pub folded: String,
    /// `origin[i]` is the byte offset in the original text of the char that folded byte `i`
    /// came from; one more entry at the end holds the original text's length.
    pub origin: Vec<u32>,
    pub folding: Folding,
}

impl FoldedText {
    /// Folds `text`. Texts over 4 GiB are not supported (workspace files are far smaller).
    #[must_use]
    pub fn new(text: &str, folding: Folding) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        for (byte, c) in text.char_indices() {
            let byte = u32::try_from(byte).unwrap_or(u32::MAX);
            // The common cases first, as `fold_char` folds them, without its callback: ASCII
            // and (unless exact) the Arabic block, which never folds to more than one char.
            if c.is_ascii() {
                folded.push(if folding == Folding::Exact {
                    c
                } else {
                    c.to_ascii_lowercase()
                });
                origin.push(byte);
                continue;
            }
            if folding != Folding::Exact && ('\u{0600}'..='\u{06FF}').contains(&c) {
                if is_haraka(c) || c == TATWEEL {
                    continue;
                }
                let f = if folding == Folding::Full {
                    fold_letter(c)
                } else {
                    c
                };
                folded.push(f);
                origin.resize(folded.len(), byte);
                continue;
            }
            fold_char(c, folding, |f| {
                folded.push(f);
                origin.resize(folded.len(), byte);
            });
        }
        origin.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        Self {
            folded,
            origin,
            folding,
        }
    }

    /// The byte offset in the original text where folded byte `i` came from (`i` may be the
    /// folded length: then the original's length).
    #[must_use]
    pub fn origin(&self, i: usize) -> usize {
        self.origin.get(i).map_or(usize::MAX, |b| *b as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_harakat_and_tatweel_and_maps_back() {
        let text = "تحوُّل";
        let f = fold_for_search(text);
        assert_eq!(f.folded, "تحول");
        assert_eq!(f.map, vec![0, 1, 2, 5]);
        assert_eq!(fold_for_search("عـــربي").folded, "عربي");
        assert_eq!(fold_for_search("أإآٱ ى ة ؤ ئ").folded, "اااا ي ه و ي");
        assert_eq!(fold_for_search("Trump").folded, "trump");
    }

    #[test]
    fn a_folded_text_maps_each_byte_to_its_source() {
        let text = "Aتحوُّل";
        let f = FoldedText::new(text, Folding::Full);
        assert_eq!(f.folded, "aتحول");
        assert_eq!(f.origin.len(), f.folded.len() + 1);
        // «ل» came after the two harakat: byte 1 + 3 letters/marks × 2 bytes … of the source.
        let l = f.folded.find('ل').expect("the lam is kept");
        assert_eq!(&text[f.origin(l)..], "ل");
        assert_eq!(f.origin(f.folded.len()), text.len());
        assert_eq!(FoldedText::new(text, Folding::Exact).folded, text);
        assert_eq!(FoldedText::new("أمن", Folding::Marks).folded, "أمن");
    }
}
