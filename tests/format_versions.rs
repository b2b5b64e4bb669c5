//! Every format version Basira ever wrote keeps opening; newer ones are refused, not damaged.

use std::path::PathBuf;

use basira::model::{LinkTarget, Relation};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn a_format_1_file_opens_with_everything_in_it() {
    let ws = basira::io::load(&fixture("format-v1.ron")).expect("format 1 opens");
    assert_eq!(ws.briefs.len(), 1);
    assert_eq!(
        ws.briefs[0]
            .meta
            .published
            .map(|d| d.to_string())
            .as_deref(),
        Some("2025-09-25")
    );
    assert_eq!(
        ws.tag_path(ws.passages[0].tags[0]),
        "Actors / United States"
    );
    let passage = &ws.passages[0];
    assert_eq!(passage.anchor.quote, "الرئيس Donald Trump في");
    assert_eq!(passage.memo, "A memo with \"quotes\" and a\nsecond line.");
    assert!(matches!(passage.links[0].target, LinkTarget::Scenario(_)));
    assert_eq!(passage.links[1].relation, Relation::Weakens);
}

#[test]
fn a_file_from_a_newer_basira_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("future.ron");
    let text = std::fs::read_to_string(fixture("format-v1.ron"))
        .expect("fixture")
        .replace("version: 1,", "version: 2,\n    future_field: [1, 2, 3],");
    std::fs::write(&path, &text).expect("write");
    let err = basira::io::load(&path).expect_err("newer files are refused");
    let message = err.to_string();
    assert!(
        message.contains("future.ron") && message.contains("newer Basira"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "the file is untouched"
    );
}
