//! One paragraph laid out with parley: visual lines, hit testing, carets and selection geometry,
//! all in logical code-point indices of the whole text.
//!
//! A paragraph is the text between two line feeds. Its geometry is relative to its own top-left
//! corner, in layout pixels; [`DocumentLayout`](super::DocumentLayout) stacks paragraphs.

use std::ops::Range;

use parley::{Cursor, Layout, PositionedLayoutItem, Selection};

use super::direction::ResolvedDirection;
use super::engine::{LayoutParams, TextEngine};
use super::geometry::{Point, Rect};

/// Which side of a bidi boundary a caret belongs to.
///
/// At an index where two runs of different direction meet, one logical position has two visual
/// places; the affinity says which one: next to the character before the index (`Upstream`)
/// or next to the character after it (`Downstream`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Affinity {
    #[default]
    Downstream,
    Upstream,
}

impl Affinity {
    fn to_parley(self) -> parley::Affinity {
        match self {
            Self::Downstream => parley::Affinity::Downstream,
            Self::Upstream => parley::Affinity::Upstream,
        }
    }

    fn from_parley(affinity: parley::Affinity) -> Self {
        match affinity {
            parley::Affinity::Downstream => Self::Downstream,
            parley::Affinity::Upstream => Self::Upstream,
        }
    }
}

/// A position between two code points: `index` counts code points of the whole text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Caret {
    pub index: usize,
    pub affinity: Affinity,
}

impl Caret {
    #[must_use]
    pub const fn new(index: usize, affinity: Affinity) -> Self {
        Self { index, affinity }
    }
}

/// One grapheme cluster on a visual line.
#[derive(Clone, Debug, PartialEq)]
pub struct VisualCluster {
    /// The code points it shows (whole-text indices).
    pub range: Range<usize>,
    /// Left and right edges in layout pixels.
    pub x0: f32,
    pub x1: f32,
    /// Whether it belongs to a right-to-left run.
    pub rtl: bool,
    /// A space, tab or no-break space.
    pub whitespace: bool,
}

/// A visual word: clusters side by side, between spaces, whose code points are contiguous.
#[derive(Clone, Debug, PartialEq)]
pub struct VisualWord {
    pub range: Range<usize>,
    pub x0: f32,
    pub x1: f32,
    pub rtl: bool,
}

/// One line of a laid-out paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct VisualLine {
    /// The code points on this line, in logical order (trailing spaces included).
    pub range: Range<usize>,
    /// Top and bottom of the line box, and the baseline, relative to the paragraph's top.
    pub top: f32,
    pub bottom: f32,
    pub baseline: f32,
    /// The clusters in visual order, left to right.
    pub clusters: Vec<VisualCluster>,
}

impl VisualLine {
    /// The words of the line in visual order, left to right: runs of clusters between spaces.
    /// Spaces belong to no word. A run whose code points are not contiguous (rare bidi cases)
    /// is split where the direction changes.
    #[must_use]
    pub fn words(&self) -> Vec<VisualWord> {
        let mut words = Vec::new();
        for group in self.clusters.split(|c| c.whitespace) {
            if group.is_empty() {
                continue;
            }
            if let Some(word) = word_of(group) {
                words.push(word);
            } else {
                for piece in group.chunk_by(|a, b| a.rtl == b.rtl) {
                    match word_of(piece) {
                        Some(word) => words.push(word),
                        None => words.extend(
                            piece
                                .iter()
                                .filter_map(|c| word_of(std::slice::from_ref(c))),
                        ),
                    }
                }
            }
        }
        words
    }

    /// The leftmost and rightmost edges of the line's ink-bearing clusters (spaces excluded);
    /// `None` for a line of spaces only.
    #[must_use]
    pub fn content_extent(&self) -> Option<(f32, f32)> {
        let first = self.clusters.iter().find(|c| !c.whitespace)?;
        let last = self.clusters.iter().rfind(|c| !c.whitespace)?;
        Some((first.x0, last.x1))
    }
}

