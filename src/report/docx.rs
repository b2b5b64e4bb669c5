//! The report as a Word document (WordprocessingML written by hand, zipped with `zip`):
//! right-to-left paragraphs (`w:bidi`) and runs (`w:rtl`) where the text is Arabic, real
//! Heading 1/2/3 styles (Word's navigation pane and table of contents use them), quotes in a
//! block-quote style, the scenarios, matrix and codebook as tables, A4 pages.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use icu_properties::CodePointMapData;
use icu_properties::props::BidiClass;

use super::{Evidence, Item, Report, Script};
use crate::i18n::Locale;
use crate::text::{ResolvedDirection, first_strong};
use crate::tr;

/// Why the document could not be written (only the zip layer can fail, in memory).
#[derive(Debug, thiserror::Error)]
#[error("cannot write the Word document: {0}")]
pub struct DocxError(String);

impl From<zip::result::ZipError> for DocxError {
    fn from(err: zip::result::ZipError) -> Self {
        Self(err.to_string())
    }
}

impl From<std::io::Error> for DocxError {
    fn from(err: std::io::Error) -> Self {
        Self(err.to_string())
    }
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Escapes text for XML content and attributes.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters other than tab are not allowed in XML 1.0.
            c if c.is_control() && c != '\t' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// `text` cut into runs of one direction, in a paragraph of direction `para_rtl`: letters
/// take their own direction (R and AL right-to-left, L left-to-right); a stretch of other
/// characters (spaces, digits, punctuation) takes the direction of the letters on both sides
/// when they agree, else the paragraph's (as UAX #9 resolves neutrals), so that the date after
/// an Arabic title in an English line stays in the English line's order.
fn directional_runs(text: &str, para_rtl: bool) -> Vec<(&str, bool)> {
    let classes = const { CodePointMapData::<BidiClass>::new() };
    let chars: Vec<(usize, Option<bool>)> = text
        .char_indices()
        .map(|(i, c)| {
            let strong = match classes.get(c) {
                BidiClass::RightToLeft | BidiClass::ArabicLetter => Some(true),
                BidiClass::LeftToRight => Some(false),
                _ => None,
            };
            (i, strong)
        })
        .collect();
    let mut dirs: Vec<bool> = Vec::with_capacity(chars.len());
    let mut k = 0;
    while k < chars.len() {
        if let Some(rtl) = chars[k].1 {
            dirs.push(rtl);
            k += 1;
            continue;
        }
        let end = chars[k..]
            .iter()
            .position(|(_, s)| s.is_some())
            .map_or(chars.len(), |p| k + p);
        let before = dirs.last().copied().unwrap_or(para_rtl);
        let after = chars.get(end).and_then(|(_, s)| *s).unwrap_or(para_rtl);
        let rtl = if before == after { before } else { para_rtl };
        dirs.extend(std::iter::repeat_n(rtl, end - k));
        k = end;
    }
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    for k in 1..=chars.len() {
        if k == chars.len() || dirs[k] != dirs[start] {
            let from = chars[start].0;
            let to = chars.get(k).map_or(text.len(), |(i, _)| *i);
            out.push((&text[from..to], dirs[start]));
            start = k;
        }
    }
    if out.is_empty() {
        out.push((text, para_rtl));
    }
    out
}

/// The document body being written.
struct Body {
    xml: String,
    /// The direction of the paragraph being written.
    para_rtl: bool,
    /// The report's own direction: a paragraph with no letters to go by takes it, and in a
    /// right-to-left report a left-to-right paragraph says so (the default is right to left).
    frame: Script,
}

/// How a paragraph looks.
#[derive(Clone, Copy)]
struct Para<'a> {
    style: Option<&'a str>,
    page_break: bool,
    /// The paragraph's own direction; `None` takes it from its text.
    script: Option<Script>,
}

const PLAIN: Para<'static> = Para {
    style: None,
    page_break: false,
    script: None,
};

fn styled(style: &str) -> Para<'_> {
    Para {
        style: Some(style),
        ..PLAIN
    }
}

