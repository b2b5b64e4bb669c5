//! Version 3 of the workspace file: version 2 with where each brief came from.
//!
//! A brief gains its `author`, its `source` (file name, format, import time, SHA-256 of the
//! file), the `headings` its source format marked and the structure proposals the analyst
//! `dismissed`; a passage can be `orphaned` (it lost its place when its brief's text was
//! replaced by a newer version). Every other part is version 1's type, re-exported. Version 2
//! files are read as version 2 and migrated ([`from_v2`]); the optional parts are written only
//! when they hold something, so a workspace of typed-in briefs reads as before.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::v1::PassageV1;
pub use super::v1::{AnchorV1, DeterminantV1, LinkTargetV1, LinkV1, ScenarioV1, TagV1};
use super::v2::{BriefV2, WorkspaceFileV2};
use super::words::{DirectionWord, SourceFormatWord};
use crate::model::{BriefId, LinkTarget, PassageId, TagId, Workspace};

/// The whole file. Field order here is the order in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFileV3 {
    pub format: String,
    pub version: u32,
    pub title: String,
    #[serde(default)]
    pub memo: String,
    #[serde(default)]
    pub briefs: Vec<BriefV3>,
    #[serde(default)]
    pub codebook: Vec<TagV1>,
    #[serde(default)]
    pub determinants: Vec<DeterminantV1>,
    #[serde(default)]
    pub scenarios: Vec<ScenarioV1>,
    #[serde(default)]
    pub passages: Vec<PassageV3>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefV3 {
    pub id: BriefId,
    pub title: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub language: String,
    /// `Auto` (each paragraph from its first strong character), `Rtl` or `Ltr`.
    #[serde(default)]
    pub direction: DirectionWord,
    /// The file the brief was imported from; absent for a brief typed or pasted in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceV3>,
    /// Headings the source format marked; absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<HeadingV3>,
    /// Keys of dismissed structure proposals; absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<String>,
    /// The text, one string per line, so that a changed line shows as one changed line in a diff.
    /// The lines are joined with `\n`.
    pub text: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceV3 {
    pub file: String,
    /// `Text`, `Markdown`, `Html`, `Docx` or `Pdf`.
    pub format: SourceFormatWord,
    pub imported: DateTime<Utc>,
    /// SHA-256 of the file's bytes, 64 lowercase hex digits.
    pub sha256: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingV3 {
    pub start: usize,
    pub end: usize,
    pub level: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassageV3 {
    pub id: PassageId,
    pub brief: BriefId,
    pub anchor: AnchorV1,
    /// Present (and `true`) only for a passage that lost its place in a new version of its brief.
    #[serde(default, skip_serializing_if = "is_false")]
    pub orphaned: bool,
    #[serde(default)]
    pub tags: Vec<TagId>,
    #[serde(default)]
    pub links: Vec<LinkV1>,
    #[serde(default)]
    pub memo: String,
    pub created: DateTime<Utc>,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_false(value: &bool) -> bool {
    !*value
}

/// Migrates a version 2 file: no brief has a known source, headings or dismissed proposals, no
/// passage is orphaned.
pub(super) fn from_v2(file: WorkspaceFileV2) -> WorkspaceFileV3 {
    WorkspaceFileV3 {
        format: file.format,
        version: 3,
        title: file.title,
        memo: file.memo,
        briefs: file.briefs.into_iter().map(brief_from_v2).collect(),
        codebook: file.codebook,
        determinants: file.determinants,
        scenarios: file.scenarios,
        passages: file.passages.into_iter().map(passage_from_v1).collect(),
    }
}

fn brief_from_v2(b: BriefV2) -> BriefV3 {
    BriefV3 {
        id: b.id,
        title: b.title,
        author: String::new(),
        publisher: b.publisher,
        url: b.url,
        published: b.published,
        language: b.language,
        direction: b.direction,
        source: None,
        headings: Vec::new(),
        dismissed: Vec::new(),
        text: b.text,
    }
}

fn passage_from_v1(p: PassageV1) -> PassageV3 {
    PassageV3 {
        id: p.id,
        brief: p.brief,
        anchor: p.anchor,
        orphaned: false,
        tags: p.tags,
        links: p.links,
        memo: p.memo,
        created: p.created,
    }
}

/// The file image of a workspace.
pub(super) fn from_workspace(ws: &Workspace) -> WorkspaceFileV3 {
    WorkspaceFileV3 {
        format: super::FORMAT_NAME.to_owned(),
        version: 3,
        title: ws.title.clone(),
        memo: ws.memo.clone(),
        briefs: ws
            .briefs
            .iter()
            .map(|b| BriefV3 {
                id: b.id,
                title: b.meta.title.clone(),
                author: b.meta.author.clone(),
                publisher: b.meta.publisher.clone(),
                url: b.meta.url.clone(),
                published: b.meta.published,
                language: b.meta.language.clone(),
                direction: b.meta.direction.into(),
                source: b.source.as_ref().map(|s| SourceV3 {
                    file: s.file_name.clone(),
                    format: s.format.into(),
                    imported: s.imported,
                    sha256: s.sha256.clone(),
                }),
                headings: b
                    .headings
                    .iter()
                    .map(|h| HeadingV3 {
                        start: h.start,
                        end: h.end,
                        level: h.level,
                    })
                    .collect(),
                dismissed: b.dismissed_proposals.clone(),
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
                likelihood: s.likelihood.into(),
            })
            .collect(),
        passages: ws
            .passages
            .iter()
            .map(|p| PassageV3 {
                id: p.id,
                brief: p.brief,
                anchor: AnchorV1 {
                    start: p.anchor.start,
                    end: p.anchor.end,
                    quote: p.anchor.quote.clone(),
                    prefix: p.anchor.prefix.clone(),
                    suffix: p.anchor.suffix.clone(),
                },
                orphaned: p.orphaned,
                tags: p.tags.clone(),
                links: p.links.iter().map(link).collect(),
                memo: p.memo.clone(),
                created: p.created,
            })
            .collect(),
    }
}

fn link(l: &crate::model::Link) -> LinkV1 {
    LinkV1 {
        to: match l.target {
            LinkTarget::Determinant(id) => LinkTargetV1::Determinant(id),
            LinkTarget::Scenario(id) => LinkTargetV1::Scenario(id),
        },
        relation: l.relation.into(),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::TextDirection;

    #[test]
    fn a_v2_file_text_reads_through_the_migration_and_v3_fields_need_v3() {
        let v2 = "(format: \"basira-workspace\", version: 2, title: \"x\", briefs: [(id: \"0b6c4b02-5b0e-4a5e-9d4e-6f1c6f3d2a10\", title: \"b\", direction: Rtl, text: [\"نص\"])])";
        let ws = super::super::parse(v2).expect("a v2 file opens");
        let brief = &ws.briefs[0];
        assert_eq!(brief.meta.direction, TextDirection::Rtl);
        assert_eq!(
            (brief.source.as_ref(), brief.meta.author.as_str()),
            (None, "")
        );
        let with_author = v2.replace("title: \"b\",", "title: \"b\", author: \"م. ع.\",");
        assert!(
            super::super::parse(&with_author).is_err(),
            "version 2 has no author field"
        );
        let v3 = with_author.replace("version: 2", "version: 3");
        let ws = super::super::parse(&v3).expect("a v3 file opens");
        assert_eq!(ws.briefs[0].meta.author, "م. ع.");
    }
}
