//! Code frequencies and co-occurrence, as QDA tools count them: a tag counts its descendants'
//! passages with its own.

use super::Index;
use crate::model::{BriefId, PassageId, TagId, Workspace};

/// One tag × tag cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cooccurrence {
    /// Passages carrying both tags (on the diagonal: passages carrying the tag).
    pub both: Vec<PassageId>,
    /// Pairs of different passages of one brief whose ranges overlap, the first carrying the
    /// row's tag and the second the column's (empty on the diagonal).
    pub overlapping: Vec<(PassageId, PassageId)>,
}

/// Tag × brief counts and tag × tag co-occurrence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frequencies {
    pub tags: Vec<TagId>,
    pub briefs: Vec<BriefId>,
    /// Row by row (tag `t`, brief `b` at `t * briefs.len() + b`): the brief's passages carrying
    /// the tag or one below it.
    pub tag_brief: Vec<Vec<PassageId>>,
    /// Row by row (`t * tags.len() + u`).
    pub cooccurrence: Vec<Cooccurrence>,
    /// The largest tag × brief count (the top of the heat scale).
    pub most_in_brief: usize,
    /// The largest count of passages carrying two tags (the top of the co-occurrence scale).
    pub most_together: usize,
}

impl Frequencies {
    pub(super) fn compute(ws: &Workspace, index: &Index) -> Self {
        let n_tags = ws.tags.len();
        let n_briefs = ws.briefs.len();
        // Each tag with its ancestors (a cycle, which validation refuses, stops the walk).
        let closure: Vec<Vec<usize>> = ws
            .tags
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut up = vec![i];
                let mut parent = t.parent;
                while let Some(&p) = parent.and_then(|id| index.tags.get(&id)) {
                    if up.contains(&p) {
                        break;
                    }
                    up.push(p);
                    parent = ws.tags[p].parent;
                }
                up
            })
            .collect();
        let mut tag_brief = vec![Vec::new(); n_tags * n_briefs];
        let mut cooccurrence = vec![Cooccurrence::default(); n_tags * n_tags];
        // Each passage's tags with their ancestors, flattened: passage `k`'s are
        // `carried[starts[k]..starts[k + 1]]`.
        let mut carried: Vec<usize> = Vec::with_capacity(ws.passages.len() * 2);
        let mut starts: Vec<usize> = Vec::with_capacity(ws.passages.len() + 1);
        let mut by_brief: Vec<Vec<usize>> = vec![Vec::new(); n_briefs];
        let mut tags = Vec::new();
        for (k, p) in ws.passages.iter().enumerate() {
            tags.clear();
            for t in &p.tags {
                if let Some(&i) = index.tags.get(t) {
                    tags.extend_from_slice(&closure[i]);
                }
            }
            tags.sort_unstable();
            tags.dedup();
            let brief = index.passage_briefs[k];
            for &a in &tags {
                if let Some(b) = brief {
                    tag_brief[a * n_briefs + b].push(p.id);
                }
                for &c in &tags {
                    cooccurrence[a * n_tags + c].both.push(p.id);
                }
            }
            if let Some(b) = brief
                && !p.orphaned
                && !tags.is_empty()
            {
                by_brief[b].push(k);
            }
            starts.push(carried.len());
            carried.extend_from_slice(&tags);
        }
        starts.push(carried.len());
        let carried_by = |k: usize| &carried[starts[k]..starts[k + 1]];
        for list in &mut by_brief {
            list.sort_by_key(|&k| ws.passages[k].anchor.start);
            for (n, &k) in list.iter().enumerate() {
                let p = &ws.passages[k];
                for &j in &list[n + 1..] {
                    let q = &ws.passages[j];
                    if q.anchor.start >= p.anchor.end {
                        break;
                    }
                    for &a in carried_by(k) {
                        for &c in carried_by(j) {
                            if a != c {
                                cooccurrence[a * n_tags + c].overlapping.push((p.id, q.id));
                                cooccurrence[c * n_tags + a].overlapping.push((q.id, p.id));
                            }
                        }
                    }
                }
            }
        }
        Frequencies {
            tags: ws.tags.iter().map(|t| t.id).collect(),
            briefs: ws.briefs.iter().map(|b| b.id).collect(),
            most_in_brief: tag_brief.iter().map(Vec::len).max().unwrap_or(0),
            most_together: cooccurrence.iter().map(|c| c.both.len()).max().unwrap_or(0),
            tag_brief,
            cooccurrence,
        }
    }

    /// The passages of the `b`th brief carrying the `t`th tag or one below it.
    #[must_use]
    pub fn tag_brief(&self, t: usize, b: usize) -> &[PassageId] {
        if b >= self.briefs.len() {
            return &[];
        }
        self.tag_brief
            .get(t * self.briefs.len() + b)
            .map_or(&[], Vec::as_slice)
    }

    /// The co-occurrence of the `t`th and the `u`th tag.
    #[must_use]
    pub fn cooccurrence(&self, t: usize, u: usize) -> Option<&Cooccurrence> {
        if u >= self.tags.len() {
            return None;
        }
        self.cooccurrence.get(t * self.tags.len() + u)
    }
}
