//! Glyphs with their positions, as pdf-extract draws each page (its `OutputDev`), and the short
//! horizontal rules a page draws (a footnote separator).

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{
    ColorSpace, Document, MediaBox, OutputDev, OutputError, Path, PathOp, Transform,
};

/// One glyph: where it stands on the page (points, from the page's top-left corner, the baseline
/// at `top`), how wide and big it is, and the text its font maps it to (none, one or several
/// characters).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Glyph {
    pub x: f64,
    pub top: f64,
    pub width: f64,
    pub size: f64,
    pub text: String,
}

/// A horizontal line drawn on a page, from `x0` to `x1` at `top`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rule {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
}

/// What one page drew.
#[derive(Clone, Debug, Default)]
pub(super) struct PageGlyphs {
    pub number: u32,
    pub width: f64,
    pub height: f64,
    /// In the order the page draws them.
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
}

/// How reading a page ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PageEnd {
    Read,
    /// pdf-extract panicked or failed on it: what it drew before is kept.
    Failed,
    /// The document's glyph allowance ran out on it.
    GlyphLimit,
}

/// Reads page `number` (of the guarded document) with pdf-extract, catching its panics.
/// `glyphs_left` is the document's remaining glyph allowance and is counted down.
pub(super) fn read_page(
    doc: &Document,
    number: u32,
    glyphs_left: &mut usize,
) -> (PageGlyphs, PageEnd) {
    let mut collector = Collector {
        page: PageGlyphs {
            number,
            ..PageGlyphs::default()
        },
        page_top: 0.0,
        left: 0.0,
        glyphs_left: *glyphs_left,
        out_of_glyphs: false,
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::output_doc_page(doc, &mut collector, number)
    }));
    *glyphs_left = collector.glyphs_left;
    let end = match result {
        Ok(Ok(())) => PageEnd::Read,
        _ if collector.out_of_glyphs => PageEnd::GlyphLimit,
        _ => PageEnd::Failed,
    };
    (collector.page, end)
}

struct Collector {
    page: PageGlyphs,
    /// The page's top and left edges in PDF user space.
    page_top: f64,
    left: f64,
    glyphs_left: usize,
    out_of_glyphs: bool,
}

impl Collector {
    fn point(&self, ctm: &Transform, x: f64, y: f64) -> (f64, f64) {
        let px = x * ctm.m11 + y * ctm.m21 + ctm.m31;
        let py = x * ctm.m12 + y * ctm.m22 + ctm.m32;
        (px - self.left, self.page_top - py)
    }

    fn add_rule(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) {
        let horizontal = (y1 - y0).abs() < 2.0 && (x1 - x0).abs() > 10.0;
        if horizontal && self.page.rules.len() < 1_000 {
            self.page.rules.push(Rule {
                x0: x0.min(x1),
                x1: x0.max(x1),
                top: (y0 + y1) / 2.0,
            });
        }
    }

    fn path(&mut self, ctm: &Transform, path: &Path) {
        let mut current: Option<(f64, f64)> = None;
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => current = Some(self.point(ctm, x, y)),
                PathOp::LineTo(x, y) => {
                    let to = self.point(ctm, x, y);
                    if let Some(from) = current {
                        self.add_rule(from, to);
                    }
                    current = Some(to);
                }
                PathOp::Rect(x, y, w, h) => {
                    let a = self.point(ctm, x, y);
                    let b = self.point(ctm, x + w, y + h);
                    if (a.1 - b.1).abs() < 2.0 {
                        self.add_rule(a, (b.0, a.1));
                    }
                }
                PathOp::CurveTo(..) | PathOp::Close => {}
            }
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_top = media_box.ury;
        self.left = media_box.llx;
        self.page.width = media_box.urx - media_box.llx;
        self.page.height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        if self.glyphs_left == 0 {
            self.out_of_glyphs = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        self.glyphs_left -= 1;
        // Text turned or mirrored (a diagonal watermark, a vertical margin note) is left out.
        let upright = trm.m11 > 0.0 && trm.m22 > 0.0 && trm.m12.abs() <= 0.1 * trm.m11;
        let scale_y = trm.m21.hypot(trm.m22);
        let scale_x = trm.m11.hypot(trm.m12);
        let size = font_size.abs() * scale_y;
        let glyph = Glyph {
            x: trm.m31 - self.left,
            top: self.page_top - trm.m32,
            width: (width * font_size.abs() * scale_x).max(0.0),
            size,
            text: char.to_owned(),
        };
        let finite = [glyph.x, glyph.top, glyph.width, glyph.size]
            .iter()
            .all(|v| v.is_finite() && v.abs() < 1e6);
        if upright && finite && size > 0.5 {
            self.page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.path(ctm, path);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.path(ctm, path);
        Ok(())
    }
}