/// The word made of `clusters` (visually adjacent), or `None` when their code points are not
/// contiguous.
fn word_of(clusters: &[VisualCluster]) -> Option<VisualWord> {
    let first = clusters.first()?;
    let last = clusters.last()?;
    let start = clusters.iter().map(|c| c.range.start).min()?;
    let end = clusters.iter().map(|c| c.range.end).max()?;
    let covered: usize = clusters.iter().map(|c| c.range.len()).sum();
    (covered == end - start).then_some(VisualWord {
        range: start..end,
        x0: first.x0,
        x1: last.x1,
        rtl: first.rtl,
    })
}

/// A glyph placed in paragraph coordinates (origin on the baseline).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedGlyph {
    pub id: u32,
    pub x: f32,
    pub y: f32,
}

/// Glyphs that share a font and size, ready to rasterise.
#[derive(Clone, Debug)]
pub struct PlacedRun {
    pub font: parley::FontData,
    /// Font size in layout pixels.
    pub font_size: f32,
    /// Variation coordinates (F2Dot14 bits), empty for static fonts.
    pub normalized_coords: Vec<i16>,
    pub glyphs: Vec<PlacedGlyph>,
}

/// A paragraph shaped, broken into lines and aligned.
pub struct ParagraphLayout {
    layout: Layout<()>,
    /// The first code point of the paragraph in the whole text.
    start: usize,
    /// The byte offset of each code point of the paragraph, then the paragraph's byte length.
    char_bytes: Vec<usize>,
    direction: ResolvedDirection,
    width: f32,
}

impl ParagraphLayout {
    /// Lays out `text` — one paragraph, without line feeds, whose first code point is `start`
    /// in the whole text — in `direction` (see [`Direction::resolve`](super::Direction::resolve)).
    #[must_use]
    pub fn new(
        engine: &mut TextEngine,
        text: &str,
        start: usize,
        direction: ResolvedDirection,
        params: &LayoutParams,
    ) -> Self {
        let layout = engine.build(text, direction, params);
        let mut char_bytes: Vec<usize> = text.char_indices().map(|(byte, _)| byte).collect();
        char_bytes.push(text.len());
        Self {
            layout,
            start,
            char_bytes,
            direction,
            width: params.width,
        }
    }

