//! Small widgets shared by the panels: labelled text fields that send typing edits (through
//! [`crate::app::paint::bidi_edit`]), colour swatches, tag chips and the framed cards of the determinant
//! and scenario lists.

use egui::{Color32, Response, Ui};

use crate::app::command::AppCommand;
use crate::app::paint::bidi_edit::bidi_text_edit;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_chip, bidi_label, egui_text, ui_button, ui_small_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::Removal;
use crate::edit::Edit;
use crate::i18n::Locale;
use crate::model::{Colour, LinkTarget, Passage, SourceGrade, Tag, Workspace};
use crate::tr;

/// The colour as egui paints it.
#[must_use]
pub fn color32(colour: Colour) -> Color32 {
    let [r, g, b] = colour.0;
    Color32::from_rgb(r, g, b)
}

/// Text that reads well on the light highlight colours of the palette.
pub const INK: Color32 = Color32::from_gray(20);

/// A small filled square in `colour`.
pub fn swatch(ui: &mut Ui, colour: Colour) -> Response {
    let size = egui::vec2(12.0, 12.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color32(colour));
    response
}

/// A tag's name on its colour.
pub fn tag_chip(ui: &mut Ui, paint: &mut TextPaint, tag: &Tag) -> Response {
    bidi_chip(ui, paint, &tag.name, color32(tag.colour), INK)
}

/// The first `max` characters of `text` on one line, with `…` when cut.
#[must_use]
pub fn shorten(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// How a text field was used this frame.
pub struct FieldResponse {
    /// The new text, when the user changed it.
    pub changed: Option<String>,
    pub lost_focus: bool,
    /// The field's widget id (to give it the focus).
    pub id: egui::Id,
    /// Where the field was drawn (to scroll it into view).
    pub rect: egui::Rect,
}

impl FieldResponse {
    /// Sends the typing edit built from the new text, and ends the typing run on focus loss.
    pub fn send(self, out: &mut Vec<AppCommand>, edit: impl FnOnce(String) -> Edit) {
        if let Some(text) = self.changed {
            out.push(AppCommand::Type(edit(text)));
        }
        if self.lost_focus {
            out.push(AppCommand::EndTyping);
        }
    }
}

/// A text field showing `value` through the text layer (bidi, Arabic right-aligned), named
/// `name` for screen readers and tests; with `visible` the name is also shown as a label above
/// it. `rows` above 1 makes a multi-line field (memos, descriptions).
pub fn text_field(
    ui: &mut Ui,
    paint: &mut TextPaint,
    name: &str,
    visible: bool,
    value: &str,
    rows: usize,
) -> FieldResponse {
    let label_id = visible.then(|| bidi_label(ui, paint, name, LabelStyle::Body).id);
    let output = bidi_text_edit(ui, paint, value, rows);
    let response = match label_id {
        Some(id) => output.response.labelled_by(id),
        None => output.response.accessible_name(name),
    };
    FieldResponse {
        changed: output.changed,
        lost_focus: response.lost_focus(),
        id: response.id,
        rect: response.rect,
    }
}

/// Gives `field` the keyboard focus and scrolls it into view, then says it was done (the
/// [`crate::app::state::Reveal`] asked for is met). A new item's name (`select`) is selected
/// whole, so what the analyst types replaces it.
pub fn reveal_field(
    ui: &Ui,
    paint: &mut TextPaint,
    field: &FieldResponse,
    select: bool,
    out: &mut Vec<AppCommand>,
) {
    ui.memory_mut(|m| m.request_focus(field.id));
    if select {
        paint.select_all_in_field(field.id);
    }
    ui.scroll_to_rect(field.rect, Some(egui::Align::Center));
    out.push(AppCommand::Revealed);
}

/// A memo field (multi-line) on a brief, tag, determinant or scenario under a small
/// `caption` (if any), named `name` for screen readers and tests, sending [`Edit::SetMemo`] as the
/// analyst types (one undo step per typing run); `reveal` gives it the focus and brings it
/// into view.
#[allow(clippy::too_many_arguments)] // one field's context, passed once
pub fn memo_field(
    ui: &mut Ui,
    paint: &mut TextPaint,
    ws: &Workspace,
    on: crate::model::MemoTarget,
    caption: Option<&str>,
    name: &str,
    reveal: bool,
    out: &mut Vec<AppCommand>,
) {
    if let Some(caption) = caption {
        bidi_label(ui, paint, caption, LabelStyle::Weak);
    }
    let field = text_field(ui, paint, name, false, ws.memos.get(on), 3);
    if reveal {
        reveal_field(ui, paint, &field, false, out);
    }
    field.send(out, |memo| Edit::SetMemo { on, memo });
}

/// The remove button at the trailing end of a row (the right in English, the left in Arabic),
/// named `name` for screen readers and tests, with a context menu entry doing the same on the
/// rest of the row (`row`). It only asks: [`AppCommand::AskRemove`] opens the dialog that says
/// what goes with the item, so a list that shifts after a removal never puts another item's
/// removal under the mouse.
pub fn remove_button(
    ui: &mut Ui,
    paint: &mut TextPaint,
    loc: Locale,
    name: &str,
    removal: Removal,
    out: &mut Vec<AppCommand>,
) {
    let layout = if paint.interface_rtl() {
        egui::Layout::left_to_right(egui::Align::Center)
    } else {
        egui::Layout::right_to_left(egui::Align::Center)
    };
    ui.with_layout(layout, |ui| {
        if ui_small_button(ui, paint, &tr!(loc, "button-remove-ask"))
            .on_hover_text(egui_text(paint, name))
            .accessible_name(name)
            .clicked()
        {
            out.push(AppCommand::AskRemove(removal));
        }
    });
}

/// A context menu on `response` with one entry, *Remove…*, that asks as [`remove_button`] does.
pub fn remove_context_menu(
    response: &Response,
    paint: &mut TextPaint,
    loc: Locale,
    removal: Removal,
    out: &mut Vec<AppCommand>,
) {
    // A card or row is a container: its right click is a click on any part of it that is not
    // a widget taking clicks itself.
    response.container_context_menu(|ui| {
        if ui_button(ui, paint, &tr!(loc, "button-remove-ask")).clicked() {
            out.push(AppCommand::AskRemove(removal));
            ui.close();
        }
    });
}

/// One item of a list of link targets (a determinant, a scenario): a framed group showing how
/// many passages link to `target` and, at the row's end, the remove button named
/// `remove_name(name)`; then `contents`, which gets the name the item's controls are announced
/// by (its title, or "(untitled)").
#[allow(clippy::too_many_arguments)] // one card's context, passed once
pub fn link_target_card(
    ui: &mut Ui,
    loc: Locale,
    ws: &Workspace,
    title: &str,
    target: LinkTarget,
    paint: &mut TextPaint,
    removal: (Removal, &dyn Fn(&str) -> String),
    out: &mut Vec<AppCommand>,
    contents: impl FnOnce(&mut Ui, &mut TextPaint, &mut Vec<AppCommand>, &str),
) {
    ui.add_space(4.0);
    let card = egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let untitled = tr!(loc, "untitled");
        let name = if title.trim().is_empty() {
            untitled.as_str()
        } else {
            title
        };
        let count = ws
            .passages
            .iter()
            .filter(|p| p.links.iter().any(|l| l.target == target))
            .count();
        ui.horizontal(|ui| {
            bidi_label(
                ui,
                paint,
                &tr!(loc, "linked-passages", count = count),
                LabelStyle::Weak,
            );
            remove_button(ui, paint, loc, &(removal.1)(name), removal.0, out);
        });
        contents(ui, paint, out, name);
    });
    remove_context_menu(&card.response, paint, loc, removal.0, out);
}

