//! The reader: the selected brief's text laid out with bidi by the text layer, its passages
//! highlighted, where the analyst selects text to create passages.
//!
//! Only what is in view is laid out and painted: the brief's [`LayoutCache`] (kept in
//! [`ReaderLayouts`], per brief, at the current width and zoom) lays out the paragraphs the
//! scroll area's viewport shows, and [`TextPaint`] draws them from its glyph atlas. Beneath the
//! text: each passage in its first tag's colour (semi-transparent, so overlaps mix) with an
//! underline per passage at its overlap level, the find bar's hits (amber, the current one
//! stronger and outlined), then the selection; above it, the caret.
//!
//! Everything is in code points of the brief, as anchors are: dragging, shift-click, double
//! click (a word), triple click (a paragraph), Shift+Left/Right (one code point, towards the
//! arrow in the paragraph's direction: Left moves forwards in Arabic), Shift+Home/End (to the
//! paragraph's ends), Ctrl+A (everything) and Ctrl+C (the logical text of the selection). A
//! click without a drag inside a highlight selects its passage, the innermost one when they
//! overlap. The selection itself is app state (`SetReaderSelection`).

use egui::{Color32, Event, EventFilter, Key, Pos2, Role, Sense, Stroke, Ui, Vec2, vec2};

use super::highlight::{self, Mark};
use super::widgets::{INK, color32, shorten, text_field};
use crate::app::View;
use crate::app::command::{Action, AppCommand};
use crate::app::paint::bidi_label::{
    LabelStyle, bidi_checkbox, bidi_label, bidi_selectable, egui_text, message_label, ui_button,
    ui_small_button,
};
use crate::app::paint::text_paint::{PixelFrame, TextPaint};
use crate::app::state::FindState;
use crate::edit::Edit;
use crate::i18n::Locale;
use crate::model::{Brief, BriefId, TextDirection};
use crate::model::{Link, LinkTarget, Relation};
use crate::text::{Affinity, Caret, Direction, LayoutCache, LayoutParams, Point, TextStyle};
use crate::text_range::{next_grapheme, previous_grapheme, slice_chars};
use crate::tr;

/// The id of the reader's text widget (it takes keyboard focus).
#[must_use]
pub fn reader_id() -> egui::Id {
    egui::Id::unique("basira-reader")
}

/// Space around the text column, in points.
const MARGIN: f32 = 12.0;

/// Briefs whose layouts are kept, most recently shown first.
const KEPT_BRIEFS: usize = 4;

/// Background of passages that have no tag yet.
const UNTAGGED: Color32 = Color32::from_gray(170);

/// The reader's layouts and where it drew them: a cache beside the app state (like
/// [`TextPaint`]), changed only by painting.
#[derive(Default)]
pub struct ReaderLayouts {
    /// One [`LayoutCache`] per recently shown brief, the current one first. A cache is reused
    /// while its text is the brief's text (texts never change in a workspace, but a reloaded
    /// workspace may bring another text under the same brief id).
    caches: Vec<(BriefId, LayoutCache)>,
    /// Where the last frame put the current brief's text.
    frame: Option<ReaderFrame>,
}

/// Where the reader drew its text in the last frame.
#[derive(Clone, Copy, Debug)]
struct ReaderFrame {
    brief: BriefId,
    pixels: PixelFrame,
    /// The part of the screen the text was visible in.
    clip: egui::Rect,
}

impl ReaderLayouts {
    /// How many paragraph layouts the kept caches have made.
    #[must_use]
    pub fn layouts_performed(&self) -> u64 {
        self.caches.iter().map(|(_, c)| c.layouts_performed()).sum()
    }

    /// Forgets every layout (another workspace was opened).
    pub fn clear(&mut self) {
        self.caches.clear();
        self.frame = None;
    }

    /// The cache of `brief`, made if needed, at `params`.
    fn cache_for(&mut self, brief: &Brief, params: LayoutParams) -> &mut LayoutCache {
        let found = self
            .caches
            .iter()
            .position(|(id, c)| *id == brief.id && c.text().as_ref() == brief.text.as_str());
        let entry = match found {
            Some(i) => self.caches.remove(i),
            None => {
                self.caches.retain(|(id, _)| *id != brief.id);
                (
                    brief.id,
                    LayoutCache::with_params(brief.text.as_str(), params),
                )
            }
        };
        self.caches.insert(0, entry);
        self.caches.truncate(KEPT_BRIEFS);
        let cache = &mut self.caches[0].1;
        cache.set_params(params);
        cache
    }

