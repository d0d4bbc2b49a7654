//! What the Lifetime Value page asks and gets: the fitted models with every customer's forecast, the
//! totals per pyramid level and per cohort, the simple CLV with its inputs, and the holdout check.
//! The fits are kept in the session's cache for the same inputs (`FitKey`), so sorting, switching
//! tabs or editing the simple CLV's inputs refits nothing.

use super::fit::{FitError, Model};
use super::holdout::{Holdout, Models, PAliveMatrix};
use super::lifetime_value::{expected_years, CustomerValue, LifetimeValue, Settings, SimpleClv};
use super::purchase_history::{PurchaseHistory, TimeUnit};
use crate::engine::date::Day;
use crate::engine::flows::Flows;
use crate::engine::ledger::Ledger;
use crate::engine::money::Money;
use crate::engine::period::{Period, YearStart};
use crate::engine::pyramid::{Level, Levels};
use crate::engine::revenue::RevenueTable;
use crate::engine::session::analysis::{
    Analysis, Context, CustomerList, CustomerRef, EmptyReason, Prepared, Selection,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LifetimeValueRequest {
    pub selection: Selection,
    /// `None`: the last day of the period before the last (`default_calibration_end`).
    pub calibration_end: Option<Day>,
    pub unit: TimeUnit,
    /// Time units ahead; `None`: one year of them.
    pub horizon: Option<u32>,
    /// Annual, 0.1 for 10 %.
    pub discount_rate: f64,
    /// The simple CLV's inputs the user typed over the data's.
    pub simple: SimpleOverrides,
}

/// Annual retention (so the expected years are 1 / (1 - retention)) and the margin, both as
/// fractions; `None` takes them from the data.
#[derive(Copy, Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SimpleOverrides {
    pub retention: Option<f64>,
    pub margin: Option<f64>,
}

/// What the fits depend on: a request with these equal reuses the cached fit.
#[derive(Clone, Debug, PartialEq)]
pub struct FitKey {
    selection: Selection,
    calibration_end: Day,
    unit: TimeUnit,
    settings: Settings,
}

impl FitKey {
    pub fn new(selection: Selection, calibration_end: Day, unit: TimeUnit, settings: Settings) -> FitKey {
        FitKey { selection, calibration_end, unit, settings }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LifetimeValueView {
    pub calibration_end: Day,
    /// Whether the calibration end was the default one.
    pub default_calibration_end: bool,
    pub unit: TimeUnit,
    pub settings: Settings,
    /// Boxed: the largest answer of all, kept small in the response enum.
    pub fitted: Result<Box<Fitted>, FitError>,
    pub simple: SimpleView,
}

/// The probabilistic models' answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fitted {
    pub value: FittedModels,
    /// The calibration customers, highest discounted value first.
    pub customers: CustomerList<CustomerRow>,
    pub by_level: Vec<ValueTotal<Level>>,
    pub by_cohort: Vec<ValueTotal<Period>>,
    pub p_alive: PAliveMatrix,
    /// `None` when the ledger has no date after the calibration end.
    pub holdout: Option<Holdout>,
}

/// The three fits and which purchase model gives the value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FittedModels {
    pub bgnbd: super::bg_nbd::BgNbdFit,
    pub pareto_nbd: super::pareto_nbd::ParetoNbdFit,
    pub gamma_gamma: super::gamma_gamma::GammaGammaFit,
    pub clv_model: Model,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerRow {
    pub customer: CustomerRef,
    /// The pyramid level in the period of the calibration end.
    pub level: Level,
    pub value: CustomerValue,
    /// The simple CLV, for a customer active in that period.
    pub simple: Option<Money>,
}

/// Customers of a level or a cohort with their expected purchases (the valuing model's) and their
/// discounted value added up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValueTotal<K> {
    pub key: K,
    pub customers: usize,
    pub expected_purchases: f64,
    pub clv: Option<Money>,
}

