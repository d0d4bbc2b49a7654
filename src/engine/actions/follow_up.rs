//! The follow-up of an action against revenue (docs/actions.md): the revenue of its customers
//! from the day it started up to the ledger's last day (realised), against the same customers'
//! revenue in the equally long window just before the start (the baseline), and the difference
//! (the uplift) against the revenue the action was expected to bring (progress).

use super::{Action, Target};
use crate::engine::date::Day;
use crate::engine::ledger::{CustomerId, Ledger};
use crate::engine::money::Money;
use crate::engine::period::{Period, YearStart};
use crate::engine::pyramid::Levels;
use serde::{Deserialize, Serialize};

/// One action's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The first day counted: the action's start, or the day it was created.
    pub start: Day,
    /// The ledger's last day (the last day counted).
    pub end: Day,
    /// The baseline's first day: as many days before `start` as `start..=end` holds.
    pub baseline_start: Day,
    /// The baseline window begins before the ledger's first day (it holds fewer days of data).
    pub baseline_partial: bool,
    /// Target customers the ledger knows, and those it does not (counted, not guessed).
    pub customers: usize,
    pub unknown: usize,
    /// For a level target: the period whose pyramid named its customers (the last whole period
    /// before the start).
    pub level_period: Option<Period>,
    pub realised: Money,
    pub baseline: Money,
    /// `realised - baseline`.
    pub uplift: Money,
    /// `uplift / expected revenue`, when an expected revenue above zero was entered.
    pub progress: Option<f64>,
}

/// Why an action has no follow-up.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotFollowed {
    /// No ledger is loaded.
    NoLedger,
    /// Neither a start date nor a creation day (an action planned before creation days were kept).
    NoStart,
    /// The action starts after the ledger's last day: no revenue since it started yet.
    StartsAfterLedger,
    /// The action is for a Customer Focus aspect, not for customers.
    NotForCustomers,
    /// A level target whose start has no whole period before it in the ledger.
    NoLevelAtStart,
}

/// Follows `action` up against `ledger`; `levels` are the pyramid of every period (calendar
/// years, every line, the default cut-offs), asked only for a level target.
pub fn follow_up<'a>(
    action: &Action,
    ledger: &Ledger,
    levels: impl FnOnce() -> &'a [Levels],
) -> Result<FollowUp, NotFollowed> {
    let (first, end) = ledger.date_range().ok_or(NotFollowed::NoLedger)?;
    let (start, customers, unknown, level_period) = match (&action.target, action.start.or(action.created)) {
        (Target::FocusAspect { .. }, _) => return Err(NotFollowed::NotForCustomers),
        (_, None) => return Err(NotFollowed::NoStart),
        (_, Some(start)) if start > end => return Err(NotFollowed::StartsAfterLedger),
        (Target::Customers(keys), Some(start)) => {
            let (known, unknown) = known_customers(ledger, keys);
            (start, known, unknown, None)
        }
        (Target::Level(level), Some(start)) => {
            let before = YearStart::default().period_of(start).previous();
            let at_start = levels().iter().find(|l| l.period() == before).ok_or(NotFollowed::NoLevelAtStart)?;
            (start, at_start.customers_at(*level), 0, Some(before))
        }
    };
    let days = end.number() - start.number() + 1;
    let baseline_start = start.add_days(-days);
    let (realised, baseline) = windows(ledger, &customers, baseline_start, start);
    let uplift = realised - baseline;
    let progress =
        action.expected_revenue.filter(|e| e.is_positive()).map(|e| uplift.cents() as f64 / e.cents() as f64);
    Ok(FollowUp {
        start,
        end,
        baseline_start,
        baseline_partial: baseline_start < first,
        customers: customers.len(),
        unknown,
        level_period,
        realised,
        baseline,
        uplift,
        progress,
    })
}

/// The ledger's customers among `keys` (each once), and how many distinct keys it does not know.
fn known_customers(ledger: &Ledger, keys: &[String]) -> (Vec<CustomerId>, usize) {
    let distinct: std::collections::BTreeSet<&str> = keys.iter().map(|k| k.trim()).filter(|k| !k.is_empty()).collect();
    let known: Vec<CustomerId> = distinct.iter().filter_map(|k| ledger.customer_by_key(k)).collect();
    let unknown = distinct.len() - known.len();
    (known, unknown)
}

