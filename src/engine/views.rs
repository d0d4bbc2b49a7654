//! Customer views: per sales rep a customer x product-group revenue matrix, white space
//! (product groups a customer does not buy that its peers in the same pyramid level buy) and
//! up-sell candidates (customers below their level's median revenue). Definitions in
//! docs/method-notes.md.

use super::interviews;
use super::ledger::Ledger;
use super::ledger::{named, CustomerId};
use super::money::Money;
use super::period::Period;
use super::pyramid::{Level, Levels};
use super::revenue::{Breakdown, BreakdownCell, RevenueTable};
use super::session::analysis::{Analysis, Context, CustomerList, CustomerRef, EmptyReason, Prepared, Selection};
use super::stats::{median, ranked_order, share, BasisPoints};
use serde::{Deserialize, Serialize};

/// A product group counts as bought by a level's peers when at least this share of the
/// level's customers buy it (revenue > 0 in the group in the period).
pub const PEERS_BUY: BasisPoints = BasisPoints(2_500);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerRow {
    pub customer: CustomerId,
    pub level: Level,
    pub revenue: Money,
    /// Revenue per product group, indexed like `CustomerViews::groups`.
    pub by_group: Vec<Money>,
}

/// The customers whose main sales rep is `rep`, in rank order, with column totals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepMatrix {
    /// `None`: the customers without a sales rep (all of them when the ledger has no sales rep
    /// column), listed after the named reps.
    pub rep: Option<String>,
    pub rows: Vec<CustomerRow>,
    /// Revenue per product group, indexed like `CustomerViews::groups`.
    pub totals: Vec<Money>,
    /// The rows' revenue: more than the sum of `totals` when lines have no product group.
    pub revenue: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WhiteSpace {
    pub customer: CustomerId,
    pub level: Level,
    /// Index into `CustomerViews::groups`.
    pub group: u32,
    /// Share of the level's customers buying the group.
    pub peers_buying: f64,
    /// Median revenue in the group among the level's customers buying it.
    pub estimated_value: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpSell {
    pub customer: CustomerId,
    pub level: Level,
    pub revenue: Money,
    pub level_median: Money,
    /// `level_median - revenue`.
    pub gap: Money,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerViews {
    pub period: Period,
    /// Product group names, the matrices' columns. Lines without a product group count in the
    /// customers' revenue but in no column, and are never white space.
    pub groups: Vec<String>,
    /// By rep name in byte order.
    pub reps: Vec<RepMatrix>,
    /// Highest estimated value first.
    pub white_space: Vec<WhiteSpace>,
    /// Largest gap first.
    pub up_sell: Vec<UpSell>,
}

impl CustomerViews {
    /// `groups` is the product-group breakdown of `table`; `reps` its sales-rep breakdown when the
    /// ledger has that column.
    pub fn of(table: &RevenueTable, levels: &Levels, groups: &Breakdown, reps: Option<&Breakdown>) -> CustomerViews {
        let columns = GroupColumns::of(groups);
        let cells = Cells::of(table, levels, groups, reps);
        CustomerViews {
            period: levels.period(),
            reps: rep_matrices(table, levels, &columns, &cells, reps),
            white_space: white_space(table, levels, &columns, &cells),
            up_sell: up_sell(table, levels),
            groups: columns.names,
        }
    }
}

/// The period's breakdown cells of every customer, looked up by index: the views visit each
/// customer's cells several times, and a search of the period's cells each time was most of
/// their work.
struct Cells<'b> {
    groups: Vec<&'b [BreakdownCell]>,
    reps: Vec<&'b [BreakdownCell]>,
}

impl<'b> Cells<'b> {
    fn of(table: &RevenueTable, levels: &Levels, groups: &'b Breakdown, reps: Option<&'b Breakdown>) -> Cells<'b> {
        let (period, customers) = (levels.period_index(), table.revenue(levels.period_index()).len());
        Cells {
            groups: groups.per_customer(period, customers),
            reps: reps.map_or_else(Vec::new, |reps| reps.per_customer(period, customers)),
        }
    }

    fn groups_of(&self, customer: CustomerId) -> &'b [BreakdownCell] {
        self.groups.get(customer.index()).copied().unwrap_or(&[])
    }

    fn reps_of(&self, customer: CustomerId) -> &'b [BreakdownCell] {
        self.reps.get(customer.index()).copied().unwrap_or(&[])
    }
}

