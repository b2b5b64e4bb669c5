//! Maps points in the reader's laid-out text to code-point offsets.
//!
//! egui 0.37 assumes one glyph per character, which shaped Arabic breaks: a word is shaped
//! right to left, letters with dots become several glyphs, and the galley's cursor indices stop
//! being character offsets. So the reader does its own hit testing: words (runs of
//! non-whitespace) keep their logical order on screen, so the n-th word on screen is the n-th
//! word of the text. Inside a word whose glyphs are exactly its characters (Latin, digits) the
//! hit is exact to the character; inside a shaped word it snaps to the word's edges.

use egui::{Galley, Pos2, Rect};

/// Which edge a point inside a shaped word, or between two words, resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bias {
    /// The start of the word (a selection's first end).
    Start,
    /// The end of the word (a selection's last end).
    End,
}

#[derive(Debug)]
struct WordBox {
    left: f32,
    right: f32,
    start: usize,
    end: usize,
    /// The x of each character boundary, when the glyphs are exactly the characters.
    edges: Option<Vec<f32>>,
}

#[derive(Debug)]
struct RowWords {
    top: f32,
    bottom: f32,
    words: Vec<WordBox>,
}

/// Hit testing for one galley of one text. Points are in galley coordinates.
#[derive(Debug)]
pub struct HitMap {
    rows: Vec<RowWords>,
    len: usize,
}

/// The words of `text`: code-point ranges of non-whitespace, with their characters.
fn logical_words(text: &str) -> Vec<(usize, usize, Vec<char>)> {
    let mut words = Vec::new();
    let mut current: Option<(usize, Vec<char>)> = None;
    let mut len = 0;
    for (i, c) in text.chars().enumerate() {
        len = i + 1;
        if c.is_whitespace() {
            if let Some((start, chars)) = current.take() {
                words.push((start, i, chars));
            }
        } else {
            current.get_or_insert_with(|| (i, Vec::new())).1.push(c);
        }
    }
    if let Some((start, chars)) = current {
        words.push((start, len, chars));
    }
    words
}

impl HitMap {
    /// The map for `galley`, laid out from `text`; `None` when the words on screen do not match
    /// the words of the text (e.g. a word broken over two rows).
    #[must_use]
    pub fn new(galley: &Galley, text: &str) -> Option<Self> {
        let mut logical = logical_words(text).into_iter();
        let mut rows = Vec::with_capacity(galley.rows.len());
        for placed in &galley.rows {
            let dx = placed.pos.x;
            let mut words = Vec::new();
            let mut glyphs = placed.glyphs.iter().peekable();
            while glyphs.peek().is_some() {
                let word: Vec<_> = glyphs
                    .by_ref()
                    .skip_while(|g| g.chr.is_whitespace())
                    .take_while(|g| !g.chr.is_whitespace())
                    .collect();
                if word.is_empty() {
                    continue;
                }
                let (start, end, chars) = logical.next()?;
                let left = word.iter().map(|g| g.pos.x).fold(f32::INFINITY, f32::min) + dx;
                let right = word
                    .iter()
                    .map(|g| g.max_x())
                    .fold(f32::NEG_INFINITY, f32::max)
                    + dx;
                let in_order = word.windows(2).all(|w| w[0].pos.x <= w[1].pos.x);
                let exact = in_order
                    && word.len() == chars.len()
                    && word.iter().zip(&chars).all(|(g, c)| g.chr == *c);
                let edges = exact.then(|| {
                    let mut edges: Vec<f32> = word.iter().map(|g| g.pos.x + dx).collect();
                    edges.push(right);
                    edges
                });
                words.push(WordBox {
                    left,
                    right,
                    start,
                    end,
                    edges,
                });
            }
            rows.push(RowWords {
                top: placed.min_y(),
                bottom: placed.max_y(),
                words,
            });
        }
        if logical.next().is_some() {
            return None;
        }
        Some(Self {
            rows,
            len: text.chars().count(),
        })
    }

    /// The row of words nearest to `y`, skipping rows without words.
    fn row_at(&self, y: f32) -> Option<&RowWords> {
        let distance = |r: &RowWords| {
            if y < r.top {
                r.top - y
            } else if y > r.bottom {
                y - r.bottom
            } else {
                0.0
            }
        };
        self.rows
            .iter()
            .filter(|r| !r.words.is_empty())
            .min_by(|a, b| distance(a).total_cmp(&distance(b)))
    }

    /// The cursor offset (0..=len) at `pos`.
    #[must_use]
    pub fn cursor_at(&self, pos: Pos2, bias: Bias) -> usize {
        if self.rows.first().is_some_and(|r| pos.y < r.top) {
            return 0;
        }
        if self.rows.last().is_some_and(|r| pos.y > r.bottom) {
            return self.len;
        }
        let Some(row) = self.row_at(pos.y) else {
            return 0;
        };
        let x = pos.x;
        for (i, word) in row.words.iter().enumerate() {
            if x < word.left {
                // Left of this word: before the row's first word, or in the gap after the last.
                return match (bias, i.checked_sub(1).map(|p| &row.words[p])) {
                    (Bias::End, Some(previous)) => previous.end,
                    _ => word.start,
                };
            }
            if x <= word.right {
                return match &word.edges {
                    Some(edges) => {
                        let nearest = edges
                            .iter()
                            .enumerate()
                            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
                            .map_or(0, |(k, _)| k);
                        word.start + nearest
                    }
                    None => match bias {
                        Bias::Start => word.start,
                        Bias::End => word.end,
                    },
                };
            }
        }
        row.words.last().map_or(0, |w| w.end)
    }

