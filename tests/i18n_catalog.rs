//! The catalog and the code agree: every message id the code looks up (a string literal in a
//! `tr!` call anywhere under `src/`) is in both `.ftl` files, and every message the files
//! define is used by the code.

use std::collections::BTreeSet;
use std::path::Path;

use basira::i18n::{ARABIC_FTL, ENGLISH_FTL, message_ids};

/// The ids of the `tr!(locale, "id", …)` calls in `text`.
fn ids_used_in(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("tr!(") {
        // `include_str!(` and other macros that end in "tr" are not lookups.
        let after_identifier = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = &rest[at + 4..];
        if after_identifier {
            continue;
        }
        // The id is the first string literal of the call.
        let Some(open) = rest.find('"') else { break };
        let Some(len) = rest[open + 1..].find('"') else {
            break;
        };
        ids.push(rest[open + 1..open + 1 + len].to_owned());
        rest = &rest[open + 1 + len..];
    }
    ids
}

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("read src");
    for entry in entries {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

fn ids_in_code() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read source");
        // The macro's own definition and its documentation show `tr!(locale, "id")`.
        for id in ids_used_in(&text) {
            if id != "id" {
                ids.insert(id);
            }
        }
    }
    ids
}

#[test]
fn the_scanner_finds_ids_across_lines() {
    let code = "include_str!(\"x.ftl\"); let a = tr!(loc, \"one\");\nlet b = tr!(\n    view.state.locale,\n    \"two\",\n    n = f(\"x\"),\n);";
    assert_eq!(ids_used_in(code), ["one", "two"]);
}

#[test]
fn every_id_used_in_code_is_in_both_languages() {
    let english: BTreeSet<&str> = message_ids(ENGLISH_FTL).into_iter().collect();
    let arabic: BTreeSet<&str> = message_ids(ARABIC_FTL).into_iter().collect();
    let used = ids_in_code();
    assert!(used.len() > 100, "only {} ids found in src/", used.len());
    let missing_en: Vec<&String> = used
        .iter()
        .filter(|id| !english.contains(id.as_str()))
        .collect();
    let missing_ar: Vec<&String> = used
        .iter()
        .filter(|id| !arabic.contains(id.as_str()))
        .collect();
    assert!(
        missing_en.is_empty(),
        "used in src/ but not in en/basira.ftl: {missing_en:?}"
    );
    assert!(
        missing_ar.is_empty(),
        "used in src/ but not in ar/basira.ftl: {missing_ar:?}"
    );
}

#[test]
fn every_message_in_the_catalog_is_used() {
    let used = ids_in_code();
    let unused: Vec<&str> = message_ids(ENGLISH_FTL)
        .into_iter()
        .filter(|id| !used.contains(*id))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalog but used nowhere in src/: {unused:?}"
    );
}

#[test]
fn no_message_is_defined_twice() {
    for (name, ftl) in [("en", ENGLISH_FTL), ("ar", ARABIC_FTL)] {
        let ids = message_ids(ftl);
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len(), "{name}/basira.ftl repeats an id");
    }
}
