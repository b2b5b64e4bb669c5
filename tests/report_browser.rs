//! The HTML report of the sample in a real browser: headless Chromium loads it, and a script
//! in the page reads back every excerpt's text and every block's direction as the browser
//! computed them; printing it to PDF gives a page count in the expected range.
//!
//! Chromium is the Debian package `chromium`, installed by `.ci/install-chromium` (which
//! `.ci/run` calls before `cargo test`); `BASIRA_CHROMIUM` may name another binary. Without
//! it the test says so and passes on a developer's machine, and fails under CI (`CI` set),
//! where a skipped check would hide a broken report.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use basira::model::Workspace;
use basira::report::{self, ReportFormat, ReportOptions};
use basira::text::{ResolvedDirection, first_strong};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> Workspace {
    basira::io::load(&root().join("workspaces/iraq-withdrawal.ron")).expect("the sample loads")
}

/// The Chromium to run, or `None` (after saying why) when the test cannot run here.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("BASIRA_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    assert!(
        !in_ci,
        "Chromium is not installed, so the HTML report cannot be checked in a browser: \
         .ci/run must call .ci/install-chromium before cargo test"
    );
    // Straight to stderr, past the test harness's capture, so that a passing run says it.
    let _ = writeln!(
        std::io::stderr(),
        "NOT CHECKED: the HTML report in a browser — Chromium is not installed \
         (run .ci/install-chromium, or set BASIRA_CHROMIUM)"
    );
    None
}

/// Runs headless Chromium on `page` with `args`, in a profile of its own.
fn run_chromium(chromium: &Path, profile: &Path, args: &[String], page: &Path) -> Vec<u8> {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("Chromium runs");
    assert!(
        out.status.success(),
        "Chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Reads, in the page, once its fonts have loaded: each excerpt's passage id and text, each
/// element with a `dir` its computed direction and text, and the fonts' states. ASCII JSON (non-ASCII escaped), so the DOM dump cannot
/// change it.
const PROBE: &str = r"<script>
document.fonts.ready.then(function () {
  const excerpts = [...document.querySelectorAll('figure.excerpt')].map(f => ({
    passage: f.dataset.passage,
    text: f.querySelector('blockquote').textContent,
    direction: getComputedStyle(f.querySelector('blockquote')).direction,
  }));
  const blocks = [...document.querySelectorAll('[dir]')].map(e => ({
    tag: e.tagName.toLowerCase(),
    dir: e.getAttribute('dir'),
    lang: e.getAttribute('lang'),
    direction: getComputedStyle(e).direction,
    text: e.textContent.slice(0, 200),
  }));
  const fonts = [...document.fonts].map(f => ({ family: f.family, status: f.status }));
  const json = JSON.stringify({ excerpts, blocks, fonts })
    .replace(/[\u007f-\uffff&<>]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  const out = document.createElement('pre');
  out.id = 'basira-probe';
  out.textContent = json;
  document.body.appendChild(out);
});
</script>";

#[derive(serde::Deserialize)]
struct Probe {
    excerpts: Vec<ProbedExcerpt>,
    blocks: Vec<ProbedBlock>,
    fonts: Vec<ProbedFont>,
}

#[derive(serde::Deserialize)]
struct ProbedFont {
    family: String,
    status: String,
}

#[derive(serde::Deserialize)]
struct ProbedExcerpt {
    passage: String,
    text: String,
    direction: String,
}

#[derive(serde::Deserialize)]
struct ProbedBlock {
    tag: String,
    dir: String,
    lang: Option<String>,
    direction: String,
    text: String,
}

/// The number of pages of a PDF as Chromium writes it (one `/Type /Page` object each).
fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(i, m)| !text[i + m.len()..].starts_with('s'))
        .count()
}

#[test]
fn the_html_report_reads_correctly_in_chromium() {
    let Some(chromium) = chromium() else {
        return;
    };
    let ws = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes =
        report::render(&ws, &ReportOptions::default(), ReportFormat::Html).expect("renders");
    let page = String::from_utf8(bytes).expect("UTF-8");
    let report_path = dir.path().join("report.html");
    std::fs::write(&report_path, &page).expect("write the report");
    let probed_path = dir.path().join("probed.html");
    std::fs::write(
        &probed_path,
        page.replace("</body>", &format!("{PROBE}</body>")),
    )
    .expect("write the probed report");

    // In the page: every excerpt's text is its passage's quote, as the browser reads it.
    let dom = run_chromium(
        &chromium,
        &dir.path().join("profile-dom"),
        &[
            "--dump-dom".to_owned(),
            "--virtual-time-budget=10000".to_owned(),
        ],
        &probed_path,
    );
    let dom = String::from_utf8(dom).expect("UTF-8 DOM");
    let start = dom
        .find("<pre id=\"basira-probe\">")
        .expect("the probe ran in the page")
        + "<pre id=\"basira-probe\">".len();
    let end = start + dom[start..].find("</pre>").expect("the probe's end");
    let probe: Probe = serde_json::from_str(&dom[start..end]).expect("the probe's JSON");
    // The embedded Arabic face loaded (from the page itself: there is no network).
    assert!(
        probe
            .fonts
            .iter()
            .any(|f| f.family == "Basira Naskh" && f.status == "loaded"),
        "the embedded font did not load"
    );
    assert!(probe.excerpts.len() >= ws.passages.len());
    for excerpt in &probe.excerpts {
        let passage = ws
            .passages
            .iter()
            .find(|p| p.id.to_string() == excerpt.passage)
            .expect("each excerpt names a passage of the workspace");
        assert_eq!(excerpt.text, passage.anchor.quote, "passage {}", passage.id);
        let want = match first_strong(&passage.anchor.quote) {
            Some(ResolvedDirection::Rtl) => "rtl",
            _ => "ltr",
        };
        assert_eq!(excerpt.direction, want, "passage {}", passage.id);
    }
    for p in &ws.passages {
        assert!(
            probe.excerpts.iter().any(|e| e.passage == p.id.to_string()),
            "passage {} is missing from the page",
            p.id
        );
    }
    // Every Arabic block is right-to-left, as declared and as the browser lays it out; every
    // block says its language.
    let mut arabic = 0;
    for block in &probe.blocks {
        if block.tag == "html" {
            continue;
        }
        assert!(block.lang.is_some(), "<{}> without lang", block.tag);
        if first_strong(&block.text) == Some(ResolvedDirection::Rtl) {
            arabic += 1;
            assert_eq!(block.dir, "rtl", "<{}> «{}»", block.tag, block.text);
            assert_eq!(block.direction, "rtl", "<{}> «{}»", block.tag, block.text);
            assert_eq!(block.lang.as_deref(), Some("ar"));
        } else if block.dir == "rtl" {
            panic!("<{}> «{}» is rtl without Arabic", block.tag, block.text);
        }
    }
    assert!(arabic > 40, "{arabic} Arabic blocks");

    // Printed to PDF (A4), the report takes a sensible number of pages.
    let pdf_path = dir.path().join("report.pdf");
    let _ = run_chromium(
        &chromium,
        &dir.path().join("profile-pdf"),
        &[
            format!("--print-to-pdf={}", pdf_path.display()),
            "--no-pdf-header-footer".to_owned(),
        ],
        &report_path,
    );
    let pdf = std::fs::read(&pdf_path).expect("Chromium printed a PDF");
    let pages = page_count(&pdf);
    eprintln!("the sample's report prints on {pages} A4 pages");
    assert!((12..=22).contains(&pages), "{pages} pages");
}
