//! Customer Interviews (issue 15, docs/planning.md): per customer, entered in the page's form or
//! imported from a survey export (`customer,date,satisfaction,recommend,wallet,potential,remarks`),
//! the satisfaction (1-10), the likelihood to recommend (0-10), the customer's total spend in our
//! categories per year (the wallet), the growth potential in money and remarks. Several interviews
//! of one customer are all kept; the latest counts. A key the ledger does not know is kept and
//! flagged (a prospect, or a typing error).
//!
//! The analysis: the Net Promoter Score over the latest interviews, the customer share (our
//! revenue in the chosen period / wallet), share of wallet and mean satisfaction per pyramid
//! level, the satisfaction x share matrix and the potential not yet captured per sales rep.

use super::cost_pools::{InputError, Problem, Row, Table};
use super::date::Day;
use super::ledger::{CustomerId, Ledger};
use super::money::Money;
use super::period::Period;
use super::pyramid::{Level, Levels};
use super::revenue::RevenueTable;
use super::session::analysis::{Analysis, Context, CustomerRef, EmptyReason, Selection};
use super::views::main_rep;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The columns of the interviews table (its CSV file, its sheet and the editor).
pub const INTERVIEW_COLUMNS: [&str; 7] =
    ["customer", "date", "satisfaction", "recommend", "wallet", "potential", "remarks"];

/// The columns a survey export must have; the others may be absent (their cells are then empty).
pub(crate) const REQUIRED: [&str; 2] = ["customer", "date"];

/// One interview as entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    /// The customer key as the ledger has it (or a prospect's name).
    pub customer: String,
    pub date: Day,
    /// 1-10.
    pub satisfaction: Option<u8>,
    /// 0-10.
    pub recommend: Option<u8>,
    /// The customer's total spend in our categories per year.
    pub wallet: Option<Money>,
    /// The growth potential in money.
    pub potential: Option<Money>,
    pub remarks: String,
}

/// Every interview, in the order entered (the history is kept).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interviews {
    pub rows: Vec<Interview>,
}

/// The figures of a customer's latest interview (the scorecard's input).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewFigures {
    pub date: Day,
    pub satisfaction: Option<u8>,
    pub recommend: Option<u8>,
    pub wallet: Option<Money>,
    pub potential: Option<Money>,
}

impl Interviews {
    pub const NONE: Interviews = Interviews { rows: Vec::new() };

    /// The latest interview of each customer key: the latest date, and of two on one day the one
    /// entered last (a correction is entered after what it corrects).
    pub fn latest(&self) -> BTreeMap<&str, &Interview> {
        let mut latest: BTreeMap<&str, &Interview> = BTreeMap::new();
        for interview in &self.rows {
            let kept = latest.entry(&interview.customer).or_insert(interview);
            if interview.date >= kept.date {
                *kept = interview;
            }
        }
        latest
    }

    /// How many interviews each customer key has.
    fn counts(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for interview in &self.rows {
            *counts.entry(interview.customer.as_str()).or_insert(0) += 1;
        }
        counts
    }

    /// The rows as the editor shows them (amounts with two decimals and `.`, dates YYYY-MM-DD).
    pub fn grid(&self) -> Vec<Vec<String>> {
        let text = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
        let money = |v: Option<Money>| v.map(|v| v.to_string()).unwrap_or_default();
        self.rows
            .iter()
            .map(|i| {
                vec![
                    i.customer.clone(),
                    i.date.to_string(),
                    text(i.satisfaction),
                    text(i.recommend),
                    money(i.wallet),
                    money(i.potential),
                    i.remarks.clone(),
                ]
            })
            .collect()
    }
}

/// The latest interview's figures per customer key (the contract of the scorecard).
pub fn latest_per_customer(interviews: &Interviews) -> BTreeMap<String, InterviewFigures> {
    interviews
        .latest()
        .into_iter()
        .map(|(key, i)| {
            let figures = InterviewFigures {
                date: i.date,
                satisfaction: i.satisfaction,
                recommend: i.recommend,
                wallet: i.wallet,
                potential: i.potential,
            };
            (key.to_string(), figures)
        })
        .collect()
}

/// The Net Promoter Score of a set of recommend scores (0-10).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nps {
    /// 9 and 10.
    pub promoters: u32,
    /// 7 and 8.
    pub passives: u32,
    /// 0 to 6.
    pub detractors: u32,
    /// % promoters minus % detractors in whole percentage points (-100 to 100), rounded half away
    /// from zero: 1 promoter of 8 is 12.5 points, shown as 13.
    pub score: i32,
}

