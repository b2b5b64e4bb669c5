//! Small things an analyst notices all day (issue 13, items 9 and 4), driven through the
//! interface with egui_kittest: notices that go away by themselves (errors stay) without the
//! app repainting meanwhile; the window, the side panels' widths and the reader's zoom kept for
//! the next session; side panels that keep their width whatever they show; the inspector's
//! quote, tags, links and memo in view at 1280×800.

mod common;

use std::path::Path;
use std::time::Duration;

use basira::app::{
    AppOptions, BasiraApp, DialogAnswer, FakeClock, FakeDialogs, NoticeLevel, Ports,
};
use basira::io::interface_settings::{self, WindowPlace};
use basira::model::{Brief, BriefId, BriefMeta, Workspace};
use egui::{Key, Modifiers, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{click, determinant, key, tag, workspace_file};

const TEXT: &str = "قال الرئيس إن الانسحاب الأمريكي من العراق سيكتمل في سبتمبر 2026، \
بينما تتزايد تهديدات داعش في المناطق الحدودية.";

fn workspace() -> Workspace {
    let brief = Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: "مستقبل العلاقات الأمريكية العراقية".into(),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: TEXT.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    };
    let at = chrono::DateTime::from_timestamp(1_758_801_600, 0).expect("a time");
    let mut passage = basira::edit::new_passage(&brief, 0, 40, at).expect("a passage");
    passage.memo = "Timeline of the drawdown.".into();
    Workspace {
        title: "Settings".into(),
        briefs: vec![brief],
        tags: vec![tag("ISIS threats", 0)],
        determinants: vec![determinant(
            "The Iraqi government's capacity to bring every armed faction under state control \
             before the coalition's exit",
        )],
        passages: vec![passage],
        ..Workspace::default()
    }
}

fn app(path: &Path, ports: Ports, size: egui::Vec2) -> Harness<'static, BasiraApp> {
    let workspace = Some(path.to_owned());
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| BasiraApp::new(cc, AppOptions { workspace, ports }));
    harness.run();
    harness
}

const BIG: egui::Vec2 = egui::vec2(1400.0, 900.0);

/// How long after `harness`'s last frame the app asked for the next one.
fn repaint_delay(harness: &Harness<'_, BasiraApp>) -> Duration {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map_or(Duration::MAX, |v| v.repaint_delay)
}

