//! What the lifetime-value models read of each customer: the repeat purchases up to the end of the
//! calibration period, counted per distinct purchase day (as the BG/NBD and Pareto/NBD papers count
//! CDNOW's transactions), and the average spend of those repeat purchases (as Gamma-Gamma uses it).

use crate::engine::date::Day;
use crate::engine::ledger::{CustomerId, Ledger};
use crate::engine::money::Money;
use crate::engine::scope::LineFilter;
use serde::{Deserialize, Serialize};

/// The unit in which t_x, T and the horizon are measured.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeUnit {
    Day,
    #[default]
    Week,
    /// A twelfth of the mean Gregorian year: 365.25 / 12 = 30.4375 days.
    Month,
}

impl TimeUnit {
    pub const ALL: [TimeUnit; 3] = [TimeUnit::Day, TimeUnit::Week, TimeUnit::Month];

    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
            TimeUnit::Month => DAYS_PER_YEAR / 12.0,
        }
    }

    /// How many of this unit make a year (365.25 days): for the discount rate, which is annual.
    pub fn per_year(self) -> f64 {
        DAYS_PER_YEAR / self.days()
    }

    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
        }
    }

    pub fn from_name(name: &str) -> Option<TimeUnit> {
        TimeUnit::ALL.into_iter().find(|u| u.name() == name)
    }
}

/// The mean Gregorian year, so a month and a year have the same length every time.
pub const DAYS_PER_YEAR: f64 = 365.25;

/// One customer's calibration-period summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerHistory {
    pub customer: CustomerId,
    /// Repeat purchases: distinct purchase days after the first.
    pub x: u32,
    /// Time from the first purchase day to the last, in time units.
    pub t_x: f64,
    /// Time from the first purchase day to the calibration end, in time units.
    pub t: f64,
    /// What the repeat purchase days add up to (the first day left out, as in Gamma-Gamma).
    pub repeat_spend: Money,
}

impl CustomerHistory {
    /// The average spend of a repeat purchase day; `None` without repeat purchases.
    pub fn average_repeat_spend(&self) -> Option<f64> {
        (self.x > 0).then(|| self.repeat_spend.units_f64() / f64::from(self.x))
    }
}

/// Every customer who made a first purchase on or before the calibration end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PurchaseHistory {
    pub calibration_end: Day,
    pub unit: TimeUnit,
    pub customers: Vec<CustomerHistory>,
}

impl PurchaseHistory {
    /// A purchase day of a customer is a day on or before `calibration_end` with lines of that
    /// customer that do not add up to less than zero: a day of credit notes only is a return, not a
    /// purchase, but a zero-value purchase counts (CDNOW has eight customers whose first purchase
    /// was $0.00, and the published fits count them). Customers are in ledger order.
    pub fn of(ledger: &Ledger, calibration_end: Day, unit: TimeUnit) -> PurchaseHistory {
        PurchaseHistory::of_lines(ledger, &LineFilter::All, calibration_end, unit)
    }

    /// Like `of`, over the lines a scope keeps (the Lifetime Value page's filter bar).
    pub fn of_lines(ledger: &Ledger, lines: &LineFilter, calibration_end: Day, unit: TimeUnit) -> PurchaseHistory {
        let days = purchase_days_until(ledger, lines, calibration_end);
        let mut customers = Vec::new();
        for group in days.chunk_by(|a, b| a.0 == b.0) {
            customers.push(summarise(group, calibration_end, unit));
        }
        PurchaseHistory { calibration_end, unit, customers }
    }

    /// The customers grouped by (x, t_x, T), in order of x, with each group's size (`alike`).
    pub fn alike(&self) -> Vec<(CustomerHistory, f64)> {
        alike(&self.customers)
    }

    /// Whether any customer has a repeat purchase: without one no model can be fitted.
    pub fn has_repeat_purchases(&self) -> bool {
        self.customers.iter().any(|c| c.x > 0)
    }
}

/// `customers` grouped by (x, t_x, T), in order of x, with each group's size: customers alike in
/// these have the same likelihood under both purchase models, so a fit evaluates it once a group.
pub fn alike(customers: &[CustomerHistory]) -> Vec<(CustomerHistory, f64)> {
    let mut sorted: Vec<&CustomerHistory> = customers.iter().collect();
    sorted.sort_unstable_by(|a, b| a.x.cmp(&b.x).then(a.t_x.total_cmp(&b.t_x)).then(a.t.total_cmp(&b.t)));
    let groups = sorted.chunk_by(|a, b| (a.x, a.t_x, a.t) == (b.x, b.t_x, b.t));
    groups.map(|group| (group[0].clone(), group.len() as f64)).collect()
}

/// Every purchase day (customer, day, net amount) of the kept lines up to `until`, sorted.
pub(super) fn purchase_days_until(ledger: &Ledger, kept: &LineFilter, until: Day) -> Vec<(CustomerId, Day, Money)> {
    let mut lines: Vec<(CustomerId, Day, Money)> = (0..ledger.len())
        .filter(|&i| ledger.dates()[i] <= until && kept.keeps(i))
        .map(|i| (ledger.customers()[i], ledger.dates()[i], ledger.amounts()[i]))
        .collect();
    lines.sort_unstable_by_key(|&(customer, day, _)| (customer, day));
    purchase_days(&lines)
}

