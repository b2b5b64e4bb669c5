//! Glyphs with their positions as each page draws them, and the short horizontal rules a page
//! draws (a footnote separator): the text operators of a page's content (and of the forms it
//! draws) interpreted over hayro-syntax's typed operators, within limits.
//!
//! Only what text extraction needs is tracked: the current transformation matrix, the text
//! state and font, path segments for rules, and whether the page draws images or shapes (a scan,
//! or text drawn as outlines, when it has no text). Colours, clipping and glyph outlines are
//! ignored.

use std::collections::HashMap;
use std::rc::Rc;

use hayro_syntax::content::TypedIter;
use hayro_syntax::content::ops::TypedInstruction;
use hayro_syntax::object::{Dict, Name, Object, ObjectIdentifier, Stream};
use hayro_syntax::page::{Page, Resources};

use super::fonts::Font;
use super::stream::{Budget, decoded};

/// One glyph: where it stands on the page (points, from the page's top-left corner, the baseline
/// at `top`), how wide and big it is, and the text its font maps it to (one or several
/// characters).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Glyph {
    pub x: f64,
    pub top: f64,
    pub width: f64,
    pub size: f64,
    pub text: String,
}

/// A horizontal line drawn on a page, from `x0` to `x1` at `top`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rule {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
}

/// What one page drew.
#[derive(Clone, Debug, Default)]
pub(super) struct PageGlyphs {
    pub number: u32,
    pub width: f64,
    pub height: f64,
    /// In the order the page draws them.
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Whether it draws an image (a scan, when it has no text).
    pub images: bool,
    /// Whether it paints shapes (text drawn as outlines, when it has no text).
    pub shapes: bool,
}

/// How reading a page ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PageEnd {
    Read,
    /// Its content (or a form it draws) went past a limit: what it drew before is kept.
    OverLimit,
    /// The document's glyph allowance ran out on it.
    GlyphLimit,
}

/// What the reader allows; [`Limits::default`] is what the importer uses.
#[derive(Clone, Copy, Debug)]
pub(super) struct Limits {
    /// Glyphs for the whole document (about four million characters: a long book).
    pub glyphs: usize,
    /// Operators drawn for one page, forms expanded.
    pub page_operators: u64,
    /// Operators drawn for the whole document.
    pub operators: u64,
    /// Forms inside forms.
    pub form_depth: usize,
    /// `q` inside `q`.
    pub save_depth: usize,
    /// Fonts read for the whole document (each once).
    pub fonts: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            glyphs: 4_000_000,
            page_operators: 1_000_000,
            operators: 20_000_000,
            form_depth: 12,
            save_depth: 256,
            fonts: 10_000,
        }
    }
}

/// What the pages of one document share: the limits left, the fonts and forms already read.
pub(super) struct Reader {
    limits: Limits,
    pub budget: Budget,
    glyphs_left: usize,
    operators_left: u64,
    fonts: HashMap<ObjectIdentifier, Option<Rc<Font>>>,
    forms: HashMap<ObjectIdentifier, Option<Rc<Vec<u8>>>>,
    /// Glyphs whose font maps them to no text.
    pub unmapped: usize,
}

impl Reader {
    pub(super) fn new(limits: Limits, budget: Budget) -> Self {
        Reader {
            glyphs_left: limits.glyphs,
            operators_left: limits.operators,
            limits,
            budget,
            fonts: HashMap::new(),
            forms: HashMap::new(),
            unmapped: 0,
        }
    }

    /// Reads page `number`.
    pub(super) fn read_page(&mut self, page: &Page<'_>, number: u32) -> (PageGlyphs, PageEnd) {
        let (width, height) = page.render_dimensions();
        let mut out = PageGlyphs {
            number,
            width: f64::from(width),
            height: f64::from(height),
            ..PageGlyphs::default()
        };
        let content = self.page_content(page);
        let mut run = Run {
            reader: self,
            page: &mut out,
            operators_left: 0,
            end: PageEnd::Read,
            forms_open: Vec::new(),
        };
        run.operators_left = run.reader.limits.page_operators;
        match content {
            Some(content) => {
                let state = State {
                    ctm: page.initial_transform(true).as_coeffs(),
                    ..State::default()
                };
                run.interpret(&content, page.resources(), state);
            }
            None if run.reader.budget.exceeded => run.end = PageEnd::OverLimit,
            None => {}
        }
        let end = run.end;
        (out, end)
    }

