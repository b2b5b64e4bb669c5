//! Lazily laid-out text for the reader: only the paragraphs that come into view are shaped,
//! the others have estimated heights so the column's height is known at once.
//!
//! A [`LayoutCache`] holds one text and the layouts of some of its paragraphs at one set of
//! [`LayoutParams`]; changing the params drops them. Estimates come from the paragraph's
//! length, the width and what the first screen laid out measured; after that the estimate
//! stops changing, so laying out a paragraph moves only the paragraphs below it. Heights are
//! kept in a Fenwick tree: laying out a paragraph and finding the paragraphs at a height take
//! logarithmic time, so a frame costs the same in a 1 MB brief as in a short one.
//!
//! Geometry is in document coordinates (layout pixels from the top-left of
//! the column), indices in code points of the whole text, as in
//! [`DocumentLayout`](super::DocumentLayout), whose results it reproduces for the paragraphs
//! it has laid out.

use std::ops::Range;
use std::sync::Arc;

use super::direction::{ResolvedDirection, first_strong};
use super::engine::{LayoutParams, TextEngine};
use super::geometry::{Point, Rect};
use super::layout::{Affinity, Caret, ParagraphLayout};

/// Laid-out code points kept before the farthest paragraphs from view are dropped (their
/// measured heights are kept).
const DEFAULT_BUDGET_CHARS: usize = 256 * 1024;

/// Lines measured (full-line equivalents) after which estimates stop changing.
const FREEZE_LINES: f32 = 16.0;

/// One paragraph: where it is in the text, and its layout or measured height once laid out.
struct Slot {
    bytes: Range<usize>,
    start: usize,
    chars: usize,
    /// The laid-out height, rounded to whole pixels (kept when the layout is dropped).
    measured: Option<f32>,
    /// The measured height, or the estimate.
    height: f32,
    layout: Option<ParagraphLayout>,
}

/// Heights of paragraphs not yet laid out.
#[derive(Clone, Copy, Debug)]
struct Estimator {
    line_guess: f32,
    chars_per_line_guess: f32,
    heights: f32,
    lines: f32,
    wrapped_chars: f32,
    wrapped_lines: f32,
    frozen: bool,
}

impl Estimator {
    fn new(params: &LayoutParams) -> Self {
        let font_px = params.style.font_size * params.scale;
        Self {
            line_guess: (font_px * params.style.line_height).max(1.0),
            // Arabic and Latin reading text average a little under half an em per code point.
            chars_per_line_guess: (params.width / (0.45 * font_px)).max(1.0),
            heights: 0.0,
            lines: 0.0,
            wrapped_chars: 0.0,
            wrapped_lines: 0.0,
            frozen: false,
        }
    }

    #[allow(clippy::cast_precision_loss)] // paragraph lengths are far below 2²⁴
    fn estimate(&self, chars: usize) -> f32 {
        let line = if self.lines > 0.0 {
            self.heights / self.lines
        } else {
            self.line_guess
        };
        let per_line = if self.wrapped_lines > 0.0 {
            (self.wrapped_chars / self.wrapped_lines).max(1.0)
        } else {
            self.chars_per_line_guess
        };
        let lines = (chars as f32 / per_line).ceil().max(1.0);
        (lines * line).round()
    }

    /// Learns from a laid-out paragraph: its line height, and (when it wraps) how many code
    /// points a full line holds — its last line counts as half a line. Returns whether the
    /// estimates changed.
    #[allow(clippy::cast_precision_loss)] // paragraph lengths are far below 2²⁴
    fn record(&mut self, chars: usize, lines: usize, height: f32) -> bool {
        if self.frozen || lines == 0 {
            return false;
        }
        self.heights += height;
        self.lines += lines as f32;
        if lines > 1 {
            self.wrapped_chars += chars as f32;
            self.wrapped_lines += lines as f32 - 0.5;
        }
        self.frozen = self.wrapped_lines >= FREEZE_LINES;
        true
    }

    /// Stops learning once some wrapped paragraph has been measured.
    fn freeze_if_measured(&mut self) {
        self.frozen |= self.wrapped_lines > 0.0;
    }
}

