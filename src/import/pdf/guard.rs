//! Makes a loaded document safe to hand to pdf-extract, which trusts what it reads: it recurses
//! into form XObjects without end, expands a CMap range of four billion codes, decompresses any
//! stream whole, parses image data as page content and panics on the unexpected.
//!
//! Every page that will be read gets its inherited `MediaBox` and `Resources` written on itself,
//! and its content rewritten to the operators text extraction needs, each checked (operand types,
//! a font chosen before text is shown, `q` nesting, forms without cycles and not too deep). The
//! streams pdf-extract decodes itself (content, forms, `ToUnicode` and font programs) are decoded
//! here within the document's budget and stored back decoded. The pages hang from one flat page
//! tree, so that pdf-extract's page lookups cost nothing. What cannot be made safe is left out:
//! a form that loops is not drawn, a font whose CMap is too big shows no text, a page over the
//! budget is not read (and said so).

use std::collections::{HashMap, HashSet};

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

use super::cmap_check;
use super::decode::{DecodeError, decode};

/// What the guard allows; [`Limits::default`] is what the importer uses.
#[derive(Clone, Copy, Debug)]
pub(super) struct Limits {
    /// Pages read at most; the rest are left out with a warning.
    pub pages: usize,
    /// Decoded stream bytes for the whole document.
    pub decoded_bytes: usize,
    /// Decoded bytes of one content stream.
    pub stream_bytes: usize,
    /// Operators drawn for one page, forms expanded.
    pub page_operators: u64,
    /// Operators drawn for the whole document.
    pub operators: u64,
    /// Forms inside forms.
    pub form_depth: usize,
    /// `q` inside `q`.
    pub save_depth: usize,
    /// CMap entries that pdf-extract builds for the whole document (it builds each font's again on
    /// every page).
    pub cmap_entries: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            pages: 2_000,
            decoded_bytes: usize::try_from(crate::import::MAX_EXPANDED_BYTES).unwrap_or(usize::MAX),
            stream_bytes: 8 << 20,
            page_operators: 1_000_000,
            operators: 20_000_000,
            form_depth: 12,
            save_depth: 256,
            cmap_entries: 50_000_000,
        }
    }
}

/// A page ready for extraction.
#[derive(Clone, Debug, Default)]
pub(super) struct GuardedPage {
    /// Its number in the document, 1-based (also its number in the rewritten page tree).
    pub number: u32,
    /// Whether pdf-extract may read it; `false` when it went over a limit.
    pub readable: bool,
    /// Whether it draws an image (a scan, when it has no text).
    pub images: bool,
    /// Whether it fills shapes (text drawn as outlines, when it has no text).
    pub shapes: bool,
}

/// The pages, in order, and what the analyst should be told.
#[derive(Clone, Debug, Default)]
pub(super) struct Guarded {
    pub pages: Vec<GuardedPage>,
    pub warnings: Vec<String>,
}

/// Rewrites `doc` in place as the module documentation says. `None` when it has no pages.
pub(super) fn guard(doc: &mut Document, limits: Limits) -> Option<Guarded> {
    let mut ids: Vec<ObjectId> = Vec::new();
    let mut seen = HashSet::new();
    for id in doc.page_iter() {
        if seen.insert(id) {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return None;
    }
    let mut warnings = Vec::new();
    if ids.len() > limits.pages {
        warnings.push(format!(
            "only the first {} of its {} pages were read",
            limits.pages,
            ids.len()
        ));
        ids.truncate(limits.pages);
    }
    let mut budget = Budget {
        bytes: limits.decoded_bytes,
        operators: limits.operators,
        cmap_entries: limits.cmap_entries,
    };
    let mut memo = Memo::default();
    let mut pages = Vec::with_capacity(ids.len());
    let mut rewritten = Vec::with_capacity(ids.len());
    let mut over_budget = Vec::new();
    for (index, &id) in ids.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let attributes = PageAttributes::read(doc, id);
        let mut page = GuardedPage {
            number,
            ..GuardedPage::default()
        };
        let content = page_content(doc, id, &mut budget, limits);
        let drawn = content.and_then(|bytes| {
            let mut writer =
                Writer::new(doc, &attributes.resources, limits, &mut memo, &mut budget);
            let ops = writer.rewrite(&bytes, 0)?;
            page.images = writer.images;
            page.shapes = writer.shapes;
            let cost = writer.cost;
            let cmap = writer.cmap_entries;
            (cost <= limits.page_operators
                && cost <= budget.operators
                && cmap <= budget.cmap_entries)
                .then(|| {
                    budget.operators -= cost;
                    budget.cmap_entries -= cmap;
                    ops
                })
        });
        page.readable = drawn.is_some();
        if !page.readable {
            over_budget.push(number);
        }
        rewritten.push((id, attributes, drawn.unwrap_or_default()));
        pages.push(page);
    }
    memo.apply(doc);
    let tree = flat_page_tree(doc, rewritten);
    tree?;
    if !over_budget.is_empty() {
        warnings.push(format!(
            "{} could not be read (over a safety limit or unreadable content)",
            super::page_list(&over_budget)
        ));
    }
    Some(Guarded { pages, warnings })
}

