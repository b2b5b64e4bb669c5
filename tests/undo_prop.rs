//! Any sequence of edits, undone completely, gives back the original workspace; redone
//! completely, gives the final one.

use basira::edit::{self, Document, Edit};
use basira::model::{
    Anchor, Brief, BriefId, BriefMeta, CellJudgement, Colour, Consistency, Credibility,
    Determinant, DeterminantId, Judgement, Likelihood, Link, LinkTarget, MemoTarget, Relation,
    Relevance, Reliability, Scenario, ScenarioId, Signpost, SignpostStatus, SourceGrade, Tag,
    TagId, Weight, Workspace,
};
use proptest::prelude::*;

/// An edit described by numbers, turned into a real edit against the workspace of the moment.
#[derive(Clone, Debug)]
enum Op {
    AddBrief(String),
    RemoveBrief(usize),
    AddTag(usize, Option<usize>),
    RemoveTag(usize),
    RenameTag(usize, String),
    /// Merges one tag into another (its own child or parent alike).
    MergeTag(usize, usize),
    AddDeterminant(String),
    RemoveDeterminant(usize),
    AddScenario(String, usize),
    RemoveScenario(usize),
    AddPassage(usize, usize, usize),
    RemovePassage(usize),
    TagPassage(usize, usize),
    LinkPassage(usize, usize, bool, usize),
    Memo(usize, String),
    /// A newer version of a brief's text: each passage moves to its quote or is orphaned.
    ReplaceText(usize, String),
    Orphan(usize),
    Dismiss(usize, String),
    /// Reliability and credibility by index, past the end for none.
    Grade(usize, usize, usize),
    Credibility(usize, usize),
    Relevance(usize, usize, usize),
    Judge(usize, usize, usize, String),
    Rate(usize, usize, usize),
    Weights(usize, u16),
    Signpost(usize, usize, usize),
    MemoOn(usize, usize, String),
}

fn op() -> impl Strategy<Value = Op> {
    let text = "[a-z ءابتثجحخدذرزسشصضطظعغفقكلمنهوي0-9]{1,40}";
    prop_oneof![
        text.prop_map(Op::AddBrief),
        any::<usize>().prop_map(Op::RemoveBrief),
        (any::<usize>(), any::<Option<usize>>()).prop_map(|(a, b)| Op::AddTag(a, b)),
        any::<usize>().prop_map(Op::RemoveTag),
        (any::<usize>(), text).prop_map(|(a, b)| Op::RenameTag(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::MergeTag(a, b)),
        text.prop_map(Op::AddDeterminant),
        any::<usize>().prop_map(Op::RemoveDeterminant),
        (text, any::<usize>()).prop_map(|(a, b)| Op::AddScenario(a, b)),
        any::<usize>().prop_map(Op::RemoveScenario),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(a, b, c)| Op::AddPassage(a, b, c)),
        any::<usize>().prop_map(Op::RemovePassage),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::TagPassage(a, b)),
        (
            any::<usize>(),
            any::<usize>(),
            any::<bool>(),
            any::<usize>()
        )
            .prop_map(|(a, b, c, d)| Op::LinkPassage(a, b, c, d)),
        (any::<usize>(), text).prop_map(|(a, b)| Op::Memo(a, b)),
        (any::<usize>(), text).prop_map(|(a, b)| Op::ReplaceText(a, b)),
        any::<usize>().prop_map(Op::Orphan),
        (any::<usize>(), text).prop_map(|(a, b)| Op::Dismiss(a, b)),
        (any::<usize>(), 0..7usize, 0..7usize).prop_map(|(a, b, c)| Op::Grade(a, b, c)),
        (any::<usize>(), 0..7usize).prop_map(|(a, b)| Op::Credibility(a, b)),
        (any::<usize>(), any::<usize>(), 0..4usize).prop_map(|(a, b, c)| Op::Relevance(a, b, c)),
        (any::<usize>(), any::<usize>(), 0..6usize, "[a-z]{0,3}")
            .prop_map(|(a, b, c, d)| Op::Judge(a, b, c, d)),
        (any::<usize>(), any::<usize>(), 0..7usize).prop_map(|(a, b, c)| Op::Rate(a, b, c)),
        (any::<usize>(), 0..1000u16).prop_map(|(a, b)| Op::Weights(a, b)),
        (any::<usize>(), any::<usize>(), 0..5usize).prop_map(|(a, b, c)| Op::Signpost(a, b, c)),
        (0..4usize, any::<usize>(), "[a-z]{0,3}").prop_map(|(a, b, c)| Op::MemoOn(a, b, c)),
    ]
}