/// A source grade as a badge ("B2"), with its definitions on hover; nothing when ungraded.
pub fn grade_badge(ui: &mut Ui, loc: Locale, paint: &mut TextPaint, grade: SourceGrade) {
    let Some(badge) = grade.badge() else {
        return;
    };
    let fill = ui.visuals().widgets.inactive.bg_fill;
    let ink = ui.visuals().strong_text_color();
    let response = bidi_chip(ui, paint, &badge, fill, ink);
    let mut lines = vec![tr!(loc, "grade-badge", badge = badge.as_str())];
    if let Some(r) = grade.reliability {
        lines.push(loc.reliability(r));
    }
    if let Some(c) = grade.credibility {
        lines.push(loc.credibility(c));
    }
    let _ = response.on_hover_text(lines.join("\n"));
}

/// The grade a passage carries: its brief's reliability and its own credibility (or, when it
/// has none, its brief's).
#[must_use]
pub fn passage_grade(ws: &Workspace, passage: &Passage) -> SourceGrade {
    SourceGrade {
        reliability: ws.assessment.grade(passage.brief).reliability,
        credibility: ws.assessment.passage_credibility(passage.id, passage.brief),
    }
}

/// The heights of a list's rows as last built (`None` for rows not built yet), kept in egui's
/// memory under the list's id.
#[derive(Clone, Default)]
struct RowHeights(Vec<Option<f32>>);

/// A list of `count` rows of which only those in view are built: `add_row` gets each visible
/// row's index and a top-down `Ui` at its place. A row keeps the height it was last built
/// at; rows not built yet take the mean of those (`estimate` before any), so a list of
/// 50 000 rows costs what its visible rows cost, plus a sum of heights. Goes in a scroll area
/// (with other content before or after it, or alone); `salt` names the list within `ui`.
pub fn visible_rows(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    count: usize,
    estimate: f32,
    mut add_row: impl FnMut(&mut Ui, usize),
) {
    let id = ui.scope_id().with(salt);
    let mut heights =
        ui.data_mut(|d| std::mem::take(&mut d.get_temp_mut_or_default::<RowHeights>(id).0));
    heights.resize(count, None);
    let (sum, known) = heights
        .iter()
        .flatten()
        .fold((0.0, 0_usize), |(sum, n), h| (sum + h, n + 1));
    let estimate = if known > 0 {
        sum / known as f32
    } else {
        estimate
    };
    let spacing = ui.spacing().item_spacing.y;
    let origin = ui.cursor().min;
    let width = ui.available_width();
    let clip = ui.clip_rect();
    let mut y = origin.y;
    let mut changed = false;
    for (index, height) in heights.iter_mut().enumerate() {
        let current = height.unwrap_or(estimate);
        if y + current >= clip.min.y && y <= clip.max.y {
            let rect = egui::Rect::from_min_size(egui::pos2(origin.x, y), egui::vec2(width, 1e6));
            let mut row = ui.new_child(
                egui::UiBuilder::new()
                    .id_salt((id, index))
                    .max_rect(rect)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            add_row(&mut row, index);
            let measured = row.min_rect().height();
            if (measured - current).abs() > 0.5 {
                changed = true;
            }
            *height = Some(measured);
            y += measured + spacing;
        } else {
            y += current + spacing;
        }
    }
    let total = (y - origin.y - spacing).max(0.0);
    ui.advance_cursor_after_rect(egui::Rect::from_min_size(origin, egui::vec2(width, total)));
    if changed {
        // Rows below one whose height was a guess stand where the guess put them: place them
        // again on the next frame.
        ui.ctx().request_repaint();
    }
    ui.data_mut(|d| d.insert_temp(id, RowHeights(heights)));
}
