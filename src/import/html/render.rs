//! The article's elements to paragraphs: one walk over the tree (never recursion), headings as
//! paragraphs of their own, list items with their labels, `<br>` as a line break, markers as
//! `[n]`, chrome left out.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};

use super::super::FormatError;
use super::classify::{
    heading_level, is_block, is_chrome_by_attributes, is_chrome_tag, is_never_text,
};
use super::lists::ListCounter;
use super::notes::Notes;
use super::root::TextWeights;

/// Text a page may turn into, at most.
pub(super) const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// A paragraph as the page shows it, before the text conventions are applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Block {
    pub text: String,
    /// The heading level, for a heading.
    pub level: Option<u8>,
}

/// The article at `root` as paragraphs, without its notes and chrome.
///
/// # Errors
/// [`FormatError::TooBig`] when the text passes [`MAX_TEXT_BYTES`].
pub(super) fn body(
    root: NodeRef<'_, Node>,
    notes: &Notes,
    weights: &TextWeights,
) -> Result<Vec<Block>, FormatError> {
    let mut walker = Walker::new(Mode::Body, notes, weights.of(root.id()) / 2, weights);
    walker.walk(root)?;
    Ok(walker.blocks)
}

/// The notes section: its headings, then each note as one paragraph `"[n] text"`.
///
/// # Errors
/// [`FormatError::TooBig`] when the text passes [`MAX_TEXT_BYTES`].
pub(super) fn notes(
    html: &Html,
    notes: &Notes,
    weights: &TextWeights,
) -> Result<Vec<Block>, FormatError> {
    let mut blocks = Vec::new();
    let mut size = 0;
    for &heading in &notes.headings {
        let Some(node) = html.tree.get(heading) else {
            continue;
        };
        let mut walker = Walker::new(Mode::Body, notes, 0, weights);
        walker.walk(node)?;
        blocks.extend(walker.blocks);
    }
    for note in &notes.notes {
        let Some(node) = html.tree.get(note.node) else {
            continue;
        };
        let mut walker = Walker::new(Mode::Note(note.node), notes, usize::MAX, weights);
        walker.walk(node)?;
        let lines: Vec<String> = walker.blocks.into_iter().map(|b| b.text).collect();
        let text = lines.join("\n");
        let text = strip_label(&text, note.number);
        if text.trim().is_empty() {
            continue;
        }
        size += text.len();
        if size > MAX_TEXT_BYTES {
            return Err(too_big());
        }
        blocks.push(Block {
            text: format!("[{}] {text}", note.number),
            level: None,
        });
    }
    Ok(blocks)
}

/// The text of one element (a title heading found outside the article), its lines joined.
pub(super) fn element_text(
    node: NodeRef<'_, Node>,
    notes: &Notes,
    weights: &TextWeights,
) -> String {
    let mut walker = Walker::new(Mode::Body, notes, usize::MAX, weights);
    if walker.walk(node).is_err() {
        return String::new();
    }
    let lines: Vec<String> = walker.blocks.into_iter().map(|b| b.text).collect();
    lines.join(" ")
}

fn too_big() -> FormatError {
    FormatError::TooBig(format!(
        "its text is more than {} MiB",
        MAX_TEXT_BYTES / (1024 * 1024)
    ))
}

/// A note's own label at its start (`1.`, `[1]`, `1`) goes: the note is written `[n] text`.
fn strip_label(text: &str, number: u32) -> &str {
    let text = text.trim_start();
    let Some(end) = text.find(char::is_whitespace) else {
        return text;
    };
    let label = &text[..end];
    let plain = label
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')', '.', ':', '-']);
    if super::notes::number_in(plain) == Some(number) {
        text[end..].trim_start()
    } else {
        text
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// The article: markers become `[n]`, notes are left out.
    Body,
    /// One note: links back to the text are left out.
    Note(NodeId),
}

/// Whitespace seen but not yet written: written as one space before the next word, or as a
/// no-break space when it was a single one.
#[derive(Clone, Copy, Debug, Default)]
struct PendingSpace {
    count: usize,
    no_break: bool,
}

