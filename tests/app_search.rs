//! The workspace search panel (*Search all briefs*) driven through the interface with
//! egui_kittest: Ctrl+Shift+F, a folded Arabic query, whole word with Arabic's attached
//! prefixes, a bad regular expression, a hit opened in the reader selected, and chosen hits
//! made passages in one undo step.

mod common;

use basira::app::BasiraApp;
use basira::model::{Brief, BriefId, BriefMeta, Workspace};
use basira::text_range::slice_chars;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use common::{app_on, click, determinant, key, tag, workspace_file};

const ARABIC: &str = "قالت الحكومة إنّ أمن العراق أولوية، وبالعراق مشكلات كثيرة.\nوتبقى العلاقات العراقية الإيرانية معقدة.";
const ENGLISH: &str = "Security in Iraq remains fragile; Iraqi forces hold the north.";

fn brief(title: &str, language: &str, text: &str) -> Brief {
    Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: title.into(),
            language: language.into(),
            ..BriefMeta::default()
        },
        text: text.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    }
}

fn app() -> (tempfile::TempDir, Harness<'static, BasiraApp>) {
    let (dir, path) = workspace_file(&Workspace {
        title: "Search".into(),
        briefs: vec![
            brief("English brief", "en", ENGLISH),
            brief("الورقة العربية", "ar", ARABIC),
        ],
        tags: vec![tag("Security", 0)],
        determinants: vec![determinant("Militia power")],
        ..Workspace::default()
    });
    let harness = app_on(&path);
    (dir, harness)
}

/// Opens the panel with Ctrl+Shift+F and types `query` into its field.
fn search(harness: &mut Harness<'_, BasiraApp>, query: &str) {
    // Tall enough for the result lines below the options and counts.
    harness.set_size(egui::vec2(1400.0, 1100.0));
    harness.run();
    key(harness, Key::F, Modifiers::COMMAND.plus(Modifiers::SHIFT));
    assert!(harness.get_by_label("Search all briefs").is_focused());
    harness.get_by_label("Search all briefs").type_text(query);
    harness.run();
}

fn check(harness: &mut Harness<'_, BasiraApp>, option: &str) {
    harness
        .get_by_role_and_label(Role::CheckBox, option)
        .click();
    harness.run();
}

#[test]
fn a_folded_arabic_variant_is_found_and_clicking_it_selects_it_in_the_reader() {
    let (_dir, mut harness) = app();
    // «امن» without hamza finds «أمن» as written.
    search(&mut harness, "امن");
    harness.get_by_label("1 hit in 1 brief");
    harness.get_by_label_contains("【أمن】").click();
    harness.run();
    let state = harness.state();
    let arabic = state
        .document()
        .workspace()
        .briefs
        .iter()
        .find(|b| b.meta.title == "الورقة العربية")
        .expect("the Arabic brief");
    assert_eq!(state.selected_brief(), Some(arabic.id));
    let selection = state.reader_selection().expect("the hit is selected");
    assert_eq!(
        slice_chars(ARABIC, selection.start(), selection.end()),
        "أمن"
    );
}

#[test]
fn whole_word_with_prefixes_finds_the_prefixed_word_but_not_a_longer_one() {
    let (_dir, mut harness) = app();
    search(&mut harness, "العراق");
    // Anywhere: «العراق», «وبالعراق» and inside «العراقية».
    harness.get_by_label("3 hits in 1 brief");
    check(&mut harness, "Whole word");
    harness.get_by_label("1 hit in 1 brief");
    check(&mut harness, "Attached Arabic prefixes (و ف ب ك ل ال)");
    harness.get_by_label("2 hits in 1 brief");
    assert!(harness.query_by_label_contains("【العراق】ية").is_none());
}

#[test]
fn a_bad_regex_says_what_is_wrong_and_no_hits_says_so() {
    let (_dir, mut harness) = app();
    search(&mut harness, "Iraq(");
    harness.get_by_label("No hits for «Iraq(».");
    check(&mut harness, "Regular expression");
    // It says which pattern and what is wrong with it.
    harness.get_by_label_contains(
        "This query cannot be searched: «Iraq(» is not a valid regular expression: unclosed group",
    );
    harness.get_by_label("Search all briefs").focus();
    harness.run();
    harness.get_by_label("Search all briefs").type_text("i?)");
    harness.run();
    // «Iraq» and «Iraqi».
    harness.get_by_label("2 hits in 1 brief");
}

