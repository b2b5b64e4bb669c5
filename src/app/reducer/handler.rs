//! The commands panels send, applied (see [`super::Model::handle`]).

use std::path::PathBuf;

use super::Model;
use crate::app::command::{Action, AppCommand};
use crate::app::state::{MemoRef, Modal, Pending, RightTab};
use crate::edit::{self, Edit};
use crate::i18n::Locale;
use crate::io::interface_settings::InterfaceSettings;
use crate::model::{BriefId, PassageId};
use crate::tr;

/// What to do with files dropped on the window: a single `.ron` file is opened as a
/// workspace, anything else is imported as briefs.
pub fn dropped_files_command(paths: Vec<PathBuf>) -> AppCommand {
    let is_workspace = |p: &PathBuf| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    match paths.as_slice() {
        [only] if is_workspace(only) => AppCommand::OpenPath(only.clone()),
        _ => AppCommand::ImportFiles(paths),
    }
}

impl Model {
    /// Applies one command. Every change to the workspace goes through `Document::apply`.
    pub(super) fn command(&mut self, cmd: AppCommand) {
        match cmd {
            AppCommand::Action(action) => self.action(action),
            AppCommand::Edit(edit) => {
                self.session.doc.end_typing();
                self.apply(edit);
            }
            AppCommand::Type(edit) => {
                self.apply(edit);
            }
            AppCommand::EndTyping => self.session.doc.end_typing(),
            AppCommand::SelectBrief(id) => self.select_brief(id),
            AppCommand::SelectPassage(id) => self.select_passage(id, false),
            AppCommand::ShowPassage(id) => self.select_passage(id, true),
            AppCommand::ClearPassageSelection => self.state.selected_passage = None,
            AppCommand::SetReaderSelection(range) => {
                self.state.reader_selection = match (range, self.state.selected_brief) {
                    (Some((anchor, focus)), Some(brief)) => {
                        Some(self.snapped(brief, anchor, focus))
                    }
                    _ => None,
                };
            }
            AppCommand::ReaderScrolled => {
                self.state.scroll_to = None;
                self.state.jump_to = None;
                if let Some(find) = &mut self.state.find {
                    find.scroll_pending = false;
                }
            }
            AppCommand::SetFindQuery(query) => {
                if let Some(find) = &mut self.state.find {
                    find.query = query;
                }
                self.refresh_find();
            }
            AppCommand::FindFocused => {
                if let Some(find) = &mut self.state.find {
                    find.focus_field = false;
                }
            }
            AppCommand::CloseFind => self.state.find = None,
            AppCommand::SetSearch(asked) => self.set_search(asked),
            AppCommand::SearchFocused => self.state.search.focus_field = false,
            AppCommand::ChooseHit(index, chosen) => self.choose_hit(index, chosen),
            AppCommand::SetAutocodeTag(tag) => self.state.search.tag = tag,
            AppCommand::CreatePassagesFromHits => self.autocode_chosen(),
            AppCommand::AskRemove(removal) => {
                if removal.exists(self.session.workspace()) {
                    self.state.modal = Some(Modal::ConfirmRemove(removal));
                }
            }
            AppCommand::ConfirmRemove(removal) => self.confirm_remove(removal),
            AppCommand::CancelRemove => {
                if matches!(self.state.modal, Some(Modal::ConfirmRemove(_))) {
                    self.state.modal = None;
                }
            }
            AppCommand::Guard(choice) => self.guard_answer(choice),
            AppCommand::Recovery(choice) => self.recovery_answer(choice),
            AppCommand::Disk(choice) => self.disk_answer(choice),
            AppCommand::SetPromptText(new_text) => {
                if let Some(Modal::PathPrompt { text, .. }) = &mut self.state.modal {
                    *text = new_text;
                }
            }
            AppCommand::SubmitPrompt => self.submit_prompt(),
            AppCommand::CancelPrompt => self.state.modal = None,
            AppCommand::ImportFiles(paths) => self.import_paths(paths),
            AppCommand::OpenPath(path) => self.guarded(Pending::OpenPath(path)),
            AppCommand::DismissNotice(index) => {
                if index < self.state.notices.len() {
                    self.state.notices.remove(index);
                }
            }
            AppCommand::DismissAllNotices => self.state.notices.clear(),
            AppCommand::ShowTab(tab) => self.state.tab = tab,
            AppCommand::SetPassagesListVisible(visible) => self.state.show_passages_list = visible,
            AppCommand::SetFilter(filter) => self.state.filter = filter,
            AppCommand::SetPassageSort(sort) => self.state.passage_sort = sort,
            AppCommand::CopyQuote(id) => self.copy_quote(id),
            AppCommand::SetTagDraft(text) => self.state.tag_draft = text,
            AppCommand::MergeTag { from, into } => self.merge_tag(from, into),
            AppCommand::SetLinkDraft(draft) => self.state.link_draft = draft,
            AppCommand::SetDateDraft(draft) => self.state.date_draft = draft,
            AppCommand::JumpTo { brief, start, end } => self.jump_to(brief, start, end),
            AppCommand::AcceptProposals { brief, keys } => self.accept_proposals(brief, &keys),
            AppCommand::SetProposalDraft(key, draft) => {
                self.state.proposal_drafts.insert(key, draft);
            }
            AppCommand::PlaceOrphan(id) => self.place_orphan(id),
            AppCommand::AskNewVersion(id) => self.ask_new_version(id),
            AppCommand::SetLanguage(language) => {
                self.set_locale(Locale {
                    language,
                    ..self.state.locale
                });
                self.state.status = tr!(self.state.locale, "status-language");
            }
            AppCommand::SetDigits(digits) => self.set_locale(Locale {
                digits,
                ..self.state.locale
            }),
            AppCommand::SetExportDraft(draft) => self.set_export_draft(draft),
            AppCommand::SetPaletteQuery(text) => {
                if let Some(Modal::Palette { query, choice }) = &mut self.state.modal {
                    *query = text;
                    *choice = 0;
                }
            }
            AppCommand::SetPaletteChoice(row) => {
                if let Some(Modal::Palette { choice, .. }) = &mut self.state.modal {
                    *choice = row;
                }
            }
            AppCommand::RunAction(action) => {
                if matches!(self.state.modal, Some(Modal::Palette { .. })) {
                    self.state.modal = None;
                }
                self.action(action);
            }
            AppCommand::PassageToSelection(id) => self.passage_to_selection(id),
            AppCommand::CreatePassageWith { tags, links } => self.create_passage_with(tags, links),
            AppCommand::SetTextScale(factor) => {
                self.state.text_scale = crate::app::state::TextScale::nearest(factor);
            }
            AppCommand::CloseOverlay => {
                if matches!(
                    self.state.modal,
                    Some(Modal::Palette { .. } | Modal::Shortcuts)
                ) {
                    self.state.modal = None;
                }
            }
            AppCommand::SubmitExport => self.submit_export(),
            AppCommand::CancelExport => {
                if matches!(self.state.modal, Some(Modal::Export(_))) {
                    self.state.modal = None;
                }
            }
            AppCommand::ShowBoard(open) => self.state.board.open = open,
            AppCommand::ShowBoardSection(section) => {
                self.state.board.open = true;
                if self.state.board.section != section {
                    self.state.board.section = section;
                    self.state.board.cell = None;
                }
            }
            AppCommand::SelectBoardCell(cell) => self.state.board.cell = cell,
            AppCommand::SetRowOrder(order) => self.state.board.order = order,
            AppCommand::SetAchRows(rows) => self.state.board.options.rows = rows,
            AppCommand::ToggleWhatIfPassage(id) => {
                let set = &mut self.state.board.options.what_if.passages;
                if !set.remove(&id) {
                    set.insert(id);
                }
            }
            AppCommand::ToggleWhatIfBrief(id) => {
                let set = &mut self.state.board.options.what_if.briefs;
                if !set.remove(&id) {
                    set.insert(id);
                }
            }
            AppCommand::ClearWhatIf => {
                self.state.board.options.what_if = crate::analysis::WhatIf::default();
            }
            AppCommand::SetSignpostStatus {
                passage,
                scenario,
                status,
            } => {
                let assessed = self.ports.clock.now().date_naive();
                let signpost = status.map(|status| crate::model::Signpost {
                    status,
                    assessed: Some(assessed),
                });
                self.session.doc.end_typing();
                self.apply(Edit::SetSignpost {
                    passage,
                    scenario,
                    signpost,
                });
            }
            AppCommand::SetMemoFilter(filter) => self.state.memo_filter = filter,
            AppCommand::OpenMemo(on) => self.open_memo(on),
            AppCommand::Reveal(reveal) => self.state.reveal = Some(reveal),
            AppCommand::Revealed => self.state.reveal = None,
            AppCommand::SetLayout(layout) => self.state.layout = layout,
        }
    }

