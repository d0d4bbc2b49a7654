//! The import summary: what a user checks first after loading a ledger.

use super::date::Day;
use super::ledger::{named, Attribute, Ledger};
use super::money::Money;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub lines: usize,
    pub customers: usize,
    /// Distinct products, when the ledger has a product column.
    pub products: Option<usize>,
    pub first_day: Option<Day>,
    pub last_day: Option<Day>,
    /// Sum of all amounts (credit notes included).
    pub revenue: Money,
    /// Lines with a negative amount, and their total.
    pub credit_notes: usize,
    pub credited: Money,
}

impl Summary {
    pub fn of(ledger: &Ledger) -> Summary {
        let (first_day, last_day) = ledger.date_range().unzip();
        let credits = ledger.amounts().iter().filter(|a| a.cents() < 0);
        Summary {
            lines: ledger.len(),
            customers: ledger.customer_count(),
            products: ledger.attribute(Attribute::Product).map(|c| c.values().keys().filter_map(named).count()),
            first_day,
            last_day,
            // Within 2^61 cents: the ledger limit (money.rs) bounds the absolute amounts' sum.
            revenue: ledger.amounts().iter().copied().sum(),
            credit_notes: credits.clone().count(),
            credited: credits.copied().sum(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};

    #[test]
    fn counts_credit_notes_and_sums_exactly() {
        let mut b = LedgerBuilder::new(Columns::default());
        let d = |m| Day::from_ymd(2024, m, 1).unwrap();
        let none = LineExtras::default();
        b.push("A", d(3), Money::from_cents(10_000), &none);
        b.push("A", d(1), Money::from_cents(-2_500), &none);
        b.push("B", d(7), Money::from_cents(333), &none);
        let s = Summary::of(&b.finish());
        assert_eq!(s.lines, 3);
        assert_eq!(s.customers, 2);
        assert_eq!(s.products, None);
        assert_eq!((s.first_day, s.last_day), (Some(d(1)), Some(d(7))));
        assert_eq!(s.revenue, Money::from_cents(7_833));
        assert_eq!((s.credit_notes, s.credited), (1, Money::from_cents(-2_500)));
    }

    #[test]
    fn a_blank_product_is_no_product() {
        let mut b = LedgerBuilder::new(Columns { attributes: vec![Attribute::Product], ..Columns::default() });
        for product in ["P1", "", "P1", "P2"] {
            b.push(
                "A",
                Day::from_number(0),
                Money::from_cents(1),
                &LineExtras { attributes: &[product], ..LineExtras::default() },
            );
        }
        // P1 and P2; the blank line has no product.
        assert_eq!(Summary::of(&b.finish()).products, Some(2));
    }
}
