//! How a re-anchoring went, in numbers and in a sentence for the analyst.

use std::fmt;

use super::{Placement, Reanchored};

/// How many passages stayed, moved, were matched approximately or could not be placed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub kept: usize,
    pub moved: usize,
    pub fuzzy: usize,
    pub orphaned: usize,
}

impl Summary {
    /// Counts the placements of `results`.
    #[must_use]
    pub fn of(results: &[Reanchored]) -> Self {
        let mut summary = Summary::default();
        for result in results {
            match result.placement {
                Placement::Kept => summary.kept += 1,
                Placement::Moved => summary.moved += 1,
                Placement::Fuzzy { .. } => summary.fuzzy += 1,
                Placement::Orphaned => summary.orphaned += 1,
            }
        }
        summary
    }

    /// How many passages in all.
    #[must_use]
    pub fn total(&self) -> usize {
        self.kept + self.moved + self.fuzzy + self.orphaned
    }
}

/// "34 passages: 30 in place, 2 moved, 1 fuzzy-matched, 1 orphaned"; counts of zero are left
/// out ("12 passages: 12 in place"), and no passages at all is "0 passages".
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.total();
        write!(f, "{total} passage{}", if total == 1 { "" } else { "s" })?;
        let parts = [
            (self.kept, "in place"),
            (self.moved, "moved"),
            (self.fuzzy, "fuzzy-matched"),
            (self.orphaned, "orphaned"),
        ];
        let mut separator = ": ";
        for (count, what) in parts {
            if count > 0 {
                write!(f, "{separator}{count} {what}")?;
                separator = ", ";
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(kept: usize, moved: usize, fuzzy: usize, orphaned: usize) -> Summary {
        Summary {
            kept,
            moved,
            fuzzy,
            orphaned,
        }
    }

    #[test]
    fn the_sentence_names_every_count_but_zeros() {
        assert_eq!(
            summary(30, 2, 1, 1).to_string(),
            "34 passages: 30 in place, 2 moved, 1 fuzzy-matched, 1 orphaned"
        );
        assert_eq!(summary(12, 0, 0, 0).to_string(), "12 passages: 12 in place");
        assert_eq!(summary(0, 0, 0, 1).to_string(), "1 passage: 1 orphaned");
        assert_eq!(
            summary(0, 3, 0, 2).to_string(),
            "5 passages: 3 moved, 2 orphaned"
        );
        assert_eq!(Summary::default().to_string(), "0 passages");
    }

    #[test]
    fn of_counts_each_placement() {
        let result = |placement| Reanchored {
            placement,
            anchor: None,
        };
        let results = [
            result(Placement::Kept),
            result(Placement::Fuzzy { score: 0.9 }),
            result(Placement::Kept),
            result(Placement::Orphaned),
            result(Placement::Moved),
        ];
        assert_eq!(Summary::of(&results), summary(2, 1, 1, 1));
        assert_eq!(Summary::of(&results).total(), results.len());
    }
}
