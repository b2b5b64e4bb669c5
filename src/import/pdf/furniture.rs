//! Running headers and footers and page numbers: not the document.
//!
//! A line is a running header or footer when a line with the same text (digits aside) stands at
//! the same height in the top or bottom fifth of most pages; a page number is a line that is
//! only a number (or "page 3", "3 / 10", «صفحة ٣»), first or last on its page or in its top or
//! bottom eighth.

use std::collections::HashMap;

use super::layout::PageLines;

/// Drops the furniture from every page.
pub(super) fn remove(pages: &mut [PageLines]) {
    let repeated = repeated_keys(pages);
    for page in pages.iter_mut() {
        let height = page.height.max(1.0);
        let count = page.lines.len();
        let mut index = 0;
        page.lines.retain(|line| {
            let i = index;
            index += 1;
            let edge = line.top < 0.2 * height || line.top > 0.8 * height;
            if edge && repeated.contains_key(&(key(&line.text), bucket(line.top))) {
                return false;
            }
            let margin = line.top < 0.125 * height || line.top > 0.875 * height;
            let first_or_last = i == 0 || i + 1 == count;
            !(is_page_number(&line.text) && (margin || first_or_last))
        });
    }
}

/// Text with its digits as `#`, so that "Page 3" and "Page 4" repeat.
fn key(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_numeric() { '#' } else { c })
        .collect()
}

fn bucket(top: f64) -> i64 {
    (top / 6.0).round() as i64
}

/// The (text, height) of lines in the top or bottom fifth that recur on most pages.
fn repeated_keys(pages: &[PageLines]) -> HashMap<(String, i64), usize> {
    let mut seen: HashMap<(String, i64), Vec<u32>> = HashMap::new();
    for page in pages {
        let height = page.height.max(1.0);
        for line in &page.lines {
            if line.top < 0.2 * height || line.top > 0.8 * height {
                // A line near a bucket's edge counts in both buckets around it.
                for b in [bucket(line.top - 2.0), bucket(line.top + 2.0)] {
                    let pages_seen = seen.entry((key(&line.text), b)).or_default();
                    if pages_seen.last() != Some(&page.number) {
                        pages_seen.push(page.number);
                    }
                }
            }
        }
    }
    let needed = pages.len().div_ceil(2).max(2);
    let mut out: HashMap<(String, i64), usize> = HashMap::new();
    for ((text, b), on) in seen {
        if on.len() >= needed {
            // Lines whose own bucket is next to a repeated one belong to it too.
            for near in [b - 1, b, b + 1] {
                out.insert((text.clone(), near), on.len());
            }
        }
    }
    out
}

/// "3", "- 3 -", "Page 3", "3 / 10", "3 of 10", «صفحة ٣», «٣ من ١٠».
fn is_page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, '-' | '–' | '—' | '|' | '/' | '.' | '[' | ']' | '(' | ')')
        })
        .filter(|w| !w.is_empty())
        .collect();
    let numbers = words
        .iter()
        .filter(|w| w.chars().all(char::is_numeric))
        .count();
    let others = words
        .iter()
        .filter(|w| !w.chars().all(char::is_numeric))
        .all(|w| matches!(*w, "page" | "p" | "of" | "صفحة" | "الصفحة" | "من"));
    (1..=2).contains(&numbers) && others && words.len() <= 4 && text.chars().count() <= 20
}

#[cfg(test)]
mod tests {
    use super::super::layout::PlacedLine;
    use super::*;

    fn page(number: u32, lines: &[(f64, &str)]) -> PageLines {
        PageLines {
            number,
            width: 600.0,
            height: 800.0,
            lines: lines
                .iter()
                .map(|&(top, text)| PlacedLine {
                    top,
                    size: 10.0,
                    x0: 0.0,
                    x1: 100.0,
                    text: text.into(),
                    rtl: false,
                    first_word: None,
                })
                .collect(),
            rules: Vec::new(),
        }
    }

    #[test]
    fn running_headers_and_page_numbers_go_and_the_text_stays() {
        let mut pages = vec![
            page(
                1,
                &[
                    (40.0, "Centre for Studies"),
                    (100.0, "Title"),
                    (400.0, "Body one"),
                    (780.0, "1"),
                ],
            ),
            page(
                2,
                &[
                    (41.0, "Centre for Studies"),
                    (100.0, "Body two"),
                    (779.0, "Page 2 of 3"),
                ],
            ),
            page(
                3,
                &[
                    (40.0, "Centre for Studies"),
                    (100.0, "2025"),
                    (500.0, "Body three"),
                    (780.0, "- 3 -"),
                ],
            ),
        ];
        remove(&mut pages);
        let left: Vec<Vec<&str>> = pages
            .iter()
            .map(|p| p.lines.iter().map(|l| l.text.as_str()).collect())
            .collect();
        assert_eq!(
            left,
            vec![
                vec!["Title", "Body one"],
                vec!["Body two"],
                vec!["2025", "Body three"]
            ]
        );
    }

    #[test]
    fn page_numbers_are_told_from_text() {
        assert!(is_page_number("12"));
        assert!(is_page_number("صفحة ٣"));
        assert!(is_page_number("3 / 10"));
        assert!(!is_page_number("2025-09-25 163 views"));
        assert!(!is_page_number("1. The military balance"));
    }
}
