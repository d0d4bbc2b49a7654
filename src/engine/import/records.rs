//! The records of a CSV text, as the csv crate's reader gives them (the same fields, line numbers
//! and positions), with a fast path: a line without a quote character and without CR (but for
//! the CR of a CRLF line end) is split at its delimiters by a SIMD search (memchr), with no copy;
//! any other line is parsed from where it starts by the csv crate's own parser (`csv_core`), which
//! reads on past it when a quoted field holds a line break. The parser keeps no state between
//! records, so the two interleave exactly.
//!
//! The text is either held whole (`Records::new`) or streamed (`Records::streamed`): handed
//! over a slice of bytes at a time, as a file is read slice by slice, so that only a window of
//! it (the record being read and the slice it is in) is ever held. Both read the same records.

use super::dialect::Dialect;
use super::row::{Cell, Row};
use memchr::{memchr, memchr2, memchr_iter};
use std::borrow::Cow;
use std::ops::Range;

/// A UTF-8 byte order mark, which the csv reader skips at the start of its input.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// The rest of a streamed text: its bytes, a slice at a time, in order.
pub type Slices<'t> = Box<dyn SliceSource + 't>;

/// What hands a streamed text's bytes over, a slice at a time.
pub trait SliceSource {
    /// Appends the next slice's bytes to `window` (straight from the file, with no buffer of
    /// their own in between); `false`, with nothing appended, when no more comes.
    fn append_next(&mut self, window: &mut Vec<u8>) -> bool;
}

/// Slices that come as buffers of their own, each copied onto the window.
impl<I: Iterator<Item = Vec<u8>>> SliceSource for I {
    fn append_next(&mut self, window: &mut Vec<u8>) -> bool {
        self.next().map(|slice| window.extend_from_slice(&slice)).is_some()
    }
}

/// Reads the records of a text one by one (a lending iterator: each record borrows the reader).
pub struct Records<'t> {
    /// The text held: the whole text, or the window of a streamed one from `base` on.
    text: Cow<'t, str>,
    /// What is still to come of a streamed text.
    rest: Option<Stream<'t>>,
    /// The bytes of the text before the window.
    base: usize,
    quote: u8,
    delimiter: u8,
    /// The byte of the window after the last record read (where the next one is looked for).
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

/// Room a streamed text's window keeps beside a slice for what is left of the last one: a
/// record cut by the slice's end, and more when records are longer.
const WINDOW_SPARE: usize = 64 << 10;

/// The slices of a streamed text still to come, and what was made of those that came.
struct Stream<'t> {
    slices: Slices<'t>,
    /// The bytes of a character cut by the end of the last slice, which the next one completes.
    cut: Vec<u8>,
    /// The bytes of the text so far (what was held at first, and the slices handed over).
    bytes: u64,
    /// The longest slice so far: the room the window makes for the next.
    longest: usize,
    /// Whether a slice was not UTF-8 (the text then ends before it).
    invalid: bool,
    /// Whether no more comes (the slices ended, or one was not UTF-8).
    ended: bool,
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

impl Stream<'_> {
    /// Appends the next slice to `window` (a text that ends with a whole character), completing
    /// a character the last one cut and keeping back one this one cuts; `None` at the end, or at
    /// a slice that is not UTF-8 (`invalid`), with `window` as it was.
    fn append_next(&mut self, window: String) -> Result<String, String> {
        // Once ended, no slice more is asked for (each is a read of the file).
        if self.ended {
            return Err(window);
        }
        let held = window.len();
        let mut bytes = window.into_bytes();
        // Room for a slice as long as the longest so far and a few records more, not twice
        // the window that growing it would make (16 MB held for 8 MB slices, in both workers).
        if bytes.capacity() - held < self.cut.len() + self.longest {
            bytes.reserve_exact(self.cut.len() + self.longest + WINDOW_SPARE);
        }
        bytes.append(&mut self.cut);
        let cut = bytes.len() - held;
        if !self.slices.append_next(&mut bytes) {
            // A character cut by the last slice and never completed.
            self.invalid |= cut > 0;
            self.ended = true;
            bytes.truncate(held);
            return Err(String::from_utf8(bytes).unwrap_or_default());
        }
        let slice = bytes.len() - held - cut;
        (self.bytes, self.longest) = (self.bytes + slice as u64, self.longest.max(slice));
        let error = match String::from_utf8(bytes) {
            Ok(text) => return Ok(text),
            Err(error) => error,
        };
        let (valid, cut_off) = (error.utf8_error().valid_up_to(), error.utf8_error().error_len().is_none());
        let mut bytes = error.into_bytes();
        if !cut_off {
            (self.invalid, self.ended) = (true, true);
            bytes.truncate(held);
            return Err(String::from_utf8(bytes).unwrap_or_default());
        }
        self.cut = bytes.split_off(valid);
        Ok(String::from_utf8(bytes).unwrap_or_default())
    }
}

