//! The text engine: the font collection and parley's layout scratch space, created once.

use parley::{
    Alignment, AlignmentOptions, BaseDirection, FontContext, Layout, LayoutContext, LineHeight,
    OverflowWrap, StyleProperty,
};

use super::direction::{Direction, ResolvedDirection};
use super::fonts::{BundledFonts, FontRole};

/// The size and font of a piece of text; everything that, with the text, decides its layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub role: FontRole,
    /// Font size in points.
    pub font_size: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
}

impl TextStyle {
    /// Brief text in the reader.
    pub const READING: Self = Self {
        role: FontRole::Reading,
        font_size: 17.0,
        line_height: 1.8,
    };
    /// Names, labels and fields.
    pub const INTERFACE: Self = Self {
        role: FontRole::Interface,
        font_size: 14.0,
        line_height: 1.5,
    };
}

impl Default for TextStyle {
    fn default() -> Self {
        Self::READING
    }
}

/// Everything besides the text that decides a layout: compare two to know whether a cached
/// layout can be reused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    /// The width lines are broken and aligned at, in layout pixels.
    pub width: f32,
    /// Layout pixels per point: `pixels_per_point × zoom` (1 for the command line).
    pub scale: f32,
    pub style: TextStyle,
    /// The brief's direction: automatic per paragraph, or overridden.
    pub direction: Direction,
}

impl LayoutParams {
    /// Reading text at `width` layout pixels, scale 1, automatic direction.
    #[must_use]
    pub fn reading(width: f32) -> Self {
        Self {
            width,
            scale: 1.0,
            style: TextStyle::READING,
            direction: Direction::Auto,
        }
    }
}

/// Fonts plus layout scratch space. Create one per application (or per thread) and reuse it:
/// building the font collection parses the font files.
pub struct TextEngine {
    fonts: BundledFonts,
    layout_cx: LayoutContext<()>,
}

impl TextEngine {
    #[must_use]
    pub fn new() -> Self {
        Self {
            fonts: BundledFonts::new(),
            layout_cx: LayoutContext::new(),
        }
    }

    /// The bundled fonts and their family stacks.
    #[must_use]
    pub fn fonts(&self) -> &BundledFonts {
        &self.fonts
    }

    /// The font context and the layout scratch space, for a [`TextEditor`](super::TextEditor).
    pub(crate) fn contexts(&mut self) -> (&mut FontContext, &mut LayoutContext<()>) {
        let (font_cx, _) = self.fonts.context_and_family(FontRole::Interface);
        (font_cx, &mut self.layout_cx)
    }

    /// Shapes `text` (one paragraph, no line feeds), breaks it at `params.width` and aligns it
    /// to its start edge — the right edge when `direction` is right-to-left. Coordinates are
    /// quantised so glyph origins sit on whole layout pixels.
    pub(crate) fn build(
        &mut self,
        text: &str,
        direction: ResolvedDirection,
        params: &LayoutParams,
    ) -> Layout<()> {
        let style = params.style;
        let (font_cx, family) = self.fonts.context_and_family(style.role);
        let mut builder = self
            .layout_cx
            .ranged_builder(font_cx, text, params.scale, true);
        builder.set_base_direction(if direction.is_rtl() {
            BaseDirection::Rtl
        } else {
            BaseDirection::Ltr
        });
        builder.push_default(StyleProperty::FontFamily(family));
        builder.push_default(StyleProperty::FontSize(style.font_size));
        builder.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(
            style.line_height,
        )));
        // A long URL in a footnote breaks rather than overflowing the column.
        builder.push_default(StyleProperty::OverflowWrap(OverflowWrap::BreakWord));
        let mut layout = builder.build(text);
        layout.break_all_lines(Some(params.width));
        layout.align(Alignment::Start, AlignmentOptions::default());
        layout
    }
}

impl Default for TextEngine {
    fn default() -> Self {
        Self::new()
    }
}
