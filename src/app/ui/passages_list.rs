//! The passages list: every passage of the workspace, filtered by brief, tag, determinant
//! and scenario, in columns — brief, quote, grade, tags, links with a mark for their relation,
//! memo, created — sorted by any of them (click a header; again reverses). A click shows the
//! passage in the reader; a right click opens it, copies its quote or deletes it (asking, as
//! every removal does). In an Arabic interface the columns run right to left.
//!
//! Only the rows in view are built, from texts made once per revision
//! ([`crate::app::lists::RowText`]), so the list of 50 000 passages costs what its visible
//! rows cost.

use egui::{Color32, Rect, Response, Role, Sense, Ui, WidgetInfo, pos2, vec2};

use super::widgets::{INK, color32, passage_grade, shorten};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::lists::RowText;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, bidi_selectable, combo_face, combo_item, egui_text, line_height,
    paint_combo_face, paint_line_in, text_width, ui_button, ui_small_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::{PassageColumn, PassageFilter, PassageSort, Removal};
use crate::i18n::Locale;
use crate::model::{Passage, Relation, Workspace};
use crate::tr;

/// The room between a cell's edge and its text.
const CELL_PADDING: f32 = 2.0;

pub fn passages_list_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let filter = view.state.filter;
    let lists = view.lists;
    ui.horizontal_wrapped(|ui| {
        let heading = tr!(
            loc,
            "passages-heading",
            shown = lists.filtered_len(),
            total = ws.passages.len()
        );
        bidi_label(ui, paint, &heading, LabelStyle::Strong);
        ui.separator();
        let mut f = filter;
        filter_combos_ui(ui, ws, loc, paint, &mut f);
        if f != filter {
            out.push(AppCommand::SetFilter(f));
        }
        if filter != PassageFilter::default()
            && ui_small_button(ui, paint, &tr!(loc, "passages-clear-filters")).clicked()
        {
            out.push(AppCommand::SetFilter(PassageFilter::default()));
        }
        ui.separator();
        legend_ui(ui, loc, paint);
    });
    ui.separator();
    let rtl = paint.interface_rtl();
    let sort = view.state.passage_sort;
    header_ui(ui, loc, paint, rtl, sort, out);
    let row_height = line_height(ui, LabelStyle::Body) + 2.0 * CELL_PADDING;
    if lists.filtered_len() == 0 {
        let text = if ws.passages.is_empty() {
            tr!(loc, "passages-empty")
        } else {
            tr!(loc, "passages-none-match")
        };
        bidi_label(ui, paint, &text, LabelStyle::Weak);
        return;
    }
    // Only the rows in view are built: the list may hold 50 000 passages.
    egui::ScrollArea::vertical()
        .id_salt("passages_scroll")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, lists.filtered_len(), |ui, rows| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for row in rows {
                if let Some((passage, text)) = lists.filtered_row_text(ws, row, loc) {
                    row_ui(ui, view, paint, passage, &text, row_height, out);
                }
            }
        });
}

/// The columns' spans across `rect`, from the leading edge (the left in English, the right in
/// Arabic): the grade, memo and created columns have fixed widths, the others share the rest.
fn column_spans(rect: Rect, rtl: bool) -> Vec<(PassageColumn, Rect)> {
    let fixed = |c: PassageColumn| match c {
        PassageColumn::Grade => Some(64.0),
        PassageColumn::Memo => Some(70.0),
        PassageColumn::Created => Some(160.0),
        _ => None,
    };
    let share = |c: PassageColumn| match c {
        PassageColumn::Brief => 0.2,
        PassageColumn::Quote => 0.35,
        PassageColumn::Tags => 0.2,
        _ => 0.25,
    };
    let fixed_total: f32 = PassageColumn::ALL.iter().filter_map(|c| fixed(*c)).sum();
    let rest = (rect.width() - fixed_total).max(200.0);
    let mut at = 0.0;
    PassageColumn::ALL
        .iter()
        .map(|&c| {
            let width = fixed(c).unwrap_or_else(|| rest * share(c));
            let (x0, x1) = if rtl {
                (rect.right() - at - width, rect.right() - at)
            } else {
                (rect.left() + at, rect.left() + at + width)
            };
            at += width;
            (
                c,
                Rect::from_x_y_ranges(x0..=x1, rect.top()..=rect.bottom()),
            )
        })
        .collect()
}

