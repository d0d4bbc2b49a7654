//! The importer on hand-made files: every number below is worked out by hand from the files in
//! tests/data.

mod common;

use clientele::engine::date::Day;
use clientele::engine::import::{
    append, import_bytes, import_files, preview, write_error_report, write_ledger_csv, DateFormat, ErrorKind, ImportError,
    ImportOptions, Imported, InputFile, NumberFormat, Progress, TotalRow,
};
use clientele::engine::ledger::{Attribute, BeyondMoneyLimit, Field};
use clientele::engine::money::Money;
use clientele::engine::sample::sample_ledger;
use clientele::engine::summary::Summary;
use common::{read_data, two_sheet_workbook};

fn import_with(name: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    import_bytes(name, &read_data(name), options, &mut |_| true)
}

fn import(name: &str) -> Imported {
    import_with(name, &ImportOptions::default()).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> Option<Day> {
    Day::from_ymd(y, m, d)
}

fn cents(c: i64) -> Money {
    Money::from_cents(c)
}

fn mapped(imported: &Imported) -> Vec<(Field, usize)> {
    imported.report.files[0].guess.mapping.iter().map(|m| (m.field, m.column)).collect()
}

struct Expected {
    file: &'static str,
    delimiter: char,
    number: NumberFormat,
    date: DateFormat,
    lines: usize,
    revenue: i64,
    credited: i64,
    first: Option<Day>,
    last: Option<Day>,
}

#[test]
fn reads_each_dialect_language_and_notation() {
    let format = |decimal_mark, thousands_separator| NumberFormat { decimal_mark, thousands_separator };
    let expected = [
        // 1250.00 + 1,234.56 - 200.50
        Expected { file: "en_comma.csv", delimiter: ',', number: format('.', Some(',')), date: DateFormat::YearMonthDay, lines: 3, revenue: 228_406, credited: -20_050, first: day(2024, 1, 5), last: day(2024, 3, 15) },
        // 1.234,50 + 99,95 - 34,45
        Expected { file: "nl_semicolon.csv", delimiter: ';', number: format(',', Some('.')), date: DateFormat::DayMonthYear, lines: 3, revenue: 130_000, credited: -3_445, first: day(2024, 1, 5), last: day(2024, 2, 15) },
        // € 1 234,00 + € 56,78 - (10,00)
        Expected { file: "de_tab.tsv", delimiter: '\t', number: format(',', Some(' ')), date: DateFormat::DayMonthYear, lines: 3, revenue: 128_078, credited: -1_000, first: day(2024, 1, 2), last: day(2024, 3, 21) },
        // 1 500,00 kr + 250,25 kr - 100,00-
        Expected { file: "sv_pipe.txt", delimiter: '|', number: format(',', Some(' ')), date: DateFormat::YearMonthDay, lines: 3, revenue: 165_025, credited: -10_000, first: day(2024, 1, 5), last: day(2024, 12, 31) },
        // 1 234,56 € (no-break space) - 12,00 €
        Expected { file: "fr_semicolon.csv", delimiter: ';', number: format(',', Some('\u{a0}')), date: DateFormat::DayMonthYear, lines: 2, revenue: 122_256, credited: -1_200, first: day(2024, 1, 13), last: day(2024, 2, 14) },
        // $1,000.00 - ($250.50) + $99.99
        Expected { file: "us_mdy.csv", delimiter: ',', number: format('.', Some(',')), date: DateFormat::MonthDayYear, lines: 3, revenue: 84_949, credited: -25_050, first: day(2024, 1, 13), last: day(2024, 12, 31) },
        // 10 + 20,5; serials 45296 and 45658
        Expected { file: "excel_serial.csv", delimiter: ';', number: format(',', None), date: DateFormat::ExcelSerial, lines: 2, revenue: 3_050, credited: 0, first: day(2024, 1, 5), last: day(2025, 1, 1) },
    ];
    for e in expected {
        let imported = import(e.file);
        let file = &imported.report.files[0];
        let s = &imported.report.summary;
        assert_eq!(file.guess.source.delimiter, Some(e.delimiter), "{}", e.file);
        assert_eq!(file.guess.number_format, e.number, "{}", e.file);
        assert_eq!(file.guess.date_format, e.date, "{}", e.file);
        assert!(file.errors.is_empty(), "{}: {:?}", e.file, file.errors);
        assert_eq!((s.lines, s.customers), (e.lines, 2), "{}", e.file);
        assert_eq!((s.revenue, s.credited), (cents(e.revenue), cents(e.credited)), "{}", e.file);
        assert_eq!((s.first_day, s.last_day), (e.first, e.last), "{}", e.file);
    }
}

#[test]
fn maps_headers_in_five_languages() {
    use Field::*;
    assert_eq!(mapped(&import("en_comma.csv")), [(Customer, 1), (Date, 3), (Amount, 5), (CustomerName, 2), (Invoice, 4), (Product, 6)]);
    assert_eq!(mapped(&import("nl_semicolon.csv")), [(Customer, 1), (Date, 3), (Amount, 4), (CustomerName, 2), (ProductGroup, 5)]);
    assert_eq!(mapped(&import("de_tab.tsv")), [(Customer, 1), (Date, 3), (Amount, 4), (CustomerName, 2), (SalesRep, 5)]);
    assert_eq!(mapped(&import("sv_pipe.txt")), [(Customer, 1), (Date, 2), (Amount, 3), (SalesRep, 4)]);
    assert_eq!(mapped(&import("fr_semicolon.csv")), [(Customer, 1), (Date, 3), (Amount, 4), (CustomerName, 2), (Region, 5)]);
    let en = import("en_comma.csv");
    let acme = en.ledger.customer_by_key("C1").unwrap();
    assert_eq!(en.ledger.customer_name(acme), Some("Acme, Inc."));
    assert_eq!(en.report.summary.products, Some(2));
}

#[test]
fn decodes_bom_utf16_and_windows_1252() {
    let bom = import("bom.csv");
    let source = &bom.report.files[0].guess.source;
    assert_eq!((source.encoding.as_deref(), source.bom), (Some("UTF-8"), true));
    assert_eq!(bom.report.files[0].guess.headers[0], "customer");
    assert_eq!(bom.report.summary.lines, 1);

    // Excel's "Unicode text": UTF-16LE with BOM, tab-separated, CRLF.
    let utf16 = import("utf16le.txt");
    let file = &utf16.report.files[0];
    assert_eq!((file.guess.source.encoding.as_deref(), file.guess.source.delimiter), (Some("UTF-16LE"), Some('\t')));
    assert!(utf16.ledger.customer_by_key("Ärzte eG").is_some());
    assert!(utf16.ledger.customer_by_key("Zoë").is_some());
    assert_eq!(utf16.report.summary.revenue, cents(123_450 - 50));

    let cp1252 = import("cp1252.csv");
    assert_eq!(cp1252.report.files[0].guess.source.encoding.as_deref(), Some("windows-1252"));
    let cafe = cp1252.ledger.customer_by_key("1").unwrap();
    assert_eq!(cp1252.ledger.customer_name(cafe), Some("Café Müller"));
    assert_eq!(cp1252.report.summary.revenue, cents(1_250 + 100_000));
}

#[test]
fn reports_bad_rows_with_their_physical_line_and_column() {
    let imported = import("quoted_errors.csv");
    let file = &imported.report.files[0];
    let errors: Vec<(u64, usize, &str, ErrorKind, &str)> =
        file.errors.iter().map(|e| (e.line, e.column, e.header.as_str(), e.kind, e.value.as_str())).collect();
    assert_eq!(
        errors,
        [
            (4, 3, "date", ErrorKind::BadDate, "2024-13-01"),
            (5, 4, "amount", ErrorKind::BadNumber, "abc"),
            (8, 1, "customer", ErrorKind::Missing, ""),
        ]
    );
    assert_eq!(file.lines, 2);
    let c1 = imported.ledger.customer_by_key("C1").unwrap();
    assert_eq!(imported.ledger.customer_name(c1), Some("Line one\nline two, with comma"));
    assert_eq!(imported.report.summary.revenue, cents(1_100));
}

#[test]
fn leaves_out_total_lines() {
    let imported = import("totals.csv");
    let file = &imported.report.files[0];
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(
        file.totals,
        [
            TotalRow { line: 3, label: "Subtotaal".into(), amount: Some(cents(10_000)) },
            TotalRow { line: 5, label: String::new(), amount: Some(cents(15_000)) },
        ]
    );
    assert_eq!((imported.report.summary.lines, imported.report.summary.revenue), (2, cents(15_000)));
}

#[test]
fn reads_times_after_dates_and_rounds_half_away_from_zero() {
    let s = import("times.csv").report.summary;
    // 1.005 -> 1.01 and 2.994 -> 2.99
    assert_eq!(s.revenue, cents(101 + 299));
    assert_eq!((s.first_day, s.last_day), (day(2024, 1, 5), day(2024, 1, 6)));
}

#[test]
fn prefers_day_first_when_dates_read_both_ways_and_says_so() {
    let imported = import("ambiguous_dates.csv");
    let guess = &imported.report.files[0].guess;
    assert_eq!(guess.date_format, DateFormat::DayMonthYear);
    assert!(guess.notes.iter().any(|n| n.contains("day-first")), "{:?}", guess.notes);
    assert_eq!(imported.report.summary.first_day, day(2024, 1, 5));
}

fn two_years(drop_duplicates: bool) -> Imported {
    let (a, b) = (read_data("year2023.csv"), read_data("year2024.csv"));
    let files = [InputFile { name: "year2023.csv", bytes: &a }, InputFile { name: "year2024.csv", bytes: &b }];
    import_files(&files, &ImportOptions { drop_duplicates, ..ImportOptions::default() }, &mut |_| true).unwrap()
}

#[test]
fn appends_files_and_reports_duplicates() {
    let kept = two_years(false);
    let d = &kept.report.duplicates;
    assert_eq!((d.count, d.dropped), (2, false));
    let examples: Vec<_> = d.examples.iter().map(|e| (e.file.as_str(), e.line, e.first_file.as_str(), e.first_line)).collect();
    assert_eq!(examples, [("year2024.csv", 2, "year2023.csv", 3), ("year2024.csv", 4, "year2024.csv", 3)]);
    // 10 + 20 + 20 + 30 + 30
    assert_eq!((kept.report.summary.lines, kept.report.summary.revenue), (5, cents(11_000)));
    assert_eq!(kept.report.files.len(), 2);

    let dropped = two_years(true);
    assert!(dropped.report.duplicates.dropped);
    assert_eq!((dropped.report.summary.lines, dropped.report.summary.revenue), (3, cents(6_000)));
    assert_eq!(dropped.ledger.attribute(Attribute::Product).unwrap().value_of_line(2), "P1");
}

#[test]
fn appends_ledgers_imported_one_at_a_time() {
    let (en, nl) = (import("en_comma.csv"), import("nl_semicolon.csv"));
    let both = append(&[&en.ledger, &nl.ledger]).unwrap();
    let s = Summary::of(&both);
    assert_eq!((s.lines, s.customers, s.revenue), (6, 4, cents(228_406 + 130_000)));
    // en_comma.csv has products and no product groups, nl_semicolon.csv the other way round.
    assert_eq!(both.attribute(Attribute::Product).unwrap().value_of_line(4), "");
    assert_eq!(both.attribute(Attribute::ProductGroup).unwrap().value_of_line(4), "Metaal");
    assert_eq!(both.customer_name(both.customer_by_key("1001").unwrap()), Some("Bakker BV"));
}

#[test]
fn overrides_win_over_the_guess() {
    let options = ImportOptions {
        date_format: Some(DateFormat::MonthDayYear),
        mapping: vec![(Field::CustomerName, None)],
        ..ImportOptions::default()
    };
    let imported = import_with("nl_semicolon.csv", &options).unwrap();
    let file = &imported.report.files[0];
    // 31-01-2024 and 15-02-2024 have no month 31 or 15; 05-01-2024 becomes 1 May.
    let errors: Vec<(u64, usize)> = file.errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(errors, [(3, 3), (4, 3)]);
    assert_eq!(imported.report.summary.first_day, day(2024, 5, 1));
    assert!(!file.guess.mapping.iter().any(|m| m.field == Field::CustomerName));
}

#[test]
fn whole_file_problems_say_what_to_do() {
    let bytes = b"foo,bar,baz\n1,2,3\n";
    let error = import_bytes("x.csv", bytes, &ImportOptions::default(), &mut |_| true).unwrap_err();
    assert!(matches!(&error, ImportError::InFile { file, error } if file == "x.csv" && matches!(**error, ImportError::MissingField { .. })));
    assert!(error.to_string().contains("--map customer=COLUMN"), "{error}");
    let bad_delimiter = ImportOptions { delimiter: Some('€'), ..ImportOptions::default() };
    assert!(import_with("en_comma.csv", &bad_delimiter).is_err());
    let bad_encoding = ImportOptions { encoding: Some("klingon".into()), ..ImportOptions::default() };
    assert!(import_with("en_comma.csv", &bad_encoding).unwrap_err().to_string().contains("klingon"));
}

#[test]
fn reports_progress_and_cancels() {
    let bytes = read_data("en_comma.csv");
    let mut seen: Vec<Progress> = Vec::new();
    import_bytes("en_comma.csv", &bytes, &ImportOptions::default(), &mut |p| {
        seen.push(p);
        true
    })
    .unwrap();
    let last = seen.last().unwrap();
    assert_eq!((last.rows, last.bytes_read, last.bytes_total), (4, bytes.len() as u64, bytes.len() as u64));
    let cancelled = import_bytes("en_comma.csv", &bytes, &ImportOptions::default(), &mut |_| false);
    assert_eq!(cancelled.unwrap_err(), ImportError::Cancelled);
}

#[test]
fn error_report_is_formula_safe_csv() {
    let bytes = b"customer,date,amount\n=HYPERLINK(1),2024-01-05,=1+1\n";
    let imported = import_bytes("f.csv", bytes, &ImportOptions::default(), &mut |_| true).unwrap();
    let mut out = Vec::new();
    write_error_report(&imported.report.files, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text, "file,line,column,header,value,reason\nf.csv,2,3,amount,'=1+1,amount: not a number\n");
}

#[test]
fn previews_the_first_rows_with_the_guess() {
    let p = preview("nl_semicolon.csv", &read_data("nl_semicolon.csv"), &ImportOptions::default(), 2).unwrap();
    assert_eq!(p.guess.headers, ["Klantnummer", "Klantnaam", "Factuurdatum", "Omzet", "Artikelgroep"]);
    assert_eq!(p.rows.len(), 2);
    assert_eq!((p.rows[0].0, p.rows[0].1[3].as_str()), (2, "1.234,50"));
    // A preview works before the user has mapped the required fields.
    let unmapped = preview("x.csv", b"foo;bar\n1;2\n", &ImportOptions::default(), 5).unwrap();
    assert_eq!(unmapped.guess.missing, [Field::Customer, Field::Date, Field::Amount]);
}

#[test]
fn sample_round_trips_through_csv() {
    let ledger = sample_ledger();
    let mut csv = Vec::new();
    write_ledger_csv(&ledger, &mut csv).unwrap();
    let imported = import_bytes("sample.csv", &csv, &ImportOptions::default(), &mut |_| true).unwrap();
    assert!(imported.report.files[0].errors.is_empty());
    assert_eq!(imported.report.summary, Summary::of(&ledger));
    assert_eq!(imported.ledger.costs(), ledger.costs());
    assert_eq!(imported.ledger.quantities(), ledger.quantities());
    for attribute in Attribute::ALL {
        let (a, b) = (imported.ledger.attribute(attribute).unwrap(), ledger.attribute(attribute).unwrap());
        assert_eq!(a.codes(), b.codes(), "{attribute:?}");
    }
}

#[test]
fn reads_a_chosen_workbook_sheet() {
    let bytes = two_sheet_workbook();
    let first = import_bytes("book.xlsx", &bytes, &ImportOptions::default(), &mut |_| true).unwrap_err();
    assert!(first.to_string().contains("customer"), "{first}");

    let options = ImportOptions { sheet: Some("sales".into()), ..ImportOptions::default() };
    let imported = import_bytes("book.xlsx", &bytes, &options, &mut |_| true).unwrap();
    let file = &imported.report.files[0];
    assert_eq!(file.guess.source.sheets, ["Notes", "Sales"]);
    assert_eq!(file.guess.source.sheet.as_deref(), Some("Sales"));
    // 1234.5 + (0.1 + 0.2 read from its shortest form 0.30000000000000004) - 10,50
    assert_eq!(imported.report.summary.revenue, cents(123_450 + 30 - 1_050));
    assert_eq!((imported.report.summary.first_day, imported.report.summary.last_day), (day(2024, 1, 5), day(2024, 1, 7)));
    assert_eq!(imported.report.summary.customers, 2);
    assert!(imported.ledger.customer_by_key("10001").is_some());
    let e = &file.errors[..];
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].line, e[0].column_letter(), e[0].header.as_str(), e[0].value.as_str()), (5, "C".into(), "Umsatz", "n/a"));

    let missing = ImportOptions { sheet: Some("Umsatz 2024".into()), ..ImportOptions::default() };
    let error = import_bytes("book.xlsx", &bytes, &missing, &mut |_| true).unwrap_err();
    assert!(error.to_string().contains("Notes, Sales"), "{error}");
}

