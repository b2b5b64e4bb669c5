//! Section headings: the ones the source marked, or — when it marked none — guessed ones: a
//! short paragraph with no final full stop, not a list item, note, date or residue, followed
//! by a longer paragraph or a list item. Also settles the front matter (title, date, residue),
//! since which short lines at the top are headings depends on it.

use super::front_matter::{self, comparable, date_line, is_noise, is_title_like};
use super::paragraphs::{Paragraph, Shape};
use crate::model::Heading;
use crate::structure::types::{BriefDate, Span};
use crate::structure::words::dates;

/// A guessed heading has at most this many words…
const HEADING_WORDS: usize = 16;
/// …and code points.
const HEADING_CHARS: usize = 200;
/// A heading ending with ':' has at most this many words ("الخلاصة:").
const COLON_HEADING_WORDS: usize = 4;
/// Guessed headings are at this level (a title is 1)…
const GUESSED_LEVEL: u8 = 2;
/// …or one deeper when directly under another guessed heading.
const SUB_LEVEL: u8 = 3;
/// Marked levels are clamped to 1..=this.
const MAX_LEVEL: u8 = 6;

/// What a paragraph is, as far as headings go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Body,
    Title,
    Date,
    /// Front matter that is none of the others.
    Residue,
    Heading,
}

/// A section heading and the paragraphs it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FoundHeading {
    pub span: Span,
    pub level: u8,
    /// First and last paragraph it covers.
    pub first: usize,
    pub last: usize,
}

/// The title, date, residue and section headings of a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Found {
    pub title: Option<Span>,
    pub date: Option<BriefDate>,
    pub residue: Vec<Span>,
    /// Section headings (the title not among them), in text order.
    pub headings: Vec<FoundHeading>,
    /// Per paragraph.
    pub roles: Vec<Role>,
}

/// Finds the front matter and the section headings: `marked` ones when there are any (see
/// [`crate::structure::detect`]), guessed ones otherwise.
pub(crate) fn find(text: &str, paras: &[Paragraph], shapes: &[Shape], marked: &[Heading]) -> Found {
    let mut headings = map_marked(paras, marked);
    let guessing = headings.is_empty();
    let mut roles = vec![Role::Body; paras.len()];
    for h in &headings {
        roles[h.first..=h.last].fill(Role::Heading);
    }
    let body_start = front_matter::body_start(paras, shapes);
    let date = front_matter::date(text, paras, body_start, |i| roles[i] == Role::Heading);
    if let Some((i, _)) = date {
        roles[i] = Role::Date;
    }

    // The title: a marked level-1 heading before the body, else the first title-like line.
    let mut title = None;
    if let Some(pos) = headings
        .iter()
        .position(|h| h.level == 1 && h.first < body_start)
    {
        let h = headings.remove(pos);
        roles[h.first..=h.last].fill(Role::Title);
        title = Some((h.span, h.first, h.last));
    } else if let Some(i) = (0..body_start)
        .find(|&i| roles[i] == Role::Body && is_title_like(text, &paras[i], &shapes[i]))
    {
        roles[i] = Role::Title;
        title = Some((paras[i].span, i, i));
    }

    // The rest of the front matter: repeats of the title and residue go; in a guessed text the
    // line just before the body is its first heading.
    let title_text = title.map(|(_, first, last)| {
        comparable(
            text.get(paras[first].byte_start..paras[last].byte_end)
                .unwrap_or(""),
        )
    });
    // A title that carries the date ("Weekly brief, 25 September 2025") dates the brief when
    // no line of its own does.
    let date = date.map(|(_, d)| d).or_else(|| {
        let (_, first, last) = title?;
        let p = &paras[first];
        let own = text.get(p.byte_start..paras[last].byte_end)?;
        let (start, end, date) = dates::find(own)?;
        let start_char = p.span.start + own[..start].chars().count();
        Some(BriefDate {
            span: Span::new(start_char, start_char + own[start..end].chars().count()),
            date,
        })
    });
    let mut residue = Vec::new();
    for i in 0..body_start {
        let p = &paras[i];
        let repeat = title_text
            .as_ref()
            .is_some_and(|t| p.words <= 40 && comparable(p.text(text)) == *t);
        match roles[i] {
            Role::Body | Role::Heading if repeat => {
                headings.retain(|h| !(h.first..=h.last).contains(&i));
                roles[i] = Role::Residue;
                residue.push(p.span);
            }
            Role::Body
                if guessing
                    && i + 1 == body_start
                    && body_start < paras.len()
                    && heading_shaped(text, p, &shapes[i]) =>
            {
                roles[i] = Role::Heading;
                headings.push(FoundHeading {
                    span: p.span,
                    level: GUESSED_LEVEL,
                    first: i,
                    last: i,
                });
            }
            Role::Body => {
                roles[i] = Role::Residue;
                residue.push(p.span);
            }
            _ => {}
        }
    }
    if guessing {
        guess(text, paras, shapes, body_start, &mut roles, &mut headings);
    }
    headings.sort_by_key(|h| (h.span.start, h.span.end));
    Found {
        title: title.map(|(span, _, _)| span),
        date,
        residue,
        headings,
        roles,
    }
}

