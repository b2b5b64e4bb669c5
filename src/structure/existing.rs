//! Whether the analysis already holds what a proposal offers, so it is not offered twice: a
//! determinant (or scenario) accepted from it, or one the analyst made by hand under a name
//! much like the proposal's («شراكة إستراتيجية موسَّعة» for «التحوُّل لشراكة إستراتيجية موسَّعة بين
//! بغداد وواشنطن», "Iranian influence — النفوذ الإيراني" for «النفوذ الإيراني»).

use std::collections::HashSet;

use super::types::{Proposal, ProposalKind};
use crate::model::{BriefId, LinkTarget, Workspace};
use crate::search::fold_for_search;

/// Of the words of the shorter name, at least this share must be in the longer one.
const SHARED_WORDS: f32 = 2.0 / 3.0;

/// What the analysis already holds for `proposal` of brief `brief`, if anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InAnalysis {
    /// A passage of the brief over exactly the proposal's source links to a determinant (or
    /// scenario, as the proposal's kind says): the proposal was accepted.
    Accepted,
    /// A determinant (or scenario) has a title much like the proposal's name: this one.
    Named(String),
}

/// For each of `proposals` (of brief `brief`): whether it was accepted, or the analysis has an
/// item of its kind with a name much like it; `None` when it is new to the analysis. One pass
/// over the passages and one folding of each title serve them all.
#[must_use]
pub fn in_analysis(
    ws: &Workspace,
    brief: BriefId,
    proposals: &[Proposal],
) -> Vec<Option<InAnalysis>> {
    // The (start, end, kind) of every passage of the brief linked to a determinant or scenario.
    let accepted: HashSet<(usize, usize, ProposalKind)> = ws
        .passages
        .iter()
        .filter(|p| p.brief == brief && !p.orphaned)
        .flat_map(|p| {
            p.links.iter().map(|l| {
                let kind = match l.target {
                    LinkTarget::Determinant(_) => ProposalKind::Determinant,
                    LinkTarget::Scenario(_) => ProposalKind::Scenario,
                };
                (p.anchor.start, p.anchor.end, kind)
            })
        })
        .collect();
    // A title may name the item in two languages ("Iranian influence — النفوذ الإيراني"):
    // each part is compared on its own.
    let titled = |title: &str| -> (String, Vec<Vec<String>>) {
        let parts = title.split(['—', '–', '/', '|']).map(words).collect();
        (title.to_owned(), parts)
    };
    let determinants: Vec<_> = ws.determinants.iter().map(|d| titled(&d.title)).collect();
    let scenarios: Vec<_> = ws.scenarios.iter().map(|s| titled(&s.title)).collect();
    proposals
        .iter()
        .map(|proposal| {
            if accepted.contains(&(proposal.source.start, proposal.source.end, proposal.kind)) {
                return Some(InAnalysis::Accepted);
            }
            let name = words(&proposal.name);
            let titles = match proposal.kind {
                ProposalKind::Determinant => &determinants,
                ProposalKind::Scenario => &scenarios,
            };
            titles
                .iter()
                .find(|(_, parts)| parts.iter().any(|part| alike(&name, part)))
                .map(|(title, _)| InAnalysis::Named(title.clone()))
        })
        .collect()
}

/// Whether a passage of the brief over exactly the proposal's source links to an item of its
/// kind.
#[must_use]
pub fn is_accepted(ws: &Workspace, brief: BriefId, proposal: &Proposal) -> bool {
    ws.passages.iter().any(|p| {
        p.brief == brief
            && !p.orphaned
            && p.anchor.start == proposal.source.start
            && p.anchor.end == proposal.source.end
            && p.links.iter().any(|l| {
                matches!(
                    (l.target, proposal.kind),
                    (LinkTarget::Determinant(_), ProposalKind::Determinant)
                        | (LinkTarget::Scenario(_), ProposalKind::Scenario)
                )
            })
    })
}

/// The words of a name as search compares them (harakat and tatweel dropped, hamza forms and
/// case folded), without punctuation, the ellipsis of a cut name, or one-letter words (و, the
/// s of Iran's).
fn words(name: &str) -> Vec<String> {
    fold_for_search(name)
        .folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_owned)
        .collect()
}

/// Whether two words are one, allowing Arabic proclitics glued to the front of one of them
/// (لشراكة and شراكة, والعراق and العراق) and an English plural or possessive.
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    if short.chars().count() < 3 {
        return short == long;
    }
    let extra = long.chars().count() - short.chars().count();
    extra <= 2
        && (long.ends_with(short) && long.chars().take(extra).all(|c| "وفبلكال".contains(c))
            || long.starts_with(short) && long[short.len()..].chars().all(|c| "s'’".contains(c)))
}

/// Whether two names share most words: of the shorter one's, at least [`SHARED_WORDS`] and at
/// least two are in the longer one. A one-word name is alike only a name of at most two words
/// that holds it.
fn alike(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() || (short.len() == 1 && long.len() > 2) {
        return false;
    }
    let shared = short
        .iter()
        .filter(|w| long.iter().any(|l| same_word(w, l)))
        .count();
    shared >= short.len().min(2) && shared as f32 >= SHARED_WORDS * short.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn like(a: &str, b: &str) -> bool {
        alike(&words(a), &words(b))
    }

    #[test]
    fn names_in_other_words_or_shorter_are_alike() {
        assert!(like(
            "التحوُّل لشراكة إستراتيجية موسَّعة بين بغداد وواشنطن",
            "شراكة إستراتيجية موسعة"
        ));
        assert!(like(
            "البحث عن بدائل أمنية جديدة عَبْر حلف الشمال الأطلسي",
            "بدائل أمنية عبر حلف الناتو"
        ));
        assert!(like("النفوذ الإيراني", "النفوذ الايراني"));
        assert!(like("Iran's influence", "Iran influence in Iraq"));
        assert!(like("Drivers", "drivers"));
    }

    #[test]
    fn names_that_share_a_word_or_two_are_not() {
        assert!(!like("النفوذ الإيراني", "النفوذ التركي"));
        assert!(!like("وضع الحشد الشعبي", "وضع الاقتصاد العراقي"));
        assert!(!like("A gradual return", "A sudden exit"));
        assert!(!like("Iran", "Iraq"));
        assert!(!like("", "anything"));
        assert!(!like("بين", "بين بغداد وواشنطن والرياض"));
    }

    #[test]
    fn proclitics_are_allowed_only_in_front() {
        assert!(same_word("لشراكه", "شراكه"));
        assert!(same_word("والعراق", "العراق"));
        assert!(!same_word("شراكات", "شراكه"));
        assert!(!same_word("مستشراكه", "شراكه"));
        assert!(same_word("threats", "threat"));
        assert!(!same_word("ab", "abc"));
    }
}
