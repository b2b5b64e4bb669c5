//! A whole text laid out as a column of paragraphs with their y offsets.
//!
//! Paragraphs are the pieces between line feeds (an empty piece is an empty line). Geometry is
//! in document coordinates: layout pixels from the top-left corner of the column. The line
//! feeds themselves are on no line; selecting across one selects it too.

use std::ops::Range;

use super::direction::{ResolvedDirection, first_strong};
use super::engine::{LayoutParams, TextEngine};
use super::geometry::{Point, Rect};
use super::layout::{Affinity, Caret, ParagraphLayout};

/// The code-point ranges of the paragraphs of `text`: the pieces between line feeds, line feeds
/// excluded. A text of `n` line feeds has `n + 1` paragraphs.
#[must_use]
pub fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut index = 0;
    for ch in text.chars() {
        if ch == '\n' {
            ranges.push(start..index);
            start = index + 1;
        }
        index += 1;
    }
    ranges.push(start..index);
    ranges
}

/// A paragraph and where its top is in the column.
pub struct PlacedParagraph {
    pub top: f32,
    pub layout: ParagraphLayout,
}

impl PlacedParagraph {
    /// The top of the next paragraph: paragraphs take whole pixels, so glyphs stay on the
    /// pixel grid.
    #[must_use]
    pub fn bottom(&self) -> f32 {
        self.top + self.layout.height().round()
    }
}

/// Every paragraph of a text laid out at one set of [`LayoutParams`].
///
/// The reader keeps one per brief and compares [`DocumentLayout::params`] to decide whether it
/// is still valid (width or zoom changed); [`DocumentLayout::visible`] says which paragraphs to
/// paint.
pub struct DocumentLayout {
    params: LayoutParams,
    paragraphs: Vec<PlacedParagraph>,
    len: usize,
}

impl DocumentLayout {
    /// Lays out every paragraph of `text`.
    #[must_use]
    pub fn new(engine: &mut TextEngine, text: &str, params: LayoutParams) -> Self {
        let fallback = first_strong(text).unwrap_or(ResolvedDirection::Ltr);
        let mut paragraphs = Vec::new();
        let mut top = 0.0;
        let mut start = 0;
        for piece in text.split('\n') {
            let direction = params.direction.resolve(piece, fallback);
            let layout = ParagraphLayout::new(engine, piece, start, direction, &params);
            start = layout.range().end + 1;
            let placed = PlacedParagraph { top, layout };
            top = placed.bottom();
            paragraphs.push(placed);
        }
        Self {
            params,
            paragraphs,
            len: start - 1,
        }
    }

    #[must_use]
    pub fn params(&self) -> &LayoutParams {
        &self.params
    }