/// The matrices' columns: the named product groups, and each breakdown value's column (`None`
/// for the lines without a group).
struct GroupColumns {
    names: Vec<String>,
    of_value: Vec<Option<usize>>,
}

impl GroupColumns {
    fn of(groups: &Breakdown) -> GroupColumns {
        let mut names = Vec::new();
        let of_value = groups
            .values()
            .iter()
            .map(|value| {
                let name = named(value)?;
                names.push(name.to_string());
                Some(names.len() - 1)
            })
            .collect();
        GroupColumns { names, of_value }
    }

    fn column(&self, value: u32) -> Option<usize> {
        self.of_value.get(value as usize).copied().flatten()
    }

    /// A customer's revenue per group in the period, dense.
    fn row(&self, cells: &[BreakdownCell]) -> Vec<Money> {
        let mut row = vec![Money::ZERO; self.names.len()];
        for cell in cells {
            if let Some(column) = self.column(cell.value) {
                row[column] = cell.revenue;
            }
        }
        row
    }

    /// The named groups a customer buys (revenue > 0): lines without a group are nothing to sell.
    fn bought<'c>(&'c self, cells: &'c [BreakdownCell]) -> impl Iterator<Item = (usize, Money)> + 'c {
        cells.iter().filter(|c| c.revenue.is_positive()).filter_map(|c| Some((self.column(c.value)?, c.revenue)))
    }
}

/// The named rep with the most revenue from the customer in the period (ties: name in byte
/// order); `None` when no named rep brings it revenue (lines without a rep belong to no rep).
/// With another attribute's breakdown, its main value (the goals' department of a customer).
pub(crate) fn main_rep<'b>(levels: &Levels, reps: &'b Breakdown, customer: CustomerId) -> Option<&'b str> {
    main_rep_in(reps, levels.period_index(), customer)
}

/// `main_rep` in the period at `period` of the revenue table (the contact plan's too).
pub(crate) fn main_rep_in(reps: &Breakdown, period: usize, customer: CustomerId) -> Option<&str> {
    main_value(reps, reps.of_customer(period, customer)).map(|(_, name)| name)
}

/// `main_rep` of a customer's cells: the breakdown value and its name.
fn main_value<'b>(reps: &'b Breakdown, cells: &[BreakdownCell]) -> Option<(u32, &'b str)> {
    cells
        .iter()
        .filter(|cell| cell.revenue.is_positive())
        .filter_map(|cell| Some((cell.revenue, cell.value, named(reps.values().get(cell.value as usize)?)?)))
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.2.as_bytes().cmp(a.2.as_bytes())))
        .map(|(_, value, name)| (value, name))
}

fn rep_matrices(
    table: &RevenueTable,
    levels: &Levels,
    columns: &GroupColumns,
    cells: &Cells,
    reps: Option<&Breakdown>,
) -> Vec<RepMatrix> {
    let revenue = table.revenue(levels.period_index());
    let mut matrices: Vec<RepMatrix> = Vec::new();
    // The matrix of each rep value (`None`: not made yet), and of the customers without a rep.
    let mut of_value: Vec<Option<usize>> = vec![None; reps.map_or(0, |r| r.values().len())];
    let mut without_rep = None;
    for &customer in levels.ranked() {
        let main = reps.and_then(|reps| main_value(reps, cells.reps_of(customer)));
        let slot = match main {
            Some((value, _)) => &mut of_value[value as usize],
            None => &mut without_rep,
        };
        let index = *slot.get_or_insert_with(|| {
            matrices.push(RepMatrix {
                rep: main.map(|(_, name)| name.to_string()),
                rows: Vec::new(),
                totals: vec![Money::ZERO; columns.names.len()],
                revenue: Money::ZERO,
            });
            matrices.len() - 1
        });
        let row = CustomerRow {
            customer,
            level: levels.level(customer).unwrap_or(Level::Small),
            revenue: revenue[customer.index()],
            by_group: columns.row(cells.groups_of(customer)),
        };
        let matrix = &mut matrices[index];
        for (total, amount) in matrix.totals.iter_mut().zip(&row.by_group) {
            *total += *amount;
        }
        matrix.revenue += row.revenue;
        matrix.rows.push(row);
    }
    // Named reps in byte order; customers without a rep last.
    matrices.sort_by(|a, b| {
        a.rep
            .is_none()
            .cmp(&b.rep.is_none())
            .then_with(|| a.rep.as_deref().map(str::as_bytes).cmp(&b.rep.as_deref().map(str::as_bytes)))
    });
    matrices
}

