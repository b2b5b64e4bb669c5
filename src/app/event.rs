//! What the world outside the panels tells the app: [`AppEvent`]s, and the [`Message`] that is
//! either one of them or an [`AppCommand`] — what [`super::reducer::Model::handle`] applies.

use super::command::AppCommand;
use super::export_jobs::ExportOutcome;
use super::import_jobs::FinishedBatch;
use super::workspace_jobs::WorkspaceDone;
use crate::io::DiskState;

/// Something that happened outside the panels: a background thread finished, the window's
/// focus changed, the disk watch looked at the file, or the app is closing.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "a few messages per frame at most, each moved once into Model::handle"
)]
pub enum AppEvent {
    /// Unsaved work is due for a recovery copy.
    AutosaveDue,
    /// The recovery copy being written is done (or failed).
    AutosaveWritten(anyhow::Result<()>),
    /// Wait for the recovery copy being written, then take its result (tests, closing).
    WaitForAutosave,
    /// The window gained (`true`) or lost the keyboard focus.
    FocusChanged(bool),
    /// What the disk watch saw when it looked at the workspace file.
    DiskSeen(DiskSeen),
    /// The files being imported and the fraction of each that is done.
    ImportProgress(Vec<(String, f32)>),
    /// Every file of an import batch is done.
    ImportFinished(FinishedBatch),
    /// An excerpt export written on a thread of its own is done (or failed).
    ExportFinished(ExportOutcome),
    /// A workspace opened or saved on a thread of its own is done.
    Workspace(Box<WorkspaceDone>),
    /// Basira is closing cleanly.
    Exit,
    /// The clock passed the time some notices go away by themselves.
    NoticesExpired,
}

/// A look at the workspace file by the disk watch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskSeen {
    /// When it looked.
    pub at: chrono::DateTime<chrono::Utc>,
    /// What it found; `None` when there is nothing new (the change already noticed did not
    /// move again, or the file could not be read for now and is looked at again later).
    pub state: Option<DiskState>,
}

/// What [`super::reducer::Model::handle`] applies.
// A message is built and moved into `handle` at once, never kept in bulk: boxing the
// (large) command would only add an allocation per command.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Message {
    /// A panel's (or a shortcut's) request.
    Command(AppCommand),
    /// Something that happened outside the panels.
    Event(AppEvent),
}

impl From<AppCommand> for Message {
    fn from(command: AppCommand) -> Self {
        Message::Command(command)
    }
}

impl From<AppEvent> for Message {
    fn from(event: AppEvent) -> Self {
        Message::Event(event)
    }
}
