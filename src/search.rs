//! Finding text in a brief the way an Arabic reader expects: harakat (تشكيل) and tatweel (ـ)
//! are ignored, hamza forms and final letters can be folded (أ إ آ ٱ → ا, ى → ي, ة → ه,
//! ؤ → و, ئ → ي), Latin is matched without case — and every hit is a range of code points of
//! the *original* text, so the reader highlights (and a passage quotes) the characters as
//! written, harakat included.
//!
//! Plain Rust: no egui, no IO.

use std::ops::Range;

/// How [`find_all`] compares the query with the text.
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
    for (index, c) in text.chars().enumerate() {
        if options.exact {
            out.folded.push(c);
            out.map.push(index);
            continue;
        }
        if is_haraka(c) || c == TATWEEL {
            continue;
        }
        let c = if options.fold_letters {
            fold_letter(c)
        } else {
            c
        };
        // Lowercasing can give more than one char (İ → i̇); each maps to the same source.
        for lower in c.to_lowercase() {
            out.folded.push(lower);
            out.map.push(index);
        }
    }
    out
}

/// Every place `query` occurs in `text`, as non-overlapping code-point ranges of `text`, in
/// order. A range runs from the first matched char to the last one, so harakat and tatweel
/// between matched letters are inside it; those after the last letter that belong to it
/// (its harakat, before the next letter) are included too. An empty query (after folding)
/// finds nothing.
#[must_use]
pub fn find_all(text: &str, query: &str, options: SearchOptions) -> Vec<Range<usize>> {
    let needle: Vec<char> = fold_with(query, options).folded.chars().collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay = fold_with(text, options);
    let chars: Vec<char> = hay.folded.chars().collect();
    let source: Vec<char> = text.chars().collect();
    let mut hits = Vec::new();
    // A hit must take whole source chars: it may not start or end inside the expansion of
    // one char by lowercasing (İ → i̇).
    let starts_char = |i: usize| i == 0 || hay.map[i - 1] != hay.map[i];
    let ends_char = |last: usize| hay.map.get(last + 1).is_none_or(|m| *m != hay.map[last]);
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let last = i + needle.len() - 1;
        if chars[i..=last] == needle[..] && starts_char(i) && ends_char(last) {
            hits.push(hay.map[i]..end_after(&source, hay.map[last], options));
            i = last + 1;
        } else {
            i += 1;
        }
    }
    hits
}

/// One past the source char at `last`, and past the harakat that follow it (they mark that
/// letter), unless searching exactly. Tatweel is not taken: it joins to the next letter.
fn end_after(source: &[char], last: usize, options: SearchOptions) -> usize {
    let mut end = last + 1;
    if !options.exact {
        while source.get(end).is_some_and(|c| is_haraka(*c)) {
            end += 1;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_range::slice_chars;
    use proptest::prelude::*;

    const OPTS: SearchOptions = SearchOptions {
        fold_letters: true,
        exact: false,
    };

    fn found<'t>(text: &'t str, query: &str, options: SearchOptions) -> Vec<&'t str> {
        find_all(text, query, options)
            .into_iter()
            .map(|r| slice_chars(text, r.start, r.end))
            .collect()
    }

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
    fn the_stem_is_found_with_its_harakat() {
        let text = "بعد التحوُّلات الأخيرة";
        assert_eq!(found(text, "التحول", OPTS), vec!["التحوُّل"]);
        assert_eq!(found(text, "التحوّل", OPTS), vec!["التحوُّل"]);
    }

    #[test]
    fn hamza_forms_fold_to_bare_alef() {
        assert_eq!(
            found("الانسحاب الأمريكي من العراق", "الامريكي", OPTS),
            vec!["الأمريكي"]
        );
        // «الإيراني» holds «إيران» too.
        assert_eq!(
            found("النفوذ الإيراني و إيران", "ايران", OPTS),
            vec!["إيران", "إيران"]
        );
        let no_letters = SearchOptions {
            fold_letters: false,
            exact: false,
        };
        assert!(found("إيران", "ايران", no_letters).is_empty());
        assert_eq!(found("إيران", "إيران", no_letters), vec!["إيران"]);
    }

    #[test]
    fn final_letters_fold() {
        assert_eq!(
            found("مستوى العلاقة", "مستوي العلاقه", OPTS),
            vec!["مستوى العلاقة"]
        );
        assert_eq!(found("مسؤول", "مسوول", OPTS), vec!["مسؤول"]);
        assert_eq!(found("رئيس", "رييس", OPTS), vec!["رئيس"]);
    }

    #[test]
    fn latin_is_case_insensitive() {
        let text = "President Trump said; TRUMP and trump.";
        assert_eq!(found(text, "Trump", OPTS), vec!["Trump", "TRUMP", "trump"]);
        assert_eq!(found(text, "trump", OPTS).len(), 3);
    }

    #[test]
    fn exact_search_counts_everything() {
        let exact = SearchOptions {
            fold_letters: false,
            exact: true,
        };
        assert!(found("التحوُّلات", "التحول", exact).is_empty());
        assert_eq!(found("التحوُّلات", "التحوُّل", exact), vec!["التحوُّل"]);
        assert_eq!(found("Trump trump", "Trump", exact), vec!["Trump"]);
    }

    #[test]
    fn hits_do_not_overlap_and_empty_queries_find_nothing() {
        assert_eq!(find_all("aaaa", "aa", OPTS), vec![0..2, 2..4]);
        assert!(find_all("abc", "", OPTS).is_empty());
        assert!(find_all("abc", "\u{064E}ـ", OPTS).is_empty());
        assert!(find_all("", "a", OPTS).is_empty());
    }

    #[test]
    fn ranges_are_code_points_of_the_original() {
        let text = "Iraq: «العِراق» والعراق";
        let hits = find_all(text, "العراق", OPTS);
        assert_eq!(hits.len(), 2);
        assert_eq!(slice_chars(text, hits[0].start, hits[0].end), "العِراق");
        assert_eq!(hits[0].start, 7);
        assert_eq!(slice_chars(text, hits[1].start, hits[1].end), "العراق");
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let alphabet: Vec<char> = "ابتحلمنويهةىأإآٱؤئ ـًٌٍَُِّْٰaAbBİß.".chars().collect();
        proptest::collection::vec(proptest::sample::select(alphabet), 0..40)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn every_hit_is_in_the_text_and_folds_to_the_query(
            text in text_strategy(),
            query in text_strategy(),
            fold_letters in any::<bool>(),
            exact in any::<bool>(),
        ) {
            let options = SearchOptions { fold_letters, exact };
            let len = text.chars().count();
            let want = fold_with(&query, options).folded;
            let hits = find_all(&text, &query, options);
            let mut previous_end = 0;
            for hit in &hits {
                prop_assert!(hit.start < hit.end && hit.end <= len);
                prop_assert!(hit.start >= previous_end);
                previous_end = hit.end;
                let got = fold_with(slice_chars(&text, hit.start, hit.end), options).folded;
                prop_assert_eq!(&got, &want);
            }
        }
    }
}