    /// The current brief's cache, if it was shown in the last frame.
    fn shown(&self, brief: BriefId) -> Option<(&LayoutCache, &ReaderFrame)> {
        let frame = self.frame.as_ref().filter(|f| f.brief == brief)?;
        let (_, cache) = self.caches.iter().find(|(id, _)| *id == brief)?;
        Some((cache, frame))
    }

    /// The screen position of the caret before code point `index` of `brief` (the middle of
    /// its line), when that brief was shown in the last frame and the position was in view.
    #[must_use]
    pub fn point_of(&self, brief: BriefId, index: usize) -> Option<Pos2> {
        let (cache, frame) = self.shown(brief)?;
        cache.paragraph(cache.paragraph_of(index))?;
        let caret = cache.caret_rect(Caret::new(index, Affinity::Downstream), 0.0);
        let point = frame
            .pixels
            .to_screen(Point::new(caret.x0, f32::midpoint(caret.y0, caret.y1)));
        frame.clip.contains(point).then_some(point)
    }

    /// The scale (layout pixels per point) the brief is laid out at.
    #[must_use]
    pub fn scale_of(&self, brief: BriefId) -> Option<f32> {
        self.shown(brief).map(|(cache, _)| cache.params().scale)
    }
}

pub fn reader_panel_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    layouts: &mut ReaderLayouts,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let loc = view.state.locale;
    let Some(brief) = view.state.selected_brief.and_then(|b| ws.brief(b)) else {
        layouts.frame = None;
        ui.centered_and_justified(|ui| {
            message_label(ui, paint, &tr!(loc, "reader-no-brief"), LabelStyle::Body);
        });
        return;
    };
    header_ui(ui, view, paint, brief, out);
    if let Some(find) = &view.state.find {
        find_bar_ui(ui, loc, paint, find, out);
    }
    ui.separator();
    text_ui(ui, view, paint, layouts, brief, out);
}

fn header_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    brief: &Brief,
    out: &mut Vec<AppCommand>,
) {
    bidi_label(ui, paint, &brief.display_title(), LabelStyle::Heading);
    let loc = view.state.locale;
    let meta = &brief.meta;
    let mut facts: Vec<String> = Vec::new();
    if let Some(date) = meta.published {
        facts.push(loc.date(date));
    }
    for s in [&meta.author, &meta.publisher, &meta.language] {
        if !s.trim().is_empty() {
            // Isolated, so that an Arabic name keeps its place in the line.
            facts.push(format!("\u{2068}{}\u{2069}", s.trim()));
        }
    }
    if let Some(source) = &brief.source {
        facts.push(loc.source_format(source.format));
    }
    let count = view
        .ws()
        .passages
        .iter()
        .filter(|p| p.brief == brief.id)
        .count();
    facts.push(tr!(loc, "passage-count", count = count));
    // A line of the interface, read in the interface's direction whatever the names in it.
    let mark = if loc.language.is_rtl() {
        '\u{200f}'
    } else {
        '\u{200e}'
    };
    let line = format!("{mark}{}", facts.join(" · "));
    ui.horizontal(|ui| {
        super::widgets::grade_badge(ui, loc, paint, view.ws().assessment.grade(brief.id));
        bidi_label(ui, paint, &line, LabelStyle::Weak);
    });
    ui.horizontal(|ui| {
        let selection = view
            .state
            .reader_selection
            .filter(|s| s.brief == brief.id && !s.is_empty());
        let shortcut = ui
            .ctx()
            .format_shortcut(&Action::CreatePassage.shortcuts()[0]);
        let button = ui
            .add_enabled(
                selection.is_some(),
                egui::Button::new(egui_text(paint, &Action::CreatePassage.label(loc))),
            )
            .accessible_name(Action::CreatePassage.label(loc))
            .on_hover_text(egui_text(
                paint,
                &format!("{} ({shortcut})", Action::CreatePassage.tooltip(loc)),
            ))
            .on_disabled_hover_text(egui_text(paint, &tr!(loc, "reader-select-first")));
        if button.clicked() {
            out.push(AppCommand::Action(Action::CreatePassage));
        }
        zoom_ui(ui, view, out);
        match selection {
            Some(s) => {
                // The quote is isolated (message_label), so the numbers after it stay in the
                // interface's order: «…» (3270–3325), never (3325–3270) after an Arabic quote.
                let quote = shorten(slice_chars(&brief.text, s.start(), s.end()), 60);
                let text = tr!(
                    loc,
                    "reader-selection",
                    quote = quote,
                    start = s.start(),
                    end = s.end()
                );
                message_label(ui, paint, &text, LabelStyle::Weak);
            }
            None => {
                bidi_label(ui, paint, &tr!(loc, "reader-hint"), LabelStyle::Weak);
            }
        }
    });
}