impl Body {
    fn runs(&mut self, text: &str, bold: bool) {
        let runs = directional_runs(text, self.para_rtl);
        let last = runs.len().saturating_sub(1);
        for (k, (part, rtl)) in runs.into_iter().enumerate() {
            // An Arabic run inside a left-to-right paragraph ends with a left-to-right mark, so
            // that digits after it are not taken for Arabic numbers by a word processor that
            // runs the bidi algorithm on the paragraph's text (LibreOffice does). Quotes, in
            // paragraphs of their own direction, get none.
            let mark = if k < last && rtl && !self.para_rtl {
                "\u{200E}"
            } else {
                ""
            };
            self.xml.push_str("<w:r>");
            if bold || rtl {
                self.xml.push_str("<w:rPr>");
                if bold {
                    self.xml.push_str("<w:b/><w:bCs/>");
                }
                if rtl {
                    self.xml.push_str("<w:rtl/><w:lang w:bidi=\"ar-SA\"/>");
                }
                self.xml.push_str("</w:rPr>");
            }
            let _ = write!(
                self.xml,
                "<w:t xml:space=\"preserve\">{}{mark}</w:t></w:r>",
                esc(part)
            );
        }
    }

    fn open_para(&mut self, para: Para<'_>, text: &str) {
        self.xml.push_str("<w:p><w:pPr>");
        if let Some(style) = para.style {
            let _ = write!(self.xml, "<w:pStyle w:val=\"{style}\"/>");
        }
        if para.page_break {
            self.xml.push_str("<w:pageBreakBefore/>");
        }
        let frame = self.frame;
        self.para_rtl = para
            .script
            .unwrap_or_else(|| match first_strong(text) {
                Some(ResolvedDirection::Rtl) => Script::Arabic,
                Some(ResolvedDirection::Ltr) => Script::Latin,
                None => frame,
            })
            .is_rtl();
        if self.para_rtl {
            self.xml.push_str("<w:bidi/>");
        } else if frame.is_rtl() {
            self.xml.push_str("<w:bidi w:val=\"0\"/>");
        }
        self.xml.push_str("</w:pPr>");
    }

    /// One paragraph of `text` (which should hold no line breaks).
    fn para(&mut self, para: Para<'_>, text: &str) {
        self.open_para(para, text);
        self.runs(text, false);
        self.xml.push_str("</w:p>\n");
    }

    /// A paragraph made of pieces, some bold.
    fn mixed(&mut self, para: Para<'_>, pieces: &[(&str, bool)]) {
        let text: String = pieces.iter().map(|(t, _)| *t).collect();
        self.open_para(para, &text);
        for (piece, bold) in pieces {
            self.runs(piece, *bold);
        }
        self.xml.push_str("</w:p>\n");
    }

    fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        let columns = header.len().max(1);
        let width = 9000 / columns;
        self.xml
            .push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/>");
        if self.frame.is_rtl() {
            // The first column on the right.
            self.xml.push_str("<w:bidiVisual/>");
        }
        self.xml.push_str("<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
        for _ in 0..columns {
            let _ = write!(self.xml, "<w:gridCol w:w=\"{width}\"/>");
        }
        self.xml.push_str("</w:tblGrid>\n");
        let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
        self.row(&header, true);
        for row in rows {
            self.row(row, false);
        }
        self.xml.push_str("</w:tbl>\n");
        // Word needs a paragraph between a table and what follows.
        self.para(PLAIN, "");
    }

