//! What `basira check` reports about anchors beyond what loading refuses: an anchor that starts
//! or ends inside a grapheme cluster (between a letter and its harakat, inside an emoji). Such a
//! passage still opens (older versions of the app could make one) but quotes half a character.

use std::collections::HashMap;

use unicode_segmentation::GraphemeCursor;

use super::validate::Problem;
use crate::model::Workspace;
use crate::text_range::CharIndex;

/// The passages whose anchor starts or ends inside a grapheme cluster, one warning each.
#[must_use]
pub fn split_grapheme_warnings(ws: &Workspace) -> Vec<Problem> {
    let mut by_brief: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, passage) in ws.passages.iter().enumerate() {
        if !passage.orphaned {
            by_brief.entry(passage.brief).or_default().push(i);
        }
    }
    let mut found = Vec::new();
    for brief in &ws.briefs {
        let Some(passages) = by_brief.get(&brief.id) else {
            continue;
        };
        let text = brief.text.as_str();
        let index = CharIndex::new(text);
        let splits = |at: usize| index.byte(at).is_some_and(|byte| !is_boundary(text, byte));
        for &i in passages {
            let passage = &ws.passages[i];
            let (start, end) = (passage.anchor.start, passage.anchor.end);
            let side = match (splits(start), splits(end)) {
                (false, false) => continue,
                (true, false) => format!("starts at {start}"),
                (false, true) => format!("ends at {end}"),
                (true, true) => format!("starts at {start} and ends at {end}"),
            };
            found.push((
                i,
                Problem {
                    subject: format!(
                        "passage {} («{}»)",
                        passage.id.short(),
                        passage.anchor.quote.chars().take(30).collect::<String>()
                    ),
                    message: format!(
                        "in brief «{}»: it {side}, inside a character (between a letter and its \
                         marks); select it again in the app to fix it",
                        brief.display_title()
                    ),
                },
            ));
        }
    }
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, problem)| problem).collect()
}

/// Whether byte `byte` of `text` (on a char boundary) is between two grapheme clusters.
pub(crate) fn is_boundary(text: &str, byte: usize) -> bool {
    GraphemeCursor::new(byte, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, Brief, BriefId, BriefMeta, Passage, PassageId};

    #[test]
    fn an_anchor_between_a_letter_and_its_harakat_is_reported() {
        // «شكَّل»: the kaf carries a fatha and a shadda.
        let text = "قال شكَّل الحكومة";
        let brief = Brief {
            id: BriefId::new(),
            meta: BriefMeta::default(),
            text: text.into(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        };
        let passage = |start, end| Passage {
            id: PassageId::new(),
            brief: brief.id,
            anchor: Anchor::from_range(text, start, end).expect("in range"),
            orphaned: false,
            tags: Vec::new(),
            links: Vec::new(),
            memo: String::new(),
            created: chrono::Utc::now(),
        };
        // 4..6 is «شك» without the kaf's marks; 4..9 the word, 5..8 the kaf with its marks.
        let ws = Workspace {
            passages: vec![passage(4, 6), passage(4, 9), passage(5, 8)],
            briefs: vec![brief.clone()],
            ..Workspace::default()
        };
        let warnings = split_grapheme_warnings(&ws);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].message.contains("ends at 6"), "{warnings:?}");
    }
}
