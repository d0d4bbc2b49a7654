//! The customers of a list a page shows, whole: a page draws the first `LIST_LIMIT` rows of a
//! list (or only its count), and an action planned on it is for all of them, so the "add to
//! actions" control asks the engine for the list's keys by what the page lists.

use crate::engine::flows::FlowStatus;
use crate::engine::ledger::CustomerId;
use crate::engine::migration::MigrationCellRequest;
use crate::engine::period::Period;
use crate::engine::profitability::ProfitabilityRequest;
use crate::engine::rfm::RfmRequest;
use crate::engine::session::analysis::{Analysis, Context, EmptyReason, Selection};
use crate::engine::views::CustomerViewsRequest;
use serde::{Deserialize, Serialize};

/// A list of customers as a page shows it, with the page's filters.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Listed {
    /// Flows into `period`: the lost customers (active the period before, not in it), or the
    /// new and regained ones.
    Flow { selection: Selection, period: Period, lost: bool },
    /// One cell of the migration matrix.
    MigrationCell(MigrationCellRequest),
    /// The customers of the RFM page's chosen segment.
    RfmSegment(RfmRequest),
    /// The whale curve's loss-makers (Profitability).
    LossMakers(ProfitabilityRequest),
    /// Customer Views' white space in one product group: the rep's customers without `group`
    /// whose level's peers buy it.
    WhiteSpace { request: CustomerViewsRequest, group: String },
}

/// What the control asks: the keys of a list.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ListedRequest(pub Listed);

/// Every customer of the list, by key, in the page's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedCustomers {
    pub keys: Vec<String>,
}

impl Analysis for ListedRequest {
    type View = ListedCustomers;

