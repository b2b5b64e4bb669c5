//! `word/styles.xml`: what a paragraph inherits from its style chain (heading level, list
//! numbering, direction) and the document's default language.

use std::collections::HashMap;

use super::super::FormatError;
use super::xml::{Item, Ns, PartReader};

/// How many `basedOn` links are followed before a chain is taken to be a loop.
const MAX_CHAIN: usize = 32;

/// One paragraph (or numbering) style, as far as the importer needs it.
#[derive(Clone, Debug, Default)]
struct Style {
    /// `w:name`, lowercased.
    name: String,
    based_on: Option<String>,
    /// `w:outlineLvl` (0 = level 1; 9 = body text).
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    bidi: Option<bool>,
}

/// The styles of a document.
#[derive(Clone, Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    /// The paragraph style a paragraph without `w:pStyle` has.
    default_paragraph: Option<String>,
    /// `w:docDefaults` paragraph direction.
    default_bidi: bool,
    /// `w:docDefaults` `w:lang`: `w:val` and `w:bidi` (the language of right-to-left text).
    pub default_lang: Option<String>,
    pub default_bidi_lang: Option<String>,
}

impl Styles {
    /// Reads `styles.xml`.
    ///
    /// # Errors
    /// The part's XML errors.
    pub fn parse(xml: &str, part: &str) -> Result<Styles, FormatError> {
        let mut styles = Styles::default();
        let mut reader = PartReader::new(xml, part);
        // Local names of the open WordprocessingML elements (others are left out).
        let mut path: Vec<String> = Vec::new();
        let mut opened_word: Vec<bool> = Vec::new();
        let mut current: Option<(String, Style)> = None;
        while let Some(item) = reader.next()? {
            match item {
                Item::Open(el) => {
                    let word = el.ns == Ns::Word;
                    opened_word.push(word);
                    if !word {
                        continue;
                    }
                    let local = el.local().to_owned();
                    // A tracked property change holds the old properties: not the style's.
                    let changed = path.iter().any(|p| p.ends_with("Change"));
                    let parent = path.last().map(String::as_str);
                    match (parent, local.as_str()) {
                        _ if changed => {}
                        (Some("styles"), "style") => {
                            let id = el.attr("styleId").unwrap_or_default();
                            let paragraph = el.attr("type").is_none_or(|t| t == "paragraph");
                            if paragraph && el.flag("default") {
                                styles.default_paragraph = Some(id.clone());
                            }
                            current = Some((id, Style::default()));
                        }
                        (Some("style"), "name") => {
                            if let Some((_, s)) = current.as_mut() {
                                s.name = el.attr("val").unwrap_or_default().to_lowercase();
                            }
                        }
                        (Some("style"), "basedOn") => {
                            if let Some((_, s)) = current.as_mut() {
                                s.based_on = el.attr("val");
                            }
                        }
                        (Some("pPr"), "outlineLvl") => {
                            if let Some((_, s)) = current.as_mut() {
                                s.outline = el.attr("val").and_then(|v| v.trim().parse().ok());
                            }
                        }
                        (Some("pPr"), "bidi") => {
                            if in_style(&path) {
                                if let Some((_, s)) = current.as_mut() {
                                    s.bidi = Some(el.on());
                                }
                            } else if path.iter().any(|p| p == "pPrDefault") {
                                styles.default_bidi = el.on();
                            }
                        }
                        (Some("numPr"), "numId") => {
                            if let Some((_, s)) = current.as_mut() {
                                s.num_id = el.attr("val").map(|v| v.trim().to_owned());
                            }
                        }
                        (Some("numPr"), "ilvl") => {
                            if let Some((_, s)) = current.as_mut() {
                                s.ilvl = el.attr("val").and_then(|v| v.trim().parse().ok());
                            }
                        }
                        (Some("rPr"), "lang") if path.iter().any(|p| p == "rPrDefault") => {
                            styles.default_lang = el.attr("val").filter(|v| !v.is_empty());
                            styles.default_bidi_lang = el.attr("bidi").filter(|v| !v.is_empty());
                        }
                        _ => {}
                    }
                    path.push(local);
                }
                Item::Close => {
                    if opened_word.pop() == Some(true)
                        && let Some(closed) = path.pop()
                        && closed == "style"
                        && let Some((id, style)) = current.take()
                    {
                        styles.by_id.entry(id).or_insert(style);
                    }
                }
                Item::Text(_) => {}
            }
        }
        Ok(styles)
    }