/// The column headers: each a button that sorts by its column (again: reversed), with an
/// arrow on the sorted one; the links header explains the marks.
fn header_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    rtl: bool,
    sort: PassageSort,
    out: &mut Vec<AppCommand>,
) {
    let height = line_height(ui, LabelStyle::Strong) + 2.0 * CELL_PADDING;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
    for (column, cell) in column_spans(rect, rtl) {
        let label = column.label(loc);
        let name = tr!(loc, "passages-sort-by", column = label.as_str());
        let sorted = sort.column == Some(column);
        let id = ui.scope_id().with(("passages_header", column));
        let response = ui.interact(cell, id, Sense::click());
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, sorted, &name));
        if ui.is_rect_visible(cell) {
            if response.hovered() || sorted {
                let fill = ui.style().interact(&response).weak_bg_fill;
                ui.painter().rect_filled(cell.shrink(1.0), 2.0, fill);
            }
            let arrow = 10.0;
            let text_rect = cell.shrink2(vec2(CELL_PADDING, 0.0));
            let text_rect = if rtl {
                text_rect.with_min_x(text_rect.min.x + arrow)
            } else {
                text_rect.with_max_x(text_rect.max.x - arrow)
            };
            paint_line_in(ui, paint, text_rect, &label, LabelStyle::Strong, None);
            if sorted {
                let x = if rtl {
                    cell.left() + CELL_PADDING + arrow / 2.0
                } else {
                    cell.right() - CELL_PADDING - arrow / 2.0
                };
                let colour = ui.visuals().strong_text_color();
                sort_arrow(ui, pos2(x, cell.center().y), sort.descending, colour);
            }
        }
        let mut tip = vec![if sorted && !sort.descending {
            tr!(loc, "passages-sort-tooltip-reverse")
        } else {
            tr!(loc, "passages-sort-tooltip")
        }];
        if column == PassageColumn::Links {
            // In words: egui's own fonts, which draw tooltips, have no triangles.
            tip.push(tr!(loc, "passages-marks-tooltip"));
        }
        let response = response.on_hover_text(egui_text(paint, &tip.join("\n")));
        if response.clicked() {
            out.push(AppCommand::SetPassageSort(sort.clicked(column)));
        }
    }
}

/// A small triangle pointing up (ascending) or down (descending) centred on `at`.
fn sort_arrow(ui: &Ui, at: egui::Pos2, descending: bool, colour: Color32) {
    let (w, h) = (4.0, 3.0);
    let points = if descending {
        vec![
            pos2(at.x - w, at.y - h),
            pos2(at.x + w, at.y - h),
            pos2(at.x, at.y + h),
        ]
    } else {
        vec![
            pos2(at.x - w, at.y + h),
            pos2(at.x + w, at.y + h),
            pos2(at.x, at.y - h),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        colour,
        egui::Stroke::NONE,
    ));
}

/// The colour of a relation's mark: green for supports, red for weakens, blue for indicator
/// (and a shape of its own each, for those who do not tell the colours apart).
fn relation_colour(relation: Relation) -> Color32 {
    match relation {
        Relation::Supports => Color32::from_rgb(40, 140, 70),
        Relation::Weakens => Color32::from_rgb(200, 55, 45),
        Relation::Indicator => Color32::from_rgb(40, 100, 200),
    }
}

/// A relation's mark centred on `at`: a triangle up (supports), a triangle down (weakens), a
/// diamond (indicator).
fn relation_mark(ui: &Ui, at: egui::Pos2, relation: Relation) {
    let r = 5.0;
    let points = match relation {
        Relation::Supports => vec![
            pos2(at.x - r, at.y + r * 0.8),
            pos2(at.x + r, at.y + r * 0.8),
            pos2(at.x, at.y - r * 0.9),
        ],
        Relation::Weakens => vec![
            pos2(at.x - r, at.y - r * 0.8),
            pos2(at.x + r, at.y - r * 0.8),
            pos2(at.x, at.y + r * 0.9),
        ],
        Relation::Indicator => vec![
            pos2(at.x, at.y - r),
            pos2(at.x + r, at.y),
            pos2(at.x, at.y + r),
            pos2(at.x - r, at.y),
        ],
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        relation_colour(relation),
        egui::Stroke::NONE,
    ));
}

