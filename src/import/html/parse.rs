//! Text to a DOM, with limits: html5ever's tree builder walks its stack of open elements for
//! many tags, so a page of 100 000 nested `<div>`s takes minutes; and every node costs memory.
//! The page is fed in chunks through a sink that watches the depth and the number of nodes, and
//! parsing stops as soon as either passes its limit.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

use super::super::FormatError;

/// Elements nested deeper than this make the page refused. Real pages, page builders included,
/// stay under a hundred.
pub(super) const MAX_DEPTH: u32 = 1_000;
/// Elements and comments a page may have. A long think-tank page has a few thousand.
pub(super) const MAX_NODES: usize = 500_000;
/// The sum of the depths of a page's nodes, at most: the tree builder's work grows with it, so
/// it bounds a page of many elements deep down (990 open `<div>`s, then 200 000 `<p>`s). A big
/// real page (50 000 nodes about 30 deep) sums to under 2 million.
pub(super) const MAX_NESTING_WORK: u64 = 25_000_000;
/// Bytes of text given to the parser at a time; the limits are checked between chunks.
const CHUNK_BYTES: usize = 4 * 1024;

/// Parses a page into a DOM, calling `progress` with the fraction parsed now and then.
///
/// # Errors
/// [`FormatError::TooBig`] when the page nests elements deeper than [`MAX_DEPTH`] or has more
/// than [`MAX_NODES`] elements.
pub(super) fn parse(text: &str, progress: &mut dyn FnMut(f32)) -> Result<Html, FormatError> {
    let mut parser = html5ever::parse_document(BoundedSink::new(), html5ever::ParseOpts::default());
    let mut done = 0;
    let mut next_report = text.len() / 4;
    while done < text.len() {
        let mut end = (done + CHUNK_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&text[done..end]));
        done = end;
        if let Some(limit) = parser.tokenizer.sink.sink.exceeded.get() {
            return Err(limit.error());
        }
        if done >= next_report {
            #[allow(clippy::cast_precision_loss)] // a fraction for a progress bar
            progress(done as f32 / text.len() as f32);
            next_report = done + text.len() / 4;
        }
    }
    let sink_limit = parser.tokenizer.sink.sink.exceeded.get();
    let html = parser.finish();
    match sink_limit {
        Some(limit) => Err(limit.error()),
        None => Ok(html),
    }
}

#[derive(Clone, Copy, Debug)]
enum Limit {
    Depth,
    Nodes,
    Work,
}

impl Limit {
    fn error(self) -> FormatError {
        FormatError::TooBig(match self {
            Limit::Depth => format!("its elements are nested more than {MAX_DEPTH} deep"),
            Limit::Nodes => format!("it has more than {MAX_NODES} elements"),
            Limit::Work => "it has too many elements nested too deeply".to_owned(),
        })
    }
}

/// scraper's sink, plus the depth of every node and a count of nodes.
struct BoundedSink {
    inner: HtmlTreeSink,
    depth: RefCell<HashMap<NodeId, u32>>,
    nodes: Cell<usize>,
    work: Cell<u64>,
    exceeded: Cell<Option<Limit>>,
}

impl BoundedSink {
    fn new() -> Self {
        BoundedSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            depth: RefCell::new(HashMap::new()),
            nodes: Cell::new(0),
            work: Cell::new(0),
            exceeded: Cell::new(None),
        }
    }

    fn depth_of(&self, node: NodeId) -> u32 {
        self.depth.borrow().get(&node).copied().unwrap_or(0)
    }

    fn place(&self, child: &NodeOrText<NodeId>, depth: u32) {
        if let NodeOrText::AppendNode(id) = child {
            self.depth.borrow_mut().insert(*id, depth);
            let work = self.work.get() + u64::from(depth);
            self.work.set(work);
            if depth > MAX_DEPTH {
                self.exceeded.set(Some(Limit::Depth));
            } else if work > MAX_NESTING_WORK {
                self.exceeded.set(Some(Limit::Work));
            }
        }
    }

    fn count_node(&self) {
        let nodes = self.nodes.get() + 1;
        self.nodes.set(nodes);
        if nodes > MAX_NODES {
            self.exceeded.set(Some(Limit::Nodes));
        }
    }
}

impl TreeSink for BoundedSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {
        // Real pages are full of them; keeping them would only cost memory.
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.count_node();
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.count_node();
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.count_node();
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.place(&child, self.depth_of(*parent) + 1);
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let depth = self.depth_of(*element).max(self.depth_of(*prev_element)) + 1;
        self.place(&child, depth);
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.place(&new_node, self.depth_of(*sibling));
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    #[test]
    fn a_page_parses_into_its_elements() {
        let html = parse("<p>one<b>two</b></p>", &mut |_| {}).expect("parses");
        let names: Vec<_> = html
            .tree
            .nodes()
            .filter_map(|n| n.value().as_element().map(|e| e.name().to_owned()))
            .collect();
        assert_eq!(names, ["html", "head", "body", "p", "b"]);
    }

    /// `page` is refused as too big, in seconds rather than minutes.
    fn refused_quickly(page: &str) {
        let start = Instant::now();
        let result = parse(page, &mut |_| {});
        assert!(matches!(result, Err(FormatError::TooBig(_))), "{result:?}");
        eprintln!("refused in {:?}", start.elapsed());
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let n = 100_000;
        refused_quickly(&format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n)));
    }

    #[test]
    fn many_elements_deep_down_are_refused_quickly() {
        refused_quickly(&format!(
            "{}{}",
            "<div>".repeat(990),
            "<p>x</p>".repeat(200_000)
        ));
    }

    #[test]
    fn nesting_within_the_limit_is_read() {
        let n = 500;
        let page = format!("{}deep{}", "<div>".repeat(n), "</div>".repeat(n));
        let html = parse(&page, &mut |_| {}).expect("parses");
        assert!(html.root_element().text().any(|t| t == "deep"));
    }

    #[test]
    fn progress_is_reported_for_a_big_page() {
        let page = "<p>paragraph</p>".repeat(20_000);
        let mut reports = Vec::new();
        parse(&page, &mut |f| reports.push(f)).expect("parses");
        assert!(reports.len() >= 3, "{reports:?}");
        assert!(reports.windows(2).all(|w| w[0] <= w[1]));
    }
}
