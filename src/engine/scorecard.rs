//! The Customer Scorecard (issue 15, `docs/scorecard.md`): per customer the target of the goal
//! period, the plan (planned contacts) and the realisation so far (revenue to date from the
//! ledger, contacts realised, satisfaction, customer share), a traffic-light status and a
//! forecast to the period's end; rolled up per sales rep, team, department and the company.
//!
//! What the other planning pages enter (targets, interviews, contacts) reaches the scorecard
//! and the KPI cascade through one function, `inputs`, as plain figures per customer (`Inputs`),
//! so both are computed and tested from constructed figures alone.

use super::contact_plan;
use super::date::Day;
use super::goals;
use super::interviews;
use super::ledger::{named, Attribute, CustomerId, Ledger};
use super::money::Money;
use super::period::{Period, YearStart};
use super::session::analysis::{Analysis, Context, CustomerList, CustomerRef, EmptyReason, Selection};
use super::session::tables::SideTables;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// What the planning pages entered for one customer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerInputs {
    /// The revenue target of the goal period.
    pub target: Option<Money>,
    /// Contacts planned from the goal period's start to the ledger's last day.
    pub planned_contacts: Option<u32>,
    /// Contacts realised in the same days.
    pub realised_contacts: Option<u32>,
    /// The latest interview's satisfaction (1-10) and likelihood to recommend (0-10).
    pub satisfaction: Option<u8>,
    pub recommend: Option<u8>,
    /// The customer's total spend in our categories over a year (the latest interview).
    pub wallet: Option<Money>,
}

/// The planning pages' figures: the goal period, if set, and per customer key (as the ledger has it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    /// First and last day of the goal period.
    pub goal_period: Option<(Day, Day)>,
    pub customers: BTreeMap<String, CustomerInputs>,
    /// Whether an activity file is loaded: then a customer without a realised contact has 0.
    pub contacts_loaded: bool,
}

impl Inputs {
    /// A customer's realised contacts: none without an activity file, else its count (0 when
    /// the file has none of it in the window).
    pub fn realised_of(&self, customer: &CustomerInputs) -> Option<u32> {
        self.contacts_loaded.then(|| customer.realised_contacts.unwrap_or(0))
    }
}

/// The planning pages' figures for the scorecard and the KPI cascade, read from the workspace's
/// side tables: the goal period and targets (Goals), the latest interview (Interviews) and the
/// contacts planned and realised (Contact Plan) from the window's first day to the ledger's last
/// day, the window being the goal period or, without one, the current period of `year_start`.
pub fn inputs(tables: &SideTables, ctx: &Context, year_start: YearStart) -> Inputs {
    let goal_period = goals::goal_period(&tables.goals);
    let mut customers: BTreeMap<String, CustomerInputs> = BTreeMap::new();
    for (key, target) in goals::customer_targets(&tables.goals, ctx) {
        customers.entry(key).or_default().target = Some(target);
    }
    for (key, interview) in interviews::latest_per_customer(&tables.interviews) {
        let customer = customers.entry(key).or_default();
        customer.satisfaction = interview.satisfaction;
        customer.recommend = interview.recommend;
        customer.wallet = interview.wallet;
    }
    if let Some((_, as_of)) = ctx.ledger.date_range() {
        let window = Window::of(goal_period, year_start, as_of);
        if window.from <= as_of.min(window.to) {
            let counted = contact_plan::contacts_per_customer(&tables.contacts, ctx, window.from, as_of.min(window.to));
            // The plan stands on the norms (the defaults until others are entered); what was
            // realised is known only once an activity file is loaded (`realised_of`).
            for (key, contacts) in counted {
                let customer = customers.entry(key).or_default();
                customer.planned_contacts = Some(contacts.planned);
                customer.realised_contacts = Some(contacts.realised);
            }
        }
    }
    Inputs { goal_period, customers, contacts_loaded: !tables.contacts.contacts.is_empty() }
}

/// The traffic light: the forecast against the target.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    /// Forecast at least 100 % of the target.
    Green,
    /// At least 90 %.
    Amber,
    /// Below 90 %.
    Red,
    /// No target above zero.
    NoTarget,
    /// The period has not started by the ledger's last day: nothing to forecast from.
    NotStarted,
}

/// Share of the target from which the light is amber (green from 100 %), in percent.
pub const AMBER_FROM_PERCENT: i128 = 90;

