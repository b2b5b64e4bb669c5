//! The workbench as an analyst uses it all day (issue 13), driven through the interface with
//! egui_kittest: excerpt export from the app, removal that says what it takes and undoes,
//! extending a passage to a selection, the command palette, the dirty marker after undo.

mod common;

use std::path::Path;
use std::process::Command;

use basira::app::{BasiraApp, DialogAnswer, FakeDialogs, Ports};
use basira::export::{self, Filter, Format};
use basira::model::{
    Brief, BriefId, BriefMeta, Colour, Link, LinkTarget, Relation, Tag, TagId, Workspace,
};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{app_with_ports, click, copied, determinant, key, tag};

const TEXT: &str = "قال الرئيس إن الانسحاب الأمريكي من العراق سيكتمل في سبتمبر 2026، \
بينما تتزايد تهديدات داعش في المناطق الحدودية.\nويبقى النفوذ الإيراني عاملًا حاسمًا.";

/// The code-point range of `needle` in [`TEXT`].
fn char_range(needle: &str) -> (usize, usize) {
    let byte = TEXT.find(needle).expect("needle in text");
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// A workspace with one Arabic brief, tags ISIS, Iranian influence and its child Quds Force, a
/// determinant, and three passages: one tagged Quds Force and linked, one ISIS, one untagged.
fn coded_workspace() -> Workspace {
    let isis = tag("ISIS threats", 0);
    let iran = tag("Iranian influence", 1);
    let quds = Tag {
        id: TagId::new(),
        name: "Quds Force".into(),
        colour: Colour::nth(2),
        parent: Some(iran.id),
        description: String::new(),
    };
    let escalation = determinant("Regional escalation");
    let brief = Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: "مستقبل العلاقات الأمريكية العراقية".into(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 9, 25),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: TEXT.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    };
    let at = chrono::DateTime::from_timestamp(1_758_801_600, 0).expect("a time");
    let mut passages = Vec::new();
    for (needle, tags, linked) in [
        ("النفوذ الإيراني", vec![quds.id], true),
        ("تهديدات داعش", vec![isis.id], false),
        ("الانسحاب الأمريكي", vec![quds.id], false),
        ("قال الرئيس", vec![], false),
    ] {
        let (start, end) = char_range(needle);
        let mut passage = basira::edit::new_passage(&brief, start, end, at).expect("passage");
        passage.tags = tags;
        if linked {
            passage.links.push(Link {
                target: LinkTarget::Determinant(escalation.id),
                relation: Relation::Supports,
            });
            passage.memo = "Tehran's leverage, «in Arabic» too.".into();
        }
        passages.push(passage);
    }
    Workspace {
        title: "US withdrawal from Iraq".into(),
        briefs: vec![brief],
        tags: vec![isis, iran, quds],
        determinants: vec![escalation],
        passages,
        ..Workspace::default()
    }
}

fn app(path: &Path, dialogs: &FakeDialogs) -> Harness<'static, BasiraApp> {
    app_with_ports(
        Some(path.to_owned()),
        Ports::for_tests(dialogs.clone(), None),
    )
}

