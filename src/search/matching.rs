//! Finding a query in a folded text: literally (memchr's `memmem`), as a regular expression
//! (the `regex` crate, over the folded text), optionally as a whole word that may carry
//! Arabic's attached prefixes (و ف ب ك ل ال). Hits come back as ranges of the original text.

use std::ops::Range;

use memchr::memmem;

use super::folding::{FoldedText, Folding, SearchOptions, TATWEEL, is_haraka};

/// Whether a hit must be a whole word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum WholeWord {
    /// Anywhere, inside words too.
    #[default]
    Off,
    /// Only a whole word: no letter or digit just before or after it.
    Word,
    /// A whole word, or one that carries Arabic's attached prefixes (و ف ب ك ل ال, up to
    /// three of them: «والعراق», «بالعراق», «فبالعراق» for «العراق»).
    WithPrefixes,
}

/// What a search looks for, as the analyst typed it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    pub text: String,
    /// `text` is a regular expression (the `regex` crate's syntax), matched against the
    /// folded text.
    pub regex: bool,
    pub whole_word: WholeWord,
    /// Harakat, tatweel, hamza forms and case as written.
    pub exact: bool,
}

impl Query {
    /// A plain folded search for `text`.
    #[must_use]
    pub fn plain(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            ..Self::default()
        }
    }

    /// The folding the texts searched must have.
    #[must_use]
    pub fn folding(&self) -> Folding {
        if self.exact {
            Folding::Exact
        } else {
            Folding::Full
        }
    }
}

/// Why a query cannot be searched for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the query is empty (harakat and tatweel alone are not searched for)")]
    Empty,
    /// `message` is the regex crate's explanation (with a drawing of where), for the command
    /// line; `problem` is what is wrong, for the interface to phrase, and `drawing` the
    /// pattern with carets under the place (empty when there is no place to show).
    #[error("«{pattern}» is not a valid regular expression: {message}")]
    Regex {
        pattern: String,
        message: String,
        problem: RegexProblem,
        drawing: String,
    },
    #[error("the regular expression «{pattern}» matches the empty text; give it something to find")]
    MatchesEmpty { pattern: String },
}

/// What is wrong with a regular expression, as the interface phrases it; the rare kinds are
/// [`RegexProblem::Other`], shown in the regex crate's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegexProblem {
    /// `(` without its `)`.
    UnclosedGroup,
    /// `)` without its `(`.
    UnopenedGroup,
    /// `[` without its `]`.
    UnclosedClass,
    /// `*`, `+`, `?` or `{n}` with nothing before it to repeat.
    RepetitionMissing,
    /// A backslash before a letter that means nothing (`\q`), or at the end.
    InvalidEscape,
    /// A class range whose start is after its end (`[z-a]`) or that is not between letters.
    InvalidClassRange,
    /// A counted repetition that is unclosed, empty or runs backwards (`a{3,1}`).
    InvalidRepetitionCount,
    /// `\p{…}` naming no Unicode class or property.
    UnknownUnicodeClass,
    /// A flag group `(?…)` with an unknown or misplaced flag.
    InvalidFlag,
    /// Look-ahead or look-behind, which the regex crate does not support.
    LookAround,
    /// A backreference (`\1`), which the regex crate does not support.
    Backreference,
    /// It would take more than `megabytes` MB to run.
    TooBig { megabytes: usize },
    /// Any other kind: the message says it in the regex crate's words.
    Other,
}

/// The most memory a compiled regular expression may take.
const REGEX_SIZE_LIMIT: usize = 16 << 20;

/// A compiled query: searches any number of texts folded as [`Query::folding`] says.
#[derive(Clone, Debug)]
pub struct Matcher {
    kind: Kind,
    whole_word: WholeWord,
    folding: Folding,
}

#[derive(Clone, Debug)]
enum Kind {
    Literal(Box<memmem::Finder<'static>>),
    Regex(regex::Regex),
}

impl Matcher {
    /// Compiles `query`.
    ///
    /// # Errors
    /// An empty query, or a regular expression that does not parse (the error says where and
    /// what is wrong) or that matches the empty text.
    pub fn new(query: &Query) -> Result<Self, QueryError> {
        Self::with_folding(query, query.folding())
    }

