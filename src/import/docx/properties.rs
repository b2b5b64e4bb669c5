//! Document properties: `docProps/core.xml` (title, author, dates, language) and
//! `docProps/app.xml` (the company, taken as the publisher).

use chrono::NaiveDate;

use super::super::FormatError;
use super::xml::{Item, PartReader};

/// A property longer than this is cut.
const MAX_PROPERTY_CHARS: usize = 2000;

/// What the property parts say, each empty when absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Properties {
    pub title: String,
    pub creator: String,
    pub language: String,
    pub created: Option<NaiveDate>,
    pub modified: Option<NaiveDate>,
    pub company: String,
}

impl Properties {
    /// Reads `docProps/core.xml` into these properties.
    ///
    /// # Errors
    /// The part's XML errors.
    pub fn read_core(&mut self, xml: &str, part: &str) -> Result<(), FormatError> {
        for (name, value) in top_level_values(xml, part)? {
            match name.as_str() {
                "title" => self.title = value,
                "creator" => self.creator = value,
                "language" => self.language = value,
                "created" => self.created = date(&value),
                "modified" => self.modified = date(&value),
                _ => {}
            }
        }
        Ok(())
    }

    /// Reads `docProps/app.xml` into these properties.
    ///
    /// # Errors
    /// The part's XML errors.
    pub fn read_app(&mut self, xml: &str, part: &str) -> Result<(), FormatError> {
        for (name, value) in top_level_values(xml, part)? {
            if name == "Company" {
                self.company = value;
            }
        }
        Ok(())
    }
}

/// The children of the root element that hold text, by local name, with their text trimmed.
fn top_level_values(xml: &str, part: &str) -> Result<Vec<(String, String)>, FormatError> {
    let mut reader = PartReader::new(xml, part);
    let mut depth = 0usize;
    let mut current: Option<(String, String)> = None;
    let mut values = Vec::new();
    while let Some(item) = reader.next()? {
        match item {
            Item::Open(el) => {
                depth += 1;
                if depth == 2 {
                    current = Some((el.local().to_owned(), String::new()));
                }
            }
            Item::Close => {
                if depth == 2
                    && let Some((name, value)) = current.take()
                {
                    let value = value.trim();
                    if !value.is_empty() {
                        values.push((name, value.chars().take(MAX_PROPERTY_CHARS).collect()));
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Item::Text(text) => {
                if let Some((_, value)) = current.as_mut()
                    && value.len() < MAX_PROPERTY_CHARS * 4
                {
                    value.push_str(&text);
                }
            }
        }
    }
    Ok(values)
}

/// The date of a W3CDTF value (`2025-09-25T08:00:00Z`, `2025-09-25`).
fn date(value: &str) -> Option<NaiveDate> {
    let day = value.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_and_app_properties_are_read() {
        let core = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <dc:title> Red Sea &amp; Suez </dc:title><dc:creator>A. Analyst</dc:creator><dc:language>en-GB</dc:language>
 <dcterms:created xsi:type="dcterms:W3CDTF">2025-10-14T09:00:00Z</dcterms:created>
 <dcterms:modified xsi:type="dcterms:W3CDTF">garbage</dcterms:modified></cp:coreProperties>"#;
        let mut props = Properties::default();
        props
            .read_core(core, "docProps/core.xml")
            .expect("the test data is sound");
        props
            .read_app(
                "<Properties><Company>Centre</Company><Pages>3</Pages></Properties>",
                "app",
            )
            .expect("the test data is sound");
        assert_eq!(
            props,
            Properties {
                title: "Red Sea & Suez".into(),
                creator: "A. Analyst".into(),
                language: "en-GB".into(),
                created: NaiveDate::from_ymd_opt(2025, 10, 14),
                modified: None,
                company: "Centre".into(),
            }
        );
    }
}
