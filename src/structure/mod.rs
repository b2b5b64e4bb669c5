//! Finding the structure of a brief: its title and date, section headings, numbered lists,
//! footnotes, and the determinants and scenarios it names, so the reader can offer an outline
//! and the analyst can accept, edit or dismiss proposed determinants and scenarios.
//!
//! Plain Rust: no egui, no IO. [`detect`] reads a text that follows the conventions of
//! [`crate::import`] (paragraphs separated by blank lines) but tolerates what real texts hold:
//! trailing spaces and no-break spaces, lines of spaces only, paragraphs separated by single
//! newlines. Every position is a range of code points of the text ([`Span`]), as passage anchors
//! are, so a span can become an anchor as it is.
//!
//! Detection is linear in the length of the text and never panics; keywords are matched with
//! Arabic harakat, tatweel and hamza forms folded ([`crate::search::fold_for_search`]).
//!
//! The folder is in layers, each reading only the layers below it, so there is no import
//! cycle inside it:
//!
//! 1. `types`: the data detection reports ([`Span`], [`Section`], [`Item`], [`Proposal`] …).
//! 2. `words`, the text primitives: `chars` (blank characters, the article), `numbers`
//!    (numerals and ordinals), `tokens` (folded words), `keywords` (stems and keyword lists),
//!    `dates`, the vocabulary of `determinants`, `scenarios`, `conclusion` and `notes`, and
//!    `labels` (what a paragraph starts with: «أولاً:», "1.", "Scenario A —").
//! 3. `blocks`: `paragraphs` splits the text, `front_matter` and `headings` find the title,
//!    the date and the section headings.
//! 4. `parts`: `sections` classifies and nests the headings, `footnotes` links markers to
//!    notes, `items` groups labelled paragraphs into lists.
//! 5. On top: `proposals` turns items into proposed determinants and scenarios, `outline`
//!    lists what a reader jumps between, `existing` tells which proposals the analysis already
//!    holds, `accept` turns chosen proposals into one edit, and [`detect`] runs the layers.

mod accept;
mod blocks;
mod existing;
mod outline;
mod parts;
mod proposals;
mod types;
mod words;

use crate::model::Heading;

pub use accept::{Accepted, Choice, accept};
pub use existing::{InAnalysis, in_analysis, is_accepted};
pub use outline::{OutlineEntry, OutlineKind};
pub use types::{
    BriefDate, BriefStructure, Footnote, Item, ItemRole, LabelStyle, List, MAX_DESCRIPTION_CHARS,
    MAX_ITEMS, MAX_MARKERS, MAX_NAME_CHARS, MAX_PROPOSALS, Proposal, ProposalKind, Section,
    SectionKind, Span,
};

/// Finds the structure of `text`. `headings` are the headings its source format marked (see
/// [`crate::import::ImportedDocument::headings`]); when there are any they are the sections
/// (the first level-1 heading before the body is the title), otherwise headings are guessed:
/// a short paragraph with no final full stop, not a list item or note, followed by a longer
/// paragraph. Headings outside the text or empty are ignored.
#[must_use]
pub fn detect(text: &str, headings: &[Heading]) -> BriefStructure {
    let paras = blocks::paragraphs::split(text);
    let shapes: Vec<blocks::paragraphs::Shape> = paras.iter().map(|p| p.shape(text)).collect();
    let found = blocks::headings::find(text, &paras, &shapes, headings);
    let mut sections = parts::sections::build(text, &paras, &found);
    let notes = parts::footnotes::notes_region(&paras, &shapes, &sections);
    if let Some(notes) = &notes {
        parts::sections::end_before_notes(&mut sections, &paras, notes.first);
    }
    let items = parts::items::detect(text, &paras, &shapes, &found, &sections, notes.as_ref());
    let footnotes = parts::footnotes::link(text, &paras, &shapes, &sections, notes.as_ref());
    let proposals = proposals::from_items(text, &items);
    BriefStructure {
        title: found.title,
        date: found.date,
        residue: found.residue,
        sections: sections.sections,
        lists: items.lists,
        items: items.items,
        footnotes,
        proposals,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    /// A brief of about `bytes` bytes: title, date, and sections of drivers, scenarios and
    /// prose with footnote markers, then the notes.
    pub(crate) fn generated_brief(bytes: usize) -> String {
        let mut text = String::from("تقدير موقف مولَّد للاختبار\n\n2025-09-25\n\n");
        let mut note = 0;
        let mut part = 0;
        while text.len() < bytes {
            part += 1;
            note += 1;
            text.push_str(&format!(
                "القسم {part}: محدِّدات مؤثِّرة\n\nيمكن إيجاز العوامل المؤثرة على النحو الآتي:\n\n"
            ));
            for i in 1..=4 {
                text.push_str(&format!(
                    "{i}. العامل رقم {i}: شرح طويل للعامل يمتد عبر جملة كاملة تصف أثره في العلاقة بين البلدين [{note}] .\n\n"
                ));
            }
            text.push_str("Possible scenarios\n\n");
            for i in 1..=3 {
                text.push_str(&format!(
                    "Scenario {i}: Outcome number {i}. A sentence that explains how the outcome would come about and what it would mean.\n\n"
                ));
            }
            text.push_str(
                &"A plain paragraph of analysis with enough words to be prose, and a few more. "
                    .repeat(4),
            );
            text.push_str("\n\n");
        }
        text.push_str("Notes\n\n");
        for n in 1..=note {
            text.push_str(&format!("[{n}] Source number {n}.\n\n"));
        }
        text
    }

    #[test]
    fn a_200_kb_brief_is_read_through() {
        let text = generated_brief(200 * 1024);
        let started = std::time::Instant::now();
        let s = detect(&text, &[]);
        eprintln!(
            "200 KB brief: {} sections, {} items, {} footnotes, {} proposals in {:?}",
            s.sections.len(),
            s.items.len(),
            s.footnotes.len(),
            s.proposals.len(),
            started.elapsed()
        );
        let parts = s
            .sections
            .iter()
            .filter(|x| x.kind == SectionKind::Determinants)
            .count();
        assert!(parts > 100, "{parts} parts");
        assert_eq!(
            s.sections
                .iter()
                .filter(|x| x.kind == SectionKind::Scenarios)
                .count(),
            parts
        );
        assert_eq!(s.items.len(), parts * 7);
        assert_eq!(s.proposals.len(), MAX_PROPOSALS.min(parts * 7));
        assert_eq!(s.footnotes.len(), parts);
        assert!(s.footnotes.iter().all(Footnote::is_linked));
        assert_eq!(s.date.map(|d| d.date), NaiveDate::from_ymd_opt(2025, 9, 25));
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "ab\n\nشكَّل";
        assert_eq!(Span::new(4, 9).text(text), "شكَّل");
        assert_eq!(Span::new(4, 99).text(text), "شكَّل");
        assert!(Span::new(3, 3).is_empty());
        assert!(Span::new(0, 9).contains(Span::new(4, 9)));
        assert_eq!(Span::new(2, 5).len(), 3);
    }
}