/// A text's paragraphs, laid out on demand at one set of [`LayoutParams`]. See the
/// [module documentation](self).
pub struct LayoutCache {
    text: Arc<str>,
    len: usize,
    fallback: ResolvedDirection,
    params: LayoutParams,
    slots: Vec<Slot>,
    /// The paragraphs' heights, for their tops.
    heights: Fenwick,
    estimator: Estimator,
    /// Whether the estimates changed since they were last given to the slots.
    estimates_stale: bool,
    laid_out: usize,
    laid_out_chars: usize,
    layouts_performed: u64,
    budget_chars: usize,
}

impl LayoutCache {
    /// A cache for `text` at reading params 700 pixels wide (call [`Self::set_params`] with the
    /// real ones). Nothing is laid out yet.
    #[must_use]
    pub fn new(text: impl Into<Arc<str>>) -> Self {
        Self::with_params(text, LayoutParams::reading(700.0))
    }

    /// A cache for `text` at `params`. Nothing is laid out yet.
    #[must_use]
    pub fn with_params(text: impl Into<Arc<str>>, params: LayoutParams) -> Self {
        let text = text.into();
        let fallback = first_strong(&text).unwrap_or(ResolvedDirection::Ltr);
        let mut slots = Vec::new();
        let mut start = 0;
        let mut byte = 0;
        for piece in text.split('\n') {
            let chars = piece.chars().count();
            slots.push(Slot {
                bytes: byte..byte + piece.len(),
                start,
                chars,
                measured: None,
                height: 0.0,
                layout: None,
            });
            start += chars + 1;
            byte += piece.len() + 1;
        }
        let mut cache = Self {
            len: start - 1,
            text,
            fallback,
            params,
            slots,
            heights: Fenwick::default(),
            estimator: Estimator::new(&params),
            estimates_stale: true,
            laid_out: 0,
            laid_out_chars: 0,
            layouts_performed: 0,
            budget_chars: DEFAULT_BUDGET_CHARS,
        };
        cache.refresh_heights();
        cache
    }

    /// Sets the params layouts are made at; when they differ from the current ones, every
    /// layout and measured height is dropped. Returns whether they changed.
    pub fn set_params(&mut self, params: LayoutParams) -> bool {
        if params == self.params {
            return false;
        }
        self.params = params;
        self.estimator = Estimator::new(&params);
        self.estimates_stale = true;
        for slot in &mut self.slots {
            slot.layout = None;
            slot.measured = None;
        }
        self.laid_out = 0;
        self.laid_out_chars = 0;
        self.refresh_heights();
        true
    }

    /// How many laid-out code points to keep (at least those in view): beyond it, the layouts
    /// farthest from view are dropped after [`Self::ensure_visible`].
    pub fn set_budget_chars(&mut self, budget: usize) {
        self.budget_chars = budget;
    }

    #[must_use]
    pub fn params(&self) -> &LayoutParams {
        &self.params
    }

    #[must_use]
    pub fn text(&self) -> &Arc<str> {
        &self.text
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
    pub fn paragraph_count(&self) -> usize {
        self.slots.len()
    }

    /// The code points of paragraph `i` (its line feed excluded), laid out or not.
    #[must_use]
    pub fn paragraph_range(&self, i: usize) -> Range<usize> {
        self.slots
            .get(i)
            .map_or(self.len..self.len, |s| s.start..s.start + s.chars)
    }

    /// How many paragraphs are laid out now.
    #[must_use]
    pub fn laid_out_count(&self) -> usize {
        self.laid_out
    }

    /// How many paragraph layouts have been made since the cache was created.
    #[must_use]
    pub fn layouts_performed(&self) -> u64 {
        self.layouts_performed
    }

    /// Whether paragraph `i`'s height is still an estimate.
    #[must_use]
    pub fn is_estimated(&self, i: usize) -> bool {
        self.slots.get(i).is_some_and(|s| s.measured.is_none())
    }

    /// The column's height: measured paragraphs plus estimates for the rest.
    #[must_use]
    pub fn total_height(&self) -> f32 {
        self.heights.prefix(self.slots.len())
    }

    /// The top of paragraph `i` (the column's height past the last one).
    #[must_use]
    pub fn top_of(&self, i: usize) -> f32 {
        self.heights.prefix(i.min(self.slots.len()))
    }

    /// Paragraph `i`'s layout, if it is laid out.
    #[must_use]
    pub fn paragraph(&self, i: usize) -> Option<&ParagraphLayout> {
        self.slots.get(i)?.layout.as_ref()
    }

    /// The laid-out paragraphs among `range`, with their index and top, for painting.
    pub fn placed(
        &self,
        range: Range<usize>,
    ) -> impl Iterator<Item = (usize, f32, &ParagraphLayout)> + '_ {
        let range = range.start.min(self.slots.len())..range.end.min(self.slots.len());
        range.filter_map(|i| Some((i, self.top_of(i), self.slots[i].layout.as_ref()?)))
    }

