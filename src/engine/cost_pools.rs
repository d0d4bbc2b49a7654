//! Cost pools for customer-based accounting (issue 13): marketing, sales, service, logistics,
//! overhead or any name, each with the driver that spreads it over customers, and for
//! time-driven pools (Kaplan and Anderson's TDABC) the activities that say how many minutes a
//! unit of work takes. Read from POOLS.csv (`pool,amount,driver,capacity_minutes`) and
//! ACTIVITIES.csv (`pool,activity,driver,minutes`); every bad cell is an error naming the file,
//! line, column and value, and what to do (docs/method-notes.md).

use super::import::{self, ImportError, Sheet};
use super::money::Money;
use hashbrown::HashSet;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How a pool is spread over the customers of the period.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Driver {
    /// Distinct invoices (purchases, counted as for RFM frequency).
    Invoice,
    /// Invoice lines.
    Line,
    /// In proportion to revenue, over customers with revenue > 0.
    Revenue,
    /// Equal per active customer.
    Customer,
    /// Time-driven: capacity cost rate x the minutes of the pool's activities.
    Time,
}

impl Driver {
    pub const ALL: [Driver; 5] = [Driver::Invoice, Driver::Line, Driver::Revenue, Driver::Customer, Driver::Time];

    pub fn name(self) -> &'static str {
        match self {
            Driver::Invoice => "invoice",
            Driver::Line => "line",
            Driver::Revenue => "revenue",
            Driver::Customer => "customer",
            Driver::Time => "time",
        }
    }
}

/// What one unit of an activity's work is counted in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActivityDriver {
    Invoice,
    Line,
    Customer,
    /// A contact with the customer (visit, call): needs a source of contacts, which Clientele
    /// does not have yet (the contact plan comes later), so an activity using it is refused.
    Contact,
}

impl ActivityDriver {
    pub const ALL: [ActivityDriver; 4] =
        [ActivityDriver::Invoice, ActivityDriver::Line, ActivityDriver::Customer, ActivityDriver::Contact];

    pub fn name(self) -> &'static str {
        match self {
            ActivityDriver::Invoice => "invoice",
            ActivityDriver::Line => "line",
            ActivityDriver::Customer => "customer",
            ActivityDriver::Contact => "contact",
        }
    }
}

/// Minutes in hundredths (2.5 minutes = 250), so that rates and shares stay exact integers.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Minutes(u64);

impl Minutes {
    /// The most a capacity or an activity's minutes may be: ten billion minutes (19,000 years),
    /// so that products with counts and cents stay far inside `u128`.
    pub const LIMIT: Minutes = Minutes(1_000_000_000_000);

    pub const fn from_hundredths(hundredths: u64) -> Minutes {
        Minutes(hundredths)
    }

    pub const fn hundredths(self) -> u64 {
        self.0
    }
}

impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// One pool of costs of the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostPool {
    pub name: String,
    pub amount: Money,
    pub driver: Driver,
    /// Practical capacity of a `time` pool (`None` for the others).
    pub capacity: Option<Minutes>,
}

/// Minutes of a time pool's work per unit of a driver.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// Index of its pool in `CostPools::pools`.
    pub pool: usize,
    pub name: String,
    pub driver: ActivityDriver,
    pub minutes: Minutes,
}

/// The pools and activities the user entered or imported, checked against each other.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostPools {
    pub pools: Vec<CostPool>,
    pub activities: Vec<Activity>,
}

