//! DOCX import (being written).

use super::{FormatError, ImportedDocument};

/// Reads a DOCX file's bytes as a document. `progress` is called with the fraction done (0..=1)
/// now and then, so a big file can show a progress bar.
///
/// # Errors
/// A [`FormatError`] saying what is wrong with the file.
pub fn import(
    bytes: &[u8],
    progress: &mut dyn FnMut(f32),
) -> Result<ImportedDocument, FormatError> {
    let _ = (bytes, progress);
    Err(FormatError::Empty)
}

/// Whether a zip archive is a Word document (it holds `word/document.xml`).
#[must_use]
pub fn is_docx(bytes: &[u8]) -> bool {
    let _ = bytes;
    false
}
