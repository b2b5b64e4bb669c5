//! Fonts as far as reading text needs them: how a shown string splits into character codes, the
//! text each code stands for, and how far each advances. Font programs are never read: the text
//! comes from the font's `ToUnicode` CMap, else from its encoding (a standard one, with
//! `/Differences` naming glyphs), and the widths from `/Widths` or `/W` (or, for the standard 14
//! fonts a file may use without either, from their published metrics).

use std::ops::Deref;

use hayro_cmap::{BfString, CMap};
use hayro_syntax::object::{Array, Dict, Name, Object, Stream};

use super::standard_widths;
use super::stream::{Budget, decoded};

/// Width entries kept from a composite font's `/W` array.
const MAX_WIDTH_ENTRIES: usize = 200_000;

/// A font ready to decode shown strings.
pub(super) struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    /// Glyph space to text space: 1/1000, or a Type 3 font's `/FontMatrix`.
    scale: f64,
}

enum Kind {
    /// One byte per code: its text from the encoding, its width from `/Widths`.
    Simple {
        text: Vec<Option<char>>,
        first: u32,
        widths: Vec<f64>,
        missing: f64,
        standard: Option<&'static [u16; 95]>,
    },
    /// `Type0`: codes read through the encoding CMap, widths per CID.
    Composite {
        encoding: Box<CMap>,
        /// `(first CID, last CID, width)`, sorted by first CID.
        widths: Vec<(u32, u32, f64)>,
        default: f64,
    },
}

/// One character code of a shown string.
pub(super) struct Code {
    pub code: u32,
    /// A one-byte code 32, to which word spacing applies.
    pub space: bool,
}

impl Font {
    /// Reads a font dictionary; `None` for a dictionary that is no font.
    pub(super) fn read(dict: &Dict<'_>, budget: &mut Budget) -> Option<Font> {
        let subtype = dict.get::<Name<'_>>(b"Subtype")?;
        let to_unicode = dict
            .get::<Stream<'_>>(b"ToUnicode")
            .and_then(|stream| decoded(&stream, budget))
            .and_then(|data| CMap::parse(&data, |_| None));
        if subtype.deref() == b"Type0" {
            let descendant = dict
                .get::<Array<'_>>(b"DescendantFonts")
                .and_then(|fonts| fonts.iter::<Dict<'_>>().next())
                .unwrap_or_default();
            let encoding = Box::new(match dict.get::<Object<'_>>(b"Encoding") {
                Some(Object::Stream(stream)) => decoded(&stream, budget)
                    .and_then(|data| CMap::parse(&data, |_| None))
                    .unwrap_or_else(CMap::identity_h),
                // Identity-H, or a predefined CMap (CJK): read as two-byte codes.
                _ => CMap::identity_h(),
            });
            let default = descendant.get::<f64>(b"DW").unwrap_or(1000.0);
            let widths = descendant
                .get::<Array<'_>>(b"W")
                .map(|w| cid_widths(&w))
                .unwrap_or_default();
            return Some(Font {
                kind: Kind::Composite {
                    encoding,
                    widths,
                    default,
                },
                to_unicode,
                scale: 0.001,
            });
        }
        let type3 = subtype.deref() == b"Type3";
        let scale = if type3 {
            dict.get::<Array<'_>>(b"FontMatrix")
                .and_then(|m| m.iter::<f64>().next())
                .filter(|a| a.is_finite() && *a != 0.0 && a.abs() < 1e3)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let first = dict.get::<u32>(b"FirstChar").unwrap_or(0).min(255);
        let widths: Vec<f64> = dict
            .get::<Array<'_>>(b"Widths")
            .map(|w| w.iter::<f64>().take(256).collect())
            .unwrap_or_default();
        let missing = dict
            .get::<Dict<'_>>(b"FontDescriptor")
            .and_then(|d| d.get::<f64>(b"MissingWidth"))
            .unwrap_or(0.0);
        let base = dict
            .get::<Name<'_>>(b"BaseFont")
            .map(|n| n.deref().to_vec())
            .unwrap_or_default();
        let standard = (widths.is_empty() && !type3).then(|| standard_metrics(&base));
        Some(Font {
            kind: Kind::Simple {
                text: simple_encoding(dict, subtype.deref()),
                first,
                widths,
                missing,
                standard,
            },
            to_unicode,
            scale,
        })
    }

    /// The codes of a shown string, in order.
    pub(super) fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        match &self.kind {
            Kind::Simple { .. } => bytes
                .iter()
                .map(|&b| Code {
                    code: u32::from(b),
                    space: b == b' ',
                })
                .collect(),
            Kind::Composite { encoding, .. } => {
                let mut codes = Vec::with_capacity(bytes.len() / 2);
                let mut at = 0;
                while at < bytes.len() {
                    let (code, len) = read_code(encoding, &bytes[at..]);
                    codes.push(Code {
                        code,
                        space: len == 1 && code == 32,
                    });
                    at += len;
                }
                codes
            }
        }
    }