fn white_space(table: &RevenueTable, levels: &Levels, columns: &GroupColumns, cells: &Cells) -> Vec<WhiteSpace> {
    let id_order = table.id_order();
    let mut opportunities = Vec::new();
    for level in Level::ACTIVE {
        // In id order, so that each group's opportunities come sorted (see below).
        let mut members = levels.customers_at(level);
        members.sort_unstable_by_key(|c| id_order[c.index()]);
        // Per group: the revenue in it of each member buying it, and which members buy it.
        let mut revenues: Vec<Vec<Money>> = vec![Vec::new(); columns.names.len()];
        let mut buyers: Vec<Vec<usize>> = vec![Vec::new(); columns.names.len()];
        for (member, &customer) in members.iter().enumerate() {
            for (group, revenue) in columns.bought(cells.groups_of(customer)) {
                revenues[group].push(revenue);
                buyers[group].push(member);
            }
        }
        let mut buys = vec![false; members.len()];
        for (group, revenues) in revenues.iter_mut().enumerate() {
            let bought_by_peers = revenues.len() as u128 * 10_000 >= u128::from(PEERS_BUY.0) * members.len() as u128;
            let (true, Some(estimated_value)) = (bought_by_peers, median(revenues)) else { continue };
            let peers_buying = share(revenues.len() as i64, members.len() as i64).unwrap_or(0.0);
            buys.fill(false);
            buyers[group].iter().for_each(|&member| buys[member] = true);
            let others = members.iter().zip(&buys).filter(|(_, &buys)| !buys);
            opportunities.extend(others.map(|(&customer, _)| WhiteSpace {
                customer,
                level,
                group: group as u32,
                peers_buying,
                estimated_value,
            }));
        }
    }
    // Each group's opportunities of a level share their estimated value and come in id order:
    // already sorted runs, which the stable sort merges.
    opportunities.sort_by(|a, b| {
        ranked_order((a.estimated_value, a.customer), (b.estimated_value, b.customer), id_order)
            .then(a.group.cmp(&b.group))
    });
    opportunities
}

fn up_sell(table: &RevenueTable, levels: &Levels) -> Vec<UpSell> {
    let revenue = table.revenue(levels.period_index());
    let mut candidates = Vec::new();
    for level in Level::ACTIVE {
        let members = levels.customers_at(level);
        let Some(level_median) = median(&mut members.iter().map(|c| revenue[c.index()]).collect::<Vec<_>>()) else {
            continue;
        };
        // Least revenue, largest gap, first: the members' rank order reversed, nearly sorted.
        for customer in members.into_iter().rev().filter(|c| revenue[c.index()] < level_median) {
            let revenue = revenue[customer.index()];
            // Both at most 2^61 cents (ledger limit): the gap is within 2^62.
            candidates.push(UpSell { customer, level, revenue, level_median, gap: level_median - revenue });
        }
    }
    let id_order = table.id_order();
    candidates.sort_by(|a, b| ranked_order((a.gap, a.customer), (b.gap, b.customer), id_order));
    candidates
}

/// What the Customer Views page asks: one sales rep's customers, white space and up-sell.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CustomerViewsRequest {
    pub selection: Selection,
    pub period: Option<Period>,
    pub rep: RepChoice,
}

