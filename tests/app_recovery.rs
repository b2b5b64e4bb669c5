//! Never losing an analyst's work, driven through the app with egui_kittest: autosave to a
//! recovery copy on a fake clock, recovery after a crash, changes made to the file by others,
//! named undo steps and failed saves.

mod common;

use std::path::{Path, PathBuf};

use basira::app::{BasiraApp, DialogAnswer, FakeClock, FakeDialogs, Ports};
use basira::model::{Brief, BriefId, BriefMeta, Workspace};
use chrono::TimeDelta;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{app_with_ports, click, determinant, tag, workspace_file};

const TEXT: &str = "قال الرئيس إن الانسحاب الأمريكي من العراق سيكتمل في سبتمبر 2026.";
const QUOTE: &str = "الانسحاب الأمريكي";

/// A workspace with one Arabic brief holding one passage, one tag and one determinant.
fn sample_workspace() -> Workspace {
    let brief = Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: "Withdrawal".into(),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: TEXT.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    };
    let byte = TEXT.find(QUOTE).expect("quote in text");
    let start = TEXT[..byte].chars().count();
    let at = chrono::DateTime::from_timestamp(0, 0).expect("epoch");
    let passage = basira::edit::new_passage(&brief, start, start + QUOTE.chars().count(), at)
        .expect("passage");
    Workspace {
        title: "US withdrawal from Iraq".into(),
        briefs: vec![brief],
        tags: vec![tag("ISIS threats", 0)],
        determinants: vec![determinant("Regional escalation")],
        passages: vec![passage],
        ..Workspace::default()
    }
}

/// A temporary folder with the workspace file, the data folder and the shared fakes.
struct Setup {
    dir: tempfile::TempDir,
    path: PathBuf,
    data: PathBuf,
    clock: FakeClock,
    dialogs: FakeDialogs,
}

impl Setup {
    fn new() -> Self {
        let (dir, path) = workspace_file(&sample_workspace());
        let data = dir.path().join("data");
        Self {
            dir,
            path,
            data,
            clock: FakeClock::new(Ports::test_noon()),
            dialogs: FakeDialogs::new(),
        }
    }

    /// The app on `ws.ron`, with the fake clock and the data folder.
    fn app(&self) -> Harness<'static, BasiraApp> {
        let workspace = Some(self.path.clone());
        let ports = Ports::for_tests(self.dialogs.clone(), None)
            .with_clock(self.clock.clone())
            .with_data_dir(self.data.clone());
        app_with_ports(workspace, ports)
    }

    /// The recovery copies in the data folder.
    fn recovery_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.data.join("recovery")) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort();
        files
    }

    /// Someone else saves the workspace file with another title.
    fn change_on_disk(&self, title: &str) {
        let mut theirs = basira::io::load(&self.path).expect("load");
        theirs.title = title.into();
        basira::io::save(&self.path, &theirs).expect("their save");
    }

    fn on_disk(&self) -> Workspace {
        basira::io::load(&self.path).expect("the file loads")
    }
}

/// Adds a determinant: one undoable edit.
fn add_determinant(harness: &mut Harness<'_, BasiraApp>) {
    click(harness, "Determinants");
    click(harness, "Add determinant");
}

fn determinants(harness: &Harness<'_, BasiraApp>) -> usize {
    harness.state().document().workspace().determinants.len()
}

/// Edits, then lets more than a minute pass so that the recovery copy is written.
fn edit_and_autosave(setup: &Setup, harness: &mut Harness<'_, BasiraApp>) -> PathBuf {
    add_determinant(harness);
    setup.clock.advance(TimeDelta::seconds(61));
    harness.run();
    harness.state_mut().finish_autosave();
    harness
        .state()
        .recovery_file()
        .expect("a recovery copy was written")
}

