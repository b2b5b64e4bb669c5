//! A page's glyphs into lines of clusters, left to right as drawn (steps 2–5 of the Arabic
//! repair in `shared/docs/import.md`): segments on one baseline in the producer's order,
//! segments grouped into lines by baseline, combining marks attached to a base glyph, clusters
//! sorted by their centre, a space where the gap is wide and none is drawn, raised small text
//! (footnote markers) told apart.

use super::glyphs::{Glyph, PageGlyphs};
use super::letters::{is_arabic_letter, is_arabic_mark};

/// A base glyph with its marks: the unit that keeps its place when a line is reordered.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Cluster {
    pub x0: f64,
    pub x1: f64,
    /// The base's text, then its marks'.
    pub text: String,
    pub size: f64,
    /// Raised and smaller than the line's text: a footnote marker or an exponent.
    pub superscript: bool,
}

impl Cluster {
    /// Whether it is a space (drawn, or put where a gap was).
    #[must_use]
    pub fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// One line of a page, its clusters left to right.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Line {
    /// The baseline of its main text, from the page's top.
    pub top: f64,
    /// The size of its main text.
    pub size: f64,
    pub x0: f64,
    pub x1: f64,
    pub clusters: Vec<Cluster>,
}

/// A gap wider than this (in ems) between two glyphs is a space.
const SPACE_GAP: f64 = 0.18;

/// Builds the page's lines, top to bottom.
pub(super) fn build(page: &PageGlyphs) -> Vec<Line> {
    let mut segments = segments(&page.glyphs);
    segments.sort_by(|a, b| a.top.total_cmp(&b.top));
    let mut groups: Vec<Vec<Segment>> = Vec::new();
    for segment in segments {
        let joins = groups.last().is_some_and(|group| {
            let (top, size) = main_baseline(group);
            (segment.top - top).abs() <= 0.6 * size.max(segment.size)
        });
        match groups.last_mut() {
            Some(group) if joins => group.push(segment),
            _ => groups.push(vec![segment]),
        }
    }
    groups.into_iter().filter_map(line).collect()
}

/// Glyphs drawn one after another on one baseline, moving forward.
struct Segment {
    top: f64,
    size: f64,
    clusters: Vec<Cluster>,
    /// Characters, to weigh which segment gives a line its baseline.
    chars: usize,
}

fn segments(glyphs: &[Glyph]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut current: Vec<&Glyph> = Vec::new();
    for glyph in glyphs {
        if let Some(last) = current.last() {
            let em = last.size.max(glyph.size);
            let same_baseline = (glyph.top - last.top).abs() <= 0.2 * em;
            let same_size = glyph.size <= last.size * 1.2 && last.size <= glyph.size * 1.2;
            let forward = glyph.x >= last.x - 0.5 * em;
            if !(same_baseline && same_size && forward) {
                out.extend(segment(&current));
                current.clear();
            }
        }
        current.push(glyph);
    }
    out.extend(segment(&current));
    out
}

/// Clusters a segment: each mark goes with the next base glyph in the producer's order (the
/// previous one when none follows).
fn segment(glyphs: &[&Glyph]) -> Option<Segment> {
    let first = glyphs.first()?;
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut marks = String::new();
    let mut chars = 0;
    for glyph in glyphs {
        if glyph.text.is_empty() {
            continue;
        }
        chars += glyph.text.chars().count();
        if glyph.text.chars().all(is_arabic_mark) {
            marks.push_str(&glyph.text);
            continue;
        }
        let mut text = glyph.text.clone();
        text.push_str(&marks);
        marks.clear();
        clusters.push(Cluster {
            x0: glyph.x,
            x1: glyph.x + glyph.width,
            text,
            size: glyph.size,
            superscript: false,
        });
    }
    if !marks.is_empty() {
        match clusters.last_mut() {
            Some(last) => last.text.push_str(&marks),
            None => return None,
        }
    }
    if clusters.is_empty() {
        return None;
    }
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    Some(Segment {
        top: first.top,
        size,
        clusters,
        chars,
    })
}

/// The baseline and size of the segment with the most characters: the line's main text.
fn main_baseline(group: &[Segment]) -> (f64, f64) {
    let main = group
        .iter()
        .max_by(|a, b| (a.chars as f64 * a.size).total_cmp(&(b.chars as f64 * b.size)));
    main.map_or((0.0, 0.0), |s| (s.top, s.size))
}

