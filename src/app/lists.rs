//! What the passage lists show, worked out once per document revision (and filter and sort)
//! instead of on every frame: each brief's passages in reading order, and the passages list's
//! rows under the current filter, in the order the analyst sorted them. With 50 000 passages
//! a scan and sort per frame kept a core busy.
//!
//! Plain Rust, no egui: indices into [`Workspace::passages`], valid for the revision they were
//! made at ([`crate::edit::Document::revision`] is unique across documents, so a new document
//! never reuses them).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::state::{PassageColumn, PassageFilter, PassageSort};
use crate::i18n::Locale;
use crate::model::{BriefId, Colour, Passage, Relation, SourceGrade, TagId, Workspace};
use crate::tr;

/// What a row of the passages list shows, as text: made once per passage, revision and
/// language, so a frame of the list costs a lookup per visible row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowText {
    /// What assistive technology and tests call the row: `brief — «quote»`.
    pub label: String,
    pub brief: String,
    /// The quote on one line (long ones cut).
    pub quote: String,
    /// The source grade's badge ("B2"), when graded.
    pub grade: Option<String>,
    /// Each tag's name and colour.
    pub tags: Vec<(String, Colour)>,
    /// The tags' names, for assistive technology ("ISIS threats, Quds Force").
    pub tags_label: String,
    /// Each link's relation and target.
    pub links: Vec<(Relation, String)>,
    /// The links in words ("supports «Regional escalation»; weakens «…»").
    pub links_label: String,
    /// The memo (cut when long), when there is one.
    pub memo: Option<String>,
    pub created: String,
}

