//! PDF import: the text layer in reading order, with base letters, as paragraphs.
//!
//! Arabic PDFs often hold their text in visual order (left to right as drawn) and as
//! presentation forms (the shaped letters). The steps, one module each:
//! 1. [`open`]: bytes to a hayro-syntax document (Linebender's parser, written for broken and
//!    hostile files: it repairs cross-references, bounds its recursion and decrypts); corrupt,
//!    truncated and encrypted files refused, and object and cross-reference streams measured
//!    before hayro-syntax inflates them.
//! 2. [`glyphs`]: each page's content interpreted over hayro-syntax's operators, within limits
//!    (operators, form depth, glyphs), with [`fonts`] (codes, text, widths; [`standard_widths`])
//!    and every stream decoded within the document's budget ([`stream`]): glyphs with positions,
//!    rules.
//! 3. [`lines`] and [`reorder`] (within [`layout`]): glyphs into lines, lines into reading order,
//!    raised digits as `[n]` markers, then [`letters`]: presentation forms to base letters.
//! 4. [`furniture`]: running headers, footers and page numbers out; [`footnotes`]: notes at page
//!    bottoms moved to the end; [`paragraphs`]: lines joined into paragraphs.
//! 5. [`meta`]: title, author and date from the information dictionary, `/Lang` from the catalog.

mod fonts;
mod footnotes;
mod furniture;
mod glyphs;
mod layout;
mod letters;
mod lines;
mod meta;
mod open;
mod paragraphs;
mod reorder;
mod standard_widths;
mod stream;
#[cfg(test)]
mod test_file;

use unicode_normalization::UnicodeNormalization;

use super::{FormatError, ImportWarning, ImportedDocument, MAX_EXPANDED_BYTES, page_list};
use crate::model::TextDirection;
use glyphs::{PageEnd, PageGlyphs};

/// Pages read at most; the rest are left out with a warning.
const MAX_PAGES: usize = 2_000;

/// Reads a PDF file's bytes as a document. `progress` is called with the fraction done (0..=1)
/// after each page, so a big file can show a progress bar.
///
/// A page without text among pages with text is left out with a warning naming it; so is a page
/// that goes past a limit. Running headers, footers and page numbers are dropped; footnotes at
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
    // hayro-syntax recurses over nested objects and the reader over forms: bounded, but deeper
    // than a small stack allows. The reading runs on a thread with a stack of known size, whatever the
    // caller's; its progress comes back over a channel.
    let (sender, fractions) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("basira-pdf".into())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, move || {
                caught(bytes, &mut |fraction| {
                    let _ = sender.send(fraction);
                })
            });
        let Ok(worker) = worker else {
            return caught(bytes, progress);
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

/// [`read`], a panic (of hayro-syntax or of the reader, on a file built to cause one) reported as
/// a corrupt file rather than taking the app down. The fuzz target counts such panics as
/// findings.
fn caught(bytes: &[u8], progress: &mut dyn FnMut(f32)) -> Result<ImportedDocument, FormatError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(bytes, progress)))
        .unwrap_or_else(|_| Err(open::corrupt("its structure is broken")))
}

/// Stack of the thread that reads a PDF: reserved, untouched pages cost no memory.
const STACK_BYTES: usize = 64 << 20;

