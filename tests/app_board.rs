//! The analysis board in the app, driven through its interface with egui_kittest: a matrix
//! cell lists its passages and opens one in the reader, an ACH rating is set and undone, a
//! what-if changes the ranking, a source grade shows as a badge, a weight is typed, a
//! signpost's status is set and undone, frequency cells list their passages, and every grid
//! runs right to left in the Arabic interface.

mod common;

use basira::app::{BasiraApp, FakeDialogs, Ports};
use basira::edit::new_passage;
use basira::i18n::Locale;
use basira::model::{
    Brief, BriefId, BriefMeta, Consistency, Judgement, Likelihood, Link, LinkTarget, Relation,
    Scenario, ScenarioId, SignpostStatus, Weight, Weights, Workspace,
};
use basira::tr;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable as _};

use common::{app_on, app_with_ports, click, determinant, key, tag};

fn brief(title: &str, text: &str) -> Brief {
    dated_brief(title, text, 25)
}

/// A brief published on `day` September 2025 (October from 31 on).
fn dated_brief(title: &str, text: &str, day: u32) -> Brief {
    let published = chrono::NaiveDate::from_ymd_opt(2025, 9, 1)
        .map(|d| d + chrono::Days::new(u64::from(day) - 1));
    Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: title.into(),
            language: "en".into(),
            published,
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
    // The critical changes are put in words with the board, not by the panel each frame.
    click(&mut harness, "Sensitivity");
    harness.get_by_label(
        "Without it «Full withdrawal» would rank first instead of «Strategic partnership».",
    );
    let phrased = harness.state().board_phrasings();
    for _ in 0..5 {
        harness.step();
    }
    click(&mut harness, "Competing scenarios");
    click(&mut harness, "Sensitivity");
    assert_eq!(harness.state().board_phrasings(), phrased);
    assert_eq!(harness.state().board_computations(), computed);
    // A what-if is a new board: computed and put in words once more, then not again.
    harness
        .get_by_role_and_label(Role::CheckBox, "What if without «Assessment»")
        .click();
    harness.run();
    for _ in 0..5 {
        harness.step();
    }
    assert_eq!(harness.state().board_computations(), computed + 1);
    assert_eq!(harness.state().board_phrasings(), phrased + 1);
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

const UPDATE: &str = "Sudani visited Brussels to ask for a NATO mission.";

/// The board workspace with a codebook (Militias under Actors, and Pressure) and signposts: a
/// later brief, the Update (2 October 2025), whose passage is an indicator of the partnership.
///
/// Tagged: the Outlook's passage Pressure; «Some troops stay» Actors; «Militias keep
/// pressing» Militias and Pressure. So Actors counts two passages of the Assessment (one its
/// own, one its child's), and Actors with Pressure one (through Militias).
fn analysed_workspace() -> Workspace {
    let mut ws = board_workspace();
    let actors = tag("Actors", 0);
    let mut militias = tag("Militias", 1);
    militias.parent = Some(actors.id);
    let pressure = tag("Pressure", 2);
    ws.passages[0].tags = vec![pressure.id];
    ws.passages[1].tags = vec![actors.id];
    ws.passages[2].tags = vec![militias.id, pressure.id];
    ws.tags = vec![actors, militias, pressure];
    let update = dated_brief("Update", UPDATE, 32);
    let at = chrono::DateTime::from_timestamp(0, 0).expect("epoch");
    let start = UPDATE.find("visited Brussels").expect("needle");
    let mut signpost =
        new_passage(&update, start, start + "visited Brussels".len(), at).expect("passage");
    signpost.links = vec![Link {
        target: LinkTarget::Scenario(ws.scenarios[0].id),
        relation: Relation::Indicator,
    }];
    ws.briefs.push(update);
    ws.passages.push(signpost);
    ws
}

#[test]
fn a_weight_is_typed_through_the_edit_layer_and_undone() {
    let ws = board_workspace();
    let (_dir, mut harness) = open_board(&ws);
    click(&mut harness, "Competing scenarios");
    click(&mut harness, "Weights");
    let weights = |h: &Harness<'_, BasiraApp>| h.state().document().workspace().assessment.weights;
    assert_eq!(weights(&harness), Weights::default());
    let field = "Weight of A — completely reliable";
    // Click the value, type another, press Enter: one edit.
    harness.get_by_label(field).click();
    harness.run();
    harness.get_by_label(field).type_text("2.5");
    harness.run();
    key(&mut harness, Key::Enter, Modifiers::NONE);
    assert_eq!(weights(&harness).reliability[0], Weight(250));
    assert_eq!(
        weights(&harness).reliability[1],
        Weights::default().reliability[1],
        "only the weight typed in changes"
    );
    harness.get_by_label_contains("Weight of A — completely reliable");
    // Something that is not a number leaves the weight as it was.
    harness.get_by_label(field).click();
    harness.run();
    harness.get_by_label(field).type_text("much");
    harness.run();
    key(&mut harness, Key::Enter, Modifiers::NONE);
    assert_eq!(weights(&harness).reliability[0], Weight(250));
    // The step buttons still work, each its own undo step.
    click(&mut harness, "Raise the weight of A — completely reliable");
    assert_eq!(weights(&harness).reliability[0], Weight(255));
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(weights(&harness).reliability[0], Weight(250));
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(
        weights(&harness),
        Weights::default(),
        "undo takes the typed weight back"
    );
}

#[test]
fn a_signpost_status_set_on_the_board_is_saved_and_undone() {
    let ws = analysed_workspace();
    let (_dir, mut harness) = open_board(&ws);
    click(&mut harness, "Indicators");
    // The timeline lists the briefs with signposts by publication date: the Outlook has none,
    // the Update's is the partnership's.
    assert!(harness.query_by_label_contains("· Outlook").is_none());
    let row = harness.get_by_label("2 October 2025 · Update").rect();
    let cell = |status: &str| format!("«Update», «Strategic partnership»: 1 {status}");
    let seen = harness.get_by_label(&cell("not seen")).rect();
    assert!(
        (seen.center().y - row.center().y).abs() < 1.0,
        "the Update's row"
    );
    harness.get_by_label("«Update», «Full withdrawal»: no signposts");
    // Set its status through the combo box.
    harness
        .get_by_role_and_label(Role::ComboBox, "Status")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "observed")
        .click();
    harness.run();
    let signpost = |h: &Harness<'_, BasiraApp>| {
        let ws = h.state().document().workspace();
        ws.assessment
            .signposts
            .get(&(ws.passages[3].id, ws.scenarios[0].id))
            .copied()
    };
    let set = signpost(&harness).expect("the status is in the workspace");
    assert_eq!(set.status, SignpostStatus::Observed);
    assert_eq!(
        set.assessed,
        chrono::NaiveDate::from_ymd_opt(2025, 9, 25),
        "today, by the clock"
    );
    assert!(harness.state().document().is_dirty());
    harness.get_by_label(&cell("observed"));
    harness.get_by_label_contains("assessed 25 September 2025");
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(signpost(&harness), None);
    harness.get_by_label(&cell("not seen"));
}

