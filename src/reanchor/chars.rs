//! Which code points a re-import may add, drop or swap without changing what a text says.

/// Harakat, superscript alef, tatweel and invisible format characters (bidi marks, zero-width
/// joiners, the byte-order mark): one source has them where another does not.
pub(crate) fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0640}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Whitespace and decoration: cheap to add or drop.
pub(crate) fn is_soft(c: char) -> bool {
    c.is_whitespace() || is_decoration(c)
}

/// Whitespace other than a line break: any of it stands for any other.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// The code points of `line` as a re-import may leave them: without decoration, each run of
/// whitespace one space, none at the ends.
pub(crate) fn normalised(line: &str) -> impl Iterator<Item = char> + '_ {
    let mut pending_space = false;
    let mut started = false;
    line.chars()
        .filter(|&c| !is_decoration(c))
        .flat_map(move |c| {
            if c.is_whitespace() {
                pending_space = started;
                return [None, None];
            }
            let space = std::mem::take(&mut pending_space).then_some(' ');
            started = true;
            [space, Some(c)]
        })
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_drops_decoration_and_folds_whitespace() {
        let norm = |s: &str| normalised(s).collect::<String>();
        assert_eq!(
            norm("  بين\u{a0} الحكومةِ  العراقية\u{a0}\n"),
            "بين الحكومة العراقية"
        );
        assert_eq!(norm("تحوُّل"), "تحول");
        assert_eq!(norm("\n"), "");
        assert_eq!(norm("a\tb"), "a b");
        assert!(is_soft('\u{a0}') && is_soft('\u{0651}') && !is_soft('ب'));
        assert!(is_space('\u{a0}') && !is_space('\n'));
    }
}