impl Status {
    /// The light of `forecast` against `target` (`None`: nothing to forecast yet).
    pub fn of(forecast: Option<Money>, target: Option<Money>) -> Status {
        let target = match target {
            Some(t) if t.is_positive() => i128::from(t.cents()),
            _ => return Status::NoTarget,
        };
        let Some(forecast) = forecast else { return Status::NotStarted };
        let forecast = i128::from(forecast.cents()) * 100;
        if forecast >= target * 100 {
            Status::Green
        } else if forecast >= target * AMBER_FROM_PERCENT {
            Status::Amber
        } else {
            Status::Red
        }
    }
}

/// The days the scorecard measures: the goal period, or the app's current period.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub from: Day,
    /// The last day (inclusive).
    pub to: Day,
    /// The period of the app's period rule holding the ledger's last day, when no goal period is set.
    pub current_period: Option<Period>,
    /// The day the realisation is counted to: the ledger's last day.
    pub as_of: Day,
}

impl Window {
    /// The goal period, else the period (of `year_start`) that holds `as_of`.
    pub fn of(goal_period: Option<(Day, Day)>, year_start: YearStart, as_of: Day) -> Window {
        match goal_period {
            Some((from, to)) => Window { from, to, current_period: None, as_of },
            None => {
                let period = year_start.period_of(as_of);
                let (from, to) = (year_start.first_day(period), year_start.end_day(period).add_days(-1));
                Window { from, to, current_period: Some(period), as_of }
            }
        }
    }

    /// Days of the window, and of it up to `as_of` (0 when not started, all when ended).
    pub fn days(&self) -> (i64, i64) {
        let total = i64::from(self.to.number() - self.from.number()) + 1;
        let elapsed = i64::from(self.as_of.number() - self.from.number()) + 1;
        (total.max(1), elapsed.clamp(0, total.max(1)))
    }

    /// The last day counted: `as_of`, or the window's end if it ended before.
    fn counted_to(&self) -> Day {
        self.as_of.min(self.to)
    }
}

/// The forecast to the window's end: revenue to date divided by the elapsed share of the
/// window's days (rounded half away from zero to the cent); the revenue itself once the window
/// has ended, `None` before it starts or beyond what money holds.
pub fn forecast(to_date: Money, window: &Window) -> Option<Money> {
    let (total, elapsed) = window.days();
    if elapsed == 0 {
        return None;
    }
    let numerator = i128::from(to_date.cents()) * i128::from(total);
    let elapsed = i128::from(elapsed);
    let rounded = (2 * numerator + numerator.signum() * elapsed) / (2 * elapsed);
    i64::try_from(rounded).ok().map(Money::from_cents)
}

/// The day one year before `day` (28 February for 29 February).
fn year_before(day: Day) -> Day {
    let (y, m, d) = day.ymd();
    Day::from_ymd(y - 1, m, d).or_else(|| Day::from_ymd(y - 1, m, d - 1)).unwrap_or(day)
}

/// The attributes a customer is rolled up by, in the order of the roll-ups.
pub const ROLLED_UP_BY: [Attribute; 3] = [Attribute::SalesRep, Attribute::Team, Attribute::Department];

/// One customer's line of the scorecard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreRow {
    pub customer: CustomerRef,
    /// The customer's sales rep, team and department (as `ROLLED_UP_BY`): those of its latest
    /// line in scope; `None` for a blank cell or a ledger without the column.
    pub owners: [Option<String>; 3],
    pub target: Option<Money>,
    pub planned_contacts: Option<u32>,
    pub realised_contacts: Option<u32>,
    pub revenue_to_date: Money,
    pub forecast: Option<Money>,
    /// Forecast over target.
    pub attainment: Option<f64>,
    pub status: Status,
    pub satisfaction: Option<u8>,
    /// Revenue of the 12 months up to the ledger's last day.
    pub revenue_12_months: Money,
    pub wallet: Option<Money>,
    /// Revenue of the 12 months over the wallet.
    pub customer_share: Option<f64>,
}

/// A share with a zero (or negative) whole is none, never NaN.
fn share(part: i128, whole: i128) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Sums money that users entered (targets) or that a forecast multiplied: `None` beyond what
/// `Money` holds, so a total is never wrapped.
fn total(values: impl Iterator<Item = Money>) -> Option<Money> {
    let sum: i128 = values.map(|m| i128::from(m.cents())).sum();
    i64::try_from(sum).ok().map(Money::from_cents)
}

/// The sum of the contacts entered, or `None` when there are none.
fn contacts(entered: impl Iterator<Item = u32>) -> Option<u64> {
    entered.fold(None, |sum, n| Some(sum.unwrap_or(0) + u64::from(n)))
}