    /// The text a code stands for, `None` when the font does not say.
    pub(super) fn text(&self, code: u32) -> Option<String> {
        if let Some(cmap) = &self.to_unicode {
            let found = cmap.lookup_bf_string(code).or_else(|| {
                // Some ToUnicode CMaps map with `cidchar`/`cidrange` instead of `bfchar`.
                (1..=4)
                    .find_map(|len| cmap.lookup_cid_code(code, len))
                    .and_then(char::from_u32)
                    .map(BfString::Char)
            });
            match found {
                Some(BfString::Char(c)) => return Some(c.to_string()),
                Some(BfString::String(s)) => return Some(s),
                None => {}
            }
        }
        match &self.kind {
            Kind::Simple { text, .. } => text
                .get(usize::try_from(code).ok()?)
                .copied()
                .flatten()
                .map(String::from),
            Kind::Composite { .. } => None,
        }
    }

    /// How far a code advances, in text space units (to be multiplied by the font size).
    pub(super) fn width(&self, code: u32) -> f64 {
        let glyph_units = match &self.kind {
            Kind::Simple {
                first,
                widths,
                missing,
                standard,
                ..
            } => match code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
            {
                Some(&w) => w,
                None => match standard {
                    Some(table) if (32..=126).contains(&code) => {
                        f64::from(table[(code - 32) as usize])
                    }
                    Some(_) => 500.0,
                    None => *missing,
                },
            },
            Kind::Composite {
                encoding,
                widths,
                default,
            } => {
                let cid = (1..=4)
                    .find_map(|len| encoding.lookup_cid_code(code, len))
                    .unwrap_or(0);
                let at = widths.partition_point(|&(first, _, _)| first <= cid);
                match at.checked_sub(1).map(|i| widths[i]) {
                    Some((_, last, w)) if cid <= last => w,
                    _ => *default,
                }
            }
        };
        let width = glyph_units * self.scale;
        if width.is_finite() { width } else { 0.0 }
    }
}

/// The next code of `bytes` (one to four bytes, the shortest the CMap maps), as hayro does;
/// a byte no length maps is code 0.
fn read_code(encoding: &CMap, bytes: &[u8]) -> (u32, usize) {
    let mut code = 0u32;
    for (n, &byte) in bytes.iter().take(4).enumerate() {
        code = code << 8 | u32::from(byte);
        let len = u8::try_from(n + 1).unwrap_or(4);
        if encoding.lookup_cid_code(code, len).is_some() {
            return (code, n + 1);
        }
    }
    (0, 1)
}

