//! Markdown for reports: excerpts grouped by determinant and by scenario, each with its source.

use std::fmt::Write as _;

use super::{Excerpt, ExcerptLink};
use crate::i18n::Locale;
use crate::model::{LinkTarget, Workspace};
use crate::tr;

pub(super) fn render(ws: &Workspace, rows: &[Excerpt<'_>], loc: Locale) -> String {
    let mut out = String::new();
    let title = if ws.title.trim().is_empty() {
        tr!(loc, "export-md-workspace")
    } else {
        ws.title.trim().to_owned()
    };
    let _ = writeln!(out, "# {}\n", tr!(loc, "export-md-title", title = title));
    let _ = writeln!(out, "{}\n", tr!(loc, "export-md-count", count = rows.len()));

    let _ = writeln!(out, "## {}\n", tr!(loc, "export-md-by-determinant"));
    for d in &ws.determinants {
        group(
            &mut out,
            loc,
            &d.title,
            &d.description,
            rows,
            LinkTarget::Determinant(d.id),
            |r| &r.determinants,
        );
    }
    let _ = writeln!(out, "## {}\n", tr!(loc, "export-md-by-scenario"));
    for s in &ws.scenarios {
        let about = tr!(
            loc,
            "export-md-likelihood",
            likelihood = loc.likelihood(s.likelihood)
        );
        group(
            &mut out,
            loc,
            &s.title,
            &about,
            rows,
            LinkTarget::Scenario(s.id),
            |r| &r.scenarios,
        );
    }
    let unlinked: Vec<&Excerpt<'_>> = rows.iter().filter(|r| r.passage.links.is_empty()).collect();
    if !unlinked.is_empty() {
        let _ = writeln!(out, "## {}\n", tr!(loc, "export-md-unlinked"));
        for row in unlinked {
            excerpt(&mut out, loc, row, None);
        }
    }
    analysis(&mut out, loc, &super::analysis(ws, loc));
    let memos = super::memos(ws);
    if !memos.is_empty() {
        let _ = writeln!(out, "## {}\n", tr!(loc, "export-md-memos"));
        for (on, _, title, memo) in memos {
            let on = match on {
                "workspace" => tr!(loc, "export-md-memo-on-workspace"),
                "brief" => tr!(loc, "export-md-memo-on-brief"),
                "tag" => tr!(loc, "export-md-memo-on-tag"),
                "determinant" => tr!(loc, "export-md-memo-on-determinant"),
                _ => tr!(loc, "export-md-memo-on-scenario"),
            };
            let _ = writeln!(out, "**{on} «{}»**: {}\n", title.trim(), one_line(memo));
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table cell: no line breaks, no bars.
fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// The analysis of the whole workspace: ranking, warning, critical evidence, matrix, signposts.
/// Its headings, table headers and sentences (the change a critical piece of evidence causes,
/// the close-call warning, signpost statuses) are in `loc`'s language, as the summary was made.
fn analysis(out: &mut String, loc: Locale, s: &crate::analysis::Summary) {
    let _ = writeln!(out, "## {}\n", tr!(loc, "export-md-analysis"));
    if s.scenarios.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(loc, "export-md-no-scenarios"));
        return;
    }
    let _ = writeln!(
        out,
        "{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
        tr!(loc, "export-md-ranking-about"),
        tr!(loc, "export-md-col-rank"),
        tr!(loc, "export-md-col-scenario"),
        tr!(loc, "export-md-col-inconsistency"),
        tr!(loc, "export-md-col-weighted"),
    );
    let mut ranked: Vec<_> = s.scenarios.iter().collect();
    ranked.sort_by_key(|x| x.rank);
    for x in ranked {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2} |",
            x.rank,
            cell(&x.title),
            x.inconsistency,
            x.weighted_inconsistency
        );
    }
    out.push('\n');
    if let Some(close) = &s.close_call {
        let _ = writeln!(
            out,
            "**{}** {}.\n",
            tr!(loc, "export-md-warning"),
            close.warning
        );
    }
    if !s.critical.is_empty() {
        let _ = writeln!(out, "### {}\n", tr!(loc, "export-md-critical"));
        for c in &s.critical {
            let what = if c.passage.is_some() {
                tr!(loc, "export-md-critical-passage", what = c.what.as_str())
            } else {
                tr!(loc, "export-md-critical-brief", what = c.what.as_str())
            };
            let _ = writeln!(out, "- {what}: {}", c.change);
        }
        out.push('\n');
    }
    if !s.matrix.is_empty() {
        let _ = writeln!(
            out,
            "### {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|",
            tr!(loc, "export-md-matrix"),
            tr!(loc, "export-md-col-determinant"),
            tr!(loc, "export-md-col-scenario"),
            tr!(loc, "export-md-col-judgement"),
            tr!(loc, "export-md-col-supports"),
            tr!(loc, "export-md-col-weakens"),
            tr!(loc, "export-md-col-indicators"),
            tr!(loc, "export-md-col-note"),
        );
        for c in &s.matrix {
            let judgement = c
                .judgement
                .and_then(crate::model::Judgement::from_value)
                .map_or_else(|| "—".to_owned(), crate::model::Judgement::signed);
            let _ = writeln!(
                out,
                "| {} | {} | {judgement} | {} | {} | {} | {} |",
                cell(&c.determinant_title),
                cell(&c.scenario_title),
                c.supports,
                c.weakens,
                c.indicator,
                cell(&c.note)
            );
        }
        out.push('\n');
    }
    if !s.signposts.is_empty() {
        let _ = writeln!(out, "### {}\n", tr!(loc, "export-md-signposts"));
        for x in &s.signposts {
            let assessed = x.assessed.as_ref().map_or_else(String::new, |d| {
                tr!(loc, "export-md-assessed", date = d.to_string())
            });
            let _ = writeln!(
                out,
                "- {}: «{}» — {}{assessed}",
                one_line(&x.scenario_title),
                x.quote,
                loc.signpost_status(x.state)
            );
        }
        out.push('\n');
    }
}

