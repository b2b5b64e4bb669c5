//! The report as one self-contained HTML file: CSS inline, the Arabic reading face embedded
//! (base64), `lang` and `dir` on every block, a print style sheet for A4.

use std::fmt::Write as _;

use super::{Evidence, Item, Report, Script};
use crate::i18n::Locale;
use crate::tr;

/// The Arabic face the reader uses, embedded so the report reads the same everywhere.
const NASKH: &[u8] = include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf");

/// How to write the HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HtmlOptions {
    /// Embed the Arabic face (a report file); off for golden tests, which compare the text.
    pub embed_font: bool,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        Self { embed_font: true }
    }
}

const STYLE: &str = r#"
:root { --ink: #1d232b; --muted: #5b6470; --rule: #d6dbe1; --accent: #2f5d8a; }
html { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
body { max-width: 46rem; margin: 2.5rem auto; padding: 0 1.5rem; line-height: 1.55; font-size: 11pt; }
[lang="ar"] { font-family: "Basira Naskh", "Noto Naskh Arabic", "Amiri", serif; font-size: 1.08em; line-height: 1.8; }
h1 { font-size: 1.9em; line-height: 1.25; margin: 0 0 .4em; color: var(--accent); }
h2 { font-size: 1.4em; border-bottom: 2px solid var(--accent); padding-bottom: .2em; margin-top: 2.2em; }
h3 { font-size: 1.15em; margin: 1.8em 0 .3em; }
.meta, .scope, figcaption, .note, .muted { color: var(--muted); font-size: .9em; }
.cover { border-bottom: 1px solid var(--rule); padding-bottom: 1em; }
table { border-collapse: collapse; width: 100%; margin: .8em 0; font-size: .92em; }
th, td { border: 1px solid var(--rule); padding: .35em .55em; vertical-align: top; text-align: start; }
th { background: #eef2f6; }
td.count { text-align: center; font-variant-numeric: tabular-nums; }
.likelihood { font-weight: 600; }
figure.excerpt { margin: 1em 0 1.2em; }
blockquote.quote { margin: 0; padding: .5em .9em; background: #f6f7f9; border-inline-start: 4px solid var(--accent); white-space: pre-wrap; }
figcaption { margin-top: .35em; padding-inline-start: 1em; }
cite { font-style: normal; font-weight: 600; }
.relation { font-weight: 700; text-transform: uppercase; font-size: .8em; letter-spacing: .04em; }
.relation.supports { color: #2e7d32; } .relation.weakens { color: #b23b2e; } .relation.indicator { color: #8a6d00; }
.memo { margin: .3em 0 0; color: var(--ink); }
.memo .label { color: var(--muted); }
.tag-indent-1 { padding-inline-start: 1.5em; } .tag-indent-2 { padding-inline-start: 3em; } .tag-indent-3 { padding-inline-start: 4.5em; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-inline-end: .4em; vertical-align: -.05em; }
ol.sources > li { margin-bottom: 1em; }
ol.notes { font-size: .9em; }
@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  section.part { break-before: page; }
  h2, h3 { break-after: avoid; }
  figure.excerpt, blockquote, tr, .item-head { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Escapes text for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}

/// ` lang="…" dir="…"` for `text`.
fn lang_dir(text: &str) -> String {
    let script = Script::of(text);
    format!(r#" lang="{}" dir="{}""#, script.lang(), script.dir())
}

/// A block element holding `text`, marked with its own language and direction.
fn block(out: &mut String, tag: &str, class: &str, text: &str) {
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(r#" class="{class}""#)
    };
    let _ = writeln!(out, "<{tag}{class}{}>{}</{tag}>", lang_dir(text), esc(text));
}

/// An inline name in running text of the other direction: isolated so it cannot reorder
/// the sentence around it.
fn inline(text: &str) -> String {
    format!("<bdi{}>{}</bdi>", lang_dir(text), esc(text))
}

/// The standard base64 alphabet, with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The report as an HTML document.
#[must_use]
pub fn render(report: &Report, options: HtmlOptions) -> String {
    let loc = report.locale;
    let frame = frame(loc);
    let mut out = String::with_capacity(64 * 1024 + NASKH.len() * 4 / 3);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        frame.lang(),
        frame.dir()
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Basira\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(&report.title));
    out.push_str("<style>\n@font-face { font-family: \"Basira Naskh\"; ");
    if options.embed_font {
        let _ = write!(
            out,
            "src: url(data:font/ttf;base64,{}) format(\"truetype\"); ",
            base64(NASKH)
        );
    } else {
        out.push_str("src: local(\"Noto Naskh Arabic\"); ");
    }
    out.push_str(
        "unicode-range: U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF; }",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");

    cover(&mut out, report);
    scenarios_summary(&mut out, report);
    analysis(&mut out, report);
    items(
        &mut out,
        loc,
        "determinants",
        &tr!(loc, "report-determinants"),
        &report.determinants,
    );
    items(
        &mut out,
        loc,
        "scenario-evidence",
        &tr!(loc, "report-scenario-evidence"),
        &report.scenarios,
    );
    if !report.unlinked.is_empty() {
        out.push_str("<section class=\"part\" id=\"unlinked\">\n");
        let _ = writeln!(out, "<h2>{}</h2>", esc(&tr!(loc, "report-unlinked")));
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&tr!(loc, "report-unlinked-note"))
        );
        for e in &report.unlinked {
            excerpt(&mut out, loc, e);
        }
        out.push_str("</section>\n");
    }
    codebook(&mut out, report);
    sources(&mut out, report);
    out.push_str("</body>\n</html>\n");
    out
}

/// The script of the report's own frame: its headings, labels and fixed sentences.
fn frame(loc: Locale) -> Script {
    if loc.language.is_rtl() {
        Script::Arabic
    } else {
        Script::Latin
    }
}

fn cover(out: &mut String, report: &Report) {
    let loc = report.locale;
    out.push_str("<header class=\"cover\">\n");
    block(out, "h1", "", &report.title);
    let meta = super::meta_line(report);
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&meta));
    for line in &report.scope {
        block(out, "p", "scope", line);
    }
    out.push_str("</header>\n");
    if !report.question.is_empty() {
        out.push_str("<section id=\"question\">\n");
        let _ = writeln!(out, "<h2>{}</h2>", esc(&tr!(loc, "report-question")));
        for p in &report.question {
            block(out, "p", "", p);
        }
        out.push_str("</section>\n");
    }
}

fn scenarios_summary(out: &mut String, report: &Report) {
    let loc = report.locale;
    if report.scenarios.is_empty() {
        return;
    }
    out.push_str("<section id=\"scenarios\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", esc(&tr!(loc, "report-scenarios")));
    out.push_str("<table class=\"scenarios\">\n");
    header_row(
        out,
        &[
            tr!(loc, "report-col-scenario"),
            tr!(loc, "report-col-likelihood"),
            tr!(loc, "report-col-supporting"),
            tr!(loc, "report-col-weakening"),
            tr!(loc, "report-col-indicators"),
        ],
    );
    out.push_str("<tbody>\n");
    for s in &report.scenarios {
        let [sup, weak, ind] = s.counts();
        let _ = writeln!(
            out,
            "<tr><td{}>{}</td><td class=\"likelihood\">{}</td><td class=\"count\">{sup}</td><td class=\"count\">{weak}</td><td class=\"count\">{ind}</td></tr>",
            lang_dir(&s.title),
            esc(&s.title),
            esc(s.likelihood.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</tbody>\n</table>\n");
    for s in &report.scenarios {
        if s.about.is_empty() {
            continue;
        }
        out.push_str("<div class=\"item-head\">\n");
        block(out, "h3", "", &s.title);
        for p in super::paragraphs(&s.about) {
            block(out, "p", "", &p);
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

/// A table's header row, `<thead>` and all.
fn header_row(out: &mut String, cells: &[String]) {
    out.push_str("<thead><tr>");
    for cell in cells {
        let _ = write!(out, "<th>{}</th>", esc(cell));
    }
    out.push_str("</tr></thead>\n");
}

fn analysis(out: &mut String, report: &Report) {
    let loc = report.locale;
    let m = &report.matrix;
    if m.determinants.is_empty() && m.scenarios.is_empty() {
        return;
    }
    out.push_str("<section class=\"part\" id=\"analysis\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", esc(&tr!(loc, "report-analysis")));
    let _ = writeln!(
        out,
        "<h3 id=\"ranking\">{}</h3>",
        esc(&tr!(loc, "report-ranking"))
    );
    if report.ranking.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&tr!(loc, "report-no-ranking"))
        );
    } else {
        out.push_str("<table class=\"ranking\">\n");
        header_row(
            out,
            &[
                tr!(loc, "report-col-rank"),
                tr!(loc, "report-col-scenario"),
                tr!(loc, "report-col-inconsistency"),
            ],
        );
        out.push_str("<tbody>\n");
        for r in &report.ranking {
            let _ = writeln!(
                out,
                "<tr><td class=\"count\">{}</td><td{}>{}</td><td>{}</td></tr>",
                r.rank,
                lang_dir(&r.scenario),
                esc(&r.scenario),
                esc(&r.score)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    for note in &report.ranking_notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(note));
    }
    let _ = writeln!(
        out,
        "<h3 id=\"matrix\">{}</h3>",
        esc(&tr!(loc, "report-matrix"))
    );
    let _ = write!(
        out,
        "<table class=\"matrix\">\n<thead><tr><th>{}</th>",
        esc(&tr!(loc, "report-col-determinant"))
    );
    for s in &m.scenarios {
        let _ = write!(out, "<th{}>{}</th>", lang_dir(s), esc(s));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (d, row) in m.determinants.iter().zip(&m.cells) {
        let _ = write!(out, "<tr><th{}>{}</th>", lang_dir(d), esc(d));
        for cell in row {
            let text = cell.text(loc);
            let _ = write!(out, "<td{}>{}</td>", lang_dir(&text), esc(&text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        esc(&tr!(loc, "report-matrix-note"))
    );
    out.push_str("</section>\n");
}

fn items(out: &mut String, loc: Locale, id: &str, heading: &str, items: &[Item]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"part\" id=\"{id}\">\n<h2>{}</h2>",
        esc(heading)
    );
    for item in items {
        out.push_str("<article class=\"item\">\n<div class=\"item-head\">\n");
        block(out, "h3", "", &item.title);
        if let Some(likelihood) = &item.likelihood {
            let _ = writeln!(
                out,
                "<p class=\"likelihood\">{} {}</p>",
                esc(&tr!(loc, "report-likelihood")),
                esc(likelihood)
            );
        }
        let [sup, weak, ind] = item.counts();
        let _ = writeln!(
            out,
            "<p class=\"muted\">{}</p>",
            esc(&tr!(
                loc,
                "report-item-counts",
                count = item.evidence.len(),
                supports = sup,
                weakens = weak,
                indicators = ind
            ))
        );
        out.push_str("</div>\n");
        if item.likelihood.is_none() {
            for p in super::paragraphs(&item.about) {
                block(out, "p", "", &p);
            }
        }
        memo(out, loc, &item.memo);
        for e in &item.evidence {
            excerpt(out, loc, e);
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}

fn excerpt(out: &mut String, loc: Locale, e: &Evidence) {
    let _ = writeln!(
        out,
        "<figure class=\"excerpt\" data-passage=\"{}\">",
        e.passage
    );
    let _ = writeln!(
        out,
        "<blockquote class=\"quote\" lang=\"{}\" dir=\"{}\">{}</blockquote>",
        e.quote_script.lang(),
        e.quote_script.dir(),
        esc(&e.quote)
    );
    let frame = frame(loc);
    let _ = write!(
        out,
        "<figcaption lang=\"{}\" dir=\"{}\">",
        frame.lang(),
        frame.dir()
    );
    if let Some(relation) = e.relation {
        let _ = write!(
            out,
            "<span class=\"relation {}\">{}</span> · ",
            relation.word(),
            esc(&loc.relation(relation))
        );
    }
    let _ = write!(out, "<cite>{}</cite>", inline(&e.brief_title));
    let comma = super::comma(loc);
    if !e.date.is_empty() {
        let _ = write!(out, "{comma}{}", esc(&e.date));
    }
    if !e.publisher.is_empty() {
        let _ = write!(out, "{comma}{}", inline(&e.publisher));
    }
    if !e.grade.is_empty() {
        let _ = write!(out, " <span class=\"grade\">({})</span>", esc(&e.grade));
    }
    if e.source > 0 {
        let _ = write!(
            out,
            " <a class=\"source-ref\" href=\"#source-{0}\">[{0}]</a>",
            e.source
        );
    }
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|t| inline(t)).collect();
        let _ = write!(
            out,
            " · {}",
            tr!(loc, "report-tags", tags = tags.join(comma))
        );
    }
    if !e.memo.is_empty() {
        out.push('\n');
        memo_inline(out, loc, &e.memo);
    }
    out.push_str("</figcaption>\n</figure>\n");
}

/// The analyst's memo, after its label ("Memo:"); nothing for none.
fn memo_inline(out: &mut String, loc: Locale, memo: &str) {
    if !memo.is_empty() {
        let _ = write!(
            out,
            "<p class=\"memo\"><span class=\"label\">{}</span> {}</p>",
            esc(&tr!(loc, "report-memo")),
            inline(memo)
        );
    }
}

/// [`memo_inline`] on a line of its own.
fn memo(out: &mut String, loc: Locale, memo: &str) {
    if !memo.is_empty() {
        memo_inline(out, loc, memo);
        out.push('\n');
    }
}

fn codebook(out: &mut String, report: &Report) {
    let loc = report.locale;
    if report.codebook.is_empty() {
        return;
    }
    out.push_str("<section class=\"part\" id=\"codebook\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", esc(&tr!(loc, "report-codebook")));
    out.push_str("<table class=\"codebook\">\n");
    header_row(
        out,
        &[
            tr!(loc, "report-col-tag"),
            tr!(loc, "report-col-excerpts"),
            tr!(loc, "report-col-with-subtags"),
            tr!(loc, "report-col-description"),
        ],
    );
    out.push_str("<tbody>\n");
    for row in &report.codebook {
        let mut tag_memo = String::new();
        memo_inline(&mut tag_memo, loc, &row.memo);
        let _ = writeln!(
            out,
            "<tr><td class=\"tag-indent-{}\"{}><span class=\"swatch\" style=\"background:{}\"></span>{}</td><td class=\"count\">{}</td><td class=\"count\">{}</td><td{}>{}{}</td></tr>",
            row.depth.min(3),
            lang_dir(&row.name),
            esc(&row.colour),
            esc(&row.name),
            row.count,
            row.with_children,
            lang_dir(&row.description),
            esc(&row.description),
            tag_memo
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn sources(out: &mut String, report: &Report) {
    let loc = report.locale;
    if report.sources.is_empty() {
        return;
    }
    out.push_str("<section class=\"part\" id=\"sources\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", esc(&tr!(loc, "report-sources")));
    out.push_str("<ol class=\"sources\">\n");
    for (i, s) in report.sources.iter().enumerate() {
        let _ = writeln!(out, "<li id=\"source-{}\">", i + 1);
        block(out, "p", "source-title", &s.title);
        let details = super::citation(s);
        if !details.is_empty() {
            let parts: Vec<String> = details.iter().map(|d| inline(d)).collect();
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", parts.join(" · "));
        }
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            esc(&tr!(loc, "report-source-excerpts", count = s.excerpts))
        );
        memo(out, loc, &s.memo);
        if !s.footnotes.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"meta\">{}</p>\n<ol class=\"notes\">",
                esc(&tr!(loc, "report-footnotes"))
            );
            for note in &s.footnotes {
                block(out, "li", "", note);
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe]), "//4=");
    }

    #[test]
    fn text_is_escaped_and_marked_with_its_direction() {
        let mut out = String::new();
        block(&mut out, "p", "", "العراق <b> & \"Iraq\"");
        assert_eq!(
            out,
            "<p lang=\"ar\" dir=\"rtl\">العراق &lt;b&gt; &amp; &quot;Iraq&quot;</p>\n"
        );
    }
}
