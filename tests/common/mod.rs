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

/// One trillion, the per-line limit of an amount (docs/import.md), as a file writes it.
pub const LINE_LIMIT: &str = "1000000000000.00";

/// A CSV ledger whose every line is one trillion, all dated 2024-03-01: `lines` lines for each
/// customer, in order. Large amounts within the limits, to test sums near the ledger limit.
pub fn trillions(customers: &[(&str, usize)]) -> String {
    let mut csv = String::from("customer,date,amount\n");
    for &(customer, lines) in customers {
        for _ in 0..lines {
            csv.push_str(&format!("{customer},2024-03-01,{LINE_LIMIT}\n"));
        }
    }
    csv
}

/// Twenty customers at the ledger limit: C01 has 4,058 lines of one trillion and C02..C20
/// 1,000 lines each, 23,058 lines, 2,305,800,000,000,000,000 cents in all, just under the limit
/// of 2^61 = 2,305,843,009,213,693,952 cents (one more line would be 2,305,900,000,000,000,000).
pub fn twenty_customers_near_the_ledger_limit() -> String {
    let names: Vec<String> = (2..=20).map(|i| format!("C{i:02}")).collect();
    let mut customers = vec![("C01", 4_058)];
    customers.extend(names.iter().map(|name| (name.as_str(), 1_000)));
    trillions(&customers)
}
