//! The .txt/.md importer, `basira::io::import_brief`, on arbitrary bytes in a real file.
//!
//! It must never panic; a refusal names the file; an imported brief is normalised, and a
//! workspace holding it and a passage in it saves and loads back unchanged.
//!
//! The HTML, DOCX and PDF importers, when they come, each get a target like this one (bytes in
//! a temporary file of their extension, then the same checks) and a seed corpus of small valid
//! and broken files in `corpus/<target>/`.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use basira::model::Workspace;
use basira::{edit, file, io};
use libfuzzer_sys::fuzz_target;

/// One folder for the whole run; each input overwrites the same two files.
fn folder() -> &'static tempfile::TempDir {
    static FOLDER: OnceLock<tempfile::TempDir> = OnceLock::new();
    FOLDER.get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the extension, the rest is the file.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = if pick % 2 == 0 {
        "brief.txt"
    } else {
        "brief.md"
    };
    let path: PathBuf = folder().path().join(name);
    std::fs::write(&path, bytes).expect("write the input");

    let brief = match io::import_brief(&path) {
        Ok(brief) => brief,
        Err(err) => {
            assert!(
                err.to_string().contains(name),
                "error without the file: {err}"
            );
            return;
        }
    };
    let text = &brief.text;
    assert!(!text.trim().is_empty(), "an empty brief was imported");
    assert_eq!(
        &io::normalise_text(text),
        text,
        "imported text is normalised"
    );

    let mut workspace = Workspace::default();
    let len = brief.char_len();
    if let Ok(passage) =
        edit::new_passage(&brief, len / 3, len - len / 3, chrono::DateTime::UNIX_EPOCH)
    {
        workspace.passages.push(passage);
    }
    workspace.briefs.push(brief);
    let written = file::to_ron(&workspace);
    assert_eq!(
        file::parse(&written),
        Ok(workspace),
        "an imported brief must save and load unchanged; written as:\n{written}"
    );
});
