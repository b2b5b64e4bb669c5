//! A painted grid with sticky headers: the column headers stay at the top and the row headers
//! at the side while the cells scroll both ways. Only the cells in view are painted and made
//! into widgets, so a grid of any size costs what the view shows.
//!
//! In a right-to-left interface the grid is mirrored: the row headers sit on the right, the
//! first column next to them and the last one at the left, and the view starts at the right
//! end. The grid is laid out in *logical* coordinates (x from the start side) and each part's
//! rectangle is mirrored just before it is drawn.

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
    /// The interface reads right to left: the grid is mirrored.
    pub rtl: bool,
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

/// Mirrors logical x (from the start side) into screen x within a content of width `width`
/// that starts at `left`.
#[derive(Clone, Copy)]
struct Mirror {
    rtl: bool,
    left: f32,
    width: f32,
}

impl Mirror {
    /// The screen rectangle of a logical one (x relative to the content's start, y already on
    /// screen).
    fn rect(self, logical: Rect) -> Rect {
        let (min_x, max_x) = if self.rtl {
            (
                self.left + self.width - logical.max.x,
                self.left + self.width - logical.min.x,
            )
        } else {
            (self.left + logical.min.x, self.left + logical.max.x)
        };
        Rect::from_x_y_ranges(min_x..=max_x, logical.y_range())
    }

    /// The logical x range of a screen one.
    fn logical(self, min_x: f32, max_x: f32) -> (f32, f32) {
        if self.rtl {
            (self.width - max_x, self.width - min_x)
        } else {
            (min_x, max_x)
        }
    }
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
        // Mirrored, the view starts at the right end (where the row headers are) and stays
        // there until the analyst scrolls.
        .stick_to_right(spec.rtl)
        .show_viewport(ui, |ui, viewport| {
            let origin = ui.max_rect().min;
            // Mirrored, a grid narrower than the view keeps to its right edge.
            let width = if spec.rtl {
                total.x.max(ui.max_rect().width())
            } else {
                total.x
            };
            let _ = ui.allocate_rect(
                Rect::from_min_size(origin, vec2(width, total.y)),
                Sense::hover(),
            );
            let mirror = Mirror {
                rtl: spec.rtl,
                left: origin.x,
                width,
            };
            let clip = ui.clip_rect();
            // The part of the content in view, logically (x from the start side, y on screen).
            let (from_x, to_x) = mirror.logical(viewport.min.x, viewport.max.x);
            let shown = Rect::from_x_y_ranges(
                from_x..=to_x,
                (origin.y + viewport.min.y)..=(origin.y + viewport.max.y),
            );
            let body = Rect::from_min_max(
                shown.min + vec2(spec.header_width, spec.header_height),
                shown.max,
            );
            let rows = visible(viewport.min.y, viewport.max.y, spec.cell.y, spec.rows);
            let columns = visible(from_x, to_x, spec.cell.x, spec.columns);
            let cell_rect = |row: usize, column: usize| {
                #[expect(clippy::cast_precision_loss, reason = "small indices")]
                let min = egui::pos2(
                    spec.header_width + column as f32 * spec.cell.x,
                    origin.y + spec.header_height + row as f32 * spec.cell.y,
                );
                Rect::from_min_size(min, spec.cell)
            };
            // Draws `part` at the logical `rect`, clipped to the logical `area` and the view.
            let mut part_ui =
                |ui: &mut Ui, paint: &mut TextPaint, part: Part, rect: Rect, area: Rect| {
                    let (rect, area) = (mirror.rect(rect), mirror.rect(area).intersect(clip));
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
            let fill = ui.visuals().panel_fill;
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
                    .with_clip_rect(mirror.rect(top).intersect(clip))
                    .rect_filled(mirror.rect(rect), 0.0, fill);
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
                    .with_clip_rect(mirror.rect(side).intersect(clip))
                    .rect_filled(mirror.rect(rect), 0.0, fill);
                part_ui(ui, paint, Part::Row(row), rect, side);
            }
            let corner =
                Rect::from_min_size(shown.min, vec2(spec.header_width, spec.header_height));
            ui.painter()
                .with_clip_rect(clip)
                .rect_filled(mirror.rect(corner), 0.0, fill);
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
    use super::{Mirror, visible};
    use egui::{Rect, pos2};

    #[test]
    fn mirrored_the_start_side_is_on_the_right() {
        let logical = Rect::from_min_max(pos2(0.0, 5.0), pos2(100.0, 25.0));
        let ltr = Mirror {
            rtl: false,
            left: 10.0,
            width: 500.0,
        };
        assert_eq!(
            ltr.rect(logical),
            Rect::from_min_max(pos2(10.0, 5.0), pos2(110.0, 25.0))
        );
        let rtl = Mirror { rtl: true, ..ltr };
        assert_eq!(
            rtl.rect(logical),
            Rect::from_min_max(pos2(410.0, 5.0), pos2(510.0, 25.0))
        );
        // The view's right end is the logical start.
        assert_eq!(rtl.logical(400.0, 500.0), (0.0, 100.0));
        assert_eq!(ltr.logical(400.0, 500.0), (400.0, 500.0));
    }

    #[test]
    fn only_the_rows_in_view_are_drawn() {
        assert_eq!(visible(0.0, 100.0, 40.0, 30), 0..4);
        assert_eq!(visible(400.0, 500.0, 40.0, 30), 10..14);
        assert_eq!(visible(1100.0, 1300.0, 40.0, 30), 27..30);
        assert_eq!(visible(0.0, 100.0, 40.0, 0), 0..0);
    }
}
