//! The brief's structure in the app: the outline to jump between sections, the determinants and
//! scenarios the brief names offered as proposals (accept, edit, dismiss), and the passages
//! orphaned by a new version of the brief, to place again or delete.
//!
//! Detection (`crate::structure`) runs once per brief text and is cached here
//! ([`StructureCache`]); the panel reads the cache and sends commands.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::sync::Arc;

use egui::Ui;

use super::widgets::{shorten, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_label, bidi_selectable, egui_text, message_label, ui_button,
    ui_button_enabled, ui_small_button,
};
use crate::app::paint::text_paint::TextPaint;
use crate::app::state::ProposalDraft;
use crate::edit::Edit;
use crate::i18n::Locale;
use crate::model::{Brief, BriefId, Passage, Workspace};
use crate::structure::{
    self, BriefStructure, InAnalysis, OutlineKind, Proposal, ProposalKind, in_analysis,
};
use crate::tr;

/// The detected structure of each brief seen, recomputed when its text or headings change.
#[derive(Default)]
pub struct StructureCache {
    entries: HashMap<BriefId, Entry>,
}

struct Entry {
    /// Hash of the text and headings the structure was detected in.
    hash: u64,
    /// The document revision at which `hash` was last checked.
    revision: u64,
    structure: Arc<BriefStructure>,
    /// What the workspace holds for each proposal, and the revision it was found at.
    held: Option<(u64, Arc<Held>)>,
}

/// For each proposal of a structure, in order, what the analysis already holds for it.
pub type Held = Vec<Option<InAnalysis>>;

impl StructureCache {
    /// The structure of `brief`, detecting it when the brief changed since the last call;
    /// `revision` is the document's, so an unchanged document costs no hashing.
    pub fn get(&mut self, brief: &Brief, revision: u64) -> Arc<BriefStructure> {
        if let Some(entry) = self.entries.get_mut(&brief.id) {
            if entry.revision == revision {
                return Arc::clone(&entry.structure);
            }
            let hash = hash_of(brief);
            entry.revision = revision;
            if entry.hash == hash {
                return Arc::clone(&entry.structure);
            }
        }
        let structure = Arc::new(structure::detect(&brief.text, &brief.headings));
        self.entries.insert(
            brief.id,
            Entry {
                hash: hash_of(brief),
                revision,
                structure: Arc::clone(&structure),
                held: None,
            },
        );
        structure
    }

    /// The structure of `brief` (of `ws`) with what the analysis already holds for each of its
    /// proposals, found again only when the document changed.
    pub fn get_held(
        &mut self,
        ws: &Workspace,
        brief: &Brief,
        revision: u64,
    ) -> (Arc<BriefStructure>, Arc<Held>) {
        let structure = self.get(brief, revision);
        let entry = self.entries.get_mut(&brief.id);
        if let Some(entry) = entry {
            match &entry.held {
                Some((at, held)) if *at == revision => (structure, Arc::clone(held)),
                _ => {
                    let held = Arc::new(in_analysis(ws, brief.id, &structure.proposals));
                    entry.held = Some((revision, Arc::clone(&held)));
                    (structure, held)
                }
            }
        } else {
            let held = Arc::new(in_analysis(ws, brief.id, &structure.proposals));
            (structure, held)
        }
    }
}

fn hash_of(brief: &Brief) -> u64 {
    let mut hasher = DefaultHasher::new();
    brief.text.hash(&mut hasher);
    brief.headings.hash(&mut hasher);
    hasher.finish()
}

/// The Structure tab: outline, proposals and orphans of the selected brief.
pub fn structure_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let (Some(brief), Some(structure)) = (
        view.state.selected_brief.and_then(|b| ws.brief(b)),
        view.structure,
    ) else {
        bidi_label(ui, paint, &tr!(loc, "structure-no-brief"), LabelStyle::Weak);
        return;
    };
    orphans_ui(ui, view, paint, brief, out);
    outline_ui(ui, loc, paint, brief, structure, out);
    ui.add_space(8.0);
    for kind in [ProposalKind::Determinant, ProposalKind::Scenario] {
        proposals_ui(ui, view, paint, brief, structure, kind, out);
        ui.add_space(8.0);
    }
    let dismissed = brief.dismissed_proposals.len();
    if dismissed > 0
        && ui_button(
            ui,
            paint,
            &tr!(loc, "structure-show-dismissed", count = dismissed),
        )
        .clicked()
    {
        out.push(AppCommand::Edit(Edit::SetDismissedProposals {
            id: brief.id,
            keys: Vec::new(),
        }));
    }
}

