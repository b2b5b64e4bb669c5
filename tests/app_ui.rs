//! The desktop app driven through its interface with egui_kittest: no renderer, no native
//! dialogs (a `FakeDialogs` answers them), a fixed clock.

mod common;

use std::path::{Path, PathBuf};

use basira::app::{BasiraApp, DialogAnswer, FakeDialogs, Ports};
use basira::model::{
    Brief, BriefId, BriefMeta, Colour, Likelihood, LinkTarget, Relation, Scenario, ScenarioId, Tag,
    TagId, Workspace,
};
use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use common::{app_with_ports, build, click, click_at, copied, determinant, tag, wait_for_imports};

const ARABIC_TEXT: &str = "قال الرئيس إن الانسحاب الأمريكي من العراق سيكتمل في سبتمبر 2026، \
بينما تتزايد تهديدات داعش في المناطق الحدودية.\nويبقى النفوذ الإيراني عاملًا حاسمًا.";
const QUOTE: &str = "الانسحاب الأمريكي";

/// A workspace with an Arabic and an English brief, two tags, a determinant and a scenario.
fn sample_workspace() -> Workspace {
    let isis = tag("ISIS threats", 0);
    let iran = tag("Iranian influence", 1);
    Workspace {
        title: "US withdrawal from Iraq".into(),
        memo: String::new(),
        briefs: vec![
            Brief {
                id: BriefId::new(),
                meta: BriefMeta {
                    title: "مستقبل العلاقات الأمريكية العراقية".into(),
                    publisher: "Center".into(),
                    url: String::new(),
                    published: chrono::NaiveDate::from_ymd_opt(2025, 9, 25),
                    language: "ar".into(),
                    ..BriefMeta::default()
                },
                text: ARABIC_TEXT.into(),
                source: None,
                headings: Vec::new(),
                dismissed_proposals: Vec::new(),
            },
            Brief {
                id: BriefId::new(),
                meta: BriefMeta {
                    title: "Outlook".into(),
                    language: "en".into(),
                    ..BriefMeta::default()
                },
                text: "The withdrawal will be complete by September 2026.".into(),
                source: None,
                headings: Vec::new(),
                dismissed_proposals: Vec::new(),
            },
        ],
        tags: vec![isis, iran],
        determinants: vec![determinant("Regional escalation")],
        scenarios: vec![Scenario {
            id: ScenarioId::new(),
            title: "Strategic partnership".into(),
            narrative: String::new(),
            likelihood: Likelihood::Unassessed,
        }],
        passages: Vec::new(),
        ..Workspace::default()
    }
}

/// A temporary folder holding the sample workspace as `ws.ron`.
fn workspace_file() -> (tempfile::TempDir, PathBuf) {
    common::workspace_file(&sample_workspace())
}

fn app(workspace: Option<&Path>, dialogs: &FakeDialogs) -> Harness<'static, BasiraApp> {
    app_with_config(workspace, dialogs, None)
}

fn app_with_config(
    workspace: Option<&Path>,
    dialogs: &FakeDialogs,
    config: Option<&Path>,
) -> Harness<'static, BasiraApp> {
    app_with_ports(
        workspace.map(Path::to_owned),
        Ports::for_tests(dialogs.clone(), config.map(Path::to_owned)),
    )
}

