//! Importing plain-text and Markdown briefs.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::workspace_file::{ReadTextError, read_text};
use crate::model::{Brief, BriefId, BriefMeta};

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
    #[error("cannot import {}: only .txt and .md briefs can be imported, not «{extension}»", path.display())]
    Unsupported { path: PathBuf, extension: String },
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

/// Reads a `.txt` or `.md` file as a new brief, titled after its first line.
///
/// # Errors
/// An [`ImportError`] naming the file.
pub fn import_brief(path: &Path) -> Result<Brief, ImportError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !matches!(extension.as_str(), "txt" | "md" | "markdown" | "text") {
        return Err(ImportError::Unsupported {
            path: path.to_owned(),
            extension,
        });
    }
    let raw = read_text(path, MAX_BRIEF_BYTES).map_err(|e| match e {
        ReadTextError::Io(error) => ImportError::Read {
            path: path.to_owned(),
            error,
        },
        ReadTextError::IsFolder => ImportError::IsFolder {
            path: path.to_owned(),
        },
        ReadTextError::NotAFile => ImportError::NotAFile {
            path: path.to_owned(),
        },
        ReadTextError::TooLarge { size, limit } => ImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit,
        },
        ReadTextError::NotText { offset } => ImportError::NotText {
            path: path.to_owned(),
            offset,
        },
    })?;
    // Valid UTF-8 can still be binary (or UTF-16 without a byte-order mark): text has no NUL.
    if let Some(offset) = raw.find('\0') {
        return Err(ImportError::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    let text = normalise_text(&raw);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let first_line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let title = first_line
        .trim()
        .trim_start_matches('#')
        .trim()
        .chars()
        .take(200)
        .collect();
    Ok(Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title,
            publisher: String::new(),
            url: String::new(),
            published: None,
            language: guess_language(&text),
            ..BriefMeta::default()
        },
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
