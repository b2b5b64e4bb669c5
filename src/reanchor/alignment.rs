//! Where each code point of the old text went in the new one: a diff of the two texts, computed
//! once per re-import, by lines first (lines that differ only in whitespace or decoration count
//! as the same line) and then by code points inside the lines that changed.

use std::hash::{DefaultHasher, Hasher};
use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp};

use super::chars::normalised;

/// How long the whole diff may take before `similar` settles for a coarser one (positions are
/// then interpolated more often). Only texts far apart come near it: a re-import of a 1 MB
/// brief with edits throughout diffs in tens of milliseconds in a release build; the limit is
/// generous so that a debug build on a loaded machine gives the same placements.
const DIFF_TIME_LIMIT: Duration = Duration::from_secs(5);

/// Changed stretches of the new text closer than this (code points) are searched as one.
const CHANGED_GAP: usize = 256;

/// Changed lines longer than this (old and new code points together) are not diffed by code
/// point: positions inside them are interpolated.
const MAX_REFINED_HUNK: usize = 1 << 20;

/// A stretch of the old text and what became of it in the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    old_start: usize,
    old_len: usize,
    new_start: usize,
    new_len: usize,
    /// The old and new code points are the same (`old_len == new_len`).
    equal: bool,
}

impl Segment {
    fn old_end(&self) -> usize {
        self.old_start + self.old_len
    }
}

/// A position of the old text carried over to the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mapped {
    pub(crate) pos: usize,
    /// The code point there is unchanged, so `pos` is exact; otherwise it was interpolated
    /// inside a changed stretch.
    pub(crate) exact: bool,
}

/// The diff of an old text against a new one, as a position map.
#[derive(Clone, Debug)]
pub(crate) struct Alignment {
    /// In old-text order, covering both texts without gaps; inserts have `old_len == 0`.
    segments: Vec<Segment>,
    /// The stretches of the new text (code points) that are new or changed lines.
    changed: Vec<Range<usize>>,
    old_len: usize,
    new_len: usize,
}

/// The lines of a text (each with its `\n`) and the code point where each starts; the last
/// entry of `starts` is the text's length.
struct Lines<'a> {
    lines: Vec<&'a str>,
    starts: Vec<usize>,
    /// A hash of each line as [`normalised`]: what the line diff compares.
    keys: Vec<u64>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut starts = Vec::with_capacity(lines.len() + 1);
        let mut at = 0;
        starts.push(0);
        for line in &lines {
            at += line.chars().count();
            starts.push(at);
        }
        let keys = lines
            .iter()
            .map(|line| {
                let mut hasher = DefaultHasher::new();
                for c in normalised(line) {
                    hasher.write_u32(u32::from(c));
                }
                hasher.finish()
            })
            .collect();
        Self {
            lines,
            starts,
            keys,
        }
    }

    /// The code points of lines `range`.
    fn chars(&self, range: Range<usize>) -> Range<usize> {
        self.starts[range.start]..self.starts[range.end]
    }

    fn text_of(&self, range: Range<usize>) -> Vec<char> {
        self.lines[range].iter().flat_map(|l| l.chars()).collect()
    }
}

impl Alignment {
    /// Diffs `old` against `new`.
    pub(crate) fn new(old: &str, new: &str) -> Self {
        let deadline = Instant::now() + DIFF_TIME_LIMIT;
        let (old_lines, new_lines) = (Lines::new(old), Lines::new(new));
        let ops = similar::capture_diff_slices_deadline(
            Algorithm::Myers,
            &old_lines.keys,
            &new_lines.keys,
            Some(deadline),
        );
        let mut alignment = Alignment {
            segments: Vec::with_capacity(ops.len()),
            changed: Vec::new(),
            old_len: old_lines.starts.last().copied().unwrap_or(0),
            new_len: new_lines.starts.last().copied().unwrap_or(0),
        };
        for op in ops {
            let (old_range, new_range) = (op.old_range(), op.new_range());
            let (old_chars, new_chars) = (
                old_lines.chars(old_range.clone()),
                new_lines.chars(new_range.clone()),
            );
            match op {
                DiffOp::Equal { .. } => {
                    for (o, n) in old_range.zip(new_range) {
                        let (old_line, new_line) =
                            (old_lines.chars(o..o + 1), new_lines.chars(n..n + 1));
                        if old_lines.lines[o] == new_lines.lines[n] {
                            alignment.push(old_line, new_line, true);
                        } else {
                            let old_text = old_lines.text_of(o..o + 1);
                            let new_text = new_lines.text_of(n..n + 1);
                            alignment.refine(
                                &old_text,
                                &new_text,
                                old_line.start,
                                new_line.start,
                                deadline,
                            );
                        }
                    }
                }
                DiffOp::Delete { .. } => alignment.push(old_chars, new_chars, false),
                DiffOp::Insert { .. } => {
                    alignment.mark_changed(new_chars.clone());
                    alignment.push(old_chars, new_chars, false);
                }
                DiffOp::Replace { .. } => {
                    alignment.mark_changed(new_chars.clone());
                    if old_chars.len() + new_chars.len() > MAX_REFINED_HUNK {
                        alignment.push(old_chars, new_chars, false);
                    } else {
                        let old_text = old_lines.text_of(old_range);
                        let new_text = new_lines.text_of(new_range);
                        alignment.refine(
                            &old_text,
                            &new_text,
                            old_chars.start,
                            new_chars.start,
                            deadline,
                        );
                    }
                }
            }
        }
        alignment
    }