/// The simple CLV of the period holding the calibration end, per level, with its inputs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimpleView {
    pub period: Period,
    /// Retained / start of the period's flows; `None` without the period before it.
    pub data_retention: Option<f64>,
    /// Gross margin of the period's revenue; `None` without costs.
    pub data_margin: Option<f64>,
    /// The inputs used: the data's unless overridden.
    pub retention: Option<f64>,
    pub margin: Option<f64>,
    pub levels: Vec<SimpleLevel>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimpleLevel {
    pub level: Level,
    pub customers: usize,
    /// `None` when the expected duration is unknown (no retention, or 100 %).
    pub inputs: Option<SimpleClv>,
    pub value: Option<Money>,
}

impl Analysis for LifetimeValueRequest {
    type View = LifetimeValueView;
    /// Not from totals per period: the fits need the days of purchase: single lines.
    const NEEDS_LINES: bool = true;

    fn answer(self, context: &mut Context) -> Result<LifetimeValueView, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        let default_end = default_calibration_end(&prepared.table, self.selection.year_start)?;
        let calibration_end = self.calibration_end.unwrap_or(default_end);
        let defaults = Settings::default_for(self.unit);
        let settings =
            Settings { horizon: self.horizon.unwrap_or(defaults.horizon), discount_rate: self.discount_rate };
        let period = self.selection.year_start.period_of(calibration_end);
        let levels = prepared.levels.iter().find(|l| l.period() == period).ok_or(EmptyReason::PeriodNotInData)?;
        let simple = SimpleCustomers::of(context.ledger, &prepared, levels, self.simple);
        let key = FitKey::new(self.selection, calibration_end, self.unit, settings);
        let fits = context.lifetime_value(key, fit);
        let fitted = fits.as_ref().clone().map(|(value, p_alive, holdout)| {
            Box::new(Fitted {
                customers: customer_rows(context.ledger, levels, &simple, &value),
                by_level: level_totals(&value, levels),
                by_cohort: cohort_totals(&value, &prepared, levels),
                value: FittedModels {
                    bgnbd: value.bgnbd,
                    pareto_nbd: value.pareto_nbd,
                    gamma_gamma: value.gamma_gamma,
                    clv_model: value.clv_model,
                },
                p_alive,
                holdout,
            })
        });
        Ok(LifetimeValueView {
            calibration_end,
            default_calibration_end: self.calibration_end.is_none(),
            unit: self.unit,
            settings,
            fitted,
            simple: simple.view,
        })
    }
}

/// What the cache keeps of a fit: everything that needs the models.
pub type Fits = Result<(LifetimeValue, PAliveMatrix, Option<Holdout>), FitError>;

/// The fits and the holdout check for a key: the expensive part, done once per key.
pub fn fit(ledger: &Ledger, key: &FitKey) -> Fits {
    let lines = key.selection.scope.lines(ledger);
    let history = PurchaseHistory::of_lines(ledger, &lines, key.calibration_end, key.unit);
    let value = LifetimeValue::of(&history, key.settings)?;
    let valuing: &dyn super::lifetime_value::RepeatPurchases = match value.clv_model {
        Model::ParetoNbd => &value.pareto_nbd.params,
        _ => &value.bgnbd.params,
    };
    let p_alive = PAliveMatrix::of(&history, valuing);
    let models = Models { bgnbd: &value.bgnbd.params, pareto_nbd: &value.pareto_nbd.params };
    let holdout = Holdout::check(ledger, &lines, &history, &models);
    Ok((value, p_alive, holdout))
}

/// The last day of the period before the selection's last, so the last period is a holdout; with
/// one period only, its last day with data (no holdout).
pub fn default_calibration_end(table: &RevenueTable, year_start: YearStart) -> Result<Day, EmptyReason> {
    match table.periods() {
        [] => Err(EmptyReason::NoLinesInScope),
        [only] => Ok(year_start.end_day(*only).add_days(-1)),
        [.., before_last, _] => Ok(year_start.end_day(*before_last).add_days(-1)),
    }
}

/// The simple CLV of each customer active in the period, and of each level.
struct SimpleCustomers {
    values: Vec<Option<Money>>,
    view: SimpleView,
}

