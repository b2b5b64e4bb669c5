//! Which parts the main document uses, from its relationships (`word/_rels/document.xml.rels`),
//! with Word's usual names when it does not say.

use super::super::FormatError;
use super::xml::{Item, PartReader};

/// A relationships part is read up to this many relationships.
const MAX_RELATIONSHIPS: usize = 10_000;

/// The parts of a Word document the importer reads besides `word/document.xml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Parts {
    pub styles: String,
    pub numbering: String,
    pub footnotes: String,
    pub endnotes: String,
}

impl Default for Parts {
    fn default() -> Self {
        Parts {
            styles: "word/styles.xml".into(),
            numbering: "word/numbering.xml".into(),
            footnotes: "word/footnotes.xml".into(),
            endnotes: "word/endnotes.xml".into(),
        }
    }
}

impl Parts {
    /// The parts named in the main document's relationships part `xml` (Word's usual names for
    /// those it does not name).
    ///
    /// # Errors
    /// The part's XML errors.
    pub fn from_rels(xml: &str, part: &str) -> Result<Parts, FormatError> {
        let mut parts = Parts::default();
        let mut reader = PartReader::new(xml, part);
        let mut seen = 0usize;
        while let Some(item) = reader.next()? {
            let Item::Open(el) = item else { continue };
            if el.local() != "Relationship" {
                continue;
            }
            seen += 1;
            if seen > MAX_RELATIONSHIPS {
                break;
            }
            if el.attr("TargetMode").as_deref() == Some("External") {
                continue;
            }
            let (Some(kind), Some(target)) = (el.attr("Type"), el.attr("Target")) else {
                continue;
            };
            let slot = match kind.rsplit('/').next() {
                Some("styles") => &mut parts.styles,
                Some("numbering") => &mut parts.numbering,
                Some("footnotes") => &mut parts.footnotes,
                Some("endnotes") => &mut parts.endnotes,
                _ => continue,
            };
            if let Some(name) = resolve("word", &target) {
                *slot = name;
            }
        }
        Ok(parts)
    }
}

/// A relationship target as a part name: relative to `base` (the source part's folder) unless
/// it starts with `/`; `..` and `.` resolved; `None` when it leaves the package.
fn resolve(base: &str, target: &str) -> Option<String> {
    let (mut segments, rest): (Vec<&str>, &str) = match target.strip_prefix('/') {
        Some(absolute) => (Vec::new(), absolute),
        None => (base.split('/').filter(|s| !s.is_empty()).collect(), target),
    };
    for segment in rest.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            s => segments.push(s),
        }
    }
    (!segments.is_empty()).then(|| segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_relative_to_word_and_unnamed_parts_keep_their_usual_names() {
        let xml = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles2.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="/word/notes/foot.xml"/>
          <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="../../../etc/passwd"/>
          <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://x" TargetMode="External"/>
        </Relationships>"#;
        let parts = Parts::from_rels(xml, "rels").expect("the test data is sound");
        assert_eq!(parts.styles, "word/styles2.xml");
        assert_eq!(parts.footnotes, "word/notes/foot.xml");
        assert_eq!(
            parts.endnotes, "word/endnotes.xml",
            "a target outside is ignored"
        );
        assert_eq!(parts.numbering, "word/numbering.xml");
    }
}
