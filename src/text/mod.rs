//! Basira's text layer: bidirectional layout (UAX #9), shaping and line breaking of Arabic,
//! Latin and mixed text with parley, and rasterisation with vello_cpu — for every place that
//! shows brief text or user text. egui shapes Arabic but has no bidi, so nothing shows brief
//! text through egui's own text layout.
//!
//! - [`TextEngine`]: the bundled fonts (never system fonts) and layout scratch space; one per
//!   application.
//! - [`DocumentLayout`]: a text as a column of paragraphs (split at line feeds), each with its
//!   direction ([`Direction`]: first strong character, or overridden per brief), broken at a
//!   width and aligned to its start edge (right for Arabic). Hit testing, carets, drag and
//!   selection rectangles, all in code-point indices of the whole text — what passage anchors
//!   store.
//! - [`ParagraphLayout`]: the same for one paragraph, plus its [`VisualLine`]s (clusters and
//!   words in visual order with their logical ranges) and its glyph runs for painting.
//! - [`TextEditor`]: an editable field's text as paragraphs, each in its own direction, on
//!   parley's `PlainEditor` (caret, selection, visual arrows, IME preedit), in code points.
//! - [`raster`]: a document or paragraph painted into a pixmap; PNG encoding.
//!
//! Coordinates are layout pixels (points × pixels-per-point × zoom), `y` down, from the
//! top-left of the column (document) or paragraph.
//!
//! Invariants: this module never imports egui and never touches the filesystem.

pub mod atlas;
mod cache;
mod direction;
mod document;
mod editor;
mod engine;
mod fonts;
mod geometry;
mod layout;
mod paragraph_editor;
pub mod raster;

pub use atlas::{AtlasRegion, GlyphAtlas, GlyphQuad};
pub use cache::LayoutCache;
pub use direction::{Direction, ResolvedDirection, first_strong};
pub use document::{DocumentLayout, PlacedParagraph, paragraph_ranges};
pub use editor::TextEditor;
pub use engine::{LayoutParams, TextEngine, TextStyle};
pub use fonts::{BundledFonts, FontRole};
pub use geometry::{Point, Rect};
pub use layout::{
    Affinity, Caret, ParagraphLayout, PlacedGlyph, PlacedRun, VisualCluster, VisualLine, VisualWord,
};