    fn with_folding(query: &Query, folding: Folding) -> Result<Self, QueryError> {
        let kind = if query.regex {
            let pattern = fold_pattern(&query.text, folding);
            if pattern.trim().is_empty() {
                return Err(QueryError::Empty);
            }
            let regex = regex::RegexBuilder::new(&pattern)
                .case_insensitive(folding != Folding::Exact)
                .size_limit(REGEX_SIZE_LIMIT)
                .build()
                .map_err(|err| QueryError::Regex {
                    pattern: query.text.clone(),
                    message: regex_message(&err),
                    problem: regex_problem(&err, &pattern, folding != Folding::Exact),
                    drawing: regex_drawing(&err),
                })?;
            if regex.is_match("") {
                return Err(QueryError::MatchesEmpty {
                    pattern: query.text.clone(),
                });
            }
            Kind::Regex(regex)
        } else {
            let needle = FoldedText::new(&query.text, folding).folded;
            if needle.is_empty() {
                return Err(QueryError::Empty);
            }
            Kind::Literal(Box::new(
                memmem::Finder::new(needle.as_bytes()).into_owned(),
            ))
        };
        Ok(Self {
            kind,
            whole_word: query.whole_word,
            folding,
        })
    }

    /// The folding the texts searched must have.
    #[must_use]
    pub fn folding(&self) -> Folding {
        self.folding
    }

    /// Every hit in `text` (whose folded form is `folded`, made with [`Self::folding`]), in
    /// order and not overlapping, as byte ranges of `text`. A hit covers whole chars of the
    /// original and, unless exact, the harakat that follow its last letter.
    #[must_use]
    pub fn find_bytes(&self, text: &str, folded: &FoldedText) -> Vec<Range<usize>> {
        let hay = folded.folded.as_str();
        let mut spans: Vec<Range<usize>> = Vec::new();
        match &self.kind {
            Kind::Literal(finder) => {
                let mut pos = 0;
                while let Some(found) = finder.find(&hay.as_bytes()[pos..]) {
                    let start = pos + found;
                    let end = start + finder.needle().len();
                    if self.accepts(folded, start, end) {
                        spans.push(start..end);
                        pos = end;
                    } else {
                        pos = start + hay[start..].chars().next().map_or(1, char::len_utf8);
                    }
                }
            }
            Kind::Regex(regex) => {
                for m in regex.find_iter(hay) {
                    if !m.is_empty() && self.accepts(folded, m.start(), m.end()) {
                        spans.push(m.range());
                    }
                }
            }
        }
        spans
            .into_iter()
            .map(|span| self.source_range(text, folded, span))
            .collect()
    }

    /// Every hit in `text` as code-point ranges (folds `text` first).
    #[must_use]
    pub fn find_chars(&self, text: &str) -> Vec<Range<usize>> {
        let folded = FoldedText::new(text, self.folding);
        bytes_to_chars(text, &self.find_bytes(text, &folded))
    }

    /// Whether folded bytes `start..end` make a hit: whole source chars, and a whole word
    /// when asked.
    fn accepts(&self, folded: &FoldedText, start: usize, end: usize) -> bool {
        // Not inside the expansion of one char by lowercasing (İ → i̇).
        if start > 0 && folded.origin(start - 1) == folded.origin(start) {
            return false;
        }
        if end < folded.folded.len() && folded.origin(end - 1) == folded.origin(end) {
            return false;
        }
        let hay = folded.folded.as_str();
        match self.whole_word {
            WholeWord::Off => true,
            WholeWord::Word => {
                !hay[..start].chars().next_back().is_some_and(is_word_char)
                    && !hay[end..].chars().next().is_some_and(is_word_char)
            }
            WholeWord::WithPrefixes => {
                if hay[end..].chars().next().is_some_and(is_word_char) {
                    return false;
                }
                let before = &hay[..start];
                let word_start = before
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| is_word_char(*c))
                    .last()
                    .map_or(start, |(i, _)| i);
                is_prefix_chain(&before[word_start..], 3)
            }
        }
    }

    /// The byte range of `text` that folded bytes `span` came from.
    fn source_range(&self, text: &str, folded: &FoldedText, span: Range<usize>) -> Range<usize> {
        let start = folded.origin(span.start).min(text.len());
        let last = folded.origin(span.end - 1).min(text.len());
        let mut end = last + text[last..].chars().next().map_or(0, char::len_utf8);
        if self.folding != Folding::Exact {
            // The harakat that mark the last letter belong to the hit (tatweel joins to the
            // next letter and does not).
            end += text[end..]
                .chars()
                .take_while(|c| is_haraka(*c))
                .map(char::len_utf8)
                .sum::<usize>();
        }
        start..end
    }
}

