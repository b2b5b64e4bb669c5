//! HTML import (being written).

use super::{FormatError, ImportedDocument};

/// Reads a HTML file's bytes as a document. `progress` is called with the fraction done (0..=1)
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
