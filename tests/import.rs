//! The importer on hand-made files: every number below is worked out by hand from the files in
//! tests/data.

mod common;

use clientele::engine::date::Day;
use clientele::engine::import::{
    append, import_bytes, import_files, preview, write_error_report, write_ledger_csv, DateFormat, ErrorKind,
    FileReport, Grouping, ImportError, ImportOptions, Imported, InputFile, NumberFormat, NumberProblem, Progress,
    TitleLines, TotalRow,
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
        Expected {
            file: "en_comma.csv",
            delimiter: ',',
            number: format('.', Some(',')),
            date: DateFormat::YearMonthDay,
            lines: 3,
            revenue: 228_406,
            credited: -20_050,
            first: day(2024, 1, 5),
            last: day(2024, 3, 15),
        },
        // 1.234,50 + 99,95 - 34,45
        Expected {
            file: "nl_semicolon.csv",
            delimiter: ';',
            number: format(',', Some('.')),
            date: DateFormat::DayMonthYear,
            lines: 3,
            revenue: 130_000,
            credited: -3_445,
            first: day(2024, 1, 5),
            last: day(2024, 2, 15),
        },
        // € 1 234,00 + € 56,78 - (10,00)
        Expected {
            file: "de_tab.tsv",
            delimiter: '\t',
            number: format(',', Some(' ')),
            date: DateFormat::DayMonthYear,
            lines: 3,
            revenue: 128_078,
            credited: -1_000,
            first: day(2024, 1, 2),
            last: day(2024, 3, 21),
        },
        // 1 500,00 kr + 250,25 kr - 100,00-
        Expected {
            file: "sv_pipe.txt",
            delimiter: '|',
            number: format(',', Some(' ')),
            date: DateFormat::YearMonthDay,
            lines: 3,
            revenue: 165_025,
            credited: -10_000,
            first: day(2024, 1, 5),
            last: day(2024, 12, 31),
        },
        // 1 234,56 € (no-break space) - 12,00 €
        Expected {
            file: "fr_semicolon.csv",
            delimiter: ';',
            number: format(',', Some('\u{a0}')),
            date: DateFormat::DayMonthYear,
            lines: 2,
            revenue: 122_256,
            credited: -1_200,
            first: day(2024, 1, 13),
            last: day(2024, 2, 14),
        },
        // $1,000.00 - ($250.50) + $99.99
        Expected {
            file: "us_mdy.csv",
            delimiter: ',',
            number: format('.', Some(',')),
            date: DateFormat::MonthDayYear,
            lines: 3,
            revenue: 84_949,
            credited: -25_050,
            first: day(2024, 1, 13),
            last: day(2024, 12, 31),
        },
        // 10 + 20,5; serials 45296 and 45658
        Expected {
            file: "excel_serial.csv",
            delimiter: ';',
            number: format(',', None),
            date: DateFormat::ExcelSerial,
            lines: 2,
            revenue: 3_050,
            credited: 0,
            first: day(2024, 1, 5),
            last: day(2025, 1, 1),
        },
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
    assert_eq!(
        mapped(&import("en_comma.csv")),
        [(Customer, 1), (Date, 3), (Amount, 5), (CustomerName, 2), (Invoice, 4), (Product, 6)]
    );
    assert_eq!(
        mapped(&import("nl_semicolon.csv")),
        [(Customer, 1), (Date, 3), (Amount, 4), (CustomerName, 2), (ProductGroup, 5)]
    );
    assert_eq!(
        mapped(&import("de_tab.tsv")),
        [(Customer, 1), (Date, 3), (Amount, 4), (CustomerName, 2), (SalesRep, 5)]
    );
    assert_eq!(mapped(&import("sv_pipe.txt")), [(Customer, 1), (Date, 2), (Amount, 3), (SalesRep, 4)]);
    assert_eq!(
        mapped(&import("fr_semicolon.csv")),
        [(Customer, 1), (Date, 3), (Amount, 4), (CustomerName, 2), (Region, 5)]
    );
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
            (4, 3, "date", ErrorKind::BadDate { expected: DateFormat::YearMonthDay }, "2024-13-01"),
            (5, 4, "amount", ErrorKind::BadNumber { field: Field::Amount, problem: NumberProblem::NotANumber }, "abc"),
            (8, 1, "customer", ErrorKind::Missing { field: Field::Customer }, ""),
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
            TotalRow { line: 3, label: "Subtotaal".into(), amount: Some(cents(10_000)), group: None },
            TotalRow { line: 5, label: String::new(), amount: Some(cents(15_000)), group: None },
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
    assert!(guess.notes.iter().any(|n| n.to_string().contains("day-first")), "{:?}", guess.notes);
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
    let examples: Vec<_> =
        d.examples.iter().map(|e| (e.file.as_str(), e.line, e.first_file.as_str(), e.first_line)).collect();
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
    assert!(
        matches!(&error, ImportError::InFile { file, error } if file == "x.csv" && matches!(**error, ImportError::MissingField { .. }))
    );
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
    write_error_report(&imported.report.files, ErrorKind::to_string, &mut out).unwrap();
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
    assert_eq!(
        (imported.report.summary.first_day, imported.report.summary.last_day),
        (day(2024, 1, 5), day(2024, 1, 7))
    );
    assert_eq!(imported.report.summary.customers, 2);
    assert!(imported.ledger.customer_by_key("10001").is_some());
    let e = &file.errors[..];
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].line, e[0].column_letter(), e[0].header.as_str(), e[0].value.as_str()),
        (5, "C".into(), "Umsatz", "n/a")
    );

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
    let options = ImportOptions {
        mapping: vec![(Field::Amount, Some(clientele::engine::import::ColumnRef::Number(3)))],
        ..ImportOptions::default()
    };
    let json = serde_json::to_string(&options).unwrap();
    assert_eq!(serde_json::from_str::<ImportOptions>(&json).unwrap(), options);
}

