//! Ledger import: whatever an accounting or CRM system exports (CSV in any common dialect and
//! encoding, or a workbook) into the columnar `Ledger`, in one pass, with a report of every line
//! that could not be read. The rules users see are in docs/import.md.
//!
//! Flow: `open` decodes the file and guesses its dialect, mapping and formats from the first
//! 64 KB (`Guess`); the user may override any of it (`ImportOptions`); `import_files` then reads
//! every line once into a `LedgerBuilder`.
//!
//! Layers, each using only those below it (and the plain data types of this file):
//! 1. `row` (cells, rows, sample rows), `progress`, `error`;
//! 2. the readers of one format each: `dates`, `number`, `encoding`, `dialect`, `mapping`;
//! 3. `duplicates` (where each line came from, and the lines that repeat), `records` (a CSV
//!    text's records, unquoted lines split without the csv parser);
//! 4. `lines` (a record into a ledger line, row errors or a total);
//! 5. `guess` (the plan the lines are read with), `workbook` (a sheet's rows into the lines);
//! 6. `source` (opening a file, the one pass over it, its `FileReport`), used only here, and
//!    `parts` (the later part of a large file read by another worker, and joined).
//!
//! This file holds the shared data (options, reports) and the entry points. Problems are data
//! (`ErrorKind`, `ImportNote`, `ImportError`): `Display` words them for the CLI, with its flags;
//! `i18n::import` words them for the app.

mod dates;
mod dialect;
mod duplicates;
mod encoding;
mod error;
mod export;
mod guess;
mod lines;
mod mapping;
mod number;
mod parts;
mod progress;
mod records;
mod row;
mod source;
mod workbook;

pub use dates::{DateDoubt, DateFormat};
pub use dialect::SAMPLE_BYTES;
pub use duplicates::{append, DuplicateLine, Duplicates};
pub use error::{CharOption, ImportError};
pub use export::{write_error_report, write_ledger_csv, write_table_csv, write_test_ledger};
pub use guess::{FileFormat, Guess, ImportNote, SourceInfo, TitleLines};
pub use lines::{ErrorKind, GroupSum, Grouping, RowError, TotalRow};
pub use mapping::{header_signature, normalize as normalize_header, ColumnRef, MappedField, MappingSource};
pub use number::{NumberFormat, NumberProblem};
pub use parts::{read_part, split_file, FileSplit, Part, PartReader, PART_BYTES};
pub use progress::Progress;
pub use records::{SliceSource, Slices};
pub use workbook::{is_workbook, Sheet};

use crate::engine::ledger::{Columns, Field, Ledger, LedgerBuilder};
use crate::engine::period::YearStart;
use crate::engine::summary::Summary;
use crate::engine::warehouse::aggregate;
use serde::{Deserialize, Serialize};
use source::Opened;
use std::borrow::Cow;

/// The user's overrides; everything left `None` is detected.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// An encoding label such as `utf-8`, `utf-16le`, `windows-1252` or `latin1`.
    pub encoding: Option<String>,
    /// `,`, `;`, tab, `|` or any other ASCII character.
    pub delimiter: Option<char>,
    pub quote: Option<char>,
    /// `.` or `,`.
    pub decimal_mark: Option<char>,
    pub thousands_separator: Option<char>,
    pub date_format: Option<DateFormat>,
    pub has_header: Option<bool>,
    /// The workbook sheet to read (default: the first).
    pub sheet: Option<String>,
    /// Fields the user mapped: to a column, or (`None`) to no column at all.
    pub mapping: Vec<(Field, Option<ColumnRef>)>,
    /// Leave out lines that repeat an earlier line exactly (default: keep them, since two
    /// identical invoice lines can be real).
    pub drop_duplicates: bool,
    /// The year start the periods of a `clientele_customer_period` file begin on (the one its
    /// script was made with; docs/warehouse.md). Ledgers of single lines ignore it.
    pub period_year_start: YearStart,
}

