//! Opening workspace files through `basira::io::load`: every way a file can be bad gives an
//! error that names the file and says what is wrong, and nothing panics.

use std::io::ErrorKind;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use basira::file::{self, FormatError};
use basira::io::{self, LoadError};
use basira::model::{
    Anchor, Brief, BriefId, BriefMeta, Colour, Determinant, DeterminantId, Likelihood, Link,
    LinkTarget, Passage, PassageId, Relation, Scenario, ScenarioId, Tag, TagId, Workspace,
};
use chrono::{TimeZone, Utc};
use tempfile::TempDir;

const TEXT: &str = "قال الرئيس Trump إن الانسحاب سيكتمل.\nثم أضاف: «لا تغيير».";

fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("workspaces/iraq-withdrawal.ron")
}

/// A small valid workspace: one brief, a two-level codebook, a determinant, a scenario and a
/// passage that carries a tag and links to both.
fn small() -> Workspace {
    let brief = Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: "تصريح".into(),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: TEXT.into(),
        source: None,
        headings: Vec::new(),
        dismissed_proposals: Vec::new(),
    };
    let actors = Tag {
        id: TagId::new(),
        name: "Actors".into(),
        colour: Colour::nth(0),
        parent: None,
        description: String::new(),
    };
    let us = Tag {
        id: TagId::new(),
        name: "United States".into(),
        colour: Colour::nth(1),
        parent: Some(actors.id),
        description: "الولايات المتحدة".into(),
    };
    let determinant = Determinant {
        id: DeterminantId::new(),
        title: "ISIS threats".into(),
        description: String::new(),
    };
    let scenario = Scenario {
        id: ScenarioId::new(),
        title: "Partnership".into(),
        narrative: String::new(),
        likelihood: Likelihood::Unlikely,
    };
    let passage = Passage {
        id: PassageId::new(),
        brief: brief.id,
        anchor: Anchor::from_range(&brief.text, 4, 10).expect("range inside the text"),
        tags: vec![us.id],
        links: vec![
            Link {
                target: LinkTarget::Determinant(determinant.id),
                relation: Relation::Supports,
            },
            Link {
                target: LinkTarget::Scenario(scenario.id),
                relation: Relation::Indicator,
            },
        ],
        memo: "said «الرئيس»".into(),
        created: Utc
            .with_ymd_and_hms(2025, 10, 1, 9, 0, 0)
            .single()
            .expect("valid time"),
        orphaned: false,
    };
    Workspace {
        title: "small".into(),
        memo: String::new(),
        briefs: vec![brief],
        tags: vec![actors, us],
        determinants: vec![determinant],
        scenarios: vec![scenario],
        passages: vec![passage],
        ..Workspace::default()
    }
}

fn write(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

/// Loads a file that must fail, checking that the message names the file.
fn load_err(path: &Path) -> LoadError {
    let err = match io::load(path) {
        Ok(_) => panic!("{} should not open", path.display()),
        Err(err) => err,
    };
    let name = path.file_name().expect("file name").to_string_lossy();
    assert!(
        err.to_string().contains(&*name),
        "the message should name {name}: {err}"
    );
    err
}

/// Writes `ws` (valid or not) and loads it, expecting the content problems it has.
fn problems_of(ws: &Workspace, name: &str) -> (LoadError, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(&dir, name, file::to_ron(ws));
    let err = load_err(&path);
    assert!(
        matches!(
            &err,
            LoadError::Format {
                problem: FormatError::Invalid(_),
                ..
            }
        ),
        "expected content problems, got {err:?}"
    );
    assert!(!err.problems().is_empty());
    let message = err.to_string();
    (err, message)
}

#[test]
fn a_valid_small_workspace_and_the_sample_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = small();
    let path = write(&dir, "small.ron", file::to_ron(&ws));
    assert_eq!(io::load(&path).expect("valid file"), ws);
    io::load(&sample_path()).expect("the sample opens");
}

#[test]
fn a_file_starting_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = small();
    let path = write(&dir, "bom.ron", format!("\u{feff}{}", file::to_ron(&ws)));
    assert_eq!(io::load(&path).expect("BOM is skipped"), ws);
}

#[test]
fn a_truncated_file_is_a_syntax_error_with_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(sample_path()).expect("sample");
    let half: String = text.chars().take(text.chars().count() / 2).collect();
    let path = write(&dir, "truncated.ron", &half);
    let err = load_err(&path);
    let LoadError::Format {
        problem: FormatError::Syntax { line, col, .. },
        ..
    } = &err
    else {
        panic!("expected a syntax error, got {err:?}");
    };
    let lines = half.lines().count();
    assert!(*line > 1 && *line <= lines + 1, "line {line} of {lines}");
    assert!(*col >= 1, "column {col}");
    let message = err.to_string();
    assert!(
        message.contains(&format!("truncated.ron:{line}:{col}: syntax error")),
        "{message}"
    );
}

