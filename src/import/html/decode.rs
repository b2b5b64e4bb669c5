//! Bytes to text: the byte-order mark, then the page's own `<meta charset>`, then UTF-8, then a
//! guess from the page's language.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252, WINDOWS_1256};

use super::super::{CharsetSource, FormatError, ImportWarning};

/// How far into the file a `<meta charset>` is looked for. The HTML standard says 1024 bytes;
/// saved pages often carry scripts and styles before it, so a little further.
const CHARSET_SCAN_BYTES: usize = 8 * 1024;

/// The page as text, and a warning when its encoding had to be guessed or bytes were bad.
#[derive(Debug)]
pub(super) struct Decoded {
    pub text: String,
    pub warning: Option<ImportWarning>,
}

/// Decodes a page. Bad bytes become U+FFFD (with a warning), never a panic.
///
/// # Errors
/// [`FormatError::Corrupt`] when the bytes are binary (a NUL byte outside UTF-16).
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, FormatError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        if encoding == UTF_8 {
            refuse_binary(rest)?;
        }
        return Ok(decode_with(encoding, rest, CharsetSource::ByteOrderMark));
    }
    refuse_binary(bytes)?;
    let head = &bytes[..bytes.len().min(CHARSET_SCAN_BYTES)];
    if let Some(declared) = declared_charset(head) {
        if declared != UTF_8 && is_multibyte_utf8(bytes) {
            // A page saved as UTF-8 that kept its old declaration: legacy Arabic or Latin text
            // is practically never valid UTF-8 by chance.
            return Ok(Decoded {
                text: String::from_utf8_lossy(bytes).into_owned(),
                warning: Some(ImportWarning::DeclaredCharsetIsUtf8 {
                    declared: declared.name(),
                }),
            });
        }
        return Ok(decode_with(declared, bytes, CharsetSource::MetaCharset));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            warning: None,
        });
    }
    let guess = if looks_arabic(head) {
        WINDOWS_1256
    } else {
        WINDOWS_1252
    };
    let (text, _) = guess.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        warning: Some(ImportWarning::CharsetGuessed {
            guessed: guess.name(),
        }),
    })
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], source: CharsetSource) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        warning: had_errors.then_some(ImportWarning::InvalidBytes {
            charset: encoding.name(),
            source,
        }),
    }
}

/// A NUL byte never occurs in a web page, and always in images, archives and executables.
fn refuse_binary(bytes: &[u8]) -> Result<(), FormatError> {
    match bytes.iter().position(|&b| b == 0) {
        Some(offset) => Err(FormatError::Corrupt {
            format: "HTML",
            reason: format!("it is a binary file, not a web page (a NUL byte at offset {offset})"),
        }),
        None => Ok(()),
    }
}

fn is_multibyte_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// The encoding a `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…;
/// charset=…">` in `head` names, as the HTML standard maps labels (UTF-16 labels mean UTF-8
/// once the page has no byte-order mark; `x-user-defined` means windows-1252).
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(start) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = find(&lower[start..], b">").map_or(lower.len(), |i| i + start);
        let tag = &lower[start..end];
        if let Some(encoding) = charset_in_tag(tag) {
            return Some(encoding);
        }
        from = end;
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let at = find(tag, b"charset")? + b"charset".len();
    let rest = &tag[at..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let label_len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(&rest[..label_len])?;
    Some(match encoding.name() {
        "UTF-16LE" | "UTF-16BE" => UTF_8,
        "x-user-defined" => WINDOWS_1252,
        // A label for a dangerous encoding (ISO-2022-KR and the like): decode as UTF-8 instead of
        // turning the whole page into one U+FFFD.
        "replacement" => return None,
        _ => encoding,
    })
}

/// `lang="ar…"` or `dir="rtl"` near the top: the legacy encoding is most likely windows-1256.
fn looks_arabic(head: &[u8]) -> bool {
    let lower: Vec<u8> = head
        .iter()
        .filter(|b| !matches!(b, b'"' | b'\'' | b' '))
        .map(u8::to_ascii_lowercase)
        .collect();
    find(&lower, b"lang=ar").is_some() || find(&lower, b"dir=rtl").is_some()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_a_byte_order_mark() {
        let plain = decode("<p>سلام</p>".as_bytes()).expect("decodes");
        assert_eq!(plain.text, "<p>سلام</p>");
        assert!(plain.warning.is_none());
        let with_bom = decode("\u{feff}<p>سلام</p>".as_bytes()).expect("decodes");
        assert_eq!(with_bom.text, "<p>سلام</p>");
    }

    #[test]
    fn a_declared_windows_1256_page_is_decoded_as_such() {
        let (bytes, _, _) =
            WINDOWS_1256.encode("<html><head><meta charset=\"windows-1256\"></head><p>العراق</p>");
        let decoded = decode(&bytes).expect("decodes");
        assert!(decoded.text.contains("<p>العراق</p>"), "{}", decoded.text);
        assert!(decoded.warning.is_none());
    }

    #[test]
    fn an_http_equiv_declaration_of_iso_8859_6_is_honoured() {
        let (bytes, _, _) = encoding_rs::ISO_8859_6.encode(
            "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-6'><p>بغداد</p>",
        );
        assert!(
            decode(&bytes)
                .expect("decodes")
                .text
                .ends_with("<p>بغداد</p>")
        );
    }

    #[test]
    fn an_undeclared_legacy_arabic_page_is_guessed_from_its_language() {
        let (bytes, _, _) = WINDOWS_1256.encode("<html lang=\"ar\"><p>واشنطن</p>");
        let decoded = decode(&bytes).expect("decodes");
        assert!(decoded.text.contains("واشنطن"));
        assert!(
            decoded
                .warning
                .expect("a warning")
                .to_string()
                .contains("windows-1256")
        );
    }

    #[test]
    fn a_stale_declaration_on_a_utf8_page_gives_way_to_utf8() {
        let page = "<meta charset=\"windows-1256\"><p>طهران</p>";
        let decoded = decode(page.as_bytes()).expect("decodes");
        assert!(decoded.text.contains("طهران"));
        assert!(decoded.warning.is_some());
    }

    #[test]
    fn bad_bytes_are_replaced_and_binary_is_refused() {
        let decoded = decode(b"<meta charset=utf-8><p>a\xff\xfeb</p>").expect("decodes");
        assert!(decoded.text.contains('\u{fffd}'));
        assert!(decoded.warning.is_some());
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(FormatError::Corrupt { .. })
        ));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "<p>نص</p>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).expect("decodes").text, "<p>نص</p>");
    }
}
