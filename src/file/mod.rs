//! The workspace file format (RON): parsing with validation, and writing.
//!
//! This module turns text into a [`Workspace`] and back; it never touches the filesystem
//! (that is [`crate::io`]'s job).

mod v1;
mod validate;

use ron::ser::PrettyConfig;
use serde::Deserialize;

pub use v1::WorkspaceFileV1;
pub use validate::Problem;

use crate::model::Workspace;

/// What the `format` field of every workspace file says.
pub const FORMAT_NAME: &str = "basira-workspace";
/// The newest format version this build reads and the one it writes.
pub const CURRENT_VERSION: u32 = 1;

/// Why a workspace file's text could not be read as a workspace.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("line {line}, column {col}: {message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("this is not a Basira workspace (its format is «{0}»)")]
    NotAWorkspace(String),
    #[error(
        "the file was written by a newer Basira (format version {found}; this build reads up to {CURRENT_VERSION}); update Basira to open it"
    )]
    NewerVersion { found: u32 },
    #[error("format version {0} is not known")]
    UnknownVersion(u32),
    #[error("{} problem{} found:\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" }, list(.0))]
    Invalid(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fields every version has, read first to pick the right reader.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

fn syntax(err: &ron::error::SpannedError) -> FormatError {
    FormatError::Syntax {
        line: err.span.start.line,
        col: err.span.start.col,
        message: err.code.to_string(),
    }
}

/// Reads a workspace from the text of a workspace file, checking every reference and anchor.
///
/// # Errors
/// A syntax error with its line and column, a file of another kind or of a newer version, or
/// the list of every problem found in the content. Nothing is repaired silently.
pub fn parse(text: &str) -> Result<Workspace, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header: Header = ron::from_str(text).map_err(|e| syntax(&e))?;
    if header.format != FORMAT_NAME {
        return Err(FormatError::NotAWorkspace(header.format));
    }
    match header.version {
        1 => {
            let file: WorkspaceFileV1 = ron::from_str(text).map_err(|e| syntax(&e))?;
            validate::into_workspace(file).map_err(FormatError::Invalid)
        }
        v if v > CURRENT_VERSION => Err(FormatError::NewerVersion { found: v }),
        v => Err(FormatError::UnknownVersion(v)),
    }
}

/// Writes a workspace as pretty, stably ordered RON that diffs cleanly.
#[must_use]
pub fn to_ron(workspace: &Workspace) -> String {
    let file = v1::from_workspace(workspace);
    let config = PrettyConfig::new().indentor("    ").depth_limit(8);
    // Serialising plain structs of strings, numbers and enums cannot fail.
    let mut out = ron::ser::to_string_pretty(&file, config).unwrap_or_default();
    out.push('\n');
    out
}
