//! Names in the interface — brief titles, tag names, determinant and scenario titles —
//! laid out by the text layer, so an Arabic name reads right to left and a mixed one keeps
//! its runs in bidi order (egui's own labels have no bidi).
//!
//! Layouts are kept in a small least-recently-used cache ([`super::label_cache::LabelCache`], in
//! [`super::text_paint::TextPaint`]),
//! keyed by text, width, scale and style, so a list of names costs a hash lookup per name and
//! frame. Every widget here reports its text to accesskit as egui's labels do, so screen
//! readers and kittest find it by its label.

use std::rc::Rc;

use egui::{Color32, Response, Role, Sense, Ui, WidgetInfo, vec2};

use super::text_paint::{PixelFrame, TextPaint};
use crate::text::{
    Direction, FontRole, LayoutParams, ParagraphLayout, ResolvedDirection, TextStyle,
};

/// The narrowest a selectable name wraps at, in points.
const MIN_WRAP: f32 = 180.0;

/// How a label looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelStyle {
    /// Ordinary interface text.
    Body,
    /// Less important (metadata).
    Weak,
    /// A panel's title.
    Heading,
    /// A section's title: body size, strong colour.
    Strong,
    /// Chips and small print.
    Small,
    /// A warning to the analyst.
    Warning,
    /// An error.
    Error,
}

impl LabelStyle {
    fn egui_style(self) -> egui::TextStyle {
        match self {
            Self::Body | Self::Weak | Self::Strong | Self::Warning | Self::Error => {
                egui::TextStyle::Body
            }
            Self::Heading => egui::TextStyle::Heading,
            Self::Small => egui::TextStyle::Small,
        }
    }

    fn colour(self, ui: &Ui) -> Color32 {
        match self {
            Self::Body | Self::Small => ui.visuals().text_color(),
            Self::Weak => ui.visuals().weak_text_color(),
            Self::Heading | Self::Strong => ui.visuals().strong_text_color(),
            Self::Warning => ui.visuals().warn_fg_color,
            Self::Error => ui.visuals().error_fg_color,
        }
    }

    /// The text layer's style at the size of the matching egui text style, a little larger
    /// because Arabic letters are small for their size.
    fn text_style(self, ui: &Ui) -> TextStyle {
        let size = self.egui_style().resolve(ui.style()).size;
        TextStyle {
            role: FontRole::Interface,
            font_size: size + 1.0,
            line_height: 1.35,
        }
    }
}

/// The height of one line of a label in `style`, in points (a row's height before it is laid
/// out).
#[must_use]
pub fn line_height(ui: &Ui, style: LabelStyle) -> f32 {
    let style = style.text_style(ui);
    style.font_size * style.line_height
}

/// A laid-out label and how much room its ink takes.
struct Placed {
    layout: Rc<ParagraphLayout>,
    /// The leftmost ink, in layout pixels.
    left: f32,
    /// Width and height in points.
    size: egui::Vec2,
}

fn place(ui: &Ui, paint: &mut TextPaint, text: &str, style: LabelStyle, wrap: f32) -> Placed {
    let ppp = ui.ctx().pixels_per_point();
    let params = LayoutParams {
        width: (wrap.max(1.0) * ppp).floor(),
        scale: ppp,
        style: style.text_style(ui),
        direction: Direction::Auto,
    };
    let (labels, engine) = paint.labels_and_engine();
    let layout = labels.layout(engine, text, &params);
    let (left, right) = layout
        .lines()
        .iter()
        .filter_map(crate::text::VisualLine::content_extent)
        .fold(None, |acc: Option<(f32, f32)>, (a, b)| {
            Some(acc.map_or((a, b), |(l, r)| (l.min(a), r.max(b))))
        })
        .unwrap_or((0.0, 0.0));
    Placed {
        size: vec2((right - left) / ppp, layout.height() / ppp),
        left,
        layout,
    }
}

/// Paints `placed` with its ink starting at the left of `rect`.
fn paint_placed(
    ui: &Ui,
    paint: &mut TextPaint,
    placed: &Placed,
    rect: egui::Rect,
    colour: Color32,
) {
    let ppp = ui.ctx().pixels_per_point();
    let origin = rect.min - vec2(placed.left / ppp, 0.0);
    paint.paint_paragraph(
        ui.painter(),
        &placed.layout,
        PixelFrame::new(origin, ppp),
        colour,
    );
}

