//! The top layer of the import: an opened file (its decoded text or sheet, the guess), and
//! the one pass that reads its lines into the ledger, in two halves at once for a large CSV.

use super::dialect::{self, Dialect};
use super::duplicates::Origins;
use super::encoding;
use super::error::CharOption;
use super::guess::{self, Guess, SourceInfo};
use super::lines::{FileLines, LineReader, Plan};
use super::mapping::Mapping;
use super::parts::{Part, PartRead, PartReader, PART_BYTES};
use super::progress::{report_progress, Progress, PROGRESS_EVERY};
use super::records::{Records, Slices};
use super::row::SampleRow;
use super::workbook::{self, Sheet};
use super::{FileReport, ImportError, ImportOptions, InputFile, Preview};
use crate::engine::ledger::{Columns, LedgerBuilder};
use std::borrow::Cow;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};

/// Rows kept from the start of a file for guessing and the preview.
const SAMPLE_ROWS: usize = 1000;

enum Table<'a> {
    /// `in_file`: where the text starts in the file's bytes when it is those bytes as they are
    /// (UTF-8, or ASCII), so that a byte of the text is a byte of the file (see `parts.rs`).
    Csv {
        text: Cow<'a, str>,
        dialect: Dialect,
        in_file: Option<usize>,
    },
    Sheet(Sheet),
}

/// A file opened and guessed, ready for the one pass.
pub struct Opened<'a> {
    name: String,
    table: Table<'a>,
    guess: Guess,
    plan: Plan,
    sample: Vec<SampleRow>,
}