/// The code-point range of `needle` in `text`.
fn char_range(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn button(pos: egui::Pos2, pressed: bool) -> egui::Event {
    egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

/// Drags from `from` to `to` with real pointer events (the harness runs a frame per event).
fn drag(harness: &mut Harness<'_, BasiraApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(from));
    harness.event(button(from, true));
    harness.event(egui::Event::PointerMoved(from.lerp(to, 0.5)));
    harness.event(egui::Event::PointerMoved(to));
    harness.event(button(to, false));
    harness.run();
}

/// Where the reader shows the caret before code point `index` (in view).
fn reader_point(harness: &Harness<'_, BasiraApp>, index: usize) -> egui::Pos2 {
    harness
        .state()
        .reader_point_of(index)
        .unwrap_or_else(|| panic!("code point {index} is not in view"))
}

/// Selects `start..end` in the reader by dragging from the caret before `start` to the caret
/// before `end`.
fn select_in_reader(harness: &mut Harness<'_, BasiraApp>, start: usize, end: usize) {
    let (from, to) = (reader_point(harness, start), reader_point(harness, end));
    drag(harness, from, to);
}

fn create_passage_over(harness: &mut Harness<'_, BasiraApp>, needle: &str) {
    let (start, end) = char_range(ARABIC_TEXT, needle);
    select_in_reader(harness, start, end);
    let selection = harness
        .state()
        .reader_selection()
        .expect("the reader reports the selection");
    assert_eq!((selection.start(), selection.end()), (start, end));
    harness.get_by_label("Create passage").click();
    harness.run();
}

#[test]
fn create_tag_link_save_and_reopen_a_passage() {
    let (_dir, path) = workspace_file();
    let dialogs = FakeDialogs::new();
    let mut harness = app(Some(&path), &dialogs);
    assert!(
        harness.state().notices().is_empty(),
        "{:?}",
        harness.state().notices()
    );

    create_passage_over(&mut harness, QUOTE);
    let ws = harness.state().document().workspace();
    assert_eq!(ws.passages.len(), 1);
    assert_eq!(ws.passages[0].anchor.quote, QUOTE);
    assert_eq!(harness.state().selected_passage(), Some(ws.passages[0].id));

    harness
        .get_by_role_and_label(Role::CheckBox, "ISIS threats")
        .click();
    harness.run();
    click(&mut harness, "Link to");
    click(&mut harness, "Determinant · Regional escalation");
    click(&mut harness, "Relation");
    click(&mut harness, "indicator");
    click(&mut harness, "Add link");
    harness.get_by_label("Memo").focus();
    harness.run();
    harness
        .get_by_label("Memo")
        .type_text("withdrawal timeline");
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        !harness.state().document().is_dirty(),
        "{:?}",
        harness.state().notices()
    );

    // The file on disk holds the passage with its quote, tag, link and memo.
    let saved = basira::io::load(&path).expect("the saved workspace loads");
    let passage = &saved.passages[0];
    let isis = saved
        .tags
        .iter()
        .find(|t| t.name == "ISIS threats")
        .expect("tag")
        .id;
    let escalation = saved.determinants[0].id;
    assert_eq!(passage.anchor.quote, QUOTE);
    assert_eq!(passage.tags, vec![isis]);
    assert_eq!(passage.links.len(), 1);
    assert_eq!(passage.links[0].target, LinkTarget::Determinant(escalation));
    assert_eq!(passage.links[0].relation, Relation::Indicator);
    assert_eq!(passage.memo, "withdrawal timeline");

    // A fresh app opens the same file and shows the passage.
    let mut reopened = app(Some(&path), &FakeDialogs::new());
    assert_eq!(reopened.state().document().workspace(), &saved);
    let row = format!("— «{QUOTE}»");
    reopened.get_by_label_contains(&row).click();
    reopened.run();
    assert_eq!(reopened.state().selected_passage(), Some(passage.id));
    reopened.get_by_label(QUOTE);
    let checkbox = reopened.get_by_role_and_label(Role::CheckBox, "ISIS threats");
    assert_eq!(checkbox.accesskit_node().toggled(), Some(Toggled::True));
    let relation = reopened.get_by_label("Relation to Determinant · Regional escalation");
    assert_eq!(
        relation.accesskit_node().value().as_deref(),
        Some("indicator")
    );
    let memo = reopened.get_by_label("Memo").accesskit_node().value();
    assert_eq!(memo.as_deref(), Some("withdrawal timeline"));
}

#[test]
fn dirty_marker_comes_with_an_edit_and_goes_with_save() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    assert_eq!(harness.state().window_title(), "ws.ron — Basira");
    create_passage_over(&mut harness, "تهديدات داعش");
    assert_eq!(harness.state().window_title(), "● ws.ron — Basira");
    click(&mut harness, "File");
    click(&mut harness, "Save");
    assert_eq!(harness.state().window_title(), "ws.ron — Basira");
}

