//! Which passages an export (or the passages list) shows.

use crate::model::{BriefId, DeterminantId, LinkTarget, Passage, ScenarioId, TagId, Workspace};

/// A resolved filter: each set field must match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub brief: Option<BriefId>,
    /// Matches the tag and every tag below it in the codebook.
    pub tag: Option<TagId>,
    pub determinant: Option<DeterminantId>,
    pub scenario: Option<ScenarioId>,
}

impl Filter {
    #[must_use]
    pub fn accepts(&self, ws: &Workspace, passage: &Passage) -> bool {
        self.brief.is_none_or(|b| passage.brief == b)
            && self
                .tag
                .is_none_or(|t| passage.tags.iter().any(|pt| ws.tag_is_within(*pt, t)))
            && self.determinant.is_none_or(|d| {
                passage
                    .links
                    .iter()
                    .any(|l| l.target == LinkTarget::Determinant(d))
            })
            && self.scenario.is_none_or(|s| {
                passage
                    .links
                    .iter()
                    .any(|l| l.target == LinkTarget::Scenario(s))
            })
    }
}

/// A filter as a person writes it: names, titles or ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterSpec {
    pub brief: Option<String>,
    pub tag: Option<String>,
    pub determinant: Option<String>,
    pub scenario: Option<String>,
}

/// A filter word that names nothing, or several things.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("no {kind} is called or has the id «{word}»; the {kind}s are: {known}")]
    NoMatch {
        kind: &'static str,
        word: String,
        known: String,
    },
    #[error("«{word}» matches several {kind}s: {matches}; give more of the title or the id")]
    Ambiguous {
        kind: &'static str,
        word: String,
        matches: String,
    },
}

/// Finds the one item whose id (or id prefix) or name matches `word`.
/// An exact name wins over a name that merely contains the word.
fn resolve<Id: Copy + ToString>(
    kind: &'static str,
    word: &str,
    items: &[(Id, &str)],
) -> Result<Id, FilterError> {
    let w = word.trim().to_lowercase();
    let by_id: Vec<_> = items
        .iter()
        .filter(|(id, _)| id.to_string().starts_with(&w))
        .collect();
    if w.len() >= 4 && by_id.len() == 1 {
        return Ok(by_id[0].0);
    }
    let exact: Vec<_> = items
        .iter()
        .filter(|(_, name)| name.trim().to_lowercase() == w)
        .collect();
    if exact.len() == 1 {
        return Ok(exact[0].0);
    }
    let partial: Vec<_> = items
        .iter()
        .filter(|(_, name)| name.to_lowercase().contains(&w))
        .collect();
    match partial.len() {
        1 => Ok(partial[0].0),
        0 => Err(FilterError::NoMatch {
            kind,
            word: word.to_owned(),
            known: items
                .iter()
                .map(|(_, n)| format!("«{n}»"))
                .collect::<Vec<_>>()
                .join(", "),
        }),
        _ => Err(FilterError::Ambiguous {
            kind,
            word: word.to_owned(),
            matches: partial
                .iter()
                .map(|(_, n)| format!("«{n}»"))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

impl FilterSpec {
    /// Resolves every word against the workspace.
    ///
    /// # Errors
    /// The first word that names nothing or several things.
    pub fn resolve(&self, ws: &Workspace) -> Result<Filter, FilterError> {
        let briefs: Vec<(BriefId, String)> = ws
            .briefs
            .iter()
            .map(|b| (b.id, b.display_title()))
            .collect();
        let briefs: Vec<(BriefId, &str)> = briefs.iter().map(|(i, n)| (*i, n.as_str())).collect();
        let tags: Vec<(TagId, &str)> = ws.tags.iter().map(|t| (t.id, t.name.as_str())).collect();
        let dets: Vec<(DeterminantId, &str)> = ws
            .determinants
            .iter()
            .map(|d| (d.id, d.title.as_str()))
            .collect();
        let scens: Vec<(ScenarioId, &str)> = ws
            .scenarios
            .iter()
            .map(|s| (s.id, s.title.as_str()))
            .collect();
        Ok(Filter {
            brief: self
                .brief
                .as_deref()
                .map(|w| resolve("brief", w, &briefs))
                .transpose()?,
            tag: self
                .tag
                .as_deref()
                .map(|w| resolve("tag", w, &tags))
                .transpose()?,
            determinant: self
                .determinant
                .as_deref()
                .map(|w| resolve("determinant", w, &dets))
                .transpose()?,
            scenario: self
                .scenario
                .as_deref()
                .map(|w| resolve("scenario", w, &scens))
                .transpose()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_resolve_by_exact_name_then_by_part_then_by_id() {
        let a = TagId::new();
        let b = TagId::new();
        let items = [(a, "Iran"), (b, "Iranian influence")];
        assert_eq!(resolve("tag", "iran", &items), Ok(a));
        assert_eq!(resolve("tag", "influence", &items), Ok(b));
        assert_eq!(resolve("tag", &b.to_string()[..8], &items), Ok(b));
        assert!(matches!(
            resolve("tag", "ira", &items),
            Err(FilterError::Ambiguous { .. })
        ));
        assert!(matches!(
            resolve("tag", "ISIS", &items),
            Err(FilterError::NoMatch { .. })
        ));
    }
}
