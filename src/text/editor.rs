//! An editable field's text — a name, a title, a memo — as a column of paragraphs, each laid
//! out in its own direction as the reader lays out a brief: a memo's English line reads left to
//! right at the left and its Arabic line right to left at the right, each with its punctuation
//! and numbers in place. Positions are code points of the whole text, like anchors.
//!
//! Each paragraph is a [`ParagraphEditor`] (parley's `PlainEditor`), which moves the caret
//! visually, selects, deletes by grapheme and word and composes with the IME within the
//! paragraph. This type stacks them and carries what crosses a line feed: the arrows, Home
//! and End of the text, Backspace and Delete at a paragraph's edge (joining two paragraphs),
//! a selection over several paragraphs, and any edit that inserts or removes a line feed,
//! which is made on the whole text and laid out again.
//!
//! Single-line editors have one paragraph that never wraps (the field scrolls; line breaks
//! typed or pasted become spaces); multi-line ones wrap each paragraph at their width.

use std::ops::Range;

use super::engine::{TextEngine, TextStyle};
use super::geometry::{Point, Rect};
use super::layout::PlacedRun;
use super::paragraph_editor::ParagraphEditor;

/// The state of one text field. Mutating methods take the [`TextEngine`] for its font and
/// layout contexts and leave the layout up to date.
#[derive(Clone)]
pub struct TextEditor {
    /// The paragraphs, split at line feeds (one for a single-line field); never empty.
    paragraphs: Vec<ParagraphEditor>,
    /// The top of each paragraph in the column, layout pixels.
    tops: Vec<f32>,
    style: TextStyle,
    multiline: bool,
    /// The wrap width of a multi-line editor, layout pixels, and the scale, as last set.
    width: f32,
    scale: f32,
    /// The paragraph holding the caret (the selection's moving end).
    active: usize,
    /// A selection over more than one paragraph, `(anchor, focus)` in code points of the whole
    /// text; `None` while the selection lies in the active paragraph, which then holds it.
    span: Option<(usize, usize)>,
}

/// A horizontal move of the caret, by grapheme or by word.
#[derive(Clone, Copy)]
enum Step {
    Left,
    Right,
    WordLeft,
    WordRight,
}

impl TextEditor {
    /// An empty editor for text in `style`; `multiline` keeps line feeds and wraps.
    #[must_use]
    pub fn new(engine: &mut TextEngine, style: TextStyle, multiline: bool) -> Self {
        Self {
            paragraphs: vec![ParagraphEditor::new(engine, style, multiline)],
            tops: vec![0.0],
            style,
            multiline,
            width: 1.0,
            scale: 1.0,
            active: 0,
            span: None,
        }
    }

