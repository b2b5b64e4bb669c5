//! Splitting a text into paragraphs: runs of lines between blank lines, where a line of spaces
//! (no-break spaces included) is blank, and a line break inside a run also starts a paragraph
//! unless the line before it is a long one cut mid-sentence (a `<br>` or a hard wrap).

use crate::structure::types::Span;
use crate::structure::words::chars::is_blank;
use crate::structure::words::labels::{self, Label};
use crate::structure::words::notes;
use crate::structure::words::numbers::{digit_value, superscript_value};

/// A line with more words than this, not ended by punctuation, runs on into the next line.
const RUN_ON_WORDS: usize = 16;

/// A paragraph: its trimmed text as code points and bytes, and what the splitter counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Paragraph {
    pub span: Span,
    pub byte_start: usize,
    pub byte_end: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// Its last character.
    pub last: char,
    /// Whether it holds a letter.
    pub has_letter: bool,
}

/// What a paragraph starts with: an item label or a note label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shape {
    pub label: Option<Label>,
    /// The number of a `[n] text` note, and the byte length (in the paragraph) of its label.
    pub note: Option<(u32, usize)>,
}

impl Paragraph {
    /// Its text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.byte_start..self.byte_end).unwrap_or("")
    }

    /// The code-point offset in the whole text of byte `offset` of the paragraph (clamped to
    /// it, and moved back to a char boundary). Counts from the paragraph's start.
    pub fn char_at(&self, text: &str, offset: usize) -> usize {
        let own = self.text(text);
        let mut offset = offset.min(own.len());
        while !own.is_char_boundary(offset) {
            offset -= 1;
        }
        self.span.start + own[..offset].chars().count()
    }

    /// How it starts.
    pub fn shape(&self, text: &str) -> Shape {
        let own = self.text(text);
        Shape {
            label: labels::parse(own),
            note: notes::note_label(own),
        }
    }
}

/// One non-blank line, trimmed.
#[derive(Clone, Copy)]
struct Line {
    span: Span,
    byte_start: usize,
    byte_end: usize,
    words: usize,
    first: char,
    last: char,
    has_letter: bool,
}

/// Splits `text` into its paragraphs, in order.
pub(crate) fn split(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<(Paragraph, Line)> = None;
    let mut byte = 0;
    let mut chars = 0;
    for raw in text.split('\n') {
        let (line, count) = scan(raw, byte, chars);
        byte += raw.len() + 1;
        chars += count + 1;
        let Some(line) = line else {
            if let Some((p, _)) = current.take() {
                out.push(p);
            }
            continue;
        };
        current = Some(match current.take() {
            Some((mut p, previous)) if runs_on(&previous, &line) => {
                p.span.end = line.span.end;
                p.byte_end = line.byte_end;
                p.words += line.words;
                p.last = line.last;
                p.has_letter |= line.has_letter;
                (p, line)
            }
            other => {
                if let Some((p, _)) = other {
                    out.push(p);
                }
                let p = Paragraph {
                    span: line.span,
                    byte_start: line.byte_start,
                    byte_end: line.byte_end,
                    words: line.words,
                    last: line.last,
                    has_letter: line.has_letter,
                };
                (p, line)
            }
        });
    }
    if let Some((p, _)) = current {
        out.push(p);
    }
    out
}

/// The trimmed line (`None` when blank) and its length in code points.
fn scan(raw: &str, byte: usize, chars: usize) -> (Option<Line>, usize) {
    let mut count = 0;
    let mut first: Option<(usize, usize, char)> = None;
    let mut last: Option<(usize, usize, char)> = None;
    let mut words = 0;
    let mut in_word = false;
    let mut has_letter = false;
    for (offset, c) in raw.char_indices() {
        if is_blank(c) {
            in_word = false;
        } else {
            if !in_word {
                words += 1;
                in_word = true;
            }
            has_letter |= c.is_alphabetic();
            if first.is_none() {
                first = Some((offset, count, c));
            }
            last = Some((offset + c.len_utf8(), count + 1, c));
        }
        count += 1;
    }
    let line = match (first, last) {
        (Some((b0, c0, f)), Some((b1, c1, l))) => Some(Line {
            span: Span::new(chars + c0, chars + c1),
            byte_start: byte + b0,
            byte_end: byte + b1,
            words,
            first: f,
            last: l,
            has_letter,
        }),
        _ => None,
    };
    (line, count)
}

/// Whether `line` continues the paragraph whose last line is `previous`: that line is long and
/// stops mid-sentence, and this one does not start like a list item or a note.
fn runs_on(previous: &Line, line: &Line) -> bool {
    previous.words > RUN_ON_WORDS && !ends_sentence(previous.last) && !starts_like_label(line.first)
}

/// Punctuation that ends a sentence, a lead-in or a quotation.
pub(crate) fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | ':' | ';' | '؛' | '…' | '۔' | '»' | '"' | '”' | ')' | ']'
    )
}

fn starts_like_label(c: char) -> bool {
    digit_value(c).is_some()
        || superscript_value(c).is_some()
        || matches!(
            c,
            '[' | '(' | '-' | '–' | '—' | '•' | '*' | '·' | '▪' | '◦' | '●'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|p| p.text(text)).collect()
    }

    #[test]
    fn blank_lines_and_lines_of_spaces_separate_paragraphs() {
        let text = "Title \n\nFirst one.\u{a0}\n\u{a0}\n\n\u{a0} \nSecond one.";
        assert_eq!(texts(text), vec!["Title", "First one.", "Second one."]);
        let p = split(text);
        assert_eq!(p[1].span, Span::new(8, 18));
        assert_eq!(p[1].last, '.');
        assert_eq!(p[0].words, 1);
    }

    #[test]
    fn single_newlines_separate_short_lines_and_sentences() {
        let text = "الخلاصة\nجملة قصيرة.\n2025-09-25\n163 مشاهدة\nDownload PDF";
        assert_eq!(
            texts(text),
            vec![
                "الخلاصة",
                "جملة قصيرة.",
                "2025-09-25",
                "163 مشاهدة",
                "Download PDF"
            ]
        );
    }

    #[test]
    fn a_long_line_cut_mid_sentence_runs_on() {
        let long = "word ".repeat(20);
        let text = format!("{long}\nand the end.\n1. an item");
        let got = texts(&text);
        assert_eq!(got.len(), 2);
        assert!(got[0].ends_with("and the end."));
        assert_eq!(got[1], "1. an item");
    }

    #[test]
    fn spans_count_code_points() {
        let text = "شكَّل\n\nب";
        let p = split(text);
        assert_eq!(p[0].span, Span::new(0, 5));
        assert_eq!(p[1].span, Span::new(7, 8));
        assert_eq!(p[1].char_at(text, 99), 8);
    }

    #[test]
    fn empty_and_blank_texts_have_no_paragraphs() {
        assert!(split("").is_empty());
        assert!(split("\n\n \u{a0}\n\u{200f}").is_empty());
    }
}
