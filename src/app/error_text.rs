//! The app's words for what went wrong with a file, in the interface's language.
//!
//! The library's errors (`io`, `import`, `file`) say in English what happened and to which
//! file, for the command line and the logs. The app shows them in the analyst's language: each
//! kind of error is phrased here from the catalog, with the file's name and the numbers that
//! matter. What a library below cannot phrase in words of its own — the detail of a syntax
//! error, a corrupt archive's reason, an importer's warnings — is quoted as it is.

use std::io::ErrorKind;
use std::path::Path;

use crate::i18n::Locale;
use crate::import::FormatError as ImportFormat;
use crate::io::{ImportError, LoadError, OutputError, SaveError};
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
