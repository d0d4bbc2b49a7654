//! The customer pyramid (method.md §2): active customers ranked by revenue and cut into Top,
//! Big, Medium and Small at `k(p) = ceil(p * n)`, plus the inactive, prospects and suspects.

use super::ledger::CustomerId;
use super::money::Money;
use super::period::Period;
use super::revenue::RevenueTable;
use super::session::analysis::{Analysis, Context, EmptyReason, Selection};
use super::stats::{rank_by_revenue, share, BasisPoints};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A customer's place in the pyramid of one period.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Top,
    Big,
    Medium,
    Small,
    /// Active in some earlier period of the data, not in this one.
    Inactive,
}

impl Level {
    /// Apex first.
    pub const ALL: [Level; 5] = [Level::Top, Level::Big, Level::Medium, Level::Small, Level::Inactive];
    pub const ACTIVE: [Level; 4] = [Level::Top, Level::Big, Level::Medium, Level::Small];

    /// A level by its name in the files: the English name (`top`, `big`, `medium`, `small`,
    /// `inactive`) or the Dutch one (`top`, `groot`, `middelgroot`, `klein`, `inactief`), any case.
    pub fn parse(text: &str) -> Option<Level> {
        let text = text.trim().to_lowercase();
        let dutch = |level| match level {
            Level::Top => "top",
            Level::Big => "groot",
            Level::Medium => "middelgroot",
            Level::Small => "klein",
            Level::Inactive => "inactief",
        };
        Level::ALL.into_iter().find(|&l| l.name() == text || dutch(l) == text)
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Top => "top",
            Level::Big => "big",
            Level::Medium => "medium",
            Level::Small => "small",
            Level::Inactive => "inactive",
        }
    }

    pub fn is_active(self) -> bool {
        self != Level::Inactive
    }
}

/// The cumulative cut-offs: ranks up to `top` of the active customers are Top, up to `big` Big,
/// up to `medium` Medium, the rest Small. Cut-offs out of order leave the squeezed levels empty.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CutOffs {
    pub top: BasisPoints,
    pub big: BasisPoints,
    pub medium: BasisPoints,
}

impl Default for CutOffs {
    fn default() -> Self {
        CutOffs { top: BasisPoints(100), big: BasisPoints(500), medium: BasisPoints(2_000) }
    }
}

impl CutOffs {
    /// `1,5,20`: the top, big and medium cut-offs in percent (at most two decimals, 0 to 100), as
    /// `--cutoffs` takes them. Read as integers, so `0.07` is exactly 7 hundredths of a percent.
    pub fn parse(text: &str) -> Result<CutOffs, String> {
        let parts: Vec<&str> = text.split(',').map(str::trim).collect();
        let [top, big, medium] = parts.as_slice() else {
            return Err(format!("expected three percentages for top, big and medium, e.g. 1,5,20, not '{text}'"));
        };
        Ok(CutOffs { top: percent(top)?, big: percent(big)?, medium: percent(medium)? })
    }

    /// The level of the customer at a 1-based rank among `n` active customers.
    fn level_at(self, rank: usize, n: usize) -> Level {
        if rank <= self.top.of(n) {
            Level::Top
        } else if rank <= self.big.of(n) {
            Level::Big
        } else if rank <= self.medium.of(n) {
            Level::Medium
        } else {
            Level::Small
        }
    }
}

/// A percentage with at most two decimals, 0 to 100, as basis points.
fn percent(text: &str) -> Result<BasisPoints, String> {
    let refuse =
        || format!("'{text}' is not a percentage from 0 to 100 with at most two decimals (e.g. 1, 5, 20 or 2.5)");
    let (whole, decimals) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(decimals) || decimals.len() > 2 || whole.len() > 3 {
        return Err(refuse());
    }
    let hundredths = format!("{decimals:0<2}");
    let points = whole.parse::<u32>().map_err(|_| refuse())? * 100 + hundredths.parse::<u32>().map_err(|_| refuse())?;
    (points <= BasisPoints::WHOLE.0).then_some(BasisPoints(points)).ok_or_else(refuse)
}

/// Every customer's level in one period: the lookup migration, views and customer detail use.
#[derive(Clone, Debug, PartialEq)]
pub struct Levels {
    period: Period,
    period_index: usize,
    /// Indexed by `CustomerId::index`; `None` for customers never active up to this period.
    /// Shared by a run of periods without lines, whose lookups are all the same.
    of: Arc<[Option<Level>]>,
    /// Active customers, rank 1 first.
    ranked: Vec<CustomerId>,
}

