//! What the user can ask for: [`Action`]s (menu entries with shortcuts) and the
//! [`AppCommand`]s that panels send to the one command handler.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::edit::Edit;
use crate::model::{BriefId, PassageId};

use super::state::{
    DiskChoice, GuardChoice, LinkDraft, PassageFilter, ProposalDraft, RecoveryChoice, RightTab,
};

/// Every user action that has a menu entry, with its label and keyboard shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    New,
    Open,
    Save,
    SaveAs,
    ImportBriefs,
    Quit,
    Undo,
    Redo,
    CreatePassage,
    Find,
    FindNext,
    FindPrevious,
    ZoomIn,
    ZoomOut,
    ZoomReset,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Action {
    pub const ALL: [Action; 15] = [
        Action::New,
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::ImportBriefs,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::CreatePassage,
        Action::Find,
        Action::FindNext,
        Action::FindPrevious,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
    ];

    /// The menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Action::New => "New",
            Action::Open => "Open…",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::ImportBriefs => "Import briefs…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::CreatePassage => "Create passage",
            Action::Find => "Find…",
            Action::FindNext => "Find next",
            Action::FindPrevious => "Find previous",
            Action::ZoomIn => "Zoom in",
            Action::ZoomOut => "Zoom out",
            Action::ZoomReset => "Actual size",
        }
    }

    /// What the action does, for tooltips.
    #[must_use]
    pub fn tooltip(self) -> &'static str {
        match self {
            Action::New => "Start a new, empty workspace",
            Action::Open => "Open a workspace file (.ron)",
            Action::Save => "Save the workspace",
            Action::SaveAs => "Save the workspace under a new name",
            Action::ImportBriefs => {
                "Import web pages (HTML), Word files (DOCX), PDFs, text or Markdown as briefs"
            }
            Action::Quit => "Close Basira",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the last undone change",
            Action::CreatePassage => "Mark the text selected in the reader as a passage",
            Action::Find => "Find text in the brief (ignoring harakat and tatweel)",
            Action::FindNext => "Select the next match in the brief",
            Action::FindPrevious => "Select the previous match in the brief",
            Action::ZoomIn => "Show the brief text larger",
            Action::ZoomOut => "Show the brief text smaller",
            Action::ZoomReset => "Show the brief text at its normal size",
        }
    }

    /// The shortcuts, the first one shown in the menu.
    #[must_use]
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const NEW: [KeyboardShortcut; 1] = [cmd(Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [cmd(Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [cmd(Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [cmd_shift(Key::S)];
        const IMPORT: [KeyboardShortcut; 1] = [cmd(Key::I)];
        const QUIT: [KeyboardShortcut; 1] = [cmd(Key::Q)];
        const UNDO: [KeyboardShortcut; 1] = [cmd(Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [cmd_shift(Key::Z), cmd(Key::Y)];
        const CREATE: [KeyboardShortcut; 2] = [cmd(Key::Enter), cmd(Key::E)];
        const FIND: [KeyboardShortcut; 1] = [cmd(Key::F)];
        const FIND_NEXT: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F3)];
        const FIND_PREVIOUS: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::SHIFT, Key::F3)];
        const ZOOM_IN: [KeyboardShortcut; 2] = [cmd(Key::Plus), cmd(Key::Equals)];
        const ZOOM_OUT: [KeyboardShortcut; 1] = [cmd(Key::Minus)];
        const ZOOM_RESET: [KeyboardShortcut; 1] = [cmd(Key::Num0)];
        match self {
            Action::New => &NEW,
            Action::Open => &OPEN,
            Action::Save => &SAVE,
            Action::SaveAs => &SAVE_AS,
            Action::ImportBriefs => &IMPORT,
            Action::Quit => &QUIT,
            Action::Undo => &UNDO,
            Action::Redo => &REDO,
            Action::CreatePassage => &CREATE,
            Action::Find => &FIND,
            Action::FindNext => &FIND_NEXT,
            Action::FindPrevious => &FIND_PREVIOUS,
            Action::ZoomIn => &ZOOM_IN,
            Action::ZoomOut => &ZOOM_OUT,
            Action::ZoomReset => &ZOOM_RESET,
        }
    }

    /// Every (shortcut, action) pair, those with Shift first: egui ignores an extra Shift
    /// when matching, so Ctrl+Shift+S must be tried before Ctrl+S.
    #[must_use]
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Action)> {
        let mut table: Vec<(KeyboardShortcut, Action)> = Action::ALL
            .iter()
            .flat_map(|a| a.shortcuts().iter().map(move |s| (*s, *a)))
            .collect();
        table.sort_by_key(|(s, _)| !s.modifiers.shift);
        table
    }
}

/// A request from the interface, applied by the app's command handler after the panels ran.
#[must_use = "send the command, or it does nothing"]
#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    Action(Action),
    /// A discrete change: ends any typing run, then applies the edit as its own undo step.
    Edit(Edit),
    /// A keystroke in a text field: joins the open typing run of the same field.
    Type(Edit),
    /// A text field lost focus: the next keystroke starts a new undo step.
    EndTyping,
    SelectBrief(BriefId),
    /// Selects the passage (and its brief) where it already is in view.
    SelectPassage(PassageId),
    /// Selects the passage, shows its brief and scrolls the reader to it.
    ShowPassage(PassageId),
    ClearPassageSelection,
    /// The reader's selection as `(anchor, focus)` in code points (equal for a caret alone),
    /// or `None`.
    SetReaderSelection(Option<(usize, usize)>),
    /// The reader has scrolled to the passage it was asked to show.
    ReaderScrolled,
    /// The text typed in the find bar changed.
    SetFindQuery(String),
    /// The find field took the focus it was asked to take.
    FindFocused,
    CloseFind,
    /// Asks before removing a brief and its passages.
    AskRemoveBrief(BriefId),
    ConfirmRemoveBrief(BriefId),
    CancelRemoveBrief,
    /// The answer to "Save changes?".
    Guard(GuardChoice),
    /// The answer to "Recover unsaved work?".
    Recovery(RecoveryChoice),
    /// The answer to "changed on disk" (the dialog before Save, or the notice).
    Disk(DiskChoice),
    /// The text of the in-app path prompt changed.
    SetPromptText(String),
    SubmitPrompt,
    CancelPrompt,
    /// Files dropped on the window or picked for import.
    ImportFiles(Vec<PathBuf>),
    /// Open a workspace file (guarded against unsaved changes).
    OpenPath(PathBuf),
    DismissNotice(usize),
    DismissAllNotices,
    ShowTab(RightTab),
    SetPassagesListVisible(bool),
    SetFilter(PassageFilter),
    SetLinkDraft(LinkDraft),
    /// The text typed in the brief's date field, kept while it is not yet a valid date.
    SetDateDraft(Option<(BriefId, String)>),
    /// Shows `start..end` of a brief in the reader, selected (outline, footnotes, proposals).
    JumpTo {
        brief: BriefId,
        start: usize,
        end: usize,
    },
    /// Accepts the structure proposals with these keys (one undo step).
    AcceptProposals {
        brief: BriefId,
        keys: Vec<String>,
    },
    /// The name or description typed for a proposal before it is accepted.
    SetProposalDraft(String, ProposalDraft),
    /// Places an orphaned passage at the reader's selection.
    PlaceOrphan(PassageId),
    /// Asks for a newer version of the brief's source file and re-imports it.
    AskNewVersion(BriefId),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_shortcuts_are_matched_first() {
        let table = Action::shortcut_table();
        let save_as = table.iter().position(|(_, a)| *a == Action::SaveAs);
        let save = table.iter().position(|(_, a)| *a == Action::Save);
        assert!(save_as < save);
        let redo = table
            .iter()
            .position(|(s, a)| *a == Action::Redo && s.modifiers.shift);
        let undo = table.iter().position(|(_, a)| *a == Action::Undo);
        assert!(redo < undo);
    }

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let table = Action::shortcut_table();
        for (i, (s, _)) in table.iter().enumerate() {
            assert!(
                !table[..i].iter().any(|(t, _)| t == s),
                "{s:?} is used twice"
            );
        }
    }
}
