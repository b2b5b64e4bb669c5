//! Hostile and broken input: every file Basira is asked to read that is not what it should be —
//! not UTF-8, empty, binary, a folder, missing, unreadable, a device or a pipe, too large — is
//! refused with an error that names it, quickly and without reading it all into memory, and a
//! failed import leaves the workspace file exactly as it was.
//!
//! `tests/workspace_file.rs` covers the workspace loader's format errors, empty files, folders,
//! missing files and invalid UTF-8; this file covers the rest and the brief importer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use basira::io::brief_import::MAX_BRIEF_BYTES;
use basira::io::workspace_file::MAX_WORKSPACE_BYTES;
use basira::io::{self, ImportError, LoadError};
use basira::model::{Brief, BriefId, BriefMeta, Workspace};

fn basira(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .output()
        .expect("the basira binary runs")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn import_err(path: &Path) -> ImportError {
    match io::import_brief(path) {
        Ok(brief) => panic!("{} was imported: {brief:?}", path.display()),
        Err(err) => {
            let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
            assert!(
                err.to_string().contains(name),
                "the error names the file: {err}"
            );
            err
        }
    }
}

fn load_err(path: &Path) -> LoadError {
    match io::load(path) {
        Ok(_) => panic!("{} loaded", path.display()),
        Err(err) => {
            let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
            assert!(
                err.to_string().contains(name),
                "the error names the file: {err}"
            );
            err
        }
    }
}

/// Every file in `dir` with its bytes (folders and other entries by name only).
fn snapshot(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    std::fs::read_dir(dir)
        .expect("list")
        .map(|entry| {
            let entry = entry.expect("entry");
            let kind = entry.file_type().expect("type");
            let bytes = kind
                .is_file()
                .then(|| std::fs::read(entry.path()).expect("read"));
            (entry.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

#[test]
fn a_brief_in_another_encoding_is_refused_with_the_offset() {
    let dir = tempfile::tempdir().expect("temp dir");
    // «قال» in Windows-1256; UTF-16 with a byte-order mark but cut in the middle of a unit.
    let cp1256 = write(dir.path(), "cp1256.txt", b"ok \xe2\xc7\xe1");
    let err = import_err(&cp1256);
    assert!(
        matches!(err, ImportError::NotText { offset: 3, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("not UTF-8 text"), "{err}");
    let utf16 = write(dir.path(), "utf16.md", b"\xff\xfe\x42\x06\x27");
    assert!(matches!(
        import_err(&utf16),
        ImportError::NotText { offset: 0, .. }
    ));
}

#[test]
fn an_empty_or_blank_brief_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.md", b" \n\t\r\n"),
        ("only-marks.txt", "\u{feff}\u{feff}\r\n".as_bytes()),
    ] {
        let err = import_err(&write(dir.path(), name, bytes));
        assert!(matches!(err, ImportError::Empty { .. }), "{name}: {err:?}");
        assert!(err.to_string().contains("holds no text"), "{err}");
    }
}

#[test]
fn a_binary_brief_is_refused_even_when_it_is_valid_utf8() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Valid UTF-8 with NUL bytes on both sides, as UTF-16 text never has.
    let binary = write(dir.path(), "nul.txt", b"Ti\0\0tle");
    let err = import_err(&binary);
    assert!(
        matches!(err, ImportError::Binary { offset: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("binary file"), "{err}");
    // A PNG renamed to .txt is none of the formats Basira imports.
    let png = write(dir.path(), "picture.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let err = import_err(&png);
    assert!(matches!(err, ImportError::UnknownFormat { .. }), "{err:?}");
    assert!(
        err.to_string().contains("picture.txt")
            && err.to_string().contains("not a format Basira imports"),
        "{err}"
    );
}

#[test]
fn a_folder_a_missing_file_or_another_format_is_refused_as_a_brief() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("notes.md");
    std::fs::create_dir(&folder).expect("folder");
    assert!(matches!(import_err(&folder), ImportError::IsFolder { .. }));
    let missing = dir.path().join("missing.txt");
    match import_err(&missing) {
        ImportError::Read { error, .. } => {
            assert_eq!(error.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("{other:?}"),
    }
    // The format comes from the bytes, not the name: text named .pdf is imported as text.
    for name in ["brief.pdf", "brief.docx", "brief.html", "brief"] {
        let path = write(dir.path(), name, "text");
        let brief = basira::io::import_brief(&path).expect("text under any name imports");
        assert_eq!(brief.text, "text");
        let source = brief.source.expect("an imported brief keeps its source");
        assert_eq!(
            (source.file_name.as_str(), source.format),
            (name, basira::model::SourceFormat::Text)
        );
    }
}

#[test]
fn files_over_the_limits_are_refused_without_being_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Sparse files: their size is what counts, and nothing is read, so this is instant.
    let sparse = |name: &str, len: u64| {
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .and_then(|f| f.set_len(len))
            .expect("sparse file");
        path
    };
    let started = Instant::now();
    let brief = sparse("huge.txt", MAX_BRIEF_BYTES + 1);
    let err = import_err(&brief);
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains(&format!("more than the limit of {MAX_BRIEF_BYTES} bytes")),
        "{err}"
    );
    let workspace = sparse("huge.ron", MAX_WORKSPACE_BYTES + 1);
    let err = load_err(&workspace);
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err:?}");
    eprintln!("refused in {:?}", started.elapsed());
}

#[test]
fn a_binary_file_given_as_a_workspace_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = write(dir.path(), "picture.ron", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(matches!(
        load_err(&png),
        LoadError::NotText { offset: 0, .. }
    ));
    let zeros = write(dir.path(), "zeros.ron", [0u8; 64]);
    let err = load_err(&zeros);
    assert!(matches!(err, LoadError::Format { .. }), "{err:?}");
    assert!(err.to_string().contains("syntax error"), "{err}");
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{PermissionsExt as _, symlink};

    use super::*;

    #[test]
    fn a_dangling_link_is_refused_naming_the_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = dir.path().join("linked.ron");
        let brief = dir.path().join("linked.txt");
        symlink(dir.path().join("gone.ron"), &ws).expect("link");
        symlink(dir.path().join("gone.txt"), &brief).expect("link");
        assert!(matches!(load_err(&ws), LoadError::Read { .. }));
        assert!(matches!(import_err(&brief), ImportError::Read { .. }));
    }

    /// Files that cannot be read: a link to itself, a path through a file, and (when the tests
    /// do not run as root, who reads anything) a file without read permission.
    #[test]
    fn an_unreadable_file_is_refused_naming_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let looped = dir.path().join("loop.ron");
        symlink(&looped, &looped).expect("link");
        assert!(matches!(load_err(&looped), LoadError::Read { .. }));
        let not_a_folder = write(dir.path(), "plain", "x").join("ws.ron");
        assert!(matches!(load_err(&not_a_folder), LoadError::Read { .. }));

        let locked = write(dir.path(), "locked.txt", "secret");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        if std::fs::read(&locked).is_err() {
            match import_err(&locked) {
                ImportError::Read { error, .. } => {
                    assert_eq!(error.kind(), std::io::ErrorKind::PermissionDenied);
                }
                other => panic!("{other:?}"),
            }
        }
    }

    /// `/dev/zero` never ends and a pipe without a writer never answers: both used to be read
    /// (to exhaust memory or to hang); now anything but a regular file is refused unread.
    #[test]
    fn devices_and_pipes_are_refused_without_reading_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = dir.path().join("zero.ron");
        let brief = dir.path().join("zero.txt");
        symlink("/dev/zero", &ws).expect("link");
        symlink("/dev/zero", &brief).expect("link");
        let err = load_err(&ws);
        assert!(matches!(err, LoadError::NotAFile { .. }), "{err:?}");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        assert!(matches!(import_err(&brief), ImportError::NotAFile { .. }));

        let fifo = dir.path().join("pipe.txt");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(import_err(&fifo), ImportError::NotAFile { .. }));
        }
    }

    #[test]
    fn a_failed_cli_import_of_a_device_or_a_link_leaves_the_workspace_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = saved_workspace(dir.path());
        let zero = dir.path().join("zero.md");
        symlink("/dev/zero", &zero).expect("link");
        let dangling = dir.path().join("dangling.txt");
        symlink(dir.path().join("gone.txt"), &dangling).expect("link");
        for bad in [zero, dangling] {
            assert_failed_import_changes_nothing(dir.path(), &ws, &bad);
        }
    }
}

