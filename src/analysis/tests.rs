//! A small worked example whose every score, rank and critical item is known by hand, and
//! properties of the scores on random workspaces.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::i18n::Locale;
use crate::model::{
    Brief, BriefMeta, Colour, Consistency, Credibility, Determinant, DeterminantId, Likelihood,
    Link, LinkTarget, Passage, Relation, Relevance, Reliability, Scenario, ScenarioId, Signpost,
    SignpostStatus, SourceGrade, Tag,
};

const TEXT: &str = "abcdefghijklmnopqrstuvwxyz";

fn brief(title: &str, published: Option<NaiveDate>) -> Brief {
    Brief::new(
        BriefId::new(),
        BriefMeta {
            title: title.into(),
            published,
            ..BriefMeta::default()
        },
        TEXT.into(),
    )
}

fn passage(brief: &Brief, start: usize, end: usize, links: &[(LinkTarget, Relation)]) -> Passage {
    let mut p = crate::edit::new_passage(brief, start, end, chrono::DateTime::UNIX_EPOCH)
        .expect("inside the text");
    p.links = links
        .iter()
        .map(|&(target, relation)| Link { target, relation })
        .collect();
    p
}

fn tag(name: &str, parent: Option<TagId>) -> Tag {
    Tag {
        id: TagId::new(),
        name: name.into(),
        colour: Colour::nth(0),
        parent,
        description: String::new(),
    }
}

/// Three scenarios; passages (brief, contribution to S1, S2, S3 without weights):
/// P1 (B1) weakens S2 — 0 1 0; P2 (B1) weakens all three — 1 1 1 (not diagnostic);
/// P3 (B2) supports S1, rated II on S3 — 0 0 2; P4 (B2) weakens S2, rated II — 0 2 0;
/// P5 (B2) weakens S1 — 1 0 0; P6 (B1) and P7 (B2) indicators of S3 — 0 0 0.
/// Scores: S1 = 2, S2 = 4, S3 = 3; ranks 1, 3, 2.
struct Worked {
    ws: Workspace,
    s: [ScenarioId; 3],
    p: Vec<PassageId>,
    b: [BriefId; 2],
    d: DeterminantId,
    t: [TagId; 3],
}

fn worked() -> Worked {
    let b1 = brief("B1", NaiveDate::from_ymd_opt(2025, 9, 25));
    let b2 = brief("B2", NaiveDate::from_ymd_opt(2025, 9, 1));
    let scenarios: Vec<Scenario> = ["S1", "S2", "S3"]
        .iter()
        .map(|t| Scenario {
            id: ScenarioId::new(),
            title: (*t).into(),
            narrative: String::new(),
            likelihood: Likelihood::Unassessed,
        })
        .collect();
    let s: [ScenarioId; 3] = [scenarios[0].id, scenarios[1].id, scenarios[2].id];
    let sc = |i: usize| LinkTarget::Scenario(s[i]);
    let det = Determinant {
        id: DeterminantId::new(),
        title: "D".into(),
        description: String::new(),
    };
    let d = LinkTarget::Determinant(det.id);
    use Relation::{Indicator, Supports, Weakens};
    let mut passages = vec![
        passage(&b1, 0, 5, &[(sc(1), Weakens), (d, Supports)]),
        passage(
            &b1,
            3,
            8,
            &[(sc(0), Weakens), (sc(1), Weakens), (sc(2), Weakens)],
        ),
        passage(&b2, 0, 4, &[(sc(0), Supports)]),
        passage(&b2, 10, 12, &[(sc(1), Weakens), (d, Weakens)]),
        passage(&b2, 2, 6, &[(sc(0), Weakens)]),
        passage(&b1, 20, 22, &[(sc(2), Indicator)]),
        passage(&b2, 20, 22, &[(sc(2), Indicator)]),
    ];
    let parent = tag("T", None);
    let child = tag("U", Some(parent.id));
    let other = tag("V", None);
    passages[0].tags = vec![child.id];
    passages[1].tags = vec![other.id];
    passages[2].tags = vec![parent.id];
    passages[4].tags = vec![child.id];
    let p: Vec<PassageId> = passages.iter().map(|p| p.id).collect();
    let mut ws = Workspace {
        title: "worked".into(),
        ..Workspace::default()
    };
    ws.briefs = vec![b1.clone(), b2.clone()];
    ws.scenarios = scenarios;
    ws.determinants = vec![det.clone()];
    ws.tags = vec![parent.clone(), child.clone(), other.clone()];
    ws.passages = passages;
    let a = &mut ws.assessment;
    a.ratings
        .insert((p[2], s[2]), Consistency::VeryInconsistent);
    a.ratings
        .insert((p[3], s[1]), Consistency::VeryInconsistent);
    a.signposts.insert(
        (p[5], s[2]),
        Signpost {
            status: SignpostStatus::Observed,
            assessed: NaiveDate::from_ymd_opt(2025, 10, 1),
        },
    );
    a.judgements.insert(
        (det.id, s[1]),
        crate::model::CellJudgement {
            judgement: Some(crate::model::Judgement::Against),
            note: "n".into(),
        },
    );
    Worked {
        ws,
        s,
        p,
        b: [b1.id, b2.id],
        d: det.id,
        t: [parent.id, child.id, other.id],
    }
}