fn read(bytes: &[u8], progress: &mut dyn FnMut(f32)) -> Result<ImportedDocument, FormatError> {
    progress(0.0);
    let pdf = open::open(bytes)?;
    let mut meta = meta::read(&pdf);
    let all = pdf.pages();
    if all.is_empty() {
        return Err(open::corrupt("it has no pages"));
    }
    let mut warnings = Vec::new();
    if all.len() > MAX_PAGES {
        warnings.push(ImportWarning::PagesOverLimit {
            read: MAX_PAGES,
            total: all.len(),
        });
    }
    let total = all.len().min(MAX_PAGES);
    let limits = glyphs::Limits::default();
    let budget = stream::Budget::new(usize::try_from(MAX_EXPANDED_BYTES).unwrap_or(usize::MAX));
    let mut reader = glyphs::Reader::new(limits, budget);
    let mut pages: Vec<PageGlyphs> = Vec::with_capacity(total);
    let (mut over_limit, mut without_text) = (Vec::new(), Vec::new());
    let mut drawn = false;
    let mut out_of_glyphs = false;
    for (i, page) in all.iter().take(total).enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if out_of_glyphs {
            break;
        }
        let (glyphs, end) = reader.read_page(page, number);
        drawn |= glyphs.images || glyphs.shapes;
        match end {
            PageEnd::Read => {}
            PageEnd::OverLimit => over_limit.push(number),
            PageEnd::GlyphLimit => {
                out_of_glyphs = true;
                warnings.push(ImportWarning::CharacterLimit {
                    page: number,
                    limit: limits.glyphs,
                });
            }
        }
        if !glyphs.glyphs.iter().any(|g| !g.text.trim().is_empty()) && end == PageEnd::Read {
            without_text.push(number);
        }
        pages.push(glyphs);
        progress(0.9 * (i + 1) as f32 / total as f32);
    }
    let has_text = pages
        .iter()
        .any(|p| p.glyphs.iter().any(|g| !g.text.trim().is_empty()));
    if !has_text {
        return Err(if !over_limit.is_empty() {
            FormatError::TooBig(format!(
                "{} went past a safety limit (decoded data, operators or forms)",
                page_list(&over_limit)
            ))
        } else if drawn {
            FormatError::NoTextLayer
        } else {
            FormatError::Empty
        });
    }
    if !without_text.is_empty() {
        warnings.push(ImportWarning::PagesWithoutText {
            pages: without_text,
        });
    }
    if !over_limit.is_empty() {
        warnings.push(ImportWarning::PagesOverSafetyLimit { pages: over_limit });
    }

    let drawn_glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if reader.unmapped > 0 && reader.unmapped * 100 >= drawn_glyphs + reader.unmapped {
        warnings.push(ImportWarning::CharactersWithoutText {
            count: reader.unmapped,
        });
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
    fn a_deeply_nested_pdf_reads_from_a_thread_with_little_stack() {
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

/// Files built to exhaust a reader (the guards the lopdf-based reader needed, kept as tests):
/// each returns promptly, within memory, with text or an error.
#[cfg(test)]
mod hostile {
    use std::io::Write;

    use super::{import, test_file};
    use crate::import::FormatError;

    fn text(bytes: &[u8]) -> Result<String, FormatError> {
        import(bytes, &mut |_| {}).map(|doc| doc.text)
    }

    fn stream(keys: &str, data: &[u8]) -> Vec<u8> {
        [
            format!("<< /Length {} {keys} >>\nstream\n", data.len()).as_bytes(),
            data,
            b"\nendstream",
        ]
        .concat()
    }

    fn deflated(data: &[u8]) -> Vec<u8> {
        let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        deflate.write_all(data).expect("deflate to memory");
        deflate.finish().expect("deflate to memory")
    }

    /// A one-page file drawing `content` (Helvetica is `/F1`) with `resources` as the page's
    /// resource dictionary, and `extra` objects (numbered from 6).
    fn page(content: &[u8], resources: &str, extra: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
        let mut objects = vec![
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
            (
                3,
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources {resources} \
                     /Contents 5 0 R >>"
                )
                .into_bytes(),
            ),
            (
                4,
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
                    .to_vec(),
            ),
            (5, stream("", content)),
        ];
        objects.extend(extra);
        test_file::classic(&objects, "")
    }

    const HELVETICA: &str = "<< /Font << /F1 4 0 R >> >>";

    #[test]
    fn a_form_that_draws_itself_is_drawn_once_and_deep_saves_are_capped() {
        let form = stream(
            "/Type /XObject /Subtype /Form /Resources << /Font << /F1 4 0 R >> \
             /XObject << /X1 6 0 R >> >>",
            b"BT /F1 9 Tf 20 30 Td (Form) Tj ET /X1 Do",
        );
        let bytes = page(
            b"BT /F1 12 Tf 20 150 Td (Page) Tj ET /X1 Do",
            "<< /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>",
            vec![(6, form)],
        );
        assert_eq!(text(&bytes), Ok("Page\n\nForm".into()));

        let mut deep = b"q ".repeat(100_000);
        deep.extend_from_slice(b"BT /F1 12 Tf 20 150 Td (Deep) Tj ET ");
        deep.extend(b"Q ".repeat(100_000));
        assert_eq!(text(&page(&deep, HELVETICA, Vec::new())), Ok("Deep".into()));
    }

    /// A Type0 font `/F2` with `cmap` as its `ToUnicode`, then text in it and in Helvetica.
    fn with_cmap(cmap: &[u8]) -> Vec<u8> {
        page(
            b"BT /F2 12 Tf 20 150 Td <0001> Tj ET BT /F1 12 Tf 20 100 Td (Latin) Tj ET",
            "<< /Font << /F1 4 0 R /F2 6 0 R >> >>",
            vec![
                (
                    6,
                    b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H \
                      /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>"
                        .to_vec(),
                ),
                (
                    7,
                    b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>".to_vec(),
                ),
                (8, stream("", cmap)),
            ],
        )
    }

    #[test]
    fn a_cmap_bomb_or_deep_nesting_leaves_the_font_out_instead_of_hanging() {
        // Four billion codes in one range: kept as a range, never expanded.
        let range = text(&with_cmap(
            b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange",
        ));
        assert!(
            range.as_deref().is_ok_and(|t| t.ends_with("Latin")),
            "{range:?}"
        );
        let nested = [
            b"1 beginbfchar <0001> ".as_slice(),
            &[b'['; 100_000],
            b" endbfchar",
        ]
        .concat();
        assert_eq!(text(&with_cmap(&nested)), Ok("Latin".into()));
    }

    #[test]
    fn a_content_stream_that_inflates_past_the_budget_is_too_big() {
        let limit = usize::try_from(crate::import::MAX_EXPANDED_BYTES).expect("fits");
        let bomb = deflated(&vec![b' '; limit + 1]);
        assert!(bomb.len() < 1 << 20, "{}", bomb.len());
        let objects = vec![
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
            (
                3,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 5 0 R >>".to_vec(),
            ),
            (5, stream("/Filter /FlateDecode", &bomb)),
        ];
        let result = text(&test_file::classic(&objects, ""));
        assert!(matches!(result, Err(FormatError::TooBig(_))), "{result:?}");
    }

    /// Objects 1 to 5 drawing `Hello`, then cross-reference stream 6 with `keys` added to its
    /// dictionary and `data` as its data, or the right entries when `data` is `None`.
    fn with_xref_stream(keys: &str, data: Option<Vec<u8>>) -> Vec<u8> {
        let objects: [&[u8]; 5] = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] \
              /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length 35 >>\nstream\nBT /F1 12 Tf 20 150 Td (Hello) Tj ET\nendstream",
        ];
        let mut out = b"%PDF-1.5\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        offsets.push(xref);
        let data = data.unwrap_or_else(|| {
            let mut entries = vec![0u8, 0, 0, 0, 0, 0xff, 0xff];
            for offset in &offsets {
                entries.push(1);
                entries.extend_from_slice(&u32::try_from(*offset).expect("small").to_be_bytes());
                entries.extend_from_slice(&[0, 0]);
            }
            entries
        });
        out.extend_from_slice(
            format!(
                "6 0 obj\n<< /Type /XRef /Size 7 /Root 1 0 R /Length {} {keys} >>\nstream\n",
                data.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(&data);
        out.extend_from_slice(
            format!("\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        out
    }

    #[test]
    fn cross_reference_streams_built_to_exhaust_a_reader_return_promptly() {
        assert_eq!(
            text(&with_xref_stream("/W [1 4 2]", None)),
            Ok("Hello".into())
        );
        // Each of these made lopdf ask for gigabytes, or list billions of objects.
        let entries: Vec<u8> = (0..200_000u32).flat_map(|i| [1, (i % 200) as u8]).collect();
        for bytes in [
            with_xref_stream("/W [55555555558 4 2]", None),
            with_xref_stream("/W [0 0 0] /Index [0 2000000000]", Some(Vec::new())),
            with_xref_stream(
                "/W [1 1 0] /Index [0 200000] /Filter /FlateDecode",
                Some(deflated(&entries)),
            ),
            std::fs::read("tests/fixtures/import/pdf/fuzz/xref-stream-field-55-gb-wide.pdf")
                .expect("the fuzz input"),
        ] {
            // hayro-syntax falls back to scanning the file for objects: the text may be found.
            let result = text(&bytes);
            assert!(
                matches!(&result, Ok(t) if t == "Hello")
                    || matches!(result, Err(FormatError::Corrupt { .. })),
                "{result:?}"
            );
        }
    }

    #[test]
    fn lengths_through_long_chains_and_gigabyte_predictor_rows_return_promptly() {
        // Each stream's length is the next stream (lopdf parsed them one inside the other).
        let mut objects = vec![
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
            (
                3,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] \
                  /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
                    .to_vec(),
            ),
            (
                4,
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
            ),
        ];
        let body = b"BT /F1 12 Tf 20 150 Td (Hello) Tj ET";
        objects.push((
            5,
            [
                b"<< /Length 6 0 R >>\nstream\n".as_slice(),
                body,
                b"\nendstream",
            ]
            .concat(),
        ));
        let last = 6 + 100_000;
        for number in 6..last {
            objects.push((
                number,
                format!("<< /Length {} 0 R >>\nstream\nx\nendstream", number + 1).into_bytes(),
            ));
        }
        objects.push((last, b"1".to_vec()));
        let result = text(&test_file::classic(&objects, ""));
        assert!(
            matches!(&result, Ok(t) if t == "Hello") || result.is_err(),
            "{result:?}"
        );

        // An object stream whose predictor rows would be 1.6 GB each.
        let out = test_file::classic(
            &[
                (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
                (2, b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec()),
                (
                    3,
                    b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms \
                      << /Predictor 12 /Columns 400000000 /Colors 4 >> /Length 8 >>\n\
                      stream\nx\x9c\x03\x00\x00\x00\x00\x01\nendstream"
                        .to_vec(),
                ),
            ],
            "",
        );
        assert!(matches!(text(&out), Err(FormatError::Corrupt { .. })));
    }

    #[test]
    fn characters_whose_font_gives_no_text_are_counted_in_a_warning() {
        // A composite font without ToUnicode: its two glyphs have no text.
        let bytes = page(
            b"BT /F2 12 Tf 20 150 Td <00010002> Tj ET BT /F1 12 Tf 20 100 Td (Latin) Tj ET",
            "<< /Font << /F1 4 0 R /F2 6 0 R >> >>",
            vec![
                (
                    6,
                    b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H \
                      /DescendantFonts [7 0 R] >>"
                        .to_vec(),
                ),
                (
                    7,
                    b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>".to_vec(),
                ),
            ],
        );
        let doc = import(&bytes, &mut |_| {}).expect("the Latin text");
        assert_eq!(doc.text, "Latin");
        assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
        assert!(
            doc.warnings[0]
                .to_string()
                .starts_with("2 characters were left out")
        );
    }
}