    fn row(&mut self, cells: &[String], header: bool) {
        self.xml.push_str("<w:tr>");
        if header {
            self.xml
                .push_str("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        } else {
            self.xml.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        for cell in cells {
            self.xml
                .push_str("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>");
            self.open_para(styled("TableText"), cell);
            self.runs(cell, header);
            self.xml.push_str("</w:p></w:tc>");
        }
        self.xml.push_str("</w:tr>\n");
    }
}

/// The report's `word/document.xml`.
#[must_use]
pub fn document_xml(report: &Report) -> String {
    let loc = report.locale;
    let mut body = Body {
        xml: String::with_capacity(64 * 1024),
        para_rtl: false,
        frame: frame(loc),
    };
    body.para(styled("Title"), &report.title);
    body.para(styled("Subtitle"), &super::meta_line(report));
    for line in &report.scope {
        body.para(styled("Subtitle"), line);
    }
    if !report.question.is_empty() {
        body.para(styled("Heading1"), &tr!(loc, "report-question"));
        for p in &report.question {
            body.para(PLAIN, p);
        }
    }
    if !report.scenarios.is_empty() {
        body.para(styled("Heading1"), &tr!(loc, "report-scenarios"));
        let rows: Vec<Vec<String>> = report
            .scenarios
            .iter()
            .map(|s| {
                let [sup, weak, ind] = s.counts();
                vec![
                    s.title.clone(),
                    s.likelihood.clone().unwrap_or_default(),
                    sup.to_string(),
                    weak.to_string(),
                    ind.to_string(),
                ]
            })
            .collect();
        body.table(
            &[
                &tr!(loc, "report-col-scenario"),
                &tr!(loc, "report-col-likelihood"),
                &tr!(loc, "report-col-supporting"),
                &tr!(loc, "report-col-weakening"),
                &tr!(loc, "report-col-indicators"),
            ],
            &rows,
        );
        for s in &report.scenarios {
            if s.about.is_empty() {
                continue;
            }
            body.para(styled("Heading2"), &s.title);
            for p in super::paragraphs(&s.about) {
                body.para(PLAIN, &p);
            }
        }
    }
    analysis(&mut body, report);
    items(
        &mut body,
        loc,
        &tr!(loc, "report-determinants"),
        &report.determinants,
    );
    items(
        &mut body,
        loc,
        &tr!(loc, "report-scenario-evidence"),
        &report.scenarios,
    );
    if !report.unlinked.is_empty() {
        body.para(part(), &tr!(loc, "report-unlinked"));
        body.para(styled("Note"), &tr!(loc, "report-unlinked-note"));
        for e in &report.unlinked {
            excerpt(&mut body, loc, e);
        }
    }
    codebook(&mut body, report);
    sources(&mut body, report);

    let mut xml = String::with_capacity(body.xml.len() + 1024);
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\">\n<w:body>\n"
    );
    xml.push_str(&body.xml);
    xml.push_str("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1021\" w:bottom=\"1247\" w:left=\"1021\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>\n</w:body>\n</w:document>\n");
    xml
}

/// The script of the report's own frame: its headings, labels and fixed sentences.
fn frame(loc: Locale) -> Script {
    if loc.language.is_rtl() {
        Script::Arabic
    } else {
        Script::Latin
    }
}

/// A Heading 1 that starts a new page.
fn part() -> Para<'static> {
    Para {
        style: Some("Heading1"),
        page_break: true,
        script: None,
    }
}

fn analysis(body: &mut Body, report: &Report) {
    let loc = report.locale;
    let m = &report.matrix;
    if m.determinants.is_empty() && m.scenarios.is_empty() {
        return;
    }
    body.para(part(), &tr!(loc, "report-analysis"));
    body.para(styled("Heading2"), &tr!(loc, "report-ranking"));
    if report.ranking.is_empty() {
        body.para(styled("Note"), &tr!(loc, "report-no-ranking"));
    } else {
        let rows: Vec<Vec<String>> = report
            .ranking
            .iter()
            .map(|r| vec![r.rank.to_string(), r.scenario.clone(), r.score.clone()])
            .collect();
        body.table(
            &[
                &tr!(loc, "report-col-rank"),
                &tr!(loc, "report-col-scenario"),
                &tr!(loc, "report-col-inconsistency"),
            ],
            &rows,
        );
    }
    for note in &report.ranking_notes {
        body.para(styled("Note"), note);
    }
    body.para(styled("Heading2"), &tr!(loc, "report-matrix"));
    let determinant = tr!(loc, "report-col-determinant");
    let mut header: Vec<&str> = vec![&determinant];
    header.extend(m.scenarios.iter().map(String::as_str));
    let rows: Vec<Vec<String>> = m
        .determinants
        .iter()
        .zip(&m.cells)
        .map(|(d, row)| {
            let mut cells = vec![d.clone()];
            cells.extend(row.iter().map(|cell| cell.text(loc)));
            cells
        })
        .collect();
    body.table(&header, &rows);
    body.para(styled("Note"), &tr!(loc, "report-matrix-note"));
}

