//! Nasty files: every one must import or be refused with an error, never panic. The corpus in
//! tests/corpus is the regression list (add any file that ever broke the importer, with a test
//! of what it yields); the property tests feed random bytes and random CSV-like text.

use clientele::engine::import::{
    import_bytes, preview, DateFormat, ErrorKind, ImportError, ImportOptions, Imported, NumberProblem,
};
use clientele::engine::ledger::CustomerId;
use clientele::engine::ledger::Field;
use proptest::prelude::*;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn import(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    // Each importer entry point, with and without overrides.
    let _ = preview(name, bytes, &ImportOptions::default(), 10);
    let forced = ImportOptions {
        delimiter: Some(';'),
        decimal_mark: Some(','),
        has_header: Some(false),
        ..ImportOptions::default()
    };
    let _ = import_bytes(name, bytes, &forced, &mut |_| true);
    import_bytes(name, bytes, &ImportOptions::default(), &mut |_| true)
}

fn import_file(name: &str) -> Result<Imported, ImportError> {
    import(name, &std::fs::read(corpus_dir().join(name)).unwrap())
}

fn inner(error: ImportError) -> ImportError {
    match error {
        ImportError::InFile { error, .. } => *error,
        other => other,
    }
}

/// Every file of the corpus, each with a test below of what it yields.
const CORPUS: [&str; 18] = [
    "binary_garbage.bin",
    "bom_only.csv",
    "empty.csv",
    "fake_workbook.xlsx",
    "formula_cells.csv",
    "huge_field.csv",
    "huge_numbers.csv",
    "invalid_utf8_mixed.csv",
    "lone_cr.csv",
    "nul_bytes.csv",
    "ole_garbage.xls",
    "only_header.csv",
    "ragged_rows.csv",
    "sep_line.csv",
    "ten_thousand_columns.csv",
    "unbalanced_quotes.csv",
    "utf16_odd_length.txt",
    "whitespace_only.csv",
];

#[test]
fn every_corpus_file_has_a_test_and_none_panics() {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, CORPUS, "a new corpus file needs a test of what it yields, and a place in CORPUS");
    for name in CORPUS {
        let result = std::panic::catch_unwind(|| import_file(name).map(|i| i.report.summary.lines));
        assert!(result.is_ok(), "{name} panicked");
    }
}

/// What an import kept and reported: lines, customer ids, revenue in cents, and each row error
/// as (line, column, kind, value), in line and column order.
#[derive(Debug, PartialEq)]
struct Outcome {
    lines: usize,
    customers: Vec<String>,
    revenue_cents: i64,
    errors: Vec<(u64, usize, ErrorKind, String)>,
}

fn outcome(name: &str) -> Outcome {
    let imported = import_file(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let ledger = &imported.ledger;
    let mut errors: Vec<_> =
        imported.report.files[0].errors.iter().map(|e| (e.line, e.column, e.kind, e.value.clone())).collect();
    errors.sort_by_key(|e| (e.0, e.1));
    Outcome {
        lines: imported.report.summary.lines,
        customers: (0..ledger.customer_count())
            .map(|c| ledger.customer_key(CustomerId::from_index(c)).to_string())
            .collect(),
        revenue_cents: imported.report.summary.revenue.cents(),
        errors,
    }
}

fn error(line: u64, column: usize, kind: ErrorKind, value: &str) -> (u64, usize, ErrorKind, String) {
    (line, column, kind, value.to_string())
}

#[test]
fn binary_garbage_is_refused_for_want_of_a_customer_column() {
    // 4 KB of random bytes: no header names a field, so the columns are numbered and none can
    // be the customer; the message names the file and says how to map one.
    let error = import_file("binary_garbage.bin").unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("binary_garbage.bin: no column found for the required field 'customer'"), "{message}");
    assert!(message.contains("--map customer=COLUMN"), "{message}");
    let ImportError::MissingField { field, headers } = inner(error) else { panic!("{message}") };
    assert_eq!(
        (field, headers),
        (Field::Customer, vec!["Column 1".to_string(), "Column 2".into(), "Column 3".into(), "Column 4".into()])
    );
}

#[test]
fn formula_cells_are_text_and_a_formula_is_no_amount() {
    // Line 2: the amount `=1+1` is not a number. Line 3: the customer `@SUM(A1)` is kept as
    // the text it is (downloads escape it), the amount `+5` is 5.00.
    let expected = Outcome {
        lines: 1,
        customers: vec!["@SUM(A1)".into()],
        revenue_cents: 500,
        errors: vec![error(
            2,
            3,
            ErrorKind::BadNumber { field: Field::Amount, problem: NumberProblem::NotANumber },
            "=1+1",
        )],
    };
    assert_eq!(outcome("formula_cells.csv"), expected);
}

