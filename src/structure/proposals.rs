//! Proposals: each determinant or scenario item becomes a proposed determinant or scenario —
//! a name, a description and the passage that is its evidence — with a key that stays the same
//! while the text it comes from does.

use sha2::{Digest, Sha256};

use super::parts::items::Items;
use super::types::{
    ItemRole, MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS, MAX_PROPOSALS, Proposal, ProposalKind,
};
use super::words::chars::is_blank;

/// Hex digits of the hash in a key (64 bits).
const KEY_HEX: usize = 16;

/// The proposals of the determinant and scenario items, in text order.
pub(crate) fn from_items(text: &str, items: &Items) -> Vec<Proposal> {
    let mut out = Vec::new();
    for (index, (item, bytes)) in items.items.iter().zip(&items.bytes).enumerate() {
        if out.len() >= MAX_PROPOSALS {
            break;
        }
        let kind = match item.role {
            ItemRole::Determinant => ProposalKind::Determinant,
            ItemRole::Scenario => ProposalKind::Scenario,
            ItemRole::Plain => continue,
        };
        let slice = |(a, b): (usize, usize)| text.get(a..b).unwrap_or("");
        let body = fold_spaces(slice(bytes.body).trim_start_matches(|c: char| {
            is_blank(c) || matches!(c, ':' | '،' | ',' | '-' | '–' | '—' | '.')
        }));
        let name = match bytes.title {
            Some(title) => fold_spaces(slice(title)),
            None => cut(&body, MAX_NAME_CHARS),
        };
        if name.is_empty() {
            continue;
        }
        // A bare title is explained by the paragraphs after it: they are its evidence too.
        let (description, source, source_bytes) = if bytes.title.is_some()
            && body.is_empty()
            && bytes.continuation.0 < bytes.continuation.1
        {
            (
                fold_spaces(slice(bytes.continuation)),
                item.extent,
                bytes.extent,
            )
        } else {
            (body, item.span, bytes.paragraph)
        };
        out.push(Proposal {
            kind,
            key: key(kind, slice(source_bytes)),
            name,
            description: cut(&description, MAX_DESCRIPTION_CHARS),
            source,
            item: index,
        });
    }
    out
}

/// `text` with every run of space (no-break spaces and line breaks included) one space, trimmed.
pub(crate) fn fold_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_blank).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `text` cut to at most `max` code points at a word boundary, with '…' when cut.
pub(crate) fn cut(text: &str, max: usize) -> String {
    let Some((limit, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    // Leave room for the ellipsis.
    let head = &text[..text[..limit].char_indices().last().map_or(0, |(i, _)| i)];
    let at = head.rfind(' ').filter(|i| *i > 0).unwrap_or(head.len());
    format!("{}…", head[..at].trim_end())
}

/// The key of a proposal of `kind` with evidence `source`: `kind:` and 64 bits of the SHA-256
/// of the source with its spaces folded.
pub(crate) fn key(kind: ProposalKind, source: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(kind.name().as_bytes());
    hasher.update(b"\n");
    hasher.update(fold_spaces(source).as_bytes());
    let digest = hasher.finalize();
    let hex: String = digest
        .iter()
        .flat_map(|b| [b >> 4, b & 0xf])
        .take(KEY_HEX)
        .map(|n| char::from_digit(u32::from(n), 16).unwrap_or('0'))
        .collect();
    format!("{}:{hex}", kind.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_fold_and_names_cut_at_a_word() {
        assert_eq!(fold_spaces(" a\u{a0}\u{a0} b\n c "), "a b c");
        assert_eq!(cut("short", 10), "short");
        let cut_name = cut(&"word ".repeat(40), 100);
        assert!(cut_name.chars().count() <= 100, "{cut_name}");
        assert!(cut_name.ends_with("word…"));
        assert_eq!(cut("abcdefghijkl", 5), "abcd…");
    }

    #[test]
    fn keys_depend_on_kind_and_text_not_spacing() {
        let a = key(ProposalKind::Determinant, "1. تهديدات داعش: x");
        assert!(a.starts_with("determinant:"));
        assert_eq!(a.len(), "determinant:".len() + KEY_HEX);
        assert_eq!(
            a,
            key(ProposalKind::Determinant, "1.  تهديدات\u{a0}داعش: x ")
        );
        assert_ne!(a, key(ProposalKind::Scenario, "1. تهديدات داعش: x"));
        assert_ne!(a, key(ProposalKind::Determinant, "1. تهديدات داعش: y"));
    }
}
