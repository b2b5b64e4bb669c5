//! The app's state: the open document and what the interface shows of it.
//!
//! Panels only read this; [`super::BasiraApp::handle`] is the one place that changes it.

use std::ops::Range;
use std::path::PathBuf;

use crate::analysis::{Options as BoardOptions, RowOrder};
use crate::edit::Document;
use crate::i18n::Locale;
use crate::io::FileStamp;
use crate::io::recovery;
use crate::model::{
    Brief, BriefId, DeterminantId, LinkTarget, MemoTarget, PassageId, Relation, ScenarioId, TagId,
    Workspace,
};
use crate::search::{self, SearchOptions};
use crate::tr;

/// The open workspace: its document (with undo history) and where it lives on disk.
#[derive(Debug, Default)]
pub struct Session {
    pub doc: Document,
    /// Where Save writes; `None` until the workspace has been saved somewhere.
    pub path: Option<PathBuf>,
    /// What the window title calls the workspace.
    pub name: String,
    /// The file at `path` as it was last read or written, to notice changes made by others.
    pub stamp: Option<FileStamp>,
}

impl Session {
    #[must_use]
    pub fn untitled(workspace: Workspace) -> Self {
        Self {
            doc: Document::new(workspace),
            path: None,
            name: UNTITLED.into(),
            stamp: None,
        }
    }

    /// A workspace loaded from `path`, whose bytes had `stamp`.
    #[must_use]
    pub fn opened(workspace: Workspace, path: PathBuf, stamp: FileStamp) -> Self {
        let name = file_name(&path);
        Self {
            doc: Document::new(workspace),
            path: Some(path),
            name,
            stamp: Some(stamp),
        }
    }

    #[must_use]
    pub fn workspace(&self) -> &Workspace {
        self.doc.workspace()
    }

    /// `● name — Basira` while there are unsaved changes, `name — Basira` otherwise. The
    /// operating system draws the title with its own bidi, so an Arabic name is put in an
    /// isolate ([`super::paint::bidi_label::isolate_for_os`]) rather than laid out by Basira.
    #[must_use]
    pub fn window_title(&self, loc: Locale) -> String {
        let marker = if self.doc.is_dirty() { "● " } else { "" };
        let name = super::paint::bidi_label::isolate_for_os(&self.display_name(loc));
        let app = if loc.language.is_rtl() {
            "بصيرة"
        } else {
            "Basira"
        };
        format!("{marker}{name} — {app}")
    }

    /// What the interface calls the workspace: its file name, "Untitled", or the sample's name.
    #[must_use]
    pub fn display_name(&self, loc: Locale) -> String {
        if self.name == UNTITLED {
            tr!(loc, "untitled-workspace")
        } else if let Some(sample) = self.name.strip_suffix(SAMPLE_SUFFIX) {
            tr!(loc, "sample-suffix", name = sample)
        } else {
            self.name.clone()
        }
    }
}

/// The name of a workspace never saved (shown in the interface's language).
pub const UNTITLED: &str = "Untitled";

/// Added to the name of the bundled sample, which opens as an unsaved copy.
pub const SAMPLE_SUFFIX: &str = " (sample)";

/// A time as the analyst reads it: local, to the minute.
pub fn local_time(loc: Locale, at: chrono::DateTime<chrono::Utc>) -> String {
    let local = at.with_timezone(&chrono::Local);
    let time = local.format("%H:%M").to_string();
    format!(
        "{} {}",
        loc.date(local.date_naive()),
        loc.digits.apply(&time)
    )
}

/// The file name of `path`, for titles and messages.
#[must_use]
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The reader's selection in one brief, in code points: where it was started (`anchor`) and
/// where it is being extended (`focus`, the caret). `anchor == focus` is a caret alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReaderSelection {
    pub brief: BriefId,
    pub anchor: usize,
    pub focus: usize,
}

impl ReaderSelection {
    /// The first selected code point.
    #[must_use]
    pub fn start(&self) -> usize {
        self.anchor.min(self.focus)
    }

    /// One past the last selected code point.
    #[must_use]
    pub fn end(&self) -> usize {
        self.anchor.max(self.focus)
    }

    #[must_use]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// A caret without selected text.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.anchor == self.focus
    }
}

/// How much larger than normal the reader shows brief text (Ctrl+plus / Ctrl+minus / Ctrl+0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReaderZoom(f32);

