//! The text layer on real Arabic: bidi order, mirroring, hit testing, selection, the seed brief,
//! and the `basira layout` / `basira render` diagnostics.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use basira::edit::{self, Edit};
use basira::model::{Brief, BriefId, BriefMeta, Colour, Tag, TagId, TextDirection, Workspace};
use basira::text::{
    Affinity, Caret, Direction, DocumentLayout, LayoutParams, ParagraphLayout, Point,
    ResolvedDirection, TextEngine, VisualLine, VisualWord, first_strong, paragraph_ranges,
};
use basira::text_range::slice_chars;
use chrono::{TimeZone, Utc};

/// A mixed Arabic line with Latin names, digits, brackets and a footnote marker.
const MIXED: &str =
    "أعلن الرئيس Donald Trump في 15 سبتمبر 2025 (وفق Reuters) أن الانسحاب سيكتمل [1].";
/// Wide enough for [`MIXED`] on one line.
const WIDE: f32 = 1200.0;

fn seed_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt");
    std::fs::read_to_string(&path).expect("the seed brief is readable")
}

fn mixed_layout() -> DocumentLayout {
    DocumentLayout::new(&mut TextEngine::new(), MIXED, LayoutParams::reading(WIDE))
}

/// The only line of the only paragraph.
fn only_line(document: &DocumentLayout) -> VisualLine {
    assert_eq!(document.paragraphs().len(), 1);
    let lines = document.paragraphs()[0].layout.lines();
    assert_eq!(lines.len(), 1, "the mixed line fits on one line");
    lines.into_iter().next().expect("one line")
}

/// The visual word whose text is `text`.
fn word(line: &VisualLine, text: &str) -> VisualWord {
    line.words()
        .into_iter()
        .find(|w| slice_chars(MIXED, w.range.start, w.range.end) == text)
        .unwrap_or_else(|| panic!("no visual word «{text}» in {:?}", line.words()))
}

/// The left edge of the cluster showing code point `index`.
fn cluster_x(line: &VisualLine, index: usize) -> f32 {
    line.clusters
        .iter()
        .find(|c| c.range.contains(&index))
        .unwrap_or_else(|| panic!("no cluster holds code point {index}"))
        .x0
}

fn index_of(needle: &str) -> usize {
    let byte = MIXED.find(needle).expect("needle in the mixed line");
    MIXED[..byte].chars().count()
}

#[test]
fn mixed_line_is_right_to_left_and_right_aligned() {
    let document = mixed_layout();
    let paragraph = &document.paragraphs()[0].layout;
    assert_eq!(paragraph.direction(), ResolvedDirection::Rtl);
    let line = only_line(&document);
    assert_eq!(line.range, 0..MIXED.chars().count());
    let (_, right) = line.content_extent().expect("ink on the line");
    assert!(
        (right - WIDE).abs() < 0.5,
        "right edge {right} is not at {WIDE}"
    );
}

#[test]
fn first_logical_word_of_an_rtl_line_is_rightmost() {
    let line = only_line(&mixed_layout());
    let words = line.words();
    let rightmost = words.last().expect("words");
    assert_eq!(
        slice_chars(MIXED, rightmost.range.start, rightmost.range.end),
        "أعلن"
    );
    assert_eq!(rightmost.range, 0..4);
    // Arabic words go right to left in logical order.
    assert!(word(&line, "الرئيس").x1 < word(&line, "أعلن").x0);
    assert!(word(&line, "سيكتمل").x1 < word(&line, "الانسحاب").x0);
    // The final footnote marker and full stop are leftmost.
    assert_eq!(
        slice_chars(MIXED, words[0].range.start, words[0].range.end),
        "[1]."
    );
}

#[test]
fn digit_runs_keep_their_order() {
    let line = only_line(&mixed_layout());
    let year = index_of("2025");
    for i in year..year + 3 {
        assert!(
            cluster_x(&line, i) < cluster_x(&line, i + 1),
            "digit {i} is not left of digit {}",
            i + 1
        );
    }
    let day = index_of("15");
    assert!(
        cluster_x(&line, day) < cluster_x(&line, day + 1),
        "1 left of 5"
    );
    // The number as a whole sits in its logical place among the RTL words.
    assert!(word(&line, "2025").x1 < word(&line, "سبتمبر").x0);
    assert!(word(&line, "15").x0 > word(&line, "سبتمبر").x1);
}