#[test]
fn huge_numbers_and_impossible_dates_are_row_errors() {
    // Line 2: a 30-digit amount and a cost beyond i64 cents (both beyond the per-line limit)
    // and a quantity of 1e400 (infinite as a float); line 3: a five-digit year; line 4: an
    // Excel serial number where the other dates are YYYY-MM-DD. Nothing is imported.
    let expected = Outcome {
        lines: 0,
        customers: vec![],
        revenue_cents: 0,
        errors: vec![
            error(2, 3, ErrorKind::TooLarge { field: Field::Amount }, "999999999999999999999999999999"),
            error(2, 4, ErrorKind::BadNumber { field: Field::Quantity, problem: NumberProblem::NotANumber }, "1e400"),
            error(2, 5, ErrorKind::TooLarge { field: Field::Cost }, "-99999999999999999999.99"),
            error(3, 2, ErrorKind::BadDate { expected: DateFormat::YearMonthDay }, "99999-01-01"),
            error(4, 2, ErrorKind::BadDate { expected: DateFormat::YearMonthDay }, "45296"),
        ],
    };
    assert_eq!(outcome("huge_numbers.csv"), expected);
}

#[test]
fn invalid_utf8_is_read_as_windows_1252() {
    // `Caf\xe9` and `\xff\xfe\xfd` are not UTF-8, so the whole file is Windows-1252:
    // é, ÿ, þ, ý. Two lines, 1.00 + 2.00.
    let imported = import_file("invalid_utf8_mixed.csv").unwrap();
    assert_eq!(imported.report.files[0].guess.source.encoding.as_deref(), Some("windows-1252"));
    let expected =
        Outcome { lines: 2, customers: vec!["Café".into(), "ÿþý".into()], revenue_cents: 300, errors: vec![] };
    assert_eq!(outcome("invalid_utf8_mixed.csv"), expected);
}

#[test]
fn nul_bytes_stay_in_text_and_spoil_numbers() {
    // Line 2: customer `C<NUL>1` (kept as written), 1.00. Line 3: three NULs, one cell: no
    // date, no amount. Line 4: the amount `2<NUL>.00` is not a number.
    let expected = Outcome {
        lines: 1,
        customers: vec!["C\u{0}1".into()],
        revenue_cents: 100,
        errors: vec![
            error(3, 2, ErrorKind::Missing { field: Field::Date }, ""),
            error(3, 3, ErrorKind::Missing { field: Field::Amount }, ""),
            error(4, 3, ErrorKind::BadNumber { field: Field::Amount, problem: NumberProblem::NotANumber }, "2\u{0}.00"),
        ],
    };
    assert_eq!(outcome("nul_bytes.csv"), expected);
}

#[test]
fn ragged_rows_report_their_missing_cells() {
    // Line 2 `C1`: no date, no amount. Line 3 `C2,2024-01-05`: no amount. Line 4: C3 1.00, the
    // two extra cells ignored. Line 5 `,,`: blank, skipped.
    let expected = Outcome {
        lines: 1,
        customers: vec!["C3".into()],
        revenue_cents: 100,
        errors: vec![
            error(2, 2, ErrorKind::Missing { field: Field::Date }, ""),
            error(2, 3, ErrorKind::Missing { field: Field::Amount }, ""),
            error(3, 3, ErrorKind::Missing { field: Field::Amount }, ""),
        ],
    };
    assert_eq!(outcome("ragged_rows.csv"), expected);
    assert_eq!(import_file("ragged_rows.csv").unwrap().report.files[0].blank_lines, 1);
}

#[test]
fn an_unbalanced_quote_is_one_error_at_the_line_where_it_opens() {
    // The quote opened in line 2's amount closes only in line 4, so the cell runs over three
    // lines and is no number: one error, at line 2, showing the swallowed lines; nothing imported.
    let swallowed = "12.50\nC2,2024-01-06,1.00\nC3,2024-01-07";
    let expected = Outcome {
        lines: 0,
        customers: vec![],
        revenue_cents: 0,
        errors: vec![error(
            2,
            3,
            ErrorKind::BadNumber { field: Field::Amount, problem: NumberProblem::NotANumber },
            swallowed,
        )],
    };
    assert_eq!(outcome("unbalanced_quotes.csv"), expected);
}

