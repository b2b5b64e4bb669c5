//! The DOCX importer, `basira::import::docx::import`, on arbitrary bytes.
//!
//! It must never panic, hang or run away with memory (zip bombs, deep XML, huge counts are
//! refused by its limits); on success the text follows the import conventions of
//! `basira::import` and the headings are ranges of whole paragraphs of it.

#![no_main]

use basira::import::docx;
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;

const BIDI_CONTROLS: [char; 12] = [
    '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}',
    '\u{2067}', '\u{2068}', '\u{2069}', '\u{061c}',
];

fuzz_target!(|data: &[u8]| {
    // Detection must be cheap and total too.
    let _ = docx::is_docx(data);
    let mut last = 0.0f32;
    let document = match docx::import(data, &mut |f| {
        assert!((0.0..=1.0).contains(&f), "progress {f}");
        assert!(f >= last, "progress went back from {last} to {f}");
        last = f;
    }) {
        Ok(document) => document,
        Err(err) => {
            assert!(!err.to_string().is_empty());
            return;
        }
    };
    let text = &document.text;
    assert!(!text.is_empty(), "an empty document was imported");
    assert_eq!(&text.nfc().collect::<String>(), text, "the text is NFC");
    assert!(!text.contains('\r') && !text.contains('\u{feff}'));
    assert!(!text.contains(BIDI_CONTROLS), "no bidi controls");
    assert!(
        !text.contains("\n\n\n"),
        "paragraphs are one blank line apart"
    );
    assert_eq!(text.trim(), text, "no blank space at the ends");
    for line in text.split('\n') {
        assert_eq!(line.trim_end(), line, "no trailing space on a line");
    }
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for h in &document.headings {
        assert!(h.start < h.end && h.end <= chars.len(), "{h:?} in the text");
        assert!(h.start >= last_end, "headings in order");
        assert!(h.start == 0 || chars[h.start - 2..h.start] == ['\n', '\n']);
        assert!(h.end == chars.len() || chars[h.end..h.end + 2] == ['\n', '\n']);
        assert!((1..=9).contains(&h.level));
        last_end = h.end;
    }
    for value in [
        &document.meta.title,
        &document.meta.author,
        &document.meta.language,
    ] {
        assert!(!value.contains('\n') && value.trim() == value.as_str());
    }
});
