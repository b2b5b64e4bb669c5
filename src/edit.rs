//! The edit layer: every change to a [`Workspace`] is an [`Edit`] applied by [`apply`].
//!
//! `apply` returns the inverse edit, so undo and redo are just more edits. The dirty flag,
//! autosave and tests all hang off this one function.

use std::sync::atomic::{AtomicU64, Ordering};
use uuid::Uuid;

use crate::model::{
    Anchor, AnchorError, Brief, BriefId, BriefMeta, BriefSource, CellJudgement, Consistency,
    Credibility, Determinant, DeterminantId, Heading, Link, LinkTarget, MemoTarget, Passage,
    PassageId, Relation, Relevance, Scenario, ScenarioId, Signpost, SourceGrade, Tag, TagId,
    Weights, Workspace,
};

/// One change to a workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetWorkspaceTitle(String),
    SetWorkspaceMemo(String),
    InsertBrief {
        index: usize,
        brief: Brief,
    },
    /// Removes the brief and, with it, its passages.
    RemoveBrief(BriefId),
    SetBriefMeta {
        id: BriefId,
        meta: BriefMeta,
    },
    /// Replaces a brief's text with a newer version of its source, and with it where each of
    /// its passages sits: `anchors` must list every passage of the brief exactly once, with its
    /// new anchor and whether it is orphaned (an orphan's anchor is not checked).
    ReplaceBriefText {
        id: BriefId,
        text: String,
        source: Option<BriefSource>,
        headings: Vec<Heading>,
        anchors: Vec<(PassageId, Anchor, bool)>,
    },
    /// The keys of the structure proposals the analyst dismissed in a brief.
    SetDismissedProposals {
        id: BriefId,
        keys: Vec<String>,
    },
    InsertTag {
        index: usize,
        tag: Tag,
    },
    /// Removes the tag from the codebook and from every passage; its children move up.
    RemoveTag(TagId),
    /// Replaces a tag's name, colour, parent and description.
    SetTag(Tag),
    /// Merges tag `from` into tag `into`: every passage that had `from` has `into` (in its
    /// place; a passage that had both keeps one), `from`'s children move under `into`, its
    /// description and memo are appended to `into`'s, and `from` is removed. When `into` lies
    /// below `from`, it first takes `from`'s place in the tree. One step.
    MergeTag {
        from: TagId,
        into: TagId,
    },
    InsertDeterminant {
        index: usize,
        determinant: Determinant,
    },
    /// Removes the determinant and every link to it.
    RemoveDeterminant(DeterminantId),
    SetDeterminant(Determinant),
    InsertScenario {
        index: usize,
        scenario: Scenario,
    },
    /// Removes the scenario and every link to it.
    RemoveScenario(ScenarioId),
    SetScenario(Scenario),
    InsertPassage {
        index: usize,
        passage: Passage,
    },
    RemovePassage(PassageId),
    SetPassageTags {
        id: PassageId,
        tags: Vec<TagId>,
    },
    SetPassageLinks {
        id: PassageId,
        links: Vec<Link>,
    },
    SetPassageMemo {
        id: PassageId,
        memo: String,
    },
    /// Places a passage at `anchor` (an orphan placed again by the analyst), or orphans it.
    SetPassageAnchor {
        id: PassageId,
        anchor: Anchor,
        orphaned: bool,
    },
    /// A brief's source grade; an empty grade makes it ungraded.
    SetBriefGrade {
        id: BriefId,
        grade: SourceGrade,
    },
    /// A passage's own credibility; `None` gives it its brief's.
    SetPassageCredibility {
        id: PassageId,
        credibility: Option<Credibility>,
    },
    /// The relevance of a passage's link (which must exist); `None` leaves it unset.
    SetLinkRelevance {
        passage: PassageId,
        target: LinkTarget,
        relevance: Option<Relevance>,
    },
    /// A determinant × scenario cell; an empty cell is not judged.
    SetJudgement {
        determinant: DeterminantId,
        scenario: ScenarioId,
        cell: CellJudgement,
    },
    /// An ACH rating; `None` lets the link decide again.
    SetRating {
        passage: PassageId,
        scenario: ScenarioId,
        rating: Option<Consistency>,
    },
    /// The weights of the competing-scenarios scores.
    SetWeights(Weights),
    /// The status of a signpost (the passage must be linked to the scenario as an indicator);
    /// `None` for not assessed.
    SetSignpost {
        passage: PassageId,
        scenario: ScenarioId,
        signpost: Option<Signpost>,
    },
    /// The memo on a brief, tag, determinant or scenario; empty for none.
    SetMemo {
        on: MemoTarget,
        memo: String,
    },
    /// Several edits applied in order as one step.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
}

/// Why an edit could not be applied. The workspace is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no {kind} with id {id}")]
    NotFound { kind: &'static str, id: String },
    #[error("a {kind} with id {id} already exists")]
    DuplicateId { kind: &'static str, id: String },
    #[error("the passage does not fit its brief: {0}")]
    Anchor(#[from] AnchorError),
    #[error("a tag cannot be placed under itself or one of its own children")]
    TagCycle,
    #[error("a tag cannot be merged into itself")]
    MergeIntoItself,
    #[error("a passage cannot carry the same tag twice")]
    DuplicateTag,
    #[error("a passage cannot link twice to the same determinant or scenario")]
    DuplicateLink,
    #[error("a new text for brief {brief} must place each of its passages exactly once")]
    PassageList { brief: BriefId },
    #[error(
        "{first}; undoing the batch's first edits failed too ({rollback}), so the workspace may \
         be partly changed: save it under another name and check it"
    )]
    BatchRollback {
        first: Box<EditError>,
        rollback: Box<EditError>,
    },
    #[error("the passage has no link to that determinant or scenario")]
    NoSuchLink,
    #[error("the passage is not linked to that scenario as an indicator")]
    NotAnIndicator,
}

/// An undo or redo whose step could not be applied; nothing changed.
#[derive(Debug, thiserror::Error)]
#[error("could not {} «{label}»: {error}", if *undo { "undo" } else { "redo" })]
pub struct HistoryError {
    /// Whether it was an undo (else a redo).
    pub undo: bool,
    /// The step's label.
    pub label: String,
    pub error: EditError,
}

fn not_found(kind: &'static str, id: impl ToString) -> EditError {
    EditError::NotFound {
        kind,
        id: id.to_string(),
    }
}

