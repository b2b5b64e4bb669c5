//! A painted grid with sticky headers: the column headers stay at the top and the row headers
//! at the side while the cells scroll both ways. Only the cells in view are painted and made
//! into widgets, so a grid of any size costs what the view shows.

use egui::{Rect, Response, Sense, Ui, vec2};

use crate::app::paint::text_paint::TextPaint;

/// The shape of a grid, in points.
#[derive(Clone, Copy, Debug)]
pub struct GridSpec {
    pub rows: usize,
    pub columns: usize,
    /// The width of the row headers.
    pub header_width: f32,
    /// The height of the column headers.
    pub header_height: f32,
    pub cell: egui::Vec2,
    /// The most height the grid takes before it scrolls.
    pub max_height: f32,
}

/// Which part of the grid is being drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The top corner, over the row headers.
    Corner,
    Column(usize),
    Row(usize),
    Cell {
        row: usize,
        column: usize,
    },
}

/// Shows the grid `spec` in a scroll area named `id`; `draw` paints each part in view into its
/// rectangle (clipped to where that part may show) and is given the part's click response,
/// which it names for assistive technology.
pub fn grid_ui(
    ui: &mut Ui,
    paint: &mut TextPaint,
    id: &str,
    spec: GridSpec,
    mut draw: impl FnMut(&mut Ui, &mut TextPaint, Part, Rect, &Response),
) {
    let id = ui.make_persistent_id(id);
    #[expect(clippy::cast_precision_loss, reason = "grids are far below 2^24 cells")]
    let total = vec2(
        spec.header_width + spec.columns as f32 * spec.cell.x,
        spec.header_height + spec.rows as f32 * spec.cell.y,
    );
    egui::ScrollArea::both()
        .id_salt(id)
        .max_height(spec.max_height)
        .auto_shrink([false, true])
        .show_viewport(ui, |ui, viewport| {
            let origin = ui.max_rect().min;
            let _ = ui.allocate_rect(Rect::from_min_size(origin, total), Sense::hover());
            let clip = ui.clip_rect();
            let shown = Rect::from_min_max(
                origin + viewport.min.to_vec2(),
                origin + viewport.max.to_vec2(),
            );
            let body = Rect::from_min_max(
                shown.min + vec2(spec.header_width, spec.header_height),
                shown.max,
            )
            .intersect(clip);
            let rows = visible(viewport.min.y, viewport.max.y, spec.cell.y, spec.rows);
            let columns = visible(viewport.min.x, viewport.max.x, spec.cell.x, spec.columns);
            let cell_rect = |row: usize, column: usize| {
                #[expect(clippy::cast_precision_loss, reason = "small indices")]
                let min = origin
                    + vec2(
                        spec.header_width + column as f32 * spec.cell.x,
                        spec.header_height + row as f32 * spec.cell.y,
                    );
                Rect::from_min_size(min, spec.cell)
            };
            let mut part_ui =
                |ui: &mut Ui, paint: &mut TextPaint, part: Part, rect: Rect, area: Rect| {
                    let area = area.intersect(clip);
                    if !area.intersects(rect) {
                        return;
                    }
                    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
                    child.set_clip_rect(area.intersect(rect));
                    let response = child.interact(rect, id.with(part_key(part)), Sense::click());
                    draw(&mut child, paint, part, rect, &response);
                };
            for row in rows.clone() {
                for column in columns.clone() {
                    part_ui(
                        ui,
                        paint,
                        Part::Cell { row, column },
                        cell_rect(row, column),
                        body,
                    );
                }
            }
            // The headers, painted over the cells that scroll beneath them.
            let top = Rect::from_min_max(
                egui::pos2(shown.min.x + spec.header_width, shown.min.y),
                egui::pos2(shown.max.x, shown.min.y + spec.header_height),
            );
            for column in columns {
                let x = cell_rect(0, column).min.x;
                let rect = Rect::from_min_size(
                    egui::pos2(x, shown.min.y),
                    vec2(spec.cell.x, spec.header_height),
                );
                ui.painter()
                    .with_clip_rect(top.intersect(clip))
                    .rect_filled(rect, 0.0, ui.visuals().panel_fill);
                part_ui(ui, paint, Part::Column(column), rect, top);
            }
            let side = Rect::from_min_max(
                egui::pos2(shown.min.x, shown.min.y + spec.header_height),
                egui::pos2(shown.min.x + spec.header_width, shown.max.y),
            );
            for row in rows {
                let y = cell_rect(row, 0).min.y;
                let rect = Rect::from_min_size(
                    egui::pos2(shown.min.x, y),
                    vec2(spec.header_width, spec.cell.y),
                );
                ui.painter()
                    .with_clip_rect(side.intersect(clip))
                    .rect_filled(rect, 0.0, ui.visuals().panel_fill);
                part_ui(ui, paint, Part::Row(row), rect, side);
            }
            let corner =
                Rect::from_min_size(shown.min, vec2(spec.header_width, spec.header_height));
            ui.painter()
                .with_clip_rect(clip)
                .rect_filled(corner, 0.0, ui.visuals().panel_fill);
            part_ui(ui, paint, Part::Corner, corner, corner);
        });
}

/// The indices of the rows (or columns) of size `size` that show between `from` and `to`
/// (content coordinates, headers included: a little more than needed is fine).
fn visible(from: f32, to: f32, size: f32, count: usize) -> std::ops::Range<usize> {
    if size <= 0.0 || count == 0 {
        return 0..0;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped"
    )]
    let first = (from / size).floor().max(0.0) as usize;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped"
    )]
    let last = (to / size).ceil().max(0.0) as usize + 1;
    first.min(count)..last.min(count)
}

fn part_key(part: Part) -> (u8, usize, usize) {
    match part {
        Part::Corner => (0, 0, 0),
        Part::Column(c) => (1, 0, c),
        Part::Row(r) => (2, r, 0),
        Part::Cell { row, column } => (3, row, column),
    }
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn only_the_rows_in_view_are_drawn() {
        assert_eq!(visible(0.0, 100.0, 40.0, 30), 0..4);
        assert_eq!(visible(400.0, 500.0, 40.0, 30), 10..14);
        assert_eq!(visible(1100.0, 1300.0, 40.0, 30), 27..30);
        assert_eq!(visible(0.0, 100.0, 40.0, 0), 0..0);
    }
}