impl SimpleCustomers {
    fn of(ledger: &Ledger, prepared: &Prepared, levels: &Levels, overrides: SimpleOverrides) -> SimpleCustomers {
        let table = &prepared.table;
        let index = levels.period_index();
        let data_retention = prepared.pair_of(Some(levels.period())).ok().and_then(|(e, l)| retention(e, l));
        let data_margin = margin(table, index);
        let retention = overrides.retention.or(data_retention);
        let margin = overrides.margin.or(data_margin);
        let years = retention.and_then(expected_years);
        let inputs = |customers: &[crate::engine::ledger::CustomerId]| {
            let purchases: u64 = customers.iter().map(|c| u64::from(table.purchases(index)[c.index()])).sum();
            let revenue: i128 = customers.iter().map(|&c| i128::from(table.revenue_of(c, index).cents())).sum();
            simple_inputs(customers.len(), purchases, revenue, years?, margin)
        };
        let mut values = vec![None; ledger.customer_count()];
        for &c in levels.ranked() {
            values[c.index()] = inputs(&[c]).and_then(|i| i.value());
        }
        let rows = Level::ACTIVE.iter().map(|&level| {
            let members = levels.customers_at(level);
            let inputs = inputs(&members);
            SimpleLevel { level, customers: members.len(), inputs, value: inputs.and_then(|i| i.value()) }
        });
        let view = SimpleView {
            period: levels.period(),
            data_retention,
            data_margin,
            retention,
            margin,
            levels: rows.collect(),
        };
        SimpleCustomers { values, view }
    }
}

/// Per customer of a group: purchases a year (the period is a year), the average order value and
/// the expected years; `None` for a group without purchases.
fn simple_inputs(
    customers: usize,
    purchases: u64,
    revenue_cents: i128,
    years: f64,
    margin: Option<f64>,
) -> Option<SimpleClv> {
    if customers == 0 || purchases == 0 {
        return None;
    }
    let average = i64::try_from(revenue_cents / i128::from(purchases)).ok()?;
    Some(SimpleClv {
        purchases_per_year: purchases as f64 / customers as f64,
        average_order_value: Money::from_cents(average),
        expected_years: years,
        margin,
    })
}

/// The share of the earlier period's active customers still active: retained / start.
fn retention(earlier: &Levels, later: &Levels) -> Option<f64> {
    let flows = Flows::between(earlier, later)?;
    (flows.start > 0).then(|| flows.retained as f64 / flows.start as f64)
}

/// (revenue - cost) / revenue of the period, when the ledger has costs and the revenue is positive.
fn margin(table: &RevenueTable, period: usize) -> Option<f64> {
    let cost: i128 = table.cost(period)?.iter().map(|c| i128::from(c.cents())).sum();
    let revenue: i128 = table.revenue(period).iter().map(|r| i128::from(r.cents())).sum();
    (revenue > 0).then(|| (revenue - cost) as f64 / revenue as f64)
}

/// The expected purchases of the model that gives the value.
fn valued(value: &LifetimeValue, v: &CustomerValue) -> Option<f64> {
    match value.clv_model {
        Model::ParetoNbd => v.pareto_nbd.expected_purchases,
        _ => v.bgnbd.expected_purchases,
    }
}

fn level_of(levels: &Levels, v: &CustomerValue) -> Level {
    levels.level(v.customer).unwrap_or(Level::Inactive)
}

fn level_totals(value: &LifetimeValue, levels: &Levels) -> Vec<ValueTotal<Level>> {
    totals(&value.customers, Level::ALL.to_vec(), |v| level_of(levels, v), |v| valued(value, v))
}

/// Per first year (cohort) of the selection; a customer without revenue above zero by then counts
/// in the calibration end's year.
fn cohort_totals(value: &LifetimeValue, prepared: &Prepared, levels: &Levels) -> Vec<ValueTotal<Period>> {
    let table = &prepared.table;
    let cohort_of = |v: &CustomerValue| table.first_active(v.customer).map_or(levels.period(), |p| table.periods()[p]);
    let mut cohorts: Vec<Period> = value.customers.iter().map(cohort_of).collect();
    cohorts.sort_unstable();
    cohorts.dedup();
    totals(&value.customers, cohorts, cohort_of, |v| valued(value, v))
}

