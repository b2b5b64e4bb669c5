//! Text fields through the text layer: [`bidi_text_edit`] replaces egui's `TextEdit` where the
//! analyst types names, titles, metadata and memos, so Arabic is shown with bidi, right-aligned,
//! and the caret, selection, copy and paste work in logical text.
//!
//! Each field's [`TextEditor`] (parley's `PlainEditor`) lives in
//! [`FieldEditors`](super::field_editors::FieldEditors), a small map
//! in [`TextPaint`] keyed by the field's egui `Id`, next to the engine whose font and layout
//! contexts the editor needs. Like the label cache it is a cache of what is on screen: the
//! value is always the model's. When the model's value differs from the one the field last
//! saw or sent (undo, another passage selected), the editor takes it, focused or not.
//!
//! Focus, Tab, the frame and accesskit work as for egui's `TextEdit`: the field reports role
//! `TextInput` (`MultilineTextInput` for memos) with its value, so screen readers and kittest
//! find it by its label and type into it.

use egui::{
    CursorIcon, Event, EventFilter, Id, ImeEvent, Key, Modifiers, Response, Sense, Stroke, Ui,
    WidgetInfo, accesskit, vec2,
};

use super::field_editors::FieldState;
use super::text_paint::{PixelFrame, TextPaint};
use crate::text::{FontRole, TextEditor, TextEngine, TextStyle};

/// The caret's width in points.
const CARET_WIDTH: f32 = 1.5;

/// What a field did this frame.
pub struct EditOutput {
    pub response: Response,
    /// The new text, when the user changed it.
    pub changed: Option<String>,
}

/// A text field showing `value`: one line when `rows` is 1 (line breaks typed or pasted become
/// spaces, Enter leaves the field), else at least `rows` lines that wrap, where Enter starts a
/// new line. The caller names it (`labelled_by` or `accessible_name`).
pub fn bidi_text_edit(ui: &mut Ui, paint: &mut TextPaint, value: &str, rows: usize) -> EditOutput {
    let multiline = rows > 1;
    let id = ui.next_auto_id();
    ui.skip_ahead_auto_ids(1);
    let ppp = ui.ctx().pixels_per_point();
    let pass = ui.ctx().cumulative_pass_nr();
    let style = field_style(ui);
    let row_height = style.font_size * style.line_height;
    let margin = ui.spacing().button_padding;
    let width = ui.available_width().max(40.0);
    let inner_width = width - 2.0 * margin.x;
    let has_focus = ui.memory(|m| m.has_focus(id));

    let (fields, engine) = paint.fields_and_engine();
    let select_all = fields.take_select_all(id);
    let field = fields.get(engine, id, style, multiline, pass);
    field.editor.set_geometry(engine, inner_width * ppp, ppp);
    if field.value != value {
        // A value from the model (a new field, undo, another passage): the caret goes to its
        // end, as in egui's text edit.
        field.editor.set_text(engine, value);
        field.editor.text_end(engine, false);
        value.clone_into(&mut field.value);
    }
    if select_all {
        field.editor.select_all(engine);
    }
    // Assistive technologies set the whole value without focusing the field first.
    let set_value = ui.input(|i| {
        i.accesskit_action_requests(id, accesskit::Action::SetValue)
            .filter_map(|r| match &r.data {
                Some(accesskit::ActionData::Value(v)) => Some(v.to_string()),
                _ => None,
            })
            .last()
    });
    if let Some(text) = &set_value {
        field.editor.set_text(engine, text);
    }

    let text_height = |editor: &TextEditor| editor.size().1 / ppp;
    let inner_height = if multiline {
        (row_height * rows as f32).max(text_height(&field.editor))
    } else {
        row_height
    };
    let height = (inner_height + 2.0 * margin.y).max(ui.spacing().interact_size.y);
    let (_, rect) = ui.allocate_space(vec2(width, height));
    let mut response = ui.interact(rect, id, Sense::click_and_drag());
    let inner = rect.shrink2(vec2(margin.x, (height - inner_height) / 2.0));

    let before = field.editor.text();
    let selection_before = field.editor.selection();
    let frame = layout_frame(field, inner, ppp);
    pointer_input(ui, &response, field, engine, frame);
    let has_focus = has_focus || ui.memory(|m| m.has_focus(id));
    if has_focus {
        keyboard_input(ui, id, field, engine);
    } else if field.editor.is_composing() {
        // Focus went elsewhere mid-composition: the preedit was never typed.
        field.editor.set_preedit(engine, "", None);
    }

    let text = field.editor.text();
    let changed = (text != before || set_value.is_some()) && text != value;
    if changed {
        text.clone_into(&mut field.value);
        response.mark_changed();
        // A memo may have grown a line: lay the panel out again with the new height.
        ui.ctx().request_repaint();
    }
    let moved = changed || field.editor.selection() != selection_before;
    if has_focus {
        keep_caret_visible(field, inner, ppp);
    } else {
        show_start(field, inner, ppp);
    }
    let cut = !field.multiline && field.editor.size().0 / ppp > inner.width() + 0.5;
    let scroll = field.scroll;
    let frame = layout_frame(field, inner, ppp);

    if response.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::Text);
    }
    let caret = field
        .editor
        .caret_rect(CARET_WIDTH * ppp)
        .map(|r| frame.rect_to_screen(r));
    if has_focus
        && moved
        && let Some(caret) = caret
    {
        ui.scroll_to_rect(caret.expand(margin.y), None);
    }

    let selection: Vec<egui::Rect> = if has_focus {
        field
            .editor
            .selection_rects()
            .into_iter()
            .map(|r| frame.rect_to_screen(r))
            .collect()
    } else {
        Vec::new()
    };
    let preedit: Vec<egui::Rect> = field
        .editor
        .preedit_rects()
        .into_iter()
        .map(|r| frame.rect_to_screen(r))
        .collect();
    let ime_area = frame.rect_to_screen(field.editor.ime_area());
    let runs = field.editor.glyph_runs();

    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let widget = ui.style().interact(&response);
        let stroke = if has_focus {
            visuals.selection.stroke
        } else {
            widget.bg_stroke
        };
        let painter = ui.painter();
        painter.rect(
            rect,
            widget.corner_radius,
            visuals.text_edit_bg_color(),
            stroke,
            egui::StrokeKind::Inside,
        );
        let clip = inner
            .expand2(vec2(CARET_WIDTH, 0.0))
            .intersect(ui.clip_rect());
        let painter = painter.with_clip_rect(clip);
        for r in selection {
            painter.rect_filled(r, 0.0, visuals.selection.bg_fill);
        }
        let text_colour = visuals.widgets.inactive.text_color();
        paint.paint_runs(&painter, runs, frame, text_colour);
        for r in preedit {
            painter.hline(r.x_range(), r.bottom() - 1.0, Stroke::new(1.0, text_colour));
        }
        if has_focus && let Some(caret) = caret {
            painter.rect_filled(caret, 0.0, visuals.text_cursor.stroke.color);
        }
    }

    if has_focus {
        let to_global = ui
            .ctx()
            .layer_transform_to_global(ui.layer_id())
            .unwrap_or_default();
        let cursor_rect = caret.unwrap_or(ime_area);
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect: to_global * inner,
                cursor_rect: to_global * cursor_rect,
                should_interrupt_composition: false,
            });
        });
    }

    if cut && !has_focus {
        // The start is shown; the whole value is a hover away.
        response = response.on_hover_ui(|ui| {
            ui.set_max_width(ui.spacing().tooltip_width);
            crate::app::paint::bidi_label::bidi_label(
                ui,
                paint,
                value,
                crate::app::paint::bidi_label::LabelStyle::Body,
            );
        });
    }
    let enabled = ui.is_enabled();
    response.widget_info(|| WidgetInfo::text_edit(enabled, value, &text, ""));
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(if multiline {
            accesskit::Role::MultilineTextInput
        } else {
            accesskit::Role::TextInput
        });
        // How far a wide single line is scrolled from its left end, in points (0 shows the
        // left end): an unfocused field shows the start of its value, at the left when the
        // value reads left to right, at the right when it reads right to left.
        node.set_scroll_x(f64::from(-scroll));
        node.add_action(accesskit::Action::SetValue);
        node.add_action(accesskit::Action::ReplaceSelectedText);
    });

    EditOutput {
        response,
        changed: changed.then_some(text),
    }
}