/// One unit's roll-up (a rep, team, department or the company).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rollup {
    /// `None`: the customers without a value (or the company, in `ScorecardView::company`).
    pub unit: Option<String>,
    pub customers: usize,
    /// Customers with a target above zero.
    pub with_target: usize,
    pub target: Option<Money>,
    pub revenue_to_date: Money,
    /// The sum of the customers' forecasts.
    pub forecast: Option<Money>,
    /// The forecast of the customers with a target, against their target: the unit's light.
    pub forecast_of_targeted: Option<Money>,
    pub attainment: Option<f64>,
    pub status: Status,
    /// Summed over the customers with contacts entered; `None` when none has (no contact plan).
    pub planned_contacts: Option<u64>,
    pub realised_contacts: Option<u64>,
    /// Mean satisfaction of the interviewed customers.
    pub satisfaction: Option<f64>,
    /// Revenue of 12 months over the wallets, of the customers with a wallet.
    pub customer_share: Option<f64>,
}

impl Rollup {
    pub fn of<'a>(unit: Option<String>, rows: impl Iterator<Item = &'a ScoreRow> + Clone) -> Rollup {
        let targeted = rows.clone().filter(|r| r.target.is_some_and(Money::is_positive));
        let any_target = targeted.clone().next().is_some();
        let target = if any_target { total(targeted.clone().filter_map(|r| r.target)) } else { None };
        let not_started = targeted.clone().any(|r| r.forecast.is_none());
        let forecast_of_targeted = if not_started { None } else { total(targeted.clone().filter_map(|r| r.forecast)) };
        let status = match target {
            _ if !any_target => Status::NoTarget,
            Some(_) if not_started => Status::NotStarted,
            t => Status::of(forecast_of_targeted, t),
        };
        let forecasts: Vec<Money> = rows.clone().filter_map(|r| r.forecast).collect();
        let scores: Vec<u8> = rows.clone().filter_map(|r| r.satisfaction).collect();
        let with_wallet = rows.clone().filter_map(|r| r.wallet.map(|w| (r.revenue_12_months, w)));
        let (bought, wallets) = with_wallet
            .fold((0i128, 0i128), |(b, w), (r, wallet)| (b + i128::from(r.cents()), w + i128::from(wallet.cents())));
        Rollup {
            unit,
            customers: rows.clone().count(),
            with_target: targeted.clone().count(),
            target,
            revenue_to_date: rows.clone().map(|r| r.revenue_to_date).sum(),
            forecast: if forecasts.is_empty() { None } else { total(forecasts.into_iter()) },
            attainment: match (forecast_of_targeted, target) {
                (Some(f), Some(t)) => share(i128::from(f.cents()), i128::from(t.cents())),
                _ => None,
            },
            forecast_of_targeted,
            status,
            planned_contacts: contacts(rows.clone().filter_map(|r| r.planned_contacts)),
            realised_contacts: contacts(rows.clone().filter_map(|r| r.realised_contacts)),
            satisfaction: (!scores.is_empty())
                .then(|| scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len() as f64),
            customer_share: share(bought, wallets),
        }
    }
}

/// The roll-ups by one attribute: one per value, sorted by name, the customers without a value last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rollups {
    pub attribute: Attribute,
    pub units: Vec<Rollup>,
}

/// The roll-ups of `rows` by each attribute of `ROLLED_UP_BY` that `ledger` has.
pub fn rollups(rows: &[ScoreRow], ledger: &Ledger) -> Vec<Rollups> {
    ROLLED_UP_BY
        .iter()
        .enumerate()
        .filter(|(_, a)| ledger.attribute(**a).is_some())
        .map(|(i, &attribute)| {
            let mut units: Vec<Option<String>> = rows.iter().map(|r| r.owners[i].clone()).collect();
            units.sort_unstable_by(|a, b| match (a, b) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                (Some(a), Some(b)) => a.as_bytes().cmp(b.as_bytes()),
            });
            units.dedup();
            let units =
                units.into_iter().map(|u| Rollup::of(u.clone(), rows.iter().filter(|r| r.owners[i] == u))).collect();
            Rollups { attribute, units }
        })
        .collect()
}

/// What the ledger gives per customer in scope: revenue in the window to date and in the last 12
/// months, and the latest line (whose rep, team and department own the customer).
struct Realised {
    to_date: Vec<Money>,
    twelve_months: Vec<Money>,
    latest: Vec<Option<(Day, usize)>>,
}

