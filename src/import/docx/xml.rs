//! A bounded pull reader over one XML part of a Word package.
//!
//! It decodes the part (UTF-8, or UTF-16 with a byte-order mark), refuses a DOCTYPE (Word never
//! writes one, and entity definitions are how "billion laughs" inputs blow up), refuses undefined
//! entities, bounds the nesting depth (the callers keep explicit stacks, never recursion), and
//! hands out elements with their namespace already sorted into the few the importer cares about.
//! An empty element `<a/>` comes out as an [`Item::Open`] followed by an [`Item::Close`].

use std::borrow::Cow;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, QName, ResolveResult};

use super::super::FormatError;

/// Elements nested deeper than this are refused. Word's own documents stay far below it (a table
/// in a table in a text box is still under a hundred levels).
pub(super) const MAX_DEPTH: usize = 512;

/// How many namespace bindings may be in scope at once (Word declares about forty on the root).
const MAX_NAMESPACE_BINDINGS: usize = 2048;

/// The namespaces the importer tells apart; everything else is [`Ns::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ns {
    /// WordprocessingML, transitional or strict.
    Word,
    /// Office Math (`m:`), whose `m:t` holds text.
    Math,
    /// Markup compatibility (`mc:AlternateContent`, `mc:Choice`, `mc:Fallback`).
    Compat,
    Other,
}

impl Ns {
    fn of(uri: &str) -> Ns {
        match uri {
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::Word,
            "http://schemas.openxmlformats.org/officeDocument/2006/math"
            | "http://purl.oclc.org/ooxml/officeDocument/math" => Ns::Math,
            "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Compat,
            _ => Ns::Other,
        }
    }
}

/// An element as it opens: its namespace, local name and attributes.
pub(super) struct Element<'i> {
    pub ns: Ns,
    start: BytesStart<'i>,
}

impl Element<'_> {
    /// The name without its prefix (`p` for `w:p`).
    pub fn local(&self) -> &str {
        let name = self.start.name().0;
        name.rsplit_once(':').map_or(name, |(_, local)| local)
    }

    /// The value of the attribute with this local name (`val` finds `w:val`), unescaped; `None`
    /// when it is absent or malformed (an undefined entity in it, a duplicate).
    pub fn attr(&self, local: &str) -> Option<String> {
        self.start.attributes().flatten().find_map(|attr| {
            let key = attr.key.0;
            let key_local = key.rsplit_once(':').map_or(key, |(_, l)| l);
            if key_local != local || key.starts_with("xmlns") {
                return None;
            }
            attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(Cow::into_owned)
        })
    }

    /// Whether an attribute is set to true (`w:default="1"`).
    pub fn flag(&self, local: &str) -> bool {
        matches!(self.attr(local).as_deref(), Some("1" | "true" | "on"))
    }

    /// A Word on/off attribute (`w:val` of `w:bidi`, `w:vanish`…): absent means on.
    pub fn on(&self) -> bool {
        !matches!(
            self.attr("val").as_deref(),
            Some("0" | "false" | "off" | "none")
        )
    }
}

/// One step through a part.
pub(super) enum Item<'i> {
    Open(Element<'i>),
    Close,
    Text(Cow<'i, str>),
}

/// Reads one decoded part as [`Item`]s.
pub(super) struct PartReader<'i> {
    reader: NsReader<&'i [u8]>,
    part: &'i str,
    len: usize,
    depth: usize,
    pending_close: bool,
}

impl<'i> PartReader<'i> {
    /// A reader over `xml`, the decoded text of the part named `part` (used in errors).
    pub fn new(xml: &'i str, part: &'i str) -> Self {
        let mut reader = NsReader::from_str(xml);
        reader
            .resolver_mut()
            .set_max_namespace_bindings(MAX_NAMESPACE_BINDINGS);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        PartReader {
            reader,
            part,
            len: xml.len(),
            depth: 0,
            pending_close: false,
        }
    }

