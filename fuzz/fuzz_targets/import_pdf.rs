//! The PDF importer, `basira::import::pdf::import`, on arbitrary bytes.
//!
//! It must never panic (not even a panic it catches), hang or run away with memory; on success the text
//! follows the conventions of `basira::import` (NFC, no direction controls, paragraphs apart by
//! one blank line, no trailing spaces) and progress ends at 1.

#![no_main]

use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};

use basira::import::{FormatError, pdf};
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;

static PANICS: AtomicUsize = AtomicUsize::new(0);

fuzz_target!(|data: &[u8]| {
    // The importer turns a panic (of hayro-syntax or its own) into a corrupt-file error, so that
    // the app survives it; libFuzzer's hook would abort before that. A hook that counts panics
    // goes in instead, and any panic, caught or not, is a finding.
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            eprintln!("{info}");
            PANICS.fetch_add(1, Ordering::SeqCst);
        }))
    });

    let mut last = 0.0f32;
    let result = pdf::import(data, &mut |f| {
        assert!((0.0..=1.0).contains(&f), "progress {f}");
        last = f;
    });
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "the importer panicked");
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
