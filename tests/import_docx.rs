//! The DOCX importer on real Word files (made by `tests/fixtures/import/docx/make.py` with
//! python-docx, LibreOffice and msoffcrypto-tool) and on hostile ones made here.

#[path = "support/fidelity.rs"]
mod fidelity;

use std::io::{Cursor, Write};
use std::time::Instant;

use basira::import::{self, FormatError, ImportedDocument, SourceFormat, docx};
use basira::model::TextDirection;
use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;
use zip::write::SimpleFileOptions;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt"
);

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/docx/{name}")).expect("the fixture")
}

fn import(bytes: &[u8]) -> Result<ImportedDocument, FormatError> {
    docx::import(bytes, &mut |_| {})
}

fn imported(name: &str) -> ImportedDocument {
    let document = import(&fixture(name)).expect("the fixture imports");
    assert_follows_conventions(&document);
    document
}

/// The Arabic seed brief as the DOCX fixtures hold it: the seed file itself, less the three
/// lines of web-page furniture the fixture script leaves out (the title repeated under itself,
/// the view count «163 مشاهدة» and "Download PDF"). Everything else — the list labels "1. "…"4. ",
/// the `[n]` markers and the "[n] …" notes after the body — is in the seed as written, so the
/// importer has to produce them from the DOCX structure (numbering.xml, footnotes.xml).
fn arabic_reference() -> String {
    let seed = std::fs::read_to_string(SEED).expect("the seed brief");
    let title = seed.lines().next().expect("a title line").to_owned();
    let mut seen_title = false;
    seed.lines()
        .filter(|line| {
            let line = line.trim();
            if line == title {
                let repeated = seen_title;
                seen_title = true;
                return !repeated;
            }
            line != "163 مشاهدة" && line != "Download PDF"
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The English brief is the fixture's source as it is: its notes [1] [2] are footnotes and [3]
/// an endnote, which the importer numbers on from the footnotes, and its "Notes" heading is the
/// last heading of the DOCX body.
fn english_reference() -> String {
    std::fs::read_to_string(format!("{FIXTURES}/brief.en.txt")).expect("the English brief")
}

fn assert_fidelity(name: &str, reference: &str) -> ImportedDocument {
    let document = imported(name);
    let score = fidelity::similarity(reference, &document.text);
    println!("fidelity of {name}: {:.2}%", score * 100.0);
    assert!(
        score >= 0.98,
        "{name}: fidelity {:.2}% is below 98%; imported text:\n{}",
        score * 100.0,
        document.text
    );
    document
}

/// The text conventions of `basira::import` every importer must follow.
fn assert_follows_conventions(document: &ImportedDocument) {
    let text = &document.text;
    assert!(!text.is_empty());
    assert_eq!(text.nfc().collect::<String>(), *text, "NFC");
    assert!(!text.contains('\r') && !text.contains('\u{feff}'));
    for c in [
        '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}',
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{061c}',
    ] {
        assert!(!text.contains(c), "bidi control {c:?} in the text");
    }
    assert!(
        !text.contains("\n\n\n"),
        "paragraphs are one blank line apart"
    );
    assert_eq!(text.trim(), text, "no blank space at the ends");
    for line in text.lines() {
        assert_eq!(line.trim_end(), line, "trailing space on {line:?}");
    }
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for h in &document.headings {
        assert!(h.start < h.end && h.end <= chars.len(), "{h:?} in bounds");
        assert!(h.start >= last_end, "headings in text order");
        assert!(
            h.start == 0 || chars[h.start - 2..h.start] == ['\n', '\n'],
            "{h:?} starts a paragraph"
        );
        assert!(
            h.end == chars.len() || chars[h.end..h.end + 2] == ['\n', '\n'],
            "{h:?} ends one"
        );
        assert!((1..=9).contains(&h.level));
        last_end = h.end;
    }
}

fn heading_texts(document: &ImportedDocument) -> Vec<(u8, String)> {
    let chars: Vec<char> = document.text.chars().collect();
    document
        .headings
        .iter()
        .map(|h| (h.level, chars[h.start..h.end].iter().collect()))
        .collect()
}

fn paragraphs(document: &ImportedDocument) -> Vec<&str> {
    document.text.split("\n\n").collect()
}

#[test]
fn arabic_brief_from_python_docx_keeps_its_text() {
    assert_fidelity("brief.ar.docx", &arabic_reference());
}

#[test]
fn arabic_brief_resaved_by_libreoffice_keeps_its_text() {
    assert_fidelity("brief.ar.libreoffice.docx", &arabic_reference());
}

#[test]
fn english_brief_with_tracked_changes_and_an_endnote_keeps_its_text() {
    assert_fidelity("brief.en.docx", &english_reference());
}

#[test]
fn headings_come_with_their_levels() {
    let sections = [
        "تحوُّل العلاقات الأمريكية العراقية بعد انتهاء حرب داعش",
        "دوافع الانسحاب الأمريكي",
        "محدِّدات مؤثِّرة في مستقبل العلاقات الأمريكية مع العراق",
        "سيناريوهات مستقبلية متوقَّعة",
        "الخُلاصة",
    ];
    let title = "الانسحاب العسكري الأمريكي من العراق: الدوافع والآثار المستقبلية المحتملة";
    let mut want = vec![(1, title.to_owned())];
    want.extend(sections.iter().map(|s| (2, (*s).to_owned())));
    for name in ["brief.ar.docx", "brief.ar.libreoffice.docx"] {
        let document = imported(name);
        assert_eq!(heading_texts(&document), want, "{name}");
        assert_eq!(
            document.headings[0].start, 0,
            "{name}: the title comes first"
        );
    }
    let english = imported("brief.en.docx");
    assert_eq!(
        heading_texts(&english),
        [
            (
                1,
                "Red Sea Shipping After the Houthi Attacks: Drivers and Scenarios"
            ),
            (2, "Why the disruption has lasted"),
            (2, "Drivers shaping the future of Red Sea traffic"),
            (2, "Possible scenarios"),
            (2, "Conclusion"),
            (2, "Notes"),
        ]
        .map(|(l, t)| (l, t.to_owned()))
    );
}

#[test]
fn numbered_list_items_start_with_their_labels() {
    let starts = [
        "1. تهديدات داعش:",
        "2. وضع الحشد الشعبي:",
        "3. النفوذ الإيراني:",
        "4. التصعيد الإقليمي:",
    ];
    for name in ["brief.ar.docx", "brief.ar.libreoffice.docx"] {
        let document = imported(name);
        let items: Vec<&str> = paragraphs(&document)
            .into_iter()
            .filter(|p| p.starts_with(|c: char| c.is_ascii_digit()) && p.contains(". "))
            .filter(|p| !p.starts_with("2025"))
            .collect();
        assert_eq!(items.len(), 4, "{name}: {items:#?}");
        for (item, start) in items.iter().zip(starts) {
            assert!(item.starts_with(start), "{name}: {item}");
        }
    }
    let english = imported("brief.en.docx");
    let labels: Vec<&str> = paragraphs(&english)
        .into_iter()
        .filter_map(|p| p.get(..3).filter(|l| l.ends_with(". ")))
        .collect();
    assert_eq!(labels, ["1. ", "2. ", "3. ", "4. "]);
}

#[test]
fn footnote_markers_stand_in_the_body_and_the_notes_follow_it() {
    for name in ["brief.ar.docx", "brief.ar.libreoffice.docx"] {
        let document = imported(name);
        let all = paragraphs(&document);
        let (body, notes) = all.split_at(all.len() - 3);
        for n in 1..=3 {
            let marker = format!("[{n}]");
            let in_body = body.iter().filter(|p| p.contains(&marker)).count();
            assert_eq!(in_body, 1, "{name}: marker {marker} once in the body");
            assert!(
                notes[n - 1].starts_with(&format!("{marker} ")),
                "{name}: {}",
                notes[n - 1]
            );
            assert!(
                notes[n - 1].ends_with("الرابط"),
                "{name}: the link's text is kept"
            );
        }
        assert!(body.iter().any(|p| p.contains("توتُّر [1] .")), "{name}");
        assert!(notes[0].contains("مجلس النواب العراقي يُصوّت"), "{name}");
        assert!(notes[2].contains("تركمانستان"), "{name}");
    }
    let english = imported("brief.en.docx");
    let all = paragraphs(&english);
    let notes = &all[all.len() - 3..];
    assert!(notes[0].starts_with("[1] Container lines divert ships"));
    assert!(notes[1].starts_with("[2] Suez Canal revenue"));
    assert!(
        notes[2].starts_with("[3] Panel of experts report on Yemen"),
        "the endnote follows the footnotes, numbered on: {}",
        notes[2]
    );
    assert!(
        english
            .text
            .contains("pressure other powers can bring to bear on it.[3]")
    );
    assert!(english.text.contains("Asia and Europe.[1] This assessment"));
}

#[test]
fn tracked_insertions_are_kept_and_deletions_dropped() {
    let english = imported("brief.en.docx");
    assert!(
        english
            .text
            .contains("will not return until a durable ceasefire holds.")
    );
    assert!(!english.text.contains("provisional"));
}

#[test]
fn core_properties_become_metadata() {
    let arabic = imported("brief.ar.docx");
    let meta = &arabic.meta;
    assert_eq!(
        meta.title,
        "الانسحاب العسكري الأمريكي من العراق: الدوافع والآثار المستقبلية المحتملة"
    );
    assert_eq!(meta.author, "وحدة الدراسات الاستراتيجية");
    assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 9, 25));
    assert_eq!(meta.language, "ar");
    assert_eq!(meta.direction, Some(TextDirection::Rtl));

    let resaved = imported("brief.ar.libreoffice.docx");
    assert_eq!(resaved.meta.title, meta.title);
    assert_eq!(resaved.meta.direction, Some(TextDirection::Rtl));

    let english = imported("brief.en.docx");
    assert_eq!(
        english.meta.title,
        "Red Sea Shipping After the Houthi Attacks: Drivers and Scenarios"
    );
    assert_eq!(english.meta.author, "Maritime Security Desk");
    assert_eq!(
        english.meta.published,
        NaiveDate::from_ymd_opt(2025, 10, 14)
    );
    assert_eq!(english.meta.language, "en-GB");
    assert_eq!(
        english.meta.direction, None,
        "left-to-right paragraphs declare nothing"
    );
}

#[test]
fn word_files_are_detected_by_content_and_progress_reaches_one() {
    let bytes = fixture("brief.ar.docx");
    assert!(docx::is_docx(&bytes));
    assert_eq!(import::detect_format(&bytes), Some(SourceFormat::Docx));
    assert!(!docx::is_docx(b"PK\x03\x04 not a zip"));
    assert!(!docx::is_docx(&fixture("brief.en.doc")));
    let mut seen = Vec::new();
    docx::import(&bytes, &mut |f| seen.push(f)).expect("imports");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.first(), Some(&0.0));
    assert_eq!(seen.last(), Some(&1.0));
}