#[test]
fn brackets_are_mirrored() {
    let line = only_line(&mixed_layout());
    let open = index_of("(");
    let close = index_of(")");
    assert!(
        cluster_x(&line, open) > cluster_x(&line, close),
        "the logical ( is on the right of the group"
    );
    // The group reads «(وفق Reuters)» as in a browser: «وفق» right of «Reuters».
    assert!(word(&line, "Reuters)").x1 < word(&line, "(وفق").x0);
    let open_square = index_of("[");
    let close_square = index_of("]");
    assert!(cluster_x(&line, open_square) > cluster_x(&line, close_square));

    // And the glyph drawn for a logical ( in right-to-left text is the ) glyph.
    let mut engine = TextEngine::new();
    let params = LayoutParams::reading(200.0);
    let mut glyph = |text: &str, direction| {
        let paragraph = ParagraphLayout::new(&mut engine, text, 0, direction, &params);
        paragraph.glyph_runs()[0].glyphs[0].id
    };
    assert_eq!(
        glyph("(", ResolvedDirection::Rtl),
        glyph(")", ResolvedDirection::Ltr)
    );
    assert_ne!(
        glyph("(", ResolvedDirection::Ltr),
        glyph(")", ResolvedDirection::Ltr)
    );
}

#[test]
fn latin_words_keep_their_order() {
    let line = only_line(&mixed_layout());
    let donald = word(&line, "Donald");
    let trump = word(&line, "Trump");
    assert!(donald.x1 < trump.x0, "Donald left of Trump");
    assert!(!donald.rtl && !trump.rtl);
    let reuters = index_of("Reuters");
    for i in reuters..reuters + 6 {
        assert!(cluster_x(&line, i) < cluster_x(&line, i + 1));
    }
    // The Latin name sits where the logical order puts it: after الرئيس, before في.
    assert!(trump.x1 < word(&line, "الرئيس").x0);
    assert!(donald.x0 > word(&line, "في").x1);
}

/// Round trip: for every index and affinity, the caret's x hit-tested again gives a caret at
/// the same x; and it gives the same index except where two logical indices share one visual
/// place. In the mixed line those places are exactly (a) the two ends of each embedded
/// left-to-right run (Donald Trump 12..24, 15 28..30, 2025 38..42, Reuters 48..55, 1 77..78):
/// the caret after the Arabic before the run and the caret after the run's last character are
/// drawn at the run's left edge (Downstream) or right edge (Upstream); and (b) 62/63, around the
/// zero-width alef of the lam-alef ligature in الانسحاب.
#[test]
fn every_code_point_round_trips_index_to_position_to_index() {
    let document = mixed_layout();
    let len = MIXED.chars().count();
    let mut shared = BTreeSet::new();
    for index in 0..=len {
        for affinity in [Affinity::Downstream, Affinity::Upstream] {
            let caret = Caret::new(index, affinity);
            let rect = document.caret_rect(caret, 1.0);
            let hit = document.hit_test(Point::new(rect.x0, (rect.y0 + rect.y1) / 2.0));
            let back = document.caret_rect(hit, 1.0);
            assert!(
                (back.x0 - rect.x0).abs() < 0.01,
                "{caret:?} at x {} came back as {hit:?} at x {}",
                rect.x0,
                back.x0
            );
            if hit.index != index {
                shared.insert(index);
                shared.insert(hit.index);
            }
        }
    }
    let expected: BTreeSet<usize> = [12, 24, 28, 30, 38, 42, 48, 55, 62, 63, 77, 78].into();
    assert_eq!(shared, expected);
    let chars: Vec<char> = MIXED.chars().collect();
    assert_eq!(chars[62..64], ['ا', 'ن'], "62 is the alef after the lam");
}