impl Edit {
    /// What the step is called in the Undo and Redo menu entries.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Edit::SetWorkspaceTitle(_) => "rename workspace".into(),
            Edit::SetWorkspaceMemo(_) => "edit workspace memo".into(),
            Edit::InsertBrief { .. } => "add brief".into(),
            Edit::RemoveBrief(_) => "remove brief".into(),
            Edit::SetBriefMeta { .. } => "edit brief details".into(),
            Edit::ReplaceBriefText { .. } => "re-import brief".into(),
            Edit::SetDismissedProposals { .. } => "dismiss proposal".into(),
            Edit::InsertTag { .. } => "add tag".into(),
            Edit::RemoveTag(_) => "remove tag".into(),
            Edit::SetTag(_) => "edit tag".into(),
            Edit::MergeTag { .. } => "merge tags".into(),
            Edit::InsertDeterminant { .. } => "add determinant".into(),
            Edit::RemoveDeterminant(_) => "remove determinant".into(),
            Edit::SetDeterminant(_) => "edit determinant".into(),
            Edit::InsertScenario { .. } => "add scenario".into(),
            Edit::RemoveScenario(_) => "remove scenario".into(),
            Edit::SetScenario(_) => "edit scenario".into(),
            Edit::InsertPassage { .. } => "create passage".into(),
            Edit::RemovePassage(_) => "delete passage".into(),
            Edit::SetPassageTags { .. } => "tag passage".into(),
            Edit::SetPassageLinks { .. } => "link passage".into(),
            Edit::SetPassageMemo { .. } => "edit memo".into(),
            Edit::SetPassageAnchor { .. } => "place passage".into(),
            Edit::SetBriefGrade { .. } => "grade brief".into(),
            Edit::SetPassageCredibility { .. } => "set passage credibility".into(),
            Edit::SetLinkRelevance { .. } => "set link relevance".into(),
            Edit::SetJudgement { .. } => "judge cell".into(),
            Edit::SetRating { .. } => "rate evidence".into(),
            Edit::SetWeights(_) => "change weights".into(),
            Edit::SetSignpost { .. } => "assess signpost".into(),
            Edit::SetMemo { .. } => "edit memo".into(),
            Edit::Batch { label, .. } => label.clone(),
        }
    }

    /// Edits that type into one field coalesce into one undo step: this names the field.
    #[must_use]
    pub fn typing_key(&self) -> Option<String> {
        match self {
            Edit::SetWorkspaceTitle(_) => Some("workspace-title".into()),
            Edit::SetWorkspaceMemo(_) => Some("workspace-memo".into()),
            Edit::SetBriefMeta { id, .. } => Some(format!("brief-meta-{id}")),
            Edit::SetTag(t) => Some(format!("tag-{}", t.id)),
            Edit::SetDeterminant(d) => Some(format!("determinant-{}", d.id)),
            Edit::SetScenario(s) => Some(format!("scenario-{}", s.id)),
            Edit::SetPassageMemo { id, .. } => Some(format!("passage-memo-{id}")),
            Edit::SetMemo { on, .. } => Some(format!("memo-{on:?}")),
            Edit::SetJudgement {
                determinant,
                scenario,
                ..
            } => Some(format!("judgement-{determinant}-{scenario}")),
            // Dragging a weight on the board (the app ends the run when the drag stops).
            Edit::SetWeights(_) => Some("weights".into()),
            _ => None,
        }
    }
}

