//! Importing a file as a brief: reading it, telling its format from its bytes, handing it to
//! the format's importer in [`crate::import`] and stamping the result with where it came from.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};
use unicode_normalization::UnicodeNormalization;

use super::workspace_file::{ReadTextError, read_bytes};
use crate::import::{self, FormatError, ImportedDocument, SourceFormat};
use crate::model::{Brief, BriefId, BriefMeta, BriefSource, TextDirection};

/// Briefs larger than this are refused.
pub const MAX_BRIEF_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be imported as a brief. The message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot import {}: {error}", path.display())]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("cannot import {}: it is a folder", path.display())]
    IsFolder { path: PathBuf },
    #[error("cannot import {}: it is not a regular file (a device, pipe or socket)", path.display())]
    NotAFile { path: PathBuf },
    #[error("cannot import {}: it is {size} bytes, more than the limit of {limit} bytes", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("cannot import {}: it is not UTF-8 text (invalid byte at offset {offset})", path.display())]
    NotText { path: PathBuf, offset: usize },
    #[error("cannot import {}: it is a binary file, not text (a NUL byte at offset {offset})", path.display())]
    Binary { path: PathBuf, offset: usize },
    #[error("cannot import {}: the file holds no text", path.display())]
    Empty { path: PathBuf },
    #[error(
        "cannot import {}: it is not a format Basira imports (HTML, Word DOCX, PDF, plain text or Markdown)",
        path.display()
    )]
    UnknownFormat { path: PathBuf },
    #[error(
        "cannot import {}: the importer stopped unexpectedly (a bug in Basira); nothing was changed",
        path.display()
    )]
    Crashed { path: PathBuf },
    #[error("cannot import {} as {}: {error}", path.display(), format.name())]
    Format {
        path: PathBuf,
        format: SourceFormat,
        error: FormatError,
    },
}

/// Normalises text as Basira stores it: no byte-order mark, `\n` line ends, NFC.
///
/// Every leading U+FEFF goes, not just the first: a file that went through two tools that each
/// added a byte-order mark would otherwise keep an invisible one at the start of its text, and
/// normalising the result again would change it (found by the `brief_normalise` fuzz target).
#[must_use]
pub fn normalise_text(text: &str) -> String {
    let text = text.trim_start_matches('\u{feff}');
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.nfc().collect()
}

/// Guesses a language tag from the script of the letters: `ar` when Arabic letters dominate.
#[must_use]
pub fn guess_language(text: &str) -> String {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if arabic > latin {
        "ar".into()
    } else {
        "en".into()
    }
}

/// A brief made from a file, with what the analyst should know about the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedBrief {
    pub brief: Brief,
    /// Things that did not stop the import ("page 3 has no text layer"), for the analyst.
    pub warnings: Vec<crate::import::ImportWarning>,
}

/// Reads a file as a new brief, whatever its extension says: HTML, DOCX, PDF, text or Markdown.
/// The brief's source records the file's name, format, SHA-256 and the time of the import.
///
/// # Errors
/// An [`ImportError`] naming the file.
pub fn import_brief(path: &Path) -> Result<Brief, ImportError> {
    import_brief_at(path, Utc::now(), &mut |_| {}).map(|imported| imported.brief)
}

/// [`import_brief`] at a given time, reporting progress (0..=1) as it goes, with the warnings.
///
/// # Errors
/// An [`ImportError`] naming the file.
pub fn import_brief_at(
    path: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(f32),
) -> Result<ImportedBrief, ImportError> {
    let bytes = read_bytes(path, MAX_BRIEF_BYTES).map_err(|e| read_error(path, e))?;
    progress(0.05);
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let original = bytes;
    // UTF-16 text (Windows tools write it) is read as the UTF-8 it becomes.
    let bytes = match import::detect_format(&original) {
        Some(SourceFormat::Pdf | SourceFormat::Docx) => None,
        _ => import::utf16_text(&original),
    }
    .map_or(std::borrow::Cow::Borrowed(original.as_slice()), |text| {
        std::borrow::Cow::Owned(text.into_bytes())
    });
    let format = match import::detect_format(&bytes) {
        Some(SourceFormat::Text) if is_markdown(path) => SourceFormat::Markdown,
        Some(format) => format,
        None => return Err(unknown_format(path, &bytes)),
    };
    let format_error = |error| ImportError::Format {
        path: path.to_owned(),
        format,
        error,
    };
    let mut scaled = |fraction: f32| progress(0.05 + 0.9 * fraction.clamp(0.0, 1.0));
    let document = match format {
        SourceFormat::Text | SourceFormat::Markdown => plain_text(path, &bytes)?,
        SourceFormat::Html => import::html::import(&bytes, &mut scaled).map_err(format_error)?,
        SourceFormat::Docx => import::docx::import(&bytes, &mut scaled).map_err(format_error)?,
        SourceFormat::Pdf => import::pdf::import(&bytes, &mut scaled).map_err(format_error)?,
    };
    if document.text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let source = BriefSource {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        format,
        imported: now,
        sha256: sha256_hex(&original),
    };
    progress(1.0);
    Ok(ImportedBrief {
        warnings: document.warnings.clone(),
        brief: brief_from(document, source),
    })
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "md" | "markdown"))
}

