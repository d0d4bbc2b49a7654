//! The revenue table: revenue (and cost) per customer per period for one scope, summed in one
//! pass over the ledger's columns and shared by every analysis, so that no analysis walks the
//! lines again (performance.md). A `Breakdown` adds the same sums split by one attribute
//! (product group, sales rep) for the pages that need them.

use super::date::Day;
use super::ledger::{Attribute, CustomerId, Ledger};
use super::money::Money;
use super::period::{Period, YearStart};
use super::scope::Scope;
use super::stats::id_byte_order;
use hashbrown::{HashMap, HashSet};
use serde::{Deserialize, Serialize};

/// Per customer per period sums, stored period-major: the customers of one period are one
/// contiguous slice indexed by `CustomerId::index`.
///
/// Periods run from the period of the ledger's first line to that of its last, empty ones
/// included, whatever the scope: two scopes of one ledger always have the same periods. Only the
/// periods that hold a line of the ledger (in any scope) get slices of their own; the empty ones
/// share one all-zero slice, so a ledger of 2024-2025 with one line in 1901 stores 4 slices per
/// column (1901, 2024, 2025 and the shared one), not 125.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RevenueTable {
    scope: Scope,
    year_start: YearStart,
    customers: usize,
    revenue: Vec<Money>,
    /// Sum of the lines' given costs, when the ledger has a cost column.
    cost: Option<Vec<Money>>,
    lines_without_cost: usize,
    /// Purchases: distinct invoices with a positive line, and distinct days with a positive line
    /// that has no invoice (no invoice column, or a blank invoice cell). An invoice whose
    /// positive lines fall in two periods counts once in each.
    purchases: Vec<u32>,
    /// Last day with a positive line.
    last_purchase: Vec<Option<Day>>,
    /// Per customer, the index of the first period with revenue > 0.
    first_active: Vec<Option<u32>>,
    id_order: Vec<u32>,
    days: DayToPeriod,
}

impl RevenueTable {
    pub fn build(ledger: &Ledger, year_start: YearStart, scope: &Scope) -> RevenueTable {
        let days = DayToPeriod::new(ledger, year_start);
        let customers = ledger.customer_count();
        let cells = days.slices() * customers;
        let mut table = RevenueTable {
            scope: scope.clone(),
            year_start,
            customers,
            revenue: vec![Money::ZERO; cells],
            cost: ledger.costs().map(|_| vec![Money::ZERO; cells]),
            lines_without_cost: 0,
            purchases: vec![0; cells],
            last_purchase: vec![None; cells],
            first_active: vec![None; customers],
            id_order: id_byte_order(ledger),
            days,
        };
        table.sum_lines(ledger);
        table.find_first_active();
        table
    }

    fn sum_lines(&mut self, ledger: &Ledger) {
        let filter = self.scope.lines(ledger);
        let costs = ledger.costs();
        let tokens = PurchaseTokens::of(ledger);
        let mut invoices = PurchaseCounter::new(self.customers, tokens.invoice_count);
        // The positive lines whose purchase is their day, counted once all are known.
        let mut day_lines = Vec::new();
        for (line, ((customer, &day), &amount)) in
            ledger.customers().iter().zip(ledger.dates()).zip(ledger.amounts()).enumerate()
        {
            if !filter.keeps(line) {
                continue;
            }
            let Some(period) = self.days.index_of(day) else { continue };
            let cell = self.cell(period, *customer);
            self.revenue[cell] += amount;
            if let (Some(sums), Some(costs)) = (&mut self.cost, costs) {
                match costs.get(line) {
                    Some(cost) => sums[cell] += cost,
                    None => self.lines_without_cost += 1,
                }
            }
            if amount.is_positive() {
                let last = &mut self.last_purchase[cell];
                *last = (*last).max(Some(day));
                match tokens.invoice_of(line) {
                    Some(invoice) if invoices.is_new(*customer, period, invoice) => self.purchases[cell] += 1,
                    Some(_) => {}
                    None => day_lines.push(line as u32),
                }
            }
        }
        self.count_days(ledger, &day_lines);
    }

