//! Structure detection on the briefs as they arrive: the seed brief, imported from every format
//! it was turned into with real tools (plain text, a think-tank web page, Word files made by
//! python-docx and LibreOffice, PDFs made by LibreOffice and reportlab), gives its 4 determinants,
//! 3 scenarios and 3 footnotes linked to their notes; the English fixture brief likewise.

use std::path::{Path, PathBuf};

use basira::structure::{self, ProposalKind};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// (determinants, scenarios, footnotes linked to a note) found in the brief imported from `path`.
fn counts(path: &str) -> (usize, usize, usize) {
    let brief =
        basira::io::import_brief(&fixture(path)).unwrap_or_else(|e| panic!("{path} imports: {e}"));
    let found = structure::detect(&brief.text, &brief.headings);
    let of = |kind| found.proposals.iter().filter(|p| p.kind == kind).count();
    let linked = found.footnotes.iter().filter(|f| f.is_linked()).count();
    let counts = (
        of(ProposalKind::Determinant),
        of(ProposalKind::Scenario),
        linked,
    );
    println!("{path}: {counts:?} (determinants, scenarios, linked footnotes)");
    counts
}

#[test]
fn the_seed_brief_shows_its_shape_in_every_format() {
    for path in [
        "seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt",
        "tests/fixtures/import/html/us-withdrawal-from-iraq.ar.html",
        "tests/fixtures/import/html/us-withdrawal-from-iraq.ar.cp1256.html",
        "tests/fixtures/import/docx/brief.ar.docx",
        "tests/fixtures/import/docx/brief.ar.libreoffice.docx",
        "tests/fixtures/import/pdf/ar-libreoffice.pdf",
        "tests/fixtures/import/pdf/ar-reportlab.pdf",
    ] {
        assert_eq!(counts(path), (4, 3, 3), "{path}");
    }
}

#[test]
fn the_english_brief_shows_its_shape_in_every_format() {
    for path in [
        "tests/fixtures/import/brief.en.txt",
        "tests/fixtures/import/html/red-sea-shipping.en.html",
        "tests/fixtures/import/docx/brief.en.docx",
        "tests/fixtures/import/pdf/en-libreoffice.pdf",
    ] {
        let (determinants, scenarios, footnotes) = counts(path);
        assert_eq!((determinants, scenarios), (4, 3), "{path}");
        assert!(footnotes >= 3, "{path}: {footnotes} linked footnotes");
    }
}
