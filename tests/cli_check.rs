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
    for expected in [
        "lines: 3",
        "customers: 2",
        "products: -",
        "dates: 2024-01-05 to 2024-02-15",
        "revenue: 1300.00",
        "credit notes: 1 totalling -34.45",
        "delimiter ';'",
        "decimal mark ','",
        "dates: DD-MM-YYYY",
    ] {
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
    let args = [
        "check",
        &file,
        "--map",
        "amount=4",
        "--map",
        "customer=Klantnummer",
        "--delimiter",
        ";",
        "--decimal",
        ",",
        "--date-format",
        "DD-MM-YYYY",
        "--encoding",
        "utf-8",
    ];
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
        let start =
            format!("{file}:{line}:3: amount beyond one trillion (±1000000000000.00), the most one line may hold");
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

#[test]
fn reports_title_lines_groups_and_subtotals_without_overrides() {
    let file = path("title_lines.csv");
    let out = clientele(&["check", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let header = "header row: line 5 (4 title lines skipped: 'Sales ledger', 'Bakker Groothandel BV', 'Period: 1 January 2023 to 31 December 2024', 'Printed 2025-01-06')";
    // 100.00 + 250.50 + 75.25 + 1,000.00 - 50.50
    for expected in [header, "lines: 5", "customers: 3", "revenue: 1375.25"] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }

    let out = clientele(&["check", &path("title_semicolon.csv")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // 1.234,50 + 99,95 - 34,45 + 2.000,00 + 500,00 + 12,34
    for expected in [
        "delimiter ';'",
        "decimal mark ','",
        "header row: line 5 (3 title lines skipped: 'Omzet per klant, alle afdelingen, 2024',",
        "revenue: 3812.34",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }

    let out = clientele(&["check", &path("sales_by_customer_detail.csv")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // 550.00 + 1,100.00 + 75.50 over six lines of three customers.
    for expected in [
        "header row: line 5 (3 title lines skipped: 'Sales by Customer Detail', 'Bakker Groothandel BV', 'January 2023 - December 2024')",
        "grouped report: 3 customer groups, customer filled down on 6 lines",
        "subtotal line 10 left out: \"Total for Acme BV\" 550.00",
        "subtotal line 14 left out: \"Total for Beta NV\" 1100.00",
        "subtotal line 17 left out: \"Total for Gamma GmbH\" 75.50",
        "total line 18 left out: \"TOTAL\" 1725.50",
        "lines: 6",
        "customers: 3",
        "revenue: 1725.50",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(!text.contains("note:"), "{text}");
}

#[test]
fn notes_a_subtotal_its_lines_do_not_add_up_to_in_a_workbook() {
    let dir = std::env::temp_dir().join(format!("clientele-grouped-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("detail.xlsx");
    std::fs::write(&book, common::grouped_workbook(1000.0)).unwrap();
    let out = clientele(&["check", &book.display().to_string()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // Beta NV's lines: 1,200.00 - 100.00 = 1,100.00, not the 1,000.00 its subtotal says.
    let note = "note: the subtotal on line 14 says 1000.00, but the 2 lines of \"Beta NV\" add up to 1100.00; check the lines above it";
    for expected in ["grouped report: 3 customer groups, customer filled down on 6 lines", note, "revenue: 1725.50"] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn finds_the_header_on_row_4_of_a_workbook() {
    let dir = std::env::temp_dir().join(format!("clientele-titled-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("titled.xlsx");
    std::fs::write(&book, common::titled_workbook()).unwrap();
    let book = book.display().to_string();
    let out = clientele(&["check", &book]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with(&format!("{book}:8:3: amount: not a number")), "{}", stderr(&out));
    let text = stdout(&out);
    // 100.50 + 200.00 + 50.25; row 8 is not read.
    let header =
        "header row: line 4 (2 title lines skipped: 'Sales by customer 2024-2025', 'Bakker Groothandel BV Utrecht')";
    for expected in [header, "lines: 3", "revenue: 350.75"] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn leaves_an_empty_customer_cell_of_a_flat_file_an_error() {
    let file = path("flat_missing_customer.csv");
    let out = clientele(&["check", &file]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim_end(), format!("{file}:3:1: missing customer (value '')"));
    // C1 10.00 + C2 30.00
    assert!(stdout(&out).contains("revenue: 40.00") && !stdout(&out).contains("grouped report"), "{}", stdout(&out));
}

/// Record `i` of a large ledger: 997 customers, one invoice a line, amounts of 1.00 to 9.99.
fn record(i: usize) -> String {
    format!("C{},2024-{:02}-{:02},{}.{:02},I{i}\n", i % 997, i % 12 + 1, i % 28 + 1, 1 + i % 9, i % 100)
}

/// 150,000 records, 5 MB, over the 4 MB from which `clientele` reads a file in two parts at
/// once: record 1,000 has a bad month, record 120,000 no customer, record 140,000 repeats
/// record 10. With the revenue `check` must print (the other records' amounts, by hand).
fn large_ledger() -> (Vec<String>, String) {
    let records = (0..150_000)
        .map(|i| match i {
            1_000 => format!("C1,2024-13-01,1.00,I{i}\n"),
            120_000 => format!(",2024-01-01,1.00,I{i}\n"),
            140_000 => record(10),
            _ => record(i),
        })
        .collect();
    let cents: usize = (0..150_000)
        .filter(|i| ![1_000, 120_000].contains(i))
        .map(|i| if i == 140_000 { 10 } else { i })
        .map(|i| 100 * (1 + i % 9) + i % 100)
        .sum();
    (records, format!("{}.{:02}", cents / 100, cents % 100))
}

/// `check` of a header and `records`, as a file: its exit code, stdout and stderr lines.
fn check_large(name: &str, records: &[String]) -> (Option<i32>, String, Vec<String>, String) {
    let dir = std::env::temp_dir().join(format!("clientele-large-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ledger.csv");
    std::fs::write(&file, format!("customer,date,amount,invoice\n{}", records.concat())).unwrap();
    let path = file.display().to_string();
    let out = clientele(&["check", &path]);
    std::fs::remove_dir_all(&dir).unwrap();
    (out.status.code(), stdout(&out), stderr(&out).lines().map(str::to_string).collect(), path)
}

#[test]
fn a_large_file_read_in_two_parts_reports_every_line_as_one_pass_would() {
    let (records, revenue) = large_ledger();
    let (code, text, errors, file) = check_large("parts", &records);
    assert_eq!(code, Some(2), "{errors:?}");
    assert_eq!(errors.len(), 2, "{errors:?}");
    // The header is line 1: record i is line i + 2, on either side of the split.
    assert!(errors[0].starts_with(&format!("{file}:1002:2: not a date")), "{}", errors[0]);
    assert!(errors[1].starts_with(&format!("{file}:120002:1: missing customer")), "{}", errors[1]);
    for expected in [
        "lines: 149998".to_string(),
        "customers: 997".to_string(),
        "dates: 2024-01-01 to 2024-12-28".to_string(),
        format!("revenue: {revenue}"),
        "duplicate lines: 1 (kept)".to_string(),
        format!("  {file}:140002 repeats {file}:12"),
    ] {
        assert!(text.contains(&expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn a_large_file_split_inside_a_quoted_line_break_is_read_on_as_one_pass() {
    let (mut records, revenue) = large_ledger();
    // A record of 2,001 lines (its invoice quoted, 2,000 line breaks in it) where the file's
    // middle falls: the later part cannot start at the line after the middle.
    let quoted = format!("C5,2024-06-01,2.00,\"{}\"\n", "note\n".repeat(2_000));
    let header = "customer,date,amount,invoice\n".len();
    let size = header + records.iter().map(String::len).sum::<usize>() + quoted.len();
    let mut before = header;
    let at = records.iter().position(|r| {
        before += r.len();
        before > (size - quoted.len()) / 2
    });
    let at = at.unwrap();
    let start = before - records[at].len();
    assert!((start..start + quoted.len()).contains(&(size / 2)), "the middle falls in the quoted record");
    records.insert(at, quoted);
    assert!(at > 1_000 && at < 120_000);
    let (code, text, errors, file) = check_large("quoted", &records);
    assert_eq!(code, Some(2), "{errors:?}");
    assert_eq!(errors.len(), 2, "{errors:?}");
    // The lines after the quoted record are 2,001 on (a record more, 2,000 line breaks in it).
    assert!(errors[0].starts_with(&format!("{file}:1002:2: not a date")), "{}", errors[0]);
    assert!(errors[1].starts_with(&format!("{file}:122003:1: missing customer")), "{}", errors[1]);
    let cents: usize = revenue.replace('.', "").parse::<usize>().unwrap() + 200;
    for expected in [
        "lines: 149999".to_string(),
        format!("revenue: {}.{:02}", cents / 100, cents % 100),
        format!("  {file}:142003 repeats {file}:12"),
    ] {
        assert!(text.contains(&expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn a_large_ledger_piped_in_is_read_whole() {
    use std::io::Write;
    let (records, revenue) = large_ledger();
    let mut child = Command::new(env!("CARGO_BIN_EXE_clientele"))
        .args(["check", "/dev/stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let text = format!("customer,date,amount,invoice\n{}", records.concat());
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("revenue: {revenue}")), "{}", stdout(&out));
    assert!(stderr(&out).contains("/dev/stdin:120002:1: missing customer"), "{}", stderr(&out));
}
