//! Helpers shared by the import tests.

#![allow(dead_code)] // Each test binary uses a different part of this module.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::PathBuf;

pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

pub fn read_data(name: &str) -> Vec<u8> {
    std::fs::read(data(name)).unwrap()
}

/// A workbook with a "Notes" sheet first and the ledger on "Sales": a date cell, a serial
/// number, a text date, numeric customer ids, a float sum that is not exact in binary, and one
/// unreadable amount (row 5, column C).
pub fn two_sheet_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Exported by the ERP").unwrap();
    let sales = workbook.add_worksheet();
    sales.set_name("Sales").unwrap();
    for (column, header) in ["Kundennummer", "Rechnungsdatum", "Umsatz"].into_iter().enumerate() {
        sales.write_string(0, column as u16, header).unwrap();
    }
    let date_format = Format::new().set_num_format("dd.mm.yyyy");
    let date = ExcelDateTime::from_ymd(2024, 1, 5).unwrap();
    sales.write_number(1, 0, 10001.0).unwrap();
    sales.write_datetime_with_format(1, 1, &date, &date_format).unwrap();
    sales.write_number(1, 2, 1234.5).unwrap();
    sales.write_number(2, 0, 10002.0).unwrap();
    sales.write_number(2, 1, 45297.0).unwrap();
    sales.write_number(2, 2, 0.1 + 0.2).unwrap();
    sales.write_string(3, 0, "10001").unwrap();
    sales.write_string(3, 1, "07.01.2024").unwrap();
    sales.write_string(3, 2, "-10,50").unwrap();
    sales.write_number(4, 0, 10003.0).unwrap();
    sales.write_string(4, 1, "08.01.2024").unwrap();
    sales.write_string(4, 2, "n/a").unwrap();
    workbook.save_to_buffer().unwrap()
}
