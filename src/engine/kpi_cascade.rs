//! The KPI cascade (issue 15, `docs/scorecard.md`): a company scorecard of CRM metrics with the
//! targets the user enters (a side table, `metric,unit,target`), cascaded to every department,
//! team and sales rep, each with its actual value computed from the data by the engine's own
//! analyses (the revenue table, the pyramid's active customers, the flows, the ledger's costs,
//! the Customer Focus report and the planning pages' `scorecard::Inputs`). A metric the data
//! cannot give is `Actual::Unavailable` with the reason, never a zero. The metrics are placed in
//! the balanced scorecard's layers for the strategy map.

use super::cost_pools::{parse_hundredths, InputError, Problem, Table};
use super::customer_focus::report::Report;
use super::flows::Flows;
use super::interviews;
use super::ledger::{named, Attribute, Ledger};
use super::money::Money;
use super::period::Period;
use super::scope::Scope;
use super::scorecard::{self, Inputs, Status, AMBER_FROM_PERCENT};
use super::session::analysis::{Analysis, Context, EmptyReason, Prepared, Selection};
use super::session::tables::SideTables;
use serde::{Deserialize, Serialize};

/// A CRM metric of the cascade, in the order of the scorecard.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Metric {
    Revenue,
    Margin,
    ActiveCustomers,
    Retention,
    NewCustomers,
    RegainedCustomers,
    ShareOfWallet,
    Satisfaction,
    Nps,
    Contacts,
    CustomerFocus,
}

/// A layer of the balanced scorecard (Kaplan and Norton), bottom to top: learning and growth
/// drives the internal processes, which drive the customer results, which drive the financial ones.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Layer {
    Financial,
    Customer,
    InternalProcess,
    LearningAndGrowth,
}

impl Layer {
    /// Top (the results) to bottom (the drivers), as the strategy map draws them.
    pub const ALL: [Layer; 4] = [Layer::Financial, Layer::Customer, Layer::InternalProcess, Layer::LearningAndGrowth];
}

/// The strategy map's cause-effect links between layers, cause first: the organisation's
/// customer focus drives the contacts; contacts drive satisfaction, retention and the winning
/// of new and lost customers; active customers and their share of wallet drive revenue, and
/// retention the margin (a retained customer costs less to serve than a new one).
pub const LINKS: [(Metric, Metric); 8] = [
    (Metric::CustomerFocus, Metric::Contacts),
    (Metric::Contacts, Metric::Satisfaction),
    (Metric::Contacts, Metric::Retention),
    (Metric::Contacts, Metric::NewCustomers),
    (Metric::Contacts, Metric::RegainedCustomers),
    (Metric::ActiveCustomers, Metric::Revenue),
    (Metric::ShareOfWallet, Metric::Revenue),
    (Metric::Retention, Metric::Margin),
];

/// How a metric's value and target are written; targets are kept in hundredths of the unit.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// Money, target in cents.
    Money,
    /// Customers or contacts, target in hundredths.
    Count,
    /// A percentage 0-100, target in hundredths of a percent.
    Percent,
    /// A score on a scale (satisfaction 1-10, Customer Focus 1-5), target in hundredths.
    Score { low: i64, high: i64 },
    /// NPS points, -100 to 100, target in hundredths.
    Points,
}

impl Metric {
    pub const ALL: [Metric; 11] = [
        Metric::Revenue,
        Metric::Margin,
        Metric::ActiveCustomers,
        Metric::Retention,
        Metric::NewCustomers,
        Metric::RegainedCustomers,
        Metric::ShareOfWallet,
        Metric::Satisfaction,
        Metric::Nps,
        Metric::Contacts,
        Metric::CustomerFocus,
    ];

