//! The command line: `basira [WORKSPACE]` opens the app; subcommands work without a window.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use crate::edit::{self, Edit};
use crate::export::{self, FilterSpec, Format};
use crate::i18n::{Digits, Language, Locale};
use crate::io;
use crate::model::{Brief, BriefId, TextDirection, Workspace};
use crate::structure::Choice;
use crate::text::raster::{self, Highlight, PageStyle};
use crate::text::{Direction, DocumentLayout, LayoutParams, TextEngine};

mod analysis_report;
mod layout_report;
mod search_report;
mod structure_report;

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
        /// The language of the CSV column headers and Markdown headings: en or ar (the
        /// passages, titles and memos are written as they are).
        #[arg(long, default_value = "en")]
        lang: Language,
    },
    /// Add briefs (HTML pages, Word DOCX, PDF, .txt or .md; the format is read from the content)
    /// to a workspace, creating the workspace if it does not exist.
    ///
    /// Text is normalised as Basira stores it (no byte-order mark, LF line ends, NFC). If any
    /// file cannot be imported, nothing is written.
    ///
    /// With --new-version-of, the one file given replaces that brief's text instead: every
    /// passage is placed again in the new text (kept, moved or matched approximately) or
    /// orphaned for the analyst to place in the app's Structure tab; none is dropped.
    Import {
        /// The workspace file to add to (created when missing).
        workspace: PathBuf,
        /// The brief files to add.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Import the file as a newer version of this brief (title, part of it, or id).
        #[arg(long, value_name = "BRIEF")]
        new_version_of: Option<String>,
    },
    /// Show the structure Basira finds in a brief: its title and date, the outline, the
    /// determinants and scenarios it would propose, and its footnotes.
    ///
    /// For a brief in a workspace, each proposal says whether the workspace already holds it
    /// (accepted, or an item with a name much like it) or the analyst dismissed it.
    ///
    /// With --accept, the proposals named (by the key the report shows, or `all` for every
    /// one the workspace does not hold and the analyst did not dismiss) become determinants
    /// and scenarios, each with its paragraph as a passage linked to it, as Accept does in the
    /// app's Structure tab, and the workspace is written. If a key is not the brief's, nothing
    /// is written.
    Structure {
        /// A brief (HTML, DOCX, PDF, .txt or .md) or a workspace (.ron).
        file: PathBuf,
        /// In a workspace, the brief to use (title, part of it, or id); the first by default.
        #[arg(long)]
        brief: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Accept the proposal with this key (repeatable), or `all`.
        #[arg(long, value_name = "KEY|all", conflicts_with = "json")]
        accept: Vec<String>,
    },
    /// Weigh a workspace's evidence: the scenarios' inconsistency scores and ranking (ACH),
    /// the critical evidence (passages and briefs that change the ranking when discounted),
    /// the determinant × scenario matrix, each row's diagnosticity and the signposts.
    Analysis {
        /// The workspace file to read.
        workspace: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search every brief of a workspace the way an Arabic reader expects: harakat and tatweel
    /// ignored, hamza forms and final letters folded, Latin case ignored (or --exact). Prints
    /// the hits per brief, then each hit with a few words of context.
    Search(search_report::SearchArgs),
    /// Write the analysis as a report for readers without Basira: one self-contained HTML
    /// file (prints to A4) or a Word document (.docx), chosen by the --out file's extension.
    ///
    /// The report holds the question (workspace memo), the scenarios with their likelihood,
    /// the determinant × scenario matrix, each determinant and scenario with its evidence
    /// excerpts, the codebook with counts and the sources with their footnotes.
    Report(search_report::ReportArgs),
    /// Validate a workspace file and report every problem; exits with 1 when there is one.
    ///
    /// Besides what stops a workspace from opening, reports passages that start or end inside a
    /// character (between a letter and its harakat).
    Check {
        /// The workspace file to check.
        workspace: PathBuf,
    },
    /// Print how a brief is laid out: for each visual line of each paragraph, its words in
    /// visual order (left to right) with their logical code-point ranges and x positions.
    Layout {
        #[command(flatten)]
        page: PageArgs,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Draw a brief to a PNG image without a window, its passages highlighted in their first
    /// tag's colour when FILE is a workspace.
    Render {
        #[command(flatten)]
        page: PageArgs,
        /// The PNG file to write; `-` writes to standard output.
        #[arg(long, short)]
        out: PathBuf,
    },
}

/// The longest brief `layout` and `render` lay out, in code points (a 2 MB Arabic text): laying
/// out takes about a hundred times the text in memory.
pub const MAX_LAYOUT_CHARS: usize = 1_000_000;

/// Which brief to lay out, and how.
#[derive(Debug, clap::Args)]
pub struct PageArgs {
    /// A brief (HTML, DOCX, PDF, .txt or .md) or a workspace (.ron).
    pub file: PathBuf,
    /// The line width in pixels.
    #[arg(long)]
    pub width: f32,
    /// In a workspace, the brief to use (title, part of it, or id); the first by default.
    #[arg(long)]
    pub brief: Option<String>,
    /// Paragraph direction: auto (each paragraph's first strong character), rtl or ltr; by
    /// default the brief's own (set in the app), auto for a brief file.
    #[arg(long, value_parser = parse_direction)]
    pub direction: Option<Direction>,
    /// Pixels per point (2 for a HiDPI rendering); the width is in pixels either way.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
}

fn parse_direction(word: &str) -> Result<Direction, String> {
    match word.to_ascii_lowercase().as_str() {
        "auto" => Ok(Direction::Auto),
        "rtl" => Ok(Direction::Rtl),
        "ltr" => Ok(Direction::Ltr),
        _ => Err(format!("«{word}» is not auto, rtl or ltr")),
    }
}

/// The text layer's direction for a brief's reading direction.
fn layout_direction(direction: TextDirection) -> Direction {
    match direction {
        TextDirection::Auto => Direction::Auto,
        TextDirection::Rtl => Direction::Rtl,
        TextDirection::Ltr => Direction::Ltr,
    }
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
            lang,
        } => {
            let spec = FilterSpec {
                brief,
                tag,
                determinant,
                scenario,
            };
            let locale = Locale::new(lang, Digits::Western);
            export_command(&workspace, format, &out, &spec, locale)
        }
        Command::Import {
            workspace,
            files,
            new_version_of: None,
        } => import_command(&workspace, &files),
        Command::Import {
            workspace,
            files,
            new_version_of: Some(brief),
        } => new_version_command(&workspace, &files, &brief),
        Command::Structure {
            file,
            brief,
            json,
            accept,
        } => {
            if accept.is_empty() {
                structure_command(&file, brief.as_deref(), json)
            } else {
                accept_command(&file, brief.as_deref(), &accept)
            }
        }
        Command::Analysis { workspace, json } => analysis_report::build(&workspace)
            .and_then(|summary| print_report(&summary, json, analysis_report::human)),
        Command::Check { workspace } => check_command(&workspace),
        Command::Search(args) => search_report::search_command(&args),
        Command::Report(args) => search_report::report_command(&args),
        Command::Layout { page, json } => layout_command(&page, json),
        Command::Render { page, out } => render_command(&page, &out),
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
    locale: Locale,
) -> anyhow::Result<()> {
    let ws = io::load(workspace)?;
    let filter = spec
        .resolve(&ws)
        .with_context(|| format!("in {}", workspace.display()))?;
    let bytes = export::render_in(&ws, &filter, format, locale);
    if out.as_os_str() == "-" {
        std::io::stdout()
            .write_all(&bytes)
            .context("cannot write to standard output")?;
    } else {
        io::write_output(out, &bytes, &[workspace])?;
        eprintln!(
            "wrote {} excerpts to {}",
            export::excerpts(&ws, &filter).len(),
            out.display()
        );
    }
    Ok(())
}