impl<'a> Opened<'a> {
    pub fn open(file: &InputFile<'a>, options: &ImportOptions) -> Result<Opened<'a>, ImportError> {
        Self::open_unnamed(file, options).map_err(|e| e.in_file(file.name))
    }

    fn open_unnamed(file: &InputFile<'a>, options: &ImportOptions) -> Result<Opened<'a>, ImportError> {
        if file.bytes.is_empty() {
            return Err(ImportError::Empty);
        }
        let (table, info, sample) = if workbook::is_workbook(file.name, file.bytes) {
            let sheet = Sheet::open(file.bytes, options.sheet.as_deref())?;
            let sample = sheet.sample(SAMPLE_ROWS);
            let info = SourceInfo::workbook(sheet.names.clone(), sheet.name.clone(), sheet.first_column);
            (Table::Sheet(sheet), info, sample)
        } else {
            let decoded = encoding::decode(file.bytes, options.encoding.as_deref())?;
            let text = dialect::normalize_line_endings(decoded.text);
            let dialect = dialect::sniff(
                &text,
                ascii(options.delimiter, CharOption::Delimiter)?,
                ascii(options.quote, CharOption::Quote)?,
            );
            let sample = csv_sample(&text, dialect);
            let info = SourceInfo::csv(decoded.encoding.name(), decoded.bom, dialect);
            let in_file = matches!(text, Cow::Borrowed(_)).then(|| file.bytes.len() - text.len());
            (Table::Csv { text, dialect, in_file }, info, sample)
        };
        if sample.iter().all(|row| row.cells.iter().all(|c| c.trim().is_empty())) {
            return Err(ImportError::Empty);
        }
        let (guess, plan, sample) = guess::guess(info, sample, options)?;
        Ok(Opened { name: file.name.to_string(), table, guess, plan, sample })
    }

    /// The file opened from a text made of it (totals per period turned into ledger lines),
    /// whose bytes are not the file's: never read in parts, which read the file's own bytes.
    pub fn made_from_file(mut self) -> Opened<'a> {
        if let Table::Csv { in_file, .. } = &mut self.table {
            *in_file = None;
        }
        self
    }

    pub fn mapping(&self) -> &Mapping {
        &self.plan.mapping
    }

    /// Refuses a file whose required fields have no column.
    pub fn check_required(&self) -> Result<(), ImportError> {
        match self.guess.missing.first() {
            Some(field) => {
                let headers = self.guess.headers.clone();
                Err(ImportError::MissingField { field: *field, headers }.in_file(&self.name))
            }
            None => Ok(()),
        }
    }

    pub fn preview(self, rows: usize) -> Preview {
        let rows = self.sample.into_iter().take(rows).map(|r| (r.line, r.cells)).collect();
        Preview { guess: self.guess, rows, period_totals: false }
    }

    /// Reads every line into `builder`, which carries `columns` (those of all files imported);
    /// a file without a single data line is an error.
    pub fn read_into(
        self,
        builder: &mut LedgerBuilder,
        columns: &Columns,
        origins: &mut Origins,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<FileReport, ImportError> {
        self.read_split(builder, columns, origins, progress, &parallel_split)
    }

    /// `read_into`, reading a CSV text in two halves at the byte `split` chooses.
    fn read_split(
        self,
        builder: &mut LedgerBuilder,
        columns: &Columns,
        origins: &mut Origins,
        progress: &mut dyn FnMut(Progress) -> bool,
        split: &dyn Fn(&str) -> Option<usize>,
    ) -> Result<FileReport, ImportError> {
        origins.start_file();
        let mut reader = LineReader::new(&self.plan, columns, &self.guess.headers, builder, origins);
        self.read_table(&mut reader, split, progress)?;
        let lines = reader.finish();
        self.report(lines)
    }

    /// Where a large UTF-8 CSV file is split to read its parts at once (see `parts.rs`): the
    /// start of the line after its middle; `None` for any other file.
    pub fn part_split(&self) -> Option<Split<'a>> {
        match &self.table {
            Table::Csv { text, .. } if text.len() >= PART_BYTES && self.splits() => {
                middle_line(text).map(|at| Split::whole(at, text))
            }
            _ => None,
        }
    }

    /// The split at byte `start` of the file (a line start) when the text is only the file's
    /// head and `rest` the rest of its first part, to its byte `end` past the line after
    /// `start`, the part from `start` to its end, `size`, to be read elsewhere (see
    /// `import_first_part`); `None` when this file is not read in parts. Whether `start` is where
    /// a record starts is known once the first part is read to it (`Records::lines_before`).
    pub fn first_part_split(&self, start: u64, end: u64, size: u64, rest: Slices<'a>) -> Option<Split<'a>> {
        let Table::Csv { text, in_file: Some(offset), .. } = &self.table else { return None };
        let offset = *offset as u64;
        let at = usize::try_from(start.checked_sub(offset)?).ok()?;
        let (held, total) = (end.checked_sub(offset)?, size.checked_sub(offset)?);
        let within = at > 0 && (at as u64) < held && held >= text.len() as u64 && total >= held;
        // Past what the guess reads, the guess is the whole file's.
        let guessed_alike = text.len() > dialect::SAMPLE_BYTES;
        (within && guessed_alike && text.ends_with('\n') && self.splits()).then_some(Split {
            at,
            total,
            held,
            rest: Some(rest),
        })
    }

    /// Whether the file may be read in parts: a CSV text that is the file's bytes as they are,
    /// and no grouped report (filling the customer down carries a group from line to line).
    fn splits(&self) -> bool {
        matches!(self.table, Table::Csv { in_file: Some(_), .. }) && !self.plan.grouped
    }

    /// The part of the file from its byte `start` on, read with `columns` (those of all files
    /// imported), for another reader; `None` when this file is not read in parts.
    pub fn part_at(&self, start: u64, columns: &Columns) -> Option<Part> {
        match &self.table {
            Table::Csv { dialect, in_file: Some(offset), .. } if self.splits() && start > *offset as u64 => {
                Some(Part::new(start, &self.plan, columns, &self.guess.headers, *dialect))
            }
            _ => None,
        }
    }

    /// `read_into`, with the part of a CSV text from `split` (a `part_split` or
    /// `first_part_split`) read by `parts` at the same time, as the `file`-th file imported;
    /// without a split, or when `parts` has no reader, in one pass (of two halves on two threads
    /// natively, as `read_into`). `Ok(None)` when the text is only the file's first part and
    /// the part read elsewhere cannot be joined to it: then the file must be read whole.
    #[allow(clippy::too_many_arguments)]
    pub async fn read_into_parts<P: PartReader>(
        self,
        file: usize,
        builder: &mut LedgerBuilder,
        columns: &Columns,
        origins: &mut Origins,
        progress: &mut dyn FnMut(Progress) -> bool,
        parts: &P,
        split: Option<Split<'a>>,
    ) -> Result<Option<FileReport>, ImportError> {
        origins.start_file();
        let mut reader = LineReader::new(&self.plan, columns, &self.guess.headers, builder, origins);
        // Without a reader for the part, only a text held whole can be read here.
        let held_whole = split.as_ref().is_none_or(|split| split.total <= self.text_len());
        let later = match (&self.table, split) {
            (Table::Csv { text, dialect, in_file: Some(offset) }, Some(split)) => {
                let part = self.part_at((offset + split.at) as u64, columns);
                part.and_then(|part| parts.start(file, part)).map(|later| (text, *dialect, split, later))
            }
            _ => None,
        };
        match later {
            Some((text, dialect, split, later)) => {
                let csv = Csv { text, dialect, skip: self.plan.skip };
                if !csv.read_in_parts(split, later, columns, &mut reader, progress).await? {
                    return Ok(None);
                }
            }
            None if !held_whole => return Ok(None),
            None => self.read_table(&mut reader, &parallel_split, progress)?,
        }
        let lines = reader.finish();
        self.report(lines).map(Some)
    }

    /// The bytes of the CSV text held (0 for a sheet).
    fn text_len(&self) -> u64 {
        match &self.table {
            Table::Csv { text, .. } => text.len() as u64,
            Table::Sheet(_) => 0,
        }
    }

    /// Reads every record of the table into `reader`, a CSV text in two halves at once at the
    /// byte `split` chooses.
    fn read_table(
        &self,
        reader: &mut LineReader<'_>,
        split: &dyn Fn(&str) -> Option<usize>,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<(), ImportError> {
        // Filling the customer down carries a group from line to line, so a grouped report is
        // read in one pass.
        let split = if self.plan.grouped { &no_split } else { split };
        match &self.table {
            Table::Csv { text, dialect, .. } => read_csv(text, *dialect, self.plan.skip, split(text), reader, progress),
            Table::Sheet(sheet) => sheet.read(self.plan.skip, reader, progress),
        }
    }

    /// The file's report from what its lines gave; a file without a single data line is an error.
    fn report(self, lines: FileLines) -> Result<FileReport, ImportError> {
        let FileLines { lines, errors, totals, blank_lines, grouping } = lines;
        let report = FileReport { file: self.name, guess: self.guess, lines, errors, totals, blank_lines, grouping };
        if report.lines == 0 && report.errors.is_empty() && report.totals.is_empty() {
            return Err(ImportError::NoData.in_file(&report.file));
        }
        Ok(report)
    }
}

fn no_split(_: &str) -> Option<usize> {
    None
}

/// Where a CSV text is split for its later part to be read elsewhere (see `parts.rs`).
pub struct Split<'a> {
    /// The byte of the text where the later part starts (a line start).
    at: usize,
    /// The bytes of the whole text: more than `held` when the text is only the file's first
    /// part, which cannot then be read on here.
    total: u64,
    /// The bytes of the text that may be read here: the text held and `rest`.
    held: u64,
    /// The text's bytes after those held, handed over a slice at a time.
    rest: Option<Slices<'a>>,
}

impl Split<'_> {
    /// The split of a text held whole.
    fn whole(at: usize, text: &str) -> Split<'static> {
        let bytes = text.len() as u64;
        Split { at, total: bytes, held: bytes, rest: None }
    }
}