/// Each (customer, day) with its net amount, kept when that is not below zero; `lines` sorted.
fn purchase_days(lines: &[(CustomerId, Day, Money)]) -> Vec<(CustomerId, Day, Money)> {
    lines
        .chunk_by(|a, b| (a.0, a.1) == (b.0, b.1))
        .map(|day| (day[0].0, day[0].1, day.iter().map(|l| l.2).sum::<Money>()))
        .filter(|day| day.2 >= Money::ZERO)
        .collect()
}

/// One customer's purchase days (sorted, at least one) summarised.
fn summarise(days: &[(CustomerId, Day, Money)], calibration_end: Day, unit: TimeUnit) -> CustomerHistory {
    let (customer, first, _) = days[0];
    let last = days[days.len() - 1].1;
    let elapsed = |to: Day| f64::from(to.number() - first.number()) / unit.days();
    CustomerHistory {
        customer,
        x: (days.len() - 1) as u32,
        t_x: elapsed(last),
        t: elapsed(calibration_end),
        repeat_spend: days[1..].iter().map(|d| d.2).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap_or(Day::from_number(0))
    }

    fn ledger(lines: &[(&str, Day, i64)]) -> Ledger {
        let mut b = LedgerBuilder::new(Columns::default());
        for &(customer, date, cents) in lines {
            b.push(customer, date, Money::from_cents(cents), &LineExtras::default());
        }
        b.finish()
    }

    /// CDNOW sample customer 0001 (ids 00004 0001): 1997-01-01 $29.33, 1997-01-18 $29.73,
    /// 1997-08-02 $14.96, calibration end 1997-09-30 in weeks. x = 2 (two days after the first);
    /// t_x = 213 days / 7 = 30.43 weeks; T = 272 days / 7 = 38.86 weeks (the figures of
    /// lifetimes' `cdnow_customers_summary.csv`, from Hardie's spreadsheet); repeat spend
    /// 29.73 + 14.96 = 44.69, average 22.345. Two lines on one day make one purchase; a line after
    /// the calibration end is left out.
    #[test]
    fn a_cdnow_customer() {
        let history = PurchaseHistory::of(
            &ledger(&[
                ("0001", day(1997, 1, 1), 2_933),
                ("0001", day(1997, 1, 18), 1_000),
                ("0001", day(1997, 1, 18), 1_973),
                ("0001", day(1997, 8, 2), 1_496),
                ("0001", day(1997, 12, 1), 5_000),
            ]),
            day(1997, 9, 30),
            TimeUnit::Week,
        );
        let c = &history.customers[0];
        assert_eq!((history.customers.len(), c.x, c.repeat_spend), (1, 2, Money::from_cents(4_469)));
        assert!((c.t_x - 213.0 / 7.0).abs() < 1e-12 && (c.t - 272.0 / 7.0).abs() < 1e-12);
        assert!((c.average_repeat_spend().unwrap_or(0.0) - 22.345).abs() < 1e-12);
    }

    /// A customer who bought on one day only: x = 0, t_x = 0, T = 30 days. No average repeat spend.
    /// A day of credit notes only is no purchase (a day whose sale a credit note cancels exactly is
    /// one, worth zero); a customer whose first purchase is after the calibration end is not in it.
    #[test]
    fn one_purchase_only_and_cancelled_days() {
        let history = PurchaseHistory::of(
            &ledger(&[
                ("A", day(2024, 1, 1), 10_000),
                ("A", day(2024, 1, 5), -2_000),
                ("A", day(2024, 1, 5), -500),
                ("B", day(2024, 3, 1), 500),
            ]),
            day(2024, 1, 31),
            TimeUnit::Day,
        );
        assert_eq!(history.customers.len(), 1);
        let a = &history.customers[0];
        assert_eq!((a.x, a.t_x, a.t, a.average_repeat_spend()), (0, 0.0, 30.0, None));
        assert!(!history.has_repeat_purchases());
        let cancelled = PurchaseHistory::of(
            &ledger(&[("C", day(2024, 1, 1), 10_000), ("C", day(2024, 1, 8), 700), ("C", day(2024, 1, 8), -700)]),
            day(2024, 1, 31),
            TimeUnit::Week,
        );
        let c = &cancelled.customers[0];
        assert_eq!((c.x, c.t_x, c.repeat_spend, c.average_repeat_spend()), (1, 1.0, Money::ZERO, Some(0.0)));
    }

    /// Three customers, two alike in (x, t_x, T) though not in spend: two groups, in order of x.
    #[test]
    fn alike_customers_are_grouped() {
        let history = PurchaseHistory::of(
            &ledger(&[
                ("A", day(2024, 1, 1), 100),
                ("A", day(2024, 1, 8), 100),
                ("B", day(2024, 1, 1), 900),
                ("B", day(2024, 1, 8), 500),
                ("C", day(2024, 1, 8), 100),
            ]),
            day(2024, 1, 29),
            TimeUnit::Week,
        );
        let groups: Vec<(u32, f64, f64, f64)> = history.alike().iter().map(|(c, n)| (c.x, c.t_x, c.t, *n)).collect();
        assert_eq!(groups, vec![(0, 0.0, 3.0, 1.0), (1, 1.0, 4.0, 2.0)]);
    }

    /// A month is 365.25 / 12 = 30.4375 days: 60.875 days is 2 months.
    #[test]
    fn months_are_twelfths_of_a_year() {
        assert_eq!(TimeUnit::Month.days(), 30.4375);
        assert_eq!(TimeUnit::Week.per_year(), 365.25 / 7.0);
        assert_eq!(TimeUnit::from_name("month"), Some(TimeUnit::Month));
    }
}