fn board(ws: &Workspace) -> Board {
    Board::compute(ws, &Options::default())
}

fn scores(board: &Board) -> Vec<(u32, u64, usize)> {
    board
        .ach
        .scenarios
        .iter()
        .map(|s| (s.inconsistency, s.weighted_millionths, s.rank))
        .collect()
}

#[test]
fn the_worked_example_scores_ranks_and_diagnosticity() {
    let w = worked();
    let board = board(&w.ws);
    assert_eq!(
        scores(&board),
        vec![(2, 2_000_000, 1), (4, 4_000_000, 3), (3, 3_000_000, 2)]
    );
    assert_eq!(board.ach.top(), vec![w.s[0]]);
    assert_eq!(board.ach.rows.len(), 7, "every passage links to a scenario");
    let diagnostic: Vec<bool> = board.ach.rows.iter().map(|r| r.diagnostic).collect();
    assert_eq!(
        diagnostic,
        vec![true, false, true, true, true, false, false]
    );
    // P3's cell for S3 is the analyst's II; its cell for S1 comes from the link.
    let p3 = &board.ach.rows[2];
    let p3_cells = board.ach.cells(2);
    assert_eq!(
        (p3_cells[0].rating, p3_cells[0].set),
        (Some(Consistency::Consistent), false)
    );
    assert_eq!(
        (p3_cells[2].rating, p3_cells[2].set),
        (Some(Consistency::VeryInconsistent), true)
    );
    assert_eq!(p3_cells[1].rating, None, "not linked, not rated");
    assert_eq!(p3.diagnosticity, 2_000_000);
    let by_diagnosticity = board.ach.order(RowOrder::Diagnosticity);
    assert_eq!(&by_diagnosticity[..2], &[2, 3]);
    let by_date = board.ach.order(RowOrder::Date);
    assert_eq!(
        by_date
            .iter()
            .map(|&i| board.ach.rows[i].passage)
            .collect::<Vec<_>>()[0],
        w.p[2],
        "B2 is older; its first passage starts at 0"
    );
}

#[test]
fn the_worked_example_critical_evidence_and_close_call() {
    let w = worked();
    let board = board(&w.ws);
    let critical = &board.sensitivity.critical;
    let passages: Vec<Option<PassageId>> = critical.iter().map(|c| c.passage).collect();
    assert_eq!(
        passages,
        vec![Some(w.p[2]), Some(w.p[3]), None],
        "{critical:#?}"
    );
    let words = |c: &super::Critical| super::words::change(Locale::ENGLISH, &w.ws, &c.change);
    assert_eq!(words(&critical[0]), "«S3» would rank first instead of «S1»");
    assert!(critical[0].top_changes);
    assert_eq!(
        words(&critical[1]),
        "«S1» and «S2» would tie for the top (now «S1» alone)"
    );
    assert_eq!(critical[2].brief, Some(w.b[1]), "brief B2 as a whole");
    assert_eq!(
        words(&critical[2]),
        "«S1» and «S3» would tie for the top (now «S1» alone)"
    );
    assert_eq!(
        super::words::change(Locale::ARABIC, &w.ws, &critical[2].change),
        "يتساوى «S1» و«S3» في المرتبة الأولى (يحتلها الآن «S1» وحده)",
        "the same change in the Arabic catalog's words"
    );
    assert_eq!(
        board.sensitivity.close_call,
        Some((w.s[0], w.s[2])),
        "S1 (2) and S3 (3) are one point apart"
    );
}