/// A CSV text to read, with the records before its first data record (title and header lines).
struct Csv<'t> {
    text: &'t str,
    dialect: Dialect,
    skip: usize,
}

impl Csv<'_> {
    /// Reads the records before the split into `reader` while `later` (the part from there on,
    /// read elsewhere) comes, then joins that part; reads on here instead when a record runs
    /// across the split or the part does not come. `false` when it cannot read on, the text
    /// being only the file's first part.
    async fn read_in_parts(
        &self,
        split: Split<'_>,
        later: impl Future<Output = Option<Vec<u8>>>,
        columns: &Columns,
        reader: &mut LineReader<'_>,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<bool, ImportError> {
        let Split { at, total, held, rest } = split;
        let text = self.text;
        // Room for the whole file's lines, the part's to be appended among them.
        reader.reserve(estimated_lines_in(text, total));
        let skip = self.skip + usize::from(self.dialect.sep_line);
        let mut records = match rest {
            Some(rest) => Records::streamed(text, rest, self.dialect),
            None => Records::new(text, self.dialect),
        };
        // This part's progress stands for both: the other is read at the same pace.
        let scaled = |byte: u64| (u128::from(byte) * u128::from(total) / (at as u128).max(1)) as u64;
        let mut report = |rows, byte| report_progress(rows, (scaled(byte).min(total), total), progress);
        let rows = read_records(&mut records, skip, at as u64, reader, &mut report)?;
        let joined = match records.lines_before(at).filter(|_| rows >= skip as u64) {
            Some(line_offset) => later.await.and_then(|bytes| {
                let read = PartRead::decode(&bytes, columns)?;
                reader.join(read.lines, read.origins, read.found, line_offset);
                Some(read.rows)
            }),
            None => None,
        };
        let rows = match joined {
            Some(later_rows) => rows + later_rows,
            None if total > held => return Ok(false),
            None => {
                let skip = skip.saturating_sub(rows as usize);
                let mut report = |rows, byte| report_progress(rows, (byte, total), progress);
                let rows = rows + read_records(&mut records, skip, total, reader, &mut report)?;
                // A streamed text that ended short, or was no UTF-8 after all, is read whole.
                if !records.is_whole(held) {
                    return Ok(false);
                }
                rows
            }
        };
        report_progress(rows, (total, total), progress)?;
        Ok(true)
    }
}

