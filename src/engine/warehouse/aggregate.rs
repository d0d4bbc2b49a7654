//! Reading `clientele_customer_period` (the aggregate the warehouse script creates) as a ledger:
//! each row becomes one line dated on the first day of its period, so that every analysis by
//! period (pyramid, flows, migration, concentration) gives the figures of the ledger it came from.
//! The rest of the row (customer, revenue, cost, attributes) is read by the ordinary importer, with
//! its checks and its errors naming file, line, column and value; only the period is rewritten here.

use crate::engine::period::{Period, YearStart};

/// A period cell that is not a year of the dates a ledger may hold (`ImportError::BadPeriod`
/// words it, naming the file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodError {
    /// 1-based, the header being line 1.
    pub line: u64,
    pub value: String,
}

/// The delimiter of a `clientele_customer_period` file (`,`, `;` or tab), told by its header:
/// `customer`, `period` first, with `revenue` and `lines` among the columns. `None`: another file.
pub fn customer_period_delimiter(bytes: &[u8]) -> Option<u8> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let header = bytes.split(|&b| b == b'\n').next()?;
    let header = std::str::from_utf8(header).ok()?.trim_end_matches('\r');
    [b',', b';', b'\t'].into_iter().find(|&d| {
        let names: Vec<String> =
            header.split(d as char).map(|n| n.trim().trim_matches('"').to_ascii_lowercase()).collect();
        names.len() >= 4
            && names[0] == "customer"
            && names[1] == "period"
            && names.contains(&"revenue".into())
            && names.contains(&"lines".into())
    })
}

/// The file read as a ledger's lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsLedger {
    /// The file with its period column turned into a `date` column holding each period's first
    /// day, ready for the importer.
    pub bytes: Vec<u8>,
    /// Whether any row has a cost: the script writes an empty cost column when it was given no
    /// cost column, and that is no cost column (no margin is invented from zero costs).
    pub has_costs: bool,
}

/// `AsLedger` of a `clientele_customer_period` file whose periods start on `year_start` (the one
/// its script was generated with).
pub fn as_ledger(bytes: &[u8], delimiter: u8, year_start: YearStart) -> Result<AsLedger, PeriodError> {
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let is_cost = |name: &[u8]| matches!(name.trim_ascii(), b"cost" | b"\"cost\"");
    let cost = header.split(|&b| b == delimiter).position(is_cost);
    let mut has_costs = false;
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 8);
    // The field of the record being read, whether inside quotes, the file's line and the line the
    // record started on (a quoted cell may hold a line break).
    let (mut field, mut quoted, mut line, mut record_line) = (0usize, false, 1u64, 1u64);
    let mut period = Vec::new();
    for &b in bytes {
        quoted ^= b == b'"';
        let ends_field = !quoted && (b == delimiter || b == b'\n');
        has_costs |= record_line > 1 && Some(field) == cost && !ends_field && !b.is_ascii_whitespace() && b != b'"';
        if field == 1 && !ends_field {
            period.push(b);
            continue;
        }
        if field == 1 {
            out.extend_from_slice(date_cell(record_line, &period, year_start)?.as_bytes());
            period.clear();
        }
        out.push(b);
        line += u64::from(b == b'\n');
        if ends_field && b == b'\n' {
            (field, record_line) = (0, line);
        } else if ends_field {
            field += 1;
        }
    }
    if field == 1 {
        out.extend_from_slice(date_cell(record_line, &period, year_start)?.as_bytes());
    }
    Ok(AsLedger { bytes: out, has_costs })
}

/// The header's `period` becomes `date`; a period its first day.
fn date_cell(line: u64, cell: &[u8], year_start: YearStart) -> Result<String, PeriodError> {
    if line == 1 {
        return Ok("date".into());
    }
    let cell = String::from_utf8_lossy(cell);
    let cell = cell.trim().trim_matches('"');
    let refuse = || PeriodError { line, value: cell.to_string() };
    let year: i32 = cell.parse().map_err(|_| refuse())?;
    // Within the dates a ledger may hold (docs/import.md), so the importer takes the line.
    let day = (1900..=2099).contains(&year).then(|| year_start.first_day(Period::starting_in(year)));
    Ok(day.filter(|d| d.in_window()).ok_or_else(refuse)?.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const AGGREGATE: &str = "customer,period,department,revenue,cost,lines\n\
                             A,2023,Industrial,500.00,,2\n\
                             \"B, \"\"the\"\" firm\",2024,,-30.00,10.00,1\n";

    #[test]
    fn the_header_tells_an_aggregate_from_a_ledger() {
        assert_eq!(customer_period_delimiter(AGGREGATE.as_bytes()), Some(b','));
        assert_eq!(customer_period_delimiter(b"\xEF\xBB\xBFcustomer;period;revenue;cost;lines\r\n"), Some(b';'));
        assert_eq!(customer_period_delimiter(b"customer,date,amount\nA,2024-01-01,1\n"), None);
        assert_eq!(customer_period_delimiter(b"customer,period,amount,lines\n"), None);
    }

    /// Each period becomes its first day: 2023 → 2023-01-01 for calendar years, 2023-07-01 with a
    /// 07-01 year start; a quoted customer holding the delimiter and quotes is left as written.
    #[test]
    fn each_period_becomes_its_first_day() {
        let calendar = as_ledger(AGGREGATE.as_bytes(), b',', YearStart::default());
        let expected = "customer,date,department,revenue,cost,lines\n\
                        A,2023-01-01,Industrial,500.00,,2\n\
                        \"B, \"\"the\"\" firm\",2024-01-01,,-30.00,10.00,1\n";
        assert_eq!(calendar, Ok(AsLedger { bytes: expected.as_bytes().to_vec(), has_costs: true }));
        let fiscal = as_ledger(AGGREGATE.as_bytes(), b',', YearStart::parse("07-01").unwrap_or_default());
        let text = fiscal.map(|a| String::from_utf8_lossy(&a.bytes).into_owned()).unwrap_or_default();
        assert!(text.contains("A,2023-07-01,") && text.contains(",2024-07-01,,"), "{text}");
    }

    /// The script's cost column is empty when it was given no cost column: no costs, then.
    #[test]
    fn an_empty_cost_column_is_no_cost_column() {
        let without = "customer,period,revenue,cost,lines\nA,2023,1.00,,1\nB,2024,2.00,\"\",1\n";
        assert!(as_ledger(without.as_bytes(), b',', YearStart::default()).is_ok_and(|a| !a.has_costs));
        let quoted = "\"customer\";\"period\";\"revenue\";\"cost\"\r\nA;2023;1.00;0.50\r\n";
        assert!(as_ledger(quoted.as_bytes(), b';', YearStart::default()).is_ok_and(|a| a.has_costs));
    }

    #[test]
    fn a_period_that_is_not_a_year_is_named_with_its_line() {
        let bad = "customer,period,revenue,lines\nA,2023,1.00,1\nB,2023-01-01,2.00,1\n";
        let error = as_ledger(bad.as_bytes(), b',', YearStart::default());
        assert_eq!(error, Err(PeriodError { line: 3, value: "2023-01-01".into() }));
        let far = as_ledger(b"customer,period,revenue,lines\nA,1899,1.00,1\n", b',', YearStart::default());
        assert_eq!(far, Err(PeriodError { line: 2, value: "1899".into() }));
    }
}