impl ReaderZoom {
    /// The steps zooming goes through.
    const STEPS: [f32; 13] = [
        0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
    ];

    #[must_use]
    pub fn factor(self) -> f32 {
        self.0
    }

    /// The next larger step (the largest stays).
    #[must_use]
    pub fn larger(self) -> Self {
        Self(
            Self::STEPS
                .into_iter()
                .find(|s| *s > self.0 + 0.001)
                .unwrap_or(self.0),
        )
    }

    /// The next smaller step (the smallest stays).
    #[must_use]
    pub fn smaller(self) -> Self {
        Self(
            Self::STEPS
                .into_iter()
                .rfind(|s| *s < self.0 - 0.001)
                .unwrap_or(self.0),
        )
    }
}

impl ReaderZoom {
    /// The zoom step nearest to `factor` (a zoom kept from the last session).
    #[must_use]
    pub fn nearest(factor: f32) -> Self {
        let mut best = 1.0;
        for step in Self::STEPS {
            if (step - factor).abs() < (best - factor).abs() {
                best = step;
            }
        }
        Self(best)
    }
}

/// Where the window is and how wide the side panels are, as last drawn: kept for the next
/// session (in the config folder, with the reader's zoom).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WindowLayout {
    pub window: Option<crate::io::interface_settings::WindowPlace>,
    pub briefs_width: Option<f32>,
    pub inspector_width: Option<f32>,
}

impl Default for ReaderZoom {
    fn default() -> Self {
        Self(1.0)
    }
}

/// How large the whole interface is drawn (View → Text size): egui's zoom factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextScale(f32);

impl TextScale {
    /// The sizes View → Text size offers.
    pub const CHOICES: [f32; 6] = [0.9, 1.0, 1.1, 1.25, 1.5, 1.75];

    /// The nearest offered size to `factor`.
    #[must_use]
    pub fn nearest(factor: f32) -> Self {
        let mut best = 1.0;
        for c in Self::CHOICES {
            if (c - factor).abs() < (best - factor).abs() {
                best = c;
            }
        }
        Self(best)
    }

    #[must_use]
    pub fn factor(self) -> f32 {
        self.0
    }
}

impl Default for TextScale {
    fn default() -> Self {
        Self(1.0)
    }
}

/// The tabs of the right panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RightTab {
    #[default]
    Passage,
    Codebook,
    Determinants,
    Scenarios,
    Structure,
    /// Every memo (the workspace's, the briefs', the passages', the codebook's, the
    /// determinants' and the scenarios'), filterable, each opening its object.
    Memos,
    /// Search all briefs.
    Search,
}

/// What a memo is on, as the memos list sorts and filters them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MemoKind {
    Workspace,
    Brief,
    Passage,
    Tag,
    Determinant,
    Scenario,
}

impl MemoKind {
    pub const ALL: [MemoKind; 6] = [
        MemoKind::Workspace,
        MemoKind::Brief,
        MemoKind::Passage,
        MemoKind::Tag,
        MemoKind::Determinant,
        MemoKind::Scenario,
    ];

    /// The kind's name in the interface's language.
    #[must_use]
    pub fn label(self, loc: Locale) -> String {
        match self {
            MemoKind::Workspace => tr!(loc, "memo-kind-workspace"),
            MemoKind::Brief => tr!(loc, "memo-kind-brief"),
            MemoKind::Passage => tr!(loc, "memo-kind-passage"),
            MemoKind::Tag => tr!(loc, "memo-kind-tag"),
            MemoKind::Determinant => tr!(loc, "memo-kind-determinant"),
            MemoKind::Scenario => tr!(loc, "memo-kind-scenario"),
        }
    }

    /// "Memos on tags": the memos list's choice of this kind.
    #[must_use]
    pub fn choice(self, loc: Locale) -> String {
        match self {
            MemoKind::Workspace => tr!(loc, "memos-of-workspace"),
            MemoKind::Brief => tr!(loc, "memos-of-briefs"),
            MemoKind::Passage => tr!(loc, "memos-of-passages"),
            MemoKind::Tag => tr!(loc, "memos-of-tags"),
            MemoKind::Determinant => tr!(loc, "memos-of-determinants"),
            MemoKind::Scenario => tr!(loc, "memos-of-scenarios"),
        }
    }
}

/// The object a memo is on: the workspace, a passage (whose memo is its own field), or a
/// brief, tag, determinant or scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemoRef {
    Workspace,
    Passage(PassageId),
    On(MemoTarget),
}