#[test]
fn two_scenarios_swapping_places_is_critical_too() {
    let mut w = worked();
    // Make S1 clearly first: P5 no longer weakens it, so S1 = 1, S3 = 3, S2 = 4.
    w.ws.passages[4].links.clear();
    w.ws.assessment.ratings.remove(&(w.p[3], w.s[1]));
    // Now S2 = 3 (P1, P2, P4): tied with S3; give P1 a II on S2: S2 = 4.
    w.ws.assessment
        .ratings
        .insert((w.p[0], w.s[1]), Consistency::VeryInconsistent);
    let board = board(&w.ws);
    assert_eq!(
        scores(&board),
        vec![(1, 1_000_000, 1), (4, 4_000_000, 3), (3, 3_000_000, 2)]
    );
    let p1 = board
        .sensitivity
        .critical
        .iter()
        .find(|c| c.passage == Some(w.p[0]))
        .expect("P1 is critical");
    assert!(!p1.top_changes);
    assert_eq!(
        super::words::change(Locale::ENGLISH, &w.ws, &p1.change),
        "«S3» (rank 2) and «S2» (rank 3) would swap places"
    );
    assert_eq!(board.sensitivity.close_call, None, "S1 leads by two points");
}

#[test]
fn weights_multiply_and_cannot_be_judged_weighs_like_ungraded() {
    let mut w = worked();
    w.ws.assessment.grades.insert(
        w.b[1],
        SourceGrade {
            reliability: Some(Reliability::B),
            credibility: Some(Credibility::ProbablyTrue),
        },
    );
    w.ws.assessment
        .relevance
        .insert((w.p[0], LinkTarget::Scenario(w.s[1])), Relevance::High);
    let weighted: Vec<u64> = board(&w.ws)
        .ach
        .scenarios
        .iter()
        .map(|s| s.weighted_millionths)
        .collect();
    // S1 = P2 1 + P5 1 × 1.2 × 1.2; S2 = P1 1 × 1.41 + P2 1 + P4 2 × 1.44; S3 = P2 1 + P3 2 × 1.44.
    assert_eq!(weighted, vec![2_440_000, 5_290_000, 3_880_000]);
    // A passage of its own credibility: P5 "cannot be judged" weighs ×1, not like 5.
    w.ws.assessment
        .credibility
        .insert(w.p[4], Credibility::CannotBeJudged);
    let s1 = board(&w.ws).ach.scenarios[0].weighted_millionths;
    assert_eq!(s1, 1_000_000 + 1_200_000);
    w.ws.assessment.grades.insert(
        w.b[1],
        SourceGrade {
            reliability: Some(Reliability::F),
            credibility: Some(Credibility::CannotBeJudged),
        },
    );
    w.ws.assessment.relevance.clear();
    w.ws.assessment.credibility.clear();
    assert_eq!(
        scores(&board(&w.ws)),
        scores(&board(&worked().ws)),
        "F6 scores as ungraded"
    );
}

#[test]
fn a_what_if_discounts_a_passage_or_a_brief_and_the_ranking_follows() {
    let w = worked();
    let mut options = Options::default();
    options.what_if.passages.insert(w.p[2]);
    let board = Board::compute(&w.ws, &options);
    assert_eq!(board.ach.top(), vec![w.s[2]], "without P3, S3 leads");
    assert!(board.ach.rows[2].discounted);
    assert_eq!(board.ach.scenarios[2].inconsistency, 1);
    let mut options = Options::default();
    options.what_if.briefs.insert(w.b[0]);
    let board = Board::compute(&w.ws, &options);
    assert_eq!(
        scores(&board),
        vec![(1, 1_000_000, 1), (2, 2_000_000, 2), (2, 2_000_000, 2)]
    );
}

