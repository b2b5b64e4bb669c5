//! The bridge from the text layer ([`crate::text`]) to egui: painting laid-out text, the bidi
//! labels and text fields built on it, and the fonts egui itself uses.

pub mod bidi_edit;
pub mod bidi_label;
pub mod field_editors;
pub mod fonts;
pub mod label_cache;
pub mod text_paint;