/// Why bytes that are none of the formats were refused: text with a NUL byte says so.
fn unknown_format(path: &Path, bytes: &[u8]) -> ImportError {
    let head = &bytes[..bytes.len().min(1024)];
    match head.iter().position(|&b| b == 0) {
        Some(offset) if std::str::from_utf8(&head[..offset]).is_ok() && offset > 0 => {
            ImportError::Binary {
                path: path.to_owned(),
                offset,
            }
        }
        _ => ImportError::UnknownFormat {
            path: path.to_owned(),
        },
    }
}

fn read_error(path: &Path, error: ReadTextError) -> ImportError {
    let path = path.to_owned();
    match error {
        ReadTextError::Io(error) => ImportError::Read { path, error },
        ReadTextError::IsFolder => ImportError::IsFolder { path },
        ReadTextError::NotAFile => ImportError::NotAFile { path },
        ReadTextError::TooLarge { size, limit } => ImportError::TooLarge { path, size, limit },
        ReadTextError::NotText { offset } => ImportError::NotText { path, offset },
    }
}

/// A `.txt` or `.md` file: UTF-8 without NUL bytes, normalised; no metadata but the language.
fn plain_text(path: &Path, bytes: &[u8]) -> Result<ImportedDocument, ImportError> {
    let raw = std::str::from_utf8(bytes).map_err(|e| ImportError::NotText {
        path: path.to_owned(),
        offset: e.valid_up_to(),
    })?;
    // Valid UTF-8 can still be binary (or UTF-16 without a byte-order mark): text has no NUL.
    if let Some(offset) = raw.find('\0') {
        return Err(ImportError::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    Ok(ImportedDocument {
        text: normalise_text(raw),
        ..ImportedDocument::default()
    })
}

/// The brief an imported document becomes: the source's metadata where it has some, else a
/// title from the first line and a language guessed from the letters.
fn brief_from(document: ImportedDocument, source: BriefSource) -> Brief {
    let ImportedDocument {
        text,
        meta,
        headings,
        warnings: _,
    } = document;
    let title = if meta.title.trim().is_empty() {
        title_from_first_line(&text)
    } else {
        meta.title.trim().to_owned()
    };
    let language = if meta.language.trim().is_empty() {
        guess_language(&text)
    } else {
        meta.language.trim().to_owned()
    };
    Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title,
            author: meta.author.trim().to_owned(),
            publisher: meta.publisher.trim().to_owned(),
            url: meta.url.trim().to_owned(),
            published: meta.published,
            language,
            direction: meta.direction.unwrap_or(TextDirection::Auto),
        },
        text,
        source: Some(source),
        headings,
        dismissed_proposals: Vec::new(),
    }
}

fn title_from_first_line(text: &str) -> String {
    let first_line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    first_line
        .trim()
        .trim_start_matches('#')
        .trim()
        .chars()
        .take(200)
        .collect()
}

/// SHA-256 of `bytes` as 64 lowercase hex digits.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_the_standard_digest_in_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn normalisation_drops_bom_unifies_line_ends_and_composes() {
        // "e" + combining acute → "é"; Arabic alef + hamza above (U+0627 U+0654) → U+0623.
        let raw = "\u{feff}cafe\u{301}\r\nا\u{654}\rend";
        assert_eq!(normalise_text(raw), "café\nأ\nend");
    }

    #[test]
    fn normalisation_drops_every_leading_byte_order_mark_and_is_idempotent() {
        let raw = "\u{feff}\u{feff}ca\u{feff}c\r\n";
        let once = normalise_text(raw);
        assert_eq!(once, "ca\u{feff}c\n", "only leading marks go");
        assert_eq!(normalise_text(&once), once);
    }
}