#[test]
fn frequency_cells_count_child_tags_and_list_their_passages() {
    let ws = analysed_workspace();
    let (_dir, mut harness) = open_board(&ws);
    click(&mut harness, "Frequencies");
    // Actors counts its own passage and its child's; Militias only its own.
    harness.get_by_label("«Actors» in «Assessment»: 2 passages");
    harness.get_by_label("«Militias» in «Assessment»: 1 passage");
    harness.get_by_label("«Actors» in «Outlook»: 0 passages");
    harness.get_by_label("«Pressure» in «Outlook»: 1 passage");
    let listed = |h: &Harness<'_, BasiraApp>, quote: &str| h.query_all_by_label(quote).count();
    let (troops, militias) = ("«Some troops stay»", "«Militias keep pressing»");
    let before = (listed(&harness, troops), listed(&harness, militias));
    click(&mut harness, "«Actors» in «Assessment»: 2 passages");
    // The list is headed by the cell's words.
    assert_eq!(
        harness
            .query_all_by_label("«Actors» in «Assessment»: 2 passages")
            .count(),
        2
    );
    assert_eq!(
        (listed(&harness, troops), listed(&harness, militias)),
        (before.0 + 1, before.1 + 1),
        "both passages are listed under the table"
    );
    // Tag × tag: Actors and Pressure meet in «Militias keep pressing», through the child.
    let both = "«Actors» with «Pressure»: 1 passage carrying both, 0 overlapping";
    click(&mut harness, both);
    assert_eq!(
        (listed(&harness, troops), listed(&harness, militias)),
        (before.0, before.1 + 1),
        "only the passage carrying both"
    );
    harness.get_by_label("«Actors» with «Actors»: 2 passages carrying both, 0 overlapping");
    // The listed passage opens in the reader.
    let count = listed(&harness, militias);
    harness
        .get_all_by_label(militias)
        .nth(count - 1)
        .expect("the listed passage")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_passage(), Some(ws.passages[2].id));
    assert!(!harness.state().board_open());
}