/// A bad cell (or a missing column) in a pools, activities or margins file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    pub file: String,
    /// 1-based; line 1 is the header.
    pub line: usize,
    pub column: String,
    pub value: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// The file is not text (UTF-8) or not a table.
    Unreadable,
    /// A workbook (by its name or signature) that cannot be opened.
    UnreadableWorkbook,
    /// A workbook without the sheet of the table asked for (its name is the error's value).
    MissingSheet,
    MissingColumn,
    Empty,
    /// Not a number with at most two decimals.
    NotANumber,
    Negative,
    /// Beyond what one pool (or minutes figure) may hold.
    TooLarge,
    UnknownDriver,
    UnknownActivityDriver,
    /// A `time` pool without a capacity above zero.
    NoCapacity,
    /// A capacity given for a pool that is not `time`.
    CapacityNotUsed,
    DuplicatePool,
    UnknownPool,
    /// An activity for a pool whose driver is not `time`.
    NotTimePool,
    ContactsNotAvailable,
    /// A margin above 100 % (a margin is at most the whole revenue).
    MarginAbove100,
    DuplicateGroup,
    /// The pools together exceed `Money::LEDGER_LIMIT_CENTS`.
    PoolsTooLarge,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let drivers: Vec<&str> = Driver::ALL.iter().map(|d| d.name()).collect();
        let activity_drivers: Vec<&str> = ActivityDriver::ALL.iter().map(|d| d.name()).collect();
        match self {
            Problem::Unreadable => write!(f, "the file is not a readable UTF-8 CSV table; save it as CSV (UTF-8)"),
            Problem::UnreadableWorkbook => {
                write!(f, "the workbook cannot be read; save it again as .xlsx or export the sheet as CSV (UTF-8)")
            }
            Problem::MissingSheet => {
                write!(f, "the workbook has no sheet of this name; name the table's sheet so, or import it as CSV")
            }
            Problem::MissingColumn => write!(f, "this column is missing from the header; add it"),
            Problem::Empty => write!(f, "the cell is empty; fill it in"),
            Problem::NotANumber => {
                write!(f, "not a number; write it with at most two decimals and no thousands separator, e.g. 1250.50")
            }
            Problem::Negative => write!(f, "negative; enter the amount as a positive number"),
            Problem::TooLarge => write!(f, "too large to be a real figure; check the cell"),
            Problem::UnknownDriver => write!(f, "unknown driver; use one of {}", drivers.join(", ")),
            Problem::UnknownActivityDriver => {
                write!(f, "unknown activity driver; use one of {}", activity_drivers.join(", "))
            }
            Problem::NoCapacity => {
                write!(f, "a time pool needs its practical capacity in minutes above zero in capacity_minutes")
            }
            Problem::CapacityNotUsed => write!(f, "capacity_minutes is only for time pools; leave it empty"),
            Problem::DuplicatePool => write!(f, "this pool is listed twice; give each pool one line"),
            Problem::UnknownPool => write!(f, "no pool of this name in the pools file; add it there or fix the name"),
            Problem::NotTimePool => write!(f, "activities belong to time pools only; set this pool's driver to time"),
            Problem::ContactsNotAvailable => {
                write!(f, "Clientele has no contacts yet (the contact plan comes later); use invoice, line or customer")
            }
            Problem::MarginAbove100 => write!(f, "a margin is at most 100 %; write e.g. 35 or 35.5"),
            Problem::DuplicateGroup => write!(f, "this product group is listed twice; give each group one line"),
            Problem::PoolsTooLarge => {
                write!(f, "the pools together are too large to add up exactly; check the amounts")
            }
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}, column {}: '{}': {}", self.file, self.line, self.column, self.value, self.problem)
    }
}

impl std::error::Error for InputError {}

impl InputError {
    /// A problem of the table rather than of a cell's value (unreadable, a missing column).
    fn of_table(file: &str, line: usize, column: &str, problem: Problem) -> InputError {
        InputError { file: file.into(), line, column: column.into(), value: String::new(), problem }
    }
}

/// A small CSV table with named columns: the format of the pools, activities and margins files.
pub(crate) struct Table<'f> {
    file: &'f str,
    columns: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

/// One row of a `Table`, reading its cells by column name.
pub(crate) struct Row<'t> {
    table: &'t Table<'t>,
    pub(crate) line: usize,
    cells: &'t [String],
}

