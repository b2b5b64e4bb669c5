//! Reports: a workspace's analysis written for a reader who does not use Basira, as one
//! self-contained HTML file ([`html`]) or a Word document ([`docx`]).
//!
//! Both are rendered from the same [`Report`], built by [`build`] from the workspace and an
//! export [`Filter`]: the title and the question (the workspace memo), the scenarios with their
//! judged likelihood, the analysis (determinant × scenario matrix of the evidence; the slot
//! where the analysis board's ranking goes), each determinant and scenario with its evidence
//! excerpts (quote, brief title, date, publisher, source grade, relation, memo), the codebook
//! with counts, and the sources with their footnotes. Plain Rust: no egui, no IO.

pub mod docx;
pub mod html;

use std::collections::HashMap;

use crate::export::Filter;
use crate::i18n::Locale;
use crate::model::{
    BriefId, LinkTarget, MemoTarget, Passage, PassageId, Relation, TagId, TextDirection, Workspace,
};
use crate::text::{ResolvedDirection, first_strong};
use crate::tr;

/// A report's format, from its file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Docx,
}

impl ReportFormat {
    /// The format for a file name ending in `.html`/`.htm` or `.docx`.
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Self::Html),
            "docx" => Some(Self::Docx),
            _ => None,
        }
    }

    /// The file name extension the format is written with.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Docx => "docx",
        }
    }
}

/// The date a report written at `now` shows: the local calendar date there and then
/// ("2025-09-25"). `basira report` and the app both write it so, from the same instant the
/// same date (`SOURCE_DATE_EPOCH` gives the command line a fixed instant).
#[must_use]
pub fn written_on(now: chrono::DateTime<chrono::Utc>) -> String {
    now.with_timezone(&chrono::Local).date_naive().to_string()
}

/// How many excerpts a report under `filter` quotes: the passages it keeps, orphans left out.
#[must_use]
pub fn excerpt_count(ws: &Workspace, filter: &Filter) -> usize {
    ws.passages
        .iter()
        .filter(|p| !p.orphaned && filter.accepts(ws, p))
        .count()
}

/// Which way a block of text reads, with its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Arabic: `lang="ar" dir="rtl"`.
    Arabic,
    /// Anything else: `lang="en" dir="ltr"`.
    Latin,
}

impl Script {
    /// From the text's first strong character (Latin when it has none).
    #[must_use]
    pub fn of(text: &str) -> Self {
        match first_strong(text) {
            Some(ResolvedDirection::Rtl) => Self::Arabic,
            _ => Self::Latin,
        }
    }

    /// For a brief's text: its set direction, else its first strong character.
    #[must_use]
    pub fn of_brief_text(text: &str, direction: TextDirection) -> Self {
        match direction {
            TextDirection::Rtl => Self::Arabic,
            TextDirection::Ltr => Self::Latin,
            TextDirection::Auto => Self::of(text),
        }
    }

    #[must_use]
    pub fn lang(self) -> &'static str {
        match self {
            Self::Arabic => "ar",
            Self::Latin => "en",
        }
    }

    #[must_use]
    pub fn dir(self) -> &'static str {
        match self {
            Self::Arabic => "rtl",
            Self::Latin => "ltr",
        }
    }

    #[must_use]
    pub fn is_rtl(self) -> bool {
        self == Self::Arabic
    }
}

/// One excerpt as evidence for a determinant or scenario (or unlinked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub passage: PassageId,
    /// The passage's quote, exactly as in its brief.
    pub quote: String,
    pub quote_script: Script,
    pub brief_title: String,
    pub date: String,
    pub publisher: String,
    /// Its source grade ("B2": its brief's reliability, its own credibility or else its
    /// brief's), empty when ungraded.
    pub grade: String,
    /// How it bears on the item it is listed under (none in the unlinked list).
    pub relation: Option<Relation>,
    pub memo: String,
    pub tags: Vec<String>,
    /// Its brief's number in [`Report::sources`], from 1.
    pub source: usize,
}

/// A determinant or scenario with its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub title: String,
    /// The determinant's description or the scenario's narrative.
    pub about: String,
    /// For a scenario: its judged likelihood, in words.
    pub likelihood: Option<String>,
    /// The analyst's memo on it (empty for none).
    pub memo: String,
    pub evidence: Vec<Evidence>,
}