    /// Adds to each customer's purchases in a period the distinct days of `lines` (positive
    /// lines in scope without an invoice, in line order). The lines are grouped by day (a
    /// counting sort: there are at most 73,049 days), and in each day a customer's first line
    /// is its purchase: no set of (customer, day) pairs, whose hashing was two thirds of the
    /// table's build on a ledger without invoices (5M lines: 0.3 s).
    fn count_days(&mut self, ledger: &Ledger, lines: &[u32]) {
        let (dates, customers) = (ledger.dates(), ledger.customers());
        let day_of = |line: u32| (dates[line as usize].number() - self.days.first_day) as usize;
        // starts[d]..starts[d + 1]: day d's lines in `by_day`.
        let mut starts = vec![0usize; self.days.index.len() + 1];
        for &line in lines {
            starts[day_of(line) + 1] += 1;
        }
        for d in 1..starts.len() {
            starts[d] += starts[d - 1];
        }
        let mut next = starts.clone();
        let mut by_day = vec![CustomerId::from_index(0); lines.len()];
        for &line in lines {
            let slot = &mut next[day_of(line)];
            by_day[*slot] = customers[line as usize];
            *slot += 1;
        }
        let mut last_day = vec![usize::MAX; self.customers];
        for (day, &period) in self.days.index.iter().enumerate() {
            for &customer in &by_day[starts[day]..starts[day + 1]] {
                if std::mem::replace(&mut last_day[customer.index()], day) != day {
                    let cell = self.cell(period as usize, customer);
                    self.purchases[cell] += 1;
                }
            }
        }
    }

    fn find_first_active(&mut self) {
        // Latest period first, so the earliest active period is written last; empty periods
        // have no revenue to look at.
        for (slice, &period) in self.days.with_data.iter().enumerate().rev() {
            let revenue = &self.revenue[slice * self.customers..(slice + 1) * self.customers];
            for (first, revenue) in self.first_active.iter_mut().zip(revenue) {
                if revenue.is_positive() {
                    *first = Some(period);
                }
            }
        }
    }

    fn cell(&self, period: usize, customer: CustomerId) -> usize {
        self.days.slice_of[period] as usize * self.customers + customer.index()
    }

    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    pub fn year_start(&self) -> YearStart {
        self.year_start
    }

    /// Every period from the ledger's first to its last, in order.
    pub fn periods(&self) -> &[Period] {
        &self.days.periods
    }

    /// The position of a period in `periods()`, `None` outside the data.
    pub fn period_index(&self, period: Period) -> Option<usize> {
        self.days.periods.binary_search(&period).ok()
    }

    /// Whether a line of the ledger (in any scope) is dated in the period; when not, every sum
    /// of the period is zero and nobody is active in it.
    pub fn holds_data(&self, period: usize) -> bool {
        self.days.slice_of.get(period).is_some_and(|&s| (s as usize) < self.days.with_data.len())
    }

    /// Cells stored per column (revenue, cost, purchases, last purchase): customers times the
    /// periods that hold data, plus one shared slice when some period is empty.
    pub fn allocated_cells(&self) -> usize {
        self.revenue.len()
    }

    /// Customers in the ledger (whether or not the scope has lines of theirs).
    pub fn customer_count(&self) -> usize {
        self.customers
    }