impl Levels {
    /// Ranks one period; `None` when the period is not in the table.
    pub fn classify(table: &RevenueTable, period: Period, cut_offs: CutOffs) -> Option<Levels> {
        let p = table.period_index(period)?;
        let revenue = table.revenue(p);
        let mut ranked: Vec<CustomerId> =
            (0..revenue.len()).filter(|&c| revenue[c].is_positive()).map(CustomerId::from_index).collect();
        rank_by_revenue(&mut ranked, |c| revenue[c.index()], table.id_order());
        let mut of: Vec<Option<Level>> = (0..revenue.len())
            .map(|c| table.first_active(CustomerId::from_index(c)).filter(|&first| first < p).map(|_| Level::Inactive))
            .collect();
        let n = ranked.len();
        for (i, customer) in ranked.iter().enumerate() {
            of[customer.index()] = Some(cut_offs.level_at(i + 1, n));
        }
        Some(Levels { period, period_index: p, of: of.into(), ranked })
    }

    /// Every period of the table, in order. A period without lines after one with nobody active
    /// shares that one's lookup (nobody became a customer in between), so the lookups grow with
    /// the periods that hold data, not with the span of the dates.
    pub fn every_period(table: &RevenueTable, cut_offs: CutOffs) -> Vec<Levels> {
        let mut history: Vec<Levels> = Vec::with_capacity(table.periods().len());
        for (p, &period) in table.periods().iter().enumerate() {
            let levels = match history.last() {
                Some(before) if before.ranked.is_empty() && !table.holds_data(p) => {
                    Some(Levels { period, period_index: p, of: Arc::clone(&before.of), ranked: Vec::new() })
                }
                _ => Levels::classify(table, period, cut_offs),
            };
            history.extend(levels);
        }
        history
    }

    pub fn period(&self) -> Period {
        self.period
    }

    /// The period's position in the revenue table.
    pub fn period_index(&self) -> usize {
        self.period_index
    }

    /// `None`: not active in this period nor in any earlier one.
    pub fn level(&self, customer: CustomerId) -> Option<Level> {
        self.of.get(customer.index()).copied().flatten()
    }

    /// Customers in the ledger (the length of the lookup).
    pub fn customer_count(&self) -> usize {
        self.of.len()
    }

    pub fn is_active(&self, customer: CustomerId) -> bool {
        self.level(customer).is_some_and(Level::is_active)
    }

    /// Active customers from rank 1 down.
    pub fn ranked(&self) -> &[CustomerId] {
        &self.ranked
    }

    /// Customers at one level, in rank order for active levels and id order for inactive.
    pub fn customers_at(&self, level: Level) -> Vec<CustomerId> {
        if level.is_active() {
            return self.ranked.iter().copied().filter(|&c| self.level(c) == Some(level)).collect();
        }
        (0..self.of.len()).map(CustomerId::from_index).filter(|&c| self.level(c) == Some(level)).collect()
    }
}

/// Counts the caller knows from outside the ledger.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outside {
    /// Known organisations with no purchase yet.
    pub prospects: Option<u64>,
    /// The rest of the target market, as the user estimates it.
    pub suspects: Option<u64>,
}

/// One row of the pyramid table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelRow {
    pub level: Level,
    pub customers: usize,
    /// Of active customers; `None` for the inactive row and when no customer is active.
    pub customer_share: Option<f64>,
    /// Sum of the level's `revenue(c, P)`; for inactive customers zero or negative (credit notes).
    pub revenue: Money,
    /// Of active customers' revenue; `None` for the inactive row and when no customer is active.
    pub revenue_share: Option<f64>,
    /// Rounded half up to the cent; `None` for an empty level.
    pub average_revenue: Option<Money>,
    /// Revenue minus given cost, when the ledger has a cost column.
    pub gross_margin: Option<Money>,
    /// Gross margin over revenue, when both are known and revenue is not zero.
    pub gross_margin_share: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pyramid {
    pub period: Period,
    /// Top, Big, Medium, Small, Inactive.
    pub levels: Vec<LevelRow>,
    pub active_customers: usize,
    pub active_revenue: Money,
    pub outside: Outside,
}