    /// Opens what a memo is on: a brief in the reader, a passage selected and scrolled to in the
    /// reader, a tag, determinant or scenario in its editor, its memo field focused.
    fn open_memo(&mut self, on: MemoRef) {
        use crate::app::state::{EditorItem, Reveal};
        use crate::model::MemoTarget;
        let item = match on {
            MemoRef::Workspace => {
                self.state.tab = RightTab::Memos;
                return;
            }
            MemoRef::Passage(id) => {
                self.select_passage(id, true);
                return;
            }
            MemoRef::On(MemoTarget::Brief(id)) => {
                if self.session.workspace().brief(id).is_some() {
                    self.select_brief(id);
                    self.state.board.open = false;
                }
                return;
            }
            MemoRef::On(MemoTarget::Tag(id)) => EditorItem::Tag(id),
            MemoRef::On(MemoTarget::Determinant(id)) => EditorItem::Determinant(id),
            MemoRef::On(MemoTarget::Scenario(id)) => EditorItem::Scenario(id),
        };
        self.state.tab = match item {
            EditorItem::Tag(_) => RightTab::Codebook,
            EditorItem::Determinant(_) => RightTab::Determinants,
            EditorItem::Scenario(_) => RightTab::Scenarios,
        };
        self.state.reveal = Some(Reveal { item, memo: true });
    }