fn line(group: Vec<Segment>) -> Option<Line> {
    let (top, size) = main_baseline(&group);
    let mut clusters: Vec<Cluster> = Vec::new();
    for segment in group {
        let raised = top - segment.top > 0.15 * size && segment.size < 0.85 * size;
        for mut cluster in segment.clusters {
            cluster.superscript = raised;
            clusters.push(cluster);
        }
    }
    clusters.sort_by(|a, b| (a.x0 + a.x1).total_cmp(&(b.x0 + b.x1)));
    // A glyph drawn twice over itself (fake bold) is one glyph.
    clusters.dedup_by(|b, a| a.text == b.text && (a.x0 - b.x0).abs() < 0.1 * a.size);
    let mut spaced: Vec<Cluster> = Vec::with_capacity(clusters.len());
    for cluster in clusters {
        if let Some(last) = spaced.last() {
            let em = last.size.min(cluster.size);
            let gap = cluster.x0 - last.x1;
            if gap > SPACE_GAP * em && !last.is_space() && !cluster.is_space() {
                spaced.push(Cluster {
                    x0: last.x1,
                    x1: cluster.x0,
                    text: " ".into(),
                    size: em,
                    superscript: false,
                });
            }
        }
        spaced.push(cluster);
    }
    drop_kashida(&mut spaced);
    // Spaces at the ends of a line are nothing.
    while spaced.last().is_some_and(Cluster::is_space) {
        spaced.pop();
    }
    let start = spaced.iter().position(|c| !c.is_space())?;
    spaced.drain(..start);
    let x0 = spaced.first()?.x0;
    let x1 = spaced.iter().map(|c| c.x1).fold(f64::MIN, f64::max);
    Some(Line {
        top,
        size,
        x0,
        x1,
        clusters: spaced,
    })
}

/// Drops the kashida a justifying producer draws inside Arabic words to stretch them: a tatweel
/// (or the `$` LibreOffice's text maps its kashida glyph to) between two Arabic letters.
fn drop_kashida(clusters: &mut Vec<Cluster>) {
    let is_kashida =
        |c: &Cluster| !c.text.is_empty() && c.text.chars().all(|ch| ch == '$' || ch == '\u{0640}');
    let arabic = |c: &Cluster| c.text.chars().any(is_arabic_letter);
    let mut keep = vec![true; clusters.len()];
    let mut i = 0;
    while i < clusters.len() {
        if !is_kashida(&clusters[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < clusters.len() && is_kashida(&clusters[i]) {
            i += 1;
        }
        if start > 0 && i < clusters.len() && arabic(&clusters[start - 1]) && arabic(&clusters[i]) {
            keep[start..i].iter_mut().for_each(|k| *k = false);
        }
    }
    let mut flags = keep.into_iter();
    clusters.retain(|_| flags.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f64, top: f64, size: f64, text: &str) -> Glyph {
        Glyph {
            x,
            top,
            width: 0.5 * size,
            size,
            text: text.into(),
        }
    }

    fn texts(line: &Line) -> String {
        line.clusters.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn glyphs_become_lines_with_spaces_marks_and_raised_markers() {
        let page = PageGlyphs {
            glyphs: vec![
                // Second line drawn first.
                glyph(10.0, 130.0, 10.0, "c"),
                glyph(10.0, 100.0, 10.0, "a"),
                glyph(15.0, 100.0, 10.0, "b"),
                // A gap of two ems, then a mark before its base.
                glyph(40.0, 100.0, 10.0, "\u{064E}"),
                glyph(40.0, 100.0, 10.0, "ب"),
                // A raised small 1 right after it.
                glyph(45.0, 96.0, 6.0, "1"),
            ],
            ..PageGlyphs::default()
        };
        let lines = build(&page);
        assert_eq!(lines.len(), 2);
        assert_eq!(texts(&lines[0]), "ab ب\u{064E}1");
        assert!(lines[0].clusters.last().is_some_and(|c| c.superscript));
        assert!(!lines[0].clusters[0].superscript);
        assert_eq!(texts(&lines[1]), "c");
    }
}
