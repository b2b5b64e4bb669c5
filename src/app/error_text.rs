//! The app's words for what went wrong with a file, in the interface's language.
//!
//! The library's errors (`io`, `import`, `file`) say in English what happened and to which
//! file, for the command line and the logs. The app shows them in the analyst's language: each
//! kind of error is phrased here from the catalog, with the file's name and the numbers that
//! matter. What a library below cannot phrase in words of its own — the detail of a syntax
//! error, a corrupt archive's reason — is quoted as it is.

use std::io::ErrorKind;
use std::path::Path;

use crate::i18n::Locale;
use crate::import::FormatError as ImportFormat;
use crate::import::{CharsetSource, ImportWarning, NoteKind};
use crate::io::{ImportError, LoadError, OutputError, SaveError};
use crate::search::{QueryError, RegexProblem};
use crate::tr;

fn name(path: &Path) -> String {
    path.display().to_string()
}

/// Why an operating-system call failed, in words (the system's own text for the rare kinds).
#[must_use]
pub fn io_error(loc: Locale, error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::NotFound => tr!(loc, "io-not-found"),
        ErrorKind::PermissionDenied => tr!(loc, "io-permission-denied"),
        ErrorKind::AlreadyExists => tr!(loc, "io-already-exists"),
        ErrorKind::StorageFull => tr!(loc, "io-storage-full"),
        ErrorKind::ReadOnlyFilesystem => tr!(loc, "io-read-only"),
        ErrorKind::IsADirectory => tr!(loc, "io-is-a-folder"),
        ErrorKind::NotADirectory => tr!(loc, "io-not-a-folder"),
        ErrorKind::InvalidFilename => tr!(loc, "io-invalid-name"),
        ErrorKind::FileTooLarge => tr!(loc, "io-too-large"),
        ErrorKind::WouldBlock => tr!(loc, "io-busy"),
        _ => error.to_string(),
    }
}

/// Why a workspace could not be opened.
#[must_use]
pub fn load_error(loc: Locale, err: &LoadError) -> String {
    match err {
        LoadError::Read { path, error } => tr!(
            loc,
            "load-error-read",
            file = name(path),
            reason = io_error(loc, error)
        ),
        LoadError::IsFolder { path } => tr!(loc, "load-error-folder", file = name(path)),
        LoadError::NotAFile { path } => tr!(loc, "load-error-not-a-file", file = name(path)),
        LoadError::TooLarge { path, size, limit } => tr!(
            loc,
            "load-error-too-large",
            file = name(path),
            size = *size,
            limit = *limit
        ),
        LoadError::NotText { path, offset } => tr!(
            loc,
            "load-error-not-text",
            file = name(path),
            offset = *offset
        ),
        LoadError::Empty { path } => tr!(loc, "load-error-empty", file = name(path)),
        LoadError::Format { path, problem } => {
            use crate::file::FormatError as F;
            match problem {
                F::Syntax { line, col, message } => tr!(
                    loc,
                    "load-error-syntax",
                    file = name(path),
                    line = *line,
                    column = *col,
                    detail = message.as_str()
                ),
                F::NotAWorkspace(format) => tr!(
                    loc,
                    "load-error-not-a-workspace",
                    file = name(path),
                    format = format.as_str()
                ),
                F::NewerVersion { found } => tr!(
                    loc,
                    "load-error-newer",
                    file = name(path),
                    found = *found,
                    known = crate::file::CURRENT_VERSION
                ),
                F::UnknownVersion(version) => tr!(
                    loc,
                    "load-error-unknown-version",
                    file = name(path),
                    version = *version
                ),
                F::Invalid(problems) => {
                    let list: Vec<String> = problems.iter().map(|p| format!("- {p}")).collect();
                    tr!(
                        loc,
                        "load-error-invalid",
                        file = name(path),
                        count = problems.len(),
                        problems = list.join("\n")
                    )
                }
            }
        }
    }
}

