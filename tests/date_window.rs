//! Dates outside 1900-01-01..2099-12-31 are refused per row (docs/import.md, Dates), and a
//! date far from the others costs no memory per empty period (the revenue table stores only
//! the periods that hold data).

use clientele::engine::date::Day;
use clientele::engine::flows::FlowsRequest;
use clientele::engine::import::{import_bytes, DateFormat, ErrorKind, ImportOptions, Imported};
use clientele::engine::ledger::Ledger;
use clientele::engine::period::Period;
use clientele::engine::pyramid::{Level, Outside, PyramidRequest};
use clientele::engine::session::analysis::{AnalysisCache, AnalysisRequest, AnalysisResponse, EmptyReason, Selection};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::process::Command;

fn import(name: &str, bytes: &[u8], options: &ImportOptions) -> Imported {
    import_bytes(name, bytes, options, &mut |_| true).unwrap()
}

/// (line, column, value, kind) of every row error.
/// The row error of a date `y-m-d` outside the window.
fn out(y: i32, m: u32, d: u32) -> ErrorKind {
    ErrorKind::DateOutOfRange { day: Day::from_ymd(y, m, d).unwrap(), earliest: Day::EARLIEST, latest: Day::LATEST }
}

fn errors(imported: &Imported) -> Vec<(u64, usize, String, ErrorKind)> {
    imported.report.files[0].errors.iter().map(|e| (e.line, e.column, e.value.clone(), e.kind)).collect()
}

const OUT_OF_WINDOW: &str = "customer,amount,date\nA,10.00,2024-03-01\nB,20.00,0001-01-05\nC,30.00,9999-01-05\nD,40.00,1900-01-01\nE,50.00,2099-12-31\n";

#[test]
fn text_dates_outside_the_window_are_row_errors() {
    let imported = import("far.csv", OUT_OF_WINDOW.as_bytes(), &ImportOptions::default());
    assert_eq!(
        errors(&imported),
        vec![(3, 3, "0001-01-05".into(), out(1, 1, 5)), (4, 3, "9999-01-05".into(), out(9999, 1, 5))]
    );
    let reason = &imported.report.files[0].errors[0].kind.to_string();
    assert!(reason.contains("outside 1900-01-01 to 2099-12-31") && reason.contains("--map"), "{reason}");
    // A, D and E stay: the window's first and last days are in it.
    assert_eq!(imported.ledger.len(), 3);
    assert_eq!(imported.ledger.date_range(), Some((Day::EARLIEST, Day::LATEST)));
    // Day-first dates too, and they decide the guess: 05.01.0001 reads but is out of the window.
    let day_first = "customer,date,amount\nA,05.01.0001,1.00\nB,06.02.2024,1.00\nC,31.12.2024,1.00\n";
    let imported = import("dmy.csv", day_first.as_bytes(), &ImportOptions::default());
    assert_eq!(imported.report.files[0].guess.date_format, DateFormat::DayMonthYear);
    assert_eq!(errors(&imported), vec![(2, 2, "05.01.0001".into(), out(1, 1, 5))]);
    // Two year-first dates of year 1 would outvote one day-first date of 2024 and get the 2024
    // line refused; out of the window they count for nothing, and day-first reads it.
    let outvoted = "customer,date,amount\nA,0001-01-05,1.00\nB,0001-02-03,1.00\nC,06.02.2024,1.00\n";
    let imported = import("outvoted.csv", outvoted.as_bytes(), &ImportOptions::default());
    assert_eq!(imported.report.files[0].guess.date_format, DateFormat::DayMonthYear);
    assert_eq!(imported.ledger.date_range(), Day::from_ymd(2024, 2, 6).map(|d| (d, d)));
}

