//! Searching a whole workspace: every brief, and optionally the memos and the names of tags,
//! determinants and scenarios.
//!
//! For the app's search panel: build a [`SearchIndex`] once per document revision and folding
//! ([`SearchIndex::is_for`] tells whether a cached one still fits), compile the query with
//! [`Matcher::new`] (its error is what the panel shows for a bad regex), run
//! [`SearchIndex::search`] (cheap: every hit as a range, no text copied), show
//! [`Results::per_brief`] and then [`Results::page`] for the lines in view (the context of
//! each hit is only cut out then). A hit's `place` and code-point range are what opening the
//! brief at it, selected, needs; [`super::autocode`] turns chosen hits into passages.

use std::ops::Range;

use super::folding::{FoldedText, Folding};
use super::kwic::{self, Context};
use super::matching::{Matcher, Query, QueryError, bytes_to_chars};
use crate::model::{BriefId, DeterminantId, PassageId, ScenarioId, TagId, Workspace};

/// Where a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// A brief's text.
    Brief(BriefId),
    /// The workspace memo (the analysis question).
    WorkspaceMemo,
    /// A passage's memo.
    PassageMemo(PassageId),
    /// A tag's name.
    TagName(TagId),
    /// A determinant's title.
    DeterminantTitle(DeterminantId),
    /// A scenario's title.
    ScenarioTitle(ScenarioId),
}

impl Place {
    /// What kind of place it is, in words.
    #[must_use]
    pub fn kind(self) -> &'static str {
        match self {
            Place::Brief(_) => "brief",
            Place::WorkspaceMemo => "workspace memo",
            Place::PassageMemo(_) => "passage memo",
            Place::TagName(_) => "tag",
            Place::DeterminantTitle(_) => "determinant",
            Place::ScenarioTitle(_) => "scenario",
        }
    }

    /// The text searched at this place, if it still exists.
    #[must_use]
    pub fn text(self, ws: &Workspace) -> Option<&str> {
        match self {
            Place::Brief(id) => ws.brief(id).map(|b| b.text.as_str()),
            Place::WorkspaceMemo => Some(ws.memo.as_str()),
            Place::PassageMemo(id) => ws.passage(id).map(|p| p.memo.as_str()),
            Place::TagName(id) => ws.tag(id).map(|t| t.name.as_str()),
            Place::DeterminantTitle(id) => ws.determinant(id).map(|d| d.title.as_str()),
            Place::ScenarioTitle(id) => ws.scenario(id).map(|s| s.title.as_str()),
        }
    }

    /// What a person calls the place: the brief's title, "memo of a passage in …", ….
    #[must_use]
    pub fn label(self, ws: &Workspace) -> String {
        match self {
            Place::Brief(id) => ws.brief(id).map(|b| b.display_title()).unwrap_or_default(),
            Place::WorkspaceMemo => "workspace memo".into(),
            Place::PassageMemo(id) => {
                let brief = ws
                    .passage(id)
                    .and_then(|p| ws.brief(p.brief))
                    .map(|b| b.display_title())
                    .unwrap_or_default();
                format!("memo of a passage in {brief}")
            }
            Place::TagName(_) => "tag".into(),
            Place::DeterminantTitle(_) => "determinant".into(),
            Place::ScenarioTitle(_) => "scenario".into(),
        }
    }

    /// The brief whose text this is.
    #[must_use]
    pub fn brief(self) -> Option<BriefId> {
        match self {
            Place::Brief(id) => Some(id),
            _ => None,
        }
    }
}

/// What a workspace search looks through besides the briefs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Scope {
    /// Also the workspace memo, the passages' memos, and the names of tags, determinants
    /// and scenarios.
    pub memos_and_names: bool,
}

/// Every searchable text of a workspace, folded once.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Each place with its position in its list of the workspace (briefs, passages; 0 for
    /// the others) and its folded text.
    fields: Vec<(Place, usize, FoldedText)>,
    folding: Folding,
    scope: Scope,
}

