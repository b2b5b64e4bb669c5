//! A line's clusters, drawn left to right, into reading order (step 6 of the Arabic repair):
//! a line where Arabic letters outnumber Latin ones is reversed, then its embedded left-to-right
//! runs (Latin words, numbers, dates like 2025-09-25) are turned back; in a left-to-right line
//! only the Arabic runs are reversed. Raised small digits become a `[n]` marker.

use super::letters::is_arabic_letter;
use super::lines::{Cluster, Line};

/// A piece of a line in reading order; `rtl` when it stands in right-to-left text (where a
/// producer may have mirrored its brackets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Piece {
    pub text: String,
    pub rtl: bool,
}

/// A line in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct LogicalLine {
    pub pieces: Vec<Piece>,
    /// Arabic letters outnumber Latin ones.
    pub rtl: bool,
}

impl LogicalLine {
    /// The line's text, brackets in right-to-left pieces mirrored when `mirror`.
    #[must_use]
    pub fn text(&self, mirror: bool) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            if mirror && piece.rtl {
                out.extend(piece.text.chars().map(mirrored));
            } else {
                out.push_str(&piece.text);
            }
        }
        out
    }

    /// The brackets of its right-to-left text, in reading order.
    pub fn rtl_brackets(&self) -> impl Iterator<Item = char> + '_ {
        self.pieces
            .iter()
            .filter(|p| p.rtl)
            .flat_map(|p| p.text.chars())
            .filter(|c| matches!(c, '(' | ')' | '[' | ']' | '{' | '}'))
    }
}

/// Whether brackets read as `)…(` more than as `(…)`: a producer that mirrored them for display
/// (python-bidi does; LibreOffice's text keeps them logical). Counted over a whole document, as a
/// bracketed phrase often spans lines: the closers met with nothing open, as read and mirrored.
#[must_use]
pub(super) fn brackets_mirrored(brackets: impl Iterator<Item = char>) -> bool {
    let (mut depth, mut stray) = (0i64, 0usize);
    let (mut depth_m, mut stray_m) = (0i64, 0usize);
    for c in brackets {
        let opens = matches!(c, '(' | '[' | '{');
        for (depth, stray, opens) in [
            (&mut depth, &mut stray, opens),
            (&mut depth_m, &mut stray_m, !opens),
        ] {
            if opens {
                *depth += 1;
            } else if *depth > 0 {
                *depth -= 1;
            } else {
                *stray += 1;
            }
        }
    }
    stray_m < stray
}

fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        other => other,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Arabic letters.
    R,
    /// Other letters (Latin).
    L,
    /// Digits.
    En,
    /// Spaces, punctuation.
    N,
    /// A footnote marker.
    Marker,
}

struct Item {
    text: String,
    class: Class,
}

/// Puts a line in reading order. A line of Arabic letters alone is right-to-left, one of Latin
/// letters alone left-to-right, a mixed one (or one without letters) takes `default_rtl`, the
/// document's direction: «2025-09-25 163 مشاهدة Download PDF» has more Latin letters but is
/// an Arabic paragraph.
pub(super) fn logical(line: &Line, default_rtl: bool) -> LogicalLine {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in line.clusters.iter().flat_map(|c| c.text.chars()) {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    let rtl = match (arabic > 0, latin > 0) {
        (true, false) => true,
        (false, true) => false,
        _ => default_rtl,
    };
    let items = items(&line.clusters, rtl);
    let mut order: Vec<(Item, bool)> = Vec::with_capacity(items.len());
    if rtl {
        let mut reversed: Vec<Item> = items.into_iter().rev().collect();
        let runs = ltr_runs(&reversed);
        let mut in_run = vec![false; reversed.len()];
        for (start, end) in runs {
            reversed[start..end].reverse();
            in_run[start..end].iter_mut().for_each(|f| *f = true);
        }
        order.extend(
            reversed
                .into_iter()
                .zip(in_run)
                // A marker's brackets are this reader's own: never mirrored, never evidence.
                .map(|(item, ltr)| {
                    let mirrorable = !ltr && item.class != Class::Marker;
                    (item, mirrorable)
                }),
        );
    } else {
        let mut items = items;
        for (start, end) in rtl_runs(&items) {
            items[start..end].reverse();
        }
        order.extend(items.into_iter().map(|item| (item, false)));
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for (item, rtl_here) in order {
        match pieces.last_mut() {
            Some(last) if last.rtl == rtl_here => last.text.push_str(&item.text),
            _ => pieces.push(Piece {
                text: item.text,
                rtl: rtl_here,
            }),
        }
    }
    LogicalLine { pieces, rtl }
}

/// Items in visual order: clusters classified, runs of raised digits as one marker. A marker
/// sits against the word before it (on its right in a right-to-left line), and against
/// punctuation after it: the spaces put there from gaps go.
fn items(clusters: &[Cluster], rtl: bool) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(clusters.len());
    let is_marker = |c: &Cluster| c.superscript && is_digits(&c.text);
    let mut i = 0;
    while i < clusters.len() {
        let cluster = &clusters[i];
        if !is_marker(cluster) {
            out.push(Item {
                text: cluster.text.clone(),
                class: class(&cluster.text),
            });
            i += 1;
            continue;
        }
        let mut end = i;
        while end < clusters.len() && is_marker(&clusters[end]) {
            end += 1;
        }
        // Digits read left to right whatever the line's direction.
        let number: String = clusters[i..end]
            .iter()
            .flat_map(|c| c.text.chars())
            .map(ascii_digit)
            .collect();
        let before_is_space = out.last().is_some_and(|item| item.text == " ");
        let punctuation_before =
            before_is_space && out.len() >= 2 && out[out.len() - 2].class == Class::N;
        if before_is_space && (!rtl || punctuation_before) {
            out.pop();
        }
        out.push(Item {
            text: format!("[{}]", number.trim_start_matches('0')),
            class: Class::Marker,
        });
        let after_is_space = clusters.get(end).is_some_and(|c| c.text == " ");
        let punctuation_after = after_is_space
            && clusters
                .get(end + 1)
                .is_some_and(|c| class(&c.text) == Class::N);
        if after_is_space && (rtl || punctuation_after) {
            end += 1;
        }
        i = end;
    }
    out
}

fn is_digits(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || is_arabic_digit(c))
}

