//! Applies the Structure tab's commands: jumps, accepted and edited proposals, placed orphans.

use super::BasiraApp;
use super::state::ReaderSelection;
use crate::edit::{self, Edit};
use crate::model::{
    Anchor, BriefId, Determinant, DeterminantId, Likelihood, Link, LinkTarget, PassageId, Relation,
    Scenario, ScenarioId,
};
use crate::structure::{ProposalKind, is_accepted};
use crate::tr;

impl BasiraApp {
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
    /// evidence; all of them one undo step.
    pub(super) fn accept_proposals(&mut self, brief_id: BriefId, keys: &[String]) {
        let ws = self.session.workspace();
        let Some(brief) = ws.brief(brief_id) else {
            return;
        };
        let structure = self.structures.get(brief, self.session.doc.revision());
        let now = self.ports.clock.now();
        let mut edits = Vec::new();
        for key in keys {
            let Some(proposal) = structure.proposals.iter().find(|p| &p.key == key) else {
                continue;
            };
            if is_accepted(ws, brief_id, proposal) {
                continue;
            }
            let draft = self.state.proposal_drafts.get(key);
            let name = draft
                .and_then(|d| d.name.clone())
                .unwrap_or_else(|| proposal.name.clone());
            let description = draft
                .and_then(|d| d.description.clone())
                .unwrap_or_else(|| proposal.description.clone());
            let target = match proposal.kind {
                ProposalKind::Determinant => {
                    let id = DeterminantId::new();
                    edits.push(Edit::InsertDeterminant {
                        index: usize::MAX,
                        determinant: Determinant {
                            id,
                            title: name,
                            description,
                        },
                    });
                    LinkTarget::Determinant(id)
                }
                ProposalKind::Scenario => {
                    let id = ScenarioId::new();
                    edits.push(Edit::InsertScenario {
                        index: usize::MAX,
                        scenario: Scenario {
                            id,
                            title: name,
                            narrative: description,
                            likelihood: Likelihood::default(),
                        },
                    });
                    LinkTarget::Scenario(id)
                }
            };
            let link = Link {
                target,
                relation: Relation::Supports,
            };
            let (start, end) = (proposal.source.start, proposal.source.end);
            let existing = ws.passages.iter().find(|p| {
                p.brief == brief_id && !p.orphaned && p.anchor.start == start && p.anchor.end == end
            });
            match existing {
                Some(passage) => {
                    let mut links = passage.links.clone();
                    links.push(link);
                    edits.push(Edit::SetPassageLinks {
                        id: passage.id,
                        links,
                    });
                }
                None => match edit::new_passage(brief, start, end, now) {
                    Ok(mut passage) => {
                        passage.links.push(link);
                        edits.push(Edit::InsertPassage {
                            index: usize::MAX,
                            passage,
                        });
                    }
                    Err(err) => self.state.error(tr!(
                        self.state.locale,
                        "error-accept",
                        name = &proposal.name,
                        error = err.to_string()
                    )),
                },
            }
        }
        if edits.is_empty() {
            return;
        }
        let count = keys.len();
        let label = if count == 1 {
            "accept proposal"
        } else {
            "accept proposals"
        };
        self.session.doc.end_typing();
        if self.apply(Edit::Batch {
            label: label.into(),
            edits,
        }) {
            for key in keys {
                self.state.proposal_drafts.remove(key);
            }
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
