//! A brief's reading direction, set in the brief details, is an undoable edit the reader
//! lays out with.

mod common;

use std::path::PathBuf;

use basira::app::BasiraApp;
use basira::model::{Brief, BriefId, BriefMeta, TextDirection, Workspace};
use common::{app_on, click};
use egui::{Key, Modifiers};
use egui_kittest::Harness;

/// One short Arabic paragraph: right-aligned when read right to left, left-aligned when forced
/// left to right.
const ARABIC_TEXT: &str = "ويبقى النفوذ الإيراني عاملًا حاسمًا";

fn workspace_file() -> (tempfile::TempDir, PathBuf) {
    common::workspace_file(&Workspace {
        title: "Direction".into(),
        briefs: vec![Brief {
            id: BriefId::new(),
            meta: BriefMeta {
                title: "تقدير موقف".into(),
                language: "ar".into(),
                ..BriefMeta::default()
            },
            text: ARABIC_TEXT.into(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        }],
        ..Workspace::default()
    })
}

fn direction(harness: &Harness<'_, BasiraApp>) -> TextDirection {
    harness.state().document().workspace().briefs[0]
        .meta
        .direction
}

/// Where the reader shows the caret before the first code point.
fn start_of_text(harness: &Harness<'_, BasiraApp>) -> egui::Pos2 {
    harness
        .state()
        .reader_point_of(0)
        .expect("the start of the brief is in view")
}

#[test]
fn forcing_left_to_right_relays_out_the_reader_and_undo_restores_auto() {
    let (_dir, path) = workspace_file();
    let mut harness = app_on(&path);
    assert_eq!(direction(&harness), TextDirection::Auto);
    let auto = start_of_text(&harness);

    click(&mut harness, "Brief details");
    click(&mut harness, "Direction");
    click(&mut harness, "Left to right");
    assert_eq!(direction(&harness), TextDirection::Ltr);
    assert_eq!(
        harness.state().document().undo_label(),
        Some("edit brief details")
    );
    assert!(harness.state().document().is_dirty());
    let ltr = start_of_text(&harness);
    assert!(
        ltr.x < auto.x - 100.0,
        "read right to left the paragraph starts at the right, forced left to right its \
         Arabic run is left-aligned: {auto:?} → {ltr:?}"
    );
    assert!((ltr.y - auto.y).abs() < 1.0, "{auto:?} → {ltr:?}");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(direction(&harness), TextDirection::Auto);
    let undone = start_of_text(&harness);
    assert!(
        (undone.x - auto.x).abs() < 0.5,
        "undo lays the paragraph out from the right again: {auto:?} → {undone:?}"
    );

    click(&mut harness, "Direction");
    click(&mut harness, "Right to left");
    assert_eq!(direction(&harness), TextDirection::Rtl);
    let rtl = start_of_text(&harness);
    assert!((rtl.x - auto.x).abs() < 0.5, "{auto:?} → {rtl:?}");
}
