//! Opening and saving a large workspace (200 briefs, ~10 MB of text, 50 000 passages),
//! beside serde_json parsing and writing the same data in the same run.
//!
//! Run with `cargo bench --bench workspace_io`. Compare `open` with `json_parse` and `save`
//! with `json_write`: the target is within 3× of serde_json.

use std::path::PathBuf;
use std::sync::LazyLock;

use basira::file::{self, WorkspaceFileV4};
use basira::model::Workspace;

#[path = "support/generate.rs"]
mod generate;

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

struct Fixture {
    workspace: Workspace,
    _dir: tempfile::TempDir,
    ron_path: PathBuf,
    json_path: PathBuf,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let workspace = generate::workspace(200, 50_000, 50_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let ron_path = dir.path().join("big.ron");
    let json_path = dir.path().join("big.json");
    basira::io::save(&ron_path, &workspace).expect("save");
    let json = serde_json::to_string(&file::file_image(&workspace)).expect("json");
    std::fs::write(&json_path, json).expect("write json");
    let size = std::fs::metadata(&ron_path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "workspace file: {:.1} MB, {} passages",
        size as f64 / 1e6,
        workspace.passages.len()
    );
    Fixture {
        workspace,
        _dir: dir,
        ron_path,
        json_path,
    }
});

fn main() {
    LazyLock::force(&FIXTURE);
    divan::main();
}

/// `io::load`: read, parse and validate every reference and anchor.
#[divan::bench(sample_count = 10)]
fn open() -> Workspace {
    basira::io::load(&FIXTURE.ron_path).expect("loads")
}

/// Baseline: read and parse the same data as JSON, without validation.
#[divan::bench(sample_count = 10)]
fn json_parse() -> WorkspaceFileV4 {
    let text = std::fs::read_to_string(&FIXTURE.json_path).expect("read");
    serde_json::from_str(&text).expect("parses")
}

/// `io::save`: serialise, write a temporary file, flush it to disk, keep a backup, rename.
#[divan::bench(sample_count = 10)]
fn save() {
    basira::io::save(&FIXTURE.ron_path, &FIXTURE.workspace).expect("saves");
}

/// Baseline: serialise the same data as JSON and write it.
#[divan::bench(sample_count = 10)]
fn json_write() {
    let json = serde_json::to_string(&file::file_image(&FIXTURE.workspace)).expect("json");
    std::fs::write(&FIXTURE.json_path, json).expect("write");
}

/// The serialisation part of `save`: the workspace to RON text, no file.
#[divan::bench(sample_count = 10)]
fn serialise_ron() -> String {
    file::to_ron(&FIXTURE.workspace)
}

/// The serialisation part of `json_write`.
#[divan::bench(sample_count = 10)]
fn serialise_json() -> String {
    serde_json::to_string(&file::file_image(&FIXTURE.workspace)).expect("json")
}

/// The parsing part of `open`: RON text to a validated workspace, no file.
#[divan::bench(sample_count = 10)]
fn parse_ron(bencher: divan::Bencher) {
    let text = std::fs::read_to_string(&FIXTURE.ron_path).expect("read");
    bencher.bench(|| file::parse(&text).expect("parses"));
}

/// 100 000 tags, each the parent of the next (`chain`) or all at the top (`flat`), as RON.
static TAGS: LazyLock<[String; 2]> = LazyLock::new(|| {
    let tags = |chain: bool| {
        let ids: Vec<basira::model::TagId> =
            (0..100_000).map(|_| basira::model::TagId::new()).collect();
        let tags = ids
            .iter()
            .enumerate()
            .map(|(i, id)| basira::model::Tag {
                id: *id,
                name: format!("t{i}"),
                colour: basira::model::Colour::nth(i),
                parent: i.checked_sub(1).filter(|_| chain).map(|p| ids[p]),
                description: String::new(),
            })
            .collect();
        file::to_ron(&Workspace {
            tags,
            ..Workspace::default()
        })
    };
    [tags(true), tags(false)]
});

/// Parsing a codebook that is one chain 100 000 tags deep: validation walks each tag once, so
/// this stays near `tags_flat` (before, it was cubic in the depth: 4 000 tags took 14 s).
#[divan::bench(sample_count = 5)]
fn tags_chain() -> Workspace {
    file::parse(&TAGS[0]).expect("parses")
}

/// Baseline: the same number of tags, none with a parent.
#[divan::bench(sample_count = 5)]
fn tags_flat() -> Workspace {
    file::parse(&TAGS[1]).expect("parses")
}
