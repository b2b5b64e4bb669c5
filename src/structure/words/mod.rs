//! The bottom layer: text primitives. Characters, numerals and ordinals, folded word tokens,
//! keyword stems and lists, dates, the vocabulary of each kind of section, and the labels a
//! paragraph can start with. Reads only [`super::types`].

pub(crate) mod chars;
pub(crate) mod conclusion;
pub(crate) mod dates;
pub(crate) mod determinants;
pub(crate) mod keywords;
pub(crate) mod labels;
pub(crate) mod notes;
pub(crate) mod numbers;
pub(crate) mod scenarios;
pub(crate) mod tokens;