#[test]
fn undo_removes_the_created_passage() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    create_passage_over(&mut harness, QUOTE);
    assert_eq!(harness.state().document().workspace().passages.len(), 1);
    click(&mut harness, "Edit");
    click(&mut harness, "Undo: create passage");
    assert!(harness.state().document().workspace().passages.is_empty());
    assert_eq!(harness.state().selected_passage(), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness.state().document().workspace().passages.len(),
        1,
        "Ctrl+Y redoes"
    );
}

#[test]
fn an_invalid_workspace_path_shows_an_error_and_the_app_stays_usable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-workspace.ron");
    let dialogs = FakeDialogs::new();
    let mut harness = app(Some(&missing), &dialogs);
    harness.get_by_label_contains("no-such-workspace.ron");
    assert_eq!(harness.state().notices().len(), 1);

    // Still usable: add a determinant, then dismiss the error.
    click(&mut harness, "Determinants");
    click(&mut harness, "Add determinant");
    assert_eq!(harness.state().document().workspace().determinants.len(), 1);
    click(&mut harness, "Dismiss message 1");
    assert!(harness.state().notices().is_empty());
    assert!(
        harness
            .query_by_label_contains("no-such-workspace.ron")
            .is_none()
    );
}

#[test]
fn importing_a_text_file_through_the_dialog_adds_a_brief() {
    let (dir, path) = workspace_file();
    let brief = dir.path().join("note.txt");
    std::fs::write(
        &brief,
        "\u{feff}# Iraqi elections\r\nالانتخابات العراقية\r\n",
    )
    .expect("write brief");
    let dialogs = FakeDialogs::new();
    dialogs.queue_briefs(DialogAnswer::Picked(vec![brief]));
    let mut harness = app(Some(&path), &dialogs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    // Frames go on while the import thread works: step, do not wait for the app to settle.
    harness.step();
    wait_for_imports(&mut harness);
    assert_eq!(dialogs.asked(), vec!["briefs"]);
    let ws = harness.state().document().workspace();
    assert_eq!(ws.briefs.len(), 3);
    let added = &ws.briefs[2];
    assert_eq!(added.meta.title, "Iraqi elections");
    assert_eq!(added.text, "# Iraqi elections\nالانتخابات العراقية\n");
    assert_eq!(harness.state().selected_brief(), Some(added.id));
    assert_eq!(harness.state().document().undo_label(), Some("add brief"));
}

#[test]
fn unsaved_changes_are_guarded_on_new() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    create_passage_over(&mut harness, QUOTE);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Save changes?");
    click(&mut harness, "Cancel");
    assert!(!harness.state().has_modal());
    assert_eq!(
        harness.state().document().workspace().passages.len(),
        1,
        "Cancel keeps the work"
    );

    click(&mut harness, "File");
    click(&mut harness, "New");
    click(&mut harness, "Discard");
    assert!(
        harness.state().document().workspace().briefs.is_empty(),
        "Discard starts anew"
    );
    assert_eq!(harness.state().window_title(), "Untitled — Basira");
    assert_eq!(
        basira::io::load(&path).expect("load").passages.len(),
        0,
        "nothing was saved"
    );
}

#[test]
fn save_in_the_guard_saves_before_opening_another_workspace() {
    let (dir, path) = workspace_file();
    let other = dir.path().join("other.ron");
    let mut other_ws = sample_workspace();
    other_ws.title = "Other".into();
    basira::io::save(&other, &other_ws).expect("save other");
    let dialogs = FakeDialogs::new();
    dialogs.queue_open(DialogAnswer::Picked(other.clone()));
    let mut harness = app(Some(&path), &dialogs);
    create_passage_over(&mut harness, QUOTE);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    click(&mut harness, "Save");
    assert_eq!(
        basira::io::load(&path).expect("load").passages.len(),
        1,
        "saved first"
    );
    assert_eq!(harness.state().workspace_path(), Some(other.as_path()));
    assert_eq!(harness.state().document().workspace().title, "Other");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    create_passage_over(&mut harness, QUOTE);
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    let cancelled = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        cancelled.contains(&egui::ViewportCommand::CancelClose),
        "{cancelled:?}"
    );
    harness.run();
    harness.get_by_label("Save changes?");
    harness.get_by_label("Discard").click();
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::Close),
        "{commands:?}"
    );
}

