//! The bridge from the text layer ([`crate::text`]) to egui: laid-out paragraphs become
//! textured meshes that sample one glyph atlas.
//!
//! [`TextPaint`] owns the [`TextEngine`] (fonts and layout scratch space), the
//! [`GlyphAtlas`] (each glyph rasterised once) and the egui texture the atlas is uploaded to.
//! Glyph quads are placed on whole physical pixels and the texture is sampled with nearest
//! filtering, so text is sharp at any pixels-per-point; layouts are made at
//! `scale = pixels_per_point × zoom`, so one layout pixel is one physical pixel.
//!
//! It lives in [`crate::app::BasiraApp`], next to the document state but apart from it, and the
//! panels that paint text get it as `&mut TextPaint`. It is a cache of what is drawn, not
//! state the user changes: painting mutates it (new glyphs, uploads) without going through
//! the command handler, exactly as egui's own font atlas is mutated by painting. A plain
//! `&mut` (rather than an `Rc<RefCell<..>>` or egui memory) keeps that visible in the
//! signatures, lets the borrow checker prove no two panels paint at once, and keeps the app
//! free of runtime borrow failures.

use std::ops::Range;

use egui::{Color32, ColorImage, Mesh, Painter, Pos2, Shape, TextureHandle, TextureOptions, pos2};

use super::field_editors::FieldEditors;
use super::label_cache::LabelCache;
use crate::text::{
    GlyphAtlas, GlyphQuad, LayoutCache, ParagraphLayout, PlacedRun, Point, Rect, TextEngine,
};

/// Where layout pixels are on the screen: the origin of a column snapped to the pixel grid.
///
/// Layout pixels are physical pixels, so converting between them and egui points is a
/// division or multiplication by `pixels_per_point` around a whole-pixel origin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PixelFrame {
    /// The top-left corner of the layout, in physical pixels (whole numbers).
    origin_px: Point,
    pixels_per_point: f32,
}

impl PixelFrame {
    /// A frame whose origin is `origin` (points) rounded to the nearest physical pixel.
    #[must_use]
    pub fn new(origin: Pos2, pixels_per_point: f32) -> Self {
        Self {
            origin_px: Point::new(
                (origin.x * pixels_per_point).round(),
                (origin.y * pixels_per_point).round(),
            ),
            pixels_per_point,
        }
    }

    #[must_use]
    pub fn pixels_per_point(&self) -> f32 {
        self.pixels_per_point
    }

    /// The snapped origin, in points.
    #[must_use]
    pub fn origin(&self) -> Pos2 {
        pos2(
            self.origin_px.x / self.pixels_per_point,
            self.origin_px.y / self.pixels_per_point,
        )
    }

    /// A screen position (points) in layout pixels relative to the origin.
    #[must_use]
    pub fn to_layout(&self, pos: Pos2) -> Point {
        Point::new(
            pos.x * self.pixels_per_point - self.origin_px.x,
            pos.y * self.pixels_per_point - self.origin_px.y,
        )
    }

    /// A layout point on the screen (points).
    #[must_use]
    pub fn to_screen(&self, point: Point) -> Pos2 {
        pos2(
            (point.x + self.origin_px.x) / self.pixels_per_point,
            (point.y + self.origin_px.y) / self.pixels_per_point,
        )
    }

    /// A layout rectangle on the screen (points).
    #[must_use]
    pub fn rect_to_screen(&self, rect: Rect) -> egui::Rect {
        egui::Rect::from_min_max(
            self.to_screen(Point::new(rect.x0, rect.y0)),
            self.to_screen(Point::new(rect.x1, rect.y1)),
        )
    }

    /// A layout y (e.g. a paragraph's top) in absolute physical pixels.
    fn absolute(&self, x: f32, y: f32) -> Point {
        Point::new(self.origin_px.x + x, self.origin_px.y + y)
    }
}

/// The text engine, the glyph atlas and its texture. See the [module documentation](self).
pub struct TextPaint {
    engine: TextEngine,
    /// Made on first use, at the GPU's maximum texture side.
    atlas: Option<GlyphAtlas>,
    texture: Option<TextureHandle>,
    /// The atlas generation the texture holds.
    uploaded_generation: u64,
    labels: LabelCache,
    fields: FieldEditors,
    /// Whether the interface reads right to left (Arabic): set before each frame from the
    /// interface's language, it says which way messages read.
    interface_rtl: bool,
}

impl TextPaint {
    #[must_use]
    pub fn new() -> Self {
        Self {
            engine: TextEngine::new(),
            atlas: None,
            texture: None,
            uploaded_generation: 0,
            labels: LabelCache::default(),
            fields: FieldEditors::default(),
            interface_rtl: false,
        }
    }

    /// Whether the interface reads right to left (see [`TextPaint::set_interface_rtl`]).
    #[must_use]
    pub fn interface_rtl(&self) -> bool {
        self.interface_rtl
    }

    /// Sets which way the interface's messages read, before a frame is drawn.
    pub fn set_interface_rtl(&mut self, rtl: bool) {
        self.interface_rtl = rtl;
    }

    /// The engine, to lay out text.
    pub fn engine(&mut self) -> &mut TextEngine {
        &mut self.engine
    }

    /// How many label layouts have been made since the app started.
    #[must_use]
    pub fn label_layouts_made(&self) -> u64 {
        self.labels.made()
    }

