//! What an element is to a reader: never text (scripts, forms' controls), page chrome (menus,
//! share buttons, tag lists…), a block that starts a new paragraph, or inline text.

use scraper::node::Element;

/// Elements whose content is never part of a document's text, wherever they are.
#[must_use]
pub(super) fn is_never_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "svg"
            | "math"
            | "canvas"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "button"
            | "iframe"
            | "object"
            | "embed"
            | "audio"
            | "video"
            | "map"
            | "img"
            | "picture"
            | "rp"
            | "rt"
            | "dialog"
    )
}

/// Elements that start and end a paragraph.
#[must_use]
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "figure"
            | "figcaption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "fieldset"
            | "legend"
            | "form"
            | "hgroup"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "body"
            | "html"
    )
}

/// The heading level of `h1`–`h6` or of `role="heading"` (its `aria-level`, 2 by default).
#[must_use]
pub(super) fn heading_level(element: &Element) -> Option<u8> {
    let name = element.name();
    if let Some(digit) = name.strip_prefix('h')
        && let Ok(level @ 1..=6) = digit.parse::<u8>()
    {
        return Some(level);
    }
    if element
        .attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("heading"))
    {
        let level = element
            .attr("aria-level")
            .and_then(|l| l.trim().parse::<u8>().ok())
            .unwrap_or(2);
        return Some(level.clamp(1, 6));
    }
    None
}

/// Page chrome by its tag: menus, sidebars, forms, page headers and footers. Callers keep such
/// an element when it holds most of the article (a whole page inside one `<form>`).
#[must_use]
pub(super) fn is_chrome_tag(name: &str) -> bool {
    matches!(name, "nav" | "aside" | "form" | "footer" | "menu")
}

/// Page chrome by its attributes: an ARIA landmark that is not content, hidden elements, and
/// `class`/`id` words that name share buttons, tag lists, related posts, comments and the like.
#[must_use]
pub(super) fn is_chrome_by_attributes(element: &Element) -> bool {
    if let Some(role) = element.attr("role") {
        let role = role.trim().to_ascii_lowercase();
        if matches!(
            role.as_str(),
            "navigation"
                | "banner"
                | "complementary"
                | "contentinfo"
                | "search"
                | "menu"
                | "menubar"
                | "toolbar"
                | "dialog"
                | "alertdialog"
                | "tablist"
        ) {
            return true;
        }
    }
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = element.attr("style") {
        let compact: String = style
            .chars()
            .take(500)
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    element.classes().any(is_chrome_name) || element.id().is_some_and(is_chrome_name)
}

/// Whole `class`/`id` values that mark chrome.
const CHROME_NAMES: &[&str] = &[
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "skip-link",
    "most-read",
    "read-more",
    "post-navigation",
    "nav-links",
    "entry-footer",
    "site-header",
    "site-footer",
    "cat-links",
];

/// Words (parts of a `class`/`id` value split at `-` and `_`) that mark chrome.
const CHROME_WORDS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "sharedaddy",
    "addtoany",
    "social",
    "socials",
    "tags",
    "tag",
    "tagcloud",
    "related",
    "comment",
    "comments",
    "respond",
    "breadcrumb",
    "breadcrumbs",
    "newsletter",
    "subscribe",
    "subscription",
    "sidebar",
    "widget",
    "widgets",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "sponsored",
    "promo",
    "popup",
    "modal",
    "cookie",
    "cookies",
    "navigation",
    "navbar",
    "nav",
    "menu",
    "pagination",
    "pager",
    "print",
    "download",
    "views",
    "meta",
    "byline",
    "bio",
    "popular",
    "trending",
    "mostread",
    "masthead",
    "toolbar",
    "rating",
    "reactions",
    "eyebrow",
    "kicker",
    "category",
    "categories",
];

/// Word stems that mark chrome wherever a word starts with them (`sharethis`, `socialicons`).
const CHROME_STEMS: &[&str] = &[
    "share",
    "social",
    "comment",
    "related",
    "breadcrumb",
    "newsletter",
];

fn is_chrome_name(value: &str) -> bool {
    let value = value.trim().to_ascii_lowercase();
    if value.len() > 200 {
        return false;
    }
    if CHROME_NAMES.contains(&value.as_str()) {
        return true;
    }
    value
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .any(|word| {
            CHROME_WORDS.contains(&word) || CHROME_STEMS.iter().any(|stem| word.starts_with(stem))
        })
}

/// Words of `class`/`id` values that name a post's body in common themes.
const CONTENT_NAMES: &[&str] = &[
    "entry-content",
    "post-content",
    "article-content",
    "article-body",
    "articlebody",
    "article__body",
    "article-text",
    "post-body",
    "post-entry",
    "postbody",
    "story-body",
    "single-content",
    "single-post-content",
    "td-post-content",
    "field--name-body",
    "field-name-body",
    "content-body",
    "text-content",
    "main-content",
];

/// Whether the element's `class`, `id` or `itemprop` name it the body of a post.
#[must_use]
pub(super) fn is_content_container(element: &Element) -> bool {
    let named = |value: &str| CONTENT_NAMES.contains(&value.trim().to_ascii_lowercase().as_str());
    element.classes().any(named)
        || element.id().is_some_and(named)
        || element.attr("itemprop").is_some_and(|p| {
            p.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("articleBody"))
        })
}

#[cfg(test)]
mod tests {
    use scraper::{Html, Selector};

    use super::*;

    fn element(markup: &str) -> Element {
        let html = Html::parse_fragment(markup);
        let selector = Selector::parse("body > *, html > *").expect("selector");
        let first = html
            .select(&selector)
            .find(|e| e.value().name() != "html")
            .expect("an element");
        first.value().clone()
    }

    #[test]
    fn share_tag_related_and_comment_blocks_are_chrome() {
        for markup in [
            "<div class='sharedaddy sd-sharing-enabled'></div>",
            "<div class='share-buttons'></div>",
            "<ul class='post-tags'></ul>",
            "<div class='tags-links'></div>",
            "<section class='related-posts'></section>",
            "<div id='comments' class='comments-area'></div>",
            "<nav class='breadcrumbs'></nav>",
            "<div class='a2a_kit addtoany_list'></div>",
            "<div role='navigation'></div>",
            "<span class='screen-reader-text'></span>",
            "<div style='display: none'></div>",
            "<div class='entry-meta'></div>",
        ] {
            assert!(is_chrome_by_attributes(&element(markup)), "{markup}");
        }
    }

    #[test]
    fn content_blocks_are_not_chrome() {
        for markup in [
            "<div class='entry-content'></div>",
            "<div class='post-body clearfix'></div>",
            "<p class='lead'></p>",
            "<div class='content-area'></div>",
            "<section class='footnotes'></section>",
            "<div class='adjacent'></div>",
        ] {
            assert!(!is_chrome_by_attributes(&element(markup)), "{markup}");
        }
    }

    #[test]
    fn heading_levels() {
        assert_eq!(heading_level(&element("<h3>x</h3>")), Some(3));
        assert_eq!(
            heading_level(&element("<div role='heading' aria-level='4'>x</div>")),
            Some(4)
        );
        assert_eq!(heading_level(&element("<p>x</p>")), None);
        assert_eq!(heading_level(&element("<hr>")), None);
    }
}