/// Which sales rep's customers Customer Views shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RepChoice {
    /// The first in `RepView::reps`.
    #[default]
    First,
    /// This rep's customers; `None`: the customers without a sales rep.
    Rep(Option<String>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViewRow {
    pub customer: CustomerRef,
    pub level: Level,
    pub revenue: Money,
    /// Indexed like `RepView::groups`.
    pub by_group: Vec<Money>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WhiteSpaceRow {
    pub customer: CustomerRef,
    pub level: Level,
    pub group: String,
    pub peers_buying: f64,
    pub estimated_value: Money,
    /// The potential not yet captured by the customer's latest interview (its wallet minus the
    /// period's revenue, floored at 0; `None` without an interview with a wallet).
    pub uncaptured: Option<Money>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpSellRow {
    pub customer: CustomerRef,
    pub level: Level,
    pub revenue: Money,
    pub level_median: Money,
    pub gap: Money,
}

/// Customer views for one sales rep.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepView {
    pub period: Period,
    /// Every rep with customers in the period; `None` stands for customers without a rep.
    pub reps: Vec<Option<String>>,
    /// The rep shown.
    pub rep: Option<String>,
    pub groups: Vec<String>,
    pub rows: CustomerList<ViewRow>,
    pub totals: Vec<Money>,
    /// The rep's customers' revenue (lines without a product group included).
    pub revenue: Money,
    /// The rep's customers' opportunities, highest estimated value first.
    pub white_space: CustomerList<WhiteSpaceRow>,
    pub up_sell: CustomerList<UpSellRow>,
}

impl Analysis for CustomerViewsRequest {
    type View = RepView;

    fn answer(self, context: &mut Context) -> Result<RepView, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        let ledger = context.ledger;
        let (views, rep) = self.views(&prepared, ledger)?;
        // Beside the white space: what the latest interview says the customer spends elsewhere.
        let period = prepared.active_levels_of(self.period)?.period_index();
        let latest = interviews::latest_per_customer(&context.tables.interviews);
        let uncaptured = |customer: CustomerId| {
            let revenue = prepared.table.revenue_of(customer, period);
            latest.get(ledger.customer_key(customer)).and_then(|f| interviews::uncaptured(f.wallet, revenue))
        };
        Ok(RepView::of(ledger, views, rep, uncaptured))
    }
}

impl CustomerViewsRequest {
    /// The views of the request's period and the rep they are shown for (the first when the
    /// request says `RepChoice::First`).
    pub(crate) fn views<'p>(
        &self,
        prepared: &'p Prepared,
        ledger: &Ledger,
    ) -> Result<(&'p CustomerViews, Option<String>), EmptyReason> {
        let views = prepared.views(ledger, self.period)?;
        let rep = match &self.rep {
            RepChoice::First => views.reps.first().and_then(|m| m.rep.clone()),
            RepChoice::Rep(rep) => rep.clone(),
        };
        Ok((views, rep))
    }
}

impl CustomerViews {
    /// The white space of `rep`'s customers, highest estimated value first.
    pub(crate) fn white_space_of<'v>(&'v self, rep: &Option<String>) -> impl Iterator<Item = &'v WhiteSpace> + 'v {
        let rows = self.reps.iter().find(|m| m.rep == *rep).map_or(&[][..], |m| &m.rows[..]);
        let mine = Members::of(rows);
        self.white_space.iter().filter(move |w| mine.has(w.customer))
    }
}

/// The customers of a rep's rows, to look up (a list searched for every opportunity would take
/// customers times opportunities).
struct Members(Vec<bool>);

impl Members {
    fn of(rows: &[CustomerRow]) -> Members {
        let mut members = vec![false; rows.iter().map(|r| r.customer.index() + 1).max().unwrap_or(0)];
        rows.iter().for_each(|r| members[r.customer.index()] = true);
        Members(members)
    }

    fn has(&self, customer: CustomerId) -> bool {
        self.0.get(customer.index()).copied().unwrap_or(false)
    }
}