    fn period_slice<'a, T>(&self, column: &'a [T], period: usize) -> &'a [T] {
        let start = self.cell(period, CustomerId::from_index(0));
        &column[start..start + self.customers]
    }

    /// `revenue(c, P)` of method.md §2 for every customer, indexed by `CustomerId::index`.
    pub fn revenue(&self, period: usize) -> &[Money] {
        self.period_slice(&self.revenue, period)
    }

    pub fn revenue_of(&self, customer: CustomerId, period: usize) -> Money {
        self.revenue[self.cell(period, customer)]
    }

    /// Sum of given costs per customer, when the ledger has a cost column.
    pub fn cost(&self, period: usize) -> Option<&[Money]> {
        self.cost.as_deref().map(|cost| self.period_slice(cost, period))
    }

    /// Lines in scope whose cost cell is empty (their cost counts as zero in margins).
    pub fn lines_without_cost(&self) -> usize {
        self.lines_without_cost
    }

    pub fn purchases(&self, period: usize) -> &[u32] {
        self.period_slice(&self.purchases, period)
    }

    pub fn last_purchase(&self, period: usize) -> &[Option<Day>] {
        self.period_slice(&self.last_purchase, period)
    }

    /// Index of the first period in which the customer was active (revenue > 0).
    pub fn first_active(&self, customer: CustomerId) -> Option<usize> {
        self.first_active[customer.index()].map(|p| p as usize)
    }

    /// Each customer's position in byte order of the ids (the ranking tie-breaker).
    pub fn id_order(&self) -> &[u32] {
        &self.id_order
    }
}

/// Maps a day to its period index with one subtraction and one load instead of a calendar
/// conversion per line, and each period to its slice of the table's columns.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct DayToPeriod {
    first_day: i32,
    /// Per day from the first line's to the last's (at most 73,049 within the date window of
    /// docs/import.md).
    index: Vec<u32>,
    periods: Vec<Period>,
    /// The periods (indices) that hold at least one line of the ledger, in order; the i-th owns
    /// slice i.
    with_data: Vec<u32>,
    /// Per period, its slice: its position in `with_data`, or `with_data.len()` (the shared
    /// all-zero slice) for an empty period.
    slice_of: Vec<u32>,
}

impl DayToPeriod {
    fn new(ledger: &Ledger, year_start: YearStart) -> DayToPeriod {
        let Some((first, last)) = ledger.date_range() else { return DayToPeriod::default() };
        let periods = year_start.periods_spanning(first, last);
        let mut index = Vec::with_capacity((last.number() - first.number() + 1) as usize);
        for (i, &period) in periods.iter().enumerate() {
            let from = year_start.first_day(period).max(first).number();
            let to = year_start.end_day(period).min(last.add_days(1)).number();
            index.extend(std::iter::repeat_n(i as u32, (to - from).max(0) as usize));
        }
        let mut days =
            DayToPeriod { first_day: first.number(), index, periods, with_data: Vec::new(), slice_of: Vec::new() };
        days.find_periods_with_data(ledger);
        days
    }

    fn find_periods_with_data(&mut self, ledger: &Ledger) {
        let mut has_line = vec![false; self.periods.len()];
        for &day in ledger.dates() {
            if let Some(period) = self.index_of(day) {
                has_line[period] = true;
            }
        }
        self.with_data = (0..self.periods.len() as u32).filter(|&p| has_line[p as usize]).collect();
        self.slice_of = vec![self.with_data.len() as u32; self.periods.len()];
        for (slice, &period) in self.with_data.iter().enumerate() {
            self.slice_of[period as usize] = slice as u32;
        }
    }

    /// Slices per column: one per period with data, and the shared one if a period is empty.
    fn slices(&self) -> usize {
        self.with_data.len() + usize::from(self.with_data.len() < self.periods.len())
    }

    fn index_of(&self, day: Day) -> Option<usize> {
        let offset = usize::try_from(day.number() - self.first_day).ok()?;
        self.index.get(offset).map(|&i| i as usize)
    }
}

/// What makes two positive lines one purchase: the same invoice, or for a line without an
/// invoice (no invoice column, or a blank cell: a file imported beside one that has invoices)
/// the same day (`RevenueTable::count_days`).
struct PurchaseTokens<'l> {
    invoices: Option<&'l [u32]>,
    /// The code of the blank invoice, when some line has one.
    blank: Option<u32>,
    invoice_count: usize,
}

