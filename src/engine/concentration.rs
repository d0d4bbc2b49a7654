//! Concentration (method.md §5): how much of a period's revenue its biggest customers bring:
//! the top-20 % share, the Lorenz curve, the Gini coefficient and a histogram of revenue bands.

use super::money::Money;
use super::period::Period;
use super::pyramid::Levels;
use super::revenue::RevenueTable;
use super::session::analysis::{Analysis, Context, EmptyReason, Selection};
use super::stats::{share, BasisPoints};
use serde::{Deserialize, Serialize};

/// The share whose revenue is reported: `k(0.20)` customers.
pub const TOP_SHARE: BasisPoints = BasisPoints(2_000);

/// At most this many segments in the Lorenz curve; larger customer bases are sampled at evenly
/// spaced customer counts (each point still exact), enough for a chart.
pub const LORENZ_SEGMENTS: usize = 200;

/// Lower bounds of the revenue bands in whole currency units: 1-5-10 steps per power of ten
/// (0-1k, 1k-5k, 5k-10k, 10k-50k, ... 5M-10M, 10M and more). Each band includes its lower bound.
pub const BAND_FLOORS: [i64; 10] =
    [0, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000, 5_000_000, 10_000_000];

#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LorenzPoint {
    /// Cumulative share of active customers, smallest first.
    pub customer_share: f64,
    /// Their cumulative share of revenue.
    pub revenue_share: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevenueBand {
    pub from: Money,
    /// Exclusive; `None` for the open top band.
    pub to: Option<Money>,
    pub customers: usize,
    pub revenue: Money,
    pub customer_share: Option<f64>,
    pub revenue_share: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Concentration {
    pub period: Period,
    pub active_customers: usize,
    pub revenue: Money,
    /// `k(0.20)` of the active customers.
    pub top_customers: usize,
    pub top_revenue: Money,
    /// Share of revenue of the top `k(0.20)` customers; 0 when no customer is active.
    pub top20_revenue_share: f64,
    /// Their actual share of the customers (`k(0.20) / n`, 0.2 or a little above).
    pub top20_customer_share: f64,
    pub gini: f64,
    /// From (0, 0) to (1, 1); only (0, 0) when no customer is active.
    pub lorenz: Vec<LorenzPoint>,
    pub bands: Vec<RevenueBand>,
}

impl Concentration {
    pub fn of(table: &RevenueTable, levels: &Levels) -> Concentration {
        let revenue = table.revenue(levels.period_index());
        let descending: Vec<i64> = levels.ranked().iter().map(|c| revenue[c.index()].cents()).collect();
        let n = descending.len();
        // Every i64 sum here (total, top, Lorenz prefix sums, bands) adds one period's revenues of
        // distinct customers: at most 2^61 cents by the ledger limit (money.rs).
        let total: i64 = descending.iter().sum();
        let top_customers = TOP_SHARE.of(n);
        let top_revenue: i64 = descending[..top_customers].iter().sum();
        let ascending: Vec<i64> = descending.iter().rev().copied().collect();
        Concentration {
            period: levels.period(),
            active_customers: n,
            revenue: Money::from_cents(total),
            top_customers,
            top_revenue: Money::from_cents(top_revenue),
            top20_revenue_share: share(top_revenue, total).unwrap_or(0.0),
            top20_customer_share: share(top_customers as i64, n as i64).unwrap_or(0.0),
            gini: gini(&ascending),
            lorenz: lorenz(&ascending),
            bands: bands(&ascending),
        }
    }
}

/// `G = sum_i (2i - n - 1) x_i / (n * sum x)`, x ascending, i = 1..n (method.md §5), with the
/// sums in exact integers and one division at the end; 0 for no customers or no revenue.
/// In i128: `(2i - n - 1) x_i` and `n * sum x` reach n * 2^61 (2^93 for 2^32 customers), far
/// beyond i64 once revenue is large (tests/cli_analyze.rs: sums_near_the_ledger_limit_are_exact).
pub fn gini(ascending: &[i64]) -> f64 {
    let n = ascending.len() as i128;
    let total: i128 = ascending.iter().map(|&x| i128::from(x)).sum();
    if n == 0 || total == 0 {
        return 0.0;
    }
    let weighted: i128 = ascending.iter().zip(1..).map(|(&x, i): (&i64, i128)| (2 * i - n - 1) * i128::from(x)).sum();
    weighted as f64 / (n * total) as f64
}

fn lorenz(ascending: &[i64]) -> Vec<LorenzPoint> {
    let n = ascending.len();
    let mut cumulative = Vec::with_capacity(n + 1);
    cumulative.push(0i64);
    for &x in ascending {
        cumulative.push(cumulative[cumulative.len() - 1] + x);
    }
    let total = cumulative[n];
    let segments = n.min(LORENZ_SEGMENTS);
    (0..=segments)
        .map(|j| {
            let customers = (j * n).checked_div(segments).unwrap_or(0);
            LorenzPoint {
                customer_share: share(customers as i64, n as i64).unwrap_or(0.0),
                revenue_share: share(cumulative[customers], total).unwrap_or(0.0),
            }
        })
        .collect()
}

fn bands(ascending: &[i64]) -> Vec<RevenueBand> {
    let total_customers = ascending.len() as i64;
    let total_revenue: i64 = ascending.iter().sum();
    BAND_FLOORS
        .iter()
        .enumerate()
        .map(|(i, &floor)| {
            let from = floor * 100;
            let to = BAND_FLOORS.get(i + 1).map(|&next| next * 100);
            // Ascending revenue: a band is one contiguous run.
            let start = ascending.partition_point(|&x| x < from);
            let end = to.map_or(ascending.len(), |to| ascending.partition_point(|&x| x < to));
            let members = &ascending[start..end.max(start)];
            let customers = members.len();
            let revenue: i64 = members.iter().sum();
            RevenueBand {
                from: Money::from_cents(from),
                to: to.map(Money::from_cents),
                customers,
                revenue: Money::from_cents(revenue),
                customer_share: share(customers as i64, total_customers),
                revenue_share: share(revenue, total_revenue),
            }
        })
        .collect()
}

/// What the Concentration page asks: the concentration of one period (the latest when `None`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ConcentrationRequest {
    pub selection: Selection,
    pub period: Option<Period>,
}