    /// The name in the targets file.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Revenue => "revenue",
            Metric::Margin => "margin",
            Metric::ActiveCustomers => "active_customers",
            Metric::Retention => "retention",
            Metric::NewCustomers => "new_customers",
            Metric::RegainedCustomers => "regained_customers",
            Metric::ShareOfWallet => "share_of_wallet",
            Metric::Satisfaction => "satisfaction",
            Metric::Nps => "nps",
            Metric::Contacts => "contacts",
            Metric::CustomerFocus => "customer_focus",
        }
    }

    pub fn from_name(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name().eq_ignore_ascii_case(name.trim()))
    }

    pub fn layer(self) -> Layer {
        match self {
            Metric::Revenue | Metric::Margin => Layer::Financial,
            Metric::Contacts => Layer::InternalProcess,
            Metric::CustomerFocus => Layer::LearningAndGrowth,
            _ => Layer::Customer,
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Metric::Revenue | Metric::Margin => Kind::Money,
            Metric::ActiveCustomers | Metric::NewCustomers | Metric::RegainedCustomers | Metric::Contacts => {
                Kind::Count
            }
            Metric::Retention | Metric::ShareOfWallet => Kind::Percent,
            Metric::Satisfaction => Kind::Score { low: 100, high: 1_000 },
            Metric::CustomerFocus => Kind::Score { low: 100, high: 500 },
            Metric::Nps => Kind::Points,
        }
    }
}

/// One target as entered: `unit` is `company` or the name of a department, team or sales rep.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiTarget {
    pub metric: Metric,
    pub unit: String,
    /// In hundredths of the metric's unit (`Kind`).
    pub target: i64,
}

/// The columns of the targets table (its CSV file, its sheet and the editor).
pub const TARGET_COLUMNS: [&str; 3] = ["metric", "unit", "target"];

/// The name of the targets table: its sheet in a workbook, its downloaded file.
pub const TARGET_SHEET: &str = "kpi_targets";

/// What `unit` stands for the company.
pub const COMPANY: &str = "company";

/// Largest count target: a billion (in hundredths).
const COUNT_LIMIT: i64 = 100_000_000_000;

/// The target of a cell for `metric`, in hundredths, or the problem with it.
fn target_of(metric: Metric, text: &str) -> Result<i64, Problem> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let value = parse_hundredths(digits).ok_or(Problem::NotANumber)?;
    let value = i64::try_from(value).map_err(|_| Problem::TooLarge)?;
    let (low, high) = match metric.kind() {
        Kind::Money => (0, i64::try_from(Money::LEDGER_LIMIT_CENTS).unwrap_or(i64::MAX)),
        Kind::Count => (0, COUNT_LIMIT),
        Kind::Percent => (0, 10_000),
        Kind::Score { low, high } => (low, high),
        Kind::Points => (-10_000, 10_000),
    };
    let value = if negative { -value } else { value };
    match value {
        v if v < 0 && low == 0 => Err(Problem::Negative),
        v if v > high && metric.kind() == Kind::Money => Err(Problem::TooLarge),
        v if v < low || v > high => Err(Problem::OutOfRange),
        v => Ok(v),
    }
}

/// The targets of a table with `TARGET_COLUMNS`: every cell checked, a metric and unit listed
/// once (units compared without case).
pub(crate) fn targets_in(table: &Table<'_>) -> Result<Vec<KpiTarget>, InputError> {
    let mut targets: Vec<KpiTarget> = Vec::new();
    for row in table.rows() {
        let metric =
            Metric::from_name(row.text("metric")?).ok_or_else(|| row.error("metric", Problem::UnknownMetric))?;
        let unit = row.text("unit")?;
        if targets.iter().any(|t| t.metric == metric && t.unit.eq_ignore_ascii_case(unit)) {
            return Err(row.error("unit", Problem::DuplicateTarget));
        }
        let target = target_of(metric, row.text("target")?).map_err(|p| row.error("target", p))?;
        targets.push(KpiTarget { metric, unit: unit.into(), target });
    }
    Ok(targets)
}

/// Reads a targets file: CSV, or the `kpi_targets` sheet of a workbook.
pub fn parse_targets(file: &str, bytes: &[u8]) -> Result<Vec<KpiTarget>, InputError> {
    targets_in(&Table::read_sheet(file, bytes, TARGET_SHEET, &TARGET_COLUMNS)?)
}

/// Hundredths written with two decimals and `.` (the editor's and the file's form).
pub fn hundredths_text(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let value = value.unsigned_abs();
    format!("{sign}{}.{:02}", value / 100, value % 100)
}

/// The targets as the editor's rows (`TARGET_COLUMNS`).
pub fn target_rows(targets: &[KpiTarget]) -> Vec<Vec<String>> {
    targets.iter().map(|t| vec![t.metric.name().into(), t.unit.clone(), hundredths_text(t.target)]).collect()
}

