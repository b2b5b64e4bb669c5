//! The Structure tab driven through the interface with egui_kittest, on the seed brief: the
//! determinants and scenarios it names are offered as proposals; accepting makes them (with
//! their paragraph as a linked passage) in one undo step; a dismissed proposal is not offered
//! again; the outline and the footnote markers jump in the reader.

mod common;

use basira::app::BasiraApp;
use basira::model::{Brief, BriefId, BriefMeta, LinkTarget, Workspace};
use basira::text_range::slice_chars;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{app_on, click, click_at, workspace_file};

fn seed() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt");
    std::fs::read_to_string(path).expect("the seed brief")
}

/// The app on a workspace holding the seed brief alone, on the Structure tab.
fn app() -> (tempfile::TempDir, Harness<'static, BasiraApp>) {
    let brief = Brief::new(
        BriefId::new(),
        BriefMeta {
            title: "الانسحاب العسكري الأمريكي من العراق".into(),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        seed(),
    );
    let (dir, path) = workspace_file(&Workspace {
        title: "Structure".into(),
        briefs: vec![brief],
        ..Workspace::default()
    });
    let mut harness = app_on(&path);
    click(&mut harness, "Structure");
    (dir, harness)
}

fn ws<'a>(harness: &'a Harness<'_, BasiraApp>) -> &'a Workspace {
    harness.state().document().workspace()
}

#[test]
fn accepting_the_proposed_determinants_makes_them_with_linked_passages_in_one_step() {
    let (_dir, mut harness) = app();
    harness.get_by_label("Proposed determinants (4)");
    harness.get_by_label("Proposed scenarios (3)");
    let accept_all = harness
        .query_all_by_label("Accept all")
        .next()
        .expect("a button");
    accept_all.click();
    harness.run();

    let workspace = ws(&harness);
    let titles: Vec<&str> = workspace
        .determinants
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "تهديدات داعش",
            "وضع الحشد الشعبي",
            "النفوذ الإيراني",
            "التصعيد الإقليمي"
        ]
    );
    assert_eq!(workspace.passages.len(), 4);
    for (passage, determinant) in workspace.passages.iter().zip(&workspace.determinants) {
        assert_eq!(
            passage.links.iter().map(|l| l.target).collect::<Vec<_>>(),
            vec![LinkTarget::Determinant(determinant.id)]
        );
        assert!(passage.anchor.quote.contains(&determinant.title));
    }
    assert_eq!(
        harness.state().document().undo_label(),
        Some("accept proposals")
    );
    harness.get_by_label("Proposed determinants (0)");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(ws(&harness).determinants.is_empty() && ws(&harness).passages.is_empty());
    harness.get_by_label("Proposed determinants (4)");
}

#[test]
fn an_edited_name_is_kept_and_a_dismissed_proposal_is_not_offered_again() {
    let (_dir, mut harness) = app();
    // The first proposal's name field is the first field named "Name".
    let name = harness
        .query_all_by_label("Name")
        .next()
        .expect("a name field");
    name.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .query_all_by_label("Name")
        .next()
        .expect("a name field")
        .type_text("Daesh threats");
    harness.run();
    harness
        .query_all_by_label("Accept")
        .next()
        .expect("an Accept")
        .click();
    harness.run();
    let titles: Vec<String> = ws(&harness)
        .determinants
        .iter()
        .map(|d| d.title.clone())
        .collect();
    assert_eq!(titles, ["Daesh threats"]);

    // Below the outline: scrolled into view first, as an analyst would.
    harness
        .query_all_by_label("Dismiss")
        .next()
        .expect("a Dismiss")
        .scroll_to_me();
    harness.run();
    harness
        .query_all_by_label("Dismiss")
        .next()
        .expect("a Dismiss")
        .click();
    harness.run();
    let brief = &ws(&harness).briefs[0];
    assert_eq!(brief.dismissed_proposals.len(), 1);
    assert_eq!(
        harness.state().document().undo_label(),
        Some("dismiss proposal")
    );
    harness.get_by_label("Proposed determinants (2)");
    harness.get_by_label("Show 1 dismissed proposal again");
}

#[test]
fn the_outline_and_the_footnote_markers_jump_in_the_reader_and_back() {
    let (_dir, mut harness) = app();
    let text = seed();
    click(&mut harness, "الخُلاصة");
    let selection = harness
        .state()
        .reader_selection()
        .expect("the heading is selected");
    assert_eq!(
        slice_chars(&text, selection.anchor, selection.focus).trim(),
        "الخُلاصة"
    );

    // The first footnote marker, in the body, jumps to its note at the end…
    let marker = text[..text.find("[1]").expect("a marker")].chars().count();
    let note = text[..text.find("[1] مجلس").expect("the note")]
        .chars()
        .count();
    click(
        &mut harness,
        "تحوُّل العلاقات الأمريكية العراقية بعد انتهاء حرب داعش",
    );
    let at = harness
        .state()
        .reader_point_of(marker + 1)
        .expect("the marker is shown");
    click_at(&mut harness, at);
    let selection = harness
        .state()
        .reader_selection()
        .expect("the note is selected");
    assert_eq!(selection.anchor, note);
    assert!(slice_chars(&text, selection.anchor, selection.focus).starts_with("[1] مجلس النواب"));
    // …and the note's number jumps back to the marker.
    harness.run();
    let at = harness
        .state()
        .reader_point_of(note + 1)
        .expect("the note is shown");
    click_at(&mut harness, at);
    let selection = harness
        .state()
        .reader_selection()
        .expect("the marker is selected");
    assert_eq!((selection.anchor, selection.focus), (marker, marker + 3));

    // The notes have no heading in the seed: the outline names them and jumps to the first.
    click(&mut harness, "الهوامش");
    let selection = harness
        .state()
        .reader_selection()
        .expect("the first note is selected");
    assert_eq!(selection.anchor, note);
}