impl RepView {
    fn of(
        ledger: &Ledger,
        views: &CustomerViews,
        rep: Option<String>,
        uncaptured: impl Fn(CustomerId) -> Option<Money>,
    ) -> RepView {
        let reps: Vec<Option<String>> = views.reps.iter().map(|m| m.rep.clone()).collect();
        let group = |index: u32| views.groups.get(index as usize).cloned().unwrap_or_default();
        // The rows past the list's limit are counted, not made (each names its customer).
        let white_space: Vec<&WhiteSpace> = views.white_space_of(&rep).collect();
        let white_space = CustomerList::of(white_space.into_iter().map(|w| WhiteSpaceRow {
            customer: CustomerRef::of(ledger, w.customer),
            level: w.level,
            group: group(w.group),
            peers_buying: w.peers_buying,
            estimated_value: w.estimated_value,
            uncaptured: uncaptured(w.customer),
        }));
        let (rows, totals, revenue) = match views.reps.iter().find(|m| m.rep == rep) {
            Some(m) => (&m.rows[..], m.totals.clone(), m.revenue),
            None => (&[][..], vec![Money::ZERO; views.groups.len()], Money::ZERO),
        };
        let mine = Members::of(rows);
        let up_sell: Vec<&UpSell> = views.up_sell.iter().filter(|u| mine.has(u.customer)).collect();
        let up_sell = CustomerList::of(up_sell.into_iter().map(|u| UpSellRow {
            customer: CustomerRef::of(ledger, u.customer),
            level: u.level,
            revenue: u.revenue,
            level_median: u.level_median,
            gap: u.gap,
        }));
        let rows = CustomerList::of(rows.iter().map(|r| ViewRow {
            customer: CustomerRef::of(ledger, r.customer),
            level: r.level,
            revenue: r.revenue,
            by_group: r.by_group.clone(),
        }));
        let groups = views.groups.clone();
        RepView { period: views.period, reps, rep, groups, rows, totals, revenue, white_space, up_sell }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::date::Day;
    use crate::engine::ledger::{Attribute, Columns, Ledger, LedgerBuilder, LineExtras};
    use crate::engine::period::YearStart;
    use crate::engine::pyramid::CutOffs;
    use crate::engine::scope::Scope;

    /// 2024 lines: customer, product group, sales rep, amount in cents.
    pub(crate) fn ledger_with_groups(lines: &[(&str, &str, &str, i64)]) -> Ledger {
        let mut b = LedgerBuilder::new(Columns {
            attributes: vec![Attribute::ProductGroup, Attribute::SalesRep],
            ..Columns::default()
        });
        let day = Day::from_ymd(2024, 3, 1).unwrap_or(Day::from_number(0));
        for &(customer, group, rep, cents) in lines {
            b.push(
                customer,
                day,
                Money::from_cents(cents),
                &LineExtras { attributes: &[group, rep], ..LineExtras::default() },
            );
        }
        b.finish()
    }

    /// The views of 2024 (calendar year, default cut-offs) for the whole company.
    fn views_of_2024(ledger: &Ledger) -> CustomerViews {
        let table = RevenueTable::build(ledger, YearStart::default(), &Scope::Company);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default()).unwrap();
        let groups = Breakdown::build(ledger, &table, Attribute::ProductGroup).unwrap();
        let reps = Breakdown::build(ledger, &table, Attribute::SalesRep);
        CustomerViews::of(&table, &levels, &groups, reps.as_ref())
    }

    /// The hand-worked ledger of these tests (and the actions' lists): T and M buy Tools; the
    /// Small customers S1-S4 (Ann has S1 and S4, Bob S2 and S3) buy some of Tools, Food, Paper.
    pub(crate) fn hand_worked() -> Ledger {
        ledger_with_groups(&[
            ("T", "Tools", "Ann", 10_000),
            ("M", "Tools", "Bob", 5_000),
            ("S1", "Tools", "Ann", 500),
            ("S1", "Food", "Ann", 300),
            ("S2", "Tools", "Bob", 400),
            ("S2", "Food", "Ann", 100),
            ("S3", "Food", "Bob", 600),
            ("S4", "Paper", "Ann", 50),
        ])
    }

