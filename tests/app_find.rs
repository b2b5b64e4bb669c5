//! The reader's find bar driven through the interface with egui_kittest: Ctrl+F, a query
//! typed without harakat or hamza, the match count, Enter / Shift+Enter / F3 moving between
//! hits (each selected in the reader and scrolled into view), a passage created from a hit
//! quoting the original text, Escape closing the bar.

mod common;

use basira::app::BasiraApp;
use basira::model::{Brief, BriefId, BriefMeta, Workspace};
use basira::text_range::slice_chars;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{app_on, key, workspace_file};

const FIRST: &str = "بعد التحوُّلات الأخيرة في العلاقات الأمريكية العراقية، تغيَّر الكثير.";
const LAST: &str = "ويبقى التحوُّل الأمريكي غامضًا، والتحول الإقليمي مستمر.";

/// An Arabic brief long enough to scroll: the query's hits in its first and last paragraphs.
fn brief_text() -> String {
    let mut text = String::from(FIRST);
    for n in 1..=80 {
        text.push_str(&format!("\nفقرة للحشو رقم {n} عن العراق وإيران."));
    }
    text.push('\n');
    text.push_str(LAST);
    text
}

fn app() -> (tempfile::TempDir, Harness<'static, BasiraApp>) {
    let (dir, path) = workspace_file(&Workspace {
        title: "Find".into(),
        memo: String::new(),
        briefs: vec![Brief {
            id: BriefId::new(),
            meta: BriefMeta {
                title: "مستقبل العلاقات".into(),
                language: "ar".into(),
                ..BriefMeta::default()
            },
            text: brief_text(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        }],
        tags: Vec::new(),
        determinants: Vec::new(),
        scenarios: Vec::new(),
        passages: Vec::new(),
        ..Workspace::default()
    });
    let harness = app_on(&path);
    (dir, harness)
}

/// The selected text in the reader.
fn selected(harness: &Harness<'_, BasiraApp>) -> (usize, usize, String) {
    let s = harness.state().reader_selection().expect("a selection");
    let text = brief_text();
    (
        s.start(),
        s.end(),
        slice_chars(&text, s.start(), s.end()).to_owned(),
    )
}

#[test]
fn a_folded_query_finds_moves_and_makes_a_passage_of_the_original_text() {
    let (_dir, mut harness) = app();
    assert!(
        harness.query_by_label("Find").is_none(),
        "the bar starts closed"
    );

    key(&mut harness, Key::F, Modifiers::COMMAND);
    assert!(harness.get_by_label("Find").is_focused());
    harness.get_by_label("Find").type_text("التحول");
    harness.run();
    harness.get_by_label("3 matches");

    key(&mut harness, Key::Enter, Modifiers::NONE);
    harness.get_by_label("1 of 3");
    let (start, end, quote) = selected(&harness);
    assert_eq!(quote, "التحوُّل", "the hit keeps its harakat");
    assert_eq!(start, 4);
    assert_eq!(end, start + "التحوُّل".chars().count());
    assert!(
        harness.get_by_label("Find").is_focused(),
        "the field keeps the focus for the next Enter"
    );

    // The second hit is in the last paragraph, far below: the reader scrolls to it.
    let text = brief_text();
    let last_start = text.chars().count() - LAST.chars().count();
    assert!(harness.state().reader_point_of(last_start).is_none());
    key(&mut harness, Key::Enter, Modifiers::NONE);
    harness.get_by_label("2 of 3");
    let (start, end, quote) = selected(&harness);
    assert_eq!(quote, "التحوُّل");
    assert_eq!(start, last_start + "ويبقى ".chars().count());
    assert!(
        harness.state().reader_point_of(start).is_some(),
        "the current hit is in view"
    );

    // Ctrl+Enter makes a passage of the hit: the original characters, harakat included.
    key(&mut harness, Key::Enter, Modifiers::COMMAND);
    let passages = &harness.state().document().workspace().passages;
    assert_eq!(passages.len(), 1);
    assert_eq!(passages[0].anchor.quote, "التحوُّل");
    assert_eq!(
        (passages[0].anchor.start, passages[0].anchor.end),
        (start, end)
    );

    // F3 goes on to the third hit (without harakat in the text), Shift+Enter back.
    key(&mut harness, Key::F3, Modifiers::NONE);
    harness.get_by_label("3 of 3");
    assert_eq!(selected(&harness).2, "والتحول".trim_start_matches('و'));
    harness.get_by_label("Find").focus();
    harness.run();
    key(&mut harness, Key::Enter, Modifiers::SHIFT);
    harness.get_by_label("2 of 3");
    key(&mut harness, Key::F3, Modifiers::SHIFT);
    harness.get_by_label("1 of 3");
    key(&mut harness, Key::F3, Modifiers::SHIFT);
    harness.get_by_label("3 of 3");

    // Escape in the field closes the bar.
    harness.get_by_label("Find").focus();
    harness.run();
    key(&mut harness, Key::Escape, Modifiers::NONE);
    assert!(harness.query_by_label("Find").is_none());
}

#[test]
fn hamza_is_folded_and_a_query_without_hits_says_so() {
    let (_dir, mut harness) = app();
    key(&mut harness, Key::F, Modifiers::COMMAND);
    harness.get_by_label("Find").type_text("الامريكي");
    harness.run();
    harness.get_by_label("2 matches");
    key(&mut harness, Key::Enter, Modifiers::NONE);
    assert_eq!(selected(&harness).2, "الأمريكي");

    harness.get_by_label("Find").type_text("xyz");
    harness.run();
    harness.get_by_label("No matches");
}

#[test]
fn a_hit_ending_at_a_letter_with_harakat_takes_them_and_the_passage_splits_nothing() {
    let (_dir, mut harness) = app();
    key(&mut harness, Key::F, Modifiers::COMMAND);
    // «التحو» ends at the waw of «التحوُّلات», before its damma and shadda.
    harness.get_by_label("Find").type_text("التحو");
    harness.run();
    key(&mut harness, Key::Enter, Modifiers::NONE);
    let (start, end, quote) = selected(&harness);
    assert_eq!(quote, "التحوُّ", "the waw keeps its harakat");
    assert_eq!((start, end), (4, 11));
    key(&mut harness, Key::Enter, Modifiers::COMMAND);
    let passages = &harness.state().document().workspace().passages;
    assert_eq!(passages.len(), 1);
    assert_eq!(passages[0].anchor.quote, "التحوُّ");
    let ws = harness.state().document().workspace();
    assert!(basira::file::split_grapheme_warnings(ws).is_empty());
}
