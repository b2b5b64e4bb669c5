//! Bytes to a hayro-syntax document: a corrupt file, an encrypted one and one whose object or
//! cross-reference streams would decompress past the limit are told apart and refused.

use hayro_syntax::{LoadPdfError, Pdf};

use super::stream::inflated_size;
use crate::import::{FormatError, MAX_EXPANDED_BYTES};

/// Loads `bytes` as a PDF. A file with an empty user password (only an owner password, to stop
/// printing or copying) is decrypted and opens; one that needs a password to open is refused.
/// hayro-syntax repairs a broken cross-reference table by scanning the file for objects; a file
/// cut short (no `%%EOF` near its end, as after an interrupted download) is refused rather than
/// read in part.
pub(super) fn open(bytes: &[u8]) -> Result<Pdf, FormatError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(corrupt("it has no PDF header"));
    }
    let tail = &bytes[bytes.len().saturating_sub(4096)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(corrupt("it is cut short (no end-of-file marker)"));
    }
    check_streams_hayro_decodes(bytes, MAX_EXPANDED_BYTES)?;
    match Pdf::new(bytes.to_vec()) {
        Ok(pdf) => Ok(pdf),
        Err(LoadPdfError::Decryption(_)) => Err(FormatError::Encrypted { format: "PDF" }),
        Err(LoadPdfError::Invalid) => Err(corrupt("its structure is broken")),
    }
}

pub(super) fn corrupt(reason: &str) -> FormatError {
    FormatError::Corrupt {
        format: "PDF",
        reason: reason.to_owned(),
    }
}

/// hayro-syntax decompresses object streams (`/Type /ObjStm`) and cross-reference streams
/// (`/Type /XRef`) itself, without a limit: their deflated data is measured here first, and a
/// file whose such streams would expand past `limit` ([`MAX_EXPANDED_BYTES`]) in all is refused.
/// (In an encrypted file object streams are encrypted and cannot be measured before opening.)
fn check_streams_hayro_decodes(bytes: &[u8], limit: u64) -> Result<(), FormatError> {
    let mut left = limit;
    let mut from = 0;
    // Names as PDF reads them, `#` escapes decoded: `/Obj#53tm` is an object stream too.
    let names = memchr::memchr_iter(b'/', bytes)
        .filter_map(|at| name_end(bytes, at, b"ObjStm").or_else(|| name_end(bytes, at, b"XRef")));
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

/// Where the name starting at `bytes[at]` ends, when it is a `/` and reads as `want`.
fn name_end(bytes: &[u8], at: usize, want: &[u8]) -> Option<usize> {
    if bytes.get(at) != Some(&b'/') {
        return None;
    }
    let mut i = at + 1;
    let mut read = 0;
    loop {
        let c = match bytes.get(i) {
            Some(b'#') => {
                let hex = |c: Option<&u8>| c.and_then(|c| (*c as char).to_digit(16));
                match hex(bytes.get(i + 1)).zip(hex(bytes.get(i + 2))) {
                    Some((high, low)) => {
                        i += 3;
                        u8::try_from(high << 4 | low).unwrap_or(0)
                    }
                    None => break,
                }
            }
            Some(&c) if !b" \t\n\r\0\x0C()<>[]{}/%".contains(&c) => {
                i += 1;
                c
            }
            _ => break,
        };
        if want.get(read) != Some(&c) {
            return None;
        }
        read += 1;
    }
    (read == want.len()).then_some(i)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_header_and_garbage_are_corrupt() {
        assert!(matches!(open(b"hello"), Err(FormatError::Corrupt { .. })));
        assert!(matches!(
            open(b"%PDF-1.4\n garbage\n%%EOF\n"),
            Err(FormatError::Corrupt { .. })
        ));
    }

    #[test]
    fn object_and_cross_reference_streams_inflating_past_the_limit_are_too_big() {
        use std::io::Write;
        let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        deflate
            .write_all(&[b' '; 3 << 20])
            .expect("deflate to memory");
        let data = deflate.finish().expect("deflate to memory");
        for name in ["/ObjStm", "/Obj#53tm", "/XRef"] {
            let mut bytes = format!("%PDF-1.5\n1 0 obj\n<< /Type {name} >>\nstream\n").into_bytes();
            bytes.extend_from_slice(&data);
            bytes.extend_from_slice(b"\nendstream\nendobj\n");
            assert!(
                matches!(
                    check_streams_hayro_decodes(&bytes, 2 << 20),
                    Err(FormatError::TooBig(_))
                ),
                "{name}"
            );
            assert_eq!(
                check_streams_hayro_decodes(&bytes, 4 << 20),
                Ok(()),
                "{name}"
            );
        }
    }
}
