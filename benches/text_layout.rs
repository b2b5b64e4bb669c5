//! Laying out and painting brief text with the bidi text layer, beside egui's own (non-bidi)
//! layout of the same text in the same run; and a reader frame scrolling a generated 1 MB
//! brief beside one scrolling the 10 KB seed.
//!
//! Run with `cargo bench --bench text_layout`. Before divan's table, `main` times both pairs
//! itself, interleaved, and prints the ratios against their targets: correct bidi layout plus
//! glyph quads within 2× of egui's layout (which also builds its glyph mesh), and a frame of
//! the 1 MB brief no dearer than a frame of the seed.
//!
//! A frame is what the reader does each frame: `LayoutCache::ensure_visible` for a 900 px
//! window at a scroll offset that advances 23 px per frame, then the glyph quads of the visible
//! paragraphs from a warm atlas. The ratio compares the same scroll path over the same text —
//! the seed from its top, the 1 MB brief from a copy of the seed in its middle — from fresh
//! caches (paragraphs laid out as they come into view), then again with the paragraphs cached.
//! The divan benches instead scroll each document from top to bottom and wrap around: the
//! seed is soon all laid out, while the 1 MB brief keeps meeting new paragraphs.

use std::hint::black_box;
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use basira::text::{
    DocumentLayout, GlyphAtlas, GlyphQuad, LayoutCache, LayoutParams, Point, TextEngine,
};
use divan::Bencher;
use egui::Color32;
use egui::epaint::text::{
    FontData, FontDefinitions, FontFamily, FontId, Fonts, Galley, LayoutJob, TextOptions,
};

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt"
));
const NASKH_ARABIC: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/NotoNaskhArabic-Regular.ttf"
));
const SANS_LATIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/NotoSans-Regular.ttf"
));

/// Column width, in layout pixels (scale 1).
const WIDTH: f32 = 700.0;
/// Height of the reader's window.
const WINDOW: f32 = 900.0;
/// Pixels scrolled per frame.
const STEP: f32 = 23.0;
/// Reading size and line height, as `TextStyle::READING`.
const FONT_SIZE: f32 = 17.0;
const LINE_HEIGHT: f32 = 1.8;
/// Timed repetitions of each side of a pair in `main`'s own measurement.
const ROUNDS: usize = 15;

/// Copies of the seed, separated by an empty line, up to 1 MB.
static BRIEF_1MB: LazyLock<String> = LazyLock::new(|| {
    let mut text = String::from(SEED);
    while text.len() < 1_000_000 {
        text.push_str("\n\n");
        text.push_str(SEED);
    }
    text
});

fn params() -> LayoutParams {
    LayoutParams::reading(WIDTH)
}

/// An atlas holding every glyph of the seed at 700 px.
fn warm_atlas(engine: &mut TextEngine) -> GlyphAtlas {
    let mut atlas = GlyphAtlas::new();
    bidi_layout_and_paint(engine, &mut atlas);
    atlas
}

/// The whole seed laid out by the text layer, and the quads painting it.
fn bidi_layout_and_paint(
    engine: &mut TextEngine,
    atlas: &mut GlyphAtlas,
) -> (DocumentLayout, Vec<GlyphQuad>) {
    let document = DocumentLayout::new(engine, SEED, params());
    let quads = atlas.quads(
        document
            .paragraphs()
            .iter()
            .map(|p| (&p.layout, Point::new(0.0, p.top))),
    );
    (document, quads)
}

/// egui's fonts with the same faces (Noto Naskh Arabic, then Noto Sans), so that egui shapes
/// the Arabic too, and a job for the seed wrapped at 700 px.
struct EguiLayout {
    fonts: Fonts,
    job: Arc<LayoutJob>,
}

impl EguiLayout {
    fn new() -> Self {
        let mut definitions = FontDefinitions::empty();
        for (name, bytes) in [("naskh-arabic", NASKH_ARABIC), ("noto-sans", SANS_LATIN)] {
            definitions
                .font_data
                .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
            definitions
                .families
                .entry(FontFamily::Proportional)
                .or_default()
                .push(name.to_owned());
        }
        let fonts = Fonts::new(TextOptions::default(), definitions);
        let mut job = LayoutJob::simple(
            SEED.to_owned(),
            FontId::proportional(FONT_SIZE),
            Color32::WHITE,
            WIDTH,
        );
        for section in &mut job.sections {
            section.format.line_height = Some(FONT_SIZE * LINE_HEIGHT);
        }
        let mut layout = Self {
            fonts,
            job: Arc::new(job),
        };
        // Rasterise egui's glyphs once, as the text layer's atlas is warm.
        layout.layout();
        layout
    }

