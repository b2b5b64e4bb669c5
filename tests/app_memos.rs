//! Memos everywhere (issue 13, item 8), driven through the interface with egui_kittest: a memo
//! field on the workspace, the selected brief and each tag, determinant and scenario, typed as
//! one undo step; the *Memos* tab listing every memo, filtered by text and kind, each row
//! opening its object.

mod common;

use basira::app::{BasiraApp, FakeDialogs, Ports, RightTab};
use basira::model::{
    Brief, BriefId, BriefMeta, Likelihood, MemoTarget, Scenario, ScenarioId, Workspace,
};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{app_on, click, determinant, key, tag, workspace_file};

const TEXT: &str = "قال الرئيس إن الانسحاب الأمريكي من العراق سيكتمل في سبتمبر 2026.";
const BRIEF: &str = "مستقبل العلاقات";

fn workspace() -> Workspace {
    let brief = Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: BRIEF.into(),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: TEXT.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    };
    let at = chrono::DateTime::from_timestamp(1_758_801_600, 0).expect("a time");
    let needle = "الانسحاب الأمريكي";
    let start = TEXT[..TEXT.find(needle).expect("in the text")]
        .chars()
        .count();
    let end = start + needle.chars().count();
    let passage = basira::edit::new_passage(&brief, start, end, at).expect("a passage");
    Workspace {
        title: "Fields".into(),
        briefs: vec![brief],
        tags: vec![tag("ISIS threats", 0)],
        determinants: vec![determinant("Regional escalation")],
        scenarios: vec![Scenario {
            id: ScenarioId::new(),
            title: "Wider war".into(),
            narrative: String::new(),
            likelihood: Likelihood::Unassessed,
        }],
        passages: vec![passage],
        ..Workspace::default()
    }
}

fn ws<'a>(harness: &'a Harness<'_, BasiraApp>) -> &'a Workspace {
    harness.state().document().workspace()
}

fn type_into(harness: &mut Harness<'_, BasiraApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn every_object_has_a_memo_field_typed_as_one_undo_step() {
    let (_dir, path) = workspace_file(&workspace());
    let mut harness = app_on(&path);
    let (brief, tag, det, scen) = {
        let w = ws(&harness);
        (
            MemoTarget::Brief(w.briefs[0].id),
            MemoTarget::Tag(w.tags[0].id),
            MemoTarget::Determinant(w.determinants[0].id),
            MemoTarget::Scenario(w.scenarios[0].id),
        )
    };
    let brief_field = format!("Memo on {BRIEF}");
    let cases: [(Option<&str>, &str, Option<MemoTarget>); 5] = [
        (Some("Memos"), "Workspace memo", None),
        (None, &brief_field, Some(brief)),
        (Some("Codebook"), "Memo on ISIS threats", Some(tag)),
        (
            Some("Determinants"),
            "Memo on Regional escalation",
            Some(det),
        ),
        (Some("Scenarios"), "Memo on Wider war", Some(scen)),
    ];
    for (tab, field, on) in cases {
        match tab {
            Some(tab) => click(&mut harness, tab),
            // The brief's memo is under its header, closed while there is none.
            None => click(&mut harness, "Brief memo"),
        }
        let memo = |h: &Harness<'_, BasiraApp>| match on {
            Some(on) => ws(h).memos.get(on).to_owned(),
            None => ws(h).memo.clone(),
        };
        type_into(&mut harness, field, "مؤشر");
        harness.get_by_label(field).type_text(" to watch");
        harness.run();
        assert_eq!(memo(&harness), "مؤشر to watch", "{field}");
        let label = harness.state().document().undo_label().map(str::to_owned);
        let expected = if on.is_some() {
            "edit memo"
        } else {
            "edit workspace memo"
        };
        assert_eq!(label.as_deref(), Some(expected), "{field}");
        // The typing run is one step: one undo takes the whole memo away.
        key(&mut harness, Key::Z, Modifiers::COMMAND);
        assert_eq!(
            memo(&harness),
            "",
            "{field}: one undo clears the typed memo"
        );
        key(&mut harness, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT);
        assert_eq!(memo(&harness), "مؤشر to watch", "{field}: redo");
    }
}

/// The workspace with a memo on each of its six kinds of object.
fn memo_workspace() -> Workspace {
    let mut w = workspace();
    w.memo = "The question: what the withdrawal means.".into();
    w.passages[0].memo = "الانسحاب الأمريكي مؤشر".into();
    let memos = [
        (MemoTarget::Brief(w.briefs[0].id), "Graded C3."),
        (MemoTarget::Tag(w.tags[0].id), "Attacks claimed by ISIS."),
        (
            MemoTarget::Determinant(w.determinants[0].id),
            "Watch the PMF law.",
        ),
        (MemoTarget::Scenario(w.scenarios[0].id), "Signpost: NATO."),
    ];
    for (on, text) in memos {
        w.memos.0.insert(on, text.into());
    }
    w
}

const ROWS: [&str; 6] = [
    "Workspace: Fields",
    "Brief: مستقبل العلاقات",
    "Passage: «الانسحاب الأمريكي»",
    "Tag: ISIS threats",
    "Determinant: Regional escalation",
    "Scenario: Wider war",
];

