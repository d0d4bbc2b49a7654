//! A large CSV file read in two parts at once where there are no threads but workers (the
//! browser): the importer hands the part from a line break after the middle to another reader
//! (`PartReader`: another Web Worker, which reads that slice of the file itself) as a `Part`,
//! the plan to read it with; reads the first part itself meanwhile; and joins what the other
//! read (`PartRead`, sent back as bytes) exactly as the native two-thread import joins its
//! halves (`LineReader::join`). The result is the one pass's, line numbers and errors included;
//! whenever the two cannot be joined exactly (a quoted line break across the split, the other
//! worker failed or sent something else), this side reads the rest itself.

use super::dialect::{Dialect, SAMPLE_BYTES};
use super::duplicates::Origins;
use super::lines::{Found, LineReader, Plan};
use super::records::{Records, Slices};
use crate::engine::ledger::{Columns, LedgerBuilder, LedgerPart};
use serde::{Deserialize, Serialize};
use std::future::Future;

/// Files smaller than this are read in one pass: starting another worker would not pay.
pub const PART_BYTES: usize = 4 << 20;

/// The later part of one file, and everything needed to read it alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Where the part starts in the file's bytes (a line start; it runs to the end of the file).
    pub start: u64,
    plan: Plan,
    columns: Columns,
    headers: Vec<String>,
    dialect: Dialect,
}

/// Where a large file imported alone is split into its two parts, found from its head and a
/// window at its middle (`split_file`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSplit {
    /// The file's first bytes, to a line break: more than the guess reads (`SAMPLE_BYTES`), so
    /// that the guess made of them is the one the first part's reading makes.
    pub head: Vec<u8>,
    /// Where the later part starts: the start of the line after the middle.
    pub start: u64,
    /// Where the first part ends: past the line break after the line at `start` (the importer
    /// needs to see past the split).
    pub end: u64,
}

/// How far past the middle of a file its split is looked for: the line after the middle and
/// the one after it must start within this.
const WINDOW: u64 = 64 * 1024;

/// Where a file of `size` bytes is split for two readers (`FileSplit`), reading only its head
/// and a window at its middle with `read(start, end)`; `None` when it is too small to pay
/// (`PART_BYTES`) or no two line breaks follow its middle within `WINDOW`. Whether the file is
/// one read in parts at all (a UTF-8 CSV file of single lines) is for `first_part_of` to say.
pub fn split_file<E>(size: u64, mut read: impl FnMut(u64, u64) -> Result<Vec<u8>, E>) -> Result<Option<FileSplit>, E> {
    if size < PART_BYTES as u64 {
        return Ok(None);
    }
    let mut head = read(0, (2 * SAMPLE_BYTES as u64).min(size))?;
    head.truncate(head.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1));
    let middle = size / 2;
    let window = read(middle, (middle + WINDOW).min(size))?;
    let mut line_starts = memchr::memchr_iter(b'\n', &window).map(|i| middle + i as u64 + 1);
    Ok(match (line_starts.next(), line_starts.next()) {
        (Some(start), Some(end)) => Some(FileSplit { head, start, end }),
        _ => None,
    })
}

impl Part {
    pub(super) fn new(start: u64, plan: &Plan, columns: &Columns, headers: &[String], dialect: Dialect) -> Part {
        Part { start, plan: plan.clone(), columns: columns.clone(), headers: headers.to_vec(), dialect }
    }
}

/// Reads `Part`s somewhere else than here, at the same time.
pub trait PartReader {
    /// What the other reader sent back (`read_part`'s bytes), or `None` when it failed.
    type Read: Future<Output = Option<Vec<u8>>>;

    /// Starts reading `part` of the `file`-th file imported: the reading begins now, not when
    /// the future is first polled. `None` when no other reader is there (then the file is read
    /// in one pass).
    fn start(&self, file: usize, part: Part) -> Option<Self::Read>;
}

