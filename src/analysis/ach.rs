//! The competing-scenarios matrix (ACH): rows of evidence, scores per scenario, and how much the
//! ranking hangs on single passages and briefs.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::{IdMap, Index, Options, Rows};
use crate::model::{
    BriefId, Consistency, LinkTarget, PassageId, Relevance, ScenarioId, TagId, Workspace,
};

/// One scenario's column totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioScore {
    pub scenario: ScenarioId,
    /// Heuer's count: I = 1, II = 2, over the rows not discounted.
    pub inconsistency: u32,
    /// The weighted inconsistency in millionths (exact).
    pub weighted_millionths: u64,
    /// 1 = least weighted inconsistency; scenarios with equal scores share a rank.
    pub rank: usize,
}

impl ScenarioScore {
    /// The weighted inconsistency.
    #[must_use]
    pub fn weighted(&self) -> f64 {
        millionths(self.weighted_millionths)
    }
}

pub(super) fn millionths(value: u64) -> f64 {
    // Scores stay far below 2^53, where every integer is exact as f64.
    #[expect(clippy::cast_precision_loss, reason = "scores are far below 2^53")]
    let value = value as f64;
    value / 1_000_000.0
}

/// One cell of the ACH matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AchCell {
    /// The rating that counts: the analyst's, or the one the link implies; `None` when neither.
    pub rating: Option<Consistency>,
    /// Whether the analyst set the rating (otherwise it comes from the link).
    pub set: bool,
    /// The relevance of the passage's link to the scenario, when set.
    pub relevance: Option<Relevance>,
    /// What the cell adds to the scenario's weighted score, in millionths (also when the row
    /// is discounted, when it adds nothing).
    pub contribution: u64,
}

/// One row (a passage) of the ACH matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct AchRow {
    pub passage: PassageId,
    pub brief: BriefId,
    /// The brief's place in the workspace.
    pub brief_index: usize,
    /// The brief's publication date.
    pub published: Option<NaiveDate>,
    pub created: DateTime<Utc>,
    /// Where the passage starts in its brief.
    pub start: usize,
    /// The reliability weight × the credibility weight.
    pub weight: f64,
    /// One per scenario, in the workspace's order.
    pub cells: Vec<AchCell>,
    /// Whether the row adds different amounts to different scenarios.
    pub diagnostic: bool,
    /// The largest difference between what the row adds to two scenarios, in millionths.
    pub diagnosticity: u64,
    /// Discounted for the what-if: shown, not counted.
    pub discounted: bool,
}

/// How to order the rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOrder {
    /// Most diagnostic first.
    Diagnosticity,
    /// By brief (the workspace's order), then by place in the brief.
    Brief,
    /// By the brief's publication date (undated last), then by brief and place.
    Date,
    /// Heaviest first.
    Weight,
}

/// The ACH matrix and its scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Ach {
    /// One per scenario, in the workspace's order.
    pub scenarios: Vec<ScenarioScore>,
    /// In the workspace's order of passages.
    pub rows: Vec<AchRow>,
}

