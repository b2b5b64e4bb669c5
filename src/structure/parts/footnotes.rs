//! Footnotes: the notes after the body (`[n] text` paragraphs, or numbered paragraphs under a
//! notes heading such as «الهوامش» or "Notes") and the markers in the body that refer to them
//! (`[n]`, `[١]`, superscript digits ¹²³, `(n)` against a word), linked by number. A `[n]`
//! with no note is kept unlinked; a superscript or `(n)` with no note is dropped, since "km²"
//! and "(1)" are not always markers.

use std::collections::BTreeMap;

use super::sections::Sections;
use crate::structure::blocks::paragraphs::{Paragraph, Shape};
use crate::structure::types::{Footnote, LabelStyle, MAX_MARKERS, SectionKind, Span};
use crate::structure::words::chars::is_blank;
use crate::structure::words::notes::{NOTE_DIGITS, closed_number};
use crate::structure::words::numbers::{digit_value, superscript_value};

/// The paragraphs that hold the notes: `first..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NotesRegion {
    pub first: usize,
    pub end: usize,
    /// Whether it starts with a notes heading (then plainly numbered paragraphs are notes too).
    pub headed: bool,
}

impl NotesRegion {
    /// Whether paragraph `i` is in it.
    pub fn contains(&self, i: usize) -> bool {
        (self.first..self.end).contains(&i)
    }
}

/// Where the notes are: from a notes heading, or else from the first `[1] text` paragraph (the
/// first `[n] text` one if none is numbered 1), to the next heading that is not about notes.
pub(crate) fn notes_region(
    paras: &[Paragraph],
    shapes: &[Shape],
    sections: &Sections,
) -> Option<NotesRegion> {
    if let Some(k) = sections
        .sections
        .iter()
        .position(|s| s.kind == SectionKind::Notes)
    {
        let level = sections.sections[k].level;
        let first = sections.heading_paras[k].0;
        let end = (k + 1..sections.sections.len())
            .find(|&j| {
                sections.sections[j].level <= level
                    && sections.sections[j].kind != SectionKind::Notes
            })
            .map_or(paras.len(), |j| sections.heading_paras[j].0);
        return Some(NotesRegion {
            first,
            end,
            headed: true,
        });
    }
    let first = shapes
        .iter()
        .position(|s| s.note.is_some_and(|(n, _)| n == 1))
        .or_else(|| shapes.iter().position(|s| s.note.is_some()))?;
    let end = sections
        .heading_paras
        .iter()
        .map(|(f, _)| *f)
        .find(|f| *f > first)
        .unwrap_or(paras.len());
    Some(NotesRegion {
        first,
        end,
        headed: false,
    })
}

/// The number of a note paragraph in the notes region, if it is one.
fn reference_number(own: &str, shape: &Shape, headed: bool) -> Option<u32> {
    if let Some((n, _)) = shape.note {
        return Some(n);
    }
    if let Some(label) = shape.label
        && label.style == LabelStyle::Decimal
    {
        return Some(label.number);
    }
    let mut chars = own.chars().peekable();
    let mut value = 0;
    let mut digits = 0;
    let superscript = chars
        .peek()
        .is_some_and(|c| superscript_value(*c).is_some());
    while let Some(&c) = chars.peek() {
        let d = if superscript {
            superscript_value(c)
        } else {
            digit_value(c)
        };
        let Some(d) = d else { break };
        digits += 1;
        if digits > NOTE_DIGITS {
            return None;
        }
        value = value * 10 + d;
        chars.next();
    }
    let spaced = chars.next().is_some_and(is_blank);
    (digits > 0 && value > 0 && spaced && (superscript || headed)).then_some(value)
}