/// A saved workspace with one brief, saved twice so that it has a backup too.
fn saved_workspace(dir: &Path) -> PathBuf {
    let path = dir.join("ws.ron");
    let mut ws = Workspace {
        title: "hostile".into(),
        ..Workspace::default()
    };
    ws.briefs.push(Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: "تقدير موقف".into(),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: "أعلن الرئيس Donald Trump أن الانسحاب سيكتمل.".into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    });
    io::save(&path, &ws).expect("save");
    io::save(&path, &ws).expect("save again");
    path
}

/// `basira import ws good bad` fails, names `bad`, and leaves every file in `dir` as it was.
fn assert_failed_import_changes_nothing(dir: &Path, ws: &Path, bad: &Path) {
    let good = write(dir, "good.md", "# عنوان\nنص");
    let before = snapshot(dir);
    let run = basira(&[Path::new("import"), ws, &good, bad]);
    let name = bad.file_name().and_then(|n| n.to_str()).expect("a name");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{name}: {stderr}");
    assert!(stderr.contains(name), "the error names {name}: {stderr}");
    assert_eq!(
        snapshot(dir),
        before,
        "importing {name} changed no file, made no backup and left no temporary file"
    );
}

#[test]
fn a_failed_cli_import_leaves_the_workspace_byte_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved_workspace(dir.path());
    let folder = dir.path().join("folder.txt");
    std::fs::create_dir(&folder).expect("folder");
    let bad = [
        write(dir.path(), "empty.txt", ""),
        write(dir.path(), "binary.txt", b"Ti\0\0tle"),
        write(dir.path(), "cp1256.md", b"\xe2\xc7\xe1"),
        write(dir.path(), "brief.pdf", "%PDF-1.7"),
        // An object stream whose length is kept inside it: lopdf alone recursed until the stack
        // overflowed and the process died.
        write(
            dir.path(),
            "length-loop.pdf",
            std::fs::read("tests/fixtures/import/pdf/fuzz/object-stream-length-inside-itself.pdf")
                .expect("fixture"),
        ),
        dir.path().join("missing.txt"),
        folder,
    ];
    for bad in &bad {
        assert_failed_import_changes_nothing(dir.path(), &ws, bad);
    }
}

#[test]
fn an_import_into_a_broken_workspace_is_refused_and_overwrites_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved_workspace(dir.path());
    let text = std::fs::read_to_string(&ws).expect("read");
    let broken = &text[..text.len() / 2];
    std::fs::write(&ws, broken).expect("break it");
    let good = write(dir.path(), "good.md", "# عنوان\nنص");
    let before = snapshot(dir.path());
    let run = basira(&[Path::new("import"), &ws, &good]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("ws.ron") && stderr.contains("syntax error"),
        "{stderr}"
    );
    assert_eq!(
        snapshot(dir.path()),
        before,
        "the broken file is kept as it is"
    );

    // `check` reports it the same way, with a failing exit code rather than a panic.
    let check = basira(&[Path::new("check"), &ws]);
    assert_eq!(check.status.code(), Some(1));
}