/// The find bar (Ctrl+F): the query field, the match count and previous / next / close.
/// Enter and F3 go to the next match, Shift+Enter and Shift+F3 to the previous one, Escape
/// closes the bar.
fn find_bar_ui(
    ui: &mut Ui,
    loc: Locale,
    paint: &mut TextPaint,
    find: &FindState,
    out: &mut Vec<AppCommand>,
) {
    ui.horizontal(|ui| {
        // The project's bidi field, so an Arabic query reads right to left as typed.
        let field = ui
            .allocate_ui_with_layout(
                vec2(320.0, ui.spacing().interact_size.y),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| text_field(ui, paint, &tr!(loc, "find-field"), true, &find.query, 1),
            )
            .inner;
        if find.focus_field {
            ui.memory_mut(|m| m.request_focus(field.id));
            out.push(AppCommand::FindFocused);
        }
        let (enter, escape, shift) = ui.input(|i| {
            (
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::Escape),
                i.modifiers.shift,
            )
        });
        if let Some(query) = field.changed {
            out.push(AppCommand::SetFindQuery(query));
        }
        if field.lost_focus && enter {
            let step = if shift {
                Action::FindPrevious
            } else {
                Action::FindNext
            };
            out.push(AppCommand::Action(step));
            // Stay in the field, so Enter can be pressed again.
            ui.memory_mut(|m| m.request_focus(field.id));
        } else if field.lost_focus && escape {
            out.push(AppCommand::CloseFind);
        }
        message_label(ui, paint, &find.count_text(loc), LabelStyle::Body);
        for (action, text) in [
            (Action::FindPrevious, tr!(loc, "find-previous")),
            (Action::FindNext, tr!(loc, "find-next")),
        ] {
            let shortcut = ui.ctx().format_shortcut(&action.shortcuts()[0]);
            let response = ui
                .add_enabled(
                    !find.hits.is_empty(),
                    egui::Button::new(egui_text(paint, &text)).small(),
                )
                .on_hover_text(egui_text(
                    paint,
                    &format!("{} ({shortcut})", action.tooltip(loc)),
                ))
                .accessible_name(action.label(loc));
            if response.clicked() {
                out.push(AppCommand::Action(action));
            }
        }
        if ui_small_button(ui, paint, &tr!(loc, "button-close"))
            .on_hover_text(egui_text(paint, &tr!(loc, "find-close-tooltip")))
            .accessible_name(tr!(loc, "find-close-name"))
            .clicked()
        {
            out.push(AppCommand::CloseFind);
        }
    });
}

/// Smaller / larger buttons and the zoom factor.
fn zoom_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<AppCommand>) {
    let loc = view.state.locale;
    for (action, text) in [(Action::ZoomOut, "−"), (Action::ZoomIn, "+")] {
        let shortcut = ui.ctx().format_shortcut(&action.shortcuts()[0]);
        let response = ui
            .small_button(text)
            .on_hover_text(format!("{} ({shortcut})", action.tooltip(loc)))
            .accessible_name(action.label(loc));
        if response.clicked() {
            out.push(AppCommand::Action(action));
        }
    }
    let percent = (view.state.reader_zoom.factor() * 100.0).round();
    if ui
        .small_button(loc.digits.apply(&format!("{percent}%")))
        .on_hover_text(Action::ZoomReset.tooltip(loc))
        .accessible_name(Action::ZoomReset.label(loc))
        .clicked()
    {
        out.push(AppCommand::Action(Action::ZoomReset));
    }
}

