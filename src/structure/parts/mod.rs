//! The third layer: sections (kinds, nesting, extents), footnotes linked to their notes, and
//! numbered items grouped into lists. Reads [`super::blocks`], [`super::words`] and
//! [`super::types`].

pub(crate) mod footnotes;
pub(crate) mod items;
pub(crate) mod sections;
