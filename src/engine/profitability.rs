//! Customer-based accounting (issue 13): per customer of a period and scope, revenue, gross
//! margin, every cost pool allocated by its driver, and net profit; summed per pyramid level
//! (the cost to serve beside revenue). Each pool is spread in exact integers and rounded to the
//! cent by largest remainder, so a pool's allocation adds up to its amount to the cent (a time
//! pool's to rate x minutes used; the rest is unused capacity). docs/method-notes.md.

use super::contact_plan::{plan::contact_counts, Contact};
use super::cost_pools::{ActivityDriver, CostPools, Driver, Minutes, Problem, Table};
use super::cost_pools::{CostPool, InputError};
use super::ledger::{Attribute, CustomerId, Ledger};
use super::money::Money;
use super::period::Period;
use super::pyramid::{Level, Levels};
use super::revenue::RevenueTable;
use super::session::analysis::{Analysis, Context, EmptyReason, Selection, LIST_LIMIT};
use super::stats::ranked_order;
use super::whale::{LossMaker, Whale};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Margin in percent per product group (hundredths of a percent: 35.5 % = 3550), for a ledger
/// without a cost column. The group "" holds the lines without a product group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMargins(Vec<(String, i64)>);

impl GroupMargins {
    pub const NONE: GroupMargins = GroupMargins(Vec::new());

    pub fn new(margins: Vec<(String, i64)>) -> GroupMargins {
        GroupMargins(margins)
    }

    /// Each group and its margin in hundredths of a percent, in the order entered.
    pub fn groups(&self) -> &[(String, i64)] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn of(&self, group: &str) -> Option<i64> {
        self.0.iter().find(|(g, _)| g == group).map(|&(_, m)| m)
    }
}

/// Reads GROUPS.csv: `product_group,margin_percent` (0 to 100, two decimals at most; an empty
/// product_group cell stands for the lines without a group).
pub fn parse_margins(file: &str, bytes: &[u8]) -> Result<GroupMargins, InputError> {
    margins_in(&Table::read(file, bytes, &MARGIN_COLUMNS)?)
}

/// The columns a margins table must have.
pub const MARGIN_COLUMNS: [&str; 2] = ["product_group", "margin_percent"];

/// The margins of a table with `MARGIN_COLUMNS`.
pub(crate) fn margins_in(table: &Table<'_>) -> Result<GroupMargins, InputError> {
    let mut margins: Vec<(String, i64)> = Vec::new();
    for row in table.rows() {
        let group = row.cell("product_group");
        if margins.iter().any(|(g, _)| g == group) {
            return Err(row.error("product_group", Problem::DuplicateGroup));
        }
        let margin = row.hundredths("margin_percent", u64::MAX)?;
        if margin > 10_000 {
            return Err(row.error("margin_percent", Problem::MarginAbove100));
        }
        margins.push((group.into(), margin as i64));
    }
    Ok(GroupMargins(margins))
}

/// One pool after allocation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolRow {
    pub pool: String,
    pub driver: Driver,
    pub amount: Money,
    /// What the customers carry: the amount, or for a time pool rate x minutes used.
    pub allocated: Money,
    /// amount - allocated: a time pool's unused capacity (negative over capacity), or a pool
    /// nobody had a unit of its driver for.
    pub unused: Money,
    /// Time pools: practical capacity and the minutes the activities took.
    pub capacity: Option<Minutes>,
    pub minutes_used: Option<Minutes>,
}

/// One customer's account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerProfit {
    pub customer: CustomerId,
    /// The id as written in the file.
    pub key: String,
    /// `None`: never active up to this period (lines that are only credit notes).
    pub level: Option<Level>,
    pub revenue: Money,
    pub gross_margin: Money,
    /// Per pool, in the order of `Profitability::pools`.
    pub costs: Vec<Money>,
    pub cost_to_serve: Money,
    pub net_profit: Money,
}

/// The sums of one pyramid level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelProfit {
    pub level: Option<Level>,
    pub customers: usize,
    pub revenue: Money,
    pub gross_margin: Money,
    pub cost_to_serve: Money,
    pub net_profit: Money,
}

/// What the page (and the command line) says beside the figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfitNote {
    /// No customer has a unit of the pool's driver in the period (for a time pool: no minutes,
    /// e.g. no activities given): nothing is allocated, the whole amount is shown as unused
    /// (never a division by zero).
    NothingToSpread { pool: String, driver: Driver },
    /// The activities took more minutes than the pool's practical capacity: its customers carry
    /// more than its amount (rate x minutes), and `unused` is negative.
    OverCapacity { pool: String, minutes: Minutes },
    /// Lines whose cost cell is empty count as cost zero in the gross margin.
    LinesWithoutCost { lines: usize },
}

