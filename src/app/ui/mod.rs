//! The panels: each reads a [`super::View`] of the state and sends [`super::AppCommand`]s.

pub mod board;
pub mod briefs_panel;
pub mod codebook_editor;
pub mod determinants_editor;
pub mod dialogs;
pub mod highlight;
pub mod inspector;
pub mod memos_view;
pub mod menu;
pub mod notices;
pub mod passages_list;
pub mod reader;
pub mod scenarios_editor;
pub mod search_panel;
pub mod structure_view;
pub mod widgets;
