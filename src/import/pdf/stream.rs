//! A stream's data through its filters, never more than the document's budget.
//!
//! hayro-syntax decompresses whatever a stream says, as far as it goes: a few kilobytes of
//! deflate can claim gigabytes. Every stream the reader needs (page content, forms, CMaps) is
//! decoded here instead, bounded by what is left of the document's budget; only a stream with a
//! predictor (rare outside images), once measured here, is handed to hayro-syntax to decode.

use std::io::Read;

use flate2::read::{DeflateDecoder, ZlibDecoder};
use hayro_syntax::Filter;
use hayro_syntax::object::{Dict, Object, Stream};

/// Decoded bytes left for the rest of the document.
#[derive(Debug)]
pub(super) struct Budget {
    pub bytes: usize,
    /// Set when a stream was refused for going past it.
    pub exceeded: bool,
}

impl Budget {
    pub(super) fn new(bytes: usize) -> Self {
        Budget {
            bytes,
            exceeded: false,
        }
    }
}

/// Decodes `stream`, or `None` when it would go past the budget (noted in it), uses an image
/// filter, or cannot be decoded.
pub(super) fn decoded(stream: &Stream<'_>, budget: &mut Budget) -> Option<Vec<u8>> {
    let limit = budget.bytes;
    match decode(stream, limit) {
        Ok(data) => {
            budget.bytes -= data.len().min(budget.bytes);
            Some(data)
        }
        Err(DecodeError::TooBig) => {
            budget.exceeded = true;
            None
        }
        Err(DecodeError::Unsupported) => None,
    }
}

/// Why a stream's data could not be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DecodeError {
    /// It decodes to more than the limit.
    TooBig,
    /// An image filter, or data that does not decode.
    Unsupported,
}

fn decode(stream: &Stream<'_>, limit: usize) -> Result<Vec<u8>, DecodeError> {
    let raw = stream.raw_data();
    if raw.len() > limit {
        return Err(DecodeError::TooBig);
    }
    let mut data = raw.into_owned();
    for filter in stream.filters() {
        data = match filter {
            Filter::FlateDecode => inflate(&data, limit)?,
            Filter::AsciiHexDecode => ascii_hex(&data),
            Filter::Ascii85Decode => ascii85(&data, limit)?,
            Filter::RunLengthDecode => run_length(&data, limit)?,
            Filter::LzwDecode => lzw(&data, early_change(stream.dict()), limit)?,
            Filter::Crypt => data,
            Filter::CcittFaxDecode
            | Filter::Jbig2Decode
            | Filter::DctDecode
            | Filter::JpxDecode => {
                return Err(DecodeError::Unsupported);
            }
        };
        if data.len() > limit {
            return Err(DecodeError::TooBig);
        }
    }
    if has_predictor(stream.dict()) {
        // Measured above; hayro-syntax undoes the predictor (which only takes bytes away).
        let whole = stream
            .decoded_data()
            .map_err(|_| DecodeError::Unsupported)?;
        if whole.len() > limit {
            return Err(DecodeError::TooBig);
        }
        return Ok(whole.into_owned());
    }
    Ok(data)
}

/// The stream's decode parameters: one dictionary for all filters, or one per filter.
fn decode_params<'a>(dict: &Dict<'a>) -> Vec<Dict<'a>> {
    let params = dict
        .get::<Object<'_>>(b"DecodeParms")
        .or_else(|| dict.get::<Object<'_>>(b"DP"));
    match params {
        Some(Object::Dict(one)) => vec![one],
        Some(Object::Array(list)) => list
            .iter::<Object<'_>>()
            .take(8)
            .filter_map(Object::into_dict)
            .collect(),
        _ => Vec::new(),
    }
}

fn has_predictor(dict: &Dict<'_>) -> bool {
    decode_params(dict)
        .iter()
        .any(|p| p.get::<i64>(b"Predictor").is_some_and(|n| n > 1))
}

fn early_change(dict: &Dict<'_>) -> bool {
    decode_params(dict)
        .iter()
        .find_map(|p| p.get::<i64>(b"EarlyChange"))
        .is_none_or(|n| n != 0)
}

/// zlib, or raw deflate when the zlib wrapper is broken; what decodes before an error is kept,
/// as viewers do with truncated streams.
fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut out = Vec::new();
    let zlib = ZlibDecoder::new(data).take(cap).read_to_end(&mut out);
    if zlib.is_err() && out.is_empty() && data.len() > 2 {
        let _ = DeflateDecoder::new(&data[2..])
            .take(cap)
            .read_to_end(&mut out);
    }
    if out.len() > limit {
        return Err(DecodeError::TooBig);
    }
    Ok(out)
}

