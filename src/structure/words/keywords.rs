//! Matching the keywords of a heading or lead-in against folded words: Arabic words with their
//! clitics (و ف ب ل ك and the article ال) taken off, English words with a plural -s taken off.

use super::chars::without_article;
use super::tokens::{Kind, tokenize};

/// Headings and lead-ins are read up to this many characters.
const MAX_KEYWORD_CHARS: usize = 400;

/// At most this many forms of a word are tried.
const MAX_STEMS: usize = 10;

/// The forms of a word (see [`stems`]), without allocating.
pub(crate) struct Stems<'w> {
    forms: [&'w str; MAX_STEMS],
    len: usize,
}

impl<'w> Stems<'w> {
    fn push(&mut self, form: &'w str) {
        if self.len < MAX_STEMS && !self.forms[..self.len].contains(&form) {
            self.forms[self.len] = form;
            self.len += 1;
        }
    }

    /// The forms, the word itself first.
    pub fn as_slice(&self) -> &[&'w str] {
        &self.forms[..self.len]
    }
}

/// `word` and the forms it has without its clitics: «والسيناريوهات» → «السيناريوهات»,
/// «سيناريوهات»; «للمحددات» → «محددات»; "drivers" → "driver".
pub(crate) fn stems(word: &str) -> Stems<'_> {
    let mut out = Stems {
        forms: [""; MAX_STEMS],
        len: 0,
    };
    let long_enough = |w: &str| w.chars().count() >= 2;
    let mut bases: [&str; 2] = [word, ""];
    if let Some(rest) = word.strip_prefix('و').or_else(|| word.strip_prefix('ف'))
        && long_enough(rest)
    {
        bases[1] = rest;
    }
    for base in bases.into_iter().filter(|b| !b.is_empty()) {
        for form in [Some(base), base.strip_prefix("لل")]
            .into_iter()
            .chain(['ب', 'ل', 'ك'].map(|p| base.strip_prefix(p)))
            .flatten()
            .filter(|f| long_enough(f))
        {
            out.push(form);
            out.push(without_article(form));
        }
    }
    if word.is_ascii()
        && let Some(singular) = word.strip_suffix('s')
        && singular.len() >= 2
    {
        out.push(singular);
    }
    out
}

/// Whether `word` (folded) is one of `forms` once its clitics are off.
pub(crate) fn word_is(word: &str, forms: &[&str]) -> bool {
    stems(word).as_slice().iter().any(|s| forms.contains(s))
}

/// The folded words of `text` (its first [`MAX_KEYWORD_CHARS`] characters).
pub(crate) fn words(text: &str) -> Vec<String> {
    tokenize(text, MAX_KEYWORD_CHARS)
        .into_iter()
        .filter_map(|t| match t.kind {
            Kind::Word(w) if !w.is_empty() => Some(w),
            _ => None,
        })
        .collect()
}

/// Keywords of one kind: single words (matched anywhere, clitics off) and phrases of several
/// words (matched as consecutive words).
pub(crate) struct Keywords {
    pub words: &'static [&'static str],
    pub phrases: &'static [&'static [&'static str]],
}

impl Keywords {
    /// Whether any of `words` is a keyword, or a phrase occurs in them.
    pub fn found_in(&self, words: &[String]) -> bool {
        words.iter().any(|w| word_is(w, self.words))
            || self.phrases.iter().any(|p| phrase_at_any(words, p))
    }

    /// Whether `words` open with a keyword or a phrase (within their first `within` words,
    /// after a leading English article).
    pub fn opens(&self, words: &[String], within: usize) -> bool {
        const ARTICLES: [&str; 4] = ["the", "a", "an", "our"];
        let skip = words
            .iter()
            .take_while(|w| ARTICLES.contains(&w.as_str()))
            .count();
        (skip..(skip + within).min(words.len())).any(|i| {
            word_is(&words[i], self.words) || self.phrases.iter().any(|p| phrase_at(words, i, p))
        })
    }
}

fn phrase_at_any(words: &[String], phrase: &[&str]) -> bool {
    (0..words.len()).any(|i| phrase_at(words, i, phrase))
}

fn phrase_at(words: &[String], at: usize, phrase: &[&str]) -> bool {
    !phrase.is_empty()
        && words.len() >= at + phrase.len()
        && phrase
            .iter()
            .zip(&words[at..])
            .all(|(p, w)| word_is(w, &[p]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_and_plurals_come_off() {
        assert!(word_is("والسيناريوهات", &["سيناريوهات"]));
        assert!(word_is("للمحددات", &["محددات"]));
        assert!(word_is("بالعوامل", &["عوامل"]));
        assert!(word_is("drivers", &["driver"]));
        assert!(!word_is("محددة", &["محددات"]));
        assert_eq!(stems("ال").as_slice(), ["ال"]);
        assert_eq!(
            stems("والسيناريوهات").as_slice(),
            ["والسيناريوهات", "السيناريوهات", "سيناريوهات"]
        );
    }

    #[test]
    fn keywords_are_found_by_word_and_phrase() {
        const K: Keywords = Keywords {
            words: &["خلاصه", "conclusion"],
            phrases: &[&["key", "judgement"], &["bottom", "line"]],
        };
        assert!(K.found_in(&words("الخُلاصة")));
        assert!(K.opens(&words("Key judgements"), 1));
        assert!(K.opens(&words("The bottom line"), 1));
        assert!(!K.opens(&words("Drawing a conclusion"), 1));
        assert!(!K.found_in(&words("Bottom of the line")));
    }
}