    /// The indices of the paragraphs that intersect `top..bottom` by the current heights
    /// (estimated or measured); nothing is laid out.
    #[must_use]
    pub fn visible(&self, top: f32, bottom: f32) -> Range<usize> {
        let n = self.slots.len();
        // Heights are positive, so tops increase strictly.
        let first = self.heights.count_at_most(top).min(n);
        let end = self.heights.count_below(bottom).min(n);
        first..end.max(first)
    }

    /// Lays out the paragraphs that intersect `top..bottom` and returns their indices. Their
    /// measured heights replace the estimates, which moves the paragraphs below; the returned
    /// range is what is in view once they are all laid out.
    pub fn ensure_visible(
        &mut self,
        engine: &mut TextEngine,
        top: f32,
        bottom: f32,
    ) -> Range<usize> {
        loop {
            let range = self.visible(top, bottom);
            let missing: Vec<usize> = range
                .clone()
                .filter(|&i| self.slots[i].layout.is_none())
                .collect();
            if missing.is_empty() {
                // The first screen calibrates the estimate; from then on it stays put, so
                // later layouts move only what is below them.
                self.estimator.freeze_if_measured();
                self.evict_beyond(&range);
                return range;
            }
            for i in missing {
                self.lay_out(engine, i);
            }
            self.refresh_heights();
        }
    }

    /// Lays out paragraph `i` if it is not (e.g. to scroll to a passage) and returns it.
    pub fn ensure_paragraph(
        &mut self,
        engine: &mut TextEngine,
        i: usize,
    ) -> Option<&ParagraphLayout> {
        if i >= self.slots.len() {
            return None;
        }
        if self.slots[i].layout.is_none() {
            self.lay_out(engine, i);
            self.refresh_heights();
        }
        self.slots[i].layout.as_ref()
    }

    /// The index of the paragraph at document height `y`, clamped to the first and last.
    #[must_use]
    pub fn paragraph_at_y(&self, y: f32) -> usize {
        self.heights.count_at_most(y).min(self.slots.len() - 1)
    }

    /// The index of the paragraph holding code point `index`; a line feed belongs to the
    /// paragraph it ends, the end of the text to the last paragraph.
    #[must_use]
    pub fn paragraph_of(&self, index: usize) -> usize {
        self.slots
            .partition_point(|s| s.start + s.chars < index)
            .min(self.slots.len() - 1)
    }

    /// The caret nearest to `point`; at the start of its paragraph when that paragraph is not
    /// laid out.
    #[must_use]
    pub fn hit_test(&self, point: Point) -> Caret {
        let i = self.paragraph_at_y(point.y);
        match &self.slots[i].layout {
            Some(layout) => layout.hit_test(Point::new(point.x, point.y - self.top_of(i))),
            None => Caret::new(self.slots[i].start, Affinity::Downstream),
        }
    }

    /// The caret's rectangle, `width` wide, in document coordinates; for a paragraph not laid
    /// out, a line-high rectangle at its top, on its start edge.
    #[must_use]
    pub fn caret_rect(&self, caret: Caret, width: f32) -> Rect {
        let i = self.paragraph_of(caret.index);
        let top = self.top_of(i);
        if let Some(layout) = &self.slots[i].layout {
            return layout.caret_rect(caret, width).translated_y(top);
        }
        let line = self.estimator.estimate(0);
        let x = if self.direction_of(i).is_rtl() {
            self.params.width - width
        } else {
            0.0
        };
        Rect::new(x, top, x + width, top + line)
    }

    /// The logical range selected by dragging from one point to another, in either order and
    /// across paragraphs.
    #[must_use]
    pub fn drag(&self, from: Point, to: Point) -> Range<usize> {
        let a = self.hit_test(from).index;
        let b = self.hit_test(to).index;
        a.min(b)..a.max(b)
    }