impl fmt::Display for ProfitNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfitNote::NothingToSpread { pool, driver: Driver::Time } => write!(
                f,
                "pool {pool}: its activities take no minutes in the period (check the activities); nothing is allocated"
            ),
            ProfitNote::NothingToSpread { pool, driver } => write!(
                f,
                "pool {pool}: no customer has a unit of its driver ({}) in the period; nothing is allocated",
                driver.name()
            ),
            ProfitNote::OverCapacity { pool, minutes } => write!(
                f,
                "pool {pool}: the activities take {minutes} minutes more than its capacity; its customers carry \
                 more than its amount (check capacity_minutes or the activities' minutes)"
            ),
            ProfitNote::LinesWithoutCost { lines } => {
                write!(f, "{lines} lines have no cost; their cost counts as zero in the gross margin")
            }
        }
    }
}

/// Why no account can be made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfitError {
    /// The period is not in the ledger's data.
    PeriodOutside(Period),
    /// Neither a cost column nor margins per product group.
    NoGrossMargin,
    /// Lines of the period are in a product group the margins do not list.
    MissingMargin { group: String },
    /// A time pool's minutes are so far over its capacity that the costs cannot be exact.
    TooLarge { pool: String },
}

impl fmt::Display for ProfitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfitError::PeriodOutside(p) => write!(f, "the ledger has no period {p}; choose a year of its data"),
            ProfitError::NoGrossMargin => write!(
                f,
                "the ledger has no cost column: map one (--map cost=COLUMN) or give margins per product group \
                 (--margins GROUPS.csv)"
            ),
            ProfitError::MissingMargin { group } if group.is_empty() => write!(
                f,
                "lines without a product group have no margin: add a line with an empty product_group to the margins"
            ),
            ProfitError::MissingMargin { group } => {
                write!(f, "product group '{group}' has no margin: add a line '{group},PERCENT' to the margins")
            }
            ProfitError::TooLarge { pool } => write!(
                f,
                "pool {pool}: its activities take so many times its capacity that the costs are too large; check \
                 capacity_minutes and the minutes"
            ),
        }
    }
}

impl std::error::Error for ProfitError {}

/// Customer-based accounting of one period and scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profitability {
    pub period: Period,
    pub pools: Vec<PoolRow>,
    /// Every customer with a line in the period, ranked by net profit (highest first, ties by
    /// id in byte order).
    pub customers: Vec<CustomerProfit>,
    /// Top, Big, Medium, Small, Inactive, then customers never active (`None`) when there are.
    pub levels: Vec<LevelProfit>,
    pub whale: Whale,
    pub loss_makers: Vec<LossMaker>,
    pub notes: Vec<ProfitNote>,
}

impl Profitability {
    /// The account of `levels`' period in `table`'s scope. `margins` replace the ledger's cost
    /// column when given; `contacts` (the Contact Plan's realised contacts) are the units of the
    /// activities driven by `contact`.
    pub fn of(
        ledger: &Ledger,
        table: &RevenueTable,
        levels: &Levels,
        pools: &CostPools,
        margins: Option<&GroupMargins>,
        contacts: &[Contact],
    ) -> Result<Profitability, ProfitError> {
        let period = levels.period();
        let p = table.period_index(period).ok_or(ProfitError::PeriodOutside(period))?;
        let usage = Usage::of(ledger, table, period, margins)?;
        let served: Vec<CustomerId> =
            (0..usage.lines.len()).filter(|&c| usage.lines[c] > 0).map(CustomerId::from_index).collect();
        let revenue = table.revenue(p);
        let gross_margin = gross_margins(table, p, &usage)?;
        let year_start = table.year_start();
        let contacts = contact_counts(ledger, contacts, year_start.first_day(period), year_start.end_day(period));
        let units = Units { purchases: table.purchases(p), lines: &usage.lines, revenue, contacts: &contacts };
        let mut notes = Vec::new();
        let mut carried: u128 = 0;
        let mut rows = Vec::with_capacity(pools.pools.len());
        let mut costs = vec![vec![Money::ZERO; pools.pools.len()]; served.len()];
        for (index, pool) in pools.pools.iter().enumerate() {
            let weights: Vec<u128> = served.iter().map(|&c| units.weight(pools, index, c)).collect();
            let (row, shares) = allocate(pool, &weights, &served, table.id_order(), &mut notes)?;
            // All pools together stay within the ledger limit, so net profit fits i64 (money.rs).
            carried += u128::from(row.allocated.cents().unsigned_abs());
            if carried > Money::LEDGER_LIMIT_CENTS {
                return Err(ProfitError::TooLarge { pool: pool.name.clone() });
            }
            for (customer_costs, share) in costs.iter_mut().zip(shares) {
                customer_costs[index] = share;
            }
            rows.push(row);
        }
        if margins.is_none() && table.lines_without_cost() > 0 {
            notes.push(ProfitNote::LinesWithoutCost { lines: table.lines_without_cost() });
        }
        let mut customers: Vec<CustomerProfit> = served
            .iter()
            .zip(costs)
            .map(|(&c, costs)| {
                let cost_to_serve: Money = costs.iter().copied().sum();
                let margin = gross_margin[c.index()];
                CustomerProfit {
                    customer: c,
                    key: ledger.customer_key(c).into(),
                    level: levels.level(c),
                    revenue: revenue[c.index()],
                    gross_margin: margin,
                    costs,
                    cost_to_serve,
                    net_profit: margin - cost_to_serve,
                }
            })
            .collect();
        let order = table.id_order();
        customers.sort_unstable_by(|a, b| ranked_order((a.net_profit, a.customer), (b.net_profit, b.customer), order));
        let net: Vec<Money> = customers.iter().map(|c| c.net_profit).collect();
        Ok(Profitability {
            period,
            levels: level_sums(&customers),
            whale: Whale::of(&net),
            loss_makers: LossMaker::of(&customers, &rows),
            pools: rows,
            customers,
            notes,
        })
    }
}

