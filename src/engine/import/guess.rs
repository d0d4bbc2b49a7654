//! The guess: header row, column mapping, number and date formats, from the sampled rows and
//! the user's overrides. It is shown to the user, who may override any part of it.

use super::dates::{self, DateDoubt, DateFormat};
use super::dialect::Dialect;
use super::lines::{self, Plan};
use super::mapping::{self, MappedField, Mapping, MappingSource};
use super::number::{parse_decimal, NumberEvidence, NumberFormat};
use super::row::SampleRow;
use super::{ImportError, ImportOptions};
use crate::engine::ledger::Field;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileFormat {
    Csv,
    Workbook,
}

/// What the file itself is: detected before any value is looked at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub format: FileFormat,
    /// The encoding's name (`UTF-8`, `UTF-16LE`, `windows-1252`); CSV only.
    pub encoding: Option<String>,
    pub bom: bool,
    pub delimiter: Option<char>,
    pub quote: Option<char>,
    /// The workbook's sheets, and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// The sheet column of the first cell (0 for CSV).
    pub first_column: usize,
}

impl SourceInfo {
    pub fn csv(encoding: &str, bom: bool, dialect: Dialect) -> SourceInfo {
        SourceInfo {
            format: FileFormat::Csv,
            encoding: Some(encoding.to_string()),
            bom,
            delimiter: Some(char::from(dialect.delimiter)),
            quote: Some(char::from(dialect.quote)),
            sheets: Vec::new(),
            sheet: None,
            first_column: 0,
        }
    }

    pub fn workbook(sheets: Vec<String>, sheet: String, first_column: usize) -> SourceInfo {
        SourceInfo {
            format: FileFormat::Workbook,
            encoding: None,
            bom: false,
            delimiter: None,
            quote: None,
            sheets,
            sheet: Some(sheet),
            first_column,
        }
    }
}

/// Everything detected about a file, as shown on the preview screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guess {
    pub source: SourceInfo,
    pub has_header: bool,
    /// Lines above the header row that were skipped (a report's title, company, date range).
    pub title: Option<TitleLines>,
    /// Whether the file is a grouped report: customers on group rows, filled down (docs/import.md).
    pub grouped: bool,
    /// Column names (`Column 3` where the file has none).
    pub headers: Vec<String>,
    /// Remember the user's mapping under this key (see `header_signature`).
    pub header_signature: String,
    pub mapping: Vec<MappedField>,
    /// Required fields without a column: the import refuses the file until they are mapped.
    pub missing: Vec<Field>,
    pub number_format: NumberFormat,
    pub date_format: DateFormat,
    /// Where the guess was a close call (e.g. dates that read both day-first and month-first).
    pub notes: Vec<ImportNote>,
}

/// A close call in the guess, for the user to check. `Display` gives the CLI's English text;
/// the app's is in `i18n::import`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportNote {
    /// The date format was a close call.
    Dates(DateDoubt),
    /// Amounts such as `1,234` (and nothing else) read either way; this decimal mark was taken.
    EitherDecimalMark { decimal_mark: char },
}

impl ImportNote {
    /// `1,234` when the decimal mark taken is `.`; `1.234` when it is `,`.
    pub fn either_way_example(decimal_mark: char) -> String {
        format!("1{}234", if decimal_mark == ',' { '.' } else { ',' })
    }
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportNote::Dates(doubt) => write!(f, "{doubt}"),
            ImportNote::EitherDecimalMark { decimal_mark } => write!(
                f,
                "amounts such as {} read either way; took '{decimal_mark}' as the decimal mark",
                ImportNote::either_way_example(*decimal_mark)
            ),
        }
    }
}

/// A header row found below a report's title lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleLines {
    /// The header's line (its row in a sheet).
    pub header_line: u64,
    /// The non-blank lines above it: line number and the text of its non-empty cells.
    pub skipped: Vec<(u64, String)>,
}

/// Rows a header row is looked for in, below a report's title lines.
const TITLE_ROWS: usize = 30;
/// Title, company and date-range lines have at most this many non-empty cells.
const TITLE_CELLS: usize = 2;

