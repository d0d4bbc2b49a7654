//! The migration matrix (method.md §4): where the customers of P-1 stand in P, with revenue in
//! both periods and the customer list of every cell.

use super::ledger::CustomerId;
use super::money::Money;
use super::period::Period;
use super::pyramid::{Level, Levels};
use super::revenue::RevenueTable;
use super::session::analysis::{Analysis, Context, CustomerList, CustomerRef, EmptyReason, Selection};
use super::stats::rank_by_revenue;
use serde::{Deserialize, Serialize};

/// The row states: a level in P-1, or `None` for customers never active before P.
pub const FROM: [Option<Level>; 6] =
    [Some(Level::Top), Some(Level::Big), Some(Level::Medium), Some(Level::Small), Some(Level::Inactive), None];

/// The name of a row state as the JSON contract spells it.
pub fn state_name(state: Option<Level>) -> &'static str {
    state.map_or("none", Level::name)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MigrationCell {
    pub from: Option<Level>,
    pub to: Level,
    pub customers: usize,
    pub revenue_from: Money,
    pub revenue_to: Money,
    /// The cell's customers, highest revenue in P first (ties by id bytes).
    pub customer_list: Vec<CustomerId>,
}

/// Direction of a move: up the pyramid means towards Top; inactive sits below Small and "none"
/// below inactive, so new and regained customers move up and lost ones move down.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Movement {
    Upward,
    Stable,
    Downward,
}

impl Movement {
    pub fn of(from: Option<Level>, to: Level) -> Movement {
        let height = |state: Option<Level>| state.map_or(Level::ALL.len(), |l| l as usize);
        match height(Some(to)).cmp(&height(from)) {
            std::cmp::Ordering::Less => Movement::Upward,
            std::cmp::Ordering::Equal => Movement::Stable,
            std::cmp::Ordering::Greater => Movement::Downward,
        }
    }
}

/// Customers and revenue of all cells moving one way; `revenue_to - revenue_from` is the revenue
/// gained (or, if negative, lost) by that movement.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveTotals {
    pub customers: usize,
    pub revenue_from: Money,
    pub revenue_to: Money,
}

impl MoveTotals {
    pub fn change(&self) -> Money {
        // Sums over two periods' distinct lines: together within 2^61 cents (ledger limit, money.rs).
        self.revenue_to - self.revenue_from
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Migration {
    /// The later period P.
    pub period: Period,
    /// Every possible cell (29: none→inactive cannot happen), rows in `FROM` order, columns
    /// top..inactive; empty cells included so the matrix is always complete.
    pub cells: Vec<MigrationCell>,
    pub upward: MoveTotals,
    pub stable: MoveTotals,
    pub downward: MoveTotals,
}

impl Migration {
    /// `None` unless `earlier` is the period just before `later`.
    pub fn between(table: &RevenueTable, earlier: &Levels, later: &Levels) -> Option<Migration> {
        if earlier.period() != later.period().previous() {
            return None;
        }
        let (p0, p1) = (earlier.period_index(), later.period_index());
        let mut cells: Vec<MigrationCell> = FROM
            .iter()
            .flat_map(|&from| Level::ALL.iter().map(move |&to| (from, to)))
            .filter(|&(from, to)| !(from.is_none() && to == Level::Inactive))
            .map(|(from, to)| MigrationCell {
                from,
                to,
                customers: 0,
                revenue_from: Money::ZERO,
                revenue_to: Money::ZERO,
                customer_list: Vec::new(),
            })
            .collect();
        for customer in (0..later.customer_count()).map(CustomerId::from_index) {
            let Some(to) = later.level(customer) else { continue };
            let from = earlier.level(customer);
            if let Some(cell) = cells.iter_mut().find(|c| c.from == from && c.to == to) {
                cell.customers += 1;
                cell.revenue_from += table.revenue_of(customer, p0);
                cell.revenue_to += table.revenue_of(customer, p1);
                cell.customer_list.push(customer);
            }
        }
        let mut migration = Migration {
            period: later.period(),
            cells,
            upward: MoveTotals::default(),
            stable: MoveTotals::default(),
            downward: MoveTotals::default(),
        };
        for cell in &mut migration.cells {
            rank_by_revenue(&mut cell.customer_list, |c| table.revenue_of(c, p1), table.id_order());
            let totals = match Movement::of(cell.from, cell.to) {
                Movement::Upward => &mut migration.upward,
                Movement::Stable => &mut migration.stable,
                Movement::Downward => &mut migration.downward,
            };
            totals.customers += cell.customers;
            totals.revenue_from += cell.revenue_from;
            totals.revenue_to += cell.revenue_to;
        }
        Some(migration)
    }

    /// Migration into every period whose previous period is in the data, without the cells'
    /// customer lists: kept for every period they would hold every customer who ever bought
    /// once per period, hundreds of times over for a ledger with one far-off date.
    pub fn every_period(table: &RevenueTable, history: &[Levels]) -> Vec<Migration> {
        let without_lists = |mut m: Migration| {
            m.cells.iter_mut().for_each(|cell| cell.customer_list = Vec::new());
            m
        };
        history.windows(2).filter_map(|w| Migration::between(table, &w[0], &w[1])).map(without_lists).collect()
    }

    pub fn cell(&self, from: Option<Level>, to: Level) -> Option<&MigrationCell> {
        self.cells.iter().find(|c| c.from == from && c.to == to)
    }
}

/// What the Migration page asks: the matrix from the period before `period` to `period` (the
/// latest when `None`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MigrationRequest {
    pub selection: Selection,
    pub period: Option<Period>,
}

/// The customers of one migration cell, ranked by revenue in `period`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MigrationCellRequest {
    pub selection: Selection,
    pub period: Option<Period>,
    pub from: Option<Level>,
    pub to: Level,
}