/// What is left of the document's allowances.
struct Budget {
    bytes: usize,
    operators: u64,
    cmap_entries: u64,
}

impl Budget {
    /// Decodes a stream within what is left, and counts it.
    fn decode(&mut self, stream: &Stream, limit: usize) -> Result<Vec<u8>, DecodeError> {
        let data = decode(stream, limit.min(self.bytes))?;
        self.bytes -= data.len();
        Ok(data)
    }
}

/// The page's own copy of what it inherits.
struct PageAttributes {
    media_box: [f64; 4],
    resources: Object,
}

impl PageAttributes {
    fn read(doc: &Document, id: ObjectId) -> PageAttributes {
        let media_box = inherited(doc, id, b"MediaBox")
            .and_then(|o| rectangle(doc, &o))
            .unwrap_or([0.0, 0.0, 612.0, 792.0]);
        let resources = inherited(doc, id, b"Resources")
            .filter(|o| deref(doc, o).and_then(|o| o.as_dict().ok()).is_some())
            .unwrap_or_else(|| Object::Dictionary(Dictionary::new()));
        PageAttributes {
            media_box,
            resources,
        }
    }
}

/// A page attribute from the page or the nearest ancestor that has it (a bounded walk: parent
/// chains can loop).
fn inherited(doc: &Document, id: ObjectId, key: &[u8]) -> Option<Object> {
    let mut node = doc.get_dictionary(id).ok()?;
    let mut seen = HashSet::new();
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(value.clone());
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        if !seen.insert(parent) {
            return None;
        }
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn rectangle(doc: &Document, object: &Object) -> Option<[f64; 4]> {
    let items = deref(doc, object)?.as_array().ok()?;
    if items.len() != 4 {
        return None;
    }
    let mut v = [0.0; 4];
    for (slot, item) in v.iter_mut().zip(items) {
        *slot = number(deref(doc, item)?)?;
    }
    let [x0, y0, x1, y1] = v;
    let rect = [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
    (rect.iter().all(|c| c.is_finite() && c.abs() < 1e6) && rect[2] > rect[0] && rect[3] > rect[1])
        .then_some(rect)
}

fn number(object: &Object) -> Option<f64> {
    match *object {
        Object::Integer(i) => Some(i as f64),
        Object::Real(r) => Some(f64::from(r)),
        _ => None,
    }
}

/// Follows references (lopdf stops chains that are too long).
fn deref<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

fn deref_id(doc: &Document, object: &Object) -> Option<ObjectId> {
    doc.dereference(object).ok().and_then(|(id, _)| id)
}

/// A page's content streams, decoded and joined; `None` when over the limits.
fn page_content(
    doc: &Document,
    id: ObjectId,
    budget: &mut Budget,
    limits: Limits,
) -> Option<Vec<u8>> {
    let page = doc.get_dictionary(id).ok()?;
    let Ok(contents) = page.get(b"Contents") else {
        return Some(Vec::new());
    };
    let streams: Vec<&Object> = match deref(doc, contents)? {
        Object::Array(items) => items.iter().take(10_000).collect(),
        other => vec![other],
    };
    let mut out = Vec::new();
    for item in streams {
        let Some(Object::Stream(stream)) = deref(doc, item) else {
            continue;
        };
        match budget.decode(stream, limits.stream_bytes.saturating_sub(out.len())) {
            Ok(data) => out.extend_from_slice(&data),
            Err(DecodeError::TooBig) => return None,
            Err(DecodeError::Unsupported) => {}
        }
        out.push(b'\n');
    }
    Some(out)
}

/// How a form or font turned out, for every page that uses it.
#[derive(Default)]
struct Memo {
    /// A form's operator count with its own forms expanded, or `None` when it is not drawn.
    forms: HashMap<ObjectId, Option<u64>>,
    /// Forms being rewritten (a `Do` of one of them is a cycle).
    visiting: HashSet<ObjectId>,
    /// A font's CMap entries, or `None` when it is unusable.
    fonts: HashMap<ObjectId, Option<u64>>,
    /// Streams to store back: rewritten or decoded content, and resources to give a form.
    streams: Vec<(ObjectId, Vec<u8>)>,
    form_resources: Vec<(ObjectId, Object)>,
    /// Font-program keys that pdf-extract would decode for nothing.
    drop_keys: Vec<(ObjectId, &'static [u8])>,
}

impl Memo {
    fn apply(self, doc: &mut Document) {
        for (id, data) in self.streams {
            if let Ok(Object::Stream(stream)) = doc.get_object_mut(id) {
                stream.dict.remove(b"Filter");
                stream.dict.remove(b"DecodeParms");
                stream.set_content(data);
            }
        }
        for (id, resources) in self.form_resources {
            if let Ok(Object::Stream(stream)) = doc.get_object_mut(id) {
                stream.dict.set("Resources", resources);
            }
        }
        for (id, key) in self.drop_keys {
            if let Ok(dict) = doc.get_dictionary_mut(id) {
                dict.remove(key);
            }
        }
    }
}

/// Rewrites one content stream (a page's or a form's) into the operators extraction needs.
struct Writer<'a> {
    doc: &'a Document,
    resources: &'a Object,
    limits: Limits,
    memo: &'a mut Memo,
    budget: &'a mut Budget,
    /// Operators drawn, forms expanded.
    cost: u64,
    /// CMap entries of the fonts chosen (pdf-extract builds each once per page).
    cmap_entries: u64,
    fonts_counted: HashSet<ObjectId>,
    images: bool,
    shapes: bool,
}

impl<'a> Writer<'a> {
    fn new(
        doc: &'a Document,
        resources: &'a Object,
        limits: Limits,
        memo: &'a mut Memo,
        budget: &'a mut Budget,
    ) -> Writer<'a> {
        Writer {
            doc,
            resources,
            limits,
            memo,
            budget,
            cost: 0,
            cmap_entries: 0,
            fonts_counted: HashSet::new(),
            images: false,
            shapes: false,
        }
    }

    fn resource(&self, kind: &[u8], name: &[u8]) -> Option<&'a Object> {
        let resources = deref(self.doc, self.resources)?.as_dict().ok()?;
        let group = deref(self.doc, resources.get(kind).ok()?)?.as_dict().ok()?;
        group.get(name).ok()
    }

    /// The rewritten stream, encoded; `None` when it is over the limits.
    fn rewrite(&mut self, data: &[u8], depth: usize) -> Option<Vec<u8>> {
        let content = Content::decode(data).ok()?;
        let mut out: Vec<Operation> = Vec::new();
        let mut font_set = false;
        let mut saved: Vec<bool> = Vec::new();
        let mut dropped_saves = 0usize;
        for op in content.operations {
            if self.cost > self.limits.page_operators {
                return None;
            }
            let operands = &op.operands;
            let keep = match op.operator.as_str() {
                "BT" | "ET" | "T*" | "h" | "n" => true,
                "q" => {
                    if saved.len() >= self.limits.save_depth {
                        dropped_saves += 1;
                        false
                    } else {
                        saved.push(font_set);
                        true
                    }
                }
                "Q" => {
                    if dropped_saves > 0 {
                        dropped_saves -= 1;
                        false
                    } else if let Some(set) = saved.pop() {
                        font_set = set;
                        true
                    } else {
                        false
                    }
                }
                "cm" | "Tm" => numbers(operands, 6),
                "Tc" | "Tw" | "Tz" | "TL" | "Ts" => numbers(operands, 1),
                "Td" | "TD" | "m" | "l" => numbers(operands, 2),
                "re" => numbers(operands, 4),
                "S" | "s" => {
                    out.push(op_named("S", Vec::new()));
                    self.cost += 1;
                    false
                }
                "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    self.shapes = true;
                    out.push(op_named("f", Vec::new()));
                    self.cost += 1;
                    false
                }
                "Tf" => {
                    font_set = operands.len() == 2
                        && number(&operands[1]).is_some()
                        && operands[0]
                            .as_name()
                            .ok()
                            .is_some_and(|name| self.font_usable(name));
                    font_set
                }
                "Tj" => font_set && matches!(operands.as_slice(), [Object::String(..)]),
                "TJ" => font_set && matches!(operands.as_slice(), [Object::Array(_)]),
                "'" | "\"" => {
                    let text = operands.last().filter(|o| matches!(o, Object::String(..)));
                    if let (true, Some(text)) = (font_set, text) {
                        if op.operator == "\"" && operands.len() == 3 {
                            out.push(op_named("Tw", vec![operands[0].clone()]));
                            out.push(op_named("Tc", vec![operands[1].clone()]));
                        }
                        out.push(op_named("T*", Vec::new()));
                        out.push(op_named("Tj", vec![text.clone()]));
                        self.cost += 4;
                    }
                    false
                }
                "Do" => match operands.as_slice() {
                    [Object::Name(name)] => self.form_usable(name, depth),
                    _ => false,
                },
                "BI" => {
                    self.images = true;
                    false
                }
                _ => false,
            };
            if keep {
                self.cost += 1;
                out.push(op);
            }
        }
        Content { operations: out }.encode().ok()
    }

    /// Whether `Tf name` picks a font pdf-extract can build safely; counts its CMap once.
    fn font_usable(&mut self, name: &[u8]) -> bool {
        let Some(object) = self.resource(b"Font", name) else {
            return false;
        };
        let Some(Object::Dictionary(font)) = deref(self.doc, object) else {
            return false;
        };
        let id = deref_id(self.doc, object);
        let entries = match id.and_then(|id| self.memo.fonts.get(&id).copied()) {
            Some(known) => known,
            None => {
                let checked = self.check_font(font, id);
                if let Some(id) = id {
                    self.memo.fonts.insert(id, checked);
                }
                checked
            }
        };
        let Some(entries) = entries else {
            return false;
        };
        if id.is_none_or(|id| self.fonts_counted.insert(id)) {
            self.cmap_entries += entries;
        }
        true
    }

    /// A font's CMap size when pdf-extract can build it safely; decodes its streams for it.
    fn check_font(&mut self, font: &Dictionary, id: Option<ObjectId>) -> Option<u64> {
        let subtype = font.get(b"Subtype").ok().and_then(|o| deref(self.doc, o))?;
        let subtype = subtype.as_name().ok()?.to_vec();
        if subtype != b"Type3" {
            deref(self.doc, font.get(b"BaseFont").ok()?)?
                .as_name()
                .ok()?;
        }
        let mut entries = 0;
        match font
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| Some((o, deref(self.doc, o)?)))
        {
            None => {}
            Some((_, Object::Name(name))) if name == b"Identity-H" => {}
            Some((object, Object::Stream(_))) => {
                entries += self.checked_cmap(object)?;
            }
            Some(_) => return None,
        }
        if subtype == b"Type0" {
            let descendants = deref(self.doc, font.get(b"DescendantFonts").ok()?)?;
            let first = deref(self.doc, descendants.as_array().ok()?.first()?)?
                .as_dict()
                .ok()?;
            deref(self.doc, first.get(b"FontDescriptor").ok()?)?
                .as_dict()
                .ok()?;
            let encoding = font.get(b"Encoding").ok()?;
            match deref(self.doc, encoding)? {
                Object::Name(name) if name == b"Identity-H" || name == b"Identity-V" => {}
                Object::Stream(_) => {
                    self.checked_cmap(encoding)?;
                }
                _ => return None,
            }
        } else if let Ok(object) = font.get(b"FontDescriptor") {
            let descriptor_id = deref_id(self.doc, object);
            let descriptor = deref(self.doc, object)?.as_dict().ok()?;
            if descriptor.has(b"FontFile2") {
                // pdf-extract decodes a TrueType program and throws it away.
                self.memo
                    .drop_keys
                    .push((descriptor_id.or(id)?, b"FontFile2"));
            }
            for key in [&b"FontFile"[..], b"FontFile3"] {
                if let Ok(file) = descriptor.get(key) {
                    let clear = key == b"FontFile";
                    self.checked_stream(file, |data| {
                        let text = if clear { cleartext(data) } else { &[][..] };
                        cmap_check::nesting(text) <= cmap_check::MAX_NESTING
                    })?;
                }
            }
        }
        Some(entries)
    }

    /// A CMap stream (`ToUnicode`, a Type0 `Encoding`), decoded, its nesting and range entries
    /// checked; its entry count.
    fn checked_cmap(&mut self, object: &Object) -> Option<u64> {
        let mut entries = 0;
        self.checked_stream(object, |data| {
            entries = cmap_check::range_entries(data);
            cmap_check::nesting(data) <= cmap_check::MAX_NESTING
                && entries <= cmap_check::MAX_ENTRIES
        })?;
        Some(entries)
    }

    /// Decodes an indirect stream within the budget, checks it and stores it back decoded.
    fn checked_stream(&mut self, object: &Object, check: impl FnOnce(&[u8]) -> bool) -> Option<()> {
        let id = deref_id(self.doc, object)?;
        let Some(Object::Stream(stream)) = deref(self.doc, object) else {
            return None;
        };
        let data = self.budget.decode(stream, self.limits.stream_bytes).ok()?;
        if !check(&data) {
            return None;
        }
        self.memo.streams.push((id, data));
        Some(())
    }

    /// Whether `Do name` draws a form that can be drawn; images are noted and left out.
    fn form_usable(&mut self, name: &[u8], depth: usize) -> bool {
        let Some(object) = self.resource(b"XObject", name) else {
            return false;
        };
        let Some(id) = deref_id(self.doc, object) else {
            return false;
        };
        let Some(Object::Stream(stream)) = deref(self.doc, object) else {
            return false;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Form") => {}
            Ok(b"Image") => {
                self.images = true;
                return false;
            }
            _ => return false,
        }
        if self.memo.visiting.contains(&id) || depth >= self.limits.form_depth {
            return false;
        }
        let cost = match self.memo.forms.get(&id) {
            Some(known) => *known,
            None => {
                let cost = self.rewrite_form(id, stream, depth);
                self.memo.forms.insert(id, cost);
                cost
            }
        };
        match cost {
            Some(cost) if self.cost.saturating_add(cost) <= self.limits.page_operators => {
                self.cost += cost;
                true
            }
            _ => false,
        }
    }

    fn rewrite_form(&mut self, id: ObjectId, stream: &'a Stream, depth: usize) -> Option<u64> {
        let data = self.budget.decode(stream, self.limits.stream_bytes).ok()?;
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .filter(|o| deref(self.doc, o).and_then(|o| o.as_dict().ok()).is_some());
        let resources = match own {
            Some(own) => own,
            None => {
                self.memo.form_resources.push((id, self.resources.clone()));
                self.resources
            }
        };
        self.memo.visiting.insert(id);
        let mut inner = Writer::new(self.doc, resources, self.limits, self.memo, self.budget);
        let rewritten = inner.rewrite(&data, depth + 1);
        let (cost, cmap, images, shapes) =
            (inner.cost, inner.cmap_entries, inner.images, inner.shapes);
        self.memo.visiting.remove(&id);
        self.images |= images;
        self.shapes |= shapes;
        self.cmap_entries += cmap;
        self.memo.streams.push((id, rewritten?));
        Some(cost)
    }
}

