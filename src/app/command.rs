//! What the user can ask for: [`Action`]s (menu entries with shortcuts) and the
//! [`AppCommand`]s that panels send to the one command handler. Labels and tooltips come from
//! the message catalog ([`crate::i18n`]), in the interface's language.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::analysis::{RowOrder, Rows};
use crate::edit::Edit;
use crate::i18n::{Digits, Language, Locale};
use crate::model::{BriefId, PassageId, ScenarioId, SignpostStatus, TagId};
use crate::tr;

use super::state::{
    BoardCell, BoardSection, DiskChoice, ExportDraft, GuardChoice, LinkDraft, MemoFilter, MemoRef,
    PassageFilter, PassageSort, ProposalDraft, RecoveryChoice, Removal, Reveal, RightTab,
    SearchQuery,
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
    SearchAll,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// File → Export excerpts…: the export dialog.
    ExportExcerpts,
    /// File → Export report…: the report dialog (HTML or Word, as `basira report` writes).
    ExportReport,
    /// Edit → Copy excerpts: the passages list's rows on the clipboard, as Markdown.
    CopyExcerpts,
    /// Every action by name, fuzzy-filtered as it is typed; Enter runs it.
    CommandPalette,
    /// Help → Keyboard shortcuts: every action with its shortcuts.
    KeyboardShortcuts,
    /// Shows the analysis board in place of the reader, or the reader again.
    Board,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Action {
    pub const ALL: [Action; 22] = [
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
        Action::SearchAll,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::ExportExcerpts,
        Action::ExportReport,
        Action::CopyExcerpts,
        Action::CommandPalette,
        Action::KeyboardShortcuts,
        Action::Board,
    ];

    /// The menu label, in the interface's language.
    #[must_use]
    pub fn label(self, loc: Locale) -> String {
        match self {
            Action::New => tr!(loc, "action-new"),
            Action::Open => tr!(loc, "action-open"),
            Action::Save => tr!(loc, "action-save"),
            Action::SaveAs => tr!(loc, "action-save-as"),
            Action::ImportBriefs => tr!(loc, "action-import-briefs"),
            Action::Quit => tr!(loc, "action-quit"),
            Action::Undo => tr!(loc, "action-undo"),
            Action::Redo => tr!(loc, "action-redo"),
            Action::CreatePassage => tr!(loc, "action-create-passage"),
            Action::Find => tr!(loc, "action-find"),
            Action::FindNext => tr!(loc, "action-find-next"),
            Action::FindPrevious => tr!(loc, "action-find-previous"),
            Action::SearchAll => tr!(loc, "action-search-all"),
            Action::ZoomIn => tr!(loc, "action-zoom-in"),
            Action::ZoomOut => tr!(loc, "action-zoom-out"),
            Action::ZoomReset => tr!(loc, "action-zoom-reset"),
            Action::ExportExcerpts => tr!(loc, "action-export-excerpts"),
            Action::ExportReport => tr!(loc, "action-export-report"),
            Action::CopyExcerpts => tr!(loc, "action-copy-excerpts"),
            Action::CommandPalette => tr!(loc, "action-command-palette"),
            Action::KeyboardShortcuts => tr!(loc, "action-keyboard-shortcuts"),
            Action::Board => tr!(loc, "action-board"),
        }
    }

    /// What the action does, for tooltips.
    #[must_use]
    pub fn tooltip(self, loc: Locale) -> String {
        match self {
            Action::New => tr!(loc, "action-new-tooltip"),
            Action::Open => tr!(loc, "action-open-tooltip"),
            Action::Save => tr!(loc, "action-save-tooltip"),
            Action::SaveAs => tr!(loc, "action-save-as-tooltip"),
            Action::ImportBriefs => tr!(loc, "action-import-briefs-tooltip"),
            Action::Quit => tr!(loc, "action-quit-tooltip"),
            Action::Undo => tr!(loc, "action-undo-tooltip"),
            Action::Redo => tr!(loc, "action-redo-tooltip"),
            Action::CreatePassage => tr!(loc, "action-create-passage-tooltip"),
            Action::Find => tr!(loc, "action-find-tooltip"),
            Action::FindNext => tr!(loc, "action-find-next-tooltip"),
            Action::FindPrevious => tr!(loc, "action-find-previous-tooltip"),
            Action::SearchAll => tr!(loc, "action-search-all-tooltip"),
            Action::ZoomIn => tr!(loc, "action-zoom-in-tooltip"),
            Action::ZoomOut => tr!(loc, "action-zoom-out-tooltip"),
            Action::ZoomReset => tr!(loc, "action-zoom-reset-tooltip"),
            Action::ExportExcerpts => tr!(loc, "action-export-excerpts-tooltip"),
            Action::ExportReport => tr!(loc, "action-export-report-tooltip"),
            Action::CopyExcerpts => tr!(loc, "action-copy-excerpts-tooltip"),
            Action::CommandPalette => tr!(loc, "action-command-palette-tooltip"),
            Action::KeyboardShortcuts => tr!(loc, "action-keyboard-shortcuts-tooltip"),
            Action::Board => tr!(loc, "action-board-tooltip"),
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
        const SEARCH_ALL: [KeyboardShortcut; 1] = [cmd_shift(Key::F)];
        const ZOOM_IN: [KeyboardShortcut; 2] = [cmd(Key::Plus), cmd(Key::Equals)];
        const ZOOM_OUT: [KeyboardShortcut; 1] = [cmd(Key::Minus)];
        const ZOOM_RESET: [KeyboardShortcut; 1] = [cmd(Key::Num0)];
        const EXPORT: [KeyboardShortcut; 1] = [cmd_shift(Key::E)];
        const REPORT: [KeyboardShortcut; 1] = [cmd_shift(Key::R)];
        const COPY_EXCERPTS: [KeyboardShortcut; 1] = [cmd_shift(Key::C)];
        const PALETTE: [KeyboardShortcut; 1] = [cmd_shift(Key::P)];
        const SHORTCUTS: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F1)];
        const BOARD: [KeyboardShortcut; 1] = [cmd(Key::B)];
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
            Action::SearchAll => &SEARCH_ALL,
            Action::ZoomIn => &ZOOM_IN,
            Action::ZoomOut => &ZOOM_OUT,
            Action::ZoomReset => &ZOOM_RESET,
            Action::ExportExcerpts => &EXPORT,
            Action::ExportReport => &REPORT,
            Action::CopyExcerpts => &COPY_EXCERPTS,
            Action::CommandPalette => &PALETTE,
            Action::KeyboardShortcuts => &SHORTCUTS,
            Action::Board => &BOARD,
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

/// How well `query` matches `label` for the command palette, or `None` when it does not: every
/// character of the query (spaces aside, case ignored) must appear in the label in order.
/// Higher is better: characters that follow each other in the label and characters at the
/// start of a word count more. A tie goes to the action met first in the menus
/// ([`palette_matches`]), so "exp" keeps finding Export excerpts… before Export report….
#[must_use]
pub fn fuzzy_score(query: &str, label: &str) -> Option<i64> {
    let label: Vec<char> = label.chars().flat_map(char::to_lowercase).collect();
    let mut score: i64 = 0;
    let mut at = 0usize;
    let mut previous: Option<usize> = None;
    for q in query
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
    {
        let found = label[at..].iter().position(|c| *c == q)? + at;
        score += 1;
        if previous.is_some_and(|p| p + 1 == found) {
            score += 5;
        }
        if found == 0 || !label[found - 1].is_alphanumeric() {
            score += 3;
        }
        previous = Some(found);
        at = found + 1;
    }
    Some(score)
}

/// The actions the palette offers for `query`, best first (all of them, in menu order, for an
/// empty query); the palette itself is left out.
#[must_use]
pub fn palette_matches(query: &str, loc: Locale) -> Vec<Action> {
    let mut scored: Vec<(i64, usize, Action)> = Action::ALL
        .iter()
        .enumerate()
        .filter(|(_, a)| **a != Action::CommandPalette)
        .filter_map(|(i, a)| fuzzy_score(query, &a.label(loc)).map(|s| (s, i, *a)))
        .collect();
    if !query.trim().is_empty() {
        scored.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    }
    scored.into_iter().map(|(_, _, a)| a).collect()
}

/// Takes `shortcut` out of this frame's `events` if it was pressed: by its key as the layout
/// names it (egui's own matching), or, for a letter shortcut, by the physical key when the
/// layout's key is no Latin letter. On an Arabic layout Ctrl+«س» is Ctrl+S: egui-winit already
/// falls back to the physical key when the layout's character is no key egui knows (an Arabic
/// letter), but a shifted Arabic key can be punctuation egui does know (Shift+F gives «[» on the
/// common Arabic layouts), which would make Ctrl+Shift+F a Ctrl+[. Layouts whose keys are Latin
/// letters elsewhere (AZERTY, Dvorak) keep their own letters: the physical key is only asked when
/// the layout's is not a letter.
pub fn consume_shortcut(events: &mut Vec<egui::Event>, shortcut: &KeyboardShortcut) -> bool {
    let mut found = false;
    events.retain(|event| {
        let egui::Event::Key {
            key,
            physical_key,
            pressed: true,
            modifiers,
            ..
        } = event
        else {
            return true;
        };
        if found || !modifiers.matches_logically(shortcut.modifiers) {
            return true;
        }
        let by_layout = *key == shortcut.logical_key;
        let by_position = is_letter(shortcut.logical_key)
            && !is_letter(*key)
            && *physical_key == Some(shortcut.logical_key);
        found = by_layout || by_position;
        !found
    });
    found
}

/// A key of the Latin letters A–Z.
fn is_letter(key: Key) -> bool {
    key.name().len() == 1 && key.name().chars().all(|c| c.is_ascii_alphabetic())
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
    /// The workspace search's query or options changed.
    SetSearch(SearchQuery),
    /// The workspace search's field took the focus it was asked to take.
    SearchFocused,
    /// Chooses (`true`) or unchooses a hit of the workspace search, by its index.
    ChooseHit(usize, bool),
    /// The tag the passages made from chosen hits get.
    SetAutocodeTag(Option<TagId>),
    /// The chosen hits become passages (one undo step).
    CreatePassagesFromHits,
    /// Asks before removing a brief, passage, tag, determinant or scenario, saying what goes
    /// with it.
    AskRemove(Removal),
    ConfirmRemove(Removal),
    CancelRemove,
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
    /// Sorts the passages list.
    SetPassageSort(PassageSort),
    /// Puts a passage's quote on the clipboard.
    CopyQuote(PassageId),
    /// The name typed in the inspector's tag picker.
    SetTagDraft(String),
    /// Merges tag `from` into tag `into` (one undo step) and says so.
    MergeTag {
        from: crate::model::TagId,
        into: crate::model::TagId,
    },
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
    /// Shows the interface in this language from now on (View → Language), and keeps it.
    SetLanguage(Language),
    /// Writes the interface's numbers in these digits from now on, and keeps them.
    SetDigits(Digits),
    /// The export dialog's choices changed (format, filters).
    SetExportDraft(ExportDraft),
    /// The text typed in the command palette changed.
    SetPaletteQuery(String),
    /// Moves the palette's choice to this row of its matches.
    SetPaletteChoice(usize),
    /// Runs an action chosen in the command palette (closing it first).
    RunAction(Action),
    /// Closes the palette or the shortcuts list.
    CloseOverlay,
    /// Draws the whole interface at this scale (View → Text size).
    SetTextScale(f32),
    /// Extend / shrink to selection: the passage takes the reader's selection as its range.
    PassageToSelection(PassageId),
    /// Creates a passage over the reader's selection with these tags and links.
    CreatePassageWith {
        tags: Vec<crate::model::TagId>,
        links: Vec<crate::model::Link>,
    },
    /// The export dialog's Export…: asks where, then writes in the background.
    SubmitExport,
    CancelExport,
    /// Shows the analysis board in place of the reader (`true`), or the reader again.
    ShowBoard(bool),
    ShowBoardSection(BoardSection),
    /// Chooses the board cell whose passages are listed, or none.
    SelectBoardCell(Option<BoardCell>),
    /// Sorts the competing-scenarios rows.
    SetRowOrder(RowOrder),
    /// Which passages are the competing-scenarios rows.
    SetAchRows(Rows),
    /// Discounts a passage for a what-if, or counts it again.
    ToggleWhatIfPassage(PassageId),
    /// Discounts a whole brief for a what-if, or counts it again.
    ToggleWhatIfBrief(BriefId),
    /// Counts every passage again.
    ClearWhatIf,
    /// Sets a signpost's status, assessed today (`None`: not assessed).
    SetSignpostStatus {
        passage: PassageId,
        scenario: ScenarioId,
        status: Option<SignpostStatus>,
    },
    /// The memos list's filter changed (text or kind).
    SetMemoFilter(MemoFilter),
    /// Opens the object a memo is on: a brief in the reader, a passage selected in the
    /// reader, a tag, determinant or scenario in its editor with its memo field focused.
    OpenMemo(MemoRef),
    /// Brings an editor item into view on the next frame and focuses one of its fields (a new
    /// item's name).
    Reveal(Reveal),
    /// The editor brought the item asked for into view.
    Revealed,
    /// The window moved or was resized, or a side panel was dragged to another width.
    SetLayout(super::state::WindowLayout),
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

    fn key(key: Key, physical: Key, modifiers: Modifiers) -> egui::Event {
        egui::Event::Key {
            key,
            physical_key: Some(physical),
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    #[test]
    fn letter_shortcuts_match_the_physical_key_under_a_non_latin_layout() {
        let ctrl_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        // Shift+F on an Arabic layout types «[»: egui-winit reports the key as OpenBracket.
        let mut events = vec![key(Key::OpenBracket, Key::F, ctrl_shift)];
        assert!(consume_shortcut(&mut events, &cmd_shift(Key::F)));
        assert!(events.is_empty(), "the key press is consumed");
        // Ctrl+«س»: egui-winit already gives S from the physical key.
        let mut events = vec![key(Key::S, Key::S, Modifiers::COMMAND)];
        assert!(consume_shortcut(&mut events, &cmd(Key::S)));
    }

    #[test]
    fn latin_layouts_keep_their_own_letters() {
        // Dvorak: the key where QWERTY has S types O; Ctrl+that is Open, not Save.
        let mut events = vec![key(Key::O, Key::S, Modifiers::COMMAND)];
        assert!(!consume_shortcut(&mut events, &cmd(Key::S)));
        assert!(consume_shortcut(&mut events, &cmd(Key::O)));
        // A punctuation shortcut is matched by the layout's key only.
        let mut events = vec![key(Key::A, Key::Minus, Modifiers::COMMAND)];
        assert!(!consume_shortcut(&mut events, &cmd(Key::Minus)));
    }

    #[test]
    fn the_palette_finds_the_report_and_gives_a_tie_to_the_menu_order() {
        let loc = Locale::default();
        assert_eq!(
            palette_matches("report", loc).first(),
            Some(&Action::ExportReport)
        );
        assert_eq!(
            palette_matches("export", loc)[..2],
            [Action::ExportExcerpts, Action::ExportReport]
        );
        assert_eq!(
            palette_matches("تصدير التقرير", Locale::ARABIC).first(),
            Some(&Action::ExportReport)
        );
    }

    #[test]
    fn the_palette_matches_letters_in_order_and_prefers_words() {
        assert!(fuzzy_score("zin", "Zoom in").is_some());
        assert!(fuzzy_score("nz", "Zoom in").is_none());
        assert!(fuzzy_score("", "Save").is_some());
        let loc = Locale::default();
        assert_eq!(
            palette_matches("zoom in", loc).first(),
            Some(&Action::ZoomIn)
        );
        assert_eq!(
            palette_matches("save as", loc).first(),
            Some(&Action::SaveAs)
        );
        assert_eq!(
            palette_matches("exp", loc).first(),
            Some(&Action::ExportExcerpts)
        );
        assert!(!palette_matches("", loc).contains(&Action::CommandPalette));
        assert_eq!(palette_matches("", loc).len(), Action::ALL.len() - 1);
        // Arabic labels are matched as typed.
        let ar = Locale::ARABIC;
        let save = Action::Save.label(ar);
        assert!(palette_matches(&save, ar).contains(&Action::Save));
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
