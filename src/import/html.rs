//! HTML import: a page saved from a think tank's site to the brief's text, without the site
//! around it.
//!
//! The steps, one module each:
//! 1. `decode`: bytes to text (byte-order mark, `<meta charset>`, UTF-8, a guess).
//! 2. `parse`: text to a DOM with scraper/html5ever, refusing pages nested too deep or with
//!    too many elements (the tree builder is quadratic in depth).
//! 3. `root`: the article — `<article>`, a post body class, `<main>`, else the element with
//!    the most paragraph text.
//! 4. `notes`: footnote markers in the article and the notes they point to.
//! 5. `render`: one iterative walk turning the article into paragraphs, leaving out chrome
//!    (`classify`); list labels come from `lists`.
//! 6. `assemble`: the text conventions of [`crate::import`]; `meta` reads title, author,
//!    site, address, date, language and direction.
//!
//! Nothing here recurses over the tree, so no page can overflow the stack.

mod assemble;
mod classify;
mod decode;
mod lists;
mod meta;
mod notes;
mod parse;
mod render;
mod root;

use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::{FormatError, ImportWarning, ImportedDocument};
use render::Block;
use root::{Found, TextWeights};

/// Pages larger than this are refused before they are read.
pub const MAX_HTML_BYTES: usize = 64 * 1024 * 1024;

/// Reads a HTML file's bytes as a document. `progress` is called with the fraction done (0..=1)
/// now and then, so a big file can show a progress bar.
///
/// # Errors
/// A [`FormatError`] saying what is wrong with the file: binary or tagless bytes are
/// [`FormatError::Corrupt`], a page over the size, depth or element limits is
/// [`FormatError::TooBig`], a page whose article has no text is [`FormatError::Empty`].
pub fn import(
    bytes: &[u8],
    progress: &mut dyn FnMut(f32),
) -> Result<ImportedDocument, FormatError> {
    progress(0.0);
    if bytes.len() > MAX_HTML_BYTES {
        return Err(FormatError::TooBig(format!(
            "it is {} bytes, more than the {} MiB a web page may have",
            bytes.len(),
            MAX_HTML_BYTES / (1024 * 1024)
        )));
    }
    let decoded = decode::decode(bytes)?;
    if !has_a_tag(&decoded.text) {
        return Err(FormatError::Corrupt {
            format: "HTML",
            reason: "it has no HTML tags".to_owned(),
        });
    }
    let html = parse::parse(&decoded.text, &mut |f| progress(0.6 * f))?;
    drop(decoded.text);

    let weights = TextWeights::measure(&html);
    let (root, found) = root::find_root(&html, &weights);
    let notes = notes::find(&html, root, &weights);
    let meta = meta::read(&html, root);
    progress(0.7);

    let mut blocks = Vec::new();
    if let Some(title) = title_outside(&html, root, &meta.title, &notes, &weights) {
        blocks.push(title);
    }
    blocks.extend(render::body(root, &notes, &weights)?);
    blocks.extend(render::notes(&html, &notes, &weights)?);
    progress(0.9);

    let (text, headings) = assemble::assemble(&blocks);
    if text.is_empty() {
        return Err(FormatError::Empty);
    }
    let mut warnings: Vec<ImportWarning> = decoded.warning.into_iter().collect();
    if found == Found::Guessed {
        warnings.push(ImportWarning::ArticleGuessed);
    }
    progress(1.0);
    Ok(ImportedDocument {
        text,
        meta,
        headings,
        warnings,
    })
}

/// Whether the text has a start tag (`<` and a letter) at all: plain text is not a web page.
fn has_a_tag(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!'))
}