/// The revenue of `customers` on and after `start` (realised) and in `baseline_start..start`
/// (the baseline), in one pass over the lines. Both are sums of a ledger's amounts, which fit
/// (money.rs: a ledger's absolute amounts add up to at most 2^61 cents).
fn windows(ledger: &Ledger, customers: &[CustomerId], baseline_start: Day, start: Day) -> (Money, Money) {
    let mut member = vec![false; ledger.customer_count()];
    for c in customers {
        member[c.index()] = true;
    }
    let (mut realised, mut baseline) = (Money::ZERO, Money::ZERO);
    let lines = ledger.customers().iter().zip(ledger.dates()).zip(ledger.amounts());
    for ((customer, &day), &amount) in lines {
        if !member[customer.index()] || day < baseline_start {
            continue;
        }
        if day >= start {
            realised += amount;
        } else {
            baseline += amount;
        }
    }
    (realised, baseline)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::actions::{Origin, Status};
    use crate::engine::pyramid::{CutOffs, Level};
    use crate::engine::revenue::tests::{ledger_of, table_of};

    fn day(y: i32, m: u32, d: u32) -> Option<Day> {
        Day::from_ymd(y, m, d)
    }

    fn action(target: Target, start: Option<Day>, expected: Option<i64>) -> Action {
        Action {
            what: "Reactivate".into(),
            target,
            owner: "Iris".into(),
            start,
            due: None,
            status: Status::Open,
            expected_revenue: expected.map(Money::from_cents),
            origin: Origin::Flows,
            created: None,
        }
    }

    fn keys(keys: &[&str]) -> Target {
        Target::Customers(keys.iter().map(|k| k.to_string()).collect())
    }

    #[test]
    fn an_action_started_mid_ledger_is_followed_up_against_its_baseline_and_expected_revenue() {
        // The ledger runs 2024-01-01 to 2024-12-31; the action starts 2024-11-01, so it counts
        // November (30 days) and December (31): 61 days. The baseline is the 61 days before:
        // 2024-11-01 - 61 days = 2024-09-01 (October 31 days, September 30), up to 2024-10-31.
        // A: 31 Aug 50.00 (before the baseline), 1 Sep 20.00 (baseline), 1 Nov 30.00 and 31 Dec
        // 15.00 (realised); B: 31 Oct 10.00 (baseline), 15 Nov -5.00 credit (realised); C is not
        // in the action; X is a key the ledger does not know; A is named twice.
        // realised = 30 + 15 - 5 = 40.00; baseline = 20 + 10 = 30.00; uplift = 10.00;
        // expected 100.00, so progress = 10 / 100 = 0.1.
        let ledger = ledger_of(&[
            ("C", (2024, 1, 1), 100),
            ("A", (2024, 8, 31), 5_000),
            ("A", (2024, 9, 1), 2_000),
            ("B", (2024, 10, 31), 1_000),
            ("A", (2024, 11, 1), 3_000),
            ("B", (2024, 11, 15), -500),
            ("C", (2024, 11, 20), 99_999),
            ("A", (2024, 12, 31), 1_500),
        ]);
        let action = action(keys(&["A", "B", "X", "A"]), day(2024, 11, 1), Some(10_000));
        let follow = follow_up(&action, &ledger, || &[]).unwrap();
        assert_eq!((follow.start, follow.end), (day(2024, 11, 1).unwrap(), day(2024, 12, 31).unwrap()));
        assert_eq!(follow.baseline_start, day(2024, 9, 1).unwrap());
        assert!(!follow.baseline_partial);
        assert_eq!((follow.customers, follow.unknown), (2, 1));
        assert_eq!(follow.realised, Money::from_cents(4_000));
        assert_eq!(follow.baseline, Money::from_cents(3_000));
        assert_eq!(follow.uplift, Money::from_cents(1_000));
        assert_eq!(follow.progress, Some(0.1));
        assert_eq!(follow.level_period, None);
    }

    #[test]
    fn the_creation_day_stands_in_for_a_missing_start_and_what_cannot_be_followed_says_why() {
        // Started 2024-12-01 (created then, no start typed): 31 days counted, the baseline from
        // 2024-10-31 (December 1 - 31 days) to 2024-11-30, which starts before the ledger's first
        // line of 2024-11-15: partial. A: 15 Nov 7.00 baseline, 2 Dec 9.00 realised; no expected
        // revenue, so no progress.
        let ledger = ledger_of(&[("A", (2024, 11, 15), 700), ("A", (2024, 12, 2), 900), ("B", (2024, 12, 31), 1)]);
        let created = Action { created: day(2024, 12, 1), ..action(keys(&["A"]), None, None) };
        let follow = follow_up(&created, &ledger, || &[]).unwrap();
        assert_eq!((follow.baseline_start, follow.baseline_partial), (day(2024, 10, 31).unwrap(), true));
        assert_eq!(
            (follow.realised, follow.baseline, follow.uplift),
            (Money::from_cents(900), Money::from_cents(700), Money::from_cents(200))
        );
        assert_eq!(follow.progress, None);
        let none = |a: &Action, l: &Ledger| follow_up(a, l, || &[]).unwrap_err();
        assert_eq!(none(&action(keys(&["A"]), None, None), &ledger), NotFollowed::NoStart);
        assert_eq!(none(&action(keys(&["A"]), day(2025, 1, 1), None), &ledger), NotFollowed::StartsAfterLedger);
        assert_eq!(none(&action(keys(&["A"]), day(2024, 1, 1), None), &Ledger::default()), NotFollowed::NoLedger);
        let aspect = Target::FocusAspect { survey: crate::engine::customer_focus::survey::SurveyId(1), aspect: 2 };
        assert_eq!(none(&action(aspect, day(2024, 12, 1), None), &ledger), NotFollowed::NotForCustomers);
    }

    #[test]
    fn a_level_target_is_the_level_of_the_last_whole_year_before_the_start() {
        // 2023's active customers ranked: A 10.00, B 5.00, C 2.00 (n = 3). With the default
        // cut-offs Top is ranks up to ceil(1 % x 3) = 1, Big and Medium up to ceil(5 % x 3) = 1
        // and ceil(20 % x 3) = 1 (empty), so A is Top and B and C Small; D was active in 2022
        // only, so Inactive in 2023. The action starts 2024-06-01: the pyramid of 2023 names its
        // customers, whatever 2024 makes of them (C is 2024's largest). The ledger ends
        // 2024-06-30: 30 days counted, the baseline 2024-05-02 to 2024-05-31.
        // Small: realised B 9.00 + C 400.00 = 409.00 (C's 3.00 of 1 April is before the
        // baseline), baseline B 7.00; uplift 402.00. Inactive: D, with nothing since 2022.
        let (ledger, table) = table_of(&[
            ("D", (2022, 3, 1), 800),
            ("A", (2023, 2, 1), 1_000),
            ("B", (2023, 2, 1), 500),
            ("C", (2023, 2, 1), 200),
            ("C", (2024, 4, 1), 300),
            ("B", (2024, 5, 15), 700),
            ("A", (2024, 6, 5), 5_000),
            ("B", (2024, 6, 10), 900),
            ("C", (2024, 6, 30), 40_000),
        ]);
        let levels = crate::engine::pyramid::Levels::every_period(&table, CutOffs::default());
        let small =
            follow_up(&action(Target::Level(Level::Small), day(2024, 6, 1), None), &ledger, || &levels).unwrap();
        assert_eq!(
            (small.customers, small.level_period),
            (2, Some(YearStart::default().period_of(day(2023, 1, 1).unwrap())))
        );
        assert_eq!(small.realised, Money::from_cents(40_900));
        assert_eq!((small.baseline, small.uplift), (Money::from_cents(700), Money::from_cents(40_200)));
        let inactive = follow_up(&action(Target::Level(Level::Inactive), day(2024, 6, 1), None), &ledger, || &levels);
        assert_eq!(inactive.map(|f| (f.customers, f.realised)), Ok((1, Money::ZERO)));
        let first_year = follow_up(&action(Target::Level(Level::Top), day(2022, 6, 1), None), &ledger, || &levels);
        assert_eq!(first_year, Err(NotFollowed::NoLevelAtStart));
    }
}