/// Runs frames until the exports under way are written (they run on threads of their own).
fn wait_for_exports(harness: &mut Harness<'_, BasiraApp>) {
    for _ in 0..2000 {
        if !harness.state().is_exporting() {
            harness.run();
            return;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the export did not finish within 10 s");
}

/// Clicks the export dialog's Export… and waits until the file is written: the frames while
/// the thread writes ask for repaints, so `run` could give up before it is done.
fn start_export(harness: &mut Harness<'_, BasiraApp>) {
    harness.get_by_label("Export…").click();
    harness.step();
    wait_for_exports(harness);
}

fn ctrl_shift() -> Modifiers {
    Modifiers::COMMAND | Modifiers::SHIFT
}

#[test]
fn the_export_dialog_writes_exactly_what_basira_export_writes() {
    let ws = coded_workspace();
    let iran = ws.tags[1].id;
    let (dir, path) = common::workspace_file(&ws);
    let dialogs = FakeDialogs::new();
    let mut harness = app(&path, &dialogs);
    // The passages list's filter: Iranian influence, with its child tag.
    click(&mut harness, "Tag");
    click(&mut harness, "Iranian influence");
    harness.get_by_label("Passages (2 of 4)");
    for (format, choice, extension) in [
        (Format::Md, "Markdown (reports)", "md"),
        (Format::Csv, "CSV (spreadsheets)", "csv"),
        (Format::Json, "JSON (other tools)", "json"),
    ] {
        key(&mut harness, Key::E, ctrl_shift());
        // The dialog starts from the list's filter.
        harness.get_by_label("2 excerpts will be written.");
        click(&mut harness, choice);
        let from_app = dir.path().join(format!("from-app.{extension}"));
        dialogs.queue_export(DialogAnswer::Picked(from_app.clone()));
        start_export(&mut harness);
        harness.get_by_label(&format!("Wrote 2 excerpts to {}.", from_app.display()));

        let from_cli = dir.path().join(format!("from-cli.{extension}"));
        let status = Command::new(env!("CARGO_BIN_EXE_basira"))
            .arg("export")
            .arg(&path)
            .args(["--format", extension, "--tag", &iran.to_string(), "--out"])
            .arg(&from_cli)
            .status()
            .expect("run basira export");
        assert!(status.success(), "basira export failed");
        let app_bytes = std::fs::read(&from_app).expect("the app wrote its file");
        assert_eq!(
            app_bytes,
            std::fs::read(&from_cli).expect("the CLI wrote its file"),
            "{format}: the app's file differs from the CLI's"
        );
        let filter = Filter {
            tag: Some(iran),
            ..Filter::default()
        };
        assert_eq!(app_bytes, export::render(&ws, &filter, format));
        click(&mut harness, "Dismiss message 1");
    }
    assert_eq!(dialogs.asked(), ["export", "export", "export"]);
}

#[test]
fn an_export_never_overwrites_the_workspace_and_says_why() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let before = std::fs::read(&path).expect("read");
    let dialogs = FakeDialogs::new();
    let mut harness = app(&path, &dialogs);
    key(&mut harness, Key::E, ctrl_shift());
    harness.get_by_label("4 excerpts will be written.");
    dialogs.queue_export(DialogAnswer::Picked(path.clone()));
    start_export(&mut harness);
    harness.get_by_label_contains("Could not export the excerpts: will not write");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn copy_excerpts_puts_the_listed_rows_on_the_clipboard_as_markdown() {
    let ws = coded_workspace();
    let escalation = ws.determinants[0].id;
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path, &FakeDialogs::new());
    click(&mut harness, "Determinant");
    click(&mut harness, "Regional escalation");
    harness.event(egui::Event::Key {
        key: Key::C,
        pressed: true,
        repeat: false,
        modifiers: ctrl_shift(),
        physical_key: None,
    });
    harness.step();
    let filter = Filter {
        determinant: Some(escalation),
        ..Filter::default()
    };
    let expected = String::from_utf8(export::render(&ws, &filter, Format::Md)).expect("utf-8");
    assert!(expected.contains("النفوذ الإيراني"));
    assert_eq!(copied(&harness).as_deref(), Some(expected.as_str()));
    harness.run();
    harness.get_by_label("Copied 1 excerpt to the clipboard as Markdown.");
}

/// Presses Ctrl+Z.
fn undo(harness: &mut Harness<'_, BasiraApp>) {
    key(harness, Key::Z, Modifiers::COMMAND);
}

#[test]
fn removing_says_what_goes_with_it_asks_and_undo_restores_it() {
    let ws = coded_workspace();
    let quds = ws.tags[2].id;
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path, &FakeDialogs::new());
    let tagged = |h: &Harness<'_, BasiraApp>| {
        h.state()
            .document()
            .workspace()
            .passages
            .iter()
            .filter(|p| p.tags.contains(&quds))
            .count()
    };
    assert_eq!(tagged(&harness), 2);

    // A tag: the dialog names it and how many passages use it; Cancel keeps it.
    click(&mut harness, "Codebook");
    click(&mut harness, "Remove tag Quds Force");
    harness.get_by_label("Remove tag?");
    harness.get_by_label_contains("«Quds Force» — used by 2 passages, which lose it.");
    click(&mut harness, "Cancel");
    assert!(!harness.state().has_modal());
    assert_eq!(harness.state().document().workspace().tags.len(), 3);
    click(&mut harness, "Remove tag Quds Force");
    click(&mut harness, "Remove");
    let after = harness.state().document().workspace();
    assert_eq!(after.tags.len(), 2);
    assert_eq!(tagged(&harness), 0);
    harness.get_by_label("Done: remove tag. Undo (Ctrl+Z) brings it back.");
    undo(&mut harness);
    assert_eq!(harness.state().document().workspace().tags.len(), 3);
    assert_eq!(
        tagged(&harness),
        2,
        "undo gives the passages their tag back"
    );

    // A parent tag says its children move up.
    click(&mut harness, "Remove tag Iranian influence");
    harness.get_by_label_contains("Its child tag moves up a level.");
    click(&mut harness, "Cancel");

    // A determinant: how many passages link to it; the links come back with undo.
    click(&mut harness, "Determinants");
    click(&mut harness, "Remove determinant Regional escalation");
    harness.get_by_label("Remove determinant?");
    harness.get_by_label_contains("linked from 1 passage; that link goes with it.");
    click(&mut harness, "Remove");
    let after = harness.state().document().workspace();
    assert!(after.determinants.is_empty());
    assert!(after.passages.iter().all(|p| p.links.is_empty()));
    undo(&mut harness);
    let restored = harness.state().document().workspace();
    assert_eq!(restored.determinants.len(), 1);
    assert_eq!(restored.passages[0].links.len(), 1);
    // A right click anywhere on the card offers the same removal.
    harness.get_by_label("1 linked passage").click_secondary();
    harness.run();
    click(&mut harness, "Remove…");
    harness.get_by_label("Remove determinant?");
    click(&mut harness, "Cancel");
    let restored = harness.state().document().workspace();
    assert_eq!(restored.determinants.len(), 1);

    // A passage: its quote, tags and links; deleted, then back with everything.
    let first = restored.passages[0].clone();
    harness.get_by_label_contains("— «النفوذ الإيراني»").click();
    harness.run();
    click(&mut harness, "Delete passage…");
    harness.get_by_label("Delete passage?");
    harness.get_by_label_contains("«النفوذ الإيراني» will be deleted, with 1 tag and 1 link.");
    click(&mut harness, "Delete");
    assert!(
        harness
            .state()
            .document()
            .workspace()
            .passage(first.id)
            .is_none()
    );
    undo(&mut harness);
    assert_eq!(
        harness.state().document().workspace().passage(first.id),
        Some(&first)
    );
}