/// Applies `edit` to `ws` and returns the edit that undoes it.
///
/// # Errors
/// When the edit does not fit the workspace; `ws` is then unchanged.
pub fn apply(ws: &mut Workspace, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::SetWorkspaceTitle(title) => Ok(Edit::SetWorkspaceTitle(std::mem::replace(
            &mut ws.title,
            title,
        ))),
        Edit::SetWorkspaceMemo(memo) => Ok(Edit::SetWorkspaceMemo(std::mem::replace(
            &mut ws.memo,
            memo,
        ))),
        Edit::InsertBrief { index, brief } => {
            if ws.brief(brief.id).is_some() {
                return Err(EditError::DuplicateId {
                    kind: "brief",
                    id: brief.id.to_string(),
                });
            }
            let id = brief.id;
            ws.briefs.insert(index.min(ws.briefs.len()), brief);
            Ok(Edit::RemoveBrief(id))
        }
        Edit::RemoveBrief(id) => {
            let index =
                position(&ws.briefs, |b| b.id == id).ok_or_else(|| not_found("brief", id))?;
            let mut passages: Vec<Edit> = ws
                .passages
                .iter()
                .filter(|p| p.brief == id)
                .map(|p| Edit::RemovePassage(p.id))
                .collect();
            passages.extend(brief_clears(ws, id));
            if passages.is_empty() {
                let brief = ws.briefs.remove(index);
                Ok(Edit::InsertBrief { index, brief })
            } else {
                let mut edits = passages;
                edits.push(Edit::RemoveBrief(id));
                apply_batch(ws, "remove brief".into(), edits)
            }
        }
        Edit::SetBriefMeta { id, meta } => {
            let brief = ws
                .briefs
                .iter_mut()
                .find(|b| b.id == id)
                .ok_or_else(|| not_found("brief", id))?;
            Ok(Edit::SetBriefMeta {
                id,
                meta: std::mem::replace(&mut brief.meta, meta),
            })
        }
        Edit::ReplaceBriefText {
            id,
            text,
            source,
            headings,
            anchors,
        } => replace_brief_text(ws, id, text, source, headings, anchors),
        Edit::SetDismissedProposals { id, keys } => {
            let brief = brief_mut(ws, id)?;
            Ok(Edit::SetDismissedProposals {
                id,
                keys: std::mem::replace(&mut brief.dismissed_proposals, keys),
            })
        }
        Edit::InsertTag { index, tag } => {
            if ws.tag(tag.id).is_some() {
                return Err(EditError::DuplicateId {
                    kind: "tag",
                    id: tag.id.to_string(),
                });
            }
            if let Some(parent) = tag.parent {
                ws.tag(parent).ok_or_else(|| not_found("tag", parent))?;
            }
            let id = tag.id;
            ws.tags.insert(index.min(ws.tags.len()), tag);
            Ok(Edit::RemoveTag(id))
        }
        Edit::RemoveTag(id) => {
            let index = position(&ws.tags, |t| t.id == id).ok_or_else(|| not_found("tag", id))?;
            let mut edits: Vec<Edit> = ws
                .passages
                .iter()
                .filter(|p| p.tags.contains(&id))
                .map(|p| Edit::SetPassageTags {
                    id: p.id,
                    tags: p.tags.iter().copied().filter(|t| *t != id).collect(),
                })
                .collect();
            edits.extend(memo_clear(ws, MemoTarget::Tag(id)));
            let parent = ws.tags[index].parent;
            edits.extend(
                ws.tags
                    .iter()
                    .filter(|t| t.parent == Some(id))
                    .map(|child| {
                        Edit::SetTag(Tag {
                            parent,
                            ..child.clone()
                        })
                    }),
            );
            if edits.is_empty() {
                let tag = ws.tags.remove(index);
                Ok(Edit::InsertTag { index, tag })
            } else {
                edits.push(Edit::RemoveTag(id));
                apply_batch(ws, "remove tag".into(), edits)
            }
        }
        Edit::SetTag(tag) => {
            let index =
                position(&ws.tags, |t| t.id == tag.id).ok_or_else(|| not_found("tag", tag.id))?;
            if let Some(parent) = tag.parent {
                ws.tag(parent).ok_or_else(|| not_found("tag", parent))?;
                if ws.tag_is_within(parent, tag.id) {
                    return Err(EditError::TagCycle);
                }
            }
            Ok(Edit::SetTag(std::mem::replace(&mut ws.tags[index], tag)))
        }
        Edit::MergeTag { from, into } => {
            let edits = merge_tag_edits(ws, from, into)?;
            apply_batch(ws, "merge tags".into(), edits)
        }
        Edit::InsertDeterminant { index, determinant } => {
            if ws.determinant(determinant.id).is_some() {
                return Err(EditError::DuplicateId {
                    kind: "determinant",
                    id: determinant.id.to_string(),
                });
            }
            let id = determinant.id;
            ws.determinants
                .insert(index.min(ws.determinants.len()), determinant);
            Ok(Edit::RemoveDeterminant(id))
        }
        Edit::RemoveDeterminant(id) => {
            let index = position(&ws.determinants, |d| d.id == id)
                .ok_or_else(|| not_found("determinant", id))?;
            let target = LinkTarget::Determinant(id);
            let mut edits = unlink_edits(ws, target);
            edits.extend(determinant_clears(ws, id));
            if edits.is_empty() {
                let determinant = ws.determinants.remove(index);
                Ok(Edit::InsertDeterminant { index, determinant })
            } else {
                let mut edits = edits;
                edits.push(Edit::RemoveDeterminant(id));
                apply_batch(ws, "remove determinant".into(), edits)
            }
        }
        Edit::SetDeterminant(determinant) => {
            let slot = ws
                .determinants
                .iter_mut()
                .find(|d| d.id == determinant.id)
                .ok_or_else(|| not_found("determinant", determinant.id))?;
            Ok(Edit::SetDeterminant(std::mem::replace(slot, determinant)))
        }
        Edit::InsertScenario { index, scenario } => {
            if ws.scenario(scenario.id).is_some() {
                return Err(EditError::DuplicateId {
                    kind: "scenario",
                    id: scenario.id.to_string(),
                });
            }
            let id = scenario.id;
            ws.scenarios.insert(index.min(ws.scenarios.len()), scenario);
            Ok(Edit::RemoveScenario(id))
        }
        Edit::RemoveScenario(id) => {
            let index =
                position(&ws.scenarios, |s| s.id == id).ok_or_else(|| not_found("scenario", id))?;
            let mut edits = unlink_edits(ws, LinkTarget::Scenario(id));
            edits.extend(scenario_clears(ws, id));
            if edits.is_empty() {
                let scenario = ws.scenarios.remove(index);
                Ok(Edit::InsertScenario { index, scenario })
            } else {
                let mut edits = edits;
                edits.push(Edit::RemoveScenario(id));
                apply_batch(ws, "remove scenario".into(), edits)
            }
        }
        Edit::SetScenario(scenario) => {
            let slot = ws
                .scenarios
                .iter_mut()
                .find(|s| s.id == scenario.id)
                .ok_or_else(|| not_found("scenario", scenario.id))?;
            Ok(Edit::SetScenario(std::mem::replace(slot, scenario)))
        }
        Edit::InsertPassage { index, passage } => {
            if ws.passage(passage.id).is_some() {
                return Err(EditError::DuplicateId {
                    kind: "passage",
                    id: passage.id.to_string(),
                });
            }
            let brief = ws
                .brief(passage.brief)
                .ok_or_else(|| not_found("brief", passage.brief))?;
            if !passage.orphaned {
                passage.anchor.verify(&brief.text)?;
            }
            check_tags(ws, &passage.tags)?;
            check_links(ws, &passage.links)?;
            let id = passage.id;
            ws.passages.insert(index.min(ws.passages.len()), passage);
            Ok(Edit::RemovePassage(id))
        }
        Edit::RemovePassage(id) => {
            let index =
                position(&ws.passages, |p| p.id == id).ok_or_else(|| not_found("passage", id))?;
            let mut clears = passage_clears(ws, id);
            if !clears.is_empty() {
                clears.push(Edit::RemovePassage(id));
                return apply_batch(ws, "delete passage".into(), clears);
            }
            let passage = ws.passages.remove(index);
            Ok(Edit::InsertPassage { index, passage })
        }
        Edit::SetPassageTags { id, tags } => {
            check_tags(ws, &tags)?;
            let passage = passage_mut(ws, id)?;
            Ok(Edit::SetPassageTags {
                id,
                tags: std::mem::replace(&mut passage.tags, tags),
            })
        }
        Edit::SetPassageLinks { id, links } => {
            check_links(ws, &links)?;
            let mut clears = link_clears(ws, id, &links);
            if !clears.is_empty() {
                clears.push(Edit::SetPassageLinks { id, links });
                return apply_batch(ws, "link passage".into(), clears);
            }
            let passage = passage_mut(ws, id)?;
            Ok(Edit::SetPassageLinks {
                id,
                links: std::mem::replace(&mut passage.links, links),
            })
        }
        Edit::SetPassageMemo { id, memo } => {
            let passage = passage_mut(ws, id)?;
            Ok(Edit::SetPassageMemo {
                id,
                memo: std::mem::replace(&mut passage.memo, memo),
            })
        }
        Edit::SetPassageAnchor {
            id,
            anchor,
            orphaned,
        } => {
            let passage = ws.passage(id).ok_or_else(|| not_found("passage", id))?;
            if !orphaned {
                let brief = ws
                    .brief(passage.brief)
                    .ok_or_else(|| not_found("brief", passage.brief))?;
                anchor.verify(&brief.text)?;
            }
            let passage = passage_mut(ws, id)?;
            Ok(Edit::SetPassageAnchor {
                id,
                anchor: std::mem::replace(&mut passage.anchor, anchor),
                orphaned: std::mem::replace(&mut passage.orphaned, orphaned),
            })
        }
        Edit::Batch { label, edits } => apply_batch(ws, label, edits),
        edit @ (Edit::SetBriefGrade { .. }
        | Edit::SetPassageCredibility { .. }
        | Edit::SetLinkRelevance { .. }
        | Edit::SetJudgement { .. }
        | Edit::SetRating { .. }
        | Edit::SetWeights(_)
        | Edit::SetSignpost { .. }
        | Edit::SetMemo { .. }) => apply_assessment(ws, edit),
    }
}