#[test]
fn a_failed_save_keeps_the_work_and_shows_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("missing-folder").join("analysis.ron");
    let dialogs = FakeDialogs::new();
    dialogs.queue_save(DialogAnswer::Picked(target));
    let mut harness = app(Some(&dir.path().join("absent.ron")), &dialogs);
    click(&mut harness, "Dismiss message 1");
    click(&mut harness, "Determinants");
    click(&mut harness, "Add determinant");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(dialogs.asked(), vec!["save"]);
    harness.get_by_label_contains("Cannot save");
    assert!(harness.state().document().is_dirty());
    assert_eq!(harness.state().document().workspace().determinants.len(), 1);
    assert!(harness.state().window_title().starts_with('●'));
}

/// Ctrl+O without a native dialog, and the path of another workspace typed into the prompt.
/// Returns the folder (kept alive), the other workspace's path and the harness.
fn open_prompt_with_other_path() -> (tempfile::TempDir, PathBuf, Harness<'static, BasiraApp>) {
    let (dir, path) = workspace_file();
    let other = dir.path().join("other.ron");
    basira::io::save(
        &other,
        &Workspace {
            title: "Other".into(),
            ..Workspace::default()
        },
    )
    .expect("save");
    let dialogs = FakeDialogs::new();
    dialogs.queue_open(DialogAnswer::Unavailable);
    let mut harness = app(Some(&path), &dialogs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("Open workspace");
    harness.get_by_label("Path").focus();
    harness.run();
    harness
        .get_by_label("Path")
        .type_text(&other.display().to_string());
    harness.run();
    (dir, other, harness)
}

#[test]
fn without_native_dialogs_the_app_asks_for_a_path() {
    let (_dir, other, mut harness) = open_prompt_with_other_path();
    click(&mut harness, "Open");
    assert!(!harness.state().has_modal());
    assert_eq!(harness.state().workspace_path(), Some(other.as_path()));
    assert_eq!(harness.state().document().workspace().title, "Other");
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_files_imports_them_as_one_step() {
    let (dir, path) = workspace_file();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.md");
    let bad = dir.path().join("c.pdf");
    std::fs::write(&a, "First brief").expect("write");
    std::fs::write(&b, "## Second brief\ntext").expect("write");
    std::fs::write(&bad, "%PDF-1.7\n%broken").expect("write");
    let mut harness = app(Some(&path), &FakeDialogs::new());
    for file in [a, b, bad] {
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(DroppedPath(file)));
    }
    harness.step();
    wait_for_imports(&mut harness);
    let ws = harness.state().document().workspace();
    let titles: Vec<&str> = ws.briefs.iter().map(|b| b.meta.title.as_str()).collect();
    assert_eq!(titles[2..], ["First brief", "Second brief"]);
    assert_eq!(
        harness.state().document().undo_label(),
        Some("import briefs")
    );
    harness.get_by_label_contains("c.pdf");
    click(&mut harness, "Edit");
    click(&mut harness, "Undo: import briefs");
    assert_eq!(harness.state().document().workspace().briefs.len(), 2);
}

#[test]
fn clicking_a_highlight_selects_its_passage() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    // Click into the reader, then Ctrl+A selects the whole text.
    let inside = reader_point(&harness, 5);
    click_at(&mut harness, inside);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    let selection = harness.state().reader_selection().expect("a selection");
    assert_eq!(selection.range(), 0..ARABIC_TEXT.chars().count());
    click(&mut harness, "Create passage");
    let whole = harness
        .state()
        .selected_passage()
        .expect("whole-text passage");
    create_passage_over(&mut harness, "قال");
    let small = harness.state().selected_passage().expect("small passage");
    assert_ne!(small, whole);
    // A click without drag inside «الرئيس», outside the small passage (the first word),
    // selects the passage around it; one inside «قال» the innermost passage there.
    let (president, _) = char_range(ARABIC_TEXT, "الرئيس");
    let pos = reader_point(&harness, president + 2);
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected_passage(), Some(whole));
    let pos = reader_point(&harness, 1);
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected_passage(), Some(small));
}

