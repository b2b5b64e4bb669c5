//! A glyph atlas: every distinct glyph rasterised once, with vello_cpu, into one coverage image;
//! laid-out paragraphs become textured quads that sample it.
//!
//! A glyph is identified by its font (blob id and face index), glyph id, size (in 1/64 pixel),
//! variation coordinates and a horizontal subpixel bucket (quarters of a pixel). Quads are
//! placed on whole layout pixels — the fractional part of a glyph's pen position is baked into
//! the bucket's bitmap, its vertical position is rounded — so text drawn with nearest
//! filtering at one texel per physical pixel is sharp at any pixels-per-point.
//!
//! The image is white coverage on transparent: tint it with the text colour. It grows (taller,
//! then wider) when full; growing or clearing bumps [`GlyphAtlas::generation`], after which
//! the whole image must be uploaded again and earlier quads rebuilt. Between generations,
//! [`GlyphAtlas::take_dirty`] gives the rectangle written since the last call, for a partial
//! upload.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use vello_cpu::color::AlphaColor;
use vello_cpu::kurbo::Affine;
use vello_cpu::{Glyph, Pixmap, RenderContext, Resources};

use super::geometry::Point;
use super::layout::{ParagraphLayout, PlacedRun};

/// Horizontal positions per pixel a glyph is rasterised at.
pub const SUBPIXEL_STEPS: u8 = 4;

/// Empty pixels left between glyphs in the atlas.
const PADDING: u32 = 1;

/// The largest canvas side a single glyph is rasterised on.
const MAX_CANVAS: u32 = 2048;

/// One glyph to draw: a rectangle in layout pixels and the part of the atlas it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlyphQuad {
    /// `[x0, y0, x1, y1]` in layout pixels, whole numbers when the origin is whole.
    pub rect: [f32; 4],
    /// `[u0, v0, u1, v1]` normalised to the atlas size at the time the quads were built.
    pub uv: [f32; 4],
}

/// A rectangle of atlas pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AtlasRegion {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl AtlasRegion {
    /// The smallest region holding both.
    #[must_use]
    pub fn union(self, other: Self) -> Self {
        let x0 = self.x.min(other.x);
        let y0 = self.y.min(other.y);
        let x1 = (self.x + self.width).max(other.x + other.width);
        let y1 = (self.y + self.height).max(other.y + other.height);
        Self {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
        }
    }
}

/// What identifies one rasterised glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct GlyphKey {
    font: u64,
    index: u32,
    coords: u32,
    glyph: u32,
    /// Font size in 1/64 layout pixel.
    size: u32,
    subpixel: u8,
}

/// Where a glyph's bitmap is, and where it goes relative to its snapped pen position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    x: u32,
    y: u32,
    width: u32,
    height: u32,
    left: i32,
    top: i32,
}

impl Entry {
    /// A glyph without ink: nothing to draw.
    const EMPTY: Self = Self {
        x: 0,
        y: 0,
        width: 0,
        height: 0,
        left: 0,
        top: 0,
    };
}

/// A row of glyphs in the atlas.
#[derive(Clone, Copy, Debug)]
struct Shelf {
    y: u32,
    height: u32,
    /// The first free column.
    x: u32,
}

/// A glyph rasterised alone: its coverage, `width × height`, and the offset of its top-left
/// corner from the pen position.
struct Bitmap {
    width: u32,
    height: u32,
    left: i32,
    top: i32,
    coverage: Vec<u8>,
}

/// The render context and pixmap a glyph is rasterised in, sized for one font size.
struct Scratch {
    side: u16,
    ctx: RenderContext,
    pixmap: Pixmap,
}

/// Rasterised glyphs packed in one coverage image. See the [module documentation](self).
pub struct GlyphAtlas {
    width: u32,
    height: u32,
    max_side: u32,
    coverage: Vec<u8>,
    shelves: Vec<Shelf>,
    glyphs: HashMap<GlyphKey, Entry, FxBuild>,
    coords: HashMap<Vec<i16>, u32>,
    generation: u64,
    dirty: Option<AtlasRegion>,
    rasterised: u64,
    resources: Resources,
    scratch: Option<Scratch>,
}