/// The marked headings that fall on paragraphs, clamped to them, in text order.
fn map_marked(paras: &[Paragraph], marked: &[Heading]) -> Vec<FoundHeading> {
    let mut out: Vec<FoundHeading> = Vec::new();
    let mut sorted: Vec<&Heading> = marked.iter().filter(|h| h.start < h.end).collect();
    sorted.sort_by_key(|h| (h.start, h.end));
    for h in sorted {
        // The first paragraph ending after the heading's start.
        let first = paras.partition_point(|p| p.span.end <= h.start);
        let Some(p) = paras.get(first) else { break };
        if p.span.start >= h.end {
            continue;
        }
        let last = first + paras[first..].partition_point(|p| p.span.start < h.end) - 1;
        let span = Span::new(h.start.max(p.span.start), h.end.min(paras[last].span.end));
        if out.last().is_some_and(|o| o.span == span) {
            continue;
        }
        out.push(FoundHeading {
            span,
            level: h.level.clamp(1, MAX_LEVEL),
            first,
            last,
        });
    }
    out
}

/// Whether a paragraph is shaped like a heading: short, with a letter, no final full stop, no
/// label, not a note, date or residue.
pub(crate) fn heading_shaped(text: &str, p: &Paragraph, shape: &Shape) -> bool {
    p.has_letter
        && p.words <= HEADING_WORDS
        && p.span.len() <= HEADING_CHARS
        && shape.label.is_none()
        && shape.note.is_none()
        && !matches!(p.last, '.' | ',' | '،' | ';' | '؛' | '!' | '…')
        && (p.last != ':' || p.words <= COLON_HEADING_WORDS)
        && !is_noise(p.text(text))
        && date_line(text, p).is_none()
}

