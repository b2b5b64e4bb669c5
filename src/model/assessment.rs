//! What the analyst sets to weigh the evidence: source grades (the Admiralty code), judgements of
//! how each driver bears on each future, ACH consistency ratings, the weights, and signposts.
//!
//! Everything here is keyed by the ids of the things it is about and kept in ordered maps, so
//! files diff cleanly and an entry can be set or cleared on its own (each through one
//! [`crate::edit::Edit`]). An absent entry means "not set": an ungraded brief, an unjudged cell,
//! a rating that still comes from the link. The words an analyst reads, and the standard
//! definitions, live here once so the interface, the exports and the command line agree.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use super::{BriefId, DeterminantId, LinkTarget, PassageId, Relation, ScenarioId, TagId};

/// How reliable a source is (the Admiralty letter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    /// Reliability cannot be judged: unknown, not bad.
    F,
}

impl Reliability {
    pub const ALL: [Reliability; 6] = [
        Reliability::A,
        Reliability::B,
        Reliability::C,
        Reliability::D,
        Reliability::E,
        Reliability::F,
    ];

    /// The letter, `A` to `F`.
    #[must_use]
    pub fn letter(self) -> char {
        match self {
            Reliability::A => 'A',
            Reliability::B => 'B',
            Reliability::C => 'C',
            Reliability::D => 'D',
            Reliability::E => 'E',
            Reliability::F => 'F',
        }
    }

    /// The standard definition (NATO AJP-2.1).
    #[must_use]
    pub fn definition(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// How credible a piece of information is (the Admiralty digit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Credibility {
    /// 1
    Confirmed,
    /// 2
    ProbablyTrue,
    /// 3
    PossiblyTrue,
    /// 4
    Doubtful,
    /// 5
    Improbable,
    /// 6: truth cannot be judged; unknown, not bad.
    CannotBeJudged,
}

impl Credibility {
    pub const ALL: [Credibility; 6] = [
        Credibility::Confirmed,
        Credibility::ProbablyTrue,
        Credibility::PossiblyTrue,
        Credibility::Doubtful,
        Credibility::Improbable,
        Credibility::CannotBeJudged,
    ];

    /// The digit, 1 to 6.
    #[must_use]
    pub fn digit(self) -> u8 {
        self as u8 + 1
    }

    /// The credibility of a digit 1 to 6.
    #[must_use]
    pub fn from_digit(digit: u8) -> Option<Self> {
        Self::ALL.get(usize::from(digit).checked_sub(1)?).copied()
    }

    /// The standard definition (NATO AJP-2.1).
    #[must_use]
    pub fn definition(self) -> &'static str {
        match self {
            Credibility::Confirmed => "confirmed by other independent sources",
            Credibility::ProbablyTrue => "probably true",
            Credibility::PossiblyTrue => "possibly true",
            Credibility::Doubtful => "doubtful",
            Credibility::Improbable => "improbable",
            Credibility::CannotBeJudged => "truth cannot be judged",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A brief's grade: either part may be not graded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SourceGrade {
    pub reliability: Option<Reliability>,
    pub credibility: Option<Credibility>,
}

impl SourceGrade {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.reliability.is_none() && self.credibility.is_none()
    }

    /// The badge, such as `B2`; `-` stands for an ungraded part (`B-`, `-3`); `None` when
    /// neither is graded.
    #[must_use]
    pub fn badge(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let letter = self.reliability.map_or('-', Reliability::letter);
        let digit = self
            .credibility
            .map_or_else(|| "-".to_owned(), |c| c.digit().to_string());
        Some(format!("{letter}{digit}"))
    }
}

/// How relevant a passage is to what it is linked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relevance {
    Low,
    Medium,
    High,
}

impl Relevance {
    pub const ALL: [Relevance; 3] = [Relevance::Low, Relevance::Medium, Relevance::High];

    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Relevance::Low => "low",
            Relevance::Medium => "medium",
            Relevance::High => "high",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// How a determinant as it stands bears on a scenario, −2 (strongly against) to +2 (strongly
/// for).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Judgement {
    StronglyAgainst,
    Against,
    Neutral,
    For,
    StronglyFor,
}

impl Judgement {
    pub const ALL: [Judgement; 5] = [
        Judgement::StronglyAgainst,
        Judgement::Against,
        Judgement::Neutral,
        Judgement::For,
        Judgement::StronglyFor,
    ];

    /// −2 to +2.
    #[must_use]
    pub fn value(self) -> i8 {
        self as i8 - 2
    }

    /// The judgement of −2 to +2.
    #[must_use]
    pub fn from_value(value: i8) -> Option<Self> {
        Self::ALL
            .get(usize::try_from(value.checked_add(2)?).ok()?)
            .copied()
    }