/// What another reader read of a `Part`, to join.
pub(super) struct PartRead<'b> {
    /// The lines, still in their plain form (appended straight from it).
    pub lines: LedgerPart<'b>,
    pub origins: Origins,
    pub found: Found,
    /// The records read.
    pub rows: u64,
}

impl<'b> PartRead<'b> {
    /// The bytes `read_part` sent, or `None` when they are not a part read with `columns`.
    pub fn decode(bytes: &'b [u8], columns: &Columns) -> Option<PartRead<'b>> {
        let ((origins, found, rows), ledger) = postcard::take_from_bytes::<(Origins, Found, u64)>(bytes).ok()?;
        let lines = LedgerPart::decode(ledger).ok()?;
        (lines.columns() == *columns).then_some(PartRead { lines, origins, found, rows })
    }
}

/// Reads `part` from `slices` (the file's bytes from `part.start` on, `bytes` of them, a slice
/// at a time: only a slice is held at once) as the importer would, and gives what it read as
/// bytes for `PartRead::decode`; `None` when the slices are not UTF-8 text (the importer splits
/// UTF-8 files only) or not `bytes` long (a slice could not be read).
pub fn read_part(part: &Part, bytes: u64, slices: Slices<'_>) -> Option<Vec<u8>> {
    let (mut builder, mut origins) = (LedgerBuilder::new(part.columns.clone()), Origins::default());
    let mut reader = LineReader::new(&part.plan, &part.columns, &part.headers, &mut builder, &mut origins);
    let mut records = Records::streamed("", slices, part.dialect);
    // The estimate reads the part's start as it reads a file's.
    reader.reserve(super::source::estimated_lines_in(records.ahead(SAMPLE_BYTES), bytes));
    let rows = super::source::read_records(&mut records, 0, u64::MAX, &mut reader, &mut |_, _| Ok(())).ok()?;
    let found = reader.into_found();
    if !records.is_whole(bytes) {
        return None;
    }
    let out = postcard::to_extend(&(&origins, &found, rows), Vec::new()).ok()?;
    Some(LedgerPart::from(builder).encode_into(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Option<FileSplit> {
        let read = |start: u64, end: u64| Ok::<_, ()>(text.as_bytes()[start as usize..end as usize].to_vec());
        split_file(text.len() as u64, read).unwrap()
    }

    #[test]
    fn a_file_is_split_at_the_line_after_its_middle_and_read_to_the_line_after_that() {
        let line = "C1,2024-01-05,10.00,I1,North\n"; // 29 bytes
        let text = line.repeat(PART_BYTES / line.len() + 1);
        let FileSplit { head, start, end } = split(&text).unwrap();
        // Twice what the guess reads, to its last line break: 131,072 bytes hold 4,519 lines.
        assert_eq!(head.len(), 4_519 * 29);
        // 144,632 lines: the middle, byte 2,097,164, starts line 72,316 (0-based); the line after
        // it starts at 72,317 x 29 = 2,097,193, and the one after that 29 bytes on.
        assert_eq!((text.len(), start, end), (144_632 * 29, 2_097_193, 2_097_222));
        // Too small to pay; no two line breaks within the window after the middle.
        assert_eq!(split(&text[..PART_BYTES - 1]), None);
        // 72,000 lines, a line of x's and 72,000 lines: the x's end 65,536 bytes after the middle
        // when there are 131,073 of them (no line break in the window), 65,505 bytes after it
        // when there are 131,012 (both line breaks in it).
        let lines = line.repeat(72_000);
        let long_line = |xs: usize| format!("{lines}{}\n{lines}", "x".repeat(xs));
        assert_eq!(split(&long_line(131_073)), None);
        let FileSplit { start, end, .. } = split(&long_line(131_012)).unwrap();
        let after_the_xs = lines.len() as u64 + 131_013;
        assert_eq!((start, end), (after_the_xs, after_the_xs + 29));
    }
}
