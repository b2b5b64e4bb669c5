//! The desktop app: an eframe front end over [`crate::edit::Document`].
//!
//! Panels get a read-only [`View`] of the state and send [`AppCommand`]s; after the panels
//! have run, the reducer ([`reducer::Model::handle`]) applies them one by one. Before each
//! frame (`logic`), [`reducer::Model::poll`] receives what the world outside did — background
//! threads done, the focus, the disk, the clock — and `handle` applies that too, as
//! [`event::AppEvent`]s. `handle` is the only place where the app's state changes (the model's
//! fields are private to `reducer`), and every change to the workspace goes through
//! [`crate::edit::Document::apply`]. What this shell keeps beside the model are caches of
//! what was drawn (text layouts, glyphs, detected structure), never state the user edits.

mod board_cache;
mod command;
mod error_text;
mod event;
mod export_jobs;
mod import_jobs;
mod lists;
mod paint;
mod ports;
mod reducer;
mod startup;
mod state;
mod ui;
mod workspace_jobs;

use std::path::{Path, PathBuf};

pub use command::{Action, AppCommand};
pub use paint::text_paint::{PixelFrame, TextPaint};
pub use ports::{
    BACKGROUND_BYTES, Clock, DialogAnswer, FakeClock, FakeDialogs, FileDialogs, FixedClock,
    NativeDialogs, Ports, SystemClock,
};
pub use state::{BoardCell, BoardSection, Notice, NoticeLevel, ReaderSelection, RightTab};
pub use ui::reader::reader_id;

use crate::edit::Document;
use crate::model::{BriefId, PassageId, Workspace};
use event::{AppEvent, Message};
use paint::fonts;
use reducer::{Model, handler};
use state::{Session, UiState, WindowLayout};
use ui::{
    board, briefs_panel, dialogs, inspector, menu, notices, passages_list, reader, structure_view,
};

/// How the app starts.
pub struct AppOptions {
    /// The workspace to open; when `None`, the last used one, else the bundled sample.
    pub workspace: Option<PathBuf>,
    pub ports: Ports,
}

/// The Basira desktop app.
pub struct BasiraApp {
    /// The state, changed only by [`Model::handle`].
    model: Model,
    /// What the panels sent this frame, for the model to handle after them.
    commands: Vec<AppCommand>,
    /// The window title last sent, so it is only sent when it changes.
    shown_title: String,
    /// Fonts, glyph atlas and its texture: what paints bidi text (see [`TextPaint`]).
    text_paint: TextPaint,
    /// The reader's per-brief layouts and where it drew them.
    reader_layouts: reader::ReaderLayouts,
    /// The model's session generation the reader's layouts were made for.
    layouts_generation: u64,
    /// The detected structure of the briefs shown.
    structures: structure_view::StructureCache,
    /// The analysis board, computed once per revision.
    board_cache: board_cache::BoardCache,
    /// Each brief's passages and the passages list's rows, once per revision and filter.
    lists: lists::PassageLists,
    /// The memos list, once per revision and filter (while the Memos tab is shown).
    memo_list: ui::memos_view::MemoList,
}

/// Runs `contents` in the interface's direction: as it is left to right, or right-aligned with
/// its rows (`ui.horizontal`) running right to left when `rtl` (egui lays a horizontal row out
/// right to left inside a top-down layout aligned to the right).
pub(crate) fn directed<R>(
    ui: &mut egui::Ui,
    rtl: bool,
    contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    if rtl {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), contents)
            .inner
    } else {
        contents(ui)
    }
}

/// Runs `contents` in a `Ui` exactly as wide as what is left of `ui`: content that cannot
/// shrink (a long unbreakable title, a row of controls) is clipped instead of widening the
/// panel, which keeps the width the analyst gave it.
fn fixed_width<R>(ui: &mut egui::Ui, contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let rect = ui.available_rect_before_wrap();
    let mut inner = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(*ui.layout()));
    inner.shrink_clip_rect(rect);
    let result = contents(&mut inner);
    ui.advance_cursor_after_rect(rect);
    result
}

/// Where the window is and its inner size, as the system last told it (the position is
/// `None` where it does not, as on Wayland).
fn window_place(ctx: &egui::Context) -> Option<crate::io::interface_settings::WindowPlace> {
    let (outer, inner) = ctx.input(|i| (i.viewport().outer_rect, i.viewport().inner_rect));
    let size = inner.map_or_else(|| ctx.content_rect().size(), |r| r.size());
    (size.x > 0.0 && size.y > 0.0).then(|| crate::io::interface_settings::WindowPlace {
        position: outer.map(|r| [r.min.x, r.min.y]),
        size: [size.x, size.y],
    })
}

