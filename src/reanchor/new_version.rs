//! A newer version of a brief as one edit: its text, source and headings replaced, and every
//! passage placed again in the new text or orphaned, never dropped.

use super::{Summary, reanchor};
use crate::edit::Edit;
use crate::model::{Anchor, Brief, BriefId, Workspace};

/// The edit that makes `newer` (an imported brief) the new version of brief `id`, and how
/// its passages fared; `None` when the workspace has no brief `id`.
#[must_use]
pub fn new_version(ws: &Workspace, id: BriefId, newer: Brief) -> Option<(Edit, Summary)> {
    let old = ws.brief(id)?;
    let passages = ws.passages_of(id);
    let anchors: Vec<Anchor> = passages.iter().map(|p| p.anchor.clone()).collect();
    let placed = reanchor(&old.text, &newer.text, &anchors);
    let summary = Summary::of(&placed);
    let anchors = passages
        .iter()
        .zip(placed)
        .map(|(p, r)| match r.anchor {
            Some(anchor) => (p.id, anchor, false),
            None => (p.id, p.anchor.clone(), true),
        })
        .collect();
    let edit = Edit::ReplaceBriefText {
        id,
        text: newer.text,
        source: newer.source,
        headings: newer.headings,
        anchors,
    };
    Some((edit, summary))
}
