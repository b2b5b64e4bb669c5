//! The bundled sample workspace, `workspaces/iraq-withdrawal.ron`: it opens, it is built on the
//! verbatim seed brief, every passage fits the text, and the file is in canonical form.

use std::collections::HashSet;
use std::path::PathBuf;

use basira::file;
use basira::io;
use basira::model::{Anchor, Brief, LinkTarget, Workspace};
use chrono::NaiveDate;
use serde::Deserialize;

const SEED_TEXT: &str = "seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt";
const SEED_META: &str = "seeds/us-withdrawal-from-iraq-2025-09-25.ar.meta.ron";
const SAMPLE: &str = "workspaces/iraq-withdrawal.ron";

fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn sample() -> Workspace {
    io::load(&repo_path(SAMPLE)).unwrap_or_else(|e| panic!("the sample workspace should open: {e}"))
}

fn the_brief(ws: &Workspace) -> &Brief {
    assert_eq!(
        ws.briefs.len(),
        1,
        "the sample holds exactly the seed brief"
    );
    &ws.briefs[0]
}

/// The seed's metadata file, `*.meta.ron`.
#[derive(Debug, Deserialize)]
struct SeedMeta {
    title: String,
    published: String,
    language: String,
    publisher: String,
    url: String,
}

/// The code points `start..end` of `text`, computed without the library's helpers.
fn chars_at(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[test]
fn sample_opens_without_problems() {
    let ws = sample();
    assert!(!ws.title.trim().is_empty(), "the sample has a title");
    assert!(
        !ws.memo.trim().is_empty(),
        "the sample has a workspace memo"
    );
}

#[test]
fn seed_file_is_stored_normalised() {
    let bytes = std::fs::read(repo_path(SEED_TEXT)).expect("seed brief");
    let text = String::from_utf8(bytes).expect("seed brief is UTF-8");
    assert!(!text.starts_with('\u{feff}'), "no byte-order mark");
    assert!(!text.contains('\r'), "LF line ends only");
    assert_eq!(
        io::normalise_text(&text),
        text,
        "the seed is already NFC with LF line ends"
    );
}

#[test]
fn embedded_brief_is_the_seed_byte_for_byte() {
    let ws = sample();
    let brief = the_brief(&ws);
    let seed = std::fs::read(repo_path(SEED_TEXT)).expect("seed brief");
    assert!(
        brief.text.as_bytes() == seed.as_slice(),
        "the workspace's copy of the brief differs from {SEED_TEXT}"
    );
}

#[test]
fn embedded_brief_metadata_matches_the_seed_metadata() {
    let ws = sample();
    let brief = the_brief(&ws);
    let meta_text = std::fs::read_to_string(repo_path(SEED_META)).expect("seed metadata");
    let meta: SeedMeta = ron::from_str(&meta_text).expect("seed metadata is valid RON");
    assert_eq!(brief.meta.title, meta.title);
    assert_eq!(brief.meta.language, meta.language);
    assert_eq!(brief.meta.publisher, meta.publisher);
    assert_eq!(brief.meta.url, meta.url);
    let published = NaiveDate::parse_from_str(&meta.published, "%Y-%m-%d").expect("a date");
    assert_eq!(brief.meta.published, Some(published));
    assert_eq!(
        published,
        NaiveDate::from_ymd_opt(2025, 9, 25).expect("valid date")
    );
    assert_eq!(meta.language, "ar");
}

#[test]
fn sample_has_the_briefs_four_determinants_and_three_scenarios() {
    let ws = sample();
    assert_eq!(ws.determinants.len(), 4);
    assert_eq!(ws.scenarios.len(), 3);
    // The determinants in the brief's order, each named with the brief's Arabic words.
    let arabic = [
        "تهديدات داعش",
        "الحشد الشعبي",
        "النفوذ الإيراني",
        "التصعيد الإقليمي",
    ];
    for (determinant, words) in ws.determinants.iter().zip(arabic) {
        assert!(
            determinant.title.contains(words),
            "«{}» should name «{words}»",
            determinant.title
        );
        assert!(
            !determinant.description.trim().is_empty(),
            "«{}» has a description",
            determinant.title
        );
    }
    for scenario in &ws.scenarios {
        assert!(
            !scenario.narrative.trim().is_empty(),
            "«{}» has a narrative",
            scenario.title
        );
    }
    assert!(
        ws.scenarios[1].title.contains("NATO"),
        "the second scenario is the NATO one"
    );
}

#[test]
fn scenarios_carry_a_judged_likelihood() {
    let ws = sample();
    for scenario in &ws.scenarios {
        assert_ne!(
            scenario.likelihood,
            basira::model::Likelihood::Unassessed,
            "«{}» should have a judged likelihood",
            scenario.title
        );
    }
}

#[test]
fn sample_has_enough_passages_spread_over_the_whole_brief() {
    let ws = sample();
    let brief = the_brief(&ws);
    assert!(
        ws.passages.len() >= 15,
        "only {} passages",
        ws.passages.len()
    );
    // Each section of the brief, from its heading to the next one, has at least one passage.
    let headings = [
        "دوافع الانسحاب الأمريكي",
        "محدِّدات مؤثِّرة في مستقبل العلاقات",
        "2. وضع الحشد الشعبي",
        "3. النفوذ الإيراني",
        "4. التصعيد الإقليمي",
        "السيناريو الأول",
        "السيناريو الثاني",
        "السيناريو الثالث",
        "الخُلاصة",
    ];
    let mut bounds = vec![0];
    for heading in headings {
        let byte = brief
            .text
            .find(heading)
            .unwrap_or_else(|| panic!("heading «{heading}» in the seed"));
        bounds.push(brief.text[..byte].chars().count());
    }
    bounds.push(brief.char_len());
    for pair in bounds.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        assert!(
            ws.passages
                .iter()
                .any(|p| p.anchor.start >= from && p.anchor.end <= to),
            "no passage in the section {from}..{to} («{}…»)",
            chars_at(&brief.text, from, from + 30)
        );
    }
}

