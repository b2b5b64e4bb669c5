//! The second layer: paragraphs, and the front matter and headings among them. Reads
//! [`super::words`] and [`super::types`].

pub(crate) mod front_matter;
pub(crate) mod headings;
pub(crate) mod paragraphs;
