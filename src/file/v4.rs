//! Version 4 of the workspace file: version 3 with what the analyst set to weigh the evidence,
//! and memos on briefs, tags, determinants and scenarios.
//!
//! Every part of version 3 is kept as it was (its types are re-used); version 4 adds sections
//! after the passages, each written only when it holds something, so a workspace without any of
//! them differs from version 3 by its version number alone:
//!
//! - `memos`: `(on: Brief("…"), text: "…")`, also `Tag`, `Determinant`, `Scenario`;
//! - `grades`: a brief's Admiralty grade, `(brief: "…", reliability: Some(B), credibility: Some(2))`;
//! - `credibility`: a passage's own credibility digit, overriding its brief's;
//! - `relevance`: of a passage's link, `(passage: "…", to: Scenario("…"), relevance: High)`;
//! - `judgements`: determinant × scenario cells, `judgement` −2 to 2 (or `None`) with a `note`;
//! - `ratings`: ACH ratings the analyst set, `CC`, `C`, `N`, `I`, `II` or `NA`;
//! - `weights`: in hundredths (100 = ×1), reliability A–F, credibility 1–6, relevance low,
//!   medium, high; absent while they are the defaults;
//! - `signposts`: an indicator's `status` and the date it was last `assessed`.
//!
//! Version 3 files are read as version 3 and migrated ([`from_v3`]): none of this was set.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::v3::{
    AnchorV1, BriefV3, DeterminantV1, HeadingV3, LinkTargetV1, LinkV1, PassageV3, ScenarioV1,
    SourceV3, TagV1, WorkspaceFileV3,
};
use super::words::{
    ConsistencyWord, RelevanceWord, ReliabilityWord, SignpostWord, credibility_digit,
};
use crate::model::{
    Assessment, BriefId, DeterminantId, LinkTarget, MemoTarget, PassageId, ScenarioId, TagId,
    Weight, Weights, Workspace,
};

