//! Footnotes and endnotes: the markers in the body (`<sup><a href="#fn1">1</a></sup>`,
//! `role="doc-noteref"`, `class="footnote-ref"`, a bare `<sup>1</sup>` when the page has a note 1)
//! and the notes they point to (`role="doc-endnotes"`, `class="footnotes"`, the `<li>` or `<p>` a
//! marker links to), so that the body writes `[n]` and the notes follow it.

use std::collections::{HashMap, HashSet};

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};

use super::root::TextWeights;

/// A note: the element holding its text and the number it has in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Note {
    pub node: NodeId,
    pub number: u32,
}

/// The notes of a page and how the body refers to them.
#[derive(Debug, Default)]
pub(super) struct Notes {
    /// Body elements that stand for a marker, with the number the body writes as `[n]`.
    pub markers: HashMap<NodeId, u32>,
    /// The notes, in the order they follow the body.
    pub notes: Vec<Note>,
    /// Headings inside a notes section («الهوامش», "Notes"), written before the notes.
    pub headings: Vec<NodeId>,
    /// Notes sections and notes: the body leaves them out.
    pub skip: HashSet<NodeId>,
    /// The position of every element in document order, to tell a link back from one forward.
    order: HashMap<NodeId, u32>,
    /// Elements by `id` (and `<a name>`, as Word writes note anchors).
    ids: HashMap<String, NodeId>,
}

