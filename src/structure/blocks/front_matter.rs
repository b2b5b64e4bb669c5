//! The top of a brief, before its body: the title (once, however often it is repeated), the
//! date, and web-page residue such as «163 مشاهدة» or "Download PDF" that is no heading.

use super::paragraphs::{Paragraph, Shape};
use crate::search::fold_for_search;
use crate::structure::types::{BriefDate, Span};
use crate::structure::words::dates;
use crate::structure::words::keywords::word_is;
use crate::structure::words::tokens::{Kind, tokenize};

/// The body starts within this many paragraphs, or the front matter is the first paragraph.
pub(crate) const FRONT_LIMIT: usize = 8;
/// A paragraph of more words is prose, never front matter.
const PROSE_WORDS: usize = 16;
/// A title has at most this many words…
const TITLE_WORDS: usize = 30;
/// …and code points.
const TITLE_CHARS: usize = 300;
/// A date line has at most this many words besides the date (between separators)…
const DATE_EXTRA_WORDS: usize = 3;
/// …and this many in all.
const DATE_LINE_WORDS: usize = 12;
/// A residue line has at most this many words.
const NOISE_WORDS: usize = 6;

/// Whether paragraph `p` is prose: long, or a sentence.
pub(crate) fn is_prose(p: &Paragraph) -> bool {
    p.words > PROSE_WORDS || (p.words >= 3 && matches!(p.last, '.' | '!' | ':' | ';' | '؛' | '…'))
}

/// Where the body starts: the first paragraph (within [`FRONT_LIMIT`]) that is prose, a list
/// item or a note.
pub(crate) fn body_start(paras: &[Paragraph], shapes: &[Shape]) -> usize {
    let limit = paras.len().min(FRONT_LIMIT);
    (0..limit)
        .find(|&i| is_prose(&paras[i]) || shapes[i].label.is_some() || shapes[i].note.is_some())
        .unwrap_or(if paras.len() <= FRONT_LIMIT {
            paras.len()
        } else {
            1
        })
}

/// The date near the top: the first short paragraph among the first [`FRONT_LIMIT`] that is
/// mostly a date (skipping `skip`, the marked headings).
pub(crate) fn date(
    text: &str,
    paras: &[Paragraph],
    body_start: usize,
    skip: impl Fn(usize) -> bool,
) -> Option<(usize, BriefDate)> {
    (0..paras.len().min(FRONT_LIMIT))
        .filter(|&i| !skip(i))
        .find_map(|i| {
            let p = &paras[i];
            if i >= body_start && p.last == '.' {
                return None;
            }
            // A first line with more than a date ("Weekly brief, 25 September 2025") is the
            // title.
            let (date, extra) = date_with_extra(text, p)?;
            (i > 0 || extra <= 1).then_some((i, date))
        })
}

/// The date of a paragraph that is mostly a date ("Published 25 September 2025"), or whose
/// part between separators is ("Published 3 November 2025 | 6 min read").
pub(crate) fn date_line(text: &str, p: &Paragraph) -> Option<BriefDate> {
    date_with_extra(text, p).map(|(date, _)| date)
}

/// The date of a date line and how many other words its part has.
fn date_with_extra(text: &str, p: &Paragraph) -> Option<(BriefDate, usize)> {
    if p.words > DATE_LINE_WORDS {
        return None;
    }
    let own = p.text(text);
    let (start, end, date) = dates::find(own)?;
    let is_separator = |c: char| matches!(c, '|' | '·' | '•' | '—' | '–');
    let before = own[..start].rsplit(is_separator).next().unwrap_or("");
    let after = own[end..].split(is_separator).next().unwrap_or("");
    let extra = before.split_whitespace().count() + after.split_whitespace().count();
    let date = BriefDate {
        span: Span::new(p.char_at(text, start), p.char_at(text, end)),
        date,
    };
    (extra <= DATE_EXTRA_WORDS).then_some((date, extra))
}

/// Whether paragraph `p` could be a title.
pub(crate) fn is_title_like(text: &str, p: &Paragraph, shape: &Shape) -> bool {
    p.has_letter
        && p.words <= TITLE_WORDS
        && p.span.len() <= TITLE_CHARS
        && shape.label.is_none()
        && shape.note.is_none()
        && !matches!(p.last, '.' | ',' | '،' | ';' | '؛' | ':')
        && !is_noise(p.text(text))
}

/// Whether a short line is web-page residue: only counts, dates and words like «مشاهدة»,
/// «تحميل», "Download", "PDF", "Share", "min read".
pub(crate) fn is_noise(line: &str) -> bool {
    const NOISE: &[&str] = &[
        "download",
        "pdf",
        "print",
        "share",
        "view",
        "comment",
        "min",
        "minute",
        "read",
        "reading",
        "tweet",
        "email",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "telegram",
        "copy",
        "link",
        "save",
        "subscribe",
        "like",
        "مشاهده",
        "مشاهدات",
        "تحميل",
        "طباعه",
        "مشاركه",
        "شارك",
        "تعليق",
        "تعليقات",
        "دقيقه",
        "دقائق",
        "قراءه",
        "نسخ",
        "رابط",
        "حفظ",
        "اشترك",
        "زياره",
        "زيارات",
        "اعجاب",
        "ملف",
    ];
    let tokens = tokenize(line, 120);
    let mut words = 0;
    let mut noise = 0;
    for t in &tokens {
        if let Kind::Word(w) = &t.kind {
            words += 1;
            if word_is(w, NOISE) {
                noise += 1;
            }
        }
    }
    words > 0 && words == noise && line.split_whitespace().count() <= NOISE_WORDS
}

/// `text` folded for comparing titles: no harakat, bare letters, lower case, spaces collapsed.
pub(crate) fn comparable(text: &str) -> String {
    fold_for_search(text)
        .folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::blocks::paragraphs::split;

    #[test]
    fn residue_lines() {
        assert!(is_noise("163 مشاهدة"));
        assert!(is_noise("Download PDF"));
        assert!(is_noise("5 min read"));
        assert!(is_noise("تحميل الملف"));
        assert!(!is_noise("Print media"));
        assert!(!is_noise("2025-09-25"));
        assert!(!is_noise("الخُلاصة"));
    }

    #[test]
    fn the_body_starts_at_the_first_prose_or_item() {
        let text =
            "Title\n\n2025-10-14\n\nDownload PDF\n\nThis is the first sentence of it.\n\nMore.";
        let paras = split(text);
        let shapes: Vec<Shape> = paras.iter().map(|p| p.shape(text)).collect();
        assert_eq!(body_start(&paras, &shapes), 3);
        let (i, d) = date(text, &paras, 3, |_| false).expect("a date");
        assert_eq!(i, 1);
        assert_eq!(d.span.text(text), "2025-10-14");
        assert!(is_title_like(text, &paras[0], &shapes[0]));
        assert!(!is_title_like(text, &paras[2], &shapes[2]));
    }

    #[test]
    fn date_lines_are_mostly_a_date() {
        let text =
            "Published 14 October 2025\n\nSince 1 January 2024 the prices of oil have risen again.";
        let paras = split(text);
        assert!(date_line(text, &paras[0]).is_some());
        assert!(date_line(text, &paras[1]).is_none());
        let text = "Published 3 November 2025 | 6 min read";
        let paras = split(text);
        assert_eq!(
            date_line(text, &paras[0]).map(|d| d.span.text(text)),
            Some("3 November 2025")
        );
    }
}