/// The legend in words: "▲ supports · ▼ weakens · ◆ indicator".
fn legend_text(loc: Locale) -> String {
    tr!(
        loc,
        "passages-legend",
        supports = loc.relation(Relation::Supports),
        weakens = loc.relation(Relation::Weakens),
        indicator = loc.relation(Relation::Indicator)
    )
}

/// The marks of the links column with their meanings, painted in a row; one widget, named by
/// [`legend_text`].
fn legend_ui(ui: &mut Ui, loc: Locale, paint: &mut TextPaint) {
    let rtl = paint.interface_rtl();
    let words: Vec<(Relation, String)> = Relation::ALL
        .iter()
        .map(|r| (*r, loc.relation(*r)))
        .collect();
    let mark = 14.0;
    let gap = 10.0;
    let widths: Vec<f32> = words
        .iter()
        .map(|(_, w)| text_width(ui, paint, w, LabelStyle::Weak) + 2.0)
        .collect();
    let total: f32 = widths.iter().map(|w| mark + w + gap).sum::<f32>() - gap;
    let height = line_height(ui, LabelStyle::Weak);
    let (rect, response) = ui.allocate_exact_size(vec2(total.max(0.0), height), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, legend_text(loc)));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let mut at = 0.0;
    for ((relation, word), width) in words.iter().zip(&widths) {
        let span = mark + width;
        let (x0, x1) = if rtl {
            (rect.right() - at - span, rect.right() - at)
        } else {
            (rect.left() + at, rect.left() + at + span)
        };
        let (mark_x, text_rect) = if rtl {
            (
                x1 - mark / 2.0,
                Rect::from_x_y_ranges(x0..=x1 - mark, rect.y_range()),
            )
        } else {
            (
                x0 + mark / 2.0,
                Rect::from_x_y_ranges(x0 + mark..=x1, rect.y_range()),
            )
        };
        relation_mark(ui, pos2(mark_x, rect.center().y), *relation);
        paint_line_in(ui, paint, text_rect, word, LabelStyle::Weak, None);
        at += span + gap;
    }
}

/// One row: a selectable line named `brief — «quote»` whose cells are painted; the links and
/// memo cells say what they hold on hover. A right click opens the row's menu.
fn row_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    passage: &Passage,
    text: &RowText,
    height: f32,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let rtl = paint.interface_rtl();
    let selected = view.state.selected_passage == Some(passage.id);
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    let enabled = ui.is_enabled();
    response.widget_info(|| WidgetInfo::selected(Role::Button, enabled, selected, &text.label));
    if response.clicked() {
        out.push(AppCommand::ShowPassage(passage.id));
    }
    row_menu(&response, loc, paint, passage, out);
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.style().interact_selectable(&response, selected);
    if selected || response.hovered() || response.has_focus() {
        ui.painter()
            .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
    }
    let ink = visuals.text_color();
    for (column, cell) in column_spans(rect, rtl) {
        let inner = cell.shrink2(vec2(CELL_PADDING, 0.0));
        match column {
            PassageColumn::Brief => {
                paint_line_in(ui, paint, inner, &text.brief, LabelStyle::Weak, None);
            }
            PassageColumn::Quote => {
                paint_line_in(ui, paint, inner, &text.quote, LabelStyle::Body, Some(ink));
            }
            PassageColumn::Grade => {
                if let Some(badge) = &text.grade {
                    let fill = ui.visuals().widgets.inactive.bg_fill;
                    let strong = ui.visuals().strong_text_color();
                    chips(ui, paint, inner, rtl, [(badge.as_str(), fill, strong)]);
                    let cell_response =
                        ui.interact(cell, response.id.with("grade"), Sense::hover());
                    cell_response.widget_info(|| WidgetInfo::labeled(Role::Label, true, badge));
                    let tip = grade_tooltip(view.ws(), loc, passage);
                    let _ = cell_response.on_hover_text(egui_text(paint, &tip));
                }
            }
            PassageColumn::Tags => {
                chips(
                    ui,
                    paint,
                    inner,
                    rtl,
                    text.tags
                        .iter()
                        .map(|(name, colour)| (name.as_str(), color32(*colour), INK)),
                );
                if !text.tags.is_empty() {
                    let cell_response = ui.interact(cell, response.id.with("tags"), Sense::hover());
                    cell_response
                        .widget_info(|| WidgetInfo::labeled(Role::Label, true, &text.tags_label));
                    let tip = text.tags_label.replace(", ", "\n");
                    let _ = cell_response.on_hover_text(egui_text(paint, &tip));
                }
            }
            PassageColumn::Links => {
                links_cell(ui, paint, inner, rtl, text);
                if !text.links.is_empty() {
                    let cell_response =
                        ui.interact(cell, response.id.with("links"), Sense::hover());
                    cell_response
                        .widget_info(|| WidgetInfo::labeled(Role::Label, true, &text.links_label));
                    let tip = text.links_label.replace("; ", "\n");
                    let _ = cell_response.on_hover_text(egui_text(paint, &tip));
                }
            }
            PassageColumn::Memo => {
                if let Some(memo) = &text.memo {
                    memo_mark(ui, inner.center(), ink);
                    let cell_response = ui.interact(cell, response.id.with("memo"), Sense::hover());
                    let name = tr!(loc, "passages-has-memo");
                    cell_response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &name));
                    let _ = cell_response.on_hover_text(egui_text(paint, memo));
                }
            }
            PassageColumn::Created => {
                paint_line_in(ui, paint, inner, &text.created, LabelStyle::Weak, None);
            }
        }
    }
}

