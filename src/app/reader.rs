//! The reader: the selected brief's text, with its passages highlighted in their first tag's
//! colour, where the analyst selects text to create passages.
//!
//! The text is a read-only `TextEdit`, so it can be selected but not changed. Its cursor
//! indices count code points, exactly like passage anchors.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Stroke, Ui};

use super::View;
use super::command::{Action, AppCommand};
use super::fonts::reader_font;
use super::highlight::{self, Mark, Paint, Span};
use super::hit_map::HitMap;
use super::widgets::{INK, color32, shorten};
use crate::model::{Brief, Workspace};
use crate::text_range::slice_chars;

/// The id of the reader's text widget (its `TextEditState` holds the selection).
#[must_use]
pub fn reader_id() -> egui::Id {
    egui::Id::unique("basira-reader")
}

/// Background of passages that have no tag yet.
const UNTAGGED: Color32 = Color32::from_gray(205);

pub fn reader_panel_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<AppCommand>) {
    let ws = view.ws();
    let Some(brief) = view.state.selected_brief.and_then(|b| ws.brief(b)) else {
        ui.centered_and_justified(|ui| {
            ui.label("No brief selected. Import a .txt or .md brief with File > Import briefs…, or drop files here.");
        });
        return;
    };
    header_ui(ui, view, brief, out);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("reader_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| text_ui(ui, view, ws, brief, out));
}

fn header_ui(ui: &mut Ui, view: &View<'_>, brief: &Brief, out: &mut Vec<AppCommand>) {
    ui.heading(brief.display_title());
    let meta = &brief.meta;
    let mut facts: Vec<String> = Vec::new();
    if let Some(date) = meta.published {
        facts.push(date.format("%Y-%m-%d").to_string());
    }
    for s in [&meta.publisher, &meta.language] {
        if !s.trim().is_empty() {
            facts.push(s.trim().to_owned());
        }
    }
    let count = view
        .ws()
        .passages
        .iter()
        .filter(|p| p.brief == brief.id)
        .count();
    facts.push(match count {
        1 => "1 passage".to_owned(),
        n => format!("{n} passages"),
    });
    ui.weak(facts.join(" · "));
    ui.horizontal(|ui| {
        let selection = view.state.reader_selection.filter(|s| s.brief == brief.id);
        let shortcut = ui
            .ctx()
            .format_shortcut(&Action::CreatePassage.shortcuts()[0]);
        let button = ui
            .add_enabled(
                selection.is_some(),
                egui::Button::new(Action::CreatePassage.label()),
            )
            .on_hover_text(format!("{} ({shortcut})", Action::CreatePassage.tooltip()))
            .on_disabled_hover_text("Select some text below first");
        if button.clicked() {
            out.push(AppCommand::Action(Action::CreatePassage));
        }
        match selection {
            Some(s) => ui.weak(format!(
                "Selected: «{}» ({}–{})",
                shorten(slice_chars(&brief.text, s.start, s.end), 60),
                s.start,
                s.end
            )),
            None => ui.weak("Select text to create a passage; click a highlight to inspect it."),
        };
    });
}

fn marks(ws: &Workspace, brief: &Brief) -> Vec<Mark> {
    ws.passages_of(brief.id)
        .into_iter()
        .map(|p| Mark {
            id: p.id,
            start: p.anchor.start,
            end: p.anchor.end,
            colour: p.tags.first().and_then(|t| ws.tag(*t)).map(|t| t.colour),
        })
        .collect()
}

fn text_ui(ui: &mut Ui, view: &View<'_>, ws: &Workspace, brief: &Brief, out: &mut Vec<AppCommand>) {
    let id = reader_id();
    let marks = marks(ws, brief);
    let stored = view
        .state
        .reader_selection
        .filter(|s| s.brief == brief.id)
        .map(|s| (s.start, s.end));
    let spans = highlight::spans(
        brief.char_len(),
        &marks,
        view.state.selected_passage,
        stored,
    );
    let visuals = ui.visuals().clone();
    let mut layouter = |ui: &Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
        let job = layout_job(buf.as_str(), &spans, &visuals, wrap_width);
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let mut text: &str = &brief.text;
    let output = ui
        .scope(|ui| {
            // egui paints its selection and caret by glyph index, which shaped Arabic breaks;
            // the reader paints the selection itself, from code points.
            let v = ui.visuals_mut();
            v.selection.bg_fill = Color32::TRANSPARENT;
            v.selection.stroke.color = Color32::PLACEHOLDER;
            v.text_cursor.stroke = Stroke::NONE;
            egui::TextEdit::multiline(&mut text)
                .id(id)
                .desired_width(f32::INFINITY)
                .frame(egui::Frame::NONE)
                .layouter(&mut layouter)
                .show(ui)
        })
        .inner;
    let response = output
        .response
        .response
        .clone()
        .accessible_name("Brief text");
    let origin = output.galley_pos.to_vec2();
    let hits = || HitMap::new(&output.galley, &brief.text);
    let (press, pointer) = ui.input(|i| (i.pointer.press_origin(), i.pointer.interact_pos()));
    let send_selection = |out: &mut Vec<AppCommand>, now: Option<(usize, usize)>| {
        if now != stored {
            out.push(AppCommand::SetReaderSelection(now));
        }
    };

    if response.dragged() || response.drag_stopped() {
        let map = hits();
        let now = match (&map, press, pointer) {
            // The press origin is gone on the frame the button is released: keep what the
            // drag selected up to then.
            (Some(map), Some(a), Some(b)) => Some(map.selection(a - origin, b - origin)),
            (Some(_), _, _) => None,
            (None, _, _) => output.cursor_range.map(|r| {
                let chars = r.as_sorted_char_range();
                (chars.start.0, chars.end.0)
            }),
        };
        if let Some((start, end)) = now {
            send_selection(out, (start < end).then_some((start, end)));
        }
        if response.drag_stopped() {
            let end = now.or(stored).map_or(0, |(_, end)| end);
            collapse_cursor(ui, output.state.clone(), end);
        }
    } else if response.clicked() {
        send_selection(out, None);
        let under = pointer
            .zip(hits())
            .and_then(|(p, map)| map.char_under(p - origin));
        if let Some(passage) = under.and_then(|i| highlight::passage_at(&marks, i))
            && view.state.selected_passage != Some(passage)
        {
            out.push(AppCommand::SelectPassage(passage));
        }
        collapse_cursor(ui, output.state.clone(), under.unwrap_or(0));
    } else if !response.is_pointer_button_down_on()
        && let Some(range) = output.cursor_range
    {
        // A selection made with the keyboard (or set from outside): taken as code points when
        // it changes.
        let chars = range.as_sorted_char_range();
        let now = (chars.start.0, chars.end.0);
        if ui.data(|d| d.get_temp::<(usize, usize)>(seen_id())) != Some(now) {
            ui.data_mut(|d| d.insert_temp(seen_id(), now));
            send_selection(out, (now.0 < now.1).then_some(now));
        }
    }

    if let Some(target) = view.state.scroll_to
        && let Some(passage) = ws.passage(target).filter(|p| p.brief == brief.id)
    {
        let start = passage.anchor.start;
        let rect = hits()
            .and_then(|map| map.rect_of(start))
            .unwrap_or_else(|| {
                output
                    .galley
                    .pos_from_cursor(egui::text::CCursor::new(start))
            });
        ui.scroll_to_rect(rect.translate(origin), Some(egui::Align::Center));
        out.push(AppCommand::ReaderScrolled);
    }
}

/// Where the reader remembers the last egui selection it has taken in.
fn seen_id() -> egui::Id {
    reader_id().with("seen_selection")
}

/// Leaves egui's own cursor empty at `at`, so it does not paint a selection of its own.
fn collapse_cursor(ui: &Ui, mut state: egui::text_edit::TextEditState, at: usize) {
    let cursor = egui::text::CCursor::new(at);
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(cursor)));
    state.store(ui.ctx(), reader_id());
    ui.data_mut(|d| d.insert_temp(seen_id(), (at, at)));
}

fn layout_job(text: &str, spans: &[Span], visuals: &egui::Visuals, wrap_width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let mut cuts: Vec<usize> = spans.iter().map(|s| s.start).collect();
    cuts.push(spans.last().map_or(0, |s| s.end));
    let bytes = highlight::byte_offsets(text, &cuts);
    for (i, span) in spans.iter().enumerate() {
        let (a, b) = (bytes[i], bytes[i + 1]);
        let mut format = TextFormat {
            font_id: reader_font(),
            color: visuals.text_color(),
            ..TextFormat::default()
        };
        match span.paint {
            Paint::Plain => {}
            Paint::Passage { colour, selected } => {
                format.background = colour.map_or(UNTAGGED, color32);
                format.color = INK;
                if selected {
                    format.underline = Stroke::new(2.0, INK);
                }
            }
            Paint::Selection => {
                format.background = visuals.selection.bg_fill;
            }
        }
        job.append(&text[a..b], 0.0, format);
    }
    if spans.is_empty() {
        job.append(
            text,
            0.0,
            TextFormat::simple(reader_font(), visuals.text_color()),
        );
    }
    job
}