/// The interface face a little larger than egui's body text, as names are shown.
fn field_style(ui: &Ui) -> TextStyle {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    TextStyle {
        role: FontRole::Interface,
        font_size: size + 1.0,
        line_height: 1.35,
    }
}

/// Where the editor's layout sits: the inner rectangle's top-left corner, moved by the
/// scroll of a wide single line, or right-aligned when a short single line is Arabic.
fn layout_frame(field: &FieldState, inner: egui::Rect, ppp: f32) -> PixelFrame {
    let mut origin = inner.min;
    if !field.multiline {
        let content = field.editor.size().0 / ppp;
        if content <= inner.width() {
            if field.editor.is_rtl() {
                origin.x += inner.width() - content;
            }
        } else {
            origin.x += field.scroll;
        }
    }
    PixelFrame::new(origin, ppp)
}

/// An unfocused single line wider than the field shows the start of its value: its left end
/// when it reads left to right, its right end when it reads right to left.
fn show_start(field: &mut FieldState, inner: egui::Rect, ppp: f32) {
    if field.multiline {
        return;
    }
    let content = field.editor.size().0 / ppp;
    let room = inner.width();
    field.scroll = if content > room && field.editor.is_rtl() {
        room - content
    } else {
        0.0
    };
}

/// Scrolls a single line wider than the field so the caret stays in view.
fn keep_caret_visible(field: &mut FieldState, inner: egui::Rect, ppp: f32) {
    if field.multiline {
        return;
    }
    let content = field.editor.size().0 / ppp;
    let room = inner.width();
    if content <= room {
        field.scroll = 0.0;
        return;
    }
    if let Some(caret) = field.editor.caret_rect(0.0) {
        let x = caret.x0 / ppp;
        // The caret's position in the field is x + scroll; keep it within [0, room].
        if x + field.scroll > room {
            field.scroll = room - x;
        } else if x + field.scroll < 0.0 {
            field.scroll = -x;
        }
    }
    field.scroll = field.scroll.clamp(room - content, 0.0);
}