impl<'f> Table<'f> {
    /// Reads UTF-8 CSV (a byte order mark is skipped) separated by `,`, `;` or tab, whichever
    /// the header holds, and checks that every `required` column is there (names compared
    /// without case and surrounding spaces).
    pub(crate) fn read(file: &'f str, bytes: &[u8], required: &[&str]) -> Result<Table<'f>, InputError> {
        Table::read_sheet_or_first(file, bytes, None, required)
    }

    /// As `read`, but from a workbook the sheet called `sheet` (a planning workbook holds a
    /// table per sheet, `sheets::workbook`); a CSV file is the table itself.
    // The planning pages (issue 15, being built on their branches) are its callers.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn read_sheet(
        file: &'f str,
        bytes: &[u8],
        sheet: &str,
        required: &[&str],
    ) -> Result<Table<'f>, InputError> {
        Table::read_sheet_or_first(file, bytes, Some(sheet), required)
    }

    fn read_sheet_or_first(
        file: &'f str,
        bytes: &[u8],
        wanted: Option<&str>,
        required: &[&str],
    ) -> Result<Table<'f>, InputError> {
        let error = |line, column: &str, problem| InputError::of_table(file, line, column, problem);
        if import::is_workbook(file, bytes) {
            let sheet = Sheet::open(bytes, wanted).map_err(|e| match e {
                ImportError::UnknownSheet { sheet, .. } => {
                    InputError { value: sheet, ..error(1, "-", Problem::MissingSheet) }
                }
                _ => error(1, "-", Problem::UnreadableWorkbook),
            })?;
            return Table::of_rows(file, sheet.text_rows(), required);
        }
        let text = std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
            .map_err(|_| error(1, "-", Problem::Unreadable))?;
        let header = text.lines().next().unwrap_or("");
        let delimiter = [b';', b'\t'].into_iter().find(|d| header.as_bytes().contains(d)).unwrap_or(b',');
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let record = record.map_err(|_| error(i + 1, "-", Problem::Unreadable))?;
            let cells: Vec<String> = record.iter().map(String::from).collect();
            rows.push((record.position().map_or(i + 1, |p| p.line() as usize), cells));
        }
        Table::of_rows(file, rows, required)
    }

    /// A table from rows already split into cells, each with its line (the first row is the
    /// header; rows whose cells are all empty are left out). The page's editor sends its rows so.
    pub(crate) fn of_rows(
        file: &'f str,
        mut rows: Vec<(usize, Vec<String>)>,
        required: &[&str],
    ) -> Result<Table<'f>, InputError> {
        rows.retain(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
        for (_, cells) in &mut rows {
            for cell in cells.iter_mut() {
                *cell = cell.trim().to_string();
            }
        }
        let columns = if rows.is_empty() { Vec::new() } else { rows.remove(0).1 };
        let columns: Vec<String> = columns.iter().map(|c| c.to_lowercase()).collect();
        if let Some(missing) = required.iter().find(|r| !columns.iter().any(|c| c == *r)) {
            return Err(InputError::of_table(file, 1, missing, Problem::MissingColumn));
        }
        Ok(Table { file, columns, rows })
    }

    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, cells)| Row { table: self, line: *line, cells })
    }
}

impl<'t> Row<'t> {
    /// The trimmed cell of a column ("" when the row is short or the column absent).
    pub(crate) fn cell(&self, column: &str) -> &'t str {
        let index = self.table.columns.iter().position(|c| c == column);
        index.and_then(|i| self.cells.get(i)).map_or("", String::as_str)
    }

    /// The 1-based position of a column in the header (0 when it is absent).
    pub(crate) fn column_number(&self, column: &str) -> usize {
        self.table.columns.iter().position(|c| c == column).map_or(0, |i| i + 1)
    }

    pub(crate) fn error(&self, column: &str, problem: Problem) -> InputError {
        InputError {
            file: self.table.file.into(),
            line: self.line,
            column: column.into(),
            value: self.cell(column).into(),
            problem,
        }
    }

    /// A non-empty cell.
    pub(crate) fn text(&self, column: &str) -> Result<&'t str, InputError> {
        Some(self.cell(column)).filter(|c| !c.is_empty()).ok_or_else(|| self.error(column, Problem::Empty))
    }

    /// A non-negative number with at most two decimals (`.` or `,` as the mark), in hundredths,
    /// at most `limit`.
    pub(crate) fn hundredths(&self, column: &str, limit: u64) -> Result<u64, InputError> {
        let text = self.text(column)?;
        if text.starts_with('-') && parse_hundredths(&text[1..]).is_some() {
            return Err(self.error(column, Problem::Negative));
        }
        let value = parse_hundredths(text).ok_or_else(|| self.error(column, Problem::NotANumber))?;
        (value <= limit).then_some(value).ok_or_else(|| self.error(column, Problem::TooLarge))
    }
}