    /// The selection between two points, in either order, snapped to word edges inside shaped
    /// words.
    #[must_use]
    pub fn selection(&self, a: Pos2, b: Pos2) -> (usize, usize) {
        let (first, last) = if self.cursor_at(a, Bias::Start) <= self.cursor_at(b, Bias::Start) {
            (a, b)
        } else {
            (b, a)
        };
        let start = self.cursor_at(first, Bias::Start);
        let end = self.cursor_at(last, Bias::End).max(start);
        (start, end)
    }

    /// A character offset inside whatever is under `pos`, or `None` between words.
    #[must_use]
    pub fn char_under(&self, pos: Pos2) -> Option<usize> {
        let row = self
            .row_at(pos.y)
            .filter(|r| r.top <= pos.y && pos.y <= r.bottom)?;
        let word = row
            .words
            .iter()
            .find(|w| w.left <= pos.x && pos.x <= w.right)?;
        Some(match &word.edges {
            Some(edges) => word.start + edges.iter().skip(1).take_while(|e| **e < pos.x).count(),
            None => word.start + (word.end - word.start) / 2,
        })
    }

    /// Where the word holding code point `index` (or the next word) is.
    #[must_use]
    pub fn rect_of(&self, index: usize) -> Option<Rect> {
        self.rows.iter().find_map(|row| {
            row.words.iter().find(|w| index < w.end).map(|w| {
                Rect::from_min_max(Pos2::new(w.left, row.top), Pos2::new(w.right, row.bottom))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn galley(text: &str, wrap: f32) -> Arc<Galley> {
        let ctx = egui::Context::default();
        super::super::fonts::install(&ctx);
        let mut out = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let job = egui::text::LayoutJob::simple(
                text.to_owned(),
                super::super::fonts::reader_font(),
                egui::Color32::WHITE,
                wrap,
            );
            out = Some(ui.fonts_mut(|f| f.layout_job(job)));
        });
        output.textures_delta.clear();
        out.expect("laid out")
    }

    fn centre_of_word(map: &HitMap, n: usize) -> Pos2 {
        let (row, word) = map
            .rows
            .iter()
            .flat_map(|r| r.words.iter().map(move |w| (r, w)))
            .nth(n)
            .expect("word");
        Pos2::new((word.left + word.right) / 2.0, (row.top + row.bottom) / 2.0)
    }

    #[test]
    fn shaped_arabic_words_map_to_their_logical_ranges() {
        let text = "قال الرئيس ترامب إن الانسحاب سيكتمل.\nTrump said so.";
        let g = galley(text, 2000.0);
        let map = HitMap::new(&g, text).expect("words match");
        let words = logical_words(text);
        for (n, (start, end, _)) in words.iter().enumerate().take(6) {
            let p = centre_of_word(&map, n);
            assert_eq!(map.cursor_at(p, Bias::Start), *start, "word {n}");
            assert_eq!(map.cursor_at(p, Bias::End), *end, "word {n}");
        }
        // From the middle of the second word to the middle of the fourth: whole words.
        let (a, b) = (centre_of_word(&map, 1), centre_of_word(&map, 3));
        assert_eq!(map.selection(b, a), (words[1].0, words[3].1));
        let inside = map.char_under(centre_of_word(&map, 4)).expect("a word");
        assert!((words[4].0..words[4].1).contains(&inside));
    }

    #[test]
    fn latin_words_are_exact_to_the_character() {
        let text = "withdrawal timeline";
        let g = galley(text, 2000.0);
        let map = HitMap::new(&g, text).expect("words match");
        let row = &map.rows[0];
        let edges = row.words[0]
            .edges
            .as_ref()
            .expect("Latin glyphs are characters");
        let y = (row.top + row.bottom) / 2.0;
        assert_eq!(map.cursor_at(Pos2::new(edges[4] + 0.5, y), Bias::Start), 4);
        assert_eq!(map.cursor_at(Pos2::new(edges[4] + 0.5, y), Bias::End), 4);
        assert_eq!(map.char_under(Pos2::new(edges[4] + 0.5, y)), Some(4));
        let gap = (row.words[0].right + row.words[1].left) / 2.0;
        assert_eq!(map.cursor_at(Pos2::new(gap, y), Bias::End), 10);
        assert_eq!(map.cursor_at(Pos2::new(gap, y), Bias::Start), 11);
        assert_eq!(
            map.cursor_at(Pos2::new(gap, y + 100.0), Bias::Start),
            text.chars().count()
        );
    }

    #[test]
    fn wrapped_rows_keep_the_word_order() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let g = galley(text, 120.0);
        assert!(g.rows.len() > 2);
        let map = HitMap::new(&g, text).expect("words match");
        let last = logical_words(text).len() - 1;
        let p = centre_of_word(&map, last) + egui::vec2(200.0, 0.0);
        assert_eq!(
            map.cursor_at(p, Bias::End),
            text.chars().count(),
            "right of the last word"
        );
        assert!(
            map.rect_of(text.chars().count() - 1)
                .is_some_and(|r| r.center().y > g.rows[0].max_y())
        );
    }
}
