//! Cross-reference streams checked before lopdf decodes them.
//!
//! lopdf 0.42 trusts a cross-reference stream's dictionary: it allocates each field as wide as
//! `/W` says (`/W [55555555558 4 2]` asks for 55 GB and aborts the process), inserts `/Size` or
//! `/Index` entries without reading a byte when the widths are all zero, inflates the data
//! without a limit, and then parses an object for every entry. So every stream lopdf could take
//! for a cross-reference stream is read here first, and a file whose stream would do any of that
//! is refused. (Its predictor's rows are [`super::predictor`]'s to keep small.)
//!
//! Which streams: those at the offsets lopdf may follow, gathered blind to the file's structure
//! (every `startxref`, every integer `/Prev` and `/XRefStm`), so that none is missed.

use std::collections::HashSet;

use pdf_extract::{Object, Stream};

use super::decode::{DecodeError, decode};
use super::open::{self, corrupt};
use super::syntax;
use crate::import::{FormatError, MAX_EXPANDED_BYTES};

/// Offsets followed at most; a real file has one per update.
const MAX_SECTIONS: usize = 10_000;

/// Checks every cross-reference stream in `bytes`, the bytes lopdf will load.
pub(super) fn check(bytes: &[u8]) -> Result<(), FormatError> {
    // lopdf counts offsets from the header.
    let start = memchr::memmem::find(bytes, b"%PDF-").unwrap_or(0);
    let data = &bytes[start..];
    let offsets = section_offsets(data);
    if offsets.len() > MAX_SECTIONS {
        return Err(corrupt("it has too many cross-reference sections"));
    }
    let mut budget = usize::try_from(MAX_EXPANDED_BYTES).unwrap_or(usize::MAX);
    // An object takes at least `1 0 obj` and a value.
    let objects = data.len() / 8 + 64;
    for offset in offsets {
        if let Some(stream) = stream_at(data, offset) {
            check_stream(&stream, &mut budget, objects)?;
        }
    }
    Ok(())
}

/// Every offset lopdf might read a cross-reference section at.
fn section_offsets(data: &[u8]) -> HashSet<usize> {
    let mut offsets = HashSet::new();
    for at in memchr::memmem::find_iter(data, b"startxref") {
        if let Some((offset, _)) = syntax::unsigned(data, syntax::space(data, at + 9)) {
            offsets.insert(offset);
        }
    }
    for at in memchr::memchr_iter(b'/', data) {
        let end =
            syntax::name_end(data, at, b"Prev").or_else(|| syntax::name_end(data, at, b"XRefStm"));
        let Some(end) = end else {
            continue;
        };
        // An integer, not a reference (outline items have `/Prev 12 0 R`).
        let from = syntax::space(data, end);
        if let Some((offset, _)) = syntax::unsigned::<usize>(data, from)
            && syntax::reference(data, from).is_none()
        {
            offsets.insert(offset);
        }
        if offsets.len() > MAX_SECTIONS {
            break;
        }
    }
    offsets
}

/// The stream lopdf would read as a cross-reference stream at `offset`, if there is one.
fn stream_at(data: &[u8], offset: usize) -> Option<Stream> {
    let i = syntax::space(data, offset);
    let (number, i) = syntax::unsigned::<u32>(data, i)?;
    let (generation, i) = syntax::unsigned::<u16>(data, syntax::space(data, i))?;
    if !data.get(syntax::space(data, i)..)?.starts_with(b"obj") {
        return None;
    }
    match open::object_at(data, (number, generation), offset)? {
        Object::Stream(stream) => Some(stream),
        _ => None,
    }
}

