//! Numbered items: labelled paragraphs grouped into lists (consecutive numbers, one style, one
//! section; a list may hold another, as sub-bullets under item 2), each item's title, body and
//! continuation, and what each list is for the analyst — determinants or scenarios — from its
//! labels, the lead-in before it or the section it is in.

use std::collections::HashSet;

use super::footnotes::NotesRegion;
use super::sections::Sections;
use crate::structure::blocks::headings::{Found, Role};
use crate::structure::blocks::paragraphs::{Paragraph, Shape};
use crate::structure::types::{
    Item, ItemRole, LabelStyle, List, MAX_ITEMS, MAX_NAME_CHARS, SectionKind, Span,
};
use crate::structure::words::chars::is_blank;
use crate::structure::words::keywords::words;
use crate::structure::words::labels::Label;
use crate::structure::words::{determinants, scenarios};

/// Lists open at once (nested) at most.
const MAX_DEPTH: usize = 8;
/// Bulleted items separated by more unlabelled paragraphs than this are two lists.
const BULLET_GAP: usize = 1;

/// Byte ranges of an item's parts in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ItemBytes {
    pub title: Option<(usize, usize)>,
    pub body: (usize, usize),
    /// The continuation after the paragraph (empty when there is none).
    pub continuation: (usize, usize),
    pub extent: (usize, usize),
    pub paragraph: (usize, usize),
}

/// The items and lists of a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Items {
    pub items: Vec<Item>,
    pub lists: Vec<List>,
    /// Per item.
    pub bytes: Vec<ItemBytes>,
}

/// A list being read.
struct Open {
    style: LabelStyle,
    /// The last number in each of the two orders (see [`Label::alt`]), and whether the list
    /// still follows that order.
    last: [u32; 2],
    follows: [bool; 2],
    owner: Option<usize>,
    members: Vec<(usize, Label)>,
}

impl Open {
    fn new(para: usize, label: Label, owner: Option<usize>) -> Self {
        Self {
            style: label.style,
            last: [label.number, label.alt],
            follows: [true, true],
            owner,
            members: vec![(para, label)],
        }
    }

    fn last_para(&self) -> usize {
        self.members.last().map_or(0, |(p, _)| *p)
    }

    /// Whether `label` on paragraph `para` is this list's next item.
    fn continues_with(&self, para: usize, label: &Label) -> bool {
        if label.style != self.style {
            return false;
        }
        if label.style == LabelStyle::Bullet {
            return para <= self.last_para() + BULLET_GAP + 1;
        }
        if label.number == 0 {
            // Named scenarios, numbered by their place.
            return self.last[0] == 0;
        }
        (self.follows[0] && label.number == self.last[0].saturating_add(1))
            || (self.follows[1] && label.alt == self.last[1].saturating_add(1))
    }

    fn push(&mut self, para: usize, label: Label) {
        self.follows[0] &= label.number == self.last[0].saturating_add(1);
        self.follows[1] &= label.alt == self.last[1].saturating_add(1);
        self.last = [label.number, label.alt];
        self.members.push((para, label));
    }

    /// Whether it is a list at all: two items, or one with a label that is unmistakably one.
    fn is_list(&self) -> bool {
        self.members.len() >= 2
            || matches!(
                self.style,
                LabelStyle::Decimal
                    | LabelStyle::Bullet
                    | LabelStyle::Scenario
                    | LabelStyle::Determinant
            )
    }
}

/// Where a list's role came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Label,
    LeadIn,
    Section,
}

/// Reads the items of a text.
pub(crate) fn detect(
    text: &str,
    paras: &[Paragraph],
    shapes: &[Shape],
    found: &Found,
    sections: &Sections,
    notes: Option<&NotesRegion>,
) -> Items {
    let lists = group(shapes, found, sections, notes);
    let roles = roles(text, paras, shapes, found, sections, notes, &lists);
    build(text, paras, shapes, found, notes, &lists, &roles)
}

/// Groups the labelled paragraphs into lists, in order of their first items.
fn group(
    shapes: &[Shape],
    found: &Found,
    sections: &Sections,
    notes: Option<&NotesRegion>,
) -> Vec<Open> {
    let mut done: Vec<Open> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut taken = 0;
    for (i, shape) in shapes.iter().enumerate() {
        let Some(label) = shape.label else {
            continue;
        };
        let role = found.roles[i];
        if !matches!(role, Role::Body | Role::Heading) || notes.is_some_and(|r| r.contains(i)) {
            continue;
        }
        taken += 1;
        if taken > MAX_ITEMS {
            break;
        }
        let owner = sections.owner(i, role == Role::Heading);
        if stack.first().is_some_and(|o| o.owner != owner) {
            done.append(&mut stack);
        }
        if let Some(d) = stack.iter().rposition(|o| o.continues_with(i, &label)) {
            done.extend(stack.drain(d + 1..));
            stack[d].push(i, label);
            continue;
        }
        if let Some(d) = stack.iter().position(|o| o.style == label.style) {
            done.extend(stack.drain(d..));
        }
        if stack.len() >= MAX_DEPTH {
            done.push(stack.remove(0));
        }
        stack.push(Open::new(i, label, owner));
    }
    done.append(&mut stack);
    done.retain(Open::is_list);
    done.sort_by_key(|o| o.members.first().map_or(0, |(p, _)| *p));
    done
}

