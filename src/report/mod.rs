//! Reports: a workspace's analysis written for a reader who does not use Basira, as one
//! self-contained HTML file ([`html`]) or a Word document ([`docx`]).
//!
//! Both are rendered from the same [`Report`], built by [`build`] from the workspace and an
//! export [`Filter`]: the title and the question (the workspace memo), the scenarios with their
//! judged likelihood, the analysis (determinant × scenario matrix of the evidence; the slot
//! where the analysis board's ranking goes), each determinant and scenario with its evidence
//! excerpts (quote, brief title, date, publisher, relation, memo), the codebook with counts,
//! and the sources with their footnotes. Plain Rust: no egui, no IO.

pub mod docx;
pub mod html;

use std::collections::HashMap;

use crate::export::Filter;
use crate::model::{
    BriefId, LinkTarget, Passage, PassageId, Relation, TagId, TextDirection, Workspace,
};
use crate::text::{ResolvedDirection, first_strong};

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
    /// The cell as one line: judgement, then counts; "–" when empty.
    #[must_use]
    pub fn text(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(j) = &self.judgement {
            parts.push(j.clone());
        }
        let mut counts = Vec::new();
        if self.supports > 0 {
            counts.push(format!("{} supporting", self.supports));
        }
        if self.weakens > 0 {
            counts.push(format!("{} weakening", self.weakens));
        }
        if self.indicator > 0 {
            counts.push(format!("{} indicator(s)", self.indicator));
        }
        if !counts.is_empty() {
            parts.push(counts.join(", "));
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
}

/// Everything a report shows, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
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
}

/// What `filter` keeps, in words, for a report's scope lines.
#[must_use]
pub fn scope_lines(ws: &Workspace, filter: &Filter) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(b) = filter.brief.and_then(|id| ws.brief(id)) {
        out.push(format!("Only excerpts from «{}».", b.display_title()));
    }
    if let Some(t) = filter.tag.filter(|id| ws.tag(*id).is_some()) {
        out.push(format!(
            "Only excerpts tagged «{}» (or a tag below it).",
            ws.tag_path(t)
        ));
    }
    if let Some(d) = filter.determinant.and_then(|id| ws.determinant(id)) {
        out.push(format!("Only the determinant «{}».", d.title.trim()));
    }
    if let Some(s) = filter.scenario.and_then(|id| ws.scenario(id)) {
        out.push(format!("Only the scenario «{}».", s.title.trim()));
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
    let report = build(ws, options);
    match format {
        ReportFormat::Html => Ok(html::render(&report, html::HtmlOptions::default()).into_bytes()),
        ReportFormat::Docx => docx::render(&report),
    }
}

/// The report of `ws` under `options`.
#[must_use]
pub fn build(ws: &Workspace, options: &ReportOptions) -> Report {
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
                format!(
                    "{} ({}), imported {}",
                    s.file_name,
                    s.format.name(),
                    s.imported.date_naive()
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
            likelihood: Some(s.likelihood.label().to_owned()),
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
            evidence: linked(LinkTarget::Determinant(d.id)),
        })
        .collect();

    let board = crate::analysis::Board::compute(ws, &crate::analysis::Options::default());
    let (ranking, mut ranking_notes) = ranking(ws, &board);
    if !filter_is_empty(filter) && !ranking.is_empty() {
        ranking_notes.push(
            "The ranking and the matrix are the analysis board's, over the whole workspace."
                .to_owned(),
        );
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
                                    .map(|j| format!("{:+} {}", j.value(), j.label())),
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
        title: if ws.title.trim().is_empty() {
            "Analysis".to_owned()
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

/// The board's ranking of the scenarios, best first, and what it hangs on.
fn ranking(ws: &Workspace, board: &crate::analysis::Board) -> (Vec<Ranked>, Vec<String>) {
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
            score: format!(
                "{} inconsistency point(s), weighted {:.2}",
                score.inconsistency,
                score.weighted()
            ),
        })
        .collect();
    ranked.sort_by_key(|r| r.rank);
    let mut notes = vec![format!(
        "Ranked by the inconsistency of {} excerpt(s) with each scenario (competing-scenarios \
         matrix): the least inconsistent first.",
        board.ach.rows.len()
    )];
    if let Some((a, b)) = board.sensitivity.close_call {
        notes.push(format!(
            "A close call: «{}» and «{}» are within one inconsistency point of each other.",
            title(a),
            title(b)
        ));
    }
    let critical = &board.sensitivity.critical;
    if !critical.is_empty() {
        let passages = critical.iter().filter(|c| c.passage.is_some()).count();
        let briefs = critical.iter().filter(|c| c.brief.is_some()).count();
        notes.push(format!(
            "Critical evidence: {passages} excerpt(s) and {briefs} brief(s) would each, left \
             out alone, change the ranking."
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

/// The headings every format uses, so that they read the same.
pub mod headings {
    pub const QUESTION: &str = "The question";
    pub const SCENARIOS: &str = "Scenarios";
    pub const ANALYSIS: &str = "Analysis: determinants against scenarios";
    pub const RANKING: &str = "Ranking of the scenarios";
    pub const MATRIX: &str = "Evidence shared by each determinant and scenario";
    pub const DETERMINANTS: &str = "Determinants and their evidence";
    pub const SCENARIO_EVIDENCE: &str = "Scenarios and their evidence";
    pub const UNLINKED: &str = "Other evidence";
    pub const CODEBOOK: &str = "Codebook";
    pub const SOURCES: &str = "Sources";
}

/// The sentence that stands in for the ranking while no excerpt bears on a scenario.
pub const NO_RANKING: &str =
    "The scenarios are not ranked: no excerpt is linked to a scenario yet.";

/// The sentence under the matrix.
pub const MATRIX_NOTE: &str = "Each cell gives the analyst's judgement of how the determinant (row) bears on the scenario (column), from −2 (strongly against) to +2 (strongly for), and counts the excerpts linked to both by how they bear on the scenario.";

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