    /// Lays out the whole seed without egui's galley cache: shaping, wrapping and the mesh.
    fn layout(&mut self) -> Galley {
        self.fonts.layout_uncached(1.0, Arc::clone(&self.job))
    }
}

/// A reader scrolling one document.
struct Scroller {
    engine: TextEngine,
    atlas: GlyphAtlas,
    cache: LayoutCache,
    offset: f32,
}

impl Scroller {
    fn new(text: &str) -> Self {
        let mut engine = TextEngine::new();
        let atlas = warm_atlas(&mut engine);
        Self {
            engine,
            atlas,
            cache: LayoutCache::with_params(text, params()),
            offset: 0.0,
        }
    }

    /// One frame at the current offset: lay out what is visible, build its quads.
    fn frame(&mut self) -> Vec<GlyphQuad> {
        let top = self.offset;
        let range = self
            .cache
            .ensure_visible(&mut self.engine, top, top + WINDOW);
        self.atlas.quads(
            self.cache
                .placed(range)
                .map(|(_, top, paragraph)| (paragraph, Point::new(0.0, top))),
        )
    }

    /// One frame, then scroll on (back to the top after the end).
    fn frame_and_scroll(&mut self) -> Vec<GlyphQuad> {
        let quads = self.frame();
        self.offset += STEP;
        if self.offset + WINDOW > self.cache.total_height() {
            self.offset = 0.0;
        }
        quads
    }
}

fn main() {
    // `cargo test --benches` runs each bench once with `--test`: skip the measurement then.
    let quick = std::env::args().any(|a| a == "--test" || a == "--list");
    if !quick {
        report_ratios();
    }
    divan::main();
}

/// Times both pairs in the same run, interleaved, and prints their ratios.
fn report_ratios() {
    let mut engine = TextEngine::new();
    let mut atlas = warm_atlas(&mut engine);
    let mut egui = EguiLayout::new();
    let (mut bidi_times, mut egui_times) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let mut time_bidi = || timed(|| bidi_layout_and_paint(&mut engine, &mut atlas));
        let mut time_egui = || timed(|| egui.layout());
        if round % 2 == 0 {
            bidi_times.push(time_bidi());
            egui_times.push(time_egui());
        } else {
            egui_times.push(time_egui());
            bidi_times.push(time_bidi());
        }
    }
    let (bidi, egui_layout) = (median(bidi_times), median(egui_times));
    let (document, quads) = bidi_layout_and_paint(&mut engine, &mut atlas);
    let galley = egui.layout();
    println!(
        "seed at {WIDTH} px: text layer {} paragraphs, {} lines, {} glyph quads in {:.2} ms; \
         egui {} rows in {:.2} ms (medians of {ROUNDS})",
        document.paragraphs().len(),
        document
            .paragraphs()
            .iter()
            .map(|p| p.layout.line_count())
            .sum::<usize>(),
        quads.len(),
        ms(bidi),
        galley.rows.len(),
        ms(egui_layout),
    );
    println!(
        "bidi/egui layout ratio: {:.2} (target ≤ 2)",
        bidi.as_secs_f64() / egui_layout.as_secs_f64()
    );

    let frames = scroll_frames();
    let (mut seed_cold, mut big_cold, mut seed_warm, mut big_warm) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let [[seed_first, big_first], [seed_again, big_again]] = scroll_pair(frames);
        seed_cold.push(seed_first);
        big_cold.push(big_first);
        seed_warm.push(seed_again);
        big_warm.push(big_again);
    }
    let per_frame = |times: Vec<Duration>| median(times) / frames;
    let (seed_cold, big_cold) = (per_frame(seed_cold), per_frame(big_cold));
    let (seed_warm, big_warm) = (per_frame(seed_warm), per_frame(big_warm));
    println!(
        "scrolling {frames} frames of {STEP} px through the same text (a 900 px window), \
         frames of the two in turn, medians of {ROUNDS}: first pass seed {:.0} µs, 1 MB brief {:.0} µs per frame; \
         revisited seed {:.0} µs, 1 MB brief {:.0} µs per frame",
        us(seed_cold),
        us(big_cold),
        us(seed_warm),
        us(big_warm),
    );
    println!(
        "1 MB frame / seed frame ratio: {:.2} (target ≤ 1)",
        seed_ratio(big_cold, seed_cold)
    );
    println!(
        "1 MB frame / seed frame ratio, paragraphs already laid out: {:.2} (target ≤ 1)",
        seed_ratio(big_warm, seed_warm)
    );
}