    /// Extend / shrink to selection: the passage takes the reader's selection as its range, its
    /// quote and context recomputed, as one undo step ("change passage range").
    fn passage_to_selection(&mut self, id: PassageId) {
        let loc = self.state.locale;
        let ws = self.session.workspace();
        let Some(passage) = ws.passage(id) else {
            return;
        };
        let Some(sel) = self
            .state
            .reader_selection
            .filter(|s| !s.is_empty() && s.brief == passage.brief)
        else {
            self.state.status = tr!(loc, "status-select-range-first");
            return;
        };
        let Some(brief) = ws.brief(passage.brief) else {
            return;
        };
        match crate::model::Anchor::from_range(&brief.text, sel.start(), sel.end()) {
            Ok(anchor) => {
                self.session.doc.end_typing();
                let edit = Edit::Batch {
                    label: "change passage range".into(),
                    edits: vec![Edit::SetPassageAnchor {
                        id,
                        anchor,
                        orphaned: false,
                    }],
                };
                if self.apply(edit) {
                    self.state.reader_selection = None;
                    self.state.selected_passage = Some(id);
                    self.state.status = tr!(loc, "status-range-changed");
                }
            }
            Err(err) => self
                .state
                .error(tr!(loc, "error-create-passage", error = err.to_string())),
        }
    }

    /// Puts the passage's quote on the clipboard, as it is in its brief.
    fn copy_quote(&mut self, id: PassageId) {
        let Some(passage) = self.session.workspace().passage(id) else {
            return;
        };
        self.ctx.copy_text(passage.anchor.quote.clone());
        self.state.status = tr!(self.state.locale, "status-copied-quote");
    }

    /// Merges tag `from` into `into` as one undo step, and says what happened.
    fn merge_tag(&mut self, from: crate::model::TagId, into: crate::model::TagId) {
        let ws = self.session.workspace();
        let (Some(source), Some(target)) = (ws.tag(from), ws.tag(into)) else {
            return;
        };
        let (from_name, into_name) = (source.name.clone(), target.name.clone());
        self.session.doc.end_typing();
        if self.apply(Edit::MergeTag { from, into }) {
            self.state.status = tr!(
                self.state.locale,
                "status-merged-tags",
                from = from_name,
                into = into_name
            );
        }
    }

    /// Removes what the analyst confirmed removing, as one undo step, and says so.
    fn confirm_remove(&mut self, removal: crate::app::state::Removal) {
        if self.state.modal == Some(Modal::ConfirmRemove(removal)) {
            self.state.modal = None;
        }
        self.session.doc.end_typing();
        if self.apply(removal.edit()) {
            let loc = self.state.locale;
            let step = loc.step(&removal.edit().label());
            self.state.status = tr!(loc, "status-removed", step = step);
        }
    }

    /// Shows the interface in `locale` from the next frame on, and keeps it for the next start.
    fn set_locale(&mut self, locale: Locale) {
        if self.state.locale == locale {
            return;
        }
        self.state.locale = locale;
        self.ports.dialogs.set_locale(locale);
        let settings = self.settings.with_locale(locale);
        self.remember_settings(settings);
    }

