//! Exact duplicate lines: the same customer, date, amount, cost, quantity and text attributes
//! as an earlier line. They are reported and, only when the user asks, left out (two identical
//! invoice lines can be real: the same product twice on one invoice).

use super::{FileReport, ImportError};
use crate::engine::ledger::{Attribute, Columns, Ledger, LedgerBuilder, LineExtras};
use serde::{Deserialize, Serialize};

/// Examples of duplicates kept for the report.
const EXAMPLES: usize = 10;

/// Where each ledger line came from.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origins {
    /// Source line of every ledger line (32 bits: no file in memory has four billion lines).
    lines: Vec<u32>,
    /// Index of the first ledger line of every file.
    file_starts: Vec<usize>,
}

impl Origins {
    pub fn start_file(&mut self) {
        self.file_starts.push(self.lines.len());
    }

    pub fn push(&mut self, line: u64) {
        self.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
    }

    /// Appends the lines of records read from the middle of the same file, whose line numbers
    /// count from there: `line_offset` lines of the file come before them.
    pub fn append(&mut self, later: Origins, line_offset: u64) {
        let offset = u32::try_from(line_offset).unwrap_or(u32::MAX);
        self.lines.extend(later.lines.iter().map(|&line| line.saturating_add(offset)));
    }

    pub fn reserve(&mut self, lines: usize) {
        self.lines.reserve(lines);
    }

    /// (file index, source line) of a ledger line.
    fn locate(&self, index: usize) -> (usize, u64) {
        let file = self.file_starts.partition_point(|&start| start <= index).saturating_sub(1);
        (file, self.lines.get(index).map_or(0, |&line| u64::from(line)))
    }
}

/// A line that repeats an earlier one exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateLine {
    pub file: String,
    pub line: u64,
    pub first_file: String,
    pub first_line: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicates {
    /// Lines that repeat an earlier line.
    pub count: usize,
    /// Whether they were left out of the ledger.
    pub dropped: bool,
    /// The first few.
    pub examples: Vec<DuplicateLine>,
}

/// Finds the duplicate lines of a freshly built ledger and, if `drop`, rebuilds it without them.
pub fn detect(
    ledger: Ledger,
    origins: &Origins,
    files: &[FileReport],
    drop: bool,
) -> Result<(Ledger, Duplicates), ImportError> {
    let repeats = repeated_lines(&ledger);
    let name = |file: usize| files.get(file).map_or_else(String::new, |f| f.file.clone());
    let examples = repeats
        .iter()
        .take(EXAMPLES)
        .map(|&(line, first)| {
            let ((file, line), (first_file, first_line)) = (origins.locate(line), origins.locate(first));
            DuplicateLine { file: name(file), line, first_file: name(first_file), first_line }
        })
        .collect();
    let duplicates = Duplicates { count: repeats.len(), dropped: drop && !repeats.is_empty(), examples };
    if !duplicates.dropped {
        return Ok((ledger, duplicates));
    }
    let mut keep = vec![true; ledger.len()];
    repeats.iter().for_each(|&(line, _)| keep[line] = false);
    let lines = (0..ledger.len()).filter(|&i| keep[i]).map(|i| (&ledger, i));
    Ok((rebuild(columns_of(&[&ledger]), lines)?, duplicates))
}

/// (line, earlier identical line) for every line that repeats an earlier one, in line order;
/// the earlier line is the first of that content.
fn repeated_lines(ledger: &Ledger) -> Vec<(usize, usize)> {
    let attributes: Vec<&[u32]> = ledger.attributes().filter_map(|a| ledger.attribute(a)).map(|c| c.codes()).collect();
    // Every line's hash beside its index, sorted: lines of one content lie together, in line
    // order, and a file has few repeats. Sorting reads memory in order, where one hash table
    // lookup per line would jump about it (a third of a large import's time).
    let mut keys = sort_keys(ledger, &attributes);
    keys.sort_unstable();
    let mut repeats = Vec::new();
    // Lines with equal hashes are compared field by field, so a hash collision is never
    // reported as a duplicate: `firsts` are the first lines of each content among them.
    let mut firsts: Vec<usize> = Vec::new();
    for equal in keys.chunk_by(|a, b| a >> 32 == b >> 32).filter(|equal| equal.len() > 1) {
        firsts.clear();
        for line in equal.iter().map(|&key| key as u32 as usize) {
            match firsts.iter().find(|&&first| same_line(ledger, &attributes, first, line)) {
                Some(&first) => repeats.push((line, first)),
                None => firsts.push(line),
            }
        }
    }
    repeats.sort_unstable();
    repeats
}