fn pick<T>(items: &[T], n: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[n % items.len()])
}

fn to_edit(ws: &Workspace, op: Op) -> Option<Edit> {
    Some(match op {
        Op::AddBrief(text) => Edit::InsertBrief {
            index: 0,
            brief: Brief {
                id: BriefId::new(),
                meta: BriefMeta::default(),
                text,
                source: None,
                headings: Vec::new(),
                dismissed_proposals: Vec::new(),
            },
        },
        Op::RemoveBrief(n) => Edit::RemoveBrief(pick(&ws.briefs, n)?.id),
        Op::AddTag(n, parent) => Edit::InsertTag {
            index: n % (ws.tags.len() + 1),
            tag: Tag {
                id: TagId::new(),
                name: format!("tag {n}"),
                colour: Colour::nth(n),
                parent: parent.and_then(|p| pick(&ws.tags, p)).map(|t| t.id),
                description: String::new(),
            },
        },
        Op::RemoveTag(n) => Edit::RemoveTag(pick(&ws.tags, n)?.id),
        Op::RenameTag(n, name) => Edit::SetTag(Tag {
            name,
            ..pick(&ws.tags, n)?.clone()
        }),
        Op::MergeTag(from, into) => {
            let from = pick(&ws.tags, from)?.id;
            let into = pick(&ws.tags, into)?.id;
            (from != into).then_some(Edit::MergeTag { from, into })?
        }
        Op::AddDeterminant(title) => Edit::InsertDeterminant {
            index: ws.determinants.len(),
            determinant: Determinant {
                id: DeterminantId::new(),
                title,
                description: String::new(),
            },
        },
        Op::RemoveDeterminant(n) => Edit::RemoveDeterminant(pick(&ws.determinants, n)?.id),
        Op::AddScenario(title, n) => Edit::InsertScenario {
            index: 0,
            scenario: Scenario {
                id: ScenarioId::new(),
                title,
                narrative: String::new(),
                likelihood: Likelihood::ALL[n % Likelihood::ALL.len()],
            },
        },
        Op::RemoveScenario(n) => Edit::RemoveScenario(pick(&ws.scenarios, n)?.id),
        Op::AddPassage(b, s, l) => {
            let brief = pick(&ws.briefs, b)?;
            let len = brief.char_len();
            let start = s % len;
            let end = start + 1 + l % (len - start);
            let passage =
                edit::new_passage(brief, start, end, chrono::DateTime::UNIX_EPOCH).ok()?;
            Edit::InsertPassage {
                index: ws.passages.len(),
                passage,
            }
        }
        Op::RemovePassage(n) => Edit::RemovePassage(pick(&ws.passages, n)?.id),
        Op::TagPassage(p, t) => {
            let passage = pick(&ws.passages, p)?;
            let tag = pick(&ws.tags, t)?.id;
            let mut tags = passage.tags.clone();
            if let Some(i) = tags.iter().position(|x| *x == tag) {
                tags.remove(i);
            } else {
                tags.push(tag);
            }
            Edit::SetPassageTags {
                id: passage.id,
                tags,
            }
        }
        Op::LinkPassage(p, t, to_scenario, r) => {
            let passage = pick(&ws.passages, p)?;
            let target = if to_scenario {
                LinkTarget::Scenario(pick(&ws.scenarios, t)?.id)
            } else {
                LinkTarget::Determinant(pick(&ws.determinants, t)?.id)
            };
            let mut links: Vec<Link> = passage
                .links
                .iter()
                .copied()
                .filter(|l| l.target != target)
                .collect();
            links.push(Link {
                target,
                relation: Relation::ALL[r % 3],
            });
            Edit::SetPassageLinks {
                id: passage.id,
                links,
            }
        }
        Op::Memo(p, memo) => Edit::SetPassageMemo {
            id: pick(&ws.passages, p)?.id,
            memo,
        },
        Op::ReplaceText(b, tail) => {
            let brief = pick(&ws.briefs, b)?;
            // The old text with a new start: quotes that survive move, the others are orphaned.
            let text: String = format!("{tail} {}", brief.text.chars().skip(3).collect::<String>());
            let anchors = ws
                .passages_of(brief.id)
                .into_iter()
                .map(|p| match text.find(&p.anchor.quote) {
                    Some(byte) => {
                        let start = text[..byte].chars().count();
                        let end = start + p.anchor.quote.chars().count();
                        let anchor = Anchor::from_range(&text, start, end).expect("found");
                        (p.id, anchor, false)
                    }
                    None => (p.id, p.anchor.clone(), true),
                })
                .collect();
            Edit::ReplaceBriefText {
                id: brief.id,
                text,
                source: None,
                headings: Vec::new(),
                anchors,
            }
        }
        Op::Orphan(p) => {
            let passage = pick(&ws.passages, p).filter(|p| !p.orphaned)?;
            Edit::SetPassageAnchor {
                id: passage.id,
                anchor: passage.anchor.clone(),
                orphaned: true,
            }
        }
        Op::Dismiss(b, key) => {
            let brief = pick(&ws.briefs, b)?;
            let mut keys = brief.dismissed_proposals.clone();
            keys.push(key);
            Edit::SetDismissedProposals { id: brief.id, keys }
        }
        Op::Grade(b, r, c) => Edit::SetBriefGrade {
            id: pick(&ws.briefs, b)?.id,
            grade: SourceGrade {
                reliability: Reliability::ALL.get(r).copied(),
                credibility: Credibility::ALL.get(c).copied(),
            },
        },
        Op::Credibility(p, c) => Edit::SetPassageCredibility {
            id: pick(&ws.passages, p)?.id,
            credibility: Credibility::ALL.get(c).copied(),
        },
        Op::Relevance(p, l, r) => {
            let passage = pick(&ws.passages, p)?;
            Edit::SetLinkRelevance {
                passage: passage.id,
                target: pick(&passage.links, l)?.target,
                relevance: Relevance::ALL.get(r).copied(),
            }
        }
        Op::Judge(d, s, j, note) => Edit::SetJudgement {
            determinant: pick(&ws.determinants, d)?.id,
            scenario: pick(&ws.scenarios, s)?.id,
            cell: CellJudgement {
                judgement: Judgement::ALL.get(j).copied(),
                note,
            },
        },
        Op::Rate(p, s, r) => Edit::SetRating {
            passage: pick(&ws.passages, p)?.id,
            scenario: pick(&ws.scenarios, s)?.id,
            rating: Consistency::ALL.get(r).copied(),
        },
        Op::Weights(i, w) => {
            let mut weights = ws.assessment.weights;
            weights.credibility[i % 6] = Weight(w);
            weights.relevance[i % 3] = Weight(w / 2);
            Edit::SetWeights(weights)
        }
        Op::Signpost(p, l, status) => {
            let passage = pick(&ws.passages, p)?;
            let indicators: Vec<ScenarioId> = passage
                .links
                .iter()
                .filter_map(|l| match l.target {
                    LinkTarget::Scenario(s) if l.relation == Relation::Indicator => Some(s),
                    _ => None,
                })
                .collect();
            Edit::SetSignpost {
                passage: passage.id,
                scenario: *pick(&indicators, l)?,
                signpost: SignpostStatus::ALL.get(status).map(|&status| Signpost {
                    status,
                    assessed: chrono::NaiveDate::from_ymd_opt(2025, 10, 1),
                }),
            }
        }
        Op::MemoOn(kind, n, memo) => Edit::SetMemo {
            on: match kind {
                0 => MemoTarget::Brief(pick(&ws.briefs, n)?.id),
                1 => MemoTarget::Tag(pick(&ws.tags, n)?.id),
                2 => MemoTarget::Determinant(pick(&ws.determinants, n)?.id),
                _ => MemoTarget::Scenario(pick(&ws.scenarios, n)?.id),
            },
            memo,
        },
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undo_all_restores_the_start_and_redo_all_the_end(ops in prop::collection::vec(op(), 1..40)) {
        let mut doc = Document::new(Workspace::default());
        let mut steps = 0;
        for op in ops {
            doc.end_typing();
            if let Some(edit) = to_edit(doc.workspace(), op) {
                doc.apply(edit).expect("edits built from the current workspace fit");
                steps += 1;
            }
        }
        let end = doc.workspace().clone();
        for _ in 0..steps {
            prop_assert!(doc.undo().expect("undo fits").is_some());
        }
        prop_assert!(doc.undo().expect("nothing to undo").is_none());
        prop_assert_eq!(doc.workspace(), &Workspace::default());
        for _ in 0..steps {
            prop_assert!(doc.redo().expect("redo fits").is_some());
        }
        prop_assert_eq!(doc.workspace(), &end);
        // Whatever was removed, nothing set refers to what is gone: the workspace saves and
        // reopens as it is.
        let text = basira::file::to_ron(&end);
        prop_assert_eq!(basira::file::parse(&text), Ok(end));
    }
}
