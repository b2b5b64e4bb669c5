//! Reports of the bundled sample: golden files for their text, the Word document read back
//! through Basira's own DOCX importer, and `basira report` run as the real binary.
//!
//! When a report changes on purpose, regenerate the golden files with
//! `BASIRA_UPDATE_GOLDEN=1 cargo test --test report` and review the diff.

use std::path::PathBuf;
use std::process::Command;

use basira::export::{Filter, FilterSpec};
use basira::i18n::Locale;
use basira::report::{self, ReportFormat, ReportOptions, docx, html};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> basira::model::Workspace {
    basira::io::load(&root().join("workspaces/iraq-withdrawal.ron")).expect("the sample loads")
}

fn options() -> ReportOptions {
    ReportOptions {
        filter: Filter::default(),
        scope: Vec::new(),
        written: Some("2025-10-02".into()),
        locale: Locale::ENGLISH,
    }
}

fn check_golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("BASIRA_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    if expected != actual {
        let got = path.with_file_name(format!("{name}.actual"));
        std::fs::write(&got, actual).expect("write actual output");
        panic!(
            "{name} differs from the golden file; the output is in {}",
            got.display()
        );
    }
}

#[test]
fn the_sample_reports_match_their_golden_files() {
    let report = report::build(&sample(), &options());
    check_golden(
        "iraq-withdrawal.report.html",
        &html::render(&report, html::HtmlOptions { embed_font: false }),
    );
    check_golden(
        "iraq-withdrawal.report.document.xml",
        &docx::document_xml(&report),
    );
}

#[test]
fn the_arabic_sample_reports_match_their_golden_files() {
    let report = report::build(
        &sample(),
        &ReportOptions {
            locale: Locale::ARABIC,
            ..options()
        },
    );
    check_golden(
        "iraq-withdrawal.ar.report.html",
        &html::render(&report, html::HtmlOptions { embed_font: false }),
    );
    check_golden(
        "iraq-withdrawal.ar.report.document.xml",
        &docx::document_xml(&report),
    );
}

#[test]
fn an_arabic_report_frames_the_same_excerpts_right_to_left() {
    let ws = sample();
    let english = report::build(&ws, &options());
    let arabic = report::build(
        &ws,
        &ReportOptions {
            locale: Locale::ARABIC,
            ..options()
        },
    );
    // The analyst's data is the same; only the frame's words change.
    assert_eq!(arabic.excerpt_count, english.excerpt_count);
    assert_eq!(arabic.title, english.title);
    let html = html::render(&arabic, html::HtmlOptions { embed_font: false });
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("<h2>المحدِّدات وأدلتها</h2>"));
    assert!(html.contains("<th>الاحتمال المقدَّر</th>"));
    assert!(!html.contains("Determinants and their evidence"));
    assert!(!html.contains("Judged likelihood"));
    for e in english.determinants.iter().flat_map(|d| &d.evidence) {
        // Each quote keeps its own language and direction.
        let quote = format!(
            "<blockquote class=\"quote\" lang=\"{}\" dir=\"{}\">",
            e.quote_script.lang(),
            e.quote_script.dir()
        );
        assert!(html.contains(&quote));
    }
    let xml = docx::document_xml(&arabic);
    assert!(xml.contains("<w:bidiVisual/>"));
    let text = paragraphs_of(&xml);
    assert!(text.contains("المحدِّدات وأدلتها"));
    assert!(!text.contains("Determinants and their evidence"));
    let _ = words(&text);
}

#[test]
fn the_report_reads_as_an_analysis() {
    let ws = sample();
    let report = report::build(&ws, &options());
    assert_eq!(report.title, ws.title);
    assert_eq!(report.question.len(), 3);
    assert_eq!(report.scenarios.len(), ws.scenarios.len());
    assert!(report.scenarios.iter().all(|s| s.likelihood.is_some()));
    assert_eq!(report.determinants.len(), ws.determinants.len());
    assert_eq!(report.excerpt_count, ws.passages.len());
    // Every passage is quoted at least once, under what it is linked to or as other evidence.
    for p in &ws.passages {
        let quoted = report
            .determinants
            .iter()
            .chain(&report.scenarios)
            .flat_map(|i| &i.evidence)
            .chain(&report.unlinked)
            .any(|e| e.passage == p.id && e.quote == p.anchor.quote);
        assert!(quoted, "passage {} is not in the report", p.id);
    }
    // The matrix has a row per determinant and a column per scenario.
    assert_eq!(report.matrix.cells.len(), ws.determinants.len());
    assert!(
        report
            .matrix
            .cells
            .iter()
            .all(|row| row.len() == ws.scenarios.len())
    );
    // The codebook counts, and the brief's footnotes are listed with it as a source.
    assert_eq!(report.codebook.len(), ws.tags.len());
    assert!(report.codebook.iter().any(|row| row.count > 0));
    assert_eq!(report.sources.len(), 1);
    assert!(!report.sources[0].footnotes.is_empty());
}