/// What the drivers count per customer in the period and scope, beyond the revenue table.
struct Usage {
    /// Lines per customer (credit notes included).
    lines: Vec<u32>,
    /// With margins: per customer, the sum of amount x margin in cents x hundredths of a percent.
    margin_sums: Option<Vec<i128>>,
}

impl Usage {
    fn of(
        ledger: &Ledger,
        table: &RevenueTable,
        period: Period,
        margins: Option<&GroupMargins>,
    ) -> Result<Usage, ProfitError> {
        let filter = table.scope().lines(ledger);
        let year_start = table.year_start();
        let groups = ledger.attribute(Attribute::ProductGroup);
        // Each group's margin, looked up once per group code.
        let mut group_margin: Vec<Option<i64>> = vec![None; groups.map_or(1, |g| g.values().len())];
        let mut usage = Usage {
            lines: vec![0; ledger.customer_count()],
            margin_sums: margins.map(|_| vec![0; ledger.customer_count()]),
        };
        for line in 0..ledger.len() {
            if !filter.keeps(line) || year_start.period_of(ledger.dates()[line]) != period {
                continue;
            }
            let customer = ledger.customers()[line].index();
            usage.lines[customer] += 1;
            if let (Some(sums), Some(margins)) = (&mut usage.margin_sums, margins) {
                let code = groups.map_or(0, |g| g.codes()[line] as usize);
                let group = groups.map_or("", |g| g.value_of_line(line));
                let margin = match group_margin[code] {
                    Some(m) => m,
                    None => margins.of(group).ok_or_else(|| ProfitError::MissingMargin { group: group.into() })?,
                };
                group_margin[code] = Some(margin);
                sums[customer] += i128::from(ledger.amounts()[line].cents()) * i128::from(margin);
            }
        }
        Ok(usage)
    }
}

/// Gross margin per customer: revenue - given costs, or the margins' sum rounded half away
/// from zero to the cent (one rounding per customer).
fn gross_margins(table: &RevenueTable, p: usize, usage: &Usage) -> Result<Vec<Money>, ProfitError> {
    let revenue = table.revenue(p);
    if let Some(sums) = &usage.margin_sums {
        // |sum| <= 2^61 cents x 10^4, and the rounded result is at most |revenue|: fits i64.
        return Ok(sums.iter().map(|&s| Money::from_cents(round_div(s, 10_000) as i64)).collect());
    }
    let cost = table.cost(p).ok_or(ProfitError::NoGrossMargin)?;
    Ok(revenue.iter().zip(cost).map(|(&r, &c)| r - c).collect())
}

/// `n / d` rounded half away from zero, for `d > 0`.
fn round_div(n: i128, d: i128) -> i128 {
    n.signum() * ((2 * n.abs() + d) / (2 * d))
}

/// The units a customer has of each driver in the period.
struct Units<'a> {
    purchases: &'a [u32],
    /// Realised contacts of the period per customer (the Contact Plan's activity file).
    contacts: &'a [u32],
    lines: &'a [u32],
    revenue: &'a [Money],
}

impl Units<'_> {
    fn of_activity(&self, driver: ActivityDriver, c: CustomerId) -> u128 {
        match driver {
            ActivityDriver::Invoice => u128::from(self.purchases[c.index()]),
            ActivityDriver::Line => u128::from(self.lines[c.index()]),
            ActivityDriver::Customer => u128::from(self.revenue[c.index()].is_positive()),
            ActivityDriver::Contact => u128::from(self.contacts[c.index()]),
        }
    }

    /// The customer's weight in pool `index`: driver units, revenue in cents, or for a time
    /// pool minutes in hundredths.
    fn weight(&self, pools: &CostPools, index: usize, c: CustomerId) -> u128 {
        match pools.pools[index].driver {
            Driver::Invoice => u128::from(self.purchases[c.index()]),
            Driver::Line => u128::from(self.lines[c.index()]),
            Driver::Revenue => u128::try_from(self.revenue[c.index()].cents()).unwrap_or(0),
            Driver::Customer => u128::from(self.revenue[c.index()].is_positive()),
            // Lines < 2^32 and minutes <= 10^12 hundredths (Minutes::LIMIT): a product < 2^72,
            // summed over fewer than 2^32 activities: far inside u128.
            Driver::Time => pools
                .activities
                .iter()
                .filter(|a| a.pool == index)
                .map(|a| self.of_activity(a.driver, c) * u128::from(a.minutes.hundredths()))
                .sum(),
        }
    }
}

