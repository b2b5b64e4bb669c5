//! The lines of the document in reading order with where they stood: what furniture removal,
//! footnotes and paragraphs work on.

use super::glyphs::{PageGlyphs, Rule};
use super::letters::{is_arabic_letter, to_base_letters};
use super::lines;
use super::reorder::{self, LogicalLine};

/// A line's text in reading order and its place on its page.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PlacedLine {
    /// Baseline, from the page's top.
    pub top: f64,
    pub size: f64,
    pub x0: f64,
    pub x1: f64,
    /// Base letters, NFC, single spaces, trimmed.
    pub text: String,
    pub rtl: bool,
    /// How wide its first word (in reading order) is drawn, when known.
    pub first_word: Option<f64>,
}

impl PlacedLine {
    /// How wide the line's first word (in reading order) is: as drawn, or else an estimate from
    /// its letters; to tell whether it would have fitted at the end of the line before.
    #[must_use]
    pub fn first_word_width(&self) -> f64 {
        self.first_word.unwrap_or_else(|| {
            let first = self.text.split(' ').next().unwrap_or_default();
            first.chars().count() as f64 * 0.5 * self.size
        })
    }
}

/// A page's lines, top to bottom.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct PageLines {
    pub number: u32,
    pub width: f64,
    pub height: f64,
    pub lines: Vec<PlacedLine>,
    pub rules: Vec<Rule>,
}

/// Builds every page's lines in reading order. Brackets are mirrored back in right-to-left text
/// when most right-to-left lines show them mirrored (a producer that mirrored them for display,
/// as python-bidi does; LibreOffice's text keeps them logical).
pub(super) fn layout(pages: &[PageGlyphs]) -> Vec<PageLines> {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .flat_map(|g| g.text.chars())
    {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    let default_rtl = arabic > latin;
    let built: Vec<(&PageGlyphs, Vec<(lines::Line, LogicalLine)>)> = pages
        .iter()
        .map(|page| {
            let lines = lines::build(page)
                .into_iter()
                .map(|line| {
                    let logical = reorder::logical(&line, default_rtl);
                    (line, logical)
                })
                .collect();
            (page, lines)
        })
        .collect();
    let mirror = reorder::brackets_mirrored(
        built
            .iter()
            .flat_map(|(_, lines)| lines)
            .flat_map(|(_, logical)| logical.rtl_brackets()),
    );
    built
        .into_iter()
        .map(|(page, lines)| PageLines {
            number: page.number,
            width: page.width,
            height: page.height,
            rules: page.rules.clone(),
            lines: lines
                .into_iter()
                .filter_map(|(line, logical)| {
                    let text = clean(&logical.text(mirror));
                    (!text.is_empty()).then_some(PlacedLine {
                        top: line.top,
                        size: line.size,
                        x0: line.x0,
                        x1: line.x1,
                        text,
                        rtl: logical.rtl,
                        first_word: first_word(&line, logical.rtl),
                    })
                })
                .collect(),
        })
        .collect()
}

/// How wide the first word in reading order is drawn: the clusters from the line's start edge
/// (its right edge when it runs right to left) up to the first space.
fn first_word(line: &lines::Line, rtl: bool) -> Option<f64> {
    let word = |c: &&lines::Cluster| !c.is_space();
    let width = if rtl {
        let x0 = line
            .clusters
            .iter()
            .rev()
            .take_while(word)
            .map(|c| c.x0)
            .fold(f64::INFINITY, f64::min);
        line.x1 - x0
    } else {
        let x1 = line
            .clusters
            .iter()
            .take_while(word)
            .map(|c| c.x1)
            .fold(f64::NEG_INFINITY, f64::max);
        x1 - line.x0
    };
    (width.is_finite() && width > 0.0).then_some(width)
}

/// Base letters, no controls, NFC, runs of spaces as one, trimmed.
fn clean(text: &str) -> String {
    let letters = to_base_letters(text);
    let mut out = String::with_capacity(letters.len());
    for word in letters.split(|c: char| c.is_whitespace() && c != '\u{00A0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The size most of the document's text is set in (weighted by characters).
pub(super) fn body_size(pages: &[PageLines]) -> f64 {
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        let key = (line.size * 2.0).round() as i64;
        let n = line.text.chars().count();
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 += n,
            None => counts.push((key, n)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(12.0, |(k, _)| k as f64 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::lines::{Cluster, Line};
    use super::*;

    fn cluster(x0: f64, x1: f64, text: &str) -> Cluster {
        Cluster {
            x0,
            x1,
            text: text.into(),
            size: 10.0,
            superscript: false,
        }
    }

    #[test]
    fn the_first_word_is_measured_from_the_edge_the_line_starts_at() {
        let line = Line {
            top: 100.0,
            size: 10.0,
            x0: 100.0,
            x1: 200.0,
            clusters: vec![
                cluster(100.0, 110.0, "a"),
                cluster(110.0, 125.0, "b"),
                cluster(125.0, 128.0, " "),
                cluster(128.0, 170.0, "c"),
                cluster(170.0, 174.0, " "),
                cluster(174.0, 190.0, "d"),
                cluster(190.0, 200.0, "e"),
            ],
        };
        // Left to right: "ab"; right to left: "ed", drawn at the right end.
        assert_eq!(first_word(&line, false), Some(25.0));
        assert_eq!(first_word(&line, true), Some(26.0));
    }
}