// ---- hostile and broken files ----

/// Imports `bytes`, which must be refused, and returns the error (how long it took is printed).
fn refused(bytes: &[u8]) -> FormatError {
    let started = Instant::now();
    let result = import(bytes);
    let took = started.elapsed();
    eprintln!("refused in {took:?}");
    match result {
        Ok(document) => panic!("imported: {:?}", document.text.get(..200)),
        Err(err) => err,
    }
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .expect("the test data is sound");
        writer.write_all(data).expect("the test data is sound");
    }
    writer
        .finish()
        .expect("the test data is sound")
        .into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

#[test]
fn a_corrupt_zip_is_a_clear_error() {
    let mut bytes = fixture("brief.en.docx");
    bytes.truncate(bytes.len() / 2);
    let err = refused(&bytes);
    assert!(matches!(err, FormatError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("zip"), "{err}");

    // A sound directory over damaged compressed data.
    let mut bytes = fixture("brief.en.docx");
    let middle = bytes.len() / 3;
    for b in &mut bytes[middle..middle + 2000] {
        *b ^= 0x5A;
    }
    assert!(matches!(refused(&bytes), FormatError::Corrupt { .. }));

    let err = refused(b"plain text, not a zip");
    assert!(err.to_string().contains("not a zip archive"), "{err}");
}

#[test]
fn a_zip_without_word_document_xml_is_not_a_word_file() {
    let bytes = zip_of(&[("content.xml", b"<office:document/>"), ("mimetype", b"x")]);
    let err = refused(&bytes);
    assert!(err.to_string().contains("word/document.xml"), "{err}");
    assert!(!docx::is_docx(&bytes));
}

#[test]
fn an_encrypted_word_file_asks_for_an_unprotected_copy() {
    let err = refused(&fixture("brief.en.encrypted.docx"));
    assert!(matches!(err, FormatError::Encrypted { .. }), "{err:?}");
    assert!(err.to_string().contains("unprotected copy"), "{err}");
}

#[test]
fn a_legacy_doc_is_named_as_such() {
    let err = refused(&fixture("brief.en.doc"));
    assert!(matches!(err, FormatError::Corrupt { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("a legacy Word .doc, not .docx; save it as .docx"),
        "{err}"
    );
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    // 40 MB of spaces inside a paragraph deflate to about 40 KB: a ratio of ~1000.
    let mut document = format!("<w:document {W}><w:body><w:p><w:r><w:t>").into_bytes();
    document.resize(document.len() + 40 * 1024 * 1024, b' ');
    document.extend_from_slice(b"</w:t></w:r></w:p></w:body></w:document>");
    let bytes = zip_of(&[("word/document.xml", &document)]);
    drop(document);
    assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());
    let err = refused(&bytes);
    assert!(matches!(err, FormatError::TooBig(_)), "{err:?}");
    assert!(err.to_string().contains("word/document.xml"), "{err}");

    // The same with sizes in the headers claiming 4 GB: refused without inflating at all.
    let mut small = zip_of(&[("word/document.xml", format!("<w:document {W}/>").as_bytes())]);
    let size = (format!("<w:document {W}/>").len() as u32).to_le_bytes();
    for i in 0..small.len().saturating_sub(4) {
        if small[i..i + 4] == size {
            small[i..i + 4].copy_from_slice(&(u32::MAX - 1).to_le_bytes());
        }
    }
    assert!(matches!(refused(&small), FormatError::TooBig(_)));
}

#[test]
fn billion_laughs_is_refused_at_the_doctype() {
    let mut entities = String::from(r#"<!ENTITY lol0 "lol">"#);
    for i in 1..10 {
        let prev = format!("&lol{};", i - 1).repeat(10);
        entities.push_str(&format!(r#"<!ENTITY lol{i} "{prev}">"#));
    }
    let document = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [{entities}]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let err = refused(&zip_of(&[("word/document.xml", document.as_bytes())]));
    assert!(matches!(err, FormatError::TooBig(_)), "{err:?}");
    assert!(err.to_string().contains("DOCTYPE"), "{err}");

    // Without a DOCTYPE, an entity nobody defined is an error too, not silently dropped text.
    let undefined = format!(
        "<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    );
    let err = refused(&zip_of(&[("word/document.xml", undefined.as_bytes())]));
    assert!(err.to_string().contains("undefined entity"), "{err}");
}

#[test]
fn deep_nesting_and_many_entries_hit_limits() {
    let depth = 100_000;
    let document = format!(
        "<w:document {W}>{}{}</w:document>",
        "<w:sdt>".repeat(depth),
        "</w:sdt>".repeat(depth)
    );
    let err = refused(&zip_of(&[("word/document.xml", document.as_bytes())]));
    assert!(matches!(err, FormatError::TooBig(_)), "{err:?}");
    assert!(err.to_string().contains("deep"), "{err}");

    let names: Vec<String> = (0..25_000).map(|i| format!("word/media/{i}.bin")).collect();
    let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let document = format!("<w:document {W}/>");
    parts.push(("word/document.xml", document.as_bytes()));
    let err = refused(&zip_of(&parts));
    assert!(err.to_string().contains("entries"), "{err}");
}

#[test]
fn a_document_without_text_is_empty() {
    let document = format!(
        "<w:document {W}><w:body><w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p></w:body></w:document>"
    );
    assert_eq!(
        refused(&zip_of(&[("word/document.xml", document.as_bytes())])),
        FormatError::Empty
    );
}
