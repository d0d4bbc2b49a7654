//! Customer detail: one customer's revenue per period and per product group, its pyramid level
//! and flow status in every period.

use super::flows::FlowStatus;
use super::ledger::{named, CustomerId, Ledger};
use super::money::Money;
use super::period::Period;
use super::pyramid::{Level, Levels};
use super::revenue::{Breakdown, RevenueTable};
use super::session::analysis::{Analysis, Context, EmptyReason, Selection};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerPeriod {
    pub period: Period,
    pub revenue: Money,
    /// Revenue minus given cost, when the ledger has a cost column.
    pub gross_margin: Option<Money>,
    pub purchases: u32,
    /// `None`: not yet a customer in this period.
    pub level: Option<Level>,
    /// Against the period before; `None` in the first period and when nothing changed for a
    /// customer neither active now nor before.
    pub flow: Option<FlowStatus>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupHistory {
    pub group: String,
    /// Per period, like `CustomerDetail::periods`.
    pub revenue: Vec<Money>,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerDetail {
    pub customer: CustomerId,
    /// The id as written in the file.
    pub key: String,
    pub name: Option<String>,
    pub periods: Vec<CustomerPeriod>,
    /// Product groups with any revenue from the customer, largest total first (ties by name).
    pub groups: Vec<GroupHistory>,
}

impl CustomerDetail {
    /// `history` holds the levels of every period of `table` (`Levels::every_period`), `groups`
    /// the product-group breakdown when the ledger has one. `None` for an unknown customer.
    pub fn of(
        ledger: &Ledger,
        table: &RevenueTable,
        history: &[Levels],
        groups: Option<&Breakdown>,
        customer: CustomerId,
    ) -> Option<CustomerDetail> {
        if customer.index() >= ledger.customer_count() {
            return None;
        }
        let periods = history
            .iter()
            .enumerate()
            .map(|(i, levels)| {
                let p = levels.period_index();
                let revenue = table.revenue_of(customer, p);
                let earlier = i.checked_sub(1).and_then(|j| history.get(j));
                CustomerPeriod {
                    period: levels.period(),
                    revenue,
                    // |revenue| + |cost| <= 2^61 cents by the ledger limit (money.rs).
                    gross_margin: table.cost(p).map(|cost| revenue - cost[customer.index()]),
                    purchases: table.purchases(p)[customer.index()],
                    level: levels.level(customer),
                    flow: earlier.and_then(|e| FlowStatus::of(e.level(customer), levels.level(customer))),
                }
            })
            .collect();
        Some(CustomerDetail {
            customer,
            key: ledger.customer_key(customer).to_string(),
            name: ledger.customer_name(customer).map(String::from),
            periods,
            groups: groups.map(|g| group_history(g, history, customer)).unwrap_or_default(),
        })
    }
}

fn group_history(groups: &Breakdown, history: &[Levels], customer: CustomerId) -> Vec<GroupHistory> {
    let mut rows: Vec<GroupHistory> = groups
        .values()
        .iter()
        .map(|group| GroupHistory {
            group: group.clone(),
            revenue: vec![Money::ZERO; history.len()],
            total: Money::ZERO,
        })
        .collect();
    let mut bought = vec![false; rows.len()];
    for (i, levels) in history.iter().enumerate() {
        for cell in groups.of_customer(levels.period_index(), customer) {
            let row = &mut rows[cell.value as usize];
            row.revenue[i] += cell.revenue;
            row.total += cell.revenue;
            bought[cell.value as usize] = true;
        }
    }
    // Lines without a product group (a blank cell) count in the customer's revenue, in no group.
    let named_and_bought = |(row, bought): &(GroupHistory, bool)| *bought && named(&row.group).is_some();
    let mut rows: Vec<GroupHistory> = rows.into_iter().zip(bought).filter(named_and_bought).map(|(r, _)| r).collect();
    rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.group.as_bytes().cmp(b.group.as_bytes())));
    rows
}

/// What the customer page asks: one customer by the id as written in the file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CustomerRequest {
    pub selection: Selection,
    pub key: String,
}

impl Analysis for CustomerRequest {
    type View = CustomerDetail;
    /// Not from totals per period: the purchases per period count invoices and days: single lines.
    const NEEDS_LINES: bool = true;

    fn answer(self, context: &mut Context) -> Result<CustomerDetail, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        let ledger = context.ledger;
        let detail = ledger.customer_by_key(&self.key).and_then(|customer| {
            CustomerDetail::of(ledger, &prepared.table, &prepared.levels, prepared.groups(ledger), customer)
        });
        detail.ok_or(EmptyReason::UnknownCustomer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Day;
    use crate::engine::ledger::{Attribute, Columns, LedgerBuilder, LineExtras};
    use crate::engine::period::YearStart;
    use crate::engine::pyramid::CutOffs;
    use crate::engine::scope::Scope;

    #[test]
    fn history_of_one_customer() {
        let mut b =
            LedgerBuilder::new(Columns { cost: true, attributes: vec![Attribute::ProductGroup], ..Columns::default() });
        let mut line = |customer: &str, year, group: &'static str, cents, cost| {
            let extras = LineExtras {
                customer_name: Some("Rijn Metaal BV"),
                cost: Some(Money::from_cents(cost)),
                attributes: &[group],
                ..LineExtras::default()
            };
            b.push(customer, Day::from_ymd(year, 4, 1).unwrap(), Money::from_cents(cents), &extras);
        };
        line("R", 2020, "Tools", 1_000, 600);
        line("R", 2020, "Food", 300, 100);
        line("X", 2020, "Tools", 5_000, 0);
        line("X", 2021, "Tools", 5_000, 0);
        line("R", 2023, "Food", 900, 500);
        // Without a product group: in R's 2023 revenue (950) and margin (950 - 550), in no group.
        line("R", 2023, "", 50, 50);
        let ledger = b.finish();
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        let history = Levels::every_period(&table, CutOffs::default());
        let groups = Breakdown::build(&ledger, &table, Attribute::ProductGroup);
        let r = ledger.customer_by_key("R").unwrap();
        let detail = CustomerDetail::of(&ledger, &table, &history, groups.as_ref(), r).unwrap();
        assert_eq!((detail.key.as_str(), detail.name.as_deref()), ("R", Some("Rijn Metaal BV")));
        let rows: Vec<_> = detail
            .periods
            .iter()
            .map(|p| (p.period.label_year(), p.revenue.cents(), p.gross_margin.map(Money::cents), p.level, p.flow))
            .collect();
        // 2020: n = 2 (X 5000, R 1300): X Top, R Small. 2021: R lost. 2022: still inactive.
        // 2023: R alone is Top and regained after two empty years.
        assert_eq!(
            rows,
            vec![
                (2020, 1_300, Some(600), Some(Level::Small), None),
                (2021, 0, Some(0), Some(Level::Inactive), Some(FlowStatus::Lost)),
                (2022, 0, Some(0), Some(Level::Inactive), None),
                (2023, 950, Some(400), Some(Level::Top), Some(FlowStatus::Regained)),
            ]
        );
        let by_group: Vec<(&str, Vec<i64>, i64)> = detail
            .groups
            .iter()
            .map(|g| (g.group.as_str(), g.revenue.iter().map(|m| m.cents()).collect(), g.total.cents()))
            .collect();
        assert_eq!(by_group, vec![("Food", vec![300, 0, 0, 900], 1_200), ("Tools", vec![1_000, 0, 0, 0], 1_000)]);
        assert!(CustomerDetail::of(&ledger, &table, &history, None, CustomerId::from_index(9)).is_none());
    }
}