/// The app on `ws` in `language` ("ar_IQ.UTF-8" or "en_GB.UTF-8"), the board shown.
fn open_board_in(ws: &Workspace, locale: &str) -> (tempfile::TempDir, Harness<'static, BasiraApp>) {
    let (dir, path) = common::workspace_file(ws);
    let ports =
        Ports::for_tests(FakeDialogs::new(), Some(dir.path().join("config"))).with_locale(locale);
    let mut harness = app_with_ports(Some(path), ports);
    key(&mut harness, Key::B, Modifiers::COMMAND);
    assert!(harness.state().board_open());
    (dir, harness)
}

fn rect_of(harness: &Harness<'_, BasiraApp>, label: &str) -> Rect {
    harness.get_by_label(label).rect()
}

/// The node labelled `label` and shown in the same row as `row` (a grid's row header).
fn in_row(harness: &Harness<'_, BasiraApp>, label: &str, row: Rect) -> Rect {
    harness
        .get_all_by_label(label)
        .map(|n| n.rect())
        .find(|r| (r.center().y - row.center().y).abs() < 1.0)
        .unwrap_or_else(|| panic!("no «{label}» in the row at {row:?}"))
}

/// The first node whose label contains `part`, with `role`.
fn by_role(harness: &Harness<'_, BasiraApp>, part: &str, role: Role) -> Rect {
    harness
        .get(By::new().label_contains(part).role(role))
        .rect()
}

/// Asserts that `first` reads before `second` in the interface's direction.
fn reads_before(first: Rect, second: Rect, rtl: bool, what: &str) {
    let before = if rtl {
        first.center().x > second.center().x
    } else {
        first.center().x < second.center().x
    };
    let side = if rtl { "right" } else { "left" };
    assert!(before, "{what}: {first:?} should be {side} of {second:?}");
}

