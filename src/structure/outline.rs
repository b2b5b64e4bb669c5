//! The outline a reader shows to jump between parts of a brief.

use super::types::{BriefStructure, SectionKind, Span};

/// What an outline entry leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutlineKind {
    Title,
    /// A section heading, with what the section is about (the conclusion and the notes are
    /// sections of kinds [`SectionKind::Conclusion`] and [`SectionKind::Notes`]).
    Section(SectionKind),
    /// The notes, when they have no heading: the reader names the entry itself («الهوامش»,
    /// "Notes"); its span is the first note.
    Notes,
}

/// One entry of the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    pub kind: OutlineKind,
    /// 1 for the title; a section's level; the notes without a heading are at the level of the
    /// top sections.
    pub level: u8,
    /// Where to jump, and (but for [`OutlineKind::Notes`]) the text to show.
    pub span: Span,
}

impl BriefStructure {
    /// The entries a reader shows to jump between parts of the brief: the title, the section
    /// headings with their levels (the conclusion and notes among them), and the notes when
    /// they have no heading of their own.
    #[must_use]
    pub fn outline(&self) -> Vec<OutlineEntry> {
        entries(self)
    }
}

/// The outline of `structure`, in text order.
fn entries(structure: &BriefStructure) -> Vec<OutlineEntry> {
    let mut out = Vec::with_capacity(structure.sections.len() + 2);
    if let Some(span) = structure.title {
        out.push(OutlineEntry {
            kind: OutlineKind::Title,
            level: 1,
            span,
        });
    }
    out.extend(structure.sections.iter().map(|s| OutlineEntry {
        kind: OutlineKind::Section(s.kind),
        level: s.level,
        span: s.heading,
    }));
    let headed = structure
        .sections
        .iter()
        .any(|s| s.kind == SectionKind::Notes);
    let first_note = structure
        .footnotes
        .iter()
        .filter_map(|f| f.reference)
        .min_by_key(|r| r.start);
    if !headed && let Some(span) = first_note {
        let level = structure
            .sections
            .iter()
            .map(|s| s.level)
            .min()
            .unwrap_or(2);
        out.push(OutlineEntry {
            kind: OutlineKind::Notes,
            level,
            span,
        });
    }
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out
}