impl<'l> PurchaseTokens<'l> {
    fn of(ledger: &'l Ledger) -> PurchaseTokens<'l> {
        let column = ledger.attribute(Attribute::Invoice);
        PurchaseTokens {
            invoices: column.map(|c| c.codes()),
            blank: column.and_then(|c| c.values().code_once("")),
            invoice_count: column.map_or(0, |c| c.values().len()),
        }
    }

    /// The line's invoice, `None` for a line without one.
    fn invoice_of(&self, line: usize) -> Option<u32> {
        self.invoices.map(|codes| codes[line]).filter(|&code| Some(code) != self.blank)
    }
}

/// Counts each (customer, period, invoice) once however many lines repeat it.
struct PurchaseCounter {
    /// The (customer, period) that first used each invoice, packed as `(customer + 1) << 32 |
    /// period` (0: unused). An invoice normally belongs to one customer in one period, so nearly
    /// every repeat is settled by this one load, with no hashing.
    owner: Vec<u64>,
    /// Invoices shared by several customers or periods: the last one counted per customer
    /// catches consecutive lines, the set settles the rest exactly.
    last: Vec<u64>,
    seen: HashSet<(u32, u32, u32)>,
}

impl PurchaseCounter {
    fn new(customers: usize, invoices: usize) -> PurchaseCounter {
        PurchaseCounter { owner: vec![0; invoices], last: vec![u64::MAX; customers], seen: HashSet::default() }
    }

    fn is_new(&mut self, customer: CustomerId, period: usize, invoice: u32) -> bool {
        let (c, p) = (customer.index() as u64, period as u64);
        let Some(owner) = self.owner.get_mut(invoice as usize) else { return false };
        let key = ((c + 1) << 32) | p;
        if *owner == 0 {
            *owner = key;
            return true;
        }
        if *owner == key {
            return false;
        }
        let recent = (p << 32) | u64::from(invoice);
        if std::mem::replace(&mut self.last[customer.index()], recent) == recent {
            return false;
        }
        self.seen.insert((c as u32, p as u32, invoice))
    }
}

/// Revenue per customer per period split by the values of one attribute (e.g. product group),
/// for the same scope as its revenue table. Only non-zero combinations are stored.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Breakdown {
    attribute: Attribute,
    values: Vec<String>,
    /// `cells[period_starts[p]..period_starts[p + 1]]` are period p's, sorted by customer, value.
    period_starts: Vec<usize>,
    cells: Vec<BreakdownCell>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakdownCell {
    pub customer: CustomerId,
    /// Index into `Breakdown::values`.
    pub value: u32,
    pub revenue: Money,
}

impl Breakdown {
    /// `None` when the ledger has no column for the attribute.
    pub fn build(ledger: &Ledger, table: &RevenueTable, attribute: Attribute) -> Option<Breakdown> {
        let column = ledger.attribute(attribute)?;
        let cells = table.days.with_data.len() * table.customers * column.values().len();
        let keyed = if cells <= DENSE_CELLS {
            sums_dense(ledger, table, column.codes(), column.values().len())
        } else {
            sums_hashed(ledger, table, column.codes())
        };
        let period_starts = (0..=table.days.periods.len())
            .map(|p| keyed.partition_point(|((kp, _, _), _)| (*kp as usize) < p))
            .collect();
        let cells = keyed
            .into_iter()
            .map(|((_, customer, value), revenue)| BreakdownCell {
                customer: CustomerId::from_index(customer as usize),
                value,
                revenue,
            })
            .collect();
        Some(Breakdown { attribute, values: column.values().keys().map(String::from).collect(), period_starts, cells })
    }

    pub fn attribute(&self) -> Attribute {
        self.attribute
    }

    /// The attribute's distinct values, indexed by `BreakdownCell::value`.
    pub fn values(&self) -> &[String] {
        &self.values
    }

    /// One period's cells, sorted by customer then value.
    pub fn period(&self, period: usize) -> &[BreakdownCell] {
        match (self.period_starts.get(period), self.period_starts.get(period + 1)) {
            (Some(&from), Some(&to)) => &self.cells[from..to],
            _ => &[],
        }
    }

