//! Turning a parsed file into a workspace, reporting every problem rather than repairing it.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;

use super::v3::{LinkTargetV1, WorkspaceFileV3};
use super::v4::WorkspaceFileV4;
use crate::model::{
    Anchor, Brief, BriefMeta, BriefSource, Colour, Determinant, Heading, Link, LinkTarget, Passage,
    Scenario, Tag, Workspace,
};
use crate::text_range::CharIndex;

/// One thing wrong with a workspace file's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What the problem is in: `passage 3f2a1b2c («quote…»)`.
    pub subject: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.subject, self.message)
    }
}

fn short_quote(quote: &str) -> String {
    let mut s: String = quote.chars().take(30).collect();
    if quote.chars().count() > 30 {
        s.push('…');
    }
    s
}

/// Collects ids, reporting the second and later uses of one.
fn unique<T: Eq + Hash + Copy + fmt::Display>(
    kind: &str,
    ids: impl Iterator<Item = T>,
    problems: &mut Vec<Problem>,
) -> HashSet<T> {
    let mut seen = HashSet::with_capacity(ids.size_hint().0);
    for id in ids {
        if !seen.insert(id) {
            problems.push(Problem {
                subject: format!("{kind} {id}"),
                message: "this id is used twice".into(),
            });
        }
    }
    seen
}