impl GlyphAtlas {
    /// An atlas of 1024 × 512 pixels that grows up to 8192 pixels a side.
    #[must_use]
    pub fn new() -> Self {
        Self::with_size(1024, 512, 8192)
    }

    /// An atlas of `width × height` pixels that grows up to `max_side` pixels a side (the GPU's
    /// maximum texture side; egui reports it as `max_texture_side`).
    #[must_use]
    pub fn with_size(width: u32, height: u32, max_side: u32) -> Self {
        let max_side = max_side.max(16);
        let width = width.clamp(16, max_side);
        let height = height.clamp(16, max_side);
        Self {
            width,
            height,
            max_side,
            coverage: vec![0; pixel_count(width, height)],
            shelves: Vec::new(),
            glyphs: HashMap::default(),
            coords: HashMap::new(),
            generation: 0,
            dirty: None,
            rasterised: 0,
            resources: Resources::new(),
            scratch: None,
        }
    }

    /// `[width, height]` in pixels.
    #[must_use]
    pub fn size(&self) -> [usize; 2] {
        [self.width as usize, self.height as usize]
    }

    /// Changes whenever the image is resized or cleared: upload it whole again and rebuild
    /// quads built before.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The rectangle written since the last call (everything after a new generation), or
    /// `None` when nothing changed.
    pub fn take_dirty(&mut self) -> Option<AtlasRegion> {
        self.dirty.take()
    }

    /// How many glyphs have been rasterised since the atlas was made.
    #[must_use]
    pub fn rasterised_count(&self) -> u64 {
        self.rasterised
    }

    /// How many distinct glyphs (including empty ones such as spaces) the atlas holds.
    #[must_use]
    pub fn glyph_count(&self) -> usize {
        self.glyphs.len()
    }

    /// The coverage of every pixel, row by row, `width × height` bytes.
    #[must_use]
    pub fn coverage(&self) -> &[u8] {
        &self.coverage
    }

    /// The whole image as premultiplied RGBA (white coverage), e.g. for
    /// `egui::ColorImage::from_rgba_premultiplied(atlas.size(), ..)`.
    #[must_use]
    pub fn rgba_premultiplied(&self) -> Vec<u8> {
        self.region_rgba_premultiplied(AtlasRegion {
            x: 0,
            y: 0,
            width: self.width,
            height: self.height,
        })
    }

    /// Part of the image as premultiplied RGBA, for a partial upload of a dirty region.
    /// The region is clipped to the image.
    #[must_use]
    pub fn region_rgba_premultiplied(&self, region: AtlasRegion) -> Vec<u8> {
        let x0 = region.x.min(self.width) as usize;
        let x1 = (region.x + region.width).min(self.width) as usize;
        let y0 = region.y.min(self.height) as usize;
        let y1 = (region.y + region.height).min(self.height) as usize;
        let stride = self.width as usize;
        let mut rgba = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
        for row in y0..y1 {
            for &a in &self.coverage[row * stride + x0..row * stride + x1] {
                rgba.extend_from_slice(&[a, a, a, a]);
            }
        }
        rgba
    }

    /// Forgets every glyph (and bumps the generation); the size stays.
    pub fn clear(&mut self) {
        self.coverage.fill(0);
        self.shelves.clear();
        self.glyphs.clear();
        self.coords.clear();
        self.bump_generation();
    }

    /// The quads of one paragraph whose top-left corner is at `origin` (layout pixels).
    pub fn paragraph_quads(
        &mut self,
        paragraph: &ParagraphLayout,
        origin: Point,
    ) -> Vec<GlyphQuad> {
        self.quads([(paragraph, origin)])
    }

    /// The quads of several paragraphs, each with the position of its top-left corner, for one
    /// frame. Glyphs not yet in the atlas are rasterised first; the UVs of all returned quads
    /// refer to the atlas as it is when this returns, even if it grew on the way.
    ///
    /// When even a cleared atlas at its maximum size cannot hold the glyphs, the ones that do
    /// not fit are left out.
    pub fn quads<'a>(
        &mut self,
        paragraphs: impl IntoIterator<Item = (&'a ParagraphLayout, Point)>,
    ) -> Vec<GlyphQuad> {
        let placed: Vec<_> = paragraphs
            .into_iter()
            .map(|(paragraph, origin)| (paragraph.glyph_runs(), origin))
            .collect();
        self.placed_quads(&placed)
    }