/// Why a file could not be imported as a brief.
#[must_use]
pub fn import_error(loc: Locale, err: &ImportError) -> String {
    match err {
        ImportError::Read { path, error } => tr!(
            loc,
            "import-error-read",
            file = name(path),
            reason = io_error(loc, error)
        ),
        ImportError::IsFolder { path } => tr!(loc, "import-error-folder", file = name(path)),
        ImportError::NotAFile { path } => {
            tr!(loc, "import-error-not-a-file", file = name(path))
        }
        ImportError::TooLarge { path, size, limit } => tr!(
            loc,
            "import-error-too-large",
            file = name(path),
            size = *size,
            limit = *limit
        ),
        ImportError::NotText { path, offset } => tr!(
            loc,
            "import-error-not-text",
            file = name(path),
            offset = *offset
        ),
        ImportError::Binary { path, offset } => tr!(
            loc,
            "import-error-binary",
            file = name(path),
            offset = *offset
        ),
        ImportError::Empty { path } => tr!(loc, "import-error-empty", file = name(path)),
        ImportError::UnknownFormat { path } => {
            tr!(loc, "import-error-unknown-format", file = name(path))
        }
        ImportError::Crashed { path } => tr!(loc, "import-error-crashed", file = name(path)),
        ImportError::Format {
            path,
            format,
            error,
        } => {
            let file = name(path);
            let format = format.name();
            match error {
                ImportFormat::Corrupt { reason, .. } => tr!(
                    loc,
                    "import-error-corrupt",
                    file = file,
                    format = format,
                    detail = reason.as_str()
                ),
                ImportFormat::Encrypted { .. } => {
                    tr!(loc, "import-error-encrypted", file = file, format = format)
                }
                ImportFormat::NoTextLayer => tr!(loc, "import-error-no-text-layer", file = file),
                ImportFormat::TooBig(detail) => tr!(
                    loc,
                    "import-error-too-big",
                    file = file,
                    detail = detail.as_str()
                ),
                ImportFormat::Empty => tr!(loc, "import-error-empty", file = file),
            }
        }
    }
}

/// "page 3", "pages 3, 5 and 9" in the interface's language.
fn page_list(loc: Locale, pages: &[u32]) -> String {
    let Some((last, rest)) = pages.split_last() else {
        return String::new();
    };
    let separator = tr!(loc, "import-page-list-separator");
    let rest: Vec<String> = rest.iter().map(|n| loc.number(n)).collect();
    tr!(
        loc,
        "import-page-list",
        count = pages.len(),
        rest = rest.join(&separator),
        last = loc.number(last)
    )
}

/// What an importer wants the analyst to know about a file it read, in the interface's
/// language (the file's name is added by the notice).
#[must_use]
pub fn import_warning(loc: Locale, warning: &ImportWarning) -> String {
    match warning {
        ImportWarning::PropertiesUnreadable { reason } => {
            tr!(loc, "warning-import-properties", detail = reason.as_str())
        }
        ImportWarning::EmbeddedContentSkipped => tr!(loc, "warning-import-embedded"),
        ImportWarning::NoteMissing { kind, number } => tr!(
            loc,
            "warning-import-note-missing",
            kind = match kind {
                NoteKind::Footnote => "footnote",
                NoteKind::Endnote => "endnote",
            },
            number = loc.number(number)
        ),
        ImportWarning::DeclaredCharsetIsUtf8 { declared } => {
            tr!(loc, "warning-import-charset-is-utf8", declared = *declared)
        }
        ImportWarning::CharsetGuessed { guessed } => {
            tr!(loc, "warning-import-charset-guessed", guessed = *guessed)
        }
        ImportWarning::InvalidBytes { charset, source } => tr!(
            loc,
            "warning-import-invalid-bytes",
            charset = *charset,
            source = match source {
                CharsetSource::ByteOrderMark => "bom",
                CharsetSource::MetaCharset => "meta",
            }
        ),
        ImportWarning::ArticleGuessed => tr!(loc, "warning-import-article-guessed"),
        ImportWarning::PagesOverLimit { read, total } => tr!(
            loc,
            "warning-import-pages-over-limit",
            read = *read,
            total = *total
        ),
        ImportWarning::CharacterLimit { page, limit } => tr!(
            loc,
            "warning-import-character-limit",
            page = *page,
            limit = *limit
        ),
        ImportWarning::PagesWithoutText { pages } => tr!(
            loc,
            "warning-import-pages-without-text",
            count = pages.len(),
            pages = page_list(loc, pages)
        ),
        ImportWarning::PagesOverSafetyLimit { pages } => tr!(
            loc,
            "warning-import-pages-over-safety-limit",
            pages = page_list(loc, pages)
        ),
        ImportWarning::CharactersWithoutText { count } => {
            tr!(
                loc,
                "warning-import-characters-without-text",
                count = *count
            )
        }
    }
}