fn outline_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    brief: &Brief,
    structure: &BriefStructure,
    out: &mut Vec<AppCommand>,
) {
    bidi_label(
        ui,
        paint,
        &tr!(loc, "structure-outline"),
        LabelStyle::Strong,
    );
    let outline = structure.outline();
    if outline.is_empty() {
        bidi_label(
            ui,
            paint,
            &tr!(loc, "structure-no-headings"),
            LabelStyle::Weak,
        );
        return;
    }
    for entry in outline {
        let text = match entry.kind {
            // Notes without a heading: the entry is named here, and jumps to the first note.
            // Named in the brief's language, whatever the interface's.
            OutlineKind::Notes if brief.meta.language.starts_with("ar") => {
                tr!(Locale::ARABIC, "structure-notes")
            }
            OutlineKind::Notes => tr!(loc, "structure-notes"),
            _ => shorten(entry.span.text(&brief.text).trim(), 70),
        };
        ui.horizontal(|ui| {
            ui.add_space(12.0 * f32::from(entry.level.saturating_sub(1)));
            if bidi_selectable(ui, paint, false, &text)
                .on_hover_text(egui_text(paint, &tr!(loc, "structure-show-in-reader")))
                .clicked()
            {
                out.push(AppCommand::JumpTo {
                    brief: brief.id,
                    start: entry.span.start,
                    end: entry.span.end,
                });
            }
        });
    }
}

fn proposals_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    brief: &Brief,
    structure: &BriefStructure,
    kind: ProposalKind,
    out: &mut Vec<AppCommand>,
) {
    let held = view.held.unwrap_or_default();
    let (open, held): (Vec<_>, Vec<_>) = structure
        .proposals
        .iter()
        .zip(held.iter().cloned().chain(std::iter::repeat(None)))
        .filter(|(p, _)| p.kind == kind && !brief.dismissed_proposals.contains(&p.key))
        .partition(|(_, held)| held.is_none());
    let open: Vec<&Proposal> = open.into_iter().map(|(p, _)| p).collect();
    // Named after an item the analyst made: shown apart, to accept anyway.
    let named: Vec<(&Proposal, String)> = held
        .into_iter()
        .filter_map(|(p, held)| match held {
            Some(InAnalysis::Named(title)) => Some((p, title)),
            _ => None,
        })
        .collect();
    let loc = view.state.locale;
    let heading = match kind {
        ProposalKind::Determinant => {
            tr!(loc, "structure-proposed-determinants", count = open.len())
        }
        ProposalKind::Scenario => tr!(loc, "structure-proposed-scenarios", count = open.len()),
    };
    ui.horizontal(|ui| {
        bidi_label(ui, paint, &heading, LabelStyle::Strong);
        if open.len() > 1 && ui_small_button(ui, paint, &tr!(loc, "structure-accept-all")).clicked()
        {
            out.push(AppCommand::AcceptProposals {
                brief: brief.id,
                keys: open.iter().map(|p| p.key.clone()).collect(),
            });
        }
    });
    if open.is_empty() {
        bidi_label(
            ui,
            paint,
            &tr!(loc, "structure-none-open"),
            LabelStyle::Weak,
        );
    }
    for proposal in open {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            proposal_ui(ui, view, paint, brief, proposal, out);
        });
    }
    if !named.is_empty() {
        egui::CollapsingHeader::new(egui_text(
            paint,
            &tr!(loc, "structure-already-held", count = named.len()),
        ))
        .id_salt(("already in the analysis", kind.name()))
        .show(ui, |ui| {
            for (proposal, title) in named {
                held_ui(ui, loc, paint, brief, proposal, &title, out);
            }
        });
    }
}

/// A proposal much like an item the analysis has: what it is like, and Accept anyway.
fn held_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    brief: &Brief,
    proposal: &Proposal,
    title: &str,
    out: &mut Vec<AppCommand>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        bidi_selectable(ui, paint, false, &proposal.name);
        ui.horizontal(|ui| {
            bidi_label(ui, paint, &tr!(loc, "structure-like"), LabelStyle::Weak);
            bidi_selectable(ui, paint, false, title);
        });
        ui.horizontal(|ui| {
            accept_button(
                ui,
                paint,
                &tr!(loc, "structure-accept-anyway"),
                &tr!(loc, "structure-accept-anyway-tooltip"),
                brief,
                proposal,
                out,
            );
            show_button(ui, loc, paint, brief, proposal, out);
        });
    });
}