impl Item {
    /// How many excerpts support, weaken, and indicate it.
    #[must_use]
    pub fn counts(&self) -> [usize; 3] {
        let count = |r: Relation| {
            self.evidence
                .iter()
                .filter(|e| e.relation == Some(r))
                .count()
        };
        [
            count(Relation::Supports),
            count(Relation::Weakens),
            count(Relation::Indicator),
        ]
    }
}

/// The determinant × scenario matrix of the analysis board: `cells[d][s]` for determinant `d`
/// and scenario `s` (in the report's order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matrix {
    pub determinants: Vec<String>,
    pub scenarios: Vec<String>,
    pub cells: Vec<Vec<MatrixEntry>>,
}

/// One cell: the analyst's judgement, and the excerpts linked to both, by their relation to
/// the scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatrixEntry {
    /// "+2 strongly for", when judged.
    pub judgement: Option<String>,
    pub note: String,
    pub supports: usize,
    pub weakens: usize,
    pub indicator: usize,
}

impl MatrixEntry {
    /// The cell as one line in `loc`'s language: judgement, then counts; "–" when empty.
    #[must_use]
    pub fn text(&self, loc: Locale) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(j) = &self.judgement {
            parts.push(j.clone());
        }
        let mut counts = Vec::new();
        if self.supports > 0 {
            counts.push(tr!(loc, "report-cell-supporting", count = self.supports));
        }
        if self.weakens > 0 {
            counts.push(tr!(loc, "report-cell-weakening", count = self.weakens));
        }
        if self.indicator > 0 {
            counts.push(tr!(loc, "report-cell-indicators", count = self.indicator));
        }
        if !counts.is_empty() {
            parts.push(counts.join(comma(loc)));
        }
        if !self.note.is_empty() {
            parts.push(format!("“{}”", self.note));
        }
        if parts.is_empty() {
            "–".to_owned()
        } else {
            parts.join(" · ")
        }
    }
}

/// A row of the analysis board's ranking of the scenarios (competing-scenarios matrix: the
/// least inconsistent evidence first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// 1 = least weighted inconsistency; equal scores share a rank.
    pub rank: usize,
    pub scenario: String,
    /// "3 inconsistency point(s), weighted 2.83".
    pub score: String,
}

/// One tag of the codebook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodebookRow {
    pub name: String,
    /// 0 for a top-level tag.
    pub depth: usize,
    pub description: String,
    pub colour: String,
    /// Excerpts in the report that carry this tag.
    pub count: usize,
    /// …this tag or one below it.
    pub with_children: usize,
    /// The analyst's memo on the tag (empty for none).
    pub memo: String,
}

/// A brief the report quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub brief: BriefId,
    pub title: String,
    pub author: String,
    pub publisher: String,
    pub date: String,
    pub url: String,
    /// "us-withdrawal.txt (plain text), imported 2025-10-01".
    pub file: String,
    pub excerpts: usize,
    /// The brief's own footnotes, as its text has them (`[1] …`).
    pub footnotes: Vec<String>,
    /// The analyst's memo on the brief (empty for none).
    pub memo: String,
}

/// Everything a report shows, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The language of its headings, labels and fixed sentences (the analyst's data keeps
    /// its own); an Arabic report reads right to left.
    pub locale: Locale,
    pub title: String,
    /// The workspace memo, one entry per paragraph.
    pub question: Vec<String>,
    /// What the filter kept, in words (empty when the report holds everything).
    pub scope: Vec<String>,
    /// "2025-10-02": when the report was written, when given.
    pub written: Option<String>,
    pub excerpt_count: usize,
    pub scenarios: Vec<Item>,
    /// The analysis board's ranking of the scenarios; empty while no excerpt bears on a
    /// scenario.
    pub ranking: Vec<Ranked>,
    /// What the ranking hangs on: a close call between the top two, critical evidence.
    pub ranking_notes: Vec<String>,
    pub matrix: Matrix,
    pub determinants: Vec<Item>,
    /// Excerpts linked to no determinant or scenario.
    pub unlinked: Vec<Evidence>,
    pub codebook: Vec<CodebookRow>,
    pub sources: Vec<Source>,
}

/// What to put in a report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Which passages it quotes.
    pub filter: Filter,
    /// What the filter is, in words, for the report's scope line.
    pub scope: Vec<String>,
    /// The date the report is written, as shown on it.
    pub written: Option<String>,
    /// The language of the report's headings, labels and fixed sentences (`basira report
    /// --lang`, the interface's language in the app). The quotes, titles and memos are the
    /// analyst's and stay as written.
    pub locale: Locale,
}