/// Every grid of the board, and the matrix's legend and the rows' sort controls, read in the
/// interface's direction: the row headers at its start, the first column next to them.
fn grids_read_in_the_interface_direction(locale: &str, loc: Locale) {
    let rtl = loc.language.is_rtl();
    let ws = analysed_workspace();
    let (_dir, mut harness) = open_board_in(&ws, locale);
    let h = &mut harness;
    let (partnership, withdrawal) = ("Strategic partnership", "Full withdrawal");
    // Drivers × scenarios: headers, cells and the legend.
    let first = rect_of(h, partnership);
    let second = rect_of(h, withdrawal);
    let driver = rect_of(h, "Regional escalation");
    reads_before(
        first,
        second,
        rtl,
        "matrix: the first scenario before the second",
    );
    reads_before(
        driver,
        first,
        rtl,
        "matrix: the row header before the columns",
    );
    let cell = by_role(
        h,
        "«Regional escalation» × «Strategic partnership»",
        Role::Button,
    );
    assert!(
        (cell.center().x - first.center().x).abs() < 1.0,
        "the cell under its column"
    );
    reads_before(driver, cell, rtl, "matrix: the row header before its cells");
    let legend = |j| h.get_by_label(&loc.judgement(j)).rect();
    reads_before(
        legend(Judgement::StronglyAgainst),
        legend(Judgement::StronglyFor),
        rtl,
        "matrix: the legend",
    );
    // Competing scenarios: score columns, row headers, and the rows' controls.
    click(h, &tr!(loc, "board-ach"));
    let first = by_role(h, &format!("{partnership}:"), Role::Label);
    let second = by_role(h, &format!("{withdrawal}:"), Role::Label);
    let row = by_role(h, "«withdrawal will be complete»", Role::Label);
    let cell = by_role(
        h,
        "«withdrawal will be complete» × «Strategic partnership»",
        Role::Button,
    );
    reads_before(
        first,
        second,
        rtl,
        "ACH: the first scenario before the second",
    );
    reads_before(row, cell, rtl, "ACH: the row header before its cells");
    reads_before(
        rect_of(h, &tr!(loc, "board-rows")),
        rect_of(h, &tr!(loc, "board-sort")),
        rtl,
        "ACH: the rows' choice before the sort",
    );
    // Indicators: the timeline.
    click(h, &tr!(loc, "board-indicators"));
    let date = loc.date(chrono::NaiveDate::from_ymd_opt(2025, 10, 2).expect("date"));
    let row = rect_of(h, &format!("{date} · Update"));
    let signposts = |scenario: &str, n: &str| {
        tr!(
            loc,
            "board-timeline-cell",
            brief = "Update",
            scenario = scenario,
            signposts = n
        )
    };
    let none = tr!(loc, "board-timeline-none");
    let one = format!("1 {}", loc.signpost_status(SignpostStatus::NotSeen));
    let first = rect_of(h, &signposts(partnership, &one));
    let second = rect_of(h, &signposts(withdrawal, &none));
    reads_before(
        first,
        second,
        rtl,
        "timeline: the first scenario before the second",
    );
    reads_before(row, first, rtl, "timeline: the row header before its cells");
    // Frequencies: tag × brief and tag × tag.
    click(h, &tr!(loc, "board-frequencies"));
    let in_brief = |tag: &str, brief: &str, count: usize| {
        tr!(
            loc,
            "board-tag-brief-cell",
            tag = tag,
            brief = brief,
            count = count
        )
    };
    let outlook = rect_of(h, &in_brief("Pressure", "Outlook", 1));
    let assessment = rect_of(h, &in_brief("Pressure", "Assessment", 1));
    reads_before(
        outlook,
        assessment,
        rtl,
        "tag × brief: the first brief before the second",
    );
    let header = in_row(h, "Pressure", outlook);
    reads_before(
        header,
        outlook,
        rtl,
        "tag × brief: the row header before its cells",
    );
    let together = |first: &str, second: &str, both: usize| {
        tr!(
            loc,
            "board-tag-tag-cell",
            first = first,
            second = second,
            both = both,
            overlapping = 0
        )
    };
    let actors = rect_of(h, &together("Actors", "Actors", 2));
    let militias = rect_of(h, &together("Actors", "Militias", 1));
    reads_before(
        actors,
        militias,
        rtl,
        "tag × tag: the first tag before the second",
    );
    let header = in_row(h, "Actors", actors);
    reads_before(
        header,
        actors,
        rtl,
        "tag × tag: the row header before its cells",
    );
}

#[test]
fn in_arabic_every_grid_of_the_board_runs_right_to_left() {
    grids_read_in_the_interface_direction("ar_IQ.UTF-8", Locale::ARABIC);
}

#[test]
fn in_english_every_grid_of_the_board_runs_left_to_right() {
    grids_read_in_the_interface_direction("en_GB.UTF-8", Locale::ENGLISH);
}

#[test]
fn in_arabic_a_wide_matrix_opens_at_its_right_end_under_sticky_headers() {
    let mut ws = board_workspace();
    ws.determinants = (0..30)
        .map(|i| determinant(&format!("Driver {i}")))
        .collect();
    ws.scenarios = (0..10).map(|i| scenario(&format!("Future {i}"))).collect();
    ws.passages.clear();
    let (_dir, mut harness) = open_board_in(&ws, "ar_IQ.UTF-8");
    harness.run();
    // The row headers and the first scenarios show at the right; the last ones are off to the
    // left, not drawn until scrolled to.
    let driver = rect_of(&harness, "Driver 0");
    let first = rect_of(&harness, "Future 0");
    reads_before(
        driver,
        first,
        true,
        "the row headers right of the first column",
    );
    reads_before(
        first,
        rect_of(&harness, "Future 1"),
        true,
        "the first column first",
    );
    assert!(harness.query_by_label("Future 9").is_none());
    // Scrolling down keeps the column headers in place.
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
    let after = rect_of(&harness, "Future 0");
    assert!(
        (after.top() - first.top()).abs() < 1.0,
        "{first:?} → {after:?}"
    );
    assert!(
        (after.left() - first.left()).abs() < 1.0,
        "{first:?} → {after:?}"
    );
    let row = rect_of(&harness, "Driver 29");
    assert!(
        (row.left() - driver.left()).abs() < 1.0,
        "the row headers stay at the right"
    );
}

