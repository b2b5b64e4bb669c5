//! Large workspaces open and save on a thread of their own, with a dialog saying what is going
//! on, and their results reach the app as events (driven through the app with egui_kittest;
//! the size from which this happens is lowered so that a small file counts as large).

mod common;

use std::path::PathBuf;

use basira::app::{BasiraApp, DialogAnswer, FakeDialogs, Ports};
use basira::model::{Brief, BriefId, BriefMeta, Workspace};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{app_with_ports, click, workspace_file};

fn big_workspace() -> Workspace {
    Workspace {
        title: "تقدير كبير".into(),
        briefs: vec![Brief::new(
            BriefId::new(),
            BriefMeta {
                title: "Withdrawal".into(),
                language: "ar".into(),
                ..BriefMeta::default()
            },
            "قال الرئيس إن الانسحاب الأمريكي من العراق سيكتمل في سبتمبر 2026.".repeat(50),
        )],
        ..Workspace::default()
    }
}

/// Runs frames until the workspace job under way is done.
fn wait_for_workspace(harness: &mut Harness<'_, BasiraApp>) {
    for _ in 0..1000 {
        if !harness.state().is_busy_with_workspace() {
            harness.run();
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the workspace job did not finish within 5 s");
}

#[test]
fn a_large_workspace_opens_and_saves_off_the_ui_thread() {
    let (dir, small) = workspace_file(&Workspace::default());
    let big = dir.path().join("big.ron");
    basira::io::save(&big, &big_workspace()).expect("write the big workspace");
    let dialogs = FakeDialogs::new();
    dialogs.queue_open(DialogAnswer::Picked(big.clone()));
    let ports = Ports::for_tests(dialogs.clone(), None).with_background_bytes(1);
    let mut harness = app_with_ports(Some(small.clone()), ports);

    // The thread may be done within the frame that started it (egui can run a frame in two
    // passes); the reducer's tests check what happens in between.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.step();
    assert_eq!(dialogs.asked(), ["open"]);
    wait_for_workspace(&mut harness);
    assert!(!harness.state().has_modal());
    assert_eq!(harness.state().workspace_path(), Some(big.as_path()));
    assert_eq!(harness.state().document().workspace().title, "تقدير كبير");
    assert!(harness.state().status().starts_with("Opened"));

    click(&mut harness, "Determinants");
    click(&mut harness, "Add determinant");
    assert!(harness.state().document().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.step();
    wait_for_workspace(&mut harness);
    assert!(!harness.state().document().is_dirty());
    assert!(harness.state().status().starts_with("Saved"));
    let saved = basira::io::load(&big).expect("the saved file loads");
    assert_eq!(saved.determinants.len(), 1);
    assert_eq!(saved.briefs[0].text, big_workspace().briefs[0].text);
}

#[test]
fn a_large_workspace_that_cannot_be_read_is_reported_and_the_open_one_stays() {
    let (dir, small) = workspace_file(&Workspace::default());
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: \"basira-workspace\", version: 3, oops").expect("write");
    let dialogs = FakeDialogs::new();
    dialogs.queue_open(DialogAnswer::Picked(broken.clone()));
    let ports = Ports::for_tests(dialogs, None).with_background_bytes(1);
    let mut harness = app_with_ports(Some(small.clone()), ports);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.step();
    wait_for_workspace(&mut harness);
    assert_eq!(harness.state().workspace_path(), Some(small.as_path()));
    let notices: Vec<String> = harness
        .state()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert!(
        notices.iter().any(|n| n.contains("broken.ron")),
        "{notices:?}"
    );
}

#[test]
fn quit_with_save_on_a_large_workspace_quits_once_it_is_written() {
    let (dir, _) = workspace_file(&Workspace::default());
    let big: PathBuf = dir.path().join("big.ron");
    basira::io::save(&big, &big_workspace()).expect("write the big workspace");
    let ports = Ports::for_tests(FakeDialogs::new(), None).with_background_bytes(1);
    let mut harness = app_with_ports(Some(big.clone()), ports);
    click(&mut harness, "Determinants");
    click(&mut harness, "Add determinant");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Save").click();
    harness.step();
    wait_for_workspace(&mut harness);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        basira::io::load(&big).expect("loads").determinants.len(),
        1,
        "saved before quitting"
    );
}