fn text_ui(
    ui: &mut Ui,
    view: &View<'_>,
    paint: &mut TextPaint,
    layouts: &mut ReaderLayouts,
    brief: &Brief,
    out: &mut Vec<AppCommand>,
) {
    let ws = view.ws();
    let ppp = ui.ctx().pixels_per_point();
    let width = (ui.available_width() - 2.0 * MARGIN - ui.spacing().scroll.bar_width).max(40.0);
    let params = LayoutParams {
        width: (width * ppp).floor(),
        scale: ppp * view.state.reader_zoom.factor(),
        style: TextStyle::READING,
        direction: layout_direction(brief.meta.direction),
    };
    let cache = layouts.cache_for(brief, params);
    let mut area = egui::ScrollArea::vertical()
        .id_salt("reader_scroll")
        .auto_shrink([false, false]);
    let scroll_target = view
        .state
        .scroll_to
        .and_then(|p| ws.passage(p))
        .filter(|p| p.brief == brief.id)
        .map(|p| p.anchor.start)
        .or_else(|| {
            let (jump_brief, at) = view.state.jump_to?;
            (jump_brief == brief.id).then_some(at)
        })
        .or_else(|| {
            // The find bar moved to a hit.
            let find = view.state.find.as_ref().filter(|f| f.scroll_pending)?;
            find.hits.get(find.current?).map(|h| h.start)
        });
    if let Some(start) = scroll_target {
        // Jump to where the passage is by the current heights; once what is then in view is
        // laid out, `column_ui` scrolls to where it really is.
        cache.ensure_paragraph(paint.engine(), cache.paragraph_of(start));
        let caret = cache.caret_rect(Caret::new(start, Affinity::Downstream), 0.0);
        // Not past the end, where the scroll area would spring back over several frames.
        let bottom = (cache.total_height() / ppp + 2.0 * MARGIN - ui.available_height()).max(0.0);
        area = area.vertical_scroll_offset((caret.y0 / ppp + MARGIN - 80.0).clamp(0.0, bottom));
        out.push(AppCommand::ReaderScrolled);
    }
    let reader = Reader {
        view,
        brief,
        marks: highlight::marks(ws, view.lists.of_brief(ws, brief.id)),
        width,
        scroll_target,
    };
    let output = area.show_viewport(ui, |ui, viewport| {
        reader.column_ui(ui, viewport, cache, paint, out)
    });
    layouts.frame = Some(ReaderFrame {
        brief: brief.id,
        pixels: output.inner,
        clip: output.inner_rect,
    });
}

/// The text layer's direction for a brief's reading direction.
fn layout_direction(direction: TextDirection) -> Direction {
    match direction {
        TextDirection::Auto => Direction::Auto,
        TextDirection::Rtl => Direction::Rtl,
        TextDirection::Ltr => Direction::Ltr,
    }
}

/// One frame of the reader's text column.
struct Reader<'a> {
    view: &'a View<'a>,
    brief: &'a Brief,
    marks: Vec<Mark>,
    /// The column's width in points.
    width: f32,
    /// The passage start to scroll to once laid out.
    scroll_target: Option<usize>,
}

/// The passages and the selection as rectangles on the screen.
struct Highlights {
    /// Per visible mark (index into `Reader::marks`): its rectangles.
    marks: Vec<(usize, Vec<egui::Rect>)>,
}