struct Walker<'a> {
    mode: Mode,
    notes: &'a Notes,
    weights: &'a TextWeights,
    /// Chrome holding more text than this is kept: it is more likely the article mislabelled.
    keep_chrome_above: usize,
    blocks: Vec<Block>,
    line: String,
    space: PendingSpace,
    label: Option<String>,
    headings: Vec<u8>,
    lists: Vec<ListCounter>,
    pre: u32,
    size: usize,
}

impl<'a> Walker<'a> {
    fn new(
        mode: Mode,
        notes: &'a Notes,
        keep_chrome_above: usize,
        weights: &'a TextWeights,
    ) -> Self {
        Walker {
            mode,
            notes,
            weights,
            keep_chrome_above,
            blocks: Vec::new(),
            line: String::new(),
            space: PendingSpace::default(),
            label: None,
            headings: Vec::new(),
            lists: Vec::new(),
            pre: 0,
            size: 0,
        }
    }

    fn walk(&mut self, top: NodeRef<'_, Node>) -> Result<(), FormatError> {
        let mut skipping: Option<NodeId> = None;
        for edge in top.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => self.text(text),
                        Node::Element(element) => {
                            let is_top = node.id() == top.id();
                            if !is_top && let Some(&number) = self.marker(node.id()) {
                                self.word(&format!("[{number}]"));
                                skipping = Some(node.id());
                            } else if !is_top && self.leaves_out(node, element) {
                                skipping = Some(node.id());
                            } else if !(is_top && matches!(self.mode, Mode::Note(_))) {
                                // A note's own `<li>` gets no list label: it is written `[n]`.
                                self.open(node, element);
                            }
                        }
                        _ => {}
                    }
                    if self.size > MAX_TEXT_BYTES {
                        return Err(too_big());
                    }
                }
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    } else if skipping.is_none()
                        && !(node.id() == top.id() && matches!(self.mode, Mode::Note(_)))
                        && let Some(element) = node.value().as_element()
                    {
                        self.close(element);
                    }
                }
            }
        }
        self.flush();
        Ok(())
    }

    fn marker(&self, node: NodeId) -> Option<&u32> {
        match self.mode {
            Mode::Body => self.notes.markers.get(&node),
            Mode::Note(_) => None,
        }
    }

    fn leaves_out(&self, node: NodeRef<'_, Node>, element: &Element) -> bool {
        if is_never_text(element.name()) {
            return true;
        }
        match self.mode {
            Mode::Body if self.notes.skip.contains(&node.id()) => return true,
            Mode::Note(note) if self.notes.is_backlink(node, element, note) => return true,
            _ => {}
        }
        (is_chrome_tag(element.name()) || is_chrome_by_attributes(element))
            && self.weights.of(node.id()) <= self.keep_chrome_above
    }

    fn open(&mut self, node: NodeRef<'_, Node>, element: &Element) {
        let name = element.name();
        if let Some(level) = heading_level(element) {
            self.flush();
            self.headings.push(level);
            return;
        }
        match name {
            "br" => {
                self.space = PendingSpace::default();
                self.line.push('\n');
            }
            "li" => {
                self.flush();
                let label = match self.lists.last_mut() {
                    Some(list) => list.next_label(element.attr("value")),
                    None => "- ".to_owned(),
                };
                self.label = Some(label);
            }
            "ol" | "ul" | "menu" => {
                self.flush();
                self.lists.push(ListCounter::new(node, element));
            }
            // Cells of a row are one paragraph, separated as a reader sees the columns.
            "td" | "th" if !self.line.trim().is_empty() && !self.line.ends_with('\n') => {
                self.space = PendingSpace::default();
                self.line.push_str(" | ");
            }
            "pre" => {
                self.flush();
                self.pre += 1;
            }
            _ if is_block(name) => self.flush(),
            _ => {}
        }
    }

    fn close(&mut self, element: &Element) {
        let name = element.name();
        if heading_level(element).is_some() {
            self.flush();
            self.headings.pop();
            return;
        }
        match name {
            "li" => {
                self.flush();
                self.label = None;
            }
            "ol" | "ul" | "menu" => {
                self.flush();
                self.lists.pop();
            }
            "pre" => {
                self.flush();
                self.pre = self.pre.saturating_sub(1);
            }
            _ if is_block(name) => self.flush(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            self.size += text.len();
            self.line
                .extend(text.chars().map(|c| if c == '\r' { '\n' } else { c }));
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.space.count += 1;
                self.space.no_break = matches!(c, '\u{a0}' | '\u{202f}');
            } else {
                self.write_space();
                self.line.push(c);
                self.size += c.len_utf8();
            }
        }
    }

    fn word(&mut self, word: &str) {
        self.write_space();
        self.line.push_str(word);
        self.size += word.len();
    }

    fn write_space(&mut self) {
        let space = std::mem::take(&mut self.space);
        if space.count == 0 || self.line.is_empty() || self.line.ends_with('\n') {
            return;
        }
        self.line.push(if space.count == 1 && space.no_break {
            '\u{a0}'
        } else {
            ' '
        });
        self.size += 1;
    }

    /// Ends the paragraph being written, if it has any text; a pending list label waits for
    /// the next one (`<li><p>text</p></li>`).
    fn flush(&mut self) {
        self.space = PendingSpace::default();
        if self.line.trim().is_empty() {
            self.line.clear();
            return;
        }
        let mut text = self.label.take().unwrap_or_default();
        text.push_str(&self.line);
        self.line.clear();
        self.blocks.push(Block {
            text,
            level: self.headings.last().copied(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(body_html: &str) -> Vec<(String, Option<u8>)> {
        let html = Html::parse_document(body_html);
        let weights = TextWeights::measure(&html);
        let root = html
            .tree
            .root()
            .descendants()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
            .expect("a body");
        let notes = super::super::notes::find(&html, root, &weights);
        let mut blocks = body(root, &notes, &weights).expect("renders");
        blocks.extend(super::notes(&html, &notes, &weights).expect("renders notes"));
        blocks.into_iter().map(|b| (b.text, b.level)).collect()
    }

    fn texts(body_html: &str) -> Vec<String> {
        render(body_html).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn paragraphs_headings_and_line_breaks() {
        let blocks = render("<h2>Title  here</h2><p>one\n  two<br>three</p><div>four</div>");
        assert_eq!(
            blocks,
            [
                ("Title here".to_owned(), Some(2)),
                ("one two\nthree".to_owned(), None),
                ("four".to_owned(), None)
            ]
        );
    }

    #[test]
    fn lists_keep_their_numbers() {
        assert_eq!(
            texts("<ol start='3'><li>c</li><li><p>d</p></li></ol><ul><li>x</li></ul>"),
            ["3. c", "4. d", "- x"]
        );
        assert_eq!(
            texts("<ol type='a'><li>a</li><li>b</li></ol>"),
            ["a. a", "b. b"]
        );
        assert_eq!(
            texts("<ol reversed><li>a</li><li>b</li></ol>"),
            ["2. a", "1. b"]
        );
        assert_eq!(
            texts("<ol><li value='7'>a</li><li>b</li></ol>"),
            ["7. a", "8. b"]
        );
    }

    #[test]
    fn linked_footnotes_become_markers_and_notes() {
        let page = "<p>Text<sup id='fnref1'><a href='#fn1'>1</a></sup> and more.</p>\
            <ol class='footnotes'><li id='fn1'>A source, 2024. <a href='#fnref1'>↩</a></li></ol>";
        assert_eq!(texts(page), ["Text[1] and more.", "[1] A source, 2024."]);
    }

    #[test]
    fn chrome_inside_the_article_is_left_out() {
        let page = "<p>Body text that is long enough to be the article.</p>\
            <div class='share-buttons'>Share on X</div><ul class='tags'><li>Iraq</li></ul>\
            <nav>Next post</nav><form>Subscribe</form><script>var x</script>";
        assert_eq!(
            texts(page),
            ["Body text that is long enough to be the article."]
        );
    }

    #[test]
    fn a_single_no_break_space_stays_and_runs_fold() {
        assert_eq!(
            texts("<p>10\u{a0}km and \u{a0}\u{a0} more</p>"),
            ["10\u{a0}km and more"]
        );
    }
}
