//! The workspace search panel (*Search all briefs*): the query searched through an index built
//! once per document revision, a hit opened in the reader, chosen hits made passages.

use super::Model;
use crate::app::state::{RightTab, SearchQuery};
use crate::model::TagId;
use crate::search::{Matcher, Results, SearchIndex, autocode};
use crate::tr;

/// The index of every searchable text, for one session generation and document revision.
#[derive(Default)]
pub struct SearchCache {
    made_for: Option<(u64, u64)>,
    index: Option<SearchIndex>,
}

impl Model {
    /// Shows the search panel with its query field focused (Ctrl+Shift+F).
    pub(super) fn open_search(&mut self) {
        self.state.tab = RightTab::Search;
        self.state.search.focus_field = true;
    }

    /// A new query or new options: searched again (the index is kept if it still fits).
    pub(super) fn set_search(&mut self, asked: SearchQuery) {
        if self.state.search.asked != asked {
            self.state.search.asked = asked;
            self.state.search.made_for = None;
        }
    }

    /// Searches again when the query, the options or the workspace changed since the results
    /// were made. The folded index is rebuilt only for another revision, folding or scope.
    pub(super) fn refresh_search(&mut self) {
        let key = (self.generation, self.session.doc.revision());
        let search = &mut self.state.search;
        if search.made_for == Some(key) {
            return;
        }
        search.made_for = Some(key);
        search.chosen.clear();
        search.error = None;
        search.results = Results::default();
        if search.asked.query.text.trim().is_empty() {
            return;
        }
        let matcher = match Matcher::new(&search.asked.query) {
            Ok(matcher) => matcher,
            Err(err) => {
                search.error = Some(err);
                return;
            }
        };
        let ws = self.session.doc.workspace();
        let scope = search.asked.scope;
        let cache = &mut self.search_cache;
        let fits = cache.made_for == Some(key)
            && cache
                .index
                .as_ref()
                .is_some_and(|i| i.is_for(matcher.folding(), scope));
        if !fits {
            cache.index = Some(SearchIndex::new(ws, matcher.folding(), scope));
            cache.made_for = Some(key);
        }
        if let Some(index) = &cache.index {
            search.results = index.search(ws, &matcher);
        }
    }

    /// Chooses (or unchooses) hit `index` for *Create passages*.
    pub(super) fn choose_hit(&mut self, index: usize, chosen: bool) {
        let search = &mut self.state.search;
        if index >= search.results.len() {
            return;
        }
        if chosen {
            search.chosen.insert(index);
        } else {
            search.chosen.remove(&index);
        }
    }

    /// The chosen hits in briefs become passages tagged with the chosen tag, one undo step.
    pub(super) fn autocode_chosen(&mut self) {
        let loc = self.state.locale;
        let search = &self.state.search;
        let hits: Vec<_> = search
            .chosen
            .iter()
            .filter_map(|i| search.results.found.get(*i))
            .filter_map(|f| Some((f.place.brief()?, f.start..f.end)))
            .collect();
        let tags: Vec<TagId> = search.tag.into_iter().collect();
        let count = hits.len();
        let ws = self.session.doc.workspace();
        match autocode(ws, &hits, &tags, self.ports.clock.now()) {
            Ok(edit) => {
                self.session.doc.end_typing();
                if self.apply(edit) {
                    self.state.search.chosen.clear();
                    self.state.status = tr!(loc, "status-autocoded", count = count);
                }
            }
            Err(err) => self
                .state
                .error(tr!(loc, "error-autocode", error = err.to_string())),
        }
    }
}