#[test]
fn the_html_report_is_self_contained() {
    let bytes = report::render(&sample(), &options(), ReportFormat::Html).expect("renders");
    let page = String::from_utf8(bytes).expect("UTF-8");
    assert!(page.contains("src: url(data:font/ttf;base64,"));
    for outside in ["<link", "<script", "src=\"http", "url(http", "@import"] {
        assert!(
            !page.contains(outside),
            "the report refers outside: {outside}"
        );
    }
    assert!(page.contains("@page { size: A4;"));
    assert!(page.contains("<blockquote class=\"quote\" lang=\"ar\" dir=\"rtl\">"));
}

#[test]
fn a_filtered_report_keeps_only_its_excerpts() {
    let ws = sample();
    let filter = FilterSpec {
        determinant: Some(ws.determinants[0].title.clone()),
        ..FilterSpec::default()
    }
    .resolve(&ws)
    .expect("the determinant exists");
    let report = report::build(
        &ws,
        &ReportOptions {
            filter,
            scope: report::scope_lines(&ws, &filter, Locale::ENGLISH),
            ..options()
        },
    );
    assert_eq!(report.determinants.len(), 1);
    assert!(report.excerpt_count < ws.passages.len());
    assert_eq!(report.determinants[0].evidence.len(), report.excerpt_count);
    assert!(report.scope[0].starts_with("Only the determinant «"));
}

/// The text of each `w:p` of a WordprocessingML body, joined with newlines.
fn paragraphs_of(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:p" => out.push('\n'),
            quick_xml::events::Event::Text(t) if in_text => {
                out.push_str(&t.xml10_content());
            }
            quick_xml::events::Event::GeneralRef(r) if in_text => {
                let name: &str = &r;
                out.push_str(match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    other => panic!("unexpected entity {other}"),
                });
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_word_report_reads_back_through_basiras_docx_importer() {
    let ws = sample();
    let report = report::build(&ws, &options());
    let bytes = docx::render(&report).expect("renders");
    let imported =
        basira::import::docx::import(&bytes, &mut |_| {}).expect("Basira reads its own report");
    let written = words(&paragraphs_of(&docx::document_xml(&report)));
    let read = words(&imported.text);
    let ratio = similar::TextDiff::from_chars(written.as_str(), read.as_str()).ratio();
    eprintln!("{:.2}% of the report's text read back", ratio * 100.0);
    assert!(
        ratio >= 0.99,
        "only {:.1}% of the report's text came back",
        ratio * 100.0
    );
    // Every quote comes back whole, and the headings are headings.
    for p in &ws.passages {
        assert!(
            read.contains(&words(&p.anchor.quote)),
            "the quote of passage {} is not in the document",
            p.id
        );
    }
    assert_eq!(imported.meta.title, report.title);
    let heading_count = imported.headings.len();
    assert!(
        heading_count >= 6 + ws.determinants.len() + ws.scenarios.len(),
        "{heading_count} headings"
    );
}

#[test]
fn the_word_report_marks_arabic_right_to_left() {
    let report = report::build(&sample(), &options());
    let xml = docx::document_xml(&report);
    assert!(xml.contains("<w:pStyle w:val=\"Quote\"/><w:bidi/>"));
    assert!(xml.contains("<w:rtl/>"));
    assert!(xml.contains("<w:pStyle w:val=\"Heading1\"/>"));
    assert!(xml.contains("<w:tbl>"));
    // Valid XML from end to end.
    let _ = paragraphs_of(&xml);
}

#[test]
fn basira_report_writes_html_and_word_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = root().join("workspaces/iraq-withdrawal.ron");
    for name in ["r.html", "r.docx"] {
        let out = dir.path().join(name);
        let run = Command::new(env!("CARGO_BIN_EXE_basira"))
            .arg("report")
            .arg(&sample)
            .arg("--out")
            .arg(&out)
            .args(["--tag", "ISIS"])
            .output()
            .expect("runs");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let bytes = std::fs::read(&out).expect("written");
        assert!(bytes.len() > 1000);
    }
    let html = std::fs::read_to_string(dir.path().join("r.html")).expect("read");
    assert!(html.contains("Only excerpts tagged «Actors / ISIS»"));
    let bad = Command::new(env!("CARGO_BIN_EXE_basira"))
        .arg("report")
        .arg(&sample)
        .args(["--out", "report.pdf"])
        .output()
        .expect("runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains(".html or .docx"));
    let nothing = Command::new(env!("CARGO_BIN_EXE_basira"))
        .arg("report")
        .arg(&sample)
        .args(["--out"])
        .arg(dir.path().join("x.html"))
        .args(["--scenario", "no such scenario"])
        .output()
        .expect("runs");
    assert!(!nothing.status.success());
    assert!(!dir.path().join("x.html").exists());
}

#[test]
fn basira_report_lang_ar_writes_arabic_headings_around_the_same_excerpts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = root().join("workspaces/iraq-withdrawal.ron");
    let write = |name: &str, lang: &[&str]| {
        let out = dir.path().join(name);
        let run = Command::new(env!("CARGO_BIN_EXE_basira"))
            .arg("report")
            .arg(&sample)
            .arg("--out")
            .arg(&out)
            .args(["--tag", "ISIS"])
            .args(lang)
            .output()
            .expect("runs");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(&out).expect("read")
    };
    let english = write("en.html", &[]);
    let arabic = write("ar.html", &["--lang", "ar"]);
    assert!(english.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(english.contains("<h2>Determinants and their evidence</h2>"));
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(arabic.contains("<h2>المحدِّدات وأدلتها</h2>"));
    assert!(arabic.contains("<h2>المصادر</h2>"));
    assert!(arabic.contains("الموسومة «Actors / ISIS»"));
    assert!(!arabic.contains("Determinants and their evidence"));
    // The same excerpts, quoted as written.
    let quotes = |html: &str| -> Vec<String> {
        html.lines()
            .filter(|l| l.starts_with("<blockquote"))
            .map(str::to_owned)
            .collect()
    };
    assert!(!quotes(&english).is_empty());
    assert_eq!(quotes(&arabic), quotes(&english));
    let unknown = Command::new(env!("CARGO_BIN_EXE_basira"))
        .arg("report")
        .arg(&sample)
        .arg("--out")
        .arg(dir.path().join("fr.html"))
        .args(["--lang", "fr"])
        .output()
        .expect("runs");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("use en or ar"));
}