impl SearchIndex {
    /// Folds every text of `ws` that `scope` covers, as `folding` says (the matcher's
    /// [`Matcher::folding`]).
    #[must_use]
    pub fn new(ws: &Workspace, folding: Folding, scope: Scope) -> Self {
        let mut places: Vec<(Place, usize)> = ws
            .briefs
            .iter()
            .enumerate()
            .map(|(i, b)| (Place::Brief(b.id), i))
            .collect();
        if scope.memos_and_names {
            places.push((Place::WorkspaceMemo, 0));
            places.extend(
                ws.passages
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| !p.memo.trim().is_empty())
                    .map(|(k, p)| (Place::PassageMemo(p.id), k)),
            );
            places.extend(ws.tags.iter().map(|t| (Place::TagName(t.id), 0)));
            places.extend(
                ws.determinants
                    .iter()
                    .map(|d| (Place::DeterminantTitle(d.id), 0)),
            );
            places.extend(ws.scenarios.iter().map(|s| (Place::ScenarioTitle(s.id), 0)));
        }
        let fold = |places: &[(Place, usize)]| -> Vec<(Place, usize, FoldedText)> {
            places
                .iter()
                .filter_map(|&(place, slot)| {
                    let text = text_at(ws, place, slot)?;
                    Some((place, slot, FoldedText::new(text, folding)))
                })
                .collect()
        };
        // The first search after opening waits for this: fold the second half of the texts
        // on another thread (or here when the system gives none), keeping the order.
        let (first, second) = places.split_at(places.len() / 2);
        let fields = std::thread::scope(|scope| {
            let other = std::thread::Builder::new()
                .name("search index".into())
                .spawn_scoped(scope, || fold(second));
            let mut fields = fold(first);
            fields.extend(match other {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => fold(second),
            });
            fields
        });
        Self {
            fields,
            folding,
            scope,
        }
    }

    /// Whether this index can serve a search with `folding` over `scope` (for the same
    /// workspace revision: the caller keeps that).
    #[must_use]
    pub fn is_for(&self, folding: Folding, scope: Scope) -> bool {
        self.folding == folding && self.scope == scope
    }

    /// Every hit of `matcher` in the indexed texts of `ws` (the workspace it was built from),
    /// in the order of the briefs, then of the other places. A matcher of another folding
    /// than the index's finds nothing.
    #[must_use]
    pub fn search(&self, ws: &Workspace, matcher: &Matcher) -> Results {
        let mut found = Vec::new();
        if matcher.folding() != self.folding {
            return Results { found };
        }
        for (place, slot, folded) in &self.fields {
            let Some(text) = text_at(ws, *place, *slot) else {
                continue;
            };
            let bytes = matcher.find_bytes(text, folded);
            if bytes.is_empty() {
                continue;
            }
            let chars = bytes_to_chars(text, &bytes);
            found.extend(bytes.into_iter().zip(chars).map(|(b, c)| Found {
                place: *place,
                start: c.start,
                end: c.end,
                bytes: b,
            }));
        }
        Results { found }
    }
}

/// The text at `place`, taken from position `slot` of its list when the place is still
/// there (as in the workspace the index was built from), else looked up by id: a passage's
/// memo is not searched for among 50 000 passages once per memo.
fn text_at(ws: &Workspace, place: Place, slot: usize) -> Option<&str> {
    match place {
        Place::Brief(id) => match ws.briefs.get(slot) {
            Some(b) if b.id == id => Some(b.text.as_str()),
            _ => place.text(ws),
        },
        Place::PassageMemo(id) => match ws.passages.get(slot) {
            Some(p) if p.id == id => Some(p.memo.as_str()),
            _ => place.text(ws),
        },
        _ => place.text(ws),
    }
}

/// One hit, without its text: where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub place: Place,
    /// Code points of the place's text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The same range in bytes.
    pub bytes: Range<usize>,
}

/// A hit with its text and context, as a results list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub place: Place,
    /// Code points of the place's text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The hit as written.
    pub text: String,
    pub context: Context,
}

/// How many hits a brief has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefCount {
    pub brief: BriefId,
    pub title: String,
    pub hits: usize,
}

/// Every hit of a workspace search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    pub found: Vec<Found>,
}

/// Words of context on each side of a hit.
pub const CONTEXT_WORDS: usize = 5;

impl Results {
    #[must_use]
    pub fn len(&self) -> usize {
        self.found.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The briefs with hits, in the workspace's order, with their counts.
    #[must_use]
    pub fn per_brief(&self, ws: &Workspace) -> Vec<BriefCount> {
        let mut out: Vec<BriefCount> = Vec::new();
        for found in &self.found {
            let Some(brief) = found.place.brief() else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.brief == brief => last.hits += 1,
                _ => out.push(BriefCount {
                    brief,
                    title: found.place.label(ws),
                    hits: 1,
                }),
            }
        }
        out
    }