    /// The number of code points of the text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.len
    }

    #[must_use]
    pub fn width(&self) -> f32 {
        self.params.width
    }

    #[must_use]
    pub fn height(&self) -> f32 {
        self.paragraphs.last().map_or(0.0, PlacedParagraph::bottom)
    }

    #[must_use]
    pub fn paragraphs(&self) -> &[PlacedParagraph] {
        &self.paragraphs
    }

    /// The indices of the paragraphs that intersect `top..bottom` (document y).
    #[must_use]
    pub fn visible(&self, top: f32, bottom: f32) -> Range<usize> {
        let first = self.paragraphs.partition_point(|p| p.bottom() <= top);
        let end = self.paragraphs.partition_point(|p| p.top < bottom);
        first..end.max(first)
    }

    /// The index of the paragraph at document height `y`, clamped to the first and last.
    #[must_use]
    pub fn paragraph_at_y(&self, y: f32) -> usize {
        self.paragraphs
            .partition_point(|p| p.bottom() <= y)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// The index of the paragraph holding code point `index`; a line feed belongs to the
    /// paragraph it ends, the end of the text to the last paragraph.
    #[must_use]
    pub fn paragraph_of(&self, index: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.layout.range().end < index)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// The caret nearest to `point`.
    #[must_use]
    pub fn hit_test(&self, point: Point) -> Caret {
        let Some(placed) = self.paragraphs.get(self.paragraph_at_y(point.y)) else {
            return Caret::default();
        };
        placed
            .layout
            .hit_test(Point::new(point.x, point.y - placed.top))
    }

    /// The caret's rectangle, `width` wide, in document coordinates.
    #[must_use]
    pub fn caret_rect(&self, caret: Caret, width: f32) -> Rect {
        let Some(placed) = self.paragraphs.get(self.paragraph_of(caret.index)) else {
            return Rect::default();
        };
        placed
            .layout
            .caret_rect(caret, width)
            .translated_y(placed.top)
    }

    /// The logical range selected by dragging from one point to another, in either order and
    /// across paragraphs.
    #[must_use]
    pub fn drag(&self, from: Point, to: Point) -> Range<usize> {
        let a = self.hit_test(from).index;
        let b = self.hit_test(to).index;
        a.min(b)..a.max(b)
    }

    /// The word under `point` (double click).
    #[must_use]
    pub fn word_at(&self, point: Point) -> Range<usize> {
        let Some(placed) = self.paragraphs.get(self.paragraph_at_y(point.y)) else {
            return 0..0;
        };
        placed
            .layout
            .word_at(Point::new(point.x, point.y - placed.top))
    }

    /// The paragraph under `point` (triple click), its line feed excluded.
    #[must_use]
    pub fn paragraph_range_at(&self, point: Point) -> Range<usize> {
        self.paragraphs
            .get(self.paragraph_at_y(point.y))
            .map_or(0..0, |p| p.layout.range())
    }

    /// The rectangles covering the code points `range`, in document coordinates. A selected
    /// line feed shows as a quarter-em box at the end edge of its paragraph's last line (so an
    /// empty line inside a selection is visible).
    #[must_use]
    pub fn selection_rects(&self, range: Range<usize>) -> Vec<Rect> {
        if range.start >= range.end {
            return Vec::new();
        }
        let first = self.paragraph_of(range.start);
        let last = self.paragraph_of(range.end);
        let newline_width = self.params.style.font_size * self.params.scale * 0.25;
        let mut rects = Vec::new();
        for placed in &self.paragraphs[first..=last] {
            let layout = &placed.layout;
            rects.extend(
                layout
                    .selection_rects(range.clone())
                    .into_iter()
                    .map(|r| r.translated_y(placed.top)),
            );
            let line_feed = layout.range().end;
            if range.contains(&line_feed) && line_feed < self.len {
                rects.push(line_feed_rect(placed, newline_width));
            }
        }
        rects
    }
}

/// A box standing for the line feed that ends `placed`.
fn line_feed_rect(placed: &PlacedParagraph, width: f32) -> Rect {
    let layout = &placed.layout;
    let end = layout.caret_rect(Caret::new(layout.range().end, Affinity::Upstream), 0.0);
    let x = end.x0;
    let (x0, x1) = if layout.direction().is_rtl() {
        (x - width, x)
    } else {
        (x, x + width)
    };
    Rect::new(x0, end.y0, x1, end.y1).translated_y(placed.top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_the_pieces_between_line_feeds() {
        assert_eq!(paragraph_ranges(""), vec![0..0]);
        assert_eq!(paragraph_ranges("أ\n\nب c"), [0..1, 2..2, 3..6]);
        assert_eq!(paragraph_ranges("a\n"), [0..1, 2..2]);
    }

    #[test]
    fn indices_and_heights_find_their_paragraph() {
        let text = "أعلن الرئيس\n\nDonald Trump";
        let document =
            DocumentLayout::new(&mut TextEngine::new(), text, LayoutParams::reading(400.0));
        assert_eq!(document.char_len(), text.chars().count());
        let ranges: Vec<_> = document
            .paragraphs()
            .iter()
            .map(|p| p.layout.range())
            .collect();
        assert_eq!(ranges, paragraph_ranges(text));
        // A line feed belongs to the paragraph it ends.
        assert_eq!(document.paragraph_of(11), 0);
        assert_eq!(document.paragraph_of(12), 1);
        assert_eq!(document.paragraph_of(13), 2);
        assert_eq!(document.paragraph_of(1000), 2);
        let second = &document.paragraphs()[1];
        assert_eq!(document.paragraph_at_y(second.top + 1.0), 1);
        assert_eq!(document.paragraph_at_y(-10.0), 0);
        assert_eq!(document.paragraph_at_y(1e6), 2);
        // Tops are whole pixels.
        assert!(document.paragraphs().iter().all(|p| p.top.fract() == 0.0));
        // The empty paragraph's line feed shows when selected.
        assert_eq!(document.selection_rects(12..13).len(), 1);
        assert!(document.selection_rects(5..5).is_empty());
    }
}