/// A name as a label: `text` laid out with bidi, wrapped at the available width.
pub fn bidi_label(ui: &mut Ui, paint: &mut TextPaint, text: &str, style: LabelStyle) -> Response {
    label_showing(ui, paint, text, text, style)
}

/// Paints `text` with bidi inside `rect` without allocating room (a cell of a painted grid):
/// wrapped at the rect's width, clipped to it, centred when `centre`, otherwise from the
/// rect's left edge, or its right edge when the text reads right to left. Returns the height
/// the text takes, in points.
pub fn paint_text_in(
    ui: &Ui,
    paint: &mut TextPaint,
    rect: egui::Rect,
    text: &str,
    style: LabelStyle,
    colour: Option<Color32>,
    centre: bool,
) -> f32 {
    let side = if centre {
        Side::Centre
    } else if crate::text::first_strong(text) == Some(ResolvedDirection::Rtl) {
        Side::Right
    } else {
        Side::Left
    };
    paint_text_at(ui, paint, rect, text, style, colour, side)
}

/// Where [`paint_text_at`] puts text in its rectangle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
    /// Centred both ways.
    Centre,
}

/// Paints `text` like [`paint_text_in`], against the `side` asked for whatever the text's
/// direction (a header of a mirrored grid keeps its text by the interface's start side).
pub fn paint_text_at(
    ui: &Ui,
    paint: &mut TextPaint,
    rect: egui::Rect,
    text: &str,
    style: LabelStyle,
    colour: Option<Color32>,
    side: Side,
) -> f32 {
    let centre = side == Side::Centre;
    let placed = place(ui, paint, text, style, rect.width());
    let x = match side {
        Side::Centre => rect.center().x - placed.size.x / 2.0,
        Side::Right => rect.right() - placed.size.x,
        Side::Left => rect.left(),
    };
    let y = if centre {
        rect.center().y - placed.size.y / 2.0
    } else {
        rect.top()
    };
    let at = egui::Rect::from_min_size(egui::pos2(x, y), placed.size);
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    let ppp = ui.ctx().pixels_per_point();
    let origin = at.min - vec2(placed.left / ppp, 0.0);
    paint.paint_paragraph(
        &painter,
        &placed.layout,
        PixelFrame::new(origin, ppp),
        colour.unwrap_or_else(|| style.colour(ui)),
    );
    placed.size.y
}

/// The width `text` takes on one line in `style`, in points (to lay out chips in a painted
/// cell).
pub fn text_width(ui: &Ui, paint: &mut TextPaint, text: &str, style: LabelStyle) -> f32 {
    place(ui, paint, text, style, f32::from(u16::MAX)).size.x
}

/// Paints `text` on one line (never wrapped), centred vertically in `cell` and clipped to it:
/// from the cell's left edge, or from its right edge when the text reads right to left, so
/// that what is cut is the end of the text. Returns the width the whole line takes, in points.
pub fn paint_line_in(
    ui: &Ui,
    paint: &mut TextPaint,
    cell: egui::Rect,
    text: &str,
    style: LabelStyle,
    colour: Option<Color32>,
) -> f32 {
    let placed = place(ui, paint, text, style, f32::from(u16::MAX));
    let x = if crate::text::first_strong(text) == Some(ResolvedDirection::Rtl) {
        cell.right() - placed.size.x
    } else {
        cell.left()
    };
    let y = cell.center().y - placed.size.y / 2.0;
    let clip = cell.intersect(ui.clip_rect());
    if clip.is_positive() {
        let painter = ui.painter().with_clip_rect(clip);
        let ppp = ui.ctx().pixels_per_point();
        let origin = egui::pos2(x, y) - vec2(placed.left / ppp, 0.0);
        paint.paint_paragraph(
            &painter,
            &placed.layout,
            PixelFrame::new(origin, ppp),
            colour.unwrap_or_else(|| style.colour(ui)),
        );
    }
    placed.size.x
}

