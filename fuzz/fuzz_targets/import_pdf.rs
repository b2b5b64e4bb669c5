//! The PDF importer, `basira::import::pdf::import`, on arbitrary bytes.
//!
//! It must never panic past its own guards, hang or run away with memory; on success the text
//! follows the conventions of `basira::import` (NFC, no direction controls, paragraphs apart by
//! one blank line, no trailing spaces) and progress ends at 1.

#![no_main]

use std::sync::Once;

use basira::import::{FormatError, pdf};
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;

fuzz_target!(|data: &[u8]| {
    // libFuzzer's panic hook aborts the process at the first panic, before any `catch_unwind`
    // can see it; the importer catches pdf-extract's panics on malformed files and reports them
    // as corrupt, so a quiet hook goes in instead. A panic that escapes the importer still
    // reaches libfuzzer-sys's own `catch_unwind` around this closure, which aborts: it is still
    // found.
    static QUIET: Once = Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));

    let mut last = 0.0f32;
    let result = pdf::import(data, &mut |f| {
        assert!((0.0..=1.0).contains(&f), "progress {f}");
        last = f;
    });
    let doc = match result {
        Ok(doc) => doc,
        Err(FormatError::Corrupt { .. } | FormatError::Encrypted { .. }) => return,
        Err(FormatError::NoTextLayer | FormatError::Empty | FormatError::TooBig(_)) => return,
    };
    assert_eq!(last, 1.0, "progress ends at 1");
    let text = &doc.text;
    assert!(!text.trim().is_empty(), "an empty text was imported");
    assert_eq!(&text.nfc().collect::<String>(), text, "NFC");
    assert!(!text.contains('\r') && !text.contains('\u{feff}'));
    assert!(
        !text.chars().any(|c| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' | '\u{061C}')),
        "a direction control"
    );
    assert!(!text.contains("\n\n\n") && !text.starts_with('\n') && !text.ends_with('\n'));
    for line in text.lines() {
        assert_eq!(line, line.trim_end(), "trailing space");
    }
});
