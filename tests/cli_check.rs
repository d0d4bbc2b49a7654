//! `clientele check` and `clientele sample` as a user runs them.

mod common;

use common::{data, two_sheet_workbook};
use std::process::{Command, Output};

fn clientele(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientele")).args(args).output().unwrap()
}

fn path(name: &str) -> String {
    data(name).display().to_string()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn clean_file_prints_the_summary_and_exits_0() {
    let out = clientele(&["check", &path("nl_semicolon.csv")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in ["lines: 3", "customers: 2", "products: -", "dates: 2024-01-05 to 2024-02-15", "revenue: 1300.00",
        "credit notes: 1 totalling -34.45", "delimiter ';'", "decimal mark ','", "dates: DD-MM-YYYY"]
    {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn unreadable_rows_go_to_stderr_as_file_line_column_and_exit_2() {
    let file = path("quoted_errors.csv");
    let out = clientele(&["check", &file]);
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<String> = stderr(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with(&format!("{file}:4:3: not a date")), "{}", lines[0]);
    assert!(lines[1].starts_with(&format!("{file}:5:4: amount: not a number")), "{}", lines[1]);
    assert!(lines[2].starts_with(&format!("{file}:8:1: missing customer")), "{}", lines[2]);
    assert!(stdout(&out).contains("lines: 2"));
}

#[test]
fn overrides_map_fields_and_formats() {
    let file = path("nl_semicolon.csv");
    let args = ["check", &file, "--map", "amount=4", "--map", "customer=Klantnummer", "--delimiter", ";", "--decimal", ",",
        "--date-format", "DD-MM-YYYY", "--encoding", "utf-8"];
    let out = clientele(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("revenue: 1300.00"));
}

#[test]
fn unknown_fields_and_columns_are_clear_errors() {
    let file = path("nl_semicolon.csv");
    let out = clientele(&["check", &file, "--map", "klant=Klantnummer"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("unknown field 'klant'"), "{}", stderr(&out));
    let out = clientele(&["check", &file, "--map", "customer=Kunde"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("'Kunde' (mapped to 'customer') is not a column"), "{}", stderr(&out));
}

#[test]
fn whole_file_errors_exit_1() {
    let empty = format!("{}/tests/corpus/empty.csv", env!("CARGO_MANIFEST_DIR"));
    let out = clientele(&["check", &empty]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
    let out = clientele(&["check", "/no/such/file.csv"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn appends_several_files() {
    let out = clientele(&["check", &path("year2023.csv"), &path("year2024.csv")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("lines: 5") && text.contains("duplicate lines: 2 (kept)"), "{text}");
    let out = clientele(&["check", &path("year2023.csv"), &path("year2024.csv"), "--drop-duplicates"]);
    assert!(stdout(&out).contains("lines: 3"), "{}", stdout(&out));
}

#[test]
fn reads_the_named_sheet() {
    let dir = std::env::temp_dir().join(format!("clientele-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("book.xlsx");
    std::fs::write(&book, two_sheet_workbook()).unwrap();
    let book = book.display().to_string();
    let out = clientele(&["check", &book, "--sheet", "Sales"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with(&format!("{book}:5:3: amount: not a number")), "{}", stderr(&out));
    assert!(stdout(&out).contains("lines: 3"));
    let out = clientele(&["check", &book]);
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sample_writes_csv_that_checks_clean() {
    let out = clientele(&["sample", "--csv"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("customer,date,amount,customer_name,invoice,product,product_group,quantity,cost,"));
    let dir = std::env::temp_dir().join(format!("clientele-sample-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sample.csv");
    std::fs::write(&file, &out.stdout).unwrap();
    let check = clientele(&["check", &file.display().to_string()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stdout(&check).contains("customers: 2000"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sample_lines_writes_a_large_ledger_of_eleven_columns() {
    let out = clientele(&["sample", "--lines", "1000"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1001);
    assert_eq!(text.lines().next().unwrap().split(',').count(), 11);
}

#[test]
fn barcodes_mapped_as_amounts_are_row_errors_and_exit_2() {
    // Eleven lines of 90000000000000000: each beyond the one-trillion limit, at line 2..12, column 3.
    let file = path("barcode_amounts.csv");
    let out = clientele(&["check", &file]);
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<String> = stderr(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 11, "{lines:?}");
    for (line, text) in (2..).zip(&lines) {
        let start = format!("{file}:{line}:3: amount beyond one trillion (±1000000000000.00), the most one line may hold");
        assert!(text.starts_with(&start) && text.ends_with("(value '90000000000000000')"), "{text}");
    }
    assert!(stdout(&out).contains("lines: 0"), "{}", stdout(&out));
}

#[test]
fn a_ledger_beyond_the_money_limit_exits_1() {
    // 23,058 lines of one trillion and one more: 23,059 * 10^14 cents > 2^61 (docs/import.md).
    let text = common::twenty_customers_near_the_ledger_limit() + "C21,2024-03-01,1000000000000.00\n";
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("over_limit.csv");
    std::fs::write(&file, text).unwrap();
    let out = clientele(&["check", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let start = "clientele: the amounts and costs add up to 23059000000000000.00 ignoring their signs, more than \
                 23058430092136939.52, beyond what Clientele can sum exactly";
    assert!(stderr(&out).starts_with(start), "{}", stderr(&out));
}
