//! Footnotes at page bottoms, moved out of the body.
//!
//! A page's notes are the lines at its bottom set smaller than the body (or, in a producer that
//! keeps one size, the lines under a short rule in the lower half of the page), the first of
//! them starting with a number: each line starting with a number opens a note, the others
//! continue it. Small lines under a rule at the top of a page's note area that start with no
//! number continue the previous page's last note.

use super::layout::{PageLines, PlacedLine};
use super::paragraphs::join_lines;

/// A footnote: its number as the source writes it, and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Note {
    pub number: String,
    pub text: String,
}

/// Takes the notes out of `pages`, in order.
pub(super) fn take(pages: &mut [PageLines], body_size: f64) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    for page in pages.iter_mut() {
        let start = note_area(page, body_size);
        let Some(start) = start else { continue };
        let area: Vec<PlacedLine> = page.lines.drain(start..).collect();
        let mut current: Option<(String, Vec<PlacedLine>)> = None;
        let mut continued: Vec<PlacedLine> = Vec::new();
        for line in area {
            if let Some((number, rest)) = note_number(&line.text) {
                if let Some((n, lines)) = current.take() {
                    notes.push(note(n, &lines));
                }
                let mut first = line.clone();
                first.text = rest;
                current = Some((number, vec![first]));
            } else if let Some((_, lines)) = current.as_mut() {
                lines.push(line);
            } else {
                continued.push(line);
            }
        }
        if !continued.is_empty()
            && let Some(last) = notes.last_mut()
        {
            let tail = join_lines(&continued);
            last.text = format!("{} {tail}", last.text);
        }
        if let Some((n, lines)) = current {
            notes.push(note(n, &lines));
        }
    }
    notes
}

fn note(number: String, lines: &[PlacedLine]) -> Note {
    Note {
        number,
        text: join_lines(lines),
    }
}

/// Where the page's note area starts (an index into its lines), if it has one.
fn note_area(page: &PageLines, body_size: f64) -> Option<usize> {
    let lines = &page.lines;
    let lower_half = |line: &PlacedLine| line.top > 0.5 * page.height;
    // The bottom lines set smaller than the body.
    let mut start = lines.len();
    while start > 0 && lines[start - 1].size < 0.9 * body_size && lower_half(&lines[start - 1]) {
        start -= 1;
    }
    // Or, with one size throughout, the lines under a short rule.
    if start == lines.len() {
        let text_width = lines.iter().map(|l| l.x1).fold(0.0, f64::max)
            - lines.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
        let rule = page
            .rules
            .iter()
            .filter(|r| r.top > 0.5 * page.height && r.x1 - r.x0 < 0.5 * text_width)
            .map(|r| r.top)
            .fold(f64::NAN, f64::max);
        if rule.is_finite() {
            start = lines
                .iter()
                .position(|l| l.top > rule)
                .unwrap_or(lines.len());
        }
    }
    if start == lines.len() {
        return None;
    }
    let opens = note_number(&lines[start].text).is_some();
    let under_rule = page.rules.iter().any(|r| {
        r.top > 0.5 * page.height
            && r.top < lines[start].top
            && (start == 0 || r.top > lines[start - 1].top)
    });
    (opens || under_rule).then_some(start)
}

/// The note number a line starts with ("[3] ", "3 ", "3. ", "3) ", "3- "), and the rest.
fn note_number(text: &str) -> Option<(String, String)> {
    if let Some(rest) = text.strip_prefix('[') {
        let (number, rest) = rest.split_once(']')?;
        if number.chars().all(|c| c.is_ascii_digit()) && !number.is_empty() {
            return Some((number.to_owned(), rest.trim_start().to_owned()));
        }
        return None;
    }
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let rest = &text[digits.len()..];
    let rest = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))
        .or_else(|| rest.strip_prefix("- "))
        .or_else(|| rest.strip_prefix(' '))
        .or_else(|| {
            // A number set against its text: "1مجلس".
            rest.chars()
                .next()
                .filter(|c| c.is_alphabetic())
                .map(|_| rest)
        })?;
    // A year or a list of figures is not a note number.
    if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((
        digits.trim_start_matches('0').to_owned(),
        rest.trim_start().to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::glyphs::Rule;
    use super::*;

    fn line(top: f64, size: f64, text: &str) -> PlacedLine {
        PlacedLine {
            top,
            size,
            x0: 50.0,
            x1: 500.0,
            text: text.into(),
            rtl: false,
            first_word: None,
        }
    }

    #[test]
    fn small_numbered_lines_at_the_bottom_become_notes() {
        let mut pages = vec![
            PageLines {
                number: 1,
                width: 600.0,
                height: 800.0,
                lines: vec![
                    line(100.0, 12.0, "Body text[1] goes on"),
                    line(700.0, 12.0, "1. A list item in the body"),
                    line(740.0, 9.0, "1 First note that wraps"),
                    line(752.0, 9.0, "onto a second line."),
                    line(764.0, 9.0, "2. Second note"),
                ],
                rules: vec![Rule {
                    x0: 50.0,
                    x1: 150.0,
                    top: 730.0,
                }],
            },
            PageLines {
                number: 2,
                width: 600.0,
                height: 800.0,
                lines: vec![
                    line(100.0, 12.0, "More body"),
                    line(760.0, 9.0, "[3] Third note"),
                ],
                rules: Vec::new(),
            },
        ];
        let notes = take(&mut pages, 12.0);
        let texts: Vec<(&str, &str)> = notes
            .iter()
            .map(|n| (n.number.as_str(), n.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("1", "First note that wraps onto a second line."),
                ("2", "Second note"),
                ("3", "Third note")
            ]
        );
        assert_eq!(pages[0].lines.len(), 2);
        assert_eq!(pages[1].lines.len(), 1);
    }

    #[test]
    fn note_numbers_are_read_and_years_are_not() {
        assert_eq!(note_number("[12] text"), Some(("12".into(), "text".into())));
        assert_eq!(note_number("3 مجلس"), Some(("3".into(), "مجلس".into())));
        assert_eq!(note_number("2025 2026"), None);
        assert_eq!(note_number("Body"), None);
    }
}