/// `123`, `123.4`, `123,45` as hundredths (cents, hundredths of a minute or of a percent);
/// `None` for anything else (signs, grouping, three
/// decimals, exponents).
pub fn parse_hundredths(text: &str) -> Option<u64> {
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 2 || whole.len() > 15 {
        return None;
    }
    let padded = format!("{fraction:0<2}");
    whole.parse::<u64>().ok()?.checked_mul(100)?.checked_add(padded.parse().ok()?)
}

/// Reads POOLS.csv: `pool,amount,driver,capacity_minutes` (the last only for `time` pools).
/// The columns a pools table must have (`capacity_minutes` may be left out when no pool is `time`).
pub const POOL_COLUMNS: [&str; 3] = ["pool", "amount", "driver"];
/// The columns an activities table must have.
pub const ACTIVITY_COLUMNS: [&str; 4] = ["pool", "activity", "driver", "minutes"];

pub fn parse_pools(file: &str, bytes: &[u8]) -> Result<Vec<CostPool>, InputError> {
    pools_in(&Table::read(file, bytes, &POOL_COLUMNS)?)
}

/// The pools of a table with `POOL_COLUMNS`.
pub(crate) fn pools_in(table: &Table<'_>) -> Result<Vec<CostPool>, InputError> {
    let mut pools: Vec<CostPool> = Vec::new();
    let mut names = HashSet::new();
    let mut total: u128 = 0;
    for row in table.rows() {
        let name = row.text("pool")?;
        if !names.insert(name) {
            return Err(row.error("pool", Problem::DuplicatePool));
        }
        let cents = row.hundredths("amount", Money::LINE_LIMIT.cents().unsigned_abs())?;
        total += u128::from(cents);
        if total > Money::LEDGER_LIMIT_CENTS {
            return Err(row.error("amount", Problem::PoolsTooLarge));
        }
        let driver = Driver::ALL
            .into_iter()
            .find(|d| d.name() == row.text("driver").map(str::to_lowercase).unwrap_or_default())
            .ok_or_else(|| row.error("driver", Problem::UnknownDriver))?;
        let capacity = pool_capacity(&row, driver)?;
        pools.push(CostPool { name: name.into(), amount: Money::from_cents(cents as i64), driver, capacity });
    }
    Ok(pools)
}

fn pool_capacity(row: &Row<'_>, driver: Driver) -> Result<Option<Minutes>, InputError> {
    const COLUMN: &str = "capacity_minutes";
    match (driver, row.cell(COLUMN).is_empty()) {
        (Driver::Time, _) => match row.hundredths(COLUMN, Minutes::LIMIT.0) {
            Ok(0) => Err(row.error(COLUMN, Problem::NoCapacity)),
            Err(e) if e.problem == Problem::Empty => Err(row.error(COLUMN, Problem::NoCapacity)),
            capacity => capacity.map(|c| Some(Minutes(c))),
        },
        (_, true) => Ok(None),
        (_, false) => Err(row.error(COLUMN, Problem::CapacityNotUsed)),
    }
}

/// Reads ACTIVITIES.csv: `pool,activity,driver,minutes`, each for a time pool of `pools`.
pub fn parse_activities(file: &str, bytes: &[u8], pools: &[CostPool]) -> Result<Vec<Activity>, InputError> {
    activities_in(&Table::read(file, bytes, &ACTIVITY_COLUMNS)?, pools)
}