#[test]
fn excel_serials_and_workbook_dates_outside_the_window_are_row_errors() {
    // Serial 73050 is 2099-12-31: 73050 - 25569 (1970-01-01) = 47481 = Day::LATEST; 73051 is
    // 2100-01-01.
    let serials = "customer,date,amount\nA,73050,1.00\nB,73051,1.00\n";
    let options = ImportOptions { date_format: Some(DateFormat::ExcelSerial), ..ImportOptions::default() };
    let imported = import("serials.csv", serials.as_bytes(), &options);
    assert_eq!(errors(&imported), vec![(3, 2, "73051".into(), out(2100, 1, 1))]);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, header) in ["customer", "date", "amount"].into_iter().enumerate() {
        sheet.write_string(0, column as u16, header).unwrap();
    }
    let format = Format::new().set_num_format("yyyy-mm-dd");
    let rows = [ExcelDateTime::from_ymd(2024, 5, 1).unwrap(), ExcelDateTime::from_ymd(2150, 1, 1).unwrap()];
    for (row, date) in rows.iter().enumerate() {
        let row = row as u32 + 1;
        sheet.write_string(row, 0, format!("C{row}")).unwrap();
        sheet.write_datetime_with_format(row, 1, date, &format).unwrap();
        sheet.write_number(row, 2, 5.0).unwrap();
    }
    sheet.write_string(3, 0, "C3").unwrap();
    sheet.write_number(3, 1, 73051.0).unwrap(); // a number cell in the date column: a serial
    sheet.write_number(3, 2, 5.0).unwrap();
    let imported = import("far.xlsx", &workbook.save_to_buffer().unwrap(), &ImportOptions::default());
    assert_eq!(
        errors(&imported),
        vec![(3, 2, "2150-01-01".into(), out(2150, 1, 1)), (4, 2, "73051".into(), out(2100, 1, 1))]
    );
    assert_eq!(imported.ledger.len(), 1);
}

#[test]
fn clientele_check_lists_them_and_exits_2() {
    let path = std::env::temp_dir().join(format!("clientele-far-dates-{}.csv", std::process::id()));
    std::fs::write(&path, OUT_OF_WINDOW).unwrap();
    let file = path.display().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_clientele")).args(["check", &file]).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("{file}:3:3: date 0001-01-05 is outside 1900-01-01 to 2099-12-31")),
        "{}",
        lines[0]
    );
    assert!(lines[0].ends_with("(value '0001-01-05')"), "{}", lines[0]);
    assert!(lines[1].starts_with(&format!("{file}:4:3: date 9999-01-05 is outside")), "{}", lines[1]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("lines: 3"));
}

const CUSTOMERS: usize = 20_000;

/// 20,000 customers: C00001..C19999 buy i.00 in 2024 (customer i), C00001..C10000 again in 2025;
/// C00000 has only the lines given.
fn wide_ledger(c00000: &[(&str, &str)]) -> Ledger {
    let mut csv = String::from("customer,date,amount\n");
    for (date, amount) in c00000 {
        csv += &format!("C00000,{date},{amount}\n");
    }
    for i in 1..CUSTOMERS {
        csv += &format!("C{i:05},2024-04-01,{i}.00\n");
    }
    for i in 1..=10_000 {
        csv += &format!("C{i:05},2025-04-01,{i}.00\n");
    }
    let imported = import("wide.csv", csv.as_bytes(), &ImportOptions::default());
    assert_eq!((imported.report.error_count(), imported.ledger.customer_count()), (0, CUSTOMERS));
    imported.ledger
}

fn pyramid_counts(cache: &mut AnalysisCache, ledger: &Ledger, year: i32) -> Vec<usize> {
    let request = AnalysisRequest::Pyramid(PyramidRequest {
        selection: Selection::default(),
        period: Some(Period::starting_in(year)),
        outside: Outside::default(),
    });
    let AnalysisResponse::Pyramid(pyramid) = cache.answer(ledger, request) else { panic!("no pyramid for {year}") };
    Level::ALL.iter().map(|&l| pyramid.pyramid.row(l).map_or(0, |r| r.customers)).collect()
}

/// (year, start, new, regained, lost, retained, end) of the flows into each of `years`.
fn flows_into(
    cache: &mut AnalysisCache,
    ledger: &Ledger,
    years: &[i32],
) -> Vec<(i32, usize, usize, usize, usize, usize, usize)> {
    let AnalysisResponse::Flows(flows) =
        cache.answer(ledger, AnalysisRequest::Flows(FlowsRequest { selection: Selection::default() }))
    else {
        panic!()
    };
    let wanted = flows.iter().filter(|f| years.contains(&f.period.label_year()));
    wanted.map(|f| (f.period.label_year(), f.start, f.new, f.regained, f.lost, f.retained, f.end)).collect()
}