    /// The engine and the laid-out labels, for [`super::bidi_label`].
    pub(super) fn labels_and_engine(&mut self) -> (&mut LabelCache, &mut TextEngine) {
        (&mut self.labels, &mut self.engine)
    }

    /// The engine and the text fields' editors, for [`super::bidi_edit`].
    pub(super) fn fields_and_engine(&mut self) -> (&mut FieldEditors, &mut TextEngine) {
        (&mut self.fields, &mut self.engine)
    }

    /// Selects the whole value of the text field `id` when it is next drawn.
    pub fn select_all_in_field(&mut self, id: egui::Id) {
        self.fields.select_all_next(id);
    }

    /// The size of the atlas texture, `[width, height]` (zero before anything is painted).
    #[must_use]
    pub fn atlas_size(&self) -> [usize; 2] {
        self.atlas.as_ref().map_or([0, 0], GlyphAtlas::size)
    }

    /// Paints `layout` with its top-left corner at `frame`'s origin, in `colour`.
    pub fn paint_paragraph(
        &mut self,
        painter: &Painter,
        layout: &ParagraphLayout,
        frame: PixelFrame,
        colour: Color32,
    ) {
        let origin = frame.absolute(0.0, 0.0);
        let quads = self.atlas(painter).quads([(layout, origin)]);
        self.paint_quads(painter, &quads, frame.pixels_per_point, colour);
    }

    /// Paints the laid-out paragraphs `range` of `cache`, the column's top-left corner at
    /// `frame`'s origin, in `colour`. Paragraphs not laid out are skipped.
    pub fn paint_cache(
        &mut self,
        painter: &Painter,
        cache: &LayoutCache,
        range: Range<usize>,
        frame: PixelFrame,
        colour: Color32,
    ) {
        let placed = cache
            .placed(range)
            .map(|(_, top, layout)| (layout, frame.absolute(0.0, top)));
        let quads = self.atlas(painter).quads(placed);
        self.paint_quads(painter, &quads, frame.pixels_per_point, colour);
    }

    /// Paints glyph runs (a text field's) laid out with their top-left corner at `frame`'s
    /// origin, in `colour`.
    pub fn paint_runs(
        &mut self,
        painter: &Painter,
        runs: Vec<PlacedRun>,
        frame: PixelFrame,
        colour: Color32,
    ) {
        let origin = frame.absolute(0.0, 0.0);
        let quads = self.atlas(painter).run_quads(&[(runs, origin)]);
        self.paint_quads(painter, &quads, frame.pixels_per_point, colour);
    }

    fn atlas(&mut self, painter: &Painter) -> &mut GlyphAtlas {
        self.atlas.get_or_insert_with(|| {
            let side = painter.ctx().input(|i| i.max_texture_side);
            let side = u32::try_from(side).unwrap_or(u32::MAX).min(8192);
            GlyphAtlas::with_size(1024, 512, side)
        })
    }

    /// Uploads what changed in the atlas and adds the quads as one mesh.
    fn paint_quads(
        &mut self,
        painter: &Painter,
        quads: &[GlyphQuad],
        pixels_per_point: f32,
        colour: Color32,
    ) {
        let Some(texture) = self.upload(painter.ctx()) else {
            return;
        };
        if quads.is_empty() {
            return;
        }
        let mut mesh = Mesh::with_texture(texture);
        let to_points = |x: f32, y: f32| pos2(x / pixels_per_point, y / pixels_per_point);
        for quad in quads {
            let [x0, y0, x1, y1] = quad.rect;
            let [u0, v0, u1, v1] = quad.uv;
            mesh.add_rect_with_uv(
                egui::Rect::from_min_max(to_points(x0, y0), to_points(x1, y1)),
                egui::Rect::from_min_max(pos2(u0, v0), pos2(u1, v1)),
                colour,
            );
        }
        painter.add(Shape::mesh(mesh));
    }

    /// Brings the texture up to date with the atlas: a new texture when the atlas has a new
    /// generation (meshes already added this frame keep the old one, which egui frees only
    /// after painting them), else a partial upload of the rectangle written since.
    fn upload(&mut self, ctx: &egui::Context) -> Option<egui::TextureId> {
        let atlas = self.atlas.as_mut()?;
        if self.texture.is_none() || atlas.generation() != self.uploaded_generation {
            let image =
                ColorImage::from_rgba_premultiplied(atlas.size(), &atlas.rgba_premultiplied());
            self.texture = Some(ctx.load_texture("glyph-atlas", image, TextureOptions::NEAREST));
            atlas.take_dirty();
            self.uploaded_generation = atlas.generation();
        } else if let (Some(region), Some(texture)) = (atlas.take_dirty(), self.texture.as_mut()) {
            // Clipped to the image, as `region_rgba_premultiplied` clips.
            let [w, h] = atlas.size();
            let (x, y) = (region.x as usize, region.y as usize);
            let size = [
                (x + region.width as usize).min(w).saturating_sub(x),
                (y + region.height as usize).min(h).saturating_sub(y),
            ];
            if size[0] == 0 || size[1] == 0 {
                return self.texture.as_ref().map(TextureHandle::id);
            }
            let image =
                ColorImage::from_rgba_premultiplied(size, &atlas.region_rgba_premultiplied(region));
            texture.set_partial(
                [region.x as usize, region.y as usize],
                image,
                TextureOptions::NEAREST,
            );
        }
        self.texture.as_ref().map(TextureHandle::id)
    }
}

impl Default for TextPaint {
    fn default() -> Self {
        Self::new()
    }
}