    fn answer(self, context: &mut Context) -> Result<ListedCustomers, EmptyReason> {
        let customers = match self.0 {
            Listed::Flow { selection, period, lost } => {
                let prepared = context.prepare(&selection);
                let (earlier, later) = prepared.pair_of(Some(period))?;
                let status = |c: &&CustomerId| FlowStatus::of(earlier.level(**c), later.level(**c));
                if lost {
                    earlier.ranked().iter().filter(|c| status(c) == Some(FlowStatus::Lost)).copied().collect()
                } else {
                    let arrived = |c: &&CustomerId| matches!(status(c), Some(FlowStatus::New | FlowStatus::Regained));
                    later.ranked().iter().filter(arrived).copied().collect()
                }
            }
            Listed::MigrationCell(cell) => {
                let prepared = context.prepare(&cell.selection);
                let migration = prepared.migration(cell.period)?;
                migration.cell(cell.from, cell.to).map_or(Vec::new(), |c| c.customer_list.clone())
            }
            Listed::RfmSegment(request) => {
                let (rfm, members, _) = request.scored(context)?;
                members.into_iter().map(|i| rfm.customers[i].customer).collect()
            }
            Listed::WhiteSpace { request, group } => {
                let prepared = context.prepare(&request.selection);
                let (views, rep) = request.views(&prepared, context.ledger)?;
                let index = views.groups.iter().position(|g| *g == group);
                views.white_space_of(&rep).filter(|w| Some(w.group as usize) == index).map(|w| w.customer).collect()
            }
            Listed::LossMakers(request) => {
                request.account(context)?.loss_makers.into_iter().map(|l| l.customer).collect()
            }
        };
        let keys = customers.into_iter().map(|c: CustomerId| context.ledger.customer_key(c).to_string()).collect();
        Ok(ListedCustomers { keys })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pyramid::Level;
    use crate::engine::revenue::tests::ledger_of;
    use crate::engine::session::analysis::{AnalysisCache, AnalysisResponse};

    #[test]
    fn a_flow_list_and_a_migration_cell_come_whole_in_the_pages_order() {
        // 2024 against 2023: A is retained; B (5.00) and E (3.00) were active in 2023 and not
        // in 2024: lost, in 2023's rank order B, E. C is new in 2024 (1.00), D regained (active
        // in 2022, 9.00 in 2024): arrived, in 2024's rank order D, C. 2023 has three active
        // customers, so with the default cut-offs A is Top and B and E Small (ceil(1 % x 3) = 1,
        // Big and Medium empty): the cell Small → Inactive holds the lost ones.
        let ledger = ledger_of(&[
            ("D", (2022, 5, 1), 700),
            ("A", (2023, 1, 1), 1_000),
            ("B", (2023, 1, 1), 500),
            ("E", (2023, 1, 1), 300),
            ("A", (2024, 1, 1), 1_000),
            ("C", (2024, 1, 1), 100),
            ("D", (2024, 1, 1), 900),
        ]);
        let period = crate::engine::period::YearStart::default().period_of(ledger.date_range().unwrap().1);
        let keys = |listed: Listed| match AnalysisCache::default().answer(&ledger, ListedRequest(listed).into()) {
            AnalysisResponse::Listed(list) => list.keys,
            other => panic!("{other:?}"),
        };
        let selection = Selection::default();
        assert_eq!(keys(Listed::Flow { selection: selection.clone(), period, lost: true }), ["B", "E"]);
        assert_eq!(keys(Listed::Flow { selection: selection.clone(), period, lost: false }), ["D", "C"]);
        let cell = MigrationCellRequest { selection, period: None, from: Some(Level::Small), to: Level::Inactive };
        assert_eq!(keys(Listed::MigrationCell(cell)), ["B", "E"]);
    }

    #[test]
    fn white_space_in_one_group_is_the_reps_customers_without_it() {
        use crate::engine::views::tests::hand_worked;
        use crate::engine::views::RepChoice;
        // views.rs's hand-worked case: the Small customers S1-S4 (Ann has S1 and S4, Bob S2 and
        // S3) lack Tools (S3, S4), Food (S4) or Paper (S1, S2, S3), which their peers buy.
        let ledger = hand_worked();
        let keys = |rep: &str, group: &str| {
            let request = CustomerViewsRequest {
                selection: Selection::default(),
                period: None,
                rep: RepChoice::Rep(Some(rep.into())),
            };
            match AnalysisCache::default()
                .answer(&ledger, ListedRequest(Listed::WhiteSpace { request, group: group.into() }).into())
            {
                AnalysisResponse::Listed(mut list) => {
                    list.keys.sort();
                    list.keys
                }
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(keys("Ann", "Tools"), ["S4"]);
        assert_eq!(keys("Ann", "Paper"), ["S1"]);
        assert_eq!(keys("Bob", "Paper"), ["S2", "S3"]);
        assert_eq!(keys("Bob", "Food"), Vec::<String>::new());
        assert_eq!(keys("Ann", "Glue"), Vec::<String>::new());
    }

    #[test]
    fn a_segment_and_the_loss_makers_are_the_lists_their_pages_show_whole() {
        use crate::engine::rfm::{RfmSettings, Segment};
        use crate::engine::session::tables::{Drafts, SideTables};
        // The sample ledger, every segment's list and the loss-makers under a customer pool of
        // 50,000,000 (most customers then lose money): the keys are the page's list in its
        // order, all of it (the page's answer is cut at LIST_LIMIT and says how many there are).
        let ledger = crate::engine::sample::sample_ledger();
        let pools = Drafts {
            pools: vec![vec!["Service".into(), "50000000".into(), "customer".into(), String::new()]],
            ..Drafts::default()
        };
        let tables = SideTables::of_drafts(&pools).unwrap();
        let mut cache = AnalysisCache::default();
        let mut ask =
            |request: crate::engine::session::analysis::AnalysisRequest| cache.answer_with(&ledger, &tables, request);
        let mut seen = 0;
        for segment in Segment::ALL {
            let rfm = RfmRequest {
                selection: Selection::default(),
                period: None,
                settings: RfmSettings::default(),
                segment: Some(segment),
            };
            let (AnalysisResponse::Rfm(view), AnalysisResponse::Listed(list)) =
                (ask(rfm.clone().into()), ask(ListedRequest(Listed::RfmSegment(rfm)).into()))
            else {
                panic!("no segment")
            };
            assert_eq!(list.keys.len(), view.customers.total);
            let shown: Vec<&str> = view.customers.items.iter().map(|r| r.customer.key.as_str()).collect();
            assert_eq!(list.keys[..shown.len()], shown[..]);
            seen += list.keys.len();
        }
        assert!(seen > 500, "the segments hold the active customers ({seen})");
        let account = ProfitabilityRequest { selection: Selection::default(), period: None };
        let (AnalysisResponse::Profitability(view), AnalysisResponse::Listed(list)) =
            (ask(account.clone().into()), ask(ListedRequest(Listed::LossMakers(account)).into()))
        else {
            panic!("no account")
        };
        assert_eq!(list.keys.len(), view.whale.loss_making_customers);
        assert!(list.keys.len() > crate::engine::session::analysis::LIST_LIMIT, "more loss-makers than the page draws");
        let shown: Vec<&str> = view.loss_makers.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(list.keys[..shown.len()], shown[..]);
    }
}
