//! Version 1 of the workspace file: the serde types that *are* the format. Files of this
//! version are read with these types and migrated to version 2 (`super::v2::from_v1`); version 2
//! re-exports every type here but the workspace and the brief.
//!
//! A file format is a promise: these types change only with a new version and a migration,
//! whatever happens to the domain model. Unknown fields are refused, not skipped: a misspelt
//! `pasages:` would otherwise load as an empty list and be lost at the next save.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::words::{LikelihoodWord, RelationWord};
use crate::model::{BriefId, DeterminantId, PassageId, ScenarioId, TagId};

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
    pub likelihood: LikelihoodWord,
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
    pub relation: RelationWord,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LinkTargetV1 {
    Determinant(DeterminantId),
    Scenario(ScenarioId),
}