#[test]
fn bad_syntax_reports_the_line_where_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = file::to_ron(&small());
    let lines: Vec<&str> = good.lines().collect();
    assert!(
        lines[3].starts_with("    title: "),
        "line 4 is the title: {}",
        lines[3]
    );
    let bad = good.replacen("    title: ", "    title = ", 1);
    let path = write(&dir, "bad-syntax.ron", bad);
    let err = load_err(&path);
    match &err {
        LoadError::Format {
            problem: FormatError::Syntax { line, .. },
            ..
        } => assert_eq!(*line, 4, "{err}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(err.to_string().contains("bad-syntax.ron:4:"), "{err}");
}

#[test]
fn an_unknown_relation_is_a_syntax_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = file::to_ron(&small());
    let bad = good.replacen("relation: Supports", "relation: Perhaps", 1);
    assert_ne!(bad, good);
    let path = write(&dir, "relation.ron", bad);
    let err = load_err(&path);
    assert!(
        matches!(
            &err,
            LoadError::Format {
                problem: FormatError::Syntax { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("Perhaps"), "{err}");
}

#[test]
fn a_misspelt_field_is_refused_rather_than_dropped() {
    // Skipping `pasages` would open the file with no passages, and the next save would lose them.
    let dir = tempfile::tempdir().expect("temp dir");
    let good = file::to_ron(&small());
    for (from, to) in [
        ("    passages: [", "    pasages: ["),
        ("            memo: \"said", "            mem: \"said"),
    ] {
        let bad = good.replacen(from, to, 1);
        assert_ne!(bad, good);
        let path = write(&dir, "misspelt.ron", bad);
        let err = load_err(&path);
        assert!(
            matches!(
                &err,
                LoadError::Format {
                    problem: FormatError::Syntax { .. },
                    ..
                }
            ),
            "{err:?}"
        );
        let field = to
            .trim()
            .trim_end_matches(|c| c != ':')
            .trim_end_matches(':');
        assert!(err.to_string().contains(&format!("`{field}`")), "{err}");
    }
}

#[test]
fn a_passage_with_a_missing_tag_is_refused() {
    let mut ws = small();
    let missing = TagId::new();
    ws.passages[0].tags.push(missing);
    let (err, message) = problems_of(&ws, "missing-tag.ron");
    assert_eq!(err.problems().len(), 1, "{message}");
    assert!(
        message.contains(&format!("its tag {missing} does not exist")),
        "{message}"
    );
    assert!(message.contains("1 problem found"), "{message}");
    // The problem names the passage by its quote, so the analyst can find it.
    assert!(message.contains("«الرئيس»"), "{message}");
}

#[test]
fn a_link_to_a_missing_determinant_is_refused() {
    let mut ws = small();
    let missing = DeterminantId::new();
    ws.passages[0].links[0].target = LinkTarget::Determinant(missing);
    let (_, message) = problems_of(&ws, "missing-determinant.ron");
    assert!(
        message.contains(&format!("determinant {missing}, which does not exist")),
        "{message}"
    );
}

#[test]
fn a_link_to_a_missing_scenario_is_refused() {
    let mut ws = small();
    let missing = ScenarioId::new();
    ws.passages[0].links[1].target = LinkTarget::Scenario(missing);
    let (_, message) = problems_of(&ws, "missing-scenario.ron");
    assert!(
        message.contains(&format!("scenario {missing}, which does not exist")),
        "{message}"
    );
}

#[test]
fn a_passage_whose_brief_is_missing_is_refused() {
    let mut ws = small();
    let missing = BriefId::new();
    ws.passages[0].brief = missing;
    let (_, message) = problems_of(&ws, "missing-brief.ron");
    assert!(
        message.contains(&format!("its brief {missing} does not exist")),
        "{message}"
    );
}

#[test]
fn a_tag_under_a_missing_parent_is_refused() {
    let mut ws = small();
    let missing = TagId::new();
    ws.tags[1].parent = Some(missing);
    let (_, message) = problems_of(&ws, "missing-parent.ron");
    assert!(
        message.contains(&format!("its parent tag {missing} does not exist")),
        "{message}"
    );
}

#[test]
fn tags_whose_parents_form_a_cycle_are_refused() {
    let mut ws = small();
    ws.tags[0].parent = Some(ws.tags[1].id);
    let (_, message) = problems_of(&ws, "cycle.ron");
    assert!(message.contains("its parents form a cycle"), "{message}");
}

#[test]
fn a_malformed_colour_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = file::to_ron(&small());
    let bad = good.replacen("colour: \"#", "colour: \"#zz", 1);
    let path = write(&dir, "colour.ron", bad);
    let err = load_err(&path);
    assert!(
        err.to_string()
            .contains("is not a colour of the form #rrggbb"),
        "{err}"
    );
}

#[test]
fn an_anchor_past_the_end_of_the_text_is_refused() {
    let mut ws = small();
    let len = ws.briefs[0].char_len();
    ws.passages[0].anchor.end = len + 5;
    let (_, message) = problems_of(&ws, "out-of-range.ron");
    assert!(
        message.contains(&format!(
            "runs past the end of the text ({len} code points)"
        )),
        "{message}"
    );
}

#[test]
fn an_empty_or_reversed_anchor_is_refused() {
    let mut ws = small();
    ws.passages[0].anchor.start = 10;
    ws.passages[0].anchor.end = 4;
    let (_, message) = problems_of(&ws, "reversed.ron");
    assert!(message.contains("is empty or reversed"), "{message}");
}

#[test]
fn a_quote_that_does_not_match_the_text_is_refused() {
    let mut ws = small();
    ws.passages[0].anchor.quote = "الوزير".into();
    let (err, message) = problems_of(&ws, "mismatch.ron");
    assert_eq!(err.problems().len(), 1, "{message}");
    assert!(
        message.contains("the quote does not match the text at 4..10"),
        "{message}"
    );
    assert!(
        message.contains("«الوزير»") && message.contains("«الرئيس»"),
        "{message}"
    );
}

#[test]
fn a_duplicate_id_is_refused() {
    let mut ws = small();
    let mut twin = ws.tags[1].clone();
    twin.name = "twin".into();
    ws.tags.push(twin);
    let (_, message) = problems_of(&ws, "duplicate-tag.ron");
    assert!(
        message
            .contains(&format!("tag {} : this id is used twice", ws.tags[1].id).replace(" :", ":")),
        "{message}"
    );

    let mut ws = small();
    let mut copy = ws.passages[0].clone();
    copy.memo = "copy".into();
    ws.passages.push(copy);
    let (_, message) = problems_of(&ws, "duplicate-passage.ron");
    assert!(
        message.contains(&format!(
            "passage {}: this id is used twice",
            ws.passages[0].id
        )),
        "{message}"
    );
}

#[test]
fn a_tag_or_link_given_twice_on_one_passage_is_refused() {
    let mut ws = small();
    let tag = ws.passages[0].tags[0];
    ws.passages[0].tags.push(tag);
    let first = ws.passages[0].links[0];
    ws.passages[0].links.push(Link {
        relation: Relation::Weakens,
        ..first
    });
    let (err, message) = problems_of(&ws, "twice.ron");
    assert_eq!(err.problems().len(), 2, "{message}");
    assert!(
        message.contains(&format!("it carries tag {tag} twice")),
        "{message}"
    );
    assert!(
        message.contains("it links twice to the same determinant or scenario"),
        "{message}"
    );
}

#[test]
fn every_problem_in_a_file_is_listed() {
    let mut ws = small();
    ws.passages[0].tags.push(TagId::new());
    ws.passages[0].brief = BriefId::new();
    ws.tags[1].parent = Some(TagId::new());
    let (err, message) = problems_of(&ws, "many.ron");
    assert_eq!(err.problems().len(), 3, "{message}");
    assert!(message.contains("3 problems found"), "{message}");
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = file::to_ron(&small());
    // A newer version may have fields and shapes this build does not know.
    let newer = good.replacen(
        "version: 4,",
        "version: 99,\n    hypotheses: [(id: 1, text: \"ACH\")],",
        1,
    );
    let path = write(&dir, "from-the-future.ron", newer);
    let err = load_err(&path);
    assert!(
        matches!(
            &err,
            LoadError::Format {
                problem: FormatError::NewerVersion { found: 99 },
                ..
            }
        ),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("newer") && message.contains("99"),
        "{message}"
    );
}

#[test]
fn an_unknown_older_version_or_another_format_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = file::to_ron(&small());
    let path = write(
        &dir,
        "v0.ron",
        good.replacen("version: 4,", "version: 0,", 1),
    );
    let err = load_err(&path);
    assert!(
        matches!(
            &err,
            LoadError::Format {
                problem: FormatError::UnknownVersion(0),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("format version 0 is not known"),
        "{err}"
    );

    let path = write(
        &dir,
        "other.ron",
        good.replacen("basira-workspace", "qualcoder-project", 1),
    );
    let err = load_err(&path);
    assert!(err.to_string().contains("not a Basira workspace"), "{err}");
    assert!(err.to_string().contains("qualcoder-project"), "{err}");
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in [("empty.ron", ""), ("blank.ron", " \n\t\n")] {
        let path = write(&dir, name, content);
        let err = load_err(&path);
        assert!(matches!(err, LoadError::Empty { .. }), "{err:?}");
        assert!(err.to_string().contains("the file is empty"), "{err}");
    }
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("analysis.ron");
    std::fs::create_dir(&folder).expect("make folder");
    let err = load_err(&folder);
    assert!(matches!(err, LoadError::IsFolder { .. }), "{err:?}");
    assert!(err.to_string().contains("it is a folder"), "{err}");
}

#[test]
fn a_missing_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = load_err(&dir.path().join("no-such-analysis.ron"));
    match &err {
        LoadError::Read { error, .. } => assert_eq!(error.kind(), ErrorKind::NotFound),
        other => panic!("expected a read error, got {other:?}"),
    }
    assert!(err.to_string().starts_with("cannot read "), "{err}");
}

#[test]
fn invalid_utf8_is_refused_with_its_offset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = file::to_ron(&small()).into_bytes();
    let offset = 40;
    bytes.insert(offset, 0xff);
    let path = write(&dir, "latin1.ron", &bytes);
    let err = load_err(&path);
    assert!(
        matches!(err, LoadError::NotText { offset: 40, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("not UTF-8 text (invalid byte at offset 40)"),
        "{err}"
    );

    // A multi-byte letter cut in half is caught the same way.
    let text = file::to_ron(&small());
    let arabic = text.find('ق').expect("an Arabic letter");
    let path = write(&dir, "cut.ron", &text.as_bytes()[..=arabic]);
    let err = load_err(&path);
    assert!(
        matches!(err, LoadError::NotText { offset, .. } if offset == arabic),
        "{err:?}"
    );
}

/// Damaged copies of a valid file: cut at many places, bytes changed, lines dropped or doubled.
fn damaged_variants(good: &[u8]) -> Vec<Vec<u8>> {
    let mut variants = Vec::new();
    for cut in (0..good.len()).step_by(37) {
        variants.push(good[..cut].to_vec());
    }
    let replacements = [
        b'(', b')', b'"', b'\\', b',', b':', b'[', b'0', b'9', b' ', b'\n', 0x80, 0xd8,
    ];
    for (i, at) in (0..good.len()).step_by(23).enumerate() {
        let mut bytes = good.to_vec();
        bytes[at] = replacements[i % replacements.len()];
        variants.push(bytes);
    }
    let text = String::from_utf8(good.to_vec()).expect("valid UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    for skip in 0..lines.len() {
        let dropped: Vec<&str> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, l)| *l)
            .collect();
        variants.push(dropped.join("\n").into_bytes());
        let mut doubled = lines.clone();
        doubled.insert(skip, lines[skip]);
        variants.push(doubled.join("\n").into_bytes());
    }
    variants
}

#[test]
fn load_never_panics_on_damaged_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = file::to_ron(&small()).into_bytes();
    let variants = damaged_variants(&good);
    assert!(variants.len() > 100);
    let path = dir.path().join("damaged.ron");
    let mut refused = 0;
    for (i, bytes) in variants.iter().enumerate() {
        std::fs::write(&path, bytes).expect("write variant");
        let result = catch_unwind(AssertUnwindSafe(|| io::load(&path)));
        let Ok(result) = result else {
            panic!(
                "load panicked on variant {i}:\n{}",
                String::from_utf8_lossy(bytes)
            );
        };
        if let Err(err) = result {
            refused += 1;
            assert!(
                err.to_string().contains("damaged.ron"),
                "variant {i}: {err}"
            );
        }
    }
    assert!(
        refused > variants.len() / 2,
        "most damaged files are refused ({refused} of {})",
        variants.len()
    );
}

#[test]
fn load_never_panics_on_a_damaged_sample() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = std::fs::read(sample_path()).expect("sample");
    let path = dir.path().join("sample-damaged.ron");
    // The sample is large: sample the damage more sparsely.
    for (i, bytes) in damaged_variants(&good).iter().enumerate().step_by(11) {
        std::fs::write(&path, bytes).expect("write variant");
        let result = catch_unwind(AssertUnwindSafe(|| io::load(&path)));
        assert!(result.is_ok(), "load panicked on variant {i}");
    }
}
