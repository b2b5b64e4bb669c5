//! Checking what version 4 adds (grades, judgements, ratings, weights, signposts, memos)
//! against the workspace built from the rest of the file: every reference must name something
//! that exists, every number must be in its range, nothing may be given twice. Problems are
//! listed like every other problem of the file; nothing is dropped or repaired.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::v4::{Additions, MemoOnV4, link_target};
use super::validate::Problem;
use super::words::credibility_of_digit;
use crate::model::{
    Assessment, CellJudgement, Credibility, Judgement, LinkTarget, MemoTarget, Memos, PassageId,
    Relation, Signpost, SourceGrade, Weight, Weights, Workspace,
};

/// The largest weight a file may give: ×10.
const MAX_WEIGHT: u16 = 1000;

/// What the file's references can point to.
struct Known {
    briefs: HashSet<crate::model::BriefId>,
    tags: HashSet<crate::model::TagId>,
    determinants: HashSet<crate::model::DeterminantId>,
    scenarios: HashSet<crate::model::ScenarioId>,
    /// Each passage's links.
    links: HashMap<PassageId, Vec<(LinkTarget, Relation)>>,
}

impl Known {
    fn of(ws: &Workspace) -> Self {
        Known {
            briefs: ws.briefs.iter().map(|b| b.id).collect(),
            tags: ws.tags.iter().map(|t| t.id).collect(),
            determinants: ws.determinants.iter().map(|d| d.id).collect(),
            scenarios: ws.scenarios.iter().map(|s| s.id).collect(),
            links: ws
                .passages
                .iter()
                .map(|p| {
                    (
                        p.id,
                        p.links.iter().map(|l| (l.target, l.relation)).collect(),
                    )
                })
                .collect(),
        }
    }

    fn target(&self, target: LinkTarget) -> Option<String> {
        match target {
            LinkTarget::Determinant(id) if !self.determinants.contains(&id) => {
                Some(format!("its determinant {id} does not exist"))
            }
            LinkTarget::Scenario(id) if !self.scenarios.contains(&id) => {
                Some(format!("its scenario {id} does not exist"))
            }
            _ => None,
        }
    }

    fn passage(&self, id: PassageId) -> Option<String> {
        (!self.links.contains_key(&id)).then(|| format!("its passage {id} does not exist"))
    }
}

/// Inserts `value` under `key`, reporting a key given twice.
fn insert_once<K: Ord, V>(
    map: &mut BTreeMap<K, V>,
    key: K,
    value: V,
    subject: &dyn Fn() -> String,
    problems: &mut Vec<Problem>,
) {
    if map.insert(key, value).is_some() {
        problems.push(Problem {
            subject: subject(),
            message: "it is given twice".into(),
        });
    }
}

fn report(problems: &mut Vec<Problem>, subject: &dyn Fn() -> String, message: Option<String>) {
    if let Some(message) = message {
        problems.push(Problem {
            subject: subject(),
            message,
        });
    }
}

fn credibility(digit: u8) -> Result<Credibility, String> {
    credibility_of_digit(digit).ok_or_else(|| format!("its credibility {digit} is not 1 to 6"))
}

/// Checks the additions of version 4 against `ws` and puts them in it.
pub(super) fn add_assessment(ws: &mut Workspace, file: Additions, problems: &mut Vec<Problem>) {
    let known = Known::of(ws);
    ws.memos = memos(&known, &file.memos, problems);
    let mut a = Assessment::default();
    grades(&known, &mut a, &file, problems);
    judgements(&known, &mut a, &file, problems);
    ratings_and_signposts(&known, &mut a, &file, problems);
    if let Some(w) = &file.weights {
        match weights(w) {
            Ok(weights) => a.weights = weights,
            Err(message) => problems.push(Problem {
                subject: "the weights".into(),
                message,
            }),
        }
    }
    ws.assessment = a;
}

fn memos(known: &Known, memos: &[super::v4::MemoV4], problems: &mut Vec<Problem>) -> Memos {
    let mut out = BTreeMap::new();
    for m in memos {
        let (target, exists, what) = match m.on {
            MemoOnV4::Brief(id) => (MemoTarget::Brief(id), known.briefs.contains(&id), "brief"),
            MemoOnV4::Tag(id) => (MemoTarget::Tag(id), known.tags.contains(&id), "tag"),
            MemoOnV4::Determinant(id) => (
                MemoTarget::Determinant(id),
                known.determinants.contains(&id),
                "determinant",
            ),
            MemoOnV4::Scenario(id) => (
                MemoTarget::Scenario(id),
                known.scenarios.contains(&id),
                "scenario",
            ),
        };
        let subject = || format!("the memo on {what} {}", memo_id(target));
        if !exists {
            report(
                problems,
                &subject,
                Some(format!("its {what} does not exist")),
            );
        }
        if !m.text.is_empty() {
            insert_once(&mut out, target, m.text.clone(), &subject, problems);
        }
    }
    Memos(out)
}

fn memo_id(target: MemoTarget) -> String {
    match target {
        MemoTarget::Brief(id) => id.to_string(),
        MemoTarget::Tag(id) => id.to_string(),
        MemoTarget::Determinant(id) => id.to_string(),
        MemoTarget::Scenario(id) => id.to_string(),
    }
}

