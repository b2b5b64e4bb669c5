//! Paragraphs as read → the brief's text, following the import text conventions
//! (see [`crate::import`]), with heading ranges in code points and the notes after the body.
//!
//! Notes are numbered as the reader meets their markers: footnotes 1, 2, 3… in the order of
//! their first reference, then endnotes continuing the count (Word would number endnotes i, ii,
//! iii… apart from footnotes; one sequence keeps every `[n]` unique in the text). The notes
//! follow the body in that order, footnotes first, each a paragraph `"[n] text"` (a note's own
//! paragraphs joined by line breaks).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::super::{Heading, ImportWarning};
use super::body::{NoteKind, Paragraph};

/// The text and what was learned putting it together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Assembled {
    pub text: String,
    pub headings: Vec<Heading>,
    /// The text of the first paragraph in a "Title" style.
    pub title: Option<String>,
    /// Body paragraphs with text, and how many of them are right-to-left.
    pub paragraphs: usize,
    pub rtl_paragraphs: usize,
    pub warnings: Vec<ImportWarning>,
}

/// Puts the body and the notes together.
pub(super) fn assemble(
    body: &[Paragraph],
    footnotes: &[Paragraph],
    endnotes: &[Paragraph],
) -> Assembled {
    let numbers = number_notes(body);
    let mut out = Output::default();
    let mut assembled = Assembled::default();
    for paragraph in body {
        let text = clean(&render(paragraph, &numbers));
        if text.is_empty() {
            continue;
        }
        let body_text = clean(&render_without_label(paragraph, &numbers));
        let (start, end) = out.push(&text);
        assembled.paragraphs += 1;
        if paragraph.bidi {
            assembled.rtl_paragraphs += 1;
        }
        if let Some(level) = paragraph.heading {
            assembled.headings.push(Heading { start, end, level });
        }
        if paragraph.title && assembled.title.is_none() {
            assembled.title = Some(body_text.replace('\n', " "));
        }
    }
    let mut ordered: Vec<(&(NoteKind, String), &usize)> = numbers.iter().collect();
    ordered.sort_by_key(|(_, n)| **n);
    for ((kind, id), n) in ordered {
        let part = match kind {
            NoteKind::Foot => footnotes,
            NoteKind::End => endnotes,
        };
        let lines: Vec<String> = part
            .iter()
            .filter(|p| p.note.as_deref() == Some(id.as_str()))
            .map(|p| clean(&render(p, &numbers)))
            .filter(|t| !t.is_empty())
            .collect();
        if lines.is_empty() && !part.iter().any(|p| p.note.as_deref() == Some(id.as_str())) {
            let kind = match kind {
                NoteKind::Foot => crate::import::NoteKind::Footnote,
                NoteKind::End => crate::import::NoteKind::Endnote,
            };
            assembled
                .warnings
                .push(ImportWarning::NoteMissing { kind, number: *n });
            continue;
        }
        out.push(&clean(&format!("[{n}] {}", lines.join("\n"))));
    }
    assembled.text = out.text;
    assembled
}

/// The number of each note referenced in the body.
fn number_notes(body: &[Paragraph]) -> HashMap<(NoteKind, String), usize> {
    let mut numbers = HashMap::new();
    for kind in [NoteKind::Foot, NoteKind::End] {
        for note in body
            .iter()
            .flat_map(|p| &p.notes)
            .filter(|r| r.kind == kind)
        {
            let next = numbers.len() + 1;
            numbers.entry((kind, note.id.clone())).or_insert(next);
        }
    }
    numbers
}

/// A paragraph's label and text with `[n]` where its notes are referenced.
fn render(paragraph: &Paragraph, numbers: &HashMap<(NoteKind, String), usize>) -> String {
    let body = render_without_label(paragraph, numbers);
    format!("{}{}", paragraph.label, body.trim_start())
}