/// The edits of what the analyst set to weigh the evidence, and of memos.
fn apply_assessment(ws: &mut Workspace, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::SetBriefGrade { id, grade } => {
            ws.brief(id).ok_or_else(|| not_found("brief", id))?;
            let a = &mut ws.assessment;
            let old = if grade.is_empty() {
                a.grades.remove(&id)
            } else {
                a.grades.insert(id, grade)
            };
            Ok(Edit::SetBriefGrade {
                id,
                grade: old.unwrap_or_default(),
            })
        }
        Edit::SetPassageCredibility { id, credibility } => {
            ws.passage(id).ok_or_else(|| not_found("passage", id))?;
            let a = &mut ws.assessment;
            let old = match credibility {
                Some(c) => a.credibility.insert(id, c),
                None => a.credibility.remove(&id),
            };
            Ok(Edit::SetPassageCredibility {
                id,
                credibility: old,
            })
        }
        Edit::SetLinkRelevance {
            passage,
            target,
            relevance,
        } => {
            let p = ws
                .passage(passage)
                .ok_or_else(|| not_found("passage", passage))?;
            if !p.links.iter().any(|l| l.target == target) {
                return Err(EditError::NoSuchLink);
            }
            let a = &mut ws.assessment;
            let key = (passage, target);
            let old = match relevance {
                Some(r) => a.relevance.insert(key, r),
                None => a.relevance.remove(&key),
            };
            Ok(Edit::SetLinkRelevance {
                passage,
                target,
                relevance: old,
            })
        }
        Edit::SetJudgement {
            determinant,
            scenario,
            cell,
        } => {
            ws.determinant(determinant)
                .ok_or_else(|| not_found("determinant", determinant))?;
            ws.scenario(scenario)
                .ok_or_else(|| not_found("scenario", scenario))?;
            let a = &mut ws.assessment;
            let key = (determinant, scenario);
            let old = if cell.is_empty() {
                a.judgements.remove(&key)
            } else {
                a.judgements.insert(key, cell)
            };
            Ok(Edit::SetJudgement {
                determinant,
                scenario,
                cell: old.unwrap_or_default(),
            })
        }
        Edit::SetRating {
            passage,
            scenario,
            rating,
        } => {
            ws.passage(passage)
                .ok_or_else(|| not_found("passage", passage))?;
            ws.scenario(scenario)
                .ok_or_else(|| not_found("scenario", scenario))?;
            let a = &mut ws.assessment;
            let key = (passage, scenario);
            let old = match rating {
                Some(r) => a.ratings.insert(key, r),
                None => a.ratings.remove(&key),
            };
            Ok(Edit::SetRating {
                passage,
                scenario,
                rating: old,
            })
        }
        Edit::SetWeights(weights) => Ok(Edit::SetWeights(std::mem::replace(
            &mut ws.assessment.weights,
            weights,
        ))),
        Edit::SetSignpost {
            passage,
            scenario,
            signpost,
        } => {
            let p = ws
                .passage(passage)
                .ok_or_else(|| not_found("passage", passage))?;
            let target = LinkTarget::Scenario(scenario);
            if !p
                .links
                .iter()
                .any(|l| l.target == target && l.relation == Relation::Indicator)
            {
                return Err(EditError::NotAnIndicator);
            }
            let a = &mut ws.assessment;
            let key = (passage, scenario);
            let old = match signpost {
                Some(s) => a.signposts.insert(key, s),
                None => a.signposts.remove(&key),
            };
            Ok(Edit::SetSignpost {
                passage,
                scenario,
                signpost: old,
            })
        }
        Edit::SetMemo { on, memo } => {
            let exists = match on {
                MemoTarget::Brief(id) => ws.brief(id).is_some(),
                MemoTarget::Tag(id) => ws.tag(id).is_some(),
                MemoTarget::Determinant(id) => ws.determinant(id).is_some(),
                MemoTarget::Scenario(id) => ws.scenario(id).is_some(),
            };
            if !exists {
                return Err(EditError::NotFound {
                    kind: "memo target",
                    id: format!("{on:?}"),
                });
            }
            let memos = &mut ws.memos.0;
            let old = if memo.is_empty() {
                memos.remove(&on)
            } else {
                memos.insert(on, memo)
            };
            Ok(Edit::SetMemo {
                on,
                memo: old.unwrap_or_default(),
            })
        }
        // `apply` sends only the edits above here.
        other => apply(ws, other),
    }
}

/// The smallest and largest ids of a kind: the bounds of a range over the entries of a map
/// keyed by `(first, id)` that share `first`.
fn nil_and_max<T>(make: fn(Uuid) -> T) -> (T, T) {
    (make(Uuid::nil()), make(Uuid::max()))
}

/// The smallest and largest link targets.
fn link_target_range() -> (LinkTarget, LinkTarget) {
    (
        LinkTarget::Determinant(DeterminantId(Uuid::nil())),
        LinkTarget::Scenario(ScenarioId(Uuid::max())),
    )
}

/// Clears what is set about a passage, before it is removed.
fn passage_clears(ws: &Workspace, id: PassageId) -> Vec<Edit> {
    let a = &ws.assessment;
    let mut edits = Vec::new();
    if a.credibility.contains_key(&id) {
        edits.push(Edit::SetPassageCredibility {
            id,
            credibility: None,
        });
    }
    let (lo, hi) = link_target_range();
    edits.extend(
        a.relevance
            .range((id, lo)..=(id, hi))
            .map(|((_, target), _)| Edit::SetLinkRelevance {
                passage: id,
                target: *target,
                relevance: None,
            }),
    );
    let (lo, hi) = nil_and_max(ScenarioId);
    edits.extend(
        a.ratings
            .range((id, lo)..=(id, hi))
            .map(|((_, scenario), _)| Edit::SetRating {
                passage: id,
                scenario: *scenario,
                rating: None,
            }),
    );
    edits.extend(
        a.signposts
            .range((id, lo)..=(id, hi))
            .map(|((_, scenario), _)| Edit::SetSignpost {
                passage: id,
                scenario: *scenario,
                signpost: None,
            }),
    );
    edits
}

/// Clears the relevance and signposts of a passage's links that `links` no longer has.
fn link_clears(ws: &Workspace, id: PassageId, links: &[Link]) -> Vec<Edit> {
    let a = &ws.assessment;
    let (lo, hi) = link_target_range();
    let mut edits: Vec<Edit> = a
        .relevance
        .range((id, lo)..=(id, hi))
        .filter(|((_, target), _)| !links.iter().any(|l| l.target == *target))
        .map(|((_, target), _)| Edit::SetLinkRelevance {
            passage: id,
            target: *target,
            relevance: None,
        })
        .collect();
    let (lo, hi) = nil_and_max(ScenarioId);
    edits.extend(
        a.signposts
            .range((id, lo)..=(id, hi))
            .filter(|((_, scenario), _)| {
                !links.iter().any(|l| {
                    l.target == LinkTarget::Scenario(*scenario) && l.relation == Relation::Indicator
                })
            })
            .map(|((_, scenario), _)| Edit::SetSignpost {
                passage: id,
                scenario: *scenario,
                signpost: None,
            }),
    );
    edits
}