/// The NPS of the scores, or `None` when there is none (the score is then not computed, not 0).
pub fn nps(recommend: impl IntoIterator<Item = u8>) -> Option<Nps> {
    let (mut promoters, mut passives, mut detractors) = (0u32, 0u32, 0u32);
    for score in recommend {
        match score {
            9.. => promoters += 1,
            7 | 8 => passives += 1,
            _ => detractors += 1,
        }
    }
    let count = i64::from(promoters + passives + detractors);
    if count == 0 {
        return None;
    }
    // 100 (P - D) / N rounded half away from zero, in integers: (200 |P - D| + N) / 2N.
    let difference = i64::from(promoters) - i64::from(detractors);
    let magnitude = (200 * difference.abs() + count) / (2 * count);
    let score = (difference.signum() * magnitude) as i32;
    Some(Nps { promoters, passives, detractors, score })
}

/// The potential not yet captured: the wallet minus our revenue, floored at 0 (`None` without a
/// wallet). Customer Views shows it beside the white space.
pub fn uncaptured(wallet: Option<Money>, revenue: Money) -> Option<Money> {
    wallet.map(|w| if revenue >= w { Money::ZERO } else { w - revenue })
}

/// The interviews of a table with `INTERVIEW_COLUMNS` (at least `customer` and `date`).
pub(crate) fn interviews_in(table: &Table<'_>) -> Result<Interviews, InputError> {
    let mut rows = Vec::new();
    let mut total: u128 = 0;
    for row in table.rows() {
        let wallet = amount(&row, "wallet", &mut total)?;
        let potential = amount(&row, "potential", &mut total)?;
        rows.push(Interview {
            customer: row.text("customer")?.to_string(),
            date: row.day("date")?,
            satisfaction: score(&row, "satisfaction", 1, Problem::SatisfactionRange)?,
            recommend: score(&row, "recommend", 0, Problem::RecommendRange)?,
            wallet,
            potential,
            remarks: row.cell("remarks").to_string(),
        });
    }
    Ok(Interviews { rows })
}

/// Reads a CSV file (or a workbook's first sheet) of interviews.
pub fn parse_interviews(file: &str, bytes: &[u8]) -> Result<Interviews, InputError> {
    interviews_in(&Table::read(file, bytes, &REQUIRED)?)
}

/// A score from `low` to 10, or `None` for an empty cell.
fn score(row: &Row<'_>, column: &str, low: u8, out_of_range: Problem) -> Result<Option<u8>, InputError> {
    let text = row.cell(column);
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(value) if (low..=10).contains(&value) => Ok(Some(value)),
        _ => Err(row.error(column, out_of_range)),
    }
}

/// An amount of money, or `None` for an empty cell; `total` adds up the table's amounts, which
/// together stay within what sums can hold exactly (money.rs).
pub(crate) fn amount(row: &Row<'_>, column: &str, total: &mut u128) -> Result<Option<Money>, InputError> {
    if row.cell(column).is_empty() {
        return Ok(None);
    }
    let cents = row.hundredths(column, Money::LINE_LIMIT.cents().unsigned_abs())?;
    *total += u128::from(cents);
    if *total > Money::LEDGER_LIMIT_CENTS {
        return Err(row.error(column, Problem::AmountsTooLarge));
    }
    Ok(Some(Money::from_cents(cents as i64)))
}

/// Where a satisfied customer starts and a high share starts (the page's matrix).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Thresholds {
    /// Satisfaction at or above this is satisfied (1-10).
    pub satisfied: u8,
    /// Customer share at or above this percentage is high.
    pub high_share_percent: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { satisfied: 7, high_share_percent: 50 }
    }
}

/// What the Interviews page asks.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InterviewsRequest {
    pub selection: Selection,
    /// The period whose revenue and pyramid levels the shares use (the latest when `None`).
    pub period: Option<Period>,
    pub thresholds: Thresholds,
}

/// Where a customer stands in the satisfaction x share matrix.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Quadrant {
    /// Satisfied with a high share.
    Loyal,
    /// Satisfied with a low share: room to grow.
    Development,
    /// Dissatisfied with a high share: much to lose.
    AtRisk,
    /// Dissatisfied with a low share.
    Vulnerable,
}

