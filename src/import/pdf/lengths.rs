//! Stream lengths given as references (`/Length 12 0 R`), read after loading instead of during it.
//!
//! lopdf 0.42 resolves such a length while it parses the stream, by parsing the object the
//! reference names, which may be another stream with an indirect length, and so on: the depth
//! of the recursion is the file's to choose. Through an object stream it is endless, because lopdf
//! forgets there which objects it is already reading: a 330-byte file whose object stream takes
//! its length from an object stored inside it overflows the stack and kills the process (lopdf
//! 0.47 fixed it; pdf-extract still uses 0.42). So, before lopdf sees the bytes, every key it
//! would read as an indirect `/Length` is renamed in a copy of them, to a name of the same size
//! so that no offset moves; lopdf then leaves those streams unread, and [`restore`] reads them
//! from the loaded document, where a reference is a lookup with a bounded number of steps.
//!
//! The search is blind to the file's structure on purpose: it tries every `/` in the file, with
//! lopdf's own rules for names, white space and comments, so that no length lopdf could reach is
//! missed, wherever a cross-reference offset points.

use pdf_extract::xref::XrefEntry;
use pdf_extract::{Document, Object, ObjectId, ObjectStream, encryption};

use super::{open, syntax};

/// What a renamed key is: this, then `_` up to the original key's size.
const STEM: &[u8] = b"Lengt";

/// A copy of `bytes` with every indirect `/Length` key renamed, or `None` when there is none.
pub(super) fn detach(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut copy: Option<Vec<u8>> = None;
    for at in memchr::memchr_iter(b'/', bytes) {
        let Some(end) = syntax::name_end(bytes, at, b"Length") else {
            continue;
        };
        if syntax::reference(bytes, end).is_none() {
            continue;
        }
        let copy = copy.get_or_insert_with(|| bytes.to_vec());
        syntax::rename(copy, at, end, STEM);
    }
    copy
}

/// Reads the streams whose length [`detach`] hid: `bytes` is what lopdf loaded `doc` from.
///
/// A stream whose length does not lead to a whole number inside the file is left empty, as lopdf
/// leaves one whose length is wrong. The objects of an object stream read here are added to the
/// document, as lopdf adds those of the others.
pub(super) fn restore(doc: &mut Document, bytes: &[u8]) {
    // lopdf counts stream positions from the header, past anything before it.
    let start = memchr::memmem::find(bytes, b"%PDF-").unwrap_or(0);
    let data = &bytes[start..];
    let hidden: Vec<(ObjectId, Option<usize>)> = doc
        .objects
        .iter()
        .filter_map(|(&id, object)| {
            let stream = object.as_stream().ok()?;
            let key = renamed_key(&stream.dict)?;
            let length = stream.dict.get(key).ok().and_then(|value| {
                let (_, value) = doc.dereference(value).ok()?;
                usize::try_from(value.as_i64().ok()?).ok()
            });
            Some((id, length))
        })
        .collect();
    let state = doc.encryption_state.clone();
    let mut object_streams = Vec::new();
    for (id, length) in hidden {
        if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id)
            && let Some(key) = renamed_key(&stream.dict).map(<[u8]>::to_vec)
        {
            stream.dict.remove(&key);
        }
        // lopdf reads the objects of an encrypted file from copies, positions counted from the
        // object's offset.
        let base = match (&state, doc.reference_table.get(id.0)) {
            (None, _) => Some(0),
            (Some(_), Some(&XrefEntry::Normal { offset, .. })) => Some(offset as usize),
            (Some(_), _) => None,
        };
        let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else {
            continue;
        };
        let range = stream
            .start_position
            .zip(base)
            .and_then(|(from, base)| from.checked_add(base))
            .zip(length)
            .and_then(|(from, length)| Some(from..from.checked_add(length)?))
            .filter(|range| range.end <= data.len());
        let Some(range) = range else {
            continue;
        };
        stream.dict.set("Length", range.len() as i64);
        stream.set_content(data[range].to_vec());
        if let Some(state) = &state {
            // The dictionary's strings were decrypted while loading: only the data is.
            let mut data = Object::Stream(pdf_extract::Stream::new(
                pdf_extract::Dictionary::new(),
                std::mem::take(&mut stream.content),
            ));
            let _ = encryption::decrypt_object(state, id, &mut data);
            if let Object::Stream(data) = data {
                stream.set_content(data.content);
            }
        }
        if stream.dict.has_type(b"ObjStm") {
            object_streams.push(id);
        }
    }
    for id in object_streams {
        add_objects_of(doc, id, data);
    }
}

