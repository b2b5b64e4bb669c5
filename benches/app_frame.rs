//! One frame of the whole app (menu, briefs list, reader, inspector, passages list) with the
//! benchmark workspace of 200 briefs and 50 000 passages, against one frame with the sample
//! workspace, in the same run; in both the passages list is shown and scrolled down.
//!
//! Run with `cargo bench --bench app_frame`. Compare `big` with `sample`: the target is
//! within 1.5× — what a frame builds must not grow with the number of briefs and passages.

use std::path::{Path, PathBuf};

use basira::app::{AppOptions, BasiraApp, FakeDialogs, Ports};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[path = "support/generate.rs"]
mod generate;

fn main() {
    divan::main();
}

/// The app, 1400×900, on the workspace at `path`, settled, with the passages list scrolled
/// down three times by a row (`brief — «quote»`).
fn app_on(path: PathBuf) -> Harness<'static, BasiraApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            BasiraApp::new(
                cc,
                AppOptions {
                    workspace: Some(path),
                    ports: Ports::for_tests(FakeDialogs::new(), None),
                },
            )
        });
    harness.run();
    for _ in 0..3 {
        harness
            .query_all_by_label_contains(" — «")
            .next()
            .expect("a row of the passages list")
            .scroll_down();
        harness.run();
    }
    harness
}

/// Baseline: the sample workspace (3 briefs, a few dozen passages).
#[divan::bench(sample_count = 20)]
fn sample(bencher: divan::Bencher) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/iraq-withdrawal.ron");
    let mut harness = app_on(path);
    bencher.bench_local(|| harness.step());
}

/// 200 briefs and 50 000 passages (the workspace of `workspace_io`).
#[divan::bench(sample_count = 20)]
fn big(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let workspace = generate::workspace(200, 50_000, 50_000);
    basira::io::save(&path, &workspace).expect("save");
    drop(workspace);
    let mut harness = app_on(path);
    bencher.bench_local(|| harness.step());
}
