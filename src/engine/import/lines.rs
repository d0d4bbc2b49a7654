//! Turning one record into one ledger line, or into row errors, or recognising it as a total.

use super::dates::{excel_day, DateFormat};
use super::duplicates::Origins;
use super::mapping::{names_field, normalize, Mapping};
use super::number::{parse_cents, parse_decimal, NumberError, NumberFormat, NumberProblem};
use super::row::{Cell, Row};
use crate::engine::date::Day;
use crate::engine::ledger::{Attribute, Columns, Field, LedgerBuilder, LedgerPart, LineExtras};
use crate::engine::money::Money;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// Error values longer than this are cut (a runaway quoted field can hold megabytes).
const MAX_VALUE_CHARS: usize = 200;

/// Words that mark a total or subtotal line (normalised), in the five languages.
const TOTAL_WORDS: [&str; 16] = [
    "total",
    "totals",
    "grand total",
    "subtotal",
    "sub total",
    "sum",
    "totaal",
    "eindtotaal",
    "subtotaal",
    "summe",
    "gesamt",
    "gesamtsumme",
    "zwischensumme",
    "totalt",
    "summa",
    "somme",
];

/// What a file's lines are read with: the outcome of the guess and the user's overrides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Records before the first data record: title lines and the header.
    pub skip: usize,
    /// A grouped report: group rows name the customer of the lines below them.
    pub grouped: bool,
    pub mapping: Mapping,
    pub number: NumberFormat,
    pub date: DateFormat,
    /// The sheet column of the first cell (0 for CSV), so errors name the column the user sees.
    pub first_column: usize,
}

/// Why a line could not be read: what the message needs, not the message. `Display` gives the
/// CLI's English text, which may name its flags; the app's text is `i18n::import::row_error`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorKind {
    /// A required value is empty (or an optional number's cell holds only a sign or currency).
    Missing {
        field: Field,
    },
    /// Not a date in the file's date format.
    BadDate {
        expected: DateFormat,
    },
    /// A date that reads but lies outside `Day::EARLIEST..=Day::LATEST`.
    DateOutOfRange {
        day: Day,
        earliest: Day,
        latest: Day,
    },
    BadNumber {
        field: Field,
        problem: NumberProblem,
    },
    /// An amount or cost beyond `Money::LINE_LIMIT` (or beyond any integer): not an amount.
    TooLarge {
        field: Field,
    },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ErrorKind::Missing { field } => write!(f, "missing {}", field.name()),
            ErrorKind::BadDate { expected } => {
                write!(f, "not a date in the format {} (see --date-format)", expected.pattern())
            }
            ErrorKind::DateOutOfRange { day, earliest, latest } => write!(
                f,
                "date {day} is outside {earliest} to {latest}: correct the year, or map the right column as date (see --map)"
            ),
            ErrorKind::BadNumber { field, problem } => write!(f, "{}: {problem}", field.name()),
            ErrorKind::TooLarge { field } => {
                let (name, limit) = (field.name(), Money::LINE_LIMIT);
                write!(
                    f,
                    "{name} beyond one trillion (±{limit}), the most one line may hold: is this column really the \
                     {name}? A barcode or account number mapped as the {name} does this; map the right column \
                     (--map {name}=COLUMN or the column mapping)"
                )
            }
        }
    }
}

/// A line that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// The 1-based line of the file where the record starts (the row number in a sheet).
    pub line: u64,
    /// 1-based column number.
    pub column: usize,
    pub header: String,
    /// The cell's text (cut after 200 characters).
    pub value: String,
    pub kind: ErrorKind,
}

impl RowError {
    /// The column as a spreadsheet letter (`A`, `Z`, `AA`).
    pub fn column_letter(&self) -> String {
        let mut letters = Vec::new();
        let mut n = self.column;
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(char::from(b'A' + rem as u8));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }
}

/// A total or subtotal line, left out of the ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotalRow {
    pub line: u64,
    /// The word that marked it (`Total`, `Summe`), or empty for a trailing line with an amount
    /// and no customer.
    pub label: String,
    pub amount: Option<Money>,
    /// For a grouped report's subtotal: the group it closes.
    #[serde(default)]
    pub group: Option<GroupSum>,
}

