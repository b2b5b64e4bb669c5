//! What the page says about itself: title, author, site, address, date, language, direction.

use std::collections::HashMap;

use chrono::NaiveDate;
use ego_tree::NodeRef;
use scraper::{Html, Node};
use unicode_normalization::UnicodeNormalization;

use super::super::ImportedMeta;
use super::assemble::clean;
use crate::model::TextDirection;

/// A metadata value is cut to this many characters.
const MAX_FIELD_CHARS: usize = 1_000;

/// Reads the metadata of a page whose article is at `root`.
#[must_use]
pub(super) fn read(html: &Html, root: NodeRef<'_, Node>) -> ImportedMeta {
    let found = Found::collect(html, root);
    let publisher = found.first_meta(&["og:site_name", "application-name"]);
    ImportedMeta {
        title: found.title(&publisher),
        author: found.author(),
        url: found
            .canonical
            .clone()
            .unwrap_or_else(|| found.first_meta(&["og:url"])),
        published: found.published(),
        language: [
            found.lang.clone(),
            Some(found.first_meta(&["content-language"])),
        ]
        .into_iter()
        .flatten()
        .find(|l| !l.is_empty())
        .unwrap_or_else(|| found.first_meta(&["og:locale"]).replace('_', "-")),
        direction: direction(root),
        publisher,
    }
}

/// The values the walk over the page found.
#[derive(Debug, Default)]
struct Found {
    /// `<meta name|property|itemprop|http-equiv=key content=value>`, keys lowercased, values in
    /// page order.
    metas: HashMap<String, Vec<String>>,
    canonical: Option<String>,
    title: Option<String>,
    lang: Option<String>,
    rel_author: Option<String>,
    h1_in_root: Option<String>,
    h1: Option<String>,
    time_in_root: Option<String>,
    time: Option<String>,
}

impl Found {
    fn collect(html: &Html, root: NodeRef<'_, Node>) -> Self {
        let mut found = Found::default();
        let root_id = root.id();
        let mut in_root = 0usize;
        for edge in html.tree.root().traverse() {
            let node = match edge {
                ego_tree::iter::Edge::Open(node) => node,
                ego_tree::iter::Edge::Close(node) => {
                    if node.id() == root_id {
                        in_root = 0;
                    }
                    continue;
                }
            };
            if node.id() == root_id {
                in_root = 1;
            }
            let Some(element) = node.value().as_element() else {
                continue;
            };
            match element.name() {
                "html" if found.lang.is_none() => {
                    found.lang = element.attr("lang").or(element.attr("xml:lang")).map(field);
                }
                "meta" => {
                    let key = ["property", "name", "itemprop", "http-equiv"]
                        .iter()
                        .find_map(|k| element.attr(k));
                    if let (Some(key), Some(content)) = (key, element.attr("content"))
                        && found.metas.len() < 1_000
                    {
                        found
                            .metas
                            .entry(key.trim().to_ascii_lowercase())
                            .or_default()
                            .push(field(content));
                    }
                }
                "link"
                    if found.canonical.is_none()
                        && element.attr("rel").is_some_and(|r| {
                            r.split_whitespace()
                                .any(|w| w.eq_ignore_ascii_case("canonical"))
                        }) =>
                {
                    found.canonical = element.attr("href").map(field).filter(|h| !h.is_empty());
                }
                "title" if found.title.is_none() => {
                    found.title = Some(field(&node_text(node)));
                }
                "h1" => {
                    let text = || Some(field(&node_text(node)));
                    if in_root > 0 && found.h1_in_root.is_none() {
                        found.h1_in_root = text();
                    }
                    if found.h1.is_none() {
                        found.h1 = text();
                    }
                }
                "time" => {
                    let value = element.attr("datetime").map(field);
                    if in_root > 0 && found.time_in_root.is_none() {
                        found.time_in_root.clone_from(&value);
                    }
                    if found.time.is_none() {
                        found.time = value;
                    }
                }
                _ => {}
            }
            if found.rel_author.is_none()
                && element.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("author"))
                })
            {
                found.rel_author = Some(field(&node_text(node))).filter(|a| !a.is_empty());
            }
        }
        found
    }

    fn first_meta(&self, keys: &[&str]) -> String {
        keys.iter()
            .filter_map(|k| self.metas.get(*k))
            .flatten()
            .find(|v| !v.is_empty())
            .cloned()
            .unwrap_or_default()
    }

    /// `og:title`, else `<title>` without its " | Site" part, else the first `<h1>`.
    fn title(&self, site: &str) -> String {
        let og = self.first_meta(&["og:title", "twitter:title", "citation_title", "dc.title"]);
        if !og.is_empty() {
            return strip_site(&og, site);
        }
        if let Some(title) = self.title.as_deref().filter(|t| !t.is_empty()) {
            return strip_site(title, site);
        }
        self.h1_in_root
            .clone()
            .or_else(|| self.h1.clone())
            .unwrap_or_default()
    }

    /// Every author the first source that names any gives, in page order.
    fn author(&self) -> String {
        for key in [
            "author",
            "article:author",
            "citation_author",
            "dc.creator",
            "parsely-author",
        ] {
            let mut names: Vec<&str> = Vec::new();
            for value in self.metas.get(key).into_iter().flatten() {
                let is_link = value.starts_with("http://") || value.starts_with("https://");
                if !value.is_empty() && !is_link && !names.contains(&value.as_str()) {
                    names.push(value);
                }
            }
            if !names.is_empty() {
                return names.join(", ");
            }
        }
        self.rel_author.clone().unwrap_or_default()
    }

    fn published(&self) -> Option<NaiveDate> {
        const KEYS: [&str; 12] = [
            "article:published_time",
            "datepublished",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "dcterms.issued",
            "citation_publication_date",
            "pubdate",
            "publish-date",
            "publish_date",
            "parsely-pub-date",
        ];
        KEYS.iter()
            .filter_map(|k| self.metas.get(*k))
            .flatten()
            .chain(&self.time_in_root)
            .chain(&self.time)
            .find_map(|v| parse_date(v))
    }
}

