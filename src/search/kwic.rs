//! Keyword in context: a hit with a few words on each side, within its line.

use std::ops::Range;

/// A hit and the words around it, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Context {
    /// Up to the asked number of words before the hit, in the same line.
    pub before: String,
    /// The hit as written.
    pub hit: String,
    /// Up to the asked number of words after the hit, in the same line.
    pub after: String,
    /// Whether the line goes on before `before` / after `after`.
    pub cut_before: bool,
    pub cut_after: bool,
}

impl Context {
    /// The context on one line: `… before hit after …`.
    #[must_use]
    pub fn line(&self) -> String {
        let mut out = String::new();
        if self.cut_before {
            out.push('…');
        }
        out.push_str(&self.before);
        out.push_str(&self.hit);
        out.push_str(&self.after);
        if self.cut_after {
            out.push('…');
        }
        out
    }
}

/// The hit at bytes `hit` of `text` with `words` words on each side (fewer at the start or
/// end of its line; a hit over several lines keeps them).
#[must_use]
pub fn context(text: &str, hit: Range<usize>, words: usize) -> Context {
    let start = hit.start.min(text.len());
    let end = hit.end.clamp(start, text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);

    // Walk back over `words` words (and the spaces before each).
    let before_text = &text[line_start..start];
    let mut from = before_text.len();
    // A hit inside a word takes the rest of that word with it, without counting it.
    let partial = |c: Option<char>| usize::from(c.is_some_and(|c| !c.is_whitespace()));
    for _ in 0..words + partial(before_text.chars().next_back()) {
        let trimmed = before_text[..from].trim_end();
        if trimmed.is_empty() {
            from = 0;
            break;
        }
        from = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    }
    let after_text = &text[end..line_end];
    let mut to = 0;
    for _ in 0..words + partial(after_text.chars().next()) {
        let rest = &after_text[to..];
        let skip = rest.len() - rest.trim_start().len();
        if skip == rest.len() {
            to = after_text.len();
            break;
        }
        let word = rest[skip..]
            .find(char::is_whitespace)
            .map_or(rest.len() - skip, |i| i);
        to += skip + word;
    }
    Context {
        before: before_text[from..].to_owned(),
        hit: text[start..end].to_owned(),
        after: after_text[..to].to_owned(),
        cut_before: from > 0 && !before_text[..from].trim().is_empty(),
        cut_after: !after_text[to..].trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str, words: usize) -> Context {
        let start = text.find(needle).expect("needle in text");
        context(text, start..start + needle.len(), words)
    }

    #[test]
    fn a_few_words_each_side_within_the_line() {
        let text = "first line\nقال الرئيس إن الانسحاب من العراق سيكتمل قبل نهاية العام\nlast";
        let c = at(text, "العراق", 2);
        assert_eq!(c.before, "الانسحاب من ");
        assert_eq!(c.hit, "العراق");
        assert_eq!(c.after, " سيكتمل قبل");
        assert!(c.cut_before && c.cut_after);
        assert_eq!(c.line(), "…الانسحاب من العراق سيكتمل قبل…");
        let first = at(text, "قال", 3);
        assert_eq!(first.before, "");
        assert!(!first.cut_before);
        let whole = at(text, "العام", 5);
        assert_eq!(whole.after, "");
        assert!(!whole.cut_after);
    }

    #[test]
    fn a_hit_inside_a_word_keeps_the_word_around_it() {
        let text = "من والعراقية إلى";
        let c = at(text, "العراق", 1);
        assert_eq!(c.line(), "من والعراقية إلى");
    }
}
