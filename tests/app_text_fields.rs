//! The text fields (names, titles, metadata, memos) driven through the interface with
//! egui_kittest: Arabic typing, line breaks in memos, caret keys, clicks, clipboard, IME, focus
//! and undo, checked on the model and on the value the field reports to accesskit.

mod common;

use basira::app::BasiraApp;
use basira::model::{Brief, BriefId, BriefMeta, Workspace};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use common::{app_on, click, click_at, copied, determinant, key, tag, workspace_file};

const ARABIC_TEXT: &str = "قال الرئيس إن الانسحاب الأمريكي من العراق سيكتمل في سبتمبر 2026.";

fn workspace() -> Workspace {
    Workspace {
        title: "Fields".into(),
        memo: String::new(),
        briefs: vec![Brief {
            id: BriefId::new(),
            meta: BriefMeta {
                title: "مستقبل العلاقات".into(),
                language: "ar".into(),
                ..BriefMeta::default()
            },
            text: ARABIC_TEXT.into(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        }],
        tags: vec![tag("ISIS threats", 0)],
        determinants: vec![determinant("Regional escalation")],
        scenarios: Vec::new(),
        passages: Vec::new(),
        ..Workspace::default()
    }
}

fn app() -> (tempfile::TempDir, Harness<'static, BasiraApp>) {
    let (dir, path) = workspace_file(&workspace());
    let harness = app_on(&path);
    (dir, harness)
}

fn type_into(harness: &mut Harness<'_, BasiraApp>, label: &str, text: &str) {
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn focus(harness: &mut Harness<'_, BasiraApp>, label: &str) {
    harness.get_by_label(label).focus();
    harness.run();
}

/// The value the field labelled `label` reports.
fn value(harness: &Harness<'_, BasiraApp>, label: &str) -> String {
    harness
        .get_by_label(label)
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

fn tag_name(harness: &Harness<'_, BasiraApp>, index: usize) -> String {
    harness.state().document().workspace().tags[index]
        .name
        .clone()
}

#[test]
fn an_arabic_tag_name_is_typed_shown_and_undone_in_one_step() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Codebook");
    click(&mut harness, "Add tag");
    let field = "Name of tag New tag 2";
    assert_eq!(
        harness.get_by_label(field).accesskit_node().role(),
        Role::TextInput
    );
    focus(&mut harness, field);
    assert!(harness.get_by_label(field).is_focused());
    key(&mut harness, Key::A, Modifiers::COMMAND);
    // The field's label follows the name as it is typed.
    let mut name = String::new();
    for word in ["الأكراد", " في", " العراق"] {
        let label = if name.is_empty() {
            field.to_owned()
        } else {
            format!("Name of tag {name}")
        };
        type_into(&mut harness, &label, word);
        name.push_str(word);
    }
    assert_eq!(tag_name(&harness, 1), "الأكراد في العراق");
    assert_eq!(
        value(&harness, "Name of tag الأكراد في العراق"),
        "الأكراد في العراق"
    );
    assert_eq!(harness.state().document().undo_label(), Some("edit tag"));

    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(
        tag_name(&harness, 1),
        "New tag 2",
        "the typing was one step"
    );
    assert_eq!(value(&harness, "Name of tag New tag 2"), "New tag 2");
    assert_eq!(harness.state().document().undo_label(), Some("add tag"));
}

#[test]
fn a_memo_keeps_the_line_breaks_typed_with_enter() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Codebook");
    let field = "Description of ISIS threats";
    assert_eq!(
        harness.get_by_label(field).accesskit_node().role(),
        Role::MultilineTextInput
    );
    focus(&mut harness, field);
    type_into(&mut harness, field, "أولاً");
    key(&mut harness, Key::Enter, Modifiers::NONE);
    type_into(&mut harness, field, "second line");
    let tag = &harness.state().document().workspace().tags[0];
    assert_eq!(tag.description, "أولاً\nsecond line");
    assert_eq!(value(&harness, field), "أولاً\nsecond line");

    // Enter in a single-line field leaves it instead.
    let name = "Name of tag ISIS threats";
    focus(&mut harness, name);
    key(&mut harness, Key::Enter, Modifiers::NONE);
    assert!(!harness.get_by_label(name).is_focused());
    assert_eq!(tag_name(&harness, 0), "ISIS threats");
}

#[test]
fn paste_inserts_and_single_lines_turn_line_breaks_into_spaces() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Codebook");
    let field = "Name of tag ISIS threats";
    focus(&mut harness, field);
    harness.event(egui::Event::Paste(" في\nالعراق".into()));
    harness.run();
    assert_eq!(tag_name(&harness, 0), "ISIS threats في العراق");
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(tag_name(&harness, 0), "ISIS threats");
}