#[test]
fn the_command_palette_finds_and_runs_an_action() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path, &FakeDialogs::new());
    assert!((harness.state().reader_zoom() - 1.0).abs() < 1e-6);
    key(&mut harness, Key::P, ctrl_shift());
    assert!(harness.state().has_modal());
    // Every action is listed until something is typed.
    harness.get_by_label("Export excerpts…");
    harness.get_by_label("Command").type_text("zoom in");
    harness.run();
    assert!(harness.query_by_label("Export excerpts…").is_none());
    key(&mut harness, Key::Enter, Modifiers::NONE);
    assert!(
        !harness.state().has_modal(),
        "running an action closes the palette"
    );
    assert!(harness.state().reader_zoom() > 1.05, "Zoom in ran");

    // Escape closes the palette without running anything.
    key(&mut harness, Key::P, ctrl_shift());
    harness.get_by_label("Command").type_text("zoom");
    harness.run();
    key(&mut harness, Key::Escape, Modifiers::NONE);
    assert!(!harness.state().has_modal());

    // Help → Keyboard shortcuts lists them from the same enum.
    key(&mut harness, Key::F1, Modifiers::NONE);
    assert_eq!(harness.query_all_by_label("Keyboard shortcuts").count(), 2);
    harness.get_by_label("Command palette…");
    harness.get_by_label("Copy excerpts");
    click(&mut harness, "Close");
    assert!(!harness.state().has_modal());
}

#[test]
fn undo_back_to_the_saved_state_clears_the_dirty_marker() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path, &FakeDialogs::new());
    let dirty = |h: &Harness<'_, BasiraApp>| h.state().window_title().starts_with('●');
    assert!(!dirty(&harness));
    click(&mut harness, "Codebook");
    click(&mut harness, "Add tag");
    assert!(dirty(&harness));
    harness.get_by_label_contains("unsaved changes");
    undo(&mut harness);
    assert!(!dirty(&harness), "undo returned to the saved state");
    assert!(harness.query_by_label_contains("unsaved changes").is_none());
    key(&mut harness, Key::Z, ctrl_shift());
    assert!(dirty(&harness), "redo is a change again");
    // Saved after the edit: undoing it is a change, redoing it is clean again.
    key(&mut harness, Key::S, Modifiers::COMMAND);
    assert!(!dirty(&harness));
    undo(&mut harness);
    assert!(dirty(&harness));
    key(&mut harness, Key::Z, ctrl_shift());
    assert!(!dirty(&harness));
}