/// Runs frames until the exports under way are written (they run on threads of their own).
fn wait_for_exports(harness: &mut Harness<'_, BasiraApp>) {
    for _ in 0..2000 {
        if !harness.state().is_exporting() {
            harness.run();
            return;
        }
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the export did not finish within 10 s");
}

/// Exports the excerpts to `to` through the export dialog.
fn export_to(harness: &mut Harness<'_, BasiraApp>, dialogs: &FakeDialogs, to: &Path) {
    key(harness, Key::E, Modifiers::COMMAND | Modifiers::SHIFT);
    dialogs.queue_export(DialogAnswer::Picked(to.to_owned()));
    harness.get_by_label("Export…").click();
    harness.step();
    wait_for_exports(harness);
}

fn levels(harness: &Harness<'_, BasiraApp>) -> Vec<NoticeLevel> {
    harness.state().notices().iter().map(|n| n.level).collect()
}

#[test]
fn notices_go_away_by_themselves_but_errors_stay_and_idle_stays_idle() {
    let (dir, path) = workspace_file(&workspace());
    let clock = FakeClock::new(Ports::test_noon());
    let dialogs = FakeDialogs::new();
    let ports = Ports::for_tests(dialogs.clone(), None).with_clock(clock.clone());
    let mut harness = app(&path, ports, BIG);

    // An export onto the workspace itself is refused: an error.
    export_to(&mut harness, &dialogs, &path);
    // A written export says so: a message that goes away by itself.
    export_to(&mut harness, &dialogs, &dir.path().join("out.md"));
    assert_eq!(levels(&harness), [NoticeLevel::Error, NoticeLevel::Info]);
    // Every notice has its close button.
    harness.get_by_label("Dismiss message 1");
    harness.get_by_label("Dismiss message 2");

    // Meanwhile the app asks for one frame, when the message is due to go — not every frame.
    harness.run();
    let delay = repaint_delay(&harness);
    assert!(
        delay > Duration::from_secs(1) && delay <= Duration::from_secs(6),
        "the next frame is asked for in {delay:?}"
    );
    clock.advance(chrono::TimeDelta::seconds(3));
    harness.run();
    assert_eq!(levels(&harness), [NoticeLevel::Error, NoticeLevel::Info]);
    clock.advance(chrono::TimeDelta::seconds(4));
    harness.run();
    assert_eq!(levels(&harness), [NoticeLevel::Error], "the message went");
    // The error stays until it is closed, and no frame is asked for on its account.
    clock.advance(chrono::TimeDelta::minutes(10));
    harness.run();
    assert_eq!(levels(&harness), [NoticeLevel::Error]);
    assert!(repaint_delay(&harness) >= Duration::from_secs(3));
    click(&mut harness, "Dismiss message 1");
    assert!(harness.state().notices().is_empty());
}

/// Drags the edge of the briefs panel (on the left in English) from `from` to `to` (x).
fn drag_briefs_edge(harness: &mut Harness<'_, BasiraApp>, from: f32, to: f32) {
    let y = 450.0;
    harness.event(egui::Event::PointerMoved(egui::pos2(from, y)));
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(from, y),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for i in 1..=8 {
        #[allow(clippy::cast_precision_loss)]
        let x = from + (to - from) * i as f32 / 8.0;
        harness.event(egui::Event::PointerMoved(egui::pos2(x, y)));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(to, y),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
}

#[test]
fn the_window_panel_widths_and_reader_zoom_are_kept_for_the_next_session() {
    let (_dir, path) = workspace_file(&workspace());
    let config = tempfile::tempdir().expect("config dir");
    let ports = || Ports::for_tests(FakeDialogs::new(), Some(config.path().to_owned()));

    let mut first = app(&path, ports(), egui::vec2(1300.0, 860.0));
    let (briefs, inspector) = first.state().panel_widths();
    let (briefs, inspector) = (briefs.expect("drawn"), inspector.expect("drawn"));
    drag_briefs_edge(&mut first, briefs, briefs + 90.0);
    let dragged = first.state().panel_widths().0.expect("drawn");
    assert!(
        (dragged - (briefs + 90.0)).abs() < 4.0,
        "the drag widened the briefs panel: {briefs} → {dragged}"
    );
    key(&mut first, Key::Plus, Modifiers::COMMAND);
    key(&mut first, Key::Plus, Modifiers::COMMAND);
    let zoom = first.state().reader_zoom();
    assert!(zoom > 1.0);
    first.state_mut().shut_down();

    let kept = interface_settings::recall(config.path());
    assert_eq!(
        kept.window.map(|w| w.size),
        Some([1300.0, 860.0]),
        "{kept:?}"
    );
    assert_eq!(kept.reader_zoom, Some(zoom));
    // The next start opens the window where and as large as it was.
    let viewport = basira::app::viewport(&ports());
    assert_eq!(viewport.inner_size, Some(egui::vec2(1300.0, 860.0)));

    let second = app(&path, ports(), egui::vec2(1300.0, 860.0));
    assert_eq!(second.state().reader_zoom(), zoom);
    let (briefs_again, inspector_again) = second.state().panel_widths();
    assert!(
        (briefs_again.expect("drawn") - dragged).abs() < 1.0,
        "{briefs_again:?} vs {dragged}"
    );
    assert!((inspector_again.expect("drawn") - inspector).abs() < 1.0);
}

#[test]
fn a_kept_window_place_opens_there() {
    let config = tempfile::tempdir().expect("config dir");
    let settings = interface_settings::InterfaceSettings {
        window: Some(WindowPlace {
            position: Some([64.0, 48.0]),
            size: [1100.0, 700.0],
        }),
        ..Default::default()
    };
    interface_settings::remember(config.path(), &settings).expect("write settings");
    let ports = Ports::for_tests(FakeDialogs::new(), Some(config.path().to_owned()));
    let viewport = basira::app::viewport(&ports);
    assert_eq!(viewport.inner_size, Some(egui::vec2(1100.0, 700.0)));
    assert_eq!(viewport.position, Some(egui::pos2(64.0, 48.0)));
    let fresh = Ports::for_tests(FakeDialogs::new(), None);
    assert_eq!(
        basira::app::viewport(&fresh).inner_size,
        Some(egui::vec2(1280.0, 820.0))
    );
}

/// Selects the workspace's passage from the brief's passages in the left panel.
fn select_the_passage(harness: &mut Harness<'_, BasiraApp>) {
    harness
        .get_all_by(|n| n.label().is_some_and(|l| l.starts_with("«قال الرئيس")))
        .next()
        .expect("the passage's row in the briefs panel")
        .click();
    harness.run();
    assert!(harness.state().selected_passage().is_some());
}

#[test]
fn side_panels_keep_their_width_whatever_they_show() {
    let (_dir, path) = workspace_file(&workspace());
    let mut harness = app(&path, Ports::for_tests(FakeDialogs::new(), None), BIG);
    select_the_passage(&mut harness);
    let (briefs, inspector) = harness.state().panel_widths();

    // A link to a determinant with a long title.
    click(&mut harness, "Link to");
    harness
        .get_all_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with("Determinant · The Iraqi government"))
        })
        .last()
        .expect("the determinant in the list")
        .click();
    harness.run();
    click(&mut harness, "Add link");
    assert_eq!(
        harness.state().document().workspace().passages[0]
            .links
            .len(),
        1
    );
    assert_eq!(harness.state().panel_widths().1, inspector, "the inspector");

    // A brief title with no place to break.
    click(&mut harness, "Brief details");
    harness.get_by_label("Title").focus();
    harness.run();
    harness
        .get_by_label("Title")
        .type_text("-the-security-agreement-of-2008-and-the-strategic-framework-agreement");
    harness.run();
    assert_eq!(harness.state().panel_widths(), (briefs, inspector));
}