/// The edits [`Edit::MergeTag`] is made of, in order; the last removes `from`.
fn merge_tag_edits(ws: &Workspace, from: TagId, into: TagId) -> Result<Vec<Edit>, EditError> {
    let source = ws.tag(from).ok_or_else(|| not_found("tag", from))?;
    let target = ws.tag(into).ok_or_else(|| not_found("tag", into))?;
    if from == into {
        return Err(EditError::MergeIntoItself);
    }
    let mut edits: Vec<Edit> = ws
        .passages
        .iter()
        .filter(|p| p.tags.contains(&from))
        .map(|p| {
            let has_both = p.tags.contains(&into);
            let tags = p
                .tags
                .iter()
                .filter(|t| !(has_both && **t == from))
                .map(|t| if *t == from { into } else { *t })
                .collect();
            Edit::SetPassageTags { id: p.id, tags }
        })
        .collect();
    let mut merged = target.clone();
    if ws.tag_is_within(into, from) {
        // `into` lies below `from`: it takes `from`'s place, so that `from`'s other children
        // can move under it without a cycle.
        merged.parent = source.parent;
    }
    merged.description = joined(&target.description, &source.description);
    if merged != *target {
        edits.push(Edit::SetTag(merged));
    }
    edits.extend(
        ws.tags
            .iter()
            .filter(|t| t.parent == Some(from) && t.id != into)
            .map(|child| {
                Edit::SetTag(Tag {
                    parent: Some(into),
                    ..child.clone()
                })
            }),
    );
    let memo = joined(
        ws.memos.get(MemoTarget::Tag(into)),
        ws.memos.get(MemoTarget::Tag(from)),
    );
    if memo != ws.memos.get(MemoTarget::Tag(into)) {
        edits.push(Edit::SetMemo {
            on: MemoTarget::Tag(into),
            memo,
        });
    }
    edits.push(Edit::RemoveTag(from));
    Ok(edits)
}

/// `first`, then `second` after a blank line (either alone when the other is empty).
fn joined(first: &str, second: &str) -> String {
    match (first.trim().is_empty(), second.trim().is_empty()) {
        (_, true) => first.to_owned(),
        (true, false) => second.to_owned(),
        (false, false) => format!("{}\n\n{second}", first.trim_end()),
    }
}

fn memo_clear(ws: &Workspace, on: MemoTarget) -> Option<Edit> {
    ws.memos.0.contains_key(&on).then(|| Edit::SetMemo {
        on,
        memo: String::new(),
    })
}

/// Clears a brief's grade and memo, before it is removed.
fn brief_clears(ws: &Workspace, id: BriefId) -> Vec<Edit> {
    let mut edits: Vec<Edit> = memo_clear(ws, MemoTarget::Brief(id)).into_iter().collect();
    if ws.assessment.grades.contains_key(&id) {
        edits.push(Edit::SetBriefGrade {
            id,
            grade: SourceGrade::default(),
        });
    }
    edits
}

/// Clears a determinant's judgements and memo, before it is removed.
fn determinant_clears(ws: &Workspace, id: DeterminantId) -> Vec<Edit> {
    let (lo, hi) = nil_and_max(ScenarioId);
    let mut edits: Vec<Edit> = ws
        .assessment
        .judgements
        .range((id, lo)..=(id, hi))
        .map(|((_, scenario), _)| Edit::SetJudgement {
            determinant: id,
            scenario: *scenario,
            cell: CellJudgement::default(),
        })
        .collect();
    edits.extend(memo_clear(ws, MemoTarget::Determinant(id)));
    edits
}

/// Clears a scenario's judgements, ratings and memo, before it is removed (its links, with
/// their relevance and signposts, go by [`unlink_edits`]).
fn scenario_clears(ws: &Workspace, id: ScenarioId) -> Vec<Edit> {
    let a = &ws.assessment;
    let mut edits: Vec<Edit> = a
        .judgements
        .keys()
        .filter(|(_, s)| *s == id)
        .map(|(determinant, _)| Edit::SetJudgement {
            determinant: *determinant,
            scenario: id,
            cell: CellJudgement::default(),
        })
        .collect();
    edits.extend(
        a.ratings
            .keys()
            .filter(|(_, s)| *s == id)
            .map(|(passage, _)| Edit::SetRating {
                passage: *passage,
                scenario: id,
                rating: None,
            }),
    );
    edits.extend(memo_clear(ws, MemoTarget::Scenario(id)));
    edits
}

/// [`Edit::ReplaceBriefText`]: checks everything first, so a refused edit changes nothing.
fn replace_brief_text(
    ws: &mut Workspace,
    id: BriefId,
    text: String,
    source: Option<BriefSource>,
    headings: Vec<Heading>,
    anchors: Vec<(PassageId, Anchor, bool)>,
) -> Result<Edit, EditError> {
    ws.brief(id).ok_or_else(|| not_found("brief", id))?;
    let mut listed = std::collections::HashSet::new();
    for (passage, anchor, orphaned) in &anchors {
        let found = ws.passage(*passage).filter(|p| p.brief == id);
        if found.is_none() || !listed.insert(*passage) {
            return Err(EditError::PassageList { brief: id });
        }
        if !orphaned {
            anchor.verify(&text)?;
        }
    }
    if ws
        .passages
        .iter()
        .any(|p| p.brief == id && !listed.contains(&p.id))
    {
        return Err(EditError::PassageList { brief: id });
    }
    let brief = brief_mut(ws, id)?;
    let old_text = std::mem::replace(&mut brief.text, text);
    let old_source = std::mem::replace(&mut brief.source, source);
    let old_headings = std::mem::replace(&mut brief.headings, headings);
    let mut old_anchors = Vec::with_capacity(anchors.len());
    for (passage, anchor, orphaned) in anchors {
        let p = passage_mut(ws, passage)?;
        old_anchors.push((
            passage,
            std::mem::replace(&mut p.anchor, anchor),
            std::mem::replace(&mut p.orphaned, orphaned),
        ));
    }
    Ok(Edit::ReplaceBriefText {
        id,
        text: old_text,
        source: old_source,
        headings: old_headings,
        anchors: old_anchors,
    })
}

fn brief_mut(ws: &mut Workspace, id: BriefId) -> Result<&mut Brief, EditError> {
    ws.briefs
        .iter_mut()
        .find(|b| b.id == id)
        .ok_or_else(|| not_found("brief", id))
}

