//! Rasterising laid-out text with vello_cpu: a whole document with passage highlights (for
//! `basira render`), or one paragraph as white coverage for a GUI texture.

use std::ops::Range;

use vello_cpu::color::AlphaColor;
use vello_cpu::kurbo::{Affine, Rect as KurboRect};
use vello_cpu::{Glyph, Pixmap, RenderContext, Resources};

use super::document::DocumentLayout;
use super::geometry::Rect;
use super::layout::ParagraphLayout;

/// A straight (not premultiplied) sRGB colour with alpha.
pub type Rgba = [u8; 4];

/// A coloured background behind the code points `range`, e.g. a passage in its tag's colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    pub range: Range<usize>,
    pub colour: Rgba,
}

/// Colours of a painted page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageStyle {
    pub background: Rgba,
    pub text: Rgba,
    /// Empty space around the text, in layout pixels.
    pub margin: u16,
}

impl Default for PageStyle {
    fn default() -> Self {
        Self {
            background: [255, 255, 255, 255],
            text: [20, 20, 20, 255],
            margin: 16,
        }
    }
}

/// Why a page could not be painted.
#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    #[error("the page would be {width}×{height} pixels; at most 65535 fit in each direction")]
    TooLarge { width: f32, height: f32 },
    #[error("cannot encode the PNG: {0}")]
    Png(String),
}

/// Paints every paragraph of `document` on an opaque page: background, then `highlights`
/// (painted in order, translucent colours blend where passages overlap), then the text.
///
/// # Errors
/// When the page does not fit a pixmap (65535 pixels in each direction).
pub fn paint_document(
    document: &DocumentLayout,
    highlights: &[Highlight],
    style: &PageStyle,
) -> Result<Pixmap, RasterError> {
    let margin = f32::from(style.margin);
    let (width, height) = pixmap_size(
        document.width() + 2.0 * margin,
        document.height() + 2.0 * margin,
    )?;
    let mut ctx = RenderContext::new(width, height);
    let mut resources = Resources::new();
    ctx.set_paint(colour(style.background));
    ctx.fill_rect(&KurboRect::new(
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    ));
    ctx.set_transform(Affine::translate((f64::from(margin), f64::from(margin))));
    for highlight in highlights {
        ctx.set_paint(colour(highlight.colour));
        for rect in document.selection_rects(highlight.range.clone()) {
            ctx.fill_rect(&kurbo_rect(rect));
        }
    }
    ctx.set_paint(colour(style.text));
    for placed in document.paragraphs() {
        let origin = Affine::translate((f64::from(margin), f64::from(margin + placed.top)));
        fill_paragraph(&mut ctx, &mut resources, &placed.layout, origin);
    }
    let mut pixmap = Pixmap::new(width, height);
    ctx.flush();
    ctx.render(&mut pixmap, &mut resources);
    Ok(pixmap)
}

/// Paints one paragraph as white glyph coverage on transparent pixels, its own size (at least
/// 1×1), so a GUI can upload it once and tint it with any text colour.
///
/// # Errors
/// When the paragraph does not fit a pixmap (65535 pixels in each direction).
pub fn paint_paragraph_coverage(paragraph: &ParagraphLayout) -> Result<Pixmap, RasterError> {
    let (width, height) = pixmap_size(paragraph.width(), paragraph.height())?;
    let mut ctx = RenderContext::new(width, height);
    let mut resources = Resources::new();
    ctx.set_paint(colour([255, 255, 255, 255]));
    fill_paragraph(&mut ctx, &mut resources, paragraph, Affine::IDENTITY);
    let mut pixmap = Pixmap::new(width, height);
    ctx.flush();
    ctx.render(&mut pixmap, &mut resources);
    Ok(pixmap)
}

/// The pixmap as PNG bytes (straight alpha).
///
/// # Errors
/// When the PNG encoder fails.
pub fn encode_png(pixmap: Pixmap) -> Result<Vec<u8>, RasterError> {
    pixmap
        .into_png()
        .map_err(|err| RasterError::Png(err.to_string()))
}

/// Fills the glyphs of `paragraph`, placed at `origin`, with the current paint.
fn fill_paragraph(
    ctx: &mut RenderContext,
    resources: &mut Resources,
    paragraph: &ParagraphLayout,
    origin: Affine,
) {
    ctx.set_transform(origin);
    for run in paragraph.glyph_runs() {
        ctx.glyph_run(resources, &run.font)
            .font_size(run.font_size)
            .normalized_coords(&run.normalized_coords)
            .fill_glyphs(run.glyphs.iter().map(|glyph| Glyph {
                id: glyph.id,
                x: glyph.x,
                y: glyph.y,
            }));
    }
}

/// Whole pixels for a page of `width × height` layout pixels.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked range
fn pixmap_size(width: f32, height: f32) -> Result<(u16, u16), RasterError> {
    let fits = |v: f32| v.is_finite() && v.ceil() <= f32::from(u16::MAX);
    if !fits(width) || !fits(height) {
        return Err(RasterError::TooLarge { width, height });
    }
    Ok(((width.ceil() as u16).max(1), (height.ceil() as u16).max(1)))
}

fn colour([r, g, b, a]: Rgba) -> AlphaColor<vello_cpu::color::Srgb> {
    AlphaColor::from_rgba8(r, g, b, a)
}

fn kurbo_rect(rect: Rect) -> KurboRect {
    KurboRect::new(
        f64::from(rect.x0),
        f64::from(rect.y0),
        f64::from(rect.x1),
        f64::from(rect.y1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{LayoutParams, ResolvedDirection, TextEngine};

    #[test]
    fn sizes_round_up_and_refuse_what_does_not_fit() {
        assert_eq!(pixmap_size(10.2, 0.0).ok(), Some((11, 1)));
        assert!(matches!(
            pixmap_size(100.0, 70_000.0),
            Err(RasterError::TooLarge { .. })
        ));
        assert!(pixmap_size(f32::NAN, 1.0).is_err());
    }

    #[test]
    fn a_paragraph_paints_white_coverage_on_transparent() {
        let mut engine = TextEngine::new();
        let paragraph = ParagraphLayout::new(
            &mut engine,
            "أعلن Trump",
            0,
            ResolvedDirection::Rtl,
            &LayoutParams::reading(200.0),
        );
        let pixmap = paint_paragraph_coverage(&paragraph).expect("fits");
        assert_eq!(pixmap.width(), 200);
        let covered: Vec<_> = pixmap.data().iter().filter(|p| p.a > 0).collect();
        assert!(covered.len() > 100);
        // Premultiplied white: colour equals alpha.
        assert!(
            covered
                .iter()
                .all(|p| p.r == p.a && p.g == p.a && p.b == p.a)
        );
        // Right-aligned: the right half holds most of the ink.
        let right = pixmap
            .data()
            .chunks(200)
            .flat_map(|row| &row[100..])
            .filter(|p| p.a > 0)
            .count();
        assert!(right * 2 > covered.len());
    }
}