#[test]
fn every_anchor_fits_the_brief_text() {
    let ws = sample();
    let brief = the_brief(&ws);
    for p in &ws.passages {
        assert_eq!(p.brief, brief.id);
        assert_eq!(p.anchor.verify(&brief.text), Ok(()), "passage {}", p.id);
        let at_range = chars_at(&brief.text, p.anchor.start, p.anchor.end);
        assert_eq!(p.anchor.quote, at_range, "passage {}", p.id);
        // The context is what lies around the quote, as a fresh anchor would store it.
        let fresh =
            Anchor::from_range(&brief.text, p.anchor.start, p.anchor.end).expect("range fits");
        assert_eq!(p.anchor, fresh, "passage {}", p.id);
        // Passages are clauses or sentences, not stray whitespace.
        assert_eq!(
            p.anchor.quote.trim(),
            p.anchor.quote,
            "passage {} has untrimmed edges",
            p.id
        );
        assert!(
            p.anchor.quote.chars().count() >= 20,
            "passage {} is too short",
            p.id
        );
    }
}

#[test]
fn passages_do_not_repeat_or_overlap() {
    let ws = sample();
    let brief = the_brief(&ws);
    let passages = ws.passages_of(brief.id);
    for pair in passages.windows(2) {
        assert!(
            pair[0].anchor.end <= pair[1].anchor.start,
            "passages {} and {} overlap",
            pair[0].id,
            pair[1].id
        );
    }
}

#[test]
fn every_passage_is_tagged_sensibly() {
    let ws = sample();
    for p in &ws.passages {
        assert!(
            (1..=3).contains(&p.tags.len()),
            "passage {} has {} tags",
            p.id,
            p.tags.len()
        );
        for tag in &p.tags {
            assert!(
                ws.tag(*tag).is_some(),
                "passage {} carries unknown tag {tag}",
                p.id
            );
        }
    }
    let linked = ws.passages.iter().filter(|p| !p.links.is_empty()).count();
    assert!(
        linked * 4 >= ws.passages.len() * 3,
        "most passages are linked ({linked} of {})",
        ws.passages.len()
    );
    let memos = ws
        .passages
        .iter()
        .filter(|p| !p.memo.trim().is_empty())
        .count();
    assert!(memos >= 3, "a few passages carry a memo ({memos})");
}

#[test]
fn codebook_is_a_tree_with_distinct_colours_among_siblings() {
    let ws = sample();
    let names: HashSet<&str> = ws.tags.iter().map(|t| t.name.as_str()).collect();
    for expected in [
        "Actors",
        "Motives",
        "Threats",
        "Evidence type",
        "United States",
        "Iran",
        "ISIS",
    ] {
        assert!(names.contains(expected), "the codebook has «{expected}»");
    }
    assert_eq!(names.len(), ws.tags.len(), "tag names are unique");
    for tag in &ws.tags {
        if let Some(parent) = tag.parent {
            assert!(
                ws.tag(parent).is_some_and(|p| p.parent.is_none()),
                "«{}» hangs under a top-level tag",
                tag.name
            );
        }
        let siblings: Vec<_> = ws
            .tags
            .iter()
            .filter(|t| t.parent == tag.parent && t.id != tag.id)
            .collect();
        assert!(
            siblings.iter().all(|s| s.colour != tag.colour),
            "«{}» shares its colour with a sibling",
            tag.name
        );
    }
    // On one passage, colours tell its tags apart.
    for p in &ws.passages {
        let colours: HashSet<_> = p
            .tags
            .iter()
            .filter_map(|t| ws.tag(*t))
            .map(|t| t.colour)
            .collect();
        assert_eq!(
            colours.len(),
            p.tags.len(),
            "passage {} has two tags of one colour",
            p.id
        );
    }
    let top_level = ws.tags.iter().filter(|t| t.parent.is_none()).count();
    assert!(
        top_level >= 3 && top_level < ws.tags.len(),
        "a hierarchy, not a flat list"
    );
}