/// An override character that must be ASCII (the CSV reader works on bytes).
fn ascii(c: Option<char>, option: CharOption) -> Result<Option<u8>, ImportError> {
    match c {
        Some(c) if c.is_ascii() && c != '\n' && c != '\r' => Ok(Some(c as u8)),
        Some(value) => Err(ImportError::NotAscii { option, value }),
        None => Ok(None),
    }
}

/// The records of the first 64 KB (the last one only if the sample holds it whole).
fn csv_sample(text: &str, dialect: Dialect) -> Vec<SampleRow> {
    let sample = dialect::sample(text);
    let mut reader = dialect::reader(sample.as_bytes(), dialect);
    let mut record = csv::StringRecord::new();
    let mut rows = Vec::new();
    while rows.len() <= SAMPLE_ROWS && matches!(reader.read_record(&mut record), Ok(true)) {
        rows.push(SampleRow::of(line_of(&record, sample.as_bytes()), &record));
    }
    if sample.len() < text.len() || rows.len() > SAMPLE_ROWS {
        rows.pop();
    }
    if dialect.sep_line && !rows.is_empty() {
        rows.remove(0);
    }
    rows
}

/// The 1-based line where a record of `bytes` starts. The reader gives the position where it
/// began looking for the record, before any blank lines it skipped; those are counted here so
/// that every line number is the file's own.
fn line_of(record: &csv::StringRecord, bytes: &[u8]) -> u64 {
    let Some(position) = record.position() else { return 0 };
    let rest = bytes.get(position.byte() as usize..).unwrap_or_default();
    let blank = rest.iter().take_while(|&&b| b == b'\n' || b == b'\r').filter(|&&b| b == b'\n').count();
    position.line() + blank as u64
}

/// Files smaller than this are read on one thread: a second would not pay for starting.
const PARALLEL_BYTES: usize = 1 << 20;

/// Where a CSV text is split to read its halves at once: natively, in a large file, the start
/// of the line after the middle; nowhere in the browser (one thread) or in a small file.
fn parallel_split(text: &str) -> Option<usize> {
    let parallel = !cfg!(target_arch = "wasm32")
        && text.len() >= PARALLEL_BYTES
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    parallel.then(|| middle_line(text)).flatten()
}

/// The one pass over a CSV text: `skip` header records after an optional `sep=` line, in two
/// halves at once when `split` says where (see `read_halves`).
fn read_csv(
    text: &str,
    dialect: Dialect,
    skip: usize,
    split: Option<usize>,
    reader: &mut LineReader<'_>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<(), ImportError> {
    reader.reserve(estimated_lines(text));
    let skip = skip + usize::from(dialect.sep_line);
    let total = text.len() as u64;
    let rows = match split {
        Some(split) => read_halves(text, dialect, skip, split, reader, progress)?,
        None => read_records(&mut Records::new(text, dialect), skip, total, reader, &mut |rows, byte| {
            report_progress(rows, (byte, total), progress)
        })?,
    };
    report_progress(rows, (total, total), progress)
}

/// The lines of the whole text, estimated from its start (the columns are reserved for them),
/// with a sixteenth to spare: the lines of a text's start are often a little longer or shorter
/// than the rest's, one line too many doubles every column (at 1M lines the part worker's 40
/// MB of columns became 80), and room reserved but never written takes no memory (its pages
/// are never touched, in wasm as natively).
pub(super) fn estimated_lines(text: &str) -> usize {
    estimated_lines_in(text, text.len() as u64)
}

/// `estimated_lines` of `bytes` of text that starts with `text` (the first part of a file).
pub(super) fn estimated_lines_in(text: &str, bytes: u64) -> usize {
    let sample = dialect::sample(text);
    let lines = sample.bytes().filter(|&b| b == b'\n').count().max(1);
    // A start shorter than what the guess reads, and than the text, tells too little to go
    // by (a start of a few bytes would make as many lines as bytes): the columns grow instead.
    if sample.len() < dialect::SAMPLE_BYTES && (sample.len() as u64) < bytes {
        return lines;
    }
    let lines = usize::try_from(bytes).unwrap_or(usize::MAX).div_ceil(sample.len().max(1)).saturating_mul(lines);
    lines.saturating_add(lines / 16)
}

/// The start of the line after the middle of the text, if there is one.
fn middle_line(text: &str) -> Option<usize> {
    let middle = text.len() / 2;
    let newline = text.as_bytes().get(middle..)?.iter().position(|&b| b == b'\n')?;
    Some(middle + newline + 1).filter(|&split| split < text.len())
}

