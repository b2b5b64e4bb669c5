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
use egui_kittest::kittest::Queryable as _;

use common::{app_on, key, tag, workspace_file};

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
        ..Workspace::default()
    });
    let harness = app_on(&path);
    (dir, harness)
}

/// Opens the panel with Ctrl+Shift+F and types `query` into its field.
fn search(harness: &mut Harness<'_, BasiraApp>, query: &str) {
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
    let arabic = &state.document().workspace().briefs[1];
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
    harness.get_by_label("2 hits in 1 brief");
    check(&mut harness, "Regular expression");
    harness.get_by_label_contains("This query cannot be searched:");
    harness.get_by_label("Search all briefs").type_text("s?");
    harness.run();
    harness.get_by_label("1 hit in 1 brief");
    harness.get_by_label("Search all briefs").type_text("zzz");
    harness.run();
    harness.get_by_label("No hits for «Iraq(s?)zzz».");
}

#[test]
fn chosen_hits_become_tagged_passages_in_one_undo_step() {
    let (_dir, mut harness) = app();
    search(&mut harness, "العراق");
    harness.get_by_label("3 hits in 1 brief");
    check(&mut harness, "Choose hit 1");
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
