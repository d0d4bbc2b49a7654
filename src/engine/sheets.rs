//! The planning side tables as files the user downloads and imports back: a CSV file per table,
//! or one XLSX workbook with a sheet per table (read back with `cost_pools::Table::read_sheet`,
//! which names the sheet's lines and columns in its errors as `Table::read` does for a CSV).

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

/// A table as the page shows and edits it: the header and rows of cell text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetTable {
    /// The table's name: the sheet's name in a workbook (at most 31 characters, no `[]:*?/\`).
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The tables as an XLSX workbook, one sheet each in the order given. Cells that are plain
/// numbers are written as number cells, so a spreadsheet sums them; every other cell as text.
pub fn workbook(sheets: &[SheetTable]) -> Vec<u8> {
    // The only failures are a bad sheet name or a full sheet; names are the engine's own and
    // tables are far below a sheet's million rows, so an empty file stands for "cannot happen".
    write_workbook(sheets).unwrap_or_default()
}

fn write_workbook(sheets: &[SheetTable]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    for table in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&table.name)?;
        write_row(sheet, 0, &table.columns)?;
        for (row, cells) in (1..).zip(&table.rows) {
            write_row(sheet, row, cells)?;
        }
    }
    workbook.save_to_buffer()
}

fn write_row(sheet: &mut Worksheet, row: u32, cells: &[String]) -> Result<(), XlsxError> {
    for (column, cell) in (0..).zip(cells) {
        match plain_number(cell) {
            Some(number) => sheet.write_number(row, column, number)?,
            None => sheet.write_string(row, column, cell)?,
        };
    }
    Ok(())
}

/// A cell that reads back as the same text when written as a number: digits with an optional
/// `-` and `.` fraction, no leading zero (a key such as `007` stays text), at most 15
/// significant digits (what a double holds exactly), and no trailing zero in the fraction
/// (`1.50` would come back as `1.5`).
fn plain_number(cell: &str) -> Option<f64> {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let plain = !whole.is_empty()
        && all_digits(whole)
        && all_digits(fraction)
        && (whole == "0" || !whole.starts_with('0'))
        && digits.contains('.') != fraction.is_empty()
        && !fraction.ends_with('0')
        && whole.len() + fraction.len() <= 15
        && cell != "-0";
    plain.then(|| cell.parse().ok()).flatten()
}

/// The table as a UTF-8 CSV file with a byte order mark (so spreadsheet programs read UTF-8),
/// quoted where a cell needs it.
pub fn csv(table: &SheetTable) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(b"\xef\xbb\xbf".to_vec());
    let rows = std::iter::once(&table.columns).chain(&table.rows);
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(row);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cost_pools::{Problem, Table};

    fn table(name: &str, columns: &[&str], rows: &[&[&str]]) -> SheetTable {
        SheetTable {
            name: name.into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect(),
        }
    }

    /// What `Table` reads back: each row's line and cells.
    fn read(file: &str, bytes: &[u8], sheet: &str, required: &[&str]) -> Vec<(usize, Vec<String>)> {
        let table = Table::read_sheet(file, bytes, sheet, required).unwrap();
        let columns: Vec<String> = required.iter().map(|c| c.to_string()).collect();
        table.rows().map(|row| (row.line, columns.iter().map(|c| row.cell(c).to_string()).collect())).collect()
    }

    fn lines(rows: &[(usize, &[&str])]) -> Vec<(usize, Vec<String>)> {
        rows.iter().map(|(line, cells)| (*line, cells.iter().map(|c| c.to_string()).collect())).collect()
    }

    #[test]
    fn plain_numbers_only_where_they_come_back_as_typed() {
        for number in ["0", "12", "-3", "35.5", "0.25", "123456789012345"] {
            assert_eq!(plain_number(number), Some(number.parse().unwrap()), "{number}");
        }
        for text in ["007", "1.50", "1.", ".5", "1e5", "", "-", "-0", "1 000", "12,5", "1234567890123456", "A1"] {
            assert_eq!(plain_number(text), None, "{text}");
        }
    }

    #[test]
    fn a_workbook_of_two_tables_reads_back_sheet_by_sheet() {
        // Keys with leading zeros, a remark with a comma, a number with a fraction, an empty cell.
        let interviews = table(
            "interviews",
            &["customer", "satisfaction", "remarks"],
            &[&["007", "8", "late, but good"], &["C2", "6.5", ""]],
        );
        let norms = table("norms", &["level", "per_year"], &[&["Top", "12"]]);
        let bytes = workbook(&[interviews, norms]);
        let required = ["customer", "satisfaction", "remarks"];
        assert_eq!(
            read("plan.xlsx", &bytes, "interviews", &required),
            lines(&[(2, &["007", "8", "late, but good"]), (3, &["C2", "6.5", ""])])
        );
        assert_eq!(read("plan.xlsx", &bytes, "norms", &["level", "per_year"]), lines(&[(2, &["Top", "12"])]));
    }

    #[test]
    fn a_missing_sheet_or_column_is_named() {
        let bytes = workbook(&[table("norms", &["level"], &[&["Top"]])]);
        let error = Table::read_sheet("plan.xlsx", &bytes, "capacity", &["sales_rep"]).err().unwrap();
        assert_eq!(
            (error.problem, error.column.as_str(), error.value.as_str()),
            (Problem::MissingSheet, "-", "capacity")
        );
        let error = Table::read_sheet("plan.xlsx", &bytes, "norms", &["per_year"]).err().unwrap();
        assert_eq!((error.problem, error.line, error.column.as_str()), (Problem::MissingColumn, 1, "per_year"));
    }

    #[test]
    fn a_csv_file_is_the_table_itself_and_round_trips() {
        let norms = table("norms", &["level", "remarks"], &[&["Top", "say \"hi\", then"]]);
        let bytes = csv(&norms);
        assert!(bytes.starts_with(b"\xef\xbb\xbflevel,remarks\n"));
        assert_eq!(
            read("norms.csv", &bytes, "norms", &["level", "remarks"]),
            lines(&[(2, &["Top", "say \"hi\", then"])])
        );
    }
}
