//! Cohorts: customers grouped by the period of their first purchase (first period with
//! revenue > 0 in the scope), followed through every later period.

use super::ledger::CustomerId;
use super::money::Money;
use super::period::Period;
use super::revenue::RevenueTable;
use super::session::analysis::{Analysis, Context, EmptyReason, Selection};
use super::stats::share;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CohortPeriod {
    pub period: Period,
    /// Cohort members active (revenue > 0) in this period.
    pub active: usize,
    /// `active / cohort size`.
    pub retention: f64,
    /// Sum of the members' revenue in this period (credit notes included).
    pub revenue: Money,
    /// `revenue / first-period revenue`.
    pub revenue_retention: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    pub first_period: Period,
    pub customers: usize,
    /// From the first period (retention 1) to the last period of the data.
    pub periods: Vec<CohortPeriod>,
}

/// Every cohort, oldest first; periods in which nobody started have no cohort. The first
/// period's cohort holds every customer already buying when the data starts.
pub fn cohorts(table: &RevenueTable) -> Vec<Cohort> {
    let periods = table.periods();
    let mut members: Vec<Vec<CustomerId>> = vec![Vec::new(); periods.len()];
    for customer in (0..table.customer_count()).map(CustomerId::from_index) {
        if let Some(first) = table.first_active(customer) {
            members[first].push(customer);
        }
    }
    members
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(first, m)| {
            // Distinct members' lines of one period: within 2^61 cents by the ledger limit (money.rs).
            let revenue_in = |p: usize| -> Money { m.iter().map(|&c| table.revenue_of(c, p)).sum() };
            let first_revenue = revenue_in(first);
            let later = (first..periods.len()).map(|p| {
                // A period without lines has no active member and no revenue: not worth a visit.
                let (active, revenue) = match table.holds_data(p) {
                    true => (m.iter().filter(|&&c| table.revenue_of(c, p).is_positive()).count(), revenue_in(p)),
                    false => (0, Money::ZERO),
                };
                CohortPeriod {
                    period: periods[p],
                    active,
                    retention: share(active as i64, m.len() as i64).unwrap_or(0.0),
                    revenue,
                    // The first-period revenue is positive: every member was active then.
                    revenue_retention: share(revenue.cents(), first_revenue.cents()).unwrap_or(0.0),
                }
            });
            Cohort { first_period: periods[first], customers: m.len(), periods: later.collect() }
        })
        .collect()
}

/// What the Cohorts page asks: every cohort of the selection.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CohortsRequest {
    pub selection: Selection,
}

impl Analysis for CohortsRequest {
    /// Never empty.
    type View = Vec<Cohort>;

    fn answer(self, context: &mut Context) -> Result<Vec<Cohort>, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        prepared.levels_of(None)?;
        let all = cohorts(&prepared.table);
        if all.is_empty() {
            return Err(EmptyReason::NoActiveCustomers);
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::revenue::tests::table_of;

    #[test]
    fn retention_and_revenue_retention() {
        let (_, table) = table_of(&[
            ("A", (2021, 1, 1), 1_000),
            ("B", (2021, 1, 1), 3_000),
            ("A", (2022, 1, 1), 2_000),
            ("B", (2022, 1, 1), -500), // credit note in 2022: B inactive, revenue counts
            ("B", (2023, 1, 1), 1_000),
            ("C", (2023, 1, 1), 700),
            ("D", (2022, 1, 1), -100), // never active: in no cohort
        ]);
        let all = cohorts(&table);
        assert_eq!(
            all.iter().map(|c| (c.first_period.label_year(), c.customers)).collect::<Vec<_>>(),
            vec![(2021, 2), (2023, 1)]
        );
        let first = &all[0];
        // 2021: both active, 4000. 2022: A only, 2000 - 500 = 1500. 2023: B only, 1000.
        let cells: Vec<(usize, f64, i64, f64)> =
            first.periods.iter().map(|p| (p.active, p.retention, p.revenue.cents(), p.revenue_retention)).collect();
        assert_eq!(cells, vec![(2, 1.0, 4_000, 1.0), (1, 0.5, 1_500, 0.375), (1, 0.5, 1_000, 0.25)]);
        assert_eq!(all[1].periods.len(), 1);
        let (_, empty) = table_of(&[]);
        assert!(cohorts(&empty).is_empty());
    }
}