impl TotalRow {
    /// What the subtotal's lines add up to, when that is not what the subtotal says (a sign
    /// that the report was read wrongly, or that some of its lines could not be read).
    pub fn mismatch(&self) -> Option<Money> {
        self.group.as_ref().filter(|g| self.amount != Some(g.sum)).map(|g| g.sum)
    }
}

/// The group a subtotal closes, and its imported lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSum {
    pub customer: String,
    pub lines: usize,
    pub sum: Money,
}

/// What filling the customer down in a grouped report did.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grouping {
    /// Group rows read.
    pub groups: usize,
    /// Lines whose empty customer cell took the customer of their group row.
    pub filled: usize,
}

/// The ledger columns for files with these mappings: every optional field any of them maps.
pub fn columns_of<'m>(mappings: impl Iterator<Item = &'m Mapping> + Clone) -> Columns {
    let any = |field: Field| mappings.clone().any(|m| m.is_mapped(field));
    Columns {
        cost: any(Field::Cost),
        quantity: any(Field::Quantity),
        attributes: Attribute::ALL.into_iter().filter(|a| any(a.field())).collect(),
    }
}

/// What reading one file's lines gave besides the ledger lines: the lines' part of its
/// `FileReport` (the caller adds the file's name and guess).
#[derive(Debug)]
pub struct FileLines {
    pub lines: usize,
    pub errors: Vec<RowError>,
    pub totals: Vec<TotalRow>,
    pub blank_lines: usize,
    pub grouping: Option<Grouping>,
}

/// Reads one file's records into the ledger being built.
pub struct LineReader<'r> {
    plan: &'r Plan,
    headers: &'r [String],
    /// This file's column for each attribute column of the ledger.
    attributes: Vec<Option<usize>>,
    cost: bool,
    quantity: bool,
    builder: &'r mut LedgerBuilder,
    origins: &'r mut Origins,
    /// The group of a grouped report the current lines belong to.
    group: Option<GroupSum>,
    found: Found,
}

/// What reading a run of records found besides the ledger lines.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Found {
    lines: usize,
    errors: Vec<RowError>,
    totals: Vec<TotalRow>,
    /// Lines with an amount and no customer: totals if nothing but such lines follows, errors
    /// otherwise.
    pending: Vec<(TotalRow, Vec<RowError>)>,
    blank_lines: usize,
    /// Whether a line with a customer (or without an amount) came, which makes every earlier
    /// pending line an error.
    flushed: bool,
    grouping: Grouping,
}

impl Found {
    /// Moves every line number on by `lines` (for records read from the middle of a file).
    fn shift(&mut self, lines: u64) {
        let errors = self.errors.iter_mut().chain(self.pending.iter_mut().flat_map(|(_, e)| e.iter_mut()));
        errors.for_each(|e| e.line += lines);
        let totals = self.totals.iter_mut().chain(self.pending.iter_mut().map(|(t, _)| t));
        totals.for_each(|t| t.line += lines);
    }
}