#[test]
fn a_new_version_of_the_brief_replaces_its_text_and_keeps_every_passage() {
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/iraq-withdrawal.ron");
    let workspace = basira::io::load(&sample).expect("the sample opens");
    let before = workspace.passages.len();
    let (dir, path) = workspace_file(&workspace);
    // The new version: a paragraph added at the top (everything moves) and one passage's words
    // gone (it is orphaned or fuzzy-matched, never dropped).
    let old = &workspace.briefs[0].text;
    let gone = &workspace.passages[5].anchor.quote;
    let newer = format!(
        "تحديث: نسخة منقحة من التقدير.\n\n{}",
        old.replace(gone.as_str(), "")
    );
    let file = dir.path().join("assessment-v2.txt");
    std::fs::write(&file, &newer).expect("write");

    let dialogs = basira::app::FakeDialogs::new();
    dialogs.queue_briefs(basira::app::DialogAnswer::Picked(vec![file]));
    let mut harness =
        common::app_with_ports(Some(path), basira::app::Ports::for_tests(dialogs, None));
    harness.get_by_label("Import new version…").scroll_to_me();
    harness.run();
    harness.get_by_label("Import new version…").click();
    harness.step();
    common::wait_for_imports(&mut harness);

    let after = ws(&harness);
    assert_eq!(after.briefs[0].text, newer);
    assert_eq!(
        after.briefs[0]
            .source
            .as_ref()
            .map(|s| s.file_name.as_str()),
        Some("assessment-v2.txt")
    );
    assert_eq!(after.passages.len(), before, "no passage is dropped");
    for passage in after.passages.iter().filter(|p| !p.orphaned) {
        passage
            .anchor
            .verify(&after.briefs[0].text)
            .expect("placed passages fit the new text");
    }
    assert!(
        after.passages[5].orphaned,
        "its words are gone from the new version"
    );
    assert_eq!(after.passages.iter().filter(|p| p.orphaned).count(), 1);
    assert!(
        harness
            .state()
            .document()
            .undo_label()
            .is_some_and(|l| l == "re-import brief")
    );
    let status = harness.state().status().to_owned();
    assert!(
        status.contains(&format!("{before} passages")) && status.contains("1 orphaned"),
        "{status}"
    );

    // The analyst places the orphan: selects where it belongs (here through the outline),
    // then "Place at selection" in the Structure tab, where the re-import led.
    click(&mut harness, "الخُلاصة");
    click(&mut harness, "Place at selection");
    let placed = &ws(&harness).passages[5];
    assert!(!placed.orphaned);
    assert_eq!(placed.anchor.quote.trim(), "الخُلاصة");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        ws(&harness).passages[5].orphaned,
        "placing is undone on its own"
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        ws(&harness),
        &workspace,
        "undo brings the old version back whole"
    );
}

#[test]
fn proposals_the_analysis_already_holds_are_set_apart_and_can_be_accepted_anyway() {
    // The bundled sample already has the brief's 4 determinants and 3 scenarios, named by the
    // analyst in English and Arabic: none is offered again as new.
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/iraq-withdrawal.ron");
    let (_dir, path) = workspace_file(&basira::io::load(&sample).expect("the sample"));
    let mut harness = app_on(&path);
    click(&mut harness, "Structure");
    harness.get_by_label("Proposed determinants (0)");
    harness.get_by_label("Proposed scenarios (0)");
    assert!(harness.query_by_label("Accept all").is_none());
    click(&mut harness, "4 already in the analysis");
    harness.get_by_label("Iranian influence — النفوذ الإيراني");

    let before = ws(&harness).determinants.len();
    let accept = harness
        .query_all_by_label("Accept anyway")
        .next()
        .expect("an Accept anyway");
    accept.scroll_to_me();
    accept.click();
    harness.run();
    let workspace = ws(&harness);
    assert_eq!(workspace.determinants.len(), before + 1);
    assert_eq!(
        workspace.determinants.last().map(|d| d.title.as_str()),
        Some("تهديدات داعش")
    );
    // The accepted one is no longer «like» an item: it is the item made from it.
    assert_eq!(
        harness
            .query_all_by_label("3 already in the analysis")
            .count(),
        2,
        "3 determinants and 3 scenarios"
    );
}

#[test]
fn the_brief_list_and_the_reader_say_which_file_format_a_brief_came_from() {
    let mut brief = Brief::new(
        BriefId::new(),
        BriefMeta {
            title: "الانسحاب العسكري الأمريكي من العراق".into(),
            language: "ar".into(),
            publisher: "وحدة الدراسات".into(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 9, 25),
            ..BriefMeta::default()
        },
        seed(),
    );
    brief.source = Some(basira::model::BriefSource {
        file_name: "withdrawal.pdf".into(),
        format: basira::model::SourceFormat::Pdf,
        imported: chrono::DateTime::from_timestamp(1_759_309_200, 0).unwrap_or_default(),
        sha256: "0".repeat(64),
    });
    let (_dir, path) = workspace_file(&Workspace {
        title: "Formats".into(),
        briefs: vec![brief],
        ..Workspace::default()
    });
    let mut harness = app_on(&path);
    harness.run();
    harness.get_by_label("25 September 2025 · ar · PDF");
    // The reader's line keeps its English order around the Arabic publisher.
    harness.get_by_label_contains("· PDF · 0 passages");
}