impl<'t> Records<'t> {
    /// The records of a whole text.
    pub fn new(text: &'t str, dialect: Dialect) -> Records<'t> {
        Records::of(Cow::Borrowed(text), None, dialect).after_bom()
    }

    /// The records of a text from a line start inside it (a part of a file): a byte order mark
    /// there is no file's start, but text, as the reader of the whole file reads it.
    pub fn within(text: &'t str, dialect: Dialect) -> Records<'t> {
        Records::of(Cow::Borrowed(text), None, dialect)
    }

    /// The records of a text of which `first` is held and the rest handed over as `slices` of its
    /// bytes; a byte order mark at the start of `first` is skipped (an empty `first` is a part
    /// of a file, read `within` it). A slice that is not UTF-8 ends the text there (`is_whole`
    /// then says so).
    pub fn streamed(first: &'t str, slices: Slices<'t>, dialect: Dialect) -> Records<'t> {
        let stream =
            Stream { slices, cut: Vec::new(), bytes: first.len() as u64, longest: 0, invalid: false, ended: false };
        Records::of(Cow::Borrowed(first), Some(stream), dialect).after_bom()
    }

    fn of(text: Cow<'t, str>, rest: Option<Stream<'t>>, dialect: Dialect) -> Records<'t> {
        let parser = csv_core::ReaderBuilder::new().delimiter(dialect.delimiter).quote(dialect.quote).build();
        Records {
            text,
            rest,
            base: 0,
            quote: dialect.quote,
            delimiter: dialect.delimiter,
            position: 0,
            line: 1,
            parser,
            fields: Vec::new(),
            parsed: false,
            unquoted: String::new(),
            output: vec![0; 1024],
            ends: vec![0; 64],
        }
    }

