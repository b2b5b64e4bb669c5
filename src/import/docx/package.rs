//! The zip package of a Word file: opening it safely and reading its parts within limits.
//!
//! A `.docx` is a zip archive; an attacker controls every size in it. The archive is refused when
//! its central directory lists more than [`MAX_ENTRIES`] entries (the zip crate keeps them all in
//! memory), and a part is read through a limited reader that stops at the first of: the part's
//! declared size being above the limit, [`MAX_EXPANDED_BYTES`] for the part or for all parts read
//! together, or an expansion ratio above [`MAX_RATIO`] once past [`RATIO_FLOOR`] (zip bombs).
//! Encrypted Office files and legacy `.doc` files, which are OLE compound files and not zips,
//! are told apart from a corrupt file.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::super::{FormatError, MAX_EXPANDED_BYTES};
use super::xml;

/// The main part every Word document has.
pub(super) const DOCUMENT: &str = "word/document.xml";

/// Archives listing more entries than this are refused (a Word file has a few dozen, a few
/// hundred with many images).
pub(super) const MAX_ENTRIES: usize = 20_000;

/// A part may expand to at most this many times its compressed size…
pub(super) const MAX_RATIO: u64 = 200;

/// …once it is larger than this (small parts may compress very well).
pub(super) const RATIO_FLOOR: u64 = 16 * 1024 * 1024;

const FORMAT: &str = "Word (.docx)";

/// An opened Word package.
pub(super) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes of all parts read so far, decompressed.
    expanded: u64,
    /// The size of the whole file: no part's compressed data can be larger.
    file_len: u64,
}

impl<'a> Package<'a> {
    /// Opens the package, telling encrypted and legacy Office files apart from corrupt ones.
    ///
    /// # Errors
    /// [`FormatError::Encrypted`], [`FormatError::Corrupt`] or [`FormatError::TooBig`].
    pub fn open(bytes: &'a [u8]) -> Result<Self, FormatError> {
        if bytes.starts_with(OLE_MAGIC) {
            return Err(ole_error(bytes));
        }
        if !bytes.starts_with(b"PK") {
            return Err(corrupt(
                "it is not a zip archive, as every .docx file is".into(),
            ));
        }
        let entries = central_headers(bytes);
        if entries > MAX_ENTRIES {
            return Err(FormatError::TooBig(format!(
                "the zip archive lists {entries} entries, more than the {MAX_ENTRIES} allowed"
            )));
        }
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| zip_error(e, "the zip archive cannot be read"))?;
        Ok(Package {
            archive,
            expanded: 0,
            file_len: bytes.len() as u64,
        })
    }

    /// The archive's name for a part: the same name, or one differing in ASCII case only (part
    /// names are case-insensitive in Office packages).
    pub fn find(&self, name: &str) -> Option<String> {
        if self.archive.index_for_name(name).is_some() {
            return Some(name.to_owned());
        }
        self.archive
            .file_names()
            .flatten()
            .find(|n| n.eq_ignore_ascii_case(name))
            .map(|n| n.into_owned())
    }

    /// Reads a part and decodes it as XML text; `None` when the package has no such part.
    ///
    /// # Errors
    /// [`FormatError::TooBig`] past a limit, [`FormatError::Encrypted`] for an encrypted entry,
    /// [`FormatError::Corrupt`] for a damaged one.
    pub fn read_xml(&mut self, name: &str) -> Result<Option<String>, FormatError> {
        let Some(found) = self.find(name) else {
            return Ok(None);
        };
        let bytes = self.read(&found)?;
        xml::decode(bytes, name).map(Some)
    }

    fn read(&mut self, name: &str) -> Result<Vec<u8>, FormatError> {
        let remaining = MAX_EXPANDED_BYTES.saturating_sub(self.expanded);
        let file = self
            .archive
            .by_name(name)
            .map_err(|e| zip_error(e, &format!("{name} cannot be read")))?;
        let declared = file.size();
        // A declared compressed size cannot raise the ratio limit past the file's own size.
        let compressed = file.compressed_size().min(self.file_len);
        let too_big = |size: u64| {
            FormatError::TooBig(format!(
                "{name} expands to more than {size} bytes (a zip bomb?); the limit is {} bytes \
                 for all parts, and {MAX_RATIO} times the compressed size above {} bytes",
                MAX_EXPANDED_BYTES, RATIO_FLOOR
            ))
        };
        let limit = remaining.min(RATIO_FLOOR.max(compressed.saturating_mul(MAX_RATIO)));
        if declared > limit {
            return Err(too_big(declared));
        }
        // The declared size may lie: read at most one byte past the limit to find out.
        let mut out = Vec::with_capacity(usize::try_from(declared.min(limit)).unwrap_or(0));
        file.take(limit.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| corrupt(format!("{name} cannot be decompressed: {e}")))?;
        let got = out.len() as u64;
        if got > limit {
            return Err(too_big(limit));
        }
        self.expanded += got;
        Ok(out)
    }
}

