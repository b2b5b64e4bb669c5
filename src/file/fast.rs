//! A fast reader for workspace files as Basira writes them; `ron` reads everything else.
//!
//! `ron` skips whitespace and reads identifiers character by character through Unicode tables
//! and checks every string's UTF-8 a second time, which made opening a 50 000-passage workspace
//! (whose pretty-printed file is a quarter indentation) take 2.7 times as long as serde_json
//! takes on the same data. This is a serde `Deserializer` for the part of RON that the writer
//! produces: structs without names, lists, `None` / `Some(…)`, enum variants (unit or newtype),
//! `true` / `false`, decimal integers (signed ones with a minus sign), identifiers in ASCII, strings in double quotes with the escapes `\\ \" \'
//! \n \r \t \0 \u{…}`, and spaces, tabs and line ends between tokens, wherever `ron` allows
//! them.
//!
//! Anything else — comments, `#![enable(…)]`, raw strings, struct names, other whitespace, other
//! number forms, `\x` escapes, string continuations — and every error, whether of syntax or of
//! content (a missing field, an unknown one, an id that is not a UUID), makes it give up, and
//! the caller reads the text again with `ron` from the start. So whatever this reader accepts,
//! `ron` accepts too, and every error message is `ron`'s. Where it accepts, it makes the same
//! calls on the same serde visitors with the same values as `ron`, so the result is the same
//! (the tests hold the two to that on written workspaces and on altered ones).

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};

/// `text` (without a byte-order mark) read as `T`, or `None` when this reader gives up.
pub(super) fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut reader = Reader {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    reader.skip_ws();
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_ws();
    (reader.pos == reader.bytes.len()).then_some(value)
}

/// Why the reader stopped; never shown, as `ron` then reads the text and explains.
#[derive(Debug)]
pub(super) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the form Basira writes")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

/// Every value starts after whitespace has been skipped, as in `ron`.
struct Reader<'de> {
    src: &'de str,
    bytes: &'de [u8],
    pos: usize,
}