impl Pyramid {
    pub fn of(table: &RevenueTable, levels: &Levels, outside: Outside) -> Pyramid {
        let p = levels.period_index();
        let revenue = table.revenue(p);
        let cost = table.cost(p);
        // Sums of distinct lines' amounts and costs: within 2^61 cents by the ledger limit (money.rs).
        let mut sums = [(0usize, Money::ZERO, Money::ZERO); 5];
        for (c, level) in levels.of.iter().enumerate() {
            if let Some(level) = level {
                let sum = &mut sums[*level as usize];
                sum.0 += 1;
                sum.1 += revenue[c];
                sum.2 += cost.map_or(Money::ZERO, |cost| cost[c]);
            }
        }
        let active_customers = levels.ranked.len();
        let active_revenue: Money = sums[..4].iter().map(|s| s.1).sum();
        let rows = Level::ALL
            .iter()
            .map(|&level| {
                let (customers, revenue, cost) = sums[level as usize];
                // |revenue| + |cost| <= the ledger's absolute amounts and costs <= 2^61 cents.
                let margin = table.cost(p).map(|_| revenue - cost);
                let of_active = |part: i64, whole: i64| if level.is_active() { share(part, whole) } else { None };
                LevelRow {
                    level,
                    customers,
                    customer_share: of_active(customers as i64, active_customers as i64),
                    revenue,
                    revenue_share: of_active(revenue.cents(), active_revenue.cents()),
                    average_revenue: average(revenue, customers),
                    gross_margin: margin,
                    gross_margin_share: margin.and_then(|m| share(m.cents(), revenue.cents())),
                }
            })
            .collect();
        Pyramid { period: levels.period(), levels: rows, active_customers, active_revenue, outside }
    }

    pub fn row(&self, level: Level) -> Option<&LevelRow> {
        self.levels.iter().find(|r| r.level == level)
    }
}

/// Mean per customer, rounded half away from zero to the cent.
fn average(total: Money, customers: usize) -> Option<Money> {
    let n = i64::try_from(customers).ok().filter(|&n| n > 0)?;
    let cents = total.cents();
    // |cents| <= 2^61 (ledger limit) and n < 2^32 customers: 2 * 2^61 + n < 2^63 fits i64.
    let rounded = (2 * cents.abs() + n) / (2 * n);
    Some(Money::from_cents(rounded * cents.signum()))
}

/// What the Pyramid page asks: the pyramid of one period (the latest when `None`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PyramidRequest {
    pub selection: Selection,
    pub period: Option<Period>,
    pub outside: Outside,
}

/// A pyramid, and why its margin columns are empty when they are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PyramidView {
    pub pyramid: Pyramid,
    /// `Some(NoCostColumn)` when the ledger has no cost column.
    pub without_margins: Option<EmptyReason>,
}

impl Analysis for PyramidRequest {
    type View = PyramidView;

    fn answer(self, context: &mut Context) -> Result<PyramidView, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        let pyramid = Pyramid::of(&prepared.table, prepared.active_levels_of(self.period)?, self.outside);
        let without_margins = context.ledger.costs().is_none().then_some(EmptyReason::NoCostColumn);
        Ok(PyramidView { pyramid, without_margins })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::revenue::tests::{table_of, Line};
    use proptest::prelude::*;

    fn counts(p: &Pyramid) -> Vec<(usize, i64)> {
        p.levels.iter().map(|r| (r.customers, r.revenue.cents())).collect()
    }

