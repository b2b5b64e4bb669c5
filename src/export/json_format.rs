//! JSON for other tools: every excerpt with ids, so links can be followed.

use serde::Serialize;

use super::{Excerpt, ExcerptLink};
use crate::i18n::Locale;
use crate::model::{LinkTarget, Workspace};

#[derive(Serialize)]
struct Export<'a> {
    workspace: &'a str,
    excerpts: Vec<JsonExcerpt<'a>>,
    /// The workspace's memo and the memos on briefs, tags, determinants and scenarios.
    memos: Vec<JsonMemo<'a>>,
    /// The analysis of the whole workspace, as `basira analysis --json` prints it.
    analysis: crate::analysis::Summary,
}

#[derive(Serialize)]
struct JsonMemo<'a> {
    on: &'static str,
    id: String,
    title: String,
    memo: &'a str,
}

#[derive(Serialize)]
struct JsonExcerpt<'a> {
    id: String,
    brief: JsonBrief,
    quote: &'a str,
    /// The Admiralty badge (`B2`), or null when ungraded.
    grade: Option<String>,
    start: usize,
    end: usize,
    prefix: &'a str,
    suffix: &'a str,
    tags: &'a [String],
    determinants: Vec<JsonLink>,
    scenarios: Vec<JsonLink>,
    memo: &'a str,
    created: String,
}

#[derive(Serialize)]
struct JsonBrief {
    id: String,
    title: String,
    date: Option<String>,
}

#[derive(Serialize)]
struct JsonLink {
    id: String,
    title: String,
    relation: &'static str,
}

fn links(list: &[ExcerptLink]) -> Vec<JsonLink> {
    list.iter()
        .map(|l| JsonLink {
            id: match l.target {
                LinkTarget::Determinant(id) => id.to_string(),
                LinkTarget::Scenario(id) => id.to_string(),
            },
            title: l.title.clone(),
            relation: l.relation.word(),
        })
        .collect()
}

pub(super) fn render(ws: &Workspace, rows: &[Excerpt<'_>]) -> String {
    let export = Export {
        workspace: &ws.title,
        excerpts: rows
            .iter()
            .map(|row| {
                let p = row.passage;
                JsonExcerpt {
                    id: p.id.to_string(),
                    brief: JsonBrief {
                        id: p.brief.to_string(),
                        title: row.brief_title.clone(),
                        date: (!row.brief_date.is_empty()).then(|| row.brief_date.clone()),
                    },
                    quote: &p.anchor.quote,
                    grade: (!row.grade.is_empty()).then(|| row.grade.clone()),
                    start: p.anchor.start,
                    end: p.anchor.end,
                    prefix: &p.anchor.prefix,
                    suffix: &p.anchor.suffix,
                    tags: &row.tags,
                    determinants: links(&row.determinants),
                    scenarios: links(&row.scenarios),
                    memo: &p.memo,
                    created: p.created.to_rfc3339(),
                }
            })
            .collect(),
        memos: super::memos(ws)
            .into_iter()
            .map(|(on, id, title, memo)| JsonMemo {
                on,
                id,
                title,
                memo,
            })
            .collect(),
        analysis: super::analysis(ws, Locale::ENGLISH),
    };
    // Plain strings and numbers always serialise.
    let mut out = serde_json::to_string_pretty(&export).unwrap_or_default();
    out.push('\n');
    out
}
