//! RFM: recency, frequency and monetary quintile scores (5 = best) as of the end of a period,
//! over the customers with positive revenue in a trailing window of periods, and the named
//! segments of the R x FM grid. Rules in docs/method-notes.md.

use super::date::Day;
use super::ledger::CustomerId;
use super::money::Money;
use super::period::Period;
use super::revenue::RevenueTable;
use super::session::analysis::{Analysis, Context, CustomerList, CustomerRef, EmptyReason, Selection};
use super::stats::{quintile_scores, share};
use serde::{Deserialize, Serialize};

/// How many periods, ending with the chosen one, the scores look at (clipped to the data).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RfmSettings {
    pub window_periods: usize,
}

impl Default for RfmSettings {
    /// Two years: customers who stopped buying last year still score, as "at risk" or "lost".
    fn default() -> Self {
        RfmSettings { window_periods: 2 }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Champions,
    Loyal,
    PotentialLoyalists,
    New,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLoseThem,
    Hibernating,
    Lost,
}

impl Segment {
    pub const ALL: [Segment; 11] = [
        Segment::Champions,
        Segment::Loyal,
        Segment::PotentialLoyalists,
        Segment::New,
        Segment::Promising,
        Segment::NeedAttention,
        Segment::AboutToSleep,
        Segment::AtRisk,
        Segment::CantLoseThem,
        Segment::Hibernating,
        Segment::Lost,
    ];

