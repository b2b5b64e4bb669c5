//! Generated workspaces of a given size, for benchmarks and stress tests.

use basira::edit;
use basira::model::{
    Brief, BriefId, BriefMeta, Colour, Determinant, DeterminantId, Likelihood, Link, LinkTarget,
    Relation, Scenario, ScenarioId, Tag, TagId, Workspace,
};

const WORDS: [&str; 16] = [
    "الانسحاب",
    "العسكري",
    "الأمريكي",
    "من",
    "العراق",
    "الفصائل",
    "المسلحة",
    "النفوذ",
    "الإيراني",
    "2025",
    "Washington",
    "Baghdad",
    "التصعيد",
    "الإقليمي",
    "[1]",
    "سبتمبر/",
];

/// A deterministic text of about `bytes` bytes: Arabic with Latin names, digits and
/// paragraphs.
#[must_use]
pub fn text(bytes: usize, seed: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    let mut i = seed;
    while out.len() < bytes {
        out.push_str(WORDS[i % WORDS.len()]);
        i = i.wrapping_mul(1_103_515_245).wrapping_add(12_345) >> 3;
        out.push(if i.is_multiple_of(61) { '\n' } else { ' ' });
    }
    out
}

/// A workspace of `briefs` briefs of about `brief_bytes` bytes each and `passages` passages
/// spread over them, each tagged and linked.
#[must_use]
pub fn workspace(briefs: usize, brief_bytes: usize, passages: usize) -> Workspace {
    let mut ws = Workspace {
        title: "generated".into(),
        ..Workspace::default()
    };
    ws.tags = (0..20)
        .map(|i| Tag {
            id: TagId::new(),
            name: format!("tag {i}"),
            colour: Colour::nth(i),
            parent: None,
            description: String::new(),
        })
        .collect();
    ws.determinants = (0..8)
        .map(|i| Determinant {
            id: DeterminantId::new(),
            title: format!("determinant {i}"),
            description: String::new(),
        })
        .collect();
    ws.scenarios = (0..4)
        .map(|i| Scenario {
            id: ScenarioId::new(),
            title: format!("scenario {i}"),
            narrative: String::new(),
            likelihood: Likelihood::ALL[i % Likelihood::ALL.len()],
        })
        .collect();
    ws.briefs = (0..briefs)
        .map(|i| Brief {
            id: BriefId::new(),
            meta: BriefMeta {
                title: format!("brief {i}"),
                language: "ar".into(),
                ..BriefMeta::default()
            },
            text: text(brief_bytes, i),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        })
        .collect();
    let per_brief = passages.div_ceil(briefs.max(1));
    for (b, brief) in ws.briefs.iter().enumerate() {
        let len = brief.char_len();
        let step = (len / per_brief.max(1)).max(2);
        for k in 0..per_brief {
            if ws.passages.len() == passages {
                break;
            }
            let start = (k * step) % (len - 1);
            let end = (start + step / 2 + 1).min(len);
            let created = chrono::DateTime::UNIX_EPOCH;
            let Ok(mut passage) = edit::new_passage(brief, start, end, created) else {
                continue;
            };
            passage.tags = vec![ws.tags[(b + k) % ws.tags.len()].id];
            passage.links = vec![Link {
                target: LinkTarget::Determinant(ws.determinants[k % ws.determinants.len()].id),
                relation: Relation::ALL[k % 3],
            }];
            if k.is_multiple_of(5) {
                passage.memo = format!("memo {k}: «ملاحظة»");
            }
            ws.passages.push(passage);
        }
    }
    ws
}

