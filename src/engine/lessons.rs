//! The method's lessons for a ledger (issue 13), for the Overview: how much of revenue the top
//! 20 % bring (Concentration), where revenue and customers sit by pyramid level (Pyramid), and
//! what developing 2 % of the customer base would add: the Big and Medium customers with the
//! most white space, valued as on Customer Views. Each figure is the one its page shows, from the
//! same code. The lessons that need cost pools (profit of the top 20 %, loss-makers, cost to
//! serve by level) come from profitability. docs/method-notes.md.

use super::concentration::Concentration;
use super::ledger::CustomerId;
use super::money::Money;
use super::period::Period;
use super::pyramid::{Level, LevelRow, Outside, Pyramid};
use super::revenue::RevenueTable;
use super::session::analysis::{Analysis, Context, CustomerRef, EmptyReason, Selection};
use super::stats::{ranked_order, BasisPoints};
use super::views::{CustomerViews, WhiteSpace};
use serde::{Deserialize, Serialize};

/// The share of the active customers the development lesson picks: 2 %, at least one.
pub const DEVELOP_SHARE: BasisPoints = BasisPoints(200);

/// What the Overview asks: the lessons of the latest period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonsRequest {
    pub selection: Selection,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lessons {
    pub period: Period,
    pub active_customers: usize,
    /// `k(0.20)` of the active customers, their share of them and of revenue (as on Concentration).
    pub top_customers: usize,
    pub top20_customer_share: f64,
    pub top20_revenue_share: f64,
    /// Top, Big, Medium and Small: customers and revenue, with their shares (as on the Pyramid).
    pub levels: Vec<LevelRow>,
    /// The development lesson, or why there is none (no product-group column).
    pub development: Result<Development, EmptyReason>,
}

/// What developing 2 % of the customer base would add.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Development {
    /// `k(0.02)` of the active customers, at least one: how many the lesson picks.
    pub target: usize,
    /// The Big and Medium customers with the most white space, most first (ties: customer id in
    /// byte order); fewer than `target` when fewer have any.
    pub customers: Vec<Developable>,
    /// Their white space added up.
    pub value: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Developable {
    pub customer: CustomerRef,
    pub level: Level,
    /// The estimated values of the customer's white space (Customer Views), summed.
    pub white_space: Money,
}

impl Analysis for LessonsRequest {
    type View = Lessons;

    fn answer(self, context: &mut Context) -> Result<Lessons, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        let levels = prepared.active_levels_of(None)?;
        let concentration = Concentration::of(&prepared.table, levels);
        let mut pyramid = Pyramid::of(&prepared.table, levels, Outside::default());
        pyramid.levels.retain(|row| row.level.is_active());
        let ledger = context.ledger;
        let development = prepared.groups(ledger).ok_or(EmptyReason::NoProductGroupColumn).map(|groups| {
            let views = CustomerViews::of(&prepared.table, levels, groups, None);
            let target = DEVELOP_SHARE.of(levels.ranked().len()).max(1);
            let customers: Vec<Developable> = developable(&prepared.table, &views.white_space)
                .into_iter()
                .take(target)
                .map(|(id, level, white_space)| Developable {
                    customer: CustomerRef::of(ledger, id),
                    level,
                    white_space,
                })
                .collect();
            Development { target, value: customers.iter().map(|c| c.white_space).sum(), customers }
        });
        Ok(Lessons {
            period: concentration.period,
            active_customers: concentration.active_customers,
            top_customers: concentration.top_customers,
            top20_customer_share: concentration.top20_customer_share,
            top20_revenue_share: concentration.top20_revenue_share,
            levels: pyramid.levels,
            development,
        })
    }
}