    /// The page's content streams, decoded and joined.
    fn page_content(&mut self, page: &Page<'_>) -> Option<Vec<u8>> {
        let mut content = Vec::new();
        match page.raw().get::<Object<'_>>(b"Contents")? {
            Object::Stream(stream) => content = decoded(&stream, &mut self.budget)?,
            Object::Array(streams) => {
                for stream in streams.iter::<Stream<'_>>().take(10_000) {
                    content.extend_from_slice(&decoded(&stream, &mut self.budget)?);
                    content.push(b'\n');
                }
            }
            _ => return None,
        }
        Some(content)
    }

    fn font(&mut self, dict: &Dict<'_>) -> Option<Rc<Font>> {
        let id = dict.obj_id();
        if let Some(id) = id
            && let Some(font) = self.fonts.get(&id)
        {
            return font.clone();
        }
        if self.fonts.len() >= self.limits.fonts {
            return None;
        }
        let font = Font::read(dict, &mut self.budget).map(Rc::new);
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        font
    }

    fn form(&mut self, stream: &Stream<'_>) -> Option<Rc<Vec<u8>>> {
        let id = stream.obj_id();
        if let Some(data) = self.forms.get(&id) {
            return data.clone();
        }
        let data = decoded(stream, &mut self.budget).map(Rc::new);
        self.forms.insert(id, data.clone());
        data
    }
}

/// A 2-D affine transform `[a b c d e f]`, as PDF writes matrices.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n` (a point goes through `m` first).
fn then(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn translate(x: f64, y: f64) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, x, y]
}

/// The graphics and text state that text extraction needs.
#[derive(Clone)]
struct State {
    /// User space to the page's device space (points, y down from the top).
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    /// `Tz` as a fraction.
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// One page being interpreted.
struct Run<'r, 'p> {
    reader: &'r mut Reader,
    page: &'p mut PageGlyphs,
    operators_left: u64,
    end: PageEnd,
    /// The forms being drawn, outermost first (a form that draws itself is not drawn again).
    forms_open: Vec<ObjectIdentifier>,
}

impl Run<'_, '_> {
    fn stopped(&self) -> bool {
        self.end != PageEnd::Read
    }

