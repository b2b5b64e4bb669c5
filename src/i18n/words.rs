//! The model's words in the interface's language: relations, likelihoods, reading directions,
//! source formats, undo steps and re-anchoring summaries. The model keeps its own English
//! names (`Relation::word`, `Likelihood::label`, `Edit::label`) for files, the CLI and tests;
//! these are what the interface shows.

use super::Locale;
use crate::model::{
    Consistency, Credibility, Judgement, Likelihood, Relation, Relevance, Reliability,
    SignpostStatus, SourceFormat, TextDirection,
};
use crate::reanchor::Summary;
use crate::tr;

impl Locale {
    /// A link's relation: supports, weakens, indicator.
    #[must_use]
    pub fn relation(&self, relation: Relation) -> String {
        match relation {
            Relation::Supports => tr!(self, "relation-supports"),
            Relation::Weakens => tr!(self, "relation-weakens"),
            Relation::Indicator => tr!(self, "relation-indicator"),
        }
    }

    /// A source reliability grade with its standard definition: "B — usually reliable".
    #[must_use]
    pub fn reliability(&self, r: Reliability) -> String {
        let definition = match r {
            Reliability::A => tr!(self, "reliability-a"),
            Reliability::B => tr!(self, "reliability-b"),
            Reliability::C => tr!(self, "reliability-c"),
            Reliability::D => tr!(self, "reliability-d"),
            Reliability::E => tr!(self, "reliability-e"),
            Reliability::F => tr!(self, "reliability-f"),
        };
        format!("{} — {definition}", r.letter())
    }

    /// An information credibility grade with its standard definition: "2 — probably true".
    #[must_use]
    pub fn credibility(&self, c: Credibility) -> String {
        let definition = match c {
            Credibility::Confirmed => tr!(self, "credibility-1"),
            Credibility::ProbablyTrue => tr!(self, "credibility-2"),
            Credibility::PossiblyTrue => tr!(self, "credibility-3"),
            Credibility::Doubtful => tr!(self, "credibility-4"),
            Credibility::Improbable => tr!(self, "credibility-5"),
            Credibility::CannotBeJudged => tr!(self, "credibility-6"),
        };
        format!(
            "{} — {definition}",
            self.digits.apply(&c.digit().to_string())
        )
    }

    /// A link's relevance: low, medium, high.
    #[must_use]
    pub fn relevance(&self, r: Relevance) -> String {
        match r {
            Relevance::Low => tr!(self, "relevance-low"),
            Relevance::Medium => tr!(self, "relevance-medium"),
            Relevance::High => tr!(self, "relevance-high"),
        }
    }

    /// A determinant × scenario judgement with its value: "+1 for".
    #[must_use]
    pub fn judgement(&self, j: Judgement) -> String {
        let word = match j {
            Judgement::StronglyAgainst => tr!(self, "judgement-strongly-against"),
            Judgement::Against => tr!(self, "judgement-against"),
            Judgement::Neutral => tr!(self, "judgement-neutral"),
            Judgement::For => tr!(self, "judgement-for"),
            Judgement::StronglyFor => tr!(self, "judgement-strongly-for"),
        };
        format!("{} {word}", self.signed(j.value()))
    }

    /// A signed small number in the interface's digits: "+2", "-1", "0" (a hyphen-minus: the
    /// interface font has no U+2212).
    #[must_use]
    pub fn signed(&self, value: i8) -> String {
        let digits = self
            .digits
            .apply(&value.unsigned_abs().to_string())
            .into_owned();
        match value {
            v if v > 0 => format!("+{digits}"),
            v if v < 0 => format!("-{digits}"),
            _ => digits,
        }
    }

    /// What an ACH consistency code means: "very consistent"…
    #[must_use]
    pub fn consistency(&self, c: Consistency) -> String {
        match c {
            Consistency::VeryConsistent => tr!(self, "consistency-cc"),
            Consistency::Consistent => tr!(self, "consistency-c"),
            Consistency::Neutral => tr!(self, "consistency-n"),
            Consistency::Inconsistent => tr!(self, "consistency-i"),
            Consistency::VeryInconsistent => tr!(self, "consistency-ii"),
            Consistency::NotApplicable => tr!(self, "consistency-na"),
        }
    }

    /// A signpost's status: not seen, emerging, observed, contradicted.
    #[must_use]
    pub fn signpost_status(&self, s: SignpostStatus) -> String {
        match s {
            SignpostStatus::NotSeen => tr!(self, "signpost-not-seen"),
            SignpostStatus::Emerging => tr!(self, "signpost-emerging"),
            SignpostStatus::Observed => tr!(self, "signpost-observed"),
            SignpostStatus::Contradicted => tr!(self, "signpost-contradicted"),
        }
    }

    /// A scenario's judged likelihood, with its range.
    #[must_use]
    pub fn likelihood(&self, likelihood: Likelihood) -> String {
        match likelihood {
            Likelihood::Unassessed => tr!(self, "likelihood-unassessed"),
            Likelihood::AlmostNoChance => tr!(self, "likelihood-almost-no-chance"),
            Likelihood::VeryUnlikely => tr!(self, "likelihood-very-unlikely"),
            Likelihood::Unlikely => tr!(self, "likelihood-unlikely"),
            Likelihood::RoughlyEven => tr!(self, "likelihood-roughly-even"),
            Likelihood::Likely => tr!(self, "likelihood-likely"),
            Likelihood::VeryLikely => tr!(self, "likelihood-very-likely"),
            Likelihood::AlmostCertain => tr!(self, "likelihood-almost-certain"),
        }
    }

