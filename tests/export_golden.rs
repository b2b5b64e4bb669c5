//! Golden files for the three excerpt exports of the bundled sample workspace.
//!
//! When an export changes on purpose, regenerate with
//! `BASIRA_UPDATE_GOLDEN=1 cargo test --test export_golden` and review the diff.

use std::path::PathBuf;

use basira::export::{self, Filter, FilterSpec, Format};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check_golden(name: &str, actual: &[u8]) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("BASIRA_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected =
        std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    if expected != actual {
        let got = path.with_extension(format!(
            "{}.actual",
            path.extension().and_then(|e| e.to_str()).unwrap_or("")
        ));
        std::fs::write(&got, actual).expect("write actual output");
        panic!(
            "{} differs from the golden file; the output is in {}",
            name,
            got.display()
        );
    }
}

fn sample() -> basira::model::Workspace {
    basira::io::load(&root().join("workspaces/iraq-withdrawal.ron")).expect("the sample loads")
}

#[test]
fn sample_exports_match_their_golden_files() {
    let ws = sample();
    for format in Format::ALL {
        let bytes = export::render(&ws, &Filter::default(), format);
        check_golden(&format!("iraq-withdrawal.{}", format.extension()), &bytes);
    }
}

/// With Arabic headers and headings (`basira export --lang ar`): the words change, the data
/// does not.
#[test]
fn arabic_exports_match_their_golden_files() {
    let ws = sample();
    let arabic = basira::i18n::Locale::ARABIC;
    for format in [Format::Csv, Format::Md] {
        let bytes = export::render_in(&ws, &Filter::default(), format, arabic);
        check_golden(
            &format!("iraq-withdrawal.ar.{}", format.extension()),
            &bytes,
        );
        let text = String::from_utf8(bytes).expect("UTF-8");
        for passage in &ws.passages {
            let first_line = passage.anchor.quote.lines().next().unwrap_or_default();
            assert!(text.contains(first_line), "{first_line}");
        }
        if format == Format::Md {
            // The analysis's sentences are Arabic too: no English words of the library's.
            for english in [
                "would rank",
                "share it",
                "would tie",
                "within one",
                "emerging",
            ] {
                assert!(
                    !text.contains(english),
                    "«{english}» in the Arabic Markdown"
                );
            }
            assert!(text.contains("ينفرد"), "a critical change in Arabic");
        }
    }
    let english = export::render(&ws, &Filter::default(), Format::Json);
    let json = export::render_in(&ws, &Filter::default(), Format::Json, arabic);
    assert_eq!(json, english, "JSON has no words of its own");
}

#[test]
fn a_filtered_export_keeps_only_matching_passages() {
    let ws = sample();
    let spec = FilterSpec {
        determinant: Some(ws.determinants[2].id.to_string()),
        ..FilterSpec::default()
    };
    let filter = spec.resolve(&ws).expect("the determinant exists");
    let rows = export::excerpts(&ws, &filter);
    assert!(!rows.is_empty());
    assert!(rows.len() < ws.passages.len());
    let csv = export::render(&ws, &filter, Format::Csv);
    let lines = String::from_utf8(csv)
        .expect("UTF-8")
        .matches("\r\n")
        .count();
    assert!(
        lines > rows.len(),
        "a header and at least one line per excerpt"
    );
}

#[test]
fn the_csv_export_reads_back_with_every_arabic_quote_intact() {
    let ws = sample();
    let csv = export::render(&ws, &Filter::default(), Format::Csv);
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    let quotes: Vec<String> = reader
        .records()
        .map(|r| r.expect("valid CSV")[2].to_owned())
        .collect();
    assert_eq!(quotes.len(), ws.passages.len());
    for passage in &ws.passages {
        assert!(
            quotes.contains(&passage.anchor.quote),
            "missing «{}»",
            passage.anchor.quote
        );
    }
}
