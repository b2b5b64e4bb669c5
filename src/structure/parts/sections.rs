//! Sections: each heading's kind (from its words), its parent and its extent, and which
//! section each paragraph is in.

use crate::structure::blocks::headings::Found;
use crate::structure::blocks::paragraphs::Paragraph;
use crate::structure::types::{Section, SectionKind, Span};
use crate::structure::words::keywords::{Keywords, words};
use crate::structure::words::{conclusion, determinants, notes, scenarios};

/// A notes heading has at most this many words ("Notes and references").
const NOTES_HEADING_WORDS: usize = 4;

const RECOMMENDATIONS: Keywords = Keywords {
    words: &["توصيات", "مقترحات", "recommendation"],
    phrases: &[&["policy", "option"], &["what", "should"]],
};

const BACKGROUND: Keywords = Keywords {
    words: &["خلفيه", "سياق", "background", "context", "history"],
    phrases: &[],
};

const INTRODUCTION: Keywords = Keywords {
    words: &[
        "مقدمه",
        "تمهيد",
        "مدخل",
        "introduction",
        "overview",
        "intro",
    ],
    phrases: &[],
};

/// The sections of a text and where its paragraphs fall.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sections {
    pub sections: Vec<Section>,
    /// First and last paragraph of each section's heading.
    pub heading_paras: Vec<(usize, usize)>,
    /// The innermost section each paragraph is in (a heading is in its own section).
    pub of_para: Vec<Option<usize>>,
}

impl Sections {
    /// The section a paragraph belongs to as content: for a heading, the section around its
    /// own.
    pub fn owner(&self, para: usize, is_heading: bool) -> Option<usize> {
        let own = self.of_para.get(para).copied().flatten()?;
        if is_heading {
            self.sections[own].parent
        } else {
            Some(own)
        }
    }

    /// The first kind other than [`SectionKind::Other`] among `section` and its ancestors.
    pub fn effective_kind(&self, section: Option<usize>) -> SectionKind {
        let mut current = section;
        // Parents always come earlier, so this ends; the bound is a second guard.
        for _ in 0..=self.sections.len() {
            let Some(s) = current else { break };
            let section = &self.sections[s];
            if section.kind != SectionKind::Other {
                return section.kind;
            }
            current = section.parent;
        }
        SectionKind::Other
    }
}

/// What a heading's words make its section.
pub(crate) fn classify(heading: &str) -> SectionKind {
    let w = words(heading);
    if w.len() <= NOTES_HEADING_WORDS && notes::HEADING.opens(&w, 1) {
        SectionKind::Notes
    } else if conclusion::HEADING.opens(&w, conclusion::WITHIN) {
        SectionKind::Conclusion
    } else if scenarios::HEADING.found_in(&w) {
        SectionKind::Scenarios
    } else if determinants::HEADING.found_in(&w) {
        SectionKind::Determinants
    } else if determinants::MOTIVES.found_in(&w) {
        SectionKind::Motives
    } else if RECOMMENDATIONS.found_in(&w) {
        SectionKind::Recommendations
    } else if BACKGROUND.found_in(&w) {
        SectionKind::Background
    } else if INTRODUCTION.opens(&w, 1) {
        SectionKind::Introduction
    } else {
        SectionKind::Other
    }
}

/// The sections of the found headings, with kinds and parents; extents reach to the next
/// heading of the same or a higher level (see [`end_before_notes`] for the notes).
pub(crate) fn build(text: &str, paras: &[Paragraph], found: &Found) -> Sections {
    let mut sections: Vec<Section> = Vec::with_capacity(found.headings.len());
    let mut heading_paras = Vec::with_capacity(found.headings.len());
    let mut open: Vec<usize> = Vec::new();
    let mut ends = vec![paras.len(); found.headings.len()];
    for (k, h) in found.headings.iter().enumerate() {
        while let Some(&top) = open.last() {
            if sections[top].level < h.level {
                break;
            }
            ends[top] = h.first;
            open.pop();
        }
        let own = paras
            .get(h.first)
            .and_then(|p| {
                let end = paras.get(h.last).map_or(p.byte_end, |q| q.byte_end);
                text.get(p.byte_start..end)
            })
            .unwrap_or("");
        sections.push(Section {
            heading: h.span,
            level: h.level,
            kind: classify(own),
            extent: h.span,
            parent: open.last().copied(),
        });
        heading_paras.push((h.first, h.last));
        open.push(k);
    }
    let mut out = Sections {
        sections,
        heading_paras,
        of_para: vec![None; paras.len()],
    };
    out.set_extents(paras, &ends);
    let mut next = 0;
    let mut current = None;
    for (i, slot) in out.of_para.iter_mut().enumerate() {
        while next < out.heading_paras.len() && out.heading_paras[next].0 <= i {
            current = Some(next);
            next += 1;
        }
        *slot = current;
    }
    out
}

impl Sections {
    /// Sets each section's extent to end with the paragraph before `ends[k]`.
    fn set_extents(&mut self, paras: &[Paragraph], ends: &[usize]) {
        for (k, section) in self.sections.iter_mut().enumerate() {
            let last_heading = self.heading_paras[k].1;
            let end = ends[k].max(last_heading + 1).min(paras.len());
            let last = paras
                .get(end.wrapping_sub(1))
                .map_or(section.heading.end, |p| p.span.end);
            section.extent = Span::new(section.heading.start, last.max(section.heading.end));
        }
    }
}

/// Ends the sections before the notes start at paragraph `notes` (those that begin before it
/// and are not notes).
pub(crate) fn end_before_notes(sections: &mut Sections, paras: &[Paragraph], notes: usize) {
    let ends: Vec<usize> = (0..sections.sections.len())
        .map(|k| {
            let (first, _) = sections.heading_paras[k];
            let end = paras.partition_point(|p| p.span.end <= sections.sections[k].extent.end);
            if first < notes && sections.sections[k].kind != SectionKind::Notes {
                end.min(notes)
            } else {
                end
            }
        })
        .collect();
    sections.set_extents(paras, &ends);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_classified_by_their_words() {
        let cases = [
            (
                "تحوُّل العلاقات الأمريكية العراقية بعد انتهاء حرب داعش",
                SectionKind::Other,
            ),
            ("دوافع الانسحاب الأمريكي", SectionKind::Motives),
            (
                "محدِّدات مؤثِّرة في مستقبل العلاقات الأمريكية مع العراق",
                SectionKind::Determinants,
            ),
            ("سيناريوهات مستقبلية متوقَّعة", SectionKind::Scenarios),
            ("الخُلاصة", SectionKind::Conclusion),
            ("الهوامش", SectionKind::Notes),
            ("المراجع والمصادر", SectionKind::Notes),
            ("Why the disruption has lasted", SectionKind::Motives),
            (
                "Drivers shaping the future of Red Sea traffic",
                SectionKind::Determinants,
            ),
            ("Possible scenarios", SectionKind::Scenarios),
            ("Key judgements", SectionKind::Conclusion),
            ("Bottom line", SectionKind::Conclusion),
            ("Notes", SectionKind::Notes),
            ("References", SectionKind::Notes),
            ("Sources of instability in the Gulf", SectionKind::Other),
            ("Recommendations", SectionKind::Recommendations),
            ("Background", SectionKind::Background),
            ("مقدمة", SectionKind::Introduction),
        ];
        for (heading, kind) in cases {
            assert_eq!(classify(heading), kind, "{heading}");
        }
    }
}
