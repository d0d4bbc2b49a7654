//! The holdout check of the papers' figures: the models fitted on the calibration period predict the
//! repeat purchases of the period after it, and the prediction is set beside what the customers did,
//! per calibration frequency (Fader, Hardie and Lee 2005, figure 3) and week by week, cumulated
//! (figure 2); and the P(alive) of the calibration customers by frequency and recency.

use super::lifetime_value::RepeatPurchases;
use super::purchase_history::{purchase_days_until, CustomerHistory, PurchaseHistory};
use crate::engine::date::Day;
use crate::engine::ledger::{CustomerId, Ledger};
use crate::engine::scope::LineFilter;
use serde::{Deserialize, Serialize};

/// Calibration frequencies 0 .. 7 each have a row; the last row holds 7 and more.
pub const FREQUENCY_ROWS: u32 = 8;
/// The P(alive) matrix cuts recency (t_x) into this many equal spans of the longest T.
pub const RECENCY_SPANS: usize = 6;

/// The two purchase models side by side (BG/NBD first).
#[derive(Copy, Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub bgnbd: f64,
    pub pareto_nbd: f64,
}

/// Repeat purchases in the holdout of the customers with one calibration frequency: the means per
/// customer, actual and predicted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrequencyRow {
    /// The calibration frequency x; `FREQUENCY_ROWS - 1` means that many or more.
    pub x: u32,
    pub customers: usize,
    pub actual: f64,
    pub predicted: Pair,
}

/// The calibration customers' repeat purchases from the first day of the data to the end of a week,
/// cumulated: actual, and the models' unconditional expectation for customers who started when they did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrackingPoint {
    /// Weeks since the first purchase day of the data.
    pub week: u32,
    pub actual: u32,
    pub predicted: Pair,
}

/// Calibration and holdout compared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Holdout {
    /// The last day of the holdout: the ledger's last date.
    pub end: Day,
    /// Its length in time units.
    pub length: f64,
    pub by_frequency: Vec<FrequencyRow>,
    pub tracking: Vec<TrackingPoint>,
    /// The calibration end in weeks since the first purchase day (where the chart marks it).
    pub calibration_week: f64,
}

/// The models' expectations for the check.
pub struct Models<'a> {
    pub bgnbd: &'a dyn RepeatPurchases,
    pub pareto_nbd: &'a dyn RepeatPurchases,
}

impl Models<'_> {
    fn both(&self, f: impl Fn(&dyn RepeatPurchases) -> Option<f64>) -> Pair {
        Pair { bgnbd: f(self.bgnbd).unwrap_or(0.0), pareto_nbd: f(self.pareto_nbd).unwrap_or(0.0) }
    }
}

impl Holdout {
    /// `None` when the ledger has no date after the calibration end (nothing to hold out).
    pub fn check(ledger: &Ledger, lines: &LineFilter, history: &PurchaseHistory, models: &Models) -> Option<Holdout> {
        let (_, end) = ledger.date_range()?;
        let calibration_end = history.calibration_end;
        if end <= calibration_end || history.customers.is_empty() {
            return None;
        }
        let unit_days = history.unit.days();
        let length = f64::from(end.number() - calibration_end.number()) / unit_days;
        let days = customer_days(ledger, lines, history, end);
        let in_holdout = days.iter().map(|d| d.iter().filter(|&&day| day > calibration_end).count() as f64);
        let by_frequency =
            by_frequency(history, in_holdout.collect(), |c| models.both(|m| m.expected_purchases(c, length)));
        let start = days.iter().filter_map(|d| d.first()).min().copied().unwrap_or(calibration_end);
        let fresh = fresh();
        let tracking = tracking(&days, start, end, |t| models.both(|m| m.expected_purchases(&fresh, t / unit_days)));
        let calibration_week = f64::from(calibration_end.number() - start.number()) / 7.0;
        Some(Holdout { end, length, by_frequency, tracking, calibration_week })
    }
}

/// A customer just after their first purchase: the conditional expectation at x = t_x = T = 0 is the
/// unconditional E[X(t)] of the papers (BG/NBD eq. 9; Pareto/NBD's P(alive) is 1 at T = 0).
fn fresh() -> CustomerHistory {
    let customer = CustomerId::from_index(0);
    CustomerHistory { customer, x: 0, t_x: 0.0, t: 0.0, repeat_spend: crate::engine::money::Money::ZERO }
}

/// Each calibration customer's purchase days up to `end`, in the order of `history.customers`.
fn customer_days(ledger: &Ledger, lines: &LineFilter, history: &PurchaseHistory, end: Day) -> Vec<Vec<Day>> {
    let mut by_customer: hashbrown::HashMap<CustomerId, Vec<Day>> = hashbrown::HashMap::new();
    for (customer, day, _) in purchase_days_until(ledger, lines, end) {
        by_customer.entry(customer).or_default().push(day);
    }
    history.customers.iter().map(|c| by_customer.remove(&c.customer).unwrap_or_default()).collect()
}