#[test]
fn a_minute_of_unsaved_work_is_copied_to_a_recovery_file() {
    let setup = Setup::new();
    let mut harness = setup.app();
    assert!(!harness.state().has_modal(), "nothing to recover");
    add_determinant(&mut harness);
    assert_eq!(determinants(&harness), 2);

    setup.clock.advance(TimeDelta::seconds(30));
    harness.run();
    harness.state_mut().finish_autosave();
    assert_eq!(harness.state().recovery_file(), None, "not yet");
    assert!(setup.recovery_files().is_empty());

    setup.clock.advance(TimeDelta::seconds(31));
    harness.run();
    harness.state_mut().finish_autosave();
    let file = harness
        .state()
        .recovery_file()
        .expect("written after a minute");
    assert_eq!(setup.recovery_files(), vec![file.clone()]);
    let copy = basira::io::load(&file).expect("the copy is a workspace file");
    assert_eq!(copy.determinants.len(), 2, "with the edit");
    assert_eq!(
        setup.on_disk().determinants.len(),
        1,
        "the file is untouched"
    );
    assert!(
        harness.state().notices().is_empty(),
        "{:?}",
        harness.state().notices()
    );
}

#[test]
fn twenty_edits_are_copied_without_waiting() {
    let setup = Setup::new();
    let mut harness = setup.app();
    click(&mut harness, "Codebook");
    click(&mut harness, "Add tag");
    let field = "Name of tag New tag 2";
    harness.get_by_label(field).focus();
    harness.run();
    // The new tag's name is selected whole; End keeps it and types after it.
    harness.key_press(egui::Key::End);
    harness.run();
    for _ in 0..18 {
        harness
            .get_by_label_contains("Name of tag New tag 2")
            .type_text("x");
        harness.run();
    }
    harness.state_mut().finish_autosave();
    assert_eq!(harness.state().recovery_file(), None, "19 edits");
    harness
        .get_by_label_contains("Name of tag New tag 2")
        .type_text("y");
    // The copy is written on a thread, whose end asks for a frame whenever it comes: step a
    // fixed number of frames instead of waiting for the app to settle.
    harness.run_steps(6);
    harness.state_mut().finish_autosave();
    let file = harness
        .state()
        .recovery_file()
        .expect("written at 20 edits");
    let copy = basira::io::load(&file).expect("loads");
    assert_eq!(copy.tags[1].name, format!("New tag 2{}y", "x".repeat(18)));
    assert_eq!(
        harness.state().document().undo_label(),
        Some("edit tag"),
        "the typing is still one undo step"
    );
    // Ctrl+Z in the focused field undoes the whole typing run at once.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let ws = harness.state().document().workspace();
    assert_eq!(ws.tags[1].name, "New tag 2");
    assert_eq!(harness.state().document().undo_label(), Some("add tag"));
}

#[test]
fn after_a_crash_the_next_start_offers_the_work_and_restore_brings_it_back() {
    let setup = Setup::new();
    let mut crashed = setup.app();
    let file = edit_and_autosave(&setup, &mut crashed);
    // No clean shutdown: the process dies and its lock with it.
    drop(crashed);
    assert!(file.exists(), "the copy outlives the crash");

    let mut harness = setup.app();
    assert!(harness.state().has_modal());
    harness.get_by_label("Recover unsaved work?");
    harness.get_by_label("Workspace: US withdrawal from Iraq");
    harness.get_by_label(&format!("File: {}", setup.path.display()));
    harness.get_by_label("Holds: 1 brief, 1 passage");
    // Written at the first frame after the minute: 12:01 UTC, shown in local time.
    let at = (Ports::test_noon() + TimeDelta::seconds(61)).with_timezone(&chrono::Local);
    let kept = format!(
        "{} {}",
        basira::i18n::Locale::ENGLISH.date(at.date_naive()),
        at.format("%H:%M")
    );
    harness.get_by_label(&format!(
        "Copy kept at: {kept} (1 edit since the last save)"
    ));
    click(&mut harness, "Restore");

    assert!(!harness.state().has_modal());
    assert_eq!(determinants(&harness), 2, "the edit is back");
    assert!(harness.state().document().is_dirty(), "as unsaved work");
    assert_eq!(harness.state().workspace_path(), Some(setup.path.as_path()));
    assert_eq!(harness.state().window_title(), "● ws.ron — Basira");
    assert_eq!(
        harness.state().recovery_file(),
        Some(file.clone()),
        "kept until saved"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        !harness.state().has_modal(),
        "the file did not change since"
    );
    assert!(!harness.state().document().is_dirty());
    assert_eq!(setup.on_disk().determinants.len(), 2);
    assert!(!file.exists(), "saved, so the copy goes");
    assert!(setup.recovery_files().is_empty());
}

