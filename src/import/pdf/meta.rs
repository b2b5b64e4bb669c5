//! The document information dictionary (`Title`, `Author`, `CreationDate`) and the catalog's
//! `/Lang`. `Producer` and `Creator` name software, not the publisher, and are not read.

use chrono::NaiveDate;
use hayro_syntax::Pdf;
use hayro_syntax::object::{Dict, String as PdfString};
use unicode_normalization::UnicodeNormalization;

use crate::import::ImportedMeta;

/// What the document says about itself.
pub(super) fn read(pdf: &Pdf) -> ImportedMeta {
    let mut meta = ImportedMeta::default();
    let info = pdf.metadata();
    let text = |value: &Option<Box<[u8]>>| value.as_deref().map(text_string).unwrap_or_default();
    meta.title = unless_placeholder(text(&info.title));
    meta.author = unless_placeholder(text(&info.author));
    meta.published = info.creation_date.and_then(|date| {
        NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
    });
    let xref = pdf.xref();
    if let Some(catalog) = xref.get::<Dict<'_>>(xref.root_id())
        && let Some(lang) = catalog.get::<PdfString<'_>>(b"Lang")
    {
        let lang = text_string(lang.as_bytes());
        if lang.len() <= 35 && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            meta.language = lang;
        }
    }
    meta
}

/// `value`, or nothing when it is what PDF tools write when they know nothing: "untitled",
/// "anonymous" (reportlab's defaults), "Microsoft Word - brief.docx", a file name. The brief then
/// takes its title from its first line, as for a PDF without one.
fn unless_placeholder(value: String) -> String {
    let lower = value.trim().to_lowercase();
    let lower = lower
        .strip_prefix("microsoft word - ")
        .unwrap_or(&lower)
        .trim_matches(|c| c == '(' || c == ')');
    let placeholder = matches!(
        lower,
        "untitled" | "untitled document" | "anonymous" | "unknown" | "unspecified" | "none"
    ) || [
        ".doc", ".docx", ".odt", ".rtf", ".pdf", ".indd", ".tex", ".dvi", ".txt", ".html",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    if placeholder { String::new() } else { value }
}

/// A PDF text string: UTF-16BE with its byte-order mark, UTF-8 with one (PDF 2.0), or else
/// PDFDocEncoding (read as Latin-1, which it matches for letters). Trimmed, control characters
/// and direction marks out, NFC.
pub(super) fn text_string(bytes: &[u8]) -> String {
    let bytes = &bytes[..bytes.len().min(4096)];
    let raw: String = if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(utf8) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        String::from_utf8_lossy(utf8).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    };
    let clean: String = raw
        .chars()
        .filter(|&c| !c.is_control() && !super::letters::is_bidi_control(c))
        .collect();
    clean
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings() {
        assert_eq!(text_string(&[0xfe, 0xff, 0x06, 0x27, 0x06, 0x44]), "ال");
        assert_eq!(text_string(b"  Red  Sea\x01 "), "Red Sea");
    }

    #[test]
    fn placeholders_of_pdf_tools_are_no_title_or_author() {
        for junk in [
            "untitled",
            "Untitled Document",
            "anonymous",
            "(anonymous)",
            "Microsoft Word - تقدير موقف.docx",
            "brief-final-v3.pdf",
            "Unknown",
        ] {
            assert_eq!(unless_placeholder(junk.to_owned()), "", "{junk}");
        }
        for real in [
            "الانسحاب العسكري الأمريكي من العراق",
            "Red Sea Shipping: Drivers and Scenarios",
            "Anonymous sources and the 2025 withdrawal",
            "وحدة الدراسات",
        ] {
            assert_eq!(unless_placeholder(real.to_owned()), real);
        }
    }
}