    /// The style and the ones it is based on, nearest first; a paragraph without a style has
    /// the default paragraph style.
    fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s Style> + 's {
        let mut next = id.or(self.default_paragraph.as_deref());
        std::iter::from_fn(move || {
            let style = self.by_id.get(next?)?;
            next = style.based_on.as_deref();
            Some(style)
        })
        .take(MAX_CHAIN)
    }

    /// The heading level (1 = top) a paragraph of this style has: a "heading N" or "Title"
    /// style, or an outline level, whichever comes first up the chain.
    pub fn heading_level(&self, id: Option<&str>) -> Option<u8> {
        for style in self.chain(id) {
            if style.name == "title" {
                return Some(1);
            }
            if let Some(n) = style.name.strip_prefix("heading ")
                && let Ok(n) = n.trim().parse::<u8>()
                && (1..=9).contains(&n)
            {
                return Some(n);
            }
            if let Some(level) = style.outline {
                return outline_level(level);
            }
        }
        None
    }

    /// Whether the style is (based on) "Title".
    pub fn is_title(&self, id: Option<&str>) -> bool {
        self.chain(id).any(|s| s.name == "title")
    }

    /// The list a paragraph of this style is in (`w:numId`) and its level, if its style says.
    pub fn numbering(&self, id: Option<&str>) -> (Option<String>, Option<u8>) {
        let num_id = self.chain(id).find_map(|s| s.num_id.clone());
        let ilvl = self.chain(id).find_map(|s| s.ilvl);
        (num_id, ilvl)
    }

    /// The `w:numId` a numbering style (`w:numStyleLink`) stands for.
    pub fn style_num_id(&self, id: &str) -> Option<String> {
        self.chain(Some(id)).find_map(|s| s.num_id.clone())
    }

    /// Whether a paragraph of this style is right-to-left.
    pub fn bidi(&self, id: Option<&str>) -> bool {
        self.chain(id)
            .find_map(|s| s.bidi)
            .unwrap_or(self.default_bidi)
    }
}

/// A `w:outlineLvl` value as a heading level: 0–8 are levels 1–9, anything else is body text.
pub(super) fn outline_level(value: u8) -> Option<u8> {
    (value < 9).then_some(value + 1)
}

fn in_style(path: &[String]) -> bool {
    path.iter().any(|p| p == "style")
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
        <w:pPrDefault><w:pPr><w:bidi/></w:pPr></w:pPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My Section"/><w:basedOn w:val="Heading2"/></w:style>
      <w:style w:type="paragraph" w:styleId="Out"><w:name w:val="Outlined"/>
        <w:pPr><w:outlineLvl w:val="3"/><w:bidi w:val="0"/>
        <w:pPrChange><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:pPrChange></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
      <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>
        <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="A"><w:name w:val="a"/><w:basedOn w:val="B"/></w:style>
      <w:style w:type="paragraph" w:styleId="B"><w:name w:val="b"/><w:basedOn w:val="A"/></w:style>
    </w:styles>"#;

    #[test]
    fn heading_levels_come_from_names_titles_and_outline_levels_up_the_chain() {
        let styles = Styles::parse(STYLES, "styles.xml").expect("the test data is sound");
        assert_eq!(styles.heading_level(Some("Heading2")), Some(2));
        assert_eq!(styles.heading_level(Some("Mine")), Some(2));
        assert_eq!(
            styles.heading_level(Some("Out")),
            Some(4),
            "not the changed level"
        );
        assert_eq!(styles.heading_level(Some("Title")), Some(1));
        assert!(styles.is_title(Some("Title")));
        assert_eq!(styles.heading_level(None), None);
        assert_eq!(styles.heading_level(Some("A")), None, "a loop ends");
        assert_eq!(styles.heading_level(Some("Missing")), None);
    }

    #[test]
    fn numbering_direction_and_language_defaults() {
        let styles = Styles::parse(STYLES, "styles.xml").expect("the test data is sound");
        assert_eq!(
            styles.numbering(Some("ListNumber")),
            (Some("3".into()), None)
        );
        assert!(styles.bidi(None), "docDefaults say right-to-left");
        assert!(!styles.bidi(Some("Out")));
        assert_eq!(styles.default_lang.as_deref(), Some("en-US"));
        assert_eq!(styles.default_bidi_lang.as_deref(), Some("ar-SA"));
    }
}
