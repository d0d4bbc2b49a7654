//! The records of a CSV text, as the csv crate's reader gives them (the same fields, line numbers
//! and positions), with a fast path: a line without a quote character and without CR (but for
//! the CR of a CRLF line end) is split at its delimiters by a SIMD search (memchr), with no copy;
//! any other line is parsed from where it starts by the csv crate's own parser (`csv_core`), which
//! reads on past it when a quoted field holds a line break. The parser keeps no state between
//! records, so the two interleave exactly.

use super::dialect::Dialect;
use super::row::{Cell, Row};
use memchr::{memchr, memchr2, memchr_iter};
use std::ops::Range;

/// A UTF-8 byte order mark, which the csv reader skips at the start of its input.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Reads the records of a text one by one (a lending iterator: each record borrows the reader).
pub struct Records<'t> {
    text: &'t str,
    quote: u8,
    delimiter: u8,
    /// The byte after the last record read (where the next one is looked for).
    position: usize,
    /// The 1-based line at `position`, counting line feeds as the csv reader does.
    line: u64,
    parser: csv_core::Reader,
    /// The fields of the last record: ranges of `text` (fast path) or of `unquoted` (parser).
    fields: Vec<Range<usize>>,
    /// Whether the last record came from the parser.
    parsed: bool,
    unquoted: String,
    output: Vec<u8>,
    ends: Vec<usize>,
}

/// One record's fields.
pub struct Fields<'r> {
    text: &'r str,
    fields: &'r [Range<usize>],
}

impl Fields<'_> {
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn get(&self, column: usize) -> Option<&str> {
        self.fields.get(column).and_then(|range| self.text.get(range.clone()))
    }
}

impl Row for Fields<'_> {
    fn width(&self) -> usize {
        self.len()
    }

    fn cell(&self, column: usize) -> Cell<'_> {
        self.get(column).map_or(Cell::Empty, Cell::Text)
    }

    fn is_blank(&self) -> bool {
        // As the csv record's: ASCII white space only in every field.
        (0..self.len()).all(|c| self.get(c).is_some_and(|f| f.bytes().all(|b| b.is_ascii_whitespace())))
    }
}