/// What each list is for, and where that came from.
fn roles(
    text: &str,
    paras: &[Paragraph],
    shapes: &[Shape],
    found: &Found,
    sections: &Sections,
    notes: Option<&NotesRegion>,
    lists: &[Open],
) -> Vec<ItemRole> {
    let mut out: Vec<(ItemRole, Source)> = lists
        .iter()
        .map(|list| {
            match list.style {
                LabelStyle::Scenario => return (ItemRole::Scenario, Source::Label),
                LabelStyle::Determinant => return (ItemRole::Determinant, Source::Label),
                _ => {}
            }
            let first = list.members.first().map_or(0, |(p, _)| *p);
            if let Some(role) = lead_in(text, paras, shapes, found, notes, first) {
                return (role, Source::LeadIn);
            }
            let role = match sections.effective_kind(list.owner) {
                SectionKind::Determinants | SectionKind::Motives => ItemRole::Determinant,
                SectionKind::Scenarios => ItemRole::Scenario,
                _ => ItemRole::Plain,
            };
            (role, Source::Section)
        })
        .collect();
    // A section whose scenarios (or determinants) are labelled as such has sub-points in its
    // other lists, not more scenarios; one whose are numbered has sub-points in its bullets.
    let mut labelled: HashSet<(Option<usize>, ItemRole)> = HashSet::new();
    let mut numbered: HashSet<(Option<usize>, ItemRole)> = HashSet::new();
    for (list, (role, source)) in lists.iter().zip(&out) {
        if *role == ItemRole::Plain {
            continue;
        }
        if *source == Source::Label {
            labelled.insert((list.owner, *role));
        } else if list.style != LabelStyle::Bullet {
            numbered.insert((list.owner, *role));
        }
    }
    for (list, (role, source)) in lists.iter().zip(out.iter_mut()) {
        if *source != Source::Section || *role == ItemRole::Plain {
            continue;
        }
        let key = (list.owner, *role);
        if labelled.contains(&key) || (list.style == LabelStyle::Bullet && numbered.contains(&key))
        {
            *role = ItemRole::Plain;
        }
    }
    out.into_iter().map(|(role, _)| role).collect()
}

/// The role a lead-in gives the list after it: the unlabelled paragraph just before the list,
/// ending with ':', naming scenarios or determinants ("Four factors will decide…:").
fn lead_in(
    text: &str,
    paras: &[Paragraph],
    shapes: &[Shape],
    found: &Found,
    notes: Option<&NotesRegion>,
    first: usize,
) -> Option<ItemRole> {
    let j = first.checked_sub(1)?;
    let p = &paras[j];
    if found.roles[j] != Role::Body
        || shapes[j].label.is_some()
        || notes.is_some_and(|r| r.contains(j))
        || !matches!(p.last, ':' | '：')
    {
        return None;
    }
    let w = words(p.text(text));
    if scenarios::LEAD_IN.found_in(&w) {
        Some(ItemRole::Scenario)
    } else if determinants::LEAD_IN.found_in(&w) {
        Some(ItemRole::Determinant)
    } else {
        None
    }
}

