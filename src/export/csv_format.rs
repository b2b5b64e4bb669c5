//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Arabic), RFC 4180
//! quoting and CRLF line ends, one row per passage.

use super::{Excerpt, links_text};
use crate::i18n::Locale;
use crate::tr;

/// The column headers, in `loc`'s language.
pub(super) fn header(loc: Locale) -> [String; 11] {
    [
        tr!(loc, "export-csv-brief"),
        tr!(loc, "export-csv-brief-date"),
        tr!(loc, "export-csv-quote"),
        tr!(loc, "export-csv-tags"),
        tr!(loc, "export-csv-determinants"),
        tr!(loc, "export-csv-scenarios"),
        tr!(loc, "export-csv-memo"),
        tr!(loc, "export-csv-start"),
        tr!(loc, "export-csv-end"),
        tr!(loc, "export-csv-passage-id"),
        tr!(loc, "export-csv-created"),
    ]
}

pub(super) fn render(rows: &[Excerpt<'_>], loc: Locale) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(&mut out);
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(header(loc));
        for row in rows {
            let p = row.passage;
            let _ = writer.write_record([
                row.brief_title.as_str(),
                row.brief_date.as_str(),
                p.anchor.quote.as_str(),
                row.tags.join("; ").as_str(),
                links_text(&row.determinants, loc).as_str(),
                links_text(&row.scenarios, loc).as_str(),
                p.memo.as_str(),
                p.anchor.start.to_string().as_str(),
                p.anchor.end.to_string().as_str(),
                p.id.to_string().as_str(),
                p.created.to_rfc3339().as_str(),
            ]);
        }
        let _ = writer.flush();
    }
    out
}