    /// `--cutoffs`: percent with up to two decimals as hundredths of a percent, read without
    /// floats (0.07 % is 7, where 0.07 * 100 in floating point is 7.000000000000001).
    #[test]
    fn cut_offs_parse_as_exact_percentages() {
        assert_eq!(CutOffs::parse("1,5,20"), Ok(CutOffs::default()));
        let bp =
            |top, big, medium| CutOffs { top: BasisPoints(top), big: BasisPoints(big), medium: BasisPoints(medium) };
        assert_eq!(CutOffs::parse("0.07, 2.5,100"), Ok(bp(7, 250, 10_000)));
        for bad in ["1,5", "1,5,20,30", "1,5,100.01", "1,-5,20", "1,5,2.555", "1,5,x", "1,,20", "1,5,.5"] {
            assert!(CutOffs::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_periods_share_one_lookup() {
        // A buys in 1901, B in 2024: 1901..2024 are 124 periods, two with lines. 1902..2023 have
        // nobody active and A inactive; they share the lookup made for 1902.
        let (ledger, table) = table_of(&[("A", (1901, 5, 1), 100), ("B", (2024, 5, 1), 100)]);
        let history = Levels::every_period(&table, CutOffs::default());
        assert_eq!(history.len(), 124);
        let (a, b) = (ledger.customer_by_key("A").unwrap(), ledger.customer_by_key("B").unwrap());
        assert_eq!((history[0].level(a), history[0].level(b)), (Some(Level::Top), None));
        let owners = history[2..123].iter().filter(|l| !Arc::ptr_eq(&l.of, &history[1].of)).count();
        assert_eq!(owners, 0, "empty periods that own a lookup");
        assert_eq!(
            (history[1].level(a), history[122].level(a), history[122].level(b)),
            (Some(Level::Inactive), Some(Level::Inactive), None)
        );
        assert_eq!((history[123].level(a), history[123].level(b)), (Some(Level::Inactive), Some(Level::Top)));
        assert_eq!(history[122].period(), Period::starting_in(2023));
    }

    #[test]
    fn ties_at_a_cut_off_go_by_id_bytes() {
        // Seven customers in 2024: n = 7, k(1%) = 1, k(5%) = 1, k(20%) = ceil(1.4) = 2.
        // "a" and "B" tie at 500 for rank 1; byte order puts "B" (0x42) before "a" (0x61):
        // B is Top, a is Medium (rank 2). "c" and "d" tie at 100 far below any cut-off.
        let lines: Vec<Line> = vec![
            ("a", (2024, 1, 1), 500),
            ("B", (2024, 1, 1), 500),
            ("x", (2024, 1, 1), 300),
            ("y", (2024, 1, 1), 200),
            ("z", (2024, 1, 1), 150),
            ("c", (2024, 1, 1), 100),
            ("d", (2024, 1, 1), 100),
        ];
        let (ledger, table) = table_of(&lines);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default()).unwrap();
        let level = |k| levels.level(ledger.customer_by_key(k).unwrap());
        assert_eq!(level("B"), Some(Level::Top));
        assert_eq!(level("a"), Some(Level::Medium));
        assert_eq!(level("x"), Some(Level::Small));
        let ranked: Vec<&str> = levels.ranked().iter().map(|&c| ledger.customer_key(c)).collect();
        assert_eq!(ranked, vec!["B", "a", "x", "y", "z", "c", "d"]);
        let p = Pyramid::of(&table, &levels, Outside::default());
        // Top: B 500; Big: empty (k(5%) = k(1%)); Medium: a 500; Small: 300+200+150+100+100 = 850.
        assert_eq!(counts(&p), vec![(1, 500), (0, 0), (1, 500), (5, 850), (0, 0)]);
        assert_eq!(p.active_revenue, Money::from_cents(1_850));
        assert_eq!(p.levels[3].average_revenue, Some(Money::from_cents(170)));
        assert_eq!(p.levels[1].average_revenue, None);
        assert_eq!(p.levels[0].customer_share, Some(1.0 / 7.0));
    }

    #[test]
    fn sums_and_averages_just_below_the_ledger_limit_are_exact() {
        // Seven customers whose revenue adds up to 2^61 - 17 cents, 17 under the ledger limit.
        // n = 7: k = 1, 1, 2. Top: t = 2^59; Medium: m = 2^58; Small: the five others, 2^58 - 1,
        // -2, -3, -4 and -7, sum 5 * 2^58 - 17 = 1,441,151,880,758,558,703.
        const T: i64 = 1 << 59;
        const M: i64 = 1 << 58;
        let lines: Vec<Line> = vec![
            ("t", (2024, 1, 1), T),
            ("m", (2024, 1, 1), M),
            ("s1", (2024, 1, 1), M - 1),
            ("s2", (2024, 1, 1), M - 2),
            ("s3", (2024, 1, 1), M - 3),
            ("s4", (2024, 1, 1), M - 4),
            ("s7", (2024, 1, 1), M - 7),
        ];
        let (_, table) = table_of(&lines);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default()).unwrap();
        let p = Pyramid::of(&table, &levels, Outside::default());
        let small = 1_441_151_880_758_558_703;
        assert_eq!(counts(&p), vec![(1, T), (0, 0), (1, M), (5, small), (0, 0)]);
        assert_eq!(p.active_revenue.cents(), 2_305_843_009_213_693_935);
        // Small's average: 1,441,151,880,758,558,703 / 5 = 288,230,376,151,711,740.6, rounded half away
        // from zero to ...741; the rounding term 2 * 1,441,151,880,758,558,703 + 5 is 2.9 * 10^18.
        assert_eq!(p.levels[3].average_revenue, Some(Money::from_cents(288_230_376_151_711_741)));
        // A credit note of the same size averages to its negative.
        assert_eq!(average(Money::from_cents(-small), 5), Some(Money::from_cents(-288_230_376_151_711_741)));
    }

    fn pyramid_of_n(n: usize) -> Vec<usize> {
        // Customers C000.. with distinct revenues n, n-1, ..., 1 cents.
        let keys: Vec<&'static str> = (0..n).map(|i| &*Box::leak(format!("C{i:03}").into_boxed_str())).collect();
        let lines: Vec<Line> = keys.iter().enumerate().map(|(i, k)| (*k, (2024, 1, 1), (n - i) as i64)).collect();
        let (_, table) = table_of(&lines);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default()).unwrap();
        Pyramid::of(&table, &levels, Outside::default()).levels.iter().map(|r| r.customers).collect()
    }

