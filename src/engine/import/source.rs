//! An opened file: its decoded text or sheet, the guess, and the one pass that reads its
//! lines into the ledger.

use super::dialect::{self, Dialect};
use super::duplicates::Origins;
use super::encoding;
use super::guess::{self, Guess, SourceInfo};
use super::lines::{LineReader, Plan};
use super::mapping::Mapping;
use super::workbook::{self, Sheet};
use super::{FileReport, ImportError, ImportOptions, InputFile, Preview, Progress};
use crate::engine::date::Day;
use crate::engine::ledger::{Columns, LedgerBuilder};
use std::borrow::Cow;

/// Rows kept from the start of a file for guessing and the preview.
const SAMPLE_ROWS: usize = 1000;
/// Rows between two progress reports.
pub const PROGRESS_EVERY: u64 = 16 * 1024;

/// One cell as the file gives it.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(&'a str),
    /// A workbook's number cell.
    Number(f64),
    /// A workbook's date cell.
    Date(Day),
}

impl<'a> Cell<'a> {
    /// The cell as text: text trimmed, numbers in their shortest exact form (`12.5`), dates ISO.
    pub fn text(self) -> Cow<'a, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(text) => Cow::Borrowed(text.trim()),
            Cell::Number(number) => Cow::Owned(number.to_string()),
            Cell::Date(day) => Cow::Owned(day.to_string()),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// Whether the file gave the value a type (so its text needs no format guessing).
    pub fn is_typed(&self) -> bool {
        matches!(self, Cell::Number(_) | Cell::Date(_))
    }
}

/// A record of cells (a CSV record or a sheet row).
pub trait Row {
    fn width(&self) -> usize;
    /// The cell in a 0-based column; `Cell::Empty` past the end of the row.
    fn cell(&self, column: usize) -> Cell<'_>;

    fn is_blank(&self) -> bool {
        (0..self.width()).all(|c| self.cell(c).is_blank())
    }
}

impl Row for csv::StringRecord {
    fn width(&self) -> usize {
        self.len()
    }

    fn cell(&self, column: usize) -> Cell<'_> {
        self.get(column).map_or(Cell::Empty, Cell::Text)
    }

    fn is_blank(&self) -> bool {
        // All fields at once: ASCII spaces only (a cell of no-break spaces is not blank here).
        self.as_slice().bytes().all(|b| b.is_ascii_whitespace())
    }
}

/// A row from the start of a file, as text.
#[derive(Clone, Debug)]
pub struct SampleRow {
    pub line: u64,
    pub cells: Vec<String>,
    /// Per cell: whether the file typed it (workbook numbers and dates).
    pub typed: Vec<bool>,
}

impl SampleRow {
    pub fn of(line: u64, row: &(impl Row + ?Sized)) -> SampleRow {
        let cells = (0..row.width()).map(|c| row.cell(c));
        SampleRow {
            line,
            typed: cells.clone().map(|c| c.is_typed()).collect(),
            cells: cells.map(|c| c.text().into_owned()).collect(),
        }
    }

    /// The text of an untyped cell, for format guessing.
    pub fn untyped_text(&self, column: usize) -> Option<&str> {
        let typed = self.typed.get(column).copied().unwrap_or(false);
        self.cells.get(column).filter(|_| !typed).map(String::as_str)
    }
}

enum Table<'a> {
    Csv { text: Cow<'a, str>, dialect: Dialect },
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
            let dialect = dialect::sniff(&text, ascii(options.delimiter, "delimiter")?, ascii(options.quote, "quote")?);
            let sample = csv_sample(&text, dialect);
            let info = SourceInfo::csv(decoded.encoding.name(), decoded.bom, dialect);
            (Table::Csv { text, dialect }, info, sample)
        };
        if sample.iter().all(|row| row.cells.iter().all(|c| c.trim().is_empty())) {
            return Err(ImportError::Empty);
        }
        let (guess, plan, sample) = guess::guess(info, sample, options)?;
        Ok(Opened { name: file.name.to_string(), table, guess, plan, sample })
    }

    pub fn mapping(&self) -> &Mapping {
        &self.plan.mapping
    }

    /// Refuses a file whose required fields have no column.
    pub fn check_required(&self) -> Result<(), ImportError> {
        match self.guess.missing.first() {
            Some(field) => {
                let headers = self.guess.headers.clone();
                Err(ImportError::MissingField { field: field.name().to_string(), headers }.in_file(&self.name))
            }
            None => Ok(()),
        }
    }

    pub fn preview(self, rows: usize) -> Preview {
        let rows = self.sample.into_iter().take(rows).map(|r| (r.line, r.cells)).collect();
        Preview { guess: self.guess, rows }
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
        origins.start_file();
        let headers = self.guess.headers.clone();
        let mut reader = LineReader::new(&self.plan, columns, &headers, builder, origins);
        let skip = usize::from(self.plan.has_header);
        match &self.table {
            Table::Csv { text, dialect } => read_csv(text, *dialect, skip, &mut reader, progress)?,
            Table::Sheet(sheet) => sheet.read(skip, &mut reader, progress)?,
        }
        let report = reader.finish(self.name, self.guess);
        if report.lines == 0 && report.errors.is_empty() && report.totals.is_empty() {
            return Err(ImportError::NoData.in_file(&report.file));
        }
        Ok(report)
    }
}

/// An override character that must be ASCII (the CSV reader works on bytes).
fn ascii(c: Option<char>, what: &str) -> Result<Option<u8>, ImportError> {
    match c {
        Some(c) if c.is_ascii() && c != '\n' && c != '\r' => Ok(Some(c as u8)),
        Some(c) => Err(ImportError::BadOption(format!("the {what} must be a single ASCII character, not '{c}'"))),
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
        rows.push(SampleRow::of(line_of(&record), &record));
    }
    if sample.len() < text.len() || rows.len() > SAMPLE_ROWS {
        rows.pop();
    }
    if dialect.sep_line && !rows.is_empty() {
        rows.remove(0);
    }
    rows
}

/// The 1-based line where a record starts.
fn line_of(record: &csv::StringRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
}

/// The one pass over a CSV text: `skip` header records after an optional `sep=` line.
fn read_csv(
    text: &str,
    dialect: Dialect,
    skip: usize,
    reader: &mut LineReader<'_>,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<(), ImportError> {
    let mut csv = dialect::reader(text.as_bytes(), dialect);
    // A `StringRecord` checks UTF-8 once per record, so cells are read as `str` for free; the
    // text is valid UTF-8 and ASCII delimiters never split a character, so the check never fails.
    let mut record = csv::StringRecord::new();
    let skip = skip + usize::from(dialect.sep_line);
    let mut rows = 0u64;
    let total = text.len() as u64;
    // A malformed record (only possible on I/O errors for an in-memory reader) ends the file.
    while let Ok(true) = csv.read_record(&mut record) {
        rows += 1;
        if rows > skip as u64 {
            reader.read(line_of(&record), &record);
        }
        if rows % PROGRESS_EVERY == 0 {
            report_progress(rows, (csv.position().byte(), total), progress)?;
        }
    }
    report_progress(rows, (total, total), progress)
}

/// Tells the caller how far the file is read; `Err(Cancelled)` when the caller says stop.
pub fn report_progress(rows: u64, bytes: (u64, u64), progress: &mut dyn FnMut(Progress) -> bool) -> Result<(), ImportError> {
    if progress(Progress { file: 0, rows, bytes_read: bytes.0, bytes_total: bytes.1 }) {
        Ok(())
    } else {
        Err(ImportError::Cancelled)
    }
}
