//! The domain model: plain Rust that knows nothing of files or of egui.
//!
//! A [`Workspace`] is one analysis. It is changed only through [`crate::edit`].

mod assessment;
mod brief;
mod codebook;
mod determinant;
mod id;
mod passage;
mod scenario;

use std::collections::HashMap;

pub use assessment::{
    Assessment, CellJudgement, Consistency, Credibility, Judgement, MemoTarget, Memos, Relevance,
    Reliability, Signpost, SignpostStatus, SourceGrade, Weight, Weights, definitions,
};
pub use brief::{Brief, BriefMeta, BriefSource, Heading, SourceFormat, TextDirection};
pub use codebook::{Colour, ColourError, Tag};
pub use determinant::Determinant;
pub use id::{BriefId, DeterminantId, PassageId, ScenarioId, TagId};
pub use passage::{Anchor, AnchorError, CONTEXT_CHARS, Link, LinkTarget, Passage, Relation};
pub use scenario::{Likelihood, Scenario};

/// One analysis: its briefs, codebook, determinants, scenarios and passages.
///
/// Collections keep the order the analyst gave them, so files diff cleanly.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workspace {
    pub title: String,
    pub memo: String,
    pub briefs: Vec<Brief>,
    pub tags: Vec<Tag>,
    pub determinants: Vec<Determinant>,
    pub scenarios: Vec<Scenario>,
    pub passages: Vec<Passage>,
    /// Grades, judgements, ratings, weights and signposts (format version 4).
    pub assessment: Assessment,
    /// Memos on briefs, tags, determinants and scenarios (format version 4).
    pub memos: Memos,
}

impl Workspace {
    #[must_use]
    pub fn brief(&self, id: BriefId) -> Option<&Brief> {
        self.briefs.iter().find(|b| b.id == id)
    }

    #[must_use]
    pub fn tag(&self, id: TagId) -> Option<&Tag> {
        self.tags.iter().find(|t| t.id == id)
    }

    #[must_use]
    pub fn determinant(&self, id: DeterminantId) -> Option<&Determinant> {
        self.determinants.iter().find(|d| d.id == id)
    }