    #[test]
    fn white_space_shows_the_interviewed_potential_not_yet_captured() {
        use crate::engine::interviews::{Interview, Interviews};
        use crate::engine::session::analysis::{AnalysisCache, AnalysisResponse};
        use crate::engine::session::tables::SideTables;
        // Bob's customers M (Tools 5000), S3 (Food 600) and S2 (Tools 400, Food 100); white space
        // S3 Tools and Paper, S2 Paper (see the test below). S3's wallet 10.00 - its 6.00 = 4.00
        // not yet captured; S2's wallet 3.00 is below its 5.00: 0, not negative.
        let ledger = hand_worked();
        let interview = |customer: &str, wallet: i64| Interview {
            customer: customer.into(),
            date: Day::from_ymd(2024, 9, 1).unwrap_or(Day::from_number(0)),
            satisfaction: None,
            recommend: None,
            wallet: Some(Money::from_cents(wallet)),
            potential: None,
            remarks: String::new(),
        };
        let interviews = Interviews { rows: vec![interview("S3", 1_000), interview("S2", 300)] };
        let tables = SideTables { interviews, ..SideTables::NONE };
        let request = CustomerViewsRequest {
            selection: Selection::default(),
            period: None,
            rep: RepChoice::Rep(Some("Bob".into())),
        };
        let AnalysisResponse::CustomerViews(view) =
            AnalysisCache::default().answer_with(&ledger, &tables, request.into())
        else {
            panic!("no views")
        };
        let rows: Vec<(&str, &str, Option<i64>)> = view
            .white_space
            .items
            .iter()
            .map(|w| (w.customer.key.as_str(), w.group.as_str(), w.uncaptured.map(|m| m.cents())))
            .collect();
        // In the white space's own order (highest estimated value first, as tested below).
        assert_eq!(rows, [("S3", "Tools", Some(400)), ("S2", "Paper", Some(0)), ("S3", "Paper", Some(400))]);
    }

    #[test]
    fn matrices_white_space_and_up_sell() {
        let ledger = hand_worked();
        let views = views_of_2024(&ledger);
        let key = |c: CustomerId| ledger.customer_key(c);
        let cents = |v: &[Money]| v.iter().map(|m| m.cents()).collect::<Vec<_>>();

        // n = 6: k(1%) = k(5%) = 1, k(20%) = 2. Ranks: T 10000 Top, M 5000 Medium,
        // then Small: S1 800, S3 600, S2 500, S4 50.
        assert_eq!(views.groups, vec!["Tools", "Food", "Paper"]);
        // S2's main rep is Bob (400 against Ann's 100).
        let ann = &views.reps[0];
        assert_eq!(ann.rep.as_deref(), Some("Ann"));
        assert_eq!(ann.rows.iter().map(|r| key(r.customer)).collect::<Vec<_>>(), vec!["T", "S1", "S4"]);
        assert_eq!(cents(&ann.totals), vec![10_500, 300, 50]);
        let bob = &views.reps[1];
        assert_eq!(bob.rows.iter().map(|r| key(r.customer)).collect::<Vec<_>>(), vec!["M", "S3", "S2"]);
        assert_eq!(cents(&bob.totals), vec![5_400, 700, 0]);
        assert_eq!(cents(&bob.rows[2].by_group), vec![400, 100, 0]);

        // Small level (4 customers). Tools: S1 500, S2 400 (50 %), median 450 for S3 and S4.
        // Food: S1 300, S2 100, S3 600 (75 %), median 300 for S4. Paper: S4 50 (25 %, exactly the
        // threshold), median 50 for S1, S2, S3. Top and Medium have one customer each, who buys
        // every group its level buys.
        let ws: Vec<(&str, &str, i64)> = views
            .white_space
            .iter()
            .map(|w| (key(w.customer), views.groups[w.group as usize].as_str(), w.estimated_value.cents()))
            .collect();
        assert_eq!(
            ws,
            vec![
                ("S3", "Tools", 450),
                ("S4", "Tools", 450),
                ("S4", "Food", 300),
                ("S1", "Paper", 50),
                ("S2", "Paper", 50),
                ("S3", "Paper", 50)
            ]
        );
        assert_eq!(views.white_space[0].peers_buying, 0.5);

        // Small median: (600 + 500) / 2 = 550; below it S4 (gap 500) and S2 (gap 50).
        let up: Vec<(&str, i64, i64)> =
            views.up_sell.iter().map(|u| (key(u.customer), u.level_median.cents(), u.gap.cents())).collect();
        assert_eq!(up, vec![("S4", 550, 500), ("S2", 550, 50)]);
    }

