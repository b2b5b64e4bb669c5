//! Turning the files analysts receive (HTML pages, Word files, PDFs, plain text) into brief text.
//!
//! Every importer here is a pure function from the file's bytes to an [`ImportedDocument`]: no
//! filesystem, no clock, no egui. `io::brief_import` reads the file, checks its size, detects the
//! format by content ([`detect_format`]) and stamps the result with where it came from.
//!
//! # The text every importer produces
//! So that structure detection, search and anchors work the same whatever the source format:
//! - NFC, `\n` line ends, no byte-order mark, no bidi control characters (U+200E/F, U+202A–202E,
//!   U+2066–2069, U+061C), no trailing spaces on a line.
//! - One paragraph per line, paragraphs separated by one blank line (`"\n\n"`); a heading is a
//!   paragraph of its own; a line break inside a paragraph (`<br>`, `w:br`) is a single `\n`.
//! - A list item is a paragraph starting with its label as the reader saw it: `"1. "`, `"أ. "`,
//!   `"- "` for bullets.
//! - A footnote or endnote marker in the body is written `[n]` where it stood (n as the source
//!   numbers it, 1-based); the notes themselves follow the body, each a paragraph `"[n] text"`, in
//!   order. A source's own notes section heading (e.g. «الهوامش», "Notes") is kept when it has one.
//! - Text that is not the document (navigation, share buttons, page numbers, running headers)
//!   is left out.

pub mod docx;
pub mod html;
pub mod pdf;

use chrono::NaiveDate;

use crate::model::TextDirection;

/// The formats a brief can be imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
    Docx,
    Pdf,
}

impl SourceFormat {
    /// The name an analyst reads, also the name stored in the workspace file.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Docx => "docx",
            SourceFormat::Pdf => "pdf",
        }
    }
}

/// A document as an importer read it, before it becomes a brief.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedDocument {
    /// The text, following the conventions in the module documentation.
    pub text: String,
    pub meta: ImportedMeta,
    /// Headings the format marks as such (HTML `h1`–`h6`, Word heading styles), in text order.
    /// Empty when the format has none (PDF, plain text): structure detection guesses them.
    pub headings: Vec<Heading>,
    /// Things the analyst should know that did not stop the import ("page 3 has no text layer").
    pub warnings: Vec<String>,
}

/// Metadata the source itself carries; empty strings and `None` where it has none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedMeta {
    pub title: String,
    pub author: String,
    pub publisher: String,
    pub url: String,
    pub published: Option<NaiveDate>,
    /// A BCP 47 tag (`ar`, `en-GB`) as the source declares it.
    pub language: String,
    /// The direction the source declares (`dir="rtl"`, `w:bidi`), if any.
    pub direction: Option<TextDirection>,
}

/// A heading: `start..end` in code points of [`ImportedDocument::text`], covering the heading's
/// paragraph without its line end; `level` 1 is the top (a document title is level 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heading {
    pub start: usize,
    pub end: usize,
    pub level: u8,
}

/// Why a file could not be read as a document. The caller adds the file's name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The bytes are not a file of the format (corrupt zip, not XML, no PDF header…).
    #[error("it is not a valid {format} file: {reason}")]
    Corrupt {
        format: &'static str,
        reason: String,
    },
    /// The file is protected by a password or encrypted.
    #[error("it is an encrypted {format} file; save an unprotected copy and import that")]
    Encrypted { format: &'static str },
    /// A PDF (or every page of one) has no text layer: a scan, or text drawn as shapes.
    #[error(
        "it has no text layer (a scanned or image-only PDF); run it through OCR first and import the result"
    )]
    NoTextLayer,
    /// Reading it would need more than the limits allow (zip bomb, entity expansion, nesting).
    #[error("it exceeds a safety limit: {0}")]
    TooBig(String),
    /// It holds no text at all.
    #[error("it holds no text")]
    Empty,
}

/// Unpacked or decoded data an importer may produce from one file, at most.
pub const MAX_EXPANDED_BYTES: u64 = 256 * 1024 * 1024;

/// Finds the format from the bytes themselves, whatever the file's name says; `None` when they
/// are none of the importable formats (an image, an executable, an unknown zip).
#[must_use]
pub fn detect_format(bytes: &[u8]) -> Option<SourceFormat> {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Some(SourceFormat::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return docx::is_docx(bytes).then_some(SourceFormat::Docx);
    }
    let text = std::str::from_utf8(head)
        .or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()]))
        .ok()?;
    if head.contains(&0) {
        return None;
    }
    let lower = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<head")
        || (lower.starts_with("<?xml") && lower.contains("<html"))
        || (lower.starts_with("<!--") && lower.contains("<html"))
    {
        return Some(SourceFormat::Html);
    }
    Some(SourceFormat::Text)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