/// What a grade badge means: "Source grade B2", then the definitions of its letter and digit.
fn grade_tooltip(ws: &Workspace, loc: Locale, passage: &Passage) -> String {
    let grade = passage_grade(ws, passage);
    let mut lines = vec![tr!(
        loc,
        "grade-badge",
        badge = grade.badge().unwrap_or_default()
    )];
    if let Some(r) = grade.reliability {
        lines.push(loc.reliability(r));
    }
    if let Some(c) = grade.credibility {
        lines.push(loc.credibility(c));
    }
    lines.join("\n")
}

/// The row's context menu: open in the reader, copy the quote, delete (asking first, as every
/// removal does).
fn row_menu(
    response: &Response,
    loc: Locale,
    paint: &mut TextPaint,
    passage: &Passage,
    out: &mut Vec<AppCommand>,
) {
    response.context_menu(|ui| {
        if ui_button(ui, paint, &tr!(loc, "passages-open-in-reader")).clicked() {
            out.push(AppCommand::ShowPassage(passage.id));
            ui.close();
        }
        if ui_button(ui, paint, &tr!(loc, "passages-copy-quote")).clicked() {
            out.push(AppCommand::CopyQuote(passage.id));
            ui.close();
        }
        ui.separator();
        if ui_button(ui, paint, &tr!(loc, "inspector-delete-passage")).clicked() {
            out.push(AppCommand::AskRemove(Removal::Passage(passage.id)));
            ui.close();
        }
    });
}

/// Chips (a text on a fill) side by side from the cell's leading edge, clipped to the cell.
fn chips<'t>(
    ui: &Ui,
    paint: &mut TextPaint,
    cell: Rect,
    rtl: bool,
    items: impl IntoIterator<Item = (&'t str, Color32, Color32)>,
) {
    let padding = vec2(4.0, 1.0);
    let gap = 4.0;
    let painter = ui.painter().with_clip_rect(cell.intersect(ui.clip_rect()));
    let height = line_height(ui, LabelStyle::Small) + 2.0 * padding.y;
    let top = cell.center().y - height / 2.0;
    let mut at = 0.0;
    for (text, fill, ink) in items {
        if at >= cell.width() {
            break;
        }
        let width = text_width(ui, paint, text, LabelStyle::Small) + 2.0 + 2.0 * padding.x;
        let x0 = if rtl {
            cell.right() - at - width
        } else {
            cell.left() + at
        };
        let chip = Rect::from_min_size(pos2(x0, top), vec2(width, height));
        painter.rect_filled(chip, 2.0, fill);
        let inner = chip.shrink2(vec2(padding.x, 0.0)).intersect(cell);
        if inner.width() > 0.0 {
            paint_line_in(ui, paint, inner, text, LabelStyle::Small, Some(ink));
        }
        at += width + gap;
    }
}

