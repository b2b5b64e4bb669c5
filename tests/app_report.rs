//! File → Export report… (issue 16.3) driven through the interface with egui_kittest: the
//! dialog starts from the passages list's filter, writes HTML or Word off the UI thread in the
//! interface's language, and the file is byte for byte what `basira report` writes with the
//! same choices (`--lang ar` for the Arabic interface); a bad output path says which path and
//! what is wrong, and writes nothing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use basira::app::{BasiraApp, DialogAnswer, FakeDialogs, Ports};
use basira::export::Filter;
use basira::i18n::Locale;
use basira::model::Workspace;
use basira::report::{self, ReportOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use common::{app_with_ports, click, key};

/// The bundled sample (scenarios, determinants, the analysis board's judgements) in a
/// folder of its own.
fn sample() -> (tempfile::TempDir, PathBuf, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sample.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/iraq-withdrawal.ron"),
        &path,
    )
    .expect("copy the sample");
    let ws = basira::io::load(&path).expect("the sample loads");
    (dir, path, ws)
}

fn app(path: &Path, dialogs: &FakeDialogs, locale: &str) -> Harness<'static, BasiraApp> {
    let config = tempfile::tempdir().expect("config dir").keep();
    let ports = Ports::for_tests(dialogs.clone(), Some(config)).with_locale(locale);
    app_with_ports(Some(path.to_owned()), ports)
}

fn ctrl_shift() -> Modifiers {
    Modifiers::COMMAND | Modifiers::SHIFT
}

/// Clicks the dialog's Export… and runs frames until the file is written (a thread writes it).
fn write(harness: &mut Harness<'_, BasiraApp>, button: &str) {
    harness.get_by_label(button).click();
    harness.step();
    for _ in 0..4000 {
        if !harness.state().is_exporting() {
            break;
        }
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        !harness.state().is_exporting(),
        "the report was not written"
    );
    harness.run();
}

/// `basira report WORKSPACE --out OUT ARGS…` at the instant the test clock says, so that the
/// date on the report is the app's.
fn cli_report(workspace: &Path, out: &Path, args: &[&str]) -> Vec<u8> {
    let noon = Ports::test_noon().timestamp().to_string();
    let status = Command::new(env!("CARGO_BIN_EXE_basira"))
        .arg("report")
        .arg(workspace)
        .arg("--out")
        .arg(out)
        .args(args)
        .env("SOURCE_DATE_EPOCH", noon)
        .status()
        .expect("run basira report");
    assert!(status.success(), "basira report failed");
    std::fs::read(out).expect("the CLI wrote its file")
}

/// How many excerpts the report under `filter` quotes, as the report itself counts them.
fn quoted(ws: &Workspace, filter: Filter) -> usize {
    let options = ReportOptions {
        filter,
        locale: Locale::ENGLISH,
        ..ReportOptions::default()
    };
    report::build(ws, &options).excerpt_count
}

#[test]
fn the_report_dialog_writes_exactly_what_basira_report_writes() {
    let (dir, path, ws) = sample();
    let iran = ws
        .determinants
        .iter()
        .find(|d| d.title.starts_with("Iranian influence"))
        .expect("the sample's determinant");
    let filter = Filter {
        determinant: Some(iran.id),
        ..Filter::default()
    };
    let count = quoted(&ws, filter);
    assert!(count > 0 && count < quoted(&ws, Filter::default()));
    let dialogs = FakeDialogs::new();
    let mut harness = app(&path, &dialogs, "en_GB.UTF-8");
    // The passages list's filter: one determinant.
    click(&mut harness, "Determinant");
    click(&mut harness, &iran.title);
    for (choice, extension) in [
        ("HTML (one self-contained file)", "html"),
        ("Word (.docx)", "docx"),
    ] {
        key(&mut harness, Key::R, ctrl_shift());
        harness.get_by_label("Export report");
        // The dialog starts from the list's filter.
        harness.get_by_label(&format!("The report will quote {count} excerpts."));
        harness
            .get_by_label("Its headings and labels will be in English, the interface's language.");
        click(&mut harness, choice);
        let from_app = dir.path().join(format!("from-app.{extension}"));
        dialogs.queue_report(DialogAnswer::Picked(from_app.clone()));
        write(&mut harness, "Export…");
        harness.get_by_label(&format!(
            "Wrote the report ({count} excerpts) to {}.",
            from_app.display()
        ));
        let app_bytes = std::fs::read(&from_app).expect("the app wrote its file");
        let from_cli = dir.path().join(format!("from-cli.{extension}"));
        let id = iran.id.to_string();
        let cli_bytes = cli_report(&path, &from_cli, &["--determinant", &id]);
        assert!(
            app_bytes == cli_bytes,
            "{extension}: the app's report differs from basira report's"
        );
        if extension == "html" {
            let html = String::from_utf8(app_bytes).expect("utf-8");
            assert!(html.contains("2025-09-25"), "dated by the clock");
            assert!(html.contains("<html lang=\"en\""));
        }
        click(&mut harness, "Dismiss message 1");
    }
    assert_eq!(dialogs.asked(), ["report", "report"]);
    // Help → Keyboard shortcuts lists it with its shortcut.
    key(&mut harness, Key::F1, Modifiers::NONE);
    harness.get_by_label("Export report…");
}