#[test]
fn view_text_size_scales_the_whole_interface() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path, &FakeDialogs::new());
    click(&mut harness, "View");
    click(&mut harness, "Text size");
    click(&mut harness, "125%");
    assert!((harness.state().text_scale() - 1.25).abs() < 1e-6);
    assert!((harness.ctx.zoom_factor() - 1.25).abs() < 1e-6);
    assert!(
        (harness.state().reader_zoom() - 1.0).abs() < 1e-6,
        "the reader's own zoom is apart"
    );
}

#[test]
fn the_selection_label_keeps_its_offsets_in_logical_order_after_an_arabic_quote() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path, &FakeDialogs::new());
    let (start, end) = char_range("المناطق الحدودية");
    let (from, to) = (
        harness.state().reader_point_of(start).expect("in view"),
        harness.state().reader_point_of(end).expect("in view"),
    );
    harness.event(egui::Event::PointerMoved(from));
    for (pos, pressed) in [(from, true), (to, false)] {
        harness.event(egui::Event::PointerMoved(pos));
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    let label = format!("«المناطق الحدودية» ({start}–{end})");
    harness.get_by_label(&label);
}

/// Drags over code points `start..end` of the brief in the reader.
fn select_in_reader(harness: &mut Harness<'_, BasiraApp>, start: usize, end: usize) {
    let from = harness.state().reader_point_of(start).expect("in view");
    let to = harness.state().reader_point_of(end).expect("in view");
    harness.event(egui::Event::PointerMoved(from));
    for (pos, pressed) in [(from, true), (to, false)] {
        harness.event(egui::Event::PointerMoved(pos));
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn extend_to_selection_recomputes_quote_and_context_and_undoes() {
    let ws = coded_workspace();
    let passage = ws.passages[1].clone();
    assert_eq!(passage.anchor.quote, "تهديدات داعش");
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path, &FakeDialogs::new());
    harness.get_by_label_contains("— «تهديدات داعش»").click();
    harness.run();
    assert_eq!(harness.state().selected_passage(), Some(passage.id));

    // Extend: from «تتزايد» to the end of «الحدودية».
    let (start, _) = char_range("تتزايد");
    let (_, end) = char_range("الحدودية");
    select_in_reader(&mut harness, start, end);
    click(&mut harness, "Extend / shrink to selection");
    let changed = harness
        .state()
        .document()
        .workspace()
        .passage(passage.id)
        .expect("still there")
        .clone();
    let expected = basira::model::Anchor::from_range(TEXT, start, end).expect("anchor");
    assert_eq!(changed.anchor, expected);
    assert_eq!(
        changed.anchor.quote,
        "تتزايد تهديدات داعش في المناطق الحدودية"
    );
    assert_eq!(changed.tags, passage.tags, "tags and links stay");
    assert_eq!(
        harness.state().document().undo_label(),
        Some("change passage range")
    );

    // Shrink to one word.
    let (start, end) = char_range("داعش");
    select_in_reader(&mut harness, start, end);
    click(&mut harness, "Extend / shrink to selection");
    let shrunk = &harness.state().document().workspace().passages[1];
    assert_eq!(shrunk.anchor.quote, "داعش");
    assert_eq!(
        shrunk.anchor,
        basira::model::Anchor::from_range(TEXT, start, end).expect("anchor")
    );

    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(
        harness.state().document().workspace().passage(passage.id),
        Some(&passage),
        "undo restores the range, quote and context exactly"
    );
}

#[test]
fn the_reader_context_menu_creates_a_tagged_passage_from_the_selection() {
    let ws = coded_workspace();
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = app(&path, &FakeDialogs::new());
    let (start, end) = char_range("سيكتمل");
    select_in_reader(&mut harness, start, end);
    let at = harness.state().reader_point_of(start + 2).expect("in view");
    harness.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    click(&mut harness, "Create and tag with");
    // The tag's chip in the passages list has the same name: the menu's entry is the last.
    harness
        .query_all_by_label("ISIS threats")
        .last()
        .expect("the menu's entry")
        .click();
    harness.run();
    let ws = harness.state().document().workspace();
    let created = ws.passages.last().expect("a passage");
    assert_eq!(created.anchor.quote, "سيكتمل");
    assert_eq!(created.tags, vec![ws.tags[0].id]);
    assert_eq!(harness.state().selected_passage(), Some(created.id));
    undo(&mut harness);
    assert_eq!(harness.state().document().workspace().passages.len(), 4);
}
