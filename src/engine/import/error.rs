//! Whole-file problems: each message says what is wrong and what the user can do about it.
//! `Display` gives the CLI's English text, which may name its flags; the app's text, naming
//! its controls instead, is `i18n::import::import_error`.

use crate::engine::ledger::{BeyondMoneyLimit, Field};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportError {
    /// A problem with one of the files being imported.
    InFile {
        file: String,
        error: Box<ImportError>,
    },
    Empty,
    /// A header but no data lines.
    NoData,
    /// A required field has no column.
    MissingField {
        field: Field,
        headers: Vec<String>,
    },
    /// The user mapped a field to a column the file does not have.
    UnknownColumn {
        field: Field,
        column: String,
        headers: Vec<String>,
    },
    UnknownEncoding(String),
    UnknownSheet {
        sheet: String,
        sheets: Vec<String>,
    },
    /// A workbook that cannot be opened or read.
    Workbook(String),
    /// A delimiter or quote override that is not one ASCII character (the CSV reader works on bytes).
    NotAscii {
        option: CharOption,
        value: char,
    },
    /// A decimal mark override other than `.` or `,`.
    BadDecimalMark(char),
    /// The ledger's amounts and costs together are beyond what can be summed exactly.
    Money(BeyondMoneyLimit),
    /// A `clientele_customer_period` file's period cell that is not a year (line 1 is the header).
    BadPeriod {
        line: u64,
        value: String,
    },
    /// Totals per period (`clientele_customer_period`) imported together with a ledger of lines.
    MixedPeriodTotals,
    /// The progress callback asked to stop.
    Cancelled,
}

/// An override given as one character.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CharOption {
    Delimiter,
    Quote,
}

impl fmt::Display for CharOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CharOption::Delimiter => "delimiter",
            CharOption::Quote => "quote",
        })
    }
}

impl ImportError {
    pub(crate) fn in_file(self, file: &str) -> ImportError {
        match self {
            ImportError::Cancelled | ImportError::InFile { .. } => self,
            error => ImportError::InFile { file: file.to_string(), error: Box::new(error) },
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::InFile { file, error } => write!(f, "{file}: {error}"),
            ImportError::Empty => write!(f, "the file is empty; export the ledger again and check that it has lines"),
            ImportError::NoData => write!(f, "the file has a header but no data lines"),
            ImportError::MissingField { field, headers } => write!(
                f,
                "no column found for the required field '{field}' (columns: {}); map one with --map {field}=COLUMN \
                 or in the column mapping",
                headers.join(", "),
                field = field.name()
            ),
            ImportError::UnknownColumn { field, column, headers } => write!(
                f,
                "'{column}' (mapped to '{field}') is not a column of this file; columns are: {} (or give a column \
                 number from 1 to {})",
                headers.join(", "),
                headers.len(),
                field = field.name()
            ),
            ImportError::UnknownEncoding(label) => {
                write!(f, "unknown encoding '{label}'; use e.g. utf-8, utf-16le, utf-16be or windows-1252")
            }
            ImportError::UnknownSheet { sheet, sheets } => {
                write!(f, "the workbook has no sheet '{sheet}'; its sheets are: {}", sheets.join(", "))
            }
            ImportError::Workbook(message) => {
                write!(f, "the workbook cannot be read ({message}); save it again as .xlsx or export the sheet as CSV")
            }
            ImportError::NotAscii { option, value } => {
                write!(f, "the {option} must be a single ASCII character, not '{value}'")
            }
            ImportError::BadDecimalMark(mark) => write!(f, "the decimal mark must be '.' or ',', not '{mark}'"),
            ImportError::Money(beyond) => write!(f, "{beyond}"),
            ImportError::BadPeriod { line, value } => write!(
                f,
                "line {line}, column period: '{value}' is not a period; clientele_customer_period writes the year the \
                 period starts in (1900 to 2099), e.g. 2024"
            ),
            ImportError::MixedPeriodTotals => write!(
                f,
                "this file holds single lines and the others totals per period (clientele_customer_period): import \
                 either kind alone"
            ),
            ImportError::Cancelled => write!(f, "import cancelled"),
        }
    }
}

impl std::error::Error for ImportError {}