impl MemoRef {
    #[must_use]
    pub fn kind(self) -> MemoKind {
        match self {
            MemoRef::Workspace => MemoKind::Workspace,
            MemoRef::Passage(_) => MemoKind::Passage,
            MemoRef::On(MemoTarget::Brief(_)) => MemoKind::Brief,
            MemoRef::On(MemoTarget::Tag(_)) => MemoKind::Tag,
            MemoRef::On(MemoTarget::Determinant(_)) => MemoKind::Determinant,
            MemoRef::On(MemoTarget::Scenario(_)) => MemoKind::Scenario,
        }
    }
}

/// What the memos list shows: memos containing `text` (as find matches it: harakat, hamza
/// forms and case ignored), of one kind or of all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoFilter {
    pub text: String,
    pub kind: Option<MemoKind>,
}

/// An item of the codebook, determinants or scenarios editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorItem {
    Tag(TagId),
    Determinant(DeterminantId),
    Scenario(ScenarioId),
}

/// An editor item to bring into view on the next frame, its name field (a new item) or its
/// memo field (opened from the memos list) taking the keyboard focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reveal {
    pub item: EditorItem,
    /// The memo field takes the focus (else the name or title field).
    pub memo: bool,
}

/// The query and options of the workspace search panel (*Search all briefs*).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub query: crate::search::Query,
    pub scope: crate::search::Scope,
}

/// The workspace search panel: what was asked, what was found, which hits are chosen.
#[derive(Clone, Debug, Default)]
pub struct WorkspaceSearch {
    pub asked: SearchQuery,
    /// The hits (none while the query is wrong).
    pub results: crate::search::Results,
    /// What is wrong with the query (a bad regular expression), if anything.
    pub error: Option<crate::search::QueryError>,
    /// The (session generation, document revision) the results are for; `None` to search again.
    pub made_for: Option<(u64, u64)>,
    /// Indices into the results of the hits chosen for *Create passages*.
    pub chosen: std::collections::BTreeSet<usize>,
    /// The tag the created passages get.
    pub tag: Option<crate::model::TagId>,
    /// The query field should take the focus.
    pub focus_field: bool,
}

/// The sections of the analysis board.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BoardSection {
    /// Determinants × scenarios.
    #[default]
    Matrix,
    /// Competing scenarios: evidence × scenarios.
    Ach,
    Sensitivity,
    Indicators,
    Frequencies,
}

impl BoardSection {
    pub const ALL: [BoardSection; 5] = [
        BoardSection::Matrix,
        BoardSection::Ach,
        BoardSection::Sensitivity,
        BoardSection::Indicators,
        BoardSection::Frequencies,
    ];

    #[must_use]
    pub fn label(self, loc: Locale) -> String {
        match self {
            BoardSection::Matrix => tr!(loc, "board-matrix"),
            BoardSection::Ach => tr!(loc, "board-ach"),
            BoardSection::Sensitivity => tr!(loc, "board-sensitivity"),
            BoardSection::Indicators => tr!(loc, "board-indicators"),
            BoardSection::Frequencies => tr!(loc, "board-frequencies"),
        }
    }
}

/// A cell of one of the board's grids, chosen to list its passages or edit it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardCell {
    Matrix {
        determinant: DeterminantId,
        scenario: ScenarioId,
    },
    Ach {
        passage: PassageId,
        scenario: ScenarioId,
    },
    TagBrief {
        tag: TagId,
        brief: BriefId,
    },
    TagTag {
        row: TagId,
        column: TagId,
    },
}

/// What the analysis board shows. Never saved: the what-if discounts in `options` are a
/// question asked of the board, not a judgement recorded in the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardState {
    /// The board is shown in place of the reader.
    pub open: bool,
    pub section: BoardSection,
    /// The cell whose passages are listed (and which is edited).
    pub cell: Option<BoardCell>,
    /// How the competing-scenarios rows are sorted.
    pub order: RowOrder,
    /// The what-if discounts and which passages are the ACH rows.
    pub options: BoardOptions,
}

impl Default for BoardState {
    fn default() -> Self {
        Self {
            open: false,
            section: BoardSection::default(),
            cell: None,
            order: RowOrder::Diagnosticity,
            options: BoardOptions::default(),
        }
    }
}