/// What `filter` keeps, in words of `loc`'s language, for a report's scope lines.
#[must_use]
pub fn scope_lines(ws: &Workspace, filter: &Filter, loc: Locale) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(b) = filter.brief.and_then(|id| ws.brief(id)) {
        out.push(tr!(loc, "report-scope-brief", name = b.display_title()));
    }
    if let Some(t) = filter.tag.filter(|id| ws.tag(*id).is_some()) {
        out.push(tr!(loc, "report-scope-tag", name = ws.tag_path(t)));
    }
    if let Some(d) = filter.determinant.and_then(|id| ws.determinant(id)) {
        out.push(tr!(loc, "report-scope-determinant", name = d.title.trim()));
    }
    if let Some(s) = filter.scenario.and_then(|id| ws.scenario(id)) {
        out.push(tr!(loc, "report-scope-scenario", name = s.title.trim()));
    }
    out
}

/// The report of `ws` under `options` in `format`, as the bytes of its file (HTML with the
/// Arabic face embedded).
///
/// # Errors
/// Only when the Word document's zip cannot be written.
pub fn render(
    ws: &Workspace,
    options: &ReportOptions,
    format: ReportFormat,
) -> Result<Vec<u8>, docx::DocxError> {
    render_built(&build(ws, options), format)
}

/// A report already built, as the bytes of its file in `format` (what [`render`] writes).
///
/// # Errors
/// Only when the Word document's zip cannot be written.
pub fn render_built(report: &Report, format: ReportFormat) -> Result<Vec<u8>, docx::DocxError> {
    match format {
        ReportFormat::Html => Ok(html::render(report, html::HtmlOptions::default()).into_bytes()),
        ReportFormat::Docx => docx::render(report),
    }
}