#[test]
fn codebook_determinants_and_scenarios_are_edited_through_undoable_steps() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    click(&mut harness, "Codebook");
    click(&mut harness, "Add tag");
    let ws = harness.state().document().workspace();
    assert_eq!(ws.tags.len(), 3);
    assert_eq!(ws.tags[2].colour, Colour::nth(2), "the next palette colour");
    // The new tag's name is selected whole; End keeps it and types after it.
    harness.get_by_label("Name of tag New tag 3").focus();
    harness.run();
    harness.key_press(Key::End);
    harness.run();
    harness
        .get_by_label("Name of tag New tag 3")
        .type_text(" (Kurds)");
    harness.run();
    assert_eq!(
        harness.state().document().workspace().tags[2].name,
        "New tag 3 (Kurds)"
    );
    assert_eq!(harness.state().document().undo_label(), Some("edit tag"));
    click(&mut harness, "Parent of New tag 3 (Kurds)");
    click(&mut harness, "Iranian influence");
    let ws = harness.state().document().workspace();
    assert_eq!(ws.tags[2].parent, Some(ws.tags[1].id));

    click(&mut harness, "Scenarios");
    click(&mut harness, "Likelihood of Strategic partnership");
    click(&mut harness, Likelihood::Likely.label());
    assert_eq!(
        harness.state().document().workspace().scenarios[0].likelihood,
        Likelihood::Likely
    );

    click(&mut harness, "Determinants");
    click(&mut harness, "Remove determinant Regional escalation");
    click(&mut harness, "Remove");
    assert!(
        harness
            .state()
            .document()
            .workspace()
            .determinants
            .is_empty()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().workspace().determinants.len(), 1);
}

#[test]
fn brief_details_are_editable_and_removal_is_confirmed() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    click(&mut harness, "Brief details");
    harness.get_by_label("Date (YYYY-MM-DD)").focus();
    harness.run();
    for key in [Key::End, Key::Backspace, Key::Backspace, Key::Backspace] {
        harness.key_press(key);
    }
    harness.run();
    harness.get_by_label_contains("Write the date as YYYY-MM-DD");
    harness.get_by_label("Date (YYYY-MM-DD)").type_text("-01");
    harness.run();
    let first = &harness.state().document().workspace().briefs[0];
    assert_eq!(
        first.meta.published,
        chrono::NaiveDate::from_ymd_opt(2025, 9, 1)
    );

    // Below the brief's details and memo: scrolled into view first.
    harness.get_by_label("Remove brief…").scroll_to_me();
    harness.run();
    click(&mut harness, "Remove brief…");
    harness.get_by_label("Remove brief?");
    click(&mut harness, "Remove");
    let ws = harness.state().document().workspace();
    assert_eq!(ws.briefs.len(), 1);
    assert_eq!(harness.state().selected_brief(), Some(ws.briefs[0].id));
}

#[test]
fn dragging_over_arabic_creates_a_passage_of_exactly_those_words() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    let words = "الانسحاب الأمريكي من العراق";
    let (start, end) = char_range(ARABIC_TEXT, words);
    let (from, to) = (reader_point(&harness, start), reader_point(&harness, end));
    assert!(
        from.x > to.x,
        "Arabic runs right to left: {from:?} → {to:?}"
    );
    drag(&mut harness, from, to);
    let selection = harness.state().reader_selection().expect("a selection");
    assert_eq!(selection.range(), start..end);
    assert_eq!((selection.anchor, selection.focus), (start, end));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    let passages = &harness.state().document().workspace().passages;
    assert_eq!(passages.len(), 1);
    assert_eq!(passages[0].anchor.quote, words);
    assert_eq!(
        (passages[0].anchor.start, passages[0].anchor.end),
        (start, end)
    );
    assert!(
        harness
            .state()
            .reader_selection()
            .is_none_or(|s| s.is_empty()),
        "the selection goes once the passage exists"
    );
}

/// The app with short frames, so that two clicks in a row make a double click.
fn quick_app(workspace: &Path) -> Harness<'static, BasiraApp> {
    build(
        Harness::builder().with_step_dt(0.02),
        Some(workspace.to_owned()),
        Ports::for_tests(FakeDialogs::new(), None),
    )
}

