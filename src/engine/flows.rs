//! Customer flows between two consecutive periods (method.md §3): start, new, regained, lost,
//! retained and end, with end = start - lost + new + regained by construction.

use super::period::Period;
use super::pyramid::{Level, Levels};
use super::session::analysis::{Analysis, Context, EmptyReason, Selection};
use serde::{Deserialize, Serialize};

/// What happened to one customer between P-1 and P.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowStatus {
    /// Active in P, never active before P.
    New,
    /// Active in P, not in P-1, active in some period before P-1.
    Regained,
    /// Active in P-1 and in P.
    Retained,
    /// Active in P-1, not in P.
    Lost,
}

impl FlowStatus {
    /// From the customer's level in P-1 and in P; `None` when the customer is in neither.
    pub fn of(earlier: Option<Level>, later: Option<Level>) -> Option<FlowStatus> {
        let was_active = earlier.is_some_and(Level::is_active);
        let is_active = later.is_some_and(Level::is_active);
        match (was_active, is_active, earlier) {
            (true, true, _) => Some(FlowStatus::Retained),
            (true, false, _) => Some(FlowStatus::Lost),
            (false, true, None) => Some(FlowStatus::New),
            (false, true, Some(_)) => Some(FlowStatus::Regained),
            (false, false, _) => None,
        }
    }
}

/// Flows into the period `period` from the one before it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flows {
    pub period: Period,
    pub start: usize,
    pub new: usize,
    pub regained: usize,
    pub lost: usize,
    pub retained: usize,
    pub end: usize,
}

impl Flows {
    /// `None` unless `earlier` is the period just before `later`.
    pub fn between(earlier: &Levels, later: &Levels) -> Option<Flows> {
        if earlier.period() != later.period().previous() {
            return None;
        }
        let mut flows = Flows { period: later.period(), start: 0, new: 0, regained: 0, lost: 0, retained: 0, end: 0 };
        // Every status needs activity in P-1 or P, so only those customers are visited: a
        // ledger's hundreds of empty periods cost nothing.
        let was_active = earlier.ranked().iter().filter(|&&c| !later.is_active(c));
        for &customer in was_active.chain(later.ranked()) {
            match FlowStatus::of(earlier.level(customer), later.level(customer)) {
                Some(FlowStatus::New) => flows.new += 1,
                Some(FlowStatus::Regained) => flows.regained += 1,
                Some(FlowStatus::Retained) => flows.retained += 1,
                Some(FlowStatus::Lost) => flows.lost += 1,
                None => {}
            }
        }
        flows.start = flows.retained + flows.lost;
        flows.end = flows.retained + flows.new + flows.regained;
        Some(flows)
    }

    /// Flows into every period whose previous period is in the data (all but the first).
    pub fn every_period(history: &[Levels]) -> Vec<Flows> {
        history.windows(2).filter_map(|w| Flows::between(&w[0], &w[1])).collect()
    }
}

/// What the Flows page asks: the flows of every period that has a previous period in the data.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FlowsRequest {
    pub selection: Selection,
}

impl Analysis for FlowsRequest {
    /// Never empty.
    type View = Vec<Flows>;

    fn answer(self, context: &mut Context) -> Result<Vec<Flows>, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        prepared.levels_of(None)?;
        let flows = Flows::every_period(&prepared.levels);
        if flows.is_empty() {
            return Err(EmptyReason::NoPreviousPeriod);
        }
        Ok(flows)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::pyramid::tests::random_lines;
    use crate::engine::pyramid::CutOffs;
    use crate::engine::revenue::tests::{table_of, Line};
    use proptest::prelude::*;