/// Adds the objects stored in object stream `id`, which lopdf could not read while loading: those
/// the cross-reference table places there and the document lacks.
fn add_objects_of(doc: &mut Document, id: ObjectId, data: &[u8]) {
    // While loading, lopdf read the empty stream as an object stream, which may have dropped its
    // filter; its dictionary is read again from the file, its data taken from the document.
    let Some(&XrefEntry::Normal { offset, .. }) = doc.reference_table.get(id.0) else {
        return;
    };
    let Some(Object::Stream(mut stream)) = open::object_at(data, id, offset as usize) else {
        return;
    };
    let Ok(loaded) = doc.get_object(id).and_then(Object::as_stream) else {
        return;
    };
    stream.set_content(loaded.content.clone());
    let Ok(objects) = ObjectStream::new(&mut stream) else {
        return;
    };
    for (object_id, object) in objects.objects {
        let here = matches!(
            doc.reference_table.get(object_id.0),
            Some(XrefEntry::Compressed { container, .. }) if *container == id.0
        );
        if here {
            doc.objects.entry(object_id).or_insert(object);
        }
    }
}

fn renamed_key(dict: &pdf_extract::Dictionary) -> Option<&[u8]> {
    dict.iter().map(|(key, _)| key.as_slice()).find(|key| {
        key.len() > STEM.len()
            && key.starts_with(STEM)
            && key[STEM.len()..].iter().all(|&c| c == b'_')
    })
}

#[cfg(test)]
mod tests {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;

    use super::detach;
    use crate::import::pdf::test_file;
    use crate::import::{FormatError, pdf::import};