#[test]
fn drag_between_two_points_selects_the_logical_range() {
    let document = mixed_layout();
    let line = only_line(&document);
    let y = (line.top + line.bottom) / 2.0;
    let first = word(&line, "أعلن");
    let second = word(&line, "الرئيس");
    let range = document.drag(Point::new(first.x1, y), Point::new(second.x0, y));
    assert_eq!(slice_chars(MIXED, range.start, range.end), "أعلن الرئيس");
    // The other way round gives the same range.
    assert_eq!(
        document.drag(Point::new(second.x0, y), Point::new(first.x1, y)),
        range
    );
    // A drag over the embedded Latin run, left to right.
    let donald = word(&line, "Donald");
    let trump = word(&line, "Trump");
    let names = document.drag(
        Point::new(donald.x0 + 1.0, y),
        Point::new(trump.x1 - 1.0, y),
    );
    assert_eq!(slice_chars(MIXED, names.start, names.end), "Donald Trump");
    // One logical range across a direction change is two visual pieces.
    let across = index_of("الرئيس")..index_of(" Trump");
    let rects = document.selection_rects(across);
    assert_eq!(rects.len(), 2, "{rects:?}");
    // A logical range inside one run is one piece, exactly over its words.
    let rects = document.selection_rects(range);
    assert_eq!(rects.len(), 1);
    assert!((rects[0].x0 - second.x0).abs() < 0.01 && (rects[0].x1 - first.x1).abs() < 0.01);
}

#[test]
fn double_click_selects_a_word_and_triple_click_a_paragraph() {
    let document = mixed_layout();
    let line = only_line(&document);
    let y = (line.top + line.bottom) / 2.0;
    let trump = word(&line, "Trump");
    let range = document.word_at(Point::new((trump.x0 + trump.x1) / 2.0, y));
    assert_eq!(
        slice_chars(MIXED, range.start, range.end).trim_end(),
        "Trump"
    );
    let sabtambar = word(&line, "سبتمبر");
    let range = document.word_at(Point::new((sabtambar.x0 + sabtambar.x1) / 2.0, y));
    assert_eq!(
        slice_chars(MIXED, range.start, range.end).trim_end(),
        "سبتمبر"
    );
    assert_eq!(
        document.paragraph_range_at(Point::new(10.0, y)),
        0..MIXED.chars().count()
    );
}

#[test]
fn seed_brief_at_700_px_is_right_to_left_and_covers_every_code_point_once() {
    let text = seed_text();
    let document = DocumentLayout::new(&mut TextEngine::new(), &text, LayoutParams::reading(700.0));
    assert_eq!(document.char_len(), text.chars().count());
    let ranges = paragraph_ranges(&text);
    assert_eq!(document.paragraphs().len(), ranges.len());
    let mut covered = vec![0_u8; text.chars().count()];
    let mut arabic = 0;
    let mut top = 0.0;
    for (placed, range) in document.paragraphs().iter().zip(&ranges) {
        let paragraph = &placed.layout;
        assert_eq!(&paragraph.range(), range);
        assert!((placed.top - top).abs() < 0.01, "paragraphs are stacked");
        top = placed.bottom();
        let own = slice_chars(&text, range.start, range.end);
        if first_strong(own) == Some(ResolvedDirection::Rtl) {
            arabic += 1;
            assert_eq!(paragraph.direction(), ResolvedDirection::Rtl, "«{own}»");
            for line in paragraph.lines() {
                let right = line.clusters.last().map_or(700.0, |c| c.x1);
                assert!((right - 700.0).abs() < 0.5, "line ends at {right}: «{own}»");
            }
        }
        for line in paragraph.lines() {
            let mut in_line: Vec<usize> = Vec::new();
            for cluster in &line.clusters {
                assert!(cluster.x0 <= cluster.x1);
                in_line.extend(cluster.range.clone());
            }
            in_line.sort_unstable();
            assert_eq!(in_line, line.range.clone().collect::<Vec<_>>());
            for index in line.range {
                covered[index] += 1;
            }
        }
    }
    assert!(arabic > 20, "the seed is mostly Arabic paragraphs");
    for (index, ch) in text.chars().enumerate() {
        let expected = u8::from(ch != '\n');
        assert_eq!(covered[index], expected, "code point {index} «{ch}»");
    }
    assert!((document.height() - top).abs() < 0.01);
    // A date or a view count alone takes the brief's direction; Latin alone is left-to-right.
    let find = |needle: &str| {
        document
            .paragraphs()
            .iter()
            .find(|p| {
                let r = p.layout.range();
                slice_chars(&text, r.start, r.end) == needle
            })
            .unwrap_or_else(|| panic!("no paragraph «{needle}»"))
    };
    assert_eq!(
        find("2025-09-25").layout.direction(),
        ResolvedDirection::Rtl
    );
    assert_eq!(
        find("Download PDF").layout.direction(),
        ResolvedDirection::Ltr
    );
    let date = find("2025-09-25").layout.lines().remove(0);
    assert_eq!(date.words().len(), 1, "the date is one left-to-right word");
}

