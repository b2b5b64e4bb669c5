//! What an importer tells the analyst about a file it read anyway: structured, so the app can
//! phrase it in the interface's language; its [`Display`](std::fmt::Display) gives the English
//! words the command line prints.

use std::fmt;

/// Which kind of note a document references.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    Footnote,
    Endnote,
}

/// What said which character set an HTML page is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharsetSource {
    /// The byte-order mark at the start of the file.
    ByteOrderMark,
    /// The page's `<meta charset>` (or `http-equiv` content type).
    MetaCharset,
}

/// Something the analyst should know that did not stop the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// A Word file's properties (title, author…) are damaged; `reason` is the reader's detail.
    PropertiesUnreadable { reason: String },
    /// A Word file embeds content from another file (an `altChunk`), which was left out.
    EmbeddedContentSkipped,
    /// A Word file references note `number` that it does not hold.
    NoteMissing { kind: NoteKind, number: usize },
    /// An HTML page declares a legacy character set but its bytes are UTF-8.
    DeclaredCharsetIsUtf8 { declared: &'static str },
    /// An HTML page declares no character set and is not UTF-8: read as `guessed`.
    CharsetGuessed { guessed: &'static str },
    /// Some bytes are not valid in the character set `source` gave; they became U+FFFD.
    InvalidBytes {
        charset: &'static str,
        source: CharsetSource,
    },
    /// An HTML page marks no article; the part with the most paragraphs was taken.
    ArticleGuessed,
    /// A PDF has more pages than are read: only the first `read` of `total`.
    PagesOverLimit { read: usize, total: usize },
    /// A PDF has more characters than the limit: text was read up to `page`.
    CharacterLimit { page: u32, limit: usize },
    /// PDF pages without a text layer, left out.
    PagesWithoutText { pages: Vec<u32> },
    /// PDF pages that went past a safety limit and were read only in part.
    PagesOverSafetyLimit { pages: Vec<u32> },
    /// Characters of a PDF whose font gives no text (no `ToUnicode` map), left out.
    CharactersWithoutText { count: usize },
}

/// "page 3", "pages 3, 5 and 9".
#[must_use]
pub fn page_list(numbers: &[u32]) -> String {
    match numbers {
        [one] => format!("page {one}"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(u32::to_string).collect();
            format!("pages {} and {last}", rest.join(", "))
        }
        [] => String::new(),
    }
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PropertiesUnreadable { reason } => {
                write!(f, "its properties could not be read ({reason})")
            }
            Self::EmbeddedContentSkipped => f.write_str(
                "the document embeds content from another file (an altChunk) that was not \
                 imported",
            ),
            Self::NoteMissing { kind, number } => {
                let what = match kind {
                    NoteKind::Footnote => "footnote",
                    NoteKind::Endnote => "endnote",
                };
                write!(
                    f,
                    "{what} [{number}] is referenced but missing from the file"
                )
            }
            Self::DeclaredCharsetIsUtf8 { declared } => write!(
                f,
                "the page declares {declared} but its bytes are UTF-8; read as UTF-8"
            ),
            Self::CharsetGuessed { guessed } => write!(
                f,
                "the page declares no character set and is not UTF-8; read as {guessed}"
            ),
            Self::InvalidBytes { charset, source } => {
                let source = match source {
                    CharsetSource::ByteOrderMark => "its byte-order mark",
                    CharsetSource::MetaCharset => "its <meta charset>",
                };
                write!(
                    f,
                    "some bytes are not valid {charset} (as {source} says) and were replaced by �"
                )
            }
            Self::ArticleGuessed => f.write_str(
                "the page marks no article; its text is the part of the page with the most \
                 paragraphs",
            ),
            Self::PagesOverLimit { read, total } => {
                write!(f, "only the first {read} of its {total} pages were read")
            }
            Self::CharacterLimit { page, limit } => write!(
                f,
                "only the text up to page {page} was read: the document has more characters \
                 than the limit of {limit}"
            ),
            Self::PagesWithoutText { pages } => {
                let (verb, was) = if pages.len() == 1 {
                    ("has", "was")
                } else {
                    ("have", "were")
                };
                write!(
                    f,
                    "{} {verb} no text layer (scanned or drawn as shapes) and {was} left out; run \
                     them through OCR to import their text",
                    page_list(pages)
                )
            }
            Self::PagesOverSafetyLimit { pages } => write!(
                f,
                "{} could not be read completely (over a safety limit)",
                page_list(pages)
            ),
            Self::CharactersWithoutText { count } => write!(
                f,
                "{count} characters were left out: their font does not say what text they stand \
                 for (no ToUnicode map); compare the text with the PDF"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lists_read_as_english() {
        assert_eq!(page_list(&[3]), "page 3");
        assert_eq!(page_list(&[3, 5, 9]), "pages 3, 5 and 9");
        let warning = ImportWarning::PagesWithoutText { pages: vec![2] };
        assert_eq!(
            warning.to_string(),
            "page 2 has no text layer (scanned or drawn as shapes) and was left out; run them \
             through OCR to import their text"
        );
    }
}