/// Guesses the headings of the body: heading-shaped paragraphs followed by a longer paragraph
/// or a list item, or by such a heading (then one level deeper).
fn guess(
    text: &str,
    paras: &[Paragraph],
    shapes: &[Shape],
    body_start: usize,
    roles: &mut [Role],
    headings: &mut Vec<FoundHeading>,
) {
    let n = paras.len();
    let shaped: Vec<bool> = (0..n)
        .map(|i| {
            i >= body_start && roles[i] == Role::Body && heading_shaped(text, &paras[i], &shapes[i])
        })
        .collect();
    let leads = |i: usize| {
        shaped[i]
            && paras
                .get(i + 1)
                .is_some_and(|next| next.words > paras[i].words || shapes[i + 1].label.is_some())
    };
    let mut previous_guessed = false;
    for i in body_start..n {
        let heading = leads(i) || (shaped[i] && i + 1 < n && leads(i + 1));
        if heading {
            let level = if previous_guessed {
                SUB_LEVEL
            } else {
                GUESSED_LEVEL
            };
            roles[i] = Role::Heading;
            headings.push(FoundHeading {
                span: paras[i].span,
                level,
                first: i,
                last: i,
            });
        }
        previous_guessed = heading;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::blocks::paragraphs::split;

    fn found(text: &str, marked: &[Heading]) -> Found {
        let paras = split(text);
        let shapes: Vec<Shape> = paras.iter().map(|p| p.shape(text)).collect();
        find(text, &paras, &shapes, marked)
    }

    fn heading_texts<'t>(text: &'t str, f: &Found) -> Vec<(&'t str, u8)> {
        f.headings
            .iter()
            .map(|h| (h.span.text(text), h.level))
            .collect()
    }

    const BODY: &str = "This paragraph is the body of the brief and it is long enough to be prose.";

    #[test]
    fn a_repeated_title_is_one_title_and_residue_is_no_heading() {
        let text = format!(
            "The Title\n\nThe Title\n\n2025-09-25\n163 مشاهدة\nDownload PDF\n\n{BODY}\n\nA heading\n\n{BODY}"
        );
        let f = found(&text, &[]);
        assert_eq!(f.title.map(|t| t.text(&text)), Some("The Title"));
        assert_eq!(f.date.map(|d| d.span.text(&text)), Some("2025-09-25"));
        let residue: Vec<&str> = f.residue.iter().map(|s| s.text(&text)).collect();
        assert_eq!(residue, vec!["The Title", "163 مشاهدة", "Download PDF"]);
        assert_eq!(heading_texts(&text, &f), vec![("A heading", 2)]);
    }

    #[test]
    fn a_title_with_a_date_stays_the_title_and_dates_the_brief() {
        let text = format!("Weekly brief, 25 September 2025\n\n{BODY}");
        let f = found(&text, &[]);
        assert_eq!(
            f.title.map(|t| t.text(&text)),
            Some("Weekly brief, 25 September 2025")
        );
        assert_eq!(
            f.date.map(|d| d.span.text(&text)),
            Some("25 September 2025")
        );
        let text = format!("Published 25 September 2025\n\nThe Title\n\n{BODY}");
        let f = found(&text, &[]);
        assert_eq!(f.title.map(|t| t.text(&text)), Some("The Title"));
        assert_eq!(
            f.date.map(|d| d.span.text(&text)),
            Some("25 September 2025")
        );
    }

    #[test]
    fn the_line_before_the_body_is_a_heading() {
        let text = format!("The Title\n\nIntroduction\n\n{BODY}");
        let f = found(&text, &[]);
        assert_eq!(heading_texts(&text, &f), vec![("Introduction", 2)]);
    }

    #[test]
    fn a_heading_directly_over_another_is_one_level_up() {
        let text = format!("{BODY}\n\nPart two of the brief\n\nDrivers\n\n{BODY}\n\nEnd.");
        let f = found(&text, &[]);
        assert_eq!(
            heading_texts(&text, &f),
            vec![("Part two of the brief", 2), ("Drivers", 3)]
        );
    }

    #[test]
    fn lead_ins_sentences_and_short_last_lines_are_not_headings() {
        let text = format!(
            "{BODY}\n\nFour factors will decide whether and when shipping returns:\n\n1. One thing: the first.\n\nShort sentence.\n\n{BODY}\n\nThe end"
        );
        assert!(found(&text, &[]).headings.is_empty());
    }

    #[test]
    fn marked_headings_override_guessing() {
        let text = format!("Title\n\n{BODY}\n\nNot marked\n\n{BODY}\n\nMarked\n\n{BODY}");
        let title_end = 5;
        let marked_start = text.chars().count() - BODY.chars().count() - 2 - 6;
        let marked = [
            Heading {
                start: 0,
                end: title_end,
                level: 1,
            },
            Heading {
                start: marked_start,
                end: marked_start + 6,
                level: 2,
            },
            // Out of range or empty: ignored.
            Heading {
                start: 10_000,
                end: 10_010,
                level: 2,
            },
            Heading {
                start: 3,
                end: 3,
                level: 2,
            },
        ];
        let f = found(&text, &marked);
        assert_eq!(f.title.map(|t| t.text(&text)), Some("Title"));
        assert_eq!(heading_texts(&text, &f), vec![("Marked", 2)]);
    }
}
