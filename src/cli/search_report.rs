//! `basira search` (every brief of a workspace, with Arabic folding) and `basira report` (the
//! analysis as an HTML or Word report).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::export::FilterSpec;
use crate::i18n::{Digits, Language, Locale};
use crate::io;
use crate::model::Workspace;
use crate::report::{self, ReportFormat, ReportOptions};
use crate::search::{Hit, Place, Query, Scope, WholeWord, search_workspace};

/// What `basira search` takes.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The workspace file to search.
    pub workspace: PathBuf,
    /// What to look for. Harakat and tatweel are ignored, hamza forms and final letters folded
    /// (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي) and Latin case ignored, unless --exact.
    pub query: String,
    /// QUERY is a regular expression (Rust regex syntax), matched against the folded text;
    /// hits are reported as written.
    #[arg(long)]
    pub regex: bool,
    /// Only whole words.
    #[arg(long)]
    pub whole_word: bool,
    /// With --whole-word: a word may carry Arabic's attached prefixes (و ف ب ك ل ال), so
    /// «العراق» also finds «والعراق» and «بالعراق».
    #[arg(long)]
    pub prefixes: bool,
    /// Match harakat, tatweel, hamza forms and case exactly as written.
    #[arg(long)]
    pub exact: bool,
    /// Also search the workspace memo, passage memos and the names of tags, determinants and
    /// scenarios.
    #[arg(long)]
    pub memos: bool,
    /// Print JSON: a list of hits, each with `brief` (id), `start`, `end` (code points in the
    /// brief's text, end exclusive), `text` (the hit as written) and `context`.
    #[arg(long)]
    pub json: bool,
}

/// What `basira report` takes.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The workspace file to report on.
    pub workspace: PathBuf,
    /// The report file to write: .html (one self-contained file) or .docx (Word).
    #[arg(long, short)]
    pub out: PathBuf,
    /// Only excerpts from this brief (title, part of it, or id).
    #[arg(long)]
    pub brief: Option<String>,
    /// Only excerpts with this tag or a tag below it (name or id).
    #[arg(long)]
    pub tag: Option<String>,
    /// Only this determinant and its excerpts (title, part of it, or id).
    #[arg(long)]
    pub determinant: Option<String>,
    /// Only this scenario and its excerpts (title, part of it, or id).
    #[arg(long)]
    pub scenario: Option<String>,
    /// The language of the report's headings, table headers, labels and fixed sentences: en
    /// or ar (an Arabic report reads right to left; the quotes, titles and memos are written
    /// as they are).
    #[arg(long, default_value = "en")]
    pub lang: Language,
}

/// One hit as `basira search --json` prints it.
#[derive(Debug, Serialize)]
struct JsonHit {
    /// The brief's id; `null` for a hit in a memo or a name.
    brief: Option<String>,
    start: usize,
    end: usize,
    text: String,
    context: String,
    /// Where the hit is: `brief`, `workspace memo`, `passage memo`, `tag`, `determinant` or
    /// `scenario`.
    place: &'static str,
    /// The id of the passage, tag, determinant or scenario for a hit outside a brief.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
}

fn place_id(place: Place) -> Option<String> {
    match place {
        Place::Brief(_) | Place::WorkspaceMemo => None,
        Place::PassageMemo(id) => Some(id.to_string()),
        Place::TagName(id) => Some(id.to_string()),
        Place::DeterminantTitle(id) => Some(id.to_string()),
        Place::ScenarioTitle(id) => Some(id.to_string()),
    }
}

/// `basira search`.
pub fn search_command(args: &SearchArgs) -> anyhow::Result<()> {
    let ws = io::load(&args.workspace)?;
    let query = Query {
        text: args.query.clone(),
        regex: args.regex,
        whole_word: match (args.whole_word, args.prefixes) {
            (_, true) => WholeWord::WithPrefixes,
            (true, false) => WholeWord::Word,
            (false, false) => WholeWord::Off,
        },
        exact: args.exact,
    };
    let scope = Scope {
        memos_and_names: args.memos,
    };
    let results = search_workspace(&ws, &query, scope)?;
    let hits = results.page(&ws, 0..results.len());
    let text = if args.json {
        let list: Vec<JsonHit> = hits
            .iter()
            .map(|hit| JsonHit {
                brief: hit.place.brief().map(|b| b.to_string()),
                start: hit.start,
                end: hit.end,
                text: hit.text.clone(),
                context: hit.context.line(),
                place: hit.place.kind(),
                id: place_id(hit.place),
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&list).context("cannot write JSON")?;
        text.push('\n');
        if hits.is_empty() {
            eprintln!("no hits for «{}»", args.query);
        }
        text
    } else {
        human(&ws, &args.query, &results, &hits)
    };
    std::io::stdout()
        .write_all(text.as_bytes())
        .context("cannot write to standard output")
}

/// The text `basira search` prints: the counts per brief, then one line per hit.
fn human(ws: &Workspace, query: &str, results: &crate::search::Results, hits: &[Hit]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if hits.is_empty() {
        let _ = writeln!(out, "no hits for «{query}»");
        return out;
    }
    let _ = writeln!(out, "«{query}»: {}", results.summary(ws));
    for count in results.per_brief(ws) {
        let _ = writeln!(out, "  {}: {}", count.title, count.hits);
    }
    out.push('\n');
    for hit in hits {
        let _ = writeln!(
            out,
            "{} [{}–{}]: {}",
            hit.place.label(ws),
            hit.start,
            hit.end,
            hit.context.line().replace('\n', " ")
        );
    }
    out
}

/// `basira report`.
pub fn report_command(args: &ReportArgs) -> anyhow::Result<()> {
    let Some(format) = ReportFormat::from_path(&args.out) else {
        bail!(
            "{}: a report is written as .html or .docx; give --out a file name ending in one of them",
            args.out.display()
        );
    };
    let ws = io::load(&args.workspace)?;
    let spec = FilterSpec {
        brief: args.brief.clone(),
        tag: args.tag.clone(),
        determinant: args.determinant.clone(),
        scenario: args.scenario.clone(),
    };
    let filter = spec
        .resolve(&ws)
        .with_context(|| format!("in {}", args.workspace.display()))?;
    let locale = Locale::new(args.lang, Digits::Western);
    let options = ReportOptions {
        filter,
        scope: report::scope_lines(&ws, &filter, locale),
        written: Some(report::written_on(report_time()?)),
        locale,
    };
    let bytes = report::render(&ws, &options, format)?;
    write_report(&args.out, &bytes)?;
    let built = report::build(&ws, &options);
    eprintln!(
        "wrote a report of {} excerpts from {} source(s) to {}",
        built.excerpt_count,
        built.sources.len(),
        args.out.display()
    );
    Ok(())
}

/// When the report is written: now, or the instant `SOURCE_DATE_EPOCH` gives (seconds since
/// 1970, the reproducible-builds convention), so that a report can be written again byte for
/// byte.
fn report_time() -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    let Some(epoch) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(chrono::Utc::now());
    };
    let text = epoch.to_string_lossy();
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
        .with_context(|| {
            format!("SOURCE_DATE_EPOCH is «{text}», not a number of seconds since 1970")
        })
}

fn write_report(out: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    io::workspace_file::write_atomically(out, bytes)
        .with_context(|| format!("cannot write {}", out.display()))
}