impl<'t> Records<'t> {
    pub fn new(text: &'t str, dialect: Dialect) -> Records<'t> {
        let parser = csv_core::ReaderBuilder::new().delimiter(dialect.delimiter).quote(dialect.quote).build();
        let position = if text.as_bytes().starts_with(BOM) { BOM.len() } else { 0 };
        Records {
            text,
            quote: dialect.quote,
            delimiter: dialect.delimiter,
            position,
            line: 1,
            parser,
            fields: Vec::new(),
            parsed: false,
            unquoted: String::new(),
            output: vec![0; 1024],
            ends: vec![0; 64],
        }
    }

    /// The byte after the last record read, as `csv::Position::byte`.
    pub fn byte(&self) -> u64 {
        self.position as u64
    }

    /// The 1-based line at `byte`, as `csv::Position::line`.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Whether nothing but line breaks lies from `byte` to `end` (within the text): then the
    /// next record starts at or after `end` (a CRLF record stops before its LF).
    pub fn only_breaks_to(&self, end: usize) -> bool {
        let gap = self.text.as_bytes().get(self.position..end);
        gap.is_some_and(|gap| gap.iter().all(|&b| b == b'\n' || b == b'\r'))
    }

    /// The next record and the 1-based line where it starts; `None` at the end of the text.
    pub fn next_record(&mut self) -> Option<(u64, Fields<'_>)> {
        let line = self.next_start()?;
        let text = if self.parsed { self.unquoted.as_str() } else { self.text };
        Some((line, Fields { text, fields: &self.fields }))
    }

    /// Reads the next record into `fields`, giving the line it starts on.
    fn next_start(&mut self) -> Option<u64> {
        let bytes = self.text.as_bytes();
        loop {
            let rest = bytes.get(self.position..).filter(|rest| !rest.is_empty())?;
            let end = memchr(b'\n', rest).unwrap_or(rest.len());
            let (start, number) = (self.position, self.line);
            let line = match memchr2(self.quote, b'\r', &rest[..end]) {
                None => {
                    self.position += (end + 1).min(rest.len());
                    self.line += u64::from(end < rest.len());
                    &rest[..end]
                }
                // A CRLF line: the csv reader ends the record at the CR and stops before the LF,
                // which it then skips as an empty line.
                Some(cr) if cr + 1 == end && end < rest.len() && rest[cr] == b'\r' => {
                    self.position += end;
                    &rest[..cr]
                }
                Some(_) => return self.parse(),
            };
            // The csv reader skips empty lines: they are no record.
            if !line.is_empty() {
                self.split(start, line);
                return Some(number);
            }
        }
    }

    /// The fields of an unquoted line that starts at `start`.
    fn split(&mut self, start: usize, line: &[u8]) {
        self.parsed = false;
        self.fields.clear();
        let mut from = start;
        for delimiter in memchr_iter(self.delimiter, line) {
            self.fields.push(from..start + delimiter);
            from = start + delimiter + 1;
        }
        self.fields.push(from..start + line.len());
    }

    /// The record at `position` read by the csv parser (a quoted field, or a CR); the line it
    /// starts on counts the line breaks the parser skips before it, as `source::line_of` does.
    fn parse(&mut self) -> Option<u64> {
        let bytes = self.text.as_bytes();
        let rest = &bytes[self.position..];
        let skipped = rest.iter().take_while(|&&b| b == b'\n' || b == b'\r');
        let number = self.line + skipped.filter(|&&b| b == b'\n').count() as u64;
        let (mut read, mut written, mut fields) = (0, 0, 0);
        loop {
            let input = &rest[read..];
            let (result, nin, nout, nend) =
                self.parser.read_record(input, &mut self.output[written..], &mut self.ends[fields..]);
            (read, written, fields) = (read + nin, written + nout, fields + nend);
            match result {
                csv_core::ReadRecordResult::InputEmpty if input.is_empty() => return None,
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => self.output.resize(self.output.len() * 2, 0),
                csv_core::ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                csv_core::ReadRecordResult::Record => break,
                csv_core::ReadRecordResult::End => return None,
            }
        }
        self.line += memchr_iter(b'\n', &rest[..read]).count() as u64;
        self.position += read;
        self.store_parsed(written, fields);
        Some(number)
    }

    /// Keeps the parser's fields as text. Taking ASCII quotes out of UTF-8 leaves UTF-8, so the
    /// lossy conversion never replaces anything; it only spares a check that cannot fail.
    fn store_parsed(&mut self, written: usize, fields: usize) {
        self.parsed = true;
        self.unquoted.clear();
        self.unquoted.push_str(&String::from_utf8_lossy(&self.output[..written]));
        self.fields.clear();
        let mut from = 0;
        for &end in &self.ends[..fields] {
            self.fields.push(from..end);
            from = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::dialect;
    use proptest::prelude::*;

    /// Every record as (line, byte after it, line after it, fields), by the csv crate's reader.
    fn by_csv(text: &str, dialect: Dialect) -> Vec<(u64, u64, u64, Vec<String>)> {
        let mut reader = dialect::reader(text.as_bytes(), dialect);
        let mut record = csv::StringRecord::new();
        let mut records = Vec::new();
        loop {
            let before = reader.position().clone();
            if !matches!(reader.read_record(&mut record), Ok(true)) {
                return records;
            }
            // The record's own line: the reader's line before it plus the blank lines it skipped.
            let rest = &text.as_bytes()[before.byte() as usize..];
            let blank = rest.iter().take_while(|&&b| b == b'\n' || b == b'\r').filter(|&&b| b == b'\n').count();
            let after = reader.position();
            let fields = record.iter().map(str::to_string).collect();
            records.push((before.line() + blank as u64, after.byte(), after.line(), fields));
        }
    }

    fn by_records(text: &str, dialect: Dialect) -> Vec<(u64, u64, u64, Vec<String>)> {
        let mut reader = Records::new(text, dialect);
        let mut records = Vec::new();
        while let Some((line, fields)) = reader.next_record() {
            let fields = (0..fields.len()).map(|c| fields.get(c).unwrap_or_default().to_string()).collect();
            records.push((line, reader.byte(), reader.line(), fields));
        }
        records
    }

    const COMMA: Dialect = Dialect { delimiter: b',', quote: b'"', sep_line: false };

    #[test]
    fn reads_what_the_csv_reader_reads() {
        // Worked by hand: line 1 `a,b` (bytes 0-3 with its LF); line 2 empty (byte 4, no record);
        // line 3 `"x,1",` (a quoted field with the delimiter, then an empty one) in bytes 5-10, then
        // CR at 11: the reader stops before the LF at 12; `"p\nq",r` from line 4 (bytes 13-20 with
        // its LF) spans into line 5; `c,d` on line 6 (bytes 21-23), its CR at 24 and the reader
        // before the LF at 25; `last` on line 7 (bytes 26-29), no LF.
        let text = "a,b\n\n\"x,1\",\r\n\"p\nq\",r\nc,d\r\nlast";
        let expected: Vec<(u64, u64, u64, Vec<String>)> = vec![
            (1, 4, 2, vec!["a".into(), "b".into()]),
            (3, 12, 3, vec!["x,1".into(), "".into()]),
            (4, 21, 6, vec!["p\nq".into(), "r".into()]),
            (6, 25, 6, vec!["c".into(), "d".into()]),
            (7, 30, 7, vec!["last".into()]),
        ];
        assert_eq!(by_records(text, COMMA), expected);
        assert_eq!(by_csv(text, COMMA), expected);
    }

    #[test]
    fn a_long_quoted_record_grows_the_buffers() {
        let text = format!("\"{}\",{}\n", "é".repeat(3000), vec!["1"; 200].join(","));
        assert_eq!(by_records(&text, COMMA), by_csv(&text, COMMA));
        assert_eq!(by_records(&text, COMMA)[0].3.len(), 201);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn any_text_reads_as_the_csv_reader_reads_it(text in "([a;,\"' \t\r\n]|\r\n|ab,c\r\n){0,40}") {
            for (delimiter, quote) in [(b',', b'"'), (b';', b'\''), (b'\t', b'"')] {
                let dialect = Dialect { delimiter, quote, sep_line: false };
                prop_assert_eq!(by_records(&text, dialect), by_csv(&text, dialect));
            }
        }
    }
}
