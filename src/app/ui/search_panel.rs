//! The workspace search panel (*Search all briefs*, Ctrl+Shift+F): the query and its options,
//! the hit counts per brief, then one keyword-in-context line per hit — only the lines in view
//! are cut out and laid out, so thousands of hits scroll as fast as ten. Clicking a line opens
//! the brief at the hit, selected; chosen hits become passages, optionally tagged.

use egui::Ui;

use super::passages_list::filter_combo;
use super::widgets::{shorten, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_checkbox, bidi_label, bidi_selectable, line_height, message_label,
    ui_button_enabled,
};
use crate::app::paint::text_paint::TextPaint;
use crate::search::{Place, WholeWord};
use crate::tr;

/// Characters of context kept each side of a hit, so a line fits its row.
const SIDE: usize = 40;

pub fn search_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let loc = view.state.locale;
    let ws = view.ws();
    let search = &view.state.search;
    let asked = &search.asked;
    let field = text_field(
        ui,
        paint,
        &tr!(loc, "search-field"),
        true,
        &asked.query.text,
        1,
    );
    if search.focus_field {
        ui.memory_mut(|m| m.request_focus(field.id));
        out.push(AppCommand::SearchFocused);
    }
    let mut next = asked.clone();
    if let Some(text) = field.changed {
        next.query.text = text;
    }
    let mut memos = asked.scope.memos_and_names;
    let mut whole = asked.query.whole_word != WholeWord::Off;
    let mut prefixes = asked.query.whole_word == WholeWord::WithPrefixes;
    let mut regex = asked.query.regex;
    let mut exact = asked.query.exact;
    ui.horizontal_wrapped(|ui| {
        bidi_checkbox(ui, paint, &mut memos, &tr!(loc, "search-memos-and-names"));
        bidi_checkbox(ui, paint, &mut whole, &tr!(loc, "search-whole-word"));
        bidi_checkbox(ui, paint, &mut prefixes, &tr!(loc, "search-prefixes"));
        bidi_checkbox(ui, paint, &mut regex, &tr!(loc, "search-regex"));
        bidi_checkbox(ui, paint, &mut exact, &tr!(loc, "search-exact"));
    });
    next.scope.memos_and_names = memos;
    next.query.regex = regex;
    next.query.exact = exact;
    next.query.whole_word = match (whole, prefixes) {
        (_, true) => WholeWord::WithPrefixes,
        (true, false) => WholeWord::Word,
        (false, false) => WholeWord::Off,
    };
    if next != *asked {
        out.push(AppCommand::SetSearch(next));
    }
    ui.separator();
    if let Some(error) = &search.error {
        message_label(
            ui,
            paint,
            &tr!(loc, "search-bad-query", error = error.as_str()),
            LabelStyle::Body,
        );
        return;
    }
    if asked.query.text.trim().is_empty() {
        bidi_label(ui, paint, &tr!(loc, "search-hint"), LabelStyle::Weak);
        return;
    }
    let results = &search.results;
    if results.is_empty() {
        message_label(
            ui,
            paint,
            &tr!(loc, "search-no-hits", query = asked.query.text.as_str()),
            LabelStyle::Body,
        );
        return;
    }
    let per_brief = results.per_brief(ws);
    message_label(
        ui,
        paint,
        &tr!(
            loc,
            "search-summary",
            hits = results.len(),
            briefs = per_brief.len()
        ),
        LabelStyle::Strong,
    );
    egui::ScrollArea::vertical()
        .id_salt("search_counts")
        .max_height(110.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for count in &per_brief {
                let text = tr!(
                    loc,
                    "search-brief-count",
                    brief = shorten(&count.title, 40),
                    count = count.hits
                );
                if bidi_selectable(ui, paint, false, &text).clicked() {
                    out.push(AppCommand::SelectBrief(count.brief));
                }
            }
        });
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        let mut tag = search.tag;
        filter_combo(
            ui,
            loc,
            paint,
            &tr!(loc, "search-tag"),
            &mut tag,
            ws.tags
                .iter()
                .map(|t| (t.id, format!("{}{}", "  ".repeat(ws.tag_depth(t)), t.name))),
        );
        if tag != search.tag {
            out.push(AppCommand::SetAutocodeTag(tag));
        }
        let create = tr!(loc, "search-create-passages", count = search.chosen.len());
        if ui_button_enabled(ui, paint, !search.chosen.is_empty(), &create).clicked() {
            out.push(AppCommand::CreatePassagesFromHits);
        }
    });
    ui.separator();
    let row_height = 2.0 * line_height(ui, LabelStyle::Body) + ui.spacing().item_spacing.y + 8.0;
    egui::ScrollArea::vertical()
        .id_salt("search_hits")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, results.len(), |ui, rows| {
            let first = rows.start;
            for (offset, hit) in results.page(ws, rows).into_iter().enumerate() {
                let index = first + offset;
                ui.allocate_ui(egui::vec2(ui.available_width(), row_height), |ui| {
                    ui.set_min_height(row_height);
                    ui.horizontal(|ui| {
                        let mut chosen = search.chosen.contains(&index);
                        let can_code = hit.place.brief().is_some();
                        let name = tr!(loc, "search-choose-hit", number = index + 1);
                        let response = ui
                            .add_enabled(can_code, egui::Checkbox::without_text(&mut chosen))
                            .accessible_name(name);
                        if response.changed() {
                            out.push(AppCommand::ChooseHit(index, chosen));
                        }
                        let context = &hit.context;
                        let before = tail(&context.before, SIDE);
                        let after = head(&context.after, SIDE);
                        let place = shorten(&place_label(view, hit.place), 24);
                        let line =
                            format!("{place}: {before}【{}】{after}", hit.text).replace('\n', " ");
                        if bidi_selectable(ui, paint, false, &line).clicked() {
                            match hit.place {
                                Place::Brief(brief) => out.push(AppCommand::JumpTo {
                                    brief,
                                    start: hit.start,
                                    end: hit.end,
                                }),
                                Place::PassageMemo(id) => out.push(AppCommand::ShowPassage(id)),
                                _ => {}
                            }
                        }
                    });
                });
            }
        });
}

/// What the line calls the place of a hit: the brief's title, or the kind of text.
fn place_label(view: &View<'_>, place: Place) -> String {
    let loc = view.state.locale;
    match place {
        Place::Brief(_) => place.label(view.ws()),
        Place::WorkspaceMemo => tr!(loc, "search-place-workspace-memo"),
        Place::PassageMemo(_) => tr!(loc, "search-place-passage-memo"),
        Place::TagName(_) => tr!(loc, "search-place-tag"),
        Place::DeterminantTitle(_) => tr!(loc, "search-place-determinant"),
        Place::ScenarioTitle(_) => tr!(loc, "search-place-scenario"),
    }
}

/// The last `n` characters of `text`, with an ellipsis when cut.
fn tail(text: &str, n: usize) -> String {
    let count = text.chars().count();
    if count <= n {
        return text.to_owned();
    }
    let kept: String = text.chars().skip(count - n).collect();
    format!("…{kept}")
}

/// The first `n` characters of `text`, with an ellipsis when cut.
fn head(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_owned();
    }
    let kept: String = text.chars().take(n).collect();
    format!("{kept}…")
}
