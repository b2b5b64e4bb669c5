//! Bytes to a lopdf document: a corrupt file, an encrypted one and one whose object streams
//! would decompress past the limit are told apart and refused.

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};

use flate2::read::ZlibDecoder;
use std::collections::HashSet;

use pdf_extract::xref::{Xref, XrefEntry, XrefType};
use pdf_extract::{Document, Object, ObjectId, Reader};

use super::{lengths, predictor, syntax, xref_check};
use crate::import::{FormatError, MAX_EXPANDED_BYTES};

/// Loads `bytes` as a PDF. A file with an empty user password (only an owner password, to stop
/// printing or copying) is decrypted and opens; one that needs a password to open is refused.
pub(super) fn open(bytes: &[u8]) -> Result<Document, FormatError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(corrupt("it has no PDF header"));
    }
    check_object_streams(bytes, MAX_EXPANDED_BYTES)?;
    let detached = lengths::detach(bytes);
    let bytes = detached.as_deref().unwrap_or(bytes);
    let defused = predictor::defuse(bytes);
    let bytes = defused.as_deref().unwrap_or(bytes);
    xref_check::check(bytes)?;
    let loaded = catch_unwind(AssertUnwindSafe(|| Document::load_mem(bytes)));
    let mut doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(error)) if mentions_encryption(bytes) => {
            let _ = error;
            return Err(FormatError::Encrypted { format: "PDF" });
        }
        Ok(Err(error)) => return Err(corrupt(&error.to_string())),
        Err(_) => return Err(corrupt("its structure is broken")),
    };
    // lopdf tries the empty password itself; a document still encrypted after loading needs a
    // user password.
    if doc.is_encrypted() {
        return Err(FormatError::Encrypted { format: "PDF" });
    }
    if detached.is_some() {
        lengths::restore(&mut doc, bytes);
    }
    Ok(doc)
}

/// The object lopdf reads at `offset` of `data` (counted from the header, as lopdf counts), read
/// by lopdf's own parser on its own: `id` must be the object's, generation included. Lengths given
/// as references are not followed (the bytes have them hidden, see [`super::lengths`]).
pub(super) fn object_at(data: &[u8], id: ObjectId, offset: usize) -> Option<Object> {
    let mut table = Xref::new(0, XrefType::CrossReferenceTable);
    let offset = u32::try_from(offset).ok()?;
    table.insert(
        id.0,
        XrefEntry::Normal {
            offset,
            generation: id.1,
        },
    );
    let reader = Reader {
        buffer: data,
        document: Document {
            reference_table: table,
            ..Document::new()
        },
        encryption_state: None,
        raw_objects: Default::default(),
        password: None,
        strict: false,
    };
    reader.get_object(id, &mut HashSet::new()).ok()
}

pub(super) fn corrupt(reason: &str) -> FormatError {
    FormatError::Corrupt {
        format: "PDF",
        reason: reason.to_owned(),
    }
}

fn mentions_encryption(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

/// lopdf decompresses every object stream (`/Type /ObjStm`) while loading, without a limit: their
/// deflated data is measured here first, and a file whose object streams would expand past
/// `limit` ([`MAX_EXPANDED_BYTES`]) is refused.
fn check_object_streams(bytes: &[u8], limit: u64) -> Result<(), FormatError> {
    let mut left = limit;
    let mut from = 0;
    // Names as lopdf reads them, `#` escapes decoded: `/Obj#53tm` is an object stream too.
    let names =
        memchr::memchr_iter(b'/', bytes).filter_map(|at| syntax::name_end(bytes, at, b"ObjStm"));
    for end in names {
        if end < from {
            continue;
        }
        from = end;
        let Some(keyword) = find(&bytes[from..], b"stream") else {
            break;
        };
        let mut data = from + keyword + 6;
        if bytes.get(data) == Some(&b'\r') {
            data += 1;
        }
        if bytes.get(data) == Some(&b'\n') {
            data += 1;
        }
        let end = find(&bytes[data..], b"endstream").map_or(bytes.len(), |e| data + e);
        let size = inflated_size(&bytes[data..end], left.saturating_add(1));
        if size > left {
            return Err(FormatError::TooBig(format!(
                "its object streams expand to more than {} MB",
                limit >> 20
            )));
        }
        left -= size;
        from = end.max(from);
    }
    Ok(())
}

/// How many bytes deflated `data` expands to, counting no further than `cap`.
fn inflated_size(data: &[u8], cap: u64) -> u64 {
    std::io::copy(&mut ZlibDecoder::new(data).take(cap), &mut std::io::sink()).unwrap_or(0)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_header_and_garbage_are_corrupt() {
        assert!(matches!(open(b"hello"), Err(FormatError::Corrupt { .. })));
        assert!(matches!(
            open(b"%PDF-1.4\n garbage"),
            Err(FormatError::Corrupt { .. })
        ));
    }

    #[test]
    fn object_streams_inflating_past_the_limit_are_too_big_however_their_type_is_spelled() {
        use std::io::Write;
        let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        deflate
            .write_all(&[b' '; 3 << 20])
            .expect("deflate to memory");
        let data = deflate.finish().expect("deflate to memory");
        for name in ["/ObjStm", "/Obj#53tm"] {
            let mut bytes = format!("%PDF-1.5\n1 0 obj\n<< /Type {name} >>\nstream\n").into_bytes();
            bytes.extend_from_slice(&data);
            bytes.extend_from_slice(b"\nendstream\nendobj\n");
            assert!(
                matches!(
                    check_object_streams(&bytes, 2 << 20),
                    Err(FormatError::TooBig(_))
                ),
                "{name}"
            );
            assert_eq!(check_object_streams(&bytes, 4 << 20), Ok(()), "{name}");
        }
    }
}