#[test]
fn one_line_in_1901_stores_three_periods_not_125() {
    let ledger = wide_ledger(&[("1901-06-01", "10.00"), ("2025-03-01", "10.00")]);
    let mut cache = AnalysisCache::default();
    let prepared = cache.prepare(&ledger, &Selection::default());
    // 1901..2025 are 125 periods; 1901, 2024 and 2025 hold lines, the 122 others share one
    // all-zero slice: (3 + 1) * 20,000 cells per column instead of 125 * 20,000.
    assert_eq!(prepared.table.periods().len(), 125);
    assert_eq!(prepared.table.allocated_cells(), 4 * CUSTOMERS);
    // 2024: n = 19,999 active (C00001..C19999); k(1 %) = ceil(199.99) = 200, k(5 %) =
    // ceil(999.95) = 1,000, k(20 %) = ceil(3,999.8) = 4,000: Top 200, Big 800, Medium 3,000,
    // Small 15,999; inactive: C00000 (active in 1901).
    assert_eq!(pyramid_counts(&mut cache, &ledger, 2024), vec![200, 800, 3_000, 15_999, 1]);
    // 2025: n = 10,001 (C00000..C10000); k = ceil(100.01) = 101, ceil(500.05) = 501,
    // ceil(2,000.2) = 2,001: Top 101, Big 400, Medium 1,500, Small 8,000; inactive C10001..C19999.
    assert_eq!(pyramid_counts(&mut cache, &ledger, 2025), vec![101, 400, 1_500, 8_000, 9_999]);
    // 1950: nobody active (C00000 is inactive since 1901): the answer says so.
    let request = AnalysisRequest::Pyramid(PyramidRequest {
        selection: Selection::default(),
        period: Some(Period::starting_in(1950)),
        outside: Outside::default(),
    });
    assert!(matches!(cache.answer(&ledger, request), AnalysisResponse::Empty(EmptyReason::NoActiveCustomers)));
    // Into 1902: C00000 lost. Into 1950: nothing. Into 2024: 19,999 new. Into 2025: 10,000
    // retained, 9,999 lost, and C00000 regained (active in 1901, before 2024).
    assert_eq!(
        flows_into(&mut cache, &ledger, &[1902, 1950, 2024, 2025]),
        vec![
            (1902, 1, 0, 0, 1, 0, 0),
            (1950, 0, 0, 0, 0, 0, 0),
            (2024, 0, 19_999, 0, 0, 0, 19_999),
            (2025, 19_999, 0, 1, 9_999, 10_000, 10_001)
        ]
    );
}

#[test]
fn one_line_on_2099_12_31_stores_three_periods_not_76() {
    let ledger = wide_ledger(&[("2025-03-01", "10.00"), ("2099-12-31", "7.00")]);
    let mut cache = AnalysisCache::default();
    let prepared = cache.prepare(&ledger, &Selection::default());
    // 2024..2099 are 76 periods, 3 of them with lines.
    assert_eq!(prepared.table.periods().len(), 76);
    assert_eq!(prepared.table.allocated_cells(), 4 * CUSTOMERS);
    // 2099: n = 1, k(1 %) = ceil(0.01) = 1: C00000 is Top; the 19,999 others were active before.
    assert_eq!(pyramid_counts(&mut cache, &ledger, 2099), vec![1, 0, 0, 0, 19_999]);
    // Into 2025: C00000 new, 10,000 retained, 9,999 lost. Into 2026: all 10,001 lost. Into 2099:
    // C00000 regained (active in 2025).
    assert_eq!(
        flows_into(&mut cache, &ledger, &[2025, 2026, 2098, 2099]),
        vec![
            (2025, 19_999, 1, 0, 9_999, 10_000, 10_001),
            (2026, 10_001, 0, 0, 10_001, 0, 0),
            (2098, 0, 0, 0, 0, 0, 0),
            (2099, 0, 0, 1, 0, 0, 1)
        ]
    );
}