    /// The grid: recency score against `fm`, the rounded-up mean of frequency and monetary.
    pub fn of(r: u8, fm: u8) -> Segment {
        match (r, fm) {
            (5, 4..=5) => Segment::Champions,
            (3..=4, 4..=5) => Segment::Loyal,
            (4..=5, 2..=3) => Segment::PotentialLoyalists,
            (5, _) => Segment::New,
            (4, _) => Segment::Promising,
            (3, 3) => Segment::NeedAttention,
            (3, _) => Segment::AboutToSleep,
            (1..=2, 5) => Segment::CantLoseThem,
            (1..=2, 3..=4) => Segment::AtRisk,
            (1, 1) => Segment::Lost,
            _ => Segment::Hibernating,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RfmScore {
    pub customer: CustomerId,
    /// Days from the last purchase to the last day of the period (0: bought that day).
    pub recency_days: i32,
    /// Purchases in the window (distinct invoices, or days without an invoice column).
    pub frequency: u32,
    /// Revenue in the window.
    pub monetary: Money,
    pub r: u8,
    pub f: u8,
    pub m: u8,
    pub segment: Segment,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SegmentRow {
    pub segment: Segment,
    pub customers: usize,
    pub customer_share: Option<f64>,
    pub monetary: Money,
    pub monetary_share: Option<f64>,
    pub average_recency_days: Option<f64>,
    pub average_frequency: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rfm {
    pub period: Period,
    /// The window's periods, oldest first.
    pub window: Vec<Period>,
    /// The last day of the period.
    pub as_of: Day,
    pub customers: Vec<RfmScore>,
    /// Every segment in `Segment::ALL` order, empty ones included.
    pub segments: Vec<SegmentRow>,
}

impl Rfm {
    /// `None` when the period is not in the table.
    pub fn of(table: &RevenueTable, period: Period, settings: RfmSettings) -> Option<Rfm> {
        let last = table.period_index(period)?;
        let first = (last + 1).saturating_sub(settings.window_periods.max(1));
        let as_of = table.year_start().end_day(period).add_days(-1);
        let mut customers = window_totals(table, first..=last, as_of);
        let recency: Vec<i64> = customers.iter().map(|c| -i64::from(c.recency_days)).collect();
        let frequency: Vec<i64> = customers.iter().map(|c| i64::from(c.frequency)).collect();
        let monetary: Vec<i64> = customers.iter().map(|c| c.monetary.cents()).collect();
        let scores =
            quintile_scores(&recency).into_iter().zip(quintile_scores(&frequency)).zip(quintile_scores(&monetary));
        for (customer, ((r, f), m)) in customers.iter_mut().zip(scores) {
            (customer.r, customer.f, customer.m) = (r, f, m);
            customer.segment = Segment::of(r, (f + m).div_ceil(2));
        }
        Some(Rfm {
            period,
            window: table.periods()[first..=last].to_vec(),
            as_of,
            segments: segment_rows(&customers),
            customers,
        })
    }
}

/// Recency, frequency and monetary of every customer with positive revenue over the window;
/// scores are filled in afterwards.
fn window_totals(table: &RevenueTable, window: std::ops::RangeInclusive<usize>, as_of: Day) -> Vec<RfmScore> {
    let mut customers = Vec::new();
    for c in 0..table.customer_count() {
        let mut monetary = Money::ZERO;
        let mut frequency = 0u32;
        let mut last_purchase: Option<Day> = None;
        for p in window.clone() {
            monetary += table.revenue(p)[c];
            frequency += table.purchases(p)[c];
            last_purchase = last_purchase.max(table.last_purchase(p)[c]);
        }
        // Positive revenue implies a positive line, hence a last purchase.
        if let (true, Some(last)) = (monetary.is_positive(), last_purchase) {
            let recency_days = as_of.number() - last.number();
            customers.push(RfmScore {
                customer: CustomerId::from_index(c),
                recency_days,
                frequency,
                monetary,
                r: 0,
                f: 0,
                m: 0,
                segment: Segment::Lost,
            });
        }
    }
    customers
}

fn segment_rows(customers: &[RfmScore]) -> Vec<SegmentRow> {
    // Money: window revenue of distinct customers, within 2^61 cents by the ledger limit (money.rs).
    // Counts in i64: fewer than 2^32 customers, each with a recency under the window's days (an
    // i32) and fewer than 2^32 purchases (one per line at most): no sum comes near 2^63.
    let total: Money = customers.iter().map(|c| c.monetary).sum();
    Segment::ALL
        .iter()
        .map(|&segment| {
            let members: Vec<&RfmScore> = customers.iter().filter(|c| c.segment == segment).collect();
            let n = members.len();
            let monetary: Money = members.iter().map(|c| c.monetary).sum();
            let mean = |sum: i64| (n > 0).then(|| sum as f64 / n as f64);
            SegmentRow {
                segment,
                customers: n,
                customer_share: share(n as i64, customers.len() as i64),
                monetary,
                monetary_share: share(monetary.cents(), total.cents()),
                average_recency_days: mean(members.iter().map(|c| i64::from(c.recency_days)).sum()),
                average_frequency: mean(members.iter().map(|c| i64::from(c.frequency)).sum()),
            }
        })
        .collect()
}

/// What the RFM page asks: the segment table, and the customers of `segment` when one is chosen.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RfmRequest {
    pub selection: Selection,
    pub period: Option<Period>,
    pub settings: RfmSettings,
    pub segment: Option<Segment>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RfmRow {
    pub customer: CustomerRef,
    pub recency_days: i32,
    pub frequency: u32,
    pub monetary: Money,
    pub r: u8,
    pub f: u8,
    pub m: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RfmView {
    pub period: Period,
    /// The periods scored, oldest first: the window asked for, clipped to the data.
    pub window: Vec<Period>,
    /// The most periods a window can hold: the chosen period and every one before it in the data.
    pub longest_window: usize,
    pub segments: Vec<SegmentRow>,
    pub segment: Option<Segment>,
    /// The chosen segment's customers, highest monetary first.
    pub customers: CustomerList<RfmRow>,
}

impl RfmRequest {
    /// The scores, the chosen segment's customers (indices into `Rfm::customers`, highest
    /// monetary first, ties by key in byte order) and the longest window the period allows.
    pub(crate) fn scored(&self, context: &mut Context) -> Result<(Rfm, Vec<usize>, usize), EmptyReason> {
        let prepared = context.prepare(&self.selection);
        let ledger = context.ledger;
        let levels = prepared.levels_of(self.period)?;
        let rfm = Rfm::of(&prepared.table, levels.period(), self.settings).ok_or(EmptyReason::PeriodNotInData)?;
        if rfm.customers.is_empty() {
            return Err(EmptyReason::NoActiveCustomers);
        }
        let mut members: Vec<usize> =
            (0..rfm.customers.len()).filter(|&i| Some(rfm.customers[i].segment) == self.segment).collect();
        let key = |i: usize| ledger.customer_key(rfm.customers[i].customer).as_bytes();
        members.sort_by(|&a, &b| {
            rfm.customers[b].monetary.cmp(&rfm.customers[a].monetary).then_with(|| key(a).cmp(key(b)))
        });
        Ok((rfm, members, levels.period_index() + 1))
    }
}

impl Analysis for RfmRequest {
    type View = RfmView;
    /// Not from totals per period: recency counts days and frequency purchases: single lines.
    const NEEDS_LINES: bool = true;

    fn answer(self, context: &mut Context) -> Result<RfmView, EmptyReason> {
        let (rfm, members, longest_window) = self.scored(context)?;
        let ledger = context.ledger;
        let segment = self.segment;
        let members = members.into_iter().map(|i| &rfm.customers[i]);
        let customers = CustomerList::of(members.map(|c| RfmRow {
            customer: CustomerRef::of(ledger, c.customer),
            recency_days: c.recency_days,
            frequency: c.frequency,
            monetary: c.monetary,
            r: c.r,
            f: c.f,
            m: c.m,
        }));
        Ok(RfmView {
            period: rfm.period,
            window: rfm.window,
            longest_window,
            segments: rfm.segments,
            segment,
            customers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::revenue::tests::table_of;

    #[test]
    fn the_grid_covers_every_pair() {
        let grid: Vec<Vec<Segment>> = (1..=5).rev().map(|r| (1..=5).map(|fm| Segment::of(r, fm)).collect()).collect();
        use Segment::*;
        assert_eq!(
            grid,
            vec![
                vec![New, PotentialLoyalists, PotentialLoyalists, Champions, Champions],
                vec![Promising, PotentialLoyalists, PotentialLoyalists, Loyal, Loyal],
                vec![AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal],
                vec![Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem],
                vec![Lost, Hibernating, AtRisk, AtRisk, CantLoseThem],
            ]
        );
    }

    #[test]
    fn scores_as_of_the_end_of_the_period() {
        // Window 2023-2024, as of 2024-12-31. Without an invoice column a purchase is a day.
        let (ledger, table) = table_of(&[
            ("A", (2024, 12, 31), 5_000), // recency 0, 3 purchases, 9000
            ("A", (2024, 6, 1), 2_000),
            ("A", (2023, 3, 1), 2_000),
            ("B", (2024, 12, 1), 1_000), // recency 30, 1 purchase, 1000
            ("C", (2023, 1, 31), 800),   // recency 700, 2 purchases, 1500
            ("C", (2023, 1, 30), 700),
            ("D", (2022, 5, 1), 99_999), // outside the window
            ("E", (2024, 2, 1), 300),    // nets to zero: not scored
            ("E", (2024, 3, 1), -300),
        ]);
        let rfm = Rfm::of(&table, Period::starting_in(2024), RfmSettings::default()).unwrap();
        assert_eq!(rfm.window, vec![Period::starting_in(2023), Period::starting_in(2024)]);
        assert_eq!(Some(rfm.as_of), Day::from_ymd(2024, 12, 31));
        let scored: Vec<_> = rfm
            .customers
            .iter()
            .map(|s| {
                (
                    ledger.customer_key(s.customer),
                    s.recency_days,
                    s.frequency,
                    s.monetary.cents(),
                    s.r,
                    s.f,
                    s.m,
                    s.segment,
                )
            })
            .collect();
        // n = 3; score = ceil(5 * position / 3) with position 1, 2, 3 → 2, 4, 5.
        // A: R 5, F 5, M 5 → FM 5: Champions. B: R 4, F 2, M 2 → FM 2: Potential loyalists.
        // C: R 2, F 4, M 4 → FM 4: At risk.
        assert_eq!(
            scored,
            vec![
                ("A", 0, 3, 9_000, 5, 5, 5, Segment::Champions),
                ("B", 30, 1, 1_000, 4, 2, 2, Segment::PotentialLoyalists),
                ("C", 700, 2, 1_500, 2, 4, 4, Segment::AtRisk),
            ]
        );
        let champions = &rfm.segments[0];
        assert_eq!(
            (champions.customers, champions.monetary.cents(), champions.average_frequency),
            (1, 9_000, Some(3.0))
        );
        assert_eq!(rfm.segments.iter().map(|s| s.customers).sum::<usize>(), 3);
        assert_eq!(rfm.segments[10].average_recency_days, None);
    }

    #[test]
    fn two_customers_buying_on_the_last_day_both_score_five_for_recency() {
        // Both bought on 2024-12-31, the last day of the period: recency 0 for both, n = 2.
        let (ledger, table) = table_of(&[
            ("A", (2024, 12, 31), 1_000), // 1 purchase, 1000
            ("B", (2024, 12, 31), 2_000), // 2 purchases, 3000
            ("B", (2024, 6, 1), 1_000),
        ]);
        let rfm = Rfm::of(&table, Period::starting_in(2024), RfmSettings::default()).unwrap();
        let scored: Vec<_> =
            rfm.customers.iter().map(|s| (ledger.customer_key(s.customer), s.r, s.f, s.m, s.segment)).collect();
        // R: both values tie at the best, r = 2 → ceil(10 / 2) = 5.
        // F and M: A is worst (r = 1 → ceil(5 / 2) = 3), B best (r = 2 → 5).
        // A: R 5, FM ceil(6 / 2) = 3 → Potential loyalists; B: R 5, FM 5 → Champions.
        assert_eq!(scored, vec![("A", 5, 3, 3, Segment::PotentialLoyalists), ("B", 5, 5, 5, Segment::Champions)]);
    }

    #[test]
    fn ties_in_the_middle_share_the_best_score_among_them() {
        // As of 2024-12-31, window 2023-2024, one purchase per day (no invoice column).
        let (ledger, table) = table_of(&[
            ("P", (2024, 12, 31), 500), // recency 0, 1 purchase, 500
            ("Q", (2024, 12, 31), 100), // recency 0, 2 purchases, 200
            ("Q", (2024, 11, 1), 100),
            ("R", (2024, 10, 1), 300), // recency 31 + 30 + 30 = 91 (Oct 1 → Nov 1 → Dec 1 → Dec 31), 2 purchases, 600
            ("R", (2024, 1, 2), 300),
            ("S", (2024, 7, 1), 400), // recency 183 (below), 2 purchases, 800
            ("S", (2023, 7, 1), 400),
            ("T", (2024, 1, 1), 250), // recency 365 (2024 has 366 days), 4 purchases, 1000
            ("T", (2023, 4, 1), 250),
            ("T", (2023, 3, 1), 250),
            ("T", (2023, 2, 1), 250),
        ]);
        let rfm = Rfm::of(&table, Period::starting_in(2024), RfmSettings::default()).unwrap();
        let scored: Vec<_> = rfm
            .customers
            .iter()
            .map(|s| (ledger.customer_key(s.customer), s.recency_days, s.frequency, s.r, s.f, s.m, s.segment))
            .collect();
        // S: July 1 to December 31: 31 (to Aug 1) + 31 + 30 + 31 + 30 + 30 (Dec 1 to 31) = 183 days.
        // n = 5, score = ceil(5 r / 5) = r, with r = how many customers are at most as good.
        // R (most recent best): T 365 → 1, S 183 → 2, R 91 → 3, P and Q tie at 0 → r 5 → 5.
        // F: P 1 → 1; Q, R, S tie at 2 → r 4 → 4; T 4 → 5.
        // M: Q 200 → 1, P 500 → 2, R 600 → 3, S 800 → 4, T 1000 → 5.
        // FM = ceil((F + M) / 2): P ceil(1.5) = 2, Q ceil(2.5) = 3, R ceil(3.5) = 4, S 4, T 5.
        // P (5, 2) and Q (5, 3): Potential loyalists; R (3, 4) Loyal; S (2, 4) At risk;
        // T (1, 5) Can't lose them.
        assert_eq!(
            scored,
            vec![
                ("P", 0, 1, 5, 1, 2, Segment::PotentialLoyalists),
                ("Q", 0, 2, 5, 4, 1, Segment::PotentialLoyalists),
                ("R", 91, 2, 3, 4, 3, Segment::Loyal),
                ("S", 183, 2, 2, 4, 4, Segment::AtRisk),
                ("T", 365, 4, 1, 5, 5, Segment::CantLoseThem),
            ]
        );
    }

    #[test]
    fn one_customer_and_a_fiscal_year_end() {
        let (_, table) = table_of(&[("A", (2024, 6, 30), 100)]);
        let rfm = Rfm::of(&table, Period::starting_in(2024), RfmSettings { window_periods: 1 }).unwrap();
        // From 2024-06-30 to 2024-12-31: July..December = 31 + 31 + 30 + 31 + 30 + 31 = 184 days.
        // Alone, the customer scores 5 on everything.
        assert_eq!(rfm.customers[0].recency_days, 184);
        assert_eq!(rfm.customers[0].segment, Segment::Champions);
        assert!(Rfm::of(&table, Period::starting_in(2025), RfmSettings::default()).is_none());
        // With years starting 07-01 the same day is the last of fiscal 2023.
        let ledger = crate::engine::revenue::tests::ledger_of(&[("A", (2024, 6, 30), 100)]);
        let fiscal = RevenueTable::build(
            &ledger,
            crate::engine::period::YearStart::parse("07-01").unwrap(),
            &crate::engine::scope::Scope::Company,
        );
        let rfm = Rfm::of(&fiscal, Period::starting_in(2023), RfmSettings::default()).unwrap();
        assert_eq!((rfm.as_of, rfm.customers[0].recency_days), (Day::from_ymd(2024, 6, 30).unwrap(), 0));
    }
}
