//! PDF import: the text layer in reading order, with base letters, as paragraphs.
//!
//! Arabic PDFs often hold their text in visual order (left to right as drawn) and as
//! presentation forms (the shaped letters). The steps, one module each:
//! 1. [`open`]: bytes to a lopdf document; corrupt and encrypted files refused. lopdf 0.42 trusts
//!    the file, so before it loads: stream lengths given as references are hidden and read
//!    afterwards ([`lengths`]: lopdf recurses on them), oversized predictor rows defused
//!    ([`predictor`]), cross-reference streams checked ([`xref_check`]); [`syntax`] reads tokens
//!    as lopdf does.
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
mod predictor;
mod reorder;
mod syntax;
#[cfg(test)]
mod test_file;
mod xref_check;

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
    // lopdf and pdf-extract recurse over nested objects and forms: bounded, but deeper than a
    // small stack allows. The reading runs on a thread with a stack of known size, whatever the
    // caller's; its progress comes back over a channel.
    let (sender, fractions) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("basira-pdf".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, move || {
                read(bytes, &mut |fraction| {
                    let _ = sender.send(fraction);
                })
            });
        let Ok(worker) = worker else {
            return read(bytes, progress);
        };
        // Ends when the reader is done and its sender dropped.
        for fraction in fractions {
            progress(fraction);
        }
        worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// Stack of the thread that reads a PDF: reserved, untouched pages cost no memory.
const STACK_BYTES: usize = 64 << 20;

fn read(bytes: &[u8], progress: &mut dyn FnMut(f32)) -> Result<ImportedDocument, FormatError> {
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

#[cfg(test)]
mod tests {
    use super::{import, test_file};

    /// A one-page file saying `Deep` whose trailer holds arrays nested `depth` deep.
    fn nested(depth: usize) -> Vec<u8> {
        let text = b"BT /F1 12 Tf 20 150 Td (Deep) Tj ET";
        let objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] \
              /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
                .to_vec(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
            [
                format!("<< /Length {} >>\nstream\n", text.len()).as_bytes(),
                text,
                b"\nendstream",
            ]
            .concat(),
        ];
        let objects: Vec<(u32, Vec<u8>)> = (1..).zip(objects).collect();
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        test_file::classic(&objects, &format!("/Deep {deep}"))
    }

    #[test]
    fn a_pdf_nested_as_deep_as_lopdf_allows_reads_from_a_thread_with_little_stack() {
        let bytes = nested(98);
        let text = std::thread::Builder::new()
            .stack_size(128 << 10)
            .spawn(move || import(&bytes, &mut |_| {}).map(|doc| doc.text))
            .expect("a thread")
            .join()
            .expect("no overflow");
        assert_eq!(text.as_deref(), Ok("Deep"));
    }

    #[test]
    fn progress_comes_back_to_the_callers_thread_in_order_up_to_one() {
        let caller = std::thread::current().id();
        let mut seen = Vec::new();
        let result = import(&nested(1), &mut |fraction| {
            assert_eq!(std::thread::current().id(), caller);
            seen.push(fraction);
        });
        assert!(result.is_ok(), "{result:?}");
        assert_eq!(seen.first(), Some(&0.0));
        assert_eq!(seen.last(), Some(&1.0));
        assert!(seen.is_sorted(), "{seen:?}");
    }
}