/// How many bytes zlib `data` inflates to, counting no further than `cap`.
pub(super) fn inflated_size(data: &[u8], cap: u64) -> u64 {
    std::io::copy(&mut ZlibDecoder::new(data).take(cap), &mut std::io::sink()).unwrap_or(0)
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut high: Option<u8> = None;
    for &byte in data {
        if byte == b'>' {
            break;
        }
        let Some(digit) = (byte as char).to_digit(16) else {
            continue;
        };
        let digit = digit as u8;
        match high.take() {
            Some(h) => out.push(h << 4 | digit),
            None => high = Some(digit),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    out
}

fn ascii85(data: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(data.len());
    let mut group: u64 = 0;
    let mut count = 0usize;
    for &byte in data {
        match byte {
            b'~' => break,
            b'z' if count == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group = group * 85 + u64::from(byte - b'!');
                count += 1;
                if count == 5 {
                    out.extend_from_slice(&group_bytes(group));
                    group = 0;
                    count = 0;
                }
            }
            _ => {}
        }
        if out.len() > limit {
            return Err(DecodeError::TooBig);
        }
    }
    if count > 1 {
        for _ in count..5 {
            group = group * 85 + 84;
        }
        out.extend_from_slice(&group_bytes(group)[..count - 1]);
    }
    Ok(out)
}

fn group_bytes(group: u64) -> [u8; 4] {
    let value = u32::try_from(group).unwrap_or(u32::MAX);
    value.to_be_bytes()
}

fn run_length(data: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let length = data[i];
        i += 1;
        match length {
            0..=127 => {
                let end = (i + usize::from(length) + 1).min(data.len());
                out.extend_from_slice(&data[i..end]);
                i = end;
            }
            128 => break,
            _ => {
                let Some(&byte) = data.get(i) else { break };
                out.extend(std::iter::repeat_n(byte, 257 - usize::from(length)));
                i += 1;
            }
        }
        if out.len() > limit {
            return Err(DecodeError::TooBig);
        }
    }
    Ok(out)
}

/// LZW as PDF uses it (codes of 9 to 12 bits, most significant bit first, 256 clears the table,
/// 257 ends). Each table entry is a range of the output already written: the previous string
/// and the first byte of the one after it, which follows it in the output.
fn lzw(data: &[u8], early_change: bool, limit: usize) -> Result<Vec<u8>, DecodeError> {
    const CLEAR: usize = 256;
    const END: usize = 257;
    let mut out: Vec<u8> = Vec::new();
    let mut table: Vec<(usize, usize)> = vec![(0, 0); 258];
    let mut previous: Option<(usize, usize)> = None;
    let mut width = 9;
    let (mut buffer, mut buffered, mut at) = (0u32, 0u32, 0usize);
    loop {
        while buffered < width {
            let Some(&byte) = data.get(at) else {
                return Ok(out);
            };
            buffer = buffer << 8 | u32::from(byte);
            buffered += 8;
            at += 1;
        }
        buffered -= width;
        let code = ((buffer >> buffered) & ((1 << width) - 1)) as usize;
        buffer &= (1 << buffered) - 1;
        if code == CLEAR {
            table.truncate(258);
            width = 9;
            previous = None;
            continue;
        }
        if code == END {
            return Ok(out);
        }
        let start = out.len();
        let current = if code < 256 {
            out.push(code as u8);
            (start, 1)
        } else if code < table.len() {
            let (from, len) = table[code];
            out.extend_from_within(from..from + len);
            (start, len)
        } else if let Some((from, len)) = previous.filter(|_| code == table.len()) {
            out.extend_from_within(from..from + len);
            out.push(out[from]);
            (start, len + 1)
        } else {
            return Ok(out);
        };
        if let Some((from, len)) = previous
            && table.len() < 4096
        {
            table.push((from, len + 1));
        }
        previous = Some(current);
        let next = table.len() + usize::from(early_change);
        width = match next {
            ..512 => 9,
            512..1024 => 10,
            1024..2048 => 11,
            _ => 12,
        };
        if out.len() > limit {
            return Err(DecodeError::TooBig);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lzw_decodes_the_specifications_example() {
        // PDF 32000-1, 7.4.4.2: "-----A---B" encodes as 256 45 258 258 65 259 66 257.
        let codes = [256u32, 45, 258, 258, 65, 259, 66, 257];
        let mut bits = String::new();
        for code in codes {
            bits.push_str(&format!("{code:09b}"));
        }
        while !bits.len().is_multiple_of(8) {
            bits.push('0');
        }
        let bytes: Vec<u8> = (0..bits.len() / 8)
            .map(|i| u8::from_str_radix(&bits[i * 8..i * 8 + 8], 2).expect("bits"))
            .collect();
        assert_eq!(
            bytes,
            [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01]
        );
        assert_eq!(lzw(&bytes, true, 100), Ok(b"-----A---B".to_vec()));
        assert_eq!(lzw(&bytes, true, 5), Err(DecodeError::TooBig));
    }

    #[test]
    fn a_deflate_bomb_is_refused_and_small_data_decodes() {
        use std::io::Write;
        let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        deflate
            .write_all(&[b' '; 4 << 20])
            .expect("deflate to memory");
        let bomb = deflate.finish().expect("deflate to memory");
        assert!(bomb.len() < 20_000);
        assert_eq!(inflate(&bomb, 1 << 20), Err(DecodeError::TooBig));
        assert_eq!(inflate(&bomb, 8 << 20).map(|d| d.len()), Ok(4 << 20));
        assert_eq!(ascii_hex(b"48 65 6c6C6f>"), b"Hello");
        assert_eq!(
            ascii85(b"87cURD]i,\"Ebo80~>", 100),
            Ok(b"Hello World!".to_vec())
        );
        assert_eq!(
            run_length(&[2, b'a', b'b', b'c', 254, b'x', 128], 100),
            Ok(b"abcxxx".to_vec())
        );
    }
}