    /// How far through the part the reader is, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        if self.len == 0 {
            return 1.0;
        }
        (self.reader.buffer_position() as f64 / self.len as f64).clamp(0.0, 1.0) as f32
    }

    /// The next item, or `None` at the end of a well-formed part.
    ///
    /// # Errors
    /// [`FormatError::TooBig`] for a DOCTYPE or nesting beyond [`MAX_DEPTH`];
    /// [`FormatError::Corrupt`] for XML that is not well formed.
    pub fn next(&mut self) -> Result<Option<Item<'i>>, FormatError> {
        if self.pending_close {
            self.pending_close = false;
            return Ok(Some(Item::Close));
        }
        loop {
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(error) => {
                    return Err(self.corrupt(format!(
                        "malformed XML at byte {}: {error}",
                        self.reader.error_position()
                    )));
                }
            };
            match event {
                Event::Start(start) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(FormatError::TooBig(format!(
                            "{} nests elements more than {MAX_DEPTH} deep",
                            self.part
                        )));
                    }
                    return Ok(Some(Item::Open(self.element(start))));
                }
                Event::Empty(start) => {
                    if self.depth + 1 > MAX_DEPTH {
                        return Err(FormatError::TooBig(format!(
                            "{} nests elements more than {MAX_DEPTH} deep",
                            self.part
                        )));
                    }
                    self.pending_close = true;
                    return Ok(Some(Item::Open(self.element(start))));
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Some(Item::Close));
                }
                Event::Text(text) => return Ok(Some(Item::Text(text.xml10_content()))),
                Event::CData(text) => return Ok(Some(Item::Text(text.xml10_content()))),
                Event::GeneralRef(reference) => {
                    let name: &str = &reference;
                    let resolved = match name {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "apos" => Some('\''),
                        "quot" => Some('"'),
                        _ => reference.resolve_char_ref().ok().flatten(),
                    };
                    let Some(c) = resolved else {
                        let shown: String = name.chars().take(40).collect();
                        return Err(self.corrupt(format!("it uses an undefined entity &{shown};")));
                    };
                    return Ok(Some(Item::Text(Cow::Owned(c.to_string()))));
                }
                Event::DocType(_) => {
                    return Err(FormatError::TooBig(format!(
                        "{} has a DOCTYPE declaration, which Word files never have; it is refused \
                         so that entity definitions cannot expand (a \"billion laughs\" file)",
                        self.part
                    )));
                }
                Event::Eof => {
                    if self.depth != 0 {
                        return Err(self.corrupt(
                            "it ends before its elements are closed (a truncated part)".into(),
                        ));
                    }
                    return Ok(None);
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
    }

    fn element(&self, start: BytesStart<'i>) -> Element<'i> {
        let (resolved, _) = self
            .reader
            .resolver()
            .resolve_element(QName(start.name().0));
        let ns = match resolved {
            ResolveResult::Bound(Namespace(uri)) => Ns::of(uri),
            ResolveResult::Unbound | ResolveResult::Unknown(_) => Ns::Other,
        };
        Element { ns, start }
    }

    fn corrupt(&self, reason: String) -> FormatError {
        FormatError::Corrupt {
            format: "Word (.docx)",
            reason: format!("{}: {reason}", self.part),
        }
    }
}

/// Decodes a part's bytes: UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark.
///
/// # Errors
/// [`FormatError::Corrupt`] naming the part when the bytes are neither.
pub(super) fn decode(bytes: Vec<u8>, part: &str) -> Result<String, FormatError> {
    let corrupt = |what: &str| FormatError::Corrupt {
        format: "Word (.docx)",
        reason: format!("{part}: {what}"),
    };
    let utf16 = |bytes: &[u8], little: bool| -> Result<String, FormatError> {
        let units = bytes.chunks_exact(2).map(|pair| {
            if little {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| corrupt("it is not valid UTF-16 text"))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    let mut text =
        String::from_utf8(bytes).map_err(|_| corrupt("it is not UTF-8 (or UTF-16) text"))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(xml: &str) -> Result<Vec<String>, FormatError> {
        let mut reader = PartReader::new(xml, "test.xml");
        let mut out = Vec::new();
        while let Some(item) = reader.next()? {
            out.push(match item {
                Item::Open(e) => format!("<{:?}:{}>", e.ns, e.local()),
                Item::Close => "</>".into(),
                Item::Text(t) => t.into_owned(),
            });
        }
        Ok(out)
    }

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    #[test]
    fn elements_come_with_their_namespace_and_empty_ones_close() {
        let xml = format!(r#"<x:p xmlns:x="{W}"><x:t>a &amp; b&#x41;</x:t><x:br/><o/></x:p>"#);
        assert_eq!(
            items(&xml).expect("the test data is sound"),
            [
                "<Word:p>",
                "<Word:t>",
                "a ",
                "&",
                " b",
                "A",
                "</>",
                "<Word:br>",
                "</>",
                "<Other:o>",
                "</>",
                "</>"
            ]
        );
    }

    #[test]
    fn a_doctype_is_refused_before_any_entity_is_read() {
        let xml = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>"#;
        let err = items(xml).expect_err("refused");
        assert!(
            matches!(&err, FormatError::TooBig(m) if m.contains("DOCTYPE")),
            "{err:?}"
        );
    }

    #[test]
    fn undefined_entities_truncation_and_depth_are_errors() {
        assert!(matches!(
            items("<a>&nope;</a>"),
            Err(FormatError::Corrupt { .. })
        ));
        assert!(matches!(items("<a><b>"), Err(FormatError::Corrupt { .. })));
        assert!(matches!(items("<a></b>"), Err(FormatError::Corrupt { .. })));
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        assert!(matches!(items(&deep), Err(FormatError::TooBig(_))));
        let ok = "<a>".repeat(MAX_DEPTH) + &"</a>".repeat(MAX_DEPTH);
        assert!(items(&ok).is_ok());
    }

    #[test]
    fn attributes_are_found_by_local_name_and_on_off_values_read() {
        let xml = format!(r#"<w:bidi xmlns:w="{W}" w:val="0" w:id="&lt;3"/>"#);
        let mut reader = PartReader::new(&xml, "t");
        let Some(Item::Open(e)) = reader.next().expect("the test data is sound") else {
            panic!("an element")
        };
        assert_eq!(e.attr("id").as_deref(), Some("<3"));
        assert!(!e.on());
        assert_eq!(e.attr("w"), None, "xmlns:w is not an attribute");
    }

    #[test]
    fn parts_decode_from_utf8_with_or_without_bom_and_from_utf16() {
        assert_eq!(
            decode(b"\xEF\xBB\xBF<a/>".to_vec(), "p").expect("the test data is sound"),
            "<a/>"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a/>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(utf16, "p").expect("the test data is sound"), "<a/>");
        assert!(decode(vec![0xC3, 0x28], "p").is_err());
    }
}