impl RowText {
    fn new(ws: &Workspace, passage: &Passage, loc: Locale) -> Self {
        let title = ws
            .brief(passage.brief)
            .map_or_else(|| tr!(loc, "missing-brief"), |b| b.display_title());
        let brief = one_line(&title, 30);
        let quote = one_line(&passage.anchor.quote, 160);
        let links: Vec<(Relation, String)> = passage
            .links
            .iter()
            .map(|l| {
                let title = ws
                    .link_target_title(l.target)
                    .map_or_else(|| tr!(loc, "missing-target"), str::to_owned);
                (l.relation, title)
            })
            .collect();
        let links_label = links
            .iter()
            .map(|(relation, title)| {
                tr!(
                    loc,
                    "passages-link",
                    relation = loc.relation(*relation),
                    target = title.as_str()
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let memo = passage.memo.trim();
        let tags: Vec<(String, Colour)> = passage
            .tags
            .iter()
            .filter_map(|t| ws.tag(*t))
            .map(|t| (t.name.clone(), t.colour))
            .collect();
        let tags_label = tags
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        Self {
            label: format!("{brief} — «{}»", one_line(&passage.anchor.quote, 70)),
            brief,
            quote,
            grade: SourceGrade {
                reliability: ws.assessment.grade(passage.brief).reliability,
                credibility: ws.assessment.passage_credibility(passage.id, passage.brief),
            }
            .badge(),
            tags,
            tags_label,
            links,
            links_label,
            memo: (!memo.is_empty()).then(|| one_line(memo, 300)),
            created: format!(
                "{} {}",
                loc.date(passage.created.date_naive()),
                loc.digits
                    .apply(&passage.created.format("%H:%M").to_string())
            ),
        }
    }
}

/// The first `max` characters of `text` on one line, with `…` when cut.
fn one_line(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The row texts made lately, by index into the passages, and the language they are in.
type RowTexts = (Option<Locale>, HashMap<usize, Rc<RowText>>);

/// Row texts kept at most before the cache starts again.
const ROW_TEXTS: usize = 4096;

/// The passages of each brief and the filtered passages list, for one revision.
#[derive(Debug, Default)]
pub struct PassageLists {
    revision: Option<u64>,
    /// Indices of each brief's passages, by start (shorter last at the same start).
    by_brief: HashMap<BriefId, Vec<usize>>,
    /// For each tag, how many passages carry it or one of its descendants, and how many carry
    /// it itself (the codebook's counts).
    tag_counts: HashMap<TagId, (usize, usize)>,
    /// The filter `filtered` was made with.
    filter: Option<PassageFilter>,
    /// The sort `filtered` was put in.
    sort: Option<PassageSort>,
    /// Indices of the passages the filter accepts, in brief order and then reading order,
    /// then sorted by `sort`.
    filtered: Vec<usize>,
    /// The text of the rows shown lately, by index into the passages, for the language they
    /// were made in; emptied when the revision or the language changes.
    row_texts: RefCell<RowTexts>,
}

impl PassageLists {
    /// Brings the lists up to `ws` at `revision` under `filter`, sorted by `sort` (nothing to
    /// do when none of them changed).
    pub fn refresh(
        &mut self,
        ws: &Workspace,
        revision: u64,
        filter: &PassageFilter,
        sort: PassageSort,
    ) {
        if self.revision != Some(revision) {
            self.revision = Some(revision);
            self.filter = None;
            self.row_texts.borrow_mut().1.clear();
            self.tag_counts = count_tags(ws);
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
        if self.sort != Some(sort) {
            // Made again from brief and reading order, then sorted.
            self.filter = None;
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
            sort_rows(ws, &mut self.filtered, sort);
            self.sort = Some(sort);
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

    /// How many passages carry `tag` or one of its descendants, and how many carry `tag`
    /// itself.
    pub fn tag_counts(&self, tag: TagId) -> (usize, usize) {
        self.tag_counts.get(&tag).copied().unwrap_or((0, 0))
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
    #[cfg(test)]
    pub fn filtered_row<'w>(&self, ws: &'w Workspace, row: usize) -> Option<&'w Passage> {
        self.filtered.get(row).and_then(|&i| ws.passages.get(i))
    }

    /// Row `row` of the passages list with what it shows in `loc`'s words (made on first use,
    /// then kept until the next revision).
    pub fn filtered_row_text<'w>(
        &self,
        ws: &'w Workspace,
        row: usize,
        loc: Locale,
    ) -> Option<(&'w Passage, Rc<RowText>)> {
        let &i = self.filtered.get(row)?;
        let passage = ws.passages.get(i)?;
        let mut cache = self.row_texts.borrow_mut();
        let (locale, texts) = &mut *cache;
        if *locale != Some(loc) || texts.len() >= ROW_TEXTS {
            *locale = Some(loc);
            texts.clear();
        }
        let text = texts
            .entry(i)
            .or_insert_with(|| Rc::new(RowText::new(ws, passage, loc)));
        Some((passage, Rc::clone(text)))
    }
}

/// Every tag's counts: a passage counts once for each tag it carries and once for each of
/// their ancestors (however many of its tags lie below one).
fn count_tags(ws: &Workspace) -> HashMap<TagId, (usize, usize)> {
    let mut counts: HashMap<TagId, (usize, usize)> = HashMap::new();
    let mut reached = std::collections::HashSet::new();
    for passage in &ws.passages {
        reached.clear();
        for &tag in &passage.tags {
            counts.entry(tag).or_default().1 += 1;
            // The tag and its ancestors (a cycle, refused by validation, stops the walk).
            let mut current = Some(tag);
            while let Some(id) = current {
                if !reached.insert(id) || reached.len() > ws.tags.len() + passage.tags.len() {
                    break;
                }
                current = ws.tag(id).and_then(|t| t.parent);
            }
        }
        for id in &reached {
            counts.entry(*id).or_default().0 += 1;
        }
    }
    counts
}

/// Puts `rows` (indices into `ws.passages`, in brief and reading order) in the order of
/// `sort`: stable, so rows that compare equal keep brief and reading order; a descending sort
/// is the exact reverse of the ascending one, so clicking a header again reverses the list.
fn sort_rows(ws: &Workspace, rows: &mut [usize], sort: PassageSort) {
    let Some(column) = sort.column else {
        return;
    };
    let passage = |i: usize| &ws.passages[i];
    match column {
        PassageColumn::Brief => {
            let titles: std::collections::HashMap<BriefId, String> = ws
                .briefs
                .iter()
                .map(|b| (b.id, sort_text(&b.display_title())))
                .collect();
            rows.sort_by_cached_key(|&i| titles.get(&passage(i).brief).cloned());
        }
        PassageColumn::Quote => rows.sort_by_cached_key(|&i| sort_text(&passage(i).anchor.quote)),
        PassageColumn::Grade => rows.sort_by_cached_key(|&i| {
            let p = passage(i);
            SourceGrade {
                reliability: ws.assessment.grade(p.brief).reliability,
                credibility: ws.assessment.passage_credibility(p.id, p.brief),
            }
            .badge()
        }),
        PassageColumn::Tags => rows.sort_by_cached_key(|&i| {
            let p = passage(i);
            let paths: Vec<String> = p.tags.iter().map(|t| sort_text(&ws.tag_path(*t))).collect();
            (p.tags.is_empty(), paths)
        }),
        PassageColumn::Links => rows.sort_by_cached_key(|&i| {
            let p = passage(i);
            let relations: Vec<usize> = p.links.iter().map(|l| l.relation as usize).collect();
            (p.links.len(), relations)
        }),
        PassageColumn::Memo => rows.sort_by_cached_key(|&i| {
            let memo = passage(i).memo.trim();
            (!memo.is_empty(), sort_text(memo))
        }),
        PassageColumn::Created => rows.sort_by_key(|&i| passage(i).created),
    }
    if sort.descending {
        rows.reverse();
    }
}

/// `text` as it sorts: case, harakat and tatweel ignored, hamza forms folded (as search does).
fn sort_text(text: &str) -> String {
    use crate::search::folding::{TATWEEL, fold_letter, is_haraka};
    text.chars()
        .filter(|c| !is_haraka(*c) && *c != TATWEEL)
        .flat_map(char::to_lowercase)
        .map(fold_letter)
        .collect()
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
        lists.refresh(&ws, 1, &all, PassageSort::default());
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
        lists.refresh(&ws, 1, &only_a, PassageSort::default());
        assert_eq!(lists.filtered_len(), 2);
        // The same revision is not read again; a new one is.
        ws.passages.remove(0);
        lists.refresh(&ws, 1, &only_a, PassageSort::default());
        assert_eq!(lists.count_of(a), 2);
        lists.refresh(&ws, 2, &only_a, PassageSort::default());
        assert_eq!(lists.count_of(a), 1);
        assert_eq!(lists.filtered_len(), 1);
    }

    #[test]
    fn a_sorted_list_follows_its_column_and_reverses_exactly() {
        let mut ws = workspace();
        // Quotes: b "12", b "5678", a "01", a "45"; memos on two.
        ws.passages[0].memo = "zebra".into();
        ws.passages[2].memo = "Alpha".into();
        let all = PassageFilter::default();
        let mut lists = PassageLists::default();
        let quotes = |lists: &PassageLists, ws: &Workspace| -> Vec<String> {
            (0..lists.filtered_len())
                .filter_map(|r| lists.filtered_row(ws, r))
                .map(|p| p.anchor.quote.clone())
                .collect()
        };
        let by = |column, descending| PassageSort {
            column: Some(column),
            descending,
        };
        lists.refresh(&ws, 1, &all, by(PassageColumn::Quote, false));
        assert_eq!(quotes(&lists, &ws), ["01", "12", "45", "5678"]);
        lists.refresh(&ws, 1, &all, by(PassageColumn::Quote, true));
        assert_eq!(quotes(&lists, &ws), ["5678", "45", "12", "01"]);
        // By brief title: "a" before "b", each in reading order.
        lists.refresh(&ws, 1, &all, by(PassageColumn::Brief, false));
        assert_eq!(quotes(&lists, &ws), ["01", "45", "12", "5678"]);
        // Memo: without one first, then by the memo ignoring case.
        lists.refresh(&ws, 1, &all, by(PassageColumn::Memo, false));
        assert_eq!(quotes(&lists, &ws), ["12", "5678", "01", "45"]);
        // Back to the workspace's order.
        lists.refresh(&ws, 1, &all, PassageSort::default());
        assert_eq!(quotes(&lists, &ws), ["12", "5678", "01", "45"]);
    }

    #[test]
    fn sorting_ignores_case_harakat_and_hamza_forms() {
        assert_eq!(sort_text("أحمد"), sort_text("احمد"));
        assert_eq!(sort_text("مُحَمَّد"), "محمد");
        assert_eq!(sort_text("NATO"), "nato");
    }

    #[test]
    fn tag_counts_roll_up_to_every_ancestor_once_per_passage() {
        use crate::model::Tag;
        let mut ws = workspace();
        let tag = |name: &str, parent: Option<TagId>| Tag {
            id: TagId::new(),
            name: name.into(),
            colour: Colour::nth(0),
            parent,
            description: String::new(),
        };
        let actors = tag("actors", None);
        let iran = tag("iran", Some(actors.id));
        let quds = tag("quds", Some(iran.id));
        let us = tag("us", Some(actors.id));
        ws.passages[0].tags = vec![quds.id, us.id];
        ws.passages[1].tags = vec![iran.id];
        ws.passages[2].tags = vec![actors.id, quds.id];
        let ids = (actors.id, iran.id, quds.id, us.id);
        ws.tags = vec![actors, iran, quds, us];
        let mut lists = PassageLists::default();
        lists.refresh(&ws, 1, &PassageFilter::default(), PassageSort::default());
        assert_eq!(lists.tag_counts(ids.0), (3, 1));
        assert_eq!(lists.tag_counts(ids.1), (3, 1));
        assert_eq!(lists.tag_counts(ids.2), (2, 2));
        assert_eq!(lists.tag_counts(ids.3), (1, 1));
        assert_eq!(lists.tag_counts(TagId::new()), (0, 0));
    }
}