/// What the analyst typed over a structure proposal's name or description; `None` keeps the
/// proposal's own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProposalDraft {
    pub name: Option<String>,
    pub description: Option<String>,
}

impl RightTab {
    pub const ALL: [RightTab; 7] = [
        RightTab::Passage,
        RightTab::Codebook,
        RightTab::Determinants,
        RightTab::Scenarios,
        RightTab::Structure,
        RightTab::Memos,
        RightTab::Search,
    ];

    #[must_use]
    pub fn label(self, loc: Locale) -> String {
        match self {
            RightTab::Passage => tr!(loc, "tab-passage"),
            RightTab::Codebook => tr!(loc, "tab-codebook"),
            RightTab::Determinants => tr!(loc, "tab-determinants"),
            RightTab::Scenarios => tr!(loc, "tab-scenarios"),
            RightTab::Structure => tr!(loc, "tab-structure"),
            RightTab::Memos => tr!(loc, "tab-memos"),
            RightTab::Search => tr!(loc, "tab-search"),
        }
    }
}

/// A column of the passages list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PassageColumn {
    Brief,
    Quote,
    Grade,
    Tags,
    Links,
    Memo,
    Created,
}

impl PassageColumn {
    /// The columns as they stand, from the leading edge.
    pub const ALL: [PassageColumn; 7] = [
        PassageColumn::Brief,
        PassageColumn::Quote,
        PassageColumn::Grade,
        PassageColumn::Tags,
        PassageColumn::Links,
        PassageColumn::Memo,
        PassageColumn::Created,
    ];

    /// The column's header.
    #[must_use]
    pub fn label(self, loc: Locale) -> String {
        match self {
            PassageColumn::Brief => tr!(loc, "passages-column-brief"),
            PassageColumn::Quote => tr!(loc, "passages-column-quote"),
            PassageColumn::Grade => tr!(loc, "passages-column-grade"),
            PassageColumn::Tags => tr!(loc, "passages-column-tags"),
            PassageColumn::Links => tr!(loc, "passages-column-links"),
            PassageColumn::Memo => tr!(loc, "passages-column-memo"),
            PassageColumn::Created => tr!(loc, "passages-column-created"),
        }
    }
}

/// How the passages list is sorted: by a column, up or down; with no column, by brief (in the
/// workspace's order) and reading order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PassageSort {
    pub column: Option<PassageColumn>,
    pub descending: bool,
}

impl PassageSort {
    /// The sort after a click on `column`'s header: by that column, ascending; a second click
    /// on the same header reverses it.
    #[must_use]
    pub fn clicked(self, column: PassageColumn) -> Self {
        if self.column == Some(column) {
            Self {
                column: Some(column),
                descending: !self.descending,
            }
        } else {
            Self {
                column: Some(column),
                descending: false,
            }
        }
    }
}

/// Which passages the passages list shows: the same filter as excerpt export, so the list
/// and an export with the same choices always agree; `None` means "any".
pub type PassageFilter = crate::export::Filter;

/// The link the inspector is about to add.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinkDraft {
    pub target: Option<LinkTarget>,
    pub relation: Relation,
}

/// What waits behind "Save changes?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
}

/// The answers to "Save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuardChoice {
    Save,
    Discard,
    Cancel,
}

/// The answers to "Recover unsaved work?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the copy as unsaved work on its original file.
    Restore,
    /// Delete the copy.
    Discard,
    /// Keep the copy for the next start (the dialog was closed without an answer).
    Later,
}

/// The answers when the workspace file was changed on disk by someone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChoice {
    /// Discard this version and load the one on disk.
    Reload,
    /// Save this version over the one on disk.
    KeepMine,
    /// Save this version to another file.
    SaveAs,
    /// Do nothing now (closes the dialog or hides the notice).
    Dismiss,
}

/// What the disk watch found out about the workspace file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChange {
    /// Someone else changed it; the stamp of their version.
    Changed(FileStamp),
    /// It is gone (moved or deleted); Save writes it again.
    Missing,
}

/// The non-blocking notice about the workspace file, until acted on or dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskNotice {
    pub change: DiskChange,
    pub dismissed: bool,
}

/// What the in-app path prompt (used when native dialogs are unavailable) asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptPurpose {
    OpenWorkspace,
    /// Save As; afterwards, carry on with what was pending.
    SaveWorkspace {
        then: Option<Pending>,
    },
    ImportBriefs,
    /// A newer version of this brief's source file.
    NewVersionOf(BriefId),
    /// Where to write the excerpts (or the report) chosen in the export dialog.
    Export(ExportDraft),
}