#[test]
fn an_amount_beyond_one_trillion_is_a_row_error_not_a_wrapped_sum() {
    // Eleven barcodes of 90000000000000000 (9 * 10^18 cents each; 11 of them wrap an i64 sum).
    let imported = import("barcode_amounts.csv");
    let errors = &imported.report.files[0].errors;
    let found: Vec<(u64, usize, ErrorKind)> = errors.iter().map(|e| (e.line, e.column, e.kind)).collect();
    let expected: Vec<(u64, usize, ErrorKind)> =
        (2..=12).map(|line| (line, 3, ErrorKind::TooLarge { field: Field::Amount })).collect();
    assert_eq!(found, expected);
    let reason = errors[0].kind.to_string();
    assert!(reason.starts_with("amount beyond one trillion"), "{reason}");
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
    let start =
        "the amounts and costs add up to 23059000000000000.00 ignoring their signs, more than 23058430092136939.52";
    assert!(error.to_string().starts_with(start), "{error}");
}

#[test]
fn files_within_the_money_limit_can_be_beyond_it_together() {
    // 12,000 lines of 10^14 cents each: 1.2 * 10^18 per file, 2.4 * 10^18 > 2^61 together.
    let half = common::trillions(&[("A", 12_000)]);
    let one = import_text(&half).unwrap();
    let together = ImportError::Money(BeyondMoneyLimit { magnitude: 2_400_000_000_000_000_000 });
    assert_eq!(append(&[&one.ledger, &one.ledger]).unwrap_err(), together);
    let files =
        [InputFile { name: "a.csv", bytes: half.as_bytes() }, InputFile { name: "b.csv", bytes: half.as_bytes() }];
    assert_eq!(import_files(&files, &ImportOptions::default(), &mut |_| true).unwrap_err(), together);
}