    /// Every customer's cells in one period, indexed by customer (`customers` of them, the
    /// table's): one pass, for analyses that visit every customer several times.
    pub fn per_customer(&self, period: usize, customers: usize) -> Vec<&[BreakdownCell]> {
        let mut of: Vec<&[BreakdownCell]> = vec![&[]; customers];
        for cells in self.period(period).chunk_by(|a, b| a.customer == b.customer) {
            if let Some(slot) = of.get_mut(cells[0].customer.index()) {
                *slot = cells;
            }
        }
        of
    }

    /// One customer's cells in one period.
    pub fn of_customer(&self, period: usize, customer: CustomerId) -> &[BreakdownCell] {
        let cells = self.period(period);
        let from = cells.partition_point(|c| c.customer < customer);
        let to = cells.partition_point(|c| c.customer <= customer);
        &cells[from..to]
    }
}

/// Up to this many (period, customer, value) combinations a breakdown sums into a plain array
/// (at most 32 MB, and several times faster than hashing); beyond it into a hash map.
const DENSE_CELLS: usize = 1 << 22;

/// A breakdown's non-zero sums keyed (period, customer, value), sorted by key.
type KeyedSums = Vec<((u32, u32, u32), Money)>;

/// Calls `add(period, line)` for every line of the table's scope.
fn for_each_line(ledger: &Ledger, table: &RevenueTable, mut add: impl FnMut(usize, usize)) {
    let filter = table.scope.lines(ledger);
    for (line, &day) in ledger.dates().iter().enumerate() {
        if let (true, Some(period)) = (filter.keeps(line), table.days.index_of(day)) {
            add(period, line);
        }
    }
}

/// Sums into one array over the periods that hold data (a line's period always does).
fn sums_dense(ledger: &Ledger, table: &RevenueTable, codes: &[u32], values: usize) -> KeyedSums {
    let mut sums = vec![Money::ZERO; table.days.with_data.len() * table.customers * values];
    for_each_line(ledger, table, |period, line| {
        sums[table.cell(period, ledger.customers()[line]) * values + codes[line] as usize] += ledger.amounts()[line];
    });
    let per_period = table.customers * values;
    let key =
        |i: usize| (table.days.with_data[i / per_period], ((i % per_period) / values) as u32, (i % values) as u32);
    sums.iter().enumerate().filter(|(_, m)| **m != Money::ZERO).map(|(i, m)| (key(i), *m)).collect()
}

fn sums_hashed(ledger: &Ledger, table: &RevenueTable, codes: &[u32]) -> KeyedSums {
    let mut sums: HashMap<(u32, u32, u32), Money> = HashMap::default();
    for_each_line(ledger, table, |period, line| {
        *sums.entry((period as u32, ledger.customers()[line].index() as u32, codes[line])).or_default() +=
            ledger.amounts()[line];
    });
    let mut keyed: KeyedSums = sums.into_iter().filter(|(_, m)| *m != Money::ZERO).collect();
    keyed.sort_unstable_by_key(|(key, _)| *key);
    keyed
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};