impl PromptPurpose {
    #[must_use]
    pub fn title(&self, loc: Locale) -> String {
        match self {
            PromptPurpose::OpenWorkspace => tr!(loc, "prompt-open"),
            PromptPurpose::SaveWorkspace { .. } => tr!(loc, "prompt-save"),
            PromptPurpose::ImportBriefs => tr!(loc, "prompt-import"),
            PromptPurpose::NewVersionOf(_) => tr!(loc, "prompt-new-version"),
            PromptPurpose::Export(draft) if draft.format.is_report() => {
                tr!(loc, "prompt-report")
            }
            PromptPurpose::Export(_) => tr!(loc, "prompt-export"),
        }
    }
}

/// The modal dialog in front of everything, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Modal {
    UnsavedChanges(Pending),
    /// "Remove …?": what goes with it, Remove or Cancel.
    ConfirmRemove(Removal),
    PathPrompt {
        purpose: PromptPurpose,
        text: String,
    },
    /// A recovery copy of unsaved work from a session that did not end cleanly.
    RecoverWork(recovery::Offer),
    /// Save found the file changed on disk; afterwards, carry on with what was pending.
    ChangedOnDisk {
        then: Option<Pending>,
    },
    /// A large workspace is being opened or saved on a thread: what, for the dialog that
    /// shows it and keeps the work from changing meanwhile.
    Working(String),
    /// File → Export excerpts… or Export report…: the format and the filters, before asking
    /// where.
    Export(ExportDraft),
    /// The command palette (Ctrl+Shift+P): what is typed and which match is chosen.
    Palette {
        query: String,
        choice: usize,
    },
    /// Help → Keyboard shortcuts.
    Shortcuts,
}

/// Something the analyst can remove. Every kind is removed the same way: the dialog says what
/// goes with it ("«NATO» — used by 2 passages"), asks, and the removal is one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal {
    Brief(BriefId),
    Passage(PassageId),
    Tag(crate::model::TagId),
    Determinant(crate::model::DeterminantId),
    Scenario(crate::model::ScenarioId),
}

impl Removal {
    /// The edit that removes it (with its cascade: a brief's passages, a tag's uses, the links
    /// to a determinant or scenario).
    #[must_use]
    pub fn edit(self) -> crate::edit::Edit {
        use crate::edit::Edit;
        match self {
            Removal::Brief(id) => Edit::RemoveBrief(id),
            Removal::Passage(id) => Edit::RemovePassage(id),
            Removal::Tag(id) => Edit::RemoveTag(id),
            Removal::Determinant(id) => Edit::RemoveDeterminant(id),
            Removal::Scenario(id) => Edit::RemoveScenario(id),
        }
    }

    /// Whether it is still in `ws` (an undo may have taken it away meanwhile).
    #[must_use]
    pub fn exists(self, ws: &Workspace) -> bool {
        match self {
            Removal::Brief(id) => ws.brief(id).is_some(),
            Removal::Passage(id) => ws.passage(id).is_some(),
            Removal::Tag(id) => ws.tag(id).is_some(),
            Removal::Determinant(id) => ws.determinant(id).is_some(),
            Removal::Scenario(id) => ws.scenario(id).is_some(),
        }
    }
}

/// What the export dialog has chosen: the same choices as `basira export`, or as `basira
/// report` for File → Export report….
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportDraft {
    pub format: ExportFormat,
    pub filter: PassageFilter,
}

/// What an export writes: excerpts in one of `basira export`'s formats, or the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Excerpts(crate::export::Format),
    Report(crate::report::ReportFormat),
}

impl ExportFormat {
    /// The file name extension it is written with.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Excerpts(format) => format.extension(),
            ExportFormat::Report(format) => format.extension(),
        }
    }

    #[must_use]
    pub fn is_report(self) -> bool {
        matches!(self, ExportFormat::Report(_))
    }
}

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Something done that the analyst should know of (a file written).
    Info,
    Warning,
    Error,
}

/// A message shown in the notices area: an error until it is closed, anything else until it
/// is closed or [`Notice::expires_at`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub level: NoticeLevel,
    pub text: String,
    /// When it was first shown (set by the reducer from its clock once it is handled).
    pub posted: Option<chrono::DateTime<chrono::Utc>>,
}