/// Refuses a cross-reference stream that would make lopdf allocate, inflate or parse without
/// bound; lets through one lopdf refuses by itself.
fn check_stream(stream: &Stream, budget: &mut usize, objects: usize) -> Result<(), FormatError> {
    let dict = &stream.dict;
    let integers = |key: &[u8]| -> Option<Vec<i64>> {
        let items = dict.get(key).ok()?.as_array().ok()?;
        items.iter().map(|item| item.as_i64().ok()).collect()
    };
    let Ok(size) = dict.get(b"Size").and_then(Object::as_i64) else {
        return Ok(());
    };
    let Some(widths) = integers(b"W").filter(|w| w.len() >= 3 && w[..3].iter().all(|&w| w >= 0))
    else {
        return Ok(());
    };
    if widths[..3].iter().any(|&w| w > 8) {
        return Err(corrupt(
            "its cross-reference stream has fields wider than 8 bytes",
        ));
    }
    let widths: Vec<usize> = widths[..3].iter().map(|&w| w as usize).collect();
    let sections = integers(b"Index").unwrap_or_else(|| vec![0, size]);
    let counts = sections.chunks_exact(2).map(|pair| pair[1].max(0) as u64);
    if widths.iter().sum::<usize>() == 0 {
        // Every entry is an object at offset 0, read without a byte of data.
        return if counts.sum::<u64>() > objects as u64 {
            Err(too_many())
        } else {
            Ok(())
        };
    }
    let data = match decode(stream, *budget) {
        Ok(data) => data,
        Err(DecodeError::TooBig) => {
            return Err(FormatError::TooBig(format!(
                "its cross-reference streams expand to more than {} MB",
                MAX_EXPANDED_BYTES >> 20
            )));
        }
        Err(DecodeError::Unsupported) => {
            return Err(corrupt(
                "its cross-reference stream is compressed in a way Basira does not read",
            ));
        }
    };
    *budget -= data.len();
    if objects_listed(&data, &widths, counts) > objects as u64 {
        return Err(too_many());
    }
    Ok(())
}

fn too_many() -> FormatError {
    corrupt("its cross-reference stream lists more objects than the file can hold")
}