#[test]
fn every_determinant_and_scenario_has_evidence() {
    let ws = sample();
    let targets: HashSet<LinkTarget> = ws
        .passages
        .iter()
        .flat_map(|p| p.links.iter().map(|l| l.target))
        .collect();
    for d in &ws.determinants {
        assert!(
            targets.contains(&LinkTarget::Determinant(d.id)),
            "no passage bears on «{}»",
            d.title
        );
    }
    for s in &ws.scenarios {
        assert!(
            targets.contains(&LinkTarget::Scenario(s.id)),
            "no passage bears on «{}»",
            s.title
        );
    }
}

#[test]
fn the_sample_brief_keeps_the_seed_file_it_came_from() {
    let ws = sample();
    let source = the_brief(&ws)
        .source
        .as_ref()
        .expect("the brief records its source");
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(&source.file_name);
    let bytes = std::fs::read(&seed).expect("the seed named by the source exists");
    assert_eq!(source.sha256, basira::io::sha256_hex(&bytes));
    assert_eq!(source.format, basira::model::SourceFormat::Text);
}

#[test]
fn sample_file_is_in_canonical_form() {
    let ws = sample();
    let on_disk = std::fs::read_to_string(repo_path(SAMPLE)).expect("sample file");
    let written = file::to_ron(&ws);
    assert!(
        written == on_disk,
        "{SAMPLE} is not what Basira would write; regenerate it with file::to_ron"
    );
    // Arabic reads as Arabic in an editor: no escaped harakat, the quotes appear verbatim.
    assert!(on_disk.contains("شكَّل إعلان الولايات المتحدة"));
    assert!(!on_disk.contains("\\u{64"), "harakat should not be escaped");
}

#[test]
fn sample_weighs_its_evidence_as_a_careful_analyst_would() {
    use basira::analysis::{Board, Options};
    use basira::model::{Consistency, MemoTarget, Relation, SignpostStatus};
    let ws = sample();
    let brief = the_brief(&ws).id;
    let a = &ws.assessment;
    assert_eq!(
        a.grade(brief).badge().as_deref(),
        Some("C3"),
        "the brief is graded"
    );
    // Every determinant × scenario cell is filled in, each with a judgement or a note.
    assert_eq!(
        a.judgements.len(),
        ws.determinants.len() * ws.scenarios.len()
    );
    assert!(
        a.judgements
            .values()
            .any(|j| j.judgement.is_none() && !j.note.is_empty())
    );
    assert!(a.judgements.values().filter(|j| !j.note.is_empty()).count() >= 8);
    // Ratings are set only where they differ from what the link implies.
    assert!(!a.ratings.is_empty());
    for ((passage, scenario), rating) in &a.ratings {
        let p = ws.passage(*passage).expect("rated passage");
        let implied = p
            .links
            .iter()
            .find(|l| l.target == LinkTarget::Scenario(*scenario))
            .and_then(|l| Consistency::from_relation(l.relation));
        assert_ne!(Some(*rating), implied, "a rating that changes nothing");
    }
    // A few signposts are assessed, on indicator links.
    assert!(a.signposts.len() >= 2);
    for ((passage, scenario), signpost) in &a.signposts {
        let p = ws.passage(*passage).expect("signpost passage");
        assert!(
            p.links
                .iter()
                .any(|l| l.target == LinkTarget::Scenario(*scenario)
                    && l.relation == Relation::Indicator)
        );
        assert_ne!(signpost.status, SignpostStatus::NotSeen);
        assert!(signpost.assessed.is_some());
    }
    assert!(!ws.memos.get(MemoTarget::Brief(brief)).is_empty());
    assert!(ws.memos.0.len() >= 4, "memos on more than passages");
    // What the analysis makes of it: the partnership is the most inconsistent scenario, as
    // the sample analyst judged it unlikely.
    let board = Board::compute(&ws, &Options::default());
    let partnership = board
        .ach
        .scenarios
        .iter()
        .find(|s| {
            ws.scenario(s.scenario)
                .is_some_and(|x| x.title.starts_with("Expanded"))
        })
        .expect("the partnership scenario");
    assert_eq!(partnership.rank, ws.scenarios.len());
    assert!(!board.sensitivity.critical.is_empty());
}
