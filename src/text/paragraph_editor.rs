//! One paragraph of an editable field on parley's [`PlainEditor`]: bidi layout with the
//! bundled fonts, visual caret movement, selection, deletion by grapheme and word, and IME
//! composition. Positions are code points of the paragraph.
//!
//! The paragraph's direction is that of its first strong character (left-to-right without
//! one) and it is aligned to its start edge, so Arabic sits at the right. A paragraph that
//! does not wrap (a single-line field) has no width; one that wraps breaks at its width.
//! [`TextEditor`](super::TextEditor) stacks paragraphs into a field; this type never sees a
//! line feed from it.

use std::ops::Range;

use parley::{
    Affinity, Alignment, BaseDirection, Cursor, LineHeight, OverflowWrap, PlainEditor,
    PlainEditorDriver, Selection, StyleProperty,
};

use super::direction::{ResolvedDirection, first_strong};
use super::engine::{TextEngine, TextStyle};
use super::geometry::{Point, Rect};
use super::layout::{PlacedRun, glyph_runs};

/// The state of one paragraph of a field. Mutating methods take the [`TextEngine`] for its
/// font and layout contexts and leave the layout up to date.
#[derive(Clone)]
pub(super) struct ParagraphEditor {
    editor: PlainEditor<()>,
    multiline: bool,
    /// The wrap width of a multi-line editor, layout pixels.
    width: Option<f32>,
}

impl ParagraphEditor {
    /// An empty editor for text in `style`; `multiline` keeps line feeds and wraps.
    #[must_use]
    pub(super) fn new(engine: &mut TextEngine, style: TextStyle, multiline: bool) -> Self {
        let mut editor = PlainEditor::new(style.font_size);
        let styles = editor.edit_styles();
        styles.insert(StyleProperty::FontFamily(
            engine.fonts().family_owned(style.role),
        ));
        styles.insert(StyleProperty::LineHeight(LineHeight::FontSizeRelative(
            style.line_height,
        )));
        styles.insert(StyleProperty::OverflowWrap(OverflowWrap::BreakWord));
        editor.set_alignment(Alignment::Start);
        editor.set_base_direction(BaseDirection::Ltr);
        editor.set_width(None);
        let mut this = Self {
            editor,
            multiline,
            width: None,
        };
        this.refresh(engine);
        this
    }

    /// The text, without any IME preedit.
    #[must_use]
    pub(super) fn text(&self) -> String {
        self.editor.text().into_iter().collect()
    }

    /// Replaces the whole text (ending any IME composition); the selection keeps its place,
    /// clamped to the new text.
    pub(super) fn set_text(&mut self, engine: &mut TextEngine, text: &str) {
        let text = self.normalise(text);
        self.editor.set_text(&text);
        self.after_edit(engine);
    }

    /// Lays the text out at `scale` layout pixels per point; a multi-line editor wraps at
    /// `width` layout pixels. Cheap when nothing changed.
    pub(super) fn set_geometry(&mut self, engine: &mut TextEngine, width: f32, scale: f32) {
        let width = self.multiline.then_some(width.max(1.0));
        if width != self.width {
            self.width = width;
            self.editor.set_width(width);
        }
        if (self.editor.get_scale() - scale).abs() > f32::EPSILON {
            self.editor.set_scale(scale);
        }
        self.refresh(engine);
    }

    /// Inserts `text` at the caret, replacing the selection; a single-line editor turns line
    /// breaks into spaces.
    pub(super) fn insert(&mut self, engine: &mut TextEngine, text: &str) {
        let text = self.normalise(text);
        if text.is_empty() && self.editor.raw_selection().is_collapsed() {
            return;
        }
        self.edit(engine, |d| d.insert_or_replace_selection(&text));
    }