#[test]
fn rows_can_be_the_passages_of_a_tag_and_its_children() {
    let w = worked();
    let options = Options {
        rows: Rows::Tagged(w.t[0]),
        ..Options::default()
    };
    let board = Board::compute(&w.ws, &options);
    let rows: Vec<PassageId> = board.ach.rows.iter().map(|r| r.passage).collect();
    assert_eq!(rows, vec![w.p[0], w.p[2], w.p[4]]);
}

#[test]
fn the_matrix_counts_passages_linked_to_both_by_their_relation_to_the_scenario() {
    let w = worked();
    let m = board(&w.ws).matrix;
    assert_eq!(m.determinants, vec![w.d]);
    let cell = m.cell(0, 1).expect("D × S2");
    assert_eq!((cell.supports, cell.weakens, cell.indicator), (0, 2, 0));
    assert_eq!(
        cell.passages.iter().map(|p| p.passage).collect::<Vec<_>>(),
        vec![w.p[0], w.p[3]]
    );
    assert_eq!(cell.passages[0].to_determinant, Relation::Supports);
    assert_eq!(cell.judgement, Some(crate::model::Judgement::Against));
    assert_eq!(cell.note, "n");
    let empty = m.cell(0, 0).expect("D × S1");
    assert!(empty.passages.is_empty() && empty.judgement.is_none());
    assert!(m.cell(0, 3).is_none());
}

#[test]
fn signposts_with_their_status_and_the_timeline_by_publication_date() {
    let w = worked();
    let ind = board(&w.ws).indicators;
    let s3 = &ind.scenarios[2];
    assert_eq!(s3.counts, [1, 0, 1, 0], "one not seen, one observed");
    assert_eq!(s3.signposts[0].status, SignpostStatus::Observed);
    assert_eq!(
        s3.signposts[0].assessed,
        NaiveDate::from_ymd_opt(2025, 10, 1)
    );
    assert!(ind.scenarios[0].signposts.is_empty());
    let briefs: Vec<BriefId> = ind.timeline.iter().map(|e| e.brief).collect();
    assert_eq!(
        briefs,
        vec![w.b[1], w.b[0]],
        "B2 (1 Sep) before B1 (25 Sep)"
    );
    assert_eq!(ind.timeline[1].counts[2], [0, 0, 1, 0]);
}

#[test]
fn frequencies_count_child_tags_with_their_parent_and_overlaps() {
    let w = worked();
    let f = board(&w.ws).frequencies;
    let [t, u, v] = [0, 1, 2];
    assert_eq!(f.tag_brief(t, 0), &[w.p[0]]);
    assert_eq!(
        f.tag_brief(t, 1),
        &[w.p[2], w.p[4]],
        "U's passage counts for T"
    );
    assert_eq!(f.tag_brief(u, 1), &[w.p[4]]);
    assert_eq!(f.tag_brief(v, 0), &[w.p[1]]);
    let tu = f.cooccurrence(t, u).expect("T × U");
    assert_eq!(tu.both, vec![w.p[0], w.p[4]]);
    assert_eq!(
        tu.overlapping,
        vec![(w.p[2], w.p[4])],
        "P3 (T) overlaps P5 (U)"
    );
    let tv = f.cooccurrence(t, v).expect("T × V");
    assert!(tv.both.is_empty());
    assert_eq!(
        tv.overlapping,
        vec![(w.p[0], w.p[1])],
        "P1 (U, so T) overlaps P2 (V)"
    );
    assert_eq!(
        f.cooccurrence(v, u).expect("V × U").overlapping,
        vec![(w.p[1], w.p[0])]
    );
    assert_eq!(f.cooccurrence(t, t).expect("T").both.len(), 3);
    let _ = w.t;
}