fn realised(ledger: &Ledger, selection: &Selection, window: &Window) -> Realised {
    let n = ledger.customer_count();
    let mut r = Realised { to_date: vec![Money::ZERO; n], twelve_months: vec![Money::ZERO; n], latest: vec![None; n] };
    let (from, to) = (window.from, window.counted_to());
    let year_from = year_before(window.as_of);
    let filter = selection.scope.lines(ledger);
    let lines = ledger.customers().iter().zip(ledger.dates()).zip(ledger.amounts()).enumerate();
    for (line, ((&customer, &day), &amount)) in lines.filter(|(line, _)| filter.keeps(*line)) {
        let c = customer.index();
        if (from..=to).contains(&day) {
            r.to_date[c] += amount;
        }
        if day > year_from && day <= window.as_of {
            r.twelve_months[c] += amount;
        }
        if r.latest[c].is_none_or(|(d, _)| day >= d) {
            r.latest[c] = Some((day, line));
        }
    }
    r
}

/// The rows of every customer with a line in scope in the window or the last 12 months, or
/// with a target, in ledger order.
pub fn score_rows(ledger: &Ledger, selection: &Selection, inputs: &Inputs, window: &Window) -> Vec<ScoreRow> {
    let realised = realised(ledger, selection, window);
    let none = CustomerInputs::default();
    ledger
        .all_customers()
        .filter_map(|customer| {
            let c = customer.index();
            let entered = inputs.customers.get(ledger.customer_key(customer)).unwrap_or(&none);
            let entered = &CustomerInputs { realised_contacts: inputs.realised_of(entered), ..entered.clone() };
            let (to_date, twelve) = (realised.to_date[c], realised.twelve_months[c]);
            let line = realised.latest[c];
            let listed = entered.target.is_some() || to_date != Money::ZERO || twelve != Money::ZERO;
            (line.is_some() && listed).then(|| score_row(ledger, customer, entered, &realised, window))
        })
        .collect()
}

fn score_row(
    ledger: &Ledger,
    customer: CustomerId,
    entered: &CustomerInputs,
    realised: &Realised,
    window: &Window,
) -> ScoreRow {
    let c = customer.index();
    let owner = |a: Attribute| {
        let (_, line) = realised.latest[c]?;
        named(ledger.attribute(a)?.value_of_line(line)).map(String::from)
    };
    let forecast = forecast(realised.to_date[c], window);
    let target = entered.target;
    ScoreRow {
        customer: CustomerRef::of(ledger, customer),
        owners: ROLLED_UP_BY.map(owner),
        target,
        planned_contacts: entered.planned_contacts,
        realised_contacts: entered.realised_contacts,
        revenue_to_date: realised.to_date[c],
        forecast,
        attainment: forecast.zip(target).and_then(|(f, t)| share(i128::from(f.cents()), i128::from(t.cents()))),
        status: Status::of(forecast, target),
        satisfaction: entered.satisfaction,
        revenue_12_months: realised.twelve_months[c],
        wallet: entered.wallet,
        customer_share: entered
            .wallet
            .and_then(|w| share(i128::from(realised.twelve_months[c].cents()), i128::from(w.cents()))),
    }
}

/// A column the customers' table is sorted by.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScoreColumn {
    Customer,
    Target,
    #[default]
    RevenueToDate,
    Forecast,
    Attainment,
    Status,
    Contacts,
    Satisfaction,
    CustomerShare,
}

impl ScoreColumn {
    pub const ALL: [ScoreColumn; 9] = [
        ScoreColumn::Customer,
        ScoreColumn::Target,
        ScoreColumn::RevenueToDate,
        ScoreColumn::Forecast,
        ScoreColumn::Attainment,
        ScoreColumn::Status,
        ScoreColumn::Contacts,
        ScoreColumn::Satisfaction,
        ScoreColumn::CustomerShare,
    ];
}

/// A row's value in a column, for sorting (`None`: the row has none).
#[derive(PartialEq, PartialOrd)]
enum SortValue {
    Exact(i128),
    Ratio(f64),
}

fn sort_value(row: &ScoreRow, column: ScoreColumn) -> Option<SortValue> {
    let money = |m: Option<Money>| m.map(|m| SortValue::Exact(i128::from(m.cents())));
    let count = |n: Option<u32>| n.map(|n| SortValue::Exact(i128::from(n)));
    match column {
        ScoreColumn::Customer => Some(SortValue::Exact(0)),
        ScoreColumn::Target => money(row.target),
        ScoreColumn::RevenueToDate => money(Some(row.revenue_to_date)),
        ScoreColumn::Forecast => money(row.forecast),
        ScoreColumn::Attainment => row.attainment.map(SortValue::Ratio),
        ScoreColumn::Status => Some(SortValue::Exact(row.status as i128)),
        ScoreColumn::Contacts => count(row.realised_contacts),
        ScoreColumn::Satisfaction => count(row.satisfaction.map(u32::from)),
        ScoreColumn::CustomerShare => row.customer_share.map(SortValue::Ratio),
    }
}

