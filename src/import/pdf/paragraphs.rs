//! Lines into paragraphs.
//!
//! A line continues the paragraph of the line before unless: a wider vertical gap than the
//! text's usual line spacing comes between them, their sizes differ, the line before ends short
//! of its margin by more than the next line's first word needs (the word would have fitted, so
//! the break was meant), the line is indented, or it starts a list item. Across a page break a
//! paragraph goes on when the last line of the page was full. An English word hyphenated at a
//! line's end is joined.

use super::layout::{PageLines, PlacedLine};

/// The paragraphs of the body, in order.
pub(super) fn paragraphs(pages: &[PageLines]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<PlacedLine> = Vec::new();
    for page in pages {
        let frame = Frame::of(page);
        let mut previous: Option<&PlacedLine> = None;
        for line in &page.lines {
            let breaks = match previous {
                Some(before) => frame.breaks_between(before, line),
                // The first line of a page goes on from the last one of the page before when
                // that one was full.
                None => current
                    .last()
                    .is_none_or(|before| !frame.continues_page(before, line)),
            };
            if breaks && !current.is_empty() {
                out.push(join_lines(&current));
                current.clear();
            }
            current.push(line.clone());
            previous = Some(line);
        }
    }
    if !current.is_empty() {
        out.push(join_lines(&current));
    }
    out.retain(|p| !p.is_empty());
    out
}

/// The room `line`'s first word needs at the end of the line before for a wrapper to have put
/// it there: its width, a space, and slack for margins found from the lines themselves; more
/// slack when the width is only estimated from its letters.
fn room_for_first_word(line: &PlacedLine, size: f64) -> f64 {
    let slack = if line.first_word.is_some() { 0.5 } else { 1.0 };
    line.first_word_width() + slack * size
}

/// Joins a paragraph's lines: with a space, or without the hyphen that split an English word.
pub(super) fn join_lines(lines: &[PlacedLine]) -> String {
    let mut out = String::new();
    for line in lines {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(text);
            continue;
        }
        let hyphen = !line.rtl
            && out.ends_with('-')
            && out.chars().rev().nth(1).is_some_and(char::is_alphabetic);
        if hyphen && text.starts_with(char::is_lowercase) {
            // A word hyphenated at the line's end.
            out.pop();
        } else if !(hyphen && text.starts_with(char::is_alphabetic)) {
            // (A compound broken at its own hyphen, "al-" + "Mandab", keeps it, unspaced.)
            out.push(' ');
        }
        out.push_str(text);
    }
    out
}

/// A page's text frame: its margins and line spacing.
struct Frame {
    left: f64,
    right: f64,
    /// The usual distance between baselines, per point of text size.
    spacing: f64,
}

impl Frame {
    fn of(page: &PageLines) -> Frame {
        let mut lefts: Vec<f64> = page.lines.iter().map(|l| l.x0).collect();
        let mut rights: Vec<f64> = page.lines.iter().map(|l| l.x1).collect();
        lefts.sort_by(f64::total_cmp);
        rights.sort_by(f64::total_cmp);
        let left = lefts.get(lefts.len() / 10).copied().unwrap_or(0.0);
        let right = rights
            .get(rights.len() - rights.len() / 10 - usize::from(!rights.is_empty()))
            .copied()
            .unwrap_or(page.width);
        let mut gaps: Vec<f64> = page
            .lines
            .windows(2)
            .filter(|w| (w[0].size - w[1].size).abs() < 0.5)
            .map(|w| (w[1].top - w[0].top) / w[0].size.max(1.0))
            .filter(|g| *g > 0.5)
            .collect();
        gaps.sort_by(f64::total_cmp);
        let spacing = gaps.get(gaps.len() / 2).copied().unwrap_or(1.2);
        Frame {
            left,
            right,
            spacing,
        }
    }

    /// How far a line ends short of the margin it runs towards.
    fn shortfall(&self, line: &PlacedLine) -> f64 {
        if line.rtl {
            line.x0 - self.left
        } else {
            self.right - line.x1
        }
    }

    /// How far a line starts in from the margin it starts at.
    fn indent(&self, line: &PlacedLine) -> f64 {
        if line.rtl {
            self.right - line.x1
        } else {
            line.x0 - self.left
        }
    }

    fn breaks_between(&self, before: &PlacedLine, line: &PlacedLine) -> bool {
        let size = before.size.max(line.size);
        let gap = line.top - before.top;
        gap > (self.spacing + 0.35) * size
            || gap < 0.0
            || (before.size - line.size).abs() > 0.1 * size
            || self.shortfall(before) > room_for_first_word(line, size)
            || self.indent(line) > 1.5 * size
            || starts_list_item(&line.text)
    }