/// The report of `ws` under `options`.
#[must_use]
pub fn build(ws: &Workspace, options: &ReportOptions) -> Report {
    let loc = options.locale;
    let filter = &options.filter;
    let passages: Vec<&Passage> = ws
        .briefs
        .iter()
        .flat_map(|b| ws.passages_of(b.id))
        .filter(|p| !p.orphaned && filter.accepts(ws, p))
        .collect();

    let mut sources: Vec<Source> = Vec::new();
    let mut source_of: HashMap<BriefId, usize> = HashMap::new();
    for brief in &ws.briefs {
        let count = passages.iter().filter(|p| p.brief == brief.id).count();
        // A filtered report lists the briefs it quotes; a whole one every brief.
        if count == 0 && !filter_is_empty(filter) {
            continue;
        }
        let structure = crate::structure::detect(&brief.text, &brief.headings);
        let footnotes = structure
            .footnotes
            .iter()
            .filter_map(|f| f.reference)
            .map(|span| {
                crate::text_range::slice_chars(&brief.text, span.start, span.end)
                    .trim()
                    .to_owned()
            })
            .filter(|t| !t.is_empty())
            .collect();
        let file = brief
            .source
            .as_ref()
            .map(|s| {
                tr!(
                    loc,
                    "report-source-file",
                    file = s.file_name.as_str(),
                    format = loc.source_format(s.format),
                    date = s.imported.date_naive().to_string()
                )
            })
            .unwrap_or_default();
        sources.push(Source {
            brief: brief.id,
            title: brief.display_title(),
            author: brief.meta.author.trim().to_owned(),
            publisher: brief.meta.publisher.trim().to_owned(),
            date: brief
                .meta
                .published
                .map(|d| d.to_string())
                .unwrap_or_default(),
            url: brief.meta.url.trim().to_owned(),
            file,
            excerpts: count,
            footnotes,
            memo: memo_on(ws, MemoTarget::Brief(brief.id)),
        });
        source_of.insert(brief.id, sources.len());
    }

    let evidence = |p: &Passage, relation: Option<Relation>| -> Evidence {
        let brief = ws.brief(p.brief);
        let number = source_of.get(&p.brief).copied().unwrap_or(0);
        let source = number.checked_sub(1).and_then(|i| sources.get(i));
        Evidence {
            passage: p.id,
            quote: p.anchor.quote.clone(),
            quote_script: Script::of_brief_text(
                &p.anchor.quote,
                brief.map_or(TextDirection::Auto, |b| b.meta.direction),
            ),
            brief_title: source.map(|s| s.title.clone()).unwrap_or_default(),
            date: source.map(|s| s.date.clone()).unwrap_or_default(),
            publisher: source.map(|s| s.publisher.clone()).unwrap_or_default(),
            grade: crate::export::passage_grade(ws, p),
            relation,
            memo: p.memo.trim().to_owned(),
            tags: p.tags.iter().map(|t| ws.tag_path(*t)).collect(),
            source: number,
        }
    };
    let linked = |target: LinkTarget| -> Vec<Evidence> {
        passages
            .iter()
            .filter_map(|p| {
                let link = p.links.iter().find(|l| l.target == target)?;
                Some(evidence(p, Some(link.relation)))
            })
            .collect()
    };

    let scenarios: Vec<Item> = ws
        .scenarios
        .iter()
        .filter(|s| filter.scenario.is_none_or(|f| f == s.id))
        .map(|s| Item {
            title: s.title.trim().to_owned(),
            about: s.narrative.trim().to_owned(),
            likelihood: Some(loc.likelihood(s.likelihood)),
            memo: memo_on(ws, MemoTarget::Scenario(s.id)),
            evidence: linked(LinkTarget::Scenario(s.id)),
        })
        .collect();
    let determinants: Vec<Item> = ws
        .determinants
        .iter()
        .filter(|d| filter.determinant.is_none_or(|f| f == d.id))
        .map(|d| Item {
            title: d.title.trim().to_owned(),
            about: d.description.trim().to_owned(),
            likelihood: None,
            memo: memo_on(ws, MemoTarget::Determinant(d.id)),
            evidence: linked(LinkTarget::Determinant(d.id)),
        })
        .collect();

    let board = crate::analysis::Board::compute(ws, &crate::analysis::Options::default());
    let (ranking, mut ranking_notes) = ranking(ws, &board, loc);
    if !filter_is_empty(filter) && !ranking.is_empty() {
        ranking_notes.push(tr!(loc, "report-whole-workspace"));
    }
    let kept_d: Vec<usize> = (0..ws.determinants.len())
        .filter(|d| {
            filter
                .determinant
                .is_none_or(|f| f == ws.determinants[*d].id)
        })
        .collect();
    let kept_s: Vec<usize> = (0..ws.scenarios.len())
        .filter(|s| filter.scenario.is_none_or(|f| f == ws.scenarios[*s].id))
        .collect();
    let matrix = Matrix {
        determinants: determinants.iter().map(|d| d.title.clone()).collect(),
        scenarios: scenarios.iter().map(|s| s.title.clone()).collect(),
        cells: kept_d
            .iter()
            .map(|d| {
                kept_s
                    .iter()
                    .map(|s| {
                        board
                            .matrix
                            .cell(*d, *s)
                            .map(|cell| MatrixEntry {
                                judgement: cell
                                    .judgement
                                    .map(|j| format!("{:+} {}", j.value(), judgement(loc, j))),
                                note: cell.note.trim().to_owned(),
                                supports: cell.supports,
                                weakens: cell.weakens,
                                indicator: cell.indicator,
                            })
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect(),
    };

    let unlinked = passages
        .iter()
        .filter(|p| p.links.is_empty())
        .map(|p| evidence(p, None))
        .collect();

    let mut codebook = Vec::new();
    codebook_rows(ws, &passages, None, 0, &mut codebook);

    Report {
        locale: loc,
        title: if ws.title.trim().is_empty() {
            tr!(loc, "report-untitled")
        } else {
            ws.title.trim().to_owned()
        },
        question: paragraphs(&ws.memo),
        scope: options.scope.clone(),
        written: options.written.clone(),
        excerpt_count: passages.len(),
        scenarios,
        ranking,
        ranking_notes,
        matrix,
        determinants,
        unlinked,
        codebook,
        sources,
    }
}

/// The memo on `on`, trimmed (empty for none).
fn memo_on(ws: &Workspace, on: MemoTarget) -> String {
    ws.memos.get(on).trim().to_owned()
}

/// The board's ranking of the scenarios, best first, and what it hangs on.
fn ranking(
    ws: &Workspace,
    board: &crate::analysis::Board,
    loc: Locale,
) -> (Vec<Ranked>, Vec<String>) {
    if board.ach.rows.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let title = |id| {
        ws.scenario(id)
            .map(|s| s.title.trim().to_owned())
            .unwrap_or_default()
    };
    let mut ranked: Vec<Ranked> = board
        .ach
        .scenarios
        .iter()
        .map(|score| Ranked {
            rank: score.rank,
            scenario: title(score.scenario),
            score: tr!(
                loc,
                "report-score",
                points = score.inconsistency,
                weighted = format!("{:.2}", score.weighted())
            ),
        })
        .collect();
    ranked.sort_by_key(|r| r.rank);
    let mut notes = vec![tr!(
        loc,
        "report-ranking-about",
        count = board.ach.rows.len()
    )];
    if let Some((a, b)) = board.sensitivity.close_call {
        notes.push(tr!(loc, "report-close-call", a = title(a), b = title(b)));
    }
    let critical = &board.sensitivity.critical;
    if !critical.is_empty() {
        let passages = critical.iter().filter(|c| c.passage.is_some()).count();
        let briefs = critical.iter().filter(|c| c.brief.is_some()).count();
        notes.push(tr!(
            loc,
            "report-critical",
            passages = passages,
            briefs = briefs
        ));
    }
    (ranked, notes)
}

fn filter_is_empty(filter: &Filter) -> bool {
    *filter == Filter::default()
}

/// The tags under `parent` (the top level for `None`), depth first, in codebook order.
fn codebook_rows(
    ws: &Workspace,
    passages: &[&Passage],
    parent: Option<TagId>,
    depth: usize,
    out: &mut Vec<CodebookRow>,
) {
    if depth > ws.tags.len() {
        return; // a cycle; validation refuses those
    }
    for tag in ws.tags.iter().filter(|t| t.parent == parent) {
        out.push(CodebookRow {
            name: tag.name.trim().to_owned(),
            depth,
            description: tag.description.trim().to_owned(),
            colour: tag.colour.to_string(),
            count: passages.iter().filter(|p| p.tags.contains(&tag.id)).count(),
            with_children: passages
                .iter()
                .filter(|p| p.tags.iter().any(|t| ws.tag_is_within(*t, tag.id)))
                .count(),
            memo: memo_on(ws, MemoTarget::Tag(tag.id)),
        });
        codebook_rows(ws, passages, Some(tag.id), depth + 1, out);
    }
}

/// The paragraphs of a memo: blocks separated by blank lines, each on one line.
#[must_use]
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The line under the title: how many excerpts from how many sources, and when written.
#[must_use]
pub fn meta_line(report: &Report) -> String {
    let loc = report.locale;
    match &report.written {
        Some(date) => tr!(
            loc,
            "report-meta-written",
            excerpts = report.excerpt_count,
            sources = report.sources.len(),
            date = date.as_str()
        ),
        None => tr!(
            loc,
            "report-meta",
            excerpts = report.excerpt_count,
            sources = report.sources.len()
        ),
    }
}

/// A source's citation line: title, author, publisher, date.
#[must_use]
pub fn citation(source: &Source) -> Vec<String> {
    [
        &source.author,
        &source.publisher,
        &source.date,
        &source.url,
        &source.file,
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .map(|s| (*s).clone())
    .collect()
}

/// The comma between the items of a list in `loc`'s language: ", " or "، ".
#[must_use]
pub fn comma(loc: Locale) -> &'static str {
    if loc.language.is_rtl() { "، " } else { ", " }
}

/// A cell's judgement in words: "strongly for".
fn judgement(loc: Locale, j: crate::model::Judgement) -> String {
    use crate::model::Judgement;
    match j {
        Judgement::StronglyAgainst => tr!(loc, "report-judgement-strongly-against"),
        Judgement::Against => tr!(loc, "report-judgement-against"),
        Judgement::Neutral => tr!(loc, "report-judgement-neutral"),
        Judgement::For => tr!(loc, "report-judgement-for"),
        Judgement::StronglyFor => tr!(loc, "report-judgement-strongly-for"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_follow_the_first_strong_character() {
        assert_eq!(Script::of("2025 — العراق"), Script::Arabic);
        assert_eq!(Script::of("«Iraq» العراق"), Script::Latin);
        assert_eq!(Script::of("2025"), Script::Latin);
        assert_eq!(
            Script::of_brief_text("Iraq", TextDirection::Rtl),
            Script::Arabic
        );
    }

    #[test]
    fn memo_paragraphs_are_blocks() {
        assert_eq!(
            paragraphs("one\ntwo\n\n\nthree\n"),
            vec!["one two".to_owned(), "three".to_owned()]
        );
    }
}