    /// The quads of glyph runs (e.g. a [`TextEditor`](super::TextEditor)'s), each group with
    /// the position of its layout's top-left corner; as [`Self::quads`].
    pub fn run_quads(&mut self, placed: &[(Vec<PlacedRun>, Point)]) -> Vec<GlyphQuad> {
        self.placed_quads(placed)
    }

    fn placed_quads(&mut self, placed: &[(Vec<PlacedRun>, Point)]) -> Vec<GlyphQuad> {
        let mut quads = Vec::new();
        for attempt in 0..2 {
            quads.clear();
            let mut overflow = false;
            for (runs, origin) in placed {
                for run in runs {
                    overflow |= !self.push_run(run, *origin, &mut quads);
                }
            }
            if !overflow || attempt == 1 {
                break;
            }
            // Full at its largest: start again from an empty atlas with only this frame's glyphs.
            self.clear();
        }
        #[allow(clippy::cast_precision_loss)] // atlas sides are at most a few thousand
        let (w, h) = (self.width as f32, self.height as f32);
        for quad in &mut quads {
            quad.uv = [
                quad.uv[0] / w,
                quad.uv[1] / h,
                quad.uv[2] / w,
                quad.uv[3] / h,
            ];
        }
        quads
    }

    /// Appends the quads of `run` with UVs in atlas pixels; `false` when some glyph did not fit.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )] // sizes and positions are small, finite layout values
    fn push_run(&mut self, run: &PlacedRun, origin: Point, quads: &mut Vec<GlyphQuad>) -> bool {
        let coords = self.coords_id(&run.normalized_coords);
        let size = (run.font_size.max(0.0) * 64.0).round().min(1e7) as u32;
        let mut complete = true;
        for glyph in &run.glyphs {
            let x = origin.x + glyph.x;
            let (pen_x, subpixel) = snap_x(x);
            let pen_y = (origin.y + glyph.y).round();
            let key = GlyphKey {
                font: run.font.data.id(),
                index: run.font.index,
                coords,
                glyph: glyph.id,
                size,
                subpixel,
            };
            let entry = match self.glyphs.get(&key) {
                Some(entry) => *entry,
                None => match self.insert(key, run) {
                    Some(entry) => entry,
                    None => {
                        complete = false;
                        continue;
                    }
                },
            };
            if entry.width == 0 {
                continue;
            }
            let x0 = pen_x + entry.left as f32;
            let y0 = pen_y + entry.top as f32;
            quads.push(GlyphQuad {
                rect: [x0, y0, x0 + entry.width as f32, y0 + entry.height as f32],
                uv: [
                    entry.x as f32,
                    entry.y as f32,
                    (entry.x + entry.width) as f32,
                    (entry.y + entry.height) as f32,
                ],
            });
        }
        complete
    }

    /// A small number standing for a set of variation coordinates.
    #[allow(clippy::cast_possible_truncation)] // fewer than 2³² distinct coordinate sets
    fn coords_id(&mut self, coords: &[i16]) -> u32 {
        if coords.is_empty() {
            return 0;
        }
        if let Some(id) = self.coords.get(coords) {
            return *id;
        }
        let id = self.coords.len() as u32 + 1;
        self.coords.insert(coords.to_vec(), id);
        id
    }