    /// The word under `point` (double click); empty when its paragraph is not laid out.
    #[must_use]
    pub fn word_at(&self, point: Point) -> Range<usize> {
        let i = self.paragraph_at_y(point.y);
        match &self.slots[i].layout {
            Some(layout) => layout.word_at(Point::new(point.x, point.y - self.top_of(i))),
            None => self.slots[i].start..self.slots[i].start,
        }
    }

    /// The paragraph under `point` (triple click), its line feed excluded.
    #[must_use]
    pub fn paragraph_range_at(&self, point: Point) -> Range<usize> {
        self.paragraph_range(self.paragraph_at_y(point.y))
    }

    /// The rectangles covering the code points `range` in the laid-out paragraphs, in document
    /// coordinates, as [`DocumentLayout::selection_rects`](super::DocumentLayout::selection_rects)
    /// gives them (a selected line feed shows as a quarter-em box).
    #[must_use]
    pub fn selection_rects(&self, range: Range<usize>) -> Vec<Rect> {
        if range.start >= range.end {
            return Vec::new();
        }
        let first = self.paragraph_of(range.start);
        let last = self.paragraph_of(range.end);
        self.selection_rects_among(range, first..last + 1)
    }

    /// [`Self::selection_rects`] for the paragraphs that intersect `top..bottom` only: what to
    /// paint of a long selection (select all in a long brief).
    #[must_use]
    pub fn visible_selection_rects(&self, range: Range<usize>, top: f32, bottom: f32) -> Vec<Rect> {
        if range.start >= range.end {
            return Vec::new();
        }
        let first = self.paragraph_of(range.start);
        let last = self.paragraph_of(range.end);
        let visible = self.visible(top, bottom);
        let among = first.max(visible.start)..(last + 1).min(visible.end);
        self.selection_rects_among(range, among)
    }

    fn selection_rects_among(&self, range: Range<usize>, among: Range<usize>) -> Vec<Rect> {
        let newline_width = self.params.style.font_size * self.params.scale * 0.25;
        let mut rects = Vec::new();
        for i in among {
            let Some(layout) = &self.slots[i].layout else {
                continue;
            };
            let top = self.top_of(i);
            rects.extend(
                layout
                    .selection_rects(range.clone())
                    .into_iter()
                    .map(|r| r.translated_y(top)),
            );
            let line_feed = layout.range().end;
            if range.contains(&line_feed) && line_feed < self.len {
                rects.push(line_feed_rect(layout, top, newline_width));
            }
        }
        rects
    }

    fn direction_of(&self, i: usize) -> ResolvedDirection {
        let piece = &self.text[self.slots[i].bytes.clone()];
        self.params.direction.resolve(piece, self.fallback)
    }

    fn lay_out(&mut self, engine: &mut TextEngine, i: usize) {
        let direction = self.direction_of(i);
        let slot = &self.slots[i];
        let piece = &self.text[slot.bytes.clone()];
        let layout = ParagraphLayout::new(engine, piece, slot.start, direction, &self.params);
        let chars = slot.chars;
        self.estimates_stale |= self
            .estimator
            .record(chars, layout.line_count(), layout.height());
        let slot = &mut self.slots[i];
        let height = layout.height().round();
        self.heights.add(i, height - slot.height);
        slot.measured = Some(height);
        slot.height = height;
        slot.layout = Some(layout);
        self.laid_out += 1;
        self.laid_out_chars += chars;
        self.layouts_performed += 1;
    }

    /// Gives the current estimates to the paragraphs not laid out, when they changed.
    fn refresh_heights(&mut self) {
        if !self.estimates_stale {
            return;
        }
        for slot in &mut self.slots {
            slot.height = slot
                .measured
                .unwrap_or_else(|| self.estimator.estimate(slot.chars));
        }
        self.heights = Fenwick::new(self.slots.iter().map(|s| s.height));
        self.estimates_stale = false;
    }

    /// Drops the layouts farthest from `keep` while more code points than the budget are laid
    /// out. Heights stay measured, so nothing moves.
    fn evict_beyond(&mut self, keep: &Range<usize>) {
        if self.laid_out_chars <= self.budget_chars {
            return;
        }
        let mut far: Vec<(usize, usize)> = self
            .slots
            .iter()
            .enumerate()
            .filter(|(i, s)| s.layout.is_some() && !keep.contains(i))
            .map(|(i, _)| (i.abs_diff(keep.start).min(i.abs_diff(keep.end)), i))
            .collect();
        far.sort_unstable_by(|a, b| b.cmp(a));
        let target = self.budget_chars / 4 * 3;
        for (_, i) in far {
            if self.laid_out_chars <= target {
                break;
            }
            let slot = &mut self.slots[i];
            slot.layout = None;
            self.laid_out -= 1;
            self.laid_out_chars -= slot.chars;
        }
    }
}

