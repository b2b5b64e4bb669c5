//! Version 1 of the workspace file: the serde types that *are* the format.
//!
//! A file format is a promise: these types change only with a new version and a migration,
//! whatever happens to the domain model. Unknown fields are refused, not skipped: a misspelt
//! `pasages:` would otherwise load as an empty list and be lost at the next save.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{BriefId, DeterminantId, Likelihood, PassageId, Relation, ScenarioId, TagId};

/// The whole file. Field order here is the order in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFileV1 {
    pub format: String,
    pub version: u32,
    pub title: String,
    #[serde(default)]
    pub memo: String,
    #[serde(default)]
    pub briefs: Vec<BriefV1>,
    #[serde(default)]
    pub codebook: Vec<TagV1>,
    #[serde(default)]
    pub determinants: Vec<DeterminantV1>,
    #[serde(default)]
    pub scenarios: Vec<ScenarioV1>,
    #[serde(default)]
    pub passages: Vec<PassageV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefV1 {
    pub id: BriefId,
    pub title: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub language: String,
    /// The text, one string per line, so that a changed line shows as one changed line in a diff.
    /// The lines are joined with `\n`.
    pub text: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagV1 {
    pub id: TagId,
    pub name: String,
    /// `#rrggbb`
    pub colour: String,
    #[serde(default)]
    pub parent: Option<TagId>,
    #[serde(default)]
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeterminantV1 {
    pub id: DeterminantId,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioV1 {
    pub id: ScenarioId,
    pub title: String,
    #[serde(default)]
    pub narrative: String,
    #[serde(default)]
    pub likelihood: Likelihood,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassageV1 {
    pub id: PassageId,
    pub brief: BriefId,
    pub anchor: AnchorV1,
    #[serde(default)]
    pub tags: Vec<TagId>,
    #[serde(default)]
    pub links: Vec<LinkV1>,
    #[serde(default)]
    pub memo: String,
    pub created: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnchorV1 {
    pub start: usize,
    pub end: usize,
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkV1 {
    pub to: LinkTargetV1,
    pub relation: Relation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LinkTargetV1 {
    Determinant(DeterminantId),
    Scenario(ScenarioId),
}

use crate::model::{LinkTarget, Workspace};

/// The file image of a workspace.
pub(super) fn from_workspace(ws: &Workspace) -> WorkspaceFileV1 {
    WorkspaceFileV1 {
        format: super::FORMAT_NAME.to_owned(),
        version: 1,
        title: ws.title.clone(),
        memo: ws.memo.clone(),
        briefs: ws
            .briefs
            .iter()
            .map(|b| BriefV1 {
                id: b.id,
                title: b.meta.title.clone(),
                publisher: b.meta.publisher.clone(),
                url: b.meta.url.clone(),
                published: b.meta.published,
                language: b.meta.language.clone(),
                text: b.text.split('\n').map(str::to_owned).collect(),
            })
            .collect(),
        codebook: ws
            .tags
            .iter()
            .map(|t| TagV1 {
                id: t.id,
                name: t.name.clone(),
                colour: t.colour.to_string(),
                parent: t.parent,
                description: t.description.clone(),
            })
            .collect(),
        determinants: ws
            .determinants
            .iter()
            .map(|d| DeterminantV1 {
                id: d.id,
                title: d.title.clone(),
                description: d.description.clone(),
            })
            .collect(),
        scenarios: ws
            .scenarios
            .iter()
            .map(|s| ScenarioV1 {
                id: s.id,
                title: s.title.clone(),
                narrative: s.narrative.clone(),
                likelihood: s.likelihood,
            })
            .collect(),
        passages: ws
            .passages
            .iter()
            .map(|p| PassageV1 {
                id: p.id,
                brief: p.brief,
                anchor: AnchorV1 {
                    start: p.anchor.start,
                    end: p.anchor.end,
                    quote: p.anchor.quote.clone(),
                    prefix: p.anchor.prefix.clone(),
                    suffix: p.anchor.suffix.clone(),
                },
                tags: p.tags.clone(),
                links: p
                    .links
                    .iter()
                    .map(|l| LinkV1 {
                        to: match l.target {
                            LinkTarget::Determinant(id) => LinkTargetV1::Determinant(id),
                            LinkTarget::Scenario(id) => LinkTargetV1::Scenario(id),
                        },
                        relation: l.relation,
                    })
                    .collect(),
                memo: p.memo.clone(),
                created: p.created,
            })
            .collect(),
    }
}