/// Every memo the analyst wrote reaches the report, in both formats: the workspace's (the
/// question), the passages' (under their excerpts), and those on briefs (under the source),
/// tags (in the codebook), determinants and scenarios (under their headings). The Markdown and
/// JSON exports carry them too.
#[test]
fn every_kind_of_memo_reaches_the_report_and_the_exports() {
    let ws = sample();
    let mut memos: Vec<String> = ws.memos.0.values().cloned().collect();
    assert_eq!(
        memos.len(),
        4,
        "the sample has a memo on each kind of object"
    );
    memos.push(
        ws.passages
            .iter()
            .find(|p| !p.memo.is_empty())
            .expect("a passage memo")
            .memo
            .clone(),
    );
    let question = ws.memo.split("\n\n").next().expect("a first paragraph");
    memos.push(question.to_owned());
    let built = report::build(&ws, &options());
    let html = html::render(&built, html::HtmlOptions::default());
    let word = docx::document_xml(&built);
    let markdown = String::from_utf8(basira::export::render(
        &ws,
        &Filter::default(),
        basira::export::Format::Md,
    ))
    .expect("UTF-8");
    let json = String::from_utf8(basira::export::render(
        &ws,
        &Filter::default(),
        basira::export::Format::Json,
    ))
    .expect("UTF-8");
    for memo in &memos {
        let start: String = memo.chars().take(40).collect();
        let escaped = start.replace('\'', "&#39;").replace('"', "&quot;");
        for (name, text) in [("HTML", &html), ("Word", &word)] {
            assert!(
                text.contains(&start)
                    || text.contains(&escaped)
                    || text.contains(&start.replace('\'', "&apos;")),
                "the {name} report lacks the memo «{start}»"
            );
        }
        for (name, text) in [("Markdown", &markdown), ("JSON", &json)] {
            assert!(text.contains(&start), "the {name} export lacks «{start}»");
        }
    }
}

#[test]
fn source_date_epoch_dates_the_report_and_a_bad_one_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = root().join("workspaces/iraq-withdrawal.ron");
    let run = |name: &str, epoch: &str| {
        let out = dir.path().join(name);
        let run = Command::new(env!("CARGO_BIN_EXE_basira"))
            .arg("report")
            .arg(&sample)
            .arg("--out")
            .arg(&out)
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .expect("runs");
        (run, out)
    };
    // 2025-09-25 12:00 UTC: the same calendar date in any time zone within twelve hours.
    let (first, out) = run("a.html", "1758801600");
    assert!(first.status.success());
    let a = std::fs::read(&out).expect("written");
    let (_, out) = run("b.html", "1758801600");
    assert_eq!(
        a,
        std::fs::read(&out).expect("written"),
        "the same bytes again"
    );
    assert!(String::from_utf8_lossy(&a).contains("2025-09-25"));
    let (bad, out) = run("c.html", "next tuesday");
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("SOURCE_DATE_EPOCH is «next tuesday», not a number of seconds since 1970")
    );
    assert!(!out.exists());
}