/// Each line's 32-bit hash (of every stored value) in the high half and its index in the low
/// half (no ledger in memory has four billion lines). The hashes are made a column at a time,
/// reading each column in order; 32 bits suffice because equal hashes are compared value by
/// value, and one `u64` per line sorts faster than a pair.
fn sort_keys(ledger: &Ledger, attributes: &[&[u32]]) -> Vec<u64> {
    let mut hashes: Vec<u64> = ledger.customers().iter().map(|c| mix(0, c.index() as u64)).collect();
    let mut fold =
        |values: &mut dyn Iterator<Item = u64>| hashes.iter_mut().zip(values).for_each(|(h, v)| *h = mix(*h, v));
    fold(&mut ledger.dates().iter().map(|d| d.number() as u64));
    fold(&mut ledger.amounts().iter().map(|a| a.cents() as u64));
    // A missing value hashes as zero: only the comparison must tell it from a value.
    if let Some(costs) = ledger.costs() {
        fold(&mut costs.iter().map(|c| c.map_or(0, |m| m.cents() as u64)));
    }
    if let Some(quantities) = ledger.quantities() {
        fold(&mut quantities.iter().map(|q| q.map_or(0, |q| (q + 0.0).to_bits())));
    }
    for codes in attributes {
        fold(&mut codes.iter().map(|&c| u64::from(c)));
    }
    hashes.iter().enumerate().map(|(line, &h)| (h.wrapping_mul(MIX) >> 32) << 32 | line as u64).collect()
}

/// An odd constant with its bits spread (2^64 divided by the golden ratio).
const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

/// One more value folded into a line's hash: a multiply and a rotation, which spread every bit
/// of the value over the high half kept. Not a general hash function (equal hashes are checked
/// value by value), but cheap in WebAssembly, which has no 128-bit multiply.
fn mix(hash: u64, value: u64) -> u64 {
    (hash ^ value).wrapping_mul(MIX).rotate_left(29)
}

/// Every stored value of a line, as integers (interned codes for text). An optional value is
/// two integers, whether it is given and then its value, so that "not given" never equals a
/// value (a cost of -0.01 is `u64::MAX` as bits, which a one-integer "missing" marker was).
fn line_key<'a>(ledger: &'a Ledger, attributes: &'a [&'a [u32]], line: usize) -> impl Iterator<Item = u64> + 'a {
    let cost = ledger.costs().and_then(|c| c.get(line)).map(|m| m.cents() as u64);
    // 0.0 and -0.0 are the same quantity but not the same bits (adding +0.0 turns -0.0 into 0.0).
    let quantity = ledger.quantities().and_then(|q| q.get(line)).map(|q| (q + 0.0).to_bits());
    let [cost_given, cost] = [u64::from(cost.is_some()), cost.unwrap_or(0)];
    let [quantity_given, quantity] = [u64::from(quantity.is_some()), quantity.unwrap_or(0)];
    [
        ledger.customers().get(line).map_or(0, |c| c.index() as u64),
        ledger.dates().get(line).map_or(0, |d| d.number() as u64),
        ledger.amounts().get(line).map_or(0, |a| a.cents() as u64),
        cost_given,
        cost,
        quantity_given,
        quantity,
    ]
    .into_iter()
    .chain(attributes.iter().map(move |codes| codes.get(line).map_or(0, |&c| u64::from(c))))
}

fn same_line(ledger: &Ledger, attributes: &[&[u32]], a: usize, b: usize) -> bool {
    line_key(ledger, attributes, a).eq(line_key(ledger, attributes, b))
}

/// The columns that hold every value of these ledgers.
fn columns_of(ledgers: &[&Ledger]) -> Columns {
    Columns {
        cost: ledgers.iter().any(|l| l.costs().is_some()),
        quantity: ledgers.iter().any(|l| l.quantities().is_some()),
        attributes: Attribute::ALL.into_iter().filter(|&a| ledgers.iter().any(|l| l.attribute(a).is_some())).collect(),
    }
}

/// One ledger holding every line of `ledgers`, in order (e.g. years imported one at a time).
/// Attributes missing from a ledger are empty on its lines. Each ledger is within the money
/// limit, but together they may not be.
pub fn append(ledgers: &[&Ledger]) -> Result<Ledger, ImportError> {
    let lines = ledgers.iter().flat_map(|&l| (0..l.len()).map(move |i| (l, i)));
    rebuild(columns_of(ledgers), lines)
}