/// Prefix sums of paragraph heights (a Fenwick tree): changing one height, the sum of the first
/// `k` and the number of whole prefixes up to a height in `O(log n)`. Heights are whole pixels,
/// so every sum is exact and tops match a running total.
#[derive(Default)]
struct Fenwick {
    /// `tree[k]` sums the heights `k - lowbit(k) .. k` (1-based; `tree[0]` unused).
    tree: Vec<f32>,
}

impl Fenwick {
    fn new(heights: impl ExactSizeIterator<Item = f32>) -> Self {
        let mut tree = Vec::with_capacity(heights.len() + 1);
        tree.push(0.0);
        tree.extend(heights);
        for k in 1..tree.len() {
            let parent = k + lowbit(k);
            if parent < tree.len() {
                tree[parent] += tree[k];
            }
        }
        Self { tree }
    }

    fn len(&self) -> usize {
        self.tree.len().saturating_sub(1)
    }

    /// Adds `delta` to height `i`.
    fn add(&mut self, i: usize, delta: f32) {
        let mut k = i + 1;
        while k < self.tree.len() {
            self.tree[k] += delta;
            k += lowbit(k);
        }
    }

    /// The sum of the first `k` heights.
    fn prefix(&self, k: usize) -> f32 {
        let mut k = k.min(self.len());
        let mut sum = 0.0;
        while k > 0 {
            sum += self.tree[k];
            k -= lowbit(k);
        }
        sum
    }

    /// The largest `k` whose prefix sum is at most `y`: how many paragraphs end at or above `y`.
    fn count_at_most(&self, y: f32) -> usize {
        self.descend(|sum| sum <= y)
    }

    /// One more than the largest `k` whose prefix sum is below `y` (0 when `y <= 0`): how many
    /// paragraphs start above `y`, plus possibly one past the last.
    fn count_below(&self, y: f32) -> usize {
        if y <= 0.0 {
            return 0;
        }
        self.descend(|sum| sum < y) + 1
    }

    /// The largest `k` with `fits(prefix(k))`, for a predicate that holds for the small sums.
    fn descend(&self, fits: impl Fn(f32) -> bool) -> usize {
        let n = self.len();
        let mut position = 0;
        let mut sum = 0.0;
        let mut step = if n == 0 { 0 } else { 1 << n.ilog2() };
        while step > 0 {
            let next = position + step;
            if next <= n && fits(sum + self.tree[next]) {
                position = next;
                sum += self.tree[next];
            }
            step >>= 1;
        }
        position
    }
}

fn lowbit(k: usize) -> usize {
    k & k.wrapping_neg()
}

