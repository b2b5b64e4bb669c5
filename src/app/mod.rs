//! The desktop app: an eframe front end over [`crate::edit::Document`].
//!
//! Panels get a read-only [`View`] of the state and send [`AppCommand`]s; after the panels
//! have run, [`BasiraApp::handle`] applies them one by one. That handler is the only place
//! where state changes, and every change to the workspace goes through
//! [`crate::edit::Document::apply`].

mod briefs_panel;
mod codebook_editor;
mod command;
mod determinants_editor;
mod dialogs;
mod file_actions;
mod fonts;
mod handler;
mod highlight;
mod hit_map;
mod inspector;
mod last_used;
mod menu;
mod notices;
mod passages_list;
mod ports;
mod reader;
mod scenarios_editor;
mod startup;
mod state;
mod widgets;

use std::path::{Path, PathBuf};

pub use command::{Action, AppCommand};
pub use ports::{
    Clock, DialogAnswer, FakeDialogs, FileDialogs, FixedClock, NativeDialogs, Ports, SystemClock,
};
pub use reader::reader_id;
pub use state::{Notice, NoticeLevel, ReaderSelection, RightTab};

use crate::edit::Document;
use crate::model::{BriefId, PassageId, Workspace};
use state::{Session, UiState};

/// How the app starts.
pub struct AppOptions {
    /// The workspace to open; when `None`, the last used one, else the bundled sample.
    pub workspace: Option<PathBuf>,
    pub ports: Ports,
}

/// The Basira desktop app.
pub struct BasiraApp {
    session: Session,
    state: UiState,
    ports: Ports,
    commands: Vec<AppCommand>,
    ctx: egui::Context,
    /// The window title last sent, so it is only sent when it changes.
    shown_title: String,
}

/// What panels see: the session and the interface state, read-only.
pub(crate) struct View<'a> {
    pub session: &'a Session,
    pub state: &'a UiState,
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
        let AppOptions { workspace, ports } = options;
        let (session, errors) =
            startup::initial_session(workspace.as_deref(), ports.config_dir.as_deref());
        let mut state = UiState::for_workspace(session.workspace());
        for error in errors {
            state.error(error);
        }
        if let (Some(dir), Some(path)) = (&ports.config_dir, &session.path)
            && let Err(err) = last_used::remember(dir, path)
        {
            state.warning(format!("{err:#}"));
        }
        Self {
            session,
            state,
            ports,
            commands: Vec::new(),
            ctx: cc.egui_ctx.clone(),
            shown_title: String::new(),
        }
    }

    /// The open document, for reading (tests, status).
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.session.doc
    }

    /// Where the workspace is saved, if anywhere yet.
    #[must_use]
    pub fn workspace_path(&self) -> Option<&Path> {
        self.session.path.as_deref()
    }

    /// The window title as it is now (`● name — Basira` while dirty).
    #[must_use]
    pub fn window_title(&self) -> String {
        self.session.window_title()
    }

    #[must_use]
    pub fn selected_brief(&self) -> Option<BriefId> {
        self.state.selected_brief
    }

    #[must_use]
    pub fn selected_passage(&self) -> Option<PassageId> {
        self.state.selected_passage
    }

    /// The range of code points selected in the reader.
    #[must_use]
    pub fn reader_selection(&self) -> Option<ReaderSelection> {
        self.state.reader_selection
    }

    /// The messages shown in the notices area.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.state.notices
    }

    /// Whether a modal dialog (save changes, confirm, path prompt) is open.
    #[must_use]
    pub fn has_modal(&self) -> bool {
        self.state.modal.is_some()
    }

    /// Turns keyboard shortcuts, dropped files and close requests into commands.
    fn read_input(&mut self, ctx: &egui::Context) {
        if self.state.modal.is_none() {
            for (shortcut, action) in Action::shortcut_table() {
                if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
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
            && self.session.doc.is_dirty()
            && !self.state.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.commands.push(AppCommand::Action(Action::Quit));
        }
    }

    fn panels_ui(&mut self, ui: &mut egui::Ui) {
        let view = View {
            session: &self.session,
            state: &self.state,
        };
        let out = &mut self.commands;
        egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_bar_ui(ui, &view, out));
        egui::Panel::bottom("status_bar").show(ui, |ui| notices::status_bar_ui(ui, &view, out));
        if !view.state.notices.is_empty() {
            egui::Panel::bottom("notices")
                .resizable(false)
                .show(ui, |ui| notices::notices_ui(ui, &view, out));
        }
        if view.state.show_passages_list {
            egui::Panel::bottom("passages_list")
                .resizable(true)
                .default_size(190.0)
                .show(ui, |ui| passages_list::passages_list_ui(ui, &view, out));
        }
        egui::Panel::left("briefs")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| briefs_panel::briefs_panel_ui(ui, &view, out));
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| inspector::right_panel_ui(ui, &view, out));
        egui::CentralPanel::default().show(ui, |ui| reader::reader_panel_ui(ui, &view, out));
        dialogs::modal_ui(ui.ctx(), &view, out);
        dialogs::drop_hint_ui(ui.ctx());
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.session.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

impl eframe::App for BasiraApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.read_input(&ctx);
        self.panels_ui(ui);
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // Show the result of the commands on the next frame.
            ctx.request_repaint();
        }
        for cmd in commands {
            self.handle(cmd);
        }
        self.state.drop_dangling(self.session.workspace());
        self.update_title(&ctx);
    }
}
