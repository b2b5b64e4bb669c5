//! `basira::io::normalise_text`, which every importer runs on a brief's text, on arbitrary text.
//!
//! The result has no byte-order mark, no carriage return and is in NFC, and normalising it again
//! changes nothing (a re-imported brief keeps its anchors).

#![no_main]

use basira::io::normalise_text;
use libfuzzer_sys::fuzz_target;
use unicode_normalization::is_nfc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let normal = normalise_text(text);
    assert!(!normal.starts_with('\u{feff}'), "{normal:?}");
    assert!(!normal.contains('\r'), "{normal:?}");
    assert!(is_nfc(&normal), "{normal:?}");
    assert_eq!(normalise_text(&normal), normal, "normalising twice");
});