#[test]
fn copy_and_cut_take_the_selection() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Codebook");
    let field = "Name of tag ISIS threats";
    focus(&mut harness, field);
    // Shift+Home from the end selects the whole line.
    key(&mut harness, Key::Home, Modifiers::SHIFT);
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("ISIS threats"));
    harness.run();
    // Select «threats» with Shift+Ctrl+Left from the end, then cut it.
    key(&mut harness, Key::End, Modifiers::NONE);
    key(
        &mut harness,
        Key::ArrowLeft,
        Modifiers::SHIFT | Modifiers::CTRL,
    );
    harness.event(egui::Event::Cut);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("threats"));
    harness.run();
    assert_eq!(tag_name(&harness, 0), "ISIS ");
}

#[test]
fn arrows_move_visually_and_backspace_deletes_before_the_caret() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Codebook");
    let field = "Name of tag ISIS threats";
    focus(&mut harness, field);
    key(&mut harness, Key::A, Modifiers::COMMAND);
    type_into(&mut harness, field, "سلام");
    // Right-to-left: the right arrow moves back through the word.
    key(&mut harness, Key::ArrowRight, Modifiers::NONE);
    key(&mut harness, Key::Backspace, Modifiers::NONE);
    assert_eq!(tag_name(&harness, 0), "سلم");
    key(&mut harness, Key::Delete, Modifiers::NONE);
    assert_eq!(tag_name(&harness, 0), "سل");
    assert!(harness.get_by_label("Name of tag سل").is_focused());
}

#[test]
fn a_click_places_the_caret_where_the_text_starts() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Codebook");
    let field = "Name of tag ISIS threats";
    let rect = harness.get_by_label(field).rect();
    // Latin: the text starts at the left.
    click_at(&mut harness, egui::pos2(rect.left() + 5.0, rect.center().y));
    assert!(harness.get_by_label(field).is_focused());
    type_into(&mut harness, field, "x");
    assert_eq!(tag_name(&harness, 0), "xISIS threats");

    // Arabic: right-aligned, the text starts at the right.
    let field = "Name of tag xISIS threats";
    key(&mut harness, Key::A, Modifiers::COMMAND);
    type_into(&mut harness, field, "الأكراد");
    let field = "Name of tag الأكراد";
    let rect = harness.get_by_label(field).rect();
    click_at(
        &mut harness,
        egui::pos2(rect.right() - 5.0, rect.center().y),
    );
    type_into(&mut harness, field, "و");
    assert_eq!(tag_name(&harness, 0), "والأكراد");
}

#[test]
fn tab_leaves_the_field_and_ends_the_typing_step() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Determinants");
    let field = "Title of determinant Regional escalation";
    focus(&mut harness, field);
    type_into(&mut harness, field, " A");
    key(&mut harness, Key::Tab, Modifiers::NONE);
    let field = "Title of determinant Regional escalation A";
    assert!(!harness.get_by_label(field).is_focused());
    focus(&mut harness, field);
    type_into(&mut harness, field, "B");
    let title = |h: &Harness<'_, BasiraApp>| {
        h.state().document().workspace().determinants[0]
            .title
            .clone()
    };
    assert_eq!(title(&harness), "Regional escalation AB");
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(
        title(&harness),
        "Regional escalation A",
        "focus loss ended the first typing step"
    );
}

#[test]
fn ime_preedit_is_shown_but_only_the_commit_is_typed() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Codebook");
    let field = "Name of tag ISIS threats";
    focus(&mut harness, field);
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "ك".into(),
        active_range_chars: None,
    }));
    harness.run();
    assert_eq!(tag_name(&harness, 0), "ISIS threats");
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit(" كتب".into())));
    harness.run();
    assert_eq!(tag_name(&harness, 0), "ISIS threats كتب");
}

#[test]
fn brief_metadata_fields_take_arabic() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Brief details");
    focus(&mut harness, "Publisher");
    type_into(&mut harness, "Publisher", "مركز الدراسات");
    let meta = &harness.state().document().workspace().briefs[0].meta;
    assert_eq!(meta.publisher, "مركز الدراسات");
    assert_eq!(value(&harness, "Publisher"), "مركز الدراسات");
}