    /// Keeps `settings` in the config folder (when there is one and they changed); a failure
    /// is a warning.
    pub(super) fn remember_settings(&mut self, settings: InterfaceSettings) {
        if settings == self.settings {
            return;
        }
        self.settings = settings;
        if let Some(dir) = &self.ports.config_dir
            && let Err(err) = crate::io::interface_settings::remember(dir, &settings)
        {
            let locale = self.state.locale;
            self.state
                .warning(tr!(locale, "warning-settings", error = format!("{err:#}")));
        }
    }

    /// The settings as the interface is now: the window's place, the panels' widths and the
    /// reader's zoom as last drawn, over those read at start.
    pub(super) fn current_settings(&self) -> InterfaceSettings {
        let layout = self.state.layout;
        InterfaceSettings {
            window: layout.window.or(self.settings.window),
            briefs_width: layout.briefs_width.or(self.settings.briefs_width),
            inspector_width: layout.inspector_width.or(self.settings.inspector_width),
            reader_zoom: Some(self.state.reader_zoom.factor()),
            ..self.settings
        }
    }

    fn action(&mut self, action: Action) {
        match action {
            Action::New => self.guarded(Pending::New),
            Action::Open => self.guarded(Pending::Open),
            Action::Quit => self.guarded(Pending::Quit),
            // Save reports its own failure (a notice naming the file); the outcome only
            // matters to what carries on after a save, and nothing does here.
            Action::Save => {
                self.save(false, None);
            }
            Action::SaveAs => {
                self.save(true, None);
            }
            Action::ImportBriefs => self.ask_import(),
            Action::Undo => match self.session.doc.undo() {
                Ok(Some(label)) => {
                    let loc = self.state.locale;
                    self.state.status = tr!(loc, "status-undid", step = loc.step(&label));
                }
                Ok(None) => self.state.status = tr!(self.state.locale, "status-nothing-to-undo"),
                Err(err) => self.history_failed(&err),
            },
            Action::Redo => match self.session.doc.redo() {
                Ok(Some(label)) => {
                    let loc = self.state.locale;
                    self.state.status = tr!(loc, "status-redid", step = loc.step(&label));
                }
                Ok(None) => self.state.status = tr!(self.state.locale, "status-nothing-to-redo"),
                Err(err) => self.history_failed(&err),
            },
            Action::CreatePassage => self.create_passage(),
            Action::Find => self.open_find(),
            Action::FindNext => self.find_step(true),
            Action::FindPrevious => self.find_step(false),
            Action::SearchAll => self.open_search(),
            Action::ZoomIn => self.state.reader_zoom = self.state.reader_zoom.larger(),
            Action::ZoomOut => self.state.reader_zoom = self.state.reader_zoom.smaller(),
            Action::ZoomReset => self.state.reader_zoom = crate::app::state::ReaderZoom::default(),
            Action::ExportExcerpts => self.open_export(),
            Action::ExportReport => self.open_report(),
            Action::CopyExcerpts => self.copy_excerpts(),
            Action::CommandPalette => {
                if self.state.modal.is_none() {
                    self.state.modal = Some(Modal::Palette {
                        query: String::new(),
                        choice: 0,
                    });
                }
            }
            Action::KeyboardShortcuts => {
                if self.state.modal.is_none() {
                    self.state.modal = Some(Modal::Shortcuts);
                }
            }
            Action::Board => self.state.board.open = !self.state.board.open,
        }
    }

    /// An undo or redo that did not fit: the notice says which step and why; the status bar
    /// no longer claims there was nothing to undo.
    fn history_failed(&mut self, err: &edit::HistoryError) {
        let loc = self.state.locale;
        let step = loc.step(&err.label);
        let error = err.error.to_string();
        self.state.status.clear();
        self.state.error(if err.undo {
            tr!(loc, "error-undo-failed", step = step, error = error)
        } else {
            tr!(loc, "error-redo-failed", step = step, error = error)
        });
    }

    /// Applies `edit`; an edit that does not fit is shown as an error. Returns whether it applied.
    pub(super) fn apply(&mut self, edit: Edit) -> bool {
        let label = edit.label();
        match self.session.doc.apply(edit) {
            Ok(()) => true,
            Err(err) => {
                let loc = self.state.locale;
                self.state.error(tr!(
                    loc,
                    "error-could-not-apply",
                    step = loc.step(&label),
                    error = err.to_string()
                ));
                false
            }
        }
    }

