//! The PDF importer on PDFs made by real tools (tests/fixtures/import/pdf/make.py): the Arabic
//! seed brief through LibreOffice and through reportlab + arabic-reshaper + python-bidi (visual
//! order, presentation forms), the English fixture brief through LibreOffice, a scan, encrypted
//! files, and broken bytes.
//!
//! The reference for fidelity is the source brief as the importer should write it: the markers
//! the source writes " [n] " stand against their word as "[n]" (the PDF draws them as raised
//! digits right after it), the notes follow the body as "[n] text" paragraphs (the source's own
//! form), and the English brief's "Notes" heading is gone (its notes became footnotes, which
//! have no heading).

#[path = "support/fidelity.rs"]
mod fidelity;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use basira::import::{FormatError, ImportedDocument, pdf};
use basira::model::TextDirection;
use chrono::NaiveDate;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/pdf")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn source(path: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("the source brief")
}

fn import(name: &str) -> Result<ImportedDocument, FormatError> {
    pdf::import(&fixture(name), &mut |_| {})
}

fn imported(name: &str) -> ImportedDocument {
    import(name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The Arabic seed brief as the importer should write it (see the file's documentation).
fn arabic_reference() -> String {
    let mut text = source("seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt");
    for n in 1..=3 {
        text = text.replace(&format!(" [{n}] "), &format!("[{n}]"));
    }
    text
}

fn english_reference() -> String {
    source("tests/fixtures/import/brief.en.txt").replace("\n\nNotes\n\n", "\n\n")
}

fn check_fidelity(name: &str, reference: &str, threshold: f64) -> ImportedDocument {
    let doc = imported(name);
    let score = fidelity::similarity(reference, &doc.text);
    println!("{name}: fidelity {:.2}%", score * 100.0);
    assert!(
        score >= threshold,
        "{name}: fidelity {score:.4} below {threshold}; imported text:\n{}",
        doc.text
    );
    doc
}

#[test]
fn arabic_libreoffice_pdf_keeps_at_least_95_percent_of_the_brief() {
    check_fidelity("ar-libreoffice.pdf", &arabic_reference(), 0.95);
}

#[test]
fn arabic_reportlab_pdf_in_visual_order_keeps_at_least_95_percent_of_the_brief() {
    check_fidelity("ar-reportlab.pdf", &arabic_reference(), 0.95);
}

#[test]
fn english_libreoffice_pdf_keeps_at_least_95_percent_of_the_brief() {
    let doc = check_fidelity("en-libreoffice.pdf", &english_reference(), 0.95);
    assert!(
        doc.text
            .contains("a voyage between Asia and Europe.[1] This assessment")
    );
}

/// Arabic words of a text, harakat and tatweel left out (report tools drop harakat).
fn arabic_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphabetic() || ('\u{064B}'..='\u{065F}').contains(&c)))
        .map(|w| {
            w.chars()
                .filter(|c| !('\u{064B}'..='\u{065F}').contains(c) && *c != '\u{0640}')
                .collect::<String>()
        })
        .filter(|w| {
            w.chars().count() >= 2 && w.chars().all(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
        })
        .collect()
}

#[test]
fn arabic_words_come_out_in_logical_order() {
    let reference = arabic_words(&arabic_reference());
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for w in &reference {
        *frequency.entry(w).or_default() += 1;
    }
    let mut common: Vec<(&str, usize)> = frequency.into_iter().collect();
    common.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for name in ["ar-libreoffice.pdf", "ar-reportlab.pdf"] {
        let doc = imported(name);
        let words: HashSet<String> = arabic_words(&doc.text).into_iter().collect();
        for (word, _) in &common[..20] {
            assert!(
                words.contains(*word),
                "{name}: «{word}» missing (reversed?)"
            );
        }
        let found = reference.iter().filter(|w| words.contains(*w)).count();
        let share = found as f64 / reference.len() as f64;
        println!(
            "{name}: {:.2}% of the brief's Arabic words found in logical order",
            share * 100.0
        );
        assert!(share >= 0.98, "{name}: only {share:.4} of the Arabic words");
        assert_eq!(doc.meta.direction, Some(TextDirection::Rtl));
    }
}

#[test]
fn no_presentation_forms_or_direction_controls_are_left() {
    for name in [
        "ar-libreoffice.pdf",
        "ar-reportlab.pdf",
        "en-libreoffice.pdf",
    ] {
        let text = imported(name).text;
        let bad = text.chars().find(|&c| {
            matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}'
                | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
        });
        assert_eq!(bad, None, "{name}");
    }
}