    #[test]
    fn ceil_cut_offs_for_various_n() {
        // Level sizes are k(1%), k(5%) - k(1%), k(20%) - k(5%), n - k(20%).
        assert_eq!(pyramid_of_n(1), vec![1, 0, 0, 0, 0]); // k = 1, 1, 1
        assert_eq!(pyramid_of_n(7), vec![1, 0, 1, 5, 0]); // k = 1, 1, 2
        assert_eq!(pyramid_of_n(20), vec![1, 0, 3, 16, 0]); // k = 1, 1, 4
        assert_eq!(pyramid_of_n(100), vec![1, 4, 15, 80, 0]); // k = 1, 5, 20
        assert_eq!(pyramid_of_n(101), vec![2, 4, 15, 80, 0]); // k = 2, 6, 21
    }

    #[test]
    fn credit_notes_to_zero_or_below_make_a_customer_inactive() {
        let (ledger, table) = table_of(&[
            ("A", (2023, 1, 1), 1_000),
            ("B", (2023, 1, 1), 2_000),
            ("A", (2024, 2, 1), 400),
            ("A", (2024, 3, 1), -400), // nets to zero: not active
            ("B", (2024, 2, 1), 100),
            ("B", (2024, 3, 1), -300), // nets to -200: not active
            ("C", (2024, 2, 1), -50),  // only a credit note, never active: not in the pyramid
            ("D", (2024, 2, 1), 700),
        ]);
        let levels = Levels::classify(&table, Period::starting_in(2024), CutOffs::default()).unwrap();
        let level = |k| levels.level(ledger.customer_by_key(k).unwrap());
        assert_eq!(
            (level("A"), level("B"), level("C"), level("D")),
            (Some(Level::Inactive), Some(Level::Inactive), None, Some(Level::Top))
        );
        let p = Pyramid::of(&table, &levels, Outside::default());
        // Inactive revenue is their 2024 revenue: 0 + (-200).
        assert_eq!(counts(&p), vec![(1, 700), (0, 0), (0, 0), (0, 0), (2, -200)]);
        assert_eq!(p.levels[4].customer_share, None);
    }

    #[test]
    fn a_period_with_no_active_customer() {
        let (_, table) = table_of(&[("A", (2022, 1, 1), 100), ("A", (2024, 1, 1), 100)]);
        let levels = Levels::classify(&table, Period::starting_in(2023), CutOffs::default()).unwrap();
        let p = Pyramid::of(&table, &levels, Outside { prospects: Some(3), suspects: None });
        assert_eq!(counts(&p), vec![(0, 0), (0, 0), (0, 0), (0, 0), (1, 0)]);
        assert_eq!(p.levels[0].revenue_share, None);
        assert!(Levels::classify(&table, Period::starting_in(2030), CutOffs::default()).is_none());
    }

    /// Random small ledgers: up to 12 customers over 2020-2024, amounts with credit notes.
    pub(crate) fn random_lines() -> impl Strategy<Value = Vec<Line>> {
        const KEYS: [&str; 12] = ["A", "B", "C", "D", "E", "F", "G", "H", "a", "b", "c", "d"];
        prop::collection::vec((0..KEYS.len(), 2020..=2024i32, 1..=12u32, -5_000..20_000i64), 0..60)
            .prop_map(|v| v.into_iter().map(|(k, y, m, a)| (KEYS[k], (y, m, 1), a)).collect())
    }

    proptest! {
        #[test]
        fn levels_sum_to_the_active_customers(lines in random_lines()) {
            let (_, table) = table_of(&lines);
            for levels in Levels::every_period(&table, CutOffs::default()) {
                let p = Pyramid::of(&table, &levels, Outside::default());
                let active = &p.levels[..4];
                let revenue = table.revenue(levels.period_index());
                let expected: Money = revenue.iter().copied().filter(|r| r.is_positive()).sum();
                prop_assert_eq!(active.iter().map(|r| r.customers).sum::<usize>(), revenue.iter().filter(|r| r.is_positive()).count());
                prop_assert_eq!(active.iter().map(|r| r.revenue).sum::<Money>(), expected);
                prop_assert_eq!(p.active_revenue, expected);
            }
        }
    }
}
