//! The reducer: where commands and background results change the app's state.

pub mod autosave;
pub mod export_actions;
pub mod external_change;
pub mod file_actions;
pub mod handler;
pub mod structure_actions;