#[test]
fn text_follows_the_conventions() {
    for name in [
        "ar-libreoffice.pdf",
        "ar-reportlab.pdf",
        "en-libreoffice.pdf",
        "mixed.pdf",
    ] {
        let text = imported(name).text;
        assert!(!text.contains('\r') && !text.contains("\n\n\n"), "{name}");
        assert!(
            !text.starts_with(char::is_whitespace) && !text.ends_with(char::is_whitespace),
            "{name}"
        );
        assert!(
            text.lines().all(|l| l == l.trim_end()),
            "{name}: trailing spaces"
        );
        assert!(
            text.split("\n\n")
                .all(|p| !p.contains('\n') && !p.is_empty()),
            "{name}: paragraphs"
        );
    }
}

#[test]
fn footnotes_follow_the_body_in_order_and_markers_stay_in_place() {
    let cases = [
        (
            "ar-libreoffice.pdf",
            [
                "مجلس النواب العراقي يُصوّت",
                "واشنطن تصنّف فصائل",
                "أمريكا تعرقل خُطَط",
            ],
            "توتُّر[1]",
        ),
        (
            "ar-reportlab.pdf",
            [
                "مجلس النواب العراقي",
                "واشنطن تصنف فصائل",
                "أمريكا تعرقل خطط",
            ],
            "[1]",
        ),
        (
            "en-libreoffice.pdf",
            [
                "Container lines divert",
                "Suez Canal revenue falls",
                "Panel of experts",
            ],
            "Europe.[1]",
        ),
    ];
    for (name, starts, marker) in cases {
        let text = imported(name).text;
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let notes = &paragraphs[paragraphs.len() - 3..];
        for (i, (note, start)) in notes.iter().zip(starts).enumerate() {
            let prefix = format!("[{}] ", i + 1);
            let rest = note
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{name}: note {note}"));
            let plain: String = rest
                .chars()
                .filter(|c| !('\u{064B}'..='\u{0652}').contains(c))
                .collect();
            let start_plain: String = start
                .chars()
                .filter(|c| !('\u{064B}'..='\u{0652}').contains(c))
                .collect();
            assert!(plain.starts_with(&start_plain), "{name}: note {i}: {rest}");
        }
        let body = paragraphs[..paragraphs.len() - 3].join("\n\n");
        assert!(body.contains(marker), "{name}: marker {marker}");
        let at = |m: &str| {
            body.find(m)
                .unwrap_or_else(|| panic!("{name}: {m} not in the body"))
        };
        assert!(
            at("[1]") < at("[2]") && at("[2]") < at("[3]"),
            "{name}: markers out of order"
        );
        assert_eq!(body.matches("[1]").count(), 1, "{name}");
    }
}

#[test]
fn running_headers_and_page_numbers_are_dropped() {
    for name in ["ar-libreoffice.pdf", "ar-reportlab.pdf"] {
        let text = imported(name).text;
        assert!(
            !text.contains("مركز الدراسات الإستراتيجية"),
            "{name}: running header kept"
        );
        assert!(
            text.split("\n\n")
                .all(|p| !p.chars().all(|c| c.is_ascii_digit())),
            "{name}: a page number kept"
        );
    }
    let text = imported("en-libreoffice.pdf").text;
    assert!(!text.contains("Maritime Security Assessments"));
}