    fn continues_page(&self, before: &PlacedLine, line: &PlacedLine) -> bool {
        let size = before.size.max(line.size);
        (before.size - line.size).abs() <= 0.1 * size
            && self.shortfall(before) <= room_for_first_word(line, size)
            && self.indent(line) <= 1.5 * size
            && !starts_list_item(&line.text)
    }
}

/// "1. ", "2) ", "- ", "• ", "أ. ".
fn starts_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    if matches!(first, Some('-' | '•' | '–' | '*' | '▪' | '●')) {
        return chars.next() == Some(' ');
    }
    let label: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
    let rest = &text[label.len()..];
    let short =
        label.chars().count() <= 2 || label.chars().all(|c| c.is_ascii_digit()) && label.len() <= 3;
    !label.is_empty() && short && (rest.starts_with(". ") || rest.starts_with(") "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(top: f64, x0: f64, x1: f64, text: &str) -> PlacedLine {
        PlacedLine {
            top,
            size: 10.0,
            x0,
            x1,
            text: text.into(),
            rtl: false,
            first_word: None,
        }
    }

    #[test]
    fn lines_join_into_paragraphs_at_gaps_short_lines_and_indents() {
        let page = PageLines {
            number: 1,
            width: 600.0,
            height: 800.0,
            lines: vec![
                line(100.0, 50.0, 300.0, "Heading"),
                line(
                    130.0,
                    50.0,
                    550.0,
                    "A paragraph that runs the full width and hyph-",
                ),
                line(
                    142.0,
                    50.0,
                    550.0,
                    "enates a word, then goes on to the last line",
                ),
                line(154.0, 50.0, 200.0, "that is short."),
                line(
                    166.0,
                    80.0,
                    550.0,
                    "An indented paragraph starts here and goes",
                ),
                line(178.0, 50.0, 550.0, "on to its end."),
                line(200.0, 50.0, 550.0, "1. A list item"),
            ],
            rules: Vec::new(),
        };
        assert_eq!(
            paragraphs(&[page]),
            vec![
                "Heading",
                "A paragraph that runs the full width and hyphenates a word, then goes on to the last line that is short.",
                "An indented paragraph starts here and goes on to its end.",
                "1. A list item"
            ]
        );
    }

    fn measured(mut line: PlacedLine, first_word: f64) -> PlacedLine {
        line.first_word = Some(first_word);
        line
    }

    #[test]
    fn a_break_is_meant_where_the_next_first_word_as_drawn_would_have_fitted() {
        // Each page's last or short line ends 58 points short of the 550 margin; "Scenarios:"
        // is drawn 40 points wide: it would have fitted, so a new paragraph starts with it,
        // across a page break as on one page.
        let pages = |measure: bool| {
            let first = |l: PlacedLine, w: f64| if measure { measured(l, w) } else { l };
            vec![
                PageLines {
                    number: 1,
                    width: 600.0,
                    height: 800.0,
                    lines: vec![
                        line(
                            100.0,
                            50.0,
                            550.0,
                            "The second scenario runs the full width and",
                        ),
                        line(
                            112.0,
                            50.0,
                            550.0,
                            "goes on to a line that ends well short of",
                        ),
                        line(124.0, 50.0, 492.0, "the margin."),
                    ],
                    rules: Vec::new(),
                },
                PageLines {
                    number: 2,
                    width: 600.0,
                    height: 800.0,
                    lines: vec![
                        first(
                            line(100.0, 50.0, 550.0, "Scenarios: the third, at the top"),
                            40.0,
                        ),
                        line(
                            112.0,
                            50.0,
                            520.0,
                            "of the next page, ends 30 points short,",
                        ),
                        // 35 points and a space do not fit in 30: the paragraph goes on.
                        first(
                            line(124.0, 50.0, 550.0, "continuing the line before, it"),
                            35.0,
                        ),
                        line(136.0, 50.0, 492.0, "ends short again."),
                        first(line(148.0, 50.0, 550.0, "Scenarios: the fourth."), 40.0),
                    ],
                    rules: Vec::new(),
                },
            ]
        };
        assert_eq!(
            paragraphs(&pages(true)),
            vec![
                "The second scenario runs the full width and goes on to a line that ends well short of the margin.",
                "Scenarios: the third, at the top of the next page, ends 30 points short, continuing the line before, it ends short again.",
                "Scenarios: the fourth.",
            ]
        );
        // Estimated from its ten letters (50 points), with the wider slack an estimate needs,
        // the word might not have fitted: the lines are joined.
        assert_eq!(paragraphs(&pages(false)).len(), 1);
    }
}