impl Notice {
    /// How long a notice of `level` stays up; `None` for errors, which stay until closed.
    #[must_use]
    pub fn lifetime(level: NoticeLevel) -> Option<chrono::TimeDelta> {
        match level {
            NoticeLevel::Info => Some(chrono::TimeDelta::seconds(6)),
            NoticeLevel::Warning => Some(chrono::TimeDelta::seconds(12)),
            NoticeLevel::Error => None,
        }
    }

    /// When it goes away by itself, if it does.
    #[must_use]
    pub fn expires_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        Some(self.posted? + Self::lifetime(self.level)?)
    }
}

/// What the interface shows of the document. Never saved into the workspace.
#[derive(Debug, Default)]
pub struct UiState {
    pub selected_brief: Option<BriefId>,
    pub selected_passage: Option<PassageId>,
    pub reader_selection: Option<ReaderSelection>,
    pub reader_zoom: ReaderZoom,
    /// The reader should scroll this passage into view on its next frame.
    pub scroll_to: Option<PassageId>,
    /// A place in a brief the reader is asked to scroll to (outline, footnote, proposal).
    pub jump_to: Option<(BriefId, usize)>,
    /// Names and descriptions typed for structure proposals not yet accepted, by key.
    pub proposal_drafts: std::collections::HashMap<String, ProposalDraft>,
    pub tab: RightTab,
    pub show_passages_list: bool,
    pub filter: PassageFilter,
    /// How the passages list is sorted.
    pub passage_sort: PassageSort,
    /// The name typed in the inspector's tag picker, for a tag to create or apply.
    pub tag_draft: String,
    pub link_draft: LinkDraft,
    pub date_draft: Option<(BriefId, String)>,
    pub modal: Option<Modal>,
    pub notices: Vec<Notice>,
    /// The last thing that happened, for the status bar.
    pub status: String,
    /// The files being imported and the fraction of each that is done, for the status bar.
    pub import_progress: Vec<(String, f32)>,
    /// Set when the user chose to quit without saving, so the close request goes through.
    pub allow_close: bool,
    /// What the disk watch last found out about the workspace file.
    pub disk_notice: Option<DiskNotice>,
    /// The reader's find bar, while it is open.
    pub find: Option<FindState>,
    /// The interface's language and digits (a preference kept in the config folder).
    pub locale: Locale,
    /// The scale of the whole interface (View → Text size), 1 at normal size.
    pub text_scale: TextScale,
    /// The format the export dialog last wrote, offered first next time.
    pub export_format: Option<crate::export::Format>,
    /// The report format last written from File → Export report….
    pub report_format: Option<crate::report::ReportFormat>,
    /// The analysis board: shown or not, its section, chosen cell, sorting and what-ifs.
    pub board: BoardState,
    /// What the memos list shows.
    pub memo_filter: MemoFilter,
    /// The editor item to bring into view (and focus) on the next frame.
    pub reveal: Option<Reveal>,
    /// The window's place and the side panels' widths, as last drawn.
    pub layout: WindowLayout,
    /// The workspace search panel.
    pub search: WorkspaceSearch,
}

/// The reader's find bar (Ctrl+F): the query and its hits in the shown brief, recomputed only
/// when the query or the brief changes ([`FindState::refresh`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindState {
    pub query: String,
    /// The hits of `query` in the brief, code-point ranges of its text, in order.
    pub hits: Vec<Range<usize>>,
    /// The hit the analyst last moved to (index into `hits`).
    pub current: Option<usize>,
    /// The find field should take the keyboard focus on its next frame.
    pub focus_field: bool,
    /// The reader should scroll the current hit into view on its next frame.
    pub scroll_pending: bool,
    /// What `hits` were computed for: the brief, its text (length and address) and the query.
    computed_for: Option<(BriefId, usize, usize, String)>,
}

impl FindState {
    /// An open find bar whose field takes the focus.
    #[must_use]
    pub fn opened() -> Self {
        Self {
            focus_field: true,
            ..Self::default()
        }
    }

    /// Recomputes the hits when the query or the brief (or its text) changed since they were
    /// computed; otherwise does nothing.
    pub fn refresh(&mut self, brief: Option<&Brief>) {
        let key = brief.map(|b| {
            (
                b.id,
                b.text.len(),
                b.text.as_ptr() as usize,
                self.query.clone(),
            )
        });
        if key == self.computed_for {
            return;
        }
        self.hits = brief.map_or_else(Vec::new, |b| {
            search::find_all(&b.text, &self.query, SearchOptions::default())
        });
        self.current = None;
        self.scroll_pending = false;
        self.computed_for = key;
    }

