//! Points and rectangles in layout pixels, independent of any GUI toolkit.
//!
//! Layout pixels are physical pixels: points × `pixels_per_point` × zoom (see
//! [`LayoutParams::scale`](super::LayoutParams::scale)). `x` grows to the right, `y` downwards.

/// A point in layout pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    #[must_use]
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// An axis-aligned rectangle in layout pixels, `x0 <= x1`, `y0 <= y1`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    #[must_use]
    pub const fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Self {
        Self { x0, y0, x1, y1 }
    }

    #[must_use]
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    #[must_use]
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    /// The same rectangle moved down by `dy`.
    #[must_use]
    pub fn translated_y(self, dy: f32) -> Self {
        Self::new(self.x0, self.y0 + dy, self.x1, self.y1 + dy)
    }

    #[allow(clippy::cast_possible_truncation)] // layout coordinates fit f32
    pub(crate) fn from_parley(bbox: parley::BoundingBox) -> Self {
        Self::new(
            bbox.x0 as f32,
            bbox.y0 as f32,
            bbox.x1 as f32,
            bbox.y1 as f32,
        )
    }
}
