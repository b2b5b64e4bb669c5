//! The workspace loader's core, `basira::file::parse`, on arbitrary text.
//!
//! It must never panic, hang or allocate without bound, and whatever it accepts must be written
//! back by `to_ron` as a file that parses to the same workspace: an opened workspace that cannot
//! be saved and reopened would lose the analyst's work. Its fast reader must agree with `ron`
//! on every text: the same workspace or the same error.

#![no_main]

use basira::file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = file::parse(text);
    assert_eq!(
        parsed,
        file::parse_with_ron(text),
        "the fast reader and ron differ"
    );
    let Ok(workspace) = parsed else {
        return;
    };
    let written = file::to_ron(&workspace);
    assert_eq!(
        file::parse(&written),
        Ok(workspace),
        "a workspace that loads must save and load again unchanged; written as:\n{written}"
    );
});
