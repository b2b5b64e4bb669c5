//! Scenarios: the headings and lead-ins that introduce them (سيناريوهات، مآلات; scenarios,
//! outlook, futures) and the word that labels one («السيناريو الأول:», "Scenario A —").

use super::keywords::{Keywords, word_is};

/// Words of a heading that make its section a scenarios section.
pub(crate) const HEADING: Keywords = Keywords {
    words: &[
        "سيناريو",
        "سيناريوهات",
        "السيناريوهات",
        "مالات",
        "scenario",
        "outlook",
        "futures",
    ],
    phrases: &[
        &["مشاهد", "مستقبليه"],
        &["مشاهد", "محتمله"],
        &["مسارات", "محتمله"],
        &["مسارات", "مستقبليه"],
        &["looking", "ahead"],
        &["what", "next"],
        &["road", "ahead"],
        &["way", "ahead"],
    ],
};

/// Words of a lead-in ("Three scenarios are possible:") that make the list after it scenarios.
pub(crate) const LEAD_IN: Keywords = Keywords {
    words: &["سيناريو", "سيناريوهات", "scenario", "futures"],
    phrases: &[],
};

/// Whether a folded word labels a scenario when a number follows it.
pub(crate) fn is_label_word(word: &str) -> bool {
    word_is(word, &["سيناريو", "مشهد", "scenario"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::words::keywords::words;

    #[test]
    fn scenario_headings_and_labels() {
        assert!(HEADING.found_in(&words("سيناريوهات مستقبلية متوقَّعة")));
        assert!(HEADING.found_in(&words("Possible scenarios")));
        assert!(HEADING.found_in(&words("Outlook")));
        assert!(HEADING.found_in(&words("المشاهد المستقبلية")));
        assert!(!HEADING.found_in(&words("المشهد العسكري")));
        assert!(!HEADING.found_in(&words("محدِّدات مؤثِّرة في مستقبل العلاقات")));
        assert!(is_label_word("السيناريو"));
        assert!(is_label_word("المشهد"));
        assert!(is_label_word("scenario"));
    }
}