fn group<'r>(
    out: &mut String,
    loc: Locale,
    title: &str,
    about: &str,
    rows: &'r [Excerpt<'r>],
    target: LinkTarget,
    links: impl Fn(&'r Excerpt<'r>) -> &'r [ExcerptLink],
) {
    let members: Vec<(&Excerpt<'_>, &ExcerptLink)> = rows
        .iter()
        .filter_map(|r| links(r).iter().find(|l| l.target == target).map(|l| (r, l)))
        .collect();
    if members.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {}\n", title.trim());
    if !about.trim().is_empty() {
        let _ = writeln!(out, "{}\n", about.trim());
    }
    for (row, link) in members {
        excerpt(out, loc, row, Some(link));
    }
}

fn excerpt(out: &mut String, loc: Locale, row: &Excerpt<'_>, link: Option<&ExcerptLink>) {
    let p = row.passage;
    for line in p.anchor.quote.lines() {
        let _ = writeln!(out, "> {line}");
    }
    let comma = if loc.language.is_rtl() { "، " } else { ", " };
    let mut source = format!("— *{}*", row.brief_title);
    if !row.brief_date.is_empty() {
        let _ = write!(source, "{comma}{}", row.brief_date);
    }
    if !row.grade.is_empty() {
        let _ = write!(source, " ({})", row.grade);
    }
    let points = tr!(
        loc,
        "export-md-code-points",
        start = p.anchor.start,
        end = p.anchor.end
    );
    let _ = write!(source, "{comma}{points}");
    if let Some(link) = link {
        let _ = write!(source, " · **{}**", loc.relation(link.relation));
    }
    if !row.tags.is_empty() {
        let tags = tr!(loc, "export-md-tags", tags = row.tags.join(comma));
        let _ = write!(source, " · {tags}");
    }
    let _ = writeln!(out, "\n{source}\n");
    if !p.memo.trim().is_empty() {
        let memo = tr!(
            loc,
            "export-md-memo",
            memo = p.memo.trim().replace('\n', " ")
        );
        let _ = writeln!(out, "{memo}\n");
    }
}