/// A composite font's `/W` array: `c [w1 w2 …]` gives widths from CID `c` on, `c1 c2 w` one width
/// for a range.
fn cid_widths(array: &Array<'_>) -> Vec<(u32, u32, f64)> {
    let items: Vec<Object<'_>> = array.iter::<Object<'_>>().take(MAX_WIDTH_ENTRIES).collect();
    let mut out = Vec::new();
    let mut i = 0;
    let cid = |o: &Object<'_>| match o {
        Object::Number(n) => u32::try_from(n.as_i64()).ok(),
        _ => None,
    };
    while i < items.len() && out.len() < MAX_WIDTH_ENTRIES {
        let Some(first) = cid(&items[i]) else { break };
        match items.get(i + 1) {
            Some(Object::Array(list)) => {
                for (k, w) in list.iter::<f64>().take(MAX_WIDTH_ENTRIES).enumerate() {
                    let c = first.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
                    out.push((c, c, w));
                }
                i += 2;
            }
            Some(second) => {
                let (Some(last), Some(Object::Number(w))) = (cid(second), items.get(i + 2)) else {
                    break;
                };
                out.push((first, last.max(first), w.as_f64()));
                i += 3;
            }
            None => break,
        }
    }
    out.sort_by_key(|&(first, _, _)| first);
    out
}

/// The metrics of the standard font a `/BaseFont` names (Arial has Helvetica's).
fn standard_metrics(base: &[u8]) -> &'static [u16; 95] {
    let name = String::from_utf8_lossy(base).to_ascii_lowercase();
    let bold = name.contains("bold") || name.contains("black");
    if name.contains("courier") || name.contains("mono") {
        &standard_widths::COURIER
    } else if name.contains("times") || name.contains("roman") || name.contains("serif") {
        if bold {
            &standard_widths::TIMES_BOLD
        } else {
            &standard_widths::TIMES
        }
    } else if bold {
        &standard_widths::HELVETICA_BOLD
    } else {
        &standard_widths::HELVETICA
    }
}

/// The 256 codes of a simple font: its base encoding (WinAnsi unless it says Standard or
/// MacRoman; Standard for a symbolic font that names none) with its `/Differences`.
fn simple_encoding(dict: &Dict<'_>, subtype: &[u8]) -> Vec<Option<char>> {
    let (base, differences) = match dict.get::<Object<'_>>(b"Encoding") {
        Some(Object::Name(name)) => (Some(name.deref().to_vec()), None),
        Some(Object::Dict(encoding)) => (
            encoding
                .get::<Name<'_>>(b"BaseEncoding")
                .map(|n| n.deref().to_vec()),
            encoding.get::<Array<'_>>(b"Differences"),
        ),
        _ => (None, None),
    };
    let symbolic = dict
        .get::<Dict<'_>>(b"FontDescriptor")
        .and_then(|d| d.get::<i64>(b"Flags"))
        .is_some_and(|flags| flags & 4 != 0 && flags & 32 == 0);
    let mut table: Vec<Option<char>> = match base.as_deref() {
        Some(b"MacRomanEncoding") => (0..=255u8)
            .map(|b| single_byte(encoding_rs::MACINTOSH, b))
            .collect(),
        Some(b"StandardEncoding") => (0..=255u8).map(standard_encoding).collect(),
        Some(_) => (0..=255u8)
            .map(|b| single_byte(encoding_rs::WINDOWS_1252, b))
            .collect(),
        // What hayro and pdf-extract fall back on: LibreOffice's kashidas come out as `$`, which
        // the line builder knows.
        None if symbolic && subtype != b"Type3" => (0..=255u8).map(standard_encoding).collect(),
        None => (0..=255u8)
            .map(|b| single_byte(encoding_rs::WINDOWS_1252, b))
            .collect(),
    };
    if let Some(differences) = differences {
        let mut code: usize = 0;
        for item in differences.iter::<Object<'_>>().take(1024) {
            match item {
                Object::Number(n) => code = usize::try_from(n.as_i64()).unwrap_or(usize::MAX),
                Object::Name(name) => {
                    if let Some(slot) = table.get_mut(code) {
                        *slot = glyph_name_char(name.deref());
                    }
                    code = code.saturating_add(1);
                }
                _ => {}
            }
        }
    }
    table
}

/// A byte of a single-byte legacy encoding, printable characters only.
fn single_byte(encoding: &'static encoding_rs::Encoding, byte: u8) -> Option<char> {
    if byte < 32 {
        return None;
    }
    let bytes = [byte];
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    text.chars()
        .next()
        .filter(|c| !c.is_control() && *c != '\u{fffd}')
}

