//! Autocode: hits chosen in a search's results become passages, optionally tagged, in one
//! undoable step.

use std::ops::Range;

use chrono::{DateTime, Utc};

use crate::edit::{self, Edit};
use crate::model::{AnchorError, BriefId, TagId, Workspace};

/// Why chosen hits cannot become passages. Nothing is changed then.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AutocodeError {
    #[error("no hits were chosen")]
    Nothing,
    #[error("there is no brief with id {0}")]
    NoBrief(BriefId),
    #[error("there is no tag with id {0}")]
    NoTag(TagId),
    #[error("a hit does not fit its brief «{brief}»: {error}")]
    Range { brief: String, error: AnchorError },
    #[error("every chosen hit is already a passage with these tags")]
    AlreadyCoded,
}

/// One [`Edit::Batch`] (one undo step) that makes a passage of each hit (brief and code-point
/// range) tagged with `tags`. A hit that is already exactly a passage gets the tags it lacks
/// instead of a second passage; the same hit chosen twice counts once. Hits that are not in a
/// brief (memos, names) cannot be coded: leave them out.
///
/// # Errors
/// No hits, an unknown brief or tag, a range outside its brief, or nothing left to do.
pub fn autocode(
    ws: &Workspace,
    hits: &[(BriefId, Range<usize>)],
    tags: &[TagId],
    now: DateTime<Utc>,
) -> Result<Edit, AutocodeError> {
    if hits.is_empty() {
        return Err(AutocodeError::Nothing);
    }
    if let Some(tag) = tags.iter().find(|t| ws.tag(**t).is_none()) {
        return Err(AutocodeError::NoTag(*tag));
    }
    let mut tags_once: Vec<TagId> = Vec::new();
    for tag in tags {
        if !tags_once.contains(tag) {
            tags_once.push(*tag);
        }
    }
    let mut seen: Vec<(BriefId, Range<usize>)> = Vec::new();
    let mut edits = Vec::new();
    let mut created = 0;
    for (brief_id, range) in hits {
        if seen.contains(&(*brief_id, range.clone())) {
            continue;
        }
        seen.push((*brief_id, range.clone()));
        let brief = ws
            .brief(*brief_id)
            .ok_or(AutocodeError::NoBrief(*brief_id))?;
        let existing = ws.passages.iter().find(|p| {
            p.brief == *brief_id
                && !p.orphaned
                && p.anchor.start == range.start
                && p.anchor.end == range.end
        });
        if let Some(passage) = existing {
            let mut merged = passage.tags.clone();
            merged.extend(tags_once.iter().filter(|t| !passage.tags.contains(t)));
            if merged != passage.tags {
                edits.push(Edit::SetPassageTags {
                    id: passage.id,
                    tags: merged,
                });
            }
            continue;
        }
        let mut passage =
            edit::new_passage(brief, range.start, range.end, now).map_err(|error| {
                AutocodeError::Range {
                    brief: brief.display_title(),
                    error,
                }
            })?;
        passage.tags.clone_from(&tags_once);
        edits.push(Edit::InsertPassage {
            index: usize::MAX,
            passage,
        });
        created += 1;
    }
    if edits.is_empty() {
        return Err(AutocodeError::AlreadyCoded);
    }
    let label = match created {
        0 => "autocode: tag passages".to_owned(),
        1 => "autocode 1 passage".to_owned(),
        n => format!("autocode {n} passages"),
    };
    Ok(Edit::Batch { label, edits })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;
    use crate::model::{Brief, BriefMeta, Colour, Tag};
    use crate::search::{Query, Scope, WholeWord, search_workspace};

    fn workspace() -> Workspace {
        Workspace {
            briefs: vec![Brief::new(
                BriefId::new(),
                BriefMeta::default(),
                "الانسحاب من العراق، والعراق بلد، وإيران جارة العراق.".into(),
            )],
            tags: vec![Tag {
                id: TagId::new(),
                name: "Iraq".into(),
                colour: Colour::nth(0),
                parent: None,
                description: String::new(),
            }],
            ..Workspace::default()
        }
    }

    fn hits_of(ws: &Workspace, word: &str) -> Vec<(BriefId, Range<usize>)> {
        let query = Query {
            whole_word: WholeWord::WithPrefixes,
            ..Query::plain(word)
        };
        search_workspace(ws, &query, Scope::default())
            .expect("valid")
            .found
            .iter()
            .filter_map(|f| Some((f.place.brief()?, f.start..f.end)))
            .collect()
    }

    #[test]
    fn chosen_hits_become_tagged_passages_in_one_undo_step() {
        let ws = workspace();
        let tag = ws.tags[0].id;
        let hits = hits_of(&ws, "العراق");
        assert_eq!(hits.len(), 3);
        let now = Utc::now();
        let edit = autocode(&ws, &hits, &[tag], now).expect("codes");
        let mut doc = Document::new(ws.clone());
        doc.apply(edit).expect("applies");
        let coded = &doc.workspace().passages;
        assert_eq!(coded.len(), 3);
        assert!(
            coded
                .iter()
                .all(|p| p.anchor.quote == "العراق" && p.tags == [tag])
        );
        assert_eq!(doc.undo_label(), Some("autocode 3 passages"));
        // One undo removes them all.
        doc.undo().expect("the autocode step undoes");
        assert!(doc.workspace().passages.is_empty());
        assert_eq!(doc.workspace(), &ws);
    }

    #[test]
    fn coding_again_adds_tags_not_passages() {
        let mut ws = workspace();
        let hits = hits_of(&ws, "العراق");
        let edit = autocode(&ws, &hits[..1], &[], Utc::now()).expect("codes");
        edit::apply(&mut ws, edit).expect("applies");
        let tag = ws.tags[0].id;
        let again = autocode(&ws, &hits, &[tag, tag], Utc::now()).expect("codes");
        edit::apply(&mut ws, again).expect("applies");
        assert_eq!(ws.passages.len(), 3);
        assert!(ws.passages.iter().all(|p| p.tags == [tag]));
        assert_eq!(
            autocode(&ws, &hits, &[tag], Utc::now()),
            Err(AutocodeError::AlreadyCoded)
        );
    }

    #[test]
    fn bad_input_changes_nothing() {
        let ws = workspace();
        let brief = ws.briefs[0].id;
        assert_eq!(
            autocode(&ws, &[], &[], Utc::now()),
            Err(AutocodeError::Nothing)
        );
        assert!(matches!(
            autocode(&ws, &[(brief, 5..500)], &[], Utc::now()),
            Err(AutocodeError::Range { .. })
        ));
        let stranger = TagId::new();
        assert_eq!(
            autocode(&ws, &[(brief, 0..3)], &[stranger], Utc::now()),
            Err(AutocodeError::NoTag(stranger))
        );
    }
}
