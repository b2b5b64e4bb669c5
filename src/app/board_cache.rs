//! The analysis board computed once per document revision (and per what-if and row choice),
//! never per frame: panels read the cached [`Board`]. Revisions count from 0 in every opened
//! document, so the key also holds the model's session generation.

use crate::analysis::{Board, Options};
use crate::model::Workspace;

/// The session generation (a new one for each workspace opened) and the document's revision.
pub type Revision = (u64, u64);

/// The last board computed and what it was computed for.
#[derive(Debug, Default)]
pub struct BoardCache {
    computed: Option<(Revision, Options, Board)>,
    /// How many times the board was computed (for tests).
    computations: usize,
}

impl BoardCache {
    /// The board of `ws` at `revision` with `options`, computed only when either changed since
    /// the last call.
    pub fn get(&mut self, ws: &Workspace, revision: Revision, options: &Options) -> Option<&Board> {
        let fresh = matches!(&self.computed, Some((r, o, _)) if *r == revision && o == options);
        if !fresh {
            self.computed = Some((revision, options.clone(), Board::compute(ws, options)));
            self.computations += 1;
        }
        self.computed.as_ref().map(|(_, _, board)| board)
    }

    /// The board last computed, if any.
    #[must_use]
    pub fn last(&self) -> Option<&Board> {
        self.computed.as_ref().map(|(_, _, board)| board)
    }

    /// How many times a board was computed.
    #[must_use]
    pub fn computations(&self) -> usize {
        self.computations
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Document, Edit};

    #[test]
    fn the_board_is_computed_once_per_revision_and_options() {
        let mut doc = Document::new(Workspace::default());
        let mut cache = BoardCache::default();
        let options = Options::default();
        for _ in 0..3 {
            assert!(
                cache
                    .get(doc.workspace(), (0, doc.revision()), &options)
                    .is_some()
            );
        }
        assert_eq!(
            cache.computations(),
            1,
            "the same revision is not computed again"
        );
        doc.apply(Edit::SetWorkspaceTitle("Iraq".into()))
            .expect("edit");
        let _ = cache.get(doc.workspace(), (0, doc.revision()), &options);
        assert_eq!(cache.computations(), 2, "an edit gives a new revision");
        let _ = cache.get(doc.workspace(), (1, doc.revision()), &options);
        assert_eq!(
            cache.computations(),
            3,
            "another workspace opened at the same revision"
        );
        let mut what_if = options.clone();
        what_if.what_if.briefs.insert(crate::model::BriefId::new());
        let _ = cache.get(doc.workspace(), (1, doc.revision()), &what_if);
        let _ = cache.get(doc.workspace(), (1, doc.revision()), &what_if);
        assert_eq!(cache.computations(), 4, "a what-if is computed once");
        assert!(cache.last().is_some());
    }
}