/// What can be wrong with a brief on its own: its source's hash and its headings.
fn check_brief(brief: &Brief, problems: &mut Vec<Problem>) {
    let subject = || format!("brief «{}» ({})", brief.display_title(), brief.id.short());
    if let Some(source) = &brief.source
        && (source.sha256.len() != 64
            || !source
                .sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    {
        problems.push(Problem {
            subject: subject(),
            message: format!(
                "its source's sha256 «{}» is not 64 lowercase hex digits",
                source.sha256
            ),
        });
    }
    if brief.headings.is_empty() {
        return;
    }
    let len = brief.char_len();
    let mut previous_end = 0;
    for h in &brief.headings {
        let message = if h.start >= h.end || h.end > len {
            format!(
                "its heading at {}..{} is empty or runs past the end of the text ({len} code points)",
                h.start, h.end
            )
        } else if h.start < previous_end {
            format!("its heading at {}..{} is out of order", h.start, h.end)
        } else if !(1..=6).contains(&h.level) {
            format!(
                "its heading at {}..{} has level {}, not 1 to 6",
                h.start, h.end, h.level
            )
        } else {
            previous_end = h.end;
            continue;
        };
        problems.push(Problem {
            subject: subject(),
            message,
        });
    }
}

pub(super) fn into_workspace(file: WorkspaceFileV4) -> Result<Workspace, Vec<Problem>> {
    let (file, additions) = super::v4::split(file);
    let (mut workspace, mut problems) = version_3_parts(file);
    super::validate_v4::add_assessment(&mut workspace, additions, &mut problems);
    if problems.is_empty() {
        Ok(workspace)
    } else {
        Err(problems)
    }
}

/// The workspace of the parts version 3 has, and every problem found in them.
fn version_3_parts(file: WorkspaceFileV3) -> (Workspace, Vec<Problem>) {
    let mut problems = Vec::new();
    let brief_ids = unique("brief", file.briefs.iter().map(|b| b.id), &mut problems);
    let tag_ids = unique("tag", file.codebook.iter().map(|t| t.id), &mut problems);
    let det_ids = unique(
        "determinant",
        file.determinants.iter().map(|d| d.id),
        &mut problems,
    );
    let scen_ids = unique(
        "scenario",
        file.scenarios.iter().map(|s| s.id),
        &mut problems,
    );
    unique("passage", file.passages.iter().map(|p| p.id), &mut problems);

    let briefs: Vec<Brief> = file
        .briefs
        .into_iter()
        .map(|b| Brief {
            id: b.id,
            meta: BriefMeta {
                title: b.title,
                publisher: b.publisher,
                url: b.url,
                published: b.published,
                language: b.language,
                direction: b.direction.into(),
                author: b.author,
            },
            text: b.text.join("\n"),
            source: b.source.map(|s| BriefSource {
                file_name: s.file,
                format: s.format.into(),
                imported: s.imported,
                sha256: s.sha256,
            }),
            headings: b
                .headings
                .into_iter()
                .map(|h| Heading {
                    start: h.start,
                    end: h.end,
                    level: h.level,
                })
                .collect(),
            dismissed_proposals: b.dismissed,
        })
        .collect();
    for brief in &briefs {
        check_brief(brief, &mut problems);
    }

    let brief_index: HashMap<_, _> = briefs.iter().enumerate().map(|(i, b)| (b.id, i)).collect();

    let mut tags = Vec::with_capacity(file.codebook.len());
    for t in file.codebook {
        let subject = || format!("tag «{}» ({})", t.name, t.id.short());
        let colour = t.colour.parse::<Colour>().unwrap_or_else(|e| {
            problems.push(Problem {
                subject: subject(),
                message: e.to_string(),
            });
            Colour::nth(0)
        });
        if let Some(parent) = t.parent
            && !tag_ids.contains(&parent)
        {
            problems.push(Problem {
                subject: subject(),
                message: format!("its parent tag {parent} does not exist"),
            });
        }
        tags.push(Tag {
            id: t.id,
            name: t.name,
            colour,
            parent: t.parent,
            description: t.description,
        });
    }

    let determinants: Vec<Determinant> = file
        .determinants
        .into_iter()
        .map(|d| Determinant {
            id: d.id,
            title: d.title,
            description: d.description,
        })
        .collect();
    let scenarios: Vec<Scenario> = file
        .scenarios
        .into_iter()
        .map(|s| Scenario {
            id: s.id,
            title: s.title,
            narrative: s.narrative,
            likelihood: s.likelihood.into(),
        })
        .collect();

    let mut passages = Vec::with_capacity(file.passages.len());
    // Passages come grouped by brief, so the last one's brief is looked up first and one index
    // at a time keeps memory small.
    let mut indexed: Option<(usize, CharIndex<'_>)> = None;
    for p in file.passages {
        let anchor = Anchor {
            start: p.anchor.start,
            end: p.anchor.end,
            quote: p.anchor.quote,
            prefix: p.anchor.prefix,
            suffix: p.anchor.suffix,
        };
        // Named only when there is a problem: formatting it for every passage is costly.
        let id = p.id;
        let quote = &anchor.quote;
        let mut report = |message: String| {
            problems.push(Problem {
                subject: format!("passage {} («{}»)", id.short(), short_quote(quote)),
                message,
            })
        };
        let position = match &indexed {
            Some((i, _)) if briefs[*i].id == p.brief => Some(*i),
            _ => brief_index.get(&p.brief).copied(),
        };
        match position {
            None => report(format!("its brief {} does not exist", p.brief)),
            Some(_) if p.orphaned => {}
            Some(i) => {
                let brief = &briefs[i];
                if indexed.as_ref().is_none_or(|(j, _)| *j != i) {
                    indexed = Some((i, CharIndex::new(&brief.text)));
                }
                if let Some((_, index)) = &indexed
                    && let Err(e) = anchor.verify_indexed(&brief.text, index)
                {
                    report(format!("in brief «{}»: {e}", brief.display_title()));
                }
            }
        }
        for (i, tag) in p.tags.iter().enumerate() {
            if !tag_ids.contains(tag) {
                report(format!("its tag {tag} does not exist"));
            } else if p.tags[..i].contains(tag) {
                report(format!("it carries tag {tag} twice"));
            }
        }
        let mut links = Vec::with_capacity(p.links.len());
        for l in p.links {
            let target = match l.to {
                LinkTargetV1::Determinant(id) => {
                    if !det_ids.contains(&id) {
                        report(format!(
                            "it links to determinant {id}, which does not exist"
                        ));
                    }
                    LinkTarget::Determinant(id)
                }
                LinkTargetV1::Scenario(id) => {
                    if !scen_ids.contains(&id) {
                        report(format!("it links to scenario {id}, which does not exist"));
                    }
                    LinkTarget::Scenario(id)
                }
            };
            if links.iter().any(|x: &Link| x.target == target) {
                report("it links twice to the same determinant or scenario".into());
            }
            links.push(Link {
                target,
                relation: l.relation.into(),
            });
        }
        passages.push(Passage {
            id: p.id,
            brief: p.brief,
            anchor,
            tags: p.tags,
            links,
            memo: p.memo,
            created: p.created,
            orphaned: p.orphaned,
        });
    }
    let _ = brief_ids;

    let workspace = Workspace {
        title: file.title,
        memo: file.memo,
        briefs,
        tags,
        determinants,
        scenarios,
        passages,
        ..Workspace::default()
    };
    for i in super::tag_tree::tags_in_cycles(&workspace.tags) {
        let tag = &workspace.tags[i];
        problems.push(Problem {
            subject: format!("tag «{}» ({})", tag.name, tag.id.short()),
            message: "its parents form a cycle".into(),
        });
    }
    (workspace, problems)
}
