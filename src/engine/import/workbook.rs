//! Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) through calamine: one sheet read like a CSV
//! file, with line numbers being sheet row numbers and typed cells kept typed.

use super::lines::LineReader;
use super::progress::{report_progress, Progress, PROGRESS_EVERY};
use super::row::{Cell, Row, SampleRow};
use super::ImportError;
use crate::engine::date::Day;
use calamine::{open_workbook_auto_from_rs, Data, Range, Reader};
use std::io::Cursor;

const EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xlsb", "xls", "xla", "ods"];
/// Zip (xlsx, xlsb, ods) and OLE compound file (xls) signatures.
const MAGIC: [&[u8]; 2] = [b"PK\x03\x04", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"];

/// Whether to read the file as a workbook: by its signature (`bytes` may be only the file's
/// start), or by its name. The worker asks it too, to read a workbook whole for the preview.
pub fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    MAGIC.iter().any(|m| bytes.starts_with(m)) || extension.is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

/// The sheet being imported.
pub struct Sheet {
    /// All sheets of the workbook, and the one read.
    pub names: Vec<String>,
    pub name: String,
    range: Range<Data>,
    /// 0-based sheet row and column of the range's first cell.
    first_row: u64,
    pub first_column: usize,
}

impl Sheet {
    /// Opens the named sheet (matched ignoring case), or the first.
    pub fn open(bytes: &[u8], wanted: Option<&str>) -> Result<Sheet, ImportError> {
        let mut workbook =
            open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| ImportError::Workbook(e.to_string()))?;
        let names = workbook.sheet_names();
        let name = match wanted {
            Some(wanted) => names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
                .cloned()
                .ok_or_else(|| ImportError::UnknownSheet { sheet: wanted.to_string(), sheets: names.clone() })?,
            None => names.first().cloned().ok_or_else(|| ImportError::Workbook("it has no sheets".into()))?,
        };
        let range = workbook.worksheet_range(&name).map_err(|e| ImportError::Workbook(e.to_string()))?;
        let (row, column) = range.start().unwrap_or((0, 0));
        Ok(Sheet { names, name, range, first_row: u64::from(row), first_column: column as usize })
    }

    /// The 1-based sheet row number of the range's `index`th row.
    fn line(&self, index: usize) -> u64 {
        self.first_row + index as u64 + 1
    }

    /// Every row of the sheet as text with its sheet row number (numbers in their shortest exact
    /// form, dates ISO): how a small table of the user's (cost pools) is read from a workbook.
    pub fn text_rows(&self) -> Vec<(usize, Vec<String>)> {
        let text = |row: &[Data]| (0..row.len()).map(|c| row.cell(c).text().into_owned()).collect();
        self.range.rows().enumerate().map(|(i, row)| (self.line(i) as usize, text(row))).collect()
    }

    pub fn sample(&self, rows: usize) -> Vec<SampleRow> {
        self.range.rows().take(rows).enumerate().map(|(i, row)| SampleRow::of(self.line(i), row)).collect()
    }

    /// The one pass over the sheet's rows, after `skip` header rows.
    pub fn read(
        &self,
        skip: usize,
        reader: &mut LineReader<'_>,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<(), ImportError> {
        let total = self.range.height() as u64;
        for (index, row) in self.range.rows().enumerate().skip(skip) {
            reader.read(self.line(index), row);
            let done = index as u64 + 1;
            if done % PROGRESS_EVERY == 0 {
                report_progress(done, (done, total), progress)?;
            }
        }
        report_progress(total, (total, total), progress)
    }
}

impl Row for [Data] {
    fn width(&self) -> usize {
        self.len()
    }

    fn cell(&self, column: usize) -> Cell<'_> {
        match self.get(column) {
            Some(Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text)) => Cell::Text(text),
            Some(Data::Float(number)) => Cell::Number(*number),
            Some(Data::Int(number)) => Cell::Number(*number as f64),
            Some(Data::DateTime(date)) if date.is_datetime() => {
                let (y, m, d, ..) = date.to_ymd_hms_milli();
                Day::from_ymd(i32::from(y), u32::from(m), u32::from(d)).map_or(Cell::Number(date.as_f64()), Cell::Date)
            }
            Some(Data::DateTime(duration)) => Cell::Number(duration.as_f64()),
            Some(Data::Bool(true)) => Cell::Text("TRUE"),
            Some(Data::Bool(false)) => Cell::Text("FALSE"),
            Some(Data::Error(_)) => Cell::Text("#ERROR"),
            Some(Data::Empty) | None => Cell::Empty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbooks_by_name_in_any_case_or_by_signature() {
        for name in ["ledger.xlsb", "LEDGER.XLSX", "2024.xlsm", "old.xls", "calc.ods"] {
            assert!(is_workbook(name, b""), "{name}");
        }
        for name in ["ledger.csv", "notes.txt", "xlsx", "report.xlsx.csv"] {
            assert!(!is_workbook(name, b"customer;date;amount\n"), "{name}");
        }
        // A workbook saved under a text file's name: its zip or OLE signature decides.
        assert!(is_workbook("export.csv", b"PK\x03\x04\x14\x00"));
        assert!(is_workbook("export.txt", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"));
    }
}