/// Spreads one pool over the customers in proportion to `weights`, rounded to the cent by
/// largest remainder.
fn allocate(
    pool: &CostPool,
    weights: &[u128],
    customers: &[CustomerId],
    id_order: &[u32],
    notes: &mut Vec<ProfitNote>,
) -> Result<(PoolRow, Vec<Money>), ProfitError> {
    let used: u128 = weights.iter().sum();
    // Proportional pools divide by the driver total; time pools by the practical capacity
    // (rate = amount / capacity), so their customers carry rate x minutes.
    let divisor = pool.capacity.map_or(used, |c| u128::from(c.hundredths()));
    let too_large = || ProfitError::TooLarge { pool: pool.name.clone() };
    let amount = u128::from(pool.amount.cents().unsigned_abs());
    let shares = if used == 0 {
        notes.push(ProfitNote::NothingToSpread { pool: pool.name.clone(), driver: pool.driver });
        vec![0; weights.len()]
    } else {
        // The exact total amount x used / divisor, rounded half up to the cent.
        let target = amount.checked_mul(used).and_then(|t| t.checked_add(divisor / 2)).ok_or_else(too_large)? / divisor;
        let by_id = |a: usize, b: usize| id_order[customers[a].index()].cmp(&id_order[customers[b].index()]);
        largest_remainder(amount, weights, divisor, target, by_id).ok_or_else(too_large)?
    };
    if let Some(capacity) = pool.capacity.filter(|c| u128::from(c.hundredths()) < used) {
        let over = u64::try_from(used - u128::from(capacity.hundredths())).map_err(|_| too_large())?;
        notes.push(ProfitNote::OverCapacity { pool: pool.name.clone(), minutes: Minutes::from_hundredths(over) });
    }
    let allocated: u128 = shares.iter().sum();
    // A time pool far over capacity could carry more than any ledger's sums (money.rs): refused.
    if allocated > Money::LEDGER_LIMIT_CENTS {
        return Err(too_large());
    }
    let allocated = Money::from_cents(allocated as i64);
    let row = PoolRow {
        pool: pool.name.clone(),
        driver: pool.driver,
        amount: pool.amount,
        allocated,
        unused: pool.amount - allocated,
        capacity: pool.capacity,
        minutes_used: pool.capacity.map(|_| Minutes::from_hundredths(u64::try_from(used).unwrap_or(u64::MAX))),
    };
    Ok((row, shares.into_iter().map(|s| Money::from_cents(s as i64)).collect()))
}

/// Shares `amount x weight / divisor` floored, and the `target - sum of floors` cents left over
/// given one each to the largest remainders (ties: `order` of the weights' indices; a pool's
/// customers by id in byte order). `None` when a product overflows `u128` (refused as too
/// large). The goals' top-down spread (`goals.rs`) rounds with it too.
pub(crate) fn largest_remainder(
    amount: u128,
    weights: &[u128],
    divisor: u128,
    target: u128,
    order: impl Fn(usize, usize) -> std::cmp::Ordering,
) -> Option<Vec<u128>> {
    let mut shares = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let product = amount.checked_mul(w)?;
        shares.push(product / divisor);
        remainders.push((product % divisor, i));
    }
    let floors: u128 = shares.iter().sum();
    // floors <= exact total; target = the exact total rounded, which is less than floors plus
    // the count of nonzero remainders: every extra cent goes to a different customer.
    let extra = usize::try_from(target.checked_sub(floors)?).ok()?;
    remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(order(a.1, b.1)));
    for &(_, i) in remainders.iter().take(extra) {
        shares[i] += 1;
    }
    Some(shares)
}

fn level_sums(customers: &[CustomerProfit]) -> Vec<LevelProfit> {
    let never_active = customers.iter().any(|c| c.level.is_none());
    let levels = Level::ALL.into_iter().map(Some).chain(never_active.then_some(None));
    levels
        .map(|level| {
            let at: Vec<&CustomerProfit> = customers.iter().filter(|c| c.level == level).collect();
            LevelProfit {
                level,
                customers: at.len(),
                revenue: at.iter().map(|c| c.revenue).sum(),
                gross_margin: at.iter().map(|c| c.gross_margin).sum(),
                cost_to_serve: at.iter().map(|c| c.cost_to_serve).sum(),
                net_profit: at.iter().map(|c| c.net_profit).sum(),
            }
        })
        .collect()
}

/// What the Profitability page asks: the account of a period (the latest when `None`) and
/// scope, from the workspace's cost pools and (for a ledger without a cost column) its margins.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ProfitabilityRequest {
    pub selection: Selection,
    pub period: Option<Period>,
}

impl ProfitabilityRequest {
    /// The whole account, the loss-makers largest loss first (the page's order).
    pub(crate) fn account(&self, context: &mut Context) -> Result<Profitability, EmptyReason> {
        let tables = context.tables;
        if tables.cost_pools.pools.is_empty() {
            return Err(EmptyReason::NoCostPools);
        }
        // Margins stand in for a missing cost column only: a ledger's own costs come first.
        let margins = (context.ledger.costs().is_none() && !tables.margins.is_empty()).then_some(&tables.margins);
        let prepared = context.prepare(&self.selection);
        let levels = prepared.levels_of(self.period)?;
        let contacts = &tables.contacts.contacts;
        let mut account =
            Profitability::of(context.ledger, &prepared.table, levels, &tables.cost_pools, margins, contacts).map_err(
                |error| match error {
                    ProfitError::PeriodOutside(_) => EmptyReason::PeriodNotInData,
                    ProfitError::NoGrossMargin => EmptyReason::NoGrossMargin,
                    ProfitError::MissingMargin { .. } => EmptyReason::MarginMissing,
                    ProfitError::TooLarge { .. } => EmptyReason::CostsTooLarge,
                },
            )?;
        // The page lists the loss-makers largest loss first (they come in ranking order, so the
        // smallest loss first); the whale curve holds every customer.
        account.loss_makers.reverse();
        Ok(account)
    }
}