    /// Rasterises the glyph of `key` and packs it; `None` when the atlas is full.
    fn insert(&mut self, key: GlyphKey, run: &PlacedRun) -> Option<Entry> {
        let bitmap = self.rasterise(key, run);
        self.rasterised += 1;
        let Some(bitmap) = bitmap else {
            self.glyphs.insert(key, Entry::EMPTY);
            return Some(Entry::EMPTY);
        };
        if bitmap.width + PADDING > self.max_side || bitmap.height + PADDING > self.max_side {
            // Larger than the largest atlas: never drawn, rather than clearing it every frame.
            self.glyphs.insert(key, Entry::EMPTY);
            return Some(Entry::EMPTY);
        }
        let (x, y) = self.allocate(bitmap.width, bitmap.height)?;
        let stride = self.width as usize;
        let width = bitmap.width as usize;
        for (row, source) in bitmap.coverage.chunks_exact(width).enumerate() {
            let start = (y as usize + row) * stride + x as usize;
            self.coverage[start..start + width].copy_from_slice(source);
        }
        let region = AtlasRegion {
            x,
            y,
            width: bitmap.width,
            height: bitmap.height,
        };
        self.dirty = Some(self.dirty.map_or(region, |dirty| dirty.union(region)));
        let entry = Entry {
            x,
            y,
            width: bitmap.width,
            height: bitmap.height,
            left: bitmap.left,
            top: bitmap.top,
        };
        self.glyphs.insert(key, entry);
        Some(entry)
    }

    /// Rasterises one glyph alone; `None` when it has no ink (a space).
    ///
    /// The glyph is drawn on a canvas four ems square around its pen position; if its ink
    /// touches the canvas edge, the canvas doubles (up to four times, and up to
    /// [`MAX_CANVAS`] pixels a side) and it is drawn again.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )] // canvas sides are at most MAX_CANVAS
    fn rasterise(&mut self, key: GlyphKey, run: &PlacedRun) -> Option<Bitmap> {
        let font_size = key.size as f32 / 64.0;
        let em = font_size.ceil().clamp(1.0, 512.0) as u32;
        let mut scale = 1;
        loop {
            let side = (4 * em * scale + 4).min(MAX_CANVAS) as u16;
            // Pen position: room for 1.5 em left of it and 2.5 em above the baseline.
            let pen_x = (3 * em * scale / 2 + 2).min(u32::from(side) / 2) as f32;
            let pen_y = (5 * em * scale / 2 + 2).min(u32::from(side) * 3 / 4) as f32;
            let scratch = match &mut self.scratch {
                Some(scratch) if scratch.side == side => scratch,
                slot => slot.insert(Scratch {
                    side,
                    ctx: RenderContext::new(side, side),
                    pixmap: Pixmap::new(side, side),
                }),
            };
            let ctx = &mut scratch.ctx;
            ctx.reset();
            ctx.set_paint(AlphaColor::from_rgba8(255, 255, 255, 255));
            let subpixel = f32::from(key.subpixel) / f32::from(SUBPIXEL_STEPS);
            ctx.set_transform(Affine::translate((
                f64::from(pen_x + subpixel),
                f64::from(pen_y),
            )));
            ctx.glyph_run(&mut self.resources, &run.font)
                .font_size(font_size)
                .normalized_coords(&run.normalized_coords)
                .fill_glyphs(std::iter::once(Glyph {
                    id: key.glyph,
                    x: 0.0,
                    y: 0.0,
                }));
            ctx.flush();
            ctx.render(&mut scratch.pixmap, &mut self.resources);
            let side = u32::from(side);
            let alpha = |x: u32, y: u32| scratch.pixmap.data()[(y * side + x) as usize].a;
            let (mut x0, mut y0, mut x1, mut y1) = (side, side, 0, 0);
            for y in 0..side {
                for x in 0..side {
                    if alpha(x, y) > 0 {
                        x0 = x0.min(x);
                        y0 = y0.min(y);
                        x1 = x1.max(x + 1);
                        y1 = y1.max(y + 1);
                    }
                }
            }
            if x0 >= x1 {
                return None;
            }
            let clipped = x0 == 0 || y0 == 0 || x1 == side || y1 == side;
            if clipped && scale < 4 && side < MAX_CANVAS {
                scale *= 2;
                continue;
            }
            let mut coverage = Vec::with_capacity(((x1 - x0) * (y1 - y0)) as usize);
            for y in y0..y1 {
                coverage.extend((x0..x1).map(|x| alpha(x, y)));
            }
            return Some(Bitmap {
                width: x1 - x0,
                height: y1 - y0,
                left: x0 as i32 - pen_x as i32,
                top: y0 as i32 - pen_y as i32,
                coverage,
            });
        }
    }