/// The page's title heading when the article element starts below it (a theme that puts the
/// `<h1>` in a header above the post body): the first `<h1>` outside the article whose text is
/// the page's title, as a level 1 heading.
fn title_outside(
    html: &Html,
    root: NodeRef<'_, Node>,
    title: &str,
    notes: &notes::Notes,
    weights: &TextWeights,
) -> Option<Block> {
    let is_h1 = |n: &NodeRef<'_, Node>| n.value().as_element().is_some_and(|e| e.name() == "h1");
    if title.is_empty() || root.descendants().any(|n| is_h1(&n)) {
        return None;
    }
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let h1 = html.tree.root().descendants().find(|n| is_h1(n))?;
    let text = render::element_text(h1, notes, weights);
    (fold(&text) == fold(title)).then_some(Block {
        text,
        level: Some(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import_str(page: &str) -> Result<ImportedDocument, FormatError> {
        import(page.as_bytes(), &mut |_| {})
    }

    #[test]
    fn a_page_without_tags_or_text_is_refused() {
        assert!(matches!(
            import_str("just words"),
            Err(FormatError::Corrupt { .. })
        ));
        assert_eq!(
            import_str("<html><body><p> </p></body></html>"),
            Err(FormatError::Empty)
        );
    }

    #[test]
    fn a_title_above_the_post_body_becomes_its_first_heading() {
        let page = "<html><head><title>The Brief | Site</title></head><body>\
            <header class='entry-header'><h1>The Brief</h1></header>\
            <div class='entry-content'><p>First paragraph of the brief.</p></div></body></html>";
        let doc = import_str(page).expect("imports");
        assert_eq!(doc.text, "The Brief\n\nFirst paragraph of the brief.");
        assert_eq!(doc.headings.len(), 1);
        assert_eq!(
            (
                doc.headings[0].start,
                doc.headings[0].end,
                doc.headings[0].level
            ),
            (0, 9, 1)
        );
    }

    #[test]
    fn word_footnotes_link_both_ways_and_become_markers_and_notes() {
        let page = "<html><body><div class=WordSection1>\
            <p class=MsoNormal>Text<a href=\"#_ftn1\" name=\"_ftnref1\">\
            <span class=MsoFootnoteReference>[1]</span></a> more.</p>\
            <p class=MsoNormal>Second paragraph.</p></div>\
            <div style='mso-element:footnote-list'><br clear=all><hr width=\"33%\">\
            <div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>\
            <a href=\"#_ftnref1\" name=\"_ftn1\">[1]</a> The source.</p></div></div>\
            </body></html>";
        let doc = import_str(page).expect("imports");
        assert_eq!(
            doc.text,
            "Text[1] more.\n\nSecond paragraph.\n\n[1] The source."
        );
        assert_eq!(
            doc.warnings.len(),
            1,
            "the article was guessed: {:?}",
            doc.warnings
        );
    }

    #[test]
    fn bare_superscript_markers_match_an_unlinked_notes_list() {
        let page = "<article><p>Claim<sup>1</sup> and another<sup>2</sup>.</p>\
            <h3>الهوامش</h3><ol class='footnotes'><li>Source one.</li><li>Source two.</li></ol>\
            </article>";
        let doc = import_str(page).expect("imports");
        assert_eq!(
            doc.text,
            "Claim[1] and another[2].\n\nالهوامش\n\n[1] Source one.\n\n[2] Source two."
        );
    }

    #[test]
    fn notes_already_written_as_bracketed_paragraphs_stay() {
        let doc = import_str("<article><p>Text [1] here.</p><p>[1] Source.</p></article>")
            .expect("imports");
        assert_eq!(doc.text, "Text [1] here.\n\n[1] Source.");
    }

    #[test]
    fn double_line_breaks_split_paragraphs() {
        let doc = import_str("<div>one<br>line<br><br>  two</div>").expect("imports");
        assert_eq!(doc.text, "one\nline\n\ntwo");
    }

    #[test]
    fn a_page_wrapped_in_one_form_keeps_its_text() {
        let page = "<body><form id=form1><div id=menu><a href=/>Home</a> <a href=/a>About</a></div>\
            <div id=text><p>First paragraph of the brief text.</p><p>Second paragraph.</p></div>\
            </form></body>";
        let doc = import_str(page).expect("imports");
        assert_eq!(
            doc.text,
            "First paragraph of the brief text.\n\nSecond paragraph."
        );
    }

    #[test]
    fn progress_goes_from_zero_to_one() {
        let mut seen = Vec::new();
        import("<p>text</p>".as_bytes(), &mut |f| seen.push(f)).expect("imports");
        assert_eq!(seen.first(), Some(&0.0));
        assert_eq!(seen.last(), Some(&1.0));
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    }
}
