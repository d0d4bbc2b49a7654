//! Order statistics shared by the analyses, so that every page ranks, cuts and takes medians the
//! same way: cut-offs as exact fractions, ranking with the method's tie rule, medians in cents
//! and quintile scores.

use super::ledger::{CustomerId, Ledger};
use super::money::Money;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A fraction in hundredths of a percent (100 = 1 %). Integers, so that `k(p) = ceil(p * n)`
/// is exact: in floating point 0.07 * 100 is 7.000000000000001 and would round up to 8.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct BasisPoints(pub u32);

impl BasisPoints {
    pub const WHOLE: BasisPoints = BasisPoints(10_000);

    /// `k(p) = ceil(p * n)`, never more than `n`.
    pub fn of(self, n: usize) -> usize {
        let k = (u128::from(self.0) * n as u128).div_ceil(10_000);
        usize::try_from(k).unwrap_or(usize::MAX).min(n)
    }
}

/// Each customer's position when the ids as written in the file are sorted by their bytes: the
/// tie-breaker of every ranking (method.md §2), computed once so that sorting compares integers.
pub fn id_byte_order(ledger: &Ledger) -> Vec<u32> {
    let mut customers: Vec<CustomerId> = ledger.all_customers().collect();
    customers.sort_unstable_by(|a, b| ledger.customer_key(*a).as_bytes().cmp(ledger.customer_key(*b).as_bytes()));
    let mut position = vec![0u32; customers.len()];
    for (rank, customer) in customers.iter().enumerate() {
        position[customer.index()] = rank as u32;
    }
    position
}

/// The method's ranking order (method.md §2): the higher amount first, equal amounts by
/// customer id in byte order.
pub fn ranked_order(a: (Money, CustomerId), b: (Money, CustomerId), id_order: &[u32]) -> Ordering {
    b.0.cmp(&a.0).then(id_order[a.1.index()].cmp(&id_order[b.1.index()]))
}

/// Sorts customers by revenue in the method's ranking order.
pub fn rank_by_revenue(customers: &mut [CustomerId], revenue: impl Fn(CustomerId) -> Money, id_order: &[u32]) {
    customers.sort_unstable_by(|&a, &b| ranked_order((revenue(a), a), (revenue(b), b), id_order));
}

/// The median, the mean of the two middle values for an even count rounded half up to the cent;
/// `None` for no values. Reorders `values`.
pub fn median(values: &mut [Money]) -> Option<Money> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let (_, &mut upper, _) = values.select_nth_unstable(n / 2);
    if n % 2 == 1 {
        return Some(upper);
    }
    let lower = values[..n / 2].iter().copied().max().unwrap_or(upper);
    // Each is at most 2^61 cents (the ledger limit, money.rs): their sum plus one fits i64.
    Some(Money::from_cents((lower.cents() + upper.cents() + 1).div_euclid(2)))
}

/// Quintile scores 1-5 for values where higher is better: a value scores `ceil(5 * r / n)` with
/// `r` the number of values at most as good as it (its 1-based position in ascending order, and
/// for tied values the position of the last of them: the best-ranked). Equal values share a
/// score, and the best value scores 5 even when several customers share it; a value tied by
/// many at the bottom can score above 1 (six of ten tied at the worst have r = 6: score 3).
pub fn quintile_scores(values: &[i64]) -> Vec<u8> {
    let n = values.len();
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    values
        .iter()
        .map(|v| {
            let at_most_as_good = sorted.partition_point(|x| x <= v);
            (5 * at_most_as_good).div_ceil(n) as u8
        })
        .collect()
}

