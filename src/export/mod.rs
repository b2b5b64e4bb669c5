//! Excerpt export: the coded passages written out for reports and other tools.
//!
//! Every format is built from the same [`Excerpt`] rows, so they cannot disagree. CSV column
//! headers and Markdown headings are catalog messages ([`crate::i18n`]) in the language asked
//! for ([`render_in`]; [`render`] writes English); the data itself is written as it is, and JSON,
//! for other tools, has no words of its own.

mod csv_format;
mod filter;
mod json_format;
mod markdown_format;

use std::fmt;
use std::str::FromStr;

pub use filter::{Filter, FilterError, FilterSpec};

use crate::i18n::Locale;
use crate::model::{LinkTarget, Passage, Relation, Workspace};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// UTF-8 CSV with a byte-order mark, for spreadsheets.
    Csv,
    /// Markdown grouped by determinant and by scenario, for reports.
    Md,
    /// JSON, for other tools.
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Csv, Format::Md, Format::Json];

    /// The usual file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Md => "md",
            Format::Json => "json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "md" | "markdown" => Ok(Format::Md),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown export format «{other}»: use csv, md or json"
            )),
        }
    }
}

/// One linked determinant or scenario of an excerpt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExcerptLink {
    pub target: LinkTarget,
    pub title: String,
    pub relation: Relation,
}

/// One passage, resolved into everything an export shows of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt<'a> {
    pub passage: &'a Passage,
    pub brief_title: String,
    pub brief_date: String,
    /// The Admiralty badge, such as `B2` (the brief's reliability, the passage's own
    /// credibility or else its brief's); empty when ungraded.
    pub grade: String,
    pub tags: Vec<String>,
    pub determinants: Vec<ExcerptLink>,
    pub scenarios: Vec<ExcerptLink>,
}

/// The passages that pass `filter`, in the order of the briefs and then of the text.
#[must_use]
pub fn excerpts<'a>(ws: &'a Workspace, filter: &Filter) -> Vec<Excerpt<'a>> {
    let mut out = Vec::new();
    for brief in &ws.briefs {
        for passage in ws.passages_of(brief.id) {
            if !filter.accepts(ws, passage) {
                continue;
            }
            let (mut determinants, mut scenarios) = (Vec::new(), Vec::new());
            for link in &passage.links {
                let title = ws
                    .link_target_title(link.target)
                    .unwrap_or_default()
                    .to_owned();
                let item = ExcerptLink {
                    target: link.target,
                    title,
                    relation: link.relation,
                };
                match link.target {
                    LinkTarget::Determinant(_) => determinants.push(item),
                    LinkTarget::Scenario(_) => scenarios.push(item),
                }
            }
            out.push(Excerpt {
                passage,
                brief_title: brief.display_title(),
                brief_date: brief
                    .meta
                    .published
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                grade: passage_grade(ws, passage),
                tags: passage.tags.iter().map(|t| ws.tag_path(*t)).collect(),
                determinants,
                scenarios,
            });
        }
    }
    out
}

/// Writes the filtered passages of `ws` in `format`, with English headers and headings.
#[must_use]
pub fn render(ws: &Workspace, filter: &Filter, format: Format) -> Vec<u8> {
    render_in(ws, filter, format, Locale::ENGLISH)
}

/// Writes the filtered passages of `ws` in `format`, the headers and headings in `locale`'s
/// language (the data — quotes, titles, memos, dates, ids — as it is).
#[must_use]
pub fn render_in(ws: &Workspace, filter: &Filter, format: Format, locale: Locale) -> Vec<u8> {
    let rows = excerpts(ws, filter);
    match format {
        Format::Csv => csv_format::render(&rows, locale),
        Format::Md => markdown_format::render(ws, &rows, locale).into_bytes(),
        Format::Json => json_format::render(ws, &rows).into_bytes(),
    }
}

/// A passage's badge: its brief's reliability with its own credibility (or its brief's);
/// empty when ungraded. The reports write the same.
pub(crate) fn passage_grade(ws: &Workspace, passage: &Passage) -> String {
    let a = &ws.assessment;
    crate::model::SourceGrade {
        reliability: a.grade(passage.brief).reliability,
        credibility: a.passage_credibility(passage.id, passage.brief),
    }
    .badge()
    .unwrap_or_default()
}

/// Every memo besides the passages' own: the workspace's, then those on briefs, tags,
/// determinants and scenarios, each with what it is on (kind and title).
fn memos(ws: &Workspace) -> Vec<(&'static str, String, String, &str)> {
    use crate::model::MemoTarget;
    let mut out = Vec::new();
    if !ws.memo.trim().is_empty() {
        out.push((
            "workspace",
            String::new(),
            ws.title.clone(),
            ws.memo.as_str(),
        ));
    }
    for (on, memo) in &ws.memos.0 {
        let (kind, id, title) = match *on {
            MemoTarget::Brief(id) => (
                "brief",
                id.to_string(),
                ws.brief(id).map(crate::model::Brief::display_title),
            ),
            MemoTarget::Tag(id) => ("tag", id.to_string(), Some(ws.tag_path(id))),
            MemoTarget::Determinant(id) => (
                "determinant",
                id.to_string(),
                ws.determinant(id).map(|d| d.title.clone()),
            ),
            MemoTarget::Scenario(id) => (
                "scenario",
                id.to_string(),
                ws.scenario(id).map(|s| s.title.clone()),
            ),
        };
        out.push((kind, id, title.unwrap_or_default(), memo.as_str()));
    }
    out
}

/// The analysis of the whole workspace (whatever the filter), as the exports carry it, its
/// sentences in `loc`'s language.
fn analysis(ws: &Workspace, loc: Locale) -> crate::analysis::Summary {
    let board = crate::analysis::Board::compute(ws, &crate::analysis::Options::default());
    crate::analysis::Summary::in_language(ws, &board, loc)
}

fn links_text(links: &[ExcerptLink], locale: Locale) -> String {
    links
        .iter()
        .map(|l| format!("{} ({})", l.title, locale.relation(l.relation)))
        .collect::<Vec<_>>()
        .join("; ")
}
