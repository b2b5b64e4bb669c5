//! The workspace search panel (*Search all briefs*, Ctrl+Shift+F): the query and its options,
//! the hit counts per brief, then one keyword-in-context line per hit — only the lines in view
//! are cut out and laid out, so thousands of hits scroll as fast as ten. Clicking a line opens
//! the brief at the hit, selected; chosen hits become passages, optionally tagged.

use std::ops::Range;

use egui::Ui;

use super::passages_list::filter_combo;
use super::widgets::{shorten, text_field};
use crate::app::View;
use crate::app::command::AppCommand;
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_checkbox, bidi_label, bidi_selectable_showing, line_height, marked_selectable,
    message_label, ui_button_enabled,
};
use crate::app::paint::text_paint::TextPaint;
use crate::model::TextDirection;
use crate::search::{Found, Hit, Place, WholeWord};
use crate::text::{Direction, ResolvedDirection, first_strong};
use crate::tr;

/// Characters of context kept each side of a hit, so a line fits its row.
const SIDE: usize = 32;

pub fn search_ui(ui: &mut Ui, view: &View<'_>, paint: &mut TextPaint, out: &mut Vec<AppCommand>) {
    let loc = view.state.locale;
    let rtl = loc.language.is_rtl();
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
    // One option a line: a check box's name is laid out in the room its row has left, so
    // side by side the last one was squeezed to a letter a line and widened the panel.
    bidi_checkbox(ui, paint, &mut memos, &tr!(loc, "search-memos-and-names"));
    bidi_checkbox(ui, paint, &mut whole, &tr!(loc, "search-whole-word"));
    bidi_checkbox(ui, paint, &mut prefixes, &tr!(loc, "search-prefixes"));
    bidi_checkbox(ui, paint, &mut regex, &tr!(loc, "search-regex"));
    bidi_checkbox(ui, paint, &mut exact, &tr!(loc, "search-exact"));
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
        let error = crate::app::error_text::query_error(loc, error);
        message_label(ui, paint, &error, LabelStyle::Error);
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
    let in_briefs: usize = per_brief.iter().map(|c| c.hits).sum();
    if in_briefs > 0 {
        message_label(
            ui,
            paint,
            &tr!(
                loc,
                "search-summary",
                hits = in_briefs,
                briefs = per_brief.len()
            ),
            LabelStyle::Strong,
        );
    }
    let elsewhere = results.len() - in_briefs;
    if elsewhere > 0 {
        message_label(
            ui,
            paint,
            &tr!(loc, "search-summary-elsewhere", hits = elsewhere),
            LabelStyle::Strong,
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("search_counts")
        .max_height(110.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for count in &per_brief {
                let title = shorten(&count.title, 40);
                let text = tr!(
                    loc,
                    "search-brief-count",
                    brief = title.as_str(),
                    count = count.hits
                );
                // The title isolated, so that an Arabic title in the English interface (or an
                // English one in the Arabic) does not carry the count to its other side.
                let shown = format!(
                    "{}{}",
                    if rtl { '\u{200f}' } else { '\u{200e}' },
                    tr!(
                        loc,
                        "search-brief-count",
                        brief = format!("\u{2068}{title}\u{2069}"),
                        count = count.hits
                    )
                );
                if bidi_selectable_showing(ui, paint, false, &shown, &text).clicked() {
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
    // A row: the place on a line of its own, then at most two lines of the hit in context.
    let line = line_height(ui, LabelStyle::Body);
    let padding = ui.spacing().button_padding.y;
    let context_height = 2.0 * line + 2.0 * padding;
    let row_height = line + context_height + 2.0 * ui.spacing().item_spacing.y + 4.0;
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
                        let place = shorten(&place_label(view, hit.place), 32);
                        let rtl_line = results
                            .found
                            .get(index)
                            .is_some_and(|found| line_is_rtl(ws, found));
                        let line = KwicLine::new(&hit, &place, rtl_line);
                        let align = if rtl {
                            egui::Align::Max
                        } else {
                            egui::Align::Min
                        };
                        let column = egui::Layout::top_down(align);
                        let response = ui
                            .with_layout(column, |ui| {
                                bidi_label(ui, paint, &place, LabelStyle::Weak);
                                marked_selectable(
                                    ui,
                                    paint,
                                    &line.shown,
                                    line.mark.clone(),
                                    super::reader::FIND_HIT,
                                    &line.spoken,
                                    context_height,
                                )
                            })
                            .inner;
                        if response.clicked() {
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

/// A keyword-in-context line: what is shown (a direction mark, the words before, the hit, the
/// words after, on one line), which code points of it are the hit, and what a screen reader
/// is told (the place, then the line with the hit in 【】).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct KwicLine {
    pub shown: String,
    pub mark: Range<usize>,
    pub spoken: String,
}

impl KwicLine {
    /// The line of `hit` at `place`, reading right to left when `rtl` (the direction of the
    /// paragraph the hit is in, so the words stay where the brief has them).
    pub fn new(hit: &Hit, place: &str, rtl: bool) -> Self {
        let context = &hit.context;
        let before = tail(&context.before, SIDE, context.cut_before).replace('\n', " ");
        let after = head(&context.after, SIDE, context.cut_after).replace('\n', " ");
        let text = hit.text.replace('\n', " ");
        let mut shown = String::from(if rtl { '\u{200f}' } else { '\u{200e}' });
        shown.push_str(&before);
        let start = shown.chars().count();
        shown.push_str(&text);
        let end = shown.chars().count();
        shown.push_str(&after);
        Self {
            shown,
            mark: start..end,
            spoken: format!("{place}: {before}【{text}】{after}"),
        }
    }
}

/// Whether the paragraph `found` is in reads right to left: the brief's direction when the
/// analyst set one, else its first strong character (the text's first one for a paragraph
/// without any), as the reader lays it out.
fn line_is_rtl(ws: &crate::model::Workspace, found: &Found) -> bool {
    let Some(text) = found.place.text(ws) else {
        return false;
    };
    let direction = match found.place {
        Place::Brief(id) => match ws.brief(id).map(|b| b.meta.direction) {
            Some(TextDirection::Rtl) => Direction::Rtl,
            Some(TextDirection::Ltr) => Direction::Ltr,
            _ => Direction::Auto,
        },
        _ => Direction::Auto,
    };
    let start = found.bytes.start.min(text.len());
    let end = found.bytes.end.clamp(start, text.len());
    let from = text
        .get(..start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let to = text
        .get(end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| end + i);
    let line = text.get(from..to).unwrap_or_default();
    let fallback = first_strong(text).unwrap_or(ResolvedDirection::Ltr);
    direction.resolve(line, fallback) == ResolvedDirection::Rtl
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

/// The last `n` characters of `text`, with an ellipsis when cut here or before (`cut`).
fn tail(text: &str, n: usize, cut: bool) -> String {
    let count = text.chars().count();
    if count <= n {
        return if cut {
            format!("…{text}")
        } else {
            text.to_owned()
        };
    }
    let kept: String = text.chars().skip(count - n).collect();
    format!("…{kept}")
}

/// The first `n` characters of `text`, with an ellipsis when cut here or after (`cut`).
fn head(text: &str, n: usize, cut: bool) -> String {
    if text.chars().count() <= n {
        return if cut {
            format!("{text}…")
        } else {
            text.to_owned()
        };
    }
    let kept: String = text.chars().take(n).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Brief, BriefId, BriefMeta, Workspace};
    use crate::search::{Query, Scope, search_workspace};
    use crate::text::{LayoutParams, ParagraphLayout, TextEngine};

    fn brief(title: &str, direction: TextDirection, text: &str) -> Brief {
        Brief {
            id: BriefId::new(),
            meta: BriefMeta {
                title: title.into(),
                direction,
                ..BriefMeta::default()
            },
            text: text.into(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        }
    }

    /// The hits of `query` in `ws`, each with whether its line reads right to left.
    fn lines(ws: &Workspace, query: &str) -> Vec<(KwicLine, bool)> {
        let results = search_workspace(ws, &Query::plain(query), Scope::default()).expect("query");
        results
            .page(ws, 0..results.len())
            .iter()
            .zip(&results.found)
            .map(|(hit, found)| {
                let rtl = line_is_rtl(ws, found);
                (KwicLine::new(hit, "place", rtl), rtl)
            })
            .collect()
    }

    #[test]
    fn a_line_reads_in_the_direction_of_the_paragraph_its_hit_is_in() {
        let ws = Workspace {
            briefs: vec![
                // An English title over an Arabic paragraph, then an English one.
                brief(
                    "English title",
                    TextDirection::Auto,
                    "قال الوزير إن النفط يتراجع.\nOil (النفط) prices fall.",
                ),
                // An English paragraph in a brief the analyst set right to left.
                brief("Forced", TextDirection::Rtl, "النفط: oil prices"),
            ],
            ..Workspace::default()
        };
        let found = lines(&ws, "النفط");
        let directions: Vec<bool> = found.iter().map(|(_, rtl)| *rtl).collect();
        assert_eq!(directions, [true, false, true]);
        for (line, rtl) in &found {
            assert_eq!(line.shown.starts_with('\u{200f}'), *rtl);
            assert_eq!(line.shown.starts_with('\u{200e}'), !*rtl);
        }
    }

    #[test]
    fn the_mark_covers_exactly_the_hit_and_the_spoken_line_brackets_it() {
        let ws = Workspace {
            briefs: vec![brief(
                "B",
                TextDirection::Auto,
                "قالت الحكومة إنّ أمن العراق أولوية",
            )],
            ..Workspace::default()
        };
        let (line, _) = lines(&ws, "امن").remove(0);
        let marked: String = line
            .shown
            .chars()
            .skip(line.mark.start)
            .take(line.mark.len())
            .collect();
        assert_eq!(marked, "أمن");
        assert_eq!(line.spoken, "place: قالت الحكومة إنّ 【أمن】 العراق أولوية");
    }

    /// In a right-to-left line the words before the hit show to its right and the words after
    /// it to its left, an English one too (a left-to-right line would put that one on the
    /// hit's right), and the mark's rectangles cover the hit's letters and nothing else.
    #[test]
    fn the_mark_is_painted_where_the_hit_reads_in_a_right_to_left_line() {
        let ws = Workspace {
            briefs: vec![brief(
                "English title",
                TextDirection::Auto,
                "قالت الحكومة إنّ أمن Iraq أولوية",
            )],
            ..Workspace::default()
        };
        let (line, rtl) = lines(&ws, "امن").remove(0);
        assert!(rtl);
        let mut engine = TextEngine::new();
        let direction = Direction::Auto.resolve(&line.shown, ResolvedDirection::Ltr);
        assert_eq!(direction, ResolvedDirection::Rtl);
        let layout = ParagraphLayout::new(
            &mut engine,
            &line.shown,
            0,
            direction,
            &LayoutParams::reading(2000.0),
        );
        let rects = layout.selection_rects(line.mark.clone());
        assert_eq!(rects.len(), 1, "one hit, one piece");
        let (left, right) = (rects[0].x0, rects[0].x1);
        let visual = layout.lines();
        let clusters = visual.iter().flat_map(|l| &l.clusters);
        let mut seen = 0;
        for cluster in clusters.filter(|c| !c.whitespace) {
            let middle = (cluster.x0 + cluster.x1) / 2.0;
            if line.mark.contains(&cluster.range.start) {
                assert!(
                    (left..=right).contains(&middle),
                    "a letter of the hit unmarked"
                );
                seen += 1;
            } else if cluster.range.start < line.mark.start {
                assert!(middle > right, "a word before the hit shows left of it");
            } else {
                assert!(middle < left, "a word after the hit shows right of it");
            }
        }
        assert!(seen > 0);
    }
}