    /// The reader past the text's byte order mark, which the csv reader skips at its start.
    fn after_bom(mut self) -> Records<'t> {
        if self.text.as_bytes().starts_with(BOM) {
            self.position = BOM.len();
        }
        self
    }

    /// The text held from `byte` on: the rest of a whole text, or of a streamed one as much
    /// as has come, made at least `bytes` long first unless the text ends before.
    pub fn ahead(&mut self, bytes: usize) -> &str {
        while self.text.len() - self.position < bytes && self.fill() {}
        self.text.get(self.position..).unwrap_or_default()
    }

    /// Whether the text was all there was to read: not a streamed text that came with a slice
    /// that was not UTF-8, or other than `bytes` long.
    pub fn is_whole(&self, bytes: u64) -> bool {
        match &self.rest {
            None => self.text.len() as u64 == bytes,
            Some(stream) => !stream.invalid && stream.bytes == bytes,
        }
    }

    /// Brings the next slice of a streamed text into the window, first letting go of what has
    /// been read; `false` when no more comes.
    fn fill(&mut self) -> bool {
        let Some(stream) = self.rest.as_mut() else { return false };
        let window = self.text.to_mut();
        // Records start after an ASCII byte, so this always holds; it only spares a panic.
        if window.is_char_boundary(self.position) {
            window.drain(..self.position);
            self.base += self.position;
            self.position = 0;
        }
        let (filled, window) = match stream.append_next(std::mem::take(window)) {
            Ok(window) => (true, window),
            Err(window) => (false, window),
        };
        self.text = Cow::Owned(window);
        filled
    }

    /// Whether more of a streamed text may come.
    fn more(&self) -> bool {
        self.rest.as_ref().is_some_and(|stream| !stream.ended)
    }

    /// The byte after the last record read, as `csv::Position::byte`.
    pub fn byte(&self) -> u64 {
        (self.base + self.position) as u64
    }

    /// The 1-based line at `byte`, as `csv::Position::line`.
    #[cfg(test)]
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Whether nothing but line breaks lies from `byte` to `end` (within the text): then the
    /// next record starts at or after `end` (a CRLF record stops before its LF).
    pub fn only_breaks_to(&mut self, end: usize) -> bool {
        loop {
            let Some(to) = end.checked_sub(self.base).filter(|&to| to >= self.position) else { return false };
            let window = self.text.as_bytes();
            let gap = &window[self.position..to.min(window.len())];
            if !gap.iter().all(|&b| b == b'\n' || b == b'\r') {
                return false;
            }
            if to <= window.len() {
                return true;
            }
            if !self.fill() {
                return false;
            }
        }
    }

    /// The lines of the text before `end` when this reader, stopped where it is, is at the
    /// start of the record there: nothing but line breaks lies between (a CRLF reader stops
    /// before the LF). `None` when a record runs across `end`.
    pub fn lines_before(&mut self, end: usize) -> Option<u64> {
        if !self.only_breaks_to(end) {
            return None;
        }
        let gap = &self.text.as_bytes()[self.position..end - self.base];
        Some(self.line - 1 + memchr_iter(b'\n', gap).count() as u64)
    }

    /// The next record and the 1-based line where it starts; `None` at the end of the text.
    pub fn next_record(&mut self) -> Option<(u64, Fields<'_>)> {
        let line = self.next_start()?;
        let text = if self.parsed { self.unquoted.as_str() } else { &self.text };
        Some((line, Fields { text, fields: &self.fields }))
    }

    /// Reads the next record into `fields`, giving the line it starts on.
    fn next_start(&mut self) -> Option<u64> {
        loop {
            let bytes = self.text.as_bytes();
            let rest = bytes.get(self.position..).unwrap_or_default();
            // A line is read once it is held whole (its line break, or the text's end, has come).
            let Some(end) = memchr(b'\n', rest).or_else(|| (!self.more()).then_some(rest.len())) else {
                self.fill();
                continue;
            };
            if rest.is_empty() {
                return None;
            }
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
                self.split(start, line.len());
                return Some(number);
            }
        }
    }

    /// The fields of the unquoted line of `len` bytes that starts at `start`.
    fn split(&mut self, start: usize, len: usize) {
        self.parsed = false;
        self.fields.clear();
        let line = &self.text.as_bytes()[start..start + len];
        let mut from = start;
        for delimiter in memchr_iter(self.delimiter, line) {
            self.fields.push(from..start + delimiter);
            from = start + delimiter + 1;
        }
        self.fields.push(from..start + len);
    }

    /// The record at `position` read by the csv parser (a quoted field, or a CR); the line it
    /// starts on counts the line breaks the parser skips before it, as `source::line_of` does.
    fn parse(&mut self) -> Option<u64> {
        let (breaks, number) = self.breaks_ahead()?;
        let (mut read, mut written, mut fields) = (breaks, 0, 0);
        loop {
            // The parser takes no input as the text's end: more of a streamed text is brought first.
            if self.position + read == self.text.len() && self.fill() {
                continue;
            }
            let input = self.text.as_bytes().get(self.position + read..).unwrap_or_default();
            let (result, nin, nout, nend) =
                self.parser.read_record(input, &mut self.output[written..], &mut self.ends[fields..]);
            let empty = input.is_empty();
            (read, written, fields) = (read + nin, written + nout, fields + nend);
            match result {
                csv_core::ReadRecordResult::InputEmpty if empty => return None,
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => self.output.resize(self.output.len() * 2, 0),
                csv_core::ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                csv_core::ReadRecordResult::Record => break,
                csv_core::ReadRecordResult::End => return None,
            }
        }
        let record = &self.text.as_bytes()[self.position..self.position + read];
        self.line += memchr_iter(b'\n', record).count() as u64;
        self.position += read;
        self.store_parsed(written, fields);
        Some(number)
    }

    /// The line breaks from `position` to the next record (which the parser would skip), and
    /// the line that record starts on; `None` when only line breaks are left.
    fn breaks_ahead(&mut self) -> Option<(usize, u64)> {
        let (mut breaks, mut number) = (0, self.line);
        loop {
            match self.text.as_bytes().get(self.position + breaks).copied() {
                Some(b'\n') => number += 1,
                Some(b'\r') => {}
                Some(_) => return Some((breaks, number)),
                None if self.fill() => continue,
                None => return None,
            }
            breaks += 1;
        }
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

    /// `by_records` of the text streamed: its first `held` bytes held, the rest in slices of
    /// `slice` bytes.
    fn by_streamed(text: &str, dialect: Dialect, held: usize, slice: usize) -> Vec<(u64, u64, u64, Vec<String>)> {
        let slices: Vec<Vec<u8>> = text.as_bytes()[held..].chunks(slice).map(<[u8]>::to_vec).collect();
        let mut reader = Records::streamed(&text[..held], Box::new(slices.into_iter()), dialect);
        let mut records = Vec::new();
        while let Some((line, fields)) = reader.next_record() {
            let fields = (0..fields.len()).map(|c| fields.get(c).unwrap_or_default().to_string()).collect();
            records.push((line, reader.byte(), reader.line(), fields));
        }
        assert!(reader.is_whole(text.len() as u64));
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

    #[test]
    fn a_streamed_text_that_is_not_utf8_ends_where_it_stops_being_it() {
        // `é` cut across two slices is read whole; the byte 0xFF is no UTF-8 and ends the text.
        let slices = vec![b"a,\xc3".to_vec(), b"\xa9\nb,c\n".to_vec(), b"d,\xff\ne,f\n".to_vec()];
        let mut reader = Records::streamed("", Box::new(slices.into_iter()), COMMA);
        let mut read = Vec::new();
        while let Some((line, fields)) = reader.next_record() {
            read.push((line, (0..fields.len()).map(|c| fields.get(c).unwrap_or_default().to_string()).collect()));
        }
        let expected: Vec<(u64, Vec<String>)> =
            vec![(1, vec!["a".into(), "é".into()]), (2, vec!["b".into(), "c".into()])];
        assert_eq!(read, expected);
        assert!(!reader.is_whole(20));
        // A character cut by the last slice, never completed, is no UTF-8 either.
        let mut reader = Records::streamed("x\n", Box::new(vec![b"\xc3".to_vec()].into_iter()), COMMA);
        while reader.next_record().is_some() {}
        assert!(!reader.is_whole(3));
    }

    #[test]
    fn a_byte_order_mark_is_skipped_at_the_start_of_the_text_only() {
        let text = "\u{feff}a\n\u{feff}b\n";
        let first =
            |mut records: Records<'_>| records.next_record().map(|(_, f)| f.get(0).unwrap_or_default().to_string());
        assert_eq!(first(Records::new(text, COMMA)), Some("a".into()));
        assert_eq!(first(Records::within(&text[4..], COMMA)), Some("\u{feff}b".into()));
        assert_eq!(
            first(Records::streamed("", Box::new(std::iter::once(text.as_bytes()[4..].to_vec())), COMMA)),
            Some("\u{feff}b".into())
        );
        assert_eq!(by_streamed(text, COMMA, 3, 1), by_csv(text, COMMA));
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

        #[test]
        fn any_text_streamed_in_any_slices_reads_as_held_whole(
            text in "([a;,\"' \t\r\né]|\r\n|ab,c\r\n){0,40}",
            held in 0usize..60,
            slice in 1usize..9,
        ) {
            let held = (0..=held.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            for (delimiter, quote) in [(b',', b'"'), (b';', b'\''), (b'\t', b'"')] {
                let dialect = Dialect { delimiter, quote, sep_line: false };
                prop_assert_eq!(by_streamed(&text, dialect, held, slice), by_records(&text, dialect));
            }
        }
    }
}
