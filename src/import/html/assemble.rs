//! Blocks to the text every importer produces (see `import`): NFC, no bidi controls, no
//! trailing spaces, one blank line between paragraphs, headings located in code points.

use unicode_normalization::UnicodeNormalization;

use super::super::Heading;
use super::render::Block;

/// The text of `blocks` and where its headings are.
#[must_use]
pub(super) fn assemble(blocks: &[Block]) -> (String, Vec<Heading>) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut headings = Vec::new();
    for block in blocks {
        let clean: String = clean(&block.text).nfc().collect();
        let lines: Vec<&str> = clean.split('\n').map(str::trim).collect();
        let paragraphs: Vec<String> = if block.level.is_some() {
            vec![
                lines
                    .iter()
                    .filter(|l| !l.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n"),
            ]
        } else {
            lines
                .split(|l| l.is_empty())
                .filter(|p| !p.is_empty())
                .map(|p| p.join("\n"))
                .collect()
        };
        for paragraph in paragraphs.into_iter().filter(|p| !p.is_empty()) {
            if !text.is_empty() {
                text.push_str("\n\n");
                chars += 2;
            }
            let start = chars;
            chars += paragraph.chars().count();
            text.push_str(&paragraph);
            if let Some(level) = block.level {
                headings.push(Heading {
                    start,
                    end: chars,
                    level,
                });
            }
        }
    }
    (text, headings)
}

/// Leaves out what the text conventions forbid and controls no reader wants: bidi controls,
/// byte-order marks, C0/C1 controls but the line feed and the tab; carriage returns and line
/// separators become line feeds.
#[must_use]
pub(super) fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\u{2028}' | '\u{0b}' | '\u{0c}' | '\u{85}' => Some('\n'),
            '\u{2029}' => Some('\n'),
            '\n' | '\t' => Some(c),
            '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061c}' => None,
            '\u{feff}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, level: Option<u8>) -> Block {
        Block {
            text: text.to_owned(),
            level,
        }
    }

    #[test]
    fn paragraphs_are_separated_by_one_blank_line_and_headings_located() {
        let blocks = [
            block("العنوان", Some(1)),
            block("one  \n\n\n two", None),
            block("Notes", Some(2)),
        ];
        let (text, headings) = assemble(&blocks);
        assert_eq!(text, "العنوان\n\none\n\ntwo\n\nNotes");
        assert_eq!(
            headings,
            [
                Heading {
                    start: 0,
                    end: 7,
                    level: 1
                },
                Heading {
                    start: 19,
                    end: 24,
                    level: 2
                }
            ]
        );
    }

    #[test]
    fn controls_go_and_text_is_composed() {
        let (text, _) = assemble(&[block(
            "\u{200f}cafe\u{200e}\u{301}\r\nx\u{1}y\u{feff}",
            None,
        )]);
        assert_eq!(text, "café\nxy");
    }
}