impl Reader<'_> {
    /// Lays out and paints what `viewport` shows and handles the pointer and keyboard.
    /// Returns where the text was drawn.
    fn column_ui(
        &self,
        ui: &mut Ui,
        viewport: egui::Rect,
        cache: &mut LayoutCache,
        paint: &mut TextPaint,
        out: &mut Vec<AppCommand>,
    ) -> PixelFrame {
        let ppp = ui.ctx().pixels_per_point();
        let top = (viewport.min.y - MARGIN) * ppp;
        let bottom = (viewport.max.y - MARGIN) * ppp;
        let visible = cache.ensure_visible(paint.engine(), top, bottom);
        let size = vec2(
            self.width + 2.0 * MARGIN,
            cache.total_height() / ppp + 2.0 * MARGIN,
        );
        let rect = egui::Rect::from_min_size(ui.max_rect().min, size);
        ui.advance_cursor_after_rect(rect);
        let response = ui.interact(rect, reader_id(), Sense::click_and_drag());
        let name = tr!(self.view.state.locale, "reader-name");
        response.widget_info(|| egui::WidgetInfo::labeled(Role::Document, true, &name));
        let frame = PixelFrame::new(rect.min + Vec2::splat(MARGIN), ppp);

        if let Some(start) = self.scroll_target {
            let caret = cache.caret_rect(Caret::new(start, Affinity::Downstream), 0.0);
            ui.scroll_to_rect_animation(
                frame.rect_to_screen(caret).expand2(vec2(0.0, 60.0)),
                Some(egui::Align::Min),
                egui::style::ScrollAnimation::none(),
            );
        }

        let highlights = self.highlights(cache, frame, top, bottom);
        let stored = self
            .view
            .state
            .reader_selection
            .filter(|s| s.brief == self.brief.id)
            .map(|s| (s.anchor, s.focus));
        let mut now = self.pointer(ui, &response, cache, frame, &highlights, stored, out);
        if response.secondary_clicked()
            && let Some(pos) = ui.input(|i| i.pointer.interact_pos())
        {
            // A right click on a highlight selects its passage, which the menu then acts on.
            let under = highlight::smallest(&self.marks, |m| {
                highlights
                    .marks
                    .iter()
                    .any(|(i, rects)| m == &self.marks[*i] && rects.iter().any(|r| r.contains(pos)))
            });
            if let Some(mark) = under
                && self.view.state.selected_passage != Some(mark.id)
            {
                out.push(AppCommand::SelectPassage(mark.id));
            }
        }
        self.context_menu_ui(&response, paint, now, out);
        if response.has_focus() {
            now = self.keyboard(ui, cache, now);
        }
        if now != stored {
            out.push(AppCommand::SetReaderSelection(now));
        }

        if ui.is_rect_visible(rect) {
            self.paint(
                ui,
                cache,
                paint,
                frame,
                &highlights,
                now,
                top,
                bottom,
                visible,
            );
            if response.has_focus()
                && let Some((_, focus)) = now
            {
                let caret = cache.caret_rect(Caret::new(focus, Affinity::Downstream), ppp.max(1.0));
                ui.painter().rect_filled(
                    frame.rect_to_screen(caret),
                    0.0,
                    ui.visuals().text_cursor.stroke.color,
                );
            }
        }
        frame
    }

    /// The rectangles of the passages in view.
    fn highlights(
        &self,
        cache: &LayoutCache,
        frame: PixelFrame,
        top: f32,
        bottom: f32,
    ) -> Highlights {
        let visible = cache.visible(top, bottom);
        let first = cache.paragraph_range(visible.start).start;
        let last = cache
            .paragraph_range(visible.end.saturating_sub(1).max(visible.start))
            .end
            + 1;
        let marks = self
            .marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.range.start < last && m.range.end > first)
            .map(|(i, m)| {
                let rects = cache
                    .visible_selection_rects(m.range.clone(), top, bottom)
                    .into_iter()
                    .map(|r| frame.rect_to_screen(r))
                    .collect();
                (i, rects)
            })
            .collect();
        Highlights { marks }
    }

    /// The selection after this frame's clicks and drags.
    #[allow(clippy::too_many_arguments)] // one frame's context, passed once
    fn pointer(
        &self,
        ui: &Ui,
        response: &egui::Response,
        cache: &LayoutCache,
        frame: PixelFrame,
        highlights: &Highlights,
        stored: Option<(usize, usize)>,
        out: &mut Vec<AppCommand>,
    ) -> Option<(usize, usize)> {
        let (shift, press, pointer) = ui.input(|i| {
            (
                i.modifiers.shift,
                i.pointer.press_origin(),
                i.pointer.interact_pos(),
            )
        });
        let hit = |pos: Pos2| cache.hit_test(frame.to_layout(pos)).index;
        let mut now = stored;
        if response.drag_started() {
            response.request_focus();
            // The press, not where the drag was recognised, is where the selection starts.
            let anchor = stored.filter(|_| shift).map(|(a, _)| a).or(press.map(hit));
            if let (Some(anchor), Some(pos)) = (anchor, pointer) {
                now = Some((anchor, hit(pos)));
            }
        } else if response.dragged() || response.drag_stopped() {
            if let (Some((anchor, _)), Some(pos)) = (stored, pointer) {
                now = Some((anchor, hit(pos)));
            }
            if response.dragged()
                && let Some(pos) = pointer
                && !ui.clip_rect().contains(pos)
            {
                ui.scroll_to_rect(egui::Rect::from_center_size(pos, Vec2::splat(1.0)), None);
            }
        }
        let Some(pos) = pointer else {
            return now;
        };
        if response.triple_clicked() {
            let paragraph = cache.paragraph_range_at(frame.to_layout(pos));
            now = Some((paragraph.start, paragraph.end));
        } else if response.double_clicked() {
            let word = cache.word_at(frame.to_layout(pos));
            now = Some((word.start, word.end));
        } else if response.clicked() {
            response.request_focus();
            let at = hit(pos);
            if shift {
                now = Some((stored.map_or(at, |(anchor, _)| anchor), at));
            } else if let Some((start, end)) = self.footnote_jump(at) {
                // The jump selects where it lands.
                out.push(AppCommand::JumpTo {
                    brief: self.brief.id,
                    start,
                    end,
                });
            } else {
                now = Some((at, at));
                let under = highlight::smallest(&self.marks, |m| {
                    highlights.marks.iter().any(|(i, rects)| {
                        m == &self.marks[*i] && rects.iter().any(|r| r.contains(pos))
                    })
                });
                if let Some(mark) = under
                    && self.view.state.selected_passage != Some(mark.id)
                {
                    out.push(AppCommand::SelectPassage(mark.id));
                }
            }
        }
        now
    }

    /// Where a click at caret `at` jumps: from a footnote marker to its note, from a note's
    /// number back to the first marker.
    fn footnote_jump(&self, at: usize) -> Option<(usize, usize)> {
        let structure = self.view.structure?;
        structure.footnotes.iter().find_map(|note| {
            let reference = note.reference?;
            let first = note.markers.first()?;
            if note.markers.iter().any(|m| m.start <= at && at <= m.end) {
                return Some((reference.start, reference.end));
            }
            // The note's own number: "[n]" at its start.
            let label = format!("[{}]", note.number).chars().count();
            let on_label = reference.start <= at && at <= reference.start + label;
            on_label.then_some((first.start, first.end))
        })
    }

    /// The selection after this frame's keys, while the reader has the focus.
    fn keyboard(
        &self,
        ui: &Ui,
        cache: &LayoutCache,
        mut now: Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                reader_id(),
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..EventFilter::default()
                },
            );
        });
        let len = cache.char_len();
        let mut copy = false;
        for event in ui.input(|i| i.events.clone()) {
            let (key, modifiers) = match event {
                Event::Copy => {
                    copy = true;
                    continue;
                }
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => (key, modifiers),
                _ => continue,
            };
            let (anchor, focus) = now.unwrap_or((0, 0));
            let moved = |to: usize| {
                if modifiers.shift {
                    Some((anchor, to))
                } else {
                    Some((to, to))
                }
            };
            now = match key {
                Key::C if modifiers.command => {
                    copy = true;
                    now
                }
                Key::A if modifiers.command => Some((0, len)),
                Key::ArrowLeft | Key::ArrowRight => {
                    let rtl = cache
                        .paragraph(cache.paragraph_of(focus))
                        .is_some_and(|p| p.direction().is_rtl());
                    let forwards = (key == Key::ArrowRight) != rtl;
                    let (start, end) = (anchor.min(focus), anchor.max(focus));
                    if !modifiers.shift && start < end {
                        // An arrow collapses a selection to its end on that side.
                        let to = if forwards { end } else { start };
                        Some((to, to))
                    } else if forwards {
                        // By whole characters: a letter with its harakat is one step.
                        moved(next_grapheme(&self.brief.text, focus).min(len))
                    } else {
                        moved(previous_grapheme(&self.brief.text, focus))
                    }
                }
                Key::Home => moved(cache.paragraph_range(cache.paragraph_of(focus)).start),
                Key::End => moved(cache.paragraph_range(cache.paragraph_of(focus)).end),
                Key::Escape => Some((focus, focus)),
                _ => now,
            };
        }
        if copy
            && let Some((anchor, focus)) = now
            && anchor != focus
        {
            let text = slice_chars(&self.brief.text, anchor.min(focus), anchor.max(focus));
            ui.ctx().copy_text(text.to_owned());
        }
        now
    }

    /// Highlights and selection beneath the text, the underlines, then the text.
    #[allow(clippy::too_many_arguments)] // one frame's context, passed once
    fn paint(
        &self,
        ui: &Ui,
        cache: &LayoutCache,
        paint: &mut TextPaint,
        frame: PixelFrame,
        highlights: &Highlights,
        selection: Option<(usize, usize)>,
        top: f32,
        bottom: f32,
        visible: std::ops::Range<usize>,
    ) {
        let painter = ui.painter();
        let selected = self.view.state.selected_passage;
        for (i, rects) in &highlights.marks {
            let colour = self.marks[*i].colour.map_or(UNTAGGED, color32);
            let fill = colour.gamma_multiply(0.45);
            for rect in rects {
                painter.rect_filled(*rect, 0.0, fill);
            }
        }
        self.paint_find_hits(ui, cache, frame, top, bottom, visible.clone());
        if let Some((anchor, focus)) = selection
            && anchor != focus
        {
            let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.7);
            for rect in
                cache.visible_selection_rects(anchor.min(focus)..anchor.max(focus), top, bottom)
            {
                painter.rect_filled(frame.rect_to_screen(rect), 0.0, fill);
            }
        }
        for (i, rects) in &highlights.marks {
            let mark = &self.marks[*i];
            let is_selected = selected == Some(mark.id);
            let colour = mark.colour.map_or(UNTAGGED, color32);
            let stroke = if is_selected {
                Stroke::new(2.5, ui.visuals().strong_text_color())
            } else {
                Stroke::new(2.0, underline_colour(ui, colour))
            };
            #[allow(clippy::cast_precision_loss)] // levels are small
            let lift = 2.0 + 3.0 * mark.level as f32;
            for rect in rects {
                let y = rect.bottom() - lift;
                painter.hline(rect.x_range(), y, stroke);
            }
        }
        paint.paint_cache(painter, cache, visible, frame, text_colour(ui));
    }
}

