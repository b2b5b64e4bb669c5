//! The reducer: the one place where the app's state changes.
//!
//! [`Model`] holds everything the analyst's work and the interface are made of — the open
//! session, the interface state, the autosave, the recovery offers, the disk watch — with
//! private fields, so nothing outside this module can change them. It changes in
//! [`Model::handle`] alone: a [`Message`] is either an
//! [`AppCommand`](super::AppCommand) a panel sent or an
//! [`AppEvent`] from the world outside (a finished import, an autosave written, a workspace
//! opened or saved on a thread, the file changed on disk), and `handle` applies it with an
//! exhaustive match. [`Model::poll`] only receives: it takes what the background threads
//! finished and looks at the disk and the clock, and returns what it found as events for
//! `handle`. `tests/app_layering.rs` keeps this so.

pub mod autosave;
pub mod export_actions;
pub mod external_change;
pub mod file_actions;
pub mod handler;
pub mod search_actions;
pub mod structure_actions;

use std::path::PathBuf;

use super::event::{AppEvent, Message};
use super::export_jobs::ExportJobs;
use super::import_jobs::ImportJobs;
use super::ports::Ports;
use super::startup;
use super::state::{Session, UiState, file_name};
use super::workspace_jobs::WorkspaceJobs;
use crate::io::{last_used, recovery};
use autosave::RecoveryOffers;
use external_change::DiskWatch;

/// How often progress is looked at while a thread works.
const PROGRESS_INTERVAL: std::time::Duration = std::time::Duration::from_millis(50);

/// The app's state and the one function that changes it. See the [module documentation](self).
pub struct Model {
    session: Session,
    state: UiState,
    ports: Ports,
    /// To send viewport commands (close the window) and ask for repaints.
    ctx: egui::Context,
    /// Recovery copies of the open workspace's unsaved work.
    autosave: recovery::Autosave,
    /// Copies left by sessions that did not end cleanly, offered at start.
    recovery_offers: RecoveryOffers,
    /// Looks for changes made to the workspace file by others.
    disk_watch: DiskWatch,
    /// Files being imported on threads of their own.
    imports: ImportJobs,
    /// Excerpt exports being written on threads of their own.
    exports: ExportJobs,
    /// A large workspace being opened or saved on a thread of its own.
    workspace_jobs: WorkspaceJobs,
    /// Bumped whenever the session is replaced, so caches of what was drawn are dropped.
    generation: u64,
    /// The interface's settings as kept in the config folder (read at start, written when
    /// the language changes and at exit).
    settings: crate::io::interface_settings::InterfaceSettings,
    /// The workspace search's folded index, for one document revision.
    search_cache: search_actions::SearchCache,
}

impl Model {
    /// The starting workspace (an explicit path, the last used one or the sample), with the
    /// copies of crashed sessions offered.
    #[must_use]
    pub fn new(ctx: egui::Context, workspace: Option<PathBuf>, ports: Ports) -> Self {
        let locale = startup::initial_locale(ports.config_dir.as_deref(), ports.locale.as_deref());
        let (session, errors) =
            startup::initial_session(workspace.as_deref(), ports.config_dir.as_deref(), locale);
        let mut state = UiState::for_workspace(session.workspace());
        state.locale = locale;
        let settings = ports
            .config_dir
            .as_deref()
            .map(crate::io::interface_settings::recall)
            .unwrap_or_default();
        state.layout = super::state::WindowLayout {
            window: settings.window,
            briefs_width: settings.briefs_width,
            inspector_width: settings.inspector_width,
        };
        if let Some(zoom) = settings.reader_zoom {
            state.reader_zoom = super::state::ReaderZoom::nearest(zoom);
        }
        let mut ports = ports;
        ports.dialogs.set_locale(state.locale);
        for error in errors {
            state.error(error);
        }
        if let (Some(dir), Some(path)) = (&ports.config_dir, &session.path)
            && let Err(err) = last_used::remember(dir, path)
        {
            state.warning(format!("{err:#}"));
        }
        let autosave = recovery::Autosave::new(
            ports.data_dir.as_deref().map(recovery::folder),
            session.doc.revision(),
        );
        let mut model = Self {
            session,
            state,
            ports,
            ctx,
            autosave,
            recovery_offers: RecoveryOffers::default(),
            disk_watch: DiskWatch::default(),
            imports: ImportJobs::default(),
            exports: ExportJobs::default(),
            workspace_jobs: WorkspaceJobs::default(),
            generation: 0,
            settings,
            search_cache: search_actions::SearchCache::default(),
        };
        model.offer_recovery();
        model.state.stamp_notices(model.ports.clock.now());
        model
    }