impl Ach {
    pub(super) fn compute(ws: &Workspace, index: &Index, options: &Options) -> Self {
        let under: Option<HashSet<TagId>> = match options.rows {
            Rows::Linked => None,
            Rows::Tagged(tag) => Some(
                ws.tags
                    .iter()
                    .filter(|t| ws.tag_is_within(t.id, tag))
                    .map(|t| t.id)
                    .collect(),
            ),
        };
        let a = &ws.assessment;
        let weights = &a.weights;
        let relevance_set = !a.relevance.is_empty();
        // Looked up once per passage rather than once per cell.
        // The map is ordered by passage: each passage's ratings are one run of it, kept as a
        // range of one list (no list per passage to allocate).
        let rated_list: Vec<(ScenarioId, Consistency)> =
            a.ratings.iter().map(|((_, s), r)| (*s, *r)).collect();
        let mut ratings: IdMap<PassageId, (usize, usize)> = IdMap::default();
        ratings.reserve(a.ratings.len());
        for (i, (p, _)) in a.ratings.keys().enumerate() {
            ratings
                .entry(*p)
                .and_modify(|(_, end)| *end = i + 1)
                .or_insert((i, i + 1));
        }
        // Each brief's reliability weight and credibility (a passage may have its own).
        let briefs: Vec<(u64, Option<crate::model::Credibility>)> = ws
            .briefs
            .iter()
            .map(|b| {
                let grade = a.grade(b.id);
                (
                    u64::from(weights.reliability(grade.reliability).0),
                    grade.credibility,
                )
            })
            .collect();
        let own_credibility = !a.credibility.is_empty();
        let mut rows = Vec::with_capacity(ws.passages.len());
        for (p, brief_index) in ws.passages.iter().zip(&index.passage_briefs) {
            let included = match &under {
                None => p
                    .links
                    .iter()
                    .any(|l| matches!(l.target, LinkTarget::Scenario(_))),
                Some(under) => p.tags.iter().any(|t| under.contains(t)),
            };
            if !included {
                continue;
            }
            let Some(brief_index) = *brief_index else {
                continue;
            };
            let brief = &ws.briefs[brief_index];
            let (reliability, brief_credibility) = briefs[brief_index];
            let credibility = if own_credibility {
                a.credibility.get(&p.id).copied().or(brief_credibility)
            } else {
                brief_credibility
            };
            let row_weight = reliability * u64::from(weights.credibility(credibility).0);
            let rated = ratings
                .get(&p.id)
                .map_or(&[][..], |&(start, end)| &rated_list[start..end]);
            let cells: Vec<AchCell> = ws
                .scenarios
                .iter()
                .map(|s| {
                    let target = LinkTarget::Scenario(s.id);
                    let link = p.links.iter().find(|l| l.target == target);
                    let set = rated.iter().find(|(x, _)| *x == s.id).map(|(_, r)| *r);
                    let rating =
                        set.or_else(|| link.and_then(|l| Consistency::from_relation(l.relation)));
                    let relevance = if relevance_set && link.is_some() {
                        a.relevance.get(&(p.id, target)).copied()
                    } else {
                        None
                    };
                    let points = rating.map_or(0, Consistency::inconsistency);
                    AchCell {
                        rating,
                        set: set.is_some(),
                        relevance,
                        contribution: u64::from(points)
                            * row_weight
                            * u64::from(weights.relevance(relevance).0),
                    }
                })
                .collect();
            let most = cells.iter().map(|c| c.contribution).max().unwrap_or(0);
            let least = cells.iter().map(|c| c.contribution).min().unwrap_or(0);
            #[expect(clippy::cast_precision_loss, reason = "weights are below 10^7")]
            let weight = row_weight as f64 / 10_000.0;
            rows.push(AchRow {
                passage: p.id,
                brief: p.brief,
                brief_index,
                published: brief.meta.published,
                created: p.created,
                start: p.anchor.start,
                weight,
                cells,
                diagnostic: most != least,
                diagnosticity: most - least,
                discounted: options.what_if.discounts(p.id, p.brief),
            });
        }
        let mut inconsistency = vec![0u32; ws.scenarios.len()];
        let mut weighted = vec![0u64; ws.scenarios.len()];
        for row in rows.iter().filter(|r| !r.discounted) {
            for (i, cell) in row.cells.iter().enumerate() {
                inconsistency[i] += cell.rating.map_or(0, Consistency::inconsistency);
                weighted[i] += cell.contribution;
            }
        }
        let ranks = ranks(&weighted);
        let scenarios = ws
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| ScenarioScore {
                scenario: s.id,
                inconsistency: inconsistency[i],
                weighted_millionths: weighted[i],
                rank: ranks[i],
            })
            .collect();
        Ach { scenarios, rows }
    }

    /// The rows' positions in `order` (ties keep the workspace's order).
    #[must_use]
    pub fn order(&self, order: RowOrder) -> Vec<usize> {
        let mut positions: Vec<usize> = (0..self.rows.len()).collect();
        let rows = &self.rows;
        match order {
            RowOrder::Diagnosticity => {
                positions.sort_by_key(|&i| std::cmp::Reverse(rows[i].diagnosticity));
            }
            RowOrder::Brief => positions.sort_by_key(|&i| (rows[i].brief_index, rows[i].start)),
            RowOrder::Date => positions.sort_by_key(|&i| {
                let r = &rows[i];
                (r.published.is_none(), r.published, r.brief_index, r.start)
            }),
            RowOrder::Weight => {
                positions.sort_by(|&i, &j| rows[j].weight.total_cmp(&rows[i].weight));
            }
        }
        positions
    }

    /// The scenarios ranked first (several when tied); empty without scenarios.
    #[must_use]
    pub fn top(&self) -> Vec<ScenarioId> {
        self.scenarios
            .iter()
            .filter(|s| s.rank == 1)
            .map(|s| s.scenario)
            .collect()
    }
}

/// Competition ranks of `scores`, lowest first: 1 + how many scores are lower.
pub(super) fn ranks(scores: &[u64]) -> Vec<usize> {
    scores
        .iter()
        .map(|s| 1 + scores.iter().filter(|o| *o < s).count())
        .collect()
}

/// A passage or a brief that, discounted on its own, changes the outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Critical {
    /// The passage, when one passage is critical.
    pub passage: Option<PassageId>,
    /// The brief, when a whole brief is critical.
    pub brief: Option<BriefId>,
    /// Whether the top scenario changes (otherwise two scenarios swap places).
    pub top_changes: bool,
    /// What changes, for [`super::words::change`] to put in a language's words.
    pub change: Change,
}

/// What discounting a critical passage or brief does to the ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The scenarios ranked first change: those first before and those first after, in the
    /// workspace's order.
    Top {
        before: Vec<ScenarioId>,
        after: Vec<ScenarioId>,
    },
    /// The top stays, but pairs of scenarios swap places (at least one pair).
    Swaps(Vec<Swap>),
}

