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

/// A sheet with a title, the company and a blank row above the header on row 4, numeric
/// customer ids, date cells, and one unreadable amount (row 8, column C).
pub fn titled_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Sales by customer 2024-2025").unwrap();
    sheet.write_string(1, 0, "Bakker Groothandel BV").unwrap();
    sheet.write_string(1, 1, "Utrecht").unwrap();
    for (column, header) in ["Customer", "Date", "Amount"].into_iter().enumerate() {
        sheet.write_string(3, column as u16, header).unwrap();
    }
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let lines = [
        (1001.0, (2024, 1, 5), Some(100.5)),
        (1002.0, (2024, 2, 10), Some(200.0)),
        (1001.0, (2025, 3, 1), Some(50.25)),
        (1003.0, (2025, 4, 1), None),
    ];
    for (row, (customer, (y, m, d), amount)) in (4u32..).zip(lines) {
        sheet.write_number(row, 0, customer).unwrap();
        sheet.write_datetime_with_format(row, 1, ExcelDateTime::from_ymd(y, m, d).unwrap(), &date_format).unwrap();
        match amount {
            Some(amount) => sheet.write_number(row, 2, amount).unwrap(),
            None => sheet.write_string(row, 2, "n/a").unwrap(),
        };
    }
    workbook.save_to_buffer().unwrap()
}

/// A row of `grouped_workbook` from sheet row 6 on: first cell, date, invoice number, amount.
type DetailRow<'a> = (&'a str, Option<(u16, u8, u8)>, f64, Option<f64>);

/// tests/data/sales_by_customer_detail.csv as a workbook (same rows, typed cells, fewer
/// columns), with Beta NV's subtotal on row 14 as given.
pub fn grouped_workbook(beta_subtotal: f64) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let titles = ["Sales by Customer Detail", "Bakker Groothandel BV", "January 2023 - December 2024"];
    for (row, title) in (0u32..).zip(titles) {
        sheet.write_string(row, 0, title).unwrap();
    }
    for (column, header) in ["Customer", "Date", "Num", "Amount"].into_iter().enumerate() {
        sheet.write_string(4, column as u16, header).unwrap();
    }
    let date_format = Format::new().set_num_format("mm/dd/yyyy");
    let rows: [DetailRow<'_>; 13] = [
        ("Acme BV", None, 0.0, None),
        ("", Some((2023, 1, 15)), 1001.0, Some(200.0)),
        ("", Some((2023, 3, 20)), 1004.0, Some(50.0)),
        ("", Some((2024, 2, 10)), 1010.0, Some(300.0)),
        ("Total for Acme BV", None, 0.0, Some(550.0)),
        ("Beta NV", None, 0.0, None),
        ("", Some((2023, 5, 5)), 1005.0, Some(1200.0)),
        ("", Some((2024, 11, 30)), 1020.0, Some(-100.0)),
        ("Total for Beta NV", None, 0.0, Some(beta_subtotal)),
        ("Gamma GmbH", None, 0.0, None),
        ("", Some((2024, 12, 31)), 1030.0, Some(75.5)),
        ("Total for Gamma GmbH", None, 0.0, Some(75.5)),
        ("TOTAL", None, 0.0, Some(1725.5)),
    ];
    for (row, (first, date, invoice, amount)) in (5u32..).zip(rows) {
        if !first.is_empty() {
            sheet.write_string(row, 0, first).unwrap();
        }
        if let Some((y, m, d)) = date {
            sheet.write_datetime_with_format(row, 1, ExcelDateTime::from_ymd(y, m, d).unwrap(), &date_format).unwrap();
            sheet.write_number(row, 2, invoice).unwrap();
        }
        if let Some(amount) = amount {
            sheet.write_number(row, 3, amount).unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}
