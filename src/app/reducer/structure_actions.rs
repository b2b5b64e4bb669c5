//! Applies the Structure tab's commands: jumps, accepted and edited proposals, placed orphans.

use super::Model;
use crate::app::state::ReaderSelection;
use crate::edit::Edit;
use crate::model::{Anchor, BriefId, PassageId};
use crate::structure::{self, Choice};
use crate::tr;

impl Model {
    /// Shows `start..end` of the brief in the reader, selected.
    pub(super) fn jump_to(&mut self, brief: BriefId, start: usize, end: usize) {
        self.select_brief(brief);
        self.state.reader_selection = Some(ReaderSelection {
            brief,
            anchor: start,
            focus: end,
        });
        self.state.jump_to = Some((brief, start));
    }

    /// Each proposal becomes a determinant or scenario (with the name and description the
    /// analyst may have edited) and its paragraph a passage linked to it as supporting
    /// evidence, all of them one undo step ([`structure::accept`]).
    pub(super) fn accept_proposals(&mut self, brief_id: BriefId, keys: &[String]) {
        let ws = self.session.workspace();
        let Some(brief) = ws.brief(brief_id) else {
            return;
        };
        let structure = structure::detect(&brief.text, &brief.headings);
        let choices: Vec<Choice> = keys
            .iter()
            .map(|key| {
                let draft = self.state.proposal_drafts.get(key);
                Choice {
                    key: key.clone(),
                    name: draft.and_then(|d| d.name.clone()),
                    description: draft.and_then(|d| d.description.clone()),
                }
            })
            .collect();
        let Some(accepted) =
            structure::accept(ws, brief_id, &structure, &choices, self.ports.clock.now())
        else {
            return;
        };
        for problem in &accepted.problems {
            self.state.error(problem.clone());
        }
        let Some(edit) = accepted.edit else {
            return;
        };
        self.session.doc.end_typing();
        if self.apply(edit) {
            for key in &accepted.keys {
                self.state.proposal_drafts.remove(key);
            }
            let count = accepted.keys.len();
            self.state.status = tr!(self.state.locale, "status-accepted", count = count);
        }
    }

    /// Places an orphaned passage at the reader's selection.
    pub(super) fn place_orphan(&mut self, id: PassageId) {
        let ws = self.session.workspace();
        let Some(passage) = ws.passage(id) else {
            return;
        };
        let Some(brief) = ws.brief(passage.brief) else {
            return;
        };
        let Some(selection) = self
            .state
            .reader_selection
            .filter(|s| s.brief == brief.id && s.anchor != s.focus)
        else {
            self.state
                .warning(tr!(self.state.locale, "warning-place-select-first"));
            return;
        };
        let (start, end) = (
            selection.anchor.min(selection.focus),
            selection.anchor.max(selection.focus),
        );
        match Anchor::from_range(&brief.text, start, end) {
            Ok(anchor) => {
                self.session.doc.end_typing();
                if self.apply(Edit::SetPassageAnchor {
                    id,
                    anchor,
                    orphaned: false,
                }) {
                    self.state.status = tr!(self.state.locale, "status-placed");
                }
            }
            Err(err) => self.state.error(tr!(
                self.state.locale,
                "error-place",
                error = err.to_string()
            )),
        }
    }
}
