//! A brief: one source document, kept verbatim with its metadata.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::BriefId;

/// A source document: report, article, situation assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brief {
    pub id: BriefId,
    pub meta: BriefMeta,
    /// The logical text (NFC, `\n` line ends). Passage anchors count code points into it.
    pub text: String,
    /// The file it was imported from, when it was imported from one.
    pub source: Option<BriefSource>,
    /// Headings the source format marked (HTML `h1`–`h6`, Word heading styles), in text order;
    /// empty when it marked none and structure detection has to guess.
    pub headings: Vec<Heading>,
    /// Keys of the structure proposals (determinants, scenarios) the analyst dismissed, so they
    /// are not offered again.
    pub dismissed_proposals: Vec<String>,
}

/// Where a brief came from: enough to tell a newer version of the same source, and to find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefSource {
    /// The file's name as it was imported (no folder).
    pub file_name: String,
    pub format: SourceFormat,
    pub imported: DateTime<Utc>,
    /// SHA-256 of the file's bytes, as 64 lowercase hex digits.
    pub sha256: String,
}

/// The formats a brief can be imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
    Docx,
    Pdf,
}

impl SourceFormat {
    /// The name an analyst reads.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Text => "plain text",
            SourceFormat::Markdown => "Markdown",
            SourceFormat::Html => "HTML",
            SourceFormat::Docx => "Word (DOCX)",
            SourceFormat::Pdf => "PDF",
        }
    }
}

/// A heading of a brief: `start..end` in code points of the text, covering the heading's
/// paragraph without its line end; `level` 1 is the top (a document title is level 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Heading {
    pub start: usize,
    pub end: usize,
    pub level: u8,
}

/// What an analyst can edit about a brief without touching its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BriefMeta {
    pub title: String,
    pub author: String,
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
    /// A brief with no source, headings or dismissed proposals: one typed or pasted in.
    #[must_use]
    pub fn new(id: BriefId, meta: BriefMeta, text: String) -> Self {
        Brief {
            id,
            meta,
            text,
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        }
    }

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
