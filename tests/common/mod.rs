//! Helpers shared by the egui_kittest tests of the app: a workspace file in a temporary folder,
//! the harness around `BasiraApp`, and clicks, keys and the clipboard. Each test crate compiles
//! this module on its own and uses only some of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use basira::app::{AppOptions, BasiraApp, FakeDialogs, Ports};
use basira::model::{Colour, Determinant, DeterminantId, Tag, TagId, Workspace};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, HarnessBuilder};

/// A temporary folder holding `workspace` as `ws.ron`.
pub fn workspace_file(workspace: &Workspace) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ws.ron");
    basira::io::save(&path, workspace).expect("save the workspace");
    (dir, path)
}

/// A top-level tag with no description.
pub fn tag(name: &str, colour: usize) -> Tag {
    Tag {
        id: TagId::new(),
        name: name.into(),
        colour: Colour::nth(colour),
        parent: None,
        description: String::new(),
    }
}

/// A determinant with no description.
pub fn determinant(title: &str) -> Determinant {
    Determinant {
        id: DeterminantId::new(),
        title: title.into(),
        description: String::new(),
    }
}

/// The app, 1400×900, on `workspace` with the test ports, after its first frame.
pub fn app_with_ports(workspace: Option<PathBuf>, ports: Ports) -> Harness<'static, BasiraApp> {
    build(Harness::builder(), workspace, ports)
}

/// The app on the workspace file at `path` with the test ports and fake dialogs.
pub fn app_on(path: &Path) -> Harness<'static, BasiraApp> {
    app_with_ports(
        Some(path.to_owned()),
        Ports::for_tests(FakeDialogs::new(), None),
    )
}

/// The app, 1400×900, built by `builder`, after its first frame.
pub fn build(
    builder: HarnessBuilder<BasiraApp>,
    workspace: Option<PathBuf>,
    ports: Ports,
) -> Harness<'static, BasiraApp> {
    let mut harness = builder
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| BasiraApp::new(cc, AppOptions { workspace, ports }));
    harness.run();
    harness
}

/// Runs frames until the imports under way are done (they run on threads of their own).
pub fn wait_for_imports(harness: &mut Harness<'_, BasiraApp>) {
    for _ in 0..1000 {
        if !harness.state().is_importing() {
            harness.run();
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the import did not finish within 5 s");
}

/// Clicks the widget labelled `label` and runs the frames that follow.
pub fn click(harness: &mut Harness<'_, BasiraApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// A primary-button click at `pos` with real pointer events.
pub fn click_at(harness: &mut Harness<'_, BasiraApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

/// Presses `key` with `modifiers` and runs the frames that follow.
pub fn key(harness: &mut Harness<'_, BasiraApp>, key: Key, modifiers: Modifiers) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// The text the app put on the clipboard in the last frame, if any.
pub fn copied(harness: &Harness<'_, BasiraApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}