#[test]
fn discard_deletes_the_recovery_copy() {
    let setup = Setup::new();
    let mut crashed = setup.app();
    let file = edit_and_autosave(&setup, &mut crashed);
    drop(crashed);

    let mut harness = setup.app();
    click(&mut harness, "Discard");
    assert!(!harness.state().has_modal());
    assert!(!file.exists());
    assert!(setup.recovery_files().is_empty());
    assert_eq!(determinants(&harness), 1, "the file as it was saved");
    assert!(!harness.state().document().is_dirty());

    drop(harness);
    assert!(!setup.app().state().has_modal(), "nothing is offered again");
}

#[test]
fn closing_the_recovery_dialog_keeps_the_copy_for_next_time() {
    let setup = Setup::new();
    let mut crashed = setup.app();
    let file = edit_and_autosave(&setup, &mut crashed);
    drop(crashed);

    let mut harness = setup.app();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().has_modal());
    assert!(file.exists(), "neither restored nor discarded: kept");
    assert_eq!(determinants(&harness), 1);
    drop(harness);
    assert!(setup.app().state().has_modal(), "offered again");
}

#[test]
fn the_copy_of_a_running_basira_is_not_offered() {
    let setup = Setup::new();
    let mut running = setup.app();
    let file = edit_and_autosave(&setup, &mut running);
    let second = setup.app();
    assert!(!second.state().has_modal(), "the first window still has it");
    drop(second);
    assert!(file.exists());
}

#[test]
fn a_clean_save_or_a_clean_close_removes_the_copy() {
    let setup = Setup::new();
    let mut harness = setup.app();
    let file = edit_and_autosave(&setup, &mut harness);
    click(&mut harness, "File");
    click(&mut harness, "Save");
    assert!(!file.exists(), "a save removes the copy");
    assert_eq!(harness.state().recovery_file(), None);

    // New work, then Quit and Discard in the "Save changes?" guard: a clean close.
    let file = edit_and_autosave(&setup, &mut harness);
    assert!(file.exists());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    click(&mut harness, "Discard");
    harness.state_mut().shut_down();
    assert!(
        !file.exists(),
        "discarded and closed cleanly: the copy goes"
    );
    assert!(setup.recovery_files().is_empty());
}

#[test]
fn save_asks_before_overwriting_a_file_changed_by_someone_else() {
    let setup = Setup::new();
    let mut harness = setup.app();
    add_determinant(&mut harness);
    setup.change_on_disk("Theirs");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Changed on disk");
    assert_eq!(setup.on_disk().title, "Theirs", "nothing overwritten yet");
    assert!(harness.state().document().is_dirty());
    click(&mut harness, "Cancel");
    assert_eq!(setup.on_disk().title, "Theirs", "Cancel writes nothing");

    click(&mut harness, "File");
    click(&mut harness, "Save");
    click(&mut harness, "Keep mine (save anyway)");
    assert!(!harness.state().has_modal());
    assert!(!harness.state().document().is_dirty());
    let saved = setup.on_disk();
    assert_eq!(saved.title, "US withdrawal from Iraq", "mine");
    assert_eq!(saved.determinants.len(), 2);

    // Once saved, the file is ours again: the next Save does not ask.
    add_determinant(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().has_modal());
    assert_eq!(setup.on_disk().determinants.len(), 3);
}

