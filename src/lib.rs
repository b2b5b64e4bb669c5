//! Basira (بصيرة): a workbench for analysts who turn policy briefs into structured analysis.
//!
//! See `ARCHITECTURE.md` for the map of modules and how data flows from a file to the screen.

pub mod analysis;
#[cfg(feature = "app")]
pub mod app;
pub mod cli;
pub mod edit;
pub mod export;
pub mod file;
pub mod i18n;
pub mod import;
pub mod io;
pub mod model;
pub mod reanchor;
pub mod report;
pub mod search;
pub mod structure;
pub mod text;
pub mod text_range;
