//! Word (`.docx`) import.
//!
//! A `.docx` is a zip package of XML parts. The importer reads, within the limits of
//! [`package`]: `word/document.xml` (the body), `word/styles.xml` (headings and list styles up
//! the style chain), `word/numbering.xml` (list labels), `word/footnotes.xml` and
//! `word/endnotes.xml` (notes, after the body), `docProps/core.xml` and `docProps/app.xml`
//! (metadata). Headers, footers and comments are not the document and are left out.
//!
//! - Headings: a paragraph in a "heading N" style (level N), the "Title" style (level 1), or with
//!   an outline level (`w:outlineLvl`, in the paragraph or up its style chain).
//! - Lists: each item starts with its label as Word shows it, computed from `numbering.xml`
//!   (see [`numbering`]); bullets are `"- "`.
//! - Notes: see [`assemble`] for the numbering (footnotes, then endnotes continuing the count).
//! - Tracked changes are shown accepted; see [`body`] for what else is read or left out.
//! - Metadata: `dc:title` (else the first "Title" paragraph), `dc:creator`, `dcterms:created`
//!   (else `modified`) as the published date, `dc:language` (else the styles' default language,
//!   the right-to-left one when the text is), the company as publisher, and right-to-left
//!   direction when most body paragraphs are (`w:bidi`).

mod assemble;
mod body;
mod number_format;
mod numbering;
mod package;
mod properties;
mod rels;
mod styles;
mod xml;

use super::{FormatError, ImportWarning, ImportedDocument, ImportedMeta};
use crate::model::TextDirection;
use body::{Context, NoteKind, Story};
use numbering::{Counters, Numbering};
use package::{DOCUMENT, Package};
use properties::Properties;
use rels::Parts;
use styles::Styles;

/// Reads a DOCX file's bytes as a document. `progress` is called with the fraction done (0..=1)
/// now and then, so a big file can show a progress bar.
///
/// # Errors
/// A [`FormatError`] saying what is wrong with the file: [`FormatError::Encrypted`] for a
/// password-protected file, [`FormatError::TooBig`] past a safety limit (zip bomb, too many
/// entries, a DOCTYPE, deep nesting), [`FormatError::Corrupt`] for anything else unreadable
/// (including a legacy `.doc`), [`FormatError::Empty`] when it holds no text.
pub fn import(
    bytes: &[u8],
    progress: &mut dyn FnMut(f32),
) -> Result<ImportedDocument, FormatError> {
    progress(0.0);
    let mut package = Package::open(bytes)?;
    let document = package
        .read_xml(DOCUMENT)?
        .ok_or_else(|| FormatError::Corrupt {
            format: "Word (.docx)",
            reason: format!("the zip archive holds no {DOCUMENT}, so it is not a Word document"),
        })?;
    let rels = "word/_rels/document.xml.rels";
    let parts = match package.read_xml(rels)? {
        Some(xml) => Parts::from_rels(&xml, rels)?,
        None => Parts::default(),
    };
    let styles = match package.read_xml(&parts.styles)? {
        Some(xml) => Styles::parse(&xml, &parts.styles)?,
        None => Styles::default(),
    };
    let numbering = match package.read_xml(&parts.numbering)? {
        Some(xml) => Numbering::parse(&xml, &parts.numbering)?,
        None => Numbering::default(),
    };
    let footnotes_xml = package.read_xml(&parts.footnotes)?;
    let endnotes_xml = package.read_xml(&parts.endnotes)?;
    let mut warnings = Vec::new();
    let mut props = Properties::default();
    for (part, app) in [("docProps/core.xml", false), ("docProps/app.xml", true)] {
        let read = package.read_xml(part).and_then(|xml| match xml {
            Some(xml) if app => props.read_app(&xml, part),
            Some(xml) => props.read_core(&xml, part),
            None => Ok(()),
        });
        match read {
            Ok(()) => {}
            // Word opens a file whose properties are damaged; so does the importer.
            Err(FormatError::Corrupt { reason, .. }) => {
                warnings.push(ImportWarning::PropertiesUnreadable { reason });
            }
            Err(other) => return Err(other),
        }
    }
    progress(0.1);

    let cx = Context {
        styles: &styles,
        numbering: &numbering,
    };
    let mut counters = Counters::default();
    let body = body::walk(
        &document,
        DOCUMENT,
        Story::Body,
        &cx,
        &mut counters,
        &mut |f| {
            progress(0.1 + 0.75 * f);
        },
    )?;
    drop(document);
    warnings.extend(body.warnings);
    let mut notes = |xml: Option<String>, part: &str, kind: NoteKind| match xml {
        Some(xml) => body::walk(
            &xml,
            part,
            Story::Notes(kind),
            &cx,
            &mut counters,
            &mut |_| {},
        )
        .map(|walked| {
            warnings.extend(walked.warnings);
            walked.paragraphs
        }),
        None => Ok(Vec::new()),
    };
    let footnotes = notes(footnotes_xml, &parts.footnotes, NoteKind::Foot)?;
    let endnotes = notes(endnotes_xml, &parts.endnotes, NoteKind::End)?;
    progress(0.95);

    let assembled = assemble::assemble(&body.paragraphs, &footnotes, &endnotes);
    if assembled.text.is_empty() {
        return Err(FormatError::Empty);
    }
    warnings.extend(assembled.warnings);
    let rtl = assembled.rtl_paragraphs * 2 > assembled.paragraphs;
    let language = if props.language.is_empty() {
        let declared = if rtl {
            styles.default_bidi_lang.clone()
        } else {
            styles.default_lang.clone()
        };
        declared.unwrap_or_default()
    } else {
        props.language
    };
    let meta = ImportedMeta {
        title: single_line(&props.title)
            .or(assembled.title)
            .unwrap_or_default(),
        author: single_line(&props.creator).unwrap_or_default(),
        publisher: single_line(&props.company).unwrap_or_default(),
        url: String::new(),
        published: props.created.or(props.modified),
        language: single_line(&language).unwrap_or_default(),
        direction: rtl.then_some(TextDirection::Rtl),
    };
    progress(1.0);
    Ok(ImportedDocument {
        text: assembled.text,
        meta,
        headings: assembled.headings,
        warnings,
    })
}

/// Whether a zip archive is a Word document (it holds `word/document.xml`). Cheap: only the
/// archive's directory is read. Never panics.
#[must_use]
pub fn is_docx(bytes: &[u8]) -> bool {
    package::is_docx(bytes)
}

/// A metadata value as the conventions want it, on one line; `None` when it is empty.
fn single_line(value: &str) -> Option<String> {
    let cleaned = assemble::clean(value).replace('\n', " ");
    (!cleaned.is_empty()).then_some(cleaned)
}