impl Reader<'_> {
    /// The reader's context menu: on a selection, create a passage (plain, tagged with…,
    /// linked to…); on the selected passage (a right click on a highlight selects it), tag,
    /// link, extend / shrink to the selection, delete.
    fn context_menu_ui(
        &self,
        response: &egui::Response,
        paint: &mut TextPaint,
        selection: Option<(usize, usize)>,
        out: &mut Vec<AppCommand>,
    ) {
        let loc = self.view.state.locale;
        let ws = self.view.ws();
        let has_selection = selection.is_some_and(|(a, f)| a != f);
        let passage = self
            .view
            .state
            .selected_passage
            .and_then(|p| ws.passage(p))
            .filter(|p| p.brief == self.brief.id);
        if !has_selection && passage.is_none() {
            return;
        }
        let targets: Vec<LinkTarget> = ws
            .determinants
            .iter()
            .map(|d| LinkTarget::Determinant(d.id))
            .chain(ws.scenarios.iter().map(|s| LinkTarget::Scenario(s.id)))
            .collect();
        let target_name = |t: LinkTarget| ws.link_target_title(t).unwrap_or_default().to_owned();
        response.context_menu(|ui| {
            if has_selection {
                if ui_button(ui, paint, &Action::CreatePassage.label(loc)).clicked() {
                    out.push(AppCommand::Action(Action::CreatePassage));
                    ui.close();
                }
                let _ = ui.menu_button(egui_text(paint, &tr!(loc, "reader-create-tagged")), |ui| {
                    for tag in &ws.tags {
                        if bidi_selectable(ui, paint, false, &ws.tag_path(tag.id)).clicked() {
                            out.push(AppCommand::CreatePassageWith {
                                tags: vec![tag.id],
                                links: Vec::new(),
                            });
                            ui.close();
                        }
                    }
                });
                let _ = ui.menu_button(egui_text(paint, &tr!(loc, "reader-create-linked")), |ui| {
                    for target in &targets {
                        if bidi_selectable(ui, paint, false, &target_name(*target)).clicked() {
                            out.push(AppCommand::CreatePassageWith {
                                tags: Vec::new(),
                                links: vec![Link {
                                    target: *target,
                                    relation: Relation::Supports,
                                }],
                            });
                            ui.close();
                        }
                    }
                });
            }
            let Some(passage) = passage else {
                return;
            };
            ui.separator();
            let _ = ui.menu_button(egui_text(paint, &tr!(loc, "reader-tag-passage")), |ui| {
                for tag in &ws.tags {
                    let mut checked = passage.tags.contains(&tag.id);
                    if bidi_checkbox(ui, paint, &mut checked, &ws.tag_path(tag.id)).changed() {
                        let mut tags = passage.tags.clone();
                        if checked {
                            tags.push(tag.id);
                        } else {
                            tags.retain(|t| *t != tag.id);
                        }
                        out.push(AppCommand::Edit(Edit::SetPassageTags {
                            id: passage.id,
                            tags,
                        }));
                    }
                }
            });
            let _ = ui.menu_button(egui_text(paint, &tr!(loc, "reader-link-passage")), |ui| {
                for target in targets
                    .iter()
                    .filter(|t| !passage.links.iter().any(|l| l.target == **t))
                {
                    if bidi_selectable(ui, paint, false, &target_name(*target)).clicked() {
                        let mut links = passage.links.clone();
                        links.push(Link {
                            target: *target,
                            relation: Relation::Supports,
                        });
                        out.push(AppCommand::Edit(Edit::SetPassageLinks {
                            id: passage.id,
                            links,
                        }));
                        ui.close();
                    }
                }
            });
            if has_selection && ui_button(ui, paint, &tr!(loc, "inspector-to-selection")).clicked()
            {
                out.push(AppCommand::PassageToSelection(passage.id));
                ui.close();
            }
            if ui_button(ui, paint, &tr!(loc, "inspector-delete-passage")).clicked() {
                out.push(AppCommand::AskRemove(crate::app::state::Removal::Passage(
                    passage.id,
                )));
                ui.close();
            }
        });
    }

    /// The find bar's hits in the paragraphs in view (`visible`), beneath the text: amber, the
    /// current one stronger and outlined.
    fn paint_find_hits(
        &self,
        ui: &Ui,
        cache: &LayoutCache,
        frame: PixelFrame,
        top: f32,
        bottom: f32,
        visible: std::ops::Range<usize>,
    ) {
        let Some(find) = &self.view.state.find else {
            return;
        };
        if visible.is_empty() {
            return;
        }
        let first = cache.paragraph_range(visible.start).start;
        let last = cache.paragraph_range(visible.end - 1).end;
        let len = cache.char_len();
        let from = find.hits.partition_point(|h| h.end <= first);
        let painter = ui.painter();
        for (i, hit) in find.hits.iter().enumerate().skip(from) {
            if hit.start > last || hit.end > len {
                break;
            }
            let current = find.current == Some(i);
            let fill = if current { FIND_CURRENT } else { FIND_HIT };
            for rect in cache.visible_selection_rects(hit.clone(), top, bottom) {
                let rect = frame.rect_to_screen(rect);
                painter.rect_filled(rect, 2.0, fill);
                if current {
                    painter.rect_stroke(
                        rect,
                        2.0,
                        Stroke::new(1.5, FIND_OUTLINE),
                        egui::StrokeKind::Outside,
                    );
                }
            }
        }
    }
}

/// Find hits, beneath the text.
pub(crate) const FIND_HIT: Color32 = Color32::from_rgba_premultiplied(128, 90, 0, 110);
/// The current find hit.
const FIND_CURRENT: Color32 = Color32::from_rgba_premultiplied(230, 120, 0, 210);
const FIND_OUTLINE: Color32 = Color32::from_rgb(200, 80, 0);

/// Brief text: near black on light backgrounds, near white on dark ones (egui's own text
/// colour is too dim for long reading over highlights).
fn text_colour(ui: &Ui) -> Color32 {
    ui.visuals()
        .override_text_color
        .unwrap_or(if ui.visuals().dark_mode {
            Color32::from_gray(225)
        } else {
            INK
        })
}

/// A passage's underline: its tag colour, darker on light backgrounds so it shows over the
/// fill.
fn underline_colour(ui: &Ui, colour: Color32) -> Color32 {
    if ui.visuals().dark_mode {
        return colour;
    }
    let [r, g, b, _] = colour.to_array();
    let shade = |c: u8| u8::try_from(u16::from(c) * 3 / 5).unwrap_or(u8::MAX);
    Color32::from_rgb(shade(r), shade(g), shade(b))
}