/// The footnotes of a text: each note with the markers that refer to it, markers with no note
/// and notes with no marker, by number.
pub(crate) fn link(
    text: &str,
    paras: &[Paragraph],
    shapes: &[Shape],
    sections: &Sections,
    notes: Option<&NotesRegion>,
) -> Vec<Footnote> {
    let mut references: Vec<(u32, Span)> = Vec::new();
    let mut markers: BTreeMap<u32, Vec<Span>> = BTreeMap::new();
    let mut weak: BTreeMap<u32, Vec<Span>> = BTreeMap::new();
    let mut marker_count = 0;
    for (i, p) in paras.iter().enumerate() {
        let own = p.text(text);
        if let Some(region) = notes.filter(|r| r.contains(i)) {
            let is_heading = sections.of_para[i].is_some_and(|k| {
                (sections.heading_paras[k].0..=sections.heading_paras[k].1).contains(&i)
            }) && shapes[i].note.is_none();
            if !is_heading && let Some(n) = reference_number(own, &shapes[i], region.headed) {
                references.push((n, p.span));
            }
            continue;
        }
        if marker_count >= MAX_MARKERS {
            continue;
        }
        for m in markers_in(own, p.span.start) {
            marker_count += 1;
            let map = if m.weak { &mut weak } else { &mut markers };
            map.entry(m.number).or_default().push(m.span);
            if marker_count >= MAX_MARKERS {
                break;
            }
        }
    }
    let mut out: Vec<Footnote> = Vec::with_capacity(references.len());
    for (number, span) in references {
        let mut found = markers.remove(&number).unwrap_or_default();
        if let Some(more) = weak.remove(&number) {
            found.extend(more);
            found.sort_unstable();
        }
        out.push(Footnote {
            number,
            markers: found,
            reference: Some(span),
        });
    }
    out.extend(markers.into_iter().map(|(number, markers)| Footnote {
        number,
        markers,
        reference: None,
    }));
    out.sort_by_key(|f| f.number);
    out
}

/// A marker in the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    number: u32,
    span: Span,
    /// Superscripts and bracketed numbers are also units ("km²") and enumerations
    /// ("(1)"): such a marker is kept only when a note has its number.
    weak: bool,
}

/// The markers in a paragraph that starts at code point `start`: `[n]`, runs of superscript
/// digits after a character, and `(n)` written against the word before it («العراق(1)»).
fn markers_in(own: &str, start: usize) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = own.char_indices().enumerate().peekable();
    while let Some((index, (offset, c))) = chars.next() {
        let attached = previous.is_some_and(|p| !is_blank(p) && p != '(' && p != '[');
        previous = Some(c);
        if c == '[' || (c == '(' && attached) {
            let close = if c == '[' { ']' } else { ')' };
            if let Some((number, len)) = closed_number(&own[offset + 1..], close) {
                let count = own[offset..offset + 1 + len].chars().count();
                out.push(Marker {
                    number,
                    span: Span::new(start + index, start + index + count),
                    weak: c == '(',
                });
            }
        } else if superscript_value(c).is_some() && index > 0 {
            let mut value = 0u32;
            let mut count = 0;
            let mut d = superscript_value(c);
            while let Some(digit) = d {
                value = value.saturating_mul(10).saturating_add(digit);
                count += 1;
                d = chars.peek().and_then(|(_, (_, c))| superscript_value(*c));
                if let Some((_, (_, c))) = d.and_then(|_| chars.next()) {
                    previous = Some(c);
                }
            }
            if value > 0 && count <= NOTE_DIGITS {
                out.push(Marker {
                    number: value,
                    span: Span::new(start + index, start + index + count),
                    weak: true,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_the_body() {
        let found: Vec<(u32, Span, bool)> = markers_in(
            "في توتُّر [1] . Europe.[2] x¹² and [١] [x] [0] العراق(3) و (4)",
            10,
        )
        .into_iter()
        .map(|m| (m.number, m.span, m.weak))
        .collect();
        assert_eq!(
            found,
            vec![
                (1, Span::new(20, 23), false),
                (2, Span::new(33, 36), false),
                (12, Span::new(38, 40), true),
                (1, Span::new(45, 48), false),
                (3, Span::new(63, 66), true),
            ]
        );
        assert!(markers_in("¹ at the start", 0).is_empty());
    }

    #[test]
    fn plainly_numbered_notes_only_under_a_heading() {
        let shape = Shape {
            label: None,
            note: None,
        };
        assert_eq!(reference_number("¹ Reuters", &shape, false), Some(1));
        assert_eq!(reference_number("3 Reuters", &shape, true), Some(3));
        assert_eq!(reference_number("3 Reuters", &shape, false), None);
    }
}