/// Whom a row of the cascade measures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Company,
    Of { attribute: Attribute, value: String },
}

/// The attributes the cascade goes down, in order.
pub const CASCADE: [Attribute; 3] = [Attribute::Department, Attribute::Team, Attribute::SalesRep];

impl Unit {
    /// Whether a target's `unit` cell names this unit.
    fn named(&self, unit: &str) -> bool {
        match self {
            Unit::Company => unit.trim().eq_ignore_ascii_case(COMPANY),
            Unit::Of { value, .. } => unit.trim().eq_ignore_ascii_case(value),
        }
    }

    fn scope(&self) -> Scope {
        match self {
            Unit::Company => Scope::Company,
            Unit::Of { attribute, value } => Scope::Only { attribute: *attribute, value: value.clone() },
        }
    }
}

/// A metric's value.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Money(Money),
    Count(u64),
    /// A share, 0 to 1 (shown as a percentage).
    Share(f64),
    Score(f64),
    /// NPS: % promoters minus % detractors, in points.
    Points(f64),
}

impl Value {
    /// In hundredths of the metric's unit, as targets are kept.
    fn hundredths(self) -> f64 {
        match self {
            Value::Money(m) => m.cents() as f64,
            Value::Count(n) => n as f64 * 100.0,
            Value::Share(s) => s * 10_000.0,
            Value::Score(s) | Value::Points(s) => s * 100.0,
        }
    }
}

/// Why a metric has no value for a unit.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lack {
    /// Retention, new and regained compare with the period before, which is not in the data.
    NoPreviousPeriod,
    /// No customer was active in the period before (retention has no base).
    NoCustomersBefore,
    /// The ledger has no cost column.
    NoCostColumn,
    /// No interview (satisfaction, recommendation, wallet) of the unit's active customers.
    NoInterviews,
    /// No contacts planned or realised for the unit's active customers.
    NoContactPlan,
    /// No Customer Focus survey with answers.
    NoFocusSurvey,
    /// The Customer Focus score is the company's (its departments are the survey's, not the ledger's).
    CompanyOnly,
}

#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Actual {
    Value(Value),
    Unavailable(Lack),
}

/// One metric of one unit: the actual, the target and the light (`None` without a target or
/// without an actual).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiValue {
    pub metric: Metric,
    pub actual: Actual,
    pub target: Option<i64>,
    pub status: Option<Status>,
}

