//! Finding the article in a page: the element that holds the document, without the site around
//! it.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::classify::{is_content_container, is_never_text};

/// Characters of readable text (not whitespace, not link text, not scripts) under each element.
#[derive(Debug, Default)]
pub(super) struct TextWeights {
    weights: HashMap<NodeId, usize>,
}

impl TextWeights {
    /// Measures every element of the page in one walk.
    #[must_use]
    pub(super) fn measure(html: &Html) -> Self {
        let mut weights = HashMap::new();
        // (element, its weight so far, whether its text counts)
        let mut stack: Vec<(NodeId, usize, bool)> = Vec::new();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(element) => {
                        let counts = stack.last().is_none_or(|&(_, _, counts)| counts)
                            && !is_never_text(element.name())
                            && element.name() != "a";
                        stack.push((node.id(), 0, counts));
                    }
                    Node::Text(text) => {
                        if let Some((_, weight, true)) = stack.last_mut() {
                            *weight += text.chars().filter(|c| !c.is_whitespace()).count();
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element()
                        && let Some((id, weight, _)) = stack.pop()
                    {
                        weights.insert(id, weight);
                        if let Some((_, parent, _)) = stack.last_mut() {
                            *parent += weight;
                        }
                    }
                }
            }
        }
        TextWeights { weights }
    }

    /// The weight of an element (0 for other nodes).
    #[must_use]
    pub(super) fn of(&self, node: NodeId) -> usize {
        self.weights.get(&node).copied().unwrap_or(0)
    }
}

/// How the article was found, for a warning when it was only a guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Found {
    /// An `<article>`, a post body class, `<main>` or `role="main"`.
    Marked,
    /// The element with the most paragraph text.
    Guessed,
}

/// The element holding the document: an `<article>` (or `itemprop="articleBody"`), else an
/// element whose class names a post body (`entry-content`, `post-content`…), else `<main>` or
/// `role="main"` — in each group the one with the most text, if it holds at least a quarter of
/// the page's — else the element with the most paragraph text, else `<body>`.
#[must_use]
pub(super) fn find_root<'a>(html: &'a Html, weights: &TextWeights) -> (NodeRef<'a, Node>, Found) {
    let document = html.tree.root();
    let body = document
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        .unwrap_or(document);
    let total = weights.of(body.id()).max(1);

    let mut tiers: [Option<NodeRef<'a, Node>>; 3] = [None, None, None];
    let mut paragraph_parents: HashMap<NodeId, usize> = HashMap::new();
    for node in body.descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        let role_main = element
            .attr("role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
        let tier = if name == "article"
            || element
                .attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("article"))
        {
            Some(0)
        } else if is_content_container(element) {
            Some(1)
        } else if name == "main" || role_main {
            Some(2)
        } else {
            None
        };
        if let Some(tier) = tier {
            let best = &mut tiers[tier];
            if best.is_none_or(|b| weights.of(b.id()) < weights.of(node.id())) {
                *best = Some(node);
            }
        }
        if matches!(name, "p" | "pre" | "blockquote")
            && let Some(parent) = node.parent()
        {
            *paragraph_parents.entry(parent.id()).or_default() += weights.of(node.id());
        }
    }
    for best in tiers.into_iter().flatten() {
        let weight = weights.of(best.id());
        if weight > 0 && weight * 4 >= total {
            return (best, Found::Marked);
        }
    }
    let guessed = paragraph_parents
        .into_iter()
        .max_by_key(|&(id, weight)| (weight, std::cmp::Reverse(id)))
        .and_then(|(id, _)| html.tree.get(id));
    (guessed.unwrap_or(body), Found::Guessed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root_of(page: &str) -> (String, Found) {
        let html = Html::parse_document(page);
        let weights = TextWeights::measure(&html);
        let (root, found) = find_root(&html, &weights);
        let element = root.value().as_element().expect("an element");
        let label = format!("{}#{}", element.name(), element.id().unwrap_or(""));
        (label, found)
    }

    #[test]
    fn the_longest_article_wins_over_related_post_cards() {
        let page = "<body><nav>Home About</nav>\
            <article id='post'><h1>Title</h1><p>A long paragraph of the brief itself.</p></article>\
            <aside><article id='card'><a href='/x'>Another post</a><p>teaser</p></article></aside>\
            </body>";
        assert_eq!(root_of(page), ("article#post".to_owned(), Found::Marked));
    }

    #[test]
    fn a_post_body_class_is_used_without_an_article() {
        let page = "<body><div id='header'>Site name and a long tagline here</div>\
            <div id='body' class='entry-content'><p>The text of the brief, long enough.</p>\
            <p>More of the text of the brief.</p></div></body>";
        assert_eq!(root_of(page), ("div#body".to_owned(), Found::Marked));
    }

    #[test]
    fn without_markers_the_parent_of_most_paragraphs_wins() {
        let page = "<body><div id='side'><p>short</p></div>\
            <div id='text'><p>The first paragraph of the document.</p>\
            <p>The second paragraph of the document.</p></div></body>";
        assert_eq!(root_of(page), ("div#text".to_owned(), Found::Guessed));
    }

    #[test]
    fn a_tiny_article_in_a_big_page_is_not_the_root() {
        let page = format!(
            "<body><article id='teaser'><p>teaser</p></article><div id='text'>{}</div></body>",
            "<p>Body text of the page that is not inside the article.</p>".repeat(5)
        );
        assert_eq!(root_of(&page), ("div#text".to_owned(), Found::Guessed));
    }
}
