//! Signposts: passages linked to a scenario as its indicators, with their status, over time.

use chrono::NaiveDate;

use super::{IdMap, Index};
use crate::model::{
    BriefId, LinkTarget, PassageId, Relation, ScenarioId, SignpostStatus, Workspace,
};

/// One signpost of a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignpostRow {
    pub passage: PassageId,
    pub brief: BriefId,
    /// The brief's publication date.
    pub published: Option<NaiveDate>,
    /// `NotSeen` when the analyst has not assessed it.
    pub status: SignpostStatus,
    /// When it was last assessed.
    pub assessed: Option<NaiveDate>,
}

/// A scenario's signposts, in the workspace's order of passages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioSignposts {
    pub scenario: ScenarioId,
    pub signposts: Vec<SignpostRow>,
    /// How many are not seen, emerging, observed, contradicted.
    pub counts: [usize; 4],
}

/// One brief on the timeline: per scenario, its signposts in that brief by status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    pub brief: BriefId,
    pub published: Option<NaiveDate>,
    /// One per scenario: not seen, emerging, observed, contradicted.
    pub counts: Vec<[usize; 4]>,
}

/// Every scenario's signposts and the timeline of the briefs that hold them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Indicators {
    /// One per scenario, in the workspace's order.
    pub scenarios: Vec<ScenarioSignposts>,
    /// Briefs holding at least one signpost, by publication date (undated last).
    pub timeline: Vec<TimelineEntry>,
}

fn status_index(status: SignpostStatus) -> usize {
    match status {
        SignpostStatus::NotSeen => 0,
        SignpostStatus::Emerging => 1,
        SignpostStatus::Observed => 2,
        SignpostStatus::Contradicted => 3,
    }
}

impl Indicators {
    pub(super) fn compute(ws: &Workspace, index: &Index) -> Self {
        let mut scenarios: Vec<ScenarioSignposts> = ws
            .scenarios
            .iter()
            .map(|s| ScenarioSignposts {
                scenario: s.id,
                signposts: Vec::new(),
                counts: [0; 4],
            })
            .collect();
        let mut per_brief: Vec<Option<Vec<[usize; 4]>>> = vec![None; ws.briefs.len()];
        // The assessed signposts by passage, looked up once per passage.
        // The map is ordered by passage: each passage's are one run of it, kept as a range.
        let assessed_list: Vec<(ScenarioId, &crate::model::Signpost)> = ws
            .assessment
            .signposts
            .iter()
            .map(|((_, s), signpost)| (*s, signpost))
            .collect();
        let mut assessed: IdMap<PassageId, (usize, usize)> = IdMap::default();
        for (i, (p, _)) in ws.assessment.signposts.keys().enumerate() {
            assessed
                .entry(*p)
                .and_modify(|(_, end)| *end = i + 1)
                .or_insert((i, i + 1));
        }
        for (p, brief) in ws.passages.iter().zip(&index.passage_briefs) {
            let Some(b) = *brief else { continue };
            let mut set_for = None;
            for l in &p.links {
                let LinkTarget::Scenario(id) = l.target else {
                    continue;
                };
                if l.relation != Relation::Indicator {
                    continue;
                }
                let Some(&s) = index.scenarios.get(&id) else {
                    continue;
                };
                let set_for: &[(ScenarioId, &crate::model::Signpost)] =
                    set_for.get_or_insert_with(|| {
                        assessed
                            .get(&p.id)
                            .map_or(&[][..], |&(start, end)| &assessed_list[start..end])
                    });
                let set = set_for.iter().find(|(x, _)| *x == id).map(|(_, s)| *s);
                let status = set.map_or(SignpostStatus::NotSeen, |s| s.status);
                let k = status_index(status);
                scenarios[s].counts[k] += 1;
                scenarios[s].signposts.push(SignpostRow {
                    passage: p.id,
                    brief: p.brief,
                    published: ws.briefs[b].meta.published,
                    status,
                    assessed: set.and_then(|s| s.assessed),
                });
                per_brief[b].get_or_insert_with(|| vec![[0; 4]; ws.scenarios.len()])[s][k] += 1;
            }
        }
        let mut timeline: Vec<TimelineEntry> = per_brief
            .into_iter()
            .enumerate()
            .filter_map(|(b, counts)| {
                counts.map(|counts| TimelineEntry {
                    brief: ws.briefs[b].id,
                    published: ws.briefs[b].meta.published,
                    counts,
                })
            })
            .collect();
        timeline.sort_by_key(|e| (e.published.is_none(), e.published));
        Indicators {
            scenarios,
            timeline,
        }
    }
}