/// The links: each a relation mark and its target's title, from the cell's leading edge.
fn links_cell(ui: &Ui, paint: &mut TextPaint, cell: Rect, rtl: bool, text: &RowText) {
    let mark = 14.0;
    let gap = 8.0;
    let mut at = 0.0;
    for (relation, title) in &text.links {
        if at >= cell.width() {
            break;
        }
        let title = shorten(title, 24);
        let width = text_width(ui, paint, &title, LabelStyle::Small) + 2.0;
        let span = mark + width;
        let (mark_x, text_x0) = if rtl {
            (cell.right() - at - mark / 2.0, cell.right() - at - span)
        } else {
            (cell.left() + at + mark / 2.0, cell.left() + at + mark)
        };
        if (mark_x - cell.center().x).abs() <= cell.width() / 2.0 {
            relation_mark(ui, pos2(mark_x, cell.center().y), *relation);
        }
        let text_rect =
            Rect::from_x_y_ranges(text_x0..=text_x0 + width, cell.y_range()).intersect(cell);
        if text_rect.width() > 0.0 {
            paint_line_in(ui, paint, text_rect, &title, LabelStyle::Small, None);
        }
        at += span + gap;
    }
}

/// The memo marker: a small sheet with lines.
fn memo_mark(ui: &Ui, at: egui::Pos2, colour: Color32) {
    let sheet = Rect::from_center_size(at, vec2(10.0, 12.0));
    let stroke = egui::Stroke::new(1.0, colour);
    ui.painter()
        .rect_stroke(sheet, 1.0, stroke, egui::StrokeKind::Inside);
    for i in 1..=3 {
        #[expect(clippy::cast_precision_loss, reason = "three lines")]
        let y = sheet.top() + 3.0 * i as f32;
        ui.painter().line_segment(
            [pos2(sheet.left() + 2.0, y), pos2(sheet.right() - 2.0, y)],
            stroke,
        );
    }
}

/// The four filters (brief, tag, determinant, scenario) as combo boxes, in a row; the passages
/// list and the export dialog show the same.
pub fn filter_combos_ui(
    ui: &mut Ui,
    ws: &Workspace,
    loc: Locale,
    paint: &mut TextPaint,
    f: &mut PassageFilter,
) {
    filter_combo(
        ui,
        loc,
        paint,
        &tr!(loc, "filter-brief"),
        &mut f.brief,
        ws.briefs.iter().map(|b| (b.id, b.display_title())),
    );
    filter_combo(
        ui,
        loc,
        paint,
        &tr!(loc, "filter-tag"),
        &mut f.tag,
        ws.tags_in_tree_order()
            .into_iter()
            .map(|t| (t.id, format!("{}{}", "  ".repeat(ws.tag_depth(t)), t.name))),
    );
    filter_combo(
        ui,
        loc,
        paint,
        &tr!(loc, "filter-determinant"),
        &mut f.determinant,
        ws.determinants.iter().map(|d| (d.id, d.title.clone())),
    );
    filter_combo(
        ui,
        loc,
        paint,
        &tr!(loc, "filter-scenario"),
        &mut f.scenario,
        ws.scenarios.iter().map(|s| (s.id, s.title.clone())),
    );
}

pub(crate) fn filter_combo<Id: Copy + PartialEq>(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    label: &str,
    value: &mut Option<Id>,
    options: impl Iterator<Item = (Id, String)>,
) {
    let options: Vec<(Id, String)> = options.collect();
    let any = tr!(loc, "any");
    let current = value
        .and_then(|v| options.iter().find(|(id, _)| *id == v))
        .map_or(any.as_str(), |(_, name)| name.as_str());
    let label = bidi_label(ui, paint, label, LabelStyle::Body);
    let face = shorten(current, 24);
    let combo = egui::ComboBox::from_id_salt(("passage_filter", label.id))
        .selected_text(combo_face(paint, &face))
        .show_ui(ui, |ui| {
            combo_item(ui, paint, value, None, &any);
            for (id, name) in &options {
                // Leading spaces indent (tags below their parent); bidi would move them.
                let trimmed = name.trim_start_matches(' ');
                ui.horizontal(|ui| {
                    #[expect(clippy::cast_precision_loss, reason = "indents are tiny")]
                    ui.add_space(4.0 * (name.len() - trimmed.len()) as f32);
                    if bidi_selectable(ui, paint, *value == Some(*id), trimmed).clicked() {
                        *value = Some(*id);
                    }
                });
            }
        });
    paint_combo_face(ui, paint, &combo.response, &face);
    let _ = combo.response.labelled_by(label.id);
}