impl Notes {
    /// Whether `element` (inside the note at `note`) is a link back to the marker, or an arrow
    /// that only serves as one: left out of the note's text.
    #[must_use]
    pub(super) fn is_backlink(
        &self,
        node: NodeRef<'_, Node>,
        element: &Element,
        note: NodeId,
    ) -> bool {
        if element.name() != "a" {
            return false;
        }
        if element
            .attr("role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("doc-backlink"))
            || element.classes().any(|c| {
                let c = c.to_ascii_lowercase();
                c.contains("backref") || c.contains("backlink") || c.contains("footnote-back")
            })
        {
            return true;
        }
        if let Some((_, target)) = element.attr("href").and_then(|h| self.target(h))
            && self.order.get(&target) < self.order.get(&note)
        {
            return true;
        }
        let text = text_of(node, 16);
        !text.is_empty()
            && text
                .chars()
                .all(|c| ARROWS.contains(&c) || c.is_whitespace())
    }

    /// The element an in-page link (`#id`) points to, and the id.
    fn target(&self, href: &str) -> Option<(String, NodeId)> {
        let fragment = href.trim().strip_prefix('#')?;
        if fragment.is_empty() || fragment.len() > 200 {
            return None;
        }
        if let Some(&id) = self.ids.get(fragment) {
            return Some((fragment.to_owned(), id));
        }
        let decoded = percent_decode(fragment);
        self.ids.get(&decoded).map(|&id| (decoded, id))
    }

    fn is_after(&self, a: NodeId, b: NodeId) -> bool {
        self.order.get(&a) > self.order.get(&b)
    }
}

/// Characters that only point back up to the text.
const ARROWS: &[char] = &['↩', '↑', '⤴', '^', '⇧', '↰', '\u{fe0e}', '\u{fe0f}'];

/// Notes and markers a page may have; past this, links are left as they are. A long report has
/// a few hundred notes.
const MAX_NOTES: usize = 2_000;

/// Finds the notes of the article at `root` and the markers in it.
#[must_use]
pub(super) fn find(html: &Html, root: NodeRef<'_, Node>, weights: &TextWeights) -> Notes {
    let mut notes = Notes::default();
    let (containers, in_container) = index(html, &mut notes);
    let max_note_weight = (weights.of(root.id()) / 3).max(2_000);
    let above_root: HashSet<NodeId> = root.ancestors().map(|a| a.id()).collect();

    // Linked markers: a short link forward to an element that holds a note.
    let mut units: HashMap<NodeId, u32> = HashMap::new();
    let mut next_number = 1;
    let mut tried = 0;
    for node in outside(root, |id| containers.contains(&id)) {
        if notes.markers.len() >= MAX_NOTES {
            break;
        }
        let Some(element) = node.value().as_element().filter(|e| e.name() == "a") else {
            continue;
        };
        let Some((fragment, target)) = element.attr("href").and_then(|h| notes.target(h)) else {
            continue;
        };
        if !notes.is_after(target, node.id()) {
            continue;
        }
        let text = text_of(node, 24);
        if text.chars().count() > 8
            || !looks_like_marker(node, element, &fragment, in_container.contains(&target))
        {
            continue;
        }
        tried += 1;
        if tried > 4 * MAX_NOTES {
            break;
        }
        let Some(unit) = unit_of(html, target, node, &above_root, weights, max_note_weight) else {
            continue;
        };
        let number = match number_in(&text) {
            Some(n) => n,
            None => units.get(&unit).copied().unwrap_or(next_number),
        };
        next_number = next_number.max(number.saturating_add(1));
        notes.markers.insert(marker_element(node, &text), number);
        units.entry(unit).or_insert(number);
    }

    // Notes sections: those holding a linked note, or, when nothing links, those in or after
    // the article, whose items are the notes.
    let linked = !units.is_empty();
    let holding: HashSet<NodeId> = units
        .keys()
        .filter_map(|&u| html.tree.get(u))
        .filter_map(|u| {
            u.ancestors()
                .map(|a| a.id())
                .find(|a| containers.contains(a))
        })
        .collect();
    let root_order = notes.order.get(&root.id()).copied().unwrap_or(0);
    let mut sections: Vec<NodeId> = containers
        .iter()
        .copied()
        .filter(|c| {
            if linked {
                holding.contains(c)
            } else {
                notes.order.get(c).copied().unwrap_or(0) >= root_order && !above_root.contains(c)
            }
        })
        .collect();
    sections.sort_by_key(|c| notes.order.get(c).copied().unwrap_or(u32::MAX));
    for &section in sections.iter().take(MAX_NOTES) {
        let Some(node) = html.tree.get(section) else {
            continue;
        };
        if !linked {
            for (unit, number) in items_of(node) {
                if units.len() >= MAX_NOTES {
                    break;
                }
                units.entry(unit).or_insert(number);
            }
        }
        notes.skip.insert(section);
        let headings = outside(node, |id| units.contains_key(&id)).filter(|d| {
            d.value()
                .as_element()
                .is_some_and(|e| super::classify::heading_level(e).is_some())
        });
        notes.headings.extend(headings.map(|d| d.id()).take(8));
    }

    // Bare `<sup>n</sup>` markers, for notes that nothing links to.
    let numbers: HashSet<u32> = units.values().copied().collect();
    if !numbers.is_empty() {
        let mut found = Vec::new();
        let left_out = |id: NodeId| {
            notes.skip.contains(&id) || units.contains_key(&id) || notes.markers.contains_key(&id)
        };
        for node in outside(root, left_out) {
            if found.len() + notes.markers.len() >= MAX_NOTES {
                break;
            }
            if node.value().as_element().is_none_or(|e| e.name() != "sup") {
                continue;
            }
            let text = text_of(node, 16);
            if let Some(number) = number_in(&text).filter(|n| numbers.contains(n)) {
                found.push((node.id(), number));
            }
        }
        notes.markers.extend(found);
    }

    let mut list: Vec<Note> = units
        .into_iter()
        .map(|(node, number)| Note { node, number })
        .collect();
    list.sort_by_key(|n| notes.order.get(&n.node).copied().unwrap_or(u32::MAX));
    notes.skip.extend(list.iter().map(|n| n.node));
    notes.notes = list;
    notes
}

/// The nodes under `top` in document order, leaving out the subtrees of the elements
/// `left_out` names (but not `top` itself), without recursion.
fn outside<'a>(
    top: NodeRef<'a, Node>,
    left_out: impl Fn(NodeId) -> bool + 'a,
) -> impl Iterator<Item = NodeRef<'a, Node>> + 'a {
    let mut skipping: Option<NodeId> = None;
    top.traverse().filter_map(move |edge| match edge {
        Edge::Open(node) => {
            if skipping.is_some() {
                return None;
            }
            if node.id() != top.id() && left_out(node.id()) {
                skipping = Some(node.id());
                return None;
            }
            Some(node)
        }
        Edge::Close(node) => {
            if skipping == Some(node.id()) {
                skipping = None;
            }
            None
        }
    })
}