impl Analysis for ConcentrationRequest {
    type View = Concentration;

    fn answer(self, context: &mut Context) -> Result<Concentration, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        Ok(Concentration::of(&prepared.table, prepared.active_levels_of(self.period)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pyramid::CutOffs;
    use crate::engine::revenue::tests::table_of;

    #[test]
    fn gini_of_known_vectors() {
        // [1,2,3,4]: (-3*1 - 1*2 + 1*3 + 3*4) / (4 * 10) = 10 / 40 = 0.25.
        assert_eq!(gini(&[1, 2, 3, 4]), 0.25);
        assert_eq!(gini(&[7, 7, 7]), 0.0);
        // One holds all of n = 5: (5 - 1) x / (5 x) = 4/5.
        assert_eq!(gini(&[0, 0, 0, 0, 9]), 0.8);
        assert_eq!(gini(&[42]), 0.0);
        assert_eq!(gini(&[]), 0.0);
    }

    #[test]
    fn top_share_lorenz_and_bands() {
        // Six active customers (n = 6, k(20%) = ceil(1.2) = 2) and one inactive. Amounts in cents.
        let (_, table) = table_of(&[
            ("A", (2024, 1, 1), 200_000_000), // 2,000,000.00: band 1M-5M
            ("B", (2024, 1, 1), 4_000_000),   // 40,000.00: band 10k-50k
            ("C", (2024, 1, 1), 500_000),     // exactly 5,000.00: band 5k-10k
            ("D", (2024, 1, 1), 499_999),     // 4,999.99: band 1k-5k
            ("E", (2024, 1, 1), 100),         // 1.00: band 0-1k
            ("F", (2024, 1, 1), 100),
            ("G", (2024, 2, 1), -500),
        ]);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default()).unwrap();
        let c = Concentration::of(&table, &levels);
        let total: i64 = 200_000_000 + 4_000_000 + 500_000 + 499_999 + 200;
        assert_eq!((c.active_customers, c.revenue.cents(), c.top_customers), (6, total, 2));
        assert_eq!(c.top_revenue.cents(), 204_000_000);
        assert_eq!(c.top20_revenue_share, 204_000_000.0 / total as f64);
        assert_eq!(c.top20_customer_share, 2.0 / 6.0);
        // Six customers: every one is a point, ascending.
        assert_eq!(c.lorenz.len(), 7);
        assert_eq!((c.lorenz[0].customer_share, c.lorenz[0].revenue_share), (0.0, 0.0));
        assert_eq!(c.lorenz[2].revenue_share, 200.0 / total as f64);
        assert_eq!((c.lorenz[6].customer_share, c.lorenz[6].revenue_share), (1.0, 1.0));
        let band_counts: Vec<usize> = c.bands.iter().map(|b| b.customers).collect();
        assert_eq!(band_counts, vec![2, 1, 1, 1, 0, 0, 0, 1, 0, 0]);
        assert_eq!(c.bands[9].to, None);
    }

    #[test]
    fn no_active_customer() {
        let (_, table) = table_of(&[("A", (2023, 1, 1), 100), ("A", (2024, 1, 1), -100)]);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default()).unwrap();
        let c = Concentration::of(&table, &levels);
        assert_eq!((c.active_customers, c.top20_revenue_share, c.gini), (0, 0.0, 0.0));
        assert_eq!(c.lorenz.len(), 1);
    }

    #[test]
    fn lorenz_of_many_customers_is_sampled() {
        assert_eq!(lorenz(&vec![1; 1_000]).len(), LORENZ_SEGMENTS + 1);
        assert_eq!(lorenz(&vec![1; 1_000])[100].customer_share, 0.5);
    }
}
