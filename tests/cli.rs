//! The command line, run as the real `basira` binary.

use std::path::Path;
use std::process::{Command, Output};

use basira::edit::{self, Edit};
use basira::model::{
    Brief, BriefId, BriefMeta, Colour, Determinant, DeterminantId, Link, LinkTarget, Relation,
    Scenario, ScenarioId, Tag, TagId, Workspace,
};
use chrono::{NaiveDate, TimeZone, Utc};

fn basira(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .output()
        .expect("the basira binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A workspace with one Arabic brief, two tags, a determinant, a scenario and two passages.
fn workspace() -> Workspace {
    let mut ws = Workspace {
        title: "Test".into(),
        ..Workspace::default()
    };
    let brief = Brief {
        id: BriefId::new(),
        meta: BriefMeta {
            title: "تقدير موقف".into(),
            publisher: "Centre".into(),
            url: String::new(),
            published: NaiveDate::from_ymd_opt(2025, 9, 25),
            language: "ar".into(),
            ..BriefMeta::default()
        },
        text: "أعلن الرئيس Donald Trump في 15 سبتمبر 2025 أن الانسحاب سيكتمل.\nقال \"مسؤول\", إن داعش تهديد.".into(), source: None, headings: Vec::new(), dismissed_proposals: Vec::new(),
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
        description: String::new(),
    };
    let isis = Determinant {
        id: DeterminantId::new(),
        title: "ISIS threats".into(),
        description: String::new(),
    };
    let partnership = Scenario {
        id: ScenarioId::new(),
        title: "Strategic partnership".into(),
        narrative: String::new(),
        likelihood: Default::default(),
    };
    let created = Utc
        .with_ymd_and_hms(2025, 10, 1, 9, 0, 0)
        .single()
        .expect("valid time");
    let mut first = edit::new_passage(&brief, 5, 27, created).expect("range fits");
    first.tags = vec![us.id];
    first.links = vec![Link {
        target: LinkTarget::Scenario(partnership.id),
        relation: Relation::Indicator,
    }];
    let mut second = edit::new_passage(&brief, 63, 90, created).expect("range fits");
    second.memo = "A \"quoted\", memo".into();
    second.links = vec![Link {
        target: LinkTarget::Determinant(isis.id),
        relation: Relation::Supports,
    }];
    for e in [
        Edit::InsertBrief { index: 0, brief },
        Edit::InsertTag {
            index: 0,
            tag: actors,
        },
        Edit::InsertTag { index: 1, tag: us },
        Edit::InsertDeterminant {
            index: 0,
            determinant: isis,
        },
        Edit::InsertScenario {
            index: 0,
            scenario: partnership,
        },
        Edit::InsertPassage {
            index: 0,
            passage: first,
        },
        Edit::InsertPassage {
            index: 1,
            passage: second,
        },
    ] {
        edit::apply(&mut ws, e).expect("edit fits");
    }
    ws
}

fn saved(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("ws.ron");
    basira::io::save(&path, &workspace()).expect("save");
    path
}

#[test]
fn help_documents_every_subcommand() {
    let out = basira(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for word in ["export", "import", "check", "structure"] {
        assert!(help.contains(word), "help lacks {word}:\n{help}");
    }
    let export_help = text(&basira(&["export", "--help"]).stdout);
    for flag in [
        "--format",
        "--out",
        "--brief",
        "--tag",
        "--determinant",
        "--scenario",
    ] {
        assert!(export_help.contains(flag), "export help lacks {flag}");
    }
}

#[test]
fn csv_export_has_bom_quoting_and_one_row_per_passage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path());
    let out = dir.path().join("out.csv");
    let run = basira(&[
        "export",
        ws.to_str().expect("utf-8 path"),
        "--format",
        "csv",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let bytes = std::fs::read(&out).expect("export written");
    assert!(
        bytes.starts_with(&[0xef, 0xbb, 0xbf]),
        "CSV starts with a UTF-8 BOM"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid CSV")).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][2], "الرئيس Donald Trump في");
    assert_eq!(&rows[0][3], "Actors / United States");
    assert_eq!(&rows[0][5], "Strategic partnership (indicator)");
    assert_eq!(&rows[1][6], "A \"quoted\", memo");
    assert!(text(&bytes).contains("\r\n"), "RFC 4180 line ends");
}

#[test]
fn export_filters_by_tag_determinant_and_scenario() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path());
    let ws = ws.to_str().expect("utf-8 path");
    let count = |extra: &[&str]| {
        let mut args = vec!["export", ws, "--format", "json", "--out", "-"];
        args.extend_from_slice(extra);
        let out = basira(&args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        json["excerpts"].as_array().expect("excerpts array").len()
    };
    assert_eq!(count(&[]), 2);
    assert_eq!(
        count(&["--tag", "Actors"]),
        1,
        "a parent tag matches its children"
    );
    assert_eq!(count(&["--determinant", "isis"]), 1);
    assert_eq!(
        count(&["--scenario", "partnership", "--tag", "united states"]),
        1
    );
    assert_eq!(count(&["--brief", "تقدير"]), 2);
    let bad = basira(&[
        "export", ws, "--format", "json", "--out", "-", "--tag", "Nothing",
    ]);
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("no tag is called"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn markdown_export_groups_by_determinant_and_scenario() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path());
    let out = basira(&[
        "export",
        ws.to_str().expect("utf-8 path"),
        "--format",
        "md",
        "--out",
        "-",
    ]);
    let md = text(&out.stdout);
    let det = md.find("### ISIS threats").expect("determinant heading");
    let scen = md
        .find("### Strategic partnership")
        .expect("scenario heading");
    assert!(det < scen);
    assert!(
        md[det..scen].contains("> قال \"مسؤول\", إن داعش تهديد."),
        "{md}"
    );
    assert!(md[scen..].contains("**indicator**"));
}

#[test]
fn export_lang_ar_writes_arabic_headers_and_headings_around_the_same_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path());
    let ws = ws.to_str().expect("utf-8 path");
    let export = |format: &str, lang: &str| {
        let out = basira(&[
            "export", ws, "--format", format, "--out", "-", "--lang", lang,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let csv = export("csv", "ar");
    assert!(
        csv.starts_with("\u{feff}الورقة,تاريخ الورقة,الاقتباس,"),
        "{csv}"
    );
    assert!(csv.contains("قال \"\"مسؤول\"\", إن داعش تهديد."), "{csv}");
    let md = export("md", "ar");
    assert!(
        md.contains("## حسب المحدِّد") && md.contains("**مؤشِّر**"),
        "{md}"
    );
    assert!(
        md.contains("### ISIS threats"),
        "the titles are the analyst's: {md}"
    );
    assert!(export("md", "en").contains("## By determinant"));
    let bad = basira(&["export", ws, "--format", "md", "--out", "-", "--lang", "fr"]);
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("use en or ar"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn import_creates_a_workspace_and_check_accepts_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let brief = dir.path().join("brief.txt");
    std::fs::write(&brief, b"\xef\xbb\xbfTitle line\r\nSecond line\r\n").expect("write brief");
    let ws = dir.path().join("new.ron");
    let run = basira(&[
        "import",
        ws.to_str().expect("utf-8 path"),
        brief.to_str().expect("utf-8 path"),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let loaded = basira::io::load(&ws).expect("the new workspace loads");
    assert_eq!(loaded.briefs.len(), 1);
    assert_eq!(loaded.briefs[0].text, "Title line\nSecond line\n");
    assert_eq!(loaded.briefs[0].meta.title, "Title line");
    let check = basira(&["check", ws.to_str().expect("utf-8 path")]);
    assert!(check.status.success());
    assert!(text(&check.stdout).contains("1 briefs"));
}

#[test]
fn import_of_a_bad_file_names_it_and_leaves_the_workspace_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path());
    let before = std::fs::read(&ws).expect("read");
    let good = dir.path().join("good.md");
    std::fs::write(&good, "# Heading\ntext").expect("write");
    let bad = dir.path().join("binary.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let run = basira(&[
        "import",
        ws.to_str().expect("utf-8 path"),
        good.to_str().expect("utf-8 path"),
        bad.to_str().expect("utf-8 path"),
    ]);
    assert!(!run.status.success());
    let err = text(&run.stderr);
    assert!(
        err.contains("binary.txt") && err.contains("not a format Basira imports"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&ws).expect("read"),
        before,
        "workspace unchanged"
    );
}

#[test]
fn check_reports_every_problem_with_a_failing_exit_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = saved(dir.path());
    let original = std::fs::read_to_string(&ws).expect("read");
    // Break two things: a quote and an anchor's end.
    let broken = original
        .replacen(
            "quote: \"الرئيس Donald Trump في\"",
            "quote: \"الرئيس Joe Biden في\"",
            1,
        )
        .replacen("end: 90,", "end: 9100,", 1);
    assert_ne!(broken, original);
    std::fs::write(&ws, broken).expect("write");
    let run = basira(&["check", ws.to_str().expect("utf-8 path")]);
    assert_eq!(run.status.code(), Some(1));
    let err = text(&run.stderr);
    assert!(err.contains("ws.ron"), "{err}");
    assert!(err.contains("2 problems"), "{err}");
    assert!(err.contains("Joe Biden") && err.contains("9100"), "{err}");
}

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/iraq-withdrawal.ron")
}

#[test]
fn structure_shows_the_seeds_determinants_scenarios_and_notes_from_a_pdf() {
    let pdf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/pdf/ar-reportlab.pdf");
    let run = basira(&["structure", pdf.to_str().expect("utf-8 path")]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let out = text(&run.stdout);
    for line in [
        "proposed determinants: 4",
        "  «تهديدات داعش» [",
        "proposed scenarios: 3",
        "  «استمرار العلاقة المرتبكة للمزيد من السنوات» [",
        "footnotes: 3 linked",
        "    الخلاصة [",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
}

#[test]
fn structure_of_a_workspace_brief_says_what_the_workspace_already_holds() {
    let run = basira(&[
        "structure",
        sample().to_str().expect("utf-8 path"),
        "--brief",
        "الانسحاب",
        "--json",
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let determinants = report["determinants"].as_array().expect("a list");
    assert_eq!(determinants.len(), 4);
    assert_eq!(
        determinants[2]["in_workspace"],
        "like «Iranian influence — النفوذ الإيراني»"
    );
    assert_eq!(report["scenarios"].as_array().map(Vec::len), Some(3));
    assert_eq!(report["footnotes"]["linked"], 3);

    let missing = basira(&[
        "structure",
        sample().to_str().expect("utf-8 path"),
        "--brief",
        "Gaza",
    ]);
    assert!(!missing.status.success());
    assert!(
        text(&missing.stderr).contains("«Gaza»"),
        "{}",
        text(&missing.stderr)
    );
}

#[test]
fn structure_accept_makes_the_proposals_in_the_workspace_and_a_bad_key_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws_path = dir.path().join("sample.ron");
    std::fs::copy(sample(), &ws_path).expect("copy the sample");
    let ws_arg = ws_path.to_str().expect("utf-8 path");
    let before = basira::io::load(&ws_path).expect("loads");
    let bytes = std::fs::read(&ws_path).expect("read");

    let report = basira(&["structure", ws_arg, "--brief", "الانسحاب", "--json"]);
    assert!(report.status.success(), "{}", text(&report.stderr));
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    let key = report["scenarios"][0]["key"]
        .as_str()
        .expect("a key")
        .to_owned();

    let bad = basira(&[
        "structure",
        ws_arg,
        "--accept",
        &key,
        "--accept",
        "scenario:0",
    ]);
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("scenario:0"),
        "{}",
        text(&bad.stderr)
    );
    assert_eq!(std::fs::read(&ws_path).expect("read"), bytes);

    let run = basira(&["structure", ws_arg, "--brief", "الانسحاب", "--accept", &key]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        text(&run.stderr).contains("accepted 1 proposal"),
        "{}",
        text(&run.stderr)
    );
    let after = basira::io::load(&ws_path).expect("loads");
    assert_eq!(after.scenarios.len(), before.scenarios.len() + 1);
    let made = after.scenarios.last().expect("a scenario");
    let linked: Vec<_> = after
        .passages
        .iter()
        .filter(|p| {
            p.links
                .iter()
                .any(|l| l.target == LinkTarget::Scenario(made.id))
        })
        .collect();
    assert_eq!(linked.len(), 1);

    // Accepted once, it is not made again; `all` takes only what the workspace lacks (in the
    // sample every other proposal is named like an item the analyst made).
    let written = std::fs::read(&ws_path).expect("read");
    for keys in [key.as_str(), "all"] {
        let again = basira(&["structure", ws_arg, "--brief", "الانسحاب", "--accept", keys]);
        assert!(again.status.success(), "{}", text(&again.stderr));
        assert!(
            text(&again.stderr).contains("no proposal to accept"),
            "{}",
            text(&again.stderr)
        );
        assert_eq!(std::fs::read(&ws_path).expect("read"), written);
    }
}

#[test]
fn a_new_version_of_a_brief_keeps_every_passage_and_a_bad_one_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws_path = dir.path().join("sample.ron");
    std::fs::copy(sample(), &ws_path).expect("copy the sample");
    let before = basira::io::load(&ws_path).expect("loads");
    let old_text = before.briefs[0].text.clone();
    // The publisher reworded one phrase and put a paragraph in front.
    let newer = format!(
        "تنويه: نسخة منقحة.\n\n{}",
        old_text.replacen("حرب داعش", "الحرب على داعش", 1)
    );
    let file = dir.path().join("v2.txt");
    std::fs::write(&file, &newer).expect("write");
    let ws_arg = ws_path.to_str().expect("utf-8 path");
    let file_arg = file.to_str().expect("utf-8 path");

    let run = basira(&["import", ws_arg, file_arg, "--new-version-of", "الانسحاب"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        text(&run.stderr).contains("34 passages"),
        "{}",
        text(&run.stderr)
    );
    let after = basira::io::load(&ws_path).expect("the new version loads");
    assert_eq!(after.briefs.len(), 1, "replaced, not added");
    assert_eq!(after.briefs[0].id, before.briefs[0].id);
    assert_eq!(after.briefs[0].text, newer);
    assert_eq!(after.passages.len(), before.passages.len());
    for (old, new) in before.passages.iter().zip(&after.passages) {
        assert_eq!(old.id, new.id);
        assert!(!new.orphaned, "{:?} orphaned", new.anchor.quote);
        assert_eq!(new.anchor.quote, old.anchor.quote);
        assert_eq!(old.links, new.links);
    }
    assert!(basira(&["check", ws_arg]).status.success());

    // Two files, an unknown brief or a file that cannot be read: an error, nothing written.
    let saved = std::fs::read(&ws_path).expect("read");
    for args in [
        vec![
            "import",
            ws_arg,
            file_arg,
            file_arg,
            "--new-version-of",
            "الانسحاب",
        ],
        vec!["import", ws_arg, file_arg, "--new-version-of", "Gaza"],
        vec![
            "import",
            ws_arg,
            "/no/such/file.pdf",
            "--new-version-of",
            "الانسحاب",
        ],
    ] {
        let run = basira(&args);
        assert!(!run.status.success(), "{args:?} succeeded");
        assert_eq!(std::fs::read(&ws_path).expect("read"), saved, "{args:?}");
    }
}