impl<'r> LineReader<'r> {
    pub fn new(
        plan: &'r Plan,
        columns: &Columns,
        headers: &'r [String],
        builder: &'r mut LedgerBuilder,
        origins: &'r mut Origins,
    ) -> LineReader<'r> {
        LineReader {
            plan,
            headers,
            attributes: columns.attributes.iter().map(|a| plan.mapping.column(a.field())).collect(),
            cost: columns.cost,
            quantity: columns.quantity,
            builder,
            origins,
            group: None,
            found: Found::default(),
        }
    }

    /// A reader with this one's plan for records read into another builder (e.g. on another
    /// thread), to `join` afterwards.
    pub fn sibling<'s>(&self, builder: &'s mut LedgerBuilder, origins: &'s mut Origins) -> LineReader<'s>
    where
        'r: 's,
    {
        LineReader {
            attributes: self.attributes.clone(),
            builder,
            origins,
            group: None,
            found: Found::default(),
            ..*self
        }
    }

    /// An empty builder with the same columns as this reader's.
    pub fn empty_builder(&self) -> LedgerBuilder {
        self.builder.empty_like()
    }

    /// Room for `lines` more lines.
    pub fn reserve(&mut self, lines: usize) {
        self.builder.reserve(lines);
        self.origins.reserve(lines);
    }

    /// What this reader found, once its records are read into its builder.
    pub fn into_found(self) -> Found {
        self.found
    }

    /// Appends what another reader read from the records that follow this one's, counting its
    /// lines from `line_offset` (the lines of the file before its first record).
    pub fn join(&mut self, lines: LedgerPart, origins: Origins, mut later: Found, line_offset: u64) {
        later.shift(line_offset);
        self.builder.append(lines);
        self.origins.append(origins, line_offset);
        if later.flushed {
            self.flush_pending();
        }
        let found = &mut self.found;
        found.lines += later.lines;
        found.errors.append(&mut later.errors);
        found.totals.append(&mut later.totals);
        found.pending.append(&mut later.pending);
        found.blank_lines += later.blank_lines;
        found.grouping.groups += later.grouping.groups;
        found.grouping.filled += later.grouping.filled;
    }

    fn cell<'c, R: Row + ?Sized>(&self, row: &'c R, field: Field) -> Cell<'c> {
        self.plan.mapping.column(field).map_or(Cell::Empty, |c| row.cell(c))
    }

    /// Reads the record that starts on `line`.
    pub fn read<R: Row + ?Sized>(&mut self, line: u64, row: &R) {
        if row.is_blank() {
            self.found.blank_lines += 1;
            return;
        }
        let mut errors = Vec::new();
        let amount = self.money(row, Field::Amount, line, &mut errors);
        if let Some(label) = self.total_label(row) {
            self.leave_out_total(line, label, amount);
            return;
        }
        if self.plan.grouped && self.starts_group(row) {
            return;
        }
        let customer = self.customer(row);
        let date = self.date(row, line, &mut errors);
        let cost = self.optional_money(row, line, &mut errors);
        let quantity = self.quantity(row, line, &mut errors);
        if customer.is_empty() {
            errors.insert(0, self.error(line, row, Field::Customer, ErrorKind::Missing { field: Field::Customer }));
            if amount.is_some() {
                self.found.pending.push((TotalRow { line, label: String::new(), amount, group: None }, errors));
                return;
            }
        }
        self.flush_pending();
        match (date, amount) {
            (Some(date), Some(amount)) if errors.is_empty() => {
                self.push(line, row, &customer, date, amount, cost, quantity);
                self.add_to_group(amount);
            }
            _ => self.found.errors.append(&mut errors),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push<R: Row + ?Sized>(
        &mut self,
        line: u64,
        row: &R,
        customer: &str,
        date: Day,
        amount: Money,
        cost: Option<Money>,
        quantity: Option<f64>,
    ) {
        let name = self.cell(row, Field::CustomerName).text();
        // Only the columns kept are read (none when only the figures are kept): the texts are
        // made in place, not as a new array moved into place, whose every cell cost a stall.
        let mut texts = [const { Cow::Borrowed("") }; Attribute::ALL.len()];
        for (text, column) in texts.iter_mut().zip(&self.attributes) {
            if let Some(column) = column {
                *text = row.cell(*column).text();
            }
        }
        let values: [&str; Attribute::ALL.len()] = std::array::from_fn(|i| &*texts[i]);
        let extras = LineExtras {
            customer_name: Some(&name),
            cost: cost.filter(|_| self.cost),
            quantity: quantity.filter(|_| self.quantity),
            attributes: values.get(..self.attributes.len()).unwrap_or_default(),
        };
        self.builder.push(customer, date, amount, &extras);
        self.origins.push(line);
        self.found.lines += 1;
    }

    /// A total row ends the current group; a subtotal (a total word and more) closes it.
    fn leave_out_total(&mut self, line: u64, label: String, amount: Option<Money>) {
        let group = self.group.take().filter(|_| !is_total_label(&label));
        self.found.totals.push(TotalRow { line, label, amount, group });
    }

    /// Starts a group when the row is a group row of a grouped report.
    fn starts_group<R: Row + ?Sized>(&mut self, row: &R) -> bool {
        let Some(customer) = group_customer(&self.plan.mapping, row) else { return false };
        self.group = Some(GroupSum { customer, lines: 0, sum: Money::ZERO });
        self.found.grouping.groups += 1;
        true
    }

    /// The line's customer: its own, or in a grouped report the group's when its cell is empty.
    fn customer<'c, R: Row + ?Sized>(&mut self, row: &'c R) -> Cow<'c, str> {
        let own = self.cell(row, Field::Customer).text();
        match &self.group {
            Some(group) if own.is_empty() => {
                self.found.grouping.filled += 1;
                Cow::Owned(group.customer.clone())
            }
            _ => own,
        }
    }

    /// Counts an imported line in its group, for the subtotal check.
    fn add_to_group(&mut self, amount: Money) {
        if let Some(group) = &mut self.group {
            // Saturating: the check must not overflow on absurd amounts.
            group.sum = Money::from_cents(group.sum.cents().saturating_add(amount.cents()));
            group.lines += 1;
        }
    }

    /// Earlier lines without a customer were not trailing totals after all.
    fn flush_pending(&mut self) {
        let found = &mut self.found;
        found.flushed = true;
        for (_, mut errors) in found.pending.drain(..) {
            found.errors.append(&mut errors);
        }
    }

    /// The total word in the customer, customer name or first cell, if the line is a total. In
    /// a grouped report, a line with an amount whose label starts with a total word
    /// (`Total for Acme BV`) is a subtotal.
    fn total_label<R: Row + ?Sized>(&self, row: &R) -> Option<String> {
        let subtotal = self.plan.grouped && !self.cell(row, Field::Amount).is_blank();
        let cells = [self.cell(row, Field::Customer), self.cell(row, Field::CustomerName), row.cell(0)];
        let is_label = |text: &str| is_total_label(text) || (subtotal && is_subtotal_label(text));
        cells.into_iter().map(Cell::text).find(|text| is_label(text)).map(Cow::into_owned)
    }

    fn date<R: Row + ?Sized>(&self, row: &R, line: u64, errors: &mut Vec<RowError>) -> Option<Day> {
        let cell = self.cell(row, Field::Date);
        let day = match cell {
            Cell::Text(text) if !text.trim().is_empty() => self.plan.date.parse(text),
            Cell::Number(serial) if serial.is_finite() => excel_day(serial.floor() as i64),
            Cell::Date(day) => Some(day),
            _ => {
                errors.push(self.error(line, row, Field::Date, ErrorKind::Missing { field: Field::Date }));
                return None;
            }
        };
        match day {
            None => {
                errors.push(self.error(line, row, Field::Date, ErrorKind::BadDate { expected: self.plan.date }));
            }
            Some(day) if !day.in_window() => {
                let kind = ErrorKind::DateOutOfRange { day, earliest: Day::EARLIEST, latest: Day::LATEST };
                errors.push(self.error(line, row, Field::Date, kind));
                return None;
            }
            Some(_) => {}
        }
        day
    }

    /// A required amount: missing or unreadable is an error.
    fn money<R: Row + ?Sized>(&self, row: &R, field: Field, line: u64, errors: &mut Vec<RowError>) -> Option<Money> {
        let result = match self.cell(row, field) {
            Cell::Text(text) => parse_cents(text, self.plan.number),
            // Workbook numbers are read from their shortest decimal form, never through float arithmetic.
            Cell::Number(number) => parse_cents(&number.to_string(), NumberFormat::default()),
            Cell::Date(_) => Err(NumberError::NotANumber),
            Cell::Empty => Err(NumberError::Empty),
        };
        let result = result.and_then(|cents| Money::within_line_limit(cents).ok_or(NumberError::TooLarge));
        if result == Err(NumberError::TooLarge) {
            errors.push(self.error(line, row, field, ErrorKind::TooLarge { field }));
            return None;
        }
        self.number_result(result, row, field, line, errors)
    }

    /// The cost, when mapped: empty is "not given", unreadable is an error.
    fn optional_money<R: Row + ?Sized>(&self, row: &R, line: u64, errors: &mut Vec<RowError>) -> Option<Money> {
        if self.cell(row, Field::Cost).is_blank() {
            return None;
        }
        self.money(row, Field::Cost, line, errors)
    }

    fn quantity<R: Row + ?Sized>(&self, row: &R, line: u64, errors: &mut Vec<RowError>) -> Option<f64> {
        let result = match self.cell(row, Field::Quantity) {
            cell if cell.is_blank() => return None,
            Cell::Text(text) => parse_decimal(text, self.plan.number).map(|d| d.to_f64()),
            Cell::Number(number) => Ok(number),
            _ => Err(NumberError::NotANumber),
        };
        self.number_result(result, row, Field::Quantity, line, errors)
    }

    fn number_result<T, R: Row + ?Sized>(
        &self,
        result: Result<T, NumberError>,
        row: &R,
        field: Field,
        line: u64,
        errors: &mut Vec<RowError>,
    ) -> Option<T> {
        let error = match result {
            Ok(value) => return Some(value),
            Err(error) => error,
        };
        let kind = match error.problem() {
            None => ErrorKind::Missing { field },
            Some(problem) => ErrorKind::BadNumber { field, problem },
        };
        errors.push(self.error(line, row, field, kind));
        None
    }

    fn error<R: Row + ?Sized>(&self, line: u64, row: &R, field: Field, kind: ErrorKind) -> RowError {
        let column = self.plan.mapping.column(field).unwrap_or(0);
        let text = self.cell(row, field).text();
        RowError {
            line,
            column: self.plan.first_column + column + 1,
            header: self.headers.get(column).cloned().unwrap_or_default(),
            value: text.chars().take(MAX_VALUE_CHARS).collect(),
            kind,
        }
    }

    /// What the file's lines gave once all are read: lines without a customer still pending
    /// at the end are trailing totals.
    pub fn finish(self) -> FileLines {
        let Found { lines, errors, mut totals, pending, blank_lines, grouping, .. } = self.found;
        totals.extend(pending.into_iter().map(|(total, _)| total));
        totals.sort_by_key(|t| t.line);
        let grouping = self.plan.grouped.then_some(grouping);
        FileLines { lines, errors, totals, blank_lines, grouping }
    }
}

