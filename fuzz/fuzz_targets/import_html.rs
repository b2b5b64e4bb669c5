//! The HTML importer, `basira::import::html::import`, on arbitrary bytes.
//!
//! It must never panic; on success the text follows the conventions of `basira::import` (NFC,
//! no carriage return or byte-order mark, no bidi controls, no trailing spaces, one blank line
//! between paragraphs) and every heading range lies on a paragraph of the text.

#![no_main]

use basira::import::html::import;
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;

const BIDI_CONTROLS: [char; 12] = [
    '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{061c}',
];

fuzz_target!(|data: &[u8]| {
    let mut last = 0.0f32;
    let Ok(doc) = import(data, &mut |f| {
        assert!((0.0..=1.0).contains(&f) && f >= last, "progress {last} then {f}");
        last = f;
    }) else {
        return;
    };
    let text = &doc.text;
    assert!(!text.is_empty(), "an empty document was imported");
    assert_eq!(&text.nfc().collect::<String>(), text, "text is NFC");
    assert!(!text.contains('\r'), "no carriage return");
    assert!(!text.contains('\u{feff}'), "no byte-order mark");
    assert!(!text.contains(BIDI_CONTROLS), "no bidi controls");
    assert!(!text.contains("\n\n\n"), "one blank line between paragraphs");
    assert_eq!(text.trim_matches('\n'), text, "no blank lines at the ends");
    for line in text.split('\n') {
        assert_eq!(line.trim_end(), line, "trailing space on {line:?}");
    }
    let chars: Vec<char> = text.chars().collect();
    for heading in &doc.headings {
        assert!(heading.start < heading.end && heading.end <= chars.len(), "{heading:?}");
        assert!((1..=6).contains(&heading.level), "{heading:?}");
        assert!(heading.start == 0 || chars[heading.start - 1] == '\n', "{heading:?}");
        assert!(heading.end == chars.len() || chars[heading.end] == '\n', "{heading:?}");
    }
});