    #[must_use]
    pub fn session(&self) -> &Session {
        &self.session
    }

    #[must_use]
    pub fn state(&self) -> &UiState {
        &self.state
    }

    /// Changes whenever the open session is replaced by another.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether files are being imported.
    #[must_use]
    pub fn is_importing(&self) -> bool {
        self.imports.is_busy()
    }

    /// Whether an excerpt export is being written.
    #[must_use]
    pub fn is_exporting(&self) -> bool {
        self.exports.is_busy()
    }

    /// Whether a workspace is being opened or saved on a thread.
    #[must_use]
    pub fn is_busy_with_workspace(&self) -> bool {
        self.workspace_jobs.is_busy()
    }

    /// The recovery copy of the open workspace's unsaved work, if one was written.
    #[must_use]
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.autosave.file()
    }

    /// Receives what the world outside did since the last frame, changing nothing but the
    /// mailboxes it empties: the results of background threads (an autosave write, imports, a
    /// workspace opened or saved), their progress, a change of focus, what the disk watch sees
    /// when a look is due and whether a recovery copy is due. `handle` applies the events.
    pub fn poll(&mut self, focused: bool) -> Vec<AppEvent> {
        let mut events = Vec::new();
        if let Some(result) = self.autosave.poll() {
            events.push(AppEvent::AutosaveWritten(result));
        }
        if self.autosave_due() {
            events.push(AppEvent::AutosaveDue);
        }
        if focused != self.disk_watch.was_focused() {
            events.push(AppEvent::FocusChanged(focused));
        }
        if let Some(seen) = self.look_at_disk(focused) {
            events.push(AppEvent::DiskSeen(seen));
        }
        for batch in self.imports.poll() {
            events.push(AppEvent::ImportFinished(batch));
        }
        let progress: Vec<(String, f32)> = self
            .imports
            .in_progress()
            .map(|(path, fraction)| (file_name(path), fraction))
            .collect();
        if progress != self.state.import_progress {
            events.push(AppEvent::ImportProgress(progress));
        }
        if let Some(done) = self.workspace_jobs.poll() {
            events.push(AppEvent::Workspace(Box::new(done)));
        }
        for outcome in self.exports.poll() {
            events.push(AppEvent::ExportFinished(outcome));
        }
        // A notice goes away by itself at its time: a frame is asked for then, never before.
        if let Some(at) = self.state.next_expiry() {
            match (at - self.ports.clock.now()).to_std() {
                Ok(left) if !left.is_zero() => self.ctx.request_repaint_after(left),
                _ => events.push(AppEvent::NoticesExpired),
            }
        }
        if self.imports.is_busy() || self.workspace_jobs.is_busy() || self.exports.is_busy() {
            self.ctx.request_repaint_after(PROGRESS_INTERVAL);
        }
        if !events.is_empty() {
            self.ctx.request_repaint();
        }
        events
    }

    /// Applies one message: the only place the app's state changes.
    pub fn handle(&mut self, message: Message) {
        match message {
            Message::Command(command) => self.command(command),
            Message::Event(event) => self.event(event),
        }
        self.state.drop_dangling(self.session.workspace());
        self.state.stamp_notices(self.ports.clock.now());
        self.refresh_find();
        self.refresh_search();
        let doc = &self.session.doc;
        self.autosave
            .observe(doc.revision(), doc.is_dirty(), self.ports.clock.now());
    }

    fn event(&mut self, event: AppEvent) {
        match event {
            AppEvent::AutosaveDue => self.write_recovery_copy(),
            AppEvent::AutosaveWritten(result) => self.autosave_result(result),
            AppEvent::WaitForAutosave => {
                if let Some(result) = self.autosave.wait() {
                    self.autosave_result(result);
                }
            }
            AppEvent::FocusChanged(focused) => self.disk_watch.set_focused(focused),
            AppEvent::DiskSeen(seen) => self.disk_seen(seen),
            AppEvent::ImportProgress(progress) => self.state.import_progress = progress,
            AppEvent::ImportFinished(batch) => self.finish_import(batch),
            AppEvent::ExportFinished(outcome) => self.finish_export(outcome),
            AppEvent::Workspace(done) => self.workspace_done(*done),
            AppEvent::Exit => self.shut_down(),
            AppEvent::NoticesExpired => {
                let now = self.ports.clock.now();
                self.state
                    .notices
                    .retain(|n| n.expires_at().is_none_or(|at| at > now));
            }
        }
    }
}

#[cfg(test)]
mod tests;