/// Makes the items, in text order.
fn build(
    text: &str,
    paras: &[Paragraph],
    shapes: &[Shape],
    found: &Found,
    notes: Option<&NotesRegion>,
    lists: &[Open],
    roles: &[ItemRole],
) -> Items {
    let mut members: Vec<(usize, usize, usize)> = Vec::new(); // (para, list, position)
    for (l, list) in lists.iter().enumerate() {
        for (position, (para, _)) in list.members.iter().enumerate() {
            members.push((*para, l, position));
        }
    }
    members.sort_unstable();
    let mut out = Items {
        items: Vec::with_capacity(members.len()),
        lists: lists
            .iter()
            .zip(roles)
            .map(|(list, role)| List {
                items: Vec::new(),
                style: list.style,
                role: *role,
                section: list.owner,
            })
            .collect(),
        bytes: Vec::with_capacity(members.len()),
    };
    let stops = |j: usize| {
        matches!(found.roles[j], Role::Heading | Role::Title)
            || notes.is_some_and(|r| r.contains(j))
    };
    for (para, l, position) in members {
        let list = &lists[l];
        let label = list.members[position].1;
        let p = &paras[para];
        let own = p.text(text);
        let is_heading = found.roles[para] == Role::Heading;
        let (title, body_start) = split_title(own, label.rest);
        // The paragraphs that continue the item.
        let last_para = if let Some((next, _)) = list.members.get(position + 1) {
            let mut end = para;
            while end + 1 < *next && (is_heading || !stops(end + 1)) {
                end += 1;
            }
            end
        } else if is_heading {
            let mut end = para;
            while end + 1 < paras.len() && !stops(end + 1) {
                end += 1;
            }
            end
        } else if body_start >= own.len()
            && para + 1 < paras.len()
            && found.roles[para + 1] == Role::Body
            && shapes[para + 1].label.is_none()
            && !stops(para + 1)
        {
            para + 1
        } else {
            para
        };
        let last = &paras[last_para];
        let char_at = |offset: usize| {
            if offset >= own.len() {
                p.span.end
            } else {
                p.char_at(text, offset)
            }
        };
        let number = if label.number == 0 {
            u32::try_from(position + 1).unwrap_or(u32::MAX)
        } else {
            label.number
        };
        let index = out.items.len();
        out.lists[l].items.push(index);
        out.items.push(Item {
            span: p.span,
            extent: Span::new(p.span.start, last.span.end),
            label: Span::new(p.span.start, char_at(label.end)),
            label_text: own[..label.end].to_owned(),
            style: label.style,
            number,
            title: title.map(|(a, b)| Span::new(char_at(a), char_at(b))),
            body: Span::new(char_at(body_start), p.span.end),
            list: l,
            role: roles[l],
            is_heading,
        });
        let base = p.byte_start;
        out.bytes.push(ItemBytes {
            title: title.map(|(a, b)| (base + a, base + b)),
            body: (base + body_start.min(own.len()), p.byte_end),
            continuation: if last_para > para {
                (paras[para + 1].byte_start, last.byte_end)
            } else {
                (p.byte_end, p.byte_end)
            },
            extent: (p.byte_start, last.byte_end),
            paragraph: (p.byte_start, p.byte_end),
        });
    }
    out
}

/// The title of an item whose text after the label starts at byte `rest` of `own`: the words
/// before the first ':' '،' ',' ';' '.' (ending a sentence) or spaced dash, if at most
/// [`MAX_NAME_CHARS`] code points; the whole rest when it is that short and has none. Also
/// where the body starts (after the title's punctuation, or at `rest` when there is no title).
pub(crate) fn split_title(own: &str, rest: usize) -> (Option<(usize, usize)>, usize) {
    let rest = rest.min(own.len());
    let after = &own[rest..];
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    let mut chars = after.char_indices().peekable();
    let mut count = 0;
    while let Some((offset, c)) = chars.next() {
        if count > MAX_NAME_CHARS {
            return (None, rest);
        }
        let next = chars.peek().map(|(_, c)| *c);
        let ends = match c {
            ':' | '،' | ',' | ';' | '؛' | '?' | '؟' | '!' => true,
            '.' => next.is_none_or(is_blank) && !is_initial(prev, prev2),
            '-' | '–' | '—' => prev.is_some_and(is_blank) && next.is_none_or(is_blank),
            _ => false,
        };
        if ends {
            let title = after[..offset].trim_end_matches(is_blank);
            let tail = &after[offset + c.len_utf8()..];
            let body = own.len() - tail.trim_start_matches(is_blank).len();
            let title = (!title.is_empty()).then_some((rest, rest + title.len()));
            return (title, body);
        }
        count += 1;
        prev2 = prev;
        prev = Some(c);
    }
    let title = after.trim_end_matches(is_blank);
    if title.is_empty() {
        (None, own.len())
    } else {
        (Some((rest, rest + title.len())), own.len())
    }
}

/// Whether the '.' after `prev` ends an initial ("U.S.", "J. Smith"): a single capital.
fn is_initial(prev: Option<char>, prev2: Option<char>) -> bool {
    prev.is_some_and(char::is_uppercase) && prev2.is_none_or(|c| !c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str, rest: usize) -> (Option<&str>, &str) {
        let (title, body) = split_title(s, rest);
        (title.map(|(a, b)| &s[a..b]), &s[body..])
    }

    #[test]
    fn titles_end_at_the_first_stop() {
        assert_eq!(
            split("1. تهديدات داعش: تُمثّل قضية", 3),
            (Some("تهديدات داعش"), "تُمثّل قضية")
        );
        assert_eq!(
            split(
                "السيناريو الأول: التحوُّل لشراكة موسَّعة، يفترض هذا",
                "السيناريو الأول: ".len()
            ),
            (Some("التحوُّل لشراكة موسَّعة"), "يفترض هذا")
        );
        assert_eq!(
            split("Scenario 1: A gradual return. A ceasefire holds.", 12),
            (Some("A gradual return"), "A ceasefire holds.")
        );
        assert_eq!(
            split("- The U.S. role - declining fast", 2),
            (Some("The U.S. role"), "declining fast")
        );
        assert_eq!(split("1. تهديدات داعش", 3), (Some("تهديدات داعش"), ""));
    }

    #[test]
    fn long_titles_are_no_titles() {
        let long = format!("1. {} end: body", "word ".repeat(30));
        assert_eq!(split(&long, 3), (None, &long[3..]));
        let long = format!("1. {}", "word ".repeat(30));
        assert_eq!(split(&long, 3).0, None);
    }
}