    /// Hits `range` (clamped) with their text and `CONTEXT_WORDS` words of context: one page
    /// of a results list.
    #[must_use]
    pub fn page(&self, ws: &Workspace, range: Range<usize>) -> Vec<Hit> {
        let end = range.end.min(self.found.len());
        let start = range.start.min(end);
        self.found[start..end]
            .iter()
            .filter_map(|found| {
                let text = found.place.text(ws)?;
                let hit = text.get(found.bytes.clone())?;
                Some(Hit {
                    place: found.place,
                    start: found.start,
                    end: found.end,
                    text: hit.to_owned(),
                    context: kwic::context(text, found.bytes.clone(), CONTEXT_WORDS),
                })
            })
            .collect()
    }

    /// What to say when there are none.
    #[must_use]
    pub fn summary(&self, ws: &Workspace) -> String {
        let briefs = self.per_brief(ws).len();
        match self.found.len() {
            0 => "no hits".into(),
            1 => "1 hit".into(),
            n if briefs > 0 => format!("{n} hits in {briefs} brief(s)"),
            n => format!("{n} hits"),
        }
    }
}

/// Compiles `query` and searches `ws` once (the command line; the app keeps the index).
///
/// # Errors
/// When the query is empty or not a valid regular expression.
pub fn search_workspace(
    ws: &Workspace,
    query: &Query,
    scope: Scope,
) -> Result<Results, QueryError> {
    let matcher = Matcher::new(query)?;
    let index = SearchIndex::new(ws, matcher.folding(), scope);
    Ok(index.search(ws, &matcher))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Brief, BriefMeta, Tag};
    use crate::search::WholeWord;

    fn workspace() -> Workspace {
        let brief = |title: &str, text: &str| {
            Brief::new(
                BriefId::new(),
                BriefMeta {
                    title: title.into(),
                    ..BriefMeta::default()
                },
                text.into(),
            )
        };
        Workspace {
            memo: "السؤال: ما مستقبل العراق؟".into(),
            briefs: vec![
                brief("one", "الانسحاب من العراق.\nوالعراقُ بلد"),
                brief("two", "لا شيء هنا"),
                brief("three", "بالعراق والعراقية"),
            ],
            tags: vec![Tag {
                id: TagId::new(),
                name: "العراق".into(),
                colour: crate::model::Colour::nth(0),
                parent: None,
                description: String::new(),
            }],
            ..Workspace::default()
        }
    }

    #[test]
    fn hits_are_counted_per_brief_and_paged_with_context() {
        let ws = workspace();
        let results =
            search_workspace(&ws, &Query::plain("العراق"), Scope::default()).expect("valid");
        assert_eq!(results.len(), 4);
        let counts = results.per_brief(&ws);
        let titles: Vec<(&str, usize)> =
            counts.iter().map(|c| (c.title.as_str(), c.hits)).collect();
        assert_eq!(titles, vec![("one", 2), ("three", 2)]);
        let page = results.page(&ws, 1..3);
        assert_eq!(page.len(), 2);
        // The hit as written, harakat included, with its line's words around it.
        assert_eq!(page[0].text, "العراقُ");
        assert_eq!(page[0].context.line(), "والعراقُ بلد");
        assert_eq!((page[0].start, page[0].end), (21, 28));
        assert_eq!(results.summary(&ws), "4 hits in 2 brief(s)");
    }

    #[test]
    fn memos_and_names_only_when_asked() {
        let ws = workspace();
        let query = Query {
            whole_word: WholeWord::Word,
            ..Query::plain("العراق")
        };
        let briefs_only = search_workspace(&ws, &query, Scope::default()).expect("valid");
        assert_eq!(briefs_only.len(), 1);
        let all = search_workspace(
            &ws,
            &query,
            Scope {
                memos_and_names: true,
            },
        )
        .expect("valid");
        let places: Vec<&str> = all.found.iter().map(|f| f.place.kind()).collect();
        assert_eq!(places, vec!["brief", "workspace memo", "tag"]);
    }

    #[test]
    fn no_hits_says_so() {
        let ws = workspace();
        let results =
            search_workspace(&ws, &Query::plain("واشنطن"), Scope::default()).expect("valid");
        assert!(results.is_empty());
        assert_eq!(results.summary(&ws), "no hits");
    }
}