impl Analysis for ProfitabilityRequest {
    type View = Profitability;
    /// Not from totals per period: the invoice, line and time drivers count purchases and lines: single lines.
    const NEEDS_LINES: bool = true;

    /// The account with only the first customers and loss-makers (a response is copied whole).
    fn answer(self, context: &mut Context) -> Result<Profitability, EmptyReason> {
        let mut account = self.account(context)?;
        account.customers.truncate(LIST_LIMIT);
        account.loss_makers.truncate(LIST_LIMIT);
        Ok(account)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::cost_pools::{parse_activities, parse_pools};
    use crate::engine::date::Day;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};
    use crate::engine::period::YearStart;
    use crate::engine::pyramid::CutOffs;
    use crate::engine::scope::Scope;

    /// customer, year, invoice, product group, amount and cost in cents.
    type Line = (&'static str, i32, &'static str, &'static str, i64, i64);

    /// 2024 (E bought in 2023, so it is inactive in 2024; its only 2024 line is a credit note):
    ///
    /// | customer | invoices (positive) | lines | revenue  | cost    | gross margin |
    /// |----------|---------------------|-------|----------|---------|--------------|
    /// | A        | 2 (i1, i2)          | 3     | 3000.00  | 1700.00 | 1300.00      |
    /// | B        | 2 (i3, i4)          | 2     |  500.00  |  350.00 |  150.00      |
    /// | C        | 1                   | 1     |  300.00  |  100.00 |  200.00      |
    /// | D        | 1                   | 1     |  200.00  |  150.00 |   50.00      |
    /// | E        | 0 (a credit note)   | 1     |  -50.00  |  -30.00 |  -20.00      |
    ///
    /// Active: A 3000, B 500, C 300, D 200; n = 4, k(1 %) = k(5 %) = k(20 %) = 1: A Top, the
    /// others Small; E Inactive.
    const LEDGER: [Line; 10] = [
        ("E", 2023, "i0", "X", 10_000, 5_000),
        ("A", 2024, "i1", "X", 100_000, 60_000),
        ("A", 2024, "i1", "Y", 50_000, 20_000),
        ("A", 2024, "i2", "X", 150_000, 90_000),
        ("B", 2024, "i3", "X", 40_000, 30_000),
        ("B", 2024, "i4", "Y", 10_000, 5_000),
        ("C", 2024, "i5", "Y", 30_000, 10_000),
        ("D", 2024, "i6", "X", 20_000, 15_000),
        ("E", 2024, "i7", "X", -5_000, -3_000),
        // A line of 2025 that no 2024 figure may include.
        ("A", 2025, "i8", "X", 99_900, 0),
    ];

    fn ledger(lines: &[Line]) -> Ledger {
        let columns =
            Columns { cost: true, attributes: vec![Attribute::Invoice, Attribute::ProductGroup], ..Columns::default() };
        let mut b = LedgerBuilder::new(columns);
        for &(customer, year, invoice, group, amount, cost) in lines {
            let day = Day::from_ymd(year, 5, 1).unwrap_or(Day::from_number(0));
            let extras = LineExtras {
                cost: Some(Money::from_cents(cost)),
                attributes: &[invoice, group],
                ..LineExtras::default()
            };
            b.push(customer, day, Money::from_cents(amount), &extras);
        }
        b.finish()
    }

    const POOLS: &str = "pool,amount,driver,capacity_minutes
Marketing,100.00,invoice,
Sales,90.01,line,
Overhead,10.01,revenue,
Key accounts,0.03,customer,
Service,700.00,time,900
Support,100.00,time,100
";
    const ACTIVITIES: &str = "pool,activity,driver,minutes
Service,Order entry,invoice,5
Service,Account review,customer,30
Service,Picking,line,1.5
Support,Call,invoice,20
";

    fn pools(pools: &str, activities: &str) -> CostPools {
        let pools = parse_pools("POOLS.csv", pools.as_bytes()).unwrap_or_default();
        let activities = parse_activities("ACTIVITIES.csv", activities.as_bytes(), &pools, true).unwrap_or_default();
        CostPools { pools, activities }
    }

    fn account(
        lines: &[Line],
        pools: &CostPools,
        margins: Option<&GroupMargins>,
    ) -> Result<Profitability, ProfitError> {
        let ledger = ledger(lines);
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default())
            .ok_or(ProfitError::NoGrossMargin)?;
        Profitability::of(&ledger, &table, &levels, pools, margins, &[])
    }