/// Whether these sampled rows (header removed) are a grouped report: a group row directly
/// followed by a line with an empty customer cell and a date and an amount. Only then are
/// customers filled down, so an empty customer cell in a flat file stays an error.
pub fn is_grouped<R: Row>(mapping: &Mapping, rows: &[R]) -> bool {
    let Some(customer) = mapping.column(Field::Customer) else { return false };
    let filled = |field: Field, row: &R| mapping.column(field).is_some_and(|c| !row.cell(c).is_blank());
    let rows: Vec<&R> = rows.iter().filter(|r| !r.is_blank()).collect();
    rows.windows(2).any(|pair| {
        let line = pair[1];
        group_customer(mapping, pair[0]).is_some()
            && line.cell(customer).is_blank()
            && filled(Field::Date, line)
            && filled(Field::Amount, line)
    })
}

/// The customer a group row names: a row with no date and no amount whose first cell is filled,
/// or whose only filled cells are in or before the customer column. The customer is the first
/// filled cell, without a label such as `Customer:` or `Debiteur:`.
fn group_customer<R: Row + ?Sized>(mapping: &Mapping, row: &R) -> Option<String> {
    let customer = mapping.column(Field::Customer)?;
    let blank = |field: Field| mapping.column(field).is_none_or(|c| row.cell(c).is_blank());
    if !blank(Field::Date) || !blank(Field::Amount) {
        return None;
    }
    let first = (0..row.width()).find(|&c| !row.cell(c).is_blank())?;
    let only_before = (customer + 1..row.width()).all(|c| row.cell(c).is_blank());
    let text = row.cell(first).text();
    (first == 0 || only_before).then(|| without_label(&text).to_string()).filter(|_| !is_total_label(&text))
}

