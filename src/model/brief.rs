//! A brief: one source document, kept verbatim with its metadata.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::BriefId;

/// A source document: report, article, situation assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brief {
    pub id: BriefId,
    pub meta: BriefMeta,
    /// The logical text (NFC, `\n` line ends). Passage anchors count code points into it.
    pub text: String,
}

/// What an analyst can edit about a brief without touching its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BriefMeta {
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub published: Option<NaiveDate>,
    /// A BCP 47 language tag such as `ar` or `en`.
    pub language: String,
    /// The direction the brief's paragraphs are read in.
    pub direction: TextDirection,
}

/// The base direction of a brief's paragraphs: from the text, or overridden by the analyst.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextDirection {
    /// Each paragraph takes the direction of its first strong character.
    #[default]
    Auto,
    /// Every paragraph is right-to-left.
    Rtl,
    /// Every paragraph is left-to-right.
    Ltr,
}

impl TextDirection {
    pub const ALL: [TextDirection; 3] =
        [TextDirection::Auto, TextDirection::Rtl, TextDirection::Ltr];

    /// The words an analyst reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            TextDirection::Auto => "Auto (from the text)",
            TextDirection::Rtl => "Right to left",
            TextDirection::Ltr => "Left to right",
        }
    }
}

impl Brief {
    /// Number of code points of the text, the upper bound of every anchor.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// A title fit for a list: the title, or the start of the text when there is none.
    #[must_use]
    pub fn display_title(&self) -> String {
        let title = self.meta.title.trim();
        if title.is_empty() {
            let first = self
                .text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            let short: String = first.trim().chars().take(60).collect();
            if short.is_empty() {
                "(untitled brief)".to_owned()
            } else {
                short
            }
        } else {
            title.to_owned()
        }
    }
}