fn is_arabic_digit(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        other => other,
    }
}

fn class(text: &str) -> Class {
    let mut class = Class::N;
    for c in text.chars() {
        if is_arabic_letter(c) {
            return Class::R;
        }
        if c.is_alphabetic() {
            class = Class::L;
        } else if (c.is_ascii_digit() || is_arabic_digit(c)) && class == Class::N {
            class = Class::En;
        }
    }
    class
}

/// Characters that stay inside a number when single between two digits (2025-09-25, 1,000.5).
fn is_number_separator(text: &str) -> bool {
    matches!(
        text,
        "-" | "+" | "," | "." | "/" | ":" | "\u{066B}" | "\u{066C}" | "\u{2212}"
    )
}

/// The left-to-right runs of a reversed right-to-left line, as index ranges: letters and digits
/// with what joins them. Two runs separated only by spaces or punctuation are one run when a
/// side holds a Latin letter (a Latin phrase, "PDF 2025"); two numbers stay apart ("2025 2026"
/// reads right to left), while a single separator inside a number keeps it whole.
fn ltr_runs(items: &[Item]) -> Vec<(usize, usize)> {
    let strong = |i: usize| matches!(items[i].class, Class::L | Class::En);
    // First the tight runs: strong items, and single number separators between two digits.
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if !strong(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut latin = false;
        loop {
            latin |= items[i].class == Class::L;
            if i + 1 < items.len() && strong(i + 1) {
                i += 1;
            } else if i + 2 < items.len()
                && items[i].class == Class::En
                && is_number_separator(&items[i + 1].text)
                && items[i + 2].class == Class::En
            {
                i += 2;
            } else {
                break;
            }
        }
        runs.push((start, i + 1, latin));
        i += 1;
    }
    // Then runs joined across neutral gaps.
    let mut joined: Vec<(usize, usize, bool)> = Vec::new();
    for run in runs {
        if let Some(last) = joined.last_mut() {
            let gap_is_neutral = items[last.1..run.0]
                .iter()
                .all(|item| item.class == Class::N);
            if gap_is_neutral && (last.2 || run.2) {
                last.1 = run.1;
                last.2 = true;
                continue;
            }
        }
        joined.push(run);
    }
    joined.into_iter().map(|(s, e, _)| (s, e)).collect()
}

/// The Arabic runs of a left-to-right line: Arabic letters with the spaces and punctuation
/// between them.
fn rtl_runs(items: &[Item]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.class != Class::R {
            continue;
        }
        match runs.last_mut() {
            Some(last) if items[last.1..i].iter().all(|it| it.class == Class::N) => last.1 = i + 1,
            _ => runs.push((i, i + 1)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line drawn left to right from `visual`, one cluster per character ('^' raises the next
    /// character).
    fn line(visual: &str) -> Line {
        let mut clusters = Vec::new();
        let mut raise = false;
        for (i, c) in visual.chars().enumerate() {
            if c == '^' {
                raise = true;
                continue;
            }
            clusters.push(Cluster {
                x0: i as f64,
                x1: i as f64 + 1.0,
                text: c.to_string(),
                size: 10.0,
                superscript: raise,
            });
            raise = false;
        }
        Line {
            top: 0.0,
            size: 10.0,
            x0: 0.0,
            x1: 1.0,
            clusters,
        }
    }

    fn read(visual: &str) -> String {
        let rtl = visual
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        logical(&line(visual), rtl).text(false)
    }

    #[test]
    fn arabic_lines_are_reversed_and_their_numbers_and_latin_words_turned_back() {
        // «في 2025» drawn: 2025 on the left, then يف.
        assert_eq!(read("2025 يف"), "في 2025");
        assert_eq!(read("2025-09-25 خيرات"), "تاريخ 2025-09-25");
        assert_eq!(
            read("Download PDF لباق ريرقتلا ةدام"),
            "مادة التقرير قابل Download PDF"
        );
        // Two numbers apart read right to left.
        assert_eq!(read("2026 2025 نيب"), "بين 2025 2026");
        // A raised 1 after a word, drawn on its left.
        assert_eq!(read(".^1رتوت"), "توتر[1].");
    }

    #[test]
    fn latin_lines_keep_their_order_and_markers() {
        assert_eq!(read("Europe.^1 This"), "Europe.[1] This");
        assert_eq!(
            logical(&line("the word قارعلا here"), false).text(false),
            "the word العراق here"
        );
    }

    #[test]
    fn mirrored_brackets_are_detected_and_mirrored_back() {
        let l = logical(&line("( ةموكح) بر"), true);
        assert_eq!(l.text(false), "رب )حكومة (");
        assert!(brackets_mirrored(l.rtl_brackets()));
        assert_eq!(l.text(true), "رب (حكومة )");
        // Split over two lines, a mirrored pair still reads closing first.
        assert!(brackets_mirrored(
            ")(".chars().chain(")".chars()).chain("(".chars())
        ));
        assert!(!brackets_mirrored("()(".chars().chain(")".chars())));
    }
}