#[test]
fn metadata_comes_from_the_information_dictionary_and_catalog() {
    let doc = imported("ar-reportlab.pdf");
    assert_eq!(
        doc.meta.title,
        "الانسحاب العسكري الأمريكي من العراق: الدوافع والآثار المستقبلية المحتملة"
    );
    assert_eq!(doc.meta.author, "وحدة الدراسات");
    assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2025, 9, 25));
    assert_eq!(
        doc.meta.publisher, "",
        "Producer is software, not the publisher"
    );
    let doc = imported("en-libreoffice.pdf");
    assert_eq!(
        doc.meta.title,
        "Red Sea Shipping After the Houthi Attacks: Drivers and Scenarios"
    );
    assert_eq!(doc.meta.author, "Analysis Unit");
    assert_eq!(doc.meta.language, "en-GB");
    assert!(doc.meta.published.is_some());
    assert_eq!(doc.meta.direction, None);
    assert_eq!(imported("ar-libreoffice.pdf").meta.language, "ar-SA");
}

#[test]
fn a_scan_has_no_text_layer() {
    assert_eq!(import("scanned.pdf"), Err(FormatError::NoTextLayer));
}

#[test]
fn a_page_without_text_is_left_out_with_a_warning_naming_it() {
    let doc = imported("mixed.pdf");
    assert_eq!(
        doc.text,
        "The first page has text.\n\nThe third page has text again."
    );
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert!(
        doc.warnings[0].to_string().contains("page 2 "),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn a_tounicode_range_running_into_the_byte_order_mark_leaves_no_u_feff() {
    // Found by the import_pdf fuzz target: a bfrange from ﻻ (U+FEFB) over five codes reaches
    // U+FEFF, which the text must never hold.
    let doc = imported("fuzz/cmap-into-byte-order-mark.pdf");
    assert!(!doc.text.contains('\u{feff}'), "{:?}", doc.text);
    assert!(doc.text.starts_with("لا"), "{:?}", doc.text);
}

#[test]
fn reportlabs_untitled_and_anonymous_are_not_taken_for_title_and_author() {
    // mixed.pdf carries reportlab's defaults: /Title (untitled) /Author (anonymous).
    let doc = imported("mixed.pdf");
    assert_eq!(
        (doc.meta.title.as_str(), doc.meta.author.as_str()),
        ("", "")
    );
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/pdf/mixed.pdf");
    let brief = basira::io::import_brief(&path).expect("imports");
    assert_eq!(brief.meta.title, "The first page has text.");
}

#[test]
fn a_password_protected_pdf_is_refused_and_an_owner_only_one_opens() {
    assert_eq!(
        import("encrypted.pdf"),
        Err(FormatError::Encrypted { format: "PDF" })
    );
    let doc = imported("encrypted-no-user-password.pdf");
    assert_eq!(
        doc.text,
        "This brief is protected by a password. Its text must not be read without it."
    );
}

#[test]
fn truncated_and_garbage_bytes_are_corrupt_without_panicking() {
    let whole = fixture("ar-libreoffice.pdf");
    for cut in [whole.len() / 2, 2000, 20] {
        let result = pdf::import(&whole[..cut], &mut |_| {});
        assert!(
            matches!(result, Err(FormatError::Corrupt { .. })),
            "cut at {cut}: {result:?}"
        );
    }
    let mut garbage = b"%PDF-1.7\n".to_vec();
    garbage.extend((0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    assert!(matches!(
        pdf::import(&garbage, &mut |_| {}),
        Err(FormatError::Corrupt { .. })
    ));
    assert!(matches!(
        pdf::import(b"not a pdf", &mut |_| {}),
        Err(FormatError::Corrupt { .. })
    ));
}

#[test]
fn progress_is_reported_per_page_up_to_one() {
    let mut seen = Vec::new();
    pdf::import(&fixture("ar-libreoffice.pdf"), &mut |f| seen.push(f)).expect("it imports");
    assert!(seen.len() >= 4, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&1.0));
}

#[test]
fn brackets_read_as_in_the_brief_whether_or_not_the_producer_mirrored_them() {
    for name in ["ar-libreoffice.pdf", "ar-reportlab.pdf"] {
        let plain: String = imported(name)
            .text
            .chars()
            .filter(|c| !('\u{064B}'..='\u{0652}').contains(c))
            .collect();
        assert!(plain.contains("(حكومتي مصطفى الكاظمي"), "{name}");
        assert!(plain.contains("الأوفياء)"), "{name}");
    }
}