fn import_command(workspace: &Path, files: &[PathBuf]) -> anyhow::Result<()> {
    refuse_read_only(workspace)?;
    // The files are read first, without the workspace: its lock is held only from reading it
    // to writing it.
    let mut briefs = Vec::with_capacity(files.len());
    let now = chrono::Utc::now();
    for file in files {
        let imported = io::import_brief_at(file, now, &mut |_| {})?;
        let brief = imported.brief;
        let format = brief.source.as_ref().map_or("text", |s| s.format.name());
        eprintln!(
            "{}: {format}, «{}», {} characters",
            file.display(),
            brief.display_title(),
            brief.char_len()
        );
        for warning in &imported.warnings {
            eprintln!("{}: warning: {warning}", file.display());
        }
        briefs.push(brief);
    }
    let count = briefs.len();
    let lock = io::WorkspaceLock::acquire(workspace)?;
    let (mut ws, on_disk) = load_for_update(workspace)?;
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
    io::save_locked(&lock, workspace, &ws, on_disk)?;
    eprintln!("imported {count} brief(s) into {}", workspace.display());
    Ok(())
}

/// Refuses a workspace that cannot be written before any work is done.
fn refuse_read_only(workspace: &Path) -> anyhow::Result<()> {
    io::check_writable(workspace).map_err(|error| io::SaveError {
        path: workspace.to_owned(),
        error,
    })?;
    Ok(())
}

