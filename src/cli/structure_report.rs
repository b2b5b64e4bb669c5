//! What `basira structure` prints: the outline, the proposed determinants and scenarios and
//! the footnotes found in a brief; serialisable, so `--json` is the same report.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Brief, Workspace};
use crate::structure::{BriefStructure, InAnalysis, OutlineKind, ProposalKind, in_analysis};

#[derive(Serialize)]
pub struct Report {
    brief: String,
    title: Option<String>,
    date: Option<String>,
    outline: Vec<OutlineLine>,
    determinants: Vec<ProposalLine>,
    scenarios: Vec<ProposalLine>,
    footnotes: Footnotes,
}

#[derive(Serialize)]
struct OutlineLine {
    level: u8,
    text: String,
    /// Code points of the brief's text.
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ProposalLine {
    name: String,
    description: String,
    start: usize,
    end: usize,
    /// What the workspace already holds for it: "accepted", "like «title»", or nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    in_workspace: Option<String>,
    /// Dismissed by the analyst in the app.
    dismissed: bool,
    key: String,
}

#[derive(Serialize)]
struct Footnotes {
    /// Notes with both a marker in the body and the note's text.
    linked: usize,
    /// Markers with no note.
    without_note: usize,
    /// Notes nothing refers to.
    without_marker: usize,
}

/// The report on `brief`, with what `ws` (the brief's workspace, when it has one) holds.
pub fn build(brief: &Brief, structure: &BriefStructure, ws: Option<&Workspace>) -> Report {
    let text = &brief.text;
    let outline = structure
        .outline()
        .into_iter()
        .map(|entry| OutlineLine {
            level: entry.level,
            text: match entry.kind {
                OutlineKind::Notes => "(notes)".to_owned(),
                _ => entry.span.text(text).trim().to_owned(),
            },
            start: entry.span.start,
            end: entry.span.end,
        })
        .collect();
    let held = ws.map_or_else(
        || vec![None; structure.proposals.len()],
        |ws| in_analysis(ws, brief.id, &structure.proposals),
    );
    let proposals = |kind: ProposalKind| {
        structure
            .proposals
            .iter()
            .zip(&held)
            .filter(|(p, _)| p.kind == kind)
            .map(|(p, held)| ProposalLine {
                name: p.name.clone(),
                description: p.description.clone(),
                start: p.source.start,
                end: p.source.end,
                in_workspace: held.as_ref().map(|held| match held {
                    InAnalysis::Accepted => "accepted".to_owned(),
                    InAnalysis::Named(title) => format!("like «{title}»"),
                }),
                dismissed: brief.dismissed_proposals.contains(&p.key),
                key: p.key.clone(),
            })
            .collect()
    };
    let notes = &structure.footnotes;
    Report {
        brief: brief.display_title(),
        title: structure.title.map(|s| s.text(text).trim().to_owned()),
        date: structure
            .date
            .as_ref()
            .map(|d| d.date.format("%Y-%m-%d").to_string()),
        outline,
        determinants: proposals(ProposalKind::Determinant),
        scenarios: proposals(ProposalKind::Scenario),
        footnotes: Footnotes {
            linked: notes.iter().filter(|f| f.is_linked()).count(),
            without_note: notes
                .iter()
                .filter(|f| f.reference.is_none() && !f.markers.is_empty())
                .count(),
            without_marker: notes
                .iter()
                .filter(|f| f.reference.is_some() && f.markers.is_empty())
                .count(),
        },
    }
}

/// The report as text, one fact per line.
pub fn human(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "brief: «{}»", report.brief);
    if let Some(title) = &report.title {
        let _ = writeln!(out, "title: «{title}»");
    }
    if let Some(date) = &report.date {
        let _ = writeln!(out, "date: {date}");
    }
    let _ = writeln!(out, "outline:");
    for line in &report.outline {
        let indent = "  ".repeat(usize::from(line.level));
        let _ = writeln!(out, "{indent}{} [{}..{}]", line.text, line.start, line.end);
    }
    for (heading, list) in [
        ("proposed determinants", &report.determinants),
        ("proposed scenarios", &report.scenarios),
    ] {
        let _ = writeln!(out, "{heading}: {}", list.len());
        for p in list {
            let mut notes = Vec::new();
            if let Some(held) = &p.in_workspace {
                notes.push(held.clone());
            }
            if p.dismissed {
                notes.push("dismissed".to_owned());
            }
            let notes = if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join(", "))
            };
            let _ = writeln!(
                out,
                "  «{}» [{}..{}] {}{notes}",
                p.name, p.start, p.end, p.key
            );
        }
    }
    let f = &report.footnotes;
    let _ = writeln!(
        out,
        "footnotes: {} linked, {} marker(s) without a note, {} note(s) without a marker",
        f.linked, f.without_note, f.without_marker
    );
    out
}
