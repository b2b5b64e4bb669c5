//! Walking a story part (`document.xml`, `footnotes.xml`, `endnotes.xml`) into paragraphs.
//!
//! What a reader of the document sees, with tracked changes accepted:
//! - `w:ins` and `w:moveTo` content is kept; `w:del`, `w:moveFrom` and old properties
//!   (`w:pPrChange`…) are dropped; a paragraph whose mark was deleted runs on into the next one.
//! - Field codes (`w:instrText`, the runs between a field's `begin` and `separate`) are dropped and
//!   their results kept, except a table of contents, which is navigation.
//! - Of a `mc:AlternateContent`, only the first branch (`mc:Choice`, else `mc:Fallback`) is read.
//! - `w:tab` is a space, `w:br`/`w:cr` a line break, `w:noBreakHyphen` a hyphen, `w:sym` its
//!   character (symbol-font characters in the private use area are left out); hidden text
//!   (`w:vanish`) is left out.
//! - Hyperlinks, content controls (`w:sdtContent`), smart tags, custom XML and text boxes are
//!   read through; table cells' paragraphs are paragraphs; a text box's paragraphs come before
//!   the paragraph it is anchored in.
//! - Footnote and endnote references become [`NoteRef`]s in the body; in a notes part, each
//!   paragraph says which note it belongs to, and separator notes are skipped.
//!
//! The walk keeps explicit stacks (no recursion), bounded by the XML reader's depth limit.

use super::super::{FormatError, ImportWarning};
use super::numbering::{Counters, Numbering};
use super::styles::{Styles, outline_level};
use super::xml::{Element, Item, Ns, PartReader};

/// More paragraphs than this are refused (a 2000-page book has about 30 000).
pub(super) const MAX_PARAGRAPHS: usize = 1_000_000;

/// Fields nested deeper than this are counted but not told apart.
const MAX_FIELDS: usize = 64;

/// A field instruction is looked at only up to this many characters.
const MAX_INSTRUCTION: usize = 64;

/// Which notes a part or a reference is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum NoteKind {
    Foot,
    End,
}

/// Which kind of story is walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Story {
    Body,
    Notes(NoteKind),
}

/// A note reference in a paragraph's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct NoteRef {
    /// Byte offset in [`Paragraph::text`] where the marker goes.
    pub at: usize,
    pub kind: NoteKind,
    pub id: String,
}

/// A paragraph as read: raw text (not yet cleaned), its list label and what its style says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Paragraph {
    /// The list label with its trailing space (`"1. "`), or empty.
    pub label: String,
    pub text: String,
    pub notes: Vec<NoteRef>,
    pub heading: Option<u8>,
    pub title: bool,
    pub bidi: bool,
    /// The note this paragraph belongs to, in a notes part.
    pub note: Option<String>,
}

/// What each open element is, as far as the walk cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Paragraph,
    ParagraphProps,
    NumberingProps,
    MarkProps,
    Run,
    RunProps,
    Text,
    Instruction,
    Alternate,
    Note,
    Other,
}

/// A paragraph being read.
#[derive(Default)]
struct Builder {
    text: String,
    notes: Vec<NoteRef>,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    bidi: Option<bool>,
    mark_deleted: bool,
}

#[derive(Default)]
struct Field {
    instruction: String,
    /// `None` while the instruction is read; then whether the result is left out.
    result_hidden: Option<bool>,
}

/// The shared definitions a walk reads paragraphs against.
pub(super) struct Context<'a> {
    pub styles: &'a Styles,
    pub numbering: &'a Numbering,
}