/// How many in-use objects lopdf reads from the decoded entries (type 1, or every entry when
/// the type field has no width), or 0 when the data ends first, for then lopdf refuses the
/// stream.
fn objects_listed(data: &[u8], widths: &[usize], counts: impl Iterator<Item = u64>) -> u64 {
    let mut at = 0;
    let mut take = |width: usize| -> Option<u64> {
        let field = data.get(at..at + width)?;
        at += width;
        Some(
            field
                .iter()
                .fold(0u64, |value, &b| value << 8 | u64::from(b)),
        )
    };
    let mut listed = 0;
    for count in counts {
        for _ in 0..count {
            let kind = if widths[0] == 0 {
                Some(1)
            } else {
                take(widths[0])
            };
            let read = match kind {
                None => None,
                Some(0 | 2) => take(widths[1]).and(take(widths[2])),
                Some(1) => {
                    listed += 1;
                    take(widths[1]).and(take(widths[2]))
                }
                Some(_) => Some(0),
            };
            if read.is_none() {
                return 0;
            }
        }
    }
    listed
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::ZlibEncoder;

    use super::{check, check_stream};
    use crate::import::{FormatError, pdf::import};

    const OBJECTS: [&[u8]; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] \
          /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length 36 >>\nstream\nBT /F1 12 Tf 20 150 Td (Hello) Tj ET\nendstream",
    ];

    /// Objects 1 to 5 drawing `Hello`, then cross-reference stream 6 with `keys` added to its
    /// dictionary and `data` as its data, or the right entries when `data` is `None`.
    fn file(keys: &str, data: Option<Vec<u8>>) -> Vec<u8> {
        let mut out = b"%PDF-1.5\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in OBJECTS.iter().enumerate() {
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
                entries.extend_from_slice(&(*offset as u32).to_be_bytes());
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

    fn deflated(data: &[u8]) -> Vec<u8> {
        let mut deflate = ZlibEncoder::new(Vec::new(), Compression::best());
        deflate.write_all(data).expect("deflate to memory");
        deflate.finish().expect("deflate to memory")
    }

    fn refused(bytes: &[u8]) -> String {
        match check(bytes) {
            Err(FormatError::Corrupt { reason, .. }) => reason,
            other => panic!("not refused as corrupt: {other:?}"),
        }
    }

    #[test]
    fn a_well_formed_cross_reference_stream_opens() {
        let bytes = file("/W [1 4 2]", None);
        assert_eq!(check(&bytes), Ok(()));
        assert_eq!(
            import(&bytes, &mut |_| {}).map(|d| d.text),
            Ok("Hello".into())
        );
    }

    #[test]
    fn fields_wider_than_eight_bytes_are_refused_before_lopdf_allocates_them() {
        // Found by the import_pdf fuzz target: lopdf asked for 55 GB and the process aborted.
        let reason = refused(&file("/W [55555555558 4 2]", None));
        assert!(reason.contains("wider than 8 bytes"), "{reason}");
        let fixture =
            std::fs::read("tests/fixtures/import/pdf/fuzz/xref-stream-field-55-gb-wide.pdf")
                .expect("the fuzz input");
        assert!(matches!(
            import(&fixture, &mut |_| {}),
            Err(FormatError::Corrupt { .. })
        ));
    }

    #[test]
    fn entries_that_take_no_bytes_cannot_list_two_billion_objects() {
        let reason = refused(&file("/W [0 0 0] /Index [0 2000000000]", Some(Vec::new())));
        assert!(
            reason.contains("more objects than the file can hold"),
            "{reason}"
        );
        // A handful is what lopdf would read from a small file anyway.
        assert_eq!(
            check(&file("/W [0 0 0] /Index [0 3]", Some(Vec::new()))),
            Ok(())
        );
    }

    #[test]
    fn entries_beyond_what_the_file_can_hold_are_refused() {
        // 200 000 in-use objects, one byte each, from a few hundred bytes of deflated data.
        let entries: Vec<u8> = (0..200_000u32).flat_map(|i| [1, (i % 200) as u8]).collect();
        let bytes = file(
            "/W [1 1 0] /Index [0 200000] /Filter /FlateDecode",
            Some(deflated(&entries)),
        );
        assert!(bytes.len() < 4_000, "{}", bytes.len());
        let reason = refused(&bytes);
        assert!(
            reason.contains("more objects than the file can hold"),
            "{reason}"
        );
    }

    #[test]
    fn data_that_inflates_past_the_budget_is_too_big() {
        let bytes = file(
            "/W [1 4 2] /Filter /FlateDecode",
            Some(deflated(&vec![0; 2 << 20])),
        );
        let at = memchr::memmem::find(&bytes, b"6 0 obj").expect("the stream");
        let stream = super::stream_at(&bytes, at).expect("a stream");
        let mut budget = 1 << 20;
        assert!(matches!(
            check_stream(&stream, &mut budget, 1_000),
            Err(FormatError::TooBig(_))
        ));
        let mut budget = 4 << 20;
        assert_eq!(check_stream(&stream, &mut budget, 1_000_000), Ok(()));
        assert_eq!(budget, 2 << 20, "what was decoded comes off the budget");
    }

    #[test]
    fn a_previous_section_is_checked_too_but_an_outline_reference_is_not_followed() {
        let bad = file("/W [9 4 2]", None);
        // The bad stream becomes a previous section of a file whose last section is a table.
        let at = memchr::memmem::find(&bad, b"6 0 obj").expect("the stream");
        let mut bytes =
            bad[..memchr::memmem::find(&bad, b"startxref").expect("startxref")].to_vec();
        let table = bytes.len();
        bytes.extend_from_slice(
            format!(
                "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 7 /Root 1 0 R /Prev {at} >>\n\
                 startxref\n{table}\n%%EOF\n"
            )
            .as_bytes(),
        );
        assert!(refused(&bytes).contains("wider than 8 bytes"));
        let outline = String::from_utf8_lossy(&bytes)
            .replace(&format!("/Prev {at}"), &format!("/Prev {at} 0 R"));
        assert_eq!(check(outline.as_bytes()), Ok(()));
    }
}