/// Applies every edit in order; on the first failure, undoes those already applied.
fn apply_batch(ws: &mut Workspace, label: String, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match apply(ws, edit) {
            Ok(inverse) => inverses.push(inverse),
            Err(err) => {
                // Inverses of edits that just succeeded apply; if one ever did not, the
                // workspace would be part-changed, and the analyst is told so.
                let mut rollback = Ok(());
                for inverse in inverses.into_iter().rev() {
                    if let Err(failed) = apply(ws, inverse)
                        && rollback.is_ok()
                    {
                        rollback = Err(failed);
                    }
                }
                return Err(match rollback {
                    Ok(()) => err,
                    Err(rollback) => EditError::BatchRollback {
                        first: Box::new(err),
                        rollback: Box::new(rollback),
                    },
                });
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch {
        label,
        edits: inverses,
    })
}

fn position<T>(items: &[T], pred: impl Fn(&T) -> bool) -> Option<usize> {
    items.iter().position(pred)
}

fn passage_mut(ws: &mut Workspace, id: PassageId) -> Result<&mut Passage, EditError> {
    ws.passages
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| not_found("passage", id))
}

fn unlink_edits(ws: &Workspace, target: LinkTarget) -> Vec<Edit> {
    ws.passages
        .iter()
        .filter(|p| p.links.iter().any(|l| l.target == target))
        .map(|p| Edit::SetPassageLinks {
            id: p.id,
            links: p
                .links
                .iter()
                .copied()
                .filter(|l| l.target != target)
                .collect(),
        })
        .collect()
}

fn check_tags(ws: &Workspace, tags: &[TagId]) -> Result<(), EditError> {
    for (i, tag) in tags.iter().enumerate() {
        ws.tag(*tag).ok_or_else(|| not_found("tag", tag))?;
        if tags[..i].contains(tag) {
            return Err(EditError::DuplicateTag);
        }
    }
    Ok(())
}

fn check_links(ws: &Workspace, links: &[Link]) -> Result<(), EditError> {
    for (i, link) in links.iter().enumerate() {
        if ws.link_target_title(link.target).is_none() {
            return Err(match link.target {
                LinkTarget::Determinant(id) => not_found("determinant", id),
                LinkTarget::Scenario(id) => not_found("scenario", id),
            });
        }
        if links[..i].iter().any(|l| l.target == link.target) {
            return Err(EditError::DuplicateLink);
        }
    }
    Ok(())
}

/// A new passage over `start..end` (code points) of `brief`, ready to insert.
///
/// # Errors
/// When the range does not fit the brief's text.
pub fn new_passage(
    brief: &Brief,
    start: usize,
    end: usize,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Passage, AnchorError> {
    Ok(Passage {
        id: PassageId::new(),
        brief: brief.id,
        anchor: Anchor::from_range(&brief.text, start, end)?,
        tags: Vec::new(),
        links: Vec::new(),
        memo: String::new(),
        created,
        orphaned: false,
    })
}

/// One undoable step: the edit that undoes it and what it is called.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    label: String,
    inverse: Edit,
    typing_key: Option<String>,
    /// The content ([`Document::content`]) the inverse brings back.
    content_after_inverse: u64,
}

/// Where the revisions of the next document start, in steps of [`REVISIONS_PER_DOCUMENT`].
static NEXT_DOCUMENT: AtomicU64 = AtomicU64::new(0);

/// Revisions one document can reach before they would run into the next document's.
const REVISIONS_PER_DOCUMENT: u64 = 1 << 32;

/// A workspace with its undo and redo history and a dirty flag.
#[derive(Clone, Debug)]
pub struct Document {
    workspace: Workspace,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Bumped by every change, undo and redo.
    revision: u64,
    /// Which content the workspace has: the revision at which that content was first made.
    /// Undo and redo bring back the content a step had, so undoing back to the saved content
    /// is clean again.
    content: u64,
    /// The content last saved (or opened); compared with `content` for the dirty flag.
    saved_content: u64,
    /// When set, the next edit with the same typing key joins the last undo step.
    open_typing: Option<String>,
}

impl Default for Document {
    /// An empty workspace, saved, at a revision no other document of the process had.
    fn default() -> Self {
        let start = NEXT_DOCUMENT
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(REVISIONS_PER_DOCUMENT);
        Self {
            workspace: Workspace::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            revision: start,
            content: start,
            saved_content: start,
            open_typing: None,
        }
    }
}

