//! The analysis board in the app, driven through its interface with egui_kittest: a matrix
//! cell lists its passages and opens one in the reader, an ACH rating is set and undone, a
//! what-if changes the ranking, a source grade shows as a badge.

mod common;

use basira::app::BasiraApp;
use basira::edit::new_passage;
use basira::model::{
    Brief, BriefId, BriefMeta, Consistency, Likelihood, Link, LinkTarget, Relation, Scenario,
    ScenarioId, Workspace,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{app_on, click, determinant, key};

fn brief(title: &str, text: &str) -> Brief {
    Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: title.into(),
            language: "en".into(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 9, 25),
            ..BriefMeta::default()
        },
        text: text.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    }
}

fn scenario(title: &str) -> Scenario {
    Scenario {
        id: ScenarioId::new(),
        title: title.into(),
        narrative: String::new(),
        likelihood: Likelihood::Unassessed,
    }
}

const OUTLOOK: &str = "The withdrawal will be complete by September 2026.";
const ASSESSMENT: &str = "Some troops stay under a NATO label. Militias keep pressing.";

/// Two briefs, a determinant, two scenarios and three passages: the partnership is weakened
/// once (by the Outlook), the withdrawal twice (both by the Assessment), so the partnership
/// ranks first unless the Assessment is left out.
fn board_workspace() -> Workspace {
    let outlook = brief("Outlook", OUTLOOK);
    let assessment = brief("Assessment", ASSESSMENT);
    let escalation = determinant("Regional escalation");
    let partnership = scenario("Strategic partnership");
    let withdrawal = scenario("Full withdrawal");
    let at = chrono::DateTime::from_timestamp(0, 0).expect("epoch");
    let span = |text: &str, needle: &str| {
        let byte = text.find(needle).expect("needle");
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    };
    let passage = |b: &Brief, needle: &str, links: Vec<Link>| {
        let (start, end) = span(&b.text, needle);
        let mut p = new_passage(b, start, end, at).expect("passage");
        p.links = links;
        p
    };
    let link = |target, relation| Link { target, relation };
    let passages = vec![
        passage(
            &outlook,
            "withdrawal will be complete",
            vec![
                link(LinkTarget::Determinant(escalation.id), Relation::Supports),
                link(LinkTarget::Scenario(partnership.id), Relation::Weakens),
                link(LinkTarget::Scenario(withdrawal.id), Relation::Supports),
            ],
        ),
        passage(
            &assessment,
            "Some troops stay",
            vec![
                link(LinkTarget::Scenario(partnership.id), Relation::Supports),
                link(LinkTarget::Scenario(withdrawal.id), Relation::Weakens),
            ],
        ),
        passage(
            &assessment,
            "Militias keep pressing",
            vec![link(LinkTarget::Scenario(withdrawal.id), Relation::Weakens)],
        ),
    ];
    Workspace {
        title: "Board".into(),
        briefs: vec![outlook, assessment],
        determinants: vec![escalation],
        scenarios: vec![partnership, withdrawal],
        passages,
        ..Workspace::default()
    }
}

fn open_board(ws: &Workspace) -> (tempfile::TempDir, Harness<'static, BasiraApp>) {
    let (dir, path) = common::workspace_file(ws);
    let mut harness = app_on(&path);
    key(&mut harness, Key::B, Modifiers::COMMAND);
    assert!(harness.state().board_open(), "Ctrl+B shows the board");
    (dir, harness)
}

/// The ranks of the scenarios, in the workspace's order.
fn ranks(harness: &Harness<'_, BasiraApp>) -> Vec<usize> {
    let board = harness.state().board().expect("the board was computed");
    board.ach.scenarios.iter().map(|s| s.rank).collect()
}

#[test]
fn clicking_a_matrix_cell_lists_its_passages_and_one_opens_in_the_reader() {
    let ws = board_workspace();
    let (_dir, mut harness) = open_board(&ws);
    // Only the first passage is linked to both the determinant and the partnership, as
    // weakening the scenario.
    let cell =
        "«Regional escalation» × «Strategic partnership»: not judged; 0 for · 1 against · 0 ind.";
    harness.get_by_label(cell).click();
    harness.run();
    let quote = "«withdrawal will be complete»";
    harness.get_by_label("1 passage linked to both:");
    harness.get_by_label("supports the driver, weakens the scenario");
    // Judging the cell is one undoable edit that the cell shows at once.
    click(&mut harness, "Judgement");
    // (The legend names the same judgement; the menu's entry is the button.)
    harness
        .get_by_role_and_label(Role::Button, "+2 strongly for")
        .click();
    harness.run();
    let judged = harness
        .state()
        .document()
        .workspace()
        .assessment
        .judgements
        .len();
    assert_eq!(judged, 1);
    harness.get_by_label_contains("× «Strategic partnership»: +2 strongly for;");
    // The passage opens in the reader, which takes the board's place. (The briefs panel
    // lists the brief's passages too; the board's row is the one right of it.)
    let briefs_panel = harness.get_by_label("Briefs").rect().right() + 150.0;
    harness
        .get_all_by_label(quote)
        .find(|n| n.rect().left() > briefs_panel)
        .expect("the cell's passage on the board")
        .click();
    harness.run();
    let id = ws.passages[0].id;
    assert_eq!(harness.state().selected_passage(), Some(id));
    assert_eq!(harness.state().selected_brief(), Some(ws.briefs[0].id));
    assert!(!harness.state().board_open());
    harness.get_by_label("Reader");
}