fn render_without_label(
    paragraph: &Paragraph,
    numbers: &HashMap<(NoteKind, String), usize>,
) -> String {
    let mut text = String::with_capacity(paragraph.text.len() + paragraph.notes.len() * 4);
    let mut from = 0;
    for note in &paragraph.notes {
        let at = note.at.clamp(from, paragraph.text.len());
        text.push_str(paragraph.text.get(from..at).unwrap_or_default());
        from = at;
        if let Some(n) = numbers.get(&(note.kind, note.id.clone())) {
            text.push_str(&format!("[{n}]"));
        }
    }
    text.push_str(paragraph.text.get(from..).unwrap_or_default());
    text
}

/// A paragraph's text as the conventions want it: no direction marks, byte-order marks or
/// control characters, NFC, every line trimmed, no empty lines.
pub(super) fn clean(raw: &str) -> String {
    let mapped: String = raw
        .chars()
        .filter_map(|c| match c {
            '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}' => None,
            '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}' => {
                Some('\n')
            }
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let nfc: String = mapped.nfc().collect();
    let lines: Vec<&str> = nfc
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// The text being built, with its length in code points.
#[derive(Default)]
struct Output {
    text: String,
    chars: usize,
}

impl Output {
    /// Appends a paragraph (after a blank line) and returns its range in code points.
    fn push(&mut self, paragraph: &str) -> (usize, usize) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
            self.chars += 2;
        }
        let start = self.chars;
        self.text.push_str(paragraph);
        self.chars += paragraph.chars().count();
        (start, self.chars)
    }
}

#[cfg(test)]
mod tests {
    use super::super::body::NoteRef;
    use super::*;

    fn paragraph(text: &str) -> Paragraph {
        Paragraph {
            text: text.into(),
            ..Paragraph::default()
        }
    }

    fn note_ref(at: usize, kind: NoteKind, id: &str) -> NoteRef {
        NoteRef {
            at,
            kind,
            id: id.into(),
        }
    }

    #[test]
    fn cleaning_follows_the_conventions() {
        assert_eq!(
            clean("\u{feff} \u{200f}cafe\u{301}\t \n\n\u{202b}x\u{202c}\u{1}  \r\nend "),
            "café\nx\nend"
        );
    }

    #[test]
    fn headings_get_code_point_ranges_and_labels_lead_items() {
        let mut title = paragraph("العنوان");
        title.heading = Some(1);
        title.title = true;
        title.bidi = true;
        let mut item = paragraph("  تهديدات");
        item.label = "1. ".into();
        item.bidi = true;
        let assembled = assemble(&[title, paragraph("body"), item], &[], &[]);
        assert_eq!(assembled.text, "العنوان\n\nbody\n\n1. تهديدات");
        assert_eq!(
            assembled.headings,
            [Heading {
                start: 0,
                end: 7,
                level: 1
            }]
        );
        assert_eq!(assembled.title.as_deref(), Some("العنوان"));
        assert_eq!((assembled.paragraphs, assembled.rtl_paragraphs), (3, 2));
    }

    #[test]
    fn footnotes_then_endnotes_are_numbered_in_reference_order() {
        let mut first = paragraph("a b c");
        first.notes = vec![
            note_ref(1, NoteKind::End, "2"),
            note_ref(3, NoteKind::Foot, "7"),
        ];
        let mut second = paragraph("d");
        second.notes = vec![
            note_ref(1, NoteKind::Foot, "5"),
            note_ref(1, NoteKind::Foot, "9"),
        ];
        let note = |id: &str, text: &str| Paragraph {
            note: Some(id.into()),
            ..paragraph(text)
        };
        let footnotes = [note("5", " five"), note("7", "seven"), note("7", "more")];
        let endnotes = [note("2", "two")];
        let assembled = assemble(&[first, second], &footnotes, &endnotes);
        assert_eq!(
            assembled.text,
            "a[4] b[1] c\n\nd[2][3]\n\n[1] seven\nmore\n\n[2] five\n\n[4] two"
        );
        assert_eq!(
            assembled.warnings,
            [ImportWarning::NoteMissing {
                kind: crate::import::NoteKind::Footnote,
                number: 3
            }]
        );
        assert_eq!(
            assembled.warnings[0].to_string(),
            "footnote [3] is referenced but missing from the file"
        );
    }
}