#[test]
fn in_the_arabic_interface_the_report_is_what_basira_report_lang_ar_writes() {
    let (dir, path, ws) = sample();
    let count = quoted(&ws, Filter::default());
    let dialogs = FakeDialogs::new();
    let mut harness = app(&path, &dialogs, "ar_IQ.UTF-8");
    for (choice, extension) in [
        ("HTML (ملف واحد مكتفٍ بذاته)", "html"),
        ("Word (\u{200e}.docx)", "docx"),
    ] {
        // The command palette finds the action by its Arabic name.
        key(&mut harness, Key::P, ctrl_shift());
        harness.get_by_label("الأمر").type_text("تصدير التقرير");
        harness.run();
        key(&mut harness, Key::Enter, Modifiers::NONE);
        harness.get_by_label("تصدير التقرير");
        harness.get_by_label("ستكون عناوينه وتسمياته بالعربية، لغة الواجهة.");
        click(&mut harness, choice);
        let from_app = dir.path().join(format!("تقرير.{extension}"));
        dialogs.queue_report(DialogAnswer::Picked(from_app.clone()));
        write(&mut harness, "تصدير…");
        harness.get_by_label_contains(&from_app.display().to_string());
        let app_bytes = std::fs::read(&from_app).expect("the app wrote its file");
        let from_cli = dir.path().join(format!("from-cli.{extension}"));
        let cli_bytes = cli_report(&path, &from_cli, &["--lang", "ar"]);
        assert!(
            app_bytes == cli_bytes,
            "{extension}: the app's Arabic report differs from basira report --lang ar"
        );
        let english = dir.path().join(format!("english.{extension}"));
        assert!(
            app_bytes != cli_report(&path, &english, &["--lang", "en"]),
            "{extension}: the Arabic interface wrote the English report"
        );
        if extension == "html" {
            let html = String::from_utf8(app_bytes).expect("utf-8");
            assert!(html.contains("<html lang=\"ar\" dir=\"rtl\""));
            assert!(html.contains(&format!("عدد المقتطفات: {count}")));
        }
        click(&mut harness, "إخفاء الرسالة 1");
    }
    assert_eq!(dialogs.asked(), ["report", "report"]);
}

#[test]
fn a_bad_output_path_says_which_and_why_and_writes_nothing() {
    let (dir, path, _ws) = sample();
    let before = std::fs::read(&path).expect("read");
    let dialogs = FakeDialogs::new();
    let mut harness = app(&path, &dialogs, "en_GB.UTF-8");
    // A folder that does not exist.
    let missing = dir.path().join("no-such-folder").join("report.html");
    key(&mut harness, Key::R, ctrl_shift());
    dialogs.queue_report(DialogAnswer::Picked(missing.clone()));
    write(&mut harness, "Export…");
    harness.get_by_label_contains(&format!(
        "Could not write the report: cannot write {}:",
        missing.display()
    ));
    assert!(!missing.exists() && !missing.parent().expect("parent").exists());
    click(&mut harness, "Dismiss message 1");
    // A folder.
    let folder = dir.path().join("a-folder.html");
    std::fs::create_dir(&folder).expect("make a folder");
    key(&mut harness, Key::R, ctrl_shift());
    dialogs.queue_report(DialogAnswer::Picked(folder.clone()));
    write(&mut harness, "Export…");
    harness.get_by_label(&format!(
        "Could not write the report: will not write {}: it is a folder",
        folder.display()
    ));
    assert_eq!(std::fs::read_dir(&folder).expect("list").count(), 0);
    click(&mut harness, "Dismiss message 1");
    // The workspace file itself.
    key(&mut harness, Key::R, ctrl_shift());
    dialogs.queue_report(DialogAnswer::Picked(path.clone()));
    write(&mut harness, "Export…");
    harness.get_by_label_contains(&format!(
        "Could not write the report: will not write {}: it is the workspace being exported",
        path.display()
    ));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the workspace is untouched"
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["a-folder.html", "sample.ron"],
        "nothing else written"
    );
}

#[test]
fn without_a_file_dialog_the_path_is_typed_and_the_report_written() {
    let (dir, path, ws) = sample();
    let count = quoted(&ws, Filter::default());
    let dialogs = FakeDialogs::new();
    let mut harness = app(&path, &dialogs, "en_GB.UTF-8");
    click(&mut harness, "File");
    click(&mut harness, "Export report…");
    click(&mut harness, "Word (.docx)");
    dialogs.queue_report(DialogAnswer::Unavailable);
    click(&mut harness, "Export…");
    harness.get_by_label("Write the report to");
    // The proposed name sits beside the workspace, with the format's extension.
    let proposed = dir.path().join("sample-report.docx");
    assert_eq!(
        harness
            .get_by_label("Path")
            .accesskit_node()
            .value()
            .as_deref(),
        Some(proposed.display().to_string().as_str())
    );
    write(&mut harness, "Export");
    harness.get_by_label(&format!(
        "Wrote the report ({count} excerpts) to {}.",
        proposed.display()
    ));
    let bytes = std::fs::read(&proposed).expect("written");
    let cli = cli_report(&path, &dir.path().join("cli.docx"), &[]);
    assert!(bytes == cli, "the typed path got the same report");
}