/// Letters, digits and the marks that sit on them.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_haraka(c) || c == TATWEEL
}

/// Whether `word` (the letters before a hit in its word) is made of at most `max` of
/// Arabic's attached prefixes: و ف ب ك ل and the article ال. Harakat in it are ignored.
fn is_prefix_chain(word: &str, max: usize) -> bool {
    if word.is_empty() {
        return true;
    }
    if max == 0 {
        return false;
    }
    let word = word.trim_start_matches(|c| is_haraka(c) || c == TATWEEL);
    ["ال", "و", "ف", "ب", "ك", "ل"].iter().any(|prefix| {
        word.strip_prefix(prefix)
            .is_some_and(|rest| is_prefix_chain(rest, max - 1))
    })
}

/// A regular expression's Arabic and other non-ASCII letters folded as the text is, its
/// syntax (all ASCII) left alone; case is ignored by the regex itself.
fn fold_pattern(pattern: &str, folding: Folding) -> String {
    if folding == Folding::Exact {
        return pattern.to_owned();
    }
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&FoldedText::new(c.encode_utf8(&mut [0; 4]), folding).folded);
        }
    }
    out
}

/// What is wrong with a regular expression, on one line when it can be.
/// What kind of mistake a pattern that does not compile has, from the parser the regex crate
/// uses (its error only carries words).
fn regex_problem(err: &regex::Error, pattern: &str, case_insensitive: bool) -> RegexProblem {
    use regex_syntax::ast::ErrorKind as Ast;
    use regex_syntax::hir::ErrorKind as Hir;
    match err {
        regex::Error::CompiledTooBig(limit) => {
            return RegexProblem::TooBig {
                megabytes: limit >> 20,
            };
        }
        regex::Error::Syntax(_) => {}
        _ => return RegexProblem::Other,
    }
    let parsed = regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(pattern);
    match parsed {
        Err(regex_syntax::Error::Parse(e)) => match e.kind() {
            Ast::GroupUnclosed => RegexProblem::UnclosedGroup,
            Ast::GroupUnopened => RegexProblem::UnopenedGroup,
            Ast::ClassUnclosed => RegexProblem::UnclosedClass,
            Ast::RepetitionMissing => RegexProblem::RepetitionMissing,
            Ast::EscapeUnrecognized
            | Ast::EscapeUnexpectedEof
            | Ast::ClassEscapeInvalid
            | Ast::EscapeHexEmpty
            | Ast::EscapeHexInvalid
            | Ast::EscapeHexInvalidDigit => RegexProblem::InvalidEscape,
            Ast::ClassRangeInvalid | Ast::ClassRangeLiteral => RegexProblem::InvalidClassRange,
            Ast::RepetitionCountInvalid
            | Ast::RepetitionCountUnclosed
            | Ast::RepetitionCountDecimalEmpty
            | Ast::DecimalEmpty
            | Ast::DecimalInvalid => RegexProblem::InvalidRepetitionCount,
            Ast::UnicodeClassInvalid => RegexProblem::UnknownUnicodeClass,
            Ast::FlagUnrecognized
            | Ast::FlagDanglingNegation
            | Ast::FlagDuplicate { .. }
            | Ast::FlagRepeatedNegation { .. }
            | Ast::FlagUnexpectedEof => RegexProblem::InvalidFlag,
            Ast::UnsupportedLookAround => RegexProblem::LookAround,
            Ast::UnsupportedBackreference => RegexProblem::Backreference,
            _ => RegexProblem::Other,
        },
        Err(regex_syntax::Error::Translate(e)) => match e.kind() {
            Hir::UnicodePropertyNotFound
            | Hir::UnicodePropertyValueNotFound
            | Hir::UnicodePerlClassNotFound => RegexProblem::UnknownUnicodeClass,
            _ => RegexProblem::Other,
        },
        _ => RegexProblem::Other,
    }
}

