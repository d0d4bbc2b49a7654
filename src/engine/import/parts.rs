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