/// `Customer: 1001 Acme BV` without its label, when the words before the colon name the
/// customer field; other text unchanged.
fn without_label(text: &str) -> &str {
    match text.split_once(':') {
        Some((label, rest)) if names_field(label, Field::Customer) && !rest.trim().is_empty() => rest.trim(),
        _ => text,
    }
}

/// `Total for Acme BV`, `Totaal 1001 Jansen BV`: a total word, a space and more.
fn is_subtotal_label(text: &str) -> bool {
    let normalized = normalize(text);
    TOTAL_WORDS
        .iter()
        .any(|word| normalized.strip_prefix(word).is_some_and(|rest| rest.len() > 1 && rest.starts_with(' ')))
}

/// `Total`, `Summe:`, `Total 2024`: a total word, then nothing but numbers.
fn is_total_label(text: &str) -> bool {
    // This runs on three cells of every line: rule out most text by its first letter, without
    // allocating (every total word starts with t, s, g, e or z).
    let first = text.as_bytes().first().map(u8::to_ascii_lowercase);
    if !first.is_some_and(|b| b"tsgez".contains(&b)) || text.len() > 40 {
        return false;
    }
    let normalized = normalize(text);
    TOTAL_WORDS.iter().any(|word| {
        normalized.strip_prefix(word).is_some_and(|rest| {
            rest.is_empty() || (rest.starts_with(' ') && rest.split(' ').all(|w| w.chars().all(|c| c.is_ascii_digit())))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_total_labels_not_company_names() {
        for label in ["Total", "TOTAAL", "Summe:", "Grand total", "Total 2024", "totalt", "Somme"] {
            assert!(is_total_label(label), "{label}");
        }
        for name in ["Total Logistics BV", "Summit BV", "", "C10001"] {
            assert!(!is_total_label(name), "{name}");
        }
    }

    fn errors_of(csv: &str) -> Vec<(u64, usize, ErrorKind, String)> {
        let imported = crate::engine::import::import_bytes("t.csv", csv.as_bytes(), &Default::default(), &mut |_| true);
        let files = imported.map(|i| i.report.files).unwrap_or_default();
        files.into_iter().flat_map(|f| f.errors).map(|e| (e.line, e.column, e.kind, e.value)).collect()
    }

    #[test]
    fn an_amount_or_cost_beyond_one_trillion_is_refused_with_its_line_and_column() {
        // Line 2 holds exactly the limit, 1,000,000,000,000.00, as amount and as cost: accepted.
        // Lines 3-6 hold one cent more, or the barcode 90000000000000000 (9 * 10^16, which
        // still fits an i64 in cents, 9 * 10^18, so only the limit catches it).
        let csv = "customer,date,amount,cost\n\
                   A,2024-01-05,1000000000000.00,-1000000000000.00\n\
                   A,2024-01-05,1000000000000.01,\n\
                   A,2024-01-05,-1000000000000.01,\n\
                   A,2024-01-05,5.00,1000000000000.01\n\
                   A,2024-01-05,90000000000000000,\n";
        let too_large =
            |line, column, field, value: &str| (line, column, ErrorKind::TooLarge { field }, value.to_string());
        assert_eq!(
            errors_of(csv),
            vec![
                too_large(3, 3, Field::Amount, "1000000000000.01"),
                too_large(4, 3, Field::Amount, "-1000000000000.01"),
                too_large(5, 4, Field::Cost, "1000000000000.01"),
                too_large(6, 3, Field::Amount, "90000000000000000"),
            ]
        );
    }

    #[test]
    fn the_reason_says_what_to_do() {
        let reason = ErrorKind::TooLarge { field: Field::Amount }.to_string();
        let start = "amount beyond one trillion (±1000000000000.00), the most one line may hold";
        assert!(reason.starts_with(start), "{reason}");
        assert!(reason.contains("--map amount=COLUMN"), "{reason}");
    }

    #[test]
    fn spreadsheet_column_letters() {
        let letter = |column| {
            RowError {
                line: 1,
                column,
                header: String::new(),
                value: String::new(),
                kind: ErrorKind::Missing { field: Field::Customer },
            }
            .column_letter()
        };
        assert_eq!(
            (letter(1), letter(26), letter(27), letter(703)),
            ("A".into(), "Z".into(), "AA".into(), "AAA".into())
        );
    }
}