fn grades(known: &Known, a: &mut Assessment, file: &Additions, problems: &mut Vec<Problem>) {
    for g in &file.grades {
        let subject = || format!("the grade of brief {}", g.brief);
        if !known.briefs.contains(&g.brief) {
            report(problems, &subject, Some("its brief does not exist".into()));
        }
        let credibility = match g.credibility.map(credibility).transpose() {
            Ok(c) => c,
            Err(message) => {
                report(problems, &subject, Some(message));
                None
            }
        };
        let grade = SourceGrade {
            reliability: g.reliability.map(Into::into),
            credibility,
        };
        if !grade.is_empty() {
            insert_once(&mut a.grades, g.brief, grade, &subject, problems);
        }
    }
    for c in &file.credibility {
        let subject = || format!("the credibility of passage {}", c.passage);
        report(problems, &subject, known.passage(c.passage));
        match credibility(c.credibility) {
            Ok(value) => insert_once(&mut a.credibility, c.passage, value, &subject, problems),
            Err(message) => report(problems, &subject, Some(message)),
        }
    }
    for r in &file.relevance {
        let target = link_target(&r.to);
        let subject = || format!("the relevance of passage {}'s link", r.passage);
        let linked = known
            .links
            .get(&r.passage)
            .is_some_and(|links| links.iter().any(|(t, _)| *t == target));
        let message = known
            .passage(r.passage)
            .or_else(|| known.target(target))
            .or_else(|| (!linked).then(|| "the passage has no such link".to_owned()));
        report(problems, &subject, message);
        insert_once(
            &mut a.relevance,
            (r.passage, target),
            r.relevance.into(),
            &subject,
            problems,
        );
    }
}

fn judgements(known: &Known, a: &mut Assessment, file: &Additions, problems: &mut Vec<Problem>) {
    for j in &file.judgements {
        let subject = || {
            format!(
                "the judgement of determinant {} on scenario {}",
                j.determinant, j.scenario
            )
        };
        let message = known
            .target(LinkTarget::Determinant(j.determinant))
            .or_else(|| known.target(LinkTarget::Scenario(j.scenario)));
        report(problems, &subject, message);
        let judgement = match j.judgement.map(|v| Judgement::from_value(v).ok_or(v)) {
            None => None,
            Some(Ok(value)) => Some(value),
            Some(Err(v)) => {
                report(
                    problems,
                    &subject,
                    Some(format!("its judgement {v} is not −2 to 2")),
                );
                None
            }
        };
        let cell = CellJudgement {
            judgement,
            note: j.note.clone(),
        };
        if !cell.is_empty() {
            insert_once(
                &mut a.judgements,
                (j.determinant, j.scenario),
                cell,
                &subject,
                problems,
            );
        }
    }
}

fn ratings_and_signposts(
    known: &Known,
    a: &mut Assessment,
    file: &Additions,
    problems: &mut Vec<Problem>,
) {
    for r in &file.ratings {
        let subject = || {
            format!(
                "the rating of passage {} on scenario {}",
                r.passage, r.scenario
            )
        };
        let message = known
            .passage(r.passage)
            .or_else(|| known.target(LinkTarget::Scenario(r.scenario)));
        report(problems, &subject, message);
        insert_once(
            &mut a.ratings,
            (r.passage, r.scenario),
            r.rating.into(),
            &subject,
            problems,
        );
    }
    for s in &file.signposts {
        let subject = || {
            format!(
                "the signpost of passage {} for scenario {}",
                s.passage, s.scenario
            )
        };
        let target = LinkTarget::Scenario(s.scenario);
        let indicator = known.links.get(&s.passage).is_some_and(|links| {
            links
                .iter()
                .any(|(t, r)| *t == target && *r == Relation::Indicator)
        });
        let message = known
            .passage(s.passage)
            .or_else(|| known.target(target))
            .or_else(|| {
                (!indicator).then(|| "the passage is not linked to it as an indicator".to_owned())
            });
        report(problems, &subject, message);
        let signpost = Signpost {
            status: s.status.into(),
            assessed: s.assessed,
        };
        insert_once(
            &mut a.signposts,
            (s.passage, s.scenario),
            signpost,
            &subject,
            problems,
        );
    }
}

fn weights(w: &super::v4::WeightsV4) -> Result<Weights, String> {
    fn row<const N: usize>(name: &str, values: &[u16]) -> Result<[Weight; N], String> {
        if let Some(v) = values.iter().find(|v| **v > MAX_WEIGHT) {
            return Err(format!(
                "the {name} weight {v} is more than {MAX_WEIGHT} (×10)"
            ));
        }
        let weights: Vec<Weight> = values.iter().copied().map(Weight).collect();
        weights.try_into().map_err(|_| {
            format!(
                "{} {name} weights are given where there must be {N}",
                values.len()
            )
        })
    }
    Ok(Weights {
        reliability: row("reliability", &w.reliability)?,
        credibility: row("credibility", &w.credibility)?,
        relevance: row("relevance", &w.relevance)?,
    })
}