/// One migration cell without its customers (those come with `MigrationCellRequest`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellSummary {
    pub from: Option<Level>,
    pub to: Level,
    pub movement: Movement,
    pub customers: usize,
    pub revenue_from: Money,
    pub revenue_to: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MigrationSummary {
    /// The later period; the matrix runs from `period.previous()`.
    pub period: Period,
    /// Every cell (method-notes: all 29), from-major in `FROM` order.
    pub cells: Vec<CellSummary>,
    pub upward: MoveTotals,
    pub stable: MoveTotals,
    pub downward: MoveTotals,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MovedCustomer {
    pub customer: CustomerRef,
    pub revenue_from: Money,
    pub revenue_to: Money,
}

impl MigrationSummary {
    fn of(migration: &Migration) -> MigrationSummary {
        let cells = migration
            .cells
            .iter()
            .map(|c| CellSummary {
                from: c.from,
                to: c.to,
                movement: Movement::of(c.from, c.to),
                customers: c.customers,
                revenue_from: c.revenue_from,
                revenue_to: c.revenue_to,
            })
            .collect();
        MigrationSummary {
            period: migration.period,
            cells,
            upward: migration.upward,
            stable: migration.stable,
            downward: migration.downward,
        }
    }
}

impl Analysis for MigrationRequest {
    type View = MigrationSummary;

    /// Empty when neither period has an active customer.
    fn answer(self, context: &mut Context) -> Result<MigrationSummary, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        let migration = prepared.migration(self.period)?;
        if migration.cells.iter().all(|c| c.customers == 0) {
            return Err(EmptyReason::NoActiveCustomers);
        }
        Ok(MigrationSummary::of(migration))
    }
}

impl Analysis for MigrationCellRequest {
    /// Empty when the cell (or its pair of periods) holds no customer.
    type View = CustomerList<MovedCustomer>;