    /// A line of a hand-made test ledger: customer, (year, month, day), amount in cents.
    pub(crate) type Line = (&'static str, (i32, u32, u32), i64);

    pub(crate) fn ledger_of(lines: &[Line]) -> Ledger {
        let mut b = LedgerBuilder::new(Columns::default());
        for &(customer, (y, m, d), cents) in lines {
            let day = Day::from_ymd(y, m, d).unwrap_or(Day::from_number(0));
            b.push(customer, day, Money::from_cents(cents), &LineExtras::default());
        }
        b.finish()
    }

    pub(crate) fn table_of(lines: &[Line]) -> (Ledger, RevenueTable) {
        let ledger = ledger_of(lines);
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        (ledger, table)
    }

    fn cents(table: &RevenueTable, ledger: &Ledger, key: &str, period: usize) -> i64 {
        ledger.customer_by_key(key).map_or(0, |c| table.revenue_of(c, period).cents())
    }

    #[test]
    fn sums_per_customer_per_period_with_empty_periods_and_credit_notes() {
        let (ledger, table) = table_of(&[
            ("A", (2021, 3, 1), 10_000),
            ("A", (2021, 9, 1), -10_000), // credited in full: revenue 0 in 2021
            ("B", (2023, 1, 1), 505),
            ("B", (2023, 12, 31), 1),
            ("A", (2023, 6, 1), 20_000),
        ]);
        let years: Vec<i32> = table.periods().iter().map(|p| p.label_year()).collect();
        assert_eq!(years, vec![2021, 2022, 2023]);
        assert_eq!(
            (cents(&table, &ledger, "A", 0), cents(&table, &ledger, "A", 1), cents(&table, &ledger, "A", 2)),
            (0, 0, 20_000)
        );
        assert_eq!(cents(&table, &ledger, "B", 2), 506);
        let a = ledger.customer_by_key("A").unwrap();
        let b = ledger.customer_by_key("B").unwrap();
        // A's 2021 revenue is zero: first active in 2023 (index 2).
        assert_eq!((table.first_active(a), table.first_active(b)), (Some(2), Some(2)));
        // No invoice column: purchases are distinct days with a positive line.
        assert_eq!((table.purchases(0)[a.index()], table.purchases(2)[b.index()]), (1, 2));
        assert_eq!(table.last_purchase(2)[b.index()], Day::from_ymd(2023, 12, 31));
        assert!(table.cost(0).is_none());
        // 2022 has no line: it is answered by the shared zero slice. Stored: 2021, 2023 and that
        // slice, 3 periods * 2 customers.
        assert_eq!((table.holds_data(0), table.holds_data(1), table.holds_data(2)), (true, false, true));
        assert_eq!(
            (table.revenue(1), table.purchases(1), table.last_purchase(1)),
            (&[Money::ZERO; 2][..], &[0; 2][..], &[None; 2][..])
        );
        assert_eq!(table.allocated_cells(), 6);
    }

    #[test]
    fn fiscal_years_across_new_year() {
        let ledger = ledger_of(&[
            ("A", (2023, 6, 30), 100),
            ("A", (2023, 7, 1), 200),
            ("A", (2024, 6, 30), 400),
            ("A", (2024, 7, 1), 800),
        ]);
        let table = RevenueTable::build(&ledger, YearStart::parse("07-01").unwrap(), &Scope::Company);
        // 2023-06-30 is in fiscal 2022; 2023-07-01..2024-06-30 is fiscal 2023; 2024-07-01 fiscal 2024.
        let years: Vec<i32> = table.periods().iter().map(|p| p.label_year()).collect();
        assert_eq!(years, vec![2022, 2023, 2024]);
        let revenue: Vec<i64> = (0..3).map(|p| table.revenue(p)[0].cents()).collect();
        assert_eq!(revenue, vec![100, 600, 800]);
    }

    #[test]
    fn counts_invoices_once_and_sums_cost_and_breakdowns() {
        let mut b = LedgerBuilder::new(Columns {
            cost: true,
            quantity: false,
            attributes: vec![Attribute::Invoice, Attribute::ProductGroup],
        });
        let d = |m| Day::from_ymd(2024, m, 1).unwrap();
        let mut line = |inv: &'static str, group: &'static str, m, cents, cost: Option<i64>| {
            let attributes = [inv, group];
            b.push(
                "A",
                d(m),
                Money::from_cents(cents),
                &LineExtras { cost: cost.map(Money::from_cents), attributes: &attributes, ..LineExtras::default() },
            );
        };
        line("I1", "Tools", 1, 1_000, Some(600));
        line("I2", "Food", 2, 500, None);
        line("I1", "Food", 1, 300, Some(100)); // I1 again after I2: still one purchase
        line("C1", "Tools", 3, -200, Some(-120)); // a credit note is no purchase
        let ledger = b.finish();
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        assert_eq!(table.revenue(0)[0], Money::from_cents(1_600));
        assert_eq!(table.cost(0).map(|c| c[0]), Some(Money::from_cents(580)));
        assert_eq!(table.lines_without_cost(), 1);
        assert_eq!(table.purchases(0)[0], 2);
        let groups = Breakdown::build(&ledger, &table, Attribute::ProductGroup).unwrap();
        assert_eq!(groups.values(), &["Tools".to_string(), "Food".to_string()]);
        let a = CustomerId::from_index(0);
        let by_group: Vec<(u32, i64)> = groups.of_customer(0, a).iter().map(|c| (c.value, c.revenue.cents())).collect();
        assert_eq!(by_group, vec![(0, 800), (1, 800)]);
        assert!(Breakdown::build(&ledger, &table, Attribute::SalesRep).is_none());
        // Large ledgers sum into a hash map instead of an array: same cells.
        for attribute in [Attribute::ProductGroup, Attribute::Invoice] {
            let column = ledger.attribute(attribute).unwrap();
            assert_eq!(
                sums_dense(&ledger, &table, column.codes(), column.values().len()),
                sums_hashed(&ledger, &table, column.codes())
            );
        }
    }

    #[test]
    fn an_invoice_number_shared_by_customers_and_periods_counts_once_per_pair() {
        let mut b = LedgerBuilder::new(Columns { attributes: vec![Attribute::Invoice], ..Columns::default() });
        let mut line = |customer: &str, year, month| {
            b.push(
                customer,
                Day::from_ymd(year, month, 1).unwrap(),
                Money::from_cents(100),
                &LineExtras { attributes: &["X"], ..LineExtras::default() },
            );
        };
        // A 2023, B 2023, A 2023 again, B 2023 again, A 2024: one purchase for each of
        // (A, 2023), (B, 2023), (A, 2024).
        line("A", 2023, 1);
        line("B", 2023, 2);
        line("A", 2023, 3);
        line("B", 2023, 4);
        line("A", 2024, 1);
        let ledger = b.finish();
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        assert_eq!((table.purchases(0), table.purchases(1)), (&[1, 1][..], &[1, 0][..]));
    }

    #[test]
    fn a_line_without_an_invoice_is_a_purchase_of_its_day_however_the_lines_are_ordered() {
        let mut b = LedgerBuilder::new(Columns { attributes: vec![Attribute::Invoice], ..Columns::default() });
        let mut line = |customer: &str, (month, day), invoice: &str, cents| {
            b.push(
                customer,
                Day::from_ymd(2024, month, day).unwrap(),
                Money::from_cents(cents),
                &LineExtras { attributes: &[invoice], ..LineExtras::default() },
            );
        };
        line("A", (1, 5), "", 100);
        line("B", (1, 5), "", 100); // the same day, another customer: a purchase of B's
        line("A", (2, 1), "", 100);
        line("A", (1, 5), "", 300); // A's day 5 January again, after another day: no purchase
        line("B", (1, 5), "I1", 100); // an invoice on the same day is a purchase of its own
        line("B", (1, 5), "", 100); // B's day 5 January again
        line("B", (3, 3), "", -100); // a credit note is no purchase
        line("A", (2, 1), "I1", 100); // I1 again, another customer: a purchase of A's
        let ledger = b.finish();
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        let (a, b) = (ledger.customer_by_key("A").unwrap(), ledger.customer_by_key("B").unwrap());
        // A: 5 January, 1 February, I1. B: 5 January, I1.
        assert_eq!((table.purchases(0)[a.index()], table.purchases(0)[b.index()]), (3, 2));
    }

    #[test]
    fn empty_ledger_and_empty_scope() {
        let ledger = ledger_of(&[]);
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        assert!(table.periods().is_empty());
        let ledger = ledger_of(&[("A", (2024, 1, 1), 5)]);
        let scope = Scope::Only { attribute: Attribute::Team, value: "x".into() };
        let table = RevenueTable::build(&ledger, YearStart::default(), &scope);
        assert_eq!(table.periods().len(), 1);
        assert_eq!(table.revenue(0), &[Money::ZERO]);
    }
}
