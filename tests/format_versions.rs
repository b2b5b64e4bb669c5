//! Every format version Basira ever wrote keeps opening (older ones through a migration);
//! newer ones are refused, not damaged.

use std::path::PathBuf;

use basira::file;
use basira::model::{
    Consistency, Credibility, Heading, Judgement, LinkTarget, MemoTarget, Relation, Relevance,
    SignpostStatus, SourceFormat, TextDirection,
};

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
    assert_eq!(
        ws.briefs[0].meta.direction,
        TextDirection::Auto,
        "format 1 had no direction: every brief reads it from its text"
    );
}

#[test]
fn a_format_2_file_opens_with_its_briefs_direction() {
    let ws = basira::io::load(&fixture("format-v2.ron")).expect("format 2 opens");
    assert_eq!(ws.briefs[0].meta.direction, TextDirection::Ltr);
    assert_eq!(ws.briefs[0].meta.language, "ar");
    assert_eq!(ws.passages[0].anchor.quote, "الرئيس Donald Trump في");
    // Saved again, it is the same file in the current format: only the version and the (empty)
    // author are new.
    let text = std::fs::read_to_string(fixture("format-v2.ron")).expect("fixture");
    let as_v3 = text.replace("    version: 2,", "    version: 4,").replace(
        "            title: \"تقدير موقف قصير\",\n",
        "            title: \"تقدير موقف قصير\",\n            author: \"\",\n",
    );
    assert_eq!(file::to_ron(&ws), as_v3);
}

#[test]
fn a_format_3_file_opens_with_its_briefs_source_headings_and_orphans() {
    let ws = basira::io::load(&fixture("format-v3.ron")).expect("format 3 opens");
    let brief = &ws.briefs[0];
    assert_eq!(brief.meta.author, "وحدة الدراسات");
    let source = brief.source.as_ref().expect("a source");
    assert_eq!(
        (source.file_name.as_str(), source.format),
        ("تقدير.docx", SourceFormat::Docx)
    );
    assert_eq!(source.imported.to_rfc3339(), "2025-10-01T08:30:00+00:00");
    assert_eq!(
        brief.headings,
        vec![Heading {
            start: 0,
            end: 4,
            level: 2
        }]
    );
    assert_eq!(brief.dismissed_proposals, vec!["scenario:9f3b".to_owned()]);
    assert_eq!(
        ws.passages.iter().map(|p| p.orphaned).collect::<Vec<_>>(),
        vec![false, true],
        "an orphan opens although its anchor no longer fits the text"
    );
    let text = std::fs::read_to_string(fixture("format-v3.ron")).expect("fixture");
    assert_eq!(
        file::to_ron(&ws),
        text.replace("    version: 3,", "    version: 4,"),
        "saved again, only the version changes: nothing of format 4 is set"
    );
    assert!(ws.assessment.is_empty() && ws.memos.0.is_empty());
}

#[test]
fn a_format_4_file_opens_with_its_grades_judgements_ratings_weights_signposts_and_memos() {
    let ws = basira::io::load(&fixture("format-v4.ron")).expect("format 4 opens");
    let brief = ws.briefs[0].id;
    let passage = ws.passages[0].id;
    let (determinant, scenario) = (ws.determinants[0].id, ws.scenarios[0].id);
    let a = &ws.assessment;
    assert_eq!(a.grade(brief).badge().as_deref(), Some("B2"));
    assert_eq!(
        a.passage_credibility(passage, brief),
        Some(Credibility::CannotBeJudged),
        "the passage's own credibility overrides its brief's"
    );
    assert_eq!(
        a.relevance.get(&(passage, LinkTarget::Scenario(scenario))),
        Some(&Relevance::High)
    );
    let cell = &a.judgements[&(determinant, scenario)];
    assert_eq!(cell.judgement, Some(Judgement::StronglyAgainst));
    assert_eq!(cell.note, "التصعيد يقوّض الشراكة");
    assert_eq!(
        a.ratings.get(&(passage, scenario)),
        Some(&Consistency::VeryInconsistent)
    );
    assert_eq!(a.weights.relevance.map(|w| w.0), [50, 100, 200]);
    assert_eq!(a.weights.reliability[0].0, 150);
    let signpost = a.signposts[&(passage, scenario)];
    assert_eq!(signpost.status, SignpostStatus::Observed);
    assert_eq!(
        signpost.assessed.map(|d| d.to_string()).as_deref(),
        Some("2025-10-02")
    );
    assert_eq!(ws.memos.get(MemoTarget::Brief(brief)), "مذكرة على التقدير");
    assert_eq!(
        ws.memos.get(MemoTarget::Scenario(scenario)),
        "Least likely so far."
    );
    assert_eq!(ws.memos.0.len(), 4);
    let text = std::fs::read_to_string(fixture("format-v4.ron")).expect("fixture");
    assert_eq!(file::to_ron(&ws), text, "the fixture is in canonical form");
    assert_eq!(file::parse_with_ron(&text), Ok(ws), "ron reads it alike");
}

#[test]
fn format_4_references_to_nothing_are_refused_and_listed() {
    let text = std::fs::read_to_string(fixture("format-v4.ron")).expect("fixture");
    let scenario = "7c6b5a49-3827-4165-9483-7261504f3e01";
    let unknown = "00000000-0000-4000-8000-000000000001";
    // Only the judgement names an unknown scenario.
    let bad = text.replacen(
        &format!("            scenario: \"{scenario}\",\n            judgement"),
        &format!("            scenario: \"{unknown}\",\n            judgement"),
        1,
    );
    assert_ne!(bad, text);
    let bad = bad
        .replace("credibility: Some(2)", "credibility: Some(7)")
        .replace("            150,\n", "            150,\n            1,\n");
    let Err(file::FormatError::Invalid(problems)) = file::parse(&bad) else {
        panic!("refused");
    };
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(listed.len(), 3, "{listed:#?}");
    assert!(
        listed.iter().any(|p| p.contains("judgement")
            && p.contains(&format!("scenario {unknown} does not exist"))),
        "{listed:#?}"
    );
    assert!(
        listed
            .iter()
            .any(|p| p.contains("credibility 7 is not 1 to 6"))
    );
    assert!(listed.iter().any(|p| p.contains("7 reliability weights")));
}

#[test]
fn a_format_1_file_saved_is_written_in_the_current_format_and_reopens_equal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = basira::io::load(&fixture("format-v1.ron")).expect("format 1 opens");
    let path = dir.path().join("saved.ron");
    basira::io::save(&path, &old).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("    version: 4,\n"), "{text}");
    assert!(text.contains("            direction: Auto,\n"), "{text}");
    assert_eq!(basira::io::load(&path).expect("reopens"), old);

    // The same content as the format 2 fixture but for its direction and title.
    let v2 = basira::io::load(&fixture("format-v2.ron")).expect("format 2 opens");
    assert_eq!(v2.briefs[0].text, old.briefs[0].text);
    assert_eq!(v2.passages, old.passages);
}

#[test]
fn a_file_from_a_newer_basira_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("future.ron");
    let text = std::fs::read_to_string(fixture("format-v1.ron"))
        .expect("fixture")
        .replace("version: 1,", "version: 5,\n    future_field: [1, 2, 3],");
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