/// The regex crate's drawing of a syntax error: the pattern with carets under the place.
fn regex_drawing(err: &regex::Error) -> String {
    let regex::Error::Syntax(text) = err else {
        return String::new();
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    match lines.iter().rposition(|l| l.starts_with("error:")) {
        Some(i) => lines[..i]
            .iter()
            .filter(|l| !l.starts_with("regex parse error"))
            .copied()
            .collect::<Vec<_>>()
            .join("\n"),
        None => String::new(),
    }
}

fn regex_message(err: &regex::Error) -> String {
    match err {
        regex::Error::Syntax(text) => {
            // The parser's message is a drawing of the pattern with a caret, then the error;
            // keep the last line ("error: …") first, then the drawing.
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            match lines.iter().rposition(|l| l.starts_with("error:")) {
                Some(i) => {
                    let what = lines[i].trim_start_matches("error:").trim();
                    format!("{what}\n{}", regex_drawing(err))
                }
                None => text.clone(),
            }
        }
        regex::Error::CompiledTooBig(limit) => {
            format!("it would take more than {} MB to run", limit >> 20)
        }
        other => other.to_string(),
    }
}

/// Byte ranges of `text` (in order) as code-point ranges, counted in one pass.
#[must_use]
pub fn bytes_to_chars(text: &str, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(ranges.len());
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut to = |target: usize| {
        let target = target.clamp(byte, text.len());
        chars += text[byte..target].chars().count();
        byte = target;
        chars
    };
    for r in ranges {
        let start = to(r.start);
        let end = to(r.end);
        out.push(start..end);
    }
    out
}

/// Every place `query` occurs in `text`, as non-overlapping code-point ranges of `text`, in
/// order: the reader's Find. A range runs from the first matched char to the last one, so
/// harakat and tatweel between matched letters are inside it; those after the last letter that
/// belong to it (its harakat, before the next letter) are included too. An empty query (after
/// folding) finds nothing.
#[must_use]
pub fn find_all(text: &str, query: &str, options: SearchOptions) -> Vec<Range<usize>> {
    match Matcher::with_folding(&Query::plain(query), options.folding()) {
        Ok(matcher) => matcher.find_chars(text),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::folding::fold_with;
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

    fn matched<'t>(text: &'t str, query: &Query) -> Vec<&'t str> {
        Matcher::new(query)
            .expect("a valid query")
            .find_chars(text)
            .into_iter()
            .map(|r| slice_chars(text, r.start, r.end))
            .collect()
    }

    #[test]
    fn the_stem_is_found_with_its_harakat() {
        let text = "بعد التحوُّلات الأخيرة";
        assert_eq!(found(text, "التحول", OPTS), vec!["التحوُّل"]);
        assert_eq!(found(text, "التحوّل", OPTS), vec!["التحوُّل"]);
    }

    #[test]
    fn every_spelling_variant_is_found() {
        // (text as written, query as typed): hamza forms, alef maqsura, taa marbuta, harakat,
        // tatweel, Latin case — each must be found, and the hit is the text as written.
        let variants = [
            ("الأمريكي", "الامريكي"),
            ("الامريكي", "الأمريكي"),
            ("إيران", "ايران"),
            ("آخر", "اخر"),
            ("ٱلعراق", "العراق"),
            ("مسؤول", "مسوول"),
            ("رئيس", "رييس"),
            ("مستوى", "مستوي"),
            ("مستوي", "مستوى"),
            ("العلاقة", "العلاقه"),
            ("العلاقه", "العلاقة"),
            ("التحوُّلات", "التحولات"),
            ("التحولات", "التحوُّلات"),
            ("عـــربي", "عربي"),
            ("عربي", "عــربي"),
            ("WASHINGTON", "Washington"),
            ("washington", "WASHINGTON"),
            ("Élysée", "élysée"),
        ];
        for (text, query) in variants {
            assert_eq!(
                matched(text, &Query::plain(query)),
                vec![text],
                "«{query}» should find «{text}»"
            );
        }
    }

    #[test]
    fn hamza_forms_fold_to_bare_alef_unless_letters_are_kept() {
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
    fn exact_search_counts_everything() {
        let exact = Query {
            exact: true,
            ..Query::plain("التحول")
        };
        assert!(matched("التحوُّلات", &exact).is_empty());
        let with_marks = Query {
            text: "التحوُّل".into(),
            ..exact.clone()
        };
        assert_eq!(matched("التحوُّلات", &with_marks), vec!["التحوُّل"]);
        let hamza = Query {
            text: "الامريكي".into(),
            ..exact.clone()
        };
        assert!(matched("الأمريكي", &hamza).is_empty());
        let case = Query {
            text: "Trump".into(),
            ..exact
        };
        assert_eq!(matched("Trump trump", &case), vec!["Trump"]);
    }

    #[test]
    fn whole_words_with_and_without_arabic_prefixes() {
        let text = "العراق والعراق بالعراق وبالعراق العراقية كالعراق";
        let word = |q: &str, whole_word| Query {
            whole_word,
            ..Query::plain(q)
        };
        // Plain search finds the name inside every word.
        assert_eq!(matched(text, &Query::plain("العراق")).len(), 6);
        // A whole word: only the bare one.
        assert_eq!(
            matched(text, &word("العراق", WholeWord::Word)),
            vec!["العراق"]
        );
        // With prefixes: والعراق, بالعراق, وبالعراق, كالعراق too, never العراقية.
        let with = Matcher::new(&word("العراق", WholeWord::WithPrefixes))
            .expect("valid")
            .find_chars(text);
        assert_eq!(with.len(), 5);
        let starts: Vec<usize> = with.iter().map(|r| r.start).collect();
        assert_eq!(starts, vec![0, 8, 16, 25, 42]);
        // «عراق» alone is not a word inside «العراقية», with or without prefixes.
        assert!(matched("العراقية", &word("عراق", WholeWord::WithPrefixes)).is_empty());
        assert!(matched("العراقية", &word("عراق", WholeWord::Word)).is_empty());
        // Letters before the hit that are not prefixes make it part of another word.
        assert!(matched("سالعراق", &word("العراق", WholeWord::WithPrefixes)).is_empty());
        // Latin words.
        assert_eq!(
            matched("Iran, Iranian; IRAN.", &word("iran", WholeWord::Word)),
            vec!["Iran", "IRAN"]
        );
    }

    #[test]
    fn a_regex_runs_on_the_folded_text_and_maps_back_to_the_original() {
        let text = "الانسحاب الأمريكيّ من العراق، والقوّات الأمريكية";
        let query = Query {
            regex: true,
            ..Query::plain(r"الامريكي(ه|ّ)?")
        };
        // Folded, «الأمريكيّ» is «الامريكي» and «الأمريكية» «الامريكيه»; the hits are the
        // characters as written, harakat included.
        assert_eq!(matched(text, &query), vec!["الأمريكيّ", "الأمريكية"]);
        let ranges = Matcher::new(&query).expect("valid").find_chars(text);
        assert_eq!(ranges[0], 9..18);
        // Arabic in the pattern is folded too: a hamza in the pattern finds the bare alef.
        let hamza = Query {
            regex: true,
            ..Query::plain(r"\bالأمريكي\w*")
        };
        assert_eq!(matched(text, &hamza), vec!["الأمريكيّ", "الأمريكية"]);
        // Case-insensitive unless exact.
        let latin = Query {
            regex: true,
            ..Query::plain(r"wash\w+")
        };
        assert_eq!(
            matched("Washington; WASHED", &latin),
            vec!["Washington", "WASHED"]
        );
    }

    #[test]
    fn a_bad_regex_says_what_is_wrong() {
        let query = Query {
            regex: true,
            ..Query::plain("(الامريكي")
        };
        let err = Matcher::new(&query).expect_err("unclosed group");
        let message = err.to_string();
        assert!(message.contains("unclosed group"), "{message}");
        assert!(message.contains("(الامريكي"), "{message}");
        let empty = Query {
            regex: true,
            ..Query::plain("a*")
        };
        assert!(matches!(
            Matcher::new(&empty),
            Err(QueryError::MatchesEmpty { .. })
        ));
        assert_eq!(
            Matcher::new(&Query::plain("ًّ")).err(),
            Some(QueryError::Empty)
        );
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
        // A tatweel after the last letter joins the next one: not in the hit.
        assert_eq!(found("عـــربي", "ع", OPTS), vec!["ع"]);
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

        #[test]
        fn whole_word_hits_fold_to_the_query_and_end_a_word(
            text in text_strategy(),
            query in text_strategy(),
            prefixes in any::<bool>(),
        ) {
            let whole_word = if prefixes { WholeWord::WithPrefixes } else { WholeWord::Word };
            let q = Query { whole_word, ..Query::plain(&query) };
            let Ok(matcher) = Matcher::new(&q) else { return Ok(()); };
            let want = fold_with(&query, OPTS).folded;
            for hit in matcher.find_chars(&text) {
                let got = fold_with(slice_chars(&text, hit.start, hit.end), OPTS).folded;
                prop_assert_eq!(&got, &want);
                let next = fold_with(slice_chars(&text, hit.end, text.chars().count()), OPTS)
                    .folded.chars().next();
                prop_assert!(!next.is_some_and(is_word_char));
            }
        }
    }
}