/// A random workspace: `links[p][s]` is 0 none, 1 supports, 2 weakens, 3 indicator; `rated`
/// an analyst's rating index (past 5: none).
fn random_workspace(
    scenarios: usize,
    links: &[Vec<u8>],
    rated: &[Vec<usize>],
    grades: &[(usize, usize)],
) -> Workspace {
    let mut ws = Workspace {
        scenarios: (0..scenarios)
            .map(|i| Scenario {
                id: ScenarioId::new(),
                title: format!("S{i}"),
                narrative: String::new(),
                likelihood: Likelihood::Unassessed,
            })
            .collect(),
        briefs: (0..3).map(|i| brief(&format!("B{i}"), None)).collect(),
        ..Workspace::default()
    };
    for (k, row) in links.iter().enumerate() {
        let b = &ws.briefs[k % 3];
        let mut p = passage(b, k % 20, k % 20 + 3, &[]);
        for (s, &kind) in row.iter().enumerate().take(scenarios) {
            let relation = match kind {
                1 => Relation::Supports,
                2 => Relation::Weakens,
                3 => Relation::Indicator,
                _ => continue,
            };
            p.links.push(Link {
                target: LinkTarget::Scenario(ws.scenarios[s].id),
                relation,
            });
        }
        for (s, &r) in rated[k].iter().enumerate().take(scenarios) {
            if let Some(&rating) = Consistency::ALL.get(r) {
                ws.assessment
                    .ratings
                    .insert((p.id, ws.scenarios[s].id), rating);
            }
        }
        ws.passages.push(p);
    }
    for (i, &(r, c)) in grades.iter().enumerate().take(3) {
        ws.assessment.grades.insert(
            ws.briefs[i].id,
            SourceGrade {
                reliability: Reliability::ALL.get(r).copied(),
                credibility: Credibility::ALL.get(c).copied(),
            },
        );
    }
    ws
}

fn random_case() -> impl Strategy<Value = Workspace> {
    (2..5usize, 1..25usize).prop_flat_map(|(scenarios, rows)| {
        (
            prop::collection::vec(prop::collection::vec(0..4u8, scenarios), rows),
            prop::collection::vec(prop::collection::vec(0..10usize, scenarios), rows),
            prop::collection::vec((0..7usize, 0..7usize), 3),
        )
            .prop_map(move |(links, rated, grades)| {
                random_workspace(scenarios, &links, &rated, &grades)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn discounting_a_non_diagnostic_row_never_changes_the_ranking(ws in random_case()) {
        let base = board(&ws);
        let ranks: Vec<usize> = base.ach.scenarios.iter().map(|s| s.rank).collect();
        for row in base.ach.rows.iter().filter(|r| !r.diagnostic) {
            let mut options = Options::default();
            options.what_if.passages.insert(row.passage);
            let after = Board::compute(&ws, &options);
            let after_ranks: Vec<usize> = after.ach.scenarios.iter().map(|s| s.rank).collect();
            prop_assert_eq!(&after_ranks, &ranks);
            prop_assert!(
                !base.sensitivity.critical.iter().any(|c| c.passage == Some(row.passage))
            );
        }
    }

    #[test]
    fn ranks_follow_scores(ws in random_case()) {
        let scores = board(&ws).ach.scenarios;
        for a in &scores {
            prop_assert!(a.rank >= 1 && a.rank <= scores.len());
            for b in &scores {
                let (x, y) = (a.weighted_millionths, b.weighted_millionths);
                prop_assert_eq!(x.cmp(&y), a.rank.cmp(&b.rank), "{:?} {:?}", a, b);
            }
        }
    }

    #[test]
    fn every_critical_passage_changes_the_outcome_when_discounted(ws in random_case()) {
        let base = board(&ws);
        let order = |b: &Board| -> Vec<usize> { b.ach.scenarios.iter().map(|s| s.rank).collect() };
        for c in &base.sensitivity.critical {
            let mut options = Options::default();
            if let Some(p) = c.passage {
                options.what_if.passages.insert(p);
            }
            if let Some(b) = c.brief {
                options.what_if.briefs.insert(b);
            }
            let after = Board::compute(&ws, &options);
            prop_assert_ne!(order(&after), order(&base));
            prop_assert_eq!(c.top_changes, after.ach.top() != base.ach.top());
        }
    }
}