/// Revenue per customer key and calendar year, in cents, sorted: what the hand-sums below give.
fn revenue_by_year(imported: &Imported) -> Vec<(String, i32, i64)> {
    let ledger = &imported.ledger;
    let mut sums = std::collections::BTreeMap::new();
    for ((&customer, &date), &amount) in ledger.customers().iter().zip(ledger.dates()).zip(ledger.amounts()) {
        *sums.entry((ledger.customer_key(customer).to_string(), date.year())).or_insert(0) += amount.cents();
    }
    sums.into_iter().map(|((customer, year), cents)| (customer, year, cents)).collect()
}

fn by_year(rows: &[(&str, i32, i64)]) -> Vec<(String, i32, i64)> {
    rows.iter().map(|&(c, y, cents)| (c.to_string(), y, cents)).collect()
}

fn title(header_line: u64, skipped: &[(u64, &str)]) -> Option<TitleLines> {
    Some(TitleLines { header_line, skipped: skipped.iter().map(|&(line, text)| (line, text.to_string())).collect() })
}

/// (line, label, amount, what the group's lines add up to when they do not match)
type Total<'a> = (u64, &'a str, Option<Money>, Option<Money>);

fn totals(file: &FileReport) -> Vec<Total<'_>> {
    file.totals.iter().map(|t| (t.line, t.label.as_str(), t.amount, t.mismatch())).collect()
}

#[test]
fn finds_the_header_below_four_title_lines() {
    let imported = import("title_lines.csv");
    let file = &imported.report.files[0];
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(file.guess.source.delimiter, Some(','));
    // The third title line is ragged: two cells.
    let skipped = [
        (1, "Sales ledger"),
        (2, "Bakker Groothandel BV"),
        (3, "Period: 1 January 2023 to 31 December 2024"),
        (4, "Printed 2025-01-06"),
    ];
    assert_eq!(file.guess.title, title(5, &skipped));
    assert!(!file.guess.grouped && file.grouping.is_none());
    // C1: 100.00 (2023) and 75.25 (2024); C2: 250.50 (2023) and -50.50 (2024); C3: 1,000.00 (2024).
    assert_eq!(
        revenue_by_year(&imported),
        by_year(&[
            ("C1", 2023, 10_000),
            ("C1", 2024, 7_525),
            ("C2", 2023, 25_050),
            ("C2", 2024, -5_050),
            ("C3", 2024, 100_000)
        ])
    );
}

#[test]
fn finds_the_header_below_a_title_with_commas_in_a_semicolon_file() {
    let imported = import("title_semicolon.csv");
    let file = &imported.report.files[0];
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(file.guess.source.delimiter, Some(';'));
    assert_eq!(file.guess.number_format, NumberFormat { decimal_mark: ',', thousands_separator: Some('.') });
    // Line 4 is blank; the header is on line 5.
    let skipped = [
        (1, "Omzet per klant, alle afdelingen, 2024"),
        (2, "Bakker Groothandel B.V., Utrecht"),
        (3, "Periode: 01-01-2024 t/m 28-02-2025"),
    ];
    assert_eq!(file.guess.title, title(5, &skipped));
    // 1001: 1.234,50 - 34,45 = 1.200,05 (2024); 1002: 99,95 (2024) and 500,00 (2025);
    // 1003: 2.000,00 (2024) and 12,34 (2025).
    assert_eq!(
        revenue_by_year(&imported),
        by_year(&[
            ("1001", 2024, 120_005),
            ("1002", 2024, 9_995),
            ("1002", 2025, 50_000),
            ("1003", 2024, 200_000),
            ("1003", 2025, 1_234)
        ])
    );
    let jansen = imported.ledger.customer_by_key("1001").unwrap();
    assert_eq!(imported.ledger.customer_name(jansen), Some("Jansen, Pieters & Zn."));
}

