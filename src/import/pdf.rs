//! PDF import: the text layer in reading order, with base letters, as paragraphs.
//!
//! Arabic PDFs often hold their text in visual order (left to right as drawn) and as
//! presentation forms (the shaped letters). The steps, one module each:
//! 1. [`open`]: bytes to a lopdf document; corrupt and encrypted files refused; stream lengths
//!    given as references read after loading ([`lengths`]), since lopdf recurses on them.
//! 2. [`guard`]: the document rewritten so pdf-extract can read it within limits and without
//!    recursing, looping or panicking where it can be avoided ([`decode`], [`cmap_check`]).
//! 3. [`glyphs`]: each page through pdf-extract's `OutputDev`: glyphs with positions, rules;
//!    a page that still makes pdf-extract panic is caught and reported.
//! 4. [`lines`] and [`reorder`] (within [`layout`]): glyphs into lines, lines into reading order,
//!    raised digits as `[n]` markers, then [`letters`]: presentation forms to base letters.
//! 5. [`furniture`]: running headers, footers and page numbers out; [`footnotes`]: notes at page
//!    bottoms moved to the end; [`paragraphs`]: lines joined into paragraphs.
//! 6. [`meta`]: title, author and date from the information dictionary, `/Lang` from the catalog.

mod cmap_check;
mod decode;
mod footnotes;
mod furniture;
mod glyphs;
mod guard;
mod layout;
mod lengths;
mod letters;
mod lines;
mod meta;
mod open;
mod paragraphs;
mod reorder;

use std::panic::{AssertUnwindSafe, catch_unwind};

use unicode_normalization::UnicodeNormalization;

use super::{FormatError, ImportedDocument};
use crate::model::TextDirection;
use glyphs::{PageEnd, PageGlyphs};

/// Glyphs read from one document at most (about four million characters: a long book).
const MAX_GLYPHS: usize = 4_000_000;

/// Reads a PDF file's bytes as a document. `progress` is called with the fraction done (0..=1)
/// after each page, so a big file can show a progress bar.
///
/// A page without text among pages with text is left out with a warning naming it; so is a page
/// pdf-extract cannot read. Running headers, footers and page numbers are dropped; footnotes at
/// page bottoms follow the body as `[n] text` paragraphs, their markers in the body written
/// `[n]`.
///
/// # Errors
/// [`FormatError::Corrupt`] for a file that is not a readable PDF (truncated, garbage, no pages),
/// [`FormatError::Encrypted`] for one that needs a password to open,
/// [`FormatError::NoTextLayer`] for one that draws images or shapes but no text (a scan),
/// [`FormatError::Empty`] for one that draws nothing, [`FormatError::TooBig`] for one whose
/// streams expand past [`super::MAX_EXPANDED_BYTES`].
pub fn import(
    bytes: &[u8],
    progress: &mut dyn FnMut(f32),
) -> Result<ImportedDocument, FormatError> {
    progress(0.0);
    let mut doc = open::open(bytes)?;
    let mut meta = meta::read(&doc);
    let guarded = catch_unwind(AssertUnwindSafe(|| {
        guard::guard(&mut doc, guard::Limits::default())
    }))
    .map_err(|_| open::corrupt("its structure is broken"))?
    .ok_or_else(|| open::corrupt("it has no pages"))?;
    let mut warnings = guarded.warnings;
    let total = guarded.pages.len();
    let mut glyphs_left = MAX_GLYPHS;
    let mut pages: Vec<PageGlyphs> = Vec::with_capacity(total);
    let (mut failed, mut without_text) = (Vec::new(), Vec::new());
    let mut drawn = false;
    for (i, page) in guarded.pages.iter().enumerate() {
        drawn |= page.images || page.shapes;
        if page.readable && glyphs_left > 0 {
            let (glyphs, end) = glyphs::read_page(&doc, page.number, &mut glyphs_left);
            match end {
                PageEnd::Read => {}
                PageEnd::Failed => failed.push(page.number),
                PageEnd::GlyphLimit => warnings.push(format!(
                    "only the text up to page {} was read: the document has more characters than \
                     the limit of {MAX_GLYPHS}",
                    page.number
                )),
            }
            if !glyphs.glyphs.iter().any(|g| !g.text.trim().is_empty()) && end != PageEnd::Failed {
                without_text.push(page.number);
            }
            pages.push(glyphs);
        }
        progress(0.9 * (i + 1) as f32 / total as f32);
    }
    let has_text = pages
        .iter()
        .any(|p| p.glyphs.iter().any(|g| !g.text.trim().is_empty()));
    if !has_text {
        return Err(if !failed.is_empty() {
            open::corrupt("none of its pages could be read")
        } else if drawn {
            FormatError::NoTextLayer
        } else {
            FormatError::Empty
        });
    }
    if !without_text.is_empty() {
        let (list, verb) = (
            page_list(&without_text),
            if without_text.len() == 1 {
                "has"
            } else {
                "have"
            },
        );
        warnings.push(format!(
            "{list} {verb} no text layer (scanned or drawn as shapes) and {} left out; run them \
             through OCR to import their text",
            if without_text.len() == 1 {
                "was"
            } else {
                "were"
            }
        ));
    }
    if !failed.is_empty() {
        warnings.push(format!(
            "{} could not be read completely (malformed content)",
            page_list(&failed)
        ));
    }

    let mut lines = layout::layout(&pages);
    let all: Vec<&layout::PlacedLine> = lines.iter().flat_map(|p| &p.lines).collect();
    let rtl_lines = all.iter().filter(|l| l.rtl).count();
    if rtl_lines * 2 > all.len() {
        meta.direction = Some(TextDirection::Rtl);
    }
    furniture::remove(&mut lines);
    let body_size = layout::body_size(&lines);
    let notes = footnotes::take(&mut lines, body_size);
    let mut blocks = paragraphs::paragraphs(&lines);
    blocks.extend(
        notes
            .into_iter()
            .map(|n| format!("[{}] {}", n.number, n.text)),
    );
    let text: String = blocks.join("\n\n").nfc().collect();
    progress(1.0);
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    Ok(ImportedDocument {
        text,
        meta,
        headings: Vec::new(),
        warnings,
    })
}

/// "page 3", "pages 3, 5 and 9".
fn page_list(numbers: &[u32]) -> String {
    match numbers {
        [one] => format!("page {one}"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(u32::to_string).collect();
            format!("pages {} and {last}", rest.join(", "))
        }
        [] => String::new(),
    }
}