/// Reads the text in two halves at once: records from `split` on into a second builder on a
/// second thread, the others here, then joins them. This gives exactly what one pass gives as
/// long as a record ends at `split`. When one does not (`split` falls inside a quoted field
/// with a line break), the second half's work is thrown away and this thread reads on. Returns
/// the records read.
fn read_halves(
    text: &str,
    dialect: Dialect,
    skip: usize,
    split: usize,
    reader: &mut LineReader<'_>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<u64, ImportError> {
    let total = text.len() as u64;
    let stop = AtomicBool::new(false);
    let (mut later_builder, mut later_origins) = (reader.empty_builder(), Origins::default());
    let mut later = reader.sibling(&mut later_builder, &mut later_origins);
    later.reserve(estimated_lines(&text[split..]));
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let stopped = |_, _| if stop.load(Ordering::Relaxed) { Err(ImportError::Cancelled) } else { Ok(()) };
            read_records(&mut Records::within(&text[split..], dialect), 0, u64::MAX, &mut later, &mut { stopped })
                .map(|rows| (rows, later.into_found()))
        });
        let mut records = Records::new(text, dialect);
        let mut report = |rows, byte| report_progress(rows, (byte, total), progress);
        let first = read_records(&mut records, skip, split as u64, reader, &mut report).and_then(|rows| {
            let joined_at = records.lines_before(split).filter(|_| rows >= skip as u64);
            match joined_at {
                Some(lines) => Ok((rows, Some(lines))),
                None => {
                    stop.store(true, Ordering::Relaxed);
                    let skip = skip.saturating_sub(rows as usize);
                    read_records(&mut records, skip, total, reader, &mut report).map(|more| (rows + more, None))
                }
            }
        });
        if first.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        (first, second.join())
    });
    let second = second.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    match first? {
        (rows, Some(line_offset)) => {
            let (later_rows, found) = second?;
            reader.join(later_builder.into(), later_origins, found, line_offset);
            Ok(rows + later_rows)
        }
        (rows, None) => Ok(rows),
    }
}

/// Reads records into `reader`, the first `skip` of them not (title, header and `sep=` lines),
/// until the end of the text or until the next record starts at or after byte `end`. `progress(rows, byte)`
/// is called every few thousand records and may stop the reading. Returns the records read.
pub(super) fn read_records(
    records: &mut Records<'_>,
    skip: usize,
    end: u64,
    reader: &mut LineReader<'_>,
    progress: &mut dyn FnMut(u64, u64) -> Result<(), ImportError>,
) -> Result<u64, ImportError> {
    let mut rows = 0u64;
    while read_batch(records, skip, end, reader, &mut rows) {
        progress(rows, records.byte())?;
    }
    Ok(rows)
}