/// Whether two layouts are the same to half a point (so that rounding never asks for frames).
fn same_layout(a: &WindowLayout, b: &WindowLayout) -> bool {
    let near = |x: Option<f32>, y: Option<f32>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() < 0.5,
        (None, None) => true,
        _ => false,
    };
    let place = |w: Option<crate::io::interface_settings::WindowPlace>| {
        (
            w.and_then(|w| w.position.map(|p| p[0])),
            w.and_then(|w| w.position.map(|p| p[1])),
            w.map(|w| w.size[0]),
            w.map(|w| w.size[1]),
        )
    };
    let (pa, pb) = (place(a.window), place(b.window));
    near(a.briefs_width, b.briefs_width)
        && near(a.inspector_width, b.inspector_width)
        && near(pa.0, pb.0)
        && near(pa.1, pb.1)
        && near(pa.2, pb.2)
        && near(pa.3, pb.3)
}

/// The window as the last session left it (its place and size, from the settings in the
/// config folder), else 1280×820.
#[must_use]
pub fn viewport(ports: &Ports) -> egui::ViewportBuilder {
    let kept = ports
        .config_dir
        .as_deref()
        .map(crate::io::interface_settings::recall)
        .unwrap_or_default()
        .window;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Basira")
        .with_inner_size(kept.map_or([1280.0, 820.0], |w| w.size))
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    if let Some(position) = kept.and_then(|w| w.position) {
        viewport = viewport.with_position(position);
    }
    viewport
}

/// What panels see: the session and the interface state, read-only.
pub(crate) struct View<'a> {
    pub session: &'a Session,
    pub state: &'a UiState,
    /// The detected structure of the selected brief.
    pub structure: Option<&'a crate::structure::BriefStructure>,
    /// What the analysis already holds for each of its proposals, in order.
    pub held: Option<&'a [Option<crate::structure::InAnalysis>]>,
    /// The analysis board, while it is shown.
    pub board: Option<&'a board_cache::Shown>,
    /// Each brief's passages and the passages list's rows.
    pub lists: &'a lists::PassageLists,
    /// Every memo and those the memos list's filter keeps, while the Memos tab is shown.
    pub memos: Option<&'a ui::memos_view::MemoList>,
}

impl View<'_> {
    pub fn ws(&self) -> &Workspace {
        self.session.workspace()
    }
}