/// The walk's state.
struct Walk<'a, 'c> {
    cx: &'a Context<'a>,
    counters: &'c mut Counters,
    story: Story,
    open: Vec<Open>,
    /// Depth inside an element that is skipped with everything in it (0: not skipping).
    skip: usize,
    paragraphs: Vec<Builder>,
    /// Whether each open run is hidden.
    runs: Vec<bool>,
    fields: Vec<Field>,
    fields_beyond: usize,
    /// Whether each open `mc:AlternateContent` has had its branch read.
    alternates: Vec<bool>,
    note: Option<String>,
    carry: Option<Builder>,
    out: Vec<Paragraph>,
    warnings: Vec<ImportWarning>,
}

/// What a walk found.
pub(super) struct Walked {
    pub paragraphs: Vec<Paragraph>,
    pub warnings: Vec<ImportWarning>,
}

/// Walks the story part `xml` (named `part` in errors), counting list items in `counters`;
/// `progress` gets the fraction of the part read now and then.
///
/// # Errors
/// The part's XML errors, or [`FormatError::TooBig`] past [`MAX_PARAGRAPHS`].
pub(super) fn walk(
    xml: &str,
    part: &str,
    story: Story,
    cx: &Context<'_>,
    counters: &mut Counters,
    progress: &mut dyn FnMut(f32),
) -> Result<Walked, FormatError> {
    let mut reader = PartReader::new(xml, part);
    let mut walk = Walk {
        cx,
        counters,
        story,
        open: Vec::new(),
        skip: 0,
        paragraphs: Vec::new(),
        runs: Vec::new(),
        fields: Vec::new(),
        fields_beyond: 0,
        alternates: Vec::new(),
        note: None,
        carry: None,
        out: Vec::new(),
        warnings: Vec::new(),
    };
    let mut steps = 0u32;
    while let Some(item) = reader.next()? {
        match item {
            Item::Open(el) => walk.open_element(&el),
            Item::Close => walk.close_element(),
            Item::Text(text) => walk.text(&text),
        }
        if walk.out.len() > MAX_PARAGRAPHS {
            return Err(FormatError::TooBig(format!(
                "{part} has more than {MAX_PARAGRAPHS} paragraphs"
            )));
        }
        steps = steps.wrapping_add(1);
        if steps.is_multiple_of(4096) {
            progress(reader.fraction());
        }
    }
    if let Some(carried) = walk.carry.take() {
        walk.finish(carried);
    }
    Ok(Walked {
        paragraphs: walk.out,
        warnings: walk.warnings,
    })
}

/// Elements left out with everything in them.
fn skipped(local: &str) -> bool {
    local.ends_with("Change")
        || matches!(
            local,
            "del"
                | "moveFrom"
                | "delText"
                | "delInstrText"
                | "sdtPr"
                | "sdtEndPr"
                | "sectPr"
                | "tblPr"
                | "tblGrid"
                | "trPr"
                | "tcPr"
                | "customXmlPr"
                | "smartTagPr"
                | "fldData"
                | "ffData"
                | "commentReference"
                | "annotationRef"
        )
}

impl Walk<'_, '_> {
    fn top(&self) -> Option<Open> {
        self.open.last().copied()
    }

    fn open_element(&mut self, el: &Element<'_>) {
        if self.skip > 0 {
            self.skip += 1;
            return;
        }
        let local = el.local();
        let kind = match el.ns {
            Ns::Word => match self.word_element(el, local) {
                Some(kind) => kind,
                None => {
                    self.skip = 1;
                    return;
                }
            },
            Ns::Math if local == "t" => Open::Text,
            Ns::Compat => match local {
                "AlternateContent" => {
                    self.alternates.push(false);
                    Open::Alternate
                }
                "Choice" | "Fallback" => match self.alternates.last_mut() {
                    Some(taken) if !*taken => {
                        *taken = true;
                        Open::Other
                    }
                    _ => {
                        self.skip = 1;
                        return;
                    }
                },
                _ => Open::Other,
            },
            _ => Open::Other,
        };
        self.open.push(kind);
    }

