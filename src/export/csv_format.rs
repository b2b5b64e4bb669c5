//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Arabic), RFC 4180
//! quoting and CRLF line ends, one row per passage.

use super::{Excerpt, links_text};

pub(super) const HEADER: [&str; 12] = [
    "brief",
    "brief_date",
    "quote",
    "tags",
    "determinants",
    "scenarios",
    "memo",
    "start",
    "end",
    "passage_id",
    "created",
    "grade",
];

pub(super) fn render(rows: &[Excerpt<'_>]) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(&mut out);
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(HEADER);
        for row in rows {
            let p = row.passage;
            let _ = writer.write_record([
                row.brief_title.as_str(),
                row.brief_date.as_str(),
                p.anchor.quote.as_str(),
                row.tags.join("; ").as_str(),
                links_text(&row.determinants).as_str(),
                links_text(&row.scenarios).as_str(),
                p.memo.as_str(),
                p.anchor.start.to_string().as_str(),
                p.anchor.end.to_string().as_str(),
                p.id.to_string().as_str(),
                p.created.to_rfc3339().as_str(),
                row.grade.as_str(),
            ]);
        }
        let _ = writer.flush();
    }
    out
}