    /// The value with its sign, `-2` … `+2` (and `0`).
    #[must_use]
    pub fn signed(self) -> String {
        match self.value() {
            0 => "0".to_owned(),
            v => format!("{v:+}"),
        }
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Judgement::StronglyAgainst => "strongly against",
            Judgement::Against => "against",
            Judgement::Neutral => "neutral",
            Judgement::For => "for",
            Judgement::StronglyFor => "strongly for",
        }
    }
}

/// The analyst's entry in one determinant × scenario cell: a judgement (or not judged) and a
/// note. Stored only when one of them is set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CellJudgement {
    pub judgement: Option<Judgement>,
    pub note: String,
}

impl CellJudgement {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.judgement.is_none() && self.note.is_empty()
    }
}

/// How consistent a passage is with a scenario (ACH).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Consistency {
    /// CC
    VeryConsistent,
    /// C
    Consistent,
    /// N: neutral.
    Neutral,
    /// I
    Inconsistent,
    /// II
    VeryInconsistent,
    /// NA: not applicable.
    NotApplicable,
}

impl Consistency {
    pub const ALL: [Consistency; 6] = [
        Consistency::VeryConsistent,
        Consistency::Consistent,
        Consistency::Neutral,
        Consistency::Inconsistent,
        Consistency::VeryInconsistent,
        Consistency::NotApplicable,
    ];

    /// The code analysts write: CC, C, N, I, II, NA.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Consistency::VeryConsistent => "CC",
            Consistency::Consistent => "C",
            Consistency::Neutral => "N",
            Consistency::Inconsistent => "I",
            Consistency::VeryInconsistent => "II",
            Consistency::NotApplicable => "NA",
        }
    }

    #[must_use]
    pub fn definition(self) -> &'static str {
        match self {
            Consistency::VeryConsistent => "very consistent",
            Consistency::Consistent => "consistent",
            Consistency::Neutral => "neutral",
            Consistency::Inconsistent => "inconsistent",
            Consistency::VeryInconsistent => "very inconsistent",
            Consistency::NotApplicable => "not applicable",
        }
    }

    /// Heuer scores only inconsistency: I = 1, II = 2, everything else 0.
    #[must_use]
    pub fn inconsistency(self) -> u32 {
        match self {
            Consistency::Inconsistent => 1,
            Consistency::VeryInconsistent => 2,
            _ => 0,
        }
    }

    /// The rating a link implies when the analyst set none: supports → C, weakens → I; an
    /// indicator implies none.
    #[must_use]
    pub fn from_relation(relation: Relation) -> Option<Self> {
        match relation {
            Relation::Supports => Some(Consistency::Consistent),
            Relation::Weakens => Some(Consistency::Inconsistent),
            Relation::Indicator => None,
        }
    }
}

/// A weight in hundredths (100 = ×1.00), so weights compare exactly and files hold integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Weight(pub u16);

impl Weight {
    pub const ONE: Weight = Weight(100);

    #[must_use]
    pub fn factor(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

impl fmt::Display for Weight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// The weights a row's inconsistency is multiplied by: its source's reliability, its
/// credibility and its link's relevance. Ungraded counts as ×1.
///
/// The defaults follow the common low / medium / high = 1/√2, 1, √2 scheme; F and 6 ("cannot
/// be judged") weigh ×1, like an ungraded source, not like E and 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Weights {
    /// A to F.
    pub reliability: [Weight; 6],
    /// 1 to 6.
    pub credibility: [Weight; 6],
    /// Low, medium, high.
    pub relevance: [Weight; 3],
}

impl Default for Weights {
    fn default() -> Self {
        let scale = [141, 120, 100, 85, 71, 100].map(Weight);
        Weights {
            reliability: scale,
            credibility: scale,
            relevance: [71, 100, 141].map(Weight),
        }
    }
}

impl Weights {
    #[must_use]
    pub fn reliability(&self, r: Option<Reliability>) -> Weight {
        r.map_or(Weight::ONE, |r| self.reliability[r.index()])
    }

    #[must_use]
    pub fn credibility(&self, c: Option<Credibility>) -> Weight {
        c.map_or(Weight::ONE, |c| self.credibility[c.index()])
    }

    #[must_use]
    pub fn relevance(&self, r: Option<Relevance>) -> Weight {
        r.map_or(Weight::ONE, |r| self.relevance[r.index()])
    }
}

/// Where an indicator stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SignpostStatus {
    #[default]
    NotSeen,
    Emerging,
    Observed,
    Contradicted,
}

impl SignpostStatus {
    pub const ALL: [SignpostStatus; 4] = [
        SignpostStatus::NotSeen,
        SignpostStatus::Emerging,
        SignpostStatus::Observed,
        SignpostStatus::Contradicted,
    ];

    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            SignpostStatus::NotSeen => "not seen",
            SignpostStatus::Emerging => "emerging",
            SignpostStatus::Observed => "observed",
            SignpostStatus::Contradicted => "contradicted",
        }
    }
}