/// Sorts by `column` (`descending` or not); a row without the value comes last either way, and
/// equal values by customer id in byte order (reversed too when sorting by customer, descending).
pub fn sort_rows(rows: &mut [ScoreRow], column: ScoreColumn, descending: bool) {
    let direction = |o: Ordering| if descending { o.reverse() } else { o };
    rows.sort_by(|a, b| {
        let by_value = match (sort_value(a, column), sort_value(b, column)) {
            (Some(x), Some(y)) => direction(x.partial_cmp(&y).unwrap_or(Ordering::Equal)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let by_key = a.customer.key.as_bytes().cmp(b.customer.key.as_bytes());
        by_value.then(if column == ScoreColumn::Customer { direction(by_key) } else { by_key })
    });
}

/// What the Scorecard page asks: the selection (its year start makes the current period when no
/// goal period is set; its scope keeps the lines counted) and the customers' order.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ScorecardRequest {
    pub selection: Selection,
    pub sort: ScoreColumn,
    pub descending: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScorecardView {
    pub window: Window,
    pub customers: CustomerList<ScoreRow>,
    pub company: Rollup,
    pub rollups: Vec<Rollups>,
}

impl Analysis for ScorecardRequest {
    type View = ScorecardView;

    fn answer(self, context: &mut Context) -> Result<ScorecardView, EmptyReason> {
        let inputs = inputs(context.tables, context, self.selection.year_start);
        let (_, as_of) = context.ledger.date_range().ok_or(EmptyReason::NoLinesInScope)?;
        let window = Window::of(inputs.goal_period, self.selection.year_start, as_of);
        let mut rows = score_rows(context.ledger, &self.selection, &inputs, &window);
        if rows.is_empty() {
            return Err(EmptyReason::NoLinesInScope);
        }
        let company = Rollup::of(None, rows.iter());
        let rollups = rollups(&rows, context.ledger);
        sort_rows(&mut rows, self.sort, self.descending);
        Ok(ScorecardView { window, customers: CustomerList::of(rows.into_iter()), company, rollups })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap_or(Day::from_number(0))
    }

    fn eur(cents: i64) -> Money {
        Money::from_cents(cents)
    }

    /// The calendar year 2025 seen on 31 March: 365 days, 31 + 28 + 31 = 90 of them elapsed.
    fn march_2025() -> Window {
        Window::of(Some((day(2025, 1, 1), day(2025, 12, 31))), YearStart::default(), day(2025, 3, 31))
    }

    #[test]
    fn the_forecast_scales_revenue_to_date_by_the_elapsed_days_and_the_light_follows_it() {
        let window = march_2025();
        assert_eq!(window.days(), (365, 90));
        // 900.00 in 90 of 365 days: 900 x 365 / 90 = 3,650.00.
        let three_months = forecast(eur(90_000), &window);
        assert_eq!(three_months, Some(eur(365_000)));
        // 3,650 of 3,650 is 100 %: green; of 4,000 is 91.25 %: amber; of 4,100 is 89.02 %: red.
        assert_eq!(Status::of(three_months, Some(eur(365_000))), Status::Green);
        assert_eq!(Status::of(three_months, Some(eur(400_000))), Status::Amber);
        assert_eq!(Status::of(three_months, Some(eur(410_000))), Status::Red);
        // Exactly 90 %: 3,650 / 0.9 = 4,055.555...: a target of 4,055.55 is amber, 4,055.56 red.
        assert_eq!(Status::of(three_months, Some(eur(405_555))), Status::Amber);
        assert_eq!(Status::of(three_months, Some(eur(405_556))), Status::Red);
        assert_eq!(Status::of(three_months, None), Status::NoTarget);
        assert_eq!(Status::of(three_months, Some(Money::ZERO)), Status::NoTarget);
        // 1.00 x 365 / 90 = 4.0555...: 4.06, and -4.06 for a credit, rounded half away from zero.
        assert_eq!(forecast_of(100, &window), Some(eur(406)));
        assert_eq!(forecast_of(-100, &window), Some(eur(-406)));
        // Before the period starts there is nothing to forecast from; after it ends the forecast
        // is the revenue.
        let before = Window { as_of: day(2024, 12, 31), ..window };
        assert_eq!((before.days(), forecast(eur(0), &before)), ((365, 0), None));
        assert_eq!(Status::of(None, Some(eur(100))), Status::NotStarted);
        let after = Window { as_of: day(2026, 2, 1), ..window };
        assert_eq!(forecast(eur(12_345), &after), Some(eur(12_345)));
    }

    fn forecast_of(cents: i64, window: &Window) -> Option<Money> {
        forecast(eur(cents), window)
    }

    #[test]
    fn without_a_goal_period_the_window_is_the_current_period_of_the_year_start() {
        // Fiscal years from 1 July: 31 March 2025 is in 2024-07-01 .. 2025-06-30 (365 days), of
        // which July to March are 31+31+30+31+30+31+31+28+31 = 274 days.
        let fiscal = YearStart::parse("07-01").unwrap_or_default();
        let window = Window::of(None, fiscal, day(2025, 3, 31));
        assert_eq!((window.from, window.to), (day(2024, 7, 1), day(2025, 6, 30)));
        assert_eq!((window.current_period, window.days()), (Some(Period::starting_in(2024)), (365, 274)));
    }

    /// Five customers of two reps and departments, to 31 March 2025 (the last line):
    ///
    /// | customer | lines (rep, department) | to date 2025 | 12 months |
    /// | A | 10 Jan 100.10, 31 Mar 200.25 (Ann, North) | 300.35 | 300.35 |
    /// | B | 1 Jun 2024 50.00, 1 Feb 0.33 (Ann, North) | 0.33 | 50.33 |
    /// | C | 5 Jan 70.00 (Bob, South), 1 Mar 30.00 (Ann, North) | 100.00 | 100.00 |
    /// | D | 15 Feb 999.99 (Bob, South) | 999.99 | 999.99 |
    /// | E | 1 May 2023 10.00 (Bob, South) | 0 | 0 |
    ///
    /// C's latest line is Ann's in North, so C is Ann's and North's.
    pub(crate) fn two_reps() -> Ledger {
        let lines = [
            ("A", day(2025, 1, 10), 10_010, "Ann", "North"),
            ("A", day(2025, 3, 31), 20_025, "Ann", "North"),
            ("B", day(2024, 6, 1), 5_000, "Ann", "North"),
            ("B", day(2025, 2, 1), 33, "Ann", "North"),
            ("C", day(2025, 1, 5), 7_000, "Bob", "South"),
            ("C", day(2025, 3, 1), 3_000, "Ann", "North"),
            ("D", day(2025, 2, 15), 99_999, "Bob", "South"),
            ("E", day(2023, 5, 1), 1_000, "Bob", "South"),
        ];
        let attributes = vec![Attribute::SalesRep, Attribute::Department];
        let mut b = LedgerBuilder::new(Columns { attributes, ..Columns::default() });
        for (customer, date, cents, rep, department) in lines {
            b.push(customer, date, eur(cents), &LineExtras { attributes: &[rep, department], ..LineExtras::default() });
        }
        b.finish()
    }

    fn entered(target: Option<i64>, satisfaction: Option<u8>, wallet: Option<i64>) -> CustomerInputs {
        CustomerInputs { target: target.map(eur), satisfaction, wallet: wallet.map(eur), ..CustomerInputs::default() }
    }

    /// Targets A 1,200, C 400, D 5,000, E 500 (B none); A 8 and C 6 satisfied, A's wallet 3,000.
    fn two_reps_inputs() -> Inputs {
        let customers = [
            ("A", entered(Some(120_000), Some(8), Some(300_000))),
            ("B", entered(None, None, None)),
            ("C", entered(Some(40_000), Some(6), None)),
            ("D", entered(Some(500_000), None, None)),
            ("E", entered(Some(50_000), None, None)),
        ];
        Inputs {
            goal_period: None,
            customers: customers.into_iter().map(|(k, c)| (k.to_string(), c)).collect(),
            contacts_loaded: false,
        }
    }

    fn two_reps_rows() -> (Ledger, Vec<ScoreRow>) {
        let ledger = two_reps();
        let window = Window::of(None, YearStart::default(), day(2025, 3, 31));
        let rows = score_rows(&ledger, &Selection::default(), &two_reps_inputs(), &window);
        (ledger, rows)
    }

    #[test]
    fn each_customer_has_its_realisation_forecast_light_and_share() {
        let (_, rows) = two_reps_rows();
        let row = |key: &str| rows.iter().find(|r| r.customer.key == key).cloned();
        // Forecasts: x 365 / 90, rounded: A 30,035 -> 121,808.6 -> 121,809; B 33 -> 133.8 -> 134;
        // C 10,000 -> 40,555.6 -> 40,556; D 99,999 -> 405,551.5 -> 405,552; E 0.
        let figures: Vec<(&str, i64, Option<i64>, Status)> = rows
            .iter()
            .map(|r| (r.customer.key.as_str(), r.revenue_to_date.cents(), r.forecast.map(Money::cents), r.status))
            .collect();
        assert_eq!(
            figures,
            [
                ("A", 30_035, Some(121_809), Status::Green), // 1,218.09 of 1,200
                ("B", 33, Some(134), Status::NoTarget),
                ("C", 10_000, Some(40_556), Status::Green), // 405.56 of 400
                ("D", 99_999, Some(405_552), Status::Red),  // 81.1 % of 5,000
                ("E", 0, Some(0), Status::Red),             // listed for its target
            ]
        );
        let a = row("A").unwrap_or_else(|| panic!("A"));
        assert_eq!(a.owners, [Some("Ann".to_string()), None, Some("North".to_string())], "no team column");
        // 300.35 of a 3,000 wallet.
        assert_eq!(a.customer_share, Some(30_035.0 / 300_000.0));
        assert_eq!(row("B").map(|b| (b.revenue_12_months.cents(), b.customer_share)), Some((5_033, None)));
        assert_eq!(row("C").map(|c| c.owners[0].clone()), Some(Some("Ann".into())), "the latest line's rep");
    }

    #[test]
    fn the_rollups_add_up_to_the_cent_per_rep_department_and_company() {
        let (ledger, rows) = two_reps_rows();
        let rollups = rollups(&rows, &ledger);
        assert_eq!(
            rollups.iter().map(|r| r.attribute).collect::<Vec<_>>(),
            [Attribute::SalesRep, Attribute::Department]
        );
        let figures = |r: &Rollup| {
            (
                r.customers,
                r.with_target,
                r.target.map(Money::cents),
                r.revenue_to_date.cents(),
                r.forecast.map(Money::cents),
                r.forecast_of_targeted.map(Money::cents),
                r.status,
            )
        };
        // Ann (A, B, C): targets 1,200 + 400 = 1,600; to date 300.35 + 0.33 + 100 = 400.68;
        // forecasts 1,218.09 + 1.34 + 405.56 = 1,624.99, of the targeted 1,623.65 (101.5 %): green.
        let ann = (3, 2, Some(160_000), 40_068, Some(162_499), Some(162_365), Status::Green);
        // Bob (D, E): 5,500; 999.99; 4,055.52 of 5,500 is 73.7 %: red.
        let bob = (2, 2, Some(550_000), 99_999, Some(405_552), Some(405_552), Status::Red);
        assert_eq!(rollups[0].units.iter().map(figures).collect::<Vec<_>>(), [ann, bob]);
        assert_eq!(
            rollups[0].units.iter().map(|u| u.unit.clone()).collect::<Vec<_>>(),
            [Some("Ann".into()), Some("Bob".into())]
        );
        // The departments hold the same customers as the reps.
        assert_eq!(rollups[1].units.iter().map(figures).collect::<Vec<_>>(), [ann, bob]);
        // The company: 7,100 of targets; 1,400.67 to date; 5,680.51 forecast; 5,679.17 of the
        // targeted against 7,100 is 79.99 %: red.
        let company = Rollup::of(None, rows.iter());
        assert_eq!(figures(&company), (5, 4, Some(710_000), 140_067, Some(568_051), Some(567_917), Status::Red));
        // Ann's satisfaction: (8 + 6) / 2; her share: only A has a wallet.
        assert_eq!(
            (rollups[0].units[0].satisfaction, rollups[0].units[0].customer_share),
            (Some(7.0), Some(30_035.0 / 300_000.0))
        );
        assert_eq!(rollups[0].units[1].satisfaction, None, "Bob's customers were not interviewed");
        assert_eq!((company.planned_contacts, company.realised_contacts), (None, None), "no contact plan: none, not 0");
        // With contacts for A (3 of 5 planned) and D (0 of 2): the company 3 of 7.
        let mut with_contacts = rows.clone();
        for (row, (planned, realised)) in
            with_contacts.iter_mut().filter(|r| ["A", "D"].contains(&r.customer.key.as_str())).zip([(5, 3), (2, 0)])
        {
            (row.planned_contacts, row.realised_contacts) = (Some(planned), Some(realised));
        }
        let company = Rollup::of(None, with_contacts.iter());
        assert_eq!((company.planned_contacts, company.realised_contacts), (Some(7), Some(3)));
    }

    #[test]
    fn rows_sort_by_any_column_with_missing_values_last() {
        let (_, mut rows) = two_reps_rows();
        let keys = |rows: &[ScoreRow]| rows.iter().map(|r| r.customer.key.clone()).collect::<Vec<_>>();
        sort_rows(&mut rows, ScoreColumn::Target, true);
        assert_eq!(keys(&rows), ["D", "A", "E", "C", "B"], "B has no target");
        sort_rows(&mut rows, ScoreColumn::Target, false);
        assert_eq!(keys(&rows), ["C", "E", "A", "D", "B"]);
        sort_rows(&mut rows, ScoreColumn::Status, false);
        assert_eq!(keys(&rows), ["A", "C", "D", "E", "B"], "green, red, then no target; ties by id");
        sort_rows(&mut rows, ScoreColumn::Customer, true);
        assert_eq!(keys(&rows), ["E", "D", "C", "B", "A"]);
    }

    #[test]
    fn the_page_gets_the_ledger_figures_without_planning_tables() {
        // No goal period, no targets yet: the current calendar year to the last line, every
        // light grey, and the revenue to date still the ledger's.
        let ledger = two_reps();
        let request =
            ScorecardRequest { selection: Selection::default(), sort: ScoreColumn::Customer, descending: false };
        let response = crate::engine::session::analysis::AnalysisCache::default().answer(&ledger, request.into());
        let crate::engine::session::analysis::AnalysisResponse::Scorecard(view) = response else {
            panic!("{response:?}")
        };
        assert_eq!(view.window.current_period, Some(Period::starting_in(2025)));
        assert_eq!(view.customers.total, 4, "E has neither revenue in the year or 12 months nor a target");
        assert!(view.customers.items.iter().all(|r| r.status == Status::NoTarget));
        let company = &view.company;
        assert_eq!(
            (company.revenue_to_date.cents(), company.target, company.status),
            (140_067, None, Status::NoTarget)
        );
    }
    #[test]
    fn the_planning_pages_tables_reach_the_scorecard() {
        // On `two_reps` (last line 2025-03-31): a goal for 2025 of 10,000.00 spread by share,
        // A's own bottom-up target of 1,500.00, an interview of A, and three contacts.
        // - Targets: A has the rep's 1,500.00. The top-down spread goes by 2024's revenue, and
        //   only B bought in 2024 (50.00), so B's part is the whole 10,000.00.
        // - The window is the goal period, counted to 2025-03-31: A's visit of 10 February and
        //   call of 15 March are realised (2); C's visit of 31 December 2024 is before it, and with
        //   an activity file loaded a customer without a contact in the window has 0.
        // - A's latest interview: satisfaction 9, recommends 10, wallet 4,000.00.
        use crate::engine::session::analysis::{AnalysisCache, AnalysisResponse};
        use crate::engine::session::tables::Drafts;
        let grid = |rows: &[&[&str]]| rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
        let drafts = Drafts {
            goal: grid(&[&["2025-01-01", "2025-12-31", "10000", "share", "1"]]),
            targets: grid(&[&["A", "", "", "", "1500"]]),
            interviews: grid(&[&["A", "2025-02-01", "9", "10", "4000", "", ""]]),
            contacts: grid(&[
                &["A", "2025-02-10", "visit", "60"],
                &["A", "2025-03-15", "call", ""],
                &["C", "2024-12-31", "visit", ""],
            ]),
            ..Drafts::default()
        };
        let tables = SideTables::of_drafts(&drafts).unwrap();
        let request =
            ScorecardRequest { selection: Selection::default(), sort: ScoreColumn::Customer, descending: false };
        let response = AnalysisCache::default().answer_with(&two_reps(), &tables, request.into());
        let AnalysisResponse::Scorecard(view) = response else { panic!("{response:?}") };
        assert_eq!(
            (view.window.from, view.window.to, view.window.current_period),
            (day(2025, 1, 1), day(2025, 12, 31), None)
        );
        let row = |key: &str| view.customers.items.iter().find(|r| r.customer.key == key).unwrap();
        let a = row("A");
        assert_eq!(
            (a.target, a.satisfaction, a.wallet, a.realised_contacts),
            (Some(eur(150_000)), Some(9), Some(eur(400_000)), Some(2))
        );
        assert_eq!(row("B").target, Some(eur(1_000_000)));
        assert_eq!(row("C").realised_contacts, Some(0));
    }
}