fn proposal_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    brief: &Brief,
    proposal: &Proposal,
    out: &mut Vec<AppCommand>,
) {
    let loc = view.state.locale;
    let draft = view.state.proposal_drafts.get(&proposal.key);
    let name = draft
        .and_then(|d| d.name.as_deref())
        .unwrap_or(&proposal.name);
    let description = draft
        .and_then(|d| d.description.as_deref())
        .unwrap_or(&proposal.description);
    let with = |name: Option<String>, description: Option<String>| ProposalDraft {
        name: name.or_else(|| draft.and_then(|d| d.name.clone())),
        description: description.or_else(|| draft.and_then(|d| d.description.clone())),
    };
    let field = text_field(ui, paint, &tr!(loc, "field-name"), true, name, 1);
    if let Some(text) = field.changed {
        out.push(AppCommand::SetProposalDraft(
            proposal.key.clone(),
            with(Some(text), None),
        ));
    }
    let field = text_field(
        ui,
        paint,
        &tr!(loc, "field-description"),
        true,
        description,
        2,
    );
    if let Some(text) = field.changed {
        out.push(AppCommand::SetProposalDraft(
            proposal.key.clone(),
            with(None, Some(text)),
        ));
    }
    ui.horizontal(|ui| {
        accept_button(
            ui,
            paint,
            &tr!(loc, "structure-accept"),
            &tr!(loc, "structure-accept-tooltip"),
            brief,
            proposal,
            out,
        );
        if ui_button(ui, paint, &tr!(loc, "button-dismiss"))
            .on_hover_text(egui_text(paint, &tr!(loc, "structure-dismiss-tooltip")))
            .clicked()
        {
            let mut keys = brief.dismissed_proposals.clone();
            keys.push(proposal.key.clone());
            out.push(AppCommand::Edit(Edit::SetDismissedProposals {
                id: brief.id,
                keys,
            }));
        }
        show_button(ui, loc, paint, brief, proposal, out);
    });
}

fn accept_button(
    ui: &mut Ui,
    paint: &mut TextPaint,
    label: &str,
    hover: &str,
    brief: &Brief,
    proposal: &Proposal,
    out: &mut Vec<AppCommand>,
) {
    if ui_button(ui, paint, label)
        .on_hover_text(egui_text(paint, hover))
        .clicked()
    {
        out.push(AppCommand::AcceptProposals {
            brief: brief.id,
            keys: vec![proposal.key.clone()],
        });
    }
}

fn show_button(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    brief: &Brief,
    proposal: &Proposal,
    out: &mut Vec<AppCommand>,
) {
    if ui_button(ui, paint, &tr!(loc, "button-show"))
        .on_hover_text(egui_text(paint, &tr!(loc, "structure-show-in-reader")))
        .clicked()
    {
        out.push(AppCommand::JumpTo {
            brief: brief.id,
            start: proposal.source.start,
            end: proposal.source.end,
        });
    }
}

fn orphans_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    brief: &Brief,
    out: &mut Vec<AppCommand>,
) {
    let orphans: Vec<&Passage> = view
        .lists
        .of_brief(view.ws(), brief.id)
        .filter(|p| p.orphaned)
        .collect();
    if orphans.is_empty() {
        return;
    }
    let loc = view.state.locale;
    message_label(
        ui,
        paint,
        &tr!(loc, "structure-orphans", count = orphans.len()),
        LabelStyle::Warning,
    );
    let selection = view
        .state
        .reader_selection
        .filter(|s| s.brief == brief.id && s.anchor != s.focus);
    for passage in orphans {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            bidi_label(
                ui,
                paint,
                &shorten(&passage.anchor.quote, 160),
                LabelStyle::Body,
            );
            ui.horizontal(|ui| {
                let place =
                    ui_button_enabled(ui, paint, selection.is_some(), &tr!(loc, "structure-place"));
                if place.clicked() {
                    out.push(AppCommand::PlaceOrphan(passage.id));
                }
                if ui_button(ui, paint, &tr!(loc, "button-delete")).clicked() {
                    out.push(AppCommand::AskRemove(crate::app::state::Removal::Passage(
                        passage.id,
                    )));
                }
            });
        });
    }
    ui.separator();
}