/// A customer's latest interview with what the ledger says about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterviewRow {
    pub customer: CustomerRef,
    /// The key is in the ledger (else a prospect, or a typing error).
    pub known: bool,
    pub interviews: usize,
    pub date: Day,
    pub satisfaction: Option<u8>,
    pub recommend: Option<u8>,
    pub wallet: Option<Money>,
    pub potential: Option<Money>,
    /// Our revenue in the period.
    pub revenue: Money,
    /// revenue / wallet; `None` without a wallet above zero (unknown, not 0). Above 1 when the
    /// revenue is above the wallet (it is not capped: the wallet looks too low).
    pub share: Option<f64>,
    pub above_wallet: bool,
    pub uncaptured: Option<Money>,
    /// The level in the period (`None`: never active, or not in the ledger).
    pub level: Option<Level>,
    pub rep: Option<String>,
    /// `None` when the satisfaction or the share is unknown.
    pub quadrant: Option<Quadrant>,
}

/// Share of wallet and satisfaction of one pyramid level's interviewed customers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelInterviews {
    /// `None`: customers never active, and keys not in the ledger.
    pub level: Option<Level>,
    pub interviewed: usize,
    /// Over those with a satisfaction score.
    pub mean_satisfaction: Option<f64>,
    /// Their revenue / their wallets, over those with a wallet above zero.
    pub share_of_wallet: Option<f64>,
}

/// The potential not yet captured of one sales rep's interviewed customers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepPotential {
    /// `None`: customers without a rep (prospects included).
    pub rep: Option<String>,
    pub customers: usize,
    pub uncaptured: Money,
}

/// The Interviews page's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterviewsView {
    pub period: Period,
    pub thresholds: Thresholds,
    /// `None`: no latest interview has a recommend score.
    pub nps: Option<Nps>,
    /// Latest interview per customer, by key in byte order.
    pub rows: Vec<InterviewRow>,
    pub levels: Vec<LevelInterviews>,
    pub reps: Vec<RepPotential>,
    pub uncaptured: Money,
    /// Latest interviews without a wallet (their share is unknown).
    pub without_wallet: usize,
}

impl Analysis for InterviewsRequest {
    type View = InterviewsView;

    fn answer(self, context: &mut Context) -> Result<InterviewsView, EmptyReason> {
        let interviews = &context.tables.interviews;
        if interviews.rows.is_empty() {
            return Err(EmptyReason::NoInterviews);
        }
        let prepared = context.prepare(&self.selection);
        let levels = prepared.levels_of(self.period)?;
        let reps = prepared.reps(context.ledger);
        let rep = |customer| reps.and_then(|r| main_rep(levels, r, customer)).map(String::from);
        let known = Known { ledger: context.ledger, table: &prepared.table, levels };
        Ok(InterviewsView::of(interviews, &known, rep, self.thresholds))
    }
}

/// What the ledger says about the interviewed customers.
struct Known<'a> {
    ledger: &'a Ledger,
    table: &'a RevenueTable,
    levels: &'a Levels,
}

impl InterviewsView {
    fn of(
        interviews: &Interviews,
        known: &Known<'_>,
        rep: impl Fn(CustomerId) -> Option<String>,
        thresholds: Thresholds,
    ) -> InterviewsView {
        let counts = interviews.counts();
        let rows: Vec<InterviewRow> = interviews
            .latest()
            .into_iter()
            .map(|(key, interview)| {
                let customer = known.ledger.customer_by_key(key);
                let mut row = InterviewRow::of(interview, counts[key], thresholds, known, customer);
                row.rep = customer.and_then(&rep);
                row
            })
            .collect();
        let nps = nps(rows.iter().filter_map(|r| r.recommend));
        let levels = level_rows(&rows);
        let reps = rep_rows(&rows);
        InterviewsView {
            period: known.levels.period(),
            thresholds,
            nps,
            uncaptured: reps.iter().map(|r| r.uncaptured).sum(),
            without_wallet: rows.iter().filter(|r| r.wallet.is_none()).count(),
            rows,
            levels,
            reps,
        }
    }
}

