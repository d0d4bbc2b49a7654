//! The whale curve (Kaplan and Cooper): customers ranked by net profit, largest first, and
//! their cumulative profit as a share of total profit. It rises above 100 % while profitable
//! customers are added and falls back to 100 % as the loss-makers are: "the most profitable N
//! customers make 126 % of profit; the other M lose 26 %". docs/method-notes.md.

use super::concentration::LORENZ_SEGMENTS;
use super::ledger::CustomerId;
use super::money::Money;
use super::profitability::{CustomerProfit, PoolRow};
use super::stats::{share, BasisPoints};
use serde::{Deserialize, Serialize};

/// A point of the curve: the first `customers` of the ranking and their summed net profit.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhalePoint {
    pub customers: usize,
    pub cumulative_profit: Money,
}

/// The curve and its statements. Shares are of `total_profit` and `None` when it is zero or
/// negative (a share of a loss reads backwards).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Whale {
    pub customers: usize,
    pub total_profit: Money,
    /// The highest cumulative profit, reached by the first `peak_customers` (the fewest that
    /// reach it); 0 customers and zero profit when every customer loses money or there are none.
    pub peak_profit: Money,
    pub peak_customers: usize,
    pub peak_share: Option<f64>,
    /// The first ceil(20 % x n) customers.
    pub top20_customers: usize,
    pub top20_profit: Money,
    pub top20_profit_share: Option<f64>,
    pub loss_making_customers: usize,
    /// Every customer up to 200, else 201 evenly spaced points (as the Lorenz curve), from 0.
    pub curve: Vec<WhalePoint>,
}

impl Whale {
    /// `net` in ranking order (highest net profit first).
    pub fn of(net: &[Money]) -> Whale {
        let n = net.len();
        let mut cumulative = Vec::with_capacity(n + 1);
        cumulative.push(Money::ZERO);
        for &x in net {
            cumulative.push(cumulative[cumulative.len() - 1] + x);
        }
        let total = cumulative[n];
        // The first maximum: `max_by_key` keeps the last of equals, so search from the end.
        let peak_customers = (0..=n).rev().max_by_key(|&k| cumulative[k]).unwrap_or(0);
        let peak = cumulative[peak_customers];
        let top20_customers = BasisPoints(2_000).of(n);
        let top20 = cumulative[top20_customers];
        let of_total =
            |part: Money| Some(total).filter(|t| t.is_positive()).and_then(|t| share(part.cents(), t.cents()));
        let segments = n.min(LORENZ_SEGMENTS);
        let curve = (0..=segments)
            .map(|j| {
                let customers = (j * n).checked_div(segments).unwrap_or(0);
                WhalePoint { customers, cumulative_profit: cumulative[customers] }
            })
            .collect();
        Whale {
            customers: n,
            total_profit: total,
            peak_profit: peak,
            peak_customers,
            peak_share: of_total(peak),
            top20_customers,
            top20_profit: top20,
            top20_profit_share: of_total(top20),
            loss_making_customers: net.iter().filter(|x| x.cents() < 0).count(),
            curve,
        }
    }
}

/// A customer with a net loss and the pool that costs it most.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LossMaker {
    pub customer: CustomerId,
    pub key: String,
    pub net_profit: Money,
    /// The pool with the largest cost for this customer (equal costs: the first pool listed);
    /// `None` when no pool costs it anything (a loss from the gross margin alone).
    pub costliest_pool: Option<String>,
}

impl LossMaker {
    /// The loss-makers of `customers` (in their order), with `pools` in the order of the costs.
    pub fn of(customers: &[CustomerProfit], pools: &[PoolRow]) -> Vec<LossMaker> {
        customers
            .iter()
            .filter(|c| c.net_profit.cents() < 0)
            .map(|c| {
                let costliest = c.costs.iter().enumerate().rev().max_by_key(|&(_, cost)| *cost);
                LossMaker {
                    customer: c.customer,
                    key: c.key.clone(),
                    net_profit: c.net_profit,
                    costliest_pool: costliest
                        .filter(|(_, cost)| cost.is_positive())
                        .map(|(i, _)| pools[i].pool.clone()),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(units: &[i64]) -> Vec<Money> {
        units.iter().map(|&u| Money::from_cents(u * 100)).collect()
    }

    #[test]
    fn peak_above_100_percent_and_the_loss_makers() {
        // Net profit ranked: 60, 40, 26, 0, -10, -16. Cumulative: 60, 100, 126, 126, 116, 100.
        // Total 100; the peak 126 is first reached by 3 customers: "the most profitable 3
        // customers make 126 % of profit; the other 3 lose 26 %". Top 20 %: ceil(1.2) = 2
        // customers, 100 of 100 = 100 %. Loss-makers: 2 (zero is not a loss).
        let whale = Whale::of(&money(&[60, 40, 26, 0, -10, -16]));
        assert_eq!(whale.total_profit, Money::from_cents(10_000));
        assert_eq!((whale.peak_customers, whale.peak_profit), (3, Money::from_cents(12_600)));
        assert_eq!(whale.peak_share, Some(1.26));
        assert_eq!((whale.top20_customers, whale.top20_profit_share), (2, Some(1.0)));
        assert_eq!(whale.loss_making_customers, 2);
        let points: Vec<(usize, i64)> =
            whale.curve.iter().map(|p| (p.customers, p.cumulative_profit.cents() / 100)).collect();
        assert_eq!(points, vec![(0, 0), (1, 60), (2, 100), (3, 126), (4, 126), (5, 116), (6, 100)]);
    }

    #[test]
    fn a_loss_overall_has_no_shares() {
        // -5, -7: cumulative 0, -5, -12; the peak is the empty start, and shares of a loss are None.
        let whale = Whale::of(&money(&[-5, -7]));
        assert_eq!((whale.peak_customers, whale.peak_profit, whale.peak_share), (0, Money::ZERO, None));
        assert_eq!(
            (whale.top20_customers, whale.top20_profit, whale.top20_profit_share),
            (1, Money::from_cents(-500), None)
        );
        let empty = Whale::of(&[]);
        assert_eq!((empty.customers, empty.peak_customers, empty.curve.len()), (0, 0, 1));
    }
}