#[test]
fn an_ach_rating_is_set_from_the_matrix_and_undone() {
    let ws = board_workspace();
    let (_dir, mut harness) = open_board(&ws);
    click(&mut harness, "Competing scenarios");
    let scores = |h: &Harness<'_, BasiraApp>| -> Vec<u32> {
        let board = h.state().board().expect("board");
        board
            .ach
            .scenarios
            .iter()
            .map(|s| s.inconsistency)
            .collect()
    };
    assert_eq!(scores(&harness), vec![1, 2]);
    assert_eq!(ranks(&harness), vec![1, 2]);
    // The rating comes from the link (weakens → I) until the analyst sets one.
    let cell =
        "«withdrawal will be complete» × «Strategic partnership»: I — inconsistent (from the link)";
    harness.get_by_label(cell).click();
    harness.run();
    click(&mut harness, "II — very inconsistent");
    let rating = |h: &Harness<'_, BasiraApp>| {
        let ws = h.state().document().workspace();
        ws.assessment
            .ratings
            .get(&(ws.passages[0].id, ws.scenarios[0].id))
            .copied()
    };
    assert_eq!(rating(&harness), Some(Consistency::VeryInconsistent));
    harness.get_by_label(
        "«withdrawal will be complete» × «Strategic partnership»: II — very inconsistent (rated by the analyst)",
    );
    // Two inconsistency points each: a tie at the top, and a close call.
    assert_eq!(scores(&harness), vec![2, 2]);
    assert_eq!(ranks(&harness), vec![1, 1]);
    harness.get_by_label_contains("Close call:");
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(rating(&harness), None);
    assert_eq!(scores(&harness), vec![1, 2]);
    harness.get_by_label(cell);
}

#[test]
fn a_what_if_changes_the_ranking_at_once_and_saves_nothing() {
    let ws = board_workspace();
    let (_dir, mut harness) = open_board(&ws);
    click(&mut harness, "Sensitivity");
    assert_eq!(ranks(&harness), vec![1, 2]);
    let revision = harness.state().document().revision();
    // The Assessment brief is critical: without it the withdrawal ranks first.
    harness.get_by_label("The brief «Assessment»");
    harness.get_by_label(
        "Without it «Full withdrawal» would rank first instead of «Strategic partnership».",
    );
    harness
        .get_by_role_and_label(Role::CheckBox, "What if without «Assessment»")
        .click();
    harness.run();
    assert_eq!(ranks(&harness), vec![2, 1]);
    harness.get_by_label_contains("What-if: 0 passages and 1 brief left out");
    assert_eq!(harness.state().document().revision(), revision);
    assert!(
        !harness.state().document().is_dirty(),
        "a what-if is not saved"
    );
    click(&mut harness, "Count everything again");
    assert_eq!(ranks(&harness), vec![1, 2]);
}

#[test]
fn the_board_is_computed_once_per_revision_not_per_frame() {
    let ws = board_workspace();
    let (_dir, mut harness) = open_board(&ws);
    let computed = harness.state().board_computations();
    for _ in 0..5 {
        harness.step();
    }
    click(&mut harness, "Competing scenarios");
    click(&mut harness, "Indicators");
    assert_eq!(harness.state().board_computations(), computed);
}

#[test]
fn a_source_grade_picked_with_its_definitions_shows_as_a_badge() {
    let ws = board_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app_on(&path);
    assert_eq!(harness.query_all_by_label("B2").count(), 0);
    click(&mut harness, "Brief details");
    click(&mut harness, "Source reliability");
    click(&mut harness, "B — usually reliable");
    click(&mut harness, "Information credibility");
    click(&mut harness, "2 — probably true");
    let grade = harness
        .state()
        .document()
        .workspace()
        .assessment
        .grade(ws.briefs[0].id);
    assert_eq!(grade.badge().as_deref(), Some("B2"));
    // The definition stays shown where it was picked; the badge is in the briefs list, the
    // reader's header and the passages list (the Outlook's one passage).
    harness.get_by_label("B — usually reliable");
    assert_eq!(harness.query_all_by_label("B2").count(), 3);
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(
        harness.query_all_by_label("B-").count(),
        3,
        "undo takes the credibility back"
    );
}

#[test]
fn a_thirty_by_ten_matrix_scrolls_under_sticky_headers() {
    let mut ws = board_workspace();
    ws.determinants = (0..30)
        .map(|i| determinant(&format!("Driver {i}")))
        .collect();
    ws.scenarios = (0..10).map(|i| scenario(&format!("Future {i}"))).collect();
    ws.passages.clear();
    let (_dir, mut harness) = open_board(&ws);
    harness.get_by_label("Driver 0");
    harness.get_by_label("Future 0");
    // Only what is in view is drawn: the far corner is not, until scrolled to.
    assert!(harness.query_by_label("Driver 29").is_none());
    assert!(
        harness
            .query_by_label_contains("«Driver 29» × «Future 9»")
            .is_none()
    );
    let first = harness.get_by_label("Future 0").rect();
    harness.event(egui::Event::PointerMoved(
        first.center() + egui::vec2(0.0, 120.0),
    ));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -2000.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    for _ in 0..10 {
        harness.step();
    }
    harness.run();
    harness.get_by_label("Driver 29");
    // The column headers stayed where they were.
    let after = harness.get_by_label("Future 0").rect();
    assert!(
        (after.top() - first.top()).abs() < 1.0,
        "{first:?} → {after:?}"
    );
}