/// The direction declared on the article or the nearest element around it that declares one.
fn direction(root: NodeRef<'_, Node>) -> Option<TextDirection> {
    std::iter::once(root)
        .chain(root.ancestors())
        .filter_map(|n| n.value().as_element()?.attr("dir"))
        .find_map(|dir| match dir.trim().to_ascii_lowercase().as_str() {
            "rtl" => Some(TextDirection::Rtl),
            "ltr" => Some(TextDirection::Ltr),
            "auto" => Some(TextDirection::Auto),
            _ => None,
        })
}

/// `2025-09-25`, `2025-09-25T10:00:00+03:00`, `2025/09/25`: the calendar date as written.
fn parse_date(value: &str) -> Option<NaiveDate> {
    let head = value.trim().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(head, "%Y/%m/%d"))
        .ok()
}

/// "Title | Site", "Title - Site", "Site | Title" → "Title".
fn strip_site(title: &str, site: &str) -> String {
    const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · "];
    if !site.is_empty() {
        for sep in SEPARATORS {
            if let Some(rest) = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep))
                && !rest.trim().is_empty()
            {
                return rest.trim().to_owned();
            }
            if let Some(rest) = title.strip_prefix(site).and_then(|t| t.strip_prefix(sep))
                && !rest.trim().is_empty()
            {
                return rest.trim().to_owned();
            }
        }
    }
    match title.rsplit_once(" | ") {
        Some((rest, last)) if rest.chars().count() > last.chars().count() => rest.trim().to_owned(),
        _ => title.to_owned(),
    }
}

fn node_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for text in node
        .descendants()
        .take(10_000)
        .filter_map(|d| d.value().as_text())
    {
        out.push_str(text);
        if out.len() > MAX_FIELD_CHARS * 4 {
            break;
        }
    }
    out
}

/// A value as Basira stores it: NFC, no controls, whitespace folded, not too long.
fn field(value: &str) -> String {
    let clean: String = clean(value).nfc().collect();
    clean
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_FIELD_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(page: &str) -> ImportedMeta {
        let html = Html::parse_document(page);
        let root = html
            .tree
            .root()
            .descendants()
            .find(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "article")
            })
            .unwrap_or(html.tree.root());
        read(&html, root)
    }

    #[test]
    fn open_graph_and_article_tags_are_read() {
        let meta = meta_of(
            "<html lang='ar' dir='rtl'><head><title>عنوان | المركز</title>\
             <meta property='og:site_name' content='المركز'>\
             <meta property='article:published_time' content='2025-09-25T08:00:00+03:00'>\
             <meta name='author' content='أحمد'>\
             <link rel='canonical' href='https://example.org/a'></head>\
             <body><article><h1>عنوان طويل</h1></article></body></html>",
        );
        assert_eq!(meta.title, "عنوان");
        assert_eq!(meta.publisher, "المركز");
        assert_eq!(meta.author, "أحمد");
        assert_eq!(meta.url, "https://example.org/a");
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 9, 25));
        assert_eq!(meta.language, "ar");
        assert_eq!(meta.direction, Some(TextDirection::Rtl));
    }

    #[test]
    fn fallbacks_h1_time_and_rel_author() {
        let meta = meta_of(
            "<html><body><article dir='ltr'><h1>The  Title</h1>\
             <a rel='author' href='/me'>Jane Doe</a><time datetime='2024/01/05'>5 Jan</time>\
             </article></body></html>",
        );
        assert_eq!(meta.title, "The Title");
        assert_eq!(meta.author, "Jane Doe");
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2024, 1, 5));
        assert_eq!(meta.direction, Some(TextDirection::Ltr));
        assert_eq!(meta.language, "");
    }

    #[test]
    fn site_names_come_off_titles() {
        assert_eq!(
            strip_site("Red Sea shipping - The Institute", "The Institute"),
            "Red Sea shipping"
        );
        assert_eq!(
            strip_site("The Institute | Red Sea", "The Institute"),
            "Red Sea"
        );
        assert_eq!(
            strip_site("Red Sea shipping | Institute", ""),
            "Red Sea shipping"
        );
        assert_eq!(
            strip_site("Iran - Iraq relations", ""),
            "Iran - Iraq relations"
        );
    }
}
