//! Customer flows between two consecutive periods (method.md §3): start, new, regained, lost,
//! retained and end, with end = start - lost + new + regained by construction.

use super::period::Period;
use super::pyramid::{Level, Levels};
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pyramid::tests::random_lines;
    use crate::engine::pyramid::CutOffs;
    use crate::engine::revenue::tests::table_of;
    use proptest::prelude::*;

    #[test]
    fn a_customer_returning_after_two_empty_years_is_regained() {
        let (_, table) = table_of(&[
            ("R", (2020, 5, 1), 1_000), // active 2020, nothing in 2021 and 2022, back in 2023
            ("R", (2023, 5, 1), 500),
            ("S", (2020, 1, 1), 100), // active every year
            ("S", (2021, 1, 1), 100),
            ("S", (2022, 1, 1), 100),
            ("S", (2023, 1, 1), 100),
            ("N", (2023, 1, 1), 900), // new in 2023
            ("L", (2022, 1, 1), 900), // new in 2022, lost in 2023
        ]);
        let history = Levels::every_period(&table, CutOffs::default());
        let flows = Flows::every_period(&history);
        let years: Vec<i32> = flows.iter().map(|f| f.period.label_year()).collect();
        assert_eq!(years, vec![2021, 2022, 2023]);
        // 2021: start {R, S}; R lost; end {S}.
        assert_eq!((flows[0].start, flows[0].lost, flows[0].retained, flows[0].new, flows[0].regained, flows[0].end), (2, 1, 1, 0, 0, 1));
        // 2022: start {S}; L new; end {S, L}.
        assert_eq!((flows[1].start, flows[1].lost, flows[1].retained, flows[1].new, flows[1].regained, flows[1].end), (1, 0, 1, 1, 0, 2));
        // 2023: start {S, L}; L lost, S retained, N new, R regained; end {S, N, R}.
        assert_eq!((flows[2].start, flows[2].lost, flows[2].retained, flows[2].new, flows[2].regained, flows[2].end), (2, 1, 1, 1, 1, 3));
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
        fn end_is_start_minus_lost_plus_new_plus_regained(lines in random_lines()) {
            let (_, table) = table_of(&lines);
            let history = Levels::every_period(&table, CutOffs::default());
            for (flows, pair) in Flows::every_period(&history).iter().zip(history.windows(2)) {
                prop_assert_eq!(flows.end + flows.lost, flows.start + flows.new + flows.regained);
                prop_assert_eq!(flows.start, pair[0].ranked().len());
                prop_assert_eq!(flows.end, pair[1].ranked().len());
            }
        }
    }
}