    /// A place for a `width × height` bitmap, growing the atlas when no shelf has room.
    fn allocate(&mut self, width: u32, height: u32) -> Option<(u32, u32)> {
        let (w, h) = (width + PADDING, height + PADDING);
        if w > self.max_side || h > self.max_side {
            return None;
        }
        loop {
            // The shelf that wastes the least height, if it wastes at most a third.
            let best = self
                .shelves
                .iter()
                .enumerate()
                .filter(|(_, s)| s.height >= h && self.width - s.x >= w)
                .min_by_key(|(_, s)| s.height - h)
                .map(|(i, s)| (i, s.height - h));
            if let Some((i, waste)) = best
                && waste * 3 <= h
            {
                return Some(self.place(i, w));
            }
            let next_y = self.shelves.last().map_or(0, |s| s.y + s.height);
            if next_y + h <= self.height && w <= self.width {
                self.shelves.push(Shelf {
                    y: next_y,
                    height: h,
                    x: 0,
                });
                return Some(self.place(self.shelves.len() - 1, w));
            }
            if let Some((i, _)) = best {
                return Some(self.place(i, w));
            }
            if !self.grow() {
                return None;
            }
        }
    }

    fn place(&mut self, shelf: usize, width: u32) -> (u32, u32) {
        let shelf = &mut self.shelves[shelf];
        let at = (shelf.x, shelf.y);
        shelf.x += width;
        at
    }

    /// Doubles the height, or when it is at its maximum the width; `false` when both are.
    /// Glyphs keep their pixel positions.
    fn grow(&mut self) -> bool {
        if self.height < self.max_side {
            self.height = (self.height * 2).min(self.max_side);
            self.coverage
                .resize(pixel_count(self.width, self.height), 0);
        } else if self.width < self.max_side {
            let old_width = self.width as usize;
            self.width = (self.width * 2).min(self.max_side);
            let mut coverage = vec![0; pixel_count(self.width, self.height)];
            for (row, source) in self.coverage.chunks_exact(old_width).enumerate() {
                let start = row * self.width as usize;
                coverage[start..start + old_width].copy_from_slice(source);
            }
            self.coverage = coverage;
        } else {
            return false;
        }
        self.bump_generation();
        true
    }

    fn bump_generation(&mut self) {
        self.generation += 1;
        self.dirty = Some(AtlasRegion {
            x: 0,
            y: 0,
            width: self.width,
            height: self.height,
        });
    }
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        Self::new()
    }
}

/// The whole pixel left of `x` and the subpixel bucket of the rest (rounded to the nearest
/// bucket, so a remainder close to 1 moves to the next pixel).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // bucket is 0..=4
fn snap_x(x: f32) -> (f32, u8) {
    let pixel = x.floor();
    let bucket = ((x - pixel) * f32::from(SUBPIXEL_STEPS)).round() as u8;
    if bucket >= SUBPIXEL_STEPS {
        (pixel + 1.0, 0)
    } else {
        (pixel, bucket)
    }
}

fn pixel_count(width: u32, height: u32) -> usize {
    width as usize * height as usize
}

/// A fast hash for glyph keys (the multiply-rotate hash rustc uses): they are looked up for
/// every glyph of every frame, and are not attacker-controlled.
#[derive(Clone, Copy, Debug, Default)]
struct FxBuild;

impl BuildHasher for FxBuild {
    type Hasher = FxHasher;

    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::raster::paint_paragraph_coverage;
    use crate::text::{DocumentLayout, LayoutParams, ResolvedDirection, TextEngine};

    const SEED: &str = include_str!("../../seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt");

    fn paragraph(engine: &mut TextEngine, text: &str, width: f32) -> ParagraphLayout {
        let direction = crate::text::Direction::Auto.resolve(text, ResolvedDirection::Rtl);
        ParagraphLayout::new(engine, text, 0, direction, &LayoutParams::reading(width))
    }