    /// Diffs a changed stretch code point by code point.
    fn refine(
        &mut self,
        old: &[char],
        new: &[char],
        old_at: usize,
        new_at: usize,
        deadline: Instant,
    ) {
        for op in similar::capture_diff_slices_deadline(Algorithm::Myers, old, new, Some(deadline))
        {
            let (o, n) = (op.old_range(), op.new_range());
            let equal = matches!(op, DiffOp::Equal { .. });
            self.push(
                old_at + o.start..old_at + o.end,
                new_at + n.start..new_at + n.end,
                equal,
            );
        }
    }

    /// Notes a changed stretch of the new text, joined to the previous one when close.
    fn mark_changed(&mut self, new: Range<usize>) {
        match self.changed.last_mut() {
            Some(last) if new.start <= last.end + CHANGED_GAP => last.end = last.end.max(new.end),
            _ => self.changed.push(new),
        }
    }

    fn push(&mut self, old: Range<usize>, new: Range<usize>, equal: bool) {
        if old.is_empty() && new.is_empty() {
            return;
        }
        if let Some(last) = self.segments.last_mut()
            && equal == last.equal
            && (!equal
                || (last.old_end() == old.start && last.new_start + last.new_len == new.start))
        {
            last.old_len += old.len();
            last.new_len += new.len();
            return;
        }
        self.segments.push(Segment {
            old_start: old.start,
            old_len: old.len(),
            new_start: new.start,
            new_len: new.len(),
            equal,
        });
    }

    /// The stretches of the new text made of new or changed lines: where text that moved can be.
    pub(crate) fn changed(&self) -> &[Range<usize>] {
        &self.changed
    }

    /// Where the code point at `pos` of the old text is in the new one (an anchor's start).
    pub(crate) fn map_start(&self, pos: usize) -> Mapped {
        if pos >= self.old_len {
            return Mapped {
                pos: self.new_len,
                exact: false,
            };
        }
        let segment = self.segment_of(pos);
        if segment.equal {
            return Mapped {
                pos: segment.new_start + (pos - segment.old_start),
                exact: true,
            };
        }
        let offset = scale(
            pos - segment.old_start,
            segment.new_len,
            segment.old_len,
            false,
        );
        Mapped {
            pos: segment.new_start + offset,
            exact: false,
        }
    }

    /// Where the boundary after old code point `pos - 1` is in the new one (an anchor's end).
    pub(crate) fn map_end(&self, pos: usize) -> Mapped {
        if pos == 0 {
            return Mapped {
                pos: 0,
                exact: true,
            };
        }
        if pos > self.old_len {
            return Mapped {
                pos: self.new_len,
                exact: false,
            };
        }
        let segment = self.segment_of(pos - 1);
        if segment.equal {
            return Mapped {
                pos: segment.new_start + (pos - segment.old_start),
                exact: true,
            };
        }
        let offset = scale(
            pos - segment.old_start,
            segment.new_len,
            segment.old_len,
            true,
        );
        Mapped {
            pos: segment.new_start + offset,
            exact: false,
        }
    }

    /// The segment holding old code point `pos` (which is inside the old text).
    fn segment_of(&self, pos: usize) -> Segment {
        let index = self.segments.partition_point(|s| s.old_end() <= pos);
        self.segments.get(index).copied().unwrap_or(Segment {
            old_start: pos,
            old_len: 1,
            new_start: self.new_len,
            new_len: 0,
            equal: false,
        })
    }
}

