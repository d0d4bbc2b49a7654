//! The bottom layer of the import: a record's cells as the file gives them (`Cell`, `Row`)
//! and the rows kept from a file's start for guessing (`SampleRow`). Depends on nothing else
//! of the import.

use crate::engine::date::Day;
use std::borrow::Cow;

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
            Cell::Text(text) => Cow::Borrowed(trim(text)),
            Cell::Number(number) => Cow::Owned(number.to_string()),
            Cell::Date(day) => Cow::Owned(day.to_string()),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => trim(text).is_empty(),
            _ => false,
        }
    }

    /// Whether the file gave the value a type (so its text needs no format guessing).
    pub fn is_typed(&self) -> bool {
        matches!(self, Cell::Number(_) | Cell::Date(_))
    }
}

/// `str::trim`, answering at once for the usual cell that starts and ends with a visible ASCII
/// character (it runs on most cells of every line).
fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
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

impl Row for SampleRow {
    fn width(&self) -> usize {
        self.cells.len()
    }

    fn cell(&self, column: usize) -> Cell<'_> {
        self.cells.get(column).map_or(Cell::Empty, |text| Cell::Text(text))
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