fn numbers(operands: &[Object], count: usize) -> bool {
    operands.len() == count
        && operands
            .iter()
            .all(|o| number(o).is_some_and(f64::is_finite))
}

fn op_named(operator: &str, operands: Vec<Object>) -> Operation {
    Operation::new(operator, operands)
}

/// The clear-text part of a Type 1 font program (before `eexec`), which is what the encoding
/// parser reads before the binary part stops it.
fn cleartext(data: &[u8]) -> &[u8] {
    let end = data
        .windows(5)
        .position(|w| w == b"eexec")
        .unwrap_or(data.len());
    &data[..end]
}

/// Hangs the pages, rewritten, from one new flat page tree. `None` when the document has no
/// catalog to hang it from.
fn flat_page_tree(
    doc: &mut Document,
    pages: Vec<(ObjectId, PageAttributes, Vec<u8>)>,
) -> Option<()> {
    let tree_id = doc.new_object_id();
    let mut kids = Vec::with_capacity(pages.len());
    for (id, attributes, content) in pages {
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
        let Ok(page) = doc.get_dictionary_mut(id) else {
            continue;
        };
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(tree_id));
        page.set("Contents", Object::Reference(content_id));
        page.set(
            "MediaBox",
            Object::Array(
                attributes
                    .media_box
                    .iter()
                    .map(|&c| Object::Real(c as f32))
                    .collect(),
            ),
        );
        page.set("Resources", attributes.resources);
        page.remove(b"ArtBox");
        kids.push(Object::Reference(id));
    }
    let count = i64::try_from(kids.len()).unwrap_or(i64::MAX);
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Kids", Object::Array(kids));
    tree.set("Count", Object::Integer(count));
    doc.objects.insert(tree_id, Object::Dictionary(tree));
    let root = doc.trailer.get(b"Root").ok()?.as_reference().ok()?;
    let catalog = doc.get_dictionary_mut(root).ok()?;
    catalog.set("Pages", Object::Reference(tree_id));
    Some(())
}

