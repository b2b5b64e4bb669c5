//! Accepting proposals: each chosen proposal becomes a determinant or scenario (with the name
//! and description the analyst may have edited) and its source paragraph a passage linked to
//! it as supporting evidence, all in one [`Edit::Batch`] — one undo step. The app's Structure
//! tab and `basira structure --accept` both make their edit here.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::types::{BriefStructure, Proposal, ProposalKind};
use crate::edit::{self, Edit};
use crate::model::{
    BriefId, Determinant, DeterminantId, Likelihood, Link, LinkTarget, Passage, PassageId,
    Relation, Scenario, ScenarioId, Workspace,
};

/// A proposal the analyst accepts, by its [`Proposal::key`], with the name and description
/// they typed in its place, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    pub key: String,
    /// Replaces the proposal's name.
    pub name: Option<String>,
    /// Replaces the proposal's description.
    pub description: Option<String>,
}

impl Choice {
    /// The proposal with key `key`, as proposed.
    #[must_use]
    pub fn key(key: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            ..Self::default()
        }
    }
}

/// What accepting a set of proposals makes.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    /// One batch that makes every accepted proposal; `None` when none is left to make.
    pub edit: Option<Edit>,
    /// The keys of the proposals it makes, in the order chosen.
    pub keys: Vec<String>,
    /// The keys of chosen proposals the workspace already holds (a passage over its source is
    /// linked to an item of its kind): left alone.
    pub already: Vec<String>,
    /// What could not be accepted, one sentence each: a key the brief does not propose, a
    /// source outside the brief's text.
    pub problems: Vec<String>,
}

/// The edit that accepts `choices` among the proposals `structure` found in brief `brief` of
/// `ws` (`structure` is [`super::detect`] of that brief). A proposal whose source paragraph is
/// already a passage of the brief adds its link to that passage (every link the batch adds to
/// one passage is kept); otherwise a passage created at `now` is inserted. A key chosen twice
/// counts once. `None` when the workspace has no brief `brief`.
#[must_use]
pub fn accept(
    ws: &Workspace,
    brief: BriefId,
    structure: &BriefStructure,
    choices: &[Choice],
    now: DateTime<Utc>,
) -> Option<Accepted> {
    let brief = ws.brief(brief)?;
    let proposals: HashMap<&str, &Proposal> = structure
        .proposals
        .iter()
        .map(|p| (p.key.as_str(), p))
        .collect();
    // The brief's passages by their range (the first of several over one range), and the
    // (range, kind) of those linked to a determinant or scenario.
    let mut passage_at: HashMap<(usize, usize), PassageId> = HashMap::new();
    let mut linked: HashSet<(usize, usize, ProposalKind)> = HashSet::new();
    for p in ws
        .passages
        .iter()
        .filter(|p| p.brief == brief.id && !p.orphaned)
    {
        let range = (p.anchor.start, p.anchor.end);
        passage_at.entry(range).or_insert(p.id);
        for link in &p.links {
            linked.insert((range.0, range.1, kind_of(link.target)));
        }
    }
    let mut out = Accepted {
        edit: None,
        keys: Vec::new(),
        already: Vec::new(),
        problems: Vec::new(),
    };
    let mut items = Vec::new();
    // The links the batch gives existing passages (each starting from the passage's own), and
    // the passages it creates, in the order first touched.
    let mut relinked: Vec<(PassageId, Vec<Link>)> = Vec::new();
    let mut created: Vec<Passage> = Vec::new();
    let mut seen = HashSet::new();
    for choice in choices {
        if !seen.insert(choice.key.as_str()) {
            continue;
        }
        let Some(proposal) = proposals.get(choice.key.as_str()) else {
            out.problems.push(format!(
                "«{}» has no proposal with the key {}",
                brief.display_title(),
                choice.key
            ));
            continue;
        };
        let (start, end) = (proposal.source.start, proposal.source.end);
        if linked.contains(&(start, end, proposal.kind)) {
            out.already.push(choice.key.clone());
            continue;
        }
        let link = Link {
            target: make_item(proposal, choice, &mut items),
            relation: Relation::Supports,
        };
        if let Some(&id) = passage_at.get(&(start, end)) {
            match relinked.iter_mut().find(|(p, _)| *p == id) {
                Some((_, links)) => links.push(link),
                None => {
                    let mut links = ws.passage(id).map(|p| p.links.clone()).unwrap_or_default();
                    links.push(link);
                    relinked.push((id, links));
                }
            }
        } else if let Some(passage) = created
            .iter_mut()
            .find(|p| (p.anchor.start, p.anchor.end) == (start, end))
        {
            passage.links.push(link);
        } else {
            match edit::new_passage(brief, start, end, now) {
                Ok(mut passage) => {
                    passage.links.push(link);
                    created.push(passage);
                }
                Err(err) => {
                    items.pop();
                    out.problems
                        .push(format!("Cannot accept «{}»: {err}", proposal.name));
                    continue;
                }
            }
        }
        out.keys.push(choice.key.clone());
    }
    if out.keys.is_empty() {
        return Some(out);
    }
    let mut edits = items;
    edits.extend(
        relinked
            .into_iter()
            .map(|(id, links)| Edit::SetPassageLinks { id, links }),
    );
    edits.extend(created.into_iter().map(|passage| Edit::InsertPassage {
        index: usize::MAX,
        passage,
    }));
    let label = if out.keys.len() == 1 {
        "accept proposal"
    } else {
        "accept proposals"
    };
    out.edit = Some(Edit::Batch {
        label: label.into(),
        edits,
    });
    Some(out)
}