/// A string as read: borrowed from the text when it has no escapes, as `ron` does.
enum Str<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Reader<'de> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn rest(&self) -> &'de [u8] {
        &self.bytes[self.pos..]
    }

    /// Spaces, tabs and line ends: the whitespace `ron` skips that the writer uses. `ron` also
    /// skips comments and a few invisible characters; at those this reader gives up later.
    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\n' | b'\t' | b'\r'))
            .unwrap_or(rest.len());
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.eat(byte) { Ok(()) } else { Err(GiveUp) }
    }

    /// `ron`'s `comma`: an optional comma with whitespace around it.
    fn comma(&mut self) -> bool {
        self.skip_ws();
        let found = self.eat(b',');
        if found {
            self.skip_ws();
        }
        found
    }

    /// `ron`'s `has_element` for a list or struct ending in `terminator`.
    fn has_element(&mut self, had_comma: bool, terminator: u8) -> Result<bool> {
        self.skip_ws();
        let at_end = self.peek() == Some(terminator);
        if had_comma || at_end {
            Ok(!at_end)
        } else {
            Err(GiveUp)
        }
    }

    /// An ASCII identifier followed by something that cannot continue it in `ron` either:
    /// whitespace or punctuation. Non-ASCII letters, raw identifiers and `r"…"` give up.
    fn identifier(&mut self) -> Result<&'de str> {
        let start = self.pos;
        let Some(b'a'..=b'z' | b'A'..=b'Z' | b'_') = self.peek() else {
            return Err(GiveUp);
        };
        let rest = self.rest();
        self.pos += rest
            .iter()
            .position(|b| !matches!(b, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_'))
            .unwrap_or(rest.len());
        match self.peek() {
            Some(b' ' | b'\n' | b'\t' | b'\r' | b':' | b'(' | b',' | b')' | b']') => {
                Ok(&self.src[start..self.pos])
            }
            _ => Err(GiveUp),
        }
    }

    /// Whether `word` comes next as a whole identifier (followed by whitespace or punctuation).
    fn check_word(&self, word: &str) -> bool {
        self.rest().starts_with(word.as_bytes())
            && matches!(
                self.bytes.get(self.pos + word.len()),
                Some(b' ' | b'\n' | b'\t' | b'\r' | b'(' | b',' | b')' | b']')
            )
    }

    /// Decimal digits without sign, underscores, suffix or leading zero.
    fn unsigned(&mut self) -> Result<u64> {
        let start = self.pos;
        let mut n: u64 = 0;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(digit - b'0')))
                .ok_or(GiveUp)?;
            self.pos += 1;
        }
        let digits = self.pos - start;
        let leading_zero = digits > 1 && self.bytes[start] == b'0';
        match self.peek() {
            Some(b' ' | b'\n' | b'\t' | b'\r' | b',' | b')' | b']')
                if digits > 0 && !leading_zero =>
            {
                Ok(n)
            }
            _ => Err(GiveUp),
        }
    }

    /// Decimal digits after an optional minus sign, as [`Reader::unsigned`].
    fn signed(&mut self) -> Result<i64> {
        let negative = self.eat(b'-');
        let n = i64::try_from(self.unsigned()?).map_err(|_| GiveUp)?;
        Ok(if negative { -n } else { n })
    }

    /// A string in double quotes, with `ron`'s escapes but `\x` and string continuations.
    fn string(&mut self) -> Result<Str<'de>> {
        self.expect(b'"')?;
        let start = self.pos;
        // Like `ron`: the closing quote first, then whether an escape comes before it (both
        // searches run through `memchr`).
        let end = start + self.src[start..].find('"').ok_or(GiveUp)?;
        if !self.bytes[start..end].contains(&b'\\') {
            self.pos = end + 1;
            return Ok(Str::Borrowed(&self.src[start..end]));
        }
        let mut out = String::with_capacity(end - start);
        loop {
            let run = self.rest().iter().position(|b| matches!(b, b'"' | b'\\'));
            let run = run.ok_or(GiveUp)?;
            out.push_str(&self.src[self.pos..self.pos + run]);
            self.pos += run;
            if self.eat(b'"') {
                return Ok(Str::Owned(out));
            }
            self.pos += 1; // the backslash
            self.escape(&mut out)?;
        }
    }

    /// The character after a backslash, pushed onto `out`.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.peek().ok_or(GiveUp)? {
            b'\'' => '\'',
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'u' => {
                self.pos += 1;
                self.expect(b'{')?;
                let mut code: u32 = 0;
                let mut digits = 0;
                while digits < 6 {
                    let Some(digit) = self.peek().and_then(|b| char::from(b).to_digit(16)) else {
                        break;
                    };
                    code = code << 4 | digit;
                    digits += 1;
                    self.pos += 1;
                }
                if digits == 0 || self.peek() != Some(b'}') {
                    return Err(GiveUp);
                }
                char::from_u32(code).ok_or(GiveUp)?
            }
            _ => return Err(GiveUp),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        for (word, value) in [("true", true), ("false", false)] {
            if self.check_word(word) {
                self.pos += word.len();
                return visitor.visit_bool(value);
            }
        }
        Err(GiveUp)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i8(i8::try_from(self.signed()?).map_err(|_| GiveUp)?)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u8(u8::try_from(self.unsigned()?).map_err(|_| GiveUp)?)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u16(u16::try_from(self.unsigned()?).map_err(|_| GiveUp)?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u32(u32::try_from(self.unsigned()?).map_err(|_| GiveUp)?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Str::Borrowed(s) => visitor.visit_borrowed_str(s),
            Str::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.check_word("None") {
            self.pos += "None".len();
            visitor.visit_none()
        } else if self.check_word("Some") {
            self.pos += "Some".len();
            self.skip_ws();
            self.expect(b'(')?;
            self.skip_ws();
            let value = visitor.visit_some(&mut *self)?;
            self.comma();
            self.expect(b')')?;
            Ok(value)
        } else {
            Err(GiveUp)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(Elements {
            reader: &mut *self,
            had_comma: true,
        })?;
        self.skip_ws();
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // No struct name: `ron` would read one here.
        self.expect(b'(')?;
        let value = visitor.visit_map(Fields {
            reader: &mut *self,
            had_comma: true,
        })?;
        self.skip_ws();
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        i16 i32 i64 i128 u128 f32 f64 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct map ignored_any
    }
}

/// The elements of a list, as `ron`'s `CommaSeparated`.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    had_comma: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.reader.has_element(self.had_comma, b']')? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma();
        Ok(Some(value))
    }
}