#[test]
fn save_checks_the_file_again_under_the_lock_and_asks_about_a_change_made_while_it_waited() {
    let setup = Setup::new();
    let mut harness = setup.app();
    add_determinant(&mut harness);
    // A command-line import holds the workspace's lock; it saves its version and lets go only
    // after the app's own check (which finds the file unchanged) has passed.
    let lock = basira::io::WorkspaceLock::acquire(&setup.path).expect("lock");
    let path = setup.path.clone();
    let writer = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(1500));
        let mut theirs = basira::io::load(&path).expect("load");
        theirs.title = "Imported meanwhile".into();
        basira::io::save_locked(&lock, &path, &theirs, basira::io::OnDisk::Anything)
            .expect("their save");
        drop(lock);
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    writer.join().expect("the writer finishes");
    harness.get_by_label("Changed on disk");
    assert_eq!(
        setup.on_disk().title,
        "Imported meanwhile",
        "their save is not overwritten"
    );
    assert!(harness.state().document().is_dirty());
}

#[test]
fn quitting_with_save_asks_about_the_changed_file_then_quits() {
    let setup = Setup::new();
    let mut harness = setup.app();
    add_determinant(&mut harness);
    setup.change_on_disk("Theirs");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    click(&mut harness, "Save");
    harness.get_by_label("Changed on disk");
    assert_eq!(setup.on_disk().title, "Theirs");
    harness.get_by_label("Keep mine (save anyway)").click();
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::Close),
        "saved, then quits: {commands:?}"
    );
    assert_eq!(setup.on_disk().determinants.len(), 2);
}

#[test]
fn reload_in_the_save_conflict_loads_their_version() {
    let setup = Setup::new();
    let mut harness = setup.app();
    let file = edit_and_autosave(&setup, &mut harness);
    setup.change_on_disk("Theirs");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    click(&mut harness, "Reload");
    assert!(!harness.state().has_modal());
    let ws = harness.state().document().workspace();
    assert_eq!(ws.title, "Theirs");
    assert_eq!(ws.determinants.len(), 1, "mine is discarded");
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        setup.on_disk().title,
        "Theirs",
        "and theirs was not overwritten"
    );
    assert!(!file.exists(), "the discarded work's copy goes too");
}

#[test]
fn save_as_in_the_save_conflict_keeps_both_versions() {
    let setup = Setup::new();
    let elsewhere = setup.dir.path().join("mine.ron");
    setup
        .dialogs
        .queue_save(DialogAnswer::Picked(elsewhere.clone()));
    let mut harness = setup.app();
    add_determinant(&mut harness);
    setup.change_on_disk("Theirs");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    click(&mut harness, "Save as…");
    assert_eq!(setup.dialogs.asked(), vec!["save"]);
    assert_eq!(harness.state().workspace_path(), Some(elsewhere.as_path()));
    assert_eq!(setup.on_disk().title, "Theirs");
    assert_eq!(
        basira::io::load(&elsewhere)
            .expect("loads")
            .determinants
            .len(),
        2
    );
}

#[test]
fn regaining_focus_notices_a_change_and_offers_reload() {
    let setup = Setup::new();
    let mut harness = setup.app();
    setup.change_on_disk("Theirs");
    harness.input_mut().focused = false;
    harness.run();
    assert!(
        harness
            .query_by_label_contains("was changed on disk")
            .is_none(),
        "not looked at while away"
    );
    harness.input_mut().focused = true;
    harness.run();
    harness.get_by_label("“ws.ron” was changed on disk by someone else.");
    assert!(
        harness.query_by_label("Keep mine (save anyway)").is_none(),
        "no local changes: only Reload"
    );
    assert!(!harness.state().has_modal(), "a notice, not a dialog");
    click(&mut harness, "Reload");
    assert_eq!(harness.state().document().workspace().title, "Theirs");
    assert!(
        harness
            .query_by_label_contains("was changed on disk")
            .is_none()
    );
}