/// Reads the next `PROGRESS_EVERY` records as `read_records` does, counting them in `rows`;
/// false once the records to read have ended. A call of its own, not inlined: a browser first
/// compiles wasm quickly, then again optimised in the background, and a function's optimised
/// code serves only its calls made after it is ready; one call reading a whole file would run
/// in the quick code to its end, at about half the speed.
#[inline(never)]
fn read_batch(records: &mut Records<'_>, skip: usize, end: u64, reader: &mut LineReader<'_>, rows: &mut u64) -> bool {
    for _ in 0..PROGRESS_EVERY {
        if records.byte() >= end || records.only_breaks_to(end as usize) {
            return false;
        }
        let Some((line, record)) = records.next_record() else { return false };
        *rows += 1;
        if *rows > skip as u64 {
            reader.read(line, &record);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ledger::Ledger;

    /// Quoted line breaks, CRLF, a blank record, totals, errors, lines without a customer in the
    /// middle and at the end, and duplicates: every case the two halves must join exactly.
    const TRICKY: &str = "customer,date,amount,invoice,region\n\
        C1,2024-01-05,10.00,I1,North\n\
        C2,2024-01-06,\"1,234.50\",I2,\"South\nEast\"\r\n\
        ,2024-01-07,5.00,I3,North\n\
        C1,2024-01-05,10.00,I1,North\r\n\
        Total,,99.00,,\n\
        C3,not a date,7.00,I4,West\n\
        ,,,,\n\
        \n\
        C2,2024-01-06,\"1,234.50\",I2,\"South\nEast\"\n\
        C4,2024-03-01,-2.5,I5,North\n\
        ,2024-02-01,3.00,,\n\
        ,2024-02-02,4.00,,\n";

    fn read(text: &str, split: Option<usize>) -> (Ledger, FileReport, Origins) {
        let file = InputFile { name: "tricky.csv", bytes: text.as_bytes() };
        let opened = Opened::open(&file, &ImportOptions::default()).unwrap();
        let columns = super::super::lines::columns_of([opened.mapping()].into_iter());
        let (mut builder, mut origins) = (LedgerBuilder::new(columns.clone()), Origins::default());
        let report = opened.read_split(&mut builder, &columns, &mut origins, &mut |_| true, &|_| split).unwrap();
        (builder.finish(), report, origins)
    }

    /// Reads parts here, at once, from the whole file's bytes, as another worker would; or
    /// (`Answer::Nothing`, `Answer::Garbage`) fails, or sends what is no part read.
    struct HereAndNow<'b> {
        bytes: &'b [u8],
        answer: Answer,
        /// The part last asked for.
        asked: std::cell::RefCell<Option<Part>>,
    }

    impl HereAndNow<'_> {
        fn new(bytes: &[u8], answer: Answer) -> HereAndNow<'_> {
            HereAndNow { bytes, answer, asked: Default::default() }
        }
    }

    #[derive(Copy, Clone)]
    enum Answer {
        Read,
        Nothing,
        Garbage,
        /// A part read of no records: what joining a part of nothing gives.
        Empty,
    }

    impl PartReader for HereAndNow<'_> {
        type Read = std::future::Ready<Option<Vec<u8>>>;

        fn start(&self, _: usize, part: Part) -> Option<Self::Read> {
            *self.asked.borrow_mut() = Some(part.clone());
            let read = match self.answer {
                Answer::Read => {
                    // In slices of a few bytes, so that records and line ends fall across them.
                    let bytes = &self.bytes[part.start as usize..];
                    let slices = Box::new(bytes.chunks(7).map(<[u8]>::to_vec));
                    super::super::read_part(&part, bytes.len() as u64, slices)
                }
                Answer::Nothing => None,
                Answer::Garbage => Some(b"not a part".to_vec()),
                Answer::Empty => super::super::read_part(&part, 0, Box::new(std::iter::empty())),
            };
            Some(std::future::ready(read))
        }
    }

    /// The outcome of a future that is ready at once (every `HereAndNow` part is).
    fn now<T>(future: impl Future<Output = T>) -> T {
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        match std::pin::pin!(future).poll(&mut context) {
            std::task::Poll::Ready(value) => value,
            std::task::Poll::Pending => unreachable!("a HereAndNow part is ready at once"),
        }
    }

    fn read_in_parts(text: &str, split: usize, answer: Answer) -> (Ledger, FileReport, Origins) {
        let file = InputFile { name: "tricky.csv", bytes: text.as_bytes() };
        let opened = Opened::open(&file, &ImportOptions::default()).unwrap();
        let columns = super::super::lines::columns_of([opened.mapping()].into_iter());
        let (mut builder, mut origins) = (LedgerBuilder::new(columns.clone()), Origins::default());
        let parts = HereAndNow::new(text.as_bytes(), answer);
        let mut progress = |_| true;
        let split = Some(Split::whole(split, text.trim_start_matches('\u{feff}')));
        let reading = opened.read_into_parts(0, &mut builder, &columns, &mut origins, &mut progress, &parts, split);
        let report = now(reading).unwrap().expect("a whole text is read on here");
        (builder.finish(), report, origins)
    }

    fn assert_same(got: &(Ledger, FileReport, Origins), expected: &(Ledger, FileReport, Origins), case: &str) {
        let ((ledger, report, origins), (whole, whole_report, whole_origins)) = (got, expected);
        assert_eq!(report, whole_report, "{case}");
        assert_eq!(origins, whole_origins, "{case}");
        assert_same_ledger(ledger, whole, case);
    }

    /// The same lines, customers and attribute values, in the same order.
    fn assert_same_ledger(ledger: &Ledger, whole: &Ledger, case: &str) {
        assert_eq!(
            (ledger.customers(), ledger.dates(), ledger.amounts(), ledger.costs()),
            (whole.customers(), whole.dates(), whole.amounts(), whole.costs()),
            "{case}"
        );
        let keys = |l: &Ledger| l.all_customers().map(|c| l.customer_key(c).to_string()).collect::<Vec<_>>();
        assert_eq!(keys(ledger), keys(whole), "{case}");
        for a in whole.attributes() {
            let (h, w) = (ledger.attribute(a).unwrap(), whole.attribute(a).unwrap());
            let values =
                |c: &crate::engine::ledger::TextColumn| c.values().keys().map(str::to_string).collect::<Vec<_>>();
            assert_eq!((h.codes(), values(h)), (w.codes(), values(w)), "{case}");
        }
    }

    #[test]
    fn a_part_read_by_another_worker_joins_to_what_one_pass_reads_wherever_the_split_falls() {
        // A UTF-8 byte order mark moves every byte of the text three places on in the file.
        let with_bom = format!("\u{feff}{TRICKY}");
        for (text, start) in [(TRICKY, 0), (with_bom.as_str(), 3)] {
            let whole = read(text, None);
            for split in 1..TRICKY.len() {
                for answer in [Answer::Read, Answer::Nothing, Answer::Garbage] {
                    let got = read_in_parts(text, split, answer);
                    assert_same(&got, &whole, &format!("split at {split} after {start} bytes"));
                }
            }
        }
        // The part is joined, not read again here: an empty one leaves out the lines after the split.
        let split = TRICKY.find("C3,").unwrap();
        let (ledger, report, _) = read_in_parts(TRICKY, split, Answer::Empty);
        let (whole, whole_report, _) = read(TRICKY, None);
        assert_eq!((ledger.len(), report.totals.len()), (3, 1));
        assert_eq!((whole.len(), whole_report.totals.len()), (5, 3));
    }

    /// `import_first_part` of the file's first `end` bytes, the part from `start` read by
    /// `parts`: its head held as the worker holds it (twice what the guess reads, to a line
    /// break), the rest of the first part handed over in slices of a few bytes.
    fn import_first(text: &str, start: usize, end: usize, parts: &HereAndNow) -> Option<super::super::Imported> {
        let head_end = text[..end.min(2 * super::super::SAMPLE_BYTES)].rfind('\n').map_or(0, |i| i + 1);
        let head = InputFile { name: "tricky.csv", bytes: &text.as_bytes()[..head_end] };
        let rest = Box::new(text.as_bytes()[head_end..end].chunks(7).map(<[u8]>::to_vec));
        let (start, end, size) = (start as u64, end as u64, text.len() as u64);
        let first = super::super::FirstPart { head, rest, start, end, size };
        let (options, keep) = (ImportOptions::default(), super::super::Keep::Everything);
        now(super::super::import_first_part(first, &options, keep, parts, &mut |_| true)).unwrap()
    }

    fn import_whole(text: &str) -> super::super::Imported {
        super::super::import_bytes("tricky.csv", text.as_bytes(), &ImportOptions::default(), &mut |_| true).unwrap()
    }

    fn assert_same_import(got: &super::super::Imported, whole: &super::super::Imported, case: &str) {
        assert_eq!(got.report, whole.report, "{case}");
        assert_same_ledger(&got.ledger, &whole.ledger, case);
    }

    #[test]
    fn a_first_part_held_alone_joins_to_what_one_pass_reads_or_the_file_is_read_whole() {
        // Lines enough after the tricky ones for a first part to reach past what the guess reads.
        let padding = "C9,2024-05-05,1.00,I9,North\n".repeat(3000);
        let padded = format!("{TRICKY}{padding}");
        let with_bom = format!("\u{feff}{padded}");
        for text in [padded.as_str(), with_bom.as_str()] {
            let whole = import_whole(text);
            let line_starts = text.match_indices('\n').map(|(i, _)| i + 1).collect::<Vec<_>>();
            let (tricky, ends) = line_starts.split_at(TRICKY.matches('\n').count() + 1);
            let ends = ends.iter().filter(|&&end| end > super::super::SAMPLE_BYTES).step_by(1000);
            for (&start, &end) in tricky.iter().flat_map(|start| ends.clone().map(move |end| (start, end))) {
                // A line break inside quotes starts no record: the part cannot be joined there.
                let in_quotes = text[..start].matches('"').count() % 2 == 1;
                for answer in [Answer::Read, Answer::Nothing, Answer::Garbage] {
                    let case = format!("part from {start}, first part to {end}");
                    match import_first(text, start, end, &HereAndNow::new(text.as_bytes(), answer)) {
                        Some(imported) => {
                            assert!(matches!(answer, Answer::Read) && !in_quotes, "{case}");
                            assert_same_import(&imported, &whole, &case);
                        }
                        None => assert!(!matches!(answer, Answer::Read) || in_quotes, "{case}"),
                    }
                }
            }
            // A split inside a line is not joined (the file is read whole, or read on when the
            // first part is all of it); a first part that does not reach past the split, or no
            // further than the guess reads, is refused.
            let start = text.find("C3,").unwrap();
            let past_the_guess = *ends.clone().next().unwrap();
            let refused =
                [(start + 1, past_the_guess), (start, start), (start, text[..start + 40].rfind('\n').unwrap() + 1)];
            let parts = || HereAndNow::new(text.as_bytes(), Answer::Read);
            for (start, end) in refused {
                assert!(import_first(text, start, end, &parts()).is_none(), "from {start} to {end}");
            }
            let read_on = import_first(text, start + 1, text.len(), &parts()).unwrap();
            assert_same_import(&read_on, &whole, "a split inside a line, the first part all of the file");
        }
    }

    #[test]
    fn the_part_asked_from_the_head_of_a_large_file_is_the_one_its_first_part_asks_for() {
        let mut text = String::from("customer,date,amount,invoice,region\n");
        for i in 0..20_000 {
            let region = if i % 7 == 0 { "\"South\nEast\"" } else { "North" };
            text += &format!(
                "C{},2024-{:02}-{:02},{}.{:02},I{i},{region}\n",
                i % 300,
                i % 12 + 1,
                i % 28 + 1,
                i % 900,
                i % 100
            );
        }
        let whole = import_whole(&text);
        let middle = text.len() / 2;
        let starts = text[middle..].match_indices('\n').map(|(i, _)| middle + i + 1).take(3).collect::<Vec<_>>();
        let head_end = text[..2 * super::super::SAMPLE_BYTES].rfind('\n').unwrap() + 1;
        let head = InputFile { name: "tricky.csv", bytes: &text.as_bytes()[..head_end] };
        let options = ImportOptions::default();
        for start in &starts[..2] {
            let parts = HereAndNow::new(text.as_bytes(), Answer::Read);
            let asked = super::super::first_part_of(&head, *start as u64, &options, super::super::Keep::Everything);
            let imported = import_first(&text, *start, starts[2], &parts);
            assert!(asked.is_some());
            assert_eq!(*parts.asked.borrow(), asked);
            match imported {
                Some(imported) => assert_same_import(&imported, &whole, "a large file"),
                // Only a split inside a quoted line break is not joined.
                None => assert!(text[..*start].matches('"').count() % 2 == 1),
            }
        }
    }

    #[test]
    fn totals_per_period_are_read_in_one_pass_not_split_at_an_offset_of_another_text() {
        // Large enough that the ledger lines made of it are over the size read in parts.
        let mut file = String::from("customer,period,revenue,lines\n");
        for i in 0..200_000 {
            file += &format!("C{},{},{}.00,1\n", i % 5000, 2020 + i % 5, i % 700 + 1);
        }
        let bytes = file.as_bytes();
        let (options, keep) = (ImportOptions::default(), super::super::Keep::Everything);
        let files = [InputFile { name: "t.csv", bytes }];
        let whole = super::super::import_files(&files, &options, &mut |_| true).unwrap();
        // The part reader reads from the file's own bytes, as the part worker reads the `File`.
        let parts = HereAndNow::new(bytes, Answer::Read);
        let in_parts = now(super::super::import_files_in_parts(&files, &options, keep, &parts, &mut |_| true));
        assert_same_import(&in_parts.unwrap(), &whole, "totals per period");
        assert_eq!(*parts.asked.borrow(), None);
        assert_eq!(whole.ledger.len(), 200_000);
    }

    #[test]
    fn the_lines_of_a_text_are_estimated_from_its_start_only_when_that_tells_enough() {
        let line = "C1,2024-01-05,10.00,I1,North\n";
        let start = line.repeat(dialect::SAMPLE_BYTES / line.len() + 10);
        // The guess's 65,536 bytes hold 2,259 line breaks of 29-byte lines (2,259 x 29 = 65,511),
        // and stand for every 65,536 bytes of the text: 22,590, and a sixteenth (1,411) to spare.
        assert_eq!(estimated_lines_in(&start, 10 * dialect::SAMPLE_BYTES as u64), 24_001);
        // A whole short text is its own sample; a few bytes of a long one are not.
        assert_eq!(estimated_lines_in(&line.repeat(3), 3 * line.len() as u64), 3);
        assert_eq!(estimated_lines_in(&line[..7], 500_000_000), 1);
        assert_eq!(estimated_lines_in("", 500_000_000), 1);
    }

    #[test]
    fn two_halves_read_exactly_what_one_pass_reads_wherever_the_split_falls() {
        let (whole, report, origins) = read(TRICKY, None);
        assert_eq!((whole.len(), report.errors.len(), report.totals.len(), report.blank_lines), (5, 2, 3, 1));
        for split in 1..TRICKY.len() {
            let (halves, halves_report, halves_origins) = read(TRICKY, Some(split));
            assert_eq!(halves_report, report, "split at {split}");
            assert_eq!(halves_origins, origins, "split at {split}");
            assert_eq!(
                (halves.customers(), halves.dates(), halves.amounts()),
                (whole.customers(), whole.dates(), whole.amounts())
            );
            let keys = |l: &Ledger| l.all_customers().map(|c| l.customer_key(c).to_string()).collect::<Vec<_>>();
            assert_eq!(keys(&halves), keys(&whole));
            for a in whole.attributes() {
                let (h, w) = (halves.attribute(a).unwrap(), whole.attribute(a).unwrap());
                assert_eq!(
                    (h.codes(), h.values().keys().collect::<Vec<_>>()),
                    (w.codes(), w.values().keys().collect::<Vec<_>>())
                );
            }
        }
    }
}
