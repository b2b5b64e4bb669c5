//! Idle is idle: with the big workspace of the benchmarks open (200 briefs, 50 000 passages),
//! the briefs list and the passages list shown and a brief in the reader, once the app has
//! settled a frame with no input lays no text out again and asks for no further frame (but
//! the disk watch's, every 3 s).

mod common;

#[path = "../benches/support/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::time::Duration;

use basira::app::{BasiraApp, FakeDialogs, Ports};
use egui::ViewportId;
use egui_kittest::Harness;

/// How long after `harness`'s last frame the app asked for the next one (`Duration::MAX` when
/// it asked for none).
fn repaint_delay(harness: &Harness<'_, BasiraApp>) -> Duration {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map_or(Duration::MAX, |v| v.repaint_delay)
}

/// The disk watch looks at the file every 3 s while the window has the focus: the one frame
/// an idle app may ask for.
const DISK_WATCH: Duration = Duration::from_secs(3);

/// Runs `harness` until it settles, then checks that frames without input lay nothing out
/// again and ask for no frame before the disk watch's.
fn settles_and_stays_idle(harness: &mut Harness<'_, BasiraApp>) {
    if let Err(err) = harness.try_run() {
        panic!("the app never settles: {err}");
    }
    let made = harness.state().text_layouts_made();
    for _ in 0..3 {
        harness.step();
        let delay = repaint_delay(harness);
        assert!(
            delay >= DISK_WATCH,
            "an idle frame asks for another in {delay:?}: {:?}",
            harness.ctx.repaint_causes()
        );
        assert_eq!(
            harness.state().text_layouts_made(),
            made,
            "an idle frame laid text out again"
        );
    }
}

#[test]
fn an_idle_app_with_200_briefs_and_50_000_passages_requests_no_repaint() {
    // Short briefs: the lists' cost is in the number of briefs and passages.
    let ws = generate::workspace(200, 2_000, 50_000);
    assert_eq!(ws.passages.len(), 50_000);
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = common::build(
        Harness::builder().with_max_steps(20),
        Some(path),
        Ports::for_tests(FakeDialogs::new(), None),
    );
    settles_and_stays_idle(&mut harness);
    // A brief in the reader and a passage selected.
    common::click(&mut harness, "brief 7");
    settles_and_stays_idle(&mut harness);
}

#[test]
fn the_memos_tab_over_50_000_passages_settles_and_stays_idle() {
    let ws = generate::workspace(200, 2_000, 50_000);
    let (_dir, path) = common::workspace_file(&ws);
    let mut harness = common::build(
        Harness::builder().with_max_steps(20),
        Some(path),
        Ports::for_tests(FakeDialogs::new(), None),
    );
    common::click(&mut harness, "Memos");
    settles_and_stays_idle(&mut harness);
}