    fn interpret(&mut self, content: &[u8], resources: &Resources<'_>, state: State) {
        let mut state = state;
        let mut saved: Vec<State> = Vec::new();
        let (mut text_matrix, mut line_matrix) = (IDENTITY, IDENTITY);
        let mut path: Vec<(f64, f64, bool)> = Vec::new();
        let mut ops = TypedIter::new(content);
        while let Some(op) = ops.next() {
            if self.operators_left == 0 || self.reader.operators_left == 0 {
                self.end = PageEnd::OverLimit;
            }
            if self.stopped() {
                return;
            }
            self.operators_left -= 1;
            self.reader.operators_left -= 1;
            match op {
                TypedInstruction::SaveState(_) if saved.len() < self.reader.limits.save_depth => {
                    saved.push(state.clone());
                }
                TypedInstruction::RestoreState(_) => {
                    if let Some(previous) = saved.pop() {
                        state = previous;
                    }
                }
                TypedInstruction::Transform(t) => {
                    let m = [t.0, t.1, t.2, t.3, t.4, t.5].map(|n| n.as_f64());
                    if m.iter().all(|v| v.is_finite()) {
                        state.ctm = then(&m, &state.ctm);
                    }
                }
                TypedInstruction::BeginText(_) => {
                    text_matrix = IDENTITY;
                    line_matrix = IDENTITY;
                }
                TypedInstruction::EndText(_) => {}
                TypedInstruction::TextFont(f) => {
                    state.font = resources
                        .get_font(f.0)
                        .and_then(|dict| self.reader.font(&dict));
                    state.size = f.1.as_f64();
                }
                TypedInstruction::CharacterSpacing(n) => state.char_spacing = n.0.as_f64(),
                TypedInstruction::WordSpacing(n) => state.word_spacing = n.0.as_f64(),
                TypedInstruction::HorizontalScaling(n) => state.scale = n.0.as_f64() / 100.0,
                TypedInstruction::TextLeading(n) => state.leading = n.0.as_f64(),
                TypedInstruction::TextRise(n) => state.rise = n.0.as_f64(),
                TypedInstruction::NextLine(t) => {
                    line_matrix = then(&translate(t.0.as_f64(), t.1.as_f64()), &line_matrix);
                    text_matrix = line_matrix;
                }
                TypedInstruction::NextLineAndSetLeading(t) => {
                    state.leading = -t.1.as_f64();
                    line_matrix = then(&translate(t.0.as_f64(), t.1.as_f64()), &line_matrix);
                    text_matrix = line_matrix;
                }
                TypedInstruction::SetTextMatrix(t) => {
                    line_matrix = [t.0, t.1, t.2, t.3, t.4, t.5].map(|n| n.as_f64());
                    text_matrix = line_matrix;
                }
                TypedInstruction::NextLineUsingLeading(_) => {
                    line_matrix = then(&translate(0.0, -state.leading), &line_matrix);
                    text_matrix = line_matrix;
                }
                TypedInstruction::ShowText(s) => {
                    self.show(&state, &mut text_matrix, s.0.as_bytes());
                }
                TypedInstruction::NextLineAndShowText(s) => {
                    line_matrix = then(&translate(0.0, -state.leading), &line_matrix);
                    text_matrix = line_matrix;
                    self.show(&state, &mut text_matrix, s.0.as_bytes());
                }
                TypedInstruction::ShowTextWithParameters(s) => {
                    state.word_spacing = s.0.as_f64();
                    state.char_spacing = s.1.as_f64();
                    line_matrix = then(&translate(0.0, -state.leading), &line_matrix);
                    text_matrix = line_matrix;
                    self.show(&state, &mut text_matrix, s.2.as_bytes());
                }
                TypedInstruction::ShowTexts(items) => {
                    for item in items.0.iter::<Object<'_>>() {
                        match item {
                            Object::String(s) => self.show(&state, &mut text_matrix, s.as_bytes()),
                            Object::Number(n) => {
                                let shift = -n.as_f64() / 1000.0 * state.size * state.scale;
                                if shift.is_finite() {
                                    text_matrix = then(&translate(shift, 0.0), &text_matrix);
                                }
                            }
                            _ => {}
                        }
                        if self.stopped() {
                            return;
                        }
                    }
                }
                TypedInstruction::MoveTo(p) => {
                    path.push((p.0.as_f64(), p.1.as_f64(), true));
                }
                TypedInstruction::LineTo(p) => {
                    path.push((p.0.as_f64(), p.1.as_f64(), false));
                }
                TypedInstruction::RectPath(r) => {
                    let (x, y, w, h) = (r.0.as_f64(), r.1.as_f64(), r.2.as_f64(), r.3.as_f64());
                    path.push((x, y, true));
                    path.push((x + w, y, false));
                    path.push((x + w, y + h, false));
                    path.push((x, y + h, false));
                    path.push((x, y, false));
                }
                TypedInstruction::CubicTo(c) => path.push((c.4.as_f64(), c.5.as_f64(), true)),
                TypedInstruction::CubicStartTo(c) => {
                    path.push((c.2.as_f64(), c.3.as_f64(), true));
                }
                TypedInstruction::CubicEndTo(c) => path.push((c.2.as_f64(), c.3.as_f64(), true)),
                TypedInstruction::StrokePath(_)
                | TypedInstruction::CloseAndStrokePath(_)
                | TypedInstruction::FillPathNonZero(_)
                | TypedInstruction::FillPathNonZeroCompatibility(_)
                | TypedInstruction::FillPathEvenOdd(_)
                | TypedInstruction::FillAndStrokeNonZero(_)
                | TypedInstruction::FillAndStrokeEvenOdd(_)
                | TypedInstruction::CloseFillAndStrokeNonZero(_)
                | TypedInstruction::CloseFillAndStrokeEvenOdd(_) => {
                    self.paint(&state.ctm, &path);
                    path.clear();
                }
                TypedInstruction::EndPath(_) => path.clear(),
                TypedInstruction::Shading(_) => self.page.shapes = true,
                TypedInstruction::InlineImage(_) => self.page.images = true,
                TypedInstruction::XObject(name) => {
                    self.x_object(name.0, resources, &state);
                }
                _ => {}
            }
        }
    }

    /// A path painted: it counts as a shape, and its horizontal segments as rules.
    fn paint(&mut self, ctm: &Matrix, path: &[(f64, f64, bool)]) {
        if path.is_empty() {
            return;
        }
        self.page.shapes = true;
        let mut previous: Option<(f64, f64)> = None;
        for &(x, y, move_to) in path {
            let to = apply(ctm, x, y);
            if let (Some(from), false) = (previous, move_to) {
                self.add_rule(from, to);
            }
            previous = Some(to);
        }
    }

