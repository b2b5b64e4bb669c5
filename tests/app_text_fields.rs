//! The text fields (names, titles, metadata, memos) driven through the interface with
//! egui_kittest: Arabic typing, line breaks in memos, caret keys, clicks, clipboard, IME, focus
//! and undo, checked on the model and on the value the field reports to accesskit.

mod common;

use basira::app::BasiraApp;
use basira::model::{Anchor, Brief, BriefId, BriefMeta, Passage, PassageId, Workspace};
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
fn the_caret_crosses_between_an_english_and_an_arabic_paragraph_of_a_memo() {
    let (_dir, mut harness) = app();
    click(&mut harness, "Codebook");
    let field = "Description of ISIS threats";
    focus(&mut harness, field);
    type_into(&mut harness, field, "first line");
    key(&mut harness, Key::Enter, Modifiers::NONE);
    type_into(&mut harness, field, "سطر ثان");
    let description =
        |h: &Harness<'_, BasiraApp>| h.state().document().workspace().tags[0].description.clone();
    // Up from the Arabic paragraph lands in the English one; what is typed goes there.
    key(&mut harness, Key::ArrowUp, Modifiers::NONE);
    type_into(&mut harness, field, "X");
    let text = description(&harness);
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines.len(), 2, "{text:?}");
    assert!(lines[0].contains('X') && lines[0].len() == "first line".len() + 1);
    assert_eq!(lines[1], "سطر ثان");
    // Down, then Home (the start of the Arabic paragraph, at its right), then Backspace
    // joins the two paragraphs.
    key(&mut harness, Key::ArrowDown, Modifiers::NONE);
    key(&mut harness, Key::Home, Modifiers::NONE);
    key(&mut harness, Key::Backspace, Modifiers::NONE);
    let text = description(&harness);
    assert!(!text.contains('\n'), "{text:?}");
    assert!(text.ends_with("سطر ثان"), "{text:?}");
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

/// How far the field labelled `label` is scrolled from its left end, points.
fn scroll_x(harness: &Harness<'_, BasiraApp>, label: &str) -> f64 {
    harness
        .get_by_label(label)
        .accesskit_node()
        .scroll_x()
        .unwrap_or_default()
}

#[test]
fn an_unfocused_long_field_shows_the_start_of_its_value() {
    let english = "Gulf security outlook after the withdrawal, with the regional powers' \
                   responses and the militias' realignment over the coming decade";
    let arabic = "استراتيجية موسّعة لمكافحة الإرهاب في العراق وسوريا بعد الانسحاب الأمريكي \
                  وما يليه من ترتيبات إقليمية جديدة";
    let mut ws = workspace();
    ws.tags = vec![tag(english, 0), tag(arabic, 1)];
    let (_dir, path) = workspace_file(&ws);
    let mut harness = app_on(&path);
    click(&mut harness, "Codebook");
    harness.run();
    let english_field = format!("Name of tag {english}");
    let arabic_field = format!("Name of tag {arabic}");
    // Left to right: the left end, where the value starts, is in view.
    assert!(
        scroll_x(&harness, &english_field).abs() < 0.5,
        "the English name starts in view"
    );
    // Right to left: scrolled to its right end, where the Arabic value starts.
    let arabic_scroll = scroll_x(&harness, &arabic_field);
    assert!(
        arabic_scroll > 20.0,
        "the Arabic name shows its right end (its start), scrolled {arabic_scroll}"
    );

    // Focused, the caret (at the end) is in view; left again, the start comes back.
    focus(&mut harness, &english_field);
    harness.run();
    assert!(
        scroll_x(&harness, &english_field) > 20.0,
        "the caret at the end is in view"
    );
    key(&mut harness, Key::Enter, Modifiers::NONE);
    harness.run();
    assert!(scroll_x(&harness, &english_field).abs() < 0.5);

    // The whole value is a hover away.
    let before = harness.query_all_by_label(english).count();
    harness
        .ctx
        .all_styles_mut(|s| s.interaction.tooltip_delay = 0.0);
    harness.get_by_label(&english_field).hover();
    harness.run();
    harness.run();
    assert!(
        harness.query_all_by_label(english).count() > before,
        "the tooltip shows the whole name"
    );
}

#[test]
fn codebook_counts_roll_up_the_passages_of_child_tags() {
    let mut ws = workspace();
    let actors = tag("Actors", 0);
    let mut militias = tag("Militias", 1);
    militias.parent = Some(actors.id);
    let mut kurds = tag("Kurds", 2);
    kurds.parent = Some(militias.id);
    let text = ws.briefs[0].text.clone();
    let passage = |tags: Vec<basira::model::TagId>, start: usize| Passage {
        id: PassageId::new(),
        brief: ws.briefs[0].id,
        anchor: Anchor::from_range(&text, start, start + 4).expect("range inside the text"),
        orphaned: false,
        tags,
        links: Vec::new(),
        memo: String::new(),
        created: chrono::Utc::now(),
    };
    ws.passages = vec![
        passage(vec![militias.id], 0),
        passage(vec![kurds.id], 5),
        passage(vec![kurds.id, militias.id], 10),
        passage(vec![actors.id], 15),
    ];
    ws.tags = vec![actors, militias, kurds];
    let (_dir, path) = workspace_file(&ws);
    let mut harness = app_on(&path);
    click(&mut harness, "Codebook");
    harness.run();
    // Actors: its own passage and the three of its descendants.
    assert!(
        harness
            .query_all_by_label("4 passages · own 1")
            .next()
            .is_some()
    );
    // Militias: two of its own, one more through Kurds.
    assert!(
        harness
            .query_all_by_label("3 passages · own 2")
            .next()
            .is_some()
    );
    // Kurds has no children: its count alone.
    assert!(harness.query_all_by_label("2 passages").next().is_some());
}

#[test]
fn another_tab_starts_at_the_top_of_the_right_panel() {
    let mut ws = workspace();
    ws.tags = (0..40).map(|i| tag(&format!("Tag {i}"), i)).collect();
    ws.determinants = (0..40)
        .map(|i| determinant(&format!("Driver {i}")))
        .collect();
    let (_dir, path) = workspace_file(&ws);
    let mut harness = app_on(&path);
    click(&mut harness, "Codebook");
    let top = harness.get_by_label("Add tag").rect().top();
    // Typing in the last tag's name scrolls the panel down to it.
    focus(&mut harness, "Name of tag Tag 39");
    type_into(&mut harness, "Name of tag Tag 39", "x");
    harness.run();
    assert!(
        harness
            .query_by_label("Add tag")
            .is_none_or(|b| b.rect().top() < top - 100.0),
        "the codebook scrolled down"
    );
    click(&mut harness, "Determinants");
    harness.run();
    let add = harness.get_by_label("Add determinant").rect().top();
    assert!(
        (add - top).abs() < 40.0,
        "Add determinant at the top ({add}), not at the codebook's scroll"
    );
}