/// Two scenarios that would swap places: `first` ranked better than `second` before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swap {
    pub first: ScenarioId,
    pub first_rank: usize,
    pub second: ScenarioId,
    pub second_rank: usize,
}

/// How much the ranking hangs on single passages and briefs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sensitivity {
    /// Critical passages (in the workspace's order), then critical briefs.
    pub critical: Vec<Critical>,
    /// The two best-ranked scenarios when they are within one inconsistency point of each
    /// other (weighted), a close call the analyst must be warned of.
    pub close_call: Option<(ScenarioId, ScenarioId)>,
}

impl Sensitivity {
    /// The critical evidence of `ach`: each row and each brief (not already discounted) is
    /// taken out on its own and the ranking recomputed.
    #[must_use]
    pub fn compute(ws: &Workspace, ach: &Ach) -> Self {
        let base: Vec<u64> = ach
            .scenarios
            .iter()
            .map(|s| s.weighted_millionths)
            .collect();
        let base_ranks: Vec<usize> = ach.scenarios.iter().map(|s| s.rank).collect();
        let ids: Vec<ScenarioId> = ach.scenarios.iter().map(|s| s.scenario).collect();
        let mut critical = Vec::new();
        let mut scores = base.clone();
        let mut by_brief: Vec<Vec<u64>> = vec![vec![0; base.len()]; ws.briefs.len()];
        for row in ach.rows.iter().filter(|r| !r.discounted) {
            for (i, cell) in row.cells.iter().enumerate() {
                by_brief[row.brief_index][i] += cell.contribution;
            }
            if !row.diagnostic {
                continue;
            }
            for (i, cell) in row.cells.iter().enumerate() {
                scores[i] = base[i] - cell.contribution;
            }
            if let Some((top_changes, change)) = describe(&base_ranks, &base, &scores, &ids) {
                critical.push(Critical {
                    passage: Some(row.passage),
                    brief: None,
                    top_changes,
                    change,
                });
            }
        }
        for (b, sums) in by_brief.iter().enumerate() {
            if sums.iter().all(|s| *s == sums[0]) {
                continue; // the brief adds the same to every scenario, or nothing
            }
            for (i, sum) in sums.iter().enumerate() {
                scores[i] = base[i] - sum;
            }
            if let Some((top_changes, change)) = describe(&base_ranks, &base, &scores, &ids) {
                critical.push(Critical {
                    passage: None,
                    brief: Some(ws.briefs[b].id),
                    top_changes,
                    change,
                });
            }
        }
        Sensitivity {
            critical,
            close_call: close_call(ach),
        }
    }
}

/// The best two scenarios when their weighted scores are at most one point apart.
fn close_call(ach: &Ach) -> Option<(ScenarioId, ScenarioId)> {
    let mut sorted: Vec<&ScenarioScore> = ach.scenarios.iter().collect();
    sorted.sort_by_key(|s| s.weighted_millionths);
    match sorted.as_slice() {
        [first, second, ..]
            if second.weighted_millionths - first.weighted_millionths <= 1_000_000 =>
        {
            Some((first.scenario, second.scenario))
        }
        _ => None,
    }
}

/// What changes when the scores go from `base` to `scores`: whether the top changes, and how;
/// `None` when neither the top nor the order of any two scenarios changes.
fn describe(
    base_ranks: &[usize],
    base: &[u64],
    scores: &[u64],
    ids: &[ScenarioId],
) -> Option<(bool, Change)> {
    // Most rows change nothing: tell so without allocating. The top is the same set when
    // exactly the scenarios ranked first before have the lowest score now, and no two
    // scenarios swap when no pair's order reverses.
    let lowest = scores.iter().copied().min().unwrap_or(0);
    let same_top = base_ranks
        .iter()
        .zip(scores)
        .all(|(rank, score)| (*rank == 1) == (*score == lowest));
    if same_top
        && !(0..base.len())
            .any(|i| (0..base.len()).any(|j| base[i] < base[j] && scores[i] > scores[j]))
    {
        return None;
    }
    let ranks = ranks(scores);
    let firsts = |ranks: &[usize]| -> Vec<ScenarioId> {
        ids.iter()
            .zip(ranks)
            .filter(|(_, r)| **r == 1)
            .map(|(id, _)| *id)
            .collect()
    };
    let (before, after) = (firsts(base_ranks), firsts(&ranks));
    if before != after {
        return Some((true, Change::Top { before, after }));
    }
    let mut swaps = Vec::new();
    for i in 0..base.len() {
        for j in 0..base.len() {
            if base[i] < base[j] && scores[i] > scores[j] {
                swaps.push(Swap {
                    first: ids[i],
                    first_rank: base_ranks[i],
                    second: ids[j],
                    second_rank: base_ranks[j],
                });
            }
        }
    }
    (!swaps.is_empty()).then_some((false, Change::Swaps(swaps)))
}