/// The workspace at `path` (under its lock) and what a save must find on disk: the file as it
/// was read, or no file when there was none (a new workspace named after the file).
fn load_for_update(path: &Path) -> anyhow::Result<(Workspace, io::OnDisk)> {
    if path.exists() {
        let (ws, stamp) = io::load_stamped(path)?;
        return Ok((ws, io::OnDisk::Stamp(stamp)));
    }
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ws = Workspace {
        title,
        ..Workspace::default()
    };
    Ok((ws, io::OnDisk::Absent))
}

/// Imports `files` (exactly one) as a newer version of brief `brief` of `workspace`.
fn new_version_command(workspace: &Path, files: &[PathBuf], brief: &str) -> anyhow::Result<()> {
    let [file] = files else {
        bail!("--new-version-of takes one file, not {}", files.len());
    };
    refuse_read_only(workspace)?;
    let lock = io::WorkspaceLock::acquire(workspace)?;
    let (mut ws, stamp) = io::load_stamped(workspace)?;
    let id = find_brief(&ws, brief).with_context(|| format!("in {}", workspace.display()))?;
    let imported = io::import_brief_at(file, chrono::Utc::now(), &mut |_| {})?;
    for warning in &imported.warnings {
        eprintln!("{}: warning: {warning}", file.display());
    }
    let title = ws.brief(id).map(Brief::display_title).unwrap_or_default();
    let (edit, summary) = crate::reanchor::new_version(&ws, id, imported.brief)
        .with_context(|| format!("in {}", workspace.display()))?;
    edit::apply(&mut ws, edit)?;
    io::save_locked(&lock, workspace, &ws, io::OnDisk::Stamp(stamp))?;
    eprintln!(
        "{}: new version of «{title}» in {}: {summary}",
        file.display(),
        workspace.display()
    );
    if summary.orphaned > 0 {
        eprintln!(
            "the orphaned passages keep their old quote; place them in the app's Structure tab"
        );
    }
    Ok(())
}

fn structure_command(file: &Path, brief: Option<&str>, json: bool) -> anyhow::Result<()> {
    let (brief, ws) = load_brief(file, brief)?;
    let structure = crate::structure::detect(&brief.text, &brief.headings);
    let report = structure_report::build(&brief, &structure, ws.as_ref());
    print_report(&report, json, structure_report::human)
}

