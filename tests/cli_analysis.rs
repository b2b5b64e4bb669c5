//! `basira analysis`, run as the real binary on the bundled sample.
//!
//! When the analysis output changes on purpose, regenerate the golden file with
//! `BASIRA_UPDATE_GOLDEN=1 cargo test --test cli_analysis` and review the diff.

use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn basira(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_basira"))
        .args(args)
        .output()
        .expect("the basira binary runs")
}

fn sample() -> String {
    root()
        .join("workspaces/iraq-withdrawal.ron")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn analysis_json_of_the_sample_matches_its_golden_file() {
    let out = basira(&["analysis", &sample(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = root().join("tests/golden/iraq-withdrawal.analysis.json");
    if std::env::var_os("BASIRA_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &out.stdout).expect("write golden file");
    }
    let golden = std::fs::read(&path).expect("the golden file");
    assert!(
        golden == out.stdout,
        "the analysis differs from {}:\n{}",
        path.display(),
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn analysis_json_has_scores_critical_evidence_matrix_and_diagnosticity() {
    let out = basira(&["analysis", &sample(), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let scenarios = json["scenarios"].as_array().expect("scenarios");
    assert_eq!(scenarios.len(), 3);
    for s in scenarios {
        for key in [
            "id",
            "title",
            "inconsistency",
            "weighted_inconsistency",
            "rank",
        ] {
            assert!(!s[key].is_null(), "scenario without {key}: {s}");
        }
    }
    let partnership = scenarios
        .iter()
        .find(|s| {
            s["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Expanded"))
        })
        .expect("the partnership scenario");
    assert_eq!(partnership["rank"], 3, "the most inconsistent of the three");
    let critical = json["critical"].as_array().expect("critical");
    assert!(!critical.is_empty());
    assert!(critical.iter().all(|c| c["change"].as_str().is_some()));
    assert!(critical.iter().any(|c| c["passage"].is_string()));
    assert!(critical.iter().any(|c| c["brief"].is_string()));
    let matrix = json["matrix"].as_array().expect("matrix");
    assert_eq!(matrix.len(), 4 * 3);
    for key in [
        "determinant",
        "scenario",
        "judgement",
        "supports",
        "weakens",
        "indicator",
    ] {
        assert!(
            matrix.iter().all(|c| c.get(key).is_some()),
            "cell without {key}"
        );
    }
    let diagnosticity = json["diagnosticity"].as_array().expect("diagnosticity");
    assert!(diagnosticity.iter().any(|r| r["diagnostic"] == true));
    assert!(diagnosticity.iter().any(|r| r["diagnostic"] == false));
    assert!(diagnosticity.iter().all(|r| r["passage"].is_string()));
}

#[test]
fn analysis_text_names_the_ranking_the_critical_evidence_and_the_signposts() {
    let out = basira(&["analysis", &sample()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("3. «Expanded strategic partnership"),
        "{text}"
    );
    assert!(text.contains("critical evidence: "), "{text}");
    assert!(text.contains("emerging (assessed 2025-09-25)"), "{text}");
    assert!(text.contains("C3 «"), "the brief's grade: {text}");
}

#[test]
fn analysis_of_a_missing_file_fails_naming_it() {
    let out = basira(&["analysis", "/nonexistent/w.ron"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/w.ron"));
}