    const PAGE: &[u8] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] \
        /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>";
    const FONT: &[u8] =
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    const TEXT: &[u8] = b"BT /F1 12 Tf 20 150 Td (Hello lengths) Tj ET";

    fn file(objects: &[(u32, Vec<u8>)]) -> Vec<u8> {
        test_file::classic(objects, "")
    }

    /// Like [`test_file::classic`], with `stored` objects inside object stream `container` (its dictionary's
    /// other keys `container_keys`, its data deflated) and a cross-reference stream.
    fn file_with_object_stream(
        objects: &[(u32, Vec<u8>)],
        container: u32,
        container_keys: &str,
        stored: &[(u32, &[u8])],
    ) -> Vec<u8> {
        let (mut header, mut body) = (String::new(), Vec::new());
        for (number, object) in stored {
            header.push_str(&format!("{number} {} ", body.len()));
            body.extend_from_slice(object);
            body.push(b' ');
        }
        let mut data = header.clone().into_bytes();
        data.extend(body);
        let mut deflate = ZlibEncoder::new(Vec::new(), Compression::default());
        std::io::Write::write_all(&mut deflate, &data).expect("deflate to memory");
        let data = deflate.finish().expect("deflate to memory");

        let mut out = b"%PDF-1.5\n".to_vec();
        let size = 2 + objects
            .iter()
            .map(|o| o.0)
            .chain(stored.iter().map(|o| o.0))
            .chain([container])
            .max()
            .expect("a container");
        let mut entries = vec![(0u8, 0usize, 0u16); size as usize];
        let mut write_object = |out: &mut Vec<u8>, number: u32, body: &[u8]| {
            entries[number as usize] = (1, out.len(), 0);
            out.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        };
        for (number, body) in objects {
            write_object(&mut out, *number, body);
        }
        let mut stream = format!(
            "<< /Type /ObjStm /N {} /First {} /Filter /FlateDecode {container_keys} >>\nstream\n",
            stored.len(),
            header.len()
        )
        .into_bytes();
        stream.extend_from_slice(&data);
        stream.extend_from_slice(b"\nendstream");
        write_object(&mut out, container, &stream);
        for (i, (number, _)) in stored.iter().enumerate() {
            entries[*number as usize] = (2, container as usize, i as u16);
        }
        let xref_number = size - 1;
        entries[xref_number as usize] = (1, out.len(), 0);
        let mut table = Vec::new();
        for (kind, field, index) in &entries {
            table.push(*kind);
            table.extend_from_slice(&(*field as u32).to_be_bytes());
            table.extend_from_slice(&index.to_be_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(format!("{xref_number} 0 obj\n<< /Type /XRef /W [1 4 2] /Size {size} /Root 1 0 R /Length {} >>\nstream\n",
            table.len()
        ).as_bytes());
        out.extend_from_slice(&table);
        out.extend_from_slice(
            format!("\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        out
    }

    fn stream(keys: &str, data: &[u8]) -> Vec<u8> {
        let mut out = format!("<< {keys} >>\nstream\n").into_bytes();
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream");
        out
    }

    fn catalog_and_pages() -> Vec<(u32, Vec<u8>)> {
        vec![
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
            (3, PAGE.to_vec()),
            (4, FONT.to_vec()),
        ]
    }

    /// Imports on a thread with the stack of the app's import threads (2 MB).
    fn text(bytes: Vec<u8>) -> Result<String, FormatError> {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || import(&bytes, &mut |_| {}).map(|d| d.text))
            .expect("a thread")
            .join()
            .expect("no panic")
    }

    #[test]
    fn only_keys_lopdf_reads_as_an_indirect_length_are_renamed_in_place() {
        let renamed = |text: &[u8]| detach(text).map(|copy| String::from_utf8(copy).expect("text"));
        assert_eq!(
            renamed(b"<</Length 5 0 R>>").as_deref(),
            Some("<</Lengt_ 5 0 R>>")
        );
        assert_eq!(
            renamed(b"<</L#65ngth%note\r5 0 R>>").as_deref(),
            Some("<</Lengt___%note\r5 0 R>>")
        );
        assert_eq!(
            renamed(b"<</Length\n12\t0 R/Length 3 0 R>>").as_deref(),
            Some("<</Lengt_\n12\t0 R/Lengt_ 3 0 R>>")
        );
        for unchanged in [
            &b"<</Length 12>>"[..],
            b"<</LengthX 5 0 R>>",
            b"<</Length 5 0 obj>>",
            b"<</Length 5 R>>",
            b"<</Length 99999999999 0 R>>",
            b"<</Length %note without an end 5 0 R",
            b"<</Length#6 5 0 R>>",
            b"/Length",
        ] {
            assert_eq!(
                detach(unchanged),
                None,
                "{}",
                String::from_utf8_lossy(unchanged)
            );
        }
    }

    #[test]
    fn a_content_stream_whose_length_is_a_reference_is_read_whole() {
        let mut objects = catalog_and_pages();
        objects.push((5, stream("/Length 6 0 R", TEXT)));
        objects.push((6, TEXT.len().to_string().into_bytes()));
        assert_eq!(text(file(&objects)), Ok("Hello lengths".into()));

        // A length that is not a whole number inside the file leaves the stream empty, as lopdf
        // leaves one whose length is wrong.
        objects[5].1 = b"(not a number)".to_vec();
        assert!(text(file(&objects)).is_err());
    }

    #[test]
    fn an_object_stream_whose_length_is_a_reference_still_gives_its_objects() {
        let objects = [
            (5, stream(&format!("/Length {}", TEXT.len()), TEXT)),
            (7, Vec::new()),
        ];
        let stored: [(u32, &[u8]); 4] = [
            (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            (3, PAGE),
            (4, FONT),
        ];
        // The container's length is object 7, written once the container's size is known.
        let probe = file_with_object_stream(&objects, 6, "/Length 7 0 R", &stored);
        let length = container_data_length(&probe, 6);
        let objects = [
            (5, stream(&format!("/Length {}", TEXT.len()), TEXT)),
            (7, length.to_string().into_bytes()),
        ];
        let bytes = file_with_object_stream(&objects, 6, "/Length 7 0 R", &stored);
        assert_eq!(text(bytes), Ok("Hello lengths".into()));
    }

    #[test]
    fn an_encrypted_stream_whose_length_is_a_reference_is_read_and_decrypted() {
        use pdf_extract::encryption::{EncryptionState, EncryptionVersion, Permissions};
        use pdf_extract::{Document, Object, Stream, StringFormat, dictionary};

        // Only an owner password, as a producer writes to stop copying: the file opens.
        let mut doc = Document::with_version("1.5");
        let pages = doc.new_object_id();
        let font = doc.add_object(pdf_extract::Dictionary::from_iter(
            [
                ("Type", "Font"),
                ("Subtype", "Type1"),
                ("BaseFont", "Helvetica"),
            ]
            .map(|(k, v)| (k, Object::Name(v.into()))),
        ));
        // A name of the size of `/Length 9 0 R` stands where the reference will be.
        let pad = "x".repeat(20);
        let content = doc.add_object(Stream::new(
            dictionary! { "Pad" => Object::Name(pad.clone().into_bytes()) },
            TEXT.to_vec(),
        ));
        let length = doc.add_object(TEXT.len() as i64);
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "MediaBox" => vec![0.into(), 0.into(), 300.into(), 200.into()],
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let id = Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal);
        doc.trailer.set("ID", vec![id.clone(), id]);
        let state = EncryptionState::try_from(EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: "",
            key_length: 128,
            permissions: Permissions::default(),
        })
        .expect("an encryption");
        doc.encrypt(&state).expect("encrypted");
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("saved to memory");

        // `/Pad/xx…x/Length 44` becomes `/Length 5 0 R` and `/Padd 44`, in the same bytes.
        let dict = format!("/Pad/{pad}/Length {}", TEXT.len());
        let at = memchr::memmem::find(&bytes, dict.as_bytes()).expect("the content's dictionary");
        let reference = format!("/Length {} 0 R", length.0);
        let edited = format!(
            "{reference:w$}/Padd {:w2$}",
            TEXT.len(),
            w = pad.len() + 5,
            w2 = 4
        );
        assert_eq!(edited.len(), dict.len());
        bytes[at..at + dict.len()].copy_from_slice(edited.as_bytes());
        assert_eq!(text(bytes), Ok("Hello lengths".into()));
    }

    /// How many bytes of data object `number`'s stream holds, between `stream` and `endstream`.
    fn container_data_length(bytes: &[u8], number: u32) -> usize {
        let header = format!("{number} 0 obj\n");
        let at = memchr::memmem::find(bytes, header.as_bytes()).expect("the object");
        let start = at + memchr::memmem::find(&bytes[at..], b"stream\n").expect("its stream") + 7;
        memchr::memmem::find(&bytes[start..], b"\nendstream").expect("its end")
    }

    #[test]
    fn an_object_stream_whose_length_is_stored_inside_it_is_corrupt_not_a_crash() {
        // lopdf 0.42 would read the container for the length, the length from the container,
        // and so on until the stack overflowed.
        let bytes = file_with_object_stream(
            &[(1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec())],
            4,
            "/Length 3 0 R",
            &[(3, b"42"), (2, b"<< /Type /Pages /Kids [] /Count 0 >>")],
        );
        assert!(matches!(text(bytes), Err(FormatError::Corrupt { .. })));
    }

    #[test]
    fn a_long_chain_of_lengths_through_streams_is_read_without_recursing() {
        // Each stream's length is the next stream; lopdf 0.42 parsed them all, one inside the
        // other, for every stream in the chain.
        let mut objects = catalog_and_pages();
        objects.push((5, stream("/Length 6 0 R", TEXT)));
        let last = 6 + 100_000;
        for number in 6..last {
            objects.push((number, stream(&format!("/Length {} 0 R", number + 1), b"x")));
        }
        objects.push((last, b"1".to_vec()));
        // The page's stream has a stream for its length: not a number, so it is left empty.
        assert!(text(file(&objects)).is_err());
    }
}