/// Clicks place the caret (Shift extends), drags select, double clicks select a word and
/// triple clicks a line; any press on the field focuses it.
fn pointer_input(
    ui: &Ui,
    response: &Response,
    field: &mut FieldState,
    engine: &mut TextEngine,
    frame: PixelFrame,
) {
    let Some(pos) = ui.input(|i| i.pointer.interact_pos()) else {
        return;
    };
    let point = frame.to_layout(pos);
    let (pressed, shift) = ui.input(|i| (i.pointer.primary_pressed(), i.modifiers.shift));
    if pressed && response.hovered() {
        if shift {
            field.editor.extend_to(engine, point);
        } else {
            field.editor.click(engine, point);
        }
        field.dragging = true;
        ui.memory_mut(|m| m.request_focus(response.id));
    } else if field.dragging && response.dragged() {
        field.editor.extend_to(engine, point);
    }
    if !ui.input(|i| i.pointer.primary_down()) {
        field.dragging = false;
    }
    if response.triple_clicked() {
        field.editor.select_line_at(engine, point);
    } else if response.double_clicked() {
        field.editor.select_word_at(engine, point);
    }
}

/// Typing, deleting, moving, selecting, clipboard and IME events for the focused field.
fn keyboard_input(ui: &Ui, id: Id, field: &mut FieldState, engine: &mut TextEngine) {
    let filter = EventFilter {
        horizontal_arrows: true,
        vertical_arrows: true,
        tab: false,
        escape: false,
    };
    ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
    let events = ui.input(|i| i.filtered_events(&filter));
    let editor = &mut field.editor;
    let mut left = false;
    for event in events {
        match event {
            Event::Text(text) if !text.is_empty() && text != "\n" && text != "\r" => {
                editor.insert(engine, &text);
            }
            Event::Paste(text) if !text.is_empty() => editor.insert(engine, &text),
            Event::AccessKitActionRequest(accesskit::ActionRequest {
                action: accesskit::Action::ReplaceSelectedText,
                target_node,
                data: Some(accesskit::ActionData::Value(text)),
                ..
            }) if target_node == id.accesskit_id() => editor.insert(engine, &text),
            Event::Copy => {
                if let Some(text) = editor.selected_text() {
                    ui.ctx().copy_text(text);
                }
            }
            Event::Cut => {
                if let Some(text) = editor.selected_text() {
                    ui.ctx().copy_text(text);
                    editor.delete_selection(engine);
                }
            }
            // An empty preedit or commit ends a composition; without one it means nothing
            // (some integrations send them when the IME area moves).
            Event::Ime(ImeEvent::Preedit { text, .. })
                if !text.is_empty() || editor.is_composing() =>
            {
                let end = text.len();
                editor.set_preedit(engine, &text, Some((end, end)));
            }
            Event::Ime(ImeEvent::Commit(text)) if !text.is_empty() || editor.is_composing() => {
                editor.commit_preedit(engine, &text);
            }
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => left = key_press(ui, id, editor, engine, key, modifiers),
            _ => {}
        }
        if left {
            break;
        }
    }
}

/// One key press; `true` when it ended the editing (Enter in a single line).
fn key_press(
    ui: &Ui,
    id: Id,
    editor: &mut TextEditor,
    engine: &mut TextEngine,
    key: Key,
    modifiers: Modifiers,
) -> bool {
    let extend = modifiers.shift;
    // Ctrl (Alt on a Mac) moves and deletes by words.
    let word = modifiers.ctrl || modifiers.alt;
    match key {
        Key::Enter if !modifiers.command && !modifiers.alt => {
            if editor.is_multiline() {
                editor.insert(engine, "\n");
            } else {
                ui.memory_mut(|m| m.surrender_focus(id));
                return true;
            }
        }
        Key::Backspace if word => editor.backspace_word(engine),
        Key::Backspace => editor.backspace(engine),
        Key::Delete if word => editor.delete_word(engine),
        Key::Delete => editor.delete(engine),
        Key::ArrowLeft if word => editor.word_left(engine, extend),
        Key::ArrowLeft => editor.left(engine, extend),
        Key::ArrowRight if word => editor.word_right(engine, extend),
        Key::ArrowRight => editor.right(engine, extend),
        Key::ArrowUp => editor.up(engine, extend),
        Key::ArrowDown => editor.down(engine, extend),
        Key::Home if modifiers.command => editor.text_start(engine, extend),
        Key::Home => editor.line_start(engine, extend),
        Key::End if modifiers.command => editor.text_end(engine, extend),
        Key::End => editor.line_end(engine, extend),
        Key::A if modifiers.command => editor.select_all(engine),
        _ => {}
    }
    false
}