#[test]
fn competing_scenarios_rows_sort_by_brief_date_weight_and_diagnosticity() {
    let mut ws = analysed_workspace();
    // The Assessment is graded A1: its rows weigh most.
    ws.assessment.grades.insert(
        ws.briefs[1].id,
        basira::model::SourceGrade {
            reliability: Some(basira::model::Reliability::A),
            credibility: Some(basira::model::Credibility::Confirmed),
        },
    );
    let (_dir, mut harness) = open_board(&ws);
    click(&mut harness, "Competing scenarios");
    // The row headers from the top.
    let rows = |h: &Harness<'_, BasiraApp>| -> Vec<&'static str> {
        let mut found: Vec<(f32, &'static str)> = [
            "«withdrawal will be complete»",
            "«Some troops stay»",
            "«Militias keep pressing»",
            "«visited Brussels»",
        ]
        .into_iter()
        .filter_map(|quote| {
            h.query(By::new().label_contains(quote).role(Role::Label))
                .map(|n| (n.rect().top(), quote))
        })
        .collect();
        found.sort_by(|a, b| a.0.total_cmp(&b.0));
        found.into_iter().map(|(_, q)| q).collect()
    };
    let sort_by = |h: &mut Harness<'_, BasiraApp>, order: &str| {
        h.get_by_role_and_label(Role::ComboBox, "Sort by").click();
        h.run();
        h.get_by_role_and_label(Role::Button, order).click();
        h.run();
    };
    sort_by(&mut harness, "brief");
    assert_eq!(
        rows(&harness),
        [
            "«withdrawal will be complete»",
            "«Some troops stay»",
            "«Militias keep pressing»",
            "«visited Brussels»"
        ],
        "the briefs' order, then the passages' place"
    );
    sort_by(&mut harness, "weight");
    assert_eq!(
        rows(&harness)[..2],
        ["«Some troops stay»", "«Militias keep pressing»"],
        "the A1 brief's rows first"
    );
    sort_by(&mut harness, "date");
    assert_eq!(
        rows(&harness).last(),
        Some(&"«visited Brussels»"),
        "the latest brief last"
    );
    sort_by(&mut harness, "diagnosticity");
    let board = harness.state().board().expect("board");
    let diagnosticity = |quote: &str| {
        let id = ws
            .passages
            .iter()
            .find(|p| format!("«{}»", p.anchor.quote) == quote)
            .expect("passage")
            .id;
        board
            .ach
            .rows
            .iter()
            .find(|r| r.passage == id)
            .expect("row")
            .diagnosticity
    };
    let shown: Vec<_> = rows(&harness).into_iter().map(diagnosticity).collect();
    assert!(
        shown.windows(2).all(|w| w[0] >= w[1]) && shown[0] > shown[shown.len() - 1],
        "the most diagnostic rows first: {shown:?}"
    );
}

#[test]
fn in_arabic_the_critical_changes_are_arabic_sentences() {
    let ws = board_workspace();
    let (_dir, mut harness) = open_board_in(&ws, "ar_IQ.UTF-8");
    click(&mut harness, &tr!(Locale::ARABIC, "board-sensitivity"));
    harness.get_by_label("الورقة «Assessment»");
    harness.get_by_label("من دونه يصبح «Full withdrawal» الأول بدلًا من «Strategic partnership».");
    assert!(
        harness
            .query_by_label_contains("would rank first")
            .is_none(),
        "no English sentence"
    );
}
