//! `basira search`, run as the real binary on a workspace with Arabic spelling variants.

use std::path::Path;
use std::process::{Command, Output};

use basira::model::{Brief, BriefId, BriefMeta, Workspace};
use basira::text_range::slice_chars;

fn basira(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .output()
        .expect("the basira binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const FIRST: &str = "أعلنت الإدارة الأمريكية الانسحاب من العراق.\nوالعراقُ يرى أن الإنسحاب مفاجئ، والقوات الامريكيّة تغادر بالعراق.";
const SECOND: &str =
    "Washington and Baghdad: the withdrawal from Iraq. WASHINGTON said so; العراقية.";

fn workspace() -> Workspace {
    let brief = |title: &str, text: &str| {
        Brief::new(
            BriefId::new(),
            BriefMeta {
                title: title.into(),
                ..BriefMeta::default()
            },
            text.into(),
        )
    };
    Workspace {
        title: "search".into(),
        memo: "Question: what after the withdrawal from العراق?".into(),
        briefs: vec![brief("الأول", FIRST), brief("second", SECOND)],
        ..Workspace::default()
    }
}

fn saved(ws: &Workspace) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ws.ron");
    basira::io::save(&path, ws).expect("save");
    let path = path.to_string_lossy().into_owned();
    (dir, path)
}

/// The JSON hits of `basira search --json ARGS`.
fn json_hits(path: &str, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["search", path];
    all.extend_from_slice(args);
    all.push("--json");
    let out = basira(&all);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).expect("a JSON list")
}

#[test]
fn json_hits_are_code_point_ranges_of_the_text_as_written() {
    let ws = workspace();
    let (_dir, path) = saved(&ws);
    let hits = json_hits(&path, &["الأمريكية"]);
    // «الأمريكية» and «الامريكيّة» (bare alef, shadda): both, as written.
    assert_eq!(hits.len(), 2);
    for hit in &hits {
        let brief_id = hit["brief"].as_str().expect("a brief id");
        let brief = ws
            .briefs
            .iter()
            .find(|b| b.id.to_string() == brief_id)
            .expect("the brief exists");
        let start = usize::try_from(hit["start"].as_u64().expect("start")).expect("fits");
        let end = usize::try_from(hit["end"].as_u64().expect("end")).expect("fits");
        let written = hit["text"].as_str().expect("text");
        assert_eq!(slice_chars(&brief.text, start, end), written);
        let context = hit["context"].as_str().expect("context");
        assert!(context.contains(written), "{context}");
    }
    assert_eq!(hits[1]["text"], "الامريكيّة");
    assert_eq!(hits[0]["place"], "brief");
}

#[test]
fn whole_words_with_prefixes_regex_and_exact_from_the_command_line() {
    let ws = workspace();
    let (_dir, path) = saved(&ws);
    let texts = |args: &[&str]| -> Vec<String> {
        json_hits(&path, args)
            .iter()
            .map(|h| h["text"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    // Anywhere: العراق, والعراقُ, بالعراق and العراقية.
    assert_eq!(texts(&["العراق"]).len(), 4);
    assert_eq!(texts(&["العراق", "--whole-word"]), vec!["العراق"]);
    assert_eq!(
        texts(&["العراق", "--whole-word", "--prefixes"]),
        vec!["العراق", "العراقُ", "العراق"]
    );
    assert_eq!(
        texts(&["washington", "--whole-word"]),
        vec!["Washington", "WASHINGTON"]
    );
    assert_eq!(texts(&["Washington", "--exact"]), vec!["Washington"]);
    assert!(texts(&["الانسحاب", "--exact"]).len() == 1);
    assert_eq!(texts(&["الانسحاب"]).len(), 2);
    assert_eq!(
        texts(&["--regex", r"ال(ا|إ)?نسحاب"]),
        vec!["الانسحاب", "الإنسحاب"]
    );
    // Memos only when asked.
    let with_memos = json_hits(&path, &["العراق", "--whole-word", "--memos"]);
    assert_eq!(with_memos.len(), 2);
    assert_eq!(with_memos[1]["place"], "workspace memo");
    assert!(with_memos[1]["brief"].is_null());
}

#[test]
fn the_text_output_counts_hits_per_brief() {
    let (_dir, path) = saved(&workspace());
    let out = basira(&["search", &path, "iraq"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("«iraq»: 1 hit"), "{stdout}");
    assert!(stdout.contains("  second: 1"), "{stdout}");
    assert!(
        stdout.contains("the withdrawal from Iraq. WASHINGTON"),
        "{stdout}"
    );
}

#[test]
fn no_hits_and_bad_regexes_say_so() {
    let (_dir, path) = saved(&workspace());
    let out = basira(&["search", &path, "Tehran"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "no hits for «Tehran»\n");
    let json = basira(&["search", &path, "Tehran", "--json"]);
    assert_eq!(text(&json.stdout).trim(), "[]");
    assert!(text(&json.stderr).contains("no hits"));

    let bad = basira(&["search", &path, "--regex", "(العراق"]);
    assert!(!bad.status.success());
    let err = text(&bad.stderr);
    assert!(err.contains("not a valid regular expression"), "{err}");
    assert!(err.contains("unclosed group"), "{err}");
    let missing = basira(&["search", "/nonexistent/ws.ron", "x"]);
    assert!(!missing.status.success());
    assert!(text(&missing.stderr).contains("/nonexistent/ws.ron"));
}

#[test]
fn the_sample_workspace_is_searched() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/iraq-withdrawal.ron");
    let out = basira(&["search", &sample.to_string_lossy(), "الامريكيه", "--json"]);
    assert!(out.status.success());
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    // «الأمريكية» with its hamza and taa marbuta, many times in the brief.
    assert!(hits.len() > 5, "{}", hits.len());
    assert!(hits.iter().all(|h| h["text"] == "الأمريكية"));
}
