//! PDF tokens read as lopdf 0.42 reads them (names with `#` escapes, white space with comments,
//! references), for the checks that run over a file's bytes before lopdf does: they must find
//! everything lopdf could, so they follow its rules, not the specification's.

/// Where the name starting at `bytes[at]` ends, when it is a `/` and lopdf would read the name
/// as `want`.
pub(super) fn name_end(bytes: &[u8], at: usize, want: &[u8]) -> Option<usize> {
    if bytes.get(at) != Some(&b'/') {
        return None;
    }
    let mut i = at + 1;
    let mut read = 0;
    loop {
        let c = match bytes.get(i) {
            Some(b'#') => {
                let value = bytes
                    .get(i + 1)
                    .and_then(hex)
                    .zip(bytes.get(i + 2).and_then(hex))
                    .map(|(high, low)| high << 4 | low);
                match value {
                    Some(value) => {
                        i += 3;
                        value
                    }
                    None => break,
                }
            }
            Some(&c) if is_regular(c) => {
                i += 1;
                c
            }
            _ => break,
        };
        if want.get(read) != Some(&c) {
            return None;
        }
        read += 1;
    }
    (read == want.len()).then_some(i)
}

/// Renames the name `bytes[at..end]` in place to `/` and `stem`, padded with `_` to its size,
/// so that no offset in the file moves. `stem` must be shorter than the name.
pub(super) fn rename(bytes: &mut [u8], at: usize, end: usize, stem: &[u8]) {
    bytes[at] = b'/';
    bytes[at + 1..at + 1 + stem.len()].copy_from_slice(stem);
    bytes[at + 1 + stem.len()..end].fill(b'_');
}

/// The reference lopdf would read from `from` on, after space: an object number, space, a
/// generation, space, `R`.
pub(super) fn reference(bytes: &[u8], from: usize) -> Option<(u32, u16)> {
    let (number, i) = unsigned(bytes, space(bytes, from))?;
    let (generation, i) = unsigned(bytes, space(bytes, i))?;
    let i = space(bytes, i);
    (bytes.get(i) == Some(&b'R')).then_some((number, generation))
}

/// The digits at `from` as a number that fits `T`, and where they end.
pub(super) fn unsigned<T: std::str::FromStr>(bytes: &[u8], from: usize) -> Option<(T, usize)> {
    let digits = bytes
        .get(from..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let text = std::str::from_utf8(&bytes[from..from + digits]).ok()?;
    Some((text.parse().ok()?, from + digits))
}

/// Past white space and comments, as lopdf's `space` reads them: a comment needs its end of line.
pub(super) fn space(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i) {
            Some(&c) if is_whitespace(c) => i += 1,
            Some(b'%') => match memchr::memchr2(b'\r', b'\n', &bytes[i..]) {
                Some(eol) => i += eol + 1,
                None => return i,
            },
            _ => return i,
        }
    }
}

fn hex(c: &u8) -> Option<u8> {
    (*c as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

fn is_whitespace(c: u8) -> bool {
    b" \t\n\r\0\x0C".contains(&c)
}

fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !b"()<>[]{}/%".contains(&c)
}

#[cfg(test)]
mod tests {
    use super::{name_end, reference, space};

    #[test]
    fn names_escapes_comments_and_references_read_as_lopdf_reads_them() {
        assert_eq!(name_end(b"/Length 5", 0, b"Length"), Some(7));
        assert_eq!(name_end(b"/L#65ngth", 0, b"Length"), Some(9));
        assert_eq!(name_end(b"/Lengths", 0, b"Length"), None);
        assert_eq!(name_end(b"/Length#6", 0, b"Length"), Some(7));
        assert_eq!(name_end(b"Length", 0, b"Length"), None);
        assert_eq!(space(b" %a\r\n %b\n x", 0), 10);
        assert_eq!(space(b" %no end of line", 0), 1);
        assert_eq!(reference(b" 12 %c\n0\tR", 0), Some((12, 0)));
        assert_eq!(reference(b" 12 70000 R", 0), None);
        assert_eq!(reference(b" 12 0 obj", 0), None);
    }
}