#[test]
fn finds_the_header_on_row_4_of_a_workbook() {
    let imported =
        import_bytes("titled.xlsx", &common::titled_workbook(), &ImportOptions::default(), &mut |_| true).unwrap();
    let file = &imported.report.files[0];
    // Row 2 has two cells; row 3 is blank and not listed.
    assert_eq!(file.guess.title, title(4, &[(1, "Sales by customer 2024-2025"), (2, "Bakker Groothandel BV Utrecht")]));
    let errors: Vec<(u64, String, &str)> =
        file.errors.iter().map(|e| (e.line, e.column_letter(), e.value.as_str())).collect();
    assert_eq!(errors, [(8, "C".to_string(), "n/a")]);
    // 1001: 100.50 (2024) and 50.25 (2025); 1002: 200.00 (2024).
    assert_eq!(
        revenue_by_year(&imported),
        by_year(&[("1001", 2024, 10_050), ("1001", 2025, 5_025), ("1002", 2024, 20_000)])
    );
}

/// tests/data/sales_by_customer_detail.csv, and the same as a workbook: three customer groups,
/// six lines filled down, three subtotals and the grand total.
fn assert_sales_by_customer_detail(imported: &Imported, beta_mismatch: Option<Money>) {
    let file = &imported.report.files[0];
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(file.guess.title.as_ref().map(|t| (t.header_line, t.skipped.len())), Some((5, 3)));
    assert!(file.guess.grouped);
    assert_eq!(file.grouping, Some(Grouping { groups: 3, filled: 6 }));
    // Acme BV: 200.00 + 50.00 (2023), 300.00 (2024); Beta NV: 1,200.00 (2023), -100.00 (2024);
    // Gamma GmbH: 75.50 (2024).
    assert_eq!(
        revenue_by_year(imported),
        by_year(&[
            ("Acme BV", 2023, 25_000),
            ("Acme BV", 2024, 30_000),
            ("Beta NV", 2023, 120_000),
            ("Beta NV", 2024, -10_000),
            ("Gamma GmbH", 2024, 7_550)
        ])
    );
    // Acme's subtotal 550.00 = 200 + 50 + 300; Gamma's 75.50; Beta's lines add up to
    // 1,200.00 - 100.00 = 1,100.00.
    let beta = beta_mismatch.map_or(cents(110_000), |_| cents(100_000));
    assert_eq!(
        totals(file),
        [
            (10, "Total for Acme BV", Some(cents(55_000)), None),
            (14, "Total for Beta NV", Some(beta), beta_mismatch),
            (17, "Total for Gamma GmbH", Some(cents(7_550)), None),
            (18, "TOTAL", Some(cents(172_550)), None),
        ]
    );
    assert_eq!((file.subtotals().count(), file.grand_totals().count()), (3, 1));
}

#[test]
fn fills_the_customer_down_in_a_sales_by_customer_detail_report() {
    let imported = import("sales_by_customer_detail.csv");
    assert_eq!(imported.report.files[0].guess.date_format, DateFormat::MonthDayYear);
    assert_sales_by_customer_detail(&imported, None);
    let workbook =
        import_bytes("detail.xlsx", &common::grouped_workbook(1100.0), &ImportOptions::default(), &mut |_| true)
            .unwrap();
    assert_sales_by_customer_detail(&workbook, None);
}

#[test]
fn takes_the_unnamed_first_column_of_a_grouped_report_as_the_customer() {
    // QuickBooks leaves the header of the group column empty.
    let text = String::from_utf8(read_data("sales_by_customer_detail.csv")).unwrap();
    let unnamed = text.replace("Customer,Date,", ",Date,");
    let imported = import_bytes("qbo.csv", unnamed.as_bytes(), &ImportOptions::default(), &mut |_| true).unwrap();
    assert_eq!(mapped(&imported)[0], (Field::Customer, 1));
    assert_eq!(imported.report.files[0].guess.headers[0], "Column 1");
    assert_sales_by_customer_detail(&imported, None);
    // A flat file with an unnamed first column does not get a customer from it.
    let flat =
        import_bytes("flat.csv", b",date,amount\nC1,2024-01-05,10.00\n", &ImportOptions::default(), &mut |_| true);
    assert!(
        matches!(flat.unwrap_err(), ImportError::InFile { error, .. } if matches!(*error, ImportError::MissingField { .. }))
    );
}