/// The whole file. Field order here is the order in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFileV4 {
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub memos: Vec<MemoV4>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<GradeV4>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credibility: Vec<CredibilityV4>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relevance: Vec<RelevanceV4>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub judgements: Vec<JudgementV4>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<RatingV4>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<WeightsV4>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signposts: Vec<SignpostV4>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoV4 {
    pub on: MemoOnV4,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum MemoOnV4 {
    Brief(BriefId),
    Tag(TagId),
    Determinant(DeterminantId),
    Scenario(ScenarioId),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeV4 {
    pub brief: BriefId,
    /// `A` to `F`.
    #[serde(default)]
    pub reliability: Option<ReliabilityWord>,
    /// 1 to 6.
    #[serde(default)]
    pub credibility: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CredibilityV4 {
    pub passage: PassageId,
    /// 1 to 6.
    pub credibility: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelevanceV4 {
    pub passage: PassageId,
    pub to: LinkTargetV1,
    pub relevance: RelevanceWord,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgementV4 {
    pub determinant: DeterminantId,
    pub scenario: ScenarioId,
    /// −2 (strongly against) to 2 (strongly for); `None` when not judged.
    #[serde(default)]
    pub judgement: Option<i8>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingV4 {
    pub passage: PassageId,
    pub scenario: ScenarioId,
    pub rating: ConsistencyWord,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightsV4 {
    /// Hundredths for A, B, C, D, E, F.
    pub reliability: Vec<u16>,
    /// Hundredths for 1 to 6.
    pub credibility: Vec<u16>,
    /// Hundredths for low, medium, high.
    pub relevance: Vec<u16>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignpostV4 {
    pub passage: PassageId,
    pub scenario: ScenarioId,
    pub status: SignpostWord,
    #[serde(default)]
    pub assessed: Option<NaiveDate>,
}

/// Migrates a version 3 file: nothing is graded, judged, rated or weighted yet.
pub(super) fn from_v3(file: WorkspaceFileV3) -> WorkspaceFileV4 {
    WorkspaceFileV4 {
        format: file.format,
        version: 4,
        title: file.title,
        memo: file.memo,
        briefs: file.briefs,
        codebook: file.codebook,
        determinants: file.determinants,
        scenarios: file.scenarios,
        passages: file.passages,
        memos: Vec::new(),
        grades: Vec::new(),
        credibility: Vec::new(),
        relevance: Vec::new(),
        judgements: Vec::new(),
        ratings: Vec::new(),
        weights: None,
        signposts: Vec::new(),
    }
}

/// Splits a version 4 file into the version 3 part and the rest.
pub(super) fn split(file: WorkspaceFileV4) -> (WorkspaceFileV3, Additions) {
    (
        WorkspaceFileV3 {
            format: file.format,
            version: file.version,
            title: file.title,
            memo: file.memo,
            briefs: file.briefs,
            codebook: file.codebook,
            determinants: file.determinants,
            scenarios: file.scenarios,
            passages: file.passages,
        },
        Additions {
            memos: file.memos,
            grades: file.grades,
            credibility: file.credibility,
            relevance: file.relevance,
            judgements: file.judgements,
            ratings: file.ratings,
            weights: file.weights,
            signposts: file.signposts,
        },
    )
}

/// What version 4 adds to version 3 (see [`split`]).
pub(super) struct Additions {
    pub memos: Vec<MemoV4>,
    pub grades: Vec<GradeV4>,
    pub credibility: Vec<CredibilityV4>,
    pub relevance: Vec<RelevanceV4>,
    pub judgements: Vec<JudgementV4>,
    pub ratings: Vec<RatingV4>,
    pub weights: Option<WeightsV4>,
    pub signposts: Vec<SignpostV4>,
}

pub(super) fn link_target(to: &LinkTargetV1) -> LinkTarget {
    match *to {
        LinkTargetV1::Determinant(id) => LinkTarget::Determinant(id),
        LinkTargetV1::Scenario(id) => LinkTarget::Scenario(id),
    }
}

fn link_target_v1(to: LinkTarget) -> LinkTargetV1 {
    match to {
        LinkTarget::Determinant(id) => LinkTargetV1::Determinant(id),
        LinkTarget::Scenario(id) => LinkTargetV1::Scenario(id),
    }
}

fn hundredths(weights: &[Weight]) -> Vec<u16> {
    weights.iter().map(|w| w.0).collect()
}

/// The file image of a workspace.
pub(super) fn from_workspace(ws: &Workspace) -> WorkspaceFileV4 {
    let mut file = from_v3(super::v3::from_workspace(ws));
    let a: &Assessment = &ws.assessment;
    file.memos = ws
        .memos
        .0
        .iter()
        .map(|(on, text)| MemoV4 {
            on: match *on {
                MemoTarget::Brief(id) => MemoOnV4::Brief(id),
                MemoTarget::Tag(id) => MemoOnV4::Tag(id),
                MemoTarget::Determinant(id) => MemoOnV4::Determinant(id),
                MemoTarget::Scenario(id) => MemoOnV4::Scenario(id),
            },
            text: text.clone(),
        })
        .collect();
    file.grades = a
        .grades
        .iter()
        .map(|(brief, g)| GradeV4 {
            brief: *brief,
            reliability: g.reliability.map(Into::into),
            credibility: g.credibility.map(credibility_digit),
        })
        .collect();
    file.credibility = a
        .credibility
        .iter()
        .map(|(passage, c)| CredibilityV4 {
            passage: *passage,
            credibility: credibility_digit(*c),
        })
        .collect();
    file.relevance = a
        .relevance
        .iter()
        .map(|((passage, to), r)| RelevanceV4 {
            passage: *passage,
            to: link_target_v1(*to),
            relevance: (*r).into(),
        })
        .collect();
    file.judgements = a
        .judgements
        .iter()
        .map(|((determinant, scenario), j)| JudgementV4 {
            determinant: *determinant,
            scenario: *scenario,
            judgement: j.judgement.map(crate::model::Judgement::value),
            note: j.note.clone(),
        })
        .collect();
    file.ratings = a
        .ratings
        .iter()
        .map(|((passage, scenario), r)| RatingV4 {
            passage: *passage,
            scenario: *scenario,
            rating: (*r).into(),
        })
        .collect();
    file.weights = (a.weights != Weights::default()).then(|| WeightsV4 {
        reliability: hundredths(&a.weights.reliability),
        credibility: hundredths(&a.weights.credibility),
        relevance: hundredths(&a.weights.relevance),
    });
    file.signposts = a
        .signposts
        .iter()
        .map(|((passage, scenario), s)| SignpostV4 {
            passage: *passage,
            scenario: *scenario,
            status: s.status.into(),
            assessed: s.assessed,
        })
        .collect();
    file
}