/// The Big and Medium customers' white space, summed per customer, most first (ties: id order).
fn developable(table: &RevenueTable, white_space: &[WhiteSpace]) -> Vec<(CustomerId, Level, Money)> {
    let mut sums: Vec<(CustomerId, Level, Money)> = Vec::new();
    for w in white_space.iter().filter(|w| matches!(w.level, Level::Big | Level::Medium)) {
        match sums.iter_mut().find(|(c, _, _)| *c == w.customer) {
            // A customer's estimates are medians of distinct groups' revenues in one period: their
            // sum is within the ledger limit (money.rs).
            Some((_, _, sum)) => *sum += w.estimated_value,
            None => sums.push((w.customer, w.level, w.estimated_value)),
        }
    }
    let id_order = table.id_order();
    sums.sort_by(|a, b| ranked_order((a.2, a.0), (b.2, b.0), id_order));
    sums
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ledger::Ledger;
    use crate::engine::pyramid::CutOffs;
    use crate::engine::session::analysis::{AnalysisCache, AnalysisRequest, AnalysisResponse};

    fn ledger_from(csv: &str) -> Ledger {
        let options = crate::engine::import::ImportOptions::default();
        let imported = crate::engine::import::import_bytes("ledger.csv", csv.as_bytes(), &options, &mut |_| true);
        imported.map(|i| i.ledger).unwrap_or_default()
    }

    fn lessons(ledger: &Ledger, selection: Selection) -> Lessons {
        let request = AnalysisRequest::Lessons(LessonsRequest { selection });
        let AnalysisResponse::Lessons(lessons) = AnalysisCache::default().answer(ledger, request) else {
            panic!("no lessons")
        };
        lessons
    }

    /// 2024: A X 1000; B X 500 + Y 300; C X 600; D X 200 + Y 200; E Y 300; F X 250; and 54 small
    /// customers S01..S54 buying Z for 1.00 each: 60 active customers.
    fn ledger() -> Ledger {
        let mut csv = String::from("customer,date,amount,product group\n");
        for (customer, group, amount) in [
            ("A", "X", 1000),
            ("B", "X", 500),
            ("B", "Y", 300),
            ("C", "X", 600),
            ("D", "X", 200),
            ("D", "Y", 200),
            ("E", "Y", 300),
            ("F", "X", 250),
        ] {
            csv += &format!("{customer},2024-03-01,{amount}.00,{group}\n");
        }
        for s in 1..=54 {
            csv += &format!("S{s:02},2024-04-01,1.00,Z\n");
        }
        ledger_from(&csv)
    }

    #[test]
    fn the_lessons_of_a_hand_worked_ledger() {
        // Cut-offs 1 / 5 / 10 % of n = 60: Top k = ceil(0.6) = 1 (A), Big up to ceil(3) = 3 (B, C),
        // Medium up to ceil(6) = 6 (D, E, F), Small the 54 S customers.
        let cut_offs = CutOffs { top: BasisPoints(100), big: BasisPoints(500), medium: BasisPoints(1_000) };
        let l = lessons(&ledger(), Selection { cut_offs, ..Selection::default() });
        assert_eq!((l.period, l.active_customers), (Period::starting_in(2024), 60));
        // Top 20 %: k = 12, A..F (3,350.00) and six S (6.00) of a total 3,350 + 54 = 3,404.00.
        assert_eq!((l.top_customers, l.top20_customer_share, l.top20_revenue_share), (12, 0.2, 3356.0 / 3404.0));
        let rows: Vec<(Level, usize, i64)> =
            l.levels.iter().map(|r| (r.level, r.customers, r.revenue.cents())).collect();
        assert_eq!(
            rows,
            vec![
                (Level::Top, 1, 100_000),
                (Level::Big, 2, 140_000),
                (Level::Medium, 3, 95_000),
                (Level::Small, 54, 5_400)
            ]
        );
        assert_eq!(l.levels[1].revenue_share, Some(1400.0 / 3404.0));
        // White space (a group bought by at least 25 % of the level, valued at the median of its
        // buyers there): Big B, C: Y bought by B alone (50 %), so C lacks Y worth 300.00. Medium
        // D, E, F: X bought by D 200 and F 250 (median 225.00), lacked by E; Y by D 200 and E 300
        // (median 250.00), lacked by F. So C 300, F 250, E 225. k(2 %) of 60 = ceil(1.2) = 2:
        // C and F, 550.00.
        let Ok(d) = l.development else { panic!("no development") };
        let picked: Vec<(&str, Level, i64)> =
            d.customers.iter().map(|c| (c.customer.key.as_str(), c.level, c.white_space.cents())).collect();
        assert_eq!(picked, vec![("C", Level::Big, 30_000), ("F", Level::Medium, 25_000)]);
        assert_eq!((d.target, d.value.cents()), (2, 55_000));
    }

    #[test]
    fn at_least_one_customer_and_no_lesson_without_product_groups() {
        // Default cut-offs on the same 60: Top 1 (A), Big up to 3 (B, C), Medium up to 12: D, E, F
        // and six S customers (tied at 1.00: S01..S06 by id). Medium now: X bought by D, F (2 of 9
        // = 22 %) and Y by D, E (22 %), both below 25 %: no white space; Z by the six S (67 %):
        // D, E and F lack it, worth the median 1.00 each. Big: C lacks Y, 300.00 as before.
        // k = 2: C, then D (1.00; the tie with E and F broken by id).
        let l = lessons(&ledger(), Selection::default());
        let Ok(d) = l.development else { panic!("no development") };
        let picked: Vec<(&str, i64)> =
            d.customers.iter().map(|c| (c.customer.key.as_str(), c.white_space.cents())).collect();
        assert_eq!((picked, d.value.cents()), (vec![("C", 30_000), ("D", 100)], 30_100));
        // Three customers: k(2 %) = ceil(0.06) = 1, at least one. No product group column: no lesson.
        let small = ledger_from("customer,date,amount\nA,2024-01-01,10.00\nB,2024-01-01,5.00\nC,2024-01-01,1.00\n");
        let l = lessons(&small, Selection::default());
        assert_eq!(l.development, Err(EmptyReason::NoProductGroupColumn));
        assert_eq!(l.top_customers, 1);
        let three = ledger_from(
            "customer,date,amount,product group\nA,2024-01-01,10.00,X\nB,2024-01-01,5.00,X\nB,2024-01-01,5.00,Y\nC,2024-01-01,1.00,X\n",
        );
        // n = 3, default cut-offs: Top 1 (A: 10), Big up to ceil(0.15) = 1: none, Medium up to
        // ceil(0.6) = 1: none. No Big or Medium customer: the lesson picks nobody, worth 0.
        let Ok(d) = lessons(&three, Selection::default()).development else { panic!("no development") };
        assert_eq!((d.target, d.customers.len(), d.value), (1, 0, Money::ZERO));
    }
}