#[test]
fn a_subtotal_that_its_lines_do_not_add_up_to_is_noted() {
    let text = String::from_utf8(read_data("sales_by_customer_detail.csv")).unwrap();
    let wrong = text.replace("Total for Beta NV,,,,,\"1,100.00\"", "Total for Beta NV,,,,,\"1,000.00\"");
    let imported = import_bytes("wrong.csv", wrong.as_bytes(), &ImportOptions::default(), &mut |_| true).unwrap();
    // Beta NV's lines still add up to 1,200.00 - 100.00 = 1,100.00.
    assert_sales_by_customer_detail(&imported, Some(cents(110_000)));
    let workbook =
        import_bytes("wrong.xlsx", &common::grouped_workbook(1000.0), &ImportOptions::default(), &mut |_| true)
            .unwrap();
    assert_sales_by_customer_detail(&workbook, Some(cents(110_000)));
}

#[test]
fn fills_the_customer_down_under_labelled_group_rows() {
    let imported = import("omzet_per_debiteur.csv");
    let file = &imported.report.files[0];
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(file.grouping, Some(Grouping { groups: 2, filled: 3 }));
    // 1001 Jansen BV: 1.000,00 (2024), 250,00 (2025); 1002 De Vries: 500,00 (2024).
    assert_eq!(
        revenue_by_year(&imported),
        by_year(&[
            ("1001 Jansen BV", 2024, 100_000),
            ("1001 Jansen BV", 2025, 25_000),
            ("1002 De Vries", 2024, 50_000)
        ])
    );
    // 1.000,00 + 250,00 = 1.250,00 and 500,00: both subtotals match.
    assert_eq!(
        totals(file),
        [
            (8, "Totaal 1001 Jansen BV", Some(cents(125_000)), None),
            (11, "Totaal 1002 De Vries", Some(cents(50_000)), None),
            (12, "Eindtotaal", Some(cents(175_000)), None),
        ]
    );
}

#[test]
fn never_fills_down_in_a_flat_file() {
    let imported = import("flat_missing_customer.csv");
    let file = &imported.report.files[0];
    assert!(!file.guess.grouped && file.grouping.is_none() && file.guess.title.is_none());
    let errors: Vec<(u64, usize, ErrorKind, String)> =
        file.errors.iter().map(|e| (e.line, e.column, e.kind, e.kind.to_string())).collect();
    assert_eq!(errors, [(3, 1, ErrorKind::Missing { field: Field::Customer }, "missing customer".to_string())]);
    // C1 10.00 and C2 30.00; the 20.00 of line 3 is not given to C1.
    assert_eq!(revenue_by_year(&imported), by_year(&[("C1", 2024, 1_000), ("C2", 2024, 3_000)]));
}

#[test]
fn lines_after_blank_lines_keep_their_line_numbers() {
    // C2 is on line 4 (line 3 is blank) and C3 on line 7 (lines 5 and 6 are blank), with LF and
    // with CRLF line ends.
    for text in [
        "customer,date,amount\nC1,2024-01-01,1\n\nC2,bad,2\n\n\nC3,bad,3\n",
        "customer,date,amount\r\nC1,2024-01-01,1\r\n\r\nC2,bad,2\r\n\r\n\r\nC3,bad,3\r\n",
    ] {
        let imported = import_bytes("blank.csv", text.as_bytes(), &ImportOptions::default(), &mut |_| true).unwrap();
        let lines: Vec<u64> = imported.report.files[0].errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 7], "{text:?}");
    }
}