/// The guess, the plan to read the lines with, and the sampled data rows (header removed).
pub fn guess(
    source: SourceInfo,
    mut rows: Vec<SampleRow>,
    options: &ImportOptions,
) -> Result<(Guess, Plan, Vec<SampleRow>), ImportError> {
    if let Some(mark) = options.decimal_mark.filter(|m| !matches!(m, '.' | ',')) {
        return Err(ImportError::BadDecimalMark(mark));
    }
    let title = header_below_title(&rows, options).map(|index| {
        let above: Vec<SampleRow> = rows.drain(..index).collect();
        title_lines(above, &rows)
    });
    let has_header = title.is_some() || options.has_header.unwrap_or_else(|| looks_like_header(&rows));
    let skip = title.as_ref().map_or(0, |t| t.rows) + usize::from(has_header);
    let title = title.map(|t| t.lines);
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let named = if has_header && !rows.is_empty() { rows.remove(0).cells } else { Vec::new() };
    let headers: Vec<String> = (0..width.max(named.len()))
        .map(|i| {
            named
                .get(i)
                .map(|h| h.trim())
                .filter(|h| !h.is_empty())
                .map_or_else(|| format!("Column {}", i + 1), str::to_string)
        })
        .collect();
    let (mut mapping, mut mapped) = mapping::resolve(&headers, &options.mapping)?;
    if unnamed_customer_column(&named, &mapping, options) && lines::is_grouped(&mapping.with(Field::Customer, 0), &rows)
    {
        mapping = mapping.with(Field::Customer, 0);
        let header = headers.first().cloned().unwrap_or_default();
        mapped.insert(0, MappedField { field: Field::Customer, column: 1, header, source: MappingSource::Suggested });
    }
    let mut notes = Vec::new();
    let values = |field: Field| -> Vec<&str> {
        mapping.column(field).map_or_else(Vec::new, |c| rows.iter().filter_map(|r| r.untyped_text(c)).collect())
    };
    let date_format = options.date_format.unwrap_or_else(|| {
        let (format, doubt) = dates::detect(&values(Field::Date));
        notes.extend(doubt.map(ImportNote::Dates));
        format.unwrap_or(DateFormat::YearMonthDay)
    });
    let number_format =
        number_format(options, &source, [values(Field::Amount), values(Field::Cost)].concat(), &mut notes);
    let grouped = lines::is_grouped(&mapping, &rows);
    let plan =
        Plan { skip, grouped, mapping, number: number_format, date: date_format, first_column: source.first_column };
    let guess = Guess {
        source,
        has_header,
        title,
        grouped,
        header_signature: mapping::header_signature(&headers),
        headers,
        missing: Field::ALL.into_iter().filter(|f| f.is_required() && !plan.mapping.is_mapped(*f)).collect(),
        mapping: mapped,
        number_format,
        date_format,
        notes,
    };
    Ok((guess, plan, rows))
}

/// The user's decimal mark and thousands separator, or what the amounts show.
fn number_format(
    options: &ImportOptions,
    source: &SourceInfo,
    values: Vec<&str>,
    notes: &mut Vec<ImportNote>,
) -> NumberFormat {
    let mut evidence = NumberEvidence::default();
    values.iter().for_each(|v| evidence.add(v));
    let (detected, either_way) = evidence.conclude(source.delimiter == Some(';'));
    match options.decimal_mark {
        Some(decimal_mark) => NumberFormat { decimal_mark, thousands_separator: options.thousands_separator },
        None => {
            notes.extend(either_way.then_some(ImportNote::EitherDecimalMark { decimal_mark: detected.decimal_mark }));
            NumberFormat {
                thousands_separator: options.thousands_separator.or(detected.thousands_separator),
                ..detected
            }
        }
    }
}

/// The index of a header row that comes after title lines: the first of the first 30 rows that
/// names every required field, when each row before it has at most two non-empty cells. `None`
/// when the first row is the header, or there is none (the caller then decides as before).
fn header_below_title(rows: &[SampleRow], options: &ImportOptions) -> Option<usize> {
    if options.has_header == Some(false) {
        return None;
    }
    for (index, row) in rows.iter().enumerate().take(TITLE_ROWS) {
        if names_required_fields(&row.cells, options) {
            return (index > 0).then_some(index);
        }
        if row.cells.iter().filter(|c| !c.trim().is_empty()).count() > TITLE_CELLS {
            return None;
        }
    }
    None
}

/// Whether these cells, read as a header with the user's mapping, give every required field a
/// column (the customer possibly the unnamed first one, see `unnamed_customer_column`).
fn names_required_fields(cells: &[String], options: &ImportOptions) -> bool {
    let Ok((mapping, _)) = mapping::resolve(cells, &options.mapping) else { return false };
    let unnamed = unnamed_customer_column(cells, &mapping, options);
    Field::ALL
        .into_iter()
        .filter(|f| f.is_required())
        .all(|f| mapping.is_mapped(f) || (f == Field::Customer && unnamed))
}

/// Whether the header leaves the customer column unnamed the way QuickBooks' grouped reports
/// do: no column named (or mapped by the user) as the customer, the first header cell empty
/// and not mapped to anything else. The first column is then the customer's if its rows are
/// group rows.
fn unnamed_customer_column(header: &[String], mapping: &Mapping, options: &ImportOptions) -> bool {
    let given = options.mapping.iter().any(|(field, _)| *field == Field::Customer);
    let first_empty = header.first().is_some_and(|cell| cell.trim().is_empty());
    !given && first_empty && !mapping.is_mapped(Field::Customer) && !mapping.uses(0)
}

/// The title rows taken off the sample, described.
struct Title {
    /// Records (sheet rows) before the header.
    rows: usize,
    lines: TitleLines,
}

fn title_lines(above: Vec<SampleRow>, below: &[SampleRow]) -> Title {
    let text =
        |row: &SampleRow| row.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ");
    let skipped = above.iter().map(|row| (row.line, text(row))).filter(|(_, text)| !text.is_empty()).collect();
    let header_line = below.first().map_or(0, |row| row.line);
    Title { rows: above.len(), lines: TitleLines { header_line, skipped } }
}

/// A first row is a header when none of its cells is a number or date, and a cell names a known
/// field or the next row has numbers or dates.
fn looks_like_header(rows: &[SampleRow]) -> bool {
    let Some(first) = rows.first() else { return false };
    let has_values = |row: &SampleRow| row.cells.iter().any(|c| is_value(c));
    !has_values(first) && (mapping::names_a_field(&first.cells) || rows.get(1).is_some_and(has_values))
}

fn is_value(text: &str) -> bool {
    let point = NumberFormat::default();
    let comma = NumberFormat { decimal_mark: ',', thousands_separator: None };
    parse_decimal(text, point).is_ok()
        || parse_decimal(text, comma).is_ok()
        || DateFormat::ALL.into_iter().any(|f| f.parse(text).is_some())
}
