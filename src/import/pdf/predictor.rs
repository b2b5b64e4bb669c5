//! PNG predictor parameters lopdf 0.42 trusts when it decodes a stream while loading (object
//! streams and cross-reference streams): it allocates two rows of `/Columns` × `/Colors` ×
//! `/BitsPerComponent` bits, so `/Columns 1000000000` costs 2 GB before a byte is decoded. Every
//! such key with a value past what an image or a table needs is renamed in a copy of the bytes,
//! to a name of the same size; lopdf then takes the default (1), and the stream decodes to
//! nonsense that the importer refuses or skips instead of exhausting memory.

use super::syntax;

/// The keys and the largest value each may have.
const LIMITS: [(&[u8], &[u8], u64); 3] = [
    (b"Columns", b"Column", 1 << 16),
    (b"Colors", b"Color", 32),
    (b"BitsPerComponent", b"BitsPerComponen", 16),
];

/// A copy of `bytes` with every predictor key over its limit renamed, or `None` when there is
/// none.
pub(super) fn defuse(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut copy: Option<Vec<u8>> = None;
    for at in memchr::memchr_iter(b'/', bytes) {
        for (key, stem, limit) in LIMITS {
            let Some(end) = syntax::name_end(bytes, at, key) else {
                continue;
            };
            if too_big(bytes, syntax::space(bytes, end), limit) {
                let copy = copy.get_or_insert_with(|| bytes.to_vec());
                syntax::rename(copy, at, end, stem);
            }
        }
    }
    copy
}

/// Whether the integer at `from` (a `+` allowed, as lopdf allows it) is over `limit`, or too long
/// to tell.
fn too_big(bytes: &[u8], from: usize, limit: u64) -> bool {
    let from = from + usize::from(bytes.get(from) == Some(&b'+'));
    match syntax::unsigned::<u64>(bytes, from) {
        Some((value, _)) => value > limit,
        None => bytes.get(from).is_some_and(u8::is_ascii_digit),
    }
}

#[cfg(test)]
mod tests {
    use super::defuse;
    use crate::import::pdf::test_file;
    use crate::import::{FormatError, pdf::import};

    #[test]
    fn only_predictor_values_past_their_limits_are_renamed_in_place() {
        let text = |bytes: &[u8]| defuse(bytes).map(|copy| String::from_utf8(copy).expect("text"));
        assert_eq!(
            text(b"<</Predictor 12/Columns 1000000000/Colors 3>>").as_deref(),
            Some("<</Predictor 12/Column_ 1000000000/Colors 3>>")
        );
        assert_eq!(
            text(b"<</Co#6cors +99/BitsPerComponent 99999999999999999999999>>").as_deref(),
            Some("<</Color___ +99/BitsPerComponen_ 99999999999999999999999>>")
        );
        assert_eq!(
            defuse(b"<</Columns 65536/Colors 32/BitsPerComponent 16>>"),
            None
        );
        assert_eq!(defuse(b"<</Columns -5/ColumnsX 99999999>>"), None);
    }

    #[test]
    fn an_object_stream_asking_for_gigabyte_rows_is_corrupt() {
        // An object stream with a predictor whose rows would be 1.6 GB each: without the
        // renaming, lopdf zero-fills two of them (3.2 GB resident, measured) before it finds the
        // data empty. What the test can see is the outcome; the memory is the fuzz target's
        // 2 GB limit to guard.
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
        assert!(matches!(
            import(&out, &mut |_| {}),
            Err(FormatError::Corrupt { .. })
        ));
    }
}