/// The fields of a struct, as `ron`'s `CommaSeparated`.
struct Fields<'a, 'de> {
    reader: &'a mut Reader<'de>,
    had_comma: bool,
}

impl<'de> de::MapAccess<'de> for Fields<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.reader.has_element(self.had_comma, b')')? {
            return Ok(None);
        }
        let name = self.reader.identifier()?;
        seed.deserialize(BorrowedStrDeserializer::new(name))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.skip_ws();
        self.reader.expect(b':')?;
        self.reader.skip_ws();
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma();
        Ok(value)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.identifier()?;
        let variant = seed.deserialize(BorrowedStrDeserializer::new(name))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.skip_ws();
        self.expect(b'(')?;
        self.skip_ws();
        let value = seed.deserialize(&mut *self)?;
        self.comma();
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::{WorkspaceFileV1, WorkspaceFileV2, WorkspaceFileV4};

    /// Whatever the fast reader accepts, `ron` accepts as the same value.
    fn agrees_with_ron(text: &str) -> bool {
        let Some(fast) = from_str::<WorkspaceFileV4>(text) else {
            return false;
        };
        match ron::from_str::<WorkspaceFileV4>(text) {
            Ok(slow) => assert_eq!(fast, slow, "the readers differ on:\n{text}"),
            Err(err) => panic!("only the fast reader accepts ({err}):\n{text}"),
        }
        true
    }

    /// The awkward workspace of the writer's tests, with every optional part of version 3.
    fn awkward() -> crate::model::Workspace {
        use crate::model::{BriefSource, Heading, SourceFormat};
        let mut ws = crate::file::tests::awkward();
        let brief = &mut ws.briefs[0];
        brief.meta.author = "كاتب 'x'".into();
        brief.source = Some(BriefSource {
            file_name: "تقدير \"1\".docx".into(),
            format: SourceFormat::Docx,
            imported: chrono::DateTime::from_timestamp(1_759_309_200, 5).unwrap_or_default(),
            sha256: "0123456789abcdef".repeat(4),
        });
        brief.headings = vec![
            Heading {
                start: 0,
                end: 3,
                level: 1,
            },
            Heading {
                start: 5,
                end: 9,
                level: 6,
            },
        ];
        brief.dismissed_proposals = vec!["heading:5".into(), "\u{a0}".into()];
        ws.passages[1].orphaned = true;
        ws
    }

    fn awkward_ron() -> String {
        crate::file::to_ron(&awkward())
    }

    #[test]
    fn written_workspaces_are_read_fast_and_as_ron_reads_them() {
        for ws in [
            crate::model::Workspace::default(),
            crate::file::tests::awkward(),
            awkward(),
        ] {
            let text = crate::file::to_ron(&ws);
            assert!(agrees_with_ron(&text), "not read fast:\n{text}");
            assert_eq!(crate::file::parse(&text), Ok(ws));
        }
    }

    #[test]
    fn every_escape_reads_as_in_ron() {
        let text = r#"(format: "basira-workspace", version: 3, title: "a\\b\"c\'d\ne\rf\tg\0h\u{0}\u{41}\u{10FFFF}\u{64e}i\u{fEfF}j",)"#;
        assert!(agrees_with_ron(text));
        let file = from_str::<WorkspaceFileV4>(text).expect("read fast");
        assert_eq!(
            file.title,
            "a\\b\"c'd\ne\rf\tg\0h\0A\u{10FFFF}\u{64e}i\u{feff}j"
        );
    }

    #[test]
    fn whitespace_and_commas_go_where_ron_allows_them() {
        let text = "\n\t (format :\"basira-workspace\" ,version\r\n:3,title:\"t\",briefs:[(id:\"0b6c4b02-5b0e-4a5e-9d4e-6f1c6f3d2a10\",title:\"b\",published: Some ( \"2025-09-25\" , ) ,direction:Rtl,text:[\"x\" , ]  ,) ] )  \n";
        assert!(agrees_with_ron(text));
        let v2 = "(format: \"basira-workspace\", version: 2, title: \"x\", briefs: [(id: \"0b6c4b02-5b0e-4a5e-9d4e-6f1c6f3d2a10\", title: \"b\", direction: Ltr, text: [])])";
        assert!(from_str::<WorkspaceFileV2>(v2).is_some());
        let v1 = "(format: \"basira-workspace\", version: 1, title: \"x\")";
        assert!(from_str::<WorkspaceFileV1>(v1).is_some());
    }

    #[test]
    fn other_forms_of_ron_are_left_to_ron() {
        let base = "(format: \"basira-workspace\", version: 3, title: \"t\")";
        assert!(agrees_with_ron(base));
        for other in [
            "// a comment\n(format: \"basira-workspace\", version: 3, title: \"t\")",
            "(format: \"basira-workspace\", /* here */ version: 3, title: \"t\")",
            "#![enable(implicit_some)]\n(format: \"basira-workspace\", version: 3, title: \"t\")",
            "WorkspaceFileV4(format: \"basira-workspace\", version: 3, title: \"t\")",
            "(format: r\"basira-workspace\", version: 3, title: \"t\")",
            "(format: r#\"basira-workspace\"#, version: 3, title: \"t\")",
            "(r#format: \"basira-workspace\", version: 3, title: \"t\")",
            "(format: \"basira-workspace\", version: 0x3, title: \"t\")",
            "(format: \"basira-workspace\", version: +3, title: \"t\")",
            "(format: \"basira-workspace\", version: 3u32, title: \"t\")",
            "(format: \"basira-workspace\", version: 0_3, title: \"t\")",
            "(format: \"basira-workspace\", version: 03, title: \"t\")",
            "(format: \"basira-workspace\", version: 3, title: \"\\x74\")",
            "(format: \"basira-workspace\", version: 3, title: \"a\\\n   b\")",
            "(format: \"basira-workspace\",\u{200e} version: 3, title: \"t\")",
            "(format: \"basira-workspace\", version: 3, title: \"t\", memo: \"\\u{d800}\")",
            "(format: \"basira-workspace\", version: 3, title: \"t\", memo: \"\\u{1234567}\")",
            "(format: \"basira-workspace\", version: 3, title: \"t\", extra: 1)",
            "(format: \"basira-workspace\", version: 3)",
            "(format: \"basira-workspace\", version: 3, title: \"t\") x",
            "(format: \"basira-workspace\", version: 3 title: \"t\")",
            "(format: \"basira-workspace\", version: 99999999999, title: \"t\")",
            "",
        ] {
            assert!(
                from_str::<WorkspaceFileV4>(other).is_none(),
                "read fast: {other}"
            );
        }
    }

    /// Small changes to a written file: wherever the fast reader still accepts the text,
    /// `ron` reads the same workspace from it.
    #[test]
    fn altered_files_are_read_as_ron_reads_them_or_left_to_ron() {
        const CASES: usize = 5_000;
        let text = awkward_ron();
        const INSERTS: [&str; 30] = [
            " ", "\n", "\r", "\t", ",", ",,", ":", "(", ")", "[", "]", "\"", "\\", "'", "0", "9",
            "_", "x", "r#", "//c\n", "/**/", "\u{200e}", "None", "Some(", "Rtl", "true", "false",
            "\\u{41}", "\\x41", "\\\n",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut accepted = 0;
        for case in 0..CASES {
            let mut altered = text.clone();
            // One change, or two for every other file.
            for _ in 0..=case % 2 {
                let mut at = next(altered.len());
                while !altered.is_char_boundary(at) {
                    at -= 1;
                }
                match next(4) {
                    0 => altered.insert_str(at, INSERTS[next(INSERTS.len())]),
                    1 => {
                        // A piece of the file elsewhere: fields and elements twice.
                        let mut end = (at + 1 + next(80)).min(altered.len());
                        while !altered.is_char_boundary(end) {
                            end -= 1;
                        }
                        let piece = altered[at..end].to_owned();
                        let mut to = next(altered.len() + 1);
                        while !altered.is_char_boundary(to) {
                            to -= 1;
                        }
                        altered.insert_str(to, &piece);
                    }
                    2 => {
                        altered.remove(at);
                    }
                    _ => {
                        let c = altered.remove(at);
                        let mut to = next(altered.len() + 1);
                        while !altered.is_char_boundary(to) {
                            to -= 1;
                        }
                        altered.insert(to, c);
                    }
                }
            }
            accepted += usize::from(agrees_with_ron(&altered));
        }
        assert!(
            accepted > CASES / 10,
            "too few altered files read fast: {accepted}"
        );
    }
}
