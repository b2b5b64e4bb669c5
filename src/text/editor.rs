//! An editable piece of text — a name, a title, a memo — on parley's [`PlainEditor`]: bidi
//! layout with the bundled fonts, visual caret movement, selection, deletion by grapheme and
//! word, and IME composition. Positions are code points of the text, like anchors.
//!
//! The editor lays its text out as one block: single-line editors never wrap (the field
//! scrolls), multi-line ones wrap at their width and keep line feeds as hard breaks. The
//! block's direction is that of the text's first strong character (left-to-right without
//! one) and it is aligned to its start edge, so Arabic sits at the right.

use std::ops::Range;

use parley::{
    Affinity, Alignment, BaseDirection, Cursor, LineHeight, OverflowWrap, PlainEditor,
    PlainEditorDriver, Selection, StyleProperty,
};

use super::direction::{ResolvedDirection, first_strong};
use super::engine::{TextEngine, TextStyle};
use super::geometry::{Point, Rect};
use super::layout::{PlacedRun, glyph_runs};

/// The state of one text field. Mutating methods take the [`TextEngine`] for its font and
/// layout contexts and leave the layout up to date.
#[derive(Clone)]
pub struct TextEditor {
    editor: PlainEditor<()>,
    multiline: bool,
    /// The wrap width of a multi-line editor, layout pixels.
    width: Option<f32>,
}

impl TextEditor {
    /// An empty editor for text in `style`; `multiline` keeps line feeds and wraps.
    #[must_use]
    pub fn new(engine: &mut TextEngine, style: TextStyle, multiline: bool) -> Self {
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

    /// Whether line feeds are kept (and Enter inserts one).
    #[must_use]
    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// The text, without any IME preedit.
    #[must_use]
    pub fn text(&self) -> String {
        self.editor.text().into_iter().collect()
    }

    /// Replaces the whole text (ending any IME composition); the selection keeps its place,
    /// clamped to the new text.
    pub fn set_text(&mut self, engine: &mut TextEngine, text: &str) {
        let text = self.normalise(text);
        self.editor.set_text(&text);
        self.after_edit(engine);
    }

    /// Lays the text out at `scale` layout pixels per point; a multi-line editor wraps at
    /// `width` layout pixels. Cheap when nothing changed.
    pub fn set_geometry(&mut self, engine: &mut TextEngine, width: f32, scale: f32) {
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
    pub fn insert(&mut self, engine: &mut TextEngine, text: &str) {
        let text = self.normalise(text);
        if text.is_empty() && self.editor.raw_selection().is_collapsed() {
            return;
        }
        self.edit(engine, |d| d.insert_or_replace_selection(&text));
    }

    /// Backspace: deletes the selection, or the grapheme before the caret.
    pub fn backspace(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.backdelete());
    }

    /// Delete: deletes the selection, or the grapheme after the caret.
    pub fn delete(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.delete());
    }