/// A label that lays out `shown` and tells assistive technology `text`.
fn label_showing(
    ui: &mut Ui,
    paint: &mut TextPaint,
    shown: &str,
    text: &str,
    style: LabelStyle,
) -> Response {
    let placed = place(ui, paint, shown, style, ui.available_width());
    let (rect, response) = ui.allocate_exact_size(placed.size, Sense::hover());
    if ui.is_rect_visible(rect) {
        paint_placed(ui, paint, &placed, rect, style.colour(ui));
    }
    let enabled = ui.is_enabled();
    response.widget_info(|| WidgetInfo::labeled(Role::Label, enabled, text));
    response
}

/// A message of the interface that quotes names in «»: each quoted name is laid out as an
/// isolate, so that a name in the other script neither takes the words and numbers after it
/// into its own direction nor turns the sentence around; the sentence reads in the interface's
/// direction ([`TextPaint::interface_rtl`]). The accessible label is `text` as written.
pub fn message_label(
    ui: &mut Ui,
    paint: &mut TextPaint,
    text: &str,
    style: LabelStyle,
) -> Response {
    let shown = isolate_quotes(text, paint.interface_rtl());
    label_showing(ui, paint, &shown, text, style)
}

/// `text` with a first-strong isolate (U+2068 … U+2069) inside every «…» and “…”, and a
/// direction mark in front so that the sentence reads in the interface's direction
/// (left-to-right mark, or right-to-left mark when `rtl`).
pub fn isolate_quotes(text: &str, rtl: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push(if rtl { '\u{200f}' } else { '\u{200e}' });
    let mut open: Option<char> = None;
    for c in text.chars() {
        if open == Some(c) {
            out.push('\u{2069}');
            open = None;
        }
        out.push(c);
        if open.is_none() {
            open = match c {
                '«' => Some('»'),
                '“' => Some('”'),
                _ => None,
            };
            if open.is_some() {
                out.push('\u{2068}');
            }
        }
    }
    if open.is_some() {
        out.push('\u{2069}');
    }
    out
}

/// A name that can be selected in a list, like egui's `selectable_label`.
pub fn bidi_selectable(ui: &mut Ui, paint: &mut TextPaint, selected: bool, text: &str) -> Response {
    bidi_selectable_showing(ui, paint, selected, text, text)
}

/// A [`bidi_selectable`] that lays out `shown` (`text` with direction marks or isolates) and
/// tells assistive technology `text`.
pub fn bidi_selectable_showing(
    ui: &mut Ui,
    paint: &mut TextPaint,
    selected: bool,
    shown: &str,
    text: &str,
) -> Response {
    let padding = ui.spacing().button_padding;
    // Popups (combo boxes) start narrow: keep short names on one line, the popup widens.
    let wrap = (ui.available_width() - 2.0 * padding.x).max(MIN_WRAP);
    let placed = place(ui, paint, shown, LabelStyle::Body, wrap);
    let (rect, response) = ui.allocate_exact_size(placed.size + 2.0 * padding, Sense::click());
    let enabled = ui.is_enabled();
    response.widget_info(|| WidgetInfo::selected(Role::Button, enabled, selected, text));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() || response.has_focus() {
            ui.painter().rect(
                rect.expand(visuals.expansion),
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                egui::StrokeKind::Inside,
            );
        }
        paint_placed(
            ui,
            paint,
            &placed,
            rect.shrink2(padding),
            visuals.text_color(),
        );
    }
    response
}