impl InterviewRow {
    fn of(
        interview: &Interview,
        interviews: usize,
        thresholds: Thresholds,
        known: &Known<'_>,
        customer: Option<CustomerId>,
    ) -> InterviewRow {
        let revenue = customer.map_or(Money::ZERO, |c| known.table.revenue_of(c, known.levels.period_index()));
        let wallet = interview.wallet.filter(|w| w.is_positive());
        let share = wallet.map(|w| revenue.cents() as f64 / w.cents() as f64);
        // High share in integers: revenue x 100 >= wallet x threshold.
        let high = wallet.map(|w| {
            i128::from(revenue.cents()) * 100 >= i128::from(w.cents()) * i128::from(thresholds.high_share_percent)
        });
        let satisfied = interview.satisfaction.map(|s| s >= thresholds.satisfied);
        let quadrant = match (satisfied, high) {
            (Some(true), Some(true)) => Some(Quadrant::Loyal),
            (Some(true), Some(false)) => Some(Quadrant::Development),
            (Some(false), Some(true)) => Some(Quadrant::AtRisk),
            (Some(false), Some(false)) => Some(Quadrant::Vulnerable),
            _ => None,
        };
        InterviewRow {
            customer: match customer {
                Some(c) => CustomerRef::of(known.ledger, c),
                None => CustomerRef { key: interview.customer.clone(), name: None },
            },
            known: customer.is_some(),
            interviews,
            date: interview.date,
            satisfaction: interview.satisfaction,
            recommend: interview.recommend,
            wallet: interview.wallet,
            potential: interview.potential,
            revenue,
            share,
            above_wallet: interview.wallet.is_some_and(|w| revenue > w),
            uncaptured: uncaptured(interview.wallet, revenue),
            level: customer.and_then(|c| known.levels.level(c)),
            rep: None,
            quadrant,
        }
    }
}

/// One row per level with interviewed customers, top first; `None` (never active) last.
fn level_rows(rows: &[InterviewRow]) -> Vec<LevelInterviews> {
    let levels = Level::ALL.into_iter().map(Some).chain([None]);
    levels
        .filter_map(|level| {
            let at: Vec<&InterviewRow> = rows.iter().filter(|r| r.level == level).collect();
            let scores: Vec<f64> = at.iter().filter_map(|r| r.satisfaction).map(f64::from).collect();
            let walleted = at.iter().filter_map(|r| Some((r.revenue, r.wallet.filter(|w| w.is_positive())?)));
            let (revenue, wallet) = walleted.fold((Money::ZERO, Money::ZERO), |(r, w), (rv, wl)| (r + rv, w + wl));
            (!at.is_empty()).then(|| LevelInterviews {
                level,
                interviewed: at.len(),
                mean_satisfaction: (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64),
                share_of_wallet: wallet.is_positive().then(|| revenue.cents() as f64 / wallet.cents() as f64),
            })
        })
        .collect()
}

/// The potential not yet captured per rep, named reps in byte order, then customers without one.
fn rep_rows(rows: &[InterviewRow]) -> Vec<RepPotential> {
    let mut reps: BTreeMap<(bool, Option<&str>), RepPotential> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.uncaptured.is_some()) {
        let entry = reps.entry((row.rep.is_none(), row.rep.as_deref())).or_insert_with(|| RepPotential {
            rep: row.rep.clone(),
            customers: 0,
            uncaptured: Money::ZERO,
        });
        entry.customers += 1;
        entry.uncaptured += row.uncaptured.unwrap_or(Money::ZERO);
    }
    reps.into_values().collect()
}