#[test]
fn a_change_seen_while_idle_with_local_changes_offers_the_same_choice() {
    let setup = Setup::new();
    let mut harness = setup.app();
    add_determinant(&mut harness);
    // Rewritten with the same bytes (a checkout that changed nothing): not a change.
    let bytes = std::fs::read(&setup.path).expect("read");
    std::fs::write(&setup.path, &bytes).expect("rewrite");
    setup.clock.advance(TimeDelta::seconds(4));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("was changed on disk")
            .is_none()
    );

    setup.change_on_disk("Theirs");
    setup.clock.advance(TimeDelta::seconds(4));
    harness.run();
    harness.get_by_label_contains("and you have unsaved changes");
    click(&mut harness, "Keep mine (save anyway)");
    assert_eq!(setup.on_disk().title, "US withdrawal from Iraq");
    assert_eq!(setup.on_disk().determinants.len(), 2);
    assert!(
        harness
            .query_by_label_contains("was changed on disk")
            .is_none()
    );

    setup.change_on_disk("Theirs again");
    setup.clock.advance(TimeDelta::seconds(4));
    harness.run();
    click(&mut harness, "Dismiss");
    assert!(
        harness
            .query_by_label_contains("was changed on disk")
            .is_none()
    );
    setup.clock.advance(TimeDelta::seconds(4));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("was changed on disk")
            .is_none(),
        "a dismissed change is not announced again"
    );
}

#[test]
fn undo_and_redo_entries_name_the_step_and_shortcuts_work() {
    let setup = Setup::new();
    let mut harness = setup.app();
    harness
        .get_by_label(&format!("Withdrawal — «{QUOTE}»"))
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "ISIS threats")
        .click();
    harness.run();
    let tagged =
        |h: &Harness<'_, BasiraApp>| !h.state().document().workspace().passages[0].tags.is_empty();
    assert!(tagged(&harness));

    click(&mut harness, "Edit");
    click(&mut harness, "Undo: tag passage");
    assert!(!tagged(&harness));
    click(&mut harness, "Edit");
    harness.get_by_label("Redo: tag passage");
    harness.key_press(Key::Escape);
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert!(tagged(&harness), "Ctrl+Shift+Z redoes");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!tagged(&harness), "Ctrl+Z undoes");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert!(tagged(&harness), "Ctrl+Y redoes");
}

#[test]
fn a_save_into_a_vanished_folder_keeps_the_work_and_save_as_elsewhere_works() {
    let setup = Setup::new();
    let folder = setup.dir.path().join("shared-drive");
    std::fs::create_dir(&folder).expect("folder");
    let path = folder.join("ws.ron");
    std::fs::rename(&setup.path, &path).expect("move");
    let elsewhere = setup.dir.path().join("rescued.ron");
    setup
        .dialogs
        .queue_save(DialogAnswer::Picked(elsewhere.clone()));
    let workspace = Some(path.clone());
    let ports = Ports::for_tests(setup.dialogs.clone(), None)
        .with_clock(setup.clock.clone())
        .with_data_dir(setup.data.clone());
    let mut harness = app_with_ports(workspace, ports);
    add_determinant(&mut harness);
    std::fs::remove_dir_all(&folder).expect("the folder goes away");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label_contains("Cannot save");
    harness.get_by_label_contains("Save As");
    assert!(harness.state().document().is_dirty(), "still unsaved");
    assert_eq!(determinants(&harness), 2, "the work is still open");

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert_eq!(harness.state().workspace_path(), Some(elsewhere.as_path()));
    assert_eq!(
        basira::io::load(&elsewhere)
            .expect("loads")
            .determinants
            .len(),
        2
    );
    assert!(Path::new(&elsewhere).is_file());
}