#[test]
fn chosen_hits_become_passages_in_one_undo_step() {
    let (_dir, mut harness) = app();
    search(&mut harness, "العراق");
    harness.get_by_label("3 hits in 1 brief");
    check(&mut harness, "Choose hit 1");
    harness.get_by_label("Create passages (1)");
    check(&mut harness, "Choose hit 2");
    harness.get_by_label("Create passages (2)").click();
    harness.run();
    let ws = harness.state().document().workspace();
    let quotes: Vec<&str> = ws
        .passages
        .iter()
        .map(|p| p.anchor.quote.as_str())
        .collect();
    assert_eq!(quotes, ["العراق", "العراق"]);
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert!(
        harness.state().document().workspace().passages.is_empty(),
        "one undo removes every passage made from the hits"
    );
}

#[test]
fn hits_are_counted_per_brief_and_a_count_opens_its_brief() {
    let (_dir, mut harness) = app();
    search(&mut harness, "Iraq|العراق");
    check(&mut harness, "Regular expression");
    // «Iraq», «Iraqi»; «العراق», «وبالعراق», «العراقية».
    harness.get_by_label("5 hits in 2 briefs");
    harness.get_by_label("English brief: 2");
    harness.get_by_label("الورقة العربية: 3");
    click(&mut harness, "English brief: 2");
    let state = harness.state();
    let english = state.document().workspace().briefs[0].id;
    assert_eq!(state.selected_brief(), Some(english));
}

#[test]
fn exact_keeps_hamza_as_written() {
    let (_dir, mut harness) = app();
    search(&mut harness, "امن");
    harness.get_by_label("1 hit in 1 brief");
    check(&mut harness, "Exact (harakat and hamza as written)");
    harness.get_by_label("No hits for «امن».");
    // The word with its hamza, as the brief writes it, is found exactly.
    let (_dir, mut harness) = app();
    search(&mut harness, "أمن");
    check(&mut harness, "Exact (harakat and hamza as written)");
    harness.get_by_label("1 hit in 1 brief");
    harness.get_by_label_contains("【أمن】");
}

#[test]
fn memos_and_names_are_searched_only_when_asked() {
    let (_dir, mut harness) = app();
    search(&mut harness, "militia");
    harness.get_by_label("No hits for «militia».");
    check(&mut harness, "Also memos and names");
    harness.get_by_label("1 hit in memos and names");
    harness.get_by_label("Determinant: 【Militia】 power");
    // A name cannot become a passage: its line has no box to choose it.
    assert!(
        harness
            .get_by_label("Choose hit 1")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn chosen_hits_become_tagged_passages_and_one_undo_removes_them_all() {
    let (_dir, mut harness) = app();
    let security = harness.state().document().workspace().tags[0].id;
    search(&mut harness, "العراق");
    harness.get_by_label("3 hits in 1 brief");
    for hit in ["Choose hit 1", "Choose hit 2", "Choose hit 3"] {
        check(&mut harness, hit);
    }
    click(&mut harness, "Tag the passages");
    click(&mut harness, "Security");
    click(&mut harness, "Create passages (3)");
    let ws = harness.state().document().workspace();
    assert_eq!(ws.passages.len(), 3);
    assert!(
        ws.passages.iter().all(|p| p.tags == [security]),
        "every passage made from a hit has the chosen tag"
    );
    let quotes: Vec<&str> = ws
        .passages
        .iter()
        .map(|p| p.anchor.quote.as_str())
        .collect();
    assert_eq!(quotes, ["العراق", "العراق", "العراق"]);
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert!(
        harness.state().document().workspace().passages.is_empty(),
        "one undo removes every passage made from the hits"
    );
    key(
        &mut harness,
        Key::Z,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
    );
    assert_eq!(harness.state().document().workspace().passages.len(), 3);
}

#[test]
fn the_search_tab_keeps_the_panel_width_it_was_given() {
    let (_dir, mut harness) = app();
    harness.get_by_label("Search").click();
    harness.run();
    let before = harness.get_by_label("Search all briefs").rect();
    search(&mut harness, "العراق");
    harness.get_by_label("3 hits in 1 brief");
    for _ in 0..20 {
        harness.step();
    }
    let after = harness.get_by_label("Search all briefs").rect();
    // The options and result lines wrap in the panel instead of widening it frame by frame.
    assert!(
        (after.width() - before.width()).abs() < 1.0,
        "the panel grew from {} to {} points",
        before.width(),
        after.width()
    );
}