/// Why a search query cannot be searched for; a regular expression's mistake in the
/// interface's words, with the regex crate's drawing of where it is (its own words only for the
/// rare kinds).
#[must_use]
pub fn query_error(loc: Locale, err: &QueryError) -> String {
    match err {
        QueryError::Empty => tr!(loc, "search-error-empty"),
        QueryError::Regex {
            pattern,
            message,
            problem,
            drawing,
        } => {
            let what = match problem {
                RegexProblem::UnclosedGroup => tr!(loc, "regex-unclosed-group"),
                RegexProblem::UnopenedGroup => tr!(loc, "regex-unopened-group"),
                RegexProblem::UnclosedClass => tr!(loc, "regex-unclosed-class"),
                RegexProblem::RepetitionMissing => tr!(loc, "regex-repetition-missing"),
                RegexProblem::InvalidEscape => tr!(loc, "regex-invalid-escape"),
                RegexProblem::InvalidClassRange => tr!(loc, "regex-invalid-class-range"),
                RegexProblem::InvalidRepetitionCount => tr!(loc, "regex-invalid-repetition"),
                RegexProblem::UnknownUnicodeClass => tr!(loc, "regex-unknown-unicode-class"),
                RegexProblem::InvalidFlag => tr!(loc, "regex-invalid-flag"),
                RegexProblem::LookAround => tr!(loc, "regex-look-around"),
                RegexProblem::Backreference => tr!(loc, "regex-backreference"),
                RegexProblem::TooBig { megabytes } => {
                    tr!(loc, "regex-too-big", megabytes = *megabytes)
                }
                RegexProblem::Other => message.clone(),
            };
            let message = if drawing.is_empty() || matches!(problem, RegexProblem::Other) {
                what
            } else {
                format!("{what}\n{drawing}")
            };
            tr!(
                loc,
                "search-error-regex",
                pattern = pattern.as_str(),
                message = message
            )
        }
        QueryError::MatchesEmpty { pattern } => tr!(
            loc,
            "search-error-matches-empty",
            pattern = pattern.as_str()
        ),
    }
}

/// Why a workspace could not be saved (the file and its backup are as they were).
#[must_use]
pub fn save_error(loc: Locale, err: &SaveError) -> String {
    let reason = if err.is_changed_on_disk() {
        tr!(loc, "io-changed-on-disk")
    } else {
        io_error(loc, &err.error)
    };
    tr!(loc, "save-error", file = name(&err.path), reason = reason)
}