    /// Backspace: deletes the selection, or the grapheme before the caret.
    pub(super) fn backspace(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.backdelete());
    }

    /// Delete: deletes the selection, or the grapheme after the caret.
    pub(super) fn delete(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.delete());
    }

    /// Deletes the selection, or the word before the caret.
    pub(super) fn backspace_word(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.backdelete_word());
    }

    /// Deletes the selection, or the word after the caret.
    pub(super) fn delete_word(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.delete_word());
    }

    /// Deletes the selection, if any.
    pub(super) fn delete_selection(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.delete_selection());
    }

    /// Moves the caret one grapheme to the left on screen (backwards in Arabic), or extends
    /// the selection when `extend`.
    pub(super) fn left(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_left();
            } else {
                d.move_left();
            }
        });
    }

    /// Moves the caret one grapheme to the right on screen.
    pub(super) fn right(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_right();
            } else {
                d.move_right();
            }
        });
    }

    /// Moves the caret one word to the left on screen.
    pub(super) fn word_left(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_word_left();
            } else {
                d.move_word_left();
            }
        });
    }

    /// Moves the caret one word to the right on screen.
    pub(super) fn word_right(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_word_right();
            } else {
                d.move_word_right();
            }
        });
    }

    /// Moves the caret one line up.
    pub(super) fn up(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_up();
            } else {
                d.move_up();
            }
        });
    }

    /// Moves the caret one line down.
    pub(super) fn down(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_down();
            } else {
                d.move_down();
            }
        });
    }

    /// Home: the start of the visual line.
    pub(super) fn line_start(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_to_line_start();
            } else {
                d.move_to_line_start();
            }
        });
    }

    /// End: the end of the visual line.
    pub(super) fn line_end(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_to_line_end();
            } else {
                d.move_to_line_end();
            }
        });
    }

    /// A click: the caret at the cluster boundary nearest `point` (layout coordinates).
    pub(super) fn click(&mut self, engine: &mut TextEngine, point: Point) {
        self.drive(engine, |d| d.move_to_point(point.x, point.y));
    }

    /// A drag or a shift-click: the selection extended to `point`.
    pub(super) fn extend_to(&mut self, engine: &mut TextEngine, point: Point) {
        self.drive(engine, |d| d.extend_selection_to_point(point.x, point.y));
    }

    /// A double click: the word under `point`.
    pub(super) fn select_word_at(&mut self, engine: &mut TextEngine, point: Point) {
        self.drive(engine, |d| d.select_word_at_point(point.x, point.y));
    }

    /// A triple click: the visual line under `point`.
    pub(super) fn select_line_at(&mut self, engine: &mut TextEngine, point: Point) {
        self.drive(engine, |d| d.select_line_at_point(point.x, point.y));
    }

    /// The selection as code points, in logical order (empty at the caret).
    #[must_use]
    pub(super) fn selection(&self) -> Range<usize> {
        let text = self.editor.raw_text();
        let bytes = self.editor.raw_selection().text_range();
        char_of(text, bytes.start)..char_of(text, bytes.end)
    }

    /// The caret (the moving end of the selection), in code points.
    #[must_use]
    pub(super) fn caret(&self) -> usize {
        char_of(
            self.editor.raw_text(),
            self.editor.raw_selection().focus().index(),
        )
    }

    /// The anchor (the fixed end of the selection), in code points.
    #[must_use]
    pub(super) fn anchor(&self) -> usize {
        char_of(
            self.editor.raw_text(),
            self.editor.raw_selection().anchor().index(),
        )
    }

    /// The number of code points.
    #[must_use]
    pub(super) fn len(&self) -> usize {
        self.editor.raw_text().chars().count()
    }

    /// Selects from `anchor` to `focus` (code points, clamped), the caret at `focus`.
    pub(super) fn select_between(&mut self, engine: &mut TextEngine, anchor: usize, focus: usize) {
        let text = self.editor.raw_text();
        let anchor = byte_of(text, anchor);
        let focus = byte_of(text, focus);
        self.drive(engine, |d| d.select_byte_range(anchor, focus));
    }

    /// The code point nearest `point` (layout coordinates), without moving the caret.
    #[must_use]
    pub(super) fn hit_test(&self, point: Point) -> usize {
        let Some(layout) = self.editor.try_layout() else {
            return 0;
        };
        let cursor = Cursor::from_point(layout, point.x, point.y);
        char_of(self.editor.raw_text(), cursor.index())
    }

    /// The rectangles of the code points `range`, several per line where bidi splits it;
    /// the selection is not changed.
    #[must_use]
    pub(super) fn range_rects(&self, range: Range<usize>) -> Vec<Rect> {
        let Some(layout) = self.editor.try_layout() else {
            return Vec::new();
        };
        let text = self.editor.raw_text();
        Selection::new(
            Cursor::from_byte_index(layout, byte_of(text, range.start), Affinity::Downstream),
            Cursor::from_byte_index(layout, byte_of(text, range.end), Affinity::Upstream),
        )
        .geometry(layout)
        .into_iter()
        .map(|(bbox, _)| Rect::from_parley(bbox))
        .collect()
    }

    /// The selected text, when the selection is not empty (and no IME composition runs).
    #[must_use]
    pub(super) fn selected_text(&self) -> Option<String> {
        self.editor.selected_text().map(str::to_owned)
    }

    /// Shows the IME's preedit `text` in place of the selection (or the previous preedit),
    /// with `cursor` (byte offsets in `text`) as the caret; empty `text` ends the composition.
    pub(super) fn set_preedit(
        &mut self,
        engine: &mut TextEngine,
        text: &str,
        cursor: Option<(usize, usize)>,
    ) {
        if text.is_empty() {
            self.drive(engine, |d| d.clear_compose());
        } else {
            self.drive(engine, |d| d.set_compose(text, cursor));
        }
        self.after_edit(engine);
    }

    #[must_use]
    pub(super) fn is_composing(&self) -> bool {
        self.editor.is_composing()
    }

    /// Whether the laid-out block is right-to-left.
    #[must_use]
    pub(super) fn is_rtl(&self) -> bool {
        self.editor.try_layout().is_some_and(parley::Layout::is_rtl)
    }

    /// The width of the text's longest line (trailing spaces included) and the height of all
    /// lines, layout pixels.
    #[must_use]
    pub(super) fn size(&self) -> (f32, f32) {
        self.editor
            .try_layout()
            .map_or((0.0, 0.0), |l| (l.full_width(), l.height()))
    }

    /// The caret's rectangle, `width` wide; `None` while the IME hides it.
    #[must_use]
    pub(super) fn caret_rect(&self, width: f32) -> Option<Rect> {
        self.editor.try_layout()?;
        self.editor.cursor_geometry(width).map(Rect::from_parley)
    }

    /// The rectangles of the selection, several per line where bidi splits it.
    #[must_use]
    pub(super) fn selection_rects(&self) -> Vec<Rect> {
        if self.editor.try_layout().is_none() {
            return Vec::new();
        }
        self.editor
            .selection_geometry()
            .into_iter()
            .map(|(bbox, _)| Rect::from_parley(bbox))
            .collect()
    }

    /// The rectangles of the IME preedit, to underline it.
    #[must_use]
    pub(super) fn preedit_rects(&self) -> Vec<Rect> {
        let (Some(layout), Some(range)) = (self.editor.try_layout(), self.editor.raw_compose())
        else {
            return Vec::new();
        };
        Selection::new(
            Cursor::from_byte_index(layout, range.start, Affinity::Downstream),
            Cursor::from_byte_index(layout, range.end, Affinity::Upstream),
        )
        .geometry(layout)
        .into_iter()
        .map(|(bbox, _)| Rect::from_parley(bbox))
        .collect()
    }

    /// Where the IME's candidate window should stay clear of.
    #[must_use]
    pub(super) fn ime_area(&self) -> Rect {
        if self.editor.try_layout().is_none() {
            return Rect::default();
        }
        Rect::from_parley(self.editor.ime_cursor_area())
    }

    /// The glyph runs, positioned in layout coordinates, for painting.
    #[must_use]
    pub(super) fn glyph_runs(&self) -> Vec<PlacedRun> {
        self.editor.try_layout().map(glyph_runs).unwrap_or_default()
    }

    /// Brings the layout up to date (after a change of text, width, scale or direction).
    pub(super) fn refresh(&mut self, engine: &mut TextEngine) {
        let (font_cx, layout_cx) = engine.contexts();
        self.editor.refresh_layout(font_cx, layout_cx);
    }

    fn normalise(&self, text: &str) -> String {
        let text = text.replace("\r\n", "\n");
        if self.multiline {
            text.replace('\r', "\n")
        } else {
            text.replace(['\r', '\n'], " ")
        }
    }

    fn drive(&mut self, engine: &mut TextEngine, f: impl FnOnce(&mut PlainEditorDriver<'_, ()>)) {
        let (font_cx, layout_cx) = engine.contexts();
        f(&mut self.editor.driver(font_cx, layout_cx));
    }

    fn edit(&mut self, engine: &mut TextEngine, f: impl FnOnce(&mut PlainEditorDriver<'_, ()>)) {
        self.drive(engine, f);
        self.after_edit(engine);
    }

    /// Follows the direction of the first strong character, then lays out again.
    fn after_edit(&mut self, engine: &mut TextEngine) {
        let rtl = first_strong(self.editor.raw_text()) == Some(ResolvedDirection::Rtl);
        let direction = if rtl {
            BaseDirection::Rtl
        } else {
            BaseDirection::Ltr
        };
        if self.editor.base_direction() != direction {
            self.editor.set_base_direction(direction);
        }
        self.refresh(engine);
    }
}

/// The byte offset of code point `index` in `text`, clamped to its end.
pub(super) fn byte_of(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(b, _)| b)
}

/// The number of code points before byte `byte` of `text`.
pub(super) fn char_of(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .map_or(0, |prefix| prefix.chars().count())
}