    fn cents(money: &[Money]) -> Vec<i64> {
        money.iter().map(|m| m.cents()).collect()
    }

    fn costs_of(p: &Profitability, key: &str) -> Vec<i64> {
        p.customers.iter().find(|c| c.key == key).map_or(Vec::new(), |c| cents(&c.costs))
    }

    #[test]
    fn every_driver_spreads_its_pool_to_the_cent() {
        let Ok(p) = account(&LEDGER, &pools(POOLS, ACTIVITIES), None) else { panic!("no account") };
        // Costs per pool in cents: Marketing, Sales, Overhead, Key accounts, Service, Support.
        //
        // Marketing 100.00 by invoice, 6 invoices: A, B 10000 x 2/6 = 3333.33 (remainder 2/6),
        // C, D 1666.67 -> 1666 (remainder 4/6). Floors add up to 9998; the 2 cents left go to
        // the largest remainders, C and D: 3333, 3333, 1667, 1667, E 0.
        //
        // Sales 90.01 by line, 8 lines: A 9001 x 3/8 = 3375.375, B 2250.25, C, D, E 1125.125.
        // Floors 9000; 1 cent to the largest remainder (A): 3376, 2250, 1125, 1125, 1125.
        //
        // Overhead 10.01 by revenue over 4000.00 of active revenue: A 1001 x 0.75 = 750.75,
        // B x 0.125 = 125.125, C x 0.075 = 75.075, D x 0.05 = 50.05; 1 cent to A: 751, 125, 75, 50.
        //
        // Key accounts 0.03 equally over 4 active customers: 0.75 cent each, all remainders
        // equal: the 3 cents go by id in byte order to A, B, C; D 0.
        //
        // Service 700.00 over 900 minutes (rate 0.7777...): minutes A 2 x 5 + 30 + 3 x 1.5 =
        // 44.5, B 10 + 30 + 3 = 43, C 5 + 30 + 1.5 = 36.5, D 36.5, E 1.5 (a line, no invoice, not
        // active): 162 minutes, rate x 162 = 126.00 exactly. Shares 70000 x minutes / 900: A
        // 3461.11, B 3344.44, C 2838.89, D 2838.89, E 116.67; floors 12597, 3 cents to C, D, E:
        // 3461, 3344, 2839, 2839, 117. Unused: 700.00 - 126.00 = 574.00.
        //
        // Support 100.00 over 100 minutes (rate 1.00), 20 minutes per invoice: 120 minutes,
        // 20 over capacity: A 40.00, B 40.00, C 20.00, D 20.00; allocated 120.00, unused -20.00.
        assert_eq!(costs_of(&p, "A"), vec![3333, 3376, 751, 1, 3461, 4000]);
        assert_eq!(costs_of(&p, "B"), vec![3333, 2250, 125, 1, 3344, 4000]);
        assert_eq!(costs_of(&p, "C"), vec![1667, 1125, 75, 1, 2839, 2000]);
        assert_eq!(costs_of(&p, "D"), vec![1667, 1125, 50, 0, 2839, 2000]);
        assert_eq!(costs_of(&p, "E"), vec![0, 1125, 0, 0, 117, 0]);
        let pools: Vec<(&str, i64, i64, i64)> = p
            .pools
            .iter()
            .map(|r| (r.pool.as_str(), r.amount.cents(), r.allocated.cents(), r.unused.cents()))
            .collect();
        assert_eq!(
            pools,
            vec![
                ("Marketing", 10_000, 10_000, 0),
                ("Sales", 9_001, 9_001, 0),
                ("Overhead", 1_001, 1_001, 0),
                ("Key accounts", 3, 3, 0),
                ("Service", 70_000, 12_600, 57_400),
                ("Support", 10_000, 12_000, -2_000),
            ]
        );
        assert_eq!(p.pools[4].minutes_used, Some(Minutes::from_hundredths(16_200)));
        assert_eq!(
            p.notes,
            vec![ProfitNote::OverCapacity { pool: "Support".into(), minutes: Minutes::from_hundredths(2_000) }]
        );
    }