/// A new ledger from lines of existing ones.
fn rebuild<'a>(columns: Columns, lines: impl Iterator<Item = (&'a Ledger, usize)>) -> Result<Ledger, ImportError> {
    let mut builder = LedgerBuilder::new(columns.clone());
    for (ledger, i) in lines {
        let customer = ledger.customers()[i];
        let texts: Vec<&str> =
            columns.attributes.iter().map(|&a| ledger.attribute(a).map_or("", |c| c.value_of_line(i))).collect();
        let extras = LineExtras {
            customer_name: ledger.customer_name(customer),
            cost: ledger.costs().and_then(|c| c.get(i)),
            quantity: ledger.quantities().and_then(|q| q.get(i)),
            attributes: &texts,
        };
        builder.push(ledger.customer_key(customer), ledger.dates()[i], ledger.amounts()[i], &extras);
    }
    builder.try_finish().map_err(ImportError::Money)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Day;
    use crate::engine::import::{import_bytes, ImportOptions};
    use crate::engine::money::Money;

    fn duplicates_in(csv: &str) -> usize {
        import_bytes("d.csv", csv.as_bytes(), &ImportOptions::default(), &mut |_| true).unwrap().report.duplicates.count
    }

    #[test]
    fn each_repeat_names_the_first_line_of_its_content_in_line_order() {
        // Lines 2-7: A, B, A, C (B with another region), B, A; line 8 is A on another day.
        let csv = "customer,date,amount,region\nA,2024-01-05,10.00,North\nB,2024-01-05,10.00,North\n\
            A,2024-01-05,10.00,North\nB,2024-01-05,10.00,South\nB,2024-01-05,10.00,North\n\
            A,2024-01-05,10.00,North\nA,2024-01-06,10.00,North\n";
        let duplicates =
            import_bytes("d.csv", csv.as_bytes(), &ImportOptions::default(), &mut |_| true).unwrap().report.duplicates;
        let pairs: Vec<(u64, u64)> = duplicates.examples.iter().map(|d| (d.line, d.first_line)).collect();
        assert_eq!((duplicates.count, pairs), (3, vec![(4, 2), (6, 3), (7, 2)]));
    }

    #[test]
    fn a_missing_cost_is_not_a_cost_of_minus_one_cent() {
        // The lines differ only in the cost: not given on line 2, -0.01 on line 3. Not duplicates.
        assert_eq!(duplicates_in("customer,date,amount,cost\nA,2024-01-05,10.00,\nA,2024-01-05,10.00,-0.01\n"), 0);
        // The same two lines again (lines 4 and 5) repeat lines 2 and 3: two duplicates in all.
        let twice = "customer,date,amount,cost\nA,2024-01-05,10.00,\nA,2024-01-05,10.00,-0.01\n\
                     A,2024-01-05,10.00,\nA,2024-01-05,10.00,-0.01\n";
        assert_eq!(duplicates_in(twice), 2);
    }

    #[test]
    fn lines_of_equal_hashes_are_compared_value_by_value() {
        // A missing cost and a cost of 0.00 hash alike (both are folded in as zero); only the
        // comparison tells them apart. Ledger lines 2 and 3 (0-based) repeat lines 1 and 0.
        let csv = "customer,date,amount,cost\nA,2024-01-05,10.00,\nA,2024-01-05,10.00,0.00\n\
                   A,2024-01-05,10.00,0.00\nA,2024-01-05,10.00,\n";
        let ledger = import_bytes("d.csv", csv.as_bytes(), &ImportOptions::default(), &mut |_| true).unwrap().ledger;
        let keys = sort_keys(&ledger, &[]);
        assert_eq!(keys.iter().map(|k| k >> 32).collect::<std::collections::HashSet<_>>().len(), 1);
        assert_eq!(keys.iter().map(|&k| k as u32).collect::<Vec<_>>(), [0, 1, 2, 3]);
        assert_eq!(repeated_lines(&ledger), vec![(2, 1), (3, 0)]);
    }

    #[test]
    fn a_missing_quantity_is_no_quantity_and_minus_zero_is_zero() {
        // A NaN whose bits are all ones was the old "missing" marker; 0 and -0 are one quantity.
        let quantities = [None, Some(f64::from_bits(u64::MAX)), Some(0.0), Some(-0.0)];
        let mut b = LedgerBuilder::new(Columns { quantity: true, ..Columns::default() });
        for quantity in quantities {
            let extras = LineExtras { quantity, ..LineExtras::default() };
            b.push("A", Day::from_ymd(2024, 1, 5).unwrap(), Money::from_cents(1_000), &extras);
        }
        // Only ledger line 3 (-0.0) repeats an earlier one, line 2 (0.0); 0-based.
        assert_eq!(repeated_lines(&b.finish()), vec![(3, 2)]);
    }
}
