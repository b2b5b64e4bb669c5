//! Cycles in the codebook's parent links, found in one pass whatever the depth of the tree.

use std::collections::HashMap;

use crate::model::{Tag, TagId};

/// The positions in `tags` of the tags whose parents lead back to themselves, in order.
///
/// Each tag is walked up at most once: a walk stops at a tag already walked, so a chain of
/// 100 000 tags costs 100 000 steps, not 100 000² (the cost of asking
/// [`crate::model::Workspace::tag_is_within`] for every tag). A parent that does not exist ends
/// the walk; a tag whose id is used twice is found by its first use, as the workspace finds it.
pub(super) fn tags_in_cycles(tags: &[Tag]) -> Vec<usize> {
    let mut index: HashMap<TagId, usize> = HashMap::with_capacity(tags.len());
    for (i, tag) in tags.iter().enumerate() {
        index.entry(tag.id).or_insert(i);
    }
    let parent = |i: usize| tags[i].parent.and_then(|p| index.get(&p).copied());
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        Not,
        /// On the walk under way, at this position of it.
        OnWalk(usize),
        Done,
    }
    let mut seen = vec![Seen::Not; tags.len()];
    let mut in_cycle = vec![false; tags.len()];
    let mut walk = Vec::new();
    for first in 0..tags.len() {
        walk.clear();
        let mut current = Some(first);
        while let Some(i) = current {
            match seen[i] {
                Seen::Done => break,
                Seen::OnWalk(position) => {
                    for &j in &walk[position..] {
                        in_cycle[j] = true;
                    }
                    break;
                }
                Seen::Not => {
                    seen[i] = Seen::OnWalk(walk.len());
                    walk.push(i);
                    current = parent(i);
                }
            }
        }
        for &i in &walk {
            seen[i] = Seen::Done;
        }
    }
    (0..tags.len()).filter(|&i| in_cycle[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Colour, Workspace};

    fn chain(n: usize) -> Vec<Tag> {
        let ids: Vec<TagId> = (0..n).map(|_| TagId::new()).collect();
        (0..n)
            .map(|i| Tag {
                id: ids[i],
                name: format!("t{i}"),
                colour: Colour::nth(0),
                parent: i.checked_sub(1).map(|p| ids[p]),
                description: String::new(),
            })
            .collect()
    }

    #[test]
    fn finds_the_same_cycles_as_asking_tag_by_tag() {
        // 0 ← 1 ← 2 and a cycle 3 → 4 → 5 → 3 with 6 hanging below it, 7 its own parent.
        let mut tags = chain(8);
        tags[3].parent = Some(tags[5].id);
        tags[7].parent = Some(tags[7].id);
        tags[6].parent = Some(tags[4].id);
        let ws = Workspace {
            tags: tags.clone(),
            ..Workspace::default()
        };
        let slow: Vec<usize> = (0..tags.len())
            .filter(|&i| {
                tags[i]
                    .parent
                    .is_some_and(|p| ws.tag_is_within(p, tags[i].id))
            })
            .collect();
        assert_eq!(tags_in_cycles(&tags), vec![3, 4, 5, 7]);
        assert_eq!(tags_in_cycles(&tags), slow);
    }

    #[test]
    fn a_chain_of_100_000_tags_is_walked_once() {
        let mut tags = chain(100_000);
        assert!(tags_in_cycles(&tags).is_empty());
        let last = tags[99_999].id;
        tags[0].parent = Some(last);
        assert_eq!(tags_in_cycles(&tags).len(), 100_000, "one long cycle");
    }
}