/// Frames in a scroll from the seed's top to its end.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn scroll_frames() -> u32 {
    let height = DocumentLayout::new(&mut TextEngine::new(), SEED, params()).height();
    ((height - WINDOW) / STEP) as u32
}

/// The paragraph where the copy of the seed in the middle of the 1 MB brief begins.
fn middle_copy_start() -> usize {
    let per_copy = SEED.split('\n').count() + 1;
    let copies = BRIEF_1MB.split('\n').count().div_ceil(per_copy);
    copies / 2 * per_copy
}

/// Scrolls the seed from its top and the 1 MB brief from the copy of the seed in its middle,
/// `frames` frames each, frame by frame in turn (so that both see the same machine): the
/// total time of each, `[seed, 1 MB]`, on a first pass with fresh caches and on a second.
///
/// The 1 MB brief is first opened at its top (untimed), as the reader would, which settles its
/// height estimates so that the middle copy's top stays where it is.
fn scroll_pair(frames: u32) -> [[Duration; 2]; 2] {
    let mut seed = Scroller::new(SEED);
    let mut big = Scroller::new(&BRIEF_1MB);
    big.frame();
    let from = [0.0, big.cache.top_of(middle_copy_start())];
    let mut totals = [[Duration::ZERO; 2]; 2];
    for total in &mut totals {
        for frame in 0..frames {
            let order = if frame % 2 == 0 { [0, 1] } else { [1, 0] };
            for which in order {
                let scroller = if which == 0 { &mut seed } else { &mut big };
                scroller.offset = from[which] + STEP * f32_from(frame);
                total[which] += timed(|| scroller.frame());
            }
        }
    }
    totals
}

#[allow(clippy::cast_precision_loss)] // frame counts are small
fn f32_from(n: u32) -> f32 {
    n as f32
}

fn seed_ratio(big: Duration, seed: Duration) -> f64 {
    big.as_secs_f64() / seed.as_secs_f64()
}

/// How long `f` takes; what it returns is dropped after the clock stops, as divan does.
fn timed<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    let output = black_box(f());
    let elapsed = start.elapsed();
    drop(output);
    elapsed
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// The whole seed laid out by the bidi text layer at 700 px, plus the glyph quads painting it
/// from a warm atlas.
#[divan::bench(sample_count = 40)]
fn seed_bidi_layout_and_paint_700px(bencher: Bencher) {
    let mut engine = TextEngine::new();
    let mut atlas = warm_atlas(&mut engine);
    bencher.bench_local(|| bidi_layout_and_paint(&mut engine, &mut atlas));
}

/// Baseline: egui's own layout of the same text at 700 px (no bidi), with its glyph mesh.
#[divan::bench(sample_count = 40)]
fn seed_egui_layout_700px(bencher: Bencher) {
    let mut egui = EguiLayout::new();
    bencher.bench_local(|| egui.layout());
}

/// A reader frame scrolling the 10 KB seed, top to bottom and round again.
#[divan::bench]
fn scroll_frame_seed(bencher: Bencher) {
    let mut scroller = Scroller::new(SEED);
    bencher.bench_local(|| scroller.frame_and_scroll());
}

/// A reader frame scrolling the generated 1 MB brief, top to bottom: paragraphs are laid out
/// as they come into view.
#[divan::bench]
fn scroll_frame_1mb_brief(bencher: Bencher) {
    let mut scroller = Scroller::new(&BRIEF_1MB);
    bencher.bench_local(|| scroller.frame_and_scroll());
}