fn items(body: &mut Body, loc: Locale, heading: &str, items: &[Item]) {
    if items.is_empty() {
        return;
    }
    body.para(part(), heading);
    for item in items {
        body.para(styled("Heading2"), &item.title);
        if let Some(likelihood) = &item.likelihood {
            let label = format!("{} ", tr!(loc, "report-likelihood"));
            body.mixed(PLAIN, &[(&label, false), (likelihood, true)]);
        }
        let [sup, weak, ind] = item.counts();
        body.para(
            styled("Note"),
            &tr!(
                loc,
                "report-item-counts",
                count = item.evidence.len(),
                supports = sup,
                weakens = weak,
                indicators = ind
            ),
        );
        if item.likelihood.is_none() {
            for p in super::paragraphs(&item.about) {
                body.para(PLAIN, &p);
            }
        }
        memo(body, loc, &item.memo);
        for e in &item.evidence {
            excerpt(body, loc, e);
        }
    }
}

fn excerpt(body: &mut Body, loc: Locale, e: &Evidence) {
    let quote = Para {
        style: Some("Quote"),
        page_break: false,
        script: Some(e.quote_script),
    };
    for line in e.quote.split('\n') {
        body.para(quote, line);
    }
    let mut caption = String::new();
    if let Some(relation) = e.relation {
        let _ = write!(caption, "{} · ", loc.relation(relation).to_uppercase());
    }
    caption.push_str(&e.brief_title);
    let comma = super::comma(loc);
    if !e.date.is_empty() {
        let _ = write!(caption, "{comma}{}", e.date);
    }
    if !e.publisher.is_empty() {
        let _ = write!(caption, "{comma}{}", e.publisher);
    }
    if !e.grade.is_empty() {
        let _ = write!(caption, " ({})", e.grade);
    }
    if e.source > 0 {
        let _ = write!(caption, " [{}]", e.source);
    }
    if !e.tags.is_empty() {
        let _ = write!(
            caption,
            " · {}",
            tr!(loc, "report-tags", tags = e.tags.join(comma))
        );
    }
    let ltr = Para {
        style: Some("ExcerptSource"),
        page_break: false,
        script: Some(body.frame),
    };
    body.para(ltr, &caption);
    memo(body, loc, &e.memo);
}

/// The analyst's memo, after its label ("Memo:"); nothing for none.
fn memo(body: &mut Body, loc: Locale, memo: &str) {
    if !memo.is_empty() {
        // An Arabic memo is a right-to-left paragraph ("Memo:" at its start, on the right).
        let para = Para {
            style: Some("Memo"),
            page_break: false,
            script: Some(Script::of(memo)),
        };
        let label = format!("{} ", tr!(loc, "report-memo"));
        body.mixed(para, &[(&label, true), (memo, false)]);
    }
}

fn codebook(body: &mut Body, report: &Report) {
    let loc = report.locale;
    if report.codebook.is_empty() {
        return;
    }
    body.para(part(), &tr!(loc, "report-codebook"));
    let rows: Vec<Vec<String>> = report
        .codebook
        .iter()
        .map(|row| {
            vec![
                format!("{}{}", "    ".repeat(row.depth), row.name),
                row.count.to_string(),
                row.with_children.to_string(),
                if row.memo.is_empty() {
                    row.description.clone()
                } else {
                    let label = tr!(loc, "report-memo");
                    format!("{} {label} {}", row.description, row.memo)
                        .trim()
                        .to_owned()
                },
            ]
        })
        .collect();
    body.table(
        &[
            &tr!(loc, "report-col-tag"),
            &tr!(loc, "report-col-excerpts"),
            &tr!(loc, "report-col-with-subtags"),
            &tr!(loc, "report-col-description"),
        ],
        &rows,
    );
}

