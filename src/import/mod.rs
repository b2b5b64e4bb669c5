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
mod warning;

pub use warning::{CharsetSource, ImportWarning, NoteKind, page_list};

use chrono::NaiveDate;

use crate::model::TextDirection;
pub use crate::model::{Heading, SourceFormat};

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
    pub warnings: Vec<ImportWarning>,
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
    // Any zip (a truncated one, a zip bomb, one that is not a Word file) and any OLE compound
    // file (a legacy .doc, an encrypted .docx) goes to the Word importer, whose messages say
    // what it is: "corrupt", "too many entries", "not a Word document", "encrypted".
    if is_zip(bytes) || bytes.starts_with(OLE_MAGIC) {
        return Some(SourceFormat::Docx);
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

/// The signature of an OLE compound file (legacy `.doc`, or an encrypted Office 2007+ file).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether the bytes start as a zip archive does (a local file header, or the end record of an
/// empty archive).
fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Text in UTF-16 (with a byte-order mark, or without one when its NUL bytes say so) as UTF-8;
/// `None` when the bytes are not UTF-16 text.
///
/// Without a byte-order mark, UTF-16 is recognised by NUL bytes at odd offsets only (little
/// endian) or at even offsets only (big endian) in the first kilobyte — the high bytes of
/// spaces, digits and Latin letters — and it must then decode without an unpaired surrogate or
/// a control character other than tab, line and page ends. Binary files have NUL bytes on both
/// sides or fail the decoding.
#[must_use]
pub fn utf16_text(bytes: &[u8]) -> Option<String> {
    let (little_endian, body) = match bytes {
        [0xFF, 0xFE, 0, 0, ..] => return None, // UTF-32
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => {
            let head = &bytes[..bytes.len().min(1024)];
            let nul_at = |parity: usize| {
                head.iter()
                    .skip(parity)
                    .step_by(2)
                    .filter(|&&b| b == 0)
                    .count()
            };
            let (even, odd) = (nul_at(0), nul_at(1));
            let enough = (head.len() / 2 / 16).max(1);
            match (even, odd) {
                (0, n) if n >= enough => (true, bytes),
                (n, 0) if n >= enough => (false, bytes),
                _ => return None,
            }
        }
    };
    if body.len() % 2 != 0 {
        return None;
    }
    let units = body.chunks_exact(2).map(|pair| {
        if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut text = String::with_capacity(body.len() + body.len() / 2);
    for unit in char::decode_utf16(units) {
        let c = unit.ok()?;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            return None;
        }
        text.push(c);
    }
    Some(text)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        for unit in bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16()) {
            if little_endian {
                bytes.extend(unit.to_le_bytes());
            } else {
                bytes.extend(unit.to_be_bytes());
            }
        }
        bytes
    }

    #[test]
    fn utf16_text_is_read_with_or_without_a_byte_order_mark() {
        let text = "قال الرئيس Trump إن الانسحاب سيكتمل.\nسطر ثانٍ";
        for little_endian in [true, false] {
            for bom in [true, false] {
                let bytes = utf16(text, little_endian, bom);
                assert_eq!(
                    utf16_text(&bytes).as_deref(),
                    Some(text),
                    "little endian {little_endian}, byte-order mark {bom}"
                );
            }
        }
        assert_eq!(utf16_text(b"T\0i\0t\0l\0e\0").as_deref(), Some("Title"));
    }

    #[test]
    fn binary_and_utf8_are_not_utf16() {
        assert_eq!(utf16_text("plain UTF-8 قال".as_bytes()), None);
        assert_eq!(utf16_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
        assert_eq!(utf16_text(b"\0\0\0\0"), None, "NULs on both sides");
        assert_eq!(utf16_text(b"\x01\0\x02\0"), None, "control characters");
        assert_eq!(utf16_text(b"\xff\xfe\0\xd8"), None, "an unpaired surrogate");
        assert_eq!(utf16_text(b"\xff\xfe\0\0\x41\0\0\0"), None, "UTF-32");
    }

    #[test]
    fn any_zip_or_ole_file_goes_to_the_word_importer() {
        assert_eq!(
            detect_format(b"PK\x03\x04\x14\0\0\0truncated"),
            Some(SourceFormat::Docx)
        );
        assert_eq!(
            detect_format(b"PK\x05\x06\0\0\0\0"),
            Some(SourceFormat::Docx)
        );
        assert_eq!(detect_format(OLE_MAGIC), Some(SourceFormat::Docx));
    }
}