/// The mean actual and predicted holdout purchases of the customers of each calibration frequency.
fn by_frequency(
    history: &PurchaseHistory,
    actual: Vec<f64>,
    predict: impl Fn(&CustomerHistory) -> Pair,
) -> Vec<FrequencyRow> {
    let mut rows: Vec<FrequencyRow> = (0..FREQUENCY_ROWS)
        .map(|x| FrequencyRow { x, customers: 0, actual: 0.0, predicted: Pair::default() })
        .collect();
    for (c, actual) in history.customers.iter().zip(actual) {
        let row = &mut rows[c.x.min(FREQUENCY_ROWS - 1) as usize];
        let predicted = predict(c);
        row.customers += 1;
        row.actual += actual;
        row.predicted.bgnbd += predicted.bgnbd;
        row.predicted.pareto_nbd += predicted.pareto_nbd;
    }
    for row in rows.iter_mut().filter(|r| r.customers > 0) {
        let n = row.customers as f64;
        row.actual /= n;
        row.predicted = Pair { bgnbd: row.predicted.bgnbd / n, pareto_nbd: row.predicted.pareto_nbd / n };
    }
    rows
}

/// Cumulative repeat purchases at the end of each week from `start` to `end`. The expectation of a
/// customer who started on day d is E[X(end of week - d)]; customers who started in the same week
/// are taken at their mean first day, so the work grows with weeks², not customers x weeks.
fn tracking(days: &[Vec<Day>], start: Day, end: Day, expected: impl Fn(f64) -> Pair) -> Vec<TrackingPoint> {
    let weeks = (end.number() - start.number()) / 7 + 1;
    let since = |day: Day| day.number() - start.number();
    let mut repeats = vec![0u32; weeks as usize];
    let mut starters: Vec<(f64, f64)> = vec![(0.0, 0.0); weeks as usize];
    for d in days.iter().filter(|d| !d.is_empty()) {
        let first = since(d[0]);
        let group = &mut starters[(first / 7) as usize];
        *group = (group.0 + 1.0, group.1 + f64::from(first));
        for &day in &d[1..] {
            repeats[(since(day) / 7) as usize] += 1;
        }
    }
    let mut actual = 0;
    (1..=weeks)
        .map(|week| {
            actual += repeats[week as usize - 1];
            let at = f64::from(week * 7);
            let mut predicted = Pair::default();
            for &(n, first_days) in starters.iter().take(week as usize).filter(|s| s.0 > 0.0) {
                let e = expected(at - first_days / n);
                predicted.bgnbd += n * e.bgnbd;
                predicted.pareto_nbd += n * e.pareto_nbd;
            }
            TrackingPoint { week: week as u32, actual, predicted }
        })
        .collect()
}

/// The mean P(alive) of the calibration customers by frequency (rows 0 .. 7+) and recency (t_x in
/// `RECENCY_SPANS` equal spans of the longest T, the most recent last), with the counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PAliveMatrix {
    /// The spans' upper ends, in time units.
    pub recency_to: Vec<f64>,
    /// `cells[x][span]`: (customers, mean P(alive)); no customers, no mean.
    pub cells: Vec<Vec<(usize, Option<f64>)>>,
}

impl PAliveMatrix {
    pub fn of(history: &PurchaseHistory, model: &dyn RepeatPurchases) -> PAliveMatrix {
        let longest = history.customers.iter().map(|c| c.t).fold(0.0, f64::max);
        let span = if longest > 0.0 { longest / RECENCY_SPANS as f64 } else { 1.0 };
        let mut sums = vec![vec![(0usize, 0.0); RECENCY_SPANS]; FREQUENCY_ROWS as usize];
        for c in &history.customers {
            let column = ((c.t_x / span) as usize).min(RECENCY_SPANS - 1);
            let cell = &mut sums[c.x.min(FREQUENCY_ROWS - 1) as usize][column];
            *cell = (cell.0 + 1, cell.1 + model.p_alive(c));
        }
        let cells = sums.into_iter().map(|row| row.into_iter().map(|(n, sum)| (n, (n > 0).then(|| sum / n as f64))));
        PAliveMatrix {
            recency_to: (1..=RECENCY_SPANS).map(|i| span * i as f64).collect(),
            cells: cells.map(Iterator::collect).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clv::purchase_history::TimeUnit;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};
    use crate::engine::money::Money;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap_or(Day::from_number(0))
    }