/// Fills the document order and the id index; returns the outermost notes sections and the
/// elements with an id that sit inside one.
fn index(html: &Html, notes: &mut Notes) -> (HashSet<NodeId>, HashSet<NodeId>) {
    let mut containers = HashSet::new();
    let mut in_container = HashSet::new();
    let mut inside_container: Option<NodeId> = None;
    let mut position = 0u32;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                notes.order.insert(node.id(), position);
                position += 1;
                let name = element.attr("name").filter(|_| element.name() == "a");
                for key in [element.id(), name].into_iter().flatten() {
                    if !key.is_empty() && key.len() <= 200 {
                        notes.ids.entry(key.to_owned()).or_insert(node.id());
                        if inside_container.is_some() {
                            in_container.insert(node.id());
                        }
                    }
                }
                if inside_container.is_none() && is_notes_section(element) {
                    inside_container = Some(node.id());
                    containers.insert(node.id());
                }
            }
            Edge::Close(node) => {
                if inside_container == Some(node.id()) {
                    inside_container = None;
                }
            }
        }
    }
    (containers, in_container)
}

/// `role="doc-endnotes"`/`"doc-footnotes"`, or a block whose class or id says footnotes.
fn is_notes_section(element: &Element) -> bool {
    if element.attr("role").is_some_and(|r| {
        let r = r.trim().to_ascii_lowercase();
        r == "doc-endnotes" || r == "doc-footnotes"
    }) {
        return true;
    }
    if !matches!(
        element.name(),
        "div" | "section" | "aside" | "footer" | "ol" | "ul" | "dl"
    ) {
        return false;
    }
    let named = |value: &str| {
        let value = value.to_ascii_lowercase();
        value
            .split(['-', '_', ' '])
            .any(|w| matches!(w, "footnotes" | "footnote" | "endnotes" | "endnote"))
    };
    element.classes().any(named) || element.id().is_some_and(named)
}

/// Whether a link to the element with id `fragment` is a note marker and not an ordinary
/// in-page link ("see section 3").
fn looks_like_marker(
    node: NodeRef<'_, Node>,
    element: &Element,
    fragment: &str,
    target_in_notes: bool,
) -> bool {
    if target_in_notes
        || element
            .attr("role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("doc-noteref"))
    {
        return true;
    }
    let note_word = |value: &str| {
        let value = value.to_ascii_lowercase();
        ["footnote", "fnref", "noteref", "ftn", "endnote", "edn"]
            .iter()
            .any(|w| value.contains(w))
    };
    if element.classes().any(note_word) {
        return true;
    }
    let is_sup = |n: NodeRef<'_, Node>| n.value().as_element().is_some_and(|e| e.name() == "sup");
    if node.ancestors().take(2).any(is_sup) || node.children().take(4).any(is_sup) {
        return true;
    }
    let fragment = fragment.to_ascii_lowercase();
    let stem = fragment
        .trim_start_matches('_')
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '-');
    matches!(
        stem,
        "fn" | "ftn" | "footnote" | "endnote" | "edn" | "note" | "en"
    )
}

/// The element that holds the note `target` belongs to: the target itself when it is a block
/// (`<li id="fn1">`), else the nearest block around it (`<p><a name="_ftn1">`). `None` when that
/// would be the marker's own paragraph, the article itself, or far too long for a note.
fn unit_of(
    html: &Html,
    target: NodeId,
    marker: NodeRef<'_, Node>,
    above_root: &HashSet<NodeId>,
    weights: &TextWeights,
    max_weight: usize,
) -> Option<NodeId> {
    let target = html.tree.get(target)?;
    let unit = std::iter::once(target)
        .chain(target.ancestors())
        .take(8)
        .find(|n| {
            n.value().as_element().is_some_and(|e| {
                matches!(
                    e.name(),
                    "li" | "p"
                        | "div"
                        | "dd"
                        | "dt"
                        | "aside"
                        | "section"
                        | "footer"
                        | "blockquote"
                        | "td"
                        | "body"
                )
            })
        })?;
    let bad = above_root.contains(&unit.id())
        || marker.ancestors().any(|a| a.id() == unit.id())
        || weights.of(unit.id()) > max_weight
        || unit
            .value()
            .as_element()
            .is_some_and(|e| e.name() == "body");
    (!bad).then_some(unit.id())
}

