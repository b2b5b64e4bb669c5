//! Version 2 of the workspace file: version 1 with each brief's reading direction. Files of this
//! version are read with these types and migrated to version 3 (`super::v3::from_v2`).
//!
//! Only the brief changed; every other part is version 1's type, re-exported. Version 1 files
//! are read as version 1 and migrated ([`from_v1`]): their briefs take their direction from the
//! text (`Auto`), as Basira always did before.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::v1::{BriefV1, WorkspaceFileV1};
pub use super::v1::{DeterminantV1, PassageV1, ScenarioV1, TagV1};
use super::words::DirectionWord;
use crate::model::BriefId;

/// The whole file. Field order here is the order in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFileV2 {
    pub format: String,
    pub version: u32,
    pub title: String,
    #[serde(default)]
    pub memo: String,
    #[serde(default)]
    pub briefs: Vec<BriefV2>,
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
pub struct BriefV2 {
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
    /// `Auto` (each paragraph from its first strong character), `Rtl` or `Ltr`.
    #[serde(default)]
    pub direction: DirectionWord,
    /// The text, one string per line, so that a changed line shows as one changed line in a diff.
    /// The lines are joined with `\n`.
    pub text: Vec<String>,
}

/// Migrates a version 1 file: every brief's direction comes from its text.
pub(super) fn from_v1(file: WorkspaceFileV1) -> WorkspaceFileV2 {
    WorkspaceFileV2 {
        format: file.format,
        version: 2,
        title: file.title,
        memo: file.memo,
        briefs: file.briefs.into_iter().map(brief_from_v1).collect(),
        codebook: file.codebook,
        determinants: file.determinants,
        scenarios: file.scenarios,
        passages: file.passages,
    }
}

fn brief_from_v1(b: BriefV1) -> BriefV2 {
    BriefV2 {
        id: b.id,
        title: b.title,
        publisher: b.publisher,
        url: b.url,
        published: b.published,
        language: b.language,
        direction: DirectionWord::Auto,
        text: b.text,
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::LikelihoodWord;
    use super::*;
    use crate::model::{ScenarioId, TagId, TextDirection};

    fn v1_brief(title: &str) -> BriefV1 {
        BriefV1 {
            id: BriefId::new(),
            title: title.into(),
            publisher: "Centre".into(),
            url: "https://example.org/b".into(),
            published: NaiveDate::from_ymd_opt(2025, 9, 25),
            language: "ar".into(),
            text: vec!["سطر".into(), String::new(), "line".into()],
        }
    }

    #[test]
    fn a_v1_brief_migrates_with_every_field_and_direction_auto() {
        let old = v1_brief("تقدير");
        let new = brief_from_v1(old.clone());
        assert_eq!(
            new,
            BriefV2 {
                id: old.id,
                title: old.title,
                publisher: old.publisher,
                url: old.url,
                published: old.published,
                language: old.language,
                direction: DirectionWord::Auto,
                text: old.text,
            }
        );
    }

    #[test]
    fn a_v1_file_migrates_to_version_2_keeping_everything_else() {
        let tag = TagV1 {
            id: TagId::new(),
            name: "t".into(),
            colour: "#112233".into(),
            parent: None,
            description: "d".into(),
        };
        let scenario = ScenarioV1 {
            id: ScenarioId::new(),
            title: "s".into(),
            narrative: String::new(),
            likelihood: LikelihoodWord::Likely,
        };
        let old = WorkspaceFileV1 {
            format: super::super::FORMAT_NAME.into(),
            version: 1,
            title: "w".into(),
            memo: "m".into(),
            briefs: vec![v1_brief("a"), v1_brief("b")],
            codebook: vec![tag.clone()],
            determinants: Vec::new(),
            scenarios: vec![scenario.clone()],
            passages: Vec::new(),
        };
        let new = from_v1(old.clone());
        assert_eq!(new.version, 2);
        assert_eq!(
            (new.format, new.title, new.memo),
            (old.format, old.title, old.memo)
        );
        assert_eq!(new.codebook, vec![tag]);
        assert_eq!(new.scenarios, vec![scenario]);
        assert_eq!(new.briefs.len(), 2);
        assert!(
            new.briefs
                .iter()
                .all(|b| b.direction == DirectionWord::Auto)
        );
        assert_eq!(
            new.briefs.iter().map(|b| b.id).collect::<Vec<_>>(),
            old.briefs.iter().map(|b| b.id).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_v1_file_text_reads_through_the_migration() {
        let v1 = "(format: \"basira-workspace\", version: 1, title: \"x\", briefs: [(id: \"0b6c4b02-5b0e-4a5e-9d4e-6f1c6f3d2a10\", title: \"b\", text: [\"نص\"])])";
        let ws = super::super::parse(v1).expect("a v1 file opens");
        assert_eq!(ws.briefs[0].meta.direction, TextDirection::Auto);
        let with_direction = v1.replace("title: \"b\",", "title: \"b\", direction: Ltr,");
        assert!(
            super::super::parse(&with_direction).is_err(),
            "version 1 has no direction field"
        );
        let v2 = with_direction.replace("version: 1", "version: 2");
        let ws = super::super::parse(&v2).expect("a v2 file opens");
        assert_eq!(ws.briefs[0].meta.direction, TextDirection::Ltr);
    }
}
