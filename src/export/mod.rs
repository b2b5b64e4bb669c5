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

fn links_text(links: &[ExcerptLink], locale: Locale) -> String {
    links
        .iter()
        .map(|l| format!("{} ({})", l.title, locale.relation(l.relation)))
        .collect::<Vec<_>>()
        .join("; ")
}
