//! Determinants: the headings and lead-ins that introduce them (محددات، عوامل، دوافع;
//! determinants, drivers, factors) and the word that labels one («المحدد الأول:», "Driver 1:").

use super::keywords::{Keywords, word_is};

/// Words of a heading that make its section a determinants section.
pub(crate) const HEADING: Keywords = Keywords {
    words: &[
        "محددات",
        "عوامل",
        "متغيرات",
        "determinant",
        "driver",
        "factor",
        "variable",
    ],
    phrases: &[],
};

/// Words of a heading that make its section a motives section (its items are drivers too).
pub(crate) const MOTIVES: Keywords = Keywords {
    words: &[
        "دوافع",
        "اسباب",
        "مبررات",
        "بواعث",
        "لماذا",
        "motive",
        "motivation",
        "reason",
        "cause",
        "why",
    ],
    phrases: &[],
};

/// Words of a lead-in ("Four factors will decide…:") that make the list after it determinants.
pub(crate) const LEAD_IN: Keywords = Keywords {
    words: &[
        "محددات",
        "عوامل",
        "دوافع",
        "متغيرات",
        "determinant",
        "driver",
        "factor",
    ],
    phrases: &[],
};

/// Whether a folded word labels a determinant when a number follows it.
pub(crate) fn is_label_word(word: &str) -> bool {
    word_is(
        word,
        &["محدد", "عامل", "دافع", "determinant", "driver", "factor"],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::words::keywords::words;

    #[test]
    fn determinant_headings_and_labels() {
        assert!(HEADING.found_in(&words("محدِّدات مؤثِّرة في مستقبل العلاقات")));
        assert!(HEADING.found_in(&words("Drivers shaping the future of Red Sea traffic")));
        assert!(HEADING.found_in(&words("العوامل المؤثرة")));
        assert!(!HEADING.found_in(&words("دوافع الانسحاب الأمريكي")));
        assert!(MOTIVES.found_in(&words("دوافع الانسحاب الأمريكي")));
        assert!(LEAD_IN.found_in(&words("Four factors will decide whether:")));
        assert!(is_label_word("المحدد"));
        assert!(is_label_word("driver"));
        assert!(!is_label_word("drive"));
    }
}
