//! Workspace search and reports at size, beside `memchr::memmem` on the same bytes in the
//! same run.
//!
//! Run with `cargo bench --bench workspace_search`. Compare:
//! - `folded_search` with `memmem_baseline` (10 MB of Arabic text, the same word): the target
//!   is at least 0.3× memmem's throughput. The text is folded once (as the app keeps a
//!   `SearchIndex` per document revision); `fold_and_search` is the cold cost with the fold.
//! - `workspace_first_page` (the 200-brief benchmark workspace, index built): the target is
//!   under 100 ms; `workspace_cold_first_page` includes building the index, as the command
//!   line does.
//! - `report_html` / `report_docx` of that workspace (50 000 excerpts): under 2 s.

use std::sync::LazyLock;

use basira::model::Workspace;
use basira::report::{self, ReportFormat, ReportOptions};
use basira::search::{FoldedText, Folding, Matcher, Query, Scope, SearchIndex, WholeWord};
use divan::Bencher;
use divan::counter::BytesCount;

#[path = "support/generate.rs"]
mod generate;

/// The word searched for: frequent in the generated text (one word in sixteen).
const WORD: &str = "العراق";

struct Fixture {
    text: String,
    folded: FoldedText,
    workspace: Workspace,
    index: SearchIndex,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let text = generate::text(10_000_000, 7);
    let folded = FoldedText::new(&text, Folding::Full);
    let workspace = generate::workspace(200, 50_000, 50_000);
    let index = SearchIndex::new(&workspace, Folding::Full, Scope::default());
    Fixture {
        text,
        folded,
        workspace,
        index,
    }
});

fn main() {
    LazyLock::force(&FIXTURE);
    divan::main();
}

fn matcher(query: Query) -> Matcher {
    Matcher::new(&query).expect("a valid query")
}

/// Baseline: every occurrence of the word in the raw bytes.
#[divan::bench(sample_count = 20)]
fn memmem_baseline(bencher: Bencher<'_, '_>) {
    let text = FIXTURE.text.as_bytes();
    let finder = memchr::memmem::Finder::new(WORD.as_bytes());
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| finder.find_iter(divan::black_box(text)).count());
}

/// The folded search on the folded text, hits mapped back to byte ranges of the original.
#[divan::bench(sample_count = 20)]
fn folded_search(bencher: Bencher<'_, '_>) {
    let m = matcher(Query::plain(WORD));
    bencher
        .counter(BytesCount::new(FIXTURE.text.len()))
        .bench(|| {
            m.find_bytes(&FIXTURE.text, divan::black_box(&FIXTURE.folded))
                .len()
        });
}

/// Whole word with Arabic's attached prefixes.
#[divan::bench(sample_count = 20)]
fn folded_whole_word_prefixes(bencher: Bencher<'_, '_>) {
    let m = matcher(Query {
        whole_word: WholeWord::WithPrefixes,
        ..Query::plain(WORD)
    });
    bencher
        .counter(BytesCount::new(FIXTURE.text.len()))
        .bench(|| {
            m.find_bytes(&FIXTURE.text, divan::black_box(&FIXTURE.folded))
                .len()
        });
}

/// A regular expression over the folded text.
#[divan::bench(sample_count = 10)]
fn folded_regex(bencher: Bencher<'_, '_>) {
    let m = matcher(Query {
        regex: true,
        ..Query::plain(r"ال(عراق|امريكي)")
    });
    bencher
        .counter(BytesCount::new(FIXTURE.text.len()))
        .bench(|| {
            m.find_bytes(&FIXTURE.text, divan::black_box(&FIXTURE.folded))
                .len()
        });
}

/// Folding the text, then searching it: a search with no index.
#[divan::bench(sample_count = 10)]
fn fold_and_search(bencher: Bencher<'_, '_>) {
    let m = matcher(Query::plain(WORD));
    bencher
        .counter(BytesCount::new(FIXTURE.text.len()))
        .bench(|| {
            let folded = FoldedText::new(divan::black_box(&FIXTURE.text), Folding::Full);
            m.find_bytes(&FIXTURE.text, &folded).len()
        });
}

/// The 200-brief workspace, index built: every hit found and counted per brief, the first
/// page of 100 lines with their context.
#[divan::bench(sample_count = 10)]
fn workspace_first_page() -> usize {
    let ws = &FIXTURE.workspace;
    let results = FIXTURE.index.search(ws, &matcher(Query::plain(WORD)));
    let counts = results.per_brief(ws);
    results.page(ws, 0..100).len() + counts.len()
}

/// The same with the index built first (the command line's one search).
#[divan::bench(sample_count = 10)]
fn workspace_cold_first_page() -> usize {
    let ws = &FIXTURE.workspace;
    let m = matcher(Query::plain(WORD));
    let index = SearchIndex::new(ws, m.folding(), Scope::default());
    let results = index.search(ws, &m);
    results.page(ws, 0..100).len() + results.per_brief(ws).len()
}

/// The HTML report of the 200-brief workspace (50 000 excerpts).
#[divan::bench(sample_count = 5)]
fn report_html() -> usize {
    report::render(
        &FIXTURE.workspace,
        &ReportOptions::default(),
        ReportFormat::Html,
    )
    .expect("renders")
    .len()
}

/// The Word report of the same.
#[divan::bench(sample_count = 5)]
fn report_docx() -> usize {
    report::render(
        &FIXTURE.workspace,
        &ReportOptions::default(),
        ReportFormat::Docx,
    )
    .expect("renders")
    .len()
}