/// Highest discounted value first (unknown values last), the first `LIST_LIMIT`.
fn customer_rows(
    ledger: &Ledger,
    levels: &Levels,
    simple: &SimpleCustomers,
    value: &LifetimeValue,
) -> CustomerList<CustomerRow> {
    let mut sorted: Vec<&CustomerValue> = value.customers.iter().collect();
    sorted.sort_by(|a, b| b.clv.cmp(&a.clv).then(a.customer.cmp(&b.customer)));
    CustomerList::of(sorted.into_iter().map(|v| CustomerRow {
        customer: CustomerRef::of(ledger, v.customer),
        level: level_of(levels, v),
        value: v.clone(),
        simple: simple.values[v.customer.index()],
    }))
}

/// The customers of each key, their expected purchases and discounted value added up (a value
/// beyond what money holds, or a customer without one, leaves the total unknown).
fn totals<K: Copy + PartialEq>(
    customers: &[CustomerValue],
    keys: Vec<K>,
    key_of: impl Fn(&CustomerValue) -> K,
    expected: impl Fn(&CustomerValue) -> Option<f64>,
) -> Vec<ValueTotal<K>> {
    keys.into_iter()
        .map(|key| {
            let members: Vec<&CustomerValue> = customers.iter().filter(|c| key_of(c) == key).collect();
            let clv: Option<i128> = members.iter().map(|c| c.clv.map(|m| i128::from(m.cents()))).sum();
            ValueTotal {
                key,
                customers: members.len(),
                expected_purchases: members.iter().filter_map(|c| expected(c)).sum(),
                clv: clv.and_then(|cents| i64::try_from(cents).ok()).map(Money::from_cents),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};
    use crate::engine::sample;
    use crate::engine::session::analysis::{AnalysisCache, AnalysisResponse, LIST_LIMIT};

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap_or(Day::from_number(0))
    }

    fn request(calibration_end: Option<Day>, unit: TimeUnit) -> LifetimeValueRequest {
        LifetimeValueRequest {
            selection: Selection::default(),
            calibration_end,
            unit,
            horizon: None,
            discount_rate: 0.1,
            simple: SimpleOverrides::default(),
        }
    }

    fn ask(cache: &mut AnalysisCache, ledger: &Ledger, request: LifetimeValueRequest) -> LifetimeValueView {
        match cache.answer(ledger, request.into()) {
            AnalysisResponse::LifetimeValue(view) => view,
            other => panic!("{other:?}"),
        }
    }

    /// 2023: A, B and C buy. 2024: A on two days (100.00 and 300.00), B once (200.00), D, new, once
    /// (100.00); C is lost.
    fn ledger() -> Ledger {
        let mut b = LedgerBuilder::new(Columns::default());
        let lines = [
            ("A", day(2023, 3, 1), 10_000),
            ("B", day(2023, 4, 1), 10_000),
            ("C", day(2023, 5, 1), 10_000),
            ("A", day(2024, 2, 1), 10_000),
            ("A", day(2024, 6, 1), 30_000),
            ("B", day(2024, 3, 1), 20_000),
            ("D", day(2024, 9, 1), 10_000),
        ];
        for (customer, date, cents) in lines {
            b.push(customer, date, Money::from_cents(cents), &LineExtras::default());
        }
        b.finish()
    }

    /// The page's scope reaches the models. East: A buys on 2024-01-01, 01-08 and 01-29, B on 01-03;
    /// West: A on 01-15. Calibration end 2024-02-26, in weeks. East alone: A x = 2, t_x = 28 / 7 = 4,
    /// T = 56 / 7 = 8; B x = 0, t_x = 0, T = 54 / 7. The whole company: A x = 3 (West's day too).
    #[test]
    fn the_scope_reaches_the_purchase_history() {
        use crate::engine::ledger::Attribute;
        use crate::engine::scope::{LineFilter, Scope};
        let mut b = LedgerBuilder::new(Columns { attributes: vec![Attribute::Department], ..Columns::default() });
        let lines = [
            ("A", (1, 1), "East"),
            ("B", (1, 3), "East"),
            ("A", (1, 8), "East"),
            ("A", (1, 15), "West"),
            ("A", (1, 29), "East"),
        ];
        for (customer, (m, d), department) in lines {
            let extras = LineExtras { attributes: &[department], ..LineExtras::default() };
            b.push(customer, day(2024, m, d), Money::from_cents(1_000), &extras);
        }
        let ledger = b.finish();
        let east = Scope::Only { attribute: Attribute::Department, value: "East".into() };
        let summary = |lines: &LineFilter| {
            let history = PurchaseHistory::of_lines(&ledger, lines, day(2024, 2, 26), TimeUnit::Week);
            history
                .customers
                .iter()
                .map(|c| (ledger.customer_key(c.customer).to_string(), c.x, c.t_x, c.t))
                .collect::<Vec<_>>()
        };
        let key = |k: &str| k.to_string();
        assert_eq!(summary(&east.lines(&ledger)), vec![(key("A"), 2, 4.0, 8.0), (key("B"), 0, 0.0, 54.0 / 7.0)]);
        assert_eq!(summary(&LineFilter::All)[0], (key("A"), 3, 4.0, 8.0));
    }

    /// The simple CLV of 2024 by hand. Retention: of 2023's A, B, C, 2024 keeps A and B: 2/3, so
    /// 1 / (1 - 2/3) = 3 years. The pyramid of four active customers: Top = ceil(1 % of 4) = A, the
    /// others Small (Big and Medium reach no further rank). Top: 2 purchases x 200.00 x 3 = 1,200.00.
    /// Small (B, D): 2 purchases / 2 customers = 1 a year, 300.00 / 2 = 150.00, x 3 = 450.00. B alone:
    /// 1 x 200.00 x 3 = 600.00. No costs, so no margin. A retention typed over it, 50 %: 2 years.
    #[test]
    fn simple_clv_per_level_by_hand() {
        let ledger = ledger();
        let mut cache = AnalysisCache::default();
        let view = ask(&mut cache, &ledger, request(Some(day(2024, 12, 31)), TimeUnit::Week));
        let simple = &view.simple;
        assert_eq!((simple.period, simple.margin), (Period::starting_in(2024), None));
        assert!((simple.data_retention.unwrap_or(0.0) - 2.0 / 3.0).abs() < 1e-12);
        let level = |l: Level| simple.levels.iter().find(|r| r.level == l).cloned();
        let top = level(Level::Top).and_then(|r| r.inputs).expect("Top has inputs");
        assert_eq!((top.purchases_per_year, top.average_order_value), (2.0, Money::from_cents(20_000)));
        assert!((top.expected_years - 3.0).abs() < 1e-12);
        let value = |l: Level| level(l).and_then(|r| r.value);
        assert_eq!(
            (value(Level::Top), value(Level::Small)),
            (Some(Money::from_cents(120_000)), Some(Money::from_cents(45_000)))
        );
        assert_eq!(level(Level::Small).map(|r| r.customers), Some(2));
        let mut typed = request(Some(day(2024, 12, 31)), TimeUnit::Week);
        typed.simple.retention = Some(0.5);
        let view = ask(&mut cache, &ledger, typed);
        let top = view.simple.levels.iter().find(|r| r.level == Level::Top).and_then(|r| r.value);
        assert_eq!(top, Some(Money::from_cents(80_000)));
        // Four customers with one repeat purchase among them: too few to fit, and said so.
        if let Ok(fitted) = &view.fitted {
            let b = fitted.customers.items.iter().find(|r| r.customer.key == "B").expect("B");
            assert_eq!(b.simple, Some(Money::from_cents(60_000)));
        }
    }

    /// The ledger spans 2023 and 2024, so the default calibration end is 2023-12-31 and 2024 the
    /// holdout. On it A, B, C bought once each: nothing to learn repeat buying from.
    #[test]
    fn default_calibration_end_and_a_fit_without_repeat_purchases() {
        let view = ask(&mut AnalysisCache::default(), &ledger(), request(None, TimeUnit::Week));
        assert_eq!((view.calibration_end, view.default_calibration_end), (day(2023, 12, 31), true));
        assert_eq!(view.fitted.err(), Some(FitError::NoRepeatPurchases));
        assert_eq!(view.simple.period, Period::starting_in(2023));
        assert_eq!(view.settings, Settings { horizon: 52, discount_rate: 0.1 });
    }

    /// On the sample (2021-2025), calibrated to the end of 2024 with 2025 held out: both models fit,
    /// every P(alive) is a probability, the totals per level and per cohort add up to the customers and
    /// to their values, and the holdout has a row per frequency and a point per week. The fit is kept
    /// for the same inputs: the simple CLV's inputs change nothing of it; another time unit refits.
    /// (One test, so the slow debug build fits the sample twice, not four times.)
    #[test]
    fn the_sample_fitted_checked_and_kept() {
        let ledger = sample::sample_ledger();
        let mut cache = AnalysisCache::default();
        let view = ask(&mut cache, &ledger, request(None, TimeUnit::Week));
        assert_eq!(view.calibration_end, day(2024, 12, 31));
        let fitted = view.fitted.clone().unwrap_or_else(|e| panic!("{e}"));
        // Every sample customer lapses with the same chance, 12 % a year (sample.rs): the Pareto/NBD fit
        // finds the drop-out rates alike.
        assert!(fitted.value.pareto_nbd.alike_dropout);
        let rows = &fitted.customers;
        assert!(rows.items.iter().all(|r| (0.0..=1.0).contains(&r.value.bgnbd.p_alive)));
        assert!(rows.items.windows(2).all(|w| w[0].value.clv >= w[1].value.clv), "highest value first");
        assert_eq!(rows.items.len(), rows.total.min(LIST_LIMIT));
        let in_levels: usize = fitted.by_level.iter().map(|t| t.customers).sum();
        let in_cohorts: usize = fitted.by_cohort.iter().map(|t| t.customers).sum();
        assert_eq!((in_levels, in_cohorts), (rows.total, rows.total));
        let sum = |t: &[Option<Money>]| t.iter().map(|m| m.map_or(0, Money::cents)).sum::<i64>();
        let levels: Vec<Option<Money>> = fitted.by_level.iter().map(|t| t.clv).collect();
        let cohorts: Vec<Option<Money>> = fitted.by_cohort.iter().map(|t| t.clv).collect();
        assert_eq!(sum(&levels), sum(&cohorts));
        let holdout = fitted.holdout.clone().expect("2025 is held out");
        assert_eq!(Some(holdout.end), ledger.date_range().map(|r| r.1));
        assert_eq!(holdout.by_frequency.iter().map(|r| r.customers).sum::<usize>(), rows.total);
        let last = holdout.tracking.last().expect("weeks");
        assert!(last.actual > 0 && last.predicted.bgnbd > 0.0 && last.predicted.pareto_nbd > 0.0);
        assert!(holdout.tracking.windows(2).all(|w| w[0].actual <= w[1].actual), "cumulative");

        let mut typed = request(None, TimeUnit::Week);
        typed.simple = SimpleOverrides { retention: Some(0.5), margin: Some(0.3) };
        let again = ask(&mut cache, &ledger, typed);
        assert_eq!(cache.fits_built, 1);
        assert_eq!(again.fitted.map(|f| f.value), Ok(fitted.value.clone()));
        assert_ne!(view.simple, again.simple);
        assert_eq!((again.simple.retention, again.simple.margin), (Some(0.5), Some(0.3)));
        let months = ask(&mut cache, &ledger, request(None, TimeUnit::Month));
        assert_eq!((cache.fits_built, months.unit, months.settings.horizon), (2, TimeUnit::Month, 12));
    }
}
