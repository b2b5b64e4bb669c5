//! The command line: `basira [WORKSPACE]` opens the app; subcommands work without a window.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use crate::edit::{self, Edit};
use crate::export::{self, FilterSpec, Format};
use crate::io;
use crate::model::Workspace;

/// Basira (بصيرة): a workbench for analysts who read policy briefs in Arabic and English and
/// turn them into determinants, scenarios and tagged evidence.
///
/// Without a subcommand, opens the desktop app on WORKSPACE (or on the last workspace used, or
/// on the bundled sample).
#[derive(Debug, Parser)]
#[command(name = "basira", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A workspace file (.ron) to open in the app.
    pub workspace: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the coded passages (excerpts) of a workspace as CSV, Markdown or JSON.
    ///
    /// CSV is UTF-8 with a byte-order mark and RFC 4180 quoting, one row per passage, so that
    /// spreadsheet programs show Arabic correctly. Markdown groups the excerpts by determinant
    /// and by scenario. JSON is for other tools.
    Export {
        /// The workspace file to read.
        workspace: PathBuf,
        /// csv, md (Markdown) or json.
        #[arg(long, short)]
        format: Format,
        /// Where to write; `-` writes to standard output.
        #[arg(long, short)]
        out: PathBuf,
        /// Only passages of this brief (title, part of it, or id).
        #[arg(long)]
        brief: Option<String>,
        /// Only passages with this tag or a tag below it (name or id).
        #[arg(long)]
        tag: Option<String>,
        /// Only passages linked to this determinant (title, part of it, or id).
        #[arg(long)]
        determinant: Option<String>,
        /// Only passages linked to this scenario (title, part of it, or id).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Add .txt or .md briefs to a workspace, creating the workspace if it does not exist.
    ///
    /// Text is normalised as Basira stores it (no byte-order mark, LF line ends, NFC). If any
    /// file cannot be imported, nothing is written.
    Import {
        /// The workspace file to add to (created when missing).
        workspace: PathBuf,
        /// The brief files to add.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Validate a workspace file and report every problem; exits with 1 when there is one.
    Check {
        /// The workspace file to check.
        workspace: PathBuf,
    },
}

/// Runs a subcommand, printing errors once, and returns the exit code.
#[must_use]
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Export {
            workspace,
            format,
            out,
            brief,
            tag,
            determinant,
            scenario,
        } => {
            let spec = FilterSpec {
                brief,
                tag,
                determinant,
                scenario,
            };
            export_command(&workspace, format, &out, &spec)
        }
        Command::Import { workspace, files } => import_command(&workspace, &files),
        Command::Check { workspace } => check_command(&workspace),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn export_command(
    workspace: &Path,
    format: Format,
    out: &Path,
    spec: &FilterSpec,
) -> anyhow::Result<()> {
    let ws = io::load(workspace)?;
    let filter = spec
        .resolve(&ws)
        .with_context(|| format!("in {}", workspace.display()))?;
    let bytes = export::render(&ws, &filter, format);
    if out.as_os_str() == "-" {
        std::io::stdout()
            .write_all(&bytes)
            .context("cannot write to standard output")?;
    } else {
        io::workspace_file::write_atomically(out, &bytes)
            .with_context(|| format!("cannot write {}", out.display()))?;
        eprintln!(
            "wrote {} excerpts to {}",
            export::excerpts(&ws, &filter).len(),
            out.display()
        );
    }
    Ok(())
}

fn import_command(workspace: &Path, files: &[PathBuf]) -> anyhow::Result<()> {
    let mut ws = if workspace.exists() {
        io::load(workspace)?
    } else {
        let title = workspace
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Workspace {
            title,
            ..Workspace::default()
        }
    };
    let mut briefs = Vec::with_capacity(files.len());
    for file in files {
        briefs.push(io::import_brief(file)?);
    }
    let count = briefs.len();
    let edits = briefs
        .into_iter()
        .map(|brief| Edit::InsertBrief {
            index: usize::MAX,
            brief,
        })
        .collect();
    edit::apply(
        &mut ws,
        Edit::Batch {
            label: "import briefs".into(),
            edits,
        },
    )?;
    io::save(workspace, &ws)?;
    eprintln!("imported {count} brief(s) into {}", workspace.display());
    Ok(())
}

fn check_command(workspace: &Path) -> anyhow::Result<()> {
    match io::load(workspace) {
        Ok(ws) => {
            println!(
                "{}: ok — {} briefs, {} tags, {} determinants, {} scenarios, {} passages",
                workspace.display(),
                ws.briefs.len(),
                ws.tags.len(),
                ws.determinants.len(),
                ws.scenarios.len(),
                ws.passages.len()
            );
            Ok(())
        }
        Err(err) => bail!(err),
    }
}