/// What a node says: its label, or a label's text (its value).
fn text_of(node: &egui_kittest::kittest::AccessKitNode<'_>) -> String {
    node.label().or_else(|| node.value()).unwrap_or_default()
}

#[test]
fn at_1280_by_800_the_inspector_shows_quote_tags_links_and_memo_without_scrolling() {
    let sample = basira::io::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/iraq-withdrawal.ron"),
    )
    .expect("the sample loads");
    // The sample passage with the most tags and links, and a memo.
    let passage = sample
        .passages
        .iter()
        .filter(|p| !p.memo.is_empty())
        .max_by_key(|p| p.tags.len() + p.links.len())
        .expect("a passage")
        .clone();
    assert!(!passage.links.is_empty() && !passage.tags.is_empty());
    let (_dir, path) = workspace_file(&sample);
    let mut harness = app(
        &path,
        Ports::for_tests(FakeDialogs::new(), None),
        egui::vec2(1280.0, 800.0),
    );
    // Opened from the Memos tab, filtered down to its memo.
    click(&mut harness, "Memos");
    let memo_start: String = passage.memo.chars().take(24).collect();
    harness.get_by_label("Filter memos").focus();
    harness.run();
    harness.get_by_label("Filter memos").type_text(&memo_start);
    harness.run();
    harness
        .get_all_by(|n| n.label().is_some_and(|l| l.starts_with("Passage: «")))
        .next()
        .expect("the passage's memo in the Memos tab")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_passage(), Some(passage.id));

    // What the right panel shows in view: above the passages list at the bottom.
    let bottom = harness
        .get_all_by(|n| text_of(n).starts_with("Passages ("))
        .next()
        .expect("the passages list's heading")
        .rect()
        .min
        .y;
    let window = harness.ctx.content_rect();
    let tags = sample
        .tags
        .iter()
        .filter(|t| passage.tags.contains(&t.id))
        .map(|t| t.name.as_str());
    let quote_start: String = passage.anchor.quote.chars().take(20).collect();
    let mut shown: Vec<(String, egui::Rect)> = vec![
        ("Memo".to_owned(), harness.get_by_label("Memo").rect()),
        ("Links".to_owned(), harness.get_by_label("Links").rect()),
    ];
    for name in tags {
        // Its chip under the quote (the codebook's check boxes come further down).
        let chip = harness
            .get_all_by(|n| text_of(n) == name)
            .map(|n| n.rect())
            .filter(|r| r.min.x > window.width() / 2.0)
            .min_by(|a, b| a.min.y.total_cmp(&b.min.y))
            .expect("the tag is shown");
        shown.push((name.to_owned(), chip));
    }
    shown.push((
        "the quote".to_owned(),
        harness
            .get_all_by(|n| text_of(n).starts_with(&quote_start))
            .map(|n| n.rect())
            .find(|r| r.min.x > window.width() / 2.0)
            .expect("the quote in the inspector"),
    ));
    for (what, rect) in shown {
        assert!(
            window.contains_rect(rect) && rect.max.y <= bottom,
            "{what} at {rect:?} is out of view (window {window:?}, passages list from y = {bottom})"
        );
    }
}
