//! What the passage lists show, worked out once per document revision (and filter) instead of
//! on every frame: each brief's passages in reading order, and the passages list's rows under
//! the current filter. With 50 000 passages a scan and sort per frame kept a core busy.
//!
//! Plain Rust, no egui: indices into [`Workspace::passages`], valid for the revision they were
//! made at ([`crate::edit::Document::revision`] is unique across documents, so a new document
//! never reuses them).

use std::collections::HashMap;

use super::state::PassageFilter;
use crate::model::{BriefId, Passage, Workspace};

/// The passages of each brief and the filtered passages list, for one revision.
#[derive(Debug, Default)]
pub struct PassageLists {
    revision: Option<u64>,
    /// Indices of each brief's passages, by start (shorter last at the same start).
    by_brief: HashMap<BriefId, Vec<usize>>,
    /// The filter `filtered` was made with.
    filter: Option<PassageFilter>,
    /// Indices of the passages the filter accepts, in brief order and then reading order.
    filtered: Vec<usize>,
}

impl PassageLists {
    /// Brings the lists up to `ws` at `revision` under `filter` (nothing to do when neither
    /// changed).
    pub fn refresh(&mut self, ws: &Workspace, revision: u64, filter: &PassageFilter) {
        if self.revision != Some(revision) {
            self.revision = Some(revision);
            self.filter = None;
            self.by_brief.clear();
            for (i, p) in ws.passages.iter().enumerate() {
                self.by_brief.entry(p.brief).or_default().push(i);
            }
            for list in self.by_brief.values_mut() {
                list.sort_by_key(|&i| {
                    let a = &ws.passages[i].anchor;
                    (a.start, a.end)
                });
            }
        }
        if self.filter.as_ref() != Some(filter) {
            self.filter = Some(*filter);
            self.filtered = ws
                .briefs
                .iter()
                .flat_map(|b| self.by_brief.get(&b.id).into_iter().flatten())
                .copied()
                .filter(|&i| filter.accepts(ws, &ws.passages[i]))
                .collect();
            // Passages of a brief the workspace lacks (never in a valid file) go last.
            let known: usize = ws
                .briefs
                .iter()
                .filter_map(|b| self.by_brief.get(&b.id))
                .map(Vec::len)
                .sum();
            if known < ws.passages.len() {
                let mut rest: Vec<usize> = (0..ws.passages.len())
                    .filter(|&i| ws.brief(ws.passages[i].brief).is_none())
                    .filter(|&i| filter.accepts(ws, &ws.passages[i]))
                    .collect();
                rest.sort_by_key(|&i| {
                    let a = &ws.passages[i].anchor;
                    (a.start, a.end)
                });
                self.filtered.extend(rest);
            }
        }
    }

    /// The passages of `brief` in reading order (as [`Workspace::passages_of`]).
    pub fn of_brief<'w>(
        &self,
        ws: &'w Workspace,
        brief: BriefId,
    ) -> impl ExactSizeIterator<Item = &'w Passage> + Clone {
        self.by_brief
            .get(&brief)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &ws.passages[i])
    }

    /// Passage `row` of `brief` in reading order.
    pub fn brief_row<'w>(
        &self,
        ws: &'w Workspace,
        brief: BriefId,
        row: usize,
    ) -> Option<&'w Passage> {
        self.by_brief
            .get(&brief)
            .and_then(|list| list.get(row))
            .and_then(|&i| ws.passages.get(i))
    }

    /// How many passages `brief` has.
    pub fn count_of(&self, brief: BriefId) -> usize {
        self.by_brief.get(&brief).map_or(0, Vec::len)
    }

    /// How many passages the passages list shows.
    pub fn filtered_len(&self) -> usize {
        self.filtered.len()
    }

    /// Row `row` of the passages list.
    pub fn filtered_row<'w>(&self, ws: &'w Workspace, row: usize) -> Option<&'w Passage> {
        self.filtered.get(row).and_then(|&i| ws.passages.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit;
    use crate::model::{Brief, BriefMeta};

    fn workspace() -> Workspace {
        let mut ws = Workspace::default();
        for title in ["b", "a"] {
            ws.briefs.push(Brief::new(
                BriefId::new(),
                BriefMeta {
                    title: title.into(),
                    ..BriefMeta::default()
                },
                "0123456789".into(),
            ));
        }
        let now = chrono::Utc::now();
        for (b, start, end) in [(1, 4, 6), (0, 5, 9), (1, 0, 2), (0, 1, 3)] {
            let passage = edit::new_passage(&ws.briefs[b], start, end, now).expect("a passage");
            ws.passages.push(passage);
        }
        ws
    }

    fn ranges<'w>(passages: impl Iterator<Item = &'w Passage>) -> Vec<(usize, usize)> {
        passages.map(|p| (p.anchor.start, p.anchor.end)).collect()
    }

    #[test]
    fn the_lists_are_those_of_the_workspace_and_follow_revision_and_filter() {
        let mut ws = workspace();
        let mut lists = PassageLists::default();
        let all = PassageFilter::default();
        lists.refresh(&ws, 1, &all);
        let (b, a) = (ws.briefs[0].id, ws.briefs[1].id);
        assert_eq!(
            ranges(lists.of_brief(&ws, b)),
            ranges(ws.passages_of(b).into_iter())
        );
        assert_eq!(ranges(lists.of_brief(&ws, a)), [(0, 2), (4, 6)]);
        assert_eq!(lists.count_of(BriefId::new()), 0);
        let rows: Vec<_> = (0..lists.filtered_len())
            .filter_map(|r| lists.filtered_row(&ws, r))
            .map(|p| (p.brief, p.anchor.start))
            .collect();
        assert_eq!(rows, [(b, 1), (b, 5), (a, 0), (a, 4)]);

        let only_a = PassageFilter {
            brief: Some(a),
            ..PassageFilter::default()
        };
        lists.refresh(&ws, 1, &only_a);
        assert_eq!(lists.filtered_len(), 2);
        // The same revision is not read again; a new one is.
        ws.passages.remove(0);
        lists.refresh(&ws, 1, &only_a);
        assert_eq!(lists.count_of(a), 2);
        lists.refresh(&ws, 2, &only_a);
        assert_eq!(lists.count_of(a), 1);
        assert_eq!(lists.filtered_len(), 1);
    }
}