impl Document {
    #[must_use]
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            ..Self::default()
        }
    }

    #[must_use]
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// Applies an edit as a new undo step (typing in one field joins one step).
    ///
    /// # Errors
    /// When the edit does not fit; nothing changes then.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let label = edit.label();
        let key = edit.typing_key();
        let inverse = apply(&mut self.workspace, edit)?;
        self.redo.clear();
        let before = self.content;
        self.revision += 1;
        self.content = self.revision;
        let joins = key.is_some()
            && key == self.open_typing
            && self.undo.last().is_some_and(|s| s.typing_key == key);
        if !joins {
            self.undo.push(Step {
                label,
                inverse,
                typing_key: key.clone(),
                content_after_inverse: before,
            });
        }
        self.open_typing = key;
        Ok(())
    }

    /// Ends the current typing run, so the next keystroke starts a new undo step.
    pub fn end_typing(&mut self) {
        self.open_typing = None;
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    ///
    /// # Errors
    /// When the step's inverse does not fit the workspace (a bug elsewhere): the workspace and
    /// both histories are then as they were, and the error names the step.
    pub fn undo(&mut self) -> Result<Option<String>, HistoryError> {
        self.open_typing = None;
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        match apply(&mut self.workspace, step.inverse.clone()) {
            Ok(redo) => {
                self.revision += 1;
                self.redo.push(Step {
                    label: step.label.clone(),
                    inverse: redo,
                    typing_key: None,
                    content_after_inverse: self.content,
                });
                self.content = step.content_after_inverse;
                Ok(Some(step.label))
            }
            Err(error) => {
                let label = step.label.clone();
                self.undo.push(step);
                Err(HistoryError {
                    undo: true,
                    label,
                    error,
                })
            }
        }
    }

    /// Redoes the last undone step; returns its label, or `None` when there is nothing to redo.
    ///
    /// # Errors
    /// As [`Document::undo`].
    pub fn redo(&mut self) -> Result<Option<String>, HistoryError> {
        self.open_typing = None;
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        match apply(&mut self.workspace, step.inverse.clone()) {
            Ok(undo) => {
                self.revision += 1;
                self.undo.push(Step {
                    label: step.label.clone(),
                    inverse: undo,
                    typing_key: None,
                    content_after_inverse: self.content,
                });
                self.content = step.content_after_inverse;
                Ok(Some(step.label))
            }
            Err(error) => {
                let label = step.label.clone();
                self.redo.push(step);
                Err(HistoryError {
                    undo: false,
                    label,
                    error,
                })
            }
        }
    }

    /// Puts a step on the undo stack as it is, without applying anything: how tests make a
    /// history whose undo fails.
    #[cfg(test)]
    pub(crate) fn push_undo_step_for_tests(&mut self, label: &str, inverse: Edit) {
        self.undo.push(Step {
            label: label.to_owned(),
            inverse,
            typing_key: None,
            content_after_inverse: u64::MAX - 1,
        });
    }

    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Whether there are changes since the last save (or since opening).
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.content != self.saved_content
    }

    /// Which content the workspace has now: equal for two moments only when undo and redo
    /// went back to the same state. What a save records as written ([`Document::mark_saved_at`]).
    #[must_use]
    pub fn content(&self) -> u64 {
        self.content
    }

    /// A number that changes with every edit, undo and redo, and that no other document of the
    /// process reaches (each starts at a revision of its own), so what is worked out from a
    /// document can be kept by its revision alone.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Records that the workspace as it is now was saved.
    pub fn mark_saved(&mut self) {
        self.mark_saved_at(self.content);
    }

    /// Records that the workspace with `content` ([`Document::content`] when the save
    /// started) was saved: a save that ran while other changes came in leaves the document
    /// dirty, and undoing back to what it wrote makes it clean.
    pub fn mark_saved_at(&mut self, content: u64) {
        self.saved_content = content;
        self.open_typing = None;
    }

    /// Records that the workspace as it is now is not what its file holds (a recovered copy of
    /// unsaved work): dirty until the next save.
    pub fn mark_unsaved(&mut self) {
        // Contents are revisions, which only grow from each document's start, so no content
        // reached by editing ever equals this one.
        self.saved_content = u64::MAX;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Colour, Relation};

    fn tag(name: &str, parent: Option<TagId>) -> Tag {
        Tag {
            id: TagId::new(),
            name: name.into(),
            colour: Colour::nth(0),
            parent,
            description: String::new(),
        }
    }

    /// A workspace with a brief, a parent and child tag, a determinant and a passage using both.
    fn sample() -> (Workspace, PassageId, TagId, TagId, DeterminantId) {
        let mut ws = Workspace::default();
        let brief = Brief {
            id: BriefId::new(),
            meta: BriefMeta::default(),
            text: "النفوذ الإيراني في العراق".into(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        };
        let parent = tag("Actors", None);
        let child = tag("Iran", Some(parent.id));
        let det = Determinant {
            id: DeterminantId::new(),
            title: "Iranian influence".into(),
            description: String::new(),
        };
        let mut passage = new_passage(&brief, 0, 15, chrono::DateTime::UNIX_EPOCH).expect("fits");
        passage.tags = vec![parent.id, child.id];
        passage.links = vec![Link {
            target: LinkTarget::Determinant(det.id),
            relation: Relation::Supports,
        }];
        let (pid, parent_id, child_id, det_id) = (passage.id, parent.id, child.id, det.id);
        for e in [
            Edit::InsertBrief { index: 0, brief },
            Edit::InsertTag {
                index: 0,
                tag: parent,
            },
            Edit::InsertTag {
                index: 1,
                tag: child,
            },
            Edit::InsertDeterminant {
                index: 0,
                determinant: det,
            },
            Edit::InsertPassage { index: 0, passage },
        ] {
            apply(&mut ws, e).expect("fits");
        }
        (ws, pid, parent_id, child_id, det_id)
    }

    #[test]
    fn removing_a_tag_untags_passages_lifts_children_and_undoes_exactly() {
        let (mut ws, pid, parent, child, _) = sample();
        let before = ws.clone();
        let inverse = apply(&mut ws, Edit::RemoveTag(parent)).expect("removable");
        assert!(ws.tag(parent).is_none());
        assert_eq!(ws.passage(pid).expect("kept").tags, vec![child]);
        assert_eq!(ws.tag(child).expect("kept").parent, None);
        apply(&mut ws, inverse).expect("undo applies");
        assert_eq!(ws, before);
    }

    #[test]
    fn merging_a_tag_retags_its_passages_moves_its_children_and_undoes_exactly() {
        let (mut ws, pid, parent, child, _) = sample();
        // A third tag, Militias, with its own child and a passage of its own; memos on both.
        let militias = tag("Militias", None);
        let kh = tag("Kataib Hezbollah", Some(militias.id));
        let brief = ws.briefs[0].clone();
        let mut other = new_passage(&brief, 16, 25, chrono::DateTime::UNIX_EPOCH).expect("fits");
        other.tags = vec![militias.id];
        let (militias_id, kh_id, other_id) = (militias.id, kh.id, other.id);
        for e in [
            Edit::InsertTag {
                index: 2,
                tag: militias,
            },
            Edit::InsertTag { index: 3, tag: kh },
            Edit::InsertPassage {
                index: 1,
                passage: other,
            },
            Edit::SetMemo {
                on: MemoTarget::Tag(militias_id),
                memo: "Armed groups.".into(),
            },
            Edit::SetMemo {
                on: MemoTarget::Tag(parent),
                memo: "Who acts.".into(),
            },
        ] {
            apply(&mut ws, e).expect("fits");
        }
        let before = ws.clone();
        // Militias into Actors: the passage with Militias gets Actors in its place, Kataib
        // Hezbollah moves under Actors, the memos are joined.
        let inverse = apply(
            &mut ws,
            Edit::MergeTag {
                from: militias_id,
                into: parent,
            },
        )
        .expect("mergeable");
        assert!(ws.tag(militias_id).is_none());
        assert_eq!(ws.passage(other_id).expect("kept").tags, vec![parent]);
        assert_eq!(ws.passage(pid).expect("kept").tags, vec![parent, child]);
        assert_eq!(ws.tag(kh_id).expect("kept").parent, Some(parent));
        assert_eq!(
            ws.memos.get(MemoTarget::Tag(parent)),
            "Who acts.\n\nArmed groups."
        );
        assert!(!ws.memos.0.contains_key(&MemoTarget::Tag(militias_id)));
        assert_eq!(inverse.label(), "merge tags");
        apply(&mut ws, inverse).expect("undo applies");
        assert_eq!(
            ws, before,
            "undo restores both tags and every passage's tags"
        );

        // Actors into Iran (its own child): the passage that had both keeps one, Iran takes
        // Actors' place at the top.
        let inverse = apply(
            &mut ws,
            Edit::MergeTag {
                from: parent,
                into: child,
            },
        )
        .expect("mergeable");
        assert_eq!(ws.passage(pid).expect("kept").tags, vec![child]);
        assert_eq!(ws.tag(child).expect("kept").parent, None);
        assert_eq!(ws.memos.get(MemoTarget::Tag(child)), "Who acts.");
        apply(&mut ws, inverse).expect("undo applies");
        assert_eq!(ws, before);

        // A tag is not merged into itself, nor into one that is not there.
        for into in [parent, TagId::new()] {
            assert!(apply(&mut ws, Edit::MergeTag { from: parent, into }).is_err());
        }
        assert_eq!(ws, before);
    }

    #[test]
    fn removing_a_brief_removes_its_passages_and_undo_restores_them() {
        let (mut ws, pid, ..) = sample();
        let before = ws.clone();
        let brief = ws.briefs[0].id;
        let inverse = apply(&mut ws, Edit::RemoveBrief(brief)).expect("removable");
        assert!(ws.briefs.is_empty() && ws.passage(pid).is_none());
        apply(&mut ws, inverse).expect("undo applies");
        assert_eq!(ws, before);
    }

    #[test]
    fn removing_a_determinant_drops_its_links() {
        let (mut ws, pid, _, _, det) = sample();
        apply(&mut ws, Edit::RemoveDeterminant(det)).expect("removable");
        assert!(ws.passage(pid).expect("kept").links.is_empty());
    }

    #[test]
    fn a_tag_cannot_become_its_own_ancestor() {
        let (mut ws, _, parent, child, _) = sample();
        let mut moved = ws.tag(parent).expect("exists").clone();
        moved.parent = Some(child);
        let before = ws.clone();
        assert_eq!(
            apply(&mut ws, Edit::SetTag(moved)),
            Err(EditError::TagCycle)
        );
        assert_eq!(ws, before);
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let (mut ws, pid, ..) = sample();
        let before = ws.clone();
        let result = apply(
            &mut ws,
            Edit::Batch {
                label: "two".into(),
                edits: vec![
                    Edit::SetPassageMemo {
                        id: pid,
                        memo: "changed".into(),
                    },
                    Edit::SetPassageTags {
                        id: pid,
                        tags: vec![TagId::new()],
                    },
                ],
            },
        );
        assert!(matches!(
            result,
            Err(EditError::NotFound { kind: "tag", .. })
        ));
        assert_eq!(ws, before);
    }

    #[test]
    fn passages_must_fit_their_brief() {
        let (mut ws, pid, ..) = sample();
        let mut passage = ws.passage(pid).expect("exists").clone();
        passage.id = PassageId::new();
        passage.anchor.quote = "something else".into();
        assert!(matches!(
            apply(&mut ws, Edit::InsertPassage { index: 0, passage }),
            Err(EditError::Anchor(AnchorError::QuoteMismatch { .. }))
        ));
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step_and_dirty_follows_saves() {
        let (ws, pid, ..) = sample();
        let mut doc = Document::new(ws);
        assert!(!doc.is_dirty());
        for memo in ["a", "ab", "abc"] {
            doc.apply(Edit::SetPassageMemo {
                id: pid,
                memo: memo.into(),
            })
            .expect("fits");
        }
        assert!(doc.is_dirty());
        assert_eq!(doc.undo_label(), Some("edit memo"));
        doc.end_typing();
        doc.apply(Edit::SetPassageMemo {
            id: pid,
            memo: "abcd".into(),
        })
        .expect("fits");
        doc.mark_saved();
        assert!(!doc.is_dirty());
        assert_eq!(doc.undo().expect("fits"), Some("edit memo".into()));
        assert_eq!(doc.workspace().passage(pid).expect("exists").memo, "abc");
        assert_eq!(doc.undo().expect("fits"), Some("edit memo".into()));
        assert_eq!(doc.workspace().passage(pid).expect("exists").memo, "");
        assert_eq!(doc.redo().expect("fits"), Some("edit memo".into()));
        assert_eq!(doc.workspace().passage(pid).expect("exists").memo, "abc");
        assert!(doc.is_dirty());
    }

    #[test]
    fn two_documents_never_share_a_revision() {
        let mut first = Document::new(Workspace::default());
        let second = Document::new(Workspace::default());
        assert!(!first.is_dirty() && !second.is_dirty());
        assert_ne!(first.revision(), second.revision());
        let before = first.revision();
        first
            .apply(Edit::SetWorkspaceTitle("one".into()))
            .expect("applies");
        assert_eq!(first.revision(), before + 1);
        assert_ne!(first.revision(), second.revision());
        assert!(first.is_dirty());
    }

    #[test]
    fn undo_and_redo_back_to_the_saved_content_are_clean() {
        let mut doc = Document::new(Workspace::default());
        doc.apply(Edit::SetWorkspaceTitle("one".into()))
            .expect("applies");
        doc.mark_saved();
        doc.apply(Edit::SetWorkspaceTitle("two".into()))
            .expect("applies");
        assert!(doc.is_dirty());
        doc.undo().expect("undo");
        assert!(!doc.is_dirty(), "back at what was saved");
        doc.undo().expect("undo");
        assert!(doc.is_dirty(), "before what was saved");
        doc.redo().expect("redo");
        assert!(!doc.is_dirty());
        doc.redo().expect("redo");
        assert!(doc.is_dirty());
        // A new edit after undoing past the save makes the saved content unreachable.
        doc.undo().expect("undo");
        doc.undo().expect("undo");
        doc.apply(Edit::SetWorkspaceTitle("three".into()))
            .expect("applies");
        assert!(doc.is_dirty());
        doc.undo().expect("undo");
        assert!(doc.is_dirty(), "the empty title was never saved");
    }

    #[test]
    fn a_recovered_document_is_dirty_until_saved() {
        let (ws, pid, ..) = sample();
        let mut doc = Document::new(ws);
        doc.mark_unsaved();
        assert!(doc.is_dirty());
        doc.apply(Edit::SetPassageMemo {
            id: pid,
            memo: "a".into(),
        })
        .expect("fits");
        doc.undo().expect("fits");
        assert!(doc.is_dirty(), "undoing never makes a recovered copy clean");
        doc.mark_saved();
        assert!(!doc.is_dirty());
    }

    #[test]
    fn an_undo_that_does_not_fit_says_why_and_changes_nothing() {
        let (ws, pid, ..) = sample();
        let mut doc = Document::new(ws);
        doc.apply(Edit::SetPassageMemo {
            id: pid,
            memo: "kept".into(),
        })
        .expect("fits");
        // A step whose inverse names a passage that is not there.
        doc.push_undo_step_for_tests(
            "edit memo",
            Edit::SetPassageMemo {
                id: PassageId::new(),
                memo: String::new(),
            },
        );
        let before = (doc.workspace().clone(), doc.revision());
        let err = doc.undo().expect_err("the inverse does not fit");
        assert!(err.undo);
        assert!(
            err.to_string()
                .starts_with("could not undo «edit memo»: there is no passage"),
            "{err}"
        );
        assert_eq!((doc.workspace().clone(), doc.revision()), before);
        assert_eq!(doc.undo_label(), Some("edit memo"), "the step stays");
        assert_eq!(doc.redo_label(), None);
        // Nothing to redo is not an error.
        assert_eq!(doc.redo().expect("nothing to redo"), None);
    }
}
