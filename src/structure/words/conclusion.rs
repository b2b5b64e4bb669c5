//! The conclusion: the headings that open it (الخلاصة، الخاتمة، خلاصة القول; conclusion, key
//! judgements, bottom line, summary). They must open the heading: "Drawing conclusions from
//! the war" is not one.

use super::keywords::Keywords;

/// Words that open a conclusion's heading.
pub(crate) const HEADING: Keywords = Keywords {
    words: &[
        "خلاصه",
        "خاتمه",
        "استنتاجات",
        "استنتاج",
        "خلاصات",
        "conclusion",
        "summary",
        "takeaway",
        "concluding",
    ],
    phrases: &[
        &["key", "judgement"],
        &["key", "judgment"],
        &["key", "finding"],
        &["bottom", "line"],
        &["in", "conclusion"],
        &["final", "thought"],
        &["in", "sum"],
    ],
};

/// A conclusion keyword must be among the first this many words of the heading (after an
/// English article).
pub(crate) const WITHIN: usize = 1;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::words::keywords::words;

    fn opens(heading: &str) -> bool {
        HEADING.opens(&words(heading), WITHIN)
    }

    #[test]
    fn conclusion_headings() {
        assert!(opens("الخُلاصة"));
        assert!(opens("الخاتمة"));
        assert!(opens("خلاصة القول"));
        assert!(opens("Conclusion"));
        assert!(opens("Key judgements"));
        assert!(opens("Key Judgments"));
        assert!(opens("Bottom line"));
        assert!(opens("The bottom line"));
        assert!(opens("Summary"));
        assert!(!opens("Drawing conclusions from the war"));
        assert!(!opens("الانسحاب العسكري"));
    }
}