    /// Whether line feeds are kept (and Enter inserts one).
    #[must_use]
    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// The text, without any IME preedit.
    #[must_use]
    pub fn text(&self) -> String {
        let mut text = String::new();
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(&paragraph.text());
        }
        text
    }

    /// Replaces the whole text (ending any IME composition); the selection keeps its place,
    /// clamped to the new text.
    pub fn set_text(&mut self, engine: &mut TextEngine, text: &str) {
        let (anchor, focus) = self.ends();
        let text = self.normalise(text);
        self.rebuild(engine, &text, anchor, focus);
    }

    /// Lays the text out at `scale` layout pixels per point; a multi-line editor wraps at
    /// `width` layout pixels. Cheap when nothing changed.
    pub fn set_geometry(&mut self, engine: &mut TextEngine, width: f32, scale: f32) {
        self.width = width;
        self.scale = scale;
        for paragraph in &mut self.paragraphs {
            paragraph.set_geometry(engine, width, scale);
        }
        self.restack();
    }

    /// Inserts `text` at the caret, replacing the selection; a single-line editor turns line
    /// breaks into spaces.
    pub fn insert(&mut self, engine: &mut TextEngine, text: &str) {
        let text = self.normalise(text);
        if self.span.is_none() && !text.contains('\n') {
            self.paragraphs[self.active].insert(engine, &text);
            self.restack();
            return;
        }
        let range = self.selection();
        if text.is_empty() && range.is_empty() {
            return;
        }
        let caret = range.start + text.chars().count();
        self.replace(engine, range, &text, caret);
    }

    /// Backspace: deletes the selection, or the grapheme before the caret (joining the
    /// paragraph to the one before at its start).
    pub fn backspace(&mut self, engine: &mut TextEngine) {
        if !self.join_backwards(engine) {
            self.paragraphs[self.active].backspace(engine);
            self.restack();
        }
    }

    /// Delete: deletes the selection, or the grapheme after the caret (joining the next
    /// paragraph at the end).
    pub fn delete(&mut self, engine: &mut TextEngine) {
        if !self.join_forwards(engine) {
            self.paragraphs[self.active].delete(engine);
            self.restack();
        }
    }

    /// Deletes the selection, or the word before the caret.
    pub fn backspace_word(&mut self, engine: &mut TextEngine) {
        if !self.join_backwards(engine) {
            self.paragraphs[self.active].backspace_word(engine);
            self.restack();
        }
    }

    /// Deletes the selection, or the word after the caret.
    pub fn delete_word(&mut self, engine: &mut TextEngine) {
        if !self.join_forwards(engine) {
            self.paragraphs[self.active].delete_word(engine);
            self.restack();
        }
    }

    /// Deletes the selection, if any.
    pub fn delete_selection(&mut self, engine: &mut TextEngine) {
        if self.span.is_some() {
            let range = self.selection();
            let start = range.start;
            self.replace(engine, range, "", start);
        } else {
            self.paragraphs[self.active].delete_selection(engine);
            self.restack();
        }
    }

    /// Moves the caret one grapheme to the left on screen (backwards in Arabic), or extends
    /// the selection when `extend`; at a paragraph's edge it goes on to the neighbouring one.
    pub fn left(&mut self, engine: &mut TextEngine, extend: bool) {
        self.step(engine, Step::Left, extend);
    }

    /// Moves the caret one grapheme to the right on screen.
    pub fn right(&mut self, engine: &mut TextEngine, extend: bool) {
        self.step(engine, Step::Right, extend);
    }

    /// Moves the caret one word to the left on screen.
    pub fn word_left(&mut self, engine: &mut TextEngine, extend: bool) {
        self.step(engine, Step::WordLeft, extend);
    }

    /// Moves the caret one word to the right on screen.
    pub fn word_right(&mut self, engine: &mut TextEngine, extend: bool) {
        self.step(engine, Step::WordRight, extend);
    }

    /// Moves the caret one line up (into the paragraph above from a paragraph's first line).
    pub fn up(&mut self, engine: &mut TextEngine, extend: bool) {
        self.vertical(engine, extend, true);
    }

    /// Moves the caret one line down.
    pub fn down(&mut self, engine: &mut TextEngine, extend: bool) {
        self.vertical(engine, extend, false);
    }

    /// Home: the start of the visual line.
    pub fn line_start(&mut self, engine: &mut TextEngine, extend: bool) {
        self.within_paragraph(engine, extend, |p, engine, extend| {
            p.line_start(engine, extend);
        });
    }

    /// End: the end of the visual line.
    pub fn line_end(&mut self, engine: &mut TextEngine, extend: bool) {
        self.within_paragraph(engine, extend, |p, engine, extend| {
            p.line_end(engine, extend);
        });
    }

    /// The start of the text.
    pub fn text_start(&mut self, engine: &mut TextEngine, extend: bool) {
        let anchor = if extend { self.ends().0 } else { 0 };
        self.set_selection(engine, anchor, 0);
    }

    /// The end of the text.
    pub fn text_end(&mut self, engine: &mut TextEngine, extend: bool) {
        let end = self.len();
        let anchor = if extend { self.ends().0 } else { end };
        self.set_selection(engine, anchor, end);
    }

    pub fn select_all(&mut self, engine: &mut TextEngine) {
        let end = self.len();
        self.set_selection(engine, 0, end);
    }

    /// Selects the code points `range` (clamped), the caret at its end.
    pub fn select(&mut self, engine: &mut TextEngine, range: Range<usize>) {
        self.set_selection(engine, range.start, range.end);
    }

    /// A click: the caret at the cluster boundary nearest `point` (layout coordinates).
    pub fn click(&mut self, engine: &mut TextEngine, point: Point) {
        let (i, local) = self.paragraph_at(point);
        self.active = i;
        self.span = None;
        self.paragraphs[i].click(engine, local);
    }

    /// A drag or a shift-click: the selection extended to `point`.
    pub fn extend_to(&mut self, engine: &mut TextEngine, point: Point) {
        let (i, local) = self.paragraph_at(point);
        if self.span.is_none() && i == self.active {
            self.paragraphs[i].extend_to(engine, local);
            return;
        }
        let anchor = self.ends().0;
        let focus = self.start_of(i) + self.paragraphs[i].hit_test(local);
        self.set_selection(engine, anchor, focus);
    }

    /// A double click: the word under `point`.
    pub fn select_word_at(&mut self, engine: &mut TextEngine, point: Point) {
        let (i, local) = self.paragraph_at(point);
        self.active = i;
        self.span = None;
        self.paragraphs[i].select_word_at(engine, local);
    }

    /// A triple click: the visual line under `point`.
    pub fn select_line_at(&mut self, engine: &mut TextEngine, point: Point) {
        let (i, local) = self.paragraph_at(point);
        self.active = i;
        self.span = None;
        self.paragraphs[i].select_line_at(engine, local);
    }

    /// The selection as code points, in logical order (empty at the caret).
    #[must_use]
    pub fn selection(&self) -> Range<usize> {
        let (anchor, focus) = self.ends();
        anchor.min(focus)..anchor.max(focus)
    }

    /// The caret (the moving end of the selection), in code points.
    #[must_use]
    pub fn caret(&self) -> usize {
        self.ends().1
    }

    /// The selected text, when the selection is not empty (and no IME composition runs).
    #[must_use]
    pub fn selected_text(&self) -> Option<String> {
        if self.span.is_none() {
            return self.paragraphs[self.active].selected_text();
        }
        let range = self.selection();
        Some(
            self.text()
                .chars()
                .skip(range.start)
                .take(range.len())
                .collect(),
        )
    }

    /// Shows the IME's preedit `text` in place of the selection (or the previous preedit),
    /// with `cursor` (byte offsets in `text`) as the caret; empty `text` ends the composition.
    pub fn set_preedit(
        &mut self,
        engine: &mut TextEngine,
        text: &str,
        cursor: Option<(usize, usize)>,
    ) {
        if self.span.is_some() && !text.is_empty() {
            self.delete_selection(engine);
        }
        self.paragraphs[self.active].set_preedit(engine, text, cursor);
        self.restack();
    }

    /// The IME committed `text`: it replaces the preedit (or the selection).
    pub fn commit_preedit(&mut self, engine: &mut TextEngine, text: &str) {
        self.paragraphs[self.active].set_preedit(engine, "", None);
        self.insert(engine, text);
    }

    #[must_use]
    pub fn is_composing(&self) -> bool {
        self.paragraphs[self.active].is_composing()
    }

    /// Whether the first paragraph (a single line's only one) is right-to-left.
    #[must_use]
    pub fn is_rtl(&self) -> bool {
        self.paragraphs[0].is_rtl()
    }

    /// Whether each paragraph is right-to-left, in order.
    #[must_use]
    pub fn paragraph_directions(&self) -> Vec<bool> {
        self.paragraphs
            .iter()
            .map(ParagraphEditor::is_rtl)
            .collect()
    }

    /// The width of the text's longest line (trailing spaces included) and the height of all
    /// lines, layout pixels.
    #[must_use]
    pub fn size(&self) -> (f32, f32) {
        let width = self
            .paragraphs
            .iter()
            .map(|p| p.size().0)
            .fold(0.0, f32::max);
        (width, self.height())
    }

    /// The caret's rectangle, `width` wide; `None` while the IME hides it.
    #[must_use]
    pub fn caret_rect(&self, width: f32) -> Option<Rect> {
        let top = self.tops[self.active];
        self.paragraphs[self.active]
            .caret_rect(width)
            .map(|r| r.translated_y(top))
    }

    /// The rectangles of the selection, several per line where bidi splits it.
    #[must_use]
    pub fn selection_rects(&self) -> Vec<Rect> {
        if self.span.is_none() {
            let top = self.tops[self.active];
            return self.paragraphs[self.active]
                .selection_rects()
                .into_iter()
                .map(|r| r.translated_y(top))
                .collect();
        }
        let range = self.selection();
        let mut rects = Vec::new();
        let mut start = 0;
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            let end = start + paragraph.len();
            let from = range.start.max(start);
            let to = range.end.min(end);
            if from < to {
                rects.extend(
                    paragraph
                        .range_rects(from - start..to - start)
                        .into_iter()
                        .map(|r| r.translated_y(self.tops[i])),
                );
            }
            start = end + 1;
        }
        rects
    }

    /// The rectangles of the IME preedit, to underline it.
    #[must_use]
    pub fn preedit_rects(&self) -> Vec<Rect> {
        let top = self.tops[self.active];
        self.paragraphs[self.active]
            .preedit_rects()
            .into_iter()
            .map(|r| r.translated_y(top))
            .collect()
    }

    /// Where the IME's candidate window should stay clear of.
    #[must_use]
    pub fn ime_area(&self) -> Rect {
        self.paragraphs[self.active]
            .ime_area()
            .translated_y(self.tops[self.active])
    }

    /// The glyph runs, positioned in layout coordinates, for painting.
    #[must_use]
    pub fn glyph_runs(&self) -> Vec<PlacedRun> {
        let mut runs = Vec::new();
        for (paragraph, &top) in self.paragraphs.iter().zip(&self.tops) {
            runs.extend(paragraph.glyph_runs().into_iter().map(|mut run| {
                for glyph in &mut run.glyphs {
                    glyph.y += top;
                }
                run
            }));
        }
        runs
    }

    /// Brings the layout up to date (after a change of text, width, scale or direction).
    pub fn refresh(&mut self, engine: &mut TextEngine) {
        for paragraph in &mut self.paragraphs {
            paragraph.refresh(engine);
        }
        self.restack();
    }

    /// The number of code points.
    fn len(&self) -> usize {
        self.paragraphs.iter().map(|p| p.len() + 1).sum::<usize>() - 1
    }

    /// The code point where paragraph `i` starts.
    fn start_of(&self, i: usize) -> usize {
        self.paragraphs[..i].iter().map(|p| p.len() + 1).sum()
    }

    /// The paragraph holding code point `index` and the index within it.
    fn locate(&self, index: usize) -> (usize, usize) {
        let mut start = 0;
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            let len = paragraph.len();
            if index <= start + len {
                return (i, index - start);
            }
            start += len + 1;
        }
        let last = self.paragraphs.len() - 1;
        (last, self.paragraphs[last].len())
    }

    /// The paragraph under `point` and the point in its own coordinates.
    fn paragraph_at(&self, point: Point) -> (usize, Point) {
        let i = self
            .tops
            .iter()
            .rposition(|&top| top <= point.y)
            .unwrap_or(0);
        (i, Point::new(point.x, point.y - self.tops[i]))
    }

    /// The selection's anchor and focus, code points of the whole text.
    fn ends(&self) -> (usize, usize) {
        if let Some(span) = self.span {
            return span;
        }
        let start = self.start_of(self.active);
        let paragraph = &self.paragraphs[self.active];
        (start + paragraph.anchor(), start + paragraph.caret())
    }

    /// Selects from `anchor` to `focus` (clamped), in one paragraph's editor when both lie in
    /// it, else as a span over paragraphs.
    fn set_selection(&mut self, engine: &mut TextEngine, anchor: usize, focus: usize) {
        let len = self.len();
        let (anchor, focus) = (anchor.min(len), focus.min(len));
        let (pa, la) = self.locate(anchor);
        let (pf, lf) = self.locate(focus);
        self.active = pf;
        if pa == pf {
            self.span = None;
            self.paragraphs[pf].select_between(engine, la, lf);
        } else {
            self.span = Some((anchor, focus));
            self.paragraphs[pf].select_between(engine, lf, lf);
        }
    }

    /// Replaces the code points `range` of the whole text with `with`, lays the text out
    /// again and puts the caret at `caret`.
    fn replace(&mut self, engine: &mut TextEngine, range: Range<usize>, with: &str, caret: usize) {
        let text = self.text();
        let mut chars = text.chars();
        let mut next: String = chars.by_ref().take(range.start).collect();
        next.push_str(with);
        next.extend(chars.skip(range.len()));
        self.rebuild(engine, &next, caret, caret);
    }

    /// Lays `text` out as paragraphs, keeping the editors of unchanged ones, and selects
    /// `anchor..focus`.
    fn rebuild(&mut self, engine: &mut TextEngine, text: &str, anchor: usize, focus: usize) {
        let parts: Vec<&str> = text.split('\n').collect();
        self.paragraphs.truncate(parts.len());
        for (i, part) in parts.iter().enumerate() {
            if let Some(paragraph) = self.paragraphs.get_mut(i) {
                if paragraph.is_composing() || paragraph.text() != *part {
                    paragraph.set_text(engine, part);
                }
            } else {
                let mut paragraph = ParagraphEditor::new(engine, self.style, self.multiline);
                paragraph.set_geometry(engine, self.width, self.scale);
                paragraph.set_text(engine, part);
                self.paragraphs.push(paragraph);
            }
        }
        self.span = None;
        self.active = 0;
        self.restack();
        self.set_selection(engine, anchor, focus);
    }

    /// Backspace at the start of a paragraph (or over a span): joins it to the one before.
    /// `false` when the active paragraph's editor should handle it.
    fn join_backwards(&mut self, engine: &mut TextEngine) -> bool {
        if self.span.is_some() {
            self.delete_selection(engine);
            return true;
        }
        let paragraph = &self.paragraphs[self.active];
        if self.active == 0 || paragraph.is_composing() || paragraph.selection() != (0..0) {
            return false;
        }
        let at = self.start_of(self.active) - 1;
        self.replace(engine, at..at + 1, "", at);
        true
    }

    /// Delete at the end of a paragraph (or over a span): joins the next one to it.
    fn join_forwards(&mut self, engine: &mut TextEngine) -> bool {
        if self.span.is_some() {
            self.delete_selection(engine);
            return true;
        }
        let paragraph = &self.paragraphs[self.active];
        let end = paragraph.len();
        if self.active + 1 == self.paragraphs.len()
            || paragraph.is_composing()
            || paragraph.selection() != (end..end)
        {
            return false;
        }
        let at = self.start_of(self.active) + end;
        self.replace(engine, at..at + 1, "", at);
        true
    }

    /// A horizontal move: within the paragraph when it can, else across its visual edge to
    /// the neighbouring paragraph (the next one past a right-to-left paragraph's left edge).
    fn step(&mut self, engine: &mut TextEngine, step: Step, extend: bool) {
        if let Some((_, focus)) = self.span
            && !extend
        {
            // An arrow ends a selection over paragraphs at its moving end.
            self.set_selection(engine, focus, focus);
            return;
        }
        let (anchor, _) = self.ends();
        let i = self.active;
        let before = (self.paragraphs[i].anchor(), self.paragraphs[i].caret());
        let in_span = self.span.is_some();
        let paragraph = &mut self.paragraphs[i];
        let extend_here = extend && !in_span;
        match step {
            Step::Left => paragraph.left(engine, extend_here),
            Step::Right => paragraph.right(engine, extend_here),
            Step::WordLeft => paragraph.word_left(engine, extend_here),
            Step::WordRight => paragraph.word_right(engine, extend_here),
        }
        let after = (paragraph.anchor(), paragraph.caret());
        let focus = if after == before {
            // At the edge: leftwards is forwards in a right-to-left paragraph.
            let leftwards = matches!(step, Step::Left | Step::WordLeft);
            let forwards = leftwards == paragraph.is_rtl();
            if forwards && i + 1 < self.paragraphs.len() {
                self.start_of(i + 1)
            } else if !forwards && i > 0 {
                self.start_of(i) - 1
            } else {
                return;
            }
        } else if in_span {
            self.start_of(i) + after.1
        } else {
            return;
        };
        let anchor = if extend { anchor } else { focus };
        self.set_selection(engine, anchor, focus);
    }

    /// Up or down a line, into the neighbouring paragraph at the caret's `x` from the first
    /// or last line of this one.
    fn vertical(&mut self, engine: &mut TextEngine, extend: bool, up: bool) {
        let i = self.active;
        let target = if up {
            i.checked_sub(1)
        } else {
            Some(i + 1).filter(|&j| j < self.paragraphs.len())
        };
        let caret_before = self.paragraphs[i].caret_rect(0.0);
        let (anchor, focus_before) = self.ends();
        if self.span.is_none() {
            let paragraph = &mut self.paragraphs[i];
            if up {
                paragraph.up(engine, extend);
            } else {
                paragraph.down(engine, extend);
            }
        } else {
            let local = focus_before - self.start_of(i);
            let paragraph = &mut self.paragraphs[i];
            paragraph.select_between(engine, local, local);
            if up {
                paragraph.up(engine, false);
            } else {
                paragraph.down(engine, false);
            }
        }
        let caret_after = self.paragraphs[i].caret_rect(0.0);
        let same_line = match (caret_before, caret_after) {
            (Some(a), Some(b)) => (a.y0 - b.y0).abs() < 0.5,
            _ => false,
        };
        let focus = match (same_line, target, caret_before) {
            (true, Some(j), Some(caret)) => {
                // Onto the neighbour's nearest line at the caret's x.
                let (_, height) = self.paragraphs[j].size();
                let y = if up { height - 1.0 } else { 1.0 };
                self.start_of(j) + self.paragraphs[j].hit_test(Point::new(caret.x0, y))
            }
            _ if self.span.is_some() => self.start_of(i) + self.paragraphs[i].caret(),
            _ => return,
        };
        let anchor = if extend { anchor } else { focus };
        self.set_selection(engine, anchor, focus);
    }

    /// A move that stays in the active paragraph (Home, End); over a span it moves the
    /// span's focus.
    fn within_paragraph(
        &mut self,
        engine: &mut TextEngine,
        extend: bool,
        f: impl FnOnce(&mut ParagraphEditor, &mut TextEngine, bool),
    ) {
        let Some((anchor, focus)) = self.span else {
            f(&mut self.paragraphs[self.active], engine, extend);
            return;
        };
        let i = self.active;
        let start = self.start_of(i);
        self.paragraphs[i].select_between(engine, focus - start, focus - start);
        f(&mut self.paragraphs[i], engine, false);
        let focus = start + self.paragraphs[i].caret();
        let anchor = if extend { anchor } else { focus };
        self.set_selection(engine, anchor, focus);
    }

    fn height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
            + self.paragraphs.last().map_or(0.0, |p| p.size().1)
    }

    /// The paragraphs' tops after a change of text or width.
    fn restack(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        for paragraph in &self.paragraphs {
            self.tops.push(y);
            y += paragraph.size().1;
        }
    }

    fn normalise(&self, text: &str) -> String {
        let text = text.replace("\r\n", "\n");
        if self.multiline {
            text.replace('\r', "\n")
        } else {
            text.replace(['\r', '\n'], " ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraph_editor::{byte_of, char_of};

    fn editor(engine: &mut TextEngine, multiline: bool) -> TextEditor {
        let mut editor = TextEditor::new(engine, TextStyle::INTERFACE, multiline);
        editor.set_geometry(engine, 300.0, 1.0);
        editor
    }

    #[test]
    fn typing_arabic_and_latin_keeps_logical_order() {
        let mut engine = TextEngine::new();
        let mut e = editor(&mut engine, false);
        e.insert(&mut engine, "الأكراد");
        assert!(e.is_rtl(), "the first strong character is Arabic");
        e.insert(&mut engine, " (Kurds)");
        assert_eq!(e.text(), "الأكراد (Kurds)");
        assert_eq!(e.caret(), 15);
        assert!(e.is_rtl());
        let (width, height) = e.size();
        assert!(width > 50.0 && height > 10.0);
        assert!(!e.glyph_runs().is_empty());

        let mut latin = editor(&mut engine, false);
        latin.insert(&mut engine, "Kurds الأكراد");
        assert!(!latin.is_rtl());
    }

    #[test]
    fn arrows_move_visually_and_home_end_by_line() {
        let mut engine = TextEngine::new();
        let mut e = editor(&mut engine, false);
        e.insert(&mut engine, "abc");
        e.left(&mut engine, false);
        assert_eq!(e.caret(), 2, "left goes back in Latin");
        e.line_start(&mut engine, false);
        assert_eq!(e.caret(), 0);
        e.line_end(&mut engine, false);
        assert_eq!(e.caret(), 3);

        let mut arabic = editor(&mut engine, false);
        arabic.insert(&mut engine, "سلام");
        assert_eq!(arabic.caret(), 4);
        arabic.right(&mut engine, false);
        assert_eq!(arabic.caret(), 3, "right goes back in Arabic");
        arabic.left(&mut engine, false);
        assert_eq!(arabic.caret(), 4);
        arabic.text_start(&mut engine, false);
        assert_eq!(arabic.caret(), 0);
    }

    #[test]
    fn shift_selection_and_select_all_are_code_points() {
        let mut engine = TextEngine::new();
        let mut e = editor(&mut engine, false);
        e.insert(&mut engine, "قال Reuters");
        e.line_end(&mut engine, false);
        // In this right-to-left line "Reuters" ends at the left: moving left from the logical
        // end is the visual motion parley offers, so select the last word by code points.
        e.select(&mut engine, 4..11);
        assert_eq!(e.selected_text().as_deref(), Some("Reuters"));
        assert_eq!(e.selection(), 4..11);
        e.select_all(&mut engine);
        assert_eq!(e.selection(), 0..11);

        let mut latin = editor(&mut engine, false);
        latin.insert(&mut engine, "abcdef");
        latin.left(&mut engine, true);
        latin.left(&mut engine, true);
        assert_eq!(latin.selection(), 4..6);
        assert_eq!(latin.selected_text().as_deref(), Some("ef"));
        assert!(!latin.selection_rects().is_empty());
        latin.right(&mut engine, false);
        assert_eq!(
            latin.selection(),
            6..6,
            "right collapses to the selection's end"
        );
    }

    #[test]
    fn delete_and_backspace_remove_graphemes_and_selections() {
        let mut engine = TextEngine::new();
        let mut e = editor(&mut engine, false);
        e.insert(&mut engine, "مرحبا abc");
        e.backspace(&mut engine);
        assert_eq!(e.text(), "مرحبا ab");
        e.text_start(&mut engine, false);
        e.delete(&mut engine);
        assert_eq!(e.text(), "رحبا ab");
        e.select(&mut engine, 0..5);
        e.delete_selection(&mut engine);
        assert_eq!(e.text(), "ab");
        e.select_all(&mut engine);
        e.insert(&mut engine, "x");
        assert_eq!(e.text(), "x");
        assert!(!e.is_rtl(), "no Arabic left: left to right again");
    }

    #[test]
    fn line_breaks_stay_only_in_multiline_editors() {
        let mut engine = TextEngine::new();
        let mut single = editor(&mut engine, false);
        single.insert(&mut engine, "one\ntwo\r\nthree");
        assert_eq!(single.text(), "one two three");
        let mut memo = editor(&mut engine, true);
        memo.insert(&mut engine, "one\r\ntwo");
        memo.insert(&mut engine, "\n");
        assert_eq!(memo.text(), "one\ntwo\n");
        assert_eq!(memo.caret(), 8);
        let (_, one_line) = single.size();
        assert!(memo.size().1 > 2.5 * one_line, "three lines");
    }

    #[test]
    fn clicks_place_the_caret_and_double_clicks_select_words() {
        let mut engine = TextEngine::new();
        let mut e = editor(&mut engine, false);
        e.insert(&mut engine, "hello world");
        e.click(&mut engine, Point::new(0.0, 5.0));
        assert_eq!(e.caret(), 0);
        let (width, _) = e.size();
        e.click(&mut engine, Point::new(width + 10.0, 5.0));
        assert_eq!(e.caret(), 11);
        e.select_word_at(&mut engine, Point::new(2.0, 5.0));
        assert_eq!(e.selected_text().as_deref(), Some("hello"));
        e.click(&mut engine, Point::new(0.0, 5.0));
        e.extend_to(&mut engine, Point::new(width + 10.0, 5.0));
        assert_eq!(e.selection(), 0..11);
    }

    #[test]
    fn preedit_is_not_text_until_committed() {
        let mut engine = TextEngine::new();
        let mut e = editor(&mut engine, false);
        e.insert(&mut engine, "ab");
        e.set_preedit(&mut engine, "ك", Some((2, 2)));
        assert!(e.is_composing());
        assert_eq!(e.text(), "ab");
        assert!(!e.preedit_rects().is_empty());
        e.commit_preedit(&mut engine, "كتب");
        assert!(!e.is_composing());
        assert_eq!(e.text(), "abكتب");
        assert_eq!(e.caret(), 5);
        e.set_preedit(&mut engine, "x", None);
        e.set_preedit(&mut engine, "", None);
        assert_eq!(e.text(), "abكتب");
    }

    #[test]
    fn set_text_keeps_the_caret_clamped() {
        let mut engine = TextEngine::new();
        let mut e = editor(&mut engine, false);
        e.insert(&mut engine, "long text");
        e.set_text(&mut engine, "ab");
        assert_eq!(e.text(), "ab");
        assert_eq!(e.caret(), 2);
        assert_eq!(char_of("سلام", 4), 2);
        assert_eq!(byte_of("سلام", 2), 4);
        assert_eq!(byte_of("سلام", 9), 8);
    }

    fn memo(engine: &mut TextEngine, text: &str) -> TextEditor {
        let mut e = editor(engine, true);
        e.insert(engine, text);
        e
    }

    /// The leftmost and rightmost x of the glyphs of paragraph `i` (by their y band).
    fn paragraph_extent(e: &TextEditor, i: usize) -> (f32, f32) {
        let top = e.tops[i];
        let bottom = e.tops.get(i + 1).copied().unwrap_or(f32::MAX);
        let xs: Vec<f32> = e
            .glyph_runs()
            .iter()
            .flat_map(|r| r.glyphs.iter())
            .filter(|g| g.y > top && g.y <= bottom)
            .map(|g| g.x)
            .collect();
        let min = xs.iter().copied().fold(f32::MAX, f32::min);
        let max = xs.iter().copied().fold(f32::MIN, f32::max);
        (min, max)
    }

    #[test]
    fn each_memo_paragraph_takes_the_direction_of_its_first_strong_character() {
        let mut engine = TextEngine::new();
        let e = memo(
            &mut engine,
            "Troops leave in 2025 (US).\nقال المسؤول إن الانسحاب سيكتمل.\nA third line",
        );
        assert_eq!(e.paragraph_directions(), vec![false, true, false]);
        // The Arabic paragraph sits at the right of the 300-pixel field, the English ones at
        // the left.
        let (_, english_right) = paragraph_extent(&e, 0);
        let (arabic_left, arabic_right) = paragraph_extent(&e, 1);
        assert!(english_right < 290.0, "English starts at the left");
        assert!(
            arabic_right > 280.0,
            "Arabic starts at the right: {arabic_right}"
        );
        assert!(arabic_left > 20.0, "and does not reach the left edge");

        // In an Arabic memo an English line keeps its full stop at its end (the right).
        let e = memo(&mut engine, "سطر عربي أول\nEnglish line two.");
        assert_eq!(e.paragraph_directions(), vec![true, false]);
        let (english_left, _) = paragraph_extent(&e, 1);
        assert!(english_left < 10.0, "the English line starts at the left");
    }

    #[test]
    fn arrows_cross_paragraphs_in_each_paragraphs_direction() {
        let mut engine = TextEngine::new();
        let mut e = memo(&mut engine, "ab\nسلام");
        // The caret is at the end of the Arabic paragraph (its left edge); Home goes to its
        // start, and right from there (backwards in Arabic) crosses into "ab" at its end.
        e.line_start(&mut engine, false);
        assert_eq!(e.caret(), 3);
        e.right(&mut engine, false);
        assert_eq!(e.caret(), 2, "back into the English paragraph, at its end");
        e.right(&mut engine, false);
        assert_eq!(e.caret(), 3, "right at the end of English goes forwards");
        e.left(&mut engine, false);
        assert_eq!(e.caret(), 4, "left in Arabic goes forwards");
        e.text_start(&mut engine, false);
        e.down(&mut engine, false);
        assert!(e.caret() >= 3, "down goes into the second paragraph");
        e.up(&mut engine, false);
        assert!(e.caret() <= 2, "up comes back");
    }

    #[test]
    fn a_selection_over_paragraphs_is_copied_deleted_and_replaced_as_text() {
        let mut engine = TextEngine::new();
        let mut e = memo(&mut engine, "one two\nسطر ثان\nthree");
        e.select(&mut engine, 4..11);
        assert_eq!(e.selected_text().as_deref(), Some("two\nسطر"));
        assert_eq!(e.selection(), 4..11);
        assert!(
            e.selection_rects().len() >= 2,
            "one rectangle per paragraph at least"
        );
        e.insert(&mut engine, "2 and");
        assert_eq!(e.text(), "one 2 and ثان\nthree");
        assert_eq!(e.caret(), 9);
        assert_eq!(e.paragraph_directions(), vec![false, false]);

        // Shift+arrows grow a selection across a line feed.
        let mut e = memo(&mut engine, "ab\ncd");
        e.text_start(&mut engine, false);
        e.line_end(&mut engine, false);
        e.right(&mut engine, true);
        e.right(&mut engine, true);
        assert_eq!(e.selection(), 2..4);
        assert_eq!(e.selected_text().as_deref(), Some("\nc"));
        e.delete_selection(&mut engine);
        assert_eq!(e.text(), "abd");
    }

    #[test]
    fn backspace_and_delete_join_paragraphs_at_their_edges() {
        let mut engine = TextEngine::new();
        let mut e = memo(&mut engine, "ab\nسلام");
        e.select(&mut engine, 3..3);
        e.backspace(&mut engine);
        assert_eq!(e.text(), "abسلام");
        assert_eq!(e.caret(), 2);
        e.insert(&mut engine, "\n");
        assert_eq!(e.text(), "ab\nسلام");
        assert_eq!(e.caret(), 3);
        e.select(&mut engine, 2..2);
        e.delete(&mut engine);
        assert_eq!(e.text(), "abسلام");
        e.select_all(&mut engine);
        e.backspace(&mut engine);
        assert_eq!(e.text(), "");
    }

    #[test]
    fn clicks_and_drags_find_their_paragraph() {
        let mut engine = TextEngine::new();
        let mut e = memo(&mut engine, "first\nsecond");
        let (_, height) = e.size();
        e.click(&mut engine, Point::new(0.0, height - 2.0));
        assert_eq!(e.caret(), 6, "the start of the second paragraph");
        e.click(&mut engine, Point::new(0.0, 2.0));
        e.extend_to(&mut engine, Point::new(1000.0, height - 2.0));
        assert_eq!(e.selection(), 0..12);
        assert_eq!(e.selected_text().as_deref(), Some("first\nsecond"));
    }
}