    /// Composites `quads` (src-over, white coverage) into a `width × height` coverage image.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn composite(atlas: &GlyphAtlas, quads: &[GlyphQuad], width: usize, height: usize) -> Vec<u8> {
        let [aw, ah] = atlas.size();
        let mut image = vec![0_u8; width * height];
        for quad in quads {
            let [x0, y0, x1, y1] = quad.rect;
            let u0 = (quad.uv[0] * aw as f32).round() as usize;
            let v0 = (quad.uv[1] * ah as f32).round() as usize;
            for (dy, y) in (y0 as i32..y1 as i32).enumerate() {
                for (dx, x) in (x0 as i32..x1 as i32).enumerate() {
                    if x < 0 || y < 0 || x as usize >= width || y as usize >= height {
                        continue;
                    }
                    let source = u32::from(atlas.coverage()[(v0 + dy) * aw + u0 + dx]);
                    let target = &mut image[y as usize * width + x as usize];
                    let under = u32::from(*target);
                    *target = (source + (under * (255 - source) + 127) / 255).min(255) as u8;
                }
            }
        }
        image
    }

    #[test]
    fn each_distinct_glyph_is_rasterised_once() {
        let mut engine = TextEngine::new();
        let text = "بيان بيان بيان Trump Trump";
        let layout = paragraph(&mut engine, text, 600.0);
        let glyphs: usize = layout.glyph_runs().iter().map(|r| r.glyphs.len()).sum();
        let mut atlas = GlyphAtlas::new();
        let first = atlas.paragraph_quads(&layout, Point::new(0.0, 0.0));
        assert_eq!(atlas.rasterised_count(), atlas.glyph_count() as u64);
        assert!(
            atlas.glyph_count() < glyphs,
            "{} distinct of {glyphs}",
            atlas.glyph_count()
        );
        // The same paragraph again, and moved by whole pixels: nothing new to rasterise.
        let count = atlas.rasterised_count();
        assert_eq!(atlas.paragraph_quads(&layout, Point::new(0.0, 0.0)), first);
        let moved = atlas.paragraph_quads(&layout, Point::new(100.0, 37.0));
        assert_eq!(atlas.rasterised_count(), count);
        assert_eq!(moved.len(), first.len());
        for (a, b) in first.iter().zip(&moved) {
            assert_eq!(a.uv, b.uv);
            assert_eq!(b.rect[0] - a.rect[0], 100.0);
            assert_eq!(b.rect[1] - a.rect[1], 37.0);
        }
    }

    #[test]
    fn quads_sit_on_whole_pixels() {
        let mut engine = TextEngine::new();
        let layout = paragraph(
            &mut engine,
            "شكَّل إعلان الولايات المتحدة (2025) Reuters",
            300.0,
        );
        let mut atlas = GlyphAtlas::new();
        let quads = atlas.paragraph_quads(&layout, Point::new(3.0, 5.0));
        assert!(!quads.is_empty());
        for quad in &quads {
            assert!(quad.rect.iter().all(|v| v.fract() == 0.0), "{quad:?}");
            assert!(quad.uv.iter().all(|v| (0.0..=1.0).contains(v)), "{quad:?}");
        }
    }

    #[test]
    fn quads_cover_the_same_ink_as_the_direct_raster() {
        let mut engine = TextEngine::new();
        let document = DocumentLayout::new(&mut engine, SEED, LayoutParams::reading(700.0));
        let mut atlas = GlyphAtlas::new();
        let mut checked = 0;
        for placed in document
            .paragraphs()
            .iter()
            .filter(|p| p.layout.range().len() > 300)
        {
            let layout = &placed.layout;
            let direct = paint_paragraph_coverage(layout).expect("fits");
            let (width, height) = (direct.width() as usize, direct.height() as usize);
            let quads = atlas.paragraph_quads(layout, Point::new(0.0, 0.0));
            let image = composite(&atlas, &quads, width, height);
            let mut close = 0;
            let mut ink = 0;
            let mut ink_close = 0;
            let (mut direct_sum, mut quads_sum) = (0_u64, 0_u64);
            for (pixel, &ours) in direct.data().iter().zip(&image) {
                let near = pixel.a.abs_diff(ours) <= 32;
                close += usize::from(near);
                if pixel.a > 0 || ours > 0 {
                    ink += 1;
                    ink_close += usize::from(near);
                }
                direct_sum += u64::from(pixel.a);
                quads_sum += u64::from(ours);
            }
            let pixels = width * height;
            assert!(
                close * 100 >= pixels * 99,
                "{close} of {pixels} pixels close"
            );
            assert!(
                ink_close * 100 >= ink * 97,
                "{ink_close} of {ink} ink pixels close"
            );
            assert!(
                quads_sum.abs_diff(direct_sum) * 100 <= direct_sum * 3,
                "ink {quads_sum} vs {direct_sum}"
            );
            checked += 1;
        }
        assert!(checked > 10);
    }

    #[test]
    fn growing_keeps_pixel_positions_and_bumps_the_generation() {
        let mut engine = TextEngine::new();
        let first = paragraph(&mut engine, "الانسحاب العسكري", 400.0);
        let second = paragraph(
            &mut engine,
            "Download PDF: scenarios 1, 2, 3 [1] — sixty",
            400.0,
        );
        let mut atlas = GlyphAtlas::with_size(64, 64, 1024);
        let before = atlas.paragraph_quads(&first, Point::new(0.0, 0.0));
        let generation = atlas.generation();
        let [w0, h0] = atlas.size();
        assert!(atlas.take_dirty().is_some());
        assert_eq!(atlas.take_dirty(), None);
        atlas.paragraph_quads(&second, Point::new(0.0, 0.0));
        let [w1, h1] = atlas.size();
        assert!(w1 * h1 > w0 * h0, "the atlas grew");
        assert!(atlas.generation() > generation);
        let dirty = atlas.take_dirty().expect("dirty after growing");
        assert_eq!((dirty.width, dirty.height), (w1 as u32, h1 as u32));
        // Earlier glyphs are where they were, in pixels.
        let after = atlas.paragraph_quads(&first, Point::new(0.0, 0.0));
        assert_eq!(after.len(), before.len());
        #[allow(clippy::cast_precision_loss)]
        for (a, b) in before.iter().zip(&after) {
            assert_eq!(a.rect, b.rect);
            assert_eq!(a.uv[0] * w0 as f32, b.uv[0] * w1 as f32);
            assert_eq!(a.uv[1] * h0 as f32, b.uv[1] * h1 as f32);
        }
    }

    #[test]
    fn a_full_atlas_starts_again_with_the_glyphs_of_the_frame() {
        let mut engine = TextEngine::new();
        let layout = paragraph(&mut engine, &SEED[..2000], 700.0);
        let mut atlas = GlyphAtlas::with_size(16, 16, 64);
        let quads = atlas.paragraph_quads(&layout, Point::new(0.0, 0.0));
        assert_eq!(atlas.size(), [64, 64]);
        assert!(!quads.is_empty(), "what fits is drawn");
        assert!(
            quads
                .iter()
                .all(|q| q.uv.iter().all(|v| (0.0..=1.0).contains(v)))
        );
    }

    #[test]
    fn dirty_regions_convert_to_premultiplied_white() {
        let mut engine = TextEngine::new();
        let layout = paragraph(&mut engine, "أعلن", 200.0);
        let mut atlas = GlyphAtlas::new();
        atlas.paragraph_quads(&layout, Point::new(0.0, 0.0));
        let dirty = atlas.take_dirty().expect("glyphs were written");
        let rgba = atlas.region_rgba_premultiplied(dirty);
        assert_eq!(rgba.len(), (dirty.width * dirty.height * 4) as usize);
        assert!(rgba.chunks(4).any(|p| p[3] > 0));
        assert!(
            rgba.chunks(4)
                .all(|p| p[0] == p[3] && p[1] == p[3] && p[2] == p[3])
        );
        assert_eq!(atlas.rgba_premultiplied().len(), atlas.coverage().len() * 4);
    }

    #[test]
    fn subpixel_positions_snap_to_buckets() {
        assert_eq!(snap_x(10.0), (10.0, 0));
        assert_eq!(snap_x(10.3), (10.0, 1));
        assert_eq!(snap_x(10.5), (10.0, 2));
        assert_eq!(snap_x(10.9), (11.0, 0));
        assert_eq!(snap_x(-0.2), (-1.0, 3));
    }
}
