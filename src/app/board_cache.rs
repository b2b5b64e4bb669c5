//! The analysis board computed once per document revision (and per what-if and row choice),
//! never per frame: panels read the cached [`Shown`]. Revisions count from 0 in every opened
//! document, so the key also holds the model's session generation.
//!
//! What the panels derive from the board is cached beside it, each part keyed by what it
//! depends on besides the board: the critical changes in words (the interface's language), the
//! competing-scenarios rows in the order chosen, and the passages behind the chosen tag × tag
//! cell. A frame that changes none of these computes nothing.

use crate::analysis::{Board, Options, RowOrder, words};
use crate::app::state::BoardCell;
use crate::i18n::Locale;
use crate::model::{PassageId, Workspace};

/// The session generation (a new one for each workspace opened) and the document's revision.
pub type Revision = (u64, u64);

/// What the board's panels read.
#[derive(Debug)]
pub struct Shown {
    pub board: Board,
    /// The change each item of `board.sensitivity.critical` causes, as the sensitivity
    /// section says it ("Without it …"), in the interface's words (in the same order).
    pub changes: Vec<String>,
    /// The competing-scenarios rows (indices into `board.ach.rows`) in the order chosen.
    pub order: Vec<usize>,
    /// The passages behind the chosen tag × tag cell: those carrying both tags, then those of
    /// the overlapping pairs, each once. Empty when no such cell is chosen.
    pub chosen_passages: Vec<PassageId>,
}

/// What the derived parts were computed for.
#[derive(Debug, PartialEq)]
struct Derived {
    locale: Locale,
    order: RowOrder,
    cell: Option<BoardCell>,
}

/// What the board is shown with besides the workspace.
#[derive(Clone, Copy, Debug)]
pub struct Choices<'a> {
    pub options: &'a Options,
    pub locale: Locale,
    pub order: RowOrder,
    pub cell: Option<BoardCell>,
}

/// The last board computed and what it was computed for.
#[derive(Debug, Default)]
pub struct BoardCache {
    computed: Option<(Revision, Options, Shown)>,
    derived: Option<Derived>,
    /// How many times the board was computed (for tests).
    computations: usize,
    /// How many times the critical changes were put in words (for tests).
    phrasings: usize,
}

impl BoardCache {
    /// The board of `ws` at `revision` with `choices`, computed only when the revision or the
    /// options changed since the last call, and its derived parts only when what they depend
    /// on changed.
    pub fn get(&mut self, ws: &Workspace, revision: Revision, choices: Choices<'_>) -> &Shown {
        let fresh =
            matches!(&self.computed, Some((r, o, _)) if *r == revision && o == choices.options);
        if !fresh {
            self.computations += 1;
            self.derived = None;
            self.computed = None;
        }
        let (_, _, shown) = self.computed.get_or_insert_with(|| {
            let shown = Shown {
                board: Board::compute(ws, choices.options),
                changes: Vec::new(),
                order: Vec::new(),
                chosen_passages: Vec::new(),
            };
            (revision, choices.options.clone(), shown)
        });
        let wanted = Derived {
            locale: choices.locale,
            order: choices.order,
            cell: choices.cell,
        };
        let old = self.derived.take();
        if old.as_ref().map(|d| d.locale) != Some(wanted.locale) {
            shown.changes = shown
                .board
                .sensitivity
                .critical
                .iter()
                .map(|c| {
                    let change = words::change(wanted.locale, ws, &c.change);
                    crate::tr!(wanted.locale, "board-change", change = change)
                })
                .collect();
            self.phrasings += 1;
        }
        if old.as_ref().map(|d| d.order) != Some(wanted.order) {
            shown.order = shown.board.ach.order(wanted.order);
        }
        if old.as_ref().map(|d| d.cell) != Some(wanted.cell) {
            shown.chosen_passages = chosen_passages(&shown.board, wanted.cell);
        }
        self.derived = Some(wanted);
        shown
    }

    /// The board last computed, if any.
    #[must_use]
    pub fn last(&self) -> Option<&Board> {
        self.computed.as_ref().map(|(_, _, shown)| &shown.board)
    }

    /// How many times a board was computed.
    #[must_use]
    pub fn computations(&self) -> usize {
        self.computations
    }

    /// How many times the critical changes were put in words.
    #[must_use]
    pub fn phrasings(&self) -> usize {
        self.phrasings
    }
}

/// The passages behind a chosen tag × tag cell.
fn chosen_passages(board: &Board, cell: Option<BoardCell>) -> Vec<PassageId> {
    let Some(BoardCell::TagTag { row, column }) = cell else {
        return Vec::new();
    };
    let f = &board.frequencies;
    let position = |id| f.tags.iter().position(|t| *t == id);
    let Some(c) = position(row)
        .zip(position(column))
        .and_then(|(t, u)| f.cooccurrence(t, u))
    else {
        return Vec::new();
    };
    let mut seen = std::collections::HashSet::new();
    c.both
        .iter()
        .copied()
        .chain(c.overlapping.iter().flat_map(|(p, q)| [*p, *q]))
        .filter(|id| seen.insert(*id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Document, Edit};

    fn choices(options: &Options, locale: Locale) -> Choices<'_> {
        Choices {
            options,
            locale,
            order: RowOrder::Diagnosticity,
            cell: None,
        }
    }

    #[test]
    fn the_board_is_computed_once_per_revision_and_options() {
        let mut doc = Document::new(Workspace::default());
        let mut cache = BoardCache::default();
        let options = Options::default();
        let en = choices(&options, Locale::ENGLISH);
        for _ in 0..3 {
            let _ = cache.get(doc.workspace(), (0, doc.revision()), en);
        }
        assert_eq!(
            cache.computations(),
            1,
            "the same revision is not computed again"
        );
        assert_eq!(cache.phrasings(), 1, "nor put in words again");
        let _ = cache.get(
            doc.workspace(),
            (0, doc.revision()),
            choices(&options, Locale::ARABIC),
        );
        assert_eq!(
            (cache.computations(), cache.phrasings()),
            (1, 2),
            "another language puts the same board in other words"
        );
        doc.apply(Edit::SetWorkspaceTitle("Iraq".into()))
            .expect("edit");
        let _ = cache.get(doc.workspace(), (0, doc.revision()), en);
        assert_eq!(cache.computations(), 2, "an edit gives a new revision");
        let _ = cache.get(doc.workspace(), (1, doc.revision()), en);
        assert_eq!(
            cache.computations(),
            3,
            "another workspace opened at the same revision"
        );
        let mut what_if = options.clone();
        what_if.what_if.briefs.insert(crate::model::BriefId::new());
        let _ = cache.get(
            doc.workspace(),
            (1, doc.revision()),
            choices(&what_if, Locale::ENGLISH),
        );
        let _ = cache.get(
            doc.workspace(),
            (1, doc.revision()),
            choices(&what_if, Locale::ENGLISH),
        );
        assert_eq!(cache.computations(), 4, "a what-if is computed once");
        assert_eq!(cache.phrasings(), 5, "and put in words once");
        assert!(cache.last().is_some());
    }
}