/// The light of `actual` against `target` (hundredths): for a positive target green from 100 %,
/// amber from 90 % (as the scorecard's); for NPS, whose target may be zero or negative, green
/// at or above the target, amber within 10 points below it; any other target of zero: green at
/// or above it.
pub fn status(metric: Metric, actual: Value, target: i64) -> Status {
    let (actual, target) = (actual.hundredths(), target as f64);
    let amber_from = match metric.kind() {
        Kind::Points => target - 1_000.0,
        _ if target > 0.0 => target * AMBER_FROM_PERCENT as f64 / 100.0,
        _ => target,
    };
    if actual >= target {
        Status::Green
    } else if actual >= amber_from && amber_from < target {
        Status::Amber
    } else {
        Status::Red
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiUnit {
    pub unit: Unit,
    pub values: Vec<KpiValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiView {
    pub period: Period,
    /// The company first, then every department, team and sales rep (by name).
    pub units: Vec<KpiUnit>,
    /// Targets whose unit is no company, department, team or rep of the ledger.
    pub unknown_units: Vec<KpiTarget>,
}

/// The Customer Focus score: the mean current score of the latest survey's domains (1-5).
pub fn focus_score(tables: &SideTables) -> Option<f64> {
    let survey = tables.focus.surveys.iter().rev().find(|s| tables.focus.answers.iter().any(|a| a.survey == s.id))?;
    let report = Report::of(survey, &tables.focus.answers);
    let scores: Vec<f64> = report.domains.iter().filter_map(|d| d.current).collect();
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

/// Every metric's actual for one unit's prepared table in `period` (the latest when `None`).
pub fn actuals(
    prepared: &Prepared,
    ledger: &Ledger,
    inputs: &Inputs,
    period: Option<Period>,
    focus: Option<Option<f64>>,
) -> Result<Vec<(Metric, Actual)>, EmptyReason> {
    let levels = prepared.levels_of(period)?;
    let p = levels.period_index();
    let revenue: Money = prepared.table.revenue(p).iter().copied().sum();
    let flows = prepared.pair_of(period).ok().and_then(|(earlier, later)| Flows::between(earlier, later));
    let entered = || levels.ranked().iter().filter_map(|&c| Some((c, inputs.customers.get(ledger.customer_key(c))?)));
    let value = |v: Option<Value>, lack: Lack| v.map_or(Actual::Unavailable(lack), Actual::Value);
    let flow = |count: fn(&Flows) -> usize| {
        flows.map_or(Actual::Unavailable(Lack::NoPreviousPeriod), |f| Actual::Value(Value::Count(count(&f) as u64)))
    };
    let retention = match flows {
        None => Actual::Unavailable(Lack::NoPreviousPeriod),
        Some(f) if f.start == 0 => Actual::Unavailable(Lack::NoCustomersBefore),
        Some(f) => Actual::Value(Value::Share(f.retained as f64 / f.start as f64)),
    };
    let margin = prepared.table.cost(p).map(|cost| Value::Money(revenue - cost.iter().copied().sum()));
    let (bought, wallets) = entered()
        .filter_map(|(c, e)| Some((prepared.table.revenue_of(c, p), e.wallet?)))
        .fold((0i128, 0i128), |(b, w), (r, wallet)| (b + i128::from(r.cents()), w + i128::from(wallet.cents())));
    let share_of_wallet = (wallets > 0).then(|| Value::Share(bought as f64 / wallets as f64));
    let scores: Vec<u8> = entered().filter_map(|(_, e)| e.satisfaction).collect();
    let satisfaction = (!scores.is_empty())
        .then(|| Value::Score(scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len() as f64));
    let recommend: Vec<u8> = entered().filter_map(|(_, e)| e.recommend).collect();
    let contacts = inputs.contacts_loaded.then(|| {
        let active = levels.ranked().iter().map(|&c| inputs.customers.get(ledger.customer_key(c)));
        Value::Count(active.map(|e| u64::from(e.and_then(|e| e.realised_contacts).unwrap_or(0))).sum())
    });
    let focus = match focus {
        None => Actual::Unavailable(Lack::CompanyOnly),
        Some(score) => value(score.map(Value::Score), Lack::NoFocusSurvey),
    };
    Ok(vec![
        (Metric::Revenue, Actual::Value(Value::Money(revenue))),
        (Metric::Margin, value(margin, Lack::NoCostColumn)),
        (Metric::ActiveCustomers, Actual::Value(Value::Count(levels.ranked().len() as u64))),
        (Metric::Retention, retention),
        (Metric::NewCustomers, flow(|f| f.new)),
        (Metric::RegainedCustomers, flow(|f| f.regained)),
        (Metric::ShareOfWallet, value(share_of_wallet, Lack::NoInterviews)),
        (Metric::Satisfaction, value(satisfaction, Lack::NoInterviews)),
        (Metric::Nps, value(interviews::nps(recommend).map(|n| Value::Points(f64::from(n.score))), Lack::NoInterviews)),
        (Metric::Contacts, value(contacts, Lack::NoContactPlan)),
        (Metric::CustomerFocus, focus),
    ])
}

/// The unit's row: its actuals with the targets that name it.
fn unit_row(unit: Unit, actuals: Vec<(Metric, Actual)>, targets: &[KpiTarget]) -> KpiUnit {
    let values = actuals
        .into_iter()
        .map(|(metric, actual)| {
            let target = targets.iter().find(|t| t.metric == metric && unit.named(&t.unit)).map(|t| t.target);
            let status = match (actual, target) {
                (Actual::Value(v), Some(t)) => Some(status(metric, v, t)),
                _ => None,
            };
            KpiValue { metric, actual, target, status }
        })
        .collect();
    KpiUnit { unit, values }
}

/// The company and every named value of the cascade's attributes the ledger has.
fn units(ledger: &Ledger) -> Vec<Unit> {
    let mut units = vec![Unit::Company];
    for attribute in CASCADE {
        let Some(column) = ledger.attribute(attribute) else { continue };
        let mut values: Vec<&str> = column.values().keys().filter_map(named).collect();
        values.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        units.extend(values.into_iter().map(|v| Unit::Of { attribute, value: v.into() }));
    }
    units
}

/// What the Scorecard page's cascade asks: the year start and cut-offs (the scope is the
/// cascade's own) and the period (the latest when `None`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct KpiRequest {
    pub selection: Selection,
    pub period: Option<Period>,
}

impl Analysis for KpiRequest {
    type View = KpiView;

    fn answer(self, context: &mut Context) -> Result<KpiView, EmptyReason> {
        let inputs = scorecard::inputs(context.tables, context, self.selection.year_start);
        let targets = &context.tables.kpi_targets;
        let focus = focus_score(context.tables);
        let mut rows = Vec::new();
        let mut period = None;
        for unit in units(context.ledger) {
            let selection = Selection { scope: unit.scope(), ..self.selection.clone() };
            let prepared = context.prepare(&selection);
            let company_focus = (unit == Unit::Company).then_some(focus);
            let actuals = actuals(&prepared, context.ledger, &inputs, self.period, company_focus)?;
            period = period.or(Some(prepared.levels_of(self.period)?.period()));
            rows.push(unit_row(unit, actuals, targets));
        }
        let unknown_units =
            targets.iter().filter(|t| !rows.iter().any(|r| r.unit.named(&t.unit))).cloned().collect::<Vec<_>>();
        Ok(KpiView { period: period.ok_or(EmptyReason::NoLinesInScope)?, units: rows, unknown_units })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Day;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};
    use crate::engine::scorecard::CustomerInputs;
    use crate::engine::session::analysis::{AnalysisCache, AnalysisResponse};
    use crate::engine::session::FileData;

    /// Two reps over three calendar years, 100.00 a year for each customer who buys:
    ///
    /// | customer | 2023 | 2024 | 2025 | Ann's flow 2025 | Bob's | company's |
    /// | A | Ann | Ann | Ann | retained | | retained |
    /// | B | Ann | - | Ann | regained | | regained |
    /// | C | - | Ann | - | lost | | lost |
    /// | D | - | - | Ann | new | | new |
    /// | E | - | Bob | Bob | | retained | retained |
    /// | F | - | Bob | - | | lost | lost |
    /// | G | - | - | Bob | | new | new |
    /// | H | Ann | - | Bob | | new (first in Bob's lines) | regained |
    /// | I | - | Bob | Bob | | retained | retained |
    ///
    /// 2025: Ann start {A, C} = 2, retained 1 (50 %), new 1, regained 1, active {A, B, D} = 3,
    /// revenue 300.00. Bob start {E, F, I} = 3, retained 2 (66.7 %), new 2 (G, H), regained 0,
    /// active 4, revenue 400.00. Company start {A, C, E, F, I} = 5, retained 3 (60 %), new 2
    /// (D, G), regained 2 (B, H), active 7, revenue 700.00.
    fn three_years() -> Ledger {
        let lines = [
            ("A", [Some("Ann"), Some("Ann"), Some("Ann")]),
            ("B", [Some("Ann"), None, Some("Ann")]),
            ("C", [None, Some("Ann"), None]),
            ("D", [None, None, Some("Ann")]),
            ("E", [None, Some("Bob"), Some("Bob")]),
            ("F", [None, Some("Bob"), None]),
            ("G", [None, None, Some("Bob")]),
            ("H", [Some("Ann"), None, Some("Bob")]),
            ("I", [None, Some("Bob"), Some("Bob")]),
        ];
        let mut b = LedgerBuilder::new(Columns { attributes: vec![Attribute::SalesRep], ..Columns::default() });
        for (customer, years) in lines {
            for (year, rep) in (2023..).zip(years) {
                let Some(rep) = rep else { continue };
                let day = Day::from_ymd(year, 6, 1).unwrap_or(Day::from_number(0));
                b.push(
                    customer,
                    day,
                    Money::from_cents(10_000),
                    &LineExtras { attributes: &[rep], ..LineExtras::default() },
                );
            }
        }
        b.finish()
    }

    fn value(unit: &KpiUnit, metric: Metric) -> (Actual, Option<i64>, Option<Status>) {
        let v = unit.values.iter().find(|v| v.metric == metric).unwrap_or_else(|| panic!("{metric:?}"));
        (v.actual, v.target, v.status)
    }

    fn count(n: u64) -> Actual {
        Actual::Value(Value::Count(n))
    }

    fn targets(csv: &str) -> Vec<KpiTarget> {
        parse_targets("targets.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn cascade(ledger: &Ledger, tables: &SideTables) -> KpiView {
        let request = KpiRequest::default();
        match AnalysisCache::default().answer_with(ledger, tables, request.into()) {
            AnalysisResponse::KpiCascade(view) => view,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_rep_has_the_flows_of_its_own_lines_against_its_targets() {
        let ledger = three_years();
        let kpi_targets = targets(
            "metric,unit,target\nrevenue,company,800\nrevenue,Ann,300\nrevenue,bob,420\nretention,company,60\n\
             new_customers,Bob,3\nrevenue,Carol,10\n",
        );
        let view = cascade(&ledger, &SideTables { kpi_targets, ..SideTables::default() });
        assert_eq!(view.period, Period::starting_in(2025));
        let names: Vec<&Unit> = view.units.iter().map(|u| &u.unit).collect();
        let rep = |v: &str| Unit::Of { attribute: Attribute::SalesRep, value: v.into() };
        assert_eq!(names, [&Unit::Company, &rep("Ann"), &rep("Bob")]);
        let (company, ann, bob) = (&view.units[0], &view.units[1], &view.units[2]);
        let flows = |u: &KpiUnit| {
            [Metric::ActiveCustomers, Metric::NewCustomers, Metric::RegainedCustomers].map(|m| value(u, m).0)
        };
        assert_eq!(flows(company), [count(7), count(2), count(2)]);
        assert_eq!(flows(ann), [count(3), count(1), count(1)]);
        assert_eq!(flows(bob), [count(4), count(2), count(0)]);
        let retention = |u: &KpiUnit| value(u, Metric::Retention).0;
        assert_eq!(retention(company), Actual::Value(Value::Share(3.0 / 5.0)));
        assert_eq!(retention(ann), Actual::Value(Value::Share(1.0 / 2.0)));
        assert_eq!(retention(bob), Actual::Value(Value::Share(2.0 / 3.0)));
        // Revenue against the targets: 700 of 800 is 87.5 %: red; Ann 300 of 300: green; Bob
        // (the unit matched without case) 400 of 420 is 95.2 %: amber.
        let revenue = |u: &KpiUnit| value(u, Metric::Revenue);
        let money = |cents| Actual::Value(Value::Money(Money::from_cents(cents)));
        assert_eq!(revenue(company), (money(70_000), Some(80_000), Some(Status::Red)));
        assert_eq!(revenue(ann), (money(30_000), Some(30_000), Some(Status::Green)));
        assert_eq!(revenue(bob), (money(40_000), Some(42_000), Some(Status::Amber)));
        assert_eq!(value(company, Metric::Retention).2, Some(Status::Green), "60 % of a 60 % target");
        // Bob's 2 new of 3 is 66.7 %: red.
        assert_eq!(value(bob, Metric::NewCustomers), (count(2), Some(300), Some(Status::Red)));
        assert_eq!(view.unknown_units.iter().map(|t| t.unit.as_str()).collect::<Vec<_>>(), ["Carol"]);
    }

    #[test]
    fn a_metric_the_data_lacks_is_unavailable_not_zero() {
        // No cost column, no interviews, no contact plan, no survey.
        let ledger = three_years();
        let view = cascade(&ledger, &SideTables::default());
        let (company, ann) = (&view.units[0], &view.units[1]);
        let lacks = |u: &KpiUnit| {
            [
                Metric::Margin,
                Metric::ShareOfWallet,
                Metric::Satisfaction,
                Metric::Nps,
                Metric::Contacts,
                Metric::CustomerFocus,
            ]
            .map(|m| value(u, m).0)
        };
        use Actual::Unavailable as U;
        assert_eq!(
            lacks(company),
            [
                U(Lack::NoCostColumn),
                U(Lack::NoInterviews),
                U(Lack::NoInterviews),
                U(Lack::NoInterviews),
                U(Lack::NoContactPlan),
                U(Lack::NoFocusSurvey)
            ]
        );
        assert_eq!(lacks(ann)[5], U(Lack::CompanyOnly));
        // The first period has no period before it: no flows there.
        let first = KpiRequest { period: Some(Period::starting_in(2023)), ..KpiRequest::default() };
        let AnalysisResponse::KpiCascade(view) = AnalysisCache::default().answer(&ledger, first.into()) else {
            panic!()
        };
        assert_eq!(value(&view.units[0], Metric::Retention).0, U(Lack::NoPreviousPeriod));
        assert_eq!(value(&view.units[0], Metric::ActiveCustomers).0, count(3), "A, B, H in 2023");
    }

    #[test]
    fn interviews_and_contacts_count_for_the_units_active_customers() {
        // Ann's active customers in 2025 are A, B, D. A: satisfaction 8, recommends 10, wallet
        // 1,000, 4 contacts; B: 7, 9, 400, 2 contacts; D: recommends 5 only; C (not active) 2.
        // Satisfaction (8 + 7) / 2 = 7.5; NPS: promoters A, B, detractor D of 3 = 33.3 points;
        // share of wallet (100 + 100) / (1,000 + 400) = 14.3 %; contacts 4 + 2 = 6.
        let ledger = three_years();
        let interviewed = |satisfaction, recommend, wallet: Option<i64>, contacts| CustomerInputs {
            satisfaction,
            recommend,
            wallet: wallet.map(Money::from_cents),
            realised_contacts: contacts,
            ..CustomerInputs::default()
        };
        let customers = [
            ("A", interviewed(Some(8), Some(10), Some(100_000), Some(4))),
            ("B", interviewed(Some(7), Some(9), Some(40_000), Some(2))),
            ("D", interviewed(None, Some(5), None, None)),
            ("C", interviewed(Some(2), Some(0), Some(1), Some(2))),
        ];
        let inputs = Inputs {
            goal_period: None,
            customers: customers.map(|(k, c)| (k.to_string(), c)).into_iter().collect(),
            contacts_loaded: true,
        };
        let mut cache = AnalysisCache::default();
        let scope = Scope::Only { attribute: Attribute::SalesRep, value: "Ann".into() };
        let prepared = cache.prepare(&ledger, &Selection { scope, ..Selection::default() });
        let actuals = actuals(&prepared, &ledger, &inputs, None, None).unwrap_or_default();
        let of = |m: Metric| actuals.iter().find(|(x, _)| *x == m).map(|(_, a)| *a);
        assert_eq!(of(Metric::Satisfaction), Some(Actual::Value(Value::Score(7.5))));
        // 33.3 points, in whole points as the Interviews page gives it (`interviews::nps`): 33.
        assert_eq!(of(Metric::Nps), Some(Actual::Value(Value::Points(33.0))));
        assert_eq!(of(Metric::ShareOfWallet), Some(Actual::Value(Value::Share(20_000.0 / 140_000.0))));
        assert_eq!(of(Metric::Contacts), Some(count(6)));
        // NPS against its target: 33.3 of 40 is within 10 points below (amber); of 45, red;
        // a target of -10 is met.
        let nps = Value::Points(100.0 / 3.0);
        assert_eq!(
            [4_000, 4_500, -1_000].map(|t| status(Metric::Nps, nps, t)),
            [Status::Amber, Status::Red, Status::Green]
        );
    }

    #[test]
    fn a_bad_target_cell_names_file_line_and_column() {
        let error = |csv: &str| {
            let e = parse_targets("kpi_targets.csv", csv.as_bytes()).unwrap_err();
            (e.line, e.column, e.value, e.problem)
        };
        let header = "metric,unit,target\n";
        assert_eq!(
            error(&format!("{header}revenue,company,800000\nretention,Ann,120\n")),
            (3, "target".into(), "120".into(), Problem::OutOfRange)
        );
        assert_eq!(
            error(&format!("{header}revenu,company,1\n")),
            (2, "metric".into(), "revenu".into(), Problem::UnknownMetric)
        );
        assert_eq!(
            error(&format!("{header}revenue,company,1\nRevenue,COMPANY,2\n")),
            (3, "unit".into(), "COMPANY".into(), Problem::DuplicateTarget)
        );
        assert_eq!(error(&format!("{header}revenue,,1\n")), (2, "unit".into(), "".into(), Problem::Empty));
        assert_eq!(error(&format!("{header}revenue,Ann,-5\n")), (2, "target".into(), "-5".into(), Problem::Negative));
        assert_eq!(
            error(&format!("{header}satisfaction,Ann,0.5\n")),
            (2, "target".into(), "0.5".into(), Problem::OutOfRange)
        );
        assert_eq!(
            error(&format!("{header}margin,Ann,1.234\n")),
            (2, "target".into(), "1.234".into(), Problem::NotANumber)
        );
        assert_eq!(error("metric,target\nrevenue,1\n"), (1, "unit".into(), "".into(), Problem::MissingColumn));
        // What is read comes back as the editor shows it: NPS may be negative.
        let read = targets("metric;unit;target\nnps;North;-20\nretention;company;85,5\n");
        assert_eq!(target_rows(&read), [["nps", "North", "-20.00"], ["retention", "company", "85.50"]]);
        // Through the session's tables: the file's name and cell in the failure.
        let file = FileData { name: "doelen.csv".into(), bytes: format!("{header}nps,company,101\n").into_bytes() };
        let failed = SideTables::default().with_file(crate::engine::session::tables::TableKind::KpiTargets, &file);
        let failed = failed.unwrap_err();
        assert_eq!(
            (failed.error.file.as_str(), failed.error.line, failed.error.column.as_str()),
            ("doelen.csv", 2, "target")
        );
    }

    #[test]
    fn targets_come_back_intact_from_their_workbook_sheet() {
        use crate::engine::sheets::{workbook, SheetTable};
        let rows = target_rows(&targets("metric,unit,target\nrevenue,company,1500000\nnps,Ann,-12.5\n"));
        let sheet = |name: &str, rows: Vec<Vec<String>>| SheetTable {
            name: name.into(),
            columns: TARGET_COLUMNS.map(String::from).to_vec(),
            rows,
        };
        // The targets' sheet after another table's: found by its name.
        let bytes = workbook(&[sheet("goals", Vec::new()), sheet(TARGET_SHEET, rows.clone())]);
        let read = parse_targets("plan.xlsx", &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(target_rows(&read), rows);
        assert_eq!(read[1].target, -1_250);
        // A bad cell of the sheet names its line and column like a CSV's.
        let bad = vec![rows[0].clone(), vec!["retention".into(), "Ann".into(), "101".into()]];
        let error = parse_targets("plan.xlsx", &workbook(&[sheet(TARGET_SHEET, bad)])).unwrap_err();
        assert_eq!((error.file.as_str(), error.line, error.column.as_str()), ("plan.xlsx", 3, "target"));
        let other = parse_targets("plan.xlsx", &workbook(&[sheet("goals", Vec::new())])).unwrap_err();
        assert_eq!((other.problem, other.value.as_str()), (Problem::MissingSheet, TARGET_SHEET));
    }

    #[test]
    fn targets_are_kept_with_the_workspace_and_survive_its_file() {
        use crate::engine::session::tables::Drafts;
        use crate::engine::session::{Request, Response, Session};
        let mut session = Session::default();
        let mut no_progress = |_| true;
        session.handle(Request::LoadSample, &mut no_progress);
        let row = |cells: [&str; 3]| cells.map(String::from).to_vec();
        let drafts = Drafts { kpi_targets: vec![row(["revenue", "company", "1500000"])], ..Drafts::default() };
        let Response::TablesSaved(saved) = session.handle(Request::SetTables(drafts), &mut no_progress) else {
            panic!("not saved")
        };
        assert_eq!(saved.kpi_targets, [row(["revenue", "company", "1500000.00"])]);
        let file = FileData { name: "w.clientele".into(), bytes: session.workspace_file().unwrap_or_default() };
        let mut other = Session::default();
        other.handle(Request::Restore { file }, &mut no_progress);
        let Response::Tables(restored) = other.handle(Request::Tables, &mut no_progress) else { panic!("no tables") };
        assert_eq!(restored.kpi_targets, saved.kpi_targets);
    }
}