/// The items of a notes section nothing links to: its outermost `<li>`s numbered as their list
/// numbers them, else its `<p>`s numbered by their leading label or in turn.
fn items_of(section: NodeRef<'_, Node>) -> Vec<(NodeId, u32)> {
    let is_named = |node: NodeRef<'_, Node>, name: &str| {
        node.value().as_element().is_some_and(|e| e.name() == name)
    };
    let tree = section.tree();
    let is_li = |id: NodeId| tree.get(id).is_some_and(|n| is_named(n, "li"));
    let mut items = Vec::new();
    for node in outside(section, is_li) {
        if items.len() >= MAX_NOTES {
            break;
        }
        let Some(parent) = node.value().as_element().map(|_| node) else {
            continue;
        };
        let mut next = parent
            .value()
            .as_element()
            .filter(|e| e.name() == "ol")
            .and_then(|e| e.attr("start"))
            .and_then(|s| s.trim().parse::<u32>().ok())
            .unwrap_or(1);
        for child in parent.children().filter(|c| is_named(*c, "li")) {
            let value = child
                .value()
                .as_element()
                .and_then(|e| e.attr("value"))
                .and_then(|v| v.trim().parse::<u32>().ok());
            let number = value.unwrap_or(next);
            next = number.saturating_add(1);
            items.push((child.id(), number));
        }
    }
    if items.is_empty() {
        let mut next = 1;
        for node in outside(section, |_| false) {
            if items.len() >= MAX_NOTES {
                break;
            }
            if is_named(node, "p") {
                let number = leading_number(&text_of(node, 40)).unwrap_or(next);
                next = number.saturating_add(1);
                items.push((node.id(), number));
            }
        }
    }
    items
}

/// The element a marker replaces: the `<sup>` around the link when it holds nothing else.
fn marker_element(link: NodeRef<'_, Node>, text: &str) -> NodeId {
    match link.parent() {
        Some(parent)
            if parent
                .value()
                .as_element()
                .is_some_and(|e| e.name() == "sup")
                && text_of(parent, 24) == text =>
        {
            parent.id()
        }
        _ => link.id(),
    }
}

/// The text under `node`, whitespace folded, at most `limit` characters (more are cut).
pub(super) fn text_of(node: NodeRef<'_, Node>, limit: usize) -> String {
    let mut out = String::new();
    for d in node.descendants().take(limit + 32) {
        if let Some(text) = d.value().as_text() {
            out.extend(
                text.chars()
                    .take(limit + 1 - out.chars().count().min(limit)),
            );
            if out.chars().count() > limit {
                break;
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number a marker text shows: `1`, `[1]`, `(12)`, `١`; `None` for `*` or words.
pub(super) fn number_in(text: &str) -> Option<u32> {
    let inner = text
        .trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')', '.'])
        .trim();
    if inner.is_empty() || inner.chars().count() > 4 {
        return None;
    }
    inner.chars().try_fold(0u32, |n, c| {
        let digit = ascii_digit(c)?;
        n.checked_mul(10)?.checked_add(digit)
    })
}

/// The number at the start of a note's text, as a label: `1.`, `[1]`, `(1)`, `1)`, followed by
/// a space.
pub(super) fn leading_number(text: &str) -> Option<u32> {
    let end = text.find(char::is_whitespace)?;
    let label = &text[..end];
    let marked = label.starts_with(['[', '(']) || label.ends_with(['.', ')', ']']);
    number_in(label).filter(|_| marked)
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6f0}'..='\u{6f9}' => Some(c as u32 - 0x6f0),
        _ => None,
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Ok(hex) = std::str::from_utf8(hex)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_numbers() {
        assert_eq!(number_in("1"), Some(1));
        assert_eq!(number_in("[12]"), Some(12));
        assert_eq!(number_in("(3)"), Some(3));
        assert_eq!(number_in("٣"), Some(3));
        assert_eq!(number_in("*"), None);
        assert_eq!(number_in("see"), None);
        assert_eq!(number_in("99999"), None);
        assert_eq!(leading_number("[2] Reuters"), Some(2));
        assert_eq!(leading_number("2. Reuters"), Some(2));
        assert_eq!(leading_number("2025 was"), None);
    }

    #[test]
    fn percent_encoded_fragments_decode() {
        assert_eq!(percent_decode("fn%3A1"), "fn:1");
        assert_eq!(percent_decode("a%zz"), "a%zz");
    }
}
