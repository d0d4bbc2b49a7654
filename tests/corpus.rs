//! Nasty files: every one must import or be refused with an error, never panic. The corpus in
//! tests/corpus is the regression list (add any file that ever broke the importer); the property
//! tests feed random bytes and random CSV-like text.

use clientele::engine::import::{import_bytes, preview, ImportError, ImportOptions, Imported};
use proptest::prelude::*;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn import(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    // Each importer entry point, with and without overrides.
    let _ = preview(name, bytes, &ImportOptions::default(), 10);
    let forced = ImportOptions { delimiter: Some(';'), decimal_mark: Some(','), has_header: Some(false), ..ImportOptions::default() };
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

#[test]
fn every_corpus_file_imports_or_errors() {
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let result = std::panic::catch_unwind(|| import_file(&name).map(|i| i.report.summary.lines));
        assert!(result.is_ok(), "{name} panicked");
    }
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