fn shown_rows(harness: &Harness<'_, BasiraApp>) -> Vec<&'static str> {
    ROWS.into_iter()
        .filter(|r| harness.query_by_label(r).is_some())
        .collect()
}

#[test]
fn the_memos_tab_lists_filters_and_opens_every_kind_of_memo() {
    let w = memo_workspace();
    let (_dir, path) = workspace_file(&w);
    let mut harness = app_on(&path);
    click(&mut harness, "Memos");
    assert!(harness.query_by_label("6 memos").is_some());
    assert_eq!(shown_rows(&harness), ROWS);

    // By text, as find matches: hamza forms folded, Latin case ignored; the object's name too.
    type_into(&mut harness, "Filter memos", "الامريكي");
    assert_eq!(shown_rows(&harness), [ROWS[2]]);
    assert!(harness.query_by_label("1 of 6 memos").is_some());
    harness.get_by_label("Filter memos").focus();
    harness.run();
    key(&mut harness, Key::A, Modifiers::COMMAND);
    harness.get_by_label("Filter memos").type_text("WIDER");
    harness.run();
    assert_eq!(shown_rows(&harness), [ROWS[5]]);
    key(&mut harness, Key::A, Modifiers::COMMAND);
    key(&mut harness, Key::Backspace, Modifiers::NONE);
    assert_eq!(shown_rows(&harness), ROWS);

    // By kind.
    click(&mut harness, "Kind of memo");
    click(&mut harness, "Memos on tags");
    assert_eq!(shown_rows(&harness), [ROWS[3]]);
    click(&mut harness, "Kind of memo");
    click(&mut harness, "All kinds");
    assert_eq!(shown_rows(&harness), ROWS);

    // Each row opens its object: a tag, determinant or scenario in its editor, its memo
    // field focused; a passage selected in the reader; a brief in the reader.
    for (row, tab, field) in [
        (ROWS[3], RightTab::Codebook, "Memo on ISIS threats"),
        (
            ROWS[4],
            RightTab::Determinants,
            "Memo on Regional escalation",
        ),
        (ROWS[5], RightTab::Scenarios, "Memo on Wider war"),
    ] {
        click(&mut harness, "Memos");
        click(&mut harness, row);
        assert_eq!(harness.state().right_tab(), tab, "{row}");
        assert!(harness.get_by_label(field).is_focused(), "{row}");
        key(&mut harness, Key::Escape, Modifiers::NONE);
    }
    click(&mut harness, "Memos");
    click(&mut harness, ROWS[2]);
    assert_eq!(harness.state().selected_passage(), Some(w.passages[0].id));
    assert_eq!(harness.state().right_tab(), RightTab::Passage);

    key(&mut harness, Key::B, Modifiers::COMMAND);
    assert!(harness.state().board_open());
    click(&mut harness, "Memos");
    click(&mut harness, ROWS[1]);
    assert!(
        !harness.state().board_open(),
        "the brief opens in the reader"
    );
    assert_eq!(harness.state().selected_brief(), Some(w.briefs[0].id));
}

#[test]
fn a_new_determinant_scenario_or_tag_comes_into_view_with_its_name_focused() {
    // Enough determinants, scenarios and tags that a new one lands below the fold.
    let mut w = workspace();
    for i in 0..30 {
        w.determinants.push(determinant(&format!("Driver {i}")));
        w.scenarios.push(Scenario {
            id: ScenarioId::new(),
            title: format!("Future {i}"),
            narrative: String::new(),
            likelihood: Likelihood::Unassessed,
        });
        w.tags.push(tag(&format!("Code {i}"), i));
    }
    let (_dir, path) = workspace_file(&w);
    let mut harness = app_on(&path);
    for (tab, add, field) in [
        (
            "Determinants",
            "Add determinant",
            "Title of determinant New determinant 32",
        ),
        (
            "Scenarios",
            "Add scenario",
            "Title of scenario New scenario 32",
        ),
        ("Codebook", "Add tag", "Name of tag New tag 32"),
    ] {
        click(&mut harness, tab);
        click(&mut harness, add);
        let node = harness.get_by_label(field);
        assert!(node.is_focused(), "{field} takes the keyboard focus");
        let rect = node.rect();
        let window = harness.ctx.content_rect();
        assert!(
            rect.min.y >= 0.0 && rect.max.y <= window.max.y,
            "{field} is in view: {rect:?} in {window:?}"
        );
        // Its name is selected whole: what is typed replaces it.
        harness.get_by_label(field).type_text("Mine");
        harness.run();
    }
    let w = ws(&harness);
    assert_eq!(
        w.determinants.last().map(|d| d.title.as_str()),
        Some("Mine")
    );
    assert_eq!(w.scenarios.last().map(|s| s.title.as_str()), Some("Mine"));
    assert_eq!(w.tags.last().map(|t| t.name.as_str()), Some("Mine"));
}

#[test]
fn in_arabic_the_memos_tab_speaks_arabic_and_counts_in_arabic() {
    let w = memo_workspace();
    let (dir, path) = workspace_file(&w);
    let ports = Ports::for_tests(FakeDialogs::new(), Some(dir.path().join("config")))
        .with_locale("ar_IQ.UTF-8");
    let mut harness = common::app_with_ports(Some(path), ports);
    click(&mut harness, "المذكرات");
    assert_eq!(harness.state().right_tab(), RightTab::Memos);
    assert!(
        harness.query_by_label("6 مذكرات").is_some(),
        "six memos, in the plural of 3–10"
    );
    harness.get_by_label("مذكرة مساحة العمل");
    click(&mut harness, "نوع المذكرة");
    click(&mut harness, "مذكرات الوسوم");
    assert!(harness.query_by_label("المعروض 1 من أصل 6").is_some());
    click(&mut harness, "الوسم: ISIS threats");
    assert_eq!(harness.state().right_tab(), RightTab::Codebook);
    assert!(harness.get_by_label("مذكرة على ISIS threats").is_focused());
}