/// The activities of a table with `ACTIVITY_COLUMNS`, checked against `pools`.
pub(crate) fn activities_in(table: &Table<'_>, pools: &[CostPool]) -> Result<Vec<Activity>, InputError> {
    let mut activities = Vec::new();
    for row in table.rows() {
        let pool_name = row.text("pool")?;
        let pool =
            pools.iter().position(|p| p.name == pool_name).ok_or_else(|| row.error("pool", Problem::UnknownPool))?;
        if pools[pool].driver != Driver::Time {
            return Err(row.error("pool", Problem::NotTimePool));
        }
        let name = row.text("activity")?.to_string();
        let driver_name = row.text("driver")?.to_lowercase();
        let driver = ActivityDriver::ALL
            .into_iter()
            .find(|d| d.name() == driver_name)
            .ok_or_else(|| row.error("driver", Problem::UnknownActivityDriver))?;
        if driver == ActivityDriver::Contact {
            return Err(row.error("driver", Problem::ContactsNotAvailable));
        }
        let minutes = Minutes(row.hundredths("minutes", Minutes::LIMIT.0)?);
        activities.push(Activity { pool, name, driver, minutes });
    }
    Ok(activities)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pools_of_every_driver() {
        let csv = "pool;amount;driver;capacity_minutes\nMarketing;1200,50;invoice;\nService;600;time;2400.5\n";
        let pools = parse_pools("POOLS.csv", csv.as_bytes()).unwrap_or_default();
        assert_eq!(
            pools,
            vec![
                CostPool {
                    name: "Marketing".into(),
                    amount: Money::from_cents(120_050),
                    driver: Driver::Invoice,
                    capacity: None
                },
                CostPool {
                    name: "Service".into(),
                    amount: Money::from_cents(60_000),
                    driver: Driver::Time,
                    capacity: Some(Minutes(240_050)),
                },
            ]
        );
    }

    /// A workbook with the pools' header on sheet row `header` (0-based) and a row per (pool, amount,
    /// driver, capacity) below it, amounts and capacities as number cells.
    fn pools_workbook(header: u32, rows: &[(&str, f64, &str, Option<f64>)]) -> Vec<u8> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (column, name) in ["pool", "amount", "driver", "capacity_minutes"].iter().enumerate() {
            sheet.write_string(header, column as u16, *name).unwrap();
        }
        for (&(pool, amount, driver, capacity), row) in rows.iter().zip(header + 1..) {
            sheet.write_string(row, 0, pool).unwrap();
            sheet.write_number(row, 1, amount).unwrap();
            sheet.write_string(row, 2, driver).unwrap();
            if let Some(capacity) = capacity {
                sheet.write_number(row, 3, capacity).unwrap();
            }
        }
        workbook.save_to_buffer().unwrap()
    }

    /// The same pools typed into a spreadsheet: amounts and capacities as number cells (1200.5
    /// and 2400.5), a blank capacity, and the header one row down (sheet row 2): the rows keep
    /// their sheet row numbers, so an error names the row the user sees.
    #[test]
    fn reads_pools_from_a_workbook() {
        let marketing = ("Marketing", 1200.5, "invoice", None);
        let service = ("Service", 600.0, "time", Some(2400.5));
        let bytes = pools_workbook(1, &[marketing, service, ("Sales", -5.0, "line", None)]);
        let error = parse_pools("pools.xlsx", &bytes).map(|p| format!("read {p:?}")).unwrap_or_else(|e| e.to_string());
        assert_eq!(error, "pools.xlsx, line 5, column amount: '-5': negative; enter the amount as a positive number");
        // Without the bad row (sheet row 5), the two pools read as from the CSV above.
        let pools = parse_pools("pools.xlsx", &pools_workbook(0, &[marketing, service])).unwrap_or_default();
        let csv = "pool;amount;driver;capacity_minutes\nMarketing;1200,50;invoice;\nService;600;time;2400.5\n";
        assert_eq!(pools, parse_pools("POOLS.csv", csv.as_bytes()).unwrap_or_default());
        assert_eq!(pools.len(), 2);
        let junk = parse_pools("pools.xlsx", b"PK\x03\x04 not a zip").map_or_else(|e| e.problem, |_| Problem::Empty);
        assert_eq!(junk, Problem::UnreadableWorkbook);
    }

    fn pool_error(csv: &str) -> String {
        parse_pools("POOLS.csv", csv.as_bytes()).map_or_else(|e| e.to_string(), |p| format!("read {p:?}"))
    }

    #[test]
    fn names_file_line_column_and_value_of_a_bad_pool() {
        let header = "pool,amount,driver,capacity_minutes\n";
        assert_eq!(
            pool_error(&format!("{header}Sales,100,line,\nService,1.234,time,60\n")),
            "POOLS.csv, line 3, column amount: '1.234': not a number; write it with at most two decimals and no \
             thousands separator, e.g. 1250.50"
        );
        assert!(pool_error(&format!("{header}Sales,-5,line,\n"))
            .starts_with("POOLS.csv, line 2, column amount: '-5': negative"));
        assert!(pool_error(&format!("{header}Sales,5,visits,\n"))
            .contains("column driver: 'visits': unknown driver; use one of invoice, line, revenue, customer, time"));
        assert!(pool_error(&format!("{header}Service,5,time,\n"))
            .contains("column capacity_minutes: '': a time pool needs"));
        assert!(pool_error(&format!("{header}Service,5,time,0\n"))
            .contains("column capacity_minutes: '0': a time pool needs"));
        assert!(
            pool_error(&format!("{header}Sales,5,line,60\n")).contains("'60': capacity_minutes is only for time pools")
        );
        assert!(pool_error(&format!("{header}Sales,5,line,\nSales,6,line,\n"))
            .contains("line 3, column pool: 'Sales': this pool is listed twice"));
        assert!(pool_error(&format!("{header}Sales,1000000000000.01,line,\n")).contains("too large"));
        assert_eq!(
            pool_error("pool,driver\nSales,line\n"),
            "POOLS.csv, line 1, column amount: '': this column is missing from the header; add it"
        );
    }

    #[test]
    fn pools_adding_up_beyond_the_ledger_limit_are_refused() {
        // 23,059 pools at the line limit (10^14 cents) exceed 2^61 cents (money.rs).
        let mut csv = String::from("pool,amount,driver\n");
        for i in 0..23_059 {
            csv += &format!("P{i},1000000000000,line\n");
        }
        assert!(pool_error(&csv).contains("line 23060, column amount"), "{}", pool_error(&csv));
    }

    #[test]
    fn activities_belong_to_time_pools_and_contacts_wait_for_the_contact_plan() {
        let pools = parse_pools("P", b"pool,amount,driver,capacity_minutes\nService,600,time,600\nSales,5,line,\n")
            .unwrap_or_default();
        let read = |csv: &str| parse_activities("A.csv", csv.as_bytes(), &pools).map_err(|e| e.to_string());
        let header = "pool,activity,driver,minutes\n";
        assert_eq!(
            read(&format!("{header}Service,Order entry,invoice,2.5\nService,Account review,customer,30\n")),
            Ok(vec![
                Activity {
                    pool: 0,
                    name: "Order entry".into(),
                    driver: ActivityDriver::Invoice,
                    minutes: Minutes(250)
                },
                Activity {
                    pool: 0,
                    name: "Account review".into(),
                    driver: ActivityDriver::Customer,
                    minutes: Minutes(3000)
                },
            ])
        );
        let error = |csv: &str| read(&format!("{header}{csv}")).err().unwrap_or_default();
        assert!(error("Service,Visit,contact,60\n")
            .contains("A.csv, line 2, column driver: 'contact': Clientele has no contacts yet"));
        assert!(error("Sales,Visit,line,60\n").contains("column pool: 'Sales': activities belong to time pools only"));
        assert!(error("Support,Visit,line,60\n").contains("column pool: 'Support': no pool of this name"));
        assert!(error("Service,Visit,week,60\n")
            .contains("unknown activity driver; use one of invoice, line, customer, contact"));
    }

    #[test]
    fn hundredths_are_exact_or_refused() {
        assert_eq!(parse_hundredths("12"), Some(1200));
        assert_eq!(parse_hundredths("12.5"), Some(1250));
        assert_eq!(parse_hundredths("12,05"), Some(1205));
        assert_eq!(parse_hundredths("12."), Some(1200));
        for bad in ["", ".5", "1.2.3", "1e3", "1 000", "1.005", "+1"] {
            assert_eq!(parse_hundredths(bad), None, "{bad}");
        }
    }
}