#[test]
fn a_utf16_file_cut_after_an_odd_byte_ends_in_a_replacement_character() {
    // UTF-16LE with a BOM, tab-separated, three lines; the last byte (the second half of the
    // final line feed) is missing, so the file has an odd length and its last byte decodes to
    // U+FFFD. Line 2: A 1.00. Line 3: the amount reads `2.50\u{FFFD}`, not a number.
    assert_eq!(std::fs::read(corpus_dir().join("utf16_odd_length.txt")).unwrap().len() % 2, 1);
    let expected = Outcome {
        lines: 1,
        customers: vec!["A".into()],
        revenue_cents: 100,
        errors: vec![error(
            3,
            3,
            ErrorKind::BadNumber { field: Field::Amount, problem: NumberProblem::NotANumber },
            "2.50\u{FFFD}",
        )],
    };
    assert_eq!(outcome("utf16_odd_length.txt"), expected);
}

#[test]
fn empty_files_are_refused_as_empty() {
    for name in ["empty.csv", "bom_only.csv", "whitespace_only.csv"] {
        assert_eq!(import_file(name).map_err(inner).unwrap_err(), ImportError::Empty, "{name}");
    }
    assert_eq!(import_file("only_header.csv").map_err(inner).unwrap_err(), ImportError::NoData);
}

#[test]
fn unreadable_workbooks_say_so() {
    for name in ["fake_workbook.xlsx", "ole_garbage.xls"] {
        assert!(matches!(import_file(name).map_err(inner), Err(ImportError::Workbook(_))), "{name}");
    }
}

#[test]
fn old_mac_line_endings_keep_line_numbers() {
    let imported = import_file("lone_cr.csv").unwrap();
    let errors = &imported.report.files[0].errors;
    assert_eq!(imported.report.summary.lines, 1);
    assert_eq!(errors.iter().map(|e| (e.line, e.column)).collect::<Vec<_>>(), [(3, 2)]);
}

/// Line numbers of a CRLF file (what Excel on Windows writes). The csv crate counts a line only
/// when it consumes the LF, which it does when it reads the NEXT record (BurntSushi/rust-csv#395),
/// so without the importer's own count every record after the first CRLF would be reported one
/// line early: here the `C` record is line 3, not line 2.
#[test]
fn windows_line_endings_keep_line_numbers() {
    let imported =
        import("crlf.csv", b"customer,date,amount\r\nA,2024-01-05,1.00\r\nC\r\nB,2024-01-06,2.50\r\n").unwrap();
    let errors = &imported.report.files[0].errors;
    assert_eq!(imported.report.summary.lines, 2);
    assert_eq!(errors.iter().map(|e| (e.line, e.column)).collect::<Vec<_>>(), [(3, 3), (3, 2)]);
}

#[test]
fn a_huge_field_is_reported_cut_short() {
    let imported = import_file("huge_field.csv").unwrap();
    let errors = &imported.report.files[0].errors;
    assert_eq!((errors.len(), errors[0].line, errors[0].value.chars().count()), (1, 2, 200));
    assert_eq!(imported.report.summary.lines, 1);
}

#[test]
fn ten_thousand_columns_are_read() {
    let result = import_file("ten_thousand_columns.csv");
    assert!(matches!(result.map_err(inner), Err(ImportError::MissingField { .. })));
}

#[test]
fn sep_line_sets_the_delimiter() {
    let imported = import_file("sep_line.csv").unwrap();
    assert_eq!(imported.report.files[0].guess.source.delimiter, Some(';'));
    assert_eq!(imported.report.summary.revenue.cents(), 100);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = import("random.csv", &bytes);
    }

    #[test]
    fn random_csv_like_text_never_panics(text in "[a-zA-Z0-9 ,;\t|\"'\n\r.\\-€£$()/:é\u{a0}]{0,600}") {
        let with_header = format!("customer,date,amount,quantity,cost,product\n{text}");
        let _ = import("random.csv", text.as_bytes());
        let _ = import("random.csv", with_header.as_bytes());
    }

    #[test]
    fn random_values_in_a_valid_ledger_never_panic(
        cells in proptest::collection::vec("[0-9 ,.\\-()€$a-z/:T]{0,14}", 6..60)
    ) {
        let rows: Vec<String> = cells.chunks(6).map(|c| c.join(";")).collect();
        let text = format!("customer;date;amount;quantity;cost;region\n{}", rows.join("\n"));
        if let Ok(imported) = import("random.csv", text.as_bytes()) {
            let report = &imported.report;
            prop_assert_eq!(report.summary.lines, report.files[0].lines);
        }
    }
}