#[test]
fn direction_override_applies_to_every_paragraph() {
    let text = "Download PDF\nأعلن الرئيس";
    let mut engine = TextEngine::new();
    let rtl = DocumentLayout::new(
        &mut engine,
        text,
        LayoutParams {
            direction: Direction::Rtl,
            ..LayoutParams::reading(400.0)
        },
    );
    assert!(
        rtl.paragraphs()
            .iter()
            .all(|p| p.layout.direction().is_rtl())
    );
    let first_line = rtl.paragraphs()[0].layout.lines().remove(0);
    let (_, right) = first_line.content_extent().expect("ink");
    assert!(
        (right - 400.0).abs() < 0.5,
        "an RTL Latin line is right-aligned"
    );
    let ltr = DocumentLayout::new(
        &mut engine,
        text,
        LayoutParams {
            direction: Direction::Ltr,
            ..LayoutParams::reading(400.0)
        },
    );
    assert!(
        ltr.paragraphs()
            .iter()
            .all(|p| !p.layout.direction().is_rtl())
    );
}

#[test]
fn drag_across_paragraphs_and_visible_paragraphs() {
    let text = seed_text();
    let document = DocumentLayout::new(&mut TextEngine::new(), &text, LayoutParams::reading(700.0));
    let paragraphs = document.paragraphs();
    let (first, third) = (&paragraphs[0], &paragraphs[2]);
    let y0 = first.top + 5.0;
    let y2 = third.top + 5.0;
    // From the right edge of the first paragraph to the left edge of the third.
    let range = document.drag(Point::new(699.0, y0), Point::new(0.0, y2));
    assert_eq!(range, 0..third.layout.range().end);
    let rects = document.selection_rects(range);
    // Two text lines, plus a box for each of the two selected line feeds.
    assert_eq!(rects.len(), 4, "{rects:?}");
    assert_eq!(document.visible(0.0, first.bottom()), 0..1);
    assert_eq!(document.visible(y0, y2), 0..3);
    assert_eq!(document.visible(-50.0, -1.0), 0..0);
    let end = document.height();
    assert_eq!(
        document.visible(end - 1.0, end + 100.0),
        paragraphs.len() - 1..paragraphs.len()
    );
    // Below the last line the hit is the end of the text.
    assert_eq!(
        document.hit_test(Point::new(0.0, end + 100.0)).index,
        text.chars().count()
    );
}

#[test]
fn zoom_and_hidpi_scale_the_layout() {
    let mut engine = TextEngine::new();
    let one = DocumentLayout::new(&mut engine, MIXED, LayoutParams::reading(WIDE));
    let two = DocumentLayout::new(
        &mut engine,
        MIXED,
        LayoutParams {
            scale: 2.0,
            ..LayoutParams::reading(2.0 * WIDE)
        },
    );
    assert!((two.height() - 2.0 * one.height()).abs() <= 2.0);
    let a = only_line(&one).words();
    let b = only_line(&two).words();
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        assert_eq!(a.range, b.range);
        assert!((b.x0 - 2.0 * a.x0).abs() <= 4.0, "{a:?} vs {b:?}");
    }
    assert_ne!(one.params(), two.params(), "the cache key tells them apart");
}

// --- the command line ---

fn basira(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .output()
        .expect("the basira binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Decodes a PNG into (width, height, RGBA bytes).
fn decode_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).expect("the PNG exists");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut buf).expect("PNG pixels");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

fn write_mixed_brief(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("mixed.txt");
    std::fs::write(&path, format!("{MIXED}\n\nDownload PDF\n")).expect("write brief");
    path
}