#[cfg(test)]
mod tests {
    use pdf_extract::{Dictionary, Document, Object, Stream, dictionary};

    use crate::import::{FormatError, pdf::import};

    /// A one-page PDF drawing `content` with Helvetica as /F1, `extra` resources added, and
    /// objects added by `more` (which gets the document to add them to).
    fn pdf(content: &[u8], more: impl FnOnce(&mut Document, &mut Dictionary)) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let mut resources = dictionary! { "Font" => dictionary! { "F1" => font } };
        more(&mut doc, &mut resources);
        let content = doc.add_object(Stream::new(Dictionary::new(), content.to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 300.into(), 200.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("save to memory");
        out
    }

    fn text(bytes: &[u8]) -> Result<String, FormatError> {
        import(bytes, &mut |_| {}).map(|d| d.text)
    }

    #[test]
    fn a_form_that_draws_itself_is_drawn_once_and_deep_saves_are_capped() {
        let bytes = pdf(
            b"BT /F1 12 Tf 20 150 Td (Page) Tj ET /X1 Do",
            |doc, resources| {
                let form = doc.new_object_id();
                let mut stream = Stream::new(
                    dictionary! { "Type" => "XObject", "Subtype" => "Form" },
                    b"BT /F1 9 Tf 20 30 Td (Form) Tj ET /X1 Do".to_vec(),
                );
                stream.dict.set(
                    "Resources",
                    dictionary! { "XObject" => dictionary! { "X1" => form } },
                );
                doc.objects.insert(form, Object::Stream(stream));
                resources.set("XObject", dictionary! { "X1" => form });
            },
        );
        // The form has no font of its own, so its text is not shown (pdf-extract would panic).
        assert_eq!(text(&bytes), Ok("Page".into()));

        let mut deep = b"q ".repeat(100_000);
        deep.extend_from_slice(b"BT /F1 12 Tf 20 150 Td (Deep) Tj ET ");
        deep.extend(b"Q ".repeat(100_000));
        assert_eq!(text(&pdf(&deep, |_, _| {})), Ok("Deep".into()));
    }

    /// A Type0 font /F2 with `cmap` as its `ToUnicode`, then text in it and in Helvetica.
    fn with_cmap(cmap: Vec<u8>) -> Vec<u8> {
        pdf(
            b"BT /F2 12 Tf 20 150 Td <0001> Tj /F1 12 Tf (Latin) Tj ET",
            |doc, resources| {
                let to_unicode = doc.add_object(Stream::new(Dictionary::new(), cmap));
                let descriptor =
                    doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontName" => "X" });
                let cid = doc.add_object(dictionary! {
                    "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "X",
                    "FontDescriptor" => descriptor,
                });
                let font = doc.add_object(dictionary! {
                    "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => "Identity-H",
                    "DescendantFonts" => vec![cid.into()], "ToUnicode" => to_unicode,
                });
                let fonts = resources
                    .get_mut(b"Font")
                    .and_then(Object::as_dict_mut)
                    .expect("the font resources");
                fonts.set("F2", font);
            },
        )
    }

    #[test]
    fn nesting_up_to_the_limit_does_not_overflow_a_small_stack() {
        // Test threads have 2 MB of stack, as the app's background threads do.
        let nested = [
            b"1 beginbfchar <0001> ".as_slice(),
            &[b'['; super::cmap_check::MAX_NESTING],
            b" endbfchar",
        ]
        .concat();
        // pdf-extract fails on the unclosed arrays (a panic caught as an unreadable page): what
        // matters is that it returns.
        let result = text(&with_cmap(nested));
        assert!(
            result.is_ok() || matches!(result, Err(FormatError::Corrupt { .. })),
            "{result:?}"
        );
    }

    #[test]
    fn a_cmap_bomb_or_deep_nesting_leaves_the_font_out_instead_of_hanging() {
        for cmap in [
            b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange".to_vec(),
            [
                b"1 beginbfchar <0001> ".as_slice(),
                &[b'['; 100_000],
                b" endbfchar",
            ]
            .concat(),
        ] {
            let bytes = with_cmap(cmap);
            assert_eq!(text(&bytes), Ok("Latin".into()));
        }
    }
}