    #[test]
    fn a_contact_activity_spreads_its_minutes_per_realised_contact() {
        // Field 300.00 over 600 minutes (rate 0.50 a minute), 30 minutes per realised contact of
        // 2024: A 2 contacts (60 minutes), C 1 (30), E 1 (30; its credit note makes it a customer
        // of the period). Z is not in the ledger and A's 2025 visit is another period: 120
        // minutes, A 30.00, C 15.00, E 15.00; allocated 60.00, unused 240.00.
        let contacts = crate::engine::contact_plan::parse_contacts(
            "ACTIVITIES.csv",
            b"customer,date,type,minutes\nA,2024-02-01,visit,90\nA,2024-11-30,call,\nC,2024-06-15,visit,\n\
              E,2024-01-02,mailing,\nZ,2024-03-03,visit,\nA,2025-01-05,visit,\n",
        )
        .unwrap_or_default();
        let pools_csv = "pool,amount,driver,capacity_minutes\nField,300.00,time,600\n";
        let pools = parse_pools("POOLS.csv", pools_csv.as_bytes()).unwrap_or_default();
        let activities =
            parse_activities("A.csv", b"pool,activity,driver,minutes\nField,Visit,contact,30\n", &pools, true);
        let pools = CostPools { pools, activities: activities.unwrap_or_default() };
        let ledger = ledger(&LEDGER);
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default());
        let account = levels.map(|l| Profitability::of(&ledger, &table, &l, &pools, None, &contacts));
        let Some(Ok(p)) = account else { panic!("no account") };
        let field: Vec<(&str, i64)> = ["A", "B", "C", "D", "E"].iter().map(|&k| (k, costs_of(&p, k)[0])).collect();
        assert_eq!(field, vec![("A", 3_000), ("B", 0), ("C", 1_500), ("D", 0), ("E", 1_500)]);
        assert_eq!((p.pools[0].allocated.cents(), p.pools[0].unused.cents()), (6_000, 24_000));
        assert_eq!(p.pools[0].minutes_used, Some(Minutes::from_hundredths(12_000)));
    }

    #[test]
    fn net_profit_per_customer_and_level_and_the_whale() {
        let Ok(p) = account(&LEDGER, &pools(POOLS, ACTIVITIES), None) else { panic!("no account") };
        // Cost to serve (the rows above): A 33.33 + 33.76 + 7.51 + 0.01 + 34.61 + 40.00 = 149.22,
        // B 130.53, C 77.07, D 76.81, E 12.42 (together 446.05 = the pools' allocated sum).
        // Net = gross margin - cost to serve: A 1150.78, B 19.47, C 122.93, D -26.81, E -32.42.
        let ranked: Vec<(&str, i64, i64)> =
            p.customers.iter().map(|c| (c.key.as_str(), c.cost_to_serve.cents(), c.net_profit.cents())).collect();
        assert_eq!(
            ranked,
            vec![
                ("A", 14_922, 115_078),
                ("C", 7_707, 12_293),
                ("B", 13_053, 1_947),
                ("D", 7_681, -2_681),
                ("E", 1_242, -3_242)
            ]
        );
        // Levels: Top A; Small B, C, D: revenue 1000.00, margin 400.00, cost 284.41, net 115.59.
        let levels: Vec<(Option<Level>, usize, i64, i64, i64, i64)> = p
            .levels
            .iter()
            .map(|l| {
                (
                    l.level,
                    l.customers,
                    l.revenue.cents(),
                    l.gross_margin.cents(),
                    l.cost_to_serve.cents(),
                    l.net_profit.cents(),
                )
            })
            .collect();
        assert_eq!(
            levels,
            vec![
                (Some(Level::Top), 1, 300_000, 130_000, 14_922, 115_078),
                (Some(Level::Big), 0, 0, 0, 0, 0),
                (Some(Level::Medium), 0, 0, 0, 0, 0),
                (Some(Level::Small), 3, 100_000, 40_000, 28_441, 11_559),
                (Some(Level::Inactive), 1, -5_000, -2_000, 1_242, -3_242),
            ]
        );
        // Whale: cumulative 1150.78, 1273.71, 1293.18, 1266.37, 1233.95 (the total). Peak
        // 1293.18 at 3 customers: 129318 / 123395 of profit. Top 20 %: ceil(1) = 1 customer,
        // 115078 / 123395. Loss-makers D (costliest: Service 28.39) and E (Sales 11.25).
        let w = &p.whale;
        assert_eq!(
            (w.customers, w.total_profit.cents(), w.peak_profit.cents(), w.peak_customers),
            (5, 123_395, 129_318, 3)
        );
        assert_eq!(w.peak_share, Some(129_318.0 / 123_395.0));
        assert_eq!((w.top20_customers, w.top20_profit_share), (1, Some(115_078.0 / 123_395.0)));
        assert_eq!(w.loss_making_customers, 2);
        let losses: Vec<(&str, Option<&str>)> =
            p.loss_makers.iter().map(|l| (l.key.as_str(), l.costliest_pool.as_deref())).collect();
        assert_eq!(losses, vec![("D", Some("Service")), ("E", Some("Sales"))]);
    }

    #[test]
    fn margins_per_product_group_replace_the_cost_column() {
        // X 33.33 %, Y 60 %, one rounding per customer (half away from zero):
        // A 2500.00 x 0.3333 + 500.00 x 0.6 = 833.25 + 300 = 1133.25; B 400 x 0.3333 + 100 x 0.6
        // = 133.32 + 60 = 193.32; C 300 x 0.6 = 180.00; D 200 x 0.3333 = 66.66;
        // E -50 x 0.3333 = -16.665 -> -16.67.
        let margins = parse_margins("GROUPS.csv", b"product_group,margin_percent\nX,33.33\nY,60\n").unwrap_or_default();
        let Ok(p) = account(&LEDGER, &CostPools::default(), Some(&margins)) else { panic!("no account") };
        let margin: Vec<(&str, i64)> = p.customers.iter().map(|c| (c.key.as_str(), c.gross_margin.cents())).collect();
        assert_eq!(margin, vec![("A", 113_325), ("B", 19_332), ("C", 18_000), ("D", 6_666), ("E", -1_667)]);
        let only_x = parse_margins("GROUPS.csv", b"product_group,margin_percent\nX,33.33\n").unwrap_or_default();
        assert_eq!(
            account(&LEDGER, &CostPools::default(), Some(&only_x)),
            Err(ProfitError::MissingMargin { group: "Y".into() })
        );
        let error = parse_margins("GROUPS.csv", b"product_group,margin_percent\nX,100.01\n").map_err(|e| e.to_string());
        assert_eq!(
            error,
            Err(
                "GROUPS.csv, line 2, column margin_percent: '100.01': a margin is at most 100 %; write e.g. 35 or 35.5"
                    .into()
            )
        );
    }

    #[test]
    fn a_pool_without_driver_units_is_not_allocated_and_said_so() {
        // 2024 holds only E's credit note: no purchase, no active customer, no revenue > 0, so
        // invoice, revenue and customer pools have nothing to spread over (never a division by
        // zero); the line pool goes to E's one line; Support's only activity is per invoice, so it
        // has no minutes.
        let lines = [LEDGER[0], LEDGER[8]];
        let Ok(p) = account(&lines, &pools(POOLS, ACTIVITIES), None) else { panic!("no account") };
        let allocated: Vec<(i64, i64)> = p.pools.iter().map(|r| (r.allocated.cents(), r.unused.cents())).collect();
        // Service: E's 1.5 minutes of picking x 700.00 / 900 = 1.1667 -> 1.17; Support: no invoice.
        assert_eq!(allocated, vec![(0, 10_000), (9_001, 0), (0, 1_001), (0, 3), (117, 69_883), (0, 10_000)]);
        let silent = [Driver::Invoice, Driver::Revenue, Driver::Customer, Driver::Time];
        let expected: Vec<ProfitNote> = ["Marketing", "Overhead", "Key accounts", "Support"]
            .iter()
            .zip(silent)
            .map(|(pool, driver)| ProfitNote::NothingToSpread { pool: (*pool).into(), driver })
            .collect();
        assert_eq!(p.notes, expected);
    }

    #[test]
    fn a_scope_sees_only_its_lines() {
        // Product group Y in 2024: A i1 500.00 (cost 200.00), B i4 100.00 (50.00), C i5 300.00
        // (100.00); D and E have no line in Y and are not listed. Sales 90.01 over 3 lines:
        // 3000.33 cents each, all remainders equal: the cent goes to A (first in byte order).
        let ledger = ledger(&LEDGER);
        let scope = Scope::Only { attribute: Attribute::ProductGroup, value: "Y".into() };
        let table = RevenueTable::build(&ledger, YearStart::default(), &scope);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default());
        let pools = pools("pool,amount,driver\nSales,90.01,line\n", "pool,activity,driver,minutes\n");
        let account = levels.map(|l| Profitability::of(&ledger, &table, &l, &pools, None, &[]));
        let Some(Ok(p)) = account else { panic!("no account") };
        let rows: Vec<(&str, i64, i64, i64)> = p
            .customers
            .iter()
            .map(|c| (c.key.as_str(), c.revenue.cents(), c.cost_to_serve.cents(), c.net_profit.cents()))
            .collect();
        assert_eq!(rows, vec![("A", 50_000, 3_001, 26_999), ("C", 30_000, 3_000, 17_000), ("B", 10_000, 3_000, 2_000)]);
    }

    #[test]
    fn no_cost_column_and_no_margins_is_an_error() {
        let ledger = crate::engine::revenue::tests::ledger_of(&[("A", (2024, 1, 1), 100)]);
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default());
        let result = levels.map(|l| Profitability::of(&ledger, &table, &l, &CostPools::default(), None, &[]));
        assert_eq!(result, Some(Err(ProfitError::NoGrossMargin)));
    }

    use proptest::prelude::*;

    proptest! {
        /// Any pool over any drivers: the shares add up to the target (the amount, or for a
        /// capacity divisor rate x units rounded half up), and each share is its exact value
        /// rounded down or up, never further off.
        #[test]
        fn largest_remainder_adds_up_and_stays_within_a_cent(
            amount in 0u128..=100_000_000_000_000,
            weights in proptest::collection::vec(0u128..=1_000_000_000, 1..40),
            capacity in proptest::option::of(1u128..=2_000_000_000),
        ) {
            let used: u128 = weights.iter().sum();
            prop_assume!(used > 0);
            let divisor = capacity.unwrap_or(used);
            let target = (amount * used + divisor / 2) / divisor;
            let customers: Vec<CustomerId> = (0..weights.len()).map(CustomerId::from_index).collect();
            let order: Vec<u32> = (0..weights.len() as u32).rev().collect();
            let by_id = |a: usize, b: usize| order[customers[a].index()].cmp(&order[customers[b].index()]);
            let shares = largest_remainder(amount, &weights, divisor, target, by_id);
            prop_assert!(shares.is_some());
            let shares = shares.unwrap_or_default();
            prop_assert_eq!(shares.iter().sum::<u128>(), target);
            for (share, w) in shares.iter().zip(&weights) {
                let floor = amount * w / divisor;
                prop_assert!(*share == floor || *share == floor + 1);
            }
        }
    }
}
