//! Markdown for reports: excerpts grouped by determinant and by scenario, each with its source.

use std::fmt::Write as _;

use super::{Excerpt, ExcerptLink};
use crate::model::{LinkTarget, Workspace};

pub(super) fn render(ws: &Workspace, rows: &[Excerpt<'_>]) -> String {
    let mut out = String::new();
    let title = if ws.title.trim().is_empty() {
        "Workspace"
    } else {
        ws.title.trim()
    };
    let _ = writeln!(out, "# {title}: excerpts\n");
    let _ = writeln!(out, "{} excerpts.\n", rows.len());

    out.push_str("## By determinant\n\n");
    for d in &ws.determinants {
        group(
            &mut out,
            &d.title,
            &d.description,
            rows,
            LinkTarget::Determinant(d.id),
            |r| &r.determinants,
        );
    }
    out.push_str("## By scenario\n\n");
    for s in &ws.scenarios {
        let about = format!("Judged likelihood: {}.", s.likelihood);
        group(
            &mut out,
            &s.title,
            &about,
            rows,
            LinkTarget::Scenario(s.id),
            |r| &r.scenarios,
        );
    }
    let unlinked: Vec<&Excerpt<'_>> = rows.iter().filter(|r| r.passage.links.is_empty()).collect();
    if !unlinked.is_empty() {
        out.push_str("## Not linked to a determinant or scenario\n\n");
        for row in unlinked {
            excerpt(&mut out, row, None);
        }
    }
    out
}

fn group<'r>(
    out: &mut String,
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
        excerpt(out, row, Some(link));
    }
}

fn excerpt(out: &mut String, row: &Excerpt<'_>, link: Option<&ExcerptLink>) {
    let p = row.passage;
    for line in p.anchor.quote.lines() {
        let _ = writeln!(out, "> {line}");
    }
    let mut source = format!("— *{}*", row.brief_title);
    if !row.brief_date.is_empty() {
        let _ = write!(source, ", {}", row.brief_date);
    }
    let _ = write!(source, ", code points {}–{}", p.anchor.start, p.anchor.end);
    if let Some(link) = link {
        let _ = write!(source, " · **{}**", link.relation);
    }
    if !row.tags.is_empty() {
        let _ = write!(source, " · tags: {}", row.tags.join(", "));
    }
    let _ = writeln!(out, "\n{source}\n");
    if !p.memo.trim().is_empty() {
        let _ = writeln!(out, "Memo: {}\n", p.memo.trim().replace('\n', " "));
    }
}