/// One file to import.
#[derive(Copy, Clone, Debug)]
pub struct InputFile<'a> {
    /// The file's name: its extension helps tell workbooks from text, and reports name it.
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// What an import tells the user about one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub file: String,
    pub guess: Guess,
    /// Lines imported into the ledger.
    pub lines: usize,
    /// Lines that could not be read (not imported), in file order.
    pub errors: Vec<RowError>,
    /// Total and subtotal lines, recognised and left out.
    pub totals: Vec<TotalRow>,
    /// Lines with no value at all, skipped.
    pub blank_lines: usize,
    /// What filling the customer down did, when the file is a grouped report.
    pub grouping: Option<Grouping>,
}

impl FileReport {
    /// Subtotal rows of a grouped report.
    pub fn subtotals(&self) -> impl Iterator<Item = &TotalRow> {
        self.totals.iter().filter(|t| t.group.is_some())
    }

    /// Total rows that close no group (a grand total, a flat file's total lines).
    pub fn grand_totals(&self) -> impl Iterator<Item = &TotalRow> {
        self.totals.iter().filter(|t| t.group.is_none())
    }
}

/// Everything about an import except the ledger itself: what crosses the worker boundary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub duplicates: Duplicates,
    pub summary: Summary,
    /// The files were totals per customer and period (`clientele_customer_period`) with periods
    /// starting on this day: each row is one line on its period's first day.
    #[serde(default)]
    pub period_totals: Option<YearStart>,
}

impl ImportReport {
    pub fn error_count(&self) -> usize {
        self.files.iter().map(|f| f.errors.len()).sum()
    }
}

/// An imported ledger and its report. The caller decides: keep the valid lines, or cancel.
#[derive(Clone, Debug)]
pub struct Imported {
    pub ledger: Ledger,
    pub report: ImportReport,
}

/// The guess and the first rows as text, for the preview and override screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub guess: Guess,
    /// The first data rows: (line number, cells).
    pub rows: Vec<(u64, Vec<String>)>,
    /// Whether the file is totals per period (`clientele_customer_period`): then the preview asks
    /// the year start its periods were made with (`ImportOptions::period_year_start`).
    #[serde(default)]
    pub period_totals: bool,
}