fn sources(body: &mut Body, report: &Report) {
    let loc = report.locale;
    if report.sources.is_empty() {
        return;
    }
    body.para(part(), &tr!(loc, "report-sources"));
    for (i, s) in report.sources.iter().enumerate() {
        body.para(styled("Heading3"), &format!("[{}] {}", i + 1, s.title));
        let details = super::citation(s);
        if !details.is_empty() {
            body.para(styled("Note"), &details.join(" · "));
        }
        body.para(
            styled("Note"),
            &tr!(loc, "report-source-excerpts", count = s.excerpts),
        );
        memo(body, loc, &s.memo);
        if !s.footnotes.is_empty() {
            body.para(styled("Note"), &tr!(loc, "report-footnotes"));
            for note in &s.footnotes {
                body.para(styled("Footnote"), note);
            }
        }
    }
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Noto Naskh Arabic"/><w:sz w:val="22"/><w:szCs w:val="24"/><w:lang w:val="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:color w:val="2F5D8A"/><w:sz w:val="48"/><w:szCs w:val="52"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="5B6470"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="160"/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="2" w:color="2F5D8A"/></w:pBdr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="2F5D8A"/><w:sz w:val="32"/><w:szCs w:val="34"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepLines/><w:keepNext/><w:shd w:val="clear" w:color="auto" w:fill="F3F5F8"/><w:spacing w:before="120" w:after="0"/><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ExcerptSource"><w:name w:val="Excerpt source"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepLines/><w:spacing w:before="40" w:after="160"/><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:color w:val="5B6470"/><w:sz w:val="18"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Memo"><w:name w:val="Memo"/><w:basedOn w:val="ExcerptSource"/><w:pPr><w:spacing w:before="0" w:after="200"/></w:pPr><w:rPr><w:color w:val="1D232B"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="5B6470"/><w:sz w:val="20"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footnote"><w:name w:val="Brief footnote"/><w:basedOn w:val="Note"/><w:pPr><w:ind w:left="357" w:right="357"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="D6DBE1"/><w:left w:val="single" w:sz="4" w:space="0" w:color="D6DBE1"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="D6DBE1"/><w:right w:val="single" w:sz="4" w:space="0" w:color="D6DBE1"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="D6DBE1"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="D6DBE1"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF2F6"/></w:tcPr></w:tblStylePr></w:style>
</w:styles>
"#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
"#;

/// The styles part; in a right-to-left report paragraphs read right to left by default.
fn styles(loc: Locale) -> String {
    if frame(loc).is_rtl() {
        STYLES.replacen("<w:pPrDefault><w:pPr>", "<w:pPrDefault><w:pPr><w:bidi/>", 1)
    } else {
        STYLES.to_owned()
    }
}

fn core_xml(report: &Report) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:creator>Basira</dc:creator></cp:coreProperties>\n",
        esc(&report.title)
    )
}

/// The report as the bytes of a `.docx` file.
///
/// # Errors
/// Only if the zip writer fails, which in memory it should not.
pub fn render(report: &Report) -> Result<Vec<u8>, DocxError> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let parts: [(&str, String); 5] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("docProps/core.xml", core_xml(report)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles(report.locale)),
    ];
    for (name, text) in &parts {
        zip.start_file(*name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.start_file("word/document.xml", options)?;
    zip.write_all(document_xml(report).as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_runs_are_cut_from_latin_ones() {
        assert_eq!(
            directional_runs("قال Trump إن 2025", true),
            vec![("قال ", true), ("Trump", false), (" إن 2025", true)]
        );
        assert_eq!(directional_runs("2025", false), vec![("2025", false)]);
        assert_eq!(directional_runs("", true), vec![("", true)]);
        assert_eq!(
            directional_runs("— العراق", false),
            vec![("— ", false), ("العراق", true)]
        );
        // The date after an Arabic title in an English caption reads in English order.
        assert_eq!(
            directional_runs("SUPPORTS · الانسحاب من العراق, 2025-09-25 [1] · tags", false),
            vec![
                ("SUPPORTS · ", false),
                ("الانسحاب من العراق", true),
                (", 2025-09-25 [1] · tags", false)
            ]
        );
    }

    #[test]
    fn an_arabic_paragraph_is_bidi_with_rtl_runs() {
        let mut body = Body {
            xml: String::new(),
            para_rtl: false,
            frame: Script::Latin,
        };
        body.para(styled("Quote"), "العراق & Iraq");
        assert_eq!(
            body.xml,
            "<w:p><w:pPr><w:pStyle w:val=\"Quote\"/><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/><w:lang w:bidi=\"ar-SA\"/></w:rPr><w:t xml:space=\"preserve\">العراق &amp; </w:t></w:r><w:r><w:t xml:space=\"preserve\">Iraq</w:t></w:r></w:p>\n"
        );
    }
}