    /// The code points of the paragraph in the whole text (its line feed excluded).
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.char_bytes.len() - 1
    }

    #[must_use]
    pub fn direction(&self) -> ResolvedDirection {
        self.direction
    }

    /// The width lines were broken and aligned at.
    #[must_use]
    pub fn width(&self) -> f32 {
        self.width
    }

    /// The height of all lines.
    #[must_use]
    pub fn height(&self) -> f32 {
        self.layout.height()
    }

    #[must_use]
    pub fn line_count(&self) -> usize {
        self.layout.len()
    }

    /// The visual lines, top to bottom, each with its clusters left to right.
    #[must_use]
    pub fn lines(&self) -> Vec<VisualLine> {
        self.layout
            .lines()
            .map(|line| {
                let metrics = line.metrics();
                // The same walk as parley's hit testing, so positions agree with it.
                let mut x = metrics.offset + metrics.inline_min_coord;
                let mut clusters = Vec::new();
                for run in line.runs() {
                    for cluster in run.visual_clusters() {
                        let x0 = x;
                        x += cluster.advance();
                        clusters.push(VisualCluster {
                            range: self.char_range(cluster.text_range()),
                            x0,
                            x1: x,
                            rtl: cluster.is_rtl(),
                            whitespace: cluster.is_space_or_nbsp(),
                        });
                    }
                }
                VisualLine {
                    range: self.char_range(line.text_range()),
                    top: metrics.block_min_coord,
                    bottom: metrics.block_max_coord,
                    baseline: metrics.baseline,
                    clusters,
                }
            })
            .collect()
    }

    /// The caret nearest to `point` (paragraph coordinates). Points above the paragraph hit its
    /// first line, points below its last line, points beside a line its nearest end.
    #[must_use]
    pub fn hit_test(&self, point: Point) -> Caret {
        let cursor = Cursor::from_point(&self.layout, point.x, point.y);
        Caret::new(
            self.to_char(cursor.index()),
            Affinity::from_parley(cursor.affinity()),
        )
    }

    /// The caret's rectangle, `width` wide, in paragraph coordinates. Indices outside the
    /// paragraph are clamped to it.
    #[must_use]
    pub fn caret_rect(&self, caret: Caret, width: f32) -> Rect {
        Rect::from_parley(self.cursor(caret).geometry(&self.layout, width))
    }

    /// The rectangles covering the code points `range` (whole-text indices, clamped to the
    /// paragraph), one or more per line: bidi splits a logical range into several visual
    /// pieces.
    #[must_use]
    pub fn selection_rects(&self, range: Range<usize>) -> Vec<Rect> {
        let own = self.range();
        let start = range.start.clamp(own.start, own.end);
        let end = range.end.clamp(own.start, own.end);
        if start >= end {
            return Vec::new();
        }
        let anchor = self.cursor(Caret::new(start, Affinity::Downstream));
        let focus = self.cursor(Caret::new(end, Affinity::Upstream));
        Selection::new(anchor, focus)
            .geometry(&self.layout)
            .into_iter()
            .map(|(bbox, _line)| Rect::from_parley(bbox))
            .collect()
    }

    /// The logical range between the carets under two points (a mouse drag), in either order.
    #[must_use]
    pub fn drag(&self, from: Point, to: Point) -> Range<usize> {
        let a = self.hit_test(from).index;
        let b = self.hit_test(to).index;
        a.min(b)..a.max(b)
    }

    /// The word under `point` (a double click), as parley's word boundaries give it.
    #[must_use]
    pub fn word_at(&self, point: Point) -> Range<usize> {
        let selection = Selection::word_from_point(&self.layout, point.x, point.y);
        let range = selection.text_range();
        self.to_char(range.start)..self.to_char(range.end)
    }

    /// The glyph runs of every line, positioned in paragraph coordinates, for painting.
    #[must_use]
    pub fn glyph_runs(&self) -> Vec<PlacedRun> {
        glyph_runs(&self.layout)
    }

    /// The parley cursor for a whole-text caret, clamped to the paragraph.
    fn cursor(&self, caret: Caret) -> Cursor {
        Cursor::from_byte_index(
            &self.layout,
            self.to_byte(caret.index),
            caret.affinity.to_parley(),
        )
    }

    /// The byte offset in the paragraph of whole-text code point `index`, clamped.
    fn to_byte(&self, index: usize) -> usize {
        let local = index
            .saturating_sub(self.start)
            .min(self.char_bytes.len() - 1);
        self.char_bytes[local]
    }

    /// The whole-text code point at paragraph byte offset `byte` (rounded down to a boundary).
    fn to_char(&self, byte: usize) -> usize {
        let local = match self.char_bytes.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        self.start + local
    }

    fn char_range(&self, bytes: Range<usize>) -> Range<usize> {
        self.to_char(bytes.start)..self.to_char(bytes.end)
    }
}