/// `part / whole`, or `None` when the whole is zero (an empty period has no shares).
pub fn share(part: i64, whole: i64) -> Option<f64> {
    (whole != 0).then(|| part as f64 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Day;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};

    #[test]
    fn ceil_cut_offs_are_exact() {
        let top = BasisPoints(100);
        let big = BasisPoints(500);
        let medium = BasisPoints(2_000);
        // n = 1: ceil(0.01) = ceil(0.05) = ceil(0.2) = 1, the only customer is Top.
        assert_eq!((top.of(1), big.of(1), medium.of(1)), (1, 1, 1));
        // n = 7: ceil(0.07) = 1, ceil(0.35) = 1, ceil(1.4) = 2.
        assert_eq!((top.of(7), big.of(7), medium.of(7)), (1, 1, 2));
        // n = 20: ceil(0.2) = 1, ceil(1) = 1, ceil(4) = 4.
        assert_eq!((top.of(20), big.of(20), medium.of(20)), (1, 1, 4));
        // n = 100: exactly 1, 5, 20 (floating point would give 0.07 * 100 = 7.000000000000001).
        assert_eq!((top.of(100), big.of(100), medium.of(100)), (1, 5, 20));
        assert_eq!(BasisPoints(700).of(100), 7);
        // n = 101: ceil(1.01) = 2, ceil(5.05) = 6, ceil(20.2) = 21.
        assert_eq!((top.of(101), big.of(101), medium.of(101)), (2, 6, 21));
        assert_eq!(top.of(0), 0);
        assert_eq!(BasisPoints(20_000).of(3), 3);
    }

    #[test]
    fn ranks_ties_by_id_bytes() {
        let mut b = LedgerBuilder::new(Columns::default());
        let d = Day::from_ymd(2024, 1, 1).unwrap_or(Day::from_number(0));
        // Interned in the order b, B, a; byte order is "B" < "a" < "b".
        let ids: Vec<CustomerId> =
            ["b", "B", "a"].iter().map(|k| b.push(k, d, Money::from_cents(5), &LineExtras::default())).collect();
        let ledger = b.finish();
        let order = id_byte_order(&ledger);
        assert_eq!(order, vec![2, 0, 1]);
        let mut ranked = ids.clone();
        rank_by_revenue(&mut ranked, |_| Money::from_cents(5), &order);
        assert_eq!(ranked, vec![ids[1], ids[2], ids[0]]);
        rank_by_revenue(&mut ranked, |c| Money::from_cents(if c == ids[0] { 9 } else { 5 }), &order);
        assert_eq!(ranked, vec![ids[0], ids[1], ids[2]]);
    }

    #[test]
    fn medians() {
        let m = |v: &[i64]| median(&mut v.iter().map(|&c| Money::from_cents(c)).collect::<Vec<_>>()).map(Money::cents);
        assert_eq!(m(&[]), None);
        assert_eq!(m(&[7]), Some(7));
        assert_eq!(m(&[9, 1, 5]), Some(5));
        // (4 + 7) / 2 = 5.5 cents, half up to 6.
        assert_eq!(m(&[10, 4, 7, 1]), Some(6));
        assert_eq!(m(&[-3, -4]), Some(-3));
    }

    #[test]
    fn quintiles_share_ties() {
        // Ten distinct values: r = the value's position, ceil(5 r / 10) = ceil(r / 2): two per quintile.
        assert_eq!(quintile_scores(&[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), vec![5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
        // Six customers buy once, two twice, one 3 and one 9 times. r = how many values are at most
        // the customer's: ones 6 → ceil(30 / 10) = 3; twos 8 → 4; 3 → 9 → ceil(4.5) = 5; 9 → 10 → 5.
        assert_eq!(quintile_scores(&[1, 1, 1, 1, 1, 1, 2, 2, 3, 9]), vec![3, 3, 3, 3, 3, 3, 4, 4, 5, 5]);
        // Two tied at the best value: r = 2 for both, ceil(10 / 2) = 5 (not ceil(5 / 2) = 3).
        assert_eq!(quintile_scores(&[7, 7]), vec![5, 5]);
        // A tie in the middle of five: 1 → r 1 → 1; the three 2s → r 4 → 4; 4 → r 5 → 5.
        assert_eq!(quintile_scores(&[2, 1, 4, 2, 2]), vec![4, 1, 5, 4, 4]);
        assert_eq!(quintile_scores(&[42]), vec![5]);
        assert!(quintile_scores(&[]).is_empty());
    }
}