    #[must_use]
    pub fn scenario(&self, id: ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    #[must_use]
    pub fn passage(&self, id: PassageId) -> Option<&Passage> {
        self.passages.iter().find(|p| p.id == id)
    }

    /// The passages of one brief, in reading order.
    #[must_use]
    pub fn passages_of(&self, brief: BriefId) -> Vec<&Passage> {
        let mut list: Vec<&Passage> = self.passages.iter().filter(|p| p.brief == brief).collect();
        list.sort_by_key(|p| (p.anchor.start, p.anchor.end));
        list
    }

    /// The title of what a link points to, or `None` when it points nowhere.
    #[must_use]
    pub fn link_target_title(&self, target: LinkTarget) -> Option<&str> {
        match target {
            LinkTarget::Determinant(id) => self.determinant(id).map(|d| d.title.as_str()),
            LinkTarget::Scenario(id) => self.scenario(id).map(|s| s.title.as_str()),
        }
    }

    /// The tag's name with the names of its ancestors, `actors / state actors`.
    #[must_use]
    pub fn tag_path(&self, id: TagId) -> String {
        let mut names = Vec::new();
        let mut current = self.tag(id);
        while let Some(tag) = current {
            names.push(tag.name.as_str());
            if names.len() > self.tags.len() {
                break; // a cycle; validation reports it
            }
            current = tag.parent.and_then(|p| self.tag(p));
        }
        names.reverse();
        names.join(" / ")
    }

    /// How many ancestors `tag` has in the codebook tree (0 for a top-level tag). A cycle
    /// (which validation reports) stops the count at the number of tags.
    #[must_use]
    pub fn tag_depth(&self, tag: &Tag) -> usize {
        let mut depth = 0;
        let mut current = tag.parent;
        while let Some(parent) = current.and_then(|p| self.tag(p)) {
            depth += 1;
            if depth > self.tags.len() {
                break;
            }
            current = parent.parent;
        }
        depth
    }

    /// Whether `tag` is `ancestor` or lies below it in the codebook tree. A cycle (which
    /// validation reports) ends the walk.
    ///
    /// Linear in the number of tags plus the depth of `tag`, whatever the depth: the first
    /// steps up look each parent up in the list (cheapest for the shallow trees analysts
    /// build), and a walk that goes deeper builds an id → parent map once and goes on in one
    /// step per level. (Looking every level up in the list made a chain of 20 000 tags take
    /// minutes to check.)
    #[must_use]
    pub fn tag_is_within(&self, tag: TagId, ancestor: TagId) -> bool {
        self.tag_within_counted(tag, ancestor).0
    }

    /// [`Workspace::tag_is_within`], and how many tags it looked at: the work it did.
    fn tag_within_counted(&self, tag: TagId, ancestor: TagId) -> (bool, usize) {
        /// Levels looked up in the list before the map is built.
        const LISTED_LEVELS: usize = 16;
        let mut looked = 0;
        let mut current = tag;
        for _ in 0..LISTED_LEVELS {
            if current == ancestor {
                return (true, looked);
            }
            let Some(at) = self.tags.iter().position(|t| t.id == current) else {
                return (false, looked + self.tags.len());
            };
            looked += at + 1;
            match self.tags[at].parent {
                Some(parent) => current = parent,
                None => return (false, looked),
            }
        }
        let mut parents: HashMap<TagId, Option<TagId>> = HashMap::with_capacity(self.tags.len());
        for t in &self.tags {
            parents.entry(t.id).or_insert(t.parent);
        }
        looked += self.tags.len();
        let mut steps = 0;
        loop {
            if current == ancestor {
                return (true, looked + steps);
            }
            steps += 1;
            match parents.get(&current) {
                Some(Some(parent)) if steps <= self.tags.len() => current = *parent,
                _ => return (false, looked + steps),
            }
        }
    }

    /// The codebook as a tree, each tag after its parent and before the next of its parent's
    /// children (siblings keep the codebook's order). Tags whose parent is missing stand at the
    /// top; tags on a cycle (refused by validation) come last, so every tag is listed once.
    #[must_use]
    pub fn tags_in_tree_order(&self) -> Vec<&Tag> {
        let mut children: std::collections::HashMap<TagId, Vec<&Tag>> =
            std::collections::HashMap::new();
        let mut roots = Vec::new();
        for tag in &self.tags {
            match tag.parent.filter(|p| self.tag(*p).is_some()) {
                Some(parent) => children.entry(parent).or_default().push(tag),
                None => roots.push(tag),
            }
        }
        let mut order = Vec::with_capacity(self.tags.len());
        let mut seen = std::collections::HashSet::new();
        let mut stack: Vec<&Tag> = roots.into_iter().rev().collect();
        while let Some(tag) = stack.pop() {
            if !seen.insert(tag.id) {
                continue;
            }
            order.push(tag);
            if let Some(kids) = children.get(&tag.id) {
                stack.extend(kids.iter().rev());
            }
        }
        order.extend(self.tags.iter().filter(|t| !seen.contains(&t.id)));
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, parent: Option<TagId>) -> Tag {
        Tag {
            id: TagId::new(),
            name: name.into(),
            colour: Colour::nth(0),
            parent,
            description: String::new(),
        }
    }

    #[test]
    fn tag_depth_counts_ancestors_and_stops_on_a_cycle() {
        let actors = tag("actors", None);
        let state = tag("state actors", Some(actors.id));
        let army = tag("army", Some(state.id));
        let mut ws = Workspace {
            tags: vec![actors.clone(), state.clone(), army.clone()],
            ..Workspace::default()
        };
        assert_eq!(ws.tag_depth(&actors), 0);
        assert_eq!(ws.tag_depth(&state), 1);
        assert_eq!(ws.tag_depth(&army), 2);
        // A parent that is not in the codebook ends the count.
        assert_eq!(ws.tag_depth(&tag("stray", Some(TagId::new()))), 0);
        // A cycle (refused by validation) does not loop forever.
        ws.tags[0].parent = Some(army.id);
        assert!(ws.tag_depth(&ws.tags[2].clone()) <= ws.tags.len() + 1);
    }

    #[test]
    fn tag_is_within_a_chain_of_100_000_tags_looks_at_each_tag_a_bounded_number_of_times() {
        let n = 100_000;
        let mut tags: Vec<Tag> = Vec::with_capacity(n);
        for i in 0..n {
            let parent = tags.last().map(|t: &Tag| t.id);
            tags.push(tag(&format!("t{i}"), parent));
        }
        let (first, last) = (tags[0].id, tags[n - 1].id);
        let ws = Workspace {
            tags,
            ..Workspace::default()
        };
        // A lookup in the list per level looked at n²/2 = 5·10⁹ tags here.
        let (within, looked) = ws.tag_within_counted(last, first);
        assert!(within);
        assert!(looked <= 20 * n, "{looked}");
        let (within, looked) = ws.tag_within_counted(first, last);
        assert!(!within);
        assert!(looked <= n, "{looked}");
        assert!(ws.tag_is_within(last, first) && !ws.tag_is_within(first, last));

        // A cycle below the listed levels still ends.
        let mut ws = ws;
        ws.tags[0].parent = Some(last);
        let outside = TagId::new();
        let (within, looked) = ws.tag_within_counted(last, outside);
        assert!(!within);
        assert!(looked <= 20 * n, "{looked}");
    }

    #[test]
    fn the_tree_order_puts_each_tag_under_its_parent() {
        let army = tag("army", None);
        let actors = tag("actors", None);
        let mut state = tag("state actors", Some(actors.id));
        let militias = tag("militias", Some(actors.id));
        let themes = tag("themes", None);
        // A child listed before its parent, and a parent moved after its child.
        let mut ws = Workspace {
            tags: vec![
                army.clone(),
                state.clone(),
                actors.clone(),
                themes.clone(),
                militias.clone(),
            ],
            ..Workspace::default()
        };
        ws.tags[0].parent = Some(state.id);
        let names = |ws: &Workspace| -> Vec<String> {
            ws.tags_in_tree_order()
                .iter()
                .map(|t| t.name.clone())
                .collect()
        };
        assert_eq!(
            names(&ws),
            ["actors", "state actors", "army", "militias", "themes"]
        );
        // A cycle lists each tag once all the same.
        state.parent = Some(army.id);
        ws.tags[1] = state;
        assert_eq!(names(&ws).len(), 5);
    }
}