    /// Moves to the next hit (or the previous one), wrapping around; from no current hit, to
    /// the first hit after `from` (or the last one before it). Returns the hit moved to.
    pub fn step(&mut self, forward: bool, from: usize) -> Option<Range<usize>> {
        let n = self.hits.len();
        if n == 0 {
            return None;
        }
        let next = match (self.current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => self.hits.iter().position(|h| h.start >= from).unwrap_or(0),
            (None, false) => self
                .hits
                .iter()
                .rposition(|h| h.end <= from)
                .unwrap_or(n - 1),
        };
        self.current = Some(next);
        self.scroll_pending = true;
        self.hits.get(next).cloned()
    }

    /// "3 of 12", "12 matches", "No matches" (nothing while the query is empty).
    #[must_use]
    pub fn count_text(&self, loc: Locale) -> String {
        match (self.current, self.hits.len()) {
            _ if self.query.trim().is_empty() => String::new(),
            (_, 0) => tr!(loc, "find-no-matches"),
            (Some(i), n) => tr!(loc, "find-position", current = i + 1, total = n),
            (None, n) => tr!(loc, "find-matches", count = n),
        }
    }
}

impl UiState {
    /// The state for a freshly opened workspace: its first brief selected.
    #[must_use]
    pub fn for_workspace(ws: &Workspace) -> Self {
        Self {
            selected_brief: ws.briefs.first().map(|b| b.id),
            show_passages_list: true,
            ..Self::default()
        }
    }

    /// Forgets selections that point at things no longer in the workspace (after undo etc.).
    pub fn drop_dangling(&mut self, ws: &Workspace) {
        if self.selected_brief.is_some_and(|b| ws.brief(b).is_none()) {
            self.selected_brief = ws.briefs.first().map(|b| b.id);
        }
        if self
            .selected_passage
            .is_some_and(|p| ws.passage(p).is_none())
        {
            self.selected_passage = None;
        }
        if self
            .reader_selection
            .is_some_and(|s| Some(s.brief) != self.selected_brief)
        {
            self.reader_selection = None;
        }
        let f = &mut self.filter;
        if f.brief.is_some_and(|b| ws.brief(b).is_none()) {
            f.brief = None;
        }
        if f.tag.is_some_and(|t| ws.tag(t).is_none()) {
            f.tag = None;
        }
        if self.search.tag.is_some_and(|t| ws.tag(t).is_none()) {
            self.search.tag = None;
        }
        if f.determinant.is_some_and(|d| ws.determinant(d).is_none()) {
            f.determinant = None;
        }
        if f.scenario.is_some_and(|s| ws.scenario(s).is_none()) {
            f.scenario = None;
        }
        if self
            .link_draft
            .target
            .is_some_and(|t| ws.link_target_title(t).is_none())
        {
            self.link_draft.target = None;
        }
        if matches!(self.modal, Some(Modal::ConfirmRemove(r)) if !r.exists(ws)) {
            self.modal = None;
        }
        let revealed_gone = self.reveal.is_some_and(|r| match r.item {
            EditorItem::Tag(id) => ws.tag(id).is_none(),
            EditorItem::Determinant(id) => ws.determinant(id).is_none(),
            EditorItem::Scenario(id) => ws.scenario(id).is_none(),
        });
        if revealed_gone {
            self.reveal = None;
        }
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.notice(NoticeLevel::Error, text.into());
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.notice(NoticeLevel::Info, text.into());
    }

    pub fn warning(&mut self, text: impl Into<String>) {
        self.notice(NoticeLevel::Warning, text.into());
    }

    fn notice(&mut self, level: NoticeLevel, text: String) {
        self.notices.push(Notice {
            level,
            text,
            posted: None,
        });
    }

    /// Stamps the notices not yet stamped with the time they were first shown.
    pub fn stamp_notices(&mut self, now: chrono::DateTime<chrono::Utc>) {
        for notice in self.notices.iter_mut().filter(|n| n.posted.is_none()) {
            notice.posted = Some(now);
        }
    }

    /// The first time a notice shown goes away by itself, if one does.
    #[must_use]
    pub fn next_expiry(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.notices.iter().filter_map(Notice::expires_at).min()
    }
}
