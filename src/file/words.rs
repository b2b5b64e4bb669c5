//! The words of the file format: the enums a workspace file spells by name.
//!
//! They are types of `file`, not of the model, so that renaming a model variant cannot change
//! what is written or stop an old file from opening. Each has an explicit `word` (what the
//! writer prints, also what serde reads, checked by a test) and conversions to and from the
//! model, which the compiler keeps exhaustive: a new model variant needs a new word here.

use serde::{Deserialize, Serialize};

use crate::model::{
    Consistency, Credibility, Likelihood, Relation, Relevance, Reliability, SignpostStatus,
    SourceFormat, TextDirection,
};

/// Declares a file enum with its words and its conversions to and from a model enum.
macro_rules! file_words {
    ($(#[$doc:meta])* $name:ident <=> $model:ident { $($variant:ident = $word:literal <=> $mv:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name {
            $(
                #[serde(rename = $word)]
                $variant,
            )+
        }

        impl $name {
            /// Every word, in the order of the variants.
            #[cfg(test)]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word written in the file.
            #[must_use]
            pub fn word(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }
        }

        impl From<$model> for $name {
            fn from(value: $model) -> Self {
                match value {
                    $($model::$mv => $name::$variant,)+
                }
            }
        }

        impl From<$name> for $model {
            fn from(value: $name) -> Self {
                match value {
                    $($name::$variant => $model::$mv,)+
                }
            }
        }
    };
}

file_words!(
    /// A scenario's likelihood (version 1 on).
    LikelihoodWord <=> Likelihood {
        Unassessed = "Unassessed" <=> Unassessed,
        AlmostNoChance = "AlmostNoChance" <=> AlmostNoChance,
        VeryUnlikely = "VeryUnlikely" <=> VeryUnlikely,
        Unlikely = "Unlikely" <=> Unlikely,
        RoughlyEven = "RoughlyEven" <=> RoughlyEven,
        Likely = "Likely" <=> Likely,
        VeryLikely = "VeryLikely" <=> VeryLikely,
        AlmostCertain = "AlmostCertain" <=> AlmostCertain,
    }
);

#[expect(
    clippy::derivable_impls,
    reason = "the macro declares the enum; older files without the field mean this word"
)]
impl Default for LikelihoodWord {
    fn default() -> Self {
        LikelihoodWord::Unassessed
    }
}

file_words!(
    /// A link's relation (version 1 on).
    RelationWord <=> Relation {
        Supports = "Supports" <=> Supports,
        Weakens = "Weakens" <=> Weakens,
        Indicator = "Indicator" <=> Indicator,
    }
);

file_words!(
    /// A brief's reading direction (version 2 on).
    DirectionWord <=> TextDirection {
        Auto = "Auto" <=> Auto,
        Rtl = "Rtl" <=> Rtl,
        Ltr = "Ltr" <=> Ltr,
    }
);

#[expect(
    clippy::derivable_impls,
    reason = "the macro declares the enum; older files without the field mean this word"
)]
impl Default for DirectionWord {
    fn default() -> Self {
        DirectionWord::Auto
    }
}

file_words!(
    /// The format a brief was imported from (version 3 on).
    SourceFormatWord <=> SourceFormat {
        Text = "Text" <=> Text,
        Markdown = "Markdown" <=> Markdown,
        Html = "Html" <=> Html,
        Docx = "Docx" <=> Docx,
        Pdf = "Pdf" <=> Pdf,
    }
);

file_words!(
    /// A source's reliability, the Admiralty letter (version 4 on).
    ReliabilityWord <=> Reliability {
        A = "A" <=> A,
        B = "B" <=> B,
        C = "C" <=> C,
        D = "D" <=> D,
        E = "E" <=> E,
        F = "F" <=> F,
    }
);

file_words!(
    /// An ACH consistency rating (version 4 on).
    ConsistencyWord <=> Consistency {
        CC = "CC" <=> VeryConsistent,
        C = "C" <=> Consistent,
        N = "N" <=> Neutral,
        I = "I" <=> Inconsistent,
        II = "II" <=> VeryInconsistent,
        NA = "NA" <=> NotApplicable,
    }
);

file_words!(
    /// A link's relevance (version 4 on).
    RelevanceWord <=> Relevance {
        Low = "Low" <=> Low,
        Medium = "Medium" <=> Medium,
        High = "High" <=> High,
    }
);

file_words!(
    /// A signpost's status (version 4 on).
    SignpostWord <=> SignpostStatus {
        NotSeen = "NotSeen" <=> NotSeen,
        Emerging = "Emerging" <=> Emerging,
        Observed = "Observed" <=> Observed,
        Contradicted = "Contradicted" <=> Contradicted,
    }
);

/// Information credibility is written as its Admiralty digit, 1 to 6.
pub(super) fn credibility_digit(c: Credibility) -> u8 {
    c.digit()
}

/// The credibility of a digit, or `None` when it is not 1 to 6.
pub(super) fn credibility_of_digit(digit: u8) -> Option<Credibility> {
    Credibility::from_digit(digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde reads and writes for a word is the word the hand-written writer prints.
    fn serde_agrees<T: Serialize + for<'a> Deserialize<'a> + PartialEq + std::fmt::Debug + Copy>(
        all: &[T],
        word: impl Fn(T) -> &'static str,
    ) {
        for &v in all {
            let written = ron::to_string(&v).expect("a unit variant serialises");
            assert_eq!(written, word(v));
            assert_eq!(ron::from_str::<T>(word(v)).expect("the word reads"), v);
        }
    }

    #[test]
    fn serde_reads_and_writes_each_word_as_the_writer_spells_it() {
        serde_agrees(LikelihoodWord::ALL, LikelihoodWord::word);
        serde_agrees(RelationWord::ALL, RelationWord::word);
        serde_agrees(DirectionWord::ALL, DirectionWord::word);
        serde_agrees(SourceFormatWord::ALL, SourceFormatWord::word);
        serde_agrees(ReliabilityWord::ALL, ReliabilityWord::word);
        serde_agrees(ConsistencyWord::ALL, ConsistencyWord::word);
        serde_agrees(RelevanceWord::ALL, RelevanceWord::word);
        serde_agrees(SignpostWord::ALL, SignpostWord::word);
    }
}