/// The status of one signpost (a passage linked to a scenario as its indicator) and when it
/// was last assessed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Signpost {
    pub status: SignpostStatus,
    pub assessed: Option<NaiveDate>,
}

/// Everything the analyst set to weigh the evidence. See the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    /// Each graded brief's grade (never an empty grade).
    pub grades: BTreeMap<BriefId, SourceGrade>,
    /// Passages whose credibility differs from their brief's.
    pub credibility: BTreeMap<PassageId, Credibility>,
    /// Relevance of a passage's link to a determinant or scenario; the link must exist.
    pub relevance: BTreeMap<(PassageId, LinkTarget), Relevance>,
    /// Determinant × scenario cells the analyst filled in (never an empty one).
    pub judgements: BTreeMap<(DeterminantId, ScenarioId), CellJudgement>,
    /// ACH ratings the analyst set; other cells take theirs from the link.
    pub ratings: BTreeMap<(PassageId, ScenarioId), Consistency>,
    pub weights: Weights,
    /// Signposts with a status; the passage must link to the scenario.
    pub signposts: BTreeMap<(PassageId, ScenarioId), Signpost>,
}

impl Assessment {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Assessment::default()
    }

    /// A brief's grade (empty when ungraded).
    #[must_use]
    pub fn grade(&self, brief: BriefId) -> SourceGrade {
        self.grades.get(&brief).copied().unwrap_or_default()
    }

    /// A passage's credibility: its own, or its brief's.
    #[must_use]
    pub fn passage_credibility(&self, passage: PassageId, brief: BriefId) -> Option<Credibility> {
        self.credibility
            .get(&passage)
            .copied()
            .or_else(|| self.grade(brief).credibility)
    }
}

/// What a memo can be attached to besides a passage (whose memo is its own field) and the
/// workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MemoTarget {
    Brief(BriefId),
    Tag(TagId),
    Determinant(DeterminantId),
    Scenario(ScenarioId),
}

/// Memos on briefs, tags, determinants and scenarios (never an empty one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Memos(pub BTreeMap<MemoTarget, String>);

impl Memos {
    /// The memo on `target`, empty when there is none.
    #[must_use]
    pub fn get(&self, target: MemoTarget) -> &str {
        self.0.get(&target).map_or("", String::as_str)
    }
}

/// The definitions of the Admiralty code, ACH ratings, judgements and signpost statuses as an
/// analyst reads them, one line each: what the interface shows where a grade is picked.
#[must_use]
pub fn definitions() -> Vec<(String, &'static str)> {
    let mut lines: Vec<(String, &'static str)> = Vec::new();
    for r in Reliability::ALL {
        lines.push((format!("source reliability {}", r.letter()), r.definition()));
    }
    for c in Credibility::ALL {
        lines.push((
            format!("information credibility {}", c.digit()),
            c.definition(),
        ));
    }
    for c in Consistency::ALL {
        lines.push((format!("consistency {}", c.code()), c.definition()));
    }
    for j in Judgement::ALL {
        lines.push((format!("judgement {}", j.signed()), j.label()));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_and_digits() {
        let g = SourceGrade {
            reliability: Some(Reliability::B),
            credibility: Some(Credibility::ProbablyTrue),
        };
        assert_eq!(g.badge().as_deref(), Some("B2"));
        assert_eq!(SourceGrade::default().badge(), None);
        assert_eq!(
            SourceGrade {
                reliability: Some(Reliability::F),
                credibility: None
            }
            .badge()
            .as_deref(),
            Some("F-")
        );
        for c in Credibility::ALL {
            assert_eq!(Credibility::from_digit(c.digit()), Some(c));
        }
        assert_eq!(Credibility::from_digit(0), None);
        assert_eq!(Credibility::from_digit(7), None);
        for j in Judgement::ALL {
            assert_eq!(Judgement::from_value(j.value()), Some(j));
        }
        assert_eq!(Judgement::from_value(3), None);
        assert_eq!(Judgement::from_value(-3), None);
    }

    #[test]
    fn cannot_be_judged_weighs_like_ungraded_not_like_the_worst_grade() {
        let w = Weights::default();
        assert_eq!(w.reliability(Some(Reliability::F)), w.reliability(None));
        assert_ne!(
            w.reliability(Some(Reliability::F)),
            w.reliability(Some(Reliability::E))
        );
        assert_eq!(
            w.credibility(Some(Credibility::CannotBeJudged)),
            w.credibility(None)
        );
        assert!(w.credibility(Some(Credibility::Improbable)) < Weight::ONE);
        assert_eq!(Weight(141).to_string(), "1.41");
        assert_eq!(Weight(71).to_string(), "0.71");
    }
}