    /// A model in which everyone buys half a time per unit (E[Y(t)] = 0.5 t) and is alive with
    /// probability 1 / (1 + x): what the check does with the numbers, not the models.
    struct Steady;
    impl RepeatPurchases for Steady {
        fn p_alive(&self, c: &CustomerHistory) -> f64 {
            1.0 / (1.0 + f64::from(c.x))
        }
        fn expected_purchases(&self, _: &CustomerHistory, horizon: f64) -> Option<f64> {
            Some(0.5 * horizon)
        }
    }

    /// A buys on Mon 2023-01-02, 01-09 and 01-23 and once in the holdout (2024-01-08); B on
    /// 2023-01-04 only, then on two holdout days (2024-01-10, 01-11); C first buys in the holdout, so
    /// it is no calibration customer. Calibration end 2023-12-31, in weeks.
    fn ledger() -> Ledger {
        let mut b = LedgerBuilder::new(Columns::default());
        let lines = [
            ("A", day(2023, 1, 2)),
            ("A", day(2023, 1, 9)),
            ("A", day(2023, 1, 23)),
            ("B", day(2023, 1, 4)),
            ("A", day(2024, 1, 8)),
            ("B", day(2024, 1, 10)),
            ("B", day(2024, 1, 11)),
            ("C", day(2024, 1, 12)),
        ];
        for (customer, date) in lines {
            b.push(customer, date, Money::from_cents(1_000), &LineExtras::default());
        }
        b.finish()
    }

    #[test]
    fn holdout_per_frequency_and_tracked() {
        let ledger = ledger();
        let history = PurchaseHistory::of(&ledger, day(2023, 12, 31), TimeUnit::Week);
        let models = Models { bgnbd: &Steady, pareto_nbd: &Steady };
        let holdout = Holdout::check(&ledger, &LineFilter::All, &history, &models).expect("a holdout");
        // Holdout: 2024-01-01 .. 2024-01-12, 12 days = 12/7 weeks; Steady predicts 0.5 · 12/7 = 6/7.
        assert_eq!(holdout.end, day(2024, 1, 12));
        assert!((holdout.length - 12.0 / 7.0).abs() < 1e-12);
        let row = |x: usize| &holdout.by_frequency[x];
        // B: x = 0, two holdout purchases. A: x = 2, one. Nobody else.
        assert_eq!((row(0).customers, row(0).actual, row(2).customers, row(2).actual), (1, 2.0, 1, 1.0));
        assert!((row(0).predicted.bgnbd - 6.0 / 7.0).abs() < 1e-12);
        assert_eq!(holdout.by_frequency.iter().map(|r| r.customers).sum::<usize>(), 2);
        assert_eq!(holdout.by_frequency.len(), 8);
        // From 2023-01-02 (day 0) to 2024-01-12 (day 375): 375 / 7 + 1 = 54 weeks. A's repeats on
        // days 7 and 21 (weeks 2 and 4 end after them), then days 371 (A), 373, 374 (B), all in week 54.
        let actual: Vec<u32> = holdout.tracking.iter().map(|p| p.actual).collect();
        assert_eq!((actual.len(), &actual[..5], actual[52], actual[53]), (54, &[0, 1, 1, 2, 2][..], 2, 5));
        // Both started in week 0 at days 0 and 2, mean day 1: at the end of week 1 (day 7) each is
        // expected 0.5 · (7 - 1)/7 purchases, two of them 6/7.
        assert!((holdout.tracking[0].predicted.pareto_nbd - 6.0 / 7.0).abs() < 1e-12);
        // The calibration end, 2023-12-31, is day 363: 51.86 weeks.
        assert!((holdout.calibration_week - 363.0 / 7.0).abs() < 1e-12);
    }

    /// A (x = 2, t_x = 3 weeks) and B (x = 0, t_x = 0) of the ledger above; the longest T is A's,
    /// 363 / 7 = 51.86 weeks, so the spans are 8.64 weeks: both fall in the first.
    #[test]
    fn p_alive_by_frequency_and_recency() {
        let history = PurchaseHistory::of(&ledger(), day(2023, 12, 31), TimeUnit::Week);
        let matrix = PAliveMatrix::of(&history, &Steady);
        assert!((matrix.recency_to[5] - 363.0 / 7.0).abs() < 1e-12);
        assert_eq!((matrix.cells[0][0], matrix.cells[2][0]), ((1, Some(1.0)), (1, Some(1.0 / 3.0))));
        assert_eq!(matrix.cells.iter().flatten().map(|c| c.0).sum::<usize>(), 2);
    }

    #[test]
    fn no_holdout_without_later_dates() {
        let ledger = ledger();
        let history = PurchaseHistory::of(&ledger, day(2024, 1, 12), TimeUnit::Week);
        let models = Models { bgnbd: &Steady, pareto_nbd: &Steady };
        assert!(Holdout::check(&ledger, &LineFilter::All, &history, &models).is_none());
    }
}