#[test]
fn double_click_selects_a_word_and_shift_arrows_extend_it() {
    let (_dir, path) = workspace_file();
    let mut harness = quick_app(&path);
    let (start, end) = char_range(ARABIC_TEXT, "الانسحاب");
    let pos = reader_point(&harness, start + 3);
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false, true, false] {
        harness.event(button(pos, pressed));
    }
    harness.run();
    let selection = harness.state().reader_selection().expect("a selection");
    assert_eq!(selection.range(), start..end);
    // In a right-to-left paragraph, Shift+Left moves the focus forwards by one code point.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    harness.run();
    let selection = harness.state().reader_selection().expect("a selection");
    assert_eq!(selection.range(), start..end + 1);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    let selection = harness.state().reader_selection().expect("a selection");
    assert_eq!(selection.range(), start..end - 1);
    // Shift+End: to the end of the paragraph.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::End);
    harness.run();
    let selection = harness.state().reader_selection().expect("a selection");
    let paragraph_end = ARABIC_TEXT
        .split('\n')
        .next()
        .map_or(0, |p| p.chars().count());
    assert_eq!(selection.range(), start..paragraph_end);
}

#[test]
fn ctrl_c_copies_the_logical_text_of_the_selection() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    // Across the line feed: from «حاسمًا» back into the first paragraph.
    let (start, _) = char_range(ARABIC_TEXT, "الحدودية");
    let (_, end) = char_range(ARABIC_TEXT, "ويبقى النفوذ");
    select_in_reader(&mut harness, end, start);
    let selection = harness.state().reader_selection().expect("a selection");
    assert_eq!(selection.range(), start..end);
    harness.event(egui::Event::Key {
        key: Key::C,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND,
        physical_key: None,
    });
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("الحدودية.\nويبقى النفوذ"));
    // The platform's copy event (what Ctrl+C becomes on a desktop) does the same.
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("الحدودية.\nويبقى النفوذ"));
}

#[test]
fn zoom_shortcuts_lay_the_text_out_at_another_scale() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    let ppp = harness.ctx.pixels_per_point();
    assert_eq!(harness.state().reader_layout_scale(), Some(ppp));
    let (start, _) = char_range(ARABIC_TEXT, QUOTE);
    let before = reader_point(&harness, start);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert_eq!(harness.state().reader_zoom(), 1.1);
    assert_eq!(harness.state().reader_layout_scale(), Some(ppp * 1.1));
    let after = reader_point(&harness, start);
    assert!(after != before, "the text moved: {before:?} {after:?}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert_eq!(harness.state().reader_layout_scale(), Some(ppp * 0.9));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(harness.state().reader_layout_scale(), Some(ppp));
    assert_eq!(
        harness.ctx.zoom_factor(),
        1.0,
        "the interface itself does not zoom"
    );
}

#[test]
fn the_last_saved_workspace_opens_next_time() {
    let (dir, path) = workspace_file();
    let config = dir.path().join("config");
    let mut harness = app_with_config(Some(&path), &FakeDialogs::new(), Some(&config));
    create_passage_over(&mut harness, QUOTE);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let next = app_with_config(None, &FakeDialogs::new(), Some(&config));
    assert_eq!(next.state().workspace_path(), Some(path.as_path()));
    assert_eq!(next.state().document().workspace().passages.len(), 1);
}

#[test]
fn shortcut_creates_a_passage_whose_links_can_be_changed_and_removed() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    let (start, end) = char_range(ARABIC_TEXT, QUOTE);
    select_in_reader(&mut harness, start, end);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert_eq!(
        harness.state().document().workspace().passages.len(),
        1,
        "Ctrl+E creates"
    );

    click(&mut harness, "Link to");
    click(&mut harness, "Scenario · Strategic partnership");
    click(&mut harness, "Add link");
    let links = &harness.state().document().workspace().passages[0].links;
    assert_eq!(
        links[0].relation,
        Relation::Supports,
        "the default relation"
    );
    click(&mut harness, "Relation to Scenario · Strategic partnership");
    click(&mut harness, "weakens");
    let links = &harness.state().document().workspace().passages[0].links;
    assert_eq!(links[0].relation, Relation::Weakens);
    click(
        &mut harness,
        "Remove link to Scenario · Strategic partnership",
    );
    assert!(
        harness.state().document().workspace().passages[0]
            .links
            .is_empty()
    );
    click(&mut harness, "Delete passage…");
    click(&mut harness, "Delete");
    assert!(harness.state().document().workspace().passages.is_empty());
}