#[test]
fn results_cross_the_worker_boundary_as_json() {
    let imported = import("quoted_errors.csv");
    let json = serde_json::to_string(&imported.report).unwrap();
    let back: clientele::engine::import::ImportReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, imported.report);
    let options = ImportOptions { mapping: vec![(Field::Amount, Some(clientele::engine::import::ColumnRef::Number(3)))], ..ImportOptions::default() };
    let json = serde_json::to_string(&options).unwrap();
    assert_eq!(serde_json::from_str::<ImportOptions>(&json).unwrap(), options);
}

#[test]
fn an_amount_beyond_one_trillion_is_a_row_error_not_a_wrapped_sum() {
    // Eleven barcodes of 90000000000000000 (9 * 10^18 cents each; 11 of them wrap an i64 sum).
    let imported = import("barcode_amounts.csv");
    let errors = &imported.report.files[0].errors;
    let found: Vec<(u64, usize, ErrorKind)> = errors.iter().map(|e| (e.line, e.column, e.kind)).collect();
    let expected: Vec<(u64, usize, ErrorKind)> = (2..=12).map(|line| (line, 3, ErrorKind::TooLarge)).collect();
    assert_eq!(found, expected);
    assert!(errors[0].reason.starts_with("amount beyond one trillion"), "{}", errors[0].reason);
    assert_eq!((imported.ledger.len(), imported.report.summary.revenue), (0, Money::ZERO));
}

