//! CSV out: a whole ledger in the format the importer reads back, and the row error report.

use super::{ErrorKind, FileReport};
use crate::engine::ledger::{Field, Ledger};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

/// The eleven columns of the large test ledger (the shape performance.md measures).
const TEST_LEDGER_FIELDS: [Field; 11] = [
    Field::Customer,
    Field::Date,
    Field::Amount,
    Field::Invoice,
    Field::Product,
    Field::ProductGroup,
    Field::Quantity,
    Field::Cost,
    Field::SalesRep,
    Field::Region,
    Field::Segment,
];

/// The fields a ledger has values for, in method.md order.
fn fields_of(ledger: &Ledger) -> Vec<Field> {
    let has = |field: Field| match field {
        Field::Customer | Field::Date | Field::Amount => true,
        Field::CustomerName => ledger.all_customers().any(|c| ledger.customer_name(c).is_some()),
        Field::Quantity => ledger.quantities().is_some(),
        Field::Cost => ledger.costs().is_some(),
        other => other.attribute().is_some_and(|a| ledger.attribute(a).is_some()),
    };
    Field::ALL.into_iter().filter(|&f| has(f)).collect()
}

/// Writes the ledger as CSV: a header of field names, ISO dates, `.` decimals. Values are written
/// as they are (no formula escaping), so that importing the file gives the same ledger back.
pub fn write_ledger_csv(ledger: &Ledger, out: impl io::Write) -> csv::Result<()> {
    write_ledger_lines(ledger, &fields_of(ledger), ledger.len(), out)
}

/// A large test ledger for benchmarks: `lines` lines of eleven columns, cycling through `ledger`
/// (the sample ledger gives about 95 bytes a line).
pub fn write_test_ledger(ledger: &Ledger, lines: usize, out: impl io::Write) -> csv::Result<()> {
    write_ledger_lines(ledger, &TEST_LEDGER_FIELDS, lines, out)
}

/// Writes `lines` lines of `fields`, cycling through the ledger. Each pass after the first adds
/// `-2`, `-3`, ... to customer ids and invoice numbers, so that a large test ledger has
/// proportionally more customers. Deterministic: the same ledger gives the same bytes.
fn write_ledger_lines(ledger: &Ledger, fields: &[Field], lines: usize, out: impl io::Write) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(fields.iter().map(|f| f.name()))?;
    let mut cells: Vec<String> = vec![String::new(); fields.len()];
    let lines = if ledger.is_empty() { 0 } else { lines };
    for n in 0..lines {
        let (pass, line) = (n / ledger.len(), n % ledger.len());
        for (cell, &field) in cells.iter_mut().zip(fields) {
            cell.clear();
            write_value(cell, ledger, field, line);
            if pass > 0 && matches!(field, Field::Customer | Field::Invoice) {
                let _ = write!(cell, "-{}", pass + 1);
            }
        }
        writer.write_record(&cells)?;
    }
    writer.flush()?;
    Ok(())
}

fn write_value(cell: &mut String, ledger: &Ledger, field: Field, line: usize) {
    let customer = ledger.customers()[line];
    // Writing to a String cannot fail.
    let _ = match field {
        Field::Customer => write!(cell, "{}", ledger.customer_key(customer)),
        Field::CustomerName => write!(cell, "{}", ledger.customer_name(customer).unwrap_or("")),
        Field::Date => write!(cell, "{}", ledger.dates()[line]),
        Field::Amount => write!(cell, "{}", ledger.amounts()[line]),
        Field::Cost => match ledger.costs().and_then(|c| c.get(line)) {
            Some(cost) => write!(cell, "{cost}"),
            None => Ok(()),
        },
        Field::Quantity => match ledger.quantities().and_then(|q| q.get(line)) {
            Some(quantity) => write!(cell, "{quantity}"),
            None => Ok(()),
        },
        other => match other.attribute().and_then(|a| ledger.attribute(a)) {
            Some(column) => write!(cell, "{}", column.value_of_line(line)),
            None => Ok(()),
        },
    };
}

/// Writes every row error of every file as CSV (`file,line,column,header,value,reason`), for
/// the user to download. Text cells that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or carriage return) get a leading apostrophe, as OWASP advises for
/// CSV injection; so a value `-12,50` shows as `'-12,50`. `reason` words each error (the CLI's
/// `Display`, or the app's text in the user's language).
pub fn write_error_report(
    files: &[FileReport],
    reason: impl Fn(&ErrorKind) -> String,
    out: impl io::Write,
) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(["file", "line", "column", "header", "value", "reason"])?;
    for file in files {
        for e in &file.errors {
            let (line, column) = (e.line.to_string(), e.column.to_string());
            let why = reason(&e.kind);
            let texts = [&file.file, &e.header, &e.value, &why].map(|t| formula_safe(t));
            let [name, header, value, reason] = &texts;
            writer.write_record([name.as_ref(), &line, &column, header, value, reason])?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// Writes a table (header row, then rows) as CSV for the user to download, every text cell
/// made formula-safe. Plain numbers (`-1234.56`) are written as they are: a spreadsheet reads
/// them as numbers, never as formulas, and a leading apostrophe would turn them into text.
pub fn write_table_csv(rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let cells =
            row.iter()
                .map(|cell| if is_plain_number(cell) { Cow::Borrowed(cell.as_str()) } else { formula_safe(cell) });
        // Writing to memory cannot fail.
        let _ = writer.write_record(cells.map(|c| c.into_owned()));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// An optional minus sign, digits, and at most one `.` followed by digits.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// The cell with a leading apostrophe if a spreadsheet would read it as a formula.
fn formula_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas() {
        assert_eq!(formula_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(formula_safe("-12,50"), "'-12,50");
        assert_eq!(formula_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(formula_safe("Acme"), "Acme");
    }

    #[test]
    fn tables_keep_numbers_and_neutralise_text() {
        let rows = vec![
            vec!["customer".to_string(), "revenue".to_string()],
            vec!["=cmd|' /C calc'!A0".to_string(), "-1234.50".to_string()],
            vec!["Acme, Inc".to_string(), "-12,50".to_string()],
            vec!["+31 20".to_string(), "12.".to_string()],
        ];
        let csv = write_table_csv(&rows);
        assert_eq!(csv, "customer,revenue\n'=cmd|' /C calc'!A0,-1234.50\n\"Acme, Inc\",\"'-12,50\"\n'+31 20,12.\n");
    }
}