    fn add_rule(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) {
        let horizontal = (y1 - y0).abs() < 2.0 && (x1 - x0).abs() > 10.0;
        let finite = [x0, x1, y0].iter().all(|v| v.is_finite() && v.abs() < 1e6);
        if horizontal && finite && self.page.rules.len() < 1_000 {
            self.page.rules.push(Rule {
                x0: x0.min(x1),
                x1: x0.max(x1),
                top: (y0 + y1) / 2.0,
            });
        }
    }

    /// `Do`: an image is noted, a form drawn with its own matrix and resources.
    fn x_object(&mut self, name: &Name<'_>, resources: &Resources<'_>, state: &State) {
        let Some(stream) = resources.get_x_object(name) else {
            return;
        };
        let dict = stream.dict();
        match dict.get::<Name<'_>>(b"Subtype").as_deref() {
            Some(b"Image") => self.page.images = true,
            Some(b"Form") => {
                let id = stream.obj_id();
                if self.forms_open.len() >= self.reader.limits.form_depth
                    || self.forms_open.contains(&id)
                {
                    return;
                }
                let Some(content) = self.reader.form(&stream) else {
                    if self.reader.budget.exceeded {
                        self.end = PageEnd::OverLimit;
                    }
                    return;
                };
                let matrix = dict
                    .get::<hayro_syntax::object::Array<'_>>(b"Matrix")
                    .map(|m| m.iter::<f64>().collect::<Vec<f64>>())
                    .and_then(|m| <[f64; 6]>::try_from(m).ok())
                    .filter(|m| m.iter().all(|v| v.is_finite()))
                    .unwrap_or(IDENTITY);
                let own = dict.get::<Dict<'_>>(b"Resources").map(Resources::new);
                let mut inner = state.clone();
                inner.ctm = then(&matrix, &state.ctm);
                self.forms_open.push(id);
                self.interpret(&content, own.as_ref().unwrap_or(resources), inner);
                self.forms_open.pop();
            }
            _ => {}
        }
    }

    /// A shown string: each code's glyph placed, then the text matrix advanced past it.
    fn show(&mut self, state: &State, text_matrix: &mut Matrix, bytes: &[u8]) {
        let Some(font) = state.font.clone() else {
            return;
        };
        let size = state.size;
        let text_space = [size * state.scale, 0.0, 0.0, size, 0.0, state.rise];
        for code in font.codes(bytes) {
            if self.reader.glyphs_left == 0 {
                self.end = PageEnd::GlyphLimit;
                return;
            }
            self.reader.glyphs_left -= 1;
            let advance = font.width(code.code);
            let full = then(&then(&text_space, text_matrix), &state.ctm);
            match font.text(code.code) {
                Some(text) => self.place(&full, advance, text),
                None => self.reader.unmapped += 1,
            }
            let spacing = state.char_spacing + if code.space { state.word_spacing } else { 0.0 };
            let shift = (advance * size + spacing) * state.scale;
            if shift.is_finite() {
                *text_matrix = then(&translate(shift, 0.0), text_matrix);
            }
        }
    }

    /// A glyph at the origin of `m` (glyph space, one unit an em, to the page), `advance` em
    /// wide. Text turned or mirrored (a diagonal watermark, a vertical margin note) is left out.
    fn place(&mut self, m: &Matrix, advance: f64, text: String) {
        let origin = apply(m, 0.0, 0.0);
        let end = apply(m, advance, 0.0);
        let up = apply(m, 0.0, 1.0);
        let size = (up.0 - origin.0).hypot(up.1 - origin.1);
        let width = (end.0 - origin.0).hypot(end.1 - origin.1);
        // Device space has y down: upright text has a positive x scale and a negative y scale.
        let upright = m[0] > 0.0 && m[3] < 0.0 && m[1].abs() <= 0.1 * m[0];
        let glyph = Glyph {
            x: origin.0,
            top: origin.1,
            width,
            size,
            text: text
                .chars()
                .filter(|&c| !c.is_control() && c != '\u{feff}')
                .collect(),
        };
        let finite = [glyph.x, glyph.top, glyph.width, glyph.size]
            .iter()
            .all(|v| v.is_finite() && v.abs() < 1e6);
        if upright && finite && size > 0.5 && !glyph.text.is_empty() {
            self.page.glyphs.push(glyph);
        }
    }
}