#[test]
fn typing_a_memo_is_one_undo_step() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    create_passage_over(&mut harness, QUOTE);
    harness.get_by_label("Memo").focus();
    harness.run();
    for word in ["key ", "claim"] {
        harness.get_by_label("Memo").type_text(word);
        harness.run();
    }
    click(&mut harness, "Codebook");
    click(&mut harness, "Passage");
    assert_eq!(
        harness.state().document().workspace().passages[0].memo,
        "key claim"
    );
    click(&mut harness, "Edit");
    click(&mut harness, "Undo: edit memo");
    assert_eq!(harness.state().document().workspace().passages[0].memo, "");
    assert_eq!(
        harness.state().document().undo_label(),
        Some("create passage")
    );
}

#[test]
fn the_passages_list_filters_by_tag_with_its_children() {
    let mut ws = sample_workspace();
    let parent = ws.tags[1].id;
    let child = Tag {
        id: TagId::new(),
        name: "Quds Force".into(),
        colour: Colour::nth(2),
        parent: Some(parent),
        description: String::new(),
    };
    let isis = ws.tags[0].id;
    ws.tags.push(child.clone());
    let brief = ws.briefs[0].clone();
    let at = chrono::DateTime::from_timestamp(0, 0).expect("epoch");
    for (needle, tags) in [
        ("قال", vec![child.id]),
        ("داعش", vec![isis]),
        ("النفوذ", vec![]),
    ] {
        let (start, end) = char_range(ARABIC_TEXT, needle);
        let mut passage = basira::edit::new_passage(&brief, start, end, at).expect("passage");
        passage.tags = tags;
        ws.passages.push(passage);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ws.ron");
    basira::io::save(&path, &ws).expect("save");
    let mut harness = app(Some(&path), &FakeDialogs::new());
    harness.get_by_label("Passages (3 of 3)");
    click(&mut harness, "Tag");
    click(&mut harness, "Iranian influence");
    harness.get_by_label("Passages (1 of 3)");
    harness.get_by_label_contains("— «قال»");
    click(&mut harness, "Clear filters");
    harness.get_by_label("Passages (3 of 3)");
}

#[test]
fn the_bundled_sample_opens_as_an_unsaved_copy_and_every_tab_renders() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_with_config(None, &FakeDialogs::new(), Some(&dir.path().join("config")));
    assert!(
        harness.state().notices().is_empty(),
        "{:?}",
        harness.state().notices()
    );
    assert_eq!(
        harness.state().workspace_path(),
        None,
        "Save must not overwrite the sample"
    );
    assert_eq!(
        harness.state().window_title(),
        "iraq-withdrawal.ron (sample) — Basira"
    );
    assert!(!harness.state().document().workspace().passages.is_empty());
    // Every tab renders the sample's Arabic and English text with named widgets.
    for tab in ["Codebook", "Determinants", "Scenarios", "Passage"] {
        click(&mut harness, tab);
    }
    // The first row of the passages list opens a real sample passage in the inspector.
    harness
        .get_all_by(|n| n.label().is_some_and(|l| l.contains(" — «")))
        .next()
        .expect("a passages list row")
        .click();
    harness.run();
    let selected = harness
        .state()
        .selected_passage()
        .expect("a passage is selected");
    let ws = harness.state().document().workspace();
    let passage = ws.passage(selected).expect("it exists");
    assert_eq!(harness.state().selected_brief(), Some(passage.brief));
    harness.get_by_label("Memo");
}