    /// Seven customers over 2021-2024 (amounts in cents), with every flow status and the edge
    /// cases of activity: revenue(c, P) > 0, so a year netted to zero or below by credit notes is
    /// not active, and a customer whose first year is a credit note alone is still new later.
    ///
    /// | customer | 2021 | 2022 | 2023 | 2024 |
    /// | S | 100 | 100 | 100 | 100 |
    /// | R | 1000 | - | - | 500 (back after two empty years) |
    /// | C | 400 | 300 - 500 = -200 | 150 | - |
    /// | L | - | 600 | 200 | 50 |
    /// | N | - | - | 250 | 300 - 300 = 0 |
    /// | Z | - | - | -80 (never active) | 90 |
    /// | M | - | - | - | 700 |
    ///
    /// Active: 2021 {S, R, C}; 2022 {S, L}; 2023 {S, L, N, C}; 2024 {S, L, R, M, Z}.
    /// 2022: S retained; R lost, C lost (credited below zero); L new.
    /// 2023: S, L retained; none lost; N new; C regained (active in 2021).
    /// 2024: S, L retained; N lost (credited to zero), C lost; M new, Z new (its 2023 credit
    ///       note made it no customer of 2023 or before); R regained after 2022 and 2023.
    pub(crate) const EVERY_FLOW: [Line; 19] = [
        ("S", (2021, 2, 1), 10_000),
        ("R", (2021, 3, 1), 100_000),
        ("C", (2021, 4, 1), 40_000),
        ("S", (2022, 2, 1), 10_000),
        ("C", (2022, 4, 1), 30_000),
        ("C", (2022, 9, 1), -50_000),
        ("L", (2022, 6, 1), 60_000),
        ("S", (2023, 2, 1), 10_000),
        ("L", (2023, 6, 1), 20_000),
        ("N", (2023, 7, 1), 25_000),
        ("C", (2023, 4, 1), 15_000),
        ("Z", (2023, 11, 1), -8_000),
        ("S", (2024, 2, 1), 10_000),
        ("R", (2024, 3, 1), 50_000),
        ("N", (2024, 7, 1), 30_000),
        ("N", (2024, 10, 1), -30_000),
        ("M", (2024, 5, 1), 70_000),
        ("L", (2024, 6, 1), 5_000),
        ("Z", (2024, 12, 31), 9_000),
    ];

    /// (year, start, retained, lost, new, regained, end) of EVERY_FLOW, from the table above.
    pub(crate) const EVERY_FLOW_COUNTS: [Counts; 3] =
        [(2022, 3, 1, 2, 1, 0, 2), (2023, 2, 2, 0, 1, 1, 4), (2024, 4, 2, 2, 2, 1, 5)];

    pub(crate) type Counts = (i32, usize, usize, usize, usize, usize, usize);

    pub(crate) fn counts(flows: &[Flows]) -> Vec<Counts> {
        flows.iter().map(|f| (f.period.label_year(), f.start, f.retained, f.lost, f.new, f.regained, f.end)).collect()
    }

    #[test]
    fn flows_of_a_hand_worked_ledger() {
        let (ledger, table) = table_of(&EVERY_FLOW);
        let history = Levels::every_period(&table, CutOffs::default());
        assert_eq!(counts(&Flows::every_period(&history)), EVERY_FLOW_COUNTS);
        let status =
            |key| ledger.customer_by_key(key).and_then(|c| FlowStatus::of(history[2].level(c), history[3].level(c)));
        use FlowStatus::{Lost, New, Regained, Retained};
        let expected_2024 =
            [("S", Retained), ("L", Retained), ("N", Lost), ("C", Lost), ("M", New), ("Z", New), ("R", Regained)];
        assert_eq!(expected_2024.map(|(key, _)| (key, status(key))), expected_2024.map(|(key, s)| (key, Some(s))));
    }

    #[test]
    fn no_flows_for_the_first_period_or_one_period() {
        let (_, table) = table_of(&[("A", (2024, 1, 1), 1)]);
        let history = Levels::every_period(&table, CutOffs::default());
        assert!(Flows::every_period(&history).is_empty());
        assert!(Flows::between(&history[0], &history[0]).is_none());
    }

    proptest! {
        #[test]
        /// Start and end are counted from the customers' statuses, the active customers from the
        /// pyramid's ranking: two separate routes to the same number.
        fn start_and_end_are_the_active_customers_of_the_two_periods(lines in random_lines()) {
            let (_, table) = table_of(&lines);
            let history = Levels::every_period(&table, CutOffs::default());
            for (flows, pair) in Flows::every_period(&history).iter().zip(history.windows(2)) {
                prop_assert_eq!(flows.start, pair[0].ranked().len());
                prop_assert_eq!(flows.end, pair[1].ranked().len());
            }
        }
    }
}
