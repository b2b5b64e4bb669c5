//! What `basira layout` prints: serialisable, so `--json` is the same report.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::model::Brief;
use crate::text::DocumentLayout;
use crate::text_range::slice_chars;

#[derive(Serialize)]
pub struct Report {
    pub brief: String,
    pub width: f32,
    pub scale: f32,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Serialize)]
pub struct Paragraph {
    pub index: usize,
    pub direction: &'static str,
    pub range: Range<usize>,
    pub top: f32,
    pub lines: Vec<Line>,
}

#[derive(Serialize)]
pub struct Line {
    pub range: Range<usize>,
    pub top: f32,
    pub bottom: f32,
    pub words: Vec<Word>,
}

#[derive(Serialize)]
pub struct Word {
    pub text: String,
    pub range: Range<usize>,
    pub x0: f32,
    pub x1: f32,
    pub direction: &'static str,
}

fn direction(rtl: bool) -> &'static str {
    if rtl { "rtl" } else { "ltr" }
}

/// Two decimals are plenty for pixel positions and keep the output readable.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

pub fn build(brief: &Brief, document: &DocumentLayout) -> Report {
    let text = &brief.text;
    let paragraphs = document
        .paragraphs()
        .iter()
        .enumerate()
        .map(|(index, placed)| Paragraph {
            index,
            direction: direction(placed.layout.direction().is_rtl()),
            range: placed.layout.range(),
            top: round(placed.top),
            lines: placed
                .layout
                .lines()
                .iter()
                .map(|line| Line {
                    range: line.range.clone(),
                    top: round(placed.top + line.top),
                    bottom: round(placed.top + line.bottom),
                    words: line
                        .words()
                        .into_iter()
                        .map(|word| Word {
                            text: slice_chars(text, word.range.start, word.range.end).to_owned(),
                            range: word.range,
                            x0: round(word.x0),
                            x1: round(word.x1),
                            direction: direction(word.rtl),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Report {
        brief: brief.display_title(),
        width: document.width(),
        scale: document.params().scale,
        paragraphs,
    }
}

pub fn human(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — width {} px, scale {}; words left to right: x0..x1 [code points] text",
        report.brief, report.width, report.scale
    );
    for paragraph in &report.paragraphs {
        let _ = writeln!(
            out,
            "paragraph {} {} [{}..{}] y {}",
            paragraph.index,
            paragraph.direction,
            paragraph.range.start,
            paragraph.range.end,
            paragraph.top
        );
        for (number, line) in paragraph.lines.iter().enumerate() {
            let _ = writeln!(
                out,
                "  line {number} [{}..{}] y {}..{}",
                line.range.start, line.range.end, line.top, line.bottom
            );
            for word in &line.words {
                let _ = writeln!(
                    out,
                    "    {:>8.2}..{:<8.2} [{}..{}] {} {}",
                    word.x0, word.x1, word.range.start, word.range.end, word.direction, word.text
                );
            }
        }
    }
    out
}
