//! Checks on a CMap (or a Type 1 font's clear text) before pdf-extract's parsers see it: they
//! recurse once per nested bracket, so deep nesting overflows the stack, and they build one map
//! entry per code of every `bfrange`, so `<00000000> <FFFFFFFF>` never ends.

/// Nesting allowed; real CMaps nest two or three deep.
pub(super) const MAX_NESTING: usize = 64;

/// `bfrange` entries allowed in one CMap: every two-byte code four times over.
pub(super) const MAX_ENTRIES: u64 = 1 << 18;

/// The deepest nesting of `[`, `{`, `(` and `<` in `data`, counted naively (brackets inside
/// strings count too, which can only make it larger).
pub(super) fn nesting(data: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for &byte in data {
        match byte {
            b'[' | b'{' | b'(' | b'<' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' | b')' | b'>' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// How many entries the CMap's `bfrange` sections expand to, as adobe-cmap-parser reads them:
/// `<lo> <hi> <dst>` adds `hi - lo + 1`, `<lo> <hi> [..]` adds the array's length.
pub(super) fn range_entries(data: &[u8]) -> u64 {
    let mut total: u64 = 0;
    let mut tokens = Tokens { data, pos: 0 };
    while let Some(token) = tokens.next() {
        if token != Token::Word(b"beginbfrange") {
            continue;
        }
        while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (tokens.next(), tokens.next()) {
            match tokens.next() {
                Some(Token::Hex(_)) => {
                    total = total.saturating_add(u64::from(hi.saturating_sub(lo)) + 1);
                }
                Some(Token::ArrayStart) => {
                    for t in tokens.by_ref() {
                        if t == Token::ArrayEnd {
                            break;
                        }
                        total = total.saturating_add(1);
                    }
                }
                _ => break,
            }
        }
    }
    total
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'a> {
    /// A hex string's code, its bytes shifted into a `u32` as adobe-cmap-parser does.
    Hex(u32),
    ArrayStart,
    ArrayEnd,
    Word(&'a [u8]),
}

struct Tokens<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let data = self.data;
        while self.pos < data.len() {
            let byte = data[self.pos];
            self.pos += 1;
            match byte {
                b'%' => {
                    while self.pos < data.len() && !matches!(data[self.pos], b'\n' | b'\r') {
                        self.pos += 1;
                    }
                }
                b'[' => return Some(Token::ArrayStart),
                b']' => return Some(Token::ArrayEnd),
                b'<' => {
                    let mut code: u32 = 0;
                    while self.pos < data.len() && data[self.pos] != b'>' {
                        if let Some(d) = (data[self.pos] as char).to_digit(16) {
                            code = code << 4 | d;
                        }
                        self.pos += 1;
                    }
                    self.pos += 1;
                    // Past eight digits only the last four bytes stay, as when adobe-cmap-parser
                    // shifts them in.
                    return Some(Token::Hex(code));
                }
                b if b.is_ascii_whitespace() => {}
                _ => {
                    let start = self.pos - 1;
                    while self.pos < data.len()
                        && !data[self.pos].is_ascii_whitespace()
                        && !b"[]<>%".contains(&data[self.pos])
                    {
                        self.pos += 1;
                    }
                    return Some(Token::Word(&data[start..self.pos]));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_counted_as_the_parser_expands_them() {
        let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfrange\n<0003> <0005> <0041>\n<0010> <0011> [<0061> <0062>]\nendbfrange\n\
            1 beginbfchar <0020> <0020> endbfchar";
        assert_eq!(range_entries(cmap), 3 + 2);
        let bomb = b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
        assert!(range_entries(bomb) > MAX_ENTRIES);
    }

    #[test]
    fn nesting_counts_every_bracket_kind() {
        assert_eq!(nesting(b"<< /A [1 (x) <00>] >>"), 4);
        assert!(nesting(&[b'['; 10_000]) > MAX_NESTING);
    }
}