/// Accepts the proposals `keys` name (or all open ones) of brief `brief` (the first by
/// default) of the workspace `file`, and writes the workspace.
fn accept_command(file: &Path, brief: Option<&str>, keys: &[String]) -> anyhow::Result<()> {
    if !file
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
    {
        bail!("--accept needs a workspace (.ron), not {}", file.display());
    }
    refuse_read_only(file)?;
    let lock = io::WorkspaceLock::acquire(file)?;
    let (mut ws, stamp) = io::load_stamped(file)?;
    let id = match brief {
        Some(word) => find_brief(&ws, word).with_context(|| format!("in {}", file.display()))?,
        None => ws
            .briefs
            .first()
            .map(|b| b.id)
            .with_context(|| format!("{} has no briefs", file.display()))?,
    };
    let brief = ws
        .brief(id)
        .with_context(|| format!("{} has no such brief", file.display()))?;
    let title = brief.display_title().to_string();
    let found = crate::structure::detect(&brief.text, &brief.headings);
    let choices: Vec<Choice> = if keys.iter().any(|k| k == "all") {
        let held = crate::structure::in_analysis(&ws, id, &found.proposals);
        found
            .proposals
            .iter()
            .zip(held)
            .filter(|(p, held)| held.is_none() && !brief.dismissed_proposals.contains(&p.key))
            .map(|(p, _)| Choice::key(p.key.clone()))
            .collect()
    } else {
        keys.iter().map(Choice::key).collect()
    };
    let accepted = crate::structure::accept(&ws, id, &found, &choices, chrono::Utc::now())
        .with_context(|| format!("{} has no such brief", file.display()))?;
    if !accepted.problems.is_empty() {
        bail!(
            "nothing written to {}: {}",
            file.display(),
            accepted.problems.join("; ")
        );
    }
    for key in &accepted.already {
        eprintln!("{key}: already in the analysis");
    }
    let Some(edit) = accepted.edit else {
        eprintln!(
            "«{title}»: no proposal to accept; {} unchanged",
            file.display()
        );
        return Ok(());
    };
    edit::apply(&mut ws, edit)?;
    io::save_locked(&lock, file, &ws, io::OnDisk::Stamp(stamp))?;
    let count = accepted.keys.len();
    let noun = if count == 1 { "proposal" } else { "proposals" };
    eprintln!("«{title}»: accepted {count} {noun} into {}", file.display());
    Ok(())
}

/// Prints `report` to standard output as JSON, or as `human` writes it.
fn print_report<R: serde::Serialize>(
    report: &R,
    json: bool,
    human: fn(&R) -> String,
) -> anyhow::Result<()> {
    let text = if json {
        let mut text = serde_json::to_string_pretty(report).context("cannot write JSON")?;
        text.push('\n');
        text
    } else {
        human(report)
    };
    std::io::stdout()
        .write_all(text.as_bytes())
        .context("cannot write to standard output")
}

fn check_command(workspace: &Path) -> anyhow::Result<()> {
    let ws = io::load(workspace)?;
    let summary = format!(
        "{} briefs, {} tags, {} determinants, {} scenarios, {} passages",
        ws.briefs.len(),
        ws.tags.len(),
        ws.determinants.len(),
        ws.scenarios.len(),
        ws.passages.len()
    );
    let warnings = crate::file::split_grapheme_warnings(&ws);
    if warnings.is_empty() {
        println!("{}: ok — {summary}", workspace.display());
        return Ok(());
    }
    let list: Vec<String> = warnings.iter().map(|w| format!("  - {w}")).collect();
    bail!(
        "{}: opens ({summary}), but {} passage{} split a character:\n{}",
        workspace.display(),
        warnings.len(),
        if warnings.len() == 1 { "" } else { "s" },
        list.join("\n")
    )
}

/// The brief named by `page` and, when it came from a workspace, the workspace.
fn load_page(page: &PageArgs) -> anyhow::Result<(Brief, Option<Workspace>)> {
    load_brief(&page.file, page.brief.as_deref())
}

