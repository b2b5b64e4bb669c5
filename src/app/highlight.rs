//! Which parts of a brief's text the reader paints, and how: pure functions over code-point
//! ranges, so they can be tested without a screen.

use crate::model::{Colour, PassageId};

/// A passage as the reader paints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub id: PassageId,
    pub start: usize,
    pub end: usize,
    /// The colour of the passage's first tag; `None` when untagged.
    pub colour: Option<Colour>,
}

/// How a stretch of text is painted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    Plain,
    /// Inside a passage (the innermost one decides the colour).
    Passage {
        colour: Option<Colour>,
        selected: bool,
    },
    /// Inside the pending reader selection, shown while the reader is not focused.
    Selection,
}

/// A stretch `start..end` (code points) painted one way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub paint: Paint,
}

/// Cuts `0..len` into spans: inside passages the smallest covering passage gives the colour,
/// and a span is `selected` when the selected passage covers it; `pending` wins over both.
#[must_use]
pub fn spans(
    len: usize,
    marks: &[Mark],
    selected: Option<PassageId>,
    pending: Option<(usize, usize)>,
) -> Vec<Span> {
    let mut cuts = vec![0, len];
    for m in marks {
        cuts.extend([m.start.min(len), m.end.min(len)]);
    }
    if let Some((a, b)) = pending {
        cuts.extend([a.min(len), b.min(len)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Span> = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let covers = |a: usize, b: usize| a <= start && end <= b;
        let paint = if pending.is_some_and(|(a, b)| covers(a, b)) {
            Paint::Selection
        } else {
            let covering = marks.iter().filter(|m| covers(m.start, m.end));
            match covering.clone().min_by_key(|m| m.end - m.start) {
                Some(inner) => Paint::Passage {
                    colour: inner.colour,
                    selected: covering.clone().any(|m| Some(m.id) == selected),
                },
                None => Paint::Plain,
            }
        };
        match out.last_mut() {
            Some(last) if last.paint == paint && last.end == start => last.end = end,
            _ => out.push(Span { start, end, paint }),
        }
    }
    out
}

/// The passage under the text cursor at `index`: the smallest one containing the character
/// after the cursor, else the smallest one ending right at the cursor.
#[must_use]
pub fn passage_at(marks: &[Mark], index: usize) -> Option<PassageId> {
    let smallest = |pred: &dyn Fn(&Mark) -> bool| {
        marks
            .iter()
            .filter(|m| pred(m))
            .min_by_key(|m| m.end - m.start)
            .map(|m| m.id)
    };
    smallest(&|m| m.start <= index && index < m.end)
        .or_else(|| smallest(&|m| m.start < index && index <= m.end))
}

/// The byte offsets of the code-point offsets `sorted` (ascending) in `text`; offsets past
/// the end map to `text.len()`.
#[must_use]
pub fn byte_offsets(text: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut chars = text.char_indices().enumerate().peekable();
    for &target in sorted {
        let byte = loop {
            match chars.peek() {
                Some(&(i, (byte, _))) if i == target => break byte,
                Some(&(i, _)) if i < target => {
                    chars.next();
                }
                _ => break text.len(),
            }
        };
        out.push(byte);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, colour: Option<Colour>) -> Mark {
        Mark {
            id: PassageId::new(),
            start,
            end,
            colour,
        }
    }

    #[test]
    fn the_innermost_passage_gives_the_colour() {
        let red = Some(Colour([255, 0, 0]));
        let blue = Some(Colour([0, 0, 255]));
        let outer = mark(2, 10, red);
        let inner = mark(4, 6, blue);
        let got = spans(12, &[outer, inner], Some(outer.id), None);
        let want = vec![
            Span {
                start: 0,
                end: 2,
                paint: Paint::Plain,
            },
            Span {
                start: 2,
                end: 4,
                paint: Paint::Passage {
                    colour: red,
                    selected: true,
                },
            },
            Span {
                start: 4,
                end: 6,
                paint: Paint::Passage {
                    colour: blue,
                    selected: true,
                },
            },
            Span {
                start: 6,
                end: 10,
                paint: Paint::Passage {
                    colour: red,
                    selected: true,
                },
            },
            Span {
                start: 10,
                end: 12,
                paint: Paint::Plain,
            },
        ];
        assert_eq!(got, want);
        assert_eq!(passage_at(&[outer, inner], 5), Some(inner.id));
        assert_eq!(passage_at(&[outer, inner], 8), Some(outer.id));
        assert_eq!(
            passage_at(&[outer, inner], 10),
            Some(outer.id),
            "cursor right after the end"
        );
        assert_eq!(passage_at(&[outer, inner], 11), None);
    }

    #[test]
    fn the_pending_selection_is_painted_over_passages() {
        let m = mark(0, 5, None);
        let got = spans(5, &[m], None, Some((3, 5)));
        assert_eq!(
            got[1],
            Span {
                start: 3,
                end: 5,
                paint: Paint::Selection
            }
        );
    }

    #[test]
    fn byte_offsets_follow_code_points() {
        let text = "قال Trump";
        assert_eq!(byte_offsets(text, &[0, 3, 4, 9, 12]), vec![0, 6, 7, 12, 12]);
    }
}