impl BasiraApp {
    /// Builds the app: installs fonts and opens the starting workspace (see [`AppOptions`]).
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        fonts::install(&cc.egui_ctx);
        // Ctrl+plus / Ctrl+minus / Ctrl+0 zoom the reader's text (Action::ZoomIn…), not the
        // whole interface.
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let AppOptions { workspace, ports } = options;
        let model = Model::new(cc.egui_ctx.clone(), workspace, ports);
        Self {
            layouts_generation: model.generation(),
            model,
            commands: Vec::new(),
            shown_title: String::new(),
            text_paint: TextPaint::new(),
            reader_layouts: reader::ReaderLayouts::default(),
            structures: structure_view::StructureCache::default(),
            board_cache: board_cache::BoardCache::default(),
            lists: lists::PassageLists::default(),
            memo_list: ui::memos_view::MemoList::default(),
        }
    }

    /// The session and the interface state, read-only.
    fn session(&self) -> &Session {
        self.model.session()
    }

    fn state(&self) -> &UiState {
        self.model.state()
    }

    /// The open document, for reading (tests, status).
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.session().doc
    }

    /// Where the workspace is saved, if anywhere yet.
    #[must_use]
    pub fn workspace_path(&self) -> Option<&Path> {
        self.session().path.as_deref()
    }

    /// The window title as it is now (`● name — Basira` while dirty).
    #[must_use]
    pub fn window_title(&self) -> String {
        self.session().window_title(self.state().locale)
    }

    /// The interface's language and digits.
    #[must_use]
    pub fn locale(&self) -> crate::i18n::Locale {
        self.state().locale
    }

    #[must_use]
    pub fn selected_brief(&self) -> Option<BriefId> {
        self.state().selected_brief
    }

    /// The tab the right panel shows.
    #[must_use]
    pub fn right_tab(&self) -> RightTab {
        self.state().tab
    }

    #[must_use]
    pub fn selected_passage(&self) -> Option<PassageId> {
        self.state().selected_passage
    }

    /// The reader's selection (or caret alone), in code points.
    #[must_use]
    pub fn reader_selection(&self) -> Option<ReaderSelection> {
        self.state().reader_selection
    }

    /// Where, on the screen, the last frame drew the caret before code point `index` of the
    /// brief in the reader (the middle of its line), if it was in view: what tests point at
    /// to drag over text with real pointer events.
    #[must_use]
    pub fn reader_point_of(&self, index: usize) -> Option<egui::Pos2> {
        self.reader_layouts
            .point_of(self.state().selected_brief?, index)
    }

    /// How many text layouts (labels and the reader's paragraphs) the app has made: a frame
    /// in which nothing changed makes none.
    #[must_use]
    pub fn text_layouts_made(&self) -> u64 {
        self.text_paint.label_layouts_made() + self.reader_layouts.layouts_performed()
    }

    /// The scale of the whole interface (View → Text size; 1 at normal size).
    #[must_use]
    pub fn text_scale(&self) -> f32 {
        self.state().text_scale.factor()
    }

    /// The side panels' widths (briefs, then the right panel) as last drawn.
    #[must_use]
    pub fn panel_widths(&self) -> (Option<f32>, Option<f32>) {
        let layout = self.state().layout;
        (layout.briefs_width, layout.inspector_width)
    }

    /// The reader's zoom factor (1 at normal size).
    #[must_use]
    pub fn reader_zoom(&self) -> f32 {
        self.state().reader_zoom.factor()
    }

    /// The scale the reader's text was last laid out at: layout pixels per point, that is
    /// pixels per point × zoom.
    #[must_use]
    pub fn reader_layout_scale(&self) -> Option<f32> {
        self.reader_layouts.scale_of(self.state().selected_brief?)
    }

    /// The analysis board as last computed (while it was shown).
    #[must_use]
    pub fn board(&self) -> Option<&crate::analysis::Board> {
        self.board_cache.last()
    }

    /// How many times the analysis board was computed (once per revision and what-if).
    #[must_use]
    pub fn board_computations(&self) -> usize {
        self.board_cache.computations()
    }

    /// How many times the critical changes were put in words (once per board and language).
    #[must_use]
    pub fn board_phrasings(&self) -> usize {
        self.board_cache.phrasings()
    }

    /// Whether the analysis board is shown in place of the reader.
    #[must_use]
    pub fn board_open(&self) -> bool {
        self.state().board.open
    }

    /// The messages shown in the notices area.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.state().notices
    }

    /// What the status bar says.
    #[must_use]
    pub fn status(&self) -> &str {
        &self.state().status
    }

    /// Whether files are being imported.
    #[must_use]
    pub fn is_importing(&self) -> bool {
        self.model.is_importing()
    }

    /// Whether a workspace is being opened or saved on a thread of its own.
    #[must_use]
    pub fn is_busy_with_workspace(&self) -> bool {
        self.model.is_busy_with_workspace()
    }

    /// Whether an excerpt export is being written.
    #[must_use]
    pub fn is_exporting(&self) -> bool {
        self.model.is_exporting()
    }

    /// Whether a modal dialog (save changes, confirm, path prompt) is open.
    #[must_use]
    pub fn has_modal(&self) -> bool {
        self.state().modal.is_some()
    }

    /// Waits for a recovery copy being written, if any, and takes its result (tests; the app
    /// itself never waits but to delete or keep the copy).
    pub fn finish_autosave(&mut self) {
        self.model.handle(AppEvent::WaitForAutosave.into());
    }

    /// The recovery copy of the open workspace's unsaved work, if one was written.
    #[must_use]
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.model.recovery_file()
    }

    /// Basira is closing cleanly. The recovery copy goes, unless there is unsaved work the
    /// analyst did not choose to discard: then a last copy is written and kept.
    pub fn shut_down(&mut self) {
        self.model.handle(AppEvent::Exit.into());
    }

    /// Turns keyboard shortcuts, dropped files and close requests into commands.
    fn read_input(&mut self, ctx: &egui::Context) {
        if self.state().modal.is_none() {
            for (shortcut, action) in Action::shortcut_table() {
                if ctx.input_mut(|i| command::consume_shortcut(&mut i.events, &shortcut)) {
                    self.commands.push(AppCommand::Action(action));
                }
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(handler::dropped_files_command(dropped));
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.session().doc.is_dirty()
            && !self.state().allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.commands.push(AppCommand::Action(Action::Quit));
        }
    }

    fn panels_ui(&mut self, ui: &mut egui::Ui) {
        if self.layouts_generation != self.model.generation() {
            self.layouts_generation = self.model.generation();
            self.reader_layouts.clear();
        }
        let (session, state) = (self.model.session(), self.model.state());
        let ws = session.workspace();
        let (structure, held) = state
            .selected_brief
            .and_then(|id| ws.brief(id))
            .map(|brief| self.structures.get_held(ws, brief, session.doc.revision()))
            .unzip();
        let board = state.board.open.then(|| {
            self.board_cache.get(
                ws,
                (self.model.generation(), session.doc.revision()),
                board_cache::Choices {
                    options: &state.board.options,
                    locale: state.locale,
                    order: state.board.order,
                    cell: state.board.cell,
                },
            )
        });
        self.lists.refresh(
            ws,
            session.doc.revision(),
            &state.filter,
            state.passage_sort,
        );
        let memos_shown = state.tab == state::RightTab::Memos;
        if memos_shown {
            self.memo_list
                .refresh(ws, session.doc.revision(), state.locale, &state.memo_filter);
        }
        let view = View {
            session,
            state,
            structure: structure.as_deref(),
            held: held.as_deref().map(Vec::as_slice),
            board,
            lists: &self.lists,
            memos: memos_shown.then_some(&self.memo_list),
        };
        let out = &mut self.commands;
        // An Arabic interface is mirrored: the menu bar reads from the right, the briefs sit on
        // the right and the inspector on the left, rows run right to left.
        let rtl = view.state.locale.language.is_rtl();
        let paint = &mut self.text_paint;
        egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_bar_ui(ui, &view, paint, out));
        if notices::shows_disk_notice(&view) {
            egui::Panel::top("disk_notice").show(ui, |ui| {
                directed(ui, rtl, |ui| notices::disk_notice_ui(ui, &view, paint, out));
            });
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            directed(ui, rtl, |ui| notices::status_bar_ui(ui, &view, paint, out));
        });
        if !view.state.notices.is_empty() {
            egui::Panel::bottom("notices")
                .resizable(false)
                .show(ui, |ui| {
                    directed(ui, rtl, |ui| notices::notices_ui(ui, &view, paint, out));
                });
        }
        if view.state.show_passages_list {
            // A split the analyst drags to give the list more rows (or the reader more room).
            egui::Panel::bottom("passages_list")
                .resizable(true)
                .default_size(190.0)
                .min_size(120.0)
                .show(ui, |ui| {
                    directed(ui, rtl, |ui| {
                        passages_list::passages_list_ui(ui, &view, paint, out);
                    });
                });
        }
        let (briefs, inspector) = if rtl {
            (egui::Panel::right("briefs"), egui::Panel::left("inspector"))
        } else {
            (egui::Panel::left("briefs"), egui::Panel::right("inspector"))
        };
        // The side panels open at the widths of the last session and keep their width until
        // the analyst drags their edge: what they show never widens them.
        let layout = view.state.layout;
        let briefs_width = briefs
            .resizable(true)
            .default_size(layout.briefs_width.unwrap_or(250.0))
            .show(ui, |ui| {
                fixed_width(ui, |ui| {
                    directed(ui, rtl, |ui| {
                        briefs_panel::briefs_panel_ui(ui, &view, paint, out);
                    });
                });
            })
            .response
            .rect
            .width();
        let inspector_width = inspector
            .resizable(true)
            .default_size(layout.inspector_width.unwrap_or(340.0))
            .show(ui, |ui| {
                fixed_width(ui, |ui| {
                    directed(ui, rtl, |ui| {
                        inspector::right_panel_ui(ui, &view, paint, out);
                    });
                });
            })
            .response
            .rect
            .width();
        let drawn = WindowLayout {
            window: window_place(ui.ctx()).or(layout.window),
            briefs_width: Some(briefs_width),
            inspector_width: Some(inspector_width),
        };
        if !same_layout(&drawn, &layout) {
            out.push(AppCommand::SetLayout(drawn));
        }
        let layouts = &mut self.reader_layouts;
        egui::CentralPanel::default().show(ui, |ui| {
            directed(ui, rtl, |ui| match view.board {
                Some(computed) => board::board_ui(ui, &view, computed, paint, out),
                None => reader::reader_panel_ui(ui, &view, paint, layouts, out),
            });
        });
        dialogs::modal_ui(ui.ctx(), &view, &mut self.text_paint, out);
        dialogs::drop_hint_ui(ui.ctx(), self.state().locale, &mut self.text_paint);
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.session().window_title(self.state().locale);
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

impl eframe::App for BasiraApp {
    /// Before each frame, and also while the window is hidden (minimised): the model receives
    /// what happened outside (a recovery copy due or written, imports and workspace saves done,
    /// the file changed on disk) and handles each as an event.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let focused = ctx.input(|i| i.focused);
        for event in self.model.poll(focused) {
            self.model.handle(Message::Event(event));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.read_input(&ctx);
        let scale = self.state().text_scale.factor();
        if (ctx.zoom_factor() - scale).abs() > 0.001 {
            ctx.set_zoom_factor(scale);
        }
        self.text_paint
            .set_interface_rtl(self.state().locale.language.is_rtl());
        self.panels_ui(ui);
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // Show the result of the commands on the next frame.
            ctx.request_repaint();
        }
        for command in commands {
            self.model.handle(Message::Command(command));
        }
        self.update_title(&ctx);
    }

    /// Basira closes cleanly: the recovery copy goes (see [`BasiraApp::shut_down`]).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.shut_down();
    }
}