/// A line that can be clicked, like [`bidi_selectable`], with the code points `mark` of
/// `shown` (indices into `shown`) on `mark_fill` beneath the text — a search hit in its
/// context. The mark follows the bidi layout, so a hit in a right-to-left line is painted
/// where it reads. It wraps at the width it is given and is cut at `max_height` points (a row
/// of a list with rows of one height). Assistive technology is told `text`.
pub fn marked_selectable(
    ui: &mut Ui,
    paint: &mut TextPaint,
    shown: &str,
    mark: std::ops::Range<usize>,
    mark_fill: Color32,
    text: &str,
    max_height: f32,
) -> Response {
    let padding = ui.spacing().button_padding;
    let wrap = (ui.available_width() - 2.0 * padding.x).max(1.0);
    let placed = place(ui, paint, shown, LabelStyle::Body, wrap);
    let size = placed.size + 2.0 * padding;
    let size = vec2(size.x, size.y.min(max_height));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let enabled = ui.is_enabled();
    response.widget_info(|| WidgetInfo::labeled(Role::Button, enabled, text));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, false);
        if response.hovered() || response.has_focus() {
            ui.painter().rect(
                rect.expand(visuals.expansion),
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                egui::StrokeKind::Inside,
            );
        }
        let ppp = ui.ctx().pixels_per_point();
        let inner = rect.shrink2(padding);
        let origin = inner.min - vec2(placed.left / ppp, 0.0);
        let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
        for r in placed.layout.selection_rects(mark) {
            let marked = egui::Rect::from_min_max(
                origin + vec2(r.x0 / ppp, r.y0 / ppp),
                origin + vec2(r.x1 / ppp, r.y1 / ppp),
            );
            painter.rect_filled(marked, 2.0, mark_fill);
        }
        paint.paint_paragraph(
            &painter,
            &placed.layout,
            PixelFrame::new(origin, ppp),
            visuals.text_color(),
        );
    }
    response
}

/// Several paragraphs (split at line feeds), each a [`bidi_label`] with its own direction.
pub fn bidi_paragraphs(ui: &mut Ui, paint: &mut TextPaint, text: &str, style: LabelStyle) {
    for paragraph in text.split('\n') {
        bidi_label(ui, paint, paragraph, style);
    }
}

/// A check box named by `text`, laid out with bidi: egui's own box, then the name; clicking
/// the name toggles it too. Only the box is an accessible widget, named by `text`.
pub fn bidi_checkbox(
    ui: &mut Ui,
    paint: &mut TextPaint,
    checked: &mut bool,
    text: &str,
) -> Response {
    ui.horizontal(|ui| {
        let mut response = ui
            .add(egui::Checkbox::without_text(checked))
            .accessible_name(text);
        let placed = place(ui, paint, text, LabelStyle::Body, ui.available_width());
        let (rect, name) = ui.allocate_exact_size(placed.size, Sense::click());
        if name.clicked() {
            *checked = !*checked;
            response.mark_changed();
        }
        if ui.is_rect_visible(rect) {
            let colour = ui.style().interact(&name).text_color();
            paint_placed(ui, paint, &placed, rect, colour);
        }
        response
    })
    .inner
}

/// A tag's name on its colour (a chip).
pub fn bidi_chip(
    ui: &mut Ui,
    paint: &mut TextPaint,
    text: &str,
    fill: Color32,
    ink: Color32,
) -> Response {
    let padding = vec2(4.0, 1.0);
    let placed = place(ui, paint, text, LabelStyle::Small, ui.available_width());
    let (rect, response) = ui.allocate_exact_size(placed.size + 2.0 * padding, Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().rect_filled(rect, 2.0, fill);
        paint_placed(ui, paint, &placed, rect.shrink2(padding), ink);
    }
    let enabled = ui.is_enabled();
    response.widget_info(|| WidgetInfo::labeled(Role::Label, enabled, text));
    response
}

/// `text` (one line) with its words in the order the text layer shows them, left to right,
/// each word kept in logical order — for the few places only egui can draw (a combo box's
/// closed face). egui shapes each Arabic word correctly, so a short line then reads right;
/// it is no substitute for [`bidi_label`] (no wrapping, and the string is in visual order, so
/// never use it where text is selected or read by a screen reader).
pub fn visual_order(paint: &mut TextPaint, text: &str) -> String {
    let params = LayoutParams {
        width: f32::MAX,
        scale: 1.0,
        style: TextStyle {
            role: FontRole::Interface,
            font_size: 14.0,
            line_height: 1.2,
        },
        direction: Direction::Auto,
    };
    let (labels, engine) = paint.labels_and_engine();
    let layout = labels.layout(engine, text, &params);
    let one_line = text.replace('\n', " ");
    let mut words: Vec<String> = Vec::new();
    for line in layout.lines() {
        for word in line.words() {
            let logical: String = one_line
                .chars()
                .skip(word.range.start)
                .take(word.range.len())
                .collect();
            words.push(if word.rtl {
                rtl_word_for_egui(&logical)
            } else {
                logical
            });
        }
    }
    if words.is_empty() {
        return text.to_owned();
    }
    words.join(" ")
}