/// The kind of proposal a link target answers.
fn kind_of(target: LinkTarget) -> ProposalKind {
    match target {
        LinkTarget::Determinant(_) => ProposalKind::Determinant,
        LinkTarget::Scenario(_) => ProposalKind::Scenario,
    }
}

/// Pushes the edit that makes the determinant or scenario `proposal` offers (under the
/// choice's name and description) and returns it as a link target.
fn make_item(proposal: &Proposal, choice: &Choice, items: &mut Vec<Edit>) -> LinkTarget {
    let name = choice.name.clone().unwrap_or_else(|| proposal.name.clone());
    let description = choice
        .description
        .clone()
        .unwrap_or_else(|| proposal.description.clone());
    match proposal.kind {
        ProposalKind::Determinant => {
            let id = DeterminantId::new();
            items.push(Edit::InsertDeterminant {
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
            items.push(Edit::InsertScenario {
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Brief, BriefMeta};
    use crate::structure::Span;

    const TEXT: &str = "Drivers\n\n1. Oil prices: they fell.\n\n2. Elections: they come.";

    fn proposal(kind: ProposalKind, key: &str, name: &str, source: Span) -> Proposal {
        Proposal {
            kind,
            name: name.into(),
            description: String::new(),
            source,
            item: 0,
            key: key.into(),
        }
    }

    /// The first item's paragraph («1. Oil prices: they fell.»).
    fn first() -> Span {
        Span::new(9, 34)
    }

    fn second() -> Span {
        Span::new(36, 60)
    }

    fn workspace() -> (Workspace, BriefId) {
        let id = BriefId::new();
        let brief = Brief::new(id, BriefMeta::default(), TEXT.into());
        let ws = Workspace {
            briefs: vec![brief],
            ..Workspace::default()
        };
        (ws, id)
    }

    fn structure(proposals: Vec<Proposal>) -> BriefStructure {
        BriefStructure {
            proposals,
            ..BriefStructure::default()
        }
    }

    fn accepted(ws: &mut Workspace, brief: BriefId, s: &BriefStructure, keys: &[&str]) -> Accepted {
        let choices: Vec<Choice> = keys.iter().map(|k| Choice::key(*k)).collect();
        let out = accept(ws, brief, s, &choices, Utc::now()).expect("the brief");
        if let Some(edit) = out.edit.clone() {
            edit::apply(ws, edit).expect("the edit applies");
        }
        out
    }

    #[test]
    fn the_spans_are_the_items() {
        assert_eq!(first().text(TEXT), "1. Oil prices: they fell.");
        assert_eq!(second().text(TEXT), "2. Elections: they come.");
    }

    #[test]
    fn each_proposal_makes_its_item_and_a_passage_linked_to_it_in_one_batch() {
        let (mut ws, brief) = workspace();
        let s = structure(vec![
            proposal(ProposalKind::Determinant, "d:1", "Oil prices", first()),
            proposal(ProposalKind::Scenario, "s:2", "Elections", second()),
        ]);
        let before = ws.clone();
        let choice = Choice {
            key: "d:1".into(),
            name: Some("Oil".into()),
            description: Some("Prices fell.".into()),
        };
        let out = accept(&ws, brief, &s, &[choice, Choice::key("s:2")], Utc::now()).expect("brief");
        assert_eq!(out.keys, ["d:1", "s:2"]);
        let Some(Edit::Batch { label, .. }) = &out.edit else {
            panic!("one batch");
        };
        assert_eq!(label, "accept proposals");
        let undo = edit::apply(&mut ws, out.edit.expect("an edit")).expect("applies");
        assert_eq!(ws.determinants[0].title, "Oil");
        assert_eq!(ws.determinants[0].description, "Prices fell.");
        assert_eq!(ws.scenarios[0].title, "Elections");
        assert_eq!(ws.passages.len(), 2);
        assert_eq!(ws.passages[0].anchor.quote, "1. Oil prices: they fell.");
        assert_eq!(
            ws.passages[0].links,
            [Link {
                target: LinkTarget::Determinant(ws.determinants[0].id),
                relation: Relation::Supports
            }]
        );
        assert_eq!(
            ws.passages[1].links[0].target,
            LinkTarget::Scenario(ws.scenarios[0].id)
        );
        edit::apply(&mut ws, undo).expect("undo applies");
        assert_eq!(ws, before);
    }

    #[test]
    fn two_proposals_on_one_existing_passage_both_keep_their_link() {
        let (mut ws, brief) = workspace();
        // The analyst linked the paragraph to a scenario of their own.
        let own = ScenarioId::new();
        ws.scenarios.push(Scenario {
            id: own,
            title: "Made by hand".into(),
            narrative: String::new(),
            likelihood: Likelihood::default(),
        });
        let b = ws.brief(brief).expect("brief").clone();
        let mut passage =
            edit::new_passage(&b, first().start, first().end, Utc::now()).expect("a passage");
        passage.links.push(Link {
            target: LinkTarget::Scenario(own),
            relation: Relation::Weakens,
        });
        ws.passages.push(passage);
        let s = structure(vec![
            proposal(ProposalKind::Determinant, "d:1", "Oil prices", first()),
            proposal(ProposalKind::Determinant, "d:2", "Cheap oil", first()),
        ]);
        let out = accepted(&mut ws, brief, &s, &["d:1", "d:2"]);
        assert_eq!(out.keys, ["d:1", "d:2"]);
        assert_eq!(ws.passages.len(), 1);
        let targets: Vec<LinkTarget> = ws.passages[0].links.iter().map(|l| l.target).collect();
        assert_eq!(
            targets,
            [
                LinkTarget::Scenario(own),
                LinkTarget::Determinant(ws.determinants[0].id),
                LinkTarget::Determinant(ws.determinants[1].id),
            ]
        );
    }

    #[test]
    fn two_proposals_on_one_new_passage_make_one_passage_with_both_links() {
        let (mut ws, brief) = workspace();
        let s = structure(vec![
            proposal(ProposalKind::Determinant, "d:1", "Oil prices", first()),
            proposal(ProposalKind::Scenario, "s:1", "Cheap oil", first()),
        ]);
        accepted(&mut ws, brief, &s, &["d:1", "s:1"]);
        assert_eq!(ws.passages.len(), 1);
        assert_eq!(ws.passages[0].links.len(), 2);
    }

    #[test]
    fn accepted_proposals_unknown_keys_and_repeated_keys_make_nothing_more() {
        let (mut ws, brief) = workspace();
        let s = structure(vec![proposal(
            ProposalKind::Determinant,
            "d:1",
            "Oil prices",
            first(),
        )]);
        let out = accepted(&mut ws, brief, &s, &["d:1", "d:1"]);
        assert_eq!(out.keys, ["d:1"]);
        assert_eq!(ws.determinants.len(), 1);
        let again = accepted(&mut ws, brief, &s, &["d:1", "d:9"]);
        assert_eq!(again.edit, None);
        assert_eq!(again.already, ["d:1"]);
        assert_eq!(again.problems.len(), 1);
        assert!(again.problems[0].contains("d:9"), "{:?}", again.problems);
        assert_eq!(ws.determinants.len(), 1);
        assert!(accept(&ws, BriefId::new(), &s, &[], Utc::now()).is_none());
    }

    #[test]
    fn a_source_outside_the_text_is_a_problem_and_makes_nothing() {
        let (mut ws, brief) = workspace();
        let s = structure(vec![
            proposal(
                ProposalKind::Determinant,
                "d:1",
                "Past the end",
                Span::new(50, 500),
            ),
            proposal(ProposalKind::Scenario, "s:2", "Elections", second()),
        ]);
        let out = accepted(&mut ws, brief, &s, &["d:1", "s:2"]);
        assert_eq!(out.keys, ["s:2"]);
        assert!(
            out.problems[0].contains("Past the end"),
            "{:?}",
            out.problems
        );
        assert!(ws.determinants.is_empty());
        assert_eq!(ws.scenarios.len(), 1);
        assert_eq!(ws.passages.len(), 1);
    }
}