#[test]
fn cli_layout_prints_words_in_visual_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let brief = write_mixed_brief(dir.path());
    let brief = brief.to_str().expect("utf-8 path");

    let out = basira(&["layout", brief, "--width", "1200"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("paragraph 0 rtl [0..80]"), "{text}");
    assert!(text.contains("[0..4] rtl أعلن"), "{text}");
    assert!(text.contains("[12..18] ltr Donald"), "{text}");
    assert!(text.contains("paragraph 2 ltr"), "{text}");

    let out = basira(&["layout", brief, "--width", "1200", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let words = json["paragraphs"][0]["lines"][0]["words"]
        .as_array()
        .expect("words");
    let last = words.last().expect("a word");
    assert_eq!(last["text"], "أعلن");
    assert_eq!(last["range"]["start"], 0);
    assert_eq!(last["range"]["end"], 4);
    assert_eq!(last["x1"], 1200.0);
    let xs: Vec<f64> = words
        .iter()
        .map(|w| w["x0"].as_f64().expect("x0"))
        .collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "left to right: {xs:?}");
    assert_eq!(json["paragraphs"][0]["direction"], "rtl");
}

#[test]
fn cli_layout_errors_name_the_file() {
    let out = basira(&["layout", "/nonexistent/brief.txt", "--width", "700"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("/nonexistent/brief.txt"),
        "{}",
        stderr(&out)
    );
    let out = basira(&["layout", "/nonexistent/brief.txt", "--width", "0"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--width"), "{}", stderr(&out));
}

#[test]
fn cli_render_draws_a_brief_to_png() {
    let dir = tempfile::tempdir().expect("temp dir");
    let brief = write_mixed_brief(dir.path());
    let png = dir.path().join("page.png");
    let out = basira(&[
        "render",
        brief.to_str().expect("utf-8 path"),
        "--width",
        "700",
        "--out",
        png.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (width, height, pixels) = decode_png(&png);
    assert_eq!(width, 700 + 2 * 16, "the width plus the margins");
    assert!(height > 3 * 30);
    let ink = pixels
        .chunks_exact(4)
        .filter(|p| p[0] < 128 && p[1] < 128 && p[2] < 128)
        .count();
    assert!(ink > 1000, "text was drawn ({ink} dark pixels)");
}

#[test]
fn cli_render_highlights_passages_in_their_tag_colour() {
    let dir = tempfile::tempdir().expect("temp dir");
    let brief = Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: "تقدير موقف".into(),
            publisher: String::new(),
            url: String::new(),
            published: None,
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: MIXED.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    };
    let tag = Tag {
        id: TagId::new(),
        name: "actors".into(),
        colour: Colour([0x20, 0x60, 0xff]),
        parent: None,
        description: String::new(),
    };
    let created = Utc
        .with_ymd_and_hms(2025, 10, 1, 9, 0, 0)
        .single()
        .expect("valid time");
    let mut passage = edit::new_passage(&brief, 12, 24, created).expect("range fits");
    passage.tags = vec![tag.id];
    let mut ws = Workspace::default();
    for e in [
        Edit::InsertBrief { index: 0, brief },
        Edit::InsertTag { index: 0, tag },
        Edit::InsertPassage { index: 0, passage },
    ] {
        edit::apply(&mut ws, e).expect("edit fits");
    }
    let path = dir.path().join("ws.ron");
    basira::io::save(&path, &ws).expect("save");
    let png = dir.path().join("page.png");
    let out = basira(&[
        "render",
        path.to_str().expect("utf-8 path"),
        "--width",
        "1200",
        "--brief",
        "تقدير",
        "--out",
        png.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 passages"), "{}", stderr(&out));
    let (width, _, pixels) = decode_png(&png);
    assert_eq!(width, 1200 + 2 * 16);
    // The tag's blue blended over white: blue clearly above red.
    let blue = pixels
        .chunks_exact(4)
        .filter(|p| p[2] > 200 && p[0] < 150)
        .count();
    assert!(
        blue > 500,
        "the passage is highlighted ({blue} blue pixels)"
    );
}

#[test]
fn cli_layout_of_a_workspace_takes_the_briefs_direction_unless_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = Workspace {
        briefs: vec![Brief {
            id: BriefId::new(),
            meta: BriefMeta {
                title: "تقدير موقف".into(),
                language: "ar".into(),
                direction: TextDirection::Ltr,
                ..BriefMeta::default()
            },
            text: MIXED.into(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        }],
        ..Workspace::default()
    };
    let path = dir.path().join("ws.ron");
    basira::io::save(&path, &ws).expect("save");
    let path = path.to_str().expect("utf-8 path");
    let direction_of = |extra: &[&str]| {
        let mut args = vec!["layout", path, "--width", "1200", "--json"];
        args.extend_from_slice(extra);
        let out = basira(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
        json["paragraphs"][0]["direction"].clone()
    };
    assert_eq!(direction_of(&[]), "ltr", "the brief's own direction");
    assert_eq!(direction_of(&["--direction", "auto"]), "rtl");
    assert_eq!(direction_of(&["--direction", "rtl"]), "rtl");
}