/// A right-to-left word as egui should draw it left to right: egui shapes its letters right to
/// left in place, but leaves the punctuation around them where the string has it, so leading
/// and trailing punctuation («…», "…", ":", "(") change ends, reversed and mirrored as bidi
/// would show them.
fn rtl_word_for_egui(word: &str) -> String {
    let Some(first) = word.find(char::is_alphanumeric) else {
        return word.chars().rev().map(mirrored).collect();
    };
    let last = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(word.len(), |(i, c)| i + c.len_utf8());
    let (lead, rest) = word.split_at(first);
    let (core, trail) = rest.split_at(last - first);
    let flip = |s: &str| s.chars().rev().map(mirrored).collect::<String>();
    format!("{}{core}{}", flip(trail), flip(lead))
}

/// The mirrored form of a bracket or quotation mark (Bidi_Mirrored pairs), else `c`.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '«' => '»',
        '»' => '«',
        '<' => '>',
        '>' => '<',
        other => other,
    }
}

/// An interface text for a face only egui draws (buttons, menu entries, tabs, tooltips, combo
/// boxes): as written while the interface reads left to right; in the order the text layer
/// shows its words ([`visual_order`]) when it reads right to left and the text has Arabic in
/// it, since egui has no bidi and would put an Arabic sentence's words left to right. Name the
/// widget with the text as written (`accessible_name`), as [`ui_button`] does.
pub fn egui_text(paint: &mut TextPaint, text: &str) -> String {
    if paint.interface_rtl() && crate::text::first_strong(text) == Some(ResolvedDirection::Rtl) {
        visual_order(paint, text)
    } else {
        text.to_owned()
    }
}

/// The closed face of a combo box that will show `text` through the bidi layer: the text egui
/// would draw, sizing the face, but invisible — [`paint_combo_face`] paints `text` over it
/// once the combo box is shown. Use as `.selected_text(combo_face(paint, text))`.
pub fn combo_face(paint: &mut TextPaint, text: &str) -> egui::RichText {
    egui::RichText::new(egui_text(paint, text)).color(Color32::TRANSPARENT)
}

/// Paints `text` with bidi on the face of the combo box `response` (sized by [`combo_face`]),
/// between its start and its arrow, and tells assistive technology the value as written.
pub fn paint_combo_face(ui: &Ui, paint: &mut TextPaint, response: &Response, text: &str) {
    let spacing = ui.spacing();
    let mut rect = response.rect.shrink2(spacing.button_padding);
    rect.max.x -= spacing.icon_width + spacing.icon_spacing;
    let height = line_height(ui, LabelStyle::Body);
    let rect = egui::Rect::from_center_size(rect.center(), vec2(rect.width().max(0.0), height));
    let colour = ui.style().interact(response).text_color();
    paint_text_in(ui, paint, rect, text, LabelStyle::Body, Some(colour), false);
    let enabled = ui.is_enabled();
    response.widget_info(|| {
        let mut info = WidgetInfo::new(Role::ComboBox);
        info.enabled = enabled;
        info.current_text_value = Some(text.to_owned());
        info
    });
}

/// One choice in a combo box's list, laid out with bidi: picking it sets `current` to
/// `value`.
pub fn combo_item<T: PartialEq>(
    ui: &mut Ui,
    paint: &mut TextPaint,
    current: &mut T,
    value: T,
    text: &str,
) -> Response {
    let mut response = bidi_selectable(ui, paint, *current == value, text);
    if response.clicked() && *current != value {
        *current = value;
        response.mark_changed();
    }
    response
}

/// A button showing `text` in the interface's direction, named `text` as written.
pub fn ui_button(ui: &mut Ui, paint: &mut TextPaint, text: &str) -> Response {
    ui.button(egui_text(paint, text)).accessible_name(text)
}