/// Why an export was not written (nothing was changed).
#[must_use]
pub fn output_error(loc: Locale, err: &OutputError) -> String {
    match err {
        OutputError::IsInput { path, .. } => tr!(loc, "output-error-is-input", file = name(path)),
        OutputError::IsFolder { path } => tr!(loc, "output-error-folder", file = name(path)),
        OutputError::NotAFile { path } => tr!(loc, "output-error-not-a-file", file = name(path)),
        OutputError::Io { path, error } => tr!(
            loc,
            "output-error-io",
            file = name(path),
            reason = io_error(loc, error)
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::i18n::{Digits, Language};
    use crate::search::Query;

    fn arabic() -> Locale {
        Locale::new(Language::Arabic, Digits::Western)
    }

    fn has_latin_words(text: &str, allowed: &[&str]) -> bool {
        let mut rest = text.to_owned();
        for word in allowed {
            rest = rest.replace(word, "");
        }
        rest.chars().any(|c| c.is_ascii_alphabetic())
    }

    #[test]
    fn a_workspace_that_cannot_be_read_is_named_in_arabic_words() {
        let path = PathBuf::from("/tmp/iraq.ron");
        let missing = LoadError::Read {
            path: path.clone(),
            error: std::io::Error::from(ErrorKind::NotFound),
        };
        let text = load_error(arabic(), &missing);
        assert!(text.contains("/tmp/iraq.ron"), "{text}");
        assert!(!has_latin_words(&text, &["/tmp/iraq.ron"]), "{text}");
        assert!(load_error(Locale::default(), &missing).contains("does not exist"));

        let big = LoadError::TooLarge {
            path,
            size: 600,
            limit: 512,
        };
        let text = load_error(arabic(), &big);
        assert!(text.contains("600") && text.contains("512"), "{text}");
        assert!(!has_latin_words(&text, &["/tmp/iraq.ron"]), "{text}");
    }

    #[test]
    fn every_import_error_has_arabic_words() {
        let path = PathBuf::from("report.docx");
        let format = crate::import::SourceFormat::Docx;
        let errors = [
            ImportError::UnknownFormat { path: path.clone() },
            ImportError::Binary {
                path: path.clone(),
                offset: 5,
            },
            ImportError::Format {
                path: path.clone(),
                format,
                error: ImportFormat::Encrypted { format: "DOCX" },
            },
            ImportError::Format {
                path: path.clone(),
                format,
                error: ImportFormat::NoTextLayer,
            },
            ImportError::Crashed { path: path.clone() },
        ];
        for err in &errors {
            let text = import_error(arabic(), err);
            let english = import_error(Locale::default(), err);
            assert_ne!(text, english);
            assert!(text.contains("report.docx"), "{text}");
            assert!(
                !has_latin_words(
                    &text,
                    &["report.docx", "DOCX", "Word", "PDF", "HTML", "Markdown"]
                ),
                "{text}"
            );
        }
    }

    /// One warning of every kind the importers make.
    fn every_warning() -> Vec<ImportWarning> {
        vec![
            ImportWarning::PropertiesUnreadable {
                reason: "bad XML".into(),
            },
            ImportWarning::EmbeddedContentSkipped,
            ImportWarning::NoteMissing {
                kind: NoteKind::Footnote,
                number: 3,
            },
            ImportWarning::NoteMissing {
                kind: NoteKind::Endnote,
                number: 1,
            },
            ImportWarning::DeclaredCharsetIsUtf8 {
                declared: "windows-1256",
            },
            ImportWarning::CharsetGuessed {
                guessed: "windows-1256",
            },
            ImportWarning::InvalidBytes {
                charset: "windows-1256",
                source: CharsetSource::MetaCharset,
            },
            ImportWarning::InvalidBytes {
                charset: "UTF-16LE",
                source: CharsetSource::ByteOrderMark,
            },
            ImportWarning::ArticleGuessed,
            ImportWarning::PagesOverLimit {
                read: 2000,
                total: 2400,
            },
            ImportWarning::CharacterLimit {
                page: 40,
                limit: 5_000_000,
            },
            ImportWarning::PagesWithoutText { pages: vec![2] },
            ImportWarning::PagesWithoutText {
                pages: vec![2, 5, 9],
            },
            ImportWarning::PagesOverSafetyLimit { pages: vec![4, 7] },
            ImportWarning::CharactersWithoutText { count: 12 },
        ]
    }

    #[test]
    fn every_import_warning_has_arabic_words() {
        for warning in every_warning() {
            let text = import_warning(arabic(), &warning);
            assert!(
                !has_latin_words(
                    &text,
                    &["bad XML", "windows-1256", "UTF-16LE", "UTF-8", "PDF"]
                ),
                "{warning:?}: {text}"
            );
            assert!(!text.contains('{'), "{warning:?}: {text}");
        }
        let pages = ImportWarning::PagesWithoutText {
            pages: vec![2, 5, 9],
        };
        assert_eq!(
            import_warning(arabic(), &pages),
            "لا طبقة نص في الصفحات 2 و5 و9 (ممسوحة ضوئيًّا أو مرسومة أشكالًا) فتُركت؛ مرِّرها على \
             التعرف الضوئي على الحروف لاستيراد نصها"
        );
        let indic = Locale::new(Language::Arabic, Digits::ArabicIndic);
        let text = import_warning(indic, &pages);
        assert!(text.contains("الصفحات ٢ و٥ و٩"), "{text}");
    }

    #[test]
    fn import_warnings_in_english_read_as_the_importers_words() {
        for warning in every_warning() {
            assert_eq!(
                import_warning(Locale::default(), &warning),
                warning.to_string(),
                "{warning:?}"
            );
        }
    }

    fn regex_error(pattern: &str) -> QueryError {
        let query = Query {
            regex: true,
            ..Query::plain(pattern)
        };
        crate::search::Matcher::new(&query).expect_err(pattern)
    }

    #[test]
    fn common_regex_mistakes_are_phrased_in_arabic_with_the_pattern() {
        let cases = [
            ("(الامريكي", RegexProblem::UnclosedGroup),
            ("الامريكي)", RegexProblem::UnopenedGroup),
            ("[ابت", RegexProblem::UnclosedClass),
            ("*قال", RegexProblem::RepetitionMissing),
            ("قال\\q", RegexProblem::InvalidEscape),
            ("قال\\", RegexProblem::InvalidEscape),
            ("[ي-ا]", RegexProblem::InvalidClassRange),
            ("ب{3,1}", RegexProblem::InvalidRepetitionCount),
            ("ب{3", RegexProblem::InvalidRepetitionCount),
            ("\\p{Nonsense}", RegexProblem::UnknownUnicodeClass),
            ("(?z)قال", RegexProblem::InvalidFlag),
            ("قال(?=هنا)", RegexProblem::LookAround),
            ("(قال)\\1", RegexProblem::Backreference),
        ];
        for (pattern, expected) in cases {
            let err = regex_error(pattern);
            let QueryError::Regex { problem, .. } = &err else {
                panic!("{pattern}: {err:?}");
            };
            assert_eq!(problem, &expected, "{pattern}");
            let text = query_error(arabic(), &err);
            assert!(text.contains(pattern), "{text}");
            assert!(
                !has_latin_words(&text, &[pattern, "Nonsense"]),
                "{pattern}: {text}"
            );
            let english = query_error(Locale::default(), &err);
            assert!(english.contains(pattern), "{english}");
            assert_ne!(text, english);
        }
    }

    #[test]
    fn a_rare_regex_mistake_keeps_the_crates_words() {
        let err = QueryError::Regex {
            pattern: "x".into(),
            message: "exceeds the nest limit".into(),
            problem: RegexProblem::Other,
            drawing: String::new(),
        };
        assert!(query_error(arabic(), &err).contains("exceeds the nest limit"));
    }

    #[test]
    fn a_failed_save_and_export_say_why_in_the_interfaces_language() {
        let err = SaveError {
            path: PathBuf::from("w.ron"),
            error: std::io::Error::from(ErrorKind::StorageFull),
        };
        let text = save_error(arabic(), &err);
        assert!(
            text.contains("w.ron") && !has_latin_words(&text, &["w.ron"]),
            "{text}"
        );
        let err = OutputError::IsFolder {
            path: PathBuf::from("out"),
        };
        let text = output_error(arabic(), &err);
        assert!(
            text.contains("out") && !has_latin_words(&text, &["out"]),
            "{text}"
        );
    }
}