    /// Deletes the selection, or the word before the caret.
    pub fn backspace_word(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.backdelete_word());
    }

    /// Deletes the selection, or the word after the caret.
    pub fn delete_word(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.delete_word());
    }

    /// Deletes the selection, if any.
    pub fn delete_selection(&mut self, engine: &mut TextEngine) {
        self.edit(engine, |d| d.delete_selection());
    }

    /// Moves the caret one grapheme to the left on screen (backwards in Arabic), or extends
    /// the selection when `extend`.
    pub fn left(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_left();
            } else {
                d.move_left();
            }
        });
    }

    /// Moves the caret one grapheme to the right on screen.
    pub fn right(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_right();
            } else {
                d.move_right();
            }
        });
    }

    /// Moves the caret one word to the left on screen.
    pub fn word_left(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_word_left();
            } else {
                d.move_word_left();
            }
        });
    }

    /// Moves the caret one word to the right on screen.
    pub fn word_right(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_word_right();
            } else {
                d.move_word_right();
            }
        });
    }

    /// Moves the caret one line up.
    pub fn up(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_up();
            } else {
                d.move_up();
            }
        });
    }

    /// Moves the caret one line down.
    pub fn down(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_down();
            } else {
                d.move_down();
            }
        });
    }

    /// Home: the start of the visual line.
    pub fn line_start(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_to_line_start();
            } else {
                d.move_to_line_start();
            }
        });
    }

    /// End: the end of the visual line.
    pub fn line_end(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_to_line_end();
            } else {
                d.move_to_line_end();
            }
        });
    }

    /// The start of the text.
    pub fn text_start(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_to_text_start();
            } else {
                d.move_to_text_start();
            }
        });
    }

    /// The end of the text.
    pub fn text_end(&mut self, engine: &mut TextEngine, extend: bool) {
        self.drive(engine, |d| {
            if extend {
                d.select_to_text_end();
            } else {
                d.move_to_text_end();
            }
        });
    }

    pub fn select_all(&mut self, engine: &mut TextEngine) {
        self.drive(engine, |d| d.select_all());
    }

    /// Selects the code points `range` (clamped), the caret at its end.
    pub fn select(&mut self, engine: &mut TextEngine, range: Range<usize>) {
        let text = self.editor.raw_text();
        let start = byte_of(text, range.start);
        let end = byte_of(text, range.end);
        self.drive(engine, |d| d.select_byte_range(start, end));
    }

    /// A click: the caret at the cluster boundary nearest `point` (layout coordinates).
    pub fn click(&mut self, engine: &mut TextEngine, point: Point) {
        self.drive(engine, |d| d.move_to_point(point.x, point.y));
    }

    /// A drag or a shift-click: the selection extended to `point`.
    pub fn extend_to(&mut self, engine: &mut TextEngine, point: Point) {
        self.drive(engine, |d| d.extend_selection_to_point(point.x, point.y));
    }

    /// A double click: the word under `point`.
    pub fn select_word_at(&mut self, engine: &mut TextEngine, point: Point) {
        self.drive(engine, |d| d.select_word_at_point(point.x, point.y));
    }

    /// A triple click: the visual line under `point`.
    pub fn select_line_at(&mut self, engine: &mut TextEngine, point: Point) {
        self.drive(engine, |d| d.select_line_at_point(point.x, point.y));
    }

    /// The selection as code points, in logical order (empty at the caret).
    #[must_use]
    pub fn selection(&self) -> Range<usize> {
        let text = self.editor.raw_text();
        let bytes = self.editor.raw_selection().text_range();
        char_of(text, bytes.start)..char_of(text, bytes.end)
    }

    /// The caret (the moving end of the selection), in code points.
    #[must_use]
    pub fn caret(&self) -> usize {
        char_of(
            self.editor.raw_text(),
            self.editor.raw_selection().focus().index(),
        )
    }

    /// The selected text, when the selection is not empty (and no IME composition runs).
    #[must_use]
    pub fn selected_text(&self) -> Option<String> {
        self.editor.selected_text().map(str::to_owned)
    }

    /// Shows the IME's preedit `text` in place of the selection (or the previous preedit),
    /// with `cursor` (byte offsets in `text`) as the caret; empty `text` ends the composition.
    pub fn set_preedit(
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

    /// The IME committed `text`: it replaces the preedit (or the selection).
    pub fn commit_preedit(&mut self, engine: &mut TextEngine, text: &str) {
        self.drive(engine, |d| d.clear_compose());
        self.insert(engine, text);
        self.after_edit(engine);
    }

    #[must_use]
    pub fn is_composing(&self) -> bool {
        self.editor.is_composing()
    }

    /// Whether the laid-out block is right-to-left.
    #[must_use]
    pub fn is_rtl(&self) -> bool {
        self.editor.try_layout().is_some_and(parley::Layout::is_rtl)
    }

    /// The width of the text's longest line (trailing spaces included) and the height of all
    /// lines, layout pixels.
    #[must_use]
    pub fn size(&self) -> (f32, f32) {
        self.editor
            .try_layout()
            .map_or((0.0, 0.0), |l| (l.full_width(), l.height()))
    }

    /// The caret's rectangle, `width` wide; `None` while the IME hides it.
    #[must_use]
    pub fn caret_rect(&self, width: f32) -> Option<Rect> {
        self.editor.try_layout()?;
        self.editor.cursor_geometry(width).map(Rect::from_parley)
    }

    /// The rectangles of the selection, several per line where bidi splits it.
    #[must_use]
    pub fn selection_rects(&self) -> Vec<Rect> {
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
    pub fn preedit_rects(&self) -> Vec<Rect> {
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
    pub fn ime_area(&self) -> Rect {
        if self.editor.try_layout().is_none() {
            return Rect::default();
        }
        Rect::from_parley(self.editor.ime_cursor_area())
    }

    /// The glyph runs, positioned in layout coordinates, for painting.
    #[must_use]
    pub fn glyph_runs(&self) -> Vec<PlacedRun> {
        self.editor.try_layout().map(glyph_runs).unwrap_or_default()
    }

    /// Brings the layout up to date (after a change of text, width, scale or direction).
    pub fn refresh(&mut self, engine: &mut TextEngine) {
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
fn byte_of(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(b, _)| b)
}

/// The number of code points before byte `byte` of `text`.
fn char_of(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .map_or(0, |prefix| prefix.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
