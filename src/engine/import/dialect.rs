//! CSV dialect sniffing from the start of a file: delimiter, quote character, Excel's
//! `sep=` hint line and old Mac line endings.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How much of the file the guesses look at (and so all a preview needs of a text file: the
/// worker reads only this much of it).
pub const SAMPLE_BYTES: usize = 64 * 1024;
/// Records looked at when sniffing the delimiter.
const SNIFF_RECORDS: usize = 100;
/// Leading records that may be a report's title lines (as in guess.rs).
const TITLE_RECORDS: usize = 30;

pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The separators and quoting of a CSV file.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dialect {
    pub delimiter: u8,
    pub quote: u8,
    /// The file starts with Excel's `sep=;` line, which is not data.
    pub sep_line: bool,
}

/// The start of `text`, cut at a character boundary.
pub fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Files from old Macs end lines with a lone CR; the reader counts lines by LF, so those become
/// LF (a copy, only for such files).
pub fn normalize_line_endings(text: Cow<'_, str>) -> Cow<'_, str> {
    // Looking for LF first: it is found at once in ordinary files, where CR is searched to the end.
    if !text.contains('\n') && text.contains('\r') {
        Cow::Owned(text.replace('\r', "\n"))
    } else {
        text
    }
}

/// The dialect, with the user's delimiter and quote (when given) taking precedence.
pub fn sniff(text: &str, delimiter: Option<u8>, quote: Option<u8>) -> Dialect {
    let sample = sample(text);
    let sep_hint = sep_line(sample);
    let quote = quote.unwrap_or_else(|| sniff_quote(sample));
    let delimiter = delimiter.or(sep_hint).unwrap_or_else(|| sniff_delimiter(sample, quote));
    Dialect { delimiter, quote, sep_line: sep_hint.is_some() }
}

/// The delimiter named by a first line `sep=;`.
fn sep_line(sample: &str) -> Option<u8> {
    let first = sample.lines().next()?.trim();
    let rest = first.strip_prefix("sep=").or_else(|| first.strip_prefix("SEP="))?;
    match rest.as_bytes() {
        [d] => Some(*d),
        _ => None,
    }
}

/// `'` only when it, and never `"`, opens fields.
fn sniff_quote(sample: &str) -> u8 {
    let opens = |q: char| {
        sample.lines().take(SNIFF_RECORDS).filter(move |line| {
            let starts = line.starts_with(q);
            starts || DELIMITERS.iter().any(|&d| line.contains(&format!("{}{q}", d as char)))
        })
    };
    if opens('"').next().is_none() && opens('\'').count() >= 2 {
        b'\''
    } else {
        b'"'
    }
}

/// The delimiter that splits the sampled records into the most columns, consistently.
fn sniff_delimiter(sample: &str, quote: u8) -> u8 {
    let mut best = (0usize, b',');
    for delimiter in DELIMITERS {
        let counts = field_counts(sample, delimiter, quote);
        let Some(modal) = modal_count(&counts) else { continue };
        // A report's title, company and date-range lines come first with fewer fields (or, with
        // commas in a title, more): consistency is judged from the first record of the modal
        // width on.
        let body = &counts[counts.iter().take(TITLE_RECORDS).position(|&c| c == modal).unwrap_or(0)..];
        let consistent = body.iter().filter(|&&c| c == modal).count();
        // Consistency first (at least 9 in 10 records), then the number of columns.
        let score = if consistent * 10 >= body.len() * 9 { modal * 2 + 1 } else { 1 };
        if score > best.0 {
            best = (score, delimiter);
        }
    }
    best.1
}

/// Fields per record of the sample, leaving out a last record the sample may have cut short.
fn field_counts(sample: &str, delimiter: u8, quote: u8) -> Vec<usize> {
    let mut reader = reader(sample.as_bytes(), Dialect { delimiter, quote, sep_line: false });
    let mut counts: Vec<usize> =
        reader.byte_records().take(SNIFF_RECORDS + 1).filter_map(Result::ok).map(|r| r.len()).collect();
    if counts.len() > SNIFF_RECORDS || sample.len() == SAMPLE_BYTES {
        counts.pop();
    }
    counts
}

/// The most frequent number of fields among records of more than one (a one-field record is a
/// title line, or the delimiter is not this one); `None` when there is none.
fn modal_count(counts: &[usize]) -> Option<usize> {
    let max = *counts.iter().max().filter(|&&max| max > 1)?;
    let mut tally = vec![0usize; max + 1];
    counts.iter().filter(|&&c| c > 1).for_each(|&c| tally[c] += 1);
    // Ties go to the larger count.
    tally.iter().enumerate().rev().max_by_key(|&(_, n)| *n).map(|(count, _)| count)
}

/// A CSV reader over `bytes` in `dialect`: every record as it is (header handled by the caller),
/// rows of any length.
pub fn reader(bytes: &[u8], dialect: Dialect) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(dialect.delimiter)
        .quote(dialect.quote)
        .from_reader(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delimiter(text: &str) -> char {
        sniff(text, None, None).delimiter as char
    }

    #[test]
    fn finds_each_delimiter() {
        assert_eq!(delimiter("a,b,c\n1,2,3\n"), ',');
        assert_eq!(delimiter("klant;bedrag;datum\n1;12,50;05-01-2024\n2;3,10;06-01-2024\n"), ';');
        assert_eq!(delimiter("a\tb\tc\n1\t2\t3\n"), '\t');
        assert_eq!(delimiter("a|b|c\n1|2,5|3\n"), '|');
        assert_eq!(delimiter("\"a;1\",b,c\n\"x;y\",2,3\n"), ',');
        assert_eq!(delimiter("single\ncolumn\n"), ',');
    }

    #[test]
    fn title_lines_above_the_header_do_not_decide_the_delimiter() {
        // By comma the title splits in 3 and the amounts in 2 (`99,95`) or 3 (`1.234,50` after
        // `Jansen, P.`): no consistent width. By semicolon every record below the title has 3.
        let text = "Omzet per klant, alle afdelingen, 2024\nPeriode 2024\n\nKlant;Naam;Omzet\n\
            1;Jansen, P.;1.234,50\n2;De Vries;99,95\n3;Mulder;12,00\n";
        assert_eq!(delimiter(text), ';');
        assert_eq!(delimiter("Sales ledger\nPrinted today\na,b,c\n1,2,3\n4,5,6\n"), ',');
    }

    #[test]
    fn honours_the_sep_line_and_overrides() {
        let d = sniff("sep=;\na,b;c\n", None, None);
        assert_eq!((d.delimiter, d.sep_line), (b';', true));
        assert_eq!(sniff("a,b;c\n", Some(b'|'), None).delimiter, b'|');
    }

    #[test]
    fn finds_single_quotes_only_when_double_quotes_are_absent() {
        assert_eq!(sniff("'a','b'\n'1','2'\n", None, None).quote, b'\'');
        assert_eq!(sniff("\"a\",'b'\n'1','2'\n", None, None).quote, b'"');
        assert_eq!(sniff("O'Neil,b\nx,y\n", None, None).quote, b'"');
    }

    #[test]
    fn cuts_samples_on_character_boundaries() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert_eq!(sample(&text).len(), SAMPLE_BYTES);
        let odd = format!("a{text}");
        assert_eq!(sample(&odd).len(), SAMPLE_BYTES - 1);
        assert_eq!(normalize_line_endings(Cow::Borrowed("a\rb\r")), "a\nb\n");
        assert_eq!(normalize_line_endings(Cow::Borrowed("a\r\nb")), "a\r\nb");
    }
}