    /// What a WordprocessingML element opens; `None` to skip it with its content.
    fn word_element(&mut self, el: &Element<'_>, local: &str) -> Option<Open> {
        let top = self.top();
        // Paragraph properties: only what the importer reads; the rest is skipped.
        match top {
            Some(Open::ParagraphProps) => {
                let paragraph = self.paragraphs.last_mut()?;
                return match local {
                    "pStyle" => {
                        paragraph.style = el.attr("val");
                        Some(Open::Other)
                    }
                    "numPr" => Some(Open::NumberingProps),
                    "outlineLvl" => {
                        paragraph.outline = el.attr("val").and_then(|v| v.trim().parse().ok());
                        Some(Open::Other)
                    }
                    "bidi" => {
                        paragraph.bidi = Some(el.on());
                        Some(Open::Other)
                    }
                    "rPr" => Some(Open::MarkProps),
                    _ => None,
                };
            }
            Some(Open::NumberingProps) => {
                let paragraph = self.paragraphs.last_mut()?;
                match local {
                    "numId" => paragraph.num_id = el.attr("val").map(|v| v.trim().to_owned()),
                    "ilvl" => paragraph.ilvl = el.attr("val").and_then(|v| v.trim().parse().ok()),
                    _ => return None,
                }
                return Some(Open::Other);
            }
            Some(Open::MarkProps) => {
                // A deleted or moved-away paragraph mark: the paragraph runs on into the next.
                if matches!(local, "del" | "moveFrom")
                    && let Some(paragraph) = self.paragraphs.last_mut()
                {
                    paragraph.mark_deleted = true;
                }
                return None;
            }
            Some(Open::RunProps) => {
                if local == "vanish"
                    && el.on()
                    && let Some(hidden) = self.runs.last_mut()
                {
                    *hidden = true;
                }
                return None;
            }
            _ => {}
        }
        if skipped(local) {
            return None;
        }
        let in_run = top == Some(Open::Run);
        Some(match local {
            "p" => {
                self.paragraphs.push(Builder::default());
                Open::Paragraph
            }
            "pPr" if top == Some(Open::Paragraph) => Open::ParagraphProps,
            "pPr" => return None,
            "r" => {
                self.runs.push(false);
                Open::Run
            }
            "rPr" if in_run => Open::RunProps,
            "rPr" => return None,
            "t" => Open::Text,
            "instrText" => Open::Instruction,
            "tab" | "ptab" if in_run => {
                self.push_text(" ");
                Open::Other
            }
            "br" | "cr" if in_run => {
                self.push_text("\n");
                Open::Other
            }
            "noBreakHyphen" if in_run => {
                self.push_text("-");
                Open::Other
            }
            "sym" if in_run => {
                if let Some(c) = el
                    .attr("char")
                    .and_then(|hex| u32::from_str_radix(hex.trim(), 16).ok())
                    .and_then(char::from_u32)
                    .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c) && !c.is_control())
                {
                    self.push_text(c.encode_utf8(&mut [0; 4]));
                }
                Open::Other
            }
            "footnoteReference" | "endnoteReference" if in_run => {
                let kind = if local == "footnoteReference" {
                    NoteKind::Foot
                } else {
                    NoteKind::End
                };
                if self.story == Story::Body
                    && !self.suppressed()
                    && let (Some(id), Some(paragraph)) = (el.attr("id"), self.paragraphs.last_mut())
                {
                    paragraph.notes.push(NoteRef {
                        at: paragraph.text.len(),
                        kind,
                        id: id.trim().to_owned(),
                    });
                }
                Open::Other
            }
            "fldChar" => {
                self.field_char(el.attr("fldCharType").as_deref());
                Open::Other
            }
            "footnote" | "endnote" if matches!(self.story, Story::Notes(_)) => {
                let kind = el.attr("type");
                if matches!(
                    kind.as_deref(),
                    Some("separator" | "continuationSeparator" | "continuationNotice")
                ) {
                    return None;
                }
                self.note = el.attr("id").map(|id| id.trim().to_owned());
                Open::Note
            }
            "altChunk" => {
                self.warn(ImportWarning::EmbeddedContentSkipped);
                return None;
            }
            _ => Open::Other,
        })
    }

    fn close_element(&mut self) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match self.open.pop() {
            Some(Open::Paragraph) => {
                if let Some(paragraph) = self.paragraphs.pop() {
                    self.finish(paragraph);
                }
            }
            Some(Open::Run) => {
                self.runs.pop();
            }
            Some(Open::Alternate) => {
                self.alternates.pop();
            }
            Some(Open::Note) => {
                if let Some(carried) = self.carry.take() {
                    self.finish(carried);
                }
                self.note = None;
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip > 0 {
            return;
        }
        match self.top() {
            Some(Open::Text) => {
                // Line ends and tabs typed into a w:t are shown as spaces.
                let text = text.replace(['\n', '\r', '\t'], " ");
                self.push_text(&text);
            }
            Some(Open::Instruction) => {
                if let Some(field) = self.fields.last_mut()
                    && field.result_hidden.is_none()
                    && field.instruction.len() < MAX_INSTRUCTION
                {
                    field.instruction.extend(text.chars().take(MAX_INSTRUCTION));
                }
            }
            _ => {}
        }
    }

    fn field_char(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") => {
                if self.fields.len() < MAX_FIELDS {
                    self.fields.push(Field::default());
                } else {
                    self.fields_beyond += 1;
                }
            }
            Some("separate") => {
                if self.fields_beyond == 0
                    && let Some(field) = self.fields.last_mut()
                {
                    let instruction = field.instruction.trim_start().to_ascii_uppercase();
                    field.result_hidden = Some(instruction.starts_with("TOC"));
                }
            }
            Some("end") => {
                if self.fields_beyond > 0 {
                    self.fields_beyond -= 1;
                } else {
                    self.fields.pop();
                }
            }
            _ => {}
        }
    }

    /// Whether text here is not shown: hidden run, field instruction, table of contents.
    fn suppressed(&self) -> bool {
        self.runs.last().copied().unwrap_or(false)
            || self.fields.iter().any(|f| f.result_hidden.unwrap_or(true))
    }

    fn push_text(&mut self, text: &str) {
        if self.suppressed() {
            return;
        }
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.text.push_str(text);
        }
    }

    fn warn(&mut self, warning: ImportWarning) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    /// Ends a paragraph: resolves its style, counts its list item, keeps it if it has text.
    fn finish(&mut self, mut paragraph: Builder) {
        if let Some(mut carried) = self.carry.take() {
            // The paragraph before lost its mark: its text starts this one.
            let shift = carried.text.len();
            for note in &mut paragraph.notes {
                note.at += shift;
            }
            carried.text.push_str(&paragraph.text);
            carried.notes.append(&mut paragraph.notes);
            paragraph.text = carried.text;
            paragraph.notes = carried.notes;
        }
        if paragraph.mark_deleted {
            paragraph.mark_deleted = false;
            self.carry = Some(paragraph);
            return;
        }
        let styles = self.cx.styles;
        let style = paragraph.style.as_deref();
        let (style_num, style_ilvl) = styles.numbering(style);
        let label = match paragraph.num_id.or(style_num) {
            Some(num_id) if num_id != "0" => {
                let ilvl = paragraph
                    .ilvl
                    .or(style_ilvl)
                    .or_else(|| {
                        style.and_then(|s| self.cx.numbering.level_for_style(styles, &num_id, s))
                    })
                    .unwrap_or(0);
                self.cx
                    .numbering
                    .label(styles, self.counters, &num_id, ilvl)
            }
            _ => String::new(),
        };
        if paragraph.text.trim().is_empty() && paragraph.notes.is_empty() {
            return;
        }
        let heading = match paragraph.outline {
            Some(level) => outline_level(level),
            None => styles.heading_level(style),
        };
        self.out.push(Paragraph {
            label,
            text: paragraph.text,
            notes: paragraph.notes,
            heading,
            title: styles.is_title(style),
            bidi: paragraph.bidi.unwrap_or_else(|| styles.bidi(style)),
            note: self.note.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn body(inner: &str) -> Vec<Paragraph> {
        let xml = format!("<w:document {NS}><w:body>{inner}</w:body></w:document>");
        let styles = Styles::default();
        let numbering = Numbering::default();
        let cx = Context {
            styles: &styles,
            numbering: &numbering,
        };
        walk(
            &xml,
            "document.xml",
            Story::Body,
            &cx,
            &mut Counters::default(),
            &mut |_| {},
        )
        .expect("the test data is sound")
        .paragraphs
    }

    fn texts(inner: &str) -> Vec<String> {
        body(inner).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn tracked_changes_are_accepted() {
        let xml = r#"<w:p><w:r><w:t>kept </w:t></w:r><w:ins><w:r><w:t>inserted</w:t></w:r></w:ins>
            <w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>
            <w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom>
            <w:moveTo><w:r><w:t> moved here</w:t></w:r></w:moveTo></w:p>"#;
        assert_eq!(texts(xml), ["kept inserted moved here"]);
    }

    #[test]
    fn a_deleted_paragraph_mark_joins_two_paragraphs() {
        let xml = r#"<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>one </w:t></w:r></w:p>
            <w:p><w:r><w:t>two</w:t></w:r></w:p><w:p><w:r><w:t>three</w:t></w:r></w:p>"#;
        assert_eq!(texts(xml), ["one two", "three"]);
    }

    #[test]
    fn field_codes_go_and_results_stay_but_not_a_table_of_contents() {
        let xml = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>link</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>TOC \o "1-3"</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>
            <w:r><w:t>Contents entry</w:t></w:r></w:p><w:p><w:r><w:t>entry 2</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p>
            <w:p><w:r><w:t>after</w:t></w:r></w:p>"#;
        assert_eq!(texts(xml), ["link", "after"]);
    }

    #[test]
    fn one_branch_of_alternate_content_and_text_boxes_before_their_paragraph() {
        let xml = r#"<w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent>
            <mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
            </mc:AlternateContent></w:r></w:p>"#;
        assert_eq!(texts(xml), ["box", "anchor"]);
    }

    #[test]
    fn tabs_breaks_symbols_hyphens_and_hidden_text() {
        let xml = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
            <w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t>
            <w:sym w:font="Symbol" w:char="03B1"/><w:sym w:font="Wingdings" w:char="F0A7"/><w:softHyphen/></w:r>
            <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>
            <w:hyperlink><w:r><w:t> link</w:t></w:r></w:hyperlink>
            <w:sdt><w:sdtPr><w:alias w:val="x"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t> sdt</w:t></w:r></w:sdtContent></w:sdt>
            <w:smartTag><w:r><w:t> tag</w:t></w:r></w:smartTag></w:p>"#;
        assert_eq!(texts(xml), ["a b\nc-dα link sdt tag"]);
    }

    #[test]
    fn table_cells_are_paragraphs_and_note_references_are_kept() {
        let xml = r#"<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>cell 2</w:t></w:r><w:r><w:footnoteReference w:id="4"/></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        let paragraphs = body(xml);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(
            paragraphs[1].notes,
            [NoteRef {
                at: 6,
                kind: NoteKind::Foot,
                id: "4".into()
            }]
        );
    }

    #[test]
    fn direct_properties_give_headings_and_direction() {
        let xml = r#"<w:p><w:pPr><w:outlineLvl w:val="2"/><w:bidi/><w:pPrChange><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:pPrChange></w:pPr>
            <w:r><w:t>h</w:t></w:r></w:p>"#;
        let p = &body(xml)[0];
        assert_eq!((p.heading, p.bidi), (Some(3), true));
    }
}