    /// How a brief's paragraphs are read.
    #[must_use]
    pub fn direction(&self, direction: TextDirection) -> String {
        match direction {
            TextDirection::Auto => tr!(self, "direction-auto"),
            TextDirection::Rtl => tr!(self, "direction-rtl"),
            TextDirection::Ltr => tr!(self, "direction-ltr"),
        }
    }

    /// The format a brief was imported from.
    #[must_use]
    pub fn source_format(&self, format: SourceFormat) -> String {
        match format {
            SourceFormat::Text => tr!(self, "format-text"),
            SourceFormat::Markdown => tr!(self, "format-markdown"),
            SourceFormat::Html => tr!(self, "format-html"),
            SourceFormat::Docx => tr!(self, "format-docx"),
            SourceFormat::Pdf => tr!(self, "format-pdf"),
        }
    }

    /// An undo step as the interface names it, from the edit layer's label
    /// ([`crate::edit::Edit::label`]); a label the catalog does not know is shown as it is.
    #[must_use]
    pub fn step(&self, label: &str) -> String {
        match label {
            "rename workspace" => tr!(self, "step-rename-workspace"),
            "edit workspace memo" => tr!(self, "step-edit-workspace-memo"),
            "add brief" => tr!(self, "step-add-brief"),
            "remove brief" => tr!(self, "step-remove-brief"),
            "edit brief details" => tr!(self, "step-edit-brief-details"),
            "re-import brief" => tr!(self, "step-re-import-brief"),
            "dismiss proposal" => tr!(self, "step-dismiss-proposal"),
            "add tag" => tr!(self, "step-add-tag"),
            "remove tag" => tr!(self, "step-remove-tag"),
            "edit tag" => tr!(self, "step-edit-tag"),
            "merge tags" => tr!(self, "step-merge-tags"),
            "move tag" => tr!(self, "step-move-tag"),
            "create tag and apply" => tr!(self, "step-create-tag-and-apply"),
            "add determinant" => tr!(self, "step-add-determinant"),
            "remove determinant" => tr!(self, "step-remove-determinant"),
            "edit determinant" => tr!(self, "step-edit-determinant"),
            "add scenario" => tr!(self, "step-add-scenario"),
            "remove scenario" => tr!(self, "step-remove-scenario"),
            "edit scenario" => tr!(self, "step-edit-scenario"),
            "create passage" => tr!(self, "step-create-passage"),
            "delete passage" => tr!(self, "step-delete-passage"),
            "tag passage" => tr!(self, "step-tag-passage"),
            "link passage" => tr!(self, "step-link-passage"),
            "edit memo" => tr!(self, "step-edit-memo"),
            "place passage" => tr!(self, "step-place-passage"),
            "import briefs" => tr!(self, "step-import-briefs"),
            "accept proposal" => tr!(self, "step-accept-proposal"),
            "accept proposals" => tr!(self, "step-accept-proposals"),
            "change passage range" => tr!(self, "step-change-passage-range"),
            "grade brief" => tr!(self, "step-grade-brief"),
            "set passage credibility" => tr!(self, "step-set-passage-credibility"),
            "set link relevance" => tr!(self, "step-set-link-relevance"),
            "judge cell" => tr!(self, "step-judge-cell"),
            "rate evidence" => tr!(self, "step-rate-evidence"),
            "change weights" => tr!(self, "step-change-weights"),
            "assess signpost" => tr!(self, "step-assess-signpost"),
            other => other.to_owned(),
        }
    }

    /// What re-anchoring did with a brief's passages: "34 passages: 30 in place, 4 moved".
    #[must_use]
    pub fn reanchor_summary(&self, summary: &Summary) -> String {
        let mut text = tr!(self, "reanchor-total", count = summary.total());
        let parts = [
            (
                summary.kept,
                tr!(self, "reanchor-kept", count = summary.kept),
            ),
            (
                summary.moved,
                tr!(self, "reanchor-moved", count = summary.moved),
            ),
            (
                summary.fuzzy,
                tr!(self, "reanchor-fuzzy", count = summary.fuzzy),
            ),
            (
                summary.orphaned,
                tr!(self, "reanchor-orphaned", count = summary.orphaned),
            ),
        ];
        let list: Vec<String> = parts
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, part)| part)
            .collect();
        if !list.is_empty() {
            let separator = if self.language.is_rtl() { "، " } else { ", " };
            text.push_str(": ");
            text.push_str(&list.join(separator));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::model::{BriefId, TagId};

    #[test]
    fn english_words_are_the_models_own() {
        let en = Locale::ENGLISH;
        for r in Relation::ALL {
            assert_eq!(en.relation(r), r.word());
        }
        for l in Likelihood::ALL {
            assert_eq!(en.likelihood(l), l.label());
        }
        for d in TextDirection::ALL {
            assert_eq!(en.direction(d), d.label());
        }
    }

    #[test]
    fn every_edit_label_is_a_known_step() {
        let edits = [
            Edit::RemoveBrief(BriefId::new()),
            Edit::RemoveTag(TagId::new()),
        ];
        for edit in edits {
            let label = edit.label();
            assert_eq!(Locale::ENGLISH.step(&label), label);
            assert_ne!(Locale::ARABIC.step(&label), label, "{label} has no Arabic");
        }
        assert_eq!(Locale::ARABIC.step("add tag"), "إضافة وسم");
    }

    #[test]
    fn reanchor_summaries_read_as_before_in_english() {
        let summary = Summary {
            kept: 30,
            moved: 3,
            fuzzy: 0,
            orphaned: 1,
        };
        assert_eq!(
            Locale::ENGLISH.reanchor_summary(&summary),
            summary.to_string()
        );
        assert_eq!(
            Locale::ARABIC.reanchor_summary(&summary),
            "34 مقطعًا: 30 في مكانه، 3 منقول، 1 يتيم"
        );
    }
}