    #[test]
    fn blank_reps_and_groups_are_no_value() {
        let ledger = ledger_with_groups(&[
            ("A", "Tools", "Ann", 1_000),
            ("A", "", "Ann", 500),
            ("B", "Tools", "", 800),
            ("B", "Food", "", 200),
            ("C", "Food", "Ann", 300),
            ("C", "", "", 600),
            ("D", "", "", 100),
        ]);
        let views = views_of_2024(&ledger);
        let key = |c: CustomerId| ledger.customer_key(c);
        let cents = |v: &[Money]| v.iter().map(|m| m.cents()).collect::<Vec<_>>();

        // Revenue counts every line: A 1000 + 500 = 1500, B 1000, C 300 + 600 = 900, D 100.
        // n = 4: k(1%) = k(5%) = k(20%) = 1: A Top, B, C, D Small. No column for the blank group.
        assert_eq!(views.groups, vec!["Tools", "Food"]);
        // Ann: A, and C (Ann's 300 is C's only revenue from a named rep). Without a rep, listed
        // last: B (only blank-rep lines) and D.
        let matrices: Vec<_> = views
            .reps
            .iter()
            .map(|m| {
                (
                    m.rep.as_deref(),
                    m.rows.iter().map(|r| (key(r.customer), r.revenue.cents(), cents(&r.by_group))).collect::<Vec<_>>(),
                    cents(&m.totals),
                    m.revenue.cents(),
                )
            })
            .collect();
        assert_eq!(
            matrices,
            vec![
                (Some("Ann"), vec![("A", 1_500, vec![1_000, 0]), ("C", 900, vec![0, 300])], vec![1_000, 300], 2_400),
                (None, vec![("B", 1_000, vec![800, 200]), ("D", 100, vec![0, 0])], vec![800, 200], 1_100),
            ]
        );

        // Small (B, C, D): Tools bought by B (1 of 3 ≥ 25 %), median 800 → C and D; Food by B 200
        // and C 300 (2 of 3), median 250 → D. C 600 and D 100 without a group are no group to sell.
        let ws: Vec<(&str, &str, i64)> = views
            .white_space
            .iter()
            .map(|w| (key(w.customer), views.groups[w.group as usize].as_str(), w.estimated_value.cents()))
            .collect();
        assert_eq!(ws, vec![("C", "Tools", 800), ("D", "Tools", 800), ("D", "Food", 250)]);
        // Small median 900 (B 1000, C 900, D 100): D is 800 below it.
        let up: Vec<(&str, i64)> = views.up_sell.iter().map(|u| (key(u.customer), u.gap.cents())).collect();
        assert_eq!(up, vec![("D", 800)]);
    }

    #[test]
    fn every_customers_cells_at_once_are_each_customers_cells() {
        let ledger = hand_worked();
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        let groups = Breakdown::build(&ledger, &table, Attribute::ProductGroup).unwrap();
        let customers = ledger.customer_count();
        let per_customer = groups.per_customer(0, customers);
        assert_eq!(per_customer.len(), 6);
        for (index, cells) in per_customer.iter().enumerate() {
            assert_eq!(*cells, groups.of_customer(0, CustomerId::from_index(index)));
        }
        // S1 buys Tools and Food: two cells.
        assert_eq!(per_customer[2].len(), 2);
        // A period without lines has no cells.
        assert!(groups.per_customer(1, customers).iter().all(|cells| cells.is_empty()));
    }

    #[test]
    fn without_a_rep_column_and_without_active_customers() {
        let ledger = ledger_with_groups(&[("A", "Tools", "", -100)]);
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default()).unwrap();
        let groups = Breakdown::build(&ledger, &table, Attribute::ProductGroup).unwrap();
        let views = CustomerViews::of(&table, &levels, &groups, None);
        assert!(views.reps.is_empty() && views.white_space.is_empty() && views.up_sell.is_empty());
    }
}