/// Imports one file; see `import_files`.
pub fn import_bytes(
    file_name: &str,
    bytes: &[u8],
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported, ImportError> {
    import_files(&[InputFile { name: file_name, bytes }], options, progress)
}

/// Imports several files (e.g. years exported separately) into one ledger, each with its own
/// guess. `progress` is called every few thousand rows; returning `false` cancels the import.
/// Required fields must be mapped in every file; optional ones mapped in some files are empty
/// on the other files' lines.
pub fn import_files(
    files: &[InputFile<'_>],
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported, ImportError> {
    import_files_keeping(files, options, Keep::Everything, progress)
}

/// What an import keeps of every line besides its customer, date and amount.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Keep {
    /// Every mapped field, and the duplicates looked for: the workspace's ledger.
    #[default]
    Everything,
    /// The figures: cost and the customers' names, but no quantity (it is still read, so a line
    /// with an unreadable one is an error as before) and no text attribute (invoice, product,
    /// rep, ...), which is what interning costs most; the duplicates are not looked for
    /// (`ImportReport::duplicates` is empty) unless `drop_duplicates` asks to leave them out, which
    /// needs every field, so then everything is kept. The lines are the same as with `Everything`
    /// (a text attribute never makes a line an error), so are the errors, totals and analyses
    /// that read no attribute: what `clientele analyze` asks for.
    Figures,
}

/// `import_files`, keeping what `keep` says of every line.
pub fn import_files_keeping(
    files: &[InputFile<'_>],
    options: &ImportOptions,
    keep: Keep,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported, ImportError> {
    let read = PeriodTotals::of(files, options)?;
    let (opened, mut import) = Import::open(&read, keep)?;
    let mut reports = Vec::with_capacity(opened.len());
    for (index, file) in opened.into_iter().enumerate() {
        let mut file_progress = |p: Progress| progress(Progress { file: index, ..p });
        let Import { builder, columns, origins, .. } = &mut import;
        reports.push(file.read_into(builder, columns, origins, &mut file_progress)?);
    }
    import.finish(reports, &read)
}

/// `import_files_keeping`, with the later part of each large UTF-8 CSV file read by `parts`
/// (another worker, in the browser) while this one reads the first: the same ledger and
/// report, line numbers and errors included (see `parts.rs`).
pub async fn import_files_in_parts(
    files: &[InputFile<'_>],
    options: &ImportOptions,
    keep: Keep,
    parts: &impl PartReader,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Imported, ImportError> {
    let read = PeriodTotals::of(files, options)?;
    let (opened, mut import) = Import::open(&read, keep)?;
    let mut reports = Vec::with_capacity(opened.len());
    for (index, file) in opened.into_iter().enumerate() {
        let mut file_progress = |p: Progress| progress(Progress { file: index, ..p });
        let Import { builder, columns, origins, .. } = &mut import;
        let split = file.part_split();
        let report = file.read_into_parts(index, builder, columns, origins, &mut file_progress, parts, split).await?;
        // The text is whole, so the file is read on here when the part cannot be joined.
        reports.push(report.ok_or(ImportError::NoData)?);
    }
    import.finish(reports, &read)
}

/// The part from byte `start` on (a line start) of a large file imported alone, as
/// `import_first_part` will ask `parts` for it, from `head`, the file's first bytes (at
/// least what the guess reads, `SAMPLE_BYTES`, and a line more): so that the part can be read
/// before the first part has been. `None` when the file would not be read in parts.
pub fn first_part_of(head: &InputFile<'_>, start: u64, options: &ImportOptions, keep: Keep) -> Option<Part> {
    let read = PeriodTotals::of(std::slice::from_ref(head), options).ok()?;
    let (opened, import) = Import::open(&read, keep).ok()?;
    opened.first()?.part_at(start, &import.columns)
}

/// The first part of one large file, read here while the part after it is read by another
/// reader (`import_first_part`).
pub struct FirstPart<'a> {
    /// The file's first bytes, to a line break: at least what the guess reads (`SAMPLE_BYTES`)
    /// and a line more.
    pub head: InputFile<'a>,
    /// The first part's bytes after the head, to `end`, a slice at a time: so that only the
    /// slice being read is held.
    pub rest: Slices<'a>,
    /// Where the part read elsewhere starts (a line start).
    pub start: u64,
    /// Where the first part ends: past the line break after the line at `start` (the importer
    /// needs to see past the split).
    pub end: u64,
    /// The file's bytes.
    pub size: u64,
}

/// `import_files_in_parts` for one large file of which this side reads only the first part,
/// the part from `first.start` to its end read by `parts` (which may have been asked for it
/// ahead, `first_part_of`). The same ledger and report as the whole file's; `Ok(None)` when the
/// file must be read whole after all: a record runs across `start`, the part could not be read
/// or joined, the first part could not be read or is no UTF-8, or the file is not one read in
/// parts.
pub async fn import_first_part(
    first: FirstPart<'_>,
    options: &ImportOptions,
    keep: Keep,
    parts: &impl PartReader,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Option<Imported>, ImportError> {
    let FirstPart { head, rest, start, end, size } = first;
    let read = PeriodTotals::of(std::slice::from_ref(&head), options)?;
    let (opened, mut import) = Import::open(&read, keep)?;
    let Some(file) = opened.into_iter().next() else { return Ok(None) };
    let Some(split) = file.first_part_split(start, end, size, rest) else { return Ok(None) };
    let Import { builder, columns, origins, .. } = &mut import;
    match file.read_into_parts(0, builder, columns, origins, progress, parts, Some(split)).await? {
        Some(report) => import.finish(vec![report], &read).map(Some),
        None => Ok(None),
    }
}

/// An import under way: the ledger being built from the opened files.
struct Import {
    builder: LedgerBuilder,
    columns: Columns,
    origins: duplicates::Origins,
    /// Only the figures are kept (`Keep::Figures`, duplicates not looked for).
    figures: bool,
}

impl Import {
    /// Opens every file (each with its guess) and checks their required fields.
    fn open<'a>(read: &'a PeriodTotals<'_>, keep: Keep) -> Result<(Vec<Opened<'a>>, Import), ImportError> {
        let options = &read.options;
        let opened = read
            .files
            .iter()
            .map(|(name, bytes)| {
                // Totals per period are read from the ledger lines made of them: their text's
                // bytes are not the file's (see `Opened::made_from_file`).
                let opened = Opened::open(&InputFile { name, bytes }, options)?;
                Ok(if matches!(bytes, Cow::Owned(_)) { opened.made_from_file() } else { opened })
            })
            .collect::<Result<Vec<_>, _>>()?;
        for file in &opened {
            file.check_required()?;
        }
        let mut columns = lines::columns_of(opened.iter().map(Opened::mapping));
        let figures = keep == Keep::Figures && !options.drop_duplicates;
        if figures {
            columns.attributes.clear();
            columns.quantity = false;
        }
        let builder = LedgerBuilder::new(columns.clone());
        Ok((opened, Import { builder, columns, origins: duplicates::Origins::default(), figures }))
    }

    /// The ledger and report once every file is read: duplicates found, the summary made.
    fn finish(self, reports: Vec<FileReport>, read: &PeriodTotals<'_>) -> Result<Imported, ImportError> {
        let ledger = self.builder.try_finish().map_err(ImportError::Money)?;
        let (ledger, duplicates) = if self.figures {
            (ledger, Duplicates::default())
        } else {
            duplicates::detect(ledger, &self.origins, &reports, read.options.drop_duplicates)?
        };
        let summary = Summary::of(&ledger);
        let period_totals = read.totals.then_some(read.options.period_year_start);
        Ok(Imported { ledger, report: ImportReport { files: reports, duplicates, summary, period_totals } })
    }
}

/// The files as the importer reads them: a `clientele_customer_period` file with its periods
/// turned into their first days (`warehouse::aggregate`), and the mapping of its columns added.
struct PeriodTotals<'a> {
    files: Vec<(&'a str, Cow<'a, [u8]>)>,
    options: ImportOptions,
    /// Whether the files are totals per period.
    totals: bool,
}

impl<'a> PeriodTotals<'a> {
    fn of(files: &[InputFile<'a>], options: &ImportOptions) -> Result<PeriodTotals<'a>, ImportError> {
        let delimiters: Vec<Option<u8>> = files.iter().map(|f| aggregate::customer_period_delimiter(f.bytes)).collect();
        let mut options = options.clone();
        if delimiters.iter().all(Option::is_none) {
            let files = files.iter().map(|f| (f.name, Cow::Borrowed(f.bytes))).collect();
            return Ok(PeriodTotals { files, options, totals: false });
        }
        if let Some(ledger) = delimiters.iter().position(Option::is_none) {
            return Err(ImportError::MixedPeriodTotals.in_file(files[ledger].name));
        }
        let mut read = Vec::with_capacity(files.len());
        let mut has_costs = false;
        for (file, delimiter) in files.iter().zip(delimiters.into_iter().flatten()) {
            let totals = aggregate::as_ledger(file.bytes, delimiter, options.period_year_start)
                .map_err(|e| ImportError::BadPeriod { line: e.line, value: e.value }.in_file(file.name))?;
            has_costs |= totals.has_costs;
            read.push((file.name, Cow::Owned(totals.bytes)));
        }
        // Revenue is the amount; lines is no field; an empty cost column is no cost column.
        options.mapping.push((Field::Amount, Some(ColumnRef::parse("revenue"))));
        options.mapping.push((Field::Quantity, None));
        if !has_costs {
            options.mapping.push((Field::Cost, None));
        }
        Ok(PeriodTotals { files: read, options, totals: true })
    }
}

/// The guess for a file and its first `rows` data rows (at most what the first 64 KB hold),
/// without importing it. Unmapped required fields are listed in `Guess::missing`, not errors.
pub fn preview(file_name: &str, bytes: &[u8], options: &ImportOptions, rows: usize) -> Result<Preview, ImportError> {
    let read = PeriodTotals::of(&[InputFile { name: file_name, bytes }], options)?;
    let (name, bytes) = &read.files[0];
    let opened = Opened::open(&InputFile { name, bytes }, &read.options)?;
    Ok(Preview { period_totals: read.totals, ..opened.preview(rows) })
}

/// The names `--map` and the mapping screen use for the fields (method.md §1).
pub fn field_names() -> impl Iterator<Item = &'static str> {
    Field::ALL.into_iter().map(Field::name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ledger::OptionalColumn;
    use crate::engine::money::Money;

    /// Line 2 and line 5 are the same line; line 3 has no date, line 4 an unreadable quantity;
    /// line 6 is a total. So 2 lines are imported (both C1, 10.00 with a cost of 4.00), 2 errors
    /// (lines 3 and 4), 1 total, and line 5 repeats line 2.
    const FILE: &str = "customer,date,amount,invoice,region,quantity,cost\n\
                        C1,2024-01-05,10.00,I1,North,2,4.00\n\
                        C2,not a date,3.00,I2,South,1,\n\
                        C2,2024-01-06,7.50,I3,South,x,1.00\n\
                        C1,2024-01-05,10.00,I1,North,2,4.00\n\
                        Total,,20.00,,,,\n";

    fn import(keep: Keep, drop_duplicates: bool) -> Imported {
        let options = ImportOptions { drop_duplicates, ..ImportOptions::default() };
        let file = InputFile { name: "f.csv", bytes: FILE.as_bytes() };
        import_files_keeping(&[file], &options, keep, &mut |_| true).unwrap()
    }

    #[test]
    fn keeping_the_figures_reads_the_same_lines_errors_and_totals_without_the_text_attributes() {
        let (everything, figures) = (import(Keep::Everything, false), import(Keep::Figures, false));
        assert_eq!(figures.report.files, everything.report.files);
        let errors: Vec<u64> = figures.report.files[0].errors.iter().map(|e| e.line).collect();
        assert_eq!((figures.report.files[0].lines, errors, figures.report.files[0].totals.len()), (2, vec![3, 4], 1));
        let cents = |l: &Ledger| l.amounts().iter().map(|a| a.cents()).collect::<Vec<_>>();
        assert_eq!((cents(&figures.ledger), cents(&everything.ledger)), (vec![1000, 1000], vec![1000, 1000]));
        let four = Some(Money::from_cents(400));
        fn cells<T: Copy + Default>(column: &OptionalColumn<T>) -> Vec<Option<T>> {
            column.iter().collect()
        }
        assert_eq!(figures.ledger.costs().map(cells), Some(vec![four, four]));
        let quantities = (figures.ledger.quantities().map(cells), everything.ledger.quantities().map(cells));
        assert_eq!(quantities, (None, Some(vec![Some(2.0); 2])));
        assert_eq!(
            (figures.ledger.customer_count(), figures.ledger.customer_key(figures.ledger.customers()[0])),
            (1, "C1")
        );
        assert_eq!(everything.ledger.attributes().count(), 2);
        assert_eq!(figures.ledger.attributes().count(), 0);
        // Not looked for: no duplicates reported, where everything finds line 5 repeating line 2.
        assert_eq!((figures.report.duplicates.count, everything.report.duplicates.count), (0, 1));
    }

    #[test]
    fn leaving_out_duplicates_keeps_everything_to_find_them() {
        let (everything, figures) = (import(Keep::Everything, true), import(Keep::Figures, true));
        assert_eq!(figures.report, everything.report);
        assert_eq!((figures.ledger.len(), figures.ledger.attributes().count()), (1, 2));
    }
}
