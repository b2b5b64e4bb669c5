//! A stream's data through its filters, never more than a given number of bytes.
//!
//! lopdf and pdf-extract decompress whatever a stream says, as far as it goes: a few kilobytes of
//! deflate can claim gigabytes. Every stream the extraction reads goes through here first, with
//! what is left of the document's budget, and is stored back decoded.

use std::io::Read;

use flate2::read::{DeflateDecoder, ZlibDecoder};
use pdf_extract::{Dictionary, Object, Stream};

/// Why a stream's data could not be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DecodeError {
    /// It decodes to more than the limit.
    TooBig,
    /// A filter this reader does not decode (images: DCT, JPX, CCITT, JBIG2; LZW).
    Unsupported,
}

/// Decodes `stream`'s data through its filters, or fails once it would exceed `limit` bytes.
pub(super) fn decode(stream: &Stream, limit: usize) -> Result<Vec<u8>, DecodeError> {
    let filters = filter_names(&stream.dict)?;
    if stream.content.len() > limit {
        return Err(DecodeError::TooBig);
    }
    let mut data = stream.content.clone();
    for (i, filter) in filters.iter().enumerate() {
        let params = decode_params(&stream.dict, i);
        data = match filter.as_slice() {
            b"FlateDecode" | b"Fl" => {
                let inflated = inflate(&data, limit)?;
                png_predictor(inflated, params)?
            }
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(&data),
            b"ASCII85Decode" | b"A85" => ascii85(&data, limit)?,
            b"RunLengthDecode" | b"RL" => run_length(&data, limit)?,
            b"Crypt" => data,
            _ => return Err(DecodeError::Unsupported),
        };
        if data.len() > limit {
            return Err(DecodeError::TooBig);
        }
    }
    Ok(data)
}

/// The stream's filters in decoding order; none when it has no `/Filter`.
fn filter_names(dict: &Dictionary) -> Result<Vec<Vec<u8>>, DecodeError> {
    match dict.get(b"Filter") {
        Err(_) => Ok(Vec::new()),
        Ok(Object::Name(name)) => Ok(vec![name.clone()]),
        Ok(Object::Array(items)) if items.len() <= 8 => items
            .iter()
            .map(|item| match item {
                Object::Name(name) => Ok(name.clone()),
                _ => Err(DecodeError::Unsupported),
            })
            .collect(),
        Ok(_) => Err(DecodeError::Unsupported),
    }
}

/// The `/DecodeParms` of the `index`th filter: one dictionary for all, or an array of them.
fn decode_params(dict: &Dictionary, index: usize) -> Option<&Dictionary> {
    match dict.get(b"DecodeParms").ok()? {
        Object::Dictionary(params) => Some(params),
        Object::Array(items) => items.get(index)?.as_dict().ok(),
        _ => None,
    }
}

/// zlib, or raw deflate when the zlib wrapper is broken (as lopdf does); what decodes before an
/// error is kept, as viewers do with truncated streams.
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

/// Undoes a PNG predictor (`/Predictor` 10–15); other predictors leave the data as it is.
fn png_predictor(data: Vec<u8>, params: Option<&Dictionary>) -> Result<Vec<u8>, DecodeError> {
    let Some(params) = params else {
        return Ok(data);
    };
    let number = |key: &[u8], default: i64| {
        params
            .get(key)
            .and_then(Object::as_i64)
            .unwrap_or(default)
            .clamp(1, 1 << 16)
    };
    if !(10..=15).contains(&number(b"Predictor", 1)) {
        return Ok(data);
    }
    let colors = usize::try_from(number(b"Colors", 1)).unwrap_or(1).min(32);
    let bits = usize::try_from(number(b"BitsPerComponent", 8))
        .unwrap_or(8)
        .max(8);
    let columns = usize::try_from(number(b"Columns", 1)).unwrap_or(1);
    pdf_extract::filters::png::decode_frame(&data, (colors * bits / 8).max(1), columns)
        .map_err(|_| DecodeError::Unsupported)
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

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use pdf_extract::Dictionary;

    use super::*;

    fn stream(filter: Object, content: Vec<u8>) -> Stream {
        let mut dict = Dictionary::new();
        dict.set("Filter", filter);
        Stream::new(dict, content)
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data).expect("deflate to memory");
        encoder.finish().expect("deflate to memory")
    }

    #[test]
    fn deflate_within_the_limit_decodes_and_a_bomb_is_refused() {
        let text = b"BT /F1 12 Tf (Hello) Tj ET".repeat(10);
        let s = stream(Object::Name(b"FlateDecode".to_vec()), zlib(&text));
        assert_eq!(decode(&s, 1 << 20), Ok(text));
        let bomb = stream(
            Object::Name(b"FlateDecode".to_vec()),
            zlib(&vec![0; 10 << 20]),
        );
        assert!(bomb.content.len() < 20_000);
        assert_eq!(decode(&bomb, 1 << 20), Err(DecodeError::TooBig));
    }

    #[test]
    fn chained_text_filters_and_images_are_told_apart() {
        let data = b"<48656c6c6f>".to_vec();
        let s = stream(Object::Name(b"ASCIIHexDecode".to_vec()), data);
        assert_eq!(decode(&s, 100), Ok(b"Hello".to_vec()));
        let s = stream(
            Object::Name(b"ASCII85Decode".to_vec()),
            b"87cURDZ~>".to_vec(),
        );
        assert_eq!(decode(&s, 100), Ok(b"Hello".to_vec()));
        let s = stream(
            Object::Name(b"RunLengthDecode".to_vec()),
            vec![1, b'h', b'i', 253, b'!', 128],
        );
        assert_eq!(decode(&s, 100), Ok(b"hi!!!!".to_vec()));
        let s = stream(Object::Name(b"DCTDecode".to_vec()), vec![0xff, 0xd8]);
        assert_eq!(decode(&s, 100), Err(DecodeError::Unsupported));
    }
}