/// The glyph runs of every line of `layout`, positioned in its coordinates, for painting.
pub(crate) fn glyph_runs(layout: &Layout<()>) -> Vec<PlacedRun> {
    let mut runs = Vec::new();
    for line in layout.lines() {
        for item in line.items() {
            let PositionedLayoutItem::GlyphRun(glyph_run) = item else {
                continue;
            };
            let run = glyph_run.run();
            runs.push(PlacedRun {
                font: run.font().clone(),
                font_size: run.font_size(),
                normalized_coords: run
                    .normalized_coords()
                    .iter()
                    .map(|coord| coord.to_bits())
                    .collect(),
                glyphs: glyph_run
                    .positioned_glyphs()
                    .map(|glyph| PlacedGlyph {
                        id: glyph.id,
                        x: glyph.x,
                        y: glyph.y,
                    })
                    .collect(),
            });
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster(range: Range<usize>, x0: f32, rtl: bool, whitespace: bool) -> VisualCluster {
        VisualCluster {
            range,
            x0,
            x1: x0 + 10.0,
            rtl,
            whitespace,
        }
    }

    fn line(clusters: Vec<VisualCluster>) -> VisualLine {
        VisualLine {
            range: 0..0,
            top: 0.0,
            bottom: 20.0,
            baseline: 15.0,
            clusters,
        }
    }

    #[test]
    fn words_are_split_at_spaces_and_keep_contiguous_ranges() {
        // Visual «(Reuters وفق)» reduced: ")" 5..6 and "Re" 3..5 touch logically; the space
        // 2..3 separates "فق" 0..2 (RTL, so visually 1..2 then 0..1).
        let words = line(vec![
            cluster(5..6, 0.0, true, false),
            cluster(3..4, 10.0, false, false),
            cluster(4..5, 20.0, false, false),
            cluster(2..3, 30.0, true, true),
            cluster(1..2, 40.0, true, false),
            cluster(0..1, 50.0, true, false),
        ])
        .words();
        assert_eq!(words.len(), 2);
        assert_eq!(
            (words[0].range.clone(), words[0].x0, words[0].x1),
            (3..6, 0.0, 30.0)
        );
        assert_eq!(
            (words[1].range.clone(), words[1].x0, words[1].x1),
            (0..2, 40.0, 60.0)
        );
    }

    #[test]
    fn a_visual_group_with_a_logical_gap_splits_by_direction() {
        let words = line(vec![
            cluster(0..1, 0.0, false, false),
            cluster(5..6, 10.0, true, false),
        ])
        .words();
        let ranges: Vec<_> = words.iter().map(|w| w.range.clone()).collect();
        assert_eq!(ranges, [0..1, 5..6]);
    }

    #[test]
    fn content_extent_ignores_spaces() {
        let l = line(vec![
            cluster(3..4, 0.0, true, true),
            cluster(2..3, 10.0, true, false),
            cluster(0..2, 20.0, true, false),
        ]);
        assert_eq!(l.content_extent(), Some((10.0, 30.0)));
        assert_eq!(
            line(vec![cluster(0..1, 0.0, false, true)]).content_extent(),
            None
        );
    }

    #[test]
    fn offsets_convert_between_bytes_and_code_points() {
        let mut engine = TextEngine::new();
        let text = "سبتمبر 2025";
        let paragraph = ParagraphLayout::new(
            &mut engine,
            text,
            100,
            ResolvedDirection::Rtl,
            &LayoutParams::reading(300.0),
        );
        assert_eq!(paragraph.range(), 100..111);
        for (i, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(paragraph.to_byte(100 + i), byte);
            assert_eq!(paragraph.to_char(byte), 100 + i);
        }
        assert_eq!(
            paragraph.to_byte(5),
            0,
            "before the paragraph clamps to its start"
        );
        assert_eq!(
            paragraph.to_byte(500),
            text.len(),
            "after it clamps to its end"
        );
        assert!(paragraph.selection_rects(0..100).is_empty());
        assert!(paragraph.selection_rects(111..200).is_empty());
    }

    #[test]
    fn an_empty_paragraph_has_one_line_and_no_glyphs() {
        let mut engine = TextEngine::new();
        let paragraph = ParagraphLayout::new(
            &mut engine,
            "",
            7,
            ResolvedDirection::Ltr,
            &LayoutParams::reading(300.0),
        );
        assert_eq!(paragraph.range(), 7..7);
        assert_eq!(paragraph.line_count(), 1);
        assert!(paragraph.height() > 10.0);
        assert!(paragraph.glyph_runs().iter().all(|r| r.glyphs.is_empty()));
        assert_eq!(paragraph.hit_test(Point::new(50.0, 5.0)).index, 7);
    }
}