/// A brief file imported, or brief `brief` (the first by default) of a workspace file with
/// the workspace.
fn load_brief(file: &Path, brief: Option<&str>) -> anyhow::Result<(Brief, Option<Workspace>)> {
    let is_workspace = file
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"));
    if !is_workspace {
        if brief.is_some() {
            bail!("--brief needs a workspace (.ron), not {}", file.display());
        }
        return Ok((io::import_brief(file)?, None));
    }
    let ws = io::load(file)?;
    let brief = match brief {
        Some(word) => {
            let id = find_brief(&ws, word).with_context(|| format!("in {}", file.display()))?;
            ws.brief(id)
        }
        None => ws.briefs.first(),
    }
    .cloned()
    .with_context(|| format!("{} has no briefs", file.display()))?;
    Ok((brief, Some(ws)))
}

/// The brief of `ws` that `word` names (its title, part of it, or its id).
fn find_brief(ws: &Workspace, word: &str) -> anyhow::Result<BriefId> {
    let spec = FilterSpec {
        brief: Some(word.to_owned()),
        ..FilterSpec::default()
    };
    spec.resolve(ws)?
        .brief
        .with_context(|| format!("no brief is named «{word}»"))
}

/// Lays out the brief named by `page`.
fn lay_out_page(page: &PageArgs) -> anyhow::Result<(Brief, Option<Workspace>, DocumentLayout)> {
    if !(page.width.is_finite() && page.width > 0.0) {
        bail!("--width must be a positive number of pixels");
    }
    if !(page.scale.is_finite() && page.scale > 0.0) {
        bail!("--scale must be a positive number");
    }
    let (brief, ws) = load_page(page)?;
    // Laying out costs about a hundred times the text in memory: a brief within the import
    // limit (64 MB) would take gigabytes, so it is refused before any of that is allocated.
    let len = brief.char_len();
    if len > MAX_LAYOUT_CHARS {
        bail!(
            "{}: «{}» has {len} code points, more than the {MAX_LAYOUT_CHARS} that layout and \
             render lay out (about 500 pages); open it in the app, whose reader lays out only \
             what is in view",
            page.file.display(),
            brief.display_title()
        );
    }
    let params = LayoutParams {
        scale: page.scale,
        direction: page
            .direction
            .unwrap_or_else(|| layout_direction(brief.meta.direction)),
        ..LayoutParams::reading(page.width)
    };
    let document = DocumentLayout::new(&mut TextEngine::new(), &brief.text, params);
    Ok((brief, ws, document))
}

fn layout_command(page: &PageArgs, json: bool) -> anyhow::Result<()> {
    let (brief, _, document) = lay_out_page(page)?;
    let report = layout_report::build(&brief, &document);
    print_report(&report, json, layout_report::human)
}

fn render_command(page: &PageArgs, out: &Path) -> anyhow::Result<()> {
    let (brief, ws, document) = lay_out_page(page)?;
    let highlights: Vec<Highlight> = ws
        .as_ref()
        .map(|ws| {
            ws.passages_of(brief.id)
                .into_iter()
                .map(|passage| {
                    let [r, g, b] = passage
                        .tags
                        .first()
                        .and_then(|id| ws.tag(*id))
                        .map_or([200, 200, 200], |tag| tag.colour.0);
                    Highlight {
                        range: passage.anchor.start..passage.anchor.end,
                        colour: [r, g, b, 150],
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let pixmap = raster::paint_document(&document, &highlights, &PageStyle::default())
        .with_context(|| format!("cannot draw {}", page.file.display()))?;
    let (width, height) = (pixmap.width(), pixmap.height());
    let png = raster::encode_png(pixmap)?;
    if out.as_os_str() == "-" {
        std::io::stdout()
            .write_all(&png)
            .context("cannot write to standard output")?;
    } else {
        io::write_output(out, &png, &[&page.file])?;
    }
    eprintln!(
        "drew «{}» ({width}×{height} px, {} paragraphs, {} passages) to {}",
        brief.display_title(),
        document.paragraphs().len(),
        highlights.len(),
        out.display()
    );
    Ok(())
}