#[test]
fn arabic_names_are_found_by_their_labels_and_isolated_in_the_window_title() {
    let mut ws = sample_workspace();
    ws.tags[0].name = "تهديدات داعش".into();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("العراق.ron");
    basira::io::save(&path, &ws).expect("save");
    let mut harness = app(Some(&path), &FakeDialogs::new());
    assert_eq!(
        harness.state().window_title(),
        "\u{2067}العراق.ron\u{2069} — Basira"
    );
    // The brief's title is in the briefs list and the reader's heading.
    let title = "مستقبل العلاقات الأمريكية العراقية";
    assert_eq!(harness.query_all_by_label(title).count(), 2);
    create_passage_over(&mut harness, QUOTE);
    // The tag's check box is named by the Arabic name and toggles the tag.
    click(&mut harness, "تهديدات داعش");
    let passage = &harness.state().document().workspace().passages[0];
    assert_eq!(passage.tags, vec![ws.tags[0].id]);
    // Its chips in the inspector (under the quote) and in the passages list carry the name too.
    assert_eq!(harness.query_all_by_label("تهديدات داعش").count(), 3);
}

#[test]
fn showing_a_passage_from_the_list_scrolls_the_reader_to_it() {
    let mut ws = sample_workspace();
    let text: Vec<String> = (0..300)
        .map(|i| format!("فقرة رقم {i} من نص طويل عن الانسحاب الأمريكي من العراق."))
        .collect();
    let text = text.join("\n");
    ws.briefs[0].text = text.clone();
    let needle = "فقرة رقم 250 ";
    let (start, end) = char_range(&text, needle);
    let at = chrono::DateTime::from_timestamp(0, 0).expect("epoch");
    let passage = basira::edit::new_passage(&ws.briefs[0], start, end, at).expect("passage");
    ws.passages.push(passage);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ws.ron");
    basira::io::save(&path, &ws).expect("save");
    let mut harness = app(Some(&path), &FakeDialogs::new());
    assert!(
        harness.state().reader_point_of(start).is_none(),
        "far below"
    );
    harness.get_by_label_contains("— «فقرة رقم 250").click();
    harness.run();
    let point = harness
        .state()
        .reader_point_of(start)
        .expect("the passage is in view");
    let reader = harness.get_by_label("Reader").rect();
    assert!(reader.contains(point), "{point:?} in {reader:?}");
}

#[test]
fn a_memo_takes_arabic_lines_and_is_one_undo_step() {
    let (_dir, path) = workspace_file();
    let mut harness = app(Some(&path), &FakeDialogs::new());
    create_passage_over(&mut harness, QUOTE);
    let memo = harness.get_by_label("Memo");
    assert_eq!(memo.accesskit_node().role(), Role::MultilineTextInput);
    memo.focus();
    harness.run();
    harness.get_by_label("Memo").type_text("مهم:");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Memo").type_text("timeline");
    harness.run();
    assert_eq!(
        harness.state().document().workspace().passages[0].memo,
        "مهم:\ntimeline"
    );
    assert_eq!(
        harness
            .get_by_label("Memo")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("مهم:\ntimeline")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().workspace().passages[0].memo, "");
    assert_eq!(
        harness
            .get_by_label("Memo")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("")
    );
}

#[test]
fn enter_in_the_path_prompt_submits_it() {
    let (_dir, _other, mut harness) = open_prompt_with_other_path();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(!harness.state().has_modal(), "Enter submits the prompt");
    assert_eq!(harness.state().document().workspace().title, "Other");
}

#[test]
fn shift_arrows_step_over_harakat_so_a_passage_never_splits_a_letter() {
    let (_dir, path) = workspace_file();
    let mut harness = quick_app(&path);
    // «عاملًا»: the lam carries a tanween (U+064B), one character with it.
    let (start, end) = char_range(ARABIC_TEXT, "عاملًا");
    let pos = reader_point(&harness, start + 2);
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false, true, false] {
        harness.event(button(pos, pressed));
    }
    harness.run();
    let selection = harness.state().reader_selection().expect("a selection");
    assert_eq!(selection.range(), start..end);
    // In a right-to-left paragraph, Shift+Right moves the focus backwards: over the alif, then
    // over the lam with its tanween at once.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness
            .state()
            .reader_selection()
            .expect("a selection")
            .range(),
        start..end - 1
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness
            .state()
            .reader_selection()
            .expect("a selection")
            .range(),
        start..end - 3,
        "the lam and its tanween go together"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run();
    let ws = harness.state().document().workspace();
    assert_eq!(ws.passages[0].anchor.quote, "عام");
    assert!(basira::file::split_grapheme_warnings(ws).is_empty());
}