/// A box standing for the line feed that ends `layout`, whose top is at `top`.
fn line_feed_rect(layout: &ParagraphLayout, top: f32, width: f32) -> Rect {
    let end = layout.caret_rect(Caret::new(layout.range().end, Affinity::Upstream), 0.0);
    let x = end.x0;
    let (x0, x1) = if layout.direction().is_rtl() {
        (x - width, x)
    } else {
        (x, x + width)
    };
    Rect::new(x0, end.y0, x1, end.y1).translated_y(top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DocumentLayout;

    const SEED: &str = include_str!("../../seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt");

    /// The seed repeated to about `bytes` bytes.
    fn long_text(bytes: usize) -> String {
        let mut text = String::from(SEED);
        while text.len() < bytes {
            text.push_str("\n\n");
            text.push_str(SEED);
        }
        text
    }

    #[test]
    fn the_fenwick_tree_agrees_with_running_sums() {
        let heights: Vec<f32> = (0_u16..37).map(|i| f32::from(1 + (i * 7) % 11)).collect();
        let mut tree = Fenwick::new(heights.iter().copied());
        let mut heights = heights;
        heights[5] += 30.0;
        tree.add(5, 30.0);
        let mut tops = vec![0.0];
        for h in &heights {
            tops.push(tops.last().copied().unwrap_or(0.0) + h);
        }
        for (k, top) in tops.iter().enumerate() {
            assert_eq!(tree.prefix(k), *top);
        }
        let n = heights.len();
        for y in [
            -5.0,
            0.0,
            0.5,
            1.0,
            17.0,
            40.0,
            40.5,
            100.0,
            tops[n],
            tops[n] + 1.0,
        ] {
            let at_most = tops[1..].iter().filter(|b| **b <= y).count();
            let below = tops[..n].iter().filter(|t| **t < y).count();
            assert_eq!(tree.count_at_most(y), at_most, "{y}");
            assert_eq!(tree.count_below(y).min(n), below, "{y}");
        }
        assert_eq!(Fenwick::new(std::iter::empty()).count_at_most(10.0), 0);
    }

    #[test]
    fn a_width_change_lays_out_again() {
        let mut engine = TextEngine::new();
        let mut cache = LayoutCache::with_params(SEED, LayoutParams::reading(700.0));
        let range = cache.ensure_visible(&mut engine, 0.0, 900.0);
        let done = cache.layouts_performed();
        assert_eq!(done, range.len() as u64);
        let lines_at_700 = cache
            .paragraph(range.start + 8)
            .map(ParagraphLayout::line_count);
        // Same params: nothing to do.
        assert!(!cache.set_params(LayoutParams::reading(700.0)));
        cache.ensure_visible(&mut engine, 0.0, 900.0);
        assert_eq!(cache.layouts_performed(), done);
        // Narrower: everything is dropped and laid out again at the new width.
        assert!(cache.set_params(LayoutParams::reading(350.0)));
        assert_eq!(cache.laid_out_count(), 0);
        assert!(cache.paragraph(0).is_none());
        let range = cache.ensure_visible(&mut engine, 0.0, 900.0);
        assert!(cache.layouts_performed() > done);
        assert!(
            range
                .clone()
                .all(|i| cache.paragraph(i).is_some_and(|p| p.width() == 350.0))
        );
        let lines_at_350 = cache.paragraph(8).map(ParagraphLayout::line_count);
        assert!(
            lines_at_350 > lines_at_700,
            "{lines_at_350:?} vs {lines_at_700:?}"
        );
        // Zoom is a change too.
        let zoomed = LayoutParams {
            scale: 2.0,
            ..LayoutParams::reading(350.0)
        };
        assert!(cache.set_params(zoomed));
        assert_eq!(cache.laid_out_count(), 0);
    }

    #[test]
    fn a_megabyte_text_lays_out_only_what_is_visible() {
        let text = long_text(1_000_000);
        let mut engine = TextEngine::new();
        let mut cache = LayoutCache::with_params(text.as_str(), LayoutParams::reading(700.0));
        assert!(cache.paragraph_count() > 3000);
        let estimated = cache.total_height();
        assert!(estimated > 100_000.0, "{estimated}");
        // Opening at the top lays out the first screen only.
        let first = cache.ensure_visible(&mut engine, 0.0, 900.0);
        assert_eq!(cache.laid_out_count(), first.len());
        assert_eq!(cache.layouts_performed(), first.len() as u64);
        assert!(first.len() < 30, "{first:?}");
        // A jump to the middle lays out what is visible there, and nothing in between.
        let middle = cache.total_height() / 2.0;
        let above = cache.top_of(first.end);
        let range = cache.ensure_visible(&mut engine, middle, middle + 900.0);
        assert_eq!(
            cache.layouts_performed(),
            (first.len() + range.len()) as u64
        );
        assert_eq!(cache.laid_out_count(), first.len() + range.len());
        assert!(range.start > 1000 && range.len() < 30, "{range:?}");
        assert_eq!(range, cache.visible(middle, middle + 900.0));
        assert!(range.clone().all(|i| cache.paragraph(i).is_some()));
        assert!(cache.top_of(range.start) <= middle);
        assert!(cache.top_of(range.end) >= middle + 900.0);
        // Measurements below do not move what is above.
        assert_eq!(cache.top_of(first.end), above);
        assert!(cache.is_estimated(range.start - 1));
        // The estimate is close to the truth: the repeated seed measures about the same.
        let seed = DocumentLayout::new(&mut engine, SEED, LayoutParams::reading(700.0));
        let copies = (text.len() / SEED.len()) as f32;
        let truth = copies * seed.height();
        assert!(
            (cache.total_height() - truth).abs() < truth * 0.1,
            "{} vs {truth}",
            cache.total_height()
        );
    }

    #[test]
    fn layouts_far_from_view_are_dropped_beyond_the_budget() {
        let text = long_text(200_000);
        let mut engine = TextEngine::new();
        let mut cache = LayoutCache::with_params(text.as_str(), LayoutParams::reading(700.0));
        cache.set_budget_chars(5_000);
        let mut top = 0.0;
        while top < 20_000.0 {
            cache.ensure_visible(&mut engine, top, top + 900.0);
            top += 450.0;
        }
        let height = cache.total_height();
        let range = cache.ensure_visible(&mut engine, top, top + 900.0);
        assert!(range.clone().all(|i| cache.paragraph(i).is_some()));
        assert!(cache.paragraph(0).is_none(), "the first screen was dropped");
        assert!(!cache.is_estimated(0), "its height stays measured");
        assert_eq!(cache.total_height(), height);
        let kept: usize = (0..cache.paragraph_count())
            .filter(|&i| cache.paragraph(i).is_some())
            .map(|i| cache.paragraph_range(i).len())
            .sum();
        assert!(kept <= 5_000 + 3_000, "{kept}");
    }

    #[test]
    fn hit_tests_agree_with_the_document_layout_on_the_seed() {
        let mut engine = TextEngine::new();
        let params = LayoutParams::reading(700.0);
        let document = DocumentLayout::new(&mut engine, SEED, params);
        let mut cache = LayoutCache::with_params(SEED, params);
        let all = cache.ensure_visible(&mut engine, 0.0, f32::MAX);
        assert_eq!(all, 0..document.paragraphs().len());
        assert_eq!(cache.total_height(), document.height());
        assert_eq!(cache.char_len(), document.char_len());
        for (i, placed) in document.paragraphs().iter().enumerate() {
            assert_eq!(cache.top_of(i), placed.top);
            assert_eq!(cache.paragraph_range(i), placed.layout.range());
        }
        let mut y = -20.0;
        while y < document.height() + 20.0 {
            let mut x = -10.0;
            while x < 720.0 {
                let point = Point::new(x, y);
                assert_eq!(cache.hit_test(point), document.hit_test(point), "{point:?}");
                assert_eq!(cache.word_at(point), document.word_at(point), "{point:?}");
                assert_eq!(
                    cache.paragraph_range_at(point),
                    document.paragraph_range_at(point)
                );
                x += 37.0;
            }
            y += 13.0;
        }
        let from = Point::new(600.0, 40.0);
        let to = Point::new(100.0, 900.0);
        assert_eq!(cache.drag(from, to), document.drag(from, to));
        for index in (0..document.char_len()).step_by(97) {
            let caret = Caret::new(index, Affinity::Downstream);
            assert_eq!(cache.paragraph_of(index), document.paragraph_of(index));
            assert_eq!(
                cache.caret_rect(caret, 2.0),
                document.caret_rect(caret, 2.0)
            );
        }
        for range in [0..10, 120..900, 2000..2001, 0..document.char_len(), 5..5] {
            assert_eq!(
                cache.selection_rects(range.clone()),
                document.selection_rects(range)
            );
        }
        // Clipped to a window: the rectangles of the paragraphs in view.
        let window = cache.visible_selection_rects(0..document.char_len(), 500.0, 900.0);
        assert!(!window.is_empty());
        assert!(window.iter().all(|r| r.y1 > 400.0 && r.y0 < 1100.0));
    }

    #[test]
    fn an_unlaid_paragraph_answers_with_its_start() {
        let cache = LayoutCache::with_params("أعلن\n\nTrump said", LayoutParams::reading(300.0));
        assert_eq!(cache.paragraph_count(), 3);
        assert_eq!(cache.char_len(), 16);
        let y = cache.top_of(2) + 1.0;
        assert_eq!(cache.hit_test(Point::new(10.0, y)).index, 6);
        assert_eq!(cache.word_at(Point::new(10.0, y)), 6..6);
        assert_eq!(cache.paragraph_range_at(Point::new(10.0, y)), 6..16);
        assert!(cache.selection_rects(0..16).is_empty());
        let rtl = cache.caret_rect(Caret::new(1, Affinity::Downstream), 2.0);
        assert_eq!(rtl.x1, 300.0);
        let ltr = cache.caret_rect(Caret::new(8, Affinity::Downstream), 2.0);
        assert_eq!(ltr.x0, 0.0);
        assert_eq!(cache.placed(0..3).count(), 0);
    }
}