/// `value × numerator / denominator`, rounded down or up, without overflow.
fn scale(value: usize, numerator: usize, denominator: usize, round_up: bool) -> usize {
    if denominator == 0 {
        return 0;
    }
    let product = value as u128 * numerator as u128;
    let (d, n) = (denominator as u128, product);
    let result = if round_up { n.div_ceil(d) } else { n / d };
    usize::try_from(result).unwrap_or(usize::MAX).min(numerator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identical_text_maps_every_position_to_itself() {
        let text = "سطر أول\n\nسطر ثان\n";
        let alignment = Alignment::new(text, text);
        let len = text.chars().count();
        for pos in 0..len {
            assert_eq!(alignment.map_start(pos), Mapped { pos, exact: true });
            assert_eq!(
                alignment.map_end(pos + 1),
                Mapped {
                    pos: pos + 1,
                    exact: true
                }
            );
        }
        assert!(alignment.changed().is_empty());
    }

    #[test]
    fn an_inserted_paragraph_shifts_what_follows() {
        let old = "أول\n\nثان\n";
        let new = "أول\n\nجديد تماما\n\nثان\n";
        let alignment = Alignment::new(old, new);
        assert_eq!(
            alignment.map_start(0),
            Mapped {
                pos: 0,
                exact: true
            }
        );
        let shift = "جديد تماما\n\n".chars().count();
        assert_eq!(
            alignment.map_start(5),
            Mapped {
                pos: 5 + shift,
                exact: true
            }
        );
        assert_eq!(
            alignment.map_end(8),
            Mapped {
                pos: 8 + shift,
                exact: true
            }
        );
        assert_eq!(alignment.changed().len(), 1);
        assert_eq!(alignment.changed().first(), Some(&(5..5 + shift)));
    }

    #[test]
    fn a_changed_line_is_diffed_by_code_point() {
        let old = "الحكومة  العراقية قالت\n";
        let new = "الحكومة العراقية قالت\n";
        let alignment = Alignment::new(old, new);
        // «العراقية» starts at 9 in the old text and at 8 in the new one.
        assert_eq!(
            alignment.map_start(9),
            Mapped {
                pos: 8,
                exact: true
            }
        );
        assert_eq!(
            alignment.map_end(17),
            Mapped {
                pos: 16,
                exact: true
            }
        );
    }

    #[test]
    fn lines_changed_only_in_whitespace_stay_paired() {
        // Every paragraph loses its trailing no-break space: the line diff must still pair
        // each old paragraph with its own new one, not with a neighbour.
        let paragraphs = ["الأولى قصيرة", "الثانية أطول من الأولى بكثير", "الثالثة"];
        let old: String = paragraphs
            .iter()
            .map(|p| format!("{p}\u{a0}\n\n"))
            .collect();
        let new: String = paragraphs.iter().map(|p| format!("{p}\n\n")).collect();
        let alignment = Alignment::new(&old, &new);
        let (mut old_at, mut new_at) = (0, 0);
        for p in paragraphs {
            let len = p.chars().count();
            assert_eq!(
                alignment.map_start(old_at),
                Mapped {
                    pos: new_at,
                    exact: true
                }
            );
            assert_eq!(
                alignment.map_end(old_at + len),
                Mapped {
                    pos: new_at + len,
                    exact: true
                }
            );
            old_at += len + 3;
            new_at += len + 2;
        }
    }

    #[test]
    fn a_deleted_line_maps_inside_to_where_it_was() {
        let old = "أ\nمحذوف\nب\n";
        let new = "أ\nب\n";
        let alignment = Alignment::new(old, new);
        assert_eq!(
            alignment.map_start(3),
            Mapped {
                pos: 2,
                exact: false
            }
        );
        assert_eq!(
            alignment.map_end(5),
            Mapped {
                pos: 2,
                exact: false
            }
        );
        assert_eq!(
            alignment.map_start(8),
            Mapped {
                pos: 2,
                exact: true
            }
        );
        assert_eq!(
            alignment.map_start(99),
            Mapped {
                pos: 4,
                exact: false
            }
        );
    }

    #[test]
    fn empty_texts_map_to_the_ends() {
        assert_eq!(
            Alignment::new("", "نص").map_start(0),
            Mapped {
                pos: 2,
                exact: false
            }
        );
        assert_eq!(
            Alignment::new("نص", "").map_start(1),
            Mapped {
                pos: 0,
                exact: false
            }
        );
        assert_eq!(
            Alignment::new("", "").map_end(0),
            Mapped {
                pos: 0,
                exact: true
            }
        );
    }
}