#[cfg(test)]
// Amounts in cents are written units_cents (1_100_01 is 1100.01), as they are read.
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;
    use crate::engine::import::DateFormat;
    use crate::engine::session::analysis::{AnalysisCache, AnalysisResponse};
    use crate::engine::session::tables::SideTables;
    use crate::engine::views::tests::ledger_with_groups;

    fn interview(
        customer: &str,
        date: &str,
        satisfaction: Option<u8>,
        recommend: Option<u8>,
        wallet: Option<i64>,
    ) -> Interview {
        Interview {
            customer: customer.into(),
            date: DateFormat::YearMonthDay.parse(date).unwrap(),
            satisfaction,
            recommend,
            wallet: wallet.map(Money::from_cents),
            potential: None,
            remarks: String::new(),
        }
    }

    #[test]
    fn nps_counts_promoters_passives_and_detractors() {
        // Scores 10, 9, 8, 7, 6, 0, 3, 9: promoters 10, 9, 9 (3), passives 8, 7 (2), detractors
        // 6, 0, 3 (3) of 8: 37.5 % - 37.5 % = 0.
        let even = nps([10, 9, 8, 7, 6, 0, 3, 9]).unwrap();
        assert_eq!(even, Nps { promoters: 3, passives: 2, detractors: 3, score: 0 });
        // 2 promoters of 8 (25 %), 1 detractor (12.5 %): 12.5 points, rounded half away from 0: 13.
        assert_eq!(nps([9, 10, 8, 8, 7, 7, 7, 6]).unwrap().score, 13);
        // 1 promoter, 2 detractors of 8: -12.5 -> -13.
        assert_eq!(nps([9, 5, 6, 8, 8, 7, 7, 7]).unwrap().score, -13);
        // 2 of 3 detractors, 1 promoter: 33.3 - 66.7 = -33.3 -> -33.
        assert_eq!(nps([0, 1, 10]).unwrap().score, -33);
        assert_eq!(nps([10, 9]).unwrap().score, 100);
        // No scores: not computed (not 0).
        assert_eq!(nps([]), None);
    }

    #[test]
    fn the_latest_interview_counts_and_the_history_is_kept() {
        let rows = vec![
            interview("A", "2024-03-01", Some(8), Some(9), Some(100_00)),
            interview("A", "2024-01-15", Some(4), Some(2), None),
            interview("B", "2024-02-01", Some(5), None, None),
            // Two on one day: the one entered last counts.
            interview("B", "2024-02-01", Some(6), Some(7), Some(50_00)),
        ];
        let interviews = Interviews { rows };
        let latest = latest_per_customer(&interviews);
        assert_eq!(latest.len(), 2);
        assert_eq!((latest["A"].satisfaction, latest["A"].recommend), (Some(8), Some(9)));
        assert_eq!(latest["A"].date.to_string(), "2024-03-01");
        assert_eq!((latest["B"].satisfaction, latest["B"].wallet), (Some(6), Some(Money::from_cents(50_00))));
        assert_eq!(interviews.counts()["A"], 2);
        assert_eq!(interviews.rows.len(), 4);
    }

    fn table(csv: &str) -> Result<Interviews, InputError> {
        parse_interviews("survey.csv", csv.as_bytes())
    }

    #[test]
    fn reads_a_survey_export_and_names_the_bad_cell() {
        let ok = table("Customer;Date;Satisfaction;Recommend;Wallet\nC1;15-03-2024;7;10;1250,50\nC2;2024-04-01;;;\n")
            .unwrap();
        assert_eq!(ok.rows.len(), 2);
        assert_eq!(ok.rows[0].date.to_string(), "2024-03-15");
        assert_eq!(ok.rows[0].wallet, Some(Money::from_cents(125_050)));
        assert_eq!((ok.rows[1].satisfaction, ok.rows[1].recommend, ok.rows[1].wallet), (None, None, None));
        let bad = |csv: &str| {
            let e = table(csv).unwrap_err();
            (e.line, e.column, e.value, e.problem)
        };
        let header = "customer,date,satisfaction,recommend,wallet\n";
        assert_eq!(
            bad(&format!("{header}C1,2024-01-01,7,9,10\nC2,2024-01-01,0,9,10\n")),
            (3, "satisfaction".into(), "0".into(), Problem::SatisfactionRange)
        );
        assert_eq!(
            bad(&format!("{header}C1,2024-01-01,7,11,10\n")),
            (2, "recommend".into(), "11".into(), Problem::RecommendRange)
        );
        assert_eq!(
            bad(&format!("{header}C1,31-02-2024,7,9,10\n")),
            (2, "date".into(), "31-02-2024".into(), Problem::NotADate)
        );
        assert_eq!(
            bad(&format!("{header}C1,2024-01-01,7,9,-5\n")),
            (2, "wallet".into(), "-5".into(), Problem::Negative)
        );
        assert_eq!(bad(&format!("{header},2024-01-01,7,9,5\n")), (2, "customer".into(), String::new(), Problem::Empty));
        assert_eq!(bad("customer,satisfaction\nC1,7\n"), (1, "date".into(), String::new(), Problem::MissingColumn));
    }

    /// The Interviews answer for 2024 lines A 600 (Ann), B 300 (Ann), C 100 (Bob), Z 0 (Bob: in the
    /// ledger, no revenue).
    fn view(rows: Vec<Interview>) -> InterviewsView {
        let ledger = ledger_with_groups(&[
            ("A", "G", "Ann", 600_00),
            ("B", "G", "Ann", 300_00),
            ("C", "G", "Bob", 100_00),
            ("Z", "G", "Bob", 0),
        ]);
        let tables = SideTables { interviews: Interviews { rows }, ..SideTables::NONE };
        let request =
            InterviewsRequest { selection: Selection::default(), period: None, thresholds: Thresholds::default() };
        match AnalysisCache::default().answer_with(&ledger, &tables, request.into()) {
            AnalysisResponse::Interviews(view) => view,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn shares_matrix_and_potential_with_their_edge_cases() {
        let view = view(vec![
            // A: revenue 600 of a wallet of 2000: share 30 %, satisfied (8): development.
            interview("A", "2024-06-01", Some(8), Some(10), Some(2_000_00)),
            // B: 300 of 200: share 150 %, above the wallet (not capped), dissatisfied (5): at risk.
            interview("B", "2024-06-01", Some(5), Some(6), Some(200_00)),
            // C: no wallet: share unknown, not 0; no quadrant.
            interview("C", "2024-06-01", Some(9), Some(8), None),
            // P: not in the ledger (a prospect): revenue 0, share 0 of 500, uncaptured 500.
            interview("P", "2024-06-01", Some(7), None, Some(500_00)),
            // Z: in the ledger without revenue: share 0 of 100 (not unknown), no level, no rep.
            interview("Z", "2024-06-01", Some(3), None, Some(100_00)),
        ]);
        let row = |key: &str| view.rows.iter().find(|r| r.customer.key == key).unwrap();
        assert_eq!((row("A").share, row("A").quadrant), (Some(0.3), Some(Quadrant::Development)));
        assert_eq!(row("A").uncaptured, Some(Money::from_cents(1_400_00)));
        assert_eq!((row("B").share, row("B").above_wallet), (Some(1.5), true));
        assert_eq!((row("B").quadrant, row("B").uncaptured), (Some(Quadrant::AtRisk), Some(Money::ZERO)));
        assert_eq!((row("C").share, row("C").quadrant, row("C").uncaptured), (None, None, None));
        assert_eq!((row("P").known, row("P").revenue, row("P").share), (false, Money::ZERO, Some(0.0)));
        assert_eq!(row("P").quadrant, Some(Quadrant::Development));
        assert_eq!(
            (row("Z").known, row("Z").revenue, row("Z").share, row("Z").level),
            (true, Money::ZERO, Some(0.0), None)
        );
        assert_eq!(
            (row("Z").quadrant, row("Z").uncaptured),
            (Some(Quadrant::Vulnerable), Some(Money::from_cents(100_00)))
        );
        // NPS over the three with a recommend score: 10 promoter, 6 detractor, 8 passive: 0.
        assert_eq!(view.nps, Some(Nps { promoters: 1, passives: 1, detractors: 1, score: 0 }));
        // Uncaptured per rep: Ann (A 1400, B 0) 1400 over 2; no rep (P 500, Z 100) 600; C has no wallet.
        let reps: Vec<(Option<&str>, usize, i64)> =
            view.reps.iter().map(|r| (r.rep.as_deref(), r.customers, r.uncaptured.cents())).collect();
        assert_eq!(reps, [(Some("Ann"), 2, 1_400_00), (None, 2, 600_00)]);
        assert_eq!((view.uncaptured, view.without_wallet), (Money::from_cents(2_000_00), 1));
    }

    #[test]
    fn levels_and_no_recommend_scores() {
        // Three active customers, default cut-offs: k(1 %) = k(5 %) = k(20 %) = ceil(0.6) = 1, so
        // A (rank 1) is Top and B and C are Small.
        let view = view(vec![
            interview("A", "2024-06-01", Some(8), None, Some(1_000_00)),
            interview("B", "2024-06-01", Some(6), None, Some(500_00)),
            interview("C", "2024-06-01", None, None, Some(100_00)),
        ]);
        // No recommend score at all: the NPS is not computed.
        assert_eq!(view.nps, None);
        let of = |l| view.levels.iter().find(|r| r.level == Some(l)).unwrap();
        // Top: A alone, 8; 600 / 1000.
        assert_eq!((of(Level::Top).interviewed, of(Level::Top).mean_satisfaction), (1, Some(8.0)));
        assert_eq!(of(Level::Top).share_of_wallet, Some(0.6));
        // Small: B and C; satisfaction over the one who scored (6); (300 + 100) / (500 + 100).
        assert_eq!((of(Level::Small).interviewed, of(Level::Small).mean_satisfaction), (2, Some(6.0)));
        assert_eq!(of(Level::Small).share_of_wallet, Some(400.0 / 600.0));
        assert_eq!(view.levels.len(), 2);
    }
}