/// A small button showing `text` in the interface's direction, named `text` as written.
pub fn ui_small_button(ui: &mut Ui, paint: &mut TextPaint, text: &str) -> Response {
    ui.small_button(egui_text(paint, text))
        .accessible_name(text)
}

/// A button, enabled or not, showing `text` in the interface's direction, named as written.
pub fn ui_button_enabled(
    ui: &mut Ui,
    paint: &mut TextPaint,
    enabled: bool,
    text: &str,
) -> Response {
    ui.add_enabled(enabled, egui::Button::new(egui_text(paint, text)))
        .accessible_name(text)
}

/// The window title the operating system draws (with its own bidi): an RTL `name` goes inside
/// a right-to-left isolate (U+2067 … U+2069), so it is laid out right to left without
/// reordering the marker and the app name around it.
#[must_use]
pub fn isolate_for_os(name: &str) -> String {
    if crate::text::first_strong(name) == Some(ResolvedDirection::Rtl) {
        format!("\u{2067}{name}\u{2069}")
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::paint::label_cache::LabelCache;
    use crate::text::TextEngine;

    #[test]
    fn rtl_words_put_their_punctuation_at_the_other_end_for_egui() {
        assert_eq!(rtl_word_for_egui("أوراق…"), "…أوراق");
        assert_eq!(rtl_word_for_egui("«كلمة»"), "«كلمة»");
        assert_eq!(rtl_word_for_egui("(34"), "34)");
        assert_eq!(rtl_word_for_egui("الاحتمال:"), ":الاحتمال");
        assert_eq!(rtl_word_for_egui("—"), "—");
    }

    /// Where each word of `text` is drawn, left to right.
    fn visual_words(text: &str) -> Vec<String> {
        let mut engine = TextEngine::new();
        let layout =
            LabelCache::default().layout(&mut engine, text, &LayoutParams::reading(2000.0));
        let line = layout.lines().first().cloned().expect("a line");
        let mut words = line.words();
        words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        words
            .iter()
            .map(|w| crate::text_range::slice_chars(text, w.range.start, w.range.end).to_owned())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
            .filter(|w| !w.is_empty())
            .collect()
    }

    #[test]
    fn a_quoted_arabic_name_keeps_the_sentence_around_it_in_order() {
        let message = "New version of «الانسحاب العسكري»: 34 passages";
        assert_eq!(
            isolate_quotes(message, false),
            "\u{200e}New version of «\u{2068}الانسحاب العسكري\u{2069}»: 34 passages"
        );
        // Without isolation the number joins the Arabic run and lands left of it.
        let order = |words: &[String]| {
            let at = |w: &str| words.iter().position(|x| x.starts_with(w)).expect(w);
            (at("New"), at("3"), at("الانسحاب"), at("passages"))
        };
        let (new, number, name, passages) = order(&visual_words(message));
        assert!(
            new < number && number < name && name < passages,
            "{message}"
        );
        let (new, number, name, passages) = order(&visual_words(&isolate_quotes(message, false)));
        assert!(new < name && name < number && number < passages, "isolated");
        assert_eq!(
            isolate_quotes("«open", false),
            "\u{200e}«\u{2068}open\u{2069}"
        );
        assert_eq!(isolate_quotes("a » b", false), "\u{200e}a » b");
        assert_eq!(
            isolate_quotes("“تقدير.ron” has «x»", false),
            "\u{200e}“\u{2068}تقدير.ron\u{2069}” has «\u{2068}x\u{2069}»"
        );
    }

    #[test]
    fn words_come_in_visual_order_for_egui() {
        let mut paint = TextPaint::new();
        assert_eq!(visual_order(&mut paint, "تهديدات داعش"), "داعش تهديدات");
        assert_eq!(visual_order(&mut paint, "ISIS threats"), "ISIS threats");
        assert_eq!(visual_order(&mut paint, ""), "");
    }

    #[test]
    fn rtl_names_are_isolated_for_the_window_title() {
        assert_eq!(isolate_for_os("ws.ron"), "ws.ron");
        assert_eq!(isolate_for_os("العراق.ron"), "\u{2067}العراق.ron\u{2069}");
    }
}