fn import_text(text: &str) -> Result<Imported, ImportError> {
    import_bytes("trillions.csv", text.as_bytes(), &ImportOptions::default(), &mut |_| true)
}

#[test]
fn a_ledger_beyond_the_money_limit_is_refused_as_a_whole() {
    // 23,058 lines of 10^14 cents: 2,305,800,000,000,000,000 <= 2^61 = 2,305,843,009,213,693,952.
    let at = import_text(&common::twenty_customers_near_the_ledger_limit()).unwrap();
    assert_eq!((at.ledger.len(), at.report.summary.revenue.cents()), (23_058, 2_305_800_000_000_000_000));
    // One line more: 2,305,900,000,000,000,000 cents, beyond 2^61.
    let over = common::twenty_customers_near_the_ledger_limit() + "C21,2024-03-01,-1000000000000.00\n";
    let error = import_text(&over).unwrap_err();
    assert_eq!(error, ImportError::Money(BeyondMoneyLimit { magnitude: 2_305_900_000_000_000_000 }));
    let start = "the amounts and costs add up to 23059000000000000.00 ignoring their signs, more than 23058430092136939.52";
    assert!(error.to_string().starts_with(start), "{error}");
}

#[test]
fn files_within_the_money_limit_can_be_beyond_it_together() {
    // 12,000 lines of 10^14 cents each: 1.2 * 10^18 per file, 2.4 * 10^18 > 2^61 together.
    let half = common::trillions(&[("A", 12_000)]);
    let one = import_text(&half).unwrap();
    let together = ImportError::Money(BeyondMoneyLimit { magnitude: 2_400_000_000_000_000_000 });
    assert_eq!(append(&[&one.ledger, &one.ledger]).unwrap_err(), together);
    let files = [InputFile { name: "a.csv", bytes: half.as_bytes() }, InputFile { name: "b.csv", bytes: half.as_bytes() }];
    assert_eq!(import_files(&files, &ImportOptions::default(), &mut |_| true).unwrap_err(), together);
}