/// [`workspace`] with what the analysis board weighs: every passage also linked to a
/// scenario, determinants and scenarios judged, briefs graded and dated, some ratings set, some
/// signposts assessed.
#[must_use]
#[allow(dead_code, reason = "only the analysis benchmark uses it")]
pub fn analysed_workspace(briefs: usize, brief_bytes: usize, passages: usize) -> Workspace {
    use basira::model::{
        CellJudgement, Consistency, Credibility, Judgement, Reliability, Signpost, SignpostStatus,
        SourceGrade,
    };
    let mut ws = workspace(briefs, brief_bytes, passages);
    for (i, brief) in ws.briefs.iter_mut().enumerate() {
        brief.meta.published = chrono::NaiveDate::from_ymd_opt(2025, 1 + (i % 12) as u32, 1);
    }
    let scenarios: Vec<ScenarioId> = ws.scenarios.iter().map(|s| s.id).collect();
    let a = &mut ws.assessment;
    for (i, brief) in ws.briefs.iter().enumerate() {
        a.grades.insert(
            brief.id,
            SourceGrade {
                reliability: Some(Reliability::ALL[i % 6]),
                credibility: Some(Credibility::ALL[i % 6]),
            },
        );
    }
    for (i, d) in ws.determinants.iter().enumerate() {
        for (j, s) in scenarios.iter().enumerate() {
            a.judgements.insert(
                (d.id, *s),
                CellJudgement {
                    judgement: Some(Judgement::ALL[(i + j) % 5]),
                    note: String::new(),
                },
            );
        }
    }
    for (k, p) in ws.passages.iter_mut().enumerate() {
        let scenario = scenarios[k % scenarios.len()];
        let relation = Relation::ALL[(k / 7) % 3];
        p.links.push(Link {
            target: LinkTarget::Scenario(scenario),
            relation,
        });
        if k % 11 == 0 {
            let other = scenarios[(k + 1) % scenarios.len()];
            a.ratings
                .insert((p.id, other), Consistency::ALL[k % Consistency::ALL.len()]);
        }
        if relation == Relation::Indicator && k % 3 == 0 {
            a.signposts.insert(
                (p.id, scenario),
                Signpost {
                    status: SignpostStatus::ALL[k % 4],
                    assessed: None,
                },
            );
        }
    }
    close_the_race(&mut ws);
    ws
}

/// Brings the two best scenarios of `ws` within one passage's weight of each other, as in a
/// real close call, so that the sensitivity finds critical passages and briefs (with 50 000
/// passages spread evenly, the scores are otherwise far apart and nothing is critical): the
/// leader gets an analyst's «I» on the first `n` passages that bear on it in no way, `n`
/// found by bisection so that the gap is as small as it gets.
#[allow(dead_code, reason = "only the analysis benchmark uses it")]
fn close_the_race(ws: &mut Workspace) {
    use basira::analysis::{Board, Options};
    use basira::model::Consistency;
    let gap = |ws: &Workspace| -> Option<(usize, usize, u64)> {
        let board = Board::compute(ws, &Options::default());
        let mut order: Vec<(u64, usize)> = board
            .ach
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| (s.weighted_millionths, i))
            .collect();
        order.sort_unstable();
        let [(a, first), (b, second), ..] = order[..] else {
            return None;
        };
        Some((first, second, b - a))
    };
    let Some((first, _, _)) = gap(ws) else {
        return;
    };
    let leader = ws.scenarios[first].id;
    let candidates: Vec<_> = ws
        .passages
        .iter()
        .filter(|p| {
            !p.links
                .iter()
                .any(|l| l.target == LinkTarget::Scenario(leader))
                && !ws.assessment.ratings.contains_key(&(p.id, leader))
        })
        .map(|p| p.id)
        .collect();
    let with = |n: usize| {
        let mut ws = ws.clone();
        for p in &candidates[..n] {
            ws.assessment
                .ratings
                .insert((*p, leader), Consistency::Inconsistent);
        }
        ws
    };
    // The largest n for which the leader still leads.
    let (mut lo, mut hi) = (0, candidates.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if gap(&with(mid)).is_some_and(|(f, _, _)| f == first) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    *ws = with(lo);
}