/// Whether `bytes` are a zip archive holding `word/document.xml`. Cheap (the archive's central
/// directory is read, no part is decompressed) and never panics.
#[must_use]
pub(super) fn is_docx(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"PK\x03\x04") || central_headers(bytes) > MAX_ENTRIES {
        return false;
    }
    ZipArchive::new(Cursor::new(bytes)).is_ok_and(|archive| {
        archive.index_for_name(DOCUMENT).is_some()
            || archive
                .file_names()
                .flatten()
                .any(|n| n.eq_ignore_ascii_case(DOCUMENT))
    })
}

/// How many central-directory headers (`PK\1\2`) the bytes hold at most: an upper bound of the
/// entries the zip reader will keep in memory, found before it allocates anything.
fn central_headers(bytes: &[u8]) -> usize {
    bytes.windows(4).filter(|w| *w == b"PK\x01\x02").count()
}

/// The signature of an OLE compound file (legacy `.doc`, or an encrypted Office 2007+ file).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What an OLE compound file is, from the names of its streams (UTF-16 in its directory).
fn ole_error(bytes: &[u8]) -> FormatError {
    let holds = |name: &str| {
        let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(needle.len()).any(|w| w == needle)
    };
    if holds("EncryptionInfo") || holds("EncryptedPackage") {
        FormatError::Encrypted { format: FORMAT }
    } else if holds("WordDocument") {
        corrupt("it is a legacy Word .doc, not .docx; save it as .docx".into())
    } else {
        corrupt("it is an older Office file (an OLE compound file), not .docx".into())
    }
}

fn corrupt(reason: String) -> FormatError {
    FormatError::Corrupt {
        format: FORMAT,
        reason,
    }
}

fn zip_error(error: ZipError, context: &str) -> FormatError {
    match error {
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) | ZipError::InvalidPassword => {
            FormatError::Encrypted { format: FORMAT }
        }
        other => corrupt(format!("{context}: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::write::SimpleFileOptions;

    use super::*;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in parts {
            writer
                .start_file(*name, SimpleFileOptions::default())
                .expect("the test data is sound");
            writer.write_all(data).expect("the test data is sound");
        }
        writer
            .finish()
            .expect("the test data is sound")
            .into_inner()
    }

    #[test]
    fn a_docx_is_a_zip_with_word_document_xml() {
        assert!(is_docx(&zip_of(&[(DOCUMENT, b"<w:document/>")])));
        assert!(is_docx(&zip_of(&[("WORD/Document.xml", b"")])));
        assert!(!is_docx(&zip_of(&[("content.xml", b"")])));
        assert!(!is_docx(b"PK\x03\x04 not really"));
        assert!(!is_docx(b""));
    }

    #[test]
    fn parts_are_found_case_insensitively_and_missing_ones_are_none() {
        let bytes = zip_of(&[("Word/Styles.XML", b"<a/>")]);
        let mut package = Package::open(&bytes).expect("the test data is sound");
        assert_eq!(
            package
                .read_xml("word/styles.xml")
                .expect("the test data is sound")
                .expect("the test data is sound"),
            "<a/>"
        );
        assert_eq!(
            package
                .read_xml("word/numbering.xml")
                .expect("the test data is sound"),
            None
        );
    }

    #[test]
    fn ole_files_are_told_apart() {
        let ole = |stream: &str| {
            let mut bytes = OLE_MAGIC.to_vec();
            bytes.extend(std::iter::repeat_n(0, 100));
            bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        };
        assert_eq!(
            Package::open(&ole("EncryptionInfo")).err(),
            Some(FormatError::Encrypted { format: FORMAT })
        );
        let doc = Package::open(&ole("WordDocument"))
            .err()
            .expect("the test data is sound")
            .to_string();
        assert!(doc.contains("legacy Word .doc"), "{doc}");
        let other = Package::open(&ole("Workbook"))
            .err()
            .expect("the test data is sound")
            .to_string();
        assert!(other.contains("OLE"), "{other}");
    }

    #[test]
    fn a_part_past_the_ratio_is_refused_even_when_its_declared_size_lies() {
        let zeros = vec![b' '; (RATIO_FLOOR + 1024 * 1024) as usize];
        let mut bytes = zip_of(&[(DOCUMENT, &zeros)]);
        let mut package = Package::open(&bytes).expect("the test data is sound");
        assert!(matches!(
            package.read_xml(DOCUMENT),
            Err(FormatError::TooBig(_))
        ));
        // Declare a size of 10 bytes in both headers: the limited reader still stops it.
        let size = (zeros.len() as u32).to_le_bytes();
        let mut i = 0;
        while i + 4 <= bytes.len() {
            if bytes[i..i + 4] == size {
                bytes[i..i + 4].copy_from_slice(&10u32.to_le_bytes());
            }
            i += 1;
        }
        let mut package = Package::open(&bytes).expect("the test data is sound");
        let err = package.read_xml(DOCUMENT).expect_err("refused");
        assert!(
            matches!(err, FormatError::TooBig(_) | FormatError::Corrupt { .. }),
            "{err:?}"
        );
    }
}