    pub(super) fn select_brief(&mut self, id: BriefId) {
        if self.state.selected_brief == Some(id) {
            return;
        }
        self.state.selected_brief = Some(id);
        self.state.reader_selection = None;
        self.state.date_draft = None;
        let ws = self.session.workspace();
        if self
            .state
            .selected_passage
            .and_then(|p| ws.passage(p))
            .is_some_and(|p| p.brief != id)
        {
            self.state.selected_passage = None;
        }
    }

    fn select_passage(&mut self, id: PassageId, scroll: bool) {
        let Some(brief) = self.session.workspace().passage(id).map(|p| p.brief) else {
            return;
        };
        self.select_brief(brief);
        self.state.selected_passage = Some(id);
        if scroll {
            self.state.scroll_to = Some(id);
            // Shown in the reader, which the board covers.
            self.state.board.open = false;
        }
        self.state.tab = RightTab::Passage;
    }

    /// Opens the find bar (or gives its field the focus again).
    fn open_find(&mut self) {
        match &mut self.state.find {
            Some(find) => find.focus_field = true,
            None => self.state.find = Some(crate::app::state::FindState::opened()),
        }
        self.refresh_find();
    }

    /// Recomputes the find bar's hits if the query or the shown brief changed.
    pub(super) fn refresh_find(&mut self) {
        let ws = self.session.doc.workspace();
        let brief = self.state.selected_brief.and_then(|b| ws.brief(b));
        if let Some(find) = &mut self.state.find {
            find.refresh(brief);
        }
    }

    /// Moves to the next (or previous) hit and selects it in the reader, so that *Create
    /// passage* takes it. Without an open find bar, opens it.
    fn find_step(&mut self, forward: bool) {
        self.refresh_find();
        let (Some(find), Some(brief)) = (&mut self.state.find, self.state.selected_brief) else {
            self.open_find();
            return;
        };
        let from = self
            .state
            .reader_selection
            .filter(|s| s.brief == brief)
            .map_or(0, |s| if forward { s.start() } else { s.end() });
        match find.step(forward, from) {
            // A hit that ignored harakat may end before them: the selection takes them in.
            Some(hit) => {
                self.state.reader_selection = Some(self.snapped(brief, hit.start, hit.end))
            }
            None => self.state.status = tr!(self.state.locale, "status-no-matches"),
        }
    }

    /// A reader selection in `brief` of whole grapheme clusters, so that a passage made from
    /// it never splits a letter from its harakat.
    pub(super) fn snapped(
        &self,
        brief: crate::model::BriefId,
        anchor: usize,
        focus: usize,
    ) -> crate::app::ReaderSelection {
        let (anchor, focus) = match self.session.workspace().brief(brief) {
            Some(b) => crate::text_range::snap_to_graphemes(&b.text, anchor, focus),
            None => (anchor, focus),
        };
        crate::app::ReaderSelection {
            brief,
            anchor,
            focus,
        }
    }

    fn create_passage(&mut self) {
        self.create_passage_with(Vec::new(), Vec::new());
    }

    /// Creates a passage over the reader's selection, carrying `tags` and `links` from the
    /// start (the reader's context menu: create and tag with…, create and link to…): one step.
    pub(super) fn create_passage_with(
        &mut self,
        tags: Vec<crate::model::TagId>,
        links: Vec<crate::model::Link>,
    ) {
        let Some(sel) = self.state.reader_selection.filter(|s| !s.is_empty()) else {
            self.state.status = tr!(self.state.locale, "status-select-first");
            return;
        };
        let Some(brief) = self.session.workspace().brief(sel.brief) else {
            return;
        };
        match edit::new_passage(brief, sel.start(), sel.end(), self.ports.clock.now()) {
            Ok(mut passage) => {
                passage.tags = tags;
                passage.links = links;
                let id = passage.id;
                let index = self.session.workspace().passages.len();
                self.session.doc.end_typing();
                if self.apply(Edit::InsertPassage { index, passage }) {
                    self.state.selected_passage = Some(id);
                    self.state.reader_selection = None;
                    self.state.tab = RightTab::Passage;
                    self.state.status = tr!(self.state.locale, "status-created-passage");
                }
            }
            Err(err) => self.state.error(tr!(
                self.state.locale,
                "error-create-passage",
                error = err.to_string()
            )),
        }
    }
}