    /// From the period's migration kept in `Prepared`: opening a cell rebuilds no matrix.
    fn answer(self, context: &mut Context) -> Result<CustomerList<MovedCustomer>, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        let ledger = context.ledger;
        let (Ok(migration), Ok((earlier, later))) = (prepared.migration(self.period), prepared.pair_of(self.period))
        else {
            return Ok(CustomerList::empty());
        };
        let customers = migration.cell(self.from, self.to).map_or(&[][..], |c| &c.customer_list[..]);
        let table = &prepared.table;
        Ok(CustomerList::of(customers.iter().map(|&c| MovedCustomer {
            customer: CustomerRef::of(ledger, c),
            revenue_from: table.revenue_of(c, earlier.period_index()),
            revenue_to: table.revenue_of(c, later.period_index()),
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pyramid::tests::random_lines;
    use crate::engine::pyramid::{CutOffs, Outside, Pyramid};
    use crate::engine::revenue::tests::table_of;
    use proptest::prelude::*;

    #[test]
    fn moves_between_levels_and_from_inactive() {
        // 2020: five customers ranked A 5000, B 4000, C 3000, D 2000, E 1000; n = 5 gives
        // k(1%) = k(5%) = k(20%) = 1: A is Top, the rest Small.
        let (ledger, table) = table_of(&[
            ("A", (2020, 1, 1), 5_000),
            ("B", (2020, 1, 1), 4_000),
            ("C", (2020, 1, 1), 3_000),
            ("D", (2020, 1, 1), 2_000),
            ("E", (2020, 1, 1), 1_000),
            // 2021: B grows to the top, C stays small, A drops out, N is new; D and E are lost.
            ("B", (2021, 1, 1), 9_000),
            ("C", (2021, 1, 1), 2_500),
            ("N", (2021, 1, 1), 1_500),
        ]);
        let history = Levels::every_period(&table, CutOffs::default());
        let m = Migration::between(&table, &history[0], &history[1]).unwrap();
        assert_eq!(m.cells.len(), 29);
        let cell =
            |from, to| m.cell(from, to).map(|c| (c.customers, c.revenue_from.cents(), c.revenue_to.cents())).unwrap();
        // 2021: n = 3 (B 9000, C 2500, N 1500): B Top, C and N Small.
        assert_eq!(cell(Some(Level::Top), Level::Inactive), (1, 5_000, 0)); // A
        assert_eq!(cell(Some(Level::Small), Level::Top), (1, 4_000, 9_000)); // B
        assert_eq!(cell(Some(Level::Small), Level::Small), (1, 3_000, 2_500)); // C
        assert_eq!(cell(Some(Level::Small), Level::Inactive), (2, 3_000, 0)); // D, E
        assert_eq!(cell(None, Level::Small), (1, 0, 1_500)); // N
        let d = ledger.customer_by_key("D").unwrap();
        let e = ledger.customer_by_key("E").unwrap();
        // Both have revenue 0 in 2021: the tie goes to the id bytes.
        assert_eq!(m.cell(Some(Level::Small), Level::Inactive).map(|c| c.customer_list.clone()), Some(vec![d, e]));
        // Up: B and N; stable: C; down: A, D, E.
        assert_eq!(
            (m.upward.customers, m.upward.revenue_from.cents(), m.upward.revenue_to.cents()),
            (2, 4_000, 10_500)
        );
        assert_eq!((m.stable.customers, m.stable.change().cents()), (1, -500));
        assert_eq!(
            (m.downward.customers, m.downward.revenue_from.cents(), m.downward.revenue_to.cents()),
            (3, 8_000, 0)
        );
    }

    #[test]
    fn a_customer_back_after_two_empty_years_migrates_from_inactive() {
        let (ledger, table) = table_of(&[
            ("R", (2020, 1, 1), 700),
            ("S", (2020, 1, 1), 100),
            ("S", (2023, 1, 1), 100),
            ("R", (2023, 1, 1), 300),
        ]);
        let history = Levels::every_period(&table, CutOffs::default());
        let r = ledger.customer_by_key("R").unwrap();
        // R is inactive in 2021 and 2022 (row inactive→inactive in 2022), then inactive→top in 2023.
        let m2022 = Migration::between(&table, &history[1], &history[2]).unwrap();
        assert_eq!(m2022.cell(Some(Level::Inactive), Level::Inactive).map(|c| c.customers), Some(2));
        let m2023 = Migration::between(&table, &history[2], &history[3]).unwrap();
        assert_eq!(
            m2023.cell(Some(Level::Inactive), Level::Top).map(|c| (c.customer_list.clone(), c.revenue_to.cents())),
            Some((vec![r], 300))
        );
        assert_eq!(m2023.upward.customers, 2);
    }

    proptest! {
        #[test]
        fn rows_add_up_to_the_earlier_pyramid(lines in random_lines()) {
            let (_, table) = table_of(&lines);
            let history = Levels::every_period(&table, CutOffs::default());
            for (m, pair) in Migration::every_period(&table, &history).iter().zip(history.windows(2)) {
                let pyramid = Pyramid::of(&table, &pair[0], Outside::default());
                for row in &pyramid.levels {
                    let cells = m.cells.iter().filter(|c| c.from == Some(row.level));
                    let (customers, revenue) = cells.fold((0, Money::ZERO), |(n, r), c| (n + c.customers, r + c.revenue_from));
                    prop_assert_eq!((customers, revenue), (row.customers, row.revenue));
                }
                prop_assert!(m.cell(None, Level::Inactive).is_none());
                prop_assert!(m.cells.iter().all(|c| c.customer_list.is_empty()), "every_period keeps no customer lists");
                let later = Pyramid::of(&table, &pair[1], Outside::default());
                for column in &later.levels {
                    let cells = m.cells.iter().filter(|c| c.to == column.level);
                    let (customers, revenue) = cells.fold((0, Money::ZERO), |(n, r), c| (n + c.customers, r + c.revenue_to));
                    prop_assert_eq!((customers, revenue), (column.customers, column.revenue));
                }
            }
        }
    }
}