/// Adobe's StandardEncoding where Basira reads it: printable ASCII, its quotes curly.
fn standard_encoding(byte: u8) -> Option<char> {
    match byte {
        b'\'' => Some('\u{2019}'),
        b'`' => Some('\u{2018}'),
        32..=126 => Some(char::from(byte)),
        _ => None,
    }
}

/// The character a glyph name stands for: `uniXXXX`, `uXXXX[XX]`, or a name of the Latin
/// encodings; a suffix after a dot (`a.sc`) is ignored.
fn glyph_name_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next().unwrap_or(name);
    let hex = |digits: &str| {
        u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32)
    };
    if let Some(digits) = name.strip_prefix("uni")
        && digits.len() >= 4
        && digits.is_char_boundary(4)
    {
        return hex(&digits[..4]);
    }
    if let Some(digits) = name.strip_prefix('u')
        && (4..=6).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return hex(digits);
    }
    GLYPH_NAMES
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| GLYPH_NAMES[i].1)
}

/// Glyph names of the Windows and Standard Latin encodings with their characters, sorted by name
/// (Adobe Glyph List spellings), for fonts that name their glyphs in `/Differences`.
const GLYPH_NAMES: &[(&str, char)] = &[
    ("A", '\u{0041}'),
    ("AE", '\u{00c6}'),
    ("Aacute", '\u{00c1}'),
    ("Acircumflex", '\u{00c2}'),
    ("Adieresis", '\u{00c4}'),
    ("Agrave", '\u{00c0}'),
    ("Aring", '\u{00c5}'),
    ("Atilde", '\u{00c3}'),
    ("B", '\u{0042}'),
    ("C", '\u{0043}'),
    ("Ccedilla", '\u{00c7}'),
    ("D", '\u{0044}'),
    ("E", '\u{0045}'),
    ("Eacute", '\u{00c9}'),
    ("Ecircumflex", '\u{00ca}'),
    ("Edieresis", '\u{00cb}'),
    ("Egrave", '\u{00c8}'),
    ("Eth", '\u{00d0}'),
    ("Euro", '\u{20ac}'),
    ("F", '\u{0046}'),
    ("G", '\u{0047}'),
    ("H", '\u{0048}'),
    ("I", '\u{0049}'),
    ("Iacute", '\u{00cd}'),
    ("Icircumflex", '\u{00ce}'),
    ("Idieresis", '\u{00cf}'),
    ("Igrave", '\u{00cc}'),
    ("J", '\u{004a}'),
    ("K", '\u{004b}'),
    ("L", '\u{004c}'),
    ("Lslash", '\u{0141}'),
    ("M", '\u{004d}'),
    ("N", '\u{004e}'),
    ("Ntilde", '\u{00d1}'),
    ("O", '\u{004f}'),
    ("OE", '\u{0152}'),
    ("Oacute", '\u{00d3}'),
    ("Ocircumflex", '\u{00d4}'),
    ("Odieresis", '\u{00d6}'),
    ("Ograve", '\u{00d2}'),
    ("Oslash", '\u{00d8}'),
    ("Otilde", '\u{00d5}'),
    ("P", '\u{0050}'),
    ("Q", '\u{0051}'),
    ("R", '\u{0052}'),
    ("S", '\u{0053}'),
    ("Scaron", '\u{0160}'),
    ("T", '\u{0054}'),
    ("Thorn", '\u{00de}'),
    ("U", '\u{0055}'),
    ("Uacute", '\u{00da}'),
    ("Ucircumflex", '\u{00db}'),
    ("Udieresis", '\u{00dc}'),
    ("Ugrave", '\u{00d9}'),
    ("V", '\u{0056}'),
    ("W", '\u{0057}'),
    ("X", '\u{0058}'),
    ("Y", '\u{0059}'),
    ("Yacute", '\u{00dd}'),
    ("Ydieresis", '\u{0178}'),
    ("Z", '\u{005a}'),
    ("Zcaron", '\u{017d}'),
    ("a", '\u{0061}'),
    ("aacute", '\u{00e1}'),
    ("acircumflex", '\u{00e2}'),
    ("acute", '\u{00b4}'),
    ("adieresis", '\u{00e4}'),
    ("ae", '\u{00e6}'),
    ("agrave", '\u{00e0}'),
    ("ampersand", '\u{0026}'),
    ("aring", '\u{00e5}'),
    ("asciicircum", '\u{005e}'),
    ("asciitilde", '\u{007e}'),
    ("asterisk", '\u{002a}'),
    ("at", '\u{0040}'),
    ("atilde", '\u{00e3}'),
    ("b", '\u{0062}'),
    ("backslash", '\u{005c}'),
    ("bar", '\u{007c}'),
    ("braceleft", '\u{007b}'),
    ("braceright", '\u{007d}'),
    ("bracketleft", '\u{005b}'),
    ("bracketright", '\u{005d}'),
    ("brokenbar", '\u{00a6}'),
    ("bullet", '\u{2022}'),
    ("c", '\u{0063}'),
    ("ccedilla", '\u{00e7}'),
    ("cedilla", '\u{00b8}'),
    ("cent", '\u{00a2}'),
    ("circumflex", '\u{02c6}'),
    ("colon", '\u{003a}'),
    ("comma", '\u{002c}'),
    ("copyright", '\u{00a9}'),
    ("currency", '\u{00a4}'),
    ("d", '\u{0064}'),
    ("dagger", '\u{2020}'),
    ("daggerdbl", '\u{2021}'),
    ("degree", '\u{00b0}'),
    ("dieresis", '\u{00a8}'),
    ("divide", '\u{00f7}'),
    ("dollar", '\u{0024}'),
    ("dotlessi", '\u{0131}'),
    ("e", '\u{0065}'),
    ("eacute", '\u{00e9}'),
    ("ecircumflex", '\u{00ea}'),
    ("edieresis", '\u{00eb}'),
    ("egrave", '\u{00e8}'),
    ("eight", '\u{0038}'),
    ("ellipsis", '\u{2026}'),
    ("emdash", '\u{2014}'),
    ("endash", '\u{2013}'),
    ("equal", '\u{003d}'),
    ("eth", '\u{00f0}'),
    ("exclam", '\u{0021}'),
    ("exclamdown", '\u{00a1}'),
    ("f", '\u{0066}'),
    ("ff", '\u{fb00}'),
    ("ffi", '\u{fb03}'),
    ("ffl", '\u{fb04}'),
    ("fi", '\u{fb01}'),
    ("five", '\u{0035}'),
    ("fl", '\u{fb02}'),
    ("florin", '\u{0192}'),
    ("four", '\u{0034}'),
    ("fraction", '\u{2044}'),
    ("g", '\u{0067}'),
    ("germandbls", '\u{00df}'),
    ("grave", '\u{0060}'),
    ("greater", '\u{003e}'),
    ("guillemotleft", '\u{00ab}'),
    ("guillemotright", '\u{00bb}'),
    ("guilsinglleft", '\u{2039}'),
    ("guilsinglright", '\u{203a}'),
    ("h", '\u{0068}'),
    ("hyphen", '\u{002d}'),
    ("i", '\u{0069}'),
    ("iacute", '\u{00ed}'),
    ("icircumflex", '\u{00ee}'),
    ("idieresis", '\u{00ef}'),
    ("igrave", '\u{00ec}'),
    ("j", '\u{006a}'),
    ("k", '\u{006b}'),
    ("l", '\u{006c}'),
    ("less", '\u{003c}'),
    ("logicalnot", '\u{00ac}'),
    ("lslash", '\u{0142}'),
    ("m", '\u{006d}'),
    ("macron", '\u{00af}'),
    ("minus", '\u{2212}'),
    ("mu", '\u{00b5}'),
    ("multiply", '\u{00d7}'),
    ("n", '\u{006e}'),
    ("nbspace", '\u{00a0}'),
    ("nine", '\u{0039}'),
    ("ntilde", '\u{00f1}'),
    ("numbersign", '\u{0023}'),
    ("o", '\u{006f}'),
    ("oacute", '\u{00f3}'),
    ("ocircumflex", '\u{00f4}'),
    ("odieresis", '\u{00f6}'),
    ("oe", '\u{0153}'),
    ("ograve", '\u{00f2}'),
    ("one", '\u{0031}'),
    ("onehalf", '\u{00bd}'),
    ("onequarter", '\u{00bc}'),
    ("onesuperior", '\u{00b9}'),
    ("ordfeminine", '\u{00aa}'),
    ("ordmasculine", '\u{00ba}'),
    ("oslash", '\u{00f8}'),
    ("otilde", '\u{00f5}'),
    ("p", '\u{0070}'),
    ("paragraph", '\u{00b6}'),
    ("parenleft", '\u{0028}'),
    ("parenright", '\u{0029}'),
    ("percent", '\u{0025}'),
    ("period", '\u{002e}'),
    ("periodcentered", '\u{00b7}'),
    ("perthousand", '\u{2030}'),
    ("plus", '\u{002b}'),
    ("plusminus", '\u{00b1}'),
    ("q", '\u{0071}'),
    ("question", '\u{003f}'),
    ("questiondown", '\u{00bf}'),
    ("quotedbl", '\u{0022}'),
    ("quotedblbase", '\u{201e}'),
    ("quotedblleft", '\u{201c}'),
    ("quotedblright", '\u{201d}'),
    ("quoteleft", '\u{2018}'),
    ("quoteright", '\u{2019}'),
    ("quotesinglbase", '\u{201a}'),
    ("quotesingle", '\u{0027}'),
    ("r", '\u{0072}'),
    ("registered", '\u{00ae}'),
    ("s", '\u{0073}'),
    ("scaron", '\u{0161}'),
    ("section", '\u{00a7}'),
    ("semicolon", '\u{003b}'),
    ("seven", '\u{0037}'),
    ("sfthyphen", '\u{00ad}'),
    ("six", '\u{0036}'),
    ("slash", '\u{002f}'),
    ("space", '\u{0020}'),
    ("sterling", '\u{00a3}'),
    ("t", '\u{0074}'),
    ("thorn", '\u{00fe}'),
    ("three", '\u{0033}'),
    ("threequarters", '\u{00be}'),
    ("threesuperior", '\u{00b3}'),
    ("tilde", '\u{02dc}'),
    ("trademark", '\u{2122}'),
    ("two", '\u{0032}'),
    ("twosuperior", '\u{00b2}'),
    ("u", '\u{0075}'),
    ("uacute", '\u{00fa}'),
    ("ucircumflex", '\u{00fb}'),
    ("udieresis", '\u{00fc}'),
    ("ugrave", '\u{00f9}'),
    ("underscore", '\u{005f}'),
    ("v", '\u{0076}'),
    ("w", '\u{0077}'),
    ("x", '\u{0078}'),
    ("y", '\u{0079}'),
    ("yacute", '\u{00fd}'),
    ("ydieresis", '\u{00ff}'),
    ("yen", '\u{00a5}'),
    ("z", '\u{007a}'),
    ("zcaron", '\u{017e}'),
    ("zero", '\u{0030}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_are_sorted_and_read() {
        assert!(GLYPH_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(glyph_name_char(b"uni0627"), Some('\u{0627}'));
        assert_eq!(glyph_name_char(b"u1F600"), Some('\u{1F600}'));
        assert_eq!(glyph_name_char(b"quoteright"), Some('\u{2019}'));
        assert_eq!(glyph_name_char(b"a.sc"), Some('a'));
        assert_eq!(glyph_name_char(b"g123"), None);
    }

    #[test]
    fn standard_fonts_have_their_metrics() {
        assert_eq!(standard_metrics(b"Helvetica")[usize::from(b'W' - 32)], 944);
        assert_eq!(standard_metrics(b"Times-Bold")[0], 250);
        assert_eq!(standard_metrics(b"ABCDEF+CourierNew")[5], 600);
    }
}
